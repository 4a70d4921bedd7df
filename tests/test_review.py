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


HOSTILE = [
    "![pixel](https://evil.example/p.png)",
    "@octocat",
    "# Heading",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "line one\n## injected heading",
    "| a | b |",
    "<script>alert(2)</script>",
    "`code` and ``more``",
    "&lt;b&gt; entity",
    "#123 and owner/repo#4",
]


def _snapshot(names: list[str]) -> dict:
    return {
        "schema": 1,
        "key": "k",
        "document": {"title": names[0], "section": "World", "date": "2024-03-04", "date_source": "metadata"},
        "entities": [
            {
                "id": f"e{i}",
                "name": n,
                "type": n[:5],
                "aliases": [n],
                "description": n,
                "link": None,
                "mentions": [{"start": 0, "end": 1, "text": n}],
            }
            for i, n in enumerate(names)
        ],
        "places": [
            {"entity": f"e{i}", "name": n, "lat": 1.0, "lon": 2.0, "kind": n, "source": n}
            for i, n in enumerate(names)
        ],
        "times": [{"start": 0, "end": 1, "text": n, "type": "DATE", "value": n, "mod": None} for n in names],
        "events": [
            {
                "id": f"v{i}",
                "summary": n,
                "sentence": {"start": 0, "end": 1},
                "label": n,
                "earliest": "2024-03-01",
                "latest": "2024-03-02",
            }
            for i, n in enumerate(names)
        ],
    }


def _repo(tmp_path):
    import yaml

    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    snap = root / "seeds" / "a.annotations.yml"
    snap.write_text(yaml.safe_dump(_snapshot(["Old name"])), encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    snap.write_text(yaml.safe_dump(_snapshot(HOSTILE), allow_unicode=True), encoding="utf-8")
    return root


def test_diff_report_is_inert_markdown(tmp_path):
    """Names, titles, summaries and kinds from a snapshot cannot add images, mentions,
    headings, links or HTML to the pull-request comment (rendered as GitHub would: CommonMark)."""
    import re

    from markdown_it import MarkdownIt

    root = _repo(tmp_path)
    proc = run_cli("diff", "HEAD", cwd=root)
    assert proc.returncode == 0, proc.stderr
    rendered = MarkdownIt("commonmark").enable("table").render(proc.stdout)
    assert "<img" not in rendered and "<script" not in rendered and "<table" not in rendered
    assert "<a " not in rendered  # no link, no autolink came from the content
    headings = re.findall(r"<h(\d)>", rendered)
    assert headings == ["2", "3"], headings  # the report's own: its title and the article's
    text = re.sub(r"<[^>]+>", "", rendered)
    assert not re.search(r"(?<![\w`])@octocat", text), "an @-mention would notify someone"
    assert not re.search(r"(?<![\w&])#123\b", text), "an issue reference would link"
    for word in ("pixel", "octocat", "onerror", "injected heading", "alert(2)", "owner/repo"):
        assert word in text, word  # escaped, not dropped
    assert all(
        not line.startswith(("#", "<", "!")) or line.startswith(("## ", "### "))
        for line in proc.stdout.splitlines()
    )


def test_diff_of_non_utf8_snapshots_is_a_line_not_a_traceback(tmp_path):
    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    snap = root / "seeds" / "a.annotations.yml"
    snap.write_bytes(b"schema: 1\ndocument: {title: Caf\xe9}\n")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    snap.write_bytes(b"schema: 1\ndocument: {title: \xff\xfe}\n")
    for args in (("diff", "HEAD"), ("diff", "HEAD", "HEAD")):
        proc = run_cli(*args, cwd=root)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        assert "a.annotations.yml" in proc.stdout and "UTF-8" in proc.stdout, proc.stdout


def test_diff_from_a_subfolder_reports_the_whole_repository(tmp_path):
    root = _repo(tmp_path)
    top = run_cli("diff", "HEAD", cwd=root)
    inside = run_cli("diff", "HEAD", cwd=root / "seeds")
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout == top.stdout and "seeds/a.annotations.yml" in top.stdout
