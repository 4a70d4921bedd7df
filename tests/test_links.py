"""Stable links: a briefing's address is fixed once published, and every earlier address redirects.

Seeds are published under their file name (or a ``slug:`` line), Markdown briefings under their
path (or a front-matter ``slug``); the snapshot records the address, so a renamed file, a new
slug or an older version's headline address all keep working, in a real browser.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import build, make_site, open_page, run_cli

pytestmark = pytest.mark.slow

FLOOD = (
    "Environment\nRiver Eden bursts its banks in Carlisle\n"
    "The River Eden burst its banks in Carlisle on Tuesday, the Environment Agency said.\n"
    "Residents near the river were moved to a school overnight.\n"
)
ROADS = "Transport\nRoad to Keswick reopens\nCumbria County Council reopened the road to Keswick on Friday.\n"


def _built(root, **kw):
    proc = build(root, "-d", str(root / "site"), **kw)
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def _redirect_target(page) -> str:
    html = page.read_text(encoding="utf-8")
    m = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
    assert m, f"{page} is no redirect"
    return m.group(1)


def test_a_seed_keeps_its_address_when_its_headline_changes(tmp_path):
    root = make_site(tmp_path / "s", seeds={"2025-03-12-eden.txt": FLOOD})
    site = _built(root)
    assert (site / "briefings" / "2025-03-12-eden.html").exists()
    seed = root / "seeds" / "2025-03-12-eden.txt"
    seed.write_text(FLOOD.replace("bursts its banks", "floods streets"), encoding="utf-8")
    # a second seed with the old headline does not take or rename the first one's page
    (root / "seeds" / "2025-03-13-eden-again.txt").write_text(FLOOD, encoding="utf-8")
    site = _built(root)
    pages = sorted(p.name for p in (site / "briefings").glob("*.html"))
    assert pages == ["2025-03-12-eden.html", "2025-03-13-eden-again.html"]
    assert "floods streets" in (site / "briefings" / "2025-03-12-eden.html").read_text(encoding="utf-8")


def test_a_new_slug_leaves_a_redirect_that_keeps_the_fragment(tmp_path, browser):
    root = make_site(tmp_path / "s", seeds={"eden.txt": FLOOD})
    _built(root)
    seed = root / "seeds" / "eden.txt"
    lines = FLOOD.split("\n")
    seed.write_text("\n".join([lines[0], lines[1], "slug: eden-floods", *lines[2:]]), encoding="utf-8")
    site = _built(root)
    new = site / "briefings" / "eden-floods.html"
    assert new.exists() and "slug: eden-floods" not in new.read_text(encoding="utf-8")  # metadata, not text
    assert _redirect_target(site / "briefings" / "eden.html") == "eden-floods.html"
    snapshot = yaml.safe_load((root / "seeds" / "eden.annotations.yml").read_text(encoding="utf-8"))
    assert snapshot["page"] == "briefings/eden-floods.md" and snapshot["moved_from"] == ["briefings/eden.md"]
    assert run_cli("check", cwd=root).returncode == 0  # the recorded move is fresh
    context, page = open_page(browser, site)
    try:
        page.goto((site / "briefings" / "eden.html").resolve().as_uri() + "#bf-h-map")
        page.wait_for_url(re.compile(r".*/briefings/eden-floods\.html#bf-h-map$"))
        assert "River Eden" in page.locator("h1").inner_text()
        assert page.outside == [] and page.errors == []
    finally:
        context.close()


def test_a_renamed_seed_file_redirects_from_its_old_name(tmp_path):
    root = make_site(tmp_path / "s", seeds={"eden.txt": FLOOD, "roads.txt": ROADS})
    _built(root)
    (root / "seeds" / "eden.txt").rename(root / "seeds" / "2025-03-12-river-eden.txt")
    site = _built(root)  # the old snapshot is left behind: its text tells whose it was
    assert _redirect_target(site / "briefings" / "eden.html") == "2025-03-12-river-eden.html"
    snapshot = yaml.safe_load(
        (root / "seeds" / "2025-03-12-river-eden.annotations.yml").read_text(encoding="utf-8")
    )
    assert snapshot["moved_from"] == ["briefings/eden.md"]
    (root / "seeds" / "eden.annotations.yml").unlink()  # once the new snapshot is committed, it may go
    site = _built(root)
    assert _redirect_target(site / "briefings" / "eden.html") == "2025-03-12-river-eden.html"
    assert not (site / "briefings" / "roads.html").read_text(encoding="utf-8").count("http-equiv")


def test_a_markdown_briefing_is_published_under_its_slug(tmp_path):
    page = "---\nsection: Environment\ndate: 2025-03-12\nslug: eden-update\n---\n\nThe Eden fell back.\n"
    root = make_site(tmp_path / "s", docs={"news/eden.md": page})
    site = _built(root)
    assert (site / "news" / "eden-update.html").exists() and not (site / "news" / "eden.html").exists()
    (root / "docs" / "news" / "eden.md").write_text(
        page.replace("eden-update", "eden-latest"), encoding="utf-8"
    )
    site = _built(root)
    assert _redirect_target(site / "news" / "eden-update.html") == "eden-latest.html"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="news/eden-latest.html"' in home


def test_a_snapshot_written_before_addresses_were_recorded_redirects_from_the_headline(tmp_path):
    """Earlier versions published seeds under their headline's slug: that address keeps working."""
    root = make_site(tmp_path / "s", seeds={"eden.txt": FLOOD})
    _built(root)
    snap = root / "seeds" / "eden.annotations.yml"
    data = yaml.safe_load(snap.read_text(encoding="utf-8"))
    assert data["page"] == "briefings/eden.md"
    legacy = snap.read_text(encoding="utf-8").replace("page: briefings/eden.md\nmoved_from: []\n", "")
    snap.write_text(legacy, encoding="utf-8")  # as an older version wrote it (now stale: it was edited)
    site = _built(root)
    old = site / "briefings" / "river-eden-bursts-its-banks-in-carlisle.html"
    assert _redirect_target(old) == "eden.html"


@pytest.mark.parametrize(
    "seeds, message",
    [
        ({"eden.txt": FLOOD, "Eden.txt": FLOOD}, "give one of them a 'slug: ...' line"),
        ({"eden.txt": FLOOD.replace("\nThe River", "\nslug: Not A Slug!\nThe River")}, "is not a slug"),
    ],
    ids=["two-seeds-one-address", "bad-slug-line"],
)
def test_address_mistakes_stop_the_build_in_one_line(tmp_path, seeds, message):
    root = make_site(tmp_path / "s", seeds=seeds)
    proc = build(root, "-d", str(root / "site"))
    assert proc.returncode != 0 and message in proc.stderr and "Traceback" not in proc.stderr


def test_a_snapshot_cannot_send_a_redirect_outside_the_site(tmp_path):
    root = make_site(tmp_path / "s", seeds={"eden.txt": FLOOD})
    _built(root)
    snap = root / "seeds" / "eden.annotations.yml"
    snap.write_text(snap.read_text(encoding="utf-8").replace("moved_from: []", "moved_from: [../../evil.md]"))
    shutil.rmtree(root / "site")
    proc = build(root, "-d", str(root / "site"))
    assert proc.returncode == 0, proc.stderr
    assert "corrupt snapshot" in proc.stderr and "moved_from" in proc.stderr
    assert not (tmp_path / "evil.html").exists() and not list(tmp_path.rglob("evil.html"))


def _broken_links(site: Path) -> list[str]:
    """Every relative link of every page whose file or #fragment the built site lacks."""
    from urllib.parse import unquote, urlsplit

    ids: dict[Path, set[str]] = {}
    bad = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # Material's: absolute links, resolved by the server
            continue
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(href)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                bad.append(f"{page.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
                if parts.fragment not in ids[target]:
                    bad.append(f"{page.relative_to(site)} -> {href}")
    return bad


def test_every_link_of_the_site_lands_on_a_page_and_an_anchor_it_has(tmp_path: Path):
    # Two events in one sentence each keep their anchor (entity and timeline pages link to both);
    # an entity named only in a headline still has the anchor its links point at.
    one = ("World\nHavana talks open in Madrid\n2024-05-06\n"
           "Cuba and Spain signed a trade pact and Cuba freed two prisoners on Monday, officials said.\n\n"
           "Spain welcomed the pact on Tuesday.\n")
    two = ("World\nMadrid hosts Cuban envoys\n2024-05-09\n"
           "Cuba opened an embassy office in Madrid on Wednesday. Spain said the pact would hold.\n")
    # A demonym and a country share one entry in the places list; the timeline's place links
    # (same-page fragments) must land on it.
    three = ("World\nIraqi forces retake town\n2024-05-10\n"
             "Iraqi troops entered Falluja on Friday, Iraq's defence ministry said.\n")
    root = make_site(tmp_path, seeds={"one.txt": one, "two.txt": two, "three.txt": three})
    r = build(root)
    assert r.returncode == 0, r.stderr
    page = (root / "site" / "briefings" / "one.html").read_text(encoding="utf-8")
    assert page.count('class="bf-anchor"') >= 3  # two events of the first sentence, one of the second
    assert _broken_links(root / "site") == []
