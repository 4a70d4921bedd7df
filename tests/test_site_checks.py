"""The build, `briefing check` and `briefing annotate` report the mistakes that used to pass in
silence (briefing/validate.py), naming the file and the fix; `strict: true` fails on them."""

from __future__ import annotations

import pytest

from .conftest import build, make_site, run_cli

pytestmark = pytest.mark.slow

SEEDS = {
    "bridge.txt": "World\nBridge reopens in Kyiv\n25 January 2052\nEngineers reopened the bridge in Kyiv.\n",
    "market.txt": "World\nMarket day in Lviv\n12 March 2025\nTraders filled the square in Lviv.\n",
}
PAGE = "---\nsection: World\ndate: 2052-03-04\n---\n# Ferry talks\n\nOfficials met in Odesa.\n"
GLOSSARY = """entities:
  - {name: Kyiv, type: GPE, coordinates: [30.5234, 50.4501]}
  - {name: Harbour Authority, aliases: [HA]}
  - {name: Harbour Police, aliases: [HA]}
suppress:
  - {text: Traders, article: seeds/markte.txt}
"""
EXPECTED = (
    "seeds/glossary.yml: entities[0] (Kyiv): coordinates [30.5234, 50.4501] look like [lon, lat]",
    "seeds/glossary.yml: entities[2] (Harbour Police): the alias 'HA' is already the alias of entities[1]",
    "seeds/glossary.yml: suppress[0] (Traders): article 'seeds/markte.txt' is no briefing of this site",
    "seeds/bridge.txt: the date 2052-01-25 (the date line after the headline) is in the future",
    "docs/ferry.md: the date 2052-03-04 (front matter 'date:') is in the future",
)


def _site(root, options: str = ""):
    site = make_site(root, seeds=SEEDS, docs={"ferry.md": PAGE}, plugin_options=options)
    (site / "seeds" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return site


def test_the_build_warns_about_each_mistake_naming_the_file(tmp_path):
    site = _site(tmp_path)
    proc = build(site)
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("WARNING")]
    for expected in EXPECTED:
        assert any(expected in ln for ln in warnings), (expected, proc.stderr)
    assert "write [50.4501, 30.5234]" in proc.stderr and "did you mean 'seeds/market.txt'?" in proc.stderr

    check = run_cli("check", cwd=site)
    assert check.returncode == 0, check.stderr  # warnings: the snapshots themselves are fresh
    for expected in EXPECTED:
        assert f"briefing: warning: {expected}" in check.stderr, (expected, check.stderr)

    one = run_cli("annotate", "seeds/bridge.txt", cwd=site)
    assert one.returncode == 0, one.stderr
    assert EXPECTED[0] in one.stderr and EXPECTED[3] in one.stderr
    assert "docs/ferry.md" not in one.stderr  # the dates of the articles it annotates, not the site's


def test_strict_makes_each_mistake_an_error(tmp_path):
    site = _site(tmp_path, "      strict: true\n")
    proc = build(site)
    assert proc.returncode != 0
    for expected in EXPECTED:
        assert expected in proc.stderr, (expected, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert not (site / "seeds" / "bridge.annotations.yml").exists()  # stopped before annotating

    check = run_cli("check", cwd=site)
    assert check.returncode == 1
    assert "strict: true" in check.stderr


def test_a_bad_option_stops_check_and_annotate_in_one_line_as_it_stops_the_build(tmp_path):
    site = _site(tmp_path, "      map_tiles: https://tile.example.org/{z}/{x}/{y}.png\n")
    for proc in (build(site), run_cli("check", cwd=site), run_cli("annotate", "seeds/market.txt", cwd=site)):
        assert proc.returncode != 0 and "Traceback" not in proc.stderr
        assert "map_tiles" in proc.stderr and "a mapping, not text" in proc.stderr, proc.stderr
    check = run_cli("check", cwd=site)
    assert len(check.stderr.strip().splitlines()) == 1, check.stderr
