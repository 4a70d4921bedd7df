"""Tooltips and maps survive Material's instant navigation (pages swapped in without a reload)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import SEED, build, make_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("instant")
    site = make_site(root, seeds={SEED.name: SEED.read_text(encoding="utf-8")})
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - offline\n", "")  # offline turns instant off
    text = text.replace(
        "    - navigation.sections\n", "    - navigation.sections\n    - navigation.instant\n"
    )
    config.write_text(text, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site / "site")))
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    proc = build(site, env={"SITE_URL": url})  # instant navigation only follows links in the sitemap
    assert proc.returncode == 0, proc.stderr
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield url
    httpd.shutdown()
    httpd.server_close()


def test_tooltip_works_after_an_instant_page_switch(browser, instant_site):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(instant_site + "index.html")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.evaluate("window.__sameDocument = true")  # survives only if no full reload happens
    page.locator(".bf-card-title a").first.click()
    page.wait_for_selector(".bf-m[tabindex='0']")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    mention = page.locator('.bf-m[tabindex="0"]', has_text="Syria").first
    mention.hover()
    tip = page.locator("#bf-tooltip")
    tip.wait_for(state="visible")
    assert "Syria" in tip.inner_text()
    page.wait_for_selector("figure.bf-map .leaflet-container")
    assert errors == []
    context.close()
