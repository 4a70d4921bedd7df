"""Entity mentions wrapped in accessible tooltip spans, inside the Markdown source.

The Markdown is never re-parsed or re-written: each chosen mention is mapped
back to the source through the text segments (``briefing.markup.Segment``)
and wrapped where it stands. Mentions in headings, links, code, tables or
raw HTML are not wrappable and are left alone; a mention split by emphasis
("**US** Central Command") is wrapped piece by piece.

Without JavaScript the ``title`` attribute shows a plain-text tooltip and
``aria-describedby`` points screen readers at the same words; the script in
``assets/briefing.js`` upgrades it to a rich card.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from ..markup import Segment
from ..model import Annotations, Entity

TYPE_LABELS = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country, city or state",
    "LOC": "Place",
    "FAC": "Building or facility",
    "NORP": "Nationality or group",
    "EVENT": "Event",
    "PRODUCT": "Product",
    "OTHER": "Other",
}
TOOLTIP_MODES = ("all", "paragraph", "first")


def tooltip_text(entity: Entity) -> str:
    """The plain-text tooltip: name, type, aliases, description, mention count."""
    parts = [f"{entity.name} — {TYPE_LABELS.get(entity.type, entity.type)}"]
    if entity.aliases:
        parts.append("also " + ", ".join(entity.aliases))
    if entity.description:
        parts.append(entity.description)
    n = len(entity.mentions)
    parts.append(f"Mentioned {n} time{'s' if n != 1 else ''} here")
    return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts[:-1]) + " " + parts[-1]


class _Index:
    """Segments found by offset in O(log n): a 2 MB article has ~10^4 segments and mentions.

    Segments come in text order and do not overlap (``markdown_text`` emits them so).
    """

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.segments]

    def at(self, offset: int) -> Segment | None:
        """The segment containing text offset ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.segments[i].start == self.segments[i].end:
            i -= 1  # empty segments contain nothing
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i]
        return None

    def covering(self, start: int, end: int) -> list[Segment]:
        """Segments overlapping text ``[start, end)``, in order."""
        i = max(0, bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.segments) and self.segments[i].start < end:
            if self.segments[i].end > start:
                out.append(self.segments[i])
            i += 1
        return out


def _pieces(index: _Index, start: int, end: int) -> list[tuple[int, int]] | None:
    """Source spans covering text [start, end), or None when it cannot be wrapped."""
    covering = index.covering(start, end)
    if not covering or any(not s.wrappable or s.src is None or s.src_end is None for s in covering):
        return None
    if len({s.block for s in covering}) != 1:
        return None
    spans: list[tuple[int, int]] = []
    for s in covering:
        verbatim = (s.end - s.start) == (s.src_end - s.src)
        if not verbatim and (start > s.start or end < s.end):
            return None  # cannot cut inside an escape or entity
        a = s.src + (max(start, s.start) - s.start) if verbatim else s.src
        b = s.src + (min(end, s.end) - s.start) if verbatim else s.src_end
        if spans and spans[-1][1] == a:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def choose_mentions(
    ann: Annotations, segments: list[Segment] | _Index, mode: str
) -> list[tuple[Entity, int, int]]:
    """Which mentions carry a tooltip: every one, the first per paragraph, or the first overall.

    "First" counts per surface form: "CENTCOM" after "US Central Command" is
    a new name to the reader and gets its own tooltip.
    """
    chosen: list[tuple[Entity, int, int]] = []
    seen: set[tuple[str, str, int]] = set()
    index = segments if isinstance(segments, _Index) else _Index(segments)
    mentions = sorted((m.start, m.end, e) for e in ann.entities for m in e.mentions)
    last_end = -1
    for start, end, e in mentions:
        if start < last_end:
            continue  # overlapping mentions: the earlier (longer-first) one wins
        seg = index.at(start)
        if seg is None or not seg.wrappable:
            continue
        key = (e.id, ann.text[start:end].casefold(), 0 if mode == "first" else seg.block)
        if mode != "all" and key in seen:
            continue
        seen.add(key)
        chosen.append((e, start, end))
        last_end = end
    return chosen


def wrap_mentions(
    body: str,
    segments: list[Segment],
    ann: Annotations,
    mode: str = "paragraph",
    anchors: dict[int, list[str]] | None = None,
    escape: Callable[[str], str] | None = None,
) -> str:
    """The Markdown body with tooltip spans (and optional empty anchors at text offsets).

    Every entity gets its ``bf-e-<id>`` anchor, the target of links from the site's pages: on its
    first wrapped mention, else (named only in the headline or where nothing is wrapped) at the
    start of the text, so such a link still lands on the article.

    ``escape`` is applied to the body's text between the inserted tags (for
    a plain-text body that becomes HTML).
    """
    inserts: list[tuple[int, int, str]] = []  # (source position, order, html)
    counts = Counter()
    index = _Index(segments)
    for e, start, end in choose_mentions(ann, index, mode):
        pieces = _pieces(index, start, end)
        if not pieces:
            continue
        counts[e.id] += 1
        tip = html.escape(tooltip_text(e), quote=True)
        eid = html.escape(e.id, quote=True)
        for k, (a, b) in enumerate(pieces):
            attrs = f'class="bf-m bf-t-{e.type.lower()}" data-bf="{eid}"'
            if k == 0:
                if counts[e.id] == 1:  # the entity's anchor in this briefing: links land here
                    attrs += f' id="bf-e-{eid}"'
                attrs += f' tabindex="0" title="{tip}" aria-describedby="bf-tip-{eid}"'
            inserts.append((a, 1, f"<span {attrs}>"))
            inserts.append((b, 0, "</span>"))
    for offset, anchor_ids in (anchors or {}).items():
        seg = index.at(offset)
        if seg is None or not seg.wrappable or (seg.end - seg.start) != (seg.src_end - seg.src):
            continue
        pos = seg.src + offset - seg.start
        for anchor_id in anchor_ids:
            anchor = html.escape(anchor_id, quote=True)
            inserts.append((pos, 2, f'<span id="{anchor}" class="bf-anchor"></span>'))
    first = next((seg for seg in segments if seg.wrappable), None)
    if first is not None:
        for e in ann.entities:
            if e.mentions and not counts[e.id]:
                eid = html.escape(e.id, quote=True)
                inserts.append((first.src, 2, f'<span id="bf-e-{eid}" class="bf-anchor"></span>'))
    out = []
    last = 0
    # closing tags before opening ones at the same position; anchors first of all
    keep = escape or (lambda part: part)
    for pos, _, tag in sorted(inserts, key=lambda x: (x[0], -x[1] if x[1] == 2 else x[1])):
        out.append(keep(body[last:pos]))
        out.append(tag)
        last = pos
    out.append(keep(body[last:]))
    return "".join(out)


def plain_text_html(ann: Annotations, mode: str = "paragraph",
                    anchors: dict[int, list[str]] | None = None) -> str:
    """The body of a plain-text article (a seed) as HTML paragraphs with tooltip spans.

    A seed is plain text, so its HTML needs no Markdown at all: every line
    after the headline is a paragraph, escaped, with the chosen mentions
    wrapped where they stand. (The headline itself is the page's h1.)
    """
    text = ann.text
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    ends = [i - 1 for i in starts[1:]] + [len(text)]
    segments = [
        Segment(s, e, s, e, wrappable=k > 0 or not ann.document.title, block=k)
        for k, (s, e) in enumerate(zip(starts, ends, strict=True))
    ]
    wrapped = wrap_mentions(text, segments, ann, mode, anchors, escape=lambda t: html.escape(t, quote=False))
    lines = wrapped.split("\n")  # no inserted tag holds a newline, no span crosses a paragraph
    body = lines[1:] if ann.document.title else lines
    return "".join(f"<p>{line}</p>\n" for line in body if line.strip())
