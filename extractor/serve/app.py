"""The HTTP service: newsclaims for newsroom ingestion, and the fact-checker's review page.

    >>> from extractor.serve.app import create_app
    >>> app = create_app("sqlite:///newsclaims.db")       # or: newsclaims serve --db …

Endpoints (OpenAPI at ``/docs``; the document declares every status each route answers,
the error body, and the bounds of every parameter):

- ``POST /v1/extract``, ``POST /v1/check``: one article as JSON (the contract's
  ``article`` fields), plain text or HTML (main text through trafilatura); article
  metadata may also come as query parameters, and what the request states wins over
  what the HTML page suggests. ``check`` stores the result as the article's next version
  (nothing when text and verdicts are those of the latest version).
- ``GET /v1/articles``, ``/v1/articles/{id}`` (``?version=N``), ``/v1/articles/{id}/versions``,
  ``/v1/articles/{id}/claimreview``, ``/v1/claims``, ``/v1/figures``: reads from the store.
- ``POST /v1/figures``: imports figures. ``GET /v1/audit``: every write, who made it.
- ``GET /healthz``.

Who may write and read: :mod:`extractor.serve.auth`. Every write is in the store's audit log.

Limits: a body over ``max_body`` bytes (default 2 MB) gets 413 before it is parsed;
malformed input gets 422 whose ``detail`` says what is wrong (and, for a request that does
not fit the document, ``errors`` lists each problem); an extraction past ``timeout`` seconds
is stopped (its worker process killed and replaced, see :mod:`extractor.serve.workers`) and
answered 503, and the server goes on serving.
"""
from __future__ import annotations

import itertools
import json
import logging
import re
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Iterable, Literal, Optional

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request, Security
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from models import Extraction, Figure

from .api_models import (
    ARTICLE_ID,
    ID_MAX,
    IsoDate,
    IsoDateTime,
    Published,
    ArticleIn,
    ArticleSummary,
    AuditEntry,
    ClaimRow,
    ErrorBody,
    FigureIn,
    Health,
    ImportResult,
    Page,
    VersionList,
    VISIBLE_PAGE,
    article_body_doc,
    published_text,
    responses,
)
from .auth import TOKEN_ENV, Access, ApiToken, configured_tokens  # noqa: F401  (TOKEN_ENV: the public name)
from .store_calls import store_call
from ..verify.store import Writer

DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
VERDICT_STATUSES = ("supported", "close", "contradicted", "unverifiable")
MAX_PAGE = 1000
#: Paging stops here: an offset past any real store, and well inside every backend's integers.
MAX_OFFSET = 1_000_000_000
#: Lone UTF-16 surrogates ("\ud800") are valid in a JSON string but not in UTF-8 text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_VISIBLE_PAGE = re.compile(VISIBLE_PAGE)
log = logging.getLogger("newsclaims.serve")

VERSION_HEADERS = {
    "Article-Version": {"schema": {"type": "integer"}, "description": "The number of the version answered "
                        "(for a check: the version the result is stored as)."},
}

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html", "application/xhtml+xml")
CSV_TYPES = ("text/csv", "application/csv")


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


def create_app(db: Optional[str] = None, *, workers: int = 1, model: Optional[str] = None,
               max_body: int = DEFAULT_MAX_BODY, timeout: float = DEFAULT_TIMEOUT,
               token: Optional[str] = None, tokens: Optional[Iterable[ApiToken]] = None,
               token_file: Optional[str] = None, private: bool = False) -> FastAPI:
    """The service's ASGI app. ``db``: the store's URL (default: the embedded SQLite);
    ``workers``: extraction processes; ``token`` (default ``$NEWSCLAIMS_API_TOKEN``),
    ``tokens`` and ``token_file`` (default ``$NEWSCLAIMS_API_TOKENS_FILE``): who may write,
    see :mod:`extractor.serve.auth` (an empty ``token`` means none); ``private``: reads
    need a token too."""
    from ..verify.store import Store

    access = Access(configured_tokens(token, tokens, token_file), private=private)
    store = Store(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from .workers import ExtractionPool

        if access.writes_open:
            log.warning("no API token is configured (%s): writes are open -- anyone who can reach this "
                        "server can store checks and import figures", TOKEN_ENV)
        app.state.pool = ExtractionPool(size=workers, model=model)
        try:
            yield
        finally:
            app.state.pool.close()
            store.close()

    app = FastAPI(
        title="newsclaims",
        summary="Extract checkable claims from news articles and check trade figures against customs statistics.",
        description=_api_description(access),
        version=_version(),
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load their scripts from a CDN, which a newsroom's
        # closed network may not reach: /docs is served below from a packaged Swagger UI.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.timeout = timeout
    app.state.access = access
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.exception_handler(RequestValidationError)
    async def readable_422(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors())
        return JSONResponse({"detail": _validation_message(errors), "errors": errors}, status_code=422)

    @app.exception_handler(405)
    async def method_not_allowed(request: Request, exc: HTTPException):
        # Starlette's 405 names the methods of the first route matching the path only; a path
        # with a GET and a POST route (/v1/figures) must allow both (RFC 9110, 15.5.6).
        allowed = sorted({m for route in app.routes
                          if getattr(route, "methods", None) and route.matches(request.scope)[0].value >= 1
                          for m in route.methods})
        return JSONResponse({"detail": f"{request.method} is not allowed here; use {', '.join(allowed)}"},
                            status_code=405, headers={"Allow": ", ".join(allowed)})

    # -- who may do what ------------------------------------------------------
    # A guard with a Security parameter puts the bearer scheme in the document; the routes
    # that need no token get guards without one, so the document says what the server does.

    bearer = HTTPBearer(auto_error=False, description="A token of the server (NEWSCLAIMS_API_TOKEN or its token file).")
    auth_codes: tuple[int, ...] = () if access.writes_open else (401, 403)
    read_codes: tuple[int, ...] = (401,) if access.private else ()

    if access.writes_open:
        def writer(request: Request) -> Writer:
            return access.writer(request, "writing")
    else:
        def writer(request: Request, _: Optional[HTTPAuthorizationCredentials] = Security(bearer)) -> Writer:
            return access.writer(request, f"{request.method} {request.url.path}")

    if access.private:
        def reader(request: Request, _: Optional[HTTPAuthorizationCredentials] = Security(bearer)) -> None:
            access.require_token(request, write=False, what="this private server")
    else:
        def reader() -> None:
            return None

    read_guard = [Depends(reader)]

    # -- reading an article from a request ----------------------------------

    async def article_from(request: Request, meta: dict[str, Optional[str]]) -> dict:
        """The article of a request, read by the reader every command uses
        (:mod:`extractor.pipeline.inputs`); the query's metadata beats the body's, which beats
        what a page states, which beats a date in its byline."""
        from ..pipeline.inputs import InputError, article_from_mapping, read_bytes

        body = await request.body()
        if not body.strip():
            raise HTTPException(422, "the request body is empty: send an article as JSON, plain text or HTML")
        kind = _media_type(request)
        given = {k: v for k, v in meta.items() if v is not None}
        if kind in JSON_TYPES or kind.endswith("+json"):
            data = _json_body(body)
            if not isinstance(data, dict):
                raise HTTPException(422, f"the JSON body must be one article object with a 'text' or 'html' field, "
                                         f"not a {type(data).__name__}")
            try:
                fields = ArticleIn.model_validate(data).model_dump(exclude_none=True)
            except ValidationError as e:
                raise HTTPException(422, _validation_message(e.errors())) from None
            if "published" in fields:
                fields["published"] = published_text(fields["published"])
            for key in ("text", "html"):
                if key in fields:
                    fields[key] = _LONE_SURROGATE.sub("\ufffd", fields[key])
            if "html" in fields and not _VISIBLE_PAGE.match(fields["html"]):
                raise HTTPException(422, "html: a page begins with a tag and has text outside its tags")
            item = article_from_mapping(fields, "request body", given=given)
        elif kind in TEXT_TYPES or kind == "":
            item = next(read_bytes(body, "request body", "text", given=given))
        elif kind in HTML_TYPES:
            if not _VISIBLE_PAGE.match(_decode(body, "the page")):
                raise HTTPException(422, "an HTML page begins with a tag and has text outside its tags; "
                                         "send plain text as text/plain")
            item = next(read_bytes(body, "request body", "html", given=given))
        else:
            raise HTTPException(415, f"unsupported Content-Type {kind!r}: send application/json, text/plain or text/html")
        if isinstance(item, InputError):
            raise HTTPException(422, item.message)
        if not item["text"].strip():
            raise HTTPException(422, "the article text is empty")
        return {k: v for k, v in item.items() if v is not None and k not in ("location", "size")}

    def cleanable(article: dict, clean: bool) -> tuple[dict, bool, list[str]]:
        """The article, whether to clean it, and the reader's notes for the result's warnings.

        Text whose every line looks like page chrome ('Share this article', a lone word) is
        read as given, with a warning: the document cannot say which texts those are, so the
        service does not refuse them."""
        from ..pipeline.cleaning import clean_text

        notes = list(article.pop("notes", None) or [])
        if clean and not clean_text(article["text"]).text.strip():
            return article, False, notes + ["every line of the text looked like page boilerplate; it was read as given"]
        return article, clean, notes

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

    def article_meta(published: Optional[Published] = Query(
                         None, description="Publication date (anchors 'last month'); wins over the body's."),
                     id: Optional[str] = Query(None, **ARTICLE_ID, description="Article id (default: a hash of the "
                                               "clean text); checking a stored id adds a version."),
                     url: Optional[str] = Query(None, max_length=4000, pattern=r"^[^\u0000]*$"),
                     title: Optional[str] = Query(None, max_length=4000, pattern=r"^[^\u0000]*$"),
                     outlet: Optional[str] = Query(None, max_length=4000, pattern=r"^[^\u0000]*$")) -> dict:
        return {"published": published_text(published), "id": id, "url": url, "title": title, "outlet": outlet}

    # -- extraction and check ------------------------------------------------

    @app.post("/v1/extract", response_model=Extraction, response_model_by_alias=True, tags=["claims"],
              dependencies=read_guard, responses=responses(*read_codes, 413, 415, 422, 503),
              openapi_extra={"requestBody": article_body_doc()})
    async def extract(request: Request, meta: dict = Depends(article_meta),
                      clean: bool = Query(True, description="Remove page boilerplate first."),
                      amount_scope: Literal["claims", "all"] = Query(
                          "claims", description="claims: the amounts a claim can be checked on; all: every quantity "
                                                "(ages, 'dozens of', 'one X', bare numbers ...).")):
        """Extract the claims of one article (the contract's JSON, without verdicts). Writes nothing."""
        article, clean, notes = cleanable(await article_from(request, meta), clean)
        result = await run_in_threadpool(run_extraction, article, clean, amount_scope)
        result.warnings.extend(notes)
        return _contract(result)

    @app.post("/v1/check", response_model=Extraction, response_model_by_alias=True, tags=["claims"],
              responses={**responses(*auth_codes, 413, 415, 422, 503), 200: {"headers": VERSION_HEADERS}},
              openapi_extra={"requestBody": article_body_doc()})
    async def check(request: Request, meta: dict = Depends(article_meta), by: Writer = Depends(writer),
                    clean: bool = Query(True, description="Remove page boilerplate first.")):
        """Extract and check one article against the stored figures, and store the result as
        the article's next version: a new version when the text or the verdicts differ from
        the latest one, nothing when they do not (``Article-Version-Added`` says which)."""
        article, clean, notes = cleanable(await article_from(request, meta), clean)
        checked, saved = await run_in_threadpool(check_and_store, article, clean, notes, by)
        response = _contract(checked)
        response.headers["Article-Version"] = str(saved.version)
        response.headers["Article-Version-Added"] = "true" if saved.added else "false"   # false: unchanged
        return response

    def check_and_store(article: dict, clean: bool, notes: list[str], by: Writer):
        from ..verify.check import check as check_result

        extraction = run_extraction(article, clean)
        extraction.warnings.extend(notes)
        checked = check_result(extraction, store)
        saved = store_call(store.save_check, checked.model_dump(mode="json", by_alias=True), by=by)
        return checked, saved

    # -- the store ------------------------------------------------------------

    paging = {"limit": Query(50, ge=1, le=MAX_PAGE), "offset": Query(0, ge=0, le=MAX_OFFSET)}

    @app.get("/v1/articles", response_model=Page[ArticleSummary], tags=["store"], dependencies=read_guard,
             responses=responses(*read_codes, 422, 503))
    def list_articles(limit: int = paging["limit"], offset: int = paging["offset"]):
        """Checked articles, newest publication first, with their latest version's verdict counts."""
        return _page(store_call(store.list_articles, limit=limit + 1, offset=offset), limit, offset)

    version_query = Query(None, ge=1, le=MAX_OFFSET, description="A version's number (default: the latest).")
    article_path = PathParam(..., **ARTICLE_ID, description="The article's id (it may hold '/').")

    # Article ids may hold "/" (a newsroom's "desk/2025/10/story"): these routes take a path,
    # the suffixed ones first so that a suffix is not read as part of an id.
    @app.get("/v1/articles/{article_id:path}/claimreview", tags=["store"], dependencies=read_guard,
             responses={200: {"content": {"application/ld+json": {"schema": {
                 "oneOf": [{"type": "array", "items": {"type": "object"}}, {"type": "object"}]}}},
                 "description": "schema.org ClaimReview JSON-LD: a list, or one object with ?claim="},
                 **responses(*read_codes, 404, 422, 503)})
    def article_claimreview(article_id: str = article_path, version: Optional[int] = version_query,
                            claim: Optional[str] = Query(None, max_length=ID_MAX, pattern=r"^[^\u0000]*$",
                                                         description="Only this claim's review.")):
        """schema.org ClaimReview JSON-LD, one object per checked claim, of the version asked
        for (default: the latest), dated the day that version was checked."""
        from ..verify.claimreview import claim_review, claim_reviews

        result = stored_article(article_id, version)
        options = {"date_reviewed": store_call(store.checked_on, article_id, version)}
        if claim is not None:
            try:
                reviews: Any = claim_review(result, claim, **options)
            except KeyError:
                raise HTTPException(404, f"article {article_id} has no checked claim {claim}") from None
        else:
            reviews = claim_reviews(result, **options)
        return Response(json.dumps(reviews, ensure_ascii=False), media_type="application/ld+json")

    @app.get("/v1/articles/{article_id:path}/versions", response_model=VersionList, tags=["store"],
             dependencies=read_guard, responses=responses(*read_codes, 404, 422, 503))
    def article_versions(article_id: str = article_path):
        """Every version of a checked article, oldest first: when it was checked, its text's
        SHA-256, the figures revision used, what changed, and its verdict counts."""
        versions = store_call(store.list_versions, article_id)
        if not versions:
            raise HTTPException(404, f"no checked article with id {article_id}")
        return {"article_id": article_id, "latest": versions[-1]["version"], "versions": versions}

    @app.get("/v1/articles/{article_id:path}", response_model=Extraction, response_model_by_alias=True,
             tags=["store"], dependencies=read_guard,
             responses={200: {"headers": VERSION_HEADERS}, **responses(*read_codes, 404, 422, 503)})
    def get_article(article_id: str = article_path, version: Optional[int] = version_query):
        """A checked article as it was stored: the contract's JSON with verdicts, of its latest
        version or of ``?version=N`` (``Article-Version`` says which)."""
        result = stored_article(article_id, version)
        response = JSONResponse(result)
        response.headers["Article-Version"] = str(version or _latest(article_id))
        return response

    def stored_article(article_id: str, version: Optional[int] = None) -> dict:
        result = store_call(store.get_article, article_id, version)
        if result is None:
            if version is not None and store_call(store.get_article, article_id) is not None:
                raise HTTPException(404, f"article {article_id} has no version {version}")
            raise HTTPException(404, f"no checked article with id {article_id}")
        return result

    def _latest(article_id: str) -> int:
        versions = store_call(store.list_versions, article_id)
        return versions[-1]["version"] if versions else 1

    @app.get("/v1/claims", response_model=Page[ClaimRow], tags=["store"], dependencies=read_guard,
             responses=responses(*read_codes, 422, 503))
    def list_claims(status: Optional[Literal["supported", "close", "contradicted", "unverifiable"]] = Query(None),
                    actor: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$", description="ISO alpha-3 code, e.g. PRK."),
                    date_from: Optional[IsoDate] = Query(None, alias="from", description="Claims whose period ends on or after this day."),
                    date_to: Optional[IsoDate] = Query(None, alias="to", description="Claims whose period starts on or before this day."),
                    limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = paging["offset"]):
        """Claims of each article's latest version with their verdicts, e.g.
        ``?status=contradicted&actor=PRK&from=2025-01-01&to=2025-12-31``."""
        rows = store_call(store.query_claims, status=status, actor=actor.upper() if actor else None,
                          date_from=date_from, date_to=date_to, limit=limit + 1, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/v1/figures", response_model=Page[Figure], response_model_by_alias=True, tags=["figures"],
             dependencies=read_guard, responses=responses(*read_codes, 422, 503))
    def list_figures(reporter: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     partner: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     flow: Optional[Literal["export", "import", "total"]] = Query(None),
                     date_from: Optional[IsoDate] = Query(None, alias="from", description="Figures whose period starts on or after this day."),
                     date_to: Optional[IsoDate] = Query(None, alias="to", description="Figures whose period ends on or before this day."),
                     currency: Optional[str] = Query(None, pattern="^[A-Za-z]{3}$"),
                     commodity: Optional[str] = Query(None, max_length=ID_MAX, pattern=r"^[^\u0000]*$",
                                                      description="HS code, or TOTAL for all goods."),
                     limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = paging["offset"]):
        """Stored figures (latest revision of each cell), e.g. ``?reporter=CHN&partner=PRK&from=2025-01-01``."""
        upper = lambda v: v.upper() if v else None  # noqa: E731
        figures = store_call(lambda: list(itertools.islice(
            store.iter_figures(upper(reporter), upper(partner), flow, date_from, date_to, upper(currency), commodity),
            offset, offset + limit + 1)))
        return _page([f.model_dump(mode="json", by_alias=True) for f in figures], limit, offset)

    # The document describes the JSON array of figures. A Comtrade export and CSV are read too,
    # but their rows are checked by the importers (a bad row refuses the import, 422), which no
    # JSON Schema can say: the description names them instead of a schema that would let a
    # client believe any string is a CSV the store takes.
    @app.post("/v1/figures", response_model=ImportResult, tags=["figures"],
              responses=responses(*auth_codes, 413, 415, 422, 503),
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "array", "items": FigureIn.model_json_schema(by_alias=True)}}}}})
    async def import_figures(request: Request, by: Writer = Depends(writer)):
        """Import figures: a JSON array of figures (the contract's Figure). Also read: a UN
        Comtrade JSON export (``{"data": [...]}``, ``application/json``) and CSV (``text/csv``:
        the project's columns or Comtrade's). One transaction: a bad row or a figure whose
        ``to`` is before its ``from`` refuses the whole import (422); importing the same
        figures again adds nothing."""
        body = await request.body()
        kind = _media_type(request)
        if kind in JSON_TYPES:
            data = _json_body(body)
            if isinstance(data, list):
                try:
                    figures = [FigureIn.model_validate(item) for item in data]
                except ValidationError as e:
                    raise HTTPException(422, "figure " + _validation_message(e.errors())) from None
                report = await run_in_threadpool(add_figures, figures, by)
            elif isinstance(data, dict) and "data" in data:
                if not data["data"]:
                    raise HTTPException(422, "the Comtrade export holds no records ('data' is empty)")
                report = await run_in_threadpool(import_body, body, ".json", by)
            else:
                raise HTTPException(422, "the JSON body must be an array of figures or a Comtrade export {\"data\": [...]}")
        elif kind in CSV_TYPES:
            report = await run_in_threadpool(import_body, body, ".csv", by)
        else:
            raise HTTPException(415, f"unsupported Content-Type {kind!r}: send application/json or text/csv")
        return {"added": report.added, "already_stored": report.skipped_duplicates, "skipped": report.skipped}

    def add_figures(figures: list, by: Writer):
        try:
            return store_call(store.add_figures, figures, by=by, source="POST /v1/figures")
        except ValueError as e:            # a figure the store refuses (its 'to' before its 'from')
            raise HTTPException(422, f"figure refused, nothing imported: {e}") from None

    def import_body(body: bytes, suffix: str, by: Writer):
        from ..verify.importers import ImportFileError, import_file

        # The importers stream from a file: that is how a 1 GB export stays within memory.
        with tempfile.TemporaryDirectory(prefix="newsclaims-import-") as tmp:
            path = Path(tmp) / f"figures{suffix}"
            path.write_bytes(body)
            try:
                return store_call(import_file, store, path, by=by, source=f"POST /v1/figures ({suffix[1:]})")
            except ImportFileError as e:
                raise HTTPException(422, str(e).replace(str(path), "body")) from None

    # -- the audit log ----------------------------------------------------------

    audit_auth = (401,) if not access.writes_open else ()
    if access.writes_open:
        audit_guard = read_guard
    else:
        def audit_reader(request: Request, _: Optional[HTTPAuthorizationCredentials] = Security(bearer)) -> None:
            access.require_token(request, write=False, what="the audit log")
        audit_guard = [Depends(audit_reader)]

    @app.get("/v1/audit", response_model=Page[AuditEntry], tags=["store"], dependencies=audit_guard,
             responses=responses(*sorted(set(audit_auth + read_codes)), 422, 503))
    def list_audit(action: Optional[Literal["check_stored", "version_added", "figures_imported", "store_upgraded"]] = Query(None),
                   article_id: Optional[str] = Query(None, alias="article", **ARTICLE_ID),
                   since: Optional[IsoDateTime] = Query(None, description="Only writes at or after this time."),
                   limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = paging["offset"]):
        """Every write to the store, newest first: when, what, who (the token's name, or
        'open' when no token is configured) and the client's address. Needs a token whenever
        the server has tokens."""
        rows = store_call(store.audit, limit=limit + 1, offset=offset, action=action, article_id=article_id,
                          since=since)
        return _page(rows, limit, offset)

    @app.get("/healthz", response_model=Health, tags=["service"],
             responses={503: {"model": ErrorBody, "description": "The store does not answer."}})
    def healthz():
        """``ok`` when the store answers (503 otherwise), with the extraction workers' state."""
        try:
            figures = store_call(store.count_figures)
        except HTTPException as e:
            return JSONResponse({"detail": e.detail}, status_code=503)
        pool = app.state.pool
        return {"status": "ok", "store": store.engine.dialect.name, "figures": figures,
                "workers": pool.size, "workers_ready": pool.ready_workers}

    mount_docs(app)

    from .review import mount_review

    mount_review(app, store, access)
    return app


def _api_description(access: Access) -> str:
    """The document's introduction: who may write and read this server, and what it never does."""
    if access.writes_open:
        who = ("**Writes are open**: this server was started without a token, so anyone who can reach it "
               "may store checks and import figures (every write is in the audit log as 'open').")
    else:
        who = ("**Writes need a token**: `POST /v1/check` (it stores its result) and `POST /v1/figures` need "
               "`Authorization: Bearer <token>` with a token that may write (401 without one, 403 with a "
               "read-only one; nothing is written). `GET /v1/audit` needs a token.")
    reads = ("Reads, and `/v1/extract`, need a token too (this server is private)." if access.private else
             "Reads and `/v1/extract` are open.")
    return (f"{who} {reads}\n\n"
            "**Versions**: checking an article id that is stored adds a new version when its text or its "
            "verdicts differ, and nothing when they do not; `GET /v1/articles/{id}?version=N` and "
            "`GET /v1/articles/{id}/versions` read earlier ones.\n\n"
            "**Errors** have one body, `{\"detail\": \"...\"}` (and `errors`, the list of problems, for a request "
            "that does not fit this document).\n\n"
            "The service never fetches a URL: an article's `url` is stored as given, and pages are read "
            "from the request body.")


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


def _contract(result: Extraction) -> JSONResponse:
    return JSONResponse(result.model_dump(mode="json", by_alias=True))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsclaims")
    except PackageNotFoundError:
        return "0"
