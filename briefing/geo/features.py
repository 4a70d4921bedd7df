"""Which of an entity's names the resolver looks up, when the entity is a river or a lake.

An entity's mentions all count as its names ('Kirkby Lonsdale' and 'KIRKBY LONSDALE'), and the
resolver pools the candidates of every one. A river written in full once and bare after that
('River Kent' ... 'the Kent') would pool the county of Kent with the river, and the county, far
more prominent, would win. When the entity's own name is a river or a lake the gazetteer knows,
only the names that are that feature's count.
"""

from __future__ import annotations

from briefing.geo.gazetteer import Gazetteer
from briefing.model import Entity

WATER_FEATURES = frozenset({"river", "lake"})


def lookup_surfaces(gaz: Gazetteer, entity: Entity) -> list[str]:
    """The entity's names to look up, in order: its name, its mentions' texts, its aliases; for a
    LOC named after a river or lake, those naming a river or lake only."""
    surfaces = list(dict.fromkeys([entity.name] + [m.text for m in entity.mentions] + list(entity.aliases)))
    if entity.type != "LOC" or not _water(gaz, entity.name):
        return surfaces
    return [entity.name] + [s for s in surfaces[1:] if _water(gaz, s)]


def _water(gaz: Gazetteer, name: str) -> bool:
    return any(c.feature in WATER_FEATURES and not c.alias for c in gaz.lookup(name))
