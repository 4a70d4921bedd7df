"""Which articles of a site are briefings, and where their pages and snapshots go.

Shared by the MkDocs plugin and by ``briefing check`` so that both agree on
the same list without building the site.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from .batch import Job
from .dating import apply_fallback
from .paths import read_seed_file
from .slugs import slugify
from .snapshots import snapshot_path
from .sources import Source, decode, read_markdown, read_seed, split_front_matter


@dataclass
class Entry:
    """One briefing: its page URI in the site, its source and its annotation job."""

    uri: str
    source: Source
    job: Job
    seed: Path | None = None


def seed_entries(
    root: Path, seeds_dir: str, briefings_dir: str, snapshots: bool = True, date_fallback: str | None = None
) -> list[Entry]:
    """Every ``*.txt`` in the seeds folder, as a page ``<briefings_dir>/<headline-slug>.md``; seeds
    without a date of their own get one from ``date_fallback`` (``git``) when the site sets it."""
    seeds = root / seeds_dir
    if not seeds.is_dir():
        return []
    out, used = [], set()
    for path in sorted(seeds.glob("*.txt")):
        source = read_seed(path, decode(read_seed_file(path, root), str(path)))
        apply_fallback(source.document, path, date_fallback)
        slug = page_slug(source.document.title or "", path.name, used)
        uri = posixpath.normpath(f"{briefings_dir}/{slug}.md")  # briefings_dir '.': the site's top
        rel = path.relative_to(root).as_posix()
        source.document.path = rel
        job = Job(source.document, snapshot_path(path) if snapshots else None, uri)
        out.append(Entry(uri, source, job, path))
    return out


def page_slug(title: str, file_name: str, used: set[str]) -> str:
    """A unique, visible file name for a seed's page: the headline's slug, else the file's, else a
    short hash of the file name (headlines in other scripts slug to nothing); ``used`` is updated."""
    digest = hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:8]
    base = slugify(title) or slugify(Path(file_name).stem) or f"briefing-{digest}"
    slug, n = base, 2
    if slug in used:
        slug = f"{base}-{slugify(Path(file_name).stem) or digest}"
    while slug in used:
        slug, n = f"{base}-{digest}-{n}", n + 1
    used.add(slug)
    return slug


def is_briefing_meta(meta: dict) -> bool:
    """Front matter that makes a Markdown page a briefing."""
    return bool(meta.get("briefing")) or "section" in meta


def page_entries(docs_dir: Path, pages: list[tuple[str, str]], snapshots: bool = True) -> list[Entry]:
    """Markdown pages (``(src_uri, absolute path)``) whose front matter makes them briefings."""
    out = []
    for uri, abs_path in pages:
        text = decode(Path(abs_path).read_bytes(), abs_path)
        meta, _, _ = split_front_matter(text, abs_path)
        if not is_briefing_meta(meta):
            continue  # ordinary page: no need to derive its text
        source = read_markdown(abs_path, text)
        source.document.path = (Path(docs_dir).name + "/" + uri) if docs_dir else uri
        snapshot = snapshot_path(abs_path) if snapshots else None
        out.append(Entry(uri, source, Job(source.document, snapshot, uri)))
    return out


def docs_pages(files) -> list[tuple[str, str]]:
    """The site's own Markdown pages as ``(src_uri, absolute path)``: MkDocs' list, so excluded
    files and drafts are left out exactly as the build leaves them out; generated pages too."""
    return sorted(
        (f.src_uri, f.abs_src_path)
        for f in files.documentation_pages()
        if f.abs_src_path and getattr(f, "generated_by", None) is None
    )
