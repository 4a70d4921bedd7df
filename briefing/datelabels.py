"""How the site writes dates: day labels, month names and the periods of its timeline.

Pure functions of ISO dates, with no locale (the same bytes on every machine), in a module of
their own because both the pages (``render/``) and the editors' checklist (``checklist.py``)
print dates, and neither may reach into the other or into the temporal stage.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def day_label(iso: str | None) -> str:
    """``2024-10-30`` -> ``30 Oct 2024`` (no locale: the same bytes on every machine)."""
    if not iso:
        return "undated"
    y, m, d = (iso.split("-") + ["", ""])[:3]
    if not m:
        return y
    month = MONTHS[int(m) - 1][:3]
    return f"{int(d)} {month} {y}" if d else f"{month} {y}"


def period_of(earliest: str, latest: str) -> tuple[tuple[int, int, int], str]:
    """(sort key, heading) of the period an event belongs to on the site timeline.

    A month heading for events within one month, a year heading (sorted above that year's
    months) for events known only to the year or spanning several months, a decade or a span
    of years for longer ones, so that a year-only event never sits under "January".
    """
    a, b = date.fromisoformat(earliest), date.fromisoformat(latest)
    if (a.year, a.month) == (b.year, b.month):
        return (a.year, 1, a.month), f"{MONTHS[a.month - 1]} {a.year}"
    if a.year == b.year:
        return (a.year, 0, 0), str(a.year)  # above the year's months
    if a.year % 10 == 0 and b.year == a.year + 9:
        return (a.year, -1, 0), f"The {a.year}s"
    return (a.year, -1, b.year), f"{a.year}–{b.year}"
