"""Temporal stage: TIMEX3 tagging and normalisation, date inference, labels and bounds.

Sentences are invented for the tests; the document date is Wednesday 2024-10-30
unless a test says otherwise.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from briefing.temporal import describe_value, infer_document_date, tag_times, value_bounds
from briefing.temporal.dateline import find_dateline
from briefing.temporal.infer import find_document_date

DCT = "2024-10-30"  # a Wednesday
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d12db4dc30b4437a.txt"


def times(text: str, dct: str | None = DCT) -> dict[str, tuple[str, str, str | None]]:
    """{extent text: (type, value, mod)} for compact assertions."""
    return {t.text: (t.type, t.value, t.mod) for t in tag_times(text, dct)}


def value_of(text: str, extent: str, dct: str | None = DCT) -> str:
    found = times(text, dct)
    assert extent in found, f"{extent!r} not tagged in {found}"
    return found[extent][1]


# ----------------------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8").split("\n", 1)[1]


def test_seed_expectations(seed_text: str) -> None:
    found = times(seed_text)
    assert found["Wednesday"][1] == "2024-10-30"
    assert found["Monday evening"][1] == "2024-10-28TEV"
    assert found["Oct. 28"][1] in ("2024-10-28", "2024-10-28TEV")
    assert found["early October"][1:] == ("2024-10", "START")
    assert found["August"][1] == "2024-08"
    assert found["recently"][1] == "PAST_REF"
    assert found["Currently"][1] == "PRESENT_REF"


def test_seed_offsets_and_order(seed_text: str) -> None:
    result = tag_times(seed_text, DCT)
    assert [t.start for t in result] == sorted(t.start for t in result)
    for t in result:
        assert seed_text[t.start:t.end] == t.text


def test_seed_document_date(seed_text: str) -> None:
    assert infer_document_date(seed_text, today=date(2025, 6, 1)) == "2024-10-30"
    # Years later Oct 28 falls on other weekdays; the Monday pairing still pins 2024.
    assert infer_document_date(seed_text, today=date(2027, 1, 1)) == "2024-10-30"


# ----------------------------------------------------------------------------- days and weekdays


@pytest.mark.parametrize(("sentence", "extent", "value"), [
    ("The mayor resigned on Friday.", "Friday", "2024-10-25"),
    ("The council met on Wednesday.", "Wednesday", "2024-10-30"),
    ("The board will vote on Friday.", "Friday", "2024-11-01"),
    ("They meet again next Monday.", "next Monday", "2024-11-04"),
    ("She arrived last Thursday.", "last Thursday", "2024-10-24"),
    ("Prices fell yesterday.", "yesterday", "2024-10-29"),
    ("The shop opens today.", "today", "2024-10-30"),
    ("The vote is tomorrow.", "tomorrow", "2024-10-31"),
])
def test_days(sentence: str, extent: str, value: str) -> None:
    assert value_of(sentence, extent) == value


def test_parts_of_day() -> None:
    found = times("Fans gathered on Monday evening and again tonight; it rained this morning.")
    assert found["Monday evening"] == ("TIME", "2024-10-28TEV", None)
    assert found["tonight"][1] == "2024-10-30TNI"
    assert found["this morning"][1] == "2024-10-30TMO"
    assert value_of("The storm hit late Sunday night.", "late Sunday night") == "2024-10-27TNI"


def test_clock_times() -> None:
    found = times("The ferry left at 10:30 a.m. from the pier.")
    assert found["10:30 a.m."] == ("TIME", "2024-10-30T10:30", None)
    assert value_of("Polls closed at 8 p.m. Tuesday, officials said.", "8 p.m. Tuesday") == "2024-10-29T20:00"
    assert value_of("Launch was at 14:05 UTC.", "14:05 UTC") == "2024-10-30T14:05Z"
    assert value_of("It started at noon.", "noon") == "2024-10-30T12:00"


def test_a_clock_time_without_a_day_is_on_the_storys_day() -> None:
    text = ("Voters turned out early on Monday. The polls opened at 7 a.m. and closed at 8 p.m., "
            "officials said. In 1990 they had opened at 9 a.m.")
    found = times(text)
    assert (found["7 a.m."][1], found["8 p.m."][1]) == ("2024-10-28T07:00", "2024-10-28T20:00")
    assert found["9 a.m."][1] == "2024-10-30T09:00"  # its sentence has a date of its own
    # a day long before the article is history, not the story's day
    old = times("The plant was founded on June 1, 1990. Workers arrived at 9 a.m.")
    assert old["9 a.m."][1] == "2024-10-30T09:00"


# ----------------------------------------------------------------------------- calendar dates


@pytest.mark.parametrize(("sentence", "extent", "value"), [
    ("The treaty was signed on Oct. 28.", "Oct. 28", "2024-10-28"),
    ("The factory closed on March 3, 2019.", "March 3, 2019", "2019-03-03"),
    ("The factory closed on 3 March 2019.", "3 March 2019", "2019-03-03"),
    ("The file is dated 2021-07-14.", "2021-07-14", "2021-07-14"),
    ("The form was filed on 7/14/2021.", "7/14/2021", "2021-07-14"),
    ("The bridge opened in June 1998.", "June 1998", "1998-06"),
    ("Sales slumped in August.", "August", "2024-08"),
    ("The company was founded in 1987.", "1987", "1987"),
    ("Growth was strong in the 1990s.", "the 1990s", "199"),
    ("The tower dates from the 19th century.", "the 19th century", "18"),
    ("The plant reopened on Christmas Day.", "Christmas Day", "2023-12-25"),
])
def test_calendar_dates(sentence: str, extent: str, value: str) -> None:
    assert value_of(sentence, extent) == value


def test_month_without_year_follows_tense() -> None:
    assert value_of("The mill closed in February.", "February") == "2024-02"
    assert value_of("The mill will reopen in February.", "February") == "2025-02"
    assert value_of("The new line will open in December.", "December") == "2024-12"
    assert value_of("The merger will close on Jan. 15.", "Jan. 15") == "2025-01-15"


def test_position_modifiers() -> None:
    found = times("Talks stalled in early October, resumed in mid-November and end in late 2025.")
    assert found["early October"][1:] == ("2024-10", "START")
    assert found["mid-November"][2] == "MID"
    assert found["late 2025"][1:] == ("2025", "END")
    assert times("Work resumes at the end of the year.")["the end of the year"][1:] == ("2024", "END")
    # "earlier this year" said in October is any time before it, not the year's start: the year
    found = times("Sales rose earlier this year and will fall later this year.")
    assert found["earlier this year"][1:] == ("2024", None)
    assert found["later this year"][1:] == ("2024", None)
    assert times("The plant closed earlier this month.")["earlier this month"][1:] == ("2024-10", None)


def test_may_the_modal_is_not_a_month() -> None:
    assert "May" not in times("May I ask a question? Prices may rise.")
    assert value_of("The fair was held in May.", "May") == "2024-05"


# ----------------------------------------------------------------------------- relative periods


@pytest.mark.parametrize(("sentence", "extent", "value"), [
    ("Fighting resumed last week.", "last week", "2024-W43"),
    ("The museum reopened this week.", "this week", "2024-W44"),
    ("Rents rose last month.", "last month", "2024-09"),
    ("Exports fell last year.", "last year", "2023"),
    ("Elections are due next year.", "next year", "2025"),
    ("The dam was finished two years ago.", "two years ago", "2022"),
    ("The crops failed last summer.", "last summer", "2023-SU"),
    ("Profits rose in the third quarter.", "the third quarter", "2024-Q3"),
    ("The choir sang over the weekend.", "the weekend", "2024-W43-WE"),
    ("Output fell in the first half of 2023.", "the first half of 2023", "2023-H1"),
    ("Work is to begin in the second half 2026.", "the second half 2026", "2026-H2"),  # without "of"
    ("Talks were scheduled earlier in the week.", "earlier in the week", "2024-W44"),
    ("Prices fell later in the month.", "later in the month", "2024-10"),
    ("The spending covers fiscal 2025.", "fiscal 2025", "2025"),
])
def test_relative_periods(sentence: str, extent: str, value: str) -> None:
    assert value_of(sentence, extent) == value


def test_a_half_of_something_else_is_not_this_years_half() -> None:
    found = times("Sales rose in the last half of the '80s and in the first half.")
    assert found["the '80s"][1] == "198" and "the last half" not in found
    assert found["the first half"][1] == "2024-H1"


def test_year_earlier_follows_the_quarter_discussed() -> None:
    found = times("Net income rose in the second quarter, up from a year earlier.")
    assert found["the second quarter"][1] == "2024-Q2"
    assert found["a year earlier"][1] == "2023-Q2"


# ----------------------------------------------------------------------------- durations, sets, references


@pytest.mark.parametrize(("sentence", "extent", "value"), [
    ("The strike lasted three days.", "three days", "P3D"),
    ("He served two years in prison.", "two years", "P2Y"),
    ("Repairs will take several weeks.", "several weeks", "PXW"),
    ("The trial ran for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("Wait for 45 minutes.", "45 minutes", "PT45M"),
    ("Sales grew in the past two months.", "the past two months", "P2M"),
    ("It signed a five-year contract.", "five-year", "P5Y"),
])
def test_durations(sentence: str, extent: str, value: str) -> None:
    found = times(sentence)
    assert found[extent][:2] == ("DURATION", value)


def test_sets() -> None:
    assert times("The committee meets every week.")["every week"][:2] == ("SET", "P1W")
    assert times("Fees are reviewed annually or daily.")["daily"][:2] == ("SET", "P1D")
    assert times("Buses leave every Monday.")["every Monday"][:2] == ("SET", "XXXX-WXX-1")
    assert "Daily" not in times("The China Daily newspaper reported the deal.")  # a name goes on
    assert times("Daily, the council meets.")["Daily"][:2] == ("SET", "P1D")  # a sentence's first word


def test_reference_words() -> None:
    found = times("Rates are low now. The firm recently moved. Nowadays few care. In the future costs rise.")
    assert found["now"][1] == "PRESENT_REF"
    assert found["recently"][1] == "PAST_REF"
    assert found["Nowadays"][1] == "PRESENT_REF"
    assert found["the future"][1] == "FUTURE_REF"
    assert value_of("Currently the bridge is closed.", "Currently") == "PRESENT_REF"


def test_extent_conventions() -> None:
    found = times("The vote took place on Friday in the fourth quarter.")
    assert "Friday" in found and "on Friday" not in found
    assert "the fourth quarter" in found


def test_things_that_are_not_times() -> None:
    assert times("He paid $1990 for 2000 shares and 1500 people came.") == {}
    assert times("The Jan Smuts airport and a second chance.") == {}


# ----------------------------------------------------------------------------- without a document date


def test_without_dct_values_stay_underspecified() -> None:
    found = times("The talks on Oct. 28 and on Monday ended in June 2001.", dct=None)
    assert found["Oct. 28"][1] == "XXXX-10-28"
    assert found["Monday"][1] == "XXXX-WXX-1"
    assert found["June 2001"][1] == "2001-06"
    assert times("Exports fell last year.", dct=None)["last year"][1] == "XXXX"


# ----------------------------------------------------------------------------- document date


TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("text", "expected"), [
    # a wire dateline heading the first paragraph (after a headline line, or at the very start)
    ("Floods close roads\nCARLISLE, Cumbria, Wednesday 12 March 2025 — Floodwater entered homes.",
     "2025-03-12"),
    ("CARLISLE, Cumbria, Wednesday 12 March 2025 — Floodwater entered homes.", "2025-03-12"),
    # a date line run into the first sentence, as Wikinews copy arrives
    ("Floods close roads\nMarch 12, 2025 The River Eden burst its banks in three places.", "2025-03-12"),
    ("Floods close roads\n2025-03-12 The River Eden burst its banks.", "2025-03-12"),
    # ... with what a wiki leaves of an image's markup before the first word
    ("Floods close roads\nMarch 12, 2025 thumb The River Eden burst its banks.", "2025-03-12"),
    # a byline and its date after a headline run into the body
    ("Floods close roads. By Jane Rigg Staff Reporter March 12, 2025 CARLISLE -- The river rose.",
     "2025-03-12"),
])
def test_infer_from_a_dateline(text: str, expected: str) -> None:
    found = find_document_date(text, today=TODAY)
    assert found is not None and (found.date, found.kind) == (expected, "dateline")


def test_a_datelines_body_starts_after_leftover_image_markup() -> None:
    text = "Floods close roads\nMarch 12, 2025 thumb The River Eden burst its banks."
    line = find_dateline(text, text.index("March"))
    assert line is not None and text[line.body:].startswith("The River Eden")
    text = "Floods close roads\nMarch 12, 2025 150px The River Eden burst its banks."
    line = find_dateline(text, text.index("March"))
    assert line is not None and text[line.body:].startswith("The River Eden")
    text = "Floods close roads\nMarch 12, 2025 thumbs up from the council."
    assert find_dateline(text, text.index("March")) is None  # the words of a sentence, not markup


def test_infer_from_weekdays_that_agree_with_a_date() -> None:
    # "Monday evening" and "the evening of March 10" name one day: 10 March was a Monday in 2025
    # (the latest such year not after today); the lead reports on Wednesday, two days later.
    text = ("Floods close roads\nThe Environment Agency said on Wednesday that the storm on Monday evening "
            "had broken the record. \"The river rose in the evening of March 10,\" a warden said.")
    found = find_document_date(text, today=TODAY)
    assert found is not None and (found.date, found.kind) == ("2025-03-12", "text")
    # the years the text names choose among the candidates: 10 March was also a Monday in 2014
    assert infer_document_date(text + " The bridge was built in 2014.", today=TODAY) == "2014-03-12"
    # a full date with its weekday, and the lead's day of reporting
    text = "Floods close roads\nOfficials said on Thursday that the river peaked on Monday, March 10, 2025."
    assert infer_document_date(text, today=TODAY) == "2025-03-13"


@pytest.mark.parametrize("text", [
    # quoted history, a founding year, a court date: dates of other things, not of the report
    "Floods close roads\nThe bridge, opened on June 5, 1987, was closed on Thursday.",
    "Floods close roads\nThe union, founded in 1908, said on Thursday that farms were flooded.",
    "Floods close roads\nThe trial of the contractor is set for March 3, 2026, a court said on Monday.",
    # a weekday alone pins no date; nor one mentioned outside the lead
    "Floods close roads\nThe river was falling on Thursday.",
    "Floods close roads\nThe river fell. The storm of March 3, 2025 was the worst. Officials said on "
    "Thursday that roads would reopen.",
    # a weekday in a sentence with a month-day is often another day ("said Friday that the March 7 ...")
    "Floods close roads\nThe agency said Friday that the March 7 storm had broken records.",
    # datelines without a year, with a weekday that contradicts the date, or of an update
    "CARLISLE, March 12 (Reuters) — Floodwater entered homes.",
    "CARLISLE, Cumbria, Tuesday 12 March 2025 — Floodwater entered homes.",
    "Floods close roads\nUpdated March 12, 2025 The river rose.",
    # a date after today cannot be the day of publication
    "Floods close roads\nMarch 12, 2031 The river rose.",
    "No dates at all.",
])
def test_inference_abstains_without_evidence_that_pins_the_date(text: str) -> None:
    assert find_document_date(text, today=TODAY) is None


def test_inference_is_reproducible_with_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Floods close roads\nThe agency said on Wednesday that the storm on Monday evening was the "
            "worst. It broke records in the evening of March 10.")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2020, 1, 1, tzinfo=UTC).timestamp())))
    assert infer_document_date(text) == "2014-03-12"  # the latest Monday 10 March before 2020


# ----------------------------------------------------------------------------- labels and bounds


@pytest.mark.parametrize(("value", "mod", "label"), [
    ("2024-10", "START", "early October 2024"),
    ("2025-03", "MID", "mid-March 2025"),
    ("2025-03", "END", "late March 2025"),
    ("2024", "MID", "mid-2024"),
    ("2024-10-28TEV", None, "28 October 2024, evening"),
    ("2025-03-12T03:00", None, "12 March 2025, 03:00"),
    ("2025-03-12T24:00", None, "12 March 2025, midnight"),
    ("2024-W43", None, "the week of 21 October 2024"),
    ("2025-W11-WE", None, "the weekend of 15–16 March 2025"),
    ("2025-W22-WE", None, "the weekend of 31 May – 1 June 2025"),
    ("PAST_REF", None, "recently"),
    ("2024-Q3", None, "the third quarter of 2024"),
    ("2024-H1", None, "the first half of 2024"),
    ("2023-SU", None, "summer 2023"),
    ("2023-WI", None, "winter 2023–24"),
    ("199", None, "the 1990s"),
    ("199", "MID", "the mid-1990s"),
    ("20", None, "the 21st century"),
    ("XXXX-10-28", None, "28 October"),
    ("2024-10-28", "APPROX", "about 28 October 2024"),
    ("P3D", None, "3 days"),
])
def test_describe_value(value: str, mod: str | None, label: str) -> None:
    assert describe_value(value, mod) == label


@pytest.mark.parametrize(("value", "mod", "bounds"), [
    ("2024-10", "START", ("2024-10-01", "2024-10-10")),
    ("2024-08", None, ("2024-08-01", "2024-08-31")),
    ("2024-W43", None, ("2024-10-21", "2024-10-27")),
    ("2024-Q3", None, ("2024-07-01", "2024-09-30")),
    ("2024-SU", None, ("2024-06-01", "2024-08-31")),
    ("199", None, ("1990-01-01", "1999-12-31")),
    ("2024-10-28TEV", None, ("2024-10-28", "2024-10-28")),
    ("PAST_REF", None, None),
    ("P3D", None, None),
])
def test_value_bounds(value: str, mod: str | None, bounds: tuple[str, str] | None) -> None:
    assert value_bounds(value, mod) == bounds


# ----------------------------------------------------------------------------- engineering


def test_deterministic_and_fast(seed_text: str) -> None:
    text = " ".join([seed_text] * 2)[:4200]  # about 650 words
    first = tag_times(text, DCT)
    assert tag_times(text, DCT) == first
    start = time.perf_counter()
    for _ in range(20):
        tag_times(text, DCT)
    assert (time.perf_counter() - start) / 20 < 0.05  # generous bound for loaded CI machines


def test_import_does_not_load_spacy() -> None:
    code = "import sys, briefing.temporal; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- tense, periods, shares


def test_nearest_verb_decides_tense() -> None:
    # "will" is further away than "said": the date goes with the reporting verb.
    text = "The mayor, who will retire in spring, said Friday that taxes rise."
    assert value_of(text, "Friday") == "2024-10-25"
    assert value_of("The team planned to leave the capital on Thursday.", "Thursday") == "2024-10-31"
    # A plan in the pluperfect is a past one.
    assert value_of("The offer had been due to expire Friday evening.", "Friday evening") == "2024-10-25TEV"
    assert value_of("She would be travelling to Lisbon Thursday with her son.", "Thursday") == "2024-10-31"


def test_decades_follow_timeml() -> None:
    assert value_of("Prices soared in the late 1970s.", "the late 1970s") == "197"
    found = times("The boxy cars of the 70s and 80s are gone. In her 70s she still ran.")
    assert found["the 70s"][1] == "197"
    assert found["80s"][1] == "198"
    assert "70s" not in found  # an age
    assert describe_value("197") == "the 1970s"
    assert value_bounds("197") == ("1970-01-01", "1979-12-31")


def test_recent_units_are_vague_durations() -> None:
    assert times("Prices fell in recent weeks.")["recent weeks"][:2] == ("DURATION", "PXW")


def test_ages_are_not_durations() -> None:
    assert times("Mr. Pike, 61 years old, resigned after nine years.") == {
        "nine years": ("DURATION", "P9Y", None)}


def test_month_of_next_year() -> None:
    found = times("The plant closes after March of next year.")
    assert found["March"][1] == "2025-03"
    assert found["next year"][1] == "2025"


def test_week_of() -> None:
    assert value_of("Sales jumped in the last week of March.", "the last week of March") == "2024-W13"
    assert value_of("The trial opens the week of June 3, 2024.", "the week of June 3, 2024") == "2024-W23"
    text = "Crowds came in the first week of September."
    assert value_of(text, "the first week of September") == "2024-W36"


def test_year_end() -> None:
    assert times("The deal should close by year-end.")["year-end"] == ("DATE", "2024", "END")
    assert times("The index is up 4% since year-end.")["year-end"][1] == "2023"
    assert "year-end" not in times("The year-end bonus was cut.")


def test_quarter_shares_are_not_durations() -> None:
    assert times("The island imports about three-quarters of its food.") == {}
    assert times("Three quarters of the voters agreed.") == {}
    assert times("Profit fell for two quarters.")["two quarters"][:2] == ("DURATION", "P6M")


def test_following_year_after_explicit_date() -> None:
    text = "She joined in May 2011, and the following year she was promoted."
    assert value_of(text, "the following year") == "2012"


@pytest.mark.parametrize("text", [
    "For more information call 815-748-2060 or write to the council.",
    "Volunteers can reach the centre at (510) 574-2091 on weekdays.",
    "Tickets: 020 7946.2031.",
    "Anyone with information can call 905-453-2121, ext. 1133.",
    "The car was travelling north on FR 1497 when it crashed.",
])
def test_the_end_of_a_phone_number_is_no_year(text: str) -> None:
    assert not [t for t in tag_times(text, DCT) if t.value.isdigit()], times(text)


def test_years_beside_other_numbers_still_count() -> None:
    assert times("The 2060 target was set in 2019.")["2019"][1] == "2019"
    assert times("Between 1990-2000 prices rose.")["2000"][1] == "2000"
    assert times("The US 2008 election was close.")["2008"][1] == "2008"


# ----------------------------------------------------------------------------- rule priorities


def test_equal_extents_go_to_the_rule_of_lower_priority() -> None:
    """'the year-ago quarter' is matched whole by the quarter rule and by the year-ago-period rule,
    which read it differently (a quarter, a year). The quarter rule's lower priority number decides,
    whatever order the rules were registered (imported) in."""
    from briefing.temporal.rules import RULES
    from briefing.temporal.tagger import _candidates, _select

    prios = [r.prio for r in RULES]
    assert prios == sorted(prios) and len(set(prios)) == len(prios)
    assert len({r.name for r in RULES}) == len(RULES)

    text = "Profit rose from the year-ago quarter."
    start = text.index("the year-ago quarter")
    span = (start, start + len("the year-ago quarter"))
    cands = _candidates(text)
    tied = {c[3].name: c[3].prio for c in cands if (c[0], c[1]) == span}
    assert tied.keys() >= {"quarter", "yearago_period"}
    assert tied["quarter"] < tied["yearago_period"]
    for order in (cands, cands[::-1]):  # the registry's order does not matter, only priorities
        chosen = [(s, e, rule.name) for s, e, rule, _ in _select(list(order))]
        assert (*span, "quarter") in chosen
    assert times(text)["the year-ago quarter"] == ("DATE", "2023-Q3", None)


def test_sentence_starts_skip_abbreviations() -> None:
    from briefing.sentences import sentence_starts

    text = 'Mr. Smith left at 10 a.m. Friday. "He will return," U.S. officials said! Oct. 28 was\nnext.'
    assert sentence_starts(text) == [0, text.index('"He'), text.index("Oct."), text.index("next.")]
    assert sentence_starts("") == [0]


@pytest.mark.parametrize(("first", "last", "label"), [
    ("2009-01-01", "2009-02-28", "January–February 2009"),
    ("2008-12-01", "2009-01-31", "December 2008 – January 2009"),
    ("2008-01-01", "2009-12-31", "2008–2009"),
    ("2009-03-14", "2009-03-15", "14–15 March 2009"),
    ("2009-03-31", "2009-04-01", "31 March – 1 April 2009"),
])
def test_a_span_of_whole_months_or_years_is_labelled_by_them(first: str, last: str, label: str) -> None:
    from datetime import date

    from briefing.temporal.labels import day_range_label

    assert day_range_label(date.fromisoformat(first), date.fromisoformat(last)) == label
