"""Small HTML pieces that several kinds of page print the same way: a date, a quoted sentence.

One home for them, so that the lists, the entity pages and the checklist cannot drift apart
(and no page module reaches into another's private helpers).
"""

from __future__ import annotations

import re
from html import escape

from ..datelabels import day_label


def time_element(iso: str | None) -> str:
    """A briefing's date as ``<time>`` (or an "undated" label when it has none)."""
    if not iso:
        return '<span class="bf-undated-label">undated</span>'
    return f'<time datetime="{escape(iso)}">{escape(day_label(iso))}</time>'


def marked_quote(text: str, sentence: tuple[int, int], mention: tuple[int, int]) -> str:
    """The quoting sentence with the mention marked; runs of white space read as one space."""
    s, e = sentence
    ms, me = mention

    def squash(part: str) -> str:
        return escape(re.sub(r"\s+", " ", part))

    quote = squash(text[s:ms]) + f"<mark>{escape(text[ms:me])}</mark>" + squash(text[me:e])
    return quote.strip()
