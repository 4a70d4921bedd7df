"""Built-in knowledge that keeps one identity per entity.

Small hand-written tables (general world knowledge, not harvested from any
corpus): common aliases of countries and organisations, words that make up
job titles, heads of facility names, nouns that introduce a product name,
and a fallback list of named regions for when the gazetteer is absent.
Editors extend or override all of this through the glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical name -> (type, aliases). Canonical = the full form a reader expects in a tooltip.
BUILTIN_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "United States": ("GPE", ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America")),
    "United Kingdom": ("GPE", ("UK", "U.K.", "Britain", "Great Britain")),
    "United Nations": ("ORG", ("UN", "U.N.")),
    "European Union": ("ORG", ("EU", "E.U.")),
    "ISIS": ("ORG", ("ISIL", "Islamic State", "Islamic State of Iraq and Syria",
                     "Islamic State of Iraq and the Levant", "Daesh", "IS")),
    "NATO": ("ORG", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato")),
    "Russia": ("GPE", ("Russian Federation",)),
    "China": ("GPE", ("People's Republic of China", "PRC")),
    "North Korea": ("GPE", ("Democratic People's Republic of Korea", "DPRK")),
    "South Korea": ("GPE", ("Republic of Korea",)),
    "United Arab Emirates": ("GPE", ("UAE", "U.A.E.")),
    "Soviet Union": ("GPE", ("USSR", "U.S.S.R.")),
    "Iran": ("GPE", ("Islamic Republic of Iran",)),
    "Pentagon": ("ORG", ()),
    "White House": ("ORG", ()),
    "Kremlin": ("ORG", ()),
    "Federal Bureau of Investigation": ("ORG", ("FBI",)),
    "Central Intelligence Agency": ("ORG", ("CIA",)),
    "World Health Organization": ("ORG", ("WHO",)),
    "International Monetary Fund": ("ORG", ("IMF",)),
    "World Trade Organization": ("ORG", ("WTO",)),
    "European Central Bank": ("ORG", ("ECB",)),
    "Organization of the Petroleum Exporting Countries": ("ORG", ("OPEC",)),
    "Hezbollah": ("ORG", ("Hizbollah", "Hizballah")),
}

# Aliases that are also ordinary words: only recognised when written exactly (case-sensitive).
CASE_SENSITIVE_ALIASES = frozenset({"US", "UN", "IS", "WHO", "America"})

# Words that build job titles ("Deputy Pentagon Press Secretary"): kept as the person's description.
TITLE_WORDS = frozenset("""
acting adm admiral agent ambassador analyst assistant associate attorney bishop brig brigadier cap capt
captain cardinal ceo cfo chair chairman chairwoman chairperson chancellor chief cmdr col colonel commander
commissioner congressman congresswoman coo correspondent councillor councilman councilwoman counsel cpl cto
dame deputy detective dir director doctor dr economist editor emir envoy executive father first foreign
gen general gov governor judge justice king lady leader lieut lieutenant lord maj major manager marshal
mayor minister miss mr mrs ms officer pastor pope premier president press prime prince princess principal
prof professor prosecutor queen rabbi rep representative sec secretary sen senator senior sergeant sgt
sheikh sir speaker special spokesman spokesperson spokeswoman state superintendent supreme treasurer
under undersecretary vice
""".split())

# Title words that may also start a real name ("General Motors", "Supreme Court", "First Solar"):
# they only count as a title next to a person.
WEAK_TITLE_WORDS = frozenset({"first", "general", "supreme", "state", "foreign", "special", "executive",
                              "press", "senior", "principal", "major", "chief", "acting"})

# Last words of names of buildings and installations (OntoNotes FAC).
FACILITY_HEADS = frozenset({"airport", "hospital", "stadium", "bridge", "station", "prison", "tower",
                            "palace", "cathedral", "mosque", "church", "temple", "arena", "base",
                            "embassy", "consulate", "dam", "tunnel", "highway", "square", "terminal"})
FACILITY_BIGRAMS = frozenset({("medical", "center"), ("medical", "centre"), ("air", "base"),
                              ("naval", "base"), ("military", "base")})

# "social media platform X", "messaging app Signal": the noun announces a product name.
PLATFORM_NOUNS = frozenset({"platform", "app", "application", "messenger", "browser", "website", "site",
                            "chatbot", "console", "smartphone", "handset", "software"})

# "Anbar province": an administrative word after a place name; the name keeps it, the alias drops it.
ADMIN_WORDS = frozenset({"province", "governorate", "region", "district", "county", "prefecture",
                         "oblast", "state", "canton", "department", "municipality", "territory"})

# Named regions and natural features, used when the gazetteer is not available.
FALLBACK_REGIONS = (
    "Middle East", "Near East", "Far East", "Levant", "Maghreb", "Sahel", "Sahara", "Horn of Africa",
    "Balkans", "Caucasus", "Central Asia", "South Asia", "Southeast Asia", "East Asia", "West Africa",
    "East Africa", "North Africa", "Sub-Saharan Africa", "Latin America", "Caribbean", "Scandinavia",
    "Arabian Peninsula", "Persian Gulf", "Gulf of Aden", "Red Sea", "Mediterranean", "Black Sea",
    "Caspian Sea", "South China Sea", "Gaza Strip", "West Bank", "Golan Heights", "Sinai Peninsula",
    "Syrian Desert", "Arabian Desert", "Negev", "Euphrates", "Tigris", "Nile", "Strait of Hormuz",
    "Bab el-Mandeb", "Kurdistan", "Donbas", "Crimea", "Baltic Sea", "North Sea", "Indo-Pacific",
    "Pacific Ocean", "Atlantic Ocean", "Indian Ocean", "Arctic", "Antarctica", "Himalayas", "Alps",
    "Andes", "Amazon", "Siberia", "Europe", "Asia", "Africa", "North America", "South America", "Oceania",
)


def alias_key(text: str) -> str:
    """Normalised lookup key: case-folded, dots and 'the' dropped, whitespace collapsed.

    Case-sensitive aliases (US vs 'us') are checked before this folding, see
    ``builtin_canonical``.
    """
    t = text.replace("’", "'").strip()
    t = re.sub(r"^the\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s+", " ", t).replace(".", "")
    return t.casefold()


@lru_cache(maxsize=1)
def _builtin_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, (_, aliases) in BUILTIN_ALIASES.items():
        for name in (canonical, *aliases):
            index[alias_key(name)] = canonical
    return index


def builtin_canonical(text: str) -> str | None:
    """The canonical name of a built-in alias ('U.S.' -> 'United States'), else None."""
    stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    canonical = _builtin_index().get(alias_key(stripped))
    if canonical is None:
        return None
    # 'us', 'who', 'is' are words: only the exact spelling of such an alias counts.
    for alias in CASE_SENSITIVE_ALIASES:
        if alias_key(alias) == alias_key(stripped) and stripped.replace(".", "") != alias:
            return None
    return canonical


def builtin_type(canonical: str) -> str | None:
    """OntoNotes type of a built-in canonical name."""
    entry = BUILTIN_ALIASES.get(canonical)
    return entry[0] if entry else None


def builtin_aliases(canonical: str) -> tuple[str, ...]:
    entry = BUILTIN_ALIASES.get(canonical)
    return entry[1] if entry else ()


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS
