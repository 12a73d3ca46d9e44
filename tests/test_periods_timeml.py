"""TIMEX3 shapes of general news (issue 14, items 2 and 4): how TimeML gold values dates and
spans, for constructions the trade copy of the other tests rarely shows.

All sentences are written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from periods_support import by_text as period
from periods_support import periods_in

PUB = date(2025, 11, 4)  # a Tuesday


def periods(parse, text, published=PUB):
    return periods_in(parse, text, published)


# ----------------------------------------------------------------------------- dates ahead


@pytest.mark.parametrize("text,when,value", [
    ("The coupon falls due on Jan. 9, the trustee says.", "Jan. 9", "2026-01-09"),
    ("Bondholders receive the coupon on Dec. 12.", "Dec. 12", "2025-12-12"),
    ("The new chief executive takes office Dec. 1.", "Dec. 1", "2025-12-01"),
    ("The refinery has to close by Jan. 20, the regulator said.", "Jan. 20", "2026-01-20"),
    ("The ministry wants the bank to report on Dec. 18 on its capital.", "Dec. 18", "2025-12-18"),
    ("Talks would resume on Jan. 26 in Geneva, officials said.", "Jan. 26", "2026-01-26"),
    ("The appeal goes before a panel of three judges in January.", "January", "2026-01"),
])
def test_a_date_in_a_clause_not_in_the_past_is_the_coming_one(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


@pytest.mark.parametrize("text,when,value", [
    ("The plant was sold on Jan. 9 to a rival group.", "Jan. 9", "2025-01-09"),
    ("Shares issued Dec. 12 carry no dividend.", "Dec. 12", "2024-12-12"),
    ("The council has approved the budget in January.", "January", "2025-01"),
    ("Sales rose in December, the company said.", "December", "2024-12"),
    # more than the window ahead: the last one, whatever the tense
    ("The index peaks in March, analysts say.", "March", "2025-03"),
])
def test_a_date_in_a_past_clause_or_far_ahead_is_the_last_one(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


# ----------------------------------------------------------------------------- a report's period by its last day


@pytest.mark.parametrize("text,when,start,end,value", [
    ("Net profit for the year ended March 31 rose 8%.", "the year ended March 31",
     date(2024, 4, 1), date(2025, 3, 31), "2024-04/2025-03"),
    ("Sales in the six months ended Aug. 16 fell 3%.", "the six months ended Aug. 16",
     date(2025, 2, 17), date(2025, 8, 16), "2025-02-17/2025-08-16"),
    ("Its loss for the quarter ended Sept. 30 narrowed.", "the quarter ended Sept. 30",
     date(2025, 7, 1), date(2025, 9, 30), "2025-Q3"),
    ("The group expects a profit in the fiscal year ending June 30, 2026.", "the fiscal year ending June 30, 2026",
     date(2025, 7, 1), date(2026, 6, 30), "2025-07/2026-06"),
])
def test_a_period_named_by_its_last_day(parse, text, when, start, end, value):
    p = period(periods(parse, text), when)
    assert (p.from_, p.to, p.value) == (start, end, value)


def test_an_ordinal_quarter_keeps_its_name_before_ended(parse):
    # "its third quarter ended Aug. 30": a fiscal quarter, named by its ordinal; the day is a date of its own
    ps = periods(parse, "The chain posted a loss for its third quarter ended Aug. 30.")
    assert period(ps, "third quarter").value == "2025-Q3"
    assert period(ps, "Aug. 30").value == "2025-08-30"


# ----------------------------------------------------------------------------- the TimeML reading


def test_timeml_reads_a_period_ended_as_its_length_and_its_last_day():
    from extractor.evaluation.tempeval import timexes_from_result

    text = "the year ended March 31"
    got = timexes_from_result({"periods": [{"text": text, "start": 10, "end": 10 + len(text), "from": "2024-04-01",
                                            "to": "2025-03-31", "granularity": "range", "value": "2024-04/2025-03"}]})
    assert [(t.text, t.type, t.value, t.start) for t in got] == [
        ("the year", "DURATION", "P1Y", 10), ("March 31", "DATE", "2025-03-31", 25)]


def test_timeml_reads_the_first_months_of_a_year_as_a_duration_and_the_year():
    from extractor.evaluation.tempeval import timexes_from_result

    text = "the first seven months of 2024"
    got = timexes_from_result({"periods": [{"text": text, "start": 0, "end": len(text), "from": "2024-01-01",
                                            "to": "2024-07-31", "granularity": "range", "value": "2024-01/2024-07"}]})
    assert [(t.text, t.type, t.value) for t in got] == [
        ("the first seven months", "DURATION", "P7M"), ("2024", "DATE", "2024")]


# ----------------------------------------------------------------------------- "a year ago" after a figure


def test_a_year_ago_after_a_figure_is_the_reported_period_a_year_before(parse):
    text = ("The bank earned $40 million, or 55 cents a share, in the third quarter. "
            "It had earned $31 million, or 44 cents a share, a year ago.")
    assert period(periods(parse, text), "a year ago").value == "2024-Q3"


def test_a_year_ago_after_a_comparative_is_the_reported_period_a_year_before(parse):
    text = "Margins in the third quarter were thinner than a year ago."
    assert period(periods(parse, text), "a year ago").value == "2024-Q3"


def test_a_year_ago_without_a_figure_counts_from_publication(parse):
    text = "Sales rose in the third quarter. The plant opened a year ago."
    assert period(periods(parse, text), "a year ago").value == "2024"


# ----------------------------------------------------------------------------- smaller shapes


def test_a_hyphenated_part_of_a_month(parse):
    p = period(periods(parse, "The late-October storms cut port traffic."), "late-October")
    assert (p.value, p.bound) == ("2025-10", "approx")


def test_two_days_of_a_month_joined_by_and(parse):
    p = period(periods(parse, "Ministers meet in Oslo on Nov. 20 and 21."), "Nov. 20 and 21")
    assert (p.from_, p.to) == (date(2025, 11, 20), date(2025, 11, 21))


def test_a_day_then_a_figure_is_no_range_of_days(parse):
    ps = periods(parse, "Copper fell on Oct. 3 and 4 percent the week after.")
    assert period(ps, "Oct. 3").from_ == date(2025, 10, 3)


@pytest.mark.parametrize("text,when,duration", [
    ("The strike will last at least three more weeks.", "at least three more weeks", "P3W"),
    ("The lease can be extended for an additional year.", "an additional year", "P1Y"),
    ("Prices should stay firm over the next couple of years.", "the next couple of years", "P2Y"),
])
def test_an_added_span_is_a_span(parse, text, when, duration):
    assert period(periods(parse, text), when).duration == duration


def test_the_next_n_units_start_at_publication(parse):
    p = period(periods(parse, "Output should double over the next two years."), "the next two years")
    assert (p.from_, p.to, p.duration) == (PUB, date(2027, 11, 3), "P2Y")


def test_the_quarter_before_a_figure_is_the_reported_quarter(parse):
    ps = periods(parse, "Turnover grew 4% in the quarter to $3.1 billion.", date(2025, 10, 30))
    assert period(ps, "the quarter").value == "2025-Q3"


def test_the_year_before_an_infinitive_is_no_report_period(parse):
    ps = periods(parse, "Importers placed orders earlier in the year to avoid the new duties.")
    assert not [p for p in ps if p.text == "the year"]


# ----------------------------------------------------------------------------- extents as TimeML writes them


@pytest.mark.parametrize("text,when,value", [
    ("Talks broke down late Friday, the union said.", "late Friday", "2025-10-31"),
    ("The tanker docked Sunday night at the northern terminal.", "Sunday night", "2025-11-02"),
    ("Traders sold heavily yesterday afternoon.", "yesterday afternoon", "2025-11-03"),
    ("Police closed the bridge last night.", "last night", "2025-11-03"),
])
def test_a_part_of_a_day_is_in_the_span_and_the_period_is_the_day(parse, text, when, value):
    p = period(periods(parse, text), when)
    assert (p.value, p.granularity) == (value, "day")


def test_earlier_this_year_spans_the_adverb_and_is_a_part_of_the_year(parse):
    p = period(periods(parse, "The mill was sold earlier this year to a cooperative."), "earlier this year")
    assert (p.value, p.bound) == ("2025", "approx")


def test_earlier_this_week_stays_this_week(parse):
    ps = periods(parse, "The board met earlier this week in Lyon.")
    assert period(ps, "this week").value == "2025-W45"


@pytest.mark.parametrize("text,when,value", [
    ("The third-quarter results beat forecasts.", "third-quarter", "2025-Q3"),
    ("Analysts expect a weak first-half profit.", "first-half", "2025-H1"),
    ("Prices fell in the third quarter.", "the third quarter", "2025-Q3"),
    ("Growth slowed in the last half of 2023.", "the last half of 2023", "2023-H2"),
])
def test_a_hyphenated_quarter_or_half_is_a_modifier_without_the_article(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


def test_the_last_half_without_a_year_is_no_period(parse):
    assert not periods(parse, "The visitors scored twice in the last half of the match.")


@pytest.mark.parametrize("text,when", [
    ("For the nine months, net income rose 6%.", "the nine months"),
    ("The eight-year contract was signed in Oslo.", "eight-year"),
])
def test_the_article_of_a_counted_span_is_in_it_not_of_a_modifier(parse, text, when):
    period(periods(parse, text), when)


def test_timeml_leaves_a_signal_preposition_out_of_a_span():
    from extractor.evaluation.tempeval import timexes_from_result

    got = timexes_from_result({"periods": [{"text": "within 18 months", "start": 5, "end": 21,
                                            "granularity": "duration", "duration": "P18M", "bound": "at_most"}]})
    assert [(t.text, t.start, t.value) for t in got] == [("18 months", 12, "P18M")]


# ----------------------------------------------------------------------------- holidays


@pytest.mark.parametrize("text,published,when,value", [
    ("The ferry sank on Thanksgiving Day, two months ago.", date(2026, 1, 20), "Thanksgiving Day", "2025-11-27"),
    ("Voters go to the polls on Election Day.", date(2026, 10, 20), "Election Day", "2026-11-03"),
    ("Shops will close early on Christmas Eve.", PUB, "Christmas Eve", "2025-12-24"),
    ("Traffic fell over Memorial Day 2023.", PUB, "Memorial Day 2023", "2023-05-29"),
    ("The mill shut before Labor Day.", PUB, "Labor Day", "2025-09-01"),
])
def test_a_named_holiday_is_its_day(parse, text, published, when, value):
    assert period(periods(parse, text, published), when).value == value


def test_a_holiday_name_modifying_a_noun_is_no_day(parse):
    assert not [p for p in periods(parse, "Christmas shopping lifted retail sales.") if "Christmas" in p.text]


@pytest.mark.parametrize("text,when,value", [
    ("The clinic was attacked last Oct. 23, police said.", "last Oct. 23", "2025-10-23"),
    ("The plant reopened last Dec. 2 after repairs.", "last Dec. 2", "2024-12-02"),
    ("The referendum is set for next Feb. 8.", "next Feb. 8", "2026-02-08"),
])
def test_a_deictic_day_month_is_that_day_before_or_after_publication(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


# ----------------------------------------------------------------------------- quarters named with their year


@pytest.mark.parametrize("text,when,value", [
    ("In the 2023 third quarter, the lender lost money.", "the 2023 third quarter", "2023-Q3"),
    ("In this year's second quarter, margins widened.", "this year's second quarter", "2025-Q2"),
    ("Sales slipped in last year's fourth quarter.", "last year's fourth quarter", "2024-Q4"),
    ("In the year-earlier third quarter, the lender earned $4 million.", "the year-earlier third quarter", "2024-Q3"),
])
def test_a_quarter_with_its_year_before_it(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


def test_a_decimal_number_is_no_year(parse):
    assert not [p for p in periods(parse, "The index closed at 2031.4 points.") if p.text.startswith("2031")]


def test_a_word_after_that_quarter_starting_like_a_preposition_does_not_block_it(parse):
    # "increased" is no "in": "that quarter" still points back to the second quarter
    ps = periods(parse, "In the second quarter, the firm lost $12 million. Sales for that quarter increased by 4%.")
    assert period(ps, "that quarter").value == "2025-Q2"


# ----------------------------------------------------------------------------- anaphoric weekdays, "or so"


def test_the_previous_weekday_is_the_one_before_the_day_talked_about(parse):
    ps = periods(parse, "Copper closed higher on Thursday, up 2% from the previous Thursday.")
    assert period(ps, "Thursday").value == "2025-10-30"
    assert period(ps, "the previous Thursday").value == "2025-10-23"


def test_the_following_weekday_is_the_one_after_the_day_talked_about(parse):
    ps = periods(parse, "The strike began on Oct. 15 and ended the following Monday.")
    assert period(ps, "the following Monday").value == "2025-10-20"


def test_an_approximate_shift_with_or_so(parse):
    assert period(periods(parse, "A month or so ago, the board changed its mind."), "A month or so ago").value == "2025-10"



@pytest.mark.parametrize("text, written, value, duration", [
    ("The freighter sat in quarantine for 2 1/2 years.", "2 1/2 years", "P2Y6M", "P2.5Y"),
    ("Inspectors spent 5 1/2 hours on the coal barge.", "5 1/2 hours", "PT5H30M", "PT5.5H"),
    ("The embargo has lasted seven and a half years.", "seven and a half years", "P7Y6M", "P7.5Y"),
    ("The talks ran for two and a half days.", "two and a half days", "P2DT12H", "P2.5D"),
])
def test_a_half_unit_is_written_in_the_next_smaller_unit(parse, text, written, value, duration):
    # TimeML's value composes the half (P2Y6M); the contract's duration keeps the decimal
    p = next(p for p in periods(parse, text) if p.text == written)
    assert (p.value, p.duration) == (value, duration)


def test_a_mixed_number_without_a_unit_is_no_span(parse):
    assert not periods(parse, "Shares of the shipper rose 9 1/2 to 39 in heavy trading.")



@pytest.mark.parametrize("text, written, value", [
    ("The appeal will be heard the week of Nov. 10.", "the week of Nov. 10", "2025-W46"),
    ("Inspections resumed the week of Oct. 6, 2025.", "the week of Oct. 6, 2025", "2025-W41"),
])
def test_the_week_of_a_day_is_that_week(parse, text, written, value):
    assert period(periods(parse, text), written).value == value



@pytest.mark.parametrize("text, written, value", [
    ("Barter trade across the river grew through the nineties.", "the nineties", "199"),
    ("The mine last turned a profit in the early seventies.", "the early seventies", "197"),
])
def test_a_spelled_decade_is_a_decade(parse, text, written, value):
    assert period(periods(parse, text), written).value == value


def test_an_age_in_tens_is_no_decade(parse):
    assert not periods(parse, "Both traders are in their forties.")



@pytest.mark.parametrize("text, written, value", [
    ("Coal prices could slide further in the weeks ahead.", "the weeks ahead", "PXW"),
    ("Traders expect tighter controls in the months ahead.", "the months ahead", "PXM"),
])
def test_the_units_ahead_are_a_vague_span(parse, text, written, value):
    assert period(periods(parse, text), written).value == value
