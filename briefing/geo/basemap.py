"""Countries of points: which country a coordinate lies in, and whether it can be a gazetteer place.

The glossary's coordinates are checked against the Natural Earth shapes (``briefing/basemap.py``,
shared with the maps): a place given as [lon, lat] lands in the sea or in another country, and
a place the editors pinned gets its country from where it is.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..basemap import basemap

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
