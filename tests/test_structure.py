"""The site's structure as plain data: sections, months, pagination, entity pages, links between
briefings. No MkDocs here: these are the decisions the generated pages are made from."""

from __future__ import annotations

import pytest

from briefing.model import Annotations, Document, Entity, Mention
from briefing.structure import (
    BriefingRef,
    build_site,
    lead,
    more_on,
    neighbours,
    page_uri,
    paginate,
    sentence_around,
)


def _ref(n: int, section: str | None, date: str | None, names: dict[str, int], glossary=()) -> BriefingRef:
    """A briefing naming each entity of ``names`` that many times."""
    title = f"Headline {n}"
    body = " ".join(f"{name} spoke." for name, k in names.items() for _ in range(k)) or "Nothing."
    text = f"{title}\n{body}"
    entities, pos = [], len(title) + 1
    for name, k in names.items():
        mentions = []
        for _ in range(k):
            start = text.index(name, pos)
            mentions.append(Mention(start, start + len(name), name))
            pos = start + len(name)
        entities.append(
            Entity(
                id=name.lower(),
                name=name,
                type="ORG",
                mentions=mentions,
                source="glossary" if name in glossary else "model",
            )
        )
    doc = Document(text=text, title=title, section=section, date=date)
    return BriefingRef(f"briefings/b{n:02d}.md", title, section, date, Annotations(doc, entities=entities))


def test_pages_of_a_list():
    pages = paginate("sections/politics.md", list(range(45)), 20)
    assert [p.uri for p, _ in pages] == [
        "sections/politics.md",
        "sections/politics/page/2.md",
        "sections/politics/page/3.md",
    ]
    assert [len(items) for _, items in pages] == [20, 20, 5]
    assert all(p.count == 3 for p, _ in pages) and [p.number for p, _ in pages] == [1, 2, 3]
    assert [p.uri for p, _ in paginate("x.md", [], 20)] == ["x.md"]  # an empty list keeps its page
    assert page_uri("archive/index.md", 2) == "archive/page/2.md"


def test_sections_ignore_case_and_take_the_usual_spelling():
    refs = [
        _ref(1, "Environment", "2025-03-12", {}),
        _ref(2, "environment", "2025-03-14", {}),
        _ref(3, "Environment", "2025-02-01", {}),
        _ref(4, "Politics", None, {}),
        _ref(5, None, "2025-01-01", {}),
    ]
    site = build_site(refs)
    assert [(s.slug, s.name, [b.uri for b in s.briefings]) for s in site.sections] == [
        ("environment", "Environment", ["briefings/b02.md", "briefings/b01.md", "briefings/b03.md"]),
        ("politics", "Politics", ["briefings/b04.md"]),
    ]
    assert list(site.months) == ["2025-03", "2025-02", "2025-01"]  # newest month first
    assert [b.uri for b in site.months["2025-03"]] == ["briefings/b02.md", "briefings/b01.md"]
    assert [b.uri for b in site.undated] == ["briefings/b04.md"]
    assert site.briefings[-1].uri == "briefings/b04.md"  # undated last


def test_an_entity_earns_a_page_in_two_briefings_or_from_the_glossary():
    refs = [
        _ref(1, "World", "2025-01-01", {"Acme": 1, "Solo": 2, "Curated": 1}, glossary={"Curated"}),
        _ref(2, "World", "2025-01-02", {"Acme": 1}),
    ]
    site = build_site(refs, min_briefings=2)
    assert site.entities["acme"].has_page and site.entities["acme"].briefings == 2
    assert not site.entities["solo"].has_page  # two mentions, one briefing
    assert site.entities["curated"].has_page  # the glossary describes it
    assert [e.id for e in site.entity_pages()] == ["acme", "curated"]
    # appearances newest first
    assert [a.briefing.uri for a in site.entities["acme"].appearances] == [
        "briefings/b02.md",
        "briefings/b01.md",
    ]
    assert not build_site(refs, min_briefings=3).entities["acme"].has_page


def test_older_and_newer_in_the_section():
    refs = [_ref(n, "World", f"2025-01-{n:02d}", {}) for n in (1, 2, 3)] + [
        _ref(4, "Sport", "2025-01-02", {})
    ]
    site = build_site(refs)
    by = site.by_uri
    assert neighbours(site, by["briefings/b02.md"]) == (by["briefings/b01.md"], by["briefings/b03.md"])
    assert neighbours(site, by["briefings/b03.md"]) == (by["briefings/b02.md"], None)
    assert neighbours(site, by["briefings/b04.md"]) == (None, None)  # alone in its section


def test_more_on_prefers_what_the_article_is_about_over_what_every_article_names():
    refs = [_ref(n, "World", f"2025-01-{n:02d}", {"Everywhere": 1}) for n in range(1, 9)]
    refs.append(_ref(9, "World", "2025-01-09", {"Everywhere": 1, "Rare": 1}))
    refs.append(_ref(10, "World", "2025-01-10", {"Rare": 1}))
    site = build_site(refs)
    related = more_on(site, site.by_uri["briefings/b09.md"], entities=1)
    assert [(se.id, [b.uri for b in near]) for se, near in related] == [("rare", ["briefings/b10.md"])]
    everywhere = more_on(site, site.by_uri["briefings/b05.md"], per_entity=3)
    assert len(everywhere) == 1 and len(everywhere[0][1]) == 3
    # the briefings nearest in date, never the briefing itself
    near = {b.uri for b in everywhere[0][1]}
    assert {"briefings/b04.md", "briefings/b06.md"} < near and "briefings/b05.md" not in near
    assert near - {"briefings/b04.md", "briefings/b06.md"} <= {"briefings/b03.md", "briefings/b07.md"}


def test_sentences_do_not_end_at_abbreviations():
    text = "Headline\nMr. Smith of the U.S. Army met St. Louis officials on Jan. 5. Then they left."
    s, e = sentence_around(text, text.index("Army"), text.index("Army"))
    assert text[s:e] == "Mr. Smith of the U.S. Army met St. Louis officials on Jan. 5."
    s, e = sentence_around(text, text.index("Then"), text.index("Then"))
    assert text[s:e] == "Then they left."
    doc = Document(text=text, title="Headline")
    assert lead(Annotations(doc)) == "Mr. Smith of the U.S. Army met St. Louis officials on Jan. 5."


def test_a_headline_cut_from_the_lead_is_not_repeated_as_the_summary():
    lead_sentence = "Police officers responding to reports of a man with a gun shot him on Wednesday."
    text = "Police officers responding to reports of a man…\n" + lead_sentence + " The man was unarmed."
    doc = Document(text=text, title="Police officers responding to reports of a man…")
    assert lead(Annotations(doc)) == "The man was unarmed."
    other = Document(text="Storm hits coast\n" + lead_sentence, title="Storm hits coast")
    assert lead(Annotations(other)) == lead_sentence


@pytest.mark.parametrize("first", [
    "December 10, 2013 General Motors today named Mary Barra as its new chief executive.",
    "DETROIT, Michigan, Tuesday 10 December 2013 — "
    "General Motors today named Mary Barra as its new chief executive.",
])
def test_the_summary_starts_after_the_dateline(first):
    doc = Document(text="Barra to lead GM\n" + first + " She starts in January.", title="Barra to lead GM")
    assert lead(Annotations(doc)) == "General Motors today named Mary Barra as its new chief executive."
