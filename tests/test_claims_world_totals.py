"""A country's trade with all partners told beside its trade with one (issue 12): a figure one
partner has a share of is with the world, and the partner of the share is not the figure's. Every
sentence is written for these tests."""
from __future__ import annotations

import pytest

from claims_support import importers, claim_of

LEAD = "Laos's trade with Vietnam rose 20 percent to $2.3 billion last year, according to Vietnamese customs. "


def _parties(pipeline, text: str) -> dict[str, tuple]:
    r = pipeline.extract(text, published="2024-03-10")
    return {r.amounts[c.amount].text: ((c.trade.from_, c.trade.to) if c.trade.flow == "directional"
                                       else tuple(c.trade.between), "parties" in c.inferred)
            for c in r.claims if c.trade is not None and c.amount is not None}


@pytest.mark.parametrize("sentence,amount,parties", [
    ("Laos's trade volume reached $2.8 billion last year, with Vietnam accounting for 60 percent of it.",
     "$2.8 billion", ("LAO", "WLD")),
    ("Laos's exports totaled $900 million, of which 45 percent went to Vietnam.", "$900 million", ("LAO", "WLD")),
    ("Laos's imports came to $1.9 billion, with Thailand making up half of them.", "$1.9 billion", ("WLD", "LAO")),
    # the share as a percent before 'of which', the partner as the passive's agent
    ("Laos's imports came to $1.9 billion, 35% of which was accounted for by Vietnamese goods.", "$1.9 billion",
     ("WLD", "LAO")),
    ("Laos's exports totaled $900 million, about half of which was taken by Vietnam.", "$900 million",
     ("LAO", "WLD")),
])
def test_a_figure_a_partner_has_a_share_of_is_with_the_world(pipeline, sentence, amount, parties):
    got = _parties(pipeline, LEAD + sentence)
    assert got[amount][0] == parties
    assert got["$2.3 billion"][0] == ("LAO", "VNM")


def _claim(pipeline, text: str, amount: str):
    r = pipeline.extract(text, published="2024-03-10")
    return next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount)


@pytest.mark.parametrize("sentence,whole,whole_parties,part,part_parties", [
    # the part a sum of its own after "of which": the whole with the world, the part with its partner
    ("Laos sold goods worth $4.2 billion abroad last year, of which $1.6 billion went to Vietnam.",
     "$4.2 billion", ("LAO", "WLD"), "$1.6 billion", ("LAO", "VNM")),
    ("Laos's imports came to $5.1 billion in 2023, of which $2.2 billion came from Thailand.",
     "$5.1 billion", ("WLD", "LAO"), "$2.2 billion", ("THA", "LAO")),
    # "of which" hung by the parser as a conjunct of the main verb
    ("Laos exported timber worth $620 million in 2023, of which $410 million went to Vietnam.",
     "$620 million", ("LAO", "WLD"), "$410 million", ("LAO", "VNM")),
    ("Laos's potash exports reached $700 million in 2023, with Vietnam accounting for $380 million of that.",
     "$700 million", ("LAO", "WLD"), "$380 million", ("LAO", "VNM")),
])
def test_a_part_written_as_a_sum_has_its_own_partner(pipeline, sentence, whole, whole_parties, part, part_parties):
    got = _parties(pipeline, sentence)
    assert got[whole][0] == whole_parties
    assert got[part][0] == part_parties


def test_the_part_keeps_the_goods_of_its_whole(pipeline):
    text = "Laos exported timber worth $620 million in 2023, of which $410 million went to Vietnam."
    assert _claim(pipeline, text, "$410 million").trade.commodity_text == "timber"


def test_a_buyer_taking_a_sum_is_not_a_partner_s_part(pipeline):
    """'with Vietnam taking $380 million of goods': a subject that takes a sum may be the buyer
    itself, so only "of which" and "accounting for" make a sum a partner's part."""
    text = "Thai exports to Laos fell 12 percent in May, with Laos taking $380 million of Thai goods."
    assert _parties(pipeline, text)["$380 million"][0] != ("LAO", "WLD")


def test_a_quarter_named_as_a_period_is_no_share(pipeline):
    """'the September quarter' is a period, not a fraction of a figure."""
    text = ("Laos was the top market for Thai goods, with Laos buying $2.6 billion of Thai goods in the "
            "September quarter of 2023, up 9 percent.")
    assert _parties(pipeline, text)["$2.6 billion"][0] == ("THA", "LAO")


def test_a_holder_s_share_clause_keeps_the_story_s_partner(pipeline):
    """'..., with Lao fuel imports accounting for 40 percent': the state modifies the subject,
    it is whose imports, not a partner with a share."""
    text = ("Thai exports to Laos fell 12 percent in May. Thai shipments of diesel dropped from $3.1 million to "
            "$1.4 million, with Lao fuel imports accounting for nearly 40 percent of the total.")
    got = _parties(pipeline, text)
    assert got["$1.4 million"][0] == ("THA", "LAO")


def test_the_partner_of_a_share_is_not_read_as_the_figure_s(pipeline):
    """The state named only in the share clause does not make the figure's parties 'read'."""
    text = LEAD + "Laos's exports reached $900 million last year, of which 45 percent went to Vietnam."
    got = _parties(pipeline, text)
    assert got["$900 million"][0] != ("LAO", "VNM")


def test_merchandise_trade_is_the_statistics_aggregate(pipeline):
    """'Peru's merchandise exports' after a line on its exports to one partner: the total to all."""
    text = ("Peru's exports to Chile rose 8 percent to $3.1 billion in 2023. For the year as a whole, Peru's "
            "merchandise exports stood at $66 billion.")
    assert _parties(pipeline, text)["$66 billion"][0] == ("PER", "WLD")


def test_a_story_led_by_a_state_s_world_trade_keeps_the_world(pipeline):
    """The lead states Peru's exports to all partners (its main clause), with one destination in a
    subordinate clause; 'Exports from Peru ... while imports rose' later are its totals again, not
    trade with that destination."""
    text = ("Peru's exports slipped in May as shipments to Chile slumped more than 8%, dragging the nation's "
            "surplus down.\n\nThe figures were in line with forecasts.\n\nExports from Peru, the world's top "
            "copper producer, fell 3.1% from a year earlier to $5.2 billion, while imports rose 1% to $4.1 billion.")
    got = _parties(pipeline, text)
    assert got["more than 8%"][0] == ("PER", "CHL")
    assert got["$5.2 billion"][0] == ("PER", "WLD") and got["$4.1 billion"][0] == ("WLD", "PER")


def test_a_story_led_by_a_pair_keeps_the_pair(pipeline):
    text = ("Peru's exports to Chile declined 9% in May to $300 million.\n\nThe figures were in line with "
            "forecasts.\n\nPeru's imports from its neighbour rose 1% to $210 million.\n\nPeru's exports rose 4% "
            "to $40 million in June.")
    got = _parties(pipeline, text)
    assert got["$40 million"][0] == ("PER", "CHL")


def test_a_state_naming_the_goods_made_them(pipeline):
    """'Chinese goods imports' in a story about India's imports: the goods come from China, India
    imports them; 'exports of Peruvian copper' are Peru's exports."""
    text = ("India bought less from China this spring. Chinese goods imports eased from $6.4 billion in March to "
            "$5.9 billion in April.")
    assert _parties(pipeline, text)["$6.4 billion"][0] == ("CHN", "IND")
    text = "Chile's imports rose 3% in May. Exports of Peruvian copper rose 12% to $900 million."
    assert _parties(pipeline, text)["$900 million"][0][0] == "PER"


def test_a_state_naming_the_goods_of_a_flow_with_its_other_end_written_is_the_reporter(pipeline):
    """'The value of Peruvian goods imports from Chile': the flow's origin is written ('from Chile'), so
    the state before 'goods' is the importer, not where the goods come from."""
    text = "The value of Peruvian goods imports from Chile reached $1.4 billion in May, the statistics office said."
    assert _parties(pipeline, text)["$1.4 billion"][0] == ("CHL", "PER")
    text = "The value of Chilean goods exports to Peru reached $900 million in May."
    assert _parties(pipeline, text)["$900 million"][0] == ("CHL", "PER")


def test_globally_and_foreign_countries_are_the_world(pipeline):
    text = ("Malaysia's exports to India rose 5 percent to 3 billion ringgit in May. Globally, Malaysia's exports "
            "edged up 0.4 percent to 130 billion ringgit while imports fell 1.1 percent.")
    got = _parties(pipeline, text)
    assert got["130 billion ringgit"][0] == ("MYS", "WLD") and got["1.1 percent"][0] == ("WLD", "MYS")
    got = _parties(pipeline, "Laos's trade with foreign countries rose 8 percent to $14 billion in 2023.")
    assert got["$14 billion"][0] == ("LAO", "WLD")


def test_the_gap_between_what_a_state_sells_and_buys_is_a_balance(pipeline):
    text = ("Statistics Canada said the gap between the merchandise Canada ships out and what it purchases from "
            "foreign countries grew 6.1% to $5.5 billion in May. Exports increased 2% to $61 billion.")
    got = _parties(pipeline, text)
    assert "$5.5 billion" not in got and got["$61 billion"][0] == ("CAN", "WLD")


@pytest.mark.parametrize("text,amount,parties", [
    ("Japan bought 45 tons of seaweed harvested in Chile, worth $3.1 million, in May.", "$3.1 million", ("CHL", "JPN")),
    ("Japan imported Thai goods worth $31 billion last year.", "$31 billion", ("THA", "JPN")),
    ("Peru exported goods worth $29 billion to Africa in the quarter.", "$29 billion", ("PER", "Africa")),
])
def test_where_the_goods_were_made_is_where_they_come_from(pipeline, text, amount, parties):
    assert _parties(pipeline, text)[amount][0] == parties


def test_a_state_set_apart_is_no_party(pipeline):
    got = _parties(pipeline, "Vietnam's trade with other countries excluding China grew 6 percent to $300 billion in 2023.")
    assert "CHN" not in got["$300 billion"][0]


def test_a_headline_naming_both_parties_makes_a_pair_story(pipeline):
    """A terse body lead ('Laos imported more than $9 million of goods in June, customs data showed')
    under a headline naming the pair: the story is the pair's, the flows after it keep the partner."""
    text = ("Laos imports from Thailand climb again\n\nLaos imported more than $9 million of goods in June, up from "
            "May, the customs office said.\n\nLaos's imports had fallen to $2.1 million in May.")
    got = _parties(pipeline, text)
    assert got["$2.1 million"][0] == ("THA", "LAO")


def test_a_headline_without_the_partner_does_not_make_a_world_story(pipeline):
    text = ("Peru's exports jump 20% in July\n\nPeru's exports to Chile jumped 20% in July to $310 million, customs "
            "data showed.\n\nPeru exported 4,200 tonnes of copper in July.")
    got = _parties(pipeline, text)
    assert got["4,200 tonnes"][0] == ("PER", "CHL")


@pytest.mark.parametrize("text,amount", [
    ("China's exports rose 7% to $1.6 trillion in U.S. dollar terms in the first half.", "$1.6 trillion"),
    ("China's cumulative exports rose 7% to $1.6 trillion in the first half.", "$1.6 trillion"),
])
def test_terms_and_periods_are_no_goods(pipeline, text, amount):
    r = pipeline.extract(text, published="2024-07-20")
    claim = claim_of(r, amount)
    assert claim.trade.commodity is None and claim.trade.commodity_text is None


# ---------------------------------------------------------------- home-country stories

HOME = ("Exports last month rose 7.3 percent to US$4.6 billion, the finance ministry said on Monday. "
        "The rise helped Ghanaian cocoa traders, the ministry's statistics chief told reporters in Accra. "
        "Imports climbed 2.1 percent to US$5.2 billion.")


def test_a_home_country_story_reports_its_state_s_trade_with_all_partners(pipeline):
    """No sentence names whose exports these are; the story names one state: its trade with the world."""
    got = _parties(pipeline, HOME)
    assert got["US$4.6 billion"] == (("GHA", "WLD"), True)
    assert got["US$5.2 billion"] == (("WLD", "GHA"), True)


def test_a_home_country_story_is_the_state_of_the_agency_it_cites(pipeline):
    """The story names China more often than its own state; the agency it cites says whose figures."""
    text = ("Exports rose 4 percent to $3.1 billion in May, led by car parts. Demand from China, China's "
            "carmakers and Chinese retailers stayed firm, Japan's Ministry of Finance said on Thursday.")
    assert _parties(pipeline, text)["$3.1 billion"] == (("JPN", "WLD"), True)


@pytest.mark.parametrize("text,amount,parties", [
    # the statistics office a story cites says whose figures they are (the table gives its state)
    ("Exports slipped 2 percent to $3.4 billion in May, Statistics Canada said on Thursday.", "$3.4 billion",
     ("CAN", "WLD")),
    ("Imports rose 6 percent to $13.6 billion in June, according to the Turkish Statistical Institute.",
     "$13.6 billion", ("WLD", "TUR")),
    ("Exports climbed 8 percent to EGP 20.1bn in April, the statistics agency CAPMAS said.", "EGP 20.1bn",
     ("EGY", "WLD")),
    ("Imports eased to $790 million in March, the Uganda Bureau of Statistics said.", "$790 million", ("WLD", "UGA")),
    ("Exports fell 3% to $5.2 billion in July, the statistics agency INDEC reported.", "$5.2 billion", ("ARG", "WLD")),
])
def test_a_national_statistics_office_names_the_reporter(pipeline, text, amount, parties):
    assert _parties(pipeline, text)[amount] == (parties, True)


def test_the_country_s_exports_first_in_a_story_are_the_home_state_s_not_the_partner_it_ranks(pipeline):
    """The story names the partners it ranks as often as its own state; the statistics office it
    cites says whose exports 'the country's exports' are."""
    text = ("Exports to Italy hit $512M in May\n\nThe country's exports to Italy reached $512 million in "
            "May 2023, ahead of the United States, Kenya's usual leading buyer, according to the Kenya "
            "National Bureau of Statistics. Exports to the United States rose 4 percent to $430 million, while "
            "Italy's purchases of tea doubled.")
    got = _parties(pipeline, text)
    assert got["$512 million"][0] == ("KEN", "ITA")
    assert got["$430 million"][0] == ("KEN", "USA")


def test_a_national_story_that_names_a_province_once_keeps_its_home_state(pipeline):
    """The first trade sentence of a story about Chile's trade, and the regions it breaks the
    figures into: Chile's trade with all partners, not a pair with the partner named later."""
    text = ("Chile's statistics institute released trade data for May on Tuesday, with Chile posting a surplus. "
            "In seasonal terms, exports fell $310 million (2%) to $8,240 million. Chile's copper exports dropped "
            "by $120 million. Antofagasta again led Chile's exports. Chile's wine exports rose, and exports to "
            "Peru rose by $12 million.")
    got = _parties(pipeline, text)
    assert got["$8,240 million"] == (("CHL", "WLD"), True)
    assert got["$12 million"][0] == ("CHL", "PER")


def test_a_city_where_the_agency_spoke_makes_no_province_s_story(pipeline):
    """The agency of a state cites the figures at an event held in one of its cities: the city trades
    nothing, the figures are the state's."""
    got = _parties(pipeline, "The Ghana Statistical Service released the trade figures at a forum held in Kumasi. "
                             "Exports rose 4 percent to $1.31 billion in March.")
    assert got["$1.31 billion"][0] == ("GHA", "WLD")


@pytest.mark.parametrize("text", [
    # a province's story: its figures are not its state's
    "The foreign trade of Ashanti Region rose 9 percent, officials in Kumasi said. Exports rose 4 percent to $310 million.",
    # a headline abbreviates the story
    "Exports Jump 7% to US$4.6 Billion\n\nGhana's cocoa traders welcomed the news in Accra.",
])
def test_no_home_country_for_a_province_s_story_or_a_headline(pipeline, text):
    got = _parties(pipeline, text)
    assert not any(parties[0] in (("GHA", "WLD"), ("WLD", "GHA")) for parties in got.values())


# ---------------------------------------------------------------- flows told with a balance

@pytest.mark.parametrize("text,parties", [
    ("Kenya's trade deficit narrowed to $850 million in April as exports grew 7.2 percent to $610 million "
     "and imports slipped 2 percent to $1.39 billion.", {"$610 million": ("KEN", "WLD"), "$1.39 billion": ("WLD", "KEN")}),
    ("In April, Kenya logged a trade deficit of $850 million, as exports grew 7.2 percent to $610 million.",
     {"$610 million": ("KEN", "WLD")}),
    ("Kenya's trade surplus with Uganda rose in April as exports grew 7.2 percent to $610 million.",
     {"$610 million": ("KEN", "UGA")}),
])
def test_the_flows_a_balance_sentence_gives_are_its_holder_s(pipeline, text, parties):
    got = _parties(pipeline, text)
    for amount, ends in parties.items():
        assert got[amount] == (ends, False)


def test_a_state_s_external_trade_with_no_state_named_is_its_trade_with_all_partners(pipeline):
    text = ("Sri Lanka's exports rose in May, the central bank said. Sri Lanka's imports from India rose. "
            "Total external trade reached $2.3 billion in May.")
    assert _parties(pipeline, text)["$2.3 billion"] == (("LKA", "WLD"), True)


def test_overall_trade_in_a_story_about_two_states_is_theirs(pipeline):
    text = ("Laos's exports to Vietnam rose 5 percent to $120 million in May, customs data showed. Laos's "
            "imports from Vietnam fell 3 percent to $90 million. Overall trade fell to $210 million in May.")
    assert _parties(pipeline, text)["$210 million"][0] == ("LAO", "VNM")


@pytest.mark.parametrize("balance,parties", [
    # a balance with all partners: the flows after it are the reporter's with the world
    ("Worldwide, Peru posted a trade surplus of $1.1 billion in May, as exports grew.", ("PER", "WLD")),
    ("Peru's global trade surplus narrowed to $1.1 billion in May.", ("PER", "WLD")),
    # a balance with the partner, or with none named: the story's pair goes on
    ("Peru's trade surplus with Japan narrowed to $1.1 billion in May.", ("PER", "JPN")),
])
def test_a_balance_with_all_partners_resets_the_partner(pipeline, balance, parties):
    got = _parties(pipeline, "Peru's exports to Japan fell 4% in May to $820 million, customs data showed. "
                             f"{balance} Exports rose 2.7% to $5.6 billion.")
    assert got["$5.6 billion"][0] == parties


@pytest.mark.parametrize("text, reporter", [
    # the acronym two states' statistics bureaus share is the one of the state the story is about
    ("Nigeria's crude oil exports rose 12 percent to N4.1 trillion in the third quarter, the NBS said. "
     "Exports of urea rose 5 percent to N90 billion, the NBS said.", "NGA"),
    ("China's exports of steel rose 3 percent to $8 billion in May, the NBS said. "
     "Exports of cement rose 5 percent to $900 million, the NBS said.", "CHN"),
])
def test_a_shared_statistics_acronym_is_the_story_s_state_s(pipeline, text, reporter):
    r = pipeline.extract(text, published="2024-03-10")
    cement_or_urea = [c for c in r.claims if c.trade is not None and r.amounts[c.amount].text in ("N90 billion", "$900 million")]
    assert cement_or_urea and cement_or_urea[0].trade.from_ == reporter
    assert {s.name for s in r.sources} == {f"National Bureau of Statistics of {'Nigeria' if reporter == 'NGA' else 'China'}"}


def test_a_state_named_only_as_a_partner_is_not_the_story_s_own(pipeline):
    """A release that names one state, only as the partner of a balance ('the deficit with China'),
    does not report that state's exports: whose they are is left unread, not given to the partner."""
    text = ("Earlier the ministry reported:\nTotal July exports of $150.2 billion and imports of $190.7 billion "
            "left a deficit of $33.2 billion. Exports in July were $1.2 billion above June's "
            "$149.0 billion.\nThe shortfall in trade with China widened to $21.4 billion in July.")
    r = pipeline.extract(text, published="2014-09-10")
    assert all("CHN" not in (c.trade.from_, c.trade.to, *(c.trade.between or [])) for c in r.claims if c.trade is not None)


def test_a_state_s_balance_in_its_own_statistics_is_with_all_partners(pipeline):
    # the partner of a subordinate clause ("as exports to China slumped") is not the totals' partner
    got = _parties(pipeline, "Australia posted a trade deficit in August as exports to China slumped, the Australian "
                             "Bureau of Statistics said on Tuesday. Exports fell 2.3 percent to A$41.2 billion, while "
                             "imports rose 1.1 percent to A$45.5 billion.")
    assert got["A$41.2 billion"][0] == ("AUS", "WLD") and got["A$45.5 billion"][0] == ("WLD", "AUS")


def test_a_partner_hung_on_the_last_goods_of_a_trade_noun_is_the_whole_phrase_s(pipeline):
    # after a balance with all partners, the sentence's own partner still holds (the partner hangs on the
    # last goods)
    r = pipeline.extract("Australia's shipments to Japan reached a record in May. The rise took Australia's overall "
                         "trade surplus to A$11.8 billion, the Australian Bureau of Statistics said. Export volumes "
                         "of lump ore and fine ore to Japan climbed 21% and 16% respectively on the month.",
                         published="2023-07-05")
    partners = importers(r)
    assert partners == {"21%": "JPN", "16%": "JPN"}


@pytest.mark.parametrize("text, amount, parties", [
    ("Peru's exports fell in July. With Japan, imports climbed 4.1 percent to $1.1 billion from a year before.",
     "$1.1 billion", ("JPN", "PER")),
    ("Britain's trade with the EU fell 3 percent last year. With Norway, UK trade is about £30 billion.",
     "about £30 billion", ("GBR", "NOR")),
])
def test_a_fronted_with_names_the_clause_s_partner(pipeline, text, amount, parties):
    got = _parties(pipeline, text)
    assert got[amount][0] == parties


def test_a_gapped_flow_verb_is_the_first_flow_s_reporter_s_with_its_partner(pipeline):
    got = _parties(pipeline, "Trade between Laos and Vietnam reached $3.5bn in 2023. Lao exports to Vietnam totalled "
                             "$0.4bn, and imports $3.1bn.")
    assert got["$0.4bn"][0] == ("LAO", "VNM") and got["$3.1bn"][0] == ("VNM", "LAO")


def test_a_flow_larger_than_the_inherited_partner_s_total_is_with_all_partners(pipeline):
    """'Trade with Japan fell to RM12 billion. However, its exports grew to RM98.6 billion': RM98.6
    billion of exports cannot be part of RM12 billion of trade with Japan."""
    text = ("Malaysia trade\n\nMalaysia's trade rose 5 per cent to RM210 billion in July, the statistics department "
            "said. Trade with Japan fell 3 per cent to RM12 billion in July. However, its exports in the month grew 1.2 "
            "per cent to RM98.6 billion.")
    got = _parties(pipeline, text)
    assert got["RM98.6 billion"] == (("MYS", "WLD"), True)
    assert got["1.2 per cent"] == (("MYS", "WLD"), True)


@pytest.mark.parametrize("sentence,amount,parties", [
    # a flow the total can hold keeps its partner
    ("However, its exports in the month grew 1.2 per cent to RM9.1 billion.", "RM9.1 billion", ("MYS", "JPN")),
    # a partner the sentence names is its own, whatever the figure
    ("Imports from Japan rose to RM19.5 billion.", "RM19.5 billion", ("JPN", "MYS")),
])
def test_a_flow_the_partner_s_total_can_hold_or_that_names_its_partner_keeps_it(pipeline, sentence, amount, parties):
    text = ("Malaysia trade\n\nMalaysia's trade rose 5 per cent to RM210 billion in July, the statistics department "
            "said. Trade with Japan fell 3 per cent to RM12 billion in July. " + sentence)
    assert _parties(pipeline, text)[amount][0] == parties


IRISH_RELEASE = ("Ireland's goods exports from Ireland rose €2.7bn on the year in March 2022, the statistics office "
                 "said. Exports of goods in March 2022 came to €15,210m, up 19% on a year earlier. Shipments "
                 "of drugs and medicines rose 17% to €6,930m. Sales to Great Britain in March 2022 were €1,320m, "
                 "36% more than a year before.")


def test_exports_from_a_state_are_its_own_in_a_story_that_names_a_partner_later(pipeline):
    """'exports from Ireland' names the exporter; a later 'Exports to Great Britain' does not
    make Britain the importer of the lead figure."""
    got = _parties(pipeline, IRISH_RELEASE)
    assert got["€2.7bn"][0] == ("IRL", "WLD")
    assert got["€1,320m"][0] == ("IRL", "GBR")


def test_the_goods_lines_of_a_world_release_are_the_reporter_s_with_all_partners(pipeline):
    got = _parties(pipeline, IRISH_RELEASE)
    assert got["€6,930m"] == (("IRL", "WLD"), True)


def test_a_level_is_not_dated_by_the_base_of_its_appositive_change(pipeline):
    r = pipeline.extract(IRISH_RELEASE, published="2022-04-14")
    periods = {r.amounts[c.amount].text: r.periods[c.period].text for c in r.claims
               if c.trade is not None and c.period is not None}
    assert periods["€15,210m"] == periods["19%"] == "March 2022"


def test_a_flow_told_in_passing_in_a_relative_clause_frames_nothing(pipeline):
    """'The chip boom, which rode on brisk sales to Germany, worries officials.': the partner of a
    figure-less aside is not the partner of the next bare figure."""
    text = ("South Korea's exports rose in March. The chip boom, which rode on brisk sales to Germany, worries "
            "officials.\n\nMonthly exports totaled $46.7 billion in March, up 8.4 percent from a year earlier.")
    assert _parties(pipeline, text)["$46.7 billion"][0] == ("KOR", "WLD")


def test_a_figure_less_main_clause_still_frames_the_next_figures(pipeline):
    text = "South Korea's exports to Germany rose for a fifth month in March. Shipments totaled $4.2 billion."
    assert _parties(pipeline, text)["$4.2 billion"][0] == ("KOR", "DEU")


def test_total_flows_in_a_story_about_one_state_are_with_all_partners(pipeline):
    """'Total exports reached ...' after a line on one partner, in a story about one state's trade:
    that state's flows with all partners, not the partner of the line before."""
    text = ("Peru's trade surplus widened in March, Peru's statistics office said on Tuesday. Peru's shipments "
            "to Chile climbed 8 percent to $310 million in March. Total exports reached $5.2 billion, while "
            "total imports rose 3 percent to $4.1 billion.")
    got = _parties(pipeline, text)
    assert got["$310 million"][0] == ("PER", "CHL")
    assert got["$5.2 billion"][0] == ("PER", "WLD")
    assert got["$4.1 billion"][0] == ("WLD", "PER")


def test_a_running_total_in_a_pair_s_story_keeps_the_pair(pipeline):
    """'taking total exports up 5 percent over the quarter': in a story about two states, the
    pair's total over a longer period."""
    text = ("Peru's shipments to Chile climbed 8 percent to $310 million in March, taking total exports up 5 "
            "percent over the first quarter to $900 million. Chile's exports to Peru fell 2 percent in March, "
            "with total exports dropping to $700 million in the quarter.")
    got = _parties(pipeline, text)
    assert got["$900 million"][0] == ("PER", "CHL")
    assert got["$700 million"][0] == ("CHL", "PER")


@pytest.mark.parametrize("phrase", ["from all over the world", "from around the world", "from across the globe"])
def test_the_world_written_with_over_or_around_is_the_partner(pipeline, phrase):
    """'imports into Laos from all over the world': the parser hangs 'the world' on 'over', not on
    'from'; the partner is still the world, not the partner of the sentence before."""
    got = _parties(pipeline, "Laos's imports from Thailand rose 4 percent last year. "
                             f"Imports into Laos {phrase} were $7.2 billion.")
    assert got["$7.2 billion"][0] == ("WLD", "LAO")


@pytest.mark.parametrize("sentence,amount,parties", [
    ("Total imports fell 4 percent to $5.1 billion.", "$5.1 billion", ("WLD", "LAO")),
    ("Total exports climbed to $4.4 billion.", "$4.4 billion", ("LAO", "WLD")),
    # two-way trade called total stays the story's pair's
    ("Total trade between the two reached $2.5 billion.", "$2.5 billion", ("LAO", "VNM")),
])
def test_one_direction_s_total_is_with_all_partners(pipeline, sentence, amount, parties):
    """'Total imports' after figures with one partner: a flow's total is its total over all partners
    (trade_lexicon.json world_modifiers); 'total trade' between two is theirs."""
    got = _parties(pipeline, "Laos's exports to Vietnam rose 20 percent to $1.3 billion last year. " + sentence)
    assert got[amount][0] == parties


@pytest.mark.parametrize("sentence", [
    "Laos's exports to Vietnam fell 12 percent in March, taking total exports down 3 percent to $900 million.",
    "Laos's exports to Vietnam fell 12 percent in March, with total exports dropping to $900 million.",
])
def test_the_total_a_flow_adds_up_to_keeps_its_partner(pipeline, sentence):
    """'..., taking total exports down to $X', '..., with total exports at $X': the running total of
    the sentence's own flow, with its partner."""
    assert _parties(pipeline, sentence)["$900 million"][0] == ("LAO", "VNM")


@pytest.mark.parametrize("sentence", [
    "Total foreign trade to Vietnam reached $1.1 billion.",
    "Foreign trade with Vietnam reached $1.1 billion.",
])
def test_a_partner_written_after_foreign_trade_is_the_partner(pipeline, sentence):
    """'Total foreign trade to Vietnam': 'foreign' says the trade crosses a border; the partner is
    the one written, and the reporter the story's."""
    got = _parties(pipeline, "Laos's foreign trade rose 8 percent to $9 billion last year. " + sentence)
    assert got["$1.1 billion"][0] == ("LAO", "VNM")


@pytest.mark.parametrize("text, parts", [
    # a part of the flow just told, as the subject of a verb of route, with the verb gapped after it
    ("Bolivia's exports rose 5 percent to $1.1 billion in May. About $420 million went to Brazil and "
     "$160 million to Argentina.", {"About $420 million": ("BOL", "BRA"), "$160 million": ("BOL", "ARG")}),
    ("Bolivia's imports rose to $950 million in May. Of the total, $310 million came from China and "
     "$140 million from Brazil.", {"$310 million": ("CHN", "BOL"), "$140 million": ("BRA", "BOL")}),
    ("Bolivia's imports totaled $950 million in May; $310 million came from China.", {"$310 million": ("CHN", "BOL")}),
])
def test_a_figure_that_went_to_a_state_is_the_flow_s_part_with_it(pipeline, text, parts):
    got = _parties(pipeline, text)
    for amount, ends in parts.items():
        assert got[amount][0] == ends


def test_a_figure_that_came_from_something_of_a_state_s_is_no_part_with_it(pipeline):
    got = _parties(pipeline, "Bolivia's imports rose to $950 million in May. Some $310 million came from "
                             "China's development bank.")
    assert "Some $310 million" not in got and "$310 million" not in got


def test_the_part_that_went_to_a_state_does_not_carry_it_to_the_next_flow(pipeline):
    got = _parties(pipeline, "Bolivia's exports rose 5 percent in the 12 months to June. Of $11.2 billion in exports, "
                             "$3.1 billion went to Brazil. Of $10.4 billion in imports, $2.2 billion came from China.")
    assert got["$3.1 billion"][0] == ("BOL", "BRA") and got["$2.2 billion"][0] == ("CHN", "BOL")
    assert got["$10.4 billion"][0] == ("WLD", "BOL")


@pytest.mark.parametrize("text, amount, parties", [
    ("Norway's salmon exports to Japan rose 14 percent to 900 million kroner in May. Norway's exports rose "
     "6 percent to 95 billion kroner.", "95 billion kroner", ("NOR", "WLD")),
    ("Chile's copper exports to China climbed to $2.1 billion in March. Chile's imports fell 4 percent.",
     "4 percent", ("WLD", "CHL")),
])
def test_the_state_named_again_with_its_whole_flow_after_goods_to_a_partner_is_back_with_the_world(
        pipeline, text, amount, parties):
    """'New Zealand's dairy exports to China doubled. New Zealand's exports rose 11 percent': the state
    named again with its whole flow, after one kind of goods with a partner, reports all partners."""
    got = _parties(pipeline, text)
    assert got[amount][0] == parties


def test_a_pair_s_whole_flows_keep_their_partner(pipeline):
    """... but after a whole flow with a partner the next whole flow is still the pair's."""
    got = _parties(pipeline, "North Korea's exports to China rose 20 percent to $30 million in May. North Korea's "
                             "imports rose 5 percent to $150 million.")
    assert got["$150 million"][0] == ("CHN", "PRK")


LABELLED = ("Peru's trade with the Andean states grew in 2023, the customs office said. Its figures show Peru's "
            "commerce with each neighbour:\n"
            "  • Bolivia: trade rose by 12 percent to $1.8 billion; exports to Bolivia reached $1.1 billion, imports $700 million.\n"
            "  • Ecuador: turnover fell 4 percent to $2.2 billion.\n")


@pytest.mark.parametrize("amount, parties", [
    ("$1.8 billion", ("BOL", "PER")), ("$1.1 billion", ("PER", "BOL")), ("$700 million", ("BOL", "PER")),
    ("$2.2 billion", ("ECU", "PER")),
])
def test_a_line_labelled_with_a_state_is_the_trade_with_it(pipeline, amount, parties):
    """'• Kazakhstan: trade turnover rose 27% to $18 billion; exports to Kazakhstan reached $10.6 billion,
    imports $7.6 billion': the label is the partner of the line's flows, whose owner the line opening the
    list names; 'imports $7.6 billion', with no verb, comes from the state the exports go to."""
    assert _parties(pipeline, LABELLED)[amount][0] == parties   # (a total's pair in alphabetical order)


def test_a_dateline_is_no_label(pipeline):
    got = _parties(pipeline, "LIMA: Peru's exports fell 28 percent in May while imports fell by 23 percent to $3.4 billion.")
    assert got["$3.4 billion"][0] == ("WLD", "PER")


@pytest.mark.parametrize("clause", [
    "Tanzania took the most goods from Kenya in the year",
    # the origin anywhere in the main clause before the participle
    "Tanzania took more products from Kenya than any other state",
])
def test_a_trade_participle_keeps_the_main_clause_s_origin(pipeline, clause):
    """'Tanzania took the most goods from Kenya, importing goods worth Ksh48 billion': the participle's
    subject and the origin of its goods are the main clause's."""
    got = _parties(pipeline, f"Kenya's exports rose 6 percent in 2023. {clause}, importing goods worth around Ksh48 billion.")
    assert got["around Ksh48 billion"][0] == ("KEN", "TZA")
