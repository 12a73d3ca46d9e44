"""The ``Doc`` extensions that newsclaims' spaCy components read and write.

Registered once, on import, with ``force=False`` so that a user's own pipeline
that already registered them (e.g. after a reload) keeps working.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Optional

from spacy.tokens import Doc

from .articles import parse_published

# name -> default; list defaults use getters-free "default" semantics, so each
# component must assign a fresh list (never append to the default).
DOC_EXTENSIONS = {
    "published": None,   # datetime.date | None: anchor for relative periods (see reference_date)
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


# The Doc.user_data key a user sets instead of doc._.published (a date or "YYYY-MM-DD").
PUBLISHED_KEY = "published"


def reference_date(doc: Doc, per_call: Any = None, configured: Optional[date] = None) -> Optional[date]:
    """The date relative expressions in ``doc`` are resolved against, most specific first:
    ``doc._.published``, then ``doc.user_data["published"]`` (both per document), then
    ``per_call`` (``nlp.pipe(docs, component_cfg={"newsclaims_periods": {"published": ...}})``),
    then ``configured`` (the component's ``published`` config, null by default).

    The date found is written to ``doc._.published`` so that later components and the
    caller read the one the periods were resolved against. A malformed date raises
    ``ValueError`` (an ``ExtractionError``) rather than silently leaving periods unresolved."""
    for given in (doc._.published, doc.user_data.get(PUBLISHED_KEY), per_call):
        found = parse_published(given)
        if found is not None:
            break
    else:
        found = configured
    doc._.published = found
    return found
