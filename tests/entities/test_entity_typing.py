"""Entity boundaries and types on news copy (issue: fragments, split names, consistent types).
Invented sentences, real spaCy."""

from __future__ import annotations

from briefing.entities import extract_entities
from briefing.model import Entity


def names(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def surfaces(entities: list[Entity]) -> set[str]:
    return {m.text for e in entities for m in e.mentions}


def test_model_code_cut_by_the_tokenizer_stays_whole() -> None:
    text = ("Air show opens\nThe airline showed a Boeing 737-800 beside an Airbus A400M transport "
            "on the first day.")
    found = surfaces(extract_entities(text))
    assert {"Boeing 737-800", "Airbus A400M"} <= found, found


def test_version_number_goes_on_a_product_name() -> None:
    text = "Update out\nOwners can now install iPod Software 2.4.1 from the website, the firm said."
    found = names(extract_entities(text))
    assert "iPod Software 2.4.1" in found, found
    assert found["iPod Software 2.4.1"].type == "PRODUCT"


def test_model_code_after_an_airline_is_its_plane_not_the_airline() -> None:
    text = "Runway closed\nA Delta Airlines 767 landing at Kennedy airport blew a tyre on Friday."
    found = extract_entities(text)
    airline = names(found)["Delta Airlines"]
    assert airline.type == "ORG" and {m.text for m in airline.mentions} == {"Delta Airlines"}
    assert "767" in surfaces(found)


def test_irish_surname_written_with_a_space_after_the_apostrophe_is_one_name() -> None:
    text = ("Fares to fall\nShares fell, said Brian O' Leary, the chairman. Skyway CEO, Declan O' Leary, "
            "said fares would fall.")
    found = names(extract_entities(text))
    assert {"Brian O' Leary", "Declan O' Leary"} <= set(found), found
    assert found["Brian O' Leary"].type == found["Declan O' Leary"].type == "PERSON"
    assert "Leary" not in found and "Declan" not in found
