"""NewsQuant and the Recognizers-Text sets in CQE format: value, value+unit and
value+change F1.

Scoring follows shared/benchmarks/newsquant/README.md ("How the published
numbers were scored", a paraphrase of CQE_Evaluation's ``evaluate_models.py``;
Almasian et al., "CQE: A Comprehensive Quantity Extractor", EMNLP 2023):

* per sentence, gold quantities are paired with predicted ones; values match
  when numerically close (relative tolerance 1e-5); ranges match as
  (low, high) pairs;
* precision = matched / predicted, recall = matched / gold, micro-averaged over
  sentences (sentences without gold quantities still count for precision);
* value+unit also needs the lower-cased ``normalized_unit`` to agree (ours is
  mapped through ``data/cqe_units.json``), value+change needs ``change`` to
  agree (ours: up/down, else our bound mapped to = ~ > <).

Each metric is its own one-to-one matching (a prediction serves one gold item).

Mapping our output onto CQE's quantities (format only; nothing is added that we did not extract):

* an amount is one quantity: ``value`` (a range as its (low, high)), ``unit`` through
  ``data/cqe_units.json`` (counted nouns and rates as CQE's noun and compound units,
  :func:`amount_units`), ``change`` up/down, else ``bound`` -> = ~ > < (``bound_to_change``).
* a duration period (granularity ``duration``, ISO 8601 ``duration`` such as ``P6Y``,
  ``PT8S``) whose text states a numeral and that no amount covers is one quantity: value
  n, ``normalized_unit`` by the duration's designator (``duration_units``: Y year,
  M month, W week, D day, TH hour, TM minute, TS second — CQE's names, as its gold writes
  "3 years" = 3 ``year``, "90 days" = 90 ``day``, "8 seconds" = 8 ``second``), ``change``
  from the period's ``bound`` as for amounts ("over six years" -> ``>``). Only numeric
  durations: "a decade" states no number and CQE has no quantity there.
* "from A to B": CQE annotates the two ends of a "from A to B" phrase as one range
  quantity ``"A-B"`` (in the order written, so "fell from 4.8 to 4.7" is ``4.8-4.7``),
  whatever verb governs it ("rose from", "ranging from", "homes from"), and with change
  ``=`` like its other ranges (in the NewsQuant dev gold the range of a "climbed/dropped
  from A to B" phrase carries ``=`` in all but one case, not the verb's direction). The
  extractor reports "rose from $2 billion to $3 billion" as two levels (its consistency
  check compares them; tests/test_amounts.py), so two of our amounts become one CQE range
  when: the first follows "from", the text between them is " to " (optionally after the
  first level's time: "from 20 mpg in 2008 to 29 mpg", the time being one of our periods),
  both have the same ``unit``, and neither is a range or a change. The range takes the
  change of our ``range`` bound (``=``).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence, Union

from .matching import Score, match_one_to_one, unmatched, values_close

VALUE_REL_TOL = 1e-5  # CQE evaluate_models.py, per shared/benchmarks/newsquant/README.md
DATA = Path(__file__).with_name("data")

Value = Union[float, tuple[float, float]]


@dataclass
class GoldQuantity:
    value: Value
    unit: str                      # CQE normalized_unit, lower case ("-" = none)
    change: Optional[str] = None   # = ~ > < up down; None in the Recognizers sets
    surface: str = ""              # the unit as written, when given


@dataclass
class CQESentence:
    text: str
    quantities: list[GoldQuantity]


@dataclass
class PredictedQuantity:
    value: Value
    units: tuple[str, ...]         # every CQE unit name this prediction may stand for
    change: Optional[str]          # = ~ > < up down, or None when the system has no notion of it
    text: str = ""
    start: int = 0
    end: int = 0
    source_unit: str = ""          # the system's own unit, for miss reports


# --------------------------------------------------------------------------- gold

def parse_cqe_value(raw: str) -> Value:
    """A CQE gold value: ``"6.0"`` -> 6.0, ``"1.0-1.5"`` -> (1.0, 1.5).

    The README's rule: split on ``-`` unless the string starts with ``-`` or
    contains ``E`` (``"-5.0"``, ``"1.99E-29"`` are single numbers).
    """
    s = raw.strip()
    if s.startswith("-") or "E" in s or "e" in s or "-" not in s:
        return float(s)
    low, high = s.split("-", 1)
    return (float(low.strip()), float(high.strip()))


def load_cqe_file(path: str | Path) -> list[CQESentence]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sentences = []
    for item in data:
        quantities = [
            GoldQuantity(
                value=parse_cqe_value(str(q["value"])),
                unit=str(q.get("normalized_unit", "-")).strip().lower(),
                change=q.get("change"),
                surface=q.get("unit", ""),
            )
            for q in item.get("quantities", [])
        ]
        sentences.append(CQESentence(item["text"], quantities))
    return sentences


# --------------------------------------------------------------------------- our output

@lru_cache(maxsize=None)
def unit_table() -> dict:
    return json.loads((DATA / "cqe_units.json").read_text(encoding="utf-8"))


def cqe_units_for(unit: Optional[str]) -> tuple[str, ...]:
    """CQE ``normalized_unit`` names our ``unit`` may stand for (``data/cqe_units.json``)."""
    if not unit:
        return ("-",)
    table = {k.lower(): v for k, v in unit_table()["units"].items()}
    if unit.lower() in table:
        return tuple(table[unit.lower()])
    return (unit.replace("_", " ").strip().lower(),)


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_NUMBER = re.compile(rf"^(?:[~+\-−$£€¥]*\d[\d.,]*\S*|(?:{_NUMBER_WORDS})(?:-\w+)?)$", re.I)
_NUMBER_CONT = re.compile(rf"^(?:[~+\-−$£€¥]*\d[\d.,]*\S*|(?:{_NUMBER_WORDS})(?:-\w+)?|hundred|thousand|million|"
                          r"billion|trillion|dozen|to|and|or|more|fewer|less|-|–)$", re.I)


def counted_phrase(text: str, noun: str) -> Optional[str]:
    """The counted noun phrase of a count amount, in CQE's style: the words of our span after
    the number, the last one replaced by its lemma (``of``): "12 new oil tankers" + "tanker"
    -> "new oil tanker". CQE's noun-based units are such phrases ("heart transplant",
    "eligible pensioner"; shared/benchmarks/newsquant/README.md, ``normalized_unit``)."""
    words = text.lower().split()
    first = next((k for k, w in enumerate(words) if _NUMBER.match(w)), None)
    if first is None:
        return None
    k = first
    while k < len(words) and _NUMBER_CONT.match(words[k]):
        k += 1
    # CQE's phrases keep content words only ("digital and physical sales" -> "digital physical sale")
    rest = [w for w in words[k:-1] if w not in ("and", "or", "of", "the", "a", "an")] + words[-1:]
    if not rest:
        return None
    return " ".join(rest[:-1] + [noun])


def amount_units(amount: dict) -> tuple[str, ...]:
    """CQE names for an amount's unit. CQE names counted things by their noun phrase
    ("14 first-team players" -> ``first-team player``, "17 players" -> ``player``); our
    contract says ``count`` and the amounts component adds the (non-contract) field ``of``,
    the counted noun's lemma. Both the lemma and the phrase our span gives it ("first-team
    player") are accepted. (``noun`` is read too, for outputs that name the field so.) A rate
    names what it is per (``per``, "$98 a share"), which CQE writes as "dollar per share"."""
    units = cqe_units_for(amount.get("unit"))
    per = amount.get("per")
    if isinstance(per, str) and per.strip():
        # a rate ("$58 per barrel": unit USD, per "barrel") is CQE's compound unit "dollar per barrel"
        per_name = cqe_units_for(per)[0]
        return tuple(f"{u} per {per_name}" for u in units if u != "-")
    noun = amount.get("of") or amount.get("noun")
    if amount.get("unit") == "count" and isinstance(noun, str) and noun.strip():
        noun = noun.strip().lower()
        phrase = counted_phrase(amount.get("text") or "", noun)
        units = ((noun,) + ((phrase,) if phrase and phrase != noun else ())) + units
        written = (amount.get("text") or "").split()[-1:]
        if written and written[0][:1].isupper() and written[0].lower() not in units:
            # CQE keeps a proper noun as written ("millions of Americans" -> "americans")
            units += (written[0].lower(),)
    return units


def cqe_change(amount: dict) -> str:
    """Our ``change`` (up/down) or, when none, our ``bound`` as CQE's = ~ > <."""
    if amount.get("change") in ("up", "down"):
        return amount["change"]
    return unit_table()["bound_to_change"].get(amount.get("bound") or "exact", "=")


def amount_value(amount: dict) -> Value:
    if amount.get("bound") == "range" and amount.get("low") is not None and amount.get("high") is not None:
        return (float(amount["low"]), float(amount["high"]))
    return float(amount["value"])


_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")


_NUMERAL = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b", re.I)


_ATTRIBUTIVE = re.compile(r"^\w+-\w+$")


def duration_quantity(period: dict, text: str = "") -> Optional[PredictedQuantity]:
    """A period such as "six years" (duration ``P6Y``) read as the quantity 6 year.

    CQE counts "3 years", "90 days" as quantities; newsclaims reports them as
    periods, so they are scored here too — when a numeral is written: "a
    decade" or "a month" state no number, and CQE's gold has no quantity there.
    A hyphenated duration right before a noun ("a five-year award", "a two-month
    contract") modifies it and is no quantity to CQE either (3 of the 4 such
    durations in the NewsQuant dev gold; the fourth stands before a comma).
    """
    m = _DURATION.match(period.get("duration") or "")
    if not m or not _NUMERAL.search(period.get("text") or ""):
        return None
    end = period.get("end", 0)
    if _ATTRIBUTIVE.match(period.get("text") or "") and re.match(r" [A-Za-z$£€¥\d]", text[end:end + 2]):
        return None
    time_part, number, letter = m.groups()
    key = ("T" + letter) if time_part else letter
    unit = unit_table()["duration_units"].get(key)
    if unit is None:
        return None
    value = float(number)
    if period.get("bound") == "range":  # "three or four years": CQE's range (3, 4)
        low, high = _DURATION.match(period.get("low") or ""), _DURATION.match(period.get("high") or "")
        if low and high:
            value = (float(low.group(2)), float(high.group(2)))
    return PredictedQuantity(
        value=value, units=cqe_units_for(unit),
        change=unit_table()["bound_to_change"].get(period.get("bound") or "exact", "="),
        text=period.get("text", ""), start=period.get("start", 0), end=period.get("end", 0),
        source_unit=f"duration {period.get('duration')}",
    )


def _amount_quantity(a: dict) -> PredictedQuantity:
    return PredictedQuantity(
        value=amount_value(a), units=amount_units(a), change=cqe_change(a),
        text=a.get("text", ""), start=a.get("start", 0), end=a.get("end", 0), source_unit=a.get("unit") or "",
    )


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# what may stand between the two ends: "to", after the first level's time ("in 2019", "at
# 10.45pm last night"; T stands for one of our periods, or a clock time) or a qualifier of up to
# two words, no number and no preposition other than 'per' ("21 mpg combined to 23", "$75 U.S.
# per barrel to $45.88"; "from $3 million for members to $4 million" compares two groups)
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I)
_QUALIFIER_WORD = r"(?:per\s+\w+|(?!(?:for|of|with|from|among|on|in|at|by)\b)[A-Za-z.]+)"
_FROM_TO_BETWEEN = re.compile(
    r"^\s+(?:(?:(?:in|at|on|during|by|as\s+of)\s+(?:the\s+)?T(?:\s+(?:T|\w+)){0,2}"
    rf"|{_QUALIFIER_WORD}(?:\s+{_QUALIFIER_WORD}){{0,2}})\s+)?to\s+$", re.I)


def _from_to_ends(text: str, a: dict, b: dict, periods: Sequence[dict]) -> bool:
    """Are amounts ``a`` and ``b`` the two ends of one "from A to B" phrase?"""
    if not text or a.get("bound") == "range" or b.get("bound") == "range":
        return False
    if a.get("change") in ("up", "down") or b.get("change") in ("up", "down"):
        return False  # "up 5% from 3% to ...": a change, not a level
    if not a.get("unit") or a.get("unit") != b.get("unit"):
        return False
    s, e = a.get("end", 0), b.get("start", 0)
    if e <= s or not _FROM_BEFORE.search(text[max(0, a.get("start", 0) - 12):a.get("start", 0)]):
        return False
    between = text[s:e]
    for p in sorted(periods, key=lambda p: -p.get("start", 0)):
        ps, pe = p.get("start", 0), p.get("end", 0)
        if s <= ps and pe <= e and pe > ps:
            between = between[:ps - s] + "T" + between[pe - s:]
    between = _CLOCK.sub("T", between)
    return bool(_FROM_TO_BETWEEN.match(between))


def _from_to_range(text: str, a: dict, b: dict) -> PredictedQuantity:
    units = amount_units(a)
    units += tuple(u for u in amount_units(b) if u not in units)
    start, end = a.get("start", 0), b.get("end", 0)
    return PredictedQuantity(
        value=(float(a["value"]), float(b["value"])), units=units,
        change=unit_table()["bound_to_change"]["range"],
        text=text[start:end], start=start, end=end, source_unit=f"{a.get('unit')} from-to",
    )


def quantities_from_result(result: dict, durations: bool = True) -> list[PredictedQuantity]:
    """Our amounts (and, with ``durations``, duration periods not inside an amount) as CQE quantities.

    Two amounts that are the ends of one "from A to B" phrase are one CQE range (module docstring)."""
    amounts = sorted(result.get("amounts", []), key=lambda a: a.get("start", 0))
    text = (result.get("article") or {}).get("text") or ""
    periods = result.get("periods", [])
    out, k = [], 0
    while k < len(amounts):
        a = amounts[k]
        if k + 1 < len(amounts) and _from_to_ends(text, a, amounts[k + 1], periods):
            out.append(_from_to_range(text, a, amounts[k + 1]))
            k += 2
            continue
        out.append(_amount_quantity(a))
        k += 1
    if durations:
        spans = [(q.start, q.end) for q in out]
        for period in result.get("periods", []):
            if period.get("granularity") != "duration":
                continue
            q = duration_quantity(period, text)
            if q and not any(q.start < e and s < q.end for s, e in spans):
                out.append(q)
    return out


# --------------------------------------------------------------------------- scoring

def values_match(gold: Value, predicted: Value, rel_tol: float = VALUE_REL_TOL) -> bool:
    """Numbers within ``rel_tol``; ranges as (low, high) pairs, order-insensitive
    (the gold writes "from 4.8 to 4.7" as ``4.8-4.7``)."""
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple):
        g, p = sorted(gold), sorted(predicted)
        return values_close(g[0], p[0], rel_tol) and values_close(g[1], p[1], rel_tol)
    return values_close(gold, predicted, rel_tol)


def _value_key(v: Value) -> float:
    return sum(v) / 2 if isinstance(v, tuple) else v


METRICS = ("value", "value+unit", "value+change")


def match_predicate(metric: str):
    def value_only(g: GoldQuantity, p: PredictedQuantity) -> bool:
        return values_match(g.value, p.value)

    if metric == "value":
        return value_only
    if metric == "value+unit":
        return lambda g, p: value_only(g, p) and g.unit in p.units
    if metric == "value+change":
        return lambda g, p: value_only(g, p) and p.change is not None and g.change == p.change
    raise ValueError(metric)


@dataclass
class CQEScores:
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    misses: dict[str, Counter] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)


def score_cqe(sentences: Sequence[CQESentence], predictions: Sequence[Sequence[PredictedQuantity]],
              metrics: Sequence[str] = METRICS, with_change: bool = True) -> CQEScores:
    """Micro-averaged scores over sentences, plus the categories of what was missed."""
    metrics = [m for m in metrics if with_change or m != "value+change"]
    out = CQEScores(scores={m: Score() for m in metrics})
    value_misses_unit, value_misses_change = Counter(), Counter()
    unit_confusions, change_confusions, false_hits = Counter(), Counter(), Counter()
    for n, (sentence, predicted) in enumerate(zip(sentences, predictions)):
        gold = sentence.quantities
        pairs_by_metric = {}
        for metric in metrics:
            pairs = match_one_to_one(gold, predicted, match_predicate(metric),
                                     preference=lambda g, p: abs(_value_key(g.value) - _value_key(p.value)))
            pairs_by_metric[metric] = pairs
            out.scores[metric].add(len(pairs), len(predicted), len(gold))
        value_pairs = pairs_by_metric.get("value", [])
        for gi in unmatched(gold, value_pairs, 0):
            value_misses_unit[gold[gi].unit] += 1
            value_misses_change[gold[gi].change or "n/a"] += 1
        for pi in unmatched(predicted, value_pairs, 1):
            false_hits[predicted[pi].source_unit or "-"] += 1
        unit_pairs = {gi for gi, _ in pairs_by_metric.get("value+unit", [])}
        change_pairs = {gi for gi, _ in pairs_by_metric.get("value+change", [])}
        for gi, pi in value_pairs:
            if "value+unit" in pairs_by_metric and gi not in unit_pairs:
                unit_confusions[f"{gold[gi].unit} ≠ {predicted[pi].source_unit or '-'}"] += 1
            if "value+change" in pairs_by_metric and gi not in change_pairs:
                change_confusions[f"{gold[gi].change} ≠ {predicted[pi].change}"] += 1
        missed = [gold[gi] for gi in unmatched(gold, value_pairs, 0)]
        invented = [predicted[pi] for pi in unmatched(predicted, value_pairs, 1)]
        if missed or invented:
            out.details.append(
                f"#{n}: missed {[(q.value, q.unit) for q in missed]} false {[(q.text, q.value) for q in invented]}"
                f" | {sentence.text[:160]}")
    out.misses = {"value misses by gold unit": value_misses_unit}
    if with_change:
        out.misses["value misses by gold change"] = value_misses_change
    out.misses["false hits by our unit"] = false_hits
    out.misses["unit wrong (gold ≠ ours)"] = unit_confusions
    if with_change:
        out.misses["change wrong (gold ≠ ours)"] = change_confusions
    return out
