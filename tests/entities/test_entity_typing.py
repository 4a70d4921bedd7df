"""Entity boundaries and types on news copy (issue: fragments, split names, consistent types).
Invented sentences, real spaCy."""

from __future__ import annotations

from briefing.entities import extract_entities

from .named import names, surfaces


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


def test_makers_name_then_a_name_word_after_an_article_is_a_product() -> None:
    text = ("Carmakers trim ranges\nVireo Corporation said sales of the Vireo Corsa fell in March. "
            "Halvard Motors will stop making the Halvard Tempest next year.")
    found = names(extract_entities(text))
    assert found["Vireo Corsa"].type == found["Halvard Tempest"].type == "PRODUCT", found
    assert found["Vireo Corporation"].type == found["Halvard Motors"].type == "ORG"


def test_name_after_a_person_named_alike_is_no_product() -> None:
    text = ("Troops\nPresident Harlan spoke on Monday. No request came from the Harlan Administration, "
            "the governor said, and Harlan did not call.")
    found = names(extract_entities(text))
    assert all(e.type != "PRODUCT" for e in found.values()), found


def test_makers_name_then_an_organisation_word_stays_an_organisation() -> None:
    text = ("Grant for schools\nThe Kestrel Foundation gave money to schools, Kestrel said on Monday. "
            "Kestrel makes cars.")
    found = names(extract_entities(text))
    assert found["Kestrel Foundation"].type == "ORG", found


def test_company_name_modifying_a_noun_is_no_product() -> None:
    text = ("Bid in doubt\nThe ruling imperils the Halden Sorvik and Tarn Aviation plan to build "
            "planes in Leeds. Halden said it would appeal.")
    found = names(extract_entities(text))
    assert found.get("Halden Sorvik") is None or found["Halden Sorvik"].type != "PRODUCT", found


def test_names_listed_with_a_sure_product_are_products() -> None:
    text = ("New players\nIn addition to the iWidget Classic, Ember and Flux, the firm announced a "
            "new iWidget touch on Tuesday.")
    found = names(extract_entities(text))
    assert found["Ember"].type == "PRODUCT", found
    assert found["Flux"].type == "PRODUCT", found


def test_noun_announcing_a_model_makes_a_product() -> None:
    text = ("Plant to stay open\nThe money will be used to build Kestrel's next model Osprey in Geelong, "
            "Kestrel said.")
    found = names(extract_entities(text))
    assert found["Osprey"].type == "PRODUCT", found


def test_name_read_as_a_place_that_opens_an_airlines_name_is_the_airline() -> None:
    text = ("Last jet delivered\nThe last jet was built for Aerovia Airways in ceremonies. It ended the "
            "era for Aerovia, the firm said.")
    ents = extract_entities(text)
    airline = next(e for e in ents if any(m.text == "Aerovia" for m in e.mentions))
    assert airline.type == "ORG" and airline.name == "Aerovia Airways", ents  # the airline, short


def test_full_name_ending_in_an_organisation_word_outvotes_a_surname_reading() -> None:
    text = ("Boeing delivers final 717, ending Douglas era\nThe plant was the original home of Douglas "
            "Aircraft. The last jet left on Tuesday.")
    found = names(extract_entities(text))
    assert found["Douglas Aircraft"].type == "ORG", found


def test_name_in_apposition_to_an_organisation_noun_is_found() -> None:
    text = ("Carmaker to cut jobs at Vostra\nThe carmaker said it would cut 5,000 jobs at its Italian "
            "division, Vostra. The firm wants to reduce costs at Vostra by a third.")
    found = names(extract_entities(text))
    assert found["Vostra"].type == "ORG", found
    assert len(found["Vostra"].mentions) == 3


def test_air_and_a_place_name_an_airline() -> None:
    text = ("Airlines order jets\nThe carriers Air Malta and Flybe ordered ten jets. The Air Force "
            "said nothing.")
    found = names(extract_entities(text))
    assert found["Air Malta"].type == "ORG", found
    assert "Malta" not in found


def test_person_in_apposition_to_a_vague_noun_stays_a_person() -> None:
    text = ("Leaders meet\nThe talks were held in 2009. The general's successor, Zardovic, pledged to "
            "hold elections, and Zardovic met President Ivan Zardovic's aides.")
    found = extract_entities(text)
    assert all(e.type != "PRODUCT" for e in found), [(e.name, e.type) for e in found]


def test_ordinal_opening_a_headline_is_no_part_of_the_product() -> None:
    text = ("First Vireo V200 delivered\nThe first V200 airliner, made by Vireo, was handed to its "
            "buyer on Monday.")
    found = names(extract_entities(text))
    assert "Vireo V200" in found and found["Vireo V200"].type == "PRODUCT", found
    assert not any(n.startswith("First") for n in found)


def test_legal_form_after_a_company_goes_on_the_company() -> None:
    text = ("Sales slow\nIt is too early to see a trend, said the chairman of Halvard LLC Tom Reid. "
            "Sales fell in May.")
    found = names(extract_entities(text))
    assert "Halvard LLC" in found and found["Halvard LLC"].type == "ORG", found
    assert found["Tom Reid"].type == "PERSON"


def test_possessive_inside_a_proposal_separates_owner_and_name() -> None:
    text = ("Reactions\nUsers are buzzing about the newest version of Vireo Computer's Glide OS, "
            "version 10.4. The People's Republic of China said nothing. Moody's Investors Service "
            "rated the firm, and the Federation of Women's Clubs met in Leeds.")
    entities = extract_entities(text)
    found = names(entities)
    assert "Vireo Computer" in found, found
    assert not any("Computer's" in n for n in found)
    assert {"People's Republic of China", "Moody's Investors Service",
            "Federation of Women's Clubs"} <= surfaces(entities)


def test_one_entity_per_name_when_two_forms_come_out_the_same() -> None:
    text = ("Fleet\nThe airline will receive six new A330-300E aircraft from 2009. It already flies eight "
            "long-haul A330s, and some of the A330s will be replaced.")
    found = [e for e in extract_entities(text) if e.name == "A330"]
    assert len(found) == 1, [(e.name, e.id) for e in extract_entities(text)]
    assert len(found[0].mentions) == 3 and "A330s" in found[0].aliases
