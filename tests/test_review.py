"""`briefing diff`: what a reviewer sees in a pull request when one sentence changes."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import SEED, build, make_site, run_cli

pytestmark = pytest.mark.slow


def _git(root, *args):
    subprocess.run(
        ["git", *args],
        cwd=root,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@x",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@x",
            "PATH": "/usr/bin:/bin",
        },
    )


def test_diff_shows_exactly_what_one_sentence_changes(tmp_path):
    site = make_site(tmp_path, seeds={SEED.name: SEED.read_text(encoding="utf-8")})
    assert build(site).returncode == 0
    _git(site, "init", "-q")
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "base")
    seed = site / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    old = "In a joint operation in August, US and Iraqi forces killed 14 militants"
    assert old in text
    seed.write_text(
        text.replace(old, "In a joint operation in July, US and Jordanian forces killed 14 militants"),
        encoding="utf-8",
    )
    assert build(site).returncode == 0

    proc = run_cli("diff", "HEAD", cwd=site)
    assert proc.returncode == 0, proc.stderr
    report = proc.stdout
    assert report.startswith("## Annotation changes (HEAD → working tree)")
    assert "time removed: “August” = 2024-08" in report
    assert "time added: “July” = 2024-07" in report
    assert "Jordanian" in report
    assert "August 2024" in report and "July 2024" in report  # the event moved on the timeline
    # nothing else in the article changed, so nothing else is reported
    bullets = "\n".join(line for line in report.splitlines() if line.startswith("- "))
    for untouched in ("Syria", "Sabrina Singh", "Anbar", "CENTCOM", "Oct. 28", "early October"):
        assert untouched not in bullets, untouched

    same = run_cli("diff", "HEAD", "HEAD", cwd=site)
    assert "No annotation changes." in same.stdout


def test_diff_of_an_unknown_revision_is_one_line(tmp_path):
    site = make_site(tmp_path)
    _git(site, "init", "-q")
    proc = run_cli("diff", "no-such-rev", cwd=site)
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
