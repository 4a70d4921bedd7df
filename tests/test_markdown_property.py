"""Property: tooltip spans never change what a reader sees, and never land where they must not.

Markdown documents are generated from the constructs editors actually write
(emphasis, links, inline code, code blocks, headings, lists, quotes, tables,
raw HTML blocks, admonitions, escapes and entities) with entity names
sprinkled in. Each is annotated by hand (every occurrence of every name in
the derived text is a mention), wrapped with ``wrap_mentions`` and rendered
by Python-Markdown with MkDocs' extensions. Why both checks: the derived
text comes from markdown-it (CommonMark) while MkDocs renders with
Python-Markdown, so any disagreement between the two parsers shows up here
as changed text or as a span inside code, a link, a heading, a table, an
admonition title or raw HTML.

CI runs ~200 examples (a few seconds, derandomised so that a failure is
reproducible); ``BRIEFING_HYPOTHESIS_EXAMPLES=5000`` runs a benchmark with
random seeds.
"""

from __future__ import annotations

import os
import re
import time
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.markdown_offsets import markdown_text
from briefing.model import Annotations, Document, Entity, Mention
from briefing.render.tooltips import wrap_mentions
from briefing.sources import MAX_ARTICLE_CHARS, read_seed

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "200"))
BENCHMARK = "BRIEFING_HYPOTHESIS_EXAMPLES" in os.environ
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not BENCHMARK,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EXTENSIONS = ["admonition", "attr_list", "tables"]

# Names with the characters that Markdown treats specially (&, _, ') on purpose.
NAMES = {
    "Paris": "GPE",
    "NATO": "ORG",
    "Maria Lopez": "PERSON",
    "AT&T": "ORG",
    "Rio_Grande": "LOC",
    "O'Neil": "PERSON",
}
WORDS = ["the", "talks", "in", "said", "on", "Monday", "and", "a", "report", "city", "1.", "x"]
# Where a span must never be: code, links, headings, tables, admonition titles, raw HTML.
FORBIDDEN_TAGS = {"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "th", "td"}
FORBIDDEN_CLASSES = {"admonition-title", "raw"}


# ----------------------------------------------------------------------------- strategies

word = st.sampled_from(WORDS + list(NAMES))
words = st.lists(word, min_size=1, max_size=5).map(" ".join)


@st.composite
def inline(draw) -> str:
    """One inline construct."""
    text = draw(words)
    kind = draw(st.integers(0, 13))
    return [
        text,
        text,
        f"*{text}*",
        f"**{text}**",
        f"_{text}_",
        f"[{text}](http://example.com/{draw(word)})",
        f"`{text}`",
        f"{text} \\* \\_ \\[x\\] \\\\",
        f"{text} &amp; &lt;b&gt; &copy; &#65;",
        f"<b>{text}</b>",
        f"<http://example.com/{draw(word)}>",
        f"{text} & {draw(word)}",
        f"![{text}](img.png) {text}",
        f"<{text}, said> {text}",
    ][kind]


def line() -> st.SearchStrategy[str]:
    return st.lists(inline(), min_size=1, max_size=4).map(" ".join)


@st.composite
def block(draw) -> str:
    """One block construct (blank lines between blocks are added by ``document``)."""
    kind = draw(st.integers(0, 11))
    a, b = draw(line()), draw(line())
    if kind <= 1:
        return a + ("\n" + b if draw(st.booleans()) else "")
    if kind == 2:
        return f"{'#' * draw(st.integers(1, 3))} {a}"
    if kind == 3:
        return f"```\n{a}\n{b}\n```"
    if kind == 4:
        return f"    {a}\n    {b}"
    if kind == 5:
        return f"- {a}\n- {b}"
    if kind == 6:
        return f"1. {a}\n2. {b}"
    if kind == 7:
        return f"> {a}\n> {b}"
    if kind == 8:
        return f"| {draw(words)} | {draw(words)} |\n| --- | --- |\n| {a} | {b} |"
    if kind == 9:
        gap = draw(st.sampled_from(["\n", "\n\n"]))
        return draw(
            st.sampled_from(
                [
                    f'<div class="raw">{gap}{a}{gap}</div>',
                    f'<section class="raw"><div>{gap}{a}</div>{gap}{b}</section>',
                    f"<!--{gap}{a}{gap}-->",
                    f'<div class="raw">{a}</div>',
                ]
            )
        )
    if kind == 10:
        return f'!!! note "{draw(words)}"\n    {a}\n    {b}'
    return "---"


documents = st.lists(block(), min_size=1, max_size=6).map(lambda bs: "\n\n".join(bs) + "\n")


# ----------------------------------------------------------------------------- helpers


class _Text(HTMLParser):
    """Visible text of an HTML fragment, and every tooltip span with its ancestors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[tuple[str, set[str]]] = []
        self.spans: list[tuple[str, list[tuple[str, set[str]]]]] = []  # (data-bf, ancestors)
        self.open_spans: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "span" and "bf-m" in classes:
            self.spans.append((dict(attrs).get("data-bf") or "", list(self.stack)))
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self.stack.append((tag, classes))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.text.append(data)


def visible(html_text: str) -> _Text:
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    return parser


def annotate_by_hand(text: str) -> Annotations:
    """Every whole-word occurrence of every name in the derived text is a mention."""
    entities = []
    for name, etype in NAMES.items():
        pattern = r"(?<![\w&'])" + re.escape(name) + r"(?![\w&'])"
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(pattern, text)]
        if mentions:
            eid = re.sub(r"[^a-z]+", "-", name.lower())
            entities.append(Entity(id=eid, name=name, type=etype, mentions=mentions))
    return Annotations(document=Document(text=text), entities=entities)


def check(body: str) -> int:
    """Assert the two properties for one document; the number of spans placed."""
    text, segments, _ = markdown_text(body)
    ann = annotate_by_hand(text)
    wrapped = wrap_mentions(body, segments, ann, mode="all")
    plain = visible(markdown.markdown(body, extensions=EXTENSIONS))
    rich = visible(markdown.markdown(wrapped, extensions=EXTENSIONS))
    assert "".join(rich.text) == "".join(plain.text), wrapped
    for eid, ancestors in rich.spans:
        bad = [t for t, cls in ancestors if t in FORBIDDEN_TAGS or cls & FORBIDDEN_CLASSES]
        assert not bad, f"span {eid} inside {bad}:\n{wrapped}"
    return len(rich.spans)


# ----------------------------------------------------------------------------- tests


@PROPERTY
@given(documents)
def test_spans_keep_text_and_stay_out_of_code_links_headings_tables_html(body):
    check(body)


def test_generated_documents_do_get_tooltips():
    """Not a vacuous property: plain paragraphs with names are wrapped."""
    body = "Talks in Paris and NATO.\n\n*Maria Lopez* met AT&amp;T and O'Neil near Rio\\_Grande.\n"
    assert check(body) == 6


def test_known_tricky_documents():
    """Shapes where CommonMark and Python-Markdown disagree, pinned down."""
    cases = [
        "Paris\n    NATO in a lazy line\n",
        "- Paris\n\n        NATO indented code in a list\n",
        '!!! note "Paris"\n    NATO in the admonition body\n',
        "!!! note\n\nParis after an empty admonition\n",
        '<div class="raw">\n\nParis inside raw HTML with blank lines\n\n</div>\n',
        "| Paris | NATO |\n| --- | --- |\n| Paris | NATO |\n",
        "Paris\n===\n\nNATO\n---\n",
        "1. Paris\n2. NATO\n\n    indented NATO\n",
        "> Paris\nNATO lazy quote\n",
        "[Paris\nNATO](http://x.org) Paris\n",
        "AT&T and AT&amp;T and Paris&nbsp;NATO\n",
        "Paris <!-- NATO --> Paris\n",
        "`` Paris ` NATO `` Paris\n",
        "<http://example.com/Maria Lopez> Paris\n",
        "the\n[Paris](http://example.com/Maria Lopez)\n",
        "the\n<a the, said> a & Paris\n",
        'x <a href="u">Paris</a> <code>NATO</code> <b>Paris</b>\n',
        "<Paris, said> NATO\n",
        "the\n1. the\n\n    the\n    Paris\n",
    ]
    for body in cases:
        check(body)


def test_two_megabyte_article_wraps_quickly():
    """A 2 MB seed: deriving the text and wrapping ~20,000 mentions is near-linear."""
    para = "Officials from NATO met Maria Lopez in Paris on Monday, and AT&T said so. "
    paragraphs = [f"{para * 4}Item {i}." for i in range(6500)]
    text = "World\nA very long briefing\n" + "\n".join(paragraphs) + "\n"
    assert 1_900_000 < len(text) <= MAX_ARTICLE_CHARS  # the largest article there may be
    t0 = time.perf_counter()
    source = read_seed("big.txt", text)
    derived, segments, _ = markdown_text(source.body)
    assert derived == source.document.text
    ann = annotate_by_hand(derived)
    wrapped = wrap_mentions(source.body, segments, ann, mode="all")
    elapsed = time.perf_counter() - t0
    assert wrapped.count('class="bf-m') == sum(len(e.mentions) for e in ann.entities)
    assert elapsed < 20, f"{elapsed:.1f}s for a 2 MB article"
