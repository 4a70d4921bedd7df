"""Words for TIMEX values: the pieces of the labels a reader sees ("mid-March 2025",
"15–16 March 2025", "3 weeks"), kept apart from the value type so the type stays small."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lang.en import DURATION_UNITS, MOD_LABELS, MONTH_NAMES


def with_mod(label: str, mod: str | None) -> str:
    word = MOD_LABELS.get(mod or "")
    return f"{word} {label}" if word else label


def duration_label(iso: str) -> str:
    m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)([YMWDQHS])", iso)
    if not m:
        return iso
    unit = DURATION_UNITS[m[3]]
    if m[1] and m[3] == "M":
        unit = "minute"
    if m[2] == "X":
        return f"{unit}s"
    return f"{m[2]} {unit}{'' if float(m[2]) == 1 else 's'}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_month(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]}"


def day_range_label(a: date, b: date) -> str:
    """The days from ``a`` to ``b`` in words: '15–16 March 2025', '12 March 2025' for one day; whole
    months and years as such ('January–February 2009', '2008–2009'), not as their first and last days."""
    if a == b:
        return f"{day_month(a)} {a.year}"
    if a.day == 1 and (b + timedelta(days=1)).day == 1:
        if (a.month, b.month) == (1, 12):
            return f"{a.year}–{b.year}" if a.year != b.year else str(a.year)
        if a.year != b.year:
            return f"{MONTH_NAMES[a.month - 1]} {a.year} – {MONTH_NAMES[b.month - 1]} {b.year}"
        months = MONTH_NAMES[a.month - 1] + ("" if a.month == b.month else f"–{MONTH_NAMES[b.month - 1]}")
        return f"{months} {a.year}"
    return day_range(a, b)


def day_range(a: date, b: date) -> str:
    """'15–16 March 2025'; across months '31 May – 1 June 2025'; across years in full."""
    if a.year != b.year:
        return f"{day_month(a)} {a.year} – {day_month(b)} {b.year}"
    if a.month != b.month:
        return f"{day_month(a)} – {day_month(b)} {b.year}"
    return f"{a.day}–{b.day} {MONTH_NAMES[a.month - 1]} {a.year}"
