"""The cheap tests that let the periods and sources components skip work must never skip a match.

The period rules are skipped on a text that lacks one of their required strings
(``patterns.required_strings``); the cue rules on a token that is none of their trigger words
(``cues.may_be_a_cue``). Each test runs the full, unfiltered form beside the filtered one.
All sentences are written for these tests.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.periods import candidates
from extractor.pipeline.periods.patterns import folded, may_match, required_strings
from extractor.pipeline.sources import cues
from extractor.pipeline.sources.quotes import _RULES as CUE_RULES


def _unfiltered(text: str) -> list[tuple[int, int, str]]:
    """Every rule on the whole text, as the candidates were found before the filter."""
    out = []
    windows = None
    for order, (name, rx, _) in enumerate(candidates._RULES):
        if name in candidates._WINDOWED:
            windows = windows if windows is not None else candidates._keyword_windows(text)
            for lo, hi, last in windows:
                for m in rx.finditer(text, lo, min(hi, len(text))):
                    if m.end() <= last + (1 if hi < len(text) else len(text)):
                        out.append((m.start(), m.end(), name))
            continue
        out += [(m.start(), m.end(), name) for m in rx.finditer(text)]
    return out


def _filtered(text: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.rule) for c in candidates._candidates(text)]


PERIOD_TEXTS = [
    "Shipments rose 12% in the first seven months of calendar 2023, and 3% in the fiscal year ended March 2024.",
    "Trade in the three months to September fell for the second consecutive quarter, two years after the ban.",
    "In FY25 exports reached a record; in Q3 2023 and 2H 2022 they had slipped, as in the mid-1990s.",
    "Between 2015 and 2018 imports doubled; the same period of the prior year saw a decline over the weekend.",
    "Sales over the past several weeks, the week of Oct. 7, and Christmas Day were strong, officials said on Tuesday.",
    "The summer of nineteen ninety-eight and the twenty-first century are not years anyone forgets.",
]


@pytest.mark.parametrize("text", PERIOD_TEXTS)
def test_required_strings_skip_no_period_candidate(text):
    assert _filtered(text) == _unfiltered(text)
    assert _filtered(text)   # (each text has periods: the comparison is not empty on both sides)


_PIECES = ["the", "first", "quarter", "of", "2024", "fiscal", "year", "FY24", "Q3", "months", "to", "March",
           "Sept.", "ago", "earlier", "three", "weeks", "since", "mid-", "1990s", "week", "ended", "H1",
           "between", "and", "last", "same", "period", "a", "decade", "Monday", "today", "season", "winter",
           "consecutive", "third", "half", "15", "-", ",", "ıs", "ſeptember"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_required_strings_skip_no_candidate_on_any_mix_of_time_words(words):
    text = " ".join(words)
    assert _filtered(text) == _unfiltered(text)


def test_required_strings_read_the_literal_words_of_a_pattern():
    rx = re.compile(r"(?<![\w])(?:the\s+)?(?:first|second)\s+half(?:\s+of)?", re.IGNORECASE)
    assert set(required_strings(rx)) == {("half",), ("first", "second")}
    # a required set is tested on the folded text: IGNORECASE's dotless i matches 'i' too
    assert may_match(required_strings(re.compile("fiscal", re.IGNORECASE)), folded("FıSCAL"))
    assert not may_match(required_strings(re.compile("fiscal", re.IGNORECASE)), folded("financial"))


CUE_TEXTS = [
    "According to the customs office, exports rose; per Reuters, imports fell, the ministry said.",
    "Citing data released by the statistics bureau, Yonhap reported that shipments slowed.",
    "\"We will not cut prices.\" ― Jane Roe",
    "MINISTER: Trade is strong. The agency, a body based in Seoul, reported that exports grew.",
    "The minister's claim that exports doubled was disputed; state media quoted an official as saying it was false.",
    "The unions raised questions about the deal, and the senator is against it, a spokesperson told reporters.",
    "In a central bank report, the governor warned of slower trade; the data showed a 4% fall.",
]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cue_triggers_skip_no_token_a_cue_rule_reads(parse, text):
    doc = parse(text)
    fired = [t.i for t in doc if any(rule(t) is not None for rule in CUE_RULES)]
    assert fired   # (the text has cues)
    assert all(cues.may_be_a_cue(doc[i]) for i in fired)
    # and the filter does skip most tokens
    assert sum(cues.may_be_a_cue(t) for t in doc) < len(doc) / 2
