"""An article's map: the frame around the places where its story happens, the others at its edge.

"The US military announced airstrikes in Syria" names two countries, but the story happens in
one: a map that frames both shows a few overlapping dots beside a large United States. So the
frame is chosen for the places that carry the story's weight (``MapMarker.weight``, from the
text: ``render/mapfocus.py``), and grown only as far as is cheap:

1. The heaviest place starts the frame; other weighted places join it, nearest first, while
   the map stays within GROW times the zoom that place alone would get: a cluster of towns, or
   of neighbouring countries, is framed together, and a far-away place is not.
2. If the frame then holds less than DOMINANT_SHARE of the weight, the story is wider: the
   frame is grown again with a budget WIDEN times larger, and so on, until it holds that share.
   When no part of the world dominates (Paris, Tokyo and New York alike), every weighted place
   ends up framed.
3. A country around the story's towns ("the UK" of a story in Carlisle: much wider than they
   are, and less weighty than they are together) is their container: its shape neither starts
   nor widens the frame, and when its centre lies outside the view it gets no marker (the
   frame is inside it: it is highlighted and listed). A region near the towns ("across Cumbria")
   is their container too: it has no outline, and its minimum extent would frame half a country.
4. Every other place outside the view becomes an edge marker: an arrow on the frame's border
   pointing the way, with its name, direction and distance; it stays in the list of places.

The same layout feeds the SVG and the interactive map (``render/mapdata.py``), so both open on
the same frame with the same edge markers.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache

from ..basemap import basemap
from .mapview import (
    MIN_EXTENT,
    Box,
    Edge,
    MapLayout,
    MapMarker,
    PlacedMarker,
    View,
    credit_box,
    fit_view,
    focus_countries,
    layout_markers,
    place_label,
    usable,
    world_layout,
)

__all__ = ["article_layout", "choose_frame", "site_layout"]

GROW = 3.0  # the frame zooms out at most this much from its heaviest place's own zoom
DOMINANT_SHARE = 0.75  # the frame must hold this share of the weight, else it is widened
WIDEN, WIDENINGS = 3.0, 5  # each widening allows 3 times more zoom-out; after 5, every place
CONTAINER_RATIO = 4.0  # a country this many times wider than the towns inside it only contains them
MAX_GROWN = 60  # the heaviest places considered for growing the frame (the rest: if inside)
EDGE_INSET = 14.0  # px from the border to an edge marker's arrow
EDGE_SPACING = 18.0  # px between two edge markers along the border
EARTH_KM = 6371.0
COMPASS = ("east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east")


def _shape_box(marker: MapMarker) -> Box | None:
    """A country's shape (the polygon its marker lies in), in the marker's copy of the world."""
    if marker.kind != "country":
        return None
    shapes = basemap()
    polygon = shapes.polygon_at(marker.lat, marker.lon)
    if polygon is None:
        return None
    west, south, east, north = (v * shapes.quantum for v in shapes.polygons[polygon].bbox)
    if east - west >= 180.0:  # a shape wrapping the globe would only blur the view
        return None
    shift = marker.lon - ((marker.lon + 180.0) % 360.0 - 180.0)
    return (west + shift, south, east + shift, north)


def _country(marker: MapMarker) -> int | None:
    shapes = basemap()
    polygon = shapes.polygon_at(marker.lat, marker.lon)
    return None if polygon is None else shapes.polygons[polygon].country


def _scale(boxes: list[Box], extent: float, width: int, height: int) -> float:
    """px per degree of latitude of the view that fits these boxes: the map's zoom."""
    return fit_view(boxes, max(extent, MIN_EXTENT["address"]), width, height).ky


def _point(marker: MapMarker) -> Box:
    return (marker.lon, marker.lat, marker.lon, marker.lat)


# A region (a county, "the Lake District") whose point lies this close to the story's towns is
# around them: it has no outline to measure, and its 8-degree minimum would frame half a country.
REGION_REACH_KM = 120.0


def _weight_near(region: MapMarker, markers: list[MapMarker], weights: list[float]) -> float:
    """The weight of the towns (and divisions) within REGION_REACH_KM of a region's point."""
    return sum(w for o, w in zip(markers, weights, strict=True)
               if o.kind in ("city", "address", "admin1") and w > 0
               and _distance_km(region.lat, region.lon, o.lat, o.lon) <= REGION_REACH_KM)


def _containers(markers: list[MapMarker], weights: list[float], width: int, height: int) -> set[int]:
    """Countries much wider than the weighted finer places inside them, and weighing less; and
    regions around the weighted towns near them, weighing less than those towns together."""
    out = {i for i, m in enumerate(markers)
           if m.kind == "region" and weights[i] < _weight_near(m, markers, weights)}
    for i, marker in enumerate(markers):
        shape = _shape_box(marker)
        if shape is None:
            continue
        country = _country(marker)
        inner = [
            j
            for j, other in enumerate(markers)
            if j != i and other.kind != "country" and weights[j] > 0 and _country(other) == country
        ]
        if not inner or weights[i] >= sum(weights[j] for j in inner):
            continue
        extent = max(MIN_EXTENT.get(markers[j].kind, MIN_EXTENT["city"]) for j in inner)
        inside = _scale([_point(markers[j]) for j in inner], extent, width, height)
        if inside > CONTAINER_RATIO * _scale([shape], 0.0, width, height):
            out.add(i)
    return out


def choose_frame(markers: list[MapMarker], width: int = 720, height: int = 400) -> tuple[list[int], set[int]]:
    """The indexes of the markers to frame (in order) and those that are containers (see above)."""
    weights = [m.weight if math.isfinite(m.weight) and m.weight > 0 else 0.0 for m in markers]
    if not any(weights):
        weights = [1.0] * len(markers)
    containers = _containers(markers, weights, width, height)

    def boxes(i: int) -> list[Box]:
        shape = None if i in containers else _shape_box(markers[i])
        return [_point(markers[i])] + ([shape] if shape else [])

    def extent(i: int) -> float:
        return 0.0 if i in containers else MIN_EXTENT.get(markers[i].kind, MIN_EXTENT["city"])

    # The heaviest place starts the frame; a container only when there is nothing else.
    weighted = [i for i, w in enumerate(weights) if w > 0]
    order = sorted(weighted, key=lambda i: (i in containers, -weights[i], i))
    zoom = _scale(boxes(order[0]), extent(order[0]), width, height)

    def grow(budget: float) -> list[int]:
        """The frame grown from the heaviest place, nearest first, within ``budget`` of its zoom."""
        frame = [order[0]]
        frame_boxes, frame_extent = boxes(order[0]), extent(order[0])
        remaining = order[1:MAX_GROWN]
        while remaining:
            best = None
            for i in remaining:
                ratio = zoom / _scale(frame_boxes + boxes(i), max(frame_extent, extent(i)), width, height)
                if ratio <= budget and (best is None or ratio < best[0]):
                    best = (ratio, i)
            if best is None:
                break
            frame.append(best[1])
            remaining.remove(best[1])
            frame_boxes += boxes(best[1])
            frame_extent = max(frame_extent, extent(best[1]))
        return frame

    total = sum(weights)
    for step in range(WIDENINGS):
        frame = grow(GROW * WIDEN**step)
        if sum(weights[i] for i in frame) >= DOMINANT_SHARE * total:
            return sorted(frame), containers
    return sorted(order), containers


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Great-circle distance, rounded to two significant figures (a reader's "about")."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dlon)
    km = EARTH_KM * math.acos(max(-1.0, min(1.0, cos)))
    if km < 100:
        return int(round(km))
    digits = 10 ** (len(str(int(km))) - 2)
    return int(round(km / digits) * digits)


def _edge_point(view: View, tx: float, ty: float) -> tuple[float, float]:
    """Where the ray from the view's centre towards (tx, ty) meets the border, inset."""
    cx, cy = view.width / 2, view.height / 2
    dx, dy = tx - cx, ty - cy
    half_w, half_h = cx - EDGE_INSET, cy - EDGE_INSET
    t = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t


def _along(view: View, x: float, y: float):
    """Arrow positions along the border from (x, y) outwards, EDGE_SPACING apart, both ways."""
    on_side = abs(x - EDGE_INSET) < 0.5 or abs(x - (view.width - EDGE_INSET)) < 0.5
    low, high = EDGE_INSET, (view.height if on_side else view.width) - EDGE_INSET
    along = y if on_side else x
    seen = set()
    for step in range(80):
        offset = (step + 1) // 2 * EDGE_SPACING * (1 if step % 2 else -1)
        candidate = round(min(high, max(low, along + offset)), 3)
        if candidate not in seen:
            seen.add(candidate)
            yield (x, candidate) if on_side else (candidate, y)


def _label_sides(view: View, x: float, y: float) -> tuple[str, ...]:
    """The sides of an edge arrow its label may take, inner side first: never over the border."""
    horizontal = ("right",) if x < view.width / 3 else ("left",) if x > 2 * view.width / 3 else ()
    vertical = ("bottom",) if y < view.height / 2 else ("top",)
    if abs(y - EDGE_INSET) < 0.5 or abs(y - (view.height - EDGE_INSET)) < 0.5:
        return vertical + (horizontal or ("right", "left"))
    return horizontal + vertical


def _clear(point: tuple[float, float], arrows: list[tuple[float, float]], taken: list[Box]) -> bool:
    """No other arrow within EDGE_SPACING, and no marker or label under the arrow."""
    x, y = point
    if any(math.dist(point, other) < EDGE_SPACING for other in arrows):
        return False
    return not any(b[0] < x + 8 and x - 8 < b[2] and b[1] < y + 8 and y - 8 < b[3] for b in taken)


def _edges(view: View, placed: list[PlacedMarker], off: list[int]) -> list[PlacedMarker]:
    """The off-frame markers at the border, each pointing at its place (the shortest way round)."""
    centre_lon, centre_lat = view.lon_at(view.width / 2), view.lat_at(view.height / 2)
    arrows: list[tuple[float, float]] = []
    taken = [(p.x - p.radius, p.y - p.radius, p.x + p.radius, p.y + p.radius) for p in placed if p.in_view]
    taken += [p.label.box for p in placed if p.label]
    taken.append(credit_box(view))
    out = list(placed)
    for i in off:
        p = placed[i]
        m = p.marker
        lon = centre_lon + ((m.lon - centre_lon + 180.0) % 360.0 - 180.0)
        tx, ty = view.x(lon), view.y(m.lat)
        # The arrow where the way to the place crosses the border, else the nearest free spot
        # along it where its label fits too.
        start = _edge_point(view, tx, ty)
        free = [pt for pt in _along(view, *start) if _clear(pt, arrows, taken)]
        x, y = free[0] if free else start
        label = None
        for px, py in free[:12] if p.lines else ():
            label = place_label(px, py, 7.0, p.lines, taken, view, False, _label_sides(view, px, py))
            if label:
                x, y = px, py
                break
        if p.lines and label is None:
            label = place_label(x, y, 7.0, p.lines, taken, view, True, _label_sides(view, x, y))
        arrows.append((x, y))
        angle = math.degrees(math.atan2(ty - y, tx - x))
        direction = COMPASS[round(angle / 45.0) % 8]
        edge = Edge(x, y, angle, direction, _distance_km(centre_lat, centre_lon, m.lat, m.lon))
        taken.append((x - 8, y - 8, x + 8, y + 8))
        if label:
            taken.append(label.box)
        out[i] = replace(p, x=tx, y=ty, label=label, edge=edge)
    return out


@lru_cache(maxsize=2048)
def article_layout(markers: tuple[MapMarker, ...], width: int = 720, height: int = 400) -> MapLayout:
    """An article's map: framed on the places of its story (the world when none is usable).

    Remembered for the life of the process: the SVG and the page's data ask for the same layout,
    and ``mkdocs serve`` recomputes only the maps that changed.
    """
    kept = usable(list(markers))
    if not kept:
        return world_layout((), width, height)
    frame, containers = choose_frame(kept, width, height)
    boxes: list[Box] = []
    for i in frame:
        shape = None if i in containers else _shape_box(kept[i])
        boxes += [_point(kept[i])] + ([shape] if shape else [])
    extent = max((MIN_EXTENT.get(kept[i].kind, MIN_EXTENT["city"]) for i in frame if i not in containers),
                 default=MIN_EXTENT["city"])
    view = fit_view(boxes, extent, width, height)
    placed = list(layout_markers(kept, view, required_labels=True))
    # A country around the frame's own places keeps no edge marker: the frame lies inside it.
    around = {_country(kept[i]) for i in frame} - {None}
    off = [
        i
        for i, p in enumerate(placed)
        if not p.in_view and not (i in containers and _country(kept[i]) in around)
    ]
    placed = _edges(view, placed, off)
    framed = frozenset(kept[i].id for i in frame)
    return MapLayout(view, tuple(placed), focus_countries(kept), framed)


# The site map of a site with a coverage area: a view at least this many degrees wide around the
# covered places (a county's towns alone would frame a valley), and a frame this share of the
# globe's width or more is the world map (the places span it).
SITE_MIN_EXTENT = 4.0
SITE_WORLD_SHARE = 0.6


def _country_box(markers: list[MapMarker]) -> list[Box]:
    """The outline of the polygons the markers lie in (Great Britain for towns in Cumbria): the
    covered country as the base map draws it, without its far-away islands and territories."""
    shapes = basemap()
    boxes = []
    found = {shapes.polygon_at(m.lat, m.lon) for m in markers} - {None}
    for polygon in sorted(found):
        west, south, east, north = (v * shapes.quantum for v in shapes.polygons[polygon].bbox)
        if east - west < 180.0:
            boxes.append((west, south, east, north))
    return boxes


@lru_cache(maxsize=64)
def site_layout(markers: tuple[MapMarker, ...], covered: frozenset[str] = frozenset(),
                whole_country: bool = True, width: int = 720, height: int = 300) -> MapLayout:
    """The site map: framed on the site's coverage area, else on the places present.

    ``covered`` are the ids of the markers inside the site's coverage area (``coverage: [GB]``):
    the frame holds them and, with ``whole_country`` (a country's coverage, not a division's), the
    country's shape they lie in, so a Cumbrian site opens on Britain, not on the world. Places
    outside the frame stay on the interactive map, a pan away. Without a coverage area (or no
    place in it) the frame holds every place, and is the world map when they span most of it.
    """
    kept = usable(list(markers))
    inside = [m for m in kept if m.id in covered] or kept
    if not inside:
        return world_layout((), width, height)
    boxes = [_point(m) for m in inside]
    if inside is not kept and whole_country:
        boxes += _country_box(inside)
    extent = SITE_MIN_EXTENT if inside is not kept else max(MIN_EXTENT.get(m.kind, 1.5) for m in inside)
    view = fit_view(boxes, extent, width, height)
    if inside is kept and view.width / view.kx >= SITE_WORLD_SHARE * 360.0:
        return world_layout(tuple(kept), width, height)
    placed = layout_markers(kept, view, required_labels=False)
    return MapLayout(view, placed, focus_countries(kept), frozenset(m.id for m in inside))
