"""What a number measures: the unit a core takes (money, percent, a unit of measure, a
counted noun), with the magnitude or sub-units written after a currency.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .bounds import _bound_from_following_phrase, _bound_from_preceding_quantifier
from .changes import _change_verb_before
from .counts import (
    _age,
    _counts_time_units,
    _is_anaphoric_or_indefinite_count,
    _noun_lemma,
    _partitive_noun,
)
from .exclusions import _is_age, _is_date_time_or_ordinal, _is_identifier_number, _is_list_marker_or_fraction, _is_tally
from .numbers import _apply_scale, _Core, _numeric_core, _words_core
from .tables import _scaled_code, _tables
from .units import (
    _compound_unit,
    _counted_noun,
    _currency_after,
    _currency_before,
    _percent_after,
    _quantulum_parse,
    _quantulum_unit_name,
    _quantulum_unit_words,
    _quantulum_units,
    _sentence_has_percent,
    _unit_override_at,
    _without_trailing_hyphen,
    _local_dollar,
    _yen_code,
)


def _counted_head(doc: Doc, core: _Core) -> Optional[Token]:
    """The parser's noun for a cardinal ('14 first-team players', 'eight straight World Cups')."""
    last = doc[core.end - 1]
    head = last.head
    if last.dep_ != "nummod" or not (core.end <= head.i < core.end + 6):
        return None
    if head.pos_ == "NOUN" or head.tag_ == "NNPS":
        return head
    return None


def _measured_unit(doc: Doc, core: _Core) -> tuple[Optional[str], int]:
    """'22.5 million tonnes', '12 km': ask quantulum3 only when a unit-looking word follows."""
    j = core.end
    if j >= len(doc):
        return None, j
    # '6.1-inch screen': the unit hyphenated to the number
    if doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and j + 1 < len(doc):
        unit = _quantulum_unit_name(doc[j + 1].text)
        return (unit, j + 2) if unit else (None, j)
    if doc[j].pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "VERB", "ADV"):
        return None, j  # 'in', 'a', 'at' are unit symbols to quantulum3, function words to us
    override = _unit_override_at(doc, j)
    if override:
        return override
    if doc[j].text.isupper() and doc[j].text not in _quantulum_units()[0] and j + 1 < len(doc) \
            and doc[j + 1].text.istitle() and doc[j + 1].pos_ == "PROPN":
        return None, j  # 'four FA Cup finals': capitals that only match a symbol ('fA') ignoring case start a name
    unit_words = _quantulum_unit_words()
    word = _without_trailing_hyphen(doc[j].text)
    if word != doc[j].text:  # '287 miles- and': a dash glued to the unit word
        unit = _quantulum_unit_name(word)
        return (unit, j + 1) if unit else (None, j)
    if doc[j].lower_ not in unit_words and doc[j].text not in _quantulum_units()[0] and not (
        j + 1 < len(doc) and f"{doc[j].lower_} {doc[j + 1].lower_}" in unit_words
    ):
        unit = _quantulum_unit_name(doc[j].text)  # a length to a power: '45 m3', '12 cm2'
        return (unit, j + 1) if unit else (None, j)
    sent = doc[core.start].sent
    base = sent.start_char
    num_start = doc[core.start].idx - base
    num_end = doc[core.end - 1].idx + len(doc[core.end - 1].text) - base
    excluded = set(_tables()["quantulum_excluded_entities"])
    for qs, qe, unit, entity in _quantulum_parse(sent.text):
        if entity in excluded or qs > num_start or qe <= num_end:
            continue
        # accept only quantulum spans that end on one of our token boundaries
        span = doc.char_span(base + num_start, base + qe, alignment_mode="strict")
        if span is None or span.end - core.end > 5:
            continue
        end = span.end - (span[-1].text in ("/", "-") and span.end - 1 > core.end)  # '224 kW / 300 PS'
        return unit.replace(" ", "_"), end
    # quantulum3 found nothing it could align: fall back to its unit table for the one word
    unit = _quantulum_unit_name(doc[j].text)
    return (unit, j + 1) if unit else (None, j)


# --------------------------------------------------------------------- assembly

def _unit_for_core(doc: Doc, core: _Core, yen: list) -> tuple[Optional[str], int, Optional[str]]:
    """-> (unit, end token, counted noun lemma); unit None means 'not an amount'."""
    t = _tables()
    j = core.end
    cur = core.currency
    if cur is None:
        cur_b, cur_start = _currency_before(doc, core.start)
        cur = cur_b
        if cur_b:
            _apply_scale(core, _scaled_code(doc[cur_start].text)[1])  # 'MAUD 60'
    signs = tuple(t["yen_signs"])
    yen_sign = doc[core.start].text.lstrip("+-−~").startswith(signs) or (core.start > 0 and doc[core.start - 1].text in signs)
    if cur == "JPY" and yen_sign:  # only the sign is ambiguous; 'JPY' and 'yen' are not
        cur = _yen_code(doc, core.start)
    bare_dollar = doc[core.start].text.lstrip("+-−~").startswith("$") or (core.start > 0 and doc[core.start - 1].text == "$")
    if cur == "USD" and bare_dollar:   # "$318.2 billion" in a Hong Kong government release
        cur = _local_dollar(doc) or cur
    after, end = _currency_after(doc, j)
    if after and end == j + 1:
        _apply_scale(core, _scaled_code(doc[j].text)[1])  # '120 MEUR'
    if after and (cur is None or cur == after or after == "USD"):
        end = _magnitude_after_currency(doc, core, end)
        end = _subunits_after_currency(doc, core, end)
        return (cur or after), end, None
    if cur:
        return cur, j, None
    if core.unit:
        unit, end = _compound_unit(doc, j, core.unit)
        return unit, end, None
    if core.percent:
        return "percent", j, None
    pct, end = _percent_after(doc, j)
    if pct:
        return pct, end, None
    if j < len(doc) and doc[j].lower_ in t["subunits"] and doc[j].lower_ != "p":
        return t["subunits"][doc[j].lower_], j + 1, None
    if j < len(doc) and doc[j].text in ("p", "p.") and (doc[j].text == "p" or doc[j].is_sent_end) \
            and not core.is_words and (j + 1 >= len(doc) or not doc[j + 1].text[:1].isdigit()):
        # 'down 68 p at 1112 p': London share prices in pence, set apart; a page is 'p. 68', before
        return "penny", j + 1, None
    if j < len(doc) and doc[j].lower_ in t["point_words"] and not (core.is_words and core.value == 1):
        # 'at one point' is an idiom of time, '50 points' a score or an index move
        # 'fell 155.91 points, or 1.67%': a move restated as a percent is in index points
        percentage = _sentence_has_percent(doc, j) and not _restated_as_percent(doc, j + 1)
        return ("percentage_point" if percentage else "point"), j + 1, None
    # '3.2-fold'
    if j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ == "fold":
        return "times", j + 2, None
    if j < len(doc) and doc[j].lower_ == "fold":
        return "times", j + 1, None
    if _multiplicative_times(doc, core):
        return "times", j + 1, None
    return None, j, None


def _multiplicative_times(doc: Doc, core: _Core) -> bool:
    """'3.5 times more than a year ago', 'three times that of 2019', 'nearly four times the level
    of May', 'grew by more than 13 times': a multiplicative comparison states a ratio, unit
    'times'. 'Times' is a count of occasions otherwise ('visited Pyongyang three times', 'raised
    rates three times this year', '6.5 times earnings'): the ratio needs what it compares with
    after it (a comparative or the determiner of the base, data: multiplicative_times_before),
    or 'by' after a verb of change before it."""
    t = _tables()
    j = core.end
    if j >= len(doc) or doc[j].lower_ != "times":
        return False
    if j + 1 < len(doc) and doc[j + 1].lower_ in t["multiplicative_times_before"]:
        return True
    _, s = _bound_from_preceding_quantifier(doc, core.start, 0)
    if s > 1 and doc[s - 1].lower_ == "by" and _change_verb_before(doc, s - 1) is not None:
        return True
    if s > 1 and doc[s - 1].lower_ == "of" and doc[s - 2].lemma_.lower() in set(t["change_nouns_up"]) | set(t["change_nouns_down"]):
        return True   # "a spike of 3.1 times", "an increase of 2.5 times"
    # "rose 2.1 times to 8,450 tons", "grew 3.5 times from a year earlier": right after a verb of
    # change, a fraction of times or a level or base after it is a ratio, not occasions ("rose
    # three times this year")
    after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    return _change_verb_before(doc, s) is not None and (
        core.value != int(core.value) or after in {"to", "from", "over", "compared", "year-on-year", "on-year"})


def _magnitude_after_currency(doc: Doc, core: _Core, end: int) -> int:
    """'75 USD million': the magnitude after the currency code (tables and wire copy)."""
    mult = _tables()["magnitudes"].get(doc[end].lower_) if end < len(doc) else None
    if mult and not core.has_magnitude and mult >= 1000:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        return end + 1
    return end


def _subunits_after_currency(doc: Doc, core: _Core, end: int) -> int:
    """'thirteen dollars and forty-five cents', '15 dollars 50': cents after the main unit."""
    if core.has_magnitude or core.value != int(core.value) or end >= len(doc):
        return end
    k = end + (doc[end].lower_ == "and")
    if k >= len(doc):
        return end
    sub = _numeric_core(doc, k) or _words_core(doc, k)
    if sub is None or sub.has_magnitude or sub.value != int(sub.value) or not 0 < sub.value < 100:
        return end
    nxt = doc[sub.end] if sub.end < len(doc) else None
    named = nxt is not None and nxt.lower_ in ("cents", "cent", "pence", "p")
    # without 'cents' only a number that closes the clause can be the cents ('15 dollars 50.')
    if not named and nxt is not None and not nxt.is_punct:
        return end
    core.value += sub.value / 100
    core.precision = 0.005
    return sub.end + named


def _non_money_unit(doc: Doc, core: _Core, every: bool = False) -> tuple[Optional[str], int, Optional[str]]:
    """Measured quantities (quantulum3) and counts, after the not-an-amount filters; ``every``
    (scope 'all') also reads ages, anaphoric and indefinite counts and 'one of the N'."""
    t = _tables()
    if every:
        age = _age(doc, core)
        if age is not None:
            return age[0], age[1], None
    if _is_age(doc, core) or _is_list_marker_or_fraction(doc, core):
        return None, core.end, None
    unit, end = _measured_unit(doc, core)
    # spaCy calls '1520' in 'a 1520 sq m centre' a DATE; a unit of measure written after it says otherwise
    measure_after_year = unit is not None and core.year_like and end > core.end and doc[core.end].text[:1].islower()
    counted_time = every and _counts_time_units(doc, core)  # spaCy tags 'five seasons' DATE all the same
    if _is_date_time_or_ordinal(doc, core) and not measure_after_year and not counted_time:
        return None, core.end, None
    # a unit written as a word or a lower-case symbol ('16 inch', '500mg'), not a lone capital ('PA 23456 F')
    spelled = core.unit is not None or (end > core.end and doc[core.end].text.islower())
    if _is_tally(doc, core) or _is_identifier_number(doc, core, measured=unit is not None and spelled):
        return None, core.end, None
    if unit:
        unit, end = _compound_unit(doc, end, unit)
        return unit, end, None
    _, after_bound = _bound_from_following_phrase(doc, core.end)  # '3,000 or more inspectors'
    noun = _counted_noun(doc, after_bound) or _counted_head(doc, core)
    if noun is None and every:
        noun = _partitive_noun(doc, core.end)
    if noun is None:
        return None, core.end, None
    if (noun.lower_ in t["time_set"] or noun.lemma_.lower() in t["time_set"]) and not counted_time:
        return None, core.end, None  # periods measure years and hours
    if core.end + 1 < len(doc) and doc[core.end + 1].text[:1].isdigit() and (
            doc[core.end].text in ("-", "–")
            or doc[core.end].lower_ == "and" and core.start > 0 and doc[core.start - 1].lower_ == "between"):
        # '14-18 mpg', '5-10W laser', 'between 5 and 10 workers': the first number of a range; the
        # range takes the unit of the second number (_bare_range), not the parser's noun beyond it
        return None, core.end, None
    if (noun.ent_type_ in ("DATE", "TIME") and not counted_time) or noun.lower_ in t["vague_set"]:
        return None, core.end, None
    # '2,000 workers' has a comma; '2000 workers' may still be a count, but 'of 2023 Chinese exports' is a year
    # ... unless a bound cue makes it a quantity: years take no 'more than' ('more than 1000 customers')
    if core.year_like and (noun.tag_ != "NNS" or (core.start > 0 and doc[core.start - 1].pos_ == "ADP")) \
            and _bound_from_preceding_quantifier(doc, core.start, 0)[0] == "exact":
        return None, core.end, None
    # 'one of ...', 'a million' with no noun were rejected above; 'one' before a noun is a count
    if not every and _is_anaphoric_or_indefinite_count(doc, core):
        return None, core.end, None
    # the span runs to the counted noun: '1,200 people', '12 new oil tankers'
    end = noun.i + 1 if core.end <= noun.i < core.end + 6 else core.end
    return "count", end, _noun_lemma(noun)


def _restated_as_percent(doc: Doc, k: int) -> bool:
    """', or 1.67%' / ', or 1.7 percent' right after a figure: the same move as a percent."""
    words = [t for t in doc[k: k + 5]]
    if len(words) < 3 or words[0].text != "," or words[1].lower_ != "or":
        return False
    rest = words[2:]
    return bool(rest) and (rest[0].text.endswith("%") or (len(rest) > 1 and rest[0].like_num and (
        rest[1].text == "%" or rest[1].lower_ in _tables()["percent_units"])))
