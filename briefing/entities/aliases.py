"""Built-in knowledge that keeps one identity per entity.

Small hand-written tables (general world knowledge, not harvested from any
corpus): common aliases of countries and organisations, and a fallback list
of named regions for when the gazetteer is absent. The English words the
rules read (job titles, facility heads ...) are in ``lang_en``. Editors
extend or override all of this through the glossary.
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

