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

EXIT_USAGE = 2
EXIT_INPUT = 1


def _fail(message: str, code: int = EXIT_INPUT) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate one article and print the contract's JSON (or YAML)."""
    from .model import Document
    from .pipeline import annotate_document
    from .sources import SourceError, decode, normalise_date, read_source

    try:
        date = normalise_date(args.date, "--date") if args.date else None
        if args.path == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>")
            doc = Document(text=text)
        else:
            if not Path(args.path).exists():
                return _fail(f"{args.path}: no such file")
            doc = read_source(args.path).document
        glossary = None
        if args.glossary:
            from .entities import GlossaryError, load_glossary

            try:
                glossary = load_glossary(args.glossary)
            except GlossaryError as e:
                return _fail(str(e))
    except SourceError as e:
        return _fail(str(e))
    if date:
        doc.date, doc.date_source = date, "option"
    ann = annotate_document(doc, glossary)
    data = ann.to_dict()
    if args.format == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
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
        help="annotate one article and print JSON (the benchmark contract)",
        description="Annotate one article (a seed .txt, a Markdown page, or '-' for plain text on "
        "standard input) and print one JSON object: document, text, entities, places, "
        "times (TIMEX3) and events. Runs fully offline.",
    )
    p.add_argument("path", metavar="PATH", help="seed .txt, Markdown .md, or - for standard input")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="document date (reference for 'on Wednesday'); default: from metadata, "
        "else inferred from the text",
    )
    p.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default json)")
    p.add_argument("--glossary", metavar="FILE", help="editors' glossary YAML (always wins over extraction)")
    p.set_defaults(func=cmd_annotate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
