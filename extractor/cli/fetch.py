"""Fetching an article's page for ``newsclaims extract|check https://…``.

Only the command line fetches: the user named the address. The service never does (it
would make requests to addresses its clients choose), and the reader
(:mod:`extractor.pipeline.inputs`) only reads what it is handed.

A fetch has a time limit, a size limit (the body is read in chunks and dropped past it), at
most :data:`MAX_REDIRECTS` redirects, only http(s), and errors that say what happened in one
line: no answer, refused, not found, too large, not a page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


class FetchError(Exception):
    """A page that could not be fetched; the message is one line naming the address."""


@dataclass(frozen=True)
class FetchedPage:
    url: str            # as the user gave it: the article's url
    final_url: str      # after redirects
    content: bytes
    kind: str           # "html" or "text", for the reader


def is_url(argument: str) -> bool:
    return urlsplit(argument).scheme.lower() in ("http", "https")


def default_user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("newsclaims")
    except PackageNotFoundError:
        release = "0"
    return f"newsclaims/{release} (fact-checking; python-httpx)"


def fetch_page(url: str, *, user_agent: Optional[str] = None, timeout: float = DEFAULT_TIMEOUT,
               max_bytes: int = DEFAULT_MAX_BYTES) -> FetchedPage:
    """GET ``url`` and return its page; raises :class:`FetchError` with a one-line reason."""
    import httpx

    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses are fetched")
    headers = {"User-Agent": user_agent or default_user_agent(),
               "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                          headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered {response.status_code} "
                                     f"{response.reason_phrase or ''}".rstrip())
                media = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if media and media not in PAGE_TYPES + TEXT_TYPES:
                    raise FetchError(f"{url}: not a web page ({media})")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"{url}: the page is {int(declared):,} bytes, over the limit of {max_bytes:,}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(f"{url}: the page is over the limit of {max_bytes:,} bytes")
                final = str(response.url)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.ConnectError as e:
        raise FetchError(f"{url}: cannot connect ({_reason(e)}); offline, or the server refused") from None
    except httpx.HTTPError as e:
        raise FetchError(f"{url}: {type(e).__name__}: {_reason(e)}") from None
    kind = "text" if media in TEXT_TYPES else "html"
    return FetchedPage(url=url, final_url=final, content=bytes(body), kind=kind)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
