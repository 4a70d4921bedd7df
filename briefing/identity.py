"""One identity across briefings: which entities of different briefings are the same person,
organisation or place, and the one id each identity has on the site.

Each briefing's annotations name their entities by a slug of the name they use. Joining by slug
alone merges what differs (Paris, France and Paris, Texas are both ``paris``) and splits what is
one ("US Central Command" in one briefing, "CENTCOM" in another). Here:

- **places** join when they are the same place: a name in common (the entity's names and
  aliases, the place's own name) and points within a distance that suits the kind of place
  (``NEAR_KM``); the same gazetteer record gives the same name and point, a glossary pin or an
  online geocoder a point close by. Paris, Texas stays apart from Paris, France;
- **other entities** join by a name or alias in common within one kind (people with people,
  organisations with organisations; places that nothing placed with places of that name only
  when one place answers to it). A single-word alias of a person (a surname) joins nothing:
  two Ashworths are not one person; but a briefing that names someone only by a surname is
  about the site's one person of that surname, if there is one;
- two entities of one briefing are never joined (the extractor kept them apart there).

Ids stay stable and deterministic: an identity takes the id of the glossary's entry, else of a
briefing that calls the place by its own name, else of its oldest briefing. When two identities
want one id, the one named first (the oldest briefing; the glossary's before any) keeps it and
the other is qualified (``washington-dc``, ``paris-us``, ``jordan-person``): adding briefings
never renames an identity that had its id first.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .model import Annotations, Entity, Place
from .slugs import slugify

if TYPE_CHECKING:  # pragma: no cover
    from .structure import BriefingRef

# How far apart two points of one place may be, by kind: sources put a country's or a region's
# centre hundreds of kilometres apart; a town's within a few.
NEAR_KM = {"country": 800.0, "admin1": 250.0, "region": 150.0, "feature": 150.0, "city": 25.0, "address": 2.0}
_PLACE_TYPES = ("GPE", "LOC", "FAC")
# Words before a place's name that make a part of it ("Western Mass", "North Texas", "Greater
# Manchester"): such a name is not another name of the place the resolver put it on.
_PARTS = frozenset("north south east west northern southern eastern western central northeast northwest "
                   "southeast southwest northeastern northwestern southeastern southwestern upper lower "
                   "greater inner outer downtown upstate downstate mid".split())


@dataclass
class _Node:
    """One entity of one briefing."""

    uri: str
    order: tuple  # where it is first named: (undated, date, uri) of its briefing, oldest first
    entity: Entity
    place: Place | None


def _key(name: str) -> str:
    """A name as identities compare it: case, accents, 'the ' and punctuation do not matter."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text.replace("'", "").replace("’", ""))
    words = _join_initials(text.split())  # "U.S. Senate" and "US Senate" are one name
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _join_initials(words: list[str]) -> list[str]:
    """["u", "s", "senate"] -> ["us", "senate"]: a run of single letters is one abbreviation."""
    out: list[str] = []
    run = ""
    for w in words:
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


def _kind(entity: Entity) -> str:
    return "PLACE" if entity.type in _PLACE_TYPES else entity.type


def _names(node: _Node) -> dict[str, bool]:
    """The names an entity answers to, for joining: name -> whether it is a main name (its own
    name, its place's) rather than an alias. A person's one-word aliases (surnames) are left out,
    and so is the place's name when the entity's name only contains it: "East Texas", placed on
    Texas, is part of Texas, not another name for it ("NYC", placed on New York City, is). Only a
    place answers to its place's name: the US Senate and the INS, both placed at their seat in the
    United States, are not one organisation called "United States"."""
    e = node.entity
    own = _key(e.name)
    names = {own: True}
    if node.place is not None and _kind(e) == "PLACE":  # an organisation at its seat is not the seat
        place = _key(node.place.name)
        if not _contains(own, place) and own.split()[0] not in _PARTS:
            names[place] = True
    for alias in e.aliases:
        if e.type == "PERSON" and len(alias.split()) < 2:
            continue
        names.setdefault(_key(alias), False)
    return {n: main for n, main in names.items() if n}


def _contains(longer: str, shorter: str) -> bool:
    """``shorter``'s words are a part of ``longer``'s, and ``longer`` has more ("east texas", "texas")."""
    a, b = longer.split(), shorter.split()
    return len(b) < len(a) and any(a[k:k + len(b)] == b for k in range(len(a) - len(b) + 1))


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_place(a: Place, b: Place) -> bool:
    return _km(a, b) <= max(NEAR_KM.get(a.kind, 25.0), NEAR_KM.get(b.kind, 25.0))


class _Groups:
    """Union-find over nodes that never puts two entities of one briefing together."""

    def __init__(self, nodes: list[_Node]) -> None:
        self.parent = list(range(len(nodes)))
        self.uris = [{n.uri} for n in nodes]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.uris[a] & self.uris[b]:
            return
        a, b = min(a, b), max(a, b)  # the earlier node roots the group: deterministic
        self.parent[b] = a
        self.uris[a] |= self.uris[b]


def site_ids(refs: Iterable[BriefingRef]) -> dict[str, dict[str, str]]:
    """For each briefing (by URI), its entities' local ids -> their ids on the site."""
    nodes: list[_Node] = []
    for b in refs:
        places = {p.entity: p for p in b.annotations.places}
        order = (b.date is None, b.date or "", b.uri)
        for e in b.annotations.entities:
            nodes.append(_Node(b.uri, order, e, places.get(e.id)))
    nodes.sort(key=lambda n: (n.order, n.entity.id))
    groups = _Groups(nodes)
    by_name: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    for i, n in enumerate(nodes):
        for name, main in sorted(_names(n).items()):
            by_name.setdefault((_kind(n.entity), name), []).append((i, main))
    for _ in range(2):  # again: an alias's holders may have become one identity under another name
        for (kind, _), members in sorted(by_name.items()):
            _join_bucket(nodes, groups, kind, members)
    _join_lone_surnames(nodes, groups)
    return _assign(nodes, groups)


def _join_lone_surnames(nodes: list[_Node], groups: _Groups) -> None:
    """A briefing that names a person only by a surname ("Obama") is about the site's one person
    of that surname with a full name ("Barack Obama"); with two ("Bill Clinton", "Hillary
    Clinton") it is about neither."""
    people = [(i, _key(n.entity.name).split()) for i, n in enumerate(nodes) if n.entity.type == "PERSON"]
    full: dict[str, list[int]] = {}
    for i, words in people:
        if len(words) >= 2:
            full.setdefault(words[-1], []).append(i)
    for i, words in people:
        if len(words) == 1 and words[0] in full:
            holders = {groups.find(j) for j in full[words[0]]}
            if len(holders) == 1:
                groups.join(holders.pop(), i)


def _join_bucket(nodes: list[_Node], groups: _Groups, kind: str, members: list[tuple[int, bool]]) -> None:
    """Join the entities that share one name. An alias joins only an entity whose own name it is
    (two organisations that both abbreviate to NRA stay two)."""
    placed = [(i, main) for i, main in members if nodes[i].place is not None]
    # The same place under a name in common. One point per distinct place first (the same
    # gazetteer record gives the same point), so a place named in thousands of briefings costs
    # a pass over them, and only the few distinct points are compared pairwise.
    points: dict[tuple, list[tuple[int, bool]]] = {}
    for i, main in placed:
        p = nodes[i].place
        points.setdefault((p.lat, p.lon, p.kind), []).append((i, main))
    reps: list[tuple[int, bool]] = []
    for same in points.values():
        mains = [i for i, main in same if main]
        for i, _ in same if mains else ():
            groups.join(mains[0], i)
        reps.append((mains[0], True) if mains else same[0])
    for k, (i, main_i) in enumerate(reps):
        for j, main_j in reps[k + 1:]:
            if (main_i or main_j) and _same_place(nodes[i].place, nodes[j].place):
                groups.join(i, j)
    unplaced = [(i, main) for i, main in members if nodes[i].place is None]
    named = [i for i, main in unplaced if main]
    for i in named[1:]:
        groups.join(named[0], i)
    # An alias joins the entity of that name only when one identity uses it: "Ford" as the alias
    # of both Robert Ford and the Ford Motor Company joins neither to a bare "Ford"; "GM" as the
    # alias of "General Motors" and of "General Motors Corporation", once those two are one
    # identity, joins a briefing's bare "GM" to it.
    aliased = [i for i, main in unplaced if not main]
    holders = {groups.find(i) for i in aliased}
    if named and len(holders) == 1 and len({groups.find(i) for i in named}) == 1:
        for i in aliased:
            groups.join(named[0], i)
    # A place that nothing placed joins the one place of its name (when only one answers to it).
    if kind == "PLACE" and named and placed and len({groups.find(i) for i, _ in placed}) == 1:
        groups.join(placed[0][0], named[0])


def _assign(nodes: list[_Node], groups: _Groups) -> dict[str, dict[str, str]]:
    """Each group's id: the glossary's, else the one its oldest briefing uses (so a later briefing
    never renames it); on a clash the group named first keeps it (glossary entries before all),
    the others are qualified."""
    members: dict[int, list[_Node]] = {}
    for i, n in enumerate(nodes):
        members.setdefault(groups.find(i), []).append(n)
    wanted: dict[str, list[tuple[tuple, int]]] = {}
    for root, ns in members.items():
        glossary = [n for n in ns if n.entity.source == "glossary"]
        # The place's own name once a briefing uses it ("georgia" rather than "ga"), else the
        # oldest briefing's id (nodes are in order): a newer briefing never takes it over.
        proper = [n for n in ns if n.place is not None and _key(n.entity.name) == _key(n.place.name)]
        best = (glossary or proper or ns)[0].entity.id
        wanted.setdefault(best, []).append(((not glossary, ns[0].order, ns[0].entity.id), root))
    taken = set(wanted)
    site: dict[int, str] = {}
    for best in sorted(wanted):
        for rank, (_, root) in enumerate(sorted(wanted[best])):
            if rank == 0:
                site[root] = best
                continue
            site[root] = _qualified(best, members[root][0], taken)
            taken.add(site[root])
    out: dict[str, dict[str, str]] = {}
    for root, ns in members.items():
        for n in ns:
            out.setdefault(n.uri, {})[n.entity.id] = site[root]
    return out


def _qualified(base: str, first: _Node, taken: set[str]) -> str:
    """A second identity's id: the place's own name when it says more ("washington-dc" beside
    Washington state's "washington"), else the base with the place's country or the entity's type
    ("paris-us", "jordan-person"); a number only when even that is taken."""
    place = first.place if _kind(first.entity) == "PLACE" else None  # an organisation is not its seat
    if place is not None:
        own = slugify(place.name)
        if own and own != base and own not in taken:
            return own
        tail = (place.country or place.kind).lower()
    else:
        tail = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}.get(first.entity.type,
                                                                                first.entity.type.lower())
    candidate, k = f"{base}-{tail}", 2
    while candidate in taken:
        candidate, k = f"{base}-{tail}-{k}", k + 1
    return candidate


def renamed(ann: Annotations, ids: dict[str, str]) -> Annotations:
    """The annotations with their entities under their site ids (the same object when none
    changes): places, events and mentions keep pointing at the same entities."""
    if all(ids.get(e.id, e.id) == e.id for e in ann.entities):
        return ann

    def new(eid: str) -> str:
        return ids.get(eid, eid)

    return replace(
        ann,
        entities=[replace(e, id=new(e.id)) for e in ann.entities],
        places=[replace(p, entity=new(p.entity)) for p in ann.places],
        events=[replace(ev, entities=[new(x) for x in ev.entities], places=[new(x) for x in ev.places])
                for ev in ann.events],
    )
