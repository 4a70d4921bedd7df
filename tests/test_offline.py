"""The built site from a folder: zero requests outside it, no errors, search and navigation work;
and two builds of the same sources are byte-identical."""

from __future__ import annotations

import filecmp
import re

import pytest

from .conftest import SEED, briefing_pages, build, make_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_every_page_stays_inside_the_folder(page, built_site):
    # 404.html is for web servers (absolute asset URLs by design), never opened from a folder
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 6  # home, briefing, entity index + pages, map, timeline
    for html_file in pages:
        page.goto(html_file.resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.outside == [], (html_file.name, page.outside)
        assert page.errors == [], (html_file.name, page.errors)


def test_search_and_navigation_work_offline(page, built_site):
    page.goto((built_site / "index.html").resolve().as_uri())
    page.locator(".md-search__input").fill("Sabrina Singh")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    assert results.count() >= 1
    page.keyboard.press("Escape")
    page.locator(".bf-card-title a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and "/briefings/" in page.url
    assert page.locator(".bf-m").count() > 10
    assert page.outside == [] and page.errors == []


def test_entity_link_from_tooltip_opens_the_entity_page(page, built_site):
    seed_page = briefing_pages(built_site)[0]
    page.goto(seed_page.resolve().as_uri())
    page.locator('.bf-m[tabindex="0"]', has_text="CENTCOM").first.focus()
    link = page.locator("#bf-tooltip a.bf-tooltip-link")
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("entities/us-central-command.html")
    assert "Middle East, Central Asia" in page.locator("article").inner_text()  # the glossary's words
    assert page.outside == [] and page.errors == []


def test_entity_named_in_one_briefing_is_reached_at_its_mention(page, built_site):
    """Sabrina Singh is named in one briefing only: no page of her own, and her card does not
    promise one; the entity index leads to the sentence that names her."""
    seed_page = briefing_pages(built_site)[0]
    page.goto(seed_page.resolve().as_uri())
    page.locator('.bf-m[tabindex="0"]', has_text="Sabrina Singh").first.focus()
    page.locator("#bf-tooltip").wait_for(state="visible")
    assert page.locator("#bf-tooltip a.bf-tooltip-link").count() == 0
    assert not (built_site / "entities" / "sabrina-singh.html").exists()
    page.goto((built_site / "entities" / "index.html").resolve().as_uri())
    page.locator(".bf-entity-list a", has_text="Sabrina Singh").click()
    page.wait_for_url(re.compile(r".*/briefings/.*#bf-e-sabrina-singh$"))
    assert page.locator("#bf-e-sabrina-singh").inner_text() == "Sabrina Singh"
    assert page.outside == [] and page.errors == []


def _same_tree(a, b) -> list[str]:
    diffs = []
    cmp = filecmp.dircmp(a, b)
    stack = [cmp]
    while stack:
        c = stack.pop()
        diffs += [f"{c.left}/{n}" for n in c.left_only + c.right_only + c.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        diffs += [f"{c.left}/{n}" for n in mismatch + errors]
        stack += c.subdirs.values()
    return diffs


def test_two_builds_are_byte_identical(tmp_path):
    site = make_site(tmp_path / "src", seeds={SEED.name: SEED.read_text(encoding="utf-8")})
    env = {"SOURCE_DATE_EPOCH": "1730246400", "SITE_URL": "https://example.org/"}
    first = build(site, "-d", str(tmp_path / "one"), env=env)  # cold: annotates, writes the snapshot
    assert first.returncode == 0, first.stderr
    second = build(site, "-d", str(tmp_path / "two"), env=env)  # warm: reuses it
    assert second.returncode == 0, second.stderr
    assert _same_tree(tmp_path / "one", tmp_path / "two") == []
    sitemap = (tmp_path / "one" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-10-30</lastmod>" in sitemap  # SOURCE_DATE_EPOCH, not today
