"""What the amount tests share: the amounts of a text (every offset checked against the text)
and the one amount a text must have."""
from __future__ import annotations

from extractor.pipeline.amounts import find_amounts


def amounts(parse, text, scope="claims"):
    doc = parse(text)
    found = find_amounts(doc, scope)
    for a in found:
        assert doc.text[a.start:a.end] == a.text
    return found


def only(parse, text):
    found = amounts(parse, text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]
