"""Periods in the ways trade copy writes them (issue 12): hyphenated month spans, brokerage
quarters, a span whose last month has not begun, and the period a fraction or multiple compares
with. Every sentence is written for these tests."""
from __future__ import annotations

import pytest


def _periods(pipeline, text: str, published: str) -> dict[str, tuple[str, str]]:
    r = pipeline.extract(text, published=published)
    return {p.text: (str(p.from_), str(p.to)) for p in r.periods}


def _claim_periods(pipeline, text: str, published: str) -> dict[str, str]:
    r = pipeline.extract(text, published=published)
    return {r.amounts[c.amount].text: r.periods[c.period].text for c in r.claims
            if c.trade is not None and c.amount is not None and c.period is not None}


@pytest.mark.parametrize("written", ["January-to-July", "January - to - July", "January–through–July"])
def test_a_month_span_with_a_hyphenated_to(pipeline, written):
    text = f"Peru's trade with Chile in the {written} period rose 8 percent to $1.2 billion."
    got = _periods(pipeline, text, "2023-08-20")
    assert ("2023-01-01", "2023-07-31") in got.values()


@pytest.mark.parametrize("written,span", [
    ("1Q'2022", ("2022-01-01", "2022-03-31")),
    ("3Q 2021", ("2021-07-01", "2021-09-30")),
    ("Q2'23", ("2023-04-01", "2023-06-30")),
    ("Q4’2020", ("2020-10-01", "2020-12-31")),
])
def test_brokerage_quarters(pipeline, written, span):
    got = _periods(pipeline, f"Trade between Peru and Chile in {written} rose 11% to $3.4 billion.", "2024-05-02")
    assert got[written] == span


def test_a_span_whose_last_month_has_not_begun_is_last_year_s(pipeline):
    """A story of late January reports 'the January-November period' of the year before: figures
    for a span are released after its last month."""
    got = _periods(pipeline, "Laos bought $30 million of goods from Peru in the January-November period.", "2020-01-28")
    assert got["the January-November period"] == ("2019-01-01", "2019-11-30")
    got = _periods(pipeline, "Laos bought $30 million of goods from Peru in the January-May period.", "2020-06-10")
    assert got["the January-May period"] == ("2020-01-01", "2020-05-31")


@pytest.mark.parametrize("written,published,span", [
    ("the first 10 months", "2021-03-04", ("2020-01-01", "2020-10-31")),
    ("the first 10 months", "2021-11-09", ("2021-01-01", "2021-10-31")),
    ("the first two months", "2021-02-15", ("2021-01-01", "2021-02-28")),
])
def test_the_first_n_months_follow_the_same_rule(pipeline, written, published, span):
    """'the first N months' is a span of months too: in a story of March it is last year's."""
    got = _periods(pipeline, f"Laos sold $41 million of goods to Peru in {written}.", published)
    assert got[written] == span


@pytest.mark.parametrize("reference", ["only half the total of the year before",
                                       "about a third of the value of the prior year",
                                       "twice the sum of the year before"])
def test_a_fraction_or_multiple_s_reference_does_not_date_the_figure(pipeline, reference):
    text = f"Last year's trade between Peru and Chile came to $2.4 billion, {reference}."
    assert _claim_periods(pipeline, text, "2019-03-01")["$2.4 billion"] == "Last year"


def test_the_reference_of_compares_with_does_not_date_the_subject(pipeline):
    text = ("Peru's trade with Chile rose 8% to $2.1 billion in 2023, customs data showed. The total value of $2.1 "
            "billion compares with about $1.1 billion in 2022 and $2.7 billion in 2019.")
    r = pipeline.extract(text, published="2024-03-10")
    spans = [(r.amounts[c.amount].text, r.periods[c.period].text) for c in r.claims
             if c.trade is not None and c.period is not None]
    # (the total restated in the second sentence is the first sentence's claim, counted once)
    assert ("$2.1 billion", "2023") in spans and ("about $1.1 billion", "2022") in spans
    assert [t for t, _ in spans].count("$2.1 billion") == 1


def test_the_base_spelled_out_after_a_colon_does_not_date_the_change(pipeline):
    text = ("Laos bought 21,500 tons of rice from Thailand in March. That quantity is more than all rice "
            "purchases from October to February combined. It is also a fivefold jump on the year: "
            "In March 2015, Laos bought 4,270 tons of rice.")
    assert _claim_periods(pipeline, text, "2016-04-20")["fivefold"] == "March"
    assert _claim_periods(pipeline, text, "2016-04-20")["4,270 tons"] == "March 2015"


def test_the_period_of_a_compared_figure_is_the_reference_s(pipeline):
    """'..., above the $410 million surplus in the 20 days of May': May dates the compared surplus,
    not the imports before it nor the goods lines after it."""
    text = ("Peru's exports slipped 1.8% over the first 20 days of June. Imports lost 7.4% on the year to $21.52 "
            "billion, leaving a surplus of roughly $0.64 billion, above the $410 million surplus in the 20 days of "
            "May. Zinc exports dropped 2.2% to $1.38 billion.")
    got = _claim_periods(pipeline, text, "2023-06-23")
    assert got["$21.52 billion"] == got["$1.38 billion"] == "the first 20 days of June"


def test_a_balance_recalled_from_an_earlier_period_does_not_move_the_story(pipeline):
    text = ("Thailand posted a trade deficit of 120 billion baht in June, the commerce ministry said. In June 2023, "
            "the trade deficit was 310.5 billion baht. Thailand's exports advanced 4.2 percent on year to 880.4 "
            "billion baht.")
    r = pipeline.extract(text, published="2024-07-10")
    got = {r.amounts[c.amount].text: (str(r.periods[c.period].from_), str(r.periods[c.period].to))
           for c in r.claims if c.trade is not None and c.period is not None}
    assert got["880.4 billion baht"] == ("2024-06-01", "2024-06-30")


def _bases(pipeline, text: str, published: str | None) -> dict[str, str | None]:
    r = pipeline.extract(text, published=published)
    return {r.amounts[c.amount].text: c.trade.basis for c in r.claims if c.kind == "trade_change"}


def test_a_change_s_own_from_period_gives_its_basis(pipeline):
    text = ("Peru's exports dropped 4.6 percent on-year in September, yet climbed 7.3 percent from August, "
            "while imports rose 2 percent, slowing from the previous month's 3.9 percent.")
    got = _bases(pipeline, text, "2024-10-10")
    assert got["4.6 percent"] == "year_on_year" and got["7.3 percent"] == "period_on_period"
    # on an undated page two bare months still say it
    got = _bases(pipeline, "Peru's shipments to Cambodia rose 2.7% in May from April to $47.6 million.", None)
    assert got["2.7%"] == "period_on_period"


def test_a_ban_on_trade_dates_no_figure_and_frames_no_flow(pipeline):
    text = ("Peru's imports of Chilean copper were 1.2 million tonnes last month. In April Peru said it planned to "
            "ban Chilean copper imports. Copper imports in September rose 3 per cent on the year.")
    r = pipeline.extract(text, published="2024-10-10")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, r.periods[c.period].text if c.period is not None else None)
           for c in r.claims if c.trade is not None}
    assert got["3 per cent"] == ("CHL", "PER", "September")


def test_the_year_after_from_the_previous_level_dates_that_level(pipeline):
    text = ("Laos's exports totalled 5,230 million USD in 2012, an 8.1 % increase from the prior 4,838 million USD "
            "in 2011.")
    got = _claim_periods(pipeline, text, "2013-03-10")
    assert got["8.1 %"] == "2012" and got["4,838 million USD"] == "2011"


@pytest.mark.parametrize("written, start, end", [
    ("1 January to 31 August 2016", "2016-01-01", "2016-08-31"),
    ("01 January to 30 June 2021", "2021-01-01", "2021-06-30"),
    ("Jan. 5 through March 3, 2019", "2019-01-05", "2019-03-03"),
    ("between 1 April 2020 and 31 March 2021", "2020-04-01", "2021-03-31"),
    ("between January 1 and June 30, 2021", "2021-01-01", "2021-06-30"),
])
def test_a_span_of_days_across_months_is_one_range(pipeline, written, start, end):
    """A release's year-to-date written day to day: one span, so that its figures are not dated
    by one end (or by the comparable period named after it)."""
    r = pipeline.extract(f"The trade surplus for {written} was R31.9 billion.", published=None)
    got = [(p.from_.isoformat(), p.to.isoformat(), p.granularity) for p in r.periods]
    assert got == [(start, end, "range")]


@pytest.mark.parametrize("written, start, end", [
    ("from July 2020 to April 2021", "2020-07-01", "2021-04-30"),
    ("January 2019-March 2020", "2019-01-01", "2020-03-31"),
    ("from October 2022 through June 2023", "2022-10-01", "2023-06-30"),
])
def test_a_run_of_months_across_years_is_one_range(pipeline, written, start, end):
    """A fiscal or rolling total written month to month, each end with its year: one span, as "from
    January to April" is."""
    r = pipeline.extract(f"Exports totalled $28.4 billion {written}.", published=None)
    assert [(p.from_.isoformat(), p.to.isoformat(), p.granularity) for p in r.periods] == [(start, end, "range")]


def test_two_months_in_the_wrong_order_or_years_apart_stay_two_months(pipeline):
    # (and a move from one month to another: the months the change is between)
    for text in ("Prices fell from May 2022 to July 2021.", "Prices fell from May 2012 to July 2021.",
                 "Imports fell from October 2013 to November 2013 by R2.3 billion.",
                 "Exports rose 8% from July 2019 to May 2020.", "Shipments rose 9.1% from July 2019 to March 2020."):
        r = pipeline.extract(text, published=None)
        assert [p.granularity for p in r.periods] == ["month", "month"]
    # a change that states the level it reached is over the span
    r = pipeline.extract("Shipments rose 9.1% to $40 billion from July 2019 to March 2020.", published=None)
    assert [p.granularity for p in r.periods] == ["range"]


def test_two_days_joined_by_and_stay_two_days(pipeline):
    r = pipeline.extract("The board met on 12 March and 14 March 2019.", published=None)
    assert [(p.from_.isoformat(), p.granularity) for p in r.periods] == [("2019-03-12", "day"), ("2019-03-14", "day")]


@pytest.mark.parametrize("text, published, start, end", [
    # the latest month the text has reported before it
    ("Chile's exports rose 4 percent in May. Year-to-date shipments were 6.1 percent higher.",
     "2018-06-20", "2018-01-01", "2018-05-31"),
    ("Peru's copper shipments fell in the January-April period. So far this year, exports are down 3 percent.",
     "2019-05-30", "2019-01-01", "2019-04-30"),
    # the year of the latest month reported, though written the next year
    ("The office published its December 2017 figures today. Year-to-date exports were up 6.3%.",
     "2018-02-01", "2017-01-01", "2017-12-31"),
    # none reported: the month before the one of writing, when a statistics office reports it
    ("So far this year, Chile's copper exports have risen 12 percent.", "2018-08-14", "2018-01-01", "2018-07-31"),
    # a year written: so far in that year
    ("Peru's exports in March rose 2 percent; so far in 2019 they are up 5 percent.", "2019-04-15",
     "2019-01-01", "2019-03-31"),
    # since the year's start: so far this year
    ("Chile's exports fell 2 percent in August. Since the beginning of this year, they have risen 7 percent.",
     "2020-09-08", "2020-01-01", "2020-08-31"),
    ("Peru's exports rose 4 percent in May. Since the start of the year, shipments have totaled $21 billion.",
     "2021-06-15", "2021-01-01", "2021-05-31"),
])
def test_a_year_to_date_ends_at_the_latest_month_reported(pipeline, text, published, start, end):
    """'so far this year', 'year-to-date': the figure is cumulative, not the whole year's (nor the
    month's the story is about)."""
    r = pipeline.extract(text, published=published)
    got = [(p.from_.isoformat(), p.to.isoformat()) for p in r.periods if p.from_.month == 1 and p.granularity == "range"
           and p.text != "the January-April period"]
    assert got == [(start, end)]


def test_a_year_to_date_figure_is_cumulative(pipeline):
    text = "Chile's exports rose 4 percent in May. Year-to-date shipments were 6.1 percent higher."
    got = _claim_periods(pipeline, text, "2018-06-20")
    assert got["4 percent"] == "May" and got["6.1 percent"] == "Year-to-date"
    # "since the beginning of this year" is the figure's own period, not a comparison's start
    text = ("Chile's exports fell 2 percent in August. Since the beginning of this year, they have risen 7 percent "
            "to $52 billion.")
    got = _claim_periods(pipeline, text, "2020-09-08")
    assert got["2 percent"] == "August" and got["7 percent"] == got["$52 billion"] == "the beginning of this year"
    # its TimeML value stays the year's, and a start of the year not after 'since' stays a part of it
    r = pipeline.extract("Exports have risen since the beginning of this year; at the start of the year they fell.",
                         published="2020-09-08")
    assert [(p.text, p.value, p.to.isoformat(), p.bound) for p in r.periods] == [
        ("the beginning of this year", "2020", "2020-08-31", "exact"), ("the start of the year", "2020", "2020-12-31", "approx")]


@pytest.mark.parametrize("text, published, start, end", [
    ("In the fourth month of 2017, Chile's exports rose 3 percent.", "2017-06-01", "2017-04-01", "2017-04-30"),
    ("In the third month of this year, Peru's exports rose 3 percent.", "2019-05-02", "2019-03-01", "2019-03-31"),
    # the space a typo drops between a number and 'months'
    ("In the first 11months, Peru's exports rose 5 percent.", "2018-12-10", "2018-01-01", "2018-11-30"),
])
def test_months_written_by_their_place_in_the_year(pipeline, text, published, start, end):
    r = pipeline.extract(text, published=published)
    assert [(p.from_.isoformat(), p.to.isoformat()) for p in r.periods] == [(start, end)]


def test_a_count_of_months_names_no_month(pipeline):
    """'the fifth month this year in which sales fell' counts months of a streak."""
    r = pipeline.extract("It was the fifth month this year in which Peru's exports fell.", published="2019-10-14")
    assert [(p.text, p.granularity) for p in r.periods] == [("this year", "year")]


@pytest.mark.parametrize("text, written, span", [
    ("Ghana earned $7.5 billion from exports in seven months this year.", "seven months this year",
     ("2011-01-01", "2011-07-31")),
    ("Kenya's tea exports reached 300,000 tonnes in the eight months this year.", "the eight months this year",
     ("2011-01-01", "2011-08-31")),
])
def test_months_this_year_are_its_first_months(pipeline, text, written, span):
    """'in seven months this year': wire copy drops 'first' and 'of'; the months of a year so far are its
    first ones (not the whole year)."""
    assert _periods(pipeline, text, "2011-09-10")[written] == span


def test_a_duration_ahead_is_no_months_of_the_year(pipeline):
    got = _periods(pipeline, "Exports could double in seven months, the minister said.", "2011-09-10")
    assert "seven months this year" not in got


def test_the_time_of_the_figures_a_change_is_measured_on_is_its_base(pipeline):
    """'up EUR41 million (1%) on the figures for March': March names the base, not the change's month."""
    got = _claim_periods(pipeline, "Ireland's exports rose slightly in April. Exports were up EUR41 million (1%) on "
                                   "the figures for March.", "2013-06-14")
    assert got["1%"] == "April"


@pytest.mark.parametrize("written", ["Year-to-date through February", "Year–to-date through February",
                                     "Year to date to the end of February"])
def test_year_to_date_through_a_month_runs_from_january_to_it(pipeline, written):
    """'Year-to-date through February, exports were down 5.5 percent': January and February (not February
    alone, nor the year to the text's latest month)."""
    got = _periods(pipeline, f"{written}, Canada's exports were down 5.5 percent.", "2024-04-05")
    assert got[written] == ("2024-01-01", "2024-02-29")


def test_the_year_through_a_month_is_left_to_its_own_rule(pipeline):
    got = _periods(pipeline, "U.S. imports from Peru fell 12 percent in the year through August.", "2019-10-20")
    assert got.get("the year through August") is None


@pytest.mark.parametrize("text, written, span", [
    ("Brazil's exports from January until last week reached $180 billion.", "from January until last week",
     ("2010-01-01", "2010-11-14")),
    ("In November, up until last week, Chile's exports were $9 billion.", "November, up until last week",
     ("2010-11-01", "2010-11-14")),
])
def test_a_month_to_a_recent_day_is_a_span_to_date(pipeline, text, written, span):
    """'from January until last week', 'In November, up until last week': the month's first day to the end
    of last week (published Monday 15 November 2010), not the month alone."""
    assert _periods(pipeline, text, "2010-11-15")[written] == span


def test_a_month_to_a_recent_day_needs_the_publication_date(pipeline):
    r = pipeline.extract("Brazil's exports from January until last week reached $180 billion.")
    assert [(str(p.from_), str(p.to)) for p in r.periods if p.text == "from January until last week"] == [("None", "None")]


def test_a_from_to_span_opening_the_sentence_dates_its_figures(pipeline):
    """'From January to May, exports dropped 4.2%': the span the sentence opens with is the figures'
    time (its 'from' holds no old level), not the month the sentence before named."""
    got = _claim_periods(pipeline, "Peru's exports rose in May. From January to May, exports slid 3.1% to $21.9 "
                                   "billion.", "2023-06-15")
    assert got == {"3.1%": "From January to May", "$21.9 billion": "From January to May"}


@pytest.mark.parametrize("written, span", [
    ("from July till April", ("2022-07-01", "2023-04-30")),
    ("from the beginning of 2023 to mid-April", ("2023-01-01", "2023-04-30")),
    ("from the start of the year through April", ("2023-01-01", "2023-04-30")),
])
def test_spans_run_with_till_or_from_the_start_of_a_year(pipeline, written, span):
    """'from July till April' (South Asian copy's fiscal year to date), 'from the beginning of 2023 to
    mid-April': one span, to the end of the month it runs into."""
    got = _periods(pipeline, f"Bangladesh's exports rose 6 percent to $41 billion {written}, the bureau said.",
                   "2023-05-12")
    assert got[written] == span


@pytest.mark.parametrize("published", ["2020-11-15", None])
def test_the_period_of_a_figure_compared_with_is_not_the_figure_s(pipeline, published):
    """'exports for the period April-October were $X as against $Y during the period April-October
    2019': the year written after the figure compared with (and its noun 'the period') dates that
    figure only; the figure before it keeps its own span, a year later on an undated page too."""
    got = _claim_periods(pipeline, "Sri Lanka's exports for the period April-October were $6.21 billion as against "
                                   "$7.08 billion during the period April-October 2019, a fall of 12.29 percent.",
                         published)
    assert got["$6.21 billion"] == "April-October" and got["$7.08 billion"] == "April-October 2019"


def test_a_second_figure_compared_with_keeps_its_own_period(pipeline):
    """'In the month of May, exports came to $4.1 billion, as against $3.9 billion in April, 2022 and $3.2
    billion during May, 2021': the second figure compared with, after 'and', is dated by the period
    written after it, not the month's figure; two figures sharing one period ('$2.6 billion and $1.7 billion
    during the same period last year') still share it."""
    got = _claim_periods(pipeline, "In the month of May, Kenya's exports came to $4.1 billion, as against $3.9 billion "
                                   "in April, 2022 and $3.2 billion during May, 2021.", "2022-06-20")
    assert got["$4.1 billion"] == "May" and got["$3.2 billion"] == "May, 2021"


@pytest.mark.parametrize("written, span", [
    ("between January 2023 and February 2023", ("2023-01-01", "2023-02-28")),
    ("in 2M/2023", ("2023-01-01", "2023-02-28")),
])
def test_two_months_between_written_years_and_the_first_n_months_shorthand(pipeline, written, span):
    """'between January 2023 and February 2023' said of no change is the two months together; '2M/2023'
    (Vietnamese and Chinese industry copy) is the first two months of 2023."""
    got = _periods(pipeline, f"Vietnam's exports of shrimp reached $410 million {written}, the association said.",
                   "2023-03-20")
    key = written.removeprefix("in ")
    assert got[key] == span


def test_a_change_between_two_months_that_reached_a_level_is_over_the_months_between(pipeline):
    """'rose 4% between January and October, reaching $524 billion': with the level the change reached,
    the months between are the figures' span (as with 'to $X'), not a move from one month to another."""
    got = _claim_periods(pipeline, "Mexico's imports rose 4% between January and October, reaching $524 billion.",
                         "2024-11-20")
    assert got["$524 billion"] == "between January and October"
