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


@pytest.mark.parametrize("reference", ["barely half the figure of the previous year",
                                       "about a third of the level of the previous year",
                                       "double the amount of the previous year"])
def test_a_fraction_or_multiple_s_reference_does_not_date_the_figure(pipeline, reference):
    text = f"Last year's trade between Peru and Chile came to $2.4 billion, {reference}."
    assert _claim_periods(pipeline, text, "2019-03-01")["$2.4 billion"] == "Last year"


def test_the_reference_of_compares_with_does_not_date_the_subject(pipeline):
    text = ("Peru's trade with Chile rose 8% to $2.1 billion in 2023, customs data showed. The total value of $2.1 "
            "billion compares with about $1.1 billion in 2022 and $2.7 billion in 2019.")
    r = pipeline.extract(text, published="2024-03-10")
    spans = [(r.amounts[c.amount].text, r.periods[c.period].text) for c in r.claims
             if c.trade is not None and c.period is not None and c.sentence.startswith("The total")]
    assert ("$2.1 billion", "2023") in spans and ("about $1.1 billion", "2022") in spans


def test_the_base_spelled_out_after_a_colon_does_not_date_the_change(pipeline):
    text = ("Laos imported 18,000 tons of rice from Thailand in September. That amount is more than all rice "
            "imports from January to August 2016 combined. The figure is also a year-on-year sixfold increase: "
            "In September 2015, Laos imported 3,158 tons of rice.")
    assert _claim_periods(pipeline, text, "2016-10-20")["sixfold"] == "September"
    assert _claim_periods(pipeline, text, "2016-10-20")["3,158 tons"] == "September 2015"


def test_the_period_of_a_compared_figure_is_the_reference_s(pipeline):
    """'..., higher than the $770 million surplus during the 20 days of September': September dates
    the compared surplus, not the imports before it nor the sector lines after it."""
    text = ("Peru's exports fell 2.9% in the first 20 days of October. Imports shed 10.1% on-year to $33.76 "
            "billion, resulting in a surplus of about $1.08 billion, higher than the $770 million surplus during "
            "the 20 days of September. Copper exports fell 3.3% to $3.19 billion.")
    got = _claim_periods(pipeline, text, "2023-10-23")
    assert got["$33.76 billion"] == got["$3.19 billion"] == "the first 20 days of October"


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
    text = ("Peru's exports fell 5.8 percent in September from the same period last year, but were up 9.9 percent "
            "from August, while imports rose 2 percent, narrowing from the previous month's 4.1 percent.")
    got = _bases(pipeline, text, "2024-10-10")
    assert got["5.8 percent"] == "year_on_year" and got["9.9 percent"] == "period_on_period"
    # on an undated page two bare months still say it
    got = _bases(pipeline, "Peru's shipments to Cambodia in May rose 3.4% from April to $61.2 million.", None)
    assert got["3.4%"] == "period_on_period"


def test_a_ban_on_trade_dates_no_figure_and_frames_no_flow(pipeline):
    text = ("Peru's imports of Chilean copper were 1.2 million tonnes last month. Peru announced in April it would ban "
            "Chilean copper imports. The September imports were up two per cent from a year ago.")
    r = pipeline.extract(text, published="2024-10-10")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, r.periods[c.period].text if c.period is not None else None)
           for c in r.claims if c.trade is not None}
    assert got["two per cent"] == ("CHL", "PER", "September")


def test_the_year_after_from_the_previous_level_dates_that_level(pipeline):
    text = ("Laos's overseas sales came to 4,120 million USD in 2012, a 6.3 % rise from the previous 3,876 million USD "
            "in 2011.")
    got = _claim_periods(pipeline, text, "2013-03-10")
    assert got["6.3 %"] == "2012" and got["3,876 million USD"] == "2011"
