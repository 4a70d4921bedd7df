"""Events dated like a careful editor, on invented articles (a flood in Cumbria and others).

The real spaCy model parses them; each test names the reading it checks.
"""

from __future__ import annotations

import re

import pytest

from briefing.model import Document
from briefing.pipeline import annotate_document, annotate_text
from briefing.sources import read_seed

FLOOD = """News
Floods close roads and homes across Cumbria
CARLISLE, Cumbria, Wednesday 12 March 2025 — Floodwater entered homes in Carlisle shortly after midnight, \
and by 3am the River Eden had burst its banks in three places. The Environment Agency issued a severe flood \
warning on Tuesday evening, three days after the worst flooding since 2015 had closed the M6.
Cumbria County Council said on Wednesday that 240 properties had been flooded and that repairs would cost \
at least £40m. The council opened a rest centre at the Sands Centre, where 85 residents spent the night.
The Farmers' Union said livestock had been moved from fields near Appleby-in-Westmorland before the water \
rose. Its chairman, Tom Hadley, 54, of 1935 Scotby Road, said the 1990 flood defences "did their job for \
thirty years".
Forecasters expect more rain over the weekend, and the Met Office has issued a yellow warning.
Copyright 2025 Cumbria News Agency. All rights reserved.
"""


@pytest.fixture(scope="module")
def flood(tmp_path_factory):
    path = tmp_path_factory.mktemp("flood") / "flood.txt"
    path.write_text(FLOOD, encoding="utf-8")
    return annotate_document(read_seed(path).document)


def by_text(ann, words: str):
    found = [e for e in ann.events if words in e.summary]
    assert found, f"no event tells {words!r}: {[e.summary for e in ann.events]}"
    return found[0]


def test_summaries_are_the_articles_own_words(flood):
    text = flood.text
    for ev in flood.events:
        assert ev.summary.removesuffix("…") in text, ev.summary  # a verbatim span, never re-joined tokens
    summaries = " ".join(e.summary for e in flood.events)
    for quoted in ("£40m", "Appleby-in-Westmorland", "Farmers' Union", "240 properties"):
        assert quoted in summaries
    assert not re.search(r"£ \d|\d am\b", summaries)


def test_long_summaries_are_cut_at_a_word_with_an_ellipsis():
    from briefing.events import shorten

    text = "one two three four five six"
    assert shorten(text, words=3) == "one two three…"
    assert shorten(text, words=6) == text


def test_the_dateline_is_the_documents_date_not_an_event(flood):
    assert (flood.document.date, flood.document.date_from) == ("2025-03-12", "dateline")
    assert not any("CARLISLE" in e.summary for e in flood.events)
    first = by_text(flood, "Floodwater entered homes")
    assert flood.text[first.sentence[0] :].startswith("Floodwater")  # the sentence starts after the dateline


def test_times_within_a_day_in_clock_order(flood):
    midnight = by_text(flood, "Floodwater entered homes")
    three = by_text(flood, "burst its banks")
    assert midnight.value.endswith("T00:00") and three.value.endswith("T03:00")  # after midnight: 00:00
    order = [e.id for e in flood.events]
    assert order.index(midnight.id) < order.index(three.id)
    assert midnight.label == "after midnight on 12 March 2025" and three.label == "by 03:00 on 12 March 2025"


def test_a_subject_the_parser_hung_on_a_preposition_still_tells_who(flood):
    # ("and by 3am the River Eden had burst": the parser hangs "Eden" on "by")
    assert by_text(flood, "burst its banks").summary == "the River Eden had burst its banks in three places"


def test_dates_of_things_date_no_happening(flood):
    years = {e.earliest[:4] for e in flood.events if e.earliest}
    assert years == {"2025"}  # not 1935 (a house number), 1990 (a modifier), 2015 (a comparison)
    assert not any("Copyright" in e.summary or "rights reserved" in e.summary for e in flood.events)
    warning = by_text(flood, "issued a severe flood warning")
    assert (warning.earliest, warning.label) == ("2025-03-11", "11 March 2025, evening")  # its own clause


def test_reported_happenings_are_anchored_to_the_article(flood):
    centre = by_text(flood, "opened a rest centre")
    assert (centre.earliest, centre.latest, centre.approximate) == ("2025-03-12", "2025-03-12", True)
    assert centre.label == "by 12 March 2025"
    said = by_text(flood, "Cumbria County Council said on Wednesday")
    assert (said.earliest, said.approximate) == ("2025-03-12", False)
    weekend = by_text(flood, "expect more rain over the weekend")
    assert weekend.label == "the weekend of 15–16 March 2025"  # forecasts look ahead


def test_present_perfect_is_the_articles_day_and_the_future_stays_undated():
    ann = annotate_text(
        "Software glitch\nAirbus has confirmed a software glitch on the A400M. The company will "
        "publish a report next month. Airbus will meet the regulator again.",
        "2025-03-12",
    )
    confirmed = by_text(ann, "has confirmed")
    assert (confirmed.earliest, confirmed.approximate, confirmed.label) == (
        "2025-03-12",
        False,
        "12 March 2025",
    )
    report = by_text(ann, "will publish a report")
    assert (report.earliest, report.latest) == ("2025-04-01", "2025-04-30")  # its own date
    assert by_text(ann, "will meet the regulator").earliest is None


def test_a_deadline_bounds_a_plan_without_dating_it():
    ann = annotate_text("Plant closures\nThe carmaker said it will close 12 plants by 2027.", "2025-03-12")
    assert all(e.earliest in (None, "2025-03-12") for e in ann.events)


def test_one_entry_per_happening_when_a_sentence_names_two_dates():
    ann = annotate_text(
        "Weather\nForecasters at the Met Office expect heavy rain on Saturday and Sunday.", "2025-03-12"
    )
    assert len(ann.events) == 1
    ev = ann.events[0]
    assert (ev.earliest, ev.latest, ev.label) == ("2025-03-15", "2025-03-16", "15–16 March 2025")


def test_the_clause_that_reports_the_event_dates_it():
    ann = annotate_text(
        "Library to close\nThe council, which was founded in 1974, voted on Tuesday to close the library.",
        "2025-03-12",
    )
    vote = next(e for e in ann.events if e.earliest == "2025-03-11")
    assert "voted on Tuesday" in vote.summary
    founded = next(e for e in ann.events if e.earliest == "1974-01-01")
    assert "voted" not in founded.summary


def test_a_pronoun_subject_takes_part_as_the_person_it_points_to():
    ann = annotate_text(
        "Interview\nTom Hadley farms near Appleby. He said the water rose quickly.", "2025-03-12"
    )
    said = by_text(ann, "He said")
    assert said.entities == ["tom-hadley"]


def test_a_name_that_only_qualifies_a_role_is_no_participant_unless_the_role_speaks():
    ann = annotate_text("Appointment\nAcme Rail chairman Tom Hadley flew to Leeds on Monday. Acme Rail "
                        "spokesman Alan Reid said the trams were safe.", "2025-03-12")
    assert {e.id for e in ann.entities} >= {"acme-rail", "tom-hadley", "alan-reid"}
    flew = by_text(ann, "flew to Leeds")
    assert "tom-hadley" in flew.entities and "acme-rail" not in flew.entities  # his trip, not the firm's
    said = by_text(ann, "said the trams were safe")
    assert {"alan-reid", "acme-rail"} <= set(said.entities)  # the company speaks through its spokesman


def test_without_a_document_date_reported_happenings_stay_undated():
    ann = annotate_document(Document(text="Floods\nThe council opened a rest centre in Carlisle."))
    assert ann.document.date is None and all(e.earliest is None for e in ann.events)


def test_history_told_in_the_past_is_not_the_articles_day():
    ann = annotate_text(
        "Bridge reopens\nThe Eden Bridge in Carlisle was once named Victoria Bridge.", "2025-03-12"
    )
    assert by_text(ann, "was once named").earliest is None


def test_saying_a_recent_happening_is_not_a_second_event():
    ann = annotate_text(
        "Line closed\nFloodwater closed the railway near Penrith on Tuesday evening, Network Rail said.",
        "2025-03-12",
    )
    assert len(ann.events) == 1, [e.summary for e in ann.events]
    ev = ann.events[0]
    assert ev.earliest == "2025-03-11" and "network-rail" in ev.entities
    ann = annotate_text("Ferry lost\nTwo crew members drowned when a ferry sank on Tuesday, coastguard "
                        "officer Ahmed Deraz said.", "2025-03-12")
    assert any("drowned" in e.summary for e in ann.events), [e.summary for e in ann.events]


def test_saying_now_what_happened_months_ago_stays_two_events():
    ann = annotate_text(
        "Sales\nThe carmaker Ford said its sales rose 43% in February.", "2025-06-12"
    )
    assert {e.earliest for e in ann.events} == {"2025-06-12", "2025-02-01"}, [
        (e.summary, e.earliest) for e in ann.events]


def test_the_date_a_first_since_is_measured_from_dates_nothing(tmp_path):
    path = tmp_path / "kendal.txt"
    path.write_text("News\nKendal floods again\nKENDAL, Cumbria, Thursday 13 March 2025 — Roads were closed "
                    "around Sedbergh on Thursday. The River Kent flooded parts of Kendal for the first time "
                    "since Storm Desmond in December 2015.\n", encoding="utf-8")
    ann = annotate_document(read_seed(path).document)
    flood = by_text(ann, "River Kent flooded")
    assert flood.earliest == "2025-03-13", (flood.earliest, flood.label)
    ann = annotate_text("Results\nGM posted its first annual loss since 1992 on Thursday.", "2006-01-27")
    assert by_text(ann, "posted").earliest == "2006-01-26"  # another date ends the 'since' phrase


def test_a_when_clause_dates_its_head_and_the_sentence_tells_one_happening():
    ann = annotate_text("Jobs\nAcme Corp cut 500 jobs when sales collapsed in January.", "2025-03-12")
    assert len(ann.events) == 1, [(e.summary, e.earliest) for e in ann.events]
    ev = ann.events[0]
    assert (ev.earliest, ev.latest) == ("2025-01-01", "2025-01-31")
    assert ev.summary == "Acme Corp cut 500 jobs when sales collapsed in January"  # who, and the date's words
    ann = annotate_text("Storm\nWhen the storm hit on Monday, Acme Corp closed its plant.", "2025-03-12")
    assert [(e.earliest, e.summary) for e in ann.events] == [
        ("2025-03-10", "When the storm hit on Monday, Acme Corp closed its plant")]


def test_an_after_clause_dates_its_head_approximately_and_its_own_date_wins():
    ann = annotate_text("Resignation\nThe mayor resigned after the council voted on Monday.", "2025-03-12")
    assert [(e.earliest, e.approximate) for e in ann.events] == [("2025-03-10", True)]
    ann = annotate_text("Plant\nAcme Corp closed its plant on Friday when the storm hit on Monday.",
                        "2025-03-12")
    assert [(e.earliest, e.approximate) for e in ann.events] == [("2025-03-07", False)]


def test_a_before_clause_does_not_date_its_head():
    ann = annotate_text("Shares\nAcme Corp sold its shares before the market crashed in January.",
                        "2025-03-12")
    assert not any(e.earliest == "2025-01-01" and "sold" in e.summary for e in ann.events), [
        (e.summary, e.earliest) for e in ann.events]


def test_a_cut_never_ends_on_a_word_that_promises_more_nor_parts_a_number():
    from briefing.events import shorten

    assert shorten("Sales of the new model rose in the first quarter of the year", words=8) == (
        "Sales of the new model rose…")  # not "rose in the…"
    assert shorten("Acme won a contract worth US$12 billion from the city council", words=6) == (
        "Acme won a contract worth US$12 billion…")  # not "US$12…"
    whole = "Acme won a contract worth US$12 billion"
    assert shorten(whole, words=6) == whole
    assert shorten("The plant's output, which fell, is now rising", words=6) == (
        "The plant's output, which fell…")
    assert shorten("Acme closed the plant", cut=True) == "Acme closed the plant…"


def test_a_clause_that_stops_before_its_sentence_does_ends_with_an_ellipsis():
    ann = annotate_text("Plans\nThe council will open a new library in 2026 and the first readers "
                        "should borrow books in 2028.", "2025-03-12")
    begin = by_text(ann, "will open a new library in 2026")
    assert begin.summary == "The council will open a new library in 2026…"
    reach = by_text(ann, "should borrow books")
    assert reach.summary == "the first readers should borrow books in 2028"  # its sentence ends there
    text = ann.text
    for ev in ann.events:
        span = ev.summary.removesuffix("…")
        assert span in text
        words = span.split()
        assert ev.summary.endswith("…") or text[ev.sentence[0] : ev.sentence[1]].rstrip(". ").endswith(span)
        assert words[-1].lower() not in {"the", "of", "and", "to", "a"}


def test_a_clause_without_its_own_subject_keeps_the_near_subject_it_shares():
    ann = annotate_text("Launch\nThe bakery is hoping to open a second shop in 2027.", "2025-03-12")
    launch = next(e for e in ann.events if e.earliest == "2027-01-01")
    assert launch.summary == "The bakery is hoping to open a second shop in 2027"  # who launches
    ann = annotate_text("Sale\nThe board of the carmaker, led by its new chairman Tom Hadley of Leeds, "
                        "agreed on Monday to sell the old plant in 2027.", "2025-03-12")
    sale = next(e for e in ann.events if e.earliest == "2027-01-01")
    assert sale.summary.endswith("in 2027")  # a far subject would push the clause's own date past the cut


def test_a_headline_in_the_progressive_tells_the_articles_day():
    # (spaCy makes a new Token on every access: a root is found by "==", never by "is")
    ann = annotate_text("Acme Corp pushing back launch of its new van\nAcme Corp said the van was late.",
                        "2025-03-12")
    head = by_text(ann, "pushing back launch")
    assert head.earliest == "2025-03-12"


def test_a_headline_in_the_bare_passive_tells_the_articles_day():
    ann = annotate_text("Acme Corp bridge reopening postponed after flood\n"
                        "Acme Corp said the bridge was shut.", "2025-03-12")
    head = by_text(ann, "postponed after flood")
    assert (head.earliest, head.approximate) == ("2025-03-12", False)  # "has been postponed"


def test_the_simple_present_of_a_body_sentence_is_a_state_not_the_articles_day():
    ann = annotate_text("Acme Rail orders forty trams\nAcme Rail owns a stake in Bolt Bakeries. The Acme "
                        "depot is built around one yard. Acme Rail says the trams will arrive soon.",
                        "2025-03-12")
    assert by_text(ann, "owns a stake").earliest is None
    assert by_text(ann, "is built around").earliest is None
    assert by_text(ann, "says the trams").earliest == "2025-03-12"  # a statement is made on its day
    assert by_text(ann, "orders forty trams").earliest == "2025-03-12"  # a headline's present tells the news


def test_a_present_state_qualified_by_currently_holds_on_the_articles_day():
    ann = annotate_text("Acme Rail orders forty trams\nAcme Rail owns a stake in Bolt Bakeries. It currently "
                        "runs twelve depots in the north.", "2025-03-12")
    assert by_text(ann, "owns a stake").earliest is None  # a state, no day
    assert by_text(ann, "currently runs twelve depots").earliest == "2025-03-12"  # a state as of today


@pytest.mark.parametrize("headline", [
    "Acme Rail files for bankruptcy",  # "files" after a name: read as a plural noun
    "Bolt Bakeries bread sales plunge by 45%",  # the base form after a plural: read as a noun
    "Acme Rail files for bankruptcy, Bolt Bakeries to run company",  # the root is "to run"
])
def test_a_headline_verb_the_tagger_read_as_a_noun_tells_the_news(headline):
    ann = annotate_text(f"{headline}\nAcme Rail said the year had been hard for tram makers.", "2025-03-12")
    head = next((e for e in ann.events if e.sentence[0] == 0), None)
    assert head is not None, [e.summary for e in ann.events]
    assert (head.summary, head.earliest) == (headline, "2025-03-12")  # the whole headline, on its day


def test_a_headline_without_a_verb_tells_no_event():
    ann = annotate_text("Technical problem on Acme Rail maiden journey\nAcme Rail said a door had jammed.",
                        "2025-03-12")
    assert not [e for e in ann.events if e.sentence[0] == 0]


def test_a_makers_name_that_says_which_product_is_no_participant():
    ann = annotate_text("Orders\nAcme Aerospace Corp. delivered its first jet in May. Bolt Airways bought "
                        "twelve Acme Aerospace jets on Monday.", "2025-03-12")
    first = by_text(ann, "delivered its first jet")
    assert first.entities == ["acme-aerospace-corp"]  # the maker acts
    bought = by_text(ann, "bought twelve")
    assert bought.entities == ["bolt-airways"]  # the maker's name says which jets


def test_a_statement_is_its_speakers_and_what_it_reports_is_its_own_event():
    ann = annotate_text("Tram deal\nAcme Rail chief Tom Hadley said on Monday that Leeds City Council would "
                        "buy the old depot. Later he said that Acme Rail is cutting costs.", "2025-03-12")
    said = by_text(ann, "said on Monday that Leeds")
    assert "tom-hadley" in said.entities and "leeds-city-council" not in said.entities
    buy = next(e for e in ann.events if e.summary == "Leeds City Council would buy the old depot")
    assert (buy.entities, buy.earliest) == (["leeds-city-council"], None)  # reported future: no day
    cutting = next(e for e in ann.events if e.summary == "Acme Rail is cutting costs")
    assert cutting.earliest == by_text(ann, "he said that Acme Rail").earliest  # going on when said


def test_a_statement_that_reports_a_dated_happening_keeps_its_names():
    ann = annotate_text("Strikes\nThe US military announced on Wednesday that airstrikes conducted on Monday "
                        "evening killed 35 ISIS operatives in Syria.", "2024-10-30")
    assert not [e for e in ann.events if e.summary.startswith("airstrikes") and e.earliest is None]


LOSS = ("Acme Rail posts record loss\n{caption}Acme Rail has posted its first annual loss in a decade. "
        "The company admitted {when} that the loss could grow. Its chairman Tom Hadley resigned.")


@pytest.mark.parametrize("caption", ["", "Acme Rail logo.\n"])  # a caption is no lead
def test_a_lead_without_a_date_happened_on_the_day_the_article_goes_on_to_name(caption):
    ann = annotate_text(LOSS.format(caption=caption, when="on Tuesday night"), "2025-03-13")
    for words in ("Acme Rail posts record loss", "has posted its first annual loss"):
        e = by_text(ann, words)
        assert (e.earliest, e.latest, e.label) == ("2025-03-11", "2025-03-11", "11 March 2025"), words
    assert by_text(ann, "posts record loss").summary == "Acme Rail posts record loss"  # its subject told
    resigned = by_text(ann, "Tom Hadley resigned")  # the story's other news in the past: its day too
    assert (resigned.earliest, resigned.label) == ("2025-03-11", "11 March 2025")


@pytest.mark.parametrize("when", ["on 2 March", "on Thursday"])  # beyond the news days; the article's day
def test_a_lead_stays_on_the_articles_day_unless_a_recent_day_is_named(when):
    ann = annotate_text(LOSS.format(caption="", when=when), "2025-03-13")
    assert by_text(ann, "has posted its first annual loss").earliest == "2025-03-13"
    assert by_text(ann, "Tom Hadley resigned").label == "by 13 March 2025"


def test_a_lead_in_the_present_tells_today_not_the_day_named_after_it():
    ann = annotate_text("Trams\nAcme Rail is cutting 300 jobs at its Leeds depot. Acme Rail admitted on "
                        "Tuesday that the depot had lost money.", "2025-03-13")
    assert by_text(ann, "is cutting 300 jobs").earliest == "2025-03-13"


def test_a_lead_run_on_from_its_dateline_is_a_sentence_of_its_own():
    from briefing.nlp import parse

    text = ("Acme Rail posts unexpected profits\nNovember 03, 2025 The British train maker Acme Rail has "
            "said that it posted a net profit of 997 million pounds in the third quarter of this year, and "
            "predicted that it would grow.")
    assert [s.text.strip() for s in parse(text).sents][1] == "November 03, 2025"
    said = by_text(annotate_text(text, "2025-11-03"), "has said that it posted")
    assert (said.earliest, "acme-rail" in said.entities) == ("2025-11-03", True)


def test_an_exact_count_before_a_named_event_is_that_day():
    ann = annotate_text("Acme Rail to cut jobs\nAcme Rail said that it would cut 300 jobs. A day before "
                        "the announcement, Acme Rail said it was cancelling a deal with Bolt Bakeries. Tom "
                        "Hadley announced the move on Wednesday.", "2025-03-13")
    cancel = by_text(ann, "said it was cancelling a deal")
    assert (cancel.earliest, cancel.latest, cancel.label) == ("2025-03-11", "2025-03-11", "11 March 2025")


def test_what_one_had_at_a_date_is_dated_but_a_state_due_then_is_not():
    ann = annotate_text("Acme Rail results\nAcme Rail had a 34 million pound debt at the end of 2024. The "
                        "new Acme Rail depot is due in May.", "2025-01-28")
    debt = by_text(ann, "had a 34 million pound debt")
    assert (debt.earliest, debt.latest, debt.label) == ("2024-09-01", "2024-12-31", "late 2024")
    assert not [e for e in ann.events if "is due in May" in e.summary and e.earliest]


def test_a_date_in_a_quoted_state_does_not_date_the_saying_and_the_quote_stays_whole():
    quote = '"While we still face challenges, 2024 was a pivotal year for Acme Rail," Tom Hadley said'
    ann = annotate_text(f"Acme Rail profits\nAcme Rail has posted a profit. {quote}.", "2025-01-28")
    said = by_text(ann, "Tom Hadley said")
    assert said.summary == quote
    assert said.earliest == "2025-01-28"  # said on the article's day, not in 2024


def test_a_clause_counted_after_its_head_is_that_many_days_before_it_and_keeps_its_own_names():
    ann = annotate_text("Acme Rail closes depots\nAcme Rail will close 40 depots. Acme Rail's move comes a "
                        "day after Bolt Bakeries, another bakery chain, released a list of 40 shops that it "
                        "was closing.", "2025-03-13")
    listed = by_text(ann, "released a list of 40 shops")
    assert (listed.earliest, listed.label) == ("2025-03-12", "12 March 2025")
    assert listed.entities == ["bolt-bakeries"]
    move = by_text(ann, "Acme Rail's move comes a day after")
    assert (move.earliest, move.entities) == ("2025-03-13", ["acme-rail"])  # the news of the day


def test_what_is_told_according_to_an_announcement_is_dated_by_it_and_a_headline_is_told_whole():
    ann = annotate_text("Acme Rail to buy depot\nAcme Rail announced on Friday that it intends to buy the "
                        "Leeds depot. According to Acme Rail's announcement, the company has told Leeds City "
                        "Council that it will pay 9 million pounds.", "2025-05-29")
    told = by_text(ann, "has told Leeds City Council")
    assert (told.earliest, told.latest) == ("2025-05-23", "2025-05-23")  # the Friday of the announcement
    assert next(e for e in ann.events if e.sentence[0] == 0).summary == "Acme Rail to buy depot"


def test_a_summary_that_opens_a_quotation_closes_it():
    ann = annotate_text('Acme Rail closes depots\nAcme Rail said the depots that were to be closed are '
                        '"underperforming and very small".', "2025-03-13")
    quoted = 'Acme Rail said the depots that were to be closed are "underperforming and very small"'
    assert by_text(ann, "Acme Rail said the depots").summary == quoted
    ann = annotate_text('Acme Rail closes depots\nAcme Rail said the depots are "too old." The plan is new.',
                        "2025-03-13")
    assert by_text(ann, "Acme Rail said the depots").summary == 'Acme Rail said the depots are "too old."'


def test_a_clause_hung_on_a_noun_through_another_verb_tells_the_noun():
    ann = annotate_text("Acme Rail raises funds\nAcme Rail will use the proceeds to prepare for the "
                        "demonstration phase expected to begin in the second half 2018, the company said.",
                        "2017-03-01")
    phase = next(e for e in ann.events if e.earliest == "2018-07-01")
    assert phase.summary == "the demonstration phase expected to begin in the second half 2018"
