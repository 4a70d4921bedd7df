"""Entities: recognition (spaCy + news rules), one identity per entity, the editors' glossary."""

from .glossary import Glossary, GlossaryEntry, GlossaryError, Suppression, load_glossary
from .recognize import extract_entities
from .slugs import slugify

__all__ = ["Glossary", "GlossaryEntry", "GlossaryError", "Suppression", "extract_entities", "load_glossary",
           "slugify"]
