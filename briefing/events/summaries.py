"""Summaries: a verbatim span of the article (the clause from its subject to its last word),
shortened only at a word boundary, with an ellipsis."""

from __future__ import annotations

import re

_SUMMARY_WORDS = 20
_SUMMARY_DEPS = ("nsubj", "nsubjpass", "csubj", "agent", "dobj", "attr", "prt", "auxpass", "aux", "neg",
                 "ccomp", "xcomp", "prep", "acomp", "oprd", "dative", "advmod", "npadvmod")


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
