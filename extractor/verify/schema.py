"""The store's tables and a figure's identity: the SQL schema (figures, articles and their
versions, claims, verdicts, the audit log, the store's own state), period labels and
granularity, commodity keys, figure ids, rows to figures and back. No connection here:
importers, the store and its migrations (:mod:`.migrations`) build on it.

:data:`SCHEMA_VERSION` is the version these tables are; a store made by an earlier release
is upgraded to it in place when it is opened (:mod:`.migrations`).
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from models import Figure

from ..pipeline.calendar_spans import month_end  # noqa: F401  (re-exported: importers and benches use it)

#: ``commodity_key`` of an all-goods figure: Comtrade's cmdCode for "all commodities".
ALL_GOODS = "TOTAL"

#: The version of the tables below. 1: the release before article versions (no ``store_meta``);
#: 2: article versions, the audit log, the figures revision counter.
SCHEMA_VERSION = 2

metadata = MetaData()

figures = Table(
    "figures",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("reporter", String(3), nullable=False),
    Column("partner", String(3), nullable=False),
    Column("flow", String(6), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("commodity_key", String(200), nullable=False),
    Column("from_date", Date, nullable=False),
    Column("to_date", Date, nullable=False),
    Column("granularity", String(8), nullable=False),
    Column("period", String(40), nullable=False),
    Column("value", Float(53), nullable=False),
    Column("precision", Float(53), nullable=False),
    Column("qualifier", Text),
    Column("revision", Integer, nullable=False),
    Column("commodity", Text),
    Column("commodity_name", Text),
    Column("quantity", Text),
    Column("source_name", Text, nullable=False),
    Column("source_outlet", Text),
    Column("source_url", Text),
    Column("published", Date),
    Column("note", Text),
    # store.cell() / revisions(): equality on every column.
    Index("ix_figures_cell", "reporter", "partner", "flow", "currency", "commodity_key", "from_date", "to_date"),
    # store.months(): equality on the series, range on the month.
    Index("ix_figures_series", "reporter", "partner", "flow", "currency", "commodity_key", "granularity", "from_date"),
)

# One row per checked article: its latest version's metadata and JSON. The JSON is also in
# article_versions; keeping the latest here keeps the default read and the listing one
# indexed row each, and a store opened by the release before versions still reads.
articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("checked_at", DateTime(timezone=True), nullable=False),   # of the latest version
    Column("extraction", Text, nullable=False),   # the latest version's contract JSON
    Column("latest_version", Integer, nullable=False, server_default="1"),
)

# Every version of a checked article, never updated or deleted: a new version is added when a
# check of the same id finds other text or other verdicts (what a published ClaimReview
# pointed at stays readable).
article_versions = Table(
    "article_versions",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("verdicts_sha256", String(64), nullable=False),   # of the verdicts and consistency findings
    Column("figures_revision", Integer),         # the store's figures revision used; None: before counting
    Column("text_changed", Boolean, nullable=False),
    Column("verdicts_changed", Boolean, nullable=False),
    Column("extraction", Text, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"]),
)

# Every write to the store: what, when, by whom (a token's name, "open", or a local command)
# and from which client address.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(40), nullable=False),
    Column("who", Text, nullable=False),
    Column("client", Text),
    Column("article_id", String(200)),
    Column("version", Integer),
    Column("detail", Text),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_article", "article_id"),
)

# The store's own state, one integer per name: schema_version (see SCHEMA_VERSION) and
# figures_revision (raised by every import that adds figures; each article version records it).
store_meta = Table(
    "store_meta",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Integer, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("claim_id", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("sentence", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("amount_text", Text),
    Column("amount_value", Float(53)),
    Column("amount_unit", String(40)),
    Column("amount_bound", String(10)),
    Column("amount_change", String(4)),
    Column("period_text", Text),
    Column("period_from", Date),
    Column("period_to", Date),
    Column("period_granularity", String(10)),
    Column("trade_flow", String(12)),
    Column("trade_from", String(3)),
    Column("trade_to", String(3)),
    Column("trade_between", Text),                # JSON list, e.g. ["CHN", "PRK"]
    Column("commodity", Text),
    Column("basis", String(20)),
    Column("comparison_relation", String(20)),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    Index("ix_claims_period", "period_from", "period_to"),
)

# Every country a claim involves (its actors and its trade parties): the "about PRK" filter.
claim_actors = Table(
    "claim_actors",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("claim_id", String(200), primary_key=True),
    Column("actor", String(3), primary_key=True),
    ForeignKeyConstraint(["article_id", "claim_id"], ["claims.article_id", "claims.claim_id"], ondelete="CASCADE"),
    Index("ix_claim_actors_actor", "actor"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), nullable=False),
    Column("claim_id", String(200), nullable=False),
    Column("status", String(20), nullable=False),
    Column("claimed", Float(53)),
    Column("expected", Float(53)),
    Column("unit", String(40)),
    Column("figure_ids", Text, nullable=False),   # JSON list of figures.id
    Column("explanation", Text),
    ForeignKeyConstraint(["article_id", "claim_id"], ["claims.article_id", "claims.claim_id"], ondelete="CASCADE"),
    Index("ix_verdicts_claim", "article_id", "claim_id"),
    Index("ix_verdicts_status", "status"),
)


class StoreError(Exception):
    """A store problem worth one line to the user (bad URL, unreachable server, bad input)."""


@dataclass
class ImportReport:
    """What an import did: rows added, rows already there, rows a format's rules leave out."""

    added: int = 0
    skipped_duplicates: int = 0
    skipped: dict[str, int] = field(default_factory=dict)   # reason -> count (e.g. Comtrade re-exports)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def __str__(self) -> str:
        parts = [f"{self.added} added", f"{self.skipped_duplicates} already in the store"]
        parts += [f"{n} skipped ({reason})" for reason, n in sorted(self.skipped.items())]
        return ", ".join(parts)


# ---------------------------------------------------------------- figure identity


def period_label(from_: date, to: date) -> str:
    """The period string of the seed CSV's ``period`` column: ``2025-09``, ``2019``,
    ``2019-01..2019-06`` (month-aligned spans), else ``2019-01-05..2019-02-03``."""
    if from_.day == 1 and to == month_end(to):
        if from_.month == 1 and to.month == 12 and from_.year == to.year:
            return f"{from_.year}"
        if (from_.year, from_.month) == (to.year, to.month):
            return f"{from_.year}-{from_.month:02d}"
        return f"{from_.year}-{from_.month:02d}..{to.year}-{to.month:02d}"
    return f"{from_.isoformat()}..{to.isoformat()}"


def granularity_of(from_: date, to: date) -> str:
    """Granularity of a span when a file does not say it (Figure.granularity's values)."""
    if from_.day != 1 or to != month_end(to) or from_.year != to.year:
        return "range"
    months = to.month - from_.month + 1
    if months == 1:
        return "month"
    if months == 12:
        return "year"
    if months == 3 and from_.month % 3 == 1:
        return "quarter"
    if months == 6 and from_.month in (1, 7):
        return "half"
    return "range"


def commodity_key(commodity: Optional[str], commodity_name: Optional[str]) -> str:
    """The indexed lookup key: ``TOTAL`` (all goods), the HS code, or ``NAME:<name>``."""
    if commodity:
        return commodity
    if commodity_name:
        return "NAME:" + commodity_name
    return ALL_GOODS


def lookup_key(commodity: Optional[str]) -> str:
    """The key a lookup for ``commodity`` (None = all goods, else an HS code) matches."""
    return commodity if commodity else ALL_GOODS


def figure_id(
    reporter: str, partner: str, flow: str, from_: date, to: date, currency: str, key: str,
    revision: int, value: float, source_url: Optional[str],
) -> str:
    """Stable id: readable cell + revision, then a hash of cell, revision, value and source.

    ``CHN-PRK-total-2025-03-r2-485ef4d233``; goods-level and non-USD figures carry the HS
    code / currency too (``CHN-PRK-import-2023-04-6704-r1-…``). The same figure from the
    same page always gets the same id (so importing it twice is one row); another value or
    another page for the same cell and revision is another row.
    """
    # Unit separator between fields: no field value can contain it, so no two cells collide.
    digest = hashlib.sha256("\x1f".join((
        reporter, partner, flow, from_.isoformat(), to.isoformat(), currency, key, str(revision),
        repr(float(value)), source_url or "",
    )).encode("utf-8")).hexdigest()[:10]
    parts = [reporter, partner, flow, period_label(from_, to)]
    if key != ALL_GOODS:
        parts.append(re.sub(r"[^A-Za-z0-9.]+", "_", key.removeprefix("NAME:")).strip("_").lower()[:40])
    if currency != "USD":
        parts.append(currency)
    return "-".join(parts) + f"-r{revision}-{digest}"


def figure_row(fig: Figure) -> dict[str, Any]:
    """The ``figures`` row of a Figure (its id computed here, whatever it carried)."""
    value = float(fig.value)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"value must be a finite number ≥ 0, not {fig.value!r}")
    if fig.to < fig.from_:
        raise ValueError(f"'to' ({fig.to}) is before 'from' ({fig.from_})")
    key = commodity_key(fig.commodity, fig.commodity_name)
    return {
        "id": figure_id(fig.reporter, fig.partner, fig.flow, fig.from_, fig.to, fig.currency, key,
                        fig.revision, value, fig.source_url),
        "reporter": fig.reporter, "partner": fig.partner, "flow": fig.flow,
        "currency": fig.currency, "commodity_key": key,
        "from_date": fig.from_, "to_date": fig.to, "granularity": fig.granularity, "period": fig.period,
        "value": value, "precision": float(fig.precision), "qualifier": fig.qualifier,
        "revision": fig.revision, "commodity": fig.commodity, "commodity_name": fig.commodity_name,
        "quantity": fig.quantity, "source_name": fig.source_name, "source_outlet": fig.source_outlet,
        "source_url": fig.source_url, "published": fig.published, "note": fig.note,
    }


FIGURE_COLUMNS = [c.name for c in figures.columns]
_AT = {name: i for i, name in enumerate(FIGURE_COLUMNS)}
# Figure field for each column, in table order ("from_date" -> "from"; commodity_key is not a field).
_FIELD_AT = [(("from" if n == "from_date" else "to" if n == "to_date" else n), i)
             for i, n in enumerate(FIGURE_COLUMNS) if n != "commodity_key"]
_REVISION, _PUBLISHED, _ID, _FROM = _AT["revision"], _AT["published"], _AT["id"], _AT["from_date"]


def row_to_figure(row: Any) -> Figure:
    """A Figure from a ``figures`` row in table column order (a SQLAlchemy Row or a driver tuple).

    Dates may be ISO strings (SQLite through the driver); validation parses them.
    model_validate of a complete dict is several times faster than model_construct here.
    """
    return Figure.model_validate({name: row[i] for name, i in _FIELD_AT})


def _newest_last(row: Any) -> tuple:
    """Sort key for the revisions of one cell, oldest first (the module docstring's rule).

    An undated release sorts before any dated one; dates compare as ISO strings or dates.
    """
    published = row[_PUBLISHED]
    return (row[_REVISION], published is not None, published or "", row[_ID])


def _one_line(error: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background-link footer."""
    message = str(getattr(error, "orig", None) or error).strip().splitlines()
    return message[0] if message else type(error).__name__
