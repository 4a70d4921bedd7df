"""Rule-based TIMEX3 tagging and normalisation (English news).

How it works, and why:

1. Every rule is one compiled regular expression (built once at import) that
   finds candidate extents.  Rules are grammar over a small vocabulary
   (``lang.en``); a cheap *guard* rejects readings that need context
   ("May" the modal, "fall" the verb).
2. Overlapping candidates are resolved longest-first, so "Monday evening"
   beats "Monday" and "the third quarter of 1990" beats "1990".
3. The survivors are normalised left to right, because some values depend
   on what came before: after "the third quarter", "a year earlier" means
   that quarter a year back (TimeBank's convention for earnings reports).
   Relative expressions are anchored on the document creation date (DCT),
   with the sentence's tense deciding between the last and the next Friday.
4. Clock times are anchored last, on the nearest day-precise date of their
   sentence.

Extents follow TimeBank: determiners and "ago" are inside ("the third
quarter", "two years ago"), prepositions outside ("on Friday").
Without a DCT, relative values stay under-specified ("XXXX-10-28").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import TimeExpression
from . import dates as D
from . import timex as X
from .lang.en import (
    AMBIGUOUS_MONTHS,
    COUNTED_NOUNS,
    DAY_WORDS,
    DEADLINE_PREPOSITIONS,
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    FUTURE_WORDS,
    MEASURE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_PREPOSITIONS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NAME_ONLY_ABBREVIATIONS,
    NOON_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_AUXILIARIES,
    PAST_PLANS,
    PAST_REPORTING,
    PERCENT_WORDS,
    POSITION_ADJECTIVES,
    POSITION_NOUNS,
    POSITIONS,
    QUANTIFIERS,
    REF_WORDS,
    SEASON_MONTHS,
    SEASON_PREPOSITIONS,
    SEASONS,
    SET_ADVERBS,
    STREET_WORDS,
    TENS_WORDS,
    TIME_ZONES,
    UNIT_CODES,
    UNIT_FACTORS,
    UNITS_WORDS,
    UTC_ZONES,
    VAGUE_NUMBERS,
    WEEKDAYS,
    YEAR_END_PREPOSITIONS,
)
from .timex import Timex

# ----------------------------------------------------------------------------- building blocks



def _words(phrases, flags: str = "") -> str:
    """An alternation of phrases (longest first), whitespace inside matching any whitespace."""
    alts = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace("\\ ", r"\s+") for p in alts) + ")"


_MONTH_ABBR = "|".join(abbr.capitalize() + ("\\." if dot else "\\.?")  # "Mar." needs its full stop
                       for abbr, (_, dot) in MONTH_ABBREVIATIONS.items())
_MONTH = "(?:" + "|".join(MONTH_NAMES) + "|" + _MONTH_ABBR + ")(?![A-Za-z])"
_WD = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,]\d)(?!\d)"
_ORDW = "(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
_UNITW = "|".join(UNITS_WORDS)
_TENW = "|".join(TENS_WORDS)
_NUMWORD = rf"(?:(?:{_TENW})(?:[- ](?:{_UNITW}))?|{_UNITW}|hundred|a\s+hundred|a\s+dozen|dozen)"
_DIGITS = r"\d+(?:\.\d+)?(?:\s+1/2|\s*½)?"
_VAGUE = "|".join(v.replace(" ", r"\s+") for v in VAGUE_NUMBERS)
_NUM = rf"(?:{_DIGITS}|{_NUMWORD}(?:\s+and\s+a\s+half)?|{_VAGUE}|an?)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)s?"
_DMOD = _words(QUANTIFIERS)
_BARE_POSITION_NOUNS = ("beginning", "start", "end", "middle")  # "end of May" needs no article
_PMOD = (rf"(?:(?:the\s+)?(?:very\s+)?{_words(POSITION_ADJECTIVES)}|mid-|the\s+{_words(POSITION_NOUNS)}\s+of|"
         rf"{_words(_BARE_POSITION_NOUNS)}\s+of)")
_POD = _words(p for p, code in PARTS_OF_DAY.items() if code not in ("MI",))
_TZ = _words(TIME_ZONES)

_I = re.IGNORECASE


@dataclass
class _Ctx:
    """What normalisation needs besides the match: DCT, sentence bounds, discourse state."""

    text: str
    dct: date | None
    sent_starts: list[int]
    quarter_ref: tuple[int, int, int] | None = None  # (year, quarter, offset) of the last quarter named
    last_year: int | None = None  # the last explicit year, for "that year"
    found: list[TimeExpression] = field(default_factory=list)

    def quarter_at(self, pos: int) -> tuple[int, int] | None:
        """The quarter an earnings report is talking about, if one was named not too far back."""
        if self.quarter_ref and pos - self.quarter_ref[2] < 1500:
            return self.quarter_ref[0], self.quarter_ref[1]
        return None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[i] if i >= 0 else 0
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end


_FUTURE_WORDS = _words(FUTURE_WORDS)
_FUTURE_CUE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b|'ll\b", _I)
# The verb nearest to a date decides its tense: in "officials, who will meet again, said Friday" the
# date goes with "said".  A plan reported in the pluperfect ("had been due to expire") is a past one.
_TENSE_CUE = re.compile(rf"\b(?P<past>{_words(PAST_PLANS)}|{_words(PAST_AUXILIARIES + PAST_REPORTING)})\b"
                        rf"|\b(?P<fut>{_FUTURE_WORDS})\b|(?P<fut2>'ll)\b", _I)


_PAST_CUE = re.compile(rf"\b(?:{_words(PAST_AUXILIARIES)}|\w{{3,}}ed)\b", _I)


def _past(ctx: _Ctx, start: int) -> bool:
    """A past-tense verb just before: 'shut down in December' means last December."""
    s0, _ = ctx.sentence(start)
    return bool(_PAST_CUE.search(ctx.text, max(s0, start - 60), start))


def _future(ctx: _Ctx, start: int, end: int) -> bool:
    """Does the clause around [start, end) speak of the future?  Decides 'Friday' = next Friday."""
    s0, s1 = ctx.sentence(start)
    nearest: tuple[int, bool] | None = None
    for c in _TENSE_CUE.finditer(ctx.text, max(s0, start - 80), min(s1, end + 12)):
        if c.start() >= end:
            dist, fut = c.start() - end, c["past"] is None
            if not fut:
                continue  # "Friday, he said": the reporting verb after a date does not date it
        else:
            dist, fut = max(0, start - c.end()), c["past"] is None
        if nearest is None or dist < nearest[0] or (dist == nearest[0] and fut):
            nearest = (dist, fut)
    return bool(nearest and nearest[1])


# ----------------------------------------------------------------------------- numbers and units

def parse_number(s: str) -> float | None:
    """'two' -> 2, 'twenty-five' -> 25, '2 1/2' -> 2.5; None for vague quantities ('several')."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in ("a", "an", "one"):
        return 1.0
    for v in VAGUE_NUMBERS:
        if s == v:
            return 2.0 if "couple" in v else None
    half = 0.0
    if s.endswith("1/2") or s.endswith("½") or s.endswith(" and a half"):
        half = 0.5
        s = re.sub(r"(?:\s*1/2|\s*½| and a half)$", "", s).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    s = s.replace("a hundred", "hundred").replace("a dozen", "dozen")
    if s == "hundred":
        return 100.0 + half
    if s == "dozen":
        return 12.0 + half
    parts = re.split(r"[- ]", s)
    total = 0
    for p in parts:
        if p in TENS_WORDS:
            total += TENS_WORDS[p]
        elif p in UNITS_WORDS:
            total += UNITS_WORDS[p]
        else:
            return None
    return float(total) + half


def _unit_of(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration: (2, 'year') -> P2Y, (None, 'week') -> PXW, (1.5, 'hour') -> PT1H30M."""
    letter, is_time = UNIT_CODES[unit]
    factor = UNIT_FACTORS.get(unit, 1)
    if unit == "quarter":
        letter, factor = "M", 3
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{'Y' if unit in ('decade', 'century') else letter}"
    n = n * factor
    if n != int(n):
        whole, frac = int(n), n - int(n)
        smaller = {"Y": (12, "M", False), "H": (60, "M", True), "D": (24, "H", True),
                   "M": (30, "D", False) if not is_time else (60, "S", True)}.get(letter)
        if smaller and abs(frac * smaller[0] - round(frac * smaller[0])) < 1e-6:
            sub = int(round(frac * smaller[0]))
            head = f"{whole}{letter}" if whole else ""
            if smaller[2] and not is_time:
                return f"P{head}T{sub}{smaller[1]}"
            return f"{prefix}{head}{sub}{smaller[1]}"
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"


# ----------------------------------------------------------------------------- value helpers

def _mod_of(word: str | None) -> str | None:
    """'early' -> START, 'the end of' -> END, 'mid-' -> MID (TimeML position modifiers)."""
    for w in re.findall(r"[a-z]+", (word or "").lower()):
        if POSITIONS.get(w):
            return POSITIONS[w]
    return None


def _quant_mod(word: str | None) -> str | None:
    """TimeML quantifier modifiers ('about' -> APPROX, 'more than' -> MORE_THAN)."""
    return QUANTIFIERS.get(re.sub(r"\s+", " ", (word or "").lower()))


def _month_num(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day_num(word: str) -> int:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    return int(re.match(r"\d+", w).group())  # type: ignore[union-attr]


def _weekday_date(dct: date, wd: int, rel: str | None, future: bool) -> date:
    """Which date a weekday name means, seen from the DCT.

    Default: the most recent such day on or before the DCT (news reports the
    past); 'next'/'coming' or a future-tense clause: the first on or after.
    """
    rel = (rel or "").lower().split()
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if rel and rel[-1] in ("last", "past", "previous"):
        return dct - timedelta(days=back or 7)
    if rel and rel[-1] in ("next", "coming", "following"):
        return dct + timedelta(days=fwd or 7)
    if rel and rel[-1] == "this":
        return dct + timedelta(days=fwd) if future else dct - timedelta(days=back)
    return dct + timedelta(days=fwd) if future else dct - timedelta(days=back)


# ----------------------------------------------------------------------------- rules

Handler = Callable[[re.Match[str], _Ctx], "tuple[str, Timex, str | None] | None"]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    guard: Guard | None = None
    group: str | None = None  # extent = this group's span instead of the whole match
    keys: re.Pattern[str] | None = None  # a word any match contains: skip the rule if absent


_RULES: list[_Rule] = []


def _rule(name: str, pattern: str, flags: int = 0, guard: Guard | None = None,
          group: str | None = None, keys: str | None = None) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        # Matches start at a word start: cheap to test, and spares the engine from trying every
        # optional prefix at every character (a 4x speed-up).
        rx = re.compile(r"(?<![\w'])(?=[\w'])" + pattern, flags)
        _RULES.append(_Rule(name, rx, fn, guard, group, re.compile(keys, _I) if keys else None))
        return fn
    return deco


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z'-]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""




def _month_guard(m: re.Match[str], text: str) -> bool:
    """'May' and 'March' alone are usually a modal and a verb: want a date-like neighbour."""
    mon = m.group("mon")
    if mon in NAME_ONLY_ABBREVIATIONS and not m.group("day"):
        return False  # "Jan" alone is a name
    if mon not in AMBIGUOUS_MONTHS:
        return True
    if m.group("day") or m.group("year") or m.group("ryear") or m.group("pm") or m.group("rel"):
        return True
    return _prev_word(text, m.start()) in MONTH_PREPOSITIONS


# -- full and partial calendar dates --------------------------------------------------------------

@_rule("iso", r"(?<![\d/-])(?P<y>1[0-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
              r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d-])")
def _iso(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    v = X.day(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["h"]:
        return "TIME", X.clock(v, int(m["h"]), int(m["mi"])), None
    return "DATE", v, None


@_rule("slash",
       r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def _slash(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    y = m["y"]
    if len(y) == 2:
        y = ("20" if int(y) < 50 else "19") + y
    return "DATE", X.day(int(y), int(m["m"]), int(m["d"])), None


@_rule("mdy",
       rf"(?:(?P<pm>{_PMOD})[\s-]*)?(?:(?P<rel>(?i:last|this|next|this\s+coming|this\s+past|that))\s+)?"
       rf"(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<mon>{_MONTH})"
       rf"(?:\s+(?P<day>{_DAY}|(?i:{_ORDW})(?![\w-])))?"
       rf"(?:(?:,?\s+(?:(?i:of)\s+)?|\s*')(?P<year>{_YEAR}|\d\d(?![\d,.]\d))"
       rf"|\s+(?P<ryear>(?i:this|last|next))\s+(?i:year))?(?![\d])",
       guard=_month_guard)
def _mdy(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    month = _month_num(m["mon"])
    day = _day_num(m["day"]) if m["day"] else None
    mod = _mod_of(m["pm"])
    year: int | None = None
    if m["year"]:
        y = m["year"]
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        ctx.last_year = year
    elif ctx.dct:
        rel = (m["rel"] or m["ryear"] or "").lower()
        if m["ryear"]:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
        elif rel in ("last", "this past"):
            before = (month, day or 1) < (ctx.dct.month, ctx.dct.day) and month != ctx.dct.month
            year = ctx.dct.year if before else ctx.dct.year - 1
        elif rel in ("next", "this coming"):
            year = ctx.dct.year if (month, day or 99) > (ctx.dct.month, ctx.dct.day) else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        elif of_year := _OF_REL_YEAR.match(ctx.text, m.end()):  # "October of next year"
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[of_year[1].lower()]
        else:
            deadline = _prev_word(ctx.text, m.start()) in DEADLINE_PREPOSITIONS
            future = _future(ctx, m.start(), m.end()) or deadline
            year = D.choose_year(ctx.dct, month, day, future, past=not future and _past(ctx, m.start()))
    if day is None:
        return "DATE", X.month(year, month), mod
    if day > 31:
        return None
    return "DATE", X.day(year, month, day), mod


# TimeBank tags "next year" apart from the month it dates ("after October of next year").
_OF_REL_YEAR = re.compile(r"\s+of\s+(this|last|next)\s+year\b", _I)


@_rule("week_of", rf"(?i:the\s+(?:(?P<ord>first|second|third|fourth|last|final)\s+)?week\s+of\s+)"
                  rf"(?P<mon>{_MONTH})(?:\s+(?P<day>{_DAY}))?(?:,?\s+(?P<year>{_YEAR}))?", keys=r"week\s+of")
def _week_of(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    """'the week of March 6' and 'the last week of March' are ISO weeks (a week belongs to the month
    holding its Thursday, as in ISO 8601)."""
    month = _month_num(m["mon"])
    day = _day_num(m["day"]) if m["day"] else None
    if (m["ord"] is None) == (day is None):
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct:
        year = D.choose_year(ctx.dct, month, day, _future(ctx, m.start(), m.end()))
    else:
        return "DATE", X.week(None, None), None
    if day is not None:
        try:
            return "DATE", X.week_of(date(year, month, day)), None
        except ValueError:
            return None
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["ord"].lower(), -1)
    return "DATE", X.week_of(_nth_weekday(year, month, 3, n)), None


@_rule("dmy", rf"(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|"
              rf"(?i:{_ORDW}))\s+(?:(?i:of)\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?")
def _dmy(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    month, day = _month_num(m["mon"]), _day_num(m["day"])
    if m["year"]:
        year: int | None = int(m["year"])
        ctx.last_year = year
    elif ctx.dct:
        year = D.choose_year(ctx.dct, month, day, _future(ctx, m.start(), m.end()))
    else:
        year = None
    return "DATE", X.day(year, month, day), None


# What makes the four digits after it a phone number, an extension, a room or a road: "815-748-2060",
# "ext. 1133", "Suite 2001", "FR 1497".
_NUMBER_LABEL_BEFORE = re.compile(
    r"(?:(?<!\d)\d{3}[-.]|\b(?i:ext|extension|room|suite|apt|box|flight|gate|hwy|highway|route|rte)\.?\s*"
    r"|\bNo\.\s*|#\s*|\b(?:FR|FM|CR|SR|RM)\s+)$"
)


def _year_guard(m: re.Match[str], text: str) -> bool:
    """A bare four-digit number is a year unless it is money, a count or part of a bigger number."""
    if m["pm"] or m["pre"]:
        return True
    before = text[max(0, m.start() - 2):m.start()]
    if re.search(r"[$£€#©]\s*$|\d[.,]?$", before):
        return False
    if _NUMBER_LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return False  # "815-748-2060", "ext. 1133", "FR 1497": a phone number, an extension, a road
    if _COUNTED.match(text, m.end(), m.end() + 12) or _ADDRESS.match(text, m.end(), m.end() + 48):
        return False
    return True


# "1500 troops", "20 percent", "a 2000-foot climb"; "1935 Orchard St." is a house number.
_COUNTED = re.compile(rf"\s*(?:{_words(PERCENT_WORDS)}|-?(?:{_words(MEASURE_WORDS + COUNTED_NOUNS)}"
                      r"|[a-z]+\s+(?:people|troops)))\b", _I)
_ADDRESS = re.compile(rf"\s+(?:[A-Z][\w'.-]*\s+){{1,3}}(?i:{_words(STREET_WORDS)})\b")


@_rule("year",
       rf"(?:(?P<pm>{_PMOD})[\s-]*)?(?:(?P<pre>(?i:(?:the\s+)?(?:fiscal|calendar|fiscal\s+year|model\s+year|year)"
       rf"|FY))\s*'?)?(?<![\d$£€#,.])(?P<y>{_YEAR})(?![\d%]|,\d|\.\d|-\d)"
       rf"(?:\s+(?P<or>(?i:or\s+(?:later|earlier|after|before|so))))?",
       guard=_year_guard)
def _year(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    mod = _mod_of(m["pm"])
    ctx.last_year = int(m["y"])
    if m["or"]:
        mod = {"later": "ON_OR_AFTER", "after": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE",
               "before": "ON_OR_BEFORE"}.get(m["or"].split()[-1].lower(), "APPROX")
    return "DATE", X.year(int(m["y"])), mod


@_rule("fiscal_short", r"\b(?:(?i:fiscal)\s+'|FY\s*'?)(?P<y>\d\d)(?!\d)", keys=r"fiscal|FY")
def _fiscal_short(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    y = int(m["y"])
    return "DATE", X.year(2000 + y if y < 50 else 1900 + y), None


@_rule("decade",
       rf"(?:(?i:the)\s+)?(?:(?P<pm>{_PMOD})[\s-]*)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s"
       rf"|(?P<d3>[2-9])0s|(?P<dw>(?i:{'|'.join(DECADE_WORDS)})))(?![A-Za-z])", keys=r"\ds\b|ties\b")
def _decade(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    # TimeML writes a decade as the first three digits of its years: "the 1970s" -> 197.
    if m["c"]:
        v = int(f"{m['c']}{m['d']}0")
    else:
        bare = m["d3"] or m["dw"]
        digit = int(m["d2"] or m["d3"]) if not m["dw"] else DECADE_WORDS[m["dw"].lower()]
        if bare and not m.group(0).lower().startswith("the") and not (
                m["d3"] and _prev_word(ctx.text, m.start()) in ("and", "or", "to", "through")):
            return None  # "in his nineties", "in her 70s" are ages
        century = "19"
        if ctx.dct and ctx.dct.year >= 2000 and digit <= (ctx.dct.year % 100) // 10:
            century = "20"
        v = int(f"{century}{digit}0")
    return "DATE", X.decade(v), _mod_of(m["pm"])


@_rule("century", rf"(?:(?i:the)\s+)?(?:(?P<pm>{_PMOD})[\s-]*)?"
                  rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>(?i:{_ORDW})))"
                  r"[\s-]+(?i:century)(?![a-z])", keys=r"centur")
def _century(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    n = int(m["n"]) if m["n"] else ORDINALS[m["o"].lower()]
    return "DATE", X.century(n - 1), _mod_of(m["pm"])


_SPELLED_YEAR = (rf"(?P<c>nineteen|eighteen|twenty)[\s-]+(?P<yy>(?:{_TENW})(?:[\s-](?:{_UNITW}))?|{_UNITW}|"
                 rf"hundred(?:\s+and\s+(?:{_UNITW}))?)|(?P<tt>two\s+thousand(?:\s+and\s+(?:{_UNITW}))?)")


@_rule("spelled_year",
       rf"(?i:(?:the\s+year\s+)?(?:{_SPELLED_YEAR}))(?![\w-])(?![\s-]+(?i:{_UNIT}|people|of)\b)")
def _spelled_year(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    if m["tt"]:
        rest = m["tt"].lower().split(" and ")
        return "DATE", X.year(2000 + (UNITS_WORDS[rest[1]] if len(rest) > 1 else 0)), None
    if m["c"].lower() == "twenty" and not m.group(0).lower().startswith("the year"):
        return None  # "twenty five" is a number
    century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m["c"].lower()]
    yy = m["yy"].lower()
    n = 0 if yy.startswith("hundred") else parse_number(yy.replace("-", " "))
    if yy.startswith("hundred") and " and " in yy:
        n = UNITS_WORDS[yy.split(" and ")[1]]
    if n is None or (n < 10 and not yy.startswith("hundred")):
        return None
    return "DATE", X.year(century + int(n)), None


# -- quarters, halves, reporting periods ---------------------------------------------------------

_QWORDS = (rf"(?:{_YEAR}'?s?|(?:this|last|next)\s+year's|this|last|next|current|latest|recent|previous|prior|"
           r"year-ago|year-earlier|year\s+ago|same|comparable|corresponding|fiscal|calendar|first|second|third|"
           r"fourth|1st|2nd|3rd|4th|final|flat|strong|weak|difficult|typical)")


@_rule("quarter",
       rf"(?i:(?:(?:the|a|its|this|that)\s+)?(?:{_QWORDS}[\s-]+){{1,3}}quarter(?![\w-]*\s+(?:of\s+a\s+)?"
       rf"(?:century|mile|inch|point|percent|cent|pound))(?:\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|this\s+year|"
       rf"last\s+year|next\s+year|the\s+year))?)|(?i:the\s+quarter)(?![\s-]+(?:century|of\s+a\b))"
       rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<qy>{_YEAR}))?\b", keys=r"quarter|\bQ[1-4]")
def _quarter(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    s = m.group(0).lower()
    ym = re.search(r"(1[0-9]\d\d|20\d\d)", s)
    year: int | None = int(ym.group(1)) if ym else None
    q: int | None = int(m["qn"]) if m["qn"] else None
    for word, n in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("1st", 1), ("2nd", 2),
                    ("3rd", 3), ("4th", 4), ("final", 4)):
        if re.search(rf"\b{word}\b", s):
            q = n
            break
    back = bool(re.search(r"last year|year-ago|year-earlier|year ago", s))
    ended = _ENDED.match(ctx.text, m.end())
    if q is None and ended:  # "the quarter ended Sept. 30": the calendar quarter of that month
        q = (_month_num(ended["mon"]) - 1) // 3 + 1
    ref = ctx.quarter_at(m.start())
    base = ctx.dct
    if q is None:
        if ref and not re.search(r"\b(?:current|next|previous|prior)\b|\blast quarter", s):
            year, q = (year or ref[0] - (1 if back else 0)), ref[1]
            return "DATE", X.quarter(year, q), None
        if base is None:
            return "DATE", X.quarter(None, None), None
        delta = -1
        if re.search(r"\b(?:current|this)\b", s):
            delta = 0
        elif "next" in s:
            delta = 1
        elif re.search(r"\b(?:previous|prior)\b|\blast quarter", s):
            delta = -2 if ref else -1
        y2, q0 = divmod(base.year * 4 + D.quarter_of(base) - 1 + delta, 4)
        q, year = q0 + 1, year or (y2 - (1 if back else 0))
    if year is None:
        if base is None:
            return "DATE", X.quarter(None, q), None
        cur = D.quarter_of(base)
        year = base.year + (1 if "next year" in s else 0)
        if back:
            year -= 1
        elif "next year" not in s and q > cur and q - cur >= 2 and not _future(ctx, m.start(), m.end()):
            year -= 1
    if not back:
        ctx.quarter_ref = (year, q, m.start())
    return "DATE", X.quarter(year, q), None


_ENDED = re.compile(rf"\s+(?i:ended|ending|that\s+ended|which\s+ended)\s+(?P<mon>{_MONTH})")


@_rule("year_period", rf"(?i:the\s+)(?P<y>{_YEAR})\s+(?i:period|quarter)(?![\w-])", keys=r"period|quarter")
def _year_period(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    ref = ctx.quarter_at(m.start())
    if ref:
        return "DATE", X.quarter(int(m["y"]), ref[1]), None
    return "DATE", X.year(int(m["y"])), None


@_rule("half", rf"(?i:(?:the\s+)?(?P<h>first|second|last|latter)[\s-]+half(?:\s+of\s+(?:(?P<y>{_YEAR})"
               rf"|(?P<ry>this|last|next)\s+year|the\s+year|fiscal\s+(?P<fy>{_YEAR})))?)(?![\w-])",
       keys=r"half")
def _half(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    h = 1 if m["h"].lower() == "first" else 2
    if m["y"] or m["fy"]:
        year: int | None = int(m["y"] or m["fy"])
    elif ctx.dct:
        year = ctx.dct.year + {"last": -1, "next": 1}.get((m["ry"] or "").lower(), 0)
    else:
        year = None
    if not (m["y"] or m["fy"] or m["ry"]) and not m.group(0).lower().startswith("the"):
        return None
    return "DATE", X.half(year, h), None


@_rule("yearago_period",
       r"(?i:(?:the\s+)?(?:year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|previous-year|"
       r"comparable|corresponding|same)\s+(?:period|nine\s+months|six\s+months|quarter|months?)"
       r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+\d{4}))?|year-earlier|year-ago)(?![\w-])")
def _yearago_period(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    s = m.group(0).lower()
    if "nine months" in s:
        return "DURATION", X.duration("P9M"), None
    if "six months" in s:
        return "DURATION", X.duration("P6M"), None
    back = any(w in s for w in ("ago", "earlier", "prior", "previous", "last year", "corresponding",
                                "comparable"))
    ref = ctx.quarter_at(m.start())
    if ref:
        return "DATE", X.quarter(ref[0] - 1 if back else ref[0], ref[1]), None
    if ctx.dct:
        return "DATE", X.year(ctx.dct.year - 1 if back else ctx.dct.year), None
    return "DATE", X.year(None), None


@_rule("latest_period", r"(?i:the\s+(?:latest|most\s+recent|current|recent)\s+(?P<u>period|fiscal\s+year|"
                        r"year|month|week|nine\s+months|six\s+months))(?![\w-])")
def _latest_period(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    u = re.sub(r"\s+", " ", m["u"].lower())
    if u == "nine months":
        return "DURATION", X.duration("P9M"), None
    if u == "six months":
        return "DURATION", X.duration("P6M"), None
    current = "current" in m.group(0).lower()
    if u == "period":
        ref = ctx.quarter_at(m.start())
        if ref:
            return "DATE", X.quarter(ref[0], ref[1]), None
        return "DATE", X.ref("PRESENT_REF" if current else "PAST_REF"), None
    if not ctx.dct:
        return "DATE", {"week": X.week(None, None), "month": X.month(None, None)}.get(u, X.year(None)), None
    d = ctx.dct
    if u == "week":
        return "DATE", X.week_of(d if current else d - timedelta(days=7)), None
    if u == "month":
        return "DATE", X.of_month(d if current else D.add_months(d, -1)), None
    return "DATE", X.year(d.year if current else d.year - 1), None




@_rule("year_end", r"(?i:(?:the\s+)?(?:year[- ]end|year's\s+end))(?![\w-])", keys=r"year[- ]end|year's\s+end")
def _year_end(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    """'by year-end' is the end of the current year; 'since year-end' the end of the last one.

    Only after a preposition: 'year-end results' is a kind of result, not a date."""
    prev = _prev_word(ctx.text, m.start())
    if prev not in YEAR_END_PREPOSITIONS:
        return None
    if ctx.dct is None:
        return "DATE", X.year(None), "END"
    return "DATE", X.year(ctx.dct.year - (prev == "since")), "END"


# -- relative units: last week, this year, the past two months ------------------------------------

_REL_UNIT = r"(?:week|weekend|month|year|decade|century|fiscal\s+year|spring|summer|fall|autumn|winter)"


_YEAR_AS_SPAN = re.compile(r"\s+(?:ended|ending|to\s+date|before|earlier|as\s+a\s+whole)", _I)


@_rule("relative",
       rf"(?i:(?:(?P<pm>{_PMOD})[\s-]*)?(?P<rel>last|this|next|coming|past|previous|current|this\s+past|"
       rf"this\s+coming|the\s+(?:past|last|coming|next|previous|current|following|preceding|prior|same|"
       rf"whole|entire|full|remainder\s+of\s+the|rest\s+of\s+the)|the|that|same)\s+(?P<u>{_REL_UNIT}))"
       rf"(?![\w-])")
def _relative(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    u = re.sub(r"\s+", " ", m["u"].lower())
    pm = m["pm"]
    mod = _mod_of(pm)
    s = m.group(0).lower()
    if u in SEASONS:
        return _season_value(ctx, m, SEASONS[u], rel, None, mod)
    if u == "fiscal year":
        u = "year"
    if rel == "that" and u == "year" and ctx.last_year:
        return "DATE", X.year(ctx.last_year), mod
    if rel == "the following" and u == "year" and ctx.last_year and not pm:
        return "DATE", X.year(ctx.last_year + 1), None  # "In May 1995 ..., and the following year" = 1996
    if rel in ("the", "that", "same", "the same") and u != "weekend" and not pm:
        if u == "year" and rel == "the":
            if _YEAR_AS_SPAN.match(ctx.text, m.end()):
                return "DURATION", X.duration("P1Y"), None
            return "DATE", X.year(ctx.dct.year if ctx.dct else None), None
        return None
    if rel in ("the past", "the last", "the coming", "the next", "past", "the whole", "the entire",
               "the full", "the following") and u != "weekend" and not pm:
        if rel in ("past",) and u == "week" and not s.startswith("past"):
            pass
        if rel == "the full" and u == "year":
            return "DATE", X.year(ctx.dct.year if ctx.dct else None), None
        return "DURATION", X.duration(duration_value(1, u)), None
    if rel in ("remainder of the", "rest of the", "the remainder of the", "the rest of the"):
        return None
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the previous": -1, "the preceding": -1,
            "the prior": -1, "the last": -1, "the past": -1,
            "next": 1, "coming": 1, "this coming": 1, "the next": 1, "the coming": 1,
            "the following": 1}.get(rel, 0)
    d = ctx.dct
    if u == "weekend":
        return _weekend(ctx, m, step)
    if d is None:
        return "DATE", {"week": X.week(None, None), "month": X.month(None, None), "year": X.year(None),
                        "decade": X.decade(None), "century": X.century(None)}[u], mod
    if u == "week":
        return "DATE", X.week_of(d + timedelta(days=7 * step)), mod
    if u == "month":
        return "DATE", X.of_month(D.add_months(d, step)), mod
    if u == "year":
        return "DATE", X.year(d.year + step), mod
    if u == "decade":
        if step == 0 and rel == "this":
            return "DATE", X.parse(f"{d.year // 10}X"), mod
        return "DURATION", X.duration("P10Y"), None
    if u == "century":
        if step == 0:
            return "DATE", X.duration("P100Y") if not pm else X.century(d.year // 100), mod
        return "DATE", X.century(d.year // 100 + step), mod
    return None


def _weekend(ctx: _Ctx, m: re.Match[str], step: int) -> tuple[str, Timex, str | None]:
    d = ctx.dct
    if d is None:
        return "DATE", X.week(None, None, weekend=True), None
    if step == 0:
        if d.weekday() >= 5:
            ref = d
        elif _future(ctx, m.start(), m.end()):
            ref = d + timedelta(days=5 - d.weekday())
        else:
            ref = d - timedelta(days=d.weekday() + 1)
    else:
        ref = d - timedelta(days=d.weekday() + 1) if step < 0 else d + timedelta(days=12 - d.weekday())
    return "DATE", X.week_of(ref, weekend=True), None


def _season_value(ctx: _Ctx, m: re.Match[str], code: str, rel: str, year: int | None,
                  mod: str | None) -> tuple[str, Timex, str | None]:
    if year is not None:
        return "DATE", X.season(year, code), mod
    d = ctx.dct
    if d is None:
        return "DATE", X.season(None, code), mod
    if rel == "this past":  # the most recent one that has begun
        start_month = SEASON_MONTHS[code][0]
        return "DATE", X.season(d.year if d.month >= start_month else d.year - 1, code), mod
    step = {"last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1,
            "next": 1, "coming": 1, "this coming": 1, "the coming": 1, "the next": 1}.get(rel, 0)
    if step:
        return "DATE", X.season(d.year + step, code), mod
    start_month = SEASON_MONTHS[code][0]
    cur_year, cur = D.season_of(d)
    if code == cur:
        return "DATE", X.season(cur_year, code), mod
    if rel == "this" or d.month >= start_month or _future(ctx, m.start(), m.end()):
        return "DATE", X.season(d.year, code), mod
    return "DATE", X.season(d.year - 1, code), mod


def _season_guard(m: re.Match[str], text: str) -> bool:
    if m["rel"] or m["y"] or m["pm"]:
        return True
    return _prev_word(text, m.start()) in SEASON_PREPOSITIONS


@_rule("season", rf"(?:(?P<pm>{_PMOD})[\s-]*)?(?:(?P<rel>(?i:the|this|last|next))\s+)?"
                 rf"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?(?![\w-])",
       guard=_season_guard, keys=r"spring|summer|fall|autumn|winter")
def _season(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    rel = (m["rel"] or "").lower()
    year = int(m["y"]) if m["y"] else None
    return _season_value(ctx, m, SEASONS[m["s"].lower()], rel, year, _mod_of(m["pm"]))


# -- days: weekdays, yesterday, tonight, parts of day --------------------------------------------

@_rule("weekday",
       rf"(?:(?P<pm>(?i:early|late|earlier|later))\s+)?(?:(?P<rel>(?i:last|this|next|coming|this\s+coming|"
       rf"this\s+past|past|previous|the\s+previous|the\s+following|following))\s+)?(?P<wd>{_WD})(?P<pl>s)?"
       rf"(?:\s+(?P<pod>(?i:{_POD}))(?P<pl2>s)?)?(?![\w])")
def _weekday(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    wd = WEEKDAYS[m["wd"].lower()]
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None
    if m["pl"] or m["pl2"]:
        return "SET", X.parse(f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")), None
    mod = _mod_of(m["pm"])
    if ctx.dct is None:
        return "DATE", X.parse(f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")), mod
    v = X.of_date(_weekday_date(ctx.dct, wd, m["rel"], _future(ctx, m.start(), m.end())))
    if pod:
        return "TIME", X.part_of_day(v, pod), mod
    return "DATE", v, mod




@_rule("dayword", rf"(?i:(?:(?P<pm>early|late|earlier|later)\s+)?(?P<w>yesterday|today|tomorrow|tonight)"
                  rf"(?:\s+(?P<pod>{_POD}))?)(?![\w])")
def _dayword(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    w = m["w"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ("NI" if w == "tonight" else None)
    mod = _mod_of(m["pm"])
    if ctx.dct is None:
        if w == "today" and not pod:
            return "DATE", X.ref("PRESENT_REF"), None
        v = X.day(None, None, None)
    else:
        v = X.of_date(ctx.dct + timedelta(days=DAY_WORDS[w]))
    if pod:
        return "TIME", X.part_of_day(v, pod), mod
    return "DATE", v, mod


@_rule("this_pod",
       rf"(?i:(?:(?P<pm>early|late)\s+)?(?P<rel>this|last|the\s+previous)\s+(?P<pod>{_POD}))(?![\w])",
       keys=r"morning|afternoon|evening|night")
def _this_pod(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if rel == "last" and pod not in ("NI", "EV"):
        return None
    shift = 0 if rel == "this" else -1
    v = X.of_date(ctx.dct + timedelta(days=shift)) if ctx.dct else X.day(None, None, None)
    return "TIME", X.part_of_day(v, pod), _mod_of(m["pm"])


# -- holidays ----------------------------------------------------------------------------------

def _easter(year: int) -> date:
    """Anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, D.month_last_day(year, month))
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _holiday_date(name: str, year: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        mo, dy = FIXED_HOLIDAYS[name]
        return date(year, mo, dy)
    rule = MOVABLE_HOLIDAYS.get(name)
    if rule is None:
        return None
    if rule[0] == "easter":
        return _easter(year) + timedelta(days=rule[1])
    _, mo, wd, n, after = rule
    return _nth_weekday(year, mo, wd, n) + timedelta(days=after)


_HOLIDAY_NAMES = sorted([*FIXED_HOLIDAYS, *MOVABLE_HOLIDAYS], key=len, reverse=True)


@_rule("holiday", r"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>"
                  + "|".join(re.escape(h).replace("\\ ", r"\s+").replace("'", "['’]") for h in _HOLIDAY_NAMES)
                  + rf")(?:,?\s+(?P<y>{_YEAR}))?(?![\w-])", flags=_I)
def _holiday(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    h = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    if h.startswith("the ") and m["h"][4].islower() and "july" not in h:
        return None
    if not m["h"][0].isupper() and not h.startswith("the"):
        return None  # "christmas" in lower case is rarely the date
    if m["y"]:
        d = _holiday_date(h, int(m["y"]))
        return ("DATE", X.of_date(d), None) if d else None
    if ctx.dct is None:
        d0 = _holiday_date(h, 2001)
        return ("DATE", X.day(None, d0.month, d0.day), None) if d0 and h in FIXED_HOLIDAYS else None
    rel = (m["rel"] or "").lower()
    this_year = _holiday_date(h, ctx.dct.year)
    if this_year is None:
        return None
    if rel == "last" or (not rel and this_year > ctx.dct and not _future(ctx, m.start(), m.end())
                         and (this_year - ctx.dct).days > 14):
        d = this_year if rel == "last" and this_year < ctx.dct else _holiday_date(h, ctx.dct.year - 1)
    elif rel == "next" or (this_year < ctx.dct and _future(ctx, m.start(), m.end())):
        d = this_year if this_year > ctx.dct else _holiday_date(h, ctx.dct.year + 1)
    else:
        d = this_year
    return ("DATE", X.of_date(d), None) if d else None


# -- ago / earlier / from now ---------------------------------------------------------------------

@_rule("ago", rf"(?i:(?:(?P<q>{_DMOD})\s+)?(?P<n>{_NUM})(?:\s+or\s+so)?[\s-]+(?P<u>{_UNIT})(?:\s+or\s+so)?"
              rf"(?:\s+(?:and\s+(?:a\s+half|{_NUM}\s+{_UNIT})))?\s+(?P<dir>ago|earlier|from\s+now|hence|back))(?![\w])",
       keys=r"ago\b|earlier|from now|hence|back")
def _ago(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    u = _unit_of(m["u"])
    if u == "second" and m["n"].lower() in ("a", "an"):
        return None
    n = parse_number(m["n"])
    mod = _quant_mod(m["q"]) or ("APPROX" if "or so" in m.group(0).lower() else None)
    direction = m["dir"].lower()
    sign = 1 if direction in ("from now", "hence") else -1
    if n is None:
        return "DATE", X.ref("FUTURE_REF" if sign > 0 else "PAST_REF"), None
    ref = ctx.quarter_at(m.start())
    if direction in ("earlier", "ago") and ref and u in ("year", "quarter") and n == 1:
        y, q = ref
        idx = y * 4 + q - 1 + sign * round(n * (4 if u == "year" else 1))
        yy, qq = divmod(idx, 4)
        return "DATE", X.quarter(yy, qq + 1), mod
    d = ctx.dct
    if d is None:
        return "DATE", X.ref("PAST_REF" if sign < 0 else "FUTURE_REF"), mod
    if u in ("hour", "minute", "second"):
        return "DATE", X.of_date(d), mod
    t = D.shift(d, sign * n, u)
    if u == "day":
        return "DATE", X.of_date(t), mod
    if u in ("week", "fortnight"):
        return "DATE", X.week_of(t), mod
    if u in ("month", "quarter"):
        return "DATE", X.of_month(t), mod
    return "DATE", X.year(t.year), mod


# -- durations -----------------------------------------------------------------------------------

@_rule("duration",
       rf"(?i:(?:(?:the|a|an)\s+(?![\w.]+-{_UNIT}\b))?(?:(?P<dir>past|last|next|first|coming|previous|final|latest|following|"
       rf"remaining|initial|ensuing|same|other|additional|extra|subsequent)\s+)?(?:(?P<q>{_DMOD})\s+)?"
       rf"(?P<n>{_NUM})(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|working|"
       rf"calendar|extra|further))?[\s-]+(?P<u>{_UNIT})(?![\s-]+old\b)(?:\s+or\s+so)?(?:\s+and\s+(?P<n2>a\s+half|"
       rf"{_NUM}[\s-]+(?P<u2>{_UNIT}))|\s+or\s+(?P<n3>{_NUMWORD}|\d+)(?![\s-]*(?:{_UNIT}|[\d-])))?)(?![\w-])")
def _duration(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    u = _unit_of(m["u"])
    nword = m["n"].lower()
    if u == "second" and nword in ("a", "an", "one"):
        return None
    if nword in ("a", "an") and m["u"].lower().endswith("s"):
        return None
    n = parse_number(m["n"])
    if n is None and nword in ("some", "many", "few") and not m["u"].lower().endswith("s"):
        return None
    if u == "quarter" and not m["dir"] and (_QUARTER_SHARE.match(ctx.text, m.end()) or "-" in m.group(0)):
        return None  # "three-quarters of its food" is a share, not three quarters of a year
    mod = _quant_mod(m["q"])
    if "or so" in m.group(0).lower() or "couple" in nword or m["n3"]:
        mod = "APPROX"
    if m["n2"]:
        n2 = m["n2"].lower()
        if "half" in n2 and n is not None:
            n += 0.5
        elif m["u2"] and n is not None:
            n2v = parse_number(re.sub(rf"[\s-]+{re.escape(m['u2'])}$", "", m["n2"]))
            if n2v is not None and _unit_of(m["u2"]) in UNIT_CODES:
                first = duration_value(n, u)
                second = duration_value(n2v, _unit_of(m["u2"]))
                if first.startswith("P") and not first.startswith("PT") and second.startswith("PT"):
                    return "DURATION", X.duration(first + second[1:]), mod
                return "DURATION", X.duration(first + second[1 + first.startswith("PT"):]), mod
    return "DURATION", X.duration(duration_value(n, u)), mod


_QUARTER_SHARE = re.compile(r"\s+of\s+(?!(?:fiscal\s+)?(?:1[0-9]|20)\d\d\b|the\s+(?:fiscal\s+)?year\b|"
                            r"(?:this|last|next)\s+year\b)", _I)


@_rule("half_unit", r"(?i:(?:a\s+)?half\s+(?:an?\s+)?(?P<u>hour|day|year|century|decade|month)|"
                    r"a\s+half[\s-]+(?P<u2>hour|day|year|century))(?![\w-])", keys=r"half")
def _half_unit(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    u = (m["u"] or m["u2"]).lower()
    return "DURATION", X.duration({"hour": "PT30M", "day": "PT12H", "year": "P6M", "century": "P50Y",
                                   "decade": "P5Y", "month": "P2W"}[u]), None


@_rule("bare_plural", r"(?i:(?:for|within|over|in|after|take|takes|took|lasted|last)\s+(?P<x>(?:the\s+)?"
                      r"(?:coming\s+|next\s+|past\s+|last\s+|following\s+|ensuing\s+)?"
                      r"(?P<u>days|weeks|months|years|decades|centuries|hours|minutes)(?:\s+ahead|\s+to\s+come)?))"
                      r"(?![\w-])", group="x")
def _bare_plural(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    x = m["x"].lower()
    if x.startswith("the") and not re.search(r"coming|next|past|last|following|ensuing|ahead|to come", x):
        return None
    return "DURATION", X.duration(duration_value(None, _unit_of(m["u"]))), None


@_rule("recent_units", r"(?i:(?:more\s+)?recent\s+(?P<u>days|weeks|months|years|decades|quarters))(?![\w-])",
       keys=r"recent")
def _recent_units(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    """'in recent weeks' is an unspecified stretch of weeks ending now (TimeBank: PXW)."""
    return "DURATION", X.duration(duration_value(None, _unit_of(m["u"]))), None


# -- sets ------------------------------------------------------------------------------------------



@_rule("set_adverb", r"(?i:" + "|".join(SET_ADVERBS) + r")(?![\w-])")
def _set_adverb(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    if m.group(0)[0].isupper() and _prev_word(ctx.text, m.start()) in ("the", "a"):
        return None  # a newspaper's name ("the Daily ...")
    return "SET", X.duration(SET_ADVERBS[m.group(0).lower()]), None


@_rule("set_every",
       rf"(?i:(?:every|each)\s+(?:other\s+)?(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT}|morning|afternoon|"
                    rf"evening|night|weekend|summer|winter|spring|autumn|fall)|(?:once|twice|thrice|{_NUM}\s+times)"
                    rf"\s+(?:a|an|per|each|every)\s+(?P<u2>day|week|month|year|quarter|decade))(?![\w-])"
                    rf"|(?i:every|each)\s+(?P<wd>{_WD}|{_MONTH})", keys=r"every|each|once|twice|thrice|times")
def _set_every(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    if m["wd"]:
        w = m["wd"].rstrip(".").lower()
        if w in WEEKDAYS:
            return "SET", X.other(f"XXXX-WXX-{WEEKDAYS[w] + 1}"), None
        return "SET", X.month(None, MONTHS[w]), None
    u = (m["u"] or m["u2"]).lower()
    if u in PARTS_OF_DAY:
        return "SET", X.part_of_day(X.day(None, None, None), PARTS_OF_DAY[u]), None
    if u == "weekend":
        return "SET", X.week(None, None, weekend=True), None
    if u in SEASONS:
        return "SET", X.season(None, SEASONS[u]), None
    n = parse_number(m["n"]) if m["n"] else 1.0
    return "SET", X.duration(duration_value(n if n is not None else None, _unit_of(u))), None


# -- clock times -----------------------------------------------------------------------------------

_DAYREF = rf"(?:{_WD}|(?i:today|yesterday|tomorrow|tonight)|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)"


@_rule("clock",
       rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![a-z])"
       rf"|(?P<h3>[01]?\d)\s+(?i:o'clock)(?:\s+in\s+the\s+(?P<pod3>(?i:morning|afternoon|evening)))?"
       rf"|(?P<h4>[01]?\d)\s+(?i:in\s+the\s+(?P<pod4>morning|afternoon|evening))"
       rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s*(?:{_TZ}|(?i:hours|hrs|h)\b))"
       rf"|(?P<mil>[01]\d|2[0-3])(?P<mil2>[0-5]\d)\s+(?=(?:GMT|UTC|(?i:hours|hrs)\b))"
       rf"|(?P<noon>(?i:noon|midnight|midday)))"
       rf"(?:\s+(?P<tz>{_TZ}))?(?:,?\s+(?:(?i:on)\s+)?(?P<dayref>{_DAYREF}))?(?![\w])")
def _clock(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    if m["noon"]:
        hh, mm = NOON_WORDS[m["noon"].lower()]
        if hh == 24 and _AFTER_MIDNIGHT.search(ctx.text, max(0, m.start() - 16), m.start()):
            hh = 0  # "shortly after midnight": the start of the day, before its 3am
    elif m["mil"]:
        hh, mm = int(m["mil"]), int(m["mil2"])
    elif m["h2"]:
        hh, mm = int(m["h2"]), int(m["mi2"])
    elif m["h3"] or m["h4"]:
        hh, mm = int(m["h3"] or m["h4"]), 0
        pod = (m["pod3"] or m["pod4"] or "").lower()
        if pod in ("afternoon", "evening") and hh < 12:
            hh += 12
    else:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        if hh == 0 or hh > 12:
            return None
        pm = m["ap"].lower().startswith("p")
        if pm and hh < 12:
            hh += 12
        if not pm and hh == 12:
            hh = 0
    day = _dayref_value(m["dayref"], ctx, m.start(), m.end()) if m["dayref"] else _UNKNOWN_DAY
    utc = bool(m["tz"] and m["tz"].upper() in UTC_ZONES)
    return "TIME", X.clock(day, hh, mm, utc), None


_UNKNOWN_DAY = X.day(None, None, None)
_AFTER_MIDNIGHT = re.compile(r"\b(?:after|past|since|from)\s+$", _I)


def _dayref_value(ref: str, ctx: _Ctx, start: int, end: int) -> Timex:
    """The date of the day named after a clock time ('10 a.m. Tuesday'), in the clock's own clause."""
    w = ref.lower()
    if ctx.dct is None:
        return _UNKNOWN_DAY
    if w in WEEKDAYS:
        return X.of_date(_weekday_date(ctx.dct, WEEKDAYS[w], None, _future(ctx, start, end)))
    if w in DAY_WORDS:
        return X.of_date(ctx.dct + timedelta(days=DAY_WORDS[w]))
    mm = re.match(rf"(?P<mon>{_MONTH})\s+(?P<day>\d+)\D*(?P<y>\d{{4}})?", ref)
    if not mm:
        return _UNKNOWN_DAY
    month, day = _month_num(mm["mon"]), int(mm["day"])
    year = int(mm["y"]) if mm["y"] else D.choose_year(ctx.dct, month, day, _future(ctx, start, end))
    return X.day(year, month, day)


# -- reference words -------------------------------------------------------------------------------

_REFS = {kind: _words(phrases) for kind, phrases in REF_WORDS.items()}
_REF_BLOCK = re.compile(r"\s+(?:account|accounts|affairs|events|flows?|carrying|through|trends?)\b|-", _I)


def _ref_guard(m: re.Match[str], text: str) -> bool:
    s = m.group(0).lower()
    if s == "current" and _REF_BLOCK.match(text, m.end()):
        return False
    if s == "now" and _prev_word(text, m.start()) in ("by", "until", "from", "as"):
        return True
    if s == "recent" and re.match(r"\s+(?:days|weeks|months|years|decades|quarters)\b", text[m.end():], _I):
        return False
    return not (s.startswith("in the past") and False)


@_rule("ref", r"(?i:" + "|".join(f"(?P<{k}>{v})" for k, v in _REFS.items()) + r")(?![\w-])", guard=_ref_guard)
def _ref(m: re.Match[str], ctx: _Ctx) -> tuple[str, Timex, str | None] | None:
    kind = next(k for k in _REFS if m[k])
    return "DATE", X.ref(kind), None


# ----------------------------------------------------------------------------- driver

_SENT_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# A full stop after these is an abbreviation, not a sentence end ("Mr. Smith", "10 a.m. Friday").
_NOT_END = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|vs|Vs|a\.m|p\.m|Jan|Feb|Aug|"
                      r"Sept|"
                      r"Oct|Nov|Dec|Inc|Co|Corp|Jr|Sr|U\.S)\.$")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _NOT_END.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        starts.append(m.end())
    return starts


_Cand = tuple[int, int, int, _Rule, re.Match[str]]


def _candidates(text: str) -> list[_Cand]:
    out = []
    for prio, rule in enumerate(_RULES):
        if rule.keys is not None and not rule.keys.search(text):
            continue
        for m in rule.regex.finditer(text):
            if rule.guard is not None and not rule.guard(m, text):
                continue
            s, e = m.span(rule.group) if rule.group else m.span()
            if e > s:
                out.append((s, e, prio, rule, m))
    return out


def _select(cands: list[_Cand]) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Longest match first; ties go to the rule declared first (more specific)."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, _, rule, m in cands:
        i = bisect.bisect_left(taken, (s, e))
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e))
        chosen.append((s, e, rule, m))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _parse_dct(dct: str | None) -> date | None:
    if not dct:
        return None
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def _anchor_times(found: list[TimeExpression], ctx: _Ctx) -> None:
    """Give clock times without a day the nearest day-precise date of their sentence (else the DCT)."""
    for t in found:
        tx = t.timex
        if t.type != "TIME" or tx.kind != "day" or (tx.year, tx.month, tx.day) != (None, None, None):
            continue
        s0, s1 = ctx.sentence(t.start)
        best: tuple[int, Timex] | None = None
        for o in found:
            ox = o.timex
            if o is t or not (s0 <= o.start < s1) or ox.kind != "day" or ox.month is None or ox.day is None:
                continue
            dist = o.start - t.end if o.start >= t.end else (t.start - o.end) * 2
            if best is None or dist < best[0]:
                best = (dist, X.day(ox.year, ox.month, ox.day))
        day = best[1] if best else (X.of_date(ctx.dct) if ctx.dct else _UNKNOWN_DAY)
        t.value = tx.on_day(day).iso


def tag_times(text: str, dct: str | None) -> list[TimeExpression]:
    """All TIMEX3 expressions of ``text`` with values relative to ``dct`` ('YYYY-MM-DD' or None)."""
    ctx = _Ctx(text=text, dct=_parse_dct(dct), sent_starts=_sentence_starts(text))
    found: list[TimeExpression] = []
    for s, e, rule, m in _select(_candidates(text)):
        res = rule.handler(m, ctx)
        if res is None:
            continue
        typ, value, mod = res
        if typ in ("DATE", "TIME"):
            typ = "TIME" if value.is_time else "DATE"
        found.append(TimeExpression(start=s, end=e, text=text[s:e], type=typ, value=value.iso, mod=mod))
    _anchor_times(found, ctx)
    return found
