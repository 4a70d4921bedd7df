"""One place entity's candidates and the hints its own words give, before any context votes.

The names to look up for a mention ('northern Iraq' is Iraq, 'Anbar province' is Anbar, with
the kind the designator says), the qualifier written after it ('Paris, Tenn.'), and the level a
list lends it ('California or Washington'). ``resolve`` then lets the article's other places vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.geo.bias import AreaBias
from briefing.geo.features import lookup_surfaces
from briefing.geo.gazetteer import Candidate, Gazetteer, normalize
from briefing.model import Entity

# Designators after a name that say what kind of place it is.
_DESIGNATORS = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "county": "ADM2", "parish": "ADM2",
    "city": "city", "town": "city", "village": "city", "district": None, "area": None,
}
_DIRECTIONS = ("central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
               "northeast", "northwest", "southeast", "southwest", "north east", "north west", "south east",
               "south west", "northeastern", "northwestern", "southeastern", "southwestern", "downtown",
               "greater", "metro", "metropolitan", "upstate", "rural", "coastal", "inner", "outer",
               "mid", "upper", "lower")
_DIRECTION_RE = re.compile(r"^(?:{})\s+".format("|".join(sorted(_DIRECTIONS, key=len, reverse=True))))
_DESIGNATOR_RE = re.compile(r"\s+(?:{})$".format("|".join(_DESIGNATORS)))
_AFTER_DESIGNATOR = re.compile(r"^\s+({})\b".format("|".join(_DESIGNATORS)), re.IGNORECASE)
_QUALIFIER = re.compile(r"^\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*\.?){0,3})")
_SAINT = re.compile(r"^(?:St\.?|Saint)\s", re.IGNORECASE)
# A reading this far ahead of every reading of another level (2.0 = a hundredfold population)
# is the name's level for sure.
SURE_MARGIN = 2.0


@dataclass
class _Item:
    """One place entity being resolved, with its candidates and local hints."""

    entity: Entity
    candidates: list[Candidate]
    kind_hint: str | None = None
    qualifiers: list[Candidate] = field(default_factory=list)
    choice: Candidate | None = None
    rivals: list[Candidate] = field(default_factory=list)
    bias: AreaBias | None = None  # the site's coverage and the article's public bodies (geo.bias)
    # Countries where the name is a first-level division by its main name ('Florida': US).
    division_countries: frozenset[str] = frozenset()


def _forms(name: str) -> list[tuple[str, str | None]]:
    """Names to look up for a surface form, with the kind a stripped designator implies."""
    # "Iraq's" is Iraq, but "St. Peter's" is a church (or school, hospital), not Saint Peter.
    name = name.strip()
    if not _SAINT.match(name):
        name = re.sub(r"['’]s$", "", name)
    key = normalize(name)
    out: list[tuple[str, str | None]] = [(key, None)]
    base = _DIRECTION_RE.sub("", key)
    if base != key:
        out.append((base, None))
    for form in (key, base):
        m = _DESIGNATOR_RE.search(form)
        if m:
            word = m.group(0).strip()
            out.append((form[: m.start()], _DESIGNATORS[word]))
    return out


def _item(gaz: Gazetteer, entity: Entity, text: str) -> _Item:
    surfaces = lookup_surfaces(gaz, entity)  # a river's bare mentions are no county (geo.features)
    cands: dict[str, Candidate] = {}
    kind_hint = None
    for surface in surfaces:
        for form, hint in _forms(surface):
            found = gaz.lookup(form)
            if found:
                for c in found:
                    cands.setdefault(c.id, c)
                kind_hint = kind_hint or hint
                break
    item = _Item(entity, sorted(cands.values(), key=lambda c: (-c.prior, c.id)), kind_hint)
    item.division_countries = frozenset(c.country for c in item.candidates
                                        if c.kind == "admin1" and not c.alias and c.country)
    for m in entity.mentions:
        after = text[m.end: m.end + 60]
        d = _AFTER_DESIGNATOR.match(after)
        if d and item.kind_hint is None:
            item.kind_hint = _DESIGNATORS[d.group(1).lower()]
        q = _QUALIFIER.match(after)
        if q:
            item.qualifiers += [c for c in _qualifier_candidates(gaz, q.group(1))]
    return item


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


def _hint_from_lists(items: list[_Item], text: str) -> None:
    """'California or Washington', 'Armenia and Georgia': names listed together are of one level.

    A name whose first reading is a state (or a country), listed next to an ambiguous one, lends
    it that level as a kind hint, as 'Washington state' would; a list of cities says nothing
    ('New York and Washington'), nor does a name that already carries a designator.
    """
    at = sorted((m.start, m.end, it) for it in items for m in it.entity.mentions)
    for (_, a_end, a), (b_start, _, b) in zip(at, at[1:], strict=False):
        if a is b or not _LIST_GAP.fullmatch(text[a_end:b_start]):
            continue
        for one, other in ((a, b), (b, a)):
            level = _sure_level(other)
            if one.kind_hint is None and level is not None:
                one.kind_hint = level


def _sure_level(item: _Item) -> str | None:
    """'admin1' or 'country' when the name's best reading by far is one ('California', 'Iraq')."""
    if not item.candidates or item.kind_hint is not None:
        return None
    top = item.candidates[0]
    if top.alias or top.kind not in ("admin1", "country"):
        return None
    if any(c.kind != top.kind and top.prior - c.prior < SURE_MARGIN for c in item.candidates[1:]):
        return None
    return top.kind


def _qualifier_candidates(gaz: Gazetteer, phrase: str) -> list[Candidate]:
    """Countries and divisions a ', X' after a mention can name (longest prefix that matches)."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        found = [c for c in gaz.lookup(" ".join(words[:n])) if c.kind in ("country", "admin1")]
        if found:
            return found
    return []
