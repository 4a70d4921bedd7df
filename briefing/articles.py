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
from .schema import check_pages
from .slugs import slugify
from .snapshots import SUFFIX, snapshot_path
from .sources import Source, SourceError, decode, read_markdown, read_seed, split_front_matter


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
    """Every ``*.txt`` in the seeds folder, as a page ``<briefings_dir>/<slug>.md``; seeds
    without a date of their own get one from ``date_fallback`` (``git``) when the site sets it.

    The slug is the seed's ``slug:`` line, else its file name: a page's address must not change
    when its headline is edited, nor when another seed with the same headline arrives.
    """
    seeds = root / seeds_dir
    if not seeds.is_dir():
        return []
    out, used = [], {}
    for path in sorted(seeds.glob("*.txt")):
        source = read_seed(path, decode(read_seed_file(path, root), str(path)))
        apply_fallback(source.document, path, date_fallback)
        slug = source.document.meta.get("slug") or file_slug(path.name)
        if slug in used:
            raise SourceError(
                f"{path}: its page would be {slug!r}, as for {used[slug]}: give one of them a "
                "'slug: ...' line after the headline, or rename it"
            )
        used[slug] = path.name
        uri = posixpath.normpath(f"{briefings_dir}/{slug}.md")  # briefings_dir '.': the site's top
        legacy = posixpath.normpath(
            f"{briefings_dir}/{legacy_slug(source.document.title or '', path.name)}.md"
        )
        rel = path.relative_to(root).as_posix()
        source.document.path = rel
        job = Job(
            source.document, snapshot_path(path) if snapshots else None, uri, page=uri, legacy_page=legacy
        )
        out.append(Entry(uri, source, job, path))
    if snapshots:
        _renamed(seeds, out)
    return out


def file_slug(file_name: str) -> str:
    """A seed's slug from its file name: ``2025-03-12 Floods.txt`` -> ``2025-03-12-floods``."""
    stem = Path(file_name).stem
    digest = hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:8]
    return slugify(stem) or f"briefing-{digest}"


def legacy_slug(title: str, file_name: str) -> str:
    """Where earlier versions published a seed: the headline's slug (before slugs were fixed)."""
    digest = hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:8]
    return slugify(title) or slugify(Path(file_name).stem) or f"briefing-{digest}"


def _renamed(folder: Path, entries: list[Entry]) -> None:
    """Snapshots left by a renamed article (no article of that name any more) whose text is an
    article's of today: its old addresses become that article's, to be redirected."""
    import yaml

    names = {e.job.snapshot.name for e in entries if e.job.snapshot is not None}
    by_text = {hashlib.sha256(e.job.document.text.encode("utf-8")).hexdigest(): e for e in entries}
    for snap in sorted(folder.glob(f"*{SUFFIX}")):
        if snap.name in names:
            continue
        try:
            data = yaml.safe_load(snap.read_text(encoding="utf-8"))
            page, moved = check_pages(data if isinstance(data, dict) else {})
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
            continue  # not ours to judge: the build only reads what belongs to an article
        entry = by_text.get(data.get("text_sha256"))
        if entry is not None and page is not None:
            entry.job.moved_from = tuple(sorted(set(entry.job.moved_from) | {page, *moved}))


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
        out.append(Entry(uri, source, Job(source.document, snapshot, uri, page=page_of(uri, source))))
    return out


def page_of(uri: str, source: Source) -> str:
    """Where a Markdown briefing is published, as a source URI: beside it under its ``slug``."""
    slug = source.document.meta.get("slug")
    return posixpath.join(posixpath.dirname(uri), f"{slug}.md") if slug else uri


def docs_pages(files) -> list[tuple[str, str]]:
    """The site's own Markdown pages as ``(src_uri, absolute path)``: MkDocs' list, so excluded
    files and drafts are left out exactly as the build leaves them out; generated pages too."""
    return sorted(
        (f.src_uri, f.abs_src_path)
        for f in files.documentation_pages()
        if f.abs_src_path and getattr(f, "generated_by", None) is None
    )
