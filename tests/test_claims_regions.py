"""Places inside a state as traders (issue 12): the contract names a partner that is not a state as
written, so a province's, a city's or a US state's trade is that place's, never its state's nor the
story's pair. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from claims_support import claim_of


def _parties(pipeline, text: str, published: str = "2024-03-10") -> dict[str, tuple]:
    r = pipeline.extract(text, published=published)
    return {r.amounts[c.amount].text: (c.trade.flow, c.trade.from_, c.trade.to, tuple(c.trade.between or ()))
            for c in r.claims if c.trade is not None and c.amount is not None}


def test_a_province_s_exports_are_the_province_s(pipeline):
    text = ("North Korea's trade with China rose 20 percent to $2.3 billion last year. Guangdong province's "
            "exports rose 8 percent to 500 billion yuan in January, while Zhejiang's imports from Russia "
            "reached $3 billion.")
    got = _parties(pipeline, text)
    assert got["500 billion yuan"] == ("directional", "Guangdong", "WLD", ())   # (one name, with or without "province")
    assert got["$3 billion"] == ("directional", "RUS", "Zhejiang", ())
    assert got["$2.3 billion"] == ("total", None, None, ("CHN", "PRK"))


def test_a_city_s_trade_with_a_state(pipeline):
    got = _parties(pipeline, "Dandong's trade with North Korea came to $1.2 billion last year.")
    assert got["$1.2 billion"] == ("total", None, None, ("Dandong", "PRK"))


def test_a_to_phrase_the_parser_hangs_inside_the_from_phrase(pipeline):
    text = ("South Korea's exports rose 5 percent to $55 billion in February. Shipments from the northeastern "
            "province of Liaoning to North Korea were worth $40 million.")
    assert _parties(pipeline, text)["$40 million"] == ("directional", "Liaoning", "PRK", ())


def test_capitals_and_demonyms_stay_their_states(pipeline):
    text = ("The value of Thai goods exported to Laos fell 9 percent to $180 million in May, "
            "while Bangkok's imports from Vientiane rose to $20 million.")
    got = _parties(pipeline, text, "2024-06-20")
    assert got["$180 million"] == ("directional", "THA", "LAO", ())
    assert got["$20 million"] == ("directional", "LAO", "THA", ())


@pytest.mark.parametrize("text,amount,partner", [
    # one figure for two states is their total, a group as written
    ("Laos exported a total of $287,600 in tin to Chile and Peru between March and July 2019.",
     "$287,600", "Chile and Peru"),
    ("Japan's exports to Chile and Peru fell 4% in May.", "4%", "Chile and Peru"),
])
def test_one_figure_for_coordinated_states_is_their_total(pipeline, text, amount, partner):
    r = pipeline.extract(text, published="2024-01-10")
    got = {r.amounts[c.amount].text: c.trade.to for c in r.claims if c.trade is not None and c.amount is not None}
    assert got[amount] == partner


def test_coordinated_states_with_respectively_or_or_are_each_their_own(pipeline):
    r = pipeline.extract("Japan's exports to Chile and Peru fell 4% and 6%, respectively, in May. Ghana imported "
                         "no cotton from Mali or Benin in June.", published="2024-07-10")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None and c.amount is not None}
    assert got["4%"] == ("JPN", "CHL") and got["6%"] == ("JPN", "PER")
    assert all(" or " not in (p or "") for pair in got.values() for p in pair)


@pytest.mark.parametrize("text, amount, parties", [
    ("Japan's shipments to Asia climbed 5.1% to 3.2 trillion yen in May.", "3.2 trillion yen", ("JPN", "Asia")),
    ("Imports from Asia slid 4.5 percent to 3.2 trillion yen in May, Japan's finance ministry said.", "3.2 trillion yen",
     ("Asia", "JPN")),
    # a region in the possessive naming a state by an epithet is no party
    ("South Korea's exports rose 5% in May. Steel exports from Asia's fourth-largest economy rose 8.2% to $2.6 billion.",
     "$2.6 billion", ("KOR", "WLD")),
])
def test_asia_after_a_preposition_is_a_partner_and_its_epithets_are_none(pipeline, text, amount, parties):
    r = pipeline.extract(text, published="2024-06-20")
    claim = claim_of(r, amount)
    assert (claim.trade.from_, claim.trade.to) == parties


def test_a_state_whose_name_holds_a_region_is_that_state(pipeline):
    """'South Africa' is the state, not the state plus the continent inside its name."""
    r = pipeline.extract("Two-way trade between South Africa and Brazil rose from R51bn in 2014 to R62bn in 2015, a "
                         "22% increase.", published="2016-03-01")
    assert all(sorted(c.trade.between) == ["BRA", "ZAF"] for c in r.claims if c.trade is not None)
    # the other side: the continent named on its own is still the region
    r = pipeline.extract("China's exports to Africa rose 5% while exports to South Africa fell 3% in 2023.",
                         published="2024-03-01")
    assert [c.trade.to for c in r.claims if c.trade is not None] == ["Africa", "ZAF"]


def test_a_place_named_after_a_state_is_no_state(pipeline):
    r = pipeline.extract("Inner Mongolia's trade with Russia reached 5.2 billion yuan in the first half.",
                         published="2024-08-01")
    assert "MNG" not in {a.id for a in r.actors}
    assert [sorted(c.trade.between) for c in r.claims if c.trade is not None] == [["Inner Mongolia", "RUS"]]


def test_a_group_of_coordinated_partners_is_named_without_the_clause_after_it(pipeline):
    r = pipeline.extract("Peru exported $4 million of tin to Chile and China, which remained its top buyer, in 2023.",
                         published="2024-03-01")
    assert [c.trade.to for c in r.claims if c.trade is not None] == ["Chile and China"]


@pytest.mark.parametrize("group,excluded", [
    ("countries other than the United States", "USA"),
    ("markets outside the European Union", "EUU"),
    ("nations excluding Japan and China", "JPN"),
])
def test_a_group_set_apart_from_a_state_is_a_partner_as_written(pipeline, group, excluded):
    """'Imports from countries other than the United States': the group is the partner, as the
    contract writes groups; never the state it sets apart, nor the world."""
    text = (f"Mexico's imports from the United States rose 2 percent to $30 billion in May. Imports from {group} "
            f"fell 4 percent to $12 billion.")
    got = _parties(pipeline, text, published="2024-07-01")
    assert got["$30 billion"] == ("directional", "USA", "MEX", ())
    assert got["$12 billion"] == ("directional", group, "MEX", ())
    assert excluded not in got["4 percent"] and "WLD" not in got["4 percent"]


def test_other_countries_alone_are_still_the_world(pipeline):
    got = _parties(pipeline, "Mexico's exports to other countries rose 3 percent to $9 billion in May.",
                   published="2024-07-01")
    assert got["$9 billion"] == ("directional", "MEX", "WLD", ())


def test_the_continent_refers_back_to_the_latest_continent_named(pipeline):
    text = ("China's trade with Africa rose 5 percent to $280 billion last year. Chinese exports to the continent "
            "grew 7 percent to $170 billion.")
    assert _parties(pipeline, text, published="2024-06-20")["$170 billion"] == ("directional", "CHN", "Africa", ())


def test_a_region_s_adjective_before_a_trade_word_names_the_trader(pipeline):
    got = _parties(pipeline, "African shipments to China rose 9 percent to $100 billion last year. Sino-Latin "
                             "American trade reached $24 billion.", published="2024-06-20")
    assert got["$100 billion"] == ("directional", "Africa", "CHN", ())
    assert got["$24 billion"] == ("total", None, None, ("CHN", "Latin America"))


def test_a_region_s_adjective_elsewhere_names_no_partner(pipeline):
    got = _parties(pipeline, "China's imports of pork from Spain fell 5 percent in May due to African swine fever.",
                   published="2024-06-20")
    assert got["5 percent"] == ("directional", "ESP", "CHN", ())


@pytest.mark.parametrize("text, amount, parties", [
    ("Jamaica's exports to CARICOM fell 8 percent to US$115 million in 2019.", "US$115 million",
     ("directional", "JAM", "CARICOM", ())),
    ("Imports from the Caribbean Community rose to US$460 million, Jamaica's statistics office said.",
     "US$460 million", ("directional", "CARICOM", "JAM", ())),
    ("Serbia's exports to CEFTA countries rose 6 percent to EUR 2.9 billion in 2015.", "EUR 2.9 billion",
     ("directional", "SRB", "CEFTA", ())),
    ("Peru's trade with members of the Arab League rose 4 percent to $4 billion in 2019.", "$4 billion",
     ("total", None, None, ("Arab states", "PER"))),
    ("Peru's imports from Central and Eastern European countries reached $3 billion in 2019.",
     "$3 billion", ("directional", "Central and Eastern Europe", "PER", ())),
])
def test_a_trade_bloc_is_a_partner_as_written_never_the_world(pipeline, text, amount, parties):
    """A regional bloc the partners' table knows is the partner, as the contract writes a group; one it
    did not know left the flow with all partners, which the figure is not."""
    assert _parties(pipeline, text, published="2020-05-01")[amount] == parties


def test_a_place_keeps_one_name_with_or_without_its_kind(pipeline):
    """'Jiangsu Province' and 'Jiangsu's exports' are one place, named one way ('Mexico City' keeps its word)."""
    got = _parties(pipeline, "Jiangsu Province's foreign trade rose 9 percent to 2.1 trillion yuan in the first half. "
                             "Jiangsu's exports grew 11 percent to 1.3 trillion yuan.", published="2022-07-20")
    assert got["2.1 trillion yuan"] == ("total", None, None, ("Jiangsu", "WLD"))
    assert got["1.3 trillion yuan"] == ("directional", "Jiangsu", "WLD", ())


@pytest.mark.parametrize("opening", [
    "The southwestern province of Guizhou saw its foreign trade grow",
    "China's southwestern province of Guizhou saw its foreign trade grow",
])
def test_the_province_and_its_refer_back_to_the_place_named(pipeline, opening):
    """'the province of Guizhou', 'the province's exports', 'its imports': the place, not China, whose
    trade a provincial release reports."""
    got = _parties(pipeline, f"{opening} 12.4 percent year on year to 61.2 billion yuan in the first three quarters. "
                             "Its trade with ASEAN nations rose 9.1 percent to 14.2 billion yuan. The "
                             "province's exports rose 15 percent to 40.1 billion yuan.", published="2021-10-20")
    assert got["61.2 billion yuan"] == ("total", None, None, ("Guizhou", "WLD"))
    assert got["14.2 billion yuan"] == ("total", None, None, ("ASEAN", "Guizhou"))
    assert got["40.1 billion yuan"] == ("directional", "Guizhou", "WLD", ())


def test_the_province_is_the_latest_place_written_as_a_province(pipeline):
    """A city named in between ('the city of Qingdao') is not what 'the province' refers back to."""
    got = _parties(pipeline, "Shandong province's exports rose 9 percent in the first half. Exports from the city "
                             "of Qingdao rose 4 percent to 0.3 trillion yuan. The province's imports fell 3 percent "
                             "to 0.8 trillion yuan.", published="2022-07-20")
    assert got["0.8 trillion yuan"] == ("directional", "WLD", "Shandong", ())


def test_a_province_s_flows_with_a_list_of_partners_and_its_next_goods_line(pipeline):
    """'the province's imports and exports with A, B and C grew ..., respectively': the province's
    trade with each; the next goods line, which names only 'the province's total', is back with the world."""
    got = _parties(pipeline, "Jiangsu's foreign trade rose 6.1 percent in the first five months. In that period, "
                             "the province's imports and exports with Vietnam, Thailand and Egypt grew 21.4 percent, "
                             "36.7 percent and 12.4 percent, respectively. Machinery exports reached 590.2 billion "
                             "yuan, accounting for 58.6 percent of the province's total.",
                   published="2019-06-20")
    assert [got[f] for f in ("21.4 percent", "36.7 percent", "12.4 percent")] == [
        ("total", None, None, pair) for pair in (("Jiangsu", "VNM"), ("Jiangsu", "THA"), ("EGY", "Jiangsu"))]
    assert got["590.2 billion yuan"] == ("directional", "Jiangsu", "WLD", ())


def test_an_apposition_describing_a_place_names_no_party(pipeline):
    """'the coastal province, China's top exporter, shipped ... abroad': the province's exports; the
    state inside the description is no party."""
    got = _parties(pipeline, "Guangdong's foreign trade rose 12 percent in July. In July the coastal province, "
                             "China's top exporter, shipped 412.3 billion yuan of goods abroad.", published="2021-08-20")
    assert got["412.3 billion yuan"] == ("directional", "Guangdong", "WLD", ())


def test_a_place_or_state_in_the_of_phrase_of_a_trade_value_owns_it(pipeline):
    """'the combined import and export value of Hunan province', 'the foreign trade of China's northwestern
    Gansu Province': the place trades (not China, and no goods are left over); 'exports of Peru' are
    Peru's, while 'exports of Chinese goods' still name goods."""
    got = _parties(pipeline, "In the first 10 months, the combined import and export value of Hunan province stood "
                             "at 1.38 trillion yuan, up 4.1%. Its export value stood at 0.76 trillion yuan.", published="2020-11-20")
    assert got["1.38 trillion yuan"] == ("total", None, None, ("Hunan", "WLD"))
    assert got["0.76 trillion yuan"] == ("directional", "Hunan", "WLD", ())
    r = pipeline.extract("The foreign trade of China's northwestern Gansu Province rose 5.2 percent on a year earlier "
                         "to 4.87 billion U.S. dollars in the January-June period of 2013.", published="2013-07-20")
    trades = [c.trade for c in r.claims if c.trade is not None]
    assert trades and all(t.between == ["Gansu", "WLD"] and t.commodity_text is None for t in trades)
    got = _parties(pipeline, "In July, exports of Peru were 3.2 billion dollars.", published="2015-08-03")
    assert got["3.2 billion dollars"] == ("directional", "PER", "WLD", ())



@pytest.mark.parametrize("text, amount", [
    ("UK exports fell in January. There was a £340 million – 2.6 per cent – increase in non-EU exports.", "£340 million"),
    ("UK exports fell in January. UK exports to non-EU countries rose 2 percent to £17 billion.", "£17 billion"),
])
def test_the_partners_outside_a_bloc_are_a_partner_as_written(pipeline, text, amount):
    """'non-EU exports', 'exports to non-EU countries': the reporter's exports to the states outside the
    EU, a partner as written; never the EU's own exports."""
    got = _parties(pipeline, text, published="2021-03-12")
    assert got[amount][:2] == ("directional", "GBR") and got[amount][2].startswith("non-EU")


@pytest.mark.parametrize("sentence, amount, parties", [
    ("Sales to the Asian market climbed 12 percent to $30 billion.", "$30 billion", ("directional", "PER", "Asia", ())),
    ("Trade with the European market fell 2.8 percent to $15 billion.", "$15 billion", ("total", None, None, ("Europe", "PER"))),
    # after a conjunct with its own region, not that one's
    ("Exports to Asia climbed 12 percent to $30 billion, and exports to the European market rose 4 percent to "
     "$9 billion.", "$9 billion", ("directional", "PER", "Europe", ())),
    ("Imports from Middle Eastern markets rose 6 percent to $2 billion.", "$2 billion", ("directional", "Middle East", "PER", ())),
])
def test_a_region_s_market_is_that_region(pipeline, sentence, amount, parties):
    """'the Asian market', 'European markets': the region as a partner, as 'Asia' or 'European countries'."""
    got = _parties(pipeline, "Peru's exports rose 8 percent to $60 billion in 2023. " + sentence, published="2024-02-10")
    assert got[amount] == parties


def test_third_countries_are_a_group_partner(pipeline):
    got = _parties(pipeline, "Spain's exports to third countries rose 0.4 percent in March to 21 billion euros.",
                   published="2024-05-10")
    assert got["21 billion euros"] == ("directional", "ESP", "third countries", ())


@pytest.mark.parametrize("text, amount, partner", [
    ("Spain's exports rose 2 percent in March. France was the largest buyer of Spanish goods. Goods worth 7.9 "
     "billion euros were exported there.", "7.9 billion euros", "FRA"),
    ("Spain's exports rose 2 percent in March. Demand in Morocco was strong, and exports there rose 12 percent "
     "to 1.1 billion euros.", "1.1 billion euros", "MAR"),
])
def test_there_on_a_flow_is_the_state_named_before(pipeline, text, amount, partner):
    """'Goods worth 7.9 billion euros were exported there': 'there' points to the one state the sentence (or
    the one before it) names, other than whose trade it is."""
    assert _parties(pipeline, text, published="2024-05-10")[amount][:3] == ("directional", "ESP", partner)


@pytest.mark.parametrize("text, amount, parties", [
    ("Foreign trade in east China's Anhui Province grew 6.5 percent to 420 billion yuan in the first "
     "half of the year.", "420 billion yuan", ("total", None, None, ("Anhui", "WLD"))),
    ("Anhui's trade rose 3 percent in May. Imports in Anhui climbed to 95 billion yuan, the provincial "
     "branch of the General Administration of Customs said.", "95 billion yuan", ("directional", "WLD", "Anhui", ())),
    ("In the first quarter, the foreign trade value in Shantou grew to 31 billion yuan.", "31 billion yuan",
     ("total", None, None, ("Shantou", "WLD"))),
    ("Vietnam's imports in Vietnam's northern provinces rose. Exports in Laos fell 4 percent to $610 million "
     "in June.", "$610 million", ("directional", "LAO", "WLD", ())),
])
def test_a_place_or_state_in_the_in_phrase_of_a_trade_word_owns_it(pipeline, text, amount, parties):
    """'foreign trade in Anhui Province', 'imports in Anhui', 'trade value in Shantou': where the trade
    is counted trades (not the state of a customs branch the sentence cites)."""
    assert _parties(pipeline, text, published="2023-07-20")[amount] == parties


@pytest.mark.parametrize("text, amount, parties", [
    ("Coastal firms did well. Foreign trade enterprises in Fujian exported more, and the province's "
     "foreign trade reached 990 billion yuan in the first half of the year. Exports from companies in "
     "the region of Western Europe rose.", "990 billion yuan", ("total", None, None, ("Fujian", "WLD"))),
    ("Kenya's exports rose 6 percent to Sh300 billion. Overall, exports in the continent dropped to "
     "Sh95 billion.", "Sh95 billion", ("directional", "KEN", "WLD", ())),
])
def test_an_in_phrase_of_another_noun_or_of_a_continent_names_no_owner(pipeline, text, amount, parties):
    """The 'in' of the firms a trade word qualifies ('foreign trade enterprises in Fujian') says where
    the firms are; 'exports in the continent' are the story's state's exports to it, never the
    continent's own trade."""
    assert _parties(pipeline, text, published="2023-07-20")[amount][:3] == parties[:3]


@pytest.mark.parametrize("headline", [
    "China's Hubei H1 foreign trade hits 310 billion yuan",
    "Hubei H1 foreign trade hits 310 billion yuan",
])
def test_a_place_named_with_its_noun_once_is_that_place_everywhere(pipeline, headline):
    """'Hubei Province' in the body names a place whatever the model tags, so the headline's 'Hubei'
    (often tagged a person) is that place too, and 'China's Hubei' locates it: the province
    trades, not China, and its name is no goods."""
    r = pipeline.extract(f"{headline}\n\nHubei Province said its foreign trade reached 310 billion yuan in the "
                         "first half of this year, up 5 percent.", published="2024-07-20")
    trades = [c.trade for c in r.claims if c.trade is not None]
    assert trades and all(t.between == ["Hubei", "WLD"] and t.commodity_text is None for t in trades)


def test_the_subject_of_a_ranking_completed_by_continue_to_be(pipeline):
    """'ASEAN continued to be Hubei's biggest trade partner, with two-way trade of X': the subject of the
    verb that 'to be' completes is the ranked partner."""
    text = ("Hubei Province's foreign trade rose in the first half of this year. ASEAN continued to be Hubei's "
            "biggest trade partner, with two-way trade of 41 billion yuan, up 5 percent.")
    assert _parties(pipeline, text, published="2024-07-20")["41 billion yuan"] == ("total", None, None, ("ASEAN", "Hubei"))


def test_the_city_is_the_latest_place_not_written_as_a_province(pipeline):
    """'Wenzhou, Zhejiang province ... the city's imports and exports': the city named beside its
    province, not the province written after it."""
    got = _parties(pipeline, "Figures from the customs office in Wenzhou, Zhejiang province show that in the first "
                             "half, the city's imports and exports totaled 120 billion yuan, 3 percent of the "
                             "province's total.", published="2022-07-20")
    assert got["120 billion yuan"] == ("total", None, None, ("WLD", "Wenzhou"))


@pytest.mark.parametrize("owner, city", [("Shandong province's", "Weifang"), ("Shandong's", "Zibo")])
def test_a_proper_name_a_place_owns_is_a_place_in_it(pipeline, owner, city):
    """'Shandong province's Weifang saw its exports grow': the place the possessive locates (the model
    tags such a city a person), and 'the city' after it is that city; a month after the
    possessive is no place."""
    got = _parties(pipeline, f"Xiamen and Fuzhou grew fastest. {owner} {city} saw its exports climb 9 percent to "
                             "160 billion yuan in 2023. This growth came partly from the city's shoe exports, which "
                             "rose by 30 percent to 13 billion yuan. Fujian's July foreign trade figure helped the "
                             "province reach 1.1 trillion yuan in the first seven months, down 2.3 percent.",
                   published="2023-08-20")
    assert got["160 billion yuan"][:3] == ("directional", city, "WLD")
    assert got["13 billion yuan"][:3] == ("directional", city, "WLD")
    assert got["2.3 percent"] == ("total", None, None, ("Fujian", "WLD"))


def test_a_place_after_the_period_of_a_trade_measure_owns_the_trade(pipeline):
    """'The value of foreign trade during the first half in Ningbo – a harbour city of east China's Zhejiang
    province – expanded to X': the parser hangs 'in Ningbo' on the period; the place trades."""
    got = _parties(pipeline, "The value of foreign trade during the first half in Ningbo – a harbour city of east China's "
                             "Zhejiang province – expanded to 600 billion yuan, up 5.1 percent.", published="2020-07-20")
    assert got["600 billion yuan"] == ("total", None, None, ("Ningbo", "WLD"))
