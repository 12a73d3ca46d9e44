"""Rankings after 'followed by' (issue 12): each state of the list is given its own figure, in
the role the ranking is of. Every sentence is written for these tests."""
from __future__ import annotations

import pytest


def _parties(pipeline, text: str) -> dict[str, tuple]:
    r = pipeline.extract(text, published="2023-03-01")
    return {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims
            if c.trade is not None and c.amount is not None and c.trade.flow == "directional"}


def test_a_ranking_of_the_subject_replaces_the_subject(pipeline):
    got = _parties(pipeline, "China bought $9 billion of Thai goods in 2022, followed by Japan ($4 billion) and the "
                             "US ($3.5 billion).")
    assert got["$4 billion"] == ("THA", "JPN") and got["$3.5 billion"] == ("THA", "USA")


def test_a_ranking_of_destinations_replaces_the_destination(pipeline):
    got = _parties(pipeline, "South Korea's exports to the US rose 10% to $8 billion in 2022, followed by the EU "
                             "($6 billion) and Japan ($4 billion).")
    assert got["$6 billion"] == ("KOR", "EUU") and got["$4 billion"] == ("KOR", "JPN")


def test_a_ranking_of_suppliers_in_a_with_clause(pipeline):
    got = _parties(pipeline, "Chile imported $3.5 billion of copper in 2022, with Peru selling $2 billion, followed "
                             "by Bolivia ($900 million), Brazil ($400 million) and Japan ($150 million).")
    assert got["$400 million"] == ("BRA", "CHL") and got["$150 million"] == ("JPN", "CHL")


def test_a_demonstrative_with_its_own_partner_stands_for_the_flow_before(pipeline):
    got = _parties(pipeline, "Peru's exports rose 5% in May. Exports to the EU gained 6.4% to $2.3 billion, and those "
                             "to Vietnam climbed 18% to $1.2 billion. Imports from China rose 3%, while those from "
                             "Japan fell 2%.")
    assert got["$2.3 billion"] == ("PER", "EUU") and got["$1.2 billion"] == ("PER", "VNM")
    assert got["3%"] == ("CHN", "PER") and got["2%"] == ("JPN", "PER")


def test_a_ranking_after_a_pronoun_keeps_the_reporter(pipeline):
    got = _parties(pipeline, "Japan's imports from the United States rose 5 percent to 900 billion yen in 2022. It was "
                             "followed by China with 8.3 billion dollars in imports, up 12 percent.")
    assert got["8.3 billion dollars"] == ("CHN", "JPN")


def test_bound_for_and_those_heading_to(pipeline):
    got = _parties(pipeline, "Peru's Europe-bound shipments of machinery rose 6.1% to $2 billion in May, while those "
                             "heading to India fell 3% to $1 billion.")
    assert got["$2 billion"] == ("PER", "Europe") and got["$1 billion"] == ("PER", "IND")


def test_the_margin_one_flow_exceeds_another_by_is_no_flow(pipeline):
    got = _parties(pipeline, "Japan's exports to China rose 3% in May, with imports exceeding exports by 412 billion yen.")
    assert "412 billion yen" not in got


def test_a_change_from_the_old_level_of_the_month_before_is_period_on_period(pipeline):
    r = pipeline.extract("China's soybean imports from Brazil fell 3.7% in May from 1.3 million tonnes a year earlier "
                         "but were up 13.9% from 805,000 tonnes in April.", published="2024-07-10")
    bases = {r.amounts[c.amount].text: c.trade.basis for c in r.claims if c.kind == "trade_change"}
    assert bases == {"3.7%": "year_on_year", "13.9%": "period_on_period"}


def test_each_figure_keeps_the_destination_written_after_it(pipeline):
    got = _parties(pipeline, "Korea shipped $12.4 billion of goods to Japan and $9.8 billion to India in 2023.")
    assert got["$12.4 billion"] == ("KOR", "JPN") and got["$9.8 billion"] == ("KOR", "IND")


def test_a_partner_hung_on_second_goods_the_parser_took_for_a_verb(pipeline):
    got = _parties(pipeline, "China imported 9.4 million tonnes of copper ore and concentrate from Chile in May.")
    assert got["9.4 million tonnes"] == ("CHL", "CHN")


def test_a_ranked_buyer_owned_through_of_and_the_list_after_it(pipeline):
    """'the largest buyer of Uruguayan goods', 'came in as the third largest export market of
    Uruguay': the owner of the ranking written after 'of', and each state of the 'followed by'
    list, an item's change between them."""
    got = _parties(pipeline, "Canada was the largest buyer of Uruguayan goods in May with $320 million, followed by "
                             "Japan with $270 million, up 16 percent, Peru with $150 million and Chile with $90 million. "
                             "Mexico came in as the sixth biggest buyer of Uruguayan goods with $66 million.")
    assert {a: got[a] for a in ("$320 million", "$270 million", "16 percent", "$150 million", "$90 million",
                                "$66 million")} == {
        "$320 million": ("URY", "CAN"), "$270 million": ("URY", "JPN"), "16 percent": ("URY", "JPN"),
        "$150 million": ("URY", "PER"), "$90 million": ("URY", "CHL"), "$66 million": ("URY", "MEX")}


def test_a_ranking_owned_with_for_goes_on_with_followed_with_and_then(pipeline):
    """'the largest market for Peruvian exports, receiving ...': Peru's exports to the US; 'Japan
    followed with ..., then China with ...': the ranking goes on; a bare 'imports' after it is the
    story's reporter's with the world again."""
    text = ("Peru's exports rose 2 percent to $6.2 billion in July, the statistics office said. Among buyers, "
            "the United States was the biggest market for Peruvian exports, taking $2.26 billion of goods. "
            "Japan followed with $940 million, then China with $615 million. Imports, for their part, grew 6.4 "
            "percent in July to $5.75 billion.")
    got = _parties(pipeline, text)
    assert [got[a] for a in ("$2.26 billion", "$940 million", "$615 million", "$5.75 billion")] == [
        ("PER", "USA"), ("PER", "JPN"), ("PER", "CHN"), ("WLD", "PER")]


def test_a_ranked_source_s_quantity_is_its_flow_to_the_owner(pipeline):
    got = _parties(pipeline, "Japan's crude imports fell 3% in May. Norway remains the largest source of Japan's "
                             "crude, exporting more than 45 million barrels.")
    assert got["more than 45 million barrels"] == ("NOR", "JPN")


def test_the_country_after_a_ranked_market_is_the_ranking_s_owner(pipeline):
    # a description that exports or trades in total after a ranking of markets: the owner's trade
    got = _parties(pipeline, "Malaysia came in as the fourth-largest market of Thailand in June, taking $1.9 billion. "
                             "However, the nation's overall shipments fell 2% to $130 billion in the first half.")
    assert got["$130 billion"] == ("THA", "WLD")
    r = pipeline.extract("Japan remained Chile's biggest trading partner in 2023, with two-way "
                         "trade of $14 billion. The nation's exports of fruit rose 3 per cent to $7.2 billion over the year.",
                         published="2024-02-06")
    fruit = next(c for c in r.claims if c.trade is not None and r.amounts[c.amount].text == "$7.2 billion")
    assert (fruit.trade.from_, fruit.trade.to) == ("CHL", "WLD")


def test_the_country_that_buys_after_a_ranked_customer_is_the_customer(pipeline):
    # the description plays the ranked state's part (a customer buys): the ranked state
    r = pipeline.extract("India was Indonesia's second-largest customer for palm oil in 2023. The country bought "
                         "5.1 million tonnes of crude palm oil, up 8%.", published="2024-02-06")
    bought = next(c for c in r.claims if c.trade is not None and r.amounts[c.amount].text == "5.1 million tonnes")
    assert bought.trade.to == "IND"


def test_a_ranking_written_subject_first_gives_each_state_its_figure(pipeline):
    """'The top buyer of Thai goods was Japan, with ...', 'The other leading markets were Korea at
    $410 million and Taiwan at $305 million': the ranking noun is the subject, each ranked state is
    written before its own figure, and a ranking with no owner written is the story's state's."""
    text = ("Thailand's exports rose 5 percent to $24.1 billion in May, the commerce ministry said, as Thai rice "
            "sales recovered. The top buyer of Thai "
            "goods was Japan, with purchases worth $2.1 billion. The other leading markets were Korea at $410 "
            "million and Taiwan at $305 million.")
    r = pipeline.extract(text, published="2023-06-22")
    got = {r.amounts[c.amount].text: c for c in r.claims if c.trade is not None}
    assert (got["$2.1 billion"].trade.from_, got["$2.1 billion"].trade.to) == ("THA", "JPN")
    assert [(got[a].trade.from_, got[a].trade.to) for a in ("$410 million", "$305 million")] == [
        ("THA", "KOR"), ("THA", "TWN")]
    assert "parties" not in got["$2.1 billion"].inferred and "parties" in got["$410 million"].inferred


def test_a_ranking_listed_with_each_state_s_figure_after_a_comma(pipeline):
    """'The main markets were Chile, $1.9 billion; Peru, $820 million; ...': each figure hangs on its
    state (or on the subject, as the parser reads a list after a semicolon), the story's state's exports."""
    text = ("Bolivia's exports climbed 8 percent to $5.2 billion in March, Bolivia's statistics institute said. "
            "Bolivia's imports fell. The main markets were Chile, $1.9 billion; Peru, $820 million; and Canada, "
            "$310 million.")
    got = _parties(pipeline, text)
    assert [got[a] for a in ("$1.9 billion", "$820 million", "$310 million")] == [
        ("BOL", "CHL"), ("BOL", "PER"), ("BOL", "CAN")]


def test_a_ranking_of_suppliers_written_subject_first(pipeline):
    got = _parties(pipeline, "The largest supplier of Kenyan fuel was the UAE, with shipments worth $820 million.")
    assert got["$820 million"] == ("ARE", "KEN")


def test_imports_that_came_from_a_state_are_its_exports_to_the_reporter(pipeline):
    """A trade noun that is the subject of a verb of coming or going takes the verb's 'from'/'to'."""
    text = ("Germany's imports rose 2 percent to 110 billion euros in August. The largest imports, worth 13.1 billion "
            "euros, came from China, while most exports went to the United States, at 12.6 billion euros.")
    got = _parties(pipeline, text)
    assert got["13.1 billion euros"] == ("CHN", "DEU")
    assert got["12.6 billion euros"] == ("DEU", "USA")


def test_a_demonstrative_sentence_with_its_own_partner_continues_the_flow_before(pipeline):
    """'Exports to Japan fell 7.6 percent. Those to Australia rose 4.9 percent': the sentence after
    has no trade word; its 'those to Australia' keeps the reporter and takes its own partner."""
    got = _parties(pipeline, "Korea exports\n\nSouth Korea's exports rose 5 percent in May. Exports to Japan fell "
                             "7.6 percent to $2.27 billion. Those to Australia, on the other hand, rose 4.9 percent "
                             "to $1.08 billion.")
    assert got["$2.27 billion"] == ("KOR", "JPN") and got["$1.08 billion"] == ("KOR", "AUS")
    assert got["4.9 percent"] == ("KOR", "AUS")


PSA_RANKINGS = ("The United States was the leading market for the country's goods exported at $887.5 million in "
                "November 2018 while China was the largest supplier of goods imported at $2.26 billion in the "
                "same period, the Philippine Statistics Authority said. The country's export revenues reached "
                "$6.2 billion in November.")


def test_the_country_of_a_story_that_names_its_state_only_through_its_statistics_office(pipeline):
    """'the country' in a story citing the Philippine Statistics Authority, that never writes
    'the Philippines', is the Philippines, not the United States of the sentence."""
    got = _parties(pipeline, PSA_RANKINGS)
    assert got["$887.5 million"] == ("PHL", "USA")
    assert got["$6.2 billion"] == ("PHL", "WLD")


def test_a_state_s_supplier_of_goods_without_an_owner_is_the_story_s_state_s(pipeline):
    assert _parties(pipeline, PSA_RANKINGS)["$2.26 billion"] == ("CHN", "PHL")



def test_a_state_that_tops_the_list_of_the_country_s_markets(pipeline):
    """'Vietnam topped the list of the country's export markets with $1.8 billion, followed by ...':
    'the country' is the story's state, not the state it ranks; each ranked state is a market."""
    got = _parties(pipeline, "Laos's exports rose 8 percent in 2023, the ministry said. Vietnam topped the list of "
                             "the country's export markets with $1.8 billion, followed by Japan ($640 million) and "
                             "Germany ($210 million).")
    assert (got["$1.8 billion"], got["$640 million"], got["$210 million"]) == (("LAO", "VNM"), ("LAO", "JPN"),
                                                                               ("LAO", "DEU"))


def test_an_export_or_import_partner_is_a_destination_or_a_source(pipeline):
    got = _parties(pipeline, "Chile remained Peru's leading export partner in 2022 with $4 billion, followed by "
                             "Brazil at $2 billion. Bolivia was Peru's top import partner with $3 billion.")
    assert got["$4 billion"] == ("PER", "CHL") and got["$2 billion"] == ("PER", "BRA")
    assert got["$3 billion"] == ("BOL", "PER")
    # a trading partner trades both ways: no direction
    assert "$5 billion" not in _parties(pipeline, "Chile was Peru's leading trading partner in 2022 with $5 billion.")


def test_a_ranked_market_s_figure_of_total_trade_is_the_two_way_trade(pipeline):
    """'China was Peru's largest export market, with total trade growing 9 percent to $40 billion':
    the figure's own trade word says two-way trade, whatever the ranking noun; 'with export
    turnover' stays the exports."""
    r = pipeline.extract("China was Peru's largest export market in 2022, with total trade growing 9 percent to "
                         "$40 billion.", published="2023-03-01")
    assert [(c.trade.flow, c.trade.between) for c in r.claims if c.trade is not None] == [("total", ["CHN", "PER"])] * 2
    got = _parties(pipeline, "China was Peru's largest export market in 2022, with export turnover of $30 billion.")
    assert got["$30 billion"] == ("PER", "CHN")
    # a bare 'turnover', or 'total shipments', may be one flow's: the ranking says which
    got = _parties(pipeline, "The US remained the largest buyer of Laotian goods in 2022, with turnover reaching "
                             "$2.6 billion.")
    assert got["$2.6 billion"] == ("LAO", "USA")
    got = _parties(pipeline, "China remained Peru's main export market in 2022, with total shipments of "
                             "$9.7 billion.")
    assert got["$9.7 billion"] == ("PER", "CHN")


def test_each_item_of_a_list_of_partners_is_its_own_state_s(pipeline):
    """'... were China with trade of $X (down Y%); the Netherlands with $Z (down W%); ...': a list
    of partners, each item a state and 'with' its figure, gives every figure (and the change after
    it) the state heading its item, however the parser hung the list."""
    r = pipeline.extract("Among states outside the Commonwealth, Kazakhstan's biggest trading partners in the first "
                         "nine months of 2016 were China with trade of $40.1 billion (down 21.8%); the Netherlands with "
                         "$30.2 billion (down 11.1%); Germany with $20.6 billion (down 14.5%).", published="2017-03-01")
    got = {r.amounts[c.amount].text: c.trade.between for c in r.claims if c.trade is not None}
    assert got == {"$40.1 billion": ["CHN", "KAZ"], "21.8%": ["CHN", "KAZ"], "$30.2 billion": ["KAZ", "NLD"],
                   "11.1%": ["KAZ", "NLD"], "$20.6 billion": ["DEU", "KAZ"], "14.5%": ["DEU", "KAZ"]}


@pytest.mark.parametrize("sentence, amount, partner", [
    ("The United States was second with $5.4 billion in purchases.", "$5.4 billion", "USA"),
    ("The United States was second with exports of $5.4 billion.", "$5.4 billion", "USA"),
    ("Japan followed with purchases worth $2.1 billion.", "$2.1 billion", "JPN"),
])
def test_a_state_placed_in_an_export_ranking_buys_the_story_s_exports(pipeline, sentence, amount, partner):
    """After the leader of a ranking of a state's export markets, 'X was second with $N in purchases',
    'Y followed with purchases worth $N': the placed state buys from the story's exporter (its
    purchases are that state's imports), and takes the place of the partner before it."""
    got = _parties(pipeline, "Peru's exports rose 5 percent to $47.2 billion in 2019. China was the top buyer with "
                             f"$12.1 billion. {sentence}")
    assert got[amount] == ("PER", partner)


def test_a_state_placed_in_an_import_ranking_supplies_the_story_s_imports(pipeline):
    """'Zambia ranked third with $286 million of imports' after the top supplier: the placed state
    supplies the story's importer, in place of the supplier before it."""
    got = _parties(pipeline, "Egypt's imports from Africa rose 9 percent to $2.3 billion in 2022. Sudan was the top "
                             "supplier with $470 million. Zambia ranked third with $286 million of imports.")
    assert got["$286 million"] == ("ZMB", "EGY")



def test_a_state_given_another_s_rank_is_ranked(pipeline):
    """'Vietnam overtook Japan as the third biggest export destination, with exports climbing 18%': Vietnam
    takes the rank (not Japan, nor the world); a ranked figure keeps the goods its own trade word names."""
    r = pipeline.extract("US farm exports hit a record in 2021. Canada kept its place as the largest market, "
                         "with purchases of farm products climbing 21%. Vietnam overtook Japan as the third biggest "
                         "export destination, with exports climbing 18% to $14.6 billion.", published="2022-03-01")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, c.trade.commodity_text) for c in r.claims
           if c.trade is not None and c.amount is not None}
    assert got["21%"] == ("USA", "CAN", "farm products")
    assert got["18%"][:2] == ("USA", "VNM") and got["$14.6 billion"][:2] == ("USA", "VNM")


def test_the_state_naming_the_goods_a_sum_is_in_is_where_they_come_from(pipeline):
    """'Japan imported $28 billion in U.S. agricultural products': the US sold them, as with 'worth of'."""
    got = _parties(pipeline, "US farm exports hit a record in 2021. Japan imported $28 billion in U.S. agricultural "
                             "products.")
    assert got["$28 billion"] == ("USA", "JPN")


def test_a_state_that_saw_another_s_exports_rise_is_their_market(pipeline):
    """'Spain saw Dutch exports rise': Dutch exports to Spain; 'The Netherlands saw its exports rise'
    stays the Netherlands' exports to the world."""
    got = _parties(pipeline, "Dutch exports hit a record in 2021. Spain saw Dutch exports rise by 43 percent to "
                             "2.1 billion euros.")
    assert got["2.1 billion euros"] == ("NLD", "ESP")
    got = _parties(pipeline, "Dutch exports hit a record in 2021. The Netherlands saw its exports rise by 43 percent "
                             "to 2.1 billion euros.")
    assert got["2.1 billion euros"] == ("NLD", "WLD")


def test_a_state_that_earned_a_sum_from_exports_exported_it(pipeline):
    """'Uganda has earned nearly $1.7 billion from exports': Uganda's exports, not the story's state's."""
    got = _parties(pipeline, "Ethiopia's coffee exports hit a record. Uganda has earned nearly $1.7 billion from "
                             "exports this year.")
    assert got["nearly $1.7 billion"] == ("UGA", "WLD")


def test_a_balance_said_of_a_ranked_state_is_no_trade_figure(pipeline):
    """'As Chile's biggest partner, Brazil kept a trade surplus of $3.2 billion': the ranking's clause
    states a balance, which is no flow of either state."""
    got = _parties(pipeline, "Trade between Brazil and Chile rose 10 percent in 2012. As Chile's biggest trade partner, "
                             "Brazil kept a trade surplus of 3.2 billion U.S. dollars in 2012 in its trade with Chile.")
    assert "3.2 billion U.S. dollars" not in got


@pytest.mark.parametrize("tail", ["and Mexico at $190 billion", "and Mexico, down 2.1 percent to $190 billion"])
def test_every_item_of_a_followed_by_list_is_its_own_partner(pipeline, tail):
    """'X was Y's largest trading partner with $N, followed by A at $M and B at $K': the last item,
    which the parser may hang outside the 'followed by' phrase, is B's trade, not the leader's."""
    r = pipeline.extract("Canada's foreign trade rose 6 percent in 2022. The United States was Canada's largest "
                         f"trading partner with trade of $900 billion, followed by China at $300 billion {tail}.",
                         published="2023-02-10")
    got = {r.amounts[c.amount].text: tuple(c.trade.between or ()) for c in r.claims
           if c.trade is not None and c.amount is not None}
    assert got["$190 billion"] == ("CAN", "MEX") and got["$300 billion"] == ("CAN", "CHN")
