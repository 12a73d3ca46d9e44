"""Bounds: the quantifier before a figure ("more than", "nearly", "up to") or the phrase
after it ("or more", "at most") that makes it a lower or upper bound or an approximation.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .tables import _match_seq, _tables

# ------------------------------------------------------------------------ bounds

def _bound_from_preceding_quantifier(doc: Doc, i: int, lower: int) -> tuple[str, int]:
    """'more than $228 million', 'nearly 3,000', 'up to 12%': the cue before the number."""
    table = _tables()["bound_before"]
    for n in (3, 2, 1):
        s = i - n
        if s >= lower:
            key = tuple(doc[k].lower_ for k in range(s, i))
            if key in table:
                if key == ("up", "to") and s > 0 and doc[s - 1].lower_ == "back":
                    return "exact", i  # 'climbed back up to 5%': a return to a level, not a ceiling
                # 'some' is a quantifier only right before the number ('some 3,000 workers')
                return table[key], s
    return "exact", i


def _bound_from_following_phrase(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """'3,000 or more', '$5 million or so', '100-plus'."""
    if j < len(doc) and doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ == "plus":
        return "at_least", j + 2
    return _match_seq(doc, j, _tables()["bound_after"], max_len=2)
