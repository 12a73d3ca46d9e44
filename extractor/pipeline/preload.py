"""Imported once by the forkserver that starts newsclaims' worker processes (batch, service).

It loads the pipeline before any worker exists, so each worker is forked with the model in
memory (shared copy-on-write) instead of loading its own. See
:func:`extractor.pipeline.processes.forkserver_context`.
"""
import os

from .extraction import cached_pipeline
from .processes import PRELOAD_MODEL_ENV

try:
    # One short article too: the lazy first-use work (unit tables, date parsing) is then done
    # once here rather than in every worker's first job.
    cached_pipeline(os.environ.get(PRELOAD_MODEL_ENV) or None).extract(
        "China's exports to North Korea rose 20.9% to $227.8 million in September last year, "
        "about 12,000 tonnes, customs data showed.", published="2025-10-21")
except Exception:  # noqa: BLE001  a missing model is reported by the worker itself, with its message
    pass
