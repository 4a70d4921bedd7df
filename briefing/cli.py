"""The ``briefing`` command.

``briefing annotate`` is the contract every benchmark calls
(``../shared/CONTRACT.md``): keep its interface stable, extend it only with
optional fields. User mistakes end with one line on standard error and a
non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .pipeline import ModelMissingError

if TYPE_CHECKING:  # pragma: no cover
    from .model import Annotations
    from .targets import Group, Target

EXIT_USAGE = 2
EXIT_INPUT = 1


def _fail(message: str, code: int = EXIT_INPUT) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"briefing: warning: {line}", file=sys.stderr)


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate articles: one path prints the contract's JSON (or YAML); many print JSON Lines.

    A file of a site (the nearest mkdocs.yml above it, or ``-f``) is annotated with the site's
    options, as ``mkdocs build`` does it; ``--glossary`` still wins.
    """
    from .paths import PathError
    from .siteconfig import GlossaryError, SiteConfigError
    from .sources import SourceError
    from .targets import InputError, build_problems, glossary_groups, read_targets

    try:
        targets = read_targets(args.paths, args.date, args.config_file, args.write)
        groups = glossary_groups(targets, args.glossary)
        problems = build_problems(targets, groups)
    except (SourceError, GlossaryError, SiteConfigError, PathError, InputError) as e:
        return _fail(str(e))
    if args.write and any(t.path == "-" for t in targets):
        return _fail("--write needs files, not standard input", EXIT_USAGE)
    _warn(problems)
    if args.write:
        return _write_snapshots(targets, groups, args)
    from . import batch

    annotations: dict[int, Annotations] = {}
    for g in groups:
        if len(targets) == 1:
            from .pipeline import annotate_document

            annotations[0] = annotate_document(targets[0].document, g.glossary)
            continue
        jobs = [batch.Job(targets[i].document, None, str(i)) for i in g.indexes]
        result = batch.run(
            jobs,
            g.glossary,
            g.file,
            workers=_workers(args, targets),
            write=False,
            progress=sys.stderr.isatty(),
        )
        annotations.update({i: result.annotations[str(i)] for i in g.indexes})
    try:
        _geocode(targets, annotations)
    except SiteConfigError as e:
        return _fail(str(e))
    if len(targets) == 1:
        data = annotations[0].to_dict()
        if args.format == "yaml":
            import yaml

            sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
        else:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    for i in range(len(targets)):
        sys.stdout.write(json.dumps(annotations[i].to_dict(), ensure_ascii=False) + "\n")
    return 0


def _geocode(targets: list[Target], annotations: dict[int, Annotations]) -> None:
    """Places as the site's pages show them: its geocoders after the gazetteer, through their
    committed cache (snapshots hold what extraction found, so ``--write`` skips this)."""
    chains: dict[int, object] = {}
    for i, t in enumerate(targets):
        if t.site is None:
            continue
        if id(t.site) not in chains:
            chains[id(t.site)] = t.site.geocoders()
        chain = chains[id(t.site)]
        if chain is not None:
            annotations[i] = chain.resolve(annotations[i])
    for chain in chains.values():
        if chain is not None:
            _warn(chain.warnings)
            chain.cache.save()
            _warn(chain.cache.problems)


def _workers(args: argparse.Namespace, targets: list[Target]) -> int:
    from . import batch

    site_jobs = next((t.site.options.jobs for t in targets if t.site is not None), 0)
    return args.jobs or site_jobs or batch.default_workers()


def _write_snapshots(targets: list[Target], groups: list[Group], args: argparse.Namespace) -> int:
    """Refresh the snapshots of the given articles (fresh ones are left alone)."""
    from . import batch

    for g in groups:
        jobs = [
            batch.Job(targets[i].document, targets[i].snapshot, targets[i].path, *targets[i].page)
            for i in g.indexes
        ]
        result = batch.run(jobs, g.glossary, g.file, workers=_workers(args, targets))
        _warn(result.problems)
        print(result.summary(), file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 1, naming the files, when a snapshot is missing, corrupt or stale (no NLP runs);
    the build's warnings are printed too (with ``strict: true`` they fail the check)."""
    from .paths import PathError
    from .siteconfig import GlossaryError, SiteConfigError, load_site
    from .sources import SourceError

    try:
        site = load_site(args.config_file)
        site.glossary()  # unreadable or invalid: say so, rather than call every snapshot stale
        entries = site.entries()
        problems = site.warnings + site.problems()
        bad = site.stale()
    except (SourceError, PathError, GlossaryError, SiteConfigError) as e:
        return _fail(str(e))
    strict = bool(problems) and site.options.strict
    for line in problems:
        print(f"briefing: {'error' if strict else 'warning'}: {line}", file=sys.stderr)
    for line in bad:
        print(line, file=sys.stderr)
    if bad:
        print(
            f"briefing: {len(bad)} of {len(entries)} snapshots need refreshing: run `mkdocs build` "
            "or `briefing annotate --write FILE...` and commit them",
            file=sys.stderr,
        )
    if strict:
        n = len(problems)
        print(
            f"briefing: {n} problem{'' if n == 1 else 's'} above: the site sets strict: true, so the "
            "build fails on them",
            file=sys.stderr,
        )
    if bad or strict:
        return 1
    print(f"{len(entries)} snapshot{'' if len(entries) == 1 else 's'} fresh")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Markdown report of annotation changes between two revisions (HEAD: the working tree);
    for the working tree, it also says which snapshots are stale (their changes are not shown)."""
    from .review import GitError, report, stale_note

    root = Path(args.root).resolve()
    try:
        text = report(args.base, args.head, root)
    except GitError as e:
        return _fail(str(e))
    if args.head is None:
        text += stale_note(_stale_snapshots(args.config_file, root))
    sys.stdout.write(text)
    return 0


def _stale_snapshots(config_file: str | None, root: Path) -> list[str]:
    """The working tree's stale snapshots, for ``briefing diff``; a site that cannot be read is
    a warning (the report of committed changes still stands)."""
    from .paths import PathError
    from .siteconfig import GlossaryError, SiteConfigError, find_config, load_site
    from .sources import SourceError

    path = Path(config_file) if config_file else find_config(root)
    if path is None:
        return []
    try:
        site = load_site(path, required=config_file is not None)
        return site.stale() if site is not None else []
    except (SourceError, PathError, GlossaryError, SiteConfigError) as e:
        _warn([f"cannot tell which snapshots are stale: {e}"])
        return []


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Annotated news briefings: entities, places, dates and events, as an MkDocs site.",
        epilog="The site itself is built by MkDocs with the 'briefing' plugin: mkdocs build / mkdocs serve.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "annotate",
        help="annotate articles and print JSON (one path: the benchmark contract)",
        description="Annotate one article (a seed .txt, a Markdown page, or '-' for plain text on "
        "standard input) and print one JSON object: document, text, entities, places, "
        "times (TIMEX3) and events. Runs fully offline.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="seed .txt, Markdown .md, or - for standard input; several paths print JSON Lines",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="document date (reference for 'on Wednesday'); default: from metadata, "
        "else inferred from the text",
    )
    p.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default json)")
    p.add_argument(
        "--glossary",
        metavar="FILE",
        help="editors' glossary YAML (always wins over extraction); default: the site's",
    )
    p.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's mkdocs.yml, whose briefing options apply (default: the nearest mkdocs.yml "
        "above each file; standard input gets the embedded defaults)",
    )
    p.add_argument(
        "--write",
        action="store_true",
        help="write each file's snapshot (<name>.annotations.yml) instead of printing",
    )
    p.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="processes for many files (default: cores)"
    )
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser(
        "check",
        help="fail when an annotation snapshot is stale (like a lock-file check)",
        description="Check that every briefing's committed snapshot matches its article, "
        "glossary and extractor version, without running the NLP. Exit 1 and "
        "name the files otherwise.",
    )
    p.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)"
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "diff",
        help="Markdown report of annotation changes between git revisions",
        description="Compare the annotation snapshots of two git revisions (HEAD defaults to "
        "the working tree) and print a Markdown report for a pull request.",
    )
    p.add_argument("base", metavar="BASE", help="base revision, e.g. origin/main")
    p.add_argument("head", metavar="HEAD", nargs="?", help="head revision (default: the working tree)")
    p.add_argument("--root", default=".", help="repository folder (default: .)")
    p.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's mkdocs.yml, to say which snapshots are stale (default: the nearest above --root)",
    )
    p.set_defaults(func=cmd_diff)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except ModelMissingError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
