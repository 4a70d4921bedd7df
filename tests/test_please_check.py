"""The editors' "please check" page: what the system is least sure of, each doubt with its sentence
and the glossary line that settles it. Plain data first (hand-made annotations), then a real site
of invented briefings built by MkDocs and read in Chromium."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from briefing.checklist import KINDS, checklist, glossary_line
from briefing.entities import Suppression
from briefing.entities.glossary import Glossary, GlossaryEntry, glossary_from_data
from briefing.model import Annotations, Document, Entity, Mention, Place, Reading
from briefing.render.checklist import check_page, kind_page, kind_uri
from briefing.structure import BriefingRef, build_site, paginate

from .conftest import build, make_site, open_page

BIRMINGHAM_US = Reading("Birmingham", 33.521, -86.802, "city", "US", "Alabama")


def _ref(n: int, body: str, *, date: str | None = "2025-03-11", date_source: str | None = "metadata",
         path: str | None = None, entities=(), places=()) -> BriefingRef:
    """A briefing whose ``entities`` are (name, type, extra fields) found in ``body``."""
    title = f"Headline {n}"
    text = f"{title}\n{body}"
    ents = []
    for name, etype, extra in entities:
        start = text.index(name, len(title))
        ents.append(Entity(name.lower().replace(" ", "-"), name, etype,
                           mentions=[Mention(start, start + len(name), name)], **extra))
    doc = Document(text=text, title=title, section="World", date=date, date_source=date_source,
                   date_from="file-name" if date_source == "metadata" else "text" if date else None,
                   path=path or f"seeds/b{n:03d}.txt")
    ann = Annotations(doc, entities=ents, places=list(places))
    return BriefingRef(f"briefings/b{n:03d}.md", title, "World", date, ann)


def _birmingham(n: int, date: str = "2025-03-11") -> BriefingRef:
    body = f"Heavy rain flooded roads in Birmingham on day {n}."
    p = Place("birmingham", "Birmingham", 52.481, -1.9, "city", "GB", alternatives=2, runner_up=BIRMINGHAM_US)
    return _ref(n, body, date=date, entities=[("Birmingham", "GPE", {})], places=[p])


def _url(uri: str) -> str:
    return "/" + uri.replace(".md", ".html")


# ----------------------------------------------------------------------------- the list as data


def test_one_doubt_across_many_briefings_is_one_check_quoting_the_newest():
    refs = [_birmingham(n, f"2025-03-{n:02d}") for n in range(1, 8)]
    checks = checklist(build_site(refs), None)
    (check,) = checks["places"]
    assert check.subject == "Birmingham" and check.briefings == 7
    assert [q.briefing.uri for q in check.quotes] == ["briefings/b007.md", "briefings/b006.md",
                                                      "briefings/b005.md"]
    assert "Birmingham, Alabama, US" in check.finding and "1 other" in check.finding
    lines = [line for _, line in check.fixes]
    assert lines == ["- {name: Birmingham, coordinates: [52.481, -1.9]}",
                     "- {name: Birmingham, coordinates: [33.521, -86.802]}"]
    q = check.quotes[0]
    assert q.anchor == "bf-e-birmingham"
    sentence = q.briefing.annotations.text[q.sentence[0] : q.sentence[1]]
    assert sentence == "Heavy rain flooded roads in Birmingham on day 7."


def test_types_against_the_gazetteer_both_ways():
    jordan = ("Jordan", "PERSON", {"place_reading": Reading("Jordan", 31.0, 36.0, "country", "JO")})
    zorb = ("Zorbania Heights", "GPE", {})  # read as a place, but nothing placed it
    confirmed = ("Walter Reed", "FAC", {})
    refs = [
        _ref(1, "Jordan told the court. Police in Zorbania Heights agreed.", entities=[jordan, zorb]),
        _ref(2, "Jordan was cheered at Walter Reed.", entities=[jordan, confirmed]),
    ]
    checks = checklist(build_site(refs), None)["types"]
    assert [(c.subject, c.briefings) for c in checks] == [("Jordan", 2), ("Zorbania Heights", 1)]
    assert "person (PERSON)" in checks[0].finding and "country (JO)" in checks[0].finding
    assert [line for _, line in checks[0].fixes] == [
        "- {name: Jordan, type: GPE}",
        "- {name: Jordan, type: PERSON}",
    ]
    assert "not on the map" in checks[1].finding
    assert "- {name: Zorbania Heights, coordinates: [LAT, LON]}" in [line for _, line in checks[1].fixes]


def test_dates_inferred_and_missing():
    refs = [
        _ref(1, "CARLISLE, Wednesday 12 March 2025 — Floods rose.", date="2025-03-12", date_source="inferred",
             path="docs/floods.md"),
        _ref(2, "The factory will close on Thursday.", date=None, date_source=None),
        _ref(3, "Stated plainly.", date="2025-03-01", date_source="metadata"),
    ]
    refs[0].annotations.document.date_from = "dateline"
    checks = checklist(build_site(refs), None)["dates"]
    assert [c.subject for c in checks] == ["Headline 1", "Headline 2"]
    inferred, undated = checks
    assert "12 Mar 2025" in inferred.finding and "dateline" in inferred.finding
    assert [line for _, line in inferred.fixes] == ["date: 2025-03-12"]  # a Markdown page: front matter
    assert inferred.source == "docs/floods.md"
    assert "no date" in undated.finding.lower()
    assert [line for _, line in undated.fixes] == ["YYYY-MM-DD"]  # a seed: a date line after the headline
    assert "headline" in undated.fixes[0][0]
    quote = undated.quotes[0]
    assert quote.briefing.annotations.text[slice(*quote.sentence)].startswith("The factory")


def test_glossary_rules_that_matched_nothing():
    glossary = Glossary(
        entries=[GlossaryEntry("Crumbly Biscuits", "ORG"), GlossaryEntry("Zorbania Relief Fund", "ORG",
                                                                          aliases=("ZRF",))],
        suppress=[Suppression("Quuxly Group"), Suppression("Thursday Club", "seeds/no-such-file.txt"),
                  Suppression("biscuit tin"), Suppression("Thursday Club", "seeds/b002.txt")],
    )
    refs = [
        _ref(1, "Crumbly Biscuits said the Biscuit  Tin stays.",
             entities=[("Crumbly Biscuits", "ORG", {"source": "glossary"})]),
        _ref(2, "Members of the Thursday Club met.", date="2025-03-02"),
    ]
    checks = checklist(build_site(refs), glossary)["glossary"]
    assert [c.subject for c in checks] == ["Zorbania Relief Fund", "Quuxly Group", "Thursday Club"]
    (fix,) = checks[0].fixes
    assert fix[1] == "- {name: Zorbania Relief Fund, type: ORG, aliases: [ZRF]}"
    assert "no briefing" in checks[1].finding.lower()
    assert "seeds/no-such-file.txt" in checks[2].finding  # a misspelled path: why it matched nothing
    assert [line for _, line in checks[2].fixes] == [
        "- {text: Thursday Club, article: seeds/no-such-file.txt}"
    ]


@pytest.mark.parametrize("name", ["Yes", "null", "Côte d'Ivoire", "A: B", "#1 Fan", "O'Hare", "[x]", "3.5",
                                  "Mr \"Q\"", "- dash"])
def test_every_suggested_line_is_a_glossary_entry_with_that_name(name):
    line = glossary_line({"name": name, "type": "GPE", "coordinates": [1.5, -2.25]})
    assert "\n" not in line and line.startswith("- ")
    (entry,) = glossary_from_data({"entities": yaml.safe_load(line)}).entries
    assert (entry.name, entry.type, entry.coordinates) == (name, "GPE", (1.5, -2.25))


def test_the_page_escapes_what_articles_say():
    evil = '<img src=x onerror="alert(1)">'
    ref = _ref(1, f"He said {evil} in Birmingham.", entities=[("Birmingham", "GPE", {})],
               places=[Place("birmingham", "Birmingham", 52.481, -1.9, "city", "GB", alternatives=1,
                             runner_up=Reading("Birming<b>ham", 33.5, -86.8, "city", "US"))])
    html = check_page(checklist(build_site([ref]), None), _url, size=20)
    assert "<img" not in html and "<b>" not in html and "&lt;img" in html


def test_the_page_stays_the_same_size_on_a_large_site():
    def page_for(n: int) -> tuple[str, dict]:
        refs = [_ref(k, f"Zorb{k} Point said so.", entities=[(f"Zorb{k} Point", "LOC", {})], date=None,
                     date_source=None) for k in range(n)]
        groups = checklist(build_site(refs), None)
        return check_page(groups, _url, size=20), groups

    small, _ = page_for(40)
    large, groups = page_for(400)
    assert len(groups["types"]) == 400 and len(groups["dates"]) == 400
    assert len(large) < 1.05 * len(small)  # 20 of each kind, and the counts
    assert "400" in large and _url(kind_uri("types")) in large
    pages = paginate(kind_uri("types"), groups["types"], 20)
    assert len(pages) == 20
    p, chunk = pages[-1]
    last = kind_page("types", groups["types"], p, chunk, _url)
    assert "Zorb" in last and 'aria-current="page">20<' in last


def test_an_empty_list_says_so():
    html = check_page({k: [] for k in KINDS}, _url, size=20)
    assert "Nothing to check" in html


# ----------------------------------------------------------------------------- a real site


SEEDS = {
    "2025-03-11-floods.txt": "Weather\nFloods close roads\n"
    "Heavy rain flooded roads in Birmingham on Tuesday, and the council opened two shelters.\n",
    "court.txt": "Courts\nNurse wins appeal\n2025-03-10\n"
    "Jordan told the court on Monday that she had never seen the letter. Jordan, 34, is a nurse.\n",
    "undated.txt": "Business\nFactory to close\n"
    "The owners of Crumbly Biscuits said on Thursday that the factory would close in the spring.\n",
}
DOCS = {
    "gale.md": "---\nsection: Weather\n---\n\n# Gale warning for the coast\n\n"
    "PLYMOUTH, Wednesday 12 March 2025 — Forecasters warned of gales along the coast.\n",
}
GLOSSARY = """\
entities:
  - name: Crumbly Biscuits
    type: ORG
    description: An invented biscuit maker.
  - name: Zorbania Relief Fund
    type: ORG
suppress:
  - Quuxly Group
  - {text: Thursday Club, article: seeds/no-such-file.txt}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path, str]:
    root = make_site(tmp_path_factory.mktemp("checks"), SEEDS, DOCS, plugin_options="      page_size: 2\n")
    (root / "seeds" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    out = root / "site"
    proc = build(root, "-d", str(out), env={"SITE_URL": "https://news.example.org/"})  # a sitemap
    assert proc.returncode == 0, proc.stderr
    return root, out, proc.stderr


def _check_html(out: Path) -> str:
    return (out / "please-check.html").read_text(encoding="utf-8")


def _main(html: str) -> str:
    return html[html.index('<article'):html.index("</article>")]


def test_the_build_names_the_page(site):
    _, _, log = site
    assert re.search(r"please check: \d+ .*please-check\.html", log), log


def test_the_page_lists_each_kind_of_doubt_with_its_sentence_and_fix(site):
    _, out, _ = site
    html = _main(_check_html(out))
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    text = " ".join(text.split())
    # a place chosen by population alone, with the sentence and both glossary lines
    assert "Birmingham, Alabama, US" in text
    assert "Heavy rain flooded roads in Birmingham on Tuesday" in text
    assert "- {name: Birmingham, coordinates: [52.481, -1.9]}" in text
    assert re.search(r'href="briefings/[^"#]+\.html#bf-e-birmingham"', html)
    # a person the gazetteer knows as a country
    assert "- {name: Jordan, type: GPE}" in text and "Jordan told the court" in text
    # dates: the Markdown page dated from its dateline, the seed without any
    assert "date: 2025-03-12" in text and "Gale warning for the coast" in text
    assert "Factory to close" in text and "seeds/undated.txt" in text
    # glossary rules that matched nothing (page_size 2: two here, the third on the kind's page)
    assert "Zorbania Relief Fund" in text and "Quuxly Group" in text
    assert "Crumbly Biscuits" not in text.rsplit("Glossary rules that matched nothing", 1)[1]  # it is used
    assert 'href="please-check/glossary.html"' in html


def test_every_fix_line_on_the_page_is_valid_glossary_yaml(site):
    _, out, _ = site
    html = _check_html(out)
    lines = [unescape(m) for m in re.findall(r'<code class="bf-fix-line">(.*?)</code>', html)]
    entries = [ln for ln in lines if ln.startswith("- {name:")]
    assert len(entries) >= 4
    glossary_from_data({"entities": [yaml.safe_load(ln)[0] for ln in entries if "[LAT, LON]" not in ln]})


def test_the_kind_pages_paginate(site):
    _, out, _ = site
    first = (out / "please-check" / "glossary.html").read_text(encoding="utf-8")
    second = (out / "please-check" / "glossary" / "page" / "2.html").read_text(encoding="utf-8")
    assert "Zorbania Relief Fund" in first and "seeds/no-such-file.txt" in second


def test_noindex_not_in_nav_not_in_search_not_in_sitemap(site):
    _, out, _ = site
    for page in ("please-check.html", "please-check/glossary.html", "please-check/glossary/page/2.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html, page
    assert '<meta name="robots"' not in (out / "index.html").read_text(encoding="utf-8")
    for page in out.rglob("*.html"):
        if "please-check" in page.relative_to(out).as_posix():
            continue
        assert "please-check" not in page.read_text(encoding="utf-8"), page  # linked from nowhere
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "please-check" in d["location"]]
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>https://news.example.org/") >= 10  # the other pages are listed
    assert "please-check" not in sitemap


def test_the_option_turns_it_off(site, tmp_path):
    root, _, _ = site
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))  # fresh snapshots: no NLP
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("page_size: 2\n", "page_size: 2\n      check_page: false\n")
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    proc = build(copy, "-d", str(copy / "site"))
    assert proc.returncode == 0, proc.stderr
    assert not (copy / "site" / "please-check.html").exists()
    assert "please check" not in proc.stderr


def test_an_editor_reads_it_in_chromium(browser, site):
    _, out, _ = site
    context, pg = open_page(browser, out)
    try:
        pg.goto((out / "please-check.html").as_uri())
        assert pg.locator("h1").first.inner_text() == "Please check"
        headings = pg.locator("article h2").all_inner_texts()
        assert [h.split("\n")[0].rsplit(" ", 1)[0] for h in headings][:4] == [
            "Places chosen by population alone", "Names typed against the gazetteer",
            "Dates the text did not state", "Glossary rules that matched nothing"]
        fix = pg.locator("code.bf-fix-line", has_text="name: Birmingham").first
        assert fix.is_visible()
        assert fix.evaluate("e => getComputedStyle(e).userSelect") == "all"  # one click selects the line
        assert pg.locator("nav.md-nav--primary a", has_text="Please check").count() == 0
        pg.locator("blockquote a", has_text="Floods close roads").first.click()
        pg.wait_for_load_state()
        assert pg.url.endswith("#bf-e-birmingham") and "/briefings/" in pg.url
        assert pg.locator("h1").first.inner_text() == "Floods close roads"
        assert pg.locator("#bf-e-birmingham").is_visible()
        assert not pg.outside and not pg.errors, (pg.outside, pg.errors)
    finally:
        context.close()
