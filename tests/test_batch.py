"""Many articles at once: parallel equals sequential, workers survive a shared gazetteer, progress shows."""

from __future__ import annotations

import logging

import pytest

from briefing import batch
from briefing.geo.gazetteer import gazetteer
from briefing.model import Document

TEXTS = [
    "Floods in Dhaka\nHeavy rain flooded Dhaka and Chittagong on Monday, officials in Bangladesh said.",
    "Talks in Geneva\nDiplomats from France and Iran met in Geneva on 3 March 2023 to revive the deal.",
    "Storm hits Florida\nHurricane Ian struck Fort Myers, Florida, in late September 2022.",
    "Election in Kenya\nVoters in Nairobi and Mombasa queued early on Tuesday for the presidential election.",
    "Summit in Jakarta\nLeaders of Indonesia and Malaysia met in Jakarta last week, the ministry said.",
]


def _jobs():
    return [batch.Job(Document(text=t, title=t.split("\n")[0], date="2024-05-01", date_source="option"), None,
                      f"doc{i}") for i, t in enumerate(TEXTS)]


@pytest.mark.slow
def test_parallel_equals_sequential_and_survives_a_forked_gazetteer():
    gazetteer().lookup("Paris")  # the parent has the archive open before workers fork
    batch._MEMO.clear()
    one = batch.run(_jobs(), workers=1, write=False, progress=False)
    batch._MEMO.clear()  # really annotate again, in two worker processes
    two = batch.run(_jobs(), workers=2, write=False, progress=False)
    assert len(two.annotated) == len(TEXTS)
    assert one.problems == two.problems == []
    for label in one.annotations:
        assert one.annotations[label].to_dict() == two.annotations[label].to_dict()
    places = {p.name for a in two.annotations.values() for p in a.places}
    assert {"Dhaka", "Geneva", "Nairobi", "Jakarta"} <= places


def test_unchanged_articles_are_remembered_within_a_process():
    batch._MEMO.clear()
    first = batch.run(_jobs()[:1], write=False, progress=False)
    again = batch.run(_jobs()[:1], write=False, progress=False)
    assert first.annotated == ["doc0"] and again.reused == ["doc0"] and again.annotated == []


def test_progress_is_logged_in_plain_lines(caplog):
    bar = batch.Progress(20, "annotating", stream=open("/dev/null", "w"))  # noqa: SIM115 (not a tty)
    with caplog.at_level(logging.INFO, logger="briefing"):
        for _ in range(5):
            bar.advance(4)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("annotating: 4/20") and lines[-1].startswith("annotating: 20/20")
    assert len(lines) == 5


def test_an_undone_edit_rewrites_the_snapshot(tmp_path):
    """A, then B, then A again (an edit undone during `mkdocs serve`): the file must end as A's."""
    from briefing.snapshots import load

    snap = tmp_path / "a.annotations.yml"
    batch._MEMO.clear()

    def run(text):
        doc = Document(text=text, title=text.split("\n")[0], path="a.txt")
        return batch.run([batch.Job(doc, snap, "a")], progress=False), doc

    _, doc_a = run(TEXTS[0])
    key_a = load(snap, doc_a)[1]
    run(TEXTS[1])
    again, _ = run(TEXTS[0])
    assert again.reused == ["a"]
    assert load(snap, doc_a)[1] == key_a
    assert snap.stat().st_mode & 0o777 == 0o666 & ~_umask()  # readable by all, like any checkout file


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
