"""Plugin options that reach the page as data: checked once, in ``on_config``.

``map_tiles`` goes into every page's inline data and from there into Leaflet, which treats an
attribution as HTML: the attribution is plain text here (escaped, so markup in it is shown,
never run), and the URL template must be an http(s) address.
"""

from __future__ import annotations

import html
import re
from typing import Any

_TILE_KEYS = ("url", "attribution", "max_zoom", "subdomains")


class OptionError(ValueError):
    """A plugin option with a value that cannot be used (one line)."""


def map_tiles(value: Any) -> dict[str, Any] | None:
    """The ``map_tiles`` option as the page's scripts get it, or None (no tile layer)."""
    if value is None:
        return None
    where = "mkdocs.yml: briefing option 'map_tiles'"
    if not isinstance(value, dict):
        raise OptionError(f"{where} must be a mapping {{url: ..., attribution: ...}}")
    unknown = sorted(str(k) for k in value if k not in _TILE_KEYS + ("maxZoom",))
    if unknown:
        raise OptionError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_TILE_KEYS)})")
    url = value.get("url")
    if not isinstance(url, str) or not re.fullmatch(r"https?://[^\s\"'<>\\`]+", url, re.I):
        raise OptionError(f"{where}: 'url' must be an http(s) tile address such as "
                          "https://tile.example.org/{z}/{x}/{y}.png")
    attribution = value.get("attribution", "")
    if not isinstance(attribution, str):
        raise OptionError(f"{where}: 'attribution' must be text")
    zoom = value.get("max_zoom", value.get("maxZoom", 18))
    if isinstance(zoom, bool) or not isinstance(zoom, int) or not 0 <= zoom <= 30:
        raise OptionError(f"{where}: 'max_zoom' must be a whole number from 0 to 30")
    subdomains = value.get("subdomains", "abc")
    if not isinstance(subdomains, str) or not re.fullmatch(r"[a-z0-9]*", subdomains):
        raise OptionError(f"{where}: 'subdomains' must be letters or digits, e.g. abc")
    # Leaflet inserts the attribution as HTML: give it text that reads the same once parsed.
    return {"url": url, "attribution": html.escape(attribution), "max_zoom": zoom, "subdomains": subdomains}
