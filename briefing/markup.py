"""Markdown helpers shared by every layer: escaping plain text, and ``Segment``.

Readers (``briefing.sources``) turn a Markdown page into plain text and
remember, per run of that text, where it stands in the source; the renderer
(``briefing.render.tooltips``) wraps mentions where they stand, and the
plugin writes plain text (a seed, a headline) as Markdown. Both sides need
the same two things, which live here so that neither imports the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of ``Document.text`` and where it sits in the Markdown source.

    ``src``/``src_end`` bound the run in the Markdown body, or are ``None``
    when it cannot be located. When ``end - start != src_end - src`` the run
    is one escape or entity and can only be covered whole. ``wrappable`` is
    false inside code, links, headings and tables: such runs count as text
    but never receive markup. ``block`` numbers the text block.
    """

    start: int
    end: int
    src: int | None
    src_end: int | None
    wrappable: bool
    block: int = 0
    quiet: bool = False  # a heading (not the headline), a table cell, inline code: no entities here


_MD_INLINE = re.compile(r"([\\`*_\[\]{}#])")  # escapes both dialects know ({} stop attr_list)


def escape_markdown(text: str) -> str:
    """Make plain text read as plain text in any Markdown dialect, on one line.

    Inline syntax (and ``{`` ``}``, which attr_list would read as attributes,
    and every ``#``, which could close a heading) is backslash-escaped;
    ``& < >`` become entities; a line start that would open a list, quote,
    fence or table is written as a character reference; line breaks become
    spaces.
    """
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    m = re.match(r"(\d+)([.)])", text)
    if m:
        return f"{m[1]}\\{m[2]}{text[m.end() :]}"
    if text and text[0] in "+-=!|~:":
        return f"&#{ord(text[0])};{text[1:]}"
    return text
