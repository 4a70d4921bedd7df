"""Guess a document's creation date from its own text.

A news report without a dateline still pins its date down: "strikes on
Monday evening ... the early evening of Oct. 28" says that Oct. 28 was a
Monday, which fixes the year (the latest such year not in the future), and
"announced on Wednesday" after it puts the report on the Wednesday that
follows.  The evidence used, strongest first:

1. full dates ("Oct. 28, 2024"): the latest one not after today is the anchor;
2. a month-day without year paired with a weekday (same sentence or the same
   part of day: "Monday evening" / "evening of Oct. 28"); explicit years
   in the text restrict the candidate years;
3. a month-day with an explicit year mentioned elsewhere.

From the anchor, the report date is the latest mentioned weekday falling in
the six days after it (past-tense reporting looks back at most a week).
Nothing that pins a day down -> None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lang.en import MONTHS, WEEKDAYS
from .tagger import _MONTH, _WD, _month_num, _sentence_starts

_FULL = re.compile(rf"(?P<mon>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
                   rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH}),?\s+(?P<year2>(?:19|20)\d\d)"
                   r"|(?<![\d-])(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])")
_MONTH_DAY = re.compile(rf"(?P<mon>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                        r"(?![\d,]*\s*(?:19|20)\d\d)(?!\d)"
                        rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH})(?!,?\s+(?:19|20)\d\d)")
_WEEKDAY = re.compile(rf"(?P<wd>{_WD})(?:\s+(?P<pod>morning|afternoon|evening|night))?")
_YEAR = re.compile(r"(?<![\d$.,])(?P<y>(?:19|20)\d\d)(?![\d%])")
_POD_NEAR = re.compile(r"(morning|afternoon|evening|night)\s+of\s*$", re.I)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_document_date(text: str, today: date | None = None) -> str | None:
    """The most likely publication date ('YYYY-MM-DD') of ``text``, or None without evidence."""
    today = today or date.today()
    weekdays = [(m.start(), WEEKDAYS[m["wd"].lower()], (m["pod"] or "").lower())
                for m in _WEEKDAY.finditer(text)]
    anchor = _full_date_anchor(text, today) or _paired_anchor(text, weekdays, today)
    if anchor is None:
        return None
    latest = anchor
    for _, wd, _ in weekdays:
        cand = anchor + timedelta(days=(wd - anchor.weekday()) % 7)
        if cand > latest and cand <= today:
            latest = cand
    return latest.isoformat()


def _full_date_anchor(text: str, today: date) -> date | None:
    found = []
    for m in _FULL.finditer(text):
        if m["iy"]:
            d = _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
        elif m["mon"]:
            d = _safe_date(int(m["year"]), _month_num(m["mon"]), int(m["day"]))
        else:
            d = _safe_date(int(m["year2"]), _month_num(m["mon2"]), int(m["day2"]))
        if d and d <= today:
            found.append(d)
    return max(found) if found else None


def _paired_anchor(text: str, weekdays: list[tuple[int, int, str]], today: date) -> date | None:
    """A month-day without year, dated by the weekday it is paired with (or by a year in the text)."""
    starts = _sentence_starts(text)

    def sentence_of(pos: int) -> int:
        return sum(1 for s in starts if s <= pos)

    years = sorted({int(m["y"]) for m in _YEAR.finditer(text) if int(m["y"]) <= today.year})
    best: date | None = None
    for m in _MONTH_DAY.finditer(text):
        mon = _month_num(m["mon"] or m["mon2"])
        day = int(m["day"] or m["day2"])
        if not 1 <= day <= 31 or mon not in MONTHS.values():
            continue
        pod_m = _POD_NEAR.search(text[max(0, m.start() - 40):m.start()])
        pod = pod_m.group(1).lower() if pod_m else ""
        paired = [wd for pos, wd, wpod in weekdays
                  if (pod and wpod == pod) or sentence_of(pos) == sentence_of(m.start())]
        candidates = range(today.year, today.year - 60, -1) if not years else sorted(years, reverse=True)
        for y in candidates:
            d = _safe_date(y, mon, day)
            if d is None or d > today:
                continue
            if paired and d.weekday() not in paired:
                continue
            if not paired and not years:
                break  # no evidence for the year
            if best is None or d > best:
                best = d
            break
    return best
