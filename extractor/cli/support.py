"""What every newsclaims command shares: one-line errors and opening the store."""
from __future__ import annotations

from enum import Enum
from typing import NoReturn, Optional

import typer
from rich.console import Console

from ..pipeline.articles import AMOUNT_SCOPES

err_console = Console(stderr=True)

# --amount-scope of extract and batch: typer checks the value and lists the choices
AmountScope = Enum("AmountScope", {s: s for s in AMOUNT_SCOPES}, type=str)
AMOUNT_SCOPE_HELP = ("claims (default): the amounts a claim can be checked on; all: every quantity "
                     "(also ages, 'dozens of', 'one X', bare numbers).")

DB_HELP = ("Database: a SQLAlchemy URL (sqlite:///path.db, postgresql+psycopg://user:pw@host/db) or a "
           "SQLite file path. Default: $NEWSCLAIMS_DB, else ~/.local/share/newsclaims/newsclaims.db.")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one red line on stderr and exit (2: bad input or arguments)."""
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True, markup=True)
    raise typer.Exit(code)


def open_store(db: Optional[str]):
    from ..verify.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as e:
        fail(str(e))


def print_rows_as_json(rows: list, format_name: str) -> bool:
    """Write store rows as one JSON document ("json") or JSON lines ("jsonl"); False for any
    other format (the caller draws its table)."""
    import json
    import sys

    if format_name == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format_name == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        return False
    return True
