"""Shared fixtures: the repository root, the seed article, one real site build per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d12db4dc30b4437a.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed's text as the contract defines it: the file minus its section line."""
    return SEED.read_text(encoding="utf-8").split("\n", 1)[1].strip()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example site, built once with the real `mkdocs build`."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def briefing_pages(site: Path) -> list[Path]:
    """The briefing pages of a built site, without the redirects left at their earlier addresses."""
    pages = sorted((site / "briefings").glob("*.html"))
    return [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:2000]]


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed command, as users and benchmarks run it."""
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


def make_site(
    root: Path,
    seeds: dict[str, str] | None = None,
    docs: dict[str, str] | None = None,
    plugin_options: str = "",
) -> Path:
    """A small site in ``root``: the repo's mkdocs.yml and home page, plus the given seeds and pages."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if plugin_options:
        config = config.replace("      seeds_dir: seeds\n", "      seeds_dir: seeds\n" + plugin_options)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        (ROOT / "docs" / "index.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    glossary = ROOT / "seeds" / "glossary.yml"
    (root / "seeds" / "glossary.yml").write_text(glossary.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in (seeds or {}).items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    for name, text in (docs or {}).items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(root: Path, *args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """`mkdocs build` in ``root`` (a real subprocess, as users run it)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run tests/setup_and_run.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, site: Path, *, scheme: str = "light", block: tuple[str, ...] = ()):
    """(context, page) that may only load files inside ``site`` (minus ``block``); the rest is
    refused and recorded in ``page.outside``; console errors go to ``page.errors``."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    outside: list[str] = []
    root = site.resolve().as_uri()

    def guard(route):
        url = route.request.url
        if any(url.endswith(name) for name in block):
            route.abort()
        elif url.startswith(root) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.outside, pg.errors = outside, errors
    return context, pg


@pytest.fixture()
def page(browser, built_site):
    """A page of the built site that may only load files inside it."""
    context, pg = open_page(browser, built_site)
    yield pg
    context.close()
