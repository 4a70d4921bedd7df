"""The MkDocs plugin: configuration and hooks only; the work happens in plain functions.

- ``on_files``: every seed becomes a generated Markdown page; assets are added.
- ``on_page_markdown``: briefing pages are annotated and their mentions wrapped.
- ``on_page_content``: the map and timeline panels replace a placeholder.
- ``on_page_context``: the home page's list of briefings (all pages are known by then).
- ``on_serve``: ``mkdocs serve`` also watches the seeds and the glossary.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import batch
from .batch import Job
from .config import BriefingConfig
from .model import Annotations
from .site import is_briefing_meta, page_entries, seed_entries
from .snapshots import SUFFIX
from .sources import Source, SourceError, check_meta, markdown_text, read_markdown, read_seed

log = get_plugin_logger(__name__)

ASSETS = ("briefing.css", "briefing.js", "vendor/iframe-worker-shim.js", "vendor/iframe-worker-LICENSE.txt")
# Material's default fonts come from Google Fonts: a request outside the site.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
ASSET_DIR = "assets/briefing"
PANELS_PLACEHOLDER = '<div class="bf-panels-placeholder"></div>'


@dataclass
class Briefing:
    """One annotated page, remembered for the site-wide listings."""

    url: str
    title: str
    section: str | None
    date: str | None
    annotations: Annotations


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Annotated briefings: tooltips, map and timeline on every article page."""

    def __init__(self) -> None:
        self.seed_sources: dict[str, Path] = {}
        self.briefings: dict[str, Briefing] = {}
        self.glossary = None
        self.glossary_file: Path | None = None
        self.annotations: dict[str, Annotations] = {}
        self.root = Path(".")

    # ------------------------------------------------------------------ config and files

    @event_priority(50)
    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.glossary = None
        self.glossary_file = self.root / self.config.glossary if self.config.glossary else None
        if self.config.glossary:
            from .entities import GlossaryError, load_glossary

            try:
                self.glossary = load_glossary(self.root / self.config.glossary)
            except GlossaryError as e:
                raise PluginError(str(e)) from None
        # Ours first, so that the site's own extra_css wins.
        config.extra_css.insert(0, f"{ASSET_DIR}/briefing.css")
        config.extra_javascript.append(f"{ASSET_DIR}/briefing.js")
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

    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        assets = Path(__file__).parent / "assets"
        for name in ASSETS:
            if name == "briefing.css":  # the map's own rules travel with its renderer
                from .render.mapsvg import MAP_CSS

                css = (assets / name).read_text(encoding="utf-8") + "\n" + MAP_CSS
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=css))
            else:
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(assets / name)))
        for f in [f for f in files if f.src_uri.endswith(SUFFIX)]:
            files.remove(f)  # snapshots of docs pages are data, not site content
        self.seed_sources, self.briefings = {}, {}
        jobs: list[Job] = []
        try:
            jobs += self._seed_jobs(files, config)
            jobs += self._page_jobs(files, config)
        except SourceError as e:
            raise PluginError(str(e)) from None
        self.annotations = self._annotate(jobs)
        return files

    def _seed_jobs(self, files: Files, config) -> list[Job]:
        """Every seed becomes a generated Markdown page under ``briefings_dir``."""
        entries = seed_entries(
            self.root, self.config.seeds_dir, self.config.briefings_dir, self.config.snapshots
        )
        for e in entries:
            d = e.source.document
            meta = {"title": d.title, "section": d.section, "briefing": True, "source": d.path}
            front = "---\n" + yaml.safe_dump(meta, sort_keys=True, allow_unicode=True) + "---\n\n"
            files.append(File.generated(config, e.uri, content=front + e.source.body))
            self.seed_sources[e.uri] = e.seed
        return [e.job for e in entries]

    def _page_jobs(self, files: Files, config) -> list[Job]:
        """Markdown pages whose front matter makes them briefings."""
        pages = [
            (f.src_uri, f.abs_src_path)
            for f in files.documentation_pages()
            if f.src_uri not in self.seed_sources and f.abs_src_path
        ]
        return [e.job for e in page_entries(Path(config.docs_dir), pages, self.config.snapshots)]

    def _annotate(self, jobs: list[Job]) -> dict:
        strict = self.config.strict
        result = batch.run(
            jobs,
            self.glossary,
            self.glossary_file,
            workers=self.config.jobs or batch.default_workers(),
            write=not strict,
        )
        for problem in result.problems:
            log.warning(problem)
        if strict and result.stale:
            raise PluginError(
                "stale annotation snapshots (run `mkdocs build` without strict or "
                f"`briefing annotate --write`): {', '.join(sorted(result.stale))}"
            )
        if jobs:
            log.info(result.summary())
        return result.annotations

    def on_serve(self, server, *, config, builder):
        if self.config.enabled:
            seeds = self.root / self.config.seeds_dir
            if seeds.is_dir():
                server.watch(str(seeds))
            if self.config.glossary:
                server.watch(str(self.root / self.config.glossary))
        return server

    # ------------------------------------------------------------------ pages

    def _is_briefing(self, page) -> bool:
        return page.file.src_uri in self.seed_sources or is_briefing_meta(page.meta or {})

    def _source(self, markdown: str, page) -> Source:
        """The page's document: seeds from their file (same text as the CLI), pages from Markdown."""
        if page.file.src_uri in self.seed_sources:
            source = read_seed(self.seed_sources[page.file.src_uri])
            _, segments, _ = markdown_text(markdown)
            source.body, source.segments = markdown, segments
            return source
        name = page.file.src_path
        meta = check_meta(dict(page.meta or {}), name)
        front = "---\n" + yaml.safe_dump(meta, sort_keys=True) + "---\n" if meta else ""
        source = read_markdown(name, front + markdown)
        return source

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled or not self._is_briefing(page):
            return markdown
        from .pipeline import annotate_document
        from .render.timeline import event_anchor
        from .render.tooltips import wrap_mentions

        try:
            source = self._source(markdown, page)
        except SourceError as e:
            raise PluginError(str(e)) from None
        ann = self.annotations.get(page.file.src_uri)
        if ann is None or ann.text != source.document.text:
            # Another plugin changed the Markdown since we read the file: annotate what MkDocs renders.
            ann = annotate_document(source.document, self.glossary)
        self._check_places(ann, page)
        anchors = {ev.sentence[0]: event_anchor(ev) for ev in ann.events}
        wrapped = wrap_mentions(source.body, source.segments, ann, self.config.tooltips, anchors)
        linked = {ev.id for ev in ann.events if f'id="{event_anchor(ev)}"' in wrapped}
        page.meta["bf_linked"] = linked
        d = ann.document
        self.briefings[page.file.src_uri] = Briefing(
            page.file.url, d.title or page.title or "", d.section, d.date, ann
        )
        return wrapped + "\n\n" + PANELS_PLACEHOLDER + "\n"

    def _check_places(self, ann: Annotations, page) -> None:
        """Places the map cannot show: a warning, or an error with ``strict``."""
        placed = {p.entity for p in ann.places}
        missing = sorted(e.name for e in ann.entities if e.type in ("GPE", "LOC") and e.id not in placed)
        if missing:
            message = f"{page.file.src_uri}: unresolved places: {', '.join(missing)}"
            if self.config.strict:
                raise PluginError(message + " (add coordinates to the glossary)")
            log.info(message)

    def on_page_content(self, html_text: str, *, page, config, files):
        if not self.config.enabled or page.file.src_uri not in self.briefings:
            return html_text
        from .render.page import render_panels

        b = self.briefings[page.file.src_uri]
        meta = ['<p class="bf-meta">']
        if b.section:
            meta.append(f'<span class="bf-section">{html.escape(b.section)}</span>')
        if b.date:
            inferred = b.annotations.document.date_source == "inferred"
            meta.append(
                f'<time datetime="{html.escape(b.date)}">{html.escape(b.date)}</time>'
                + (
                    ' <span class="bf-inferred" title="No date was given; inferred from the text">'
                    "(date inferred)</span>"
                    if inferred
                    else ""
                )
            )
        meta.append("</p>")
        panels = render_panels(b.annotations, linked=page.meta.get("bf_linked", set()))
        html_text = html_text.replace(PANELS_PLACEHOLDER, panels, 1)
        return "".join(meta) + html_text

    @event_priority(-50)
    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or page.content is None or self.config.index_marker not in page.content:
            return context
        page.content = page.content.replace(self.config.index_marker, self._index_html(page), 1)
        return context

    def _index_html(self, page) -> str:
        """Briefings by section, newest first; undated ones last."""
        if not self.briefings:
            return '<p class="bf-empty">No briefings yet: add articles to the seeds folder.</p>'
        by_section: dict[str, list[Briefing]] = {}
        for b in self.briefings.values():
            by_section.setdefault(b.section or "Other", []).append(b)
        out = ['<div class="bf-index">']
        for section in sorted(by_section):
            items = sorted(by_section[section], key=lambda b: b.title)
            items.sort(key=lambda b: b.date or "", reverse=True)  # stable: titles stay sorted per date
            out.append(f'<h2>{html.escape(section)}</h2><ul class="bf-index-list">')
            for b in items:
                href = get_relative_url(b.url, page.url)
                stamp = (
                    f'<time datetime="{html.escape(b.date)}">{html.escape(b.date)}</time> ' if b.date else ""
                )
                n_ent, n_pl = len(b.annotations.entities), len(b.annotations.places)
                n_ev = sum(1 for ev in b.annotations.events if ev.earliest)
                out.append(
                    f'<li>{stamp}<a href="{html.escape(href)}">{html.escape(b.title)}</a> '
                    f'<span class="bf-index-stats">{n_ent} entities · {n_pl} places · '
                    f"{n_ev} dated events</span></li>"
                )
            out.append("</ul>")
        out.append("</div>")
        return "".join(out)
