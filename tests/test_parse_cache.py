"""The parse cache of warm builds stands in for the YAML parser and for nothing else."""

from __future__ import annotations

import json

import pytest

from briefing import batch
from briefing.snapshots import ParseCache, content_key, load

from .conftest import SEED, build, make_site


@pytest.fixture()
def site(tmp_path):
    root = make_site(tmp_path / "s", seeds={SEED.name: SEED.read_text(encoding="utf-8")})
    proc = build(root, "-d", str(root / "out"))  # writes the snapshot
    assert proc.returncode == 0, proc.stderr
    proc = build(root, "-d", str(root / "out"))  # reads it: the cache is written
    assert proc.returncode == 0, proc.stderr
    return root


def _job(root):
    from briefing.articles import seed_entries

    (entry,) = seed_entries(root, "seeds", "briefings")
    return entry.job


def test_the_cache_gives_what_the_parser_gives(site):
    cache_file = site / ".cache" / "briefing" / "snapshots.json"
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    assert stored["version"] == 1 and len(stored["snapshots"]) == 1
    job = _job(site)
    plain = load(job.snapshot, job.document)
    cached = load(job.snapshot, job.document, ParseCache(cache_file))
    assert cached.annotations.to_dict() == plain.annotations.to_dict()
    assert (cached.key, cached.content, cached.page) == (plain.key, plain.content, plain.page)


def test_a_tampered_cache_entry_is_checked_like_a_snapshot(site):
    cache_file = site / ".cache" / "briefing" / "snapshots.json"
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    (data,) = stored["snapshots"].values()
    data["entities"][0]["type"] = "<script>"
    cache_file.write_text(json.dumps(stored), encoding="utf-8")
    job = _job(site)
    with pytest.raises(ValueError, match="entities\\[0\\].type"):
        load(job.snapshot, job.document, ParseCache(cache_file))
    data["entities"][0]["type"] = "OTHER"  # well-formed but not what was sealed: stale, not trusted
    cache_file.write_text(json.dumps(stored), encoding="utf-8")
    loaded = load(job.snapshot, job.document, ParseCache(cache_file))
    assert not loaded.fresh(content_key(job.document, batch.glossary_digest(site / "seeds" / "glossary.yml")))


def test_a_damaged_cache_file_is_ignored_and_replaced(site):
    cache_file = site / ".cache" / "briefing" / "snapshots.json"
    cache_file.write_text("{not json", encoding="utf-8")
    job = _job(site)
    result = batch.run([job], None, site / "seeds" / "glossary.yml", cache=cache_file, progress=False)
    assert result.reused == [job.label] and not result.problems
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["snapshots"]) == 1


def test_only_what_a_run_used_is_kept(tmp_path):
    cache_file = tmp_path / "c.json"
    cache_file.write_text(json.dumps({"version": 1, "snapshots": {"0" * 64: {"old": 1}}}), encoding="utf-8")
    cache = ParseCache(cache_file)
    assert cache.parse(b"a: 1\n", "a: 1\n") == {"a": 1}
    cache.save()
    assert list(json.loads(cache_file.read_text(encoding="utf-8"))["snapshots"].values()) == [{"a": 1}]
    assert ParseCache(tmp_path / "none.json").parse(b"x: [1]\n", "x: [1]\n") == {"x": [1]}


def test_a_written_snapshot_is_learnt_exactly_as_it_parses(tmp_path):
    """The cold build teaches the cache what it wrote: the same data YAML reads from the file."""
    import hashlib

    import yaml

    from briefing.snapshots import _SafeLoader

    root = make_site(tmp_path / "s", seeds={SEED.name: SEED.read_text(encoding="utf-8")})
    proc = build(root, "-d", str(root / "out"))  # cold: annotates and writes
    assert proc.returncode == 0, proc.stderr
    snap = root / "seeds" / SEED.name.replace(".txt", ".annotations.yml")
    raw = snap.read_bytes()
    cached = json.loads((root / ".cache" / "briefing" / "snapshots.json").read_text(encoding="utf-8"))
    assert cached["snapshots"][hashlib.sha256(raw).hexdigest()] == yaml.load(raw.decode(), Loader=_SafeLoader)
