"""Where a briefing's date comes from: date line, dateline, file name, git, inference; and the build.

The articles are invented (a flood in Cumbria); nothing here needs ../shared.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from briefing.dating import apply_fallback, file_name_date, undated_report
from briefing.pipeline import resolve_date
from briefing.sources import SourceError, read_seed

from ..conftest import build, make_site, run_cli

BODY = (
    "Floodwater entered homes in Carlisle shortly after midnight, and by 3am the River Eden had burst its "
    "banks. The council said on Wednesday that 240 properties had been flooded."
)
DATELINE = "CARLISLE, Cumbria, Wednesday 12 March 2025 — "


def seed(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(["News", "Floods close roads across Cumbria", *lines]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line", ["March 12, 2025", "2025-03-12", "Wed 12 Mar 2025", "Wednesday, 12 March 2025", "12 March 2025"]
)
def test_a_date_line_after_the_headline_is_metadata(tmp_path, line):
    doc = read_seed(seed(tmp_path / "flood.txt", line, BODY)).document
    assert (doc.date, doc.date_source, doc.date_from) == ("2025-03-12", "metadata", "date-line")
    assert line not in doc.text  # removed from the body: the text is the headline and the article
    assert doc.text == "Floods close roads across Cumbria\n" + BODY


def test_a_wire_dateline_dates_the_article_and_stays_in_its_text(tmp_path):
    doc = read_seed(seed(tmp_path / "flood.txt", DATELINE + BODY)).document
    assert (doc.date, doc.date_source, doc.date_from) == ("2025-03-12", "metadata", "dateline")
    assert DATELINE + BODY in doc.text  # the article's own words


def test_a_dated_file_name(tmp_path):
    doc = read_seed(seed(tmp_path / "2025-03-14-farmers-count-the-cost.txt", BODY)).document
    assert (doc.date, doc.date_source, doc.date_from) == ("2025-03-14", "metadata", "file-name")


def test_the_order_of_sources(tmp_path):
    # a date line or a dateline wins over the file name; the file name over the configured source
    assert (
        read_seed(seed(tmp_path / "2025-03-14-a.txt", "March 12, 2025", BODY)).document.date == "2025-03-12"
    )
    assert read_seed(seed(tmp_path / "2025-03-14-b.txt", DATELINE + BODY)).document.date == "2025-03-12"
    path = seed(tmp_path / "2025-03-14-c.txt", BODY)
    doc = apply_fallback(read_seed(path).document, path, "git")
    assert (doc.date, doc.date_from) == ("2025-03-14", "file-name")


def test_mistaken_dates_are_one_line_errors_naming_the_file(tmp_path):
    with pytest.raises(
        SourceError,
        match=r"flood\.txt: the date line 'Tue 12 Mar 2025': 12 March 2025 is a "
        r"Wednesday",
    ):
        read_seed(seed(tmp_path / "flood.txt", "Tue 12 Mar 2025", BODY))
    with pytest.raises(
        SourceError, match=r"2025-02-30-x\.txt: the date 2025-02-30 in the file name does not"
    ):
        read_seed(seed(tmp_path / "2025-02-30-x.txt", BODY))
    proc = run_cli("annotate", str(seed(tmp_path / "bad.txt", "Tue 12 Mar 2025", BODY)))
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1 and "bad.txt" in proc.stderr


def test_a_line_that_only_looks_like_a_date_stays_text(tmp_path):
    doc = read_seed(seed(tmp_path / "flood.txt", "12 March was the wettest day on record.", BODY)).document
    assert doc.date is None and "12 March was the wettest day" in doc.text
    assert file_name_date("flood-2025-03-12.txt") is None  # a prefix, not anywhere in the name


def _git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ed",
        "GIT_AUTHOR_EMAIL": "ed@example.org",
        "GIT_COMMITTER_NAME": "Ed",
        "GIT_COMMITTER_EMAIL": "ed@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_git_first_commit_is_an_opt_in_source(tmp_path):
    path = seed(tmp_path / "flood.txt", BODY)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "flood.txt")
    _git(tmp_path, "commit", "-qm", "first", date="2025-03-12T09:00:00+00:00")
    path.write_text(path.read_text(encoding="utf-8") + "More rain is forecast.\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "update", date="2025-03-20T09:00:00+00:00")
    assert read_seed(path).document.date is None  # off by default
    doc = apply_fallback(read_seed(path).document, path, "git")
    assert (doc.date, doc.date_source, doc.date_from) == ("2025-03-12", "metadata", "git")  # the first commit
    untracked = seed(tmp_path / "draft.txt", BODY)
    assert apply_fallback(read_seed(untracked).document, untracked, "git").date is None


def test_undated_seeds_are_inferred_only_from_evidence(tmp_path):
    undated = read_seed(seed(tmp_path / "flood.txt", BODY)).document
    assert resolve_date(undated).date is None  # "on Wednesday" alone pins nothing
    lead = (
        "The Environment Agency said on Wednesday that the storm on Monday evening had broken the record, "
        "with the river peaking in the evening of March 10."
    )
    doc = resolve_date(read_seed(seed(tmp_path / "storm.txt", lead)).document)
    assert (doc.date_source, doc.date_from) == ("inferred", "text") and doc.date.endswith("-03-12")


def test_the_undated_report_says_how_to_date_them():
    assert undated_report([]) is None
    message = undated_report(["seeds/a.txt", "seeds/b.txt"])
    assert "2 briefings without a date" in message and "seeds/a.txt, seeds/b.txt" in message
    assert "date line" in message and "YYYY-MM-DD-" in message and "date_fallback: git" in message


def test_annotate_reports_where_the_date_came_from(tmp_path):
    out = json.loads(run_cli("annotate", str(seed(tmp_path / "flood.txt", DATELINE + BODY))).stdout)
    assert out["document"]["date"] == "2025-03-12"
    assert (out["document"]["date_source"], out["document"]["date_from"]) == ("metadata", "dateline")
    stdin = json.loads(run_cli("annotate", "-", stdin="Floods close roads\n" + DATELINE + BODY).stdout)
    assert (stdin["document"]["date_source"], stdin["document"]["date_from"]) == ("inferred", "dateline")


SEEDS = {
    "flood.txt": "News\nFloods close roads across Cumbria\n" + DATELINE + BODY + "\n",
    "2025-03-14-farmers.txt": "News\nFarmers count the cost\nThe Farmers' Union said on Thursday that "
    "livestock had been moved from fields near Appleby-in-Westmorland.\n",
    "clean-up.txt": "News\nThe clean-up begins\nVolunteers cleared mud from homes in Carlisle on Friday.\n",
}


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = make_site(tmp_path_factory.mktemp("dating"), seeds=SEEDS)
    proc = build(root)
    assert proc.returncode == 0, proc.stderr
    return root, proc


def test_a_build_dates_each_briefing_from_its_source(dated_site):
    root, _ = dated_site
    pages = {p.name: p.read_text(encoding="utf-8") for p in (root / "site" / "briefings").glob("*.html")}
    flood = pages["flood.html"]
    assert '<time datetime="2025-03-12">' in flood and "(date inferred)" not in flood
    assert "1 day before" not in flood
    farmers = pages["2025-03-14-farmers.html"]
    assert '<time datetime="2025-03-14">' in farmers
    assert 'datetime="2025-03-13"' in farmers  # "on Thursday", resolved against the file name's date
    assert '<time datetime="' not in pages["clean-up.html"].split("bf-panel")[0]


def test_a_build_lists_undated_briefings_and_strict_fails_on_them(dated_site):
    root, proc = dated_site
    warnings = [ln for ln in proc.stderr.splitlines() if "without a date" in ln]
    assert len(warnings) == 1 and "seeds/clean-up.txt" in warnings[0] and "flood.txt" not in warnings[0]
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("      seeds_dir: seeds\n", "      seeds_dir: seeds\n      strict: true\n"),
        encoding="utf-8",
    )
    try:
        strict = build(root)
    finally:
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert (
        strict.returncode != 0 and "seeds/clean-up.txt" in strict.stderr and "Traceback" not in strict.stderr
    )
