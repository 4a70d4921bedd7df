"""A place mention cut short of a longer place name becomes that name (invented sentences)."""

from __future__ import annotations

from briefing.geo.toponyms import find_local_places
from briefing.model import Entity, Mention


def _entity(text: str, name: str, etype: str = "GPE", source: str = "model", nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    mention = Mention(start, start + len(name), name)
    return Entity(name.lower().replace(" ", "-"), name, etype, mentions=[mention], source=source)


def _names(entities: list[Entity]) -> dict[str, str]:
    return {m.text: e.type for e in entities for m in e.mentions}


def test_the_tail_of_a_country_name_becomes_the_country() -> None:
    text = "Talks with South Africa on a mining venture resume next month."
    out = find_local_places([_entity(text, "Africa", "LOC", "rules")], text)
    assert _names(out) == {"South Africa": "GPE"}


def test_the_head_of_a_territory_name_becomes_the_territory() -> None:
    text = "Sales opened in 44 states and the U.S. Virgin Islands this week."
    out = find_local_places([_entity(text, "U.S.")], text)
    assert _names(out) == {"U.S. Virgin Islands": "GPE"}


def test_two_place_mentions_that_make_one_name_merge() -> None:
    text = "Work on the bridge in Baja California starts in ten days."
    out = find_local_places([_entity(text, "Baja"), _entity(text, "California")], text)
    assert _names(out) == {"Baja California": "GPE"}


def test_a_persons_name_beside_a_place_is_not_swallowed() -> None:
    text = "Governor Ana South Africa said nothing."  # 'Ana South' is a person: no widening across it
    person = Entity("ana-south", "Ana South", "PERSON", mentions=[Mention(9, 18, "Ana South")])
    out = find_local_places([person, _entity(text, "Africa", "LOC", "rules")], text)
    assert _names(out)["Africa"] == "LOC"


def test_a_capitalised_word_that_makes_no_place_name_is_left_alone() -> None:
    text = "Reporters in Georgia Tuesday heard the verdict."
    out = find_local_places([_entity(text, "Georgia")], text)
    assert _names(out) == {"Georgia": "GPE"}


def test_an_article_before_a_name_names_nothing_longer() -> None:
    text = "The US and its allies met on Friday."
    out = find_local_places([_entity(text, "US")], text)
    assert _names(out) == {"US": "GPE"}
