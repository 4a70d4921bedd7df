"""Snapshots: reviewable YAML beside each article, reused while fresh, rebuilt when stale or corrupt."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from .conftest import SEED, build, make_site, run_cli

pytestmark = pytest.mark.slow

SEED_NAME = SEED.name
SNAP_NAME = SEED.stem + ".annotations.yml"


@pytest.fixture()
def site(tmp_path):
    return make_site(tmp_path, seeds={SEED_NAME: SEED.read_text(encoding="utf-8")})


def test_build_writes_a_readable_snapshot_and_reuses_it(site):
    first = build(site)
    assert first.returncode == 0, first.stderr
    snap = site / "seeds" / SNAP_NAME
    data = yaml.safe_load(snap.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and len(data["key"]) == 64
    assert "text" not in data  # the article is in the source, not duplicated
    assert {e["id"] for e in data["entities"]} >= {"isis", "syria", "iraq", "us-central-command"}
    before = snap.read_bytes()
    second = build(site)
    assert "1 reused from snapshots" in second.stderr and "0 annotated" in second.stderr
    assert snap.read_bytes() == before


def test_fresh_snapshots_mean_the_model_is_never_loaded(site):
    assert build(site).returncode == 0
    code = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "build(load_config('mkdocs.yml'))\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
        "print('no-spacy')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "no-spacy" in proc.stdout


def test_check_names_stale_and_missing_snapshots(site):
    assert build(site).returncode == 0
    ok = run_cli("check", cwd=site)
    assert ok.returncode == 0, ok.stderr
    seed = site / "seeds" / SEED_NAME
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("fourteen", "14") + "\nA new closing line.\n",
        encoding="utf-8",
    )
    (site / "seeds" / "other.txt").write_text(
        "World\nA headline\nA paragraph about Paris.\n", encoding="utf-8"
    )
    bad = run_cli("check", cwd=site)
    assert bad.returncode == 1
    assert f"{SNAP_NAME}: stale" in bad.stderr and "other.annotations.yml: missing" in bad.stderr


def test_strict_build_fails_on_stale_snapshots(tmp_path):
    site = make_site(
        tmp_path, seeds={SEED_NAME: SEED.read_text(encoding="utf-8")}, plugin_options="      strict: true\n"
    )
    proc = build(site)
    assert proc.returncode != 0
    assert "stale annotation snapshots" in proc.stderr and SNAP_NAME in proc.stderr
    assert not (site / "seeds" / SNAP_NAME).exists()  # strict never writes


@pytest.mark.parametrize(
    "garbage",
    ["schema: 1\nkey: [unclosed\n", "\x00\x01 not yaml at all: : :", "- a list\n", "schema: 7\nkey: x\n"],
)
def test_corrupt_snapshot_is_reported_and_rebuilt(site, garbage):
    snap = site / "seeds" / SNAP_NAME
    snap.write_text(garbage, encoding="utf-8")
    proc = build(site)
    assert proc.returncode == 0, proc.stderr
    assert f"{SNAP_NAME}:" in proc.stderr and "WARNING" in proc.stderr
    assert yaml.safe_load(snap.read_text(encoding="utf-8"))["schema"] == 1


def test_annotate_write_refreshes_snapshots(tmp_path):
    seed = tmp_path / "a.txt"
    seed.write_text("World\nTalks in Geneva\nDiplomats met in Geneva on Monday.\n", encoding="utf-8")
    proc = run_cli("annotate", "--write", str(seed))
    assert proc.returncode == 0, proc.stderr
    assert "1 annotated" in proc.stderr
    data = yaml.safe_load((tmp_path / "a.annotations.yml").read_text(encoding="utf-8"))
    assert any(e["name"] == "Geneva" for e in data["entities"])
    again = run_cli("annotate", "--write", str(seed))
    assert "1 reused" in again.stderr
