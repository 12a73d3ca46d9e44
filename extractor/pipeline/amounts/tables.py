"""The amounts tables (``data/amounts.json``) compiled for lookup, and matching a table's
multi-word entries against tokens. Everything else in the package reads words from here.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

DATA_DIR = Path(__file__).parents[1] / "data"


class AmountDataError(ValueError):
    """The amounts data table is missing or malformed."""


# --------------------------------------------------------------------------- data

@cache
def _tables() -> dict:
    path = DATA_DIR / "amounts.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AmountDataError(f"amount tables not found at {path}") from exc
    except json.JSONDecodeError as exc:
        raise AmountDataError(f"{path} is not valid JSON: {exc}") from exc
    required = ("currency_symbols", "currency_words", "magnitudes", "number_words", "bound_cues_before",
                "change_verbs_up", "change_verbs_down", "percent_units", "time_units")
    missing = [k for k in required if k not in raw]
    if missing:
        raise AmountDataError(f"{path} lacks the table(s): {', '.join(missing)}")
    t = dict(raw)
    # multi-word cues are matched as token tuples, longest first
    t["bound_before"] = {tuple(k.split()): v for k, v in raw["bound_cues_before"].items()}
    t["bound_after"] = {tuple(k.split()): v for k, v in raw["bound_cues_after"].items()}
    t["comparison_cue_seqs"] = [tuple(k.split()) for k in raw.get("comparison_cues", [])]
    t["comparison_cue_ends"] = frozenset(cue[-1] for cue in t["comparison_cue_seqs"])
    t["comparative_figure_cue_seqs"] = frozenset(tuple(k.split()) for k in raw.get("comparative_figure_cues", []))
    t["bound_before_article"] = {tuple(k.split()): v for k, v in raw.get("bound_cues_before_article", {}).items()}
    t["currency_word_seqs"] = {tuple(k.split()): v for k, v in raw["currency_words"].items()}
    t["currency_single_words"] = frozenset(k for k in raw["currency_words"] if " " not in k)
    t["percent_seqs"] = {tuple(k.split()): v for k, v in raw["percent_units"].items()}
    t["codes"] = {c: raw["currency_code_aliases"].get(c, c) for c in raw["currency_codes"]}
    t["up_verbs"] = frozenset(raw["change_verbs_up"])
    t["down_verbs"] = frozenset(raw["change_verbs_down"])
    t["transitive_verbs"] = frozenset(raw.get("change_verbs_transitive", []))
    t["up_nouns"] = frozenset(raw["change_nouns_up"])
    t["down_nouns"] = frozenset(raw["change_nouns_down"])
    t["reversers"] = frozenset(raw.get("change_noun_reversers", []))
    t["time_set"] = frozenset(raw["time_units"])
    t["counted_time_set"] = frozenset(raw.get("time_units_counted", []))
    t["ident_set"] = frozenset(raw["identifier_cues_before"])
    t["ident_after"] = {tuple(k.split()): True for k in raw.get("identifier_cues_after", [])}
    t["vague_set"] = frozenset(raw["vague_plural_magnitudes"])
    t["sterling_cues"] = frozenset(raw["pound_sterling_cues"])
    t["transliterated"] = raw.get("transliterated_currency_signs", {})
    t["code_magnitudes"] = raw.get("currency_code_magnitude_prefixes", {})
    t["rate_nouns"] = frozenset(raw.get("rate_nouns_after_a", []))
    t["rate_not_after"] = frozenset(raw.get("rate_not_after", []))
    t["currency_area_nouns"] = frozenset(raw.get("currency_area_nouns", ()))
    t["currency_family_of_word"] = {word: family for family, entry in raw["currency_names_by_state"].items()
                                    for word in entry["words"]}
    t["written_symbols"] = raw.get("written_currency_abbreviations", {})
    t["written_symbols_folded"] = frozenset(k.lower() for k in t["written_symbols"])
    prefixes = sorted(list(raw["currency_symbols"]) + list(raw["currency_codes"]) + list(t["transliterated"])
                      + list(t["written_symbols_folded"]),
                      key=len, reverse=True)
    pre_re = "|".join(re.escape(s) for s in prefixes)
    # one token, e.g. "271.2", "1,000", "US$271.2m", "HK$5bn", "+0.2", "20.9%", "USD10m", "155mph", "115USD";
    # a comma before one or two digits is a decimal comma ("6,8%", "$310,45 billion": European copy),
    # never a thousands separator
    t["numeric_re"] = re.compile(
        rf"^(?P<sign>[+\-−~]?)(?P<cur>{pre_re})?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?P<dcomma>\d+,\d{{1,2}})(?!\d)"
        rf"|\d+(?:\.\d+)?|\.\d+)"
        rf"(?P<suf>[^\d\s,.][^\s]*)?$",
        re.IGNORECASE,
    )
    return t


# ----------------------------------------------------------------------- units

def _match_seq(doc: Doc, j: int, table: dict, max_len: int = 3) -> tuple[Optional[str], int]:
    """Longest token sequence of ``table`` starting at token j -> (value, end)."""
    for n in range(max_len, 0, -1):
        if j + n <= len(doc):
            key = tuple(doc[k].lower_ for k in range(j, j + n))
            if key in table:
                return table[key], j + n
    return None, j


def _scaled_code(text: str) -> tuple[Optional[str], float]:
    """'MEUR' -> ('EUR', 1e6), 'kUSD' -> ('USD', 1e3): a magnitude prefix on an ISO code, as finance
    tables write them (data: currency_code_magnitude_prefixes); (None, 1) for anything else."""
    t = _tables()
    for pre, mult in t["code_magnitudes"].items():
        if text.startswith(pre) and text[len(pre):] in t["codes"] and len(text) == len(pre) + 3:
            return t["codes"][text[len(pre):]], float(mult)
    return None, 1.0
