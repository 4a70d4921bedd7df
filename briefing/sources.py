"""Reading articles: seed ``.txt`` files and Markdown pages with front matter.

Both kinds of source end up as the same thing: a ``Document`` whose ``text``
is the headline, a newline, and the body blocks joined by newlines. For a
Markdown page the text is derived with markdown-it-py, and every piece of it
remembers where it came from in the Markdown source (``Segment``, mapped by
``briefing.markdown_offsets``), so that the renderer can put tooltips back
into the source without touching code, links, headings or raw HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dating import DatingError, file_name_date, seed_date
from .markdown_offsets import markdown_text
from .markup import Segment, escape_markdown
from .model import Document


class SourceError(ValueError):
    """A user mistake in an article; the message is one line naming the file."""


@dataclass
class Source:
    """An article read from disk: its document plus what rendering needs."""

    document: Document
    body: str = ""  # Markdown body (front matter removed)
    body_offset: int = 0  # where ``body`` starts in the file
    segments: list[Segment] = field(default_factory=list)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_META_KEYS = {"title": str, "section": str, "date": str, "description": str, "slug": str}


# The largest article annotated (~2 MB of text: ~100 s and ~0.7 GB on one core); beyond it,
# one clear line instead of a run that takes the build down.
MAX_ARTICLE_CHARS = 2_000_000


def check_size(text: str, path: str) -> str:
    """``text`` unchanged, or a SourceError when it is over ``MAX_ARTICLE_CHARS``."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise SourceError(
            f"{path}: {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,} for one "
            "article; split it into several"
        )
    return text


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text with BOM removed and line ends normalised to ``\\n``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(
            f"{path}: not UTF-8 text (byte {e.start}: {raw[e.start : e.start + 1]!r})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_seed(path: str | Path, text: str | None = None) -> Source:
    """A seed article: section line, headline line, paragraphs (blank lines ignored).

    Its date comes from a date line after the headline, a dateline heading the
    first paragraph, or a ``YYYY-MM-DD-`` file-name prefix (``briefing.dating``).
    """
    name = str(path)
    if text is None:
        text = decode(Path(path).read_bytes(), name)
    check_size(text, name)
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise SourceError(f"{name}: the file is empty")
    if len(lines) < 2:
        raise SourceError(f"{name}: a seed needs a section line, a headline line and paragraphs")
    section, headline, paragraphs = lines[0], lines[1], lines[2:]
    if not any(ch.isalnum() for ch in headline):
        raise SourceError(f"{name}: the headline line {headline!r} has no words "
                          "(the line after the section line is the headline)")
    slug, paragraphs = slug_line(paragraphs, name)
    try:
        date, date_from, paragraphs = seed_date(paragraphs)
        if date is None and (date := file_name_date(Path(name).name)):
            date_from = "file-name"
    except DatingError as e:
        raise SourceError(f"{name}: {e}") from None
    body = "\n".join([headline, *paragraphs])
    doc = Document(text=body, title=headline, section=section, path=name, date=date,
                   date_source="metadata" if date else None, date_from=date_from)
    if slug:
        doc.meta["slug"] = slug
    return Source(document=doc, body=seed_markdown(headline, paragraphs))


_SLUG_LINE = re.compile(r"(?i)slug:\s*(.{0,100})")


def slug_line(paragraphs: list[str], name: str) -> tuple[str | None, list[str]]:
    """(slug, the other paragraphs): a ``slug: cumbria-floods`` line among the first two after the
    headline (before or after a date line) fixes the page's URL; it is metadata, not text."""
    for i, line in enumerate(paragraphs[:2]):
        m = _SLUG_LINE.fullmatch(line)
        if m:
            return check_slug(m[1], f"{name}: the slug line"), paragraphs[:i] + paragraphs[i + 1 :]
    return None, paragraphs


def check_slug(value: object, where: str) -> str:
    """A page slug: lower-case ASCII words joined by hyphens (it becomes a file name and a URL)."""
    from .schema import is_id

    if not is_id(value):
        raise SourceError(
            f"{where}: {str(value)!r} is not a slug (lower-case letters, digits and single hyphens, "
            "e.g. cumbria-floods)"
        )
    return str(value)


def seed_markdown(headline: str, paragraphs: list[str]) -> str:
    """The Markdown page body of a seed: an h1 and escaped paragraphs."""
    blocks = [f"# {escape_markdown(headline)}"] + [escape_markdown(p) for p in paragraphs]
    return "\n\n".join(blocks) + "\n"


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, body offset); a malformed block is a one-line SourceError."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, 0
    try:
        meta = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(e, "problem", None) or "invalid YAML"
        raise SourceError(f"{path}: malformed front matter{where}: {problem}") from None
    except ValueError as e:  # PyYAML builds dates itself: 2024-02-30 fails here
        raise SourceError(f"{path}: a date in the front matter does not exist ({e})") from None
    if not isinstance(meta, dict):
        raise SourceError(f"{path}: front matter must be a mapping of keys to values")
    return meta, text[m.end() :], m.end()


def check_meta(meta: dict[str, Any], path: str) -> dict[str, Any]:
    """Front matter values with the types we rely on; dates as ISO strings."""
    out = dict(meta)
    for key, kind in _META_KEYS.items():
        value = meta.get(key)
        if value is None:
            continue
        if key == "date":
            out[key] = normalise_date(value, path)
        elif key == "slug":
            out[key] = check_slug(value, f"{path}: front matter 'slug'")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = str(value)
        elif not isinstance(value, kind):
            raise SourceError(f"{path}: front matter '{key}' must be text, not {type(value).__name__}")
    return out


def normalise_date(value: Any, path: str) -> str:
    """A front-matter or option date as ``YYYY-MM-DD``; impossible dates are errors."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?P<time>[T ].*)?", text)
    if not m or (m["time"] and not _is_time(m["time"])):  # no trailing garbage, no 99:99
        raise SourceError(f"{path}: date {text!r} is not YYYY-MM-DD (optionally with a time, e.g. T10:30)")
    if not 1000 <= int(m[1]) <= 9000:
        raise SourceError(f"{path}: date {text!r} is outside the years 1000 to 9000")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError as e:
        raise SourceError(f"{path}: date {text!r} does not exist ({e})") from None


def _is_time(text: str) -> bool:
    """``T10:30``, `` 10:30:15``, ``T10:30Z``, ``T10:30+02:00``: a real time of day, nothing else."""
    try:
        dt.datetime.fromisoformat("2000-01-01" + text)
    except ValueError:
        return False
    return True


def read_markdown(path: str | Path, text: str | None = None) -> Source:
    """A Markdown page; front matter gives title, section and date."""
    name = str(path)
    if text is None:
        text = decode(Path(path).read_bytes(), name)
    check_size(text, name)
    meta, body, offset = split_front_matter(text, name)
    meta = check_meta(meta, name)
    plain, segments, h1 = markdown_text(body)
    title = meta.get("title") or h1
    if title and h1 is None:
        # The headline is part of the text even when it only lives in the front matter.
        plain = title + ("\n" + plain if plain else "")
        shift = len(title) + 1
        segments = [Segment(0, len(title), None, None, False)] + [
            Segment(s.start + shift, s.end + shift, s.src, s.src_end, s.wrappable, s.block, s.quiet)
            for s in segments
        ]
    doc = Document(
        text=plain,
        title=title,
        section=meta.get("section"),
        date=meta.get("date"),
        date_source="metadata" if meta.get("date") else None,
        date_from="front-matter" if meta.get("date") else None,
        path=name,
        meta=meta,
        quiet=quiet_ranges(segments),
    )
    return Source(document=doc, body=body, body_offset=offset, segments=segments)


def quiet_ranges(segments: list[Segment]) -> tuple[tuple[int, int], ...]:
    """The text ranges of the quiet segments (headings, table cells, inline code), adjacent ones
    joined: where the entity stage recognises nothing."""
    out: list[tuple[int, int]] = []
    for s in segments:
        if not s.quiet or s.end <= s.start:
            continue
        if out and out[-1][1] >= s.start - 1:
            out[-1] = (out[-1][0], max(out[-1][1], s.end))
        else:
            out.append((s.start, s.end))
    return tuple(out)


def read_source(path: str | Path) -> Source:
    """Dispatch on the file kind: ``.txt`` seeds, anything else Markdown."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror or e})") from None
    text = decode(raw, str(path))
    if not text.strip():
        raise SourceError(f"{path}: the file is empty")
    if p.suffix.lower() == ".txt":
        return read_seed(path, text)
    return read_markdown(path, text)
