"""Amount extractor: money, percent, bounds, ranges, changes, quantities, counts, and what is not an amount.

All sentences are written for these tests (news-like, about trade, oil and markets).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

from extractor.pipeline.amounts import find_amounts


def amounts(parse, text):
    doc = parse(text)
    found = find_amounts(doc)
    for a in found:  # the offset contract holds for every amount
        assert doc.text[a.start:a.end] == a.text
    assert [a.start for a in found] == sorted(a.start for a in found)
    for x, y in zip(found, found[1:]):
        assert x.end <= y.start
    return found


def only(parse, text):
    found = amounts(parse, text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


def by_text(parse, text):
    return {a.text: a for a in amounts(parse, text)}


# ---------------------------------------------------------------- 1. money

@pytest.mark.parametrize("text, span, value, unit", [
    ("Beijing shipped goods worth $45.6 million to Pyongyang in March.", "$45.6 million", 45_600_000.0, "USD"),
    ("The fund bought US$3.5 million of bonds.", "US$3.5 million", 3_500_000.0, "USD"),
    ("The port handled USD 12 million of cargo.", "USD 12 million", 12_000_000.0, "USD"),
    ("The loan was 300 million dollars.", "300 million dollars", 300_000_000.0, "USD"),
    ("China's customs office recorded 1.8 billion yuan in shipments.", "1.8 billion yuan", 1_800_000_000.0, "CNY"),
    ("The deal was valued at RMB 40 billion by analysts.", "RMB 40 billion", 40_000_000_000.0, "CNY"),
    ("Seoul pledged 500 billion won in aid.", "500 billion won", 500_000_000_000.0, "KRW"),
    ("The carmaker paid 20 million euros in fines.", "20 million euros", 20_000_000.0, "EUR"),
    ("Brussels froze €2.4bn of assets.", "€2.4bn", 2_400_000_000.0, "EUR"),
    ("The London insurer set aside £750,000 for claims.", "£750,000", 750_000.0, "GBP"),
    ("Moscow earned 90 billion rubles from the pipeline.", "90 billion rubles", 90_000_000_000.0, "RUB"),
    ("The Hong Kong trader wired HK$5bn last week.", "HK$5bn", 5_000_000_000.0, "HKD"),
    ("The yacht was listed at USD10m by the broker.", "USD10m", 10_000_000.0, "USD"),
    ("The ticket cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents", 13.45, "USD"),
    ("The fine was set at 75 USD million by the court.", "75 USD million", 75_000_000.0, "USD"),
    ("The board declared a 12-cent dividend on Monday.", "12-cent", 12.0, "cent"),
    ("The contractor won with a one-yen bid.", "one-yen", 1.0, "JPY"),      # a currency hyphenated
    ("Each voter got a ten-dollar voucher.", "ten-dollar", 10.0, "USD"),     # to a number word
    ("Tokyo stocks lost ¥3 trillion in value as exporters slid.", "¥3 trillion", 3e12, "JPY"),
    # a currency's short name before 'dollars' (wire copy from Xinhua and Kyodo)
    ("Wellington budgeted 640 million NZ dollars for the port.", "640 million NZ dollars", 640e6, "NZD"),
    ("The Taipei fund raised 9 billion NT dollars last year.", "9 billion NT dollars", 9e9, "TWD"),
    ("The ferry operator owed 85 million HK dollars to its lenders.", "85 million HK dollars", 85e6, "HKD"),
])
def test_money_symbols_codes_and_words(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.bound, a.change) == (span, value, unit, "exact", None)


def test_yen_sign_is_yuan_in_a_chinese_context(parse):
    a = only(parse, "China's central bank injected ¥300bn into the money market on Friday.")
    assert (a.text, a.value, a.unit) == ("¥300bn", 3e11, "CNY")


def test_yen_sign_is_yen_in_a_japanese_sentence_of_a_chinese_story(parse):
    found = by_text(parse, "China's wig exports rose. In Japan, a finished wig retails for about ¥12,000.")
    assert found["about ¥12,000"].unit == "JPY"


def test_predeterminer_double(parse):
    a = only(parse, "Exports reached more than double the total of a year earlier.")
    assert (a.text, a.value, a.unit, a.bound, a.change) == ("more than double", 2.0, "times", "more_than", "up")


def test_scaled_values_carry_no_float_noise(parse):
    a = only(parse, "Neighbours traded $4.03 billion of goods.")
    assert a.value == 4_030_000_000.0


def test_yen_word_stays_yen_in_a_chinese_context(parse):
    a = only(parse, "China's buyers paid 5 billion yen for the Japanese robots.")
    assert (a.text, a.unit) == ("5 billion yen", "JPY")


# ------------------------------------------------------- 2. magnitudes & words

@pytest.mark.parametrize("text, span, value, precision", [
    ("Dandong's exporters sold $271.2m of goods.", "$271.2m", 271_200_000.0, 50_000.0),
    ("The refinery cost $1.5bn to build.", "$1.5bn", 1_500_000_000.0, 50_000_000.0),
    ("Investors pulled out 2 billion dollars.", "2 billion dollars", 2_000_000_000.0, 500_000_000.0),
    ("Customs seized two billion won in cash.", "two billion won", 2_000_000_000.0, 500_000_000.0),
    ("The broker said nine-point-42 million dollars changed hands.", "nine-point-42 million dollars",
     9_420_000.0, 5_000.0),
    ("The lottery winner got a million dollars.", "a million dollars", 1_000_000.0, 500_000.0),
    ("The estate sold for half a million dollars.", "half a million dollars", 500_000.0, 250_000.0),
    # a whole number and a fraction, as broadcast copy says them
    ("Rice sales reached one-and-a-half billion dollars.", "one-and-a-half billion dollars", 1.5e9, 2.5e8),
    ("Rice sales reached three and a half million dollars.", "three and a half million dollars", 3.5e6, 2.5e5),
    ("The ministry paid $3,200 per family.", "$3,200", 3_200.0, 0.5),
])
def test_magnitudes_and_number_words(parse, text, span, value, precision):
    a = only(parse, text)
    assert (a.text, a.value, a.precision) == (span, value, precision)


# ---------------------------------------------------------------- 3. bounds

@pytest.mark.parametrize("cue, bound", [
    ("more than", "more_than"), ("over", "more_than"), ("above", "more_than"), ("just over", "more_than"),
    ("nearly", "approx"), ("almost", "approx"), ("about", "approx"), ("around", "approx"),
    ("roughly", "approx"), ("some", "approx"), ("approximately", "approx"), ("an estimated", "approx"),
    ("at least", "at_least"), ("up to", "at_most"), ("no more than", "at_most"),
    ("less than", "less_than"), ("under", "less_than"), ("below", "less_than"), ("just under", "less_than"),
])
def test_bound_cue_is_part_of_the_amount(parse, cue, bound):
    a = only(parse, f"Pyongyang imported {cue} $228 million worth of fuel from Russia.")
    assert a.text == f"{cue} $228 million"
    assert (a.value, a.unit, a.bound, a.precision) == (228_000_000.0, "USD", bound, 500_000.0)


def test_trailing_bound(parse):
    a = only(parse, "The agency expects 3,000 or more inspectors at the border.")
    assert (a.text, a.bound, a.value, a.unit) == ("3,000 or more inspectors", "at_least", 3000.0, "count")


# ---------------------------------------------------------------- 4. ranges

@pytest.mark.parametrize("text, span, low, high, unit", [
    ("Smuggling earned the regime between $1 billion and $2 billion.", "between $1 billion and $2 billion",
     1e9, 2e9, "USD"),
    ("Analysts put the shortfall at $1-2 billion this year.", "$1-2 billion", 1e9, 2e9, "USD"),
    ("The pipeline will cost $1 billion to $2 billion.", "$1 billion to $2 billion", 1e9, 2e9, "USD"),
    ("Economists expect growth of 1.5 to 2 percent next year.", "1.5 to 2 percent", 1.5, 2.0, "percent"),
    ("Homes sold for $750,000 to $1 million.", "$750,000 to $1 million", 750_000.0, 1_000_000.0, "USD"),
])
def test_ranges_take_the_midpoint(parse, text, span, low, high, unit):
    a = only(parse, text)
    assert (a.text, a.bound, a.low, a.high, a.unit) == (span, "range", low, high, unit)
    assert a.value == (low + high) / 2


@pytest.mark.parametrize("text, listed", [
    ("Shipments to the three markets rose 3.1, 9.4 and 22.6 percent.", [3.1, 9.4, 22.6]),
    ("Exports to Peru and Chile fell 3 and 5 percent, respectively.", [3.0, 5.0]),
])
def test_numbers_listed_with_one_percent_each_take_it(parse, text, listed):
    found = amounts(parse, text)
    assert [(a.value, a.unit) for a in found] == [(v, "percent") for v in listed]


@pytest.mark.parametrize("text, first", [
    ("Exports to China totalled US$318.2 million, or 41.5 per cent of the total.", ("US$318.2 million", "USD")),
    ("Growth should be between 3 and 5 percent.", ("between 3 and 5 percent", "percent")),
])
def test_a_sum_restated_as_a_share_or_a_range_is_no_list(parse, text, first):
    a = amounts(parse, text)[0]
    assert (a.text, a.unit) == first


def test_from_to_after_a_change_verb_is_two_levels_not_a_range(parse):
    found = by_text(parse, "Coal exports climbed from $2 billion to $3 billion.")
    assert set(found) == {"$2 billion", "$3 billion"}
    assert all(a.bound == "exact" and a.change is None for a in found.values())


@pytest.mark.parametrize("text, levels", [
    ("Unemployment fell from 4.8 to 4.7 percent in May.", {("4.8", 4.8, "percent"), ("4.7 percent", 4.7, "percent")}),
    ("Output at the mine rose from 240 to 273 tonnes.", {("240", 240.0, "tonne"), ("273 tonnes", 273.0, "tonne")}),
])
def test_from_to_after_a_change_verb_shares_the_unit_said_once(parse, text, levels):
    found = amounts(parse, text)
    assert {(a.text, a.value, a.unit) for a in found} == levels
    assert all(a.bound == "exact" for a in found)


def test_from_to_without_a_change_verb_is_still_a_range(parse):
    a = only(parse, "Forecasts for growth ranged from 4.8 to 5.1 percent.")
    assert (a.bound, a.low, a.high, a.unit) == ("range", 4.8, 5.1, "percent")


# ------------------------------------------------------------ 5. percentages

@pytest.mark.parametrize("text, span, value, precision", [
    ("The tariff is 20.9% on steel.", "20.9%", 20.9, 0.05),
    ("The tariff is 20.9 percent on steel.", "20.9 percent", 20.9, 0.05),
    ("The levy is 20.9 per cent on cars.", "20.9 per cent", 20.9, 0.05),
    ("The duty is 12 pct on soybeans.", "12 pct", 12.0, 0.5),
    ("Britain can borrow at 1.38pc for ten years.", "1.38pc", 1.38, 0.005),
])
def test_percent_spellings(parse, text, span, value, precision):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.precision) == (span, value, "percent", precision)


def test_percentage_points(parse):
    found = by_text(parse, "Unemployment is 4.1%, up 0.3 percentage points from May.")
    assert found["0.3 percentage points"].unit == "percentage_point"
    assert found["0.3 percentage points"].change == "up"


def test_points_after_a_percent_context_are_percentage_points(parse):
    found = by_text(parse, "The rate rose to 5.25%, a gain of 2 points in a year.")
    assert found["2 points"].unit == "percentage_point"


# ---------------------------------------------------------------- 6. changes

@pytest.mark.parametrize("text, span, value, unit, change", [
    ("China's exports to North Korea rose 20.9% in September.", "20.9%", 20.9, "percent", "up"),
    ("Officials reported a 86% drop in coal shipments.", "86%", 86.0, "percent", "down"),
    ("Iron ore imports were up 12 percent from a month earlier.", "12 percent", 12.0, "percent", "up"),
    ("Fishing revenue fell 40% after the ban.", "40%", 40.0, "percent", "down"),
    ("Textile trade was down 80 pct in the quarter.", "80 pct", 80.0, "percent", "down"),
    ("Bilateral trade increased by 3 billion yuan last year.", "3 billion yuan", 3e9, "CNY", "up"),
    ("Retailers announced a 15% increase in prices.", "15%", 15.0, "percent", "up"),
    ("The Kospi plunged 4.3% on Monday.", "4.3%", 4.3, "percent", "down"),
    ("Brent crude surged 6 percent on the news.", "6 percent", 6.0, "percent", "up"),
    ("The won closed 0.7% lower against the dollar.", "0.7%", 0.7, "percent", "down"),
    ("Nasdaq +0.8% in early trade.", "+0.8%", 0.8, "percent", "up"),
    ("May trade was 27% more than a year earlier.", "27%", 27.0, "percent", "up"),
    ("Coal sales were 12% less than in April.", "12%", 12.0, "percent", "down"),
    ("Set against April's sales, that is $4 million less.", "$4 million", 4e6, "USD", "down"),
    ("Compared with a year ago, the port handled 8,000 tonnes more, the agency said.", "8,000 tonnes", 8000.0, "tonne", "up"),
    ("The ministry plans to hire 3,000 more inspectors.", "3,000 more inspectors", 3000.0, "count", None),
])
def test_changes(parse, text, span, value, unit, change):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.change) == (span, value, unit, change)


def test_particle_of_another_verb_is_not_a_direction(parse):
    a = only(parse, "Chinese buyers make up about 80 percent of the investors.")
    assert (a.text, a.bound, a.change) == ("about 80 percent", "approx", None)


def test_edged_up_is_a_direction(parse):
    a = only(parse, "The yuan edged up 0.2% against the dollar.")
    assert (a.text, a.change) == ("0.2%", "up")


def test_level_after_to_is_not_a_change(parse):
    found = by_text(parse, "Exports rose 12% to $300 million in June.")
    assert found["12%"].change == "up"
    assert found["$300 million"].change is None
    assert found["$300 million"].bound == "exact"


def test_range_as_the_size_of_a_change(parse):
    a = only(parse, "Analysts expect imports rose $1-2 billion in the quarter.")
    assert (a.text, a.bound, a.low, a.high, a.change) == ("$1-2 billion", "range", 1e9, 2e9, "up")


def test_level_without_the_change_size(parse):
    a = only(parse, "Exports rose to $300 million in June.")
    assert (a.text, a.change, a.bound) == ("$300 million", None, "exact")


@pytest.mark.parametrize("text, span, value, change, bound", [
    ("Chinese imports of North Korean wigs more than doubled in August.", "more than doubled", 2.0, "up", "more_than"),
    ("Oil deliveries tripled after the summit.", "tripled", 3.0, "up", "exact"),
    ("Seafood exports halved under the sanctions.", "halved", 0.5, "down", "exact"),
])
def test_multiplying_verbs(parse, text, span, value, change, bound):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.change, a.bound) == (span, value, "times", change, bound)


def test_fold_increase(parse):
    a = only(parse, "Rice shipments saw a 3.2-fold increase over the year.")
    assert (a.text, a.value, a.unit, a.change, a.precision) == ("3.2-fold", 3.2, "times", "up", 0.05)


def test_money_lost_is_an_amount_not_a_change(parse):
    a = only(parse, "The shipping firm lost $5 billion on the route.")
    assert (a.text, a.change) == ("$5 billion", None)


# ------------------------------------------------------- 7. measured quantities

@pytest.mark.parametrize("text, span, value, unit", [
    ("China exported 22.5 million tonnes of coal last year.", "22.5 million tonnes", 22_500_000.0, "tonne"),
    ("The tanker carried 600,000 barrels of diesel.", "600,000 barrels", 600_000.0, "barrel"),
    ("The new rail link runs 12 kilometres to the border.", "12 kilometres", 12.0, "kilometre"),
    ("The typhoon packed winds of 155mph near the coast.", "155mph", 155.0, "mile_per_hour"),
])
def test_quantities_with_units(parse, text, span, value, unit):
    a = only(parse, text)
    assert (a.text, a.value, a.unit) == (span, value, unit)


# ---------------------------------------------------------------- 8. counts

@pytest.mark.parametrize("text, span, value, noun", [
    ("The factory in Sinuiju employs 3,000 workers.", "3,000 workers", 3000.0, "worker"),
    ("Satellite images showed 12 ships at the dock.", "12 ships", 12.0, "ship"),
    ("Regulators fined five companies for evading sanctions.", "five companies", 5.0, "company"),
    ("Satellite images showed 12 new oil tankers at the dock.", "12 new oil tankers", 12.0, "tanker"),
    ("As many as 14 first-team players left the club.", "As many as 14 first-team players", 14.0, "player"),
])
def test_counts(parse, text, span, value, noun):
    a = only(parse, text)
    assert (a.text, a.value, a.unit, a.precision) == (span, value, "count", 0.5)
    if hasattr(a, "of"):
        assert a.of == noun


@pytest.mark.parametrize("text", [
    "The resort needs tens of thousands of tourists every summer.",
    "Hundreds of trucks crossed the bridge.",
    "The scheme cost millions of dollars.",
])
def test_vague_plural_magnitudes_are_not_amounts(parse, text):
    assert amounts(parse, text) == []


@pytest.mark.parametrize("text", [
    "Trade between the two countries recovered.",
    "One trader said the border was busy.",
    "Beijing's three ministries did not comment.",
])
def test_anaphoric_and_indefinite_numbers_are_not_counts(parse, text):
    assert amounts(parse, text) == []


def test_only_one_is_a_count(parse):
    a = only(parse, "Customs cleared only one ship on Monday.")
    assert (a.text, a.value, a.unit) == ("one ship", 1.0, "count")


# --------------------------------------------------------- 10. not amounts

@pytest.mark.parametrize("text", [
    "The border closed in 2019.",
    "The share of 2023 Chinese exports that went north was small.",
    "Trade peaked in December 2019.",
    "The parade marked the 80th anniversary of the victory.",
    "It was the third summit this year.",
    "A man aged 45 was arrested at the port.",
    "A 45-year-old captain was detained.",
    "The leaders met on Sept. 4 in Beijing.",
    "The talks began at 10:30 a.m. on June 24.",
    "The sanctions have lasted six years.",
    "The ban was extended by three months.",
    "Call the embassy on 555-1234 for details.",
    "The council adopted Resolution 2397 unanimously.",
    "Article 37 of the treaty covers shipping.",
    "The vessel was listed as No. 5 on the register.",
    "The Covid-19 pandemic shut the border.",
    "Seoul will buy more F-35 jets.",
    "The company unveiled the iPhone 11 in Cupertino.",
    "Pyongyang's team won 3-1 in the final.",
    "The resolution passed in an 80-19 vote of the assembly.",
])
def test_not_amounts(parse, text):
    assert amounts(parse, text) == []


@pytest.mark.parametrize("text", ["5 to", "between 5 and", "$", "US $", "minus", "half"])
def test_truncated_text_does_not_crash(parse, text):
    amounts(parse, text)


def test_character_counter_is_not_an_amount(parse):
    assert amounts(parse, "Standards Board Policy (0/250자)") == []


# ------------------------------------------------------------- seed-like text

def test_seed_like_paragraph(parse):
    text = ("Trade between the neighbours reached $271.2 million in September, the highest since "
            "December 2019, when it totaled $279 million, months before Covid-19 closed the border on Sept. 4. "
            "The North bought more than $228 million of goods from China, marking the 80th anniversary "
            "of ties, and the resort wants tens of thousands of tourists over six years.")
    found = amounts(parse, text)
    assert [(a.text, a.value, a.unit, a.bound, a.precision) for a in found] == [
        ("$271.2 million", 271_200_000.0, "USD", "exact", 50_000.0),
        ("$279 million", 279_000_000.0, "USD", "exact", 500_000.0),
        ("more than $228 million", 228_000_000.0, "USD", "more_than", 500_000.0),
    ]


def test_seed_article(parse, seed_article):
    found = amounts(parse, seed_article["text"])
    assert [(a.text, a.value, a.unit, a.bound, a.precision) for a in found] == [
        ("$271.2 million", 271_200_000.0, "USD", "exact", 50_000.0),
        ("$279 million", 279_000_000.0, "USD", "exact", 500_000.0),
        ("more than $228 million", 228_000_000.0, "USD", "more_than", 500_000.0),
    ]


# ------------------------------------------------------------ the component

def test_component_sets_doc_extension(nlp):
    import extractor.pipeline.amounts  # noqa: F401  (registers the factory)

    nlp.add_pipe("newsclaims_amounts")
    try:
        doc = nlp("Exports jumped 31% to $120 million.")
        assert [(a.text, a.change) for a in doc._.amounts] == [("31%", "up"), ("$120 million", None)]
    finally:
        nlp.remove_pipe("newsclaims_amounts")  # the session's bare model must stay bare


# --------------------------------------------------------------- properties

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    whole=st.integers(min_value=1, max_value=999),
    frac=st.text(alphabet="0123456789", min_size=1, max_size=3),
    mag=st.sampled_from([("million", 1e6), ("billion", 1e9)]),
    prefix=st.sampled_from(["Exports totalled ", "North Korea imported ", "The fund held "]),
)
def test_property_dollar_decimals(parse, whole, frac, mag, prefix):
    word, mult = mag
    amount = f"${whole}.{frac} {word}"
    text = f"{prefix}{amount} of goods last month."
    a = only(parse, text)
    assert a.text == amount
    assert a.start == len(prefix)
    assert a.value == pytest.approx(float(f"{whole}.{frac}") * mult, rel=1e-12)
    assert a.precision == pytest.approx(0.5 * 10 ** -len(frac) * mult, rel=1e-12)
    assert (a.unit, a.bound, a.change) == ("USD", "exact", None)


@pytest.mark.parametrize("text, restated, change", [
    ("Shipments of copper climbed 18 percent, or $1.3 billion, on the year.", "$1.3 billion", "up"),
    ("Fuel imports dropped 6% or 420 million euros in the quarter.", "420 million euros", "down"),
    # the sum restated once more in brackets, in another currency
    ("Wine exports rose 2.4 percent, or 930 million pesos (US$1.1 million), in June.", "930 million pesos", "up"),
    ("Wine exports rose 2.4 percent, or 930 million pesos (US$1.1 million), in June.", "US$1.1 million", "up"),
    # the other way round: the sum first, its percentage after
    ("Coal exports to India fell $410 million, or 22 per cent, in the month.", "22 per cent", "down"),
    ("Wool sales rose by NZ$35 million or 6 percent.", "6 percent", "up"),
])
def test_a_change_restated_as_a_sum_moves_the_same_way(parse, text, restated, change):
    assert by_text(parse, text)[restated].change == change


def test_a_level_after_or_is_no_change(parse):
    found = by_text(parse, "Output was $4 billion, or 3 percent of the total.")
    assert found["$4 billion"].change is None and found["3 percent"].change is None


@pytest.mark.parametrize("text, span, bound", [
    ("Copper sales topped the $10 million mark in March.", "$10 million", "more_than"),
    ("Port traffic stayed above the 2 million-tonne level all year.", "2 million-tonne", "more_than"),
    ("Shipments fell below the $500 million threshold in June.", "$500 million", "less_than"),
    ("Exports crossed $1 billion for the first time.", "$1 billion", "more_than"),
    ("Rice imports did not reach the $1 billion mark.", "$1 billion", "exact"),
    ("Exports rose to the $1 billion level in May.", "$1 billion", "exact"),
])
def test_an_amount_named_as_a_mark_is_a_bound(parse, text, span, bound):
    a = by_text(parse, text)[span]
    assert a.bound == bound


@pytest.mark.parametrize("text, span, bound", [
    ("Copper exports edged up to $4.26 billion in May.", "$4.26 billion", "exact"),
    ("Coal sales ticked up to $40 million last month.", "$40 million", "exact"),
    ("The smelter employs up to 300 people.", "up to 300 people", "at_most"),
    ("Tariffs could go up to 25 percent next year.", "up to 25 percent", "at_most"),
])
def test_up_to_after_a_verb_of_change_is_its_particle_and_the_level(parse, text, span, bound):
    a = by_text(parse, text)[span]
    assert (a.bound, a.change) == (bound, None)


def test_a_move_from_a_bounded_level_is_two_levels_not_a_range(parse):
    found = by_text(parse, "Coffee exports jumped from just over $3 million to $21 million.")
    assert (found["just over $3 million"].bound, found["$21 million"].bound) == ("more_than", "exact")


@pytest.mark.parametrize("text, span, value", [
    ("Coffee exports rose five-fold in 2023.", "five-fold", 5.0),
    ("Coffee exports grew by a factor of three in 2023.", "a factor of three", 3.0),
    ("Coffee exports rose fivefold in 2023.", "fivefold", 5.0),
])
def test_a_ratio_named_by_fold_or_factor_after_a_change_verb(parse, text, span, value):
    a = by_text(parse, text)[span]
    assert (a.value, a.unit, a.change) == (value, "times", "up")


def test_a_bounded_fold_word_takes_the_verb_s_direction(parse):
    a = by_text(parse, "Coffee sales grew more than ninefold last year.")["more than ninefold"]
    assert (a.value, a.unit, a.bound, a.change) == (9.0, "times", "more_than", "up")
