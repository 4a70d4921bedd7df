"""One configuration for every entry point: the briefing plugin's options as mkdocs.yml sets them.

``mkdocs build`` reads them through MkDocs; ``briefing annotate``, ``check`` and ``diff`` read
the same file here, with MkDocs' own loader and checks, so the glossary, the seeds folder,
``date_fallback``, the snapshots and the geocoders are the ones the build uses and what the
command writes is what the build writes, byte for byte.

Which mkdocs.yml: the one given with ``-f``; else, for a file, the nearest ``mkdocs.yml`` in
its folder or above (as a site's seeds and pages live under it); standard input belongs to no
site. Without one, ``briefing annotate`` keeps the contract's embedded defaults.

The editors' glossary is part of a site's configuration: the entry points (``plugin``, ``cli``)
read it through here (``load_glossary``, ``GlossaryError``, ``Glossary``), never from the
entities stage itself, so that the adapters depend on this layer only.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .entities import Glossary, GlossaryError, load_glossary

if TYPE_CHECKING:  # pragma: no cover
    from .articles import Entry
    from .geo.geocoders import Chain

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class SiteConfigError(ValueError):
    """A site configuration that cannot be used; one line naming the file and the problem."""


def find_config(start: Path) -> Path | None:
    """The nearest mkdocs.yml in ``start`` (a folder) or a folder above it."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


@contextmanager
def _mkdocs_errors():
    """MkDocs logs a configuration's errors and then raises a bare 'Aborted': keep the errors."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("mkdocs")
    handler, propagate = Keep(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # its warnings are ours to print, once, in one line each
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@dataclass
class Site:
    """A site's configuration, as the build would use it (see ``load_site``)."""

    config_file: Path
    root: Path
    options: Any  # the plugin's BriefingConfig, validated by MkDocs
    mkdocs: Any  # the whole MkDocsConfig
    warnings: list[str] = field(default_factory=list)  # what MkDocs said while reading it
    _glossary: Glossary | None = field(default=None, repr=False)
    _entries: list[Entry] | None = field(default=None, repr=False)

    @property
    def glossary_file(self) -> Path | None:
        return self.root / self.options.glossary if self.options.glossary else None

    @property
    def glossary_label(self) -> str:
        """The glossary as messages name it: the path mkdocs.yml gives."""
        return str(self.options.glossary or "")

    def glossary(self) -> Glossary | None:
        """The site's glossary, read once; GlossaryError (one line) when it is unusable."""
        if self._glossary is None and self.glossary_file is not None:
            self._glossary = load_glossary(self.glossary_file)
        return self._glossary

    def entries(self) -> list[Entry]:
        """Every briefing of the site (seeds, then Markdown pages), exactly as the plugin lists
        them: same documents, paths, dates (``date_fallback``) and snapshot files."""
        if self._entries is None:
            from mkdocs.structure.files import get_files

            from .articles import docs_pages, page_entries, seed_entries

            opts = self.options
            entries = seed_entries(self.root, opts.seeds_dir, opts.briefings_dir, opts.snapshots,
                                   opts.date_fallback)
            pages = docs_pages(get_files(self.mkdocs))
            entries += page_entries(Path(self.mkdocs.docs_dir), pages, opts.snapshots)
            self._entries = apply_coverage(entries, opts)
        return self._entries

    @property
    def coverage(self) -> tuple[str, ...]:
        """The site's coverage area (``coverage``), as every document of the site carries it."""
        return coverage_of(self.options)

    def entry_for(self, path: str | Path) -> Entry | None:
        """The briefing of the site made from the file ``path``, or None."""
        wanted = Path(path).resolve()
        docs = Path(self.mkdocs.docs_dir)
        for entry in self.entries():
            source = entry.seed if entry.seed is not None else docs / entry.uri
            if Path(source).resolve() == wanted:
                return entry
        return None

    def document_path(self, path: str | Path) -> str:
        """How the site names a file (suppressions scoped to an article use it): its path from
        mkdocs.yml's folder, or the path as given for a file outside the project."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def geocoders(self) -> Chain | None:
        """The online part of the geocoding chain, or None when only the gazetteer is configured."""
        return geocoder_chain(self.root, self.options)

    def stale(self) -> list[str]:
        """One line per snapshot that is missing, corrupt or stale (no NLP runs)."""
        from .batch import glossary_digest
        from .snapshots import SnapshotError, content_key, load

        digest = glossary_digest(self.glossary_file)
        bad = []
        for entry in self.entries():
            snap = entry.job.snapshot
            if snap is None:
                continue
            try:
                loaded = load(snap, entry.job.document)
            except SnapshotError as e:
                bad.append(str(e))  # names the file and what is wrong
                continue
            if loaded is None:
                bad.append(f"{self._shown(snap)}: missing")
            elif not loaded.fresh(content_key(entry.job.document, digest)):
                bad.append(f"{self._shown(snap)}: stale")
            elif entry.job.page is not None and loaded.page != entry.job.page:
                bad.append(f"{self._shown(snap)}: stale (its page is now {entry.job.page})")
        return bad

    def problems(self) -> list[str]:
        """The mistakes the build warns about (``briefing.validate``), for this site."""
        from .validate import site_problems

        docs = [e.job.document for e in self.entries()]
        return site_problems(self.glossary(), self.glossary_label, docs)

    def _shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def load_site(config_file: str | Path, *, required: bool = True) -> Site | None:
    """The site described by ``config_file``, read and checked by MkDocs as ``mkdocs build`` does.

    Raises SiteConfigError (one line) when the file is missing or invalid, or when the briefing
    plugin is not enabled in it; with ``required=False`` a site without the plugin is None.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .paths import PathError, check_options

    path = Path(config_file)
    if not path.is_file():
        raise SiteConfigError(f"{config_file}: no such file (give the site's mkdocs.yml with -f)")
    with _mkdocs_errors() as records:
        try:
            cfg = load_config(config_file=str(path))
        except (ConfigurationError, Abort, OSError) as e:  # Abort: MkDocs logged the errors first
            errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
            detail = errors[0] if errors else (str(e).strip().splitlines() or ["invalid"])[-1]
            raise SiteConfigError(f"{config_file}: {' '.join(detail.split())}") from None
    plugin = cfg.plugins.get("briefing")
    if plugin is None or not plugin.config.enabled:
        if not required:
            return None
        raise SiteConfigError(f"{config_file}: the 'briefing' plugin is not enabled")
    root = path.resolve().parent
    try:
        check_options(root, plugin.config)
    except PathError as e:
        raise SiteConfigError(str(e)) from None
    warnings = [" ".join(r.getMessage().split()) for r in records if r.levelno == logging.WARNING]
    return Site(path, root, plugin.config, cfg, warnings)


def coverage_of(options: Any) -> tuple[str, ...]:
    """The ``coverage`` option as documents carry it (checked and sorted by ``config._Coverage``)."""
    return tuple(getattr(options, "coverage", None) or ())


def apply_coverage(entries: list[Entry], options: Any) -> list[Entry]:
    """Every briefing of the site annotated for the site's coverage area: its documents carry the
    codes, so the resolver leans towards them and the snapshot key changes with them."""
    coverage = coverage_of(options)
    for entry in entries:
        entry.job.document.coverage = coverage
        if entry.source is not None:
            entry.source.document.coverage = coverage
    return entries


def geocoder_chain(root: Path, options) -> Chain | None:
    """The geocoders after the gazetteer, with their committed cache, as mkdocs.yml lists them
    (None when only the gazetteer is configured); SiteConfigError naming the option."""
    from .geo.geocoders import Chain, GeocoderConfigError
    from .paths import PathError, project_path

    if all(g == "gazetteer" for g in options.geocoders):
        return None
    cache = options.geocode_cache or f"{options.seeds_dir}/geocode-cache.yml"
    try:
        path = project_path(root, cache, "geocode_cache", file=True)
        return Chain.from_config(options.geocoders, path, options.user_agent)
    except PathError as e:
        raise SiteConfigError(str(e)) from None
    except GeocoderConfigError as e:
        raise SiteConfigError(f"mkdocs.yml: {e}") from None


# The glossary's names are re-exported for the entry points (see the module's docstring).
__all__ = [
    "Glossary",
    "GlossaryError",
    "Site",
    "SiteConfigError",
    "apply_coverage",
    "coverage_of",
    "find_config",
    "geocoder_chain",
    "load_glossary",
    "load_site",
]
