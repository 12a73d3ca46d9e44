"""Running the pipeline over a benchmark's documents without one bad document stopping the run."""
from __future__ import annotations

from typing import Any, Iterable, Optional


def extract_all(pipeline, inputs: Iterable[dict], clean: bool = False,
                failures: Optional[list[str]] = None) -> list[Any]:
    """The pipeline's results for ``inputs``, in order; None where the document could not be extracted.

    A component that raises on one document stops ``nlp.pipe`` for the rest; then the
    documents of the batch it stopped in run one by one (one that still raises gives None, and
    ``failures`` gets "id: error" for a benchmark note) and ``pipe`` resumes after them: one bug
    costs one document's points, not the report. An article the reader refuses
    (``ExtractionError``) counts as a failure too."""
    inputs = list(inputs)
    batch = int(getattr(pipeline, "batch_size", 0) or 64)
    results: list[Any] = []

    def fail(item: dict, exc: BaseException) -> None:
        if failures is not None:
            failures.append(f"{item.get('id')}: {type(exc).__name__}: {exc}"[:300])
        results.append(None)

    while len(results) < len(inputs):
        try:
            for r in pipeline.extract_many(inputs[len(results):], clean=clean):
                results.append(r)
        except Exception:  # noqa: BLE001 -- the batch is retried document by document below
            for item in inputs[len(results):len(results) + batch]:
                try:
                    results.extend(pipeline.extract_many([item], clean=clean))
                except Exception as exc:  # noqa: BLE001 -- reported in the benchmark's notes
                    fail(item, exc)
    return results


def failure_notes(failures: list[str]) -> list[str]:
    """The benchmark note for documents the pipeline raised on ([] when none)."""
    if not failures:
        return []
    return [f"extraction raised on {len(failures)} document(s), scored as empty: " + "; ".join(failures)]
