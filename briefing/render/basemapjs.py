"""The country shapes for the interactive (Leaflet) map, as a classic script.

Pages must work from ``file://``, where ``fetch`` of a JSON file is refused,
so the shapes travel as ``basemap.js`` assigning ``window.BRIEFING_BASEMAP``.
It is generated from ``briefing/assets/basemap.json`` (the same Natural Earth
data as the static SVG maps, so both layers agree) whenever the site is
built, instead of being a second copy in the repository that could go stale.

Why this format: the script is loaded once per site and cached, but it
should still be small. The topology is kept (a border is stored once and
shared by both neighbours), and each arc is written as one string in the
Encoded Polyline Algorithm (zig-zag signed integers in 5-bit groups, chars
63..126): about 1.7 characters per coordinate instead of 3.5 for JSON
numbers. ``assets/map.js`` decodes it; Leaflet then simplifies per zoom.

A ring that crosses the antimeridian (Russia's, Fiji's) is written whole, already unwrapped
(longitudes continued past 180, as ``briefing/basemap.py`` does for the static maps), so that
the script only joins arcs and keeps no copy of that geometry.

Format ``briefing-basemap-js/2``::

    window.BRIEFING_BASEMAP = {
      "format": ..., "source": ..., "license": ..., "quantum": 0.01,
      "arcs": ["<x0 y0 dx1 dy1 ...>", ...],          # integers in quantum units, lon before lat
      "countries": [[name, iso_numeric_or_null, [[ring, ...], ...]], ...]
    };                                   # ring: arc refs (~i reversed), or one encoded unwrapped ring
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..basemap import BASEMAP_PATH, basemap

__all__ = ["FORMAT", "basemap_script", "decode_polyline", "encode_polyline"]

FORMAT = "briefing-basemap-js/2"
# Detail level of basemap.json kept for the browser: 0 keeps every vertex
# (0.015 degree build tolerance), which stays crisp up to the map's maxZoom.
DEFAULT_LEVEL = 0


def encode_polyline(values: list[int]) -> str:
    """Google's Encoded Polyline Algorithm on integers (no scaling: they are already quantised)."""
    out: list[str] = []
    for value in values:
        v = ~(value << 1) if value < 0 else value << 1
        while v >= 0x20:
            out.append(chr((0x20 | (v & 0x1F)) + 63))
            v >>= 5
        out.append(chr(v + 63))
    return "".join(out)


def decode_polyline(text: str) -> list[int]:
    """Inverse of ``encode_polyline`` (the browser's decoder does the same)."""
    values: list[int] = []
    shift = result = 0
    for char in text:
        b = ord(char) - 63
        result |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    return values


def _arc_values(flat: list[int], digits: str, level: int) -> list[int]:
    """An arc's vertices of at least ``level``, re-delta-encoded: ``[x0, y0, dx1, dy1, ...]``.

    Endpoints have the top level, so every arc keeps both ends and rings still close.
    """
    threshold = str(level)
    x, y = flat[0], flat[1]
    kept = [(x, y)] if digits[0] >= threshold else []
    for i, digit in zip(range(2, len(flat), 2), digits[1:], strict=True):
        x += flat[i]
        y += flat[i + 1]
        if digit >= threshold:
            kept.append((x, y))
    out = [kept[0][0], kept[0][1]]
    for (x0, y0), (x1, y1) in zip(kept, kept[1:], strict=False):
        out += [x1 - x0, y1 - y0]
    return out


def _flat(points: list[tuple[int, int]]) -> list[int]:
    """Absolute points as ``[x0, y0, dx1, dy1, ...]``, the arcs' own encoding."""
    out = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        out += [x1 - x0, y1 - y0]
    return out


def _polygons(country: dict, level: int) -> list:
    """A country's polygons for the script: arc refs, or the encoded ring where it is unwrapped."""
    shapes = basemap()
    out = []
    for rings in country["polygons"]:
        kept = []
        for refs in rings:
            unwrapped = shapes.unwrapped_ring(tuple(refs), level)
            kept.append(refs if unwrapped is None else encode_polyline(_flat(unwrapped)))
        out.append(kept)
    return out


@lru_cache(maxsize=4)
def basemap_script(level: int = DEFAULT_LEVEL) -> str:
    """The whole ``basemap.js`` text: deterministic (same basemap.json, same bytes).

    One arc or country per line so that a change in the data shows as a
    readable diff; the credit comes first.
    """
    document = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))

    def dump(value: object) -> str:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    arcs = [
        dump(encode_polyline(_arc_values(flat, digits, level)))
        for flat, digits in zip(document["arcs"], document["arc_levels"], strict=True)
    ]
    countries = [dump([c["name"], c["id"], _polygons(c, level)]) for c in document["countries"]]
    header = {
        "format": FORMAT,
        "source": f"{document['source']}; detail level {level}, polyline-encoded (briefing.render.basemapjs)",
        "license": document["license"],
        "quantum": document["quantum"],
    }
    head = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in header.items())
    return (
        "/* Country shapes for the briefing map. Natural Earth (public domain); see the source field. */\n"
        "window.BRIEFING_BASEMAP={\n"
        f"{head},\n"
        '"arcs":[\n' + ",\n".join(arcs) + "\n],\n"
        '"countries":[\n' + ",\n".join(countries) + "\n]\n"
        "};\n"
    )


if __name__ == "__main__":  # pragma: no cover - a convenience to inspect the output
    import sys

    sys.stdout.write(basemap_script(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LEVEL))
