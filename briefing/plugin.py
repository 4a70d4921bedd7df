"""The MkDocs plugin: configuration and hooks only; the work happens in plain functions.

- ``on_config``: assets first in ``extra_css``; offline defaults (local shims, no web fonts).
- ``on_files``: seeds become generated pages (``briefingpages``); every briefing is annotated
  (``siteannotations``: fresh snapshots reused, stale ones redone in parallel); the site's
  structure (``structure.build_site``) gives the generated pages (``sitebuild``): sections, the
  archive by month, entity pages, map and timeline, each paginated.
- ``on_nav``: a navigation that does not grow with the archive (``sitenav``: briefings are
  reached from the lists, not from a sidebar of every headline).
- ``on_page_markdown``: briefing pages get their mentions wrapped in tooltips.
- ``on_page_content``: generated pages get their HTML; briefings their map,
  timeline, metadata and links to other briefings.
- ``on_page_context``: the home page's list of the latest briefings.
- ``on_post_page``: Open Graph tags.
- ``on_serve``: ``mkdocs serve`` also watches the seeds and the glossary (``watch``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import briefingpages, siteannotations
from .articles import is_briefing_meta
from .briefingpages import PANELS_PLACEHOLDER
from .config import BriefingConfig
from .options import OptionError, map_tiles
from .paths import PathError, check_options
from .render import listings
from .sitebuild import VIEW_PLACEHOLDER, SitePages
from .snapshots import SUFFIX
from .sources import Source, SourceError
from .structure import BriefingRef, Site, build_site

ASSET_DIR = "assets/briefing"
# Order matters: map.js needs Leaflet and the country shapes (basemap.js) loaded before it.
CSS = ("vendor/leaflet/leaflet.css", "briefing.css", "map.css")
JS = ("briefing.js", "vendor/leaflet/leaflet.js", "basemap.js", "map.js")
VENDOR = ("vendor/iframe-worker-shim.js", "vendor/iframe-worker-LICENSE.txt", "vendor/leaflet/LICENSE")
# Material's default fonts come from Google Fonts: a request outside the site.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Annotated briefings: tooltips, map and timeline on every article page, in a news site."""

    def __init__(self) -> None:
        self.root = Path(".")
        self.glossary = None
        self.glossary_file: Path | None = None
        self.tiles: dict | None = None
        self.seed_sources: dict[str, Source] = {}  # page URI -> the seed it was made from
        self.briefings: dict[str, BriefingRef] = {}  # by page src_uri
        self.site: Site = build_site([])
        self.pages: SitePages | None = None  # the generated pages, from on_files on
        self.files: Files | None = None
        self._panels: dict[str, str] = {}  # briefing URI -> its panels, from page content to page output

    # ------------------------------------------------------------------ config

    @event_priority(50)
    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or ".").resolve().parent
        try:
            check_options(self.root, self.config)  # paths stay inside the project
            self.tiles = map_tiles(self.config.map_tiles)  # attribution as text, http(s) URL
        except (PathError, OptionError) as e:
            raise PluginError(str(e)) from None
        self.glossary = None
        self.glossary_file = self.root / self.config.glossary if self.config.glossary else None
        if self.glossary_file:
            from .siteconfig import GlossaryError, load_glossary

            try:
                self.glossary = load_glossary(self.glossary_file)
            except GlossaryError as e:
                raise PluginError(str(e)) from None
        if self.config.page_size < 1:
            raise PluginError(
                f"mkdocs.yml: briefing page_size must be at least 1, not {self.config.page_size}"
            )
        # Ours first, so that the site's own extra_css wins.
        for i, name in enumerate(CSS):
            config.extra_css.insert(i, f"{ASSET_DIR}/{name}")
        config.extra_javascript.extend(f"{ASSET_DIR}/{name}" for name in JS)
        if self.config.offline:
            self._offline_defaults(config)
        return config

    def _offline_defaults(self, config) -> None:
        """No request leaves the site: local search worker shim, no Google Fonts.

        Runs before Material's ``offline`` plugin, which then finds a local
        iframe-worker shim and does not add its CDN copy.
        """
        polyfills = config.extra.setdefault("polyfills", [])
        if not any("iframe-worker" in str(url) for url in polyfills):
            polyfills.append(f"{ASSET_DIR}/vendor/iframe-worker-shim.js")
        theme = config.theme
        if getattr(theme, "name", None) == "material" and theme.get("font") == MATERIAL_DEFAULT_FONT:
            theme["font"] = False

    def on_serve(self, server, *, config, builder):
        """``mkdocs serve`` also rebuilds when a seed or the glossary changes.

        Not when a snapshot is written: the build writes those itself, and a
        rebuild for each would build the site twice per save.
        """
        if self.config.enabled:
            from .watch import watch_sources

            seeds = self.root / self.config.seeds_dir
            if seeds.is_dir():
                watch_sources(server, seeds)
            docs = str(Path(config.docs_dir).resolve())
            if self.config.snapshots and docs in getattr(server, "_watched_paths", {}):
                server.unwatch(docs)  # Markdown briefings keep their snapshots in docs/ too
                watch_sources(server, Path(docs))
            if self.glossary_file:
                server.watch(str(self.glossary_file))
        return server

    # ------------------------------------------------------------------ files

    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        self._add_assets(files, config)
        for f in [f for f in files if f.src_uri.endswith(SUFFIX)]:
            files.remove(f)  # snapshots of docs pages are data, not site content
        try:
            entries, self.seed_sources = briefingpages.add_files(self.root, self.config, files, config)
        except SourceError as e:
            raise PluginError(str(e)) from None
        siteannotations.report_problems(self.glossary, self.config, [e.job.document for e in entries])
        annotations, moved = siteannotations.annotate(
            [e.job for e in entries], self.root, self.config, self.glossary, self.glossary_file
        )
        self.briefings = siteannotations.briefing_refs(entries, annotations, self.root, self.config)
        min_briefings = self.config.entity_page_min_briefings if self.config.entity_pages else 10**9
        self.site = build_site(list(self.briefings.values()), min_briefings)
        siteannotations.report_undated(self.briefings, self.config)
        self.pages = SitePages(
            self.site, self.config, self.briefings, moved, glossary=self.glossary, tiles=self.tiles
        )
        self.pages.add(files, config)
        self.files = files
        return files

    def _url(self, uri: str, page) -> str:
        """Link from ``page`` to the page built from ``uri``, relative (works from file://)."""
        f = self.files.get_file_from_path(uri) if self.files else None
        return get_relative_url(f.url if f else uri, page.url)

    def _add_assets(self, files: Files, config) -> None:
        assets = Path(__file__).parent / "assets"
        for name in CSS + JS + VENDOR:
            if name == "basemap.js":  # generated from basemap.json, the static maps' own data
                from .render.basemapjs import basemap_script

                files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=basemap_script()))
            else:
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(assets / name)))

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        """sitemap.xml without the "please check" pages (they are noindex)."""
        if not self.config.enabled or template_name != "sitemap.xml" or not self.files:
            return output
        unlisted = self.pages.unlisted if self.pages else set()
        if not unlisted:
            return output
        from .render.checklist import drop_from_sitemap

        pages = [f.page for uri in unlisted if (f := self.files.get_file_from_path(uri)) and f.page]
        return drop_from_sitemap(output, {u for p in pages for u in (p.canonical_url, p.abs_url) if u})

    # ------------------------------------------------------------------ navigation

    @event_priority(-50)
    def on_nav(self, nav, *, config, files):
        """The site's own pages first, then Sections, Archive, Map, Timeline and Entities.

        With a ``nav`` written in mkdocs.yml, the generated pages it does not
        mention are added at its end.
        """
        if not self.config.enabled or not self.pages or not self.pages.nav_uris:
            return nav
        from .sitenav import assemble

        return assemble(nav, files, self.pages.nav_uris, self.site, written=config.nav is not None)

    # ------------------------------------------------------------------ pages

    def _is_briefing(self, page) -> bool:
        return page.file.src_uri in self.briefings

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled or not self._is_briefing(page):
            return markdown
        uri = page.file.src_uri
        return briefingpages.page_markdown(
            markdown,
            page,
            self.briefings[uri],
            seed=uri in self.seed_sources,
            glossary=self.glossary,
            options=self.config,
        )

    def on_page_content(self, html_text: str, *, page, config, files):
        if not self.config.enabled:
            return html_text
        uri = page.file.src_uri
        url = partial(self._url, page=page)
        if self.pages and uri in self.pages.views and VIEW_PLACEHOLDER in html_text:
            return html_text.replace(VIEW_PLACEHOLDER, self.pages.views[uri](url), 1)
        if not self._is_briefing(page):
            return html_text
        html_text, panels = briefingpages.page_content(
            html_text,
            page,
            self.briefings[uri],
            self.site,
            url,
            seed=uri in self.seed_sources,
            options=self.config,
            tiles=self.tiles,
        )
        # The panels join the page after search has indexed it (on_post_page): search holds the
        # article's words, not the map, timeline and data that repeat them.
        self._panels[uri] = panels
        return html_text

    def on_post_page(self, output: str, *, page, config):
        """The briefing's panels; Open Graph tags, so that shared links show the headline and lead."""
        if not self.config.enabled:
            return output
        panels = self._panels.pop(page.file.src_uri, None)
        if panels is not None:
            output = output.replace(PANELS_PLACEHOLDER, panels, 1)
        if "</head>" not in output:
            return output
        from .render.page import open_graph

        uri = page.file.src_uri
        head = open_graph(page, config, self.briefings.get(uri))
        if self.pages and uri in self.pages.unlisted:
            from .render.checklist import NOINDEX

            head += NOINDEX
        if self.pages and self.pages.feeds:
            from .render.feeds import head_links

            head += head_links(self.pages.feeds_for(uri), partial(self._url, page=page))
        return output.replace("</head>", head + "</head>", 1)

    @event_priority(-50)
    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or page.content is None or self.config.index_marker not in page.content:
            return context
        body = listings.home(self.site, partial(self._url, page=page), self.config.page_size)
        page.content = page.content.replace(self.config.index_marker, body, 1)
        return context


__all__ = ["BriefingPlugin", "is_briefing_meta"]
