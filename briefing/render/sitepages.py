"""Site-wide pages: every entity across briefings, the entity index, the site map and timeline.

They are generated as Markdown (so MkDocs checks their links and the search
plugin indexes them) from all briefings' annotations, in one pass: the cost
grows with the number of mentions, never with briefings x entities. Text
from articles is escaped with ``escape_markdown`` (inline syntax, ``{}`` for
attr_list, HTML characters) before it becomes Markdown.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Annotations, Entity
from ..sources import escape_markdown
from .timeline import Reported, entity_timeline_markdown, site_timeline_markdown
from .tooltips import TYPE_LABELS

TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER")
TYPE_HEADINGS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities and states",
    "LOC": "Places",
    "FAC": "Buildings and facilities",
    "NORP": "Nationalities and groups",
    "EVENT": "Events",
    "PRODUCT": "Products",
    "OTHER": "Other",
}
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")


@dataclass
class BriefingRef:
    """A briefing as site-wide pages see it."""

    uri: str  # Markdown source URI in the site, e.g. briefings/foo.md
    title: str
    section: str | None
    date: str | None
    annotations: Annotations


@dataclass
class Appearance:
    briefing: BriefingRef
    entity: Entity
    sentence: tuple[int, int]
    mention: tuple[int, int]


@dataclass
class SiteEntity:
    """One identity across the site (merged by id), with where it appears."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    link: str | None = None
    mentions: int = 0
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"entities/{self.id}.md"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds text[start:end] (a cheap splitter: good enough for quoting)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() if m else len(text)
    return left, right


def collect_entities(briefings: list[BriefingRef]) -> list[SiteEntity]:
    """Entities of all briefings merged by id; names and types by majority, sorted by id."""
    merged: dict[str, SiteEntity] = {}
    names: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    for b in sorted(briefings, key=lambda b: b.uri):
        for e in b.annotations.entities:
            site = merged.setdefault(e.id, SiteEntity(id=e.id, name=e.name, type=e.type))
            names.setdefault(e.id, Counter())[e.name] += len(e.mentions)
            types.setdefault(e.id, Counter())[e.type] += len(e.mentions)
            site.aliases = sorted(set(site.aliases) | set(e.aliases))
            site.description = site.description or e.description
            site.link = site.link or e.link
            site.mentions += len(e.mentions)
            if e.mentions:
                first = e.mentions[0]
                body_start = b.annotations.text.find("\n") + 1 if b.annotations.document.title else 0
                first = next((m for m in e.mentions if m.start >= body_start), first)
                site.appearances.append(
                    Appearance(
                        b,
                        e,
                        sentence_around(b.annotations.text, first.start, first.end),
                        (first.start, first.end),
                    )
                )
    for eid, site in merged.items():
        site.name = min(names[eid].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        site.type = min(types[eid].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        site.aliases = [a for a in site.aliases if a != site.name]
    return [merged[k] for k in sorted(merged)]


def rel(target_uri: str, from_uri: str) -> str:
    """Relative Markdown link between two source URIs (MkDocs turns it into the right URL)."""
    return posixpath.relpath(target_uri, posixpath.dirname(from_uri) or ".")


def _quote(text: str, sentence: tuple[int, int], mention: tuple[int, int]) -> str:
    s, e = sentence
    ms, me = mention
    before, inside, after = text[s:ms], text[ms:me], text[me:e]
    return (
        escape_markdown(before.strip("\n"))
        + "**"
        + escape_markdown(inside)
        + "**"
        + escape_markdown(after.strip("\n"))
    )


def _when(b: BriefingRef) -> str:
    bits = [b.date or "undated"] + ([b.section] if b.section else [])
    return escape_markdown(" · ".join(bits))


def entity_page(site: SiteEntity) -> str:
    """Markdown of one entity's page: what it is, then every briefing that mentions it."""
    n_b = len({a.briefing.uri for a in site.appearances})
    meta = [TYPE_LABELS.get(site.type, site.type)]
    if site.aliases:
        meta.append("also " + ", ".join(site.aliases))
    meta.append(
        f"{site.mentions} mention{'s' if site.mentions != 1 else ''} in {n_b} "
        f"briefing{'s' if n_b != 1 else ''}"
    )
    lines = [
        "---",
        f"title: {_yaml_str(site.name)}",
        "---",
        "",
        f"# {escape_markdown(site.name)}",
        "",
        escape_markdown(" · ".join(meta)),
        "",
    ]
    if site.description:
        lines += [escape_markdown(site.description), ""]
    if site.link and re.match(r"https?://", site.link):
        lines += [f"[More about {escape_markdown(site.name)}](<{site.link.replace('>', '%3E')}>)", ""]
    events = [Reported(a.briefing.uri, a.briefing.title, ev) for a in site.appearances
              for ev in a.briefing.annotations.events if site.id in ev.entities]
    if events:
        lines += ["## Timeline", ""] + entity_timeline_markdown(events, site.uri) + [""]
    lines += ["## Briefings", ""]
    for a in sorted(site.appearances, key=lambda a: (a.briefing.date or "", a.briefing.uri), reverse=True):
        b = a.briefing
        lines.append(f"- [{escape_markdown(b.title)}]({rel(b.uri, site.uri)}) — {_when(b)}")
        lines.append("")
        lines.append("    > " + _quote(b.annotations.text, a.sentence, a.mention))
        lines.append("")
    lines += ["", f"[All entities]({rel('entities/index.md', site.uri)})", ""]
    return "\n".join(lines)


def entity_index(entities: list[SiteEntity]) -> str:
    """Markdown of the index: entities by type, most mentioned first."""
    lines = [
        "---",
        "title: Entities",
        "---",
        "",
        "# Entities",
        "",
        f"{len(entities)} people, organisations and places named in the briefings.",
        "",
    ]
    by_type: dict[str, list[SiteEntity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for t in sorted(by_type, key=lambda t: TYPE_ORDER.index(t) if t in TYPE_ORDER else 99):
        lines += [f"## {TYPE_HEADINGS.get(t, t)}", ""]
        for e in sorted(by_type[t], key=lambda e: (-e.mentions, e.name.casefold())):
            aka = f" (also {escape_markdown(', '.join(e.aliases))})" if e.aliases else ""
            lines.append(
                f"- [{escape_markdown(e.name)}]({rel(e.uri, 'entities/index.md')}){aka} — "
                f"{e.mentions} mention{'s' if e.mentions != 1 else ''}"
            )
        lines.append("")
    return "\n".join(lines)


def timeline_page(briefings: list[BriefingRef], page_uri: str = "timeline.md") -> str:
    """Markdown of the site-wide timeline: dated events of all briefings, under their periods."""
    items = [Reported(b.uri, b.title, ev) for b in briefings for ev in b.annotations.events if ev.earliest]
    lines = [
        "---",
        "title: Timeline",
        "---",
        "",
        "# Timeline",
        "",
        f"{plural(len(items), 'dated event')} reported in {plural(len(briefings), 'briefing')}, "
        "earliest first.",
        "",
    ]
    lines += site_timeline_markdown(items, page_uri)
    return "\n".join(lines)


def plural(n: int, word: str) -> str:
    """'1 briefing', '2 briefings'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def map_page(n_places: int, n_briefings: int, placeholder: str) -> str:
    """Markdown of the site map; the map itself replaces ``placeholder`` in the HTML."""
    summary = f"{plural(n_places, 'place')} mentioned in {plural(n_briefings, 'briefing')}."
    return "\n".join(["---", "title: Map", "---", "", "# Map", "", summary, "", placeholder, ""])


def safe_title(text: str) -> str:
    """Plain text as a page title that MkDocs and Material print raw (navigation, ``<title>``).

    Escaped for HTML; and since Material's ``striptags`` filter unescapes it
    again inside ``<title>``, a ``</`` is broken with a zero-width space so it
    can never close that element.
    """
    return html.escape(text.replace("</", "<\u200b/"), quote=True)


def _yaml_str(value: str) -> str:
    import json

    return json.dumps(safe_title(value), ensure_ascii=False)
