"""Timelines as a reader reads them: the order of events, their periods and labels, an article's list.

Events are ordered by the days they cover and, within a day, by the clock
(midnight at the end of its day, "after midnight" at its start); events
known only to a day follow that day's clock times, estimates last. The site
timeline groups events under the period they belong to: a month heading for
events within one month, a year heading (above that year's months) for
events known only to the year or spanning several months, a span of years
for longer ones, so that a year-only event never sits under "January".
"""

from __future__ import annotations

import html
from datetime import date

from ..model import Annotations, Event
from ..temporal.lang.en import MONTH_NAMES
from ..temporal.timex import parse

# Labels that already say how sure they are: no "about" in front of them.
_QUALIFIED = ("a few", "about", "around", "by ", "after ", "before ", "since ", "until ", "till ", "within ",
              "hours", "days", "weeks", "months")


def event_anchor(event: Event) -> str:
    """Id of the empty anchor placed at the start of an event's sentence."""
    return f"bf-s-{event.id}"


def date_label(ev: Event) -> str:
    """The event's date as a reader should see it; estimates say so ("about ...")."""
    label = ev.label or ev.earliest or ""
    if ev.approximate and label and not label.startswith(_QUALIFIED):
        label = "about " + label
    return label


def event_order(ev: Event) -> tuple:
    """Chronological key: days covered, then the clock (untimed events after a day's times)."""
    minutes = parse(ev.value).minutes if ev.value else None
    if minutes is None:
        minutes = 24 * 60 + (2 if ev.approximate else 1)
    return (ev.earliest or "9999", ev.latest or "9999", minutes)


def period_of(earliest: str, latest: str) -> tuple[tuple[int, int, int], str]:
    """(sort key, heading) of the period an event belongs to on the site timeline."""
    a, b = date.fromisoformat(earliest), date.fromisoformat(latest)
    if (a.year, a.month) == (b.year, b.month):
        return (a.year, 1, a.month), f"{MONTH_NAMES[a.month - 1]} {a.year}"
    if a.year == b.year:
        return (a.year, 0, 0), str(a.year)  # above the year's months
    if a.year % 10 == 0 and b.year == a.year + 9:
        return (a.year, -1, 0), f"The {a.year}s"
    return (a.year, -1, b.year), f"{a.year}–{b.year}"


def _date_html(ev: Event) -> str:
    label = date_label(ev)
    stamp = ev.earliest if ev.earliest == ev.latest else f"{ev.earliest}/{ev.latest}"
    return f'<time class="bf-tl-date" datetime="{html.escape(stamp or "")}">{html.escape(label)}</time>'


def _event_item(ev: Event, ann: Annotations, map_prefix: str, linked: set[str], names: dict[str, str]) -> str:
    bits = [
        f'<li class="bf-tl-event{" bf-tl-approx" if ev.approximate else ""}" id="bf-ev-{html.escape(ev.id)}"'
        f' data-places="{html.escape(" ".join(ev.places))}">'
    ]
    if ev.earliest:
        bits.append(_date_html(ev))
    elif ev.label:  # a bound without a date: "by 2011"
        bits.append(f'<span class="bf-tl-date">{html.escape(ev.label)}</span>')
    bits.append(f'<span class="bf-tl-summary">{html.escape(ev.summary)}</span>')
    links = []
    if ev.id in linked:
        links.append(f'<a class="bf-tl-link" href="#{event_anchor(ev)}">in the text</a>')
    for pid in ev.places:
        links.append(
            f'<a class="bf-tl-place" href="#{map_prefix}-{html.escape(pid)}" '
            f'data-place="{html.escape(pid)}">{html.escape(names.get(pid, pid))}</a>'
        )
    if links:
        bits.append(f'<span class="bf-tl-links">{" · ".join(links)}</span>')
    bits.append("</li>")
    return "".join(bits)


def render_timeline(ann: Annotations, *, linked: set[str], map_prefix: str = "bf-place") -> str:
    """An ordered list of dated events, then the undated ones apart."""
    names = {e.id: e.name for e in ann.entities}
    dated = [ev for ev in ann.events if ev.earliest]
    undated = [ev for ev in ann.events if not ev.earliest]
    if not ann.events:
        return '<p class="bf-empty">No events were found in this article.</p>'
    out = []
    if dated:
        out.append('<ol class="bf-timeline">')
        out += [_event_item(ev, ann, map_prefix, linked, names) for ev in dated]
        out.append("</ol>")
    if undated:
        out.append(
            '<details class="bf-undated"><summary>Also reported, undated '
            f'({len(undated)})</summary><ul class="bf-timeline bf-timeline-undated">'
        )
        out += [_event_item(ev, ann, map_prefix, linked, names) for ev in undated]
        out.append("</ul></details>")
    return "\n".join(out)
