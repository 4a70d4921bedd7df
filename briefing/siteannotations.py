"""Every briefing of a site annotated for the build, and the build's warnings about them.

Fresh snapshots are reused and stale ones redone in parallel (``batch.run``); places then go
through the site's geocoders (``siteconfig.geocoder_chain``, as ``briefing annotate`` does it).
Mistakes nothing else catches (the glossary's, dates far in the future, briefings left undated,
stale snapshots in a strict build) are warnings naming the file and the fix, or with the
plugin's ``strict`` option errors that stop the build (``PluginError``, one line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from . import batch
from .articles import Entry
from .batch import Job
from .model import Annotations, Document
from .structure import BriefingRef

log = get_plugin_logger(__name__)

CACHE_FILE = ".cache/briefing/snapshots.json"  # parsed snapshots, for speed only (never committed)


def report_problems(glossary: Any, options: Any, docs: list[Document]) -> None:
    """Mistakes nothing else catches (``briefing.validate``: the glossary's, dates far in the
    future): warnings naming the file and the fix; errors with ``strict``."""
    from .validate import site_problems

    problems = site_problems(glossary, str(options.glossary or ""), docs)
    for problem in problems:
        (log.error if options.strict else log.warning)(problem)
    if problems and options.strict:
        raise PluginError(f"{len(problems)} problem(s) above; strict: true makes them errors")


def annotate(
    jobs: list[Job], root: Path, options: Any, glossary: Any, glossary_file: Path | None
) -> tuple[dict[str, Annotations], dict[str, list[str]]]:
    """Every briefing's annotations by page URI, and the addresses each had before."""
    strict = options.strict
    workers = options.jobs or batch.default_workers()
    cache = root / CACHE_FILE if options.snapshots else None
    result = batch.run(jobs, glossary, glossary_file, workers=workers, write=not strict, cache=cache)
    for problem in result.problems:
        log.warning(problem)
    if strict and result.stale:
        raise PluginError(
            "stale annotation snapshots (refresh them with a non-strict build or "
            f"`briefing annotate --write`): {', '.join(sorted(result.stale))}"
        )
    if jobs:
        log.info(result.summary())
    return result.annotations, result.moved


def briefing_refs(
    entries: list[Entry], annotations: dict[str, Annotations], root: Path, options: Any
) -> dict[str, BriefingRef]:
    """The site's briefings by page URI, their places geocoded as the site's pages show them."""
    chain = _geocoders(root, options)
    briefings = {}
    for e in entries:
        ann = chain.resolve(annotations[e.uri]) if chain else annotations[e.uri]
        d = ann.document
        description = e.source.document.meta.get("description")
        briefings[e.uri] = BriefingRef(
            e.uri,
            d.title or e.uri,
            d.section,
            d.date,
            ann,
            description if isinstance(description, str) else None,
        )
    if chain:
        for warning in chain.warnings:
            log.warning(warning)
        chain.cache.save()
        for problem in chain.cache.problems:  # unreadable, impossible coordinates, unwritable
            log.warning(problem)
    return briefings


def _geocoders(root: Path, options: Any):
    """The online part of the geocoding chain, or None when only the gazetteer is configured
    (built as ``briefing annotate`` builds it: ``siteconfig.geocoder_chain``)."""
    from .siteconfig import SiteConfigError, geocoder_chain

    try:
        return geocoder_chain(root, options)
    except SiteConfigError as e:
        raise PluginError(str(e)) from None


def report_undated(briefings: dict[str, BriefingRef], options: Any) -> None:
    """Briefings left without a date: a warning saying how to date them; an error with strict."""
    from .dating import undated_report

    undated = sorted(b.annotations.document.path or b.uri for b in briefings.values() if not b.date)
    message = undated_report(undated, options.date_fallback)
    if message and options.strict:
        raise PluginError(message)
    if message:
        log.warning(message)
