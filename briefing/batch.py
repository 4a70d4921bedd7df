"""Annotating many articles: fresh snapshots reused, stale ones redone in parallel.

Used by the MkDocs plugin (cold builds) and by ``briefing annotate`` with
several files or ``--write``. The spaCy model is only loaded when at least one
article is stale; with ``jobs > 1`` each worker process loads it once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from . import snapshots
from .model import Annotations, Document
from .wording import plural

if TYPE_CHECKING:  # pragma: no cover
    from .entities import Glossary

log = logging.getLogger("briefing")


@dataclass
class Job:
    """One article to annotate; ``snapshot`` is where its YAML lives (None: no snapshot).

    ``page`` is the article's page in the site (None outside a site): the snapshot records it,
    and the addresses it had before, so that a build can redirect them. ``legacy_page`` is
    where a snapshot written before pages were recorded had it; ``moved_from``, earlier
    addresses known otherwise (the snapshot of a renamed file).
    """

    document: Document
    snapshot: Path | None
    label: str
    page: str | None = None
    legacy_page: str | None = None
    moved_from: tuple[str, ...] = ()


@dataclass
class Result:
    annotations: dict[str, Annotations] = field(default_factory=dict)  # by label
    reused: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    moved: dict[str, list[str]] = field(default_factory=dict)  # label -> addresses it had before

    def summary(self) -> str:
        return (
            f"{plural(len(self.annotations), 'briefing')}: {len(self.annotated)} annotated, "
            f"{len(self.reused)} reused from snapshots, {plural(len(self.written), 'snapshot')} written"
            + (f", {plural(len(self.problems), 'problem')}" if self.problems else "")
        )


def glossary_digest(path: str | Path | None) -> str:
    """Hash of the glossary file, so that editing it refreshes every snapshot."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"


# Annotations by content key, kept for the life of the process: `mkdocs serve` reloads the
# plugin on every rebuild but not this module, so unchanged articles cost nothing there.
_MEMO: dict[str, Annotations] = {}
_ON_DISK: dict[str, tuple] = {}  # snapshot path -> (key, page, moved_from) last read or written there
MEMO_LIMIT = 20_000

BATCH = 8  # documents per nlp.pipe call: spaCy batches them, a worker gets one batch at a time


def _annotate_batch(args: tuple[list[Document], Glossary | None]) -> list[Annotations]:
    from .pipeline import annotate_documents

    docs, glossary = args
    return annotate_documents(docs, glossary)


class Progress:
    """A bar on a terminal, a plain line every ~10% elsewhere (CI logs)."""

    def __init__(self, total: int, what: str, stream=None) -> None:
        self.total, self.what, self.done = total, what, 0
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.t0 = time.perf_counter()
        self.step = max(1, total // 10)

    def advance(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        elapsed = time.perf_counter() - self.t0
        if self.tty:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            self.stream.write(
                f"\r{self.what} [{'#' * filled}{'.' * (width - filled)}] "
                f"{self.done}/{self.total} {elapsed:.0f}s"
            )
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif self.done // self.step != before // self.step or self.done == self.total:
            log.info("%s: %d/%d (%.0fs)", self.what, self.done, self.total, elapsed)


def run(
    jobs: list[Job],
    glossary: Glossary | None = None,
    glossary_file: str | Path | None = None,
    workers: int = 1,
    write: bool = True,
    progress: bool = True,
    cache: Path | None = None,
) -> Result:
    """Annotations for every job; stale ones recomputed (and written when ``write``).

    ``cache`` is a file where parsed snapshots are kept between runs (``snapshots.ParseCache``).
    """
    from .pipeline import resolve_date

    result = Result()
    digest = glossary_digest(glossary_file)
    parsed = snapshots.ParseCache(cache)
    todo: list[tuple[Job, str]] = []
    for job in jobs:
        key = snapshots.content_key(job.document, digest)
        snap = str(job.snapshot) if job.snapshot is not None else None
        on_disk = _ON_DISK.get(snap) if snap else None
        if key in _MEMO:
            if snap is None or (on_disk and on_disk[:2] == (key, job.page)):
                result.annotations[job.label] = _MEMO[key]
                result.reused.append(job.label)
                result.moved[job.label] = _moves(job, on_disk[2] if on_disk else ())
                continue
            if write and on_disk and on_disk[0] != key:  # an edit undone under `serve`: follow it
                result.annotations[job.label] = _MEMO[key]
                result.reused.append(job.label)
                result.moved[job.label] = _moves(job, on_disk[2])
                _save(result, _MEMO[key], key, job, parsed)
                continue
        moved_before: tuple[str, ...] = ()
        if job.snapshot is not None:
            try:
                loaded = snapshots.load(job.snapshot, job.document, parsed)
            except snapshots.SnapshotError as e:
                result.problems.append(str(e))
                loaded = None
            if loaded is not None:
                before = loaded.page or job.legacy_page  # where it was published when written
                moved_before = tuple(loaded.moved_from) + ((before,) if before else ())
            result.moved[job.label] = _moves(job, moved_before)
            if loaded is not None and loaded.fresh(key):
                _remember(key, loaded.annotations)
                result.annotations[job.label] = loaded.annotations
                result.reused.append(job.label)
                if job.page is None or (loaded.page, loaded.moved_from) == (
                    job.page,
                    tuple(result.moved[job.label]),
                ):
                    _ON_DISK[snap] = (key, job.page, tuple(result.moved[job.label]))
                elif write:  # the same annotations at a new address: record the move
                    _save(result, loaded.annotations, key, job, parsed)
                else:
                    result.stale.append(snap)
                continue
            result.stale.append(snap)  # missing, corrupt or out of date
        else:
            result.moved[job.label] = _moves(job, ())
        todo.append((job, key))
    parsed.save()
    if todo:
        bar = Progress(len(todo), "annotating") if progress else None
        docs = [resolve_date(job.document) for job, _ in todo]
        size = max(1, min(BATCH, -(-len(docs) // max(1, workers))))  # every worker gets work
        batches = [(docs[i : i + size], glossary) for i in range(0, len(docs), size)]
        done: dict[int, Annotations] = {}

        def finished(k: int, anns: list[Annotations]) -> None:
            """Batch ``k`` is done: keep it, and write its snapshots now (an interrupted run keeps them)."""
            for n, ann in enumerate(anns, start=k * size):
                job, key = todo[n]
                done[n] = ann
                _remember(key, ann)
                if write and job.snapshot is not None:
                    _save(result, ann, key, job, parsed)
            if bar:
                bar.advance(len(anns))

        if workers > 1 and len(todo) > 1:
            _in_workers(batches, min(workers, len(batches)), finished)
        else:
            for k, b in enumerate(batches):
                finished(k, _annotate_batch(b))
        order = {str(job.snapshot): n for n, (job, _) in enumerate(todo)}
        result.written.sort(key=lambda w: order.get(w, -1))  # the same list however batches finished
        for n, (job, _) in enumerate(todo):
            result.annotations[job.label] = done[n]
            result.annotated.append(job.label)
    parsed.save()  # what the snapshots just written hold
    return result


def _in_workers(batches: list, workers: int, finished) -> None:
    """Run the batches in worker processes, handing each result to ``finished`` as it arrives.

    Workers die with this process (``kill -9`` included, see ``_worker_init``); on an exception
    here (Ctrl-C) they are stopped at once rather than left to finish their batch.
    """
    # One BLAS thread per process: two workers on two cores must not start four threads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    ctx = get_context("fork") if "fork" in _start_methods() else None
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),)
    )
    try:
        futures = {pool.submit(_annotate_batch, b): k for k, b in enumerate(batches)}
        for future in as_completed(futures):
            finished(futures[future], future.result())
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            proc.kill()
        raise
    pool.shutdown(wait=True)


def _worker_init(parent: int) -> None:
    """In each worker: die when the parent dies, and leave Ctrl-C to the parent.

    Linux delivers SIGKILL to the worker when its parent exits however it exits (``prctl``
    PR_SET_PDEATHSIG); elsewhere a thread watches the parent's pid.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def _die_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _moves(job: Job, before: tuple[str, ...]) -> list[str]:
    """Every address the article had before its current page (none outside a site)."""
    if job.page is None:
        return []
    return sorted((set(before) | set(job.moved_from)) - {job.page})


def _save(
    result: Result, ann: Annotations, key: str, job: Job, parsed: snapshots.ParseCache | None = None
) -> None:
    """Write one snapshot; a failure (read-only tree, full disk) is reported, never a traceback."""
    moved = result.moved.get(job.label, [])
    try:
        name = Path(job.document.path or job.label).name
        if snapshots.save(ann, key, job.snapshot, name, job.page, moved, parsed):
            result.written.append(str(job.snapshot))
        _ON_DISK[str(job.snapshot)] = (key, job.page, tuple(moved))
    except OSError as e:
        result.problems.append(f"{job.snapshot}: cannot write snapshot ({e.strerror or e})")


def _remember(key: str, ann: Annotations) -> None:
    if len(_MEMO) >= MEMO_LIMIT:
        _MEMO.clear()
    _MEMO[key] = ann


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def default_workers() -> int:
    """One worker per core, capped: each loads its own spaCy model (~200 MB)."""
    return max(1, min(os.cpu_count() or 1, 8))
