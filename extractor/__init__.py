"""newsclaims: extract checkable claims from news articles.

    >>> from extractor import extract
    >>> result = extract("China's exports to North Korea rose 20.9% ...", published="2025-10-21")
    >>> result.model_dump(mode="json")   # the contract's JSON

For many articles, build one :class:`Pipeline` and call ``extract_many``.
"""
from __future__ import annotations

import logging as _logging
import os as _os

__all__ = ["extract", "Pipeline", "ExtractionError"]

# A component that fails on an article logs its traceback on the "newsclaims" logger and leaves
# a one-line warning in the result. A library does not print: the traceback goes where the
# application sends logs, or, with NEWSCLAIMS_LOG=FILE (or - for stderr), there -- in every
# process, batch and service workers included, since they inherit the environment.
_logging.getLogger("newsclaims").addHandler(_logging.NullHandler())


def log_to(target: str) -> None:
    """Send the "newsclaims" log to ``target`` (a file path, or "-" for stderr), in this process
    and in the worker processes it starts later (through NEWSCLAIMS_LOG)."""
    _os.environ["NEWSCLAIMS_LOG"] = target
    handler = _logging.StreamHandler() if target == "-" else _logging.FileHandler(target, encoding="utf-8")
    handler.setFormatter(_logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    _logging.getLogger("newsclaims").addHandler(handler)


if _os.environ.get("NEWSCLAIMS_LOG"):
    log_to(_os.environ["NEWSCLAIMS_LOG"])


def __getattr__(name):  # lazy: importing the package must not load spaCy
    if name in __all__:
        from .pipeline import extraction

        return getattr(extraction, name)
    raise AttributeError(name)
