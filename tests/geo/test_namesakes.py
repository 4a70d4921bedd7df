"""A town named like its country's state, and a metropolis's state: what the resolver makes of them.

Invented sentences; each test fails if its rule in ``briefing.geo.resolve`` is taken out.
"""

from __future__ import annotations

from briefing.geo.resolve import resolve_places

from .named import entities


def _placed(text: str, *names: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Entity id -> (kind, country, name) of its place."""
    return {p.entity: (p.kind, p.country, p.name) for p in resolve_places(entities(text, *names), text)}


def test_a_state_named_beside_another_states_places_is_the_state_not_its_namesake_town() -> None:
    # Florida is also a village of New York state; the New York places around it are no reason
    # to read the bare name as the village.
    text = "Officials in Albany, New York, said on Monday that Florida will send aid to Buffalo."
    placed = _placed(text, "Albany", "New York", "Florida", "Buffalo")
    assert placed["florida"] == ("admin1", "US", "Florida")


def test_a_qualifier_still_picks_the_namesake_town() -> None:
    text = "A barn fire in Florida, N.Y., was put out by crews from Goshen."
    placed = _placed(text, "Florida", "Goshen")
    kind, country, _ = placed["florida"]
    assert (kind, country) == ("city", "US")


def test_a_nation_named_beside_its_neighbours_towns_is_the_nation() -> None:
    # Wales is also a village of England; a story naming English towns still means the nation.
    text = "Fans travelled from Sheffield and Leeds to watch England play Wales on Saturday."
    placed = _placed(text, "Sheffield", "Leeds", "England", "Wales")
    assert placed["wales"][0] == "admin1"


def test_a_metropolis_does_not_vote_for_its_state() -> None:
    # New York City's state holds a small Boston too; naming the city says nothing about that.
    text = "Flights from New York City to Boston were cancelled as the storm moved north."
    placed = _placed(text, "New York City", "Boston")
    assert placed["boston"][1:] == ("US", "Boston")
    boston = next(p for p in resolve_places(entities(text, "New York City", "Boston"), text)
                  if p.entity == "boston")
    assert abs(boston.lat - 42.36) < 0.3 and abs(boston.lon + 71.06) < 0.3  # Massachusetts


def test_a_town_under_ten_thousand_far_from_the_story_gets_no_place() -> None:
    # 'Hope' (a town of some 10,000 in Arkansas) in a story set in France is a word, not the town.
    text = "Hope filled the streets of Paris and Lyon on Sunday."
    placed = _placed(text, "Hope", "Paris", "Lyon")
    assert "hope" not in placed
    assert placed["paris"][1] == "FR"


def test_a_division_of_a_country_the_story_names_beats_a_town_of_its_name_abroad() -> None:
    # Ontario is also a town of Ohio; with Canada in the story, Ohio named too is no reason for it.
    text = ("The United States and Canada will lend the carmakers money. Ontario will pay a third, "
            "officials in the United States said. A plant in Ohio will close.")
    placed = _placed(text, "United States", "Canada", "Ontario", "Ohio")
    assert placed["ontario"][:2] == ("admin1", "CA")
