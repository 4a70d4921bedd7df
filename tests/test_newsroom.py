"""A briefing site shaped like a news site: lists that are paginated, a navigation that does not
grow with the archive, entity pages for what several briefings name, links between briefings.

The articles are invented here (short local news about floods and roads, dated in front matter),
so that several briefings share names, sections and months.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import build, make_site

pytestmark = pytest.mark.slow

TOWNS = ("Carlisle", "Penrith", "Keswick", "Kendal", "Cockermouth", "Workington")
# One name per article: named by a single briefing each.
PEOPLE = (
    "Tom Ashworth",
    "Priya Natarajan",
    "Megan Lowther",
    "Ahmed Rahim",
    "Olive Braithwaite",
    "Samuel Okafor",
    "Ruth Pennington",
    "Daniel Whitlow",
    "Grace Mabery",
    "Luke Ferrand",
    "Hannah Corrie",
    "Owen Tallis",
)
TEMPLATES = (
    (
        "Environment",
        "Flood defences hold in {town} after a night of heavy rain",
        "The Environment Agency said on Tuesday that the flood defences in {town} held overnight. "
        "Jane Hartley, who leads the agency's team in Cumbria, thanked volunteers for their work. "
        "Residents of {town} were told to keep sandbags ready until the weekend.",
    ),
    (
        "Transport",
        "Road between {town} and the coast reopens",
        "Cumbria County Council reopened the road near {town} on Thursday after repairs to a bridge. "
        "Drivers had faced long detours through the hills for three weeks, the council said.",
    ),
)


def _article(n: int) -> tuple[str, str]:
    """(file name, Markdown) of the n-th invented briefing; dates run back from 28 March 2025."""
    section, headline, body = TEMPLATES[0] if n % 3 else TEMPLATES[1]
    town = TOWNS[n % len(TOWNS)]
    day = 28 - n * 3
    date = f"2025-03-{day:02d}" if day > 0 else f"2025-02-{day + 28:02d}"
    front = {"title": f"{headline.format(town=town)} ({n})", "section": section, "date": date}
    if n == 0:
        front["description"] = "The editor's own summary of the first briefing."
    quote = f" Local councillor {PEOPLE[n]} said the town had been lucky."
    text = "---\n" + yaml.safe_dump(front, sort_keys=True) + "---\n\n" + body.format(town=town) + quote + "\n"
    return f"news/{n:02d}.md", text


def _site(root: Path, n: int, options: str = "      page_size: 3\n") -> Path:
    docs = dict(_article(k) for k in range(n))
    return make_site(root, docs=docs, plugin_options=options)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The same newsroom with 6 and with 12 briefings (the larger one reuses the snapshots)."""
    out = {}
    base = tmp_path_factory.mktemp("newsroom")
    for n in (6, 12):
        root = base / f"n{n}"
        if n == 12:  # start from the first site's files: only the new articles are annotated
            shutil.copytree(base / "n6", root, ignore=shutil.ignore_patterns("site"))
        _site(root, n)
        proc = build(root, "--strict", "-d", str(root / "site"))
        assert proc.returncode == 0, proc.stderr
        out[n] = root / "site"
    return out


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)(?:#[^"]*)?"', html)


def _primary_nav(html: str) -> list[str]:
    """Titles of the links in Material's primary (left) navigation."""
    m = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    assert m, "no primary navigation"
    return [
        re.sub(r"<[^>]+>|\s+", " ", t).strip()
        for t in re.findall(r'<a[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>', m.group(), re.S)
    ]


def test_navigation_does_not_grow_with_the_archive(sites):
    navs = {}
    for n, site in sites.items():
        pages = [p for p in site.rglob("*.html") if "http-equiv" not in p.read_text(encoding="utf-8")[:400]]
        pages = [p for p in pages if p.name != "404.html"]
        navs[n] = {tuple(t for t in _primary_nav(p.read_text(encoding="utf-8")) if t) for p in pages}
    # every page of both sites shows one short navigation: home, sections, archive, map, timeline, entities
    assert navs[6] == navs[12] and len(navs[6]) == 1, navs
    (nav,) = navs[6]
    assert "Environment" in nav and "Transport" in nav and "Archive" in nav and "Entities" in nav
    assert not any("Flood defences" in t or "Road between" in t for t in nav)  # no headline in it


def test_sections_are_paginated_and_reach_every_briefing(sites):
    site = sites[12]
    env = site / "sections" / "environment.html"
    pages = [env] + sorted((site / "sections" / "environment" / "page").glob("*.html"))
    assert len(pages) == 3  # 8 briefings, 3 a page
    reached = set()
    for p in pages:
        html = p.read_text(encoding="utf-8")
        titles = re.findall(r'<h2 class="bf-card-title"><a href="([^"]+)"', html)
        assert len(titles) <= 3
        reached |= {Path(t).name for t in titles}
        assert 'class="bf-pager"' in html
    assert len(reached) == 8
    first = pages[0].read_text(encoding="utf-8")
    assert 'aria-current="page">1<' in first and 'href="environment/page/2.html"' in first
    dates = re.findall(r'<time datetime="([\d-]+)"', first)
    assert dates == sorted(dates, reverse=True)  # newest first


def test_home_shows_the_latest_and_the_archive_has_every_month(sites):
    site = sites[12]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="bf-card"') == 3 and "All 12 briefings in the archive" in home
    assert re.findall(r'<time datetime="([\d-]+)"', home)[0] == "2025-03-28"
    archive = (site / "archive" / "index.html").read_text(encoding="utf-8")
    assert 'href="2025-03.html"' in archive and 'href="2025-02.html"' in archive
    march = (site / "archive" / "2025-03.html").read_text(encoding="utf-8")
    feb_pages = [site / "archive" / "2025-02.html", *sorted((site / "archive" / "2025-02").rglob("*.html"))]
    in_feb = sum(p.read_text(encoding="utf-8").count('class="bf-card"') for p in feb_pages)
    in_march = sum(
        p.read_text(encoding="utf-8").count('class="bf-card"')
        for p in [site / "archive" / "2025-03.html", *sorted((site / "archive" / "2025-03").rglob("*.html"))]
    )
    assert in_feb + in_march == 12 and "2025-03-28" in march


def _snapshot_entities(root: Path) -> dict[str, set[str]]:
    """Entity id -> the briefings whose committed snapshot names it."""
    out: dict[str, set[str]] = {}
    for snap in sorted((root / "docs" / "news").glob("*.annotations.yml")):
        for e in yaml.safe_load(snap.read_text(encoding="utf-8"))["entities"]:
            out.setdefault(e["id"], set()).add(snap.name)
    return out


def test_entity_pages_for_names_several_briefings_share(sites):
    site = sites[12]
    named = _snapshot_entities(site.parent)
    shared = {e for e, where in named.items() if len(where) >= 2}
    once = {e for e, where in named.items() if len(where) == 1}
    assert {"environment-agency", "cumbria-county-council"} <= shared and once
    for eid in shared:
        html = (site / "entities" / f"{eid}.html").read_text(encoding="utf-8")
        assert 'class="md-header' in html and 'class="bf-appearances"' in html
    lists = [site / "entities" / "index.html", *(site / "entities" / "type").rglob("*.html")]
    targets = {}  # entity id -> the page its entry in the lists leads to
    for page in lists:
        for href, eid in re.findall(r'href="([^"#]+)#bf-e-([^"]+)"', page.read_text(encoding="utf-8")):
            targets[eid] = (page.parent / href).resolve()
    for eid in once:  # no page: the entity lists lead to its mention in the briefing that names it
        assert not (site / "entities" / f"{eid}.html").exists()
        assert targets[eid].parent.name == "news"
        assert f'id="bf-e-{eid}"' in targets[eid].read_text(encoding="utf-8")
    index = (site / "entities" / "index.html").read_text(encoding="utf-8")
    assert "Environment Agency" in index


def test_briefings_link_to_each_other(sites):
    site = sites[12]
    html = (site / "news" / "04.html").read_text(encoding="utf-8")  # Environment, 16 Mar
    steps = re.search(r'<nav class="bf-steps".*?</nav>', html, re.S).group()
    assert "Newer in Environment" in steps and "Older in Environment" in steps
    assert 'href="02.html"' in steps and 'href="05.html"' in steps  # 22 Mar and 13 Mar
    related = re.search(r'<section class="bf-panel bf-related".*?</section>', html, re.S).group()
    assert "Environment Agency" in related or "Jane Hartley" in related
    assert all(link.startswith(("../entities/", "")) for link in _links(related))
    meta = re.search(r'<p class="bf-meta">.*?</p>', html, re.S).group()
    assert 'href="../sections/environment.html"' in meta  # the section links to its index


def test_search_holds_the_articles_not_the_pages_that_quote_them(sites):
    site = sites[12]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sentence = "thanked volunteers for their work"
    holders = {d["location"].split("#")[0] for d in index["docs"] if sentence in d["text"]}
    assert holders and all(h.startswith("news/") for h in holders)  # not entity pages or lists
    assert not any(d["location"].startswith(("sections/", "archive/")) for d in index["docs"])


def test_old_behaviour_lists_every_briefing_in_the_navigation(tmp_path, sites):
    root = tmp_path / "old"
    shutil.copytree(sites[6].parent, root, ignore=shutil.ignore_patterns("site"))
    _site(root, 6, options="      page_size: 3\n      nav_briefings: true\n")
    proc = build(root, "--strict", "-d", str(root / "site"))
    assert proc.returncode == 0, proc.stderr
    nav = _primary_nav((root / "site" / "index.html").read_text(encoding="utf-8"))
    assert sum("Flood defences" in t for t in nav) == 4


def test_a_generated_page_never_replaces_a_page_of_the_site(tmp_path, sites):
    root = tmp_path / "clash"
    shutil.copytree(sites[6].parent, root, ignore=shutil.ignore_patterns("site"))
    (root / "docs" / "map.md").write_text("# Our own map\n", encoding="utf-8")
    proc = build(root, "-d", str(root / "site"))
    assert proc.returncode != 0
    assert "map.md" in proc.stderr and "Traceback" not in proc.stderr


def _feed_items(path: Path):
    import xml.etree.ElementTree as ET

    return ET.parse(path).getroot()


def test_feeds_parse_and_list_the_latest_briefings(sites):
    from email.utils import parsedate_to_datetime

    site = sites[12]
    rss = _feed_items(site / "feeds" / "rss.xml")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    items = rss.findall("channel/item")
    assert len(items) == 12
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True) and dates[0].date().isoformat() == "2025-03-28"
    for item in items:  # every link leads to a built page (relative: the site has no site_url)
        target = (site / "feeds" / item.findtext("link")).resolve()
        assert target.exists() and target.parent.name == "news"
        assert item.findtext("title") and item.findtext("description") and item.findtext("guid")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = _feed_items(site / "feeds" / "atom.xml")
    entries = atom.findall("a:entry", ns)
    assert len(entries) == 12 and atom.findtext("a:updated", namespaces=ns) == "2025-03-28T00:00:00Z"
    assert all(e.findtext("a:id", namespaces=ns) and e.find("a:link", ns).get("href") for e in entries)
    transport = _feed_items(site / "feeds" / "transport.rss.xml").findall("channel/item")
    assert len(transport) == 4 and all(i.findtext("category") == "Transport" for i in transport)
    # every page names the site feed in its head; a section's briefings name their section's feed too
    page = (site / "news" / "00.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert 'type="application/rss+xml"' in head and 'href="../feeds/rss.xml"' in head
    assert 'href="../feeds/transport.atom.xml"' in head


def test_feeds_use_absolute_links_with_a_site_url(tmp_path, sites):
    root = tmp_path / "web"
    shutil.copytree(sites[6].parent, root, ignore=shutil.ignore_patterns("site"))
    proc = build(root, "-d", str(root / "site"), env={"SITE_URL": "https://news.example.org/"})
    assert proc.returncode == 0, proc.stderr
    items = _feed_items(root / "site" / "feeds" / "rss.xml").findall("channel/item")
    assert items and all(i.findtext("link").startswith("https://news.example.org/news/") for i in items)


def test_exports_round_trip_and_match_the_pages(sites):
    import csv

    site = sites[12]
    geo = json.loads((site / "exports" / "places.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    map_page = (site / "map.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<li id="bf-place-[^"]+" data-place="([^"]+)"', map_page))
    assert {f["id"] for f in geo["features"]} == listed
    for f in geo["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["briefings"]
    assert 'href="exports/places.geojson"' in map_page and 'href="exports/events.csv"' in map_page
    with open(site / "exports" / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    on_pages = []
    for page in sorted((site / "news").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        on_pages += re.findall(r'<span class="bf-tl-summary">(.*?)</span>', html)
    import html as html_lib

    assert sorted(r["event_summary"] for r in rows) == sorted(html_lib.unescape(s) for s in on_pages)
    for r in rows:
        if r["latitude"]:
            assert -90 <= float(r["latitude"]) <= 90 and r["location"]
        assert r["source_briefing"] and r["source_sentence"]
        assert r["source_url"].startswith("../news/") and "#bf-ev-" in r["source_url"]
    raw = (site / "exports" / "timeline.ics").read_bytes().decode("utf-8")  # CRLF kept, as RFC 5545 wants
    ics = raw.replace("\r\n ", "")  # unfold
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    dated = [r for r in rows if r["earliest"]]
    assert ics.count("BEGIN:VEVENT") == len(dated) > 0
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))


def test_a_description_in_front_matter_is_the_summary_everywhere(sites):
    site = sites[12]
    summary = "The editor&#x27;s own summary of the first briefing."
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<p class="bf-card-lead">{summary}</p>' in home.replace("&#39;", "&#x27;")
    item = _feed_items(site / "feeds" / "rss.xml").findall("channel/item")[0]
    assert item.findtext("description") == "The editor's own summary of the first briefing."
    page = (site / "news" / "00.html").read_text(encoding="utf-8")
    assert re.search(r'<meta property="og:description" content="The editor&#x27;s own summary', page)
