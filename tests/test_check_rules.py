"""The verdict rules as pure functions, and the article-against-itself checks."""
from datetime import date

import pytest

from extractor.pipeline.calendar_spans import shift_period
from extractor.verify.consistency import consistency_of
from extractor.verify.intervals import Interval, claim_supported, figure_interval
from extractor.verify.wording import duration_months, months_words
from models import Amount


def amount(value, bound="exact", precision=0.0, unit="USD", low=None, high=None):
    return Amount(text="x", start=0, end=1, value=value, unit=unit, bound=bound, precision=precision, low=low, high=high)


def test_exact_claim_agrees_within_both_precisions():
    # "$271.2 million" against a stored "$271 million"
    ok, gap = claim_supported(amount(271.2e6, precision=50_000), figure_interval(271e6, 500_000, None))
    assert ok and gap == 0


def test_truncated_figure_is_a_gap_not_an_overlap():
    # "$54 million" for a figure of 54.68 million: off by 0.675 million (close, not supported)
    ok, gap = claim_supported(amount(54e6, precision=500_000), figure_interval(54.68e6, 5_000, None))
    assert not ok
    assert gap == pytest.approx(54.675e6 - 54.5e6)


def test_bounds_need_some_value_of_the_figure_beyond_them():
    fig = figure_interval(228.1e6, 50_000, None)
    assert claim_supported(amount(228e6, "more_than", 500_000), fig)[0]
    assert not claim_supported(amount(230e6, "more_than", 500_000), fig)[0]
    assert claim_supported(amount(230e6, "less_than"), fig)[0]
    assert not claim_supported(amount(228e6, "at_most"), fig)[0]


def test_approx_claims_cover_five_percent():
    fig = figure_interval(100e6, 50_000, None)
    assert claim_supported(amount(104e6, "approx", 500_000), fig)[0]
    assert not claim_supported(amount(110e6, "approx", 500_000), fig)[0]


def test_ranges_overlap_with_low_high():
    fig = figure_interval(1.7e9, 5e6, None)
    assert claim_supported(amount(1.5e9, "range", 5e8, low=1e9, high=2e9), fig)[0]
    assert not claim_supported(amount(2.5e9, "range", 5e8, low=2e9, high=3e9), fig)[0]


def test_hedged_figure_covers_five_percent():
    about = figure_interval(63.6e6, 50_000, "about")
    assert about.low == pytest.approx(63.6e6 * 0.95) and about.high == pytest.approx(63.6e6 * 1.05)
    nearly = figure_interval(2e9, 5e8, "nearly")
    assert nearly.high == 2e9 + 5e8 and nearly.low == 2e9 - 5e8


def test_interval_gap_and_sum():
    assert Interval(1, 2).gap(Interval(3, 5)) == 1
    assert Interval(1, 2) + Interval(10, 20) == Interval(11, 22)


@pytest.mark.parametrize("duration, months", [("P6Y", 72), ("P18M", 18), ("P2Y6M", 30), ("bogus", None)])
def test_duration_months(duration, months):
    assert duration_months(duration) == months


def test_base_periods_of_changes():
    assert shift_period(date(2025, 9, 1), date(2025, 9, 30), "year_on_year") == (date(2024, 9, 1), date(2024, 9, 30))
    assert shift_period(date(2025, 3, 1), date(2025, 3, 31), "period_on_period") == (date(2025, 2, 1), date(2025, 2, 28))
    assert shift_period(date(2017, 1, 1), date(2017, 6, 30), "period_on_period") == (date(2016, 7, 1), date(2016, 12, 31))
    assert months_words(69) == "5 years 9 months"


def test_duration_that_contradicts_a_since_date(pipeline):
    text = ("Exports from China to North Korea hit their highest level in over five years in May. "
            "China's exports to North Korea reached $201.3 million in May, the highest since March 2021.")
    r = pipeline.extract(text, published="2025-06-20")
    found = consistency_of(r)
    assert len(found) == 1
    assert "since March 2021" in found[0].explanation and "4 years 2 months" in found[0].explanation


def test_duration_that_fits_the_since_date_is_consistent(pipeline):
    text = ("Exports from China to North Korea hit their highest level in three years in May. "
            "China's exports to North Korea reached $201.3 million in May, the highest since March 2021.")
    assert consistency_of(pipeline.extract(text, published="2025-06-20")) == []


def test_part_larger_than_whole(pipeline):
    text = ("Trade between China and North Korea totaled $120 million in April. "
            "China's exports to North Korea were $150 million in April.")
    found = consistency_of(pipeline.extract(text, published="2025-05-20"))
    assert [f.explanation.startswith("one direction") for f in found] == [True]


def test_same_figure_stated_twice_with_two_values(pipeline):
    text = ("China's exports to North Korea were $98 million in June. "
            "Later in the report, China's exports to North Korea in June were put at $89 million.")
    found = consistency_of(pipeline.extract(text, published="2025-07-20"))
    assert len(found) == 1 and "is given as" in found[0].explanation


def test_one_flow_recorded_by_each_side_s_customs_is_two_records_not_one_figure_twice(pipeline):
    """Mirror statistics: the exporter's customs and the importer's customs each record the flow,
    and their figures differ by design (valuation, timing)."""
    text = ("Japan's exports to China rose 3 percent to $12.7 billion in May, Japan's Ministry of Finance said. "
            "China's imports from Japan in May were $14.6 billion, according to China's General Administration "
            "of Customs.")
    mirror = text.replace("according to China's General Administration of Customs", "the ministry said")
    assert consistency_of(pipeline.extract(text, published="2025-06-20")) == []
    # the same body giving the flow two values is still flagged
    found = consistency_of(pipeline.extract(mirror, published="2025-06-20"))
    assert len(found) == 1 and "is given as" in found[0].explanation


def test_change_that_does_not_fit_the_stated_levels(pipeline):
    text = ("China's exports to North Korea were $100 million in May 2024. "
            "China's exports to North Korea were $150 million in May 2025. "
            "China's exports to North Korea rose 20% in May 2025 from a year earlier.")
    found = consistency_of(pipeline.extract(text, published="2025-06-20"))
    assert len(found) == 1 and "+50.0%" in found[0].explanation


# ---------------------------------------------------------------- the arithmetic of the article's figures

# Each case: an article with one slot, the value that makes it contradict itself (and what the
# explanation must say), and the value that makes it hold together.
_ARITHMETIC = {
    # one figure in two currencies: the others convert at about 108 yen per dollar
    "restated currency": (
        "Peru recorded a 52.1 billion yen ($480 million) trade deficit with Japan in June. The deficit compares "
        "with a 9.8 billion yen ($91 million) surplus in May. Exports fell 4 per cent to 602 billion yen "
        "({}) in June, and imports rose to 654.1 billion yen ($6.02 billion).",
        "2024-07-20", "$55 million", "602 billion yen ($55 million)", "$5.5 billion"),
    # 900/0.9 + 800/0.8 = 2,000 a year earlier; 1,700 now is a 15% fall
    "a total's change from its flows": (
        "Chile's trade with Peru fell {} in 2023 from a year earlier. Chile's exports to Peru fell 10 percent "
        "to $900 million in 2023, while its imports from Peru dropped 20 percent to $800 million.",
        "2024-02-01", "25 percent", "-15.5% to -14.5%", "15 percent"),
    # a hedged level sits in both the total and its base, so "about" cannot widen the total's change
    # much: 760..840 + 900 against their bases give -15.1% .. -14.9%, far from "nearly 19"
    "a total's change from a hedged flow": (
        "Chile's trade with Peru fell {} in 2023 from a year earlier. Chile's imports from Peru fell 20 percent "
        "to about $800 million in 2023. Chile's exports to Peru fell 10 percent to $900 million in 2023.",
        "2024-02-01", "nearly 19 percent", "not 'nearly 19 percent'", "15 percent"),
    "the base year's total": (
        "Chile's exports to Peru fell 10 percent to $900 million in 2023, while its imports from Peru dropped "
        "20 percent to $800 million. Chile's trade with Peru was {} in 2022.",
        "2024-02-01", "$2.6 billion", "2022", "$2 billion"),
    # 2.83 + 0.31 = 3.14 (to within the stated digits: 3.13-3.15)
    "a total is its two flows": (
        "Trade between Laos and Vietnam reached {} in 2023. Laos's imports from Vietnam were $2.83 billion "
        "in 2023, while Laos's exports to Vietnam were $310 million in 2023.",
        "2024-03-01", "$3.4 billion", "add up to $3.13 billion to $3.15 billion", "$3.14 billion"),
    # 3.46 - 2.9 = 0.56
    "a change as a sum of money": (
        "Chile's copper exports to Peru were $2.9 billion in 2022. Chile's copper exports to Peru "
        "rose by {} to $3.46 billion in 2023 from a year earlier.",
        "2024-02-01", "$0.9 billion", "not fit the article's own levels", "$560 million"),
    # 181.4 / 70.1 = 2.59
    "a multiple of another period's figure": (
        "Laos-Vietnam trade came to $70.1 million in September 2023. In September 2019, trade between Laos "
        "and Vietnam was worth $181.4 million, nearly {} times the September 2023 figures.",
        "2023-10-20", "four", "2.59 times", "2.6"),
    # 6.32 - 5.9 = 0.42
    "a balance is exports minus imports": (
        "Peru's exports rose 4.1 percent to $6.32 billion in May. Imports rose 2.2 per cent to $5.9 billion that "
        "month, leaving a trade surplus of {}.",
        "2024-06-15", "$0.61 billion", "not a surplus of '$0.61 billion'", "$0.42 billion"),
    # 12.4 - 12.4 / 1.24 = 2.4
    "a change as a share and as an amount": (
        "Peru's exports rose 3 percent in May. For the first five months, the value of exported copper amounted to "
        "$12.4 billion, a rise of 24.0 percent, or {}, on the same months of 2023.",
        "2024-06-15", "$1.1 billion", "not '$1.1 billion'", "$2.4 billion"),
}


@pytest.mark.parametrize("case", sorted(_ARITHMETIC))
def test_figures_that_cannot_all_hold_are_flagged(pipeline, case):
    text, published, wrong, says, _right = _ARITHMETIC[case]
    found = consistency_of(pipeline.extract(text.format(wrong), published=published))
    assert len(found) == 1 and says in found[0].explanation


@pytest.mark.parametrize("case", sorted(_ARITHMETIC))
def test_figures_that_hold_together_are_consistent(pipeline, case):
    text, published, _wrong, _says, right = _ARITHMETIC[case]
    assert consistency_of(pipeline.extract(text.format(right), published=published)) == []


def test_flows_in_one_currency_are_not_summed_against_a_total_in_another(pipeline):
    # 2,000 billion yuan a year earlier is no contradiction of a total stated in dollars
    text = ("Chile's exports to Peru fell 10 percent to 900 billion yuan in 2023, while its imports from Peru dropped "
            "20 percent to 800 billion yuan. Chile's trade with Peru was $290 billion in 2022.")
    assert consistency_of(pipeline.extract(text, published="2024-02-01")) == []


@pytest.mark.parametrize("headline,flagged", [
    ("Laos-Vietnam trade totals $3.1 billion in 2023", False),   # 3.16 rounded down by the headline
    ("Laos-Vietnam trade totals $3.4 billion in 2023", True),    # 8% off: no rounding gives it
])
def test_a_headline_rounds_its_figures(pipeline, headline, flagged):
    text = (f"{headline}\n\nTrade between Laos and Vietnam reached $3.16 billion in 2023. Laos's imports from "
            "Vietnam were $2.85 billion in 2023, while Laos's exports to Vietnam were $310 million in 2023.")
    assert bool(consistency_of(pipeline.extract(text, published="2024-03-01"))) is flagged


def test_superlatives_of_two_flows_do_not_contradict_each_other(pipeline):
    # the total is at its highest in over a year; one flow at its highest since a month 9 months back
    text = ("Laos's trade with Vietnam last month reached its highest in over a year. Laos's imports "
            "from Vietnam went from $3.3 million in May to $9.6 million in June 2021, the most "
            "since March 2020, while Laos's exports to Vietnam rose to $61 million, the most "
            "since October 2020.")
    result = pipeline.extract(text, published="2021-07-20")
    assert consistency_of(result) == []
    described = {result.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in result.claims
                 if c.kind == "comparison" and c.amount is not None}
    assert described == {"$9.6 million": ("VNM", "LAO"), "$61 million": ("LAO", "VNM")}


def test_a_goods_change_is_not_restated_against_the_total(pipeline):
    """'led by meat, whose value rose 15 percent, or $550 million': the change is the meat's (a
    total of $6.2 billion that rose 15 percent would have risen by $809 million)."""
    text = ("Chile's exports rose to $6.2 billion in the June quarter, led by copper, whose value rose 15 percent, "
            "or $550 million, the central bank said.")
    result = pipeline.extract(text, published="2023-08-10")
    assert consistency_of(result) == []
    goods = {result.amounts[c.amount].text: c.trade.commodity_text for c in result.claims if c.trade is not None}
    assert goods["15 percent"] == goods["$550 million"] == "copper" and goods["$6.2 billion"] is None


def test_flows_of_a_sentence_with_its_own_balance_are_not_checked_against_another(pipeline):
    """The second sentence's flows leave its own surplus (22.5 - 19.2 = 3.3); whoever they are with,
    they are not the lead's world flows."""
    text = ("Japan posted a trade surplus of ¥1.6 trillion in the first half of 2024, data showed. With other Asian "
            "countries, Japan posted a surplus of ¥3.3 trillion as exports climbed 14 percent to ¥22.5 "
            "trillion and imports grew 11 percent to ¥19.2 trillion.")
    assert consistency_of(pipeline.extract(text, published="2024-07-20")) == []


def test_a_cut_off_conversion_is_no_restatement(pipeline):
    """A caption cut after its first digits ('$4.1 billion (S$5') states no exchange rate."""
    text = ("Peru recorded a 52.1 billion yen ($480 million) trade deficit with Japan in June. The deficit compares "
            "with a 9.8 billion yen ($91 million) surplus in May. Exports fell 4 per cent to 602 billion yen "
            "($5.5 billion) in June, and imports rose to 654.1 billion yen ($6.05 billion).\n\n"
            "Exports to Chile fell to 120 billion yen ($1")
    assert consistency_of(pipeline.extract(text, published="2024-07-20")) == []


def test_a_balance_with_another_partner_is_not_checked_against_this_pair(pipeline):
    text = ("Peru's exports to Chile were $5 billion in May, and its imports from Chile were $3 billion in May. "
            "Peru ran a $4 billion trade deficit with Bolivia in May.")
    assert consistency_of(pipeline.extract(text, published="2024-06-20")) == []


def test_a_balance_s_own_partner_after_its_figure_beats_the_one_named_before(pipeline):
    """'... after the $1 billion surplus with Chile, was a $4 billion deficit with Bolivia': the
    second balance is with Bolivia, not with the Chile the words before it name."""
    text = ("Peru's exports to Chile were $5 billion in May, and its imports from Chile were $3 billion in May. "
            "Its second largest balance, after the $2 billion surplus with Chile, was a $4 billion deficit with Bolivia.")
    assert consistency_of(pipeline.extract(text, published="2024-06-20")) == []
    # the pair's own balance, wrong, is still flagged
    wrong = text.split(" Its second")[0] + " After a $2 billion surplus with Bolivia, Peru ran a $4 billion trade surplus with Chile in May."
    assert consistency_of(pipeline.extract(wrong, published="2024-06-20")) != []


def test_two_values_far_apart_for_one_cell_are_two_figures_not_one_given_twice(pipeline):
    text = ("China's exports to North Korea were $98 million in June. "
            "Later in the report, China's exports to North Korea in June were put at $9 million.")
    assert consistency_of(pipeline.extract(text, published="2025-07-20")) == []


@pytest.mark.parametrize("balance,flagged", [
    ("a trade surplus of $2.4 billion", False),   # over three times the difference, smaller than the flows:
    ("a trade surplus of $700", False),           # another period's, or a figure that lost its unit
    ("a trade surplus of $900 million", True),    # near the difference, and wrong: flagged
    ("a trade surplus of $8 billion", True),      # larger than both flows: fits no period, flagged
])
def test_a_balance_far_from_the_flows_difference_is_flagged_only_when_no_period_could_hold_it(
        pipeline, balance, flagged):
    text = (f"Peru's exports were $5.2 billion in May and its imports were $4.5 billion in May, leaving {balance}.")
    assert bool(consistency_of(pipeline.extract(text, published="2024-06-20"))) is flagged


@pytest.mark.parametrize("balance,flagged", [
    # a balance someone expected is not the one reported
    ("a trade surplus of $700 million, above the $500 million surplus economists had forecast", False),
    ("a trade surplus of $700 million, against a forecast surplus of $500 million", False),
    # a balance of a part of trade (goods, services, the current account) is not exports minus imports
    ("a trade surplus of $700 million, while the fuels balance showed a $300 million deficit", False),
    ("a surplus of $700 million, and the oil and gas trade surplus reached $900 million", False),
    ("a $700 million surplus, though the current account deficit widened to $1.1 billion", False),
    # words that leave the balance all goods' still let a wrong one be flagged
    ("a record monthly trade surplus of $900 million", True),
    ("Peru's merchandise trade surplus at $900 million", True),
])
def test_an_expected_balance_or_a_part_s_balance_is_not_checked_against_the_flows(pipeline, balance, flagged):
    text = (f"Peru's exports were $5.2 billion in May and its imports were $4.5 billion in May, leaving {balance}.")
    assert bool(consistency_of(pipeline.extract(text, published="2024-06-20"))) is flagged


@pytest.mark.parametrize("balance,flagged", [
    # a balance recalled as a comparison's base is an earlier period's
    ("a trade surplus of $710 million, compared with a $1.3 billion surplus a year ago", False),
    ("a trade surplus of $710 million, against a revised $90 million in April and a $1.3 billion surplus in "
     "May a year ago", False),
    # ... also as 'against the deficit of $X during the same period last year'
    ("a trade surplus of $710 million against the surplus of $1.3 billion during the same month of last year", False),
    ("a trade surplus of $710 million, against a surplus of $1.3 billion in the corresponding month", False),
    # the month's own balance, wrong, is still flagged
    ("a trade surplus of $1.3 billion, compared with a $700 million surplus a year ago", True),
])
def test_a_balance_recalled_as_a_base_is_not_checked_against_the_month_s_flows(pipeline, balance, flagged):
    text = f"Peru's exports were $5.2 billion in May and its imports were $4.5 billion in May, leaving {balance}."
    assert bool(consistency_of(pipeline.extract(text, published="2024-06-20"))) is flagged


def test_a_deficit_the_flows_turn_into_a_surplus_is_said_so(pipeline):
    text = "Peru's exports were $5.2 billion in May and its imports were $4.5 billion in May, leaving a deficit of $700 million."
    (finding,) = consistency_of(pipeline.extract(text, published="2024-06-20"))
    assert "leave a surplus of $" in finding.explanation and "not a deficit of '$700 million'" in finding.explanation


def test_a_flow_of_all_goods_is_no_part_of_a_goods_total(pipeline):
    """Farm trade of $2.2 billion beside all goods one way of $9.8 billion: two cells, no part and whole."""
    text = ("Trade in farm products between Peru and Chile reached $2.2 billion in the first half. Peru's imports "
            "from Chile were $9.8 billion in the first half, and its exports to Chile $11.2 billion.")
    assert consistency_of(pipeline.extract(text, published="2024-08-02")) == []
    same_goods = ("Trade between Peru and Chile reached $2.2 billion in the first half. Peru's imports "
                  "from Chile were $9.8 billion in the first half, and its exports to Chile $11.2 billion.")
    assert consistency_of(pipeline.extract(same_goods, published="2024-08-02")) != []


@pytest.mark.parametrize("text", [
    # the change's own sentence states its level in yuan: a yuan change
    "Laos's exports to China were 90 billion yuan in 2024, up 3 percent year on year. In dollar terms, Laos's exports "
    "to China were $12.6 billion in 2024, against $13.1 billion in 2023.",
    # the change's sentence names its currency
    "Laos's exports to China were 90 billion yuan in 2024. Laos's yuan-denominated exports to China grew 3 percent "
    "in 2024 from 2023. In dollar terms, Laos's exports to China were $12.6 billion in 2024, against $13.1 billion in 2023.",
])
def test_a_change_in_one_currency_is_not_checked_against_levels_in_another(pipeline, text):
    assert consistency_of(pipeline.extract(text, published="2025-01-20")) == []


def test_a_change_that_does_not_fit_levels_in_its_own_currency_is_flagged(pipeline):
    text = ("Laos's exports to China were $12.6 billion in 2024, up 12 percent year on year. Laos's exports to China "
            "were $13.1 billion in 2023.")
    (finding,) = consistency_of(pipeline.extract(text, published="2025-01-20"))
    assert "'12 percent' does not fit" in finding.explanation


@pytest.mark.parametrize("text,flagged", [
    # "in four years" is a round figure: a since-month a month short of it fits
    ("Laos's imports from Vietnam sank in December to the lowest in four years, the smallest monthly value "
     "since January 2014.", False),
    # "over four years" is not, nor a since-month a whole year short
    ("Laos's imports from Vietnam sank in December to the lowest in over four years, the smallest monthly value "
     "since January 2014.", True),
    ("Laos's imports from Vietnam sank in December to the lowest in four years, the smallest monthly value "
     "since January 2015.", True),
])
def test_a_round_number_of_years_and_a_since_month(pipeline, text, flagged):
    assert bool(consistency_of(pipeline.extract("Laos trade\n\n" + text, published="2018-01-20"))) is flagged


def test_a_year_s_lowest_and_a_month_s_lowest_are_two_figures(pipeline):
    text = ("Laos trade\n\nLaos's imports from Vietnam sank in December to their lowest since the start of 2014. "
            "For the whole of 2017, Laos's imports from Vietnam were the lowest in at least four years.")
    assert consistency_of(pipeline.extract(text, published="2018-01-20")) == []


@pytest.mark.parametrize("change,flagged", [
    # a whole number of tens is rounded to the nearest ten: -41.7% is "40 percent"
    ("40 percent", False),
    # a change written to the unit, or with a decimal, is read as written
    ("47 percent", True),
    ("40.0 percent", True),
])
def test_a_change_rounded_to_tens_fits_levels_within_five_points(pipeline, change, flagged):
    text = (f"Laos's cement exports to Vietnam dropped {change} to 70,000 tons in 2019 from 120,000 tons a year "
            "earlier.")
    assert bool(consistency_of(pipeline.extract(text, published="2020-03-01"))) is flagged


UNDATED_TWO_SEPTEMBERS = ("Laos's exports to China rose to $5.8 billion in September, the ministry said. Laos's exports "
                          "to China were $5.1 billion in September 2013, earlier data show.")


def test_an_undated_page_that_writes_the_year_of_one_figure_only_gives_two_figures(pipeline):
    """The year of 'in September' is inferred from the text's own 'September 2013': likelier the
    figure and its base than one figure given twice."""
    assert consistency_of(pipeline.extract(UNDATED_TWO_SEPTEMBERS)) == []


def test_a_dated_page_s_one_figure_given_twice_is_still_flagged(pipeline):
    text = UNDATED_TWO_SEPTEMBERS.replace("in September 2013", "in September")
    (finding,) = consistency_of(pipeline.extract(text, published="2013-10-20"))
    assert "the same figure" in finding.explanation


def test_a_sector_s_balance_is_not_exports_minus_imports(pipeline):
    text = ("Indonesia's trade balance in May posted a surplus of $1.6 billion. The fuel sector ran a deficit of "
            "$0.6 billion in May. Total exports in May reached $14.8 billion, while total imports came to $13.2 billion.")
    assert consistency_of(pipeline.extract(text, published="2023-06-15")) == []


def test_a_total_s_change_that_fits_the_flows_own_sum_is_no_second_finding(pipeline):
    """The stated total ($18.4 billion) is not the flows' sum ($18.9 billion): that is one finding.
    The stated 14 percent fall fits the flows' own sum against their base (12.5/0.88 + 6.4/0.84 =
    21.8, -13.3%), though not the stated total (-15.6%): the change is not accused a second time."""
    text = ("Peru's trade with Chile fell 13 percent to $18.4 billion in the first quarter of 2025. Peru's exports "
            "to Chile fell 12 percent to $12.5 billion in the first quarter of 2025, while its imports from Chile "
            "fell 16 percent to $6.4 billion.")
    found = consistency_of(pipeline.extract(text, published="2025-04-20"))
    assert [f.explanation for f in found if "add up to" in f.explanation] and \
        not [f.explanation for f in found if "total's change" in f.explanation]


def test_a_balance_written_as_the_trade_balance_with_a_partner_is_that_pair_s(pipeline):
    """'Trade balance with Canada showed a surplus of $611 million': not the world flows' balance."""
    text = ("Peru's exports rose 4 percent to $6.48 billion in May, while imports fell 2 percent to $5.61 billion. "
            "Trade balance with Canada showed a surplus of $611 million in May. Exports to Canada rose 3 percent "
            "to $1.31 billion, while imports from Canada fell 1 percent to $694 million.")
    assert consistency_of(pipeline.extract(text, published="2025-06-20")) == []
    # the same balance said of the world still has to fit the world flows
    world = text.replace("Trade balance with Canada showed a surplus", "The trade balance showed a surplus")
    assert any("surplus" in f.explanation for f in consistency_of(pipeline.extract(world, published="2025-06-20")))


def test_a_flow_dated_by_another_sentence_though_its_own_names_a_time_is_not_checked_against_a_balance(pipeline):
    """'Imports rose 38% to $150 billion ... Exports came to $4.9 billion last week': the week's exports are
    no flow of the imports' period, however the week was dated; the balance is not checked against them.
    (A flow whose sentence names no time keeps the period it inherits: 'Exports were 5.09 billion yen. Imports
    were 5.1 billion yen' after 'in May' are still checked.)"""
    text = ("Chile recorded a trade surplus of $1.6 billion this year, as imports rose 38.1 percent to $150 billion. "
            "Exports came to $4.9 billion last week.")
    assert consistency_of(pipeline.extract(text, published="2010-12-20")) == []
    kept = ("Japan's exports were 5.09 billion yen in May, the ministry said. Imports were 5.1 billion yen, leaving a "
            "deficit of 40.7 billion yen.")
    assert consistency_of(pipeline.extract(kept, published="2024-06-20")) != []


def test_an_undated_balance_with_its_year_is_not_set_against_flows_whose_year_is_a_guess(pipeline):
    """On a page with no date, 'In March 2024 a trade deficit of $3.1 billion was registered' is not
    checked against flows given another sentence's period whose year comes only from the page's other
    dates (a guess, never an accusation); with the page dated, the same flows are checked."""
    text = ("Chile's imports rose 3 percent in the third month of the year, to 51.2 billion dollars. In the month, "
            "exports reached 42.6 billion dollars.\n\n"
            "In March 2024, a trade deficit of 3.1 billion dollars was registered, the central bank said.")
    assert consistency_of(pipeline.extract(text, published=None)) == []
    assert consistency_of(pipeline.extract(text, published="2024-04-20")) != []
