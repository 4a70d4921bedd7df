"""Rules for the places the model misses or misreads: named regions and natural features
('the Sahel', 'the Middle East'), rivers and lakes ('River Wensum', 'the Frobble River',
'Lake Opal'), and a river written bare after 'the' ('the Eden' of a 'River Eden'). Names come
from the gazetteer when it is installed, else from a built-in list."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.nlp import lemma

from .aliases import FALLBACK_REGIONS
from .candidate import PRIORITY_RULE, Candidate, is_cap
from .lang_en import WATER_CONTEXT, WATER_NAME_STOPS, WATER_PREFIXES, WATER_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

@lru_cache(maxsize=1)
def _region_index() -> tuple[dict[tuple[str, ...], str], int]:
    """Lower-cased token tuples of region names: from the gazetteer when present, else built-in."""
    names: list[str] = list(FALLBACK_REGIONS)
    try:  # the gazetteer is optional: another part of the project, maybe without its data file
        from briefing.geo.gazetteer import gazetteer

        names += list(gazetteer().region_names())
    except Exception:  # noqa: BLE001 - any failure just means "no gazetteer"
        pass
    index: dict[tuple[str, ...], str] = {}
    for name in sorted(set(names)):
        words = tuple(re.findall(r"\w+|[^\w\s]", name.lower()))
        if words:
            index.setdefault(words, name)
    return index, max((len(k) for k in index), default=0)


def region_names(doc: Doc) -> list[Candidate]:
    """Named regions and features in any case after a capital: 'the Syrian desert' -> LOC."""
    index, longest = _region_index()
    out, i, n = [], 0, len(doc)
    while i < n:
        found = 0
        if is_cap(doc[i]):
            for size in range(min(longest, n - i), 0, -1):
                if tuple(t.lower_ for t in doc[i:i + size]) in index:
                    found = size
                    break
        if found and (_inside_longer_name(doc, i, i + found) or _runs_on(doc, i + found)):
            i += found
        elif found:
            span = doc[i:i + found]
            label = span[0].ent_type_ if span[0].ent_type_ in ("GPE", "FAC") and span.ents else "LOC"
            out.append(Candidate(span.start_char, span.end_char, label, PRIORITY_RULE, "rules", weight=2.0))
            i += found
        else:
            i += 1
    return out


def _runs_on(doc: Doc, end: int) -> bool:
    """'Thames Valley District School Board', 'Gulf War': a capitalised name word right after the
    region's name (not a date's, nor in the title-case headline) makes it part of a longer name."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.is_title and nxt.lower_ in _MOUTH_WORDS:
        return True  # 'the Nile Delta' lies at the river's mouth, far from the river's marker
    headline = "\n" not in doc.text[: nxt.idx]
    return (nxt.is_title and nxt.pos_ == "PROPN" and not nxt.is_sent_start and not headline
            and nxt.ent_type_ not in ("DATE", "TIME", "GPE", "LOC") and doc[end - 1].whitespace_ != "")


# A river's part named after it that is a place of its own, at the river's mouth.
_MOUTH_WORDS = frozenset({"delta", "estuary"})

# Model entities that, reaching past a region's name, make it part of another name: 'Thames
# Water' (a company), 'Nile Rodgers' (a person), 'Danube Day' (an event).
_LONGER_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a model entity of another kind spans tokens [start, end) and more ('the' it took in
    front, 'the River Caldew', is no more name)."""
    for e in doc.ents:
        if e.label_ not in _LONGER_NAME_LABELS or not (e.start <= start and end <= e.end):
            continue
        if _listed_regions(e):
            continue  # 'Windermere and Ullswater' read as one organisation: two lakes
        first = e.start + 1 if e.start < start and doc[e.start].lower_ == "the" else e.start
        if e.end - first > end - start:
            return True
    return False


def _listed_regions(span: Span) -> bool:
    """Whether a model name is only region names joined by 'and', 'or' or commas ('Windermere and
    Ullswater', which the model reads as one organisation): no longer name, but a list."""
    index, _ = _region_index()
    parts, part = [], []
    for tok in span:
        if tok.lower_ in ("and", "or", ","):
            parts.append(part)
            part = []
        elif not (tok.i == span.start and tok.lower_ == "the"):
            part.append(tok.lower_)
    parts.append(part)
    return len(parts) > 1 and all(tuple(p) in index for p in parts)


def water_names(doc: Doc) -> list[Candidate]:
    """'River Wensum', 'the Frobble River', 'Lake Opal': a river or lake the model missed (LOC), or
    a town named after one ('Lake Placid', GPE) when the gazetteer knows the name as a town only.

    The name is one or two capitalised words after the prefix, or up to three before 'River'; a
    capitalised word right after it means a longer name ('Charles River Associates', 'Lake Shore
    Drive'), and a model name of another kind reaching past it keeps its reading.
    """
    out = []
    for tok in doc:
        if not tok.is_title or tok.lower_ not in WATER_PREFIXES | WATER_SUFFIXES:
            continue
        start = end = tok.i
        if tok.lower_ in WATER_PREFIXES:
            while end + 1 < len(doc) and end - tok.i < 2 and _name_word(doc[end + 1]):
                end += 1
        if end == tok.i and tok.lower_ in WATER_SUFFIXES:
            while start > 0 and tok.i - start < 3 and _name_word(doc[start - 1]):
                start -= 1
        if start == end or doc[end].lower_ in WATER_NAME_STOPS or _inside_longer_name(doc, start, end + 1):
            continue
        if end + 1 < len(doc) and doc[end + 1].is_title and not doc[end + 1].is_sent_start:
            continue
        span = doc[start:end + 1]
        out.append(Candidate(span.start_char, span.end_char, _water_label(span.text), PRIORITY_RULE, "rules"))
    return out


def _name_word(tok: Token) -> bool:
    return tok.is_title and tok.is_alpha and not tok.is_stop and tok.lower_ not in WATER_PREFIXES


def _water_label(name: str) -> str:
    """GPE for a town the gazetteer knows by this name and no river or lake does, else LOC."""
    try:  # the gazetteer is optional (see _region_index)
        from briefing.geo.gazetteer import gazetteer

        found = [c for c in gazetteer().lookup(name) if not c.alias]
    except Exception:  # noqa: BLE001 - any failure just means "no gazetteer"
        return "LOC"
    water = any(c.feature in ("river", "lake") for c in found)
    return "GPE" if not water and any(c.kind == "city" for c in found) else "LOC"


@lru_cache(maxsize=1)
def _bare_river_index() -> dict[str, str]:
    """Bare name -> the river's name, for the curated rivers the gazetteer knows only with 'River'
    ('Eden' -> 'River Eden', 'Ohio' -> 'Ohio River'): their bare name is also a town, a county or
    a person, so only the article can say it means the river. Names safe alone ('Thames') are
    region names already, matched by ``region_names``."""
    index, _ = _region_index()
    plain = {" ".join(k) for k in index}
    out: dict[str, str] = {}
    for name in sorted(index.values()):
        m = re.fullmatch(r"River ((?:[A-Z][a-z]+ ?){1,2})|((?:[A-Z][a-z]+ ?){1,2}) River", name)
        if m is None:
            continue
        bare = (m.group(1) or m.group(2)).strip()
        if bare.lower() not in plain:
            out.setdefault(bare, _river_main_name(name))
    return out


def _river_main_name(form: str) -> str:
    """The gazetteer's main name of the river called ``form`` ('Lune River' -> 'River Lune')."""
    try:  # the gazetteer is optional (see _region_index)
        from briefing.geo.gazetteer import gazetteer

        found = [c for c in gazetteer().lookup(form) if c.feature == "river" and not c.alias]
    except Exception:  # noqa: BLE001 - any failure just means "no gazetteer"
        return form
    return found[0].name if found else form


def bare_rivers(doc: Doc) -> list[Candidate]:
    """'the Eden' (LOC), the river named 'River Eden' elsewhere in the article, or in a sentence
    that says what water does ('the Lune burst its banks', 'where the Caldew meets the Eden').

    British news writes a river 'the Eden' once it has said 'River Eden', or when the sentence
    leaves no doubt; the bare name alone is a town ('Eden, North Carolina'), a county ('Kent') or
    a person ('Greta'), so it needs one of the two. The candidate carries the river's name as the
    article writes it ('Eden River' if so), else the gazetteer's, so that its mentions and the
    full name's are one identity and it resolves to the river. A capitalised word after it ('the
    Eden Project') or a model name of another kind reaching past it keeps the longer reading.
    """
    index = _bare_river_index()
    if not index:
        return []
    text = doc.text
    out = []
    for tok in doc[1:]:
        pair = f"{tok.text} {doc[tok.i + 1].text}" if tok.i + 1 < len(doc) else ""
        if tok.text not in index and pair not in index:
            continue
        size = 1 if tok.text in index else 2
        bare = doc[tok.i:tok.i + size].text
        if doc[tok.i - 1].lower_ != "the" or not tok.is_title:
            continue
        end = tok.i + size
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (nxt.is_title and not nxt.is_sent_start or nxt.text == "-"):
            continue  # 'the Eden Project', 'the Kent-based firm'
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and doc[end - 1].dep_ == "compound":
            continue  # 'the Kent coast', 'the Eden valley': the name qualifies another noun
        if _inside_longer_name(doc, tok.i, end):
            continue
        written = next((f for f in (f"River {bare}", f"{bare} River") if f in text), None)
        sentence = tok.sent
        wet = any(t.lower_ in WATER_CONTEXT or lemma(t) in WATER_CONTEXT
                  for t in sentence if not tok.i <= t.i < end)
        if written is None and not wet:
            continue
        span = doc[tok.i:end]
        out.append(Candidate(span.start_char, span.end_char, "LOC", PRIORITY_RULE, "rules", weight=2.0,
                             name=written or index[bare]))
    return out
