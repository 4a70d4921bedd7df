"""Reading seeds and Markdown pages into documents, and mapping text back to the source."""

from __future__ import annotations

import html
import re

import pytest

from briefing.markdown_offsets import markdown_text
from briefing.sources import SourceError, read_source, seed_markdown


def test_seed_text_is_headline_and_paragraphs(seed_path, seed_text):
    src = read_source(seed_path)
    assert src.document.section == "Politics"
    assert src.document.title == "US Airstrikes Kill Up to 35 ISIS Operatives in Syria"
    assert src.document.text == seed_text
    assert src.document.date is None


def test_seed_markdown_round_trips_to_the_same_text(seed_path):
    src = read_source(seed_path)
    text, segments, h1 = markdown_text(src.body)
    assert text == src.document.text
    assert h1 == src.document.title
    # every body character is locatable, so every mention can be wrapped
    body_segments = [s for s in segments if s.block > 1]
    assert body_segments and all(s.wrappable for s in body_segments)


@pytest.mark.parametrize(
    "line",
    [
        "1. Not a list",
        "# not a heading",
        "- not a bullet",
        "> not a quote",
        "a *b* _c_ `d` [e](f) <i>g</i> & h",
        "\\ backslash",
        "+ plus",
        "!!! note",
        "| a | b |",
        "We are number one ##",
        'Head {: onclick="x()" }',
        "~~~ fence",
        "= equals",
        ": colon",
        "Price #1 {sale}",
    ],
)
def test_escaped_seed_lines_stay_plain_text(line):
    import markdown

    md = seed_markdown(line, [line])
    text, segments, _ = markdown_text(md)
    assert text == line + "\n" + line
    rendered = markdown.markdown(md, extensions=["attr_list", "admonition", "tables"])
    blocks = re.findall(r"<(h1|p)>(.*?)</\1>", rendered)  # no attributes slipped in, nothing else
    assert [(tag, html.unescape(inner)) for tag, inner in blocks] == [("h1", line), ("p", line)]


def test_markdown_text_skips_code_and_marks_unwrappable(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(
        "---\ntitle: Hello\ndate: 2024-01-02\nsection: World\n---\n"
        "Some **bold Paris** text and [a Paris link](http://x.org) and `Paris code`.\n\n"
        "    indented Paris code block\n\n| Paris | b |\n|---|---|\n| c | d |\n",
        encoding="utf-8",
    )
    src = read_source(page)
    d = src.document
    assert (d.title, d.section, d.date, d.date_source) == ("Hello", "World", "2024-01-02", "metadata")
    assert "indented" not in d.text
    for seg in src.segments:
        piece = d.text[seg.start : seg.end]
        if seg.wrappable:
            assert src.body[seg.src : seg.src_end] == piece
    wrappable_text = "".join(d.text[s.start : s.end] for s in src.segments if s.wrappable)
    assert "bold Paris" in wrappable_text
    assert "a Paris link" not in wrappable_text and "Paris code" not in wrappable_text
    assert "Paris | b" not in d.text and "Paris\nb" in d.text


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\nbody\n", "malformed front matter"),
        (b"---\ndate: 2024-02-30\n---\nbody\n", "does not exist"),
        (b"---\n- a list\n---\nbody\n", "must be a mapping"),
    ],
)
def test_bad_sources_give_one_line_errors_naming_the_file(tmp_path, content, message):
    page = tmp_path / "bad.md"
    page.write_bytes(content)
    with pytest.raises(SourceError) as err:
        read_source(page)
    text = str(err.value)
    assert "\n" not in text and str(page) in text and message in text


def test_bom_and_crlf_are_normalised(tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_bytes("\ufeffWorld\r\nHeadline here\r\n\r\nFirst paragraph.\r\nSecond one.\r\n".encode())
    doc = read_source(seed).document
    assert doc.section == "World"
    assert doc.text == "Headline here\nFirst paragraph.\nSecond one."


def test_headline_only_seed_is_an_error(tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_text("World\n", encoding="utf-8")
    with pytest.raises(SourceError, match="needs a section line"):
        read_source(seed)


def test_a_headline_without_words_is_an_error_naming_the_file(tmp_path):
    seed = tmp_path / "bad.txt"
    seed.write_text("World\n.\nChina said on Thursday that talks would resume.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.txt: the headline line '\.' has no words"):
        read_source(seed)


def test_seed_pages_are_named_after_their_files():
    from briefing.articles import file_slug

    names = [
        file_slug(n) for n in ("Ελλάδα.txt", "Ελλάς.txt", "γ.txt", "2025-03-12 River Eden.txt", "a_b.txt")
    ]
    assert names[3] == "2025-03-12-river-eden" and names[4] == "a-b"
    assert len(set(names)) == 5  # names in other scripts get distinct, stable hashes
    assert all(n and not n.startswith((".", "-")) for n in names)
