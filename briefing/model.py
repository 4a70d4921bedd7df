"""Plain data that flows through the pipeline.

Every stage takes and returns these dataclasses; nothing here knows about
spaCy or MkDocs. ``Annotations.to_dict`` is the JSON shape of
``../shared/CONTRACT.md`` (schema 1) and of the YAML snapshots, so a change
here is a change of the public contract: add optional fields, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .temporal.timex import Timex

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER")
PLACE_KINDS = ("country", "admin1", "city", "region", "feature", "address")


@dataclass
class Document:
    """An article: the plain text that offsets index, plus its metadata.

    ``text`` is the headline, a newline, then the body paragraphs joined by
    newlines (for a seed ``.txt`` this is the file minus its section line).
    ``date_source`` is ``option``, ``metadata``, ``inferred`` or ``None`` (the
    contract's values); ``date_from`` names the source more precisely
    (``date-line``, ``dateline``, ``file-name``, ``git``, ``front-matter``,
    ``option``, ``text``: see ``briefing.dating``).
    """

    text: str
    title: str | None = None
    section: str | None = None
    date: str | None = None
    date_source: str | None = None
    date_from: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class Mention:
    """A span of ``Document.text`` (code-point offsets, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One identity (a person, organisation, place...) with all its mentions."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    link: str | None = None
    source: str = "model"  # model | rules | glossary


@dataclass
class Place:
    """Where an entity is on the map; ``entity`` is the entity id."""

    entity: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None = None
    source: str = "gazetteer"


@dataclass
class TimeExpression:
    """A TIMEX3: extent in the text, ``type`` DATE/TIME/DURATION/SET, ISO-TimeML value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    @property
    def timex(self) -> Timex:
        """The value, typed (``temporal.timex``: parsed once per distinct string, then shared)."""
        from .temporal.timex import parse

        return parse(self.value)


@dataclass
class Event:
    """A happening for the timeline, bounded by ``earliest``/``latest`` (ISO dates)."""

    id: str
    summary: str
    sentence: tuple[int, int]
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    approximate: bool = False
    entities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    label: str | None = None  # the date as a reader should see it ("early Oct 2024")


@dataclass
class Annotations:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (also the snapshot's content)."""
        d = self.document
        return {
            "schema": 1,
            "document": {
                "title": d.title,
                "section": d.section,
                "date": d.date,
                "date_source": d.date_source,
                "date_from": d.date_from,
            },
            "text": d.text,
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "aliases": list(e.aliases),
                    "description": e.description,
                    "link": e.link,
                    "source": e.source,
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "places": [asdict(p) for p in self.places],
            "times": [asdict(t) for t in self.times],
            "events": [
                {
                    "id": ev.id,
                    "summary": ev.summary,
                    "sentence": {"start": ev.sentence[0], "end": ev.sentence[1]},
                    "value": ev.value,
                    "earliest": ev.earliest,
                    "latest": ev.latest,
                    "approximate": ev.approximate,
                    "label": ev.label,
                    "entities": list(ev.entities),
                    "places": list(ev.places),
                }
                for ev in self.events
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str | None = None) -> Annotations:
        """Inverse of ``to_dict`` (for snapshots)."""
        meta = data.get("document") or {}
        doc = Document(
            text=data["text"],
            title=meta.get("title"),
            section=meta.get("section"),
            date=meta.get("date"),
            date_source=meta.get("date_source"),
            date_from=meta.get("date_from"),
            path=path,
        )
        return cls(
            document=doc,
            entities=[
                Entity(
                    id=e["id"],
                    name=e["name"],
                    type=e["type"],
                    aliases=list(e.get("aliases") or []),
                    description=e.get("description"),
                    link=e.get("link"),
                    source=e.get("source") or "model",
                    mentions=[Mention(**m) for m in e.get("mentions") or []],
                )
                for e in data.get("entities") or []
            ],
            places=[Place(**p) for p in data.get("places") or []],
            times=[TimeExpression(**t) for t in data.get("times") or []],
            events=[
                Event(
                    id=ev["id"],
                    summary=ev["summary"],
                    sentence=(ev["sentence"]["start"], ev["sentence"]["end"]),
                    value=ev.get("value"),
                    earliest=ev.get("earliest"),
                    latest=ev.get("latest"),
                    approximate=bool(ev.get("approximate")),
                    label=ev.get("label"),
                    entities=list(ev.get("entities") or []),
                    places=list(ev.get("places") or []),
                )
                for ev in data.get("events") or []
            ],
        )
