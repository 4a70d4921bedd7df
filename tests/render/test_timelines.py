"""The site timeline and each entity's timeline: periods, order within a day, labels, links."""

from __future__ import annotations

import re

from briefing.datelabels import period_of
from briefing.model import Annotations, Document, Entity, Event, Mention
from briefing.render import sitepages
from briefing.render.timeline import date_label
from briefing.structure import BriefingRef, build_site, event_order, paginate


def url(uri: str) -> str:
    """Links as a page at the site's top would make them (the views take this function)."""
    return uri.removesuffix(".md") + ".html"


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
    b = _briefing(
        "briefings/a.md",
        "A",
        "2005-06-01",
        [
            ev("jan", "2005-01-18", label="18 January 2005"),
            ev("year", "2005-01-01", "2005-12-31", label="2005"),
            ev("mar", "2005-03-01", "2005-03-31", label="March 2005"),
        ],
        "A\nCumbria County Council met.",
    )
    items = sitepages.dated_events(build_site([b]))
    ((p, chunk),) = sitepages.year_pages("2005", items, 100)
    html = sitepages.year_page("2005", len(items), p, chunk, url)
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == ["2005", "January 2005", "March 2005"]  # the year above its months
    assert html.index("Summary year") < html.index("January 2005") < html.index("Summary jan")
    assert 'href="briefings/a.html#bf-s-year"' in html  # to the sentence that reports it


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
        events=[_in_body(e, title) for e in events],
    )
    return BriefingRef(uri, title, "News", date, ann)


def _in_body(e: Event, title: str) -> Event:
    """The event's sentence after the headline (a headline event links to the timeline entry)."""
    e.sentence = (len(title) + 1, len(title) + 10)
    return e


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
    site = build_site([first, second])
    council = site.entities["cumbria-county-council"]
    events = sitepages.entity_events(site)["cumbria-county-council"]
    ((p, chunk),) = paginate(council.uri, council.appearances, 20)
    page = sitepages.entity_page(site, council, p, chunk, url, events=events)
    timeline = page[page.index('id="bf-h-timeline"') : page.index('id="bf-h-briefings"')]
    labels = re.findall(r'<time class="bf-tl-date"[^>]*>(.*?)</time>', timeline)
    assert labels == ["2025", "11 March 2025, evening", "April 2025"]  # in the order of time
    assert 'href="briefings/floods.html#bf-s-warned"' in timeline  # to the sentence
    assert 'href="briefings/repairs.html#bf-s-repairs"' in timeline
    assert "Summary other" not in timeline and "Summary plans" not in timeline  # not his; undated


def test_entity_timeline_keeps_the_latest_when_there_are_many():
    b = _briefing(
        "briefings/x.md",
        "X",
        "2025-03-31",
        [ev(f"e{d:02d}", f"2025-03-{d:02d}", entities=["cumbria-county-council"]) for d in range(1, 31)],
        "X\nCumbria County Council met.",
    )
    site = build_site([b])
    events = sitepages.entity_events(site)["cumbria-county-council"]
    html = sitepages.entity_timeline(events, url, 10)
    assert html.count('class="bf-tl-event') == 10 and "The latest 10 of 30 dated events" in html
    assert "Summary e30" in html and "Summary e20" not in html


def test_entity_timeline_escapes_article_text():
    b = _briefing(
        "briefings/x.md",
        "A *bold* <i>title</i>",
        "2025-03-12",
        [
            Event(
                id="x",
                summary="Costs rose to $5 <b>m</b>",
                sentence=(0, 5),
                earliest="2025-03-12",
                latest="2025-03-12",
                label="12 March 2025",
                entities=["cumbria-county-council"],
            )
        ],
        "A *bold* <i>title</i>\nCumbria County Council met.",
    )
    html = sitepages.entity_timeline(
        sitepages.entity_events(build_site([b]))["cumbria-county-council"], url, 5
    )
    assert "<b>" not in html and "&lt;b&gt;" in html and "<i>" not in html


def test_site_timeline_page_counts_and_lists_dated_events():
    b = _briefing(
        "briefings/floods.md",
        "Floods",
        "2025-03-12",
        [ev("a", "2025-03-12", label="12 March 2025"), ev("u", None)],
        "Floods\nCumbria County Council met.",
    )
    site = build_site([b])
    page = sitepages.timeline_index(site, sitepages.dated_events(site), url, 20)
    assert "1 dated event reported in 1 briefing" in page and 'href="timeline/2025.html"' in page
    assert "Summary a" in page and "Summary u" not in page
