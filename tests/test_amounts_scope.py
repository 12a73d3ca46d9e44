"""Amount scope "all": every quantity, as quantity-extraction benchmarks (CQE's NewsQuant) count
them, against the default scope "claims" (the amounts a claim can be checked on).

All sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from extractor.pipeline.amounts import find_amounts


def found(parse, text, scope):
    doc = parse(text)
    out = find_amounts(doc, scope)
    for a in out:
        assert doc.text[a.start:a.end] == a.text
    return [(a.text, a.value, a.unit, a.bound, a.low, a.high, a.of) for a in out]


@pytest.mark.parametrize("text, expected", [
    # ages: hyphenated '-year-old', '-month-old', and 'the age of N'
    ("A 47-year-old fisherman was rescued off the coast.",
     [("47-year-old", 47.0, "year_of_age", "exact", None, None, None)]),
    ("Her 9 month-old son slept through the flight.",
     [("9 month-old", 9.0, "month_of_age", "exact", None, None, None)]),
    ("Only players over the age of 23 may sign.",
     [("23", 23.0, "year_of_age", "exact", None, None, None)]),
    # vague plurals: a plural magnitude word M before 'of' is between M and 10 M
    ("Hundreds of volunteers cleared the beach.",
     [("Hundreds of volunteers", 550.0, "count", "range", 100.0, 1000.0, "volunteer")]),
    ("The storm caused tens of millions of dollars in damage.",
     [("tens of millions of dollars", 55e6, "USD", "range", 1e7, 1e8, None)]),
    # 'one' and anaphoric counts
    ("The council approved one proposal on Monday.",
     [("one proposal", 1.0, "count", "exact", None, None, "proposal")]),
    ("The two delegations met in Geneva.",
     [("two delegations", 2.0, "count", "exact", None, None, "delegation")]),
    # 'one of the N'
    ("It is one of the oldest bridges in Europe.",
     [("one of the oldest bridges", 1.0, "count", "exact", None, None, "bridge")]),
    # bare numbers: a level with no unit, and a range of two
    ("Analysts had expected 51,300 against last year's figure.",
     [("51,300", 51300.0, "dimensionless", "exact", None, None, None)]),
    ("The ratio moved between 12.5 and 14.8 during the session.",
     [("between 12.5 and 14.8", 13.65, "dimensionless", "range", 12.5, 14.8, None)]),
    # time words the period finder does not measure are counted (spaCy tags them DATE/TIME)
    ("The sitcom ran for six seasons before it was cancelled.",
     [("six seasons", 6.0, "count", "exact", None, None, "season")]),
    ("Three new seasons of the quiz show were ordered.",
     [("Three new seasons", 3.0, "count", "exact", None, None, "season")]),
    ("The delegates spent four nights in Lagos.",
     [("four nights", 4.0, "count", "exact", None, None, "night")]),
])
def test_scope_all_reports_what_scope_claims_leaves_out(parse, text, expected):
    assert found(parse, text, "all") == expected
    assert found(parse, text, "claims") == []


@pytest.mark.parametrize("text", [
    "The iPhone 11 Pro and 11 Pro Max went on sale.",        # names, not quantities
    "The 787 Dreamliner first flew in 2009.",                # a name and a year
    "Their office is at 41 Harbour Road.",                   # an address
    "A baker's dozen came out of the oven.",                 # a number word as an idiom
    "The talks ended on March 3 at 4pm.",                    # a date and a time
])
def test_scope_all_still_skips_names_years_dates_and_idioms(parse, text):
    assert found(parse, text, "all") == []


def test_scope_all_keeps_the_ranges_and_units_scope_claims_finds(parse):
    text = "Prices rose from 4.1 to 4.6 percent, and the firm paid $3 million to 12 suppliers."
    claims = found(parse, text, "claims")
    assert claims
    assert all(a in found(parse, text, "all") for a in claims)


def test_the_two_levels_of_a_bare_from_to_after_a_change_verb(parse):
    assert [(t, v, u) for t, v, u, *_ in found(parse, "Attendance climbed from 310 to 365 last year.", "all")] == [
        ("310", 310.0, "dimensionless"), ("365", 365.0, "dimensionless")]


def test_an_unknown_scope_is_a_clear_error(parse):
    with pytest.raises(ValueError, match="scope must be one of claims, all"):
        find_amounts(parse("It costs $5."), "everything")


def test_the_component_is_configured_by_name(nlp):
    from extractor.pipeline.extraction import Pipeline

    with pytest.raises(ValueError, match="amount_scope"):
        Pipeline(nlp=nlp, amount_scope="some")


def test_scope_all_counts_hyphenated_and_suspended_compounds(parse):
    text = "The range offers three-, four- and eight-seat cabins and a 12-cent dividend."
    assert [(t, v, u, of) for t, v, u, _, _, _, of in found(parse, text, "all")] == [
        ("three-", 3.0, "count", "seat"), ("four-", 4.0, "count", "seat"), ("eight-seat", 8.0, "count", "seat"),
        ("12-cent", 12.0, "cent", None)]
    assert [t for t, *_ in found(parse, text, "claims")] == ["12-cent"]


@pytest.mark.parametrize("text", [
    "Shares hit a six-year high.",          # a duration, left to the periods
    "We used a 5-10W laser.",               # a range with its unit
    "Nearly two-thirds of voters agreed.",  # a fraction
])
def test_scope_all_hyphen_rule_leaves_times_ranges_and_fractions(parse, text):
    assert all(u != "count" for _, _, u, *_ in found(parse, text, "all"))


@pytest.mark.parametrize("text, span, value, bound", [
    ("A third of the delegates walked out.", "A third", 1 / 3, "exact"),
    ("The firm has 900 staff, almost half of whom work remotely.", "almost half", 0.5, "approx"),
    ("Nearly three-quarters of the harvest was lost.", "Nearly three-quarters", 0.75, "approx"),
    ("Two out of five drivers failed the test.", "Two out of five", 0.4, "exact"),
    ("One in four adults now cycles to work.", "One in four", 0.25, "exact"),
])
def test_scope_all_reads_proportions_as_fractions(parse, text, span, value, bound):
    fractions = [(t, v, b) for t, v, u, b, *_ in found(parse, text, "all") if u == "fraction"]
    assert len(fractions) == 1
    t, v, b = fractions[0]
    assert (t, round(v, 6), b) == (span, round(value, 6), bound)
    assert all(u != "fraction" for _, _, u, *_ in found(parse, text, "claims"))


@pytest.mark.parametrize("text", [
    "Sales rose in the first half of the year.",          # a period
    "Both sides struggled in the final third of the pitch.",
    "Some 250,000 people, a quarter of a million, came.",  # a number, not a share
])
def test_scope_all_proportions_leave_periods_places_and_numbers(parse, text):
    assert all(u != "fraction" for _, _, u, *_ in found(parse, text, "all"))


def test_scope_all_partitive_takes_the_object_of_of_but_not_across_another_figure(parse):
    assert [(t, u, of) for t, _, u, _, _, _, of in found(parse, "Clinics ordered thousands of COVID-19 kits.", "all")] == [
        ("thousands of COVID-19 kits", "count", "kit")]
    assert [(t, u) for t, _, u, *_ in found(parse, "The fund raised 80 million of the 2 billion euros it needs.", "all")] == [
        ("80 million", "dimensionless"), ("2 billion euros", "EUR")]


def test_scope_all_a_count_followed_by_to_and_a_level_is_no_range(parse):
    text = "Trade between the two neighbours rose to $88.4 million in May."
    assert [(t, u) for t, _, u, *_ in found(parse, text, "all")] == [("two neighbours", "count"), ("$88.4 million", "USD")]


@pytest.mark.parametrize("text", [
    "Delays of 30-to-60 days were common.",                      # a range written with 'to'
    "Its exports are under one-eighth of the total.",             # an ordinal fraction
    "It now runs 15-plus stores.",                                # a bound
])
def test_scope_all_hyphen_rule_reads_no_number_word_as_the_counted_noun(parse, text):
    assert all(of not in ("to-60", "eighth", "plus") for *_, of in found(parse, text, "all"))
