"""`mkdocs serve` rebuilds the annotated page when a seed changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import SEED, make_site

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body and needle in body:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_seed_changes(tmp_path):
    note = "---\nsection: Notes\ndate: 2024-10-31\n---\n\n# A note from Damascus\n\n"
    note += "Officials spoke in Damascus.\n"
    site = make_site(tmp_path, seeds={SEED.name: SEED.read_text(encoding="utf-8")}, docs={"note.md": note})
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/briefings/000-d12db4dc30b4437a.html"  # the seed's file name
        assert _wait_for(page, 'data-bf="sabrina-singh"', 180), "the seed page was never served"
        seed = site / "seeds" / SEED.name
        seed.write_text(
            seed.read_text(encoding="utf-8") + "\nThe minister Olaf Brandt spoke in Geneva.\n",
            encoding="utf-8",
        )
        assert _wait_for(page, "Olaf Brandt", 180), "the page was not rebuilt after the seed changed"
        assert _wait_for(page, 'data-bf="geneva"', 30)
        time.sleep(8)  # time enough for a rebuild that the snapshot's own write would set off
        md = site / "docs" / "note.md"
        md.write_text(md.read_text(encoding="utf-8") + "\nThe envoy flew on to Amman.\n", encoding="utf-8")
        assert _wait_for(f"http://127.0.0.1:{port}/note.html", 'data-bf="amman"', 180)
        time.sleep(8)
    finally:
        proc.terminate()
        try:
            _, log = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, log = proc.communicate()
    # the first build, then one rebuild per edit: writing a refreshed snapshot is no edit
    assert log.count("Documentation built") == 3, log
