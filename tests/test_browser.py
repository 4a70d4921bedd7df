"""What a reader sees, in real headless Chromium (Debian's), from file:// with the network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import briefing_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _seed_url(built_site: Path) -> str:
    return briefing_pages(built_site)[0].resolve().as_uri()


def test_hover_and_focus_show_the_tooltip(page, built_site):
    page.goto(_seed_url(built_site))
    mention = page.locator('.bf-m[data-bf][tabindex="0"]', has_text="CENTCOM").first
    if mention.count() == 0:
        mention = page.locator('.bf-m[tabindex="0"]', has_text="US Central Command").first
    mention.hover()
    tip = page.locator("#bf-tooltip")
    tip.wait_for(state="visible")
    assert "US Central Command" in tip.inner_text()
    assert "Organisation" in tip.inner_text()
    assert mention.get_attribute("title") is None  # the native tooltip gave way to the rich one
    page.mouse.move(5, 5)
    page.keyboard.press("Escape")
    assert tip.is_hidden()

    singh = page.locator('.bf-m[tabindex="0"]', has_text="Sabrina Singh").first
    singh.focus()
    tip.wait_for(state="visible")
    assert "Sabrina Singh" in tip.inner_text() and "Person" in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert page.outside == [] and page.errors == []


def test_map_and_timeline_render_from_file_url(page, built_site, tmp_path):
    page.goto(_seed_url(built_site))
    page.emulate_media(media="print")  # on screen the interactive map stands in for the static one
    svg = page.locator("figure.bf-map svg[data-view]")
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    labels = page.locator("svg .bf-map-label").all_text_contents()
    assert any("Syria" in t for t in labels) and any("Iraq" in t for t in labels)
    dates = page.locator("ol.bf-timeline time").all_inner_texts()
    assert len(dates) >= 4
    page.emulate_media(media="screen")
    page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    assert page.outside == [] and page.errors == []


def test_no_javascript_still_informs(browser, built_site):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(_seed_url(built_site))
    first = pg.locator('.bf-m[tabindex="0"]').first
    assert "—" in (first.get_attribute("title") or "")
    assert pg.locator("figure.bf-map svg .bf-map-marker").count() >= 2
    context.close()


def test_first_tap_on_a_phone_opens_the_card(browser, built_site):
    """A tap fires an emulated mouseenter and then a click: the card must stay open after the first
    tap, close on a second tap on the same name, and reopen on a third."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(_seed_url(built_site))
    mention = pg.locator('.bf-m[tabindex="0"]', has_text="Sabrina Singh").first
    mention.scroll_into_view_if_needed()
    tip = pg.locator("#bf-tooltip")
    mention.tap()
    tip.wait_for(state="visible")
    pg.wait_for_timeout(700)  # a second tap is a new gesture, not the tail of the first
    assert tip.is_visible() and "Sabrina Singh" in tip.inner_text()
    mention.tap()
    tip.wait_for(state="hidden")
    pg.wait_for_timeout(700)
    mention.tap()
    tip.wait_for(state="visible")
    assert errors == []
    context.close()
