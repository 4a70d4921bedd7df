"""Mentions and times by position, for the sentence-by-sentence walk."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Entity, Mention, TimeExpression


class ByPosition:
    """Mentions and times sorted by start, so that a sentence finds its own by bisection:
    sentences x entities (or x times) would be quadratic in a long article."""

    def __init__(self, entities: list[Entity], times: list[TimeExpression]) -> None:
        self.entities = entities
        self.mentions = sorted((m.start, m.end, i, m) for i, e in enumerate(entities) for m in e.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.times = sorted(range(len(times)), key=lambda i: times[i].start)
        self.time_starts = [times[i].start for i in self.times]
        self.all_times = times

    def spans_in(self, start: int, end: int) -> list[tuple[int, Mention]]:
        """(entity index, mention) of the mentions inside [start, end), by position."""
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return [(i, m) for _, m_end, i, m in self.mentions[lo:hi] if m_end <= end]

    def mentions_in(self, start: int, end: int) -> list[str]:
        """Ids of the entities with a mention inside [start, end), in entity order."""
        return [self.entities[i].id for i in sorted({i for i, _ in self.spans_in(start, end)})]

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        """Times starting inside [start, end), in their original order."""
        lo, hi = bisect_left(self.time_starts, start), bisect_left(self.time_starts, end)
        return [self.all_times[i] for i in sorted(self.times[lo:hi])]
