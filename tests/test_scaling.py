"""Linear-cost rewrites give exactly what the quadratic originals gave (the cost itself is
measured by ``benchmarks/hardening.py``, not here: no timed tests).

Each indexed function is checked against the plain definition it replaced, on generated input.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.entities.names import NameMatcher
from briefing.model import Entity, Mention, TimeExpression

WORDS = [
    "Kal",
    "kal",
    "Ka",
    "Paris",
    "paris",
    "Ümit",
    "ümit",
    "Ilk",
    "ılk",
    "İlk",
    "K\u212aal",
    "Ss",
    "ſs",
    "O'Neil",
    "U.S.",
    "US",
    "Bank",
    "bank",
    "of",
    "New",
    "new",
    "#tag",
    "(A)",
    "x",
]
SEPS = [" ", "  ", "\n", "s ", "es ", ".", "-", "$", ", ", "'s "]


def _single_regex(names: list[str], prefix: str, suffix: str, insensitive_multiword: bool) -> re.Pattern:
    parts = []
    for n in names:
        body = r"\s+".join(re.escape(w) for w in n.split())
        parts.append(f"(?i:{body})" if insensitive_multiword and len(n.split()) > 1 else body)
    return re.compile(prefix + "(?:" + "|".join(parts) + ")" + suffix)


def _matcher(names: list[str], prefix: str, suffix: str, insensitive_multiword: bool) -> NameMatcher:
    parts = []
    for n in names:
        body = r"\s+".join(re.escape(w) for w in n.split())
        parts.append((n, f"(?i:{body})" if insensitive_multiword and len(n.split()) > 1 else body))
    return NameMatcher(parts, prefix, suffix)


names_st = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=12,
    unique=True,
)
text_st = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=300, deadline=None)
@given(names=names_st, text=text_st, glossary_style=st.booleans())
def test_name_matcher_finds_what_one_alternation_finds(names, text, glossary_style):
    """Glossary style (case-insensitive multi-word names, plural endings) and propagation style."""
    names = sorted(names, key=lambda n: (-len(n), n))
    prefix, suffix = (
        (r"(?<!\w)", r"(?:es|s)?(?![\w$])") if glossary_style else (r"(?<![\w.-])", r"(?![\w$-])")
    )
    expected = [
        (m.start(), m.end()) for m in _single_regex(names, prefix, suffix, glossary_style).finditer(text)
    ]
    got = [(m.start(), m.end()) for m in _matcher(names, prefix, suffix, glossary_style).finditer(text)]
    assert got == expected


def test_name_matcher_kelvin_sign_and_dotless_i():
    """Case-insensitive matching across scripts' special letters, as ``re`` does it."""
    names = ["Kal Bank", "Ilk Bank", "ſs Bank"]
    text = "\u212aAL bank, ılk bank, İlk bank, SS bank and ss BANK."
    expected = [m.span() for m in _single_regex(names, r"(?<!\w)", "", True).finditer(text)]
    got = [m.span() for m in _matcher(names, r"(?<!\w)", "", True).finditer(text)]
    assert got == expected and len(expected) >= 2


def _naive_outside_times(entities: list[Entity], times: list[TimeExpression]) -> list[tuple[str, list]]:
    spans = [(t.start, t.end) for t in times]
    out = []
    for e in entities:
        mentions = e.mentions
        if e.source != "glossary":
            mentions = [m for m in mentions if not any(s <= m.start and m.end <= t for s, t in spans)]
        if mentions:
            out.append((e.id, mentions))
    return out


spans_st = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=15)


def _entities(spans: list[tuple[int, int]], n: int) -> list[Entity]:
    ents = [
        Entity(id=f"e{i}", name=f"E{i}", type="ORG", source="glossary" if i == 1 else "model")
        for i in range(n)
    ]
    for k, (s, w) in enumerate(spans):
        ents[k % n].mentions.append(Mention(s, s + w, "x" * w))
    return ents


@settings(max_examples=300, deadline=None)
@given(mentions=spans_st, times=spans_st, n=st.integers(1, 4))
def test_outside_times_by_position_equals_the_plain_definition(mentions, times, n):
    from briefing.pipeline import outside_times

    tex = [TimeExpression(s, s + w, "t", "DATE", "2024") for s, w in times]
    expected = _naive_outside_times(_entities(mentions, n), tex)
    got = [(e.id, e.mentions) for e in outside_times(_entities(mentions, n), tex)]
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(
    mentions=spans_st, times=spans_st, n=st.integers(1, 4), start=st.integers(0, 70), width=st.integers(0, 30)
)
def test_sentence_lookups_by_position_equal_the_plain_definition(mentions, times, n, start, width):
    from briefing.events import _ByPosition

    ents = _entities(mentions, n)
    tex = [TimeExpression(s, s + w, "t", "DATE", "2024") for s, w in times]
    end = start + width
    index = _ByPosition(ents, tex)
    assert index.mentions_in(start, end) == [
        e.id for e in ents if any(start <= m.start and m.end <= end for m in e.mentions)
    ]
    assert index.times_in(start, end) == [t for t in tex if start <= t.start < end]


@settings(max_examples=300, deadline=None)
@given(
    ranges=st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=12),
    start=st.integers(0, 60),
    width=st.integers(1, 10),
)
def test_merged_ranges_overlap_like_checking_each_range(ranges, start, width):
    from briefing.markdown_html import Ranges as _Ranges

    spans = [(a, a + w) for a, w in ranges]
    end = start + width
    assert _Ranges(spans).overlaps(start, end) == any(a < end and start < b for a, b in spans)


def test_sentence_quote_is_the_sentence_that_holds_the_mention():
    """Boundaries found once per text; a mention opening a sentence quotes that sentence alone."""
    from briefing.structure import sentence_around

    text = "Headline\nOne two. Paris is big. And so on.\nNext line here."
    for word, sentence in (
        ("Paris", "Paris is big."),
        ("two", "One two."),
        ("Next", "Next line here."),
        ("so", "And so on."),
    ):
        at = text.index(word)
        s, e = sentence_around(text, at, at + len(word))
        assert text[s:e] == sentence, word


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_ids_made_from_any_name_are_slugs(name):
    """Entity and event ids come from names and summaries (glossary names included): whatever the
    text, the id has no path separator, no '..', no markup, so entity pages stay in entities/."""
    from briefing.entities.slugs import slugify, unique_slug
    from briefing.schema import is_id

    taken = {slugify(name)}
    assert is_id(slugify(name)) and is_id(unique_slug(name, taken))
