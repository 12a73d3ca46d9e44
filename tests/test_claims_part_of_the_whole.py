"""A partner's trade told with its share of the whole ('trade with Japan, which made up 12.6 per cent
of total trade or RM11.4 billion, rose ...'), and lists of states written after a noun of partners
('its major partners, Japan and Germany'). Issue 12. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

LEAD = "Malaysia's exports rose 6.1 per cent in March 2021, the trade ministry said. "


def _parties(pipeline, text: str) -> dict[str, tuple]:
    r = pipeline.extract(text, published="2021-04-20")
    return {r.amounts[c.amount].text: ((c.trade.from_, c.trade.to) if c.trade.flow == "directional"
                                       else tuple(sorted(c.trade.between)))
            for c in r.claims if c.trade is not None and c.amount is not None}


@pytest.mark.parametrize("sentence", [
    # the parser makes the share the subject of 'rose' when no commas close the relative clause
    "Trade with Japan in March 2021 which made up 12.6 per cent of Malaysia's total trade rose by 4.3 per cent "
    "to RM11.4 billion.",
    # ... or leaves 'increased' without a subject
    "The ministry reported March trade with Japan which represented 12.6 per cent of Malaysia's total trade "
    "increased by 4.3 per cent year-on-year.",
])
def test_the_whole_a_share_is_of_is_not_the_figure_s_trade(pipeline, sentence):
    got = _parties(pipeline, LEAD + sentence)
    assert got["4.3 per cent"] == ("JPN", "MYS")


def test_a_value_joined_to_a_share_by_or_is_the_part_s(pipeline):
    text = LEAD + ("In April trade with Japan which represented 11.7 per cent of Malaysia's total trade or "
                   "RM16.42 billion, increased by 5.3 per cent year-on-year (y-o-y).")
    assert _parties(pipeline, text)["RM16.42 billion"] == ("JPN", "MYS")


def test_the_whole_named_without_a_share_is_still_the_world(pipeline):
    """The other side: a value joined by 'or' to the total itself, not to a share, stays the total."""
    text = LEAD + "Malaysia's total trade or RM201.5 billion rose 9 per cent in March."
    assert _parties(pipeline, text)["RM201.5 billion"] == ("MYS", "WLD")


def test_the_next_partner_s_trade_is_the_story_s_state_s(pipeline):
    """'Trade with Germany ... Meanwhile, trade with Japan ...': the second pair keeps the story's
    own state, not the partner the story turned from."""
    text = ("In March, trade with Germany which represented 9.2 per cent of Malaysia's total trade or RM11.4 billion, "
            "increased by 4.3 per cent year-on-year. Meanwhile, trade with Japan in March 2021 which constituted "
            "7.5 per cent of Malaysia's total trade rose by 12.6 per cent to RM9.27 billion.")
    got = _parties(pipeline, text)
    assert got["4.3 per cent"] == ("DEU", "MYS")
    assert got["RM9.27 billion"] == ("JPN", "MYS")


@pytest.mark.parametrize("sentence", [
    "Malaysia's trade with major partners Japan and Germany grew by 12.6 per cent and 9.2 per cent "
    "respectively in March 2021.",
    "Malaysia's trade with its major partners, Japan and Germany, grew by 12.6 per cent and 9.2 per cent "
    "respectively in March 2021.",
])
def test_states_written_after_a_noun_of_partners_are_the_partners(pipeline, sentence):
    got = _parties(pipeline, sentence)
    assert got["12.6 per cent"] == ("JPN", "MYS")
    assert got["9.2 per cent"] == ("DEU", "MYS")


def test_states_in_apposition_to_markets_are_the_partners(pipeline):
    text = "Chile's exports to its main markets, Japan, India and China, rose 4%, 6% and 8% respectively in 2020."
    got = _parties(pipeline, text)
    assert (got["4%"], got["6%"], got["8%"]) == (("CHL", "JPN"), ("CHL", "IND"), ("CHL", "CHN"))


# ------------------------------------------------------------ goods as the subject, no trade word

def test_goods_the_table_knows_as_a_subject_break_down_the_flow_just_told(pipeline):
    text = ("Malaysia's exports rose 9 percent to RM120 billion in June from a year earlier. Semiconductors "
            "reached RM30 billion, climbing 14 percent, while crude oil slid 6 percent.")
    r = pipeline.extract(text, published="2024-07-20")
    got = {r.amounts[c.amount].text: c for c in r.claims if c.trade is not None}
    for amount in ("RM30 billion", "14 percent"):
        assert (got[amount].trade.from_, got[amount].trade.to, got[amount].trade.commodity) == ("MYS", "WLD", "8542")
        assert "parties" in got[amount].inferred   # the item's flow is the one before, never read
    assert got["6 percent"].trade.commodity == "2709"


def test_a_subject_that_is_no_goods_breaks_nothing_down(pipeline):
    text = ("Malaysia's exports rose 9 percent to RM120 billion in June from a year earlier. Analysts "
            "reached for their forecasts, and prices slid 6 percent.")
    r = pipeline.extract(text, published="2024-07-20")
    assert "6 percent" not in {r.amounts[c.amount].text for c in r.claims if c.trade is not None}


def test_each_item_of_a_goods_list_keeps_the_goods_written_before_its_figure(pipeline):
    text = ("Ecuador's exports rose 6 percent in April. Crude oil led with $700 million, followed by bananas at "
            "$310 million, cut flowers at $90 million and cocoa beans with $80 million.")
    r = pipeline.extract(text, published="2024-05-20")
    got = {r.amounts[c.amount].text: (c.trade.commodity_text or "") for c in r.claims if c.trade is not None}
    assert "banana" in got["$310 million"] and "flowers" in got["$90 million"] and "cocoa" in got["$80 million"]


def test_the_head_of_a_list_of_partners_after_led_by(pipeline):
    text = "Ecuador's exports to its main partners were led by the United States at $900 million in April."
    r = pipeline.extract(text, published="2024-05-20")
    claim = next(c for c in r.claims if c.trade is not None)
    assert (claim.trade.from_, claim.trade.to) == ("ECU", "USA")


def test_goods_whose_apposition_names_the_flow(pipeline):
    text = ("Vietnam's exports to Japan fell 6 percent in March. Crude oil, the largest item of shipments to "
            "Japan, slid 14 percent.")
    r = pipeline.extract(text, published="2024-04-20")
    claim = next(c for c in r.claims if c.trade is not None and r.amounts[c.amount].text == "14 percent")
    assert (claim.trade.from_, claim.trade.to, claim.trade.commodity) == ("VNM", "JPN", "2709")


@pytest.mark.parametrize("sentence, amount, parties", [
    ("Japan accounted for RM4.2 billion of the total exports.", "RM4.2 billion", ("MYS", "JPN")),
    ("Japan, which accounted for RM4.2 billion of total exports, remained the second market.", "RM4.2 billion",
     ("MYS", "JPN")),
    # each state of a run of such clauses its own part, the verb's 'of' written once
    ("Japan accounted for RM4.2 billion of the exports, and Singapore accounted for RM3.9 billion.",
     "RM3.9 billion", ("MYS", "SGP")),
    ("Japan accounted for RM4.2 billion of the exports, while Singapore accounted for RM3.9 billion.",
     "RM3.9 billion", ("MYS", "SGP")),
])
def test_a_state_that_accounted_for_a_sum_of_a_flow_is_its_partner(pipeline, sentence, amount, parties):
    """'The US accounted for EUR6.1 billion of total goods exports': the sum is the part of the flow
    with that state, not the flow with all partners."""
    assert _parties(pipeline, LEAD + sentence)[amount] == parties


def test_a_state_that_accounted_for_a_share_leaves_the_flow_s_partner_alone(pipeline):
    """'Exports to Japan, which accounted for 12% of total exports, rose 3%, while imports grew 2%': a
    share names no part of a figure; the imports are still Japan's."""
    got = _parties(pipeline, LEAD + "Exports to Japan, which accounted for 12.1 per cent of all Malaysian exports "
                                      "in March, rose by 3.1 per cent while imports grew by 2.2 per cent.")
    assert got["2.2 per cent"] == ("JPN", "MYS")
