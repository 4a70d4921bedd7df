"""Acronyms and their long forms: 'US Central Command (CENTCOM)', and an article's 'GM' beside its
'General Motors'."""

from __future__ import annotations

import re

from .candidate import Candidate
from .identities import company_short_names

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
    return {**initials_links(cands, text), **links}


def initials_links(cands: list[Candidate], text: str) -> dict[str, Candidate]:
    """An organisation written in capitals ("GM", "UAW", "GAO") whose letters are the initials of
    the capitalised words of one other organisation the article names ("General Motors", "United Auto
    Workers union", "General Motors Corporation"): the article's short form of it, though
    it never writes "(GM)". Two names with those initials: it is neither's."""
    by_initials: dict[str, set[str]] = {}
    firsts: dict[str, Candidate] = {}
    for c in cands:
        surface = text[c.start:c.end]
        if c.label != "ORG" or len(surface.split()) < 2:
            continue
        forms = (surface, *company_short_names(surface), *_unqualified(surface))
        for form in forms:
            letters = "".join(w[0] for w in form.split() if w[:1].isupper())
            if len(letters) >= 2:
                by_initials.setdefault(letters, set()).add(forms[-1])  # one company, however written
                firsts.setdefault(letters, c)
    out: dict[str, Candidate] = {}
    for c in cands:
        surface = text[c.start:c.end]
        one = len(by_initials.get(surface, ())) == 1
        if one and c.label == "ORG" and surface.isupper() and surface.isalpha():
            out.setdefault(surface, firsts[surface])
    return out


_COUNTRY_CODE = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2}$")  # "U.S.", "US", "UK", "EU"


def _unqualified(name: str) -> list[str]:
    """ "U.S. Immigration and Naturalization Service" is the INS: a country's code before a name
    is not in its acronym."""
    words = name.split()
    return [" ".join(words[1:])] if len(words) >= 3 and _COUNTRY_CODE.match(words[0]) else []


def initials_fit(acronym: str, long_form: str) -> bool:
    """Letters of the acronym appear in order in the long form, starting at a word's initial."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    words = long_form.split()
    if not letters or letters[0] not in {w[0].lower() for w in words}:
        return False
    rest = iter(long_form.lower())
    return all(ch in rest for ch in letters)
