"""Online geocoders through geopy, behind a committed cache: optional, rate-limited, failing soft.

The extraction pipeline resolves places offline (glossary, embedded
gazetteer) and its results go into the snapshots. Sites that want more
precision (a hospital, a street) name geopy services in ``mkdocs.yml``;
places still unresolved (or all places, when an online service is listed
before ``gazetteer``) are then looked up:

    cache  ->  geopy service (e.g. nominatim), one request per ``min_delay_seconds``

Every answer, found or not found, is stored in a sorted YAML cache that is
committed with the site, so builds are reproducible offline and reviewers
see coordinate changes. An outage (timeout, 429, 5xx, a garbled answer) is
never cached: the place stays unresolved with a warning and the next build
asks again.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_atomic
from ..model import PLACE_TYPES, Annotations, Place

log = logging.getLogger("briefing")

OFFLINE = ("gazetteer",)  # the embedded resolver's name in the chain
CACHE_HEADER = ("# Geocoder answers, written by `briefing`: one entry per service and query, sorted.\n"
                "# Commit it: builds stay reproducible offline. null = the service knows no such place.\n"
                "# Edit a coordinate here to correct it, or better, in the glossary.\n")


class GeocoderConfigError(ValueError):
    """A geocoder named in the configuration cannot be set up (one line)."""


class GeocoderUnavailable(RuntimeError):
    """The service did not answer usefully this time; nothing may be cached."""


@dataclass(frozen=True)
class Answer:
    """What a service said about a query (None coordinates: not found)."""

    lat: float
    lon: float
    address: str


class GeocodeCache:
    """``{service: {query: {lat, lon, address} | None}}`` in a YAML file, written atomically."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, dict | None]] = {}
        self.dirty = False
        self.problems: list[str] = []  # one line each, for the build log
        if path is not None and path.exists():
            self._load(path)

    @property
    def problem(self) -> str | None:
        return self.problems[0] if self.problems else None

    def _load(self, path: Path) -> None:
        impossible: list[str] = []
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("not a mapping")
            for service, answers in data.items():
                if not isinstance(answers, dict):
                    raise ValueError(f"'{service}' is not a mapping of queries")
                kept = {}
                for query, value in answers.items():
                    if value is not None and not _on_earth(float(value["lat"]), float(value["lon"])):
                        impossible.append(f"{query}: {value['lat']}, {value['lon']}")
                        continue  # asked again, never drawn at 'nan°S'
                    kept[str(query)] = value
                self.entries[str(service)] = kept
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, KeyError, TypeError) as e:
            # Not trusted: start empty and rewrite it from fresh answers.
            self.entries, self.dirty = {}, True
            self.problems.append(f"{path}: corrupt geocoder cache ({type(e).__name__}); it will be rebuilt")
            return
        if impossible:
            self.dirty = True
            self.problems.append(
                f"{path}: {len(impossible)} cached answer(s) with impossible coordinates ignored and asked "
                f"again ({'; '.join(impossible)[:200]})"
            )

    def get(self, service: str, query: str) -> tuple[bool, Answer | None]:
        answers = self.entries.get(service, {})
        if query not in answers:
            return False, None
        v = answers[query]
        if v is None:
            return True, None
        return True, Answer(float(v["lat"]), float(v["lon"]), str(v.get("address") or ""))

    def put(self, service: str, query: str, answer: Answer | None) -> None:
        value = None if answer is None else {"lat": round(answer.lat, 6), "lon": round(answer.lon, 6),
                                             "address": answer.address}
        if self.entries.setdefault(service, {}).get(query, "missing") != value:
            self.entries[service][query] = value
            self.dirty = True

    def save(self) -> bool:
        """Write the cache (sorted) if it changed; True when written."""
        if self.path is None or not self.dirty:
            return False
        data = {s: {q: self.entries[s][q] for q in sorted(self.entries[s])} for s in sorted(self.entries)}
        text = CACHE_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)
        self.dirty = False
        try:
            return write_atomic(self.path, text)
        except OSError as e:
            self.problems.append(f"{self.path}: cannot write the geocoder cache ({e.strerror or e})")
            return False


def _on_earth(lat: float, lon: float) -> bool:
    """Finite degrees in range: NaN and infinity fail every comparison or the range."""
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


@dataclass
class OnlineGeocoder:
    """One geopy service with its options, a rate limit and fail-soft error handling."""

    name: str
    geocoder: Any
    min_delay: float = 1.0
    _last: float = field(default=0.0, repr=False)

    @classmethod
    def from_config(cls, name: str, options: dict[str, Any] | None, user_agent: str) -> OnlineGeocoder:
        from geopy.geocoders import get_geocoder_for_service

        opts = dict(options or {})
        try:
            min_delay = float(opts.pop("min_delay_seconds", 1.0))
        except (TypeError, ValueError):
            raise GeocoderConfigError(f"geocoder '{name}': min_delay_seconds must be a number") from None
        opts.setdefault("user_agent", user_agent)
        opts.setdefault("timeout", 10)
        try:
            service = get_geocoder_for_service(name)
        except Exception as e:  # geopy raises GeocoderNotFound; keep the user's words
            raise GeocoderConfigError(f"geocoder '{name}': {e}") from None
        try:
            geocoder = service(**opts)
        except Exception as e:  # geopy services validate their options in many ways
            raise GeocoderConfigError(f"geocoder '{name}': bad options ({e})") from None
        return cls(name=name, geocoder=geocoder, min_delay=max(min_delay, 0.0))

    def lookup(self, query: str) -> Answer | None:
        """The service's answer, None when it knows no such place; raises GeocoderUnavailable."""
        from geopy import exc

        wait = self._last + self.min_delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            location = self.geocoder.geocode(query, exactly_one=True)
        except (exc.GeopyError, ValueError, KeyError, TypeError, OSError) as e:
            raise GeocoderUnavailable(f"{self.name}: {type(e).__name__}: {str(e)[:120]}") from None
        finally:
            self._last = time.monotonic()
        if location is None:
            return None
        try:
            lat, lon = float(location.latitude), float(location.longitude)
        except (TypeError, ValueError, AttributeError):
            raise GeocoderUnavailable(f"{self.name}: answer without coordinates") from None
        if not _on_earth(lat, lon):
            raise GeocoderUnavailable(f"{self.name}: coordinates out of range ({lat}, {lon})")
        return Answer(lat, lon, str(location.address or "")[:300])


@dataclass
class Chain:
    """Where unresolved places go after the pipeline: the cache, then online services in order."""

    services: list[OnlineGeocoder]
    cache: GeocodeCache
    override: bool = False  # an online service listed before the gazetteer re-resolves every place
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_config(cls, entries: list, cache_path: Path | None, user_agent: str) -> Chain:
        """``entries``: ``["gazetteer", {"nominatim": {...options}}, ...]`` from mkdocs.yml."""
        services, override, seen_offline = [], False, False
        for item in entries or []:
            if isinstance(item, str):
                name, options = item, {}
            elif isinstance(item, dict) and len(item) == 1:
                name, options = next(iter(item.items()))
                if options is not None and not isinstance(options, dict):
                    raise GeocoderConfigError(f"geocoder '{name}': options must be a mapping")
            else:
                raise GeocoderConfigError(f"geocoders: expected a name or {{name: options}}, got {item!r}")
            if name in OFFLINE:
                seen_offline = True
                continue
            services.append(OnlineGeocoder.from_config(name, options, user_agent))
            override = override or not seen_offline
        return cls(services=services, cache=GeocodeCache(cache_path), override=override)

    def resolve(self, ann: Annotations) -> Annotations:
        """Add (or, with ``override``, replace) places from the cache and online services."""
        if not self.services:
            return ann
        placed = {p.entity: p for p in ann.places}
        for e in ann.entities:
            if e.type not in PLACE_TYPES:
                continue
            current = placed.get(e.id)
            if current is not None and (current.source == "glossary" or not self.override):
                continue
            found = self._lookup(e.name)
            if found is None:
                continue
            service, answer = found
            kind = current.kind if current else ("address" if e.type == "FAC" else "feature")
            place = Place(entity=e.id, name=e.name, lat=round(answer.lat, 6), lon=round(answer.lon, 6),
                          kind=kind, country=current.country if current else None,
                          source=service)  # the service, fresh or cached: same bytes every build
            placed[e.id] = place
        order = {e.id: i for i, e in enumerate(ann.entities)}
        ann.places = sorted(placed.values(), key=lambda p: order.get(p.entity, 0))
        return ann

    def _lookup(self, query: str) -> tuple[str, Answer] | None:
        for service in self.services:
            hit, answer = self.cache.get(service.name, query)
            if hit:
                if answer is not None:
                    return service.name, answer
                continue  # known not found there: try the next service
            try:
                answer = service.lookup(query)
            except GeocoderUnavailable as e:
                self.warnings.append(f"geocoding '{query}' failed ({e}); will retry on the next build")
                continue
            self.cache.put(service.name, query, answer)
            if answer is not None:
                return service.name, answer
        return None
