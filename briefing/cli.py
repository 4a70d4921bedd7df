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

from . import __version__
from .nlp import ModelMissingError

EXIT_USAGE = 2
EXIT_INPUT = 1


def _fail(message: str, code: int = EXIT_INPUT) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def stdin_text() -> str:
    """Standard input exactly as sent (the contract: offsets index it unchanged), strict UTF-8."""
    from .sources import SourceError, check_size

    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(f"<stdin>: not UTF-8 text (byte {e.start})") from None
    return check_size(text, "<stdin>")


def _load_glossary(path: str | None):
    if not path:
        return None
    from .entities import load_glossary

    return load_glossary(path)


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate articles: one path prints the contract's JSON (or YAML); many print JSON Lines."""
    from .entities import GlossaryError
    from .model import Document
    from .sources import SourceError, normalise_date, read_source

    try:
        date = normalise_date(args.date, "--date") if args.date else None
        glossary = _load_glossary(args.glossary)
        docs = []
        for path in args.paths:
            if path == "-":
                doc = Document(text=stdin_text())
            elif not Path(path).is_file():
                return _fail(f"{path}: no such file")
            else:
                doc = read_source(path).document
            if date:
                doc.date, doc.date_source, doc.date_from = date, "option", "option"
            docs.append((path, doc))
    except (SourceError, GlossaryError) as e:
        return _fail(str(e))
    if args.write:
        return _write_snapshots(docs, glossary, args)
    if len(docs) == 1:
        from .pipeline import annotate_document

        data = annotate_document(docs[0][1], glossary).to_dict()
        if args.format == "yaml":
            import yaml

            sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
        else:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    from . import batch

    jobs = [batch.Job(doc, None, path) for path, doc in docs]
    result = batch.run(
        jobs,
        glossary,
        args.glossary,
        workers=args.jobs or batch.default_workers(),
        write=False,
        progress=sys.stderr.isatty(),
    )
    for path, _ in docs:
        sys.stdout.write(json.dumps(result.annotations[path].to_dict(), ensure_ascii=False) + "\n")
    return 0


def _write_snapshots(docs, glossary, args: argparse.Namespace) -> int:
    """Refresh the snapshots beside the given articles (fresh ones are left alone)."""
    from . import batch
    from .snapshots import snapshot_path

    if any(path == "-" for path, _ in docs):
        return _fail("--write needs files, not standard input", EXIT_USAGE)
    jobs = [batch.Job(doc, snapshot_path(path), path) for path, doc in docs]
    result = batch.run(jobs, glossary, args.glossary, workers=args.jobs or batch.default_workers())
    for problem in result.problems:
        print(f"briefing: warning: {problem}", file=sys.stderr)
    print(result.summary(), file=sys.stderr)
    return 0


def _site_entries(config_file: str):
    """Briefings of the site described by ``config_file``, as the plugin sees them."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .articles import docs_pages, page_entries, seed_entries
    from .paths import check_options

    try:
        cfg = load_config(config_file=config_file)
    except (ConfigurationError, OSError) as e:
        raise SystemExit(_fail(f"{config_file}: {str(e).strip().splitlines()[-1]}")) from None
    plugin = cfg.plugins.get("briefing")
    if plugin is None:
        raise SystemExit(_fail(f"{config_file}: the 'briefing' plugin is not enabled"))
    opts = plugin.config
    root = Path(config_file).resolve().parent
    check_options(root, opts)
    entries = seed_entries(root, opts.seeds_dir, opts.briefings_dir, opts.snapshots, opts.date_fallback)
    from mkdocs.structure.files import get_files

    entries += page_entries(Path(cfg.docs_dir), docs_pages(get_files(cfg)), opts.snapshots)
    glossary_file = str(root / opts.glossary) if opts.glossary else None
    return entries, glossary_file


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 1, naming the files, when a snapshot is missing, corrupt or stale (no NLP runs)."""
    from .batch import glossary_digest
    from .entities import GlossaryError, load_glossary
    from .paths import PathError
    from .snapshots import SnapshotError, content_key, load
    from .sources import SourceError

    try:
        entries, glossary_file = _site_entries(args.config_file)
        if glossary_file:  # unreadable or invalid: say so, rather than call every snapshot stale
            load_glossary(glossary_file)
    except (SourceError, PathError, GlossaryError) as e:
        return _fail(str(e))
    digest = glossary_digest(glossary_file)
    bad = []
    for entry in entries:
        snap = entry.job.snapshot
        if snap is None:
            continue
        try:
            loaded = load(snap, entry.job.document)
        except SnapshotError as e:
            bad.append(str(e))  # names the file and what is wrong
            continue
        if loaded is None:
            bad.append(f"{snap}: missing")
        elif not loaded.fresh(content_key(entry.job.document, digest)):
            bad.append(f"{snap}: stale")
        elif entry.job.page is not None and loaded.page not in (None, entry.job.page):
            bad.append(f"{snap}: stale (its page is now {entry.job.page}; the build records the move)")
    for line in bad:
        print(line, file=sys.stderr)
    if bad:
        print(
            f"briefing: {len(bad)} of {len(entries)} snapshots need refreshing: run `mkdocs build` "
            "or `briefing annotate --write FILE...` and commit them",
            file=sys.stderr,
        )
        return 1
    print(f"{len(entries)} snapshot{'' if len(entries) == 1 else 's'} fresh")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Markdown report of annotation changes between two revisions (HEAD: the working tree)."""
    from .review import GitError, report

    try:
        sys.stdout.write(report(args.base, args.head, Path(args.root).resolve()))
    except GitError as e:
        return _fail(str(e))
    return 0


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
    p.add_argument("--glossary", metavar="FILE", help="editors' glossary YAML (always wins over extraction)")
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
