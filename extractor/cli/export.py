"""``newsclaims export``: checked articles as schema.org ClaimReview JSON-LD (``extractor.verify.claimreview``)."""
from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Union, Iterator, Optional

import typer

from .support import DB_HELP, fail, open_store

PAGE = 200   # articles read from the store per query when exporting all of them


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def export_command(
    claimreview: bool = typer.Option(
        True, "--claimreview",
        help="schema.org ClaimReview JSON-LD, one object per checked claim: the only export format for now, "
             "so it is also the default."),
    article: Optional[list[str]] = typer.Option(
        None, "--article", "-a", help="Export this article id (repeat for several). Default: every article."),
    input: Optional[str] = typer.Option(
        None, "--input", "-i",
        help="Read check results from this file instead of the store: one JSON result, a JSON list of them, "
             "or JSON lines as 'newsclaims batch --check' writes them; - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " Not with --input."),
    format: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f",
                                        help="json (one array) or jsonl (one review per line)."),
    review_url: Optional[str] = typer.Option(
        None, "--review-url",
        help="URL of the page where a review is published; {article} and {claim} are replaced by the ids, "
             "e.g. 'https://factcheck.example/articles/{article}#claim-{claim}'."),
    reviewer: str = typer.Option("newsclaims", "--reviewer", help="Name of the organization publishing the reviews."),
    reviewer_url: Optional[str] = typer.Option(None, "--reviewer-url", help="Its web address."),
    date_reviewed: Optional[str] = typer.Option(
        None, "--date-reviewed",
        help="YYYY-MM-DD the reviews are published. Default: when the store checked each article; "
             "none for --input (a results file does not say when it was checked)."),
):
    """Export checked claims as schema.org ClaimReview JSON-LD (one review per verdict).

    Each review carries the claim's sentence, the article it appeared in (URL, headline, date,
    outlet), the verdict as the rating's alternateName (supported 5, close 4, contradicted 1 on a
    1-5 scale; unverifiable has the word alone) and the explanation as reviewBody.

    Example:

        newsclaims export --claimreview --article trade-claims-showcase --review-url 'https://factcheck.example/{article}#{claim}'

        newsclaims batch corpus/ --out results.jsonl --check && newsclaims export --input results.jsonl --format jsonl
    """
    from ..verify.claimreview import claim_reviews

    # --claimreview names the format so that scripts keep working when a second one is added;
    # being the only one, it is on whether or not it is given.
    if input is not None and db is not None:
        fail("--db reads the store and --input a results file; give one of them")
    reviewed: Optional[str] = None
    if date_reviewed is not None:
        try:
            reviewed = date.fromisoformat(date_reviewed).isoformat()
        except ValueError:
            fail(f"--date-reviewed must be a date YYYY-MM-DD; got {date_reviewed!r}")
    wanted = list(dict.fromkeys(article or []))

    if input is not None:
        results = [(r, reviewed) for r in _select(read_results(input), wanted, input)]
    else:
        results = _from_store(open_store(db), wanted, reviewed)

    reviews = []
    for result, when in results:
        try:
            reviews.extend(claim_reviews(result, reviewer=reviewer, reviewer_url=reviewer_url,
                                         review_url=review_url, date_reviewed=when))
        except ValueError as e:
            fail(str(e))
    if format is ExportFormat.jsonl:
        for review in reviews:
            sys.stdout.write(json.dumps(review, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")


def read_results(path: str) -> list[dict]:
    """Check results from a file or stdin: a JSON object, a JSON list, or JSON lines."""
    if path == "-":
        raw, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        file = Path(path)
        if not file.is_file():
            fail(f"{path}: no such file" if not file.exists() else f"{path} is not a file")
        raw, name = file.read_bytes(), file.name
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{name} is not UTF-8 text")
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as whole:
        # Not one document: JSON lines (batch output), one result per non-empty line.
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2:
            fail(f"{name} is not valid JSON: {whole.msg} at line {whole.lineno} column {whole.colno}")
        items = []
        for lineno, line in lines:
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"{name} is neither JSON nor JSON lines: {e.msg} at line {lineno} column {e.colno}")
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("article"), dict) or not item["article"].get("id"):
            fail(f"{name}: item {i + 1} is not a check result (an object whose 'article' has an 'id')")
    return items


def _select(results: list[dict], wanted: list[str], source: str) -> list[dict]:
    if not wanted:
        return results
    by_id = {r["article"]["id"]: r for r in results}
    missing = [w for w in wanted if w not in by_id]
    if missing:
        fail(f"no article {', '.join(map(repr, missing))} in {source}")
    return [by_id[w] for w in wanted]


def _from_store(store, wanted: list[str], reviewed: Optional[str]) -> list[tuple[dict, Union[str, date, None]]]:
    """(stored result, review date) for the wanted articles, or all, newest publication first.

    A review's date is the day its check was stored, unless ``--date-reviewed`` says otherwise.
    """
    from ..verify.store import StoreError

    try:
        if wanted:
            found = {w: store.get_article(w) for w in wanted}
            missing = [w for w, r in found.items() if r is None]
            if missing:
                fail(f"no checked article {', '.join(map(repr, missing))} in the store")
            return [(found[w], reviewed or store.checked_on(w)) for w in wanted]
        out = []
        for row in _all_rows(store):
            result = store.get_article(row["id"])
            if result is not None:   # deleted between the two reads
                out.append((result, reviewed or _day(row.get("checked_at"))))
        return out
    except StoreError as e:
        fail(str(e))


def _all_rows(store) -> Iterator[dict]:
    offset = 0
    while True:
        rows = store.list_articles(limit=PAGE, offset=offset)
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def _day(timestamp: Optional[str]) -> Optional[str]:
    return timestamp[:10] if timestamp else None
