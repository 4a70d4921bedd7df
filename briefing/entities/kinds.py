"""Types from the sentence around a name, where the model types products from their capitals alone.

The small model reads almost any capitalised product name as an organisation or a person ('the
Vireo Corsa', 'Ember', 'model Osprey'). The sentence often says better, in one of three ways:

- a maker and a name: 'the Vireo Corsa', 'its Kestrel Solano' - a company the text names alone
  elsewhere, then one more name word, after an article: the maker's product (not
  'Lockheed Martin', written bare; not 'the Ford Foundation', whose last word names an organisation);
- a list: 'the iWidget Classic, Ember and Flux' - names coordinated with a product the rules are sure
  of (a camel-case name, a model code) are products too, and a bare capitalised word in that list,
  which the model left out, is one;
- a noun that announces a model: 'its next model Osprey'.

And a name the model reads as a place, that the gazetteer knows as none and that opens an
organisation's name in the text ('Zephyrjet' beside 'Zephyrjet Airways'), is that organisation.

Rules run after the candidates competed (``spans.resolve``) and before further mentions are found
(``propagate``), so that later mentions take the corrected type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .candidate import PRIORITY_RULE, Candidate
from .lang_en import (
    ADMIN_WORDS,
    CORPORATE_TAIL_WORDS,
    EVENT_HEADS,
    FACILITY_HEADS,
    MODEL_NOUNS,
    ORG_HEADS,
    ORG_NAME_WORDS,
    SCHEME_HEADS,
    STREET_HEADS,
)
from .products import model_code

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# Labels the model gives products by mistake (a GPE reading is left to the gazetteer's checks).
MISREAD = frozenset({"ORG", "PERSON", "NORP", "OTHER"})
# Words before a maker's name that make 'Maker Name' one thing: 'the Vireo Glide'.
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})
# A place this notable is a division's name after a company's ('Ford Australia'), not a model's.
NOTABLE_PLACE = 5.0


def types_in_context(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """The candidates with products told from their context (see the module's docstring)."""
    spans = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in cands]
    people = {w for c in cands if c.label == "PERSON" for w in text[c.start:c.end].split()}
    # Companies the text names alone, and never as (part of) a person ('President Trump' is no maker).
    org_words = {_short_form(text[c.start:c.end]) for c in cands if c.label == "ORG"} - {None} - people
    org_names = [text[c.start:c.end].split() for c in cands if c.label == "ORG"]
    org_firsts = {words[0] for words in org_names if len(words) > 1}
    out = []
    for c, span in zip(cands, spans, strict=True):
        if span is not None and len(span) and c.source != "glossary":
            c = _maker_product(c, span, org_words)
            c = _introduced_model(c, span)
            c = _unknown_place(c, span, org_firsts)
            c = _street_name(c, span)
        out.append(c)
    return _coordinated_products(out, doc)


def _maker_product(c: Candidate, span: Span, org_words: set[str]) -> Candidate:
    """'the Vireo Corsa', 'its Kestrel Solano': a company the text names alone, then one name word,
    after an article: the company's product. (A title, a law, a show read as OTHER stays one.)"""
    if c.label not in ("ORG", "PERSON") or len(span) != 2 or span[0].text not in org_words:
        return c
    word = span[1]
    if not (word.is_title and word.is_alpha or word.is_upper and 2 <= len(word) <= 3) or _org_word(word):
        return c
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in DETERMINERS:
        return c
    if not span.start <= before.head.i < span.end:
        return c  # 'the Northrop Grumman plan': the article is the plan's, the name a modifier
    after = doc[span.end + (span.end < len(doc) and doc[span.end].tag_ == "POS"):][:2]
    modifies = len(after) and after[0].tag_ in ("NN", "NNS") and after[0].text.islower()
    joined = len(after) > 1 and after[0].lower_ in ("and", "or") and after[1].text[:1].isupper()
    if modifies or joined:
        return c  # '... Grumman and EADS North America plan': the article may be the plan's still
    if word.text.endswith("s") and not word.is_upper:
        return c  # 'the Acme Juggernauts': a team, a band (a product is named in the singular)
    if _notable_place(word.text) or _notable_place(span[0].text):
        return c  # 'Ford Australia' is a division, 'the Dekalb Lowe' a shop in a town
    return replace(c, label="PRODUCT", source="rules", priority=PRIORITY_RULE)


def _short_form(name: str) -> str | None:
    """The one word a company's name comes down to: 'Kestrel' of 'Kestrel' and of 'Kestrel Motors'."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in CORPORATE_TAIL_WORDS:
        words.pop()
    return words[0] if len(words) == 1 else None


def _org_word(tok: Token) -> bool:
    """A word that ends the names of organisations, places of business and events, not products."""
    word = tok.lower_
    return any(word in words for words in (ORG_HEADS, CORPORATE_TAIL_WORDS, FACILITY_HEADS, ORG_NAME_WORDS,
                                           EVENT_HEADS, SCHEME_HEADS, ADMIN_WORDS))


def _notable_place(name: str) -> bool:
    try:  # the gazetteer is optional for entity recognition (another part of the project)
        from briefing.geo.gazetteer import gazetteer
    except ImportError:  # pragma: no cover
        return False
    return any(not p.alias and p.prior >= NOTABLE_PLACE for p in gazetteer().lookup(name))


def _unknown_place(c: Candidate, span: Span, org_firsts: set[str]) -> Candidate:
    """'AirTran' read as a town, beside 'AirTran Airways': a word the gazetteer knows as no place
    at all, that opens an organisation's name in the same text, is that organisation's short name."""
    if c.label != "GPE" or len(span) != 1 or span.text not in org_firsts:
        return c
    try:  # the gazetteer is optional for entity recognition (another part of the project)
        from briefing.geo.gazetteer import gazetteer
    except ImportError:  # pragma: no cover
        return c
    return c if gazetteer().lookup(span.text) else replace(c, label="ORG")


def _street_name(c: Candidate, span: Span) -> Candidate:
    """'Warwick Road was closed': a name the model reads as a person that ends in a word only
    streets end in is the street (FAC), as its other mentions are."""
    if c.label != "PERSON" or len(span) < 2 or span[-1].lower_ not in STREET_HEADS:
        return c
    if not all(tok.is_title for tok in span):
        return c
    return replace(c, label="FAC", source="rules", priority=PRIORITY_RULE)


def _introduced_model(c: Candidate, span: Span) -> Candidate:
    """'its next model Osprey': a lower-case noun that announces a model names a product (one word
    read as a person too: a fashion model is named in full)."""
    if c.label not in MISREAD or c.label == "PERSON" and len(span) > 1 or span.start == 0:
        return c  # 'model Kate Moss' is a person
    before = span.doc[span.start - 1]
    if before.lower_ in MODEL_NOUNS and before.text.islower() and before.tag_ == "NN":
        return replace(c, label="PRODUCT")
    return c


def _sure_product(c: Candidate) -> bool:
    """A product the rules found from its form (camel case, a model code, a maker's name)."""
    return c.label == "PRODUCT" and c.source == "rules"


def _coordinated_products(cands: list[Candidate], doc: Doc) -> list[Candidate]:
    """'the iWidget Classic, Ember and Flux': names in one list with a sure product are products."""
    owner: dict[int, int] = {}  # token index -> candidate index
    for n, c in enumerate(cands):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        for tok in span or ():
            owner.setdefault(tok.i, n)
    links: dict[int, set[int]] = {}
    loose: list[tuple[Token, int]] = []  # capitalised words of a list that no candidate holds
    for tok in doc:
        if tok.dep_ != "conj":
            continue
        a, b = _owner(tok, owner), _owner(tok.head, owner)
        if a is not None and b is not None and a != b:
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
        elif a is None and b is not None and _bare_name(tok):
            loose.append((tok, b))
    sure = {n for n, c in enumerate(cands) if _sure_product(c)}
    seen, queue = set(sure), list(sure)
    while queue:  # every name reachable from a sure product through the list
        for m in links.get(queue.pop(), ()):
            if m not in seen:
                seen.add(m)
                queue.append(m)
    out = [replace(c, label="PRODUCT") if n in seen and _misread_in_list(c, doc) else c
           for n, c in enumerate(cands)]
    for tok, n in loose:
        if n in seen:
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "PRODUCT", PRIORITY_RULE, "rules"))
    return sorted(out, key=lambda c: (c.start, c.end))


def _owner(tok: Token, owner: dict[int, int]) -> int | None:
    """The candidate holding a word, or the one in its compound ('iWidget' of 'iWidget Classic')."""
    if tok.i in owner:
        return owner[tok.i]
    return next((owner[t.i] for t in tok.lefts if t.dep_ == "compound" and t.i in owner), None)


def _misread_in_list(c: Candidate, doc: Doc) -> bool:
    """A label the model gives a product by mistake; a person of two names is a person."""
    if c.source == "glossary" or c.label not in MISREAD and c.label != "GPE":
        return False
    if c.label == "GPE":  # 'Flux' read as a town: unless the gazetteer knows a notable one
        return not _notable_place(doc.text[c.start:c.end])
    return c.label != "PERSON" or " " not in doc.text[c.start:c.end]


def _bare_name(tok: Token) -> bool:
    """A capitalised proper noun alone ('Flux'), or a model code, left out by the model."""
    if tok.ent_type_ and tok.ent_type_ not in ("PRODUCT", "ORG", "PERSON"):
        return False
    nnp = tok.tag_ in ("NNP", "NNPS") and tok.is_title and tok.is_alpha
    return (nnp or model_code(tok.text) is not None) and not any(t.dep_ == "compound" for t in tok.lefts)
