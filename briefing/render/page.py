"""What a briefing page gets besides its tooltips: map, timeline, data for the script.

All of it is static HTML first (an inline SVG map, an ordered list for the
timeline, hidden descriptions for screen readers); the inline JSON (in an
escaped attribute) only feeds the optional JavaScript layer.
"""

from __future__ import annotations

import html
import json

from ..model import Annotations
from .mapsvg import MapMarker, render_map_svg, render_world_svg
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


def place_markers(ann: Annotations) -> list[MapMarker]:
    """One marker per place; the label is the entity's canonical name."""
    return [MapMarker(id=p.entity, label=p.name, lat=p.lat, lon=p.lon, kind=p.kind) for p in ann.places]


def render_places(ann: Annotations) -> str:
    """The map and, under it, the list of places with their coordinates (also the no-SVG fallback)."""
    if not ann.places:
        return '<p class="bf-empty">No places were found in this article.</p>'
    title = f"Map of the places in “{ann.document.title}”" if ann.document.title else "Map of the places"
    svg = render_map_svg(place_markers(ann), title=title, id_prefix="bf-map")
    items = []
    for p in ann.places:
        count = len(next((e.mentions for e in ann.entities if e.id == p.entity), []))
        items.append(
            f'<li id="{MAP_PREFIX}-{html.escape(p.entity)}" data-place="{html.escape(p.entity)}">'
            f'<span class="bf-place-name">{html.escape(p.name)}</span> '
            f'<span class="bf-place-meta">{html.escape(p.kind)}'
            f"{', ' + html.escape(p.country) if p.country else ''} · "
            f"{abs(p.lat):.2f}°{'N' if p.lat >= 0 else 'S'} {abs(p.lon):.2f}°{'E' if p.lon >= 0 else 'W'}"
            f" · {count} mention{'s' if count != 1 else ''}</span></li>"
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
        "places": {
            p.entity: {"name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind} for p in ann.places
        },
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
    return (
        '<section class="bf-panel bf-panel-map" aria-labelledby="bf-h-map">'
        '<h2 id="bf-h-map">Places</h2>' + render_places(ann) + "</section>"
        '<section class="bf-panel bf-panel-timeline" aria-labelledby="bf-h-timeline">'
        '<h2 id="bf-h-timeline">Timeline</h2>'
        + render_timeline(ann, linked=linked, map_prefix=MAP_PREFIX)
        + "</section>"
        f'<div class="bf-tips" hidden>{tips}</div>' + data_script(client_data(ann, entity_urls, tiles))
    )


def render_meta(ann: Annotations) -> str:
    """Section and date above the headline; an inferred date says so."""
    d = ann.document
    bits = []
    if d.section:
        bits.append(f'<span class="bf-section">{html.escape(d.section)}</span>')
    if d.date:
        bits.append(f'<time datetime="{html.escape(d.date)}">{html.escape(d.date)}</time>')
        if d.date_source == "inferred":
            bits.append(
                '<span class="bf-inferred" title="No date was given; inferred from the text">'
                "(date inferred)</span>"
            )
    return f'<p class="bf-meta">{" ".join(bits)}</p>' if bits else ""


def render_index(items: list) -> str:
    """Briefings by section, newest first; ``items`` are (BriefingRef, relative URL)."""
    if not items:
        return '<p class="bf-empty">No briefings yet: add articles to the seeds folder.</p>'
    by_section: dict[str, list] = {}
    for b, url in items:
        by_section.setdefault(b.section or "Other", []).append((b, url))
    out = ['<div class="bf-index">']
    for section in sorted(by_section):
        rows = sorted(by_section[section], key=lambda x: (x[0].title, x[0].uri))
        rows.sort(key=lambda x: x[0].date or "", reverse=True)  # stable: titles stay sorted per date
        out.append(f'<h2>{html.escape(section)}</h2><ul class="bf-index-list">')
        for b, url in rows:
            ann = b.annotations
            stamp = f'<time datetime="{html.escape(b.date)}">{html.escape(b.date)}</time> ' if b.date else ""
            dated = sum(1 for ev in ann.events if ev.earliest)
            out.append(
                f'<li>{stamp}<a href="{html.escape(url)}">{html.escape(b.title)}</a> '
                f'<span class="bf-index-stats">{len(ann.entities)} entities · {len(ann.places)} places · '
                f"{dated} dated events</span></li>"
            )
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def render_site_map(places: list, tiles: dict | None = None) -> str:
    """The world map of every briefing's places; ``places`` are (Place, briefing title, URL)."""
    merged: dict[str, dict] = {}
    for p, title, url in places:
        entry = merged.setdefault(p.entity, {"place": p, "briefings": []})
        if all(b["url"] != url for b in entry["briefings"]):
            entry["briefings"].append({"title": title, "url": url})
    if not merged:
        return '<p class="bf-empty">No places yet.</p>'
    ordered = sorted(merged.values(), key=lambda m: (-len(m["briefings"]), m["place"].name))
    markers = [
        MapMarker(
            id=m["place"].entity,
            label=m["place"].name,
            lat=m["place"].lat,
            lon=m["place"].lon,
            kind=m["place"].kind,
        )
        for m in ordered
    ]
    svg = render_world_svg(markers, title="Map of the places in all briefings", id_prefix="bf-world")
    items = []
    for m in ordered:
        p = m["place"]
        links = ", ".join(
            f'<a href="{html.escape(b["url"])}">{html.escape(b["title"])}</a>' for b in m["briefings"]
        )
        items.append(
            f'<li id="{MAP_PREFIX}-{html.escape(p.entity)}" data-place="{html.escape(p.entity)}">'
            f'<span class="bf-place-name">{html.escape(p.name)}</span> '
            f'<span class="bf-place-meta">{html.escape(p.kind)}</span>: {links}</li>'
        )
    data = {
        "tiles": tiles,
        "entities": {},
        "places": {
            m["place"].entity: {
                "name": m["place"].name,
                "lat": m["place"].lat,
                "lon": m["place"].lon,
                "kind": m["place"].kind,
                "briefings": m["briefings"],
            }
            for m in ordered
        },
    }
    return (
        f'<figure class="bf-map bf-sitemap">{svg}<figcaption>Base map: Natural Earth; places: GeoNames '
        f'(CC BY 4.0).</figcaption></figure><ul class="bf-places bf-places-site">{"".join(items)}</ul>'
        + data_script(data)
    )


def open_graph(page, config, ref=None) -> str:
    """``<meta property="og:…">`` tags for a page; briefings are articles with a publication date."""
    title = (ref.title if ref else None) or page.title or config.site_name
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
