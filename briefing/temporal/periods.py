"""Rules for named periods: quarters, halves, reporting periods, year-end, seasons and holidays.

"the third quarter", "Q3 2024", "the first half of 1999", "the year-ago
period", "the latest period", "by year-end", "last summer", "Christmas".
A quarter named is remembered (``Ctx.name_quarter``): an earnings report's
"year-ago period" and "a year earlier" are seen from it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates as D
from . import timex as X
from .lang.en import (
    FIXED_HOLIDAYS,
    HALF_NUMBERS,
    MOVABLE_HOLIDAYS,
    QUARTER_ADJECTIVES,
    QUARTER_NUMBERS,
    QUARTER_QUALIFIERS,
    SEASON_MONTHS,
    SEASON_PREPOSITIONS,
    SEASONS,
    YEAR_END_PREPOSITIONS,
    YEAR_STEPS,
)
from .patterns import (
    MONTH,
    POSITION_PHRASE,
    YEAR,
    alternatives,
    in_order,
)
from .rules import Ctx, Result, is_future, prev_word, rule
from .values import (
    mod_of,
    month_number,
)

# -- quarters, halves, reporting periods ---------------------------------------------------------

_QWORDS = (rf"(?:{YEAR}'?s?|{in_order(YEAR_STEPS)}\s+year's|"
           rf"{alternatives((*QUARTER_QUALIFIERS, *QUARTER_NUMBERS, *QUARTER_ADJECTIVES))})")


@rule("quarter", 110,
      rf"(?i:(?:(?:the|a|its|this|that)\s+)?(?:{_QWORDS}[\s-]+){{1,3}}quarter(?![\w-]*\s+(?:of\s+a\s+)?"
      rf"(?:century|mile|inch|point|percent|cent|pound))(?:\s+of\s+(?:(?:fiscal\s+)?{YEAR}|this\s+year|"
      rf"last\s+year|next\s+year|the\s+year))?)|(?i:the\s+quarter)(?![\s-]+(?:century|of\s+a\b))"
      rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<qy>{YEAR}))?\b", keys=r"quarter|\bQ[1-4]")
def _quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    s = m.group(0).lower()
    ym = re.search(r"(1[0-9]\d\d|20\d\d)", s)
    year: int | None = int(ym.group(1)) if ym else None
    q: int | None = int(m["qn"]) if m["qn"] else None
    for word, n in QUARTER_NUMBERS.items():
        if re.search(rf"\b{word}\b", s):
            q = n
            break
    back = bool(re.search(r"last year|year-ago|year-earlier|year ago", s))
    ended = _ENDED.match(ctx.text, m.end())
    if q is None and ended:  # "the quarter ended Sept. 30": the calendar quarter of that month
        q = (month_number(ended["mon"]) - 1) // 3 + 1
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
        elif "next year" not in s and q > cur and q - cur >= 2 and not is_future(ctx, m.start(), m.end()):
            year -= 1
    if not back:
        ctx.name_quarter(year, q, m.start())
    return "DATE", X.quarter(year, q), None


_ENDED = re.compile(rf"\s+(?i:ended|ending|that\s+ended|which\s+ended)\s+(?P<mon>{MONTH})")


@rule("year_period", 120, rf"(?i:the\s+)(?P<y>{YEAR})\s+(?i:period|quarter)(?![\w-])", keys=r"period|quarter")
def _year_period(m: re.Match[str], ctx: Ctx) -> Result | None:
    ref = ctx.quarter_at(m.start())
    if ref:
        return "DATE", X.quarter(int(m["y"]), ref[1]), None
    return "DATE", X.year(int(m["y"])), None


@rule("half", 130, rf"(?i:(?:the\s+)?(?P<h>{in_order(HALF_NUMBERS)})[\s-]+half(?:\s+of\s+(?:(?P<y>{YEAR})"
                   rf"|(?P<ry>{in_order(YEAR_STEPS)})\s+year|the\s+year|fiscal\s+(?P<fy>{YEAR}))"
                   rf"|\s+(?P<y2>{YEAR}))?)(?![\w-])",  # (also without "of": "the second half 2018")
      keys=r"half")
def _half(m: re.Match[str], ctx: Ctx) -> Result | None:
    h = HALF_NUMBERS[m["h"].lower()]
    written = m["y"] or m["fy"] or m["y2"]  # the year the text writes
    if written:
        year: int | None = int(written)
    elif ctx.dct:
        year = ctx.dct.year + YEAR_STEPS.get((m["ry"] or "").lower(), 0)
    else:
        year = None
    if not (written or m["ry"]):
        if not m.group(0).lower().startswith("the"):
            return None
        if re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
            return None  # "the last half of the '80s": a half of something else than this year
    return "DATE", X.half(year, h), None


@rule("yearago_period", 140,
      r"(?i:(?:the\s+)?(?:year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|previous-year|"
      r"comparable|corresponding|same)\s+(?:period|nine\s+months|six\s+months|quarter|months?)"
      r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+\d{4}))?|year-earlier|year-ago)(?![\w-])")
def _yearago_period(m: re.Match[str], ctx: Ctx) -> Result | None:
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


@rule("latest_period", 150, r"(?i:the\s+(?:latest|most\s+recent|current|recent)\s+(?P<u>period|fiscal\s+year|"
                            r"year|month|week|nine\s+months|six\s+months))(?![\w-])")
def _latest_period(m: re.Match[str], ctx: Ctx) -> Result | None:
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


@rule("year_end", 160, r"(?i:(?:the\s+)?(?:year[- ]end|year's\s+end))(?![\w-])",
      keys=r"year[- ]end|year's\s+end")
def _year_end(m: re.Match[str], ctx: Ctx) -> Result | None:
    """'by year-end' is the end of the current year; 'since year-end' the end of the last one.

    Only after a preposition: 'year-end results' is a kind of result, not a date."""
    prev = prev_word(ctx.text, m.start())
    if prev not in YEAR_END_PREPOSITIONS:
        return None
    if ctx.dct is None:
        return "DATE", X.year(None), "END"
    return "DATE", X.year(ctx.dct.year - (prev == "since")), "END"


# -- seasons ---------------------------------------------------------------------------------------

def season_value(ctx: Ctx, m: re.Match[str], code: str, rel: str, year: int | None,
                 mod: str | None) -> Result:
    """A season's value: of ``year`` if given, else the one ``rel`` ("last", "this past") or the
    clause's tense picks, seen from the DCT. Shared with "last summer" of the ``relative`` rule."""
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
    if rel == "this" or d.month >= start_month or is_future(ctx, m.start(), m.end()):
        return "DATE", X.season(d.year, code), mod
    return "DATE", X.season(d.year - 1, code), mod


def _season_guard(m: re.Match[str], text: str) -> bool:
    if m["rel"] or m["y"] or m["pm"]:
        return True
    return prev_word(text, m.start()) in SEASON_PREPOSITIONS


@rule("season", 180, rf"(?:(?P<pm>{POSITION_PHRASE})[\s-]*)?(?:(?P<rel>(?i:the|this|last|next))\s+)?"
                     rf"(?P<s>(?i:{alternatives(SEASONS)}))(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?(?![\w-])",
      guard=_season_guard, keys=alternatives(SEASONS))
def _season(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = (m["rel"] or "").lower()
    year = int(m["y"]) if m["y"] else None
    return season_value(ctx, m, SEASONS[m["s"].lower()], rel, year, mod_of(m["pm"]))


# -- holidays ----------------------------------------------------------------------------------

def _holiday_date(name: str, year: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        mo, dy = FIXED_HOLIDAYS[name]
        return date(year, mo, dy)
    movable = MOVABLE_HOLIDAYS.get(name)
    if movable is None:
        return None
    if movable[0] == "easter":
        return D.easter(year) + timedelta(days=movable[1])
    _, mo, wd, n, after = movable
    return D.nth_weekday(year, mo, wd, n) + timedelta(days=after)


_HOLIDAY_NAMES = sorted([*FIXED_HOLIDAYS, *MOVABLE_HOLIDAYS], key=len, reverse=True)


@rule("holiday", 220, rf"(?:(?P<rel>(?i:{alternatives(YEAR_STEPS)}))\s+)?(?P<h>"
                      + alternatives(_HOLIDAY_NAMES).replace("'", "['’]")
                      + rf")(?:,?\s+(?P<y>{YEAR}))?(?![\w-])", flags=re.I)
def _holiday(m: re.Match[str], ctx: Ctx) -> Result | None:
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
    if rel == "last" or (not rel and this_year > ctx.dct and not is_future(ctx, m.start(), m.end())
                         and (this_year - ctx.dct).days > 14):
        d = this_year if rel == "last" and this_year < ctx.dct else _holiday_date(h, ctx.dct.year - 1)
    elif rel == "next" or (this_year < ctx.dct and is_future(ctx, m.start(), m.end())):
        d = this_year if this_year > ctx.dct else _holiday_date(h, ctx.dct.year + 1)
    else:
        d = this_year
    return ("DATE", X.of_date(d), None) if d else None

