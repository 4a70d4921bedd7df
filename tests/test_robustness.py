"""Bad sources, glossaries and options: one line naming the file and the problem, never a traceback.

Every bad input goes through both doors users have: ``briefing annotate``
(a subprocess, as benchmarks call it) and ``mkdocs build`` on a temporary
copy of the example site. Builds that fail early take ~1 s each and run a
few at a time; inputs that must work share one build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import ROOT, briefing_pages, build, run_cli

SEED_OK = b"World\nTalks in Paris\nOfficials met in Paris on Monday.\n"

# name -> (file name, bytes, words the one-line error must contain)
BAD_SOURCES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.txt", b"", "empty"),
    "blank": ("blank.txt", b"  \n\n\t\n", "empty"),
    "section-only": ("one.txt", b"World\n", "headline"),
    "not-utf8-seed": ("latin1.txt", "World\nCaf\xe9 talks\nBody.\n".encode("latin-1"), "UTF-8"),
    "not-utf8-page": ("latin1.md", "---\nsection: W\n---\nCaf\xe9\n".encode("latin-1"), "UTF-8"),
    "front-matter-yaml": ("fm.md", b"---\ntitle: [unclosed\nsection: W\n---\nText.\n", "front matter"),
    "front-matter-list": ("fmlist.md", b"---\n- a\n- b\n---\nText.\n", "front matter"),
    "front-matter-type": ("fmtype.md", b"---\ntitle: {a: 1}\nsection: W\n---\nText.\n", "title"),
    "feb-30": ("feb30.md", b"---\ndate: 2024-02-30\nsection: W\n---\nText.\n", "does not exist"),
    "month-13": ("m13.md", b"---\ndate: 2024-13-01\nsection: W\n---\nText.\n", "date"),
    "date-format": ("dmy.md", b"---\ndate: 30/02/2024\nsection: W\n---\nText.\n", "YYYY-MM-DD"),
    "year-0": ("y0.md", b"---\ndate: 0000-01-01\nsection: W\n---\nText.\n", "date"),
    "too-large-seed": ("big.txt", b"World\nA long one\n" + b"Officials met. " * 140_000, "limit"),
    "too-large-page": ("big.md", b"---\nsection: W\n---\n" + b"Officials met. " * 140_000, "limit"),
    "date-garbage": ("dg.md", b"---\ndate: 2024-03-04 garbage\nsection: W\n---\nText.\n", "YYYY-MM-DD"),
    "date-bad-time": ("dt.md", b"---\ndate: 2024-03-04T99:99\nsection: W\n---\nText.\n", "date"),
    "date-trailing": ("dx.md", b"---\ndate: 2024-03-04Tnoon\nsection: W\n---\nText.\n", "date"),
}
BAD_DATES = {
    "2024-02-30": "does not exist",
    "2023-02-29": "does not exist",
    "yesterday": "YYYY-MM-DD",
    "2024-03-04 garbage": "YYYY-MM-DD",
    "2024-03-04T99:99": "date",
}
# glossary YAML -> words of the error
BAD_GLOSSARIES: dict[str, tuple[bytes, str]] = {
    "yaml": (b"entities: [\n", "invalid YAML"),
    "not-utf8": (b"entities:\n  - name: Caf\xe9\n", "cannot read"),
    "scalar": (b"just a string\n", "mapping"),
    "entities-mapping": (b"entities: {name: X}\n", "'entities' must be a list"),
    "unknown-type": (b"entities:\n  - name: Xenu\n    type: ALIEN\n", "unknown entity type"),
    "type-number": (b"entities:\n  - name: Xenu\n    type: 5\n", "unknown entity type"),
    "name-list": (b"entities:\n  - name: [a, b]\n", "'name'"),
    "description-int": (b"entities:\n  - name: Xenu\n    description: 5\n", "description"),
    "aliases-int": (b"entities:\n  - name: Xenu\n    aliases: 5\n", "aliases"),
    "link-int": (b"entities:\n  - name: Xenu\n    link: 5\n", "link"),
    "link-newline": (b'entities:\n  - name: X\n    link: "https://x.org/a\\n<script>x()</script>"\n', "link"),
    "link-paren-space": (b'entities:\n  - name: X\n    link: "https://x.org/a) <img src=x>"\n', "link"),
    "link-two-urls": (b'entities:\n  - name: Xenu\n    link: "https://a.org https://b.org"\n', "link"),
    "link-javascript": (b'entities:\n  - name: Xenu\n    link: "javascript:alert(1)"\n', "link"),
    "link-relative": (b"entities:\n  - name: Xenu\n    link: /wiki/Xenu\n", "link"),
    "link-no-host": (b"entities:\n  - name: Xenu\n    link: https:///x\n", "link"),
    "coordinates": (b"entities:\n  - name: Xenu\n    coordinates: [100, 5]\n", "coordinates"),
    "coordinates-nan": (b"entities:\n  - name: Xenu\n    coordinates: [1, .nan]\n", "coordinates"),
    "unknown-key": (b"entities:\n  - name: Xenu\n    colour: red\n", "unknown key"),
    "suppress-int": (b"suppress: [5]\n", "suppress[0]"),
    "top-level-key": (b"entries: []\n", "unknown top-level key"),
}
# plugin options in mkdocs.yml -> words of the error
BAD_OPTIONS: dict[str, tuple[str, str]] = {
    "tooltips-int": ("{tooltips: 3}", "tooltips"),
    "tooltips-word": ("{tooltips: sometimes}", "tooltips"),
    "seeds-dir-int": ("{seeds_dir: 5}", "seeds_dir"),
    "jobs-word": ("{jobs: many}", "jobs"),
    "enabled-word": ("{enabled: maybe}", "enabled"),
    "snapshots-list": ("{snapshots: [1]}", "snapshots"),
    "glossary-int": ("{glossary: 5}", "glossary"),
    "glossary-missing": ("{glossary: missing.yml}", "missing.yml"),
    "index-marker-int": ("{index_marker: 5}", "index_marker"),
}
# Sources that must work: (file name, bytes)
GOOD_SOURCES: dict[str, tuple[str, bytes]] = {
    "headline-only": ("headline.txt", b"World\nTalks in Paris\n"),
    "bom-crlf-seed": (
        "bomcrlf.txt",
        b"\xef\xbb\xbfWorld\r\nTalks in Paris\r\n\r\nOfficials met in Paris.\r\n",
    ),
    "bom-crlf-page": (
        "bomcrlf.md",
        b"\xef\xbb\xbf---\r\nsection: World\r\ndate: 2024-02-29\r\n---\r\n"
        b"# Talks in Paris\r\n\r\nMet in Paris.\r\n",
    ),
    "cr-only-seed": ("cr.txt", b"World\rTalks in Paris\rOfficials met in Paris.\r"),
    "front-matter-only": ("fmonly.md", b"---\nbriefing: true\n---\n"),
    "code-only": ("code.md", b"---\nbriefing: true\n---\n```\nParis\n```\n"),
}


def _assert_one_line(proc: subprocess.CompletedProcess, *words: str) -> None:
    """Failed, without a traceback, with one error line that says where and what."""
    assert proc.returncode != 0, proc.stdout[:300]
    assert "Traceback" not in proc.stderr, proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith(("briefing:", "ERROR"))]
    assert len(errors) == 1, proc.stderr
    for w in words:
        assert w.lower() in errors[0].lower(), (w, errors[0])


# ----------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    for name, data, _ in BAD_SOURCES.values():
        (d / name).write_bytes(data)
    for name, data in GOOD_SOURCES.values():
        (d / name).write_bytes(data)
    (d / "ok.txt").write_bytes(SEED_OK)
    for key, (data, _) in BAD_GLOSSARIES.items():
        (d / f"{key}.yml").write_bytes(data)
    return d


@pytest.mark.parametrize("case", sorted(BAD_SOURCES))
def test_cli_bad_source(inputs, case):
    name, _, words = BAD_SOURCES[case]
    _assert_one_line(run_cli("annotate", str(inputs / name)), name, words)


@pytest.mark.parametrize("date", sorted(BAD_DATES))
def test_cli_impossible_date_option(inputs, date):
    _assert_one_line(run_cli("annotate", "--date", date, str(inputs / "ok.txt")), "--date", BAD_DATES[date])


@pytest.mark.parametrize("case", sorted(BAD_GLOSSARIES))
def test_cli_bad_glossary(inputs, case):
    _, words = BAD_GLOSSARIES[case]
    proc = run_cli("annotate", "--glossary", str(inputs / f"{case}.yml"), str(inputs / "ok.txt"))
    _assert_one_line(proc, f"{case}.yml", words)


def test_cli_too_large_standard_input():
    proc = run_cli("annotate", "-", stdin="Officials met. " * 140_000)
    _assert_one_line(proc, "<stdin>", "limit")


def test_cli_missing_file(inputs):
    _assert_one_line(run_cli("annotate", str(inputs / "nope.txt")), "nope.txt", "no such file")


def test_cli_sources_that_must_work(inputs):
    """Headline only, BOM, CRLF, lone CR, front matter only, code only: JSON with clean text."""
    paths = [str(inputs / name) for name, _ in GOOD_SOURCES.values()]
    proc = run_cli("annotate", "--jobs", "1", *paths)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    results = dict(zip(GOOD_SOURCES, (json.loads(ln) for ln in proc.stdout.splitlines()), strict=True))
    for key, data in results.items():
        assert "\r" not in data["text"] and "\ufeff" not in data["text"], key
        for ent in data["entities"]:
            for m in ent["mentions"]:
                assert data["text"][m["start"] : m["end"]] == m["text"], key
    assert results["headline-only"]["text"] == "Talks in Paris"
    assert results["bom-crlf-seed"]["document"]["section"] == "World"
    assert results["bom-crlf-page"]["document"]["date"] == "2024-02-29"
    assert results["cr-only-seed"]["text"] == "Talks in Paris\nOfficials met in Paris."
    assert results["code-only"]["text"] == ""


def test_cli_valid_glossary_is_applied(inputs, tmp_path):
    glossary = tmp_path / "g.yml"
    glossary.write_text(
        "entities:\n  - name: Paris\n    type: GPE\n    description: Capital of France\n"
        "    coordinates: [48.86, 2.35]\n",
        encoding="utf-8",
    )
    proc = run_cli("annotate", "--glossary", str(glossary), str(inputs / "ok.txt"))
    assert proc.returncode == 0, proc.stderr[-500:]
    data = json.loads(proc.stdout)
    paris = next(e for e in data["entities"] if e["name"] == "Paris")
    assert paris["description"] == "Capital of France"
    assert any(p["source"] == "glossary" for p in data["places"])


def test_text_longer_than_the_models_limit_is_annotated():
    """What a 2 MB article needs, at a small scale: a text over ``nlp.max_length``."""
    from briefing.nlp import load_nlp
    from briefing.pipeline import annotate_text

    nlp = load_nlp()
    paragraph = "Officials from NATO met Maria Lopez in Paris on Monday to discuss the talks."
    text = "\n".join(f"{paragraph} Round {i}." for i in range(300))
    saved, nlp.max_length = nlp.max_length, 8_000
    try:
        ann = annotate_text(text)
    finally:
        nlp.max_length = saved
    assert len(text) > 3 * 8_000
    mentions = [m for e in ann.entities for m in e.mentions]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert any(m.start > len(text) - 8_000 for m in mentions)  # the last chunk was annotated too


@pytest.mark.skipif(
    not os.environ.get("BRIEFING_SLOW_TESTS"), reason="2 MB through spaCy: BRIEFING_SLOW_TESTS=1"
)
def test_cli_article_at_the_size_limit(tmp_path):
    paragraph = "Officials from NATO met Maria Lopez in Paris on Monday to discuss the talks. "
    body = "\n".join(f"{paragraph * 3}Round {i}." for i in range(8200))
    path = tmp_path / "big.txt"
    path.write_text("World\nA long briefing\n" + body + "\n", encoding="utf-8")
    assert 1_900_000 < path.stat().st_size <= 2_000_000  # just under the limit of one article
    proc = run_cli("annotate", str(path))
    assert proc.returncode == 0, proc.stderr[-500:]
    assert len(json.loads(proc.stdout)["entities"]) >= 3


# ----------------------------------------------------------------------------- mkdocs build


def copy_site(root: Path, options: str | None = None, extra: dict[str, bytes] | None = None) -> Path:
    """A copy of the example site (its seed keeps its fresh snapshot) with ``extra`` files added."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if options is not None:  # the plugin's block, up to the next top-level key, becomes ``options``
        config, n = re.subn(r"(?m)^  - briefing:.*\n(?:(?:    .*)?\n)*", f"  - briefing: {options}\n", config)
        assert n == 1, config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for rel, data in (extra or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def mkdocs_build(site: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return build(site, *args, timeout=timeout)


def _bad_site_cases() -> dict[str, tuple[str | None, dict[str, bytes], tuple[str, ...]]]:
    """case -> (plugin options, extra files, words of the error)."""
    cases: dict[str, tuple[str | None, dict[str, bytes], tuple[str, ...]]] = {}
    for key, (name, data, words) in BAD_SOURCES.items():
        folder = "seeds" if name.endswith(".txt") else "docs"
        cases[f"source-{key}"] = (None, {f"{folder}/{name}": data}, (name, words))
    for key in ("yaml", "not-utf8", "unknown-type", "description-int", "coordinates", "top-level-key",
                "link-newline", "link-paren-space", "link-javascript"):
        data, words = BAD_GLOSSARIES[key]
        cases[f"glossary-{key}"] = (
            "{seeds_dir: seeds, glossary: glossary.yml}",
            {"glossary.yml": data},
            ("glossary.yml", words),
        )
    for key, (options, words) in BAD_OPTIONS.items():
        cases[f"option-{key}"] = (options, {}, (words,))
    return cases


BAD_SITES = _bad_site_cases()


@pytest.fixture(scope="module")
def bad_builds(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every bad site built once, three at a time (each stops before any NLP runs)."""
    base = tmp_path_factory.mktemp("bad-sites")

    def build(case: str) -> subprocess.CompletedProcess:
        options, extra, _ = BAD_SITES[case]
        return mkdocs_build(copy_site(base / case, options, extra), "-q", timeout=120)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(BAD_SITES, pool.map(build, BAD_SITES), strict=True))


@pytest.mark.parametrize("case", sorted(BAD_SITES))
def test_mkdocs_bad_input(bad_builds, case):
    _assert_one_line(bad_builds[case], *BAD_SITES[case][2])


@pytest.mark.slow
def test_mkdocs_sources_that_must_work(tmp_path):
    """One build: every good-but-odd source becomes a page; an unknown option is only a warning."""
    extra = {}
    for name, data in GOOD_SOURCES.values():
        extra[("seeds/" if name.endswith(".txt") else "docs/") + name] = data
    options = "{seeds_dir: seeds, glossary: seeds/glossary.yml, colour: red, jobs: -3}"
    site = copy_site(tmp_path / "site", options, extra)
    proc = mkdocs_build(site, "-d", str(tmp_path / "out"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "colour" in proc.stderr  # mkdocs warns about the unknown option
    out = tmp_path / "out"
    page = (out / "bomcrlf.html").read_text(encoding="utf-8")
    assert "\ufeff" not in page and "2024-02-29" in page
    briefings = sorted(p.name for p in briefing_pages(out))
    assert len(briefings) == 4  # the example seed, headline-only, BOM+CRLF, lone CR (same headline twice)
    assert (out / "fmonly.html").exists() and (out / "code.html").exists()
