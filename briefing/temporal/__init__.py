"""Temporal stage: TIMEX3 tagging, normalisation, document-date inference and reader labels.

Pure Python (regular expressions compiled at import); importing it does not
import spaCy, so the CLI stays quick.
"""

from .tagger import tag_times

__all__ = ["tag_times"]
