"""What a briefing page gets besides its tooltips: map, timeline, data for the script.

All of it is static HTML first (an inline SVG map, an ordered list for the
timeline, hidden descriptions for screen readers); the inline JSON only
feeds the optional JavaScript layer. JSON is embedded so that ``</script>``
or ``<!--`` in article text can never end the script element.
"""

from __future__ import annotations

import html
import json

from ..model import Annotations
from .mapsvg import MapMarker, render_map_svg
from .timeline import render_timeline
from .tooltips import TYPE_LABELS, tooltip_text

MAP_PREFIX = "bf-place"


def safe_json(data: object) -> str:
    """JSON that is inert inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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


def client_data(ann: Annotations, entity_urls: dict[str, str] | None = None) -> dict:
    """What the tooltip/map script needs, keyed by entity id."""
    urls = entity_urls or {}
    return {
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


def render_panels(ann: Annotations, *, linked: set[str], entity_urls: dict[str, str] | None = None) -> str:
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
        f'<div class="bf-tips" hidden>{tips}</div>'
        f'<script type="application/json" class="bf-data">{safe_json(client_data(ann, entity_urls))}</script>'
    )
