"""What the words and places around a name say about its reading (invented text): names listed
together share a level, a facility far from the story is no town, a campus is no state, the next
town along beats a town of the same name further off."""

from __future__ import annotations

from briefing.geo.resolve import resolve_places
from briefing.geo.seats import _on_one_site
from briefing.geo.toponyms import find_local_places
from briefing.pipeline import annotate_text

from .named import entities


def _resolved(text: str, *groups: tuple[str, tuple[str, ...]]) -> dict[str, tuple[str, str, str | None]]:
    """Entity name -> (place name, kind, country) for entities of the given (type, names) groups."""
    ents = [e for etype, names in groups for e in entities(text, *names, etype=etype)]
    by_id = {e.id: e.name for e in ents}
    return {by_id[p.entity]: (p.name, p.kind, p.country) for p in resolve_places(ents, text)}


def test_a_name_listed_with_a_state_is_the_state() -> None:
    text = "Firms are moving jobs from western states such as California or Washington to cheaper places."
    got = _resolved(text, ("GPE", ("California", "Washington")))
    assert got["Washington"][:2] == ("Washington", "admin1")


def test_a_name_listed_with_a_city_keeps_its_own_reading() -> None:
    # 'New York' is first of all the city: a list of cities lends no level to 'Washington'.
    text = "Flights from New York and Washington were cancelled on Friday."
    got = _resolved(text, ("GPE", ("New York", "Washington")))
    assert got["Washington"][1] == "city"


def test_a_facility_far_from_the_story_is_not_a_small_town_of_its_name() -> None:
    text = ("Police in London searched a cargo plane at Heathrow airport on Monday. "
            "Officers from the United Kingdom and France took part.")
    got = _resolved(text, ("GPE", ("London", "United Kingdom", "France")), ("FAC", ("Heathrow",)))
    assert "London" in got
    assert "Heathrow" not in got  # not Heathrow, Florida


def test_a_facility_named_like_a_town_of_the_story_is_placed() -> None:
    text = "Crowds gathered in Washington Square in Philadelphia, Pennsylvania, on Saturday."
    got = _resolved(text, ("GPE", ("Philadelphia", "Pennsylvania")), ("FAC", ("Washington Square",)))
    assert got["Washington Square"][2] == "US"


def test_a_saints_building_is_one_facility_not_a_town() -> None:
    ann = annotate_text("World\nEaster\n\nThe pope led the vigil in St. Peter's Basilica in Rome on Sunday.")
    names = {e.name: e.type for e in ann.entities}
    assert names.get("St. Peter's Basilica") == "FAC"
    placed = {p.name for p in ann.places}
    assert "Saint Peter" not in placed


def test_a_campus_named_after_a_state_is_not_seated_at_the_state() -> None:
    assert _on_one_site("Florida Atlantic University", "Florida")
    assert _on_one_site("Leeds General Infirmary", "Leeds")
    assert not _on_one_site("University of Utah", "Utah")  # the state's own university
    assert not _on_one_site("Ohio State University", "Ohio State")
    assert not _on_one_site("Muscogee County School District", "Muscogee County")  # a body, no site
    text = "She got into Florida Atlantic University and the University of Utah, her mother in Ohio said."
    ents = entities(text, "Ohio") + entities(text, "Florida Atlantic University", "University of Utah",
                                             etype="ORG")
    placed = {p.entity: p.name for p in resolve_places(ents, text)}
    assert placed.get("university-of-utah") == "Utah"
    assert "florida-atlantic-university" not in placed


def test_a_town_typed_as_a_product_is_a_place_when_the_text_says_so() -> None:
    text = "Two inmates were captured in Chattanooga on Thursday, deputies in Tennessee said."
    ents = entities(text, "Tennessee") + entities(text, "Chattanooga", etype="PRODUCT")
    assert {e.name: e.type for e in find_local_places(ents, text)}["Chattanooga"] == "GPE"


def test_a_name_followed_by_other_towns_is_a_town() -> None:
    text = "Shells fell on Homs and other towns of Syria on Friday."
    ents = entities(text, "Syria") + entities(text, "Homs", etype="ORG")
    assert {e.name: e.type for e in find_local_places(ents, text)}["Homs"] == "GPE"
    text = "Shells fell on Homs on Friday, officials in Syria said."  # no word says place
    ents = entities(text, "Syria") + entities(text, "Homs", etype="ORG")
    assert {e.name: e.type for e in find_local_places(ents, text)}["Homs"] == "ORG"


def test_the_next_town_along_beats_one_of_the_same_name_further_off() -> None:
    # LaFayette, Georgia is 40 km from Chattanooga; the article's Tennessee county is no reason to
    # prefer a Tennessee Lafayette 150 km away.
    text = ("Deputies from Walker County, Ga., said the men escaped from a work detail in LaFayette. "
            "They were found in Chattanooga and taken to the Hamilton County jail.")
    got = _resolved(text, ("GPE", ("Walker County", "LaFayette", "Chattanooga", "Hamilton County")))
    assert got["LaFayette"][2] == "US"
    assert got["LaFayette"][0] == "LaFayette"


def test_a_rivers_delta_is_not_put_on_the_rivers_marker() -> None:
    ann = annotate_text("World\nHarvest fails\n\nFarmers in the Nile Delta said the harvest failed. "
                        "Boats on the Nile were idle.")
    by_name = {e.name: e for e in ann.entities}
    assert by_name["Nile Delta"].type == "LOC"  # one name, not the river and a stray 'Delta'
    placed = {p.entity for p in ann.places}
    assert by_name["Nile"].id in placed
    assert by_name["Nile Delta"].id not in placed  # the gazetteer has no delta: no marker, no guess


def test_a_town_left_untagged_after_to_is_a_place_of_the_articles_area() -> None:
    text = "PENRITH, Cumbria - The line north of Penrith to Carlisle stayed shut until May, and in March."
    out = {e.name: e for e in find_local_places(entities(text, "Penrith"), text)}
    assert out["Carlisle"].type == "GPE"  # Carlisle, England: where Penrith is
    assert "March" not in out and "May" not in out  # calendar words are never towns


def test_an_untagged_small_town_of_another_country_is_not_proposed() -> None:
    text = "Officials in Iowa said the road to Penrith was closed."  # Penrith: England or Australia
    out = {e.name for e in find_local_places(entities(text, "Iowa"), text)}
    assert "Penrith" not in out
