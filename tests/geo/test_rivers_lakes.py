"""Rivers and lakes in the embedded gazetteer (tools/gazetteer_regions.yml, its last section), on
invented sentences: found in the text, placed on the feature rather than a town or state of the
same name, and, when the gazetteer does not know one, a strict build that says how to place it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from briefing.briefingpages import _check_places, unresolved_message
from briefing.entities.glossary import Glossary, GlossaryEntry
from briefing.geo.gazetteer import gazetteer
from briefing.model import Document
from briefing.pipeline import annotate_document

ROOT = Path(__file__).resolve().parents[2]


def _annotate(text: str, glossary: Glossary | None = None):
    return annotate_document(Document(text=text, date="2025-03-12", date_source="option"), glossary)


def _places(text: str, glossary: Glossary | None = None) -> dict[str, tuple[str, str, str | None]]:
    """Entity name -> (place name, kind, country) for every placed entity."""
    ann = _annotate(text, glossary)
    return {e.name: (p.name, p.kind, p.country) for e in ann.entities for p in ann.places if p.entity == e.id}


def test_a_river_written_river_x_is_found_and_placed_on_the_river():
    places = _places("Floodwater from the River Severn closed roads near Shrewsbury on Tuesday.")
    assert places["River Severn"] == ("Severn", "feature", "GB")
    assert places["Shrewsbury"][1] == "city"


def test_a_bare_river_name_is_the_river():
    places = _places("Heavy rain swelled the Elbe in Dresden, and the Volga froze early.")
    assert places["Elbe"][1] == "feature"
    assert places["Volga"][:2] == ("Volga", "feature")


def test_a_river_named_like_a_state_is_the_river_and_the_state_stays_the_state():
    places = _places("Barges waited on the Ohio River near Cincinnati, Ohio, as the Missouri River crested.")
    assert places["Ohio River"][1] == "feature"
    assert places["Missouri River"][1] == "feature"
    assert places["Ohio"] == ("Ohio", "admin1", "US")


def test_every_form_of_a_river_name_answers_and_none_is_an_alternate_name():
    for form in ("Thames", "River Thames", "Thames River"):
        found = [c for c in gazetteer().lookup(form) if c.feature == "river"]
        assert found and found[0].name == "Thames" and not found[0].alias, form
    # A river whose bare name is a person or a state answers to both orders, never to the bare name.
    for form in ("River Trent", "Trent River"):
        assert any(c.feature == "river" for c in gazetteer().lookup(form)), form
    assert not any(c.feature == "river" for c in gazetteer().lookup("Trent"))


def test_a_lake_is_found_and_placed():
    places = _places("Fishermen on Lake Tanganyika reported smaller catches this spring.")
    assert places["Lake Tanganyika"][:2] == ("Lake Tanganyika", "feature")


def test_a_lake_named_like_a_town_follows_the_article():
    alone = _places("Ferries on Lake Geneva were cancelled as the wind rose.")
    assert alone["Lake Geneva"][1:] == ("feature", None)
    town = _places("Police in Lake Geneva, Wisconsin, closed the lakefront road on Monday.")
    assert town["Lake Geneva"][1:] == ("city", "US")


def test_a_person_named_after_a_river_stays_a_person():
    ann = _annotate("Nile Rodgers played two shows in Paris last week.")
    assert {e.name: e.type for e in ann.entities}.get("Nile Rodgers") == "PERSON"


def test_an_unknown_river_is_placed_by_the_glossary_coordinates():
    text = "The Frobble River burst its banks near the village on Sunday."
    assert "Frobble River" not in _places(text)
    glossary = Glossary(entries=[GlossaryEntry(name="Frobble River", type="LOC", coordinates=(52.63, 1.29))])
    assert _places(text, glossary)["Frobble River"][:1] == ("Frobble River",)


def test_strict_names_the_unknown_river_and_the_line_that_places_it():
    ann = _annotate("The Frobble River burst its banks near the village on Sunday.")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="news/flood.md"))
    _check_places(ann, page, strict=False)  # not strict: a note in the log, no error
    with pytest.raises(PluginError) as err:
        _check_places(ann, page, strict=True, glossary="glossary.yml")
    message = str(err.value)
    assert message.startswith("news/flood.md: unresolved places: Frobble River.")
    assert "the glossary (glossary.yml)" in message
    assert "- {name: Frobble River, coordinates: [LAT, LON]}" in message
    assert "suppress:" in message


def test_the_strict_message_without_a_glossary_names_the_option():
    message = unresolved_message("a.md", ["Frobble River"], None)
    assert "the plugin's glossary: option" in message


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_build_adds_the_other_forms_of_a_river_name_only():
    forms = _build_module().water_forms
    assert forms({"name": "Thames", "feature": "river"}) == ["Thames River", "River Thames"]
    assert forms({"name": "River Trent", "feature": "river"}) == ["Trent River"]
    assert forms({"name": "Ohio River", "feature": "river"}) == ["River Ohio"]
    assert forms({"name": "Red River of the North", "feature": "river"}) == []
    assert forms({"name": "Lake Chad", "feature": "lake"}) == []


def test_a_small_river_the_model_read_as_an_organisation_is_still_a_river():
    ann = _annotate("Floods\nWarnings were issued along the River Eden and the River Caldew on Tuesday.")
    types = {e.name: e.type for e in ann.entities}
    assert types["River Caldew"] == "LOC"  # not in the gazetteer: a place the glossary can pin


def test_a_region_or_river_name_running_on_into_a_longer_name_is_no_place():
    from briefing.entities import extract_entities

    for text, word in (("Schools\nStaff at Thames Valley said pupils were safe.", "Thames"),
                       ("Health\nSahara Valley Clinic opened.", "Sahara")):
        assert word not in {e.name for e in extract_entities(text)}
    names = {e.name for e in extract_entities("Talks\nLeaders met in Europe Monday.")}
    assert "Europe" in names  # a weekday after it ends the name


def test_britains_local_rivers_and_lakes_are_in_the_gazetteer_and_in_britain():
    # A county's river is 'River X' ('Kent' is a county, 'Greta' a person): both orders answer.
    for form in ("River Lune", "Lune River", "River Kent", "River Caldew", "River Greta",
                 "River Petteril", "River Taff", "River Lagan", "River Spey"):
        rivers = [c for c in gazetteer().lookup(form) if c.feature == "river"]
        assert rivers and rivers[0].country == "GB", form
        assert 49.9 < rivers[0].lat < 60.9 and -8.2 < rivers[0].lon < 1.8, form
    assert not any(c.feature == "river" for c in gazetteer().lookup("Kent"))
    for name in ("Windermere", "Lake Windermere", "Ullswater", "Derwentwater", "Derwent Water",
                 "Coniston Water"):
        lakes = [c for c in gazetteer().lookup(name) if c.feature == "lake"]
        assert lakes and lakes[0].country == "GB" and 54.2 < lakes[0].lat < 54.7, name


def test_a_cumbrian_river_is_placed_near_its_town():
    places = _places("Flooding\nThe River Lune burst its banks as the River Kent rose in Kendal.")
    assert places["River Lune"][1:] == ("feature", "GB")
    assert places["River Kent"][1:] == ("feature", "GB")


def test_the_bare_river_after_its_full_name_is_the_same_river():
    ann = _annotate("Flood alert\nThe River Eden rose through Appleby overnight. By noon the Eden had "
                    "reached the bridge, and the Eden was still climbing at dusk.")
    rivers = [e for e in ann.entities if e.name == "River Eden"]
    assert len(rivers) == 1 and [m.text for m in rivers[0].mentions] == ["River Eden", "Eden", "Eden"]
    assert not any(e.name == "Eden" for e in ann.entities)
    assert _places(ann.document.text)["River Eden"][1:] == ("feature", "GB")


def test_a_bare_river_in_a_sentence_about_water_is_the_river_not_the_county():
    places = _places("Roads shut\nThe Kent burst its banks below Kendal, and the Greta flooded "
                     "streets in Keswick.")
    assert places["River Kent"] == ("River Kent", "feature", "GB")
    assert places["River Greta"] == ("River Greta", "feature", "GB")
    assert "Kent" not in places


def test_a_bare_river_name_without_the_river_or_water_keeps_its_other_reading():
    ann = _annotate("Visitors\nThe Eden Project welcomed visitors, and the Kent coast was busy. "
                    "Greta Lund said the Kent team won.")
    names = {e.name for e in ann.entities}
    assert "River Eden" not in names and "River Kent" not in names and "River Greta" not in names


def test_lake_district_lakes_are_water_features_not_people_or_one_organisation():
    text = ("Lakes\nSailing on Windermere and Ullswater was halted, and the shore of Derwentwater "
            "flooded. Coniston Water stayed calm near Kendal.")
    types = {e.name: e.type for e in _annotate(text).entities}
    places = _places(text)
    for lake in ("Windermere", "Ullswater", "Derwentwater", "Coniston Water"):
        assert types[lake] == "LOC", lake
        assert places[lake][1:] == ("feature", "GB"), lake
    assert "Windermere and Ullswater" not in types


def test_a_town_named_like_its_lake_stays_the_town_when_written_as_one():
    places = _places("Shops\nShops reopened on Monday, Windermere town council said, after a storm "
                     "hit Kendal.")
    assert places["Windermere"][1:] == ("city", "GB")


def test_britains_national_parks_are_placed_in_britain():
    places = _places("Walkers\nMountain rescue teams in the Lake District and the Peak District were "
                     "called out, and snow closed roads on Dartmoor.")
    assert places["Lake District"] == ("Lake District", "region", "GB")
    assert places["Peak District"][1:] == ("region", "GB")
    assert places["Dartmoor"][1:] == ("region", "GB")
