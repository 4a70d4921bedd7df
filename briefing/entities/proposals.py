"""Candidates from the statistical model (the headline re-read in sentence case) and the glossary.

The small English model reads a title-case headline ('Kill Up to 35 ISIS Operatives') as a run
of names; the headline is re-run in sentence case, so that every capital means a name again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import ENTITY_LABELS, LABEL_MAP, NUMERIC_LABELS, PRIORITY_GLOSSARY, PRIORITY_RULE, Candidate
from .lang_en import FACILITY_HEADS, TITLE_MODIFIERS, TITLE_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from .glossary import Glossary


def model_candidates(doc: Doc, text: str, nlp: Language) -> list[Candidate]:
    """spaCy's entities, with the headline's replaced by a re-run on a sentence-cased copy."""
    head_end = text.find("\n")
    headline_ents = _headline_ents(text, head_end, nlp, doc) if head_end > 0 else None
    out = []
    for ent in doc.ents:
        if headline_ents is not None and ent.start_char < head_end:
            continue
        if ent.label_ not in NUMERIC_LABELS:
            out.append(Candidate(ent.start_char, ent.end_char, LABEL_MAP.get(ent.label_, ent.label_)))
    for start, end, label in headline_ents or ():
        if label not in NUMERIC_LABELS:
            out.append(Candidate(start, end, LABEL_MAP.get(label, label)))
    return out


def _is_title_case(headline: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", headline) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitalised >= 0.75 * len(words)


def _headline_ents(text: str, head_end: int, nlp: Language, doc: Doc) -> list[tuple[int, int, str]] | None:
    """Re-run NER on the headline in sentence case, so that every capital means a name again.

    A word keeps its capital when the body writes it capitalised mid-sentence,
    when it is an acronym or camel-case, or when it is unknown to the body but
    inside an entity of the original parse. Case changes keep offsets intact.
    """
    headline = text[:head_end]
    if not _is_title_case(headline):
        return None
    body = text[head_end:]
    # Words only in the headline keep their capital inside a person or place name; ORG is the
    # model's usual guess for any capitalised run ('ISIS Operatives'), so it proves nothing.
    in_ent = {i for e in doc.ents if e.start_char < head_end and e.label_ in ("PERSON", "GPE", "LOC")
              for i in range(e.start_char, e.end_char)}
    chars = list(headline)
    for n, m in enumerate(re.finditer(r"[A-Za-z][\w'’-]*", headline)):
        word = m.group()
        if n == 0 or not word[0].isupper() or _keeps_capital(word, body, m.start() in in_ent):
            continue
        lowered = word.lower()
        if len(lowered) == len(word):
            chars[m.start():m.end()] = lowered
    cased = "".join(chars)
    if cased == headline:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.start_char < head_end]
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
        return [(e.start_char, e.end_char, e.label_) for e in nlp(cased).ents]  # NER only: cheap


def _keeps_capital(word: str, body: str, in_entity: bool) -> bool:
    if word.isupper() and len(word) > 1 or any(ch.isupper() for ch in word[1:]):
        return True
    pattern = re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])")
    mid_sentence = any(m.start() > 1 and body[:m.start()].rstrip()[-1:] not in ".!?:\"“\n"
                       for m in pattern.finditer(body))
    if mid_sentence:
        return True
    absent = re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", body, re.IGNORECASE) is None
    return absent and in_entity


def glossary_candidates(text: str, glossary: Glossary | None, doc: Doc | None = None) -> list[Candidate]:
    """Every glossary name in the text. An entry without a type takes the model's label for the
    same words (an editor who only adds a description must not turn a country into OTHER)."""
    if glossary is None:
        return []
    labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents} if doc is not None else {}
    pattern = glossary.name_pattern()
    if pattern is None:
        return []
    out = []
    longer = _LongerNames(doc, text) if doc is not None else None
    for m in pattern.finditer(text):
        if longer is not None and (run := longer.around(m.start(), m.end())) is not None:
            out.append(run)  # 'Carlisle Racecourse' is not the glossary's 'Carlisle'
            continue
        entry = glossary.entry_for(m.group()) or glossary.entry_for(re.sub(r"(?:es|s)$", "", m.group()))
        if entry is None:
            entry = glossary.entry_for(m.group()[:-2]) or glossary.entry_for(m.group()[:-1])
        if entry is not None:
            model = labels.get((m.start(), m.end()))
            label = entry.type or (LABEL_MAP.get(model, model) if model in ENTITY_LABELS else None) or "OTHER"
            out.append(Candidate(m.start(), m.end(), label, PRIORITY_GLOSSARY, "glossary", entry=entry,
                                 weight=3.0))
    return out


class _LongerNames:
    """Where a glossary name is only part of a longer name: 'Carlisle' in 'Carlisle Racecourse',
    'Appleby' in 'Appleby Grammar School'. Glossary names match whole names only; the longer
    name is proposed in its place, as the model would have proposed it."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc, self.text = doc, text
        head_end = text.find("\n")
        # A title-case headline capitalises every word: capitals there do not extend a name.
        self.skip_to = head_end if head_end > 0 and _is_title_case(text[:head_end]) else -1

    def around(self, start: int, end: int) -> Candidate | None:
        if start < self.skip_to:
            return None
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        i, j = span.start, span.end
        while j < len(doc) and doc[j - 1].whitespace_ == " " and _name_word(doc[j]):
            j += 1
        while i > 0 and doc[i - 1].whitespace_ == " " and _name_word(doc[i - 1]) \
                and not _sentence_first(doc[i - 1]):
            i -= 1
        if (i, j) == (span.start, span.end):
            return None
        run = doc[i:j]
        label = "FAC" if run[-1].lower_ in FACILITY_HEADS else _model_label(run) or "ORG"
        return Candidate(run.start_char, run.end_char, label, PRIORITY_RULE, "rules")


def _name_word(tok) -> bool:
    """A word that continues a name: a capitalised proper noun, not an acronym or a title."""
    return (tok.is_title and tok.is_alpha and tok.tag_ in ("NNP", "NNPS")
            and tok.lower_ not in TITLE_WORDS and tok.lower_ not in TITLE_MODIFIERS)


def _sentence_first(tok) -> bool:
    doc = tok.doc
    return tok.i == 0 or doc[tok.i - 1].is_space or doc[tok.i - 1].text in (".", "!", "?", ":", "\"", "“")


def _model_label(run) -> str | None:
    labels = [t.ent_type_ for t in run if t.ent_type_ in ENTITY_LABELS]
    return LABEL_MAP.get(labels[-1], labels[-1]) if labels else None
