"""What the interactive map is given: the static map's layout, as the page's inline data.

``assets/map.js`` draws a Leaflet map from this and computes nothing of its own: the frame
to open on, the copies of the world to draw past the antimeridian, the countries that stand
out, each marker's position and the side of its label all come from ``render/mapview.py``,
the layout the SVG map is drawn from, so both layers show the same map.
"""

from __future__ import annotations

import math

from .mapview import Label, MapLayout, PlacedMarker, num

# The site map labels its places permanently only up to this many; beyond it labels show on
# hover (and while the place is highlighted), so that the world does not drown in names.
MAX_PERMANENT_LABELS = 60
# Web Mercator has no poles: the interactive map keeps its latitudes to where the places are,
# at least MERCATOR_SOUTH..MERCATOR_NORTH, else the polar margins would swallow the map.
MERCATOR_SOUTH, MERCATOR_NORTH = -60.0, 75.0
MERCATOR_MAX_LAT = 85.0511287798  # Leaflet's SphericalMercator.MAX_LATITUDE
WORLD_SPAN = 300.0  # degrees of longitude from which a view is the world: it fills the map's width


def _mercator_y(lat: float) -> float:
    sin = math.sin(math.radians(max(-MERCATOR_MAX_LAT, min(MERCATOR_MAX_LAT, lat))))
    return math.log((1 + sin) / (1 - sin)) / 2


def _mercator_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def _frame(layout: MapLayout) -> dict:
    """The view to open on, in the numbers of the SVG's ``data-view`` attribute.

    ``bounds`` ([[south, west], [north, east]]) is fitted into the map; a world view has a
    ``centre`` instead and a ``fill`` line ([[lat, west], [lat, east]]) that spans the width.
    """
    view = layout.view
    west, south, east, north = (float(num(v)) for v in (view.west, view.south, view.east, view.north))
    lats = [p.marker.lat for p in layout.markers if p.in_view]
    south = max(south, min([MERCATOR_SOUTH, *lats]))
    north = min(north, max([MERCATOR_NORTH, *(lat + 2 for lat in lats)]))
    if east - west >= WORLD_SPAN:
        mid = round(_mercator_lat((_mercator_y(north) + _mercator_y(south)) / 2), 6)
        return {"centre": [mid, (west + east) / 2], "fill": [[mid, west], [mid, east]]}
    return {"bounds": [[south, west], [north, east]]}


def _lng(placed: PlacedMarker, layout: MapLayout, west: float) -> float:
    """The copy of the longitude the map shows: inside the view, or the shortest way to it.

    Whole turns are added only where needed, so the number stays the place's own otherwise.
    """
    lon = placed.marker.lon
    target = layout.view.lon_at(placed.x) if placed.edge else west + (lon - west) % 360.0
    return lon + 360.0 * round((target - lon) / 360.0)


def _offset(placed: PlacedMarker, label: Label, x: float, y: float) -> list[float]:
    """Where the label's box touches its side, in px from the marker (Leaflet's tooltip offset).

    The tooltip opens in the label's direction from that point, so the interactive label sits
    in the box the static map gave it (moved inside the frame, wrapped) rather than only on its
    side.
    """
    x0, y0, x1, y1 = label.box
    point = {
        "right": (x0, (y0 + y1) / 2),
        "left": (x1, (y0 + y1) / 2),
        "top": ((x0 + x1) / 2, y1),
        "bottom": ((x0 + x1) / 2, y0),
    }[label.side]
    return [float(num(point[0] - x)), float(num(point[1] - y))]


def _edge(placed: PlacedMarker, layout: MapLayout) -> dict:
    """An edge marker as the interactive map draws it: at the same place of the frame."""
    edge, view = placed.edge, layout.view
    assert edge is not None
    item = {
        "lat": round(view.lat_at(edge.y), 4),
        "lng": round(view.lon_at(edge.x), 4),
        "angle": float(num(edge.angle)),
        "direction": edge.direction,
        "km": edge.km,
    }
    if placed.label:
        item["label"] = placed.label.side
        item["offset"] = _offset(placed, placed.label, edge.x, edge.y)
    return item


def map_data(layout: MapLayout) -> dict:
    """The ``map`` entry of a page's inline data: frame, world copies, focus countries, markers.

    Markers come in drawing order (areas first, so that they lie under the point markers);
    ``lng`` is the copy of the longitude inside the view (whole turns added, so the
    number stays the place's own where no turn is needed), ``label`` the side of the marker its
    label sits on, as on the static map, ``offset`` where (px from the marker), ``lines`` the
    label's lines, and ``hidden`` marks a label the static map had no room for (shown only
    while its place is highlighted). A place outside the frame has an ``edge``: the arrow the
    static map draws at its border, and the interactive map at the same latitude and longitude.
    """
    view = layout.view
    west, east = float(num(view.west)), float(num(view.east))
    copies = [0] + ([360] if east > 180 else []) + ([-360] if west < -180 else [])
    permanent = len(layout.markers) <= MAX_PERMANENT_LABELS
    markers = []
    for placed in sorted(layout.markers, key=lambda p: not p.area):
        m = placed.marker
        item = {
            "id": m.id,
            "name": m.label,
            "kind": m.kind,
            "lat": m.lat,
            "lng": _lng(placed, layout, west),
            "area": placed.area,
            "label": placed.label.side if permanent and placed.label and not placed.edge else "right",
        }
        if permanent and placed.label and not placed.edge:
            item["offset"] = _offset(placed, placed.label, placed.x, placed.y)
        if len(placed.lines) > 1:
            item["lines"] = list(placed.lines)
        if placed.edge:
            item["edge"] = _edge(placed, layout)
        elif permanent and placed.label is None:
            item["hidden"] = True  # no room on the static map, or a country around the frame
        markers.append(item)
    return {
        "frame": _frame(layout),
        "copies": copies,
        "focus": sorted(layout.focus),
        "permanent_labels": permanent,
        "framed": sorted(layout.framed),
        "markers": markers,
    }
