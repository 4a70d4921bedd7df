"""Rebuilds in one process, as ``mkdocs serve`` does them after each save.

    python3 benchmarks/rebuild.py SITE/mkdocs.yml OUT_DIR FILE [--edits 3]

Builds the site once, then ``--edits`` times appends a sentence to FILE and
builds again, each time from a freshly loaded configuration (new plugin
instances, as ``serve`` makes them) but in the same Python process, so that
whatever a plugin keeps between builds (imported modules, memos) is kept,
exactly as under ``serve``. Prints one JSON line: the first build and each
rebuild in seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("config", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("file", type=Path, help="the article to edit between builds")
    ap.add_argument("--edits", type=int, default=3)
    args = ap.parse_args(argv)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    def once() -> float:
        t0 = time.perf_counter()
        build(load_config(config_file=str(args.config), site_dir=str(args.out)))
        return time.perf_counter() - t0

    first = once()
    rebuilds = []
    for i in range(args.edits):
        text = args.file.read_text(encoding="utf-8").rstrip("\n")
        args.file.write_text(
            text + f" Officials gave no further details on update {i + 1}.\n", encoding="utf-8"
        )
        rebuilds.append(once())
    print(json.dumps({"first": first, "rebuilds": rebuilds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
