"""Dating an event: by the time expression nearest its trigger, by the event a relative phrase
names ("days before the airstrikes"), or, for a happening reported without a date, by the
article's day (the story's day for the simple past, and for the lead when the text goes on to name
that day)."""

from __future__ import annotations

import datetime as dt
import re

from ..model import TimeExpression
from ..temporal.labels import day_range_label
from ..temporal.lang.en import BOUND_PREPOSITIONS, SUPERLATIVES
from ..temporal.timex import of_date as _day_of
from .candidate import DAY_LEVEL, ESTIMATE, Candidate, event_candidate
from .lang_en import (
    COMPARISON_PHRASES,
    DATE_CONJUNCTIONS,
    EXACT_COUNTS,
    EXACT_UNIT_DAYS,
    RELATIVE_DIRECTIONS,
    RELATIVE_QUANTIFIERS,
    REPORTING_VERBS,
    UNIT_DAYS,
)
from .triggers import tense_of

# "a few days before the airstrikes": a time from another event.
_RELATIVE = re.compile(
    r"\b(?P<q>" + "".join(q + " |" for q in RELATIVE_QUANTIFIERS) + r")"
    r"(?P<unit>" + "|".join(UNIT_DAYS) + r") (?P<dir>" + "|".join(RELATIVE_DIRECTIONS) + r")"
    r" (?:the )?(?P<what>\w+)",
    re.I,
)
# "According to Fiat's announcement, the company has told ...": told when the announcement was.
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*(?:'s|’s) )"
                        r"(?P<what>\w+)")
_EXACT_RELATIVE = re.compile(
    r"\b(?P<n>" + "|".join(EXACT_COUNTS) + r") (?P<unit>" + "|".join(EXACT_UNIT_DAYS) + r") "
    r"(?P<dir>" + "|".join(RELATIVE_DIRECTIONS) + r") (?:the )?(?P<what>\w+)",
    re.I,
)
_SUPERLATIVE = re.compile(r"\b(?:" + "|".join(SUPERLATIVES) + r")\b", re.I)
# "compared with 2008", "up from 14% a year ago", "more than in 2005": the date of the comparison
# (an amount may come between: "up from 14% a year ago", "compared with 3,500 cars in 2008").
_AMOUNT = r"(?:%|percent|per cent|million|billion|bn|m)?(?:\s+[a-z]+){0,2}?"  # "14%", "3,500 cars"
_COMPARED = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in COMPARISON_PHRASES)
                       + r")(?:\s+the\s+same\s+\w+\s+(?:in|of))?"
                       + r"(?:\s+(?:US)?[$£€]?\d[\d.,]*\s*" + _AMOUNT + r"(?:\s+(?:in|of))?)?"
                       + r"\s*$", re.I)
# Between two coordinated dates: "Saturday and Sunday", "Monday to Wednesday".
_BETWEEN_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:" + "|".join(map(re.escape, DATE_CONJUNCTIONS)) + r")\s*")
_FISCAL = re.compile(r"\bfiscal\b|\bFY", re.I)
# "from 7.6% in January to 8.1% in February": a change from one date's amount to the other's.
_FROM_BEFORE = re.compile(r"\bfrom\b[^,;]{0,24}\b(?:in|on)\s+$", re.I)
_TO_BETWEEN = re.compile(r"\s+to\s+[^,;]{0,24}\b(?:in|on)\s+", re.I)
NEWS_DAYS = 3  # how far before the article's date the day of its story may lie


def dated_candidate(
    trig, found: list[tuple[int, TimeExpression]], sent, start: int, ents: list[str], place_ids: set[str],
    text: str, clause=None,
) -> Candidate:
    """The event of ``trig``, dated by the expression nearest to it (coordinated ones: their span);
    ``clause``: a "when ..." clause that dates it, told in its summary. ``found`` is left sorted,
    nearest first."""
    found.sort(key=lambda x: (x[0], x[1].end - x[1].start))
    depth, t = found[0]
    c = event_candidate(trig, sent, start, ents, place_ids, text, clause)
    tx = t.timex
    first, last = tx.bounds(t.mod)  # type: ignore[misc]
    label = tx.label(t.mod)
    for _, t2 in found[1:]:
        span2 = t2.timex.bounds(t2.mod)
        if span2 and (_coordinated(t, t2, text) or _from_to(t, t2, text)):  # "Saturday and Sunday", "from
            # 7.6% in January to 8.1% in February": their span
            a, b = min(first, span2[0]), max(last, span2[1])
            label = day_range_label(a, b) if (first, last) != (a, b) else label
            first, last = a, b
    c.earliest, c.latest = first.isoformat(), last.isoformat()
    c.value, c.mod, c.label = t.value, t.mod, label
    c.approximate = t.mod == "APPROX"
    fiscal = _FISCAL.search(text, max(0, t.start - 8), t.end)
    if fiscal and tx.kind in ("quarter", "half", "year") and tx.year:
        c.label = re.sub(rf"\b{tx.year}\b", f"fiscal {tx.year}", label, count=1)  # "the first quarter of
        c.approximate = True  # fiscal 2009": its months are the company's, so only about then
    c.minutes = tx.minutes if tx.minutes is not None else DAY_LEVEL
    prep = _introduced_by(t, text)
    later = tense_of(trig) in ("future", "other")
    if prep == "since":
        c.label = f"since {label}"
    elif prep in BOUND_PREPOSITIONS and _bounds(prep, trig, later):
        c.label = tx.label_with(prep, t.mod)
        if first != last or later:
            c.earliest = c.latest = None  # a deadline is not when it happens: "will close plants by 2008"
        else:
            c.approximate = True  # "by 3am the river had burst its banks": that day, at the latest then
    return c


def _bounds(prep: str, trig, later: bool) -> bool:
    """Whether ``prep`` before the date bounds the happening rather than dating it: not in "are not
    due until October" (due in October), nor in "sales rose through March" (over the stretch that
    ends then; but "will stay open through 2030" is a bound)."""
    if prep in ("until", "till"):
        return not any(w.dep_ == "neg" for w in trig.children)
    return prep != "through" or later


def _coordinated(a: TimeExpression, b: TimeExpression, text: str) -> bool:
    between = text[min(a.end, b.end) : max(a.start, b.start)]
    return bool(_BETWEEN_COORDINATED.fullmatch(between))


def _from_to(a: TimeExpression, b: TimeExpression, text: str) -> bool:
    """ "rose from 7.6% in January to 8.1% in February": a change from one date to the other spans
    both."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = text[first.end : second.start]
    came_from = _FROM_BEFORE.search(text, max(0, first.start - 30), first.start)
    return bool(came_from and _TO_BETWEEN.fullmatch(between))


def is_comparison(text: str, s_start: int, t: TimeExpression) -> bool:
    """A date a comparison is made with: "compared with 2008", "its first loss since 1992"."""
    if _COMPARED.search(text, max(s_start, t.start - 48), t.start):
        return True
    # "since 1992", or "since Storm Desmond in December 2015": the date of what it is measured from
    # (not "since 1992 on Thursday": another date in between ends the phrase).
    since = re.search(r"\bsince\b[^.;:,\d]{0,40}$", text[max(s_start, t.start - 48) : t.start], re.I)
    if since:
        return bool(_SUPERLATIVE.search(text, s_start, max(s_start, t.start - 48) + since.start()))
    return False


def _introduced_by(t: TimeExpression, text: str) -> str | None:
    m = re.search(r"(\w+)\s*$", text[max(0, t.start - 12) : t.start])
    return m[1].lower() if m else None


def story_day(c: Candidate, dated: list[Candidate], article_day: dt.date) -> dt.date | None:
    """The day the story happened, as the text last named it before ``c`` ("said on Tuesday" ...
    "Ford said"): a single day, at most ``NEWS_DAYS`` before the article's date."""
    best = None
    for d in dated:
        if d.start >= c.start or d.earliest != d.latest or not d.earliest:
            continue
        if d.lemma not in REPORTING_VERBS or not set(d.entities) & set(c.entities):
            continue  # only the day a story was told carries over, and only for the same teller
        day = dt.date.fromisoformat(d.earliest)
        if 0 <= (article_day - day).days <= NEWS_DAYS and (best is None or d.start > best[0]):
            best = (d.start, day)
    return best[1] if best else None


def headline_twin(c: Candidate, dated: list[Candidate], article_day: dt.date) -> Candidate | None:
    """A plain text's headline tells the story its body dates ("Boeing 787 makes maiden flight" over
    "... made its first test flight Tuesday"): the body's dated telling of the same verb with a
    name in common, when its day is the story's (at most ``NEWS_DAYS`` before the article's)."""
    if c.start != 0:
        return None
    for d in dated:
        if d.start == 0 or d.lemma != c.lemma or not set(d.entities) & set(c.entities) or not d.latest:
            continue
        if 0 <= (article_day - dt.date.fromisoformat(d.latest)).days <= NEWS_DAYS:
            return d
    return None


def lead_day(c: Candidate, dated: list[Candidate], article_day: dt.date, lead_end: int) -> dt.date | None:
    """A lead told without a date ("GM has posted its first annual loss") happened on the day the
    article goes on to name ("GM admitted Thursday night ..."): the first single day dated after
    the lead, when it lies within ``NEWS_DAYS`` before the article's date (not on it: the article's
    day is the reading without this). A lead in the present tells a state or today's news ("Clinton
    says he is committed"), unless it is a headline's ("GM posts first annual loss")."""
    if c.start >= lead_end or (c.start > 0 and c.tense == "present"):
        return None
    for d in sorted(dated, key=lambda d: d.start):
        if d.start < lead_end or not d.earliest or d.earliest != d.latest:
            continue
        day = dt.date.fromisoformat(d.latest)
        return day if 1 <= (article_day - day).days <= NEWS_DAYS else None
    return None


def counted_from_head(trig, article_day: dt.date) -> dt.date | None:
    """ "GM's move comes a day after Chrysler released its list": a clause that an exact count puts
    after or before its head happened that long before or after the head's day (the article's day,
    for a head in the present)."""
    if trig.dep_ != "advcl" or tense_of(trig.head) != "present":
        return None
    for mark in trig.children:
        if mark.dep_ != "mark" or mark.lower_ not in ("after", "before"):
            continue
        for unit in mark.children:  # "a day" hangs on "after"
            if unit.dep_ != "npadvmod" or unit.lower_ not in EXACT_UNIT_DAYS:
                continue
            count = next((EXACT_COUNTS[t.lower_] for t in unit.children if t.lower_ in EXACT_COUNTS), None)
            if count is not None:
                days = count * EXACT_UNIT_DAYS[unit.lower_]
                return article_day + dt.timedelta(days=-days if mark.lower_ == "after" else days)
    return None


def on_day(c: Candidate, day: dt.date) -> None:
    """``c`` happened on ``day``, as the text counts it ("a day after ...")."""
    c.earliest = c.latest = day.isoformat()
    c.approximate, c.minutes, c.label = False, DAY_LEVEL, _day_of(day).label()


def take_date(c: Candidate, source: Candidate) -> None:
    """``c`` happens when ``source`` does: its twin's day, or the day of the statement that reports it."""
    c.earliest, c.latest, c.value, c.mod = source.earliest, source.latest, source.value, source.mod
    c.label, c.approximate, c.minutes = source.label, source.approximate, source.minutes


def anchor_to_article(c: Candidate, day: dt.date, news_day: dt.date | None = None, *,
                      lead: bool = False) -> None:
    """A happening reported without a date: the article's day; for the simple past, approximately,
    the day of the story the text last named (else "by" the article's day). A ``lead`` happened on
    the story's day whatever its tense."""
    c.approximate = c.tense == "past"
    when = news_day if news_day and (c.approximate or lead) else day
    c.earliest = c.latest = when.isoformat()
    c.minutes = ESTIMATE if c.approximate else DAY_LEVEL
    c.label = ("by " if c.approximate and when == day else "") + _day_of(when).label()


def _names(c: Candidate, word: str) -> bool:
    """Does the event's own wording name ``word`` ("airstrike" ~ "strikes")? A statement is named
    only by its verb ("the announcement" ~ "announced"), not by the words it reports."""
    if c.lemma in REPORTING_VERBS:
        return len(c.lemma) > 3 and word.startswith(c.lemma)
    return any(word == k or word.endswith(k) or k.endswith(word) for k in c.keywords if len(k) > 3)


def anchor_relative(text: str, events: list[Candidate], pending: list[Candidate]) -> None:
    """ "days before the airstrikes", "a day before the announcement", "according to the
    announcement": date a sentence from the event it names (a span of days for a vague count, the
    day itself for an exact one, the event's own date for what it told)."""
    for c in list(pending):
        m = (_ACCORDING.match(text, c.start) or _EXACT_RELATIVE.search(text, c.start, c.end)
             or _RELATIVE.search(text, c.start, c.end))
        if not m:
            continue
        word = m["what"].lower().rstrip("s")
        anchor = next((e for e in events if _names(e, word)), None)
        if anchor is None or not anchor.earliest or not anchor.latest:
            continue
        if m.re is _ACCORDING:
            take_date(c, anchor)
        elif m.re is _EXACT_RELATIVE:
            days = EXACT_COUNTS[m["n"].lower()] * EXACT_UNIT_DAYS[m["unit"].lower()]
            after = m["dir"].lower() == "after"
            day = _shift(anchor.latest, days) if after else _shift(anchor.earliest, -days)
            on_day(c, dt.date.fromisoformat(day))
        else:
            _span_from(c, anchor, m["unit"].lower(), before=m["dir"].lower() != "after")
        pending.remove(c)
        events.append(c)


def _span_from(c: Candidate, anchor: Candidate, unit: str, *, before: bool) -> None:
    """ "a few days before the airstrikes": some of ``unit`` before or after ``anchor``, approximately."""
    span = UNIT_DAYS[unit]
    if before:
        c.earliest, c.latest = _shift(anchor.earliest, -span), _shift(anchor.earliest, -1)
    else:
        c.earliest, c.latest = _shift(anchor.latest, 1), _shift(anchor.latest, span)
    c.approximate = True
    c.minutes = ESTIMATE
    few = "a few " if unit == "days" else ""
    c.label = f"{few}{unit} {'before' if before else 'after'} {anchor.label or anchor.earliest}"


def _shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
