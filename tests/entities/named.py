"""Looking entities up in tests: by name, and the set of their mention texts."""

from __future__ import annotations

from briefing.model import Entity


def names(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def surfaces(entities: list[Entity]) -> set[str]:
    return {m.text for e in entities for m in e.mentions}
