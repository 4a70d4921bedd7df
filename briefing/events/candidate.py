"""An event while it is being found: its sentence, trigger, dates, participants and summary; and the
Events it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..entities.slugs import unique_slug
from ..model import Event
from ..nlp import lemma
from .summaries import clause_summary

# Where untimed events sit in their day: after the clock times, estimates last.
DAY_LEVEL, ESTIMATE = 24 * 60 + 1, 24 * 60 + 2


@dataclass
class Candidate:
    start: int  # the sentence (after a dateline)
    end: int
    trigger: int  # token index of the trigger in the parse
    lemma: str
    earliest: str | None
    latest: str | None
    value: str | None
    mod: str | None
    approximate: bool
    full_clause: bool
    summary: str
    minutes: int = DAY_LEVEL
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    label: str | None = None
    keywords: set[str] = field(default_factory=set)  # lemmas of the trigger and its nouns
    tense: str = "other"


def event_candidate(
    trig, sent, start: int, ents: list[str], place_ids: set[str], text: str, clause=None
) -> Candidate:
    """``trig``'s event in ``sent`` (its words from ``start``, after any dateline), its summary also
    telling ``clause`` (the "when ..." clause that dates it) when given. ``sent`` and
    ``text`` are passed in: ``Token.sent`` and ``Doc.text`` rebuild from the whole Doc on every call,
    which made a long article quadratic."""
    keywords = {lemma(trig)} | {
        lemma(w) for w in trig.subtree if w.pos_ in ("NOUN", "VERB") and w.dep_ in ("dobj", "pobj", "nsubj")
    }
    return Candidate(
        start=start, end=sent.end_char, trigger=trig.i, lemma=lemma(trig), earliest=None, latest=None,
        value=None, mod=None, approximate=False,
        full_clause=any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children),
        summary=clause_summary(trig, start, sent, text, clause), entities=ents,
        places=[e for e in ents if e in place_ids],
        keywords=keywords,
    )


def to_events(cands: list[Candidate]) -> list[Event]:
    out: list[Event] = []
    taken: set[str] = set()
    for c in cands:
        out.append(
            Event(
                id=unique_slug(" ".join(c.summary.split()[:6]), taken),
                summary=c.summary,
                sentence=(c.start, c.end),
                value=c.value,
                earliest=c.earliest,
                latest=c.latest,
                approximate=c.approximate,
                entities=c.entities,
                places=c.places,
                label=c.label,
            )
        )
    return out
