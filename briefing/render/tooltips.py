"""Entity mentions wrapped in accessible tooltip spans, inside the Markdown source.

The Markdown is never re-parsed or re-written: each chosen mention is mapped
back to the source through the text segments (``briefing.sources.Segment``)
and wrapped where it stands. Mentions in headings, links, code, tables or
raw HTML are not wrappable and are left alone; a mention split by emphasis
("**US** Central Command") is wrapped piece by piece.

Without JavaScript the ``title`` attribute shows a plain-text tooltip and
``aria-describedby`` points screen readers at the same words; the script in
``assets/briefing.js`` upgrades it to a rich card.
"""

from __future__ import annotations

import html
from collections import Counter

from ..model import Annotations, Entity
from ..sources import Segment

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
    parts.append(f"mentioned {n} time{'s' if n != 1 else ''}")
    return ". ".join(parts)


def _pieces(segments: list[Segment], start: int, end: int) -> list[tuple[int, int]] | None:
    """Source spans covering text [start, end), or None when it cannot be wrapped."""
    covering = [s for s in segments if s.start < end and s.end > start]
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


def choose_mentions(ann: Annotations, segments: list[Segment], mode: str) -> list[tuple[Entity, int, int]]:
    """Which mentions carry a tooltip: every one, the first per paragraph, or the first overall.

    "First" counts per surface form: "CENTCOM" after "US Central Command" is
    a new name to the reader and gets its own tooltip.
    """
    chosen: list[tuple[Entity, int, int]] = []
    seen: set[tuple[str, str, int]] = set()
    mentions = sorted((m.start, m.end, e) for e in ann.entities for m in e.mentions)
    last_end = -1
    for start, end, e in mentions:
        if start < last_end:
            continue  # overlapping mentions: the earlier (longer-first) one wins
        seg = next((s for s in segments if s.start <= start < s.end), None)
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
    anchors: dict[int, str] | None = None,
) -> str:
    """The Markdown body with tooltip spans (and optional empty anchors at text offsets)."""
    inserts: list[tuple[int, int, str]] = []  # (source position, order, html)
    counts = Counter()
    for e, start, end in choose_mentions(ann, segments, mode):
        pieces = _pieces(segments, start, end)
        if not pieces:
            continue
        counts[e.id] += 1
        tip = html.escape(tooltip_text(e), quote=True)
        for k, (a, b) in enumerate(pieces):
            attrs = f'class="bf-m bf-t-{e.type.lower()}" data-bf="{html.escape(e.id, quote=True)}"'
            if k == 0:
                attrs += (
                    f' tabindex="0" title="{tip}" aria-describedby="bf-tip-{html.escape(e.id, quote=True)}"'
                )
            inserts.append((a, 1, f"<span {attrs}>"))
            inserts.append((b, 0, "</span>"))
    for offset, anchor_id in (anchors or {}).items():
        seg = next((s for s in segments if s.start <= offset < s.end and s.wrappable), None)
        if seg is None or (seg.end - seg.start) != (seg.src_end - seg.src):
            continue
        pos = seg.src + offset - seg.start
        inserts.append((pos, 2, f'<span id="{html.escape(anchor_id, quote=True)}" class="bf-anchor"></span>'))
    out = []
    last = 0
    # closing tags before opening ones at the same position; anchors first of all
    for pos, _, tag in sorted(inserts, key=lambda x: (x[0], -x[1] if x[1] == 2 else x[1])):
        out.append(body[last:pos])
        out.append(tag)
        last = pos
    out.append(body[last:])
    return "".join(out)
