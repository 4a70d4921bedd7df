"""Types checked against the gazetteer: a name typed PERSON or ORG that is also a notable place.

The model types 'Jordan told the court' PERSON and 'the Hyderabad council' ORG from the words
around them; the gazetteer knows both names as places. Either may be right, and only an editor
can tell: the place the gazetteer knows is recorded on the entity (``Entity.place_reading``) as
evidence against its type, and the "please check" page lists it with the glossary line that
settles it. Nothing here changes a type.
"""

from __future__ import annotations

from briefing.model import Entity, Reading

from .aliases import builtin_canonical

# Types that place names are not; NORP ('Georgian') is a people, not a mistaken place.
CHECKED_TYPES = frozenset({"PERSON", "ORG", "EVENT", "PRODUCT", "OTHER"})
# A prior (log10 population + kind bonus) at least this high: a city of 100,000, a province of
# 10,000, any country or curated region. Thousands of villages are named after people.
NOTABLE = 5.0


def place_reading(entity: Entity) -> Reading | None:
    """The notable place the gazetteer knows by the entity's name, when its type says it is none.

    The editors' glossary and the built-in tables ('Pentagon' is an ORG) are decisions, not
    guesses: their entities are never questioned.
    """
    if entity.type not in CHECKED_TYPES or entity.source == "glossary" or builtin_canonical(entity.name):
        return None
    try:  # the gazetteer is optional for entity recognition (another part of the project)
        from briefing.geo.gazetteer import gazetteer
        from briefing.geo.resolve import reading
    except ImportError:  # pragma: no cover
        return None
    found = [c for c in gazetteer().lookup(entity.name) if not c.alias and c.prior >= NOTABLE]
    return reading(found[0]) if found else None


def mark_place_readings(entities: list[Entity]) -> None:
    """Record each entity's place reading (see ``place_reading``) in place."""
    for e in entities:
        e.place_reading = place_reading(e)
