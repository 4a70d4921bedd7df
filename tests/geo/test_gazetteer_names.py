"""Names the embedded gazetteer answers to (tools/build_gazetteer.py), on invented sentences:
natural features it holds, and places GeoNames files under a formal style (issue #16)."""

from __future__ import annotations

from briefing.geo.gazetteer import gazetteer
from briefing.model import Document
from briefing.pipeline import annotate_document


def _places(text: str) -> dict[str, tuple[str, str | None]]:
    ann = annotate_document(Document(text=text, date="2025-03-12", date_source="option"))
    return {e.name: (p.kind, p.country) for e in ann.entities for p in ann.places if p.entity == e.id}


def test_a_river_resolves_to_a_feature():
    places = _places("Barges were stranded on the Mississippi River near Memphis on Tuesday.")
    assert places["Mississippi River"][0] == "feature"


def test_a_city_filed_under_its_formal_style_answers_to_its_name():
    # GeoNames: "City of Westminster"; news: "Westminster".
    found = [c for c in gazetteer().lookup("Westminster") if c.country == "GB"]
    assert found and not found[0].alias and found[0].name == "City of Westminster"
    london = _places("Ministers in Westminster met on Monday to discuss the floods.")
    assert london["Westminster"] == ("city", "GB")
    # What the article says still decides.
    assert _places("Snow closed schools in Westminster, Colorado, on Monday.")["Westminster"][1] == "US"
