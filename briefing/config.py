"""The plugin's options, typed, each with a default (mkdocs.yml ``plugins: - briefing:``).

MkDocs' own config types (``Type``, ``Choice``, ``Optional``, ``SubConfig``) check them when
mkdocs.yml is read, as Material's plugins do: a mistake stops ``mkdocs build`` and
``briefing check`` alike with one line naming the option. The few checks MkDocs has no type
for (an http(s) tile address, a zoom range) are small option classes here.
"""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .options import TILE_KEYS, tile_url_problem


class _TileUrl(c.Type):
    """An http(s) tile template: it becomes an <img> address in every reader's browser."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        problem = tile_url_problem(value)
        if problem:
            raise ValidationError(problem)
        return value


class _Zoom(c.Type):
    """A whole number of zoom levels, 0 to 30 (Leaflet's tiles stop well before)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 30:
            raise ValidationError(f"must be a whole number from 0 to 30, not {value!r}")
        return value


class _Subdomains(c.Type):
    """The letters Leaflet puts in ``{s}`` of a tile address, so they stay part of a host name."""

    def __init__(self) -> None:
        super().__init__(str, default="abc")

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if not re.fullmatch(r"[a-z0-9]*", value):
            raise ValidationError(f"must be lower-case letters or digits, e.g. abc, not {value!r}")
        return value


class _Coverage(c.Type):
    """ISO codes of the area a site covers: countries (``GB``) or first-level divisions (``US-GA``).

    Checked against the embedded gazetteer, so a misspelt code stops the build with what is wrong
    instead of silently biasing nothing. Upper-cased, deduplicated and sorted: the snapshot key
    holds them, and ``[gb, GB]`` and ``[GB]`` are one coverage.
    """

    def __init__(self) -> None:
        super().__init__(list, default=[])

    def run_validation(self, value: object) -> list[str]:
        if isinstance(value, str):
            raise ValidationError(f"a list of codes, not text: write coverage: [{value}]")
        value = super().run_validation(value)
        from .geo.bias import coverage_problem
        from .geo.gazetteer import gazetteer

        codes = [v.strip().upper() if isinstance(v, str) else v for v in value]
        for code in codes:
            problem = coverage_problem(code, gazetteer())
            if problem:
                raise ValidationError(problem)
        return sorted(set(codes))


class TilesConfig(base.Config):
    """``map_tiles``: a tile layer under the interactive map (Leaflet's ``L.tileLayer``)."""

    url = _TileUrl()
    """Tile address template, e.g. ``https://tile.example.org/{z}/{x}/{y}.png``."""

    attribution = c.Type(str, default="")
    """Credit shown on the map, as plain text (markup in it is shown, never run)."""

    max_zoom = _Zoom(default=18)
    """Deepest zoom the tile server serves."""

    subdomains = _Subdomains()
    """Letters that ``{s}`` in the URL takes in turn."""

    maxZoom = c.Deprecated(moved_to="max_zoom")  # Leaflet's spelling  # noqa: N815


class TileLayer(c.SubConfig[TilesConfig]):
    """``map_tiles``: None (no tile layer, the default) or a mapping checked by ``TilesConfig``.

    MkDocs would call a bare URL "Expected a key-value mapping (dict) but received: <class
    'str'>" and only warn about an unknown key; a tile option that is wrong stops the build
    with what to write instead.
    """

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object):
        if value is None:
            return None
        example = "{url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '(c) Example'}"
        if isinstance(value, str):
            raise ValidationError(
                f"a mapping, not text: write map_tiles: {{url: {value!r}, attribution: ...}}"
            )
        if not isinstance(value, dict):
            raise ValidationError(f"a mapping such as {example}, not {type(value).__name__}")
        unknown = sorted(str(k) for k in value if k not in TILE_KEYS + ("maxZoom",))
        if unknown:
            raise ValidationError(f"unknown key {unknown[0]!r} (known: {', '.join(TILE_KEYS)})")
        return super().run_validation(value)


class BriefingConfig(base.Config):
    """Options of the ``briefing`` MkDocs plugin."""

    enabled = c.Type(bool, default=True)
    """Switch the plugin off without removing it (e.g. for a quick docs-only build)."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of seed articles (``*.txt``), relative to mkdocs.yml; each becomes a page."""

    briefings_dir = c.Type(str, default="briefings")
    """Where seed pages appear in the site (URL prefix and navigation section)."""

    glossary = c.Optional(c.Type(str))
    """YAML glossary the editors own (names, types, aliases, descriptions, suppressions)."""

    tooltips = c.Choice(("paragraph", "first", "all"), default="paragraph")
    """Which mentions carry a tooltip: first per paragraph, first in the article, or all."""

    entity_pages = c.Type(bool, default=True)
    """Entity pages (kept out of the navigation) and an index of entities by type."""

    entity_page_min_briefings = c.Type(int, default=2)
    """An entity gets a page of its own when at least this many briefings name it (glossary entries
    always do); the others are listed on the index and their link leads to the briefing naming them."""

    site_pages = c.Type(bool, default=True)
    """Site-wide pages: sections, the archive by month, map and timeline of all briefings."""

    page_size = c.Type(int, default=20)
    """Briefings per page on the home page, section and archive pages (entity appearances too);
    lists of names and events take five times as many."""

    feeds = c.Type(bool, default=True)
    """RSS 2.0 and Atom feeds of the latest briefings (``feeds/``), site-wide and per section,
    linked from every page's head. Links are absolute when ``site_url`` is set."""

    feed_size = c.Type(int, default=20)
    """Briefings in each feed (the newest dated ones)."""

    exports = c.Type(bool, default=True)
    """Data next to the site (``exports/``): places as GeoJSON, events as CSV, the timeline as
    iCalendar; linked from the Map and Timeline pages."""

    check_page = c.Type(bool, default=True)
    """The editors' "please check" page (``please-check.html``): the annotations the system is least
    sure of, each with its sentence and the glossary line that settles it. Not in the navigation,
    noindex, out of search and of the sitemap; its URL is in the build log."""

    nav_briefings = c.Type(bool, default=False)
    """List every briefing in the navigation (the old behaviour). Off by default: a navigation
    that grows with the archive makes every page, and the build, grow with it too."""

    map_tiles = TileLayer()
    """Optional tile layer for the interactive map: ``{url: ..., attribution: ..., max_zoom: 18,
    subdomains: abc}`` (``TilesConfig``). None by default: the map is drawn from the embedded
    Natural Earth shapes and needs no network."""

    geocoders = c.Type(list, default=["gazetteer"])
    """Place resolvers in order: ``gazetteer`` (embedded, offline) and geopy service names with
    their options, e.g. ``- nominatim: {user_agent: my-newsroom, min_delay_seconds: 1}``. Online
    services answer what the gazetteer could not (or everything, when listed before it)."""

    coverage = _Coverage()
    """The area the site covers, as ISO codes: countries (``[GB]``) or first-level divisions
    (``[US-GA]``). Ambiguous place names lean towards it ("Lancaster" on a Cumbrian site is
    Lancaster, England, not California); what the article says (", Texas", a state or country it
    names, a council or police force of the place) still wins. Empty by default: no lean."""

    geocode_cache = c.Optional(c.Type(str))
    """Committed YAML cache of online answers; default ``<seeds_dir>/geocode-cache.yml``."""

    user_agent = c.Type(str, default="briefing-site-generator/0.1 (annotated news briefings)")
    """User-Agent sent to online geocoders (Nominatim's policy requires a real one: set yours)."""

    snapshots = c.Type(bool, default=True)
    """Keep each briefing's annotations in ``<article>.annotations.yml`` beside it (reviewable,
    reused while fresh so the NLP never re-runs on unchanged articles)."""

    strict = c.Type(bool, default=False)
    """Fail the build on stale snapshots (instead of refreshing them), on unresolved places and on
    briefings without a date."""

    date_fallback = c.Optional(c.Choice(("git",)))
    """Where a seed without a date line, dateline or dated file name gets its date: ``git`` = the
    day the file was first committed (as mkdocs-git-revision-date-localized does). Off by default;
    briefings left without a date are listed by the build (``strict`` fails on them)."""

    jobs = c.Type(int, default=0)
    """Processes for annotating stale articles; 0 = one per core."""

    offline = c.Type(bool, default=True)
    """Make the site work from a folder with zero outside requests (local shims, no web fonts)."""

    index_marker = c.Type(str, default="<!-- briefing:index -->")
    """Placeholder in a Markdown page that is replaced by the list of briefings."""
