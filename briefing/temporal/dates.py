"""Date arithmetic on ISO-TimeML values, shared by the tagger and the labels.

Everything here is pure and small: shifting months, ISO weeks, quarters and
seasons, the days holidays fall on, and choosing which year an
under-specified date ("Oct. 28") means.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day (Mar 31 - 1 month = Feb 28/29)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, _cal.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def shift(d: date, n: float, unit: str) -> date:
    """``d`` moved by ``n`` units (negative = back); unit is a duration word without plural."""
    if unit in ("day",):
        return d + timedelta(days=round(n))
    if unit in ("week", "fortnight"):
        return d + timedelta(days=round(n * (14 if unit == "fortnight" else 7)))
    if unit == "month":
        return add_months(d, round(n))
    if unit == "quarter":
        return add_months(d, round(3 * n))
    if unit == "year":
        return add_months(d, round(12 * n))
    if unit == "decade":
        return add_months(d, round(120 * n))
    if unit == "century":
        return add_months(d, round(1200 * n))
    return d  # hours and smaller stay on the same day


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the season containing ``d``; December counts as next winter's start."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year, "WI") if m == 12 else (d.year - 1, "WI")


def choose_year(dct: date, month: int, day: int | None, future: bool, past: bool = False) -> int:
    """The year a month (and day) without a year most sensibly has, seen from ``dct``.

    The nearest occurrence wins, with a bias towards the past (news reports
    mostly look back) that a future-tense clause turns around and a past-tense
    verb strengthens.
    """
    best_year, best_cost = dct.year, float("inf")
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cand = date(year, month, day or 15)
        except ValueError:  # Feb 29 in a common year
            cand = date(year, month, 28)
        delta = (cand - dct).days
        if day is None and year == dct.year and month == dct.month:
            delta = 0
        ahead = delta > 0
        cost = abs(delta) * (1.0 if ahead == future else (6.0 if past else 4.0) if ahead else 2.0)
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def month_last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def monday_of_week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The ``n``-th weekday ``wd`` (Monday = 0) of the month; ``n`` <= 0 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, month_last_day(year, month))
    return last - timedelta(days=(last.weekday() - wd) % 7)


def easter(year: int) -> date:
    """Easter Sunday of ``year`` (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)
