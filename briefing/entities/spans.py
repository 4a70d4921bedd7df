"""Span clean-up and competition: trimmed spans, one candidate per stretch of text, and the span-level
retyping (facilities, 'Anbar province', product model numbers).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .candidate import Candidate, is_cap
from .fragments import SAINTS
from .lang_en import (
    ABBREVIATIONS,
    ADMIN_WORDS,
    CORPORATE_SUFFIXES,
    EVENT_HEADS,
    FACILITY_BIGRAMS,
    FACILITY_HEADS,
    FACILITY_TAILS,
    INSTITUTION_ADMIN_WORDS,
    LEADING_ARTICLES,
    LONE_NON_NAMES,
    OPERATOR_HEADS,
    ORG_HEADS,
    SCHEME_HEADS,
)
from .products import names_a_model, with_model_code, without_ordinal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


# A full stop that belongs to the name: an initial ("George W.") or an abbreviation ("Inc.").
KEEP_FINAL_DOT = re.compile(r"(?:\b[A-Z]\.|" + "|".join(re.escape(a) + r"\." for a in ABBREVIATIONS) + r")$")
# An article opening a span.
LEADING_ARTICLE = re.compile(r"(?:" + "|".join(LEADING_ARTICLES) + r")\s+")
POSSESSIVE = re.compile(r"['’]s?$")


def strip_possessive(s: str) -> str:
    return POSSESSIVE.sub("", s) if len(s) > 2 else s


_LOWER_TAIL = re.compile(r"(?<=[A-Za-z0-9.)])\s+[a-z]+$")


def clean(c: Candidate, text: str) -> Candidate | None:
    """Trim 'the', possessives and punctuation off a span; drop spans that are no names."""
    start, end = c.start, c.end
    while True:
        frag = text[start:end]
        m = LEADING_ARTICLE.match(frag)
        if m and end - start > m.end():
            start += m.end()
            continue
        m2 = re.search(r"['’]s?$", frag)
        if m2 and m2.start() > 0 and c.source != "glossary":
            end = start + m2.start()
            continue
        stripped = frag.strip(" \t\n\"“”‘'(),;:!?-—–")
        if stripped != frag and stripped:
            offset = frag.index(stripped)
            start, end = start + offset, start + offset + len(stripped)
            continue
        if frag.endswith(".") and not KEEP_FINAL_DOT.search(frag):
            end -= 1
            continue
        tail = _LOWER_TAIL.search(frag)
        if tail and c.source == "model" and c.label in ("ORG", "NORP", "FAC"):
            end = start + tail.start()  # 'the United Auto Workers union': the name ends before 'union'
            continue
        break
    frag = text[start:end]
    if "(" in frag and ")" not in frag[frag.index("("):]:
        # 'Software Development Kit (SDK': the name ends before its acronym (``acronyms`` links it)
        end = start + len(frag[:frag.index("(")].rstrip())
        frag = text[start:end]
    if not frag or not any(ch.isalpha() for ch in frag) and not _operated_model(c, frag, text):
        return None
    if not any(ch.isupper() for ch in frag) and not (c.label == "PRODUCT" and names_a_model(frag)):
        return None  # no capital, no name; but a product's model code ('787s') is one
    if "\n" in frag or text[end:end + 1] == "$":
        return None
    if frag.lower().rstrip(".") in LONE_NON_NAMES and c.source != "glossary":
        return None  # 'But' opening a sentence; 'State' of 'Secretary of State', 'St.' of 'ST. PAUL'
    return replace(c, start=start, end=end)


def _operated_model(c: Candidate, frag: str, text: str) -> bool:
    """'an American Airlines 777': a bare model code right after an operator's name is the plane
    (a bare number elsewhere is left to the product it abbreviates, see ``propagate``)."""
    before = text[max(0, c.start - 30):c.start]
    words = before.split()
    return (c.label == "PRODUCT" and names_a_model(frag) and before.endswith(" ") and bool(words)
            and words[-1].lower() in OPERATOR_HEADS and words[-1][:1].isupper())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlaps_any(c: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(_overlaps((c.start, c.end), s) for s in spans)


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    taken = bytearray()
    for c in sorted(cands, key=lambda c: (-c.priority, -c.length, c.start, c.label)):
        if len(taken) < c.end:
            taken.extend(b"\0" * (c.end - len(taken)))
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\1" * c.length
        chosen.append(c)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def retype(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """Span-level fixes: product model numbers, facilities, 'Anbar province'."""
    out = []
    for c in cands:
        if c.source == "glossary":
            out.append(c)
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not len(span):
            out.append(c)
            continue
        c = without_ordinal(c, span)
        c = with_model_code(c, span)
        c = _legal_form(c, span)
        c = _organisation(c, span)
        c = _group_name(c, span)
        c = _event(c, span)
        c = _facility(c, span)
        c = _admin_area(c, span, text)
        c = _scheme(c, span)
        out.append(c)
    return out


def _scheme(c: Candidate, span) -> Candidate:
    """'Warm Homes Scheme', 'Clean Air Act': a scheme, programme or law is a thing (OTHER), not the
    organisation or person the model reads in its capitals."""
    if len(span) < 2 or c.label in ("OTHER", "EVENT", "PRODUCT") or span[-1].lower_ not in SCHEME_HEADS:
        return c
    return replace(c, label="OTHER") if span[-1].is_title else c


def _legal_form(c: Candidate, span) -> Candidate:
    """'Chrysler LLC Jim Press': the model ends the company before its legal form; the form is the
    company's ('Chrysler LLC'), not the start of the next name."""
    doc = span.doc
    if c.label != "ORG" or span.end >= len(doc) or span[-1].whitespace_ != " ":
        return c
    nxt = doc[span.end]
    if nxt.text.rstrip(".").lower() not in CORPORATE_SUFFIXES or not nxt.text[:1].isupper():
        return c
    return replace(c, end=nxt.idx + len(nxt.text), label="ORG")


def _organisation(c: Candidate, span) -> Candidate:
    """'Volunteer Fire Department' read as a PERSON: no person's name ends in 'Department' (and the
    full name outvotes its short form read as a surname); and
    'Saturn Corporation', 'Kestrel Ltd' are companies whatever the model read ('Saturn' a product)."""
    if len(span) < 2 or not span[-1].text[:1].isupper():
        return c
    last = span[-1].lower_.rstrip(".")
    if last in CORPORATE_SUFFIXES:  # the legal form outvotes the lone name's readings
        return replace(c, label="ORG", weight=max(c.weight, 2.0))
    if c.label in ("PERSON", "ORG") and span[-1].is_title and last in ORG_HEADS:
        # The full name outvotes a short form read as a surname ('Douglas' of 'Douglas Aircraft')
        return replace(c, label="ORG", weight=max(c.weight, 2.0))
    return c


def _event(c: Candidate, span) -> Candidate:
    """'Paris Air Show', 'Worldwide Developers Conference': an event, not a place or a company."""
    if c.label in ("EVENT", "OTHER", "PRODUCT") or len(span) < 2 or not span[-1].is_title:
        return c
    return replace(c, label="EVENT") if span[-1].lower_ in EVENT_HEADS else c


def _group_name(c: Candidate, span) -> Candidate:
    """'the Beatles', 'the Vipers': one capitalised plural after 'the' names a group (a band, a
    team), not a person (people are not 'the Smith')."""
    doc = span.doc
    if c.label != "PERSON" or len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return c
    word = span[0].text
    return replace(c, label="ORG") if word.endswith("s") and word[:-1].isalpha() and word.istitle() else c


def _facility(c: Candidate, span) -> Candidate:
    c, span = _with_facility_tail(c, span)
    if c.label not in ("ORG", "GPE", "LOC") or len(span) < 2:
        return c
    last = span[-1].lower_
    if last in FACILITY_HEADS or (span[-2].lower_, last) in FACILITY_BIGRAMS:
        return replace(c, label="FAC")
    return c


def _with_facility_tail(c: Candidate, span):
    """'West Coast' + 'Main Line', 'Settle' + 'Railway': a place's name that goes on into the capitalised
    name of a line, road or bridge is that facility's name, not the place (the model stops at the place)."""
    if c.label not in ("GPE", "LOC"):
        return c, span
    doc, end = span.doc, span.end
    if _saints_building(span):
        whole = doc[span.start : end + 2]
        return replace(c, end=whole.end_char, label="FAC"), whole
    tail = []
    while end + len(tail) < len(doc) and len(tail) < 2:
        tok = doc[end + len(tail)]
        if not tok.is_title or tok.is_sent_start or span[-1].whitespace_ == "" and not tail:
            break
        tail.append(tok)
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and after.is_title and not after.is_sent_start:
            continue  # the name goes on: 'Florida Highway Patrol' is an organisation's
        if tok.lower_ in FACILITY_HEADS or tok.lower_ in FACILITY_TAILS:
            whole = doc[span.start : tok.i + 1]
            return replace(c, end=tok.idx + len(tok), label="FAC"), whole
    return c, span


def _saints_building(span) -> bool:
    """'St. Peter' + "'s Basilica", 'St. Mary' + "'s Hospital": a saint's name, its possessive and a
    building's head are the building (the model stops at the saint, and a town shares the saint's
    name). Only a saint's: 'Britain's Heathrow Airport' is Britain and the airport."""
    doc, end = span.doc, span.end
    if span[0].lower_.rstrip(".") not in SAINTS or end + 1 >= len(doc):
        return False
    pos, head = doc[end], doc[end + 1]
    return pos.lower_ in ("'s", "’s") and head.is_title and head.lower_ in FACILITY_HEADS and (
        end + 2 >= len(doc) or not doc[end + 2].is_title)


def _admin_area(c: Candidate, span, text: str) -> Candidate:
    """'Anbar province': the mention is 'Anbar', the identity is named 'Anbar province'."""
    if c.label not in ("GPE", "LOC"):
        return c
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in ADMIN_WORDS and span[-1].text.islower():
        name = span.text
        inner = doc[span.start:span.end - 1]
        return replace(c, end=inner.end_char, label="GPE", name=name, aliases=(inner.text,))
    if span.end < len(doc):
        nxt = doc[span.end]
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if nxt.lower_ in ADMIN_WORDS and (nxt.text.islower() or (after is None or not is_cap(after))
                                          and nxt.lower_ not in INSTITUTION_ADMIN_WORDS):
            if nxt.text.islower() or nxt.is_title:
                return replace(c, label="GPE", name=text[c.start:nxt.idx + len(nxt.text)],
                               aliases=(text[c.start:c.end],))
    return c
