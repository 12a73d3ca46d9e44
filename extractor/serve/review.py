"""The fact-checker's review page: an article with its claims marked, verdicts beside it.

``/`` takes a pasted article or an uploaded file (the page sends it to ``POST /v1/check``
and opens the stored result); ``/articles/{id}`` shows a checked article from the store, its
latest version or ``?version=N``, and says which ("version 2 of 3 — text changed on …") with
a link to each version:

- the text with amounts, periods, actors and sources highlighted in distinct styles
  (:func:`highlight`); spans may nest ("China" inside "China's General Administration of
  Customs"), so the text is cut at every span boundary and each piece carries the classes
  of every span covering it;
- each claim with its verdict badge (the contract's statuses, plus "inconsistent" where
  the article contradicts itself), the explanation, for trade claims the chart of the
  monthly series and the figures with their source links, and "Copy as ClaimReview".

The article is always shown as text: templates autoescape, the chart escapes its labels,
only http(s) source links become links, and the pages' Content-Security-Policy allows
no inline script, so an article holding ``<script>`` shows it and never runs it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .store_calls import store_call

HERE = Path(__file__).resolve().parent
#: Scripts only from our own /static; inline styles are allowed for the chart's SVG.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
BADGES = ("supported", "close", "contradicted", "unverifiable", "inconsistent")


@dataclass
class Piece:
    """A run of article text and the highlight classes of every span covering it."""

    text: str
    classes: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()      # ids of the claims whose sentence this piece is in


def _amount_label(a: dict) -> str:
    label = f"amount: {a['value']:,.10g} {a['unit']}"
    if a.get("bound") and a["bound"] != "exact":
        label += f" ({a['bound'].replace('_', ' ')})"
    if a.get("change"):
        label += f", change {a['change']}"
    return label


def _period_label(p: dict) -> str:
    if p.get("from"):
        span = p["from"] if p["from"] == p.get("to") else f"{p['from']} to {p.get('to')}"
    else:
        span = p.get("duration") or "unresolved"
    return f"period: {span}"


def _actor_label(a: dict) -> str:
    return f"{a['type']}: {a['name']}" + (f" ({a['id']})" if a.get("id") else "")


def _source_label(s: dict) -> str:
    return f"source: {s['name']}" + (f", via {s['via']}" if s.get("via") else "") + (
        f" ('{s['cue']}')" if s.get("cue") else "")


LAYERS: tuple[tuple[str, str, Callable[[dict], str]], ...] = (
    ("source", "sources", _source_label),      # outermost first: the widest spans
    ("actor", "actors", _actor_label),
    ("period", "periods", _period_label),
    ("amount", "amounts", _amount_label),
)

LAYER_ORDER = [layer for layer, _, _ in LAYERS]


def highlight(result: dict) -> list[Piece]:
    """The article text cut at every mention boundary; each piece names the layers covering it.

    A sweep over the boundaries: O((n + m) log m) for n characters and m mentions.
    """
    text = result["article"]["text"]
    marks = []
    for layer, key, label in LAYERS:
        for item in result.get(key) or []:
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                marks.append((start, end, layer, label(item)))
    # Claim sentences: not styled, but the page lights a claim's sentence up from its card.
    for claim in result.get("claims") or []:
        start, end = claim.get("start"), claim.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            marks.append((start, end, "claim", claim["id"]))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    starting: dict[int, list] = {}
    for m in marks:
        starting.setdefault(m[0], []).append(m)
    active: list = []
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m[1] > a] + starting.get(a, [])
        order = sorted((m for m in active if m[2] != "claim"), key=lambda m: LAYER_ORDER.index(m[2]))
        pieces.append(Piece(text[a:b], tuple(dict.fromkeys(m[2] for m in order)),
                            tuple(dict.fromkeys(m[3] for m in order)),
                            tuple(sorted({m[3] for m in active if m[2] == "claim"}))))
    return pieces


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an http(s) address, else None: a ``javascript:`` link never renders."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


@dataclass
class ClaimView:
    id: str
    kind: str
    sentence: str
    stated: str = ""
    period: str = ""
    who: str = ""
    according_to: str = ""
    verdict: Optional[dict] = None
    inconsistent: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    chart_svg: Optional[str] = None
    chart_figures: list[dict] = field(default_factory=list)   # every stored figure the chart draws
    claimreview: Optional[str] = None


def claim_views(result: dict, store, chart: Callable[[dict, str], Any],
                date_reviewed: Optional[date] = None) -> list[ClaimView]:
    """What the page shows for each claim, in the article's order. ``chart(result, claim_id)``
    gives the claim's :class:`extractor.serve.chart.ChartData` or None."""
    from ..verify.wording import country_name

    verdicts = {v["claim"]: v for v in result.get("verdicts") or []}
    inconsistent: dict[str, list[str]] = {}
    for c in result.get("consistency") or []:
        if c.get("status") == "inconsistent":
            for claim_id in c["claims"]:
                inconsistent.setdefault(claim_id, []).append(c["explanation"])
    amounts, periods = result.get("amounts") or [], result.get("periods") or []
    actors, sources = result.get("actors") or [], result.get("sources") or []
    views = []
    for claim in result.get("claims") or []:
        view = ClaimView(claim["id"], claim["kind"].replace("_", " "), claim["sentence"])
        if claim.get("amount") is not None:
            view.stated = amounts[claim["amount"]]["text"]
        if claim.get("period") is not None:
            p = periods[claim["period"]]
            view.period = f"{p['text']} ({_period_label(p).removeprefix('period: ')})"
        trade = claim.get("trade")
        if trade:
            if trade["flow"] == "total":
                view.who = "trade between " + " and ".join(country_name(c) for c in trade.get("between") or [])
            else:
                view.who = f"{country_name(trade.get('from'))} → {country_name(trade.get('to'))}"
            if trade.get("commodity"):
                view.who += f" (HS {trade['commodity']})"
        elif claim.get("actors"):
            view.who = ", ".join(dict.fromkeys(actors[i]["name"] for i in claim["actors"]))
        view.according_to = " ← ".join(sources[i]["name"] for i in claim.get("sources") or [])
        view.inconsistent = inconsistent.get(claim["id"], [])
        verdict = verdicts.get(claim["id"])
        if verdict is not None:
            view.verdict = verdict
            view.figures = [_figure_row(e, store.get_figure(e["id"])) for e in verdict.get("evidence") or []]
            from ..verify.claimreview import claim_review

            view.claimreview = json.dumps(claim_review(result, claim["id"], date_reviewed=date_reviewed),
                                          ensure_ascii=False, indent=2)
        data = chart(result, claim["id"]) if trade else None
        if data is not None:
            from .chart import render_svg

            view.chart_svg = render_svg(data)
            ids = list(dict.fromkeys(i for bar in data.bars for i in bar.figure_ids))
            stored = [f for f in map(store.get_figure, ids) if f is not None]
            view.chart_figures = [_figure_row(f.model_dump(mode="json"), f) for f in stored]
        views.append(view)
    return views


def _figure_row(fields: dict, stored) -> dict:
    """One row of a figures table: ``fields`` are a verdict's evidence or a stored figure's
    own (they share id, reporter, partner, flow, period, value, currency, source_url);
    ``stored`` is the store's :class:`models.Figure`, for who published it and when."""
    from ..verify.wording import country_name, money

    flow = fields["flow"]
    reporter, partner = country_name(fields["reporter"]), country_name(fields["partner"])
    what = {"export": f"{reporter}'s exports to {partner}", "import": f"{reporter}'s imports from {partner}",
            "total": f"{reporter}'s trade with {partner}"}.get(flow, flow)
    return {
        "period": fields["period"], "what": what,
        "value": money(fields["value"], fields["currency"]),
        "mirror": fields.get("mirror", False),
        "source": (stored.source_name + (f" via {stored.source_outlet}" if stored.source_outlet else "")) if stored else "",
        "published": stored.published.isoformat() if stored and stored.published else "",
        "url": safe_url(fields.get("source_url")),
    }


def _templates():
    from fastapi.templating import Jinja2Templates

    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True       # also for names not ending in .html
    return templates


def version_banner(versions: list[dict], shown: int) -> dict:
    """What the page says about versions: "version 2 of 3 — text changed on 2026-01-22", and
    a link for each version (the one shown is not a link)."""
    current = next(v for v in versions if v["version"] == shown)
    return {
        "shown": shown, "count": len(versions), "latest": versions[-1]["version"],
        "change": _change_words(current), "on": current["checked_at"][:10],
        "versions": [{"version": v["version"], "change": _change_words(v), "on": v["checked_at"][:10],
                      "verdicts": v["verdicts"]} for v in versions],
    }


def _change_words(version: dict) -> str:
    if version["version"] == 1:
        return "first checked"
    changed = [what for what, flag in (("text", version["text_changed"]), ("verdicts", version["verdicts_changed"]))
               if flag]
    return " and ".join(changed) + " changed" if changed else "checked again"


def mount_review(app: FastAPI, store, access=None) -> None:
    """Add the review pages and their static files to the service's app. ``access``
    (:class:`extractor.serve.auth.Access`): on a private server the pages ask for a token
    (HTTP Basic: the browser asks, the token is the password); the intake page asks for one
    when writes need it."""

    templates = _templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    private = bool(access and access.private)
    write_needs_token = bool(access and not access.writes_open)

    def chart_for(result: dict, claim_id: str):
        from .chart import chart_data

        return chart_data(result, claim_id, store)

    def guard(request: Request) -> None:
        if private:
            access.require_token(request, write=False, what="this private server",
                                 challenge='Basic realm="newsclaims", charset="UTF-8"')

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        response = templates.TemplateResponse(request, name, context, status_code=status)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        guard(request)
        return page(request, "index.html", {"articles": store_call(store.list_articles, limit=50),
                                            "write_needs_token": write_needs_token})

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, version: Optional[int] = Query(None, ge=1)):
        guard(request)
        versions = store_call(store.list_versions, article_id)
        shown = version or (versions[-1]["version"] if versions else None)
        result = store_call(store.get_article, article_id, shown) if versions else None
        if result is None:
            return page(request, "missing.html", {"article_id": article_id, "version": version}, status=404)
        return page(request, "article.html", {
            "result": result,
            "article": result["article"],
            "article_url": safe_url(result["article"].get("url")),
            "pieces": highlight(result),
            "claims": claim_views(result, store, chart_for, store_call(store.checked_on, article_id, shown)),
            "consistency": [c for c in result.get("consistency") or [] if c.get("status") == "inconsistent"],
            "banner": version_banner(versions, shown),
        })

    @app.exception_handler(404)
    async def not_found(request: Request, exc: HTTPException):
        from fastapi.responses import JSONResponse

        if request.url.path.startswith("/v1/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": getattr(exc, "detail", "Not Found")}, status_code=404)
        return page(request, "missing.html", {"article_id": None}, status=404)
