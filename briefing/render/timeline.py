"""Timelines as a reader reads them: an event's date label and anchor, an article's list.

The order of events (``structure.event_order``, which needs the TIMEX values) and the period
headings of the site timeline (``datelabels.period_of``) are computed outside the renderer.
"""

from __future__ import annotations

import html

from ..model import Annotations, Event

# Labels that already say how sure they are: no "about" in front of them.
_QUALIFIED = ("a few", "about", "around", "by ", "after ", "before ", "since ", "until ", "till ", "within ",
              "hours", "days", "weeks", "months")


def event_anchor(event: Event) -> str:
    """Id of the empty anchor placed at the start of an event's sentence."""
    return f"bf-s-{event.id}"


def sentence_anchors(ann: Annotations) -> dict[int, list[str]]:
    """Text offset -> the anchors of the events whose sentence starts there: every event of a
    sentence keeps its own anchor, so a link from the site's pages to any of them lands."""
    out: dict[int, list[str]] = {}
    for ev in ann.events:
        out.setdefault(ev.sentence[0], []).append(event_anchor(ev))
    return out


def date_label(ev: Event) -> str:
    """The event's date as a reader should see it; estimates say so ("about ...")."""
    label = ev.label or ev.earliest or ""
    if ev.approximate and label and not label.startswith(_QUALIFIED):
        label = "about " + label
    return label


def _date_html(ev: Event) -> str:
    label = date_label(ev)
    stamp = ev.earliest if ev.earliest == ev.latest else f"{ev.earliest}/{ev.latest}"
    return f'<time class="bf-tl-date" datetime="{html.escape(stamp or "")}">{html.escape(label)}</time>'


def _event_item(ev: Event, map_prefix: str, linked: set[str], names: dict[str, str],
                place_of: dict[str, str] | None) -> str:
    # Each place once, as the places list names it (a demonym or a seated body stands for its place).
    places = list(dict.fromkeys(ev.places if place_of is None else
                                (place_of[p] for p in ev.places if p in place_of)))
    bits = [
        f'<li class="bf-tl-event{" bf-tl-approx" if ev.approximate else ""}" id="bf-ev-{html.escape(ev.id)}"'
        f' data-places="{html.escape(" ".join(places))}">'
    ]
    if ev.earliest:
        bits.append(_date_html(ev))
    elif ev.label:  # a bound without a date: "by 2011"
        bits.append(f'<span class="bf-tl-date">{html.escape(ev.label)}</span>')
    bits.append(f'<span class="bf-tl-summary">{html.escape(ev.summary)}</span>')
    links = []
    if ev.id in linked:
        links.append(f'<a class="bf-tl-link" href="#{event_anchor(ev)}">in the text</a>')
    for pid in places:
        links.append(
            f'<a class="bf-tl-place" href="#{map_prefix}-{html.escape(pid)}" '
            f'data-place="{html.escape(pid)}">{html.escape(names.get(pid, pid))}</a>'
        )
    if links:
        bits.append(f'<span class="bf-tl-links">{" · ".join(links)}</span>')
    bits.append("</li>")
    return "".join(bits)


def render_timeline(ann: Annotations, *, linked: set[str], map_prefix: str = "bf-place",
                    place_of: dict[str, str] | None = None) -> str:
    """An ordered list of dated events, then the undated ones apart. ``place_of``: each placed
    entity's entry in the places list, so that every place link lands on an entry that is there."""
    names = {e.id: e.name for e in ann.entities}
    dated = [ev for ev in ann.events if ev.earliest]
    undated = [ev for ev in ann.events if not ev.earliest]
    if not ann.events:
        return '<p class="bf-empty">No events were found in this article.</p>'
    out = []
    if dated:
        out.append('<ol class="bf-timeline">')
        out += [_event_item(ev, map_prefix, linked, names, place_of) for ev in dated]
        out.append("</ol>")
    if undated:
        out.append(
            '<details class="bf-undated"><summary>Also reported, undated '
            f'({len(undated)})</summary><ul class="bf-timeline bf-timeline-undated">'
        )
        out += [_event_item(ev, map_prefix, linked, names, place_of) for ev in undated]
        out.append("</ul></details>")
    return "\n".join(out)
