"""Amounts in the shapes real trade copy writes them (issue 12, issue 14): broadcast decimals,
percent written onto the number, multiplicative 'times', the yen sign, and the like.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from extractor import extract

from amounts_support import amounts, only  # noqa: F401


# ------------------------------------------------------------ broadcast decimals (issue 12, shape 5)

@pytest.mark.parametrize("text, span, value, unit", [
    ("Shipments to Dandong came to 12-point-four million dollars in March.",
     "12-point-four million dollars", 12_400_000.0, "USD"),
    ("The border trade shrank to two-point-35 million U.S. dollars last quarter.",
     "two-point-35 million U.S. dollars", 2_350_000.0, "USD"),
    ("Pyongyang's purchases of fertiliser totalled 46-point-two billion dollars over the decade.",
     "46-point-two billion dollars", 46_200_000_000.0, "USD"),
    ("Seafood sales abroad reached 3-point-05 billion yuan.", "3-point-05 billion yuan", 3_050_000_000.0, "CNY"),
])
def test_broadcast_decimal_point_read_aloud(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.bound) == (span, pytest.approx(value), unit, "exact")


def test_broadcast_decimal_precision_is_the_last_spoken_digit(parse):
    a = only(parse, "Coal exports came to 12-point-four million dollars.")
    assert a.precision == pytest.approx(50_000.0)


def test_broadcast_percentages_keep_their_change(parse):
    found = amounts(parse, "Imports from Russia rose 63-point-two percent, and exports fell 31-point-six percent.")
    assert [(a.text, a.value, a.unit, a.change) for a in found] == [
        ("63-point-two percent", pytest.approx(63.2), "percent", "up"),
        ("31-point-six percent", pytest.approx(31.6), "percent", "down"),
    ]


def test_a_hyphenated_point_with_no_decimals_is_no_broadcast_decimal(parse):
    # 'a 12-point lead' counts points: no decimal is spoken after 'point'
    assert all(a.value == 12.0 for a in amounts(parse, "The ruling party kept a 12-point lead in the poll."))


# ------------------------------------------------------------ percent written onto the number

@pytest.mark.parametrize("text, span, value, unit, change", [
    ("Rice imports posted a 14-percent increase over the year.", "14-percent", 14.0, "percent", "up"),
    ("Tariff revenue saw a 6-per-cent drop in June.", "6-per-cent", 6.0, "percent", "down"),
    ("Fuel shipments grew 5.3per cent in April.", "5.3per cent", 5.3, "percent", "up"),
    ("The jobless rate rose 0.3percentage points.", "0.3percentage points", 0.3, "percentage_point", "up"),
])
def test_percent_hyphenated_or_glued_to_the_number(parse, text, span, value, unit, change):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.change) == (span, value, unit, change)


def test_a_minus_sign_before_a_percent_word_is_a_fall(parse):
    found = amounts(parse, "Exports to Laos were -3.18 percent on the year, imports -0.4 percentage points.")
    assert [(a.value, a.unit, a.change) for a in found] == [
        (3.18, "percent", "down"), (0.4, "percentage_point", "down")]


def test_a_minus_sign_before_money_is_a_negative_level(parse):
    a = only(parse, "The current account stood at -5 million dollars.")
    assert (a.value, a.unit, a.change) == (-5_000_000.0, "USD", None)


# ------------------------------------------------------------ the yen sign

def test_yen_sign_in_a_japanese_story_about_trade_with_china_is_yen(parse):
    text = ("OSAKA -- Japan posted a deficit in May, Japan's finance ministry said. "
            "Japanese car exports slowed. In trade with China, Japan's gap widened to ¥310 billion.")
    found = amounts(parse, text)
    assert [(a.text, a.unit) for a in found] == [("¥310 billion", "JPY")]


def test_yen_sign_in_a_chinese_story_mentioning_japan_once_is_yuan(parse):
    text = "China's exports to Japan slowed. Beijing's trade surplus with Tokyo and Seoul reached ¥90 billion, Chinese data showed."
    found = amounts(parse, text)
    assert [(a.text, a.unit) for a in found] == [("¥90 billion", "CNY")]


def test_yen_sign_in_a_japanese_story_that_names_china_as_its_market_is_yen(parse):
    """China named as the partner ('exports to China', 'a deficit against China') and in asides is
    no cue of the money; Japan as the possessor of the trade told is."""
    text = ("Japan's exports fell for a sixth month, weighed down by weak shipments to China. Japan's imports "
            "also slid. Exports to China fell 6 percent to ¥1.2 trillion, leaving a deficit against China. "
            "Demand in China eased, analysts said, after talks between Beijing and Washington.")
    assert [(a.text, a.unit) for a in amounts(parse, text) if a.text.startswith("¥")] == [("¥1.2 trillion", "JPY")]


def test_full_width_yen_sign(parse):
    found = amounts(parse, "Japan's surplus with the US slid to ￥564.1 billion, Japan's ministry said.")
    assert [(a.text, a.value, a.unit) for a in found] == [("￥564.1 billion", 564_100_000_000.0, "JPY")]


# ------------------------------------------------------------ multiplicative 'times'

@pytest.mark.parametrize("text, span, value, bound", [
    ("Sugar shipments to Sinuiju were 3.5 times more than in the spring.", "3.5 times", 3.5, "exact"),
    ("Cement sales grew by more than 13 times over two years.", "more than 13 times", 13.0, "more_than"),
    ("Last month's total was nearly four times the level of January.", "nearly four times", 4.0, "approx"),
    ("The new quota is three times that of the old treaty.", "three times", 3.0, "exact"),
    ("Fish exports were about 15 times smaller than before the ban.", "about 15 times", 15.0, "approx"),
])
def test_multiplicative_comparison_is_a_ratio(parse, text, span, value, bound):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.bound) == (span, value, "times", bound)


@pytest.mark.parametrize("text", [
    "The envoy visited Pyongyang three times last year.",
    "The central bank raised rates three times this year.",
])
def test_times_counting_occasions_is_no_ratio(parse, text):
    assert all(a.unit != "times" for a in amounts(parse, text))


# ------------------------------------------------------------ units quantulum3 reads otherwise in news

def test_tons_in_trade_copy_are_metric_tonnes(parse):
    found = amounts(parse, "Flour deliveries fell to 5,100 tons from 61,000 tons.")
    assert [(a.value, a.unit) for a in found] == [(5100.0, "tonne"), (61000.0, "tonne")]


def test_a_named_short_ton_stays_a_short_ton(parse):
    assert only(parse, "The barge carried 40 short tons of scrap.").unit == "short_ton"


# ------------------------------------------------------------ a decimal point set apart by a space

def test_decimal_point_followed_by_a_stray_space(parse):
    found = amounts(parse, "Purchases from Myanmar and Laos came to 21.7 billion and 12. 48 billion yuan respectively.")
    assert (found[-1].text, found[-1].value, found[-1].unit) == ("12. 48 billion yuan", 12_480_000_000.0, "CNY")


@pytest.mark.parametrize("text, span, value", [
    ("Imports came to $2,417.36  million in June.", "$2,417.36  million", 2_417_360_000.0),
    ("Border trade reached US$  6.31  billion this year.", "US$  6.31  billion", 6_310_000_000.0),
])
def test_a_second_space_typed_beside_the_number(parse, text, span, value):
    """Copy pasted from a release keeps its double spaces: the sign and the scale still hold."""
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, pytest.approx(value), "USD")


def test_a_year_ending_a_sentence_is_no_decimal(parse):
    found = amounts(parse, "The bridge opened in 2009. 40 trucks cross it each day.")
    assert [(a.text, a.value) for a in found] == [("40 trucks", 40.0)]


# ------------------------------------------------------------ bounds stated around the amount

@pytest.mark.parametrize("text, span, value, bound", [
    ("The steel sector posted more than a 30 percent increase in orders.", "more than a 30 percent", 30.0, "more_than"),
    ("Garment makers suffered nearly a 12% drop in sales.", "nearly a 12%", 12.0, "approx"),
])
def test_degree_quantifier_before_the_article_bounds_the_amount(parse, text, span, value, bound):
    a = only(parse, text)
    assert (a.text, a.value, a.bound) == (span, value, bound)


def test_a_preposition_before_the_article_is_no_bound(parse):
    assert only(parse, "Officials argued about a 10% tariff on timber.").bound == "exact"


@pytest.mark.parametrize("text, span, value, unit", [
    ("Seafood shipments exceeded 40 percent of the total.", "40 percent", 40.0, "percent"),
    ("Annual battery exports surpassed 30 billion dollars.", "30 billion dollars", 30_000_000_000.0, "USD"),
    ("Battery Exports Top $30 Billion", "$30 Billion", 30_000_000_000.0, "USD"),
])
def test_verb_of_exceeding_states_a_lower_bound(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.bound) == (span, value, unit, "more_than")


@pytest.mark.parametrize("text", [
    "Growth in May outpaced April, surpassing the 4.2% growth seen then.",   # a figure named with 'the'
    "Inflation did not exceed 3 percent.",                                   # negated
])
def test_verb_of_exceeding_without_a_bound(parse, text):
    assert only(parse, text).bound == "exact"


@pytest.mark.parametrize("text, span", [
    ("Seafood exports to Japan were nearing $630 million.", "$630 million"),
    ("Coal shipments are approaching 2 million tonnes a month.", "2 million tonnes"),
])
def test_verb_of_nearing_states_an_approximate_amount(parse, text, span):
    a = only(parse, text)
    assert (a.text, a.bound) == (span, "approx")


# ------------------------------------------------------------ the figure a comparison sets against another

def test_compared_figure_takes_the_unit_the_first_figure_stated(parse):
    found = amounts(parse, "Coal sales reached US$88 million in May, compared with about 41 million a year earlier.")
    assert [(a.text, a.value, a.unit, a.bound) for a in found] == [
        ("US$88 million", 88_000_000.0, "USD", "exact"), ("about 41 million", 41_000_000.0, "USD", "approx")]


def test_compared_percentage_without_its_word(parse):
    found = amounts(parse, "The tariff rate was 6.4 percent, versus 5.9 in the previous round.")
    assert [(a.value, a.unit) for a in found] == [(6.4, "percent"), (5.9, "percent")]


@pytest.mark.parametrize("text", [
    "Exports jumped 52 percent in 2024 compared to 2023.",          # a year is no gapped figure
    "The surplus was $4.1 billion versus 3.8 a year ago.",           # which scale is 3.8?
])
def test_no_compared_figure(parse, text):
    assert len(amounts(parse, text)) == 1


@pytest.mark.parametrize("text, span, bound", [
    ("The sum was also higher than $81.4 million recorded in June.", "$81.4 million", "exact"),
    ("July's total was lower than $3 billion a year earlier.", "$3 billion", "exact"),
    ("Rice imports were higher than $2 billion.", "higher than $2 billion", "more_than"),
])
def test_the_figure_after_a_comparative_is_exact_when_its_own_time_follows(parse, text, span, bound):
    a = only(parse, text)
    assert (a.text, a.bound) == (span, bound)


# ------------------------------------------------------------ what a rate is per, by unit name

@pytest.mark.parametrize("text, per", [
    ("Henry Hub gas settled at $2.61 per mmBTU.", "mega_british_thermal_unit"),
    ("Lobster fetched $31 per kilogramme at the market.", "kilogram"),
    ("Maize traded at $212 a ton.", "tonne"),
    ("The stock closed at $44 a share.", "share"),   # no unit of measure: the noun's lemma
])
def test_rate_denominator_named_as_a_unit(parse, text, per):
    assert only(parse, text).per == per


@pytest.mark.parametrize("text, unit", [
    ("Pyongyang recorded 35 degrees C on Sunday.", "degree_Celsius"),
    ("Inland it reached 101 degrees F.", "degree_fahrenheit"),
])
def test_temperature_scale_abbreviated_after_degrees(parse, text, unit):
    assert only(parse, text).unit == unit


# ------------------------------------------------------------ pruned (issue 14 item 4)

def test_appositive_number_after_a_name_is_no_age(parse):
    # the rule read 'Name, 66,' as an age; CQE's gold annotates one of its three such numbers
    found = amounts(parse, "Kim, 58, said the ferry would carry 300 passengers.", scope="all")
    assert "year_of_age" not in [a.unit for a in found]
    assert (found[-1].value, found[-1].unit) == (300.0, "count")


# ------------------------------------------------------------ gapping keeps the change

@pytest.mark.parametrize("text", [
    "Zinc exports to Japan were down 4.2 percent and its imports from Japan 0.9 percent.",
    "Steel shares fell 2.1%, the miners by 1.4%.",
])
def test_a_gapped_clause_keeps_the_change_of_the_one_before(parse, text):
    assert [a.change for a in amounts(parse, text)] == ["down", "down"]


@pytest.mark.parametrize("text, changes", [
    # each later item names its own time: the verb is the first item's
    ("Peru's copper exports grew 4.1% in May, after rising 2.2% in April and 0.8% in March.",
     ["up", "up", "up"]),
    ("Shipments to Chile slid 6% in 2019, 3% in 2020 and 9% in 2021.", ["down", "down", "down"]),
    # the first item's change is a noun
    ("Peru's exports rose 12 percent in 2005, after 28 percent growth in 2004 and 17.5 percent in 2003.",
     ["up", "up", "up"]),
    ("Imports slipped 4% in March, following a decline of 2.6% in February and 1.1% in January.",
     ["down", "down", "down"]),
])
def test_a_gapped_item_with_its_own_time_keeps_the_verb_s_direction(parse, text, changes):
    assert [a.change for a in amounts(parse, text) if a.unit == "percent"] == changes


def test_a_percentage_of_another_clause_is_no_gapped_item(parse):
    found = amounts(parse, "Shipments to Chile slid 6% in 2019, while 40% of the cargo went by rail in 2020.")
    assert [a.change for a in found if a.unit == "percent"] == ["down", None]


def test_a_clause_with_its_own_verb_is_no_gap(parse):
    found = amounts(parse, "Coal output rose 5% while the stockpile stood at 12%.")
    assert [a.change for a in found] == ["up", None]


@pytest.mark.parametrize("text, value, unit", [
    ("Exports came to 17-point-six million U.S. dollars.", 17_600_000.0, "USD"),
    ("Rice imports posted a 14-percent increase.", 14.0, "percent"),
])
def test_hyphenated_figures_read_alike_in_scope_all(parse, text, value, unit):
    # scope 'all' once read a number hyphenated to a word as a count of that word ('13-point', '14-percent')
    found = amounts(parse, text, scope="all")
    assert [(a.value, a.unit) for a in found] == [(pytest.approx(value), unit)]


def test_to_between_two_sums_is_no_move_to_a_level(parse):
    # a level reached by a move is larger than the move; here 'to' compares what two sides raised
    found = amounts(parse, "In May, the union raised $8.2 million to $3.9 million for the employers.")
    assert [a.change for a in found] == [None, None]


def test_a_move_to_a_larger_level(parse):
    found = amounts(parse, "Marlow Foods shed 6 cents to $2.10.")
    assert [(a.text, a.change) for a in found] == [("6 cents", "down"), ("$2.10", None)]


# ------------------------------------------------------------ changes as copy writes them

@pytest.mark.parametrize("text, span, change", [
    ("Laotian exports to Thailand nose-dived 37.5 percent on-year to $210 million.", "37.5 percent", "down"),
    ("Rice shipments skidded 8.2 per cent in June.", "8.2 per cent", "down"),
    ("Two-way trade reached $4.2 billion, down a whopping 27.3 percent from 2022.", "27.3 percent", "down"),
    ("Exports were up a modest 1.9% in May.", "1.9%", "up"),
    ("Vietnam's trade was stronger than expected in March, growing at 8.4 per cent.", "8.4 per cent", "up"),
    ("Imports from Chile declined another 4.6 percent in July.", "4.6 percent", "down"),
    ("But imports climbed more — 2.7% to $3.1 billion — on fuel purchases.", "2.7%", "up"),
    # a change noun whose figure the parser hangs on the basis ("28 percent year" as one noun phrase)
    ("Laos's trade with Thailand reached $5.1 billion in 2023, an increase of 14 percent year on year.", "14 percent",
     "up"),
    ("Peru's exports to Chile were $910 million in May, a drop of 6 percent month on month.", "6 percent", "down"),
    # 'by' after a dash, and a change noun whose phrase names the flow first
    ("Imports of Chilean copper also fell - by 9 percent - in May.", "9 percent", "down"),
    ("Exports rose 5 percent in May, compared with a rise in imports of 11 percent.", "11 percent", "up"),
])
def test_change_words_of_trade_copy(parse, text, span, change):
    found = {a.text: a.change for a in amounts(parse, text)}
    assert found[span] == change


def test_a_rate_held_at_a_level_is_no_change(parse):
    found = {a.text: a.change for a in amounts(parse, "The central bank kept its rate at 5 percent in May.")}
    assert found["5 percent"] is None


@pytest.mark.parametrize("text, span, unit", [
    ("The Nikkei slid 212.4 points, or 0.9%, to 28,400 as exporters fell.", "212.4 points", "point"),
    ("The index added 31 points, or 1.4 percent, on Friday.", "31 points", "point"),
    # a move of a rate in points beside a percent stays percentage points
    ("The jobless rate rose 0.3 points to 4.1% in May.", "0.3 points", "percentage_point"),
])
def test_points_restated_as_a_percent_are_index_points(parse, text, span, unit):
    assert {a.text: a.unit for a in amounts(parse, text)}[span] == unit


@pytest.mark.parametrize("text, value, unit", [
    ("Peru imported 41.7-million tonnes of coal in 2023.", 41_700_000, "tonne"),
    ("Chile signed a 2-billion-dollar copper deal.", 2_000_000_000, "USD"),
    ("Exports rose by 6,8% in March.", 6.8, "percent"),
    ("Trade reached $310,45 billion last year.", 310_450_000_000, "USD"),
])
def test_scales_joined_by_hyphens_and_decimal_commas(text, value, unit):
    amount = next(a for a in extract(text, published="2024-05-10").amounts)
    assert (amount.value, amount.unit) == (pytest.approx(value), unit)


def test_a_comma_before_three_digits_still_separates_thousands():
    assert [a.value for a in extract("It sold 1,250 cars and 12,500 trucks.").amounts] == [1250, 12500]


def test_figures_written_in_a_row_share_the_change_before_them():
    amounts = extract("Peru's shipments to Chile fell 6 percent and 11 percent in January and February.").amounts
    assert [a.change for a in amounts] == ["down", "down"]


@pytest.mark.parametrize("text, unit", [
    ("Peru's copper imports rose 2.1 times to 8,450 tons in May.", "times"),
    ("Peru's exports grew 3.5 times in May.", "times"),
    ("Peru's exports rose three times from a year earlier.", "times"),
    ("The central bank raised rates three times this year.", "count"),
])
def test_times_after_a_verb_of_change_is_a_ratio_when_it_cannot_be_occasions(text, unit):
    assert next(a for a in extract(text, published="2024-06-20").amounts if "times" in a.text).unit == unit


@pytest.mark.parametrize("text, value, change", [
    ("Peru's imports from Chile sank by a third in 2022.", 33.3, "down"),
    ("Peru's imports fell by half in 2023.", 50.0, "down"),
    ("Peru's exports rose by two-thirds in 2023.", 66.7, "up"),
    ("Peru's trade with Chile dwindled 8 percent in 2023.", 8.0, "down"),
])
def test_fractions_a_change_moved_by_and_more_verbs_of_change(text, value, change):
    amount = extract(text, published="2024-06-20").amounts[0]
    assert (amount.value, amount.unit, amount.change) == (value, "percent", change)


def test_half_with_no_verb_of_change_is_no_change():
    assert [a.text for a in extract("Half of Peru's exports go to Chile.").amounts if a.unit == "percent"] == []


def test_a_bounded_fraction_a_change_moved_by():
    amount = extract("Peru's trade with Chile shrank by more than half in May.", published="2024-06-20").amounts[0]
    assert (amount.value, amount.bound, amount.change) == (50.0, "more_than", "down")


@pytest.mark.parametrize("text, change", [
    ("Sanctions pulled down North Korea's trade by 15 percent last year.", "down"),
    ("The weak yen pushed up Japan's exports by 4 percent in May.", "up"),
])
def test_a_causative_verb_s_particle_and_by_give_the_direction(text, change):
    assert extract(text, published="2024-06-20").amounts[0].change == change


@pytest.mark.parametrize("text, value, unit, change", [
    ("Peru's exports decreased sharply, by more than 40% in May.", 40.0, "percent", "down"),
    ("Peru's exports marked a spike of 3.1 times in May.", 3.1, "times", None),
])
def test_a_change_past_a_comma_and_a_ratio_after_a_change_noun(text, value, unit, change):
    amount = extract(text, published="2024-06-20").amounts[0]
    assert (amount.value, amount.unit) == (value, unit) and (change is None or amount.change == change)


def test_aus_dollar_sign():
    from extractor import extract
    r = extract("Australia's exports to China topped Aus$70 billion ($US52 billion) last year.", published="2024-02-01")
    got = {a.text: (a.unit, a.bound) for a in r.amounts}
    assert got["Aus$70 billion"] == ("AUD", "more_than") and got["$US52 billion"][0] == "USD"


def test_a_level_crossed_is_no_change():
    from extractor import extract
    r = extract("Laos's exports fell below $4 billion in 2023, the first time since 2010.", published="2024-01-10")
    a = next(a for a in r.amounts if a.text == "below $4 billion")
    assert (a.bound, a.change) == ("less_than", None)
    claim = next(c for c in r.claims if c.amount is not None and r.amounts[c.amount].text == "below $4 billion")
    assert claim.kind == "trade_value" and claim.trade.commodity_text is None


@pytest.mark.parametrize("text, figure, change", [
    # a table row writes the comparison between the direction and its 'by'
    ("Arrivals from Chile came to 1.9 million tons, down month-on-month by 210,000 tons.", "210,000 tons", "down"),
    ("Arrivals from Chile came to 1.9 million tons, up year-on-year by 640,000 tons.", "640,000 tons", "up"),
    ("Arrivals from Chile came to 1.9 million tons, up y/y by 640,000 tons.", "640,000 tons", "up"),
    # a percentage against a period's level
    ("Peru's zinc sales to Chile hit $2.3 billion in April, 17% above 2019.", "17%", "up"),
    ("Peru's zinc sales to Chile hit $2.3 billion in April, 4 percent below a year earlier.", "4 percent", "down"),
])
def test_a_change_written_with_its_comparison_first_or_against_a_period(text, figure, change):
    found = {a.text: a.change for a in extract(text, published="2024-06-20").amounts}
    assert found[figure] == change


def test_above_a_figure_that_is_no_period_is_no_change():
    found = {a.text: a.change for a in extract("Prices held 17% above the floor the ministry set.").amounts}
    assert found["17%"] is None


# ------------------------------------------------------------ Malaysian and South Asian wire copy

@pytest.mark.parametrize("text, span, value, unit", [
    ("Palm oil shipments reached US$2.4bil in March.", "US$2.4bil", 2_400_000_000.0, "USD"),
    ("Electronics exports came to RM41.7bil last month.", "RM41.7bil", 41_700_000_000.0, "MYR"),
])
def test_bil_is_billions(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, pytest.approx(value), unit)


@pytest.mark.parametrize("text, change", [
    ("Exports of rice posted a negative growth of 8.4% in May.", "down"),
    ("Cement exports recorded negative growth of 3.5 percent.", "down"),
    ("Cement exports recorded a growth of 3.5 percent.", "up"),
])
def test_negative_growth_is_a_fall(parse, text, change):
    assert only(parse, text).change == change


@pytest.mark.parametrize("text, expected", [
    # the verb left out of the second conjunct is the first one's (gapping)
    ("Exports of rugs fell 1.4 percent and carpets by 3.2 percent.", [("1.4 percent", "down"), ("3.2 percent", "down")]),
    ("Exports of rugs increased by 6.1 percent, from $ 310.5 million to $ 329.4 million and mats by 2.7 percent, "
     "from $ 81.2 million to $ 83.4 million.",
     [("6.1 percent", "up"), ("$ 310.5 million", None), ("$ 329.4 million", None), ("2.7 percent", "up"),
      ("$ 81.2 million", None), ("$ 83.4 million", None)]),
])
def test_a_gapped_conjunct_takes_the_first_verb_and_its_levels_are_no_range(parse, text, expected):
    assert [(a.text, a.change) for a in amounts(parse, text)] == expected


@pytest.mark.parametrize("text, units", [
    # a Hong Kong government release writes its own dollar bare
    ("Total exports of goods rose 6.4% to $318.2 billion in May, the Census and Statistics Department said.", ["HKD"]),
    # a dollar named with its state anywhere in the text: a bare '$' is the US dollar
    ("Exports rose to HK$318.2 billion ($40.7 billion), the Census and Statistics Department said.", ["HKD", "USD"]),
    # no statistics office of a dollar state: the US dollar
    ("Total exports of goods rose 6.4% to $318.2 billion in May, the ministry said.", ["USD"]),
    # the office as New Zealand copy names it
    ("Kiwifruit exports rose 9 per cent to $612 million in June, Statistics NZ said.", ["NZD"]),
])
def test_a_bare_dollar_in_a_dollar_state_s_release_is_its_dollar(parse, text, units):
    assert [a.unit for a in amounts(parse, text) if a.unit != "percent"] == units


@pytest.mark.parametrize("text, span, value", [
    ("LNG imports stood at 6.1mn metric tons in August.", "6.1mn metric tons", 6_100_000.0),
    ("Imports reached 12.4m metric tonnes in the half.", "12.4m metric tonnes", 12_400_000.0),
    ("Shipments came to 310.5 metric tons.", "310.5 metric tons", 310.5),
])
def test_metric_tons_are_tonnes(parse, text, span, value):
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, pytest.approx(value), "tonne")


@pytest.mark.parametrize("text, span, unit", [
    ("Indian tea exports fetched Rs 1,250.40 crore in May.", "Rs 1,250.40 crore", "INR"),
    ("Indian tea exports fetched Rs. 1,100.15 crore in May.", "Rs. 1,100.15 crore", "INR"),
    ("Pakistan's rice exports fetched Rs 250 million in May.", "Rs 250 million", "PKR"),
    ("Sri Lanka's tea fetched Rs. 27.4 billion in May.", "Rs. 27.4 billion", "LKR"),
    # glued to its digits as well
    ("Pakistan's rice exports fetched Rs250,410 million in May.", "Rs250,410 million", "PKR"),
    ("Sri Lanka's tea fetched Rs27.4bn in May.", "Rs27.4bn", "LKR"),
    # the word after the number too; a dateline's capital in capitals names its state
    ("Pakistan's rice exports fetched 250 million rupees in May.", "250 million rupees", "PKR"),
    ("KATHMANDU: Imports of steel cost 9.6 billion rupees in May.", "9.6 billion rupees", "NPR"),
    ("Indian tea exports fetched 950 crore rupees in May.", "950 crore rupees", "INR"),
    # the rupee state named most: a Nepali release naming India as a partner counts in Nepali rupees
    ("Nepal's exports rose to Rs 139 billion, Nepal's customs said, with India the top buyer of Nepali goods.",
     "Rs 139 billion", "NPR"),
    # dirhams are Morocco's or the Emirates', by the state the text names most
    ("Morocco's phosphate exports brought in 61 billion dirhams last year.", "61 billion dirhams", "MAD"),
    ("Dubai's non-oil trade reached 1.9 trillion dirhams in 2023.", "1.9 trillion dirhams", "AED"),
    ("The port handled goods worth 5 billion dirhams.", "5 billion dirhams", "AED"),
    # Jordan's dinar as its copy writes it
    ("Jordan's national exports rose to JD4.2 billion in the first half.", "JD4.2 billion", "JOD"),
    # riyals, dinars, pesos, kroner: the same rule for every name several states use
    ("Qatar's merchandise exports reached 26.3 billion riyals in March, with Saudi Arabia among Qatari buyers.",
     "26.3 billion riyals", "QAR"),
    ("Oman's non-oil exports rose to 410 million rials in the quarter.", "410 million rials", "OMR"),
    ("Saudi Arabia's imports fell to 58 billion riyals.", "58 billion riyals", "SAR"),
    ("Kuwait's imports from China totalled 1.1 billion dinars last year.", "1.1 billion dinars", "KWD"),
    ("Tunisia's exports of olive oil earned 4.6 billion dinars.", "4.6 billion dinars", "TND"),
    ("Philippine exports of bananas brought in 38 billion pesos.", "38 billion pesos", "PHP"),
    ("Mexico's auto exports were worth 900 billion pesos.", "900 billion pesos", "MXN"),
    ("Norway's salmon exports rose to 12.4 billion kroner in May.", "12.4 billion kroner", "NOK"),
    ("Denmark's pork exports fell to 2.1 billion kroner.", "2.1 billion kroner", "DKK"),
])
def test_a_currency_several_states_name_alike_is_the_one_of_the_state_the_text_names(parse, text, span, unit):
    a = only(parse, text)
    assert (a.text, a.unit) == (span, unit)


def test_dinars_of_no_state_named_are_no_known_currency(parse):
    # eight states count in dinars: with none of them named, nothing says whose; the noun is kept
    a = only(parse, "The port collected 3 million dinars in fees.")
    assert (a.unit, a.of) == ("count", "dinar")


def test_capital_rs_is_no_rupee(parse):
    assert amounts(parse, "The RS 232 port links the meters.") == []


@pytest.mark.parametrize("text,figure,value", [
    ("Imports of fuels rose 45% to €880m. Exports to Britain fell.", "€880m", 880e6),
    ("The surplus reached $2.4b. Exports rose 3%.", "$2.4b", 2.4e9),
])
def test_a_scale_letter_before_the_full_stop_keeps_its_scale_and_ends_the_sentence(text, figure, value):
    r = extract(text, published="2022-02-15")
    found = {a.text: a.value for a in r.amounts}
    assert found[figure] == pytest.approx(value)
    assert len({c.sentence for c in r.claims}) >= 1 and not any("Exports" in c.sentence and figure in c.sentence
                                                                 for c in r.claims)


@pytest.mark.parametrize("text", [
    "Sweden's exports to Chile increased by 8 percent from $2.5 billion to $2.7 billion in 2023.",
    "Sweden's exports to Chile increased by 8 percent, from $2.5 billion to $2.7 billion in 2023.",
    # (a percent written 'per cent', or a time between it and 'from')
    "Sweden's exports to Chile increased by 8 per cent from $2.5 billion to $2.7 billion in 2023.",
    "Sweden's exports to Chile increased by 8% in 2022 and the same period in 2023 from $2.5 billion to $2.7 billion.",
])
def test_from_a_to_b_after_a_percent_change_is_two_levels(text):
    found = {a.text: a.bound for a in extract(text, published="2024-03-20").amounts}
    assert found.get("$2.5 billion") == found.get("$2.7 billion") == "exact"


def test_from_a_to_b_after_a_range_verb_stays_a_range():
    text = "Forecasts for Sweden's exports to Chile range from $2.5 billion to $2.7 billion in 2024."
    assert [a.bound for a in extract(text, published="2024-03-20").amounts] == ["range"]


def test_a_change_by_after_the_periods_it_runs_between():
    """'Exports increased from February 2023 to March 2023 by R19.8 billion (12.7%)': the periods
    between the verb and 'by' do not hide the verb."""
    r = extract("Exports increased from February 2023 to March 2023 by R19.8 billion (12.7%), the revenue "
                "service said.", published="2023-04-28")
    assert {a.text: a.change for a in r.amounts}["R19.8 billion"] == "up"


@pytest.mark.parametrize("text,figure,value", [
    ("China's exports to Laos were $84.6 mln million in March.", "$84.6 mln million", 84.6e6),
    ("Exports reached $2.1 bn billion.", "$2.1 bn billion", 2.1e9),
    # the other side: two different scales multiply ('thousand million', British copy)
    ("Exports reached 3.5 thousand million dollars.", "3.5 thousand million dollars", 3.5e9),
])
def test_one_scale_written_twice_is_one_scale(text, figure, value):
    assert {a.text: a.value for a in extract(text, published="2024-04-20").amounts}[figure] == pytest.approx(value)


def test_a_misspelt_scale_is_still_the_scale():
    r = extract("Car exports to Chile rose 9% to $6 billon in May.", published="2024-06-20")
    assert {a.text: a.value for a in r.amounts}["$6 billon"] == pytest.approx(6e9)


def test_whole_numbers_listed_with_one_percent_the_tagger_calls_a_date():
    r = extract("Japan's exports to Indonesia, Malaysia and Australia grew 12, 30 and 8 per cent respectively in May.",
                published="2024-06-20")
    assert [(a.value, a.unit) for a in r.amounts] == [(12, "percent"), (30, "percent"), (8, "percent")]


def test_a_day_number_after_a_month_name_is_not_listed_with_a_percent():
    r = extract("On May 12, 30 percent of the shipments were delayed.", published="2024-06-20")
    assert [a.value for a in r.amounts] == [30]


@pytest.mark.parametrize("text,figure,unit", [
    ("Kenya's exports rose 9 percent to 410 billion shillings in the half-year.", "410 billion shillings", "KES"),
    ("Kenya's exports to Rwanda rose to Sh4.1 billion in the quarter from Sh3.6 billion.", "Sh4.1 billion", "KES"),
    ("Uganda's imports from Kenya reached Shs2.3 trillion in 2016, Ugandan officials said.", "Shs2.3 trillion", "UGX"),
])
def test_a_shilling_is_the_shilling_of_the_state_the_text_names(text, figure, unit):
    assert {a.text: a.unit for a in extract(text, published="2024-06-20").amounts}[figure] == unit


def test_sh_in_capitals_is_no_shilling():
    assert extract("The SH2 highway was closed for repairs.", published="2024-06-20").amounts == []


# ------------------------------------------------------------ a figure spelled out by its places

@pytest.mark.parametrize("text, span, value, unit, precision", [
    ("The country's shipments abroad came to 17 billion 482 million dollars in May.",
     "17 billion 482 million dollars", 17_482_000_000.0, "USD", 500_000.0),
    ("Its purchases of wheat reached 2 million 75 thousand tonnes last season.",
     "2 million 75 thousand tonnes", 2_075_000.0, "tonne", 500.0),
    ("Imports stood at $9 billion 20 million in the quarter.", "$9 billion 20 million", 9_020_000_000.0, "USD", 500_000.0),
    # the long scale's "thousand million" translated word for word: thousands of millions
    ("Sales abroad reached 61 thousand 308 million dollars last year.", "61 thousand 308 million dollars",
     61_308_000_000.0, "USD", 500_000.0),
])
def test_places_spelled_out_sum_to_one_figure(parse, text, span, value, unit, precision):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.precision) == (span, pytest.approx(value), unit, pytest.approx(precision))


def test_places_need_a_scale_each_and_no_comma(parse):
    found = amounts(parse, "Exports rose by $4 billion, 300 million dollars of it in machinery, and the plant's "
                           "3 million 800 workers ...")
    assert [(a.text, a.value) for a in found][:2] == [("$4 billion", 4e9), ("300 million dollars", 3e8)]
    assert not any(a.value == pytest.approx(3_000_800) for a in found)


@pytest.mark.parametrize("text, span, value", [
    ("Tea exports earned Ush412 billion in the quarter.", "Ush412 billion", 412e9),
    ("Kampala's purchases from Nairobi reached USh1.3 trillion.", "USh1.3 trillion", 1.3e12),
    ("Imports came to UShs 95 billion last month.", "UShs 95 billion", 95e9),
])
def test_the_ugandan_shilling_written_before_the_number(parse, text, span, value):
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, pytest.approx(value), "UGX")


@pytest.mark.parametrize("text, expected", [
    # the items a change is led by, each with its own bare rate in brackets
    ("The rise in exports was led by copper (14.5%), fishing vessels (63.2%), and printed circuits (21.7%).",
     {"14.5%": "up", "63.2%": "up", "21.7%": "up"}),
    ("Exports fell 6 percent, driven by zinc (8.4%) and lumber (11.9%).", {"6 percent": "down", "8.4%": "down", "11.9%": "down"}),
    # a share of the total says so, and a list nothing leads is no change
    ("Exports rose 6 percent, led by copper (45% of the total).", {"6 percent": "up", "45%": None}),
    ("Exports rose 6 percent, including copper (45%) and zinc (12%).", {"6 percent": "up", "45%": None, "12%": None}),
    # the change verb the partners follow, or the change noun a verb of recording reports
    ("Exports fell to Japan (-3.1%) but rose to Korea (2.7%).", {"-3.1%": "down", "2.7%": "up"}),
    ("Declines were recorded in shipments of zinc (8.4%), tin (2.2%) and silver (0.9%).",
     {"8.4%": "down", "2.2%": "down", "0.9%": "down"}),
    # after a sum, or with another verb between, the bracket is no change
    ("Exports to Korea rose to $2 billion (14%) in May.", {"14%": None}),
    ("Exports rose 6 percent, with Korea (14%) the top market.", {"6 percent": "up", "14%": None}),
])
def test_a_bare_rate_in_brackets_after_an_item_of_a_change_is_its_change(parse, text, expected):
    got = {a.text: a.change for a in amounts(parse, text)}
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, span, change", [
    ("Coffee shipments to Peru grew by a record $315 million in June.", "$315 million", "up"),
    ("Copper sales to Chile fell a steep 61.4 percent in the quarter.", "61.4 percent", "down"),
    ("Imports from Laos rose a whopping 72 percent last year.", "72 percent", "up"),
    ("Coffee exports to Laos grew a scant 2% last year.", "2%", "up"),
    ("Imports from Laos rose by a faster 9.4 percent in June.", "9.4 percent", "up"),
    # a record reached is a level
    ("Coffee shipments to Peru rose to a record $315 million in June.", "$315 million", None),
    ("Coffee shipments to Peru hit a record $315 million in June.", "$315 million", None),
    # the verb's object between: 'helped boost Laos's exports 12.4%', the object changed by the rate
    ("Strong coffee demand helped boost Laos's exports 12.4% in May.", "12.4%", "up"),
    ("The border closures cut Peru's imports 8 percent last year.", "8 percent", "down"),
    # ... but money after a transitive verb's object is no rate of its change
    ("The floods cost Peru's farmers $8 million last year.", "$8 million", None),
])
def test_a_word_of_size_or_the_verb_s_object_between_a_change_verb_and_its_figure(parse, text, span, change):
    got = {a.text: a.change for a in amounts(parse, text)}
    assert got[span] == change


@pytest.mark.parametrize("text, span, change", [
    ("In the first quarter, the decline reached 6.2%.", "6.2%", "down"),
    ("The increase in exports to Peru was 8.1 percent.", "8.1 percent", "up"),
    ("The growth amounted to 3.4 percent, the ministry said.", "3.4 percent", "up"),
    # a share, or a change noun no article points to, is no change
    ("The share of copper was 45 percent.", "45 percent", None),
])
def test_a_percentage_a_change_noun_is_said_to_be_is_that_change(parse, text, span, change):
    got = {a.text: a.change for a in amounts(parse, text)}
    assert got[span] == change


@pytest.mark.parametrize("url, text, units", [
    # an Australian, New Zealand or Canadian paper writes its own dollar bare
    ("https://www.example.com.au/business/trade", "Coal exports fell 4 per cent to $5.2 billion in May.", ["AUD"]),
    ("https://www.example.co.nz/business/dairy", "Dairy exports rose to $1.4 billion in June.", ["NZD"]),
    ("https://www.example.ca/business/lumber", "Lumber exports slipped to $2.7 billion in March.", ["CAD"]),
    # unless the text writes a dollar with its state, and elsewhere '$' is the US dollar
    ("https://www.example.com.au/business/trade", "Coal exports fell to A$5.2 billion ($3.5 billion) in May.", ["AUD", "USD"]),
    ("https://www.example.com/business/trade", "Coal exports fell 4 per cent to $5.2 billion in May.", ["USD"]),
])
def test_a_bare_dollar_on_a_dollar_state_s_site_is_its_dollar(url, text, units):
    r = extract(text, published="2025-06-20", url=url)
    assert [a.unit for a in r.amounts if a.unit != "percent"] == units


@pytest.mark.parametrize("text, span, change", [
    ("Peru's exports to Chile rose 12.5 percent to $1.1 billion and imports 17.8 percent to $640 million.",
     "17.8 percent", "up"),
    ("Copper shipments fell 9.6 percent to 310,000 tonnes in May and 4.4 percent to 296,000 tonnes in June.",
     "4.4 percent", "down"),
    # no change verb before it: a range of shares, not a move
    ("Copper made up 20 percent to 25 percent of exports.", "20 percent to 25 percent", None),
    # each item with its own 'by': "..., cement by 4.1 percent to $90 million"
    ("Imports of steel fell by 9 percent to $310 million, fertiliser by 14.5 percent to $120 million and cement "
     "by 4.1 percent to $90 million.", "14.5 percent", "down"),
    ("Imports of steel fell by 9 percent to $310 million, fertiliser by 14.5 percent to $120 million and cement "
     "by 4.1 percent to $90 million.", "4.1 percent", "down"),
    ("Exports to Chile rose 25 percent to $7 billion, and to Peru by 16 percent to $4.3 billion.", "16 percent", "up"),
])
def test_a_gapped_move_to_a_level_keeps_the_first_verb_s_direction(parse, text, span, change):
    got = {a.text: a.change for a in amounts(parse, text)}
    assert got[span] == change


@pytest.mark.parametrize("text, span", [
    ("Trade with Chile rose 6 percent, with exports having increased 9 percent to $5 billion and imports up 4 "
     "percent to $3 billion.", "4 percent"),
    ("Peru's trade with Chile grew 8.1 percent in 2023, with Chile-Peru trade up 7.4 percent to $4 billion.",
     "7.4 percent"),
])
def test_up_after_a_flow_noun_the_parser_read_as_a_verb_is_the_direction(parse, text, span):
    """'and imports up 13 percent': the parser reads 'imports' as a verb and 'up' as its particle; after a
    flow noun that particle is the change's direction (not as in 'make up 80 percent')."""
    assert {a.text: a.change for a in amounts(parse, text)}[span] == "up"


@pytest.mark.parametrize("url, unit", [
    ("https://www.example.co.jp/news/business/trade", "JPY"),
    ("https://www.example.com.cn/business/trade", "CNY"),
])
def test_a_yen_sign_on_a_japanese_or_chinese_site_is_that_state_s_currency(url, unit):
    """A Japanese paper's '¥' is the yen even in a sentence naming China as the partner."""
    text = "Exports jumped 9.4 percent to ¥5.91 trillion, led by car parts shipped to China, the ministry said."
    r = extract(text, published="2025-03-20", url=url)
    assert [a.unit for a in r.amounts if a.text.startswith("¥")] == [unit]


@pytest.mark.parametrize("text, span, unit", [
    ("Non-oil exports rose 9 percent to SR31.4 billion in March.", "SR31.4 billion", "SAR"),
    ("Imports reached SR 51.2 billion in May.", "SR 51.2 billion", "SAR"),
    ("Non-oil trade reached Dh512 billion in the first half.", "Dh512 billion", "AED"),
    ("Exports were Dhs120.5 billion.", "Dhs120.5 billion", "AED"),
    ("Exports fell to QR25.3 billion in June.", "QR25.3 billion", "QAR"),
    ("Exports reached Tk 3,200 crore in July.", "Tk 3,200 crore", "BDT"),
    # the full stop is the abbreviation's: it neither ends the sentence nor parts it from the figure
    ("Exports rose to Kshs. 85.2 billion in March, up from Kshs.80.1 billion.", "Kshs. 85.2 billion", "KES"),
    ("Exports rose to Kshs. 85.2 billion in March, up from Kshs.80.1 billion.", "Kshs.80.1 billion", "KES"),
    # the ISO codes of the smaller currencies, before the number (glued or not) or after it
    ("Merchandise exports fell to OMR3.15 billion last year.", "OMR3.15 billion", "OMR"),
    ("Imports reached KWD 1.6 billion in the quarter.", "KWD 1.6 billion", "KWD"),
    ("Exports were worth 940 million JOD.", "940 million JOD", "JOD"),
    # a lettered sign after the magnitude, as agencies relaying Asian releases write it
    ("Exports climbed to 131.72 billion RM in August.", "131.72 billion RM", "MYR"),
    ("Exports reached 4,150 crore Tk in July.", "4,150 crore Tk", "BDT"),
    ("Imports stood at 18.4 billion SR last year.", "18.4 billion SR", "SAR"),
])
def test_written_currency_abbreviations(text, span, unit):
    """Gulf, South Asian and East African copy writes its currencies 'SR', 'Dh', 'QR', 'Tk', 'Kshs.',
    as ISO codes, and as signs after the magnitude ('131.72 billion RM')."""
    r = extract(text, published="2022-07-25")
    assert {a.text: a.unit for a in r.amounts}.get(span) == unit


@pytest.mark.parametrize("text", [
    "The team shipped 12 million rs units.",   # (a sign after a number, lower-case: no rupee)
    "The plant employs sr5 staff on site.",
    "Tests ran on the ro 5 line.",
])
def test_currency_abbreviations_only_as_written(text):
    r = extract(text, published="2022-07-25")
    assert not any(a.unit in {"SAR", "OMR"} for a in r.amounts)


@pytest.mark.parametrize("text", [
    "In September 2019 Euro area exports rose 2 percent.",
    "The 2019 euro zone trade figures were revised.",
])
def test_a_year_before_a_currency_s_area_is_no_sum(text):
    """'September 2019 Euro area exports': the currency word names the area, the number is a date."""
    r = extract(text, published="2019-11-15")
    assert not any(a.unit == "EUR" for a in r.amounts)


def test_a_sum_before_the_currency_s_area_stays_a_sum():
    r = extract("Exports to the euro area rose to 186.5 billion euros in September.", published="2019-11-15")
    assert [(a.text, a.unit) for a in r.amounts] == [("186.5 billion euros", "EUR")]


@pytest.mark.parametrize("text, change", [
    ("Shipments to Peru grew even more, at 15%.", "up"),
    ("Imports fell faster, at 9 percent.", "down"),
    ("Wheat sales abroad were 14% above March 2016.", "up"),
    ("Fish exports ended 4 percent below Sept. 2021.", "down"),
])
def test_a_move_s_size_set_off_after_a_comma_or_against_a_dated_month(parse, text, change):
    """'grew even more, at 15%': the size of the move just told; '14% above March 2016': against that month."""
    assert only(parse, text).change == change


@pytest.mark.parametrize("text", [
    "Exports grew in March, at a time when 15% of firms had closed.",
    "The share stood at 12%, above May levels.",
])
def test_a_rate_set_off_by_a_comma_with_no_move_before_it_is_no_change(parse, text):
    assert all(a.change is None for a in amounts(parse, text) if a.unit == "percent")


@pytest.mark.parametrize("text, span, bound", [
    ("Coffee sales hit $1.1 billion, a 12 percent increase over $640 million a year earlier.", "$640 million", "exact"),
    ("Imports tumbled over 70 percent last month.", "over 70 percent", "more_than"),
    ("Imports rose to over $5 billion in May.", "over $5 billion", "more_than"),
])
def test_over_after_a_change_noun_names_the_base_not_a_bound(parse, text, span, bound):
    """'an increase over $640 million': the level compared with; 'tumbled over 70 percent': more than."""
    got = {a.text: a.bound for a in amounts(parse, text)}
    assert got[span] == bound


@pytest.mark.parametrize("text, span, value, unit", [
    ("Exports passed Kes.4 trillion in 2023.", "Kes.4 trillion", 4e12, "KES"),
    ("Imports rose to Kes.3.2 trillion in 2023.", "Kes.3.2 trillion", 3.2e12, "KES"),
])
def test_a_currency_abbreviation_s_full_stop_glued_to_the_digits_is_no_decimal_point(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, value, unit)


def test_a_bracket_opened_right_after_a_magnitude_keeps_both_sums_whole():
    """'NZ$318 million($205 million)': the space before the bracket dropped, both sums with their scale (the
    pipeline's tokenizer parts the bracket from the word)."""
    found = extract("Dairy exports rose NZ$318 million($205.40 million) in April.", published="2014-05-20").amounts
    assert [(a.text, a.value) for a in found] == [("NZ$318 million", 318e6), ("$205.40 million", 205.4e6)]


@pytest.mark.parametrize("text, change", [
    ("The surplus narrowed as export growth cooled to 2.3% in October.", "up"),
    ("Import growth slowed to 5 percent in May.", "up"),
    ("Exports rose to 5 percent of output in May.", None),
])
def test_a_growth_rate_that_moved_to_a_percentage_is_a_rise_of_that_size(parse, text, change):
    """'export growth cooled to 2.3%': the flow grew 2.3%; a share 'rose to 5 percent of output' is no change."""
    assert [a.change for a in amounts(parse, text) if a.unit == "percent"] == [change]


def test_both_sizes_of_a_change_restated_with_or_before_its_noun_are_changes(parse):
    """'a £4.1 billion, or 38.2 per cent, plunge in exports': the sum and the percentage both size the plunge."""
    found = amounts(parse, "The figures showed a £4.1 billion, or 38.2 per cent, plunge in exports to the bloc.")
    assert [(a.text, a.change) for a in found] == [("£4.1 billion", "down"), ("38.2 per cent", "down")]


@pytest.mark.parametrize("text, expected", [
    ("Sales to Peru and Chile were 410 million and 95 million U.S. dollars, respectively.",
     [("410 million", 410e6, "USD"), ("95 million U.S. dollars", 95e6, "USD")]),
    ("Exports to the three markets reached 6.2, 3.8 and 1.1 billion yuan, respectively.",
     [("6.2", 6.2e9, "CNY"), ("3.8", 3.8e9, "CNY"), ("1.1 billion yuan", 1.1e9, "CNY")]),
])
def test_a_currency_written_once_after_a_list_of_sums_is_each_sum_s(parse, text, expected):
    """'410 million and 95 million U.S. dollars', '6.2, 3.8 and 1.1 billion yuan': right-node raising
    of the currency (and of the magnitude a sum lacks), as 'rose 3 and 5 percent' shares its percent."""
    assert [(a.text, a.value, a.unit) for a in amounts(parse, text)] == expected


def test_a_garbled_decimal_comma_is_no_list_of_sums(parse):
    """'to 1, 4871 trillion yen' (a decimal comma with a space): no 'and', so no list of two sums."""
    assert [a.text for a in amounts(parse, "Exports rose 3.1% to 1, 4871 trillion yen.") if a.unit == "JPY"] == ["4871 trillion yen"]


def test_the_last_of_a_list_of_sums_may_leave_out_their_currency(parse):
    """'RMB 1.2 trillion, RMB 433.5 billion and 417.2 billion, respectively': the last sum takes the
    list's currency; a lone pair ('$3 billion and 2 billion') and a counted noun are not such lists."""
    found = amounts(parse, "Sales reached RMB 1.2 trillion, RMB 433.5 billion and 417.2 billion, respectively.")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("RMB 1.2 trillion", 1.2e12, "CNY"), ("RMB 433.5 billion", 433.5e9, "CNY"), ("417.2 billion", 417.2e9, "CNY")]
    assert [a.text for a in amounts(parse, "Exports were $3 billion and 2 billion last year.")] == ["$3 billion"]
    assert [a.unit for a in amounts(parse, "It cost $3 billion, $2 billion and 40 million people.")] == ["USD", "USD", "count"]


@pytest.mark.parametrize("text, share", [
    ("Exports fell by £3.1 billion – 11.7 per cent – in March.", "11.7 per cent"),
    ("Imports declined $1.8 billion in the month, or 6 per cent.", "6 per cent"),
])
def test_a_percentage_restating_a_sum_a_flow_moved_by_moves_the_same_way(parse, text, share):
    """'fell by £3.1 billion – 11.7 per cent –', 'declined $1.8 billion in the month, or 6 per cent': the
    percentage set off by dashes, or after the change's own time, restates the fall."""
    assert next(a.change for a in amounts(parse, text) if a.text == share) == "down"


def test_both_sizes_of_a_change_set_off_by_dashes_before_its_noun_are_changes(parse):
    """'a £340 million – 2.6 per cent – increase in exports': both sizes of the increase; a description
    between dashes ('$3 billion – a record – fell') moves no figure."""
    found = amounts(parse, "There was a £340 million – 2.6 per cent – increase in exports to the US.")
    assert [(a.text, a.change) for a in found] == [("£340 million", "up"), ("2.6 per cent", "up")]
    assert [a.change for a in amounts(parse, "Exports of $3 billion – a record – were shipped in May.")] == [None]


def test_a_sum_written_in_places_joined_by_and_is_one_sum(parse):
    """'2 trillion and 410 billion yuan' (Chinese releases in English): one sum, 2.41 trillion, not a
    list of two; 'two sums of one magnitude' ('310 million and 240 million dollars') stay a list."""
    found = amounts(parse, "In May, total trade was 2 trillion and 410 billion yuan, up 6.1%.")
    assert [(a.text, a.value, a.unit) for a in found if a.unit == "CNY"] == [("2 trillion and 410 billion yuan", 2.41e12, "CNY")]
    found = amounts(parse, "Sales to Peru and Chile were 310 million and 240 million dollars, respectively.")
    assert [a.value for a in found] == [310e6, 240e6]


def test_a_place_written_in_round_tens_is_rounded_to_them(parse):
    """'1 trillion and 270 billion yuan' is rounded to ten billion (its subtractions are checked to that),
    '22 billion 345 million dollars' to a million."""
    found = amounts(parse, "Exports were 1 trillion and 270 billion yuan, and imports cost 22 billion 345 million dollars.")
    assert [(a.value, a.precision) for a in found] == [(1.27e12, 5e9), (22.345e9, 0.5e6)]


def test_places_joined_by_and_are_one_sum_only_with_the_currency_after_them(parse):
    """'$2 billion and 40 million people': a sum and a count (the currency written before the first),
    not one sum of 2.04 billion."""
    found = amounts(parse, "The plan cost $2 billion and 40 million people signed up.")
    assert [(a.text, a.unit) for a in found] == [("$2 billion", "USD"), ("40 million people", "count")]


def test_a_move_s_end_written_without_its_magnitude_takes_the_start_s(parse):
    """'increased from $3.910 billion in May 2017 to $4.215 in May 2018': the copy dropped 'billion' from
    the second sum (its three decimals show it); read as $4.215, the page's imports and deficit disagree
    and the article is flagged as contradicting itself."""
    got = {a.text: a.value for a in amounts(parse, "Imports increased from $3.910 billion in May 2017 to $4.215 in "
                                                   "May 2018, showing growth of 7.8 percent.")}
    assert got["$4.215"] == pytest.approx(4.215e9)


@pytest.mark.parametrize("text, span, value", [
    ("The price rose from $2 million to $3 a share.", "$3", 3.0),            # no decimals: no dropped word
    ("The stock went from $2.15 billion in value to $3.40 a share.", "$3.40", 3.4),   # a price per share
])
def test_a_price_after_a_move_keeps_its_size(parse, text, span, value):
    assert {a.text: a.value for a in amounts(parse, text)}[span] == pytest.approx(value)


@pytest.mark.parametrize("text, figure, value", [
    ("Hubei's Jan-Jun trade hits 2.7tr yuan", "2.7tr yuan", 2.7e12),
    ("Exports reached $1.05tr last year.", "$1.05tr", 1.05e12),
])
def test_tr_glued_to_money_is_a_trillion(text, figure, value):
    """Headline copy shortens trillion to 'tr' as it shortens billion to 'bn' (money only: 'tr' after a
    bare number is no scale)."""
    assert {a.text: a.value for a in extract(text, published="2024-07-20").amounts}[figure] == pytest.approx(value)


def test_a_parallel_level_written_without_its_magnitude_takes_the_first_s(parse):
    """'exports fell 3.1% to $90.512 billion while imports fell 8.12% to $84.44': the second level of two
    written in parallel lost its 'billion' (its decimals show it)."""
    got = {a.text: a.value for a in amounts(parse, "Exports fell 3.1% to $90.512 billion while imports fell 8.12% to "
                                                   "$84.44, the ministry said.")}
    assert got["$84.44"] == pytest.approx(84.44e9)


@pytest.mark.parametrize("text, span, value", [
    ("Its shares rose 2% to $1.25 billion in value while the price rose 3% to $41.20 a share.", "$41.20", 41.2),
    ("Exports rose to $2.3 billion and the average price rose to $8.50.", "$8.50", 8.5),
])
def test_a_price_beside_a_level_keeps_its_size(parse, text, span, value):
    """A price per unit, or one out of the factor-of-three range of the level beside it, keeps its size."""
    assert {a.text: a.value for a in amounts(parse, text)}[span] == pytest.approx(value)


@pytest.mark.parametrize("text, span, value", [
    # the first level, the unit and its magnitude said once after the second (right-node raising)
    ("Imports from Japan fell from 4.9 to 3.4 billion dollars over the year.", "4.9", 4.9e9),
    ("Shipments of palm oil climbed from 1.25 to 1.6 million tonnes in the quarter.", "1.25", 1.25e6),
    ("Tea exports rose from 500 to 2 million tonnes after the reform.", "500", 500.0),
    # the start written after the end, its 'billion' lost
    ("Cocoa exports fell 31 percent to $1.74 billion in May from $2.52 a year earlier.", "$2.52", 2.52e9),
    ("Cocoa exports dropped 16.5 percent to a little over $7 billion from $8.384 in 2022.", "$8.384", 8.384e9),
    ("Cocoa exports rose 5 percent to $2.3 billion from $7 in 2019.", "$7", 7.0),
])
def test_a_level_of_a_move_written_without_its_magnitude_takes_the_other_s(parse, text, span, value):
    """'fell from 4.9 to 3.4 billion dollars', 'fell 31% to $1.74 billion from $2.52': a level of a move
    written without the magnitude the other has takes it, where the two then lie within a factor of three
    ('from 500 to 2 million' keeps 500) and, for a start written after the end, where the two share their
    decimals or the stated change takes one to the other; not otherwise."""
    assert {a.text: a.value for a in amounts(parse, text)}[span] == pytest.approx(value)


@pytest.mark.parametrize("text, span", [
    ("Exports climbed 2.4%to $3 billion in May.", "2.4%"),
    ("Imports were $5 billion with a 7.5%decrease from April.", "7.5%"),
])
def test_a_percent_glued_to_the_next_word_is_a_percent(text, span):
    """'climbed 2.4%to $3 billion': copy that lost the space after the percent sign still states a
    percent (the pipeline's tokenizer splits the sign off, as it does before a space)."""
    got = {a.text: (a.value, a.unit) for a in extract(text, published="2024-06-20").amounts}
    assert got[span][1] == "percent"
