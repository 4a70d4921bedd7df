"""Temporal stage: TIMEX3 tagging, typed values, document dates and reader labels.

- ``lang/en``: the words and what they mean (data, like ``spacy/lang/en``);
- ``tagger``: finds and normalises TIMEX3s (``tag_times``) with the rules of
  ``calendar_dates``, ``periods``, ``relative`` and ``days``, registered in
  ``rules`` with explicit priorities and written with the ``patterns`` built
  from ``lang/en`` and the ``values`` helpers;
- ``dates``: date arithmetic (months, weeks, quarters, seasons, holidays);
- ``timex``: the typed value every stage shares (bounds, labels, order);
- ``infer``: the document's own date, only when its text pins it down.

Pure Python (regular expressions compiled at import); importing it does not
import spaCy, so the CLI stays quick.
"""

from .describe import describe_value, value_bounds
from .infer import infer_document_date
from .tagger import tag_times
from .timex import Timex, parse

__all__ = ["Timex", "describe_value", "infer_document_date", "parse", "tag_times", "value_bounds"]
