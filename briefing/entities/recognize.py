"""Entity recognition: spaCy's statistical NER plus rules where it is weak on news.

The small English model is good at ordinary sentences and predictably wrong
on a few news conventions: title-case headlines ('Kill Up to 35 ISIS
Operatives' -> ORG 'ISIS Operatives'), job titles glued to names ('Pentagon
Press'), lower-case natural features ('the Syrian desert'), products named
after a noun ('platform X', 'Boeing 747'). Each rule fixes one of these and
proposes *candidates*; candidates then compete by priority (glossary > rules >
model) and length, and the survivors are grouped into identities: one entity
per thing, however many ways the text names it.

The steps live in modules of their own: ``proposals`` (model, headline,
glossary) and ``rules`` propose; ``spans`` cleans, resolves overlaps and
retypes; ``products`` and ``acronyms`` link short forms; ``propagate`` finds
further mentions; ``identities`` groups them; ``assemble`` builds the entities.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from briefing.model import Entity

from .acronyms import acronym_links
from .assemble import build_entity, merge_namesakes
from .candidate import NUMERIC_LABELS, Candidate
from .crosscheck import mark_place_readings
from .fragments import mend
from .identities import group_candidates
from .kinds import types_in_context
from .products import product_codes
from .propagate import propagate
from .proposals import glossary_candidates, model_candidates
from .rules import rule_candidates
from .slugs import unique_slug
from .spans import clean, overlaps_any, resolve, retype, strip_possessive

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .glossary import Glossary


def extract_entities(text: str, doc: Doc | None = None, glossary: Glossary | None = None,
                     article: str | None = None, quiet: tuple[tuple[int, int], ...] = ()) -> list[Entity]:
    """Entities of ``text`` (headline line, newline, paragraphs), one per identity, by first mention.

    ``doc`` is a spaCy Doc of ``text`` when the caller already has one;
    ``article`` names the article for per-article glossary suppressions; ``quiet`` are text
    ranges (headings, table cells, code) where nothing is recognised, not even glossary names.
    """
    from briefing.nlp import load_nlp

    nlp = load_nlp()
    if doc is None:
        doc = nlp(text)
    cands, blocked = rule_candidates(doc, text)
    cands += [c for c in model_candidates(doc, text, nlp) if not overlaps_any(c, blocked)]
    cands += glossary_candidates(text, glossary, doc)
    cands = [c for c in (clean(c, text) for c in cands) if c is not None]
    cands = mend(cands, doc, text)
    cands = resolve(cands)
    cands = retype(cands, doc, text)
    cands = resolve(cands)
    cands = types_in_context(cands, doc, text)
    acronyms = acronym_links(cands, text)
    values = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NUMERIC_LABELS]
    products = product_codes(cands, text)
    cands = propagate(cands, text, acronyms, values, products, doc)
    if quiet:
        cands = [c for c in cands if not _in_ranges(c, quiet)]
    if glossary is not None:
        cands = [c for c in cands
                 if not glossary.is_suppressed(strip_possessive(text[c.start:c.end]), article)]
    for c in cands:
        c.surface = strip_possessive(text[c.start:c.end])
    groups = group_candidates(cands, text, glossary, acronyms, products)
    entities = merge_namesakes([build_entity(g, text, doc, glossary) for g in groups])
    if glossary is not None:
        entities = [e for e in entities if not glossary.is_suppressed(e.name, article)]
    taken: set[str] = set()
    for e in entities:
        e.id = unique_slug(e.name, taken)
    mark_place_readings(entities)  # evidence against a type, for the editors: no type changes
    return entities


def _in_ranges(c: Candidate, ranges: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``c`` overlaps one of ``ranges`` (sorted, disjoint): only the last range starting at
    or before ``c`` and the first one after it can."""
    i = bisect_right(ranges, (c.start, float("inf"))) - 1
    return any(s < c.end and c.start < e for s, e in ranges[max(0, i):i + 2])


__all__ = ["Candidate", "extract_entities"]
