"""The map's geometry, computed once in Python for both layers: view, marker positions, labels.

The static SVG (``render/mapsvg.py``) draws a ``MapLayout``; the interactive map
(``assets/map.js`` over Leaflet) is given the same layout as data (``render/mapdata.py``) and only
draws it, so the two layers cannot disagree about framing, which countries stand out, or on
which side of its marker a label sits. An article's frame (which places it is chosen for, and
the arrows at its edge for the others) is ``render/mapframe.py``'s; this module holds the view,
the world map and the labels: wrapped on two lines when long, moved inside the map rather than
cut by its edge.

Views are equirectangular with a standard parallel. Longitudes are unwrapped so that a view
across the antimeridian (Fiji, the Bering Strait) is narrow instead of spanning the globe.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ..basemap import basemap

__all__ = ["Edge", "MapLayout", "MapMarker", "PlacedMarker", "View", "world_layout"]

# Smallest view extent (degrees, about 110 km each) per marker kind: a country shows its
# neighbours; a town-level story shows its towns apart (1.5 degrees is about 165 km across,
# where Natural Earth's 1:50m coastlines and borders, the base map, still read well).
# A region is anything from a county to a continent: 8 degrees, and its neighbours widen it.
MIN_EXTENT = {"country": 20.0, "region": 8.0, "admin1": 5.0, "city": 1.5, "feature": 2.0, "address": 1.0}
PADDING = 0.18  # share of the markers' extent added on each side
# px: the labels' font size in assets/map.css (.bf-map-label and .bf-lmap-label); keep in step.
LABEL_FONT = 12.0
LABEL_MAX_CHARS = 40
WRAP_CHARS = 22  # a longer label is drawn on two lines
CHAR_WIDTH = 0.6  # em: the average width of a character of the bold label font, rounded up
LINE_HEIGHT = 14.0  # px between two lines of a label
WORLD_LABELS = 60  # markers of a world map that may get a label
REGION_KINDS = frozenset({"region", "feature"})  # drawn as an area (dashed circle) around a dot
WORLD_BOUNDS = (-180.0, -58.0, 180.0, 84.0)  # west, south, east, north: no Antarctica
CREDIT_BOX = (62.0, 14.0)  # width, height (px) of the "Natural Earth" credit in the bottom right

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in px


@dataclass(frozen=True)
class MapMarker:
    """One place to pin; ``kind`` is one of ``briefing.model.PLACE_KINDS``."""

    id: str
    label: str
    lat: float
    lon: float
    kind: str
    weight: float = 1.0  # how much the article's story happens there (render/mapfocus.py)


@dataclass(frozen=True)
class View:
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

    def lon_at(self, x: float) -> float:
        return self.west + x / self.kx

    def lat_at(self, y: float) -> float:
        return self.north - y / self.ky


@dataclass(frozen=True)
class Label:
    """Where a marker's label goes: text position and anchor in px, and the side it is on."""

    x: float
    y: float
    anchor: str  # SVG text-anchor: start, end, middle
    side: str  # right, left, top or bottom of the marker (the interactive map's tooltip direction)
    box: Box


@dataclass(frozen=True)
class Edge:
    """An off-frame place drawn at the map's edge: an arrow at (x, y) px pointing the way."""

    x: float
    y: float
    angle: float  # degrees, clockwise from east (SVG's rotation)
    direction: str  # "west", "north-east" ...: the way the arrow points, in words
    km: int  # great-circle distance from the map's centre, rounded


@dataclass(frozen=True)
class PlacedMarker:
    """A marker in the view: position in px, size, and its label when it gets one."""

    marker: MapMarker
    x: float
    y: float
    radius: float
    area: bool  # a region or feature: a dashed area around a small dot
    in_view: bool
    text: str  # the label as shown (shortened)
    label: Label | None
    lines: tuple[str, ...] = ()  # the label's lines as drawn (text, wrapped)
    edge: Edge | None = None  # set when the place lies outside the frame: drawn at the edge


@dataclass(frozen=True)
class MapLayout:
    """Everything both map layers show: the view, the markers in order, the focus countries."""

    view: View
    markers: tuple[PlacedMarker, ...]
    focus: frozenset[int]  # base-map countries (indexes) that contain a marker
    framed: frozenset[str] = frozenset()  # ids of the places the frame was chosen for


# --------------------------------------------------------------------------- view


def num(value: float) -> str:
    """Fixed one-decimal formatting: same input, same bytes, no ``-0``.

    The SVG writes its coordinates and ``data-view`` so; the interactive map's frame uses the
    same numbers, so that both layers open on exactly the same view.
    """
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


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


def fit_view(boxes: list[Box], min_extent: float, width: int, height: int) -> View:
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
    return View(centre_lon - width / kx / 2.0, centre_lat + half_height, kx, ky, width, height)


def world_view(width: int, height: int) -> View:
    """Plate carree of WORLD_BOUNDS, fitted inside width x height and centred."""
    west, south, east, north = WORLD_BOUNDS
    k = min(width / (east - west), height / (north - south))
    return View(
        (west + east) / 2.0 - width / k / 2.0, (south + north) / 2.0 + height / k / 2.0, k, k, width, height
    )


def marker_boxes(markers: list[MapMarker]) -> list[Box]:
    """Boxes the view must show: each marker, and a country marker's whole shape."""
    shapes = basemap()
    boxes = []
    for marker in markers:
        boxes.append((marker.lon, marker.lat, marker.lon, marker.lat))
        if marker.kind != "country":
            continue
        polygon = shapes.polygon_at(marker.lat, marker.lon)
        if polygon is None:
            continue
        west, south, east, north = (v * shapes.quantum for v in shapes.polygons[polygon].bbox)
        if east - west < 180.0:  # a shape wrapping the globe would only blur the view
            shift = marker.lon - ((marker.lon + 180.0) % 360.0 - 180.0)
            boxes.append((west + shift, south, east + shift, north))
    return boxes


def focus_countries(markers: list[MapMarker]) -> frozenset[int]:
    """The base-map countries in which a marker lies: both layers fill them in the accent colour."""
    shapes = basemap()
    focus = set()
    for marker in markers:
        polygon = shapes.polygon_at(marker.lat, marker.lon)
        if polygon is not None:
            focus.add(shapes.polygons[polygon].country)
    return frozenset(focus)


# --------------------------------------------------------------------------- labels


def short_label(label: str) -> str:
    """White space squashed, cut to LABEL_MAX_CHARS with an ellipsis."""
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1].rstrip() + "\u2026"


def label_lines(text: str) -> tuple[str, ...]:
    """The label as drawn: one line, or two when longer than WRAP_CHARS, broken near the middle.

    A break goes at a space, else after a hyphen ("Appleby-in-" / "Westmorland"); a second line
    longer than WRAP_CHARS is shortened with an ellipsis. Both map layers draw these lines.
    """
    if len(text) <= WRAP_CHARS:
        return (text,) if text else ()
    breaks = [i for i, c in enumerate(text) if c == " "] or [i + 1 for i, c in enumerate(text) if c == "-"]
    breaks = [i for i in breaks if 0 < i < len(text)]
    if not breaks:
        return (text,)
    cut = min(breaks, key=lambda i: (abs(i - len(text) / 2), i))
    first, second = text[:cut].rstrip(), text[cut:].lstrip()
    if len(second) > WRAP_CHARS:
        second = second[: WRAP_CHARS - 1].rstrip() + "\u2026"
    return (first, second)


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def label_size(lines: tuple[str, ...]) -> tuple[float, float]:
    """Width and height (px) of a label's box: a generous estimate for a bold sans-serif."""
    return max(len(line) for line in lines) * LABEL_FONT * CHAR_WIDTH + 4, len(lines) * LINE_HEIGHT


def _spot(x: float, y: float, gap: float, w: float, h: float, side: str, dy: float = 0.0) -> Label:
    """The label on one side of a point (shifted by ``dy`` for the diagonal spots)."""
    if side == "right":
        box = (x + gap - 2, y - h / 2 + dy, x + gap + w - 2, y + h / 2 + dy)
    elif side == "left":
        box = (x - gap - w + 2, y - h / 2 + dy, x - gap + 2, y + h / 2 + dy)
    elif side == "top":
        box = (x - w / 2, y - gap - h, x + w / 2, y - gap)
    else:
        box = (x - w / 2, y + gap, x + w / 2, y + gap + h)
    return _label_at(box, side)


def _label_at(box: Box, side: str) -> Label:
    """Text position and anchor for a box: the text hugs the side that faces its marker."""
    baseline = box[1] + LABEL_FONT - 1
    if side == "right":
        return Label(box[0] + 2, baseline, "start", side, box)
    if side == "left":
        return Label(box[2] - 2, baseline, "end", side, box)
    return Label((box[0] + box[2]) / 2, baseline, "middle", side, box)


def _inside(box: Box, view: View) -> Box:
    """The box moved (not cut) into the view: a label is never clipped by the map's edge."""
    x0, y0, x1, y1 = box
    dx = max(0.0, -x0) - max(0.0, x1 - view.width)
    dy = max(0.0, -y0) - max(0.0, y1 - view.height)
    return (x0 + dx, y0 + dy, x1 + dx, y1 + dy)


def place_label(
    x: float,
    y: float,
    radius: float,
    lines: tuple[str, ...],
    taken: list[Box],
    view: View,
    required: bool,
    sides: tuple[str, ...] = ("right", "left", "top", "bottom"),
) -> Label | None:
    """Beside the marker on the first side that is free and in view, then the diagonal spots.

    When none is free, an article map (``required``) takes the least crowded spot, moved inside
    the view if it reaches past an edge; the world map drops the label, the marker's
    ``<title>`` still names it.
    """
    w, h = label_size(lines)
    gap = radius + 4
    candidates = [_spot(x, y, gap, w, h, side) for side in sides]
    for side in ("right", "left"):
        if side in sides:
            candidates += [_spot(x, y, gap, w, h, side, dy) for dy in (-h / 2 - 2, h / 2 + 2)]
    for spot in candidates:
        box = spot.box
        outside = box[0] < 0 or box[1] < 0 or box[2] > view.width or box[3] > view.height
        if not outside and not any(_overlap(box, other) for other in taken):
            return spot
    if not required:
        return None
    scored = []
    for order, spot in enumerate(candidates):
        moved = _inside(spot.box, view)
        crowd = sum(_overlap(moved, other) for other in taken)
        scored.append((crowd, moved != spot.box, order, spot.side, moved))
    _, _, _, side, box = min(scored)
    return _label_at(box, side)


def layout_markers(markers: list[MapMarker], view: View, required_labels: bool) -> tuple[PlacedMarker, ...]:
    """Markers projected, in order; each in-view marker's label on the first free side.

    A world map of hundreds of places labels only the first (most mentioned) few; the rest
    keep their ``<title>``. This also keeps the collision test from growing quadratically.
    """
    projected = []
    for marker in markers:
        area = marker.kind in REGION_KINDS
        x, y = view.x(view.unwrap(marker.lon)), view.y(marker.lat)
        projected.append((marker, x, y, 10.0 if area else 4.5, area))
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for _, x, y, r, area in projected if not area]
    taken.append(credit_box(view))
    placed = []
    shown = 0
    for marker, x, y, radius, area in projected:
        in_view = -radius <= x <= view.width + radius and -radius <= y <= view.height + radius
        text = short_label(marker.label)
        lines = label_lines(text) if required_labels else ((text,) if text else ())
        label = None
        if in_view:
            if text and (required_labels or shown < WORLD_LABELS):
                label = place_label(x, y, radius, lines, taken, view, required_labels)
            if label:
                taken.append(label.box)
            shown += 1
        placed.append(PlacedMarker(marker, x, y, radius, area, in_view, text, label, lines))
    return tuple(placed)


def credit_box(view: View) -> Box:
    """Where the "Natural Earth" credit sits (bottom right): no label may cover it."""
    credit_w, credit_h = CREDIT_BOX
    return (view.width - credit_w, view.height - credit_h, float(view.width), float(view.height))


# --------------------------------------------------------------------------- layouts


def usable(markers: list[MapMarker]) -> list[MapMarker]:
    """Markers with real coordinates: a NaN or out-of-range latitude would poison the view."""
    return [m for m in markers if math.isfinite(m.lat) and math.isfinite(m.lon) and -90.0 <= m.lat <= 90.0]


@lru_cache(maxsize=64)
def world_layout(markers: tuple[MapMarker, ...], width: int = 720, height: int = 300) -> MapLayout:
    """The whole world (the site map of every briefing's places); labels that would collide are left out."""
    kept = usable(list(markers))
    view = world_view(width, height)
    return MapLayout(view, layout_markers(kept, view, required_labels=False), focus_countries(kept))
