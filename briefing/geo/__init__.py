"""Places: the embedded offline gazetteer and toponym resolution."""

from briefing.geo.gazetteer import Candidate, Gazetteer, gazetteer
from briefing.geo.resolve import resolve_places

__all__ = ["Candidate", "Gazetteer", "gazetteer", "resolve_places"]
