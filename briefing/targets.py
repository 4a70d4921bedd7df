"""What ``briefing annotate`` annotates: each PATH's document as the build reads it, the site it
belongs to, its snapshot, and the glossary it is annotated with.

A file of a site (``-f``'s, else the nearest mkdocs.yml above it) comes from the site's own list
of briefings, so its path, its ``date_fallback`` date and its snapshot are the build's; another
file is read as it is; standard input belongs to no site unless ``-f`` names one. Targets are
then grouped by glossary (``--glossary`` for all, else each site's own), one batch per group.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .model import Document
from .siteconfig import Glossary, Site, find_config, load_glossary, load_site
from .sources import SourceError, check_size, normalise_date, read_source


class InputError(ValueError):
    """A PATH that cannot be annotated (one line)."""


def stdin_text() -> str:
    """Standard input exactly as sent (the contract: offsets index it unchanged), strict UTF-8."""
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(f"<stdin>: not UTF-8 text (byte {e.start})") from None
    return check_size(text, "<stdin>")


@dataclass
class Target:
    """One PATH of ``briefing annotate``: its document, the site it belongs to, its snapshot."""

    path: str
    document: Document
    site: Site | None = None
    snapshot: Path | None = None
    page: tuple = ()  # (page, legacy_page, moved_from) of a site's briefing: the snapshot records them


class _Sites:
    """The site of each PATH: ``-f``'s for all, else the nearest mkdocs.yml above each file
    (standard input belongs to no site unless ``-f`` names one); each file read once."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = config_file
        self._loaded: dict[Path, Site | None] = {}

    def _load(self, path: Path, required: bool) -> Site | None:
        key = path.resolve()
        if key not in self._loaded:
            self._loaded[key] = load_site(path, required=required)
        return self._loaded[key]

    def given(self) -> Site | None:
        return self._load(Path(self.config_file), True) if self.config_file else None

    def of_file(self, path: str) -> Site | None:
        if self.config_file:
            return self.given()
        found = find_config(Path(path).resolve().parent)
        return self._load(found, False) if found else None


def read_targets(paths: list[str], date: str | None, config_file: str | None, write: bool) -> list[Target]:
    """Each PATH's document as the build would read it: a briefing of a site comes from the
    site's own list (its path, its ``date_fallback`` date), another file is read as it is;
    ``date`` (``--date``) wins over both. ``write``: each file needs a snapshot to write."""
    from .snapshots import snapshot_path

    date = normalise_date(date, "--date") if date else None
    sites = _Sites(config_file)
    targets = []
    for path in paths:
        if path == "-":
            target = Target(path, Document(text=stdin_text()), sites.given())
        elif not Path(path).is_file():
            raise InputError(f"{path}: no such file")
        else:
            site = sites.of_file(path)
            entry = site.entry_for(path) if site else None
            if entry is not None:
                j = entry.job
                target = Target(path, j.document, site, j.snapshot, (j.page, j.legacy_page, j.moved_from))
                if target.snapshot is None and write:
                    raise InputError(
                        f"{site.config_file}: the site keeps no snapshots (snapshots: false), "
                        f"so there is none to write for {path}"
                    )
            else:
                doc = read_source(path).document
                if site:
                    doc.path = site.document_path(path)
                target = Target(path, doc, site, snapshot_path(path))
        if target.site is not None:  # the site's coverage area, as its build annotates it
            target.document.coverage = target.site.coverage
        if date:
            d = target.document
            d.date, d.date_source, d.date_from = date, "option", "option"
        targets.append(target)
    return targets


@dataclass
class Group:
    """Targets annotated with one glossary: ``--glossary`` for all, else each site's own."""

    glossary: Glossary | None
    file: str | None
    site: Site | None  # whose glossary it is (None: --glossary, or no site)
    indexes: list[int]


def glossary_groups(targets: list[Target], explicit: str | None) -> list[Group]:
    """The targets by glossary, in the order of their first target."""
    if explicit:
        return [Group(load_glossary(explicit), explicit, None, list(range(len(targets))))]
    groups: dict[int, Group] = {}
    for i, t in enumerate(targets):
        site = t.site if t.site is not None and t.site.glossary_file is not None else None
        if id(site) not in groups:
            file = str(site.glossary_file) if site else None
            groups[id(site)] = Group(site.glossary() if site else None, file, site, [])
        groups[id(site)].indexes.append(i)
    return list(groups.values())


def build_problems(targets: list[Target], groups: list[Group]) -> list[str]:
    """What the build would warn about, for these articles: what MkDocs said about their site's
    configuration, their glossary's mistakes, suppressions scoped to no briefing of the site,
    dates far in the future."""
    from .validate import date_problems, glossary_problems, suppression_problems

    problems: list[str] = []
    for site in {id(t.site): t.site for t in targets if t.site is not None}.values():
        problems += site.warnings
    for g in groups:
        if g.glossary is None:
            continue
        label = g.site.glossary_label if g.site else str(g.file)
        problems += glossary_problems(g.glossary, label)
        if g.site is not None:
            articles = [e.job.document.path for e in g.site.entries() if e.job.document.path]
            problems += suppression_problems(g.glossary, label, articles)
    return problems + date_problems([t.document for t in targets if t.path != "-"])
