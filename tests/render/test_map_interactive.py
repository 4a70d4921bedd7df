"""The interactive map: Leaflet over the static SVG, from file://, with no outside request.

The first tests check the generated country shapes (``basemap.js``) and the
payload budget without a browser. The browser tests drive Debian's Chromium
like ``test_browser.py`` does: every request outside the built site is
aborted and recorded, and console errors fail the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.basemap import BASEMAP_PATH
from briefing.render.basemapjs import FORMAT, basemap_script, decode_polyline, encode_polyline

from ..conftest import briefing_pages, open_page

ASSETS = Path(__file__).resolve().parents[2] / "briefing" / "assets"
PREFIX = "window.BRIEFING_BASEMAP="


def _script_data(text: str) -> dict:
    """The object that basemap.js assigns (it is JSON after the assignment)."""
    body = text[text.index(PREFIX) + len(PREFIX) :].rstrip().rstrip(";")
    return json.loads(body)


# --------------------------------------------------------------------------- no browser


def test_polyline_round_trip_keeps_every_integer():
    values = [0, 1, -1, 15, -16, 31, -32, 1023, -1024, 17999, -18000, 36000, -9000, 123456, -654321]
    text = encode_polyline(values)
    assert decode_polyline(text) == values
    assert all(63 <= ord(c) <= 126 for c in text)  # printable ASCII: safe in a JS string


def test_basemap_script_reproduces_every_arc_of_basemap_json():
    source = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))
    data = _script_data(basemap_script(0))
    assert data["format"] == FORMAT
    assert "Natural Earth" in data["source"] and data["quantum"] == source["quantum"]
    assert len(data["arcs"]) == len(source["arcs"])
    for encoded, flat in zip(data["arcs"], source["arcs"], strict=True):
        assert decode_polyline(encoded) == flat  # level 0 keeps every vertex, deltas included
    assert [c[0] for c in data["countries"]] == [c["name"] for c in source["countries"]]
    assert data["countries"][0][2] == source["countries"][0]["polygons"]


def test_coarser_level_keeps_arc_endpoints_and_shrinks():
    fine, coarse = _script_data(basemap_script(0)), _script_data(basemap_script(3))
    assert len(basemap_script(3)) < 0.8 * len(basemap_script(0))
    for a, b in zip(fine["arcs"], coarse["arcs"], strict=True):
        va, vb = decode_polyline(a), decode_polyline(b)
        assert va[:2] == vb[:2]  # same first point
        assert (sum(va[0::2]), sum(va[1::2])) == (sum(vb[0::2]), sum(vb[1::2]))  # same last point


def test_basemap_script_is_deterministic_and_small():
    first = basemap_script.__wrapped__(0)
    assert first == basemap_script.__wrapped__(0)
    assert first.startswith("/*") and PREFIX in first
    assert len(first.encode()) < 200_000


def test_map_payload_stays_within_budget():
    files = [
        ASSETS / "vendor" / "leaflet" / "leaflet.js",
        ASSETS / "vendor" / "leaflet" / "leaflet.css",
        ASSETS / "map.js",
        ASSETS / "map.css",
    ]
    total = sum(f.stat().st_size for f in files) + len(basemap_script().encode())
    assert total < 600_000, total
    assert "Leaflet 1.9.4" in files[0].read_text(encoding="utf-8")[:200]
    assert (ASSETS / "vendor" / "leaflet" / "LICENSE").read_text(encoding="utf-8").startswith("BSD 2-Clause")


def test_map_script_makes_no_request_of_its_own():
    script = (ASSETS / "map.js").read_text(encoding="utf-8")
    for needle in ("fetch(", "XMLHttpRequest", "import(", "http://", "sendBeacon"):
        assert needle not in script
    assert "https://" not in script.replace('<a href="https://leafletjs.com">', "")


# --------------------------------------------------------------------------- browser


# `browser` is the session's one Chromium (tests/conftest.py): Playwright allows one sync driver.


def _open(browser, built_site: Path, *, scheme: str = "light", block: tuple[str, ...] = ()):
    return open_page(browser, built_site, scheme=scheme, block=block)


@pytest.fixture()
def page(browser, built_site):
    context, pg = _open(browser, built_site)
    yield pg
    context.close()


def _seed_url(built_site: Path) -> str:
    return briefing_pages(built_site)[0].resolve().as_uri()


def _wait_for_map(pg) -> None:
    pg.wait_for_selector(".bf-lmap.leaflet-container .bf-lmap-marker", timeout=15_000)


def _marker(pg, place: str):
    return pg.locator(f'.bf-lmap [data-bf-place="{place}"]')


@pytest.mark.browser
@pytest.mark.slow
def test_leaflet_map_replaces_the_static_one_with_markers_and_shapes(page, built_site):
    page.goto(_seed_url(built_site))
    _wait_for_map(page)
    assert _marker(page, "syria").count() == 1 and _marker(page, "iraq").count() == 1
    assert page.locator(".bf-lmap .bf-lmap-land").count() > 150  # the countries, drawn without tiles
    assert page.locator(".bf-lmap .bf-lmap-land.bf-lmap-focus").count() >= 2  # Syria and Iraq stand out
    labels = page.locator(".bf-lmap .bf-lmap-label").all_inner_texts()
    assert "Syria" in labels and "Iraq" in labels
    assert page.locator("figure.bf-map svg[data-view]").is_hidden()  # the static map steps aside
    box = page.locator(".bf-lmap").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    assert page.locator(".leaflet-tile").count() == 0
    assert page.outside == [] and page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_marker_and_mentions_point_at_each_other(page, built_site):
    page.goto(_seed_url(built_site))
    _wait_for_map(page)
    mentions = page.locator('.bf-m[data-bf="iraq"]')
    assert mentions.count() >= 1

    _marker(page, "iraq").hover()
    assert page.locator('.bf-m.bf-hl[data-bf="iraq"]').count() == mentions.count()
    assert page.locator("li#bf-place-iraq.bf-hl").count() == 1
    assert page.locator('.bf-m.bf-hl[data-bf="syria"]').count() == 0
    page.mouse.move(5, 5)
    page.wait_for_timeout(50)
    assert page.locator('.bf-m.bf-hl[data-bf="iraq"]').count() == 0

    _marker(page, "iraq").click()  # the popup keeps the place highlighted
    popup = page.locator(".bf-lmap .leaflet-popup")
    popup.wait_for(state="visible")
    assert "Iraq" in popup.inner_text()
    page.mouse.move(5, 5)
    assert page.locator('.bf-m.bf-hl[data-bf="iraq"]').count() == mentions.count()
    popup.locator("a.bf-lmap-goto").click()
    page.wait_for_function("document.activeElement && document.activeElement.dataset.bf === 'iraq'")
    page.wait_for_function(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )

    page.keyboard.press("Escape")
    page.mouse.move(5, 5)
    syria = page.locator('.bf-m[data-bf="syria"]').first
    syria.hover()
    page.wait_for_selector('.bf-lmap [data-bf-place="syria"].bf-hl', timeout=2_000)
    page.mouse.move(5, 5)
    page.wait_for_selector('.bf-lmap [data-bf-place="syria"]:not(.bf-hl)', timeout=2_000)
    syria.focus()
    page.wait_for_selector('.bf-lmap [data-bf-place="syria"].bf-hl', timeout=2_000)
    assert page.outside == [] and page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_dark_palette_and_print_keep_the_right_map(browser, built_site):
    context, pg = _open(browser, built_site, scheme="dark")
    try:
        pg.goto(_seed_url(built_site))
        _wait_for_map(pg)
        background = pg.evaluate("getComputedStyle(document.querySelector('.bf-lmap')).backgroundColor")
        body = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(221, 221, 221)" and background != body  # water, from the palette
        land = pg.evaluate("getComputedStyle(document.querySelector('.bf-lmap-land')).fill")
        assert land != "rgb(51, 136, 255)"  # Leaflet's default blue was replaced by the palette
        pg.emulate_media(media="print")
        assert pg.locator("figure.bf-map svg[data-view]").is_visible()
        assert pg.locator(".bf-lmap").is_hidden()
        assert pg.outside == [] and pg.errors == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_without_leaflet_the_static_map_stays(browser, built_site):
    context, pg = _open(browser, built_site, block=("leaflet.js",))
    try:
        pg.goto(_seed_url(built_site))
        pg.wait_for_load_state("load")
        pg.wait_for_timeout(300)
        assert pg.locator(".bf-lmap").count() == 0
        assert pg.locator("figure.bf-map svg[data-view]").is_visible()
        assert [e for e in pg.errors if "Failed to load resource" not in e] == []  # the script did not throw
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_site_map_links_places_to_briefings(page, built_site):
    pages = [p for p in sorted(built_site.rglob("*.html")) if "bf-sitemap" in p.read_text(encoding="utf-8")]
    if not pages:
        pytest.skip("this build has no site-wide map page")
    page.goto(pages[0].resolve().as_uri())
    _wait_for_map(page)
    _marker(page, "syria").click()
    popup = page.locator(".bf-lmap .leaflet-popup")
    popup.wait_for(state="visible")
    links = popup.locator("ul.bf-lmap-briefings a")
    assert links.count() >= 1
    assert links.first.get_attribute("href").endswith(".html")
    assert page.outside == [] and page.errors == []


# --------------------------------------------------------------------------- tile options

HOSTILE_ATTRIBUTION = "<img src=x onerror=\"window.__pwned=1\"> © Tiles & Co"


@pytest.fixture(scope="module")
def tiled_site(tmp_path_factory) -> Path:
    from ..conftest import SEED, build, make_site

    root = make_site(
        tmp_path_factory.mktemp("tiles"),
        seeds={SEED.name: SEED.read_text(encoding="utf-8")},
        plugin_options=(
            "      map_tiles:\n        url: https://tiles.invalid/{z}/{x}/{y}.png\n"
            f"        attribution: {json.dumps(HOSTILE_ATTRIBUTION)}\n"
        ),
    )
    snapshot = SEED.with_name(SEED.stem + ".annotations.yml")
    (root / "seeds" / snapshot.name).write_bytes(snapshot.read_bytes())  # fresh: no NLP
    proc = build(root, "-d", str(root / "out"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return root / "out"


@pytest.mark.slow
@pytest.mark.browser
def test_tile_attribution_is_text_not_html(browser, tiled_site):
    """``map_tiles.attribution`` is shown as plain text: markup in it never runs."""
    context, pg = open_page(browser, tiled_site)
    try:
        page = next((tiled_site / "briefings").glob("*.html"))
        pg.goto(page.resolve().as_uri())
        control = pg.locator(".bf-lmap .leaflet-control-attribution").first
        control.wait_for(timeout=10_000)
        assert "© Tiles & Co" in control.inner_text()
        assert "<img" in control.inner_text()  # shown, as text
        assert control.locator("img").count() == 0
        assert pg.evaluate("typeof window.__pwned") == "undefined"
        assert all("tiles.invalid" in url for url in pg.outside)  # tiles asked for, nothing else
    finally:
        context.close()


@pytest.mark.parametrize(
    "tiles, words",
    [
        ("{url: 'javascript:alert(1)'}", "map_tiles"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png\" onload=\"x'}", "map_tiles"),
        ("{attribution: x}", "url"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png', attribution: [1]}", "attribution"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png', max_zoom: many}", "max_zoom"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png', colour: red}", "colour"),
        ("'https://t.example/{z}/{x}/{y}.png'", "a mapping, not text"),  # the URL alone
        ("[https://t.example/a.png]", "a mapping"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png', max_zoom: 40}", "from 0 to 30"),
        ("{url: 'https://t.example/{z}/{x}/{y}.png', subdomains: [a, b]}", "subdomains"),
    ],
)
def test_bad_tile_options_are_one_line(tmp_path, tiles, words):
    from ..conftest import build, make_site

    root = make_site(tmp_path, plugin_options=f"      map_tiles: {tiles}\n")
    proc = build(root, "-q", "-d", str(tmp_path / "out"), timeout=120)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("ERROR")]
    assert len(errors) == 1 and "map_tiles" in errors[0] and words in errors[0], proc.stderr


def test_rings_across_the_antimeridian_travel_unwrapped():
    """basemap.js carries such rings whole, as the static maps draw them: map.js only joins arcs."""
    from briefing.basemap import basemap

    data = _script_data(basemap_script(0))
    shapes = basemap()
    whole = 0
    sources = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))["countries"]
    for country, source in zip(data["countries"], sources, strict=True):
        for rings, refs_of in zip(country[2], source["polygons"], strict=True):
            for ring, refs in zip(rings, refs_of, strict=True):
                if isinstance(ring, str):
                    whole += 1
                    values = decode_polyline(ring)
                    xs, ys = [], []
                    x = y = 0
                    for dx, dy in zip(values[0::2], values[1::2], strict=True):
                        x, y = x + dx, y + dy
                        xs.append(x)
                        ys.append(y)
                    assert list(zip(xs, ys, strict=True)) == shapes.unwrapped_ring(tuple(refs), 0)
                else:
                    assert ring == refs and shapes.unwrapped_ring(tuple(refs), 0) is None
    assert whole >= 2  # Russia and Fiji at least


# --------------------------------------------------------------------------- the frame (#16)


def _box(pg, selector: str) -> dict:
    return pg.locator(selector).first.bounding_box()


def _within(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def _overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.browser
@pytest.mark.slow
def test_seed_map_opens_on_syria_and_iraq_with_the_same_edge_markers(page, built_site):
    page.goto(_seed_url(built_site))
    _wait_for_map(page)
    static = page.eval_on_selector_all(
        "figure.bf-map svg g.bf-map-offframe", "els => els.map(e => e.dataset.place).sort()"
    )
    interactive = page.eval_on_selector_all(
        ".bf-lmap [data-bf-edge]", "els => els.map(e => e.dataset.bfEdge).sort()"
    )
    assert static == interactive == ["united-states", "walter-reed-medical-center"]
    frame = _box(page, ".bf-lmap")
    assert _within(_box(page, '.bf-lmap [data-bf-place="syria"]'), frame)
    assert _within(_box(page, '.bf-lmap [data-bf-place="iraq"]'), frame)
    far = _box(page, '.bf-lmap [data-bf-place="united-states"]')
    assert far is None or far["width"] < 4 or not _within(far, frame)  # off the frame (Leaflet culls it)
    edge = page.locator('.bf-lmap [data-bf-edge="united-states"]')
    assert _within(edge.bounding_box(), frame) and "off the map" in edge.get_attribute("aria-label")
    assert "United States" in page.locator(".bf-lmap .bf-lmap-edge-label").all_inner_texts()
    edge.click()  # the way to it: the frame and the place together
    page.wait_for_selector(
        '.bf-lmap [data-bf-edge="united-states"].bf-lmap-edge-hidden', state="attached", timeout=3_000
    )
    near = _box(page, '.bf-lmap [data-bf-place="united-states"]')
    assert near["width"] >= 8 and _within(near, _box(page, ".bf-lmap"))
    assert page.outside == [] and page.errors == []


LOCAL_STORY = """Environment
Floods close roads across the Eden valley
CARLISLE, Cumbria, Wednesday 12 March 2025 — Floodwater closed roads in Carlisle, Penrith and \
Appleby-in-Westmorland on Tuesday after the River Eden burst its banks overnight.
Residents of Appleby-in-Westmorland were evacuated to a rest centre in Penrith on Tuesday evening, \
and volunteers filled sandbags in Keswick.
Ministers in London promised emergency funding.
"""
LOCAL_GLOSSARY = """
  - name: Carlisle
    type: GPE
    coordinates: [54.895, -2.938]
  - name: Keswick
    type: GPE
    coordinates: [54.599, -3.133]
  - name: Penrith
    type: GPE
    coordinates: [54.6641, -2.7527]
  - name: Appleby-in-Westmorland
    type: GPE
    coordinates: [54.5771, -2.4890]
  - name: River Eden
    type: LOC
    coordinates: [54.75, -2.72]
  - name: Eden valley
    type: LOC
    coordinates: [54.62, -2.55]
  - name: London
    type: GPE
    coordinates: [51.509, -0.126]
"""


@pytest.fixture(scope="module")
def local_site(tmp_path_factory) -> Path:
    """An invented town-level story, its places pinned by the glossary (the editors' word)."""
    from ..conftest import build, make_site

    root = make_site(tmp_path_factory.mktemp("local"), seeds={"2025-03-12-eden-floods.txt": LOCAL_STORY})
    glossary = root / "seeds" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8").replace("entities:\n", "entities:" + LOCAL_GLOSSARY, 1)
    glossary.write_text(text, encoding="utf-8")
    proc = build(root, "-d", str(root / "out"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return root / "out"


@pytest.mark.browser
@pytest.mark.slow
def test_local_story_map_shows_its_towns_apart_with_labels_inside(browser, local_site):
    import re

    context, pg = open_page(browser, local_site)
    try:
        page_path = local_site / "briefings" / "2025-03-12-eden-floods.html"
        html = page_path.read_text(encoding="utf-8")
        pg.goto(page_path.resolve().as_uri())
        _wait_for_map(pg)
        frame = _box(pg, ".bf-lmap")
        towns = ("carlisle", "keswick", "penrith", "appleby-in-westmorland")
        centres = {}
        for town in towns:
            box = _box(pg, f'.bf-lmap [data-bf-place="{town}"]')
            assert _within(box, frame), town
            centres[town] = ((box["x"] + box["width"] / 2 - frame["x"]) / frame["width"],
                             (box["y"] + box["height"] / 2 - frame["y"]) / frame["height"])
        (cx, cy), (kx, ky) = centres["carlisle"], centres["keswick"]
        assert (cx - kx) ** 2 + (cy - ky) ** 2 > 0.1 ** 2  # a town-level zoom: the towns apart
        # The static map puts each town at the same place of the frame (both layers agree).
        for town in towns:
            pattern = rf'data-place="{town}"><title>[^<]*</title><circle cx="([\d.]+)" cy="([\d.]+)"'
            group = re.search(pattern, html)
            assert group, town
            sx, sy = float(group.group(1)) / 720, float(group.group(2)) / 400
            assert abs(sx - centres[town][0]) < 0.1 and abs(sy - centres[town][1]) < 0.1, town
        # Every label is whole, inside the map; London is an arrow at the edge.
        for label in pg.locator(".bf-lmap .bf-lmap-label").all():
            box = label.bounding_box()
            if label.is_visible() and _overlaps(box, frame):  # on the map: then whole
                assert _within(box, frame, slack=2.0), label.inner_text()
        assert pg.locator('.bf-lmap [data-bf-edge="london"]').count() == 1
        assert 'data-place="london" data-direction="south-east"' in html
        assert pg.outside == [] and pg.errors == []
    finally:
        context.close()
