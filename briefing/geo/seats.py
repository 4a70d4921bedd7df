"""Places for names that are no places: an organisation's seat, a street's town, a people's country.

The resolver places GPE, LOC and FAC entities. Three other kinds of name still say where a story
is, and a reader hovering them wants to know: an organisation named after the town, county or
state it serves ('Titus County Sheriff's Office'), a street written with its town ('420 Augusta
St., Alexandria') and a demonym whose country the article is about ('Iraqi officials' in a story
from Baghdad). Their entities keep their types; only a place is added, and only where the article
supports it (see each function).
"""

from __future__ import annotations

import re

from briefing.geo.gazetteer import Gazetteer, normalize
from briefing.geo.mentions import _DIRECTION_RE, _DIRECTIONS, _forms, _Item, _item
from briefing.geo.placewords import STREET_WORDS
from briefing.model import PLACE_TYPES, Entity, Place

# A seat this prominent needs no support from the article (a city of 100,000, a state, a country).
NOTABLE = 5.0


def seat_item(gaz: Gazetteer, entity: Entity, text: str) -> _Item | None:
    """An organisation named after its seat ('Titus County Sheriff's Office', 'University of Utah'),
    or an event after the place it is held ('Dubai World Cup', 'Boston Marathon').

    Its place is the seat's: the longest run of leading capitalised words the gazetteer knows
    (with the rest of the name left over), or the words after its last ' of '. The organisation
    keeps its type and its one mention; its marker stands at the town, county or state it serves.
    """
    words = entity.name.replace("’", "'").split()
    seat_words = _EVENT_WORDS if entity.type == "EVENT" else _INSTITUTION_WORDS
    if len(words) == 2 and normalize(words[1]) not in seat_words:
        return None  # 'Morgan McGhee', 'Weston Otmoor': a name, not a body seated in a town
    if entity.type == "FAC" and not any(normalize(w) in _BUILDING_WORDS for w in words[1:]):
        return None  # a building named after its town says so: 'Colchester Hospital', 'Manila Cathedral'
    names = [" ".join(words[:n]) for n in range(min(4, len(words) - 1), 0, -1)]
    if " of " in entity.name:
        names.append(entity.name.rsplit(" of ", 1)[1])
    for name in names:
        key = _DIRECTION_RE.sub("", normalize(name))
        if (not all(w[:1].isupper() for w in name.split()) or key in gaz.demonyms() or key in _DIRECTIONS
                or key in _INSTITUTION_WORDS):
            continue  # 'American Legion', 'East College', 'West Metro Chamber', 'Church of ...'
        name = re.sub(r"['’]s$", "", name)
        found = [c for form, _ in _forms(name) for c in gaz.lookup(form)
                 if not c.alias and c.kind in _SEAT_KINDS]
        if found:
            if any(normalize(name) not in normalize(m.text) for m in entity.mentions):
                return None  # 'DWTC' names no Dubai: the tooltip of every mention must show its place
            seat = Entity(entity.id, name, "GPE", mentions=entity.mentions)
            item = _item(gaz, seat, text)
            item.candidates = [c for c in item.candidates if not c.alias and c.kind in _SEAT_KINDS
                               and (not _on_one_site(entity.name, name) or c.kind == "city"
                                    or c.feature == "ADM2")]
            item.entity = entity
            return item if item.candidates else None
    return None


_SEAT_KINDS = ("city", "admin1", "country", "region")
# What a body on one site calls itself ('Florida Atlantic University', 'Leeds General Infirmary').
_SITE_WORDS = frozenset("""university college school academy institute hospital infirmary museum library
    zoo airport prison jail stadium arena""".split())
def _on_one_site(name: str, seat: str) -> bool:
    """A campus, hospital or museum stands in one town: a state's or country's centre is no seat
    for it ('Florida Atlantic University' is hundreds of kilometres from Florida's), a town or
    county is ('Liverpool Academy', 'Laurel County High School'). The state's own university
    ('University of Utah', 'Ohio State University') is the state's, as its name says; a body
    that only has a school in its name ('Muscogee County School District') is no site.
    """
    words = name.split()
    head = normalize(words[-1])
    led = len(words) > 2 and normalize(words[0]) in _SITE_WORDS and words[1] == "of"
    seat = re.sub(r" State$", "", seat)  # 'Ohio State' of 'Ohio State University' is Ohio
    return (head in _SITE_WORDS or led) and name not in (f"University of {seat}", f"{seat} State University")
# What an event held in a place calls itself after the place's name ('Boston Marathon').
_EVENT_WORDS = frozenset("""marathon cup open games show festival fair conference summit championship
    championships derby regatta expo olympics classic""".split())
# What a building named after its town is ('Colchester General Hospital', 'Illinois Capitol').
_BUILDING_WORDS = frozenset("""hospital airport cathedral church station courthouse capitol library prison
    jail school college university stadium arena museum""".split())
# What a body named after its seat calls itself ('Gainesville Police', 'Ohio Senate').
_INSTITUTION_WORDS = frozenset("""police sheriff sheriffs fire council court courts schools school district
    board
    commission office department county city town township village parish library university college
    hospital chamber association authority bureau patrol guard army senate house assembly legislature
    government committee club society museum academy institute center centre church party times post
    journal tribune herald news gazette census fed airport port transit utilities health services
    prison jail zoo""".split())


def seat_in_context(seat: _Item, places: list[_Item]) -> bool:
    """Keep an organisation's seat only where the article is: in a state its places lie in.

    The seat's reading is narrowed to candidates in a state (then a country) of the article's
    own places, so that 'Athens Police Department' in a story from Texas is Athens, TX; with
    none there, only a country or a notable city stands (a 'Delta' or 'Central' outside the
    article's countries is a common word, not a province).
    """
    chosen = [o.choice for o in places if o.choice is not None]
    regions = {(c.country, c.admin1) for c in chosen if c.kind != "country"}
    countries = {c.country for c in chosen}
    ranked = [c for c in seat.candidates[:60]]
    for keep in (lambda c: (c.country, c.admin1) in regions or any(c.id == o.id for o in chosen),
                 lambda c: c.country in countries and (c.kind == "country" or c.prior >= NOTABLE),
                 lambda c: c.kind == "country" or c.feature == "PPLC"):
        inside = [c for c in ranked if keep(c)]
        if inside:
            best = seat.choice if seat.choice in inside else inside[0]
            seat.choice, seat.rivals = best, []
            return True
    return False


_STREET = re.compile(STREET_WORDS + r"$")
_ADDRESS_TOWN = re.compile(r"^(?:,\s*|\s+in\s+)")  # not ' at ': 'Royal Street at Jackson Square'


def street_places(entities: list[Entity], text: str, placed: list[_Item]) -> list[Place]:
    """A street named with its town ('420 Augusta St., Alexandria', 'Collins Avenue in Miami Beach').

    The street is an ``address`` at the town's coordinates: the reader sees which town the street
    is in (the gazetteer has no streets). A street with no town written next to it stays off the map.
    """
    towns = {m.start: it for it in placed if it.choice.kind == "city" and it.entity.type in PLACE_TYPES
             for m in it.entity.mentions}
    done = {it.entity.id for it in placed}
    out = []
    for e in entities:
        if e.id in done or e.type not in ("FAC", "LOC", "ORG", "PERSON") or not _STREET.search(e.name):
            continue
        for m in e.mentions:
            gap = _ADDRESS_TOWN.match(text[m.end: m.end + 6])
            town = towns.get(m.end + len(gap.group(0))) if gap else None
            if town is not None:
                c = town.choice
                out.append(Place(entity=e.id, name=f"{e.name}, {c.name}", lat=round(c.lat, 4),
                                 lon=round(c.lon, 4), kind="address", country=c.country, source="gazetteer"))
                break
    return out


def demonym_place(gaz: Gazetteer, entity: Entity, countries: set[str | None],
                   states: set[str]) -> Place | None:
    """The country of a demonym ('Iraqi', 'Palestinians'): the people stay NORP, the map shows the country.

    Only for a country the article's places are in (``countries``): 'an Irish pub' or 'French
    students' in a story from Ohio puts no Ireland or France on its map. Nor when the country
    shares its name with a state of the article's places: 'Georgians' in a story from Atlanta
    live in the state (``states``: normalised names of those states).
    """
    cc = gaz.demonyms().get(normalize(entity.name))
    country = gaz.country(cc) if cc else None
    if country is None or cc not in countries or normalize(country.name) in states:
        return None
    return Place(entity=entity.id, name=country.name, lat=round(country.lat, 4), lon=round(country.lon, 4),
                 kind="country", country=cc, source="gazetteer")
