"""The briefings' own pages: their files in MkDocs, their Markdown with tooltips, their HTML panels.

A seed (plain text) becomes a generated page whose body is a placeholder: its paragraphs, with
their tooltips, are made directly as HTML (``seed_body``), since plain text needs no Markdown.
A Markdown briefing keeps its file; its mentions are wrapped in tooltips in the Markdown MkDocs
renders. Every briefing page then gets its metadata under the headline and its panels (map,
timeline, data, links to other briefings); the panels join the page after search has indexed it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .articles import Entry, docs_pages, page_entries, seed_entries
from .markup import escape_markdown
from .model import MAPPED_TYPES, Annotations
from .render import listings
from .siteconfig import apply_coverage, coverage_of
from .sources import Source, SourceError, check_meta, read_markdown
from .structure import BriefingRef, Site, lead, more_on, neighbours

log = get_plugin_logger(__name__)

PANELS_PLACEHOLDER = '<div class="bf-panels-placeholder"></div>'
SEED_BODY = '<div class="bf-seed-placeholder"></div>'


def dest_uri(uri: str, directory_urls: bool) -> str:
    """The HTML file MkDocs writes for the page ``uri`` (``a/b.md``): ``a/b.html`` or ``a/b/index.html``."""
    stem = uri.removesuffix(".md")
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def add_files(root: Path, options: Any, files: Files, config) -> tuple[list[Entry], dict[str, Source]]:
    """Seeds (added as generated pages) and Markdown pages that are briefings; with the seeds'
    sources by page URI. SourceError (one line) for a seed whose page clashes with a file."""
    from .render.sitepages import safe_title

    opts = options
    seeds = seed_entries(root, opts.seeds_dir, opts.briefings_dir, opts.snapshots, opts.date_fallback)
    seed_sources: dict[str, Source] = {}
    inclusion = InclusionLevel.INCLUDED if options.nav_briefings else InclusionLevel.NOT_IN_NAV
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
        seed_sources[e.uri] = e.source
    pages = page_entries(Path(config.docs_dir), docs_pages(files), options.snapshots)
    for e in pages:
        f = files.get_file_from_path(e.uri)
        if f is None:
            continue
        if not options.nav_briefings and f.inclusion.is_in_nav():
            f.inclusion = InclusionLevel.NOT_IN_NAV  # briefings are reached from the lists, like seeds
        if e.job.page != e.uri:  # front matter 'slug': published beside its file under that name
            f.dest_uri = dest_uri(e.job.page, config.use_directory_urls)
            f.__dict__.pop("url", None)
    return apply_coverage(seeds + pages, options), seed_sources


def _source(markdown: str, page) -> Source:
    """A Markdown briefing's document, from the Markdown MkDocs renders (front matter included)."""
    meta = check_meta(dict(page.meta or {}), page.file.src_path)
    front = "---\n" + yaml.safe_dump(meta, sort_keys=True) + "---\n" if meta else ""
    return read_markdown(page.file.src_path, front + markdown)


def page_markdown(markdown: str, page, ref: BriefingRef, *, seed: bool, glossary: Any, options: Any) -> str:
    """A briefing page's Markdown: mentions wrapped in tooltips (not a seed's: its HTML comes
    later), the panels' placeholder at the end; the page's summary in its metadata."""
    from .render.timeline import event_anchor, sentence_anchors
    from .render.tooltips import wrap_mentions

    if not seed:
        try:
            source = _source(markdown, page)
        except SourceError as e:
            raise PluginError(str(e)) from None
        if ref.annotations.text != source.document.text:
            # Another plugin changed the Markdown since we read the file: annotate what MkDocs renders.
            from .pipeline import annotate_document

            source.document.coverage = coverage_of(options)
            ref.annotations = annotate_document(source.document, glossary)
    ann = ref.annotations
    _check_places(ann, page, options.strict, options.glossary)
    if "description" not in page.meta:  # Material prints it unescaped in <meta content="...">
        page.meta["bf_summary"] = lead(ann)
        page.meta["description"] = html.escape(page.meta["bf_summary"], quote=True)
    if seed:  # plain text: its HTML is made directly, in on_page_content
        return markdown + "\n\n" + PANELS_PLACEHOLDER + "\n"
    anchors = sentence_anchors(ann)
    wrapped = wrap_mentions(source.body, source.segments, ann, options.tooltips, anchors)
    page.meta["bf_linked"] = {ev.id for ev in ann.events if f'id="{event_anchor(ev)}"' in wrapped}
    return wrapped + "\n\n" + PANELS_PLACEHOLDER + "\n"


def _check_places(ann: Annotations, page, strict: bool, glossary: str | None = None) -> None:
    """Places the map cannot show: a note, or an error with ``strict``."""
    placed = {p.entity for p in ann.places}
    missing = sorted({e.name for e in ann.entities if e.type in MAPPED_TYPES and e.id not in placed})
    if missing:
        if strict:
            raise PluginError(unresolved_message(page.file.src_uri, missing, glossary))
        log.info(f"{page.file.src_uri}: unresolved places: {', '.join(missing)}")


def unresolved_message(src: str, missing: list[str], glossary: str | None) -> str:
    """The strict build's error for places no gazetteer or geocoder placed, with the fix to paste.

    A small river or a new estate is often unknown to the embedded gazetteer: the editor gives it
    coordinates once in the glossary and every briefing naming it is mapped; a name that is no
    place at all goes under ``suppress:``. The line is ready to paste, the name quoted as YAML needs.
    """
    from .checklist import glossary_line

    where = f"the glossary ({glossary})" if glossary else "a glossary (the plugin's glossary: option)"
    example = glossary_line({"name": missing[0], "coordinates": ["LAT", "LON"]})
    return (f"{src}: unresolved places: {', '.join(missing)}. strict: true needs every place on the map: "
            f"under entities: in {where}, give each its latitude and longitude, e.g. {example}; "
            "or, if it is no place, list it under suppress:")


def page_content(
    html_text: str,
    page,
    ref: BriefingRef,
    site: Site,
    url: Callable[[str], str],
    *,
    seed: bool,
    options: Any,
    tiles: dict | None,
) -> tuple[str, str]:
    """A briefing page's HTML with its metadata under the headline (and a seed's paragraphs),
    and its panels, which ``on_post_page`` puts in place once search has indexed the page."""
    from .render.page import render_meta, render_panels

    if seed:
        html_text = seed_body(html_text, page, ref.annotations, options.tooltips)
    entity_urls = {
        e.id: url(se.uri)
        for e in ref.annotations.entities
        if (se := site.entities.get(e.id)) is not None and se.has_page
    }
    panels = render_panels(
        ref.annotations,
        linked=page.meta.get("bf_linked", set()),
        entity_urls=entity_urls,
        tiles=tiles,
    )
    if options.site_pages:
        older, newer = neighbours(site, ref)
        panels += listings.article_footer(site, ref, url, more_on(site, ref), older, newer)
    if page.present_anchor_ids is not None:  # links to #bf-ev-... from other pages are valid
        page.present_anchor_ids.update(re.findall(r'\sid="([^"]+)"', panels))
    sec = site.section_of.get(page.file.src_uri) if options.site_pages else None
    meta = render_meta(ref.annotations, url(sec.uri) if sec else None)
    # Metadata right under the headline, whether the page has its own h1 or Material adds it.
    head = html_text.find("</h1>")
    if head >= 0:
        return html_text[: head + 5] + meta + html_text[head + 5 :], panels
    return meta + html_text, panels


def seed_body(html_text: str, page, ann: Annotations, tooltips: Any) -> str:
    """A seed's paragraphs, with their tooltips, where its page holds the placeholder."""
    from .render.timeline import event_anchor, sentence_anchors
    from .render.tooltips import plain_text_html

    if SEED_BODY not in html_text:  # another plugin rewrote the page: leave it as it is
        log.warning(f"{page.file.src_uri}: the seed's text placeholder is gone; no tooltips")
        return html_text
    anchors = sentence_anchors(ann)
    body = plain_text_html(ann, tooltips, anchors)
    page.meta["bf_linked"] = {ev.id for ev in ann.events if f'id="{event_anchor(ev)}"' in body}
    return html_text.replace(SEED_BODY, body, 1)
