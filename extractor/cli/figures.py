"""``newsclaims figures``: import, list and show the official figures claims are checked against.

Mounted by the main command line (``app.add_typer(figures_app, name="figures")``); also
runnable alone as ``python -m extractor.cli.figures``. Errors are one red line on stderr
and exit status 2, never a traceback.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from datetime import date
from enum import Enum
from typing import Iterable, Optional

import typer
from rich.console import Console
from rich.table import Table

from models import Figure

from .support import DB_HELP, fail, open_store

figures_app = typer.Typer(
    name="figures",
    help="The official figures claims are checked against: import, list, show.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ImportFormat(str, Enum):
    comtrade = "comtrade"
    csv = "csv"


class ListFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def parse_period_bound(text: str, *, end: bool, option: str) -> date:
    """``2025`` / ``2025-09`` / ``2025-09-15`` → the first day (``end=False``) or the last day of it."""
    from ..pipeline.calendar_spans import month_end

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        if day:
            return date(year, month, day)
        if month:
            first = date(year, month, 1)
            return month_end(first) if end else first
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        fail(f"{option} {text!r}: give a year (2025), a month (2025-09) or a day (2025-09-15)")


def _stdout_console() -> Console:
    # Piped output is not wrapped to rich's 80-column default: ids and URLs stay on one line.
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 250)


def _figure_json(fig: Figure) -> dict:
    return fig.model_dump(mode="json", by_alias=True)


def _write_figures(figures: Iterable[Figure], fmt: ListFormat) -> None:
    from ..verify.importers import PROJECT_COLUMNS, figure_to_project_row

    out = sys.stdout
    if fmt is ListFormat.json:
        # Streamed, so a large store lists in constant memory.
        out.write("[")
        for i, fig in enumerate(figures):
            out.write(("\n  " if i == 0 else ",\n  ") + json.dumps(_figure_json(fig), ensure_ascii=False))
        out.write("\n]\n")
    elif fmt is ListFormat.jsonl:
        for fig in figures:
            out.write(json.dumps(_figure_json(fig), ensure_ascii=False) + "\n")
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(out, fieldnames=["id", *PROJECT_COLUMNS], lineterminator="\n")
        writer.writeheader()
        for fig in figures:
            writer.writerow({"id": fig.id, **figure_to_project_row(fig)})
    else:
        table = Table(show_edge=False, pad_edge=False)
        for name, justify in (("id", "left"), ("flow", "left"), ("period", "left"), ("value", "right"),
                              ("±", "right"), ("cur", "left"), ("hedge", "left"), ("rev", "right"),
                              ("goods", "left"), ("source", "left")):
            table.add_column(name, justify=justify, overflow="fold", no_wrap=name in ("id", "period", "value"))
        for fig in figures:
            goods = fig.commodity or (fig.commodity_name and f"({fig.commodity_name})") or "all"
            source = fig.source_name + (f" via {fig.source_outlet}" if fig.source_outlet else "")
            table.add_row(fig.id, f"{fig.reporter}→{fig.partner} {fig.flow}", fig.period, f"{fig.value:,.0f}",
                          f"{fig.precision:,.0f}", fig.currency, fig.qualifier or "", str(fig.revision),
                          goods, source)
        _stdout_console().print(table)


@figures_app.command("import")
def import_command(
    file: str = typer.Argument(..., metavar="FILE", help="A project CSV or a UN Comtrade export (.csv or .json)."),
    format: Optional[ImportFormat] = typer.Option(None, "--format", "-f", help="csv (the project's) or comtrade; default: recognized from the content."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP, envvar="NEWSCLAIMS_DB", show_envvar=False),
):
    """Import figures from FILE: all rows or none (a bad row names its line); importing twice adds nothing.

    Examples:

        newsclaims figures import comtrade-chn-prk-2025.json

        newsclaims figures import figures.csv --format csv --db postgresql+psycopg://me@localhost/news
    """
    from ..verify.importers import ImportFileError, import_file
    from ..verify.store import StoreError, Writer

    store = open_store(db)
    try:
        report = import_file(store, file, format.value if format else None, by=Writer.local("cli"))
    except (ImportFileError, StoreError) as e:
        fail(f"{e} (nothing imported)" if isinstance(e, ImportFileError) else str(e))
    finally:
        store.close()
    typer.echo(f"{file}: {report}")


@figures_app.command("list")
def list_command(
    reporter: Optional[str] = typer.Option(None, "--reporter", help="ISO alpha-3 of the recording country, e.g. CHN."),
    partner: Optional[str] = typer.Option(None, "--partner", help="ISO alpha-3 of the partner, e.g. PRK (WLD = all)."),
    flow: Optional[str] = typer.Option(None, "--flow", help="export, import or total."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Periods starting on or after: 2025, 2025-01 or 2025-01-15."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Periods ending on or before: 2025, 2025-12 or 2025-12-31."),
    currency: Optional[str] = typer.Option(None, "--currency", help="USD, CNY, …"),
    commodity: Optional[str] = typer.Option(None, "--commodity", help="An HS code, or TOTAL for all-goods figures only."),
    all_revisions: bool = typer.Option(False, "--all-revisions", help="Every revision, not only the latest of each cell."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many figures."),
    output: ListFormat = typer.Option(ListFormat.json, "--format", help="json, jsonl, csv (the importable project CSV) or table."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP, envvar="NEWSCLAIMS_DB", show_envvar=False),
):
    """List stored figures (latest revision of each cell unless --all-revisions).

    Examples:

        newsclaims figures list --reporter CHN --partner PRK --flow total --from 2025-01 --to 2025-12 --format table

        newsclaims figures list --format csv > figures.csv
    """
    from ..verify.store import StoreError

    if flow is not None and flow not in ("export", "import", "total"):
        fail(f"--flow {flow!r}: use export, import or total")
    start = parse_period_bound(date_from, end=False, option="--from") if date_from else None
    end = parse_period_bound(date_to, end=True, option="--to") if date_to else None
    store = open_store(db)
    try:
        _write_figures(store.iter_figures(
            reporter and reporter.upper(), partner and partner.upper(), flow, start, end,
            currency and currency.upper(), commodity, limit, all_revisions=all_revisions), output)
    except StoreError as e:
        fail(str(e))
    except BrokenPipeError:
        # `figures list | head`: the reader has gone, which is not an error. Point stdout at
        # /dev/null so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        store.close()


@figures_app.command("show")
def show_command(
    figure_id: str = typer.Argument(..., metavar="ID", help="A figure id, as `figures list` prints it."),
    output: ListFormat = typer.Option(ListFormat.json, "--format", help="json or table."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP, envvar="NEWSCLAIMS_DB", show_envvar=False),
):
    """Show one figure with its provenance (source, page, release date, note).

    Example:

        newsclaims figures show CHN-PRK-total-2025-03-r2-485ef4d233
    """
    from ..verify.store import StoreError

    store = open_store(db)
    try:
        fig = store.get_figure(figure_id)
    except StoreError as e:
        fail(str(e))
    finally:
        store.close()
    if fig is None:
        fail(f"no figure with id {figure_id!r}; `newsclaims figures list` prints the ids")
    if output is ListFormat.table:
        table = Table(show_header=False, show_edge=False, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for key, value in _figure_json(fig).items():
            table.add_row(key, "" if value is None else str(value))
        _stdout_console().print(table)
    elif output is ListFormat.csv:
        _write_figures([fig], output)
    else:
        sys.stdout.write(json.dumps(_figure_json(fig), indent=2 if output is ListFormat.json else None,
                                    ensure_ascii=False) + "\n")


if __name__ == "__main__":
    figures_app()
