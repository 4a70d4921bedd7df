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

# The entity types (OntoNotes'), in the order pages list them: people, organisations, places ...
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER")
# The entity types that name places: the ones the geocoders and the resolver look up.
PLACE_TYPES = ("GPE", "LOC", "FAC")
# The place types a map must show: a briefing naming one left unplaced is pointed out (a FAC, a
# hospital or a street, may stay off the map).
MAPPED_TYPES = ("GPE", "LOC")
# What kind of place a resolved place is (``Place.kind``, ``Reading.kind``).
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
    # The site's coverage area (plugin option ``coverage``, ISO codes): a lean for ambiguous place
    # names (``geo.bias``). Part of the snapshot key when set; never written out.
    coverage: tuple[str, ...] = ()
    # Text ranges where no entity is recognised: a page's headings (not its headline), table
    # cells and inline code (``markdown_offsets``). Not in the output: derived from the source.
    quiet: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, order=True)
class Mention:
    """A span of ``Document.text`` (code-point offsets, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reading:
    """A place a name can also mean: what the editors weigh when the system was not sure.

    ``Place.runner_up`` is the reading the resolver ranked next when only the population prior
    decided; ``Entity.place_reading`` is the place the gazetteer knows by the name of an entity
    that was typed as no place (a PERSON 'Jordan', an ORG 'Hyderabad').
    """

    name: str
    lat: float
    lon: float
    kind: str
    country: str | None = None
    admin1: str | None = None


@dataclass
class Entity:
    """One identity (a person, organisation, place...) with all its mentions.

    ``place_reading`` (optional, see ``Reading``) is evidence against its type: the gazetteer
    knows the name as a notable place although the entity was typed PERSON, ORG...
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    link: str | None = None
    source: str = "model"  # model | rules | glossary
    place_reading: Reading | None = None


@dataclass
class Place:
    """Where an entity is on the map; ``entity`` is the entity id.

    ``alternatives`` and ``runner_up`` (optional) say that the population prior alone chose it:
    the gazetteer had that many other far-apart readings which the article's context did not rule
    out, the best of them being ``runner_up``. None when the context decided or nothing competed.
    """

    entity: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None = None
    source: str = "gazetteer"
    alternatives: int | None = None
    runner_up: Reading | None = None


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
                    **({"place_reading": asdict(e.place_reading)} if e.place_reading else {}),
                }
                for e in self.entities
            ],
            "places": [_place_dict(p) for p in self.places],
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
                    place_reading=_reading(e.get("place_reading")),
                )
                for e in data.get("entities") or []
            ],
            places=[
                Place(**{**p, "runner_up": _reading(p.get("runner_up"))}) for p in data.get("places") or []
            ],
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


def _place_dict(p: Place) -> dict[str, Any]:
    """A place as the contract writes it: the optional doubt fields only when there is a doubt."""
    out = asdict(p)
    for k in ("alternatives", "runner_up"):
        if out[k] is None:
            del out[k]
    return out


def _reading(data: dict[str, Any] | None) -> Reading | None:
    return Reading(**data) if data else None
