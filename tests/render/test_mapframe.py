"""The article map's frame: where the story happens, far places at the edge, labels inside (#16).

Weights are read from invented articles' annotations (hand-made, as the stages would give
them, so that the rule is tested on its own); the seed's own committed snapshot checks the
example page; the layouts are checked in the SVG and in the interactive map's data alike.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing.model import Annotations, Document, Entity, Event, Mention, Place
from briefing.render.mapdata import map_data
from briefing.render.mapfocus import place_weights
from briefing.render.mapframe import article_layout, choose_frame
from briefing.render.mapsvg import render_map_svg
from briefing.render.mapview import MapMarker, label_lines
from briefing.render.page import place_markers, render_places

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]

GAZETTEER = {  # invented articles' places, where the gazetteer puts them
    "France": (46.0, 2.0, "country", "FR"),
    "Ghent": (51.05, 3.72, "city", "BE"),
    "Bruges": (51.21, 3.22, "city", "BE"),
    "Carlisle": (54.895, -2.938, "city", "GB"),
    "Keswick": (54.599, -3.133, "city", "GB"),
    "Penrith": (54.664, -2.753, "city", "GB"),
    "Cumbria": (54.5, -3.0, "admin1", "GB"),
    "London": (51.509, -0.126, "city", "GB"),
}


def annotate(text: str, events: list[tuple[str, list[str]]] = ()) -> Annotations:
    """Annotations of ``text`` whose places are every GAZETTEER name it contains.

    ``events`` are (a sentence of the text, the places the event lists).
    """
    entities, places = [], []
    for name, (lat, lon, kind, country) in GAZETTEER.items():
        spans = []
        start = text.find(name)
        while start >= 0:
            spans.append(Mention(start, start + len(name), name))
            start = text.find(name, start + 1)
        upper = text.find(name.upper())
        if upper >= 0:
            spans.append(Mention(upper, upper + len(name), name.upper()))
        if not spans:
            continue
        slug = name.lower()
        entities.append(Entity(slug, name, "GPE", mentions=sorted(spans, key=lambda m: m.start)))
        places.append(Place(slug, name, lat, lon, kind, country))
    evs = []
    for n, (sentence, names) in enumerate(events):
        start = text.index(sentence)
        span = (start, start + len(sentence))
        evs.append(Event(f"e{n}", sentence, span, places=[s.lower() for s in names]))
    return Annotations(Document(text), entities, places, [], evs)


# --------------------------------------------------------------------------- weights from the text


def test_locative_places_outweigh_an_actor_country() -> None:
    ann = annotate("The French government said France would help. Floods in Ghent and Bruges closed roads.")
    weights = place_weights(ann)
    assert weights["france"] == 0  # named twice, never as where anything happens
    assert weights["ghent"] == 1 and weights["bruges"] == 1  # "in Ghent and Bruges"


def test_dateline_apposition_and_residents_of_are_locative() -> None:
    ann = annotate("CARLISLE, Cumbria \u2014 Residents of Keswick were told to leave.\nLondon said nothing.")
    weights = place_weights(ann)
    assert weights["carlisle"] == 1 and weights["cumbria"] == 1 and weights["keswick"] == 1
    assert weights["london"] == 0.5  # a town named bare: half


def test_adjectives_and_directions_between_preposition_and_name() -> None:
    ann = annotate("Rain fell in northern France, north of Ghent and outside Bruges. France-led talks.")
    weights = place_weights(ann)
    assert weights["france"] == 1  # "in northern France"; "France-led" adds nothing
    assert weights["ghent"] == 1 and weights["bruges"] == 1


def test_a_place_of_an_event_counts_twice() -> None:
    text = "Water rose in Penrith on Monday. Shops in Keswick are open."
    weights = place_weights(annotate(text, [("Water rose in Penrith on Monday.", ["Penrith"])]))
    assert weights["penrith"] == 2 and weights["keswick"] == 1


def test_without_any_locative_mention_places_weigh_their_mentions() -> None:
    weights = place_weights(annotate("France and France again, and France."))
    assert weights == {"france": 3.0}


# --------------------------------------------------------------------------- the frame

SYRIA = MapMarker("syria", "Syria", 35.0, 38.5, "country", 7.0)
IRAQ = MapMarker("iraq", "Iraq", 33.0, 43.7, "country", 5.0)
ANBAR = MapMarker("anbar", "Anbar", 33.3, 41.3, "admin1", 1.0)
US = MapMarker("united-states", "United States", 38.75, -98.0, "country", 0.0)
WALTER_REED = MapMarker("walter-reed", "Walter Reed Medical Center", 39.0, -77.09, "address", 2.0)
TOWNS = [
    MapMarker("carlisle", "Carlisle", 54.895, -2.938, "city", 3.0),
    MapMarker("penrith", "Penrith", 54.664, -2.753, "city", 6.0),
    MapMarker("appleby", "Appleby-in-Westmorland", 54.577, -2.489, "city", 4.0),
    MapMarker("keswick", "Keswick", 54.599, -3.133, "city", 4.0),
    MapMarker("kirkby-stephen", "Kirkby Stephen", 54.472, -2.348, "city", 1.0),
    MapMarker("london", "London", 51.509, -0.126, "city", 2.0),
]


def edges(layout) -> dict[str, object]:
    return {p.marker.id: p for p in layout.markers if p.edge}


def inside(view, marker: MapMarker) -> bool:
    return view.west <= view.unwrap(marker.lon) <= view.east and view.south <= marker.lat <= view.north


def test_the_seed_markers_frame_syria_and_iraq_with_the_us_at_the_edge() -> None:
    layout = article_layout((US, SYRIA, IRAQ, ANBAR, WALTER_REED))
    view = layout.view
    assert all(inside(view, m) for m in (SYRIA, IRAQ, ANBAR))
    assert view.west > 20 and view.east - view.west < 45  # the Middle East, not the Atlantic
    far = edges(layout)
    assert set(far) == {"united-states", "walter-reed"}
    for placed in far.values():
        assert placed.edge.direction == "west" and placed.edge.x < 20  # at the west border
        assert abs(abs(placed.edge.angle) - 180) < 20  # pointing west
        assert placed.label and placed.label.box[0] >= 0  # named, inside the map
    assert far["united-states"].edge.km > 9000
    assert layout.framed == {"syria", "iraq", "anbar"}


def test_the_seed_page_frames_syria_and_iraq_not_the_us() -> None:
    from briefing.snapshots import load
    from briefing.sources import read_seed

    seed = ROOT / "seeds" / "000_d12db4dc30b4437a.txt"
    ann = load(seed.with_suffix(".annotations.yml"), read_seed(seed).document).annotations
    weights = place_weights(ann)
    assert weights["united-states"] == 0  # "the US military", "US-led", "US troops": an actor
    assert weights["syria"] > weights["iraq"] > weights["anbar-province"] > 0
    markers = place_markers(ann)
    layout = article_layout(tuple(markers))
    assert {"syria", "iraq", "anbar-province"} <= layout.framed
    assert "united-states" not in layout.framed and layout.view.west > 20
    assert set(edges(layout)) == {"united-states", "walter-reed-medical-center"}
    html = render_places(ann)  # still listed, with the way to them
    assert "<li id=\"bf-place-united-states\"" in html and "off the map" in html and "km west" in html


def test_a_local_story_frames_its_towns_apart() -> None:
    layout = article_layout(tuple(TOWNS))
    view = layout.view
    towns = [m for m in TOWNS if m.id != "london"]
    assert all(inside(view, m) for m in towns)
    assert view.north - view.south < 2.5  # town level, not the whole of Britain
    placed = {p.marker.id: p for p in layout.markers}
    carlisle, keswick = placed["carlisle"], placed["keswick"]
    assert math.dist((carlisle.x, carlisle.y), (keswick.x, keswick.y)) > 60
    assert placed["london"].edge and placed["london"].edge.direction == "south-east"
    assert 350 <= placed["london"].edge.km <= 420  # from the map's centre, rounded


def test_a_country_around_the_towns_neither_widens_the_frame_nor_points_away() -> None:
    united_states = MapMarker("us", "United States", 39.76, -98.5, "country", 1.0)
    georgia = [
        MapMarker("atlanta", "Atlanta", 33.749, -84.388, "city", 3.0),
        MapMarker("marietta", "Marietta", 33.953, -84.55, "city", 2.0),
        MapMarker("decatur", "Decatur", 33.775, -84.296, "city", 1.0),
    ]
    layout = article_layout((united_states, *georgia))
    assert layout.view.east - layout.view.west < 6
    us = next(p for p in layout.markers if p.marker.id == "us")
    assert not us.in_view and us.edge is None  # the frame lies inside it: listed, highlighted
    svg = render_map_svg([united_states, *georgia], title="t")
    assert 'data-place="us"' not in svg and "bf-map-focus" in svg


def test_a_county_around_the_towns_does_not_widen_the_frame() -> None:
    # "repairs across Cumbria" in a story of four towns: the county has no outline, and its
    # minimum extent as a region would frame half of Britain with the towns piled in one spot.
    cumbria = MapMarker("cumbria", "Cumbria", 54.527, -3.114, "region", 4.0)
    towns = [MapMarker("carlisle", "Carlisle", 54.895, -2.938, "city", 6.0),
             MapMarker("penrith", "Penrith", 54.664, -2.753, "city", 2.0),
             MapMarker("keswick", "Keswick", 54.599, -3.133, "city", 2.0)]
    layout = article_layout((cumbria, *towns))
    assert layout.view.north - layout.view.south < 2.5
    assert all(inside(layout.view, m) for m in (cumbria, *towns))
    alone = article_layout((MapMarker("cumbria", "Cumbria", 54.527, -3.114, "region", 4.0),))
    assert alone.view.north - alone.view.south > 2.5  # named alone, a region is still framed wide


def test_places_all_far_apart_are_all_shown() -> None:
    cities = [
        MapMarker("paris", "Paris", 48.857, 2.352, "city"),
        MapMarker("tokyo", "Tokyo", 35.69, 139.69, "city"),
        MapMarker("new-york", "New York", 40.71, -74.01, "city"),
    ]
    layout = article_layout(tuple(cities))
    assert not edges(layout) and all(p.in_view for p in layout.markers)
    frame, _ = choose_frame(cities)
    assert frame == [0, 1, 2]


def test_a_lone_far_place_of_little_weight_goes_to_the_edge_but_a_heavy_one_is_framed() -> None:
    paris = MapMarker("paris", "Paris", 48.857, 2.352, "city", 4.0)
    tokyo = MapMarker("tokyo", "Tokyo", 35.69, 139.69, "city", 1.0)
    assert set(edges(article_layout((paris, tokyo)))) == {"tokyo"}
    heavy = MapMarker("tokyo", "Tokyo", 35.69, 139.69, "city", 4.0)
    assert not edges(article_layout((paris, heavy)))


# --------------------------------------------------------------------------- labels


def test_long_labels_wrap_near_the_middle() -> None:
    assert label_lines("Appleby-in-Westmorland") == ("Appleby-in-Westmorland",)
    assert label_lines("Walter Reed Medical Center") == ("Walter Reed", "Medical Center")
    no_space = "Llanfairpwllgwyngyll-Gogerychwyrndrobwll"
    assert label_lines(no_space) == ("Llanfairpwllgwyngyll-", "Gogerychwyrndrobwll")


def test_labels_stay_inside_the_map_and_apart() -> None:
    crowded = TOWNS + [
        MapMarker(f"edge-{i}", f"Somewhere-upon-a-very-long-river {i}", 54.6 + 0.02 * i, -2.3, "city", 0.5)
        for i in range(3)
    ]
    for markers in (TOWNS, crowded, [US, SYRIA, IRAQ, ANBAR, WALTER_REED]):
        layout = article_layout(tuple(markers))
        boxes = [p.label.box for p in layout.markers if p.label]
        assert len(boxes) == sum(1 for p in layout.markers if p.in_view or p.edge)  # none dropped
        for x0, y0, x1, y1 in boxes:
            assert 0 <= x0 and x1 <= layout.view.width and 0 <= y0 and y1 <= layout.view.height
    boxes = [p.label.box for p in article_layout(tuple(TOWNS)).markers if p.label]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (a, b)


def test_the_svg_draws_wrapped_labels_and_edge_arrows() -> None:
    root = ET.fromstring(render_map_svg([US, SYRIA, IRAQ, ANBAR, WALTER_REED], title="t"))
    groups = {g.get("data-place"): g for g in root.iter(f"{NS}g") if g.get("data-place")}
    reed = groups["walter-reed"]
    assert "bf-map-offframe" in reed.get("class") and reed.get("data-direction") == "west"
    assert [t.text for t in reed.iter(f"{NS}tspan")] == ["Walter Reed", "Medical Center"]
    assert reed.find(f"{NS}path").get("class") == "bf-map-arrow"
    assert reed.find(f"{NS}title").text == "Walter Reed Medical Center: off the map, 9,800 km west"


# --------------------------------------------------------------------------- both layers agree


def test_the_interactive_map_gets_the_same_frame_and_edge_markers() -> None:
    markers = (US, SYRIA, IRAQ, ANBAR, WALTER_REED)
    layout = article_layout(markers)
    data = map_data(layout)
    root = ET.fromstring(render_map_svg(list(markers), title="t"))
    west, south, east, north = (float(v) for v in root.get("data-view").split())
    (s, w), (n, e) = data["frame"]["bounds"]
    assert (w, e) == (west, east) and (s, n) == (south, north)
    svg_edges = {g.get("data-place") for g in root.iter(f"{NS}g") if "bf-map-offframe" in g.get("class", "")}
    data_edges = {m["id"] for m in data["markers"] if "edge" in m}
    assert svg_edges == data_edges == {"united-states", "walter-reed"}
    for m in data["markers"]:
        if "edge" in m:
            edge = m["edge"]
            assert w < edge["lng"] < e and s < edge["lat"] < n  # the arrow, inside the frame
            assert edge["direction"] == "west" and edge["label"] in {"right", "top", "bottom"}
            assert m["lng"] < -70  # the place itself, the short way round
        else:
            assert "offset" in m and m["label"] in {"right", "left", "top", "bottom"}
    reed = next(m for m in data["markers"] if m["id"] == "walter-reed")
    assert reed["lines"] == ["Walter Reed", "Medical Center"]
    assert data["framed"] == ["anbar", "iraq", "syria"]


def test_the_layout_is_deterministic() -> None:
    markers = tuple(TOWNS)
    first = render_map_svg(list(markers), title="t")
    article_layout.cache_clear()
    assert render_map_svg(list(markers), title="t") == first
    assert map_data(article_layout(markers)) == map_data(article_layout(markers))


def test_a_wider_story_widens_the_frame_step_by_step_not_to_the_world() -> None:
    markers = (
        MapMarker("los-angeles", "Los Angeles", 34.05, -118.24, "city", 4.0),
        MapMarker("santa-ana", "Santa Ana", 33.75, -117.87, "city", 2.0),
        MapMarker("chatsworth", "Chatsworth", 34.26, -118.6, "city", 2.0),
        MapMarker("california", "California", 37.38, -119.66, "admin1", 2.0),
        MapMarker("delhi", "Delhi", 28.65, 77.23, "city", 2.0),
    )
    layout = article_layout(markers)
    assert layout.framed == {"los-angeles", "santa-ana", "chatsworth", "california"}
    assert set(edges(layout)) == {"delhi"} and layout.view.east < -100
