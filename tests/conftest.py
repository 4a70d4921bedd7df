"""Shared fixtures: the repository root, the seed article, one real site build per session."""

from __future__ import annotations

import os
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
