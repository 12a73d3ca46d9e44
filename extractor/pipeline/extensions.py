"""The ``Doc`` extensions that newsclaims' spaCy components read and write, and what a
component that fails on one document leaves in them.

Registered once, on import, with ``force=False`` so that a user's own pipeline
that already registered them (e.g. after a reload) keeps working.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import date
from typing import Any, Callable, Iterator, Optional

from numpy import array, isin, ndarray
from spacy.tokens import Doc

from .articles import parse_published

logger = logging.getLogger("newsclaims")

# name -> default; list defaults use getters-free "default" semantics, so each
# component must assign a fresh list (never append to the default).
DOC_EXTENSIONS = {
    "published": None,   # datetime.date | None: anchor for relative periods (see reference_date)
    "published_month": None,  # datetime.date | None: the month the page's address dates it to, with no published date
    "site_state": None,  # str | None: the state the page's country-code domain names (".vn": VNM)
    "headline_state": None,  # str | None: the one state the title (user_data["title"]) names, not as a partner
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


#: ``Doc.user_data`` key of the document's text, joined once (see :func:`doc_text`)
_TEXT_KEY = "newsclaims.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: ``Doc.text`` joins every token on each access, and
    the components read the whole text half a dozen times a document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def tokens_whose(doc: Doc, attr: int, keep: Callable[[str], bool]) -> ndarray:
    """A boolean array over the document's tokens: those whose ``attr`` (``spacy.attrs`` LOWER,
    LEMMA, ORTH ...) string ``keep`` accepts, read from the Doc's array (each distinct string asked
    once: building every token to ask it is the cost)."""
    values = doc.to_array(attr)
    strings = doc.vocab.strings
    # (the hashes as the array's own type: a list of mixed sizes would be read as floats)
    return isin(values, array([h for h in set(values.tolist()) if keep(strings[h])], dtype=values.dtype))


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning to ``doc._.warnings`` without sharing a default list."""
    if doc._.warnings is None:
        doc._.warnings = []
    if message not in doc._.warnings:
        doc._.warnings.append(message)


#: Every warning of a component that failed says this (batch counts such articles apart).
FAILURE_MARK = "failed on this article"


def is_failure_warning(message: str) -> bool:
    return FAILURE_MARK in message


def failure_warning(component: str, error: BaseException,
                    outcome: str = "its output is empty and the rest is kept") -> str:
    """The one line a user sees when ``component`` failed on a document."""
    detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return f"{component} {FAILURE_MARK} ({what}); {outcome}"


@contextmanager
def isolated(doc: Doc, component: str, *outputs: str) -> Iterator[None]:
    """Run a component's work on ``doc`` so that its bug cannot lose the article.

    If the body raises, each extension named in ``outputs`` is set to an empty list, a
    warning naming the component and the error is added to ``doc._.warnings``, and the
    traceback goes to the ``newsclaims`` logger; later components run on what is there
    (claims without periods, say). Catching here, inside the component, also keeps the
    error from reaching spaCy, which reports a component's KeyError as "[E109] ... Did you
    forget to call initialize()?" -- advice that sends a user the wrong way.
    MemoryError is not a bug of this article's rules and is raised on.
    """
    try:
        yield
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001  (any bug in a rule: the article must come out)
        for name in outputs:
            setattr(doc._, name, [])
        logger.error("%s failed on a document (%d characters)", component, len(doc.text),
                     exc_info=error, extra={"component": component})
        add_warning(doc, failure_warning(component, error))


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
