"""Speed, memory and page-weight benchmarks of the briefing plugin; one entry point.

    python3 benchmarks/run.py --corpus real [--sizes 100,300,all] [--growth-sizes 1000,2000,5000]
    python3 benchmarks/run.py --corpus synthetic [--sizes 100,500,1000] [--throughput] [--accuracy]

For each size N a corpus of N briefings is written as two sites: the real
articles of ``../shared/eval/*-dev.jsonl`` (benchmarks/realcorpus.py, read at
run time, never copied into the repository) or a deterministic synthetic
corpus made from ``seeds/`` (benchmarks/corpus.py). With ``--corpus real``
the synthetic corpus also runs at ``--growth-sizes`` to show how the build
grows beyond the real articles. Every figure is measured in the same run, so
that ratios compare like with like on a noisy machine (builds of the two
sites are interleaved; medians of the repetitions):

- plain build: Material alone on the same articles as pages, every page in its
  navigation (as a site without this plugin is built);
- cold / warm build: the briefing site without snapshots / with all fresh;
- rebuild after one edit, in one process as ``mkdocs serve`` does it
  (benchmarks/rebuild.py), and which snapshot files that rewrote;
- peak memory of the cold build (largest process, and the whole process tree);
- HTML pages, site bytes, and the bytes the annotations add to an article page;
- with ``--throughput``: annotation throughput against raw spaCy (benchmarks/throughput.py);
- with ``--accuracy``: the shared scorers on the development sets.

The code under test is copied once at start (``--live`` to skip): other people
editing ``briefing/`` mid-run would otherwise change the snapshot key and turn
warm builds cold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, Corpus, make_corpus  # noqa: E402
from realcorpus import make_real_corpus  # noqa: E402

SNAP = ".annotations.yml"
EVAL = REPO.parent / "shared" / "eval"
ACCURACY = (
    ("timeml-dev", "timex"),
    ("meantime-dev", "ner"),
    ("meantime-dev", "timex"),
    ("lgl-dev", "geo"),
    ("gwn-dev", "geo"),
)


# ------------------------------------------------------------------------------ running commands


@dataclass
class Measure:
    """One command's wall time and memory: largest process (wait4) and whole tree (sampled)."""

    seconds: float
    maxrss_mb: float
    tree_mb: float


def _children_of() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            out.setdefault(ppid, []).append(int(d))
    return out


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by forked workers are counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_pss_kb(root: int) -> int:
    kids, todo, total = _children_of(), [root], 0
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo += kids.get(pid, [])
    return total


def run_cmd(argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> Measure:
    """Run a command to completion, sampling its process tree's memory every 0.2 s."""
    with open(log, "ab") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                peak[0] = max(peak[0], _tree_pss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log.read_text(errors="replace")[-2000:]
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(argv)}\n{tail}")
    return Measure(seconds, usage.ru_maxrss / 1024, peak[0] / 1024)


# ------------------------------------------------------------------------------ one size


@dataclass
class SizeResult:
    n: int
    words: int
    kind: str = "synthetic"  # or "real"
    figures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class Bench:
    """Everything measured for the sizes of one run, sharing the environment and the log."""

    def __init__(self, args: argparse.Namespace, env: dict[str, str]) -> None:
        self.args, self.env = args, env
        self.work: Path = args.workdir
        self.log = self.work / "commands.log"
        self.config = REPO / "mkdocs.yml"
        self.sizes: list[int] = []

    def build(self, site: Path, out: Path) -> Measure:
        argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)]
        return run_cmd(argv, site, self.env, self.log)

    def size(self, n: int | None, kind: str) -> SizeResult:
        """Every figure for one corpus: ``kind`` real (``n`` None: all the articles) or synthetic."""
        if kind == "real":
            corpus = make_real_corpus(self.work / f"real{n or 'all'}", n, config=self.config)
            n = len(corpus.seeds)
        else:
            corpus = make_corpus(self.work / f"n{n}", n, seed=self.args.seed, config=self.config)
        reps = self.args.reps or (1 if self.args.quick else 3 if n <= 200 else 2 if n <= 800 else 1)
        r = SizeResult(n, corpus.words, kind)
        say(f"{kind} N={n}: {corpus.words} words, {reps} repetition(s)")
        plain = n <= self.args.plain_max
        if not plain:
            r.notes.append(f"plain Material site not built above N={self.args.plain_max} (--plain-max)")
        self._builds(corpus, r, reps, plain)
        self._incremental(corpus, r, plain)
        self._weight(corpus, r, plain)
        if self.args.throughput and kind == "synthetic":
            # The sample is capped, so later sizes time mostly the same texts again: one repetition there.
            first = n == min(self.sizes)
            self._throughput(corpus, r, 3 if first and not self.args.quick else 1)
        return r

    def _builds(self, c: Corpus, r: SizeResult, reps: int, with_plain: bool = True) -> None:
        bout, pout = c.root / "site-briefing", c.root / "site-plain"
        for snap in c.briefing.glob(f"seeds/*{SNAP}"):
            snap.unlink()
        cold = self.build(c.briefing, bout)
        fresh = _snapshots(c.briefing)
        if len(fresh) != r.n:
            r.notes.append(f"cold build wrote {len(fresh)} snapshots for {r.n} briefings")
        say(f"  cold build {cold.seconds:.1f}s, max RSS {cold.maxrss_mb:.0f} MB, tree {cold.tree_mb:.0f} MB")
        plain, warm = [], []
        for _ in range(reps):
            if with_plain:
                plain.append(self.build(c.plain, pout))
            warm.append(self.build(c.briefing, bout))
            say(f"  plain {plain[-1].seconds if plain else 0:.1f}s, warm {warm[-1].seconds:.1f}s")
        rewritten = sorted(k for k, v in _snapshots(c.briefing).items() if fresh.get(k) != v)
        if rewritten:
            r.notes.append(f"warm builds rewrote {len(rewritten)} snapshots: not all were fresh")
        f = r.figures
        f["cold_s"] = cold.seconds
        f["warm_s"] = statistics.median(m.seconds for m in warm)
        f["pages_briefing"] = _count_pages(bout)
        f["cold_maxrss_mb"] = cold.maxrss_mb
        f["cold_tree_mb"] = cold.tree_mb
        f["warm_maxrss_mb"] = statistics.median(m.maxrss_mb for m in warm)
        if not plain:
            return
        f["plain_s"] = statistics.median(m.seconds for m in plain)
        f["warm/plain"] = statistics.median(w.seconds / p.seconds for w, p in zip(warm, plain, strict=True))
        f["cold/plain"] = cold.seconds / f["plain_s"]
        f["cold_ms_per_doc"] = 1000 * (cold.seconds - f["plain_s"]) / r.n
        f["warm_ms_per_doc"] = 1000 * (f["warm_s"] - f["plain_s"]) / r.n
        f["pages_plain"] = _count_pages(pout)
        f["warm/plain per page"] = f["warm/plain"] * f["pages_plain"] / f["pages_briefing"]
        f["plain_maxrss_mb"] = statistics.median(m.maxrss_mb for m in plain)

    def _incremental(self, c: Corpus, r: SizeResult, with_plain: bool = True) -> None:
        """Edit one article and rebuild in one process, as ``mkdocs serve`` does after a save.

        The first rebuild after start-up also loads spaCy for the edited
        article; later ones find it loaded, as every save after the first
        does under ``serve``: their median is the figure, the first is shown too.
        """
        seed = c.seeds[len(c.seeds) // 2]
        before = _snapshots(c.briefing)
        ours = self._rebuild(c.briefing, c.root / "site-briefing", seed)
        after = _snapshots(c.briefing)
        changed = sorted(k for k in after if before.get(k) != after[k])
        f = r.figures
        f["incr_first_s"] = ours["rebuilds"][0]
        f["incr_s"] = statistics.median(ours["rebuilds"][1:] or ours["rebuilds"])
        f["incr_only_one"] = 1.0 if changed == [seed.stem + SNAP] else 0.0
        if changed != [seed.stem + SNAP]:
            r.notes.append(f"edits of {seed.name} rewrote these snapshots: {changed}")
        say(f"  edits in one process: briefing {[round(x, 1) for x in ours['rebuilds']]}, rewrote {changed}")
        if with_plain:
            plain = self._rebuild(c.plain, c.root / "site-plain", _plain_page(c, seed))
            f["incr_plain_s"] = statistics.median(plain["rebuilds"][1:] or plain["rebuilds"])
            f["incr/plain"] = f["incr_s"] / f["incr_plain_s"]
            say(f"  edits in one process: plain {[round(x, 1) for x in plain['rebuilds']]}")

    def _rebuild(self, site: Path, out: Path, edit: Path) -> dict:
        script = Path(__file__).with_name("rebuild.py")
        argv = [sys.executable, str(script), str(site / "mkdocs.yml"), str(out), str(edit), "--edits", "3"]
        proc = subprocess.run(argv, cwd=site, env=self.env, capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(f"rebuild failed: {proc.stderr[-2000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def _weight(self, c: Corpus, r: SizeResult, with_plain: bool = True) -> None:
        """Bytes an annotated page adds over the same plain page; shared assets once; whole sites."""
        bsite, psite = c.root / "site-briefing", c.root / "site-plain"
        f = r.figures
        f["site_mb"] = _tree_bytes(bsite) / 2**20
        f["assets_kb"] = _tree_bytes(bsite / "assets" / "briefing") / 1024
        if not with_plain:
            return
        deltas = []
        for p in sorted((bsite / "briefings").glob("*.html")):
            q = psite / "briefings" / p.name
            if q.exists():
                deltas.append(p.stat().st_size - q.stat().st_size)
        if len(deltas) != r.n:
            r.notes.append(f"page weight: {len(deltas)} of {r.n} pages paired")
        deltas.sort()
        f["page_delta_median_kb"] = statistics.median(deltas) / 1024
        f["page_delta_p95_kb"] = deltas[min(len(deltas) - 1, int(0.95 * len(deltas)))] / 1024
        f["page_delta_max_kb"] = deltas[-1] / 1024
        f["plain_site_mb"] = _tree_bytes(psite) / 2**20
        f["site_ratio"] = f["site_mb"] / f["plain_site_mb"]

    def _throughput(self, c: Corpus, r: SizeResult, reps: int) -> None:
        """Words per second of raw spaCy, our spaCy pipeline, ours with 1 and 2 jobs (interleaved)."""
        docs = list(c.seeds[: min(r.n, self.args.throughput_docs)])
        lst = c.root / "throughput.list"
        lst.write_text("\n".join(str(p) for p in docs) + "\n", encoding="utf-8")
        runs: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        script = Path(__file__).with_name("throughput.py")
        for _ in range(reps):
            for name, extra in ENGINES:
                engine = "ours" if name.startswith("ours") else name
                env = {**self.env, "OPENBLAS_NUM_THREADS": "1"} if name == "ours2_blas1" else self.env
                out = subprocess.run(
                    [sys.executable, str(script), "--engine", engine, *extra, "--list", str(lst)],
                    env=env,
                    capture_output=True,
                    text=True,
                )
                if out.returncode:
                    raise SystemExit(f"throughput {name} failed:\n{out.stderr[-2000:]}")
                data = json.loads(out.stdout.strip().splitlines()[-1])
                runs.setdefault(name, []).append(data["words"] / data["seconds"])
                cpu.setdefault(name, []).append(data["words"] / data["cpu_seconds"])
            say("  words/s " + ", ".join(f"{k} {v[-1]:.0f}" for k, v in runs.items()))
        f = r.figures
        for name, values in runs.items():
            f[f"wps_{name}"] = statistics.median(values)
            f[f"cpu_wps_{name}"] = statistics.median(cpu[name])

        def ratio(a: str, b: str, table: dict[str, list[float]]) -> float:
            return statistics.median(x / y for x, y in zip(table[a], table[b], strict=True))

        f["ours1/raw"] = ratio("ours1", "raw", runs)
        f["cpu ours1/raw"] = ratio("ours1", "raw", cpu)
        f["full/raw"] = ratio("full", "raw", cpu)
        f["ours2/ours1"] = ratio("ours2", "ours1", runs)
        f["cpu ours2/ours1"] = ratio("ours2", "ours1", cpu)
        f["ours2_blas1/ours1"] = ratio("ours2_blas1", "ours1", runs)
        f["throughput_docs"] = len(docs)
        f["load_avg"] = os.getloadavg()[0]


def _snapshots(site: Path) -> dict[str, str]:
    """Snapshot file name -> hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.glob(f"seeds/*{SNAP}"))}


def _plain_page(c: Corpus, seed: Path) -> Path:
    """The plain site's page made from ``seed`` (the same URI the plugin gives it)."""
    from briefing.articles import seed_entries

    for e in seed_entries(c.briefing, "seeds", "briefings", snapshots=True):
        if e.seed == seed:
            return c.plain / "docs" / e.uri
    raise SystemExit(f"no page for {seed}")


def _count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in site.glob("assets/**/*.html"))


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# ------------------------------------------------------------------------------ report

ROWS = (
    ("words", "words in the corpus", "{:.0f}"),
    ("plain_s", "plain Material build (s)", "{:.1f}"),
    ("cold_s", "briefing build, cold: no snapshots (s)", "{:.1f}"),
    ("warm_s", "briefing build, warm: snapshots fresh (s)", "{:.1f}"),
    ("warm/plain", "  ratio warm / plain", "{:.2f}"),
    ("cold/plain", "  ratio cold / plain", "{:.2f}"),
    ("warm_ms_per_doc", "  warm overhead per briefing (ms)", "{:.0f}"),
    ("cold_ms_per_doc", "  cold overhead per briefing (ms)", "{:.0f}"),
    ("incr_s", "rebuild after editing 1 article, 1 process (s)", "{:.1f}"),
    ("incr_first_s", "  the first such rebuild (loads spaCy) (s)", "{:.1f}"),
    ("incr_plain_s", "plain rebuild after editing 1 page (s)", "{:.1f}"),
    ("incr/plain", "  ratio", "{:.2f}"),
    ("incr_only_one", "  only that snapshot rewritten (1=yes)", "{:.0f}"),
    ("cold_maxrss_mb", "cold build max RSS, largest process (MB)", "{:.0f}"),
    ("cold_tree_mb", "cold build peak PSS, process tree (MB)", "{:.0f}"),
    ("warm_maxrss_mb", "warm build max RSS (MB)", "{:.0f}"),
    ("plain_maxrss_mb", "plain build max RSS (MB)", "{:.0f}"),
    ("pages_plain", "HTML pages, plain site", "{:.0f}"),
    ("pages_briefing", "HTML pages, briefing site", "{:.0f}"),
    ("plain_site_mb", "site bytes, plain (MB)", "{:.1f}"),
    ("site_mb", "site bytes, briefing (MB)", "{:.1f}"),
    ("site_ratio", "  ratio briefing / plain", "{:.2f}"),
    ("page_delta_median_kb", "HTML added to an article page, median (KB)", "{:.1f}"),
    ("page_delta_p95_kb", "HTML added to an article page, p95 (KB)", "{:.1f}"),
    ("page_delta_max_kb", "HTML added to an article page, max (KB)", "{:.1f}"),
    ("assets_kb", "shared assets, once (KB)", "{:.0f}"),
    ("throughput_docs", "throughput sample (briefings)", "{:.0f}"),
    ("wps_raw", "raw spaCy tok2vec+ner (words/s)", "{:.0f}"),
    ("wps_full", "our spaCy pipeline alone (words/s)", "{:.0f}"),
    ("wps_ours1", "ours, 1 job (words/s)", "{:.0f}"),
    ("wps_ours2", "ours, 2 jobs (words/s)", "{:.0f}"),
    ("wps_ours2_blas1", "ours, 2 jobs, OPENBLAS_NUM_THREADS=1", "{:.0f}"),
    ("ours1/raw", "  ratio ours 1 job / raw (wall)", "{:.2f}"),
    ("cpu ours1/raw", "  ratio ours 1 job / raw (CPU time)", "{:.2f}"),
    ("full/raw", "  ratio our spaCy pipeline / raw (CPU)", "{:.2f}"),
    ("ours2/ours1", "  ratio 2 jobs / 1 job (wall)", "{:.2f}"),
    ("ours2_blas1/ours1", "  ratio 2 jobs, 1 BLAS thread / 1 job", "{:.2f}"),
    ("cpu ours2/ours1", "  2 jobs / 1 job, words per CPU s (1 = no overhead)", "{:.2f}"),
    ("cpu_wps_raw", "raw spaCy, words per CPU second", "{:.0f}"),
    ("cpu_wps_ours1", "ours 1 job, words per CPU second", "{:.0f}"),
    ("load_avg", "1-min load average after throughput", "{:.1f}"),
)
ENGINES = (
    ("raw", []),
    ("full", []),
    ("ours1", ["--jobs", "1"]),
    ("ours2", ["--jobs", "2"]),
    ("ours2_blas1", ["--jobs", "2"]),  # the same, with one OpenBLAS thread per process
)
# Figures whose growth with N is worth a line: times per run, memory, weight, throughput.
GROWTH = (
    "plain_s",
    "cold_s",
    "warm_s",
    "incr_s",
    "cold_maxrss_mb",
    "cold_tree_mb",
    "site_mb",
    "pages_briefing",
)


def table(results: list[SizeResult]) -> str:
    """One column per corpus size; rows no run measured are left out."""
    head = f"{'figure':<52}" + "".join(f"{r.kind[:5] + ' N=' + str(r.n):>14}" for r in results)
    lines = [head, "-" * len(head)]
    for key, label, fmt in ROWS:
        vals = [r.words if key == "words" else r.figures.get(key) for r in results]
        if all(v is None for v in vals):
            continue
        lines.append(f"{label:<52}" + "".join(f"{fmt.format(v) if v is not None else '-':>14}" for v in vals))
    return "\n".join(lines)


def growth(results: list[SizeResult]) -> str:
    """How each figure grows from the smallest to the largest synthetic size (5.0 = linear for 5x)."""
    synth = [r for r in results if r.kind == "synthetic"]
    if len(synth) < 2 or synth[-1].n <= synth[0].n:
        return ""
    a, b = synth[0], synth[-1]
    lines = [
        f"growth from synthetic N={a.n} to N={b.n} ({b.n / a.n:.1f}x the briefings; that factor = linear)"
    ]
    for key in GROWTH:
        x, y = a.figures.get(key), b.figures.get(key)
        if x and y:
            label = next(lbl for k, lbl, _ in ROWS if k == key)
            lines.append(f"  {label:<52}{y / x:>8.2f}x")
    return "\n".join(lines)


def targets(results: list[SizeResult]) -> list[str]:
    """The targets of the newsroom-scale issue, each PASS or FAIL with the figure it is judged on."""
    out = []

    def check(name: str, value: float | None, ok: bool, note: str = "") -> None:
        shown = "-" if value is None else f"{value:.2f}"
        out.append(f"{'PASS' if ok else 'FAIL'}  {name:<52}{shown:>9}  {note}".rstrip())

    real = [r for r in results if r.kind == "real" and "plain_s" in r.figures]
    if real:
        r = max(real, key=lambda x: x.n)
        f, note = r.figures, f"real N={r.n}"
        check("warm build / plain build <= 1.0", f["warm/plain"], f["warm/plain"] <= 1.0, note)
        check("cold build / plain build <= 2.5", f["cold/plain"], f["cold/plain"] <= 2.5, note)
        check("rebuild after 1 edit, 1 process / plain <= 1.2", f["incr/plain"], f["incr/plain"] <= 1.2, note)
        check("edit of 1 article re-annotates only it", f["incr_only_one"], f["incr_only_one"] == 1.0, note)
        check("site bytes / plain site bytes <= 1.5", f["site_ratio"], f["site_ratio"] <= 1.5, note)
        mx = f["page_delta_max_kb"]
        check("HTML added to an article page <= 60 KB (max)", mx, mx <= 60, note)
        mem = max(f["cold_maxrss_mb"], f["cold_tree_mb"])
        check("peak memory < 1 GB (largest of RSS, tree PSS; GB)", mem / 1024, mem < 1024, note)
    synth = [r for r in results if r.kind == "synthetic"]
    lo = next((r for r in synth if r.n == 1000), None)
    hi = next((r for r in synth if r.n == 5000), None)
    if lo and hi:
        note = "synthetic N=1000 -> 5000"
        for key, name in (("warm_s", "warm build time"), ("site_mb", "site bytes")):
            g = hi.figures[key] / lo.figures[key]
            check(f"{name} grows at most 5.5x", g, g <= 5.5, note)
    for r in results:
        if "ours1/raw" in r.figures:
            check("ours 1 job / raw spaCy >= 0.75", r.figures["ours1/raw"], r.figures["ours1/raw"] >= 0.75)
            check("2 jobs / 1 job >= 1.6", r.figures["ours2/ours1"], r.figures["ours2/ours1"] >= 1.6)
    return out


def accuracy(args: argparse.Namespace, env: dict[str, str]) -> list[str]:
    score = EVAL / "score.py"
    if not score.exists():
        return [f"accuracy skipped: {score} not found"]
    lines = []
    for data, task in ACCURACY:
        argv = [
            sys.executable,
            str(score),
            "--data",
            str(EVAL / f"{data}.jsonl"),
            "--cmd",
            "briefing annotate",
            "--task",
            task,
            "--quiet",
        ] + (["--limit", str(args.accuracy_limit), "--spread"] if args.accuracy_limit else [])
        say(f"accuracy: {data} {task}")
        out = subprocess.run(argv, env=env, capture_output=True, text=True)
        lines += [ln for ln in out.stdout.splitlines() if ln.split(" ", 1)[0] in (task, "run")]
        if out.returncode:
            lines.append(f"{data} {task}: scorer exited {out.returncode}: {out.stderr.strip()[-300:]}")
    return lines


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def freeze(work: Path) -> Path:
    """A copy of the package and site config as they are now; first on PYTHONPATH for the whole run."""
    from corpus import _glossary

    dest = work / "code"
    for attempt in range(10):
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(REPO / "briefing", dest / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
        if _intact(dest / "briefing"):
            break
        say(f"briefing/ changed while it was copied (data file being rebuilt?): retry {attempt + 1}")
        time.sleep(10)
    else:
        raise SystemExit("could not take a consistent copy of briefing/; try --live")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    shutil.copy(REPO / "docs" / "index.md", dest / "docs" / "index.md")
    glossary = _glossary(REPO / "mkdocs.yml")
    if glossary:
        (dest / glossary).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / glossary, dest / glossary)
    return dest


def _intact(folder: Path) -> bool:
    """Every zip in the copy opens and matches its source's size (not caught mid-write)."""
    for z in folder.rglob("*.zip"):
        source = REPO / "briefing" / z.relative_to(folder)
        try:
            with zipfile.ZipFile(z) as f:
                if f.testzip() is not None:
                    return False
        except (OSError, zipfile.BadZipFile):
            return False
        if not source.exists() or source.stat().st_size != z.stat().st_size:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus",
        choices=("real", "synthetic"),
        default="synthetic",
        help="real: the shared development articles (then --growth-sizes synthetic); synthetic: from seeds/",
    )
    ap.add_argument(
        "--sizes",
        help="comma-separated sizes; 'all' = every real article "
        "(default: real 100,300,all; synthetic 100,500,1000)",
    )
    ap.add_argument(
        "--growth-sizes",
        default="1000,2000,5000",
        help="with --corpus real: synthetic sizes for the growth curve ('' for none)",
    )
    ap.add_argument(
        "--plain-max",
        type=int,
        default=1000,
        help="largest N at which the plain Material site is built too (it grows quadratically)",
    )
    ap.add_argument("--quick", action="store_true", help="real 50,100 or synthetic 20,50; one repetition")
    ap.add_argument("--reps", type=int, default=0, help="repetitions per figure (default: 3 / 2 / 1 by size)")
    ap.add_argument("--throughput", action="store_true", help="also words/s against raw spaCy (synthetic)")
    ap.add_argument(
        "--throughput-docs", type=int, default=150, help="briefings timed for words/s (default 150)"
    )
    ap.add_argument("--seed", type=int, default=0, help="corpus random seed")
    ap.add_argument(
        "--workdir", type=Path, default=Path("/tmp/bench"), help="scratch folder (default /tmp/bench)"
    )
    ap.add_argument(
        "--live", action="store_true", help="test the working tree's code, not a copy made at start"
    )
    ap.add_argument("--accuracy", action="store_true", help="also run the shared scorers (long)")
    ap.add_argument("--accuracy-limit", type=int, default=0, help="score only N spread documents per set")
    ap.add_argument("--json-out", type=Path, help="write every figure as JSON here")
    args = ap.parse_args(argv)
    real = args.corpus == "real"
    default = ("50,100" if real else "20,50") if args.quick else ("100,300,all" if real else "100,500,1000")
    sizes = [None if s.strip() == "all" else int(s) for s in (args.sizes or default).split(",") if s.strip()]
    plan: list[tuple[int | None, str]] = [(n, args.corpus) for n in sizes]
    if real and not args.quick:
        plan += [(int(s), "synthetic") for s in args.growth_sizes.split(",") if s.strip()]
    if args.quick and args.throughput_docs == 150:
        args.throughput_docs = 50
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    if not args.live:
        code = freeze(args.workdir)
        sys.path.insert(0, str(code))  # this process too (page URIs come from briefing.articles)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    bench = Bench(args, env)
    if not args.live:
        bench.config = code / "mkdocs.yml"
    t0 = time.perf_counter()
    bench.sizes = [n for n, kind in plan if kind == "synthetic" and n]
    results = [bench.size(n, kind) for n, kind in plan]
    report = [table(results), "", growth(results), ""]
    report += ["targets:", *targets(results)]
    for r in results:
        report += [f"note {r.kind} N={r.n}: {note}" for note in r.notes]
    if args.accuracy:
        report += ["", "accuracy (shared/eval dev sets):", *accuracy(args, env)]
    report.append(
        f"\ntotal benchmark time {time.perf_counter() - t0:.0f}s; code: "
        f"{'working tree' if args.live else 'copy of briefing/ taken at start'}"
    )
    print("\n".join(report))
    if args.json_out:
        data = [{"n": r.n, "kind": r.kind, "words": r.words, **r.figures, "notes": r.notes} for r in results]
        args.json_out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
