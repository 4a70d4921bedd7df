"""Static SVG maps: the printable, no-JavaScript layer under any interactive map.

Every article map is one self-contained inline ``<svg>`` (no external
references, no script) so that it survives print, ``file://`` and feed
readers. Country shapes come from ``briefing/assets/basemap.json`` (see
``briefing/basemap.py``); the view, the markers and their labels from
``render/mapview.py``, which the interactive map is given too. Colours live
only in CSS classes (``assets/map.css``) that read Material's ``--md-*``
variables, so light, dark and custom palettes work without re-rendering.

Why the drawing is done here rather than by the browser: an article page
must stay small, so only the countries that intersect the view are emitted,
clipped to it, at a detail level matched to the zoom.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from xml.sax.saxutils import escape

from ..basemap import basemap as _basemap
from .mapframe import article_layout, site_layout
from .mapview import LINE_HEIGHT, MapLayout, MapMarker, PlacedMarker, View, num, world_layout

__all__ = ["MapMarker", "render_map_svg", "render_site_svg", "render_world_svg"]


# Path coordinates are integers in 1/PRECISION pixel: 0.2 px is invisible on
# screen and in print, and integers keep the path strings short.
PRECISION = 2
# Simplification tolerance in px: 2 px still reads well at 720 px wide and keeps a page's map ~25 KB.
SIMPLIFY_PX = 2.0


# --------------------------------------------------------------------------- geometry


def _clip(points: list[tuple[int, int]], box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """Sutherland-Hodgman clipping of a ring to an axis-aligned box.

    Concave shapes may gain edges along the box border; the box is drawn a
    few pixels outside the visible area so those edges never show.
    """
    x0, y0, x1, y1 = box
    edges = (
        (0, x0, True),
        (0, x1, False),
        (1, y0, True),
        (1, y1, False),
    )
    for axis, bound, lower in edges:
        if not points:
            break
        out: list[tuple[int, int]] = []
        previous = points[-1]
        for current in points:
            cur_in = current[axis] >= bound if lower else current[axis] <= bound
            prev_in = previous[axis] >= bound if lower else previous[axis] <= bound
            if cur_in != prev_in:
                t = (bound - previous[axis]) / (current[axis] - previous[axis])
                other = 1 - axis
                cut = round(previous[other] + t * (current[other] - previous[other]))
                out.append((bound, cut) if axis == 0 else (cut, bound))
            if cur_in:
                out.append(current)
            previous = current
        points = out
    return points


def _path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path: absolute move, then relative integer line segments.

    Numbers are separated by a space only where the next one has no minus
    sign, the way minifiers write paths.
    """
    parts: list[str] = []
    for ring in rings:
        px, py = ring[0]
        chunks = [f"M{px} {py}l"]
        first = True
        for x, y in ring[1:]:
            for value in (x - px, y - py):
                if not first and value >= 0:
                    chunks.append(" ")
                chunks.append(str(value))
                first = False
            px, py = x, y
        chunks.append("z")
        parts.append("".join(chunks))
    return "".join(parts)


def _project_ring(
    ring: list[tuple[int, int]], view: View, offset: float, quantum: float
) -> list[tuple[int, int]]:
    """Quantum-unit ring -> integer 1/PRECISION px, consecutive duplicates dropped."""
    sx = view.kx * quantum * PRECISION
    sy = view.ky * quantum * PRECISION
    ox = (offset - view.west) * view.kx * PRECISION
    oy = view.north * view.ky * PRECISION
    out: list[tuple[int, int]] = []
    last = None
    for x, y in ring:
        point = (round(x * sx + ox), round(oy - y * sy))
        if point != last:
            out.append(point)
            last = point
    return out


def _land_paths(view: View, focus: set[int]) -> list[str]:
    """Cached by view: articles about the same places share one projected base map."""
    return list(_land_paths_cached(view, frozenset(focus)))


@lru_cache(maxsize=512)
def _land_paths_cached(view: View, focus: frozenset[int]) -> tuple[str, ...]:
    """One ``<path>`` per country that intersects the view, clipped and simplified."""
    basemap = _basemap()
    level = basemap.level_for(SIMPLIFY_PX / view.ky)
    margin = 4.0  # px beyond the view: clip artefacts stay out of sight
    clip_box = (
        round(-margin * PRECISION),
        round(-margin * PRECISION),
        round((view.width + margin) * PRECISION),
        round((view.height + margin) * PRECISION),
    )
    min_size = 2.0 * PRECISION  # polygons smaller than this (px) in both directions are dropped
    west_q = (view.west - margin / view.kx) / basemap.quantum
    east_q = (view.east + margin / view.kx) / basemap.quantum
    south_q = (view.south - margin / view.ky) / basemap.quantum
    north_q = (view.north + margin / view.ky) / basemap.quantum
    shifts = (-360.0, 0.0, 360.0)  # copies of the world left and right of the dateline
    by_country: dict[int, list[list[tuple[int, int]]]] = {}
    # 2 px in quantum units, less the two units rounding can add: no shape the test below keeps is lost
    speck_x = (min_size - 2) / (view.kx * basemap.quantum * PRECISION)
    speck_y = (min_size - 2) / (view.ky * basemap.quantum * PRECISION)
    for index, polygon in enumerate(basemap.polygons):
        west, south, east, north = polygon.bbox
        if north < south_q or south > north_q:
            continue
        if east - west < speck_x and north - south < speck_y:
            continue  # the whole polygon is a speck at this zoom: its outer ring would be dropped
        for shift in shifts:
            shift_q = shift / basemap.quantum
            if east + shift_q < west_q or west + shift_q > east_q:
                continue
            inside = (
                west + shift_q >= west_q
                and east + shift_q <= east_q
                and south >= south_q
                and north <= north_q
            )
            for n, ring in enumerate(basemap.rings(index, level)):
                projected = _project_ring(ring, view, shift, basemap.quantum)
                if not inside:
                    projected = _clip(projected, clip_box)
                if len(projected) < 3:
                    if n == 0:
                        break
                    continue
                xs = [p[0] for p in projected]
                ys = [p[1] for p in projected]
                if max(xs) - min(xs) < min_size and max(ys) - min(ys) < min_size:
                    if n == 0:
                        break  # the outer ring is a speck: skip the whole polygon
                    continue
                by_country.setdefault(polygon.country, []).append(projected)
    paths = []
    order = sorted(by_country, key=lambda c: (c in focus, basemap.countries[c][1], c))
    for country in order:
        css = "bf-map-land bf-map-focus" if country in focus else "bf-map-land"
        paths.append(f'<path class="{css}" d="{_path_data(by_country[country])}"/>')
    return tuple(paths)


def _graticule(view: View) -> str:
    """Faint parallels and meridians: orientation without labels."""
    span = max(view.east - view.west, view.north - view.south)
    step = next((s for s in (1, 2, 5, 10, 15, 30) if span / s <= 9), 30)
    parts = []
    lon = math.ceil(view.west / step) * step
    while lon < view.east:
        parts.append(f"M{num(view.x(lon))} 0V{view.height}")
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat < view.north:
        if -90 < lat < 90:
            parts.append(f"M0 {num(view.y(lat))}H{view.width}")
        lat += step
    return f'<path class="bf-map-graticule" d="{"".join(parts)}"/>' if parts else ""


# --------------------------------------------------------------------------- markers


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    """XML-escape text or attribute values (quotes too), dropping XML-illegal characters."""
    return escape(_CONTROL.sub("", value), {'"': "&quot;", "'": "&#39;"})


def _kind(kind: str) -> str:
    """A CSS-safe kind name (unknown kinds keep their own class, sanitised)."""
    return re.sub(r"[^a-z0-9-]", "", kind.lower()) or "place"


def off_frame_text(placed: PlacedMarker) -> str:
    """What an edge marker says of its place: "United States: off the map, 9,800 km west"."""
    edge = placed.edge
    assert edge is not None
    return f"{' '.join(placed.marker.label.split())}: off the map, {edge.km:,} km {edge.direction}"


def _label(placed: PlacedMarker) -> str:
    """The label's text with a halo, a ``<tspan>`` per line."""
    spot = placed.label
    assert spot is not None
    anchor_attr = "" if spot.anchor == "start" else f' text-anchor="{spot.anchor}"'
    lines = placed.lines or (placed.text,)
    if len(lines) == 1:
        body = _text(lines[0])
    else:
        dy = f' dy="{num(LINE_HEIGHT)}"'
        body = "".join(
            f'<tspan x="{num(spot.x)}"{dy if n else ""}>{_text(line)}</tspan>' for n, line in enumerate(lines)
        )
    return f'<text class="bf-map-label" x="{num(spot.x)}" y="{num(spot.y)}"{anchor_attr}>{body}</text>'


def _edge_marker(placed: PlacedMarker) -> str:
    """An off-frame place: an arrow on the border pointing the way, its name beside it."""
    edge, marker = placed.edge, placed.marker
    assert edge is not None
    parts = [
        f'<g class="bf-map-marker bf-map-offframe bf-map-kind-{_kind(marker.kind)}" '
        f'data-place="{_text(marker.id)}" data-direction="{edge.direction}">',
        f"<title>{_text(off_frame_text(placed))}</title>",
        f'<path class="bf-map-arrow" d="M8 0L-5-6.5-2 0-5 6.5z" '
        f'transform="translate({num(edge.x)} {num(edge.y)}) rotate({num(edge.angle)})"/>',
    ]
    if placed.label:
        parts.append(_label(placed))
    parts.append("</g>")
    return "".join(parts)


def _markers(layout: MapLayout) -> list[str]:
    """Marker groups: dot (or dashed area), label with halo, ``<title>`` for hover and AT.

    Places outside the frame come last, as arrows at the edge (containers of the frame, none).
    """
    out = []
    for placed in layout.markers:
        if not placed.in_view:
            continue
        marker, x, y, radius = placed.marker, placed.x, placed.y, placed.radius
        parts = [
            f'<g class="bf-map-marker bf-map-kind-{_kind(marker.kind)}" data-place="{_text(marker.id)}">',
            f"<title>{_text(marker.label)}</title>",
        ]
        if placed.area:
            parts.append(f'<circle class="bf-map-area" cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>')
            parts.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="2.5"/>')
        else:
            parts.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>')
        if placed.label:
            parts.append(_label(placed))
        parts.append("</g>")
        out.append("".join(parts))
    out += [_edge_marker(p) for p in layout.markers if p.edge]
    return out


# --------------------------------------------------------------------------- public API


def _svg(layout: MapLayout, *, title: str, id_prefix: str) -> str:
    view = layout.view
    prefix = _text(id_prefix)
    names = ", ".join(" ".join(p.marker.label.split()) for p in layout.markers)
    desc = f"Map of {names}." if names else "World map."
    data_view = " ".join(num(v) for v in (view.west, view.south, view.east, view.north))
    w, h = view.width, view.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bf-map" id="{prefix}" viewBox="0 0 {w} {h}" '
        f'width="{w}" height="{h}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'data-view="{data_view}">',
        f'<title id="{prefix}-title">{_text(title)}</title>',
        f'<desc id="{prefix}-desc">{_text(desc)}</desc>',
        f'<rect class="bf-map-water" width="{w}" height="{h}"/>',
        _graticule(view),
        f'<g fill-rule="evenodd" transform="scale({1 / PRECISION:g})">',
        *_land_paths(view, set(layout.focus)),
        "</g>",
        *_markers(layout),
        f'<text class="bf-map-attribution" x="{w - 4}" y="{h - 4}" text-anchor="end">Natural Earth</text>',
        "</svg>",
    ]
    return "\n".join(p for p in parts if p)


def render_map_svg(
    markers: list[MapMarker], *, title: str, width: int = 720, height: int = 400, id_prefix: str = "bf-map"
) -> str:
    """An article's map: zoomed to its places, neighbours included, as inline SVG.

    ``id_prefix`` must be unique within the page (it prefixes the ids that
    ``aria-labelledby`` points at). With no markers the whole world is shown.
    The ``data-view`` attribute ("west south east north", degrees) tells
    where the map is; ``east > west`` always, and either may lie beyond
    +-180 when the view crosses the antimeridian.
    """
    return _article_map(tuple(markers), title, width, height, id_prefix)


@lru_cache(maxsize=2048)
def _article_map(markers: tuple[MapMarker, ...], title: str, width: int, height: int, id_prefix: str) -> str:
    """Remembered for the life of the process: ``mkdocs serve`` redraws only the maps that changed."""
    return _svg(article_layout(markers, width, height), title=title, id_prefix=id_prefix)


def render_world_svg(
    markers: list[MapMarker],
    *,
    title: str,
    width: int = 720,
    height: int = 300,
    id_prefix: str = "bf-world-map",
) -> str:
    """The whole world (site map of every briefing's places) as inline SVG.

    Labels that would collide are left out; every marker keeps its ``<title>``.
    """
    return _svg(world_layout(tuple(markers), width, height), title=title, id_prefix=id_prefix)


def render_site_svg(
    markers: list[MapMarker],
    *,
    title: str,
    covered: frozenset[str] = frozenset(),
    whole_country: bool = True,
    width: int = 720,
    height: int = 300,
    id_prefix: str = "bf-world-map",
) -> str:
    """The site map as inline SVG: framed on the coverage area's places (``covered``) or on all
    places (``mapframe.site_layout``); labels that would collide are left out."""
    return _svg(site_layout(tuple(markers), covered, whole_country, width, height), title=title,
                id_prefix=id_prefix)
