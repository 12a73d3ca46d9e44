"""Resolvers for durations: "six years", "between seven and 10 years" (a range with low and
high ISO durations), and vague durations ("recent weeks": TimeML's PXW).
"""
from __future__ import annotations

import re

from .anchors import _iso_duration, _number, _timeml_duration
from .dates import _resolve_past_n_units
from .patterns import BOUNDS, ORDINALS, UNIT_ABBREVIATIONS, UNITS


def _resolve_duration(ctx, cand, m):
    """"six years", "over six years" (more_than), "nearly two decades" (approx, P20Y),
    "for 18 months", "a six-year high": a span of time, bound from the quantifier."""
    n = _number(m["n"])
    if n is None or n <= 0:
        return None
    unit = m["unit"].lower()
    if n != 1 and float(n).is_integer() and not _written_as_a_length(unit, m.group(0)) \
            and not _unhyphenated_compound_modifier(ctx, m, n):
        return None  # 'the 1988 quarter' names a year's quarter; 'a 4.3 second dash' is a span however written
    if re.match(r"\s+(?:million|billion|trillion)\b", ctx.text[cand.end:cand.end + 12], re.I):
        return None  # 'three quarters billion dollars' is a fraction of a number
    bound = "approx" if m["bound"] == "~" else BOUNDS.get(re.sub(r"\s+", " ", (m["bound"] or "").lower()), "exact")
    if m["edge"]:
        ahead = m["edge"].split()[-1].lower() in ("next", "coming")
        return _resolve_past_n_units(ctx, cand, n, unit, bound=bound, ahead=ahead)
    dur = _iso_duration(n, unit)
    return dict(from_=None, to=None, granularity="duration", duration=dur, bound=bound, value=_timeml_duration(n, unit))


def _resolve_duration_range(ctx, cand, m):
    """"three or four years", "between seven and 10 years", "18-24 months": a span whose length
    lies between two stated lengths (bound range; ``low``/``high`` the two ISO durations, ``duration``
    their midpoint, as an amount range's value is). TimeML has no range value: a vague ``PnY``
    count is written with X (TIMEX3 guidelines 1.2.1, 'a few years' = PXY)."""
    n, n2 = _number(m["n_a"] or m["n_b"]), _number(m["n2_a"] or m["n2_b"])
    if n is None or n2 is None or not 0 < n < n2:
        return None  # 'six to one odds' is no span; a year range has no unit after it
    unit = m["unit"].lower()
    if not _written_as_a_length(unit, m.group(0)):
        return None
    return dict(from_=None, to=None, granularity="duration", duration=_iso_duration((n + n2) / 2, unit),
                bound="range", low=_iso_duration(n, unit), high=_iso_duration(n2, unit), value=_vague_value(unit))


def _written_as_a_length(unit: str, written: str) -> bool:
    """A unit of time after more than one of it names a length when plural ('six years'),
    hyphenated ('a six-year high') or abbreviated, which has no plural ('3 min'); 'six year'
    without either is no span, unless it modifies the noun after it
    (:func:`_unhyphenated_compound_modifier`)."""
    return unit.endswith("s") or "-" in written or unit in UNIT_ABBREVIATIONS


def _unhyphenated_compound_modifier(ctx, m, n: float) -> bool:
    """'a five year low', 'a two day rally', 'a three hour meeting': a number and a singular unit
    before the noun they modify are the compound modifier 'five-year' with its hyphen left out, as
    broadcast transcripts and some wire copy write it (AP Stylebook, 'hyphen': compound modifiers;
    TimeML annotates 'five year' in 'a five year low' as DURATION P5Y). Not a number that reads as
    a year ('the 1988 quarter')."""
    if n >= 1000:
        return False
    tok = ctx.token_at(m.start("unit"))
    if tok is None or tok.dep_ not in ("compound", "npadvmod", "nmod", "amod"):
        return False
    head = tok.head
    # 'a five year low': an adjective after 'a' and a number above one is the noun ('a low')
    article = bool(re.search(r"\ban?\s+$", ctx.text[max(0, m.start("n") - 4):m.start("n")], re.IGNORECASE))
    nominal = head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADJ" and article)
    return head.i > tok.i and nominal


def _vague_value(unit: str) -> str:
    """TimeML's value for an unknown number of ``unit``: PXY, PXW, PXDE (decades), PTXH."""
    if unit.lower().startswith("decade"):
        return "PXDE"
    code, _ = UNITS[unit.lower()]
    return f"PT{code[1:]}X" if code.startswith("T") else f"PX{code}"


def _resolve_vague_duration(ctx, cand, m):
    """"recent weeks", "several months", "the past few years": TimeML PXW/PXM/PXY, no ISO duration."""
    return dict(from_=None, to=None, granularity="duration", duration=None, bound="approx",
                value=_vague_value(m["unit"]))



def _resolve_streak(ctx, cand, m):
    """"the fifth consecutive month", "a 10th straight year", "the 70th month in a row": a run of
    N units (ISO duration PnU), the length of the streak the figure extends."""
    word = m["ord"].lower()
    n = ORDINALS.get(word)
    if n is None:
        digits = re.match(r"\d+", word)
        n = int(digits.group(0)) if digits else None
    if not n or n < 2:
        return None  # 'the first straight month' starts no run
    dur = _iso_duration(n, (m["unit"] or m["unit2"]).lower())
    return dict(from_=None, to=None, granularity="duration", duration=dur, bound="exact", value=dur)
