"""The MkDocs plugin: configuration and hooks only; the work happens in plain functions.

- ``on_config``: assets first in ``extra_css``; offline defaults (local shims, no web fonts).
- ``on_files``: seeds become generated pages; every briefing is annotated (fresh
  snapshots reused, stale ones redone in parallel); the site-wide entity, map
  and timeline pages are generated from the results.
- ``on_page_markdown``: briefing pages get their mentions wrapped in tooltips.
- ``on_page_content``: map and timeline panels, page metadata, the site map.
- ``on_page_context``: the home page's list of briefings.
- ``on_post_page``: Open Graph tags.
- ``on_serve``: ``mkdocs serve`` also watches the seeds and the glossary.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from . import batch
from .articles import Entry, docs_pages, is_briefing_meta, page_entries, seed_entries
from .batch import Job
from .config import BriefingConfig
from .model import Annotations
from .render.sitepages import BriefingRef, safe_title
from .snapshots import SUFFIX
from .sources import Source, SourceError, check_meta, markdown_text, read_markdown

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/briefing"
# Order matters: map.js needs Leaflet and the country shapes (basemap.js) loaded before it.
CSS = ("vendor/leaflet/leaflet.css", "briefing.css", "map.css")
JS = ("briefing.js", "vendor/leaflet/leaflet.js", "basemap.js", "map.js")
VENDOR = ("vendor/iframe-worker-shim.js", "vendor/iframe-worker-LICENSE.txt", "vendor/leaflet/LICENSE")
# Material's default fonts come from Google Fonts: a request outside the site.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
PANELS_PLACEHOLDER = '<div class="bf-panels-placeholder"></div>'
SITEMAP_PLACEHOLDER = '<div class="bf-sitemap-placeholder"></div>'


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Annotated briefings: tooltips, map and timeline on every article page."""

    def __init__(self) -> None:
        self.root = Path(".")
        self.glossary = None
        self.glossary_file: Path | None = None
        self.seed_sources: dict[str, Source] = {}  # page URI -> the seed it was made from
        self.briefings: dict[str, BriefingRef] = {}  # by page src_uri
        self.entity_uris: set[str] = set()
        self.files: Files | None = None

    # ------------------------------------------------------------------ config

    @event_priority(50)
    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.glossary = None
        self.glossary_file = self.root / self.config.glossary if self.config.glossary else None
        if self.glossary_file:
            from .entities import GlossaryError, load_glossary

            try:
                self.glossary = load_glossary(self.glossary_file)
            except GlossaryError as e:
                raise PluginError(str(e)) from None
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
        if self.config.enabled:
            seeds = self.root / self.config.seeds_dir
            if seeds.is_dir():
                server.watch(str(seeds))
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
        annotations = self._annotate([e.job for e in entries])
        chain = self._geocoders()
        self.briefings = {}
        for e in entries:
            ann = chain.resolve(annotations[e.uri]) if chain else annotations[e.uri]
            d = ann.document
            self.briefings[e.uri] = BriefingRef(e.uri, d.title or e.uri, d.section, d.date, ann)
        if chain:
            for warning in chain.warnings:
                log.warning(warning)
            if chain.cache.problem:
                log.warning(chain.cache.problem)
            chain.cache.save()
        self._report_undated()
        self._site_pages(files, config)
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

    def _geocoders(self):
        """The online part of the geocoding chain, or None when only the gazetteer is configured."""
        from .geo.geocoders import Chain, GeocoderConfigError

        if all(g == "gazetteer" for g in self.config.geocoders):
            return None
        cache = self.config.geocode_cache or f"{self.config.seeds_dir}/geocode-cache.yml"
        try:
            return Chain.from_config(self.config.geocoders, self.root / cache, self.config.user_agent)
        except GeocoderConfigError as e:
            raise PluginError(f"mkdocs.yml: {e}") from None

    def _url(self, uri: str, page) -> str:
        """Link from ``page`` to the page built from ``uri``, relative (works from file://)."""
        f = self.files.get_file_from_path(uri) if self.files else None
        return get_relative_url(f.url if f else uri, page.url)

    def _add_assets(self, files: Files, config) -> None:
        assets = Path(__file__).parent / "assets"
        for name in CSS + JS + VENDOR:
            if name == "briefing.css":  # the map's own rules travel with its renderer
                from .render.mapsvg import MAP_CSS

                css = (assets / name).read_text(encoding="utf-8") + "\n" + MAP_CSS
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=css))
            elif name == "basemap.js":  # generated from basemap.json, the static maps' own data
                from .render.basemapjs import basemap_script

                files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=basemap_script()))
            else:
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(assets / name)))

    def _entries(self, files: Files, config) -> list[Entry]:
        """Seeds (added as generated pages) and Markdown pages that are briefings."""
        seeds = seed_entries(
            self.root, self.config.seeds_dir, self.config.briefings_dir, self.config.snapshots,
            self.config.date_fallback,
        )
        self.seed_sources = {}
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
            files.append(File.generated(config, e.uri, content=front + e.source.body))
            self.seed_sources[e.uri] = e.source
        return seeds + page_entries(Path(config.docs_dir), docs_pages(files), self.config.snapshots)

    def _annotate(self, jobs: list[Job]) -> dict[str, Annotations]:
        strict = self.config.strict
        workers = self.config.jobs or batch.default_workers()
        result = batch.run(jobs, self.glossary, self.glossary_file, workers=workers, write=not strict)
        for problem in result.problems:
            log.warning(problem)
        if strict and result.stale:
            raise PluginError(
                "stale annotation snapshots (refresh them with a non-strict build or "
                f"`briefing annotate --write`): {', '.join(sorted(result.stale))}"
            )
        if jobs:
            log.info(result.summary())
        return result.annotations

    def _site_pages(self, files: Files, config) -> None:
        """Entity pages (not in the navigation), the entity index, the site map and timeline."""
        from .render import sitepages

        refs = sorted(self.briefings.values(), key=lambda b: b.uri)
        self.entity_uris = set()
        if self.config.entity_pages:
            entities = sitepages.collect_entities(refs)
            for ent in entities:
                files.append(
                    File.generated(
                        config,
                        ent.uri,
                        content=sitepages.entity_page(ent),
                        inclusion=InclusionLevel.NOT_IN_NAV,
                    )
                )
                self.entity_uris.add(ent.uri)
            files.append(
                File.generated(config, "entities/index.md", content=sitepages.entity_index(entities))
            )
        if self.config.site_pages and refs:
            n_places = len({p.entity for b in refs for p in b.annotations.places})
            files.append(
                File.generated(
                    config, "map.md", content=sitepages.map_page(n_places, len(refs), SITEMAP_PLACEHOLDER)
                )
            )
            files.append(File.generated(config, "timeline.md", content=sitepages.timeline_page(refs)))

    # ------------------------------------------------------------------ pages

    def _is_briefing(self, page) -> bool:
        return page.file.src_uri in self.briefings

    def _source(self, markdown: str, page) -> Source:
        """The page's document: seeds from their file (same text as the CLI), pages from Markdown."""
        if page.file.src_uri in self.seed_sources:
            source = self.seed_sources[page.file.src_uri]  # read once, in on_files
            text, segments, _ = markdown_text(markdown)
            if text != source.document.text:  # offsets would point elsewhere: wrap nothing
                log.warning(f"{source.document.path}: the page's text differs from the seed; no tooltips")
                segments = []
            source.body, source.segments = markdown, segments
            return source
        meta = check_meta(dict(page.meta or {}), page.file.src_path)
        front = "---\n" + yaml.safe_dump(meta, sort_keys=True) + "---\n" if meta else ""
        return read_markdown(page.file.src_path, front + markdown)

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled or not self._is_briefing(page):
            return markdown
        from .render.timeline import event_anchor
        from .render.tooltips import wrap_mentions

        try:
            source = self._source(markdown, page)
        except SourceError as e:
            raise PluginError(str(e)) from None
        ref = self.briefings[page.file.src_uri]
        if ref.annotations.text != source.document.text:
            # Another plugin changed the Markdown since we read the file: annotate what MkDocs renders.
            from .pipeline import annotate_document

            ref.annotations = annotate_document(source.document, self.glossary)
        ann = ref.annotations
        self._check_places(ann, page)
        if "description" not in page.meta:  # Material prints it unescaped in <meta content="...">
            page.meta["bf_summary"] = summary_of(ann)
            page.meta["description"] = html.escape(page.meta["bf_summary"], quote=True)
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

    def _entity_urls(self, page, ann: Annotations) -> dict[str, str]:
        uris = {e.id: f"entities/{e.id}.md" for e in ann.entities}
        return {eid: self._url(uri, page) for eid, uri in uris.items() if uri in self.entity_uris}

    def on_page_content(self, html_text: str, *, page, config, files):
        if not self.config.enabled:
            return html_text
        if SITEMAP_PLACEHOLDER in html_text:
            return html_text.replace(SITEMAP_PLACEHOLDER, self._site_map(page), 1)
        if not self._is_briefing(page):
            return html_text
        from .render.page import render_meta, render_panels

        b = self.briefings[page.file.src_uri]
        panels = render_panels(
            b.annotations,
            linked=page.meta.get("bf_linked", set()),
            entity_urls=self._entity_urls(page, b.annotations),
            tiles=self.config.map_tiles,
        )
        if page.present_anchor_ids is not None:  # links to #bf-ev-... from other pages are valid
            page.present_anchor_ids.update(re.findall(r'\sid="([^"]+)"', panels))
        return render_meta(b.annotations) + html_text.replace(PANELS_PLACEHOLDER, panels, 1)

    def _site_map(self, page) -> str:
        from .render.page import render_site_map

        places = []
        for b in sorted(self.briefings.values(), key=lambda b: (b.date or "", b.uri), reverse=True):
            url = self._url(b.uri, page)
            for p in b.annotations.places:
                places.append((p, b.title, url))
        return render_site_map(places, tiles=self.config.map_tiles)

    def on_post_page(self, output: str, *, page, config):
        """Open Graph tags, so that shared links show the headline and the article's lead."""
        if not self.config.enabled or "</head>" not in output:
            return output
        from .render.page import open_graph

        ref = self.briefings.get(page.file.src_uri)
        return output.replace("</head>", open_graph(page, config, ref) + "</head>", 1)

    @event_priority(-50)
    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or page.content is None or self.config.index_marker not in page.content:
            return context
        page.content = page.content.replace(self.config.index_marker, self._index_html(page), 1)
        return context

    def _index_html(self, page) -> str:
        """Briefings by section, newest first; undated ones last."""
        from .render.page import render_index

        return render_index([(b, self._url(b.uri, page)) for b in self.briefings.values()])


def summary_of(ann: Annotations, limit: int = 200) -> str:
    """The article's first sentence (after the headline), cut at a word boundary."""
    from .render.sitepages import sentence_around

    text = ann.text
    start = text.find("\n") + 1 if ann.document.title else 0
    s, e = sentence_around(text, start, start)
    lead = " ".join(text[s:e].split())
    return lead if len(lead) <= limit else lead[: limit - 1].rsplit(" ", 1)[0] + "…"


__all__ = ["BriefingPlugin", "is_briefing_meta"]
