"""The embedded offline gazetteer: names to candidate places.

The data file ``data/gazetteer.zip`` is built by ``tools/build_gazetteer.py``
from GeoNames data (CC BY 4.0, see ``data/LICENSES.md``). It is a zip of
small JSON shards keyed by a CRC of the normalised name, so the first lookup
reads one shard (a few tens of kilobytes) instead of the whole gazetteer:
loading everything would cost a second or more, a shard costs milliseconds.

``Gazetteer.geocode`` answers like a geopy geocoder, so an online geocoder
and this one are interchangeable in a geocoding chain.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.zip"
SHARDS = 128  # must match tools/build_gazetteer.py
KIND_CODES = {"country": "c", "admin1": "a", "region": "r", "feature": "f", "city": "p"}
_KIND_NAMES = {v: k for k, v in KIND_CODES.items()}

KIND_ORDER = ("country", "admin1", "region", "feature", "city")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})
_DROP = re.compile(r"[.'\"]")
_SPACE = re.compile(r"[\s\-_/,;:()]+")


def normalize(name: str) -> str:
    """The matching key of a name: case, accents, dots and 'the ' do not matter.

    'U.S.', 'us' and 'US' meet; 'Côte d’Ivoire' and 'Cote d'Ivoire' meet;
    'The Hague' and 'Hague' meet. Hyphens count as spaces so that
    'Winston-Salem' and 'Winston Salem' meet too.
    """
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o")
    text = _DROP.sub("", text.lower())
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def shard_of(key: str) -> int:
    """Which shard holds a normalised name (stable across runs and platforms)."""
    return zlib.crc32(key.encode("utf-8")) % SHARDS


@dataclass(frozen=True)
class Candidate:
    """One place a name can refer to, with what a resolver needs to rank it.

    ``admin1`` is the first-level division's name (for an admin1 its own
    name), ``population`` a prior (for regions a rough salience), ``feature``
    a GeoNames-like feature code (PCLI, ADM1, ADM2, PPLC, PPL) or the kind of
    physical feature (sea, desert, ...). ``alias`` is true when the name
    matched an alternate name rather than the main one; ``preferred`` when the
    gazetteer marks this place as what the bare name usually means in news
    ('New York' the city, not the state).
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None
    population: int
    feature: str | None
    alias: bool = False
    preferred: bool = False

    @property
    def prior(self) -> float:
        """A context-free plausibility score: bigger and more prominent first."""
        return prior_score(self)


_KIND_BONUS = {"country": 2.2, "admin1": 1.2, "region": 0.8, "feature": 0.8, "city": 0.0}


def prior_score(c: Candidate) -> float:
    """Log population plus a bonus by kind: how likely a bare name means this place.

    Capitals get a bonus because news names them as the seat of government
    ('Washington'); alternate-name matches a malus because GeoNames alternate
    names include obscure historical and foreign forms.
    """
    score = math.log10(max(c.population, 1) + 1) + _KIND_BONUS.get(c.kind, 0.0)
    if c.feature == "PPLC":
        score += 3.0
    elif c.feature == "ADM2":
        score -= 0.5
    elif c.id.startswith("region:"):
        score += 1.2  # curated: listed because news names it
    if c.alias:
        score -= 3.0
    if c.preferred:
        score += 3.0
    return score


class Gazetteer:
    """Name lookups over the embedded data; shards load on first use."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        self._path = path
        self._zip: zipfile.ZipFile | None = None
        self._zip_pid = 0
        self._shards: dict[int, dict[str, list[list[Any]]]] = {}
        self._meta: dict[str, Any] | None = None
        self._lock = threading.Lock()

    # -- raw data -------------------------------------------------------------------------------

    def _archive(self) -> zipfile.ZipFile:
        # A forked worker must not share the parent's file position: reopen per process.
        if self._zip is None or self._zip_pid != os.getpid():
            self._zip = zipfile.ZipFile(self._path)
            self._zip_pid = os.getpid()
        return self._zip

    def _shard(self, index: int) -> dict[str, list[list[Any]]]:
        with self._lock:
            shard = self._shards.get(index)
            if shard is None:
                shard = json.loads(self._archive().read(f"names/{index:03d}.json"))
                self._shards[index] = shard
            return shard

    @property
    def meta(self) -> dict[str, Any]:
        """Countries (centre, demonyms), admin1 table and region names."""
        with self._lock:
            if self._meta is None:
                self._meta = json.loads(self._archive().read("meta.json"))
            return self._meta

    # -- public API -----------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (exact match after normalisation), best prior first."""
        key = normalize(name)
        if not key:
            return []
        rows = self._shard(shard_of(key)).get(key, [])
        preferred = self.meta["preferred"].get(key)
        cands = [self._candidate(row, preferred) for row in rows]
        return sorted(cands, key=lambda c: (-prior_score(c), c.id))

    def _candidate(self, row: list[Any], preferred: str | None = None) -> Candidate:
        """Decode a stored row: [id, name, lat, lon, kind letter, cc, admin1 code, pop, feature?, alias]."""
        *fields, alias = row
        fields += [None] * (9 - len(fields))
        rid, name, lat, lon, kind, cc, a1, pop, feature = fields
        if isinstance(rid, int):
            rid = f"geonames:{rid}"
        admin1 = self.meta["admin1"].get(f"{cc}.{a1}") if a1 is not None else None
        return Candidate(rid, name, float(lat), float(lon), _KIND_NAMES[kind], cc, admin1, int(pop or 0),
                         feature or ("PPL" if kind == "p" else None), alias=bool(alias),
                         preferred=rid == preferred)

    def region_names(self) -> list[str]:
        """Names and aliases of the curated regions and features (for a phrase matcher)."""
        return list(self.meta["regions"])

    def country(self, code: str) -> Candidate | None:
        """The country record for an ISO 3166-1 alpha-2 code."""
        row = self.meta["countries"].get(code)
        return Candidate(*row) if row else None

    def demonyms(self) -> dict[str, str]:
        """Normalised demonym ('iraqi', 'american') -> ISO2 country code."""
        return dict(self.meta["demonyms"])

    def admin1(self, country: str, name: str) -> Candidate | None:
        """The first-level division called ``name`` in ``country``, if any."""
        for cand in self.lookup(name):
            if cand.kind == "admin1" and cand.country == country:
                return cand
        return None

    def geocode(self, query: str, exactly_one: bool = True) -> Any:
        """geopy-compatible geocoding: ``Location`` (or a list of them), or None.

        'Paris, Texas' style queries are understood: the part after the last
        comma filters the candidates of the first part by admin1 or country.
        """
        from geopy.location import Location

        cands = self._query(query)
        if not cands:
            return None
        locs = [Location(self._address(c), (c.lat, c.lon), self._raw(c)) for c in cands]
        return locs[0] if exactly_one else locs

    # -- helpers --------------------------------------------------------------------------------

    def _query(self, query: str) -> list[Candidate]:
        parts = [p.strip() for p in query.split(",") if p.strip()]
        if not parts:
            return []
        cands = self.lookup(parts[0])
        for qualifier in parts[1:]:
            within = {(c.country, c.admin1 if c.kind != "country" else None) for c in self.lookup(qualifier)
                      if c.kind in ("country", "admin1")}
            narrowed = [c for c in cands if (c.country, c.admin1) in within or (c.country, None) in within]
            cands = narrowed or cands
        return cands

    def _address(self, c: Candidate) -> str:
        parts = [c.name]
        if c.admin1 and c.kind not in ("admin1", "country"):
            parts.append(c.admin1)
        country = self.country(c.country) if c.country and c.kind != "country" else None
        if country:
            parts.append(country.name)
        return ", ".join(parts)

    @staticmethod
    def _raw(c: Candidate) -> dict[str, Any]:
        return {"id": c.id, "name": c.name, "lat": c.lat, "lon": c.lon, "kind": c.kind,
                "country": c.country, "admin1": c.admin1, "population": c.population,
                "feature": c.feature}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (data loads lazily, shard by shard)."""
    return Gazetteer()
