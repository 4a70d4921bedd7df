"""Tooltip spans in Markdown, the timeline HTML and the page panels, on hand-made annotations."""

from __future__ import annotations

import html
import json
import re

from markdown_it import MarkdownIt

from briefing.markdown_offsets import markdown_text
from briefing.model import Annotations, Document, Entity, Event, Mention, Place
from briefing.render.page import render_panels, safe_json
from briefing.render.timeline import render_timeline
from briefing.render.tooltips import choose_mentions, tooltip_text, wrap_mentions


def _annotations(text: str, names: dict[str, tuple[str, str]]) -> Annotations:
    ents = []
    for surface, (eid, etype) in names.items():
        ms = [Mention(m.start(), m.end(), surface) for m in re.finditer(re.escape(surface), text)]
        ent = next((e for e in ents if e.id == eid), None)
        if ent is None:
            ents.append(Entity(id=eid, name=surface, type=etype, mentions=ms))
        else:
            ent.mentions = sorted(ent.mentions + ms)
    return Annotations(document=Document(text=text, title=text.split("\n")[0]), entities=ents)


def _visible_text(markdown: str) -> str:
    rendered = MarkdownIt("commonmark").render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


BODY = (
    "# Paris talks\n\nLeaders met in **Paris** on Monday. The [Paris office](http://x.org) said\n"
    "that `Paris` was calm, and Paris agreed.\n\nParis again, with *Lyon* too.\n"
)


def test_wrap_keeps_text_and_skips_links_code_headings():
    text, segments, _ = markdown_text(BODY)
    ann = _annotations(text, {"Paris": ("paris", "GPE"), "Lyon": ("lyon", "GPE")})
    out = wrap_mentions(BODY, segments, ann, mode="all")
    assert _visible_text(out) == _visible_text(BODY)
    assert out.count('data-bf="paris"') == 3  # bold, plain, second paragraph; not heading/link/code
    assert "[Paris office](http://x.org)" in out and "`Paris`" in out and "# Paris talks" in out
    assert '*<span class="bf-m bf-t-gpe" data-bf="lyon"' in out


def test_paragraph_mode_marks_first_mention_per_paragraph():
    text, segments, _ = markdown_text(BODY)
    ann = _annotations(text, {"Paris": ("paris", "GPE")})
    first = wrap_mentions(BODY, segments, ann, mode="first")
    para = wrap_mentions(BODY, segments, ann, mode="paragraph")
    assert first.count('data-bf="paris"') == 1
    assert para.count('data-bf="paris"') == 2
    assert len(choose_mentions(ann, segments, "all")) == 3


def test_mention_split_by_emphasis_is_wrapped_piecewise():
    body = "Troops of the **US** Central Command moved.\n"
    text, segments, _ = markdown_text(body)
    start = text.index("US Central Command")
    ent = Entity(
        id="us-central-command",
        name="US Central Command",
        type="ORG",
        mentions=[Mention(start, start + len("US Central Command"), "US Central Command")],
    )
    out = wrap_mentions(body, segments, Annotations(Document(text=text), [ent]), mode="all")
    assert out.count('data-bf="us-central-command"') == 2
    assert out.count("tabindex") == 1
    assert _visible_text(out) == _visible_text(body)


def test_tooltip_text_is_escaped_in_attributes():
    body = "Alpha met Bob.\n"
    text, segments, _ = markdown_text(body)
    ent = Entity(
        id="bob",
        name="Bob",
        type="PERSON",
        description='"><script>alert(1)</script>',
        mentions=[Mention(10, 13, "Bob")],
    )
    out = wrap_mentions(body, segments, Annotations(Document(text=text), [ent]))
    assert "<script>" not in out
    assert "&lt;script&gt;" in out and "&quot;&gt;" in out
    assert "Bob — Person" in tooltip_text(ent) and "Mentioned 1 time" in tooltip_text(ent)


def test_timeline_is_chronological_with_undated_apart():
    doc = Document(text="x" * 200, title="T")
    events = [
        Event(
            id="b",
            summary="Second <thing>",
            sentence=(50, 90),
            earliest="2024-10-28",
            latest="2024-10-28",
            label="28 Oct 2024",
        ),
        Event(
            id="a",
            summary="First",
            sentence=(0, 40),
            earliest="2024-08-01",
            latest="2024-08-31",
            label="Aug 2024",
            places=["iraq"],
        ),
        Event(id="c", summary="Undated thing", sentence=(100, 140)),
    ]
    ann = Annotations(
        document=doc,
        events=sorted(events, key=lambda e: e.earliest or "9"),
        entities=[Entity("iraq", "Iraq", "GPE")],
    )
    out = render_timeline(ann, linked={"a"})
    assert out.index("Aug 2024") < out.index("28 Oct 2024")
    assert "Second &lt;thing&gt;" in out
    assert out.index("Undated thing") > out.index("</ol>")
    assert 'href="#bf-s-a"' in out and 'href="#bf-s-b"' not in out
    assert 'href="#bf-place-iraq"' in out


def test_inline_json_cannot_close_its_script():
    payload = {"x": "</script><script>alert(1)</script><!--"}
    text = safe_json(payload)
    assert "</script" not in text and "<!--" not in text
    assert json.loads(text) == payload


def test_panels_have_map_places_and_data():
    text = "Head\nIraq and Syria."
    ents = [
        Entity("iraq", "Iraq", "GPE", mentions=[Mention(5, 9, "Iraq")]),
        Entity("syria", "Syria", "GPE", mentions=[Mention(14, 19, "Syria")]),
    ]
    places = [
        Place("iraq", "Iraq", 33.0, 43.7, "country", "IQ"),
        Place("syria", "Syria", 35.0, 38.5, "country", "SY"),
    ]
    out = render_panels(Annotations(Document(text=text, title="Head"), ents, places), linked=set())
    assert "<svg" in out and 'id="bf-place-iraq"' in out and 'id="bf-place-syria"' in out
    data = json.loads(
        html.unescape(re.search(r'<div class="bf-data" hidden data-json="([^"]*)"></div>', out).group(1))
    )
    assert set(data["entities"]) == {"iraq", "syria"}
    assert 'id="bf-tip-iraq"' in out


def test_a_country_and_its_demonym_placed_on_it_are_one_line_and_one_marker():
    from briefing.model import Annotations, Document, Entity, Mention, Place
    from briefing.render.page import place_markers, render_places

    text = "Iraqi forces entered Mosul, Iraq, on Monday."
    ents = [Entity("iraqi", "Iraqi", "NORP", mentions=[Mention(0, 5, "Iraqi")]),
            Entity("mosul", "Mosul", "GPE", mentions=[Mention(21, 26, "Mosul")]),
            Entity("iraq", "Iraq", "GPE", mentions=[Mention(28, 32, "Iraq")])]
    places = [Place("iraq", "Iraq", 33.0, 43.9, "country", "IQ", "gazetteer"),
              Place("mosul", "Mosul", 36.3, 43.1, "city", "IQ", "gazetteer"),
              Place("iraqi", "Iraq", 33.0, 43.9, "country", "IQ", "gazetteer")]
    ann = Annotations(Document(text=text, title="Mosul"), entities=ents, places=places)
    assert [m.id for m in place_markers(ann)] == ["iraq", "mosul"]
    html_text = render_places(ann)
    assert html_text.count('class="bf-place-name">Iraq<') == 1
    assert "2 mentions" in html_text  # Iraq's own mention and the demonym's


def test_an_entity_named_only_in_the_headline_still_has_its_anchor():
    from briefing.model import Annotations, Document, Entity, Mention
    from briefing.render.tooltips import plain_text_html

    text = "Talks in Havana\nOfficials met on Monday."
    ann = Annotations(Document(text=text, title="Talks in Havana"),
                      entities=[Entity("havana", "Havana", "GPE", mentions=[Mention(9, 15, "Havana")])])
    body = plain_text_html(ann)
    assert body.startswith('<p><span id="bf-e-havana" class="bf-anchor"></span>Officials')
