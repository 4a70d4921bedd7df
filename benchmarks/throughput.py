"""Annotation throughput of one engine over seed files, in its own process (called by run.py).

Each engine is timed after its model is loaded, so the figure is the steady
rate a long build sees, not Python and spaCy start-up:

- ``raw``: spaCy alone, ``tok2vec`` + ``ner`` enabled, ``nlp.pipe`` over the texts
  (the floor any NER-based annotator pays);
- ``full``: our configured spaCy pipeline (tagger, parser, lemmatizer too), ``nlp.pipe``;
- ``ours``: ``briefing.batch.run`` with ``--jobs`` workers, the code path of
  ``briefing annotate --jobs N`` and of the plugin's cold build (no snapshots).

Both wall time and CPU time (this process and its workers) are reported: on a
shared machine the CPU figure is the steadier one for comparing engines.

With ``--profile FILE`` the timed part runs under cProfile (``ours`` only makes sense
with ``--jobs 1``). Prints one JSON object: engine, jobs, docs, words, seconds, cpu_seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import json
import resource
import sys
import time
from pathlib import Path


def _texts(paths: list[str]) -> list:
    from briefing.sources import read_seed

    return [read_seed(p).document for p in paths]


def _raw_nlp():
    """spaCy's own pipeline with only tok2vec and ner, from the package our loader would use."""
    import spacy

    from briefing.nlp import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        nlp = spacy.load(name)
        nlp.select_pipes(enable=["tok2vec", "ner"])
        return nlp
    raise SystemExit("no English spaCy model installed")


def run(engine: str, jobs: int, paths: list[str], profile: str | None) -> dict:
    docs = _texts(paths)
    texts = [d.text for d in docs]
    if engine == "raw":
        nlp = _raw_nlp()
        work = lambda: sum(1 for _ in nlp.pipe(texts))  # noqa: E731
    elif engine == "full":
        from briefing.nlp import load_nlp

        nlp = load_nlp()
        work = lambda: sum(1 for _ in nlp.pipe(texts))  # noqa: E731
    else:
        from briefing import batch
        from briefing.nlp import load_nlp

        # The model is loaded before timing (forked workers inherit it); the gazetteer and the
        # other lazy data are not: their loading is our own cost. (Warming them here would also
        # share the parent's open gazetteer zip with forked workers: see the report.)
        nlp = load_nlp()
        batch_jobs = [batch.Job(d, None, str(i)) for i, d in enumerate(docs)]
        work = lambda: len(batch.run(batch_jobs, None, None, workers=jobs, write=False).annotations)  # noqa: E731
    list(nlp.pipe([texts[0][:200]]))  # the first call pays lazy initialisation in every engine
    prof = cProfile.Profile() if profile else None
    cpu0 = _cpu()
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    n = work()
    if prof:
        prof.disable()
    seconds = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    if prof:
        prof.dump_stats(profile)
    return {
        "engine": engine,
        "jobs": jobs,
        "docs": n,
        "words": sum(len(t.split()) for t in texts),
        "seconds": seconds,
        "cpu_seconds": cpu,
    }


def _cpu() -> float:
    """CPU seconds of this process and its reaped workers: a figure other load does not inflate much."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=("raw", "full", "ours"), required=True)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--profile", metavar="FILE", help="write cProfile stats of the timed part")
    ap.add_argument("--list", type=Path, required=True, help="file with one seed path per line")
    args = ap.parse_args(argv)
    paths = [p for p in args.list.read_text(encoding="utf-8").splitlines() if p]
    print(json.dumps(run(args.engine, args.jobs, paths, args.profile)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
