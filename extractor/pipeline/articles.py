"""What an article is before any model sees it: its fields, its id, and the checks that
turn bad input into one-line :class:`ExtractionError` messages.

Kept apart from :mod:`extractor.pipeline.extraction` so that the processes that only read and route
articles (the batch parent, the service) do not import spaCy.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

# spaCy's own default limit (nlp.max_length); an article past it is almost
# always a mis-split file, so it is refused with a clear message, not truncated.
MAX_CHARS = 1_000_000
ARTICLE_FIELDS = ("text", "published", "id", "url", "title", "outlet")
# What `amounts` holds: the amounts a claim can be checked on, or every quantity
# (extractor.pipeline.amounts.find_amounts); here so that the batch parent can check it without spaCy.
AMOUNT_SCOPES = ("claims", "all")


class ExtractionError(ValueError):
    """An article that cannot be processed; the message is one line for the user."""


def parse_published(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise ExtractionError(f"published must be a date as YYYY-MM-DD, got {value!r}")


# "/2022/08/", "/2022/08/14/", "/2022-08-14/", "/20220814": the dates news sites write in their
# addresses (as htmldate reads them); a year and a month are enough to date a story's month
# (a segment may name its section first: "/nachrichten-2025-08/")
_URL_DATE = re.compile(r"(?:/|(?<=[a-z])-)(?P<y>(?:19|20)[0-9]{2})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])"
                       r"(?:(?P=sep)(?:0[1-9]|[12][0-9]|3[01]))?(?=[/_-]|$)")


# "view.php?ud=20190314000123" (the Korea Herald's addresses): a query key that names a date and a
# value that opens with one
_QUERY_DATE_KEYS = frozenset({"ud", "date", "dt", "pubdate"})
_QUERY_DATE = re.compile(r"(?P<y>(?:19|20)[0-9]{2})-?(?P<m>0[1-9]|1[0-2])-?(?:0[1-9]|[12][0-9]|3[01])")


def url_month(url: str | None) -> date | None:
    """The first day of the month a page's address dates it to ("/2022/08/..." -> 2022-08-01,
    "?ud=20190314000123" -> 2019-03-01), or None. Only dated path segments count, and query values
    under a key that names a date (not the host, nor a query's other ids)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    found = _URL_DATE.search(parts.path)
    if found is None:
        found = next((m for key, value in parse_qsl(parts.query) if key.lower() in _QUERY_DATE_KEYS
                      for m in [_QUERY_DATE.match(value)] if m), None)
    return date(int(found["y"]), int(found["m"]), 1) if found else None


def site_state(url: str | None) -> str | None:
    """The state a page's country-code top-level domain names ("https://en.vietnamplus.vn/..." ->
    VNM, "weeklytimesnow.com.au" -> AUS), or None (a generic or vanity domain, no address)."""
    host = urlsplit(url.strip()).hostname if url else None
    if not host or "." not in host:
        return None
    return _site_domains().get(host.rsplit(".", 1)[1].lower())


@cache
def _site_domains() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "site_domains.json"
    return json.loads(path.read_text(encoding="utf-8"))["domains"]


def decode_text(raw: Any) -> str:
    """Accept str or UTF-8 bytes; refuse binary data with a one-line reason."""
    if isinstance(raw, (bytes, bytearray)):
        if b"\x00" in raw[:8192]:
            raise ExtractionError("input looks like a binary file (NUL bytes), not article text")
        try:
            raw = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ExtractionError(f"input is not UTF-8 text (invalid byte at position {err.start})") from None
    if not isinstance(raw, str):
        raise ExtractionError(f"article text must be a string, got {type(raw).__name__}")
    if "\x00" in raw[:8192]:
        raise ExtractionError("input looks like a binary file (NUL characters), not article text")
    return raw


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
