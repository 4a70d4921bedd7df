"""What a briefing page gets besides its tooltips: map, timeline, data for the script.

All of it is static HTML first (an inline SVG map, an ordered list for the
timeline, hidden descriptions for screen readers); the inline JSON (in an
escaped attribute) only feeds the optional JavaScript layer, the interactive
map included: it gets the SVG map's own layout (``render/mapdata.py``).
"""

from __future__ import annotations

import html
import json

from ..datelabels import day_label
from ..model import PLACE_TYPES, Annotations, Place
from .mapdata import map_data
from .mapfocus import place_weights
from .mapframe import article_layout, site_layout
from .mapsvg import off_frame_text, render_map_svg, render_site_svg
from .mapview import MapMarker
from .timeline import render_timeline
from .tooltips import TYPE_LABELS, tooltip_text

MAP_PREFIX = "bf-place"


def safe_json(data: object) -> str:
    """JSON with ``< > &`` escaped: inert wherever it is embedded."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def data_script(data: object) -> str:
    """The inline data the scripts read (never fetched: pages work from file://).

    An attribute rather than a ``<script type="application/json">``: Material's
    instant navigation re-creates script elements and would run it as code.
    """
    return f'<div class="bf-data" hidden data-json="{html.escape(safe_json(data), quote=True)}"></div>'


def same_place(p: Place) -> tuple[str, float, float]:
    """Places of two entities that are one point of one name ("Iraq" and the demonym "Iraqi"
    placed on it) are one marker and one line: a reader sees Iraq once."""
    return (p.name, round(p.lat, 4), round(p.lon, 4))


def distinct_places(ann: Annotations) -> list[tuple[Place, list[str]]]:
    """Each distinct place with the entities placed on it; the place stands for the entity that
    names it (Iraq's, not its demonym's), so the marker and that entity's mentions point at each
    other."""
    naming = {e.id for e in ann.entities if e.type in PLACE_TYPES}
    groups: dict[tuple[str, float, float], list[Place]] = {}
    for p in ann.places:
        groups.setdefault(same_place(p), []).append(p)
    out = []
    for ps in groups.values():
        first = next((p for p in ps if p.entity in naming), ps[0])
        out.append((first, [first.entity] + [p.entity for p in ps if p is not first]))
    return out


def place_entries(ann: Annotations) -> dict[str, str]:
    """Each placed entity -> the entity whose entry in the places list it stands under."""
    return {i: p.entity for p, ids in distinct_places(ann) for i in ids}


def place_markers(ann: Annotations) -> list[MapMarker]:
    """One marker per place; the label is the entity's canonical name, the weight frames the map."""
    weights = place_weights(ann)
    return [
        MapMarker(p.entity, p.name, p.lat, p.lon, p.kind, weight=sum(weights.get(i, 0.0) for i in ids))
        for p, ids in distinct_places(ann)
    ]


def render_places(ann: Annotations) -> str:
    """The map and, under it, the list of places with their coordinates (also the no-SVG fallback)."""
    if not ann.places:
        return '<p class="bf-empty">No places were found in this article.</p>'
    title = f"Map of the places in “{ann.document.title}”" if ann.document.title else "Map of the places"
    markers = place_markers(ann)
    svg = render_map_svg(markers, title=title, id_prefix="bf-map")
    off = {p.marker.id: p for p in article_layout(tuple(markers)).markers if p.edge}
    items = []
    mentions = {e.id: len(e.mentions) for e in ann.entities}
    for p, ids in distinct_places(ann):
        where = ""
        if p.entity in off:  # the list says where the map's edge marker points
            where = " · " + html.escape(off_frame_text(off[p.entity]).rpartition(": ")[2])
        count = sum(mentions.get(i, 0) for i in ids)
        items.append(
            f'<li id="{MAP_PREFIX}-{html.escape(p.entity)}" data-place="{html.escape(p.entity)}">'
            f'<span class="bf-place-name">{html.escape(p.name)}</span> '
            f'<span class="bf-place-meta">{html.escape(p.kind)}'
            f"{', ' + html.escape(p.country) if p.country else ''} · "
            f"{abs(p.lat):.2f}°{'N' if p.lat >= 0 else 'S'} {abs(p.lon):.2f}°{'E' if p.lon >= 0 else 'W'}"
            f" · {count} mention{'s' if count != 1 else ''}{where}</span></li>"
        )
    return (
        f'<figure class="bf-map">{svg}<figcaption>Places mentioned in the article '
        f"(base map: Natural Earth; places: GeoNames, CC BY 4.0).</figcaption></figure>"
        f'<ul class="bf-places">{"".join(items)}</ul>'
    )


def client_data(
    ann: Annotations, entity_urls: dict[str, str] | None = None, tiles: dict | None = None
) -> dict:
    """What the tooltip/map script needs, keyed by entity id."""
    urls = entity_urls or {}
    return {
        "tiles": tiles,
        "entities": {
            e.id: {
                "name": e.name,
                "type": TYPE_LABELS.get(e.type, e.type),
                "aliases": e.aliases,
                "description": e.description,
                "mentions": len(e.mentions),
                "url": urls.get(e.id),
                "link": e.link,
            }
            for e in ann.entities
        },
        "map": map_data(article_layout(tuple(place_markers(ann)))) if ann.places else None,
    }


def render_panels(
    ann: Annotations,
    *,
    linked: set[str],
    entity_urls: dict[str, str] | None = None,
    tiles: dict | None = None,
) -> str:
    """Map, timeline, hidden tooltip descriptions and inline data, appended to the article."""
    tips = "".join(
        f'<span id="bf-tip-{html.escape(e.id)}">{html.escape(tooltip_text(e))}</span>' for e in ann.entities
    )
    # Search indexes the article's own words; the panels only repeat them.
    return (
        '<section class="bf-panel bf-panel-map" aria-labelledby="bf-h-map" data-search-exclude>'
        '<h2 id="bf-h-map">Places</h2>' + render_places(ann) + "</section>"
        '<section class="bf-panel bf-panel-timeline" aria-labelledby="bf-h-timeline" data-search-exclude>'
        '<h2 id="bf-h-timeline">Timeline</h2>'
        + render_timeline(ann, linked=linked, map_prefix=MAP_PREFIX,
                          place_of=place_entries(ann))
        + "</section>"
        f'<div class="bf-tips" hidden>{tips}</div>' + data_script(client_data(ann, entity_urls, tiles))
    )


def render_meta(ann: Annotations, section_url: str | None = None) -> str:
    """Section (linked to its index) and date under the headline; an inferred date says so."""
    d = ann.document
    bits = []
    if d.section:
        name = html.escape(d.section)
        if section_url:
            name = f'<a href="{html.escape(section_url)}">{name}</a>'
        bits.append(f'<span class="bf-section">{name}</span>')
    if d.date:
        bits.append(f'<time datetime="{html.escape(d.date)}">{html.escape(day_label(d.date))}</time>')
        if d.date_source == "inferred":
            bits.append(
                '<span class="bf-inferred" title="No date was given; inferred from the text">'
                "(date inferred)</span>"
            )
    return f'<p class="bf-meta">{" ".join(bits)}</p>' if bits else ""


def render_site_map(places: list, tiles: dict | None = None, coverage: tuple[str, ...] = ()) -> str:
    """The map of the site's places: framed on the site's ``coverage`` area when it has one
    (its places, and a country's shape), else on all the places (the world when they span it).

    ``places`` are (Place, [(briefing title, URL), ...] newest first, total
    number of briefings, URL of the place's entity page or None), most
    mentioned first; each place lists a few briefings, and its page the rest.
    """
    if not places:
        return '<p class="bf-empty">No places yet.</p>'
    markers = [MapMarker(id=p.entity, label=p.name, lat=p.lat, lon=p.lon, kind=p.kind) for p, *_ in places]
    countries = {code.split("-")[0] for code in coverage}
    covered = frozenset(p.entity for p, *_ in places if p.country in countries)
    whole = bool(coverage) and all("-" not in code for code in coverage)  # a division: its places only
    layout = site_layout(tuple(markers), covered, whole)
    svg = render_site_svg(markers, title="Map of the places in all briefings", covered=covered,
                          whole_country=whole, id_prefix="bf-world")
    items = []
    for p, refs, total, more in places:
        links = ", ".join(f'<a href="{html.escape(url)}">{html.escape(title)}</a>' for title, url in refs)
        if total > len(refs) and more:
            links += f', <a class="bf-more" href="{html.escape(more)}">all {total}</a>'
        items.append(
            f'<li id="{MAP_PREFIX}-{html.escape(p.entity)}" data-place="{html.escape(p.entity)}">'
            f'<span class="bf-place-name">{html.escape(p.name)}</span> '
            f'<span class="bf-place-meta">{html.escape(p.kind)}</span>: {links}</li>'
        )
    interactive = map_data(layout)
    briefings = {p.entity: [{"title": title, "url": url} for title, url in refs] for p, refs, _, _ in places}
    for marker in interactive["markers"]:
        marker["briefings"] = briefings.get(marker["id"], [])
    data = {"tiles": tiles, "entities": {}, "map": interactive}
    return (
        f'<figure class="bf-map bf-sitemap" data-search-exclude>{svg}<figcaption>Base map: Natural Earth; '
        "places: GeoNames (CC BY 4.0).</figcaption></figure>"
        f'<ul class="bf-places bf-places-site" data-search-exclude>{"".join(items)}</ul>' + data_script(data)
    )


def open_graph(page, config, ref=None) -> str:
    """``<meta property="og:…">`` tags for a page; briefings are articles with a publication date."""
    # (a generated page's title is escaped already, for MkDocs prints it raw: render.sitepages)
    title = (ref.title if ref else None) or html.unescape(page.title or "") or config.site_name
    meta = page.meta or {}
    description = (
        meta.get("bf_summary")
        or html.unescape(meta.get("description") or "")
        or config.site_description
        or ""
    )
    tags = [
        ("og:title", title),
        ("og:description", description),
        ("og:site_name", config.site_name),
        ("og:type", "article" if ref else "website"),
    ]
    if page.canonical_url:
        tags.append(("og:url", page.canonical_url))
    if ref and ref.date:
        tags.append(("article:published_time", ref.date))
    if ref and ref.section:
        tags.append(("article:section", ref.section))
    out = "".join(f'<meta property="{k}" content="{html.escape(str(v), quote=True)}">' for k, v in tags if v)
    return out + '<meta name="twitter:card" content="summary">'
