"""newsclaims: extract checkable claims from news articles.

    >>> from extractor import extract
    >>> result = extract("China's exports to North Korea rose 20.9% ...", published="2025-10-21")
    >>> result.model_dump(mode="json")   # the contract's JSON

For many articles, build one :class:`Pipeline` and call ``extract_many``.
"""
from __future__ import annotations

__all__ = ["extract", "Pipeline", "ExtractionError"]


def __getattr__(name):  # lazy: importing the package must not load spaCy
    if name in __all__:
        from .pipeline import extraction

        return getattr(extraction, name)
    raise AttributeError(name)
