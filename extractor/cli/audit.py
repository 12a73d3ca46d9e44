"""``newsclaims audit``: every write to the store, newest first (mounted by ``extractor.cli``)."""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from enum import Enum
from typing import Optional

import typer

from .support import print_rows_as_json, DB_HELP, fail, open_store

ACTIONS = ("check_stored", "version_added", "figures_imported", "store_upgraded")


class AuditFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def audit_command(
    article: Optional[str] = typer.Option(None, "--article", "-a", help="Only the writes to this article id."),
    action: Optional[str] = typer.Option(None, "--action", help="Only this kind of write: " + ", ".join(ACTIONS) + "."),
    since: Optional[str] = typer.Option(None, "--since", help="Only writes at or after this day or time (YYYY-MM-DD, ISO 8601; UTC unless it says)."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many rows."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (paging)."),
    format: AuditFormat = typer.Option(AuditFormat.table, "--format", "-f", help="table, json or jsonl."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """List the store's audit log: every check stored, version added and figures import,
    when, by whom (a token's name, 'open', or the local command and user) and from which address.

    Example:

        newsclaims audit --article story-1

        newsclaims audit --action version_added --since 2026-01-01 --format jsonl
    """
    from ..verify.store import StoreError

    if action is not None and action not in ACTIONS:
        fail(f"--action takes {', '.join(ACTIONS)}; got {action}")
    start = None
    if since is not None:
        try:
            start = datetime.fromisoformat(since)
        except ValueError:
            fail(f"--since must be a date or time in ISO 8601 (2026-01-21 or 2026-01-21T09:00); got {since!r}")
        if start.tzinfo is None:
            start = start.replace(tzinfo=timezone.utc)
    try:
        rows = open_store(db).audit(limit=limit, offset=offset, action=action, article_id=article, since=start)
    except StoreError as e:
        fail(str(e))
    if print_rows_as_json(rows, format.value):
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(header_style="bold")
    for col in ("at (UTC)", "action", "who", "client", "article", "version", "detail"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(row["at"][:19].replace("T", " "), row["action"], row["who"], row["client"] or "",
                      row["article_id"] or "", "" if row["version"] is None else str(row["version"]),
                      row["detail"] or "")
    Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200).print(table)
