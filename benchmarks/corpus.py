"""Synthetic briefing sites for the speed benchmarks, made from the project's own seeds.

Why synthetic: the repository ships one seed article, and the licensed evaluation
corpora must never be copied into a site. So N briefings are made by recombining
the seeds' paragraphs and swapping the places, people, dates and numbers they name
with entries from small built-in lists. Every choice comes from one
``random.Random(seed)``: the same arguments give the same bytes, so two runs
(or two machines) time the same work.

Two sites are written side by side from the same articles:

- ``briefing/``: ``seeds/*.txt`` and the repository's theme and plugins
  (``search``, ``offline``, ``briefing``);
- ``plain/``: the very Markdown pages the briefing plugin would generate
  (same URIs, same front matter, same body), built by Material alone.

Run it by hand to look at a corpus: ``python3 benchmarks/corpus.py 20 /tmp/bench/c``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

SECTIONS = ("Politics", "World", "Security", "Economy", "Diplomacy", "Middle East", "Europe", "Asia")
# Real places the gazetteer can resolve, so the map and geocoder do realistic work.
PLACES = (
    "Syria",
    "Iraq",
    "Jordan",
    "Lebanon",
    "Turkey",
    "Egypt",
    "Libya",
    "Yemen",
    "Somalia",
    "Kenya",
    "Nigeria",
    "Mali",
    "Niger",
    "Sudan",
    "Ukraine",
    "Poland",
    "Romania",
    "Georgia",
    "Armenia",
    "Afghanistan",
    "Pakistan",
    "India",
    "Indonesia",
    "Philippines",
    "Colombia",
    "Mexico",
    "Peru",
    "Baghdad",
    "Damascus",
    "Amman",
    "Beirut",
    "Ankara",
    "Cairo",
    "Tripoli",
    "Nairobi",
    "Mogadishu",
    "Kyiv",
    "Warsaw",
    "Bucharest",
    "Tbilisi",
    "Kabul",
    "Islamabad",
    "Jakarta",
    "Manila",
    "Bogota",
)
ADJECTIVES = {
    "Syria": "Syrian",
    "Iraq": "Iraqi",
    "Jordan": "Jordanian",
    "Lebanon": "Lebanese",
    "Turkey": "Turkish",
    "Egypt": "Egyptian",
    "Libya": "Libyan",
    "Yemen": "Yemeni",
    "Somalia": "Somali",
    "Kenya": "Kenyan",
    "Nigeria": "Nigerian",
    "Mali": "Malian",
    "Niger": "Nigerien",
    "Sudan": "Sudanese",
    "Ukraine": "Ukrainian",
    "Poland": "Polish",
    "Romania": "Romanian",
    "Georgia": "Georgian",
    "Armenia": "Armenian",
    "Afghanistan": "Afghan",
    "Pakistan": "Pakistani",
    "India": "Indian",
    "Indonesia": "Indonesian",
    "Philippines": "Philippine",
    "Colombia": "Colombian",
    "Mexico": "Mexican",
    "Peru": "Peruvian",
}
REGIONS = ("Middle East", "Horn of Africa", "Sahel", "Black Sea region", "South Caucasus", "Balkans")
PROVINCES = ("Nineveh", "Kirkuk", "Diyala", "Idlib", "Aleppo", "Homs", "Punjab", "Sindh", "Kandahar")
PEOPLE = (
    "Maria Lopez",
    "James Carter",
    "Aisha Rahman",
    "Chen Wei",
    "Olga Petrenko",
    "David Mensah",
    "Fatima Haddad",
    "Lars Eriksson",
    "Priya Nair",
    "Tomasz Nowak",
    "Amina Yusuf",
    "Kenji Sato",
    "Hannah Becker",
    "Omar Farouk",
    "Lucia Rossi",
    "Samuel Okafor",
)
SEED_PEOPLE = ("Sabrina Singh",)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HEADLINES = (
    "{n} Killed as Fighting Flares in {place}",
    "{adj} Officials Report Strikes Near {city}",
    "Talks on {place} Security Stall After {weekday} Attack",
    "{person} Warns of Rising Threat in {region}",
    "Coalition Forces Step Up Operations in {place}",
    "Aid Groups Urge Access After Raids in {place}",
    "{place} Delays Decision on Foreign Troops",
)
EXTRA_SENTENCES = (
    "Officials in {city} said the review would be completed by {month}.",
    "{person}, a spokesperson, told reporters on {weekday} that the talks would continue.",
    "Residents of {city} described hearing explosions late on {weekday}.",
    "The {adj} government has not commented on the reports.",
    "Analysts in {city} expect further operations in the {region} before the end of {month}.",
)

_DATE_RE = re.compile(r"\b(" + "|".join(re.escape(m) for m in MONTH_ABBR + MONTHS) + r")(\s+\d{1,2})?\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_NUMBER_RE = re.compile(r"(?<![\d,.])\b(\d{1,2})\b(?![\d,.])")


@dataclass(frozen=True)
class Seed:
    """One seed article split into its parts."""

    section: str
    headline: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """Where the two sites of one corpus live and how much text they hold."""

    root: Path
    briefing: Path  # site folder with mkdocs.yml and seeds/
    plain: Path  # site folder with mkdocs.yml and docs/ only
    seeds: tuple[Path, ...]  # the generated seed files, sorted
    words: int


def read_seeds(folder: Path = SEEDS) -> list[Seed]:
    """The seed articles of a folder (section line, headline line, paragraphs)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if len(lines) >= 3:
            out.append(Seed(lines[0], lines[1], tuple(lines[2:])))
    if not out:
        raise SystemExit(f"no seed articles in {folder}")
    return out


def _fill(template: str, rng: random.Random, place: str) -> str:
    """A template with random but plausible names, dates and numbers."""
    city = rng.choice(PLACES[27:])
    return template.format(
        n=rng.randint(3, 60),
        place=place,
        adj=ADJECTIVES.get(place, "Regional"),
        city=city,
        weekday=rng.choice(WEEKDAYS),
        person=rng.choice(PEOPLE),
        region=rng.choice(REGIONS),
        month=rng.choice(MONTHS),
    )


def _swap(text: str, rng: random.Random, mapping: dict[str, str]) -> str:
    """Replace the seed's places and people consistently, and perturb dates and small numbers."""
    for old, new in mapping.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    # Numbers first: the day of a date is then redrawn within the month.
    text = _NUMBER_RE.sub(lambda m: str(max(1, int(m[1]) + rng.randint(-3, 9))), text)
    text = _DATE_RE.sub(lambda m: rng.choice(MONTH_ABBR) + (f" {rng.randint(1, 28)}" if m[2] else ""), text)
    return _WEEKDAY_RE.sub(lambda m: rng.choice(WEEKDAYS), text)


def _mapping(rng: random.Random) -> dict[str, str]:
    """One article's consistent replacements for the names in the seeds."""
    countries = rng.sample(PLACES[:27], 2)
    mapping = {
        "Syrian": ADJECTIVES[countries[0]],
        "Iraqi": ADJECTIVES[countries[1]],
        "Syria": countries[0],
        "Iraq": countries[1],
        "Anbar": rng.choice(PROVINCES),
        "Middle East": rng.choice(REGIONS),
    }
    for name in SEED_PEOPLE:
        mapping[name] = rng.choice(PEOPLE)
    # Longest names first so "Syrian" is replaced before "Syria".
    return dict(sorted(mapping.items(), key=lambda kv: -len(kv[0])))


def make_article(seeds: list[Seed], rng: random.Random) -> tuple[str, str, list[str]]:
    """(section, headline, paragraphs) of one varied briefing."""
    pool = [p for s in seeds for p in s.paragraphs]
    count = rng.randint(max(2, len(pool) // 2), len(pool) + 2)
    paragraphs = [rng.choice(pool) for _ in range(count)]
    paragraphs[0] = rng.choice([s.paragraphs[0] for s in seeds])  # a lead paragraph stays first
    mapping = _mapping(rng)
    out = []
    for p in paragraphs:
        p = _swap(p, rng, mapping)
        if rng.random() < 0.4:
            p += " " + _fill(rng.choice(EXTRA_SENTENCES), rng, mapping["Syria"])
        out.append(p)
    if rng.random() < 0.5:
        headline = _swap(rng.choice(seeds).headline, rng, mapping)
    else:
        headline = _fill(rng.choice(HEADLINES), rng, mapping["Syria"])
    section = rng.choice([s.section for s in seeds] + list(SECTIONS))
    return section, headline, out


@dataclass(frozen=True)
class _Tagged:
    """A value with an application tag (MkDocs' ``!ENV``, ``!relative``), kept as written."""

    tag: str
    node: yaml.Node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Dumper.add_representer(_Tagged, lambda d, t: _retag(d, t))


def _retag(dumper: yaml.SafeDumper, t: _Tagged) -> yaml.Node:
    t.node.tag = t.tag
    return t.node


def _load_config(config: Path) -> dict:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader subclass


def _mkdocs_yml(config: Path, with_briefing: bool) -> str:
    """The repository's mkdocs.yml: seeds in ``seeds/``, and no briefing plugin for the plain site."""
    cfg = _load_config(config)
    plugins = []
    for p in cfg.get("plugins", []):
        name = p if isinstance(p, str) else next(iter(p))
        if name == "briefing":
            if not with_briefing:
                continue
            p = {"briefing": {**(p["briefing"] or {} if isinstance(p, dict) else {}), "seeds_dir": "seeds"}}
        plugins.append(p)
    cfg["plugins"] = plugins
    return yaml.dump(cfg, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def _glossary(config: Path) -> str | None:
    """The glossary path the repository's briefing plugin options name, if any."""
    for p in _load_config(config).get("plugins", []):
        if isinstance(p, dict) and "briefing" in p:
            return (p["briefing"] or {}).get("glossary")
    return None


def make_corpus(
    root: Path, n: int, seed: int = 0, seeds_dir: Path = SEEDS, config: Path = REPO / "mkdocs.yml"
) -> Corpus:
    """Write N briefings as a briefing site and as the equivalent plain Material site under ``root``.

    Each is dated by its file name (``YYYY-MM-DD-NNNNN.txt``), about two a day going back from
    the end of 2024, so that the archive, the feeds and the timeline do realistic work.
    ``config`` is the site configuration to copy (its folder also holds ``docs/index.md``
    and the glossary it names).
    """
    from datetime import date, timedelta

    rng = random.Random(seed)
    seeds = read_seeds(seeds_dir)
    last = date(2024, 12, 31)
    articles = []
    for i in range(n):
        section, headline, paragraphs = make_article(seeds, rng)
        day = last - timedelta(days=i // 2)
        articles.append((f"{day.isoformat()}-{i:05d}", section, headline, paragraphs))
    return write_sites(root, articles, config)


def write_sites(root: Path, articles: list[tuple[str, str, str, list[str]]], config: Path) -> Corpus:
    """The two sites of a corpus: seeds (``(file stem, section, headline, paragraphs)``) with the
    repository's plugins, and the same articles as the Markdown pages a plain Material site has."""
    from briefing.articles import seed_entries

    if root.exists():
        shutil.rmtree(root)
    bsite, psite = root / "briefing", root / "plain"
    for site, with_briefing in ((bsite, True), (psite, False)):
        (site / "docs").mkdir(parents=True)
        (site / "mkdocs.yml").write_text(_mkdocs_yml(config, with_briefing), encoding="utf-8")
        shutil.copy(config.parent / "docs" / "index.md", site / "docs" / "index.md")
    (bsite / "seeds").mkdir()
    glossary = _glossary(config)
    if glossary:  # the editors' glossary travels with the site, at the same relative path
        (bsite / glossary).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(config.parent / glossary, bsite / glossary)
    paths = []
    for stem, section, headline, paragraphs in articles:
        path = bsite / "seeds" / f"{stem}.txt"
        path.write_text("\n".join([section, headline, *paragraphs]) + "\n", encoding="utf-8")
        paths.append(path)
    words = 0
    for e in seed_entries(bsite, "seeds", "briefings", snapshots=True):
        d = e.source.document
        meta = {"title": d.title, "section": d.section, "source": d.path}
        if d.date:
            meta["date"] = d.date
        front = "---\n" + yaml.safe_dump(meta, sort_keys=True, allow_unicode=True) + "---\n\n"
        page = psite / "docs" / e.uri
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(front + e.source.body, encoding="utf-8")
        words += len(d.text.split())
    return Corpus(root, bsite, psite, tuple(sorted(paths)), words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of briefings")
    ap.add_argument("root", type=Path, help="folder to (re)create")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    c = make_corpus(args.root, args.n, args.seed)
    print(f"{args.n} briefings, {c.words} words: {c.briefing} and {c.plain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
