"""Markdown to plain text, with every run of the text mapped back into the source.

The extractors read plain text; the renderer puts tooltips back into the
Markdown source without re-writing it. So the text of a page is derived
here with markdown-it-py, block by block, and each run of it is aligned
with the source characters it came from (``Segment``): verbatim characters
extend a run, an escape or an entity is a run of its own. Runs that cannot
be located, or that sit where Python-Markdown (MkDocs) would not accept a
span (``briefing.markdown_html``), count as text but are never wrapped.

Each inline token kind has a handler of its own (``_HANDLERS``); they share a
cursor into the block's source that a failed alignment turns off for the rest
of the block.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .markdown_html import Ranges, foreign_ranges, line_starts, raw_html_regions
from .markup import Segment

_md = MarkdownIt("commonmark").enable("table")
_TEXT_BLOCKS = {"paragraph_open", "heading_open", "th_open", "td_open"}
# Markup that may stand between two pieces of text in the inline source.
_GAP = re.compile(r"[ \t*_~\[\]!]*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")

# (text, local source start, end, outside links and raw HTML) of one piece of a block's text.
Piece = tuple[str, int | None, int | None, bool]
Run = tuple[int, int, int, int]  # text_start, text_end, src_start, src_end


def markdown_text(body: str) -> tuple[str, list[Segment], str | None]:
    """Plain text of a Markdown body, its segments, and the first h1 (if any).

    Text blocks (paragraphs, headings, table cells) are joined with newlines;
    soft line breaks become spaces. Code blocks, raw HTML and images are not
    text. Headings, table cells, links, inline code and admonition title
    lines count as text but are never wrapped.
    """
    tokens = _md.parse(body)
    starts = line_starts(body)
    code_lines = {n for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    raw = Ranges(raw_html_regions(body, code_lines))
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    h1: str | None = None
    opener: Token | None = None
    for tok in tokens:
        if tok.type in _TEXT_BLOCKS:
            opener = tok
            continue
        if tok.type != "inline" or opener is None:
            continue
        block, opener = opener, None
        wrappable = (
            block.type == "paragraph_open"
            and not _ADMONITION.match(tok.content)
            and not _indented(body, starts, tok.map)
        )
        pieces, code = _inline_runs(tok, tok.content)
        block_text = "".join(p[0] for p in pieces)
        if not block_text.strip():
            continue
        headline = block.tag == "h1" and h1 is None and not parts
        if headline:
            h1 = block_text.strip()
        # No entity is recognised in a heading (but the headline), a table cell or inline code:
        # labels and data, not sentences ('Rest centre' names no person called Rest).
        quiet = set(range(len(pieces))) if block.type != "paragraph_open" and not headline else code
        line_offsets = _local_to_body(tok, body, starts) if wrappable else None
        if parts:
            pos += 1  # the newline between blocks
        parts.append(block_text)
        segments += _block_segments(
            pieces, pos, len(parts), wrappable, line_offsets, line_starts(tok.content), raw, quiet
        )
        pos += len(block_text)
    return "\n".join(parts), segments, h1


def _block_segments(
    pieces: list[Piece],
    pos: int,
    block: int,
    wrappable: bool,
    line_offsets: list[int] | None,
    local_starts: list[int],
    raw: Ranges,
    quiet: set[int],
) -> list[Segment]:
    """The segments of one block's pieces, its text starting at ``pos`` of the document text.

    A piece's local position (in the inline token's source) becomes a body
    position through the body offset of its line; without line offsets (an
    unwrappable block) no piece is located.
    """
    out: list[Segment] = []
    for n, (content, ls, le, outside) in enumerate(pieces):
        src = src_end = None
        if line_offsets is not None and ls is not None and le is not None:
            k = bisect.bisect_right(local_starts, ls) - 1
            src = line_offsets[k] + ls - local_starts[k]
            src_end = src + (le - ls)
            if raw.overlaps(src, src_end):
                outside = False  # raw HTML to Python-Markdown: count it, never wrap it
        located = src is not None
        out.append(Segment(pos, pos + len(content), src, src_end, wrappable and outside and located, block,
                           quiet=n in quiet))
        pos += len(content)
    return out


# ----------------------------------------------------------------------------- inline tokens


class _InlineWalk:
    """One walk over an inline token's children: the pieces so far and where the source stands.

    ``cursor`` is the local source position after the last located piece, or
    ``None`` once something could not be located (nothing after it is then).
    ``in_link`` counts the links open around the current child.
    """

    def __init__(self, src: str) -> None:
        self.src = src
        self.foreign = Ranges(foreign_ranges(src))
        self.pieces: list[Piece] = []
        self.cursor: int | None = 0
        self.in_link = 0
        self.code: set[int] = set()  # which pieces are inline code


def _inline_runs(tok: Token, local_src: str) -> tuple[list[Piece], set[int]]:
    """(text, local source start, end, outside links) pieces of one inline token.

    ``None`` positions mean the piece could not be located (it is then never
    wrapped). A failed alignment stops locating for the rest of the block.
    Token kinds without a handler (emphasis and other markup) add no text:
    their characters are covered by the gap before the next text.
    """
    walk = _InlineWalk(local_src)
    for child in tok.children or []:
        handler = _HANDLERS.get(child.type)
        if handler is not None:
            handler(walk, child)
    return walk.pieces, walk.code


def _on_text(w: _InlineWalk, tok: Token) -> None:
    """Text: aligned with the source, piece by piece, or unlocated from here on."""
    content = tok.content
    runs = _locate(content, w.src, w.cursor) if w.cursor is not None and content else None
    if not runs:
        w.pieces.append((content, None, None, False))
        w.cursor = None
        return
    outside_link = not w.in_link
    for ts, te, ss, se in runs:
        w.pieces.append((content[ts:te], ss, se, outside_link and not w.foreign.overlaps(ss, se)))
    w.cursor = runs[-1][3]


def _on_break(w: _InlineWalk, tok: Token) -> None:
    """A soft or hard line break: a space in the text, the source resumes on the next line."""
    w.pieces.append((" ", None, None, False))
    if w.cursor is not None:
        nl = w.src.find("\n", w.cursor)
        w.cursor = None if nl < 0 else nl + 1


def _on_code_inline(w: _InlineWalk, tok: Token) -> None:
    """Inline code: text that is never wrapped; the source resumes past its closing fence."""
    w.code.add(len(w.pieces))
    w.pieces.append((tok.content, None, None, False))
    if w.cursor is not None:
        fence = tok.markup or "`"
        at = w.src.find(fence, w.cursor)
        close = w.src.find(fence, at + len(fence)) if at >= 0 else -1
        w.cursor = None if close < 0 else close + len(fence)


def _on_link_open(w: _InlineWalk, tok: Token) -> None:
    """A link opens: its text is never wrapped; an autolink's text starts past the ``<``."""
    w.in_link += 1
    if w.cursor is not None and tok.markup == "autolink":
        w.cursor = w.src.find("<", w.cursor) + 1 or None


def _on_link_close(w: _InlineWalk, tok: Token) -> None:
    """A link closes: the source resumes past the ``>`` of an autolink, else past the target."""
    w.in_link -= 1
    if w.cursor is not None:
        w.cursor = (
            (w.src.find(">", w.cursor) + 1 or None)
            if tok.markup == "autolink"
            else _skip_link_tail(w.src, w.cursor)
        )


def _on_image(w: _InlineWalk, tok: Token) -> None:
    """An image is no text: the source resumes past its target."""
    if w.cursor is not None:
        w.cursor = _skip_link_tail(w.src, w.cursor)


def _on_html_inline(w: _InlineWalk, tok: Token) -> None:
    """An inline tag is no text: the source resumes past it."""
    if w.cursor is not None:
        at = w.src.find(tok.content, w.cursor)
        w.cursor = None if at < 0 else at + len(tok.content)


_HANDLERS: dict[str, Callable[[_InlineWalk, Token], None]] = {
    "text": _on_text,
    "softbreak": _on_break,
    "hardbreak": _on_break,
    "code_inline": _on_code_inline,
    "link_open": _on_link_open,
    "link_close": _on_link_close,
    "image": _on_image,
    "html_inline": _on_html_inline,
}


def _locate(content: str, src: str, cursor: int) -> list[Run] | None:
    """Runs of ``content`` at the first position from ``cursor`` on, across the markup gap, where
    it aligns with the source; None when it aligns nowhere there."""
    for at in range(cursor, _GAP.match(src, cursor).end() + 1):
        runs = _align(content, src, at)
        if runs:
            return runs
    return None


def _align(content: str, src: str, at: int) -> list[Run] | None:
    """Runs (text_start, text_end, src_start, src_end) matching ``content`` at ``src[at:]``.

    Verbatim characters extend a run; a backslash escape or an HTML entity is
    a run of its own (one text character, several source characters).
    """
    runs: list[Run] = []
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


# ----------------------------------------------------------------------------- block lines


def _local_to_body(tok: Token, body: str, starts: list[int]) -> list[int] | None:
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
