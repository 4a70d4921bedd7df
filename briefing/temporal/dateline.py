"""The date an article states for itself: a date line, or a dateline heading its first paragraph.

Publishers print the date of a report in two places, and both are read here:

- a **date line**: a line that is only a date, right after the headline, as
  Wikinews and wire copy print it ("January 25, 2010", "2024-10-30",
  "Wed 30 Oct 2024"). It is metadata, not body text.
- a **dateline** heading the first paragraph: place (or byline) words, the
  date, a dash ("CARLISLE, Cumbria, Wednesday 12 March 2025 — Floodwater
  ..."), or the date straight before the first sentence ("March 01, 2008
  Northrop Grumman ..."). It is the article's own words and stays in the
  text; its date is the document's.

A weekday printed with the date must agree with it: "Tue 30 Oct 2024" is an
error in a date line and no evidence in a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lang.en import (
    BYLINE_WORDS,
    IMAGE_MARKUP_WORDS,
    MONTH_ABBREVIATIONS,
    NOT_PUBLICATION_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from .tagger import tag_times

_WEEKDAY_WORD = re.compile(r"([A-Za-z]+)\.?,?\s*$")
_LEAD_WEEKDAY = re.compile(r"\s*([A-Za-z]+)\.?,?\s+")
# What may follow a dateline's date: a dash, a colon, an agency, leftovers of an image's wiki
# markup, or the first word of the body.
_AFTER = re.compile(r"\s*(?:\((?:[A-Z][\w.]*\s?)+\)\s*)?(?:—|–|--?|_|:|\|)?\s*"
                    r"(?:(?:\d+px|" + "|".join(IMAGE_MARKUP_WORDS) + r")\s+)*(?=[A-Z0-9\"“‘'(]|$)")
_PREFIX_TOKEN = re.compile(r"[^\s,;]+")
_MAX_PREFIX_WORDS = 12
_UNDOTTED = re.compile(r"\b(" + "|".join(a.capitalize() for a, (_, dot) in MONTH_ABBREVIATIONS.items() if dot)
                       + r")\b(?!\.)")


@dataclass(frozen=True)
class Dateline:
    """A date heading a paragraph: ``date``; its extent; where the article's words resume."""

    date: date
    start: int
    end: int
    body: int


class DateLineError(ValueError):
    """A line that reads as a date line but names an impossible or self-contradicting date."""


def weekday_of(word: str) -> int | None:
    w = word.lower().rstrip(".,")
    if w in WEEKDAYS:
        return WEEKDAYS[w]
    return WEEKDAY_ABBREVIATIONS.get(w)


def _full_day(t) -> date | None:
    tx = t.timex
    return tx.date if t.type in ("DATE", "TIME") else None


def parse_date_line(line: str) -> date | None:
    """The date of a line that holds nothing but a date (and an optional weekday and time).

    None when the line is something else; ``DateLineError`` when it is a
    date line whose weekday disagrees with its date.
    """
    text = line.strip()
    if not text or len(text) > 60:
        return None
    said_weekday = None
    m = _LEAD_WEEKDAY.match(text)
    if m and weekday_of(m[1]) is not None and text[m.end() :][:1].isdigit():
        said_weekday, text = weekday_of(m[1]), text[m.end() :]  # "Wed 30 Oct 2024": abbreviations
    # "12 Mar 2025": in a line that is only a date, an undotted abbreviation is the month
    text = _UNDOTTED.sub(r"\1.", text)
    times = tag_times(text, None)
    if not times or times[0].start != 0:
        return None
    d = _full_day(times[0])
    covered = times[0].end
    for t in times[1:]:  # a clock time after the date ("2024-10-30 14:05", "..., 3 p.m. GMT")
        if t.type != "TIME" or text[covered : t.start].strip(" ,") != "":
            return None
        covered = t.end
    if d is None or text[covered:].strip(" .") != "":
        return None
    inner = re.match(r"([A-Za-z]+),?\s", times[0].text)  # "Wednesday, 30 October 2024"
    if inner and weekday_of(inner[1]) is not None:
        said_weekday = weekday_of(inner[1])
    if said_weekday is not None and said_weekday != d.weekday():
        raise DateLineError(f"{line.strip()!r}: {d.day} {d.strftime('%B')} {d.year} is a {d.strftime('%A')}")
    return d


def find_dateline(text: str, start: int = 0, today: date | None = None) -> Dateline | None:
    """A dateline at ``start``: place or byline words, then a full date, then a dash or the body.

    The words before the date must all be names (capitalised), agencies, an
    e-mail address or byline words ("By"); "Updated" disqualifies the date.
    """
    window = text[start : start + 220]
    cut = window.find("\n")
    if cut >= 0:
        window = window[:cut]
    for t in tag_times(window, None):
        d = _full_day(t)
        if d is None:
            continue
        if today is not None and d > today:
            return None
        prefix = window[: t.start]
        if not _prefix_ok(prefix):
            return None  # the first full date is inside a sentence: no dateline
        said = weekday_of(_WEEKDAY_WORD.search(prefix)[1]) if _WEEKDAY_WORD.search(prefix) else None
        inner = re.match(r"([A-Za-z]+),?\s", t.text)
        if inner and weekday_of(inner[1]) is not None:
            said = weekday_of(inner[1])
        if said is not None and said != d.weekday():
            return None
        after = _AFTER.match(window, t.end)
        if after is None:
            return None
        return Dateline(d, start + t.start, start + t.end, start + after.end())
    return None


def _prefix_ok(prefix: str) -> bool:
    words = _PREFIX_TOKEN.findall(prefix)
    if len(words) > _MAX_PREFIX_WORDS:
        return False
    for w in words:
        core = w.strip("().:|—–-_'\"")
        if not core:
            continue
        if "@" in core or core[0].isupper():
            if core.lower() in NOT_PUBLICATION_WORDS:
                return False
            continue
        if core.lower() not in BYLINE_WORDS:
            return False
    return True


def head_starts(text: str) -> list[int]:
    """Where an article's dateline may stand: its start, the line after the headline, or after
    a headline run into the body ("Headline. BY A WRITER March 29, 2009 ...")."""
    starts = [0]
    nl = text.find("\n")
    if 0 <= nl < 400:
        starts.append(nl + 1 + len(text[nl + 1 :]) - len(text[nl + 1 :].lstrip()))
    first_line = text[: nl if nl >= 0 else len(text)]
    m = re.search(r"[.!?]\s+(?=[A-Z])", first_line[:300])
    if m:
        starts.append(m.end())
    return sorted(set(starts))
