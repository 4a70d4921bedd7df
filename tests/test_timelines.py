"""The site timeline and each entity's timeline: periods, order within a day, labels, links."""

from __future__ import annotations

from briefing.model import Annotations, Document, Entity, Event, Mention
from briefing.render.sitepages import BriefingRef, collect_entities, entity_page, timeline_page
from briefing.render.timeline import (
    Reported,
    date_label,
    entity_timeline_markdown,
    event_order,
    period_of,
    site_timeline_markdown,
)


def ev(
    eid: str,
    earliest: str | None,
    latest: str | None = None,
    label: str | None = None,
    value: str | None = None,
    approximate: bool = False,
    entities: list[str] | None = None,
) -> Event:
    return Event(
        id=eid,
        summary=f"Summary {eid}",
        sentence=(0, 10),
        value=value,
        earliest=earliest,
        latest=latest or earliest,
        approximate=approximate,
        label=label,
        entities=entities or [],
    )


def test_periods_a_reader_expects():
    assert period_of("2025-03-12", "2025-03-12")[1] == "March 2025"
    assert period_of("2025-03-01", "2025-03-31")[1] == "March 2025"  # month-only
    assert period_of("2005-01-01", "2005-12-31")[1] == "2005"  # year-only: never "January 2005"
    assert period_of("2025-03-29", "2025-04-04")[1] == "2025"  # a week across two months
    assert period_of("1990-01-01", "1999-12-31")[1] == "The 1990s"
    assert period_of("2003-07-01", "2005-06-30")[1] == "2003–2005"
    # the year above its months, longer spans above the year they start in
    keys = [
        period_of(*p)[0]
        for p in [("2005-02-01", "2005-02-28"), ("2005-01-01", "2005-12-31"), ("2000-01-01", "2009-12-31")]
    ]
    assert sorted(keys) == [keys[2], keys[1], keys[0]]


def test_site_timeline_groups_year_only_events_under_their_year():
    items = [
        Reported("briefings/b.md", "B", ev("jan", "2005-01-18", label="18 January 2005")),
        Reported("briefings/a.md", "A", ev("year", "2005-01-01", "2005-12-31", label="2005")),
        Reported("briefings/a.md", "A", ev("mar", "2005-03-01", "2005-03-31", label="March 2005")),
    ]
    text = "\n".join(site_timeline_markdown(items, "timeline.md"))
    assert text.index("## 2005") < text.index("**2005** — Summary year") < text.index("## January 2005")
    assert text.index("## January 2005") < text.index("Summary jan") < text.index("## March 2005")
    assert "[A](briefings/a.md#bf-ev-year)" in text


def test_within_a_day_the_clock_decides_midnight_last_and_after_midnight_first():
    day = "2025-03-12"
    events = [
        ev("untimed", day, label="12 March 2025"),
        ev("midnight", day, value=f"{day}T24:00"),
        ev("three", day, value=f"{day}T03:00"),
        ev("after", day, value=f"{day}T00:00"),
        ev("estimate", day, approximate=True, label="by 12 March 2025"),
        ev("evening", day, value=f"{day}TEV"),
    ]
    order = [e.id for e in sorted(events, key=event_order)]
    assert order == ["after", "three", "evening", "midnight", "untimed", "estimate"]


def test_labels_say_how_sure_they_are():
    assert date_label(ev("a", "2025-03-12", approximate=True, label="12 March 2025")) == "about 12 March 2025"
    assert date_label(ev("b", "2025-03-12", approximate=True, label="by 12 March 2025")) == "by 12 March 2025"
    few = ev("c", "2024-10-14", "2024-10-27", approximate=True, label="a few days before 28 October 2024")
    assert date_label(few) == "a few days before 28 October 2024"


def _briefing(uri: str, title: str, date: str, events: list[Event], text: str) -> BriefingRef:
    ann = Annotations(
        Document(text=text, title=title, date=date),
        entities=[
            Entity(
                "cumbria-county-council",
                "Cumbria County Council",
                "ORG",
                mentions=[Mention(len(title) + 1, len(title) + 23, "Cumbria County Council")],
            )
        ],
        events=events,
    )
    return BriefingRef(uri, title, "News", date, ann)


def test_an_entitys_page_shows_its_events_across_briefings_in_order():
    first = _briefing(
        "briefings/floods.md",
        "Floods in Cumbria",
        "2025-03-12",
        [
            ev(
                "warned",
                "2025-03-11",
                label="11 March 2025, evening",
                value="2025-03-11TEV",
                entities=["cumbria-county-council"],
            ),
            ev("plans", None, entities=["cumbria-county-council"]),
            ev("other", "2025-03-10", label="10 March 2025"),  # not about the council
        ],
        "Floods in Cumbria\nCumbria County Council warned residents.",
    )
    second = _briefing(
        "briefings/repairs.md",
        "Repairs begin",
        "2025-04-02",
        [
            ev(
                "repairs", "2025-04-01", "2025-04-30", label="April 2025", entities=["cumbria-county-council"]
            ),
            ev("budget", "2025-01-01", "2025-12-31", label="2025", entities=["cumbria-county-council"]),
        ],
        "Repairs begin\nCumbria County Council approved repairs.",
    )
    council = collect_entities([first, second])[0]
    page = entity_page(council)
    timeline = page[page.index("## Timeline") : page.index("## Briefings")]
    lines = [ln for ln in timeline.splitlines() if ln.startswith("- ")]
    assert [ln.split("**")[1] for ln in lines[:3]] == ["2025", "11 March 2025, evening", "April 2025"]
    assert "[Floods in Cumbria](../briefings/floods.md#bf-s-warned)" in timeline  # to the sentence
    assert "[Repairs begin](../briefings/repairs.md#bf-s-repairs)" in timeline
    assert "Summary other" not in timeline
    assert timeline.index("Also reported, undated") < timeline.index("Summary plans")


def test_entity_timeline_escapes_article_text():
    item = Reported(
        "briefings/x.md",
        "A *bold* [title]",
        Event(
            id="x",
            summary="Costs rose to $5 <b>m</b>",
            sentence=(0, 5),
            earliest="2025-03-12",
            latest="2025-03-12",
            label="12 March 2025",
        ),
    )
    line = entity_timeline_markdown([item], "entities/e.md")[0]
    assert "<b>" not in line and "&lt;b&gt;" in line and "\\*bold\\*" in line


def test_site_timeline_page_counts_and_lists_dated_events():
    b = _briefing(
        "briefings/floods.md",
        "Floods",
        "2025-03-12",
        [ev("a", "2025-03-12", label="12 March 2025"), ev("u", None)],
        "Floods\nCumbria County Council met.",
    )
    page = timeline_page([b])
    assert "1 dated event reported in 1 briefing" in page and "## March 2025" in page
    assert "Summary u" not in page
