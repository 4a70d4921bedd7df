"""An identity's mentions become an Entity: its name, its type (the mentions vote), its aliases and
its description (the glossary's, a job title's, or an appositive's)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from briefing.model import Entity, Mention
from briefing.nlp import lemma

from .aliases import alias_key, builtin_type
from .candidate import Candidate
from .identities import Group, company_short_names
from .lang_en import APPOSITION_RETYPES, APPOSITION_TYPES
from .products import singular
from .spans import strip_possessive

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .glossary import Glossary, GlossaryEntry


# Tie-break when mentions disagree on a type: the more specific reading first.
TYPE_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "OTHER")


def build_entity(group: Group, text: str, doc: Doc, glossary: Glossary | None) -> Entity:
    cands = group.cands
    surfaces = [strip_possessive(text[c.start:c.end]) for c in cands]
    entry = next((c.entry for c in cands if c.entry is not None), None)
    if entry is None and group.key.startswith("g:") and glossary is not None:
        entry = glossary.entry_for(group.key[2:])
    canonical = group.key[2:] if group.key.startswith("b:") else None
    if entry is not None:
        name, etype = entry.name, entry.type or _vote_type(cands)
    else:
        forced = next((c.name for c in cands if c.name), None)
        longest = max(surfaces, key=lambda s: (len(s.split()), len(s), -surfaces.index(s)))
        if longest.isupper():  # 'DOLGELLAU —' of a dateline: the name as the text writes it elsewhere
            longest = next((s for s in surfaces if s.lower() == longest.lower() and not s.isupper()), longest)
        name = canonical or forced or singular(longest, cands)
        etype = (builtin_type(canonical) if canonical else None) or _vote_type(cands)
    aliases: list[str] = []
    for form in [*surfaces, *(a for c in cands for a in c.aliases)]:
        if form != name and form not in aliases and alias_key(form) != alias_key(name):
            aliases.append(form)
    if entry is None and etype == "ORG":  # "Ford Motor Company" is also "Ford"
        shorter = company_short_names(name)
        aliases += [a for a in shorter if a not in aliases and alias_key(a) != alias_key(name)]
    if entry is not None:
        aliases = [a for a in aliases if not _is_plural_of(a, entry)]
    description = entry.description if entry is not None and entry.description else None
    if description is None:
        description = next((c.description for c in cands if c.description), None)
    if description is None:
        description = _appositive(doc, cands[0], text)
    if entry is None or entry.type is None:
        etype = _appositive_type(doc, cands, text) or etype
    sources = {c.source for c in cands}
    source = "glossary" if entry is not None else ("rules" if "rules" in sources else "model")
    mentions = sorted({Mention(c.start, c.end, text[c.start:c.end]) for c in cands})
    return Entity(id="", name=name, type=etype, aliases=aliases, description=description,
                  mentions=mentions, link=entry.link if entry is not None else None, source=source)


def merge_namesakes(entities: list[Entity]) -> list[Entity]:
    """One entity per name and type: two identities that came out with the same name ('A330' of
    'A330-300E' and of 'A330s') are one thing, kept where the first is, with both's mentions."""
    first: dict[tuple[str, str], Entity] = {}
    out = []
    for e in entities:
        kept = first.setdefault((e.name, e.type), e)
        if kept is e:
            out.append(e)
            continue
        kept.mentions = sorted(set(kept.mentions) | set(e.mentions))
        kept.aliases += [a for a in e.aliases if a not in kept.aliases and a != kept.name]
        kept.description = kept.description or e.description
    return out


def _is_plural_of(form: str, entry: GlossaryEntry) -> bool:
    return any(form in (n + "s", n + "es") for n in entry.names)


def _vote_type(cands: list[Candidate]) -> str:
    votes: Counter[str] = Counter()
    for c in cands:
        votes[c.label] += c.weight
    # A lone capitalised word is often mistaken for a surname ('Ryanair said'); a person usually
    # appears at least once with a first name or a title, which makes the PERSON votes count fully.
    lone = all(" " not in c.surface and c.description is None and c.name is None for c in cands)
    if votes.get("PERSON") and len(votes) > 1 and lone:
        votes["PERSON"] /= 2
    best = max(votes.values())
    return min((t for t, v in votes.items() if v == best),
               key=lambda t: (TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else len(TYPE_PRIORITY), t))


def _appositive_type(doc: Doc, cands: list[Candidate], text: str) -> str | None:
    """The type an apposition gives a name the model typed from its capitals alone: 'Tiger, the
    newest version of ...' is a product, 'Cerberus, the private equity firm,' an organisation."""
    if any(c.label not in APPOSITION_RETYPES or c.description for c in cands):
        return None  # a job title says it is a person
    for c in cands:
        head = _appositive_head(doc, c, text)
        if head is not None and (cue := APPOSITION_TYPES.get(lemma(head))) is not None:
            return cue
    return None


def _appositive_head(doc: Doc, c: Candidate, text: str):
    """The head noun of an apposition right after the mention ('version' in 'Tiger, the newest
    version of ...'), or None."""
    if not text[c.end:].lstrip("'’s").startswith(","):
        return None
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in doc[span.end:min(len(doc), span.end + 8)]:
        if tok.dep_ == "appos" and span.start <= tok.head.i < span.end and tok.pos_ == "NOUN":
            return tok
    return None


def _appositive(doc: Doc, c: Candidate, text: str) -> str | None:
    """'Airbus, Europe's biggest planemaker,' -> the description 'Europe's biggest planemaker'."""
    if not text[c.end:].lstrip("'’s").startswith(","):
        return None
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in doc[span.end:min(len(doc), span.end + 4)]:
        if tok.dep_ == "appos" and span.start <= tok.head.i < span.end:
            sub = doc[tok.left_edge.i:tok.right_edge.i + 1]
            if (sub.start <= span.end or not 2 <= len(sub) <= 15
                    or any(t.pos_ in ("VERB", "AUX") for t in sub)):
                return None
            after = doc[sub.end] if sub.end < len(doc) else None
            if after is not None and after.text not in (",", ".", ";", ")"):
                return None
            return sub.text.strip(" ,;")
    return None
