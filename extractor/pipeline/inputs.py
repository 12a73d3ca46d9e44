"""The article reader: every command and the service read articles here.

``iter_articles(paths)`` is a generator: it yields one article dict per article
(the keys ``extract_many`` takes — ``text``, ``id``, ``url``, ``title``,
``outlet``, ``published`` — plus ``location``, and ``notes``: what the reader
has to say, for the result's warnings), or an :class:`InputError` in its place
for input that cannot be read. It never raises for a bad input and never holds
more than one file (one WARC record) in memory. :func:`read_bytes` reads one
body (stdin, a request, a fetched page); :func:`article_from_mapping` one JSON
article object. None of them fetches anything: a URL is fetched by the command
line (:mod:`extractor.cli.fetch`), never by the service.

Formats, chosen by suffix (``.gz`` is stripped first and decompressed):

======================  =====================================================  ==========================
suffix                  articles                                               ``location``
======================  =====================================================  ==========================
``.txt`` (and unknown)  the whole file is one article                          ``path``
``.json``               one article object, or a list of them                  ``path`` / ``path[3]``
``.jsonl``              one article object per line (blank lines skipped)      ``path:12`` (1-based line)
``.html`` ``.htm``      main text, title, site name and canonical URL via      ``path``
                        trafilatura (else the page's visible text)
``.warc`` ``.warc.gz``  each HTML ``response`` record, read as a page          ``path#1234`` (record offset)
directory               its files, recursively, in sorted order (hidden files  per file
                        and unknown suffixes skipped)
``-``                   stdin: a JSON object or list, JSON lines, a page       ``<stdin>`` / ``<stdin>:2``
                        (it begins with ``<``), else text
======================  =====================================================  ==========================

An article object may hold ``html`` (a crawled page) instead of ``text``.

**Metadata precedence.** What is given explicitly — ``given`` (``--published``, the
service's query parameters), then the fields of a JSON article, the WARC record's target
URI, a fetched URL — always wins; then ``defaults`` (metadata known from elsewhere, such as
a gold file); then what the page states in its metadata (trafilatura's title, site name
and canonical URL; the publication date from ``<meta>``/JSON-LD, :mod:`.page_dates`); then,
for the date only, a date in the byline or dateline of the page or text. ``notes`` say where
a date that was not given came from, and when a given date differs from the page's.
"""
from __future__ import annotations

import gzip
import io
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Union

from .articles import ARTICLE_FIELDS, ExtractionError, decode_text, url_month
from .page_dates import PAGE_BYLINE_LINES, FoundDate, byline_date, metadata_date, page_lines, parse_date_value

# trafilatura logs an ERROR for every page it cannot parse; here such a page is an error item.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".arc")
KNOWN_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES
STDIN = "-"


@dataclass
class InputError:
    """An input that could not be read: where, and why (one line)."""

    location: str
    message: str
    size: int = 0          # bytes of input it stands for (for progress)

    def as_dict(self, stage: str = "read") -> dict:
        return {"id": None, "location": self.location, "stage": stage, "message": self.message}


Item = Union[dict, InputError]


def iter_articles(paths: Iterable[str | Path], *, defer_html: bool = False, given: dict | None = None,
                  defaults: dict | None = None) -> Iterator[Item]:
    """Yield the articles of every path in order (directories recursively, sorted).

    ``given``: metadata that beats everything the input says (``{"published": "2025-10-21"}``);
    ``defaults``: metadata used where the input says nothing, before anything guessed.
    With ``defer_html=True`` a web page is yielded as it was read — a dict with ``html``
    (the page) instead of ``text``, plus the metadata that came with it — and
    :func:`finish_html` turns it into an article later, e.g. in a worker process.
    """
    for item in _iter_raw(paths):
        if isinstance(item, InputError):
            yield item
            continue
        item = _with_given(item, given, defaults)
        if "html" in item:
            yield item if defer_html else finish_html(item)
        else:
            yield _settle_text(item)


def read_bytes(raw: bytes, location: str, kind: str | None = None, *, given: dict | None = None,
               defaults: dict | None = None) -> Iterator[Item]:
    """The articles of one body (stdin, a request, a fetched page): ``kind`` is ``text``,
    ``json``, ``jsonl``, ``html`` or ``warc``; None sniffs it from the first bytes."""
    for item in _from_bytes(raw, location, kind or _sniff(raw)):
        if isinstance(item, InputError):
            yield item
            continue
        item = _with_given(item, given, defaults)
        yield finish_html(item) if "html" in item else _settle_text(item)


def article_from_mapping(obj: Any, location: str, *, given: dict | None = None) -> Item:
    """One JSON article object (``text``, or ``html`` for a page, and metadata), read as a
    ``.json`` file's would be."""
    item = _article(obj, location, 0)
    if isinstance(item, InputError):
        return item
    item = _with_given(item, given, None)
    return finish_html(item) if "html" in item else _settle_text(item)


def pipeline_fields(article: dict) -> dict:
    """What the pipeline takes of a read article: its text and the contract's metadata."""
    return {k: article[k] for k in ARTICLE_FIELDS if k in article}


def _with_given(item: dict, given: dict | None, defaults: dict | None) -> dict:
    item = dict(item)
    for key, value in (defaults or {}).items():
        if value is not None and item.get(key) in (None, ""):
            item[key] = value
    for key, value in (given or {}).items():
        if value is not None:
            item[key] = value
    return item


def finish_html(item: dict) -> Item:
    """A read web page to an article: trafilatura's text, title, site name and canonical URL,
    and the page's publication date, under the metadata that came with the page (which
    always wins; see the module docstring)."""
    extracted = html_article(item["html"], item["location"], item.get("size", 0))
    if isinstance(extracted, InputError):
        return extracted
    article = {k: v for k, v in item.items() if k != "html"}
    for key in ("title", "outlet", "url"):
        if article.get(key) in (None, "") and extracted.get(key):
            article[key] = extracted[key]
    article["text"] = extracted["text"]
    article["notes"] = list(article.get("notes") or []) + extracted.get("notes", [])
    return _settle_date(article, extracted.get("found_date"))


def _settle_text(item: dict) -> dict:
    """A text article's date: as given, else a byline or dateline in its first lines."""
    if not isinstance(item.get("text"), str):
        return item
    return _settle_date(dict(item), byline_date(item["text"].splitlines()))


def _settle_date(article: dict, found: FoundDate | None) -> dict:
    """Given beats the page's metadata, which beats its byline; the notes say which won."""
    notes = list(article.get("notes") or [])
    given = article.get("published")
    address_month = url_month(article.get("url"))
    if given not in (None, ""):
        if found is not None and str(given)[:10] != found.value.isoformat():
            notes.append(f"publication date {str(given)[:10]} as given; {found.describe()} says "
                         f"{found.value.isoformat()}")
    elif found is not None and found.source == "byline" and _address_disagrees(address_month, found.value):
        # a site's "today" line above the headline reads like a byline; the page's address is
        # the better witness of when the story was written (its month anchors the periods)
        notes.append(f"{found.describe()} is not taken as the publication date: the page's address dates "
                     f"it to {address_month:%B %Y}")
    elif found is not None:
        article["published"] = found.value.isoformat()
        notes.append(f"publication date {found.value.isoformat()} from {found.describe()}")
    if notes:
        article["notes"] = notes
    else:
        article.pop("notes", None)
    return article


def _address_disagrees(month, day) -> bool:
    """The month a page's address dates it to (or None) is another than ``day``'s ("/2022/08/"
    against a line reading November 29, 2023)."""
    return month is not None and (day.year, day.month) != (month.year, month.month)


def _iter_raw(paths: Iterable[str | Path]) -> Iterator[Item]:
    for path in paths:
        if str(path) == STDIN:
            raw = sys.stdin.buffer.read()
            yield from _from_bytes(raw, "<stdin>", _sniff(raw))
            continue
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from _from_file(file)
        elif path.exists():
            yield from _from_file(path)
        else:
            yield InputError(str(path), "no such file or directory")


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files ``iter_articles`` reads, in the same order (stdin and missing paths left out)."""
    for path in paths:
        if str(path) == STDIN:
            continue
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path


def total_bytes(paths: Iterable[str | Path]) -> int | None:
    """Total size of the input files; None when stdin is among them (size unknown)."""
    if any(str(p) == STDIN for p in paths):
        return None
    return sum(f.stat().st_size for f in input_files(paths))


def _walk(directory: Path) -> Iterator[Path]:
    files = []
    for file in directory.rglob("*"):
        rel = file.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if _kind(file.name) is None:
            continue
        files.append(file)
    yield from sorted(files, key=lambda f: f.as_posix())


def _kind(name: str) -> str | None:
    """'text', 'json', 'jsonl', 'html' or 'warc' from a file name; None for an unknown suffix."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("json", JSON_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("warc", WARC_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def _sniff(raw: bytes) -> str:
    head = raw.lstrip()[:1]
    if head in (b"{", b"["):
        try:
            json.loads(raw)
            return "json"
        except ValueError:
            return "jsonl" if head == b"{" else "json"
    if head == b"<":
        return "html"
    if raw.startswith(b"WARC/"):
        return "warc"
    return "text"


def _from_file(file: Path) -> Iterator[Item]:
    location = str(file)
    kind = _kind(file.name)
    if kind == "warc":
        yield from _from_warc(file)
        return
    try:
        if file.name.lower().endswith(".gz"):
            with gzip.open(file, "rb") as fh:
                if kind == "jsonl":       # stream a large .jsonl.gz line by line
                    yield from _from_jsonl_stream(fh, location)
                    return
                raw = fh.read()
        else:
            if kind == "jsonl":
                with open(file, "rb") as fh:
                    yield from _from_jsonl_stream(fh, location)
                return
            raw = file.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield InputError(location, f"cannot read: {e}", _size(file))
        return
    if kind is None:                      # named explicitly with an unknown suffix
        kind = _sniff(raw)
    yield from _from_bytes(raw, location, kind)


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _from_bytes(raw: bytes, location: str, kind: str) -> Iterator[Item]:
    if kind == "warc":
        yield from _from_warc_stream(io.BytesIO(raw), location)
    elif kind == "jsonl":
        yield from _from_jsonl_stream(io.BytesIO(raw), location)
    elif kind == "json":
        yield from _from_json(raw, location)
    elif kind == "html":
        yield {"html": raw, "location": location, "size": len(raw)}
    else:
        yield _from_text(raw, location)


def _from_text(raw: bytes, location: str) -> Item:
    try:
        text = decode_text(raw)
    except ExtractionError as e:
        return InputError(location, str(e), len(raw))
    return {"text": text, "location": location, "size": len(raw)}


def _article(obj: Any, location: str, size: int) -> Item:
    if not isinstance(obj, dict):
        return InputError(location, f"an article must be a JSON object with a 'text' field, got {type(obj).__name__}", size)
    if "text" not in obj and "html" not in obj:
        return InputError(location, "article has no 'text' field", size)
    article = dict(obj)
    if "text" not in article:     # a crawled page with its metadata: see finish_html
        if not isinstance(article["html"], str):
            return InputError(location, f"article 'html' must be a string, got {type(article['html']).__name__}", size)
        article["location"], article["size"] = location, size
        return article
    article.pop("html", None)
    if not isinstance(article["text"], str):
        return InputError(location, f"article 'text' must be a string, got {type(article['text']).__name__}", size)
    article["location"] = location
    article["size"] = size
    return article


def _from_json(raw: bytes, location: str) -> Iterator[Item]:
    try:
        data = json.loads(decode_text(raw))
    except ExtractionError as e:
        yield InputError(location, str(e), len(raw))
        return
    except json.JSONDecodeError as e:
        yield InputError(location, f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}", len(raw))
        return
    if isinstance(data, list):
        if not data:
            yield InputError(location, "empty JSON list: no articles", len(raw))
        share = len(raw) // max(1, len(data))
        for i, obj in enumerate(data):
            yield _article(obj, f"{location}[{i}]", share)
    else:
        yield _article(data, location, len(raw))


def _from_jsonl_stream(fh: BinaryIO, location: str) -> Iterator[Item]:
    for lineno, line in enumerate(fh, start=1):
        where = f"{location}:{lineno}"
        if not line.strip():
            continue
        try:
            obj = json.loads(decode_text(line))
        except ExtractionError as e:
            yield InputError(where, str(e), len(line))
            continue
        except json.JSONDecodeError as e:
            yield InputError(where, f"invalid JSON: {e.msg} at column {e.colno}", len(line))
            continue
        yield _article(obj, where, len(line))


def html_article(raw: bytes | str, location: str, size: int) -> Item:
    """What a page holds: ``text`` (trafilatura's main text, else the visible text), ``title``,
    ``outlet`` (site name), ``url`` (canonical), ``found_date`` (a :class:`FoundDate` from the
    page's metadata, else its byline) and ``notes``."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        html = raw if isinstance(raw, str) else decode_html(raw)
    except ExtractionError as e:
        return InputError(location, str(e), size)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # trafilatura raises assorted parser errors on broken markup
        return InputError(location, f"cannot parse HTML: {type(e).__name__}: {e}", size)
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(remove_comments=True))
    except (lxml.etree.ParserError, ValueError):     # a document of whitespace only
        tree = None
    notes = []
    text = doc.text if doc is not None else None
    if not (text or "").strip():
        # trafilatura keeps a page's main text and finds none in a fragment or a short page
        # ("<p>China exported $5 million.</p>"): read what a browser would show instead.
        text = "\n\n".join(page_lines(tree)) if tree is not None else ""
        if not text.strip():
            return InputError(location, "no text in the HTML page", size)
        notes.append("no main article text found in the HTML page; its visible text was read")
    article: dict[str, Any] = {"text": text, "location": location, "size": size, "notes": notes}
    if tree is not None:
        article["found_date"] = metadata_date(tree) or byline_date(page_lines(tree), limit=PAGE_BYLINE_LINES)
    if doc is None:
        return article
    if article.get("found_date") is None and doc.date:
        # Last: htmldate's own search (through trafilatura): a date in the URL or elsewhere in the text.
        found = parse_date_value(doc.date)
        if found is not None:
            article["found_date"] = FoundDate(found, "page", "htmldate")
    if doc.title:
        article["title"] = doc.title
    if doc.sitename:
        article["outlet"] = doc.sitename
    if doc.url:
        article["url"] = doc.url
    return article


def decode_html(raw: bytes) -> str:
    """HTML bytes to text: UTF-8, else the page's declared charset, else cp1252 (as browsers do)."""
    if b"\x00" in raw[:8192]:
        raise ExtractionError("input looks like a binary file (NUL bytes), not an HTML page")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    head = raw[:4096].lower()
    marker = head.find(b"charset=")
    if marker >= 0:
        charset = head[marker + 8:marker + 40].strip(b"\"' ").split(b'"')[0].split(b"'")[0].split(b";")[0]
        try:
            return raw.decode(charset.decode("ascii", "ignore").strip() or "cp1252")
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("cp1252", errors="replace")


def _from_warc(file: Path) -> Iterator[Item]:
    try:
        fh = open(file, "rb")
    except OSError as e:
        yield InputError(str(file), f"cannot read: {e}", _size(file))
        return
    with fh:
        yield from _from_warc_stream(fh, str(file))


def _from_warc_stream(fh: BinaryIO, location: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = fh.read(2)
    fh.seek(0)
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                head = gz.read(11)
        except (OSError, EOFError):
            head = b""
        fh.seek(0)
    else:
        head = fh.read(11)
        fh.seek(0)
    if not (head.startswith(b"WARC/") or head.startswith(b"filedesc://")):
        yield InputError(location, "not a WARC file (no WARC/ header)")
        return
    records = ArchiveIterator(fh)
    previous = 0
    try:
        for record in records:
            # The body must be read before asking for the offset: get_record_offset() reads the
            # record to its end.
            wanted = False
            if record.rec_type == "response":
                http = record.http_headers
                ctype = (http.get_header("Content-Type") if http else record.rec_headers.get_header("Content-Type")) or ""
                wanted = "html" in ctype.lower()
            body = record.content_stream().read() if wanted else b""
            offset = records.get_record_offset()
            where = f"{location}#{offset}"
            if not wanted:
                continue
            status = http.get_statuscode() if http else "200"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            size = max(0, offset - previous) or len(body)
            previous = offset
            if status and not str(status).startswith("2"):
                continue          # redirects and error pages are not articles
            item = {"html": body, "location": where, "size": size}
            if uri:
                item["url"] = uri     # the crawl's own record of the URL wins over the page's guess
            yield item
    except ArchiveLoadFailed as e:
        yield InputError(location, f"not a readable WARC file: {str(e).splitlines()[0]}")
    except (OSError, EOFError, ValueError) as e:
        yield InputError(location, f"WARC file is damaged: {e}")
