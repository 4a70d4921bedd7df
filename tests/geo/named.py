"""Entities for invented sentences, shared by the geo tests."""

from __future__ import annotations

from briefing.geo.gazetteer import normalize
from briefing.model import Entity, Mention


def entities(text: str, *names: str, etype: str = "GPE", source: str = "model") -> list[Entity]:
    """Entities for the given names with every occurrence in ``text`` as a mention."""
    out = []
    for name in names:
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + 1)
        out.append(
            Entity(normalize(name).replace(" ", "-"), name, etype, mentions=mentions, source=source)
        )
    return out
