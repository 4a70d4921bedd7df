"""The words around a mention that say it names a place, as a copy editor reads them.

'in Glen Carbon', 'an Alexandria man', 'Roswell police', 'Paris, Tenn.', '420 Augusta St.,
Alexandria', 'Kerala and Puducherry', 'Homs and other towns'. Used by the local-place rules
(``toponyms``) to retype a town the model misread, and by the resolver (``resolve._stray``) to
keep a small town that the text plainly writes as one.
"""

from __future__ import annotations

import re

from briefing.geo.gazetteer import Candidate, gazetteer
from briefing.model import Mention

# Words before a mention that make it a place ('of Nelson', 'in Glen Carbon').
_BEFORE = frozenset("""in of near at from to outside inside around across throughout toward towards into
    via downtown through between""".split())
# Words after a mention that make it a place ('an Alexandria man', 'Roswell police').
_AFTER = frozenset("""man woman men women boy girl boys girls teen teenager teens youth resident residents
    native natives couple family families police officers officer firefighters council councilman
    mayor officials official schools school area areas city town village township county parish
    neighborhood neighbourhood community residents' businesses business home homes counties parishes
    townships roads streets avenues""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# The last word of a street's name ('Augusta St.', 'Collins Avenue'): a town written after it,
# ', Alexandria', is the street's town.
STREET_WORDS = (r"\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Highway|Hwy|Parkway|"
                r"Pkwy|Pike|Court|Ct|Place|Pl|Way|Terrace|Circle|Square)\.?")
_AFTER_STREET = re.compile(STREET_WORDS + r",\s$")
STATE_WORD = re.compile(r"\s+(?:State|Province|Region|Governorate|Oblast)$")


def qualifier_of(text: str, m: Mention) -> list[Candidate]:
    """The states and countries a ', Ga.' or ', Oaxaca, Mexico' after the mention names."""
    q = re.match(r",\s*([A-Z][A-Za-z.]+(?:\s?[A-Z][A-Za-z.]+)?)", text[m.end: m.end + 40])
    if not q:
        return []
    words = q.group(1).rstrip(",")
    found = [c for c in gazetteer().lookup(words) if c.kind in ("admin1", "country")]
    return found or [c for c in gazetteer().lookup(STATE_WORD.sub("", words)) if c.kind == "admin1"]


_LIST_BEFORE = re.compile(r"(?:,|,?\s+(?:and|or))\s+$")
_LIST_AFTER = re.compile(r"^(?:,|,?\s+(?:and|or))\s+")


def listed_with_places(text: str, m: Mention, places: list[Mention]) -> bool:
    """'Kerala and Puducherry', 'Nitra, Presov and Kosice': a name listed next to a place is one."""
    before = _LIST_BEFORE.search(text[max(0, m.start - 6): m.start])
    if before and any(p.end == m.start - len(before.group(0)) for p in places):
        return True
    after = _LIST_AFTER.match(text[m.end: m.end + 6])
    return bool(after and any(p.start == m.end + len(after.group(0)) for p in places))


def reads_as_place_at(text: str, m: Mention) -> bool:
    """Whether the words around a mention say it is a place ('in X', 'X police', 'X, Ga.')."""
    return locative(text, m)


def locative(text: str, m: Mention) -> bool:
    """'of X', 'in X', 'X man', 'X police', 'X, Ga.': the mention's own words say place."""
    before = _WORD.findall(text[max(0, m.start - 20): m.start])
    if before and before[-1].lower() in _BEFORE and text[m.start - 1: m.start] == " ":
        return True
    if _AFTER_STREET.search(text[max(0, m.start - 12): m.start]):
        return True  # '420 Augusta St., Alexandria'
    after = text[m.end: m.end + 30]
    word = _WORD.match(after.lstrip())
    if word and after[:1] == " " and word.group(0).lower().rstrip(".") in _AFTER:
        return True
    if _OTHER_PLACES.match(after):
        return True  # 'Qamishli and other towns'
    return bool(qualifier_of(text, m))


# 'X and other towns', 'X or other cities': the name is one of the kind the list goes on with.
_OTHER_PLACES = re.compile(r",?\s+(?:and|or)\s+(?:other|nearby|neighbouring|neighboring|surrounding)\s+"
                           r"(?:towns|cities|villages|communities|countries|states|provinces|regions|areas)\b")
