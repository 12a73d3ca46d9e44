"""The HTTP service: newsclaims for newsroom ingestion, and the fact-checker's review page.

    >>> from extractor.serve.app import create_app
    >>> app = create_app("sqlite:///newsclaims.db")       # or: newsclaims serve --db …

Endpoints (OpenAPI at ``/docs``):

- ``POST /v1/extract``, ``POST /v1/check``: one article as JSON (the contract's
  ``article`` fields), plain text or HTML (main text through trafilatura); article
  metadata may also come as query parameters, and what the request states wins over
  what the HTML page suggests. ``check`` stores the article, its claims and verdicts.
- ``GET /v1/articles``, ``/v1/articles/{id}``, ``/v1/articles/{id}/claimreview``,
  ``/v1/claims``, ``/v1/figures``: reads from the store, open to anyone.
- ``POST /v1/figures``: imports figures; needs ``Authorization: Bearer <token>`` where the
  token is the server's ``NEWSCLAIMS_API_TOKEN`` (no token set: importing is disabled).
- ``GET /healthz``.

Limits: a body over ``max_body`` bytes (default 2 MB) gets 413 before it is parsed;
malformed input gets 422 whose ``detail`` says what is wrong; an extraction past
``timeout`` seconds is stopped (its worker process killed and replaced, see
:mod:`extractor.serve.workers`) and answered 503, and the server goes on serving.
"""
from __future__ import annotations

import hmac
import itertools
import json
import os
import tempfile
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.concurrency import run_in_threadpool

from models import Extraction, Figure

from .store_calls import store_call

#: Environment variable holding the bearer token that ``POST /v1/figures`` requires.
TOKEN_ENV = "NEWSCLAIMS_API_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
VERDICT_STATUSES = ("supported", "close", "contradicted", "unverifiable")
MAX_PAGE = 1000

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html", "application/xhtml+xml")
CSV_TYPES = ("text/csv", "application/csv")


class ArticleIn(BaseModel):
    """An article as the contract's ``article`` object has it; only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str
    published: Optional[str] = None
    id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None


class Page(BaseModel):
    items: list[Any]
    limit: int
    offset: int
    next_offset: Optional[int] = None   # None on the last page


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` is answered 413 unread.

    The whole body is read (up to the limit) before the app sees it, so a chunked upload
    without Content-Length is held to the same limit as one that declares its size.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._too_large(send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._too_large(send)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, send):
        payload = json.dumps({"detail": f"request body is larger than the limit of {self.max_bytes:,} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"connection", b"close"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise HTTPException(422, f"{what} is not UTF-8 text (byte {e.start})") from None


def _json_body(body: bytes) -> Any:
    try:
        return json.loads(_decode(body, "the JSON body"))
    except json.JSONDecodeError as e:
        raise HTTPException(422, f"the body is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None


def _validation_message(errors: list) -> str:
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


_ARTICLE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}, "example": "China's exports to North Korea rose 20.9% …"},
        "text/html": {"schema": {"type": "string"}, "example": "<html>…</html>"},
    },
}


def create_app(db: Optional[str] = None, *, workers: int = 1, model: Optional[str] = None,
               max_body: int = DEFAULT_MAX_BODY, timeout: float = DEFAULT_TIMEOUT,
               token: Optional[str] = None) -> FastAPI:
    """The service's ASGI app. ``db``: the store's URL (default: the embedded SQLite);
    ``workers``: extraction processes; ``token``: for ``POST /v1/figures`` (default
    ``$NEWSCLAIMS_API_TOKEN``)."""
    from ..verify.store import Store

    # An empty token would let an empty bearer through: it means "no token", imports disabled.
    token = (token if token is not None else os.environ.get(TOKEN_ENV)) or None
    store = Store(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from .workers import ExtractionPool

        app.state.pool = ExtractionPool(size=workers, model=model)
        try:
            yield
        finally:
            app.state.pool.close()
            store.close()

    app = FastAPI(
        title="newsclaims",
        summary="Extract checkable claims from news articles and check trade figures against customs statistics.",
        version=_version(),
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load their scripts from a CDN, which a newsroom's
        # closed network may not reach: /docs is served below from a packaged Swagger UI.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.timeout = timeout
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.exception_handler(RequestValidationError)
    async def readable_422(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors())
        return JSONResponse({"detail": _validation_message(errors), "errors": errors}, status_code=422)

    # -- reading an article from a request ----------------------------------

    async def article_from(request: Request, meta: dict[str, Optional[str]]) -> dict:
        body = await request.body()
        if not body.strip():
            raise HTTPException(422, "the request body is empty: send an article as JSON, plain text or HTML")
        kind = _media_type(request)
        if kind in JSON_TYPES or kind.endswith("+json"):
            data = _json_body(body)
            if not isinstance(data, dict):
                raise HTTPException(422, f"the JSON body must be one article object with a 'text' field, not a {type(data).__name__}")
            try:
                article = ArticleIn.model_validate(data).model_dump()
            except ValidationError as e:
                raise HTTPException(422, _validation_message(e.errors())) from None
        elif kind in TEXT_TYPES or kind == "":
            article = {"text": _decode(body, "the body")}
        elif kind in HTML_TYPES:
            from ..pipeline.inputs import InputError, html_article

            parsed = html_article(body, "request body", len(body))
            if isinstance(parsed, InputError):
                raise HTTPException(422, parsed.message)
            article = {k: parsed.get(k) for k in ("text", "published", "url", "title", "outlet")}
        else:
            raise HTTPException(415, f"unsupported Content-Type {kind!r}: send application/json, text/plain or text/html")
        # What the request states wins over what the body's page suggested.
        article.update({k: v for k, v in meta.items() if v is not None})
        return {k: v for k, v in article.items() if v is not None}

    def run_extraction(article: dict, clean: bool, amount_scope: str = "claims") -> Extraction:
        from ..pipeline.articles import ExtractionError
        from .workers import ExtractionBug, JobTimeout, PoolBusy, WorkerFailed

        try:
            payload = app.state.pool.extract(article, timeout=app.state.timeout, clean=clean, amount_scope=amount_scope)
        except ExtractionError as e:
            raise HTTPException(422, str(e)) from None
        except (JobTimeout, PoolBusy) as e:
            raise HTTPException(503, str(e), headers={"Retry-After": "5"}) from None
        except WorkerFailed as e:
            raise HTTPException(503, str(e)) from None
        except ExtractionBug as e:   # retrying would fail the same way: not 503
            raise HTTPException(500, str(e)) from None
        return Extraction.model_validate(payload)

    def article_meta(published: Optional[str] = Query(None, description="Publication date YYYY-MM-DD (anchors 'last month'); wins over the body's."),
                     id: Optional[str] = Query(None, description="Article id (default: a hash of the clean text)."),
                     url: Optional[str] = Query(None), title: Optional[str] = Query(None),
                     outlet: Optional[str] = Query(None)) -> dict:
        return {"published": published, "id": id, "url": url, "title": title, "outlet": outlet}

    # -- extraction and check ------------------------------------------------

    @app.post("/v1/extract", response_model=Extraction, response_model_by_alias=True, tags=["claims"],
              openapi_extra={"requestBody": _ARTICLE_BODY})
    async def extract(request: Request, meta: dict = Depends(article_meta),
                      clean: bool = Query(True, description="Remove page boilerplate first."),
                      amount_scope: Literal["claims", "all"] = Query(
                          "claims", description="claims: the amounts a claim can be checked on; all: every quantity "
                                                "(ages, 'dozens of', 'one X', bare numbers ...).")):
        """Extract the claims of one article (the contract's JSON, without verdicts)."""
        article = await article_from(request, meta)
        return _contract(await run_in_threadpool(run_extraction, article, clean, amount_scope))

    @app.post("/v1/check", response_model=Extraction, response_model_by_alias=True, tags=["claims"],
              openapi_extra={"requestBody": _ARTICLE_BODY})
    async def check(request: Request, meta: dict = Depends(article_meta),
                    clean: bool = Query(True, description="Remove page boilerplate first.")):
        """Extract and check one article against the stored figures; the article, its claims
        and verdicts are stored (``GET /v1/articles/{id}`` shows them afterwards)."""
        article = await article_from(request, meta)
        return _contract(await run_in_threadpool(check_and_store, article, clean))

    def check_and_store(article: dict, clean: bool) -> Extraction:
        from ..verify.check import check as check_result
        from ..verify.store import StoreError

        checked = check_result(run_extraction(article, clean), store)
        try:
            store.save_check(checked.model_dump(mode="json", by_alias=True))
        except StoreError as e:
            raise HTTPException(503, str(e)) from None
        return checked

    # -- the store ------------------------------------------------------------

    @app.get("/v1/articles", response_model=Page, tags=["store"])
    def list_articles(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
        """Checked articles, newest first, with their verdict counts."""
        return _page(store_call(store.list_articles, limit=limit + 1, offset=offset), limit, offset)

    # Article ids may hold "/" (a newsroom's "desk/2025/10/story"): both routes take a path,
    # the claimreview one first so that its suffix is not read as part of an id.
    @app.get("/v1/articles/{article_id:path}/claimreview", tags=["store"],
             responses={200: {"content": {"application/ld+json": {}}}})
    def article_claimreview(article_id: str, claim: Optional[str] = Query(None, description="Only this claim's review.")):
        """schema.org ClaimReview JSON-LD, one object per checked claim."""
        from ..verify.claimreview import claim_review, claim_reviews

        result = stored_article(article_id)
        options = {"date_reviewed": store_call(store.checked_on, article_id)}
        if claim is not None:
            try:
                reviews: Any = claim_review(result, claim, **options)
            except KeyError:
                raise HTTPException(404, f"article {article_id} has no checked claim {claim}") from None
        else:
            reviews = claim_reviews(result, **options)
        return Response(json.dumps(reviews, ensure_ascii=False), media_type="application/ld+json")

    @app.get("/v1/articles/{article_id:path}", tags=["store"])
    def get_article(article_id: str):
        """A checked article as it was stored: the contract's JSON with verdicts."""
        return stored_article(article_id)

    def stored_article(article_id: str) -> dict:
        result = store_call(store.get_article, article_id)
        if result is None:
            raise HTTPException(404, f"no checked article with id {article_id}")
        return result

    @app.get("/v1/claims", response_model=Page, tags=["store"])
    def list_claims(status: Optional[Literal["supported", "close", "contradicted", "unverifiable"]] = Query(None),
                    actor: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$", description="ISO alpha-3 code, e.g. PRK."),
                    date_from: Optional[date] = Query(None, alias="from", description="Claims whose period ends on or after this day."),
                    date_to: Optional[date] = Query(None, alias="to", description="Claims whose period starts on or before this day."),
                    limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
        """Checked claims with their verdicts, e.g. ``?status=contradicted&actor=PRK&from=2025-01-01&to=2025-12-31``."""
        _ordered(date_from, date_to)
        rows = store_call(store.query_claims, status=status, actor=actor.upper() if actor else None,
                          date_from=date_from, date_to=date_to, limit=limit + 1, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/v1/figures", response_model=Page, tags=["figures"])
    def list_figures(reporter: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     partner: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     flow: Optional[Literal["export", "import", "total"]] = Query(None),
                     date_from: Optional[date] = Query(None, alias="from", description="Figures whose period starts on or after this day."),
                     date_to: Optional[date] = Query(None, alias="to", description="Figures whose period ends on or before this day."),
                     currency: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     commodity: Optional[str] = Query(None, description="HS code, or TOTAL for all goods."),
                     limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
        """Stored figures (latest revision of each cell), e.g. ``?reporter=CHN&partner=PRK&from=2025-01-01``."""
        _ordered(date_from, date_to)
        upper = lambda v: v.upper() if v else None  # noqa: E731
        figures = store_call(lambda: list(itertools.islice(
            store.iter_figures(upper(reporter), upper(partner), flow, date_from, date_to, upper(currency), commodity),
            offset, offset + limit + 1)))
        return _page([f.model_dump(mode="json", by_alias=True) for f in figures], limit, offset)

    @app.post("/v1/figures", tags=["figures"],
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "array", "items": Figure.model_json_schema(by_alias=True)}},
                  "text/csv": {"schema": {"type": "string"}}}}})
    async def import_figures(request: Request):
        """Import figures: a JSON array of figures (the contract's Figure), a UN Comtrade JSON
        export, or CSV (the project's columns or Comtrade's). One transaction; importing the
        same figures again adds nothing. Needs ``Authorization: Bearer <NEWSCLAIMS_API_TOKEN>``."""
        require_token(request)
        body = await request.body()
        kind = _media_type(request)
        if kind in JSON_TYPES:
            data = _json_body(body)
            if isinstance(data, list):
                try:
                    figures = [Figure.model_validate(item) for item in data]
                except ValidationError as e:
                    raise HTTPException(422, "figure " + _validation_message(e.errors())) from None
                report = await run_in_threadpool(lambda: store_call(store.add_figures, figures))
            elif isinstance(data, dict) and "data" in data:
                report = await run_in_threadpool(import_body, body, ".json")
            else:
                raise HTTPException(422, "the JSON body must be an array of figures or a Comtrade export {\"data\": [...]}")
        elif kind in CSV_TYPES:
            report = await run_in_threadpool(import_body, body, ".csv")
        else:
            raise HTTPException(415, f"unsupported Content-Type {kind!r}: send application/json or text/csv")
        return {"added": report.added, "already_stored": report.skipped_duplicates, "skipped": report.skipped}

    def import_body(body: bytes, suffix: str):
        from ..verify.importers import ImportFileError, import_file

        # The importers stream from a file: that is how a 1 GB export stays within memory.
        with tempfile.TemporaryDirectory(prefix="newsclaims-import-") as tmp:
            path = Path(tmp) / f"figures{suffix}"
            path.write_bytes(body)
            try:
                return store_call(import_file, store, path)
            except ImportFileError as e:
                raise HTTPException(422, str(e).replace(str(path), "body")) from None

    def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, f"importing figures is disabled: start the server with {TOKEN_ENV} set")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, "importing figures needs 'Authorization: Bearer <token>'",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "the bearer token is not the server's", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/healthz", tags=["service"])
    def healthz():
        """``ok`` when the store answers (503 otherwise), with the extraction workers' state."""
        try:
            figures = store_call(store.count_figures)
        except HTTPException as e:
            return JSONResponse({"status": "unavailable", "detail": e.detail}, status_code=503)
        pool = app.state.pool
        return {"status": "ok", "store": store.engine.dialect.name, "figures": figures,
                "workers": pool.size, "workers_ready": pool.ready_workers}

    mount_docs(app)

    from .review import mount_review

    mount_review(app, store)
    return app


def mount_docs(app: FastAPI) -> None:
    """The OpenAPI page at ``/docs`` with Swagger UI from the ``swagger-ui-bundle-v2`` package:
    no CDN (Swagger UI 5 renders the OpenAPI 3.1 that FastAPI writes)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-static", StaticFiles(directory=swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="newsclaims API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")


def _page(rows: list, limit: int, offset: int) -> dict:
    """One page of ``limit`` items; ``rows`` was asked for one more to tell if a next page exists."""
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) > limit else None}


def _ordered(date_from: Optional[date], date_to: Optional[date]) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"'from' ({date_from}) is after 'to' ({date_to})")


def _contract(result: Extraction) -> JSONResponse:
    return JSONResponse(result.model_dump(mode="json", by_alias=True))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsclaims")
    except PackageNotFoundError:
        return "0"
