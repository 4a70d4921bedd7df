"""The events stage: walks an article's sentences, finds the dated and the reported happenings,
anchors, merges and orders them."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Document, Entity, Event, Place, TimeExpression
from ..nlp import lemma, verb_lemma
from ..temporal.dateline import Dateline, find_dateline, head_starts
from ..temporal.lang.en import BOILERPLATE
from .candidate import Candidate, event_candidate, to_events
from .dating import (
    NEWS_DAYS,
    anchor_relative,
    anchor_to_article,
    counted_from_head,
    dated_candidate,
    headline_twin,
    is_comparison,
    lead_day,
    on_day,
    story_day,
    take_date,
)
from .lang_en import REPORTING_VERBS, STATE_VERBS
from .participants import (
    outside_clause,
    outside_report,
    own_participants,
    sentence_participants,
    with_referent,
)
from .positions import ByPosition
from .retellings import drop_echoes, merge_retellings
from .summaries import shorten
from .triggers import (
    complement_of_present_report,
    find_trigger,
    headline_verb,
    main_happening,
    reports_dated_clause,
    simple_present,
    tense_of,
    time_clause_head,
)

_MODIFIER_AFTER = re.compile(r"-[a-z]")  # "2009-born", not "May-June"
_BOILERPLATE = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in BOILERPLATE) + r")\b|©", re.I)


def extract_events(
    doc: Document, spacy_doc, entities: list[Entity], times: list[TimeExpression], places: list[Place]
) -> list[Event]:
    """Timeline events of one article, chronological, undated ones last."""
    place_ids = {p.entity for p in places}
    text = doc.text
    body_start = text.find("\n") + 1 if doc.title else 0
    datelines = _datelines(text, body_start)
    article_day = _parse_day(doc.date)
    by_position = ByPosition(entities, times)
    dated: list[Candidate] = []
    pending: list[Candidate] = []  # reported without a time expression
    bounded: list[Candidate] = []  # only bounded by one: "will close 12 plants by 2008"
    reported: list[tuple[Candidate, Candidate]] = []  # (a statement, what it reports of other names)
    lead_end = 0  # where the lead ends: the headline and the first sentence that tells something
    for sent in spacy_doc.sents:
        if sent.end_char <= body_start:
            continue  # the headline retells the story; it dates nothing
        s_start = _after_datelines(sent.start_char, sent.end_char, datelines)
        if s_start >= sent.end_char or _BOILERPLATE.search(text, s_start, sent.end_char):
            continue
        if not lead_end and s_start > 0 and sent.root.pos_ in ("VERB", "AUX"):
            lead_end = sent.end_char  # (not a caption: "General Motors logo.")
        ents = sentence_participants(by_position, spacy_doc, s_start, sent.end_char)
        by_trigger: dict[int, list[tuple[int, TimeExpression]]] = {}
        time_clauses: dict[int, tuple[object, bool]] = {}  # head -> the "when ..." clause dating it
        repeated: set[int] = set()  # verbs a set of times qualifies ("each week, X announces")
        now: set[int] = set()  # verbs "currently" or "now" qualifies ("it currently produces 15 brands")
        for t in by_position.times_in(s_start, sent.end_char):
            tokens = [tok for tok in sent if tok.idx < t.end and tok.idx + len(tok) > t.start]
            if t.type == "SET":
                if tokens and (every := find_trigger(tokens, sent)):
                    repeated.add(every[0].i)
                continue
            if t.value == "PRESENT_REF":
                if tokens and (at := find_trigger(tokens, sent)):
                    now.add(at[0].i)
                continue
            if t.timex.bounds(t.mod) is None or _MODIFIER_AFTER.match(text, t.end):
                continue  # (a date glued to a word qualifies a thing: "a 2009-born cow", "1990-era")
            found = find_trigger(tokens, sent) if tokens else None
            if found is None or is_comparison(text, s_start, t):
                continue
            trig = complement_of_present_report(found[0], t, article_day)
            if trig is None:
                continue
            depth, head = found[1], time_clause_head(trig)
            if head is not None:  # "cut jobs when sales collapsed in January": one happening, then
                time_clauses[head[0].i] = (trig, head[1])
                trig, depth = head[0], depth + 1
            by_trigger.setdefault(trig.i, []).append((depth, t))
        told_now: set[int] = set()  # clauses dated within the news days: the story being reported
        made: list[Candidate] = []
        for i, found in by_trigger.items():
            trig = spacy_doc[i]
            participants = with_referent(ents, trig, by_position)
            clause, after = time_clauses.get(i, (None, False))
            c = dated_candidate(trig, found, sent, s_start, participants, place_ids, text, clause)
            if told := outside_report(c, trig, by_position, spacy_doc, s_start, sent.end_char):
                reported.append((c, event_candidate(told[0], sent, s_start, told[1], place_ids, text)))
            if after and clause is not None and _inside(found[0][1], clause):
                c.approximate = True  # "resigned after the board voted on Monday": then or just after
            made.append(c)
            if c.earliest:
                dated.append(c)
                if article_day and c.latest and 0 <= (article_day - _parse_day(c.latest)).days <= NEWS_DAYS:
                    told_now.add(i)
            elif trig.i == sent.root.i and tense_of(trig) != "future":
                c.tense, c.label = tense_of(trig), None  # "predicted it would profit by 2011": dated as said
                pending.append(c)
            else:
                bounded.append(c)
        root = main_happening(sent.root)
        root_ents = with_referent(ents, root, by_position)
        opening = s_start == 0  # no title line: the text's first sentence is its headline
        verb = None  # a headline's verb the tagger read as a noun, when the root tells no news of its own
        if opening and (root.pos_ not in ("VERB", "AUX") or tense_of(root) == "other"):
            verb = headline_verb(sent)  # "GM posts loss", "Chrysler files for bankruptcy, Fiat to run it"
            if verb is not None and root.pos_ in ("VERB", "AUX") and verb.i > root.i:
                verb = None  # (not "China Eastern to purchase new Airbus A320 jets")
        if (not _told_by(root, by_trigger, spacy_doc) and sent.root.i not in by_trigger
                and (root.pos_ in ("VERB", "AUX") or verb is not None) and lemma(root) not in STATE_VERBS
                and root_ents and not reports_dated_clause(root, told_now)):
            c = event_candidate(root, sent, s_start, root_ents, place_ids, text)
            if told := outside_report(c, root, by_position, spacy_doc, s_start, sent.end_char):
                reported.append((c, event_candidate(told[0], sent, s_start, told[1], place_ids, text)))
            c.tense = tense_of(root)
            if verb is not None:  # "GM posts first annual loss": the news of the day
                c.lemma, c.tense = verb_lemma(verb.lower_) or c.lemma, "present"
            if opening:  # a headline tells its news whole, in its words
                c.summary = shorten(" ".join(text[s_start : sent.end_char].split()))
            if (c.tense == "present" and not opening and root.i not in now
                    and (simple_present(root) or root.i in repeated)):
                c.tense = "habitual"  # "Acme owns a stake in a bakery", "each week X announces": no day
                # (but "it currently produces 15 brands" holds on the article's day)
            if article_day and (day := counted_from_head(root, article_day)):
                if around := outside_clause(c, root, by_position, spacy_doc, s_start, sent.end_char):
                    news = event_candidate(root.head, sent, s_start, around, place_ids, text)
                    news.summary = shorten(" ".join(text[s_start : sent.end_char].split()))
                    on_day(news, article_day)  # "GM's move comes ...": the news of the day
                    dated.append(news)
                on_day(c, day)  # "... a day after Chrysler released its list": the day before
                dated.append(c)
            else:
                pending.append(c)
            made.append(c)
        if len(made) > 1:
            own_participants(made, by_position, spacy_doc, s_start, sent.end_char)
    events = merge_retellings(dated)
    anchor_relative(text, events, pending)
    story = None  # the story's day, when the lead happened on a day the text goes on to name
    for c in list(pending):
        if article_day and c.tense in ("present", "perfect", "past"):
            if twin := headline_twin(c, dated, article_day):
                take_date(c, twin)
            elif day := lead_day(c, dated, article_day, lead_end):
                anchor_to_article(c, article_day, day, lead=True)
                story = story or day
            else:  # the simple past: the day its teller last named, else the story's
                anchor_to_article(c, article_day, story_day(c, dated, article_day) or story)
            pending.remove(c)
            events.append(c)
    events = drop_echoes(merge_retellings(events))
    untold: list[Candidate] = []
    for statement, content in reported:  # "he said Ford is making progress": Ford's, on that day
        verb = spacy_doc[content.trigger]
        if tense_of(verb) == "present" and not simple_present(verb) and statement.earliest:
            take_date(content, statement)
            events.append(content)
        else:
            untold.append(content)  # "he said GM would offer a package", "GM remains open": no day
    told = {c.start for c in events + pending}
    bounded = [c for c in bounded if c.start not in told]  # "plans to fix it by 2027": the plan tells it
    events.sort(key=lambda c: (c.earliest or "", c.latest or "", c.minutes, c.start))
    return to_events(events + pending + bounded + untold)


def _told_by(root, by_trigger: dict, spacy_doc) -> bool:
    """Is the sentence's happening already dated: itself, or the verb it goes on in ("has been
    attempting to take over Aer Lingus since December": one attempt, since December; "recovered
    and re-entered the market in 2010": one entry, dated 2010)?"""
    return root.i in by_trigger or any(_goes_on(spacy_doc[i], root) for i in by_trigger)


def _goes_on(verb, root) -> bool:
    """``verb`` goes on the happening of ``root``: its xcomp, or a verb joined to it without a
    subject of its own ("recovered ... and re-entered the market in November 2010")."""
    if verb.head.i != root.i or verb.i == root.i:
        return False
    if verb.dep_ == "xcomp":
        return True
    # (not a statement's: "Ford says it made a profit, and expects one this year" says two things)
    return verb.dep_ == "conj" and lemma(root) not in REPORTING_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _inside(t: TimeExpression, clause) -> bool:
    """Does the time expression lie in the words of ``clause``?"""
    return clause.left_edge.idx <= t.start < clause.right_edge.idx + len(clause.right_edge)


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
