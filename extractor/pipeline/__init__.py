"""The NLP pipeline: an article's text in, the contract's :class:`models.Extraction` out.

What lives here: :mod:`.extraction` (:class:`Pipeline`, :func:`extract`), the article reader
(:mod:`.inputs`: text, JSON, JSON lines, HTML pages and WARC records, for every command and
the service; :mod:`.page_dates`: a page's date from its metadata or byline; it never fetches), the article checks
and cleaning that come before spaCy (:mod:`.articles`, :mod:`.cleaning`, :mod:`.segmentation`), the model loader (:mod:`.nlp`), the ``newsclaims_*`` spaCy components
(:mod:`.amounts`, :mod:`.periods`, :mod:`.actors`, :mod:`.sources`, :mod:`.claims`,
:mod:`.span_group`; declared under spaCy's ``spacy_factories`` entry point in pyproject.toml), the
``Doc`` extensions they set (:mod:`.extensions`), the tables they read (``data/``, loaded by
:mod:`.lexicon`), calendar arithmetic shared with the cross-check (:mod:`.calendar_spans`),
and the worker processes that hold a loaded pipeline (:mod:`.processes`, :mod:`.preload`).

May import: :mod:`models` and the libraries. Nothing here imports ``verify``, ``serve``,
``batch``, ``cli`` or ``evaluation``.

Importing this package does not load spaCy: the batch parent and the CLI read
:mod:`.articles` without it; ``Pipeline`` and ``extract`` load it when first used.
"""
from __future__ import annotations

__all__ = ["extract", "Pipeline", "ExtractionError", "cached_pipeline"]


def __getattr__(name):  # lazy: importing the package must not load spaCy
    if name in __all__:
        from . import extraction

        return getattr(extraction, name)
    raise AttributeError(name)
