"""What the annotations are least sure of, across the site: the editors' "please check" list.

Four kinds of doubt (``KINDS``), each a plain ``Check`` with the sentence it comes from and the
one line that settles it (a glossary entry, a date line, a front-matter date):

- ``places``: a place chosen by the population prior alone (``Place.runner_up``, recorded by
  ``geo.resolve``): the gazetteer had other far-apart readings that the article did not rule out;
- ``types``: a name typed against the gazetteer: typed PERSON, ORG... although the gazetteer
  knows it as a notable place (``Entity.place_reading``), or typed a place that nothing placed;
- ``dates``: briefings dated by inference (``date_source: inferred``) or not dated at all;
- ``glossary``: entries that no briefing uses, suppressions whose text no briefing in their
  scope contains (a misspelled name or article path does nothing, silently).

A doubt that recurs is one check (grouped by name), quoting the newest few briefings: the list
grows with the distinct doubts, not with the archive. Everything here is linear in the mentions
and, for suppressions, in the text. No MkDocs, no HTML (``render.checklist`` draws the page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml

from .datelabels import day_label
from .entities.aliases import alias_key, builtin_aliases, builtin_canonical
from .entities.glossary import GlossaryEntry, Suppression, same_article
from .entities.names import NameMatcher
from .model import MAPPED_TYPES, Annotations, Entity, Place, Reading
from .structure import BriefingRef, Site, sentence_around

if TYPE_CHECKING:  # pragma: no cover
    from .entities import Glossary

KINDS = ("places", "types", "dates", "glossary")
QUOTES = 3  # sentences quoted per check; the count says how many briefings there are
EVERYWHERE = "in every briefing"
TYPE_WORDS = {
    "PERSON": "a person",
    "ORG": "an organisation",
    "GPE": "a country, city or state",
    "LOC": "a place",
    "FAC": "a building or facility",
    "NORP": "a nationality or group",
    "EVENT": "an event",
    "PRODUCT": "a product",
    "OTHER": "a name of another kind",
}
_KIND_WORDS = {"country": "country", "admin1": "state or province", "city": "city", "region": "region",
               "feature": "natural feature", "address": "address"}


@dataclass(frozen=True)
class Quote:
    """Where a doubt comes from: a sentence of a briefing, the mention in it, the anchor to link."""

    briefing: BriefingRef
    sentence: tuple[int, int]
    mention: tuple[int, int] | None = None
    anchor: str | None = None  # fragment of the briefing's page (its first mention of the entity)


@dataclass
class Check:
    """One doubt: what it is about, what the system did and why it is unsure, how to settle it.

    ``fixes`` are ``(what it does, the line to copy)``; ``briefings`` counts the briefings it
    concerns (``quotes`` are the newest few); ``source`` is the file to edit, when it is one.
    """

    kind: str
    subject: str
    finding: str
    fixes: list[tuple[str, str]]
    quotes: list[Quote] = field(default_factory=list)
    briefings: int = 0
    source: str | None = None


def checklist(site: Site, glossary: Glossary | None) -> dict[str, list[Check]]:
    """Every check of the site, by kind (in ``KINDS`` order), most briefings first within a kind."""
    return {
        "places": ambiguous_places(site),
        "types": typed_against_gazetteer(site),
        "dates": uncertain_dates(site),
        "glossary": unused_glossary(site, glossary),
    }


def glossary_line(value: dict[str, Any] | str) -> str:
    """One glossary list item in YAML on one line, quoted where YAML needs it ('Yes', 'A: B')."""
    if isinstance(value, str):
        return yaml.safe_dump([value], allow_unicode=True, width=1 << 30).strip()
    flow = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=1 << 30)
    return "- " + flow.strip()


# ----------------------------------------------------------------------------- places


def ambiguous_places(site: Site) -> list[Check]:
    """Places the population prior alone chose, one check per name and choice."""
    found: dict[tuple[str, float, float], list[tuple[BriefingRef, Entity, Place]]] = {}
    for b in site.briefings:  # newest first: the quotes are the latest briefings
        entities = {e.id: e for e in b.annotations.entities}
        for p in b.annotations.places:
            e = entities.get(p.entity)
            if p.runner_up is not None and p.source == "gazetteer" and e is not None:
                found.setdefault((p.entity, p.lat, p.lon), []).append((b, e, p))
    checks = []
    for group in found.values():
        _, e, p = group[0]
        runner = p.runner_up
        assert runner is not None
        others = (p.alternatives or 1) - 1
        chosen = _label(Reading(p.name, p.lat, p.lon, p.kind, p.country))
        finding = (
            f"Placed at {chosen} by population alone: nothing in the article rules out {_label(runner)}"
            + (f" or {others} other far-apart place{'s' if others != 1 else ''}" if others else "")
            + " of that name."
        )
        fixes = [
            (f"keep {chosen}, {EVERYWHERE}", glossary_line({"name": e.name, "coordinates": [p.lat, p.lon]})),
            (f"move it to {_label(runner)}, {EVERYWHERE}",
             glossary_line({"name": e.name, "coordinates": [runner.lat, runner.lon]})),
        ]
        checks.append(_check("places", e.name, finding, fixes, [(b, ent) for b, ent, _ in group]))
    return _by_weight(checks)


def _label(r: Reading) -> str:
    """'Birmingham, Alabama, US (city)': a reading as an editor recognises it."""
    parts = [r.name]
    if r.admin1 and r.kind not in ("country", "admin1") and r.admin1 != r.name:
        parts.append(r.admin1)
    if r.country and r.kind != "country":
        parts.append(r.country)
    return f"{', '.join(parts)} ({_KIND_WORDS.get(r.kind, r.kind)})"


# ----------------------------------------------------------------------------- types


def typed_against_gazetteer(site: Site) -> list[Check]:
    """Names whose type the gazetteer contradicts: no place by type but a notable place by name,
    or a place by type that no gazetteer, glossary or geocoder placed."""
    readings: dict[tuple[str, str], list[tuple[BriefingRef, Entity]]] = {}
    unplaced: dict[tuple[str, str], list[tuple[BriefingRef, Entity]]] = {}
    for b in site.briefings:
        placed = {p.entity for p in b.annotations.places}
        for e in b.annotations.entities:
            if e.place_reading is not None and e.source != "glossary":
                readings.setdefault((alias_key(e.name), e.type), []).append((b, e))
            elif e.type in MAPPED_TYPES and e.id not in placed and e.mentions:
                unplaced.setdefault((alias_key(e.name), e.type), []).append((b, e))
    checks = []
    for group in readings.values():
        e = group[0][1]
        r = e.place_reading
        assert r is not None
        as_place = "LOC" if r.kind in ("region", "feature") else "GPE"
        finding = (f"Typed as {TYPE_WORDS.get(e.type, e.type)} ({e.type}), but the gazetteer knows {e.name} "
                   f"as {_kind_phrase(r)}.")
        fixes = [
            (f"make it the place, {EVERYWHERE}", glossary_line({"name": e.name, "type": as_place})),
            (f"keep it {TYPE_WORDS.get(e.type, e.type)}, {EVERYWHERE}",
             glossary_line({"name": e.name, "type": e.type})),
        ]
        checks.append(_check("types", e.name, finding, fixes, group))
    for group in unplaced.values():
        e = group[0][1]
        finding = (f"Typed as {TYPE_WORDS.get(e.type, e.type)} ({e.type}), but no gazetteer entry, glossary "
                   f"coordinates or geocoder placed {e.name}: it is not on the map.")
        fixes = [
            # LAT and LON are words, not numbers: pasted unchanged, the glossary fails loudly.
            (f"put it on the map (write its latitude and longitude), {EVERYWHERE}",
             glossary_line({"name": e.name, "coordinates": ["LAT", "LON"]})),
            ("if it is no name at all: under suppress:", glossary_line(e.name)),
        ]
        checks.append(_check("types", e.name, finding, fixes, group))
    return _by_weight(checks)


def _kind_phrase(r: Reading) -> str:
    """'a country (JO)', 'a city in Telangana, IN': what the gazetteer knows a name as."""
    where = ", ".join(x for x in (r.admin1 if r.kind == "city" else None, r.country) if x)
    if r.kind == "country":
        return f"a country ({r.country})" if r.country else "a country"
    article = "an" if _KIND_WORDS.get(r.kind, r.kind)[0] in "aeiou" else "a"
    return f"{article} {_KIND_WORDS.get(r.kind, r.kind)}" + (f" in {where}" if where else "")


# ----------------------------------------------------------------------------- dates


def uncertain_dates(site: Site) -> list[Check]:
    """Briefings whose date was inferred from the text, then those without a date (newest first)."""
    inferred, undated = [], []
    for b in site.briefings:
        doc = b.annotations.document
        markdown = PurePosixPath(doc.path or "").suffix not in (".txt", "")
        quote = _lead_quote(b)
        if b.date and doc.date_source == "inferred":
            how = ("the dateline heading the text" if doc.date_from == "dateline"
                   else "weekdays in the text that agree with a date it names")
            finding = (f"Dated {day_label(b.date)} by inference from {how}: nothing states the date, "
                       "and every 'on Thursday' or 'last month' of the briefing is reckoned from it.")
            fix = (("confirm it in the front matter", f"date: {b.date}") if markdown
                   else ("confirm it: a date line right after the headline", b.date))
            inferred.append(Check("dates", b.title, finding, [fix], [quote], 1, doc.path))
        elif not b.date:
            finding = ("No date: nothing states it or pins it down, so 'on Thursday' or 'last month' "
                       "stay unresolved and its events are left off the timeline.")
            fix = (("give it one in the front matter", "date: YYYY-MM-DD") if markdown
                   else ("give it one: a date line right after the headline "
                         "(or a YYYY-MM-DD- prefix to the file name)", "YYYY-MM-DD"))
            undated.append(Check("dates", b.title, finding, [fix], [quote], 1, doc.path))
    return inferred + undated


def _lead_quote(b: BriefingRef) -> Quote:
    """The first sentence after the headline: where a dateline or the day of reporting is."""
    ann: Annotations = b.annotations
    start = ann.text.find("\n") + 1 if ann.document.title else 0
    return Quote(b, sentence_around(ann.text, start, start))


# ----------------------------------------------------------------------------- glossary


def unused_glossary(site: Site, glossary: Glossary | None) -> list[Check]:
    """Glossary entries no briefing names, then suppressions whose text no briefing contains (in
    the file's order, so that the editor finds them)."""
    if glossary is None:
        return []
    used = {
        alias_key(e.name) for b in site.briefings for e in b.annotations.entities if e.source == "glossary"
    }
    checks = []
    for entry in glossary.entries:
        if alias_key(entry.name) in used:
            continue
        aliases = f" or its aliases ({', '.join(entry.aliases)})" if entry.aliases else ""
        finding = f"No briefing names {entry.name}{aliases}: the entry has nothing to describe."
        line = glossary_line(_entry_data(entry))
        fix = ("the entry, under entities: remove it, or correct its spelling", line)
        checks.append(Check("glossary", entry.name, finding, [fix]))
    found = _suppressed_texts(site, glossary.suppress)
    for s in glossary.suppress:
        scope = (site.briefings if s.article is None
                 else [b for b in site.briefings if same_article(s.article, b.annotations.document.path)])
        if s.article is not None and not scope:
            finding = (f"No briefing is at {s.article}, so the suppression of '{s.text}' applies nowhere "
                       "(a misspelled path?).")
        elif not any(alias_key(s.text) in found.get(b.uri, ()) for b in scope):
            where = f"at {s.article}" if s.article else "of the site"
            finding = f"No briefing {where} contains '{s.text}': the suppression has nothing to suppress."
        else:
            continue
        line = glossary_line(s.text if s.article is None else {"text": s.text, "article": s.article})
        fix = ("the suppression, under suppress: remove it, or correct it", line)
        checks.append(Check("glossary", s.text, finding, [fix]))
    return checks


def _entry_data(entry: GlossaryEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entry.name}
    if entry.type:
        data["type"] = entry.type
    if entry.aliases:
        data["aliases"] = list(entry.aliases)
    if entry.coordinates:
        data["coordinates"] = list(entry.coordinates)
    return data


def _suppressed_texts(site: Site, suppress: list[Suppression]) -> dict[str, set[str]]:
    """Briefing URI -> keys (``alias_key``) of the suppressions whose text it contains.

    One pass over each text with one matcher for every suppression (case, dots, 'the' and runs
    of spaces do not matter, as for the suppressions themselves); a suppression of a built-in
    name ('United States') also counts where the text writes an alias of it ('US').
    """
    forms: dict[str, str] = {}  # a spelling to look for -> the suppression key it stands for
    for s in suppress:
        key = alias_key(s.text)
        canonical = builtin_canonical(s.text)
        for form in (s.text, *((canonical, *builtin_aliases(canonical)) if canonical else ())):
            bare = re.sub(r"^the\s+", "", form.strip(), flags=re.IGNORECASE)
            if bare:
                forms.setdefault(alias_key(bare), key)
    if not forms:
        return {}
    names = sorted(forms, key=lambda f: (-len(f), f))
    matcher = NameMatcher([(n, "(?i:" + _loose(n) + ")") for n in names], r"(?<!\w)", r"(?!\w)")
    out: dict[str, set[str]] = {}
    for b in site.briefings:
        spellings = {alias_key(m.group()) for m in matcher.finditer(b.annotations.text)}
        keys = {forms[k] for k in spellings if k in forms}
        if keys:
            out[b.uri] = keys
    return out


def _loose(key: str) -> str:
    """A regex for a normalised name: any run of spaces between words, a dot optional after a letter."""
    words = []
    for w in key.split():
        words.append("".join(re.escape(ch) + (r"\.?" if ch.isalnum() else "") for ch in w))
    return r"\s+".join(words)


# ----------------------------------------------------------------------------- shared


def _check(kind: str, subject: str, finding: str, fixes: list[tuple[str, str]],
           group: list[tuple[BriefingRef, Entity]]) -> Check:
    """A check about an entity named in ``group`` (briefings newest first), quoting the first few."""
    quotes, seen = [], set()
    for b, e in group:
        if b.uri in seen:
            continue
        seen.add(b.uri)
        if len(quotes) < QUOTES:
            quotes.append(_entity_quote(b, e))
    return Check(kind, subject, finding, fixes, quotes, len(seen))


def _entity_quote(b: BriefingRef, e: Entity) -> Quote:
    """The sentence of the entity's first mention after the headline (the one its anchor marks)."""
    if not e.mentions:
        return _lead_quote(b)
    text = b.annotations.text
    body = text.find("\n") + 1 if b.annotations.document.title else 0
    first = next((m for m in e.mentions if m.start >= body), e.mentions[0])
    return Quote(b, sentence_around(text, first.start, first.end), (first.start, first.end), f"bf-e-{e.id}")


def _by_weight(checks: list[Check]) -> list[Check]:
    """Most briefings first: one glossary line settles them all; then by name."""
    return sorted(checks, key=lambda c: (-c.briefings, c.subject.casefold(), c.subject, c.finding))
