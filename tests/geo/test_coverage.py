"""A site's coverage area leans ambiguous place names towards it; the article's own context (a
qualifier, a state it names, a council or police force of the place) still wins (issue #16).

Invented sentences, real spaCy and the embedded gazetteer, no mocks.
"""

from __future__ import annotations

import json

import pytest
from mkdocs.config.base import ValidationError

from briefing.config import _Coverage
from briefing.geo.bias import area_bias, body_place, coverage_problem
from briefing.geo.gazetteer import gazetteer
from briefing.model import Document
from briefing.pipeline import annotate_document
from briefing.snapshots import content_key

from ..conftest import make_site, run_cli

LANCASTER = "Flooding closed roads in Lancaster on Monday."


def _places(text: str, coverage: tuple[str, ...] = ()) -> dict[str, tuple[str | None, float, float]]:
    ann = annotate_document(Document(text=text, date="2025-03-12", date_source="option", coverage=coverage))
    return {p.name: (p.country, p.lat, p.lon) for p in ann.places}


def test_coverage_gb_places_lancaster_in_england():
    assert _places(LANCASTER)["Lancaster"][0] == "US"  # without coverage: the biggest Lancaster
    country, lat, lon = _places(LANCASTER, ("GB",))["Lancaster"]
    assert country == "GB" and 53.9 < lat < 54.2 and -3.0 < lon < -2.6


def test_the_article_still_wins_over_coverage():
    # A qualifier says which one; a GB site's coverage does not move Paris, Texas to France.
    assert _places("Storms hit Paris, Texas, on Monday.", ("GB",))["Paris"][0] == "US"
    # A state named in the article outweighs the lean towards Britain.
    text = "Police in Birmingham, Alabama, said the storm damaged homes across Alabama."
    assert _places(text, ("GB",))["Birmingham"][0] == "US"


def test_coverage_of_a_division():
    gaz = gazetteer()
    bias = area_bias(gaz, ("US-GA",), [])
    state = next(c for c in gaz.lookup("Georgia") if c.kind == "admin1" and c.country == "US")
    country = next(c for c in gaz.lookup("Georgia") if c.kind == "country")
    assert bias.bonus(state) > bias.bonus(country) == 0.0
    assert not area_bias(gaz, (), [])  # no coverage, no public body: no bias at all


def test_a_council_names_where_the_story_is_without_coverage():
    # Keswick alone is Keswick, Ontario (the bigger one); the county council says Cumbria.
    plain = "Floodwater poured into homes in Keswick on Tuesday. A rest centre opened in the town."
    assert _places(plain)["Keswick"][0] == "CA"
    text = "Floodwater poured into homes in Keswick on Tuesday. Cumbria County Council opened a rest centre."
    assert _places(text)["Keswick"][0] == "GB"


def test_public_bodies_vote_only_when_their_place_is_unambiguous():
    gaz = gazetteer()
    assert body_place(gaz, "Cumbria County Council") == ("GB", "England")
    assert body_place(gaz, "Lancashire Police") == ("GB", "England")
    # Cumberland is American or Canadian in the gazetteer: no country to vote for.
    assert body_place(gaz, "Cumberland Council") is None
    assert body_place(gaz, "Harbour Authority") is None  # no designator of a public body


@pytest.mark.parametrize("code", ["XX", "GB-ZZZ", "England", 7])
def test_unknown_codes_are_refused(code):
    assert coverage_problem(code, gazetteer())
    with pytest.raises(ValidationError):
        _Coverage().validate([code])


def test_the_option_is_normalised():
    assert _Coverage().validate(["gb", "GB", "us-ga"]) == ["GB", "US-GA"]
    with pytest.raises(ValidationError, match=r"coverage: \[GB\]"):
        _Coverage().validate("GB")


def test_the_snapshot_key_changes_with_coverage_only():
    doc = Document(text=LANCASTER)
    key = content_key(doc, "g")
    assert content_key(Document(text=LANCASTER, coverage=()), "g") == key  # unset: keys as before
    assert content_key(Document(text=LANCASTER, coverage=("GB",)), "g") != key
    assert content_key(Document(text=LANCASTER, coverage=("IE",)), "g") != content_key(
        Document(text=LANCASTER, coverage=("GB",)), "g"
    )


@pytest.mark.slow
def test_annotate_uses_the_sites_coverage(tmp_path):
    seed = "Local\nRoads closed\n\n" + LANCASTER + "\n"
    root = make_site(tmp_path, seeds={"roads.txt": seed}, plugin_options="      coverage: [GB]\n")
    out = run_cli("annotate", str(root / "seeds" / "roads.txt"))
    assert out.returncode == 0, out.stderr
    places = {p["name"]: p for p in json.loads(out.stdout)["places"]}
    assert places["Lancaster"]["country"] == "GB"
    out = run_cli("annotate", "-", stdin=LANCASTER)  # standard input, no site: embedded defaults
    assert {p["name"]: p for p in json.loads(out.stdout)["places"]}["Lancaster"]["country"] == "US"


@pytest.mark.slow
def test_the_build_uses_coverage_and_check_sees_it_change(tmp_path):
    import yaml

    from ..conftest import build

    seed = "Local\nRoads closed\n\n" + LANCASTER + "\n"
    root = make_site(tmp_path, seeds={"roads.txt": seed}, plugin_options="      coverage: [GB]\n")
    done = build(root)
    assert done.returncode == 0, done.stderr
    snap = yaml.safe_load((root / "seeds" / "roads.annotations.yml").read_text(encoding="utf-8"))
    assert {p["name"]: p["country"] for p in snap["places"]}["Lancaster"] == "GB"
    assert run_cli("check", cwd=root).returncode == 0
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("coverage: [GB]", "coverage: [IE]"),
                      encoding="utf-8")
    stale = run_cli("check", cwd=root)
    assert stale.returncode == 1 and "roads.annotations.yml: stale" in stale.stderr + stale.stdout
    config.write_text(config.read_text(encoding="utf-8").replace("coverage: [IE]", "coverage: [XX]"),
                      encoding="utf-8")
    bad = run_cli("check", cwd=root)
    assert bad.returncode != 0 and "XX" in bad.stderr


def test_coverage_makes_its_small_towns_plausible_places():
    text = "Floods\nRoads around Sedbergh and Kirkby Lonsdale were shut, Cumbria police said."
    assert "Kirkby Lonsdale" not in _places(text)  # a town of 1,800 named with nothing around it
    placed = _places(text, ("GB",))
    for town in ("Sedbergh", "Kirkby Lonsdale", "Cumbria"):
        assert placed[town][0] == "GB", placed
