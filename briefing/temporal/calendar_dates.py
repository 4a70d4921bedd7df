"""Rules for calendar dates: ISO and numeric dates, written dates, years, decades and centuries.

"2024-10-30", "10/30/24", "Oct. 30, 2024", "the 30th of October", "March",
"the week of March 6", "1999 or later", "FY '99", "the 1970s", "the 21st
century", "nineteen ninety-nine". A bare four-digit number is a year unless
its neighbours make it money, a count, an address or a phone number. An
explicit year is remembered for "that year" (``Ctx.name_year``).
"""

from __future__ import annotations

import re
from datetime import date

from . import dates as D
from . import timex as X
from .lang.en import (
    AMBIGUOUS_MONTHS,
    COUNTED_NOUNS,
    DEADLINE_PREPOSITIONS,
    DECADE_WORDS,
    MEASURE_WORDS,
    MONTH_PREPOSITIONS,
    NAME_ONLY_ABBREVIATIONS,
    NUMBER_LABELS,
    OR_MODS,
    ORDINALS,
    PERCENT_WORDS,
    ROAD_PREFIXES,
    SPELLED_CENTURIES,
    STREET_WORDS,
    UNITS_WORDS,
    WEEK_ORDINALS,
    YEAR_KINDS,
    YEAR_STEPS,
)
from .patterns import (
    DAY,
    MONTH,
    ORDINAL,
    POSITION_PHRASE,
    TENS_WORD,
    UNIT,
    UNIT_WORD,
    WEEKDAY,
    YEAR,
    in_order,
    words,
)
from .rules import Ctx, Result, is_future, is_past, prev_word, rule
from .values import (
    day_number,
    mod_of,
    month_number,
    parse_number,
)


def _month_guard(m: re.Match[str], text: str) -> bool:
    """'May' and 'March' alone are usually a modal and a verb: want a date-like neighbour."""
    mon = m.group("mon")
    if mon in NAME_ONLY_ABBREVIATIONS and not m.group("day"):
        return False  # "Jan" alone is a name
    if mon not in AMBIGUOUS_MONTHS:
        return True
    if m.group("day") or m.group("year") or m.group("ryear") or m.group("pm") or m.group("rel"):
        return True
    return prev_word(text, m.start()) in MONTH_PREPOSITIONS

# -- full and partial calendar dates --------------------------------------------------------------

@rule("iso", 10, r"(?<![\d/-])(?P<y>1[0-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                 r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d-])")
def _iso(m: re.Match[str], ctx: Ctx) -> Result | None:
    v = X.day(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["h"]:
        return "TIME", X.clock(v, int(m["h"]), int(m["mi"])), None
    return "DATE", v, None


@rule("slash", 20,
      r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def _slash(m: re.Match[str], ctx: Ctx) -> Result | None:
    y = m["y"]
    if len(y) == 2:
        y = ("20" if int(y) < 50 else "19") + y
    return "DATE", X.day(int(y), int(m["m"]), int(m["d"])), None


@rule("mdy", 30,
      rf"(?:(?P<pm>{POSITION_PHRASE})[\s-]*)?(?:(?P<rel>(?i:last|this|next|this\s+coming|this\s+past|that))\s+)?"
      rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<mon>{MONTH})"
      rf"(?:\s+(?P<day>{DAY}|(?i:{ORDINAL})(?![\w-])))?"
      rf"(?:(?:,?\s+(?:(?i:of)\s+)?|\s*')(?P<year>{YEAR}|\d\d(?![\d,.]\d))"
      rf"|\s+(?P<ryear>(?i:{in_order(YEAR_STEPS)}))\s+(?i:year))?(?![\d])",
      guard=_month_guard)
def _mdy(m: re.Match[str], ctx: Ctx) -> Result | None:
    month = month_number(m["mon"])
    day = day_number(m["day"]) if m["day"] else None
    mod = mod_of(m["pm"])
    year: int | None = None
    if m["year"]:
        y = m["year"]
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        ctx.name_year(year)
    elif ctx.dct:
        rel = (m["rel"] or m["ryear"] or "").lower()
        if m["ryear"]:
            year = ctx.dct.year + YEAR_STEPS[rel]
        elif rel in ("last", "this past"):
            before = (month, day or 1) < (ctx.dct.month, ctx.dct.day) and month != ctx.dct.month
            year = ctx.dct.year if before else ctx.dct.year - 1
        elif rel in ("next", "this coming"):
            year = ctx.dct.year if (month, day or 99) > (ctx.dct.month, ctx.dct.day) else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        elif of_year := _OF_REL_YEAR.match(ctx.text, m.end()):  # "October of next year"
            year = ctx.dct.year + YEAR_STEPS[of_year[1].lower()]
        else:
            deadline = prev_word(ctx.text, m.start()) in DEADLINE_PREPOSITIONS
            future = is_future(ctx, m.start(), m.end()) or deadline
            year = D.choose_year(ctx.dct, month, day, future, past=not future and is_past(ctx, m.start()))
    if day is None:
        return "DATE", X.month(year, month), mod
    if day > 31:
        return None
    return "DATE", X.day(year, month, day), mod


# TimeBank tags "next year" apart from the month it dates ("after October of next year").
_OF_REL_YEAR = re.compile(rf"\s+of\s+({in_order(YEAR_STEPS)})\s+year\b", re.I)


@rule("week_of", 40, rf"(?i:the\s+(?:(?P<ord>{in_order(WEEK_ORDINALS)})\s+)?week\s+of\s+)"
                     rf"(?P<mon>{MONTH})(?:\s+(?P<day>{DAY}))?(?:,?\s+(?P<year>{YEAR}))?", keys=r"week\s+of")
def _week_of(m: re.Match[str], ctx: Ctx) -> Result | None:
    """'the week of March 6' and 'the last week of March' are ISO weeks (a week belongs to the month
    holding its Thursday, as in ISO 8601)."""
    month = month_number(m["mon"])
    day = day_number(m["day"]) if m["day"] else None
    if (m["ord"] is None) == (day is None):
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct:
        year = D.choose_year(ctx.dct, month, day, is_future(ctx, m.start(), m.end()))
    else:
        return "DATE", X.week(None, None), None
    if day is not None:
        try:
            return "DATE", X.week_of(date(year, month, day)), None
        except ValueError:
            return None
    n = WEEK_ORDINALS[m["ord"].lower()]
    return "DATE", X.week_of(D.nth_weekday(year, month, 3, n)), None


@rule("dmy", 50,
      rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|"
      rf"(?i:{ORDINAL}))\s+(?:(?i:of)\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")
def _dmy(m: re.Match[str], ctx: Ctx) -> Result | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    if m["year"]:
        year: int | None = int(m["year"])
        ctx.name_year(year)
    elif ctx.dct:
        year = D.choose_year(ctx.dct, month, day, is_future(ctx, m.start(), m.end()))
    else:
        year = None
    return "DATE", X.day(year, month, day), None


# What makes the four digits after it a phone number, an extension, a room or a road: "815-748-2060",
# "ext. 1133", "Suite 2001", "FR 1497".
_NUMBER_LABEL_BEFORE = re.compile(
    rf"(?:(?<!\d)\d{{3}}[-.]|\b(?i:{in_order(NUMBER_LABELS)})\.?\s*"
    rf"|\bNo\.\s*|#\s*|\b{in_order(ROAD_PREFIXES)}\s+)$"
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
_COUNTED = re.compile(rf"\s*(?:{words(PERCENT_WORDS)}|-?(?:{words(MEASURE_WORDS + COUNTED_NOUNS)}"
                      r"|[a-z]+\s+(?:people|troops)))\b", re.I)
_ADDRESS = re.compile(rf"\s+(?:[A-Z][\w'.-]*\s+){{1,3}}(?i:{words(STREET_WORDS)})\b")


@rule("year", 60,
      rf"(?:(?P<pm>{POSITION_PHRASE})[\s-]*)?(?:(?P<pre>(?i:(?:the\s+)?{in_order(YEAR_KINDS)}|FY))\s*'?)?"
      rf"(?<![\d$£€#,.])(?P<y>{YEAR})(?![\d%]|,\d|\.\d|-\d)(?:\s+(?P<or>(?i:or\s+{in_order(OR_MODS)})))?",
      guard=_year_guard)
def _year(m: re.Match[str], ctx: Ctx) -> Result | None:
    mod = mod_of(m["pm"])
    ctx.name_year(int(m["y"]))
    if m["or"]:
        mod = OR_MODS[m["or"].split()[-1].lower()]
    return "DATE", X.year(int(m["y"])), mod


@rule("fiscal_short", 70, r"\b(?:(?i:fiscal)\s+'|FY\s*'?)(?P<y>\d\d)(?!\d)", keys=r"fiscal|FY")
def _fiscal_short(m: re.Match[str], ctx: Ctx) -> Result | None:
    y = int(m["y"])
    return "DATE", X.year(2000 + y if y < 50 else 1900 + y), None


@rule("decade", 80,
      rf"(?:(?i:the)\s+)?(?:(?P<pm>{POSITION_PHRASE})[\s-]*)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s"
      rf"|(?P<d3>[2-9])0s|(?P<dw>(?i:{'|'.join(DECADE_WORDS)})))(?![A-Za-z])", keys=r"\ds\b|ties\b")
def _decade(m: re.Match[str], ctx: Ctx) -> Result | None:
    # TimeML writes a decade as the first three digits of its years: "the 1970s" -> 197.
    if m["c"]:
        v = int(f"{m['c']}{m['d']}0")
    else:
        bare = m["d3"] or m["dw"]
        digit = int(m["d2"] or m["d3"]) if not m["dw"] else DECADE_WORDS[m["dw"].lower()]
        if bare and not m.group(0).lower().startswith("the") and not (
                m["d3"] and prev_word(ctx.text, m.start()) in ("and", "or", "to", "through")):
            return None  # "in his nineties", "in her 70s" are ages
        century = "19"
        if ctx.dct and ctx.dct.year >= 2000 and digit <= (ctx.dct.year % 100) // 10:
            century = "20"
        v = int(f"{century}{digit}0")
    return "DATE", X.decade(v), mod_of(m["pm"])


@rule("century", 90, rf"(?:(?i:the)\s+)?(?:(?P<pm>{POSITION_PHRASE})[\s-]*)?"
                     rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>(?i:{ORDINAL})))"
                     r"[\s-]+(?i:century)(?![a-z])", keys=r"centur")
def _century(m: re.Match[str], ctx: Ctx) -> Result | None:
    n = int(m["n"]) if m["n"] else ORDINALS[m["o"].lower()]
    return "DATE", X.century(n - 1), mod_of(m["pm"])


_SPELLED_YEAR = (rf"(?P<c>{in_order(SPELLED_CENTURIES)})[\s-]+"
                 rf"(?P<yy>(?:{TENS_WORD})(?:[\s-](?:{UNIT_WORD}))?|{UNIT_WORD}|hundred(?:\s+and\s+(?:{UNIT_WORD}))?)"
                 rf"|(?P<tt>two\s+thousand(?:\s+and\s+(?:{UNIT_WORD}))?)")


@rule("spelled_year", 100,
      rf"(?i:(?:the\s+year\s+)?(?:{_SPELLED_YEAR}))(?![\w-])(?![\s-]+(?i:{UNIT}|people|of)\b)")
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["tt"]:
        rest = m["tt"].lower().split(" and ")
        return "DATE", X.year(2000 + (UNITS_WORDS[rest[1]] if len(rest) > 1 else 0)), None
    if m["c"].lower() == "twenty" and not m.group(0).lower().startswith("the year"):
        return None  # "twenty five" is a number
    century = SPELLED_CENTURIES[m["c"].lower()]
    yy = m["yy"].lower()
    n = 0 if yy.startswith("hundred") else parse_number(yy.replace("-", " "))
    if yy.startswith("hundred") and " and " in yy:
        n = UNITS_WORDS[yy.split(" and ")[1]]
    if n is None or (n < 10 and not yy.startswith("hundred")):
        return None
    return "DATE", X.year(century + int(n)), None

