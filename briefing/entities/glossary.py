"""The editors' glossary: human decisions that always win over extraction.

An editor names entities (with aliases, type, description, link and
optionally coordinates) and suppresses false positives, globally or for one
article. Errors are reported as one line naming the file, because editors
read them in a terminal or a CI log, not in a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from briefing.model import ENTITY_TYPES
from briefing.schema import web_url_problem

from .aliases import alias_key
from .names import NameMatcher


class GlossaryError(ValueError):
    """A glossary file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One entity as the editors define it."""

    name: str
    type: str | None = None  # None: keep what extraction says
    aliases: tuple[str, ...] = ()
    description: str | None = None
    link: str | None = None
    coordinates: tuple[float, float] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Suppression:
    """A text that is never an entity; only in ``article`` when that is set."""

    text: str
    article: str | None = None


@dataclass
class Glossary:
    """Entities and suppressions; lookups are by normalised name (see ``alias_key``)."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    suppress: list[Suppression] = field(default_factory=list)
    source: str | None = None
    _pattern: NameMatcher | None = field(default=None, init=False, repr=False, compare=False)
    _index: dict[str, GlossaryEntry] | None = field(default=None, init=False, repr=False, compare=False)

    def entry_for(self, text: str) -> GlossaryEntry | None:
        """The entry one of whose names is ``text`` (case-insensitive, 'the' and dots ignored)."""
        if self._index is None:  # built once: lookups run for every candidate of every article
            index: dict[str, GlossaryEntry] = {}
            for entry in self.entries:
                for n in entry.names:
                    index.setdefault(alias_key(n), entry)  # the first entry naming it wins
            self._index = index
        return self._index.get(alias_key(text))

    def is_suppressed(self, text: str, article: str | None = None) -> bool:
        key = alias_key(text)
        return any(alias_key(s.text) == key and (s.article is None or same_article(s.article, article))
                   for s in self.suppress)

    def name_pattern(self) -> NameMatcher | None:
        """One regex for every name and alias, with plural and possessive endings.

        Built once per glossary (the glossary is loaded once per site build).
        Single words match case-sensitively so that an alias like 'US' never
        matches the pronoun; multi-word names match in any case.
        """
        if self._pattern is None and self.entries:
            names = sorted({n for e in self.entries for n in e.names if n.strip()},
                           key=lambda n: (-len(n), n))
            parts = []
            for n in names:
                body = r"\s+".join(re.escape(w) for w in n.split())
                parts.append((n, f"(?i:{body})" if len(n.split()) > 1 else body))
            self._pattern = NameMatcher(parts, r"(?<!\w)", r"(?:es|s)?(?![\w$])")
        return self._pattern


def same_article(wanted: str, article: str | None) -> bool:
    """'seeds/foo.txt' names the article '/site/seeds/foo.txt' too (suffix match on whole path parts)."""
    if article is None:
        return False
    a, b = PurePosixPath(str(article).replace("\\", "/")), PurePosixPath(wanted.replace("\\", "/"))
    if a == b:
        return True
    return a.parts[-len(b.parts):] == b.parts or b.parts[-len(a.parts):] == a.parts


def _fail(path: object, what: str) -> GlossaryError:
    return GlossaryError(f"{path}: {' '.join(str(what).split())}")


def _string_list(value: Any, path: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"{where}: expected a list of strings")
    return tuple(value)


def _optional_str(value: Any, path: object, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _fail(path, f"{where}: expected a string, got {type(value).__name__}")


def _entry(raw: Any, path: object, where: str) -> GlossaryEntry:
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: expected a mapping with 'name'")
    known = {"name", "type", "aliases", "description", "link", "coordinates"}
    unknown = sorted(set(map(str, raw)) - known)
    if unknown:
        raise _fail(path, f"{where}: unknown key {unknown[0]!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, f"{where}: 'name' must be a non-empty string")
    etype = raw.get("type")
    if etype is not None and (not isinstance(etype, str) or etype.upper() not in ENTITY_TYPES):
        raise _fail(path, f"{where} ({name}): unknown entity type {etype!r}; "
                          f"use one of {' '.join(ENTITY_TYPES)}")
    coords = raw.get("coordinates")
    if coords is not None:
        pair = (isinstance(coords, list) and len(coords) == 2
                and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords))
        if not pair or not _degrees(coords[0], coords[1]):
            hint = (f": {coords[0]:g} is no latitude; [lon, lat]? write [{coords[1]:g}, {coords[0]:g}]"
                    if pair and _degrees(coords[1], coords[0]) else "")
            raise _fail(path, f"{where} ({name}): coordinates must be [lat, lon] in degrees{hint}")
        coords = (float(coords[0]), float(coords[1]))
    return GlossaryEntry(
        name=name.strip(), type=etype.upper() if etype else None,
        aliases=tuple(a.strip() for a in _string_list(raw.get("aliases"), path, f"{where} ({name}) aliases")),
        description=_optional_str(raw.get("description"), path, f"{where} ({name}) description"),
        link=_link(raw.get("link"), path, f"{where} ({name}) link"),
        coordinates=coords,
    )


def _degrees(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


def _link(value: Any, path: object, where: str) -> str | None:
    """One clean absolute http(s) URL: the entity page and the tooltip card link to it."""
    link = _optional_str(value, path, where)
    problem = web_url_problem(link) if link is not None else None
    if problem:
        raise _fail(path, f"{where}: {problem}")
    return link


def _suppression(raw: Any, path: object, where: str) -> Suppression:
    if isinstance(raw, str) and raw.strip():
        return Suppression(raw.strip())
    if isinstance(raw, dict) and isinstance(raw.get("text"), str) and set(map(str, raw)) <= {
            "text", "article"}:
        article = raw.get("article")
        if article is not None and not isinstance(article, str):
            raise _fail(path, f"{where}: 'article' must be a string")
        return Suppression(raw["text"].strip(), article)
    raise _fail(path, f"{where}: expected a string or {{text: ..., article: ...}}")


def glossary_from_data(data: Any, path: object = "<glossary>") -> Glossary:
    """Validate parsed YAML (a mapping with optional 'entities' and 'suppress' lists)."""
    if data is None:
        return Glossary(source=str(path))
    if not isinstance(data, dict):
        raise _fail(path, "expected a mapping with 'entities' and/or 'suppress'")
    unknown = sorted(set(map(str, data)) - {"entities", "suppress"})
    if unknown:
        raise _fail(path, f"unknown top-level key {unknown[0]!r} (expected 'entities', 'suppress')")
    entities = [] if data.get("entities") is None else data["entities"]
    suppress = [] if data.get("suppress") is None else data["suppress"]
    if not isinstance(entities, list):
        raise _fail(path, "'entities' must be a list")
    if not isinstance(suppress, list):
        raise _fail(path, "'suppress' must be a list")
    return Glossary(
        entries=[_entry(e, path, f"entities[{i}]") for i, e in enumerate(entities)],
        suppress=[_suppression(s, path, f"suppress[{i}]") for i, s in enumerate(suppress)],
        source=str(path),
    )


def load_glossary(path: str | Path) -> Glossary:
    """Read and validate a glossary YAML file; raise ``GlossaryError`` (one line) when it is unusable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise _fail(path, f"invalid YAML: {where}{getattr(exc, 'problem', None) or exc}") from exc
    return glossary_from_data(data, path)
