"""Events for the timeline: one per happening, dated the way a careful editor dates them.

How an event gets its date, and why:

1. A time expression dates the clause it modifies: from the expression the
   parse is climbed to the verb it hangs from (the trigger). A date that
   modifies a thing rather than a happening dates nothing: a year modifier
   ("the 1990 flood defences"), a house number ("1935 Orchard Street"), a
   comparison ("the worst flooding since 2015"). The dateline's date is the
   document's, not an event's; page boilerplate ("Copyright 2025 ...") gives
   no events at all.
2. A clause gets one date. When several expressions hang from one verb the
   nearest wins; coordinated ones ("Saturday and Sunday") give their span.
   A date in a clause the sentence only mentions (a relative clause, "three
   days after the worst flooding since 2015") dates that clause, never the
   clause that reports the event.
3. A reported happening without a time expression happened at or just
   before publication: it is anchored to the article's date, exactly for the
   present and the present perfect ("Airbus has confirmed"), approximately
   ("by 12 March 2025") for the simple past. The past perfect and the future
   say "some other time" and stay undated.
4. "days before the airstrikes" is anchored to the event it names, and marked
   approximate.
5. Retellings of one happening (same verb, shared participants, same days)
   collapse into one, keeping the fullest telling; statements ("said") never
   collapse: two statements are two events.

A summary is a verbatim span of the article (the clause from its subject to
its last word), shortened only at a word boundary, with an ellipsis.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .entities.slugs import unique_slug
from .model import Document, Entity, Event, Mention, Place, TimeExpression
from .nlp import lemma
from .temporal.dateline import Dateline, find_dateline, head_starts
from .temporal.lang.en import (
    BOILERPLATE,
    BOUND_PREPOSITIONS,
    COMPARISON_PREPOSITIONS,
    SUPERLATIVES,
    TIME_NOUNS,
)
from .temporal.timex import day_range_label
from .temporal.timex import of_date as _day_of

# Verbs that report states or opinions rather than happenings.
_STATE_VERBS = {
    "be", "have", "remain", "seem", "appear", "include", "comprise", "mean", "indicate", "underscore",
    "think", "believe", "know", "continue", "come", "follow",
}
_EVENT_NOUNS = {
    "strike", "airstrike", "attack", "raid", "operation", "election", "vote", "meeting", "summit",
    "announcement", "protest", "explosion", "bombing", "earthquake", "storm", "visit", "talks", "deal",
    "agreement", "launch", "crash", "fire", "shooting", "war", "offensive", "ceasefire", "trial", "hearing",
    "release", "killing", "arrest", "flood", "flooding", "sale", "sales", "loss", "losses", "profit",
    "profits", "order", "orders", "purchase", "offer", "plan", "cut", "cuts", "merger", "takeover", "bid",
    "flight", "delivery", "recall", "layoff", "layoffs", "bailout", "loan", "loans",
}
# Speech about a happening is not the happening: never an anchor for "days before the strikes", and
# two statements are never one event.
_REPORTING = {"announce", "say", "report", "state", "tell", "confirm", "claim", "declare", "add", "note",
              "comment", "reply", "warn"}
_RELATIVE = re.compile(
    r"\b(?P<q>just |only |a few |several |some |a couple of |two |three |)"
    r"(?P<unit>days|weeks|months|hours) (?P<dir>before|after|ahead of|prior to) (?:the )?(?P<what>\w+)",
    re.I,
)
# After these a date belongs to the thing it follows ("the budget for 2026"), not to the clause.
_THING_PREPOSITIONS = {"for", "of", "from", "to", "until", "between", "since"}
_UNIT_DAYS = {"hours": 1, "days": 14, "weeks": 60, "months": 365}
_BOILERPLATE = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in BOILERPLATE) + r")\b|©", re.I)
_SUMMARY_WORDS = 20
# Where untimed events sit in their day: after the clock times, estimates last.
_DAY_LEVEL, _ESTIMATE = 24 * 60 + 1, 24 * 60 + 2


@dataclass
class _Candidate:
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
    minutes: int = _DAY_LEVEL
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    label: str | None = None
    keywords: set[str] = field(default_factory=set)  # lemmas of the trigger and its nouns
    tense: str = "other"


class _ByPosition:
    """Mentions and times sorted by start, so that a sentence finds its own by bisection:
    sentences x entities (or x times) would be quadratic in a long article."""

    def __init__(self, entities: list[Entity], times: list[TimeExpression]) -> None:
        self.entities = entities
        self.mentions = sorted((m.start, m.end, i, m) for i, e in enumerate(entities) for m in e.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.times = sorted(range(len(times)), key=lambda i: times[i].start)
        self.time_starts = [times[i].start for i in self.times]
        self.all_times = times

    def spans_in(self, start: int, end: int) -> list[tuple[int, Mention]]:
        """(entity index, mention) of the mentions inside [start, end), by position."""
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return [(i, m) for _, m_end, i, m in self.mentions[lo:hi] if m_end <= end]

    def mentions_in(self, start: int, end: int) -> list[str]:
        """Ids of the entities with a mention inside [start, end), in entity order."""
        return [self.entities[i].id for i in sorted({i for i, _ in self.spans_in(start, end)})]

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        """Times starting inside [start, end), in their original order."""
        lo, hi = bisect_left(self.time_starts, start), bisect_left(self.time_starts, end)
        return [self.all_times[i] for i in sorted(self.times[lo:hi])]


# Nouns a name qualifies without taking part: "Ryanair CEO", "GM shares", "a Boeing spokesman".
_ROLE_NOUNS = {
    "ceo", "chief", "executive", "president", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "director", "manager", "official", "officials", "analyst", "analysts", "head", "founder",
    "owner", "secretary", "minister", "share", "shares", "stock", "stocks", "parent", "subsidiary", "unit",
    "division", "website", "site", "board", "employee", "employees", "worker", "workers", "staff",
}


_ACTOR_TYPES = {"ORG", "PERSON", "PRODUCT", "OTHER"}  # places and peoples stay with every event they qualify


def _participants(by_position: _ByPosition, spacy_doc, start: int, end: int) -> list[str]:
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
    if tok.dep_ not in ("compound", "poss", "nmod") or tok.head is tok:
        return True
    noun = _np_head(tok.head)
    if noun.ent_type_ == "PERSON" or noun.lower_ in _ROLE_NOUNS:
        return False  # "Ryanair CEO Michael O'Leary", "a Boeing spokesman"
    return True  # "Boeing's protest", "ISIS operatives", "US Central Command forces"


# A subject that names no one but points back to someone: the nearest earlier name of that kind
# ("he" -> a person; "the company", "it" -> an organisation; "the plane" -> a product).
_PERSON_PRONOUNS = {"he", "she"}
_ORG_NOUNS = {
    "company", "firm", "automaker", "carmaker", "airframer", "manufacturer", "maker", "airline", "carrier",
    "corporation", "group", "giant", "business", "conglomerate", "consortium", "agency", "government",
    "administration", "organisation", "organization", "union", "bank", "council", "party",
}
_PRODUCT_NOUNS = {"plane", "aircraft", "jet", "airliner", "superjumbo", "car", "vehicle", "model", "ship"}
_COREF_REACH = 2000  # characters back to look for the name


def _subject(trig):
    subj = next((c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and trig.dep_ in ("conj", "xcomp", "advcl") and trig.head is not trig:
        return _subject(trig.head)  # "X arrived and signed", "X plans to build"
    return subj


def _referent(trig, by_position: _ByPosition) -> str | None:
    """Who a pronoun or a description subject ("he", "the company") of ``trig`` stands for."""
    subj = _subject(trig)
    if subj is None:
        return None
    word = subj.lower_
    definite = any(c.lower_ in ("the", "this") for c in subj.children)
    if word in _PERSON_PRONOUNS:
        kinds: tuple[str, ...] = ("PERSON",)
    elif word == "it":
        kinds = ("ORG", "PRODUCT")
    elif definite and word in _ORG_NOUNS:
        kinds = ("ORG",)
    elif definite and word in _PRODUCT_NOUNS:
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


def _shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


# ----------------------------------------------------------------------------- which clause a date dates

def _np_head(tok):
    """The head noun of the noun phrase ``tok`` modifies ("1990" -> "defences" in "the 1990 flood
    defences")."""
    while tok.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and tok.head is not tok:
        tok = tok.head
    return tok


def _trigger(tokens, sent) -> tuple[object, int] | None:
    """The verb (or event noun) a time expression dates, and how far up the parse it is; None when
    the expression modifies a thing rather than a happening."""
    first, last = tokens[0].i, tokens[-1].i
    head = next((t for t in tokens if t.head.i < first or t.head.i > last or t.head is t), tokens[0])
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "on Saturday and Sunday": Sunday hangs where Saturday does
    if head.head is head:  # the expression is the sentence's root ("Monday, 12 March")
        return None
    node, dep, prep, depth = head.head, head.dep_, None, 1
    if dep in ("compound", "amod", "nummod", "nmod", "poss", "quantmod") and node.pos_ == "PROPN":
        node, depth = _np_head(node).head, 2  # a date does not qualify a name: "Since December GM ..."
    elif dep in ("compound", "amod", "nummod", "nmod", "poss", "quantmod") and node.pos_ == "NOUN":
        noun = _np_head(node)
        if lemma(noun) not in _EVENT_NOUNS or noun.lower_ in TIME_NOUNS:
            return None  # "the 1990 squad", "1935 Orchard Street", "2015's record"
        node = noun
    for _ in range(8):
        if node.pos_ == "ADP":
            prep = node.lower_
        elif node.pos_ in ("VERB", "AUX"):
            if prep == "for" and depth == 2:
                return None  # "issued warnings for Saturday": the date of what is meant, not of the issuing
            if lemma(node) not in _STATE_VERBS:
                return node, depth
            # a state verb ("is due in May"): the date goes with the verb that governs it
        elif node.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if node.lower_ in TIME_NOUNS:
                pass  # "the evening of Oct. 28": a stretch of time, keep climbing
            elif prep in COMPARISON_PREPOSITIONS:
                return None  # "the worst flooding since 2015"
            elif lemma(node) in _EVENT_NOUNS:
                prep = None  # "the strike on Monday killed five": the clause that tells it
            elif prep is None or prep in _THING_PREPOSITIONS:
                return None  # a date of a thing: "the budget for 2026", "the class of 1990"
            # "expect more rain over the weekend": a time phrase the parser hung on the object

        elif node.pos_ == "ADJ":
            if prep in COMPARISON_PREPOSITIONS:
                return None  # "the busiest since May"
        if node.head is node:
            break
        node, depth = node.head, depth + 1
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and lemma(root) not in _STATE_VERBS:
        return root, depth  # a sentence-level date ("In August, forces killed ...") dates the root
    return None


# ----------------------------------------------------------------------------- tense

_LONG_AGO = {"once", "previously", "formerly", "originally", "initially"}  # "was once named": history


def _tense(trig) -> str:
    """present | perfect | past | pluperfect | future | other, from the trigger and its auxiliaries
    (a past told as history, "was once named", is "pluperfect": some earlier time)."""
    if trig.tag_ == "VBD" or any(c.tag_ == "VBD" for c in trig.children if c.dep_ in ("aux", "auxpass")):
        if any(c.lower_ in _LONG_AGO for c in trig.children if c.dep_ == "advmod"):
            return "pluperfect"
    auxes = [c for c in trig.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < trig.i]
    if trig.tag_ == "VB" and trig.dep_ in ("xcomp", "ccomp", "conj", "advcl") and trig.head is not trig:
        if any(a.lower_ == "to" for a in auxes):
            return "other"  # "plans to build": the plan is the event, not the building
    if any(a.tag_ == "MD" or a.lower_ in ("will", "'ll", "shall") for a in auxes):
        return "future"
    if trig.dep_ == "conj" and not auxes and trig.tag_ in ("VBN", "VB"):
        return _tense(trig.head) if trig.head.pos_ in ("VERB", "AUX") else "other"
    lowers = {a.lower_ for a in auxes}
    if lowers & {"had", "'d"}:
        return "pluperfect"
    if lowers & {"has", "have", "'s", "'ve"} and trig.tag_ in ("VBN",) or (
            lowers & {"has", "have"} and any(a.lower_ == "been" for a in auxes)):
        return "perfect"
    tags = [trig.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if any(t in ("VBZ", "VBP") for t in tags):
        return "present"
    if trig.tag_ == "VBG" and not auxes and trig.head is trig:
        return "present"  # a headline: "Boeing pushing back 737 replacement"
    return "other"


# ----------------------------------------------------------------------------- summaries

_SUMMARY_DEPS = ("nsubj", "nsubjpass", "csubj", "agent", "dobj", "attr", "prt", "auxpass", "aux", "neg",
                 "ccomp", "xcomp", "prep", "acomp", "oprd", "dative", "advmod", "npadvmod")


def _summary(trig, floor: int, sent, text: str) -> str:
    """The clause of ``trig`` as the article words it: from its subject to its last word, verbatim,
    cut at a word boundary with an ellipsis."""
    keep = {trig.i}
    for child in trig.children:
        if child.dep_ in ("prep", "advmod", "npadvmod", "advcl") and child.i < trig.i:
            continue  # "According to the statement, ...", "In early October, ...": the setting, not the news
        if child.dep_ in _SUMMARY_DEPS:
            keep.update(t.i for t in child.subtree)
    if trig.dep_ in ("acl", "relcl") and trig.head.i not in keep:
        keep.update(t.i for t in trig.head.subtree if t.i < trig.i)  # "... which was founded"
    if trig.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in trig.children):
        subj = next((c for c in trig.head.children if c.dep_.startswith("nsubj")), None)
        if subj is not None:  # "X arrived and signed": the shared subject tells who
            keep.update(t.i for t in subj.subtree)
    doc = trig.doc
    tokens = [doc[i] for i in sorted(keep) if sent.start <= i < sent.end and doc[i].idx >= floor]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in ")%":
        tokens = tokens[:-1]
    if not tokens:
        return text[max(floor, sent.start_char) : sent.end_char].strip()
    clause = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if clause.endswith(".") and not clause.endswith("..") and tokens[-1].i + 1 >= sent.end - 1:
        clause = clause[:-1]  # the sentence's full stop, stuck to its last word ("£40m.")
    return shorten(" ".join(clause.split()) if "\n" in clause else clause)


def shorten(text: str, words: int = _SUMMARY_WORDS) -> str:
    """``text`` cut after ``words`` words, at a word boundary, with an ellipsis; else unchanged."""
    spans = list(re.finditer(r"\S+", text))
    if len(spans) <= words:
        return text
    return text[: spans[words - 1].end()].rstrip(",;:—–-") + "…"


# ----------------------------------------------------------------------------- the stage

def extract_events(
    doc: Document, spacy_doc, entities: list[Entity], times: list[TimeExpression], places: list[Place]
) -> list[Event]:
    """Timeline events of one article, chronological, undated ones last."""
    place_ids = {p.entity for p in places}
    text = doc.text
    body_start = text.find("\n") + 1 if doc.title else 0
    datelines = _datelines(text, body_start)
    article_day = _parse_day(doc.date)
    by_position = _ByPosition(entities, times)
    dated: list[_Candidate] = []
    pending: list[_Candidate] = []  # reported without a time expression
    bounded: list[_Candidate] = []  # only bounded by one: "will close 12 plants by 2008"
    for sent in spacy_doc.sents:
        if sent.end_char <= body_start:
            continue  # the headline retells the story; it dates nothing
        s_start = _after_datelines(sent.start_char, sent.end_char, datelines)
        if s_start >= sent.end_char or _BOILERPLATE.search(text, s_start, sent.end_char):
            continue
        ents = _participants(by_position, spacy_doc, s_start, sent.end_char)
        by_trigger: dict[int, list[tuple[int, TimeExpression]]] = {}
        for t in by_position.times_in(s_start, sent.end_char):
            if t.timex.bounds(t.mod) is None:
                continue
            tokens = [tok for tok in sent if tok.idx < t.end and tok.idx + len(tok) > t.start]
            found = _trigger(tokens, sent) if tokens else None
            if found is None or _compared(text, s_start, t):
                continue
            trig = _complement_of_present_report(found[0], t, article_day)
            if trig is not None:
                by_trigger.setdefault(trig.i, []).append((found[1], t))
        for i, found in by_trigger.items():
            trig = spacy_doc[i]
            participants = _with_referent(ents, trig, by_position)
            c = _dated(trig, found, sent, s_start, participants, place_ids, text)
            if c.earliest:
                dated.append(c)
            elif trig.i == sent.root.i and _tense(trig) != "future":
                c.tense, c.label = _tense(trig), None  # "predicted it would profit by 2011": dated as said
                pending.append(c)
            else:
                bounded.append(c)
        root = _main_happening(sent.root)
        root_ents = _with_referent(ents, root, by_position)
        if (root.i not in by_trigger and sent.root.i not in by_trigger and root.pos_ in ("VERB", "AUX")
                and lemma(root) not in _STATE_VERBS and root_ents):
            c = _candidate(root, sent, s_start, root_ents, place_ids, text)
            c.tense = _tense(root)
            pending.append(c)
    events = _merge(dated)
    _anchor_relative(text, events, pending)
    for c in list(pending):
        if article_day and c.tense in ("present", "perfect", "past"):
            _anchor_to_article(c, article_day, _news_day(c, dated, article_day))
            pending.remove(c)
            events.append(c)
    events = _merge(events)
    told = {c.start for c in events + pending}
    bounded = [c for c in bounded if c.start not in told]  # "plans to fix it by 2027": the plan tells it
    events.sort(key=lambda c: (c.earliest or "", c.latest or "", c.minutes, c.start))
    return _to_events(events + pending + bounded)


def _main_happening(root):
    """The sentence's happening: its root, or under a state verb the first clause that tells one
    ("The company is seeking to sell ...", "It remains the largest maker, posting sales of ...")."""
    if root.pos_ in ("VERB", "AUX") and lemma(root) not in _STATE_VERBS:
        return root
    for child in root.children:
        if (child.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl") and child.pos_ == "VERB"
                and lemma(child) not in _STATE_VERBS):
            return child
    return root


def _with_referent(ents: list[str], trig, by_position: _ByPosition) -> list[str]:
    ref = _referent(trig, by_position)
    return ents + [ref] if ref and ref not in ents else ents


def _datelines(text: str, body_start: int) -> list[Dateline]:
    starts = [body_start] if body_start else head_starts(text)
    return [d for s in starts if (d := find_dateline(text, s)) is not None]


def _after_datelines(start: int, end: int, datelines: list[Dateline]) -> int:
    """A sentence that opens with a dateline starts where the article's words do."""
    for d in datelines:
        if start <= d.start < end:
            return max(start, d.body)
    return start


def _parse_day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _candidate(trig, sent, start: int, ents: list[str], place_ids: set[str], text: str) -> _Candidate:
    """``trig``'s event in ``sent`` (its words from ``start``, after any dateline). ``sent`` and
    ``text`` are passed in: ``Token.sent`` and ``Doc.text`` rebuild from the whole Doc on every call,
    which made a long article quadratic."""
    keywords = {lemma(trig)} | {
        lemma(w) for w in trig.subtree if w.pos_ in ("NOUN", "VERB") and w.dep_ in ("dobj", "pobj", "nsubj")
    }
    return _Candidate(
        start=start, end=sent.end_char, trigger=trig.i, lemma=lemma(trig), earliest=None, latest=None,
        value=None, mod=None, approximate=False,
        full_clause=any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children),
        summary=_summary(trig, start, sent, text), entities=ents, places=[e for e in ents if e in place_ids],
        keywords=keywords,
    )


def _dated(
    trig, found: list[tuple[int, TimeExpression]], sent, start: int, ents: list[str], place_ids: set[str],
    text: str,
) -> _Candidate:
    """The event of ``trig``, dated by the expression nearest to it (coordinated ones: their span)."""
    found.sort(key=lambda x: (x[0], x[1].end - x[1].start))
    depth, t = found[0]
    c = _candidate(trig, sent, start, ents, place_ids, text)
    tx = t.timex
    first, last = tx.bounds(t.mod)  # type: ignore[misc]
    label = tx.label(t.mod)
    for _, t2 in found[1:]:
        span2 = t2.timex.bounds(t2.mod)
        if span2 and _coordinated(t, t2, text):  # "on Saturday and Sunday": their span
            a, b = min(first, span2[0]), max(last, span2[1])
            label = day_range_label(a, b) if (first, last) != (a, b) else label
            first, last = a, b
    c.earliest, c.latest = first.isoformat(), last.isoformat()
    c.value, c.mod, c.label = t.value, t.mod, label
    c.approximate = t.mod == "APPROX"
    c.minutes = tx.minutes if tx.minutes is not None else _DAY_LEVEL
    prep = _introduced_by(t, text)
    if prep == "since":
        c.label = f"since {label}"
    elif prep in BOUND_PREPOSITIONS:
        c.label = tx.label_with(prep, t.mod)
        if first != last or _tense(trig) in ("future", "other"):
            c.earliest = c.latest = None  # a deadline is not when it happens: "will close plants by 2008"
        else:
            c.approximate = True  # "by 3am the river had burst its banks": that day, at the latest then
    return c


def _coordinated(a: TimeExpression, b: TimeExpression, text: str) -> bool:
    between = text[min(a.end, b.end) : max(a.start, b.start)]
    return bool(re.fullmatch(r"\s*(?:,\s*)?(?:and|or|to|through|until|-|–)\s*", between))


def _compared(text: str, s_start: int, t: TimeExpression) -> bool:
    """A date a comparison is made with: "compared with 2008", "its first loss since 1992"."""
    if _COMPARED.search(text, max(s_start, t.start - 24), t.start):
        return True
    if re.search(r"\bsince\s*$", text[max(s_start, t.start - 8) : t.start], re.I):
        return bool(_SUPERLATIVE.search(text, s_start, t.start))
    return False


def _complement_of_present_report(trig, t: TimeExpression, article_day: dt.date | None):
    """ "For the final quarter of 2009, Ford says it made profits": a statement made now does not
    happen in a past period; the period dates what it reports (or nothing)."""
    span = t.timex.bounds(t.mod)
    present_report = lemma(trig) in _REPORTING and trig.tag_ in ("VBZ", "VBP")
    if article_day is None or span is None or not present_report or span[1] >= article_day:
        return trig
    clauses = (c for c in trig.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))
    return next(clauses, None)


_SUPERLATIVE = re.compile(r"\b(?:" + "|".join(SUPERLATIVES) + r")\b", re.I)
# "compared with 2008", "up from 14% a year ago", "more than in 2005": the date of the comparison.
_COMPARED = re.compile(r"\b(?:compared\s+(?:to|with)|(?:up|down)\s+from|than(?:\s+in)?|versus|vs\.?)"
                       r"(?:\s+the\s+same\s+\w+\s+(?:in|of))?\s*$", re.I)


def _introduced_by(t: TimeExpression, text: str) -> str | None:
    m = re.search(r"(\w+)\s*$", text[max(0, t.start - 12) : t.start])
    return m[1].lower() if m else None


NEWS_DAYS = 3  # how far before the article's date the day of its story may lie


def _news_day(c: _Candidate, dated: list[_Candidate], article_day: dt.date) -> dt.date | None:
    """The day the story happened, as the text last named it before ``c`` ("said on Tuesday" ...
    "Ford said"): a single day, at most ``NEWS_DAYS`` before the article's date."""
    best = None
    for d in dated:
        if d.start >= c.start or d.earliest != d.latest or not d.earliest:
            continue
        if d.lemma not in _REPORTING or not set(d.entities) & set(c.entities):
            continue  # only the day a story was told carries over, and only for the same teller
        day = dt.date.fromisoformat(d.earliest)
        if 0 <= (article_day - day).days <= NEWS_DAYS and (best is None or d.start > best[0]):
            best = (d.start, day)
    return best[1] if best else None


def _anchor_to_article(c: _Candidate, day: dt.date, news_day: dt.date | None = None) -> None:
    """A happening reported without a date: the article's day; for the simple past, approximately,
    the day of the story the text last named (else "by" the article's day)."""
    c.approximate = c.tense == "past"
    when = news_day if c.approximate and news_day else day
    c.earliest = c.latest = when.isoformat()
    c.minutes = _ESTIMATE if c.approximate else _DAY_LEVEL
    c.label = ("by " if c.approximate and when == day else "") + _day_of(when).label()


def _same_happening(a: _Candidate, b: _Candidate) -> bool:
    if (a.earliest, a.latest) != (b.earliest, b.latest) or a.lemma != b.lemma or a.lemma in _REPORTING:
        return False
    if 0 in (a.start, b.start):
        return False  # a plain text's first line may be its headline: kept apart, it is not the body
    if a.start == b.start:
        return a.trigger == b.trigger
    return bool(set(a.entities) & set(b.entities))


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


def _anchor_relative(text: str, events: list[_Candidate], pending: list[_Candidate]) -> None:
    """ "days before the airstrikes": date a sentence from the event it names."""
    for c in list(pending):
        m = _RELATIVE.search(text, c.start, c.end)
        if not m:
            continue
        word = m["what"].lower().rstrip("s")
        anchor = next((e for e in events if e.lemma not in _REPORTING and _names(e, word)), None)
        if anchor is None or not anchor.earliest or not anchor.latest:
            continue
        span = _UNIT_DAYS[m["unit"].lower()]
        before = m["dir"].lower() != "after"
        if before:
            c.earliest, c.latest = _shift(anchor.earliest, -span), _shift(anchor.earliest, -1)
        else:
            c.earliest, c.latest = _shift(anchor.latest, 1), _shift(anchor.latest, span)
        c.approximate = True
        c.minutes = _ESTIMATE
        c.label = (
            f"{'a few ' if m['unit'].lower() == 'days' else ''}{m['unit'].lower()} "
            f"{'before' if before else 'after'} {anchor.label or anchor.earliest}"
        )
        pending.remove(c)
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


__all__ = ["extract_events", "shorten"]
