"""Period shapes of real trade copy (issues 12 and 14): runs of months, parts of a month,
comparisons with earlier periods.

All sentences are written for these tests (news-like: trade statistics).
"""
from __future__ import annotations

from datetime import date

import pytest

from extractor.pipeline.periods import find_periods

PUB = date(2025, 10, 21)  # a Tuesday


def periods(parse, text, published=PUB):
    doc = parse(text, published)
    return find_periods(doc, doc._.published)


def period(ps, text, nth=0):
    found = [p for p in ps if p.text == text]
    assert len(found) > nth, f"{text!r} not among {[p.text for p in ps]}"
    return found[nth]


def span(p):
    return p.from_, p.to


# ----------------------------------------------------------------------------- streaks


@pytest.mark.parametrize("text,streak,duration", [
    ("Exports fell for the fifth consecutive month in September.", "the fifth consecutive month", "P5M"),
    ("Shipments rose for a 3rd straight quarter.", "a 3rd straight quarter", "P9M"),
    ("The surplus widened for the 14th straight month.", "the 14th straight month", "P14M"),
    ("Rice imports grew for the seventh successive year.", "the seventh successive year", "P7Y"),
    ("It was the 26th month in a row that coal deliveries shrank.", "the 26th month in a row", "P26M"),
])
def test_an_ordinal_run_of_units_is_a_span_that_long(parse, text, streak, duration):
    p = period(periods(parse, text), streak)
    assert (p.granularity, p.duration, p.from_, p.to) == ("duration", duration, None, None)


def test_the_first_straight_month_starts_no_run(parse):
    assert not [p for p in periods(parse, "It was the first straight month of gains.") if "straight" in p.text]
