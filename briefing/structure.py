"""The shape of a news site of briefings: sections, a monthly archive, paginated lists, entity
pages and the links between briefings. Plain data, computed once per build, no MkDocs.

Why a structure of its own: Material renders the whole navigation into every
page, so a navigation that lists every briefing makes a site O(briefings x
pages) in time and bytes. Here no generated page carries a list that grows
with the archive unless it is paginated: briefings are reached from the home
page, one index per section and an archive by month (``page_size`` per page),
and from each other (previous/next in the section, "more on" the entities
they share). The cost of everything below is linear in the number of
mentions.
"""

from __future__ import annotations

import math
import posixpath
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .identity import renamed, site_ids
from .model import Annotations, Entity, Event
from .slugs import slug_or_hash
from .temporal.dateline import find_dateline
from .temporal.timex import parse

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")


@dataclass
class BriefingRef:
    """A briefing as site-wide pages see it."""

    uri: str  # Markdown source URI in the site, e.g. briefings/foo.md
    title: str
    section: str | None
    date: str | None
    annotations: Annotations
    description: str | None = None  # the author's own summary (front matter), read fresh every build

    @property
    def summary(self) -> str:
        """What lists and feeds say of the briefing: the author's description, else its lead."""
        return self.description or lead(self.annotations)

    @property
    def month(self) -> str | None:
        """``YYYY-MM`` of its date, the archive page it belongs to."""
        return self.date[:7] if self.date else None


@dataclass
class Appearance:
    """Where an entity is named in one briefing: the sentence that quotes it first."""

    briefing: BriefingRef
    entity: Entity
    sentence: tuple[int, int]
    mention: tuple[int, int]


@dataclass
class SiteEntity:
    """One identity across the site (``identity.site_ids``: same place, or same name and kind),
    with where it appears, newest briefing first."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    link: str | None = None
    mentions: int = 0
    glossary: bool = False
    appearances: list[Appearance] = field(default_factory=list)
    has_page: bool = False
    _position: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def uri(self) -> str:
        return f"entities/{self.id}.md"

    @property
    def position(self) -> dict[str, int]:
        """Briefing URI -> index of its appearance (built once)."""
        if len(self._position) != len(self.appearances):
            self._position = {a.briefing.uri: i for i, a in enumerate(self.appearances)}
        return self._position

    @property
    def briefings(self) -> int:
        return len(self.appearances)


@dataclass
class Section:
    """Briefings filed under one section name (compared without case), newest first."""

    slug: str
    name: str
    briefings: list[BriefingRef] = field(default_factory=list)
    _position: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def uri(self) -> str:
        return f"sections/{self.slug}.md"

    @property
    def position(self) -> dict[str, int]:
        """Briefing URI -> its index in ``briefings`` (built once)."""
        if len(self._position) != len(self.briefings):
            self._position = {b.uri: i for i, b in enumerate(self.briefings)}
        return self._position


@dataclass
class Site:
    """Everything the site-wide pages and the links between briefings are made from."""

    briefings: list[BriefingRef]  # newest first; undated last
    sections: list[Section]  # by name
    months: dict[str, list[BriefingRef]]  # "YYYY-MM" -> briefings, newest month first
    undated: list[BriefingRef]
    entities: dict[str, SiteEntity]  # by id, sorted by id
    by_uri: dict[str, BriefingRef]
    section_of: dict[str, Section]  # briefing uri -> its section

    def entity_pages(self) -> list[SiteEntity]:
        return [e for e in self.entities.values() if e.has_page]


def event_order(ev: Event) -> tuple:
    """Chronological key of an event on every timeline: days covered, then the clock.

    Within a day, events follow the clock (midnight at the end of its day, "after midnight" at
    its start); events known only to the day follow its clock times, estimates last. Computed
    here rather than by the renderer because it reads the event's TIMEX value.
    """
    minutes = parse(ev.value).minutes if ev.value else None
    if minutes is None:
        minutes = 24 * 60 + (2 if ev.approximate else 1)
    return (ev.earliest or "9999", ev.latest or "9999", minutes)


def newest_first(refs: list[BriefingRef]) -> list[BriefingRef]:
    """Dated briefings newest first (title, then URI, break ties), then undated ones by title."""
    ordered = sorted(refs, key=lambda b: (b.title.casefold(), b.uri))
    dated = sorted((b for b in ordered if b.date), key=lambda b: b.date or "", reverse=True)
    return dated + [b for b in ordered if not b.date]


def section_slug(name: str) -> str:
    return slug_or_hash(name.casefold(), "section", max_len=60)


def build_site(refs: list[BriefingRef], min_briefings: int = 2) -> Site:
    """The site's structure from all briefings.

    An entity earns a page of its own when ``min_briefings`` or more
    briefings name it, or when the glossary describes it: a name mentioned
    once is fully explained by its tooltip, and thousands of near-empty
    pages would cost more than the articles themselves. Every other entity
    keeps a stable link target (the briefing that names it).
    """
    ordered = newest_first(refs)
    by_key: dict[str, Section] = {}
    spellings: dict[str, Counter] = {}
    for b in ordered:
        if not b.section:
            continue
        slug = section_slug(b.section)
        by_key.setdefault(slug, Section(slug, b.section)).briefings.append(b)
        spellings.setdefault(slug, Counter())[b.section] += 1
    for slug, sec in by_key.items():  # the spelling most briefings use; ties alphabetical
        sec.name = min(spellings[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    sections = sorted(by_key.values(), key=lambda s: (s.name.casefold(), s.slug))
    months: dict[str, list[BriefingRef]] = {}
    for b in ordered:
        if b.month:
            months.setdefault(b.month, []).append(b)
    ids = site_ids(ordered)  # one identity across briefings (briefing.identity)
    for b in ordered:
        b.annotations = renamed(b.annotations, ids.get(b.uri, {}))
    entities = collect_entities(ordered)
    for e in entities.values():
        e.has_page = e.glossary or e.briefings >= max(1, min_briefings)
    return Site(
        briefings=ordered,
        sections=sections,
        months=dict(sorted(months.items(), reverse=True)),
        undated=[b for b in ordered if not b.date],
        entities=entities,
        by_uri={b.uri: b for b in ordered},
        section_of={b.uri: s for s in sections for b in s.briefings},
    )


# Words after which a full stop does not end a sentence ("Mr. Smith", "U.S. forces", "St. Louis").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sr jr mt ft gen col lt sgt capt gov sen rep rev prof inc corp co ltd vs "
    "jan feb mar apr aug sept sep oct nov dec ave blvd rd".split()
)


def _ends_sentence(text: str, m: re.Match) -> bool:
    """A break the splitter found is real unless the word before it is an abbreviation."""
    if m.group() == "\n":
        return True
    word = re.search(r"([A-Za-z.]+)[.!?…][\"”’)]*$", text[max(0, m.start() - 12) : m.start()])
    if not word or not text[m.start() - 1 : m.start()] == ".":
        return True
    w = word.group(1)
    return not (w.casefold().strip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", w))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds text[start:end] (a cheap splitter: good enough for quoting)."""
    ends, starts = _boundaries(text)
    i = bisect_right(ends, start) - 1  # the last sentence start at or before the span
    j = bisect_left(starts, end)  # the first sentence end at or after it
    return (ends[i] if i >= 0 else 0), (starts[j] if j < len(starts) else len(text))


@lru_cache(maxsize=8)
def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Where sentences start and end, found once per text: pages quote many sentences of one text."""
    found = [m for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)]
    return [m.end() for m in found], [m.start() for m in found]


def collect_entities(briefings: list[BriefingRef]) -> dict[str, SiteEntity]:
    """Entities of all briefings merged by id; names and types by majority; appearances in the
    order of ``briefings`` (newest first)."""
    merged: dict[str, SiteEntity] = {}
    names: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    oldest: dict[str, str] = {}  # the name its oldest briefing uses: ties go to it (it gave the id)
    for b in briefings:
        text = b.annotations.text
        body_start = text.find("\n") + 1 if b.annotations.document.title else 0
        for e in b.annotations.entities:
            site = merged.setdefault(e.id, SiteEntity(id=e.id, name=e.name, type=e.type))
            names.setdefault(e.id, Counter())[e.name] += len(e.mentions)
            oldest[e.id] = e.name
            types.setdefault(e.id, Counter())[e.type] += len(e.mentions)
            # Every briefing's name for it is an alias too (the chosen name is taken out below).
            site.aliases = sorted(set(site.aliases) | set(e.aliases) | {e.name})
            site.description = site.description or e.description
            site.link = site.link or e.link
            site.glossary = site.glossary or e.source == "glossary"
            site.mentions += len(e.mentions)
            if e.mentions:
                first = next((m for m in e.mentions if m.start >= body_start), e.mentions[0])
                site.appearances.append(
                    Appearance(b, e, sentence_around(text, first.start, first.end), (first.start, first.end))
                )
    for eid, site in merged.items():
        site.name = min(names[eid].items(), key=lambda kv: (-kv[1], kv[0] != oldest[eid], kv[0]))[0]
        site.type = min(types[eid].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        site.aliases = [a for a in site.aliases if a != site.name]
    return {k: merged[k] for k in sorted(merged)}


# ----------------------------------------------------------------------------- pagination


@dataclass(frozen=True)
class Pager:
    """Page ``number`` (1-based) of a list split into pages; ``uris[k]`` is page k + 1."""

    number: int
    uris: tuple[str, ...]

    @property
    def uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.uris)


def page_uri(base: str, number: int) -> str:
    """``sections/politics.md`` for page 1, ``sections/politics/page/2.md`` after it."""
    if number == 1:
        return base
    stem = base[: -len("/index.md")] if base.endswith("/index.md") else base.removesuffix(".md")
    return f"{stem}/page/{number}.md"


def paginate(base: str, items: list, size: int) -> list[tuple[Pager, list]]:
    """The pages of a list: at least one (an empty list still has its page)."""
    size = max(1, size)
    count = max(1, math.ceil(len(items) / size))
    uris = tuple(page_uri(base, k) for k in range(1, count + 1))
    return [(Pager(k + 1, uris), items[k * size : (k + 1) * size]) for k in range(count)]


def rel(target_uri: str, from_uri: str) -> str:
    """Relative link between two source URIs (for Markdown that MkDocs resolves)."""
    return posixpath.relpath(target_uri, posixpath.dirname(from_uri) or ".")


# ----------------------------------------------------------------------------- between briefings


def neighbours(site: Site, b: BriefingRef) -> tuple[BriefingRef | None, BriefingRef | None]:
    """(older, newer) briefing in the same section."""
    sec = site.section_of.get(b.uri)
    if sec is None:
        return None, None
    i = sec.position[b.uri]
    older = sec.briefings[i + 1] if i + 1 < len(sec.briefings) else None
    newer = sec.briefings[i - 1] if i > 0 else None
    return older, newer


def more_on(
    site: Site, b: BriefingRef, entities: int = 3, per_entity: int = 3
) -> list[tuple[SiteEntity, list[BriefingRef]]]:
    """Entities this briefing shares with others, each with the other briefings nearest in date.

    Ranked by how much the briefing says about the entity and how rare the
    entity is on the site (mentions x log(briefings / briefings naming it)),
    so that "United States" does not crowd out what the article is about.
    The neighbours are read around the briefing's own place in the entity's
    (date-ordered) appearances, so the cost does not grow with how common
    the entity is.
    """
    total = len(site.briefings)
    ranked = []
    for e in b.annotations.entities:
        se = site.entities.get(e.id)
        if se is None or not se.has_page or se.briefings < 2:
            continue
        score = len(e.mentions) * math.log((total + 1) / se.briefings)
        ranked.append((-score, se.name.casefold(), se.id, se))
    out = []
    for *_, se in sorted(ranked, key=lambda r: r[:3])[:entities]:
        refs = [a.briefing for a in se.appearances]
        i = se.position.get(b.uri, 0)
        near: list[BriefingRef] = []
        lo, hi = i - 1, i + 1
        while len(near) < per_entity and (lo >= 0 or hi < len(refs)):
            if lo >= 0:
                near.append(refs[lo])
                lo -= 1
            if hi < len(refs) and len(near) < per_entity:
                near.append(refs[hi])
                hi += 1
        out.append((se, near))
    return out


def lead(ann: Annotations, limit: int = 200) -> str:
    """The article's first sentence after the headline and its dateline, cut at a word boundary: its
    summary."""
    text = ann.text
    start = text.find("\n") + 1 if ann.document.title else 0
    if start <= 0 and ann.document.title:
        return ""
    dateline = find_dateline(text, start)
    if dateline is not None and dateline.start - start <= 80:
        start = dateline.body  # "CARLISLE, Cumbria, 12 March 2025 —", "December 10, 2013": not the story
    s, e = sentence_around(text, start, start)
    s = max(s, start)
    first = " ".join(text[s:e].split())
    title = " ".join((ann.document.title or "").split()).rstrip("…. ")
    if title and first.startswith(title) and e < len(text.rstrip()):
        # A headline that is the lead cut short says it already: the summary goes on from there.
        s, e = sentence_around(text, e + 1, e + 1)
        first = " ".join(text[s:e].split()) or first
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"
