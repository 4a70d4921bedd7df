"""A document's own date, inferred from its text only when the text pins it down.

A wrong date is worse than none: it shifts every "on Thursday" and "last
month" of the article and the whole timeline with them. So inference
answers only on two kinds of evidence, and otherwise abstains:

1. **a dateline** heading the article (see ``dateline``): "CARLISLE,
   Cumbria, Wednesday 12 March 2025 — ...", "March 01, 2008 Northrop ...",
   a byline followed by its date. Its date is the document's.
2. **weekdays that agree with a date**: a day the text pins down, either a
   full date with its weekday ("Monday, March 23, 2009") or a month-day
   paired with a weekday in the same sentence or the same part of the day
   ("strikes on Monday evening ... the early evening of Oct. 28": 28 October
   was a Monday, in 2024 the latest such year not in the future, or one of
   the years the text names), and the lead sentence's weekday of reporting
   ("announced on Wednesday") falling within the six days after it. The
   report is dated that weekday.

Dates quoted in the body (a record from years ago, a founding year, a court
date) are never taken for the day of publication, and a weekday mentioned
anywhere but the lead does not move the date.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..sentences import sentence_starts
from .dateline import find_dateline, head_starts, weekday_of
from .lang.en import PARTS_OF_DAY, PAST_REPORTING
from .tagger import tag_times

_REPORTING = re.compile(r"\b(?:" + "|".join(PAST_REPORTING) + r"|says|said|confirmed|stated|announces)\b",
                        re.I)
_YEAR = re.compile(r"(?<![\d$.,])(?P<y>(?:19|20)\d\d)(?![\d%])")
_POD_NEAR = re.compile(r"(morning|afternoon|evening|night)\s+of\s*$", re.I)
_YEARS_BACK = 60  # how far back a weekday pairing may look for its year


@dataclass(frozen=True)
class DateEvidence:
    """An inferred document date and what pinned it: ``dateline`` or ``text`` (weekdays agreeing)."""

    date: str
    kind: str


def today_for_inference() -> date:
    """'Not in the future' means before this day: ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds), else the real date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def infer_document_date(text: str, today: date | None = None) -> str | None:
    """The publication date ('YYYY-MM-DD') the text pins down, or None (see the module docstring)."""
    found = find_document_date(text, today)
    return found.date if found else None


def find_document_date(text: str, today: date | None = None) -> DateEvidence | None:
    """The document date and its evidence, or None when nothing pins it down."""
    today = today or today_for_inference()
    for start in head_starts(text):
        line = find_dateline(text, start, today)
        if line is not None:
            return DateEvidence(line.date.isoformat(), "dateline")
    found = _agreeing_weekdays(text, today)
    return DateEvidence(found.isoformat(), "text") if found else None


def _agreeing_weekdays(text: str, today: date) -> date | None:
    times = tag_times(text, None)
    starts = sentence_starts(text)
    weekdays = []  # (position, weekday, part of day)
    for t in times:
        word = re.match(r"(?:(?:early|late|last|this|next)\s+)?([A-Za-z]+)", t.text, re.I)
        wd = weekday_of(word[1]) if word else None
        if wd is not None and t.type != "SET" and t.timex.kind == "other":
            weekdays.append((t.start, wd, t.timex.part))
    anchors = _anchors(text, times, weekdays, today)
    if not anchors:
        return None
    lead = _lead_sentence(text, starts)
    reported = [wd for pos, wd, _ in weekdays
                if lead[0] <= pos < lead[1] and _REPORTING.search(text, max(lead[0], pos - 40), pos + 40)]
    best = None
    for anchor in anchors:
        for wd in reported:
            cand = anchor + timedelta(days=(wd - anchor.weekday()) % 7)
            if cand <= today and (best is None or cand > best):
                best = cand
    return best


def _lead_sentence(text: str, starts: list[int]) -> tuple[int, int]:
    """The first sentence of the body: after a headline line, when the text has one."""
    nl = text.find("\n")
    body = nl + 1 if 0 <= nl < 300 else 0
    first = next((s for s in starts if s >= body), body)
    following = [s for s in starts if s > first]
    return first, (following[0] if following else len(text))


def _anchors(text, times, weekdays, today: date) -> list[date]:
    """Days the text pins down with a weekday that agrees with them."""
    years = sorted({int(m["y"]) for m in _YEAR.finditer(text) if int(m["y"]) <= today.year}, reverse=True)
    by_part: dict[str, set[int]] = {}  # part of the day -> weekdays said with it (once, not per date)
    for _, wd, wpod in weekdays:
        if wpod:
            by_part.setdefault(wpod, set()).add(wd)
    out = []
    for t in times:
        tx = t.timex
        if tx.kind != "day" or tx.month is None or tx.day is None:
            continue
        stated = re.match(r"([A-Za-z]+),?\s", t.text)
        stated_wd = weekday_of(stated[1]) if stated else None
        if tx.year is not None:  # a full date: its own weekday must be stated and agree
            d = tx.date
            if d and stated_wd == d.weekday() and d <= today:
                out.append(d)
            continue
        pod_m = _POD_NEAR.search(text[max(0, t.start - 40) : t.start])
        pod = PARTS_OF_DAY[pod_m.group(1).lower()] if pod_m else None
        # The same part of the day names the same day ("Monday evening" ... "the evening of Oct. 28");
        # a weekday elsewhere in the sentence is often another day ("said Friday that the Aug. 7 ...").
        paired = set(by_part.get(pod, ())) if pod else set()
        if stated_wd is not None:
            paired = {stated_wd}
        if len(paired) != 1:
            continue  # no weekday, or weekdays that disagree: the year stays unknown
        wd = paired.pop()
        candidates = years or range(today.year, today.year - _YEARS_BACK, -1)
        for y in candidates:
            try:
                d = date(y, tx.month, tx.day)
            except ValueError:
                continue
            if d <= today and d.weekday() == wd:
                out.append(d)
                break
    return out
