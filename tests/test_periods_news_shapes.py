"""Period shapes of real trade copy (issues 12 and 14): runs of months, parts of a month,
comparisons with earlier periods.

All sentences are written for these tests (news-like: trade statistics).
"""
from __future__ import annotations

from datetime import date

import pytest

from extractor.pipeline.periods import find_periods

PUB = date(2025, 10, 21)  # a Tuesday


def periods(parse, text, published=PUB):
    doc = parse(text, published)
    return find_periods(doc, doc._.published)


def period(ps, text, nth=0):
    found = [p for p in ps if p.text == text]
    assert len(found) > nth, f"{text!r} not among {[p.text for p in ps]}"
    return found[nth]


def span(p):
    return p.from_, p.to


# ----------------------------------------------------------------------------- streaks


@pytest.mark.parametrize("text,streak,duration", [
    ("Exports fell for the fifth consecutive month in September.", "the fifth consecutive month", "P5M"),
    ("Shipments rose for a 3rd straight quarter.", "a 3rd straight quarter", "P9M"),
    ("The surplus widened for the 14th straight month.", "the 14th straight month", "P14M"),
    ("Rice imports grew for the seventh successive year.", "the seventh successive year", "P7Y"),
    ("It was the 26th month in a row that coal deliveries shrank.", "the 26th month in a row", "P26M"),
])
def test_an_ordinal_run_of_units_is_a_span_that_long(parse, text, streak, duration):
    p = period(periods(parse, text), streak)
    assert (p.granularity, p.duration, p.from_, p.to) == ("duration", duration, None, None)


def test_the_first_straight_month_starts_no_run(parse):
    assert not [p for p in periods(parse, "It was the first straight month of gains.") if "straight" in p.text]


# ----------------------------------------------------------------------------- parts of a month


def test_the_first_days_of_a_named_month(parse):
    p = period(periods(parse, "Exports rose 4 percent in the first 10 days of September."), "the first 10 days of September")
    assert span(p) == (date(2025, 9, 1), date(2025, 9, 10))
    assert p.granularity == "range"


def test_the_first_days_of_this_month(parse):
    p = period(periods(parse, "Chip shipments during the first 20 days of this month fell 12 percent."),
               "the first 20 days of this month")
    assert span(p) == (date(2025, 10, 1), date(2025, 10, 20))
    assert p.relative


def test_the_last_days_of_a_month_of_a_year(parse):
    p = period(periods(parse, "Port traffic slowed in the last five days of February 2024."),
               "the last five days of February 2024")
    assert span(p) == (date(2024, 2, 25), date(2024, 2, 29))


def test_first_days_without_a_month_are_no_months(parse):
    # 'days' are no months: the first ten days of a year are not January to October
    ps = periods(parse, "Inspections happen in the first 10 days of each quarter.")
    assert not [p for p in ps if p.from_ == date(2025, 1, 1) and p.to == date(2025, 10, 31)]


def test_a_year_earlier_keeps_the_days_of_a_part_of_a_month(parse):
    ps = periods(parse, "Exports reached $18.1 billion in the first 10 days of September, compared with "
                        "$17.2 billion a year earlier.")
    assert span(period(ps, "a year earlier")) == (date(2024, 9, 1), date(2024, 9, 10))


# ----------------------------------------------------------------------------- the year of a date


def test_a_day_month_is_of_the_current_year_whatever_year_its_sentence_names(parse):
    # AP style writes a date's year only when it is not the current one
    ps = periods(parse, "Exports for 2024 reached $2.1 billion, according to figures released on Jan. 18.",
                 date(2025, 2, 3))
    assert span(period(ps, "Jan. 18")) == (date(2025, 1, 18), date(2025, 1, 18))


def test_a_bare_month_still_takes_its_sentence_year(parse):
    ps = periods(parse, "In September, when exports peaked in 2019, the border was open.", date(2025, 2, 3))
    assert span(period(ps, "September")) == (date(2019, 9, 1), date(2019, 9, 30))


def test_a_perfect_infinitive_after_expect_looks_back(parse):
    ps = periods(parse, "Economists had expected the surplus to have widened to $48 billion in January.",
                 date(2025, 2, 9))
    assert span(period(ps, "January")) == (date(2025, 1, 1), date(2025, 1, 31))


def test_a_plan_in_the_past_tense_still_points_ahead(parse):
    ps = periods(parse, "The delegation planned to leave for Dandong on Thursday.", date(2025, 2, 4))
    assert span(period(ps, "Thursday")) == (date(2025, 2, 6), date(2025, 2, 6))


@pytest.mark.parametrize("text,date_text,frm,to", [
    ("The board declared a dividend of 12 cents, payable Dec. 5 to holders of record Nov. 14.", "Dec. 5",
     date(2025, 12, 5), date(2025, 12, 5)),
    ("The board declared a dividend of 12 cents, payable Dec. 5 to holders of record Nov. 14.", "Nov. 14",
     date(2025, 11, 14), date(2025, 11, 14)),
    ("Regulators gave no reason for the Dec. 1 deadline on fertilizer permits.", "Dec. 1",
     date(2025, 12, 1), date(2025, 12, 1)),
    ("The ministers discussed a summit set for December in Pyongyang.", "December",
     date(2025, 12, 1), date(2025, 12, 31)),
    ("The minister said the signing was scheduled for December.", "December",
     date(2025, 12, 1), date(2025, 12, 31)),
    ("The customs office extended to Nov. 30 its waiver on rice imports.", "Nov. 30",
     date(2025, 11, 30), date(2025, 11, 30)),
    ("The state bank extended the exporters' credit line through January.", "January",
     date(2026, 1, 1), date(2026, 1, 31)),
])
def test_a_date_set_for_something_in_a_past_tense_clause_is_the_coming_one(parse, text, date_text, frm, to):
    # the past tense says when it was set, not when the date is (a day of record, a deadline, an
    # extension's new end); the coming one only within the scheduling window
    assert span(period(periods(parse, text), date_text)) == (frm, to)


def test_a_month_of_a_noun_in_a_past_clause_is_the_nearest_one(parse):
    # the rise is an event of its own: the past tense of 'were told' does not date it
    ps = periods(parse, "Buyers were told of a price rise in November.")
    assert span(period(ps, "November")) == (date(2025, 11, 1), date(2025, 11, 30))


def test_a_month_of_a_past_verb_stays_behind(parse):
    ps = periods(parse, "The refinery cut its diesel supply sharply in November.")
    assert span(period(ps, "November")) == (date(2024, 11, 1), date(2024, 11, 30))


def test_the_end_of_a_span_from_today_lies_ahead(parse):
    ps = periods(parse, "The port said it accepted coal cargoes at the old fee from today through Nov. 14.")
    assert span(period(ps, "Nov. 14")) == (date(2025, 11, 14), date(2025, 11, 14))


def test_a_weekday_a_deadline_was_postponed_until_lies_ahead(parse):
    # published on a Tuesday: 'postponed until Monday' is next Monday, not yesterday
    ps = periods(parse, "Customs officials postponed until Monday any ruling on the seized rice.")
    assert span(period(ps, "Monday")) == (date(2025, 10, 27), date(2025, 10, 27))


@pytest.mark.parametrize("text,date_text,frm", [
    ("The customs office extended its waiver on rice imports in November.", "November", date(2024, 11, 1)),
    ("Shipments of coal slumped in December.", "December", date(2024, 12, 1)),
    ("The board paid a dividend of 12 cents on Dec. 5.", "Dec. 5", date(2024, 12, 5)),
])
def test_a_past_tense_date_nothing_sets_ahead_stays_behind(parse, text, date_text, frm):
    assert period(periods(parse, text), date_text).from_ == frm


@pytest.mark.parametrize("text", [
    "The deficit widened in March to $98 billion, the largest since records began in 1992.",
    "The deficit widened in March to $98 billion, its largest since 1992.",
])
def test_a_year_a_span_starts_from_is_not_the_sentence_year(parse, text):
    ps = periods(parse, text, date(2025, 5, 4))
    assert span(period(ps, "March")) == (date(2025, 3, 1), date(2025, 3, 31))


# ----------------------------------------------------------------------------- the same period


@pytest.mark.parametrize("text,written", [
    ("Net profit rose 6% in the third quarter, against 2% in the corresponding period last year.",
     "the corresponding period last year"),
    ("Net profit rose 6% in the third quarter, after a loss in the comparable quarter a year earlier.",
     "the comparable quarter a year earlier"),
])
def test_the_corresponding_period_is_the_same_period(parse, text, written):
    assert span(period(periods(parse, text), written)) == (date(2024, 7, 1), date(2024, 9, 30))


def test_the_same_period_points_back_past_a_release_day_and_a_sentence_without_periods(parse):
    ps = periods(parse, "Trade fell 9 percent in the first two months of this year, customs data showed on "
                        "March 7. Exports dipped 15 percent during the period. The surplus was $40 billion "
                        "in the same period last year.", date(2025, 3, 8))
    assert span(period(ps, "the same period last year")) == (date(2024, 1, 1), date(2024, 2, 29))


@pytest.mark.parametrize("base", ["from $7.1 billion in July", "compared with 7.1 billion dollars in July"])
def test_the_same_month_skips_the_month_of_a_figure_compared_with(parse, base):
    # the month after "from $X in" is the earlier figure's: "the same month" is the one reported
    ps = periods(parse, f"Chile's exports reached $9 billion in August. The figure rose {base}, and was "
                        "up 40% on $6.4 billion in the same month a year earlier.", date(2024, 9, 10))
    assert span(period(ps, "the same month a year earlier")) == (date(2023, 8, 1), date(2023, 8, 31))


@pytest.mark.parametrize("link", ["in", "from", "over"])
def test_the_same_period_with_its_article_dropped(parse, link):
    """'up from $6.4 billion in same month last year': copy that drops the article still means the
    same month a year before, not the whole of last year; 'same' with no preposition before it is
    no such period."""
    ps = periods(parse, f"Chile's exports reached $9 billion in August, up from $6.4 billion {link} same month last "
                        "year.", date(2024, 9, 10))
    assert span(period(ps, "same month last year")) == (date(2023, 8, 1), date(2023, 8, 31))
    ps = periods(parse, "Prices stayed the same last year.", date(2024, 9, 10))
    assert [p.text for p in ps] == ["last year"]


def test_the_same_day_may_point_back_to_a_day(parse):
    ps = periods(parse, "The bridge reopened on March 7. The same day last year it was shut.", date(2025, 3, 8))
    assert span(period(ps, "The same day last year")) == (date(2024, 3, 7), date(2024, 3, 7))


def test_a_year_earlier_two_sentences_after_the_period_still_points_to_it(parse):
    ps = periods(parse, "Exports rose 4 percent in the first 10 days of September, customs data showed on "
                        "Friday. Shipments of chips led the gains. Working days came to 8.5, unchanged from "
                        "a year earlier.", date(2025, 9, 13))
    assert span(period(ps, "a year earlier")) == (date(2024, 9, 1), date(2024, 9, 10))


def test_a_year_earlier_with_nothing_named_before_counts_from_publication(parse):
    ps = periods(parse, "Exports rose 4 percent from a year earlier.", date(2025, 9, 13))
    assert span(period(ps, "a year earlier")) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_previous_month_counts_from_the_reported_month_not_from_the_comparison_base(parse):
    ps = periods(parse, "Total trade in March rose 12 percent compared with 2024, slowing from the previous "
                        "month's 20 percent.", date(2025, 4, 11))
    assert span(period(ps, "the previous month")) == (date(2025, 2, 1), date(2025, 2, 28))


@pytest.mark.parametrize("text,base", [
    ("Total trade in March increased 12 percent compared with last year.", "last year"),
    ("Exports in March rose 9 percent from the year before.", "the year before"),
    ("March also saw a 40 percent rise in spending over the previous year.", "the previous year"),
])
def test_a_year_compared_with_a_month_figure_is_that_month_a_year_before(parse, text, base):
    ps = periods(parse, text, date(2025, 4, 11))
    assert span(period(ps, base)) == (date(2024, 3, 1), date(2024, 3, 31))


def test_a_year_compared_with_a_year_figure_stays_a_year(parse):
    ps = periods(parse, "Exports in 2024 rose 9 percent from the year before.", date(2025, 4, 11))
    assert span(period(ps, "the year before")) == (date(2023, 1, 1), date(2023, 12, 31))


def test_last_year_that_is_no_comparison_base_stays_the_calendar_year(parse):
    ps = periods(parse, "Exports rose in March, and last year they fell.", date(2025, 4, 11))
    assert span(period(ps, "last year")) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_year_earlier_as_a_comparison_base_skips_the_release_day(parse):
    ps = periods(parse, "China's exports rose in September. Data released Monday showed shipments were "
                        "8.3% higher than a year earlier.", date(2025, 10, 13))
    assert span(period(ps, "a year earlier")) == (date(2024, 9, 1), date(2024, 9, 30))


def test_a_year_earlier_in_a_narrative_still_counts_from_a_day(parse):
    ps = periods(parse, "The bridge opened on March 3, 2024. A year earlier, the site was a field.",
                 date(2025, 10, 13))
    assert span(period(ps, "A year earlier")) == (date(2023, 3, 3), date(2023, 3, 3))


# ----------------------------------------------------------------------------- parts of a year


def test_the_past_months_of_this_year_are_the_months_gone_by(parse):
    p = period(periods(parse, "Exports rose in each of the past 11 months this year.", date(2025, 12, 2)),
               "the past 11 months this year")
    assert span(p) == (date(2025, 1, 1), date(2025, 11, 30))


def test_the_first_month_of_a_year(parse):
    ps = periods(parse, "Trade grew 20 percent in the first month of this year, and fell in the last month of 2024.")
    assert span(period(ps, "the first month of this year")) == (date(2025, 1, 1), date(2025, 1, 31))
    assert span(period(ps, "the last month of 2024")) == (date(2024, 12, 1), date(2024, 12, 31))


def test_the_last_months_of_a_past_year_end_with_it(parse):
    p = period(periods(parse, "Imports slowed in the last two months of 2024."), "the last two months of 2024")
    assert span(p) == (date(2024, 11, 1), date(2024, 12, 31))


@pytest.mark.parametrize("text,part,frm,to", [
    ("The border reopened in early August.", "early August", date(2025, 8, 1), date(2025, 8, 31)),
    ("Imports slowed at the end of 2023.", "the end of 2023", date(2023, 1, 1), date(2023, 12, 31)),
    ("Trade collapsed in late 2020.", "late 2020", date(2020, 1, 1), date(2020, 12, 31)),
])
def test_a_part_of_a_period_is_the_period_with_an_approximate_bound(parse, text, part, frm, to):
    p = period(periods(parse, text), part)
    assert (p.from_, p.to, p.bound) == (frm, to, "approx")


def test_a_whole_month_keeps_an_exact_bound(parse):
    assert period(periods(parse, "The border reopened in August."), "August").bound == "exact"


@pytest.mark.parametrize("text,end", [
    ("We expect shipments to cool by year-end.", "year-end"),
    ("Stocks of rice ran low by the year's end.", "the year's end"),
])
def test_year_end_is_the_year_with_an_approximate_bound(parse, text, end):
    p = period(periods(parse, text), end)
    assert (p.from_, p.to, p.bound) == (date(2025, 1, 1), date(2025, 12, 31), "approx")


# ----------------------------------------------------------------------------- two months


@pytest.mark.parametrize("text,both,frm,to", [
    ("Exports in April and May fell 10 percent from a year earlier.", "April and May",
     date(2025, 4, 1), date(2025, 5, 31)),
    ("China's trade in Jan., Feb. increased to $40 billion.", "Jan., Feb.", date(2025, 1, 1), date(2025, 2, 28)),
])
def test_two_consecutive_months_under_one_preposition_are_one_period(parse, text, both, frm, to):
    assert span(period(periods(parse, text), both)) == (frm, to)


def test_two_months_apart_stay_two_periods(parse):
    ps = periods(parse, "Exports rose in March and June.")
    assert [p.text for p in ps] == ["March", "June"]


def test_a_change_between_two_months_is_from_one_to_the_other(parse):
    ps = periods(parse, "Trade tripled between March and April.")
    assert [p.text for p in ps] == ["March", "April"]


@pytest.mark.parametrize("text,expected", [
    # a change that states the level reached over months apart: the total of the months between
    ("Exports to Peru fell 7 per cent to $4.6 billion between January and September.",
     ["between January and September"]),
    # the same with the next month: a move from one month to the other
    ("Steel imports dropped 9 percent to $368 million between June and July.", ["June", "July"]),
])
def test_a_change_to_a_level_between_months_apart_is_the_range(parse, text, expected):
    assert [p.text for p in periods(parse, text, date(2025, 11, 20))] == expected


def test_a_total_between_two_months_is_the_range(parse):
    p = period(periods(parse, "Trade between January and June totaled $1 billion."), "between January and June")
    assert span(p) == (date(2025, 1, 1), date(2025, 6, 30))


def test_a_weekday_the_day_after_publication_is_that_day(parse):
    # a Thursday page about Beijing's Friday release
    ps = periods(parse, "China's exports rose 8 percent in January, customs data showed on Friday.",
                 date(2025, 2, 6))
    assert span(period(ps, "Friday")) == (date(2025, 2, 7), date(2025, 2, 7))


def test_a_weekday_two_days_after_publication_is_last_week(parse):
    ps = periods(parse, "Customs data showed on Saturday that exports rose.", date(2025, 2, 6))
    assert span(period(ps, "Saturday")) == (date(2025, 2, 1), date(2025, 2, 1))


# ----------------------------------------------------------------------------- the day before


def test_the_day_before_an_event_is_a_day_nobody_dated(parse):
    p = period(periods(parse, "He emailed his son the day before the son reported him missing."), "the day before")
    assert (p.granularity, p.from_, p.relative) == ("day", None, True)


def test_the_day_after_a_dated_day(parse):
    ps = periods(parse, "The bridge reopened on March 7. Trucks crossed the day after.", date(2025, 3, 20))
    assert span(period(ps, "the day after")) == (date(2025, 3, 8), date(2025, 3, 8))


@pytest.mark.parametrize("text,written,day", [
    ("Traders met the day before last Thursday's tariff hearing.", "the day before last Thursday", date(2025, 10, 15)),
    ("Port officials spoke the day after Friday's inspection.", "the day after Friday", date(2025, 10, 18)),
])
def test_the_day_next_to_a_weekday_is_one_day(parse, text, written, day):
    assert span(period(periods(parse, text), written)) == (day, day)


@pytest.mark.parametrize("text,written", [
    ("Today is the ninth day of the dockers' strike at Nampo.", "the ninth day"),
    ("It's the 3rd day of the border closure.", "the 3rd day"),
])
def test_a_day_count_told_in_the_present_is_the_day_of_writing(parse, text, written):
    assert span(period(periods(parse, text), written)) == (PUB, PUB)


def test_an_ordinal_day_in_the_past_is_no_day_of_writing(parse):
    assert not [p for p in periods(parse, "The ninth day of the strike was calm.") if "day" in p.text]


def test_the_day_before_yesterday_is_no_anaphor(parse):
    assert not [p for p in periods(parse, "Talks ended the day before yesterday.") if p.text.startswith("the day")]


# ----------------------------------------------------------------------------- a report's own periods


def test_the_quarter_of_a_results_story(parse):
    ps = periods(parse, "Net income rose 12% in the third quarter. Revenue for the quarter climbed 8%, "
                        "compared with the year-earlier quarter.", date(2025, 10, 21))
    assert span(period(ps, "the quarter")) == (date(2025, 7, 1), date(2025, 9, 30))
    assert span(period(ps, "the year-earlier quarter")) == (date(2024, 7, 1), date(2024, 9, 30))


def test_the_latest_quarter_without_one_named_is_the_last_complete_one(parse):
    p = period(periods(parse, "Exports grew 3% in the latest quarter.", date(2025, 10, 21)), "the latest quarter")
    assert span(p) == (date(2025, 7, 1), date(2025, 9, 30))


def test_the_latest_quarter_is_the_last_complete_one_whatever_the_text_named_before(parse):
    ps = periods(parse, "The exporter expects a loss in the fourth quarter. Its revenue rose 9% in the latest "
                        "quarter, to $310 million from $284 million a year earlier.", date(2025, 11, 4))
    assert span(period(ps, "the latest quarter")) == (date(2025, 7, 1), date(2025, 9, 30))
    # and it is the period the sentence reports: its comparison base is that quarter a year before
    assert span(period(ps, "a year earlier")) == (date(2024, 7, 1), date(2024, 9, 30))


@pytest.mark.parametrize("text,written", [
    ("The shipper posted a loss for the third quarter. For the quarter a year ago, it earned $12 million.",
     "the quarter a year ago"),
    ("The shipper posted a loss for the third quarter. Sales for last year's quarter were $80 million.",
     "last year's quarter"),
])
def test_the_quarter_a_year_ago_is_the_year_earlier_quarter(parse, text, written):
    ps = periods(parse, text, date(2025, 10, 30))
    assert span(period(ps, written)) == (date(2024, 7, 1), date(2024, 9, 30))


def test_last_years_quarter_without_a_quarter_named_is_the_last_complete_one_a_year_back(parse):
    ps = periods(parse, "Coal sales for last year's quarter were $3 million.", date(2025, 11, 2))
    assert span(period(ps, "last year's quarter")) == (date(2024, 7, 1), date(2024, 9, 30))


def test_the_latest_fiscal_year_is_the_last_complete_year(parse):
    ps = periods(parse, "Coal accounted for 12% of sales in the latest fiscal year.", date(2025, 10, 21))
    assert span(period(ps, "the latest fiscal year")) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_following_month_counts_from_the_last_month_named_sentences_before(parse):
    ps = periods(parse, "In March, the ministry opened a review of the rice tariff. Farm groups asked for a "
                        "quick decision. The following month, the tariff was cut by half.", date(2025, 10, 21))
    assert span(period(ps, "The following month")) == (date(2025, 4, 1), date(2025, 4, 30))


def test_the_following_month_with_no_month_named_counts_from_publication(parse):
    ps = periods(parse, "The tariff was cut by half the following month.", date(2025, 10, 21))
    assert span(period(ps, "the following month")) == (date(2025, 11, 1), date(2025, 11, 30))


def test_a_forecast_year_is_no_report_period(parse):
    ps = periods(parse, "Quarterly profit rose 8% in the third quarter. The miner expects output to double by "
                        "2028, and forecast higher earnings for the full year.", date(2025, 10, 21))
    assert span(period(ps, "the full year")) == (date(2025, 1, 1), date(2025, 12, 31))


def test_for_the_year_is_the_year_of_the_text(parse):
    ps = periods(parse, "Exports reached $2 billion in 2024, and imports for the year fell.", date(2025, 3, 1))
    assert span(period(ps, "the year")) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_year_without_a_preposition_of_time_is_no_period(parse):
    assert not [p for p in periods(parse, "The year was hard for farmers.") if p.text.lower() == "the year"]


@pytest.mark.parametrize("text,spoken,year", [
    ("The talks collapsed in nineteen ninety-six.", "nineteen ninety-six", 1996),
    ("Computers were to fail in the year two thousand.", "the year two thousand", 2000),
])
def test_a_broadcast_transcript_spells_years_out(parse, text, spoken, year):
    assert span(period(periods(parse, text), spoken)) == (date(year, 1, 1), date(year, 12, 31))


def test_a_spelled_number_before_a_unit_is_no_year(parse):
    assert not [p for p in periods(parse, "The fee was nineteen fifty dollars.") if p.granularity == "year"]


def test_a_period_named_by_its_first_and_last_months(parse):
    ps = periods(parse, "Coffee exports rose 11 percent in the period from July last year to June this year.",
                 date(2024, 7, 20))
    assert span(period(ps, "July last year to June this year")) == (date(2023, 7, 1), date(2024, 6, 30))


# ----------------------------------------------------------------------------- names that look like periods


def test_a_quoted_title_is_no_period(parse):
    ps = periods(parse, 'The trade minister said on the talk show "This Week" that tariffs would stay.')
    assert not [p for p in ps if p.text.lower() == "this week"]


def test_a_quoted_sentence_starting_with_this_week_is_a_period(parse):
    ps = periods(parse, 'He said: "This week we shipped more coal than in all of May."')
    assert period(ps, "This week").granularity == "week"


@pytest.mark.parametrize("text,expr,from_,to", [
    # a quarter named by its last month (Australian and New Zealand statistics, company reports)
    ("Exports rose 6 percent in the June quarter.", "the June quarter", date(2025, 4, 1), date(2025, 6, 30)),
    ("Imports fell in the September quarter of 2022.", "the September quarter of 2022", date(2022, 7, 1),
     date(2022, 9, 30)),
    ("Sales rose in the quarter to August.", "the quarter to August", date(2025, 6, 1), date(2025, 8, 31)),
    # the statistics offices' own form, the year between month and quarter
    ("Exports fell 2.4 percent in the March 2017 quarter.", "the March 2017 quarter", date(2017, 1, 1),
     date(2017, 3, 31)),
    ("Imports rose in the quarter ending in May 2019.", "the quarter ending in May 2019", date(2019, 3, 1),
     date(2019, 5, 31)),
    # a run of months named by its last month, as statistics offices write rolling totals
    ("Exports rose 1.2% in the three-month period ending April 2018.", "the three-month period ending April 2018",
     date(2018, 2, 1), date(2018, 4, 30)),
    ("Imports fell in the 12-month period to July.", "the 12-month period to July", date(2024, 8, 1),
     date(2025, 7, 31)),
    ("Exports grew in the six months ended in March 2023.", "the six months ended in March 2023", date(2022, 10, 1),
     date(2023, 3, 31)),
])
def test_a_quarter_or_a_run_of_months_named_by_its_last_month(parse, text, expr, from_, to):
    assert span(period(periods(parse, text), expr)) == (from_, to)


@pytest.mark.parametrize("text, start, end", [
    ("In the 1st semester of 2018, imports of fuel rose 22% to $4.8 billion.", date(2018, 1, 1), date(2018, 6, 30)),
    ("Copper exports fell in the second semester of 2019.", date(2019, 7, 1), date(2019, 12, 31)),
])
def test_a_semester_is_a_half_year(parse, text, start, end):
    p = next(p for p in periods(parse, text) if "semester" in p.text)
    assert (p.from_, p.to) == (start, end)


@pytest.mark.parametrize("text, published, year", [
    # written in January 2020 about 2019: 'last year' counted from publication is 2019 itself
    ("Trade with Peru reached $84.4 billion in 2019, a slight rise from last year's $83.2 billion.", date(2020, 1, 20), 2018),
    ("Trade with Peru reached $84.4 billion in 2019. That was up from last year's $83.2 billion.", date(2020, 1, 20), 2018),
    # written in 2019 about 2019: publication's last year is already the year before
    ("Trade with Peru reached $84.4 billion in 2019, a slight rise from last year's $83.2 billion.", date(2019, 12, 20), 2018),
    # not a base: the figure's own year
    ("Trade with Peru reached $84.4 billion last year, a slight rise from 2018.", date(2020, 1, 20), 2019),
])
def test_last_year_as_a_base_is_the_year_before_the_figure(parse, text, published, year):
    p = next(p for p in periods(parse, text, published) if p.text == "last year")
    assert (p.from_, p.to) == (date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize("text, published, month", [
    # a page dated the last day of June whose 'last month' is compared with June a year before
    ("The ministry said on Monday that last month's shipments came to $46.7 billion, up 6.4 percent from June 2023.",
     date(2024, 6, 30), (2024, 6)),
    # the base names the month before: the page's date is the writer's
    ("The ministry said on Monday that last month's shipments came to $46.7 billion, up 6.4 percent from May 2023.",
     date(2024, 6, 30), (2024, 5)),
    # not the month's last day: publication counts
    ("The ministry said on Monday that last month's shipments came to $46.7 billion, up 6.4 percent from June 2023.",
     date(2024, 6, 29), (2024, 5)),
])
def test_last_month_on_a_page_dated_behind_its_month(parse, text, published, month):
    p = next(p for p in periods(parse, text, published) if p.text == "last month")
    assert (p.from_.year, p.from_.month) == month


def test_the_n_month_period_is_the_span_of_that_length_named_before(parse):
    text = ("Trade reached $5.2 billion in the first four months of this year. In April, trade stood at $1.2 billion. "
            "During the four-month period, Laos exported $410 million worth of goods to Thailand.")
    p = period(periods(parse, text), "the four-month period")
    assert (p.from_, p.to, p.value) == (date(2025, 1, 1), date(2025, 4, 30), "P4M")
    # no span of four months before it: only the duration, never April
    alone = period(periods(parse, "In April, trade stood at $1.2 billion. During the four-month period, exports rose."),
                   "the four-month period")
    assert (alone.from_, alone.duration) == (None, "P4M")


@pytest.mark.parametrize("text,written,span", [
    ("South Korea's exports rose 9.6% in the first half of May, the customs office said.", "the first half of May",
     ("2024-05-01", "2024-05-15")),
    ("Exports in the second half of last month totalled $4.1 billion.", "the second half of last month",
     ("2024-05-16", "2024-05-31")),
    # the other side: a half of a year stays the year's
    ("Exports in the first half of 2024 rose 5%.", "the first half of 2024", ("2024-01-01", "2024-06-30")),
])
def test_a_half_of_a_month_is_its_days(pipeline, text, written, span):
    r = pipeline.extract(text, published="2024-06-05")
    assert {p.text: (str(p.from_), str(p.to)) for p in r.periods}[written] == span


@pytest.mark.parametrize("text,written,span", [
    ("China's trade with Russia in the II quarter of 2019 rose 3.4%.", "the II quarter of 2019", ("2019-04-01", "2019-06-30")),
    ("In the III quarter, turnover fell 4%, to $9.2 billion.", "the III quarter", ("2020-07-01", "2020-09-30")),
])
def test_a_quarter_numbered_in_roman_numerals(pipeline, text, written, span):
    r = pipeline.extract(text, published="2020-11-10")
    assert {p.text: (str(p.from_), str(p.to)) for p in r.periods}[written] == span


def test_the_verb_quarter_after_a_pronoun_is_no_period(pipeline):
    assert pipeline.extract("I quarter the results with care.", published="2020-11-10").periods == []


@pytest.mark.parametrize("text, span, dates", [
    ("Exports rose 24% in the seven months of 2022.", "the seven months of 2022", ("2022-01-01", "2022-07-31")),
    ("In the five months of the current year, imports rose 5%.", "the five months of the current year",
     ("2022-01-01", "2022-05-31")),
])
def test_the_months_of_a_year_without_first_are_its_first(pipeline, text, span, dates):
    r = pipeline.extract(text, published="2022-09-10")
    assert {p.text: (str(p.from_), str(p.to)) for p in r.periods}[span] == dates


@pytest.mark.parametrize("text,expr,from_,to", [
    ("Exports rose 7 percent from mid-July to mid-October this year.", "from mid-July to mid-October this year",
     date(2025, 7, 1), date(2025, 10, 31)),
    ("Imports totalled $2.1 billion between mid-April and mid-June.", "between mid-April and mid-June", date(2025, 4, 1),
     date(2025, 6, 30)),
])
def test_a_run_of_months_written_by_their_middles_is_one_approximate_span(parse, text, expr, from_, to):
    p = period(periods(parse, text), expr)
    assert (span(p), p.bound) == ((from_, to), "approx")


@pytest.mark.parametrize("text,expr,from_,to", [
    ("Non-oil exports reached $21.7 billion in the first five months of the Iranian year (March 21-August 22).",
     "the first five months", date(2025, 3, 21), date(2025, 8, 22)),
    ("Imports rose 4 percent in the eight months to November 21 (March 21, 2024-November 21, 2024).",
     "the eight months to November", date(2024, 3, 21), date(2024, 11, 21)),
])
def test_a_period_whose_days_a_bracket_spells_out_is_those_days(parse, text, expr, from_, to):
    assert span(period(periods(parse, text), expr)) == (from_, to)


def test_a_month_range_written_right_through_to_its_end(pipeline):
    r = pipeline.extract("Peru's exports rose 3% from January right through to June.", published="2024-08-01")
    p = next(p for p in r.periods if p.text.startswith("from January"))
    assert (str(p.from_), str(p.to)) == ("2024-01-01", "2024-06-30")


def test_a_bare_quarter_after_a_dated_one_in_its_sentence_shares_its_year(pipeline):
    """'rose in the first quarter of 2017 but fell in the second quarter and in the third quarter of the year':
    2017's, not the quarters around publication (one after it even)."""
    r = pipeline.extract("Peru's non-oil exports rose to $4.1 billion in the first quarter of 2017 but fell to $3.6 billion in "
                         "the second quarter and to $3.2 billion in the third quarter of the year.", published="2021-06-01")
    got = {p.text: (str(p.from_), str(p.to)) for p in r.periods}
    assert got["the second quarter"] == ("2017-04-01", "2017-06-30")
    assert got["the third quarter of the year"] == ("2017-07-01", "2017-09-30")


@pytest.mark.parametrize("written, expected", [
    ("QTR 1, 2017", (date(2017, 1, 1), date(2017, 3, 31))),
    ("Qtr. 3 2019", (date(2019, 7, 1), date(2019, 9, 30))),
    ("Quarter 2 of 2021", (date(2021, 4, 1), date(2021, 6, 30))),
])
def test_a_quarter_numbered_after_its_abbreviated_word(parse, written, expected):
    """A headline's 'Tractor Sales in QTR 1, 2017': the quarter by its number after 'QTR', 'Qtr.' or
    'Quarter', with its year."""
    ps = periods(parse, f"Motorcycle exports in {written} rose 9 percent.")
    assert span(period(ps, written)) == expected


@pytest.mark.parametrize("written, expected", [
    ("from January to the end of July 2022", (date(2022, 1, 1), date(2022, 7, 31))),
    ("in the six months to the end of 2019", (date(2019, 7, 1), date(2019, 12, 31))),
    ("from July to February 2023-24", (date(2023, 7, 1), date(2024, 2, 29))),
])
def test_a_run_of_months_written_to_an_end(parse, written, expected):
    """'from January to the end of July 2022', 'the six months to the end of 2019', and a fiscal
    year's months 'from July to February 2023-24': the months between, not the last one or the year."""
    ps = periods(parse, f"Cotton exports rose 9 percent {written}.")
    p = next(p for p in ps if p.text in written and len(p.text) > 8)
    assert span(p) == expected


@pytest.mark.parametrize("written", ["the opening six months of 2023", "the initial six months of 2023"])
def test_the_opening_or_initial_months_are_the_first(parse, written):
    """'the opening six months of the year', 'the initial two months': the first months, as 'the
    first six months' (not the whole year its 'of the year' names)."""
    ps = periods(parse, f"Rubber exports rose 9 percent in {written}.")
    assert span(period(ps, written)) == (date(2023, 1, 1), date(2023, 6, 30))


def test_the_quarter_ended_last_month(parse):
    """'In the quarter ended last month', written in July: April to June."""
    ps = periods(parse, "In the quarter ended last month, shipments grew 10 percent.", date(2021, 7, 20))
    assert span(period(ps, "the quarter ended last month")) == (date(2021, 4, 1), date(2021, 6, 30))
