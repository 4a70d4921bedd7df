"""The site map frames the site's coverage area, or its places, and the world only when they span it."""

from __future__ import annotations

import html
import json
import re

from briefing.model import Place
from briefing.render.mapframe import site_layout
from briefing.render.mapview import MapMarker
from briefing.render.page import render_site_map

CUMBRIA = [Place("carlisle", "Carlisle", 54.895, -2.938, "city", "GB"),
           Place("kendal", "Kendal", 54.327, -2.748, "city", "GB"),
           Place("river-eden", "River Eden", 54.9, -2.93, "feature", "GB")]
ABROAD = [Place("paris", "Paris", 48.857, 2.352, "city", "FR"),
          Place("tokyo", "Tokyo", 35.69, 139.69, "city", "JP"),
          Place("lima", "Lima", -12.05, -77.04, "city", "PE")]


def _frame(places: list[Place], coverage: tuple[str, ...] = ()) -> dict:
    page = render_site_map([(p, [("A flood", "a/")], 1, None) for p in places], coverage=coverage)
    data = json.loads(html.unescape(re.search(r'data-json="([^"]*)"', page).group(1)))
    return data["map"]["frame"]


def _bounds(frame: dict) -> tuple[float, float, float, float]:
    (south, west), (north, east) = frame["bounds"]
    return west, south, east, north


def test_a_gb_site_opens_on_britain_not_the_world():
    west, south, east, north = _bounds(_frame(CUMBRIA + ABROAD, ("GB",)))
    assert south <= 50.1 and north >= 58.6  # the whole of Great Britain, Cornwall to Caithness
    assert north - south < 20 and east - west < 60  # and not the world: Tokyo and Lima lie outside
    assert not west < 139.69 < east


def test_a_division_site_opens_on_its_places():
    west, south, east, north = _bounds(_frame(CUMBRIA + ABROAD, ("GB-ENG",)))
    assert south < 54.327 and north > 54.9 and north - south < 6


def test_without_coverage_the_map_frames_the_places_present():
    west, south, east, north = _bounds(_frame(CUMBRIA))
    assert south < 54.327 and north > 54.9 and east - west < 20


def test_places_spanning_the_globe_get_the_world_map():
    frame = _frame(CUMBRIA + ABROAD)
    assert "centre" in frame  # the world view: centre and a line to fill the width


def test_places_outside_the_frame_stay_on_the_map():
    markers = tuple(MapMarker(p.entity, p.name, p.lat, p.lon, p.kind) for p in CUMBRIA + ABROAD)
    layout = site_layout(markers, frozenset({"carlisle", "kendal", "river-eden"}))
    assert {p.marker.id for p in layout.markers} == {m.id for m in markers}
    assert {p.marker.id for p in layout.markers if p.in_view} >= {"carlisle", "kendal"}
    assert layout.framed == frozenset({"carlisle", "kendal", "river-eden"})
