"""Where a briefing's date comes from, and what a build says about briefings without one.

A seed takes its date from the first of these that gives one (the way
publishers already keep dates):

1. a **date line** right after the headline ("January 25, 2010",
   "2024-10-30", "Wed 30 Oct 2024"): metadata, removed from the body text;
2. a **dateline** heading the first paragraph ("CARLISLE, Cumbria,
   Wednesday 12 March 2025 — ..."): it stays in the text (the article's
   words, and its place is a place of the story), its date is the document's;
3. a ``YYYY-MM-DD-`` **file-name prefix** (Jekyll's and Material's blog
   convention);
4. a **source the site configures** (``date_fallback: git``: the day the
   file was first committed, as mkdocs-git-revision-date-localized does);
5. **inference** from the text, which abstains unless the text pins the date.

A Markdown page takes ``date:`` from its front matter, then inference.

``Document.date_source`` keeps the contract's four values (``option``,
``metadata``, ``inferred``, null); ``Document.date_from`` says which source
it was (``DATE_FROM`` lists them) for readers who want the detail.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from .model import Document
from .temporal.dateline import DateLineError, find_dateline, parse_date_line
from .wording import plural

# date_from value -> what it means (README documents the same list).
DATE_FROM = {
    "option": "given on the command line (--date) or to the API",
    "front-matter": "the date: key of a Markdown page's front matter",
    "date-line": "a line holding only a date right after a seed's headline",
    "dateline": "the date of the dateline heading the first paragraph",
    "file-name": "a YYYY-MM-DD- prefix of the seed's file name",
    "git": "the day the seed was first committed to git (date_fallback: git)",
    "text": "inferred: weekdays of the text agree with a date it names",
}
FALLBACKS = ("git",)
_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})-")


class DatingError(ValueError):
    """A date the writer gave that cannot be right (the message says which and why)."""


def seed_date(paragraphs: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(date, date_from, paragraphs) from a seed's body: a date line is taken out, a dateline stays."""
    if not paragraphs:
        return None, None, paragraphs
    try:
        line = parse_date_line(paragraphs[0])
    except DateLineError as e:
        raise DatingError(f"the date line {e}") from None
    if line is not None:
        return line.isoformat(), "date-line", paragraphs[1:]
    found = find_dateline(paragraphs[0])
    if found is not None:
        return found.date.isoformat(), "dateline", paragraphs
    return None, None, paragraphs


def file_name_date(name: str) -> str | None:
    """The date of a ``2025-03-12-cumbria-floods.txt`` file name; an impossible one is an error."""
    m = _FILE_DATE.match(name)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise DatingError(f"the date {m[0][:-1]} in the file name does not exist") from None


def git_first_commit_date(path: Path) -> str | None:
    """The author date of the commit that added ``path`` (renames followed); None outside git or
    for a file never committed."""
    try:
        out = subprocess.run(
            ["git", "log", "--follow", "--diff-filter=A", "--format=%as", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    dates = [ln for ln in out.stdout.split() if re.fullmatch(r"\d{4}-\d\d-\d\d", ln)]
    return min(dates) if out.returncode == 0 and dates else None


def apply_fallback(doc: Document, path: Path, fallback: str | None) -> Document:
    """Date an undated seed from the site's configured source (``date_fallback``)."""
    if doc.date or fallback != "git":
        return doc
    found = git_first_commit_date(path)
    if found:
        doc.date, doc.date_source, doc.date_from = found, "metadata", "git"
    return doc


def undated_report(paths: list[str], fallback: str | None = None) -> str | None:
    """One message naming the briefings without a date and the ways to give them one."""
    if not paths:
        return None
    n = len(paths)
    ways = ("add a date line after the headline (e.g. '12 March 2025'), name the file "
            "YYYY-MM-DD-name.txt, or give a Markdown page 'date:' in its front matter")
    if fallback != "git":
        ways += "; or set 'date_fallback: git' to use the day each file was first committed"
    else:
        ways += " (date_fallback: git found no commit: commit the file)"
    return (f"{plural(n, 'briefing')} without a date, so 'on Thursday' or 'last month' "
            f"stay undated on the timeline: {', '.join(paths)}. To date {'it' if n == 1 else 'them'}: {ways}")
