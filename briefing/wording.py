"""Wording shared by every layer: counts written out in English.

The build's log lines (``briefing.batch``, ``briefing.dating``) and the
pages it renders (``briefing.render``) say "1 briefing", "2 briefings" the
same way; one helper keeps them in step and spares orchestration an import
from the renderer.
"""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """'1 briefing', '2 briefings' (a regular plural: ``word`` + s)."""
    return f"{n} {word}{'' if n == 1 else 's'}"
