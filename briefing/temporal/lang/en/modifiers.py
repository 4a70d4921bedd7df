"""Words that qualify a time ("early", "about", "more than") and reference words ("recently")."""

from __future__ import annotations

# Position in a period -> TIMEX3 mod ("early October" -> START). None: a position without a mod
# ("earlier this year", said in June, is any time of the year before it: the year, not its start).
POSITIONS: dict[str, str | None] = {
    "early": "START", "earlier": None, "beginning": "START", "start": "START", "turn": "START",
    "late": "END", "later": None, "end": "END", "close": "END",
    "mid": "MID", "middle": "MID",
    "rest": None, "remainder": None,
}
POSITION_ADJECTIVES = ("early", "earlier", "late", "later", "mid")  # "early October"
POSITION_NOUNS = ("beginning", "start", "end", "middle", "close", "turn", "rest", "remainder")  # "the end of"
BARE_POSITION_NOUNS = ("beginning", "start", "end", "middle")  # "end of May" needs no article

# Quantifiers of a duration -> TIMEX3 mod ("about three weeks" -> APPROX).
QUANTIFIERS: dict[str, str | None] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "upwards of": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "at least": "EQUAL_OR_MORE", "only": None, "just": None,
}

# TIMEX3 mod -> the words a reader sees before the date.
MOD_LABELS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
              "AFTER": "after", "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after",
              "LESS_THAN": "less than", "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most",
              "EQUAL_OR_MORE": "at least"}

# Reference words -> their TIMEX3 value (phrases; whitespace inside matches any whitespace).
REF_WORDS: dict[str, tuple[str, ...]] = {
    "PRESENT_REF": ("right now", "just now", "now", "nowadays", "currently", "current", "at present",
                    "the present", "these days"),
    "PAST_REF": ("more recently", "most recently", "very recently", "recently", "lately", "the past",
                 "the old days"),
    "FUTURE_REF": ("the near future", "the distant future", "the foreseeable future", "the future",
                   "a later date", "the years to come"),
}
REF_LABELS = {"PAST_REF": "recently", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}

# Words before a weekday ("last Friday", "this coming Monday"); the last word of each says whether
# the day lies before the DCT (``BACK_WORDS``), after it (``AHEAD_WORDS``) or as the clause's tense says.
WEEKDAY_RELATIONS = ("last", "this", "next", "coming", "this coming", "this past", "past", "previous",
                     "the previous", "the following", "following")
BACK_WORDS = ("last", "past", "previous")
AHEAD_WORDS = ("next", "coming", "following")
# "this year", "last year", "next year": years from the DCT's.
YEAR_STEPS = {"this": 0, "last": -1, "next": 1}
# "1999 or later": the mod a year gets from what follows it ("or so" is an approximation).
OR_MODS = {"later": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE", "after": "ON_OR_AFTER",
           "before": "ON_OR_BEFORE", "so": "APPROX"}
# "two years ago", "a week from now": the direction from the DCT.
AGO_WORDS = {"ago": -1, "earlier": -1, "from now": 1, "hence": 1, "back": -1}
# Positions within a day: "early Friday", "later today".
DAY_POSITIONS = ("early", "late", "earlier", "later")
