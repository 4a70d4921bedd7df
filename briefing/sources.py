"""Reading articles: seed ``.txt`` files and Markdown pages with front matter.

Both kinds of source end up as the same thing: a ``Document`` whose ``text``
is the headline, a newline, and the body blocks joined by newlines. For a
Markdown page the text is derived with markdown-it-py, and every piece of it
remembers where it came from in the Markdown source (``Segment``), so that
the renderer can put tooltips back into the source without touching code,
links, headings or raw HTML.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from .dating import DatingError, file_name_date, seed_date
from .model import Document


class SourceError(ValueError):
    """A user mistake in an article; the message is one line naming the file."""


@dataclass(frozen=True)
class Segment:
    """A run of ``Document.text`` and where it sits in the Markdown source.

    ``src``/``src_end`` bound the run in the Markdown body, or are ``None``
    when it cannot be located. When ``end - start != src_end - src`` the run
    is one escape or entity and can only be covered whole. ``wrappable`` is
    false inside code, links, headings and tables: such runs count as text
    but never receive markup. ``block`` numbers the text block.
    """

    start: int
    end: int
    src: int | None
    src_end: int | None
    wrappable: bool
    block: int = 0


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


_MD_INLINE = re.compile(r"([\\`*_\[\]{}#])")  # escapes both dialects know ({} stop attr_list)


def escape_markdown(text: str) -> str:
    """Make plain text read as plain text in any Markdown dialect, on one line.

    Inline syntax (and ``{`` ``}``, which attr_list would read as attributes,
    and every ``#``, which could close a heading) is backslash-escaped;
    ``& < >`` become entities; a line start that would open a list, quote,
    fence or table is written as a character reference; line breaks become
    spaces.
    """
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    m = re.match(r"(\d+)([.)])", text)
    if m:
        return f"{m[1]}\\{m[2]}{text[m.end() :]}"
    if text and text[0] in "+-=!|~:":
        return f"&#{ord(text[0])};{text[1:]}"
    return text


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
            Segment(s.start + shift, s.end + shift, s.src, s.src_end, s.wrappable, s.block) for s in segments
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
    )
    return Source(document=doc, body=body, body_offset=offset, segments=segments)


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


# ----------------------------------------------------------------------------- Markdown -> text

_md = MarkdownIt("commonmark").enable("table")
_TEXT_BLOCKS = {"paragraph_open", "heading_open", "th_open", "td_open"}
# Markup that may stand between two pieces of text in the inline source.
_GAP = re.compile(r"[ \t*_~\[\]!]*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
# Links, inline HTML and autolinks as Python-Markdown (what MkDocs renders with) sees them: looser
# than CommonMark, e.g. ``[a](http://x.org/a b)``, ``<http://x.org/a b>`` or ``<Paris, said>``.
# Text inside is never wrapped.
_PYMD_INLINE_HTML = re.compile(
    r"!?\[(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*\]\s?(?:\((?:\\.|[^()\\]|\([^()]*\))*\)|\[[^\[\]]*\])"
    r"|<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>"  # markdown.inlinepatterns.AUTOLINK_RE
    r"|<[^<> !]+@[^@<> ]+>"  # AUTOMAIL_RE
    r"|<(?:/?[a-zA-Z][^<>@ ]*(?: [^<>]*)?|!--(?:(?!<!--|-->).)*--)>",  # HTML_RE
    re.S,
)


# Python-Markdown's block-level tags (``markdown.Markdown().block_level_elements``).
_PYMD_BLOCK_TAGS = frozenset(
    "address article aside blockquote body canvas colgroup dd details dialog div dl dt fieldset "
    "figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li "
    "main map math menu nav noscript object ol output p pre progress script section style summary "
    "table tbody td template textarea tfoot th thead tr ul video".split()
)
_VOID_TAGS = frozenset({"hr"})
_BLOCK_HTML_START = re.compile(r"^ {0,3}<(?:(!--)|([A-Za-z][A-Za-z0-9-]*))", re.M)


def _raw_html_regions(body: str, code_lines: set[int]) -> list[tuple[int, int]]:
    """Source ranges that Python-Markdown passes through as raw HTML blocks.

    CommonMark ends an HTML block at a blank line; Python-Markdown (MkDocs)
    keeps everything up to the matching closing tag, or to the end of the
    page when there is none. Text there is never wrapped: a span would be
    raw HTML inside raw HTML. Lines of fenced or indented code do not open
    a block (MkDocs stashes fenced code first).
    """
    regions: list[tuple[int, int]] = []
    starts = _line_starts(body)
    pos = 0
    for m in _BLOCK_HTML_START.finditer(body):
        if m.start() < pos:
            continue
        line = bisect.bisect_right(starts, m.start()) - 1
        if line in code_lines:
            continue
        if m.group(1):  # a comment runs to its end
            close = body.find("-->", m.end())
            end = len(body) if close < 0 else close + 3
        else:
            tag = m.group(2).lower()
            if tag not in _PYMD_BLOCK_TAGS:
                continue
            end = _closing_tag_end(body, m.start(), tag)
        regions.append((m.start(), end))
        pos = end
    return regions


def _closing_tag_end(body: str, at: int, tag: str) -> int:
    """End of the tag that closes the one opening at ``at`` (nesting counted), else of the body."""
    if tag in _VOID_TAGS:
        close = body.find(">", at)
        return len(body) if close < 0 else close + 1
    depth = 0
    for m in re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*>", re.I).finditer(body, at):
        if m.group(1):
            depth -= 1
        elif not m.group().endswith("/>"):
            depth += 1
        if depth <= 0:
            return m.end()
    return len(body)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _align(content: str, src: str, at: int) -> list[tuple[int, int, int, int]] | None:
    """Runs (text_start, text_end, src_start, src_end) matching ``content`` at ``src[at:]``.

    Verbatim characters extend a run; a backslash escape or an HTML entity is
    a run of its own (one text character, several source characters).
    """
    runs: list[tuple[int, int, int, int]] = []
    i, j = 0, at
    while i < len(content):
        if j >= len(src):
            return None
        c = content[i]
        if src[j] == c and c != "&":
            last = runs[-1] if runs else None
            if last and last[1] == i and last[3] == j and last[1] - last[0] == last[3] - last[2]:
                runs[-1] = (last[0], i + 1, last[2], j + 1)
            else:
                runs.append((i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
            continue
        if src[j] == "\\" and j + 1 < len(src) and src[j + 1] == c:
            runs.append((i, i + 1, j, j + 2))
            i, j = i + 1, j + 2
            continue
        m = _ENTITY.match(src, j) if src[j] == "&" else None
        if m:
            decoded = html.unescape(m.group())
            if content.startswith(decoded, i):
                runs.append((i, i + len(decoded), j, m.end()))
                i, j = i + len(decoded), m.end()
                continue
        if src[j] == c:  # a bare '&'
            runs.append((i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
            continue
        return None
    return runs


def _skip_link_tail(src: str, j: int) -> int:
    """Past the ``](target)`` or ``][ref]`` that closes a link's text."""
    j = src.find("]", j)
    if j < 0:
        return len(src)
    j += 1
    if j < len(src) and src[j] in "([":
        close = ")" if src[j] == "(" else "]"
        depth = 0
        while j < len(src):
            if src[j] == "\\":
                j += 2
                continue
            if src[j] in "([":
                depth += 1
            elif src[j] == close:
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
    return j


def _inline_runs(tok, local_src: str) -> list[tuple[str, int | None, int | None, bool]]:
    """(text, local source start, end, outside links) pieces of one inline token.

    ``None`` positions mean the piece could not be located (it is then never
    wrapped). A failed alignment stops locating for the rest of the block.
    """
    pieces: list[tuple[str, int | None, int | None, bool]] = []
    cursor: int | None = 0
    in_link = 0
    foreign = _Ranges(_foreign_ranges(local_src))
    for child in tok.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            pieces.append((" ", None, None, False))
            if cursor is not None:
                nl = local_src.find("\n", cursor)
                cursor = None if nl < 0 else nl + 1
            continue
        if kind == "link_open":
            in_link += 1
            if cursor is not None and child.markup == "autolink":
                cursor = local_src.find("<", cursor) + 1 or None
            continue
        if kind == "link_close":
            in_link -= 1
            if cursor is not None:
                cursor = (
                    (local_src.find(">", cursor) + 1 or None)
                    if child.markup == "autolink"
                    else _skip_link_tail(local_src, cursor)
                )
            continue
        if kind == "image":
            if cursor is not None:
                cursor = _skip_link_tail(local_src, cursor)
            continue
        if kind == "html_inline":
            if cursor is not None:
                at = local_src.find(child.content, cursor)
                cursor = None if at < 0 else at + len(child.content)
            continue
        if kind == "code_inline":
            pieces.append((child.content, None, None, False))
            if cursor is not None:
                fence = child.markup or "`"
                at = local_src.find(fence, cursor)
                close = local_src.find(fence, at + len(fence)) if at >= 0 else -1
                cursor = None if close < 0 else close + len(fence)
            continue
        if kind != "text":
            continue  # emphasis and other markup: characters covered by the gap
        content = child.content
        runs = None
        if cursor is not None and content:
            gap_end = cursor + _GAP.match(local_src, cursor).end() - cursor
            for at in range(cursor, gap_end + 1):
                runs = _align(content, local_src, at)
                if runs:
                    break
        if not runs:
            pieces.append((content, None, None, False))
            cursor = None
            continue
        for ts, te, ss, se in runs:
            inside_html = foreign.overlaps(ss, se)
            pieces.append((content[ts:te], ss, se, not in_link and not inside_html))
        cursor = runs[-1][3]
    return pieces


# Inline raw HTML elements whose content may still carry a tooltip (plain phrasing markup).
_PHRASING_TAGS = frozenset("b strong i em u s small mark sub sup del ins span q cite bdi".split())
_VOID_INLINE = frozenset("br wbr img hr input area col embed source track".split())
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def _foreign_ranges(local_src: str) -> list[tuple[int, int]]:
    """Ranges of an inline source where a span must not go, as Python-Markdown renders it.

    Links, autolinks and raw tags themselves, plus everything an inline raw
    element such as ``<a href=...>`` or ``<code>`` encloses (to its closing
    tag, or to the end of the block when it is never closed).
    """
    ranges = []
    closing: dict[str, tuple[list[int], list[int]]] = {}  # tag -> (starts, ends) of its closing tags
    for m in _PYMD_INLINE_HTML.finditer(local_src):
        ranges.append(m.span())
        name = _TAG_NAME.match(m.group())
        if not name or m.group().endswith("/>"):
            continue
        tag = name.group(1).lower()
        if tag in _PHRASING_TAGS or tag in _VOID_INLINE:
            continue
        if tag not in closing:  # found once per tag: an unclosed tag must not rescan the block
            found = list(re.compile(rf"</{re.escape(tag)}\s*>", re.I).finditer(local_src))
            closing[tag] = ([c.start() for c in found], [c.end() for c in found])
        starts, ends = closing[tag]
        i = bisect.bisect_left(starts, m.end())
        ranges.append((m.start(), ends[i] if i < len(starts) else len(local_src)))
    return ranges


class _Ranges:
    """Half-open source ranges merged into sorted disjoint ones: does a run overlap any of them,
    in one bisection (checking every range for every piece was quadratic in the page)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(r for r in ranges if r[0] < r[1]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a position with one of the ranges."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def _local_to_body(tok, body: str, starts: list[int]) -> list[int] | None:
    """Offset in ``body`` of each line of the inline token's source."""
    if not tok.map:
        return None
    offsets = []
    for k, line in enumerate(tok.content.split("\n")):
        n = tok.map[0] + k
        if n >= len(starts):
            return None
        line_end = starts[n + 1] - 1 if n + 1 < len(starts) else len(body)
        body_line = body[starts[n] : line_end]
        at = body_line.rfind(line) if line else len(body_line)
        if at < 0:
            return None
        offsets.append(starts[n] + at)
    return offsets


def _indented(body: str, starts: list[int], lines: list[int] | None) -> bool:
    """A paragraph with a line indented by 4+ columns: Python-Markdown may read it as code.

    CommonMark and Python-Markdown disagree on lists (Python-Markdown needs a
    blank line before one), so an indented paragraph of a list item in one is
    an indented code block in the other. Such paragraphs count as text but
    are never wrapped.
    """
    if not lines:
        return True
    for n in range(lines[0], min(lines[1], len(starts))):
        head = body[starts[n] : starts[n] + 4]
        if head == "    " or re.match(r" {0,3}\t", head):
            return True
    return False


def markdown_text(body: str) -> tuple[str, list[Segment], str | None]:
    """Plain text of a Markdown body, its segments, and the first h1 (if any).

    Text blocks (paragraphs, headings, table cells) are joined with newlines;
    soft line breaks become spaces. Code blocks, raw HTML and images are not
    text. Headings, table cells, links, inline code and admonition title
    lines count as text but are never wrapped.
    """
    tokens = _md.parse(body)
    starts = _line_starts(body)
    code_lines = {n for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    raw = _Ranges(_raw_html_regions(body, code_lines))
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    h1: str | None = None
    opener = None
    for tok in tokens:
        if tok.type in _TEXT_BLOCKS:
            opener = tok
            continue
        if tok.type != "inline" or opener is None:
            continue
        wrappable = (
            opener.type == "paragraph_open"
            and not _ADMONITION.match(tok.content)
            and not _indented(body, starts, tok.map)
        )
        pieces = _inline_runs(tok, tok.content)
        block_text = "".join(p[0] for p in pieces)
        if not block_text.strip():
            opener = None
            continue
        if opener.tag == "h1" and h1 is None and not parts:
            h1 = block_text.strip()
        line_offsets = _local_to_body(tok, body, starts) if wrappable else None
        line_starts = _line_starts(tok.content)
        if parts:
            pos += 1  # the newline between blocks
        parts.append(block_text)
        for content, ls, le, outside_link in pieces:
            src = src_end = None
            if line_offsets is not None and ls is not None and le is not None:
                k = bisect.bisect_right(line_starts, ls) - 1
                src = line_offsets[k] + ls - line_starts[k]
                src_end = src + (le - ls)
                if raw.overlaps(src, src_end):
                    outside_link = False  # raw HTML to Python-Markdown: count it, never wrap it
            segments.append(
                Segment(
                    pos,
                    pos + len(content),
                    src,
                    src_end,
                    wrappable and outside_link and src is not None,
                    len(parts),
                )
            )
            pos += len(content)
        opener = None
    return "\n".join(parts), segments, h1
