"""The ``Doc`` extensions that newsclaims' spaCy components read and write.

Registered once, on import, with ``force=False`` so that a user's own pipeline
that already registered them (e.g. after a reload) keeps working.
"""
from __future__ import annotations

from spacy.tokens import Doc

# name -> default; list defaults use getters-free "default" semantics, so each
# component must assign a fresh list (never append to the default).
DOC_EXTENSIONS = {
    "published": None,   # datetime.date | None: anchor for relative periods
    "amounts": None,     # list[models.Amount]
    "periods": None,     # list[models.Period]
    "actors": None,      # list[models.Actor]
    "sources": None,     # list[models.Source]: named sources, what claims cite
    "attributions": None,  # list[models.Source]: every attribution, described ones included
    "claims": None,      # list[models.Claim]
    "warnings": None,    # list[str]: anything a user should know about this doc
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning to ``doc._.warnings`` without sharing a default list."""
    if doc._.warnings is None:
        doc._.warnings = []
    if message not in doc._.warnings:
        doc._.warnings.append(message)
