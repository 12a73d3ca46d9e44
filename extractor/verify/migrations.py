"""Upgrading a store in place: the schema version table and the steps from one version to the next.

:func:`upgrade` runs when a :class:`~extractor.verify.store.Store` opens a database:

- an empty database gets the current tables (:data:`.schema.SCHEMA_VERSION`);
- a store made by the release before versions (tables ``figures`` and ``articles``, no
  ``store_meta``) is version 1;
- each step from the store's version to the current one runs in one transaction, under a
  lock (PostgreSQL: an advisory lock; SQLite: ``BEGIN IMMEDIATE``), so two processes opening
  the same store at once upgrade it once; the version is read again under the lock;
- a store newer than this release is refused, never written.

Why plain SQLAlchemy DDL and not Alembic: the store is embedded (a user's SQLite file) as
often as shared (a newsroom's PostgreSQL), so upgrades must run by themselves when a command
opens the store, with no migration command and no ini file to ship; the steps are few and
small, and both backends are tested from a store the earlier release made. Alembic would add
a dependency and its own version table for none of its strengths (autogenerate, branches,
downgrades), and it does not take a lock for concurrent starts either.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable, Iterator

from sqlalchemy import insert, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine

from .schema import (
    SCHEMA_VERSION,
    StoreError,
    article_versions,
    articles,
    audit_log,
    figures,
    metadata,
    store_meta,
)

#: Any fixed number: the key of PostgreSQL's advisory lock held while a store is upgraded.
_PG_LOCK_KEY = 727_386_110


def text_sha256(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def verdicts_sha256(result: dict) -> str:
    """What a check concluded, as one hash: its verdicts and the article's consistency findings."""
    concluded = {"verdicts": result.get("verdicts") or [], "consistency": result.get("consistency") or []}
    return hashlib.sha256(json.dumps(concluded, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":"), default=str).encode("utf-8")).hexdigest()


def read_version(conn: Connection) -> int:
    """The schema version of the database ``conn`` is on: 0 for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if "store_meta" in tables:
        row = conn.execute(select(store_meta.c.value).where(store_meta.c.name == "schema_version")).first()
        if row is not None:
            return int(row[0])
    if tables & {"figures", "articles"}:
        return 1
    return 0


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A transaction that no other process's upgrade runs beside."""
    if engine.dialect.name == "sqlite":
        # pysqlite begins transactions lazily and not before DDL; take the write lock ourselves.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
    else:
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            yield conn


def upgrade(engine: Engine, who: str) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; returns the version it was on (0: new).

    ``who`` names the program in the audit row of an upgrade.
    """
    with engine.connect() as conn:
        found = read_version(conn)
    if found == SCHEMA_VERSION:
        return found
    if found > SCHEMA_VERSION:
        raise StoreError(f"the store's schema is version {found}, newer than this newsclaims knows "
                         f"({SCHEMA_VERSION}): upgrade newsclaims")
    with _locked(engine) as conn:
        found = read_version(conn)          # another process may have upgraded meanwhile
        if found == 0:
            metadata.create_all(conn)
            conn.execute(insert(store_meta), [{"name": "schema_version", "value": SCHEMA_VERSION},
                                              {"name": "figures_revision", "value": 0}])
            return 0
        for version in range(found + 1, SCHEMA_VERSION + 1):
            detail = STEPS[version](conn)
            conn.execute(update(store_meta).where(store_meta.c.name == "schema_version").values(value=version))
            conn.execute(insert(audit_log).values(
                at=datetime.now(timezone.utc), action="store_upgraded", who=who,
                detail=f"schema {version - 1} → {version}: {detail}"))
    return found


def _to_2(conn: Connection) -> str:
    """Article versions, the audit log and the figures revision. Every stored check becomes its
    article's version 1, with the time it was checked; claims, verdicts and figures are kept."""
    conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN latest_version INTEGER NOT NULL DEFAULT 1")
    metadata.create_all(conn, tables=[article_versions, audit_log, store_meta])
    kept, last = 0, None
    while True:          # keyset pages: a store of many checks is not read into memory at once
        page = select(articles.c.id, articles.c.checked_at, articles.c.extraction).order_by(articles.c.id).limit(500)
        if last is not None:
            page = page.where(articles.c.id > last)
        rows = conn.execute(page).all()
        if not rows:
            break
        conn.execute(insert(article_versions), [_first_version(row) for row in rows])
        kept += len(rows)
        last = rows[-1].id
    has_figures = conn.execute(select(figures.c.id).limit(1)).first() is not None
    conn.execute(insert(store_meta), [{"name": "schema_version", "value": 1},
                                      {"name": "figures_revision", "value": 1 if has_figures else 0}])
    return f"{kept} checked article(s) kept as version 1"


def _first_version(row) -> dict:
    result = json.loads(row.extraction)
    return {
        "article_id": row.id, "version": 1, "checked_at": row.checked_at,
        "text_sha256": text_sha256((result.get("article") or {}).get("text") or ""),
        "verdicts_sha256": verdicts_sha256(result),
        "figures_revision": None,        # the earlier release did not count figure imports
        "text_changed": False, "verdicts_changed": False, "extraction": row.extraction,
    }


#: STEPS[n] upgrades a store from version n - 1 to n and says what it did (one line).
STEPS: dict[int, Callable[[Connection], str]] = {2: _to_2}
