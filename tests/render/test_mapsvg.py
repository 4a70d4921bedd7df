"""Static SVG map: well-formed, escaped, zoomed right, small, deterministic."""

from __future__ import annotations

import importlib.util
import json
import math
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing import basemap as shapes
from briefing.render.mapsvg import MapMarker, render_map_svg, render_world_svg

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]

SEED = [
    MapMarker("syria", "Syria", 35.0, 38.5, "country"),
    MapMarker("iraq", "Iraq", 33.0, 43.7, "country"),
    MapMarker("anbar", "Anbar", 32.8, 41.6, "admin1"),
    MapMarker("united-states", "United States", 39.8, -98.6, "country"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def markers_of(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if "bf-map-marker" in g.get("class", "").split()]


def land_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{NS}path") if "bf-map-land" in p.get("class", "").split()]


def marker_xy(group: ET.Element) -> tuple[float, float]:
    circle = group.find(f"{NS}circle")
    assert circle is not None
    return float(circle.get("cx")), float(circle.get("cy"))


def data_view(root: ET.Element) -> tuple[float, float, float, float]:
    west, south, east, north = (float(v) for v in root.get("data-view").split())
    return west, south, east, north


def test_well_formed_and_accessible() -> None:
    root = parse(render_map_svg(SEED, title="Where: Syria & Iraq", id_prefix="m1"))
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 720 400"
    title = root.find(f"{NS}title")
    desc = root.find(f"{NS}desc")
    assert title is not None and title.text == "Where: Syria & Iraq"
    assert desc is not None
    for marker in SEED:
        assert marker.label in desc.text
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert set(root.get("aria-labelledby").split()) <= ids
    # Self-contained: no script, no external reference of any kind.
    text = render_map_svg(SEED, title="t")
    for needle in ("<script", "href", "url(", "<image", "<style"):
        assert needle not in text


def test_markers_labels_and_places() -> None:
    root = parse(render_map_svg(SEED, title="t"))
    groups = markers_of(root)
    assert [g.get("data-place") for g in groups] == [m.id for m in SEED]  # the far one last, at the edge
    for group, marker in zip(groups, SEED, strict=True):
        assert group.find(f"{NS}title").text.startswith(marker.label)
        assert group.find(f"{NS}text").text == marker.label
        assert f"bf-map-kind-{marker.kind}" in group.get("class")
    assert "bf-map-offframe" in groups[-1].get("class")
    assert groups[-1].find(f"{NS}title").text == "United States: off the map, 11,000 km west"


def test_escaping_of_hostile_labels_and_ids() -> None:
    nasty = "<script>alert(1)</script> & \"q\" 'a'"
    marker = MapMarker('x" onload="alert(1)', nasty, 48.85, 2.35, "city")
    svg = render_map_svg([marker], title=nasty, id_prefix='p"><script>')
    assert "<script>" not in svg
    root = parse(svg)
    group = markers_of(root)[0]
    assert group.get("data-place") == 'x" onload="alert(1)'
    assert " ".join(group.find(f"{NS}text").itertext()) == nasty  # on two lines, each escaped
    assert root.find(f"{NS}title").text == nasty
    assert root.get("onload") is None and group.get("onload") is None


def test_xml_illegal_characters_are_dropped() -> None:
    parse(render_map_svg([MapMarker("a", "bad\x00\x07label", 10.0, 10.0, "city")], title="t\x01"))


def test_viewbox_contains_every_marker_with_margin() -> None:
    for markers in (SEED[:3], SEED[:1], SEED[2:3], [MapMarker("q", "Qatar", 25.3, 51.2, "country")]):
        root = parse(render_map_svg(markers, title="t"))
        groups = markers_of(root)
        assert len(groups) == len(markers)
        for group in groups:
            x, y = marker_xy(group)
            assert 10 <= x <= 710 and 10 <= y <= 390, (markers, x, y)
        west, south, east, north = data_view(root)
        for m in markers:
            assert west <= m.lon <= east and south <= m.lat <= north


def test_single_country_shows_neighbours() -> None:
    root = parse(render_map_svg([SEED[0]], title="Syria"))
    west, south, east, north = data_view(root)
    assert west < 35.5 and east > 48.0  # Lebanon's coast and Iraq's east
    assert south < 31.0 and north > 38.0  # Jordan and Turkey
    assert 10 <= len(land_paths(root)) <= 60
    focus = [p for p in land_paths(root) if "bf-map-focus" in p.get("class")]
    assert len(focus) == 1  # Syria itself is highlighted


def test_places_of_equal_weight_far_apart_show_the_northern_hemisphere() -> None:
    # No part of the world holds most of the story: every place is framed, none at the edge.
    root = parse(render_map_svg([SEED[0], SEED[3]], title="t"))
    west, south, east, north = data_view(root)
    assert west < -125 and east > 42
    assert east - west < 300
    assert not [g for g in markers_of(root) if "bf-map-offframe" in g.get("class")]


def test_antimeridian_view_is_narrow() -> None:
    fiji = [MapMarker("suva", "Suva", -18.1, 178.4, "city"), MapMarker("lau", "Lau", -17.5, -178.2, "city")]
    root = parse(render_map_svg(fiji, title="Fiji"))
    west, _, east, _ = data_view(root)
    assert east - west < 40
    assert west < 178.4 < east and west < -178.2 + 360 < east
    (x1, _), (x2, _) = (marker_xy(g) for g in markers_of(root))
    assert 0 < x1 < x2 < 720  # Lau is drawn east of Suva, across the dateline
    assert land_paths(root)  # Fiji's islands on both sides are drawn


def test_bering_strait_draws_both_continents() -> None:
    pins = [
        MapMarker("anadyr", "Anadyr", 64.7, 177.5, "city"),
        MapMarker("nome", "Nome", 64.5, -165.4, "city"),
    ]
    root = parse(render_map_svg(pins, title="t"))
    west, _, east, _ = data_view(root)
    assert east - west < 60
    assert len(land_paths(root)) >= 2  # Russia and the United States


def test_culling_keeps_article_maps_small() -> None:
    seed = render_map_svg(SEED, title="t")
    syria = render_map_svg(SEED[:1], title="t")
    world = render_world_svg(SEED, title="t")
    assert len(seed.encode()) < 40_000
    assert len(land_paths(parse(seed))) < len(land_paths(parse(world)))
    assert len(syria) * 2 < len(world)


def test_regions_are_drawn_as_areas() -> None:
    root = parse(render_map_svg([MapMarker("gaza", "Gaza Strip", 31.4, 34.4, "region")], title="t"))
    group = markers_of(root)[0]
    areas = [c for c in group.iter(f"{NS}circle") if c.get("class") == "bf-map-area"]
    assert len(areas) == 1 and float(areas[0].get("r")) > 5


def test_close_labels_do_not_share_a_spot() -> None:
    pins = [MapMarker(str(i), f"Place {i}", 31.8, 35.2, "city") for i in range(3)]
    root = parse(render_map_svg(pins, title="t"))
    spots = {(t.get("x"), t.get("y"), t.get("text-anchor")) for t in root.iter(f"{NS}text")}
    assert len(spots) == 4  # three labels and the attribution


def test_world_map_drops_colliding_labels_but_keeps_markers() -> None:
    pins = [MapMarker(f"p{i}", f"Crowded {i}", 50.0 + i * 0.1, 10.0, "city") for i in range(12)]
    root = parse(render_world_svg(pins, title="All places"))
    groups = markers_of(root)
    assert len(groups) == 12
    assert all(g.find(f"{NS}title") is not None for g in groups)
    assert 1 <= sum(1 for g in groups if g.find(f"{NS}text") is not None) < 12
    assert root.get("viewBox") == "0 0 720 300"
    assert len(land_paths(root)) > 150


def test_attribution_and_empty_map() -> None:
    svg = render_map_svg([], title="Nothing located")
    assert "Natural Earth" in svg
    root = parse(svg)
    assert not markers_of(root) and land_paths(root)
    nan = [MapMarker("n", "Nowhere", math.nan, 0.0, "city")]
    assert render_map_svg(nan, title="Nothing located") == svg


def test_deterministic_output() -> None:
    first = render_map_svg(SEED, title="t")
    shapes.basemap.cache_clear()
    assert render_map_svg(SEED, title="t") == first
    assert render_world_svg(SEED, title="t") == render_world_svg(list(SEED), title="t")


def test_rendering_is_fast() -> None:
    render_map_svg(SEED, title="warm-up")
    start = time.perf_counter()
    for _ in range(5):
        render_map_svg(SEED, title="t")
    assert (time.perf_counter() - start) / 5 < 0.1  # ~10 ms on a quiet machine


def test_css_uses_material_variables_and_print() -> None:
    css = (ROOT / "briefing" / "assets" / "map.css").read_text(encoding="utf-8")  # every map rule
    for name in ("bf-map-land", "bf-map-water", "bf-map-marker", "bf-map-label", "bf-map-focus", "bf-lmap"):
        assert f".{name}" in css
    for variable in ("--md-default-fg-color", "--md-default-bg-color", "--md-accent-fg-color"):
        assert f"var({variable}" in css
    assert "--md-primary-fg-color" in css and "@media print" in css
    assert css.count("{") == css.count("}")
    assert "bf-map" not in (ROOT / "briefing" / "assets" / "briefing.css").read_text(encoding="utf-8")


def test_basemap_has_small_countries_and_credit() -> None:
    path = ROOT / "briefing" / "assets" / "basemap.json"
    assert path.stat().st_size < 1_500_000
    assert "Natural Earth" in path.read_text(encoding="utf-8")[:400]
    basemap = shapes.basemap()
    names = {name: iso for iso, name in basemap.countries}
    assert names["Lebanon"] == "422" and names["Qatar"] == "634" and names["Palestine"] == "275"

    def country_at(lat: float, lon: float) -> str | None:
        polygon = basemap.polygon_at(lat, lon)
        return None if polygon is None else basemap.countries[basemap.polygons[polygon].country][1]

    assert country_at(33.9, 35.9) == "Lebanon"
    assert country_at(31.45, 34.4) == "Palestine"  # Gaza
    assert country_at(61.5, 105.3) == "Russia"
    assert country_at(66.0, -172.0) == "Russia"  # Chukotka, east of the dateline
    assert country_at(45.0, -30.0) is None  # mid-Atlantic


@pytest.fixture(scope="module")
def build_tool():
    spec = importlib.util.spec_from_file_location("build_basemap", ROOT / "tools" / "build_basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_tool_decodes_topojson(build_tool) -> None:
    # A square "country" of two arcs with a small wiggle and a big spike.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [10.0, 20.0]},
        "arcs": [
            [[0, 0], [5000, 1], [5000, -1], [0, 10000]],  # wiggle of 0.001 deg: dropped
            [[10000, 10000], [-5000, 3000], [-5000, -3000], [0, -10000]],  # spike of 3 deg: kept
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "999", "properties": {"name": "Squareland"}}
                ],
            }
        },
    }
    document = build_tool.build(topology, "0", "test.json")
    assert document["countries"] == [{"id": "999", "name": "Squareland", "polygons": [[[0, 1]]]}]
    assert document["arcs"][0] == [1000, 2000, 1000, 0, 0, 1000]
    assert document["arcs"][1] == [2000, 3000, -500, 300, -500, -300, 0, -1000]
    top = str(len(build_tool.LEVELS) - 1)
    assert document["arc_levels"][0] == top + "8" + top  # the corner: a 7-degree detail
    assert document["arc_levels"][1] == top + "78" + top
    text = build_tool.serialise(document)
    assert json.loads(text) == document
    assert text.splitlines()[1].startswith('"format"')
    assert build_tool.serialise(build_tool.build(topology, "0", "test.json")) == text


def test_importance_is_monotonic(build_tool) -> None:
    points = [(0, 0), (10, 50), (20, 0), (30, 5), (40, 0), (50, 100), (60, 0)]
    ranks = build_tool.importance(points)
    assert ranks[0] == ranks[-1] == float("inf")
    assert ranks[5] == 100  # the spike survives longest
    assert ranks[3] <= ranks[1]  # the small bump goes first


# --------------------------------------------------------------------------- the interactive map's data


def test_interactive_map_gets_the_static_layout() -> None:
    from briefing.render.mapdata import map_data
    from briefing.render.mapframe import article_layout

    layout = article_layout(tuple(SEED))
    data = map_data(layout)
    west, south, east, north = data_view(parse(render_map_svg(SEED, title="t")))
    (s, w), (n, e) = data["frame"]["bounds"]
    assert (w, e) == (west, east) and south <= s < n <= north  # the SVG's view, poles cropped
    assert data["copies"] == [0] and data["permanent_labels"] is True
    assert data["focus"] == sorted(layout.focus) and len(data["focus"]) >= 3  # Syria, Iraq, the US
    labels = {m["id"]: m["label"] for m in data["markers"]}
    assert set(labels) == {m.id for m in SEED} and set(labels.values()) <= {"right", "left", "top", "bottom"}
    assert not any(m.get("hidden") for m in data["markers"])  # an article's map labels every place


def test_interactive_map_across_the_antimeridian_and_the_world() -> None:
    from briefing.render.mapdata import map_data
    from briefing.render.mapframe import article_layout
    from briefing.render.mapview import world_layout

    fiji = (MapMarker("suva", "Suva", -18.1, 178.4, "city"), MapMarker("lau", "Lau", -17.5, -178.2, "region"))
    data = map_data(article_layout(fiji))
    assert 360 in data["copies"]
    assert {m["id"]: m["lng"] for m in data["markers"]} == {"suva": 178.4, "lau": 181.8}
    assert data["markers"][0]["area"] is True  # areas first: drawn under the points
    world = map_data(world_layout(tuple(SEED)))
    assert set(world["frame"]) == {"centre", "fill"} and world["frame"]["fill"][0][1] == -180.0
    crowded = [MapMarker(f"p{i}", f"Crowded {i}", 50.0 + i * 0.1, 10.0, "city") for i in range(12)]
    hidden = [m for m in map_data(world_layout(tuple(crowded)))["markers"] if m.get("hidden")]
    assert hidden  # no room on the static world map: shown only while highlighted
    many = [MapMarker(f"m{i}", f"M {i}", -50.0 + i, -170.0 + 4 * i, "city") for i in range(61)]
    assert map_data(world_layout(tuple(many)))["permanent_labels"] is False
