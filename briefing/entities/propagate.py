"""More mentions of names already recognised: the model finds a name in one sentence and misses it in
another, and one identity should have all its mentions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import PRIORITY_MODEL, Candidate
from .fragments import bare_proper_noun
from .lang_en import COMPANY_NAME_GOES_ON
from .names import NameMatcher
from .products import model_code

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def propagate(cands: list[Candidate], text: str, acronyms: dict[str, Candidate],
               values: list[tuple[int, int]],
               codes: dict[str, Candidate], doc: Doc | None = None) -> list[Candidate]:
    """Find later (or headline) mentions of names already recognised somewhere in the text.

    The model misses a name in one sentence and finds it in another; one
    identity should have all its mentions. Persons also lend their surname
    ('Singh' after 'Sabrina Singh').
    """
    forms: dict[str, Candidate] = {}
    for c in cands:
        surface = text[c.start:c.end]
        forms.setdefault(surface, c)
        if c.label == "PERSON" and len(surface.split()) >= 2:
            forms.setdefault(surface.split()[-1], c)
        for alias in c.aliases:
            forms.setdefault(alias, c)
    for acronym, c in acronyms.items():
        forms.setdefault(acronym, c)
    forms = {f: c for f, c in forms.items() if len(f) >= 2 and any(ch.isupper() for ch in f)}
    for code, c in codes.items():  # "A380", "787s" of an "Airbus A380", a "Boeing 787"
        for form in (code, code + "s"):
            forms.setdefault(form, c)
    if not forms:
        return cands
    lower_words = _lower_words(text)
    taken = bytearray(len(text))
    for c in cands:
        taken[c.start:c.end] = b"\1" * c.length
    for start, end in values:  # 'US' in 'US$40 billion' is part of an amount
        if model_code(text[start:end]) not in codes:  # but "the 787" of a Boeing 787 is the plane
            taken[start:end] = b"\1" * (end - start)
    names = sorted(forms, key=lambda f: (-len(f), f))
    pattern = NameMatcher([(f, re.escape(f)) for f in names], r"(?<![\w.-])", r"(?![\w$-])")
    added = []
    for m in pattern.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        form = m.group()
        if " " not in form and _sentence_initial(text, m.start()) and form.lower() in lower_words:
            continue  # 'Will' opening a sentence is the verb when the text also writes 'will'
        src = forms[form]
        end = _longer_organisation(doc, m.end(), text) if doc is not None and src.label == "ORG" else m.end()
        if end != m.end() and any(taken[m.end():end]):
            end = m.end()
        if end == m.end():
            added.append(Candidate(m.start(), end, src.label, PRIORITY_MODEL, "model", weight=0.5))
        else:  # 'Apple Computer' of an 'Apple': the same organisation, named in full here
            added.append(Candidate(m.start(), end, src.label, PRIORITY_MODEL, "model", name=form))
        taken[m.start():end] = b"\1" * (end - m.start())
    return sorted(cands + added, key=lambda c: (c.start, c.end))


def _longer_organisation(doc: Doc, end: int, text: str) -> int:
    """Where an organisation's name found again really ends: 'Apple' in 'Apple Computer today' is
    the name 'Apple Computer' (proper nouns the model read as no entity go on with it)."""
    head_end = text.find("\n")
    if end <= head_end or text[end:end + 1] != " ":
        return end
    span = doc.char_span(end + 1, len(text), alignment_mode="expand") if end + 1 < len(text) else None
    if span is None:
        return end
    j = span.start
    while (j < len(doc) and bare_proper_noun(doc[j]) and doc[j].lower_ in COMPANY_NAME_GOES_ON
           and (j == span.start or doc[j - 1].whitespace_ == " ")):
        j += 1  # (only words a company's name goes on with: 'the Ford Explorer' is Ford's car)
    return end if j == span.start else doc[j - 1].idx + len(doc[j - 1].text)


def _lower_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w])[a-z][\w-]*", text))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"
