"""What every newsclaims command shares: one-line errors and opening the store."""
from __future__ import annotations

from typing import NoReturn, Optional

import typer
from rich.console import Console

err_console = Console(stderr=True)

DB_HELP = ("Database: a SQLAlchemy URL (sqlite:///path.db, postgresql+psycopg://user:pw@host/db) or a "
           "SQLite file path. Default: $NEWSCLAIMS_DB, else ~/.local/share/newsclaims/newsclaims.db.")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one red line on stderr and exit (2: bad input or arguments)."""
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True, markup=True)
    raise typer.Exit(code)


def open_store(db: Optional[str]):
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as e:
        fail(str(e))
