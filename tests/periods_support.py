"""Helpers shared by the period tests: the periods of a parsed text, one of them by its words."""
from __future__ import annotations

from extractor.pipeline.periods import find_periods


def periods_in(parse, text, published):
    doc = parse(text, published)
    return find_periods(doc, doc._.published)


def by_text(ps, text):
    found = [p for p in ps if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in ps]}"
    return found[0]
