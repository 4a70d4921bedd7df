"""Entity quality on news copy (issue #16): fragments, common nouns, split names, titles, types,
and glossary names that match whole names only. Invented sentences, real spaCy."""

from __future__ import annotations

from briefing.entities import extract_entities
from briefing.entities.glossary import glossary_from_data

from .named import names, surfaces


def test_sentence_initial_common_noun_is_no_entity() -> None:
    text = ("Flood warning for the valley\n"
            "Neighbour and friend Mary Lowther said the water rose fast. Volunteers filled sandbags.")
    found = names(extract_entities(text))
    assert "Neighbour" not in found
    assert found["Mary Lowther"].type == "PERSON"


def test_sentence_initial_word_written_in_lower_case_elsewhere_is_no_entity() -> None:
    text = "Market day\nShepherd said nothing. Market traders said the shepherd was late again."
    assert "Shepherd" not in surfaces(extract_entities(text))


def test_sentence_initial_name_that_is_also_a_word_stays_when_capitalised_mid_sentence() -> None:
    text = ("Talks resume\nJordan said the talks would resume. Officials in Jordan agreed.")
    assert "Jordan" in names(extract_entities(text))


def test_hyphenated_adjective_is_no_name() -> None:
    text = ("Shipping news\nThe trans-Pacific route was closed and pro-European campaigners marched "
            "through Leeds on Saturday.")
    found = extract_entities(text)
    assert not {"Pacific", "European", "trans-Pacific", "pro-European"} & surfaces(found)
    assert "Leeds" in names(found)


def test_name_split_at_a_connector_is_joined() -> None:
    text = "Fire crews called out\nCumbria Fire and Rescue Service sent four engines to the farm on Monday."
    found = names(extract_entities(text))
    assert "Cumbria Fire and Rescue Service" in found, found
    assert found["Cumbria Fire and Rescue Service"].type == "ORG"
    assert not any(n.endswith(" and") for n in found)


def test_name_split_in_two_is_joined() -> None:
    text = ("Contract awarded\nThat contract was fought for between Boeing and Lockheed Martin, "
            "Lockheed ultimately winning the contest.")
    found = names(extract_entities(text))
    assert "Lockheed Martin" in found
    assert "Martin" not in found


def test_role_before_a_name_is_its_description_not_part_of_it() -> None:
    text = ("Farm flooded\nFarmer Tom Ashworth lost forty sheep. "
            "Tom Ashworth said the river had never been so high.")
    found = extract_entities(text)
    people = [e for e in found if e.type == "PERSON"]
    assert [e.name for e in people] == ["Tom Ashworth"]
    assert len(people[0].mentions) == 2
    assert people[0].description == "Farmer"
    assert "Farmer Tom Ashworth" not in surfaces(found)


def test_lower_case_role_before_a_name() -> None:
    text = "Village hall reopens\nThe hall was reopened by neighbour Mary Lowther on Friday."
    found = names(extract_entities(text))
    assert found["Mary Lowther"].description == "neighbour"


def test_role_word_alone_does_not_make_a_person() -> None:
    text = "Awards night\nThe Student Union hosted the awards at the town hall."
    found = extract_entities(text)
    assert not any(e.type == "PERSON" for e in found), [(e.name, e.type) for e in found]


def test_named_storms_are_events_not_people() -> None:
    text = ("Weather warning\nStorm Ingrid brought winds of 80mph to the coast. "
            "Forecasters said Ingrid would ease by Sunday. Hurricane Maria hit the island last year.")
    found = names(extract_entities(text))
    assert found["Storm Ingrid"].type == "EVENT"
    assert found["Hurricane Maria"].type == "EVENT"
    assert not any(e.type == "PERSON" and "Ingrid" in e.name for e in found.values())


def test_schemes_and_laws_are_things_not_organisations() -> None:
    text = ("Help with bills\nThe Warm Homes Scheme will help residents, the council said. "
            "The Clean Rivers Programme starts in May.")
    found = names(extract_entities(text))
    assert found["Warm Homes Scheme"].type == "OTHER"
    assert found["Clean Rivers Programme"].type == "OTHER"


def test_surname_bill_or_grant_is_still_a_person() -> None:
    text = "Premiere\nActor Hugh Grant arrived at the premiere in London on Friday."
    found = names(extract_entities(text))
    assert found["Hugh Grant"].type == "PERSON"


def test_glossary_name_never_eats_a_longer_name() -> None:
    glossary = glossary_from_data({"entities": [{"name": "Carlisle", "type": "GPE"},
                                                {"name": "Appleby", "type": "GPE"}]})
    text = ("Race meeting off\nThe Carlisle Racecourse meeting was cancelled and pupils of Appleby "
            "Grammar School were sent home. Shops in Carlisle stayed open.")
    found = names(extract_entities(text, glossary=glossary))
    assert "Carlisle Racecourse" in found and "Appleby Grammar School" in found
    assert found["Carlisle Racecourse"].type == "FAC"
    carlisle = found["Carlisle"]
    assert carlisle.source == "glossary" and [m.text for m in carlisle.mentions] == ["Carlisle"]
    assert "Appleby" not in found


def test_glossary_name_at_a_sentence_start_and_with_possessive_still_matches() -> None:
    glossary = glossary_from_data({"entities": [{"name": "Carlisle", "type": "GPE"}]})
    text = "Town news\nCarlisle's mayor spoke. Carlisle Council met later. In Carlisle, shops shut."
    found = names(extract_entities(text, glossary=glossary))
    assert len(found["Carlisle"].mentions) == 2
    assert "Carlisle Council" in found


def test_glossary_name_in_a_title_case_headline() -> None:
    glossary = glossary_from_data({"entities": [{"name": "Carlisle", "type": "GPE"}]})
    text = "Carlisle Braces For More Rain\nWater reached Carlisle on Monday."
    found = names(extract_entities(text, glossary=glossary))
    assert len(found["Carlisle"].mentions) == 2


PAGE = """---
title: Flooding in the valley
date: 2026-11-20
---
Volunteers said the water rose fast in Keswick on Thursday.

## Penrith Advice

| Rest centre | Opens |
|---|---|
| Keswick Leisure Centre | 6pm |
| Penrith Methodist Church | 7pm |

Call `Hope Street` for help. Farmer Tom Ashworth lost sheep near Penrith.
"""


def test_tables_headings_and_code_of_a_page_are_not_annotated(tmp_path) -> None:
    from briefing.pipeline import annotate_document
    from briefing.sources import read_markdown

    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_markdown(path).document
    quiet = [doc.text[s:e] for s, e in doc.quiet]
    assert any("Rest centre" in q and "Penrith Methodist Church" in q for q in quiet)
    assert "Penrith Advice" in quiet[0] and "Hope Street" in quiet
    assert "Flooding in the valley" not in " ".join(quiet)  # the headline is read
    entities = annotate_document(doc).entities
    found = names(entities)
    assert "Rest" not in found and "Penrith Methodist Church" not in found and "Hope Street" not in found
    assert [m.text for m in found["Keswick"].mentions] == ["Keswick"]  # not the table's
    assert [m.text for m in found["Penrith"].mentions] == ["Penrith"]  # not the heading's
    assert "Tom Ashworth" in found
    for e in entities:
        for m in e.mentions:
            assert not any(s < m.end and m.start < t for s, t in doc.quiet), (e.name, m)


def test_quiet_ranges_change_the_snapshot_key_only_when_present() -> None:
    from briefing.model import Document
    from briefing.snapshots import content_key

    plain = Document(text="Headline\nRest centre opens.")
    assert content_key(plain) == content_key(Document(text="Headline\nRest centre opens."))
    assert content_key(plain) != content_key(Document(text="Headline\nRest centre opens.", quiet=((9, 20),)))


def test_role_inside_an_organisation_name_is_no_title() -> None:
    text = ("Fundraiser on Saturday\nThe Cookham Volunteer Fire Department will host its fundraiser at the "
            "fire station in Cookham on Saturday.")
    found = extract_entities(text)
    assert not any(e.type == "PERSON" for e in found), [(e.name, e.type, e.description) for e in found]


def test_name_cut_after_of_is_not_joined_to_a_place() -> None:
    text = ("Tree project\nThe bid was awarded to Eastbrook Restoration of Paris in the amount of $12,680. "
            "Paris officials agreed.")
    found = names(extract_entities(text))
    assert "Paris" in found
    assert not any(n.endswith(" of") or n.endswith(" of Paris") for n in found), list(found)


def test_adjective_joined_by_hyphen_to_another_name_is_still_a_name() -> None:
    text = "Talks\nThe Egyptian-US partnership was discussed in Cairo. The US embassy said little."
    found = names(extract_entities(text))
    us = found["United States"]
    assert len(us.mentions) == 2


def test_apposition_types_a_name_the_model_read_as_a_person() -> None:
    text = ("Software update\nUsers are talking about Tiger, the newest version of the operating system. "
            "Tiger ships on Friday.")
    found = names(extract_entities(text))
    assert found["Tiger"].type == "PRODUCT"


def test_apposition_does_not_retype_a_person_with_a_job_title() -> None:
    text = ("Boardroom\nChairman Peter Olsen, the company's founder, resigned. "
            "Olsen said he was proud of the firm.")
    found = names(extract_entities(text))
    assert found["Peter Olsen"].type == "PERSON"


def test_noun_for_a_kind_of_organisation_announces_an_organisation() -> None:
    text = ("Music sales\nThe store overtook electronics retailer Best Buy last year, "
            "and the airline Fly Kestrel said bookings rose.")
    found = names(extract_entities(text))
    assert found["Best Buy"].type == "ORG"
    assert found["Fly Kestrel"].type == "ORG"


def test_lone_first_word_of_a_company_name_is_the_company_not_a_person() -> None:
    text = ("Deal done\nCarmaker Voss was sold to private equity firm Harcourt Capital Management for $7 "
            "billion. Harcourt declined to comment.")
    found = names(extract_entities(text))
    company = found["Harcourt Capital Management"]
    assert company.type == "ORG" and "Harcourt" in {m.text for m in company.mentions}
    assert "Harcourt" not in found


def test_name_ending_in_an_organisation_word_is_no_person() -> None:
    text = "Plant closes\nThe plant was the original home of Douglas Aircraft. Douglas built planes there."
    found = names(extract_entities(text))
    assert found["Douglas Aircraft"].type == "ORG"
    assert "Douglas" not in found


def test_plural_model_codes_are_products_but_decades_and_round_numbers_are_not() -> None:
    text = ("Fleet plans\nThe airline ordered 24 A320s and six B-17s, and its 848s will follow. "
            "In the 1990s, prices in their 30s rose; temperatures were in the 300s.")
    found = extract_entities(text)
    products = {e.name for e in found if e.type == "PRODUCT"}
    assert {"A320", "B-17", "848"} <= products
    assert not {"1990", "30", "300"} & products
    assert not {"1990s", "30s", "300s"} & surfaces(found)


def test_spaced_dash_and_inner_quote_separate_names() -> None:
    text = ("Lawsuit filed\nThe maker is based in San Jose - Cisco said so. "
            "Sales by the \"Big Three\" United States carmakers fell.")
    found = extract_entities(text)
    assert "San Jose" in names(found)
    assert not any(" - " in m.text or "\"" in m.text for e in found for m in e.mentions)
    assert "United States" in names(found)


def test_person_nickname_in_quotes_is_not_split() -> None:
    from briefing.entities.candidate import Candidate
    from briefing.entities.fragments import _split_at_breaks

    text = "Dwayne \"The Rock\" Johnson arrived in Miami - Dade on Friday."
    person = Candidate(0, text.index(" arrived"), "PERSON")
    place = Candidate(text.index("Miami"), text.index(" on Friday"), "GPE")
    parts = _split_at_breaks([person, place], text)
    assert [text[c.start:c.end] for c in parts] == ['Dwayne "The Rock" Johnson', "Miami - Dade"]
    text = "Shoppers at North Mall - Kestrel Stores said prices rose."
    store = Candidate(text.index("North"), text.index(" said"), "ORG")
    assert [text[c.start:c.end] for c in _split_at_breaks([store], text)] == ["North Mall", "Kestrel Stores"]


def test_flight_number_leaves_the_airline() -> None:
    text = "Crash report\nInvestigators said Kestrel Air Flight 447 stalled over the Atlantic."
    found = names(extract_entities(text))
    assert "Kestrel Air" in found and found["Kestrel Air"].type == "ORG"
    assert not any("Flight" in n for n in found)


def test_company_division_named_after_a_continent_is_one_organisation() -> None:
    text = ("Jobs cut\nGM Europe said little. Toyota Asia said more. Exports to Europe and Asia rose.")
    found = names(extract_entities(text))
    assert found["GM Europe"].type == "ORG"
    assert found["Toyota Asia"].type == "ORG"
    assert [m.text for m in found["Europe"].mentions] == ["Europe"]


def test_legal_form_makes_a_company_whatever_the_lone_name_reads_as() -> None:
    text = ("Sale agreed\nThe group agreed to buy Vireo Corporation on Friday. The deal includes the Vireo "
            "brand and the Vireo dealers.")
    found = names(extract_entities(text))
    assert found["Vireo Corporation"].type == "ORG"


def test_name_ends_before_an_unclosed_parenthesis() -> None:
    from briefing.entities.candidate import Candidate
    from briefing.entities.spans import clean

    text = "It released the Widget Development Kit (WDK) on Monday."
    c = clean(Candidate(text.index("Widget"), text.index("WDK") + 3, "PRODUCT"), text)
    assert c is not None and text[c.start:c.end] == "Widget Development Kit"


def test_the_with_a_capitalised_plural_names_a_group_not_a_person() -> None:
    text = "Reunion tour\nWe love the Beatles, and fans of the band queued for hours in Leeds."
    found = names(extract_entities(text))
    assert found["Beatles"].type == "ORG"


def test_units_and_currency_codes_name_nothing() -> None:
    text = ("Launch\nThe player comes in a 30GB edition for $299 (USD) and costs 249 EUR in Paris, "
            "the maker said.")
    found = extract_entities(text)
    assert not {"GB", "USD", "EUR"} & surfaces(found), [(e.name, e.type) for e in found]
    assert "Paris" in names(found)


def test_events_by_their_last_word_and_a_magazine_announces_an_organisation() -> None:
    text = ("Trade fair\nThe Kestrel Air Show opens on Monday, and German magazine Der Falke said "
            "the Harbour Developers Conference would follow.")
    found = names(extract_entities(text))
    assert found["Kestrel Air Show"].type in ("EVENT", "OTHER")  # OTHER: the model's work of art
    assert found["Harbour Developers Conference"].type == "EVENT"
    assert found["Der Falke"].type == "ORG"


def test_a_known_organisation_found_again_takes_the_proper_nouns_that_go_on_its_name() -> None:
    from briefing.entities.candidate import Candidate
    from briefing.entities.propagate import propagate
    from briefing.nlp import load_nlp

    text = ("Kestrel launches phone\nIt was made by Kestrel. Kestrel Computer today launched it, "
            "Kestrel CEO Mia Lund said.")
    doc = load_nlp()(text)
    doc.ents = ()  # as when the model reads none of these words as a name
    first = text.index("Kestrel.")
    known = [Candidate(first, first + len("Kestrel"), "ORG")]
    found = propagate(known, text, {}, [], {}, doc)
    spans = [(text[c.start:c.end], c.name) for c in found]
    assert ("Kestrel Computer", "Kestrel") in spans  # the full name, one identity with 'Kestrel'
    assert ("Kestrel", None) in spans and ("Kestrel CEO", "Kestrel") not in spans


def test_a_company_s_product_named_after_it_is_no_longer_name_of_the_company() -> None:
    from briefing.entities.candidate import Candidate
    from briefing.entities.propagate import propagate
    from briefing.nlp import load_nlp

    text = "Kestrel cuts jobs\nIt was said by Kestrel. The plant makes the Kestrel Osprey, a small car."
    doc = load_nlp()(text)
    doc.ents = ()
    first = text.index("Kestrel.")
    found = propagate([Candidate(first, first + len("Kestrel"), "ORG")], text, {}, [], {}, doc)
    spans = [(text[c.start:c.end], c.name) for c in found]
    assert ("Kestrel Osprey", "Kestrel") not in spans, spans  # the Osprey is Kestrel's car


def test_place_name_running_on_into_a_railway_line_is_the_line() -> None:
    text = ("Rail disruption\nFloodwater closed the West Coast Main Line near Penrith, and the Settle "
            "Railway stayed open. Trains ran on the West Coast Main Line again by noon.")
    found = names(extract_entities(text))
    assert found["West Coast Main Line"].type == "FAC"
    assert len(found["West Coast Main Line"].mentions) == 2
    assert "West Coast" not in found
    assert found["Penrith"].type == "GPE"  # a place followed by a lower-case word stays the place
    patrol = names(extract_entities("Crash\nThe Florida Highway Patrol closed the road."))
    assert "Florida Highway" not in patrol


def test_a_generic_word_alone_is_no_entity() -> None:
    from briefing.pipeline import annotate_text

    ann = annotate_text("Talks\nBut villagers mounted angry opposition at the meeting. U.S. Secretary of "
                        "State Madeleine Albright said on Tuesday that she was heartened. District Attorney "
                        "Frank Clark spoke.", "2006-01-23")
    names = {e.name for e in ann.entities}
    assert not names & {"But", "State", "District"}, names
    assert {"Madeleine Albright", "Frank Clark"} <= names


def test_a_name_ends_before_a_common_noun_the_model_took_with_it() -> None:
    from briefing.pipeline import annotate_text

    ann = annotate_text("Plants\nDue to the company's contract with the United Auto Workers union, workers "
                        "at the idled plants will still be paid. The UAW said it would fight.", "2006-01-23")
    union = next(e for e in ann.entities if "UAW" in e.aliases)
    assert union.name == "United Auto Workers", [(e.name, e.aliases) for e in ann.entities]
