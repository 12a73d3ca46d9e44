"""Results as flat tables for corpus research: Parquet or CSV, one row per claim (or article, amount, ...).

A researcher counts and plots (claims per outlet per month, how rounded the figures are, who
cites customs data directly); pandas, Polars, DuckDB and R's arrow read Parquet directly. This
module turns the contract's nested JSON, one result per article, into the rows of one table:

* pure functions from one result (a contract dict, as ``batch`` writes it) to its rows:
  :func:`table_rows` (``rows="claims"``, ``"articles"``, ``"amounts"``, ``"periods"``,
  ``"sources"``, ``"verdicts"``); every row starts with the article's keys;
* :class:`TableWriter`, which streams rows to a file: Parquet with an explicit schema
  (``pyarrow``; dates are date32, values float64, lists list<string>) written one row group
  per :data:`ROW_GROUP_ROWS` rows as results arrive, so memory stays flat however many
  articles go through; or CSV with a header, RFC 4180 quoting (the ``csv`` module's), lists
  joined with ``|``;
* :func:`read_results`, which reads batch output (JSON lines, one line at a time) or ``check``
  results (one JSON object or a list), and :func:`write_table`, the two together.

The columns, their types and meanings are data: ``data/table_columns.json`` (the meanings are
also written into each Parquet field's metadata, under ``description``).
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Union

COLUMNS_FILE = Path(__file__).with_name("data") / "table_columns.json"
ROW_GROUP_ROWS = 10_000      # rows per Parquet row group: written as soon as that many have come
ARROW_BATCH_ROWS = 1_000     # rows held as Python objects (~3 KB a row) before they become Arrow (~0.3 KB)
LIST_SEPARATOR = "|"         # joins a list column's items in CSV: rare in names, unlike ',' and ';'
FORMATS = ("parquet", "csv")
SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}


class TableError(ValueError):
    """The input is not results, or a result holds a value the table cannot take."""


# -- columns ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _column_data() -> dict:
    return json.loads(COLUMNS_FILE.read_text(encoding="utf-8"))


def column_types() -> dict[str, str]:
    """Every column's type name (``string``, ``int32``, ``float64``, ``bool``, ``date32``, ``list<string>``)."""
    return {name: spec[0] for name, spec in _column_data()["columns"].items()}


def column_docs() -> dict[str, str]:
    """Every column's meaning, one phrase each."""
    return {name: spec[1] for name, spec in _column_data()["columns"].items()}


def table_columns(rows: str) -> list[str]:
    """The columns of one table, in order: the article's keys, then the table's own."""
    data = _column_data()
    if rows not in data["tables"]:
        raise TableError(f"no table of {rows!r}; the tables are {', '.join(TABLES)}")
    return data["article_keys"] + data["tables"][rows]


TABLES = tuple(_column_data()["tables"])


def arrow_schema(rows: str):
    """The pyarrow schema of one table, each field with its meaning as ``description`` metadata."""
    import pyarrow as pa

    arrow_types = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(),
                   "date32": pa.date32(), "list<string>": pa.list_(pa.string())}
    types, docs = column_types(), column_docs()
    return pa.schema([pa.field(name, arrow_types[types[name]], nullable=True,
                               metadata={"description": docs[name]}) for name in table_columns(rows)],
                     metadata={"newsclaims.table": rows})


# -- rows ------------------------------------------------------------------------------------

def _pick(items: list, index: Any) -> Optional[dict]:
    """The item an index of a claim points to, or None (no index, or one out of range)."""
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items):
        return items[index]
    return None


def _index(items: list, index: Any) -> Optional[int]:
    return index if _pick(items, index) is not None else None


def _float(value: Any, what: str, article: str) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise TableError(f"article {article}: {what} is not a number: {value!r}")


def _date(value: Any, what: str, article: str) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise TableError(f"article {article}: {what} is not a date YYYY-MM-DD: {value!r}") from None


def _strings(values: Any) -> Optional[list[str]]:
    return None if values is None else [str(v) for v in values]


def article_keys(result: dict) -> dict:
    """The columns every table starts with: the article's id, url, title, outlet and date."""
    article = result.get("article") or {}
    article_id = article.get("id")
    if not article_id:
        raise TableError("a result without an article id")
    return {"article_id": str(article_id), "url": article.get("url"), "title": article.get("title"),
            "outlet": article.get("outlet"),
            "published": _date(article.get("published"), "published", article_id)}


def _parts(result: dict) -> tuple[list, list, list, list, list]:
    return tuple(result.get(k) or [] for k in ("claims", "amounts", "periods", "sources", "verdicts"))


def _users(claims: list, pointers: Callable[[dict], list]) -> dict[int, list[str]]:
    """Index of an amount, period or source -> ids of the claims that point to it, in claim order."""
    users: dict[int, list[str]] = {}
    for claim in claims:
        for index in dict.fromkeys(i for i in pointers(claim) if isinstance(i, int)):
            users.setdefault(index, []).append(str(claim.get("id")))
    return users


def _amount_columns(amount: dict, article: str) -> dict:
    return {"amount_text": amount.get("text"),
            "amount_value": _float(amount.get("value"), "an amount's value", article),
            "amount_unit": amount.get("unit"), "amount_bound": amount.get("bound"),
            "amount_low": _float(amount.get("low"), "an amount's low", article),
            "amount_high": _float(amount.get("high"), "an amount's high", article),
            "amount_precision": _float(amount.get("precision"), "an amount's precision", article),
            "amount_change": amount.get("change")}


def _period_columns(period: dict, article: str) -> dict:
    return {"period_text": period.get("text"),
            "period_from": _date(period.get("from"), "a period's from", article),
            "period_to": _date(period.get("to"), "a period's to", article),
            "period_granularity": period.get("granularity"),
            "period_relative": period.get("relative", False) if period else None,
            "period_duration": period.get("duration"), "period_bound": period.get("bound")}


def _verdict_columns(verdict: dict, article: str) -> dict:
    return {"verdict_status": verdict.get("status"),
            "verdict_claimed": _float(verdict.get("claimed"), "a verdict's claimed value", article),
            "verdict_expected": _float(verdict.get("expected"), "a verdict's expected value", article),
            "verdict_unit": verdict.get("unit"),
            "verdict_figures": _strings(verdict.get("figures") or []) if verdict else None}


def claim_rows(result: dict) -> list[dict]:
    """One row per claim: the claim, its amount, period, trade, sources and verdict, inline."""
    keys = article_keys(result)
    article = keys["article_id"]
    claims, amounts, periods, sources, verdicts = _parts(result)
    first_verdict: dict[str, dict] = {}
    for verdict in verdicts:
        first_verdict.setdefault(verdict.get("claim"), verdict)
    warning_count = len(result.get("warnings") or [])
    rows = []
    for claim in claims:
        amount = _pick(amounts, claim.get("amount")) or {}
        period = _pick(periods, claim.get("period")) or {}
        trade = claim.get("trade") or {}
        cited = [s for s in (_pick(sources, i) for i in claim.get("sources") or []) if s is not None]
        rows.append({
            **keys,
            "claim_id": claim.get("id"), "claim_kind": claim.get("kind"), "claim_sentence": claim.get("sentence"),
            "claim_start": claim.get("start"), "claim_end": claim.get("end"),
            "amount_index": _index(amounts, claim.get("amount")), **_amount_columns(amount, article),
            "period_index": _index(periods, claim.get("period")), **_period_columns(period, article),
            "trade_flow": trade.get("flow"), "trade_from": trade.get("from"), "trade_to": trade.get("to"),
            "trade_between": _strings(trade.get("between")), "trade_commodity": trade.get("commodity"),
            "trade_basis": trade.get("basis"),
            "comparison_relation": (claim.get("comparison") or {}).get("relation"),
            "source_names": [s.get("name") for s in cited], "source_types": [s.get("type") for s in cited],
            **_verdict_columns(first_verdict.get(claim.get("id")) or {}, article),
            "warning_count": warning_count,
        })
    return rows


def article_rows(result: dict) -> list[dict]:
    """One row per article, whether it has claims or not: how many of each part it has."""
    claims, amounts, periods, sources, verdicts = _parts(result)
    warnings = _strings(result.get("warnings") or [])
    inconsistent = [c for c in result.get("consistency") or [] if c.get("status", "inconsistent") == "inconsistent"]
    return [{**article_keys(result), "claim_count": len(claims), "amount_count": len(amounts),
             "period_count": len(periods), "source_count": len(sources), "verdict_count": len(verdicts),
             "inconsistency_count": len(inconsistent), "warning_count": len(warnings), "warnings": warnings}]


def amount_rows(result: dict) -> list[dict]:
    """One row per amount the article states, used by a claim or not."""
    keys = article_keys(result)
    claims, amounts = _parts(result)[:2]
    users = _users(claims, lambda c: [c.get("amount")])
    return [{**keys, "amount_index": i, **_amount_columns(a, keys["article_id"]),
             "amount_start": a.get("start"), "amount_end": a.get("end"),
             "amount_of": a.get("of"), "amount_per": a.get("per"), "claim_ids": users.get(i, [])}
            for i, a in enumerate(amounts)]


def period_rows(result: dict) -> list[dict]:
    """One row per period; a comparison's reference period counts as used by its claim."""
    keys = article_keys(result)
    claims, _, periods = _parts(result)[:3]
    users = _users(claims, lambda c: [c.get("period"), (c.get("comparison") or {}).get("reference_period")])
    return [{**keys, "period_index": i, **_period_columns(p, keys["article_id"]),
             "period_start": p.get("start"), "period_end": p.get("end"),
             "period_low": p.get("low"), "period_high": p.get("high"), "period_value": p.get("value"),
             "claim_ids": users.get(i, [])}
            for i, p in enumerate(periods)]


def source_rows(result: dict) -> list[dict]:
    """One row per named source (the contract's ``sources``; described ones are not in it)."""
    keys = article_keys(result)
    claims, _, _, sources = _parts(result)[:4]
    users = _users(claims, lambda c: c.get("sources") or [])
    return [{**keys, "source_index": i, "source_text": s.get("text"), "source_start": s.get("start"),
             "source_end": s.get("end"), "source_name": s.get("name"), "source_type": s.get("type"),
             "source_cue": s.get("cue"), "source_via": s.get("via"),
             "source_informative": s.get("informative", True), "claim_ids": users.get(i, [])}
            for i, s in enumerate(sources)]


def verdict_rows(result: dict) -> list[dict]:
    """One row per verdict, with the kind of the claim it judges."""
    keys = article_keys(result)
    claims, verdicts = _parts(result)[0], _parts(result)[4]
    kinds = {c.get("id"): c.get("kind") for c in claims}
    return [{**keys, "claim_id": v.get("claim"), "claim_kind": kinds.get(v.get("claim")),
             **_verdict_columns(v, keys["article_id"]), "verdict_explanation": v.get("explanation")}
            for v in verdicts]


ROW_BUILDERS: dict[str, Callable[[dict], list[dict]]] = {
    "claims": claim_rows, "articles": article_rows, "amounts": amount_rows, "periods": period_rows,
    "sources": source_rows, "verdicts": verdict_rows,
}


def table_rows(result: dict, rows: str = "claims") -> list[dict]:
    """The rows one result gives in the table ``rows``: dicts with exactly that table's columns."""
    if rows not in ROW_BUILDERS:
        raise TableError(f"no table of {rows!r}; the tables are {', '.join(TABLES)}")
    return ROW_BUILDERS[rows](result)


# -- reading results -------------------------------------------------------------------------

def _check_result(item: Any, where: str) -> dict:
    if not isinstance(item, dict) or not isinstance(item.get("article"), dict) or not item["article"].get("id"):
        raise TableError(f"{where} is not a result (an object whose 'article' has an 'id')")
    return item


def read_results(path: Union[str, os.PathLike]) -> Iterator[dict]:
    """Results from a file (``.gz`` too) or ``-`` (stdin), one at a time.

    JSON lines (``newsclaims batch`` output) are read a line at a time, so a file of any size
    takes the memory of one article; a file that is one JSON document (``check --format json``:
    an object, or a list of them) is read whole.
    """
    name = "<stdin>" if str(path) == "-" else str(path)
    if name != "<stdin>" and not Path(path).is_file():
        raise TableError(f"{path}: no such file" if not Path(path).exists() else f"{path} is not a file")
    fh: IO[bytes] = (sys.stdin.buffer if name == "<stdin>"
                     else gzip.open(path, "rb") if name.endswith(".gz") else open(path, "rb"))
    try:
        lineno, first = 0, b""
        for raw in fh:
            lineno += 1
            if raw.strip():
                first = raw
                break
        if not first:
            return
        text = _decode(first.lstrip(b"\xef\xbb\xbf") if lineno == 1 else first, name)
        try:
            head = json.loads(text)
        except json.JSONDecodeError:
            head = None
        if not isinstance(head, dict):      # one document over several lines, or a list
            whole = text + _decode(fh.read(), name)
            try:
                data = json.loads(whole)
            except json.JSONDecodeError as e:
                raise TableError(f"{name} is neither JSON nor JSON lines: {e.msg} at line "
                                 f"{e.lineno + lineno - 1} column {e.colno}") from None
            for n, item in enumerate(data if isinstance(data, list) else [data], 1):
                yield _check_result(item, f"{name}: item {n}")
            return
        yield _check_result(head, f"{name}:{lineno}")
        for raw in fh:
            lineno += 1
            if not raw.strip():
                continue
            try:
                item = json.loads(_decode(raw, name))
            except json.JSONDecodeError as e:
                raise TableError(f"{name}:{lineno} is not a JSON line: {e.msg} at column {e.colno}") from None
            yield _check_result(item, f"{name}:{lineno}")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TableError(f"{name} is not UTF-8 text") from None


# -- writing ---------------------------------------------------------------------------------

def table_format(path: Union[str, os.PathLike], format: Optional[str] = None) -> str:
    """``format`` if given, else the one the file name's suffix says (.parquet, .pq, .csv)."""
    if format is not None:
        if format not in FORMATS:
            raise TableError(f"a table is {' or '.join(FORMATS)}, not {format!r}")
        return format
    suffix = Path(str(path)).suffix.lower()
    if suffix not in SUFFIXES:
        raise TableError(f"cannot tell the table format from {str(path)!r}: name it .parquet or .csv, "
                         f"or give the format")
    return SUFFIXES[suffix]


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass
class TableSummary:
    articles: int = 0       # results read
    rows: int = 0           # rows written

    def line(self, path: Union[str, os.PathLike], rows: str) -> str:
        return f"{rows} table: {self.rows} rows from {self.articles} articles written to {path}"


class TableWriter:
    """Streams the rows of one table to ``path`` (``"-"``: CSV on stdout).

    ``write(result)`` adds one result's rows; Parquet rows are turned into Arrow record
    batches every :data:`ARROW_BATCH_ROWS` rows (Python objects take ten times the memory)
    and written as a row group every ``row_group_rows`` rows; CSV rows go out as they come. The file is written
    as ``path + ".partial"`` and renamed to ``path`` by :meth:`close`, so ``path`` is either
    the previous file or a complete table, never a torn one; :meth:`abort` (or leaving a
    ``with`` block on an exception) removes the partial file.
    """

    def __init__(self, path: Union[str, os.PathLike], rows: str = "claims", format: Optional[str] = None,
                 row_group_rows: int = ROW_GROUP_ROWS):
        self.rows, self.columns = rows, table_columns(rows)
        self.to_stdout = str(path) == "-"
        self.format = table_format(path, format or ("csv" if self.to_stdout else None))
        if self.to_stdout and self.format != "csv":
            raise TableError("only a CSV table can go to stdout (-); give a .parquet file name")
        if row_group_rows < 1:
            raise TableError("row_group_rows must be at least 1")
        self.path = None if self.to_stdout else Path(path)
        self.partial = None if self.path is None else self.path.with_name(self.path.name + ".partial")
        self.row_group_rows = row_group_rows
        self.summary = TableSummary()
        self._closed = False
        if self.format == "parquet":
            import pyarrow.parquet as pq

            self.schema = arrow_schema(rows)
            self._buffer: dict[str, list] = {c: [] for c in self.columns}
            self._buffered = 0           # rows in _buffer
            self._batches: list = []     # Arrow record batches not yet written
            self._batched = 0            # rows in them
            self._parquet = pq.ParquetWriter(self.partial, self.schema)
        else:
            self._fh = sys.stdout if self.to_stdout else open(self.partial, "w", encoding="utf-8", newline="")
            self._csv = csv.writer(self._fh)     # excel dialect: RFC 4180 quoting, CRLF line ends
            self._csv.writerow(self.columns)

    def write(self, result: dict) -> int:
        """Add one result's rows; returns how many."""
        rows = table_rows(result, self.rows)
        self.summary.articles += 1
        self.summary.rows += len(rows)
        if self.format == "csv":
            for row in rows:
                self._csv.writerow([_csv_cell(row[c]) for c in self.columns])
            return len(rows)
        for row in rows:
            for column, values in self._buffer.items():
                values.append(row[column])
        self._buffered += len(rows)
        if self._buffered >= min(ARROW_BATCH_ROWS, self.row_group_rows):
            self._to_arrow()
        if self._batched >= self.row_group_rows:
            self._flush()
        return len(rows)

    def _to_arrow(self) -> None:
        if not self._buffered:
            return
        import pyarrow as pa

        try:
            self._batches.append(pa.RecordBatch.from_pydict(self._buffer, schema=self.schema))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
            raise TableError(f"a value does not fit its column's type: {e}") from None
        self._batched += self._buffered
        self._buffer = {c: [] for c in self.columns}
        self._buffered = 0

    def _flush(self) -> None:
        """Write the rows so far as one row group."""
        import pyarrow as pa

        self._to_arrow()
        if not self._batched:
            return
        self._parquet.write_table(pa.Table.from_batches(self._batches, schema=self.schema),
                                  row_group_size=self._batched)
        self._batches, self._batched = [], 0

    def close(self) -> TableSummary:
        """Write what is buffered, finish the file and move it into place."""
        if self._closed:
            return self.summary
        self._closed = True
        if self.format == "parquet":
            try:
                self._flush()
            finally:
                self._parquet.close()
        elif self.to_stdout:
            self._fh.flush()
        else:
            self._fh.close()
        if self.partial is not None:
            os.replace(self.partial, self.path)
        return self.summary

    def abort(self) -> None:
        """Stop without a table: the partial file is removed, an earlier ``path`` left as it was."""
        if self._closed:
            return
        self._closed = True
        try:
            if self.format == "parquet":
                self._parquet.close()
            elif not self.to_stdout:
                self._fh.close()
        finally:
            if self.partial is not None:
                self.partial.unlink(missing_ok=True)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def write_table(results: Iterable[dict], path: Union[str, os.PathLike], rows: str = "claims",
                format: Optional[str] = None, row_group_rows: int = ROW_GROUP_ROWS) -> TableSummary:
    """Write the table ``rows`` of ``results`` (e.g. :func:`read_results`) to ``path``, streaming."""
    with TableWriter(path, rows, format, row_group_rows) as writer:
        for result in results:
            writer.write(result)
    return writer.summary


# -- the README's list of columns ------------------------------------------------------------------

README_START, README_END = "<!-- table-columns:start -->\n", "<!-- table-columns:end -->"


def columns_markdown() -> str:
    """Every column once, as a Markdown table: name, type, the tables that have it, meaning."""
    keys = _column_data()["article_keys"]
    lines = ["| column | type | tables | meaning |", "|---|---|---|---|"]
    for name, kind in column_types().items():
        where = "all" if name in keys else ", ".join(t for t in TABLES if name in table_columns(t))
        lines.append(f"| `{name}` | `{kind}` | {where} | {column_docs()[name]} |")
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> None:
    """``python -m extractor.batch.tables README.md``: rewrite the README's list of columns."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.exit("usage: python -m extractor.batch.tables README.md")
    readme = Path(args[0])
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        sys.exit(f"{readme} has no {README_START.strip()} ... {README_END} block")
    head, rest = text.split(README_START, 1)
    readme.write_text(head + README_START + columns_markdown() + README_END + rest.split(README_END, 1)[1],
                      encoding="utf-8")


if __name__ == "__main__":
    main()
