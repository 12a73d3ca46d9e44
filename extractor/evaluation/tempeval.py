"""TempEval-3 Platinum: TIMEX3 extent (strict / relaxed) and value F1.

Rules from shared/benchmarks/tempeval3_platinum/README.md and the TempEval-3
task paper (UzZaman et al., SemEval 2013, Task A):

* input = the ``<TEXT>`` content with all tags removed; the DCT is the
  ``published`` date;
* strict extent = identical character span; relaxed extent = any overlap;
* value F1: P = relaxed matches with the same ``value`` / system timexes,
  R = the same / gold timexes (the TE3 attribute score over relaxed matches).

"value (all types)" is the TE3 figure (comparable with HeidelTime's 77.61);
"value (DATE+DURATION)" keeps gold DATE and DURATION timexes only — system
timexes overlapping a gold TIME or SET timex are then left out of precision
(they are neither right nor wrong for that metric).

Some of our periods are two TIMEX3s in TimeML: a range of two calendar points ("2009-2010"),
"the first nine months of 2017" (DURATION P9M + DATE 2017), "the year ended March 31"
(DURATION P1Y + DATE, the day).

Our periods carry no TIMEX3 value unless the periods component fills
``Period.value``; :func:`timex_value` derives one from from/to/granularity/duration.
"""
from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Optional, Sequence

from .matching import Score, match_one_to_one, span_distance, spans_overlap, unmatched


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str = "DATE"          # DATE TIME DURATION SET
    value: Optional[str] = None
    mod: Optional[str] = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class TimeMLDocument:
    id: str
    text: str
    dct: Optional[date]
    timexes: list[Timex] = field(default_factory=list)


# --------------------------------------------------------------------------- loading

def parse_timeml(path: str | Path) -> TimeMLDocument:
    """Text of ``<TEXT>`` without tags, with the character offsets of its TIMEX3 elements."""
    root = ET.parse(path).getroot()
    doc_id = (root.findtext("DOCID") or Path(path).stem).strip()
    dct = None
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is not None and dct_el.get("value"):
        try:
            dct = date.fromisoformat(dct_el.get("value")[:10])
        except ValueError:
            dct = None
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(Timex(start, length, "".join(parts)[start:length], el.get("type", "DATE"),
                                 el.get("value"), el.get("mod")))

    if text_el is not None:
        walk(text_el)
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(doc_id, "".join(parts), dct, timexes)


def load_tempeval_dir(path: str | Path) -> list[TimeMLDocument]:
    return [parse_timeml(p) for p in sorted(Path(path).glob("*.tml"))]


def load_timeml_tree(path: str | Path) -> list[TimeMLDocument]:
    """Every ``.tml`` under ``path``, sub-folders included, in path order (TBAQ-cleaned keeps
    TimeBank and AQUAINT in two folders)."""
    return [parse_timeml(p) for p in sorted(Path(path).rglob("*.tml"))]


# --------------------------------------------------------------------------- our periods -> TIMEX3

def _d(value) -> Optional[date]:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def timex_value(period: dict) -> Optional[str]:
    """The TimeML TIMEX3 ``value`` of one of our periods (contract dict).

    ``period["value"]`` when the periods component filled it; otherwise:
    duration -> its ISO duration ("P6Y"); a day -> "2019-12-05"; ISO week ->
    "2013-W11"; a calendar month -> "2019-12"; quarter -> "2013-Q1"; half ->
    "2013-H1"; year -> "2013"; a decade -> "199"; a century -> "19"; an
    arbitrary from..to span -> None (TimeML has no range value).
    The shape of from/to decides, so a "range" that is exactly a month still maps.
    """
    if period.get("value"):
        return period["value"]
    if period.get("granularity") == "duration" or (period.get("duration") and not period.get("from")):
        return period.get("duration")
    start, end = _d(period.get("from")), _d(period.get("to"))
    if start is None and end is None:
        return period.get("duration")
    if start is None or end is None:
        return (start or end).isoformat()
    if start == end:
        return start.isoformat()
    granularity = period.get("granularity")
    if granularity == "week" or (start.isoweekday() == 1 and end - start == timedelta(days=6)):
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if start.day == 1 and end == _month_end(start):
        return f"{start.year}-{start.month:02d}"
    if start.day == 1 and end == _month_end(end) and start.year == end.year:
        months = end.month - start.month + 1
        if months == 3 and start.month in (1, 4, 7, 10):
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        if months == 6 and start.month in (1, 7):
            return f"{start.year}-H{1 if start.month == 1 else 2}"
        if months == 12:
            return f"{start.year}"
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        span = end.year - start.year + 1
        if span == 10 and start.year % 10 == 0:
            return str(start.year // 10)
        if span == 100 and start.year % 100 == 0:
            return str(start.year // 100)
    return None


def timex_type(period: dict) -> str:
    return "DURATION" if period.get("granularity") == "duration" else "DATE"


def timexes_from_result(result: dict) -> list[Timex]:
    out: list[Timex] = []
    for p in result.get("periods", []):
        value = timex_value(p)
        ends = _first_months(p) or _period_ended(p, value) or _range_ends(p, value)
        if ends:
            out += ends
        else:
            start, text = p.get("start", 0), p.get("text", "")
            signal = _SIGNAL.match(text)
            if signal and signal.end() < len(text):
                start, text = start + signal.end(), text[signal.end():]
            out.append(Timex(start, p.get("end", 0), text, timex_type(p), value))
    return out


# "within 18 months", "over three years": a preposition before a span is a TimeML SIGNAL, not part of
# the TIMEX3 (TimeML Annotation Guidelines 1.2.1, 2.3); our period keeps it as its bound
_SIGNAL = re.compile(r"(?:within|over)\s+", re.IGNORECASE)


# "the first nine months", "first six months of 2017", "the first nine months of the year"
_FIRST_MONTHS = re.compile(r"^(?P<span>(?:the\s+)?first\s+\S+\s+months)(?:(?P<joiner>,?\s+(?:of|in)\s+)(?P<year>.+))?$",
                           re.IGNORECASE)


def _first_months(period: dict) -> list[Timex]:
    """"The first nine months (of 1997)" as TimeML annotates it: a DURATION ``P9M`` for "the first
    nine months" (the span, anchored on its year) and, when the year is written, a DATE for it
    ("1997", "the year"): TimeBank's reading of results "for the first nine months", TIMEX3
    guidelines 1.2.1 (durations are their length; the year is a separate expression).
    [] when the period is no such span (a month run of a resolved year only)."""
    m = _FIRST_MONTHS.match(period.get("text", ""))
    start, end = _d(period.get("from")), _d(period.get("to"))
    if m is None or start is None or end is None or start.month != 1 or start.year != end.year:
        return []
    offset = period.get("start", 0)
    out = [Timex(offset, offset + m.end("span"), m.group("span"), "DURATION", f"P{end.month}M")]
    if m.group("year"):
        out.append(Timex(offset + m.start("year"), offset + m.end("year"), m.group("year"), "DATE", str(start.year)))
    return out


_PERIOD_ENDED = re.compile(r"^(?P<span>.+?)\s+(?:ended|ending)\s+(?P<day>.+)$", re.IGNORECASE)


def _period_ended(period: dict, value: Optional[str]) -> list[Timex]:
    """"The year ended March 31" as TimeML annotates it (TimeBank's financial reports): the period
    ("the year" a DURATION ``P1Y``, "the six months" ``P6M``; "the quarter" a DATE, ``2024-Q3``
    when it is a calendar quarter) and its last day ("March 31") are two TIMEX3s.
    [] when the period is no such span."""
    m = _PERIOD_ENDED.match(period.get("text", ""))
    start, end = _d(period.get("from")), _d(period.get("to"))
    if m is None or start is None or end is None or not re.search(r"\b(?:year|quarter|months|weeks)$", m["span"], re.I):
        return []
    offset = period.get("start", 0)
    span = m.group("span")
    days = (end - start).days + 1
    if span.lower().endswith("quarter"):
        first = Timex(offset, offset + len(span), span, "DATE", value if value and "-Q" in value else None)
    elif span.lower().endswith("weeks"):
        first = Timex(offset, offset + len(span), span, "DURATION", f"P{round(days / 7)}W")
    else:
        months = round(days / 30.44)
        first = Timex(offset, offset + len(span), span, "DURATION", "P1Y" if months == 12 else f"P{months}M")
    return [first, Timex(offset + m.start("day"), offset + m.end("day"), m.group("day"), "DATE", end.isoformat())]


# "2009-2010", "from 1957 to 1958", "1957-58", "January to March 2013": the joiner between two ends
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|/|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"^(?:from|between)\s+", re.IGNORECASE)


def _range_ends(period: dict, value: Optional[str]) -> list[Timex]:
    """A range of two calendar points ("2009-2010", value ``2009/2010``) as TimeML annotates it:
    two DATE timexes, one per end (TimeML Annotation Guidelines 1.2.1, 2.2.1: "from 1992 through
    1995" is two TIMEX3s; a range has no single value). [] when the period is no such range."""
    if not value or value.count("/") != 1 or value.startswith("P"):
        return []
    first_value, second_value = value.split("/")
    text, start = period.get("text", ""), period.get("start", 0)
    joiner = next((m for m in _RANGE_JOINER.finditer(text) if 0 < m.start() and m.end() < len(text)), None)
    if joiner is None:
        return []
    opener = _RANGE_OPENER.match(text)
    first_start = opener.end() if opener else 0
    if first_start >= joiner.start():
        return []
    return [Timex(start + first_start, start + joiner.start(), text[first_start:joiner.start()], "DATE", first_value),
            Timex(start + joiner.end(), start + len(text), text[joiner.end():], "DATE", second_value)]


# --------------------------------------------------------------------------- scoring

METRICS = ("extent strict", "extent relaxed", "value (all types)", "value (DATE+DURATION)")
VALUE_TYPES = ("DATE", "DURATION")
# "now", "currently", "at present": TimeML's PRESENT_REF. newsclaims leaves them out of its periods
# by design (a claim's period must be one a statistic exists for; the contract's gold leaves "now"
# out), so these metrics are also reported without them, to show what that decision costs.
PRESENT_REF = "PRESENT_REF"
METRICS_WITHOUT_PRESENT_REF = ("extent strict", "extent relaxed", "value (DATE+DURATION)")


def without_present_ref(metric: str) -> str:
    """The row name of ``metric`` scored without PRESENT_REF: "extent relaxed (without PRESENT_REF)",
    "value (DATE+DURATION, without PRESENT_REF)"."""
    if metric.endswith(")"):
        return metric[:-1] + ", without PRESENT_REF)"
    return metric + " (without PRESENT_REF)"


def without_value(docs: Sequence[TimeMLDocument], predicted: Sequence[Sequence[Timex]],
                  value: str = PRESENT_REF) -> tuple[list[TimeMLDocument], list[list[Timex]]]:
    """The documents without their gold timexes of ``value``, and the predictions without those
    overlapping such a timex (neither right nor wrong once the gold item is out)."""
    docs_out, preds_out = [], []
    for doc, preds in zip(docs, predicted):
        dropped = [t for t in doc.timexes if normalize_value(t.value) == value]
        docs_out.append(TimeMLDocument(doc.id, doc.text, doc.dct, [t for t in doc.timexes if t not in dropped]))
        preds_out.append([p for p in preds if not any(spans_overlap(p.span, t.span) for t in dropped)])
    return docs_out, preds_out


_WEEK = re.compile(r"^(\d{4})-W(\d)(?=$|-)")
_DECADE = re.compile(r"^(\d{3})X?$")
_UNSPECIFIED_TAIL = re.compile(r"^(\d{4}(?:-\d{2})?)(?:-XX)+$")


def normalize_value(value: Optional[str]) -> Optional[str]:
    """One spelling for values TimeML writes two ways: a week without its leading zero
    ('2000-W6' = '2000-W06') and a decade with or without its trailing X ('198X' = '198',
    the TimeML 1.2 guidelines' form), and a date whose finer parts are left unspecified is its
    known part ('1968-XX' = '1968', '2011-01-XX' = '2011-01')."""
    if not value:
        return value
    value = value.strip().upper()
    value = _WEEK.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", value)
    value = _UNSPECIFIED_TAIL.sub(r"\1", value)   # '1968-XX' = '1968': nothing said below the year
    return _DECADE.sub(lambda m: m.group(1), value)


@dataclass
class TimexScores:
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    misses: dict[str, Counter] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)


def value_shape(value: Optional[str]) -> str:
    """A coarse category of a TIMEX3 value, for miss reports ("YYYY-MM-DD", "PnY", "PRESENT_REF"...)."""
    import re
    if not value:
        return "none"
    v = re.sub(r"\d", "n", value)
    v = re.sub(r"n+", "n", v)
    return v


def score_timexes(gold_docs: Sequence[TimeMLDocument], predicted: Sequence[Sequence[Timex]],
                  with_values: bool = True) -> TimexScores:
    out = TimexScores()
    miss_by_type, miss_value_by_shape, value_confusions, false_hits = Counter(), Counter(), Counter(), Counter()
    for doc, preds in zip(gold_docs, predicted):
        gold = doc.timexes
        strict = match_one_to_one(gold, preds, lambda g, p: g.span == p.span)
        relaxed = match_one_to_one(gold, preds, lambda g, p: spans_overlap(g.span, p.span),
                                   preference=lambda g, p: span_distance(g.span, p.span))
        out.scores["extent strict"].add(len(strict), len(preds), len(gold))
        out.scores["extent relaxed"].add(len(relaxed), len(preds), len(gold))
        for gi in unmatched(gold, relaxed, 0):
            miss_by_type[gold[gi].type] += 1
        for pi in unmatched(preds, relaxed, 1):
            false_hits[preds[pi].type] += 1
        if not with_values:
            continue
        same_value = [(gi, pi) for gi, pi in relaxed
                      if normalize_value(gold[gi].value) == normalize_value(preds[pi].value)]
        out.scores["value (all types)"].add(len(same_value), len(preds), len(gold))
        right = {gi for gi, _ in same_value}
        # DATE + DURATION only; predictions on a gold TIME/SET timex are left out
        other = {pi for gi, pi in relaxed if gold[gi].type not in VALUE_TYPES}
        kept_gold = [gi for gi, g in enumerate(gold) if g.type in VALUE_TYPES]
        tp = sum(1 for gi in right if gold[gi].type in VALUE_TYPES)
        out.scores["value (DATE+DURATION)"].add(tp, len(preds) - len(other), len(kept_gold))
        pred_for = dict(relaxed)
        for gi in kept_gold:
            if gi in right:
                continue
            g = gold[gi]
            miss_value_by_shape[f"{g.type} {value_shape(g.value)}"] += 1
            if gi in pred_for:
                value_confusions[f"{g.value} ≠ {preds[pred_for[gi]].value}"] += 1
                out.details.append(f"{doc.id}: {g.text!r} gold {g.value} ours {preds[pred_for[gi]].value} "
                                   f"({preds[pred_for[gi]].text!r})")
            else:
                out.details.append(f"{doc.id}: {g.text!r} ({g.type} {g.value}) not found")
        for pi in unmatched(preds, relaxed, 1):
            out.details.append(f"{doc.id}: false hit {preds[pi].text!r} = {preds[pi].value}")
    out.misses = {"extent misses by TIMEX type": miss_by_type, "false hits by our type": false_hits}
    if with_values:
        out.misses["value misses (DATE+DURATION) by gold value shape"] = miss_value_by_shape
        out.misses["wrong values (gold ≠ ours)"] = value_confusions
    return out
