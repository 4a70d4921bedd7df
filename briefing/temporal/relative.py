"""Rules for relative expressions, durations, repetitions and reference words.

"last week", "this year", "the following year", "two years ago", "three
weeks", "half an hour", "in recent weeks", "daily", "every Monday",
"recently", "now". Relative dates are anchored on the DCT; "that year" reads
the last explicit year (``Ctx.last_year``).
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import dates as D
from . import timex as X
from .lang.en import (
    AGO_WORDS,
    COUNT_ADJECTIVES,
    CURRENT_NOUNS,
    DURATION_ADJECTIVES,
    MONTHS,
    PARTS_OF_DAY,
    REF_WORDS,
    SEASONS,
    SET_ADVERBS,
    UNIT_CODES,
    WEEKDAYS,
)
from .patterns import (
    MONTH,
    NUMBER,
    NUMBER_WORD,
    POSITION_PHRASE,
    QUANTIFIER_PHRASE,
    UNIT,
    WEEKDAY,
    alternatives,
    in_order,
    words,
)
from .periods import season_value
from .rules import Ctx, Result, is_future, prev_word, rule
from .values import (
    duration_value,
    mod_of,
    parse_number,
    quant_mod,
    unit_of,
)

# -- relative units: last week, this year, the past two months ------------------------------------

_REL_UNIT = r"(?:week|weekend|month|year|decade|century|fiscal\s+year|spring|summer|fall|autumn|winter)"


_YEAR_AS_SPAN = re.compile(r"\s+(?:ended|ending|to\s+date|before|earlier|as\s+a\s+whole)", re.I)


@rule("relative", 170,
      rf"(?i:(?:(?P<pm>{POSITION_PHRASE})[\s-]*(?P<inside>in\s+)?)?(?P<rel>last|this|next|coming|past|previous|current|this\s+past|"
      rf"this\s+coming|the\s+(?:past|last|coming|next|previous|current|following|preceding|prior|same|"
      rf"whole|entire|full|remainder\s+of\s+the|rest\s+of\s+the)|the|that|same)\s+(?P<u>{_REL_UNIT}))"
      rf"(?![\w-])")
def _relative(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if m["inside"] and rel != "the":
        return None  # "earlier in the week" is this week's start; "early in last year" is no phrase of ours
    u = re.sub(r"\s+", " ", m["u"].lower())
    pm = m["pm"]
    mod = mod_of(pm)
    if u in SEASONS:
        return season_value(ctx, m, SEASONS[u], rel, None, mod)
    if u == "fiscal year":
        u = "year"
    if rel == "that" and u == "year" and ctx.last_year:
        return "DATE", X.year(ctx.last_year), mod
    if rel == "the following" and u == "year" and ctx.last_year and not pm:
        return "DATE", X.year(ctx.last_year + 1), None  # "In May 1995 ..., and the following year" = 1996
    if rel in ("the", "that", "same", "the same") and u != "weekend" and not pm:
        if u == "year" and rel == "the":
            if _YEAR_AS_SPAN.match(ctx.text, m.end()):
                return "DURATION", X.duration("P1Y"), None
            return "DATE", X.year(ctx.dct.year if ctx.dct else None), None
        return None
    if rel in ("the past", "the last", "the coming", "the next", "past", "the whole", "the entire",
               "the full", "the following") and u != "weekend" and not pm:
        if rel == "the full" and u == "year":
            return "DATE", X.year(ctx.dct.year if ctx.dct else None), None
        return "DURATION", X.duration(duration_value(1, u)), None
    if rel in ("the remainder of the", "the rest of the"):
        return None
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the previous": -1, "the preceding": -1,
            "the prior": -1, "the last": -1, "the past": -1,
            "next": 1, "coming": 1, "this coming": 1, "the next": 1, "the coming": 1,
            "the following": 1}.get(rel, 0)
    d = ctx.dct
    if u == "weekend":
        return _weekend(ctx, m, step)
    if d is None:
        return "DATE", {"week": X.week(None, None), "month": X.month(None, None), "year": X.year(None),
                        "decade": X.decade(None), "century": X.century(None)}[u], mod
    if u == "week":
        return "DATE", X.week_of(d + timedelta(days=7 * step)), mod
    if u == "month":
        return "DATE", X.of_month(D.add_months(d, step)), mod
    if u == "year":
        return "DATE", X.year(d.year + step), mod
    if u == "decade":
        if step == 0 and rel == "this":
            return "DATE", X.parse(f"{d.year // 10}X"), mod
        return "DURATION", X.duration("P10Y"), None
    if u == "century":
        if step == 0:
            return "DATE", X.duration("P100Y") if not pm else X.century(d.year // 100), mod
        return "DATE", X.century(d.year // 100 + step), mod
    return None


def _weekend(ctx: Ctx, m: re.Match[str], step: int) -> Result:
    d = ctx.dct
    if d is None:
        return "DATE", X.week(None, None, weekend=True), None
    if step == 0:
        if d.weekday() >= 5:
            ref = d
        elif is_future(ctx, m.start(), m.end()):
            ref = d + timedelta(days=5 - d.weekday())
        else:
            ref = d - timedelta(days=d.weekday() + 1)
    else:
        ref = d - timedelta(days=d.weekday() + 1) if step < 0 else d + timedelta(days=12 - d.weekday())
    return "DATE", X.week_of(ref, weekend=True), None


# -- ago / earlier / from now ---------------------------------------------------------------------

@rule("ago", 230,
      rf"(?i:(?:(?P<q>{QUANTIFIER_PHRASE})\s+)?(?P<n>{NUMBER})(?:\s+or\s+so)?[\s-]+(?P<u>{UNIT})(?:\s+or\s+so)?"
      rf"(?:\s+(?:and\s+(?:a\s+half|{NUMBER}\s+{UNIT})))?\s+(?P<dir>{alternatives(AGO_WORDS)}))(?![\w])",
      keys="|".join(AGO_WORDS))
def _ago(m: re.Match[str], ctx: Ctx) -> Result | None:
    u = unit_of(m["u"])
    if u == "second" and m["n"].lower() in ("a", "an"):
        return None
    n = parse_number(m["n"])
    mod = quant_mod(m["q"]) or ("APPROX" if "or so" in m.group(0).lower() else None)
    direction = m["dir"].lower()
    sign = AGO_WORDS.get(direction, -1)
    if n is None:
        return "DATE", X.ref("FUTURE_REF" if sign > 0 else "PAST_REF"), None
    ref = ctx.quarter_at(m.start())
    if direction in ("earlier", "ago") and ref and u in ("year", "quarter") and n == 1:
        y, q = ref
        idx = y * 4 + q - 1 + sign * round(n * (4 if u == "year" else 1))
        yy, qq = divmod(idx, 4)
        return "DATE", X.quarter(yy, qq + 1), mod
    d = ctx.dct
    if d is None:
        return "DATE", X.ref("PAST_REF" if sign < 0 else "FUTURE_REF"), mod
    if u in ("hour", "minute", "second"):
        return "DATE", X.of_date(d), mod
    t = D.shift(d, sign * n, u)
    if u == "day":
        return "DATE", X.of_date(t), mod
    if u in ("week", "fortnight"):
        return "DATE", X.week_of(t), mod
    if u in ("month", "quarter"):
        return "DATE", X.of_month(t), mod
    return "DATE", X.year(t.year), mod


# -- durations -----------------------------------------------------------------------------------

@rule("duration", 240,
      rf"(?i:(?:(?:the|a|an)\s+(?![\w.]+-{UNIT}\b))?(?:(?P<dir>{alternatives(DURATION_ADJECTIVES)})\s+)?"
      rf"(?:(?P<q>{QUANTIFIER_PHRASE})\s+)?(?P<n>{NUMBER})(?:\s+{in_order(COUNT_ADJECTIVES)})?"
      rf"[\s-]+(?P<u>{UNIT})(?![\s-]+old\b)(?:\s+or\s+so)?(?:\s+and\s+(?P<n2>a\s+half|"
      rf"{NUMBER}[\s-]+(?P<u2>{UNIT}))|\s+or\s+(?P<n3>{NUMBER_WORD}|\d+)(?![\s-]*(?:{UNIT}|[\d-])))?)(?![\w-])")
def _duration(m: re.Match[str], ctx: Ctx) -> Result | None:
    u = unit_of(m["u"])
    nword = m["n"].lower()
    if u == "second" and nword in ("a", "an", "one"):
        return None
    if nword in ("a", "an") and m["u"].lower().endswith("s"):
        return None
    n = parse_number(m["n"])
    if n is None and nword in ("some", "many", "few") and not m["u"].lower().endswith("s"):
        return None
    if u == "quarter" and not m["dir"] and (_QUARTER_SHARE.match(ctx.text, m.end()) or "-" in m.group(0)):
        return None  # "three-quarters of its food" is a share, not three quarters of a year
    mod = quant_mod(m["q"])
    if "or so" in m.group(0).lower() or "couple" in nword or m["n3"]:
        mod = "APPROX"
    if m["n2"]:
        n2 = m["n2"].lower()
        if "half" in n2 and n is not None:
            n += 0.5
        elif m["u2"] and n is not None:
            n2v = parse_number(re.sub(rf"[\s-]+{re.escape(m['u2'])}$", "", m["n2"]))
            if n2v is not None and unit_of(m["u2"]) in UNIT_CODES:
                first = duration_value(n, u)
                second = duration_value(n2v, unit_of(m["u2"]))
                if first.startswith("P") and not first.startswith("PT") and second.startswith("PT"):
                    return "DURATION", X.duration(first + second[1:]), mod
                return "DURATION", X.duration(first + second[1 + first.startswith("PT"):]), mod
    return "DURATION", X.duration(duration_value(n, u)), mod


_QUARTER_SHARE = re.compile(r"\s+of\s+(?!(?:fiscal\s+)?(?:1[0-9]|20)\d\d\b|the\s+(?:fiscal\s+)?year\b|"
                            r"(?:this|last|next)\s+year\b)", re.I)


@rule("half_unit", 250, r"(?i:(?:a\s+)?half\s+(?:an?\s+)?(?P<u>hour|day|year|century|decade|month)|"
                        r"a\s+half[\s-]+(?P<u2>hour|day|year|century))(?![\w-])", keys=r"half")
def _half_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    u = (m["u"] or m["u2"]).lower()
    return "DURATION", X.duration({"hour": "PT30M", "day": "PT12H", "year": "P6M", "century": "P50Y",
                                   "decade": "P5Y", "month": "P2W"}[u]), None


@rule("bare_plural", 260, r"(?i:(?:for|within|over|in|after|take|takes|took|lasted|last)\s+(?P<x>(?:the\s+)?"
                          r"(?:coming\s+|next\s+|past\s+|last\s+|following\s+|ensuing\s+)?"
                          r"(?P<u>days|weeks|months|years|decades|centuries|hours|minutes)(?:\s+ahead|\s+to\s+come)?))"
                          r"(?![\w-])", group="x")
def _bare_plural(m: re.Match[str], ctx: Ctx) -> Result | None:
    x = m["x"].lower()
    if x.startswith("the") and not re.search(r"coming|next|past|last|following|ensuing|ahead|to come", x):
        return None
    return "DURATION", X.duration(duration_value(None, unit_of(m["u"]))), None


@rule("recent_units", 270,
      r"(?i:(?:more\s+)?recent\s+(?P<u>days|weeks|months|years|decades|quarters))(?![\w-])", keys=r"recent")
def _recent_units(m: re.Match[str], ctx: Ctx) -> Result | None:
    """'in recent weeks' is an unspecified stretch of weeks ending now (TimeBank: PXW)."""
    return "DURATION", X.duration(duration_value(None, unit_of(m["u"]))), None


# -- sets ------------------------------------------------------------------------------------------

_NAME_BEFORE = re.compile(r"\b[A-Z][\w'-]*\s+$")  # a capitalised word just before: a name goes on


@rule("set_adverb", 280, r"(?i:" + "|".join(SET_ADVERBS) + r")(?![\w-])")
def _set_adverb(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m.group(0)[0].isupper() and (prev_word(ctx.text, m.start()) in ("the", "a")
                                    or _NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())):
        return None  # a newspaper's name ("the Daily ...", "The China Daily newspaper")
    return "SET", X.duration(SET_ADVERBS[m.group(0).lower()]), None


@rule("set_every", 290,
      rf"(?i:(?:every|each)\s+(?:other\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<u>{UNIT}|morning|afternoon|"
      rf"evening|night|weekend|{alternatives(SEASONS)})|(?:once|twice|thrice|{NUMBER}\s+times)"
      rf"\s+(?:a|an|per|each|every)\s+(?P<u2>day|week|month|year|quarter|decade))(?![\w-])"
      rf"|(?i:every|each)\s+(?P<wd>{WEEKDAY}|{MONTH})", keys=r"every|each|once|twice|thrice|times")
def _set_every(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["wd"]:
        w = m["wd"].rstrip(".").lower()
        if w in WEEKDAYS:
            return "SET", X.other(f"XXXX-WXX-{WEEKDAYS[w] + 1}"), None
        return "SET", X.month(None, MONTHS[w]), None
    u = (m["u"] or m["u2"]).lower()
    if u in PARTS_OF_DAY:
        return "SET", X.part_of_day(X.day(None, None, None), PARTS_OF_DAY[u]), None
    if u == "weekend":
        return "SET", X.week(None, None, weekend=True), None
    if u in SEASONS:
        return "SET", X.season(None, SEASONS[u]), None
    n = parse_number(m["n"]) if m["n"] else 1.0
    return "SET", X.duration(duration_value(n, unit_of(u))), None


# -- reference words -------------------------------------------------------------------------------

_REFS = {kind: words(phrases) for kind, phrases in REF_WORDS.items()}
_REF_BLOCK = re.compile(rf"\s+{in_order(CURRENT_NOUNS)}\b|-", re.I)


def _ref_guard(m: re.Match[str], text: str) -> bool:
    """'current' before 'account', 'affairs', 'events' names a kind of thing, not the present."""
    return not (m.group(0).lower() == "current" and _REF_BLOCK.match(text, m.end()))


@rule("ref", 310, r"(?i:" + "|".join(f"(?P<{k}>{v})" for k, v in _REFS.items()) + r")(?![\w-])",
      guard=_ref_guard)
def _ref(m: re.Match[str], ctx: Ctx) -> Result | None:
    kind = next(k for k in _REFS if m[k])
    return "DATE", X.ref(kind), None

