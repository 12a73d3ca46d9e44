"""Tests for extractor/periods.py: recognition, resolution, anchoring, durations, non-periods.

All sentences are written for these tests (news-like: China-North Korea trade, sanctions).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.periods import find_periods, period_value, resolve_period
from periods_support import by_text, periods_in

PUB = date(2025, 10, 21)  # a Tuesday


def periods(parse, text, published=PUB):
    return periods_in(parse, text, published)


def assert_period(p, frm, to, granularity, relative=False, bound="exact", duration=None):
    assert (p.from_, p.to) == (frm, to), p
    assert p.granularity == granularity, p
    assert p.relative is relative, p
    assert p.bound == bound, p
    assert p.duration == duration, p


# ----------------------------------------------------------------------------- invariants


def test_offsets_sorted_non_overlapping(parse):
    text = ("Exports in September rose 20% from a year earlier, customs data showed on Monday, "
            "after trade in the first half of 2017 and in December 2019 slumped for over six years.")
    doc = parse(text, PUB)
    ps = find_periods(doc, doc._.published)
    assert len(ps) >= 6
    for p in ps:
        assert doc.text[p.start:p.end] == p.text
    for a, b in zip(ps, ps[1:]):
        assert a.end <= b.start


def test_serializes_from_alias(parse):
    p = by_text(periods(parse, "Trade peaked in December 2019."), "December 2019")
    dumped = p.model_dump(mode="json")
    assert dumped["from"] == "2019-12-01" and dumped["to"] == "2019-12-31"
    assert dumped["value"] == "2019-12"


# ----------------------------------------------------------------------------- 1. days, months, quarters, halves, years


@pytest.mark.parametrize("text,span,day", [
    ("Kim arrived in Beijing on Sept. 4 for talks.", "Sept. 4", date(2025, 9, 4)),
    ("The border bridge reopened on June 24 after repairs.", "June 24", date(2025, 6, 24)),
    ("Customs published the figures on October 20, 2025.", "October 20, 2025", date(2025, 10, 20)),
    ("The freighter docked at Nampo on 20 Oct 2025.", "20 Oct 2025", date(2025, 10, 20)),
    ("The sanctions list was updated on 2025-10-20.", "2025-10-20", date(2025, 10, 20)),
    ("Rodong Sinmun reported the visit on Monday, Oct. 20, 2025.", "Monday, Oct. 20, 2025", date(2025, 10, 20)),
])
def test_days(parse, text, span, day):
    assert_period(by_text(periods(parse, text), span), day, day, "day")


def test_months(parse):
    ps = periods(parse, "Shipments hit a record in December 2019 and fell sharply in September.")
    assert_period(by_text(ps, "December 2019"), date(2019, 12, 1), date(2019, 12, 31), "month")
    assert_period(by_text(ps, "September"), date(2025, 9, 1), date(2025, 9, 30), "month")


def test_quarters(parse):
    ps = periods(parse, "Coal smuggling rose in the first quarter, and Q3 2024 saw record seizures, "
                        "double the third quarter of last year.")
    assert_period(by_text(ps, "the first quarter"), date(2025, 1, 1), date(2025, 3, 31), "quarter")
    assert_period(by_text(ps, "Q3 2024"), date(2024, 7, 1), date(2024, 9, 30), "quarter")
    assert_period(by_text(ps, "the third quarter of last year"), date(2024, 7, 1), date(2024, 9, 30),
                  "quarter", relative=True)
    assert by_text(ps, "Q3 2024").value == "2024-Q3"


def test_halves(parse):
    ps = periods(parse, "Trade in the first half of 2017 rose 10%, but H1 figures this time were weaker.")
    assert_period(by_text(ps, "the first half of 2017"), date(2017, 1, 1), date(2017, 6, 30), "half")
    assert_period(by_text(ps, "H1"), date(2025, 1, 1), date(2025, 6, 30), "half")


def test_years(parse):
    ps = periods(parse, "Beijing tightened checks in 2019; seizures fell last year but rose this year.")
    assert_period(by_text(ps, "2019"), date(2019, 1, 1), date(2019, 12, 31), "year")
    assert_period(by_text(ps, "last year"), date(2024, 1, 1), date(2024, 12, 31), "year", relative=True)
    assert_period(by_text(ps, "this year"), date(2025, 1, 1), date(2025, 12, 31), "year", relative=True)


# ----------------------------------------------------------------------------- 2. named spans


@pytest.mark.parametrize("text,span,frm,to,gran", [
    ("Exports for January-June fell 12%.", "January-June", date(2025, 1, 1), date(2025, 6, 30), "range"),
    ("From January to June 2018 the border stayed shut.", "From January to June 2018",
     date(2018, 1, 1), date(2018, 6, 30), "range"),
    ("Imports in the first nine months climbed 30%.", "the first nine months",
     date(2025, 1, 1), date(2025, 9, 30), "range"),
    ("Seafood sales collapsed in the January-September period.", "the January-September period",
     date(2025, 1, 1), date(2025, 9, 30), "range"),
    ("Trade in the first three quarters of 2017 fell.", "the first three quarters of 2017",
     date(2017, 1, 1), date(2017, 9, 30), "range"),
    ("Fertilizer imports over the first two months of the year were flat.", "the first two months of the year",
     date(2025, 1, 1), date(2025, 2, 28), "range"),
    ("The survey ran September 16-19 in Dandong.", "September 16-19", date(2025, 9, 16), date(2025, 9, 19), "range"),
    ("Sanctions were tightened between 2016 and 2017.", "between 2016 and 2017",
     date(2016, 1, 1), date(2017, 12, 31), "range"),
    ("Smuggling surged in the 1990s.", "the 1990s", date(1990, 1, 1), date(1999, 12, 31), "range"),
    ("Smuggling surged in the mid-1990s.", "the mid-1990s", date(1990, 1, 1), date(1999, 12, 31), "range"),
    ("The 2017-18 crackdown hit seafood.", "2017-18", date(2017, 1, 1), date(2018, 12, 31), "range"),
])
def test_named_spans(parse, text, span, frm, to, gran):
    p = by_text(periods(parse, text), span)
    assert (p.from_, p.to, p.granularity) == (frm, to, gran)


def test_twelve_months_to_june(parse):
    ps = periods(parse, "Imports reached 1.2 million tonnes in the 12 months to June.")
    assert [(p.text, p.from_, p.to, p.granularity) for p in ps] == [
        ("the 12 months to June", date(2024, 7, 1), date(2025, 6, 30), "range")]


def test_months_to_the_end_of_a_month(parse):
    """'the nine months to the end of September': the months ending with it, as 'the nine months to
    September' (not September alone)."""
    ps = periods(parse, "Exports reached $3.1 billion in the nine months to the end of September.")
    assert [(p.text, p.from_, p.to) for p in ps] == [
        ("the nine months to the end of September", date(2025, 1, 1), date(2025, 9, 30))]


def test_over_the_weekend(parse):
    ps = periods(parse, "Over the weekend, the ministry said imports had risen.")
    assert [(p.text, p.from_, p.to) for p in ps] == [("the weekend", date(2025, 10, 18), date(2025, 10, 19))]


def test_first_six_months_is_a_half(parse):
    p = by_text(periods(parse, "Exports in the first six months of 2024 rose."), "the first six months of 2024")
    assert (p.from_, p.to, p.granularity) == (date(2024, 1, 1), date(2024, 6, 30), "half")


# ----------------------------------------------------------------------------- 3. relative expressions


def test_last_month(parse):
    p = by_text(periods(parse, "North Korea imported more wigs from China last month."), "last month")
    assert_period(p, date(2025, 9, 1), date(2025, 9, 30), "month", relative=True)


def test_weekday_past_is_most_recent_on_or_before_publication(parse):
    ps = periods(parse, "NK News reported on Monday that trade had surged.")
    p = by_text(ps, "Monday")  # the span does not include "on"
    assert_period(p, date(2025, 10, 20), date(2025, 10, 20), "day", relative=True)


def test_weekday_same_day_as_publication(parse):
    # AP style writes the weekday instead of "today": a Tuesday story's "Tuesday" is that day
    p = by_text(periods(parse, "The ministry said Tuesday it would review the ban."), "Tuesday")
    assert p.from_ == PUB


def test_weekday_future_tense(parse):
    p = by_text(periods(parse, "Trade officials from both sides will meet on Monday in Dandong."), "Monday")
    assert_period(p, date(2025, 10, 27), date(2025, 10, 27), "day", relative=True)


def test_a_possessive_weekday_is_the_day_of_the_event_it_names(parse):
    # an infinitive about the future does not move the day of the ruling it names
    ps = periods(parse, "Rice importers will look for ways to get around Thursday's ruling by the trade court.")
    assert by_text(ps, "Thursday").from_ == date(2025, 10, 16)


def test_postponed_until_weekday_is_ahead(parse):
    p = by_text(periods(parse, "The reopening of the Dandong bridge has been postponed until Saturday."), "Saturday")
    assert p.from_ == date(2025, 10, 25)


def test_purpose_infinitive_after_present_perfect_is_ahead(parse):
    p = by_text(periods(parse, "Beijing has extended the seafood waiver to run through March."), "March")
    assert (p.from_, p.to) == (date(2026, 3, 1), date(2026, 3, 31))


def test_due_to_be_published_is_ahead(parse):
    p = by_text(periods(parse, "The customs report is due to be published in December."), "December")
    assert p.from_ == date(2025, 12, 1)


def test_seasons(parse):
    ps = periods(parse, "Smuggling slowed last summer and may pick up next spring.", date(2025, 7, 10))
    assert (by_text(ps, "last summer").from_, by_text(ps, "last summer").to) == (date(2024, 6, 1), date(2024, 8, 31))
    assert by_text(ps, "next spring").from_ == date(2026, 3, 1)


def test_last_and_next_weekday(parse):
    ps = periods(parse, "Talks stalled last Friday and resume next Thursday.")
    assert by_text(ps, "last Friday").from_ == date(2025, 10, 17)
    assert by_text(ps, "next Thursday").from_ == date(2025, 10, 23)


def test_yesterday_and_last_week(parse):
    ps = periods(parse, "A cargo ship left Nampo yesterday, after inspections last week.")
    assert by_text(ps, "yesterday").from_ == date(2025, 10, 20)
    assert_period(by_text(ps, "last week"), date(2025, 10, 13), date(2025, 10, 19), "week", relative=True)


def test_year_earlier_anchors_on_the_sentence_period(parse):
    ps = periods(parse, "Exports in September rose 20% from a year earlier, while imports fell "
                        "from the same period last year.")
    assert_period(by_text(ps, "a year earlier"), date(2024, 9, 1), date(2024, 9, 30), "month", relative=True)
    assert_period(by_text(ps, "the same period last year"), date(2024, 9, 1), date(2024, 9, 30), "month",
                  relative=True)


def test_year_ago_anchors_on_a_quarter(parse):
    ps = periods(parse, "Rice shipments in the third quarter of 2024 doubled from a year ago.")
    assert_period(by_text(ps, "a year ago"), date(2023, 7, 1), date(2023, 9, 30), "quarter", relative=True)


def test_previous_month_and_month_prior(parse):
    ps = periods(parse, "Imports last month rose 5% from the previous month and 9% from the month prior.")
    assert_period(by_text(ps, "the previous month"), date(2025, 8, 1), date(2025, 8, 31), "month", relative=True)
    assert_period(by_text(ps, "the month prior"), date(2025, 8, 1), date(2025, 8, 31), "month", relative=True)


def test_anaphor_before_the_period_of_its_sentence(parse):
    ps = periods(parse, "In 2017 sanctions tightened. Imports fell 40% from the previous month in October 2017.")
    assert_period(by_text(ps, "the previous month"), date(2017, 9, 1), date(2017, 9, 30), "month", relative=True)


def test_of_that_year(parse):
    ps = periods(parse, "Exports collapsed in the first quarter of 2021. They totalled $57 million in the "
                        "first half of that year and $20 million in June of that year.")
    assert_period(by_text(ps, "the first half of that year"), date(2021, 1, 1), date(2021, 6, 30), "half",
                  relative=True)
    assert_period(by_text(ps, "June of that year"), date(2021, 6, 1), date(2021, 6, 30), "month", relative=True)


def test_month_earlier_anchors_on_previous_sentence(parse):
    ps = periods(parse, "Imports in August reached $200 million. That was up from $150 million a month earlier.")
    assert_period(by_text(ps, "a month earlier"), date(2025, 7, 1), date(2025, 7, 31), "month", relative=True)


def test_ago_does_not_look_ahead(parse):
    # "ago" counts back from publication unless its clause named a period before it
    ps = periods(parse, "When the bridge opened more than 10 years ago, Beijing promised that by 2030 trade would triple.")
    p = by_text(ps, "more than 10 years ago")
    assert (p.from_, p.bound) == (date(2015, 1, 1), "more_than")


def test_ago_in_a_relative_clause_counts_from_publication(parse):
    # the relative clause tells of another event: the sentence's December is no reference for it
    ps = periods(parse, "Crowds in early December filled the square where the treaty that ended the blockade "
                        "was signed 41 years ago.")
    assert by_text(ps, "41 years ago").from_ == date(1984, 1, 1)


def test_ago_in_the_clause_of_a_period_counts_from_it(parse):
    ps = periods(parse, "Having climbed to $92 million in October, coal sales to Vietnam stood far above the "
                        "level of a year ago.")
    assert by_text(ps, "a year ago").from_ == date(2024, 10, 1)


def test_year_ago_without_anchor_uses_publication(parse):
    p = by_text(periods(parse, "The ministry promised a review a year ago."), "a year ago")
    assert_period(p, date(2024, 1, 1), date(2024, 12, 31), "year", relative=True)


def test_no_publication_date_leaves_relative_unresolved_with_one_warning(parse):
    doc = parse("Trade rose last month and fell on Monday, versus a year earlier, in December 2019.", None)
    ps = find_periods(doc, doc._.published)
    lm = by_text(ps, "last month")
    assert (lm.from_, lm.to, lm.relative, lm.granularity) == (None, None, True, "month")
    assert by_text(ps, "Monday").from_ is None
    assert by_text(ps, "December 2019").from_ == date(2019, 12, 1)  # absolute: still resolved
    warnings = doc._.warnings
    assert len(warnings) == 1 and "no publication date" in warnings[0] and "'last month'" in warnings[0]


def test_no_publication_date_never_uses_today(parse):
    doc = parse("Exports fell this year.", None)
    p = by_text(find_periods(doc, None), "this year")
    assert p.from_ is None and p.to is None


def test_that_year_points_back_into_the_text(parse):
    ps = periods(parse, "Sanctions were tightened in 2017. That year, exports to the North collapsed.")
    assert_period(by_text(ps, "That year"), date(2017, 1, 1), date(2017, 12, 31), "year", relative=True)


def test_that_day_after_a_year_is_not_guessed(parse):
    ps = periods(parse, "The mine closed in 2015. Miners still remember that day.")
    assert by_text(ps, "that day").from_ is None


def test_later_never_counts_from_publication(parse):
    ps = periods(parse, "A year later, the border reopened.")
    assert by_text(ps, "A year later").from_ is None


# ----------------------------------------------------------------------------- 4. durations


@pytest.mark.parametrize("text,span,dur,bound", [
    ("Trade reached its highest level in 6 years.", "6 years", "P6Y", "exact"),
    ("Trade reached its highest level in six years.", "six years", "P6Y", "exact"),
    ("It was the biggest monthly total in over six years.", "over six years", "P6Y", "more_than"),
    ("The border was closed for nearly two decades.", "nearly two decades", "P20Y", "approx"),
    ("The smuggling ring operated for 18 months.", "18 months", "P18M", "exact"),
    ("Talks lasted at least two weeks.", "at least two weeks", "P2W", "at_least"),
    ("The ban ran for less than 10 days.", "less than 10 days", "P10D", "less_than"),
    ("Kim has ruled for seven and a half years.", "seven and a half years", "P7.5Y", "exact"),
    ("The port posted a six-year high in coal imports.", "six-year", "P6Y", "exact"),
    # recipe and sport style: 'hrs', 'min' (glued or not) have no plural; a decimal before a
    # singular unit ('a 9.9 second final') is a span however it is hyphenated; '~' hedges it
    ("The ferry crossing takes 2 hrs in winter.", "2 hrs", "PT2H", "exact"),
    ("Bake the loaf for 35min, then let it rest.", "35min", "PT35M", "exact"),
    ("Inspectors waited ~20 minutes at the gate.", "~20 minutes", "PT20M", "approx"),
    ("The sprinter ran a 9.9 second 100-metre final.", "9.9 second", "PT9.9S", "exact"),
])
def test_durations(parse, text, span, dur, bound):
    p = by_text(periods(parse, text), span)
    assert_period(p, None, None, "duration", bound=bound, duration=dur)


@pytest.mark.parametrize("text,span,dur,bound", [
    ("The customs scanner clears a truck in about 40 seconds.", "about 40 seconds", "PT40S", "approx"),
    ("The launch window closed in fewer than 2.5 seconds.", "fewer than 2.5 seconds", "PT2.5S", "less_than"),
    ("A 30-second advert aired during the match.", "30-second", "PT30S", "exact"),
])
def test_seconds_are_durations(parse, text, span, dur, bound):
    # TimeML 1.2.1 guidelines (Sauri et al. 2006), TIMEX3 type DURATION: any unit of time,
    # value PnS in the time part (TIMEX3 value "PT40S").
    p = by_text(periods(parse, text), span)
    assert_period(p, None, None, "duration", bound=bound, duration=dur)


def test_abbreviations_are_lower_case_only(parse):
    assert periods(parse, "The firm hired 200 HR staff and 12 SEC lawyers.") == []


@pytest.mark.parametrize("text,span,low,high,mid", [
    ("Freight rates have doubled over the past three or four years.", "three or four years", "P3Y", "P4Y", "P3.5Y"),
    ("The new line will take between seven and 10 years to build.", "between seven and 10 years", "P7Y", "P10Y", "P8.5Y"),
    ("Repairs to the dock need 18-24 months.", "18-24 months", "P18M", "P24M", "P21M"),
    ("Customs clearance can take two to three weeks.", "two to three weeks", "P2W", "P3W", "P2.5W"),
    ("He faces a three-to-five-year sentence.", "three-to-five-year", "P3Y", "P5Y", "P4Y"),
    ("The soup simmers for 25 – 40min.", "25 – 40min", "PT25M", "PT40M", "PT32.5M"),
])
def test_duration_ranges(parse, text, span, low, high, mid):
    p = by_text(periods(parse, text), span)
    assert_period(p, None, None, "duration", bound="range", duration=mid)
    assert (p.low, p.high) == (low, high)


@pytest.mark.parametrize("text", [
    "The favourite won at odds of six to one.",        # no unit of time after the numbers
    "The committee voted 7 to 2 this week.",            # a tally, then a period of its own
    "Two to three years ago, the border was shut.",     # a date back from publication, not a span
])
def test_a_pair_of_numbers_without_a_time_unit_is_no_duration_range(parse, text):
    assert all(p.bound != "range" for p in periods(parse, text)), [p.text for p in periods(parse, text)]


@pytest.mark.parametrize("text", [
    "A second tanker docked at Nampo.",
    "Exports fell for a second month.",
    "It was the second-largest shipment this year.",
])
def test_ordinal_second_is_not_a_duration(parse, text):
    assert not [p for p in periods(parse, text) if p.duration and p.duration.endswith("S")]


def test_bare_plural_after_preposition_is_a_vague_duration(parse):
    ps = periods(parse, "Coal exports have been banned for years, the longest ban in decades.")
    assert [(p.text, p.value, p.duration) for p in ps] == [("years", "PXY", None), ("decades", "PXDE", None)]


def test_past_decade_is_a_duration_ending_at_publication(parse):
    p = by_text(periods(parse, "Smuggling grew over the past decade."), "the past decade")
    assert (p.duration, p.from_, p.to) == ("P10Y", date(2015, 10, 22), PUB)


def test_past_three_months_is_anchored_on_publication(parse):
    p = by_text(periods(parse, "Exports doubled over the past three months."), "the past three months")
    assert p.granularity == "duration" and p.duration == "P3M" and p.relative
    assert (p.from_, p.to) == (date(2025, 7, 22), PUB)


def test_vague_duration_has_timeml_value_but_no_iso_duration(parse):
    p = by_text(periods(parse, "Smuggling has picked up in recent weeks."), "recent weeks")
    assert p.granularity == "duration" and p.duration is None and p.value == "PXW"


# ----------------------------------------------------------------------------- 5. bare months and days


def test_bare_month_is_latest_not_after_publication(parse):
    p = by_text(periods(parse, "Exports rose in November.", date(2025, 10, 21)), "November")
    assert (p.from_, p.to) == (date(2024, 11, 1), date(2024, 11, 30))


def test_bare_month_containing_publication_counts(parse):
    p = by_text(periods(parse, "Exports rose in September.", date(2025, 9, 5)), "September")
    assert (p.from_, p.to) == (date(2025, 9, 1), date(2025, 9, 30))


def test_bare_month_takes_the_year_written_in_the_sentence(parse):
    ps = periods(parse, "In September, when exports to the North slumped in 2019, officials blamed sanctions.")
    assert by_text(ps, "September").from_ == date(2019, 9, 1)


def test_bare_month_in_seed_like_sentence(parse):
    ps = periods(parse, "NK News reported on Monday that the North's trade with China last month reached "
                        "its highest level in over six years in September.")
    assert by_text(ps, "September").from_ == date(2025, 9, 1)
    assert by_text(ps, "last month").from_ == date(2025, 9, 1)
    assert by_text(ps, "Monday").from_ == date(2025, 10, 20)
    assert by_text(ps, "over six years").bound == "more_than"


def test_bare_day_month_latest_not_after_publication(parse):
    p = by_text(periods(parse, "The first train crossed on December 12.", date(2025, 10, 21)), "December 12")
    assert p.from_ == date(2024, 12, 12)


def test_bare_day_month_future_tense(parse):
    p = by_text(periods(parse, "The next shipment will arrive on December 12."), "December 12")
    assert p.from_ == date(2025, 12, 12)


def test_day_month_within_a_week_after_publication_is_upcoming(parse):
    # published Thursday 2025-10-23; "October 27" is next Monday, not a year ago
    p = by_text(periods(parse, "Customs officials meet Chinese counterparts on October 27.", date(2025, 10, 23)),
                "October 27")
    assert p.from_ == date(2025, 10, 27)


def test_sentence_year_does_not_push_a_past_month_after_publication(parse):
    # "2025" is in the sentence, but a past-tense "November" before publication is 2024
    ps = periods(parse, "Exports in 2025 are the highest since November.", date(2025, 10, 21))
    assert by_text(ps, "November").from_ == date(2024, 11, 1)


def test_line_break_ends_the_headline_sentence(parse):
    # the headline's "2019" must not give its year to the body's bare month
    ps = periods(parse, "Trade hits record not seen since 2019\nExports rose in September.")
    assert by_text(ps, "September").from_ == date(2025, 9, 1)


def test_date_entity_hint_goes_to_dateparser(parse):
    ps = periods(parse, "The talks ended on March the 3rd, 2019 in Hanoi.")
    assert [(p.text, p.from_, p.granularity) for p in ps] == [("March the 3rd, 2019", date(2019, 3, 3), "day")]


def test_trading_days(parse):
    p = by_text(periods(parse, "Stocks in Seoul fell for five straight trading days."), "five straight trading days")
    assert p.duration == "P5D"


def test_month_may_is_not_the_modal(parse):
    ps = periods(parse, "Officials may ease the ban, which began in May.")
    assert [p.text for p in ps] == ["May"]
    assert ps[0].start == len("Officials may ease the ban, which began in ")


# ----------------------------------------------------------------------------- 6. not periods


@pytest.mark.parametrize("text", [
    "The 45-year-old trader was arrested in Sinuiju.",
    "The resort needs tens of thousands of tourists annually.",
    "Inspectors visit the port every year.",
    "Beijing commemorated the 80th anniversary of the victory.",
    "Workers earn $500 a month at the factory.",
    "A quarter of the cargo was seized.",
    "A reporter for USA Today visited Dandong.",
    "The shipment of 2019 tons of rice arrived.",
    "Youth unemployment is in the mid-30s.",
    "Copyright © 2025 Newsclaims Sample Wire. All rights reserved.",
])
def test_not_periods(parse, text):
    assert periods(parse, text) == []



def test_rejected_long_reading_leaves_the_year(parse):
    # "2030 to 32 percent" is not a range of years; "by 2030" still is a year
    ps = periods(parse, "Emissions must fall by 2030 to 32 percent below 2005 levels.")
    assert [p.text for p in ps] == ["2030", "2005"]


# ----------------------------------------------------------------------------- seed article


def test_seed_article_periods(parse, seed_article):
    doc = parse(seed_article["text"], seed_article["published"])
    ps = find_periods(doc, doc._.published)
    got = {(p.text, p.from_, p.to, p.duration, p.bound) for p in ps}
    expected = {
        ("6 years", None, None, "P6Y", "exact"),
        ("over six years", None, None, "P6Y", "more_than"),
        ("Sept. 4", date(2025, 9, 4), date(2025, 9, 4), None, "exact"),
        ("last month", date(2025, 9, 1), date(2025, 9, 30), None, "exact"),
        ("Monday", date(2025, 10, 20), date(2025, 10, 20), None, "exact"),
        ("December 2019", date(2019, 12, 1), date(2019, 12, 31), None, "exact"),
        ("June 24", date(2025, 6, 24), date(2025, 6, 24), None, "exact"),
        ("June 26", date(2025, 6, 26), date(2025, 6, 26), None, "exact"),
        ("September", date(2025, 9, 1), date(2025, 9, 30), None, "exact"),
        ("six years", None, None, "P6Y", "exact"),
    }
    assert got == expected
    texts = [p.text.lower() for p in ps]
    assert "annually" not in texts and not any("anniversary" in t for t in texts)


# ----------------------------------------------------------------------------- helpers and component


def test_resolve_period_helper(nlp):
    p = resolve_period("the first half of 2017", None, nlp=nlp)
    assert (p.from_, p.to, p.granularity, p.value) == (date(2017, 1, 1), date(2017, 6, 30), "half", "2017-H1")


def test_period_value():
    assert period_value(date(2013, 3, 11), date(2013, 3, 17), "week") == "2013-W11"
    assert period_value(date(2013, 1, 1), date(2013, 3, 31), "quarter") == "2013-Q1"
    assert period_value(None, None, "month") is None


def test_spacy_component(nlp):
    import extractor.pipeline.periods  # noqa: F401  (registers the factory)
    from extractor.pipeline.nlp import load_model

    pipe = load_model()
    pipe.add_pipe("newsclaims_periods", last=True)
    doc = pipe.make_doc("Exports to Pyongyang rose last month.")
    doc._.published = PUB
    doc = pipe(doc)
    assert [(p.text, p.from_) for p in doc._.periods] == [("last month", date(2025, 9, 1))]


# ----------------------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_last_month_is_the_full_calendar_month_before_publication(parse, published):
    p = by_text(periods(parse, "Exports to North Korea fell last month.", published), "last month")
    first_of_this = published.replace(day=1)
    last_of_prev = first_of_this - timedelta(days=1)
    assert (p.from_, p.to) == (last_of_prev.replace(day=1), last_of_prev)
    assert p.relative and p.granularity == "month"


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
       st.sampled_from(["January", "February", "March", "April", "June", "July", "August",
                        "September", "October", "November", "December"]))
def test_in_month_is_never_after_publication(parse, published, month):
    p = by_text(periods(parse, f"Coal exports slumped in {month}.", published), month)
    assert p.from_ <= published
    assert published - p.from_ < timedelta(days=366)
    assert p.to == date(p.from_.year, p.from_.month, calendar.monthrange(p.from_.year, p.from_.month)[1])


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_within_the_week_before_publication_or_the_day_after(parse, published, weekday):
    # the day after publication is the story's own day (a page dated a time zone behind it)
    p = by_text(periods(parse, f"The customs office said on {weekday} that trade rose.", published), weekday)
    assert timedelta(days=-1) <= published - p.from_ < timedelta(days=6)
    assert p.from_.strftime("%A") == weekday


@pytest.mark.parametrize("text, not_a_duration", [
    ("The 2011 quarter included a one-off gain.", "2011 quarter"),          # a year's quarter, singular
    ("The deal was worth three quarters billion dollars.", "three quarters"),  # a fraction of a number
])
def test_a_number_before_a_time_word_is_not_always_a_duration(parse, text, not_a_duration):
    assert all(p.granularity != "duration" for p in periods(parse, text)), [p.text for p in periods(parse, text)]


def test_plural_and_hyphenated_durations_still_count(parse):
    ps = periods(parse, "Over the past three quarters, a six-year high followed 18 months of decline.")
    assert {p.text: p.duration for p in ps if p.granularity == "duration"}.get("18 months") == "P18M"
    assert any(p.duration == "P6Y" for p in ps)


@pytest.mark.parametrize("text, written, duration", [
    ("The club offered him a ten year deal.", "ten year", "P10Y"),   # a number word, singular unit
    ("The won slid to a five year low against the dollar.", "five year", "P5Y"),
    ("Farmers began a two day protest outside the customs house.", "two day", "P2D"),
    ("The envoy ended a three hour meeting with the trade minister.", "three hour", "PT3H"),
])
def test_a_compound_modifier_without_its_hyphen_is_a_span(parse, text, written, duration):
    # 'a five year low' is 'a five-year low' with the hyphen left out (transcripts, some wire copy)
    p = by_text(periods(parse, text), written)
    assert p.granularity == "duration" and p.value == duration
