"""briefing: annotated news briefings as an MkDocs site.

``annotate(text, date=None)`` is the public API: plain text in, one
``Annotations`` object out (entities, places, times, events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .model import Annotations

__all__ = ["annotate", "__version__"]


def annotate(text: str, date: str | None = None) -> Annotations:
    """Annotate plain text; ``date`` (YYYY-MM-DD) anchors relative dates."""
    from .pipeline import annotate_text

    return annotate_text(text, date)
