"""What a snapshot may contain, checked before anything in it is used.

Snapshots are committed files: a pull request can put anything in them. Every value the
renderers, the site pages and the output paths rely on is checked here: types, id syntax
(slugs: ``a-z 0-9 -``, so an id can never carry a path separator, ``..`` or markup), known
entity types and place kinds, offsets inside the text, coordinates on Earth, web links. The
first problem found is reported as one line naming the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any
from urllib.parse import urlsplit

from .model import ENTITY_TYPES, PLACE_KINDS

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_MAX = 256
ENTITY_SOURCES = ("model", "rules", "glossary")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
DATE_SOURCES = ("option", "metadata", "inferred")
_SERVICE = re.compile(r"[a-z][a-z0-9_]{0,39}")  # gazetteer, glossary, cache, a geopy service name
_COUNTRY = re.compile(r"[A-Z0-9-]{1,8}")
URL_MAX = 2000
_URL_FORBIDDEN = set('"<>\\^`{|}')


class SchemaError(ValueError):
    """A value that breaks the snapshot schema; the message names the field."""


def is_id(value: object) -> bool:
    """A slug id: lower-case ASCII words joined by single hyphens (never a path, never markup)."""
    return isinstance(value, str) and len(value) <= ID_MAX and ID.fullmatch(value) is not None


def web_url_problem(url: object) -> str | None:
    """Why ``url`` is not one clean absolute http(s) URL, or None when it is."""
    if not isinstance(url, str):
        return f"expected a URL, got {type(url).__name__}"
    if not url or len(url) > URL_MAX:
        return "a URL must have 1 to 2000 characters"
    bad = next((c for c in url if c.isspace() or not c.isprintable() or c in _URL_FORBIDDEN), None)
    if bad is not None:
        return f"a URL cannot contain {bad!r} (one URL only, no spaces or markup)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as e:
        return f"not a URL ({e})"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return "must be an absolute http:// or https:// URL"
    return None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fail(where: str, what: str) -> SchemaError:
    return SchemaError(f"{where}: {what}")


def _str(value: object, where: str, *, optional: bool = False, nonempty: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _fail(where, f"expected text, got {type(value).__name__}")
    if nonempty and not value.strip():
        raise _fail(where, "must not be empty")


def _int(value: object, where: str) -> int:
    if type(value) is not int:
        raise _fail(where, f"expected a whole number, got {_short(value)}")
    return value


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise _fail(where, f"expected a list, got {type(value).__name__}")
    return value


def _map(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(where, f"expected a mapping, got {type(value).__name__}")
    return value


def _choice(value: object, allowed: tuple[str, ...], where: str) -> None:
    if value not in allowed:
        raise _fail(where, f"{_short(value)} is not one of {' '.join(allowed)}")


def _id(value: object, where: str) -> str:
    if not is_id(value):
        raise _fail(where, f"{_short(value)} is not an id (lower-case letters, digits and hyphens)")
    return value  # type: ignore[return-value]


def _iso_date(value: object, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _fail(where, f"{_short(value)} is not a YYYY-MM-DD date")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"{value!r} does not exist") from None


def _span(item: dict, text: str, where: str, start: str = "start", end: str = "end") -> tuple[int, int]:
    a, b = _int(item.get(start), f"{where}.{start}"), _int(item.get(end), f"{where}.{end}")
    if not 0 <= a <= b <= len(text):
        raise _fail(where, f"offsets {a}..{b} are not in the text ({len(text)} characters)")
    return a, b


def _coordinate(value: object, limit: float, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(where, f"{_short(value)} is not a number of degrees")
    if abs(value) > limit:
        raise _fail(where, f"{value} is outside -{limit:g}..{limit:g}")


# A page of the site as a source URI: folders and a file of slug-like names, ending in ".md";
# no "..", no absolute path, nothing but what a file name in the site may hold.
PAGE = re.compile(r"(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.md")


def is_page(value: object) -> bool:
    """A page URI a snapshot may name (and a redirect may be written for): stays inside the site."""
    return (
        isinstance(value, str)
        and len(value) <= 300
        and PAGE.fullmatch(value) is not None
        and ".." not in value.split("/")
    )


def check_pages(data: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    """(page, moved_from) of a parsed snapshot: where the article is and was published."""
    page = data.get("page")
    if page is not None and not is_page(page):
        raise _fail("page", f"{_short(page)} is not a page of the site")
    moved = _list(data.get("moved_from", []), "moved_from")
    for k, m in enumerate(moved):
        if not is_page(m):
            raise _fail(f"moved_from[{k}]", f"{_short(m)} is not a page of the site")
    return page, tuple(moved)


_READING_KEYS = ("name", "lat", "lon", "kind", "country", "admin1")


def _country(value: object, where: str) -> None:
    if value is not None and not (isinstance(value, str) and _COUNTRY.fullmatch(value)):
        raise _fail(where, f"{_short(value)} is not a country code")


def _reading(value: object, where: str) -> None:
    """Another place a name can mean (``model.Reading``): a name, coordinates on Earth, a kind."""
    r = _map(value, where)
    unknown = sorted(set(map(str, r)) - set(_READING_KEYS))
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    _str(r.get("name"), f"{where}.name", nonempty=True)
    _coordinate(r.get("lat"), 90, f"{where}.lat")
    _coordinate(r.get("lon"), 180, f"{where}.lon")
    _choice(r.get("kind"), PLACE_KINDS, f"{where}.kind")
    _country(r.get("country"), f"{where}.country")
    _str(r.get("admin1"), f"{where}.admin1", optional=True)


def check_schema(data: dict[str, Any], text: str) -> None:
    """Raise SchemaError unless ``data`` (a parsed snapshot of ``text``) follows schema 1."""
    doc = _map(data.get("document"), "document")
    for k in ("title", "section"):
        _str(doc.get(k), f"document.{k}", optional=True)
    _iso_date(doc.get("date"), "document.date")
    if doc.get("date_source") is not None:
        _choice(doc.get("date_source"), DATE_SOURCES, "document.date_source")

    entity_ids: set[str] = set()
    for i, e in enumerate(_list(data.get("entities"), "entities")):
        w = f"entities[{i}]"
        e = _map(e, w)
        eid = _id(e.get("id"), f"{w}.id")
        if eid in entity_ids:
            raise _fail(f"{w}.id", f"{eid!r} appears twice")
        entity_ids.add(eid)
        _str(e.get("name"), f"{w}.name", nonempty=True)
        _choice(e.get("type"), ENTITY_TYPES, f"{w}.type")
        for k, a in enumerate(_list(e.get("aliases", []), f"{w}.aliases")):
            _str(a, f"{w}.aliases[{k}]")
        _str(e.get("description"), f"{w}.description", optional=True)
        if e.get("link") is not None:
            problem = web_url_problem(e.get("link"))
            if problem:
                raise _fail(f"{w}.link", problem)
        if e.get("source") is not None:
            _choice(e.get("source"), ENTITY_SOURCES, f"{w}.source")
        for k, m in enumerate(_list(e.get("mentions", []), f"{w}.mentions")):
            mw = f"{w}.mentions[{k}]"
            m = _map(m, mw)
            a, b = _span(m, text, mw)
            if text[a:b] != m.get("text"):
                raise _fail(mw, f"{_short(m.get('text'))} is not the text at {a}..{b}")
        if e.get("place_reading") is not None:
            _reading(e.get("place_reading"), f"{w}.place_reading")

    placed: set[str] = set()
    for i, p in enumerate(_list(data.get("places"), "places")):
        w = f"places[{i}]"
        p = _map(p, w)
        pid = _id(p.get("entity"), f"{w}.entity")
        if pid not in entity_ids:
            raise _fail(f"{w}.entity", f"{pid!r} is no entity of this snapshot")
        if pid in placed:
            raise _fail(f"{w}.entity", f"{pid!r} is placed twice")
        placed.add(pid)
        _str(p.get("name"), f"{w}.name", nonempty=True)
        _coordinate(p.get("lat"), 90, f"{w}.lat")
        _coordinate(p.get("lon"), 180, f"{w}.lon")
        _choice(p.get("kind"), PLACE_KINDS, f"{w}.kind")
        _country(p.get("country"), f"{w}.country")
        source = p.get("source")
        if not (isinstance(source, str) and _SERVICE.fullmatch(source)):
            raise _fail(f"{w}.source", f"{_short(source)} is not a resolver name")
        if p.get("alternatives") is not None and _int(p.get("alternatives"), f"{w}.alternatives") < 1:
            raise _fail(f"{w}.alternatives", "must be at least 1 (omit it when nothing competed)")
        if p.get("runner_up") is not None:
            _reading(p.get("runner_up"), f"{w}.runner_up")

    for i, t in enumerate(_list(data.get("times"), "times")):
        w = f"times[{i}]"
        t = _map(t, w)
        a, b = _span(t, text, w)
        if text[a:b] != t.get("text"):
            raise _fail(w, f"{_short(t.get('text'))} is not the text at {a}..{b}")
        _choice(t.get("type"), TIME_TYPES, f"{w}.type")
        _str(t.get("value"), f"{w}.value", nonempty=True)
        _str(t.get("mod"), f"{w}.mod", optional=True)

    event_ids: set[str] = set()
    for i, ev in enumerate(_list(data.get("events"), "events")):
        w = f"events[{i}]"
        ev = _map(ev, w)
        vid = _id(ev.get("id"), f"{w}.id")
        if vid in event_ids:
            raise _fail(f"{w}.id", f"{vid!r} appears twice")
        event_ids.add(vid)
        _str(ev.get("summary"), f"{w}.summary")
        _span(_map(ev.get("sentence"), f"{w}.sentence"), text, f"{w}.sentence")
        for k in ("value", "label"):
            _str(ev.get(k), f"{w}.{k}", optional=True)
        _iso_date(ev.get("earliest"), f"{w}.earliest")
        _iso_date(ev.get("latest"), f"{w}.latest")
        if not isinstance(ev.get("approximate", False), bool):
            raise _fail(f"{w}.approximate", f"expected true or false, got {_short(ev.get('approximate'))}")
        for k, ref in enumerate(_list(ev.get("entities", []), f"{w}.entities")):
            if _id(ref, f"{w}.entities[{k}]") not in entity_ids:
                raise _fail(f"{w}.entities[{k}]", f"{ref!r} is no entity of this snapshot")
        for k, ref in enumerate(_list(ev.get("places", []), f"{w}.places")):
            if _id(ref, f"{w}.places[{k}]") not in placed:
                raise _fail(f"{w}.places[{k}]", f"{ref!r} is no place of this snapshot")
