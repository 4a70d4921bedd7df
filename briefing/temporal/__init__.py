"""Temporal stage: TIMEX3 tagging, normalisation, document-date inference and reader labels.

Pure Python (regular expressions compiled at import); importing it does not
import spaCy, so the CLI stays quick.
"""

from .describe import describe_value, value_bounds
from .infer import infer_document_date
from .tagger import tag_times

__all__ = ["describe_value", "infer_document_date", "tag_times", "value_bounds"]
