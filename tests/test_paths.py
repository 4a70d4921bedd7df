"""Paths a contributor controls: plugin options and seed files stay inside the project.

Every case is run through both doors that read them, a real ``mkdocs build`` and
``briefing check``: each must stop with exactly one line naming the option or the file,
never a traceback, never a hang, and nothing may be written or published from outside the
project. Builds stop before any NLP runs, so they take about a second each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from .conftest import build, make_site, run_cli

SEED = "World\nTalks in Lyon\nOfficials met in Lyon on Monday.\n"
# Files root cannot read only without CAP_DAC_OVERRIDE: run such cases with it dropped.
NO_OVERRIDE = (
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    if os.geteuid() == 0 and shutil.which("setpriv")
    else []
)

# case -> (plugin options, words of the one-line error)
BAD_OPTIONS: dict[str, tuple[str, str]] = {
    "seeds-dir-absolute": ("      seeds_dir: {root}/seeds\n", "seeds_dir"),
    "seeds-dir-empty": ("      seeds_dir: ''\n", "seeds_dir"),
    "seeds-dir-parent": ("      seeds_dir: ../elsewhere\n", "seeds_dir"),
    "seeds-dir-link-out": ("      seeds_dir: linked\n", "seeds_dir"),
    "briefings-dir-empty": ("      briefings_dir: ''\n", "briefings_dir"),
    "briefings-dir-absolute": ("      briefings_dir: /tmp/briefings\n", "briefings_dir"),
    "briefings-dir-parent": ("      briefings_dir: ../x\n", "briefings_dir"),
    "briefings-dir-inner-parent": ("      briefings_dir: news/../../x\n", "briefings_dir"),
    "glossary-absolute": ("      glossary: {root}/seeds/glossary.yml\n", "glossary"),
    "glossary-empty": ("      glossary: ''\n", "glossary"),
    "glossary-parent": ("      glossary: ../glossary.yml\n", "glossary"),
    "cache-root": ("      geocode_cache: /\n", "geocode_cache"),
    "cache-directory": ("      geocode_cache: seeds\n", "geocode_cache"),
    "cache-empty": ("      geocode_cache: ''\n", "geocode_cache"),
}
# The glossary option replaces the example's (it is in the copied mkdocs.yml).
GLOSSARY_LINE = "      glossary: seeds/glossary.yml\n"


def _site(root: Path, options: str) -> Path:
    site = make_site(root, seeds={"talks.txt": SEED})
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    if "glossary:" in options:
        config = config.replace(GLOSSARY_LINE, "")
    config = config.replace("      seeds_dir: seeds\n", "").replace(
        "  - briefing:\n", "  - briefing:\n" + options.format(root=site)
    )
    if "seeds_dir" not in options:
        config = config.replace("  - briefing:\n", "  - briefing:\n      seeds_dir: seeds\n")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("World\nSecret\nThe password is swordfish.\n", encoding="utf-8")
    (site / "linked").symlink_to(outside, target_is_directory=True)
    return site


def _one_line(proc: subprocess.CompletedProcess, *words: str) -> str:
    assert proc.returncode != 0, proc.stdout[-500:] + proc.stderr[-500:]
    assert "Traceback" not in proc.stderr, proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith(("briefing:", "ERROR"))]
    assert len(errors) == 1, proc.stderr
    for w in words:
        assert w.lower() in errors[0].lower(), (w, errors[0])
    return errors[0]


@pytest.fixture(scope="module")
def option_runs(
    tmp_path_factory,
) -> dict[str, tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]]:
    base = tmp_path_factory.mktemp("options")

    def run(case: str):
        site = _site(base / case, BAD_OPTIONS[case][0])
        return build(site, "-q", "-d", str(site / "out"), timeout=120), run_cli("check", cwd=site)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(BAD_OPTIONS, pool.map(run, BAD_OPTIONS), strict=True))


@pytest.mark.parametrize("case", sorted(BAD_OPTIONS))
def test_bad_path_option_stops_the_build_in_one_line(option_runs, case):
    _one_line(option_runs[case][0], BAD_OPTIONS[case][1])


@pytest.mark.parametrize("case", sorted(BAD_OPTIONS))
def test_bad_path_option_stops_check_in_one_line(option_runs, case):
    _one_line(option_runs[case][1], BAD_OPTIONS[case][1])


def test_nothing_was_written_outside(option_runs, tmp_path_factory):
    assert not Path("/tmp/briefings").exists()
    assert not any(p.suffix == ".html" for p in Path("/").glob("*"))


# ----------------------------------------------------------------------------- seed files


def _bad_seed(site: Path, case: str) -> str:
    """Make the bad seed of ``case`` in ``site``; returns its file name."""
    seeds = site / "seeds"
    outside = site.parent / f"{site.name}-secret.txt"
    outside.write_text("World\nSecret\nThe password is swordfish.\n", encoding="utf-8")
    if case == "symlink-outside":
        (seeds / "leak.txt").symlink_to(outside)
        return "leak.txt"
    if case == "symlink-etc":
        (seeds / "passwd.txt").symlink_to("/etc/passwd")
        return "passwd.txt"
    if case == "directory":
        (seeds / "folder.txt").mkdir()
        return "folder.txt"
    if case == "fifo":
        os.mkfifo(seeds / "pipe.txt")
        return "pipe.txt"
    if case == "dangling":
        (seeds / "gone.txt").symlink_to(site / "nowhere.txt")
        return "gone.txt"
    if case == "unreadable":
        (seeds / "locked.txt").write_text(SEED, encoding="utf-8")
        (seeds / "locked.txt").chmod(0)
        return "locked.txt"
    raise AssertionError(case)


SEED_CASES = {
    "symlink-outside": "outside",
    "symlink-etc": "outside",
    "directory": "directory",
    "fifo": "regular file",
    "dangling": "dangling",
    "unreadable": "cannot read",
}


def _run(args: list[str], cwd: Path, unprivileged: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        (NO_OVERRIDE if unprivileged else []) + [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.fixture(scope="module")
def seed_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("seeds")

    def run(case: str):
        site = make_site(base / case, seeds={"talks.txt": SEED})
        name = _bad_seed(site, case)
        unprivileged = case == "unreadable"
        out = site / "out"
        return (
            name,
            out,
            _run(["mkdocs", "build", "-q", "-d", str(out)], site, unprivileged),
            _run(["briefing.cli", "check"], site, unprivileged),
        )

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(SEED_CASES, pool.map(run, SEED_CASES), strict=True))


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_bad_seed_stops_the_build_in_one_line(seed_runs, case):
    name, out, proc, _ = seed_runs[case]
    _one_line(proc, name, SEED_CASES[case])
    assert (
        not any(
            "swordfish" in p.read_text(encoding="utf-8", errors="replace")
            for p in out.rglob("*")
            if p.is_file()
        )
        if out.exists()
        else True
    )


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_bad_seed_stops_check_in_one_line(seed_runs, case):
    name, _, _, proc = seed_runs[case]
    _one_line(proc, name, SEED_CASES[case])


def test_unreadable_case_is_really_unreadable(seed_runs):
    """The 'unreadable' case must not pass because root can read anything."""
    name, _, proc, _ = seed_runs["unreadable"]
    assert "Permission denied" in proc.stderr or not NO_OVERRIDE


def test_a_symlink_inside_the_project_is_a_seed(tmp_path):
    site = make_site(tmp_path, seeds={})
    (site / "articles").mkdir()
    (site / "articles" / "talks.txt").write_text(SEED, encoding="utf-8")
    (site / "seeds" / "talks.txt").symlink_to(site / "articles" / "talks.txt")
    proc = build(site, "-q", "-d", str(site / "out"), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (site / "out" / "briefings" / "talks.html").exists()


# ----------------------------------------------------------------------------- names and glossary


@pytest.mark.slow
def test_seed_file_name_with_newlines_keeps_its_snapshot(tmp_path):
    name = "evil\nkey: injected\nschema: 9\n.txt"
    site = make_site(tmp_path, seeds={name: SEED})
    first = build(site, "-q", "-d", str(site / "out"), timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    snap = next((site / "seeds").glob("evil*.annotations.yml"))
    text = snap.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["schema"] == 1 and "injected" not in yaml.safe_load(text)
    header = [ln for ln in text.splitlines() if not ln.startswith("#")][0]
    assert header == "schema: 1", text[:400]
    second = build(site, "-d", str(site / "out"), timeout=300)
    assert "1 reused from snapshots" in second.stderr, second.stderr
    assert "corrupt" not in second.stderr


@pytest.mark.parametrize("kind", ["directory", "unreadable", "not-utf8"])
def test_check_names_an_unusable_glossary(tmp_path, kind):
    site = make_site(tmp_path, seeds={"talks.txt": SEED})
    glossary = site / "seeds" / "glossary.yml"
    if kind == "directory":
        glossary.unlink()
        glossary.mkdir()
    elif kind == "unreadable":
        glossary.chmod(0)
    else:
        glossary.write_bytes(b"entities:\n  - name: Caf\xe9\n")
    proc = _run(["briefing.cli", "check"], site, unprivileged=kind == "unreadable")
    line = _one_line(proc, "glossary.yml")
    assert "stale" not in line
