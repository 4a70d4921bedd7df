"""TIMEX3 values, typed: what a value names, at which grain, the days it covers and its label.

The tagger builds values with the constructors here; ``TimeExpression.value``
is their ISO-TimeML string (the form of the contract and of the snapshots)
and ``TimeExpression.timex`` gives the typed value back. The labels, the
bounds of events and their order within a day read the typed fields; no
other module parses an ISO-TimeML string.

A value whose year (or month, day) is unknown keeps it as ``None``: the ISO
string then carries X's (``XXXX-10-28``), its label omits the year, and it
has no bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import dates as D
from .labels import day_month, day_range, duration_label, ordinal, with_mod
from .lang.en import (
    MOD_LABELS,
    MONTH_NAMES,
    PART_LABELS,
    PART_MINUTES,
    REF_LABELS,
    SEASON_LABELS,
    SEASON_MONTHS,
)

KINDS = ("day", "month", "year", "week", "weekend", "quarter", "half", "season", "decade", "century",
         "ref", "duration", "other")
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


@dataclass(frozen=True)
class Timex:
    """One ISO-TimeML value. ``iso`` is the exact string; the other fields are what it says.

    ``kind`` is the grain: ``day`` (with ``part`` or ``hour``/``minute`` for a
    time of day), ``month``, ``year``, ``week``, ``weekend``, ``quarter`` and
    ``half`` (``number`` says which), ``season``, ``decade`` and ``century``
    (``year`` is their first year), ``ref`` (PAST_REF ...), ``duration``
    (also the periods of a SET), or ``other`` (kept verbatim: "XXXX-WXX-3").
    """

    iso: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    number: int | None = None
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    utc: bool = False

    def __str__(self) -> str:
        return self.iso

    # ------------------------------------------------------------------ reading

    @property
    def is_time(self) -> bool:
        """A time of day (a clock time or a part of the day): TIMEX3 type TIME."""
        return self.part is not None or self.hour is not None

    @property
    def date(self) -> date | None:
        """The day, when the value names one fully."""
        if self.kind != "day" or None in (self.year, self.month, self.day):
            return None
        try:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @property
    def minutes(self) -> int | None:
        """Minutes after midnight of a time of day (midnight at the end: 1440), for ordering."""
        if self.hour is not None:
            return self.hour * 60 + (self.minute or 0)
        if self.part is not None:
            return PART_MINUTES.get(self.part)
        return None

    def bounds(self, mod: str | None = None) -> tuple[date, date] | None:
        """First and last day the value covers (narrowed by START/MID/END); None when it names none."""
        span = self._span()
        if span is None:
            return None
        return _span_part(span[0], span[1], mod)

    def _span(self) -> tuple[date, date] | None:
        y = self.year
        if y is None or self.kind in ("ref", "duration", "other"):
            return None
        try:
            if self.kind == "day":
                d = self.date
                return (d, d) if d else None
            if self.kind == "month" and self.month:
                return date(y, self.month, 1), date(y, self.month, D.month_last_day(y, self.month))
            if self.kind in ("week", "weekend") and self.week:
                monday = D.monday_of_week(y, self.week)
                if self.kind == "weekend":
                    return monday + timedelta(days=5), monday + timedelta(days=6)
                return monday, monday + timedelta(days=6)
            if self.kind == "quarter" and self.number:
                q = self.number
                return date(y, 3 * q - 2, 1), date(y, 3 * q, D.month_last_day(y, 3 * q))
            if self.kind == "half" and self.number:
                first_half = self.number == 1
                return (date(y, 1, 1), date(y, 6, 30)) if first_half else (date(y, 7, 1), date(y, 12, 31))
            if self.kind == "season" and self.season:
                a, b = SEASON_MONTHS[self.season]
                end_year = y + 1 if self.season == "WI" else y
                return date(y, a, 1), date(end_year, b, D.month_last_day(end_year, b))
            if self.kind == "year":
                return date(y, 1, 1), date(y, 12, 31)
            if self.kind == "decade":
                return date(y, 1, 1), date(y + 9, 12, 31)
            if self.kind == "century":
                return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
        except ValueError:
            return None
        return None

    def label(self, mod: str | None = None) -> str:
        """What a reader sees: '2025-03' + MID -> 'mid-March 2025', '2025-W11-WE' -> 'the weekend of
        15–16 March 2025'."""
        if self.kind == "ref":
            return REF_LABELS.get(self.iso, self.iso)
        if self.kind == "duration":
            return with_mod(duration_label(self.iso), mod)
        if self.kind in ("month", "year", "decade", "century") and mod in ("START", "MID", "END"):
            return self._position_label(mod)
        return with_mod(self._plain_label(), mod)

    def _plain_label(self) -> str:
        y = "" if self.year is None else f" {self.year}"
        if self.kind == "day":
            if self.month is None:
                base = ""
            elif self.day is None:
                base = f"{MONTH_NAMES[self.month - 1]}{y}"
            else:
                base = f"{self.day} {MONTH_NAMES[self.month - 1]}{y}"
            when = self._time_label()
            if base and when:
                return f"{base}, {when}"
            return base or when or self.iso
        if self.kind == "month" and self.month:
            return f"{MONTH_NAMES[self.month - 1]}{y}"
        if self.kind == "year" and self.year is not None:
            return str(self.year)
        span = self._span()
        if self.kind == "week" and span:
            return f"the week of {day_month(span[0])} {span[0].year}"
        if self.kind == "weekend" and span:
            return f"the weekend of {day_range(span[0], span[1])}"
        if self.kind == "quarter" and self.number and self.year is not None:
            return f"the {_ORDINAL_WORDS[self.number]} quarter of {self.year}"
        if self.kind == "half" and self.number and self.year is not None:
            return f"the {_ORDINAL_WORDS[self.number]} half of {self.year}"
        if self.kind == "season" and self.season and self.year is not None:
            if self.season == "WI":
                return f"winter {self.year}–{(self.year + 1) % 100:02d}"
            return f"{SEASON_LABELS[self.season]} {self.year}"
        if self.kind == "decade" and self.year is not None:
            return f"the {self.year}s"
        if self.kind == "century" and self.year is not None:
            return f"the {ordinal(self.year // 100 + 1)} century"
        return self.iso

    def label_with(self, preposition: str, mod: str | None = None) -> str:
        """The label after a preposition: 'by 03:00 on 12 March 2025', 'after midnight on ...',
        'by 2011'."""
        if self.is_time and self.kind == "day" and self.month is not None:
            on = day(self.year, self.month, self.day)._plain_label()
            return f"{preposition} {self._time_label()} on {on}"
        return f"{preposition} {self.label(mod)}"

    def _time_label(self) -> str:
        if self.part:
            return PART_LABELS.get(self.part, self.part)
        if self.hour is None:
            return ""
        if self.hour in (0, 24) and not self.minute:
            return "midnight"
        return f"{self.hour:02d}:{self.minute or 0:02d}" + (" UTC" if self.utc else "")

    def _position_label(self, mod: str) -> str:
        word = MOD_LABELS[mod]
        plain = self._plain_label()
        if self.kind in ("decade", "century"):  # "the 1990s" -> "the mid-1990s", "the early 1990s"
            rest = plain.removeprefix("the ")
            return f"the {word}-{rest}" if mod == "MID" else f"the {word} {rest}"
        return f"{word}-{plain}" if mod == "MID" else f"{word} {plain}"

    # ------------------------------------------------------------------ deriving

    def on_day(self, day: Timex) -> Timex:
        """This time of day on another day ("3am" anchored on the sentence's date)."""
        if not self.is_time or day.kind != "day":
            return self
        if self.part:
            return part_of_day(day, self.part)
        return clock(day, self.hour or 0, self.minute or 0, self.utc)


# ----------------------------------------------------------------------------- constructors

def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _n2(n: int | None) -> str:
    return "XX" if n is None else f"{n:02d}"


def day(year: int | None, month: int | None, day_: int | None) -> Timex:
    """A calendar day; unknown parts stay X ('XXXX-10-28')."""
    return Timex(f"{_y(year)}-{_n2(month)}-{_n2(day_)}", "day", year=year, month=month, day=day_)


def of_date(d: date) -> Timex:
    return day(d.year, d.month, d.day)


def month(year: int | None, month_: int | None) -> Timex:
    return Timex(f"{_y(year)}-{_n2(month_)}", "month", year=year, month=month_)


def of_month(d: date) -> Timex:
    return month(d.year, d.month)


def year(year_: int | None) -> Timex:
    return Timex(_y(year_), "year", year=year_)


def clock(on: Timex, hour: int, minute: int, utc: bool = False) -> Timex:
    """A clock time on a day (``on`` may be an unknown day, 'XXXX-XX-XX')."""
    iso = f"{on.iso}T{hour:02d}:{minute:02d}{'Z' if utc else ''}"
    return Timex(iso, "day", year=on.year, month=on.month, day=on.day, hour=hour, minute=minute, utc=utc)


def part_of_day(on: Timex, part: str) -> Timex:
    """A part of a day: 'Monday evening' -> 2024-10-28TEV."""
    return Timex(f"{on.iso}T{part}", "day", year=on.year, month=on.month, day=on.day, part=part)


def week(year_: int | None, week_: int | None, weekend: bool = False) -> Timex:
    iso = f"{_y(year_)}-W{_n2(week_)}{'-WE' if weekend else ''}"
    return Timex(iso, "weekend" if weekend else "week", year=year_, week=week_)


def week_of(d: date, weekend: bool = False) -> Timex:
    """The ISO week (or its weekend) holding ``d``."""
    y, w, _ = d.isocalendar()
    return week(y, w, weekend)


def quarter(year_: int | None, q: int | None) -> Timex:
    return Timex(f"{_y(year_)}-Q{'X' if q is None else q}", "quarter", year=year_, number=q)


def half(year_: int | None, h: int) -> Timex:
    return Timex(f"{_y(year_)}-H{h}", "half", year=year_, number=h)


def season(year_: int | None, code: str) -> Timex:
    return Timex(f"{_y(year_)}-{code}", "season", year=year_, season=code)


def decade(first_year: int | None) -> Timex:
    """TimeML writes a decade as the first three digits of its years: the 1970s -> '197'."""
    if first_year is None:
        return Timex("XXX", "decade")
    return Timex(f"{first_year // 10:03d}", "decade", year=first_year - first_year % 10)


def century(index: int | None) -> Timex:
    """TimeML writes a century as its first two digits: the 20th century (1900s) -> '19'."""
    if index is None:
        return Timex("XX", "century")
    return Timex(f"{index:02d}", "century", year=index * 100)


def ref(kind: str) -> Timex:
    """PAST_REF, PRESENT_REF or FUTURE_REF."""
    return Timex(kind, "ref")


def duration(iso: str) -> Timex:
    """A duration ('P3D') or the period of a SET ('P1W'), kept verbatim."""
    return Timex(iso, "duration")


def other(iso: str) -> Timex:
    """A value with no calendar reading of its own ('XXXX-WXX-3', every Monday), kept verbatim."""
    return Timex(iso, "other")


# ----------------------------------------------------------------------------- parsing

_DAY = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)(?:T(?:(\d\d):(\d\d)(Z)?|(MO|AF|EV|NI|MI|DT)))?")
_MONTH = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)")
_WEEK = re.compile(r"(\d{4}|XXXX)-W(\d\d|XX)(-WE)?")
_QUARTER = re.compile(r"(\d{4}|XXXX)-Q([1-4X])")
_HALF = re.compile(r"(\d{4}|XXXX)-H([12])")
_SEASON = re.compile(r"(\d{4}|XXXX)-(SP|SU|FA|WI)")
_WEEKDAY = re.compile(r"XXXX-WXX-[1-7](?:T(MO|AF|EV|NI|MI|DT))?")


def _num(s: str) -> int | None:
    return None if "X" in s else int(s)


@lru_cache(maxsize=4096)
def parse(iso: str) -> Timex:
    """The typed value of an ISO-TimeML string (as written by the tagger, a snapshot or a corpus)."""
    if iso in REF_LABELS:
        return ref(iso)
    if iso.startswith("P"):
        return duration(iso)
    if m := _DAY.fullmatch(iso):
        on = day(_num(m[1]), _num(m[2]), _num(m[3]))
        if m[4]:
            return clock(on, int(m[4]), int(m[5]), bool(m[6]))
        if m[7]:
            return part_of_day(on, m[7])
        return on
    if m := _MONTH.fullmatch(iso):
        return month(_num(m[1]), _num(m[2]))
    if m := _WEEK.fullmatch(iso):
        return week(_num(m[1]), _num(m[2]), bool(m[3]))
    if m := _QUARTER.fullmatch(iso):
        return quarter(_num(m[1]), _num(m[2]))
    if m := _HALF.fullmatch(iso):
        return half(_num(m[1]), int(m[2]))
    if m := _SEASON.fullmatch(iso):
        return season(_num(m[1]), m[2])
    if m := _WEEKDAY.fullmatch(iso):  # a weekday of an unknown week: no calendar reading
        return Timex(iso, "other", part=m[1])
    if re.fullmatch(r"\d{4}|XXXX", iso):
        return year(_num(iso))
    if m := re.fullmatch(r"(\d{3})X?", iso):
        return Timex(iso, "decade", year=int(m[1]) * 10)
    if iso == "XXX":
        return decade(None)
    if m := re.fullmatch(r"(\d\d)(?:XX)?", iso):
        return Timex(iso, "century", year=int(m[1]) * 100)
    return other(iso)


# ----------------------------------------------------------------------------- helpers

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
