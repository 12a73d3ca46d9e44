"""The figures store: official statistics to check claims against, and the checks made.

One SQL database (SQLAlchemy 2 Core, no ORM) holds

- ``figures``: one row per published cell and revision (:class:`models.Figure`): a
  reporter's customs figure for one partner, flow, period, currency and commodity;
- ``articles`` and ``article_versions``, ``claims``, ``claim_actors``, ``verdicts``: what
  ``newsclaims check`` found, every version of it, so a newsroom can ask "every contradicted
  claim about PRK in 2025" (:meth:`Store.query_claims`), see :mod:`.checks_store`;
- ``audit_log``: every write, who made it and from where;
- ``store_meta``: the schema version (a store made by an earlier release is upgraded in
  place when opened, :mod:`.migrations`) and the figures revision.

SQLite is the embedded default (a file in the user's data directory); PostgreSQL is
used through ``postgresql+psycopg://user:password@host/db``.

Rules, and where they come from:

- **A cell** is (reporter, partner, flow, currency, commodity, from, to): the Verdict
  rules of ``../shared/claims-schema.md`` compare a claim with "the stored figure for the
  same reporter/partner, flow, period (from..to), commodity and currency".
- **Latest revision**: the same rules use the latest revision of a cell. Among rows of
  one revision (two outlets disagreeing about the same release, e.g. 2023-04 wig imports
  in the seed), the one with the later ``published`` date wins (an undated page counts as
  oldest), then the larger id, so the choice is deterministic.
- **Idempotent import**: a figure's id is derived from its cell, revision, value and
  source URL (:func:`figure_id`), and the id is the primary key; inserting the same
  figure again is skipped (``ON CONFLICT DO NOTHING``), never duplicated.
- **All goods**: ``Figure.commodity is None`` means all goods. A goods-level figure the
  source names but nobody mapped to an HS code ("soda", in the seed) must never answer
  an all-goods lookup, so the indexed lookup column ``commodity_key`` is ``TOTAL`` for
  all goods (Comtrade's own cmdCode for it), the HS code for mapped goods, and
  ``NAME:<name>`` for unmapped goods.
"""
from __future__ import annotations

import os
import re
import threading
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from models import Figure

from .checks_store import LIBRARY, CheckRecords, SavedCheck, Writer, write_audit
from .importers import import_file
from .migrations import upgrade
from .schema import (
    _FROM,
    ALL_GOODS,
    FIGURE_COLUMNS,
    ImportReport,
    StoreError,
    _newest_last,
    _one_line,
    figure_id,
    figure_row,
    figures,
    granularity_of,
    lookup_key,
    period_label,
    row_to_figure,
    store_meta,
)

#: Seed figures shipped with a repository checkout (a pip install may not have them).
SEED_DIR = Path(__file__).resolve().parents[2] / "corpus" / "customs"

#: Rows per INSERT batch: large enough to amortize round trips, small enough that an
#: import's memory does not depend on the file's size.
CHUNK_ROWS = 5000


# ---------------------------------------------------------------- connecting


def default_sqlite_path() -> Path:
    """``$XDG_DATA_HOME/newsclaims/newsclaims.db`` (XDG Base Directory spec), default ``~/.local/share``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsclaims" / "newsclaims.db"


def resolve_url(url: Optional[str]) -> str:
    """A SQLAlchemy URL from what a user gives: a URL, a file path, or nothing.

    Nothing → ``$NEWSCLAIMS_DB`` → the SQLite file of :func:`default_sqlite_path`. A bare
    ``postgresql://`` / ``postgres://`` URL gets the psycopg 3 driver, the one we depend on
    (SQLAlchemy's default would be psycopg2).
    """
    url = url or os.environ.get("NEWSCLAIMS_DB") or None
    if url is None:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:
        path = Path(url).expanduser()
        if path.parent and not path.parent.exists():
            raise StoreError(f"{path.parent}: no such directory for the SQLite database")
        return f"sqlite:///{path}"
    for bare in ("postgresql://", "postgres://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url[len(bare):]
    return url


def _make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as e:
        raise StoreError(f"cannot use database URL {_hide_password(url)}: {e}") from None
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")     # SQLite enforces FKs only when asked
            if url not in ("sqlite://", "sqlite:///:memory:"):
                # WAL: readers (the checker) are not blocked while an import writes.
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()
    return engine


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


# ---------------------------------------------------------------- the store


class Store(CheckRecords):
    """The figures store, and the checks made against it (:class:`.checks_store.CheckRecords`). ``Store()`` opens (and on first use creates and seeds) the default database.

    >>> store = Store("sqlite:///tmp/figures.db")            # or postgresql+psycopg://…
    >>> store.cell("CHN", "PRK", "total", date(2025, 9, 1), date(2025, 9, 30))

    Lookups reuse one autocommit connection per thread and statements built once, so a
    lookup is one indexed query and no ORM work.
    """

    def __init__(self, url: Optional[str] = None, *, seed: bool = True):
        self.url = resolve_url(url)
        self.engine = _make_engine(self.url)
        self._local = threading.local()
        self._readers: list[Connection] = []
        self._readers_lock = threading.Lock()
        if self.engine.dialect.name not in ("sqlite", "postgresql"):
            # Both have INSERT … ON CONFLICT DO NOTHING, which idempotent imports rely on.
            raise StoreError(f"unsupported database {self.engine.dialect.name}: use SQLite or PostgreSQL")
        try:
            # A new database gets the tables; a store made by an earlier release is upgraded in
            # place (under a lock: two processes starting at once upgrade it once).
            upgrade(self.engine, who=f"newsclaims {_release()}")
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open {_hide_password(self.url)}: {_one_line(e)}") from None
        # SQLAlchemy stores SQLite dates as ISO text; the driver-level paths must do the same.
        self._dates_as_text = self.engine.dialect.name == "sqlite"
        self._build_statements()
        if seed and SEED_DIR.is_dir() and not self._has_figures():
            self.load_seed()

    # -- statements, built once

    def _build_statements(self) -> None:
        # The lookups the cross-check makes thousands of times per second go straight to the
        # driver with SQL rendered once: SQLAlchemy's execute() cost ~5x the query itself on
        # SQLite (140 µs vs 26 µs per cell). psycopg prepares a statement server-side after
        # a few executions; sqlite3 caches prepared statements by SQL text.
        p = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        columns = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
        series_sql = (f"reporter = {p} AND partner = {p} AND flow = {p} AND currency = {p} "
                      f"AND commodity_key = {p}")
        self._cell_sql = f"SELECT {columns} FROM figures WHERE {series_sql} AND from_date = {p} AND to_date = {p}"
        self._months_sql = (f"SELECT {columns} FROM figures WHERE {series_sql} AND granularity = 'month' "
                            f"AND from_date >= {p} AND from_date <= {p} AND to_date <= {p} ORDER BY from_date")
        self._has_pair_sql = f"SELECT 1 FROM figures WHERE reporter = {p} AND partner = {p} LIMIT 1"
        self._currencies_sql = f"SELECT DISTINCT currency FROM figures WHERE reporter = {p} AND partner = {p}"
        self._get_sql = f"SELECT {columns} FROM figures WHERE id = {p}"
        self._driver_errors = self.engine.dialect.loaded_dbapi.Error
        # Bulk imports use the driver's executemany too: SQLAlchemy's per-row parameter
        # processing was a third of an import's time.
        self._bulk_insert_sql = (
            f"INSERT INTO figures ({columns}) VALUES ({', '.join([p] * len(FIGURE_COLUMNS))}) "
            f"ON CONFLICT (id) DO NOTHING"
        )

    def _reader(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            try:
                conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            except SQLAlchemyError as e:
                raise StoreError(f"cannot connect to {_hide_password(self.url)}: {_one_line(e)}") from None
            self._local.conn = conn
            self._local.driver = None
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def _query(self, sql: str, params: tuple) -> list:
        """Rows of a driver-level query on this thread's autocommit connection."""
        conn = getattr(self._local, "driver", None)
        if conn is None:
            conn = self._local.driver = self._reader().connection.driver_connection
        if self._dates_as_text:       # as SQLAlchemy's Date type stores them in SQLite
            params = tuple(v.isoformat() if type(v) is date else v for v in params)
        try:
            # sqlite3 and psycopg 3 both have Connection.execute (a cursor made and returned).
            return conn.execute(sql, params).fetchall()
        except self._driver_errors as e:
            raise StoreError(f"query failed on {_hide_password(self.url)}: {_one_line(e)}") from None

    def _read(self, stmt, params: Optional[dict] = None) -> list:
        try:
            return self._reader().execute(stmt, params or {}).all()
        except SQLAlchemyError as e:
            raise StoreError(f"query failed on {_hide_password(self.url)}: {_one_line(e)}") from None

    def _failed(self, what: str, error: BaseException) -> StoreError:
        return StoreError(f"{what} ({_hide_password(self.url)}): {_one_line(error)}")

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        self._local = threading.local()
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- lookups for the cross-check

    def _cell_rows(self, reporter, partner, flow, from_, to, currency, commodity) -> list:
        return self._query(self._cell_sql, (reporter, partner, flow, currency, lookup_key(commodity), from_, to))

    def cell(self, reporter: str, partner: str, flow: str, from_: date, to: date, *,
             currency: str = "USD", commodity: Optional[str] = None) -> Optional[Figure]:
        """The latest revision of exactly this cell (flow as the reporter recorded it), or None."""
        rows = self._cell_rows(reporter, partner, flow, from_, to, currency, commodity)
        if not rows:
            return None
        return row_to_figure(max(rows, key=_newest_last))

    def revisions(self, reporter: str, partner: str, flow: str, from_: date, to: date, *,
                  currency: str = "USD", commodity: Optional[str] = None) -> list[Figure]:
        """Every stored figure of this cell, oldest revision first."""
        rows = self._cell_rows(reporter, partner, flow, from_, to, currency, commodity)
        return [row_to_figure(r) for r in sorted(rows, key=_newest_last)]

    def months(self, reporter: str, partner: str, flow: str, start: date, end: date, *,
               currency: str = "USD", commodity: Optional[str] = None) -> list[Figure]:
        """Monthly cells lying wholly in [start, end], latest revision each, by month."""
        rows = self._query(self._months_sql, (reporter, partner, flow, currency, lookup_key(commodity),
                                               start, end, end))
        latest: dict[Any, Any] = {}
        for row in rows:
            month = row[_FROM]
            if month not in latest or _newest_last(row) > _newest_last(latest[month]):
                latest[month] = row
        return [row_to_figure(latest[m]) for m in sorted(latest)]

    def has_pair(self, reporter: str, partner: str) -> bool:
        """Whether any figure of ``reporter``'s customs about ``partner`` is stored."""
        return bool(self._query(self._has_pair_sql, (reporter, partner)))

    def currencies(self, reporter: str, partner: str) -> set[str]:
        """The currencies ``reporter``'s figures about ``partner`` are stored in."""
        return {r[0] for r in self._query(self._currencies_sql, (reporter, partner))}

    def get_figure(self, figure_id: str) -> Optional[Figure]:
        rows = self._query(self._get_sql, (figure_id,))
        return row_to_figure(rows[0]) if rows else None

    def list_figures(self, reporter: Optional[str] = None, partner: Optional[str] = None,
                     flow: Optional[str] = None, date_from: Optional[date] = None,
                     date_to: Optional[date] = None, currency: Optional[str] = None,
                     commodity: Optional[str] = None, limit: Optional[int] = None, *,
                     all_revisions: bool = False) -> list[Figure]:
        """Figures matching every filter given, latest revision per cell unless ``all_revisions``.

        ``date_from``/``date_to``: the figure's period lies wholly within them.
        ``commodity``: an HS code, or ``TOTAL`` for all-goods figures only; None = any.
        Ordered by reporter, partner, period, flow, commodity.
        """
        return list(self.iter_figures(reporter, partner, flow, date_from, date_to, currency,
                                      commodity, limit, all_revisions=all_revisions))

    def iter_figures(self, reporter=None, partner=None, flow=None, date_from=None, date_to=None,
                     currency=None, commodity=None, limit=None, *, all_revisions=False) -> Iterator[Figure]:
        """:meth:`list_figures` as a stream (the CLI prints a million figures in constant memory)."""
        try:
            yield from self._iter_figures(reporter, partner, flow, date_from, date_to, currency,
                                          commodity, limit, all_revisions)
        except SQLAlchemyError as e:
            raise StoreError(f"query failed on {_hide_password(self.url)}: {_one_line(e)}") from None

    def _iter_figures(self, reporter, partner, flow, date_from, date_to, currency, commodity, limit,
                      all_revisions) -> Iterator[Figure]:
        stmt = select(figures)
        for column, wanted in ((figures.c.reporter, reporter), (figures.c.partner, partner),
                               (figures.c.flow, flow), (figures.c.currency, currency)):
            if wanted is not None:
                stmt = stmt.where(column == wanted)
        if commodity is not None:
            stmt = stmt.where(figures.c.commodity_key == commodity)
        if date_from is not None:
            stmt = stmt.where(figures.c.from_date >= date_from)
        if date_to is not None:
            stmt = stmt.where(figures.c.to_date <= date_to)
        cell_columns = (figures.c.reporter, figures.c.partner, figures.c.from_date, figures.c.to_date,
                        figures.c.flow, figures.c.currency, figures.c.commodity_key)
        stmt = stmt.order_by(*cell_columns, figures.c.revision, figures.c.id)
        produced = 0
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=1000).execute(stmt)
            pending: list = []          # the rows of the current cell, to pick its latest revision

            def emit(rows):
                return rows if all_revisions else [max(rows, key=_newest_last)]

            for row in result:
                if pending and _cell_of(pending[0]) != _cell_of(row):
                    for r in sorted(emit(pending), key=_newest_last):
                        yield row_to_figure(r)
                        produced += 1
                        if limit is not None and produced >= limit:
                            return
                    pending = []
                pending.append(row)
            if pending:
                for r in sorted(emit(pending), key=_newest_last):
                    yield row_to_figure(r)
                    produced += 1
                    if limit is not None and produced >= limit:
                        return

    def count_figures(self) -> int:
        return self._read(select(func.count()).select_from(figures))[0][0]

    def _has_figures(self) -> bool:
        return bool(self._read(select(figures.c.id).limit(1)))

    # -- writing figures

    def add_figures(self, new_figures: Iterable[Figure], *, report: Optional[ImportReport] = None,
                    by: Writer = LIBRARY, source: Optional[str] = None) -> ImportReport:
        """Insert figures in one transaction: all of them, or none if any is invalid.

        Figures already stored (same id: same cell, revision, value and source URL) are
        counted in ``skipped_duplicates``. Figures are consumed lazily and written in
        chunks of :data:`CHUNK_ROWS`, so an iterator over a huge file stays in constant
        memory; an exception raised while iterating (an importer's bad row) rolls the whole
        transaction back and propagates. An import that adds figures raises the store's
        figures revision and is recorded in the audit log as ``by``'s (``source``: what was
        imported, e.g. a file name).
        """
        report = report or ImportReport()
        offered = added = 0
        try:
            with self.engine.begin() as conn:
                chunk: list[tuple] = []
                for fig in new_figures:
                    chunk.append(self._driver_row(figure_row(fig)))
                    offered += 1
                    if len(chunk) >= CHUNK_ROWS:
                        # executemany's rowcount is the rows inserted (sqlite3 and psycopg 3 sum
                        # it over the batch); ON CONFLICT DO NOTHING rows count 0.
                        added += conn.exec_driver_sql(self._bulk_insert_sql, chunk).rowcount
                        chunk = []
                if chunk:
                    added += conn.exec_driver_sql(self._bulk_insert_sql, chunk).rowcount
                if added:
                    conn.execute(update(store_meta).where(store_meta.c.name == "figures_revision")
                                 .values(value=store_meta.c.value + 1))
                    write_audit(conn, "figures_imported", by, detail=(f"{source}: " if source else "") +
                                f"{added} figure(s) added, {offered - added} already stored")
        except SQLAlchemyError as e:
            raise StoreError(f"could not write figures to {_hide_password(self.url)}: {_one_line(e)}") from None
        report.added += added
        report.skipped_duplicates += offered - added
        return report

    def _driver_row(self, row: dict[str, Any]) -> tuple:
        values = tuple(row[c] for c in FIGURE_COLUMNS)
        if self._dates_as_text:
            values = tuple(v.isoformat() if isinstance(v, date) else v for v in values)
        return values

    def load_seed(self, directory: Path = SEED_DIR) -> ImportReport:
        """Import every project-format CSV in ``directory`` (the seed: China's customs figures)."""
        report = ImportReport()
        for path in sorted(Path(directory).glob("*.csv")):
            import_file(self, path, format="csv", report=report, by=Writer("seed"))
        return report

    # -- checks: articles, claims, verdicts

    # -- diagnostics

    def explain_lookups(self) -> dict[str, list[str]]:
        """The database's plan for the ``cell`` and ``months`` queries as the lookups send them
        (SQLite ``EXPLAIN QUERY PLAN``, PostgreSQL ``EXPLAIN``), to see the indexes used."""
        series = ("CHN", "PRK", "total", "USD", ALL_GOODS)
        queries = {
            "cell": (self._cell_sql, series + (date(2025, 9, 1), date(2025, 9, 30))),
            "months": (self._months_sql, series + (date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31))),
        }
        prefix = "EXPLAIN QUERY PLAN " if self.engine.dialect.name == "sqlite" else "EXPLAIN "
        return {name: [" ".join(str(c) for c in row) for row in self._query(prefix + sql, params)]
                for name, (sql, params) in queries.items()}


def _release() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsclaims")
    except PackageNotFoundError:
        return "(source checkout)"


def _cell_of(row: Any) -> tuple:
    m = row._mapping
    return (m["reporter"], m["partner"], m["from_date"], m["to_date"], m["flow"], m["currency"], m["commodity_key"])


__all__ = [
    "ALL_GOODS", "ImportReport", "SEED_DIR", "SavedCheck", "Store", "StoreError", "Writer", "figure_id",
    "period_label", "granularity_of", "resolve_url",
]
