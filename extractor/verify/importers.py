"""Importing figures into the store: the project's CSV and UN Comtrade exports (CSV, JSON).

    >>> from extractor.verify.store import Store
    >>> from extractor.verify.importers import import_file
    >>> import_file(Store(), "comtrade-chn-2025.json")      # format guessed from the content
    ImportReport(added=..., skipped_duplicates=..., skipped={...})

Every import is

- **streaming**: rows are read one at a time (CSV via :mod:`csv`, Comtrade JSON via an
  incremental decoder of its ``{"data": [...]}`` array) and written in chunks, so a 1 GB
  file needs no more memory than a small one;
- **transactional**: the whole file is one transaction; the first bad row raises
  :class:`ImportFileError` (``FILE: line N: reason``) and nothing of the file is kept;
- **idempotent**: importing a file twice adds nothing the second time (see the store's
  figure ids).

**The project CSV** (``corpus/customs/README.md``): the columns of
``../shared/data/customs/china_prk_gacc.csv``: reporter, partner, flow, period, from, to,
granularity, value, currency, precision, qualifier, revision, commodity (a name), hs_code,
quantity, data_source, source_outlet, source_url, published, note; an ``id`` column (as
``figures list --format csv`` writes) is accepted and ignored, ids being recomputed.

**UN Comtrade** (API v1 ``/data/v1/get/C/{freq}/HS`` JSON, or the same columns as CSV),
following Comtrade's data dictionary:

- reporter/partner: ``reporterISO``/``partnerISO`` when they are alpha-3 codes, else
  ``reporterCode``/``partnerCode`` through ``extractor/data/comtrade_countries.json``;
  partner 0 / ``W00`` (World) → ``WLD``; an unknown code rejects the file.
- ``flowCode``: ``M`` (imports) → import, ``X`` (exports) → export. Other flows (``RM``
  re-imports, ``RX`` re-exports, ``DX``, ``FM``, processing flows) are *skipped and
  counted*: they are parts of or alternatives to M/X, and storing them as imports or
  exports would double count.
- rows broken down by customs procedure (``customsCode`` ≠ C00), mode of transport
  (``motCode`` ≠ 0) or second partner (``partner2Code`` ≠ 0) are skipped and counted: they
  are parts of a cell, not the cell.
- services (``typeCode`` S) are skipped and counted: the store holds goods trade.
- ``period`` ``YYYYMM`` → that month, ``YYYY`` → that year (else ``refYear``/``refMonth``,
  refMonth 52 meaning the year); ``cmdCode`` ``TOTAL`` → all goods; ``primaryValue`` is
  USD, stored with precision 0.5 (Comtrade prints whole dollars); source "UN Comtrade"
  with the API query URL of the cell.
"""
from __future__ import annotations

import csv
import json
import math
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Protocol, TextIO, Union

from pydantic import ValidationError

from models import Figure

from ..pipeline.calendar_spans import month_end
from .schema import ImportReport, granularity_of, period_label

FORMATS = ("csv", "comtrade")

#: Columns of the project CSV, in the order ``figures list --format csv`` writes them.
PROJECT_COLUMNS = [
    "reporter", "partner", "flow", "period", "from", "to", "granularity", "value", "currency",
    "precision", "qualifier", "revision", "commodity", "hs_code", "quantity", "data_source",
    "source_outlet", "source_url", "published", "note",
]
PROJECT_REQUIRED = ["reporter", "partner", "flow", "from", "to", "value", "data_source"]

COMTRADE_SOURCE = "UN Comtrade"
COMTRADE_PRECISION = 0.5            # values are whole US dollars
COMTRADE_FLOWS = {"M": "import", "X": "export"}
COMTRADE_WORLD = {"0", "W00"}

ISO3 = re.compile(r"[A-Z]{3}")


class FigureSink(Protocol):
    """What an import writes into: :class:`extractor.verify.store.Store` (named by its method
    here, so that the store can import this module to seed itself without a circle)."""

    def add_figures(self, new_figures: Iterable[Figure], *, report: Optional[ImportReport] = None,
                    source: Optional[str] = None, **audit: Any) -> ImportReport:
        ...


class ImportFileError(ValueError):
    """A file that cannot be imported, with where and why: ``FILE: line N: reason``."""

    def __init__(self, path: Union[str, Path], where: Optional[str], reason: str):
        self.path, self.where, self.reason = str(path), where, reason
        super().__init__(f"{path}: {where}: {reason}" if where else f"{path}: {reason}")


class _Skip(Exception):
    """A row the format's rules leave out (counted in ImportReport.skipped, not an error)."""


# ---------------------------------------------------------------- entry point


def import_file(store: FigureSink, path: Union[str, Path], format: Optional[str] = None, *,
                report: Optional[ImportReport] = None, by: Any = None, source: Optional[str] = None) -> ImportReport:
    """Import one file into ``store`` in one transaction; ``format`` is ``csv`` (the project's),
    ``comtrade`` (CSV or JSON), or None to recognize it from the content. ``by`` (a
    :class:`~extractor.verify.checks_store.Writer`) and ``source`` (default: the file's name)
    are what the store's audit log records."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(path, None, "no such file")
    if path.is_dir():
        raise ImportFileError(path, None, "is a directory; give one file")
    if format is not None and format not in FORMATS:
        raise ImportFileError(path, None, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    kind = detect_kind(path, format)
    report = report or ImportReport()
    rows: Iterator[tuple[str, Any]] = {
        "csv": lambda: _project_csv_rows(path),
        "comtrade-csv": lambda: _comtrade_rows(path, _csv_records(path)),
        "comtrade-json": lambda: _comtrade_rows(path, _json_records(path)),
    }[kind]()
    audit = {"by": by} if by is not None else {}
    store.add_figures(_figures_counting_skips(path, rows, report), report=report, source=source or path.name, **audit)
    return report


def detect_kind(path: Path, format: Optional[str]) -> str:
    """``csv`` (project), ``comtrade-csv`` or ``comtrade-json``, from ``format`` and the first bytes."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            head = f.read(4096)
    except UnicodeDecodeError:
        raise ImportFileError(path, None, "is not UTF-8 text") from None
    first = head.lstrip()[:1]
    if first in ("{", "["):
        if format == "csv":
            raise ImportFileError(path, None, "looks like JSON; the project format is CSV (use --format comtrade for Comtrade JSON)")
        return "comtrade-json"
    header = next(csv.reader([head.splitlines()[0] if head else ""]), [])
    looks_comtrade = bool({"flowCode", "primaryValue"} & set(header))
    if format == "comtrade" or (format is None and looks_comtrade):
        return "comtrade-csv"
    if format == "csv" or (format is None and {"reporter", "flow", "value"} <= set(header)):
        return "csv"
    raise ImportFileError(path, None, "cannot tell the format from the header; pass --format csv or --format comtrade")


def _figures_counting_skips(path: Path, rows: Iterator[tuple[str, Any]], report: ImportReport) -> Iterator[Figure]:
    for where, item in rows:
        if isinstance(item, _Skip):
            report.skip(str(item))
        else:
            yield item


def _make_figure(path: Path, where: str, fields: dict) -> Figure:
    try:
        return Figure.model_validate(fields)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "row"
        raise ImportFileError(path, where, f"{loc}: {first['msg']} (got {first.get('input')!r})") from None


def _date(path: Path, where: str, column: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ImportFileError(path, where, f"{column}: not a date (YYYY-MM-DD): {value!r}") from None


def _number(path: Path, where: str, column: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ImportFileError(path, where, f"{column}: not a number: {value!r}") from None
    if not math.isfinite(number) or number < 0:
        raise ImportFileError(path, where, f"{column}: must be a finite number ≥ 0, not {value!r}")
    return number


# ---------------------------------------------------------------- the project CSV


def _csv_records(path: Path) -> Iterator[tuple[str, dict]]:
    """(``line N``, row) for each CSV record; N is the line the record starts on."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError(path, None, "is empty") from None
        header = [h.strip() for h in header]
        line = reader.line_num + 1
        try:
            for values in reader:
                where = f"line {line}"
                line = reader.line_num + 1
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    raise ImportFileError(path, where, f"{len(values)} fields, the header has {len(header)}")
                yield where, dict(zip(header, values))
        except csv.Error as e:
            raise ImportFileError(path, f"line {reader.line_num}", f"bad CSV: {e}") from None
        except UnicodeDecodeError:
            raise ImportFileError(path, f"after line {reader.line_num}", "not UTF-8 text") from None


def _project_csv_rows(path: Path) -> Iterator[tuple[str, Any]]:
    records = _csv_records(path)
    for where, row in records:
        missing = [c for c in PROJECT_REQUIRED if c not in row]
        unknown = [c for c in row if c not in PROJECT_COLUMNS and c != "id"]
        if missing or unknown:
            problems = ([f"missing column(s) {', '.join(missing)}"] if missing else []) + \
                       ([f"unknown column(s) {', '.join(unknown)}"] if unknown else [])
            raise ImportFileError(path, "line 1", "; ".join(problems) + f" (columns: {', '.join(PROJECT_COLUMNS)})")
        yield where, _project_row_to_figure(path, where, row)
        break
    for where, row in records:
        yield where, _project_row_to_figure(path, where, row)


def _project_row_to_figure(path: Path, where: str, row: dict) -> Figure:
    cell = {k: (v.strip() or None) for k, v in row.items()}
    for column in PROJECT_REQUIRED:
        if cell.get(column) is None:
            raise ImportFileError(path, where, f"{column}: empty")
    from_ = _date(path, where, "from", cell["from"])
    to = _date(path, where, "to", cell["to"])
    if to < from_:
        raise ImportFileError(path, where, f"to ({to}) is before from ({from_})")
    hs_code = cell.get("hs_code")
    if hs_code:
        # The seed marks codes it inferred: "2709 (mapped)". The code is what is looked up.
        hs_code = re.sub(r"\s*\(mapped\)\s*$", "", hs_code)
    for column in ("reporter", "partner"):
        if not ISO3.fullmatch(cell[column]):
            raise ImportFileError(path, where, f"{column}: not an ISO alpha-3 code: {cell[column]!r}")
    if cell.get("currency") and not ISO3.fullmatch(cell["currency"]):
        # Lookups match the currency exactly: "usd" would be stored and never found.
        raise ImportFileError(path, where, f"currency: not an ISO 4217 code (USD, CNY): {cell['currency']!r}")
    return _make_figure(path, where, {
        "reporter": cell["reporter"], "partner": cell["partner"], "flow": cell["flow"],
        "period": cell.get("period") or period_label(from_, to), "from": from_, "to": to,
        "granularity": cell.get("granularity") or granularity_of(from_, to),
        "value": _number(path, where, "value", cell["value"]),
        "currency": cell.get("currency") or "USD",
        "precision": _number(path, where, "precision", cell["precision"]) if cell.get("precision") else 0.0,
        "qualifier": cell.get("qualifier"),
        "revision": cell.get("revision") or 1,
        "commodity": hs_code, "commodity_name": cell.get("commodity"), "quantity": cell.get("quantity"),
        "source_name": cell["data_source"], "source_outlet": cell.get("source_outlet"),
        "source_url": cell.get("source_url"),
        "published": _date(path, where, "published", cell["published"]) if cell.get("published") else None,
        "note": cell.get("note"),
    })


def figure_to_project_row(fig: Figure) -> dict[str, Any]:
    """A Figure as a project-CSV row (``figures list --format csv``; importable again)."""
    return {
        "reporter": fig.reporter, "partner": fig.partner, "flow": fig.flow, "period": fig.period,
        "from": fig.from_.isoformat(), "to": fig.to.isoformat(), "granularity": fig.granularity,
        "value": _plain_number(fig.value), "currency": fig.currency, "precision": _plain_number(fig.precision),
        "qualifier": fig.qualifier, "revision": fig.revision, "commodity": fig.commodity_name,
        "hs_code": fig.commodity, "quantity": fig.quantity, "data_source": fig.source_name,
        "source_outlet": fig.source_outlet, "source_url": fig.source_url,
        "published": fig.published.isoformat() if fig.published else None, "note": fig.note,
    }


def _plain_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# ---------------------------------------------------------------- UN Comtrade


@lru_cache(maxsize=1)
def comtrade_country_codes() -> dict[str, str]:
    data = json.loads(resources.files("extractor.pipeline.data").joinpath("comtrade_countries.json").read_text("utf-8"))
    return data["codes"]


def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _is_total_code(value: Any, total: str) -> bool:
    text = _text(value)
    return text is None or text == total or (total == "0" and text.lstrip("0") == "" )


def _country(path: Path, where: str, record: dict, role: str) -> tuple[str, Optional[str]]:
    """(ISO alpha-3 or WLD, Comtrade numeric code) of ``role`` (reporter/partner)."""
    iso = _text(record.get(f"{role}ISO"))
    code = _text(record.get(f"{role}Code"))
    if code is not None:
        try:
            code = str(int(float(code)))
        except ValueError:
            raise ImportFileError(path, where, f"{role}Code: not a number: {code!r}") from None
    if (iso and iso.upper() in COMTRADE_WORLD) or code == "0":
        return "WLD", "0"
    known = comtrade_country_codes().get(code) if code is not None else None
    if iso and ISO3.fullmatch(iso.upper()):
        iso = iso.upper()
        if known and known != iso:
            raise ImportFileError(path, where, f"{role}Code {code} is {known} but {role}ISO says {iso}")
        return iso, code
    if code is None:
        raise ImportFileError(path, where, f"no {role}Code or {role}ISO")
    if known is None:
        raise ImportFileError(path, where, f"unknown {role}Code {code}: add it to extractor/data/comtrade_countries.json")
    return known, code


def _comtrade_period(path: Path, where: str, record: dict) -> tuple[date, date, str]:
    """(from, to, freq) from ``period`` (YYYYMM / YYYY) or ``refYear``/``refMonth``."""
    period = _text(record.get("period"))
    if period is not None:
        period = period.split(".")[0]     # a CSV opened in a spreadsheet may say 202509.0
    if period is None and _text(record.get("refYear")):
        year, month = _text(record.get("refYear")), _text(record.get("refMonth"))
        period = year if month in (None, "52") else f"{year}{int(month):02d}"   # refMonth 52 = the year
    if period and re.fullmatch(r"\d{4}", period):
        year = int(period)
        return date(year, 1, 1), date(year, 12, 31), "A"
    if period and re.fullmatch(r"\d{6}", period) and 1 <= int(period[4:]) <= 12:
        start = date(int(period[:4]), int(period[4:]), 1)
        return start, month_end(start), "M"
    raise ImportFileError(path, where, f"period: not YYYYMM or YYYY: {record.get('period')!r}")


def _comtrade_row_to_figure(path: Path, where: str, record: dict) -> Any:
    type_code = _text(record.get("typeCode"))
    if type_code is not None and type_code != "C":
        return _Skip(f"typeCode {type_code}: not goods")
    flow_code = _text(record.get("flowCode"))
    if flow_code is None:
        raise ImportFileError(path, where, "no flowCode")
    if flow_code not in COMTRADE_FLOWS:
        return _Skip(f"flowCode {flow_code}: not M or X")
    for column, total in (("customsCode", "C00"), ("motCode", "0"), ("partner2Code", "0")):
        if column in record and not _is_total_code(record[column], total):
            return _Skip(f"{column} breakdown: not the cell total")
    reporter, reporter_code = _country(path, where, record, "reporter")
    partner, partner_code = _country(path, where, record, "partner")
    from_, to, freq = _comtrade_period(path, where, record)
    cmd = _text(record.get("cmdCode")) or "TOTAL"
    if _text(record.get("primaryValue")) is None:
        raise ImportFileError(path, where, "primaryValue: empty")
    value = _number(path, where, "primaryValue", record.get("primaryValue"))
    qty, unit = _text(record.get("qty")), _text(record.get("qtyUnitAbbr"))
    quantity = f"{qty} {unit}" if qty and unit and unit.upper() != "N/A" and qty not in ("0", "0.0") else None
    url = None
    if reporter_code is not None and partner_code is not None:
        period_code = f"{from_.year}" if freq == "A" else f"{from_.year}{from_.month:02d}"
        url = (f"https://comtradeapi.un.org/public/v1/preview/C/{freq}/HS?reporterCode={reporter_code}"
               f"&period={period_code}&partnerCode={partner_code}&flowCode={flow_code}&cmdCode={cmd}")
    return _make_figure(path, where, {
        "reporter": reporter, "partner": partner, "flow": COMTRADE_FLOWS[flow_code],
        "period": period_label(from_, to), "from": from_, "to": to,
        "granularity": "year" if freq == "A" else "month",
        "value": value, "currency": "USD", "precision": COMTRADE_PRECISION,
        "commodity": None if cmd.upper() == "TOTAL" else cmd,
        "commodity_name": None if cmd.upper() == "TOTAL" else _text(record.get("cmdDesc")),
        "quantity": quantity, "source_name": COMTRADE_SOURCE, "source_url": url,
    })


def _comtrade_rows(path: Path, records: Iterator[tuple[str, dict]]) -> Iterator[tuple[str, Any]]:
    for where, record in records:
        yield where, _comtrade_row_to_figure(path, where, record)


# ---------------------------------------------------------------- streaming JSON


class _JsonStream:
    """Incremental reader of one JSON text: values are decoded one at a time from a
    sliding buffer, so an array of a million records is never in memory at once."""

    CHUNK = 1 << 16

    def __init__(self, f: TextIO):
        self.f, self.buf, self.pos, self.eof = f, "", 0, False
        self.line, self._counted = 1, 0          # line number at self._counted
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self.eof:
            return False
        data = self.f.read(self.CHUNK)
        if not data:
            self.eof = True
            return False
        if self.pos > self.CHUNK:                # drop what was consumed
            self.line_at(self.pos)
            self.buf, self._counted, self.pos = self.buf[self.pos:], self._counted - self.pos, 0
        self.buf += data
        return True

    def line_at(self, pos: int) -> int:
        self.line += self.buf.count("\n", self._counted, pos)
        self._counted = pos
        return self.line

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected {char!r}, found {self.peek() or 'end of file'!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._more():                 # maybe the value continues in the next chunk
                    continue
                raise ValueError(f"invalid JSON: {e.msg}") from None
            if end == len(self.buf) and self._more():   # a number may go on ("12" + "34")
                continue
            self.pos = end
            return value


def _json_records(path: Path) -> Iterator[tuple[str, dict]]:
    """(``record N (line L)``, record) for each record of ``{"data": [...]}`` or ``[...]``."""
    with open(path, encoding="utf-8-sig") as f:
        stream = _JsonStream(f)
        n = 0

        def where() -> str:
            return f"record {n} (line {stream.line_at(stream.pos)})"

        def array() -> Iterator[tuple[str, dict]]:
            nonlocal n
            stream.expect("[")
            if stream.peek() == "]":
                stream.pos += 1
                return
            while True:
                n += 1
                location = where()
                record = stream.value()
                if not isinstance(record, dict):
                    raise ImportFileError(path, location, "a record must be a JSON object")
                yield location, record
                following = stream.peek()
                stream.pos += 1
                if following == "]":
                    return
                if following != ",":
                    raise ImportFileError(path, where(), f"expected ',' or ']' after a record, found {following or 'end of file'!r}")

        try:
            first = stream.peek()
            if first == "[":
                yield from array()
                return
            stream.expect("{")
            seen_data, other = False, {}
            while stream.peek() != "}":
                key = stream.value()
                stream.expect(":")
                if key == "data" and stream.peek() == "[":
                    seen_data = True
                    yield from array()
                else:
                    other[key] = stream.value()     # small top-level fields: count, error, elapsedTime
                if stream.peek() == ",":
                    stream.pos += 1
            if not seen_data:
                error = other.get("error") or other.get("message")
                raise ImportFileError(path, None, "no \"data\" array" + (f"; the response says: {error}" if error else ""))
        except ValueError as e:
            if isinstance(e, ImportFileError):
                raise
            raise ImportFileError(path, where() if n else f"line {stream.line_at(stream.pos)}", str(e)) from None


__all__ = ["FORMATS", "ImportFileError", "PROJECT_COLUMNS", "figure_to_project_row", "import_file", "detect_kind"]
