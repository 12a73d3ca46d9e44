"""Trade claims in the shapes real copy takes (issue 12). Every sentence is written for these
tests; each test names the construction it reads."""
from __future__ import annotations

import pytest

from extractor import extract
from extractor.verify.consistency import consistency_of

from claims_support import importers, claim_of


def trades(text: str, published: str = "2024-03-21") -> list[tuple]:
    """(amount text, flow, from, to, between, commodity, basis, period text) of each trade claim."""
    r = extract(text, published=published)
    out = []
    for c in r.claims:
        if c.trade is None or c.amount is None:
            continue
        t = c.trade
        out.append((r.amounts[c.amount].text, t.flow, t.from_, t.to, tuple(t.between or ()), t.commodity,
                    t.basis, r.periods[c.period].text if c.period is not None else None))
    return out


def parties(text: str, published: str = "2024-03-21") -> dict[str, tuple]:
    return {a: (flow, frm, to, between) for a, flow, frm, to, between, *_ in trades(text, published)}


# ---------------------------------------------------------------- who trades with whom


def test_a_country_s_exports_with_no_partner_named_go_to_the_world():
    got = parties("Japan's exports rose 4.1 percent in February to 7.2 trillion yen, the finance ministry said.")
    assert got["4.1 percent"] == ("directional", "JPN", "WLD", ())


@pytest.mark.parametrize("text,amount,expected", [
    ("Vietnam's foreign trade climbed 9 percent to $68 billion in the first quarter.", "$68 billion",
     ("total", None, None, ("VNM", "WLD"))),
    ("Brazil's global exports fell 3 percent in March, the trade ministry said.", "3 percent",
     ("directional", "BRA", "WLD", ())),
])
def test_foreign_and_global_trade_are_with_the_world(text, amount, expected):
    assert parties(text)[amount] == expected


def test_blocs_regions_and_groups_are_partners():
    got = parties("India's trade with the European Union reached $120 billion in 2023, while its exports to "
                  "Latin America rose to $18 billion and trade with ASEAN stood at $122 billion.")
    assert got["$120 billion"] == ("total", None, None, ("EUU", "IND"))
    assert got["$18 billion"] == ("directional", "IND", "Latin America", ())   # not the USA in 'America'
    assert got["$122 billion"] == ("total", None, None, ("ASEAN", "IND"))


@pytest.mark.parametrize("partner,written", [
    ("Central Asian nations", "Central Asia"),
    ("non-EU countries", "non-EU countries"),   # not the EU it excludes
    ("the euro area", "euro area"),             # not the EU either
    ("EU member states", "EUU"),
    ("African nations", "Africa"),
])
def test_regions_and_groups_as_copy_writes_them(partner, written):
    got = parties(f"India's exports to {partner} rose to $18 billion in 2023.")
    assert got["$18 billion"] == ("directional", "IND", written, ())


def test_a_ranked_trading_partner_s_figure_is_its_trade_with_the_possessor():
    got = parties("Laos's trade grew in 2022. Vietnam, another neighbour of Thailand, was Laos's second-largest "
                  "trading partner in 2022, with bilateral trade reaching $1.4 billion, followed by Japan with "
                  "$310 million and Germany with $95 million.", published="2023-03-01")
    assert got["$1.4 billion"] == ("total", None, None, ("LAO", "VNM"))
    assert got["$310 million"] == ("total", None, None, ("JPN", "LAO"))
    assert got["$95 million"] == ("total", None, None, ("DEU", "LAO"))
    got = parties("The EU became Chile's biggest trade partner in May, with trade rising 4 percent to $2.2 billion.",
                  published="2023-06-20")
    assert got["$2.2 billion"] == ("total", None, None, ("CHL", "EUU"))


def test_a_ranked_market_is_where_the_possessor_s_exports_go_and_a_supplier_where_its_imports_come_from():
    got = parties("Kenya's exports rose 5 percent in the first half. Germany remained Kenya's largest export "
                  "market, taking $1.2 billion of goods. It was followed by Uganda with $840 million.",
                  published="2024-08-01")
    assert got["$1.2 billion"] == ("directional", "KEN", "DEU", ())
    assert got["$840 million"][:3] == ("directional", "KEN", "UGA")
    got = parties("Egypt was Kenya's biggest supplier of tea machinery last year, with sales of $410 million.",
                  published="2024-08-01")
    assert got["$410 million"] == ("directional", "EGY", "KEN", ())


def test_a_ranked_partner_s_trade_is_an_aside_the_story_s_next_flow_does_not_inherit():
    got = parties("Laos's exports fell 6 percent in 2022. Vietnam was Laos's second-largest trading partner in 2022, "
                  "with bilateral trade reaching $1.4 billion, followed by Japan with $310 million. Laos's largest "
                  "export item was copper, whose shipments slid 7.3 percent to $1.26 billion.",
                  published="2023-03-01")
    assert got["$1.26 billion"] == ("directional", "LAO", "WLD", ())


def test_trade_by_kind_of_firm_is_the_reporter_s_with_the_world_and_the_breakdown_goes_on():
    got = parties("China's trade with ASEAN rose 8% in May. During the month, private firms recorded 2.1 trillion "
                  "yuan in trade, up 9.5% year-on-year. Foreign-invested enterprises reported 1.1 trillion yuan, up "
                  "3.3%, while state-owned enterprises logged 0.6 trillion yuan, up 1.2%.", published="2024-06-10")
    world = ("total", None, None, ("CHN", "WLD"))
    assert got["2.1 trillion yuan"] == got["1.1 trillion yuan"] == got["0.6 trillion yuan"] == got["1.2%"] == world


def test_a_partner_named_after_the_goods_of_a_trade_word_is_its_partner():
    got = parties("Laos's purchases of timber and steel goods from China grew 15 percent and 33 percent "
                  "in 2023.", published="2024-03-01")
    assert got["15 percent"] == got["33 percent"] == ("directional", "CHN", "LAO", ())


def test_from_names_the_exporter_whatever_the_trade_word():
    got = parties("Laos's shipments from Thailand totaled $310 million in May, Thai customs said.")
    assert got["$310 million"] == ("directional", "THA", "LAO", ())


def test_a_country_naming_the_goods_is_where_they_come_from():
    got = parties("Mongolia bought $45 million worth of Russian fuel in April, customs figures showed.")
    assert got["$45 million"] == ("directional", "RUS", "MNG", ())


def test_the_partner_named_alone_trades_with_the_story_s_reporter():
    text = ("Turkey's exports rose 6 percent in 2023, trade ministry data showed. "
            "Exports to Germany increased 3 percent to $21 billion. "
            "Trade with Italy stood at $25 billion.")
    got = parties(text)
    assert got["$21 billion"] == ("directional", "TUR", "DEU", ())
    assert got["$25 billion"] == ("total", None, None, ("ITA", "TUR"))


def test_a_bare_flow_after_a_country_s_foreign_trade_is_its_flow_with_the_world():
    text = ("Chile's foreign trade fell 8 percent in the first half to $90 billion, customs data showed. "
            "Exports dipped 5 percent to $48 billion, while imports fell 11 percent.")
    got = parties(text)
    assert got["$48 billion"] == ("directional", "CHL", "WLD", ())
    assert got["11 percent"] == ("directional", "WLD", "CHL", ())


def test_a_participle_on_the_trade_noun_carries_its_partner():
    got = parties("Cambodia reported exports totalling $9 billion to the United States during 2022.")
    assert got["$9 billion"] == ("directional", "KHM", "USA", ())


def test_imports_after_exports_are_the_same_reporter_s():
    text = "Peru's exports to China were $21 billion in 2023, customs data showed. Imports reached $14 billion."
    got = parties(text)
    assert got["$14 billion"] == ("directional", "CHN", "PER", ())


def test_a_trade_balance_is_no_flow():
    got = parties("Norway's exports to Germany rose to $30 billion in 2022, leaving a trade surplus of $12 billion.")
    assert "$30 billion" in got and "$12 billion" not in got


# ---------------------------------------------------------------- the basis of a change


@pytest.mark.parametrize("text,amount,basis", [
    ("Kenya's exports to Uganda rose 7 percent in June from a year earlier.", "7 percent", "year_on_year"),
    ("Kenya's exports to Uganda rose 7 percent in June on-year.", "7 percent", "year_on_year"),
    ("Kenya imported 40,000 tonnes of wheat in June, up 12% on May.", "12%", "period_on_period"),
    ("Kenya's trade with Uganda stood at $1.2 billion in 2023, down 4 percent from 2022.", "4 percent", "year_on_year"),
    # a table row writes each comparison before its 'by'
    ("Kenya's imports of rice from Uganda were 90,000 tonnes in May, up month-on-month by 12,000 tonnes and "
     "down year-on-year by 8,000 tonnes.", "12,000 tonnes", "period_on_period"),
    ("Kenya's imports of rice from Uganda were 90,000 tonnes in May, up month-on-month by 12,000 tonnes and "
     "down year-on-year by 8,000 tonnes.", "8,000 tonnes", "year_on_year"),
    # the month before, said without naming it
    ("Kenya's exports to Uganda fell by $41 million over the month to $390 million in June.", "$41 million",
     "period_on_period"),
    ("Kenya's exports to Uganda showed a monthly drop of 2.1% in June.", "2.1%", "period_on_period"),
    ("Kenya's exports to Uganda rose 4% month over month in June.", "4%", "period_on_period"),
    # "annually", "the corresponding period", "in comparison with last year": the year before
    ("Kenya's imports from Uganda declined 3.8 percent annually in June, as they had in the preceding month.",
     "3.8 percent", "year_on_year"),
    ("Kenya's trade with Uganda fell by 2.4 per cent in the second quarter compared to $1.1 billion in the "
     "corresponding period of 2023.", "2.4 per cent", "year_on_year"),
    ("Kenya's exports to Uganda rose in June. In comparison with last year, exports grew by 6.1%.", "6.1%",
     "year_on_year"),
    # a rolling quarter against the three months before it (British and Irish releases)
    ("Kenya's exports to Uganda rose 3.1% in the three months to June, compared with the preceding three months.",
     "3.1%", "period_on_period"),
    ("Kenya's exports to Uganda fell 0.8% in the three months to June from the previous three months.", "0.8%",
     "period_on_period"),
    ("Kenya's exports to Uganda rose 7% year-on-year and 2% month to month in June.", "2%", "period_on_period"),
    # a list of months against "the same month of the previous year": each against its own
    ("In March and April, Kenya's exports to Uganda fell 11 percent and 3 percent, respectively, set against "
     "the same month of the previous year.", "11 percent", "year_on_year"),
    ("Kenya's exports to Uganda rose 5 percent in the first half on the same period of last year.", "5 percent",
     "year_on_year"),
    # the statistics offices' own shorthands
    ("Kenya's exports to Uganda were $92 million in June, up 3.4 percent (mom).", "3.4 percent", "period_on_period"),
    ("On a month-to-month basis, Kenya's exports to Uganda rose 1.9 percent in June.", "1.9 percent",
     "period_on_period"),
    # 'the previous month' inside 'the previous monthly record' is no comparison
    ("Kenya's tea exports to Uganda rose 27 percent to $15 million in June, beating the previous monthly "
     "record set in March.", "27 percent", "year_on_year"),
])
def test_the_basis_is_read_from_the_comparison(text, amount, basis):
    assert {a: b for a, *_, b, _ in trades(text)}[amount] == basis


def test_each_figure_keeps_the_base_written_right_after_it():
    """One sentence, two bases: the rolling quarter on the quarter before, and on the same quarter a
    year before, whose year is the base's, not the figure's."""
    got = {a: (b, p) for a, *_, b, p in trades(
        "Kenya's exports to Uganda reached $1.9 billion between March and May, up 4.2 per cent over the prior "
        "three months and 11.5 per cent over the same three months of 2023.", published="2024-07-12")}
    assert got["4.2 per cent"] == ("period_on_period", "between March and May")
    assert got["11.5 per cent"] == ("year_on_year", "between March and May")


@pytest.mark.parametrize("text,amount,period", [
    ("Kenya's exports fell in June 2024. Exports fell 6.2% in June compared to June last "
     "year, the office said.", "6.2%", "June"),
    ("Kenya's trade slowed in the first half of 2024. Exports decreased by 3.3% in comparison "
     "with the corresponding period of 2023.", "3.3%", "the first half of 2024"),
])
def test_a_period_right_after_compared_to_is_the_base_not_the_figure_s(text, amount, period):
    """Statistics-office prose writes the base after 'compared to' or 'in comparison to': the figure is
    the story's period, measured year on year."""
    got = {a: (b, p) for a, *_, b, p in trades(text, published="2024-08-12")}
    assert got[amount] == ("year_on_year", period)


def test_a_level_a_relative_clause_gives_the_base_period_is_that_period_s():
    got = {a: (b, p) for a, *_, b, p in trades(
        "In the first half of this year, trade between Kenya and Uganda rose 12 percent to $1.44 billion compared "
        "with the same period in 2023, which was $1.29 billion.", published="2024-07-20")}
    assert got["$1.44 billion"][1] == "the first half of this year"
    assert got["$1.29 billion"][1] == "the same period in 2023"


def test_a_month_owning_the_old_level_after_from_is_the_base_of_the_changes():
    """'dropped 2 per cent, or $180 million, from April's record $8.2 billion': April dates the old
    level only; the changes are the month the story reports, measured on the month before."""
    got = {a: (b, p) for a, *_, b, p in trades(
        "Chile's trade surplus in May shrank to $1.1 billion. Total exports slid by 2 per cent, or $180 "
        "million, from April's record $8.2 billion total.", published="2018-06-26")}
    assert got["2 per cent"] == ("period_on_period", "May")
    assert got["$180 million"] == ("period_on_period", "May")
    assert got["$8.2 billion"] == (None, "April")


def test_a_month_after_over_and_a_rate_is_the_rate_s_base_not_its_period():
    """A second rate "over" the month before, coordinated with the year-on-year one."""
    got = {a: (b, p) for a, *_, b, p in trades("Kenya's exports to Uganda rose 8.4 percent in June over a year "
                                                "earlier and 1.3 percent over May.", published="2024-07-21")}
    assert got["1.3 percent"] == ("period_on_period", "June")


@pytest.mark.parametrize("streak", ["the fourth straight monthly decline", "a sixth consecutive monthly fall"])
def test_a_streak_of_monthly_falls_states_no_basis(streak):
    """A streak counts the months a figure has fallen; it does not say what each month is measured
    against, so the change keeps the default (year on year, inferred) rather than month on month."""
    r = extract(f"Peru's exports to Chile fell 2.7 percent in October, {streak}.", published="2024-11-20")
    (claim,) = [c for c in r.claims if c.kind == "trade_change"]
    assert claim.trade.basis == "year_on_year" and "basis" in claim.inferred


def test_the_time_of_a_previous_record_dates_that_record_only():
    """'..., topping the previous high of $4.4 billion set in March': March is the old record's, not
    the new figure's nor the next sentence's (which nothing else dates here)."""
    text = ("Peru's exports hit a record $4.9 billion, topping the previous high of $4.4 billion set in March. "
            "Exports to Chile jumped 12% to $600 million.")
    got = {a: period for a, *_, period in trades(text, "2024-08-20")}
    assert got["$4.4 billion"] == "March"
    assert got["$4.9 billion"] is None and got["$600 million"] is None
    # the story's own month still dates the story
    dated = {a: period for a, *_, period in trades(text.replace("$4.9 billion,", "$4.9 billion in July,"), "2024-08-20")}
    assert dated["$4.9 billion"] == "July" and dated["$600 million"] == "July"
    # the record's own year, whatever the sentence's period
    compared = {a: period for a, *_, period in trades(
        "Peru's exports totalled $68.8 billion last year, beating the prior peak of $61.2 billion reached in "
        "2021, the ministry said.", "2025-01-10")}
    assert compared["$61.2 billion"] == "2021" and compared["$68.8 billion"] == "last year"


def test_each_change_takes_the_nearest_period_it_is_compared_with():
    """'... compared to $6.1 billion in February 2022, showing a decline of 9.8 percent, but rose by 41.3
    percent compared to $3.9 billion in March 2021': the first change is the month's, the second the
    year's, in both sentences of a release."""
    text = ("Kenya trade\n\nKenya's exports during March 2022 were $1.34 billion as compared to $1.62 billion in "
            "February 2022, showing a decline of 17.3 percent, but rose by 14.7 percent as compared to $1.17 billion "
            "in March 2021.\n\nKenya's imports during March 2022 were $5.5 billion compared to $6.1 billion in "
            "February 2022, showing a decline of 9.8 percent, but rose by 41.3 percent compared to $3.9 billion in "
            "March 2021.")
    got = {a: b for a, *_, b, _ in trades(text, "2022-04-20")}
    assert [got[a] for a in ("17.3 percent", "14.7 percent", "9.8 percent", "41.3 percent")] == [
        "period_on_period", "year_on_year", "period_on_period", "year_on_year"]


def test_the_month_before_in_a_list_of_months_is_no_reference():
    """'in January up 17.8%; in February up 30%': each month's change is measured as the list's
    heading says, not against the month before it in the list."""
    text = ("Compared with the first half of 2021, Kenya's exports to Uganda in January rose 17.8% to $38 million; "
            "in February they were up 30% to $29 million; in March they rose 7.2% to $37 million.")
    got = {a: b for a, *_, b, _ in trades(text, "2022-08-20")}
    assert got["30%"] != "period_on_period" and got["7.2%"] != "period_on_period"


def test_a_change_with_no_stated_comparison_is_year_on_year_and_marked_inferred():
    r = extract("Kenya's exports to Uganda fell 6 percent in June, data showed.", published="2024-08-01")
    (claim,) = [c for c in r.claims if c.kind == "trade_change"]
    assert claim.trade.basis == "year_on_year" and "basis" in claim.inferred


# ---------------------------------------------------------------- balances frame the story


def test_a_balance_sentence_names_the_reporter_and_the_month():
    text = ("Sweden recorded a trade deficit of 4.2 billion crowns in May, the statistics office said. "
            "Exports slipped 3.4 percent year-on-year to 160 billion crowns.")
    got = trades(text, published="2024-06-20")
    (claim,) = [t for t in got if t[0] == "3.4 percent"]
    assert claim[1:4] == ("directional", "SWE", "WLD") and claim[-1] == "May"
    assert not [t for t in got if t[0] == "4.2 billion crowns"]          # the balance is no flow


def test_in_trade_with_a_partner_frames_the_flows_that_follow():
    text = ("Canada's exports fell 2 percent in March, data showed. "
            "In trade with Mexico, Canada's surplus narrowed. Exports were up 3.8 percent, and imports were up 6.1 percent.")
    got = parties(text, published="2024-05-01")
    assert got["3.8 percent"] == ("directional", "CAN", "MEX", ())
    assert got["6.1 percent"] == ("directional", "MEX", "CAN", ())


def test_a_balance_compared_with_another_balance_is_no_flow():
    got = parties("In trade with Brazil, Argentina posted a deficit of $310 million, compared with $45 million a year before.")
    assert got == {}


def test_a_trade_word_inside_an_organization_s_name_states_no_trade():
    got = trades("Peru exported $4.1 billion worth of goods in May, up 6 percent from a year earlier, with shipments "
                 "to China rising 3 percent. The previous May record was $3.9 billion in 2019, the Trade Ministry "
                 "said on Tuesday.", published="2024-06-03")
    assert "$3.9 billion" not in {a for a, *_ in got}


def test_a_pronoun_continues_the_trade_a_sentence_without_figures_named():
    got = parties("Chile's exports to Japan have fallen for four straight months. In May they dropped 21%.",
                  published="2024-06-10")
    assert got["21%"] == ("directional", "CHL", "JPN", ())


def test_a_balance_sentence_continues_no_flow_even_with_the_figure():
    got = trades("Peru's exports fell 2.6% in May. The trade deficit stood at 1.27 trillion soles (3.1 billion "
                 "U.S. dollars) in May, the figure following a revised 0.91 trillion "
                 "soles deficit posted in April.", published="2024-06-10")
    assert {a for a, *_ in got} == {"2.6%"}


def test_the_amount_picks_up_the_series_before_and_a_level_has_no_basis():
    got = trades("Laos imported $31.2 million worth of goods from Thailand in May, up 12 percent from a year "
                 "earlier. The amount also topped the $28.4 million tallied in April.", published="2024-06-10")
    level = next(t for t in got if t[0] == "$28.4 million")
    assert level[1:4] == ("directional", "THA", "LAO") and level[6] is None and level[7] == "April"


def test_a_deficit_in_trade_is_a_balance_and_its_comparison_holds_for_the_changes_after_it():
    text = ("Peru news from Japan\n\nThe Peruvian deficit in trade in goods widened 12.1 percent in May "
            "from the previous month to $2.3 billion, the statistics office said. Peruvian exports rose 4.2 percent "
            "to $6.1 billion, while imports gained 6.3 percent to $8.4 billion.")
    got = {a: (frm, to, basis) for a, _flow, frm, to, _b, _goods, basis, _p in trades(text, published="2024-06-20")}
    # no partner from the page's masthead: the balance is Peru's with the world
    assert got["4.2 percent"] == ("PER", "WLD", "period_on_period")
    assert got["6.3 percent"] == ("WLD", "PER", "period_on_period")


def test_a_forecast_figure_is_no_trade_claim_but_a_fact_beside_an_expectation_is():
    got = trades("Chile's imports rose 8.2 per cent in May. That beat market expectations of a 0.4 per "
                 "cent increase. Analysts polled had forecast a 2 per cent rise in exports.", published="2024-06-10")
    assert {a for a, *_ in got} == {"8.2 per cent"}
    got = trades("Chile's trade with Peru is expected to shrink in 2024, as official data showed it fell 6 percent "
                 "in the January-November period.", published="2024-12-20")
    assert "6 percent" in {a for a, *_ in got}


@pytest.mark.parametrize("text,basis", [
    ("U.S. exports increased 2.4% to $205.1 billion in April on rising shipments of aircraft.", "period_on_period"),
    ("Vietnam's exports increased 2.4% to $31.2 billion in April.", "year_on_year"),
    ("U.S. exports increased 2.4% to $2.1 trillion in 2023.", "year_on_year"),   # a year: no monthly convention
    ("Canada's exports increased 1.5% to C$61.7 billion in October, Statistics Canada said.", "period_on_period"),
    ("Australia's exports rose 3 per cent to A$41.2 billion in October, the Australian Bureau of Statistics said.",
     "period_on_period"),
    ("UK goods exports fell 4.1 per cent to £27.3 billion in October.", "period_on_period"),
])
def test_an_unstated_basis_follows_the_reporter_s_convention(text, basis):
    from extractor import extract

    r = extract(text, published="2024-06-10")
    change = next(c for c in r.claims if c.kind == "trade_change")
    assert change.trade.basis == basis and "basis" in change.inferred


def test_a_change_against_a_stated_period_of_another_span_has_no_basis():
    from extractor import extract

    r = extract("From January to April, Laos imported rice worth $39.8 million from Thailand, some 11 times more "
                "than in 2023.", published="2024-05-20")
    multiple = next(c for c in r.claims if c.kind == "trade_change")
    assert multiple.trade.basis is None and "basis" not in multiple.inferred
    r = extract("Laos's rice imports from Thailand rose 15 percent in April from April 2023.", published="2024-05-20")
    assert next(c for c in r.claims if c.kind == "trade_change").trade.basis == "year_on_year"


@pytest.mark.parametrize("text,expected", [
    ("Laos Exports Fall 8% in May", ("8%", "directional", "LAO", "WLD")),
    ("Chile-Peru Trade Jumps 20% in March", ("20%", "total", None, None)),
])
def test_a_title_case_headline_is_read_like_a_sentence(text, expected):
    """The tagger reads 'Exports Fall' as a name and 'Jumps' as a proper noun in title case."""
    got = trades(text, published="2024-06-10")
    assert got and got[0][:4] == expected


# ---------------------------------------------------------------- the period of each level


def test_from_a_to_b_each_level_keeps_its_own_period():
    got = trades("Imports of machinery from Germany to Poland rose from $2.1 billion in 2020 to $3.4 billion "
                 "as of July 2023, customs data showed.", published="2023-09-01")
    periods = {amount: period for amount, *_, period in got}
    assert periods["$2.1 billion"] == "2020" and periods["$3.4 billion"] == "July 2023"


def test_a_participle_s_period_is_its_noun_s_and_does_not_become_the_story_s():
    got = trades("Turkey's exports climbed 4 percent to $255 billion in 2023. Steel exports rose 12 percent "
                 "to $8.4 billion, beating the previous high of $7.9 billion set in 2019. Exports of cars "
                 "edged up 1 percent to $13 billion.", published="2024-01-05")
    periods = {amount: period for amount, *_, period in got}
    assert periods["$7.9 billion"] == "2019"
    assert periods["$8.4 billion"] == periods["$13 billion"] == "2023"


@pytest.mark.parametrize("sentence,amount", [
    ("Adding both kinds, North Korea’s flour import amount reached $12,640,000, about 9 times more than "
     "in 2022.", "$12,640,000"),
    ("Combining both grades, Cuba’s rice import amount reached $21,500,000, roughly 6 times more than in 2022.",
     "$21,500,000"),
])
def test_a_period_in_a_comparison_s_reference_is_not_the_figure_s(sentence, amount):
    """'N times more than in 2022': 2022 is the reference's year; the level is the story's period."""
    text = "Trade figures for January to April this year were released on Monday.\n\n" + sentence
    got = {a: p for a, *_, p in trades(text, published="2024-07-15")}
    assert got[amount] == "January to April this year"


@pytest.mark.parametrize("sentence", [
    "Exports to Oman were recorded at $44.6 million as against $39.1 million last year.",
    "Exports to Oman were recorded at $44.6 million against $39.1 million last year.",
    "Exports to Oman came in at $44.6 million versus $39.1 million last year.",
])
def test_a_period_written_after_the_reference_s_figure_is_the_reference_s(sentence):
    """'$44.6 million against $39.1 million last year': the parser hangs 'last year' on the verb;
    written right after the reference's figure, it is that figure's year, not the level's."""
    got = {a: p for a, *_, p in trades("Pakistan's exports rose in the first quarter, the bureau said. " + sentence,
                                       published="2024-05-10")}
    assert got["$39.1 million"] == "last year"
    assert got["$44.6 million"] == "the first quarter"


def test_a_period_after_in_the_reference_s_figure_is_the_reference_s():
    """'increased by 6.2 per cent to $21.3 billion in 2022-23 as against $20.1 billion in 2021-22': the
    parser hangs the second year on the verb; it dates the reference, not the change or the level."""
    text = ("According to the ministry, bilateral trade between India and Canada increased by 6.2 per cent to "
            "$21.3 billion in 2022-23 as against $20.1 billion in 2021-22. During 2022-23, India's two-way commerce "
            "with Chile declined by about 2.5 per cent to $3.6 billion as against $3.7 billion in 2021-22.")
    got = {a: p for a, *_, p in trades(text, published="2023-04-17")}
    assert got["6.2 per cent"] == got["$21.3 billion"] == "2022-23" and got["$20.1 billion"] == "2021-22"
    assert got["about 2.5 per cent"] == got["$3.6 billion"] == "2022-23" and got["$3.7 billion"] == "2021-22"


def test_a_figure_in_brackets_after_a_period_is_that_period_s():
    """'up 16% from the previous year ($2.93 billion)': the bracket gives the previous year's level."""
    got = {a: p for a, *_, p in trades("China's trade with Laos reached $3.4 billion in 2023, up 16% from the "
                                       "previous year ($2.93 billion).", published="2024-02-20")}
    assert got["$2.93 billion"] == "the previous year" and got["$3.4 billion"] == "2023"


def test_the_new_level_of_a_move_the_parser_joined_keeps_the_sentence_s_period():
    """'increased from $12.3 billion to $15.8 billion', parsed as one phrase under 'from': the level
    after 'to' is the new one, of the sentence's period; the old level takes none."""
    got = {a: p for a, *_, p in trades("In the first six months of this year, Peru's exports to India increased "
                                       "from $12.3 billion to $15.8 billion.", published="2022-08-20")}
    assert got["$15.8 billion"] == "the first six months of this year" and got["$12.3 billion"] is None


def test_a_period_after_a_change_s_old_level_is_that_level_s():
    """'fell 3.4 per cent to $27.4 billion from $28.3 billion in the year-ago month': the period dates
    the old level only."""
    got = {a: p for a, *_, p in trades("Taiwan's exports rose in April. In May, shipments fell 3.4 per cent to "
                                       "$27.4 billion from $28.3 billion in the year-ago month.", published="2024-06-10")}
    assert got["$28.3 billion"] == "the year-ago month" and got["$27.4 billion"] == got["3.4 per cent"] == "May"


@pytest.mark.parametrize("sentence", [
    "By way of comparison, in Sept. 2018, commerce between the two countries stood at $181.4 million — roughly "
    "four times the Sept. 2022 figures.",
    "In Sept. 2018, trade between the two neighbours came to $181.4 million — roughly four times the Sept. 2022 "
    "figures.",
])
def test_the_noun_a_multiple_compares_with_keeps_its_period(sentence):
    got = trades("Laos's trade with Vietnam rose in September. " + sentence, published="2022-11-01")
    assert {a: p for a, *_, p in got}["$181.4 million"] == "Sept. 2018"


def test_a_change_between_two_periods_is_the_later_one_s_against_the_earlier():
    got = trades("Laos-Vietnam trade as a whole more than doubled between June and July, hitting a one-year "
                 "high.", published="2021-10-20")
    assert got[0][6:] == ("period_on_period", "July")


def test_this_year_in_a_story_of_the_year_s_first_months_is_those_months():
    text = ("In the four months to April this year, Laos imported 6,100 tonnes of rice from Thailand. Measured in value, "
            "the rice imported into Laos this year was worth $3.2 million.")
    got = {a: p for a, *_, p in trades(text, published="2024-05-20")}
    assert got["$3.2 million"] == "the four months to April"
    # a past year named by its number is that whole year
    text = ("From January to April 2023, Laos imported 6,100 tonnes of rice from Thailand. In 2023 as a whole, "
            "the rice imported into Laos was worth $9.2 million.")
    assert {a: p for a, *_, p in trades(text, published="2024-05-20")}["$9.2 million"] == "2023"


def test_an_undated_page_s_last_year_in_a_story_about_a_named_year_is_that_year_taken_not_read():
    from extractor import extract

    r = extract("LIMA (AP) – Peru's trade deficit shrank in 2021 for the first time in four years.\n\n"
                "On Wednesday the ministry reported that the gap had narrowed 3.1% to $4.2 billion last year. Peruvian "
                "exports declined 0.4% to $61.5 billion last year, and imports rose 2% to $65.7 billion last year.")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "$61.5 billion")
    assert r.periods[claim.period].text == "2021" and "period" in claim.inferred


def test_an_undated_page_s_unresolved_last_year_does_not_replace_the_year_the_story_named():
    from extractor import extract

    r = extract("LIMA (AP) – Peru's trade deficit shrank in 2021 for the first time in four years.\n\n"
                "The ministry reported on Monday that the gap between what Peru sells abroad and what it buys narrowed "
                "3.1% to $4.2 billion last year. Peruvian exports declined 0.4% to $61.5 billion. However, imports "
                "rose 2% to $65.7 billion.")
    periods = {r.amounts[c.amount].text: r.periods[c.period].text for c in r.claims if c.trade is not None}
    assert periods["$61.5 billion"] == periods["$65.7 billion"] == "2021"


def test_a_participle_saying_the_figure_was_counted_keeps_the_period_after_it_the_figure_s():
    from extractor import extract

    r = extract("Outbound shipments from Laos reached US$1.24 billion in the May 1-10 period, compared with $1.17 "
                "billion tallied a year earlier, the agency said.", published="2024-05-12")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "$1.17 billion")
    p = r.periods[claim.period]
    assert (p.text, str(p.from_), str(p.to)) == ("a year earlier", "2023-05-01", "2023-05-10")


def test_a_change_in_apposition_after_a_move_between_levels_is_the_later_level_s():
    got = trades("In 2021, bilateral trade between Peru and Chile came to $14.7 billion, which climbed to $19.2 "
                 "billion in 2022, a rise of roughly 30%.", published="2023-03-01")
    assert {a: p for a, *_, p in got}["roughly 30%"] == "2022"


def test_the_month_of_an_earlier_rate_neither_dates_the_story_nor_bases_the_change():
    got = trades("Chile's total exports rose 11.2 per cent in January from a year earlier, well above "
                 "December's 4.3 per cent. Imports too beat forecasts, gaining 10 per cent, from 6.1 per "
                 "cent in December.", published="2024-02-12")
    assert {a: (basis, p) for a, *_, basis, p in got}["10 per cent"] == ("year_on_year", "January")


def test_a_span_of_years_around_the_story_s_year_is_background_not_the_story_s_period():
    got = trades("Laos's trade with Thailand rose 10 percent to $5.1 billion in 2023. Between 2015 and 2024, Laos's "
                 "trade volume with China had expanded by an average of more than 12 percent a year, the data "
                 "showed. Laos's imports of textile products from Thailand increased 15 percent.",
                 published="2024-02-20")
    assert {a: p for a, *_, p in got}["15 percent"] == "2023"


def test_the_reference_of_a_comparison_keeps_its_own_period():
    got = trades("In June, Peru's imports from Brazil saw a 7% decline, a steeper fall compared to the 2% fall "
                 "in May.", published="2024-07-15")
    assert {a: p for a, *_, p in got}["2%"] == "May"


@pytest.mark.parametrize("text", [
    "Thailand's imports grew 6.2% last month, far better than a 0.8% increase by year in April, data showed.",
    "Thailand's imports grew 6.2% in May, far better than a 0.8% increase in April.",
])
def test_another_change_s_month_is_not_this_change_s_base(text):
    """April is the 0.8% increase's month: the 6.2% is not month on month because of it."""
    got = {a: (basis, p) for a, *_, basis, p in trades(text, published="2024-06-10")}
    assert got["6.2%"][0] == "year_on_year" and got["0.8%"] == ("year_on_year", "April")


@pytest.mark.parametrize("text", [
    "Laos only exported $410,000 worth of goods to Vietnam in May which is a steep drop of 60 per cent from April.",
    "Laos exported $410,000 worth of goods to Vietnam in May, a steep drop of 60 per cent from April.",
])
def test_a_change_noun_s_from_period_is_its_base(text):
    """'a drop of 60 per cent from April': April is the base; the change is May's, month on month."""
    got = {a: (basis, p) for a, *_, basis, p in trades(text, published="2024-06-10")}
    assert got["60 per cent"] == ("period_on_period", "May")


def test_coordinated_figures_pair_with_coordinated_periods_and_another_is_a_further_change():
    got = trades("Trade between Laos and Vietnam recorded negative growth of -3.1 percent and -12.4 percent in "
                 "2018 and 2019, and declined another 4.2 percent in 2020.", published="2021-05-01")
    periods = {a: p for a, *_, p in got}
    assert periods == {"-3.1 percent": "2018", "-12.4 percent": "2019", "4.2 percent": "2020"}


# ---------------------------------------------------------------- goods


@pytest.mark.parametrize("text,amount,goods", [
    ("The value of designer handbags imported from France to Qatar reached $40 million in 2022.", "$40 million", "designer handbags"),
    ("Bolivia bought 16 ventilators from Peru in August, worth $3,150.", "$3,150", "ventilators"),
    ("The export value of these cosmetics from Vietnam to Japan rose to $121 million in 2023.",
     "$121 million", "cosmetics"),
])
def test_the_goods_a_figure_is_about_are_read_where_they_are_written(text, amount, goods):
    r = extract(text, published="2024-03-21")
    (claim,) = [c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount]
    assert claim.trade is not None and goods in (claim.trade.commodity_text or "")


@pytest.mark.parametrize("text,amount,code", [
    ("Taiwan's exports of semiconductors to Japan grew 8 percent to $3.3 billion in May.", "$3.3 billion", "8542"),
    ("Mexico's car exports to Canada slipped to $1.4 billion in June.", "$1.4 billion", "8703"),
    ("Chile's shipments of copper ore and concentrates to China reached 2.1 million tonnes in April.",
     "2.1 million tonnes", "2603"),
    ("Qatar's LNG exports to India rose to $900 million in March.", "$900 million", "2711"),
])
def test_goods_the_table_knows_get_their_hs_heading(text, amount, code):
    """The heading customs report the goods under (trade_lexicon.json 'commodities'); a longer
    name wins over a shorter one inside it ('copper ore' is 2603, not copper's chapter 74)."""
    got = {a: goods for a, _flow, _frm, _to, _between, goods, *_ in trades(text)}
    assert got[amount] == code


def test_goods_lines_of_a_story_about_one_country_s_trade_with_the_world_are_its_own():
    text = ("Malaysia's exports rose 5 percent to $26 billion in May from a year earlier. "
            "Shipments of palm oil dropped 9 percent to $1.2 billion, while steel exports grew 4 percent.")
    r = extract(text, published="2024-06-20")
    got = {r.amounts[c.amount].text: c for c in r.claims if c.amount is not None}
    palm = got["$1.2 billion"]
    assert palm.trade is not None and (palm.trade.from_, palm.trade.to, palm.trade.commodity) == ("MYS", "WLD", "1511")
    assert "parties" in palm.inferred   # whose shipments they are comes from the sentence before
    assert got["4 percent"].trade.commodity == "72"


def test_a_bloc_named_as_the_partner_makes_a_goods_line_a_claim():
    got = trades("Japan's exports to China rose 2% in May. Auto exports to the EU stood at $410 million in the "
                 "month, up 12 percent.", published="2024-06-10")
    autos = next(t for t in got if t[0] == "$410 million")
    assert autos[1:6] == ("directional", "JPN", "EUU", (), "8703")


@pytest.mark.parametrize("text,code", [
    ("Peru's exports to Brazil rose 4 percent in May. Brazil gave no breakdown by supplier, but it reported iron "
     "ore imports climbing 12 per cent on the year.", "2601"),
    ("Peru's exports to Brazil rose 4 percent in May, and Brazil's crude palm oil imports increased 12 per cent.",
     "1511"),   # not crude oil's 2709
])
def test_the_modifiers_of_a_trade_word_together_name_the_goods(text, code):
    got = {a: goods for a, _f, _x, _y, _b, goods, *_ in trades(text, published="2024-06-10")}
    assert got["12 per cent"] == code


def test_overall_on_the_noun_a_trade_word_qualifies_makes_the_trade_with_the_world():
    got = parties("Australian exports to China grew 4 percent in May. China's overall trade performance was "
                  "also strong in May, growing at 6.2 per cent.", published="2024-06-10")
    assert got["6.2 per cent"] == ("total", None, None, ("CHN", "WLD"))


def test_goods_in_apposition_to_the_trade_word_and_not_a_partner_s_description():
    got = trades("Mongolia's main export to China, coal, slumped 18.2 percent in May, customs figures showed.",
                 published="2024-06-20")
    assert got[0][5] == "2701"
    got = trades("Mongolia's exports to China, its largest trading partner, rose 3 percent in May.",
                 published="2024-06-20")
    assert got[0][5] is None


def test_goods_named_with_for_in_a_clause_whose_pronoun_stands_for_the_trade_before():
    got = trades("Thailand's exports to Laos rose 4% in May. Exports of rice to Laos for the month totaled 12,300 "
                 "tonnes, valued at $6.1 million, while for sugar they reached about 5,000 tonnes, worth $2.9 "
                 "million.", published="2024-06-20")
    goods = {a: g for a, _f, _x, _y, _b, g, *_ in got}
    assert goods["$6.1 million"] == "1006" and goods["$2.9 million"] == goods["about 5,000 tonnes"] == "1701"


def test_a_participle_modifying_goods_names_them():
    got = trades("Korea's exports rose 3 percent in May. So far this year, the combined value of every exported "
                 "semiconductor came to $71.6 billion.", published="2017-12-01")
    assert {a: g for a, _f, _x, _y, _b, g, *_ in got}["$71.6 billion"] == "8542"


def test_a_world_modifier_is_no_goods_and_the_goods_after_it_count():
    got = trades("Peru's exports fell 5 percent in May. Copper sales declined 9 percent, and overseas shipments of "
                 "automobiles slipped 4.4 percent, figures showed.", published="2024-06-10")
    assert {a: g for a, _f, _x, _y, _b, g, *_ in got}["4.4 percent"] == "8703"


@pytest.mark.parametrize("text,amount,code", [
    ("Taiwan's memory chip competitors, Japan and China, logged their annual export records of 40 billion dollars "
     "in 2001 and 51 billion dollars in 2010, respectively.", "40 billion dollars", "8542"),
    ("Korea's exports rose 5 percent in May. Each month this year, the steel industry has seen over a 20 "
     "percent gain in monthly exports.", "20 percent", "72"),
])
def test_the_goods_the_clause_s_subject_makes_or_trades(text, amount, code):
    got = {a: g for a, _f, _x, _y, _b, g, *_ in trades(text, published="2024-06-10")}
    assert got[amount] == code


def test_bilateral_with_another_country_named_is_not_the_article_s_pair():
    text = ("Laos's trade with Vietnam fell 4 percent in 2023, data showed. Thailand, another neighbour, "
            "was its second-largest trading partner in 2023, with bilateral trade reaching $61 million.")
    r = extract(text, published="2024-03-21")
    (claim,) = [c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "$61 million"]
    assert claim.trade is None or "parties" in claim.inferred


def test_a_pair_adjective_names_both_parties_and_a_period_s_possessive_its_level():
    got = trades("Inter-Korean trade reached $1.1 billion in 2023, down 40 percent from the previous year's "
                 "$1.9 billion.", published="2024-02-01")
    by_amount = {a: (flow, between, period) for a, flow, _, _, between, _, _, period in got}
    assert by_amount["$1.1 billion"] == ("total", ("KOR", "PRK"), "2023")
    assert by_amount["$1.9 billion"] == ("total", ("KOR", "PRK"), "the previous year")


def test_exported_and_imported_is_the_total():
    got = parties("Peru exported and imported $9.2 billion worth of goods in January, customs figures showed.")
    assert got["$9.2 billion"] == ("total", None, None, ("PER", "WLD"))


def test_they_continues_the_previous_flow():
    got = parties("Egypt's exports to Italy were $2 billion in July. In August they dropped 12 percent.",
                  published="2024-10-01")
    assert got["12 percent"] == ("directional", "EGY", "ITA", ())


# ---------------------------------------------------------------- "respectively"


def test_respectively_pairs_partners_with_figures_in_order():
    got = parties("Italy's trade with Brazil, India and Egypt decreased 3.1 percent, "
                  "5.2 percent and 9.4 percent, respectively, in the January-February period.", published="2020-03-07")
    assert got["3.1 percent"] == ("total", None, None, ("BRA", "ITA"))
    assert got["5.2 percent"] == ("total", None, None, ("IND", "ITA"))
    assert got["9.4 percent"] == ("total", None, None, ("EGY", "ITA"))


def test_respectively_gives_each_partner_its_figure_when_the_list_follows_to():
    """'trade to Brazil and Chile ... respectively': the list's first state, read as the trade's end,
    is not the second figure's other end (that is the story's reporter)."""
    got = parties("Italy's trade with the world rose 6 percent in May. Its trade volume to Brazil and Chile "
                  "was $310 million and $240 million, respectively.", published="2020-06-20")
    assert got["$310 million"] == ("total", None, None, ("BRA", "ITA"))
    assert got["$240 million"] == ("total", None, None, ("CHL", "ITA"))


@pytest.mark.parametrize("text", [
    "In 2019 Peru, Chile and Brazil were Italy's biggest partners, with trade growing 4.1%, 3.7% and 2.2% respectively.",
    "Italy's biggest partners in 2019 were Peru, Chile and Brazil, with trade growing 4.1%, 3.7% and 2.2% "
    "respectively.",
])
def test_states_equated_with_someone_s_partners_are_partners_of_a_respectively_list(text):
    """'A, B and C were X's top partners' / 'X's largest partners were A, B and C', with one figure each:
    trade between X and each state, not the states' trade with the world nor the ranking's last state."""
    got = parties(text, published="2020-03-01")
    assert [got[f] for f in ("4.1%", "3.7%", "2.2%")] == [
        ("total", None, None, ("ITA", "PER")), ("total", None, None, ("CHL", "ITA")), ("total", None, None, ("BRA", "ITA"))]


def test_both_flows_beside_a_respectively_list_of_partners_are_the_trade_with_each():
    """'with imports and exports reaching X and Y respectively' after two partners: the figures pair with
    the partners, and the two flows together are the trade; without partners they pair with the flows."""
    got = parties("Peru and Chile were Italy's two biggest partners in 2019, with two-way imports and exports "
                  "of 4.1 billion euros and 3.7 billion euros respectively.", published="2020-03-01")
    assert got["4.1 billion euros"] == ("total", None, None, ("ITA", "PER"))
    assert got["3.7 billion euros"] == ("total", None, None, ("CHL", "ITA"))
    flows = parties("Italy's exports and imports stood at 4.1 billion euros and 3.7 billion euros respectively "
                    "in 2019.", published="2020-03-01")
    assert flows["4.1 billion euros"][1:3] == ("ITA", "WLD") and flows["3.7 billion euros"][1:3] == ("WLD", "ITA")


def test_respectively_pairs_partners_written_as_a_list_the_parser_broke():
    """A bracketed abbreviation inside the list ('the Association of Southeast Asian Nations (ASEAN)')
    breaks its parse; the states as written still pair with the figures in order."""
    got = parties("In 2019, Italy's trade with Japan, the Association of Southeast Asian Nations (ASEAN), the "
                  "European Union and the United States rose 6.3 percent, 8.8 percent, 4.1 percent and 15.2 percent, "
                  "respectively.", published="2020-03-01")
    assert [got[f][3] for f in ("6.3 percent", "8.8 percent", "4.1 percent", "15.2 percent")] == [
        ("ITA", "JPN"), ("ASEAN", "ITA"), ("EUU", "ITA"), ("ITA", "USA")]


def test_imports_and_exports_to_a_respectively_list_of_partners_are_the_trade_with_each():
    """'imports and exports to the EU, the US, Japan and South Korea totaled A, B, C and D, respectively'
    (the parser makes the flows and the states one list): trade with each partner."""
    got = parties("China's trade with ASEAN reached RMB 1.2 trillion in the first quarter, up 12.1 percent, or 14.3 "
                  "percent of the total.\nOver the quarter, imports and exports to Japan, the European Union, "
                  "South Korea and the United States totaled RMB 1.21 trillion, RMB 1.02 trillion, RMB 433.5 billion "
                  "and RMB 417.2 billion, respectively.", published="2023-04-20")
    assert [got[f] for f in ("RMB 1.21 trillion", "RMB 1.02 trillion", "RMB 433.5 billion", "RMB 417.2 billion")] == [
        ("total", None, None, pair) for pair in (("CHN", "JPN"), ("CHN", "EUU"), ("CHN", "KOR"), ("CHN", "USA"))]


@pytest.mark.parametrize("figures", ["rose 12 percent and 9 percent", "surged by 12% and 9%"])
def test_two_flows_with_two_figures_pair_up_without_respectively(figures):
    """'exports and imports rose 12 percent and 9 percent': each flow its figure, as with
    'respectively'; one figure for both flows is still the total."""
    got = parties(f"Peru's exports and imports {figures} in May.", published="2024-06-20")
    assert sorted(v[1:3] for v in got.values()) == [("PER", "WLD"), ("WLD", "PER")]
    total = parties("Peru's exports and imports rose 12 percent to $9 billion in May.", published="2024-06-20")
    assert total["$9 billion"] == ("total", None, None, ("PER", "WLD"))


def test_respectively_pairs_flows_with_figures_in_order():
    got = trades("Spain's exports and imports rose 4 percent and 7 percent in May, respectively.", published="2020-07-01")
    by_amount = {a: (frm, to, kind_basis) for a, _, frm, to, _, _, kind_basis, _ in got}
    assert by_amount["4 percent"][:2] == ("ESP", "WLD") and by_amount["7 percent"][:2] == ("WLD", "ESP")


@pytest.mark.parametrize("periods,expected", [
    ("in March, April and May, respectively", ["March", "April", "May"]),
    ("in the first, second and third quarters, respectively", None),
])
def test_respectively_pairs_periods_with_figures_in_order(pipeline, periods, expected):
    text = f"Ghana's exports to Togo were $3.2 million, $5.7 million and $4.4 million {periods}."
    r = pipeline.extract(text, published="2024-11-20")
    got = [(str(r.periods[c.period].from_), str(r.periods[c.period].to)) for c in r.claims
           if c.trade is not None and c.period is not None]
    months = [("2024-03-01", "2024-03-31"), ("2024-04-01", "2024-04-30"), ("2024-05-01", "2024-05-31")]
    quarters = [("2024-01-01", "2024-03-31"), ("2024-04-01", "2024-06-30"), ("2024-07-01", "2024-09-30")]
    assert got == (months if expected else quarters)


@pytest.mark.parametrize("figures", ["fell 3.1 percent and 4.6 percent", "fell 3 percent and 4 percent"])
def test_respectively_pairs_months_written_first_with_figures_with_decimals(pipeline, figures):
    """A decimal point is no sentence end: "In August and September, ... 3.1 percent and 4.6
    percent, respectively" pairs each month with its figure, as it does without decimals."""
    text = f"In August and September, Thailand's exports to Laos {figures}, respectively."
    r = pipeline.extract(text, published="2024-11-02")
    got = [(str(r.periods[c.period].from_), str(r.periods[c.period].to)) for c in r.claims
           if c.trade is not None and c.period is not None]
    assert got == [("2024-08-01", "2024-08-31"), ("2024-09-01", "2024-09-30")]


def test_respectively_pairs_the_figures_written_as_a_list_when_the_sentence_has_more(pipeline):
    """A figure before the list is not one of its members: the two listed ones pair with the months."""
    text = ("Chile sold 2.2 million tonnes of ore to Peru in May, and 1.9 million tonnes and 870,000 tonnes "
            "in June and July, respectively.")
    r = pipeline.extract(text, published="2024-09-02")
    got = {r.amounts[c.amount].text: r.periods[c.period].text for c in r.claims
           if c.trade is not None and c.period is not None}
    assert got == {"2.2 million tonnes": "May", "1.9 million tonnes": "June", "870,000 tonnes": "July"}


def test_two_months_without_respectively_are_one_span(pipeline):
    """Customs offices report January and February together: one figure for both months."""
    r = pipeline.extract("Ghana's exports to Togo rose 9 percent to $8.1 million in January and February.",
                         published="2024-03-20")
    spans = {r.amounts[c.amount].text: (str(r.periods[c.period].from_), str(r.periods[c.period].to))
             for c in r.claims if c.trade is not None and c.period is not None}
    assert spans["$8.1 million"] == ("2024-01-01", "2024-02-29")


def test_whose_trade_volume_is_said_of_the_noun_the_trade_word_qualifies():
    got = parties("Ghana's foreign trade volume rose 3 percent to $31 billion in 2023, customs data showed.")
    assert got["$31 billion"] == ("total", None, None, ("GHA", "WLD"))


def test_a_possessor_in_the_partner_phrase_says_whose_partner_not_who_trades():
    got = parties("Mexico's exports to Canada's biggest trading partner, the United States, rose 4 percent in May.",
                  published="2024-07-01")
    assert got["4 percent"] == ("directional", "MEX", "USA", ())


def test_a_period_inside_a_cause_is_not_the_figure_s():
    text = ("Chile's exports rose 6 percent in 2023, customs data showed. Copper shipments from Chile to "
            "China fell 0.3 percent to $28 billion, amid strikes in the second half.")
    got = trades(text, published="2024-01-10")
    (claim,) = [t for t in got if t[0] == "$28 billion"]
    assert claim[-1] == "2023"        # the story's year, not the strikes' half-year


def test_year_on_year_before_a_month_names_the_month_as_the_figure_s():
    got = trades("Senegal's trade with Mali slid almost 13 percent year on year in May, customs data showed.",
                 published="2024-06-20")
    (claim,) = [t for t in got if t[0] == "almost 13 percent"]
    assert claim[-1] == "May" and claim[-2] == "year_on_year"


def test_less_than_in_the_previous_year_is_the_base_and_a_relative_clause_keeps_its_year():
    got = trades("In 2021, trade between Kenya and Tanzania amounted to $120 million, which rose to "
                 "$150 million in 2022.", published="2023-03-01")
    periods = {amount: period for amount, *_, period in got}
    assert periods["$120 million"] == "2021" and periods["$150 million"] == "2022"


def test_coordinated_figures_share_the_change_and_pair_with_coordinated_partners():
    got = trades("Spain's exports to Morocco and Portugal grew 14.8% and 12% in May, customs data showed.",
                 published="2024-07-01")
    by_amount = {a: (to, basis) for a, _, _, to, _, _, basis, _ in got}
    assert by_amount["14.8%"][0] == "MAR" and by_amount["12%"][0] == "PRT"


def test_a_flow_coordinated_in_one_sentence_keeps_the_sentence_s_partner():
    text = ("Japan's exports rose 2 percent in January. Exports to Japan's largest customer, China, retreated "
            "3.5 percent, while imports fell 2.5 percent.")
    got = parties(text, published="2020-02-20")
    assert got["3.5 percent"] == ("directional", "JPN", "CHN", ())
    assert got["2.5 percent"] == ("directional", "CHN", "JPN", ())


@pytest.mark.parametrize("partner, code", [("Latin America", "Latin America"), ("ASEAN", "ASEAN"),
                                            ("Mozambique", "MOZ")])
def test_a_coordinated_flow_keeps_a_partner_the_story_is_not_about(partner, code):
    # the story is about the country's trade at large; the partner of the sentence is its own
    text = (f"India's foreign trade rose 4% in the quarter, and trade with {partner} was up 9%. India's shipments "
            f"to {partner} grew 11% to $3 billion in the quarter, while its imports rose 2% to $1.4 billion.")
    got = parties(text, published="2024-07-15")
    assert got["2%"][1:3] == (code, "IND") and got["$1.4 billion"][1:3] == (code, "IND")


def test_the_world_s_largest_exporter_is_no_partner():
    got = parties("Shipments from the world's largest exporter, China, slumped 6.3 percent in 2016.", published="2017-02-09")
    assert got["6.3 percent"][1:3] == ("CHN", "WLD")


def test_a_period_in_a_subordinate_clause_is_that_clause_s():
    text = ("Laos's exports to Thailand rose in 2023, data showed. The country's exports stood at $2.9 billion "
            "last year, and it has run a deficit since the bureau began keeping records in 1995.")
    got = trades(text, published="2024-02-01")
    (claim,) = [t for t in got if t[0] == "$2.9 billion"]
    assert claim[-1] != "1995"


def test_a_fronted_period_before_a_subordinate_clause_stays_the_figure_s():
    text = ("In the first three quarters of 2019, before new tariffs took hold, Chile and Peru traded $4 billion "
            "worth of goods.")
    got = trades(text, published="2020-03-01")
    (claim,) = [t for t in got if t[0] == "$4 billion"]
    assert claim[-1] == "the first three quarters of 2019"


def test_the_figure_s_own_words_are_no_goods():
    r = extract("Tunisia imported 17-point-six million U.S. dollars worth of Algerian products in August.",
                published="2020-09-16")
    (claim,) = [c for c in r.claims if c.trade is not None]
    assert claim.trade.commodity_text is None and (claim.trade.from_, claim.trade.to) == ("DZA", "TUN")


@pytest.mark.parametrize("text", [
    "Chile's exports to Peru rose by $12 million to $80 million in 2023.",
    "Chile's exports to Peru were $80 million in 2023, $12 million more than in 2022.",
    "Chile's exports to Peru were $80 million in 2023. Against 2022's total, that was $12 million more.",
])
def test_a_sum_of_money_with_a_direction_is_a_change_not_a_level(pipeline, text):
    result = pipeline.extract(text, published="2024-03-01")
    by_text = {result.amounts[c.amount].text: c for c in result.claims if c.amount is not None}
    assert by_text["$12 million"].kind == "trade_change"
    assert by_text["$80 million"].kind == "trade_value"


@pytest.mark.parametrize("text, goods", [
    ("Fertilizer accounted for the biggest share of Laos's imports from Vietnam, with $17.9 million in 2021.", "31"),
    ("Coal made up the bulk of Laos's exports to Vietnam, at $40 million in 2021.", "2701"),
    ("Laos's largest import from Vietnam was fertilizer, worth $17.9 million in 2021.", "31"),
])
def test_goods_that_are_a_part_of_the_flow_make_a_goods_claim(pipeline, text, goods):
    # a goods figure is never a claim about the whole flow, nor is a ranking word goods
    claim = next(c for c in pipeline.extract(text, published="2022-03-01").claims if c.trade is not None)
    assert claim.trade.commodity == goods and claim.trade.commodity_text != "largest"


def test_a_country_that_accounts_for_a_share_is_no_goods(pipeline):
    text = "Vietnam accounted for 60 percent of Laos's imports, at $1.2 billion in 2021."
    claims = [c for c in pipeline.extract(text, published="2022-03-01").claims if c.trade is not None]
    assert claims and all(c.trade.commodity is None and c.trade.commodity_text is None for c in claims)


def test_a_figure_of_named_goods_inside_a_flow_is_a_goods_claim(pipeline):
    # the goods follow the figure ("including $X of ..."): that figure is theirs, not the flow's
    text = "Laos exported $43 million of goods to Vietnam in 2021, including $20 million of coffee beans."
    claims = {c.amount: c for c in pipeline.extract(text, published="2022-03-01").claims if c.trade is not None}
    assert [(c.trade.commodity, c.trade.commodity_text) for c in claims.values()] == [(None, None), ("0901", "coffee beans")]


def test_goods_hung_on_the_partner_and_the_agent_of_a_goods_line(pipeline):
    text = ("Laos's imports from Vietnam of fertilizer came to $9 million in 2021, while overall imports "
            "rose to $228 million.")
    claims = [c for c in pipeline.extract(text, published="2022-03-01").claims if c.trade is not None]
    assert (claims[0].trade.from_, claims[0].trade.to, claims[0].trade.commodity) == ("VNM", "LAO", "31")
    assert (claims[1].trade.to, claims[1].trade.commodity) == ("LAO", None)   # Laos's overall imports


def test_a_coordinated_clause_keeps_its_own_period(pipeline):
    text = ("Laos's trade with Vietnam in the first half of 2022 climbed to $900 million, and in May "
            "alone it came to $170 million.")
    result = pipeline.extract(text, published="2024-09-01")
    period = {result.amounts[c.amount].text: result.periods[c.period].text for c in result.claims if c.trade}
    assert period == {"$900 million": "the first half of 2022", "$170 million": "May"}


@pytest.mark.parametrize("text, figure, flow", [
    # a relative clause on the figure is its own trade: Laos's imports, not its exports
    ("Laos's exports to Vietnam came to $40 million in 2023, about a third of the $120 million it imported.",
     "$120 million", ("VNM", "LAO")),
    # the indirect object of an export verb is who buys
    ("Vietnam sold Laos $120 million worth of goods in 2023.", "$120 million", ("VNM", "LAO")),
])
def test_who_exports_to_whom_in_a_relative_clause_and_a_double_object(pipeline, text, figure, flow):
    result = pipeline.extract(text, published="2024-03-01")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == figure)
    assert (claim.trade.from_, claim.trade.to) == flow


def test_a_trade_verb_in_a_relative_clause_dates_the_figure(pipeline):
    text = "The value of goods Vietnam shipped to Laos in May 2024 was $98 million."
    result = pipeline.extract(text, published="2024-07-01")
    claim = next(c for c in result.claims if c.trade)
    assert result.periods[claim.period].text == "May 2024" and not claim.inferred


def test_worth_is_not_a_word_of_the_goods(pipeline):
    text = "Laos imported 3,000 tonnes of fertilizer worth $1.2 million from Vietnam in May 2024."
    goods = {c.trade.commodity_text for c in pipeline.extract(text, published="2024-07-01").claims if c.trade}
    assert goods == {"fertilizer"}


@pytest.mark.parametrize("text, expected", [
    ("Laos's main exports to Vietnam were coffee and tea, worth $18 million in 2023, and cassava, which "
     "brought in $6 million.", {"$18 million": "coffee tea", "$6 million": "cassava"}),
    ("Laos exported natural rubber worth $30 million to Vietnam in 2023.", {"$30 million": "natural rubber"}),
])
def test_goods_right_before_worth_or_which_are_the_figure_s(pipeline, text, expected):
    result = pipeline.extract(text, published="2024-03-01")
    goods = {result.amounts[c.amount].text: c.trade.commodity_text for c in result.claims if c.trade}
    assert goods == expected


def test_a_trade_noun_with_a_trade_verb_shares_its_goods(pipeline):
    text = "Laos mainly exported coffee to Vietnam in May 2024, with shipments valued at $16.3 million."
    claim = next(c for c in pipeline.extract(text, published="2024-07-01").claims if c.trade)
    assert claim.trade.commodity == "0901"


def test_goods_lines_after_a_breakdown_by_destination_stay_the_story_s(pipeline):
    # the story is Peru's trade with the world: a goods line after the by-destination lines is a
    # claim, and about Peru's exports to the world, not to the last destination named
    text = ("Peru's exports rose 4 percent to $6.1 billion in May 2024, the ministry said. Exports to China "
            "fell 2 percent to $2.3 billion. Copper exports, however, climbed 9 percent to $2.5 billion.")
    result = pipeline.extract(text, published="2024-06-20")
    copper = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == "$2.5 billion")
    assert (copper.trade.from_, copper.trade.to, copper.trade.commodity_text) == ("PER", "WLD", "copper")


def test_the_first_days_of_a_month_with_a_singular_day():
    from extractor import extract
    result = extract("Auto exports rose 3 percent during the first 10 day of May 2024, the data showed.",
                     published="2024-05-22")
    assert [(str(p.from_), str(p.to)) for p in result.periods] == [("2024-05-01", "2024-05-10")]


def test_two_trade_verbs_with_their_own_objects_are_two_flows(pipeline):
    text = "Laos bought $307 million worth of goods from Vietnam and sold $84 million in the first quarter of 2024."
    result = pipeline.extract(text, published="2024-05-20")
    got = {result.amounts[c.amount].text: (c.trade.flow, c.trade.from_, c.trade.to) for c in result.claims}
    assert got == {"$307 million": ("directional", "VNM", "LAO"), "$84 million": ("directional", "LAO", "VNM")}


@pytest.mark.parametrize("text", [
    "The two governments plan to raise Laos's exports to Vietnam to $2 billion by 2027.",
    "Laos's exports to Vietnam are projected to reach $1.5 billion in 2026, the ministry said.",
    "Officials expect trade between Laos and Vietnam to hit $1 billion this year.",
    "Laos and Vietnam set a target of $2 billion in two-way trade by 2027.",
    "Laos and Vietnam agreed on Monday to lift their two-way trade to $2 billion by 2027.",
    "The deal put a ceiling on Laos's timber exports to Vietnam at $50 million a year.",
])
def test_goals_projections_and_caps_are_no_trade_claims(pipeline, text):
    result = pipeline.extract(text, published="2024-06-20")
    assert [c for c in result.claims if c.trade is not None] == []


def test_a_figure_that_beat_a_target_is_still_a_claim(pipeline):
    result = pipeline.extract("Laos's exports to Vietnam rose to $1 billion in 2023, beating the target.",
                              published="2024-06-20")
    assert [c.kind for c in result.claims] == ["trade_value"]


@pytest.mark.parametrize("text, reporter", [
    # the figures' reporter named only by its agency, or by the possessive of the clause's subject
    ("Exports rose 8 percent to $50 billion in October, according to Japan's Finance Ministry.", "JPN"),
    ("Exports fell 3 percent to $20 billion in October, South Korea's trade ministry said.", "KOR"),
    ("Malaysia saw its exports grow for a fifth month in April. Exports rose 7.3 percent to $27.4 billion.", "MYS"),
])
def test_whose_exports_a_bare_flow_is(pipeline, text, reporter):
    claims = [c for c in pipeline.extract(text, published="2024-11-20").claims if c.trade is not None]
    assert claims and all((c.trade.from_, c.trade.to) == (reporter, "WLD") for c in claims)
    assert all("parties" in c.inferred for c in claims)   # never read from the figure's own words


def test_a_firm_s_possessive_is_no_state_s(pipeline):
    text = "A French rival put its own purchases of the wigs at 2.5 million euros."
    assert [c for c in pipeline.extract(text, published="2024-11-20").claims if c.trade is not None] == []


@pytest.mark.parametrize("text", [
    "Trade between South and North Korea dropped 18 percent to $1.2 million in 2023.",
    "Trade between the two Koreas dropped 18 percent to $1.2 million in 2023.",
])
def test_the_two_koreas_named_in_one_phrase_are_the_pair(pipeline, text):
    claims = [c for c in pipeline.extract(text, published="2024-07-20").claims if c.trade is not None]
    assert [c.trade.between for c in claims] == [["KOR", "PRK"], ["KOR", "PRK"]]


def test_inbound_and_outbound_shipments_between_the_koreas(pipeline):
    # "the North" in a story that names only South Korea; a direction word sets the flow of its noun
    text = ("Outbound shipments from South Korea to the North fell to $1 million in May 2024, while "
            "inbound shipments from the North rose to $2 million.")
    result = pipeline.extract(text, published="2024-07-20")
    flows = {result.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in result.claims if c.trade}
    assert flows == {"$1 million": ("KOR", "PRK"), "$2 million": ("PRK", "KOR")}


def test_the_year_prior_after_from_is_the_change_s_base(pipeline):
    result = pipeline.extract("Laos's coffee exports to Vietnam climbed 6% from the year prior to $2.2 billion "
                              "in June.", published="2024-07-20")
    change = next(c for c in result.claims if c.kind == "trade_change")
    assert (result.periods[change.period].text, change.trade.basis) == ("June", "year_on_year")


@pytest.mark.parametrize("text, flows", [
    ("Laos's imports and exports rose 3 percent to $5 billion in May 2024.", {"total"}),
    ("Laos's import and export value rose 3 percent to $5 billion in May 2024.", {"total"}),
    ("Laos's exports and imports rose 5 percent and 3 percent, respectively, in May 2024.", {"directional"}),
])
def test_both_flows_with_one_figure_are_the_total(pipeline, text, flows):
    claims = [c for c in pipeline.extract(text, published="2024-09-20").claims if c.trade is not None]
    assert claims and {c.trade.flow for c in claims} == flows


def test_a_change_since_an_event_has_no_basis_to_guess(pipeline):
    result = pipeline.extract("Laos's exports to Vietnam have dropped by over 30 percent since the border "
                              "closure in 2022.", published="2024-09-20")
    change = next(c for c in result.claims if c.kind == "trade_change")
    assert change.trade.basis is None and "basis" not in change.inferred


def test_a_respectively_list_of_goods_gives_each_figure_its_goods(pipeline):
    text = "Peru's exports of copper and coffee rose 8 percent and 14 percent, respectively, in October 2024."
    result = pipeline.extract(text, published="2024-11-20")
    goods = {result.amounts[c.amount].text: c.trade.commodity_text for c in result.claims if c.trade}
    assert goods == {"8 percent": "copper", "14 percent": "coffee"}


@pytest.mark.parametrize("text, figure, flow", [
    # the subject of the main clause is the participle's
    ("Chile overtook Peru as the largest source of Bolivia's imports, shipping $4.7 billion worth of goods "
     "to Bolivia in 2023.", "$4.7 billion", ("CHL", "BOL")),
    # the country naming the goods is where they come from
    ("Bolivia's imports of Peruvian goods fell 20 percent to $1.9 billion in 2023.", "$1.9 billion", ("PER", "BOL")),
])
def test_the_exporter_of_a_participle_and_of_named_goods(pipeline, text, figure, flow):
    result = pipeline.extract(text, published="2024-03-01")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == figure)
    assert (claim.trade.from_, claim.trade.to) == flow


def test_a_trade_share_is_no_flow(pipeline):
    text = "Laos's trade dependence on Vietnam rose over sixfold between 2005 and 2020, a think tank said."
    assert [c for c in pipeline.extract(text, published="2024-03-01").claims if c.trade is not None] == []


@pytest.mark.parametrize("text, flow, period", [
    ("Peru recorded exports of $6.4 billion in May 2024.", ("PER", "WLD"), "May 2024"),
    ("Peru posted imports worth $5.1 billion in May 2024.", ("WLD", "PER"), "May 2024"),
    # the year is the span the superlative is highest in; the month is the figure's
    ("Peru saw its highest monthly export value of $7.3 billion this year in August.", ("PER", "WLD"), "August"),
])
def test_the_subject_of_a_verb_of_recording_trades(pipeline, text, flow, period):
    result = pipeline.extract(text, published="2024-10-20")
    claim = next(c for c in result.claims if c.trade)
    assert ((claim.trade.from_, claim.trade.to), result.periods[claim.period].text) == (flow, period)


def test_a_month_s_figure_ranked_over_the_year_keeps_the_story_s_month(pipeline):
    """'the highest monthly value of $X this year': a month's figure, ranked over the year; the year
    is the period of neither that figure, nor the sentence's other figures, nor the sentences after."""
    text = ("Peru's exports fell 3.9 percent in August on a year earlier. Copper shipments posted the highest "
            "monthly value of $2.6 billion this year, while zinc rose 4 percent. Gold exports climbed 8 percent.")
    result = pipeline.extract(text, published="2024-09-15")
    months = {result.amounts[c.amount].text: (str(result.periods[c.period].from_), str(result.periods[c.period].to))
              for c in result.claims if c.trade and c.period is not None}
    assert {k: months[k] for k in ("$2.6 billion", "4 percent", "8 percent")} == dict.fromkeys(
        ("$2.6 billion", "4 percent", "8 percent"), ("2024-08-01", "2024-08-31"))


def test_a_time_a_figure_is_before_is_not_its_period_nor_the_story_s(pipeline):
    text = ("Laos's exports to Vietnam were worth $60 million in October 2024, far below the levels the two "
            "countries traded before 2019. In the first ten months of the year, trade came to $700 million.")
    result = pipeline.extract(text, published="2024-11-20")
    spans = {result.amounts[c.amount].text: (str(result.periods[c.period].from_), str(result.periods[c.period].to))
             for c in result.claims if c.trade and c.period is not None}
    assert spans["$700 million"] == ("2024-01-01", "2024-10-31")


def test_two_way_is_no_goods(pipeline):
    text = "Laos bought $72 million worth of Vietnamese goods in May 2024, about 80 percent of the $90 million two-way trade."
    claims = [c for c in pipeline.extract(text, published="2024-07-01").claims if c.trade is not None]
    assert claims and all(c.trade.commodity_text is None for c in claims)


def test_singular_goods_modifiers_name_the_goods(pipeline):
    text = "Laos's wig and false eyelash exports to Vietnam reached $16 million in 2023."
    claim = next(c for c in pipeline.extract(text, published="2024-03-01").claims if c.trade)
    assert claim.trade.commodity == "6704"


@pytest.mark.parametrize("text", [
    "Laos-Vietnam Trade Jumps 34% in September",       # a title-case headline the tagger reads as a name
    "N. Korea-China trade jumped 34% in September.",   # two countries the tagger joins into one name
])
def test_two_countries_joined_by_a_hyphen_are_a_pair_not_a_name(pipeline, text):
    result = pipeline.extract(text, published="2025-10-20")
    assert [c.trade.between for c in result.claims if c.trade] == [sorted({"LAO", "VNM"} if "Laos" in text else {"CHN", "PRK"})]


@pytest.mark.parametrize("text, reporter", [
    ("Chile saw a fifth straight monthly rise in exports in May. Exports grew by 4.2 percent year-on-year, "
     "reaching $8.1 billion.", "CHL"),
    ("The Peruvian merchandise trade gap narrowed in May. Exports of goods increased 1.5 percent in May "
     "to $6.2 billion.", "PER"),
])
def test_the_reporter_of_a_release_named_in_its_figure_less_opening(pipeline, text, reporter):
    claims = [c for c in pipeline.extract(text, published="2024-07-01").claims if c.trade is not None]
    assert claims and all((c.trade.from_, c.trade.to) == (reporter, "WLD") for c in claims)


def test_mutual_is_no_goods(pipeline):
    text = "The mutual trade volume between Laos and Vietnam reached $1.1 billion in 2023."
    claims = [c for c in pipeline.extract(text, published="2024-07-01").claims if c.trade is not None]
    assert claims and all(c.trade.commodity_text is None for c in claims)


@pytest.mark.parametrize("text,goods", [
    ("Chile and Peru traded goods and services worth $310.5 million in 2023.", "goods and services"),
    ("Total trade in goods and services between Chile and Peru reached $310.5 million in 2023.",
     "goods and services"),
    ("Chile's services exports to Peru rose to $310.5 million in 2023.", "services"),
])
def test_services_are_not_the_merchandise_customs_count(pipeline, text, goods):
    """Customs figures are merchandise: trade in services, or in goods and services together, is
    another aggregate, named as written and never read as all goods."""
    claims = [c for c in pipeline.extract(text, published="2024-07-01").claims if c.trade is not None]
    assert claims and all(c.trade.commodity_text == goods and c.trade.commodity is None for c in claims)


def test_goods_flows_are_not_checked_against_a_goods_and_services_total(pipeline):
    text = ("Total trade in goods and services between India and Brazil reached $30.5 billion in 2023, the embassy "
            "said. India's services exports to Brazil were $7.4 billion. India's goods exports to Brazil totalled "
            "$9.6 billion in 2023 and its imports from Brazil $8.6 billion.")
    assert consistency_of(pipeline.extract(text, published="2024-03-10")) == []


def test_a_pair_named_as_the_subject_frames_the_story(pipeline):
    text = "The two Koreas recorded brisk cross-border trade last year. Bilateral trade rose 21 percent to $1.7 billion."
    claims = [c for c in pipeline.extract(text, published="2024-06-20").claims if c.trade is not None]
    assert claims and all(c.trade.between == ["KOR", "PRK"] for c in claims)


def test_prices_are_no_trade_values(pipeline):
    text = "Laos's coal exports averaged $95.20 a tonne in March 2024, up from $91.10 in February."
    assert [c for c in pipeline.extract(text, published="2024-06-20").claims if c.trade is not None] == []


def test_a_yearly_rate_of_trade_stays_a_claim(pipeline):
    claims = pipeline.extract("Laos exported coal worth $500 million a year to Vietnam.", published="2024-06-20").claims
    assert [c.kind for c in claims] == ["trade_value"]


def test_singular_goods_modifiers_of_each_clause(pipeline):
    text = ("Peru's ship exports rose 20 percent to $2 billion in August 2024, and its petroleum product "
            "exports fell 5 percent to $4 billion.")
    result = pipeline.extract(text, published="2024-09-01")
    codes = {result.amounts[c.amount].text: c.trade.commodity for c in result.claims if c.trade}
    assert codes == {"20 percent": "8901", "$2 billion": "8901", "5 percent": "2710", "$4 billion": "2710"}


@pytest.mark.parametrize("goods, code", [("ventilator", "9019"), ("tire", "4011"), ("wig", "6704")])
def test_goods_are_found_in_either_number(pipeline, goods, code):
    text = f"Peru's {goods} imports from Chile rose to $2 million in 2023."
    claim = next(c for c in pipeline.extract(text, published="2024-09-01").claims if c.trade)
    assert claim.trade.commodity == code


def _changes(pipeline, text: str, published: str) -> dict[str, tuple]:
    result = pipeline.extract(text, published=published)
    return {result.amounts[c.amount].text: (c.kind, c.trade.from_, c.trade.to, c.trade.basis,
                                            str(result.periods[c.period].from_)[:7] if c.period is not None else None)
            for c in result.claims if c.trade is not None}


@pytest.mark.parametrize("text, earlier", [
    ("Peru's exports rose 6.2 percent in May on a year earlier, slowing from 8.7 percent in April.", "8.7 percent"),
    ("Peru's exports rose 6.2 percent in May on a year earlier, down from 8.7 percent in April.", "8.7 percent"),
    ("Peru's exports rose 6.2 percent in May on a year earlier, quickening from a 8.7 percent "
     "year-on-year gain in April.", "8.7 percent"),
])
def test_a_change_compared_with_an_earlier_rate(pipeline, text, earlier):
    """The rate a change slowed or quickened from is the same flow's change in the earlier month,
    with the same comparison: neither a level nor the base of this month's change."""
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["6.2 percent"] == ("trade_change", "PER", "WLD", "year_on_year", "2024-05")
    assert claims[earlier] == ("trade_change", "PER", "WLD", "year_on_year", "2024-04")


def test_a_possessive_period_dates_the_earlier_rate_and_states_no_basis(pipeline):
    text = ("Peru's exports rose 6.2 percent in May on a year earlier. "
            "Peru's imports grew 3 percent in May, easing from the previous month's 4.4 percent.")
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["3 percent"][3] == claims["4.4 percent"][3] == "year_on_year"
    assert claims["3 percent"][4] == "2024-05" and claims["4.4 percent"][4] == "2024-04"


def test_a_move_between_two_rates_of_a_share_is_no_earlier_rate(pipeline):
    text = "Peru's exports rose 6.2 percent in May, while the share of copper fell from 40 percent to 38 percent."
    result = pipeline.extract(text, published="2024-06-20")
    assert {a.text: a.change for a in result.amounts}["40 percent"] is None


def test_a_basis_between_the_figure_and_its_change_noun(pipeline):
    text = ("Peru's exports rose 1.1 percent in May from the previous month, quickening from a "
            "0.8 percent month-on-month gain in April.")
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["0.8 percent"] == ("trade_change", "PER", "WLD", "period_on_period", "2024-04")


@pytest.mark.parametrize("link", ["after", "following"])
def test_the_month_of_the_change_a_figure_follows_is_that_change_s(pipeline, link):
    text = (f"Peru's exports rose 6.2 percent in May. Peru's imports fell 2 percent, {link} a 1.5 percent "
            "drop in April. Peru's imports from Chile fell 4 percent.")
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["2 percent"][4] == claims["4 percent"][4] == "2024-05"
    assert claims["1.5 percent"][4] == "2024-04"


@pytest.mark.parametrize("topic", ["trade tensions", "a trade war", "trade talks", "a trade deal"])
def test_what_trade_is_about_frames_no_flow(pipeline, topic):
    """'trade tensions between Canada and Mexico' is a topic: the bare flows after it are still the
    story's reporter's with the world."""
    text = (f"Japan's exports fell for a sixth month in May, the government said. Analysts blamed {topic} "
            "between the United States and China. Exports fell 4.1 percent from a year earlier. Imports fell 2 percent.")
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["4.1 percent"][1:3] == ("JPN", "WLD") and claims["2 percent"][1:3] == ("WLD", "JPN")


def test_an_agency_stating_a_balance_names_the_story_s_reporter(pipeline):
    text = ("The trade deficit in May came to 400 billion yen, Japan's Ministry of Finance said. "
            "Exports fell 4.1 percent from a year earlier.")
    claim = _changes(pipeline, text, "2024-06-20")["4.1 percent"]
    assert claim[1:3] == ("JPN", "WLD")


def test_a_figure_recalled_for_comparison_does_not_date_the_story(pipeline):
    """On an undated page, 'climbed back to the $95 million figure for the third quarter of 2021' names
    another period's figure; the flows after it keep the story's own (unresolved) months."""
    text = ("In January-March, Peru's exports to Chile rose to $80 million from $40 million a year earlier, and "
            "climbed back to the $95 million figure for the third quarter of 2021. Imports doubled from a "
            "year earlier to $12 million.")
    result = pipeline.extract(text)
    period = {result.amounts[c.amount].text: result.periods[c.period].text for c in result.claims if c.trade}
    assert period["$95 million"] == "the third quarter of 2021"
    assert period["$12 million"] == period["doubled"] == "January-March"


def test_a_figure_below_another_period_s_does_not_date_the_story(pipeline):
    text = ("In January-March, Peru's exports to Chile rose to $80 million, still below the level of $95 million "
            "in the third quarter of 2021. Imports doubled from a year earlier to $12 million.")
    result = pipeline.extract(text)
    period = {result.amounts[c.amount].text: result.periods[c.period].text for c in result.claims if c.trade}
    assert period["$12 million"] == "January-March"


def test_a_description_refers_to_the_previous_sentences_subject(pipeline):
    """'the impoverished state' is the state the story's last sentences were about (their subject),
    not a state named as the origin of goods."""
    text = ("Laos's trade with Vietnam fell last year, the agency said. Laos bought 9,000 tons of Vietnamese rice in "
            "March. The impoverished country's exports fell 12 percent to $90 million in 2023.")
    result = pipeline.extract(text, published="2024-04-01")
    assert next(a.id for a in result.actors if a.text == "The impoverished country") == "LAO"
    assert _changes(pipeline, text, "2024-04-01")["12 percent"][1] == "LAO"


@pytest.mark.parametrize("text, expected", [
    ("Laos brought in 9,000 tons of Thai rice in March 2024.", ("THA", "LAO")),
    ("Peru took in 4,600 tonnes of Chilean corn in May 2024.", ("CHL", "PER")),
])
def test_phrasal_trade_verbs(pipeline, text, expected):
    claim = next(c for c in pipeline.extract(text, published="2024-06-20").claims if c.trade)
    assert (claim.trade.from_, claim.trade.to) == expected


def test_money_brought_in_is_earnings_not_imports(pipeline):
    text = "Peru's exports to Chile rose 5 percent in May 2024. The copper sale brought in $3 million."
    claims = _changes(pipeline, text, "2024-06-20")
    assert "$3 million" not in claims


def test_a_description_in_an_object_goes_by_mentions(pipeline):
    """'Asia's fourth-largest economy sold $2 billion of goods to the isolated country': a description
    that is not a subject is not the previous subject (the seller), but the state most talked about."""
    text = ("Vietnam's exports rose in May. Shipments to Laos and purchases by Laos both grew, the "
            "ministry said. The data showed that $2 billion of goods went to the isolated country.")
    result = pipeline.extract(text, published="2024-04-01")
    assert next(a.id for a in result.actors if a.text == "the isolated country") == "LAO"


def test_a_lead_s_possessive_and_the_reporter_s_totals_with_the_world(pipeline):
    """'Laos's trade dependency on Vietnam keeps rising while its exports shrink': 'its' is Laos (the
    subject's possessor); the total, exports and imports after it are Laos's with the world, each
    noun with its own figure ('exports worth $X and imports worth $Y')."""
    text = ("Laos's trade dependency on Vietnam keeps rising while its exports have shrunk, data showed.\n\n"
            "Its overall trade volume for last year stood at $2.3 billion, with exports worth $415 million and "
            "imports worth $1.9 billion.")
    result = pipeline.extract(text, published="2020-05-07")
    parties = {result.amounts[c.amount].text: (c.trade.flow, c.trade.from_, c.trade.to, c.trade.between)
               for c in result.claims if c.trade}
    assert parties == {"$2.3 billion": ("total", None, None, ["LAO", "WLD"]),
                       "$415 million": ("directional", "LAO", "WLD", None),
                       "$1.9 billion": ("directional", "WLD", "LAO", None)}


def test_both_flows_with_one_figure_are_still_the_total(pipeline):
    claim = next(c for c in pipeline.extract("Laos's imports and exports rose to $5 billion in 2023.",
                                             published="2024-02-01").claims if c.trade)
    assert claim.trade.flow == "total"


@pytest.mark.parametrize("second, amount", [
    ("These imports cost $3.2 billion.", "$3.2 billion"),
    ("Imports for the January-May period came to 30 million tonnes.", "30 million tonnes"),
])
def test_a_flow_referring_back_keeps_the_goods_as_inferred(pipeline, second, amount):
    text = f"Japan's LNG imports rose 5 percent to 6.1 million tonnes in May. {second}"
    result = pipeline.extract(text, published="2024-06-20")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == amount)
    assert claim.trade.commodity == "2711" and "goods" in claim.inferred


def test_goods_referred_to_as_such_goods_are_those_the_sentence_before_names(pipeline):
    """'Metals, led by copper, made up most of that trade. ... trade in such goods ...': the goods
    named before (with no figure of their own), never all goods -- so no 'same figure' flag against
    the pair's total."""
    text = ("Peru and Chile traded goods worth 30 billion euros in 2024. Metals, led by copper, made up most of "
            "that trade. The two countries' trade in such goods reached 21 billion euros last year, a rise of "
            "6 percent.")
    result = pipeline.extract(text, published="2025-02-01")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == "21 billion euros")
    assert "metals" in claim.trade.commodity_text and "goods" in claim.inferred
    assert consistency_of(result) == []


def test_goods_referred_to_with_nothing_named_before_stay_a_part(pipeline):
    """'trade in these products' with no goods named before: the words as written, a part of the flow."""
    text = ("Peru and Chile traded goods worth 30 billion euros in 2024. The two countries' trade in these "
            "products came to 21 billion euros last year.")
    result = pipeline.extract(text, published="2025-02-01")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == "21 billion euros")
    assert claim.trade.commodity_text == "these products"


def test_a_bare_money_flow_after_a_goods_line_is_not_those_goods(pipeline):
    text = "Japan's LNG imports rose 5 percent to 6.1 million tonnes in May. Imports fell 2 percent to $60 billion."
    result = pipeline.extract(text, published="2024-06-20")
    claim = next(c for c in result.claims if c.trade and result.amounts[c.amount].text == "$60 billion")
    assert claim.trade.commodity is None


@pytest.mark.parametrize("sentence, amount", [
    ("Peru's imports fell 6.5% in May, more than the expected 2.9% decrease.", "2.9%"),
    ("Peru's exports rose 3% in May, below an expected increase of 5.8%.", "5.8%"),
    ("Peru and Chile set a goal of raising their trade to $20 billion by 2026.", "$20 billion"),
    ("Trade between Peru and Chile is on track to surpass $20 billion this year.", "$20 billion"),
    ("Chile will slap 10% duties on an extra $5 billion of Peruvian imports.", "$5 billion"),
    ("Chile imposed tariffs on $2 billion of imports from Peru in May.", "$2 billion"),
    # an object's infinitive after a verb of expecting; a forecast's figure after 'was for'; a change
    # a participle of predicting qualifies; a verb of aiming as it stands; 'set to'
    ("Peru's exports rose 3% in May. Analysts had expected exports to drop 1.5 per cent.", "1.5 per cent"),
    ("Peru's exports rose 3% in May. The median estimate of economists was for a 4% gain in exports.", "4%"),
    ("Peru's exports rose 3% in May, compared with a 4.4% gain predicted by economists.", "4.4%"),
    ("Peru's exports rose 3% in May. The ministry targets exports of $70 billion this year.", "$70 billion"),
    ("Peru's exports rose 3% in May. Exports are set to reach $80 billion by 2026.", "$80 billion"),
])
def test_forecasts_goals_and_tariff_coverage_are_no_trade_figures(pipeline, sentence, amount):
    result = pipeline.extract(sentence, published="2024-06-20")
    assert [c.kind for c in result.claims if result.amounts[c.amount].text == amount] == ["quantity"]


def test_the_figure_beside_an_expectation_is_still_a_claim(pipeline):
    result = pipeline.extract("Peru's imports fell 6.5% in May, more than the expected 2.9% decrease.",
                              published="2024-06-20")
    assert [c.kind for c in result.claims if result.amounts[c.amount].text == "6.5%"] == ["trade_change"]
    # a record set is a fact, not a goal
    result = pipeline.extract("Peru's exports set a record of $9 billion in May.", published="2024-06-20")
    assert [c.kind for c in result.claims] == ["trade_value"]


def test_a_change_noun_sizes_the_flow_it_is_in(pipeline):
    """'lifted by a 25% rise in exports': the flow the change noun is 'in' is the figure's, though the
    sentence's subject is a balance."""
    result = pipeline.extract("Peru's trade surplus widened in May, lifted by a 25% rise in exports. Chile's trade "
                              "surplus narrowed in May, dragged down by a 14% jump in imports.", published="2024-06-20")
    got = {result.amounts[c.amount].text: (c.kind, c.trade.from_ if c.trade else None, c.trade.to if c.trade else None)
           for c in result.claims}
    assert got == {"25%": ("trade_change", "PER", "WLD"), "14%": ("trade_change", "WLD", "CHL")}


@pytest.mark.parametrize("link", ["after a 5.2% fall in the previous month", "recovering from a 5.2% drop in the previous month",
                                  # the earlier change's time after a participle saying it was seen, and a
                                  # change the figure is set against
                                  "easing from a 5.2% fall seen in the previous month",
                                  "steeper than the 5.2% drop recorded a month earlier",
                                  "steeper than the 5.2% drop in June"])
def test_the_change_a_figure_follows_keeps_its_own_month_and_lends_no_basis(pipeline, link):
    text = (f"Peru's exports rose 3.3% year-on-year to $22 billion in July. Imports declined by 5.6% to $17 billion, "
            f"{link}.")
    claims = _changes(pipeline, text, "2024-08-10")
    assert claims["5.6%"][3:] == ("year_on_year", "2024-07")
    assert claims["5.2%"][4] == "2024-06"


def test_a_change_word_after_an_article_is_a_noun_whatever_its_tag(pipeline):
    amounts = pipeline.extract("Peru's shipments slid 9.7 percent in May following a 6.1 percent decline "
                               "the previous month.", published="2024-08-10").amounts
    assert {a.text: a.change for a in amounts}["6.1 percent"] == "down"


def _relations(pipeline, text):
    result = pipeline.extract(text, published="2024-05-10")
    return [(c.comparison.relation, result.periods[c.comparison.reference_period].text)
            for c in result.claims if c.kind == "comparison"]


@pytest.mark.parametrize("text", [
    "Vietnam became Peru's biggest trading partner in the third quarter of 2024.",
    "India was Nepal's second largest trading partner in 2023.",
    "Mongolia's overseas trade shrank at least six percent in 2023.",
])
def test_ranks_and_bounds_are_no_superlatives_over_time(pipeline, text):
    assert _relations(pipeline, text) == []


def test_the_highest_since_at_least_a_year(pipeline):
    assert _relations(pipeline, "Peru's copper exports rose 19% in March, their highest since at least 2014.") \
        == [("highest_since", "2014")]


def test_shipments_from_a_supplier_go_to_the_story_s_reporter(pipeline):
    """In a story about Peru's copper imports, 'Shipments from Chile rose to 1.2 million tonnes, up
    7.6%' are Chile's to Peru, of copper (one clause's figures are of the same goods), and the
    story's later bare imports are Peru's again."""
    text = ("Peru's copper imports rose 5% in April. Shipments from Chile rose to 1.2 million tonnes in April, "
            "up 7.6%. Copper imports from Bolivia fell 4% to 0.3 million tonnes.")
    claims = {k: v[:3] for k, v in _changes(pipeline, text, "2024-05-20").items()}
    assert claims["1.2 million tonnes"][1:] == claims["7.6%"][1:] == ("CHL", "PER")
    assert claims["0.3 million tonnes"][1:] == ("BOL", "PER")
    result = pipeline.extract(text, published="2024-05-20")
    goods = {result.amounts[c.amount].text: c.trade.commodity for c in result.claims if c.trade}
    assert goods["1.2 million tonnes"] == goods["7.6%"] == "74"


def test_a_tonnage_in_a_sentence_with_its_own_goods_takes_no_carried_goods(pipeline):
    text = "Peru's copper imports rose 5% in April. Chile was the main supplier of wheat, with 1.9 million tons."
    result = pipeline.extract(text, published="2024-05-20")
    assert all(c.trade is None or c.trade.commodity != "74" for c in result.claims
               if result.amounts[c.amount].text == "1.9 million tons")


def test_a_written_list_of_goods_pairs_with_the_respective_figures(pipeline):
    text = ("Peru's ships, automobiles and wind turbine exports to Chile grew by 12.6 percent, 27.9 percent "
            "and 140.6 percent on a year earlier, respectively, in the first half of 2024.")
    result = pipeline.extract(text, published="2024-07-20")
    goods = {result.amounts[c.amount].text: (c.trade.commodity, c.trade.commodity_text) for c in result.claims if c.trade}
    assert goods["12.6 percent"][0] == "8901" and goods["27.9 percent"][0] == "8703"
    assert "wind turbine" in goods["140.6 percent"][1]


def test_the_possessor_of_coordinated_flows_and_cross_border_trade(pipeline):
    text = ("Chile's exports rose 5% in May. In May, the total value of Peru's imports and exports was $12 billion. "
            "Kenya's cross-border exports to Uganda dropped 11 percent in May.")
    result = pipeline.extract(text, published="2024-06-20")
    claims = {result.amounts[c.amount].text: c.trade for c in result.claims if c.trade}
    assert claims["$12 billion"].between == ["PER", "WLD"] and "parties" not in next(
        c.inferred for c in result.claims if result.amounts[c.amount].text == "$12 billion")
    assert claims["11 percent"].commodity_text is None


def test_a_figure_dated_right_after_it_keeps_that_date_inside_a_when_clause(pipeline):
    text = "Peru's exports to Chile fell to $15 million in April when the border closed and amounted to $175 million in June."
    claims = _changes(pipeline, text, "2024-07-20")
    assert claims["$15 million"][4] == "2024-04" and claims["$175 million"][4] == "2024-06"


def test_the_same_period_of_a_year_is_a_base_not_the_sentence_s_year(pipeline):
    text = ("Peru's copper exports to Chile rose 2.4 fold to 9,800 tons in the first three months, up from the "
            "4,050 tons shipped in the same three-month period in 2015.")
    claims = _changes(pipeline, text, "2016-04-20")
    assert claims["2.4 fold"][4] == claims["9,800 tons"][4] == "2016-01"


def test_a_title_case_headline_with_a_past_tense_verb_and_a_half_year(pipeline):
    text = "Peru-Chile Trade Rose 17.8% YoY in 1H\n\nPeru's exports to Chile rose 8% in the first half."
    result = pipeline.extract(text, published="2024-08-01")
    claim = next(c for c in result.claims if result.amounts[c.amount].text == "17.8%")
    assert claim.kind == "trade_change" and claim.trade.between == ["CHL", "PER"]
    assert result.periods[claim.period].text == "1H" and str(result.periods[claim.period].to) == "2024-06-30"
    assert [a.text for a in result.amounts] == ["17.8%", "8%"]   # '1H' is no amount


def test_a_gap_between_two_states_is_no_flow_and_a_tonnage_change_is_a_change(pipeline):
    text = ("Japan imported 4.1 million tonnes of LNG in May, about 0.6 million tonnes more than China. "
            "Japan's LNG imports rose by 300,000 tonnes in June.")
    result = pipeline.extract(text, published="2024-07-20")
    kinds = {result.amounts[c.amount].text: c.kind for c in result.claims}
    assert kinds == {"4.1 million tonnes": "trade_value", "about 0.6 million tonnes": "quantity",
                     "300,000 tonnes": "trade_change"}


def test_a_goods_line_naming_no_state_continues_a_series_of_the_same_goods(pipeline):
    text = ("Laos's rice imports from Thailand reached $39 million from January to April.\n\n"
            "The rice purchases for May to August 2023 were worth $11 million. "
            "The coal purchases for May to August 2023 were worth $5 million.")
    result = pipeline.extract(text, published="2024-06-20")
    claims = {result.amounts[c.amount].text: c for c in result.claims}
    assert claims["$11 million"].kind == "trade_value" and "parties" in claims["$11 million"].inferred
    assert (claims["$11 million"].trade.from_, claims["$11 million"].trade.to) == ("THA", "LAO")
    assert claims["$5 million"].kind == "quantity"   # other goods: whose, the sentence does not say


def test_the_flows_a_balance_with_a_partner_is_made_of(pipeline):
    text = ("Peru's exports rose 5.6 percent to $24 billion in March. Peru's trade deficit with Japan "
            "widened 31 percent in March to $2.44 billion, with exports reaching $3.81 billion.")
    claims = _changes(pipeline, text, "2022-05-05")
    assert claims["$3.81 billion"][:3] == ("trade_value", "PER", "JPN")


def test_the_last_clause_of_a_list_of_destinations_keeps_its_own(pipeline):
    text = ("Peru's exports fell 14 percent in May. Sales to China, Peru's top buyer, were down 12 "
            "percent, exports to Brazil declined 9 percent and shipments to Japan lost 23 percent.")
    claims = _changes(pipeline, text, "2024-06-20")
    assert claims["9 percent"][2] == "BRA" and claims["23 percent"][2] == "JPN"


def test_over_a_span_is_the_span_a_change_took(pipeline):
    text = ("Peru's exports to Chile rose 5% in September. Over the first seven months, Peru's trade with "
            "Chile grew 11% to $61 billion.")
    claims = _changes(pipeline, text, "2024-10-20")
    assert claims["11%"][4] == claims["$61 billion"][4] == "2024-01"


def test_suppliers_in_an_import_story(pipeline):
    """'Vietnam imported 4.1 million tonnes of rice, with Cambodia selling 1.6 million tonnes, followed
    by Laos, which placed 0.9 million tonnes': each supplier's sale is to the importer; 'arrivals from
    Thailand' and '18% more rice from Myanmar' are imports from them."""
    text = ("Vietnam imported 4.1 million tonnes of rice in 2022, with Cambodia selling 1.6 million tonnes, "
            "followed by Laos, which placed 0.9 million tonnes in the market. Vietnam imported 18% more rice "
            "from Myanmar in 2022. Arrivals from Thailand climbed 12% to 3.4-million tonnes in 2022.")
    claims = _changes(pipeline, text, "2023-02-10")
    assert claims["1.6 million tonnes"][1:3] == ("KHM", "VNM")
    assert claims["0.9 million tonnes"][1:3] == ("LAO", "VNM")
    assert claims["18%"][:3] == ("trade_change", "MMR", "VNM")
    assert claims["3.4-million tonnes"][1:3] == ("THA", "VNM")


@pytest.mark.parametrize("text, parties", [
    ("Peru's exports to Mercosur rose 3% in May 2024.", ("PER", "Mercosur")),
    ("Japan shipped cars worth $3 billion to Haiti in 2023.", ("JPN", "HTI")),
    ("Brunei's exports to Papua New Guinea rose 5% in 2023.", ("BRN", "PNG")),
])
def test_every_state_and_the_common_blocs_are_partners(pipeline, text, parties):
    claim = next(c for c in pipeline.extract(text, published="2024-06-20").claims if c.trade)
    assert (claim.trade.from_, claim.trade.to) == parties


def test_its_neighbour_after_a_pronoun_subject_is_the_topic_s_neighbour(pipeline):
    text = "Chinese sales to North Korea climbed to $118 million in March. It also shipped $3 million of tea to its neighbour."
    claims = _changes(pipeline, text, "2024-04-20")
    assert claims["$3 million"][1:3] == ("CHN", "PRK")


@pytest.mark.parametrize("text", [
    "Peru and Chile set a goal to achieve $50 billion in trade by 2026.",
    "Japan supplied rice worth $18 million to Haiti in 2023 through the World Food Programme.",
])
def test_goals_and_aid_are_no_trade(pipeline, text):
    assert all(c.kind == "quantity" for c in pipeline.extract(text, published="2024-06-20").claims)


def test_a_lead_s_its_past_a_dateline_and_a_speaker(pipeline):
    """'SEOUL, July 1 -- Peru reported a surplus, but its outbound shipments fell ..., the ministry
    said': 'its' is Peru's (not the dateline's city nor the speaker), and the bare flows after it are
    Peru's with the world."""
    text = ("LIMA, Aug 2 -- Peru posted a trade surplus in July after five months of deficits, but its "
            "outbound shipments shrank for a fourth month on soft copper demand, the "
            "ministry said Friday.\n\nOutbound shipments shrank 3 percent on-year to US$6.18 billion last month.")
    claims = _changes(pipeline, text, "2023-08-02")
    assert claims["3 percent"][:3] == ("trade_change", "PER", "WLD")
    assert claims["US$6.18 billion"][:3] == ("trade_value", "PER", "WLD")


def test_the_parts_of_a_flow_just_stated(pipeline):
    """'Of the imports, wheat took up the largest share of 1,140 tons, trailed by barley with 930
    tons': each is the goods of the flow the sentence before stated, even past a credit line."""
    text = ("North Korea imported 5,000 tons of food from China in April.\n\n(Yonhap)\n\n"
            "Of the imports, wheat took up the largest share of 1,140 tons, trailed by barley with 930 tons.")
    result = pipeline.extract(text, published="2024-05-20")
    claims = {result.amounts[c.amount].text: c.trade for c in result.claims if c.trade}
    assert (claims["1,140 tons"].from_, claims["1,140 tons"].to, claims["1,140 tons"].commodity) == ("CHN", "PRK", "1001")
    assert claims["930 tons"].commodity == "1003"


def test_a_supplier_with_a_figure_names_no_goods(pipeline):
    text = "China imported 95 million tons of soybeans in 2017. Brazil was the main supplier with 50 million tons."
    result = pipeline.extract(text, published="2018-02-20")
    assert all(c.trade is None or c.trade.commodity_text != "supplier" for c in result.claims)


def test_the_period_naming_the_noun_a_figure_is_of(pipeline):
    text = ("Peru's exports rose in April. Peru's April exports were $2.3 billion more than March exports of "
            "$84.7 billion.")
    claims = _changes(pipeline, text, "2024-06-05")
    assert claims["$84.7 billion"][4] == "2024-03"


def test_the_comparison_written_right_after_each_figure(pipeline):
    claims = _changes(pipeline, "Peru's exports in May were up 12% y/y and up 4% m/m.", "2024-06-20")
    assert claims["12%"][3] == "year_on_year" and claims["4%"][3] == "period_on_period"


def test_the_short_comparisons_on_month_and_on_year(pipeline):
    claims = _changes(pipeline, "Peru's copper imports nearly halved on month in May, while zinc imports rose 9% "
                                "on year.", "2024-06-20")
    assert claims["nearly halved"][3] == "period_on_period" and claims["9%"][3] == "year_on_year"


def test_the_first_days_of_a_month_after_from_are_the_span_itself(pipeline):
    text = ("Taiwan's exports rose 9 percent on-year over the first ten days of June. In May, exports had climbed "
            "3 percent to $40 billion. Display exports jumped 21 percent to $2.1 billion from June 1-10. "
            "Exports of bicycles fell 4 percent on-year to $90 million.")
    claims = _changes(pipeline, text, "2024-06-12")
    assert claims["21 percent"][4] == "2024-06" and claims["4 percent"][4] == "2024-06"


def test_a_period_named_by_a_participle_on_a_noun_of_time_is_the_story_s(pipeline):
    text = ("Ghana sold more goods to Togo than to any other country in the region in the period running from "
            "January to June 2019. Exports to Togo stood at $1.5 billion compared to $908.7 million in 2018.")
    claims = _changes(pipeline, text, "2019-08-01")
    assert claims["$1.5 billion"][4] == "2019-01" and claims["$908.7 million"][4] == "2018-01"


def test_abbreviated_comparisons_end_their_sentence_and_name_their_basis(pipeline):
    text = ("Peruvian fishmeal exports rose to 210KT in March, up 4.1% m-o-m and up 9.3% y-o-y. Shipments to "
            "Vietnam increased to 60KT, down 20KT or 25% Y-o-Y.")
    r = pipeline.extract(text, published="2024-04-20")
    got = {r.amounts[c.amount].text: c for c in r.claims if c.trade is not None}
    assert got["4.1%"].trade.basis == "period_on_period" and got["9.3%"].trade.basis == "year_on_year"
    # the sentence ends after "y-o-y.": the next one's partner and basis are its own
    assert got["60KT"].trade.to == "VNM" and got["25%"].trade.basis == "year_on_year"
    assert r.amounts[got["25%"].amount].change == "down" and r.amounts[got["60KT"].amount].unit == "kilotonne"
    # the story's goods go on in the partner's sentence
    assert got["60KT"].trade.commodity_text == got["210KT"].trade.commodity_text


def test_changes_listed_by_market_each_go_to_their_own(pipeline):
    text = "Morocco's exports grew by 18.2% to Spain, 6.5% to France and 11% to Italy in January-June 2023."
    claims = _changes(pipeline, text, "2023-08-01")
    assert [claims[a][:3] for a in ("18.2%", "6.5%", "11%")] == [
        ("trade_change", "MAR", "ESP"), ("trade_change", "MAR", "FRA"), ("trade_change", "MAR", "ITA")]


def test_a_change_to_a_level_names_no_market(pipeline):
    claims = _changes(pipeline, "Morocco's exports grew 5% to $3 billion in May.", "2023-08-01")
    assert claims["5%"][1:3] == ("MAR", "WLD")


def test_a_balance_so_far_does_not_move_a_monthly_story(pipeline):
    text = ("Peru's exports fell 6 percent on-year to $5 billion in June. For the January-June period, Peru's "
            "accumulated trade deficit reached $3 billion. By sector, exports of copper dropped 28 percent on-year.")
    assert _changes(pipeline, text, "2023-07-01")["28 percent"][4] == "2023-06"


def test_goods_described_as_these_are_the_goods_named_before(pipeline):
    text = ("North Korea's wig exports to China rose 20% to $30 million in March. The export value of these "
            "fashion products jumped by more than 6 times from 2021 to $88 million in 2022.")
    result = pipeline.extract(text, published="2024-04-20")
    claim = next(c for c in result.claims if result.amounts[c.amount].text == "$88 million")
    assert claim.trade.commodity == "6704" and "goods" in claim.inferred


def test_the_latter_and_the_former(pipeline):
    text = ("Japan's LNG imports rose 2 percent in May, beating China's, as the latter's imports fell 2.2 percent. "
            "The former remained the top buyer.")
    result = pipeline.extract(text, published="2024-06-20")
    assert {a.text: a.id for a in result.actors if a.text.lower() in ("the latter", "the former")} == \
        {"the latter": "CHN", "The former": "JPN"}
    assert _changes(pipeline, text, "2024-06-20")["2.2 percent"][1:3] == ("WLD", "CHN")


def test_the_goods_of_the_noun_a_trade_participle_modifies(pipeline):
    text = "Supplies of crude from Russia delivered to China rose 12% to 80 million tonnes in 2023."
    claims = {k: v for k, v in _changes(pipeline, text, "2024-02-20").items()}
    result = pipeline.extract(text, published="2024-02-20")
    assert claims["80 million tonnes"][:3] == ("trade_value", "RUS", "CHN")
    assert {c.trade.commodity for c in result.claims if c.trade} == {"2709"}


def test_a_base_year_after_from_is_not_the_level_s(pipeline):
    claims = _changes(pipeline, "Peru's trade shrank 3 percent last year from 2012 to $7.2 billion.", "2014-02-20")
    assert claims["$7.2 billion"][4] == claims["3 percent"][4] == "2013-01"


def test_a_change_from_levels_no_period_names_has_no_basis(pipeline):
    claims = _changes(pipeline, "Japan's exports to Peru were down 70 per cent from pre-crisis levels in May.", "2024-06-20")
    assert claims["70 per cent"][:4] == ("trade_change", "JPN", "PER", None)


def test_two_changes_by_with_their_own_bases(pipeline):
    text = ("Trade between Peru and Chile came to $512 million in 2022, down by 23 per cent on the year before "
            "and by 64 per cent from levels seen before the pandemic.")
    claims = _changes(pipeline, text, "2023-02-01")
    assert claims["23 per cent"][:4] == ("trade_change", None, None, "year_on_year")
    assert claims["64 per cent"][:4] == ("trade_change", None, None, None)


@pytest.mark.parametrize("partner", ["all countries", "all its trading partners", "the whole world"])
def test_all_countries_are_the_world(pipeline, partner):
    text = (f"China's exports to North Korea rose 5% to $100 million in 2023. North Korea's imports from "
            f"{partner} reached $2.3 billion in 2023.")
    assert _changes(pipeline, text, "2024-03-01")["$2.3 billion"][1:3] == ("WLD", "PRK")


def test_a_demonstrative_points_back_to_the_whole_flow_even_in_a_story_about_the_world():
    """After a lead on Chile's exports to all partners, 'Those exports' are the wine shipments to
    Peru just named, partner included."""
    got = parties("Chile's exports rose 4 percent last year, with copper leading. Chilean wine exports to Peru "
                  "climbed 8 percent to 61,000 tonnes. Those exports jumped 12 percent in value to $210 million.")
    assert got["$210 million"][:3] == ("directional", "CHL", "PER")


def test_a_fronted_trade_phrase_names_the_partner_of_the_clause_s_flows():
    got = parties("In trade with Chile, Peru exported $1.2 billion of goods and imported $900 million in 2023.")
    assert got["$1.2 billion"] == ("directional", "PER", "CHL", ())
    assert got["$900 million"] == ("directional", "CHL", "PER", ())


def test_a_state_after_other_than_is_set_apart():
    got = parties("Laos's exports to countries other than Vietnam came to $61 million in the second quarter.")
    assert "VNM" not in got["$61 million"][1:3]


# ---------------------------------------------------------------- gapped lists of partners

@pytest.mark.parametrize("text,expected", [
    ("Uruguay's exports to Peru grew 6.1% in May, to Chile by 2.3%, the EU by 4.0% and Japan by 1%.",
     {"6.1%": ("URY", "PER"), "2.3%": ("URY", "CHL"), "4.0%": ("URY", "EUU"), "1%": ("URY", "JPN")}),
    ("Japan's imports of crude from Angola climbed 12% and from Kuwait by 7% in May.",
     {"12%": ("AGO", "JPN"), "7%": ("KWT", "JPN")}),
])
def test_a_gapped_list_gives_each_figure_the_state_written_before_it(text, expected):
    got = parties(text, published="2019-06-20")
    assert {a: got[a][1:3] for a in expected} == expected


def test_the_change_after_a_gapped_conjunct_s_figure_is_with_that_conjunct_s_state():
    """'...; with Bolivia reached $740 million, up 19 percent; and with Ecuador ...': each item's change too."""
    got = parties("In the first half, Peru's food trade with Chile reached $1.7 billion, up 12 percent; with Bolivia "
                  "reached $740 million, up 19 percent; and with Ecuador reached $530 million, up 26 percent.")
    assert {a: got[a][3] for a in ("12 percent", "$740 million", "19 percent", "26 percent")} == {
        "12 percent": ("CHL", "PER"), "$740 million": ("BOL", "PER"), "19 percent": ("BOL", "PER"),
        "26 percent": ("ECU", "PER")}


@pytest.mark.parametrize("ranked", [
    "Uganda came out on top, with exports of $640 million",
    "Uganda ranked first, with exports worth $640 million",
    "Uganda followed in second place, with exports worth $640 million",
])
def test_a_state_placed_in_a_ranking_with_its_exports_is_their_destination(ranked):
    got = parties(f"Kenya's exports to African countries rose 19 percent to $4.6 billion in 2018, the statistics "
                  f"office said. {ranked}.", published="2019-03-21")
    assert got["$640 million"][1:3] == ("KEN", "UGA")


def test_a_state_that_came_in_with_a_figure_is_no_ranking():
    got = parties("Kenya's exports to African countries rose 19 percent to $4.6 billion in 2018. Uganda came in "
                  "with exports of $640 million.", published="2019-03-21")
    assert got.get("$640 million", (None, None, None))[2] != "UGA"


def test_the_markets_of_a_respectively_list_are_its_partners():
    got = parties("Peru's trade with the emerging markets of Africa, ASEAN and Latin America grew 11.5%, 16.2% and 9.4% "
                  "respectively in the first quarter.", published="2018-05-20")
    assert [got[a][3] for a in ("11.5%", "16.2%", "9.4%")] == [
        ("Africa", "PER"), ("ASEAN", "PER"), ("Latin America", "PER")]


def test_a_ranking_s_subject_is_no_partner_a_list_goes_on_with():
    got = parties("According to trade data, Peru was Laos's second largest trading partner last year, with trade "
                  "of $140 million, followed by Chile ($87 million).", published="2024-03-21")
    ends = [{frm, to, *between} for _, frm, to, between in got.values()]
    assert ends and all("PER" not in e or "LAO" in e for e in ends)


def test_exports_to_other_countries_overall_are_to_the_world():
    got = parties("Sri Lanka's exports to China rose 5 percent to $210 million in 2018, central bank data showed. "
                  "Overall Sri Lanka's exports to other countries climbed 4.2 percent over the year, to "
                  "$12.6 billion.", published="2019-03-01")
    assert got["$12.6 billion"][1:3] == ("LKA", "WLD") and got["$210 million"][1:3] == ("LKA", "CHN")


@pytest.mark.parametrize("text,amount", [
    ("Kenya's export earnings from Rwanda rose 30 percent to $52 million in May.", "$52 million"),
    ("Kenya's tea export revenue from Rwanda rose to $12 million in May.", "$12 million"),
])
def test_export_earnings_from_a_state_are_from_the_buyer(text, amount):
    assert parties(text, published="2019-06-20")[amount][1:3] == ("KEN", "RWA")


def test_a_partner_given_as_an_example_is_not_the_flow_s():
    text = ("Peru's farm exports rose 17% in the first four months, the ministry said. Demand grew, with "
            "shipments rising notably to Europe, notably Spain. Total exports came to $6.8 billion.")
    assert parties(text, published="2024-06-10")["$6.8 billion"][1:3] == ("PER", "WLD")


@pytest.mark.parametrize("text,expected", [
    # the market an export was earned in
    ("Ghana's cocoa exports fell in Japan from 61,000 tons in May to 47,000 tons in June.",
     {"61,000 tons": ("GHA", "JPN"), "47,000 tons": ("GHA", "JPN")}),
    ("Ghana's exports reached $14.8 million in China, $6.2 million in Japan and $5.9 million in Peru in May.",
     {"$14.8 million": ("GHA", "CHN"), "$6.2 million": ("GHA", "JPN"), "$5.9 million": ("GHA", "PER")}),
])
def test_exports_in_a_market_are_to_it(text, expected):
    got = parties(text, published="2024-07-20")
    assert {a: got[a][1:3] for a in expected} == expected


def test_a_month_after_than_in_is_the_comparison_s_base():
    got = {a: period for a, *_, period in trades(
        "Germany's imports of copper from Chile came to 5,300 tonnes in April, 6.5 per cent more than in "
        "March last year.", published="2024-07-20")}
    assert got["6.5 per cent"] == "April"


def test_a_buyer_in_a_story_of_one_state_s_exports_buys_from_it():
    got = parties("Peru's fishmeal exports rose 12 percent in May, the ministry said. Chinese purchases were 20 "
                  "per cent higher.", published="2024-06-20")
    assert got["20 per cent"][1:3] == ("PER", "CHN")


def test_each_change_with_its_own_comparison_in_a_pair():
    """'down 31 percent on the month and 17 percent year-on-year': two changes, each with its basis."""
    got = {a: basis for a, *_, basis, _period in trades(
        "China's imports of coal from North Korea reached 1.2 million tonnes in April, down 31 percent on the "
        "month and 17 percent year-on-year.", published="2016-05-20")}
    assert (got["31 percent"], got["17 percent"]) == ("period_on_period", "year_on_year")


def test_a_year_after_a_change_s_from_is_its_base_not_its_period():
    got = {a: period for a, *_, period in trades(
        "Laos's sales to Vietnam expanded in 2022. Exports were up just over 40 percent from 2021 to "
        "$152 million.", published="2023-02-10")}
    assert got["$152 million"] != "2021"


@pytest.mark.parametrize("text,amount", [
    # a change of a price, not of the flow
    ("Japan's tuna imports rose by 8.1 per cent to 9.2 billion yen in May, partly on a 3.7 percent rise in the "
     "fish's average price.", "3.7 percent"),
    ("Vietnam's coffee exports rose 12 percent in May. The average export price rose 4 per cent to $2,600 a tonne.",
     "4 per cent"),
])
def test_a_change_in_a_price_is_no_trade_change(text, amount):
    assert amount not in parties(text, published="2024-06-10")


def test_the_figure_of_a_forecast_beaten_is_no_trade(pipeline):
    r = pipeline.extract("Chile's exports rose 2.1% in May, outpacing the consensus forecast for a 0.5% fall in a poll "
                         "of economists.", published="2024-06-06")
    kinds = {r.amounts[c.amount].text: c.kind for c in r.claims if c.amount is not None}
    assert kinds["2.1%"] == "trade_change" and kinds["0.5%"] != "trade_change"


@pytest.mark.parametrize("sentence, amount", [
    ("Measured by average shipments per working day, Chile's exports climbed to $2.3 billion in April.", "$2.3 billion"),
    ("Chile's exports shrank 3.1% on average per working day in April.", "3.1%"),
])
def test_figures_a_clause_says_are_averages_per_working_day(pipeline, sentence, amount):
    r = pipeline.extract(sentence, published="2024-05-06")
    claim = claim_of(r, amount)
    assert claim.trade.measure == "daily_average"


def test_respectively_pairs_the_examples_of_a_partner(pipeline):
    r = pipeline.extract("Chile's exports rose 4% in May. Shipments to key markets -- including Japan and India -- rose "
                         "3.2 percent and 7.7 percent, respectively.", published="2024-06-06")
    partners = importers(r)
    assert partners["3.2 percent"] == "JPN" and partners["7.7 percent"] == "IND"


def test_a_trade_in_goods_deficit_is_a_balance_not_trade(pipeline):
    r = pipeline.extract("In 2024 Peru's trade in goods deficit with Chile stood at $12 billion, $3 billion lower than "
                         "in 2023. Peru's trade in goods with Chile rose 4% to $40 billion.",
                         published="2025-02-20")
    kinds = {r.amounts[c.amount].text: c.kind for c in r.claims if c.amount is not None}
    assert kinds["$12 billion"] == kinds["$3 billion"] == "quantity"
    assert kinds["$40 billion"] == "trade_value"


@pytest.mark.parametrize("text,amount", [
    ("Laos and Cambodia saw their bilateral trade rise to $1.4 billion last year.", "$1.4 billion"),
    ("Laos and Cambodia have increased their two-way trade to $1.4 billion.", "$1.4 billion"),
    ("Laos and Cambodia said their trade grew 9 percent in 2023.", "9 percent"),
])
def test_their_trade_after_two_coordinated_states_is_the_pair_s(pipeline, text, amount):
    """'their' on a trade total points back to the coordinated subject: the two states' trade with
    each other, not the first one's with the world."""
    result = pipeline.extract(text, published="2024-05-02")
    claim = claim_of(result, amount)
    assert claim.trade.flow == "total" and claim.trade.between == ["KHM", "LAO"]


@pytest.mark.parametrize("text,amount", [
    ("Kenya's export-import trade with Uganda totaled $890 million in the first eight months.", "$890 million"),
    ("The import-export value of Kenya's trade with Uganda reached $890 million in the first eight months.",
     "$890 million"),
])
def test_both_directions_joined_by_a_hyphen_are_the_total(text, amount):
    got = {a: (flow, frm, to, between) for a, flow, frm, to, between, *_ in trades(text)}
    assert got[amount] == ("total", None, None, ("KEN", "UGA"))


def test_a_figure_s_own_in_exports_or_in_imports_names_its_flow():
    """'..., made up of $1.1 billion in exports and $0.8 billion in imports': each figure is the
    flow its own phrase names, not the total the sentence began with."""
    text = ("Trade between Kenya and Uganda reached $1.9 billion in the first half, made up of $1.1 billion in "
            "exports and $0.8 billion in imports.")
    got = {a: (flow, frm, to) for a, flow, frm, to, *_ in trades(text)}
    assert got["$1.9 billion"][0] == "total"
    assert got["$1.1 billion"] == ("directional", "KEN", "UGA") and got["$0.8 billion"] == ("directional", "UGA", "KEN")


def test_a_share_of_total_exports_is_no_flow_of_its_own_phrase():
    text = "Within the region, Uganda remained Kenya's largest export market, at $139 million of total exports."
    got = {a: (flow, frm, to) for a, flow, frm, to, *_ in trades(text)}
    assert got.get("$139 million", ("directional", "KEN", "UGA")) == ("directional", "KEN", "UGA")


def test_an_aside_about_one_month_does_not_date_the_story_after_it():
    """'In October alone, ...': that month's figures, then the story's ten months go on; a
    sentence that breaks the aside's figure down ('Among these, ...') keeps its month."""
    text = ("Kenya trade\n\nKenya's exports to Uganda rose 6.1 percent to $2.1 billion in the first ten months, the "
            "statistics office said. In October alone, exports reached $242 million, up 2.3 percent. Among these, "
            "Kenya's tea exports to Uganda were $61 million. Uganda remained the top regional market, with trade up 8.4 percent to "
            "$3.6 billion. Exports to Tanzania rose 4 percent to $520 million.")
    got = {a: period for a, *_, period in trades(text, "2023-11-10")}
    assert got["$242 million"] == "October" and got["$61 million"] == "October"
    assert got["$3.6 billion"] == got["$520 million"] == "the first ten months"


def test_a_list_of_partners_pairs_with_the_figures_of_its_own_clause():
    """'Exports to Japan and India fell 6.2% and 1.5%, respectively, while shipments to Singapore,
    the EU and Taiwan rose ...': the first list's figures are the reporter's to those partners."""
    text = ("Korea exports\n\nSouth Korea's exports rose 5 percent in May, the trade ministry said. Exports to Japan "
            "and India fell by 6.2 percent and 1.5 percent, respectively, while shipments to Singapore, the European "
            "Union and Mexico rose 3.1, 9.4 and 22.6 percent.")
    got = {a: (frm, to) for a, flow, frm, to, *_ in trades(text, "2023-06-01")}
    assert got["6.2 percent"] == ("KOR", "JPN") and got["1.5 percent"] == ("KOR", "IND")


def test_bare_flows_after_a_balance_with_a_partner_are_that_pair_s(pipeline):
    """'Pakistan's trade deficit with China hit $9 billion. Imports stood at $11.2 billion.': the
    balance (no claim itself) frames the flows right after it; the parties say they were inferred."""
    r = pipeline.extract("Pakistan's trade deficit with China hit $8.7 billion in July-March. Imports stood at "
                         "$10.9 billion. Exports were at $2.2 billion.", published="2024-05-20")
    got = {r.amounts[c.amount].text: ((c.trade.from_, c.trade.to), c.inferred.get("parties", ""))
           for c in r.claims if c.trade is not None}
    assert got["$10.9 billion"][0] == ("CHN", "PAK") and got["$2.2 billion"][0] == ("PAK", "CHN")
    assert "balance" in got["$10.9 billion"][1]


@pytest.mark.parametrize("lead", [
    "Laos's trade surplus rose 9 percent to $410 million in May, the finance ministry said.",
    # a story naming another state more often is still the reporter's, whose flows it has told
    "Laos's exports to China, its biggest buyer, rose 3 percent in May. China took 40 percent of them, and "
    "China's demand for Lao rubber grew.",
])
def test_the_bare_flows_of_a_balance_s_own_sentence_are_with_its_partner(pipeline, lead):
    """'The surplus with the EU widened to $95 million, as exports rose 4%': in the balance's own
    sentence, flows that name no party are the reporter's with the balance's partner."""
    r = pipeline.extract(lead + " The surplus with the EU grew to $95 million, as exports rose "
                         "4 percent and imports fell 8 percent.", published="2024-06-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["4 percent"] == ("LAO", "EUU") and got["8 percent"] == ("EUU", "LAO")


@pytest.mark.parametrize("change", ["down 6 percent", "a drop of 6 percent", "up 6 percent from a year earlier"])
def test_a_change_in_apposition_to_a_balance_s_figure_is_the_balance_s(pipeline, change):
    """'..., which resulted in a trade surplus of $300 million, down 6 percent': the balance's change (no
    claim), though the parser hangs it on the first clause's verb; the flows keep theirs."""
    r = pipeline.extract("Laos's exports rose 5 percent to $1.2 billion in June, while imports climbed 9 percent to "
                         f"$900 million, which resulted in a trade surplus of $300 million, {change}.", published="2024-07-20")
    got = {r.amounts[c.amount].text: c.kind for c in r.claims if c.amount is not None}
    assert got["6 percent"] == "quantity" and got["9 percent"] == got["5 percent"] == "trade_change"


def test_a_flow_naming_its_state_after_a_balance_keeps_its_own_parties(pipeline):
    r = pipeline.extract("Pakistan's trade deficit with China hit $8.7 billion in July-March. Pakistan's global "
                         "imports stood at $41.9 billion.", published="2024-05-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["$41.9 billion"] == ("WLD", "PAK")


def test_those_of_a_state_is_that_state_s_same_flow(pipeline):
    r = pipeline.extract("Trade between Egypt and Italy reached $2.5 billion in 2022. Of the total, Egypt's exports "
                         "were $610 million, up 12 percent, while those of Italy reached $1.9 billion.",
                         published="2023-03-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["$610 million"] == ("EGY", "ITA") and got["$1.9 billion"] == ("ITA", "EGY")


def test_exports_and_imports_between_two_countries_with_one_figure_are_the_total(pipeline):
    r = pipeline.extract("Laos's trade with Vietnam fell. Imports and exports of the two states together reached "
                         "$640 million in the first nine months, down 38 percent.", published="2020-10-20")
    assert all(c.trade.flow == "total" for c in r.claims if c.trade is not None)


def test_exports_and_imports_each_with_a_figure_hung_on_the_first_are_two_flows(pipeline):
    """'with exports to Ghana at $8.1 billion and imports at $1.3 billion': the parser hangs the second
    figure on 'exports'; written after 'imports', it is the imports'."""
    r = pipeline.extract("China's trade with Ghana reached $9.4 billion in the first half, with exports to Ghana at "
                         "$8.1 billion and imports at $1.3 billion.", published="2020-10-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["$8.1 billion"] == ("CHN", "GHA") and got["$1.3 billion"] == ("GHA", "CHN")


def test_a_state_s_bracket_with_a_share_restated_as_a_value(pipeline):
    """'highest with Turkey (12 percent or $1.4 billion) and Iran (6 percent or $700 million)': each value
    is the reporter's trade with the state its bracket follows."""
    r = pipeline.extract("Uzbekistan's turnover was highest with Turkey (12 percent or $1.4 billion) and Iran (6 "
                         "percent or $700 million) in 2023.", published="2024-02-20")
    got = {r.amounts[c.amount].text: tuple(c.trade.between) for c in r.claims if c.trade is not None}
    assert got["$1.4 billion"] == ("TUR", "UZB") and got["$700 million"] == ("IRN", "UZB")


@pytest.mark.parametrize("text,measures", [
    ("In volume terms, Indonesia's coal exports decreased 6.5 percent in May.", [("6.5 percent", "volume")]),
    ("Indonesia's coal exports decreased 6.5 percent in May by volume, but rose 3 percent in value.",
     [("6.5 percent", "volume"), ("3 percent", None)]),
    # the quantities as the change's subject: "volumes" (plural), "quantity"
    ("Indonesia's coal exports rose 3 percent in May, as volumes increased 1.2 percent.",
     [("3 percent", None), ("1.2 percent", "volume")]),
    ("Indonesia's coal export volumes were down 4.4 percent in May.", [("4.4 percent", "volume")]),
    ("Indonesia's coal exports rose 3 percent in May, with quantity down 0.7 percent.",
     [("3 percent", None), ("0.7 percent", "volume")]),
    # the other side: "trade volume" is the value of trade in copy
    ("Indonesia's trade volume rose 6.5 percent in May.", [("6.5 percent", None)]),
])
def test_a_change_in_volume_terms_is_no_change_of_value(pipeline, text, measures):
    r = pipeline.extract(text, published="2024-06-20")
    assert [(r.amounts[c.amount].text, c.trade.measure) for c in r.claims if c.trade is not None] == measures


def test_states_in_brackets_after_with_in_a_story_about_trade_with_their_group(pipeline):
    """'trade grew with Kazakhstan ($2.6 billion) and Kyrgyzstan ($2.7 billion)' after China's trade
    with Central Asia: each figure is China's trade with that state, not with the group."""
    r = pipeline.extract("China's commerce with the five Central Asian states came to $91.6 billion in 2024, Chinese "
                         "customs said. Compared with 2023, trade grew with Kazakhstan ($2.6 billion) and "
                         "Kyrgyzstan ($2.7 billion).", published="2025-01-20")
    got = {r.amounts[c.amount].text: (tuple(c.trade.between), c.trade.commodity_text)
           for c in r.claims if c.trade is not None}
    assert got["$2.6 billion"] == (("CHN", "KAZ"), None) and got["$2.7 billion"] == (("CHN", "KGZ"), None)


def test_a_figure_in_surplus_is_a_balance_and_sets_no_flow(pipeline):
    """'non-oil trade reaching $2.2 billion in surplus' is a balance (no claim), and the flows after it
    keep their own direction."""
    r = pipeline.extract("Indonesia's trade balance in May posted a surplus of $1.6 billion, driven by non-oil trade "
                         "reaching $2.2 billion in surplus, the statistics bureau said. Total exports in May reached "
                         "$14.8 billion. Total imports in May reached $13.2 billion.", published="2023-06-15")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert "$2.2 billion" not in got
    assert got["$14.8 billion"] == ("IDN", "WLD") and got["$13.2 billion"] == ("WLD", "IDN")


# ---------------------------------------------------------------- flows with no verb of their own


@pytest.mark.parametrize("text,expected", [
    # the second flow's verb gapped, its noun hung on the first flow's verb
    ("Laos's trade with Vietnam reached $2.2 billion in 2023. Exports stood at $310 million and "
     "imports at $1.87 billion.",
     {"$310 million": ("directional", "LAO", "VNM", ()), "$1.87 billion": ("directional", "VNM", "LAO", ())}),
    # a 'with' phrase of the total's verb, then a gapped conjunct
    ("Commerce between Laos and Vietnam climbed to $5 billion last year with Lao sales at nearly $2 billion "
     "and purchases at roughly $3 billion.",
     {"$5 billion": ("total", None, None, ("LAO", "VNM")), "nearly $2 billion": ("directional", "LAO", "VNM", ()),
      "roughly $3 billion": ("directional", "VNM", "LAO", ())}),
])
def test_a_flow_with_no_verb_of_its_own_is_read_from_its_noun(text, expected):
    got = parties(text)
    for amount, trade in expected.items():
        assert got[amount] == trade


def test_a_figure_before_a_with_phrase_keeps_its_own_flow():
    """'Exports rose to $4 billion, with imports up 3 percent': the 'with' phrase comes after the
    figure, whose trade is the verb's subject."""
    got = parties("Laos's exports rose 6 percent to $4 billion in 2023, with imports up 3 percent.")
    assert got["$4 billion"] == ("directional", "LAO", "WLD", ())
    assert got["3 percent"] == ("directional", "WLD", "LAO", ())


def test_bilateral_trade_after_a_ranking_lead_is_the_pair_s():
    """'Brazil ranks as Chile's top trade partner' leads with a ranking that names no figure; the
    'bilateral trade' after it is the two states', never the owner's trade with the world."""
    text = ("Brazil ranks as Chile's top trade partner. Last year the bilateral trade climbed 20% to US$24 "
            "billion, as Brazilian exports rose 18% to US$11 billion while imports gained 22% to US$13 billion.")
    got = parties(text, published="2022-08-01")
    assert got["US$24 billion"] == ("total", None, None, ("BRA", "CHL"))
    assert got["US$11 billion"] == ("directional", "BRA", "CHL", ())
    assert got["US$13 billion"] == ("directional", "CHL", "BRA", ())


@pytest.mark.parametrize("text,amount,pair", [
    ("Sino-Chilean trade in the first two months totaled US$7.2 billion, up 11 percent.", "US$7.2 billion",
     ("CHL", "CHN")),
    ("Sino-Kenyan trade rose 9 percent to $4.1 billion in 2023.", "$4.1 billion", ("CHN", "KEN")),
])
def test_sino_and_a_demonym_name_china_and_that_state(text, amount, pair):
    assert parties(text)[amount] == ("total", None, None, pair)


def test_supplies_from_one_state_to_another_are_its_exports():
    """'supplies from Chile to China' (Russian and Chinese wire copy) are a flow; 'food supplies' are not."""
    text = ("Peru's trade with Chile rose 12% to $4.0 bln in 2024, with exports from Peru to Chile at $1.5 bln, "
            "while supplies from Chile to Peru gained 9% to $2.5 bln. Food supplies in the Andes fell 3%.")
    got = parties(text)
    assert got["$2.5 bln"] == ("directional", "CHL", "PER", ())
    assert got["9%"] == ("directional", "CHL", "PER", ())
    assert "3%" not in got


def test_the_running_month_in_a_forecast_does_not_date_the_figures_after_it():
    """'We expect exports to pick up this month': no figures are out for the month still running, so
    the bare figures after the quote keep the month the story reports."""
    text = ("Laos's exports to Japan rose 5 percent in January, the statistics office said. \"We expect exports "
            "to Japan to pick up this month,\" the office's director said. Exports to China fell 3 percent to "
            "$410 million.")
    assert [t[-1] for t in trades(text, published="2017-02-10") if t[0] == "$410 million"] == ["January"]


@pytest.mark.parametrize("text,amount,ends", [
    ("Peruvian fishmeal imports by Japan rose 12% in March to 41,000 tonnes.", "41,000 tonnes", ("PER", "JPN")),
    ("Japan's Chilean copper imports fell 5% to 70,000 tonnes in June.", "70,000 tonnes", ("CHL", "JPN")),
])
def test_a_state_s_adjective_before_the_goods_of_a_named_importer_is_their_origin(text, amount, ends):
    assert parties(text)[amount] == ("directional", *ends, ())


@pytest.mark.parametrize("link", [
    "in contrast to the 2.4 percent rise in February",
    "reversing a 2.4 percent rise in February",
    "after a 2.4 percent rise in February",
    "following February's 2.4 percent rise",
])
def test_a_month_written_with_another_change_dates_that_change_only(link):
    """The month of the change a figure is set against ('in contrast to the 2.4% rise in February')
    is that change's; the sentence's own figure, and the bare figures after it, keep the story's month."""
    text = (f"Chile's exports fell in March, the central bank said on Friday. Exports dropped 4.1 percent, {link}. "
            "Exports to Japan declined 6.3 percent.")
    got = {t[0]: t[-1] for t in trades(text, published="2025-04-18")}
    assert got["4.1 percent"] == "March"
    assert got["6.3 percent"] == "March"
    assert got["2.4 percent"] in ("February", "February's")


def test_a_sentence_s_own_change_with_its_figure_still_sets_the_story_period():
    text = ("Chile saw a 14.2 percent growth in exports to Peru in January-May to $3.1 billion. "
            "Imports from Peru rose 6 percent to $1.2 billion.")
    got = {t[0]: t[-1] for t in trades(text, published="2025-06-18")}
    assert got["$1.2 billion"] == "January-May"


def test_a_ranking_no_state_owns_ranks_the_partners_of_the_story_s_state():
    """'Brazil was the leading export destination with $X': the destination of the exports the
    story has been telling, never Brazil's own exports."""
    text = ("Chile's exports rose 4 percent to $8 billion in May, while imports rose 2 percent to $6 billion. "
            "Brazil was the leading export destination with $1.1 billion, followed by Argentina with $700 million. "
            "Mexico was the largest source of imports with $900 million.")
    got = parties(text, published="2025-06-20")
    assert got["$1.1 billion"] == ("directional", "CHL", "BRA", ())
    assert got["$700 million"] == ("directional", "CHL", "ARG", ())
    assert got["$900 million"] == ("directional", "MEX", "CHL", ())


def test_a_ranking_its_possessor_owns_keeps_that_possessor():
    text = ("Chile's exports rose 4 percent to $8 billion in May. "
            "Brazil was Peru's leading export destination with $1.1 billion.")
    assert parties(text, published="2025-06-20")["$1.1 billion"] == ("directional", "PER", "BRA", ())


@pytest.mark.parametrize("agency", ["the Korea Customs Service", "the Ministry of Trade, Industry and Energy"])
def test_korea_s_customs_and_trade_ministry_release_korea_s_figures(agency):
    text = (f"Exports fell 3.1 percent on-year over June 1-10, according to data from {agency}. "
            "Shipments to the United States rose 2.2 percent.")
    got = parties(text, published="2025-06-11")
    assert got["3.1 percent"] == ("directional", "KOR", "WLD", ())
    assert got["2.2 percent"] == ("directional", "KOR", "USA", ())


def test_hong_kong_s_statistics_department_releases_hong_kong_s_figures():
    """A Hong Kong story that names 'the mainland' as often as half its own name: the statistics
    department it cites says whose bare flows these are."""
    text = ("Hong Kong's exports rose 5 percent in June, the Census and Statistics Department said. "
            "Exports to the mainland rose 7 percent. The mainland economy grew. Of the total, re-exports fell 2 percent.")
    got = parties(text, published="2025-07-20")
    assert got["7 percent"] == ("directional", "HKG", "CHN", ())
    assert got["2 percent"] == ("directional", "HKG", "WLD", ())


@pytest.mark.parametrize("partner", ["the nation's biggest trading partner China", "its top export market China"])
def test_a_state_written_after_a_possessed_partner_noun_is_the_partner(partner):
    """'to the nation's biggest trading partner China': the possessor owns the ranking, the state
    after the noun (no comma, and the parser may take it for a subject) is where the goods go."""
    text = f"Peru's exports fell 3 percent in May. Exports to {partner} fell 6 percent."
    assert parties(text, published="2025-06-20")["6 percent"] == ("directional", "PER", "CHN", ())


def test_both_lists_of_figures_of_a_respectively_sentence_go_with_the_same_goods():
    text = ("Peru's exports rose 7 percent to $9 billion in May, and those of copper and zinc increased "
            "11 percent and 14 percent to $4.6 billion and $1.4 billion, respectively.")
    goods = {t[0]: t[5] for t in trades(text, published="2025-06-20")}
    assert (goods["11 percent"], goods["$4.6 billion"]) == ("74", "74")
    assert (goods["14 percent"], goods["$1.4 billion"]) == ("79", "79")


def test_a_demonstrative_naming_a_list_of_partners_gives_each_figure_its_own():
    text = ("Peru's exports rose 7 percent to $9 billion in May. Those to Chile and Japan increased 5 percent "
            "and 8 percent to $300 million and $500 million, respectively.")
    got = parties(text, published="2025-06-20")
    assert [got[a][2] for a in ("5 percent", "8 percent", "$300 million", "$500 million")] == ["CHL", "JPN", "CHL", "JPN"]


def test_a_gapped_partner_list_goes_on_from_the_figure_just_before():
    """'exports to Brazil fell by 10 percent, exports to China by 21.4 percent, to Canada by 18
    percent and to Japan by 33.9 percent': after a second full conjunct, each gapped partner
    replaces the partner of the figure before it, not only the sentence's first."""
    text = ("Peru's exports fell in May. Exports to Chile decreased by 12.1 percent, exports to Brazil fell by "
            "10 percent, exports to China by 21.4 percent, to Canada by 18 percent and to Japan by 33.9 percent.")
    got = parties(text, published="2025-06-20")
    assert [got[a][2] for a in ("12.1 percent", "10 percent", "21.4 percent", "18 percent", "33.9 percent")] == \
        ["CHL", "BRA", "CHN", "CAN", "JPN"]


@pytest.mark.parametrize("event", ["since swinging into surplus in March last year", "after falling in August"])
@pytest.mark.parametrize("published", ["2025-10-22", None])
def test_the_time_of_an_event_a_gerund_recalls_does_not_date_the_story(event, published):
    """'... in surplus for eight months since swinging into surplus in March last year': when the balance
    turned is an event the story recalls, not the period of the figures after it (on an undated
    page too, where neither period has dates to compare)."""
    text = (f"Chile's exports rose 4.1 percent in the first 15 days of October. Chile's trade balance has stayed in "
            f"surplus for eight months {event}. On a cumulative basis, exports were $301 billion.")
    got = {t[0]: t[-1] for t in trades(text, published=published)}
    assert got["$301 billion"] == "the first 15 days of October"


def test_the_items_a_rise_is_led_by_are_claims_about_their_goods():
    text = "Peru's exports rose 8 percent to $6 billion in May, led by copper (12.5%) and zinc (17.1%)."
    got = {t[0]: t[1:6] for t in trades(text, published="2025-06-20")}
    assert got["12.5%"] == ("directional", "PER", "WLD", (), "74")
    assert got["17.1%"] == ("directional", "PER", "WLD", (), "79")


def test_the_base_month_recalled_in_passing_does_not_move_the_story():
    """'On the contrary, exports in March 2024 had fallen 3.9 percent' in a story about March 2025:
    the base month is recalled; the bare figures after it are still March 2025's."""
    text = ("Chile's exports rose 8.2 percent in March, the central bank said. On the contrary, exports in "
            "March 2024 had fallen 3.9 percent. Exports to Japan totaled $1.3 billion.")
    got = {t[0]: t[-1] for t in trades(text, published="2025-04-16")}
    r = extract(text, published="2025-04-16")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "$1.3 billion")
    assert (r.periods[claim.period].from_.isoformat(), r.periods[claim.period].to.isoformat()) == ("2025-03-01", "2025-03-31")
    assert got["3.9 percent"] == "March 2024"


@pytest.mark.parametrize("topic", ["In the case of Japan,", "As for Japan,", "Regarding Japan,", "In Japan's case,"])
def test_a_state_fronted_as_the_topic_is_the_clause_s_partner(topic):
    text = f"Chile's exports rose 6 percent in April. {topic} exports fell 2.7 percent to $640 million."
    got = parties(text, published="2025-05-20")
    assert got["2.7 percent"] == ("directional", "CHL", "JPN", ())
    assert got["$640 million"] == ("directional", "CHL", "JPN", ())


def test_goods_fronted_as_the_topic_name_no_partner():
    text = "Chile's exports rose 6 percent in April. In the case of copper, exports fell 2.7 percent to $640 million."
    assert parties(text, published="2025-05-20")["$640 million"] == ("directional", "CHL", "WLD", ())


def test_the_change_just_told_sized_in_a_sentence_of_its_own():
    text = "Chile's exports to Peru fell in June, the central bank said. In the first half, the decline reached 6.2%."
    got = {t[0]: t[1:4] + (t[-1],) for t in trades(text, published="2025-07-20")}
    assert got["6.2%"] == ("directional", "CHL", "PER", "the first half")


def test_states_each_with_a_figure_in_brackets_are_no_group():
    text = "Canada's imports rose 2 percent in May. Imports from the United Kingdom (+$264 million) and the Netherlands (+$58 million) increased."
    got = parties(text, published="2025-06-20")
    assert got["$264 million"][1:3] == ("GBR", "CAN")
    assert got["$58 million"][1:3] == ("NLD", "CAN")


@pytest.mark.parametrize("sentence, amount, measure", [
    ("The daily average value of exports increased 7.9 percent.", "7.9 percent", "daily_average"),
    ("The average daily export amount rose to $1.6 billion.", "$1.6 billion", "daily_average"),
    ("The daily export volume dipped 11.2 percent on-year.", "11.2 percent", "daily_average"),
    # a total amount of exports is no daily average
    ("The total export amount was $9 billion.", "$9 billion", None),
])
def test_a_daily_average_said_of_the_noun_a_trade_word_qualifies(sentence, amount, measure):
    r = extract(f"Peru's exports rose 5 percent in May. {sentence}", published="2025-06-20")
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount)
    assert claim.trade.measure == measure


@pytest.mark.parametrize("lead", ["Japan topped the list with", "Japan led with", "Japan came first with"])
def test_a_state_that_leads_the_ranking_of_the_flow_just_told_is_its_partner(lead):
    text = (f"Chile's salmon exports rose 5 percent to 310,000 tonnes in the first half. {lead} 96,000 tonnes, "
            "followed by Brazil with 41,000 tonnes.")
    got = parties(text, published="2025-07-20")
    assert got["96,000 tonnes"] == ("directional", "CHL", "JPN", ())
    assert got["41,000 tonnes"] == ("directional", "CHL", "BRA", ())


def test_a_state_that_comes_in_with_a_figure_leads_no_ranking():
    text = "Chile's salmon exports rose 5 percent to 310,000 tonnes in the first half. Japan came in with a new tariff."
    assert parties(text, published="2025-07-20").keys() == {"5 percent", "310,000 tonnes"}


def test_the_flows_after_a_balance_with_a_partner_and_no_holder_are_with_that_partner():
    text = ("Peru's exports rose 4 percent to $6.48 billion in May, the ministry said. Trade balance with Canada showed "
            "a surplus of $611 million in May. Exports rose 3 percent to $1.31 billion.")
    assert parties(text, published="2025-06-20")["$1.31 billion"] == ("directional", "PER", "CAN", ())


@pytest.mark.parametrize("sentence, amount, kind", [
    # the level a modal verb foretells is no claim
    ("Trade between the two countries will reach $31 billion this year, the researcher said.", "$31 billion", "quantity"),
    ("Exports to Chile could get to $4.2 billion next year.", "$4.2 billion", "quantity"),
    ("Imports from Chile may amount to $2.6 billion this year.", "$2.6 billion", "quantity"),
    # a stated figure inside the object of a modal verb, or the base a forecast starts from, is one
    ("New sanctions could cut off a third of Peru's annual exports to Chile of $3.4 billion.", "$3.4 billion", "trade_value"),
    ("Exports to Chile will likely hit $5 billion by 2027 from $3.1 billion in 2024, the minister said.", "$3.1 billion",
     "trade_value"),
])
def test_a_level_a_modal_verb_foretells_is_no_claim(sentence, amount, kind):
    r = extract(f"Peru's exports to Chile rose 12 percent in the first half. {sentence}", published="2025-07-20")
    assert [c.kind for c in r.claims if c.amount is not None and r.amounts[c.amount].text == amount] == [kind]


# ---------------------------------------------------------------- "$X in exports" and its result


@pytest.mark.parametrize("verb", ["posted", "recorded", "had"])
def test_a_figure_in_exports_is_the_flow_of_the_verb_s_subject(verb):
    got = parties(f"Vietnam {verb} $30 billion in exports in May, and $28 billion in imports.", published="2024-06-20")
    assert got["$30 billion"] == ("directional", "VNM", "WLD", ())
    assert got["$28 billion"] == ("directional", "WLD", "VNM", ())


def test_a_change_in_a_for_phrase_keeps_the_flow_of_the_figure_before_it():
    """'$30 billion in exports, for growth of 7 percent, and $28 billion in imports': the growth is
    the exports', though the imports are written nearer to it."""
    got = parties("In May, Vietnam posted $30 billion in exports, for year-on-year growth of 7 percent, "
                  "and $28 billion in imports.", published="2024-06-20")
    assert got["7 percent"] == ("directional", "VNM", "WLD", ())


# ---------------------------------------------------------------- a hyphen after an abbreviation


@pytest.mark.parametrize("text,amount,expected", [
    ("U.S.-Peru trade fell 5 percent to $3 billion in May.", "$3 billion", ("total", None, None, ("PER", "USA"))),
    ("U.S.–Chile trade was nearly $4 billion in May.", "nearly $4 billion", ("total", None, None, ("CHL", "USA"))),
    ("Japan's U.S.-bound exports rose 4 percent to $11 billion in May.", "$11 billion",
     ("directional", "JPN", "USA", ())),
    ("Peru's U.K.-bound shipments rose to $2 billion in May.", "$2 billion", ("directional", "PER", "GBR", ())),
])
def test_a_state_abbreviated_with_periods_before_a_hyphen_is_read(text, amount, expected):
    """'U.S.-Peru trade', 'U.S.-bound exports': the tokenizer splits the hyphen after the
    abbreviation's period, so the state is named (before, 'U.S.-Peru' was one word and no state)."""
    assert parties(text, published="2024-06-20")[amount] == expected


# ---------------------------------------------------------------- a time inside a since-clause


def period_of(text: str, amount: str, published: str | None) -> tuple:
    r = extract(text, published=published)
    c = claim_of(r, amount)
    p = r.periods[c.period] if c.period is not None else None
    return (p.text, p.from_.isoformat() if p.from_ else None) if p is not None else None


@pytest.mark.parametrize("clause", [
    "the steepest fall since shipments collapsed in March 2020",
    "a level not seen since comparable records began in January 1995",
])
def test_a_date_inside_a_since_clause_dates_neither_the_figure_nor_the_story(clause):
    """'not seen since comparable records began in January 1995': the time of the event a figure is
    measured from; the parser hangs the clause anywhere, so it is read on the words."""
    text = (f"Chile's copper exports to China fell 14 percent to $2.1 billion in the reporting period, {clause}. "
            "Chile's exports to Japan rose 3 percent to $0.9 billion.")
    assert period_of(text, "$2.1 billion", None) is None
    assert period_of(text, "$0.9 billion", None) is None


def test_a_figure_inside_the_since_clause_is_dated_by_it():
    text = ("Since trade between Chile and Peru peaked in 2019 at $4.2 billion, it has declined to "
            "$3.6 billion in 2023.")
    assert period_of(text, "$4.2 billion", "2024-03-21") == ("2019", "2019-01-01")
    assert period_of(text, "$3.6 billion", "2024-03-21") == ("2023", "2023-01-01")


# ---------------------------------------------------------------- changes listed after levels of their own flows


@pytest.mark.parametrize("text", [
    "Peru's trade with Chile reached $4.1 billion in May, including $2.5 billion in exports and $1.6 billion in "
    "imports, respectively up 8 percent and 3 percent.",
    "Peru's trade with Chile reached $4.1 billion in May, with $2.5 billion in exports and $1.6 billion in imports, "
    "up 8 percent and 3 percent respectively.",
])
def test_respective_changes_after_levels_are_the_levels_changes(text):
    got = parties(text)
    assert got["8 percent"] == got["$2.5 billion"] == ("directional", "PER", "CHL", ())
    assert got["3 percent"] == got["$1.6 billion"] == ("directional", "CHL", "PER", ())
    assert got["$4.1 billion"] == ("total", None, None, ("CHL", "PER"))


# ---------------------------------------------------------------- changes over several years


@pytest.mark.parametrize("text,amount,basis", [
    ("Peru's exports to China rose 250 percent over the past ten years.", "250 percent", None),
    ("Vietnam's exports to Chile posted a threefold rise in eight years.", "threefold", None),
    ("Peru's trade with Chile grew 60 percent between 2016 and 2023.", "60 percent", None),
    # a yearly rate over the span compares each year with the one before
    ("Peru's trade with Chile grew 7 percent a year between 2016 and 2023.", "7 percent", "year_on_year"),
    # how long since a figure was as high is no span of the change
    ("Peru's exports to Chile rose 7.2 percent in May, a six-year high.", "7.2 percent", "year_on_year"),
])
def test_a_change_over_several_years_compares_their_ends(text, amount, basis):
    got = {a: b for a, _, _, _, _, _, b, _ in trades(text, published="2024-03-21")}
    assert got[amount] == basis


# ---------------------------------------------------------------- the lead names whose figures they are


def test_the_lead_s_owner_reports_when_partners_are_named_as_often():
    """'Vietnam trade deficit ...' then partners named as often as the state: the lead says whose trade
    the story is (a story naming its partners as often as itself had no reporter, and every figure was
    lost)."""
    text = ("Vietnam Trade Deficit Widens Again\n\n"
            "Vietnam trade deficit came to USD1.2 billion in March of 2019, against USD 0.8 billion a year before.\n\n"
            "Exports in March shrank 4.1 percent from a year earlier to USD20.5 billion.\n\n"
            "Shipments fell to Japan (-4.8 percent), Thailand (-1.7 percent) and the US (-0.9 percent).\n\n"
            "Imports slid 2.5 percent to USD21.7 billion, though buying rose from Japan, Laos and Thailand.")
    got = parties(text, "2019-04-10")
    assert got["USD20.5 billion"] == ("directional", "VNM", "WLD", ())
    assert got["-4.8 percent"] == ("directional", "VNM", "JPN", ())
    assert got["USD21.7 billion"] == ("directional", "WLD", "VNM", ())


def test_a_lead_naming_a_partner_gives_no_owner():
    """'Japan's exports to China ...' with China named as often as Japan: a pair's story, whose
    bare flows keep the pair's reporter only as the claims before say."""
    text = ("Japan's exports to China fell 3 percent in May. China bought less steel. "
            "Trade with China and Korea slowed, while Korea sold more to Japan.")
    got = parties(text, "2024-06-20")
    assert got["3 percent"] == ("directional", "JPN", "CHN", ())


def test_a_report_of_trade_data_frames_no_flow():
    """'Its figures cover trade data with Uganda, Tanzania and Rwanda' announces data: the flows after
    it are the agency's state's with all partners, not a pair's."""
    text = ("The Kenya Revenue Authority released trade statistics for May 2018 on Thursday. The statistics cover "
            "trade data with Uganda, Tanzania and Rwanda as well. May exports climbed 4.4%, and imports eased 2.1%, "
            "the authority said.")
    got = parties(text, "2018-06-28")
    assert got["4.4%"] == ("directional", "KEN", "WLD", ())
    assert got["2.1%"] == ("directional", "WLD", "KEN", ())


def test_a_balance_with_no_partner_ends_the_partner_s_frame():
    """A balance of everything traded, with its own figure, after a balance with a partner: the
    story turned from the partner's balance to the whole."""
    text = ("Canada's overall trade deficit narrowed in May, while its deficit with Mexico grew.\n\n"
            "Statistics Canada put the deficit in goods and services at $2.1 billion for the month. Exports rose "
            "1.2 percent to $51 billion. Imports fell 0.4 percent to $53.1 billion.")
    got = parties(text, "2019-07-04")
    assert got["$51 billion"] == ("directional", "CAN", "WLD", ())
    assert got["$53.1 billion"] == ("directional", "WLD", "CAN", ())
    # right after a balance with a partner, bare flows are still with that partner, and a restatement
    # of that balance ("Santiago ran a deficit of ...") does not turn the story from it
    text = "Pakistan's trade deficit with China hit $9 billion in 2023. Imports stood at $11.2 billion."
    assert parties(text)["$11.2 billion"] == ("directional", "CHN", "PAK", ())
    text = ("Chile's trade deficit with Peru widened in the first half, official figures showed.\n\n"
            "Santiago ran a trade deficit of US$6.5 billion over the six months.\n\n"
            "Its exports slipped 4 percent to $2.6 billion, and its imports grew 2 percent to $9.1 billion.")
    got = parties(text, "2020-07-26")
    assert got["$2.6 billion"] == ("directional", "CHL", "PER", ())
    assert got["$9.1 billion"] == ("directional", "PER", "CHL", ())


@pytest.mark.parametrize("text", [
    "Sino-India bilateral trade rose 12 percent to $58 billion in 2010.",
    "Sino-Indian bilateral trade rose 12 percent to $58 billion in 2010.",
])
def test_sino_with_a_state_s_name_or_demonym_is_the_pair(text):
    got = parties(text, "2011-02-01")
    assert got["$58 billion"] == ("total", None, None, ("CHN", "IND"))


@pytest.mark.parametrize("text, published, amount, reporter", [
    ("Singapore's economy is slowing, Enterprise Singapore said on Tuesday.\n"
     "Non-oil domestic exports decreased by 9.1% in May 2019, following a 4.2% decline in the previous month.",
     "2019-06-18", "9.1%", "SGP"),
    ("Oman's economy grew, the National Centre for Statistics and Information said on Sunday.\n"
     "Non-oil exports fell 4.2 percent to RO 310 million in May.", "2023-06-20", "RO 310 million", "OMN"),
])
def test_a_flow_but_a_kind_it_leaves_out_is_the_reporter_s_flow(text, published, amount, reporter):
    """'non-oil exports' in a release of one state's statistics: the whole flow but oil, set apart by
    what it leaves out (like a segment: reported with its words, never checked against the whole);
    its sentence need not name the state."""
    r = extract(text, published=published)
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to, c.trade.commodity_text)
           for c in r.claims if c.trade is not None and c.amount is not None}
    assert got[amount][:2] == (reporter, "WLD") and got[amount][2].startswith("non oil")


def test_exports_to_a_state_s_markets_are_that_state_s_exports():
    """'shipments to Singapore's main markets' are Singapore's, to those markets: the possessor of a
    group of partners is whose partners they are, not where the goods go."""
    text = ("Singapore's economy is slowing, Enterprise Singapore said. Shipments to Singapore's main markets "
            "slid in May, Taiwan apart. Lower exports to Indonesia (-12.0%) and Malaysia (-3.2%) led the decline.")
    got = parties(text, "2019-06-18")
    assert got["-12.0%"] == ("directional", "SGP", "IDN", ())


def test_the_figure_a_change_is_over_keeps_the_base_span_and_the_change_does_not():
    """'sold $1.1 billion in the period, a 12% increase over $640 million in shipments March to June 2014':
    the span after the base figure is that figure's; the sale and its change are of the story's span."""
    r = extract("Laos sold $1.1 billion of coffee abroad in the first five months, a 12 percent increase over "
                "$640 million in shipments March to June 2014.", published=None)
    got = {r.amounts[c.amount].text: (r.periods[c.period].from_, r.periods[c.period].to)
           for c in r.claims if c.trade is not None and c.period is not None}
    assert got["$640 million"][0].year == 2014
    assert got["$1.1 billion"][0].year == got["12 percent"][0].year == 2015


@pytest.mark.parametrize("base", ["the same timeframe last year", "the same time frame last year", "the same time last year"])
def test_the_same_time_last_year_is_a_year_on_year_base_not_the_figure_s_period(base):
    got = {a: (b, p) for a, *_, b, p in trades(f"Kenya's exports to Uganda reached $92 million in the first ten days "
                                               f"of June, up 4.1 percent from {base}.")}
    assert got["4.1 percent"] == ("year_on_year", "the first ten days of June")
    assert got["$92 million"][1] == "the first ten days of June"


def test_mom_in_capitals_after_a_change_is_month_on_month():
    got = {a: b for a, *_, b, _ in trades("Kenya's exports to Uganda reached $92 million in June, down 2.4% YOY and "
                                          "down 0.6% MOM.")}
    assert got["2.4%"] == "year_on_year" and got["0.6%"] == "period_on_period"


def test_export_value_and_import_value_name_their_flows():
    """'...; therein export value $98 million, up 4.6%; import value $114 million, down 3.9%': each value
    is of the flow its trade word names, not the sentence's total."""
    got = parties("In January-August 2018, Peru's trade with Chile totaled $640 million. Trade reached $212 million "
                  "in August, down 2.2%; therein export value $98 million, up 4.6%; import value $114 million, down "
                  "3.9%.", published="2018-09-20")
    assert got["$98 million"][:3] == ("directional", "PER", "CHL")
    assert got["$114 million"][:3] == ("directional", "CHL", "PER")


def test_the_second_flow_after_with_takes_the_second_figure():
    """'with exports totaling X and imports at Y': the parser joins 'imports' to the first figure and hangs
    the second on 'totaling'; the second figure is the imports'."""
    got = parties("In the first half, Peru posted a trade surplus of EUR 4.1 billion, with exports totaling EUR "
                  "88.3 billion and imports at EUR 84.2 billion, the statistics office said.", published="2023-08-01")
    assert got["EUR 88.3 billion"][1:3] == ("PER", "WLD") and got["EUR 84.2 billion"][1:3] == ("WLD", "PER")


def test_an_import_value_hung_on_its_figure_names_the_flow_and_no_part_outgrows_a_misread_total():
    """'including export value 27.8 billion yuan, up 1.2%; import value 10.4 billion yuan, up 14.0%': the parser
    makes 'import value' a modifier of the figure; read as total trade, it was smaller than the exports (a
    false 'part larger than its whole')."""
    r = extract("In May alone, Ningbo export and import totaled 38.2 billion yuan, up 6.1% YOY, including export "
                "value 27.8 billion yuan, up 1.2% YOY; import value 10.4 billion yuan, up 14.0% YOY.", published="2017-06-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["10.4 billion yuan"] == got["14.0%"] == ("WLD", "Ningbo")
    assert not [f for f in consistency_of(r) if f.status == "inconsistent"]


def test_a_copula_conjunct_s_flow_is_the_noun_written_right_before_it():
    """'exports were $3.2 billion with a 15% decline and imports were $4.2 billion': the parser hangs
    'imports' on 'decline' and gives the second 'were' no subject; the noun before it is its flow."""
    got = parties("In July 2015, exports of Peru were 3.2 billion dollars with a 14.6% decline and imports were "
                  "4.2 billion dollars with a 7.3% decline from July 2014.", published="2015-08-03")
    assert got["3.2 billion dollars"][1:3] == ("PER", "WLD")
    assert got["4.2 billion dollars"][1:3] == ("WLD", "PER")


def test_a_respectively_list_of_bases_dates_no_figure():
    """'28.1% and 21.4% higher than in December 2019 and 2020, respectively': both changes are
    December 2021's, each against its own base (a year before: year on year; two years before: no
    basis); 'March 2019, the month before ...' is one base restated, not a list."""
    r = extract("In December 2021, Peru's exports totaled US$5,120 million, 28.1% and 21.4% higher than in "
                "December 2019 and 2020, respectively.", published="2022-02-10")
    got = {r.amounts[c.amount].text: (r.periods[c.period].text, c.trade.basis, c.kind) for c in r.claims
           if c.trade is not None and c.amount is not None}
    assert got["28.1%"] == ("December 2021", None, "trade_change")
    assert got["21.4%"] == ("December 2021", "year_on_year", "trade_change")
    r = extract("Peru's exports rose in January 2022. Set against March 2019, the month before the port "
                "strike, imports and exports were up 13.2 percent and 5.1 percent, respectively.", published="2022-03-10")
    assert {r.periods[c.period].text for c in r.claims if c.trade is not None and c.kind == "trade_change"} == {"January 2022"}


def test_respectively_pairs_flows_written_as_a_list_the_parser_joined_to_another():
    """'..., the last month before the mine closures, imports and exports were up 13.2 percent and 5.1
    percent, respectively': the parser makes 'closures, imports and exports' one list; the flows as written pair
    with the figures in order."""
    got = parties("Chile's exports rose in January 2022. Measured against March 2019, the last month before the "
                  "mine closures, imports and exports bounced back and were up 13.2 percent and 5.1 percent, respectively.",
                  published="2022-03-10")
    assert got["13.2 percent"][1:3] == ("WLD", "CHL") and got["5.1 percent"][1:3] == ("CHL", "WLD")


@pytest.mark.parametrize("flows", ["exports, overall trade and trade surplus", "exports, total trade and the trade surplus"])
def test_respectively_gives_a_balance_in_a_list_of_flows_its_own_figure_and_no_claim(flows):
    """'exports, total trade and the trade surplus fell by A, B and C, respectively': each flow its
    figure in order, the balance its own, which is no trade claim (the parser hangs 'total trade' on
    'surplus' and pairs the two 'trade's)."""
    text = ("Thailand's exports fell to $21 billion in May 2023. Against April 2023, Thailand's imports logged a "
            f"rise of 2.2 per cent while {flows} declined by 11.3 per cent, 4.6 per cent and 57.9 per cent, "
            "respectively.")
    got = parties(text, published="2023-06-20")
    assert got["11.3 per cent"][:3] == ("directional", "THA", "WLD")
    assert got["4.6 per cent"][0] == "total"
    assert "57.9 per cent" not in got


def test_states_among_the_top_trading_partners_with_respective_figures_are_partners():
    """'China, India and Japan were among the top trading partners, with trade value at A, B and C,
    respectively': a list of states put among the story's state's partners is a list of partners."""
    text = ("Qatar's non-oil foreign trade rose 14 percent to QR90 billion in the first quarter of 2023. Korea, "
            "Italy and Japan were among the leading trading partners in the first three months, with trade values at "
            "QR9bn, QR7.5bn and QR6bn, respectively.")
    got = parties(text, published="2023-05-10")
    assert [got[a][3] for a in ("QR9bn", "QR7.5bn", "QR6bn")] == [("KOR", "QAT"), ("ITA", "QAT"), ("JPN", "QAT")]


@pytest.mark.parametrize("text, figure", [
    ("Egypt's trade with Asia rose 12 percent in the first half. Trade with its top three Asian partners — "
     "China, India and Japan — rose 21, 35 and 9 percent, respectively.", "35"),
    ("Peru's exports to its trading partners in Asia rose 6 percent to $9.1 billion in 2021.", "$9.1 billion"),
])
def test_a_noun_of_partners_names_no_goods(text, figure):
    """'its top three Asian partners', 'its trading partners': who trades, never what; a count of
    partners is no trade figure."""
    r = extract(text, published="2022-07-20")
    trades = {r.amounts[c.amount].text: c.trade for c in r.claims if c.trade is not None and c.amount is not None}
    assert trades[figure].commodity_text is None
    assert not any(r.amounts[c.amount].unit == "count" for c in r.claims if c.trade is not None and c.amount is not None)


@pytest.mark.parametrize("compared", ["compared with", "compared to", "against", "versus"])
def test_a_change_compared_with_an_earlier_change_noun_keeps_that_change_s_time(pipeline, compared):
    """'rose 8 percent in May, compared with a 14 percent rise a year earlier': the change the
    sentence's change is set against has its own time, as after 'after a 14 percent rise'."""
    claims = _changes(pipeline, f"Kenya's tea exports rose 8 percent in May, {compared} a 14 percent rise a year earlier.",
                      "2023-06-20")
    assert claims["8 percent"][4] == "2023-05" and claims["14 percent"][4] == "2022-05"


@pytest.mark.parametrize("since", ["since January 2023", "since January"])
def test_a_flow_counted_since_january_is_the_year_so_far(since):
    """'shipments since January have risen 11% to $30.5 billion', written in August: January to the
    latest month (July), as 'since the beginning of the year' is; not a January of an earlier year,
    nor 'since January' in a sentence that dates no figure."""
    r = extract(f"Chile's copper shipments {since} have risen by 11% to $30.5 billion, the central bank said.",
                published="2023-08-10")
    p = r.periods[claim_of(r, "$30.5 billion").period]
    assert (str(p.from_), str(p.to)) == ("2023-01-01", "2023-07-31")
    earlier = extract("Chile's copper shipments since January 2019 have doubled to $30.5 billion.", published="2023-08-10")
    assert claim_of(earlier, "$30.5 billion").period is None
    counted = extract("Exports have grown faster than imports for seven months since January 2023. On a "
                      "month-on-month basis, Chile's imports grew by 3 percent in July.", published="2023-08-10")
    assert str(counted.periods[claim_of(counted, "3 percent").period].from_) == "2023-07-01"


def test_a_change_set_against_a_named_month_is_the_next_month_s():
    """'Compared to October 2019, imports rose 1.6% while exports slipped 9.7%': both changes are
    November's, month on month -- the text's own November, marked as inferred -- and the story's
    eleven months stay the period of what follows."""
    text = ("Peru's exports fell 2.3 per cent in the first eleven months of 2019. Compared to October 2019, Peru's "
            "imports rose by 1.6 per cent while exports slipped by 9.7 per cent. Exports during this "
            "period totalled $40 billion. Peru's trade in November 2019 fell 4 percent year-on-year.")
    r = extract(text, published="2020-01-03")
    for figure in ("1.6 per cent", "9.7 per cent"):
        c = claim_of(r, figure)
        assert (r.periods[c.period].text, c.trade.basis) == ("November 2019", "period_on_period")
        assert "period" in c.inferred
    assert r.periods[claim_of(r, "$40 billion").period].text == "the first eleven months of 2019"
    anaphoric = extract("Peru's exports rose 3 percent in July. Peru's imports rose 2 percent compared with the "
                        "previous month.", published="2023-08-20")
    assert claim_of(anaphoric, "2 percent").trade.basis == "period_on_period"


def test_a_respectively_list_of_states_after_followed_by_pairs_each_with_its_figure():
    """'... to Thailand, followed by China and Vietnam with A and B, respectively': each state its
    figure, in the role the state ranked first plays (here the partner), not the state written
    nearest both figures."""
    got = parties("Laos sold goods worth $620 million to Thailand in March, followed by China and Vietnam with "
                  "$210 million and $95 million, respectively.", published="2024-04-20")
    assert got["$210 million"][1:3] == ("LAO", "CHN") and got["$95 million"][1:3] == ("LAO", "VNM")


@pytest.mark.parametrize("text, figure", [
    ("Mongolia's imports climbed to $5.8 billion and exports to $7.3 billion in the first half.", "$7.3 billion"),
    ("Mongolia's trade fell 2 percent in the first half, while imports shrank by 1.5 percent and exports by 4.2 "
     "percent.", "4.2 percent"),
])
def test_the_flow_of_a_gapped_clause_owns_its_figure(text, figure):
    """'imports climbed to X and exports to Y': the verb left out of the second clause (gapping), its
    flow noun right before the figure's 'to' or 'by' is the figure's."""
    assert parties(text, published="2023-08-20")[figure][:3] == ("directional", "MNG", "WLD")


@pytest.mark.parametrize("second", [
    "The figures for the like period of 2022 were $1.7 billion and $0.9 billion, respectively.",
    "In the like period of 2022, both sums stood at $1.7 billion and $0.9 billion, respectively.",
])
def test_figures_a_year_earlier_pair_with_the_flows_of_the_sentence_before(second):
    """'The figures for the like period of 2022 were X and Y, respectively': the base period the
    subject (or a fronted phrase) names dates the levels, and with no list of its own the sentence
    pairs them with the flows the sentence before gave figures for, in their order."""
    r = extract("Bhutan's imports climbed to $1.9 billion and its exports to $1.1 billion in the first half of "
                f"2023. {second}", published="2023-08-20")
    for figure, ends in (("$1.7 billion", ("WLD", "BTN")), ("$0.9 billion", ("BTN", "WLD"))):
        c = claim_of(r, figure)
        assert (c.trade.from_, c.trade.to) == ends
        assert (str(r.periods[c.period].from_), str(r.periods[c.period].to)) == ("2022-01-01", "2022-06-30")


def test_a_respectively_pair_does_not_reach_past_a_sentence_without_figures():
    """'Before, imports cost more than exports. A year ago they were X and Y, respectively': the list
    the pronoun points to is further back than the sentence before, which gave no figures."""
    r = extract("Bhutan's export earnings and import bills were each $1 billion in May 2023. Before, imports cost "
                "more than export sales did. Twelve months earlier, they were respectively $1.2 billion and $1.8 "
                "billion.", published="2023-06-20")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got.get("$1.2 billion") != ("WLD", "BTN")


@pytest.mark.parametrize("base", ["the comparison period", "the corresponding period", "the comparable period"])
def test_a_level_in_the_comparison_period_is_the_same_period_a_year_earlier(base):
    """'fell to $300 million, compared to $369 million in the comparison period': with no year written,
    the base of a comparison is the same period a year earlier -- no goods called 'comparison', and no
    second level for the story's own quarter."""
    r = extract("Jordan's exports rose 4% to $2.1 billion in the first quarter of 2023. Jordan's imports of furniture "
                f"fell to $31 million, compared to $36.9 million in {base}.", published="2023-05-10")
    c = claim_of(r, "$36.9 million")
    assert c.trade.commodity_text == "furniture"
    assert (str(r.periods[c.period].from_), str(r.periods[c.period].to)) == ("2022-01-01", "2022-03-31")


@pytest.mark.parametrize("clause", ["which declined by 8.4 percent", "whose value fell by 8.4 percent"])
def test_a_change_in_a_relative_clause_on_a_period_is_that_period_s(clause):
    """'a 12 percent increase compared to May 2022, which declined by 8.4 percent': the relative
    clause tells the period it hangs on, not the sentence's own month."""
    r = extract(f"Jordan's exports in May 2023 posted a 12 percent increase compared to May 2022, {clause}.",
                published="2023-07-10")
    c = claim_of(r, "8.4 percent")
    assert str(r.periods[c.period].from_) == "2022-05-01"
    assert str(r.periods[claim_of(r, "12 percent").period].from_) == "2023-05-01"


@pytest.mark.parametrize("passing", [
    "Its trade with Laos exceeded the total for the whole of 2009.",
    "Shipments to Laos topped those of Thailand for the fourth time this year.",
])
def test_the_time_of_a_figure_passed_is_not_the_story_s(passing):
    """'exceeded the total for the whole of 2009', 'topped those of Thailand for the fourth time this
    year': a period under a verb of surpassing whose object is a figure named by a noun dates what was
    passed, not the figures told after it."""
    r = extract("Yunnan's foreign trade rose 12 percent to $2 billion in the first two months of 2021. "
                f"{passing} Trade with Australia surged 31 percent to $140 million.", published="2021-03-20")
    p = r.periods[claim_of(r, "$140 million").period]
    assert (str(p.from_), str(p.to)) == ("2021-01-01", "2021-02-28")


def test_a_sum_surpassed_keeps_its_own_month():
    r = extract("Peru's exports exceeded $5 billion in March. Copper shipments rose 9 percent.", published="2023-04-20")
    assert str(r.periods[claim_of(r, "9 percent").period].from_) == "2023-03-01"


@pytest.mark.parametrize("text, figure, pair", [
    ("Hubei's trade reached 50 billion yuan with the European Union in the first 11 months.", "50 billion yuan",
     ("EUU", "Hubei")),
    ("Hubei logged a trade volume valued at 80 billion yuan with members of the Association of Southeast Asian "
     "Nations in the first 11 months.", "80 billion yuan", ("ASEAN", "Hubei")),
    ("Hubei's trade grew 5 percent with strong demand from Europe in the first 11 months.", "5 percent",
     ("Hubei", "WLD")),
])
def test_a_with_phrase_after_the_figure_names_the_other_state_of_a_total(text, figure, pair):
    """'trade reached X with the EU', 'a trade volume valued at X with members of ASEAN': the 'with'
    phrase written after the figure, on the verb or the participle of the trade noun, names the other
    state of the total (the state itself or its 'of' phrase; not 'demand from Europe')."""
    got = parties(text, published="2022-12-20")[figure]
    assert got[0] == "total" and tuple(sorted(got[3])) == tuple(sorted(pair))


@pytest.mark.parametrize("verb", ["earned", "collected", "raked in"])
def test_who_earns_from_goods_exports_exports_them(verb):
    """'Kenya earned $300 million from tea exports': the subject of a verb of earning is the exporter,
    also when the goods modify the exports (and not the state of the story told before)."""
    got = trades(f"Mexico's exports grew 27.8 percent in February. Kenya {verb} $300 million from tea exports in 2021.",
                 published="2022-03-20")
    tea = next(t for t in got if t[0] == "$300 million")
    assert tea[1:4] == ("directional", "KEN", "WLD")


@pytest.mark.parametrize("firm", ["Ningbo Sunrise Brewery Co exported beers worth 23 million yuan to Kenya.",
                                  "Acme Foods Ltd.'s exports reached 23 million yuan."])
def test_a_company_s_trade_is_no_state_s_flow(firm):
    """'Ningbo Sunrise Brewery Co exported beers worth ...': a company (by its name's last word) is the
    subject or possessor, so the figure is no trade claim of the state the story was telling."""
    r = extract(f"Zhejiang's exports to India rose 8 percent in the first seven months. {firm}", published="2022-08-20")
    assert all(r.amounts[c.amount].text != "23 million yuan" for c in r.claims if c.trade is not None)


def test_a_level_compared_in_a_relative_clause_keeps_its_own_period():
    """'came to $48.8 million in the first five months of 2021, which is 18% more than the $41.2 million
    of the first five months of 2020': the level inside the relative clause has its own time;
    only a change with none of its own takes the period the clause hangs on."""
    r = extract("Fiji's imports from Japan came to $48.8 million in the first five months of 2021, which is 18% "
                "more than the $41.2 million of the first five months of 2020.", published="2021-06-20")
    p = r.periods[claim_of(r, "$41.2 million").period]
    assert (str(p.from_), str(p.to)) == ("2020-01-01", "2020-05-31")


def test_a_participle_on_a_noun_of_time_names_the_figure_s_period():
    """'Looking at the period running from July to March, exports rose 14%': the participle on
    'period' names the time the main clause's figures are for."""
    r = extract("Looking at the period running from July to March 2023-24, Nepal's exports rose 11.6 percent to "
                "$1.2 billion.", published="2024-04-20")
    p = r.periods[claim_of(r, "$1.2 billion").period]
    assert (str(p.from_), str(p.to)) == ("2023-07-01", "2024-03-31")


def test_a_headline_restating_the_body_s_figure_is_one_claim():
    """'Laos-Japan trade tops $2 billion in first half' over 'trade between Laos and Japan in the first half
    exceeded $2 billion' on an undated page: one claim, the body's (the headline's words give its time less
    surely, and two undated spans are not known to be one)."""
    r = extract("Laos-Japan trade tops more than $2 billion in first half\n\nTwo-way trade between Laos and Japan in "
                "the first half exceeded more than $2 billion, customs said.", published=None)
    figures = [c for c in r.claims if c.trade is not None and r.amounts[c.amount].value == 2e9]
    assert len(figures) == 1 and figures[0].sentence.rstrip().endswith(".")


def test_a_bracket_after_a_period_narrows_it():
    """'in fiscal 2021 to date (July to December)': the bracketed months, inside the fiscal year,
    are the figure's period (not the whole year)."""
    r = extract("Pakistan's imports rose 9% to $26.2 billion in fiscal 2021 to date (July to December).",
                published="2021-01-20")
    p = r.periods[claim_of(r, "$26.2 billion").period]
    assert (p.text, str(p.from_), str(p.to)) == ("July to December", "2020-07-01", "2020-12-31")
