"""The Natural Earth country shapes: drawn by the maps, and asked which country a point is in.

``briefing/assets/basemap.json`` is built by ``tools/build_basemap.py`` from Natural Earth
(public domain, naturalearthdata.com): arcs quantised to 0.01 degree, each vertex ranked by
the detail it carries, so the SVG maps (``render/mapsvg.py``) pick a detail level per zoom.
The same shapes, at full detail, say in which country a point lies (``country_at``): the
glossary's coordinates are checked against them (a place given as [lon, lat] lands in the
sea or in another country) and a place the editors pinned gets its country from where it is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BASEMAP_PATH = Path(__file__).resolve().parent.parent / "assets" / "basemap.json"


@dataclass(frozen=True)
class Polygon:
    country: int
    rings: tuple[tuple[int, ...], ...]  # arc references, ~i = arc i reversed
    bbox: tuple[int, int, int, int]  # west, south, east, north in quantum units


class BaseMap:
    """The decoded ``basemap.json``: absolute arcs, polygons with bounding boxes."""

    def __init__(self, document: dict) -> None:
        self.quantum: float = document["quantum"]
        self.levels: list[float] = document["levels"]
        self.source: str = document["source"]
        self.arcs: list[tuple[list[tuple[int, int]], str]] = []
        for flat, digits in zip(document["arcs"], document["arc_levels"], strict=True):
            x, y = flat[0], flat[1]
            points = [(x, y)]
            for i in range(2, len(flat), 2):
                x += flat[i]
                y += flat[i + 1]
                points.append((x, y))
            self.arcs.append((points, digits))
        self.countries: list[tuple[str | None, str]] = []
        self.polygons: list[Polygon] = []
        for index, country in enumerate(document["countries"]):
            self.countries.append((country["id"], country["name"]))
            for rings in country["polygons"]:
                points = [p for refs in rings for p in self._ring(tuple(refs), 0)]
                xs = [p[0] for p in points]
                ys = [p[1] for p in points]
                bbox = (min(xs), min(ys), max(xs), max(ys))
                self.polygons.append(Polygon(index, tuple(tuple(r) for r in rings), bbox))
        self._cache: dict[tuple[int, int], list[list[tuple[int, int]]]] = {}
        self._at: dict[tuple[float, float], int | None] = {}

    def _ring(self, refs: tuple[int, ...], level: int) -> list[tuple[int, int]]:
        """Concatenate a ring's arcs, keeping vertices of at least ``level``.

        Natural Earth cuts shapes at the antimeridian, but the TopoJSON rings
        of Russia and Fiji still jump from +180 to -180 and back. Such a ring
        is unwrapped (longitudes continued past 180) so that it is one planar
        shape; a ring around a pole (Antarctica) does not close when
        unwrapped and is kept as it is.
        """
        threshold = str(level)
        ring: list[tuple[int, int]] = []
        for ref in refs:
            points, digits = self.arcs[ref if ref >= 0 else ~ref]
            kept = [p for p, d in zip(points, digits, strict=True) if d >= threshold]
            if ref < 0:
                kept.reverse()
            ring.extend(kept[1:] if ring else kept)
        half_turn = round(180 / self.quantum)
        if all(abs(b[0] - a[0]) <= half_turn for a, b in zip(ring, ring[1:], strict=False)):
            return ring
        unwrapped = [ring[0]]
        shift = 0
        for (x0, _), (x1, y1) in zip(ring, ring[1:], strict=False):
            if x1 - x0 > half_turn:
                shift -= 2 * half_turn
            elif x0 - x1 > half_turn:
                shift += 2 * half_turn
            unwrapped.append((x1 + shift, y1))
        return unwrapped if shift == 0 else ring

    def rings(self, polygon: int, level: int) -> list[list[tuple[int, int]]]:
        """A polygon's rings at one detail level (memoised: maps re-use levels)."""
        key = (polygon, level)
        cached = self._cache.get(key)
        if cached is None:
            cached = [self._ring(refs, level) for refs in self.polygons[polygon].rings]
            self._cache[key] = cached
        return cached

    def level_for(self, tolerance_degrees: float) -> int:
        """Coarsest level whose simplification stays within the tolerance."""
        level = 0
        for k, value in enumerate(self.levels[:-1]):
            if value <= tolerance_degrees:
                level = k
        return level

    def polygon_at(self, lat: float, lon: float) -> int | None:
        """Index of the polygon containing the point (full detail, even-odd rule).

        Remembered per point: the same places (capitals, big cities) recur in
        article after article, and the ring test is a costly part of a map.
        """
        key = (lat, lon)
        if key not in self._at:
            if len(self._at) > 100_000:
                self._at.clear()
            self._at[key] = self._polygon_at(lat, lon)
        return self._at[key]

    def _polygon_at(self, lat: float, lon: float) -> int | None:
        y = lat / self.quantum
        base = ((lon + 180.0) % 360.0 - 180.0) / self.quantum
        for index, polygon in enumerate(self.polygons):
            west, south, east, north = polygon.bbox
            if not south <= y <= north:
                continue
            for x in (base, base + 360.0 / self.quantum):  # unwrapped shapes reach past 180
                if west <= x <= east:
                    inside = False
                    for ring in self.rings(index, 0):
                        inside ^= point_in_ring(x, y, ring)
                    if inside:
                        return index
        return None


def point_in_ring(x: float, y: float, ring: list[tuple[int, int]]) -> bool:
    """Ray casting; the ring is closed (first point repeated last)."""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


@lru_cache(maxsize=1)
def basemap() -> BaseMap:
    """Load and decode the base map once per process."""
    return BaseMap(json.loads(BASEMAP_PATH.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- countries of points

EARTH_KM = 6371.0088
# How far from a gazetteer place's point a coordinate may lie and still be that place, by kind:
# a city's point is its centre; an admin1's, a region's or a feature's lies somewhere in a large
# shape. A country is matched by its shape instead (see ``is_there``).
REACH_KM = {"city": 50.0, "admin1": 1500.0, "region": 2000.0, "feature": 1000.0, "country": 1000.0}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def _country_codes() -> dict[int, str]:
    """Base-map country (its index) -> ISO 3166-1 alpha-2 code, from the gazetteer's countries.

    The shapes carry Natural Earth's short names ('Dem. Rep. Congo', 'Bosnia and Herz.') and
    numeric codes; the gazetteer has alpha-2 codes, full names and a centre point. The same name
    decides first; a shape left over takes the country whose centre lies in it and whose name
    matched no other shape (Croatia's centre lies in Bosnia's shape, but Croatia has its own).
    """
    from .gazetteer import gazetteer

    shapes = basemap()
    countries = gazetteer().meta["countries"]
    by_name = {row[1]: code for code, row in countries.items()}
    codes = {i: by_name[name] for i, (_, name) in enumerate(shapes.countries) if name in by_name}
    taken = set(codes.values())
    for code, row in sorted(countries.items()):
        polygon = None if code in taken else shapes.polygon_at(float(row[2]), float(row[3]))
        if polygon is not None:
            codes.setdefault(shapes.polygons[polygon].country, code)
    return codes


def on_land(lat: float, lon: float) -> bool:
    """Whether the point lies in a country's shape (the shapes are quantised to 0.01 degree:
    a point on the shore may fall just outside)."""
    return basemap().polygon_at(lat, lon) is not None


def country_at(lat: float, lon: float) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country the point lies in; None at sea (or in the few
    shapes without a code of their own, such as Somaliland)."""
    shapes = basemap()
    polygon = shapes.polygon_at(lat, lon)
    return None if polygon is None else _country_codes().get(shapes.polygons[polygon].country)


def is_there(cand, lat: float, lon: float) -> bool:
    """Whether a point can be the gazetteer place ``cand``: in its shape (a country), within
    reach of its point and not in another country (an admin1), within reach (the rest)."""
    distance = km(cand.lat, cand.lon, lat, lon)
    if cand.kind in ("country", "admin1"):
        here = country_at(lat, lon)
        if here is not None:
            return here == cand.country and (cand.kind == "country" or distance <= REACH_KM["admin1"])
        return distance <= REACH_KM[cand.kind]  # at sea, or just off a quantised shore
    return distance <= REACH_KM.get(cand.kind, REACH_KM["city"])


def candidate_at(cands, lat: float, lon: float):
    """The first of ``cands`` (gazetteer candidates, best first) that the point can be, or None."""
    return next((c for c in cands if is_there(c, lat, lon)), None)
