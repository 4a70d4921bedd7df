"""Site-wide pages: entity pages, the entity index, the site timeline and the map page.

Generated pages are a few lines of Markdown (front matter and a placeholder);
their content is HTML rendered here from the site's structure once every page
of the site is known, with links relative to the page (``url``). Lists that
grow with the archive are paginated (``structure.paginate``); quotes and
lists that repeat article text are kept out of the search index
(``data-search-exclude``), so search grows with the articles, not with the
pages that quote them.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..datelabels import period_of
from ..model import ENTITY_TYPES, Event
from ..schema import web_url_problem
from ..structure import BriefingRef, Pager, Site, SiteEntity, event_order, paginate
from ..wording import plural
from .fragments import marked_quote, time_element
from .listings import pager
from .timeline import date_label, event_anchor
from .tooltips import TYPE_LABELS

Url = Callable[[str], str]
TYPE_ORDER = ENTITY_TYPES
TYPE_HEADINGS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities and states",
    "LOC": "Places",
    "FAC": "Buildings and facilities",
    "NORP": "Nationalities and groups",
    "EVENT": "Events",
    "PRODUCT": "Products",
    "OTHER": "Other",
}
TYPE_SLUGS = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries-cities-states",
    "LOC": "places",
    "FAC": "facilities",
    "NORP": "groups",
    "EVENT": "events",
    "PRODUCT": "products",
    "OTHER": "other",
}
ENTITY_INDEX = "entities/index.md"
TIMELINE = "timeline.md"
MAP = "map.md"
INDEX_TOP = 10  # entities per type on the index page; the rest on the type's own pages


def safe_title(text: str) -> str:
    """Plain text as a page title that MkDocs and Material print raw (navigation, ``<title>``).

    Escaped for HTML; and since Material's ``striptags`` filter unescapes it
    again inside ``<title>``, a ``</`` is broken with a zero-width space so it
    can never close that element.
    """
    return html.escape(text.replace("</", "<\u200b/"), quote=True)


def page_stub(title: str, placeholder: str, search: bool = True, toc: bool = False) -> str:
    """The Markdown of a generated page: front matter and the placeholder its HTML replaces."""
    meta = [f"title: {json.dumps(safe_title(title), ensure_ascii=False)}"]
    if not search:
        meta.append("search:\n  exclude: true")
    if not toc:
        meta.append("hide:\n  - toc")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + placeholder + "\n"


def redirect_html(title: str, target: str) -> str:
    """A page that sends readers on to where a briefing is now (as mkdocs-redirects does): a
    refresh for browsers without JavaScript, ``location.replace`` keeping the ``#`` part."""
    t = escape(target, quote=True)
    js = json.dumps(target).replace("<", "\\u003c")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{escape(title)}</title><link rel="canonical" href="{t}">'
        f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={t}">'
        f"<script>location.replace({js} + location.hash)</script></head>"
        f'<body><p>This briefing has moved: <a href="{t}">{escape(title)}</a>.</p></body></html>\n'
    )


# ----------------------------------------------------------------------------- entities


def entity_href(site: Site, entity_id: str, url: Url) -> str | None:
    """Where a link to an entity goes: its page, or the one briefing that names it."""
    se = site.entities.get(entity_id)
    if se is None:
        return None
    if se.has_page:
        return url(se.uri)
    if not se.appearances:
        return None
    return url(se.appearances[0].briefing.uri) + f"#bf-e-{se.id}"


def entity_pages(se: SiteEntity, size: int) -> list[tuple[Pager, list]]:
    """The pages of an entity: its briefings newest first, ``size`` per page."""
    return paginate(se.uri, se.appearances, size)


def entity_header(se: SiteEntity) -> str:
    """What the entity is: type, aliases, counts, description and the editors' link."""
    meta = [TYPE_LABELS.get(se.type, se.type)]
    if se.aliases:
        meta.append("also " + ", ".join(se.aliases))
    meta.append(f"{plural(se.mentions, 'mention')} in {plural(se.briefings, 'briefing')}")
    out = [f'<p class="bf-entity-meta">{escape(" · ".join(meta))}</p>']
    if se.description:
        out.append(f'<p class="bf-entity-desc">{escape(se.description)}</p>')
    if se.link and web_url_problem(se.link) is None:  # checked on load too; never trust a page to it
        out.append(
            f'<p><a class="bf-entity-link" href="{escape(se.link)}" rel="noopener">'
            f"More about {escape(se.name)}</a></p>"
        )
    return "".join(out)


def entity_page(
    site: Site, se: SiteEntity, p: Pager, items: list, url: Url, events: list | None = None, size: int = 100
) -> str:
    """One page of an entity: what it is, its timeline (first page), then the briefings naming it."""
    out = [entity_header(se)]
    if p.number == 1 and events:
        out.append(entity_timeline(events, url, size))
    out.append('<h2 id="bf-h-briefings">Briefings</h2><ol class="bf-appearances" data-search-exclude>')
    for a in items:
        b = a.briefing
        sec = site.section_of.get(b.uri)
        where = f" · {escape(sec.name)}" if sec else ""
        out.append(
            f'<li><a href="{escape(url(b.uri))}">{escape(b.title)}</a> '
            f'<span class="bf-card-meta">{time_element(b.date)}{where}</span>'
            f"<blockquote>{marked_quote(b.annotations.text, a.sentence, a.mention)}</blockquote></li>"
        )
    out.append("</ol>")
    out.append(pager(p, url))
    out.append(f'<p class="bf-more"><a href="{escape(url(ENTITY_INDEX))}">All entities</a></p>')
    return "".join(out)


def by_type(site: Site) -> dict[str, list[SiteEntity]]:
    """Entities grouped by type in reading order (people first), alphabetical within a type."""
    groups: dict[str, list[SiteEntity]] = {}
    for e in site.entities.values():
        groups.setdefault(e.type, []).append(e)
    order = sorted(groups, key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else 99, t))
    return {t: sorted(groups[t], key=lambda e: (e.name.casefold(), e.id)) for t in order}


def type_uri(entity_type: str) -> str:
    return f"entities/type/{TYPE_SLUGS.get(entity_type, entity_type.lower())}.md"


def entity_index(site: Site, url: Url) -> str:
    """Per type: the entities most briefings name, and a link to the type's full list."""
    groups = by_type(site)
    n_pages = sum(1 for e in site.entities.values() if e.has_page)
    out = [
        f'<p class="bf-list-intro">{plural(len(site.entities), "person, organisation and place")} named in '
        f"{plural(len(site.briefings), 'briefing')}; {n_pages} with a page of their own (named in several "
        "briefings or described in the glossary).</p>"
    ]
    for t, ents in groups.items():
        top = sorted(ents, key=lambda e: (-e.briefings, -e.mentions, e.name.casefold(), e.id))[:INDEX_TOP]
        heading = TYPE_HEADINGS.get(t, t)
        out.append(
            f'<h2>{escape(heading)} <span class="bf-count">{len(ents)}</span></h2><ul class="bf-entity-list">'
        )
        out += [_entity_item(site, e, url) for e in top]
        out.append("</ul>")
        if len(ents) > len(top):
            out.append(
                f'<p class="bf-more"><a href="{escape(url(type_uri(t)))}">All {len(ents)} '
                f"{escape(heading.lower())}</a></p>"
            )
    if not groups:
        out.append('<p class="bf-empty">No entities yet.</p>')
    return "".join(out)


def _entity_item(site: Site, e: SiteEntity, url: Url) -> str:
    href = entity_href(site, e.id, url) or "#"
    aka = f' <span class="bf-aka">also {escape(", ".join(e.aliases))}</span>' if e.aliases else ""
    return (
        f'<li><a href="{escape(href)}">{escape(e.name)}</a>{aka} '
        f'<span class="bf-count">{plural(e.briefings, "briefing")}</span></li>'
    )


def type_page(site: Site, entity_type: str, p: Pager, items: list[SiteEntity], url: Url) -> str:
    """One page of the alphabetical list of every entity of a type."""
    total = sum(1 for e in site.entities.values() if e.type == entity_type)
    back = f'<a href="{escape(url(ENTITY_INDEX))}">All entities</a>'
    body = "".join(_entity_item(site, e, url) for e in items)
    return (
        f'<p class="bf-list-intro">{total} in alphabetical order · {back}</p>'
        f'<ul class="bf-entity-list bf-entity-list-full">{body}</ul>' + pager(p, url, "Previous", "Next")
    )


# ----------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class Dated:
    """A dated event as the site timeline lists it: its period (heading) and its place in time."""

    period: tuple[int, int, int]
    heading: str
    order: tuple
    briefing: BriefingRef
    event: Event

    @property
    def year(self) -> str:
        return str(self.period[0])


def dated_events(site: Site) -> list[Dated]:
    """Every dated event of the site, by period (a year's year-only events above its months), then
    in the order of time (the clock within a day)."""
    items = []
    for b in site.briefings:
        for ev in b.annotations.events:
            if ev.earliest:
                key, heading = period_of(ev.earliest, ev.latest or ev.earliest)
                items.append(Dated(key, heading, event_order(ev), b, ev))
    items.sort(key=lambda d: (d.period, d.order, d.briefing.uri, d.event.sentence))
    return items


def timeline_years(items: list[Dated]) -> dict[str, list[Dated]]:
    years: dict[str, list[Dated]] = {}
    for d in items:
        years.setdefault(d.year, []).append(d)
    return years


def year_uri(year: str) -> str:
    return f"timeline/{year}.md"


def _sentence_link(b: BriefingRef, ev: Event, url: Url) -> str:
    """The event's sentence in its briefing; the briefing's timeline entry for a headline event."""
    title_end = len(b.annotations.document.title or "")
    anchor = event_anchor(ev) if ev.sentence[0] > title_end else f"bf-ev-{ev.id}"
    return f"{url(b.uri)}#{anchor}"


def _event_item(d: Dated, url: Url, with_title: bool = True) -> str:
    ev, b = d.event, d.briefing
    stamp = ev.earliest if ev.earliest == ev.latest or not ev.latest else f"{ev.earliest}/{ev.latest}"
    source = escape(b.title) if with_title else "in the text"
    return (
        f'<li class="bf-tl-event{" bf-tl-approx" if ev.approximate else ""}">'
        f'<time class="bf-tl-date" datetime="{escape(stamp or "")}">{escape(date_label(ev))}</time>'
        f'<span class="bf-tl-summary">{escape(ev.summary)}</span>'
        f'<span class="bf-tl-links"><a href="{escape(_sentence_link(b, ev, url))}">{source}</a></span></li>'
    )


def _grouped(items: list[Dated], url: Url) -> str:
    """Events under the heading of their period: a month, or the year above its months."""
    out, current = [], None
    for d in items:
        if d.heading != current:
            if current is not None:
                out.append("</ol>")
            current = d.heading
            out.append(f'<h2>{escape(d.heading)}</h2><ol class="bf-timeline bf-timeline-site">')
        out.append(_event_item(d, url))
    if current is not None:
        out.append("</ol>")
    return "".join(out)


def timeline_index(site: Site, items: list[Dated], url: Url, size: int) -> str:
    """Every year with its number of events, then the latest dated events."""
    years = timeline_years(items)
    out = [
        f'<p class="bf-list-intro">{plural(len(items), "dated event")} reported in '
        f"{plural(len(site.briefings), 'briefing')}.</p>"
    ]
    if not items:
        return out[0]
    out.append('<h2>By year</h2><ul class="bf-years">')
    for year in sorted(years, key=int, reverse=True):
        out.append(
            f'<li><a href="{escape(url(year_uri(year)))}">{escape(year)}</a> '
            f'<span class="bf-count">{len(years[year])}</span></li>'
        )
    out.append("</ul>")
    latest = sorted(
        items, key=lambda d: (d.event.earliest, d.event.latest or "", d.order, d.briefing.uri), reverse=True
    )[:size]
    out.append('<h2>Latest</h2><ol class="bf-timeline bf-timeline-site" data-search-exclude>')
    out += [_event_item(d, url) for d in latest]
    out.append("</ol>")
    return "".join(out)


def year_pages(year: str, items: list[Dated], size: int) -> list[tuple[Pager, list]]:
    return paginate(year_uri(year), items, size)


def year_page(year: str, total: int, p: Pager, items: list[Dated], url: Url) -> str:
    back = f'<a href="{escape(url(TIMELINE))}">Timeline</a>'
    head = (
        f'<p class="bf-list-intro">{plural(total, "dated event")} in {escape(year)}, '
        f"earliest first · {back}</p>"
    )
    return head + _grouped(items, url) + pager(p, url, "Earlier", "Later")


def entity_events(site: Site) -> dict[str, list[Dated]]:
    """Entity id -> the events it takes part in, across every briefing, in the order of time."""
    out: dict[str, list[Dated]] = {}
    for b in site.briefings:
        for ev in b.annotations.events:
            if not ev.earliest:
                continue
            key, heading = period_of(ev.earliest, ev.latest or ev.earliest)
            d = Dated(key, heading, event_order(ev), b, ev)
            for eid in dict.fromkeys(ev.entities):
                out.setdefault(eid, []).append(d)
    for events in out.values():
        events.sort(key=lambda d: (d.order, d.briefing.uri, d.event.sentence))
    return out


def entity_timeline(events: list[Dated], url: Url, size: int) -> str:
    """An entity's timeline across briefings: its dated events in order, each with its date at its
    precision and a link to the sentence that reports it; the latest ``size`` when there are more."""
    if not events:
        return ""
    shown = events[-size:]
    more = (
        f'<p class="bf-list-intro">The latest {len(shown)} of {len(events)} dated events.</p>'
        if len(shown) < len(events)
        else ""
    )
    items = "".join(_event_item(d, url) for d in shown)
    return (
        f'<h2 id="bf-h-timeline">Timeline</h2>{more}'
        f'<ol class="bf-timeline bf-timeline-site" data-search-exclude>{items}</ol>'
    )


# ----------------------------------------------------------------------------- map


def map_summary(n_places: int, n_briefings: int, shown: int) -> str:
    text = f"{plural(n_places, 'place')} mentioned in {plural(n_briefings, 'briefing')}."
    if shown < n_places:
        text += f" The map shows the {shown} that most briefings mention."
    return f'<p class="bf-list-intro">{escape(text)}</p>'
