"""``newsclaims batch``: extract a corpus into a JSON lines file (mounted by ``extractor.cli``)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .export import ROWS_HELP, TableRows
from .support import AMOUNT_SCOPE_HELP, DB_HELP, AmountScope


def batch_command(
    inputs: List[str] = typer.Argument(..., help="Files, directories (read recursively) or - for stdin: "
                                       ".txt .json .jsonl .html .warc(.gz), any of them .gz."),
    out: Path = typer.Option(..., "--out", "-o", help="JSON lines output: one contract object per article."),
    workers: int = typer.Option(1, "--workers", "-w", help="Processes on this machine (each loads the model once)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Dask scheduler address (tcp://host:8786), or local:N for N local workers."),
    check: bool = typer.Option(False, "--check", help="Add verdicts against the stored figures."),
    db: Optional[str] = typer.Option(None, "--db", help="Figures for --check, and where articles, claims and verdicts are stored. " + DB_HELP),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run: skip articles already in --out."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing non-empty --out."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Error lines file (default: errors.jsonl beside --out)."),
    max_errors: Optional[int] = typer.Option(None, "--max-errors", help="Stop and exit 1 past this many errors (default: no limit)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    chunk_size: int = typer.Option(32, "--chunk-size", help="Articles per chunk sent to a worker."),
    amount_scope: AmountScope = typer.Option(AmountScope.claims, "--amount-scope", help=AMOUNT_SCOPE_HELP),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bar or progress lines."),
    table: Optional[Path] = typer.Option(
        None, "--table", "-t",
        help="Also write a flat table of the results (.parquet or .csv), as 'newsclaims export --table' does; "
             "with --resume it is rebuilt from --out and the new results."),
    rows: TableRows = typer.Option(TableRows.claims, "--rows", help=ROWS_HELP),
):
    """Extract every article of a corpus into one JSON line each, in input order.

    Bad articles go to errors.jsonl, copies of an article already seen to
    duplicates.jsonl (both beside --out); a summary line ends the run.

    Example:

        newsclaims batch corpus/ crawl.warc.gz --out results.jsonl --workers 2

        newsclaims batch corpus/ --out results.jsonl --resume --dask tcp://scheduler:8786

        newsclaims batch corpus/ --out quantities.jsonl --amount-scope all

        newsclaims batch corpus/ --out results.jsonl --check --table claims.parquet
    """
    from ..batch.run import BatchError, run_batch
    from .support import err_console, fail
    from ..pipeline.nlp import ModelNotFound

    if workers < 1:
        fail(f"--workers must be at least 1, got {workers}")
    if dask and workers > 1:
        fail("give either --workers or --dask, not both (Dask workers are set on the cluster)")
    if max_errors is not None and max_errors < 0:
        fail(f"--max-errors must be 0 or more, got {max_errors}")
    if chunk_size < 1:
        fail(f"--chunk-size must be at least 1, got {chunk_size}")
    for path in inputs:
        if path != "-" and not Path(path).exists():
            fail(f"{path}: no such file or directory")
    if inputs.count("-") > 1:
        fail("stdin (-) can be read only once")
    if out.exists() and out.is_dir():
        fail(f"--out {out} is a directory; give a file name")
    if not resume and not overwrite and out.exists() and out.stat().st_size > 0:
        fail(f"{out} exists; add --resume to continue it or --overwrite to replace it")
    if table is not None:
        from ..batch.tables import TableError, table_format

        try:
            table_format(table)
        except TableError as e:
            fail(f"--table: {e}".replace(", or give the format", ""))
    elif rows is not TableRows.claims:
        fail("--rows chooses the rows of a table: add --table FILE")
    try:
        summary = run_batch(inputs, out, workers=workers, dask=dask, check=check, db=db, resume=resume,
                            max_errors=max_errors, progress=not no_progress, errors_path=errors,
                            model=model, chunk_size=chunk_size, overwrite=True, amount_scope=amount_scope.value,
                            table=table, table_rows=rows.value)
    except (BatchError, ModelNotFound) as e:
        fail(str(e), code=1)
    except KeyboardInterrupt:
        fail("interrupted; rerun with --resume to go on", code=130)
    except OSError as e:
        fail(f"{e.strerror or e}: {e.filename or ''}".rstrip(": "), code=1)
    style = "red" if summary.stopped else ("yellow" if summary.errors else "green")
    err_console.print(f"[{style}]{summary.line()}[/{style}]", highlight=False, soft_wrap=True)
    if summary.stopped:
        raise typer.Exit(1)


def main() -> None:   # python -m extractor.cli.batch …
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(batch_command)
    app()


if __name__ == "__main__":
    main()
    sys.exit(0)
