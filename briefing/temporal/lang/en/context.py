"""Words around a candidate that decide its reading: tense cues, prepositions, counted nouns."""

from __future__ import annotations

# Words of a clause about the future: "Friday" then means the next Friday.
FUTURE_WORDS = (
    "will", "won't", "shall", "would", "going to", "scheduled", "expect", "expected to", "expects",
    "forecast", "plan to", "plans to", "planned to", "planning to", "is due", "are due", "due to", "set to",
    "is to", "are to", "upcoming", "intend to", "intends to", "deadline", "effective", "as soon as",
    "as early as", "could", "might", "should", "to be held",
)
# Past-tense words that date a clause when they are nearest to a date.
PAST_AUXILIARIES = ("was", "were", "had", "did")
PAST_REPORTING = ("said", "told", "announced", "reported")
# A plan reported in the pluperfect is a past one: "had been due to expire".
PAST_PLANS = ("had been due", "had been scheduled", "had been set", "had been expected")

# Words before a lone "May" or "March" that make it a month ("in May", "since March").
MONTH_PREPOSITIONS = frozenset({
    "in", "of", "since", "until", "till", "by", "through", "during", "from", "to", "early", "late", "mid",
    "last", "this", "next", "between", "and", "or", "before", "after", "for", "on", "the", "end",
    "beginning", "start", "middle", "each", "every", "that"})
# "by March": a deadline, so the month lies ahead.
DEADLINE_PREPOSITIONS = frozenset({"by", "through", "until", "till", "before"})
# "by year-end" is a date; "year-end results" is a kind of result.
YEAR_END_PREPOSITIONS = frozenset({"by", "since", "at", "until", "till", "before", "after", "around",
                                   "through", "near", "to"})
# "in summer" is a season; "summer" alone is often a name or a modifier.
SEASON_PREPOSITIONS = frozenset({"in", "during", "by", "until", "since", "over", "through", "this"})

# A four-digit number before these counts something: "1500 troops", "2000 feet".
COUNTED_NOUNS = ("people", "troops", "soldiers", "workers", "jobs", "employees", "shares", "cars", "units",
                 "students", "votes", "homes", "houses", "men", "women", "children", "acres", "points")
PERCENT_WORDS = ("%", "percent", "per cent")
MEASURE_WORDS = ("foot", "feet", "meter", "meters", "mile", "miles", "km", "kilometer", "kilometers", "pound",
                 "pounds", "ton", "tons")  # also hyphenated: "a 2000-foot climb"
# A number before a street name is a house number: "1935 Orchard St.", "2010 Main Street".
STREET_WORDS = ("street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
                "blvd", "way", "ct", "place", "pl", "terrace", "highway", "hwy", "parkway", "pkwy",
                "circle", "square", "sq", "crescent", "close", "row", "pike", "trail")

# Lines of a web page that are not the article: their dates date nothing.
BOILERPLATE = ("copyright", "all rights reserved", "may not be published", "may not be reproduced",
               "rewritten or redistributed", "click here", "subscribe", "sign up for", "terms of use",
               "privacy policy", "posted on", "posted at", "last updated", "updated on", "updated at",
               "follow us", "comments", "share this", "print this", "e-mail this", "email this")

# Words of a byline or a dateline that may stand before its date ("By", "Staff Reporter"), besides
# capitalised names; and words that say the date is not the publication's ("Updated 3 May").
BYLINE_WORDS = ("by", "and", "of", "de", "van", "von", "staff", "reporter", "writer", "correspondent",
                "published", "posted", "filed")
NOT_PUBLICATION_WORDS = ("updated", "modified", "revised", "edited", "corrected", "last")
# What an article copied from a wiki keeps of an image's markup between its dateline and its words
# ("February 09, 2007 thumb Ford Motor Company ...", "150px"): not the story's first word.
IMAGE_MARKUP_WORDS = ("thumb", "thumbnail", "frame", "frameless", "upright")

# Nouns that name a stretch of time: a date attached to them ("the evening of Oct. 28") dates what
# they date in turn, not a thing.
TIME_NOUNS = ("morning", "afternoon", "evening", "night", "day", "days", "week", "weeks", "weekend", "month",
              "months", "year", "years", "hour", "hours", "time", "date", "period", "quarter", "season",
              "midnight", "noon", "dawn", "dusk")
# Prepositions after which a date starts a comparison or a stretch, never the day of a happening
# attached to a noun or an adjective: "the worst flooding since 2015", "the first rise since May".
COMPARISON_PREPOSITIONS = ("since",)
# A date after these bounds a happening without dating it: "will close 12 plants by 2008".
BOUND_PREPOSITIONS = ("by", "until", "till", "through", "before", "after", "within")
# Words that make "since" a comparison rather than a start: "its first loss since 1992".
SUPERLATIVES = ("first", "last", "worst", "best", "biggest", "largest", "highest", "lowest", "strongest",
                "weakest", "deepest", "sharpest", "steepest", "fastest", "slowest", "longest", "heaviest")

# Words before "quarter" that make it a period of a year: "the latest quarter", "a strong quarter"
# (besides years and ``QUARTER_NUMBERS``).
QUARTER_QUALIFIERS = ("this", "last", "next", "current", "latest", "recent", "previous", "prior", "year-ago",
                      "year-earlier", "year ago", "same", "comparable", "corresponding", "fiscal", "calendar")
QUARTER_ADJECTIVES = ("flat", "strong", "weak", "difficult", "typical")
# Words before a year that name its kind: "fiscal 1999", "model year 2005" ("FY" is matched as well).
YEAR_KINDS = ("fiscal", "calendar", "fiscal year", "model year", "year")
# What makes the four digits after it a phone extension, a room or a road, not a year: "ext. 1133",
# "Suite 2001", "FR 1497" (road prefixes are matched in capitals only).
NUMBER_LABELS = ("ext", "extension", "room", "suite", "apt", "box", "flight", "gate", "hwy", "highway",
                 "route", "rte")
ROAD_PREFIXES = ("FR", "FM", "CR", "SR", "RM")
# Nouns after "current" that make it an adjective of a kind, not the present: "current account".
CURRENT_NOUNS = ("account", "accounts", "affairs", "events", "flow", "flows", "carrying", "through", "trend",
                 "trends")
# Words before a number of units that say where the stretch lies or what it is: "the past three weeks",
# "three more days", "five trading days".
DURATION_ADJECTIVES = ("past", "last", "next", "first", "coming", "previous", "final", "latest",
                       "following", "remaining", "initial", "ensuing", "same", "other", "additional", "extra",
                       "subsequent")
COUNT_ADJECTIVES = ("more", "additional", "straight", "consecutive", "full", "long", "trading", "business",
                    "working", "calendar", "extra", "further")
