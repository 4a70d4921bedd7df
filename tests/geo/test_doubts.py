"""What the system records about its own doubts, on invented sentences: places the population
prior alone decided, names typed against the gazetteer; carried through the contract JSON and
the snapshot schema as optional fields."""

from __future__ import annotations

import copy
import json
import re

import pytest

from briefing.entities.crosscheck import mark_place_readings, place_reading
from briefing.geo.resolve import resolve_places
from briefing.model import Annotations, Document, Entity, Mention, Place, Reading
from briefing.schema import SchemaError, check_schema

from .named import entities


def place(text: str, *names: str) -> dict[str, Place]:
    return {p.entity: p for p in resolve_places(entities(text, *names), text)}


# ----------------------------------------------------------------------------- places


def test_a_name_in_two_countries_without_context_records_the_runner_up():
    text = "Flood warning\nHeavy rain flooded roads in Birmingham on Tuesday; the council opened shelters."
    p = place(text, "Birmingham")["birmingham"]
    assert (p.name, p.country) == ("Birmingham", "GB")  # the bigger city, as before
    assert p.alternatives == 2  # Birmingham, Alabama and Birmingham, Michigan (55 times smaller)
    assert p.runner_up is not None
    assert (p.runner_up.name, p.runner_up.country, p.runner_up.admin1) == ("Birmingham", "US", "Alabama")
    assert p.runner_up.kind == "city"
    assert abs(p.runner_up.lat - 33.5) < 0.5 and abs(p.runner_up.lon + 86.8) < 0.5


def test_a_country_and_a_state_of_the_same_name_are_a_close_call():
    text = "Storm\nA storm cut power to 40,000 homes in Georgia on Tuesday, the utility said."
    p = place(text, "Georgia")["georgia"]
    assert p.country == "GE" and p.kind == "country"
    assert p.runner_up is not None and (p.runner_up.country, p.runner_up.kind) == ("US", "admin1")


def test_context_that_decides_leaves_no_doubt():
    text = "Storm\nA storm hit Birmingham, Alabama on Tuesday; Montgomery was spared."
    p = place(text, "Birmingham", "Alabama", "Montgomery")["birmingham"]
    assert p.country == "US"
    assert p.alternatives is None and p.runner_up is None


def test_a_famous_name_far_ahead_of_its_namesakes_is_no_doubt():
    text = "Summit\nLeaders met in Paris on Monday."
    p = place(text, "Paris")["paris"]
    assert p.country == "FR"  # Paris, Texas is a hundred times smaller: the prior is not a close call
    assert p.alternatives is None and p.runner_up is None


def test_a_division_inside_the_chosen_country_is_no_rival():
    # The State of Mexico lies inside Mexico: the country is right either way.
    text = "Trade\nExports from Mexico rose in March."
    p = place(text, "Mexico")["mexico"]
    assert p.country == "MX" and p.kind == "country"
    assert p.runner_up is None and p.alternatives is None


def test_recording_the_doubt_never_changes_the_choice():
    # What the resolver chose for these before it recorded doubts (US context from Portland and
    # Springfield pulls Georgia and Perth to the US; Cambridge joins Perth in New York since the
    # names that can share a state are read in one): the same places, to the same coordinates.
    text = "Tour\nThe band played Georgia, Portland, Cambridge and Perth, then rested in Springfield."
    got = place(text, "Georgia", "Portland", "Cambridge", "Perth", "Springfield")
    assert {k: (p.name, p.kind, p.country, p.lat, p.lon) for k, p in got.items()} == {
        "georgia": ("Georgia", "admin1", "US", 32.6172, -83.3748),
        "portland": ("Portland", "city", "US", 45.523, -122.676),
        "cambridge": ("Cambridge", "city", "US", 43.028, -73.381),
        "perth": ("Perth", "city", "US", 43.018, -74.194),
        "springfield": ("Springfield", "city", "US", 42.101, -72.59),
    }
    assert got["georgia"].runner_up is None  # the article's other places decided it


# ----------------------------------------------------------------------------- entity types


def test_a_person_the_gazetteer_knows_as_a_country_gets_its_place_reading():
    text = "Court hears appeal\nJordan told the court on Monday that she had never seen the letter."
    (jordan,) = entities(text, "Jordan", etype="PERSON")
    reading = place_reading(jordan)
    assert reading is not None
    assert (reading.name, reading.kind, reading.country) == ("Jordan", "country", "JO")
    mark_place_readings([jordan])
    assert jordan.place_reading == reading


def test_only_unconfirmed_non_place_readings_are_checked():
    text = "Talks\nJordan, Syria and the Pentagon met in Hyderabad and Smalltownville."
    person = entities(text, "Jordan", etype="PERSON", source="glossary")  # the editors' word
    place_typed = entities(text, "Syria", etype="GPE")  # read as a place: the resolver's business
    builtin = entities(text, "Pentagon", etype="ORG")  # the built-in tables say ORG on purpose
    org = entities(text, "Hyderabad", etype="ORG")
    unknown = entities(text, "Smalltownville", etype="ORG")
    everything = person + place_typed + builtin + org + unknown
    mark_place_readings(everything)
    assert [e.name for e in everything if e.place_reading] == ["Hyderabad"]
    assert everything[3].place_reading.country == "IN"


def test_a_small_namesake_is_no_evidence():
    # Thousands of villages are named after people; only a notable place counts against a type.
    text = "Interview\nBarnaby said the plan was ready."
    (e,) = entities(text, "Barnaby", etype="PERSON")
    assert place_reading(e) is None


# ----------------------------------------------------------------------------- contract and schema


def _annotations() -> Annotations:
    text = "Storm\nJordan said Georgia was hit."
    jordan = Entity("jordan", "Jordan", "PERSON", mentions=[Mention(6, 12, "Jordan")],
                    place_reading=Reading("Jordan", 31.0, 36.0, "country", "JO"))
    georgia = Entity("georgia", "Georgia", "GPE", mentions=[Mention(18, 25, "Georgia")])
    p = Place("georgia", "Georgia", 42.0, 43.5, "country", "GE", alternatives=1,
              runner_up=Reading("Georgia", 32.75, -83.5, "admin1", "US"))
    return Annotations(Document(text=text, title="Storm"), entities=[jordan, georgia], places=[p])


def test_the_new_fields_round_trip_and_are_absent_when_there_is_no_doubt():
    ann = _annotations()
    data = json.loads(json.dumps(ann.to_dict()))
    assert data["places"][0]["alternatives"] == 1
    assert data["places"][0]["runner_up"] == {
        "name": "Georgia", "lat": 32.75, "lon": -83.5, "kind": "admin1", "country": "US", "admin1": None
    }
    assert data["entities"][0]["place_reading"]["country"] == "JO"
    assert "place_reading" not in data["entities"][1]  # optional: only when there is something to say
    back = Annotations.from_dict(data)
    assert back.places == ann.places and back.entities == ann.entities
    check_schema(data, ann.text)
    plain = Place("x", "X", 1.0, 2.0, "city")
    assert set(Annotations(Document(text="x"), places=[plain]).to_dict()["places"][0]) == {
        "entity", "name", "lat", "lon", "kind", "country", "source"
    }


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["places"][0].update(alternatives=0), "places[0].alternatives"),
        (lambda d: d["places"][0].update(alternatives="two"), "places[0].alternatives"),
        (lambda d: d["places"][0].update(runner_up="Georgia"), "places[0].runner_up"),
        (lambda d: d["places"][0]["runner_up"].update(lat=200), "places[0].runner_up.lat"),
        (lambda d: d["places"][0]["runner_up"].update(kind="planet"), "places[0].runner_up.kind"),
        (lambda d: d["places"][0]["runner_up"].update(name=""), "places[0].runner_up.name"),
        (lambda d: d["places"][0]["runner_up"].update(country="<b>"), "places[0].runner_up.country"),
        (lambda d: d["places"][0]["runner_up"].update(admin1=3), "places[0].runner_up.admin1"),
        (lambda d: d["entities"][0]["place_reading"].update(lon=1e999), "entities[0].place_reading.lon"),
        (lambda d: d["entities"][0].update(place_reading=[1, 2]), "entities[0].place_reading"),
    ],
)
def test_the_schema_checks_the_new_fields(edit, message):
    data = copy.deepcopy(_annotations().to_dict())
    edit(data)
    with pytest.raises(SchemaError, match="^" + re.escape(message) + ":"):
        check_schema(data, data["text"])
