"""Events for the timeline: one per happening, dated at the right precision.

A time expression dates the clause it modifies: its syntactic head verb (or
event noun) is the event trigger. Clauses that report the same happening on
the same dates with shared participants collapse into one event, keeping
the fullest telling. "days before the airstrikes" is anchored to the event
it names, and marked approximate. Event-like sentences without any date are
kept apart as undated events.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .entities.slugs import unique_slug
from .model import Document, Entity, Event, Place, TimeExpression
from .nlp import lemma

# Verbs that report happenings rather than states or speech about opinions.
_STATE_VERBS = {
    "be",
    "have",
    "remain",
    "seem",
    "appear",
    "include",
    "comprise",
    "mean",
    "indicate",
    "underscore",
    "say",
    "think",
    "believe",
    "know",
    "continue",
    "come",
    "follow",
}
_EVENT_NOUNS = {
    "strike",
    "airstrike",
    "attack",
    "raid",
    "operation",
    "election",
    "vote",
    "meeting",
    "summit",
    "announcement",
    "protest",
    "explosion",
    "bombing",
    "earthquake",
    "storm",
    "visit",
    "talks",
    "deal",
    "agreement",
    "launch",
    "crash",
    "fire",
    "shooting",
    "war",
    "offensive",
    "ceasefire",
    "trial",
    "hearing",
    "release",
    "killing",
    "arrest",
}
# Speech about a happening is not the happening: never an anchor for "days before the strikes".
_REPORTING = {"announce", "say", "report", "state", "tell", "confirm", "claim", "declare", "add", "note"}
_RELATIVE = re.compile(
    r"\b(?P<q>just |only |a few |several |some |a couple of |two |three |)"
    r"(?P<unit>days|weeks|months|hours) (?P<dir>before|after|ahead of|prior to) (?:the )?(?P<what>\w+)",
    re.I,
)
_UNIT_DAYS = {"hours": 1, "days": 14, "weeks": 60, "months": 365}


@dataclass
class _Candidate:
    start: int  # sentence span
    end: int
    trigger: str
    lemma: str
    earliest: str | None
    latest: str | None
    value: str | None
    mod: str | None
    approximate: bool
    full_clause: bool
    summary: str
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    label: str | None = None
    keywords: set[str] = field(default_factory=set)  # lemmas of the trigger and its nouns


def _bounds(t: TimeExpression) -> tuple[str, str] | None:
    from .temporal import value_bounds

    if t.type not in ("DATE", "TIME"):
        return None
    return value_bounds(t.value, t.mod)


def _trigger(span, tokens) -> object | None:
    """The verb (or event noun) a time expression's tokens hang from."""
    head = tokens[0]
    for tok in tokens:
        if tok.head.i < tokens[0].i or tok.head.i > tokens[-1].i:
            head = tok
            break
    node = head.head
    event_noun = None
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and lemma(node) not in _STATE_VERBS:
            return node  # "the strike on Monday killed five": the clause, not the noun
        if node.pos_ == "NOUN" and lemma(node) in _EVENT_NOUNS and event_noun is None:
            event_noun = node
        if node.head is node:
            break
        node = node.head
    if event_noun is not None:
        return event_noun
    # A sentence-level time ("In August, forces killed ...") dates the root.
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    return None


def _clause_summary(trigger, max_words: int = 16) -> str:
    """Subject + trigger + object, trimmed: a readable one-line summary."""
    keep: set[int] = {trigger.i}
    for child in trigger.children:
        if child.dep_ in (
            "nsubj",
            "nsubjpass",
            "agent",
            "dobj",
            "attr",
            "prt",
            "auxpass",
            "aux",
            "neg",
            "ccomp",
            "xcomp",
            "prep",
            "acomp",
            "oprd",
        ) and child.ent_type_ not in ("DATE", "TIME"):
            if child.dep_ == "prep" and (
                child.i < trigger.i or any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
            ):
                continue  # "According to ...", "on Monday": context, not the happening
            keep.update(t.i for t in child.subtree)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.i not in keep:
        keep.update(t.i for t in trigger.head.subtree if t.i < trigger.i)
    doc = trigger.doc
    words = [doc[i] for i in sorted(keep) if not doc[i].is_punct or doc[i].text in ",%"]
    words = [w for w in words if w.text not in ("“", "”", '"')]
    if words and words[0].dep_ == "cc":
        words = words[1:]
    text = " ".join(w.text for w in words[:max_words])
    text = re.sub(r" ([,.%'’])", r"\1", text).replace(" 's", "'s").strip(" ,")
    if len(words) > max_words:
        text += "…"
    return text[:1].upper() + text[1:]


def _candidate(
    sent,
    trig,
    ents: list[str],
    place_ids: set[str],
    bounds: tuple[str, str] | None = None,
    t: TimeExpression | None = None,
    label: str | None = None,
) -> _Candidate:
    """An event told by ``trig``'s clause, dated by ``t`` when there is one."""
    keywords = {lemma(trig)} | {
        lemma(w)
        for w in trig.subtree
        if w.pos_ in ("NOUN", "VERB") and w.dep_ in ("dobj", "pobj", "nsubj")
    }
    return _Candidate(
        start=sent.start_char,
        end=sent.end_char,
        trigger=trig.text,
        lemma=lemma(trig),
        earliest=bounds[0] if bounds else None,
        latest=bounds[1] if bounds else None,
        value=t.value if t else None,
        mod=t.mod if t else None,
        approximate=bool(t and t.mod == "APPROX"),
        full_clause=any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children) or t is None,
        summary=_clause_summary(trig),
        entities=ents,
        places=[e for e in ents if e in place_ids],
        label=label,
        keywords=keywords,
    )


class _ByPosition:
    """Mentions and times sorted by start, so that a sentence finds its own by bisection:
    sentences x entities (or x times) would be quadratic in a long article."""

    def __init__(self, entities: list[Entity], times: list[TimeExpression]) -> None:
        self.entities = entities
        self.mentions = sorted((m.start, m.end, i) for i, e in enumerate(entities) for m in e.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.times = sorted(range(len(times)), key=lambda i: times[i].start)
        self.time_starts = [times[i].start for i in self.times]
        self.all_times = times

    def mentions_in(self, start: int, end: int) -> list[str]:
        """Ids of the entities with a mention inside [start, end), in entity order."""
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        found = sorted({i for _, m_end, i in self.mentions[lo:hi] if m_end <= end})
        return [self.entities[i].id for i in found]

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        """Times starting inside [start, end), in their original order."""
        lo, hi = bisect_left(self.time_starts, start), bisect_left(self.time_starts, end)
        return [self.all_times[i] for i in sorted(self.times[lo:hi])]


def _shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def extract_events(
    doc: Document, spacy_doc, entities: list[Entity], times: list[TimeExpression], places: list[Place]
) -> list[Event]:
    """Timeline events of one article, chronological, undated ones last."""
    from .temporal import describe_value

    place_ids = {p.entity for p in places}
    candidates: list[_Candidate] = []
    undated: list[_Candidate] = []
    body_start = doc.text.find("\n") + 1 if doc.title else 0
    by_position = _ByPosition(entities, times)
    for sent in spacy_doc.sents:
        if sent.start_char < body_start:
            continue  # the headline retells the story; it dates nothing
        s_start, s_end = sent.start_char, sent.end_char
        in_sent = by_position.times_in(s_start, s_end)
        ents = by_position.mentions_in(s_start, s_end)
        dated_here = False
        for t in in_sent:
            bounds = _bounds(t)
            if not bounds:
                continue
            tokens = [tok for tok in sent if tok.idx < t.end and tok.idx + len(tok) > t.start]
            if not tokens:
                continue
            trig = _trigger(sent, tokens)
            if trig is None:
                continue
            dated_here = True
            candidates.append(
                _candidate(sent, trig, ents, place_ids, bounds, t, describe_value(t.value, t.mod))
            )
        root = sent.root
        if (
            not dated_here
            and root.pos_ in ("VERB", "AUX")
            and lemma(root) not in _STATE_VERBS
            and ents
        ):
            undated.append(_candidate(sent, root, ents, place_ids))
    events = _merge(candidates)
    _anchor_relative(doc.text, events, undated, describe_value)
    events = _merge(events)
    events.sort(key=lambda c: (c.earliest or "", c.latest or "", c.start))
    used = {(c.start, c.end) for c in events}
    undated = [c for c in undated if (c.start, c.end) not in used]
    return _to_events(events + undated)


def _same_happening(a: _Candidate, b: _Candidate) -> bool:
    if (a.earliest, a.latest) != (b.earliest, b.latest):
        return False
    if a.start == b.start and a.lemma != b.lemma:
        return False  # two clauses of one sentence on one date: keep both (rare)
    shared = set(a.entities) & set(b.entities)
    return bool(shared) and (a.lemma == b.lemma or len(shared) >= 2)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Collapse retellings; the fullest clause (with a subject, absolute date) wins."""
    out: list[_Candidate] = []
    by_bounds: dict[tuple[str | None, str | None], list[int]] = {}  # twins share their dates
    for c in cands:
        slots = by_bounds.setdefault((c.earliest, c.latest), [])
        at = next((i for i in slots if _same_happening(out[i], c)), None)
        if at is None:
            slots.append(len(out))
            out.append(c)
            continue
        twin = out[at]
        better = c if (c.full_clause, len(c.entities)) > (twin.full_clause, len(twin.entities)) else twin
        merged = _Candidate(**{**better.__dict__})
        merged.entities = sorted(set(twin.entities) | set(c.entities), key=(twin.entities + c.entities).index)
        merged.places = [e for e in merged.entities if e in set(twin.places) | set(c.places)]
        out[at] = merged
    return out


def _names(c: _Candidate, word: str) -> bool:
    """Does the event's own wording name ``word`` ("airstrike" ~ "strikes")?"""
    return any(word == k or word.endswith(k) or k.endswith(word) for k in c.keywords if len(k) > 3)


def _anchor_relative(text: str, events: list[_Candidate], undated: list[_Candidate], describe) -> None:
    """ "days before the airstrikes": date an undated sentence from the event it names."""
    for c in list(undated):
        m = _RELATIVE.search(text, c.start, c.end)
        if not m:
            continue
        word = m["what"].lower().rstrip("s")
        anchor = next((e for e in events if e.lemma not in _REPORTING and _names(e, word)), None)
        if anchor is None or not anchor.earliest:
            continue
        span = _UNIT_DAYS[m["unit"].lower()]
        before = m["dir"].lower() != "after"
        if before:
            c.earliest, c.latest = _shift(anchor.earliest, -span), _shift(anchor.earliest, -1)
        else:
            c.earliest, c.latest = _shift(anchor.latest, 1), _shift(anchor.latest, span)
        c.approximate = True
        c.label = (
            f"{'a few ' if m['unit'].lower() == 'days' else ''}{m['unit'].lower()} "
            f"{'before' if before else 'after'} {anchor.label or anchor.earliest}"
        )
        undated.remove(c)
        events.append(c)


def _to_events(cands: list[_Candidate]) -> list[Event]:
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
