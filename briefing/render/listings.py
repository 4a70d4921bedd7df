"""Lists of briefings as a news site shows them: the home page, section pages, the archive.

Every function returns HTML and takes ``url``, a function from a source URI
(``briefings/x.md``) to a link relative to the page being rendered, so the
same site works on the web and from ``file://``. Text from articles is
escaped here, once, on output.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..datelabels import MONTHS
from ..structure import BriefingRef, Pager, Section, Site
from ..wording import plural
from .fragments import time_element

Url = Callable[[str], str]


def month_label(key: str) -> str:
    """``2024-10`` -> ``October 2024``."""
    y, m = key.split("-")[:2]
    return f"{MONTHS[int(m) - 1]} {y}"


def card(b: BriefingRef, url: Url, section: Section | None = None) -> str:
    """One briefing in a list: headline, date, section, lead and what the annotations found."""
    ann = b.annotations
    meta = [time_element(b.date)]
    if section is not None:
        meta.append(
            f'<a class="bf-card-section" href="{escape(url(section.uri))}">{escape(section.name)}</a>'
        )
    dated = sum(1 for ev in ann.events if ev.earliest)
    stats = f"{plural(len(ann.places), 'place')} · {plural(dated, 'dated event')}"
    meta.append(f'<span class="bf-card-stats">{stats}</span>')
    summary = b.summary
    return (
        '<li class="bf-card">'
        f'<h2 class="bf-card-title"><a href="{escape(url(b.uri))}">{escape(b.title)}</a></h2>'
        f'<p class="bf-card-meta">{" · ".join(meta)}</p>'
        + (f'<p class="bf-card-lead">{escape(summary)}</p>' if summary else "")
        + "</li>"
    )


def cards(refs: list[BriefingRef], url: Url, site: Site, show_section: bool = True) -> str:
    if not refs:
        return '<p class="bf-empty">No briefings yet: add articles to the seeds folder.</p>'
    items = [card(b, url, site.section_of.get(b.uri) if show_section else None) for b in refs]
    return f'<ol class="bf-cards">{"".join(items)}</ol>'


def pager(p: Pager, url: Url, newer: str = "Newer", older: str = "Older") -> str:
    """Numbered page links with the current page marked; nothing for a single page."""
    if p.count <= 1:
        return ""
    shown = sorted({1, p.count, *range(max(1, p.number - 2), min(p.count, p.number + 2) + 1)})
    parts = []
    if p.number > 1:
        parts.append(
            f'<a class="bf-pager-step" rel="prev" href="{escape(url(p.uris[p.number - 2]))}">← {newer}</a>'
        )
    last = 0
    for k in shown:
        if k > last + 1:
            parts.append('<span class="bf-pager-gap">…</span>')
        if k == p.number:
            parts.append(f'<span class="bf-pager-current" aria-current="page">{k}</span>')
        else:
            parts.append(f'<a href="{escape(url(p.uris[k - 1]))}">{k}</a>')
        last = k
    if p.number < p.count:
        parts.append(
            f'<a class="bf-pager-step" rel="next" href="{escape(url(p.uris[p.number]))}">{older} →</a>'
        )
    return f'<nav class="bf-pager" aria-label="Pages">{" ".join(parts)}</nav>'


def section_links(site: Site, url: Url) -> str:
    """Every section with its number of briefings (the list grows with sections, not briefings)."""
    if not site.sections:
        return ""
    items = "".join(
        f'<li><a href="{escape(url(s.uri))}">{escape(s.name)}</a> '
        f'<span class="bf-count">{len(s.briefings)}</span></li>'
        for s in site.sections
    )
    return f'<ul class="bf-section-list">{items}</ul>'


def home(site: Site, url: Url, size: int) -> str:
    """The latest briefings, then where to find the others (sections, archive)."""
    latest = site.briefings[:size]
    out = ['<div class="bf-home" data-search-exclude>', '<h2 class="bf-list-heading">Latest briefings</h2>']
    out.append(cards(latest, url, site))
    more = []
    if len(site.briefings) > len(latest):
        more.append(
            f'<a href="{escape(url("archive/index.md"))}">'
            f"All {len(site.briefings)} briefings in the archive</a>"
        )
    if more:
        out.append(f'<p class="bf-more">{" · ".join(more)}</p>')
    if site.sections:
        out += ['<h2 class="bf-list-heading">Sections</h2>', section_links(site, url)]
    out.append("</div>")
    return "".join(out)


def section_page(site: Site, section: Section, p: Pager, items: list[BriefingRef], url: Url) -> str:
    """One page of a section's briefings, newest first."""
    head = f'<p class="bf-list-intro">{plural(len(section.briefings), "briefing")}, newest first.</p>'
    return head + cards(items, url, site, show_section=False) + pager(p, url)


def archive_index(site: Site, url: Url) -> str:
    """Years, each with its months and how many briefings each holds; undated ones apart."""
    if not site.briefings:
        return '<p class="bf-empty">No briefings yet.</p>'
    years: dict[str, list[str]] = {}
    for key in site.months:
        years.setdefault(key[:4], []).append(key)
    out = [f'<p class="bf-list-intro">{plural(len(site.briefings), "briefing")} by month of publication.</p>']
    out.append('<dl class="bf-archive">')
    for year, keys in years.items():
        count = sum(len(site.months[k]) for k in keys)
        links = "".join(
            f'<li><a href="{escape(url(month_uri(k)))}">{MONTHS[int(k[5:7]) - 1]}</a> '
            f'<span class="bf-count">{len(site.months[k])}</span></li>'
            for k in keys
        )
        out.append(f'<dt>{escape(year)} <span class="bf-count">{count}</span></dt><dd><ul>{links}</ul></dd>')
    out.append("</dl>")
    if site.undated:
        out.append(
            f'<p><a href="{escape(url(UNDATED_URI))}">Undated briefings</a> '
            f'<span class="bf-count">{len(site.undated)}</span></p>'
        )
    return "".join(out)


def month_page(site: Site, key: str | None, p: Pager, items: list[BriefingRef], url: Url) -> str:
    """One page of a month's briefings (``key`` None: the undated ones)."""
    total = len(site.months[key]) if key else len(site.undated)
    back = f'<a href="{escape(url("archive/index.md"))}">Archive</a>'
    head = f'<p class="bf-list-intro">{plural(total, "briefing")} · {back}</p>'
    return head + cards(items, url, site) + pager(p, url)


UNDATED_URI = "archive/undated.md"


def month_uri(key: str) -> str:
    return f"archive/{key}.md"


def article_footer(
    site: Site,
    b: BriefingRef,
    url: Url,
    related: list,
    older: BriefingRef | None,
    newer: BriefingRef | None,
) -> str:
    """Under an article: more on the entities it shares with other briefings; older/newer in its section."""
    out = []
    if related:
        out.append(
            '<section class="bf-panel bf-related" aria-labelledby="bf-h-related" data-search-exclude>'
            '<h2 id="bf-h-related">More on</h2><ul class="bf-related-list">'
        )
        for se, refs in related:
            links = "".join(
                f'<li><a href="{escape(url(r.uri))}">{escape(r.title)}</a> {time_element(r.date)}</li>'
                for r in refs
            )
            out.append(
                f'<li><a class="bf-related-entity" href="{escape(url(se.uri))}">{escape(se.name)}</a> '
                f'<span class="bf-count">{plural(se.briefings, "briefing")}</span><ul>{links}</ul></li>'
            )
        out.append("</ul></section>")
    sec = site.section_of.get(b.uri)
    if sec is not None and (older or newer):
        cells = []
        if newer:
            cells.append(
                f'<a class="bf-step bf-step-newer" rel="prev" href="{escape(url(newer.uri))}">'
                f'<span class="bf-step-dir">Newer in {escape(sec.name)}</span>{escape(newer.title)}</a>'
            )
        if older:
            cells.append(
                f'<a class="bf-step bf-step-older" rel="next" href="{escape(url(older.uri))}">'
                f'<span class="bf-step-dir">Older in {escape(sec.name)}</span>{escape(older.title)}</a>'
            )
        out.append(f'<nav class="bf-steps" aria-label="More in {escape(sec.name)}" data-search-exclude>')
        out += cells
        out.append("</nav>")
    return "".join(out)
