"""The scan and the spaCy component: :func:`find_amounts` walks the tokens left to right,
builds each amount from a core (:mod:`.numbers`) with its unit (:mod:`.measures`), bound
(:mod:`.bounds`) and change (:mod:`.changes`), joins ranges, carries units and changes into
gapped clauses and restatements, and ``newsclaims_amounts`` sets ``doc._.amounts``.
"""
from __future__ import annotations

import math
import re

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from models import Amount, is_currency

from ..extensions import doc_text, isolated  # (importing it registers Doc._.amounts)
from ..articles import AMOUNT_SCOPES as SCOPES
from ..periods.patterns import MONTHS
from .bounds import (_bound_before_article, _bound_from_following_phrase, _bound_from_preceding_quantifier,
                     _bound_from_verb, _bound_of_a_mark)
from .changes import (
    _DASHES,
    _change_from_adverb,
    _change_from_comparative,
    _change_from_governing_verb,
    _change_from_modified_noun,
    _change_from_sign,
    _change_of_a_change_noun_subject,
    _change_of_a_gapped_dated_item,
    _change_of_a_gapped_move,
    _change_of_a_leading_item,
    _change_of_an_included_item,
    _change_of_a_followed_item,
    _change_of_a_bracketed_item,
    _change_verb_before,
    _levels_after_change,
    _moves_to_a_level,
    _span_root,
)
from .counts import _bare_number_range, _hyphenated_count, _is_bare_quantity, _proportion, _vague_plural
from .exclusions import _is_date_time_or_ordinal
from .measures import _non_money_unit, _unit_for_core
from .numbers import _core_at, _Found, _magnitude_of
from .tables import _tables
from .units import _currency_before, _quantulum_unit_name, _quantulum_unit_words


# units in which a minus sign states a fall rather than a negative level
_SIGNED_CHANGES = frozenset(("percent", "percentage_point", "basis_point"))


def _build(doc: Doc, i: int, yen: list, allow_bare: bool = False, every: bool = False,
           bare_quantity: bool = False) -> Optional[_Found]:
    core = _core_at(doc, i)
    if core is None:
        return None
    if core.end < len(doc) and doc[core.end].lower_ in _tables()["vague_set"]:
        return None
    cur_b, cur_start = _currency_before(doc, core.start)
    unit, end, of = _unit_for_core(doc, core, yen)
    if unit is None:
        unit, end, of = _non_money_unit(doc, core, every)
    if unit is None and bare_quantity and _is_bare_quantity(doc, core):
        unit, end = "dimensionless", core.end
    if unit is None and not allow_bare:
        return None
    if core.sign == "-" and unit in _SIGNED_CHANGES and core.value < 0:
        core.value = -core.value  # '-3.18 percent' is a fall of 3.18 percent, as '-3.18%' is (_change_from_sign)
    start = cur_start if (cur_b and core.currency is None) else core.start - core.split_prefix
    if start > 0 and doc[start - 1].lower_ == "minus" and core.value > 0:  # 'minus 233 Celsius'
        start -= 1
        core.value = -core.value
    return _Found(start, end, core.value, unit or "", core.precision, of=of, core=core)


def _range_with_next(doc: Doc, a: _Found, opener: Optional[str], yen: list,
                     dash_only: bool = False, ordered: bool = True) -> Optional[_Found]:
    """'$1-2 billion', '1.5 to 2 percent', 'between $1 billion and $2 billion'.

    ``ordered=False`` also pairs a falling 'from 4.8 to 4.7 percent' (two levels, not a range)."""
    t = _tables()
    j = a.end
    if j >= len(doc) or doc[j].lower_ not in t["range_joiners"]:
        return None
    joiner = doc[j].lower_
    if joiner == "and" and opener != "between" or dash_only and joiner in ("to", "and"):
        return None
    if joiner in ("-", "–", "—") and (doc[j - 1].whitespace_ and not doc[j].whitespace_):
        return None  # '5 -3' is a minus sign, not a dash
    k = j + 1
    cur, cstart = _currency_before(doc, k + 1) if k + 1 < len(doc) else (None, k)
    bi = k + 1 if (cur and cstart == k) else k
    if cur and cstart < k:  # 'US $' two tokens
        bi = k + 2
    b = _build(doc, bi, yen, allow_bare=True)
    if b is None:
        return None
    ac, bc = a.core, b.core
    a_unit = a.unit
    if a_unit == "count" and b.unit != "count":
        if a.of and joiner not in ("-", "–", "—"):
            return None  # 'trade between the two countries to $216 million': a count, then a level
        a_unit = ""  # '5-10W laser': the noun after the range is not what the first number measures
    unit = a_unit or b.unit
    if a_unit and b.unit and a_unit != b.unit:
        return None
    if not unit:
        return None
    a_value = a.value
    a_prec = a.precision
    if not ac.has_magnitude and bc.has_magnitude and ac.value < bc.value / _magnitude_of(bc):
        m = _magnitude_of(bc)
        a_value, a_prec = ac.value * m, ac.precision * m
    low, high = a_value, b.value
    if low > high and ordered:
        return None
    return _Found(a.start, b.end, (low + high) / 2, unit, max(a_prec, b.precision), "range", low, high,
                  of=a.of or b.of, core=bc)


def _multiplier_verb(doc: Doc, i: int) -> Optional[_Found]:
    """'doubled', 'more than tripled', 'halved': a ratio stated by the verb itself."""
    tok = doc[i]
    # 'doubled', and the predeterminer in 'more than double the total of a year earlier'
    if tok.pos_ != "VERB" and not (tok.tag_ == "PDT" or (tok.pos_ in ("ADJ", "ADV") and i > 0 and doc[i - 1].lower_ == "than")):
        return None
    entry = _tables()["multiplier_verbs"].get(tok.lemma_.lower()) or _tables()["multiplier_verbs"].get(tok.lower_)
    if entry is None or (i + 1 < len(doc) and doc[i + 1].lower_ == "down"):
        return None  # 'doubled down' is an idiom
    value, change = entry
    return _Found(i, i + 1, float(value), "times", None, change=change)


def _fold_word(doc: Doc, i: int) -> Optional[_Found]:
    """'a threefold increase', 'rose five-fold', 'grew by a factor of three': a ratio named by a
    '-fold' word or a factor; a change verb before it gives its direction."""
    t = _tables()
    low = doc[i].lower_
    value, end = t["fold_words"].get(low), i + 1
    if value is None and low in t["number_words"] and i + 2 < len(doc) and doc[i + 1].text == "-" \
            and doc[i + 2].lower_ == "fold":
        value, end = t["number_words"][low], i + 3                  # 'five-fold'
    start = i
    if value is None and low in ("a", "an") and i + 3 < len(doc) and doc[i + 1].lower_ == "factor" \
            and doc[i + 2].lower_ == "of":
        core = _core_at(doc, i + 3)                                  # 'by a factor of three'
        value, end = (core.value, core.end) if core is not None else (None, end)
    if value is None:
        return None
    verb = start - 2 if start >= 1 and doc[start - 1].lower_ == "by" else start - 1
    change = _change_from_governing_verb(doc, verb + 1, "times") if verb >= 0 else None
    return _Found(start, end, float(value), "times", 0.5, change=change)


def _fraction_of_change(doc: Doc, i: int) -> Optional[_Found]:
    """'fell by a third', 'cut by half', 'rose by two-thirds': the fraction a change moved by, a
    percentage as loose as the words (approximate); only after a verb of change and 'by'."""
    by = i - 1
    while by > 0 and i - by <= 2 and doc[by].lower_ in {"more", "than", "nearly", "almost", "about", "roughly", "over",
                                                          "around", "less", "some"}:
        by -= 1   # "shrank by more than half": the quantifier is the bound, read after
    if i == 0 or doc[by].lower_ != "by":
        return None
    fractions = _tables()["fraction_words"]
    low = [t.lower_ for t in doc[i: i + 4]]
    count, fraction, end = 1, None, i
    if low[0] == "half":
        fraction, end = 0.5, i + 1
    elif low[0] in ("a", "an", "one") and len(low) > 1 and low[1] in fractions:
        fraction, end = fractions[low[1]], i + 2
    elif low[0] in ("two", "three") and len(low) > 1:
        k = 2 if low[1] == "-" else 1
        word = low[k].rstrip("s") if len(low) > k else ""
        if word in ("third", "quarter"):
            count, fraction, end = {"two": 2, "three": 3}[low[0]], fractions[word], i + k + 1
    if fraction is None:
        return None
    change = _change_from_governing_verb(doc, by + 1, "percent")
    if change is None:
        return None
    return _Found(i, end, round(count * fraction * 100, 1), "percent", 0.5, "approx", change=change)


def _may_start_amount(tok: Token, t: dict) -> bool:
    """Cheap pre-filter: digits, a spelled-out number, 'a'/'half', a '-fold' word or a multiplying verb."""
    if not tok.is_alpha:
        return any(c.isdigit() for c in tok.text)
    low = tok.lower_
    return (low in t["number_words"] or low in ("a", "an") or low in t["fraction_words"] or low in t["fold_words"]
            or tok.lemma_.lower() in t["multiplier_verbs"] or low in t["multiplier_verbs"])


def find_amounts(doc: Doc, scope: str = "claims") -> list[Amount]:
    """All amounts in ``doc``, sorted by start, non-overlapping, offsets into ``doc.text``.

    ``scope="claims"`` (the default) keeps the quantities a claim can be checked on; ``"all"``
    reports every quantity, as quantity-extraction benchmarks count them: also ages ('a 50-year-old'),
    vague plurals as ranges ('dozens of people' = 12 to 120), 'one' and anaphoric counts ('one
    solution', 'the two sides') and bare numbers with no unit (``dimensionless``).
    """
    if scope not in SCOPES:
        raise ValueError(f"amount scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    every = scope == "all"
    t = _tables()
    found: list[_Found] = []
    yen: list = []
    n = len(doc)
    i = 0
    last_end = 0
    while i < n:
        tok = doc[i]
        vague = None
        if every:
            vague = (_vague_plural(doc, i) if tok.lower_ in t["vague_plural_values"]
                     else _hyphenated_count(doc, i) or _proportion(doc, i))
        if vague is None and not _may_start_amount(tok, t):
            i += 1
            continue
        core = None if vague else _core_at(doc, i)
        fraction = _fraction_of_change(doc, i) if not vague else None
        if vague:
            f = vague
        elif fraction is not None:
            f = fraction
        elif core is not None:
            f = (_fold_word(doc, i) or _listed_with_a_shared_unit(doc, i, last_end, yen) or _build(doc, i, yen, every=every)
                 or _bare_range(doc, i, last_end, yen)
                 or _level_with_elided_unit(doc, i, found, yen) or _unit_from_parallel_clause(doc, i, found, yen)
                 or _last_of_a_list_of_sums(doc, i, found, yen)
                 or _unit_of_compared_figure(doc, i, found, yen)
                 or (_bare_number_range(doc, i, last_end) or _build(doc, i, yen, every=True, bare_quantity=True)
                     if every else None))
        else:
            f = _multiplier_verb(doc, i) or _fold_word(doc, i)
        if f is None:
            i = max(i + 1, core.end if core is not None else 0)
            continue
        stated_change = f.change if fraction is not None and f is fraction else None
        _complete(doc, f, last_end, yen)
        if stated_change is not None:   # 'by a third': loose unless bounded, and moved as its verb says
            f.bound, f.change = "approx" if f.bound == "exact" else f.bound, stated_change
        if f.start < last_end or not f.unit:  # overlaps the previous amount, or no unit was found
            i += 1
            continue
        found.append(f)
        last_end = f.end
        i = f.end
    _carry_into_restatements(doc, found)
    _carry_into_gapped_clauses(doc, found)
    _carry_into_coordinated_figures(doc, found)
    _carry_into_earlier_rates(doc, found)
    _carry_the_magnitude_of_a_move(doc, found)
    _carry_the_magnitude_of_a_parallel_level(doc, found)
    _carry_the_magnitude_back_to_a_start(doc, found)
    text = doc_text(doc)
    return [_to_model(doc, f, text) for f in found]


def _carry_into_restatements(doc: Doc, found: list[_Found]) -> None:
    """'more than 7.5 million crowns (US$1.1 million)', 'just under 296 hp (224 kW / 300 PS)',
    'dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit)': an amount in brackets right
    after another one restates it in another unit, so it shares its bound and its change (the
    writer states them once, before the first figure)."""
    # 'rose 24 percent, or $2.4 billion': a change in percent restated as the sum it moved by (read
    # first: that sum's own bracket restates a change too, 'or 610 million pesos (US$0.8 million)')
    for a, b in zip(found, found[1:]):
        between = [t.lower_ for t in doc[a.end:b.start]]
        # ('fell by £3.1 billion – 11.7 per cent – in March', 'declined $1.8 billion in the month,
        # or 6 per cent': set off by a dash, or after the change's own time)
        k = a.end
        while k < b.start and (doc[k].ent_type_ == "DATE" or doc[k].lower_ in {"in", "the", "month", "quarter", "year"}):
            k += 1
        restated = between in ([",", "or"], ["or"]) or len(between) == 1 and between[0] in _DASHES or (
            k > a.end and [t.lower_ for t in doc[k:b.start]] in ([",", "or"], ["or"]))
        if a.unit == "percent" and a.change is not None and b.change is None and is_currency(b.unit) and restated:
            b.change = a.change
        # 'fell $626 million, or 31 per cent': the sum a level moved by restated as its percentage
        # (a level restated so is a share: '$318.2 million, or 41.5 per cent', no change to carry)
        elif a.unit != "percent" and a.change is not None and b.change is None and b.unit == "percent" and restated:
            b.change = a.change   # (so does a quantity: 'down 3.6m tonnes or 22.6%')
    for a, b in zip(found, found[1:]):
        between = [t.text for t in doc[a.end:b.start]]
        if between not in (["("], ["/"], ["("] + ["about"], ["("] + ["or"]):
            continue
        if between == ["/"] and not (a.start > 0 and doc[a.start - 1].text == "("):
            continue  # '224 kW / 300 PS' inside brackets; '5/10' elsewhere is no restatement
        if b.bound == "exact" and a.bound not in ("exact", "range"):
            b.bound = a.bound
        if b.change is None and a.change is not None:
            b.change = a.change


def _carry_into_gapped_clauses(doc: Doc, found: list[_Found]) -> None:
    """'Exports fell 4.2 percent and imports 1.1 percent', 'Acme was down 2.3%, Corvo by 2.6%': a
    clause that leaves out the verb of the one before (gapping, Ross 1970) keeps its change. The
    gapped clause is a new subject (a noun phrase ending right before the amount, or before 'by')
    after a comma, 'and', 'while' or 'but', with no verb of its own; the amounts share a unit
    kind (a percentage after a percentage, money after money)."""
    for a, b in zip(found, found[1:]):
        if b.change is not None or a.change is None or b.start < 2 or b.unit != a.unit:
            continue
        subject_end = b.start - 1 if doc[b.start - 1].lower_ == "by" else b.start
        if doc[subject_end - 1].pos_ not in ("PROPN", "NOUN", "PRON") or doc[a.start].sent.start != doc[b.start].sent.start:
            continue
        between = doc[a.end:subject_end]
        if any(t.text in (",", ";") or t.lower_ in ("and", "while", "but") for t in between) and not any(
                t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in between):
            b.change = a.change


def _carry_into_coordinated_figures(doc: Doc, found: list[_Found]) -> None:
    """'fell 6 percent and 11 percent', 'rose 3%, 5% and 9%, respectively': figures written one after
    another with only commas and 'and' between them share the change stated before the first."""
    for a, b in zip(found, found[1:]):
        if b.change is not None or a.change is None or a.unit != b.unit:
            continue
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between and all(w in {",", "and"} for w in between):
            b.change = a.change
        elif _to_a_place_then_a_comma(doc, a.end, b.start):
            b.change = a.change   # "grew by 18.2% to Spain, 6.5% to France and 11% to Italy": each with its market
        elif b.start >= 2 and doc[b.start - 1].lower_ == "by" and doc[b.start - 2].lower_ in {"and", ","} \
                and a.start >= 1 and doc[a.start - 1].lower_ == "by" and doc[a.start].sent.start == doc[b.start].sent.start:
            b.change = a.change   # "down by 41% from a year earlier and by 90% from levels before ..."


def _give_the_magnitude_of(a: _Found, b: _Found) -> None:
    """Scale ``b`` by the magnitude (thousand, million, billion ...) of ``a`` when the result lies
    within a factor of three of ``a``: a dropped magnitude word, not another figure."""
    magnitude = 10 ** (3 * int(math.log10(a.value) // 3))
    if 1 / 3 <= b.value * magnitude / a.value <= 3:
        _scale(b, magnitude)


def _scale(f: _Found, factor: float) -> None:
    """Multiply ``f``'s value, precision and bounds by ``factor`` (a magnitude it was written without)."""
    f.value *= factor
    f.precision = f.precision * factor if f.precision is not None else None
    f.low = f.low * factor if f.low is not None else None
    f.high = f.high * factor if f.high is not None else None


def _decimals(doc: Doc, f: _Found) -> int | None:
    """How many decimals the figure ``f`` is written with, None for a whole number."""
    m = re.search(r"\d\.(\d+)", doc[f.start: f.end].text)
    return len(m.group(1)) if m else None


def _carry_the_magnitude_of_a_parallel_level(doc: Doc, found: list[_Found]) -> None:
    """'exports fell 3.1% to $90.512 billion while imports fell 8.12% to $84.44': the second of
    two levels a sentence gives in parallel ('to $X ... to $Y'), written without the magnitude the first
    has, has it (its decimals show the dropped word). Only a sum of the same currency with no magnitude
    word, at least two decimals and no 'per', and only where the result lies within a factor of three
    of the first."""
    t = _tables()
    money = [f for f in found if f.unit not in {"percent", "count", "times", "percentage_point"}]
    for a, b in zip(money, money[1:]):
        if a.unit != b.unit or a.value < 1e6 or b.value >= 1e4 or b.value <= 0 or b.per is not None:
            continue
        if doc[a.start].sent.start != doc[b.start].sent.start:
            continue
        if a.start < 1 or b.start < 1 or doc[a.start - 1].lower_ != "to" or doc[b.start - 1].lower_ != "to":
            continue
        if any(tok.lower_ in t["magnitudes"] for tok in doc[b.start: b.end]):
            continue
        if (_decimals(doc, b) or 0) < 2:
            continue
        _give_the_magnitude_of(a, b)


def _carry_the_magnitude_of_a_move(doc: Doc, found: list[_Found]) -> None:
    """'increased from $3.910 billion in May 2017 to $4.215 in May 2018': the level a move goes to,
    written without the magnitude its start was given, has that magnitude (the copy dropped the word,
    as its decimals show: 5.280 dollars is no figure of a flow in billions). Only a sum of the same
    currency with no magnitude word of its own, after 'to' in a 'from ... to' move, and only where the
    result lies within a factor of three of the start."""
    t = _tables()
    for a, b in zip(found, found[1:]):
        if a.unit != b.unit or a.unit in {"percent", "count"} or a.value < 1e6 or b.value >= 1e4 or b.value <= 0:
            continue
        if not any(tok.lower_ == "from" for tok in doc[max(doc[a.start].sent.start, a.start - 2): a.start]):
            continue
        if b.start < 1 or doc[b.start - 1].lower_ != "to" or any(tok.lower_ in t["magnitudes"] for tok in doc[b.start: b.end]):
            continue
        if any(tok.text in {".", ";"} or tok.like_num and tok.ent_type_ != "DATE" for tok in doc[a.end: b.start - 1]):
            continue   # (only a time between them: "from $3.910 billion in May 2017 to $4.215")
        if _decimals(doc, a) != _decimals(doc, b) or (_decimals(doc, b) or 0) < 2 or b.per is not None:
            continue   # (the same decimals as the start, as a dropped word leaves them: not "$3 a share")
        _give_the_magnitude_of(a, b)


def _carry_the_magnitude_back_to_a_start(doc: Doc, found: list[_Found]) -> None:
    """'fell 31% to $1.74 billion in May from $2.52 a year earlier', 'dropped 16.5% to a little
    over $7 billion from $8.384': the level a move started from, written after the level it went to
    and without the magnitude that one has, has it (the mirror of _carry_the_magnitude_of_a_move).
    Only a sum of the same currency after 'from', with no magnitude word of its own, where the two
    levels have the same decimals (as a dropped word leaves them) or the change the sentence states
    before them takes the one to the other (within 1.5%)."""
    t = _tables()
    for k, b in enumerate(found):
        if b.unit in {"percent", "count"} or not b.unit or b.value >= 1e4 or b.value <= 0 or b.per is not None \
                or b.start < 1 or doc[b.start - 1].lower_ != "from" \
                or any(tok.lower_ in t["magnitudes"] for tok in doc[b.start: b.end]):
            continue
        sent_start = doc[b.start].sent.start
        a = next((f for f in reversed(found[:k]) if f.start >= sent_start and f.unit not in {"percent", "count"}), None)
        if a is None or a.unit != b.unit or a.value < 1e6 \
                or not any(tok.lower_ == "to" for tok in doc[max(sent_start, a.start - 3): a.start]):
            continue
        if any(tok.text in {".", ";"} for tok in doc[a.end: b.start]):
            continue
        same_decimals = _decimals(doc, a) == _decimals(doc, b) and (_decimals(doc, b) or 0) >= 2
        magnitude = 10 ** (3 * int(math.log10(a.value) // 3))
        ratio = a.value / (b.value * magnitude)
        stated = [f for f in found[:k] if f.start >= sent_start and f.end <= a.start and f.unit == "percent"
                  and f.change in {"up", "down"}]
        fits_change = any(abs(ratio - (1 + f.value / 100 if f.change == "up" else 1 - f.value / 100)) <= 0.015 * ratio
                          for f in stated)
        if same_decimals or fits_change:
            _give_the_magnitude_of(a, b)


def _to_a_place_then_a_comma(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are 'to (the) <place>' and a comma or 'and': the market of a change in a
    list of changes by market. A place is a proper noun the tagger calls a place or a nation."""
    k = start
    if k >= end or doc[k].lower_ not in {"to", "in", "for"}:
        return False
    k += 1
    if k < end and doc[k].lower_ == "the":
        k += 1
    names = 0
    while k < end and doc[k].pos_ == "PROPN" and doc[k].ent_type_ in {"GPE", "NORP", "LOC", "ORG"}:
        k += 1
        names += 1
    return names > 0 and 0 < end - k <= 2 and all(t.lower_ in {",", "and"} for t in doc[k:end])


def _carry_into_earlier_rates(doc: Doc, found: list[_Found]) -> None:
    """'rose 7.1% in May, slowing from 9.4% in April', 'grew 5%, down from 6.3%', 'climbed 3%,
    faster than the previous month's 2.2%': a percentage in the 'from' or 'than' phrase of a
    participle or adverb that compares a percentage change with another one is that change's rate
    in an earlier period, a change itself, not the level of something. Growth is compared with
    growth, so it keeps the current change's direction unless its own noun states one ('from a
    2% fall', read before this). A move between two levels ('the share fell from 20% to 18%') is
    no such comparison: the phrase hangs on the clause's own verb, and a 'to' level follows."""
    for k, b in enumerate(found):
        if b.unit != "percent" or b.change is not None:
            continue
        a = next((a for a in reversed(found[:k]) if a.unit == "percent" and a.change is not None), None)
        if a is None or doc[a.start].sent.start != doc[b.start].sent.start:
            continue
        root = doc[b.start:b.end].root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in ("from", "than") or prep.i < a.end:
            continue
        if b.end < len(doc) and doc[b.end].lower_ == "to":
            continue
        compared = prep.head   # 'slowing', 'down', 'faster'
        if compared.pos_ in ("VERB", "AUX"):
            if compared.dep_ not in ("advcl", "xcomp", "conj", "acl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in compared.children):
                continue   # the clause's own verb with its own subject moves a level
        elif not (compared.pos_ in ("ADV", "ADJ") and compared.dep_ in ("advmod", "acomp", "amod", "npadvmod", "advcl")):
            continue
        b.change = a.change


def _listed_with_a_shared_unit(doc: Doc, i: int, lower: int, yen: list) -> Optional[_Found]:
    """'rose 3.1, 9.4 and 22.6 percent', 'fell 3 and 5 percent', 'were 310 million and 240 million
    U.S. dollars', 'reached 3.1 and 2.4 billion yuan': numbers listed with a percent or a currency
    written once, after the last; each takes it, and a number written without the last one's
    magnitude takes that too (the list's figures are found one by one; right-node raising). Not
    after 'between' or 'from', which open a range ('between 3 and 5 percent')."""
    core = _core_at(doc, i)
    if core is None or core.is_words or core.year_like or core.percent or core.currency or core.unit \
            or _currency_before(doc, core.start)[0] \
            or (i > lower and doc[i - 1].lower_ in _tables()["range_openers"]):
        return None   # ("US$318.2 million, or 41.5 per cent": a sum restated as a share)
    j, listed = core.end, 0
    while j + 1 < len(doc) and doc[j].text in (",", "and") and listed < 8:
        j += 2 if doc[j].text == "," and doc[j + 1].lower_ == "and" else 1
        nxt = _core_at(doc, j)
        if nxt is None or nxt.is_words or nxt.year_like or nxt.currency or nxt.unit or _currency_before(doc, nxt.start)[0]:
            return None
        last = _build(doc, j, yen)
        closes = last is not None and last.start == nxt.start
        if closes and is_currency(last.unit) and last.end > nxt.end and (nxt.has_magnitude or not core.has_magnitude) \
                and doc[j - 1].lower_ == "and" \
                and not (core.has_magnitude and _magnitude_of(core) != _magnitude_of(nxt)):
            # (not "1, 4871 trillion yen": a garbled decimal; nor "2 trillion and 410 billion yuan", one
            # sum written in parts, as Chinese releases write 2.41 trillion)
            return _with_the_listed_unit(doc, i, core, yen, last, nxt)
        if nxt.has_magnitude != core.has_magnitude:
            return None   # (sums give their magnitude each, or once with the last)
        if closes and last.unit in ("percent", "percentage_point") and not core.has_magnitude:
            return _with_the_listed_unit(doc, i, core, yen, last, nxt)
        j, listed = nxt.end, listed + 1
    return None


def _with_the_listed_unit(doc: Doc, i: int, core, yen: list, last: _Found, last_core) -> Optional[_Found]:
    """The number at ``i`` with the unit (and, if it has none, the magnitude) of the list's last."""
    first = _build(doc, i, yen, allow_bare=True)
    # (the tagger calls "12, 30 and 8 per cent" a date; a day number is one after a month name:
    # "May 12, 30 percent of ...")
    if first is None or _is_date_time_or_ordinal(doc, core) and (
            core.year_like or ":" in doc[core.start].text or _after_a_month_name(doc, i)):
        return None
    if last_core.has_magnitude and not core.has_magnitude:
        scale = _magnitude_of(last_core)   # "3.1 and 2.4 billion yuan"
        first.value, first.precision = first.value * scale, (first.precision or 0) * scale
    first.unit, first.of, first.end = last.unit, last.of, core.end
    return first


def _after_a_month_name(doc: Doc, i: int) -> bool:
    """A month's name is written right before the number, or before the list it heads."""
    k = i - 1
    while k >= 0 and (doc[k].text == "," or doc[k].like_num or doc[k].lower_ == "and"):
        k -= 1
    return k >= 0 and doc[k].lower_.rstrip(".") in MONTHS


def _bare_range(doc: Doc, i: int, lower: int, yen: list) -> Optional[_Found]:
    """'1.5 to 2 percent', '15-22 miles': the first number takes the second one's unit."""
    a = _build(doc, i, yen, allow_bare=True)
    if a is None or a.end >= len(doc) or doc[a.end].lower_ not in _tables()["range_joiners"]:
        return None
    if a.core.year_like or _is_date_time_or_ordinal(doc, a.core):
        return None
    opener = doc[i - 1].lower_ if i > lower and doc[i - 1].lower_ in _tables()["range_openers"] else None
    r = _range_with_next(doc, a, opener, yen, ordered=False)
    if r is None:
        return None
    if opener == "from" and _levels_after_change(doc, i - 1, r.unit):
        # 'fell from 4.8 to 4.7 percent': two levels, and the unit said once serves both
        # (right-node raising); the second number is found on its own next
        a.unit, a.of = r.unit, r.of
        if not a.core.has_magnitude and r.core is not None and r.core.has_magnitude:
            # "fell from 4.9 to 3.4 billion dollars": the magnitude said once serves both too, where
            # the two levels then lie within a factor of three ("from 500 to 2 million" keeps 500)
            scale = _magnitude_of(r.core)
            if r.high > 0 and 1 / 3 <= a.value * scale / r.high <= 3:
                _scale(a, scale)
        return a
    if r.low > r.high:
        return None
    return a if _adopt_range(a, r) else None


def _level_with_elided_unit(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'dropping from 208 pounds to 193', 'climbed from 21 mpg combined to 23': the second level of
    a 'from A to B' pair leaves out the unit the first one stated (gapping of the repeated noun; the
    mirror of 'from 4.8 to 4.7 percent', see _bare_range). A bare number right after 'to' takes the
    unit of the amount that follows 'from' in the same clause, at most four words back."""
    if not found or i < 2 or doc[i - 1].lower_ != "to":
        return None
    prev = found[-1]
    if prev.change is not None or not (0 <= i - 1 - prev.end <= 4):
        return None
    # what may stand between: the first level's time or a qualifier ('in 2019', 'combined'), no
    # clause break, no finite verb and no other quantity
    for tok in doc[prev.end:i - 1]:
        if tok.is_punct or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.like_num and tok.ent_type_ not in ("DATE", "TIME"):
            return None
    k = prev.start
    while k > 0 and doc[k - 1].lower_ in ("about", "around", "roughly", "some", "nearly", "almost", "up", "to"):
        k -= 1  # 'from up to 252 miles to 287'
    if k == 0 or doc[k - 1].lower_ != "from":
        return None
    b = _bare_number_with_unit_of(doc, i, yen, prev)
    if b is not None and prev.core is not None and prev.core.has_magnitude and not b.core.has_magnitude:
        return None  # 'from $2 billion to 3': too unsure which scale the bare number has
    return b


def _unit_of_compared_figure(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'reached $86 million in May, compared with some 25 million a year earlier', 'a surplus of
    $4.1 billion versus 3.8 billion': the figure a comparison sets against the first leaves out
    the unit the first one stated (gapping, as in the two rules above). A bare number after a
    comparison cue (data: comparison_cues), over a bound cue, takes the unit of the last amount of
    the sentence when that is money, a percentage or a measure. A count's noun is not carried: a
    comparison of counts restates its noun ('2 million pairs, compared with 600,000 pairs')."""
    if not found or found[-1].bound == "range" or found[-1].unit in ("count", "dimensionless", "times"):
        return None
    t = _tables()
    ends = t["comparison_cue_ends"]
    if not any(doc[k].lower_ in ends for k in range(max(0, i - 4), i)):
        return None  # the cheap test first: this runs on every number without a unit
    _, s = _bound_from_preceding_quantifier(doc, i, 0)
    if not any(s - len(cue) >= 0 and tuple(tok.lower_ for tok in doc[s - len(cue):s]) == cue
               for cue in t["comparison_cue_seqs"]):
        return None
    prev = found[-1]
    if doc[prev.start].sent.start != doc[i].sent.start:
        return None
    b = _bare_number_with_unit_of(doc, i, yen, prev)
    if b is not None and prev.core is not None and prev.core.has_magnitude and not b.core.has_magnitude:
        return None  # '$86 million, compared with 25': too unsure which scale the bare number has
    return b


def _bare_number_with_unit_of(doc: Doc, i: int, yen: list, stated: _Found) -> Optional[_Found]:
    """The bare number at ``i`` with the unit ``stated`` gave (gapping, see the two rules above and
    below); None when it has a unit of its own or is a year, a date or a time."""
    b = _build(doc, i, yen, allow_bare=True)
    if b is None or b.unit or b.core.year_like or _is_date_time_or_ordinal(doc, b.core):
        return None
    b.unit, b.of = stated.unit, stated.of
    return b


def _unit_from_parallel_clause(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'The DAX rose by 2 percent but the Nasdaq fell by 1', 'ended at 1,463.78 points, while the
    TA-125 ended at 1,334.20': in a second clause built like the first, the number after the same
    preposition leaves out the unit the first clause stated (gapping, Ross 1970)."""
    if i < 2 or doc[i - 1].lower_ not in ("by", "at") or not found:
        return None
    prep = doc[i - 1].lower_
    sent_start = doc[i].sent.start
    for a in reversed(found):
        if a.start < sent_start:
            return None
        if a.bound == "range" or a.unit in ("count", "dimensionless", "times"):
            continue
        k = a.start
        if k == 0 or doc[k - 1].lower_ != prep:
            continue
        # another clause: a conjunction or a comma stands between the two
        if not any(t.lower_ in ("but", "while", "and", "whereas", ",", ";") for t in doc[a.end:i - 1]):
            return None
        return _bare_number_with_unit_of(doc, i, yen, a)
    return None


def _last_of_a_list_of_sums(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'RMB 1.3 trillion, RMB 540 billion and 520 billion, respectively': the last of two or more sums
    listed with their currency before them may leave it out; it takes the currency of the list.
    Only a number with its magnitude, after 'and' right behind the list, with no noun of its own."""
    if len(found) < 2 or i < 2 or doc[i - 1].lower_ != "and":
        return None
    a, b = found[-2], found[-1]
    joined = b.end == i - 1 or b.end == i - 2 and doc[i - 2].text == ","
    if not joined or not is_currency(b.unit) or a.unit != b.unit or b.bound == "range" \
            or not all(t.text == "," for t in doc[a.end:b.start]):
        return None
    last = _bare_number_with_unit_of(doc, i, yen, b)
    if last is None or not last.core.has_magnitude or last.end < len(doc) and doc[last.end].pos_ in ("NOUN", "PROPN"):
        return None
    return last


def _adopt_range(f: _Found, r: _Found) -> bool:
    f.end, f.value, f.unit, f.precision = r.end, r.value, r.unit, r.precision
    f.bound, f.low, f.high, f.of = "range", r.low, r.high, r.of
    return True


def _complete(doc: Doc, f: _Found, lower: int, yen: list) -> None:
    """Range, bounds and change for one amount, in place."""
    t = _tables()
    core = f.core
    # range opener ('between', 'from') just before the number
    opener = None
    if f.start > lower and doc[f.start - 1].lower_ in t["range_openers"]:
        opener = doc[f.start - 1].lower_
    change = None
    if core is not None:
        change = _change_from_sign(core, f.unit)
    num_start = f.start
    bound, bstart = _bound_from_preceding_quantifier(doc, f.start, lower)
    if bound != "exact" and _names_the_compared_figure(doc, bstart, f):
        bound, bstart = "exact", f.start
    if bound == "exact" and f.bound != "range":
        bound, bstart = _bound_before_article(doc, f.start, f.end, lower)
        bound = bound or _bound_from_verb(doc, bstart, lower) or _bound_of_a_mark(doc, f.start, f.end, lower) or "exact"
    if core is not None and change is None:
        change = _change_from_adverb(doc, bstart)
    if core is not None and change is None:
        change = _change_from_governing_verb(doc, bstart, f.unit)
    if core is not None and change is None and f.bound != "range":
        change = _moves_to_a_level(doc, f, bstart)
    from_index = f.start - 1
    if opener is None and bound != "exact" and bstart - 1 >= lower and doc[bstart - 1].lower_ == "from":
        opener, from_index = "from", bstart - 1   # 'jumped from just over $3 million to $21 million'
    if opener == "from" and change is None and _levels_after_change(doc, from_index, f.unit):
        opener = "levels"   # 'rose from $2 billion to $3 billion' lists two levels, not a range
    if core is not None and opener != "levels" and f.bound != "range":
        # after a change, 'to' introduces the new level ('rose 5% to $7 million'); a dash is still a range
        # ... and after any change verb, even a transitive one whose object is not read as a change
        # ('lost 42p to 871p')
        r = _range_with_next(doc, f, opener, yen, dash_only=change is not None or _change_verb_before(doc, bstart) is not None)
        if r is not None:
            _adopt_range(f, r)
    if f.bound == "range" and opener in ("between", "from") and f.start == num_start:
        f.start -= 1
        bstart = f.start
    if core is not None and core.approx and bound == "exact":
        bound = "approx"
    if core is not None and core.below and bound == "exact":
        bound = "less_than"
    if f.bound != "range":
        f.bound = bound
        f.start = bstart
        # '3,000 or more inspectors': the phrase may sit between the number and its noun
        after, aend = _bound_from_following_phrase(doc, core.end if core is not None and f.unit == "count" else f.end)
        if after and f.bound == "exact":
            f.bound, f.end = after, max(f.end, aend)
    if change is None:
        change = _change_from_comparative(doc, f.end, percent=f.unit == "percent")
    if change is None and f.end > num_start:
        root = _span_root(doc, num_start, f.end)
        change = _change_from_modified_noun(doc, f.end, root)
    if change is None and f.unit == "percent" and core is not None and f.bound != "range":
        change = _change_of_a_leading_item(doc, num_start, f.end) \
            or _change_of_a_change_noun_subject(_span_root(doc, num_start, f.end)) \
            or _change_of_a_gapped_move(doc, num_start, f.end) \
            or _change_of_a_gapped_dated_item(doc, num_start, f.end) \
            or _change_of_an_included_item(doc, num_start, f.end) \
            or _change_of_a_followed_item(doc, num_start, f.end) \
            or _change_of_a_bracketed_item(doc, num_start, f.end)
    if f.unit == "times" and f.change is not None:
        change = f.change
    elif f.unit == "times" and core is None and change is None and bstart > 0:
        change = _change_from_governing_verb(doc, bstart, "times")   # "grew more than ninefold"
    if change is not None and f.unit == "count" and f.bound != "range":
        # counts change only with 'by' ('cut jobs by 3,000'): see _change_from_governing_verb
        if not (bstart > 0 and doc[bstart - 1].lower_ == "by"):
            change = None
    if change is None and f.unit == "percentage_point" and _bare_points_word(doc, f):
        # a bare 'points' next to a percentage is a percentage-point difference only when it is a
        # change ('rose 2 points', 'a gain of 2 points'); a level ('closed at 1,478 points') or a
        # tally ('averaged 7.3 points') counts index or game points
        f.unit = "point"
    f.change = change
    f.per = _rate_denominator(doc, f)


def _names_the_compared_figure(doc: Doc, bstart: int, f: _Found) -> bool:
    """'The amount was also higher than $180.4 million tallied in August', '... lower than $3
    billion a year earlier': after a comparative adjective's 'than' (data: comparative_figure_cues),
    an amount followed by a participle of reporting or by its own time (no preposition between)
    is the other figure compared with, stated exactly. 'Exports were higher than $2 billion'
    stays a bound, and so does '... lower than 3,000 tons in 2019', where the year may be the
    subject's."""
    if tuple(t.lower_ for t in doc[bstart:f.start]) not in _tables()["comparative_figure_cue_seqs"] or f.end >= len(doc):
        return False
    after = doc[f.end]
    return after.tag_ == "VBN" or after.ent_type_ == "DATE"


def _bare_points_word(doc: Doc, f: _Found) -> bool:
    core = f.core
    return core is not None and core.end < len(doc) and doc[core.end].lower_ in _tables()["point_words"]


_NOT_RATES = frozenset(("count", "percent", "percentage_point", "basis_point", "times", "point"))


def _rate_denominator(doc: Doc, f: _Found) -> Optional[str]:
    """'$58.24 per barrel' -> 'barrel', '$98 a share' -> 'share', '12-cent-a-share' -> 'share',
    '$80 per sq m' -> 'square_metre': what a price or a flow is stated per (data: _rates).

    Only money and measured quantities are rates here; counts and percentages are not read.
    """
    if f.unit in _NOT_RATES or f.bound == "range" and f.core is None:
        return None
    t = _tables()
    j = f.end
    n = len(doc)
    hyphenated = j < n and doc[j].text == "-" and (
        not doc[j - 1].whitespace_ or j + 2 < n and doc[j + 1].lower_ in ("a", "an") and doc[j + 2].text == "-")
    if hyphenated:  # '12-cent-a-share', '$ 70 - a - share', 'barrel-a-day'
        j += 1
    if j < n and doc[j].text in ("U.S.", "US") and f.unit == "USD":
        j += 1  # '$75 U.S. per barrel': the country names the dollar, the rate follows
    if j + 1 >= n:
        return None
    word = doc[j].lower_
    k = j + 1
    if hyphenated and k < n and doc[k].text == "-":
        k += 1
    if k >= n:
        return None
    if word == "per":
        # the tokenizer keeps a full stop on a sentence's last word ('per sq m.')
        two = f"{doc[k].lower_} {doc[k + 1].lower_.rstrip('.') if doc[k + 1].is_sent_end else doc[k + 1].lower_}" \
            if k + 1 < n else ""
        if two in _quantulum_unit_words():  # 'per sq m', 'per square foot'
            return _quantulum_unit_words()[two]
        if doc[k].pos_ in ("NOUN", "PROPN") or doc[k].lower_ in t["rate_nouns"]:
            return _per_what(doc[k])
        return None
    if word in ("a", "an") and doc[k].lemma_.lower() in t["rate_nouns"]:
        if k + 1 < n and doc[k + 1].lower_ in t["rate_not_after"]:
            return None  # '$5 million a year earlier'
        return _per_what(doc[k])
    return None


def _per_what(tok: Token) -> str:
    """What a rate is per: a unit of measure by its quantulum3 name ('per mmBTU' ->
    'mega_british_thermal_unit', 'per gramme' -> 'gram', 'a ton' -> 'tonne'), anything else by its
    lemma ('a share' -> 'share', 'per day' -> 'day': quantulum3's time units are periods here)."""
    return _quantulum_unit_name(tok.text) or tok.lemma_.lower()


def _to_model(doc: Doc, f: _Found, text: str) -> Amount:
    start = doc[f.start].idx
    last = doc[f.end - 1]
    end = last.idx + len(last.text)
    t = _tables()
    if last.text.endswith(".") and (last.lower_[:-1] in t["money_only_magnitudes"] or last.lower_ == "p."
                                    or last.lower_[:-1] in t["degree_scales"]):
        end -= 1  # '$5.4m.' ends a sentence: the full stop is not part of the amount
    return Amount(text=text[start:end], start=start, end=end, value=_tidy(f.value), unit=f.unit, bound=f.bound,
                  low=_tidy(f.low), high=_tidy(f.high), precision=_tidy(f.precision), change=f.change, of=f.of,
                  per=f.per)


def _tidy(x: Optional[float]) -> Optional[float]:
    """Drop binary noise from scaling: 4.03 * 1e9 is 4030000000.0000005 in floating point."""
    return None if x is None else float(f"{x:.12g}")


# -------------------------------------------------------------------- component

class AmountRecognizer:
    """Sets ``doc._.amounts`` to :func:`find_amounts` of the doc, in the configured ``scope``."""

    def __init__(self, nlp: Language, name: str = "newsclaims_amounts", scope: str = "claims") -> None:
        if scope not in SCOPES:
            raise ValueError(f"newsclaims_amounts: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        self.name = name
        self.scope = scope
        _tables()  # fail at pipeline construction, not on the first doc, if the data is broken

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name, "amounts"):
            doc._.amounts = find_amounts(doc, self.scope)
        return doc


@Language.factory("newsclaims_amounts", default_config={"scope": "claims"})
def make_amount_recognizer(nlp: Language, name: str, scope: str) -> AmountRecognizer:
    return AmountRecognizer(nlp, name, scope)
