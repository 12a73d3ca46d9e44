"""What the API takes and answers, as its OpenAPI document states it.

The document must tell the truth (schemathesis checks it against the running service in
tests/test_service_contract.py): every body and parameter carries the bounds the service
enforces (no NUL characters, which PostgreSQL cannot store; ids within the store's 200
characters; text with at least one visible character), every route declares each status it
answers, and every error body is :class:`ErrorBody`.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from models import Figure

from ..pipeline.articles import MAX_CHARS

#: No NUL character anywhere (PostgreSQL text cannot hold one; the reader calls it binary).
NO_NUL = r"^[^\u0000]*$"
#: Text with a visible character and no NUL.
VISIBLE_TEXT = r"^[^\u0000]*[^\u0000\s][^\u0000]*$"
#: An HTML page: it begins with a tag (after any spaces), and a visible character stands
#: outside its tags (after tags and text, a character that is neither '<' nor a space).
#: A body that begins with text is not a page: send it as text/plain. No NUL anywhere.
VISIBLE_PAGE = r"^\s*<[^>\u0000]*>(?:[^<\u0000]|<[^>\u0000]*>)*?[^<\s\u0000][^\u0000]*$"
#: The store keeps article ids in 200 characters.
ID_MAX = 200
ARTICLE_ID = {"min_length": 1, "max_length": ID_MAX, "pattern": NO_NUL}



def _iso_only(value: Any) -> Any:
    """Dates and times as ISO 8601 text only: pydantic would also read a number ("0.5") as a
    Unix time, which the document's ``format: date`` / ``date-time`` does not allow."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("a date is written YYYY-MM-DD and a time in ISO 8601, not as a number")
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date (YYYY-MM-DD) or date-time: {value!r}") from None
    return value


def _json_number(value: Any) -> Any:
    """A JSON number only: pydantic would also take true or "5", which the document's
    ``type: number`` does not allow (an integral 713.0 is an integer, as JSON Schema says)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a JSON number")
    return value


JsonFloat = Annotated[float, BeforeValidator(_json_number)]
JsonInt = Annotated[int, BeforeValidator(_json_number)]
IsoDate = Annotated[date, BeforeValidator(_iso_only)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]
Published = Annotated[Union[date, datetime], BeforeValidator(_iso_only)]


class ErrorBody(BaseModel):
    """Every error answer: ``detail`` says what is wrong in one line; a request that does not
    fit this document (422) also lists each problem in ``errors``."""

    detail: str
    errors: Optional[list[dict[str, Any]]] = None


def _no_default(schema: dict) -> None:
    schema.pop("default", None)      # absent is not null: the document shows no default


class ArticleIn(BaseModel):
    """An article as the contract's ``article`` object has it, its ``text`` or, for a page,
    its ``html`` (one of them): the page is read as a saved page is (main text, title, site
    name, canonical URL, publication date). The service never fetches ``url``: it is stored
    as given."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "oneOf": [{"required": ["text"]}, {"required": ["html"]}]})

    # No maxLength: the body limit (413) bounds it first, and schemathesis cannot generate
    # for a pattern under a maxLength of a million.
    # Not nullable (a JSON null is refused): with one of the two null, the document's oneOf
    # would hold for both branches.
    text: str = Field(None, min_length=1, pattern=VISIBLE_TEXT, json_schema_extra=_no_default,
                                description=f"The article's text, at most {MAX_CHARS:,} characters (page chrome "
                                            "such as 'Share this article' is removed unless the query says clean=false).")
    html: str = Field(None, min_length=1, pattern=VISIBLE_PAGE, json_schema_extra=_no_default,
                                description="The article's web page, beginning with a tag (instead of text).")
    published: Optional[Published] = Field(None, description="Publication date (a date-time's date is used); "
                                                             "beats the page's metadata and its byline.")
    id: Optional[str] = Field(None, **ARTICLE_ID, description="Your id; default: a hash of the clean text. "
                                                            "Checking a stored id adds a version.")
    url: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL,
                               description="Where the article was published; stored as given, never fetched.")
    title: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    outlet: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)

    @model_validator(mode="after")
    def _text_or_html(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article's 'text' or its page's 'html', one of them")
        return self


def published_text(value: Optional[Published]) -> Optional[str]:
    """The ``YYYY-MM-DD`` the pipeline takes, from a date or a date-time (its own calendar day)."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def article_body_doc() -> dict:
    """The request body of /v1/extract and /v1/check as the document shows it."""
    return {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "minLength": 1, "pattern": VISIBLE_TEXT,
                                      "description": f"The article's text, at most {MAX_CHARS:,} characters."},
                           "example": "China's exports to North Korea rose 20.9% …"},
            "text/html": {"schema": {"type": "string", "minLength": 1, "pattern": VISIBLE_PAGE,
                                     "description": "A web page, beginning with a tag: its main text is read "
                                                    "with trafilatura, else its visible text."},
                          "example": "<html>…</html>"},
        },
    }


class FigureIn(Figure):
    """A figure to import: the contract's Figure, with the bounds the store enforces."""

    from_: IsoDate = Field(alias="from")
    to: IsoDate
    published: Optional[IsoDate] = None
    reporter: str = Field(pattern=r"^[A-Z]{3}$")
    partner: str = Field(pattern=r"^[A-Z]{3}$")
    period: str = Field(min_length=1, max_length=40, pattern=NO_NUL)
    value: JsonFloat = Field(ge=0, allow_inf_nan=False)
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    precision: JsonFloat = Field(0.0, ge=0, allow_inf_nan=False)
    qualifier: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    revision: JsonInt = Field(1, ge=1, le=1_000_000)
    commodity: Optional[str] = Field(None, min_length=1, max_length=190, pattern=r"^[0-9A-Za-z.]+$")
    commodity_name: Optional[str] = Field(None, max_length=190, pattern=NO_NUL)
    quantity: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    source_name: str = Field(min_length=1, max_length=4000, pattern=NO_NUL)
    source_outlet: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    source_url: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    note: Optional[str] = Field(None, max_length=4000, pattern=NO_NUL)
    id: Optional[str] = Field(None, max_length=ID_MAX, pattern=NO_NUL,
                              description="Ignored: the store derives a figure's id from its cell, revision, value and source.")


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="None on the last page.")


class ArticleSummary(BaseModel):
    id: str
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[date] = None
    checked_at: Optional[datetime] = Field(None, description="When the latest version was checked (UTC).")
    version: int = Field(description="The latest version's number.")
    verdicts: dict[str, int] = Field(description="Claims of the latest version per verdict status.")


class ClaimRow(BaseModel):
    article_id: str
    article_version: int
    article_url: Optional[str] = None
    article_title: Optional[str] = None
    article_outlet: Optional[str] = None
    article_published: Optional[date] = None
    claim_id: str
    kind: str
    sentence: Optional[str] = None
    actors: list[str]
    amount_text: Optional[str] = None
    amount_value: Optional[float] = None
    amount_unit: Optional[str] = None
    amount_bound: Optional[str] = None
    period_text: Optional[str] = None
    period_from: Optional[date] = None
    period_to: Optional[date] = None
    trade_flow: Optional[str] = None
    trade_from: Optional[str] = None
    trade_to: Optional[str] = None
    trade_between: Optional[list[str]] = None
    commodity: Optional[str] = None
    basis: Optional[str] = None
    status: Optional[str] = None
    claimed: Optional[float] = None
    expected: Optional[float] = None
    unit: Optional[str] = None
    figures: list[str]
    explanation: Optional[str] = None


class VersionInfo(BaseModel):
    version: int
    checked_at: datetime
    text_sha256: str
    figures_revision: Optional[int] = Field(description="The store's figures revision the check used "
                                                        "(None: checked before the store counted them).")
    text_changed: bool = Field(description="The text differs from the version before.")
    verdicts_changed: bool = Field(description="The verdicts or consistency findings differ from the version before.")
    claims: int
    verdicts: dict[str, int]


class VersionList(BaseModel):
    article_id: str
    latest: int
    versions: list[VersionInfo]


class AuditEntry(BaseModel):
    id: int
    at: datetime
    action: Literal["check_stored", "version_added", "figures_imported", "store_upgraded"]
    who: str = Field(description="The token's name, 'open' (no token configured), or a local command and user.")
    client: Optional[str] = Field(None, description="The request's client address, or the host of a local command.")
    article_id: Optional[str] = None
    version: Optional[int] = None
    detail: Optional[str] = None


class ImportResult(BaseModel):
    added: int
    already_stored: int
    skipped: dict[str, int]


class Health(BaseModel):
    status: Literal["ok"]
    store: str
    figures: int
    workers: int
    workers_ready: int


_STATUS_TEXT = {
    401: "No token, or not one of the server's: nothing was read or written.",
    403: "The token may read but not write: nothing was written.",
    404: "No such article, version or claim.",
    413: "The request body is larger than the server's limit; it was not read.",
    415: "The body's Content-Type is not one this route reads.",
    422: "The request is malformed, or its content cannot be used; 'detail' says why.",
    503: "The store is unreachable, or extraction was stopped (too long, or every worker busy: "
         "see Retry-After).",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route: each error status with the :class:`ErrorBody` model."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        entry: dict[str, Any] = {"model": ErrorBody, "description": _STATUS_TEXT[code]}
        if code == 401:
            entry["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}}
        out[code] = entry
    return out
