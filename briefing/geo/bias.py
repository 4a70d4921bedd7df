"""Where an article's ambiguous place names lean before its own places vote: the site's coverage
area and the public bodies the article names.

Two kinds of evidence that the resolver's context (``resolve._context``, built from the other
*places* of the article) does not see:

- **Coverage**: a site that covers Cumbria (``coverage: [GB]``) means Lancaster, England when it
  says "Lancaster"; a site that covers Georgia (``coverage: [US-GA]``) means the state when it
  says "Georgia". A mild prior, weaker than what the article itself says: a qualifier ("Paris,
  Texas"), a state or a country named nearby still wins over it.
- **Public bodies**: "Cumbria County Council", "Lancashire Police", "the Atlanta Police
  Department" are organisations, so their place never reaches the resolver's context, yet they
  say where the story happens as plainly as "in Cumbria" does. Their place votes for its
  country and first-level division, when the gazetteer knows it in one country only (so an
  ambiguous body, "Cumberland Council" where the gazetteer knows only American and Canadian
  Cumberlands, never drags the story abroad).

Coverage codes are ISO 3166-1 alpha-2 countries (``GB``) or a country and the gazetteer's code
of a first-level division (``US-GA``, ``GB-SCT``: ISO 3166-2 for US states and the UK's nations,
which GeoNames uses too). ``coverage_problem`` says what is wrong with one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.geo.gazetteer import Candidate, Gazetteer, normalize
from briefing.model import Entity

# On the scale of ``gazetteer.prior_score`` (log10 population + kind bonus), beside
# ``resolve.W_COUNTRY`` (2.0) and ``resolve.W_TOP_COUNTRY`` (2.0): coverage moves a close call
# (Lancaster, CA 161,000 vs Lancaster, England 47,000: 0.5 apart) but not a story the article
# places elsewhere (a named country or state gives 2.0 to 4.5).
W_COVERAGE = 1.5
W_COVERAGE_ADMIN1 = 1.0  # on top, for a candidate in a covered first-level division
W_BODY_COUNTRY = 2.0  # as a country the article names (resolve.W_COUNTRY)
W_BODY_ADMIN1 = 2.5  # as a state or province the article names (resolve.W_ADMIN1)

_CODE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?")
# "<place> ... <designator>": the public bodies of local government and the emergency services.
_BODY = re.compile(
    r"^(?:the\s+)?(?P<place>.+?)\s+(?:(?:county|city|borough|district|town|parish|regional|"
    r"metropolitan|shire|unitary)\s+)?(?:council|police(?:\s+department)?|constabulary|"
    r"fire(?:\s+and|\s*&)\s+rescue(?:\s+service)?|sheriff'?s?\s+office|police\s+service)$",
    re.IGNORECASE,
)


def coverage_problem(code: object, gaz: Gazetteer) -> str | None:
    """Why ``code`` is no coverage area the gazetteer knows (None when it is one)."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return f"{code!r} is not a country code such as GB or a division such as US-GA"
    cc, division = _CODE.fullmatch(code).groups()
    if gaz.country(cc) is None:
        return f"{code!r}: no country {cc} in the gazetteer (ISO 3166-1 alpha-2 codes: GB, US, IE, ...)"
    if division and f"{cc}.{division}" not in gaz.meta["admin1"]:
        known = sorted(k.split(".", 1)[1] for k in gaz.meta["admin1"] if k.startswith(cc + "."))[:8]
        return f"{code!r}: no division {division} of {cc} in the gazetteer (e.g. {', '.join(known)})"
    return None


@dataclass(frozen=True)
class AreaBias:
    """Bonus per candidate for lying in the site's coverage or where the article's public bodies are."""

    countries: frozenset[str] = frozenset()
    admin1s: frozenset[tuple[str, str]] = frozenset()  # (country, division name)
    body_countries: frozenset[str] = frozenset()
    body_admin1s: frozenset[tuple[str, str]] = frozenset()

    def bonus(self, c: Candidate) -> float:
        score = 0.0
        if c.country in self.countries:
            score += W_COVERAGE
        inside = c.kind != "country" and c.admin1 is not None
        if inside and (c.country, c.admin1) in self.admin1s:
            score += W_COVERAGE + W_COVERAGE_ADMIN1 if c.country not in self.countries else W_COVERAGE_ADMIN1
        if c.country in self.body_countries:
            score += W_BODY_COUNTRY
        if inside and (c.country, c.admin1) in self.body_admin1s:
            score += W_BODY_ADMIN1 if c.kind != "admin1" else W_BODY_ADMIN1 / 2
        return score

    def __bool__(self) -> bool:
        return bool(self.countries or self.admin1s or self.body_countries or self.body_admin1s)


def area_bias(gaz: Gazetteer, coverage: Sequence[str], entities: Iterable[Entity]) -> AreaBias:
    """The coverage codes (unknown ones ignored: the option is checked where it is read) and the
    places of the article's public bodies, as one ``AreaBias``."""
    countries: set[str] = set()
    admin1s: set[tuple[str, str]] = set()
    for code in coverage:
        m = _CODE.fullmatch(code.strip().upper())
        if not m or gaz.country(m.group(1)) is None:
            continue
        cc, division = m.groups()
        if division is None:
            countries.add(cc)
        elif (name := gaz.meta["admin1"].get(f"{cc}.{division}")) is not None:
            admin1s.add((cc, name))
    body_countries: set[str] = set()
    body_admin1s: set[tuple[str, str]] = set()
    for e in entities:
        if e.type != "ORG":
            continue
        where = body_place(gaz, e.name)
        if where is None:
            continue
        cc, admin1 = where
        body_countries.add(cc)
        if admin1:
            body_admin1s.add((cc, admin1))
    return AreaBias(frozenset(countries), frozenset(admin1s),
                    frozenset(body_countries), frozenset(body_admin1s))


def body_place(gaz: Gazetteer, name: str) -> tuple[str, str | None] | None:
    """(country, division) of the place a public body is named after, when the gazetteer knows
    that place in one country only (and the division when in one division only); else None."""
    m = _BODY.match(" ".join(name.split()))
    if not m:
        return None
    place = m.group("place")
    cands = _main_readings(gaz, place) or _main_readings(gaz, re.sub(r"^City of\s+", "", place, flags=re.I))
    if not cands:
        return None
    countries = {c.country for c in cands}
    if len(countries) != 1 or None in countries:
        return None
    cc = countries.pop()
    divisions = {c.admin1 if c.kind != "admin1" else c.name for c in cands if c.kind != "country"}
    return cc, (divisions.pop() if len(divisions) == 1 and None not in divisions else None)


def _main_readings(gaz: Gazetteer, name: str) -> list[Candidate]:
    """The places called ``name`` by their main name (alternate names are too loose to vote)."""
    if not normalize(name):
        return []
    return [c for c in gaz.lookup(name) if not c.alias]
