"""Where an article's publication date comes from when nobody gave one: the page's metadata,
else a date in its byline or dateline.

- :func:`metadata_date`: ``<meta>`` elements (Open Graph's ``article:published_time``,
  schema.org's ``datePublished``, Dublin Core …), elements marked ``itemprop="datePublished"``
  and JSON-LD, in the order of ``data/page_dates.json``.
- :func:`byline_date`: the first lines of a text (or of a page's visible text) that read as a
  byline or dateline: "Published March 21, 2024 09:00", "By Kim Min-ji | 2024.03.21", a
  line that is a date and nothing else. A publication date wins over an update date; a
  sentence that merely holds a date ("By March 21, 2024, exports had …") is not a byline.
- :func:`page_lines`: a page's visible text, one line per block element, for the byline.

Who decides between them, and between them and a date given with the article, is the
reader (:mod:`.inputs`): given beats metadata, which beats the byline.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Optional

DATA = Path(__file__).parent / "data" / "page_dates.json"
#: How many lines from the top of a text a byline may stand in; a page's chrome (navigation,
#: headline, share buttons) comes first, so a page gets more.
TEXT_BYLINE_LINES = 8
PAGE_BYLINE_LINES = 40
MAX_BYLINE_CHARS = 160
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th time tr ul".split())


@dataclass(frozen=True)
class FoundDate:
    """A publication date and where it was read: ``source`` is ``metadata``, ``byline``, or
    ``page`` (htmldate's search of the rest of the page, the last resort); ``evidence`` the
    metadata's name or the byline as written."""

    value: date
    source: str
    evidence: str

    def describe(self) -> str:
        if self.source == "metadata":
            return f"the page's metadata ({self.evidence})"
        if self.source == "byline":
            return f"a date in the byline ('{self.evidence}')"
        return "a date htmldate found elsewhere in the page (its address or text)"


@dataclass(frozen=True)
class _Tables:
    meta_names: tuple[str, ...]
    jsonld_keys: tuple[str, ...]
    published_cues: tuple[str, ...]
    updated_cues: tuple[str, ...]
    months: dict[str, int]
    date_patterns: tuple[re.Pattern, ...]


@cache
def _tables() -> _Tables:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    months = raw["months"]
    month = "|".join(sorted(months, key=len, reverse=True))
    patterns = (
        r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
        r"\b(?P<y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})\b",
        rf"\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{month})\.?,?\s+(?P<y>\d{{4}})\b",
    )
    return _Tables(tuple(raw["meta_names"]), tuple(raw["jsonld_keys"]),
                   tuple(sorted(raw["byline_published"], key=len, reverse=True)),
                   tuple(sorted(raw["byline_updated"], key=len, reverse=True)),
                   months, tuple(re.compile(p, re.IGNORECASE) for p in patterns))


def _date_in(text: str) -> Optional[tuple[date, re.Match]]:
    """The first calendar date written in ``text`` (ISO, 2024.03.21, March 21, 2024, 21 March 2024)."""
    tables = _tables()
    found = []
    for pattern in tables.date_patterns:
        for match in pattern.finditer(text):
            month = int(match["m"]) if match.groupdict().get("m") else tables.months[match["mon"].lower()]
            try:
                value = date(int(match["y"]), month, int(match["d"]))
            except ValueError:
                continue
            if 1900 <= value.year <= 2100:
                found.append((match.start(), value, match))
                break
    if not found:
        return None
    _, value, match = min(found, key=lambda f: f[0])
    return value, match


def parse_date_value(value: str) -> Optional[date]:
    """A metadata value as a date: its calendar day as written ("2024-03-21T09:00:00+09:00" is the
    21st: the publisher's own day), or a date written out ("March 21, 2024")."""
    found = _date_in(value.strip()[:80])
    return found[0] if found else None


def metadata_date(tree: Any) -> Optional[FoundDate]:
    """The publication date a parsed page (an lxml tree) states in its metadata, or None."""
    tables = _tables()
    stated: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = element.get("content")
        if key and content and key not in stated:
            stated[key] = content
    for element in tree.xpath("//*[@itemprop]"):
        if element.tag != "meta" and element.get("itemprop", "").strip().lower() not in stated:
            value = element.get("datetime") or element.get("content") or element.text_content()
            if value:
                stated[element.get("itemprop").strip().lower()] = value
    for name in tables.meta_names:
        if name in stated and (value := parse_date_value(stated[name])) is not None:
            return FoundDate(value, "metadata", name)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for key, value in _jsonld_dates(data):
            if key in tables.jsonld_keys and isinstance(value, str) and (day := parse_date_value(value)):
                return FoundDate(day, "metadata", f"JSON-LD {key}")
    return None


def _jsonld_dates(data: Any) -> Iterable[tuple[str, Any]]:
    """Every (key, value) of a JSON-LD document whose key names a date, depth first."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("date"):
                yield key, value
            yield from _jsonld_dates(value)
    elif isinstance(data, list):
        for item in data:
            yield from _jsonld_dates(item)


def byline_date(lines: Iterable[str], limit: int = TEXT_BYLINE_LINES) -> Optional[FoundDate]:
    """A date in a byline or dateline among the first ``limit`` non-empty lines, or None.
    A publication date wins over an update date."""
    tables = _tables()
    updated: Optional[FoundDate] = None
    seen = 0
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        seen += 1
        if seen > limit:
            break
        if len(line) > MAX_BYLINE_CHARS or (line.endswith(".") and len(line.split()) > 6):
            continue        # prose, not a byline
        found = _date_in(line)
        if found is None:
            continue
        value, match = found
        before = line[:match.start()].lower()
        cue_updated = any(cue in before for cue in tables.updated_cues)
        cue_published = any(cue in before for cue in tables.published_cues)
        rest = (line[:match.start()] + line[match.end():]).strip(" |·,-–—:()")
        is_byline = before.startswith("by ") or "|" in line or "·" in line
        is_dateline = len(rest) <= 25              # the date and a time or a zone at most
        if cue_updated and not cue_published:
            updated = updated or FoundDate(value, "byline", line)
        elif cue_published or is_byline or is_dateline:
            return FoundDate(value, "byline", line)
    return updated


def page_lines(tree: Any) -> list[str]:
    """A parsed page's visible text as lines: one per block element; no script or style."""
    from lxml import etree

    parts: list[str] = []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in ("script", "style", "noscript", "template", "head"):
            if event == "end" and element.tail:
                parts.append(element.tail)
            continue
        if _hidden_inside(element):
            continue
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    return [line.strip() for line in "".join(parts).splitlines() if line.strip()]


def _hidden_inside(element: Any) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() in ("script", "style", "noscript", "template", "head")
               for a in element.iterancestors())
