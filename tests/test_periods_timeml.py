"""TIMEX3 shapes of general news (issue 14, items 2 and 4): how TimeML gold values dates and
spans, for constructions the trade copy of the other tests rarely shows.

All sentences are written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractor.pipeline.periods import find_periods

PUB = date(2025, 11, 4)  # a Tuesday


def periods(parse, text, published=PUB):
    doc = parse(text, published)
    return find_periods(doc, doc._.published)


def period(ps, text):
    found = [p for p in ps if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in ps]}"
    return found[0]


# ----------------------------------------------------------------------------- dates ahead


@pytest.mark.parametrize("text,when,value", [
    ("The special dividend is payable Jan. 9 to holders of record Dec. 12.", "Jan. 9", "2026-01-09"),
    ("The special dividend is payable Jan. 9 to holders of record Dec. 12.", "Dec. 12", "2025-12-12"),
    ("The new chief executive takes office Dec. 1.", "Dec. 1", "2025-12-01"),
    ("The refinery must be shut by Jan. 20, the regulator said.", "Jan. 20", "2026-01-20"),
    ("The ministry wants the bank to report on Dec. 18 on its capital.", "Dec. 18", "2025-12-18"),
    ("Talks would resume on Jan. 26 in Geneva, officials said.", "Jan. 26", "2026-01-26"),
    ("The appeal is heard in January by a panel of three judges.", "January", "2026-01"),
])
def test_a_date_in_a_clause_not_in_the_past_is_the_coming_one(parse, text, when, value):
    assert period(periods(parse, text), when).value == value


@pytest.mark.parametrize("text,when,value", [
    ("The plant was sold on Jan. 9 to a rival group.", "Jan. 9", "2025-01-09"),
    ("Shares issued Dec. 12 carry no dividend.", "Dec. 12", "2024-12-12"),
    ("The council has approved the budget in January.", "January", "2025-01"),
    ("Sales rose in December, the company said.", "December", "2024-12"),
    # more than the window ahead: the last one, whatever the tense
    ("The index peaks in March, analysts say.", "March", "2025-03"),
])
def test_a_date_in_a_past_clause_or_far_ahead_is_the_last_one(parse, text, when, value):
    assert period(periods(parse, text), when).value == value
