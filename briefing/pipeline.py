"""The stages in order: document -> entities, times, places, events.

One plain function, ``annotate_document``; everything it calls is a plain
function over plain data too. Heavy imports (spaCy) happen on first use so
that ``briefing --help`` and fresh-snapshot builds never pay for them.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from .model import Annotations, Document, Entity, Place, TimeExpression
from .nlp import ModelMissingError as ModelMissingError  # re-exported: the entry points catch it

if TYPE_CHECKING:  # pragma: no cover
    from .entities import Glossary


def resolve_date(doc: Document) -> Document:
    """Fill ``doc.date`` from the text when nothing gave it and the text pins it down
    (``date_source: inferred``; ``date_from`` says by what: a ``dateline`` or the ``text``)."""
    if doc.date:
        return doc
    from .temporal.infer import find_document_date

    found = find_document_date(doc.text)
    if found:
        doc.date, doc.date_source, doc.date_from = found.date, "inferred", found.kind
    return doc


def annotate_documents(docs: list[Document], glossary: Glossary | None = None) -> list[Annotations]:
    """Annotate several documents, sharing spaCy's batched ``nlp.pipe`` (faster than one by one)."""
    from .nlp import CHUNK, load_nlp

    short = [d.text for d in docs if len(d.text) <= CHUNK]
    parsed = iter(load_nlp().pipe(short)) if short else iter(())
    return [annotate_document(d, glossary, next(parsed) if len(d.text) <= CHUNK else None) for d in docs]


def annotate_document(doc: Document, glossary: Glossary | None = None, spacy_doc=None) -> Annotations:
    """Run every extraction stage over one document (``spacy_doc``: its parse, when already made)."""
    from .entities import extract_entities
    from .events import extract_events
    from .geo.resolve import resolve_places
    from .geo.toponyms import find_local_places
    from .nlp import parse
    from .temporal import tag_times

    doc = resolve_date(doc)
    if spacy_doc is None or spacy_doc.text != doc.text:
        spacy_doc = parse(doc.text)
    times = tag_times(doc.text, doc.date)
    entities = extract_entities(doc.text, spacy_doc, glossary=glossary, article=doc.path, quiet=doc.quiet)
    entities = find_local_places(outside_times(entities, times), doc.text, quiet=doc.quiet,
                                 coverage=doc.coverage)
    fixed = glossary_places(entities, glossary)
    pinned = {p.entity for p in fixed}
    places = fixed + resolve_places([e for e in entities if e.id not in pinned], doc.text, doc.coverage)
    order = {e.id: i for i, e in enumerate(entities)}
    places.sort(key=lambda p: order.get(p.entity, 0))
    events = extract_events(doc, spacy_doc, entities, times, places)
    return Annotations(document=doc, entities=entities, places=places, times=times, events=events)


def outside_times(entities: list[Entity], times: list[TimeExpression]) -> list[Entity]:
    """Drop mentions inside a date or time ("Aug" of "Aug. 28" is no place); glossary names stay."""
    # Spans by start, with the furthest end reached so far: one bisection per mention (times
    # x entities would be quadratic in a long article).
    spans = sorted((t.start, t.end) for t in times)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside_a_time(m) -> bool:
        i = bisect_right(starts, m.start) - 1
        return i >= 0 and reach[i] >= m.end

    out = []
    for e in entities:
        if e.source != "glossary":
            e.mentions = [m for m in e.mentions if not inside_a_time(m)]
        if e.mentions:
            out.append(e)
    return out


_KIND_BY_TYPE = {"GPE": "city", "LOC": "feature", "FAC": "address"}


def glossary_places(entities, glossary: Glossary | None) -> list[Place]:
    """Places whose coordinates the editors fixed in the glossary (they always win).

    The gazetteer still says what kind of place it is, when it knows a place of that name *at
    those coordinates*: a 'Westminster' pinned in London is not the gazetteer's first
    Westminster (in Colorado). Otherwise the kind follows the entity's type and the country is
    the one the coordinates lie in.
    """
    if glossary is None:
        return []
    from .geo.basemap import candidate_at, country_at
    from .geo.gazetteer import gazetteer

    out = []
    for e in entities:
        entry = glossary.entry_for(e.name)
        coords = entry.coordinates if entry else None
        if not coords:
            continue
        known = candidate_at(gazetteer().lookup(e.name), coords[0], coords[1])
        kind = known.kind if known else _KIND_BY_TYPE.get(e.type, "address")
        country = known.country if known else country_at(coords[0], coords[1])
        out.append(
            Place(
                entity=e.id,
                name=e.name,
                lat=coords[0],
                lon=coords[1],
                kind=kind,
                country=country,
                source="glossary",
            )
        )
    return out


def annotate_text(text: str, date: str | None = None, glossary: Glossary | None = None) -> Annotations:
    """Annotate plain text (the public API behind ``briefing.annotate``)."""
    doc = Document(text=text, date=date, date_source="option" if date else None,
                   date_from="option" if date else None)
    return annotate_document(doc, glossary)
