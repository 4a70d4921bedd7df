"""Pieces of the tagger's regular expressions, built from the ``lang.en`` tables.

The rules are grammar over these pieces: a month, a weekday, a day of the
month, a year, a number in digits or words, a duration unit, a quantifier
("about", "more than"), a position in a period ("early", "the end of"), a
part of the day and a time zone. Each is a string (not compiled) to be
embedded in a rule's pattern; a word added to a table reaches every rule
that uses the piece.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lang.en import (
    BARE_POSITION_NOUNS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_ADJECTIVES,
    POSITION_NOUNS,
    QUANTIFIERS,
    TENS_WORDS,
    TIME_ZONES,
    UNIT_CODES,
    UNITS_WORDS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


def words(phrases: Iterable[str]) -> str:
    """An alternation of phrases (longest first), whitespace inside matching any whitespace."""
    alts = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace("\\ ", r"\s+") for p in alts) + ")"


def alternatives(phrases: Iterable[str]) -> str:
    """Phrases joined by ``|`` in table order (no group), whitespace inside matching any whitespace.

    Table order is kept where it is part of the grammar: the regex engine
    takes the first alternative that lets the whole pattern match.
    """
    return "|".join(re.escape(p).replace("\\ ", r"\s+") for p in phrases)


def in_order(phrases: Iterable[str]) -> str:
    """``alternatives`` as one group: "(?:this|last|next)"."""
    return "(?:" + alternatives(phrases) + ")"


_MONTH_ABBR = "|".join(abbr.capitalize() + ("\\." if dot else "\\.?")  # "Mar." needs its full stop
                       for abbr, (_, dot) in MONTH_ABBREVIATIONS.items())
MONTH = "(?:" + "|".join(MONTH_NAMES) + "|" + _MONTH_ABBR + ")(?![A-Za-z])"
WEEKDAY = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,]\d)(?!\d)"
ORDINAL = "(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
UNIT_WORD = "|".join(UNITS_WORDS)
TENS_WORD = "|".join(TENS_WORDS)
NUMBER_WORD = rf"(?:(?:{TENS_WORD})(?:[- ](?:{UNIT_WORD}))?|{UNIT_WORD}|hundred|a\s+hundred|a\s+dozen|dozen)"
_DIGITS = r"\d+(?:\.\d+)?(?:\s+1/2|\s*½)?"
_VAGUE = "|".join(v.replace(" ", r"\s+") for v in VAGUE_NUMBERS)
NUMBER = rf"(?:{_DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|{_VAGUE}|an?)"
# A duration unit, singular or plural ("centuries" is the one irregular plural).
UNIT = "(?:" + "|".join(UNIT_CODES) + "|centuries)s?"
QUANTIFIER_PHRASE = words(QUANTIFIERS)
POSITION_PHRASE = (rf"(?:(?:the\s+)?(?:very\s+)?{words(POSITION_ADJECTIVES)}|mid-|"
                   rf"the\s+{words(POSITION_NOUNS)}\s+of|{words(BARE_POSITION_NOUNS)}\s+of)")
PART_OF_DAY = words(p for p, code in PARTS_OF_DAY.items() if code not in ("MI",))
TIME_ZONE = words(TIME_ZONES)
