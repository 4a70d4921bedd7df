"""Sentence starts of plain text, found by punctuation alone (no model).

The temporal stage needs sentences before spaCy has run (the tagger and the
document-date inference are pure Python, so ``briefing.temporal`` stays quick
to import): a clause's tense and a clock time's day are looked for inside its
sentence. A sentence ends at a line break, or at ``.``, ``!`` or ``?`` (with
closing quotes and brackets) followed by white space and a capital or a digit,
unless the full stop ends an abbreviation ("Mr. Smith", "10 a.m. Friday",
"Oct. 28", "U.S. officials").

Shared helper: any layer may use it; it imports nothing of the project.
"""

from __future__ import annotations

import re

# Words whose full stop is not a sentence end: titles, "a.m.", month and company abbreviations.
# A single capital letter ("J. Smith") is one too (see ``_NOT_END``).
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "No", "vs",
                 "Vs", "a.m", "p.m", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Co", "Corp",
                 "Jr", "Sr", "U.S")

_SENT_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_NOT_END = re.compile(r"(?:\b[A-Z]|" + "|".join(map(re.escape, ABBREVIATIONS)) + r")\.$")


def sentence_starts(text: str) -> list[int]:
    """Offsets at which the sentences of ``text`` start, ascending; always begins with 0.

    The offset after a sentence end is the next sentence's first character
    (white space and line breaks belong to the sentence before). Text with no
    sentence end is one sentence: ``[0]``.
    """
    starts = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _NOT_END.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        starts.append(m.end())
    return starts
