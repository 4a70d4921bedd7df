"""Acronyms and their long forms: 'US Central Command (CENTCOM)'."""

from __future__ import annotations

import re

from .candidate import Candidate

ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")


def acronym_links(cands: list[Candidate], text: str) -> dict[str, Candidate]:
    """'US Central Command (CENTCOM)': acronym -> the long form's candidate."""
    links: dict[str, Candidate] = {}
    for c in cands:
        m = ACRONYM_AFTER.match(text, c.end)
        if not m or len(text[c.start:c.end].split()) < 2:
            continue
        acronym = m.group(1)
        if sum(ch.isupper() for ch in acronym) >= 2 and initials_fit(acronym, text[c.start:c.end]):
            links.setdefault(acronym.replace(".", ""), c)
    return links


def initials_fit(acronym: str, long_form: str) -> bool:
    """Letters of the acronym appear in order in the long form, starting at a word's initial."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    words = long_form.split()
    if not letters or letters[0] not in {w[0].lower() for w in words}:
        return False
    rest = iter(long_form.lower())
    return all(ch in rest for ch in letters)
