"""Interrupted runs: workers die with their parent, finished work is kept.

Real processes: ``briefing annotate --write --jobs 2`` and ``mkdocs build`` (``jobs: 2``) are
killed (``kill -9``, SIGTERM) once their worker processes are busy; no worker may outlive them,
and every article whose batch had finished before the kill keeps its (complete) snapshot.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.snapshots import SUFFIX, load
from briefing.sources import read_seed

from .conftest import ROOT, make_site

pytestmark = pytest.mark.slow

CITIES = ("Lyon", "Nairobi", "Lima", "Krakow", "Bergen", "Osaka", "Winnipeg", "Valparaiso")


def _article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"World\nCouncil {i} meets in {city}\n"
        f"Officials of the Harbour Board met Maria Lopez in {city} on Monday to discuss plan {i}.\n"
        f"The Coastal Rail Board said on Tuesday that trains to {city} would run again in May.\n"
    )


def _children(pid: int) -> set[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited: it only waits to be reaped


def _wait_for(condition, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def _workers(proc: subprocess.Popen, n: int = 2, timeout: float = 120) -> set[int]:
    """The worker processes once ``n`` are running."""
    found: set[int] = set()

    def ready() -> bool:
        found.clear()
        found.update(_children(proc.pid))
        return len(found) >= n

    assert _wait_for(ready, timeout), f"no {n} workers appeared (children: {found})"
    return set(found)


def _reap(proc: subprocess.Popen) -> None:
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _no_survivors(workers: set[int]) -> bool:
    """True when every worker has exited within 15 s."""
    return _wait_for(lambda: not any(_alive(w) for w in workers), 15)


def _clean_up(proc: subprocess.Popen, workers: set[int]) -> None:
    """Whatever happened, leave no process of the test behind."""
    if proc.poll() is None:
        proc.kill()
    _reap(proc)
    _no_survivors(workers)
    for w in workers:
        if _alive(w):
            os.kill(w, signal.SIGKILL)


def test_kill_9_of_annotate_jobs_2_kills_its_workers_and_keeps_finished_snapshots(tmp_path):
    paths = []
    for i in range(40):
        p = tmp_path / f"a{i:02d}.txt"
        p.write_text(_article(i), encoding="utf-8")
        paths.append(p)
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "annotate", "--write", "--jobs", "2", *map(str, paths)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        workers |= _workers(proc)
        snapshots = lambda: sorted(tmp_path.glob(f"*{SUFFIX}"))  # noqa: E731
        assert _wait_for(lambda: snapshots(), 240), "no snapshot was written"
        assert all(_alive(w) for w in workers), "no snapshot was written while the workers were busy"
        os.kill(proc.pid, signal.SIGKILL)
        _reap(proc)
        assert _no_survivors(workers), "a worker outlived its parent"
    finally:
        _clean_up(proc, workers)
    kept = snapshots()
    assert 1 <= len(kept) < len(paths)  # finished batches kept, the rest not done yet
    for snap in kept:  # each one complete and trusted
        seed = tmp_path / snap.name.replace(SUFFIX, ".txt")
        assert load(snap, read_seed(seed).document) is not None


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_a_build_kills_its_workers(tmp_path, sig):
    site = make_site(
        tmp_path, seeds={f"s{i:02d}.txt": _article(i) for i in range(24)}, plugin_options="      jobs: 2\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        workers |= _workers(proc)
        time.sleep(0.5)
        os.kill(proc.pid, sig)
        _reap(proc)
        assert _no_survivors(workers), "a worker outlived the build"
    finally:
        _clean_up(proc, workers)
