"""Imported once by the forkserver that starts ``newsclaims batch``'s worker processes.

It loads the pipeline before any worker exists, so each worker is forked with the model
already in memory (shared copy-on-write) instead of importing spaCy and loading the model
itself: N workers then start in the time one load takes, not N loads competing for the
same cores. See :class:`extractor.batch._Pool`.
"""
import os

from .batch import PRELOAD_MODEL_ENV, _pipeline

try:
    _pipeline(os.environ.get(PRELOAD_MODEL_ENV) or None)
except Exception:  # noqa: BLE001  a missing model is reported by the worker's first chunk, with its message
    pass
