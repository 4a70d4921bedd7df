"""Retellings of one happening (same verb, shared participants, same days) collapse into one,
keeping the fullest telling; statements ("said") never collapse: two statements are two events."""

from __future__ import annotations

from .candidate import Candidate
from .lang_en import REPORTING_VERBS


def _same_happening(a: Candidate, b: Candidate) -> bool:
    if (a.earliest, a.latest) != (b.earliest, b.latest) or a.lemma != b.lemma or a.lemma in REPORTING_VERBS:
        return False
    if 0 in (a.start, b.start):
        return False  # a plain text's first line may be its headline: kept apart, it is not the body
    if a.start == b.start:
        return a.trigger == b.trigger
    return bool(set(a.entities) & set(b.entities))


def merge_retellings(cands: list[Candidate]) -> list[Candidate]:
    """Collapse retellings; the fullest clause (with a subject, absolute date) wins."""
    out: list[Candidate] = []
    by_bounds: dict[tuple[str | None, str | None], list[int]] = {}  # twins share their dates
    for c in cands:
        slots = by_bounds.setdefault((c.earliest, c.latest), [])
        at = next((i for i in slots if _same_happening(out[i], c)), None)
        if at is None:
            slots.append(len(out))
            out.append(c)
            continue
        twin = out[at]
        better = c if (c.full_clause, len(c.entities)) > (twin.full_clause, len(twin.entities)) else twin
        merged = Candidate(**{**better.__dict__})
        merged.entities = sorted(set(twin.entities) | set(c.entities), key=(twin.entities + c.entities).index)
        merged.places = [e for e in merged.entities if e in set(twin.places) | set(c.places)]
        out[at] = merged
    return out


def drop_echoes(cands: list[Candidate]) -> list[Candidate]:
    """One sentence's entries whose words one tells within the other's ("We've been getting
    donations throughout the year…" and "... getting donations throughout the year and discarding
    throughout the year") are one entry: the one its own words date, else the longer one. Two
    happenings with dates of their own stay two, and so do a statement and what it tells."""
    out: list[Candidate] = []
    for c in cands:
        twin = next((i for i, o in enumerate(out) if o.start == c.start and _echo(o, c)), None)
        if twin is None:
            out.append(c)
            continue
        kept, dropped = (c, out[twin]) if _rank(c) > _rank(out[twin]) else (out[twin], c)
        if kept is c:
            out[twin] = c
        if kept.summary.removesuffix("…") in dropped.summary:  # the longer words' names are the entry's
            kept.entities = list(dict.fromkeys(kept.entities + dropped.entities))
            kept.places = list(dict.fromkeys(kept.places + dropped.places))
    return out


def _echo(a: Candidate, b: Candidate) -> bool:
    if a.value and b.value and (a.earliest, a.latest, a.value) != (b.earliest, b.latest, b.value):
        return False  # (two times of one day are two happenings: "after midnight", "by 3am")
    if REPORTING_VERBS & {a.lemma, b.lemma}:
        return False  # a statement and what it tells are two ("Boeing has announced that ... begun in 2006")
    x, y = a.summary.removesuffix("…"), b.summary.removesuffix("…")
    return x in y or y in x


def _rank(c: Candidate) -> tuple[bool, int]:
    return c.value is not None, len(c.summary)

