"""The stages together on small invented articles."""

from __future__ import annotations

from briefing.pipeline import annotate_text


def test_month_abbreviations_are_dates_not_places():
    text = "Talks resume\nDiplomats met in Geneva on Aug. 28 and in Paris on Sept. 3."
    ann = annotate_text(text, "2024-10-01")
    names = {e.name for e in ann.entities}
    assert {"Geneva", "Paris"} <= names and "Aug" not in names
    assert [t.value for t in ann.times] == ["2024-08-28", "2024-09-03"]
    assert {p.name for p in ann.places} >= {"Geneva", "Paris"}


def test_events_are_chronological_and_dated_from_the_document_date():
    text = ("Ceasefire talks\nThe envoy arrived in Cairo on Monday. Last month, negotiators in Doha agreed a "
            "framework. Fighting resumed in early March, officials said.")
    ann = annotate_text(text, "2024-04-10")
    dated = [e for e in ann.events if e.earliest]
    assert [e.earliest for e in dated] == sorted(e.earliest for e in dated)
    assert any(e.earliest == "2024-04-08" for e in dated)  # the Monday before the document date
    assert any(e.earliest == "2024-03-01" and e.latest == "2024-03-31" for e in dated)  # last month
