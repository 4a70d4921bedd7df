"""The MkDocs plugin: configuration and hooks only; the work happens in plain functions.

- ``on_config``: assets first in ``extra_css``; offline defaults (local shims, no web fonts).
- ``on_files``: seeds become generated pages; every briefing is annotated (fresh
  snapshots reused, stale ones redone in parallel); the site's structure
  (``structure.build_site``) gives the generated pages: sections, the archive
  by month, entity pages, map and timeline, each paginated.
- ``on_nav``: a navigation that does not grow with the archive (briefings are
  reached from the lists, not from a sidebar of every headline).
- ``on_page_markdown``: briefing pages get their mentions wrapped in tooltips.
- ``on_page_content``: generated pages get their HTML; briefings their map,
  timeline, metadata and links to other briefings.
- ``on_page_context``: the home page's list of the latest briefings.
- ``on_post_page``: Open Graph tags.
- ``on_serve``: ``mkdocs serve`` also watches the seeds and the glossary.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.nav import _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import batch
from .articles import Entry, docs_pages, is_briefing_meta, page_entries, seed_entries
from .batch import Job
from .config import BriefingConfig
from .markup import escape_markdown
from .model import Annotations
from .options import OptionError, map_tiles
from .paths import PathError, check_options
from .render import listings, sitepages
from .snapshots import SUFFIX
from .sources import Source, SourceError, check_meta, read_markdown
from .structure import BriefingRef, Site, build_site, lead, more_on, neighbours, paginate

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/briefing"
# Order matters: map.js needs Leaflet and the country shapes (basemap.js) loaded before it.
CSS = ("vendor/leaflet/leaflet.css", "briefing.css", "map.css")
JS = ("briefing.js", "vendor/leaflet/leaflet.js", "basemap.js", "map.js")
VENDOR = ("vendor/iframe-worker-shim.js", "vendor/iframe-worker-LICENSE.txt", "vendor/leaflet/LICENSE")
# Material's default fonts come from Google Fonts: a request outside the site.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
PANELS_PLACEHOLDER = '<div class="bf-panels-placeholder"></div>'
SEED_BODY = '<div class="bf-seed-placeholder"></div>'
VIEW_PLACEHOLDER = '<div class="bf-view-placeholder"></div>'
CACHE_FILE = ".cache/briefing/snapshots.json"  # parsed snapshots, for speed only (never committed)
EXPORTS = {
    "places": "exports/places.geojson",
    "events": "exports/events.csv",
    "timeline": "exports/timeline.ics",
}
SITE_MAP_LIMIT = 500  # places on the site map (most mentioned first); every place has its entity entry

View = Callable[[Callable[[str], str]], str]  # renders a generated page, given its link function


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Annotated briefings: tooltips, map and timeline on every article page, in a news site."""

    def __init__(self) -> None:
        self.root = Path(".")
        self.glossary = None
        self.glossary_file: Path | None = None
        self.seed_sources: dict[str, Source] = {}  # page URI -> the seed it was made from
        self.briefings: dict[str, BriefingRef] = {}  # by page src_uri
        self.site: Site = build_site([])
        self.views: dict[str, View] = {}  # generated page URI -> how to render it
        self.nav_uris: list[str] = []  # generated pages the navigation shows, in order
        self._map_summary = (0, 0)  # (places, briefings) for the map page's intro
        self.files: Files | None = None
        self._panels: dict[str, str] = {}  # briefing URI -> its panels, from page content to page output
        self.moved: dict[str, list[str]] = {}  # briefing URI -> the addresses it had before
        self.feeds: dict = {}  # section slug (None: the whole site) -> its Feed
        self.page_section: dict[str, str] = {}  # page URI of a section's list -> the section's slug
        self.tiles: dict | None = None
        self.unlisted: set[str] = set()  # "please check" pages: noindex, out of the sitemap

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
            from .entities import GlossaryError, load_glossary

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
            seeds = self.root / self.config.seeds_dir
            if seeds.is_dir():
                _watch_sources(server, seeds)
            docs = str(Path(config.docs_dir).resolve())
            if self.config.snapshots and docs in getattr(server, "_watched_paths", {}):
                server.unwatch(docs)  # Markdown briefings keep their snapshots in docs/ too
                _watch_sources(server, Path(docs))
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
            entries = self._entries(files, config)
        except SourceError as e:
            raise PluginError(str(e)) from None
        self._report_problems([e.job.document for e in entries])
        annotations = self._annotate([e.job for e in entries])
        chain = self._geocoders()
        self.briefings = {}
        for e in entries:
            ann = chain.resolve(annotations[e.uri]) if chain else annotations[e.uri]
            d = ann.document
            description = e.source.document.meta.get("description")
            self.briefings[e.uri] = BriefingRef(
                e.uri,
                d.title or e.uri,
                d.section,
                d.date,
                ann,
                description if isinstance(description, str) else None,
            )
        if chain:
            for warning in chain.warnings:
                log.warning(warning)
            chain.cache.save()
            for problem in chain.cache.problems:  # unreadable, impossible coordinates, unwritable
                log.warning(problem)
        min_briefings = self.config.entity_page_min_briefings if self.config.entity_pages else 10**9
        self.site = build_site(list(self.briefings.values()), min_briefings)
        self.views, self.nav_uris = {}, []
        self._report_undated()
        self._site_pages(files, config)
        if self.config.check_page:
            self._check_pages(files, config)
        self.files = files
        return files

    def _report_undated(self) -> None:
        """Briefings left without a date: a warning saying how to date them; an error with strict."""
        from .dating import undated_report

        undated = sorted(b.annotations.document.path or b.uri for b in self.briefings.values() if not b.date)
        message = undated_report(undated, self.config.date_fallback)
        if message and self.config.strict:
            raise PluginError(message)
        if message:
            log.warning(message)

    def _report_problems(self, docs) -> None:
        """Mistakes nothing else catches (``briefing.validate``: the glossary's, dates far in the
        future): warnings naming the file and the fix; errors with ``strict``."""
        from .validate import site_problems

        problems = site_problems(self.glossary, str(self.config.glossary or ""), docs)
        for problem in problems:
            (log.error if self.config.strict else log.warning)(problem)
        if problems and self.config.strict:
            raise PluginError(f"{len(problems)} problem(s) above; strict: true makes them errors")

    def _geocoders(self):
        """The online part of the geocoding chain, or None when only the gazetteer is configured
        (built as ``briefing annotate`` builds it: ``siteconfig.geocoder_chain``)."""
        from .siteconfig import SiteConfigError, geocoder_chain

        try:
            return geocoder_chain(self.root, self.config)
        except SiteConfigError as e:
            raise PluginError(str(e)) from None

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

    def _entries(self, files: Files, config) -> list[Entry]:
        """Seeds (added as generated pages) and Markdown pages that are briefings."""
        from .render.sitepages import safe_title

        seeds = seed_entries(
            self.root,
            self.config.seeds_dir,
            self.config.briefings_dir,
            self.config.snapshots,
            self.config.date_fallback,
        )
        self.seed_sources = {}
        inclusion = InclusionLevel.INCLUDED if self.config.nav_briefings else InclusionLevel.NOT_IN_NAV
        for e in seeds:
            d = e.source.document
            # MkDocs prints page titles unescaped (navigation, <title>): a seed is plain text.
            meta = {
                "title": safe_title(d.title or ""),
                "section": d.section,
                "briefing": True,
                "source": d.path,
            }
            front = "---\n" + yaml.safe_dump(meta, sort_keys=True, allow_unicode=True) + "---\n\n"
            if files.get_file_from_path(e.uri) is not None:
                raise SourceError(f"{e.seed}: its page {e.uri} clashes with a file in docs/")
            # Plain text needs no Markdown: the headline is the h1, the paragraphs come in on_page_content.
            body = f"# {escape_markdown(d.title or '')}\n\n{SEED_BODY}\n"
            files.append(File.generated(config, e.uri, content=front + body, inclusion=inclusion))
            self.seed_sources[e.uri] = e.source
        pages = page_entries(Path(config.docs_dir), docs_pages(files), self.config.snapshots)
        for e in pages:
            f = files.get_file_from_path(e.uri)
            if f is None:
                continue
            if not self.config.nav_briefings and f.inclusion.is_in_nav():
                f.inclusion = InclusionLevel.NOT_IN_NAV  # briefings are reached from the lists, like seeds
            if e.job.page != e.uri:  # front matter 'slug': published beside its file under that name
                f.dest_uri = _dest(e.job.page, config.use_directory_urls)
                f.__dict__.pop("url", None)
        return seeds + pages

    def _annotate(self, jobs: list[Job]) -> dict[str, Annotations]:
        """Every briefing's annotations; ``self.moved`` gets the addresses each had before."""
        strict = self.config.strict
        workers = self.config.jobs or batch.default_workers()
        cache = self.root / CACHE_FILE if self.config.snapshots else None
        result = batch.run(
            jobs, self.glossary, self.glossary_file, workers=workers, write=not strict, cache=cache
        )
        for problem in result.problems:
            log.warning(problem)
        if strict and result.stale:
            raise PluginError(
                "stale annotation snapshots (refresh them with a non-strict build or "
                f"`briefing annotate --write`): {', '.join(sorted(result.stale))}"
            )
        if jobs:
            log.info(result.summary())
        self.moved = result.moved
        return result.annotations

    # ------------------------------------------------------------------ generated pages

    def _page(
        self,
        files: Files,
        config,
        uri: str,
        title: str,
        view: View,
        *,
        nav: bool = False,
        search: bool = False,
    ) -> None:
        """Add one generated page whose HTML ``view`` renders; never over a page of the site."""
        clash = files.get_file_from_path(uri)
        if clash is not None:
            raise PluginError(
                f"the briefing plugin generates {uri}, but the site already has {clash.src_path} "
                f"({'generated by ' + str(clash.generated_by) if clash.generated_by else 'in docs/'}): "
                "rename that page, or turn the generated one off in the plugin's options"
            )
        content = sitepages.page_stub(title, VIEW_PLACEHOLDER, search=search)
        inclusion = InclusionLevel.INCLUDED if nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        self.views[uri] = view
        if nav:
            self.nav_uris.append(uri)

    def _paged(self, files, config, base: str, title: str, items: list, size: int, render, **kw) -> None:
        """A list split into pages: the first at ``base`` (in the navigation when ``nav``), the rest
        under ``<base>/page/N`` out of it; ``render(pager, items, url)`` makes each page's HTML."""
        nav = kw.pop("nav", False)
        for p, chunk in paginate(base, items, size):
            heading = title if p.number == 1 else f"{title} (page {p.number} of {p.count})"
            self._page(
                files, config, p.uri, heading, partial(render, p, chunk), nav=nav and p.number == 1, **kw
            )

    def _site_pages(self, files: Files, config) -> None:
        """Sections, archive, entity pages and index, map and timeline, from the site's structure."""
        site, size = self.site, self.config.page_size
        if files.get_file_from_path("index.md") is None and self.config.site_pages:
            # No home page of the site's own: the latest briefings are the home page.
            self._page(
                files,
                config,
                "index.md",
                config.site_name or "Briefings",
                partial(listings.home, site, size=size),
                search=True,
            )
            files.get_file_from_path("index.md").inclusion = InclusionLevel.INCLUDED
        if self.config.site_pages and site.briefings:
            for sec in site.sections:
                for p, _ in paginate(sec.uri, sec.briefings, size):
                    self.page_section[p.uri] = sec.slug
                self._paged(
                    files,
                    config,
                    sec.uri,
                    sec.name,
                    sec.briefings,
                    size,
                    partial(listings.section_page, site, sec),
                    nav=True,
                )
            self._page(
                files, config, "archive/index.md", "Archive", partial(listings.archive_index, site), nav=True
            )
            for key, refs in site.months.items():
                self._paged(
                    files,
                    config,
                    listings.month_uri(key),
                    listings.month_label(key),
                    refs,
                    size,
                    partial(listings.month_page, site, key),
                )
            if site.undated:
                self._paged(
                    files,
                    config,
                    listings.UNDATED_URI,
                    "Undated briefings",
                    site.undated,
                    size,
                    partial(listings.month_page, site, None),
                )
            self._map_page(files, config)
            self._timeline_pages(files, config)
        if self.config.entity_pages:
            self._entity_pages(files, config)
        self._redirects(files, config)
        if self.config.feeds:
            self._feeds(files, config)
        if self.config.exports and site.briefings:
            self._exports(files, config)

    def _redirects(self, files: Files, config) -> None:
        """A page at every address a briefing had before (a renamed file, a new slug), sending
        readers on to where it is now: links to a published briefing never break."""
        pages = {f.dest_uri for f in files.documentation_pages()}
        for uri, old_pages in sorted(self.moved.items()):
            target = files.get_file_from_path(uri)
            if target is None:
                continue
            for old in old_pages:
                dest = _dest(old, config.use_directory_urls)
                taken = files.get_file_from_path(old) or files.get_file_from_path(dest)
                if taken is not None or dest in pages:
                    log.info(f"{old}: a page of the site is there now; no redirect to {uri}")
                    continue
                html_text = sitepages.redirect_html(
                    self.briefings[uri].title, get_relative_url(target.url, dest)
                )
                files.append(File.generated(config, dest, content=html_text))

    def _static_url(self, files: Files, config, dest: str) -> Callable[[str], str]:
        """Links from a file that is not a page (a feed, an export): absolute with ``site_url``,
        else relative to the file's own place."""
        base = config.site_url or ""

        def url(uri: str) -> str:
            f = files.get_file_from_path(uri)
            target = f.url if f else uri
            return base + target if base else get_relative_url(target, dest)

        return url

    def _static(self, files: Files, config, dest: str, content: str) -> None:
        """A generated file that is not a page, never over a file of the site."""
        if files.get_file_from_path(dest) is not None:
            raise PluginError(f"the briefing plugin generates {dest}, but the site already has that file")
        files.append(File.generated(config, dest, content=content))

    def _feeds(self, files: Files, config) -> None:
        """RSS and Atom of the latest dated briefings: the whole site, and each section."""
        from .render import feeds

        site, size = self.site, self.config.feed_size
        name = config.site_name or "Briefings"
        home = "index.md" if files.get_file_from_path("index.md") else self.site.briefings[0].uri
        self.feeds = {
            None: feeds.Feed(
                name,
                config.site_description or f"Latest briefings of {name}",
                home,
                "feeds/rss.xml",
                "feeds/atom.xml",
            )
        }
        for sec in site.sections if self.config.site_pages else []:
            title = f"{name}: {sec.name}"
            self.feeds[sec.slug] = feeds.Feed(
                title,
                f"Latest briefings in {sec.name}",
                sec.uri,
                f"feeds/{sec.slug}.rss.xml",
                f"feeds/{sec.slug}.atom.xml",
            )
        for slug, feed in self.feeds.items():
            refs = (
                site.briefings if slug is None else next(s for s in site.sections if s.slug == slug).briefings
            )
            items = feeds.latest(refs, size)
            for dest, render in ((feed.rss_uri, feeds.rss), (feed.atom_uri, feeds.atom)):
                self._static(files, config, dest, render(feed, items, self._static_url(files, config, dest)))

    def _exports(self, files: Files, config) -> None:
        """Places as GeoJSON, events as CSV, the timeline as iCalendar, beside the site."""
        from .render import exports

        refs, name = self.site.briefings, config.site_name or "Briefings"
        made = {
            EXPORTS["places"]: lambda url: exports.places_geojson(refs, url),
            EXPORTS["events"]: lambda url: exports.events_csv(refs, url),
            EXPORTS["timeline"]: lambda url: exports.timeline_ics(refs, url, name),
        }
        for dest, render in made.items():
            self._static(files, config, dest, render(self._static_url(files, config, dest)))

    def _map_page(self, files: Files, config) -> None:
        site = self.site
        n_places = len({p.entity for b in site.briefings for p in b.annotations.places})
        self._page(
            files, config, sitepages.MAP, "Map", partial(self._with_downloads, self._site_map), nav=True
        )
        self._map_summary = (n_places, len(site.briefings))

    def _with_downloads(self, view: View, url: Callable[[str], str]) -> str:
        """A page's HTML with the links to the data exports first."""
        if not (self.config.exports and self.site.briefings):
            return view(url)
        links = (
            ("places", "places (GeoJSON)"),
            ("events", "events (CSV)"),
            ("timeline", "timeline (iCalendar)"),
        )
        items = " · ".join(
            f'<a href="{html.escape(url(EXPORTS[k]))}" download>{label}</a>' for k, label in links
        )
        return f'<p class="bf-downloads">Download the data: {items}</p>' + view(url)

    def _timeline_pages(self, files: Files, config) -> None:
        site, size = self.site, self.config.page_size
        items = sitepages.dated_events(site)
        self._page(
            files,
            config,
            sitepages.TIMELINE,
            "Timeline",
            partial(self._with_downloads, partial(sitepages.timeline_index, site, items, size=size)),
            nav=True,
        )
        for year, events in sitepages.timeline_years(items).items():
            pages = sitepages.year_pages(year, events, 5 * size)
            for p, chunk in pages:
                title = f"Timeline of {year}" + (f" (page {p.number} of {p.count})" if p.number > 1 else "")
                self._page(
                    files, config, p.uri, title, partial(sitepages.year_page, year, len(events), p, chunk)
                )

    def _entity_pages(self, files: Files, config) -> None:
        """Pages for the entities that earn one, the entity index and the lists by type.

        An entity without a page of its own is reached at its first mention in
        the briefing that names it (``#bf-e-<id>``); that anchor stays valid
        when a later briefing gives the entity its page at ``entities/<id>``.
        """
        site, size = self.site, self.config.page_size
        timelines = sitepages.entity_events(site)
        for se in site.entity_pages():
            for p, chunk in sitepages.entity_pages(se, size):
                title = se.name if p.number == 1 else f"{se.name} (page {p.number} of {p.count})"
                view = partial(
                    sitepages.entity_page, site, se, p, chunk, events=timelines.get(se.id), size=5 * size
                )
                self._page(files, config, p.uri, title, view, search=p.number == 1)
        view = partial(sitepages.entity_index, site)
        self._page(files, config, sitepages.ENTITY_INDEX, "Entities", view, nav=True)
        for t, ents in sitepages.by_type(site).items():
            if len(ents) > sitepages.INDEX_TOP:
                title = sitepages.TYPE_HEADINGS.get(t, t)
                render = partial(sitepages.type_page, site, t)
                self._paged(files, config, sitepages.type_uri(t), title, ents, 5 * size, render)

    def _check_pages(self, files: Files, config) -> None:
        """The editors' "please check" pages: out of the navigation, search and search engines."""
        from .checklist import checklist
        from .render.checklist import CHECK_PAGE, build_note, pages

        groups, self.unlisted = checklist(self.site, self.glossary), set()
        for uri, title, view in pages(groups, self.config.page_size):
            self._page(files, config, uri, title, view)
            self.unlisted.add(uri)
        log.info(build_note(groups, files.get_file_from_path(CHECK_PAGE).url))

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        """sitemap.xml without the "please check" pages (they are noindex)."""
        if not self.config.enabled or template_name != "sitemap.xml" or not self.unlisted or not self.files:
            return output
        from .render.checklist import drop_from_sitemap

        pages = [f.page for uri in self.unlisted if (f := self.files.get_file_from_path(uri)) and f.page]
        return drop_from_sitemap(output, {u for p in pages for u in (p.canonical_url, p.abs_url) if u})

    # ------------------------------------------------------------------ navigation

    @event_priority(-50)
    def on_nav(self, nav, *, config, files):
        """The site's own pages first, then Sections, Archive, Map, Timeline and Entities.

        With a ``nav`` written in mkdocs.yml, the generated pages it does not
        mention are added at its end.
        """
        if not self.config.enabled or not self.nav_uris:
            return nav
        ours = {uri: files.get_file_from_path(uri).page for uri in self.nav_uris}
        mine = {id(p) for p in ours.values()}
        items = (
            [it for it in nav.items if not _holds_only(it, mine)] if config.nav is None else list(nav.items)
        )
        listed = {id(p) for p in _get_by_type(items, Page)}
        sections = [
            ours[s.uri] for s in self.site.sections if s.uri in ours and id(ours[s.uri]) not in listed
        ]
        if sections:
            items.append(NavSection("Sections", sections))
        for uri in ("archive/index.md", sitepages.MAP, sitepages.TIMELINE, sitepages.ENTITY_INDEX):
            if uri in ours and id(ours[uri]) not in listed:
                items.append(ours[uri])
        for it in items:
            it.parent = None
        _add_parent_links(items)
        nav.items = items
        nav.pages = _get_by_type(items, Page)
        _add_previous_and_next_links(nav.pages)
        return nav

    # ------------------------------------------------------------------ pages

    def _is_briefing(self, page) -> bool:
        return page.file.src_uri in self.briefings

    def _source(self, markdown: str, page) -> Source:
        """A Markdown briefing's document, from the Markdown MkDocs renders (front matter included)."""
        meta = check_meta(dict(page.meta or {}), page.file.src_path)
        front = "---\n" + yaml.safe_dump(meta, sort_keys=True) + "---\n" if meta else ""
        return read_markdown(page.file.src_path, front + markdown)

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled or not self._is_briefing(page):
            return markdown
        from .render.timeline import event_anchor
        from .render.tooltips import wrap_mentions

        ref = self.briefings[page.file.src_uri]
        seed = page.file.src_uri in self.seed_sources
        if not seed:
            try:
                source = self._source(markdown, page)
            except SourceError as e:
                raise PluginError(str(e)) from None
            if ref.annotations.text != source.document.text:
                # Another plugin changed the Markdown since we read the file: annotate what MkDocs renders.
                from .pipeline import annotate_document

                ref.annotations = annotate_document(source.document, self.glossary)
        ann = ref.annotations
        self._check_places(ann, page)
        if "description" not in page.meta:  # Material prints it unescaped in <meta content="...">
            page.meta["bf_summary"] = lead(ann)
            page.meta["description"] = html.escape(page.meta["bf_summary"], quote=True)
        if seed:  # plain text: its HTML is made directly, in on_page_content
            return markdown + "\n\n" + PANELS_PLACEHOLDER + "\n"
        anchors = {ev.sentence[0]: event_anchor(ev) for ev in ann.events}
        wrapped = wrap_mentions(source.body, source.segments, ann, self.config.tooltips, anchors)
        page.meta["bf_linked"] = {ev.id for ev in ann.events if f'id="{event_anchor(ev)}"' in wrapped}
        return wrapped + "\n\n" + PANELS_PLACEHOLDER + "\n"

    def _check_places(self, ann: Annotations, page) -> None:
        """Places the map cannot show: a note, or an error with ``strict``."""
        placed = {p.entity for p in ann.places}
        missing = sorted(e.name for e in ann.entities if e.type in ("GPE", "LOC") and e.id not in placed)
        if missing:
            message = f"{page.file.src_uri}: unresolved places: {', '.join(missing)}"
            if self.config.strict:
                raise PluginError(message + " (add coordinates to the glossary)")
            log.info(message)

    def on_page_content(self, html_text: str, *, page, config, files):
        if not self.config.enabled:
            return html_text
        uri = page.file.src_uri
        if uri in self.views and VIEW_PLACEHOLDER in html_text:
            body = self.views[uri](partial(self._url, page=page))
            return html_text.replace(VIEW_PLACEHOLDER, body, 1)
        if not self._is_briefing(page):
            return html_text
        from .render.page import render_meta, render_panels

        b = self.briefings[uri]
        if uri in self.seed_sources:
            html_text = self._seed_body(html_text, page, b.annotations)
        url = partial(self._url, page=page)
        entity_urls = {
            e.id: url(se.uri)
            for e in b.annotations.entities
            if (se := self.site.entities.get(e.id)) is not None and se.has_page
        }
        panels = render_panels(
            b.annotations,
            linked=page.meta.get("bf_linked", set()),
            entity_urls=entity_urls,
            tiles=self.tiles,
        )
        if self.config.site_pages:
            older, newer = neighbours(self.site, b)
            panels += listings.article_footer(self.site, b, url, more_on(self.site, b), older, newer)
        if page.present_anchor_ids is not None:  # links to #bf-ev-... from other pages are valid
            page.present_anchor_ids.update(re.findall(r'\sid="([^"]+)"', panels))
        # The panels join the page after search has indexed it (on_post_page): search holds the
        # article's words, not the map, timeline and data that repeat them.
        self._panels[uri] = panels
        sec = self.site.section_of.get(uri) if self.config.site_pages else None
        meta = render_meta(b.annotations, url(sec.uri) if sec else None)
        # Metadata right under the headline, whether the page has its own h1 or Material adds it.
        head = html_text.find("</h1>")
        if head >= 0:
            return html_text[: head + 5] + meta + html_text[head + 5 :]
        return meta + html_text

    def _seed_body(self, html_text: str, page, ann: Annotations) -> str:
        """A seed's paragraphs, with their tooltips, where its page holds the placeholder."""
        from .render.timeline import event_anchor
        from .render.tooltips import plain_text_html

        if SEED_BODY not in html_text:  # another plugin rewrote the page: leave it as it is
            log.warning(f"{page.file.src_uri}: the seed's text placeholder is gone; no tooltips")
            return html_text
        anchors = {ev.sentence[0]: event_anchor(ev) for ev in ann.events}
        body = plain_text_html(ann, self.config.tooltips, anchors)
        page.meta["bf_linked"] = {ev.id for ev in ann.events if f'id="{event_anchor(ev)}"' in body}
        return html_text.replace(SEED_BODY, body, 1)

    def _site_map(self, url: Callable[[str], str]) -> str:
        """The map of every place, the most mentioned first, each with a few of its briefings."""
        from .render.page import render_site_map

        by_place: dict[str, tuple] = {}
        for b in self.site.briefings:  # newest first
            for p in b.annotations.places:
                entry = by_place.setdefault(p.entity, (p, []))
                entry[1].append(b)
        ordered = sorted(by_place.values(), key=lambda pb: (-len(pb[1]), pb[0].name, pb[0].entity))
        places = []
        for p, refs in ordered[:SITE_MAP_LIMIT]:
            more = sitepages.entity_href(self.site, p.entity, url) if len(refs) > 3 else None
            places.append((p, [(r.title, url(r.uri)) for r in refs[:3]], len(refs), more))
        n_places, n_briefings = self._map_summary
        summary = sitepages.map_summary(n_places, n_briefings, len(places))
        return summary + render_site_map(places, tiles=self.tiles)

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
        ref = self.briefings.get(uri)
        head = open_graph(page, config, ref)
        if uri in self.unlisted:
            from .render.checklist import NOINDEX

            head += NOINDEX
        if self.feeds:
            from .render.feeds import head_links

            sec = self.site.section_of.get(uri)
            slug = sec.slug if sec else self.page_section.get(uri)
            shown = [self.feeds[None]] + ([self.feeds[slug]] if slug in self.feeds else [])
            head += head_links(shown, partial(self._url, page=page))
        return output.replace("</head>", head + "</head>", 1)

    @event_priority(-50)
    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or page.content is None or self.config.index_marker not in page.content:
            return context
        body = listings.home(self.site, partial(self._url, page=page), self.config.page_size)
        page.content = page.content.replace(self.config.index_marker, body, 1)
        return context


def _dest(uri: str, directory_urls: bool) -> str:
    """The HTML file MkDocs writes for the page ``uri`` (``a/b.md``): ``a/b.html`` or ``a/b/index.html``."""
    stem = uri.removesuffix(".md")
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def _is_ours(path: str) -> bool:
    """Files the build itself writes beside the sources: snapshots and their temporary files."""
    name = Path(path).name
    return name.endswith(SUFFIX) or (name.startswith(".") and name.endswith(".tmp"))


def _watch_sources(server, folder: Path) -> None:
    """Watch ``folder`` like ``server.watch`` does, minus the files the build writes there.

    MkDocs' watcher has no filter, so this schedules its own handler on the
    server's observer and asks for a rebuild the way ``server.watch`` does;
    where the server lacks those parts (another MkDocs), it falls back to
    ``server.watch`` (one extra rebuild per save, nothing worse).
    """
    cond = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    if cond is None or observer is None or not hasattr(server, "_want_rebuild"):
        server.watch(str(folder))
        return
    import watchdog.events

    def callback(event) -> None:
        paths = [getattr(event, "src_path", ""), getattr(event, "dest_path", "") or ""]
        if event.is_directory or all(not p or _is_ours(str(p)) for p in paths):
            return
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback
    observer.schedule(handler, str(folder), recursive=True)


def _holds_only(item, pages: set[int]) -> bool:
    """A navigation item made only of generated pages (MkDocs filed them by folder)."""
    if isinstance(item, Page):
        return id(item) in pages
    children = getattr(item, "children", None)
    return bool(children) and all(_holds_only(c, pages) for c in children)


__all__ = ["BriefingPlugin", "is_briefing_meta"]
