"""Goods as trade copy writes them (issue 12): examples after 'such as' are not all the goods, a
change noun is no goods, and '$X in zinc' names the figure's goods. Every sentence is written here."""
from __future__ import annotations

import pytest

from claims_support import importers


def _goods(pipeline, text: str, published: str = "2024-02-15") -> dict[str, tuple]:
    r = pipeline.extract(text, published=published)
    return {r.amounts[c.amount].text: (c.trade.commodity, c.trade.commodity_text)
            for c in r.claims if c.trade is not None and c.amount is not None}


@pytest.mark.parametrize("marker", ["such as", "including", "like"])
def test_examples_are_not_all_the_goods(pipeline, marker):
    text = f"Laos imported 41,500 tons of grains and pulses {marker} wheat flour, rice and corn from Thailand in May."
    code, words = _goods(pipeline, text)["41,500 tons"]
    assert code != "1101" and words.startswith("grains")


def test_a_change_noun_is_no_goods(pipeline):
    got = _goods(pipeline, "Laos bought only $3 million worth of goods from Peru in February, a 71% drop from "
                           "the prior month.")
    assert got["$3 million"] == (None, None) and got["71%"] == (None, None)


def test_an_in_phrase_on_the_figure_names_its_goods(pipeline):
    got = _goods(pipeline, "Laos exported $2.1 million in zinc and lead to Thailand in July.")
    assert got["$2.1 million"][1] == "zinc"


@pytest.mark.parametrize("text,amount", [
    ("Laos's sales to Peru tripled in 2022, when the ports reopened.", "tripled"),
    ("The US imposed $200 billion in tariffs on goods from Laos in 2019.", "$200 billion"),
])
def test_an_in_phrase_of_a_time_or_a_levy_is_no_goods(pipeline, text, amount):
    assert _goods(pipeline, text).get(amount, (None, None))[1] in (None, "goods")


@pytest.mark.parametrize("tag", ["(LEAD)", "(URGENT)", "(2nd LD)"])
def test_a_wire_service_s_version_tag_is_no_goods(pipeline, tag):
    got = _goods(pipeline, f"{tag} Laos's exports rise 9.6 pct in January\n\nLaos's exports rose in January.")
    assert got["9.6 pct"] == (None, None)


def test_the_subject_of_a_ranked_flow_names_its_goods(pipeline):
    """'Wigs were Laos's largest export to Vietnam, at $88 million': the figure is of the wigs."""
    got = _goods(pipeline, "Wigs and false eyelashes were Laos's largest export to Vietnam last year, at $88 million.")
    assert got["$88 million"][0] == "6704"


def test_goods_ranked_as_a_commodity_or_placed_second_are_the_subject(pipeline):
    """'Tin was the top exported commodity to Bolivia, with $300 million'; 'Alpacas came second, with
    $40 million in exports': the subject is the goods (known to the table or not)."""
    text = ("Peru's exports to Bolivia rose 8% to $900 million in 2023. Tin was the top exported commodity to "
            "Bolivia in 2023, with a value of $300 million. Alpaca wool came second, with $40 million in exports to Bolivia.")
    r = pipeline.extract(text, published="2024-03-20")
    got = {r.amounts[c.amount].text: c.trade.commodity_text for c in r.claims if c.trade is not None}
    assert got["$300 million"] == "tin" and got["$40 million"] == "alpaca wool"
    # a state placed first is a partner, no goods
    other = pipeline.extract("Peru's exports rose 8% in 2023. Bolivia came second, with $900 million.", published="2024-03-20")
    assert all(c.trade.commodity_text is None for c in other.claims if c.trade is not None)


def test_a_breakdown_the_flow_just_told_includes_is_goods_of_that_flow(pipeline):
    text = ("Laos's imports from Thailand rose to $900 million last year. Imports included $55 million worth "
            "of fuel, $21 million of machinery and $9 million in vehicles.")
    r = pipeline.extract(text, published="2024-03-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, c.trade.commodity_text)
           for c in r.claims if c.trade is not None and c.amount is not None}
    assert got["$55 million"] == ("THA", "LAO", "fuel")
    assert got["$21 million"] == ("THA", "LAO", "machinery")


def test_a_range_of_hs_chapters_is_no_code(pipeline):
    """The contract's commodity is one HS code; 'textiles' spans chapters 50-63: words only."""
    got = _goods(pipeline, "Laos's textile exports to Vietnam rose to $41 million in May.")
    assert got["$41 million"] == (None, "textile")


def test_the_days_of_a_month_are_its_first_days(pipeline):
    """Korean customs counts the first ten or twenty days of a month: 'in the 10 days of May' is
    May 1-10, not all of May, and the sector lines after it keep that period."""
    r = pipeline.extract("Peru's steel exports climbed 4% to $0.8 billion in the 10 days of May. Auto exports "
                         "gained 9% to $540 million.", published="2024-05-12")
    spans = {r.amounts[c.amount].text: (str(r.periods[c.period].from_), str(r.periods[c.period].to))
             for c in r.claims if c.trade is not None and c.period is not None}
    assert spans["$0.8 billion"] == spans["$540 million"] == ("2024-05-01", "2024-05-10")


def test_goods_that_made_up_a_part_of_the_flow_just_stated(pipeline):
    """'Rice made up 4,600 tonnes of these imports': the figure is the part of the flow the previous
    sentence stated, and its goods are the clause's subject, not that flow's."""
    r = pipeline.extract("Laos bought 8,700 tonnes of Thai grain in March, Thai customs data showed. Rice made up "
                         "4,600 tonnes of these imports in the first quarter. Corn made up 1,700 tonnes of the imports.",
                         published="2024-06-15")
    got = {r.amounts[c.amount].text: (c.kind, c.trade and (c.trade.from_, c.trade.to, c.trade.commodity_text))
           for c in r.claims if c.amount is not None}
    assert got["4,600 tonnes"] == ("trade_value", ("THA", "LAO", "rice"))
    assert got["1,700 tonnes"] == ("trade_value", ("THA", "LAO", "corn"))


def test_the_import_value_with_nothing_said_of_what_is_the_goods_just_named(pipeline):
    got = _goods(pipeline, "Bolivia's imports of Chilean wine rose to $2.3 million in 2019. By 2022 the import value "
                           "had passed $4 million.", published="2023-03-10")
    assert got["$4 million"] == got["$2.3 million"] and got["$4 million"][1] == "wine"


def test_a_count_s_own_noun_is_what_was_counted(pipeline):
    got = _goods(pipeline, "Kenya bought 12,300 blood-pressure monitors and 38,000 boxes of surgical gloves from "
                           "India in May.", published="2024-07-10")
    assert got["12,300 blood-pressure monitors"][1] == "blood pressure monitors"


def test_that_and_the_figures_continue_a_series_of_goods(pipeline):
    text = ("China's imports of soybeans from Brazil reached 7.1 million tonnes in June. That was up from 5.5 million "
            "tonnes a year earlier. The figures were also up 12 percent from May. That is about 240,000 tonnes a day.")
    r = pipeline.extract(text, published="2024-07-10")
    got = {r.amounts[c.amount].text: (c.kind, c.trade and c.trade.commodity_text) for c in r.claims}
    assert got["5.5 million tonnes"] == ("trade_value", "soybeans")
    assert got["12 percent"] == ("trade_change", "soybeans")
    assert got["about 240,000 tonnes"][0] == "quantity"   # a rate per day is no level of the series


def test_a_list_of_goods_of_different_chapters_is_no_one_heading(pipeline):
    got = _goods(pipeline, "Laos imported 140,000 tons of rice, flour, soybeans and other staples from Thailand in 2023.")
    assert got["140,000 tons"] == (None, "rice flour soybeans staples")
    got = _goods(pipeline, "Laos exported 40 tons of wigs and false eyelashes to Thailand in 2023.")
    assert got["40 tons"][0] == "6704"   # one chapter, one heading


def test_between_two_months_of_last_year(pipeline):
    r = pipeline.extract("Laos bought 90,000 tons of coal from Thailand between February and October last year, worth "
                         "$11 million.", published="2024-02-10")
    spans = {r.amounts[c.amount].text: (str(r.periods[c.period].from_), str(r.periods[c.period].to))
             for c in r.claims if c.period is not None}
    assert spans["90,000 tons"] == spans["$11 million"] == ("2023-02-01", "2023-10-31")


def test_a_change_before_a_tonnage_in_its_clause_shares_the_goods(pipeline):
    got = _goods(pipeline, "China's crude oil imports from Russia rose to 9.2 million tons in May. Imports from Saudi "
                           "Arabia were up 16% from a year earlier at 7.9 million tons.", published="2024-06-20")
    assert got["16%"] == got["7.9 million tons"] == ("2709", "crude oil")


def test_each_figure_of_a_worth_list_is_of_the_goods_just_before_its_worth(pipeline):
    """'steel products worth $A and copper worth $B': the nearest 'worth' opens each figure's phrase
    (the parser hangs the second one on the first)."""
    got = _goods(pipeline, "Vietnam imported USD 2.4 million worth of tin and zinc from Laos from March to August "
                           "2022, tin and zinc products worth USD 98,450 and copper worth USD 116,230 in the "
                           "March to August 2022 period.")
    assert got["USD 116,230"][1] == "copper" and got["USD 98,450"][1].startswith("tin")


def test_a_change_in_a_whose_clause_is_of_the_goods_it_hangs_on(pipeline):
    got = _goods(pipeline, "Chile's exports climbed to $7.1 billion in March, led by wine, whose value rose "
                           "11 percent.")
    assert got["11 percent"][1] == "wine" and got["$7.1 billion"] == (None, None)


@pytest.mark.parametrize("text,amount", [
    # 'that' opening a reported clause is no relative: the noun before it is no goods
    ("Peru's exports rose 3 percent in May. A spokesman told reporters that imports fell 6.5 percent "
     "to $4.4 billion.", "$4.4 billion"),
    # a data noun the parser took for a modifier of the trade word
    ("Japan's exports rose in January. Customs data show exports of 5.3 trillion yen in January.", "5.3 trillion yen"),
])
def test_the_words_of_a_report_are_no_goods(pipeline, text, amount):
    assert _goods(pipeline, text, published="2024-06-10")[amount] == (None, None)


def test_a_tonnage_without_goods_is_of_the_goods_of_the_story_s_first_figure(pipeline):
    text = ("Vietnam's coffee exports rose 12 percent to $310 million in May, the customs office said. Growers "
            "expect rain in June. Exports to Peru rose 7 per cent to 64,000 tonnes in May.")
    r = pipeline.extract(text, published="2019-06-20")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "64,000 tonnes")
    assert claim.trade is not None and claim.trade.commodity_text == "coffee" and "goods" in claim.inferred


def test_an_industry_s_exports_and_a_ranking_of_goods_in_brackets(pipeline):
    """'The textile industry booked exports of ...': that industry's goods, not the nation's total;
    'followed by footwear ($2.1 billion) and furniture ($900 million)': each item's own goods."""
    got = _goods(pipeline, "Turkey's exports rose 9 percent to $22 billion in May. The textile industry booked "
                           "exports of $4.2 billion, followed by footwear ($2.1 billion) and leather and fur goods "
                           "($900 million).", published="2024-06-10")
    assert got["$22 billion"] == (None, None)
    assert [got[a][1] for a in ("$4.2 billion", "$2.1 billion", "$900 million")] == ["textile", "footwear",
                                                                                      "leather fur goods"]


def test_coordinated_goods_pair_with_the_coordinated_figures_after_them(pipeline):
    """Without 'respectively': 'with chip and coal imports up 16.4% and 7%' pairs in order; 'timber and
    rubber exports, which reached $366 million, or 20 percent' is one goods said twice."""
    got = _goods(pipeline, "Laos's imports climbed 3.1% to $2.1 billion in June, with chip and coal imports up "
                           "16.4% and 7%.", published="2024-07-10")
    assert (got["16.4%"][1], got["7%"][1]) == ("chip", "coal")
    got = _goods(pipeline, "Laos's exports rose in June, driven by timber and rubber exports, which "
                           "reached $366 million, or 20 percent.", published="2024-07-10")
    assert got["$366 million"][1] == "timber rubber"


def test_a_respectively_list_of_goods_pairs_only_with_the_figures_of_its_own_clause(pipeline):
    """'tea and coffee exports ... a rise of 30pc and 41.5pc respectively, while exports of hides and skins
    fell': the list after 'while' has its own figure, and is not the goods of the first clause's."""
    got = _goods(pipeline, "Kenya's exports rose 4 percent in May. Earnings from tea and coffee exports beat "
                           "last year's, showing a rise of 30pc and 41.5pc respectively, while exports of hides "
                           "and skins fell by 21.3pc.", published="2020-06-20")
    assert [got[a][1] for a in ("30pc", "41.5pc", "21.3pc")] == ["tea", "coffee", "hides skins"]


@pytest.mark.parametrize("sentence,amount,words", [
    ("The foreign-invested sector's exports reached $22 billion.", "$22 billion", "foreign invested sector"),
    ("The automotive sector's exports rose 21 percent.", "21 percent", "automotive"),
])
def test_a_sector_s_exports_are_that_sector_s_not_the_nation_s(pipeline, sentence, amount, words):
    got = _goods(pipeline, "Vietnam's exports rose 10% to $30 billion in May. " + sentence, published="2024-06-10")
    assert got[amount] == (None, words) and got["$30 billion"] == (None, None)


def test_the_figures_of_a_gapped_conjunct_are_of_its_goods(pipeline):
    r = pipeline.extract("Peru's exports of asparagus fell 1.4 percent, from $610 million to $601 million, and avocados "
                         "by 3.2 percent, from $912 million to $883 million.", published="2024-02-20")
    goods = {r.amounts[c.amount].text: c.trade.commodity_text for c in r.claims if c.trade is not None}
    assert goods["$601 million"] == "asparagus"
    assert goods["3.2 percent"] == goods["$912 million"] == goods["$883 million"] == "avocados"


def test_a_gapped_group_of_partners_is_the_group_as_written(pipeline):
    r = pipeline.extract("Peru's exports rose 8% in May. Exports to the United States climbed by 9.2%, to China by 4.4%, "
                         "and other Asean countries by 12.5%.", published="2024-06-20")
    partners = importers(r)
    assert partners["4.4%"] == "CHN" and partners["12.5%"] == "other Asean countries"


def test_figures_in_brackets_after_states_or_goods_are_theirs(pipeline):
    r = pipeline.extract("Peru's exports to Asia fell 6.1% in May, in particular to Thailand (-14.2%), India "
                         "(-6.3%) and Korea (-3.9%).", published="2024-06-20")
    partners = importers(r)
    assert (partners["-14.2%"], partners["-6.3%"], partners["-3.9%"]) == ("THA", "IND", "KOR")
    r = pipeline.extract("Chile's major exports to Japan include fresh fruit ($3.1 billion), wood pulp ($1.2 billion) and "
                         "salmon ($0.9 billion) in 2023.", published="2024-03-20")
    goods = {r.amounts[c.amount].text: c.trade.commodity_text for c in r.claims if c.trade is not None}
    assert (goods["$3.1 billion"], goods["$1.2 billion"], goods["$0.9 billion"]) == ("fresh fruit", "wood pulp", "salmon")


def test_a_sum_restated_in_brackets_names_no_goods(pipeline):
    r = pipeline.extract("Peru's exports to India fell by a wide margin ($22 million) in May, and its exports to Chile came "
                         "to 95 million soles ($28.4 million).", published="2024-06-20")
    assert all(c.trade.commodity_text is None for c in r.claims if c.trade is not None)


def test_what_trade_is_in_names_its_goods(pipeline):
    got = _goods(pipeline, "Trade in farm products between Laos and Vietnam reached $640 million in the first half.")
    assert got["$640 million"][1] == "farm products"


@pytest.mark.parametrize("text,amount", [
    ("Trade in yuan terms between Laos and Vietnam rose 7 percent in May.", "7 percent"),
    ("Trade in the current financial year between Laos and Vietnam reached $1.3 billion.", "$1.3 billion"),
    ("Trade in goods between Laos and Vietnam rose 4 percent in May.", "4 percent"),
])
def test_trade_in_a_measure_a_time_or_goods_at_large_is_all_goods(pipeline, text, amount):
    assert _goods(pipeline, text)[amount] == (None, None)


def test_the_goods_a_ranked_export_item_is(pipeline):
    """'The country's biggest export item was zinc, which rose ...': the figures are the zinc's."""
    text = ("Laos's exports to Thailand fell to $820 million last year. The country's biggest export item was zinc "
            "(HS 79), which rose 64 percent to $190 million.")
    got = _goods(pipeline, text)
    assert got["$190 million"][1] == "zinc" and got["64 percent"][1] == "zinc"
    assert got["$820 million"] == (None, None)
    got = _goods(pipeline, "Coal was Laos's biggest export item to Thailand in May, at $70 million.")
    assert got["$70 million"][0] == "2701"


def test_a_bracket_of_figures_is_of_the_goods_written_before_it(pipeline):
    """'machinery (12.4 million USD, 8.1% growth), chemicals (...)': each bracket's figures are of the
    goods named right before it, not the whole flow (no ranking word is needed)."""
    text = ("Russia's exports to North Korea totaled 38.6 million USD in 2017. The main items of Russia's exports "
            "to North Korea were machinery (12.4 million USD, 8.1% growth), chemicals (6.2 million USD, 14.0% drop) "
            "and textiles (1.9 million USD, 6.3% growth).")
    got = _goods(pipeline, text, published="2018-03-01")
    assert got["12.4 million USD"][1] == got["8.1%"][1] == "machinery"
    assert got["6.2 million USD"][1] == got["14.0%"][1] == "chemicals"
    assert got["1.9 million USD"][1] == "textiles"
    assert got["38.6 million USD"] == (None, None)


def test_a_bracket_after_a_period_or_a_state_names_no_goods(pipeline):
    text = ("Russia's exports to North Korea totaled 38.6 million USD in 2017 (12.1% growth). Its imports from "
            "China (6.2 million USD) fell.")
    got = _goods(pipeline, text, published="2018-03-01")
    assert got["12.1%"] == (None, None)


def test_export_earnings_from_goods_name_the_goods(pipeline):
    got = _goods(pipeline, "Laos's exports rose 8 percent in 2023. Export earnings from coffee rose 13.5% to $29.8 "
                           "million.")
    assert got["$29.8 million"][1] == "coffee"
    # the other side: earnings from a state name the buyer, no goods
    got = _goods(pipeline, "Rwanda's export earnings from Kenya rose 13.5% to $29.8 million in 2023.")
    assert got["$29.8 million"] == (None, None)


def test_gapped_goods_the_parser_did_not_coordinate(pipeline):
    """'rose 80 percent, citrus by 35 percent and dates by 12 percent': each gapped conjunct's goods."""
    got = _goods(pipeline, "Egypt's exports of onions to Jordan rose 80 percent in 2023, citrus by 35 percent and "
                           "dates by 12 percent.")
    assert (got["80 percent"][1], got["35 percent"][1], got["12 percent"][1]) == ("onions", "citrus", "dates")


@pytest.mark.parametrize("text,amount,goods", [
    ("Laos's coal shipments to China slipped 4.1 percent in May, with those of tin ore tumbling 37.4 percent.",
     "37.4 percent", "tin ore"),
    ("Laos's rice exports rose 5 percent to $210 million in May, and those of coffee fell 3 percent to $40 million.",
     "$40 million", "coffee"),
])
def test_those_of_other_goods_are_the_same_flow_of_those_goods(pipeline, text, amount, goods):
    result = pipeline.extract(text, published="2025-07-20")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == amount)
    assert goods in (claim.trade.commodity_text or "")


@pytest.mark.parametrize("text,expected", [
    # a list of clauses, each goods + verb of change + figure (the parser links them in many ways)
    ("Laos's imports of crude oil rose 6.3 percent in March, petroleum products gained 1.9 percent, "
     "machinery slid 4.4 percent and coal dropped 12.6 percent.",
     {"1.9 percent": "petroleum products", "4.4 percent": "machinery", "12.6 percent": "coal"}),
    # ('the trade ministry' is an institution: no total trade the later figures are of)
    ("Laos's shipments of rubber jumped 17.2 percent, furniture fell 3.8 percent, and garments advanced "
     "9.1 percent in March, the trade ministry said.",
     {"3.8 percent": "furniture", "9.1 percent": "garments"}),
    ("Laos's exports of timber stood at $41 million in March, while coffee rose 4.5 percent to $17 million.",
     {"4.5 percent": "coffee", "$17 million": "coffee"}),
])
def test_each_clause_of_a_list_names_its_own_goods(pipeline, text, expected):
    r = pipeline.extract(text, published="2024-04-20")
    got = {r.amounts[c.amount].text: c.trade for c in r.claims if c.trade is not None and c.amount is not None}
    for amount, goods in expected.items():
        assert got[amount].commodity_text == goods, amount
        assert got[amount].flow == "directional" and "LAO" in (got[amount].from_, got[amount].to)


@pytest.mark.parametrize("text,amount", [
    ("Laos's exports of fruit and vegetables rose 6.1% in March.", "6.1%"),
    ("Laos's exports of goods and services edged down 0.7% to $310 million in March.", "0.7%"),
    # (the goods a flow is led by, the agent of 'led')
    ("Laos's imports led by farm machinery and trucks rose 0.4 percent to $2.1 billion in March.", "0.4 percent"),
])
def test_the_last_goods_of_a_list_the_trade_word_governs_is_not_a_clause_of_its_own(pipeline, text, amount):
    words = _goods(pipeline, text, published="2024-04-20")[amount][1]
    assert words is None or " " in words or words == "goods and services", words   # the whole list, not its last item



def test_goods_whose_apposition_says_they_are_traded_are_the_figure_s_goods(pipeline):
    """'Fruit (our fourth-largest export group) rose $38 million': the trade word is in the
    subject's apposition, so the subject names the goods, known to the table or not, and a
    coordinated subject names them all."""
    text = ("Goods exports from Laos rose 2.3 percent to $4.2 billion in March 2024.\n\nTimber, plywood, and "
            "wood articles (our second-largest export group) rose $61 million (19 percent) in March 2024. "
            "Fruit (our fourth-largest export commodity group) rose $38 million (35 percent) to $140 million.")
    got = _goods(pipeline, text, published="2024-04-26")
    assert got["$38 million"][1] == got["$140 million"][1] == "fruit"
    assert got["$61 million"][1].startswith("timber") and got["$61 million"][1].endswith("wood articles")


@pytest.mark.parametrize("written,code", [("(HS 903141)", "903141"), ("(HS code 8542)", "8542")])
def test_a_code_the_copy_writes_beats_the_table_s_guess(pipeline, written, code):
    """'semiconductor testing instruments (HS 903141)': the written code, not the table's code for
    a word inside the phrase ('semiconductor', 8542)."""
    got = _goods(pipeline, f"Laos's imports of semiconductor testing instruments {written} from Japan reached "
                           f"$42 million in May.")
    assert got["$42 million"] == (code, "semiconductor testing instruments")


@pytest.mark.parametrize("sentence,amount,words", [
    ("Exports in general trade rose 14 percent to 1.8 trillion yuan.", "1.8 trillion yuan", "general trade"),
    ("The processing trade totalled 900 billion yuan, including 560 billion yuan in exports.", "560 billion yuan",
     "processing trade"),
    ("Exports by state-owned enterprises fell 3 percent to 410 billion yuan.", "410 billion yuan",
     "state-owned enterprises"),
    ("Foreign-invested enterprises exported goods worth 1.2 trillion yuan.", "1.2 trillion yuan",
     "foreign-invested enterprises"),
    ("Private firms posted faster trade growth, with their trade up 11 percent.", "11 percent", "private firms"),
    ("In May, the province's state-owned enterprises saw their combined import and export value reach 310 "
     "billion yuan.", "310 billion yuan", "state-owned enterprises"),
])
def test_a_segment_of_a_statistics_breakdown_is_reported_with_its_words(pipeline, sentence, amount, words):
    """Customs break trade down by regime ('general trade') and by kind of firm ('state-owned
    enterprises'): a segment's figure is no figure of the whole flow, and is never checked against it."""
    got = _goods(pipeline, "China's exports rose 6% to 12 trillion yuan in the first half. " + sentence,
                 published="2024-07-14")
    assert got[amount] == (None, words) and got["12 trillion yuan"] == (None, None)


def test_firms_named_by_their_nation_are_the_nation_s_trade(pipeline):
    got = _goods(pipeline, "China's exports rose 6% in the first half. Chinese firms exported goods worth 12 trillion "
                           "yuan.", published="2024-07-14")
    assert got["12 trillion yuan"] == (None, None)


def test_cross_border_trade_and_a_goods_sector_are_no_segment(pipeline):
    r = pipeline.extract("Cross-border trade between Chile and Peru rose 5 percent to $7 billion in May.",
                         published="2024-06-14")
    assert [(c.trade.commodity, c.trade.commodity_text) for c in r.claims if c.trade is not None] == [(None, None)] * 2
    got = _goods(pipeline, "Korea's exports rose 6% in May. The semiconductor sector saw exports of $9.1 billion.",
                 published="2024-06-14")
    assert got["$9.1 billion"][0] == "8542"


def test_each_kind_of_firm_of_a_breakdown_keeps_its_own_segment(pipeline):
    got = _goods(pipeline, "China's foreign trade rose 5% to 6.2 trillion yuan in the first half. In the first half, "
                           "private firms recorded 3.2 trillion yuan in trade, up 9%. State-owned "
                           "enterprises logged 1.1 trillion yuan, up 2%, while foreign-invested enterprises reported "
                           "1.9 trillion yuan.", published="2024-07-14")
    assert got["3.2 trillion yuan"][1] == got["9%"][1] == "private firms"
    assert got["1.1 trillion yuan"][1] == got["2%"][1] == "state-owned enterprises"
    assert got["1.9 trillion yuan"][1] == "foreign-invested enterprises"


def test_trade_between_a_kind_of_firm_and_a_partner_is_that_segment_s(pipeline):
    """'Trade between China's private firms and the EU': a segment of the pair's trade, never the whole of it
    (which the story gives too, so taking it for the whole made the two figures contradict)."""
    got = _goods(pipeline, "Peru's trade with the EU rose 4% to 9.1 billion dollars in the first half. Trade between "
                           "Peru's private enterprises and the EU totaled 5.2 billion dollars, up 6%.", published="2024-07-14")
    assert got["9.1 billion dollars"][1] is None
    assert got["5.2 billion dollars"][1] == got["6%"][1] == "private enterprises"


def test_an_acronym_defined_for_a_flow_stands_for_it(pipeline):
    """'non-oil domestic exports (NODX)': the acronym alone is that flow, of that part of the goods."""
    r = pipeline.extract("Malaysia's non-oil domestic exports (NODX) rose 6 percent in May. NODX to Japan grew "
                         "11 percent.", published="2024-06-17")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, c.trade.commodity_text) for c in r.claims
           if c.trade is not None}
    assert got["11 percent"] == ("MYS", "JPN", "non oil domestic")
    assert got["6 percent"] == ("MYS", "WLD", "non oil domestic")
    r = pipeline.extract("Malaysia's non-oil domestic exports (NODX) rose 6 percent in May. Electronic NODX fell "
                         "4 percent.", published="2024-06-17")
    assert [c.trade.commodity_text for c in r.claims if c.trade is not None][-1] == "electronic"


@pytest.mark.parametrize("opener", ["including", "such as"])
def test_each_part_of_a_change_after_including_is_its_own_goods_change(pipeline, opener):
    """'imports fell 12%, including engines by 15%, pumps by 9% and turbines by 20%': each item's
    percentage after 'by' is its goods' change, in the direction of the change the list opens on
    (a plural the tagger reads as a verb, 'pumps', too)."""
    r = pipeline.extract(f"Ghana's imports of machinery fell 12% in March, {opener} engines by 15%, pumps by 9% and "
                         "turbines by 20%.", published="2023-04-20")
    got = {r.amounts[c.amount].text: (c.kind, r.amounts[c.amount].change, c.trade.commodity_text)
           for c in r.claims if c.trade is not None}
    assert got == {"12%": ("trade_change", "down", "machinery"), "15%": ("trade_change", "down", "engines"),
                   "9%": ("trade_change", "down", "pumps"), "20%": ("trade_change", "down", "turbines")}
    # a figure that moves a level is no item of such a list
    r = pipeline.extract("Ghana's exports rose 5% in March, including a rise in cocoa to $1.2 billion.",
                         published="2023-04-20")
    assert {a.text: a.change for a in r.amounts}["$1.2 billion"] is None


@pytest.mark.parametrize("text, aggregate", [
    ("India's exports of services stood at $28.5 billion in March, and imports were $16.1 billion.", "services"),
    ("India's exports of goods and services rose 4% to $70 billion in March, while imports fell 3% to $80 "
     "billion.", "goods and services"),
])
def test_the_aggregate_of_a_sentence_s_first_flow_holds_for_its_bare_conjunct(pipeline, text, aggregate):
    """'exports of services stood at $X, and imports were $Y': the imports are services' too; a
    sentence of goods ('coffee exports rose ..., while imports fell ...') lends nothing, and nor does
    the sentence before."""
    got = _goods(pipeline, text, "2024-04-20")
    assert {words for _, words in got.values()} == {aggregate}
    got = _goods(pipeline, "India's coffee exports rose 5% to $1.5 billion in March, while imports fell 2% to "
                           "$61 billion. Services exports rose 6%. Imports fell 2%.", "2024-04-20")
    assert got["$61 billion"] == (None, None) and got["2%"] == (None, None)


def test_the_items_after_followed_by_change_the_way_the_leading_item_did(pipeline):
    """'vehicles were down the most at 41%, followed by footwear at 22% and machinery at 19%': the
    leading item's size after 'down the most at', and each later item's, are falls of their own goods;
    a ranking that states no direction ('led at 12%') gives none."""
    r = pipeline.extract("Ghana's exports fell 11% in January. Exports of vehicles were down the most at 41%, "
                         "followed by footwear at 22% and machinery at 19%.", published="2017-03-01")
    got = {r.amounts[c.amount].text: (c.kind, r.amounts[c.amount].change, c.trade.commodity_text if c.trade else None)
           for c in r.claims}
    assert got == {"11%": ("trade_change", "down", None), "41%": ("trade_change", "down", "vehicles"),
                   "22%": ("trade_change", "down", "footwear"), "19%": ("trade_change", "down", "machinery")}
    r = pipeline.extract("Ghana's exports rose 5% in May. Cocoa led at 12%, followed by gold at 8%.", published="2017-06-01")
    assert {a.text: a.change for a in r.amounts} == {"5%": "up", "12%": None, "8%": None}


@pytest.mark.parametrize("text, items", [
    # items written with their change: "up"/"down" after a comma, a participle of change
    ("Peru's exports rose $640 million in August. The main increases were copper, up $310 million; zinc, up "
     "$95 million; and grapes, up $40 million.", {"$310 million": "copper", "$95 million": "zinc", "$40 million": "grapes"}),
    ("Peru's exports rose 6 percent in August, with copper up 9 percent and fishmeal declining 4 percent.",
     {"9 percent": "copper", "4 percent": "fishmeal"}),
    # a sentence that names no state: the items of the flow just told, the whole coordination each
    ("Peru's imports from China fell 8 percent in 2023. Imports fell across the board, with phones and their "
     "parts dropping 12 percent and cars, buses and trucks falling 6 percent.",
     {"12 percent": "phones parts", "6 percent": "cars buses trucks"}),
])
def test_each_item_written_with_its_change_is_that_change_s_goods(pipeline, text, items):
    got = _goods(pipeline, text)
    for amount, words in items.items():
        assert got[amount][1] == words


@pytest.mark.parametrize("text, amount", [
    ("Peru's exports rose 6 percent in August, with prices down 2 percent.", "2 percent"),
    ("Peru's exports to Japan, up 6 percent, reached $900 million in August.", "6 percent"),
    ("Peru's exports rose 6 percent in August, with quantity down 2 percent.", "2 percent"),
    ("Peru's imports matched the forecasts, rising 6 percent in August.", "6 percent"),
])
def test_a_price_or_a_flow_written_with_its_change_is_no_item(pipeline, text, amount):
    """Nor a measure of the flow, nor the goods of the flow's own phrase."""
    assert _goods(pipeline, text)[amount] == (None, None)


def test_each_item_of_a_semicolon_list_opens_with_the_goods_of_its_figures(pipeline):
    """'The next exports are gold and silver, $8.4 billion, up 11 percent; zinc $2.6 billion, ...':
    each item's goods, for its value and its change."""
    got = _goods(pipeline, "Peru's exports are estimated at $41.2 billion this year, up 9 percent. Copper stays the top "
                           "export at $17.3 billion. The next exports are gold and silver, $8.4 billion, up 11 "
                           "percent; zinc $2.6 billion, up 4 percent; and fishmeal, $1.7 billion, up 6 percent.",
                 published="2024-12-28")
    assert {a: got[a][1] for a in ("$8.4 billion", "11 percent", "$2.6 billion", "4 percent", "$1.7 billion", "6 percent")} \
        == {"$8.4 billion": "gold silver", "11 percent": "gold silver", "$2.6 billion": "zinc", "4 percent": "zinc",
            "$1.7 billion": "fishmeal", "6 percent": "fishmeal"}


def test_the_items_of_a_semicolon_list_with_a_verb_of_value(pipeline):
    """'Out of exports, coal amounted to X; copper ores and concentrates amounted to Y; ...': statistics
    office prose, each item its goods and a verb of value, the first after a phrase naming the flow."""
    got = _goods(pipeline, "Mongolia's exports fell 8 percent to 5.1 billion USD in the first nine months. Out of "
                           "exports, coal amounted 3.1 billion USD (60.2 percent of total exports); copper ores and "
                           "concentrates amounted to 1.2 billion USD (21.1 percent); and wool and cashmere equaled to "
                           "8.2 million USD (0.2 percent).", published="2020-11-20")
    assert {a: got[a][1] for a in ("3.1 billion USD", "1.2 billion USD", "8.2 million USD")} == {
        "3.1 billion USD": "coal", "1.2 billion USD": "copper ores concentrates", "8.2 million USD": "wool cashmere"}


@pytest.mark.parametrize("text, amount", [
    ("Malaysia's domestic exports fell 6 percent in March. Re-exports rose 3.4 percent to RM9.2 billion.", "3.4 percent"),
    ("Malaysia's exports rose 2 percent in March, while re-exports fell 5.1 percent.", "5.1 percent"),
])
def test_re_exports_are_a_segment_of_the_flow(pipeline, text, amount):
    """Goods bought abroad and sold on: the flow but a part of it, never the whole (nor the 're' of a
    hyphen the tokenizer parted)."""
    assert _goods(pipeline, text, published="2024-04-20")[amount] == (None, "re-exports")


@pytest.mark.parametrize("text,amount,words", [
    ("Peru's imports rose 8.2% in February on a 6.1% increase in non-fuel imports.", "6.1%", "non fuel"),
    ("Chile's exports fell 2% on the month, owing to a 1.4% decrease in mining exports.", "1.4%", "mining"),
    ("Ghana's exports rose 9% in June, helped by a 31% jump in timber exports.", "31%", "timber"),
])
def test_a_change_in_a_flow_of_goods_is_of_those_goods_not_of_the_clause_s_flow(pipeline, text, amount, words):
    """'imports rose 8% on a 6% increase in fuel imports': the flow the change noun is 'in' is the figure's."""
    assert _goods(pipeline, text)[amount][1] == words


def test_the_subjects_of_a_breakdown_after_among_these_are_goods_of_the_flow_just_told(pipeline):
    """'Among these, fish accounted for X; fruit reached Y; while vegetables totaled Z': each subject is a
    part of the flow, whether or not the goods table knows it."""
    got = _goods(pipeline, "Peru's exports of food to Chile reached 6.2 billion yuan in the first half, up 17 "
                           "percent. Among these, fish accounted for 1.4 billion yuan, up 18 percent; fruit reached "
                           "730 million yuan, up 6 percent; while vegetables totaled 420 million yuan, a rise of 3.5 "
                           "percent.", published="2024-07-14")
    assert got["730 million yuan"][1] == got["6 percent"][1] == "fruit"
    assert got["420 million yuan"][1] == "vegetables"


def test_an_unknown_subject_outside_a_breakdown_is_no_goods(pipeline):
    got = _goods(pipeline, "Peru's exports of food to Chile reached 6.2 billion yuan in the first half. The "
                           "company reached 730 million yuan.", published="2024-07-14")
    assert "730 million yuan" not in got


@pytest.mark.parametrize("text, words", [
    ("Oman's garment and textile exports rose 5% to $2 billion in May.", "garment textile"),
    ("Garment and textile exports from Oman rose 5% to $2 billion in May.", "garment textile"),
])
def test_coordinated_modifiers_of_a_flow_noun_together_name_its_goods(pipeline, text, words):
    """'Garment and textile exports', which the parser often reads as 'garment' and 'textile exports'."""
    assert _goods(pipeline, text, published="2019-06-20")["$2 billion"][1] == words


@pytest.mark.parametrize("opening", ["LIMA, Sept. 8 (Reuters) -- ", "LIMA, Sept. 8 - "])
def test_a_dateline_with_an_abbreviated_month_and_adjustment_words_name_no_goods(pipeline, opening):
    got = _goods(pipeline, f"{opening}Calendar and seasonally adjusted Peruvian exports rose 4 percent in July "
                           "to 6.1 billion dollars.", published="2020-09-08")
    assert got["6.1 billion dollars"] == (None, None)


def test_the_subject_of_a_participle_read_as_the_verb_is_the_goods_traded(pipeline):
    """'Cocoa beans exported amounted to $1.2 billion': 'exported' qualifies the goods, the verb is 'amounted'."""
    got = _goods(pipeline, "Ghana's exports rose 6% to $17 billion in 2018. Cocoa beans exported amounted to $1.2 "
                           "billion, up 4.1%.", published="2020-02-20")
    assert got["$1.2 billion"][1] == got["4.1%"][1] == "cocoa beans"


def test_goods_figures_a_national_agency_reports_are_its_state_s(pipeline):
    """'Exports of cocoa rose 7% to $1.9 billion, the Bank of Ghana said': the agency names whose goods these
    are, as it names whose whole flow."""
    r = pipeline.extract("Exports of cocoa beans and cocoa paste rose 7.0 per cent to US$1.87 billion in 2018, "
                         "the Bank of Ghana said.", published="2020-02-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, c.trade.commodity_text)
           for c in r.claims if c.trade is not None}
    assert got["US$1.87 billion"] == ("GHA", "WLD", "cocoa beans cocoa paste")


def test_a_percent_word_doubled_after_a_rate_is_no_goods(pipeline):
    got = _goods(pipeline, "Peru's exports to Asia reached $4.7 billion in 2018. Chile came second, with exports of $512 "
                           "million, or 9.6% percent.", published="2019-03-01")
    assert got["$512 million"] == (None, None)


def test_a_volume_after_a_price_line_is_of_the_goods_told_just_before(pipeline):
    """'Timber exports fell 18%. The price fell to $540 per cubic metre. Export volumes
    fell to 284,100 cubic metres': timber's volume, not the story's first goods."""
    r = pipeline.extract("Exports of cocoa rose 7 per cent to US$1.87 billion in 2018, the Bank of Ghana said.\n"
                         "Timber exports fell 18.2 per cent to US$0.21 billion.\nThe average price "
                         "slipped to US$540 a cubic metre in 2018. Export volumes fell to 284,100 cubic "
                         "metres in 2018.", published="2020-02-20")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "284,100 cubic metres")
    assert claim.trade is not None and claim.trade.commodity_text == "timber"


def test_goods_of_an_export_value_and_of_a_clause_after_but(pipeline):
    """'Agricultural export value went up 6.8 percent': the goods modify the value the trade word qualifies;
    'Imports of plastics rose 4 percent, but assembled trucks fell 14 percent': the second clause's own goods."""
    got = _goods(pipeline, "Vietnam's exports rose 5% in the first five months. Agricultural export value went up 6.8 "
                           "percent. Imports of plastics rose 4 percent, but assembled trucks fell 14 percent.",
                 published="2016-06-20")
    assert got["6.8 percent"][1] == "agricultural"
    assert got["4 percent"][1] == "plastics" and got["14 percent"][1] == "assembled trucks"


def test_those_of_goods_a_change_noun_is_in_name_the_goods_of_the_flow_just_told(pipeline):
    """'US imports rose 1.1%. The rise reflected a 3.5% increase in those of capital equipment, while
    those of autos fell 2%': no trade word in the sentence, the same flow of each goods."""
    got = _goods(pipeline, "Peru's imports rose 1.1% to $4.3 billion in June. The rise reflected a 3.5% increase in "
                           "those of capital equipment, while those of autos fell 2%.", published="2019-08-05")
    assert got["3.5%"][1] == "capital equipment" and got["2%"][1] == "autos"


def test_a_noun_the_tagger_took_for_a_verb_still_names_goods(pipeline):
    """'display items', 'farm produce imports': a compound word tagged as a verb is part of the goods (here
    also in a respectively list, whose second member was lost)."""
    got = _goods(pipeline, "Korea's exports fell 4% in September. Exports of steel products and display items grew "
                           "9 percent and 3 percent, respectively.", published="2023-10-20")
    assert got["9 percent"][1] == "steel products" and got["3 percent"][1] == "display items"


def test_a_participle_qualifying_goods_is_part_of_them_but_a_running_total_is_not(pipeline):
    """'manufactured products exports': the participle says which products; 'accumulated' says how they
    were counted."""
    got = _goods(pipeline, "New Zealand's exports fell 3% to NZ$4.6 billion in November, while manufactured products "
                           "exports rose 6 percent. Accumulated sales of dairy exports passed NZ$200 billion.",
                 published="2019-12-20")
    assert got["6 percent"][1] == "manufactured products"
    assert got.get("NZ$200 billion", (None, "dairy"))[1] != "accumulated"


@pytest.mark.parametrize("sentence", [
    "Exports in this category rose 12 percent to $3.1 billion.",
    "Exports under this category rose 12 percent to $3.1 billion.",
    "Sales of this product abroad rose 12 percent to $3.1 billion.",
])
def test_a_class_of_goods_pointed_at_with_this_is_the_goods_named_before(pipeline, sentence):
    """'exports under this category', 'sales of this product': the goods just named (copper), not all
    goods nor the word 'product'."""
    got = _goods(pipeline, "Peru's copper exports rose 8 percent to $14.2 billion in 2021. " + sentence,
                 published="2022-03-01")
    assert got["$3.1 billion"][1] == "copper"


@pytest.mark.parametrize("sentence, amount", [
    ("The trade volume from private enterprises reached 1.1 trillion yuan, up 8 percent.", "1.1 trillion yuan"),
    ("Private enterprises' imports and exports reached 1.1 trillion yuan, 52 percent of the total.", "1.1 trillion yuan"),
    ("The foreign trade of the province's private enterprises rose 3.8 percent to 1.1 trillion yuan.", "1.1 trillion yuan"),
])
def test_a_kind_of_firm_is_a_segment_named_whole(pipeline, sentence, amount):
    """'the volume from private enterprises', 'private enterprises' imports', 'the trade of the province's
    private enterprises': the breakdown's segment by kind of firm, with the words that set it apart
    (not all goods, 'private' nor 'enterprises')."""
    got = _goods(pipeline, "Jiangsu's foreign trade rose 6.1 percent to 1.97 trillion yuan in the first five months. "
                 + sentence, published="2022-06-20")
    assert got[amount] == (None, "private enterprises")


@pytest.mark.parametrize("sentence, amount, words", [
    ("Exports excluding fuel, timber and gems rose 5 percent to $3.1 billion.", "$3.1 billion", "excluding fuel timber and gems"),
    ("Imports excluding fuel fell 2 percent.", "2 percent", "excluding fuel"),
    ("When excluding fuel and gems, the export value grew by 11.2%.", "11.2%", "excluding fuel and gems"),
])
def test_a_flow_with_goods_left_out_is_that_segment_not_the_whole_flow(pipeline, sentence, amount, words):
    """'exports excluding fuel, timber and gems', 'When excluding gems, the export value grew': all goods but
    those, written as such; the figure is no whole flow (and is not checked against one)."""
    got = _goods(pipeline, "Thailand's exports rose 8 percent in May. " + sentence, published="2022-06-20")
    assert got[amount] == (None, words)


def test_the_goods_of_a_sector_after_of_are_still_goods(pipeline):
    """'Exports of the furniture sector': the sector names goods (unlike a kind of firm, 'the trade of
    private enterprises', a segment)."""
    got = _goods(pipeline, "Egypt's non-oil exports rose 11 percent in the first half. Exports of the furniture "
                           "sector grew 9.2 percent to $86 million.", published="2018-07-20")
    assert got["$86 million"][1] == "furniture sector"


@pytest.mark.parametrize("sentence, amounts, words", [
    ("Tea, which usually accounts for about a third of total exports, earned $410 million.", ["$410 million"], "tea"),
    ("Processed foods which contributed 14 percent of total exports grew 6 percent to $950 million.",
     ["6 percent", "$950 million"], "processed foods"),
    ("Garments, which make up most of the country's exports, rose 9 percent to $2.8 billion.",
     ["9 percent", "$2.8 billion"], "garments"),
])
def test_a_goods_subject_keeps_its_goods_past_a_relative_clause_naming_the_flow(pipeline, sentence, amounts, words):
    """'Tea, which accounts for 40 percent of total exports, earned $X': the trade word is in a relative
    clause describing the subject's share; the figure is the subject's, not the whole flow's."""
    got = _goods(pipeline, "Kenya's exports rose 5 percent to $1.3 billion in the quarter. " + sentence, published="2023-07-20")
    assert [got[a][1] for a in amounts] == [words] * len(amounts)


def test_a_class_noun_defined_by_its_complement_is_no_goods(pipeline):
    """'The main product groups which saw imports fall were machines and parts, at $X': the subject
    names no goods; the complement does (or nothing is read), never 'product groups'."""
    got = _goods(pipeline, "Egypt's imports fell 7 percent in 2023. The main commodity groups which saw imports fall "
                           "were boilers and machines, reaching $4.2 billion.", published="2024-02-20")
    assert "group" not in (got["$4.2 billion"][1] or "")


@pytest.mark.parametrize("sentence, amount, words", [
    ("Most of its imports were machinery valued at $3.2 billion.", "$3.2 billion", "machinery"),
    ("Most of its imports were machinery valued at $3.2 billion, followed by fuels valued at $1.1 billion.",
     "$1.1 billion", "fuels"),
    ("Imports also included cement valued at $140 million.", "$140 million", "cement"),
])
def test_a_valuing_participle_hangs_the_figure_on_its_goods(pipeline, sentence, amount, words):
    """'machinery valued at $3.2 billion', 'fertiliser totalling $240 million': the noun the participle
    qualifies is the figure's goods."""
    got = _goods(pipeline, "The Philippines' imports fell 3 percent to $9 billion in May. " + sentence, published="2024-06-10")
    assert got[amount][1] == words


def test_a_share_valued_in_brackets_is_no_goods(pipeline):
    got = _goods(pipeline, "In 2023 China accounted for a 21% share (valued at $21.7 billion) of Kazakhstan's "
                           "foreign trade.", published="2024-02-20")
    assert got["$21.7 billion"][1] in (None, "goods")


@pytest.mark.parametrize("sentence, amount, words", [
    ("Tea earnings fell 3 percent to $1.2 billion.", "$1.2 billion", "tea"),
    ("The country's tea earnings fell 3 percent to $1.2 billion.", "3 percent", "tea"),
    ("Earnings from footwear stood at $220 million, up 15 percent.", "$220 million", "footwear"),
    ("Revenue from cashew nuts rose to $310 million.", "$310 million", "cashew nuts"),
])
def test_earnings_from_goods_in_an_export_story_are_those_goods_exports(pipeline, sentence, amount, words):
    """'tea earnings fell 3%', 'earnings from footwear stood at $X': export earnings with the word
    'export' left out, once the story has told the state's exports."""
    r = pipeline.extract("Kenya's exports rose 4 percent to $7.1 billion in 2023. " + sentence, published="2024-03-01")
    got = {r.amounts[c.amount].text: c.trade for c in r.claims if c.trade is not None and c.amount is not None}
    assert (got[amount].from_, got[amount].to, got[amount].commodity_text) == ("KEN", "WLD", words)


@pytest.mark.parametrize("text", [
    # no export story told: a firm's or a sector's earnings
    "Tea earnings fell 3 percent to $1.2 billion in 2023.",
    # a firm's earnings from goods, and earnings of no goods
    "Chile's exports rose 5 percent in 2023. Antofagasta's earnings from copper fell 10 percent to $5 billion.",
    "Kenya's exports rose 4 percent in 2023. Tourism earnings rose 20 percent to $2 billion.",
])
def test_other_earnings_are_no_flow(pipeline, text):
    r = pipeline.extract(text, published="2024-03-01")
    assert not [c for c in r.claims if c.trade is not None and r.amounts[c.amount].text in ("$1.2 billion", "$5 billion", "$2 billion")]


@pytest.mark.parametrize("sentence, words", [
    ("Cambodia's garment, footwear and travel goods exports rose 9 percent to $6 billion in May.",
     "garment footwear travel goods"),
    ("Cambodia's rice, rubber and cassava exports fell 3 percent to $2 billion in May.", "rice rubber cassava"),
])
def test_a_listed_goods_flow_is_the_possessor_s_and_of_every_item(pipeline, sentence, words):
    """'Vietnam's garment, footwear and travel goods exports rose 9%': the parser coordinates the trade
    word with the goods it lists and hangs the possessor on the first; the flow is still the state's,
    of all the goods listed."""
    r = pipeline.extract(sentence, published="2024-06-10")
    got = {r.amounts[c.amount].text: c.trade for c in r.claims if c.trade is not None}
    assert {(t.from_, t.to, t.commodity_text) for t in got.values()} == {("KHM", "WLD", words)}
    assert set(got) == {"9 percent", "$6 billion"} or set(got) == {"3 percent", "$2 billion"}


def test_a_class_noun_in_apposition_is_no_listed_goods(pipeline):
    got = _goods(pipeline, "Chongqing's exports rose 10 percent in 2025. Among them, the city's main product, laptop "
                           "computer exports, reached 152 billion yuan.", published="2026-01-20")
    assert "product" not in (got["152 billion yuan"][1] or "")


LIST = ("Cambodia's exports rose 10 percent in the first quarter. Key exports included garments worth $2.4 billion "
        "(up 5 percent), bicycles worth $310 million, milled rice $150 million (up 12 percent), cassava chips and "
        "starch $90 million (up 8 percent) and natural rubber $60 million (down 3 percent).")


@pytest.mark.parametrize("amount, words", [
    ("$310 million", "bicycles"), ("$150 million", "milled rice"), ("12 percent", "milled rice"),
    ("$90 million", "cassava chips and starch"), ("8 percent", "cassava chips and starch"),
    ("$60 million", "natural rubber"), ("3 percent", "natural rubber"),
])
def test_each_item_of_a_list_has_its_own_goods(pipeline, amount, words):
    """'..., sandals 1.3 billion USD (up 9 percent), machine tools and spare parts 0.8 billion USD (up
    12 per cent)': an item written right before its figure, with or without 'worth', is that figure's goods
    (and its bracketed change's), not the item before it -- even where the parser reads the item as a verb."""
    got = _goods(pipeline, LIST, published="2024-05-01")
    assert got[amount][1].replace(" and ", " ") == words.replace(" and ", " ")


@pytest.mark.parametrize("verb", ["remained at", "stood at", "totalled"])
def test_a_level_clause_opened_by_its_goods_after_a_goods_flow_is_of_those_goods(pipeline, verb):
    """'Exports of fish fell 2% to $1.5 billion, while wood pulp remained at $900 million': the goods
    opening the figure's own clause, with a verb of a level as well as of change."""
    got = _goods(pipeline, f"Chile's exports rose 3 percent to $8 billion in May. Exports of fish fell 2 percent to "
                           f"$1.5 billion, while wood pulp {verb} $900 million.", published="2023-07-05")
    assert got["$900 million"][1] == "wood pulp" and got["$1.5 billion"][1] == "fish"


@pytest.mark.parametrize("phrase, words", [
    ("Exports from the furniture industry", "furniture"),
    ("Exports from the leather sector", "leather"),
    ("Sales abroad of cherries", "cherries"),
])
def test_the_industry_or_the_of_phrase_after_an_adverb_names_the_goods(pipeline, phrase, words):
    """'exports from the furniture industry', 'exports from the leather sector': the industry's goods;
    'Sales abroad of cherries': the 'of' phrase the parser hangs on the adverb."""
    got = _goods(pipeline, f"Chile's exports rose 3 percent to $8 billion in May 2023. {phrase} reached $310 million "
                           "in May, Chile's central bank said.", published="2023-07-05")
    assert got["$310 million"][1] == words


def test_a_sector_named_by_who_owns_its_firms_is_no_goods(pipeline):
    got = _goods(pipeline, "Vietnam's exports rose 3 percent to $30 billion in May 2023. Exports from the private "
                           "sector came to $8 billion in May, the customs office said.", published="2023-07-05")
    assert got["$8 billion"][1] != "private"


def test_the_rest_of_a_total_names_no_goods(pipeline):
    """'the rest (500 billion yuan) was from import': what is left of the whole flow, no goods."""
    got = _goods(pipeline, "Hubei's trade came to 1.9 trillion yuan in the first ten months of 2017. Of this, 1.4 "
                           "trillion yuan came from export, up 8%; the rest (500 billion yuan) was from import, rising 21%.",
                 published="2017-12-20")
    assert got["500 billion yuan"] == (None, None)


@pytest.mark.parametrize("state", ["US", "China"])
def test_a_bound_adjective_names_where_the_goods_go_not_goods(pipeline, state):
    got = _goods(pipeline, f"{state}-bound exports of Vietnam rose 5% to $9 billion in May.", published="2023-06-01")
    assert got["$9 billion"] == (None, None)


def test_common_farm_goods_are_in_the_table_and_break_down_the_flow_just_told(pipeline):
    """'Cheese rose 22 percent to NZ$800 million, while meat fell 9 percent': goods the HS table knows,
    as subjects right after a flow, break it down item by item (cheese 0406, meat chapter 02)."""
    got = _goods(pipeline, "New Zealand's exports rose 12 percent to NZ$6.5 billion in March. Cheese rose 22 percent "
                           "to NZ$800 million, while meat fell 9 percent to NZ$450 million.", published="2023-04-25")
    assert got["NZ$800 million"] == ("0406", "cheese") and got["NZ$450 million"] == ("02", "meat")


def test_a_hyphenated_ownership_word_stays_in_the_segment(pipeline):
    """'State-owned enterprises': 'State' is a word of the firms' kind, not a noun of partners."""
    got = _goods(pipeline, "Ningbo's exports fell 3.1 percent in the first seven months. The trade value of State-owned "
                           "enterprises in Ningbo grew 21.5 percent to 98 billion yuan.", published="2020-08-20")
    assert got["98 billion yuan"] == (None, "state enterprises")


@pytest.mark.parametrize("sentence, amount, words", [
    ("Knitwear export earnings amounted to $4.1 billion.", "$4.1 billion", "knitwear"),
    ("Receipts from electronic products dropped 6 percent to $3.2 billion.", "$3.2 billion", "electronic products"),
])
def test_earnings_named_by_their_goods(pipeline, sentence, amount, words):
    """'knitwear export earnings': the earnings noun's own modifier before the trade word names the
    goods; 'receipts from electronic products' (HS chapter 85) are of a kind of goods the table knows."""
    got = _goods(pipeline, f"Sri Lanka's exports rose 8 percent in the first half of 2022. {sentence}",
                 published="2022-08-10")
    assert got[amount][1] == words


def test_a_region_after_all_of_is_the_partner_s_name_not_goods(pipeline):
    """'Exports to all of Asia': the 'of' phrase hangs on 'all', and names where the goods went
    ('imports from China of rice' hangs goods on a partner that is a state, which 'all' is not)."""
    got = _goods(pipeline, "Japan's exports rose 2 percent in March. Exports to all of Asia fell 9 percent, with a "
                           "12 percent drop in shipments to Korea.")
    assert got["9 percent"] == (None, None) and got["12 percent"] == (None, None)


@pytest.mark.parametrize("goods", ["automatic data processing equipment", "data processing equipment"])
def test_data_in_a_goods_name_the_table_knows_stays(pipeline, goods):
    """'automatic data processing equipment' (HS 8471) keeps 'data', which 'customs data showed'
    drops."""
    got = _goods(pipeline, f"Customs data showed Hunan's imports of {goods} fell 8 percent to 30 billion yuan in "
                           "the first half.", published="2022-07-20")
    assert got["30 billion yuan"] == ("8471", goods)


def test_a_reduction_is_a_change_noun_not_goods(pipeline):
    """'a year-on-year reduction of 6.8 percent', 'a 23.8% reduction in imports': a noun of change like
    'drop' or 'decline', which names no goods and takes its flow from its own 'in' phrase."""
    text = ("Hubei bought goods worth 270 billion yuan from abroad in the first half, a year-on-year reduction of 6.8 "
            "percent. The period saw a 9.1% drop in exports, and a steeper 12.4% reduction in imports.")
    got = _goods(pipeline, text, published="2022-07-20")
    assert got["6.8 percent"] == (None, None)
    r = pipeline.extract(text, published="2022-07-20")
    flows = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert flows["12.4%"] == ("WLD", "Hubei")


def test_a_breakdown_after_a_colon_labels_each_figure_with_its_item(pipeline):
    """'farm exports rose 5%: coffee, $2.1 billion (up 12%), and rice, $1.8 billion (down 4%)': each
    item written before a comma and its figure names that figure's goods (and its bracketed change's),
    not the goods of the total before the colon."""
    got = _goods(pipeline, "Vietnam's exports of coffee and rice rose 5% in the first half: coffee, $2.1 billion (up "
                           "12%), and rice, $1.8 billion (down 4%).", published="2023-07-20")
    assert [got[a][1] for a in ("$2.1 billion", "12%", "$1.8 billion", "4%")] == ["coffee", "coffee", "rice", "rice"]


@pytest.mark.parametrize("text, figure", [
    ("Nepal's imports reached $3.2 billion, against the previous years import total of $3.5 billion.", "$3.5 billion"),
    ("Nepal's exports rose 5 percent in March, generating $1.1 billion in earnings.", "$1.1 billion"),
    ("Nepal's seaborne exports rose 4 percent to $2 billion in March.", "$2 billion"),
])
def test_words_of_time_earnings_and_transport_name_no_goods(pipeline, text, figure):
    """'the previous years import total' (the apostrophe dropped), '$1.1 billion in earnings',
    'seaborne exports': a time, what was earned and the way goods travel are no goods."""
    assert _goods(pipeline, text, published="2024-04-20")[figure] == (None, None)
