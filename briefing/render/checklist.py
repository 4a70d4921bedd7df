"""The editors' "please check" page: the checks of ``briefing.checklist`` as HTML.

It is a worklist, not reading matter: out of the navigation, out of the site's search (front
matter), and out of search engines (``NOINDEX`` in its head, its URLs left out of
``sitemap.xml``). Each kind of doubt shows its first ``size`` checks with its count; the rest are
on the kind's own pages, paginated, so the page stays the same size on a site of any size. Every
text from an article or the glossary is escaped here, once, on output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from html import escape, unescape

from ..checklist import KINDS, Check, Quote
from ..structure import Pager, paginate
from ..wording import plural
from .fragments import marked_quote, time_element
from .listings import pager

Url = Callable[[str], str]
CHECK_PAGE = "please-check.md"
TITLE = "Please check"
NOINDEX = '<meta name="robots" content="noindex">'
HEADINGS = {
    "places": "Places chosen by population alone",
    "types": "Names typed against the gazetteer",
    "dates": "Dates the text did not state",
    "glossary": "Glossary rules that matched nothing",
}
INTROS = {
    "places": "The gazetteer knows other places of the same name far apart, and nothing in the article "
    "(a qualifier such as “, Alabama”, its other places, its country) decided between them: the "
    "biggest won. A glossary entry with coordinates settles the name.",
    "types": "The type disagrees with the gazetteer: a name typed as a person or an organisation that is "
    "also a notable place, or a name typed as a place that nothing could put on the map. A glossary "
    "entry with a type or coordinates settles it.",
    "dates": "A briefing's relative dates (“on Thursday”, “last month”) are reckoned from its date. "
    "These dates were inferred from the text, or are missing: state them in the source file.",
    "glossary": "Entries no briefing names and suppressions whose text no briefing contains do nothing: a "
    "misspelling, a wrong article path, or a rule for briefings still to come.",
}
INTRO = (
    "What the annotations are least sure of, for the editors: each item says what the system did and why it "
    "is unsure, quotes the sentence (linked to the briefing) and gives the line that settles it. Click a "
    "line to select it, then paste it into the glossary (or the source). A glossary entry applies to every "
    "briefing. This page is not in the navigation, the site's search or search engines."
)


KIND_FOLDER = "please-check/"


def kind_uri(kind: str) -> str:
    """The pages listing every check of a kind: ``please-check/places.md``, then ``.../page/2.md``."""
    return f"{KIND_FOLDER}{kind}.md"


def pages(groups: dict[str, list[Check]], size: int) -> list[tuple[str, str, Callable[[Url], str]]]:
    """Every page of the list as ``(uri, title, view)``: the page, then the pages of each kind
    that has more checks than it shows (``size`` a page)."""
    out: list[tuple[str, str, Callable[[Url], str]]] = [
        (CHECK_PAGE, TITLE, partial(check_page, groups, size=size))
    ]
    for kind in KINDS:
        checks = groups.get(kind, [])
        if len(checks) <= size:
            continue
        for p, chunk in paginate(kind_uri(kind), checks, size):
            title = f"{TITLE}: {HEADINGS[kind].lower()}"
            if p.number > 1:
                title += f" (page {p.number} of {p.count})"
            out.append((p.uri, title, partial(kind_page, kind, checks, p, chunk)))
    return out


def build_note(groups: dict[str, list[Check]], page_url: str) -> str:
    """The build log's line: how much there is to check, and where (the page is linked from nowhere)."""
    total = sum(len(groups.get(k, ())) for k in KINDS)
    counts = ", ".join(f"{len(groups.get(k, ()))} {k}" for k in KINDS)
    return (f"please check: {plural(total, 'annotation')} the system is least sure of ({counts}), "
            f"listed at {page_url} (not in the navigation)")


def check_page(groups: dict[str, list[Check]], url: Url, size: int) -> str:
    """The page: every kind with its count and its first ``size`` checks, most briefings first."""
    total = sum(len(groups.get(k, ())) for k in KINDS)
    out = [f'<p class="bf-list-intro">{escape(INTRO)}</p>']
    if not total:
        out.append('<p class="bf-empty">Nothing to check: every place, type, date and glossary rule '
                   "is settled.</p>")
        return "".join(out)
    items = "".join(
        f'<li><a href="#bf-check-{k}">{escape(HEADINGS[k])}</a> '
        f'<span class="bf-count">{len(groups.get(k, ()))}</span></li>'
        for k in KINDS
    )
    out.append(f'<ul class="bf-check-kinds">{items}</ul>')
    for kind in KINDS:
        checks = groups.get(kind, [])
        out.append(
            f'<h2 id="bf-check-{kind}">{escape(HEADINGS[kind])} '
            f'<span class="bf-count">{len(checks)}</span></h2>'
        )
        if not checks:
            out.append('<p class="bf-empty">None.</p>')
            continue
        out.append(f'<p class="bf-list-intro">{escape(INTROS[kind])}</p>')
        out.append(_items(checks[:size], url))
        if len(checks) > size:
            out.append(
                f'<p class="bf-more"><a href="{escape(url(kind_uri(kind)))}">All {len(checks)} '
                f"{escape(HEADINGS[kind].lower())}</a></p>"
            )
    return "".join(out)


def kind_page(kind: str, checks: list[Check], p: Pager, items: list[Check], url: Url) -> str:
    """One page of every check of a kind."""
    back = f'<a href="{escape(url(CHECK_PAGE))}">{escape(TITLE)}</a>'
    head = f'<p class="bf-list-intro">{plural(len(checks), "item")} · {back}. {escape(INTROS[kind])}</p>'
    return head + _items(items, url) + pager(p, url, "Previous", "Next")


def _items(checks: list[Check], url: Url) -> str:
    return '<ol class="bf-checks">' + "".join(_item(c, url) for c in checks) + "</ol>"


def _item(c: Check, url: Url) -> str:
    head = [f"<strong>{escape(c.subject)}</strong>"]
    if c.briefings > 1:
        head.append(f'<span class="bf-count">{plural(c.briefings, "briefing")}</span>')
    if c.source:
        head.append(f'<code class="bf-check-source">{escape(c.source)}</code>')
    out = [f'<li class="bf-check"><p class="bf-check-subject">{" ".join(head)}</p>',
           f'<p class="bf-check-finding">{escape(c.finding)}</p>']
    out += [_quote_html(q, url) for q in c.quotes]
    if c.briefings > len(c.quotes):
        more = c.briefings - len(c.quotes)
        out.append(f'<p class="bf-more">and {plural(more, "more briefing")}</p>')
    fixes = "".join(
        f'<dt>{escape(what)}</dt><dd><code class="bf-fix-line">{escape(line, quote=False)}</code></dd>'
        for what, line in c.fixes
    )
    out.append(f'<dl class="bf-check-fixes">{fixes}</dl></li>')
    return "".join(out)


def _quote_html(q: Quote, url: Url) -> str:
    """The sentence (the mention marked), then a link to it in its briefing."""
    text = q.briefing.annotations.text
    if q.mention is not None:
        sentence = marked_quote(text, q.sentence, q.mention)
    else:
        sentence = escape(re.sub(r"\s+", " ", text[q.sentence[0] : q.sentence[1]]).strip())
    href = url(q.briefing.uri) + (f"#{q.anchor}" if q.anchor else "")
    return (
        f'<blockquote class="bf-check-quote">{sentence} <span class="bf-card-meta">— '
        f'<a href="{escape(href)}">{escape(q.briefing.title)}</a> · {time_element(q.briefing.date)}</span>'
        "</blockquote>"
    )


_URL_ENTRY = re.compile(r"[ \t]*<url>\s*<loc>([^<]*)</loc>.*?</url>\n?", re.DOTALL)


def drop_from_sitemap(xml: str, locations: set[str]) -> str:
    """``sitemap.xml`` without the ``<url>`` entries whose ``<loc>`` is one of ``locations`` (the
    pages' canonical or absolute URLs): a ``noindex`` page has no place in a list for search engines."""
    if not locations:
        return xml
    return _URL_ENTRY.sub(lambda m: "" if unescape(m.group(1).strip()) in locations else m.group(0), xml)
