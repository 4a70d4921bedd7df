"""`briefing annotate` obeys ../shared/CONTRACT.md (checked here without ../shared)."""

from __future__ import annotations

import json

import pytest
import yaml

from briefing.model import ENTITY_TYPES, PLACE_KINDS

from .conftest import run_cli


@pytest.fixture(scope="module")
def seed_output(seed_path):
    proc = run_cli("annotate", str(seed_path))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_contract_shape(seed_output, seed_text):
    out = seed_output
    assert out["schema"] == 1
    assert set(out) >= {"document", "text", "entities", "places", "times", "events"}
    assert out["text"] == seed_text
    doc = out["document"]
    assert doc["section"] == "Politics" and doc["title"].startswith("US Airstrikes")
    assert doc["date"] == "2024-10-30" and doc["date_source"] == "inferred"


def test_offsets_index_the_text(seed_output):
    text = seed_output["text"]
    for ent in seed_output["entities"]:
        assert ent["type"] in ENTITY_TYPES
        for m in ent["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for t in seed_output["times"]:
        assert text[t["start"] : t["end"]] == t["text"]
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
    for ev in seed_output["events"]:
        assert 0 <= ev["sentence"]["start"] < ev["sentence"]["end"] <= len(text)


def test_places_name_entities(seed_output):
    ids = {e["id"] for e in seed_output["entities"]}
    assert seed_output["places"]
    for p in seed_output["places"]:
        assert p["entity"] in ids
        assert p["kind"] in PLACE_KINDS
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180


def test_stdin_text_is_unchanged_and_date_option_wins():
    text = "  The minister visited Paris on Friday.\r\nShe left on Sunday.  "
    proc = run_cli("annotate", "--date", "2024-03-13", "-", stdin=text)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["text"] == text  # exactly what was sent, CR LF included
    assert out["document"] == {"title": None, "section": None, "date": "2024-03-13", "date_source": "option",
                               "date_from": "option"}
    friday = next(t for t in out["times"] if t["text"] == "Friday")
    assert friday["value"] == "2024-03-08"


def test_yaml_format(seed_path):
    proc = run_cli("annotate", "--format", "yaml", str(seed_path))
    assert proc.returncode == 0, proc.stderr
    assert yaml.safe_load(proc.stdout)["schema"] == 1


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("annotate", "missing.txt"), "missing.txt: no such file"),
        (("annotate", "--date", "2024-02-30", "-"), "does not exist"),
        (("annotate", "--date", "yesterday", "-"), "not YYYY-MM-DD"),
    (("annotate", "--date", "0001-01-01", "-"), "outside the years"),
    ],
)
def test_user_mistakes_are_one_line(args, fragment):
    proc = run_cli(*args, stdin="")
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in proc.stderr


def test_help_explains_every_command():
    proc = run_cli("--help")
    assert proc.returncode == 0 and "annotate" in proc.stdout
    sub = run_cli("annotate", "--help")
    assert "--date" in sub.stdout and "--format" in sub.stdout and "standard input" in sub.stdout
