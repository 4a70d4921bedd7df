"""Nothing lost: snapshots survive ``kill -9``, failed writes, concurrent writers and corruption.

The writer is ``briefing.atomic.write_atomic`` (temporary file + fsync +
rename). The tests kill real processes in the middle of writing 8 MB
snapshots, run writers against each other, corrupt snapshots on disk and
build the site with ``mkdocs build`` (twice at once, too), checking that the
file on disk is always one complete version and that a corrupt snapshot is
reported, rebuilt and never trusted.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from briefing.atomic import write_atomic
from briefing.snapshots import SUFFIX

from .conftest import ROOT, build, make_site

SIZE = 8_000_000
# The content of version k, the same in the writer process and in the test.
MAKE = "def make(k):\n    return f'gen {k}\\n' + 'abcdefghij'[k % 10] * SIZE + '\\nend\\n'\n"
exec(MAKE)  # defines make()  # noqa: S102
WRITER = f"""
import sys
from pathlib import Path
from briefing.atomic import write_atomic
SIZE = {SIZE}
{MAKE}
path, first = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
k = first
while True:
    write_atomic(path, make(k))
    k += 2
"""


def _version(path: Path) -> int:
    """The complete version in ``path``; fails on anything else (half a file, a mix)."""
    data = path.read_text(encoding="utf-8")
    k = int(data[4 : data.index("\n")])
    assert data == make(k), f"{path} holds a damaged version {k} ({len(data)} chars)"  # noqa: F821
    return k


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def _writer(path: Path, first: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(first)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_kill_9_mid_write_leaves_a_complete_file(tmp_path):
    path = tmp_path / f"big{SUFFIX}"
    write_atomic(path, make(0))  # noqa: F821
    rng = random.Random(20241030)
    versions, interrupted, kills = set(), 0, 0
    while kills < 40 and (interrupted < 3 or len(versions) < 2):  # usually ~6 kills
        kills += 1
        proc = _writer(path, 1)
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        versions.add(_version(path))
        if _temps(tmp_path):
            interrupted += 1  # killed between mkstemp and rename: the case that matters
        for t in _temps(tmp_path):
            # A leftover is a dotfile ending in .tmp: no reader (seed glob, snapshot suffix,
            # MkDocs' default exclusion of dotfiles) ever takes it for a snapshot or a page.
            assert t.name.startswith(f".{path.name}.") and not t.name.endswith(SUFFIX)
    assert interrupted >= 1 and len(versions) >= 2, (interrupted, versions)
    assert write_atomic(path, make(2)) and _version(path) == 2  # noqa: F821


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / f"a{SUFFIX}"
    write_atomic(path, "old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "new \ud800 cannot be encoded\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _temps(tmp_path) == []
    assert write_atomic(path, "old\n") is False  # same content: not rewritten


def test_concurrent_writers_never_mix(tmp_path):
    """Two processes replace the same file as fast as they can; every read is one whole version."""
    path = tmp_path / f"shared{SUFFIX}"
    write_atomic(path, make(0))  # noqa: F821
    writers = [_writer(path, 1), _writer(path, 2)]
    try:
        seen = set()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            seen.add(_version(path) % 2)
    finally:
        for w in writers:
            w.kill()
            w.wait()
    assert seen == {0, 1}  # both writers were caught in the act


# ----------------------------------------------------------------------------- through mkdocs build

SEEDS = {
    "alpha.txt": "World\nTalks in Geneva\nOfficials of the United Nations met in Geneva on Monday.\n",
    "beta.txt": "Business\nMarkets in Tokyo\nShares rose in Tokyo on Tuesday, Reuters reported.\n",
    "gamma.txt": "Science\nA launch in Florida\nNASA launched a probe from Florida on Friday.\n",
}
CORRUPTIONS = {  # snapshot of -> (how, damaged text)
    "alpha": ("truncated YAML", lambda s: s[: len(s) // 2] + "\n  - {start: 1"),
    "beta": ("an empty file", lambda s: ""),
    "gamma": ("wrong schema", lambda s: s.replace("schema: 1", "schema: 2")),
    "000_d12db4dc30b4437a": ("a YAML list", lambda s: "- just\n- a list\n"),
}


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A site with four seeds, built once: its snapshots as first written."""
    root = make_site(tmp_path_factory.mktemp("atomic"), seeds=SEEDS)
    # The seed without its committed snapshot: that one also records the seed's earlier address,
    # which a rebuilt (lost) snapshot cannot know.
    name = "000_d12db4dc30b4437a.txt"
    (root / "seeds" / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    proc = build(root, "-d", str(root / "out"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    snaps = {p.name: p.read_text(encoding="utf-8") for p in (root / "seeds").glob(f"*{SUFFIX}")}
    assert len(snaps) == 4
    return root, snaps


@pytest.mark.slow
def test_corrupt_snapshots_are_reported_and_rebuilt(fresh_site):
    root, snaps = fresh_site
    seeds = root / "seeds"
    for stem, (_, damage) in CORRUPTIONS.items():
        path = seeds / f"{stem}{SUFFIX}"
        path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    # Leftovers of a killed writer, beside a seed snapshot and in the docs folder.
    (seeds / f".alpha{SUFFIX}.x1y2.tmp").write_text("schema: 1\n", encoding="utf-8")
    (root / "docs" / f".page{SUFFIX}.x1y2.tmp").write_text("half", encoding="utf-8")
    proc = build(root, "-d", str(root / "out2"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("WARNING")]
    for stem in CORRUPTIONS:
        assert any(f"{stem}{SUFFIX}" in w for w in warnings), (stem, warnings)
    for name, text in snaps.items():
        assert (seeds / name).read_text(encoding="utf-8") == text, f"{name} not rebuilt identically"
    assert not any(p.name.endswith(".tmp") for p in (root / "out2").rglob("*"))
    check = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "check"], cwd=root, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.slow
def test_two_builds_at_once_do_not_corrupt_snapshots(fresh_site):
    root, snaps = fresh_site
    for name in snaps:
        (root / "seeds" / name).unlink()  # both builds must annotate and write every snapshot
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / f"par{i}")],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert all(rc == 0 and "Traceback" not in err for rc, err in results), results
    for name, text in snaps.items():
        assert (root / "seeds" / name).read_text(encoding="utf-8") == text
    assert not [p for p in (root / "seeds").iterdir() if p.name.endswith(".tmp") and "x1y2" not in p.name]


def test_snapshot_with_wrong_field_types_is_not_trusted(tmp_path):
    root = make_site(tmp_path / "site")
    for name in ("000_d12db4dc30b4437a.txt", "000_d12db4dc30b4437a" + SUFFIX):
        (root / "seeds" / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    snap = root / "seeds" / f"000_d12db4dc30b4437a{SUFFIX}"
    data = yaml.safe_load(snap.read_text(encoding="utf-8"))
    assert data["places"], "the seed's snapshot has places"
    text = snap.read_text(encoding="utf-8")
    lat = f"lat: {data['places'][0]['lat']}"
    assert lat in text
    snap.write_text(text.replace(lat, "lat: north", 1), encoding="utf-8")
    proc = build(root, "-d", str(tmp_path / "out"))
    assert "Traceback" not in proc.stderr, proc.stderr[-1500:]
    assert proc.returncode == 0
    assert any("000_d12db4dc30b4437a" in ln for ln in proc.stderr.splitlines() if ln.startswith("WARNING"))


def test_garbage_bytes_snapshot_is_rebuilt(fresh_site):
    root, snaps = fresh_site
    path = root / "seeds" / f"beta{SUFFIX}"
    path.write_bytes(b"\xff\xfe\x00garbage\x9c" * 50)
    proc = build(root, "-d", str(root / "out-garbage"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-1500:]
    assert path.read_text(encoding="utf-8") == snaps[path.name]
