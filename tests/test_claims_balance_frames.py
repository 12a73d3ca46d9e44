"""A balance is no claim, yet it frames the bare flows told right after it: its time (a statistics
release's paragraph on the months so far, a partner's month) and its aggregate (a release whose balance is
of goods and services counts its flows the same way)."""
from __future__ import annotations

import pytest

from claims_support import claim_of

RELEASE = (
    "WASHINGTON - America's goods and services deficit widened by $1.4 billion to $51.6 billion in June, "
    "the Commerce Department said. Exports slipped $0.8 billion to $203.9 billion in the month. "
    "Imports climbed $0.6 billion to $255.5 billion.\n\n"
    "In the first half, the goods and services deficit grew by $11.7 billion, or 4.1 percent, on a year "
    "earlier. Exports were up $12.3 billion, or 1.0 percent. Imports were up $24.0 billion, or 1.6 "
    "percent.\n\n"
    "The gap with Canada shrank by $0.6 billion to $2.2 billion in June. Exports gained $0.4 billion to "
    "$25.9 billion, and imports eased $0.2 billion to $28.1 billion.\n\n"
    "U.S. exports of goods fell $1.3 billion to $137.5 billion in June."
)


def _period(result, claim):
    period = result.periods[claim.period]
    return period.from_.isoformat(), period.to.isoformat()


@pytest.fixture(scope="module")
def release(pipeline):
    return pipeline.extract(RELEASE, published="2019-08-02")


@pytest.mark.parametrize("amount", ["$12.3 billion", "1.0 percent", "$24.0 billion", "1.6 percent"])
def test_the_flows_after_a_year_to_date_balance_are_of_the_year_to_date(release, amount):
    claim = claim_of(release, amount)
    assert _period(release, claim) == ("2019-01-01", "2019-06-30")
    assert claim.trade.basis == "year_on_year"
    assert "period" in claim.inferred   # (read from the balance, not from the flow's sentence)


@pytest.mark.parametrize("amount, ends", [("$25.9 billion", ("USA", "CAN")), ("$28.1 billion", ("CAN", "USA"))])
def test_the_flows_after_a_partner_s_balance_are_of_its_month(pipeline, amount, ends):
    # (after a year-to-date flow: the partner's month, not the months so far, dates its flows)
    result = pipeline.extract(
        "In the first half, U.S. exports were up $12.3 billion, or 1.0 percent, on a year earlier.\n\n"
        "The gap with Canada shrank by $0.6 billion to $2.2 billion in June. Exports gained $0.4 billion to "
        "$25.9 billion, and imports eased $0.2 billion to $28.1 billion.", published="2019-08-02")
    claim = claim_of(result, amount)
    assert (claim.trade.from_, claim.trade.to) == ends
    assert _period(result, claim) == ("2019-06-01", "2019-06-30")


@pytest.mark.parametrize("amount", ["$203.9 billion", "$0.8 billion", "$255.5 billion", "$0.6 billion",
                                    "$12.3 billion", "$24.0 billion"])
def test_the_bare_flows_after_a_goods_and_services_balance_are_of_that_aggregate(release, amount):
    trade = claim_of(release, amount).trade
    assert (trade.commodity, trade.commodity_text) == (None, "goods and services")


@pytest.mark.parametrize("amount", ["$25.9 billion", "$28.1 billion", "$137.5 billion"])
def test_a_partner_s_balance_or_a_flow_of_goods_ends_the_aggregate(release, amount):
    trade = claim_of(release, amount).trade
    assert (trade.commodity, trade.commodity_text) == (None, None)


@pytest.mark.parametrize("balance, period", [
    # the budget's deficit is no trade balance: its months do not date the exports after it
    ("the budget deficit", ("2021-05-01", "2021-05-31")),
    ("the trade deficit", ("2021-01-01", "2021-05-31")),
])
def test_only_a_trade_balance_frames_the_flows_after_it(pipeline, balance, period):
    result = pipeline.extract(
        "Chile's exports rose 4.2 percent to $3.1 billion in May, the central bank said. For the first "
        f"five months, {balance} widened to $0.9 billion. Imports rose 6 percent.",
        published="2021-06-20")
    assert _period(result, claim_of(result, "6 percent")) == period


def test_goods_after_a_balance_so_far_are_the_story_s_month(pipeline):
    """Only the balance's own sides, the whole flows, take its time: a breakdown by goods goes back
    to the story's month."""
    result = pipeline.extract(
        "Chile's exports rose 4.2 percent to $3.1 billion in May, the central bank said. For the first five "
        "months, the trade deficit widened to $0.9 billion. By sector, exports of timber rose 6 percent.",
        published="2021-06-20")
    assert _period(result, claim_of(result, "6 percent")) == ("2021-05-01", "2021-05-31")


def test_a_flow_with_its_own_time_keeps_it_after_a_balance(release, pipeline):
    result = pipeline.extract(
        "In the first half, the goods and services deficit grew by $11.7 billion on a year earlier. "
        "In June, U.S. exports fell 0.4 percent to $203.9 billion.", published="2019-08-02")
    claim = claim_of(result, "0.4 percent")
    assert _period(result, claim) == ("2019-06-01", "2019-06-30")
    assert "period" not in claim.inferred


@pytest.mark.parametrize("sentence", [
    # the figure a demonstrative points back to is the balance's, as is its change and its base
    "This figure is down 10.2 percent on January-September 2022, when it amounted to $14.2 billion.",
    # partners ranked by the deficits they left: balances too
    "The trading partners that left the deepest deficits were Brazil at $287 million and Peru at $141 million.",
])
def test_figures_said_of_a_balance_are_no_flows(pipeline, sentence):
    result = pipeline.extract("Chile's exports rose 4 percent to $8.1 billion in September, the central bank said. "
                              "Chile's trade surplus from January to September reached $12.75 billion. " + sentence,
                              published="2023-10-16")
    assert {result.amounts[c.amount].text for c in result.claims if c.trade is not None} == {"4 percent", "$8.1 billion"}


def test_the_words_of_a_balance_that_name_its_aggregate_beat_a_generic_modifier(pipeline):
    """'the trade gap in goods and services': 'trade' is generic, the 'in' phrase names the aggregate."""
    result = pipeline.extract("WASHINGTON - America's trade gap in goods and services widened by $1.4 billion to "
                              "$51.6 billion in June, the Commerce Department said. Exports slipped $0.8 billion "
                              "to $203.9 billion in the month.", published="2019-08-02")
    trade = claim_of(result, "$203.9 billion").trade
    assert (trade.commodity, trade.commodity_text) == (None, "goods and services")
