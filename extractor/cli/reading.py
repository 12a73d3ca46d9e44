"""What ``extract`` and ``check`` read: files, directories, stdin and web addresses, all
through the one reader (:mod:`extractor.pipeline.inputs`) that ``batch``, ``eval`` and the
service use. A URL is fetched here (:mod:`.fetch`) and its page read like a saved one."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .support import fail

INPUTS_HELP = ("Articles: files (.txt .json .jsonl .html .warc, any of them .gz), directories, "
               "http(s):// addresses (the page is fetched), or - for stdin.")
USER_AGENT_HELP = "User-Agent header when fetching an address (default: newsclaims/<version>)."


def read_inputs(paths: list[str], published: Optional[str], user_agent: Optional[str] = None) -> list[dict]:
    """Every article of ``paths``, in order; a bad input is one line on stderr and exit 2.

    ``published`` (``--published``) beats any date the inputs hold; a fetched address
    becomes its article's ``url``."""
    from ..pipeline.inputs import InputError, iter_articles, read_bytes
    from .fetch import FetchError, fetch_page, is_url

    if paths.count("-") > 1:
        fail("stdin (-) can be read only once")
    given = {"published": published} if published is not None else {}
    articles: list[dict] = []
    for path in paths:
        if is_url(path):
            try:
                page = fetch_page(path, user_agent=user_agent)
            except FetchError as e:
                fail(str(e))
            items = list(read_bytes(page.content, path, page.kind, given={**given, "url": path}))
            if page.final_url != path:
                for item in items:
                    if isinstance(item, dict):
                        item["notes"] = [f"fetched from {page.final_url} (redirected)"] + list(item.get("notes") or [])
        else:
            if path != "-" and not Path(path).exists():
                fail(f"{path}: no such file")
            items = list(iter_articles([path], given=given))
        for item in items:
            if isinstance(item, InputError):
                fail(f"{item.location}: {item.message}")
            articles.append(item)
    if not articles:
        fail(f"no articles in {', '.join(paths)}")
    return articles
