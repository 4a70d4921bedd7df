"""Static SVG maps: the printable, no-JavaScript layer under any interactive map.

Every article map is one self-contained inline ``<svg>`` (no external
references, no script) so that it survives print, ``file://`` and feed
readers. Country shapes come from ``briefing/assets/basemap.json``, built by
``tools/build_basemap.py`` from Natural Earth (public domain,
naturalearthdata.com). Colours live only in CSS classes (``MAP_CSS``) that
read Material's ``--md-*`` variables, so light, dark and custom palettes work
without re-rendering.

Why the geometry work is done here rather than by the browser: an article
page must stay small, so only the countries that intersect the view are
emitted, clipped to it, at a detail level matched to the zoom. Longitudes are
unwrapped so that a view across the antimeridian (Fiji, the Bering Strait) is
narrow instead of spanning the globe.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

# The shapes and their decoding live with the geography: the glossary's coordinates are
# checked against them too. BASEMAP_PATH is re-exported for basemapjs and the tests.
from ..geo.basemap import BASEMAP_PATH  # noqa: F401
from ..geo.basemap import basemap as _basemap

__all__ = ["MAP_CSS", "MapMarker", "render_map_svg", "render_world_svg"]


# Path coordinates are integers in 1/PRECISION pixel: 0.2 px is invisible on
# screen and in print, and integers keep the path strings short.
PRECISION = 2
# Smallest view extent (in degrees of latitude) per marker kind: enough that a
# country shows its neighbours and a city shows its country.
MIN_EXTENT = {"country": 20.0, "region": 20.0, "admin1": 14.0, "city": 12.0, "feature": 12.0, "address": 8.0}
# Simplification tolerance in px: 2 px still reads well at 720 px wide and keeps a page's map ~25 KB.
SIMPLIFY_PX = 2.0
PADDING = 0.18  # share of the markers' extent added on each side
LABEL_FONT = 12.0  # px, keep in step with MAP_CSS
LABEL_MAX_CHARS = 40
WORLD_LABELS = 60  # markers of a world map that may get a label
REGION_KINDS = frozenset({"region", "feature"})
WORLD_BOUNDS = (-180.0, -58.0, 180.0, 84.0)  # west, south, east, north: no Antarctica

MAP_CSS = """\
.bf-map{display:block;width:100%;height:auto;max-width:100%;margin:1em 0;
  font-family:var(--md-text-font-family,system-ui,sans-serif);}
.bf-map-water{fill:var(--md-primary-fg-color,#4051b5);fill-opacity:.09;}
.bf-map-graticule{fill:none;stroke:var(--md-default-fg-color,#000);stroke-opacity:.08;
  stroke-width:.5px;vector-effect:non-scaling-stroke;}
.bf-map-land{fill:var(--md-default-fg-color,#000);fill-opacity:.09;
  stroke:var(--md-default-fg-color,#000);stroke-opacity:.35;stroke-width:.5px;
  stroke-linejoin:round;vector-effect:non-scaling-stroke;}
.bf-map-land.bf-map-focus{fill:var(--md-accent-fg-color,#526cfe);fill-opacity:.3;
  stroke:var(--md-accent-fg-color,#526cfe);stroke-opacity:.7;}
.bf-map-marker circle{fill:var(--md-accent-fg-color,#526cfe);
  stroke:var(--md-default-bg-color,#fff);stroke-width:1.5px;}
.bf-map-marker .bf-map-area{fill:var(--md-accent-fg-color,#526cfe);fill-opacity:.12;
  stroke:var(--md-accent-fg-color,#526cfe);stroke-width:1.5px;stroke-dasharray:4 3;}
.bf-map-label{font-size:12px;font-weight:600;fill:var(--md-default-fg-color,#000);
  stroke:var(--md-default-bg-color,#fff);stroke-width:3px;stroke-linejoin:round;paint-order:stroke;}
.bf-map-attribution{font-size:9px;fill:var(--md-default-fg-color,#000);fill-opacity:.6;
  stroke:var(--md-default-bg-color,#fff);stroke-width:2px;paint-order:stroke;}
@media print{
  .bf-map{break-inside:avoid;}
  .bf-map-water{fill:#e8eef6;fill-opacity:1;}
  .bf-map-graticule{stroke:#000;stroke-opacity:.1;}
  .bf-map-land{fill:#fff;fill-opacity:1;stroke:#666;stroke-opacity:1;}
  .bf-map-land.bf-map-focus{fill:#fbe3bd;fill-opacity:1;stroke:#666;stroke-opacity:1;}
  .bf-map-marker circle,.bf-map-marker .bf-map-area{fill:#c0392b;stroke:#fff;}
  .bf-map-marker .bf-map-area{fill-opacity:.12;stroke:#c0392b;}
  .bf-map-label{fill:#000;stroke:#fff;}
  .bf-map-attribution{fill:#444;stroke:#fff;}
}
"""


@dataclass(frozen=True)
class MapMarker:
    """One place to pin; ``kind`` is one of ``briefing.model.PLACE_KINDS``."""

    id: str
    label: str
    lat: float
    lon: float
    kind: str


# --------------------------------------------------------------------------- view


@dataclass(frozen=True)
class _View:
    """Equirectangular projection with a standard parallel: px = (lon - west) * kx."""

    west: float
    north: float
    kx: float  # px per degree of longitude
    ky: float  # px per degree of latitude
    width: int
    height: int

    @property
    def east(self) -> float:
        return self.west + self.width / self.kx

    @property
    def south(self) -> float:
        return self.north - self.height / self.ky

    def x(self, lon: float) -> float:
        return (lon - self.west) * self.kx

    def y(self, lat: float) -> float:
        return (self.north - lat) * self.ky

    def unwrap(self, lon: float) -> float:
        """The copy of ``lon`` (mod 360) that lies in ``[west, west + 360)``."""
        return self.west + (lon - self.west) % 360.0


def _longitude_span(lons: list[float]) -> tuple[float, float]:
    """Smallest interval containing every longitude, possibly crossing the antimeridian.

    The complement of the widest gap between consecutive longitudes; the east
    end may exceed 180 (e.g. 178..182 for Fiji at 178 and -178).
    """
    ordered = sorted({((lon + 180.0) % 360.0) - 180.0 for lon in lons})
    if len(ordered) == 1:
        return ordered[0], ordered[0]
    gaps = [(ordered[i + 1] - ordered[i], i + 1) for i in range(len(ordered) - 1)]
    gaps.append((ordered[0] + 360.0 - ordered[-1], 0))
    _, start = max(gaps, key=lambda g: (g[0], -g[1]))
    west = ordered[start]
    east = ordered[start - 1] if start else ordered[-1]
    if east < west:
        east += 360.0
    return west, east


def _fit_view(
    boxes: list[tuple[float, float, float, float]], min_extent: float, width: int, height: int
) -> _View:
    """The view that shows every box (west, south, east, north) with padding."""
    west, east = _longitude_span([b[0] for b in boxes] + [b[2] for b in boxes])
    south = min(b[1] for b in boxes)
    north = max(b[3] for b in boxes)
    mid_lat = (south + north) / 2.0
    cos_lat = max(0.5, math.cos(math.radians(max(-60.0, min(60.0, mid_lat)))))
    span_x = max((east - west) * cos_lat, min_extent) * (1 + 2 * PADDING)
    span_y = max(north - south, min_extent * height / width) * (1 + 2 * PADDING)
    ky = max(min(width / span_x, height / span_y), width / (360.0 * cos_lat))  # never wider than the globe
    kx = ky * cos_lat
    centre_lon = (west + east) / 2.0
    half_height = height / ky / 2.0
    centre_lat = (south + north) / 2.0
    if half_height >= 90.0:
        centre_lat = 0.0
    else:
        centre_lat = max(-90.0 + half_height, min(90.0 - half_height, centre_lat))
    return _View(centre_lon - width / kx / 2.0, centre_lat + half_height, kx, ky, width, height)


def _world_view(width: int, height: int) -> _View:
    """Plate carree of WORLD_BOUNDS, fitted inside width x height and centred."""
    west, south, east, north = WORLD_BOUNDS
    k = min(width / (east - west), height / (north - south))
    return _View(
        (west + east) / 2.0 - width / k / 2.0, (south + north) / 2.0 + height / k / 2.0, k, k, width, height
    )


def _marker_boxes(markers: list[MapMarker]) -> list[tuple[float, float, float, float]]:
    """Boxes the view must show: each marker, and a country marker's whole shape."""
    basemap = _basemap()
    boxes = []
    for marker in markers:
        boxes.append((marker.lon, marker.lat, marker.lon, marker.lat))
        if marker.kind != "country":
            continue
        polygon = basemap.polygon_at(marker.lat, marker.lon)
        if polygon is None:
            continue
        west, south, east, north = (v * basemap.quantum for v in basemap.polygons[polygon].bbox)
        if east - west < 180.0:  # a shape wrapping the globe would only blur the view
            shift = marker.lon - ((marker.lon + 180.0) % 360.0 - 180.0)
            boxes.append((west + shift, south, east + shift, north))
    return boxes


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
    ring: list[tuple[int, int]], view: _View, offset: float, quantum: float
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


def _land_paths(view: _View, focus: set[int]) -> list[str]:
    """Cached by view: articles about the same places share one projected base map."""
    return list(_land_paths_cached(view, frozenset(focus)))


@lru_cache(maxsize=512)
def _land_paths_cached(view: _View, focus: frozenset[int]) -> tuple[str, ...]:
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


def _graticule(view: _View) -> str:
    """Faint parallels and meridians: orientation without labels."""
    span = max(view.east - view.west, view.north - view.south)
    step = next((s for s in (1, 2, 5, 10, 15, 30) if span / s <= 9), 30)
    parts = []
    lon = math.ceil(view.west / step) * step
    while lon < view.east:
        parts.append(f"M{_num(view.x(lon))} 0V{view.height}")
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat < view.north:
        if -90 < lat < 90:
            parts.append(f"M0 {_num(view.y(lat))}H{view.width}")
        lat += step
    return f'<path class="bf-map-graticule" d="{"".join(parts)}"/>' if parts else ""


# --------------------------------------------------------------------------- markers


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    """XML-escape text or attribute values (quotes too), dropping XML-illegal characters."""
    return escape(_CONTROL.sub("", value), {'"': "&quot;", "'": "&#39;"})


def _num(value: float) -> str:
    """Fixed one-decimal formatting: same input, same bytes, no ``-0``."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _kind(kind: str) -> str:
    """A CSS-safe kind name (unknown kinds keep their own class, sanitised)."""
    return re.sub(r"[^a-z0-9-]", "", kind.lower()) or "place"


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1].rstrip() + "\u2026"


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in px


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _place_label(
    x: float, y: float, radius: float, text: str, taken: list[Box], view: _View, required: bool
) -> tuple[float, float, str, Box] | None:
    """Right, left, above or below the marker: the first spot that is free and in view.

    When none is free, an article map (``required``) takes the least crowded
    spot; the world map drops the label, the marker's ``<title>`` still names it.
    """
    w = len(text) * LABEL_FONT * 0.58 + 4
    h = LABEL_FONT + 2
    gap = radius + 4
    candidates = [
        (x + gap, y + 4, "start", (x + gap - 2, y - h / 2, x + gap + w, y + h / 2)),
        (x - gap, y + 4, "end", (x - gap - w, y - h / 2, x - gap + 2, y + h / 2)),
        (x, y - gap - 2, "middle", (x - w / 2, y - gap - h, x + w / 2, y - gap)),
        (x, y + gap + 10, "middle", (x - w / 2, y + gap, x + w / 2, y + gap + h)),
    ]
    scored = []
    for order, (lx, ly, anchor, box) in enumerate(candidates):
        outside = box[0] < 0 or box[1] < 0 or box[2] > view.width or box[3] > view.height
        crowd = sum(_overlap(box, other) for other in taken)
        if not outside and crowd == 0:
            return lx, ly, anchor, box
        scored.append((outside, crowd, order, (lx, ly, anchor, box)))
    if not required:
        return None
    return min(scored, key=lambda s: s[:3])[3]


def _markers(markers: list[MapMarker], view: _View, required_labels: bool) -> list[str]:
    """Marker groups: dot (or dashed area), label with halo, ``<title>`` for hover and AT."""
    placed = []
    for marker in markers:
        x = view.x(view.unwrap(marker.lon))
        y = view.y(marker.lat)
        area = marker.kind in REGION_KINDS
        placed.append((marker, x, y, 10.0 if area else 4.5, area))
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for _, x, y, r, area in placed if not area]
    taken.append((view.width - 62.0, view.height - 14.0, float(view.width), float(view.height)))  # credit
    out = []
    for marker, x, y, radius, area in placed:
        if not (-radius <= x <= view.width + radius and -radius <= y <= view.height + radius):
            continue
        label = _short(marker.label)
        # A world map of hundreds of places can label only the first (most mentioned) few; the
        # rest keep their <title>. This also keeps the collision test from growing quadratically.
        labelled = bool(label) and (required_labels or len(out) < WORLD_LABELS)
        spot = _place_label(x, y, radius, label, taken, view, required_labels) if labelled else None
        parts = [
            f'<g class="bf-map-marker bf-map-kind-{_kind(marker.kind)}" data-place="{_text(marker.id)}">',
            f"<title>{_text(marker.label)}</title>",
        ]
        if area:
            parts.append(f'<circle class="bf-map-area" cx="{_num(x)}" cy="{_num(y)}" r="{_num(radius)}"/>')
            parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="2.5"/>')
        else:
            parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(radius)}"/>')
        if spot:
            lx, ly, anchor, box = spot
            taken.append(box)
            anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
            parts.append(
                f'<text class="bf-map-label" x="{_num(lx)}" y="{_num(ly)}"{anchor_attr}>{_text(label)}</text>'
            )
        parts.append("</g>")
        out.append("".join(parts))
    return out


# --------------------------------------------------------------------------- public API


def _svg(markers: list[MapMarker], view: _View, *, title: str, id_prefix: str, required_labels: bool) -> str:
    basemap = _basemap()
    focus = set()
    for marker in markers:
        polygon = basemap.polygon_at(marker.lat, marker.lon)
        if polygon is not None:
            focus.add(basemap.polygons[polygon].country)
    prefix = _text(id_prefix)
    names = ", ".join(" ".join(m.label.split()) for m in markers)
    desc = f"Map of {names}." if names else "World map."
    data_view = " ".join(_num(v) for v in (view.west, view.south, view.east, view.north))
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
        *_land_paths(view, focus),
        "</g>",
        *_markers(markers, view, required_labels),
        f'<text class="bf-map-attribution" x="{w - 4}" y="{h - 4}" text-anchor="end">Natural Earth</text>',
        "</svg>",
    ]
    return "\n".join(p for p in parts if p)


def _usable(markers: list[MapMarker]) -> list[MapMarker]:
    """Markers with real coordinates: a NaN or out-of-range latitude would poison the view."""
    return [m for m in markers if math.isfinite(m.lat) and math.isfinite(m.lon) and -90.0 <= m.lat <= 90.0]


def render_map_svg(
    markers: list[MapMarker], *, title: str, width: int = 720, height: int = 400, id_prefix: str = "bf-map"
) -> str:
    """An article's map: zoomed to its places, neighbours included, as inline SVG.

    ``id_prefix`` must be unique within the page (it prefixes the ids that
    ``aria-labelledby`` points at). With no markers the whole world is shown.
    The ``data-view`` attribute ("west south east north", degrees) lets an
    interactive layer open on the same view; ``east > west`` always, and
    either may lie beyond +-180 when the view crosses the antimeridian.
    """
    return _article_map(tuple(markers), title, width, height, id_prefix)


@lru_cache(maxsize=2048)
def _article_map(markers: tuple[MapMarker, ...], title: str, width: int, height: int, id_prefix: str) -> str:
    """Remembered for the life of the process: ``mkdocs serve`` redraws only the maps that changed."""
    markers = list(_usable(list(markers)))
    if not markers:
        return render_world_svg(markers, title=title, width=width, height=height, id_prefix=id_prefix)
    min_extent = max(MIN_EXTENT.get(m.kind, MIN_EXTENT["city"]) for m in markers)
    view = _fit_view(_marker_boxes(markers), min_extent, width, height)
    return _svg(markers, view, title=title, id_prefix=id_prefix, required_labels=True)


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
    return _svg(
        _usable(markers), _world_view(width, height), title=title, id_prefix=id_prefix, required_labels=False
    )
