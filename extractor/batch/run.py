"""Batch extraction over a corpus: streaming, parallel, distributed, resumable.

``run_batch(inputs, out)`` reads articles with :func:`extractor.pipeline.inputs.iter_articles`,
extracts them in chunks (``Pipeline.extract_many`` — batched ``nlp.pipe`` — on each
chunk) and appends one JSON line per article to ``out`` (the contract's JSON,
``Extraction.model_dump(mode="json")``). The command line is ``newsclaims batch``.

How it behaves
--------------

* **Order.** Output lines are written by the parent process in input order
  (inputs in the order given, directories sorted), whatever the number of workers
  or machines: a run with ``workers=4`` or on a Dask cluster writes the same file,
  byte for byte, as a run with one process.
* **Web pages.** With workers or Dask, HTML pages and WARC records go through
  trafilatura on the workers too (in blocks, results back in order), so a crawl is not
  held up by the reading process; the text hash is taken after that, as for text.
* **Memory.** Articles are read lazily; at most ``2 × workers`` chunks of
  ``chunk_size`` articles are in flight. What grows with the corpus is the set of
  text hashes kept for de-duplication (about 150 bytes per article).
* **Errors.** An article that cannot be read, extracted, checked or stored is a line
  in ``errors.jsonl`` (beside ``out``, or ``errors_path``):
  ``{"id", "location", "stage": "read"|"extract"|"check"|"store", "message"}``.
  Read, extract and check errors write no output line; a store error does (the
  extraction is fine, only the database refused it). The run goes on; with
  ``max_errors=N`` it stops once more than N errors were seen, and the command exits 1.
  By default there is no limit (a corpus crawl always has some bad pages).
* **Duplicates.** Articles with the same clean text (sha256 of
  ``clean_text(text).text``, the hash ``article_id`` is cut from) are extracted once:
  the first in input order is written; each later copy is a line
  ``{"location", "duplicate_of": first_id}`` in ``duplicates.jsonl`` beside ``out``.
* **Nothing lost, nothing twice.** ``out``, ``errors.jsonl`` and ``duplicates.jsonl`` are
  append-only and flushed and fsync'ed after every chunk. ``resume=True`` truncates a
  torn last line (a kill mid-write), reads the hashes of the articles already in
  ``out`` and the locations already in the errors and duplicates files, and skips
  them; since the order is deterministic the first copy of a text is the one that
  was written. A run killed at any moment (``kill -9`` included) and resumed gives
  every article exactly once. Articles already in ``errors.jsonl`` are not retried
  (remove their lines, or the file, to retry them). Resume with the same inputs in
  the same order: an input removed in between is simply not read.
* **Tables.** ``table="claims.parquet"`` (``--table``) writes a flat table of the results
  (:mod:`.tables`; ``table_rows`` chooses the rows) as they are written to ``out``. It is
  built as ``claims.parquet.partial`` and moved into place when the run ends, so it always
  holds exactly what ``out`` holds, in the same order. A run that dies (a kill, a dead
  worker, an interrupt) leaves no table, or the previous one untouched; ``resume=True``
  rebuilds the table from the lines already in ``out`` (read anyway to skip them) and then
  adds the new ones, so the resumed table is the one an uninterrupted run writes.

Batch on a cluster
------------------

``newsclaims batch`` runs the same work on a `Dask <https://distributed.dask.org>`_
cluster; the output is identical to a one-process run. Install newsclaims (with the
same version) on every machine, then start a scheduler on one machine and a worker
on each machine (one worker process per core: spaCy uses one core per process)::

    # on the scheduler machine (port 8786 for workers, 8787 for the dashboard)
    dask scheduler

    # on every worker machine
    dask worker tcp://scheduler-host:8786 --nworkers 4 --nthreads 1

    # anywhere that reaches the scheduler and the input files
    newsclaims batch corpus/ --out results.jsonl --dask tcp://scheduler-host:8786

The machine running ``newsclaims batch`` reads the inputs and writes the output;
workers only receive article text, so inputs need not be on the workers' disks.
Each worker loads the spaCy model once, on its first chunk. With ``--check`` the
workers look figures up themselves: give ``--db`` a database every worker reaches
(PostgreSQL, or SQLite on a shared disk). ``--dask local:4`` starts a cluster of 4
worker processes on this machine, handy to try it out.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from ..pipeline.cleaning import clean_text
from ..pipeline.inputs import InputError, finish_html, iter_articles, pipeline_fields, total_bytes
from ..pipeline.articles import AMOUNT_SCOPES, ARTICLE_FIELDS, article_id

DEFAULT_CHUNK = 32
LOG_EVERY = 10.0          # seconds between plain progress lines when stderr is not a terminal


class BatchError(RuntimeError):
    """The run cannot go on (bad arguments, an unreadable output file, a dead worker pool)."""


@dataclass
class BatchSummary:
    articles: int = 0       # inputs seen: written + duplicates + errors + skipped (already done)
    written: int = 0
    duplicates: int = 0
    errors: int = 0
    with_warnings: int = 0  # written, but a component failed on them (its output is empty; see warnings)
    skipped: int = 0        # done by an earlier run (--resume)
    seconds: float = 0.0
    stopped: bool = False   # stopped early: more than max_errors errors

    @property
    def articles_per_second(self) -> float:
        done = self.written + self.duplicates + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "articles_per_second": round(self.articles_per_second, 2)}

    def line(self) -> str:
        degraded = f" ({self.with_warnings} with a component's failure in warnings)" if self.with_warnings else ""
        return (f"{self.articles} articles: {self.written} written{degraded}, {self.duplicates} duplicates, "
                f"{self.errors} errors" + (f", {self.skipped} already done" if self.skipped else "")
                + f" in {self.seconds:.1f} s ({self.articles_per_second:.1f} articles/s)"
                + (" — stopped: too many errors" if self.stopped else ""))


# -- the work of one chunk, in whichever process runs it -------------------------------

_STORES: dict = {}


def _store(db: Optional[str]):
    if db not in _STORES:
        from ..verify.store import Store

        _STORES[db] = Store(db)
    return _STORES[db]


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__)[:500]


def process_chunk(chunk: list[tuple[str, dict]], model: Optional[str] = None, check: bool = False,
                  db: Optional[str] = None, amount_scope: str = "claims") -> list[tuple]:
    """Extract (and check) a chunk of ``(location, article)``; article text is already clean.

    Returns one record per article, in order: ``("ok", location, id, json_line, degraded)`` or
    ``("error", location, id, stage, message)``. Runs in a worker process or on a Dask
    worker; the pipeline (and store) are loaded once per process.
    """
    from ..pipeline.extensions import is_failure_warning
    from ..pipeline.extraction import cached_pipeline

    pipeline = cached_pipeline(model, amount_scope)
    articles = [pipeline_fields(article) for _, article in chunk]
    try:
        results = list(pipeline.extract_many(articles, clean=False, errors="yield"))
    except Exception:  # a bug in a component: isolate the article that triggers it
        results = []
        for article in articles:
            try:
                results.append(pipeline.extract(article["text"], clean=False,
                                                **{k: article.get(k) for k in ARTICLE_FIELDS if k != "text"}))
            except Exception as e:
                results.append(e)
    store = _store(db) if check else None
    records = []
    for (location, article), result in zip(chunk, results):
        given_id = article.get("id")
        if isinstance(result, BaseException):
            records.append(("error", location, given_id, "extract", _one_line(result)))
            continue
        result.warnings[:0] = article.get("notes") or []      # what the reader said (where the date came from)
        if store is not None:
            from ..verify.check import check as check_result

            try:
                result = check_result(result, store)
            except Exception as e:
                records.append(("error", location, result.article.id, "check", _one_line(e)))
                continue
        line = json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
        degraded = any(is_failure_warning(w) for w in result.warnings)
        records.append(("ok", location, result.article.id, line, degraded))
    return records


# -- executors: inline, a process pool, a Dask cluster ---------------------------------------

class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def finish_pages(items: list) -> list:
    """Turn the deferred web pages of a block of input items into articles (trafilatura)."""
    return [finish_html(i) if isinstance(i, dict) and "html" in i else i for i in items]


class _Inline:
    slots = 1

    def __init__(self, args: tuple):
        self.args = args   # process_chunk's arguments after the chunk

    def submit(self, chunk):
        return _Done(process_chunk(chunk, *self.args))

    def call(self, fn, *args):
        return _Done(fn(*args))

    def close(self):
        pass


class _Pool:
    def __init__(self, workers, args: tuple):
        from concurrent.futures import ProcessPoolExecutor

        from ..pipeline.processes import forkserver_context

        # Not fork: the parent may run rich's refresh thread, and fork with threads can hang.
        # Not spawn: each worker then loaded its own model, two loads competing for two cores.
        model = args[0]
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=forkserver_context(model))
        self.args = args
        self.slots = 2 * workers

    def submit(self, chunk):
        return self.pool.submit(process_chunk, chunk, *self.args)

    def call(self, fn, *args):
        return self.pool.submit(fn, *args)

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    def __init__(self, address, args: tuple):
        import logging

        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise BatchError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
        self.cluster = None
        if address.startswith("local"):
            n = address.partition(":")[2] or str(os.cpu_count() or 1)
            if not n.isdigit() or int(n) < 1:
                raise BatchError(f"--dask local:N takes a number of workers ≥ 1, got {address!r}")
            self.cluster = LocalCluster(n_workers=int(n), threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="20s")
            except (OSError, TimeoutError, ValueError) as e:
                raise BatchError(f"cannot reach the Dask scheduler at {address}: {_one_line(e)}") from None
        self.args = args
        self._slots, self._counted = 2, 0.0

    @property
    def slots(self) -> int:
        """Two chunks per worker in flight; workers that join a running cluster are counted too."""
        now = time.monotonic()
        if now - self._counted > 5.0:
            self._counted = now
            workers = len(self.client.scheduler_info().get("workers", {}))
            self._slots = 2 * max(1, workers)
        return self._slots

    def submit(self, chunk):
        return self.client.submit(process_chunk, chunk, *self.args, pure=False)

    def call(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# -- resuming ---------------------------------------------------------------------------

def text_hash(clean: str) -> bytes:
    """The de-duplication key: sha256 of the clean text (``article_id`` is its first 16 hex)."""
    return hashlib.sha256(clean.encode("utf-8")).digest()


def _truncate_torn(path: Path) -> None:
    """Cut a last line that a kill left without its newline."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        block, pos = 65536, size
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        while pos > 0:   # find the last newline, reading backwards
            start = max(0, pos - block)
            fh.seek(start)
            data = fh.read(pos - start)
            nl = data.rfind(b"\n")
            if nl >= 0:
                fh.truncate(start + nl + 1)
                return
            pos = start
        fh.truncate(0)


def _json_lines(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError:
                raise BatchError(f"{path}:{n} is not a JSON line; cannot resume from it") from None


@dataclass
class _DoneState:
    hashes: dict          # text hash -> article id, of articles in the output
    error_locations: set
    duplicate_locations: set


def _load_state(out: Path, errors: Path, duplicates: Path, each_result=None) -> _DoneState:
    """What earlier runs did; ``each_result`` is called with every result already in ``out``, in order."""
    for path in (out, errors, duplicates):
        _truncate_torn(path)
    hashes = {}
    for obj in _json_lines(out):
        article = obj.get("article") or {}
        hashes[text_hash(article.get("text") or "")] = article.get("id")
        if each_result is not None:
            each_result(obj)
    error_locations = {obj.get("location") for obj in _json_lines(errors)}
    duplicate_locations = {obj.get("location") for obj in _json_lines(duplicates)}
    return _DoneState(hashes, error_locations, duplicate_locations)


# -- progress ---------------------------------------------------------------------------------

class _Progress:
    """A rich bar (articles/s, ETA by input bytes) on a terminal; a log line every 10 s otherwise."""

    def __init__(self, enabled: bool, total: Optional[int], summary: BatchSummary, started: float):
        self.summary, self.started, self.bar, self.last_log = summary, started, None, started
        self.enabled = enabled
        self.done_bytes = 0
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Progress(
                TextColumn("[bold]batch[/bold]"), BarColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s, "
                           "{task.fields[errors]} errors"),
                TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("batch", total=total, articles=0, rate=0.0, errors=0)
            self.bar.start()

    def advance(self, nbytes: int) -> None:
        self.done_bytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        s = self.summary
        rate = (s.written + s.duplicates + s.errors) / max(now - self.started, 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done_bytes, articles=s.articles, rate=rate, errors=s.errors)
        elif now - self.last_log >= LOG_EVERY:
            self.last_log = now
            print(f"batch: {s.articles} articles, {s.written} written, {s.duplicates} duplicates, "
                  f"{s.errors} errors, {rate:.1f} articles/s", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# -- the run ------------------------------------------------------------------------------------

def _table_writer(table: str | Path, rows: str):
    from .tables import TableError, TableWriter

    if str(table) == "-":
        raise BatchError("the table needs a file name (.parquet or .csv); stdout is not one")
    try:
        return _TableWriter(TableWriter(table, rows))
    except TableError as e:
        raise BatchError(str(e)) from None
    except OSError as e:
        raise BatchError(f"cannot write the table {table}: {e.strerror or e}") from None


class _TableWriter:
    """A table writer whose errors stop the run as BatchErrors (a result the table cannot take)."""

    def __init__(self, writer):
        self.writer = writer

    def write(self, result: dict) -> None:
        from .tables import TableError

        try:
            self.writer.write(result)
        except TableError as e:
            raise BatchError(f"table {self.writer.path}: {e}") from None

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()


def _article_fields(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("location", "size")}


def run_batch(inputs: Iterable[str | Path] | str | Path, out: str | Path, *, workers: int = 1,
              dask: Optional[str] = None, check: bool = False, db: Optional[str] = None,
              resume: bool = False, max_errors: Optional[int] = None, progress: bool = True,
              errors_path: str | Path | None = None, duplicates_path: str | Path | None = None,
              model: Optional[str] = None, chunk_size: int = DEFAULT_CHUNK,
              overwrite: bool = True, amount_scope: str = "claims",
              table: str | Path | None = None, table_rows: str = "claims") -> BatchSummary:
    """Extract every article of ``inputs`` into the JSON lines file ``out``; see the module doc.

    ``workers`` processes on this machine, or ``dask`` (a scheduler address, or
    ``"local:N"``). ``check`` adds verdicts from ``Store(db)``; ``db`` also stores
    each result (``Store.save_check``). ``overwrite=False`` refuses to replace a non-empty
    ``out`` without ``resume``. ``amount_scope`` is the Pipeline's ("claims" or "all").
    ``table`` (a .parquet or .csv path) also writes the flat table ``table_rows`` of
    :mod:`.tables` of everything in ``out`` (see "Tables" in the module doc).
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = [str(p) for p in inputs]
    if workers < 1:
        raise BatchError(f"workers must be at least 1, got {workers}")
    if dask and workers > 1:
        raise BatchError("give either workers or dask, not both (Dask workers are set on the cluster)")
    if chunk_size < 1:
        raise BatchError("chunk_size must be at least 1")
    if amount_scope not in AMOUNT_SCOPES:
        raise BatchError(f"amount_scope must be one of {', '.join(AMOUNT_SCOPES)}, not {amount_scope!r}")
    out = Path(out)
    errors_path = Path(errors_path) if errors_path else out.parent / "errors.jsonl"
    duplicates_path = Path(duplicates_path) if duplicates_path else out.parent / "duplicates.jsonl"
    outputs = [out, errors_path, duplicates_path] + ([Path(table)] if table is not None else [])
    if len({path.resolve() for path in outputs}) < len(outputs):
        raise BatchError("the output, errors, duplicates and table files must be different files")
    if not resume and not overwrite and out.exists() and out.stat().st_size > 0:
        raise BatchError(f"{out} exists; add --resume to continue it or --overwrite to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    errors_path.parent.mkdir(parents=True, exist_ok=True)
    duplicates_path.parent.mkdir(parents=True, exist_ok=True)

    if table is not None:
        Path(table).parent.mkdir(parents=True, exist_ok=True)
    # The table is written beside its final name and moved there at the end: a previous table
    # stays whole until then, and a run that dies leaves no torn one.
    table_writer = _table_writer(table, table_rows) if table is not None else None
    store = None
    try:
        state = (_load_state(out, errors_path, duplicates_path, table_writer and table_writer.write)
                 if resume else _DoneState({}, set(), set()))
        started = time.monotonic()
        summary = BatchSummary()
        if db is not None:
            from ..verify.store import Store, StoreError

            try:
                store = Store(db)
            except StoreError as e:
                raise BatchError(str(e)) from None
        # Connect to the cluster (or start the pool) before touching the output files: a scheduler
        # that cannot be reached must not have emptied a previous run's results.
        args = (model, check, db, amount_scope)   # process_chunk's, after the chunk
        if dask:
            executor = _Dask(dask, args)
        elif workers > 1:
            executor = _Pool(workers, args)
        else:
            executor = _Inline(args)
    except BaseException:
        if store is not None:
            store.close()
        if table_writer is not None:
            table_writer.abort()
        raise
    mode = "ab" if resume else "wb"
    out_fh, err_fh, dup_fh = open(out, mode), open(errors_path, mode), open(duplicates_path, mode)
    bar = _Progress(progress, total_bytes(inputs), summary, started)

    seen: dict[bytes, Any] = {}     # text hash -> id of the first copy, this pass

    def write_error(record: dict, nbytes: int = 0) -> None:
        err_fh.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        summary.errors += 1
        bar.advance(nbytes)

    def too_many() -> bool:
        return max_errors is not None and summary.errors > max_errors

    def sync() -> None:
        for fh in (out_fh, err_fh, dup_fh):
            fh.flush()
            os.fsync(fh.fileno())

    def items() -> Iterator:
        """Input items in order; web pages go through trafilatura on the workers, in blocks."""
        if isinstance(executor, _Inline):
            yield from iter_articles(inputs)
            return
        pending: deque = deque()
        block: list = []
        for item in iter_articles(inputs, defer_html=True):
            block.append(item)
            if len(block) >= chunk_size:
                pending.append(executor.call(finish_pages, block) if any(
                    isinstance(i, dict) and "html" in i for i in block) else _Done(block))
                block = []
                while len(pending) >= executor.slots:
                    yield from pending.popleft().result()
        if block:
            pending.append(executor.call(finish_pages, block))
        while pending:
            yield from pending.popleft().result()

    def chunks() -> Iterator[list]:
        chunk = []
        for item in items():
            summary.articles += 1
            if isinstance(item, InputError):
                if item.location in state.error_locations:
                    summary.skipped += 1
                    bar.advance(item.size)
                else:
                    write_error(item.as_dict("read"), item.size)
                if too_many():
                    return
                continue
            location, size = item["location"], item.get("size", 0)
            clean = clean_text(item["text"]).text
            key = text_hash(clean)
            if key in seen:
                if location in state.duplicate_locations:
                    summary.skipped += 1
                else:
                    dup_fh.write((json.dumps({"location": location, "id": item.get("id"),
                                              "duplicate_of": seen[key]}, ensure_ascii=False) + "\n").encode())
                    summary.duplicates += 1
                bar.advance(size)
                continue
            seen[key] = str(item["id"]) if item.get("id") is not None else article_id(clean)
            if key in state.hashes or location in state.error_locations:
                summary.skipped += 1
                bar.advance(size)
                continue
            article = _article_fields(item)
            article["text"] = clean
            chunk.append((location, article, size))
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    from ..verify.checks_store import Writer

    writer = Writer.local("batch")      # who the audit log says stored each check

    def write(records: list, sizes: list) -> None:
        for record, size in zip(records, sizes):
            if record[0] == "ok":
                _, location, art_id, line, degraded = record
                out_fh.write((line + "\n").encode("utf-8"))
                summary.written += 1
                summary.with_warnings += degraded
                result = json.loads(line) if store is not None or table_writer is not None else None
                if table_writer is not None:
                    table_writer.write(result)
                if store is not None:
                    try:
                        store.save_check(result, by=writer)
                    except Exception as e:
                        write_error({"id": art_id, "location": location, "stage": "store",
                                     "message": _one_line(e)})
                bar.advance(size)
            else:
                _, location, art_id, stage, message = record
                write_error({"id": art_id, "location": location, "stage": stage, "message": message}, size)
        sync()

    inflight: deque = deque()
    finished = False
    try:
        for chunk in chunks():
            sizes = [size for *_, size in chunk]
            inflight.append((executor.submit([(loc, art) for loc, art, _ in chunk]), sizes))
            while len(inflight) >= executor.slots:
                future, sizes = inflight.popleft()
                write(future.result(), sizes)
            if too_many():
                break
        while inflight and not too_many():
            future, sizes = inflight.popleft()
            write(future.result(), sizes)
        sync()
        finished = True
    except BrokenProcessPool:
        raise BatchError("a worker process died (out of memory?); rerun with --resume to go on") from None
    finally:
        bar.close()
        executor.close()
        for fh in (out_fh, err_fh, dup_fh):
            fh.close()
        if store is not None:
            store.close()
        if table_writer is not None:
            if finished:
                table_writer.close()
            else:
                table_writer.abort()
    summary.stopped = too_many()
    summary.seconds = time.monotonic() - started
    return summary
