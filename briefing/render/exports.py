"""Data exports next to the site: places as GeoJSON, events as CSV, the timeline as iCalendar.

Analysts take the annotations into a GIS, a spreadsheet or a calendar. The
columns of the events table follow the habits of conflict-event data sets
(ACLED): a date with its precision, a verbatim summary, actors, one location
with coordinates and their precision, the source and the source sentence.
Every export is sorted and holds no build time: same sources, same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, timedelta

from ..model import Event
from ..structure import BriefingRef

EVENT_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "earliest",
    "latest",
    "approximate",
    "event_summary",
    "actors",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "other_locations",
    "source_briefing",
    "source_date",
    "source_url",
    "source_sentence",
)
# Entity types that act in an event (places are its location).
ACTOR_TYPES = ("PERSON", "ORG", "NORP")


def precision(ev: Event) -> str:
    """How exactly the event is dated: day, week, month, year, or a range of days."""
    if not ev.earliest:
        return "undated"
    a, b = date.fromisoformat(ev.earliest), date.fromisoformat(ev.latest or ev.earliest)
    days = (b - a).days + 1
    if days == 1:
        return "day"
    if a.day == 1 and b.month == a.month and b.year == a.year and (b + timedelta(days=1)).day == 1:
        return "month"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return "year"
    return "week" if days <= 7 else "range"


def places_geojson(refs: list[BriefingRef], url: Callable[[str], str]) -> str:
    """One Point feature per place of the site, with the briefings that mention it (newest first)."""
    places: dict[str, dict] = {}
    for b in refs:
        for p in b.annotations.places:
            entry = places.setdefault(p.entity, {"place": p, "briefings": []})
            entry["briefings"].append({"title": b.title, "date": b.date, "url": url(b.uri)})
    features = []
    for eid in sorted(places):
        p = places[eid]["place"]
        features.append(
            {
                "type": "Feature",
                "id": eid,
                "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
                "properties": {
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "source": p.source,
                    "briefings": places[eid]["briefings"],
                },
            }
        )
    data = {"type": "FeatureCollection", "features": features}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def event_rows(refs: list[BriefingRef], url: Callable[[str], str]) -> list[dict[str, str]]:
    """The events table: one row per event of every briefing, dated first (by date), then undated."""
    rows = []
    for b in refs:
        ann = b.annotations
        names = {e.id: e for e in ann.entities}
        places = {p.entity: p for p in ann.places}
        for ev in ann.events:
            where = [places[pid] for pid in ev.places if pid in places]
            first = where[0] if where else None
            actors = [
                names[eid].name for eid in ev.entities if eid in names and names[eid].type in ACTOR_TYPES
            ]
            s, e = ev.sentence
            rows.append(
                {
                    "event_id": f"{b.uri.removesuffix('.md')}#{ev.id}",
                    "event_date": ev.earliest or "",
                    "time_precision": precision(ev),
                    "earliest": ev.earliest or "",
                    "latest": ev.latest or "",
                    "approximate": "yes" if ev.approximate else "no",
                    "event_summary": ev.summary,
                    "actors": "; ".join(actors),
                    "location": first.name if first else "",
                    "latitude": f"{first.lat:.5f}" if first else "",
                    "longitude": f"{first.lon:.5f}" if first else "",
                    "geo_precision": first.kind if first else "",
                    "country": (first.country or "") if first else "",
                    "other_locations": "; ".join(p.name for p in where[1:]),
                    "source_briefing": b.title,
                    "source_date": b.date or "",
                    "source_url": url(b.uri) + f"#bf-ev-{ev.id}",
                    "source_sentence": " ".join(ann.text[s:e].split()),
                }
            )
    rows.sort(key=lambda r: (r["event_date"] == "", r["event_date"], r["latest"], r["event_id"]))
    return rows


def events_csv(refs: list[BriefingRef], url: Callable[[str], str]) -> str:
    """The events table as CSV (RFC 4180, UTF-8, a header row)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(event_rows(refs, url))
    return out.getvalue()


def _ics_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continued with a leading space (RFC 5545 3.1)."""
    if len(line) <= 75 and len(line.encode("utf-8")) <= 75:
        return [line]
    out, current, size = [], [], 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > (75 if not out else 74):
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += n
    out.append("".join(current))
    return [out[0]] + [" " + part for part in out[1:]]


def timeline_ics(refs: list[BriefingRef], url: Callable[[str], str], name: str) -> str:
    """Every dated event as an all-day VEVENT (its earliest to its latest day)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//briefing//annotated briefings//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(name)}",
    ]
    for row in event_rows(refs, url):
        if not row["earliest"]:
            continue
        end = date.fromisoformat(row["latest"] or row["earliest"]) + timedelta(days=1)
        stamp = (row["source_date"] or row["earliest"]).replace("-", "")
        summary = ("About: " if row["approximate"] == "yes" else "") + row["event_summary"]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_text(row['event_id'])}@briefing",
            f"DTSTAMP:{stamp}T000000Z",
            f"DTSTART;VALUE=DATE:{row['earliest'].replace('-', '')}",
            f"DTEND;VALUE=DATE:{end.isoformat().replace('-', '')}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(row['source_sentence'] + ' (' + row['source_briefing'] + ')')}",
            f"URL:{row['source_url']}",
        ]
        if row["location"]:
            lines.append(f"LOCATION:{_ics_text(row['location'])}")
            lines.append(f"GEO:{row['latitude']};{row['longitude']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
