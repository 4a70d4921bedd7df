"""Names of months, weekdays, parts of the day, seasons and holidays, and what each one means."""

from __future__ import annotations

from briefing.datelabels import MONTHS as MONTH_NAMES  # one table: the site's labels use it too

# Abbreviation -> month. Those in ``DOT_REQUIRED`` are ordinary words or names without their full
# stop ("Mar", "Jun"), so only the dotted form is a month.
MONTH_ABBREVIATIONS: dict[str, tuple[int, bool]] = {  # abbreviation -> (month, full stop required)
    "jan": (1, False), "feb": (2, False), "mar": (3, True), "apr": (4, False), "jun": (6, True),
    "jul": (7, True), "aug": (8, False), "sept": (9, False), "sep": (9, True), "oct": (10, False),
    "nov": (11, False), "dec": (12, False),
}
MONTHS: dict[str, int] = {
    **{name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    **{abbr: month for abbr, (month, _) in MONTH_ABBREVIATIONS.items()},
}
# Month words that are usually something else when they stand alone: "May" the modal, "March" the
# verb. They need a day, a year or a date-like neighbour to be a month.
AMBIGUOUS_MONTHS = ("May", "March", "Mar.")
# Abbreviations that without a day are a name ("Jan" is a person), never a month.
NAME_ONLY_ABBREVIATIONS = ("Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Abbreviations of datelines and date lines ("Wed 30 Oct 2024").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Days named relative to the document date.
DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI",
}
PART_LABELS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday",
               "DT": "daytime"}
# Where a part of the day sits among clock times, in minutes after midnight (for ordering only).
PART_MINUTES = {"MO": 9 * 60, "MI": 12 * 60, "DT": 12 * 60, "AF": 15 * 60, "EV": 19 * 60, "NI": 23 * 60}
# Clock designators ("10 a.m."); the final full stop is optional. Those starting with "p" are after noon.
CLOCK_DESIGNATORS = ("a.m.", "p.m.", "am", "pm")
# Clock words: hour and minute. Midnight is the end of its day (24:00, as TIMEX3 writes it).
NOON_WORDS: dict[str, tuple[int, int]] = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}

TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
              "local time")
UTC_ZONES = ("UTC", "GMT")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_LABELS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# First and last month of each season (northern hemisphere; winter runs into the next year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Fixed-date holidays (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "the fourth of july": (7, 4), "veterans day": (11, 11),
    "bastille day": (7, 14), "st. patrick's day": (3, 17),
}
# Holidays whose date moves: ("nth", month, weekday, n, days after; n = -1 is the last such
# weekday) or ("easter", days after Easter Sunday).
MOVABLE_HOLIDAYS: dict[str, tuple] = {
    "thanksgiving day": ("nth", 11, 3, 4, 0), "thanksgiving": ("nth", 11, 3, 4, 0),
    "memorial day": ("nth", 5, 0, -1, 0), "labor day": ("nth", 9, 0, 1, 0),
    "election day": ("nth", 11, 0, 1, 1),  # the Tuesday after the first Monday of November
    "easter sunday": ("easter", 0), "easter": ("easter", 0), "good friday": ("easter", -2),
}
