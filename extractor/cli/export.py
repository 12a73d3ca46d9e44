"""``newsclaims export``: checked articles as schema.org ClaimReview JSON-LD (``extractor.verify.claimreview``),
or results as a flat Parquet or CSV table (``extractor.batch.tables``)."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Union

import typer

from .support import DB_HELP, err_console, fail, open_store

PAGE = 200   # articles read from the store per query when exporting all of them
TABLE_FORMATS = ("parquet", "csv")


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


class TableRows(str, Enum):   # extractor.batch.tables.TABLES, spelled out for typer's --help
    claims = "claims"
    articles = "articles"
    amounts = "amounts"
    periods = "periods"
    sources = "sources"
    verdicts = "verdicts"


TABLE_HELP = ("A flat table of the results instead of ClaimReview: a .parquet or .csv file (or --format), "
              "- for CSV on stdout. One row per claim unless --rows says otherwise.")
ROWS_HELP = "What one row of the --table is: claims, articles, amounts, periods, sources or verdicts."


def export_command(
    inputs: Optional[List[str]] = typer.Argument(
        None, metavar="INPUT",
        help="Results files: JSON lines as 'newsclaims batch' writes them, or check results (one JSON result "
             "or a JSON list); .gz too; - for stdin. Default: the store (--db)."),
    claimreview: bool = typer.Option(
        False, "--claimreview",
        help="schema.org ClaimReview JSON-LD, one object per checked claim (what export writes without --table)."),
    table: Optional[str] = typer.Option(None, "--table", "-t", help=TABLE_HELP),
    rows: TableRows = typer.Option(TableRows.claims, "--rows", help=ROWS_HELP),
    article: Optional[list[str]] = typer.Option(
        None, "--article", "-a", help="Export this article id (repeat for several). Default: every article."),
    version: Optional[int] = typer.Option(
        None, "--version", min=1, help="ClaimReview of this stored version of the one --article (default: the "
                                       "latest), dated the day that version was checked."),
    input: Optional[str] = typer.Option(
        None, "--input", "-i",
        help="Read check results from this file instead of the store (the same as giving it as an INPUT)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " Not with input files."),
    format: Optional[ExportFormat] = typer.Option(
        None, "--format", "-f",
        help="ClaimReview: json (one array, the default) or jsonl (one review per line). "
             "--table: parquet or csv (default: by the file's suffix)."),
    review_url: Optional[str] = typer.Option(
        None, "--review-url",
        help="URL of the page where a review is published; {article} and {claim} are replaced by the ids, "
             "e.g. 'https://factcheck.example/articles/{article}#claim-{claim}'."),
    reviewer: str = typer.Option("newsclaims", "--reviewer", help="Name of the organization publishing the reviews."),
    reviewer_url: Optional[str] = typer.Option(None, "--reviewer-url", help="Its web address."),
    date_reviewed: Optional[str] = typer.Option(
        None, "--date-reviewed",
        help="YYYY-MM-DD the reviews are published. Default: when the store checked each article; "
             "none for --input (a results file does not say when it was checked)."),
):
    """Export checked claims as schema.org ClaimReview JSON-LD, or results as a Parquet or CSV table.

    --table writes a flat table for pandas, Polars, DuckDB or R: one row per claim (the
    article's id, url, outlet and date; the claim's amount, period, trade, sources and
    verdict), or per article, amount, period, source or verdict with --rows. Parquet has typed
    columns (dates, floats, lists) and is written in row groups as the results are read, so
    memory stays flat on any number of articles.

    Without --table, each review carries the claim's sentence, the article it appeared in (URL, headline, date,
    outlet), the verdict as the rating's alternateName (supported 5, close 4, contradicted 1 on a
    1-5 scale; unverifiable has the word alone) and the explanation as reviewBody.

    Example:

        newsclaims export --claimreview --article trade-claims-showcase --review-url 'https://factcheck.example/{article}#{claim}'

        newsclaims batch corpus/ --out results.jsonl --check && newsclaims export --input results.jsonl --format jsonl

        newsclaims export --table claims.parquet results.jsonl

        newsclaims export --table amounts.csv --rows amounts --db sqlite:///claims.db
    """
    files = list(inputs or []) + ([input] if input is not None else [])
    if files and db is not None:
        fail("--db reads the store and --input a results file; give one of them")
    if files.count("-") > 1:
        fail("stdin (-) can be read only once")
    wanted = list(dict.fromkeys(article or []))
    if version is not None and (len(wanted) != 1 or files or table is not None):
        fail("--version picks a stored version of one article: give it with exactly one --article, "
             "reading the store, without --table")
    if table is not None:
        if claimreview:
            fail("give --claimreview or --table, not both")
        given = [name for name, value in (("--review-url", review_url), ("--reviewer-url", reviewer_url),
                                          ("--date-reviewed", date_reviewed)) if value is not None]
        if given:
            fail(f"{', '.join(given)} {'is a ClaimReview option' if len(given) == 1 else 'are ClaimReview options'};"
                 f" a table has no reviews")
        if format is not None and format.value not in TABLE_FORMATS:
            fail(f"a table is parquet or csv, not {format.value}")
        _export_table(files, db, wanted, table, rows.value, format.value if format else None)
        return
    # --claimreview names the format so that scripts keep working now that there is a second one:
    # without --table it is on whether or not it is given.
    if format is not None and format.value in TABLE_FORMATS:
        fail(f"{format.value} is a table format: add --table FILE")
    if rows is not TableRows.claims:
        fail("--rows chooses the rows of a table: add --table FILE")
    from ..verify.claimreview import claim_reviews
    reviewed: Optional[str] = None
    if date_reviewed is not None:
        try:
            reviewed = date.fromisoformat(date_reviewed).isoformat()
        except ValueError:
            fail(f"--date-reviewed must be a date YYYY-MM-DD; got {date_reviewed!r}")

    if files:
        results = [(r, reviewed) for r in _select([r for f in files for r in read_results(f)], wanted,
                                                  ", ".join(files))]
    else:
        results = _from_store(open_store(db), wanted, reviewed, version)

    reviews = []
    for result, when in results:
        try:
            reviews.extend(claim_reviews(result, reviewer=reviewer, reviewer_url=reviewer_url,
                                         review_url=review_url, date_reviewed=when))
        except ValueError as e:
            fail(str(e))
    if format is ExportFormat.jsonl:
        for review in reviews:
            sys.stdout.write(json.dumps(review, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")


def _export_table(files: list[str], db: Optional[str], wanted: list[str], path: str, rows: str,
                  format: Optional[str]) -> None:
    """Stream the results (files, else the store) into the table; the summary goes to stderr."""
    from ..batch.tables import TableError, read_results as stream_results, write_table

    errors: tuple = (TableError,)
    if not files:   # sqlalchemy only when the store is read: it is a fifth of the export's memory
        from ..verify.store import StoreError

        errors += (StoreError,)

    def from_files() -> Iterator[dict]:
        for file in files:
            yield from stream_results(file)

    results = from_files() if files else _stored_results(open_store(db), wanted)
    if files and wanted:
        results = _only(results, wanted, ", ".join(files))
    try:
        summary = write_table(results, path, rows, format)
    except errors as e:
        fail(str(e))
    except BrokenPipeError:   # `export --table - … | head`: the reader has what it wanted
        _quiet_stdout()
        raise typer.Exit(0)
    except OSError as e:
        fail(f"{e.strerror or e}: {e.filename or path}")
    err_console.print(summary.line("stdout" if path == "-" else path, rows), highlight=False, soft_wrap=True)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # not a real file (a test runner's capture)
        pass


def _only(results: Iterable[dict], wanted: list[str], source: str) -> Iterator[dict]:
    """The wanted articles, in the order they are read; an error at the end for the ones never seen."""
    from ..batch.tables import TableError

    chosen, missing = set(wanted), set(wanted)
    for result in results:
        if result["article"]["id"] in chosen:
            missing.discard(result["article"]["id"])
            yield result
    if missing:
        raise TableError(f"no article {', '.join(repr(w) for w in wanted if w in missing)} in {source}")


def _stored_results(store, wanted: list[str]) -> Iterator[dict]:
    """Stored results of the wanted articles, or of all, newest publication first, one at a time."""
    from ..batch.tables import TableError

    if wanted:   # a few named articles: read them all first, so that a missing one writes nothing
        found = {w: store.get_article(w) for w in wanted}
        missing = [w for w, result in found.items() if result is None]
        if missing:
            raise TableError(f"no checked article {', '.join(map(repr, missing))} in the store")
        yield from found.values()
        return
    for row in _all_rows(store):
        result = store.get_article(row["id"])
        if result is not None:   # deleted between the two reads
            yield result


def read_results(path: str) -> list[dict]:
    """Check results from a file or stdin: a JSON object, a JSON list, or JSON lines."""
    if path == "-":
        raw, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        file = Path(path)
        if not file.is_file():
            fail(f"{path}: no such file" if not file.exists() else f"{path} is not a file")
        raw, name = file.read_bytes(), file.name
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{name} is not UTF-8 text")
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as whole:
        # Not one document: JSON lines (batch output), one result per non-empty line.
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2:
            fail(f"{name} is not valid JSON: {whole.msg} at line {whole.lineno} column {whole.colno}")
        items = []
        for lineno, line in lines:
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"{name} is neither JSON nor JSON lines: {e.msg} at line {lineno} column {e.colno}")
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("article"), dict) or not item["article"].get("id"):
            fail(f"{name}: item {i + 1} is not a check result (an object whose 'article' has an 'id')")
    return items


def _select(results: list[dict], wanted: list[str], source: str) -> list[dict]:
    if not wanted:
        return results
    by_id = {r["article"]["id"]: r for r in results}
    missing = [w for w in wanted if w not in by_id]
    if missing:
        fail(f"no article {', '.join(map(repr, missing))} in {source}")
    return [by_id[w] for w in wanted]


def _from_store(store, wanted: list[str], reviewed: Optional[str],
                version: Optional[int] = None) -> list[tuple[dict, Union[str, date, None]]]:
    """(stored result, review date) for the wanted articles (their latest versions, or
    ``version`` of the one wanted), or all, newest publication first.

    A review's date is the day that version's check was stored, unless ``--date-reviewed``
    says otherwise.
    """
    from ..verify.store import StoreError

    try:
        if wanted:
            found = {w: store.get_article(w, version) for w in wanted}
            missing = [w for w, r in found.items() if r is None]
            if missing and version is not None and store.get_article(missing[0]) is not None:
                fail(f"article {missing[0]!r} has no version {version} in the store")
            if missing:
                fail(f"no checked article {', '.join(map(repr, missing))} in the store")
            return [(found[w], reviewed or store.checked_on(w, version)) for w in wanted]
        out = []
        for row in _all_rows(store):
            result = store.get_article(row["id"])
            if result is not None:   # deleted between the two reads
                out.append((result, reviewed or _day(row.get("checked_at"))))
        return out
    except StoreError as e:
        fail(str(e))


def _all_rows(store) -> Iterator[dict]:
    offset = 0
    while True:
        rows = store.list_articles(limit=PAGE, offset=offset)
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def _day(timestamp: Optional[str]) -> Optional[str]:
    return timestamp[:10] if timestamp else None
