"""Reader labels and date bounds of ISO-TimeML strings (the typed values live in ``timex``).

Kept for callers that hold a bare value string (a snapshot, the public API);
everything here is one call to the typed value.
"""

from __future__ import annotations

from .timex import parse


def describe_value(value: str, mod: str | None = None) -> str:
    """A short label a reader understands: '2024-10' + START -> 'early October 2024'."""
    return parse(value).label(mod)


def value_bounds(value: str, mod: str | None = None) -> tuple[str, str] | None:
    """Earliest and latest ISO dates a value covers; None for references, durations and sets."""
    span = parse(value).bounds(mod)
    return (span[0].isoformat(), span[1].isoformat()) if span else None
