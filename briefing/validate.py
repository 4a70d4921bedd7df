"""Mistakes that nothing else catches, each reported in one line naming the file and the fix.

Every one of these used to pass in silence: the build took the input, did something other
than what the editor meant, and said nothing. They are not errors of form (those stop the
build where the file is read): the input is valid, only very likely wrong.

- a suppression scoped to an article path that names no briefing of the site (it does nothing);
- glossary coordinates written [lon, lat], as GeoJSON and many web maps write them;
- two glossary entries claiming the same name or alias (the first wins, the second never applies);
- a date given by the writer (front matter, date line, dateline, file name) far in the future.

The build logs them as warnings, or fails on them with ``strict: true``; ``briefing check``
and ``briefing annotate`` print them too. Plain functions over plain data, no MkDocs.
"""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .model import Document

if TYPE_CHECKING:  # pragma: no cover
    from .entities.glossary import Glossary, GlossaryEntry

FUTURE_MARGIN = timedelta(days=2)  # time zones and an article dated for tomorrow's paper
_SOURCES = {
    "front-matter": "front matter 'date:'",
    "date-line": "the date line after the headline",
    "dateline": "the dateline of the first paragraph",
    "file-name": "the YYYY-MM-DD- prefix of the file name",
}


def site_problems(glossary: Glossary | None, glossary_label: str, docs: list[Document]) -> list[str]:
    """Everything below for one site: its glossary (``glossary_label``: the file as the user
    named it) against its briefings' documents."""
    problems = []
    if glossary is not None:
        problems += glossary_problems(glossary, glossary_label)
        problems += suppression_problems(glossary, glossary_label, [d.path for d in docs if d.path])
    return problems + date_problems(docs)


def glossary_problems(glossary: Glossary, label: str) -> list[str]:
    """Names claimed twice, and coordinates that look like [lon, lat]."""
    return _duplicate_names(glossary, label) + [
        f"{label}: entities[{i}] ({entry.name}): {problem}"
        for i, entry in enumerate(glossary.entries)
        if (problem := swapped_coordinates(entry))
    ]


def _duplicate_names(glossary: Glossary, label: str) -> list[str]:
    from .entities.aliases import alias_key

    owner: dict[str, tuple[int, str]] = {}  # name key -> (entry index, 'name' | 'alias')
    problems = []
    for i, entry in enumerate(glossary.entries):
        for role, name in [("name", entry.name)] + [("alias", a) for a in entry.aliases]:
            key = alias_key(name)
            if not key:
                continue
            first = owner.setdefault(key, (i, role))
            if first[0] == i:
                continue  # the same name twice in one entry does no harm
            j, first_role = first
            problems.append(
                f"{label}: entities[{i}] ({entry.name}): the {role} {name!r} is already the "
                f"{first_role} of entities[{j}] ({glossary.entries[j].name}); the first entry wins, so "
                f"this one never applies to {name!r}: merge the two entries or remove the name from one"
            )
    return problems


def swapped_coordinates(entry: GlossaryEntry) -> str | None:
    """Why ``entry``'s coordinates look like [lon, lat], or None when nothing says so.

    Decided by the embedded data, never by a guess about numbers: when the gazetteer knows the
    name, the given point must be none of its places while the swapped point is one of them;
    when it does not, the given point must be in the sea (or Antarctica) while the swapped one
    is in a country, and the entry must not be a LOC (seas, banks and straits are at sea).
    """
    if entry.coordinates is None:
        return None
    lat, lon = entry.coordinates
    if abs(lon) > 90 or abs(lat - lon) < 1e-9:  # the other reading is impossible, or the same
        return None
    from .geo.basemap import candidate_at, country_at, on_land
    from .geo.gazetteer import gazetteer

    given, swapped = f"[{lat:g}, {lon:g}]", f"[{lon:g}, {lat:g}]"
    fix = f"the glossary takes [lat, lon]: write {swapped}"
    cands = [c for name in entry.names for c in gazetteer().lookup(name)]
    if cands:
        if candidate_at(cands, lat, lon) is None and (found := candidate_at(cands, lon, lat)):
            parts = (found.admin1 if found.kind != "admin1" else None, found.country)
            where = ", ".join(p for p in parts if p)
            return (f"coordinates {given} look like [lon, lat]: the gazetteer's {found.name}"
                    f"{f' ({where})' if where else ''} is near {swapped}, far from {given}; {fix}")
        return None
    if entry.type == "LOC":
        return None

    def where(la: float, lo: float) -> str | None:
        """'in the sea' or 'in Antarctica' for an unlikely spot, None for a country."""
        if not on_land(la, lo):
            return "in the sea"
        return "in Antarctica" if country_at(la, lo) == "AQ" else None

    spot = where(lat, lon)
    if spot and where(lon, lat) is None:
        country = country_at(lon, lat)
        return (f"coordinates {given} look like [lon, lat]: {given} is {spot}, {swapped} "
                f"{f'in {country}' if country else 'on land'}; {fix}")
    return None


def suppression_problems(glossary: Glossary, label: str, articles: list[str]) -> list[str]:
    """Suppressions limited to an ``article`` that names none of ``articles`` (the site's
    briefings, as paths from the site's folder: ``seeds/x.txt``, ``docs/x.md``)."""
    from .entities.glossary import same_article

    problems = []
    for i, s in enumerate(glossary.suppress):
        if s.article is None or any(same_article(s.article, a) for a in articles):
            continue
        close = difflib.get_close_matches(s.article, articles, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else "give the article's path from mkdocs.yml's folder"
        problems.append(
            f"{label}: suppress[{i}] ({s.text}): article {s.article!r} is no briefing of this site, so "
            f"nothing is suppressed: {hint} (or drop 'article' to suppress it everywhere)"
        )
    return problems


def date_problems(docs: list[Document], today: date | None = None) -> list[str]:
    """Dates the writer gave that lie more than ``FUTURE_MARGIN`` after ``today`` (a typo:
    2052 for 2025). Dates the system inferred are not the writer's mistake."""
    limit = (today or date.today()) + FUTURE_MARGIN
    problems = []
    for d in docs:
        source = _SOURCES.get(d.date_from or "")
        if not d.date or d.date_source != "metadata" or source is None:
            continue
        try:
            day = date.fromisoformat(d.date[:10])
        except ValueError:
            continue
        if day > limit:
            problems.append(
                f"{d.path or '<document>'}: the date {d.date} ({source}) is in the future: correct it "
                f"(a date more than {FUTURE_MARGIN.days} days ahead is taken for a typo)"
            )
    return problems
