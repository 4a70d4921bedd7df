"""Where a tooltip must not go in a Markdown page, as Python-Markdown renders it.

The text of a page is derived with markdown-it-py (CommonMark,
``briefing.markdown_offsets``), but MkDocs renders the page with
Python-Markdown, which reads raw HTML and links more loosely. A span put
inside what Python-Markdown treats as raw HTML or a link would break the
page, so the ranges here are what Python-Markdown sees: HTML blocks up to
their closing tag, links, autolinks and inline tags, and everything an inline
raw element such as ``<a href=...>`` encloses. The patterns copy
Python-Markdown's (named beside each).
"""

from __future__ import annotations

import bisect
import re

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

# Inline raw HTML elements whose content may still carry a tooltip (plain phrasing markup).
_PHRASING_TAGS = frozenset("b strong i em u s small mark sub sup del ins span q cite bdi".split())
_VOID_INLINE = frozenset("br wbr img hr input area col embed source track".split())
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line of ``text``."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def raw_html_regions(body: str, code_lines: set[int]) -> list[tuple[int, int]]:
    """Source ranges that Python-Markdown passes through as raw HTML blocks.

    CommonMark ends an HTML block at a blank line; Python-Markdown (MkDocs)
    keeps everything up to the matching closing tag, or to the end of the
    page when there is none. Text there is never wrapped: a span would be
    raw HTML inside raw HTML. Lines of fenced or indented code do not open
    a block (MkDocs stashes fenced code first).
    """
    regions: list[tuple[int, int]] = []
    starts = line_starts(body)
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


def foreign_ranges(local_src: str) -> list[tuple[int, int]]:
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


class Ranges:
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
