"""Timelines as a reader reads them: one article's (static HTML), the site's and an entity's (Markdown).

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
import posixpath
from dataclasses import dataclass
from datetime import date

from ..model import Annotations, Event
from ..sources import escape_markdown
from ..temporal.lang.en import MONTH_NAMES
from ..temporal.timex import parse

# Labels that already say how sure they are: no "about" in front of them.
_QUALIFIED = ("a few", "about", "around", "by ", "after ", "before ", "since ", "until ", "till ", "within ",
              "hours", "days", "weeks", "months")


@dataclass(frozen=True)
class Reported:
    """An event as site-wide pages list it: the briefing that reported it (page URI, title)."""

    uri: str
    title: str
    event: Event


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


def _link(uri: str, from_uri: str, fragment: str) -> str:
    return posixpath.relpath(uri, posixpath.dirname(from_uri) or ".") + "#" + fragment


def _line(r: Reported, page_uri: str, fragment: str, with_title: bool = True) -> str:
    ev = r.event
    when = f"**{escape_markdown(date_label(ev))}** — " if date_label(ev) else ""
    source = f" ([{escape_markdown(r.title)}]({_link(r.uri, page_uri, fragment)}))" if with_title else ""
    return f"- {when}{escape_markdown(ev.summary)}{source}"


def site_timeline_markdown(items: list[Reported], page_uri: str = "timeline.md") -> list[str]:
    """Markdown lines of the site timeline: dated events under their period's heading, in order."""
    dated = [r for r in items if r.event.earliest and r.event.latest]
    groups: dict[tuple[int, int, int], tuple[str, list[Reported]]] = {}
    for r in dated:
        key, heading = period_of(r.event.earliest, r.event.latest)  # type: ignore[arg-type]
        groups.setdefault(key, (heading, []))[1].append(r)
    lines: list[str] = []
    for key in sorted(groups):
        heading, group = groups[key]
        group.sort(key=lambda r: (event_order(r.event), r.uri, r.event.sentence))
        lines += [f"## {heading}", ""]
        lines += [_line(r, page_uri, f"bf-ev-{r.event.id}") for r in group]
        lines.append("")
    return lines


def entity_timeline_markdown(items: list[Reported], page_uri: str) -> list[str]:
    """Markdown lines of one entity's timeline across briefings: its events in order, each with its
    date at its precision and a link to the sentence that reports it; undated ones after."""
    ordered = sorted(items, key=lambda r: (event_order(r.event), r.uri, r.event.sentence))
    dated = [r for r in ordered if r.event.earliest]
    undated = [r for r in ordered if not r.event.earliest]
    lines = [_line(r, page_uri, event_anchor(r.event)) for r in dated]
    if undated:
        lines += ["", "Also reported, undated:", ""]
        lines += [_line(r, page_uri, event_anchor(r.event)) for r in undated]
    return lines


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
