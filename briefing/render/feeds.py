"""Feeds of the latest briefings: RSS 2.0 and Atom, site-wide and per section.

Readers subscribe to a newsroom; a static site can only offer files, so each
build writes them. Only dated briefings are in a feed (a feed is ordered by
time: an undated article has no place in it). Dates are the briefings' own,
never the time of the build, so the same sources give the same bytes.
Links are absolute when the site has a ``site_url``, as feed readers need;
without one they are relative to the feed file (fine from a folder).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from ..structure import BriefingRef

_DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Feed:
    """One feed: its title, the page it describes, and where its two files go."""

    title: str
    description: str
    page_uri: str  # the list it mirrors (home page, a section's page)
    rss_uri: str
    atom_uri: str


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _rfc822(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{_DAYS[d.weekday()]}, {d.day:02d} {_MONTHS[d.month - 1]} {d.year} 00:00:00 +0000"


def latest(refs: list[BriefingRef], size: int) -> list[BriefingRef]:
    """The ``size`` newest dated briefings (``refs`` are newest first)."""
    return [b for b in refs if b.date][:size]


def rss(feed: Feed, items: list[BriefingRef], url: Callable[[str], str], language: str = "en") -> str:
    """RSS 2.0: a channel with one item per briefing (title, link, guid, date, summary, section)."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(feed.title)}</title>",
        f"<link>{escape(url(feed.page_uri))}</link>",
        f"<description>{escape(feed.description)}</description>",
        f"<language>{escape(language)}</language>",
        f'<atom:link href="{_attr(url(feed.rss_uri))}" rel="self" type="application/rss+xml"/>',
    ]
    if items:
        out.append(f"<lastBuildDate>{_rfc822(items[0].date)}</lastBuildDate>")
    for b in items:
        link = url(b.uri)
        out += [
            "<item>",
            f"<title>{escape(b.title)}</title>",
            f"<link>{escape(link)}</link>",
            f'<guid isPermaLink="true">{escape(link)}</guid>',
            f"<pubDate>{_rfc822(b.date)}</pubDate>",
            f"<description>{escape(b.summary)}</description>",
        ]
        if b.section:
            out.append(f"<category>{escape(b.section)}</category>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def atom(feed: Feed, items: list[BriefingRef], url: Callable[[str], str], language: str = "en") -> str:
    """Atom (RFC 4287): the same entries, with ids that stay the same while the URL does."""
    updated = f"{items[0].date}T00:00:00Z" if items else "1970-01-01T00:00:00Z"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{_attr(language)}">',
        f"<title>{escape(feed.title)}</title>",
        f"<subtitle>{escape(feed.description)}</subtitle>",
        f'<link href="{_attr(url(feed.page_uri))}"/>',
        f'<link href="{_attr(url(feed.atom_uri))}" rel="self" type="application/atom+xml"/>',
        f"<id>{escape(url(feed.page_uri))}</id>",
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(feed.title)}</name></author>",
    ]
    for b in items:
        link = url(b.uri)
        out += [
            "<entry>",
            f"<title>{escape(b.title)}</title>",
            f'<link href="{_attr(link)}"/>',
            f"<id>{escape(link)}</id>",
            f"<updated>{b.date[:10]}T00:00:00Z</updated>",
            f"<published>{b.date[:10]}T00:00:00Z</published>",
            f'<summary type="text">{escape(b.summary)}</summary>',
        ]
        if b.section:
            out.append(f'<category term="{_attr(b.section)}"/>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def head_links(feeds: list[Feed], url: Callable[[str], str]) -> str:
    """``<link rel="alternate feed">`` tags for a page's ``<head>``: feed readers find the feeds there.

    ``alternate feed`` rather than a bare ``alternate``: Material's script takes
    every ``link[rel=alternate]`` for another language of the site and fetches
    a sitemap beside it, which fails loudly from ``file://``. Feed readers read
    ``rel`` as a list of words, so they still see ``alternate``.
    """
    tags = []
    for f in feeds:
        title = _attr(f.title)
        rss_href = _attr(url(f.rss_uri))
        tags.append(
            f'<link rel="alternate feed" type="application/rss+xml" title="{title}" href="{rss_href}">'
        )
        tags.append(
            f'<link rel="alternate feed" type="application/atom+xml" title="{title} (Atom)" '
            f'href="{_attr(url(f.atom_uri))}">'
        )
    return "".join(tags)
