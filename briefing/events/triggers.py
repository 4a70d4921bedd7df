"""Which clause a date dates (its trigger: the verb or event noun it hangs from), the sentence's
main happening, and the tense that decides how an undated happening is anchored."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..nlp import lemma, verb_lemma
from ..temporal.lang.en import COMPARISON_PREPOSITIONS, TIME_NOUNS
from .lang_en import (
    EVENT_NOUNS,
    FUTURE_AUXILIARIES,
    LONG_AGO,
    PERFECT_AUXILIARIES,
    PLUPERFECT_AUXILIARIES,
    REPORTING_VERBS,
    STATE_VERBS,
    STRETCH_VERBS,
    THING_PREPOSITIONS,
    TIME_CLAUSE_MARKS,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import TimeExpression


def np_head(tok):
    """The head noun of the noun phrase ``tok`` modifies ("1990" -> "defences" in "the 1990 flood
    defences")."""
    while tok.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and tok.head != tok:
        tok = tok.head
    return tok


def find_trigger(tokens, sent) -> tuple[object, int] | None:
    """The verb (or event noun) a time expression dates, and how far up the parse it is; None when
    the expression modifies a thing rather than a happening."""
    first, last = tokens[0].i, tokens[-1].i
    for tok in tokens:  # "an improvement from 2008, when the company posted a loss": the clause of then
        told = next((c for c in tok.children if c.dep_ == "relcl" and _when_clause(c)), None)
        if told is not None:
            return told, 1
    head = next((t for t in tokens if t.head.i < first or t.head.i > last or t.head == t), tokens[0])
    while head.dep_ == "conj" and head.head != head:
        head = head.head  # "on Saturday and Sunday": Sunday hangs where Saturday does
    if head.head == head:  # the expression is the sentence's root ("Monday, 12 March")
        return None
    node, dep, prep, depth = head.head, head.dep_, None, 1
    if dep in ("compound", "amod", "nummod", "nmod", "poss", "quantmod") and node.pos_ == "PROPN":
        node, depth = np_head(node).head, 2  # a date does not qualify a name: "Since December GM ..."
    elif dep in ("compound", "amod", "nummod", "nmod", "poss", "quantmod") and node.pos_ == "NOUN":
        noun = np_head(node)
        if lemma(noun) not in EVENT_NOUNS or noun.lower_ in TIME_NOUNS:
            return None  # "the 1990 squad", "1935 Orchard Street", "2015's record"
        node = noun
    for _ in range(8):
        if node.pos_ == "ADP":
            prep = node.lower_
        elif node.pos_ in ("VERB", "AUX"):
            if prep == "for" and depth == 2:
                return None  # "issued warnings for Saturday": the date of what is meant, not of the issuing
            if _bounds_a_stretch(node):
                return None  # "earned $5m in the quarter ended Sept. 29": the quarter's end, no happening
            if lemma(node) not in STATE_VERBS or _dated_state(node):
                return node, depth
            if node.dep_ == "ccomp" and lemma(node.head) in REPORTING_VERBS:
                return None  # "'2009 was a pivotal year,' he said": the state's date, not the saying's
            # a state verb ("is due in May"): the date goes with the verb that governs it
        elif node.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if node.lower_ in TIME_NOUNS:
                pass  # "the evening of Oct. 28": a stretch of time, keep climbing
            elif prep in COMPARISON_PREPOSITIONS:
                return None  # "the worst flooding since 2015"
            elif lemma(node) in EVENT_NOUNS:
                prep = None  # "the strike on Monday killed five": the clause that tells it
            elif prep is None or prep in THING_PREPOSITIONS:
                return None  # a date of a thing: "the budget for 2026", "the class of 1990"
            # "expect more rain over the weekend": a time phrase the parser hung on the object

        elif node.pos_ == "ADJ":
            if prep in COMPARISON_PREPOSITIONS:
                return None  # "the busiest since May"
        if node.head == node:
            break
        node, depth = node.head, depth + 1
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and lemma(root) not in STATE_VERBS:
        return root, depth  # a sentence-level date ("In August, forces killed ...") dates the root
    return None


def _bounds_a_stretch(verb) -> bool:
    """ "the quarter ended Sept. 29", "the six months ended Aug. 12": a verb of ending or beginning
    that qualifies a stretch of time tells where the stretch ends, not a happening."""
    return (verb.dep_ in ("acl", "relcl") and lemma(verb) in STRETCH_VERBS and verb.head.i != verb.i
            and verb.head.lower_ in TIME_NOUNS)


def _when_clause(verb) -> bool:
    """A relative clause opened by "when" ("2008, when the company posted a loss")."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.lower_ == "when" and c.dep_ == "advmod" and c.i < verb.i for c in verb.children)


def _dated_state(verb) -> bool:
    """ "The first flight of the 777 was in 1994": "be" with a happening for its subject tells when the
    happening was. "Ford had a $34bn debt at the end of 2009", "had a loss of $1m in the quarter":
    what one had at a date is that date's news. (Other states stay undated: "is due in May".)"""
    if lemma(verb) == "have":
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return lemma(verb) == "be" and subj is not None and lemma(subj) in EVENT_NOUNS


def time_clause_head(trig) -> tuple[object, bool] | None:
    """ "Acme cut 500 jobs when sales collapsed in January": a clause that says when its head happened
    dates the head, so the sentence tells one happening, dated as the clause is. The head and whether
    that date is only approximate for it ("resigned after the board voted on Monday"); None when
    ``trig`` is no such clause or its head tells no happening."""
    if trig.dep_ != "advcl" or trig.head.i == trig.i:  # (spaCy makes a new Token on each access: no "is")
        return None
    first = trig.left_edge
    if first.lower_ not in TIME_CLAUSE_MARKS or first.head.i != trig.i or first.dep_ not in (
            "mark", "advmod"):
        return None
    head = trig.head
    if head.pos_ not in ("VERB", "AUX") or lemma(head) in STATE_VERBS:
        return None
    return head, TIME_CLAUSE_MARKS[first.lower_]


def main_happening(root):
    """The sentence's happening: its root, or under a state verb the first clause that tells one
    ("The company is seeking to sell ...", "It remains the largest maker, posting sales of ...")."""
    if root.pos_ in ("VERB", "AUX") and lemma(root) not in STATE_VERBS:
        return root
    for child in root.children:
        if (child.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl") and child.pos_ == "VERB"
                and lemma(child) not in STATE_VERBS):
            return child
    return root


def complement_of_present_report(trig, t: TimeExpression, article_day: dt.date | None):
    """ "For the final quarter of 2009, Ford says it made profits": a statement made now does not
    happen in a past period; the period dates what it reports (or nothing)."""
    span = t.timex.bounds(t.mod)
    present_report = lemma(trig) in REPORTING_VERBS and trig.tag_ in ("VBZ", "VBP")
    if article_day is None or span is None or not present_report or span[1] >= article_day:
        return trig
    clauses = (c for c in trig.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))
    return next(clauses, None)


def tense_of(trig) -> str:
    """present | perfect | past | pluperfect | future | other, from the trigger and its auxiliaries
    (a past told as history, "was once named", is "pluperfect": some earlier time)."""
    if trig.tag_ == "VBD" or any(c.tag_ == "VBD" for c in trig.children if c.dep_ in ("aux", "auxpass")):
        if any(c.lower_ in LONG_AGO for c in trig.children if c.dep_ == "advmod"):
            return "pluperfect"
    auxes = [c for c in trig.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < trig.i]
    if trig.tag_ == "VB" and trig.dep_ in ("xcomp", "ccomp", "conj", "advcl") and trig.head != trig:
        if any(a.lower_ == "to" for a in auxes):
            return "other"  # "plans to build": the plan is the event, not the building
    if any(a.tag_ == "MD" or a.lower_ in FUTURE_AUXILIARIES for a in auxes):
        return "future"
    if trig.dep_ == "conj" and not auxes and trig.tag_ in ("VBN", "VB"):
        return tense_of(trig.head) if trig.head.pos_ in ("VERB", "AUX") else "other"
    lowers = {a.lower_ for a in auxes}
    if lowers & PLUPERFECT_AUXILIARIES:
        return "pluperfect"
    if lowers & PERFECT_AUXILIARIES and trig.tag_ in ("VBN",) or (
            lowers & {"has", "have"} and any(a.lower_ == "been" for a in auxes)):
        return "perfect"
    tags = [trig.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if any(t in ("VBZ", "VBP") for t in tags):
        return "present"
    if trig.tag_ == "VBG" and not auxes and trig.head == trig:
        return "present"  # a headline: "Boeing pushing back 737 replacement"
    verbless = trig.head == trig or (  # a headline without a verb of its own: "Van launch delayed"
        trig.dep_ == "acl" and trig.head.dep_ == "ROOT" and trig.head.pos_ not in ("VERB", "AUX"))
    if trig.tag_ == "VBN" and not auxes and verbless:
        return "perfect"  # a headline's passive: "Bridge reopening postponed after flood" (has been)
    return "other"


def headline_verb(sent):
    """A headline's verb the tagger read as a noun: headlines drop their articles, and the small
    model takes "GM posts first annual loss", "Ryanair exercises options" or "sales plunge by 45%"
    for noun phrases. It is the first lower-case noun that is also a verb's present tense and agrees
    with the noun before it: "-s" after a singular ("GM posts"), the base form after a plural ("sales
    plunge"). None when there is no such word ("Technical problem on maiden flight")."""
    for tok in sent[1 : len(sent) - 1]:
        before, after = tok.nbor(-1), tok.nbor(1)
        agrees = ((tok.tag_ == "NNS" and tok.lower_.endswith("s") and before.tag_ in ("NNP", "NNPS", "NN"))
                  or (tok.tag_ == "NN" and before.tag_ == "NNS"))
        if agrees and tok.text.islower() and after.tag_ not in ("VBN", "VBD") and verb_lemma(tok.lower_):
            return tok  # (not "Alexandria parents charged with ...": the verb is there)
        if tok.tag_ == "IN":
            return None  # the subject is over: "Commission OKs use of stimulus funds"
    return None


def simple_present(trig) -> bool:
    """ "Acme owns a stake in a bakery", "The bridge is made of oak": the simple present of a
    body sentence tells a state or a habit, no happening on the article's day (a statement, "says",
    is made then; a headline's present tells the news)."""
    if lemma(trig) in REPORTING_VERBS:
        return False
    auxes = [c for c in trig.children if c.dep_ in ("aux", "auxpass") and c.i < trig.i]
    if trig.tag_ in ("VBZ", "VBP"):
        return not auxes
    return trig.tag_ == "VBN" and bool(auxes) and all(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP")
                                                      for a in auxes)


def reports_dated_clause(root, dated: set[int]) -> bool:
    """ "Network Rail said floodwater closed the line on Tuesday": the saying is how the happening is
    known, not a second happening; the dated clause it reports (token indices ``dated``) is the
    sentence's one event. (Saying now that sales rose in February stays two events.)"""
    if lemma(root) not in REPORTING_VERBS:
        return False
    clauses = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
    # Only the reported clause itself: "two drowned when a ship sank on Monday, he said" still tells
    # the drowning, which the dated "sank" does not.
    return any(c.i in dated for c in clauses)
