"""What matched words mean: numbers, durations, modifiers, month and day numbers.

Small pure functions the rule handlers share, reading the ``lang.en`` tables.
"""

from __future__ import annotations

import re

from .lang.en import (
    MONTHS,
    ORDINALS,
    POSITIONS,
    QUANTIFIERS,
    TENS_WORDS,
    UNIT_CODES,
    UNIT_FACTORS,
    UNITS_WORDS,
    VAGUE_NUMBERS,
)


def parse_number(s: str) -> float | None:
    """'two' -> 2, 'twenty-five' -> 25, '2 1/2' -> 2.5; None for vague quantities ('several')."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in ("a", "an", "one"):
        return 1.0
    for v in VAGUE_NUMBERS:
        if s == v:
            return 2.0 if "couple" in v else None
    half = 0.0
    if s.endswith("1/2") or s.endswith("½") or s.endswith(" and a half"):
        half = 0.5
        s = re.sub(r"(?:\s*1/2|\s*½| and a half)$", "", s).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    s = s.replace("a hundred", "hundred").replace("a dozen", "dozen")
    if s == "hundred":
        return 100.0 + half
    if s == "dozen":
        return 12.0 + half
    parts = re.split(r"[- ]", s)
    total = 0
    for p in parts:
        if p in TENS_WORDS:
            total += TENS_WORDS[p]
        elif p in UNITS_WORDS:
            total += UNITS_WORDS[p]
        else:
            return None
    return float(total) + half


def unit_of(word: str) -> str:
    """A duration unit as matched ('Weeks', 'centuries') -> its ``UNIT_CODES`` key ('week', 'century')."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration: (2, 'year') -> P2Y, (None, 'week') -> PXW, (1.5, 'hour') -> PT1H30M."""
    letter, is_time = UNIT_CODES[unit]
    factor = UNIT_FACTORS.get(unit, 1)
    if unit == "quarter":
        letter, factor = "M", 3
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{'Y' if unit in ('decade', 'century') else letter}"
    n = n * factor
    if n != int(n):
        whole, frac = int(n), n - int(n)
        smaller = {"Y": (12, "M", False), "H": (60, "M", True), "D": (24, "H", True),
                   "M": (30, "D", False) if not is_time else (60, "S", True)}.get(letter)
        if smaller and abs(frac * smaller[0] - round(frac * smaller[0])) < 1e-6:
            sub = int(round(frac * smaller[0]))
            head = f"{whole}{letter}" if whole else ""
            if smaller[2] and not is_time:
                return f"P{head}T{sub}{smaller[1]}"
            return f"{prefix}{head}{sub}{smaller[1]}"
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"


def mod_of(word: str | None) -> str | None:
    """'early' -> START, 'the end of' -> END, 'mid-' -> MID (TimeML position modifiers)."""
    for w in re.findall(r"[a-z]+", (word or "").lower()):
        if POSITIONS.get(w):
            return POSITIONS[w]
    return None


def quant_mod(word: str | None) -> str | None:
    """TimeML quantifier modifiers ('about' -> APPROX, 'more than' -> MORE_THAN)."""
    return QUANTIFIERS.get(re.sub(r"\s+", " ", (word or "").lower()))


def month_number(word: str) -> int:
    """'Oct.' -> 10, 'october' -> 10."""
    return MONTHS[word.rstrip(".").lower()]


def day_number(word: str) -> int:
    """'28th' -> 28, 'twenty-eighth' -> 28."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    return int(re.match(r"\d+", w).group())  # type: ignore[union-attr]
