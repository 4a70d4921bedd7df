"""Reader labels and date bounds for ISO-TimeML values.

The timeline shows "early Oct 2024" rather than ``2024-10`` + START, and
places an event between the earliest and latest day a value can cover.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates as D
from .lexicon import MONTH_ABBR, PART_LABELS, SEASON_LABELS

_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
              "AFTER": "after", "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after",
              "LESS_THAN": "less than", "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most",
              "EQUAL_OR_MORE": "at least"}
_REF_LABELS = {"PAST_REF": "recently", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
_DUR_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "H": "hour", "S": "second"}


def _with_mod(label: str, mod: str | None) -> str:
    word = _MOD_WORDS.get(mod or "")
    return f"{word} {label}" if word else label


def _describe_duration(value: str) -> str:
    m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)([YMWDQHS])", value)
    if not m:
        return value
    unit = _DUR_UNITS[m[3]]
    if m[1] and m[3] == "M":
        unit = "minute"
    if m[2] == "X":
        return f"{unit}s"
    n = float(m[2])
    return f"{m[2]} {unit}{'' if n == 1 else 's'}"


def describe_value(value: str, mod: str | None = None) -> str:
    """A short label a reader understands: '2024-10' + START -> 'early Oct 2024'."""
    if value in _REF_LABELS:
        return _REF_LABELS[value]
    if value.startswith("P"):
        return _with_mod(_describe_duration(value), mod)
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d|MO|AF|EV|NI|MI|DT))?", value)
    if m:
        label = f"{int(m[3])} {MONTH_ABBR[int(m[2]) - 1]} {m[1]}"
        if m[4]:
            label += f", {PART_LABELS.get(m[4], m[4])}"
        return _with_mod(label, mod)
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        return _with_mod(f"{MONTH_ABBR[int(m[2]) - 1]} {m[1]}", mod)
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        return _with_mod(f"{'weekend of ' if m[3] else ''}week {int(m[2])} of {m[1]}", mod)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return _with_mod(f"Q{m[2]} {m[1]}", mod)
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        return _with_mod(f"{'first' if m[2] == '1' else 'second'} half of {m[1]}", mod)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        return _with_mod(f"{SEASON_LABELS[m[2]]} {m[1]}", mod)
    if re.fullmatch(r"\d{4}", value):
        return _with_mod(value, mod)
    m = re.fullmatch(r"(\d{3})X?", value)  # TimeML writes a decade as its first three digits
    if m:
        return _with_mod(f"the {m[1]}0s", mod)
    m = re.fullmatch(r"(\d\d)", value)
    if m:
        n = int(m[1]) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return _with_mod(f"the {n}{suffix} century", mod)
    return value


def _span_part(first: date, last: date, mod: str | None) -> tuple[date, date]:
    """Narrow [first, last] to its first, middle or last third for START/MID/END."""
    days = (last - first).days + 1
    if mod not in ("START", "MID", "END") or days < 3:
        return first, last
    third = days // 3
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def value_bounds(value: str, mod: str | None = None) -> tuple[str, str] | None:
    """Earliest and latest ISO dates a value covers; None for references, durations and sets."""
    span = _bounds(value)
    if span is None:
        return None
    first, last = _span_part(span[0], span[1], mod)
    return first.isoformat(), last.isoformat()


def _bounds(value: str) -> tuple[date, date] | None:
    try:
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d\d)", value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, D.month_last_day(y, mo))
        m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
        if m:
            monday = D.monday_of_week(int(m[1]), int(m[2]))
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), date(y, 3 * q, D.month_last_day(y, 3 * q))
        m = re.fullmatch(r"(\d{4})-H([12])", value)
        if m:
            y = int(m[1])
            return (date(y, 1, 1), date(y, 6, 30)) if m[2] == "1" else (date(y, 7, 1), date(y, 12, 31))
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:
            y = int(m[1])
            a, b = D.SEASON_MONTHS[m[2]]
            end_year = y + 1 if m[2] == "WI" else y
            return date(y, a, 1), date(end_year, b, D.month_last_day(end_year, b))
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
        m = re.fullmatch(r"(\d{3})X?", value)
        if m:
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        m = re.fullmatch(r"(\d\d)(?:XX)?", value)
        if m:
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None
