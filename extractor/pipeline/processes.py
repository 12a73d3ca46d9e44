"""Worker processes that start with the model loaded (batch pools, the service's extraction workers).

Kept apart from :mod:`extractor.pipeline.extraction` so that the process starting workers does not
import spaCy itself: the forkserver loads it while the parent goes on.
"""
from __future__ import annotations

#: The model a worker-starting forkserver preloads (see :mod:`extractor.pipeline.preload`).
PRELOAD_MODEL_ENV = "NEWSCLAIMS_PRELOAD_MODEL"


def forkserver_context(model: str | None):
    """A multiprocessing context whose workers fork from a process that loaded ``model``.

    The forkserver is a fresh single-threaded process (safe to fork, unlike a server or a
    process running a progress-bar thread); it imports :mod:`extractor.pipeline.preload` once, so
    N workers start in the time of one model load instead of N loads competing for the
    same cores, and share the model's pages copy-on-write.
    """
    import multiprocessing
    import os

    context = multiprocessing.get_context("forkserver")
    os.environ[PRELOAD_MODEL_ENV] = model or ""
    context.set_forkserver_preload(["extractor.pipeline.preload"])
    return context
