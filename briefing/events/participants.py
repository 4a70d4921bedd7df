"""Who takes part in an event: the names in its sentence that are more than qualifiers, and the
name a pronoun or a description subject ("he", "the company") points back to."""

from __future__ import annotations

from .lang_en import (
    DEFINITE_DETERMINERS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PRODUCT_NOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
)
from .positions import ByPosition
from .triggers import np_head

_ACTOR_TYPES = {"ORG", "PERSON", "PRODUCT", "OTHER"}  # places and peoples stay with every event they qualify


def sentence_participants(by_position: ByPosition, spacy_doc, start: int, end: int) -> list[str]:
    """The entities that take part in a sentence's happenings, in entity order: a name that only
    qualifies a person or a role ("Ryanair CEO Michael O'Leary", "GM shares", "a Boeing spokesman")
    is no participant."""
    taking_part: set[int] = set()
    for i, m in by_position.spans_in(start, end):
        if i in taking_part:
            continue
        span = spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
        if by_position.entities[i].type not in _ACTOR_TYPES or span is None or _takes_part(span.root):
            taking_part.add(i)
    return [by_position.entities[i].id for i in sorted(taking_part)]


def _takes_part(tok) -> bool:
    if tok.dep_ not in ("compound", "poss", "nmod") or tok.head == tok:
        return True
    noun = np_head(tok.head)
    if noun.ent_type_ == "PERSON" or noun.lower_ in ROLE_NOUNS:
        return False  # "Ryanair CEO Michael O'Leary", "a Boeing spokesman"
    return True  # "Boeing's protest", "ISIS operatives", "US Central Command forces"


_COREF_REACH = 2000  # characters back to look for the name


def _subject(trig):
    subj = next((c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and trig.dep_ in ("conj", "xcomp", "advcl") and trig.head != trig:
        return _subject(trig.head)  # "X arrived and signed", "X plans to build"
    return subj


def _referent(trig, by_position: ByPosition) -> str | None:
    """Who a pronoun or a description subject ("he", "the company") of ``trig`` stands for."""
    subj = _subject(trig)
    if subj is None:
        return None
    word = subj.lower_
    definite = any(c.lower_ in DEFINITE_DETERMINERS for c in subj.children)
    if word in PERSON_PRONOUNS:
        kinds: tuple[str, ...] = ("PERSON",)
    elif word in THING_PRONOUNS:
        kinds = ("ORG", "PRODUCT")
    elif definite and word in ORG_NOUNS:
        kinds = ("ORG",)
    elif definite and word in PRODUCT_NOUNS:
        kinds = ("PRODUCT",)
    else:
        return None
    # The nearest earlier subject of that kind (subjects are what a text goes on about), else the
    # nearest earlier name of that kind.
    doc = trig.doc
    best = None
    for i, m in by_position.spans_in(max(0, subj.idx - _COREF_REACH), subj.idx):
        e = by_position.entities[i]
        if e.type not in kinds:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        is_subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
        key = (is_subject and m.end >= subj.idx - 150, m.end)
        if best is None or key > best[0]:
            best = (key, e.id)
    return best[1] if best else None


def with_referent(ents: list[str], trig, by_position: ByPosition) -> list[str]:
    ref = _referent(trig, by_position)
    return ents + [ref] if ref and ref not in ents else ents
