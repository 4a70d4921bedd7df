"""One identity across briefings (issue #16): the same person, organisation or place in two
briefings is one entity page and one map entry; a different place of the same name stays apart.

Each test builds a site of two (or three) invented briefings, annotated by the real pipeline, or
(for what the extractor's typing would otherwise decide) of briefings whose entities are given.
"""

from __future__ import annotations

import pytest

from briefing.identity import site_ids
from briefing.model import Annotations, Document, Entity, Mention, Place
from briefing.pipeline import annotate_document
from briefing.structure import BriefingRef, build_site


def _ref(name: str, date: str | None, headline: str, body: str) -> BriefingRef:
    text = f"{headline}\n{body}"
    doc = Document(text=text, title=headline, date=date, date_source="option" if date else None)
    return BriefingRef(f"briefings/{name}.md", headline, "World", date, annotate_document(doc))


def _paris_site(order: int = 1):
    france = _ref("fashion", "2025-03-01", "Fashion week opens",
                  "Designers gathered in Paris, France, on Monday.")
    texas = _ref("tornado", "2025-03-05", "Tornado damage",
                 "A tornado damaged homes in Paris, Texas, on Wednesday.")
    refs = [france, texas][::order]
    return build_site(refs), france, texas


def _map_entries(site) -> dict[str, tuple[str, str | None]]:
    """The site map's entries (one per entity id, as sitebuild groups them): id -> (name, country)."""
    return {p.entity: (p.name, p.country) for b in site.briefings for p in b.annotations.places}


def test_two_places_of_one_name_stay_apart():
    site, france, texas = _paris_site()
    paris_fr = next(p for p in france.annotations.places if p.name == "Paris")
    paris_tx = next(p for p in texas.annotations.places if p.name == "Paris")
    assert (paris_fr.country, paris_tx.country) == ("FR", "US")
    assert paris_fr.entity != paris_tx.entity  # both were "paris" in their own briefing
    entries = _map_entries(site)
    assert entries[paris_fr.entity] == ("Paris", "FR") and entries[paris_tx.entity] == ("Paris", "US")
    assert [a.briefing.uri for a in site.entities[paris_fr.entity].appearances] == ["briefings/fashion.md"]
    # The place named first keeps the plain id, whatever order the briefings come in.
    assert paris_fr.entity == "paris" and paris_tx.entity == "paris-us"
    again, france2, texas2 = _paris_site(order=-1)
    assert {p.entity for p in france2.annotations.places} >= {"paris"}
    assert "paris-us" in {p.entity for p in texas2.annotations.places}


def test_the_same_place_named_two_ways_is_one_entity_and_one_map_entry():
    a = _ref("march", "2025-04-01", "City march", "Protesters marched in New York City on Monday.")
    b = _ref("rally", "2025-04-03", "Second rally", "Protesters marched in NYC again on Thursday.")
    ids_before = {e.id for e in a.annotations.entities} | {e.id for e in b.annotations.entities}
    assert {"new-york-city", "nyc"} <= ids_before  # two ids in the briefings' own annotations
    site = build_site([a, b])
    entries = [eid for eid, (name, _) in _map_entries(site).items() if name == "New York City"]
    assert entries == ["new-york-city"]  # the older briefing's id
    se = site.entities["new-york-city"]
    assert se.briefings == 2 and se.has_page and "NYC" in se.aliases
    assert "nyc" not in site.entities


def test_an_organisation_and_its_acronym_are_one_entity():
    a = _ref("command", "2025-05-01", "Air strikes in Syria",
             "On Monday, US Central Command (CENTCOM) said its forces hit camps in Syria.")
    b = _ref("later", "2025-05-04", "More air strikes",
             "On Sunday, CENTCOM said more strikes hit camps in Syria.")
    site = build_site([a, b])
    se = site.entities["us-central-command"]
    assert se.briefings == 2 and se.name == "US Central Command" and "CENTCOM" in se.aliases
    assert "centcom" not in site.entities
    # Links from the newer briefing lead to the same page: its entity carries the site's id.
    assert "us-central-command" in {e.id for e in b.annotations.entities}
    assert {p.entity for p in b.annotations.places} == {"syria"}


def _hand(uri: str, date: str, *entities: tuple[str, str, str, list[str]]) -> BriefingRef:
    """A briefing whose entities are given (id, name, type, aliases), for what the extractor's
    typing would otherwise decide."""
    text = " ".join(name for _, name, _, _ in entities)
    ents, pos = [], 0
    for eid, name, etype, aliases in entities:
        mention = Mention(pos, pos + len(name), name)
        ents.append(Entity(id=eid, name=name, type=etype, aliases=aliases, mentions=[mention]))
        pos += len(name) + 1
    ann = Annotations(document=Document(text=text, date=date), entities=ents, places=[], times=[], events=[])
    return BriefingRef(uri, uri, None, date, ann)


def test_a_person_and_a_place_of_one_name_stay_apart():
    person = _hand("a.md", "2025-01-01", ("jordan", "Jordan", "PERSON", []))
    place = _hand("b.md", "2025-01-02", ("jordan", "Jordan", "GPE", []))
    ids = site_ids([person, place])
    assert ids["a.md"]["jordan"] == "jordan" and ids["b.md"]["jordan"] == "jordan-gpe"


def test_surnames_and_shared_acronyms_do_not_join_people_or_bodies():
    a = _hand("a.md", "2025-01-01", ("tom-ashworth", "Tom Ashworth", "PERSON", ["Ashworth"]),
              ("national-rifle-association", "National Rifle Association", "ORG", ["NRA"]))
    b = _hand("b.md", "2025-01-02", ("jane-ashworth", "Jane Ashworth", "PERSON", ["Ashworth"]),
              ("national-rivers-authority", "National Rivers Authority", "ORG", ["NRA"]))
    ids = site_ids([a, b])
    assert ids["b.md"] == {"jane-ashworth": "jane-ashworth",
                           "national-rivers-authority": "national-rivers-authority"}


def test_a_person_named_only_by_surname_is_the_site_s_one_person_of_that_surname():
    a = _hand("a.md", "2025-01-01", ("tom-ashworth", "Tom Ashworth", "PERSON", ["Ashworth"]))
    b = _hand("b.md", "2025-01-02", ("ashworth", "Ashworth", "PERSON", []))
    ids = site_ids([a, b])
    assert ids["b.md"]["ashworth"] == ids["a.md"]["tom-ashworth"]
    c = _hand("c.md", "2025-01-03", ("jane-ashworth", "Jane Ashworth", "PERSON", ["Ashworth"]))
    ids = site_ids([a, b, c])
    assert ids["b.md"]["ashworth"] not in (ids["a.md"]["tom-ashworth"], ids["c.md"]["jane-ashworth"])
    d = _hand("d.md", "2025-01-04", ("ashworth", "Ashworth", "ORG", []))  # a firm is no person
    assert site_ids([a, d])["d.md"]["ashworth"] != "tom-ashworth"


def test_two_entities_of_one_briefing_are_never_joined():
    a = _hand("a.md", "2025-01-01", ("un", "UN", "ORG", []),
              ("united-nations", "United Nations", "ORG", ["UN"]))
    ids = site_ids([a])
    assert ids["a.md"] == {"un": "un", "united-nations": "united-nations"}


def test_places_far_apart_under_one_id_are_split_and_near_ones_joined():
    def placed(uri: str, date: str, lat: float, lon: float) -> BriefingRef:
        ref = _hand(uri, date, ("springfield", "Springfield", "GPE", []))
        place = Place("springfield", "Springfield", lat, lon, "city", "US", "gazetteer")
        ref.annotations.places.append(place)
        return ref

    ids = site_ids([placed("il.md", "2025-01-01", 39.80, -89.64),
                    placed("il2.md", "2025-01-03", 39.81, -89.65),
                    placed("ma.md", "2025-01-02", 42.10, -72.59)])
    assert ids["il.md"]["springfield"] == ids["il2.md"]["springfield"] == "springfield"
    assert ids["ma.md"]["springfield"] == "springfield-us"


def test_a_part_of_a_place_is_not_the_place():
    def placed(uri: str, date: str, eid: str, name: str) -> BriefingRef:
        ref = _hand(uri, date, (eid, name, "GPE", []))
        ref.annotations.places.append(Place(eid, "Texas", 31.25, -99.25, "admin1", "US", "gazetteer"))
        return ref

    ids = site_ids([placed("a.md", "2025-01-01", "texas", "Texas"),
                    placed("b.md", "2025-01-02", "east-texas", "East Texas"),
                    placed("c.md", "2025-01-03", "tex", "Tex.")])
    assert ids["b.md"]["east-texas"] == "east-texas"  # resolved onto Texas, but a part of it
    assert ids["c.md"]["tex"] == "texas"  # an abbreviation placed on Texas is Texas


def test_an_alias_two_identities_share_joins_neither():
    a = _hand("a.md", "2025-01-01", ("robert-ford", "Robert Ford", "ORG", ["Ford"]))
    b = _hand("b.md", "2025-01-02", ("ford-motor-company", "Ford Motor Company", "ORG", ["Ford"]))
    c = _hand("c.md", "2025-01-03", ("ford", "Ford", "ORG", []))
    ids = site_ids([a, b, c])
    assert len({ids["a.md"]["robert-ford"], ids["b.md"]["ford-motor-company"], ids["c.md"]["ford"]}) == 3


def test_an_alias_of_one_identity_under_two_names_joins_it():
    a = _hand("a.md", "2025-01-01", ("general-motors", "General Motors", "ORG", ["GM"]))
    b = _hand("b.md", "2025-01-02",
              ("general-motors-corporation", "General Motors Corporation", "ORG", ["GM", "General Motors"]))
    c = _hand("c.md", "2025-01-03", ("gm", "GM", "ORG", []))
    for order in ([a, b, c], [c, b, a]):
        ids = site_ids(order)
        assert ids["a.md"]["general-motors"] == ids["b.md"]["general-motors-corporation"] == ids["c.md"]["gm"]
    # without the name that makes the two one, "GM" stays apart (it could be either)
    b2 = _hand("b.md", "2025-01-02", ("general-mills-corp", "General Mills Corp", "ORG", ["GM"]))
    ids = site_ids([a, b2, c])
    assert ids["c.md"]["gm"] not in (ids["a.md"]["general-motors"], ids["b.md"]["general-mills-corp"])


@pytest.mark.slow
def test_a_built_site_has_one_map_entry_per_identity(tmp_path):
    import json

    from .conftest import build, make_site

    seeds = {
        "2025-03-01-fashion.txt": "World\nFashion week opens\n\n"
                                  "Designers gathered in Paris, France, on Monday.\n",
        "2025-03-05-tornado.txt": "World\nTornado damage\n\n"
                                  "A tornado damaged homes in Paris, Texas, on Wednesday.\n",
        "2025-04-01-march.txt": "Local\nCity march\n\nProtesters marched in New York City on Monday.\n",
        "2025-04-03-rally.txt": "Local\nSecond rally\n\nProtesters marched in NYC again on Thursday.\n",
    }
    root = make_site(tmp_path, seeds=seeds)
    done = build(root)
    assert done.returncode == 0, done.stderr
    geojson = json.loads((root / "site" / "exports" / "places.geojson").read_text(encoding="utf-8"))
    features = {f["id"]: f["properties"] for f in geojson["features"]}
    assert features["paris"]["country"] == "FR" and features["paris-us"]["country"] == "US"
    nyc = [k for k, v in features.items() if v["name"] == "New York City"]
    assert nyc == ["new-york-city"] and len(features["new-york-city"]["briefings"]) == 2
    # The identity has its page, and the newer briefing's mention links there and carries its id.
    assert (root / "site" / "entities" / "new-york-city.html").is_file()
    rally = (root / "site" / "briefings" / "2025-04-03-rally.html").read_text(encoding="utf-8")
    assert 'id="bf-e-new-york-city"' in rally and "entities/new-york-city.html" in rally
    tornado = (root / "site" / "briefings" / "2025-03-05-tornado.html").read_text(encoding="utf-8")
    assert 'id="bf-e-paris-us"' in tornado


def test_organisations_at_one_seat_are_not_one_organisation():
    def seated(uri: str, date: str, eid: str, name: str) -> BriefingRef:
        ref = _hand(uri, date, (eid, name, "ORG", []))
        ref.annotations.places.append(Place(eid, "United States", 39.8, -98.6, "country", "US", "gazetteer"))
        return ref

    ids = site_ids([seated("a.md", "2025-01-01", "us-senate", "U.S. Senate"),
                    seated("b.md", "2025-01-02", "us-census-bureau", "U.S. Census Bureau"),
                    seated("c.md", "2025-01-03", "us-senate", "U.S. Senate"),
                    seated("d.md", "2025-01-04", "us-senate", "US Senate")])
    assert ids["a.md"]["us-senate"] != ids["b.md"]["us-census-bureau"]
    assert ids["a.md"]["us-senate"] == ids["c.md"]["us-senate"] == "us-senate"  # one name still joins
    twin = _hand("e.md", "2025-01-05", ("us-senate", "US Senate", "PERSON", []))  # a clash: by type
    twin.annotations.places.append(
        Place("us-senate", "United States", 39.8, -98.6, "country", "US", "gazetteer"))
    assert site_ids([seated("a.md", "2025-01-01", "us-senate", "U.S. Senate"), twin])["e.md"]["us-senate"] \
        == "us-senate-person"  # not "united-states", its seat
    assert ids["d.md"]["us-senate"] == "us-senate"  # initials written without stops: the same name
