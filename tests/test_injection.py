"""Hostile text never reaches a page unescaped: HTML parse of every built page, then real Chromium.

One temporary site carries every payload at once: in a seed's section line,
headline and paragraphs; in a Markdown page's front matter (title, section)
and escaped text; in glossary names, aliases and descriptions, and links that are valid
URLs with quotes, parentheses and ampersands (other links are refused when the glossary
loads: see test_robustness). They
flow into tooltips (``title`` attributes), SVG map labels, timeline
summaries, the inline JSON (``.bf-data[data-json]``), the home page's index and
the site-wide pages. Every payload would set ``window.__pwned`` or open a
dialog if it ever ran.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import build, make_site

pytestmark = [pytest.mark.slow]

SCRIPT = "</script><script>window.__pwned=1;alert(1)</script>"
IMG = "\"'><img src=x onerror=\"window.__pwned=2;alert(2)\">"
SEED = (
    f"World {SCRIPT}\n"
    f"Talks in Paris {IMG} & more\n"
    f"On Monday, O'Brien & <Sons> {SCRIPT} met officials of the United Nations in Paris.\n"
    "A [link](javascript:window.__pwned=3) and <a href=\"javascript:window.__pwned=4\">click</a> "
    f"were sent to NATO in Berlin on Tuesday {IMG}.\n"
)
# A Markdown page's title is its author's HTML (MkDocs puts page titles in the navigation as they
# are, like the page body): quotes and tags that must be escaped where *we* use the title.
PAGE_TITLE = "Talks \"quoted\" & 'single' <i>x</i>"
PAGE = (
    "---\n"
    f"title: {json.dumps(PAGE_TITLE)}\n"
    f"section: {json.dumps('<img src=x onerror=window.__pwned=5>')}\n"
    "date: 2024-03-04\n"
    "---\n\n"
    "On Monday the United Nations met in Geneva &lt;/script&gt;&lt;script&gt;window.__pwned=6"
    "&lt;/script&gt; and &quot;&gt;&lt;img src=x onerror=window.__pwned=7&gt; O'Brien &amp; &lt;Sons&gt;.\n"
)
GLOSSARY = """
  - name: "O'Brien & <Sons>"
    type: FAC
    aliases: ["O'Brien \\"</script><script>window.__pwned=8</script>"]
    description: "</script><script>window.__pwned=9</script>\\" onmouseover=\\"window.__pwned=10"
    link: "https://example.org/wiki/O'Brien_(firm)?q=1&r=2#top"
    coordinates: [48.85, 2.35]
  - name: Berlin
    type: GPE
    description: "<svg onload=window.__pwned=12>' \\" &amp; <b>bold</b>"
    link: "HTTPS://example.org/Berlin"
"""
PAYLOAD_MARK = "__pwned"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = make_site(
        tmp_path_factory.mktemp("hostile"),
        seeds={"hostile.txt": SEED},
        docs={"hostile.md": PAGE},
    )
    glossary = root / "seeds" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8").replace("\nsuppress:", GLOSSARY + "suppress:")
    assert "O'Brien" in text
    glossary.write_text(text, encoding="utf-8")
    out = root / "out"
    proc = build(root, "-d", str(out))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return out


class _Page(HTMLParser):
    """Scripts, attributes and text of one page, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.data: list[str] = []  # data-json of the .bf-data islands, as the scripts read them
        self.attrs: list[tuple[str, str, str]] = []  # (tag, name, value)
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
            if name == "data-json":
                self.data.append(value or "")
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if PAYLOAD_MARK in p.read_text(encoding="utf-8"))


def test_payloads_reach_several_kinds_of_page(hostile_site):
    """The payloads do flow into the site (else the checks below would be vacuous)."""
    pages = _pages(hostile_site)
    names = {p.name for p in pages}
    assert "index.html" in names and "hostile.html" in names
    assert any(p.parent.name == "briefings" for p in pages)
    assert len(pages) >= 3




def _violations(site: Path) -> list[tuple[str, str]]:
    """Payloads that became markup: executable scripts, event handlers, javascript: URLs."""
    found = []
    for path in _pages(site):
        html_text = path.read_text(encoding="utf-8")
        page = _Page()
        page.feed(html_text)
        page.close()
        for text in page.data:
            json.loads(text)  # inert data that still parses
            if "<" in text:
                found.append((path.name, "'<' in inline JSON"))
        for _attrs, text in page.scripts:
            if PAYLOAD_MARK in text:
                found.append((path.name, f"script: {text[:80]}"))
        for tag, name, value in page.attrs:
            if name.startswith("on"):
                found.append((path.name, f"<{tag} {name}={value[:60]}>"))
            url = name in ("href", "src", "xlink:href", "action")
            if url and value.strip().lower().startswith("javascript:"):
                found.append((path.name, f"<{tag} {name}={value[:60]}>"))
    return found


def test_no_payload_is_markup_anywhere_as_built(hostile_site):
    """Seed headlines in the navigation and <title>, descriptions in <meta>: all escaped."""
    assert _violations(hostile_site) == []


def test_payload_text_survives_as_text(hostile_site):
    """Escaped, not dropped: tooltips, map labels and JSON show the editors' words verbatim."""
    seed_page = next(p for p in _pages(hostile_site) if p.parent.name == "briefings")
    page = _parse(seed_page)
    titles = [v for t, n, v in page.attrs if n == "title" and "O'Brien" in v]
    assert any("window.__pwned=9" in v and "</script>" in v for v in titles), titles
    data = json.loads(page.data[0])
    obrien = next(e for e in data["entities"].values() if e["name"] == "O'Brien & <Sons>")
    assert obrien["description"].startswith("</script>")
    html_text = seed_page.read_text(encoding="utf-8")
    assert "O&#39;Brien &amp; &lt;Sons&gt;" in html_text or "O'Brien &amp; &lt;Sons&gt;" in html_text


def test_titles_are_escaped_once(hostile_site):
    """A name with '&' or '<' in it reads as written in every page's titles (an entity page's
    og:title was escaped twice: 'Defence &amp;amp; Space')."""
    checked = 0
    for path in sorted(hostile_site.rglob("*.html")):
        page = _parse(path)
        for tag, name, value in page.attrs:
            if tag == "meta" and name == "content" and ("O'Brien" in value or "Sons" in value):
                checked += 1
                assert "&amp;" not in value and "&lt;" not in value, (path.name, value)
    assert checked, "no title names the hostile entity"


@pytest.mark.browser
def test_nothing_runs_in_chromium_as_built(browser, hostile_site):
    """Every page with a payload, every mention and marker hovered: no dialog, no __pwned."""
    _run_in_chromium(browser, hostile_site)


def _run_in_chromium(browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    root = site.resolve().as_uri()
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(root) else route.abort()
    )
    dialogs: list[str] = []
    pg = context.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hovered = 0
    try:
        for path in _pages(site):
            pg.goto(path.resolve().as_uri())
            pg.wait_for_load_state("load")
            for el in pg.locator('.bf-m[tabindex="0"], svg .bf-map-marker').all()[:40]:
                if el.is_visible():
                    el.hover()
                    hovered += 1
                    link = pg.locator("#bf-tooltip a")
                    if link.count():
                        assert not (link.first.get_attribute("href") or "").lower().startswith("javascript:")
            assert pg.evaluate("typeof window.__pwned") == "undefined", path
            assert dialogs == [], (path, dialogs)
        assert hovered >= 5
    finally:
        context.close()


@pytest.mark.browser
def test_entity_page_links_to_exactly_the_glossary_url(browser, hostile_site):
    """A valid URL with quotes, parentheses and '&' stays one link, to that URL, and nothing runs."""
    page_path = next((hostile_site / "entities").glob("obrien*.html"))
    context = browser.new_context()
    root = hostile_site.resolve().as_uri()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(root) else r.abort())
    pg = context.new_page()
    try:
        pg.goto(page_path.resolve().as_uri())
        links = pg.locator("article a", has_text="More about")
        assert links.count() == 1
        href = links.first.evaluate("a => a.href")
        assert href in ("https://example.org/wiki/O'Brien_(firm)?q=1&r=2#top",
                        "https://example.org/wiki/O%27Brien_(firm)?q=1&r=2#top",
                        "https://example.org/wiki/O%27Brien_%28firm%29?q=1&r=2#top"), href
        assert pg.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
