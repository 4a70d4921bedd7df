"""End to end: the README's build of the example site, and the seed's annotated page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .conftest import briefing_pages

pytestmark = pytest.mark.slow


class _Collect(HTMLParser):
    """Elements with their attributes and text, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.found: list[tuple[str, dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        entry = (tag, dict(attrs), [])
        self.found.append(entry)
        if tag not in ("br", "img", "input", "meta", "link", "circle", "path", "rect", "hr"):
            self.stack.append(entry)

    def handle_endtag(self, tag):
        while self.stack:
            t, _, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, _, texts in self.stack:
            texts.append(data)


def _parse(path):
    p = _Collect()
    p.feed(path.read_text(encoding="utf-8"))
    return [(tag, attrs, "".join(texts)) for tag, attrs, texts in p.found]


@pytest.fixture(scope="module")
def seed_page(built_site):
    pages = briefing_pages(built_site)
    assert len(pages) == 1, pages
    return pages[0]


def test_seed_page_has_tooltips_on_key_entities(seed_page):
    elements = _parse(seed_page)
    mentions = {}
    for tag, attrs, text in elements:
        if tag == "span" and "bf-m" in (attrs.get("class") or "").split():
            mentions.setdefault(attrs["data-bf"], set()).add(text)
    wanted = {"ISIS", "US Central Command", "CENTCOM", "Syria", "Iraq", "Sabrina Singh"}
    surfaces = set().union(*mentions.values())
    assert wanted <= surfaces, wanted - surfaces
    centcom = [eid for eid, texts in mentions.items() if {"US Central Command", "CENTCOM"} & texts]
    assert len(set(centcom)) == 1, "US Central Command and CENTCOM must be one entity"
    for tag, attrs, _ in elements:
        if tag == "span" and attrs.get("tabindex") == "0" and "bf-m" in attrs.get("class", ""):
            assert attrs.get("title") and attrs.get("aria-describedby", "").startswith("bf-tip-")
    # never inside the headline
    h1 = next(text for tag, _, text in elements if tag == "h1")
    html_text = seed_page.read_text(encoding="utf-8")
    h1_html = re.search(r"<h1[^>]*>(.*?)</h1>", html_text, re.S).group(1)
    assert "bf-m" not in h1_html and "ISIS" in h1


def test_seed_map_has_markers_for_syria_and_iraq(seed_page):
    elements = _parse(seed_page)
    markers = {
        attrs["data-place"]: text
        for tag, attrs, text in elements
        if tag == "g" and "bf-map-marker" in attrs.get("class", "")
    }
    labels = " ".join(markers.values())
    assert "Syria" in labels and "Iraq" in labels
    assert any(tag == "svg" for tag, _, _ in elements)


def test_seed_timeline_is_chronological(seed_page):
    html_text = seed_page.read_text(encoding="utf-8")
    timeline = re.search(r'<ol class="bf-timeline">(.*?)</ol>', html_text, re.S).group(1)
    stamps = re.findall(r'<time class="bf-tl-date" datetime="([^"]+)"', timeline)
    assert len(stamps) >= 4
    starts = [s.split("/")[0] for s in stamps]
    assert starts == sorted(starts)
    assert starts[0].startswith("2024-08") and starts[-1] == "2024-10-30"


def test_home_page_lists_the_briefing(built_site, seed_page):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<!-- briefing:index -->" not in index
    assert f'href="briefings/{seed_page.name}"' in index
    assert "Politics" in index


def test_assets_are_local(built_site, seed_page):
    html_text = seed_page.read_text(encoding="utf-8")
    assert (
        "assets/briefing/briefing.js" in html_text and (built_site / "assets/briefing/briefing.js").exists()
    )
    assert "fonts.googleapis" not in html_text
