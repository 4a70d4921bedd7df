"""Rules for days and times of day: weekdays, yesterday and tonight, parts of the day, clock times.

"Friday", "last Monday evening", "Mondays", "yesterday morning", "this
afternoon", "10:30 a.m. Tuesday", "noon", "1400 GMT". A weekday's date
depends on the clause's tense (the last or the next Friday); a clock time
without a day is given one later, by ``tagger`` (``UNKNOWN_DAY`` marks it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates as D
from . import timex as X
from .lang.en import (
    AHEAD_WORDS,
    BACK_WORDS,
    CLOCK_DESIGNATORS,
    DAY_POSITIONS,
    DAY_WORDS,
    NOON_WORDS,
    PARTS_OF_DAY,
    UTC_ZONES,
    WEEKDAY_RELATIONS,
    WEEKDAYS,
)
from .patterns import (
    DAY,
    MONTH,
    PART_OF_DAY,
    TIME_ZONE,
    WEEKDAY,
    YEAR,
    alternatives,
)
from .rules import Ctx, Result, is_future, rule
from .timex import Timex
from .values import (
    mod_of,
    month_number,
)

# -- days: weekdays, yesterday, tonight, parts of day --------------------------------------------

def weekday_date(dct: date, wd: int, rel: str | None, future: bool) -> date:
    """Which date a weekday name means, seen from the DCT.

    Default: the most recent such day on or before the DCT (news reports the
    past); 'next'/'coming' or a future-tense clause: the first on or after.
    """
    rel = (rel or "").lower().split()
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if rel and rel[-1] in BACK_WORDS:
        return dct - timedelta(days=back or 7)
    if rel and rel[-1] in AHEAD_WORDS:
        return dct + timedelta(days=fwd or 7)
    return dct + timedelta(days=fwd) if future else dct - timedelta(days=back)


@rule("weekday", 190,
      rf"(?:(?P<pm>(?i:{alternatives(DAY_POSITIONS)}))\s+)?(?:(?P<rel>(?i:{alternatives(WEEKDAY_RELATIONS)}))\s+)?"
      rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<pod>(?i:{PART_OF_DAY}))(?P<pl2>s)?)?(?![\w])")
def _weekday(m: re.Match[str], ctx: Ctx) -> Result | None:
    wd = WEEKDAYS[m["wd"].lower()]
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None
    if m["pl"] or m["pl2"]:
        return "SET", X.parse(f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")), None
    mod = mod_of(m["pm"])
    if ctx.dct is None:
        return "DATE", X.parse(f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")), mod
    v = X.of_date(weekday_date(ctx.dct, wd, m["rel"], is_future(ctx, m.start(), m.end())))
    if pod:
        return "TIME", X.part_of_day(v, pod), mod
    return "DATE", v, mod


@rule("dayword", 200, rf"(?i:(?:(?P<pm>{alternatives(DAY_POSITIONS)})\s+)?(?P<w>{alternatives(DAY_WORDS)})"
                      rf"(?:\s+(?P<pod>{PART_OF_DAY}))?)(?![\w])")
def _dayword(m: re.Match[str], ctx: Ctx) -> Result | None:
    w = m["w"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ("NI" if w == "tonight" else None)
    mod = mod_of(m["pm"])
    if ctx.dct is None:
        if w == "today" and not pod:
            return "DATE", X.ref("PRESENT_REF"), None
        v = X.day(None, None, None)
    else:
        v = X.of_date(ctx.dct + timedelta(days=DAY_WORDS[w]))
    if pod:
        return "TIME", X.part_of_day(v, pod), mod
    return "DATE", v, mod


@rule("this_pod", 210,
      rf"(?i:(?:(?P<pm>early|late)\s+)?(?P<rel>this|last|the\s+previous)\s+(?P<pod>{PART_OF_DAY}))(?![\w])",
      keys=r"morning|afternoon|evening|night")
def _this_pod(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if rel == "last" and pod not in ("NI", "EV"):
        return None
    shift = 0 if rel == "this" else -1
    v = X.of_date(ctx.dct + timedelta(days=shift)) if ctx.dct else X.day(None, None, None)
    return "TIME", X.part_of_day(v, pod), mod_of(m["pm"])


# -- clock times -----------------------------------------------------------------------------------

_DAYREF = rf"(?:{WEEKDAY}|(?i:{alternatives(DAY_WORDS)})|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)"
# "a.m." or "a.m" ("10 a.m Friday"), "am".
_DESIGNATOR = "|".join(re.escape(d[:-1]) + r"\.?" if d.endswith(".") else re.escape(d)
                       for d in CLOCK_DESIGNATORS)


@rule("clock", 300,
      rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:{_DESIGNATOR}))(?![a-z])"
      rf"|(?P<h3>[01]?\d)\s+(?i:o'clock)(?:\s+in\s+the\s+(?P<pod3>(?i:morning|afternoon|evening)))?"
      rf"|(?P<h4>[01]?\d)\s+(?i:in\s+the\s+(?P<pod4>morning|afternoon|evening))"
      rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s*(?:{TIME_ZONE}|(?i:hours|hrs|h)\b))"
      rf"|(?P<mil>[01]\d|2[0-3])(?P<mil2>[0-5]\d)\s+(?=(?:GMT|UTC|(?i:hours|hrs)\b))"
      rf"|(?P<noon>(?i:{alternatives(NOON_WORDS)})))"
      rf"(?:\s+(?P<tz>{TIME_ZONE}))?(?:,?\s+(?:(?i:on)\s+)?(?P<dayref>{_DAYREF}))?(?![\w])")
def _clock(m: re.Match[str], ctx: Ctx) -> Result | None:
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
        pm = m["ap"].lower().startswith("p")  # "p.m.", "pm"
        if pm and hh < 12:
            hh += 12
        if not pm and hh == 12:
            hh = 0
    day = _dayref_value(m["dayref"], ctx, m.start(), m.end()) if m["dayref"] else UNKNOWN_DAY
    utc = bool(m["tz"] and m["tz"].upper() in UTC_ZONES)
    return "TIME", X.clock(day, hh, mm, utc), None


UNKNOWN_DAY = X.day(None, None, None)
_AFTER_MIDNIGHT = re.compile(r"\b(?:after|past|since|from)\s+$", re.I)


def _dayref_value(ref: str, ctx: Ctx, start: int, end: int) -> Timex:
    """The date of the day named after a clock time ('10 a.m. Tuesday'), in the clock's own clause."""
    w = ref.lower()
    if ctx.dct is None:
        return UNKNOWN_DAY
    if w in WEEKDAYS:
        return X.of_date(weekday_date(ctx.dct, WEEKDAYS[w], None, is_future(ctx, start, end)))
    if w in DAY_WORDS:
        return X.of_date(ctx.dct + timedelta(days=DAY_WORDS[w]))
    mm = re.match(rf"(?P<mon>{MONTH})\s+(?P<day>\d+)\D*(?P<y>\d{{4}})?", ref)
    if not mm:
        return UNKNOWN_DAY
    month, day = month_number(mm["mon"]), int(mm["day"])
    year = int(mm["y"]) if mm["y"] else D.choose_year(ctx.dct, month, day, is_future(ctx, start, end))
    return X.day(year, month, day)

