"""Rule-based TIMEX3 tagging and normalisation (English news): the driver.

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

Where things live: ``rules`` (the registry, the context handlers read,
tense cues), ``patterns`` (regular-expression pieces built from ``lang.en``),
``values`` (what matched words mean), and the rule families
``calendar_dates`` (ISO, numeric and written dates, years, decades,
centuries), ``periods`` (quarters, halves, reporting periods, seasons,
holidays), ``relative`` (last week, three years ago, durations, sets,
reference words) and ``days`` (weekdays, yesterday, parts of the day, clock
times). This module gathers every rule's candidates, keeps the longest
(ties: lower priority number), and normalises them in text order.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from ..model import TimeExpression
from ..sentences import sentence_starts

# The rule families register their rules on import; their order here does not matter (priorities do).
from . import calendar_dates, days, periods, relative  # noqa: F401
from . import timex as X
from .days import UNKNOWN_DAY
from .rules import RULES, Ctx, Rule
from .timex import Timex

_Cand = tuple[int, int, int, Rule, re.Match[str]]


def _candidates(text: str) -> list[_Cand]:
    """Every guarded match of every rule, with its extent and its rule's priority."""
    out = []
    for rule in RULES:
        if rule.keys is not None and not rule.keys.search(text):
            continue
        for m in rule.regex.finditer(text):
            if rule.guard is not None and not rule.guard(m, text):
                continue
            s, e = m.span(rule.group) if rule.group else m.span()
            if e > s:
                out.append((s, e, rule.prio, rule, m))
    return out


def _select(cands: list[_Cand]) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Longest match first; ties go to the rule of lower priority number (more specific)."""
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
    """'2024-10-30' (or a longer ISO timestamp) -> its date; None when absent or unreadable."""
    if not dct:
        return None
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def _anchor_times(found: list[TimeExpression], ctx: Ctx) -> None:
    """Give clock times without a day the nearest day-precise date of their sentence, else the
    story's day (``_story_day``), else the DCT."""
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
        if best is None:
            best = _story_day(found, t, ctx)
        day = best[1] if best else (X.of_date(ctx.dct) if ctx.dct else UNKNOWN_DAY)
        t.value = tx.on_day(day).iso


STORY_DAYS = 7  # how far before the article's date the day of its story may lie


def _story_day(found: list[TimeExpression], t: TimeExpression, ctx: Ctx) -> tuple[int, Timex] | None:
    """ "Voters turned out early on Tuesday. ... The precinct opened at 8 a.m.": a clock time
    whose sentence names no day is on the day the text last named, when that day is the story's
    (within ``STORY_DAYS`` before the article's date); else None (the article's day)."""
    s0, s1 = ctx.sentence(t.start)
    if any(o.type == "DATE" and s0 <= o.start < s1 for o in found):
        return None  # "In 1990 it opened at 9 a.m.": its sentence has a time of its own
    last = None
    for o in found:
        if o.start >= t.start:
            break
        ox = o.timex
        if o.type == "DATE" and ox.kind == "day" and None not in (ox.year, ox.month, ox.day):
            last = ox
    if last is None or ctx.dct is None:
        return None
    if not 0 <= (ctx.dct - date(last.year, last.month, last.day)).days <= STORY_DAYS:
        return None
    return 0, X.day(last.year, last.month, last.day)


def tag_times(text: str, dct: str | None) -> list[TimeExpression]:
    """All TIMEX3 expressions of ``text`` with values relative to ``dct`` ('YYYY-MM-DD' or None)."""
    ctx = Ctx(text=text, dct=_parse_dct(dct), sent_starts=sentence_starts(text))
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
