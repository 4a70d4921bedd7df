"""Summaries: a verbatim span of the article (the clause from its subject to its last word),
shortened only at a word boundary, and then always with an ellipsis.

A summary is shortened when it stops before its sentence does without a pause there (the clause is
one of several, "The council will open a library in 2027…") or when it is longer than
``_SUMMARY_WORDS``. A shortened summary never ends on a word that promises the words cut ("the",
"of", "and"), nor parts a number from its scale ("$12…" of "$12 billion").
"""

from __future__ import annotations

import re

from .lang_en import DANGLING_WORDS, NUMBER_WORDS

_SUMMARY_WORDS = 20
_MIN_WORDS = 3  # a cut backs off dangling words, but never below this many
_SUMMARY_DEPS = ("nsubj", "nsubjpass", "csubj", "agent", "dobj", "attr", "prt", "auxpass", "aux", "neg",
                 "ccomp", "xcomp", "prep", "acomp", "oprd", "dative", "advmod", "npadvmod",
                 "compound")  # (a name hung on a verb is its subject, misparsed: "Acme Rail posts loss")
_SHARES_SUBJECT = ("conj", "xcomp", "advcl")
_SUBJECT_REACH = 8
_EDGE_PUNCT = ",;:—–-"
_WORD_EDGES = "\"'“”‘’()[],;:.!?"
_OPENING_QUOTES = ('"', "“")
_CLOSING_QUOTES = ('"', "”")


def clause_summary(trig, floor: int, sent, text: str, clause=None) -> str:
    """The clause of ``trig`` as the article words it: from its subject to its last word, verbatim,
    cut at a word boundary with an ellipsis. ``clause``, a "when ..." clause of ``trig`` that dates it,
    is told too: the date the reader sees is in the words."""
    keep = {trig.i} | ({t.i for t in clause.subtree} if clause is not None else set())
    for child in trig.children:
        if child.dep_ in ("prep", "advmod", "npadvmod", "advcl") and child.i < trig.i:
            continue  # "According to the statement, ...", "In early October, ...": the setting, not the news
        if child.dep_ in _SUMMARY_DEPS:
            keep.update(t.i for t in child.subtree)
    top = trig
    while top.dep_ == "xcomp" and top.head.i != top.i:
        top = top.head  # "the phase expected to begin in 2018": the phase's, through "expected"
    if top.dep_ in ("acl", "relcl") and top.head.i not in keep:
        keep.update(t.i for t in top.head.subtree if t.i < trig.i)  # "... which was founded"
    subj = _controller_subject(trig) or _own_subject(trig)
    if subj is not None:  # "X arrived and signed", "X plans to build": the shared subject tells who
        keep.update(t.i for t in subj.subtree)
    doc = trig.doc
    tokens = [doc[i] for i in sorted(keep) if sent.start <= i < sent.end and doc[i].idx >= floor]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ in ("cc", "mark")
                      or _complementiser(tokens)):
        tokens = tokens[1:]
    if tokens and _unclosed_quote(text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]):
        opening = next((doc[i] for i in range(tokens[0].i - 1, sent.start - 1, -1)
                        if doc[i].idx >= floor and doc[i].text in _OPENING_QUOTES), None)
        if opening is not None:  # '"While we face challenges, 2024 was a good year," he said': all of it
            tokens = [opening, *tokens]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in ")%":
        if tokens[-1].text in _CLOSING_QUOTES and _unopened_quote(text[tokens[0].idx : tokens[-1].idx]):
            break  # 'said they are "underperforming dealers"': the quotation closes
        tokens = tokens[:-1]
    if tokens and _unopened_quote(text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]):
        after = doc[tokens[-1].i + 1 : min(sent.end, tokens[-1].i + 3)]  # ('dealers."': past the stop)
        close = next((t for t in after if t.text in _CLOSING_QUOTES), None)
        if close is not None and all(t.is_punct for t in after[: close.i - after.start]):
            tokens = [*tokens, *after[: close.i - after.start + 1]]  # the quotation's close
    if not tokens:
        return shorten(" ".join(text[max(floor, sent.start_char) : sent.end_char].split()))
    clause_text = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if clause_text.endswith(".") and not clause_text.endswith("..") and tokens[-1].i + 1 >= sent.end - 1:
        clause_text = clause_text[:-1]  # the sentence's full stop, stuck to its last word ("£40m.")
    clause_text = " ".join(clause_text.split()) if "\n" in clause_text else clause_text
    nxt = tokens[-1].i + 1
    goes_on = nxt < sent.end and not (doc[nxt].is_punct or doc[nxt].is_space)
    return shorten(clause_text, cut=goes_on)


def _unclosed_quote(words: str) -> bool:
    """Do ``words`` close a quotation they do not open (a first straight quote stuck to the word
    before it closes one)?"""
    first = words.find('"')
    return words.count("”") > words.count("“") or (
        words.count('"') % 2 == 1 and first > 0 and not words[first - 1].isspace())


def _unopened_quote(words: str) -> bool:
    """Do ``words`` open a quotation they do not close?"""
    return words.count("“") > words.count("”") or words.count('"') % 2 == 1


def _complementiser(tokens) -> bool:
    """A reported clause's "that" before its subject's name ("that Leeds City Council would buy"),
    however the parser hung it: the clause starts after it."""
    return (len(tokens) > 1 and tokens[0].text in ("that", "whether") and tokens[1].text[:1].isupper()
            and tokens[1].i == tokens[0].i + 1)


def _controller_subject(trig):
    """The subject ``trig`` shares with the verb it hangs from, when it has none of its own: "X
    arrived and signed", "X plans to build a plant", "X cut jobs, citing falling sales". Beyond a
    coordination, only a near one (within ``_SUBJECT_REACH`` tokens before ``trig``, the whole within
    the summary's length): a far one would fill the summary with the words between."""
    if _own_subject(trig) is not None:
        return None
    node, subj = trig, None
    for _ in range(3):
        if node.dep_ not in _SHARES_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return None
        subj = _own_subject(node)
        if subj is not None:
            break
    if subj is None or subj.i > trig.i:
        return None
    if trig.dep_ != "conj" and (trig.i - subj.right_edge.i > _SUBJECT_REACH
                                or trig.right_edge.i - subj.left_edge.i >= _SUMMARY_WORDS):
        return None  # (nor one that would push the clause's own words past the cut)
    return subj


def _own_subject(verb):
    """The verb's subject; or the name right before it (and its auxiliaries) that the parser hung
    on a preposition ("and by 3am the River Eden had burst": "Eden" under "by"), not a date."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is not None:
        return subj
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i])
    before = verb.doc[first - 1] if first > verb.left_edge.i else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and before.ent_type_ not in ("DATE", "TIME"):
        return before
    return None


def shorten(text: str, words: int = _SUMMARY_WORDS, *, cut: bool = False) -> str:
    """``text`` cut after ``words`` words, at a word boundary, with an ellipsis; else unchanged.
    ``cut``: ``text`` is already a shortened span (its sentence goes on), so it ends with one too.
    Before the ellipsis: no dangling word, no number parted from its scale, no trailing comma."""
    spans = list(re.finditer(r"\S+", text))
    if not spans or len(spans) <= words and not cut:
        return text
    n = min(len(spans), words)
    if n < len(spans) and _parts_number(spans[n - 1].group(), spans[n].group()):
        n += 1  # "US$12 billion": the scale goes with its number
        if n == len(spans) and not cut:
            return text
    while n > _MIN_WORDS and _dangles(spans[n - 1].group(), spans[n].group() if n < len(spans) else None):
        n -= 1
    return text[: spans[n - 1].end()].rstrip(_EDGE_PUNCT) + "…"


def _dangles(word: str, following: str | None) -> bool:
    """Would a summary cut after ``word`` (``following`` being the next word) end mid-phrase?"""
    bare = word.strip(_WORD_EDGES).lower()
    if word.endswith((",", ";", ":")) and bare not in DANGLING_WORDS:
        return False  # the text pauses there: a clean place to cut
    if bare in DANGLING_WORDS:
        return True
    return following is not None and _parts_number(word, following)


def _parts_number(word: str, following: str) -> bool:
    """Does a cut between ``word`` and ``following`` part a number from its scale ("$12 | billion")?"""
    bare = word.strip(_WORD_EDGES)
    return bool(re.search(r"\d$", bare)) and not bare.endswith((",", ";")) and (
        following.strip(_WORD_EDGES).lower() in NUMBER_WORDS)
