"""Who takes part in an event: the names in its sentence that are more than qualifiers, and the
name a pronoun or a description subject ("he", "the company") points back to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import lemma
from .lang_en import (
    BODY_NOUNS,
    DEFINITE_DETERMINERS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRODUCT_NOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    THING_PRONOUNS,
)
from .positions import ByPosition
from .triggers import np_head

if TYPE_CHECKING:  # pragma: no cover
    from .candidate import Candidate

_ACTOR_TYPES = {"ORG", "PERSON", "PRODUCT", "OTHER"}  # places and peoples stay with every event they qualify


def sentence_participants(by_position: ByPosition, spacy_doc, start: int, end: int) -> list[str]:
    """The entities that take part in a sentence's happenings, in entity order: a name that only
    qualifies a person, a role or a product ("Ryanair CEO Michael O'Leary", "GM shares", "a Boeing
    spokesman", "12 Airbus aircraft") is no participant, unless the person makes a statement: a
    company speaks through its chief executive or its spokesman ("Airbus chief executive Noel
    Forgeard stated ...")."""
    taking_part: set[int] = set()
    for i, m in by_position.spans_in(start, end):
        if i in taking_part:
            continue
        span = spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
        kind = by_position.entities[i].type
        if kind not in _ACTOR_TYPES or span is None or _takes_part(span.root, kind):
            taking_part.add(i)
    return [by_position.entities[i].id for i in sorted(taking_part)]


def _takes_part(tok, kind: str) -> bool:
    if _describes_a_person(tok):
        return False  # "said Ms. Goodman, an industrial engineer for General Motors"
    if tok.dep_ not in ("compound", "poss", "nmod") or tok.head == tok:
        return True
    noun = np_head(tok.head)
    if noun.ent_type_ == "PERSON" or noun.lower_ in ROLE_NOUNS:
        if _speaks(noun):
            return True  # "a Boeing spokesman said": the company speaks through him
        return False  # "Ryanair CEO Michael O'Leary flew in", "a Boeing spokesman's car"
    if kind == "ORG" and (noun.ent_type_ == "PRODUCT" or lemma(noun) in PRODUCT_NOUNS):
        return False  # "Aer Lingus bought 12 Airbus aircraft": the maker's name says which aircraft
    return True  # "Boeing's protest", "ISIS operatives", "US Central Command forces"


def _speaks(noun) -> bool:
    """Is ``noun`` the subject of a statement ("a Boeing spokesman said", "said GM chief Rick
    Wagoner")?"""
    return noun.dep_ in ("nsubj", "nsubjpass") and lemma(noun.head) in REPORTING_VERBS


def _describes_a_person(tok) -> bool:
    """Is ``tok`` in an apposition that says who a person is ("Ms. Goodman, an engineer for General
    Motors")? Its names qualify the person; they take no part. (Not past a clause of its own:
    "Fritz Henderson, the CEO of General Motors, which filed for bankruptcy".)"""
    node = tok
    for _ in range(6):
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "appos" and node.head.ent_type_ == "PERSON" and node.pos_ in ("NOUN", "PROPN"):
            return not any(w.dep_ == "relcl" and not _who_clause(w) for w in tok.children)
        node = node.head
    return False


def _who_clause(clause) -> bool:
    """A relative clause about a person ("an engineer for General Motors who said ..."): it tells
    of the person, however the parser hung it."""
    return any(c.lower_ in ("who", "whom", "whose") for c in clause.children)


_ORG_DESCRIPTIONS = ORG_NOUNS | BODY_NOUNS  # "the company", "the agency"
_COREF_REACH = 2000  # characters back to look for the name
_NAME_REACH = 120  # characters back to look for the name a relative clause hangs on


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
    if trig.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS:
        if subj.lower_ == "which" and trig.head.ent_type_ == "PERSON":
            return _which_thing(subj, by_position)
        # "General Motors, which filed": General Motors filed; "the company, which filed": the company
        return _named_at(trig.head, by_position) or _stands_for(trig.head, by_position)
    return _stands_for(subj, by_position)


def _named_at(tok, by_position: ByPosition) -> str | None:
    """The entity a mention of which holds ``tok``."""
    for i, m in by_position.spans_in(max(0, tok.idx - _NAME_REACH), tok.idx + len(tok) + 1):
        if m.start <= tok.idx < m.end:
            return by_position.entities[i].id
    return None


def _which_thing(which, by_position: ByPosition) -> str | None:
    """ "Fritz Henderson, the chief executive of General Motors, which filed for bankruptcy": the
    parser hangs the clause on the person, but "which" is no person's word; it is the nearest
    organisation or product named just before it (``Token.sent`` is not used: it rebuilds the
    sentences of the whole Doc on every call)."""
    best = None
    for i, m in by_position.spans_in(max(0, which.idx - _NAME_REACH), which.idx):
        if by_position.entities[i].type in ("ORG", "PRODUCT") and (best is None or m.end > best[0]):
            best = (m.end, by_position.entities[i].id)
    return best[1] if best else None


def _stands_for(subj, by_position: ByPosition) -> str | None:
    """Who a pronoun or a definite description ("he", "its", "the company") stands for: the nearest
    earlier subject of that kind, else the nearest earlier name of that kind."""
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ in POSSESSIVE_PRONOUNS:
        subj = owner  # "its sales rose 43%": the sales are the company's
    word = POSSESSIVE_PRONOUNS.get(subj.lower_, subj.lower_)
    definite = any(c.lower_ in DEFINITE_DETERMINERS for c in subj.children)
    if word in PERSON_PRONOUNS:
        kinds: tuple[str, ...] = ("PERSON",)
    elif word in THING_PRONOUNS:
        kinds = ("ORG", "PRODUCT")
    elif definite and word in _ORG_DESCRIPTIONS:
        kinds = ("ORG",)
    elif definite and word in PRODUCT_NOUNS:
        kinds = ("PRODUCT",)
    else:
        return None
    called = word if word in BODY_NOUNS else None  # "the agency": an agency by name
    doc = subj.doc  # (subjects first: they are what a text goes on about)
    best = None
    for i, m in by_position.spans_in(max(0, subj.idx - _COREF_REACH), subj.idx):
        e = by_position.entities[i]
        if e.type not in kinds or called and called not in e.name.lower().split():
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        is_subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
        key = (is_subject and m.end >= subj.idx - 150, m.end)
        if best is None or key > best[0]:
            best = (key, e.id)
    return best[1] if best else None


def _described(trig, by_position: ByPosition) -> list[str]:
    """Who the descriptions of vehicles in ``trig``'s words, its own subject aside, stand for ("two
    engines on the prototype airliner would be replaced": the airliner is the A380 named before).
    Only vehicles: "the government" or "the union" elsewhere in a clause is too often not the
    organisation named last."""
    out, own = [], _subject(trig)
    for w in trig.subtree:
        if w != trig and w != own and w.pos_ == "NOUN" and w.lower_ in PRODUCT_NOUNS:
            ref = _stands_for(w, by_position)
            if ref and ref not in out:
                out.append(ref)
    return out


def with_referent(ents: list[str], trig, by_position: ByPosition) -> list[str]:
    """The sentence's names, and the ones its pronoun subject and its descriptions stand for."""
    refs = [_referent(trig, by_position), *_described(trig, by_position)]
    return ents + [r for r in dict.fromkeys(refs) if r and r not in ents]


def own_participants(made: list[Candidate], by_position: ByPosition, spacy_doc, start: int, end: int) -> None:
    """Several happenings in one sentence: a name goes with the one whose clause it is in ("Boeing
    will begin production in 2006 and the aircraft should enter service in 2008": Boeing begins
    production; it does not enter service). A name outside every one's clause stays with all, and
    the one a pronoun subject stands for stays with its clause ("it saw a 45% drop")."""
    owner: dict[int, set[int]] = {}  # token -> the happenings whose clause it heads
    for c in made:
        for i in _clause_heads(spacy_doc[c.trigger]):
            owner.setdefault(i, set()).add(c.trigger)
    governed: dict[str, set[int]] = {}  # entity -> the happenings its mentions are in (-1: none)
    for i, m in by_position.spans_in(start, end):
        span = spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
        tok, found = (span.root if span is not None else None), {-1}
        while tok is not None:
            if tok.i in owner:
                found = owner[tok.i]
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
        governed.setdefault(by_position.entities[i].id, set()).update(found)
    for c in made:
        ref = _referent(spacy_doc[c.trigger], by_position)
        keep = [e for e in c.entities
                if e not in governed or -1 in governed[e] or c.trigger in governed[e] or e == ref]
        if keep:  # (a clause with no names of its own is told by the sentence's: "airstrikes conducted
            c.entities, c.places = keep, [p for p in c.places if p in keep]  # on Monday" of "X said that")


def _clause_heads(trig) -> set[int]:
    """The trigger and the verbs whose subject it shares ("recovered ... and re-entered the market in
    2010", "plans to build"): a name of theirs is a name of its."""
    heads = {trig.i}
    while trig.dep_ in ("conj", "xcomp") and trig.head.i != trig.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        trig = trig.head
        heads.add(trig.i)
    return heads


_REPORTED = ("ccomp", "xcomp")


def _mention_roots(by_position: ByPosition, spacy_doc, start: int, end: int):
    """(entity id, token index of the mention's head word, or None) for each mention in start..end."""
    for i, m in by_position.spans_in(start, end):
        span = spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
        yield by_position.entities[i].id, span.root.i if span is not None else None


def outside_report(c: Candidate, trig, by_position: ByPosition, spacy_doc, start: int, end: int):
    """A statement's names are its speaker's side, not what it reports ("He stated that GM would
    offer a package": the statement is his, the offer is GM's). Names only inside the reported
    clause leave the statement (unless none would stay, or the clause has a date of its own: the
    dated happening is told as such); returns that clause's head and those names, for the reported
    happening's own event, or None."""
    if lemma(trig) not in REPORTING_VERBS:
        return None
    clauses = [child for child in trig.children if child.dep_ in _REPORTED and child.pos_ in ("VERB", "AUX")]
    reported = {t.i: clause for clause in clauses for t in clause.subtree}
    if not reported:
        return None
    inside: dict[str, object] = {}
    for ent, root in _mention_roots(by_position, spacy_doc, start, end):
        clause = reported.get(root) if root is not None else None
        inside[ent] = clause if inside.get(ent, clause) is clause else None
    ref = _referent(trig, by_position)
    moved = [e for e in c.entities if inside.get(e) is not None and e != ref]
    keep = [e for e in c.entities if e not in moved]
    if not moved or not keep:
        return None
    clause = inside[moved[0]]
    first, last = clause.left_edge, clause.right_edge
    if by_position.times_in(first.idx, last.idx + len(last)):
        return None  # "said that airstrikes conducted on Monday killed 35": dated, told as before
    c.entities, c.places = keep, [p for p in c.places if p in keep]
    return clause, [e for e in moved if inside[e] is clause]


def outside_clause(c: Candidate, clause, by_position: ByPosition, spacy_doc, start: int,
                   end: int) -> list[str]:
    """Names of ``c`` that only the words around ``clause`` name ("GM's move comes a day after
    Chrysler released its list": GM's is the move, not the release). They leave ``c``; returned for
    an entry of their own."""
    words = {t.i for t in clause.subtree}
    inside = {ent for ent, root in _mention_roots(by_position, spacy_doc, start, end)
              if root is None or root in words}
    moved = [e for e in c.entities if e not in inside]
    if moved and len(moved) < len(c.entities):
        c.entities = [e for e in c.entities if e in inside]
        c.places = [p for p in c.places if p in inside]
        return moved
    return []
