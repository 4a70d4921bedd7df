"""Fragments the model proposes as names, mended or dropped before candidates compete.

The small model has a few habits on real news copy, each fixed by one general rule here:

- a name cut at a connector: 'Cumbria Fire and' + 'Rescue Service' is one name, and a span that
  ends in 'and' or 'of' with nothing capitalised after it is trimmed;
- one name cut in two: 'Lockheed' + 'Martin', two proposals with nothing but a space between
  them inside one run of capitalised words, are one name;
- a hyphenated adjective read as a name: 'trans-Pacific', 'pro-European' describe, they name
  nothing;
- a common noun that opens a sentence: 'Neighbour and friend Mary Lowther said' gives no entity
  'Neighbour'. A capital at a sentence start proves nothing, so a single word there only counts
  as a name when the text gives some other evidence for it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .aliases import FALLBACK_REGIONS
from .candidate import Candidate
from .lang_en import (
    CONNECTORS,
    CORPORATE_SUFFIXES,
    CORPORATE_TAIL_WORDS,
    CURRENCY_CODES,
    ORG_HEADS,
    ORG_NAME_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Connectors a name never ends with ('Bank of', 'Fire and').
DANGLING = CONNECTORS - {"al", "bin", "de"}
# What separates two names inside one proposal: a spaced dash; or a quotation mark.
SPACED_DASH = re.compile(r"\s[-–—]\s")
INNER_BREAK = re.compile(r"\s[-–—]\s|\s*[\"“”]\s*")
# A possessive inside a proposal, between two capitalised words ("Computer's Mac").
INNER_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\s+(?=[A-Z])")
# Places carry their possessives ("Martha's Vineyard", "Queen's Park", "Prince George's County").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words that open a saint's name: "St. Paul's Church" carries its possessive.
SAINTS = frozenset({"st", "saint", "ste", "san", "santa"})
# Plurals without an s, whose possessive belongs to an institution's name ("Women's Institute").
PLURAL_OWNERS = frozenset({"people", "peoples", "women", "men", "children", "folk"})
# Last words of names that carry their possessive ("Moody's Investors Service", "Lloyd's Bank").
OWN_POSSESSIVE_ENDS = ORG_HEADS | ORG_NAME_WORDS | frozenset(CORPORATE_TAIL_WORDS + CORPORATE_SUFFIXES)
# A person's name the model ends at an O' surname ("Michael O'"), and the surname after it.
IRISH_CUT = re.compile(r"(?<=\s)O['’]?$")
IRISH_REST = re.compile(r"(?<=['’])\s?[A-Z][a-z]+|['’]\s?[A-Z][a-z]+")
IRISH_WHOLE = re.compile(r" O['’]\s?[A-Z][a-z]+")
# A flight number after an airline's name: 'Air France Flight 447'.
FLIGHT = re.compile(r"\s+Flight(?:\s+\d+[A-Z]?)?$")
# Connectors across which two proposals are one name ('Cumbria Fire and' + 'Rescue Service'); a
# name cut after 'of' is more often a name and a place ('Midwest Restoration of' + 'Paris').
JOINING = frozenset({"and", "&"})
# A lower-case prefix glued by a hyphen to a capitalised word: 'trans-Pacific', 'anti-EU'.
HYPHEN_PREFIX = re.compile(r"(?<![\w-])[a-z]+-$")
# Labels of names that a lone capitalised common word at a sentence start is mistaken for.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "OTHER", "EVENT"})
# Labels of two halves that may be one name split by the model (places stay apart: 'Paris Texas').
JOINABLE = frozenset({"PERSON", "ORG", "PRODUCT", "OTHER"})


def mend(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """The proposals with the model's split names joined, its dangling connectors trimmed and its
    sentence-initial common nouns dropped, and no hyphenated adjective. (Glossary names are the
    editors' decisions and do not come here.)"""
    model = sorted((c for c in cands if c.source == "model"), key=lambda c: (c.start, c.end))
    others = [c for c in cands
              if c.source != "model" and (c.source == "glossary" or not _hyphenated_adjective(c, text))]
    model = _split_at_breaks(model, text)
    model = _join_irish_surnames(model, text)
    model = _split_at_possessives(model, text)
    model = [_airline_of_flight(c, text) for c in model]
    model = _join_at_connectors(model, doc, text)
    model = _join_adjacent(model, doc, text)
    others, model = _divisions(others, model, text)
    out = []
    context = _Context(doc, text)
    for c in model:
        if _hyphenated_adjective(c, text) or _unit_or_currency(c, text) \
                or _sentence_initial_common_word(c, doc, context):
            continue
        out.append(c)
    return others + out


def bare_proper_noun(tok: Token) -> bool:
    """A capitalised proper noun the model put in no entity, and no title: it may go on a name."""
    return (tok.tag_ in ("NNP", "NNPS") and tok.is_title and tok.is_alpha and not tok.ent_type_
            and tok.lower_ not in TITLE_WORDS and tok.lower_ not in TITLE_MODIFIERS)


def _split_at_breaks(cands: list[Candidate], text: str) -> list[Candidate]:
    """'San Jose - Cisco', 'MacBook Pro - a', 'Big Three" United States': a spaced dash, or a
    quotation mark inside a span (not a person's: 'Dwayne "The Rock" Johnson'), separates names;
    a dash between two single words is one name's hyphen."""
    out = []
    for c in cands:
        frag = text[c.start:c.end]
        breaks = list((SPACED_DASH if c.label == "PERSON" else INNER_BREAK).finditer(frag))
        one = breaks[0] if len(breaks) == 1 and SPACED_DASH.fullmatch(breaks[0].group()) else None
        if one is not None and " " not in frag[:one.start()] and " " not in frag[one.end():]:
            breaks = []  # 'Wal - Mart', 'Rolls - Royce': one hyphenated name, written with spaces
        if not breaks:
            out.append(c)
            continue
        bounds = [0, *(x for m in breaks for x in (m.start(), m.end())), len(frag)]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            part = frag[a:b]
            name = part.strip(" \"“”'")
            if name and name[0].isupper():
                at = c.start + a + part.index(name)
                out.append(replace(c, start=at, end=at + len(name)))
    return out


def _split_at_possessives(cands: list[Candidate], text: str) -> list[Candidate]:
    """'Vireo Computer's Glide OS': a possessive inside a proposal ends the owner's name; what
    follows is another name. A name whose possessive is its own stays whole: 'Moody's Investors
    Service', 'Lloyd's Bank' (an organisation word ends it), 'Dunn's Automotive' (a one-word owner:
    shops, mills and farms are named so), 'St. Paul's Church', 'Democratic People's Republic'."""
    out: list[Candidate] = []
    for c in cands:
        frag = text[c.start:c.end]
        m = INNER_POSSESSIVE.search(frag) if c.label not in PLACE_LABELS else None
        if m is None or not _owner_and_name(frag[:m.start()], frag[m.end():]):
            out.append(c)
            continue
        out.append(replace(c, end=c.start + m.start()))
        out.append(replace(c, start=c.start + m.end(), name=None, aliases=()))
    return out


def _owner_and_name(owner: str, rest: str) -> bool:
    """Whether 'owner's rest' is two names, not one that carries its possessive."""
    if not rest[:1].isupper() or rest.split()[-1].lower().rstrip(".") in OWN_POSSESSIVE_ENDS:
        return False
    words = owner.lower().split()
    if len(words) < 2 or words[0].rstrip(".") in SAINTS:
        return False  # 'Dunn's Automotive', 'Mundy's Mill', 'St. John's Cemetery': one name
    return words[-1] not in PLURAL_OWNERS  # not 'Democratic People's Republic'


def _join_irish_surnames(cands: list[Candidate], text: str) -> list[Candidate]:
    """'Michael O' + "' Leary", 'Declan' + " O' Leary": a person's name cut at an O' surname
    (written with a stray space, "O' Leary") goes on to the surname, whatever the model made of it."""
    out: list[Candidate] = []
    skip_to = -1
    for c in cands:
        if c.start < skip_to:
            continue
        rest = None
        if c.label == "PERSON":
            cut = IRISH_CUT.search(text, c.start, c.end)
            rest = (IRISH_REST if cut is not None else IRISH_WHOLE).match(text, c.end)
        if rest is not None:
            c = replace(c, end=rest.end())
            skip_to = c.end
        out.append(c)
    return out


def _airline_of_flight(c: Candidate, text: str) -> Candidate:
    """'Air France Flight 447': the name in it is the airline's (the flight is no organisation)."""
    m = FLIGHT.search(text[c.start:c.end])
    if m is None or m.start() == 0:
        return c
    return replace(c, end=c.start + m.start(), label="ORG")


def _divisions(others: list[Candidate], model: list[Candidate],
               text: str) -> tuple[list[Candidate], list[Candidate]]:
    """'GM Europe', 'EADS North America': an organisation's name right before a continent or a
    world region names its division there, one organisation."""
    regions = {r for r in FALLBACK_REGIONS if " " not in r or r.split()[0] in ("North", "South", "Latin")}
    everything = sorted(others + model, key=lambda c: (c.start, c.end))
    places = [c for c in everything if c.label in ("LOC", "GPE") and text[c.start:c.end] in regions]
    by_start: dict[int, list[Candidate]] = {}
    by_end: dict[int, list[Candidate]] = {}
    for p in places:
        by_start.setdefault(p.start, []).append(p)
        by_end.setdefault(p.end, []).append(p)
    joined: dict[int, Candidate] = {}
    gone: set[int] = set()
    for c in everything:
        if c.label != "ORG" or id(c) in gone:
            continue
        after = by_start.get(c.end + 1, [])
        tails = [p for p in by_end.get(c.end, []) if p.start > c.start and text[p.start - 1] == " "]
        if after and text[c.end] == " ":
            joined[id(c)] = replace(c, end=after[0].end)
            gone.update(id(p) for p in after)
        gone.update(id(p) for p in tails)  # the model read 'GM Europe' whole: keep it whole
    if not joined and not gone:
        return others, model

    def kept(cs: list[Candidate]) -> list[Candidate]:
        return [joined.get(id(c), c) for c in cs if id(c) not in gone]

    return kept(others), kept(model)


class _Context:
    """What the text says about its words, worked out once and only when first asked."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc, self.text = doc, text
        self._lower: set[str] | None = None
        self._mid_caps: set[str] | None = None

    @property
    def lower_words(self) -> set[str]:
        """Words the text writes in lower case."""
        if self._lower is None:
            self._lower = set(re.findall(r"(?<![\w-])[a-z][a-z'-]*", self.text))
        return self._lower

    @property
    def mid_caps(self) -> set[str]:
        """Capitalised words the text writes inside a sentence, where a capital means a name."""
        if self._mid_caps is None:
            head_end = self.text.find("\n")  # a title-case headline capitalises every word
            self._mid_caps = {t.text for t in self.doc
                              if t.idx > head_end and t.is_title and not _opens_sentence(t)}
        return self._mid_caps


def _tokens(doc: Doc, c: Candidate):
    return doc.char_span(c.start, c.end, alignment_mode="expand")


def _join_at_connectors(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """'Cumbria Fire and' + 'Rescue Service' -> one name, typed as its last part (English names
    put their head last); a dangling 'and' with no name after it is trimmed off."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        span = _tokens(doc, c)
        if span is None or not len(span) or span[-1].lower_ not in DANGLING or len(span) < 2:
            out.append(c)
            i += 1
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        gap = text[c.end:nxt.start] if nxt is not None else None
        if nxt is not None and gap is not None and gap.strip() == "" and "\n" not in gap \
                and span[-1].lower_ in JOINING and text[nxt.start:nxt.start + 1].isupper():
            out.append(replace(c, end=nxt.end, label=nxt.label))
            i += 2
            continue
        inner = doc[span.start:span.end - 1]
        out.append(replace(c, end=inner.end_char))
        i += 1
    return out


def _join_adjacent(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """'Lockheed' + 'Martin': two proposals one space apart, inside one sentence, where the
    second is a single capitalised word that the text never uses alone, are one name."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _one_name(prev, c, doc, text):
            # The head comes last ('Lockheed Tristar' is a plane), but a company is not named
            # after a person who follows it ('Morgan Stanley').
            label = prev.label if (prev.label, c.label) == ("ORG", "PERSON") else c.label
            out[-1] = replace(prev, end=c.end, label=label)
            continue
        out.append(c)
    return out


def _one_name(a: Candidate, b: Candidate, doc: Doc, text: str) -> bool:
    if text[a.end:b.start] != " " or a.label not in JOINABLE or b.label not in JOINABLE:
        return False
    span_b = _tokens(doc, b)
    if span_b is None or len(span_b) != 1 or not span_b[0].is_title or not span_b[0].is_alpha:
        return False
    word = span_b[0].text
    alone = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")
    uses = [m.start() for m in alone.finditer(text)]
    # The word is only ever written right after the first half: it is part of that name.
    return all(text[max(0, u - (a.end - a.start) - 1):u - 1] == text[a.start:a.end] for u in uses)


def _unit_or_currency(c: Candidate, text: str) -> bool:
    """'$99 (USD)', 'a 30GB edition': a currency code or a unit glued to a number names nothing."""
    word = text[c.start:c.end]
    if word in CURRENCY_CODES:
        return True
    return c.start > 0 and text[c.start - 1].isdigit() and word.isalpha() and len(word) <= 3


def _hyphenated_adjective(c: Candidate, text: str) -> bool:
    """'trans-Pacific', 'pro-European': a lower-case prefix glued to the name makes an adjective."""
    if HYPHEN_PREFIX.search(text[max(0, c.start - 12):c.start]):
        return True
    first = text[c.start:c.end].split(" ", 1)[0]
    return bool(re.match(r"[a-z]+-[A-Z]", first))  # the whole word, when a span starts with it


def _sentence_initial_common_word(c: Candidate, doc: Doc, context: _Context) -> bool:
    """A lone capitalised word opening a sentence that is an ordinary English word, with nothing
    in the text to say it is a name: coordinated with a common noun ('Neighbour and friend ...'),
    or written in lower case elsewhere. A word the text also capitalises mid-sentence is a name."""
    if c.label not in NAME_LABELS:
        return False
    span = _tokens(doc, c)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if not _opens_sentence(tok) or not tok.is_title or tok.i == 0:
        return False  # the headline's first word is left to the headline re-run
    word = tok.lower_
    if not _common_word(word) or tok.text in context.mid_caps:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    coordinated = (nxt is not None and nxt.lower_ in ("and", "or") and after is not None
                   and after.text.islower() and after.tag_ in ("NN", "NNS"))
    return coordinated or word in context.lower_words


def _opens_sentence(tok: Token) -> bool:
    """First word of a sentence: after a line break or sentence-final punctuation (and quotes)."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].text in ("\"", "“", "‘", "'", "("):
        k -= 1
    return k < 0 or doc[k].is_space or "\n" in doc[k].whitespace_ or doc[k].text in (".", "!", "?", ":")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Ordinary English nouns and adjectives: the lemmatizer's WordNet index, when installed."""
    from briefing.nlp import load_nlp

    nlp = load_nlp()
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()) if w.isalpha())


def _common_word(word: str) -> bool:
    words = _common_words()
    return word in words or (word.endswith("s") and word[:-1] in words)
