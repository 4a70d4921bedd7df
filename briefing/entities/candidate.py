"""A candidate mention: what every source of names proposes, before candidates compete.

Candidates come from the statistical model, the headline re-run, the rules and the glossary;
``priority`` says which wins an overlap (glossary > rules > model), ``weight`` how much the
candidate's label counts when an identity's mentions vote on its type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import ENTITY_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from .glossary import GlossaryEntry


# spaCy labels that are values, not entities.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
LABEL_MAP = {"LAW": "OTHER", "LANGUAGE": "OTHER", "WORK_OF_ART": "OTHER"}
ENTITY_LABELS = set(ENTITY_TYPES) | set(LABEL_MAP)  # spaCy labels that name entities
# Which candidate wins an overlap: the editors over the rules over the model.
PRIORITY_MODEL, PRIORITY_RULE, PRIORITY_GLOSSARY = 1, 2, 3


@dataclass
class Candidate:
    """A proposed mention: a span, a type and hints about which identity it belongs to."""

    start: int
    end: int
    label: str
    priority: int = PRIORITY_MODEL
    source: str = "model"
    name: str | None = None  # forced canonical name ('Anbar province' for 'Anbar')
    description: str | None = None
    entry: GlossaryEntry | None = None
    weight: float = 1.0
    aliases: tuple[str, ...] = ()
    surface: str = ""

    def __post_init__(self) -> None:
        # Every type is one of ENTITY_TYPES, whatever label a rule borrowed from spaCy.
        if self.label not in ENTITY_TYPES:
            object.__setattr__(self, "label", LABEL_MAP.get(self.label, "OTHER"))

    @property
    def length(self) -> int:
        return self.end - self.start


def is_cap(tok) -> bool:
    """A capitalised word (a spaCy token): what a name is made of."""
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)
