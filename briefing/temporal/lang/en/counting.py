"""Numbers in words, duration units and the adverbs of repetition."""

from __future__ import annotations

# Number words up to the thousands that news prose spells out.
UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}
# Quantities too vague for a number: the value gets an X ("several weeks" -> PXW).
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of",
                 "a couple of", "a couple", "couple of")

# Duration unit -> (ISO letter, is a time-of-day unit needing the "T"); decades and centuries are
# counted in years (TimeBank writes "two decades" as P20Y), see UNIT_FACTORS.
UNIT_CODES: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
}
UNIT_FACTORS: dict[str, int] = {"decade": 10, "century": 100, "fortnight": 2}
# ISO duration letter -> the unit a reader sees ("P3D" -> "3 days"); after a "T", M is minutes.
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "H": "hour",
                  "S": "second"}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Adverbs of repetition -> the TIMEX3 SET value.
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H",
               "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W"}

# "the last week of March": which week of the month (-1: the last one).
WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
# "the third quarter", "the 3rd quarter", "the final quarter": which quarter (searched in this order).
QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                   "final": 4}
# "the first half", "the latter half": which half of the year.
HALF_NUMBERS = {"first": 1, "second": 2, "last": 2, "latter": 2}
# The first words of a year in words ("nineteen ninety-nine") -> its century.
SPELLED_CENTURIES = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}
