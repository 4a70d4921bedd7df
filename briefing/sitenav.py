"""The site's navigation: its own pages first, then Sections, Archive, Map, Timeline, Entities.

It does not grow with the archive: briefings are reached from the lists (sections, months,
entities), not from a sidebar of every headline, which Material would render into every page
(a build O(pages x articles) in time and bytes). With a ``nav`` written in mkdocs.yml, the
generated pages it does not mention are added at its end.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page

from .render import sitepages
from .structure import Site


def assemble(nav: Navigation, files: Files, nav_uris: list[str], site: Site, *, written: bool) -> Navigation:
    """``nav`` with the generated pages ``nav_uris`` in their places; ``written``: mkdocs.yml has
    a ``nav`` of its own (kept as it is), else MkDocs' folders of generated pages are dropped."""
    ours = {uri: files.get_file_from_path(uri).page for uri in nav_uris}
    mine = {id(p) for p in ours.values()}
    items = list(nav.items) if written else [it for it in nav.items if not _holds_only(it, mine)]
    listed = {id(p) for p in _get_by_type(items, Page)}
    sections = [ours[s.uri] for s in site.sections if s.uri in ours and id(ours[s.uri]) not in listed]
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


def _holds_only(item, pages: set[int]) -> bool:
    """A navigation item made only of generated pages (MkDocs filed them by folder)."""
    if isinstance(item, Page):
        return id(item) in pages
    children = getattr(item, "children", None)
    return bool(children) and all(_holds_only(c, pages) for c in children)
