"""Resource use of ``briefing annotate`` on one very large article and on very many entities.

Not a timed test: it prints a table. Each run is a fresh ``briefing annotate`` subprocess (as
benchmarks and users call it); its time is wall-clock, its peak memory the child's ``ru_maxrss``
from ``wait4``. The articles are generated here from invented sentence templates (no corpus
text), deterministically.

- article sizes 100 KB, 400 KB and 1 MB: targets are linear time (1 MB within 10x the 100 KB
  time) and under 1 GB peak for 1 MB;
- glossaries of 1k, 5k and 10k invented entities, each named once in one article: time should
  grow linearly with the number of entities (10k within ~10x of 1k).

    python3 benchmarks/hardening.py                 # everything (~10 min on 2 shared cores)
    python3 benchmarks/hardening.py --sizes 100     # one article size, in KB
    python3 benchmarks/hardening.py --entities 1000 --sizes ''
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Invented people, organisations and places (real places too, so the gazetteer does real work).
FIRST = ("Maria", "Tomas", "Aiko", "Kwame", "Lena", "Omar", "Priya", "Jonas", "Ines", "Rafael")
LAST = ("Lopez", "Varga", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Reyes", "Brandt")
ORGS = (
    "the Northern Water Agency",
    "the Coastal Rail Board",
    "the Federal Grain Office",
    "the Harbour Workers Union",
    "the National Weather Service",
    "the Mountain Power Company",
)
PLACES = (
    "Lyon",
    "Kenya",
    "Nairobi",
    "Peru",
    "Lima",
    "Poland",
    "Krakow",
    "Chile",
    "Valparaiso",
    "Norway",
    "Bergen",
    "Egypt",
    "Alexandria",
    "Canada",
    "Winnipeg",
    "Japan",
    "Osaka",
)
DAYS = (
    "on Monday",
    "on Tuesday",
    "last week",
    "on 3 March",
    "in early April",
    "two days later",
    "on Friday",
    "in June",
    "a month earlier",
    "on 14 September",
)
TEMPLATES = (
    "{when}, {person} of {org} met officials in {place} to discuss the new timetable.",
    "{person} said {org} would open an office in {place} {when}.",
    "Crews from {org} inspected the bridge near {place} {when}, {person} told reporters.",
    "{when}, residents of {place} asked {org} for more buses, according to {person}.",
    "The plan, which {person} presented in {place} {when}, was welcomed by {org}.",
)

SYLLABLES = (
    "ka",
    "lo",
    "mir",
    "ven",
    "dus",
    "tor",
    "ael",
    "bri",
    "zan",
    "quo",
    "fel",
    "ryn",
    "osk",
    "pim",
    "thal",
    "wen",
    "gor",
    "sel",
    "ux",
    "ib",
)


def _sentence(rng: random.Random) -> str:
    s = rng.choice(TEMPLATES).format(
        when=rng.choice(DAYS),
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        org=rng.choice(ORGS),
        place=rng.choice(PLACES),
    )
    return s[0].upper() + s[1:]


def article(size: int, seed: int = 7) -> str:
    """A seed article (section, headline, paragraphs) of about ``size`` bytes."""
    rng = random.Random(seed)
    lines = ["World", "A long day of meetings across many cities"]
    total = sum(len(x) + 1 for x in lines)
    while total < size:
        para = " ".join(_sentence(rng) for _ in range(4))
        lines.append(para)
        total += len(para.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def entity_names(n: int) -> list[str]:
    """``n`` distinct invented two-word names ('Kalo Venmir')."""
    out: list[str] = []
    k = 0
    while len(out) < n:
        a, b, c, d = (k // 8000) % 20, (k // 400) % 20, (k // 20) % 20, k % 20
        first = (SYLLABLES[a] + SYLLABLES[b]).capitalize()
        second = (SYLLABLES[c] + SYLLABLES[d] + "an").capitalize()
        out.append(f"{first} {second}")
        k += 1
    return out


def entity_article(names: list[str]) -> tuple[str, str]:
    """(seed article naming every entity once, glossary YAML defining them)."""
    rng = random.Random(len(names))
    sentences = [
        f"{name} {rng.choice(('met', 'called', 'visited'))} the council {rng.choice(DAYS)}." for name in names
    ]
    paras = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    text = "World\nMany names in one briefing\n" + "\n".join(paras) + "\n"
    kinds = ("PERSON", "ORG", "FAC")
    glossary = "entities:\n" + "".join(
        f"  - name: {name}\n    type: {kinds[i % 3]}\n" for i, name in enumerate(names)
    )
    return text, glossary


def run_annotate(args: list[str], cwd: Path) -> tuple[float, int, int, str]:
    """(seconds, peak KB of the child, exit status, last stderr line) of one ``briefing annotate``."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "annotate", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    lines = err.strip().splitlines()
    return seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), lines[-1] if lines else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,400,1000", help="article sizes in KB (comma-separated)")
    parser.add_argument("--entities", default="1000,5000,10000", help="glossary sizes (comma-separated)")
    parser.add_argument("--workdir", default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    counts = [int(s) for s in args.entities.split(",") if s.strip()]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="briefing-hardening-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, int, int, str]] = []
    for kb in sizes:
        path = work / f"article-{kb}kb.txt"
        path.write_text(article(kb * 1000), encoding="utf-8")
        print(f"article {kb} KB ...", file=sys.stderr, flush=True)
        seconds, peak, code, last = run_annotate([str(path)], work)
        rows.append((f"article {kb} KB", seconds, peak, code, last))
    for n in counts:
        text, glossary = entity_article(entity_names(n))
        path, gpath = work / f"entities-{n}.txt", work / f"glossary-{n}.yml"
        path.write_text(text, encoding="utf-8")
        gpath.write_text(glossary, encoding="utf-8")
        print(f"{n} entities ...", file=sys.stderr, flush=True)
        seconds, peak, code, last = run_annotate(["--glossary", str(gpath), str(path)], work)
        rows.append((f"{n} glossary entities ({len(text.encode()) // 1000} KB)", seconds, peak, code, last))

    print(f"{'run':<40} {'time s':>8} {'peak MB':>8}  status")
    for name, seconds, peak, code, last in rows:
        status = "ok" if code == 0 else f"exit {code}: {last[:60]}"
        print(f"{name:<40} {seconds:8.1f} {peak / 1024:8.0f}  {status}")
    by_name = {r[0]: r for r in rows}
    small, big = by_name.get("article 100 KB"), by_name.get("article 1000 KB")
    if small and big:
        ratio = big[1] / small[1]
        print(f"1 MB / 100 KB time: {ratio:.1f}x (target <= 10x): {'PASS' if ratio <= 10 else 'FAIL'}")
        verdict = "PASS" if big[2] < 1024 * 1024 else "FAIL"
        print(f"1 MB peak: {big[2] / 1024:.0f} MB (target < 1024 MB): {verdict}")
    ents = [r for r in rows if "glossary entities" in r[0]]
    if len(ents) >= 2:
        first, last_row = ents[0], ents[-1]
        n0, n1 = counts[0], counts[-1]
        ratio = last_row[1] / first[1]
        print(f"{n1} / {n0} entities time: {ratio:.1f}x for {n1 / n0:.0f}x the entities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
