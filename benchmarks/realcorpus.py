"""Briefing sites made from real news: the development articles in ``../shared/eval/``.

The synthetic corpus (``corpus.py``) recombines one seed, so every article
looks alike: the same few entities, the same length, always a date. Real
news is not like that, so the speed benchmark also builds sites from the
real articles of the shared development sets (wire copy, local news,
Wikinews), read **at run time** into a scratch folder. Their texts are
licensed for evaluation only: nothing here writes them into the repository.

Each article becomes a seed (section line, headline line, paragraphs) named
``YYYY-MM-DD-<corpus>-<n>.txt`` when the corpus gives its creation date (the
file-name date convention of Jekyll and Material's blog), else
``<corpus>-<n>.txt``. Two sites are written side by side, as in ``corpus.py``:
``briefing/`` (seeds and the repository's plugins) and ``plain/`` (the same
pages as Material alone would get them, every page in its navigation).

Run it by hand to look at a corpus: ``python3 benchmarks/realcorpus.py 50 /tmp/bench/real50``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from corpus import REPO, Corpus, write_sites

EVAL = REPO.parent / "shared" / "eval"
# (file, section): the section says what kind of news each corpus holds.
SOURCES = (
    ("timeml-dev.jsonl", "Wire"),
    ("timeline-dev.jsonl", "Business"),
    ("meantime-dev.jsonl", "Business"),
    ("gwn-dev.jsonl", "World"),
    ("lgl-dev.jsonl", "Local"),
)
_DATELINE = re.compile(r"^.{0,60}(?:_|--|—)$")  # "NAIROBI, Kenya (AP) _", "WARSAW, May 3 (Xinhua) --"


def available() -> bool:
    """Whether the shared development sets are beside the repository."""
    return all((EVAL / name).exists() for name, _ in SOURCES)


def _headline(text: str) -> tuple[str, list[str]]:
    """(headline, paragraphs) of an article as the corpora print it.

    A short first line is the headline (Wikinews, MEANTIME); a wire dateline
    line ("NAIROBI, Kenya (AP) _") is skipped; otherwise the first sentence
    is the headline and the rest of its paragraph stays the first paragraph.
    """
    lines = [ln.strip() for ln in text.split("\n") if any(ch.isalnum() for ch in ln)]
    while lines and _DATELINE.match(lines[0]) and len(lines) > 1:
        lines = lines[1:]
    first = lines[0]
    if len(first) <= 150 and len(lines) > 1:
        return first, lines[1:]
    from briefing.structure import sentence_around

    _, end = sentence_around(first, 0, 0)
    head, rest = first[:end].strip(), first[end:].strip()
    if len(head) > 150 or len(head.split()) < 5:
        words = first.split()
        return " ".join(words[:14]) + "…", lines
    return head, ([rest] if rest else []) + lines[1:] or [head]


def articles(limit: int | None = None) -> list[tuple[str, str, str, list[str]]]:
    """(file stem, section, headline, paragraphs) of the real articles, one per distinct headline.

    MEANTIME and the TimeLine corpus share Wikinews articles (MEANTIME keeps
    only their first sentences): the first, longer copy wins. ``limit`` takes
    that many articles spread evenly over the whole list (every corpus is in a
    small sample too).
    """
    out, seen = [], set()
    for name, section in SOURCES:
        corpus = name.split("-")[0]
        for n, line in enumerate((EVAL / name).read_text(encoding="utf-8").split("\n")):
            if not line.strip():
                continue
            doc = json.loads(line)
            headline, paragraphs = _headline(doc["text"])
            key = headline.casefold()
            if key in seen:
                continue
            seen.add(key)
            stem = f"{doc['dct']}-{corpus}-{n:03d}" if doc.get("dct") else f"{corpus}-{n:03d}"
            out.append((stem, section, headline, paragraphs))
    if limit and limit < len(out):
        out = [out[int(i * len(out) / limit)] for i in range(limit)]
    return out


def make_real_corpus(root: Path, n: int | None, config: Path = REPO / "mkdocs.yml") -> Corpus:
    """N real articles (None: all) as a briefing site and a plain Material site under ``root``."""
    if not available():
        raise SystemExit(f"the real corpus needs the shared development sets in {EVAL}")
    return write_sites(root, articles(n), config)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", help="number of articles, or 'all'")
    ap.add_argument("root", type=Path, help="folder to (re)create")
    args = ap.parse_args(argv)
    c = make_real_corpus(args.root, None if args.n == "all" else int(args.n))
    print(f"{len(c.seeds)} briefings, {c.words} words: {c.briefing} and {c.plain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
