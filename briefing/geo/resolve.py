"""Toponym resolution: which place on Earth each place entity of an article names.

The gazetteer gives every name's candidates with a context-free prior
(population, kind, capital). Like the better geoparsers, the resolver then
lets the article vote: the countries and first-level divisions that its other
places and its demonyms point at ('Paris' next to 'Texas' is Paris, TX), the
words around a mention ('Anbar province', 'Paris, Tenn.'), and nearness to
the article's other places. Two passes: the first resolves on priors and
local hints, the second rescores every entity with the context the *other*
entities established, so no name votes for itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.geo.bias import area_bias
from briefing.geo.gazetteer import Candidate, Gazetteer, gazetteer, normalize
from briefing.geo.mentions import _hint_from_lists, _Item, _item
from briefing.geo.placewords import reads_as_place_at
from briefing.model import PLACE_TYPES, Entity, Place, Reading

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

# Weights of the evidence, on the scale of prior_score (log10 population + kind bonus).
W_QUALIFIER = 8.0      # 'Paris, Texas': the text says which one
W_KIND_HINT = 2.0      # 'Anbar province', 'Washington state'
W_COUNTRY = 2.0        # the candidate's country is mentioned elsewhere
W_TOP_COUNTRY = 2.0    # ... and is the article's main country
W_ADMIN1 = 2.5         # the candidate's state/province is mentioned elsewhere
W_NEAR = 1.0           # within NEAR_KM of another place of the article
NEAR_KM = 150.0
CLOSE_KM = 50.0        # ... and once more within CLOSE_KM for a town or county: the next one along
# A city this big (a metropolis: New York, Los Angeles) is named by national and foreign news
# alike, so its state is no sign that the story is local there: its choice does not vote for its
# first-level division ('Boston' beside 'New York City' is still Boston, Massachusetts).
METROPOLIS = 3_000_000
# A town below this prior (log10 population ~ 4: 10,000 people) must be near the article's
# other places or written as a place (see _stray).
STRAY_PRIOR = 4.0
# A facility (the model's FAC: 'Heathrow', 'Washington Square') that the gazetteer only knows as a
# town below this prior (log10 population 5: 100,000 people) is that town only near the article's
# other places: an airport, a square or a park shares its name with towns far away.
FACILITY_PRIOR = 5.0
# Each other name of the article that *could* lie in the candidate's state ('Paris' and 'Henry
# County' meet in Tennessee), up to SHARED_CAP of them, looking at each name's first
# SHARED_CANDIDATES readings: the readings that keep a local story in one state win.
W_SHARED = 0.75
SHARED_CAP = 3
SHARED_CANDIDATES = 30

# When the prior alone decided: a rival reading is one the context did not rule out, at least
# FAR_KM from the choice (closer, the marker would be in about the same place: a city and the
# province named after it) and within CLOSE_CALL of its score (2.0 = a hundredfold population:
# 'Paris' alone is no doubt, 'Birmingham' alone is).
FAR_KM = 250.0

CLOSE_CALL = 2.0
_EPSILON = 1e-9


def resolve_places(entities: list[Entity], text: str, coverage: Sequence[str] = ()) -> list[Place]:
    """One ``Place`` per GPE/LOC/FAC entity the gazetteer can place, in entity order.

    Entities without a plausible candidate (a hospital, a misrecognised
    name) get no place rather than a far-fetched one. ``coverage``: the site's
    coverage area (ISO codes, ``geo.bias``), a mild lean for ambiguous names.
    """
    from briefing.geo.seats import demonym_place, seat_in_context, seat_item, street_places

    gaz = gazetteer()
    items = [_item(gaz, e, text) for e in entities if e.type in PLACE_TYPES]
    items = [it for it in items if it.candidates]
    _hint_from_lists(items, text)
    own = {it.entity.id for it in items}
    seated = [e for e in entities if e.type in ("ORG", "EVENT") or (e.type == "FAC" and e.id not in own)]
    seats = [it for it in (seat_item(gaz, e, text) for e in seated) if it is not None]
    # -- coverage and public bodies (geo.bias): one extra term of _score, nothing else --
    bias = area_bias(gaz, coverage, entities)
    for it in items + seats:
        it.bias = bias or None
    demonym_votes = _demonym_votes(gaz, text)
    for it in items:  # pass 1: priors, local hints, demonyms
        it.choice = _best(it, _Context(demonym_votes, Counter(), []))
    for last in (False, True):  # pass 2+: the other entities' choices are the context
        choices = [(it, it.choice) for it in items]
        for it in items + (seats if last else []):  # a seat takes the context, gives none
            ctx = _context(demonym_votes, [(o, c) for o, c in choices if o is not it])
            ranked = _ranked(it, ctx)
            it.choice = ranked[0][1] if ranked else None
            if last:
                it.rivals = _rivals(ranked)
    placed = [it for it in items if it.choice is not None]
    placed = [it for it in placed if not _stray(it, placed, text)]
    countries = {it.choice.country for it in placed}
    placed += [it for it in seats if seat_in_context(it, placed)]
    places = [_place(it.entity, it.choice, it.rivals) for it in placed]
    states = {normalize(c.admin1) for c in (it.choice for it in placed) if c.admin1 and c.kind != "country"}
    places += [p for p in (demonym_place(gaz, e, countries, states) for e in entities if e.type == "NORP")
               if p is not None]
    places += street_places(entities, text, placed)
    return places


def _stray(item: _Item, placed: list[_Item], text: str) -> bool:
    """A village far from all the article's other places, never written as a place, is a name.

    'Notre Dame won 91-89', 'his brother Tyler': the model's GPE or FAC matched a hamlet. When
    the article places other things, none of them in the village's state nor near it, and no
    mention of it reads 'in X', 'X police', 'X, State', it stays off the map. A facility's name
    ('Heathrow airport' in a story from London, 'Washington Square' in one from New Orleans)
    matched to a town of up to 100,000 people far from the story is the facility, whatever
    its words: the gazetteer has no airports, squares or parks.
    """
    c = item.choice
    facility = item.entity.type == "FAC"
    if c is None or c.kind != "city" or item.entity.source != "model":
        return False
    if c.prior >= (FACILITY_PRIOR if facility else STRAY_PRIOR):
        return False
    others = [o.choice for o in placed if o is not item and o.choice is not None]
    if not others or item.qualifiers or item.kind_hint:
        return False
    if any(o.country == c.country and o.admin1 == c.admin1 and o.kind != "country" for o in others):
        return False
    if any(_km(c.lat, c.lon, o.lat, o.lon) < NEAR_KM for o in others if o.kind != "country"):
        return False
    # 'at Heathrow airport' reads as a place whatever the facility is: only a town's words count
    return facility or not any(reads_as_place_at(text, m) for m in item.entity.mentions)


# -- context ---------------------------------------------------------------------------------------


@dataclass
class _Context:
    countries: Counter
    admin1s: Counter
    points: list[tuple[float, float]]
    shared: Counter = field(default_factory=Counter)  # (country, admin1) -> other entities that can lie there


def _demonym_votes(gaz: Gazetteer, text: str) -> Counter:
    """Countries the article's demonyms point at ('Iraqi forces' supports Iraq)."""
    table = gaz.demonyms()
    votes: Counter = Counter()
    for word in _WORD.findall(text):
        if word[0].isupper():
            cc = table.get(normalize(word))
            if cc:
                votes[cc] += 1
    return votes


def _context(demonyms: Counter, others: list[tuple[_Item, Candidate | None]]) -> _Context:
    countries: Counter = Counter({cc: 0.5 * n for cc, n in demonyms.items()})
    admin1s: Counter = Counter()
    points: list[tuple[float, float]] = []
    for item, choice in others:
        if choice is None:
            continue
        weight = len(item.entity.mentions) or 1
        if choice.country:
            countries[choice.country] += weight
        if choice.admin1 and choice.kind != "country" and not (choice.kind == "city"
                                                               and choice.population >= METROPOLIS):
            admin1s[(choice.country, choice.admin1)] += weight
        if choice.kind in ("city", "admin1") or choice.feature == "ADM2":
            points.append((choice.lat, choice.lon))
    shared: Counter = Counter()
    for item, _ in others:
        shared.update({(c.country, c.admin1) for c in item.candidates[:SHARED_CANDIDATES]
                       if not c.alias and c.admin1 and c.kind in ("city", "region", "admin1")})
    return _Context(countries, admin1s, points, shared)


def _best(item: _Item, ctx: _Context) -> Candidate | None:
    """The candidate with the highest prior plus evidence (ties: id order, for determinism)."""
    ranked = _ranked(item, ctx)
    return ranked[0][1] if ranked else None


def _ranked(item: _Item, ctx: _Context) -> list[tuple[float, Candidate]]:
    """The candidates with their scores, best first (ties: id order, for determinism)."""
    top_country = max(ctx.countries.items(), key=lambda kv: (kv[1], kv[0]))[0] if ctx.countries else None
    scored = [(_score(c, item, ctx, top_country), c.id, c) for c in item.candidates[:60]]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [(score, c) for score, _, c in scored]


def _rivals(ranked: list[tuple[float, Candidate]]) -> list[Candidate]:
    """Far-apart readings that only the population prior put behind the choice, best first.

    A rival got at least as much evidence from the article as the choice (so the context did
    not decide), is within ``CLOSE_CALL`` of its score and at least ``FAR_KM`` from it and from
    every better rival (one marker per doubt). Alternate-name matches never count: their malus
    says they are rarely meant; nor does a reading inside the chosen country (or the country
    around the chosen place: the State of Mexico and Mexico), where the country is right either way.
    """
    if not ranked:
        return []
    top_score, top = ranked[0]
    evidence = top_score - top.prior
    out: list[Candidate] = []
    for score, c in ranked[1:]:
        if top_score - score >= CLOSE_CALL:
            break
        if c.alias or score - c.prior + _EPSILON < evidence or _nested(top, c):
            continue
        if all(_km(c.lat, c.lon, o.lat, o.lon) >= FAR_KM for o in (top, *out)):
            out.append(c)
    return out


def _score(c: Candidate, item: _Item, ctx: _Context, top_country: str | None) -> float:
    score = c.prior
    if item.qualifiers and any(_within(c, q) for q in item.qualifiers):
        score += W_QUALIFIER
    if item.kind_hint and (c.kind == item.kind_hint or c.feature == item.kind_hint):
        score += W_KIND_HINT
    if c.country and ctx.countries.get(c.country, 0) > 0:
        score += W_COUNTRY
        if c.country == top_country:
            share = ctx.countries[c.country] / sum(ctx.countries.values())
            score += W_TOP_COUNTRY * share
    if c.alias:  # an alternate name is weak evidence: context must not lift it over the main reading
        return score
    if item.bias is not None:  # the site's coverage, the article's public bodies (geo.bias)
        score += item.bias.bonus(c)
    if _namesake_of_division(c, item, ctx):
        return score
    if c.kind != "country" and c.admin1 and ctx.admin1s.get((c.country, c.admin1), 0) > 0:
        score += W_ADMIN1 if c.kind != "admin1" else W_ADMIN1 / 2
    if c.kind in ("city", "region", "admin1") and c.admin1:
        score += W_SHARED * min(ctx.shared.get((c.country, c.admin1), 0), SHARED_CAP)
    if c.kind in ("city", "region"):
        near = min((_km(c.lat, c.lon, la, lo) for la, lo in ctx.points if (la, lo) != (c.lat, c.lon)),
                   default=math.inf)
        if near < NEAR_KM:
            score += W_NEAR
            if near < CLOSE_KM and (c.kind == "city" or c.feature == "ADM2"):
                score += W_NEAR
    return score


def _namesake_of_division(c: Candidate, item: _Item, ctx: _Context) -> bool:
    """A town named like a first-level division of its own country ('Florida', New York; 'Wales',
    England), with nothing in the text that singles the town out ('Florida, N.Y.', 'the town of').

    The state, the town and the article share the country, so the country evidence is a tie, and
    the evidence that would lift the town (its own state named, neighbours, nearness) is what any
    story set in that country gives: such a town wins on a qualifier or a kind hint only. Not
    the gazetteer's preferred reading of the name (New York City): that one is what it means.
    The same holds abroad when the story names the division's country ('Ontario' beside Canada is
    the province, not the town in Ohio, even with Ohio named).
    """
    if c.kind != "city" or c.preferred or item.kind_hint == "city":
        return False
    if c.country not in item.division_countries and not any(
            ctx.countries.get(cc, 0) > 0 for cc in item.division_countries):
        return False
    return not (item.qualifiers and any(_within(c, q) for q in item.qualifiers))


def _nested(a: Candidate, b: Candidate) -> bool:
    """One is a country and the other lies in it."""
    return a.country == b.country and "country" in (a.kind, b.kind)


def _within(c: Candidate, q: Candidate) -> bool:
    if c.id == q.id:
        return False
    if q.kind == "country":
        return c.country == q.country
    return c.country == q.country and c.admin1 == q.admin1


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(entity: Entity, c: Candidate, rivals: list[Candidate] | None = None) -> Place:
    best = rivals[0] if rivals else None
    runner_up = reading(best) if best is not None else None
    return Place(entity=entity.id, name=c.name, lat=round(c.lat, 4), lon=round(c.lon, 4), kind=c.kind,
                 country=c.country, source="gazetteer", alternatives=len(rivals) if rivals else None,
                 runner_up=runner_up)


def reading(c: Candidate) -> Reading:
    """A gazetteer candidate as the annotations record it (coordinates rounded like places)."""
    return Reading(name=c.name, lat=round(c.lat, 4), lon=round(c.lon, 4), kind=c.kind, country=c.country,
                   admin1=c.admin1 if c.kind not in ("country", "admin1") else None)
