"""Entity recognition, identities and the glossary, on invented sentences and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.entities import Glossary, GlossaryError, extract_entities, load_glossary, slugify
from briefing.entities.glossary import glossary_from_data
from briefing.model import ENTITY_TYPES, Entity

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d12db4dc30b4437a.txt"


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def mention_texts(entity: Entity) -> set[str]:
    return {m.text for m in entity.mentions}


def find(entities: list[Entity], surface: str) -> Entity:
    """The entity that has ``surface`` as a mention text."""
    hits = [e for e in entities if surface in mention_texts(e)]
    assert len(hits) == 1, f"{surface!r} in {len(hits)} entities: {[(e.name, e.type) for e in entities]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.fixture(scope="module")
def seed_entities(seed_text: str) -> list[Entity]:
    return extract_entities(seed_text)


# ----------------------------------------------------------------------------- the seed


GOLD = {  # name: (type, aliases that must be merged, mention texts that must be found)
    "ISIS": ("ORG", [], ["ISIS"]),
    "US Central Command": ("ORG", ["CENTCOM"], ["US Central Command", "CENTCOM"]),
    "United States": ("GPE", ["US"], ["US"]),
    "Syria": ("GPE", [], ["Syria"]),
    "Iraq": ("GPE", [], ["Iraq"]),
    "Anbar province": ("GPE", ["Anbar"], ["Anbar"]),
    "Syrian desert": ("LOC", [], ["Syrian desert"]),
    "Middle East": ("LOC", [], ["Middle East"]),
    "Sabrina Singh": ("PERSON", [], ["Sabrina Singh"]),
    "Pentagon": ("ORG", [], ["Pentagon"]),
    "Iraqi Security Forces": ("ORG", [], ["Iraqi Security Forces"]),
    "Walter Reed Medical Center": ("FAC", [], ["Walter Reed Medical Center"]),
    "X": ("PRODUCT", [], ["X"]),
}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_gold_entities(seed_entities: list[Entity], name: str) -> None:
    etype, aliases, mentions = GOLD[name]
    entity = by_name(seed_entities).get(name)
    assert entity is not None, [e.name for e in seed_entities]
    assert entity.type == etype
    assert set(aliases) <= set(entity.aliases)
    assert set(mentions) <= mention_texts(entity)


def test_seed_not_entities(seed_entities: list[Entity]) -> None:
    texts = {m.text for e in seed_entities for m in e.mentions}
    assert "Pentagon Press" not in texts
    assert "ISIS Operatives" not in texts
    assert not any(e.type == "NORP" and e.name == "Syrian" for e in seed_entities)


def test_seed_headline_and_offsets(seed_text: str, seed_entities: list[Entity]) -> None:
    headline_end = seed_text.index("\n")
    in_headline = {m.text for e in seed_entities for m in e.mentions if m.start < headline_end}
    assert in_headline == {"US", "ISIS", "Syria"}
    for e in seed_entities:
        assert e.type in ENTITY_TYPES
        assert e.mentions == sorted(e.mentions)
        for m in e.mentions:
            assert seed_text[m.start:m.end] == m.text


def test_seed_one_identity_each(seed_entities: list[Entity]) -> None:
    ids = [e.id for e in seed_entities]
    assert len(ids) == len(set(ids))
    assert [e.mentions[0].start for e in seed_entities] == sorted(e.mentions[0].start for e in seed_entities)
    isis = by_name(seed_entities)["ISIS"]
    assert "ISIS" in mention_texts(isis) and len(isis.mentions) >= 10  # possessive 'ISIS’s' included
    assert by_name(seed_entities)["United States"].id == "united-states"
    assert by_name(seed_entities)["US Central Command"].id == "us-central-command"


def test_seed_job_title_description(seed_entities: list[Entity]) -> None:
    singh = by_name(seed_entities)["Sabrina Singh"]
    assert singh.description == "Deputy Pentagon Press Secretary"
    assert mention_texts(by_name(seed_entities)["Pentagon"]) == {"Pentagon"}


def test_deterministic(seed_text: str, seed_entities: list[Entity]) -> None:
    assert extract_entities(seed_text) == seed_entities


# ----------------------------------------------------------------------------- invented sentences


def test_acronym_defined_in_text_joins_later_mentions() -> None:
    text = ("Harbour agency opens office\nThe Northern Harbour Authority (NHA) opened an office in Oslo. "
            "A spokesman said the NHA would hire staff, and NHA inspectors start in May.")
    ents = extract_entities(text)
    nha = find(ents, "NHA")
    assert nha.name == "Northern Harbour Authority"
    assert nha.aliases == ["NHA"]
    assert len([m for m in nha.mentions if m.text == "NHA"]) == 3
    assert nha.id == "northern-harbour-authority"


def test_builtin_alias_table() -> None:
    text = ("Talks resume\nThe U.S. and the UK met United Nations envoys. "
            "America said Britain and the UN would meet again in the United States.")
    ents = extract_entities(text)
    us = find(ents, "U.S.")
    assert us.name == "United States" and us.type == "GPE"
    assert {"U.S.", "America", "United States"} <= mention_texts(us)
    uk = find(ents, "UK")
    assert uk.name == "United Kingdom" and "Britain" in mention_texts(uk)
    un = find(ents, "UN")
    assert un.name == "United Nations" and un.type == "ORG"


def test_pronoun_us_is_not_the_country() -> None:
    ents = extract_entities("A quiet day\nMaria Lopez told us that Madrid was calm.")
    assert not any(e.name == "United States" for e in ents)


def test_short_name_of_a_person_joins_full_name() -> None:
    text = ("Budget vote delayed\nFinance spokesman Daniel Okafor said the vote would wait. "
            "Okafor added that the committee in Lagos had not met.")
    ents = extract_entities(text)
    okafor = find(ents, "Daniel Okafor")
    assert okafor.type == "PERSON"
    assert {"Daniel Okafor", "Okafor"} <= mention_texts(okafor)
    assert okafor.description == "Finance spokesman"


def test_job_title_is_description_not_entity() -> None:
    text = "Statement issued\nOn Friday, Deputy Treasury Press Secretary Helen Marsh said the plan was ready."
    ents = extract_entities(text)
    marsh = find(ents, "Helen Marsh")
    assert marsh.type == "PERSON"
    assert marsh.description == "Deputy Treasury Press Secretary"
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("Press" in t for t in texts)


def test_possessive_and_article_trimmed() -> None:
    text = "Ferry news\nThe ferry left Norway's coast for the Netherlands on Monday."
    ents = extract_entities(text)
    assert "Norway" in mention_texts(find(ents, "Norway"))
    assert "Netherlands" in mention_texts(find(ents, "Netherlands"))
    assert not any(e.type in ("DATE", "CARDINAL") or e.name == "Monday" for e in ents)


def test_platform_noun_introduces_product() -> None:
    text = "Notice posted\nThe ministry posted the notice on messaging app Zulip and on its website."
    ents = extract_entities(text)
    assert find(ents, "Zulip").type == "PRODUCT"


def test_region_in_lower_case() -> None:
    text = "Patrols expand\nConvoys crossed the Syrian desert and reached the Levant by night."
    ents = extract_entities(text)
    desert = find(ents, "Syrian desert")
    assert desert.type == "LOC"
    assert find(ents, "Levant").type in ("LOC", "GPE")


def test_province_name_keeps_short_alias() -> None:
    text = "Flooding\nHeavy rain hit Anbar province on Tuesday, and Anbar officials asked for help."
    ents = extract_entities(text)
    anbar = find(ents, "Anbar")
    assert anbar.name == "Anbar province" and anbar.type == "GPE"
    assert "Anbar" in anbar.aliases


def test_title_case_headline() -> None:
    text = ("Storm Forces Airline Pilots To Land In Norway\nA storm forced airline pilots to land in Norway, "
            "officials said.")
    ents = extract_entities(text)
    names = {m.text for e in ents for m in e.mentions if m.start < text.index("\n")}
    assert names == {"Norway"}


# ----------------------------------------------------------------------------- glossary


def glossary(tmp_path: Path, body: str) -> Glossary:
    path = tmp_path / "briefing.yml"
    path.write_text(body, encoding="utf-8")
    return load_glossary(path)


GLOSSARY = """\
entities:
  - name: Northern Harbour Authority
    type: ORG
    aliases: [Harbour Board]
    description: Port regulator.
    link: https://example.org/nha
  - name: Quillon
    type: PRODUCT
    description: A fictional drone.
  - name: Vessia
    type: GPE
    coordinates: [32.8, 41.6]
suppress:
  - Blue Team
  - {text: Oslo, article: seeds/002_ferry.txt}
"""


def test_glossary_names_plurals_possessives_always_found(tmp_path: Path) -> None:
    g = glossary(tmp_path, GLOSSARY)
    text = ("Drones sold\nThe Harbour Board bought two quillon units. Three Quillons and the Quillon's "
            "cameras arrived in Vessia, and the Blue Team tested them.")
    ents = extract_entities(text, glossary=g)
    nha = find(ents, "Harbour Board")
    assert (nha.name, nha.type, nha.description, nha.link, nha.source) == (
        "Northern Harbour Authority", "ORG", "Port regulator.", "https://example.org/nha", "glossary")
    quillon = find(ents, "Quillons")
    assert quillon.type == "PRODUCT" and quillon.description == "A fictional drone."
    assert {"Quillons", "Quillon"} <= mention_texts(quillon)
    assert "quillon" not in {m.text for e in ents for m in e.mentions}  # single words match case-sensitively
    assert find(ents, "Vessia").type == "GPE"
    assert "Blue Team" not in {m.text for e in ents for m in e.mentions}


def test_glossary_type_overrides_model(tmp_path: Path) -> None:
    g = glossary(tmp_path, "entities:\n  - name: Norway\n    type: ORG\n    description: A team.\n")
    ents = extract_entities("Match report\nNorway beat Sweden 2-1 in Oslo.", glossary=g)
    norway = find(ents, "Norway")
    assert (norway.type, norway.description) == ("ORG", "A team.")


def test_glossary_suppression_per_article(tmp_path: Path) -> None:
    g = glossary(tmp_path, GLOSSARY)
    text = "Ferry news\nThe ferry from Oslo arrived in Bergen."
    here = extract_entities(text, glossary=g, article="/site/seeds/002_ferry.txt")
    elsewhere = extract_entities(text, glossary=g, article="seeds/003_other.txt")
    assert "Oslo" not in {m.text for e in here for m in e.mentions}
    assert "Oslo" in {m.text for e in elsewhere for m in e.mentions}


@pytest.mark.parametrize("body, fragment", [
    ("entities: [\n", "invalid YAML"),
    ("entities:\n  - name: Foo\n    type: THING\n", "unknown entity type"),
    ("entities:\n  - type: ORG\n", "'name'"),
    ("entities:\n  - name: Foo\n    aliases: 3\n", "aliases"),
    ("entities:\n  - name: Foo\n    coordinates: [1]\n", "coordinates"),
    ("suppress:\n  - {article: x}\n", "suppress[0]"),
    ("- just a list\n", "mapping"),
    ("entities: {}\n", "'entities' must be a list"),
])
def test_glossary_errors_are_one_line_naming_the_file(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert fragment in message


def test_missing_glossary_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="missing.yml: cannot read"):
        load_glossary(tmp_path / "missing.yml")


def test_glossary_from_data_accepts_empty() -> None:
    assert glossary_from_data(None).entries == []


# ----------------------------------------------------------------------------- slugs


@pytest.mark.parametrize("name, slug", [
    ("US Central Command", "us-central-command"),
    ("United States", "united-states"),
    ("Sabrina Singh", "sabrina-singh"),
    ("Côte d'Ivoire", "cote-divoire"),
    ("AT&T", "at-and-t"),
    ("U.S. Air Force", "us-air-force"),
])
def test_slugs_are_stable(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_names_without_latin_letters_get_distinct_stable_ids() -> None:
    a, b = slugify("Ελλάδα"), slugify("Κύπρος")
    assert a.startswith("entity-") and b.startswith("entity-") and a != b
    assert slugify("Ελλάδα") == a


def test_ids_unique_within_article() -> None:
    text = "Two teams\nParis Saint met Paris. Later, PARIS saint fans sang."
    ids = [e.id for e in extract_entities(text)]
    assert len(ids) == len(set(ids))


def test_name_before_its_acronym_is_one_span_even_when_the_model_misses_it() -> None:
    text = "Loans approved\nGlobal Harvest Partners (GHP) and Norrland Foods got loans. GHP said yes."
    ghp = find(extract_entities(text), "GHP")
    assert ghp.name == "Global Harvest Partners"
    assert len(ghp.mentions) == 3


def test_every_candidate_type_is_a_contract_type():
    """Rules borrow spaCy's labels (WORK_OF_ART, LAW ...): an entity's type is still one of the
    contract's, or its snapshot could never be read back (and it would be re-annotated forever)."""
    from briefing.entities.recognize import Candidate
    from briefing.model import ENTITY_TYPES

    for label in ("WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "anything"):
        assert Candidate(0, 1, label).label in ENTITY_TYPES
    assert Candidate(0, 1, "WORK_OF_ART").label == "OTHER" and Candidate(0, 1, "GPE").label == "GPE"


def test_bare_model_code_is_the_product_named_with_its_maker() -> None:
    """"the A380" and "Airbus A380" are one plane; the maker stays a separate organisation."""
    ents = extract_entities(
        "Airlines wait for the A380\n"
        "The A380 will fly to Sydney next year. Airbus said the Airbus A380 had passed its tests. "
        "Qantas ordered twelve A380s in 2005."
    )
    plane = find(ents, "Airbus A380")
    assert plane.type == "PRODUCT" and plane.name == "Airbus A380"
    assert {"A380"} <= mention_texts(plane)
    assert find(ents, "Airbus") is not plane


def test_a_model_number_without_its_makers_initial_is_the_same_product() -> None:
    """"Airbus 350" beside "Airbus A350": the code's letter is the maker's initial."""
    ents = extract_entities(
        "Airbus A350 tour delayed\n"
        "The departure of the new Airbus A350 on a tour of Asia has been delayed. It is expected that "
        "the Airbus 350 will arrive in Singapore on November 11."
    )
    plane = find(ents, "Airbus A350")
    assert {"Airbus 350"} <= mention_texts(plane), [(e.name, e.aliases) for e in ents]


def test_model_nickname_and_plural_name_one_product_in_the_singular() -> None:
    ents = extract_entities(
        "Chinese airlines buy Boeing 787 Dreamliners\n"
        "Chinese airlines have agreed to buy 60 Boeing 787 Dreamliners. Boeing said the Boeing 787 "
        "would be delivered in 2008."
    )
    plane = find(ents, "Boeing 787")
    assert plane.name == "Boeing 787 Dreamliner", [(e.name, e.aliases) for e in ents]
    assert find(ents, "Boeing") is not plane


def test_a_nickname_in_quotes_is_part_of_the_product_s_name() -> None:
    ents = extract_entities(
        'Boeing 797 "Skylark" makes maiden flight\n'
        'Boeing\'s newest aircraft, the 797 "Skylark", made its first test flight on Tuesday in Tromsø.'
    )
    plane = find(ents, "797")
    assert plane.name == 'Boeing 797 "Skylark"' and plane.type == "PRODUCT", [(e.name, e.type) for e in ents]
    assert find(ents, "Boeing") is not plane


def test_company_full_name_joins_its_short_name() -> None:
    """"Ford Motor Company" and "Ford" are one company; "General Motors" is not "General"."""
    ents = extract_entities(
        "Ford posts a profit\n"
        "Ford Motor Company said on Monday that it made a profit. Ford had lost money a year ago, "
        "while General Motors lost more."
    )
    ford = find(ents, "Ford Motor Company")
    assert "Ford" in mention_texts(ford) and ford.type == "ORG"
    gm = find(ents, "General Motors")
    assert gm is not ford and gm.name == "General Motors"


def test_an_airline_is_called_by_its_name_without_airlines() -> None:
    ents = extract_entities(
        "Deal signed\n"
        "China Eastern Airlines signed a contract in Paris. The deal was approved by China Eastern's board. "
        "Singapore Airlines flew to Singapore."
    )
    airline = find(ents, "China Eastern Airlines")
    assert "China Eastern" in mention_texts(airline)
    assert find(ents, "Singapore") is not find(ents, "Singapore Airlines")  # the country stays one


def test_capitals_that_spell_an_organisation_s_initials_are_its_short_form():
    from briefing.pipeline import annotate_text

    ann = annotate_text("Cuts\nNorthwind Motors Corporation said on Monday that it would cut 900 jobs at its "
                        "plant in Ohio. NM shares fell 4%. The Allied Steel Workers union said the ASW would "
                        "strike.", "2025-03-12")
    by_name = {e.name: e for e in ann.entities}
    assert "NM" in by_name["Northwind Motors Corporation"].aliases and "NM" not in by_name
    assert "ASW" in by_name["Allied Steel Workers"].aliases, [(e.name, e.aliases) for e in ann.entities]


def test_capitals_that_spell_two_organisations_initials_are_neither_s():
    from briefing.pipeline import annotate_text

    ann = annotate_text("Cuts\nNorthwind Motors Corporation and Nordic Mining Corporation said on Monday "
                        "that they would merge their plants in Ohio. NM shares fell 4%.", "2025-03-12")
    companies = [e for e in ann.entities if e.name.endswith("Corporation")]
    assert len(companies) == 2, [(x.name, x.aliases) for x in ann.entities]
    assert all("NM" not in e.aliases for e in companies), [(x.name, x.aliases) for x in ann.entities]


def test_a_given_name_alone_is_the_one_person_who_has_it() -> None:
    """"Elian" after "Elian Gonzalez" is the boy; a given name two people share names neither."""
    ents = extract_entities(
        "Boy to stay in Miami\n"
        "Elian Gonzalez, 6, will stay with relatives in Miami, his great-uncle Lazaro Gonzalez said. "
        "Elian was rescued at sea in November. Lazaro said Elian was happy."
    )
    boy = find(ents, "Elian Gonzalez")
    assert "Elian" in mention_texts(boy), [(e.name, e.aliases) for e in ents]
    shared = extract_entities(
        "Two brothers\nJohn Smith and John Brown met in Leeds. John said the meeting went well."
    )
    assert all("John" not in mention_texts(e) for e in shared if e.name in ("John Smith", "John Brown"))


def test_an_acronym_leaves_out_the_country_code_before_its_long_form() -> None:
    ents = extract_entities(
        "Boy to stay\nThe U.S. Immigration and Naturalization Service ruled on Wednesday that the boy "
        "must go home. The INS said the ruling was final."
    )
    service = find(ents, "U.S. Immigration and Naturalization Service")
    assert "INS" in mention_texts(service), [(e.name, e.aliases) for e in ents]
