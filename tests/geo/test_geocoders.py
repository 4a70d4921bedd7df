"""Online geocoders through geopy against a real HTTP server on loopback that answers like Nominatim:
well, slowly, with 429/500, with garbage, or by hanging up. Nothing wrong is ever cached."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from briefing.geo.geocoders import Chain, GeocodeCache, GeocoderConfigError
from briefing.model import Annotations, Document, Entity, Mention, Place

from ..conftest import SEED, build, make_site

KNOWN = {"Walter Reed Medical Center": (39.0003, -77.0946), "Camp Nowhere": (33.1, 44.2)}


class Nominatim(BaseHTTPRequestHandler):
    """/search?q=...&format=json, with failure modes chosen by the query text."""

    mode: dict[str, str] = {}  # query -> "slow" | "429" | "500" | "garbage" | "hangup"
    hits: list[tuple[float, str, str]] = []

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        q = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        self.hits.append((time.monotonic(), q, self.headers.get("User-Agent", "")))
        mode = self.mode.get(q)
        if mode == "slow":
            time.sleep(2.5)
        if mode == "hangup":
            self.connection.close()
            return
        if mode in ("429", "500"):
            self.send_response(int(mode))
            self.end_headers()
            return
        body = (
            b"<html>not json{"
            if mode == "garbage"
            else json.dumps(
                [
                    {
                        "lat": str(KNOWN[q][0]),
                        "lon": str(KNOWN[q][1]),
                        "display_name": f"{q}, somewhere",
                        "class": "amenity",
                        "type": "hospital",
                        "importance": 0.5,
                    }
                ]
                if q in KNOWN
                else []
            ).encode()
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server():
    Nominatim.mode, Nominatim.hits = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _chain(domain, cache_path, delay=0.0):
    return Chain.from_config(
        [
            "gazetteer",
            {"nominatim": {"domain": domain, "scheme": "http", "timeout": 1, "min_delay_seconds": delay}},
        ],
        cache_path,
        "briefing-tests/1.0",
    )


def _ann(*names: str) -> Annotations:
    text = "Head\n" + ". ".join(names) + "."
    ents, pos = [], 5
    for n in names:
        ents.append(
            Entity(
                id=n.lower().replace(" ", "-"), name=n, type="FAC", mentions=[Mention(pos, pos + len(n), n)]
            )
        )
        pos += len(n) + 2
    return Annotations(Document(text=text, title="Head"), ents, [])


def test_answers_are_cached_failures_are_not(server, tmp_path):
    cache = tmp_path / "geocode-cache.yml"
    Nominatim.mode = {
        "Slow Camp": "slow",
        "Busy Camp": "429",
        "Broken Camp": "500",
        "Garbled Camp": "garbage",
        "Rude Camp": "hangup",
    }
    names = [
        "Walter Reed Medical Center",
        "Atlantis Base",
        "Slow Camp",
        "Busy Camp",
        "Broken Camp",
        "Garbled Camp",
        "Rude Camp",
    ]
    chain = _chain(server, cache)
    ann = chain.resolve(_ann(*names))
    placed = {p.name: p for p in ann.places}
    assert set(placed) == {"Walter Reed Medical Center"}
    assert placed["Walter Reed Medical Center"].source == "nominatim"
    assert abs(placed["Walter Reed Medical Center"].lat - 39.0003) < 1e-6
    assert len(chain.warnings) == 5 and all("will retry" in w for w in chain.warnings)
    assert chain.cache.save()
    stored = yaml.safe_load(cache.read_text(encoding="utf-8"))["nominatim"]
    assert set(stored) == {"Walter Reed Medical Center", "Atlantis Base"}  # found and not-found only
    assert stored["Atlantis Base"] is None
    assert all(agent == "briefing-tests/1.0" for _, _, agent in Nominatim.hits)

    # The service recovers: cached queries are not asked again, failed ones are retried.
    Nominatim.mode, Nominatim.hits = {}, []
    KNOWN["Busy Camp"] = (34.0, 43.0)
    try:
        again = _chain(server, cache)
        ann2 = again.resolve(_ann(*names))
    finally:
        del KNOWN["Busy Camp"]
    asked = {q for _, q, _ in Nominatim.hits}
    assert asked == {"Slow Camp", "Busy Camp", "Broken Camp", "Garbled Camp", "Rude Camp"}
    assert {p.name for p in ann2.places} == {"Walter Reed Medical Center", "Busy Camp"}
    assert again.warnings == []


def test_rate_limit_spaces_requests(server, tmp_path):
    chain = _chain(server, tmp_path / "c.yml", delay=0.5)
    chain.resolve(_ann("Camp Nowhere", "Atlantis Base", "Another Base"))
    times = [t for t, _, _ in Nominatim.hits]
    assert len(times) == 3
    assert all(b - a >= 0.45 for a, b in zip(times, times[1:], strict=False))


def test_gazetteer_results_stay_unless_online_comes_first(server, tmp_path):
    ann = _ann("Camp Nowhere")
    ann.places = [Place("camp-nowhere", "Camp Nowhere", 1.0, 1.0, "city", "IQ", "gazetteer")]
    kept = _chain(server, tmp_path / "a.yml").resolve(ann)
    assert kept.places[0].source == "gazetteer" and Nominatim.hits == []
    first = Chain.from_config(
        [{"nominatim": {"domain": server, "scheme": "http", "min_delay_seconds": 0}}, "gazetteer"],
        tmp_path / "b.yml",
        "t/1",
    )
    replaced = first.resolve(ann)
    assert replaced.places[0].source == "nominatim" and abs(replaced.places[0].lat - 33.1) < 1e-6


def test_corrupt_cache_is_not_trusted(tmp_path):
    bad = tmp_path / "c.yml"
    bad.write_text("nominatim:\n  Somewhere: {lat: north, lon: 3}\n", encoding="utf-8")
    cache = GeocodeCache(bad)
    assert cache.entries == {} and "corrupt geocoder cache" in cache.problem


def test_impossible_cached_coordinates_are_ignored_with_one_line(server, tmp_path):
    """nan, inf and out-of-range degrees in a committed cache never become a place."""
    path = tmp_path / "c.yml"
    path.write_text(
        "nominatim:\n"
        "  Camp Nowhere: {lat: .nan, lon: 44.2, address: x}\n"
        "  Camp Infinity: {lat: 33.0, lon: .inf, address: x}\n"
        "  Camp Far: {lat: 1000, lon: 4, address: x}\n"
        "  Camp South: {lat: -90.5, lon: 4, address: x}\n"
        "  Walter Reed Medical Center: {lat: 39.0003, lon: -77.0946, address: x}\n",
        encoding="utf-8",
    )
    cache = GeocodeCache(path)
    assert set(cache.entries["nominatim"]) == {"Walter Reed Medical Center"}
    assert cache.problem is not None and str(path) in cache.problem and "\n" not in cache.problem
    assert "coordinates" in cache.problem and "4" in cache.problem  # how many were ignored
    chain = _chain(server, path)
    ann = chain.resolve(_ann("Camp Nowhere", "Camp Far", "Walter Reed Medical Center"))
    placed = {p.name: (p.lat, p.lon) for p in ann.places}
    assert placed["Camp Nowhere"] == pytest.approx((33.1, 44.2))  # asked again, answered well
    assert "Camp Far" not in placed
    assert {q for _, q, _ in Nominatim.hits} == {"Camp Nowhere", "Camp Far"}


def test_cache_that_cannot_be_written_is_one_line(tmp_path):
    cache = GeocodeCache(tmp_path / "no-such-folder" / "c.yml")
    cache.put("nominatim", "X", None)
    assert cache.save() is False
    assert any("cannot write" in p and "c.yml" in p for p in cache.problems)


@pytest.mark.slow
@pytest.mark.browser
def test_nan_in_the_cache_never_reaches_a_page(server, tmp_path, browser):
    from ..conftest import open_page

    options = (
        f"      geocoders:\n        - gazetteer\n        - nominatim: {{domain: '{server}', scheme: http, "
        "timeout: 2, min_delay_seconds: 0}\n"
    )
    seed = "World\nTalks at Camp Nowhere\nOfficials of the Harbour Board met at Camp Nowhere on Monday.\n"
    site = make_site(tmp_path, seeds={"camp.txt": seed}, plugin_options=options)
    glossary = site / "seeds" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "entities:\n", "entities:\n  - name: Camp Nowhere\n    type: FAC\n", 1
        ),
        encoding="utf-8",
    )
    cache = site / "seeds" / "geocode-cache.yml"
    cache.write_text("nominatim:\n  Camp Nowhere: {lat: .nan, lon: 44.2, address: x}\n", encoding="utf-8")
    proc = build(site, "-d", str(site / "out"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    warnings = [ln for ln in proc.stderr.splitlines() if "geocode-cache.yml" in ln]
    assert len(warnings) == 1 and "WARNING" in warnings[0], proc.stderr
    page = site / "out" / "briefings" / "camp.html"
    html_text = page.read_text(encoding="utf-8")
    assert "nan" not in html_text.lower().replace("nanoseconds", "")
    context, pg = open_page(browser, site / "out")
    try:
        pg.goto(page.resolve().as_uri())
        pg.locator(".bf-m[tabindex='0']").first.hover()
        pg.wait_for_selector("#bf-tooltip", state="visible", timeout=5000)
        assert pg.errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "entries, message",
    [
        (["no-such-service"], "no-such-service"),
        ([{"nominatim": "fast"}], "options must be a mapping"),
        ([{"nominatim": {"bogus_option": 1}}], "bad options"),
        ([42], "expected a name"),
    ],
)
def test_bad_geocoder_config_is_one_line(tmp_path, entries, message):
    with pytest.raises(GeocoderConfigError) as err:
        Chain.from_config(entries, tmp_path / "c.yml", "t/1")
    assert message in str(err.value) and "\n" not in str(err.value)


@pytest.mark.slow
def test_site_build_uses_the_service_then_the_committed_cache(server, tmp_path):
    options = (
        f"      geocoders:\n        - gazetteer\n        - nominatim: {{domain: '{server}', scheme: http, "
        "timeout: 2, min_delay_seconds: 0}\n"
    )
    site = make_site(tmp_path, seeds={SEED.name: SEED.read_text(encoding="utf-8")}, plugin_options=options)
    glossary = site / "seeds" / "glossary.yml"  # let the online service place Walter Reed, not the glossary
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("    coordinates: [39.0003, -77.0946]\n", ""),
        encoding="utf-8",
    )
    first = build(site)
    assert first.returncode == 0, first.stderr
    cache = yaml.safe_load((site / "seeds" / "geocode-cache.yml").read_text(encoding="utf-8"))
    assert cache["nominatim"]["Walter Reed Medical Center"]["lat"] == pytest.approx(39.0003)
    page = next((site / "site" / "briefings").glob("*.html")).read_text(encoding="utf-8")
    assert 'data-place="walter-reed-medical-center"' in page
    n_requests = len(Nominatim.hits)
    second = build(site)  # everything cached: no request at all
    assert second.returncode == 0 and len(Nominatim.hits) == n_requests
