"""Rules for the places the model misses or misreads: named regions and natural features
('the Sahel', 'the Middle East'), and rivers and lakes ('River Wensum', 'the Frobble River',
'Lake Opal'). Names come from the gazetteer when it is installed, else from a built-in list."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .aliases import FALLBACK_REGIONS
from .candidate import PRIORITY_RULE, Candidate, is_cap
from .lang_en import WATER_NAME_STOPS, WATER_PREFIXES, WATER_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

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
        first = e.start + 1 if e.start < start and doc[e.start].lower_ == "the" else e.start
        if e.end - first > end - start:
            return True
    return False


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
