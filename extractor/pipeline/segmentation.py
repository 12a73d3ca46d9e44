"""Paragraph breaks are sentence breaks.

A headline, a photo caption or a dateline has no final full stop, and
spaCy's parser then runs it into the next paragraph's first sentence. Clean
text separates paragraphs with a blank line; this component, placed before
the parser, marks the first token after a line break as a sentence start
(the parser keeps preset boundaries, see spaCy's ``sentencizer`` docs).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("newsclaims_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
