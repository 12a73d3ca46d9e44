"""What is trade and what is not (issue 12): loans, deals, investment and credit are sums of another
kind, never trade claims, though a flow is told beside them; 'trading' is trade as the noun of two
parties. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

LEAD = "Zambia's trade with China grew 11% to $6.3 billion in 2023, customs data showed. "


def _trade_amounts(pipeline, text: str) -> set[str]:
    r = pipeline.extract(LEAD + text, published="2024-02-20")
    return {r.amounts[c.amount].text for c in r.claims if c.trade is not None and c.amount is not None}


@pytest.mark.parametrize("sentence, other, flow", [
    ("Beijing lent Lusaka loans of $900 million for a highway, while exports to China rose to $4.4 billion.",
     "$900 million", "$4.4 billion"),
    ("Firms from both sides signed 20 contracts worth $1.5 billion at the fair, and imports from China hit $1.9 billion.",
     "$1.5 billion", "$1.9 billion"),
    ("China extended $700 million in credit to Zambia as exports to China climbed to $4.4 billion.",
     "$700 million", "$4.4 billion"),
    ("Chinese investment in Zambia's mines reached $3.2 billion, while imports from China rose to $1.9 billion.",
     "$3.2 billion", "$1.9 billion"),
    # a ratio of flows is no flow, however the parser hangs it
    ("Exports to China rose 9% to $4.4 billion, and the surplus grew, the ratio of exports to imports "
     "climbing 31 percent.", "31 percent", "$4.4 billion"),
    # another measure as the subject of the figure's own clause
    ("Exports to China rose 9% to $4.4 billion, while copper output fell 3% to 700,000 tonnes.",
     "3%", "$4.4 billion"),
    ("Exports to China rose 9% to $4.4 billion even as average prices slid 12%.", "12%", "9%"),
    ("The kwacha was trading above 25 to the dollar as imports from China rose to $1.9 billion.",
     "above 25", "$1.9 billion"),
    # the goods a tariff covers, the sum hung on 'worth'
    ("Exports to China rose 9% to $4.4 billion as Beijing imposed tariffs on about $300 million worth of imports.",
     "about $300 million", "$4.4 billion"),
    # orders booked are a series of their own, not shipments
    ("Export orders from China jumped 14% to $2.1 billion, while exports to China rose to $4.4 billion.",
     "$2.1 billion", "$4.4 billion"),
])
def test_a_sum_or_measure_of_another_kind_is_no_trade_claim(pipeline, sentence, other, flow):
    found = _trade_amounts(pipeline, sentence)
    assert other not in found
    assert flow in found


@pytest.mark.parametrize("sentence, flow", [
    ("Copper shipments worth $3.9 billion went to China.", "$3.9 billion"),            # goods worth: trade
    ("Imports from China reached $1.9 billion, in machinery mostly.", "$1.9 billion"),
    # the trade verb, or a trade object, keeps the figure trade's whatever the subject
    ("Exports to China fell in May, while $90 million more was exported to India.", "$90 million"),
    ("Weak demand in China helped drive down exports to China by 8 percent.", "8 percent"),
])
def test_goods_and_flows_measured_by_a_sum_stay_claims(pipeline, sentence, flow):
    assert flow in _trade_amounts(pipeline, sentence)


# ------------------------------------------------------------ 'trading' as the noun of two parties

@pytest.mark.parametrize("sentence, amount, between", [
    ("Bilateral trading between Malawi and India reached $1.1 billion in 2023.", "$1.1 billion", ["IND", "MWI"]),
    ("Trading between Malawi and India fell 6% to $800 million last year.", "$800 million", ["IND", "MWI"]),
    ("Two-way trading with India was worth $950 million in 2022, Malawi's ministry said.", "$950 million", ["IND", "MWI"]),
])
def test_trading_between_two_parties_is_their_trade(pipeline, sentence, amount, between):
    r = pipeline.extract(sentence, published="2024-02-20")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount)
    assert claim.trade is not None and claim.trade.flow == "total" and claim.trade.between == between


def test_trading_with_no_parties_is_no_trade(pipeline):
    r = pipeline.extract("The Lusaka exchange halted trading for an hour after shares fell 8% to $40 million.",
                         published="2024-02-20")
    assert not [c for c in r.claims if c.trade is not None]


# ------------------------------------------------------------ estimates: a preliminary figure, or a forecast

@pytest.mark.parametrize("sentence, amount", [
    ("Cambodia's export turnover was estimated at $2.7 billion in January, down 4 percent from a year earlier.",
     "$2.7 billion"),
    ("Cambodia's imports were estimated at $2.1 billion last month, the statistics office said.", "$2.1 billion"),
    ("Cambodia's garment exports reached an estimated $800 million in January.", "an estimated $800 million"),
])
def test_a_figure_estimated_for_a_past_period_is_a_claim(pipeline, sentence, amount):
    r = pipeline.extract(sentence, published="2024-02-20")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount)
    assert claim.trade is not None and claim.kind == "trade_value"


@pytest.mark.parametrize("sentence", [
    "Economists estimate Cambodia's exports will reach $3 billion in March.",
    "Cambodia's exports are estimated to reach $3 billion in March.",
])
def test_an_estimate_of_what_will_be_is_no_claim(pipeline, sentence):
    r = pipeline.extract(sentence, published="2024-02-20")
    assert not [c for c in r.claims if c.trade is not None]


# ------------------------------------------------------------ a figure stated twice is one claim

def test_a_headline_restated_by_the_lead_is_one_claim(pipeline):
    text = ("Chile's exports to Peru jump 12 pct in May\n\nChile's exports to Peru jumped 12 percent on-year in May "
            "to $410 million, according to Chile's central bank.")
    r = pipeline.extract(text, published="2024-06-11")
    changes = [c for c in r.claims if c.kind == "trade_change"]
    assert len(changes) == 1
    assert r.amounts[changes[0].amount].text == "12 percent"   # the body's, which names its source
    assert changes[0].sources


def test_the_same_number_for_another_flow_or_period_stays(pipeline):
    text = ("Chile's exports to Peru rose 12 percent in May, and its imports from Peru rose 12 percent. "
            "In April, exports to Peru had also risen 12 percent.")
    r = pipeline.extract(text, published="2024-06-11")
    assert len([c for c in r.claims if c.kind == "trade_change"]) == 3


def test_a_conversion_into_another_currency_stays_a_claim(pipeline):
    r = pipeline.extract("Chile's exports to China reached 3.1 trillion pesos ($3.4 billion) in May.",
                         published="2024-06-11")
    assert {r.amounts[c.amount].text for c in r.claims if c.trade is not None} == {"3.1 trillion pesos", "$3.4 billion"}


def test_a_figure_right_after_a_balance_noun_is_the_balance_s(pipeline):
    """A headline run into the lead ('... goods surplus €9.4 bn The first estimate of exports ...'): the
    figure written right after the balance noun is the balance's, not the flow's the parser hangs it on."""
    text = ("Euro area trade in goods surplus €9.4 bn €2.1 bn deficit for the EU The first estimate of euro area "
            "goods exports to non-member countries came to €180.2 billion in May 2021, up 4.1% on May 2020.")
    got = _trade_amounts(pipeline, text)
    assert "€180.2 billion" in got and not got & {"€9.4 bn", "€2.1 bn"}


def _parsed(words, heads, deps, lemmas, pos):
    """A sentence with the parse given (the statistical parser's occasional one), to test what the
    rules read from it whatever the model's version."""
    from spacy.tokens import Doc
    from extractor.pipeline.nlp import load_model

    return Doc(load_model().vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)


def test_a_sum_parsed_as_a_second_subject_is_no_other_measure():
    """'Its export was 164 billion yuan, ...' parsed with the sum as a second subject of 'was': the
    currency word of a sum is not the currency's rate, so the figure stays the export's."""
    from extractor.pipeline.claims.parties import _a_figure_of_another_measure

    words = ["Its", "export", "was", "164", "billion", "yuan", ",", "up", "12", "percent", "."]
    heads = [1, 2, 2, 4, 5, 2, 5, 5, 9, 7, 2]
    deps = ["poss", "nsubj", "ROOT", "compound", "nummod", "nsubj", "punct", "advmod", "nummod", "npadvmod", "punct"]
    lemmas = ["its", "export", "be", "164", "billion", "yuan", ",", "up", "12", "percent", "."]
    pos = ["PRON", "NOUN", "AUX", "NUM", "NUM", "NOUN", "PUNCT", "ADV", "NUM", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, lemmas, pos)
    assert not _a_figure_of_another_measure(doc[3:6])
    assert not _a_figure_of_another_measure(doc[8:10])


def test_the_currency_s_own_move_is_another_measure():
    from extractor.pipeline.claims.parties import _a_figure_of_another_measure

    words = ["The", "yuan", "fell", "0.4", "percent", "."]
    doc = _parsed(words, [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "nummod", "npadvmod", "punct"],
                  ["the", "yuan", "fall", "0.4", "percent", "."], ["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"])
    assert _a_figure_of_another_measure(doc[3:5])


@pytest.mark.parametrize("rate", ["(1 USD = 152 yen)", "(1 yen equals 0.0066 USD)"])
def test_an_exchange_rate_in_brackets_after_a_flow_is_no_trade(pipeline, rate):
    r = pipeline.extract(f"In May, Japan's exports rose 6.1 percent to 8.4 trillion yen {rate}.", published="2024-06-20")
    assert {r.amounts[c.amount].text for c in r.claims if c.trade is not None} == {"6.1 percent", "8.4 trillion yen"}
