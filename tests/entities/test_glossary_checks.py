"""The glossary's mistakes that used to pass in silence: each one a warning naming the file and the fix.

Plain functions over plain data here; the build and ``briefing check`` reporting them (and
``strict: true`` failing on them) are tested in ``test_site_checks.py``.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing.entities.glossary import glossary_from_data
from briefing.geo.basemap import country_at
from briefing.model import Document, Entity
from briefing.pipeline import glossary_places
from briefing.validate import date_problems, glossary_problems, suppression_problems

GLOSSARY = "seeds/glossary.yml"


@pytest.mark.parametrize(
    "lat, lon, country",
    [
        (51.5074, -0.1278, "GB"),  # London
        (38.8977, -77.0365, "US"),  # Washington
        (50.4501, 30.5234, "UA"),  # Kyiv
        (43.8563, 18.4131, "BA"),  # Sarajevo: Croatia's own centre point lies in Bosnia's shape
        (-33.8688, 151.2093, "AU"),  # Sydney
        (64.8, -147.7, "US"),  # Fairbanks, Alaska
        (45.0, -30.0, None),  # mid-Atlantic
        (0.0, 0.0, None),  # Gulf of Guinea
    ],
)
def test_country_at_names_the_country_a_point_is_in(lat, lon, country):
    assert country_at(lat, lon) == country


def _entity(name: str, type_: str = "GPE") -> Entity:
    return Entity(id=name.lower().replace(" ", "-"), name=name, type=type_, source="glossary")


def _glossary(*entities: dict, suppress: list | None = None):
    return glossary_from_data({"entities": list(entities), "suppress": suppress or []}, GLOSSARY)


def test_a_pinned_place_takes_kind_and_country_from_where_its_coordinates_are():
    # The gazetteer's best 'Westminster' is in Colorado; these coordinates are in London.
    glossary = _glossary(
        {"name": "Westminster", "type": "GPE", "coordinates": [51.4975, -0.1357]},
        {"name": "London", "type": "GPE", "coordinates": [42.9849, -81.2453]},  # London, Ontario
        {"name": "Harwell Lane Depot", "type": "FAC", "coordinates": [51.5713, -1.3153]},
    )
    places = {
        p.name: p
        for p in glossary_places(
            [_entity("Westminster"), _entity("London"), _entity("Harwell Lane Depot", "FAC")], glossary
        )
    }
    assert (places["Westminster"].kind, places["Westminster"].country) == ("city", "GB")
    assert (places["London"].kind, places["London"].country) == ("city", "CA")
    # Unknown to the gazetteer: the kind follows the type, the country the coordinates.
    assert (places["Harwell Lane Depot"].kind, places["Harwell Lane Depot"].country) == ("address", "GB")
    assert all(p.source == "glossary" for p in places.values())


def test_a_pinned_place_the_gazetteer_knows_there_keeps_its_kind():
    glossary = _glossary({"name": "Texas", "coordinates": [30.2672, -97.7431]})  # Austin
    (place,) = glossary_places([_entity("Texas")], glossary)
    assert (place.kind, place.country) == ("admin1", "US")


def test_coordinates_written_lon_lat_are_reported_with_the_swap():
    glossary = _glossary(
        {"name": "Kyiv", "type": "GPE", "coordinates": [30.5234, 50.4501]},  # [lon, lat]
        {"name": "Lviv", "type": "GPE", "coordinates": [49.8397, 24.0297]},  # right
        # Unknown to the gazetteer: the given point is in the sea, the swapped one in Paris.
        {"name": "Rue Imaginaire Bureau", "type": "FAC", "coordinates": [2.3522, 48.8566]},
    )
    problems = glossary_problems(glossary, GLOSSARY)
    assert len(problems) == 2, problems
    kyiv, bureau = problems
    assert kyiv.startswith(f"{GLOSSARY}: entities[0] (Kyiv): coordinates [30.5234, 50.4501]")
    assert "[lon, lat]" in kyiv and "[50.4501, 30.5234]" in kyiv
    assert bureau.startswith(f"{GLOSSARY}: entities[2] (Rue Imaginaire Bureau)") and "sea" in bureau


def test_places_that_really_are_where_the_glossary_says_are_not_reported():
    glossary = _glossary(
        {"name": "London", "coordinates": [51.5074, -0.1278]},
        {"name": "Mount Imaginary Station", "type": "FAC", "coordinates": [46.0, 7.0]},  # Alps, both land
        {"name": "Dogger Bank", "type": "LOC", "coordinates": [54.75, 2.5]},  # a bank at sea is at sea
        {"name": "Null Island Buoy", "type": "FAC", "coordinates": [0.0, 0.0]},
        {"name": "Far East Port", "type": "FAC", "coordinates": [43.1, 131.9]},  # lon > 90: no swap
    )
    assert glossary_problems(glossary, GLOSSARY) == []


def test_duplicate_names_and_names_that_are_another_entrys_alias_are_reported():
    glossary = _glossary(
        {"name": "Harbour Authority", "aliases": ["HA"], "description": "First."},
        {"name": "harbour authority", "description": "Second."},  # the same name, other case
        {"name": "Harbour Police", "aliases": ["HA", "Harbour Police"]},  # HA is entry 0's alias
        {"name": "Port Board", "aliases": ["The Board", "the board"]},  # twice in one entry: harmless
    )
    problems = glossary_problems(glossary, GLOSSARY)
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{GLOSSARY}: entities[1] (harbour authority): the name")
    assert "entities[0] (Harbour Authority)" in problems[0] and "first" in problems[0]
    assert problems[1].startswith(f"{GLOSSARY}: entities[2] (Harbour Police): the alias 'HA'")
    assert "alias of entities[0]" in problems[1]


def test_a_suppression_scoped_to_no_article_is_reported_with_the_nearest_path():
    glossary = _glossary(
        suppress=[
            "Pentagon Press",
            {"text": "Quay Street", "article": "seeds/harbor-fire.txt"},  # misspelt
            {"text": "Dock Lane", "article": "seeds/harbour-fire.txt"},
            {"text": "Mill Road", "article": "harbour-fire.txt"},  # a suffix of the path names it too
        ]
    )
    articles = ["seeds/harbour-fire.txt", "docs/notes/port.md"]
    problems = suppression_problems(glossary, GLOSSARY, articles)
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.startswith(f"{GLOSSARY}: suppress[1] (Quay Street): article 'seeds/harbor-fire.txt'")
    assert "seeds/harbour-fire.txt" in problem  # the suggestion


def test_a_date_far_in_the_future_is_reported_naming_the_file_and_source():
    today = date(2025, 6, 1)
    given = [  # (path, date, date_source, date_from)
        ("docs/a.md", "2052-03-04", "metadata", "front-matter"),
        ("seeds/b.txt", "2052-01-25", "metadata", "date-line"),
        ("seeds/c.txt", "2025-06-02", "metadata", "date-line"),  # tomorrow's paper: within the margin
        ("seeds/d.txt", "2030-01-01", "inferred", "text"),  # inferred: not the writer's mistake
        ("seeds/e.txt", "2024-01-01", "metadata", "file-name"),
    ]
    docs = [
        Document(text="x", path=path, date=day, date_source=source, date_from=origin)
        for path, day, source, origin in given
    ]
    problems = date_problems(docs, today)
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/a.md: the date 2052-03-04") and "front matter" in problems[0]
    assert problems[1].startswith("seeds/b.txt: the date 2052-01-25") and "date line" in problems[1]


def test_a_longitude_where_the_latitude_goes_is_an_error_that_shows_the_swap():
    from briefing.entities.glossary import GlossaryError

    with pytest.raises(GlossaryError) as info:
        _glossary({"name": "Austin", "coordinates": [-97.7431, 30.2672]})
    message = str(info.value)
    assert message.startswith(f"{GLOSSARY}: entities[0] (Austin): coordinates must be [lat, lon]")
    assert "write [30.2672, -97.7431]" in message
