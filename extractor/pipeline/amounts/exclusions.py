"""Numbers that are not amounts: identifiers and codes ("No. 3", "ZIP code"), dates, clock
times and ordinals, ages, tallies and scores, list markers.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .numbers import _Core
from .tables import _match_seq, _tables

# ------------------------------------------------------------------ not amounts

def _is_identifier_number(doc: Doc, core: _Core, measured: bool = False) -> bool:
    """'Resolution 2397', 'Article 37', 'No. 5', 'Boeing 737', 'F-35': a label, not a quantity.

    A product name before a number followed by a unit of measure is no label: 'the MacBook Pro
    16 inch', 'Tylenol 500mg' state a size and a dose (``measured``).
    """
    t = _tables()
    i = core.start
    if _match_seq(doc, core.end, t["ident_after"], max_len=2)[0]:
        return True  # 'the 90049 ZIP code'
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in t["ident_set"] or prev.text in ("#", "No.", "no."):
        return True
    # a hyphen glued to a word before the digits: 'F-35', 'Covid-19', 'G-7'
    if prev.text == "-" and not prev.whitespace_ and i >= 2 and doc[i - 2].text[-1:].isalpha() and not doc[i - 2].whitespace_:
        return True
    if measured:
        return False
    # 'iPhone 11', 'Boeing 737', 'COVID -19 tests': a product or a name with a number
    if prev.pos_ == "PROPN" and any(c.isupper() for c in prev.text) and prev.ent_type_ not in ("MONEY", "PERCENT"):
        return True
    if prev.text[:1].isupper() and not prev.is_sent_start and prev.is_alpha:
        return True
    return False


def _is_date_time_or_ordinal(doc: Doc, core: _Core) -> bool:
    """spaCy's DATE/TIME/ORDINAL labels on the digits, a year-like integer, or 'p.m.' after."""
    tok = doc[core.start]
    if tok.ent_type_ == "ORDINAL" and "." not in tok.text:  # '96.088 .DXY' is no ordinal, whatever the tagger says
        return True
    # spaCy-sm calls many long numbers DATE ('1385710 lightning strikes'): trust it for
    # day numbers, years and clock times only
    if tok.ent_type_ in ("DATE", "TIME") and (core.year_like or core.value <= 31 or ":" in tok.text):
        return True
    nxt = doc[core.end].lower_ if core.end < len(doc) else ""
    return nxt in _tables()["time_set"]


def _is_age(doc: Doc, core: _Core) -> bool:
    """'aged 45', '45-year-old'."""
    i = core.start
    if i > 0 and doc[i - 1].lower_ in _tables()["age_cues_before"]:
        return True
    return core.end + 2 < len(doc) and doc[core.end].text == "-" and doc[core.end + 1].lower_.startswith("year")


def _is_tally(doc: Doc, core: _Core) -> bool:
    """'an 80-19 vote', 'won 3-1', '2-2': numbers glued by a hyphen that are not a rising range.

    Seen from either number: the second of '15-22 miles per hour' closes a rising range, so it
    is no tally (the pair 'an 80-19 vote' falls; a score's second number is at most the first).
    """
    i, j = core.start, core.end
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and doc[i - 2].like_num:
        try:
            return float(doc[i - 2].text.replace(",", "")) >= abs(core.value)
        except ValueError:
            return True
    if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].like_num:
        try:
            return float(doc[j + 1].text.replace(",", "")) <= core.value
        except ValueError:
            return False
    return False


def _is_list_marker_or_fraction(doc: Doc, core: _Core) -> bool:
    """'1.' opening a line, '(2)', '0/250' character counters."""
    j = core.end
    if j < len(doc) and doc[j].text in ("/", ")") and not doc[core.end - 1].whitespace_:
        return True
    if core.start > 0 and doc[core.start - 1].text == "/" and not doc[core.start - 1].whitespace_:
        return True
    return doc[core.start].is_sent_start and j < len(doc) and doc[j].text in (".", ")")
