"""Plugin options that reach the page as data: checked once, in ``on_config``.

``map_tiles`` goes into every page's inline data and from there into Leaflet, which treats an
attribution as HTML: the attribution is plain text here (escaped, so markup in it is shown,
never run), and the URL template must be an http(s) address. MkDocs checks the option's form
when it reads mkdocs.yml (``config.TilesConfig``); this module checks again what reaches a
page, whoever calls it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

TILE_KEYS = ("url", "attribution", "max_zoom", "subdomains")
_TILE_URL = re.compile(r"https?://[^\s\"'<>\\`]+", re.I)


class OptionError(ValueError):
    """A plugin option with a value that cannot be used (one line)."""


def tile_url_problem(url: object) -> str | None:
    """Why ``url`` cannot be a tile address (None when it can): http(s), no quotes or spaces."""
    if isinstance(url, str) and _TILE_URL.fullmatch(url):
        return None
    return ("must be an http(s) tile address such as https://tile.example.org/{z}/{x}/{y}.png, "
            f"not {url!r}")


def map_tiles(value: Any) -> dict[str, Any] | None:
    """The ``map_tiles`` option as the page's scripts get it, or None (no tile layer)."""
    if value is None:
        return None
    where = "mkdocs.yml: briefing option 'map_tiles'"
    if not isinstance(value, Mapping):
        raise OptionError(f"{where} must be a mapping {{url: ..., attribution: ...}}")
    unknown = sorted(str(k) for k in value if k not in TILE_KEYS + ("maxZoom",) and value[k] is not None)
    if unknown:
        raise OptionError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(TILE_KEYS)})")
    url = value.get("url")
    problem = tile_url_problem(url)
    if problem:
        raise OptionError(f"{where}: 'url' {problem}")
    attribution = value.get("attribution", "")
    if not isinstance(attribution, str):
        raise OptionError(f"{where}: 'attribution' must be text")
    zoom = value.get("max_zoom") if value.get("max_zoom") is not None else value.get("maxZoom", 18)
    if isinstance(zoom, bool) or not isinstance(zoom, int) or not 0 <= zoom <= 30:
        raise OptionError(f"{where}: 'max_zoom' must be a whole number from 0 to 30")
    subdomains = value.get("subdomains", "abc")
    if not isinstance(subdomains, str) or not re.fullmatch(r"[a-z0-9]*", subdomains):
        raise OptionError(f"{where}: 'subdomains' must be lower-case letters or digits, e.g. abc")
    # Leaflet inserts the attribution as HTML: give it text that reads the same once parsed.
    return {"url": url, "attribution": html.escape(attribution), "max_zoom": zoom, "subdomains": subdomains}
