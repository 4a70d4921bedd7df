#!/usr/bin/env python3
"""Build ``briefing/assets/basemap.json``, the static country map behind the SVG maps.

Source: Natural Earth 1:50m (or 1:110m) Admin 0 countries, public domain
(https://www.naturalearthdata.com/), as redistributed in TopoJSON by the npm
package ``world-atlas`` (ISC, Mike Bostock). Fetch it once, by hand::

    mkdir -p /tmp/wa && cd /tmp/wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_basemap.py /tmp/wa/package/countries-50m.json

Why a build step: the renderer runs in Python without JavaScript or new
dependencies, and the wheel should stay small. So this script decodes the
TopoJSON arcs here, quantises them to 0.01 degree, and ranks every vertex by
how much detail it carries (a Douglas-Peucker tolerance, made monotonic). The
renderer then picks a detail level per zoom by a cheap integer comparison
instead of simplifying at run time. Arcs stay shared between neighbouring
countries, so borders simplify identically on both sides (no slivers).

Output format (``format`` = ``briefing-basemap/1``), written deterministically
(fixed key order with the credit first, one arc per line, no timestamps):

* ``quantum``: degrees per integer unit (0.01).
* ``levels``: tolerance in degrees of each detail level; a vertex of level
  ``k`` survives any rendering whose tolerance is at most ``levels[k]``.
* ``arcs``: per arc, ``[x0, y0, dx1, dy1, ...]`` longitude/latitude integers,
  the first point absolute and the rest as deltas (TopoJSON style).
* ``arc_levels``: per arc, a string with one digit per vertex (its level).
* ``countries``: ``{"id": ISO 3166-1 numeric or null, "name": ...,
  "polygons": [[ring, ...], ...]}`` where a ring is a list of arc indices,
  ``~i`` (negative) meaning arc ``i`` reversed, as in TopoJSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

QUANTUM = 0.01
# Tolerances (degrees) of the detail levels. Level 0 holds every vertex kept at
# build time; the top level is reserved for arc endpoints, which never go away.
LEVELS = (0.0, 0.03, 0.06, 0.12, 0.25, 0.5, 1.0, 2.0, 4.0, 1000.0)
# Vertices carrying less detail than this are dropped from the file entirely.
BUILD_TOLERANCE = 0.015
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "briefing" / "assets" / "basemap.json"
SOURCE = (
    "Natural Earth Admin 0 countries (public domain, naturalearthdata.com), "
    "via npm world-atlas {version} ({file}); quantised to 0.01 degree and ranked for "
    "simplification by tools/build_basemap.py"
)


def decode_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """Absolute 0.01-degree integer coordinates of every TopoJSON arc.

    Consecutive duplicates (created by the coarser quantum) are removed, but an
    arc always keeps both endpoints so that rings still close.
    """
    transform = topology.get("transform")
    sx, sy = transform["scale"] if transform else (1.0, 1.0)
    tx, ty = transform["translate"] if transform else (0.0, 0.0)
    out: list[list[tuple[int, int]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[tuple[int, int]] = []
        for a, b in arc:
            x, y = (x + a, y + b) if transform else (a, b)
            lon = max(-180.0, min(180.0, x * sx + tx))
            lat = max(-90.0, min(90.0, y * sy + ty))
            point = (round(lon / QUANTUM), round(lat / QUANTUM))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) == 1:  # the whole arc fell into one cell: keep both (equal) endpoints
            points.append(points[0])
        out.append(points)
    return out


def _segment_distance(p: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> float:
    """Distance from ``p`` to segment ``ab`` (to point ``a`` when the segment is empty)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    px, py = p[0] - ax, p[1] - ay
    norm = dx * dx + dy * dy
    if norm == 0:
        return (px * px + py * py) ** 0.5
    t = max(0.0, min(1.0, (px * dx + py * dy) / norm))
    ex, ey = px - t * dx, py - t * dy
    return (ex * ex + ey * ey) ** 0.5


def importance(points: list[tuple[int, int]]) -> list[float]:
    """Douglas-Peucker tolerance (in quantum units) at which each vertex disappears.

    A child vertex can never outlive the vertex that split its segment, so the
    value is capped by the parent's: filtering ``importance >= t`` then gives
    exactly the Douglas-Peucker result for tolerance ``t``.
    """
    n = len(points)
    result = [float("inf")] * n
    if n <= 2:
        return result
    stack = [(0, n - 1, float("inf"))]
    while stack:
        first, last, cap = stack.pop()
        if last - first < 2:
            continue
        best, best_i = -1.0, first + 1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > best:
                best, best_i = d, i
        value = min(best, cap)
        result[best_i] = value
        stack.append((first, best_i, value))
        stack.append((best_i, last, value))
    return result


def level_of(value_degrees: float) -> int:
    """Highest detail level whose tolerance the vertex still survives."""
    level = 0
    for k, tolerance in enumerate(LEVELS[:-1]):
        if value_degrees >= tolerance:
            level = k
    return level


def simplify_arc(points: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str]:
    """Drop vertices below BUILD_TOLERANCE and give the others their level digit."""
    ranks = importance(points)
    kept: list[tuple[int, int]] = []
    digits: list[str] = []
    last = len(points) - 1
    for i, (point, rank) in enumerate(zip(points, ranks, strict=True)):
        if i in (0, last):
            kept.append(point)
            digits.append(str(len(LEVELS) - 1))
        elif rank * QUANTUM >= BUILD_TOLERANCE:
            kept.append(point)
            digits.append(str(level_of(rank * QUANTUM)))
    return kept, "".join(digits)


def delta_encode(points: list[tuple[int, int]]) -> list[int]:
    """``[x0, y0, dx1, dy1, ...]``: small numbers keep the JSON compact."""
    flat = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        flat += [x1 - x0, y1 - y0]
    return flat


def build(topology: dict, version: str, file_name: str) -> dict:
    """The basemap document for one world-atlas ``countries-*.json`` topology."""
    arcs, arc_levels = [], []
    for points in decode_arcs(topology):
        kept, digits = simplify_arc(points)
        arcs.append(delta_encode(kept))
        arc_levels.append(digits)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        countries.append(
            {
                "id": geometry.get("id"),
                "name": geometry.get("properties", {}).get("name", ""),
                "polygons": polygons,
            }
        )
    countries.sort(key=lambda c: (c["name"], c["id"] or ""))
    return {
        "format": "briefing-basemap/1",
        "source": SOURCE.format(version=version, file=file_name),
        "license": "Public domain (Natural Earth); TopoJSON packaging ISC (world-atlas)",
        "quantum": QUANTUM,
        "levels": list(LEVELS),
        "arcs": arcs,
        "arc_levels": arc_levels,
        "countries": countries,
    }


def serialise(document: dict) -> str:
    """Compact JSON, but header first and one arc or country per line.

    Keys keep the order ``build`` gives them (deterministic), so the credit
    line is the first thing a reader of the file sees, and a rebuild from a
    newer Natural Earth shows up as a line-by-line diff.
    """

    def dump(value: object) -> str:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    lines = ["{"]
    for key, value in document.items():
        if isinstance(value, list) and value and isinstance(value[0], list | dict | str):
            body = ",\n".join(dump(item) for item in value)
            lines.append(f"{dump(key)}:[\n{body}\n],")
        else:
            lines.append(f"{dump(key)}:{dump(value)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json or countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--version", default="2.0.2", help="world-atlas version, recorded in the header")
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    document = build(topology, args.version, args.topojson.name)
    text = serialise(document)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    points = sum(len(a) // 2 for a in document["arcs"])
    print(f"{args.output}: {len(text):,} bytes, {len(document['countries'])} countries, {points:,} vertices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
