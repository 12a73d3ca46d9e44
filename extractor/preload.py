"""Imported once by the forkserver that starts newsclaims' worker processes (batch, service).

It loads the pipeline before any worker exists, so each worker is forked with the model in
memory (shared copy-on-write) instead of loading its own. See
:func:`extractor.pipeline.forkserver_context`.
"""
import os

from .pipeline import PRELOAD_MODEL_ENV, cached_pipeline

try:
    cached_pipeline(os.environ.get(PRELOAD_MODEL_ENV) or None)
except Exception:  # noqa: BLE001  a missing model is reported by the worker itself, with its message
    pass
