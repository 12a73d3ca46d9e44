"""Off-the-shelf baselines, run on exactly the texts our pipeline sees.

* ``quantulum3`` — ``quantulum3.parser.parse`` alone (quantities; its unit names
  are the vocabulary CQE normalized to, so they are compared as they are);
* ``dateparser`` — ``dateparser.search.search_dates`` alone (languages=["en"],
  RELATIVE_BASE = the document date), for time expressions;
* ``spacy`` — the same English model's NER alone: MONEY/PERCENT/QUANTITY/CARDINAL
  entities read by :func:`parse_number`; DATE entities as time expressions (no
  value); PERSON/ORG/GPE/LOC as entities; and, for attribution, the subject of a
  reporting verb or the object of "according to".

Every function returns the same shapes the scorers take for our output.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, time as dtime
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .newsquant import PredictedQuantity
from .tempeval import Timex

NAMES = ("quantulum3", "dateparser", "spacy")
DATA = Path(__file__).with_name("data")


def selected(choice: str | None) -> tuple[str, ...]:
    """``--baseline`` value -> baseline names (``all`` = every one, ``none`` = none)."""
    if choice in (None, "", "all"):
        return NAMES
    if choice == "none":
        return ()
    names = tuple(c.strip() for c in choice.split(",") if c.strip())
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ValueError(f"unknown baseline {unknown}; choose from {', '.join(NAMES)}, all, none")
    return names


@lru_cache(maxsize=None)
def reporting_lemmas() -> frozenset[str]:
    return frozenset(json.loads((DATA / "reporting_verbs.json").read_text(encoding="utf-8"))["lemmas"])


# --------------------------------------------------------------------------- quantities

def quantulum3_quantities(text: str) -> list[PredictedQuantity]:
    from quantulum3 import parser

    try:
        found = parser.parse(text)
    except Exception:  # quantulum3 raises on some odd inputs; a baseline just finds nothing then
        return []
    out = []
    for q in found:
        unit = (q.unit.name or "-").lower()
        if unit == "dimensionless":
            unit = "-"
        start, end = q.span
        out.append(PredictedQuantity(float(q.value), (unit,), None, q.surface, start, end, unit))
    return out


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
          "dozen": 12, "half": 0.5}


def parse_number(text: str) -> Optional[float]:
    """First number of an entity text, scale words applied: "$1.5 billion" -> 1.5e9,
    "two million" -> 2e6, "20%" -> 20. A deliberately simple reader."""
    tokens = re.findall(r"\d[\d,]*(?:\.\d+)?|\.\d+|[A-Za-z]+", text)
    value: Optional[float] = None
    for tok in tokens:
        low = tok.lower()
        if _NUMBER.fullmatch(tok):
            if value is not None:
                break
            value = float(tok.replace(",", ""))
        elif low in _SCALES and value is not None:
            value *= _SCALES[low]
        elif low in _WORDS and value is None and low not in ("a", "an"):
            value = float(_WORDS[low])
        elif low in _WORDS and value is not None and _WORDS[low] < 10 and value >= 20 and value % 10 == 0:
            value += _WORDS[low]  # "twenty five"
        elif value is not None and low not in _SCALES:
            if low in ("and", "point"):
                continue
            break
    return value


_MONEY_UNITS = (("€", "euro"), ("euro", "euro"), ("£", "pound sterling"), ("pound", "pound sterling"),
                ("¥", "japanese yen"), ("yen", "japanese yen"), ("yuan", "chinese yuan"), ("$", "dollar"),
                ("dollar", "dollar"), ("cent", "cent"))


def _spacy_unit(ent) -> str:
    label, low = ent.label_, ent.text.lower()
    if label == "PERCENT":
        return "percentage"
    if label == "MONEY":
        for cue, unit in _MONEY_UNITS:
            if cue in low:
                return unit
        return "-"
    if label == "QUANTITY":
        words = [t for t in ent if t.is_alpha and t.lower_ not in _SCALES and t.lower_ not in _WORDS]
        return words[-1].lemma_.lower() if words else "-"
    return "-"


def spacy_quantities(doc) -> list[PredictedQuantity]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        unit = _spacy_unit(ent)
        out.append(PredictedQuantity(value, (unit,), None, ent.text, ent.start_char, ent.end_char, unit))
    return out


# --------------------------------------------------------------------------- time expressions

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


def _dateparser_value(surface: str, when: datetime) -> str:
    s = surface.strip().lower()
    if re.fullmatch(r"\d{4}", s):
        return f"{when.year}"
    if re.search(rf"\b({_MONTHS})\b", s) and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", s.replace(str(when.year), "")):
        return f"{when.year}-{when.month:02d}"
    if re.search(r"\b(year)\b", s):
        return f"{when.year}"
    if re.search(r"\b(month)\b", s):
        return f"{when.year}-{when.month:02d}"
    return when.date().isoformat()


def dateparser_timexes(text: str, dct: Optional[date]) -> list[Timex]:
    """``search_dates`` spans located left to right in ``text``; values from the
    returned datetime at the granularity the surface suggests."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.combine(dct, dtime())} if dct else {}
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:
        return []
    out, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
            if start < 0:
                continue
        end = start + len(surface)
        cursor = end
        out.append(Timex(start, end, surface, "DATE", _dateparser_value(surface, when)))
    return out


def spacy_dates(doc) -> list[Timex]:
    return [Timex(e.start_char, e.end_char, e.text, "DATE", None) for e in doc.ents if e.label_ == "DATE"]


# --------------------------------------------------------------------------- entities and sources

SPACY_ENTITY_CATEGORIES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}


def spacy_entities(doc) -> list[tuple[str, int, int]]:
    """``(category, start, end)`` for PERSON / ORG / GPE+LOC entities."""
    return [(SPACY_ENTITY_CATEGORIES[e.label_], e.start_char, e.end_char)
            for e in doc.ents if e.label_ in SPACY_ENTITY_CATEGORIES]


def spacy_sources(doc) -> list[dict]:
    """Sources as the subject of a reporting verb ("X said"), or the object of
    "according to X". Returns dicts with the source span and the cue span."""
    out = []
    lemmas = reporting_lemmas()
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lemmas:
            for child in tok.children:
                if child.dep_ == "nsubj":
                    span = doc[child.left_edge.i: child.right_edge.i + 1]
                    out.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                                "cue_start": tok.idx, "cue_end": tok.idx + len(tok.text)})
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            for child in to.children:
                if child.dep_ == "pobj":
                    span = doc[child.left_edge.i: child.right_edge.i + 1]
                    out.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                                "cue_start": tok.idx, "cue_end": to.idx + len(to.text)})
    return out


def load_spacy(model: Optional[str] = None):
    from extractor.pipeline.nlp import load_model

    return load_model(model)


def spacy_docs(nlp, texts: Iterable[str], batch_size: int = 32) -> list:
    return list(nlp.pipe(texts, batch_size=batch_size))
