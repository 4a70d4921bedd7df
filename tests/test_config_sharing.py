"""One configuration for every entry point: `briefing annotate`, `check` and `diff` read the
plugin's options from mkdocs.yml, so what the command writes is what `mkdocs build` writes."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from .conftest import build, make_site, run_cli

pytestmark = pytest.mark.slow

SEED_NAME = "harbour-fire.txt"
SEED = """Local
Harbour fire closes Quay Street
Firefighters from the Harbour Authority fought a blaze at the Old Fish Market on Tuesday evening, \
the authority said on Wednesday.
Maria Lopez, who runs a cafe on Quay Street, said the smoke reached the town hall in Portsmouth.
The Harbour Authority said the market would reopen next month.
"""
PAGE = """---
section: Local
date: 2024-05-02
---
# Port board meets

The Harbour Authority met the port board in Portsmouth on Thursday to plan the repairs.
"""
GLOSSARY = """entities:
  - name: Harbour Authority
    type: ORG
    description: Runs the port and its quays.
    link: https://harbour.example.org/
suppress:
  - {text: Maria Lopez, article: seeds/harbour-fire.txt}
"""
SNAPSHOTS = ("seeds/harbour-fire.annotations.yml", "docs/notes/port.annotations.yml")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_AUTHOR_DATE": "2024-05-06T09:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-05-06T09:00:00+00:00",
    "PATH": "/usr/bin:/bin",
}


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=GIT_ENV)


def _site(root, plugin_options: str = "      date_fallback: git\n"):
    site = make_site(
        root, seeds={SEED_NAME: SEED}, docs={"notes/port.md": PAGE}, plugin_options=plugin_options
    )
    (site / "seeds" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    _git(site, "init", "-q")
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "first briefings")  # date_fallback: git dates the seed 2024-05-06
    return site


def _entity(data: dict, name: str) -> dict | None:
    return next((e for e in data["entities"] if e["name"] == name), None)


def test_annotate_write_and_the_build_write_the_same_snapshot_bytes(tmp_path):
    site = _site(tmp_path)
    proc = build(site)
    assert proc.returncode == 0, proc.stderr
    built = {name: (site / name).read_bytes() for name in SNAPSHOTS}
    seed = yaml.safe_load(built[SNAPSHOTS[0]])
    assert seed["document"]["date"] == "2024-05-06" and seed["document"]["date_from"] == "git"
    assert _entity(seed, "Harbour Authority")["description"] == "Runs the port and its quays."
    assert _entity(seed, "Maria Lopez") is None  # suppressed in this article

    for name in SNAPSHOTS:
        (site / name).unlink()
    proc = run_cli("annotate", "--write", "seeds/harbour-fire.txt", "docs/notes/port.md", cwd=site)
    assert proc.returncode == 0, proc.stderr
    for name in SNAPSHOTS:
        assert (site / name).read_bytes() == built[name], name
    check = run_cli("check", cwd=site)
    assert check.returncode == 0, check.stderr
    assert "2 snapshots fresh" in check.stdout

    # From the seeds folder: the site is found above it.
    (site / SNAPSHOTS[0]).unlink()
    proc = run_cli("annotate", "--write", SEED_NAME, cwd=site / "seeds")
    assert proc.returncode == 0, proc.stderr
    assert (site / SNAPSHOTS[0]).read_bytes() == built[SNAPSHOTS[0]]


def test_explicit_glossary_wins_and_text_outside_a_site_keeps_the_embedded_defaults(tmp_path):
    site = _site(tmp_path / "site")
    own = json.loads(run_cli("annotate", "seeds/harbour-fire.txt", cwd=site).stdout)
    assert _entity(own, "Harbour Authority")["link"] == "https://harbour.example.org/"
    assert _entity(own, "Maria Lopez") is None
    assert own["document"]["date"] == "2024-05-06"  # date_fallback: git, as the build

    other = site / "other.yml"
    other.write_text("entities:\n  - {name: Harbour Authority, description: Other words.}\n", "utf-8")
    told = run_cli("annotate", "--glossary", "other.yml", "seeds/harbour-fire.txt", cwd=site)
    told = json.loads(told.stdout)
    assert _entity(told, "Harbour Authority")["description"] == "Other words."
    assert _entity(told, "Maria Lopez") is not None  # that glossary suppresses nothing

    # Standard input belongs to no site: the embedded defaults, unless -f names one.
    text = SEED.split("\n", 1)[1]
    plain = json.loads(run_cli("annotate", "-", stdin=text, cwd=site).stdout)
    assert _entity(plain, "Harbour Authority")["description"] is None
    chosen = json.loads(run_cli("annotate", "-f", "mkdocs.yml", "-", stdin=text, cwd=site).stdout)
    assert _entity(chosen, "Harbour Authority")["description"] == "Runs the port and its quays."

    # A file with no mkdocs.yml above it: the contract's embedded defaults.
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(site / "seeds" / SEED_NAME, loose / SEED_NAME)
    alone = json.loads(run_cli("annotate", str(loose / SEED_NAME), cwd=tmp_path).stdout)
    assert _entity(alone, "Harbour Authority")["description"] is None
    assert alone["document"]["date"] is None and _entity(alone, "Maria Lopez") is not None

    missing = run_cli("annotate", "-f", "nowhere.yml", "seeds/harbour-fire.txt", cwd=site)
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
    assert "nowhere.yml" in missing.stderr and "Traceback" not in missing.stderr


def test_diff_says_when_snapshots_are_stale(tmp_path):
    site = _site(tmp_path)
    assert build(site).returncode == 0
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "snapshots")
    glossary = site / "seeds" / "glossary.yml"
    glossary.write_text(GLOSSARY.replace("Runs the port and its quays.", "Runs the port."), encoding="utf-8")

    stale = run_cli("diff", "HEAD", cwd=site)
    assert stale.returncode == 0, stale.stderr
    assert "No annotation changes" in stale.stdout
    assert "2 snapshots are stale" in stale.stdout
    assert all(name in stale.stdout for name in SNAPSHOTS)
    assert "briefing annotate --write" in stale.stdout

    proc = run_cli("annotate", "--write", "seeds/harbour-fire.txt", "docs/notes/port.md", cwd=site)
    assert proc.returncode == 0, proc.stderr
    fresh = run_cli("diff", "HEAD", cwd=site)
    assert "Runs the port" in fresh.stdout and "stale" not in fresh.stdout


def test_annotate_uses_the_sites_geocoders_and_their_cache(tmp_path):
    options = (
        "      geocoders:\n"
        "        - gazetteer\n"
        "        - nominatim: {domain: '127.0.0.1:9', scheme: http, min_delay_seconds: 0}\n"
    )
    site = _site(tmp_path, options)
    glossary = site / "seeds" / "glossary.yml"
    glossary.write_text(GLOSSARY + "  - Quay Street\n", encoding="utf-8")
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "suppress:", "  - {name: Old Fish Market, type: FAC}\nsuppress:"
        ),
        encoding="utf-8",
    )
    (site / "seeds" / "geocode-cache.yml").write_text(
        "nominatim:\n"
        "  Old Fish Market: {lat: 50.7936, lon: -1.1077, address: 'Old Fish Market, Portsmouth'}\n",
        encoding="utf-8",
    )
    proc = run_cli("annotate", "seeds/harbour-fire.txt", cwd=site)
    assert proc.returncode == 0, proc.stderr
    places = {p["name"]: p for p in json.loads(proc.stdout)["places"]}
    assert places["Old Fish Market"]["source"] == "nominatim"
    assert (places["Old Fish Market"]["lat"], places["Old Fish Market"]["lon"]) == (50.7936, -1.1077)
