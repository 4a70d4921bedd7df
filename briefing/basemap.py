"""The Natural Earth country shapes, decoded: drawn by the maps, asked which polygon a point is in.

``briefing/assets/basemap.json`` is built by ``tools/build_basemap.py`` from Natural Earth
(public domain, naturalearthdata.com): arcs quantised to 0.01 degree, each vertex ranked by
the detail it carries, so the SVG maps (``render/mapview.py``, ``render/mapsvg.py``) pick a
detail level per zoom. A shared module of its own: the renderer draws the shapes and the geo
stage (``geo/basemap.py``) checks coordinates against them, and neither may import the other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BASEMAP_PATH = Path(__file__).resolve().parent / "assets" / "basemap.json"


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
        """Concatenate a ring's arcs, keeping vertices of at least ``level``; unwrapped if need be.

        Natural Earth cuts shapes at the antimeridian, but the TopoJSON rings
        of Russia and Fiji still jump from +180 to -180 and back. Such a ring
        is unwrapped (longitudes continued past 180) so that it is one planar
        shape; a ring around a pole (Antarctica) does not close when
        unwrapped and is kept as it is.
        """
        joined = self._joined(refs, level)
        return self._unwrap(joined) or joined

    def unwrapped_ring(self, refs: tuple[int, ...], level: int) -> list[tuple[int, int]] | None:
        """The ring with longitudes continued past 180, or None when its arcs need no unwrapping.

        The browser's copy of the shapes (``render/basemapjs.py``) carries such rings whole, so
        that the script only joins arcs and never repeats this geometry.
        """
        return self._unwrap(self._joined(refs, level))

    def _joined(self, refs: tuple[int, ...], level: int) -> list[tuple[int, int]]:
        threshold = str(level)
        ring: list[tuple[int, int]] = []
        for ref in refs:
            points, digits = self.arcs[ref if ref >= 0 else ~ref]
            kept = [p for p, d in zip(points, digits, strict=True) if d >= threshold]
            if ref < 0:
                kept.reverse()
            ring.extend(kept[1:] if ring else kept)
        return ring

    def _unwrap(self, ring: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        half_turn = round(180 / self.quantum)
        if all(abs(b[0] - a[0]) <= half_turn for a, b in zip(ring, ring[1:], strict=False)):
            return None
        unwrapped = [ring[0]]
        shift = 0
        for (x0, _), (x1, y1) in zip(ring, ring[1:], strict=False):
            if x1 - x0 > half_turn:
                shift -= 2 * half_turn
            elif x0 - x1 > half_turn:
                shift += 2 * half_turn
            unwrapped.append((x1 + shift, y1))
        return unwrapped if shift == 0 else None

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
