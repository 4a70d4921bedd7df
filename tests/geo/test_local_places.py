"""Local places the small model misses, found with the gazetteer and the words around (invented text)."""

from __future__ import annotations

from briefing.geo.toponyms import _party_spans, find_local_places
from briefing.model import Entity, Mention
from briefing.pipeline import annotate_text


def _placed(text: str) -> dict[str, tuple[str, str, str | None]]:
    """Mention text -> (entity type, place name, country) for every placed mention."""
    ann = annotate_text(text)
    places = {p.entity: p for p in ann.places}
    return {m.text: (e.type, places[e.id].name, places[e.id].country)
            for e in ann.entities if e.id in places for m in e.mentions}


def test_all_caps_dateline_is_a_place() -> None:
    placed = _placed("Barn lost to flames. BYESVILLE -- Volunteers from three towns in Ohio fought the fire "
                     "for six hours on Tuesday.")
    assert placed["BYESVILLE"][:2] == ("GPE", "Byesville")
    assert placed["BYESVILLE"][2] == "US"


def test_all_caps_heading_that_is_no_place_stays_text() -> None:
    ann = annotate_text("UPDATE -- The meeting was moved to Thursday, the clerk said.")
    assert not any(m.text == "UPDATE" for e in ann.entities for m in e.mentions)


def test_party_and_home_town_after_a_legislator() -> None:
    text = "Rep. Carla Dunmore, R-Elbow Lake, said the bill was dead. Sen. Ray Pettit, D-S.C., disagreed."
    names = [name for _, _, name in _party_spans(text)]
    assert names == ["Elbow Lake", "S.C."]
    placed = _placed(text)
    assert placed["Elbow Lake"][1] == "Elbow Lake"
    assert placed["S.C."][1] == "South Carolina"


def test_party_letter_before_a_surname_is_no_place() -> None:
    # A party letter counts only after a comma or an opening parenthesis, as a legislator's label.
    assert _party_spans("The PTA-Brookfield fair opened.") == []


def test_town_typed_person_with_locative_context_becomes_gpe() -> None:
    text = ("Kaufman County deputies arrested two men on Friday. Dale Prewitt, 41, of Mabank, was held. "
            "Mabank police said a second man fled.")
    i = text.index("Mabank")
    people = [Entity("mabank", "Mabank", "PERSON", mentions=[Mention(i, i + 6, "Mabank")]),
              Entity("kaufman-county", "Kaufman County", "GPE", mentions=[Mention(0, 14, "Kaufman County")])]
    out = find_local_places(people, text)
    assert {e.name: e.type for e in out}["Mabank"] == "GPE"


def test_surname_of_a_person_in_the_article_stays_a_person() -> None:
    text = "Sen. Ben Nelson of Nebraska spoke first. Then the clerk read a letter to Nelson in the chamber."
    i = text.rindex("Nelson")
    ents = [Entity("ben-nelson", "Ben Nelson", "PERSON", mentions=[Mention(5, 15, "Ben Nelson")]),
            Entity("nelson", "Nelson", "PERSON", mentions=[Mention(i, i + 6, "Nelson")])]
    out = find_local_places(ents, text)
    assert {e.id: e.type for e in out}["nelson"] == "PERSON"


def test_town_name_without_locative_context_is_not_retyped() -> None:
    text = "Mabank scored twice in the second half."
    ents = [Entity("mabank", "Mabank", "ORG", mentions=[Mention(0, 6, "Mabank")])]
    assert find_local_places(ents, text)[0].type == "ORG"


def test_organisation_is_placed_at_its_seat_in_the_article_state() -> None:
    placed = _placed("The Athens Police Department said a man from Tyler, Texas, was arrested near "
                     "Corsicana on Monday.")
    org = placed["Athens Police Department"]
    assert org[0] == "ORG" and org[1] == "Athens" and org[2] == "US"  # Athens, Texas, not Greece


def test_person_like_two_word_organisation_gets_no_seat() -> None:
    ann = annotate_text("Students from Tyler, Texas, thanked Morgan McGhee for the donation.")
    placed = {e.name for e in ann.entities for p in ann.places if p.entity == e.id}
    assert "Morgan McGhee" not in placed


def test_demonym_gets_its_country_only_when_the_article_is_there() -> None:
    there = annotate_text("Iraqi officials met in Baghdad on Monday to discuss the oil law.")
    norp = [e for e in there.entities if e.type == "NORP"]
    assert norp and {p.entity: p.country for p in there.places}.get(norp[0].id) == "IQ"
    away = annotate_text("The Irish pub on Main Street in Dayton, Ohio, opened a new patio.")
    placed = {p.entity for p in away.places}
    assert not any(e.type == "NORP" and e.id in placed for e in away.entities)


def test_name_listed_with_places_becomes_gpe() -> None:
    text = "The chain closed stores in Nitra, Presov and Kosice last year."
    spans = {n: (text.index(n), text.index(n) + len(n)) for n in ("Nitra", "Presov", "Kosice")}
    ents = [Entity("nitra", "Nitra", "GPE", mentions=[Mention(*spans["Nitra"], "Nitra")]),
            Entity("presov", "Presov", "GPE", mentions=[Mention(*spans["Presov"], "Presov")]),
            Entity("kosice", "Kosice", "PERSON", mentions=[Mention(*spans["Kosice"], "Kosice")])]
    assert {e.name: e.type for e in find_local_places(ents, text)}["Kosice"] == "GPE"


def test_person_listed_with_people_stays_a_person() -> None:
    text = "Awards went to Ann Kosice and Bob Marr."
    i = text.index("Kosice")
    ents = [Entity("ann-kosice", "Ann Kosice", "PERSON", mentions=[Mention(i - 4, i + 6, "Ann Kosice")])]
    assert find_local_places(ents, text)[0].type == "PERSON"


def test_wire_dateline_with_agency_is_a_place() -> None:
    placed = _placed("BAIKONUR (AP) \ufffd A rocket carrying three astronauts lifted off on Friday.")
    assert placed["BAIKONUR"][0] == "GPE"


def test_names_that_can_share_a_state_are_read_in_one() -> None:
    from briefing.geo.gazetteer import gazetteer

    ann = annotate_text("The Springfield and Greenville school boards met with Madison officials.")
    states = set()
    for p in ann.places:
        same = [c for c in gazetteer().lookup(p.name)
                if round(c.lat, 4) == p.lat and round(c.lon, 4) == p.lon]
        states.add((p.country, same[0].admin1 if same else None))
    assert len(ann.places) == 3 and len(states) == 1  # three towns of one state, not three states


def test_title_case_dateline_needs_a_notable_place() -> None:
    placed = _placed("Muscat: The film festival closed on Saturday with a gala.")
    assert placed["Muscat"][:2] == ("GPE", "Muscat")
    ann = annotate_text("Note: The board meeting moved to Thursday.")
    assert not any(e.type == "GPE" for e in ann.entities)


def test_state_designator_and_qualifier_make_a_person_a_place() -> None:
    text = "The Governor of Sokoto State spoke. A teacher from Mabank, Texas, replied."
    ents = []
    for name in ("Sokoto State", "Mabank"):
        i = text.index(name)
        ents.append(Entity(name.lower(), name, "PERSON", mentions=[Mention(i, i + len(name), name)]))
    out = find_local_places(ents, text)
    assert [e.type for e in out] == ["GPE", "GPE"]  # Mabank is small, but its state is written


def test_street_with_its_town_is_an_address_at_the_town() -> None:
    ann = annotate_text("Dale Prewitt, 41, of 420 Augusta St., Alexandria, was arrested. A cafe opened on "
                        "Collins Avenue in Miami Beach. Crews repaved Elm Street on Monday.")
    by_entity = {e.id: e for e in ann.entities}
    addresses = {by_entity[p.entity].name: p for p in ann.places if p.kind == "address"}
    towns = {p.name: p for p in ann.places if p.kind == "city"}
    assert addresses["Collins Avenue"].name == "Collins Avenue, Miami Beach"
    assert (addresses["Collins Avenue"].lat, addresses["Collins Avenue"].lon) == (
        towns["Miami Beach"].lat, towns["Miami Beach"].lon)
    assert "Augusta St." in addresses and "Alexandria" in towns  # the town after a street is a place
    assert "Elm Street" not in addresses  # no town written with it: off the map


def test_building_named_after_its_town_is_placed_there_but_a_named_hall_is_not() -> None:
    ann = annotate_text("The cyclist was taken to Colchester General Hospital after the crash near "
                        "Colchester, Essex. Fans later met at Henderson Hall.")
    by_entity = {p.entity: p for p in ann.places}
    placed = {e.name: by_entity[e.id].name for e in ann.entities if e.id in by_entity}
    assert placed.get("Colchester General Hospital") == "Colchester"
    assert "Henderson Hall" not in placed


def test_a_dateline_never_takes_a_glossary_name() -> None:
    text = "Mill closes. BYESVILLE -- The mill closed on Tuesday."
    i = text.index("BYESVILLE")
    ents = [Entity("byesville-mill", "Byesville", "ORG", mentions=[Mention(i, i + 9, "BYESVILLE")],
                   source="glossary")]
    out = find_local_places(ents, text)
    assert [(e.id, e.type) for e in out] == [("byesville-mill", "ORG")]


def test_seat_only_when_every_mention_names_it() -> None:
    from briefing.geo.gazetteer import gazetteer
    from briefing.geo.seats import seat_item

    text = "The Dubai World Trade Centre (DWTC) hosts the fair. DWTC said it sold out."
    i, j = text.index("Dubai World"), text.index("DWTC")
    full = Mention(i, i + len("Dubai World Trade Centre"), "Dubai World Trade Centre")
    both = Entity("dwtc", "Dubai World Trade Centre", "ORG", mentions=[full, Mention(j, j + 4, "DWTC")])
    named = Entity("dwtc", "Dubai World Trade Centre", "ORG", mentions=[full])
    assert seat_item(gazetteer(), both, text) is None  # 'DWTC' names no Dubai
    assert seat_item(gazetteer(), named, text) is not None


def test_a_hamlet_far_from_the_story_and_never_written_as_a_place_is_dropped() -> None:
    from briefing.geo.resolve import resolve_places

    text = "Crews in Dallas and Fort Worth worked late. In the 1740s, Dubreuil had a canal dug."
    ents = []
    for name in ("Dallas", "Fort Worth", "Dubreuil"):
        i = text.index(name)
        ents.append(Entity(name.lower().replace(" ", "-"), name, "GPE",
                           mentions=[Mention(i, i + len(name), name)]))
    placed = {p.entity for p in resolve_places(ents, text)}
    assert {"dallas", "fort-worth"} <= placed and "dubreuil" not in placed
    # written as a place, the same hamlet stays: 'in Dubreuil'
    text2 = text.replace("In the 1740s, Dubreuil had", "Workers in Dubreuil had")
    i = text2.index("Dubreuil")
    ents[2] = Entity("dubreuil", "Dubreuil", "GPE", mentions=[Mention(i, i + 8, "Dubreuil")])
    assert "dubreuil" in {p.entity for p in resolve_places(ents, text2)}


def test_plural_designator_after_a_name_reads_as_place() -> None:
    text = "Texas crews said the Kaufman roads reopened on Monday."
    j = text.index("Kaufman")
    ents = [Entity("texas", "Texas", "GPE", mentions=[Mention(0, 5, "Texas")]),
            Entity("kaufman", "Kaufman", "PERSON", mentions=[Mention(j, j + 7, "Kaufman")])]
    assert find_local_places(ents, text)[1].type == "GPE"
    solo = "Texas crews said Kaufman reopened the shop on Monday."
    j = solo.index("Kaufman")
    ents[1] = Entity("kaufman", "Kaufman", "PERSON", mentions=[Mention(j, j + 7, "Kaufman")])
    assert find_local_places(ents, solo)[1].type == "PERSON"


def test_event_named_after_its_place_is_placed_there() -> None:
    text = ("Thunder Glow won the Harbourside Stakes at the Dubai World Cup on Saturday. Trainers from "
            "Dubai and Abu Dhabi said the Dubai World Cup drew a record crowd.")
    ann = annotate_text(text)
    cup = next(e for e in ann.entities if e.name == "Dubai World Cup")
    place = next(p for p in ann.places if p.entity == cup.id)
    assert place.name == "Dubai" and place.country == "AE"


def test_two_word_event_needs_an_event_word_to_take_a_seat() -> None:
    from briefing.geo.gazetteer import gazetteer
    from briefing.geo.seats import seat_item

    text = "The Boston Marathon and the Boston Tea were both on Monday."
    run = Entity("boston-marathon", "Boston Marathon", "EVENT", mentions=[Mention(4, 19, "Boston Marathon")])
    tea = Entity("boston-tea", "Boston Tea", "EVENT", mentions=[Mention(28, 38, "Boston Tea")])
    assert seat_item(gazetteer(), run, text) is not None
    assert seat_item(gazetteer(), tea, text) is None


def test_dated_dateline_with_a_county_names_the_town_of_the_body() -> None:
    # 'PLACE, County, Weekday D Month YYYY —': the date is found by temporal.dateline, the words
    # before it are the place and its qualifier (a region: Gwynedd lies in Wales).
    text = ("Storm cuts power across Gwynedd\n\nDOLGELLAU, Gwynedd, Friday 7 March 2025 — High winds "
            "brought down power lines overnight. Engineers worked through the night in Dolgellau.")
    ann = annotate_text(text)
    towns = [e for e in ann.entities if e.name.lower() == "dolgellau"]
    assert len(towns) == 1 and towns[0].type == "GPE"
    assert towns[0].name == "Dolgellau"  # as the body writes it, not the dateline's capitals
    assert [m.text for m in towns[0].mentions] == ["DOLGELLAU", "Dolgellau"]
    assert {p.entity: p.country for p in ann.places}[towns[0].id] == "GB"


def test_a_town_listed_after_a_retyped_town_is_retyped_too() -> None:
    text = "Kaufman County deputies searched homes. Residents of Mabank and Kemp were told to stay inside."
    i, j = text.index("Mabank"), text.index("Kemp")
    ents = [Entity("kaufman-county", "Kaufman County", "GPE", mentions=[Mention(0, 14, "Kaufman County")]),
            Entity("mabank", "Mabank", "PERSON", mentions=[Mention(i, i + 6, "Mabank")]),
            Entity("kemp", "Kemp", "ORG", mentions=[Mention(j, j + 4, "Kemp")])]
    out = {e.name: e.type for e in find_local_places(ents, text)}
    assert out["Mabank"] == "GPE" and out["Kemp"] == "GPE"  # 'of Mabank', then 'Mabank and Kemp'


def test_a_headline_name_just_before_the_dateline_keeps_its_mention() -> None:
    ann = annotate_text("Floods close the West Coast Main Line\nCARLISLE, Cumbria — Floodwater closed the "
                        "West Coast Main Line between Carlisle and Penrith on Tuesday.")
    line = next(e for e in ann.entities if e.name == "West Coast Main Line")
    assert [m.start for m in line.mentions][0] == ann.text.index("West Coast")  # the headline's
    carlisle = next(e for e in ann.entities if e.name == "Carlisle")
    assert len(carlisle.mentions) == 2 and carlisle.type == "GPE"
