"""The tagger's rule registry, and the context a rule's handler reads besides its match.

A rule is one compiled regular expression, a handler that turns a match into
a TIMEX3 (type, value, mod) or rejects it, an optional cheap guard and an
explicit priority. Rule families (``calendar_dates``, ``periods``,
``relative``, ``days``) register their rules with ``@rule``; ``tagger``
runs them all. When two candidates cover equally long extents at the same
place, the rule with the lower priority number wins (the more specific
one), so the outcome does not depend on which module was imported first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .lang.en import FUTURE_WORDS, PAST_AUXILIARIES, PAST_PLANS, PAST_REPORTING
from .patterns import words
from .timex import Timex

# ----------------------------------------------------------------------------- context


@dataclass
class Ctx:
    """What normalisation needs besides the match: DCT, sentence bounds, discourse state.

    One ``Ctx`` lives for one ``tag_times`` call, whose handlers run in text
    order. Two values depend on what came before, as TimeBank annotates them,
    so they are state that handlers write and later handlers read:

    - the last explicit year (written by the ``mdy``, ``dmy`` and ``year``
      rules through ``name_year``): "that year", "the following year";
    - the last quarter named (written by ``quarter`` through
      ``name_quarter``): after "the third quarter", "a year earlier" and
      "the year-ago period" mean that quarter a year back (``quarter_at``).
    """

    text: str
    dct: date | None
    sent_starts: list[int]
    quarter_ref: tuple[int, int, int] | None = None  # (year, quarter, offset) of the last quarter named
    last_year: int | None = None  # the last explicit year, for "that year"

    def name_year(self, year: int) -> None:
        """An explicit year was read: "that year" after it means this one."""
        self.last_year = year

    def name_quarter(self, year: int, quarter: int, pos: int) -> None:
        """A quarter was named at ``pos``: an earnings report's later periods are seen from it."""
        self.quarter_ref = (year, quarter, pos)

    def quarter_at(self, pos: int) -> tuple[int, int] | None:
        """The quarter an earnings report is talking about, if one was named not too far back."""
        if self.quarter_ref and pos - self.quarter_ref[2] < 1500:
            return self.quarter_ref[0], self.quarter_ref[1]
        return None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end offsets of the sentence holding ``pos``."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[i] if i >= 0 else 0
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end


_FUTURE_WORDS = words(FUTURE_WORDS)
# The verb nearest to a date decides its tense: in "officials, who will meet again, said Friday" the
# date goes with "said".  A plan reported in the pluperfect ("had been due to expire") is a past one.
_TENSE_CUE = re.compile(rf"\b(?P<past>{words(PAST_PLANS)}|{words(PAST_AUXILIARIES + PAST_REPORTING)})\b"
                        rf"|\b(?P<fut>{_FUTURE_WORDS})\b|(?P<fut2>'ll)\b", re.I)
_PAST_CUE = re.compile(rf"\b(?:{words(PAST_AUXILIARIES)}|\w{{3,}}ed)\b", re.I)


def is_past(ctx: Ctx, start: int) -> bool:
    """A past-tense verb just before: 'shut down in December' means last December."""
    s0, _ = ctx.sentence(start)
    return bool(_PAST_CUE.search(ctx.text, max(s0, start - 60), start))


def is_future(ctx: Ctx, start: int, end: int) -> bool:
    """Does the clause around [start, end) speak of the future?  Decides 'Friday' = next Friday."""
    s0, s1 = ctx.sentence(start)
    nearest: tuple[int, bool] | None = None
    for c in _TENSE_CUE.finditer(ctx.text, max(s0, start - 80), min(s1, end + 12)):
        if c.start() >= end:
            dist, fut = c.start() - end, c["past"] is None
            if not fut:
                continue  # "Friday, he said": the reporting verb after a date does not date it
        else:
            dist, fut = max(0, start - c.end()), c["past"] is None
        if nearest is None or dist < nearest[0] or (dist == nearest[0] and fut):
            nearest = (dist, fut)
    return bool(nearest and nearest[1])


def prev_word(text: str, start: int) -> str:
    """The word before ``start`` (lower case, within 30 characters), or ''."""
    m = re.search(r"([A-Za-z'-]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


# ----------------------------------------------------------------------------- registry

Result = tuple[str, Timex, "str | None"]  # TIMEX3 type, value, mod
Handler = Callable[[re.Match[str], Ctx], "Result | None"]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """One registered rule; ``prio`` breaks ties between equally long candidates (lower wins)."""

    name: str
    prio: int
    regex: re.Pattern[str]
    handler: Handler
    guard: Guard | None = None
    group: str | None = None  # extent = this group's span instead of the whole match
    keys: re.Pattern[str] | None = None  # a word any match contains: skip the rule if absent


RULES: list[Rule] = []  # sorted by priority


def rule(name: str, prio: int, pattern: str, flags: int = 0, guard: Guard | None = None,
         group: str | None = None, keys: str | None = None) -> Callable[[Handler], Handler]:
    """Register the decorated handler as rule ``name`` with priority ``prio`` (unique; lower wins)."""
    def deco(fn: Handler) -> Handler:
        if any(r.prio == prio or r.name == name for r in RULES):
            raise ValueError(f"rule {name!r}: its name or priority {prio} is taken")
        # Matches start at a word start: cheap to test, and spares the engine from trying every
        # optional prefix at every character (a 4x speed-up).
        rx = re.compile(r"(?<![\w'])(?=[\w'])" + pattern, flags)
        bisect.insort(RULES, Rule(name, prio, rx, fn, guard, group, re.compile(keys, re.I) if keys else None),
                      key=lambda r: r.prio)
        return fn
    return deco
