"""Extraction in worker processes, so that a request that runs too long can be cut.

A Python thread cannot be stopped, so the service does not extract in its own process:
each worker is a process with the spaCy pipeline loaded once. A job past its deadline
kills its worker (the work really stops, and its memory is returned) and a new worker
takes its place; the server process never loads spaCy and keeps answering.

    >>> pool = ExtractionPool(size=1)                                  # doctest: +SKIP
    >>> pool.extract({"text": "...", "published": "2025-10-21"}, timeout=30)   # contract JSON
    >>> pool.close()
"""
from __future__ import annotations

import queue
import threading
import time
from multiprocessing.connection import Connection
from typing import Any, Optional

#: How long a new worker may take to import spaCy and load its model.
START_TIMEOUT = 180.0


class JobTimeout(Exception):
    """The job ran past its deadline; its worker was killed and replaced."""


class PoolBusy(Exception):
    """No worker became free before the job's deadline."""


class WorkerFailed(Exception):
    """A worker died or could not start (the message says why)."""


class ExtractionBug(Exception):
    """The extraction raised on this article: the same request would fail again (500, not 503).
    Components catch their own errors, so this is what they missed."""


def _worker_main(conn: Connection, model: Optional[str]) -> None:
    """A worker's loop: load the pipeline, then answer jobs until the pipe closes."""
    try:
        from ..pipeline.extraction import ExtractionError, cached_pipeline

        pipeline = cached_pipeline(model)    # already loaded when forked from the preloading forkserver
    except Exception as e:   # a missing model must reach the server as a message, not a hang
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            article, clean, amount_scope = conn.recv()
        except (EOFError, OSError):
            return
        try:
            # the preloaded pipeline is the "claims" one; "all" is loaded on its first job here
            result = cached_pipeline(model, amount_scope).extract(article.pop("text"), clean=clean, **article)
            conn.send(("ok", result.model_dump(mode="json", by_alias=True)))
        except ExtractionError as e:
            conn.send(("invalid", str(e)))
        except Exception as e:   # a bug on one article must not take the worker down
            conn.send(("error", f"{type(e).__name__}: {e}"))


class _Worker:
    def __init__(self, context, model: Optional[str]):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, model), daemon=True,
                                       name="newsclaims-extract")
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(START_TIMEOUT):
            raise WorkerFailed(f"the extraction worker did not load its model in {START_TIMEOUT:.0f} s")
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerFailed("the extraction worker exited while loading its model") from None
        if status != "ready":
            raise WorkerFailed(f"the extraction worker could not load its model: {message}")
        self.ready = True

    def kill(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class ExtractionPool:
    """``size`` worker processes, each with the pipeline loaded; thread-safe.

    Workers fork from a forkserver that loaded the model once
    (:func:`extractor.pipeline.processes.forkserver_context`), so a worker killed for running too
    long is replaced in milliseconds, not a model load. The server itself is never forked:
    it runs threads (uvicorn's, the store's connections), and a fork can copy a held lock.
    """

    def __init__(self, size: int = 1, model: Optional[str] = None):
        if size < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.size = size
        self.model = model
        from ..pipeline.processes import forkserver_context

        self._context = forkserver_context(model)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.model)
        with self._lock:
            self._all = [w for w in self._all if w.process.is_alive()] + [worker]
        return worker

    def wait_ready(self) -> None:
        """Block until every idle worker has its model loaded (raises WorkerFailed)."""
        workers = []
        try:
            while True:
                workers.append(self._idle.get_nowait())
        except queue.Empty:
            pass
        try:
            for w in workers:
                w.wait_ready()
        finally:
            for w in workers:
                self._idle.put(w)

    @property
    def ready_workers(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.ready and w.process.is_alive())

    def extract(self, article: dict[str, Any], *, timeout: float, clean: bool = True,
                amount_scope: str = "claims") -> dict:
        """The contract JSON of one article. Raises ``pipeline.ExtractionError`` for
        unusable input, :class:`JobTimeout` past ``timeout`` seconds of work,
        :class:`PoolBusy` when no worker is free within ``timeout``, :class:`WorkerFailed`."""
        from ..pipeline.articles import ExtractionError

        if self._closed:
            raise WorkerFailed("the extraction pool is closed")
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise PoolBusy(f"every extraction worker stayed busy for {timeout:g} s") from None
        try:
            worker.wait_ready()          # a fresh worker's model load is not the job's time
            deadline = time.monotonic() + timeout
            worker.conn.send((dict(article), clean, amount_scope))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                worker.kill()
                worker = self._start()
                raise JobTimeout(f"extraction took longer than {timeout:g} s and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            worker = self._start()
            raise WorkerFailed("the extraction worker died during the job; a new one was started") from None
        except WorkerFailed:
            worker.kill()
            worker = self._start()
            raise
        finally:
            self._idle.put(worker)
        if status == "ok":
            return payload
        if status == "invalid":
            raise ExtractionError(payload)
        raise ExtractionBug(f"extraction failed: {payload}")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.kill()
