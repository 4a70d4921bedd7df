"""English words the event rules read: which verbs tell happenings, which nouns name them, which
words point back to a participant, and the phrases that date one event from another.

Language data as data: one table per kind of word, so adding a word is a one-line change; the
patterns are built from these tables where they are used. Time words (prepositions, boilerplate,
superlatives) are shared with the tagger in ``briefing.temporal.lang.en``.
"""

from __future__ import annotations

# Verbs that report states or opinions rather than happenings.
STATE_VERBS = {
    "be", "have", "remain", "seem", "appear", "include", "comprise", "mean", "indicate", "underscore",
    "think", "believe", "know", "continue", "come", "follow",
}
# Nouns that name a happening: a date that qualifies them dates an event ("the strike on Monday").
EVENT_NOUNS = {
    "strike", "airstrike", "attack", "raid", "operation", "election", "vote", "meeting", "summit",
    "announcement", "protest", "explosion", "bombing", "earthquake", "storm", "visit", "talks", "deal",
    "agreement", "launch", "crash", "fire", "shooting", "war", "offensive", "ceasefire", "trial", "hearing",
    "release", "killing", "arrest", "flood", "flooding", "sale", "sales", "loss", "losses", "profit",
    "profits", "order", "orders", "purchase", "offer", "plan", "cut", "cuts", "merger", "takeover", "bid",
    "flight", "delivery", "recall", "layoff", "layoffs", "bailout", "loan", "loans",
}
# Verbs that bound a stretch of time ("the quarter ended Sept. 30"): a date with them ends the stretch.
STRETCH_VERBS = {"end", "begin", "start", "close", "finish"}
# Speech about a happening is not the happening: never an anchor for "days before the strikes", and
# two statements are never one event.
REPORTING_VERBS = {"announce", "say", "report", "state", "tell", "confirm", "claim", "declare", "add", "note",
                   "comment", "reply", "warn", "outline", "describe", "explain", "stress", "emphasize",
                   "emphasise", "mention", "insist", "argue", "admit", "deny", "predict", "estimate"}
# Subordinators of a clause that says when its head happened, and whether that date is only
# approximate for the head: "cut jobs when sales collapsed in January" happened in January; "resigned
# after the board voted on Monday", on Monday or just after. ("before" and "until" say when it did not.)
TIME_CLAUSE_MARKS = {"when": False, "as": False, "while": False, "once": False, "after": True}
# After these a date belongs to the thing it follows ("the budget for 2026"), not to the clause.
THING_PREPOSITIONS = {"for", "of", "from", "to", "until", "between", "since"}

# Tense: auxiliaries of the future, the pluperfect and the perfect; adverbs that tell a past as
# history ("was once named"), some earlier time.
FUTURE_AUXILIARIES = ("will", "'ll", "shall")
PLUPERFECT_AUXILIARIES = {"had", "'d"}
PERFECT_AUXILIARIES = {"has", "have", "'s", "'ve"}
LONG_AGO = {"once", "previously", "formerly", "originally", "initially"}

# Nouns a name qualifies without taking part: "Ryanair CEO", "GM shares", "a Boeing spokesman".
ROLE_NOUNS = {
    "ceo", "chief", "executive", "president", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "director", "manager", "official", "officials", "analyst", "analysts", "head", "founder",
    "owner", "secretary", "minister", "share", "shares", "stock", "stocks", "parent", "subsidiary", "unit",
    "division", "website", "site", "board", "employee", "employees", "worker", "workers", "staff",
}

# A subject that names no one but points back to someone: "he" -> a person; "it" -> an
# organisation or a product; "the company" -> an organisation; "the plane" -> a product.
PERSON_PRONOUNS = {"he", "she"}
THING_PRONOUNS = {"it"}
# A possessive pronoun points back as its pronoun does: "its sales rose" are the company's.
POSSESSIVE_PRONOUNS = {"its": "it", "his": "he", "her": "she"}
DEFINITE_DETERMINERS = ("the", "this")
# A relative clause's subject that is its head: "General Motors, which filed for bankruptcy".
RELATIVE_PRONOUNS = {"which", "that", "who"}
ORG_NOUNS = {
    "company", "firm", "automaker", "carmaker", "airframer", "manufacturer", "maker", "airline", "carrier",
    "corporation", "group", "giant", "business", "conglomerate", "consortium",
}
# A body of some kind ("the agency", "the union"): only an organisation its name calls so ("the
# Environment Agency", "the Labour Party"); the nearest company is not "the administration".
BODY_NOUNS = {
    "agency", "government", "administration", "organisation", "organization", "union", "bank", "council",
    "party", "ministry", "department", "commission", "committee", "authority", "court", "board",
}
PRODUCT_NOUNS = {"plane", "aircraft", "jet", "airliner", "superjumbo", "car", "vehicle", "model", "ship"}

# "a few days before the airstrikes": how many, which unit (and how many days it may span, for the
# estimate), which direction.
RELATIVE_QUANTIFIERS = ("just", "only", "a few", "several", "some", "a couple of", "two", "three")
UNIT_DAYS = {"days": 14, "weeks": 60, "months": 365, "hours": 1}
RELATIVE_DIRECTIONS = ("before", "after", "ahead of", "prior to")
# "a day before the announcement", "two weeks after the vote": an exact count of days or weeks.
EXACT_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
EXACT_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}

# "compared with 2008", "up from 14% a year ago", "more than in 2005": the date of a comparison.
COMPARISON_PHRASES = ("compared to", "compared with", "up from", "down from", "than", "than in", "versus",
                      "vs", "vs.")
# Words that join two dates into one span: "Saturday and Sunday", "Monday to Wednesday".
DATE_CONJUNCTIONS = ("and", "or", "to", "through", "until", "-", "–")

# Words a shortened summary must not end on before its ellipsis: they promise words that were cut
# (determiners, prepositions, conjunctions, auxiliaries waiting for their verb: "sales rose in the…",
# "the plan is…"). And the words that belong with the number before them ("$12 billion"): a cut never
# parts them.
DANGLING_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "both", "either", "neither", "each", "every", "such", "very", "not",
    "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "into", "onto", "about", "as", "than", "over", "under", "after", "before", "between", "which", "who",
    "whom", "whose", "where", "when", "while", "if", "because", "although", "whether", "since",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "i", "we", "you", "he", "she", "it", "they",
}
NUMBER_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "m", "bn", "percent", "%"}
