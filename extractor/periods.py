"""Periods: find date and time expressions in news text and resolve them to calendar spans.

Style follows textacy's ``extract/`` modules: pure functions over a parsed ``Doc``,
one rule per linguistic construction, tables in ``data/periods.json``.

Public API
----------
- :func:`find_periods` -- ``find_periods(doc, published) -> list[Period]``
- :func:`resolve_period` -- parse + resolve one expression (CLI, tests)
- spaCy factory ``"newsclaims_periods"`` -- sets ``doc._.periods``

Resolution rules (the decisions a reader needs to know)
-------------------------------------------------------
Deictic expressions ("last month", "this year", "Monday", "yesterday") are anchored
on the publication date (TimeML's document creation time, DCT). Following AP style,
where wire copy writes the weekday instead of "today", a bare weekday is the most
recent such day *on or before* publication (so a Friday story's "Friday" is that
Friday, as in TimeML gold); when the clause is in the future tense ("will meet on
Monday") it is the next such day on or after publication.

A bare month ("in September") is the latest such month that starts on or before
publication (the month containing the publication date counts); a bare day-month
("June 24") the latest such day not after publication -- except a day-month at most
``upcoming_day_window`` (7) days after publication, which is the coming one (a Thursday
story about "June 1" next Monday). Future tense ("will", "is due to", "plans to",
"postponed until") flips both to the earliest such month/day not before publication.
If the *same sentence* writes a bare year ("in September, when exports ... in 2019")
that year wins, unless it would put a past-tense period after publication. The same
rule fills the year of "the first quarter", "the first half", "the first nine months".
These are not ``relative`` (the text names the period; only its year is inferred).
Sentences come from the parser, and every line break also ends one (headlines,
captions and datelines are not part of the next sentence).

Anaphoric expressions ("a year earlier", "the same period last year", "the previous
month", "a month earlier", "from a year ago") are anchored on the period the sentence
talks about: the nearest preceding resolved (non-duration, non-anaphoric) period in the
same sentence, else the nearest one after it in the same sentence ("fell 40% from the
previous month in October 2017"), else the last one of the previous sentence, else the
publication date ("ago" skips the previous sentence: TimeML anchors "ago" on the DCT
unless the clause itself names a period). "of that year" / "that year" / "of the year"
take the anchor's year; "that year" never falls back to publication. "N units earlier" shifts the anchor keeping its granularity ("September
2025" + "a year earlier" -> September 2024); "the previous month" is the calendar
month before the one containing the anchor.

Durations ("six years", "over six years", "nearly two decades") get granularity
``duration``, an ISO 8601 ``duration`` (decades/centuries in years: P20Y) and a
``bound`` from the preceding quantifier; from/to stay None -- except "the past three
months" / "the last two years", which are anchored on publication and also get
from/to (from = publication - N units + 1 day, to = publication), ``relative`` true.
Vague durations ("recent weeks", "several months") keep ``duration`` None and carry
the TimeML value ``PXW`` / ``PXM``.

Candidates come from regular expressions over ``doc.text`` built from the lexicon;
tokens (POS, dependencies, entity labels) then accept or reject them (``May`` the
modal, "USA Today", "$500 a month"). spaCy's DATE entities are only hints: one that the
rules got in pieces ("March the 3rd, 2019") is handed to dateparser, and kept only if
dateparser reads all of it. When two readings overlap the longest wins.

Not periods: ages ("45-year-old"), frequencies ("annually", "every year", "twice a
year"), ordinals of events ("the 80th anniversary"), "now"/"currently".
"""
from __future__ import annotations

import bisect
import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from extractor.calendar_spans import month_end
import extractor.extensions  # noqa: F401  (registers Doc._.published / Doc._.periods)
from extractor.extensions import add_warning
from models import Period

__all__ = ["find_periods", "resolve_period", "PeriodFinder", "period_value"]

_DATA = json.loads((Path(__file__).parent / "data" / "periods.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _DATA["months"]
AMBIGUOUS_MONTHS: set[str] = set(_DATA["ambiguous_months"])
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
ORDINALS: dict[str, int] = _DATA["ordinals"]
NUMBERS: dict[str, float] = _DATA["numbers"]
VAGUE: list[str] = _DATA["vague_numbers"]
UNIT_ABBREVIATIONS: dict[str, list] = _DATA["unit_abbreviations"]
UNITS: dict[str, list] = {**_DATA["units"], **UNIT_ABBREVIATIONS}
BOUNDS: dict[str, str] = _DATA["bounds"]
DEICTIC_SHIFT: dict[str, int] = _DATA["deictic_shift"]
ANAPHORIC_DIRECTION: dict[str, int] = _DATA["anaphoric_direction"]
DAY_WORDS: dict[str, int] = _DATA["day_words"]
SEASONS: dict[str, str] = _DATA["seasons"]
SEASON_MONTHS: dict[str, list[int]] = _DATA["season_months"]
PART_OF_PERIOD: dict[str, str] = _DATA["part_of_period"]
FUTURE_AUX: set[str] = set(_DATA["future_auxiliaries"])
FUTURE_VERBS: set[str] = set(_DATA["future_verbs"])
SET_CUES: set[str] = set(_DATA["set_cues"])
YEAR_NOUN_BLOCKERS: set[str] = set(_DATA["year_noun_blockers"])
UPCOMING_DAYS: int = _DATA["upcoming_day_window"]

# --------------------------------------------------------------------------- regex fragments


def _alt(words, *, capitalised: bool = False) -> str:
    """Alternation, longest first; ``capitalised`` matches only Title/UPPER case (proper names)."""
    words = sorted(set(words), key=len, reverse=True)
    if capitalised:
        forms = []
        for w in words:
            forms += [re.escape(w.title()), re.escape(w.upper())]
        return "(?-i:" + "|".join(dict.fromkeys(forms)) + ")"
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


_UNITS_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
B = r"(?<![\w$€£¥#/-])"          # left word boundary that also refuses "$2019", "No.#2019", "45-"
E = r"(?![\w])"                    # right word boundary
# an abbreviation keeps its dot ("Sept. 4"); a full name never takes the sentence's full stop
MON = ("(?:" + _alt([m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")], capitalised=True) + r"\.?|"
       + _alt([m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")], capitalised=True) + ")")
WDAY = ("(?:" + _alt([w for w in WEEKDAYS if len(w) <= 5 and not w.endswith("day")], capitalised=True) + r"\.?|"
        + _alt([w for w in WEEKDAYS if w.endswith("day")], capitalised=True) + ")")
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_NUM_BASE = (r"(?:\d+(?:\.\d+)?|(?:" + "|".join(_TENS) + r")-(?:" + "|".join(_UNITS_WORDS) + r")|"
             + _alt(NUMBERS) + ")")
NUM = _NUM_BASE + r"(?:[\s-]+and[\s-]+a[\s-]+half)?"  # "seven and a half years", "four-and-a-half"
_UNIT_ABBREVIATION = "(?-i:" + "|".join(sorted(UNIT_ABBREVIATIONS, key=len, reverse=True)) + ")"  # lower case only
UNIT = "(?:" + _alt(_DATA["units"]) + "|" + _UNIT_ABBREVIATION + ")"
# a unit word after its number; an abbreviation may be glued to the digits ('40min')
UNIT_GAP = r"(?:[\s-]+|(?<=\d)(?=" + _UNIT_ABBREVIATION + r"\b))"
# words between a number and its unit of time: 'five straight months', 'ten trading days'
SPAN_MODIFIERS = r"(?:(?:trading|business|working|consecutive|straight|calendar|full)\s+){0,2}"
BOUND = _alt(BOUNDS)
ORD = _alt(ORDINALS)
PART = r"(?:" + _alt([p for p in PART_OF_PERIOD if not p.endswith("-")]) + r"\s+|mid-|end-)"
SEASON = _alt(SEASONS)
OFYEAR = (r"(?:,?\s+(?:of\s+|in\s+)?(?:(?P<yr>" + YEAR + r")|fiscal\s+(?:year\s+)?(?P<fyr>" + YEAR
          + r")|(?P<ryr>(?:the\s+)?(?:this|last|next|previous|current|prior|same)\s+year|the\s+year|that\s+year)))")


@dataclass
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match
    order: int
    written_year: Optional[int] = None


@dataclass
class _Context:
    doc: Doc
    text: str  # doc.text, computed once (Doc.text re-joins every token on each access)
    published: Optional[date]
    sent_starts: list[int]
    tok_starts: list[int]
    candidates: list[_Candidate]
    resolved: list[tuple[int, Period]] = field(default_factory=list)  # (sentence index, period) usable as anchors
    unresolved: list[str] = field(default_factory=list)

    def sentence_of(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def token_at(self, char: int):
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(i, 0)] if len(self.doc) else None


# --------------------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return month_end(date(y, m, 1))


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _shift_date(d: date, months: int = 0, days: int = 0) -> date:
    if months:
        y, m = _add_months(d.year, d.month, months)
        d = date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return d + timedelta(days=days)


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _month_end(y, m)


def _quarter_span(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _half_span(y: int, h: int) -> tuple[date, date]:
    return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)


def _week_span(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def period_value(frm: Optional[date], to: Optional[date], granularity: str) -> Optional[str]:
    """TimeML TIMEX3 ``value`` for a resolved calendar span ("2019-12", "2013-Q1", "2013-W11")."""
    if frm is None or to is None:
        return None
    if granularity == "day":
        return frm.isoformat()
    if granularity == "week":
        y, w, _ = frm.isocalendar()
        return f"{y}-W{w:02d}"
    if granularity == "month":
        return f"{frm.year}-{frm.month:02d}"
    if granularity == "quarter":
        return f"{frm.year}-Q{(frm.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{frm.year}-H{(frm.month - 1) // 6 + 1}"
    if granularity == "year":
        return str(frm.year)
    if frm.day == 1 and to == _month_end(to.year, to.month):
        return f"{frm.year}-{frm.month:02d}/{to.year}-{to.month:02d}"
    return f"{frm.isoformat()}/{to.isoformat()}"


def _number(word: str) -> Optional[float]:
    w = re.sub(r"\s+", " ", word.lower())
    half = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", w)
    if half:
        base = _number(w[:half.start()])
        return None if base is None else base + 0.5
    if w in NUMBERS:
        return NUMBERS[w]
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in NUMBERS and unit in NUMBERS:
            return NUMBERS[tens] + NUMBERS[unit]
    try:
        return float(w)
    except ValueError:
        return None


def _iso_duration(n: float, unit_word: str) -> str:
    code, mult = UNITS[unit_word.lower()]
    q = n * mult
    q_txt = str(int(q)) if float(q).is_integer() else f"{q:g}"
    if code.startswith("T"):  # ISO 8601 time part: PT24H
        return f"PT{q_txt}{code[1:]}"
    return f"P{q_txt}{code}"


def _month_of(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


# --------------------------------------------------------------------------- resolution helpers


def _is_future(ctx: _Context, char: int) -> bool:
    """Is the clause governing ``char`` about the future (relative to publication)?

    Reichenbach: a bare date takes the clause's reference time. Cues, from the date's
    governing verb up: a "will"/"shall" auxiliary ("will meet on Monday"); an infinitive
    that modifies a noun ("a program to run through June") or depends on a present-tense or
    scheduling predicate ("is due to be published in May", "plans to visit in June");
    a scheduling predicate itself ("is scheduled for June"); "until" after a present or
    present-perfect verb ("has been postponed until Saturday")."""
    tok = ctx.token_at(char)
    if tok is None:
        return False
    prep = None
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in FUTURE_VERBS:
            return _clause_is_future(tok, prep)
        if prep is None and tok.dep_ == "prep":
            prep = tok
        if tok.head is tok:
            break
        tok = tok.head
    return False


def _clause_is_future(verb, prep) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return True
    present_aux = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if verb.lemma_.lower() in FUTURE_VERBS and (present_aux or verb.tag_ in ("VBZ", "VBP")):
        return True
    if any(a.lower_ == "to" for a in auxes):  # infinitive
        if verb.dep_ in ("acl", "relcl"):
            return True
        head = verb.head
        if head is not verb:
            head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in FUTURE_AUX for a in head_aux):
                return True
            if head.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in head_aux):
                return True  # "has identified companies to run through June": purpose, ahead of now
            if head.lemma_.lower() in FUTURE_VERBS or head.tag_ in ("VBZ", "VBP"):
                return True
            if head.pos_ == "ADJ" and any(a.tag_ in ("VBZ", "VBP") for a in head.head.children if a.dep_ in ("aux",)) \
                    or (head.pos_ == "ADJ" and head.head.tag_ in ("VBZ", "VBP")):
                return True
    if prep is not None and prep.lower_ in ("until", "till") and (present_aux or verb.tag_ in ("VBZ", "VBP")):
        return True
    return False


def _sentence_year(ctx: _Context, cand: _Candidate) -> Optional[int]:
    """A bare year written in the same sentence ("in September, when ... in 2019")."""
    sent = ctx.sentence_of(cand.start)
    best = None
    for other in ctx.candidates:
        if other is cand or other.written_year is None or other.rule not in ("year", "fiscal_year"):
            continue
        if ctx.sentence_of(other.start) != sent:
            continue
        dist = abs(other.start - cand.start)
        if best is None or dist < best[0]:
            best = (dist, other.written_year)
    return best[1] if best else None


def _anchor(ctx: _Context, start: int, *, previous_sentence: bool = True, following: bool = True,
            whole_discourse: bool = False) -> Optional[tuple[date, date, str]]:
    """The period the sentence talks about: the nearest preceding resolved calendar period in
    the same sentence, else (optionally) the last one of the previous sentence, else the
    publication date (TimeML: anaphoric expressions take the reference time of the discourse)."""
    sent = ctx.sentence_of(start)
    before = [(s_idx, p) for s_idx, p in ctx.resolved
              if p.from_ is not None and p.granularity != "duration" and p.start < start]
    before.sort(key=lambda sp: sp[1].start)
    if before and before[-1][0] == sent:
        p = before[-1][1]
        return p.from_, p.to, p.granularity
    # "fell 40% from the previous month in October 2017": the sentence's period may come after
    after = [p for s_idx, p in ctx.resolved
             if following and s_idx == sent and p.start > start and p.from_ is not None and p.granularity != "duration"]
    if after:
        p = min(after, key=lambda p: p.start)
        return p.from_, p.to, p.granularity
    if before and ((previous_sentence and before[-1][0] == sent - 1) or whole_discourse):
        p = before[-1][1]
        return p.from_, p.to, p.granularity
    if whole_discourse:
        return None
    if ctx.published is None:
        return None
    return ctx.published, ctx.published, "day"


def _latest_not_after(published: date, make: Callable[[int], tuple[date, date]], *, future: bool) -> tuple[date, date]:
    """Latest period (by year) that starts on or before publication; with ``future`` the
    earliest one that ends on or after it."""
    y = published.year
    if future:
        for yy in (y - 1, y, y + 1):
            frm, to = make(yy)
            if to >= published:
                return frm, to
    for yy in (y + 1, y, y - 1):
        frm, to = make(yy)
        if frm <= published:
            return frm, to
    return make(y - 1)


def _year_from_group(ctx: _Context, cand: _Candidate, m: re.Match) -> tuple[Optional[int], bool]:
    """Year named after a quarter/half/month span ("of 2017", "of last year", "of the year").
    Returns (year, relative)."""
    gd = m.groupdict()
    if gd.get("yr"):
        return int(gd["yr"]), False
    if gd.get("fyr"):
        return int(gd["fyr"]), False
    if gd.get("yy"):
        return 2000 + int(gd["yy"]), False  # "Q3 '24"
    ryr = gd.get("ryr")
    if ryr:
        det = ryr.lower().split()[-2]  # "last" year, "the" year, the "previous" year
        if det in ("this", "last", "next", "current"):
            # deictic (TimeML: anchored on the DCT)
            if ctx.published is None:
                return None, True
            return ctx.published.year + DEICTIC_SHIFT[det], True
        # "of the year", "of the previous year", "of the same year": the year the text is about
        anchor = _anchor(ctx, cand.start)
        if anchor is None:
            return None, True
        return anchor[0].year - (1 if det in ("previous", "prior") else 0), True
    return None, False


def _year_by_rule(ctx: _Context, cand: _Candidate, make, *, future_ok: bool = True) -> Optional[tuple[date, date]]:
    """Year of a period named without one: the sentence's written year, else the latest
    such period not after publication (see module docstring)."""
    future = future_ok and ctx.published is not None and _is_future(ctx, cand.start)
    y = _sentence_year(ctx, cand)
    if y is not None:
        span = make(y)
        # the sentence's year only if it does not push a past-tense period past publication
        if ctx.published is None or future or span[0] <= ctx.published:
            return span
    if ctx.published is None:
        return None
    if future_ok and not future:
        # A day-month within a week after publication is the coming one: a story written on
        # Thursday about "June 1" next Monday (news rarely names a day a year back without its year).
        nxt = _latest_not_after(ctx.published, make, future=True)
        if nxt[0] == nxt[1] and timedelta(0) < nxt[0] - ctx.published <= timedelta(days=UPCOMING_DAYS):
            return nxt
    return _latest_not_after(ctx.published, make, future=future)


# --------------------------------------------------------------------------- rules
# Each rule: (name, regex, resolver). A resolver returns a dict of Period fields (without
# text/start/end) or None to drop the candidate, or raises _NeedsPublication.


class _NeedsPublication(Exception):
    pass


def _need(ctx: _Context) -> date:
    if ctx.published is None:
        raise _NeedsPublication
    return ctx.published


def _cal(frm, to, gran, *, relative=False, bound="exact", value=None):
    return dict(from_=frm, to=to, granularity=gran, relative=relative, bound=bound,
                value=value if value is not None else period_value(frm, to, gran))


def _resolve_iso_date(ctx, cand, m):
    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _cal(d, d, "day")


_PARSER = None


def _dateparser():
    """One ``DateDataParser`` per process: constructing one (and language detection) is slow."""
    global _PARSER
    if _PARSER is None:
        from dateparser.date import DateDataParser

        _PARSER = DateDataParser(languages=["en"], settings={
            "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY", "REQUIRE_PARTS": ["year"]})
    return _PARSER


@lru_cache(maxsize=4096)
def _dateparser_absolute(text: str) -> Optional[tuple[date, str]]:
    """Absolute date (with a written year) via dateparser; None when it cannot parse."""
    data = _dateparser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _resolve_numeric_date(ctx, cand, m):
    got = _dateparser_absolute(m.group(0))
    if got is None:
        return None
    d, _ = got
    return _cal(d, d, "day")


def _resolve_written_day(ctx, cand, m):
    """"October 20, 2025", "Sept. 4", "20 Oct 2025", "Monday, Oct. 20": a calendar day.
    A day-month without a year takes the latest year not after publication (rule 5)."""
    month = _month_of(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group(0))
    if day > calendar.monthrange(2000, month)[1]:
        return None
    if m["yr"]:
        y = int(m["yr"])
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return _cal(d, d, "day")

    def make(y):
        dd = date(y, month, min(day, calendar.monthrange(y, month)[1]))
        return dd, dd

    span = _year_by_rule(ctx, cand, make)
    if span is None:
        raise _NeedsPublication
    return _cal(*span, "day")


def _resolve_day_range(ctx, cand, m):
    """"September 16-19", "Oct. 3 to 5, 2025": one range of days in one month."""
    d1 = int(re.match(r"\d+", m["day"]).group(0))
    d2 = int(re.match(r"\d+", m["day2"]).group(0))
    first = _resolve_written_day(ctx, cand, m)
    if first is None or d2 <= d1 or d2 > calendar.monthrange(first["from_"].year, first["from_"].month)[1]:
        return first
    frm = first["from_"]
    return _cal(frm, frm.replace(day=d2), "range")


def _resolve_month_year(ctx, cand, m):
    month = _month_of(m["mon"])
    frm, to = _month_span(int(m["yr"]), month)
    return _cal(frm, to, "month")


def _resolve_deictic_month(ctx, cand, m):
    """"in September", "last July", "this December", "next March".

    Bare month: rule 5 (latest not after publication; sentence year wins). With a
    deictic determiner (TimeML: anchored on the DCT): "last July" = the latest July before
    the month of publication; "next July" = the first after it; "this July" = the pub year."""
    month = _month_of(m["mon"])
    rel = (m["rel"] or "").lower()
    if not rel:
        span = _year_by_rule(ctx, cand, lambda y: _month_span(y, month))
        if span is None:
            raise _NeedsPublication
        return _cal(*span, "month")
    pub = _need(ctx)
    shift = DEICTIC_SHIFT[rel]
    if shift == 0:
        y = pub.year
    elif shift < 0:
        y = pub.year if month < pub.month else pub.year - 1
    else:
        y = pub.year if month > pub.month else pub.year + 1
    return _cal(*_month_span(y, month), "month", relative=True)


def _resolve_month_of_year(ctx, cand, m):
    """"June of that year", "March of last year", "May this year": the month in the year named."""
    month = _month_of(m["mon"])
    y, rel = _year_from_group(ctx, cand, m)
    if y is None:
        raise _NeedsPublication
    return _cal(*_month_span(y, month), "month", relative=rel)


def _resolve_month_range(ctx, cand, m):
    """"January-June", "January to June 2017", "the January-September period": one range."""
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    if m["yr"]:
        y = int(m["yr"])
        y1 = y if m1 <= m2 else y - 1
        return _cal(date(y1, m1, 1), _month_end(y, m2), "range")
    span = _year_by_rule(ctx, cand, lambda y: (date(y if m1 <= m2 else y - 1, m1, 1), _month_end(y, m2)),
                         future_ok=False)
    if span is None:
        raise _NeedsPublication
    return _cal(*span, "range")


def _ordinal_quarter(word: str) -> Optional[int]:
    w = word.lower()
    if w in ("final", "last"):
        return 4
    q = ORDINALS.get(w)
    return q if q and q <= 4 else None


def _resolve_named_quarter(ctx, cand, m):
    """"the first quarter", "Q3 2024", "the third quarter of last year", "2013 Q1"."""
    q = int(m["q"]) if m.groupdict().get("q") else _ordinal_quarter(m["ord"])
    if q is None:
        return None
    if m.groupdict().get("ord") and m["ord"].lower() in ("last", "final") and not m.groupdict().get("yr") \
            and not m.groupdict().get("ryr") and not m.groupdict().get("fyr"):
        return _resolve_deictic_unit(ctx, cand, "last", "quarter")
    return _span_in_year(ctx, cand, m, lambda yy: _quarter_span(yy, q), "quarter")


def _span_in_year(ctx, cand, m, span_of, granularity: str):
    """A quarter or half of the year the expression names, else of the year the rules give it."""
    y, rel = _year_from_group(ctx, cand, m)
    if y is not None:
        return _cal(*span_of(y), granularity, relative=rel)
    if rel:
        raise _NeedsPublication
    span = _year_by_rule(ctx, cand, span_of, future_ok=False)
    if span is None:
        raise _NeedsPublication
    return _cal(*span, granularity)


def _resolve_named_half(ctx, cand, m):
    """"the first half of 2017", "H1", "the second half", "first-half"."""
    if m.groupdict().get("h"):
        h = int(m["h"])
    else:
        h = 1 if m["ord"].lower() in ("first", "1st") else 2
    return _span_in_year(ctx, cand, m, lambda yy: _half_span(yy, h), "half")


def _resolve_first_n_units(ctx, cand, m):
    """"the first nine months (of 2017)", "first three quarters of 2017", "the first two months
    of the year", "the last two months of 2024": a span from the start (end) of a year.
    "the past/last three months" without a year is a duration ending on publication."""
    n = _number(m["n"])
    unit = m["unit"].lower()
    edge = m["edge"].lower()
    if n is None or n != int(n):
        return None
    n = int(n)
    months = n * (3 if unit.startswith("quarter") else 1)
    y, rel = _year_from_group(ctx, cand, m)
    if edge in ("past", "last", "previous") and y is None and not m["ryr"]:
        return _resolve_past_n_units(ctx, cand, n, unit, bound="exact")
    if unit.startswith("week") or months > 12 or months < 1:
        return None
    if edge == "first":
        make = lambda yy: (date(yy, 1, 1), _month_end(yy, months))  # noqa: E731
    else:
        make = lambda yy: (date(yy, 13 - months, 1), _month_end(yy, 12))  # noqa: E731
    if y is not None:
        frm, to = make(y)
    else:
        if rel:
            raise _NeedsPublication
        span = _year_by_rule(ctx, cand, make, future_ok=False)
        if span is None:
            raise _NeedsPublication
        frm, to = span
    gran = "range"
    if months == 3 and frm.month in (1, 10):
        gran = "quarter"
    elif months == 6:
        gran = "half"
    elif months == 12:
        gran = "year"
    return _cal(frm, to, gran, relative=rel)


def _resolve_past_n_units(ctx, cand, n, unit, *, bound):
    """"the past three months": a duration ending on publication (from/to filled; relative)."""
    dur = _iso_duration(n, unit)
    if ctx.published is None:
        return dict(from_=None, to=None, granularity="duration", duration=dur, bound=bound,
                    relative=True, value=dur, _needs_pub=True)
    code, mult = UNITS[unit.lower()]
    q = int(n * mult)
    to = ctx.published
    if code == "Y":
        frm = _shift_date(to, months=-12 * q, days=1)
    elif code == "M":
        frm = _shift_date(to, months=-q, days=1)
    elif code == "W":
        frm = to - timedelta(days=7 * q - 1)
    elif code.startswith("T"):
        frm = to - timedelta(days=max(0, -(-q // (24 if code == "TH" else 1440)) - 1))
    else:
        frm = to - timedelta(days=q - 1)
    return dict(from_=frm, to=to, granularity="duration", duration=dur, bound=bound, relative=True, value=dur)


def _resolve_year_range(ctx, cand, m):
    """"2017-2019", "from 2017 to 2019", "between 2010 and 2015", "2017-18"."""
    y1 = int(m["y1"])
    y2s = m["y2"] or m["y2s"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 100:
        return None
    return _cal(date(y1, 1, 1), date(y2, 12, 31), "range", value=f"{y1}/{y2}")


def _resolve_decade(ctx, cand, m):
    """"the 1990s", "the '90s": a range of ten years (TimeML value "199")."""
    d = m["dec"]
    if d.startswith("'") or len(d) == 2:
        dd = int(d.strip("'"))
        base = 1900 + dd if dd >= 30 else 2000 + dd
    else:
        base = int(d)
    if base % 10:
        return None
    return _cal(date(base, 1, 1), date(base + 9, 12, 31), "range", value=str(base // 10))


def _resolve_century(ctx, cand, m):
    n = ORDINALS.get(m["c"].lower())
    if n is None:
        digits = re.match(r"\d+", m["c"])
        n = int(digits.group(0)) if digits else None
    if not n or n > 21:
        return None
    start = (n - 1) * 100
    return _cal(date(max(start, 1), 1, 1), date(start + 99, 12, 31), "range", value=f"{n - 1:02d}")


def _resolve_bare_year(ctx, cand, m):
    y = int(m["yr"])
    return _cal(date(y, 1, 1), date(y, 12, 31), "year")


def _resolve_season(ctx, cand, m):
    """"last summer", "summer 2019", "the winter of 2012" (meteorological, northern hemisphere)."""
    code = SEASONS[m["season"].lower()]
    a, b = SEASON_MONTHS[code]
    if m["yr"]:
        y = int(m["yr"])
        rel = False
    elif not m["rel"]:
        return None  # "summer" alone: which one is not said
    else:
        # deictic (DCT-anchored): "this" = the season of the publication year (a winter that
        # began last December while it is still Jan/Feb); "last"/"past" = the latest one already
        # over; "next"/"coming" = the first one not yet begun
        pub = _need(ctx)
        shift = DEICTIC_SHIFT[m["rel"].lower()]

        def bounds(yy):
            return date(yy, a, 1), (_month_end(yy + 1, b) if b < a else _month_end(yy, b))

        years = range(pub.year - 2, pub.year + 2)
        if shift < 0:
            y = max(yy for yy in years if bounds(yy)[1] < pub)
        elif shift > 0:
            y = min(yy for yy in years if bounds(yy)[0] > pub)
        else:
            y = pub.year - 1 if code == "WI" and pub.month <= b else pub.year
        rel = True
    frm = date(y, a, 1)
    to = _month_end(y + 1, b) if b < a else _month_end(y, b)
    return _cal(frm, to, "range", relative=rel, value=f"{y}-{code}")


def _resolve_deictic_unit(ctx, cand, rel: str, unit: str):
    """"last month", "this year", "next week", "last quarter": TimeML guidelines -- anchored on
    the DCT, shifted by whole calendar units (not 30 days back)."""
    pub = _need(ctx)
    shift = DEICTIC_SHIFT[rel.lower()]
    unit = unit.lower()
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, shift)
        return _cal(*_month_span(y, mo), "month", relative=True)
    if unit == "year":
        return _cal(date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31), "year", relative=True)
    if unit == "quarter":
        y, mo = _add_months(pub.year, (pub.month - 1) // 3 * 3 + 1, 3 * shift)
        return _cal(*_quarter_span(y, (mo - 1) // 3 + 1), "quarter", relative=True)
    if unit == "week":
        frm, to = _week_span(pub + timedelta(days=7 * shift))
        return _cal(frm, to, "week", relative=True)
    if unit == "weekend":
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7) if shift <= 0 else pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        return _cal(sat, sat + timedelta(days=1), "range", relative=True,
                    value=f"{sat.isocalendar()[0]}-W{sat.isocalendar()[1]:02d}-WE")
    return None


def _resolve_the_weekend(ctx, cand, m):
    """"over the weekend": the weekend just past, or the coming one in a future clause."""
    return _resolve_deictic_unit(ctx, cand, "next" if _is_future(ctx, cand.start) else "this", "weekend")


def _resolve_months_to(ctx, cand, m):
    """"the 12 months to June", "the three months ended September 2024": a span of whole months
    ending with the named month (whose year follows the bare-month rule)."""
    n = _number(m["n"])
    if n is None or n != int(n) or not 1 <= n <= 120:
        return None
    month = _month_of(m["mon"])
    if m["yr"]:
        end_y = int(m["yr"])
    else:
        span = _year_by_rule(ctx, cand, lambda y: _month_span(y, month), future_ok=False)
        if span is None:
            raise _NeedsPublication
        end_y = span[0].year
    sy, sm = _add_months(end_y, month, -int(n) + 1)
    return _cal(date(sy, sm, 1), _month_end(end_y, month), "range")


def _resolve_deictic(ctx, cand, m):
    rel = m["rel"].lower()
    unit = m["unit"].lower().replace("fiscal ", "")
    if unit in ("decade", "century"):
        return _deictic_decade_or_century(ctx, cand, rel, unit, bool(m["the"]))
    if m["the"] and rel in ("past", "last") and unit in ("week", "month", "year", "quarter"):
        # "the past year", "over the last month": a span ending now (TimeML DURATION P1Y)
        return _resolve_past_n_units(ctx, cand, 1, unit, bound="exact")
    if rel in ("previous", "prior", "preceding", "following"):
        return _resolve_anaphoric_unit(ctx, cand, -1 if rel != "following" else 1, unit)
    if rel == "past":
        rel = "last"
    if unit == "weekend" and rel == "this" and _is_future(ctx, cand.start):
        rel = "next"  # "will visit this weekend": the coming one
    return _resolve_deictic_unit(ctx, cand, rel, unit)


def _deictic_decade_or_century(ctx, cand, rel: str, unit: str, has_the: bool):
    """"the past decade" (a span ending at publication, P10Y), "the next decade" (P10Y ahead),
    "this century" / "last decade" (the calendar decade or century)."""
    shift = DEICTIC_SHIFT[rel]
    if has_the and shift != 0:
        if shift < 0:
            return _resolve_past_n_units(ctx, cand, 1, unit, bound="exact")
        dur = _iso_duration(1, unit)
        return dict(from_=None, to=None, granularity="duration", duration=dur, bound="exact", value=dur,
                    relative=True)
    pub = _need(ctx)
    size = 10 if unit == "decade" else 100
    base = (pub.year // size + shift) * size
    if unit == "century":
        return _cal(date(base, 1, 1), date(base + 99, 12, 31), "range", relative=True, value=f"{base // 100:02d}")
    return _cal(date(base, 1, 1), date(base + 9, 12, 31), "range", relative=True, value=str(base // 10))


def _resolve_anaphoric_demonstrative(ctx, cand, m):
    """"that year", "that month", "the same day": the calendar unit of the period the narrative
    is about (the last period named before it). Never the publication date: "that" points back
    into the text."""
    unit = m["unit"].lower()
    anchor = _anchor(ctx, cand.start, whole_discourse=True)
    fineness = ["day", "week", "month", "quarter", "half", "year", "range"]
    if anchor is not None and (anchor[2] not in fineness or fineness.index(anchor[2]) > fineness.index(unit)):
        anchor = None  # "that day" after "in 2015": which day is not said
        return dict(from_=None, to=None, granularity={"day": "day", "week": "week", "month": "month",
                                                       "quarter": "quarter", "year": "year"}[unit],
                    relative=True, value=None, _anaphoric=True)
    a, b, g = _calendar_unit(anchor[0], unit)
    return dict(_cal(a, b, g, relative=True), _anaphoric=True)


def _calendar_unit(d: date, unit: str) -> tuple[date, date, str]:
    if unit == "month":
        return (*_month_span(d.year, d.month), "month")
    if unit == "quarter":
        return (*_quarter_span(d.year, (d.month - 1) // 3 + 1), "quarter")
    if unit == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    if unit == "week":
        return (*_week_span(d), "week")
    return d, d, "day"


def _resolve_anaphoric_unit(ctx, cand, direction: int, unit: str):
    """"the previous month", "the month prior", "the year before": the calendar unit before
    the one containing the anchor (the period the sentence talks about)."""
    anchor = _anchor(ctx, cand.start)
    if anchor is None:
        raise _NeedsPublication
    frm, _, _ = _calendar_unit(anchor[0] if direction < 0 else anchor[1], unit)
    months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
    if months:
        nfrm = _shift_date(frm, months=direction * months)
    else:
        nfrm = frm + timedelta(days=direction * (7 if unit == "week" else 1))
    a, b, g = _calendar_unit(nfrm, unit)
    return dict(_cal(a, b, g, relative=True), _anaphoric=True)


def _shift_period(frm: date, to: date, gran: str, months: int, days: int) -> tuple[date, date, str]:
    """Shift a period by whole months/days keeping its granularity (month ends stay month ends)."""
    if gran in ("month", "quarter", "half", "year", "range") and not days:
        a = _shift_date(frm, months=months)
        y, mo = _add_months(to.year, to.month, months)
        return a, _month_end(y, mo), gran
    return _shift_date(frm, months=months, days=days), _shift_date(to, months=months, days=days), gran


def _resolve_anaphoric_shift(ctx, cand, m):
    """"a year earlier", "two months ago", "a week later", "a year before": anchor shifted by
    N units (module docstring). With only the publication date as anchor, the result has the
    granularity of the unit ("six years ago" -> that year, as TimeML's value 2007)."""
    n = _number(m["n"])
    unit = m["unit"].lower()
    direction = ANAPHORIC_DIRECTION[m["dir"].lower()]
    if n is None or n != int(n) or unit not in UNITS:
        return None
    code, mult = UNITS[unit]
    q = int(n) * mult * direction
    months = q * 12 if code == "Y" else q if code == "M" else 0
    days = q * 7 if code == "W" else q if code == "D" else 0
    is_ago = m["dir"].lower() == "ago"
    bound = BOUNDS.get(re.sub(r"\s+", " ", (m["bound"] or "").lower()), "exact")
    if direction > 0:
        # "a year later" never counts from the publication date: it moves the narrative's
        # reference time (the last period named before it), else stays unresolved
        anchor = _anchor(ctx, cand.start, whole_discourse=True)
        if anchor is None:
            return dict(from_=None, to=None, granularity="range", relative=True, bound=bound, value=None)
    else:
        # "ago" is deictic unless its own clause named a period first ("from a year ago")
        anchor = _anchor(ctx, cand.start, previous_sentence=not is_ago, following=not is_ago)
    if anchor is None:
        raise _NeedsPublication
    frm, to, gran = anchor
    if ctx.published is not None and (frm, to, gran) == (ctx.published, ctx.published, "day"):
        target = _shift_date(frm, months=months, days=days)
        unit_gran = {"Y": "year", "M": "month", "W": "day", "D": "day"}[code]  # "a week ago": that day
        if unit.startswith(("decade", "centur")):
            unit_gran = "year"
        a, b, g = _calendar_unit(target, unit_gran)
        return _cal(a, b, g, relative=True, bound=bound)
    a, b, g = _shift_period(frm, to, gran, months, days)
    return _cal(a, b, g, relative=True, bound=bound)


def _resolve_same_period(ctx, cand, m):
    """"the same period last year", "the same month a year earlier", "the same quarter of 2024":
    the anchor period moved to the previous (or the written) year."""
    anchor = _anchor(ctx, cand.start)
    if anchor is None:
        raise _NeedsPublication
    frm, to, gran = anchor
    if m["yr"]:
        shift = (int(m["yr"]) - frm.year) * 12
    else:
        shift = -12
    if gran == "day" and (frm, to) == (ctx.published, ctx.published):
        # no period named before: "the same period" is the publication's month (its quarter/week
        # when the phrase says so) -- statistics are reported by month
        what = m["what"].lower().rstrip("s")
        frm, to, gran = _calendar_unit(frm, what if what in ("quarter", "week", "day") else "month")
    a, b, g = _shift_period(frm, to, gran, shift, 0)
    return _cal(a, b, g, relative=True)


def _resolve_part_of_anaphoric_year(ctx, cand, m):
    """"the end of the year", "the beginning of the year": the year of the period the
    discourse is about (anchor rule), else the publication year."""
    anchor = _anchor(ctx, cand.start)
    if anchor is None:
        raise _NeedsPublication
    y = anchor[0].year
    return _cal(date(y, 1, 1), date(y, 12, 31), "year", relative=True)


def _resolve_day_word(ctx, cand, m):
    """"yesterday", "today", "tomorrow": the DCT shifted by days."""
    pub = _need(ctx)
    d = pub + timedelta(days=DAY_WORDS[m["w"].lower()])
    return _cal(d, d, "day", relative=True)


def _resolve_weekday(ctx, cand, m):
    """"Monday", "on Monday", "last Friday", "next Tuesday".

    News usage (AP style writes the weekday for dates within a week): past-tense clauses
    point back to the most recent such day on or before publication, future clauses
    ("will meet on Monday") forward to the next such day on or after it."""
    pub = _need(ctx)
    wd = WEEKDAYS[m["wd"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    back = pub - timedelta(days=(pub.weekday() - wd) % 7)
    fwd = pub + timedelta(days=(wd - pub.weekday()) % 7)
    if rel == "last":
        d = back if back != pub else pub - timedelta(days=7)
    elif rel in ("next", "coming"):
        d = fwd if fwd != pub else pub + timedelta(days=7)
    elif rel == "this":
        d = fwd if _is_future(ctx, cand.start) else back
    else:
        d = fwd if _is_future(ctx, cand.start) else back
    return _cal(d, d, "day", relative=True)


def _resolve_duration(ctx, cand, m):
    """"six years", "over six years" (more_than), "nearly two decades" (approx, P20Y),
    "for 18 months", "a six-year high": a span of time, bound from the quantifier."""
    n = _number(m["n"])
    if n is None or n <= 0:
        return None
    unit = m["unit"].lower()
    if n != 1 and float(n).is_integer() and not _written_as_a_length(unit, m.group(0)):
        return None  # 'the 1988 quarter' names a year's quarter; 'a 4.3 second dash' is a span however written
    if re.match(r"\s+(?:million|billion|trillion)\b", ctx.text[cand.end:cand.end + 12], re.I):
        return None  # 'three quarters billion dollars' is a fraction of a number
    bound = "approx" if m["bound"] == "~" else BOUNDS.get(re.sub(r"\s+", " ", (m["bound"] or "").lower()), "exact")
    if m["edge"]:
        return _resolve_past_n_units(ctx, cand, n, unit, bound=bound)
    dur = _iso_duration(n, unit)
    return dict(from_=None, to=None, granularity="duration", duration=dur, bound=bound, value=dur)


def _resolve_duration_range(ctx, cand, m):
    """"three or four years", "between seven and 10 years", "18-24 months": a span whose length
    lies between two stated lengths (bound range; ``low``/``high`` the two ISO durations, ``duration``
    their midpoint, as an amount range's value is). TimeML has no range value: a vague ``PnY``
    count is written with X (TIMEX3 guidelines 1.2.1, 'a few years' = PXY)."""
    n, n2 = _number(m["n_a"] or m["n_b"]), _number(m["n2_a"] or m["n2_b"])
    if n is None or n2 is None or not 0 < n < n2:
        return None  # 'six to one odds' is no span; a year range has no unit after it
    unit = m["unit"].lower()
    if not _written_as_a_length(unit, m.group(0)):
        return None
    return dict(from_=None, to=None, granularity="duration", duration=_iso_duration((n + n2) / 2, unit),
                bound="range", low=_iso_duration(n, unit), high=_iso_duration(n2, unit), value=_vague_value(unit))


def _written_as_a_length(unit: str, written: str) -> bool:
    """A unit of time after more than one of it names a length when plural ('six years'),
    hyphenated ('a six-year high') or abbreviated, which has no plural ('3 min'); 'six year'
    without either is no span."""
    return unit.endswith("s") or "-" in written or unit in UNIT_ABBREVIATIONS


def _vague_value(unit: str) -> str:
    """TimeML's value for an unknown number of ``unit``: PXY, PXW, PXDE (decades), PTXH."""
    if unit.lower().startswith("decade"):
        return "PXDE"
    code, _ = UNITS[unit.lower()]
    return f"PT{code[1:]}X" if code.startswith("T") else f"PX{code}"


def _resolve_vague_duration(ctx, cand, m):
    """"recent weeks", "several months", "the past few years": TimeML PXW/PXM/PXY, no ISO duration."""
    return dict(from_=None, to=None, granularity="duration", duration=None, bound="approx",
                value=_vague_value(m["unit"]))


# --- patterns. Order matters only on ties of length (earlier wins).
_RULES: list[tuple[str, re.Pattern, Callable]] = []


def _rule(name: str, pattern: str, resolver: Callable) -> None:
    _RULES.append((name, re.compile(B + pattern + E, re.IGNORECASE), resolver))


_rule("iso_date", r"(?P<y>" + YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])", _resolve_iso_date)
_rule("numeric_date", r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d\d", _resolve_numeric_date)
_rule("written_day", r"(?:" + WDAY + r",?\s+)?(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?",
      _resolve_written_day)
_rule("written_day", r"(?:" + WDAY + r",?\s+)?(?:the\s+)?(?P<day>" + DAYN + r")\s+(?:of\s+)?(?P<mon>" + MON
      + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?", _resolve_written_day)
_rule("month_range", r"(?:from\s+)?(?:the\s+)?(?P<mon>" + MON + r")\s*(?:-|–|—|to|through|until)\s*(?P<mon2>" + MON
      + r")(?:(?:\s+period)?(?:,?\s+(?:of\s+|in\s+)?(?P<yr>" + YEAR + r"))|\s+period)?", _resolve_month_range)
_rule("month_range", r"between\s+(?P<mon>" + MON + r")\s+and\s+(?P<mon2>" + MON
      + r")(?:,?\s+(?:of\s+)?(?P<yr>" + YEAR + r"))?", _resolve_month_range)
_rule("day_range", r"(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")\s*(?:-|–|to|through)\s*(?P<day2>" + DAYN
      + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?", lambda ctx, cand, m: _resolve_day_range(ctx, cand, m))
_rule("month_year", r"(?:" + PART + r")?(?P<mon>" + MON + r")\s*,?\s+(?:of\s+)?(?P<yr>" + YEAR + ")", _resolve_month_year)
_rule("month_of_year", r"(?P<mon>" + MON + r")" + OFYEAR, lambda ctx, cand, m: _resolve_month_of_year(ctx, cand, m))
_rule("month", r"(?:" + PART + r")?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<mon>" + MON + r")", _resolve_deictic_month)
_rule("quarter", r"(?:the\s+)?(?P<ord>" + ORD + r"|final|last)[\s-]+(?:fiscal\s+)?quarter" + OFYEAR + "?",
      _resolve_named_quarter)
_rule("quarter", r"Q(?P<q>[1-4])(?:(?:\s+|-|/|\s+of\s+)(?:(?P<yr>" + YEAR + r")|'(?P<yy>\d\d)))?", _resolve_named_quarter)
_rule("quarter", r"(?P<yr>" + YEAR + r")\s*-?Q(?P<q>[1-4])", _resolve_named_quarter)
_rule("half", r"(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)[\s-]+half" + OFYEAR + "?", _resolve_named_half)
_rule("half", r"H(?P<h>[12])(?:\s+(?P<yr>" + YEAR + r"))?", _resolve_named_half)
_rule("half", r"(?P<yr>" + YEAR + r")\s*H(?P<h>[12])", _resolve_named_half)
_rule("months_to", r"(?:the\s+)?(?P<n>" + NUM + r")\s+months\s+(?:to|through|ending|ended|ending\s+in)\s+(?:end-)?(?P<mon>"
      + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?", _resolve_months_to)
_rule("the_weekend", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bat\s))the\s+weekend", _resolve_the_weekend)
_rule("first_n", r"(?:the\s+)?(?P<edge>first|last|final|past|previous)\s+(?P<n>" + NUM
      + r")\s+" + SPAN_MODIFIERS + r"(?P<unit>months|quarters|weeks|days|years)" + OFYEAR + "?", _resolve_first_n_units)
_rule("year_range", r"(?:from\s+)?(?P<y1>" + YEAR + r")(?:\s*(?:-|–|to|through)\s*(?P<y2>" + YEAR
      + r")|[-–/](?P<y2s>\d\d(?!\d)))", _resolve_year_range)
_rule("year_range", r"between\s+(?P<y1>" + YEAR + r")\s+and\s+(?P<y2>" + YEAR + ")", _resolve_year_range)
_rule("decade", r"(?:the\s+)?(?:" + PART + r")?(?P<dec>(?:1[89]|20)\d0|'\d0)s", _resolve_decade)
_rule("century", r"(?:the\s+)?(?P<c>" + ORD + r"|\d{1,2}(?:st|nd|rd|th))[\s-]+century", _resolve_century)
_rule("fiscal_year", r"(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<yr>" + YEAR + ")", _resolve_bare_year)
_rule("year", r"(?:" + PART + r")?(?P<yr>" + YEAR + r")(?!\s*[-–]?\s*year)", _resolve_bare_year)
_rule("season", r"(?:" + PART + r")?(?:(?:the\s+)?(?P<rel>last|this|next|past|coming)\s+)?(?P<season>" + SEASON
      + r")(?:\s+(?:of\s+)?(?P<yr>" + YEAR + r"))?", _resolve_season)
_rule("deictic", r"(?:" + PART + r")?(?P<the>the\s+)?(?P<rel>last|this|next|past|previous|prior|preceding|following|coming|current)"
      r"\s+(?P<unit>week|weekend|month|quarter|year|fiscal\s+year|decade|century)", _resolve_deictic)
_rule("anaphoric_unit", r"the\s+(?P<unit>month|quarter|year|week)\s+(?P<dir>before|prior|earlier)",
      lambda ctx, cand, m: _resolve_anaphoric_unit(ctx, cand, -1, m["unit"].lower()))
_rule("anaphoric_shift", r"(?:(?P<bound>" + BOUND + r")\s+)?(?P<n>" + NUM + r")\s+(?P<unit>" + UNIT + r")\s+(?P<dir>earlier|ago|later|prior|previously"
      r"|before(?=\s*(?:[,.;:)]|$|and\b|but\b|when\b)))(?!\s+than\b)", _resolve_anaphoric_shift)
_rule("same_period", r"the\s+same\s+(?P<what>period|month|quarter|week|day|time|season|months)(?:\s+(?:of|in|a))?\s*"
      r"(?:(?:a\s+year\s+(?:earlier|ago|before))|(?:the\s+)?(?:last|previous|prior)\s+year|the\s+year\s+before"
      r"|(?P<yr>" + YEAR + r"))", _resolve_same_period)
_rule("part_of_year", PART + r"(?:the\s+)?year", _resolve_part_of_anaphoric_year)
_rule("anaphoric_that", r"(?:that|the\s+same)\s+(?P<unit>day|week|month|quarter|year)(?![\w-])(?!\s+(?:earlier|ago|before|later|prior|last|of|in|on))",
      _resolve_anaphoric_demonstrative)
_rule("vague_duration", r"the\s+(?:coming|next|past|last)\s+(?P<unit>days|weeks|months|years|decades)",
      _resolve_vague_duration)
# "for years", "highest in decades", "within weeks": a bare plural unit after a preposition of extent
_rule("vague_duration", r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bafter\s))"
      r"(?P<unit>days|weeks|months|years|decades)(?!\s+(?:old|ago|earlier|later|of|to))", _resolve_vague_duration)
_rule("day_word", r"(?P<w>" + _alt(DAY_WORDS) + ")", _resolve_day_word)
_rule("weekday", r"(?:(?P<rel>last|this|next|coming)\s+)?(?P<wd>" + WDAY + r")", _resolve_weekday)
_rule("duration", r"(?:(?P<bound>" + BOUND + r"|~)\s*(?<=[\s~])(?!the\s))?(?P<edge>(?:the\s+)?(?:past|last|previous|next|coming)\s+)?(?P<n>"
      + NUM + r")" + UNIT_GAP + SPAN_MODIFIERS + r"(?P<unit>" + UNIT + r")(?!-old|\s+old\b|-olds)", _resolve_duration)
_rule("duration_range", r"(?:between\s+(?P<n_b>" + NUM + r")\s+(?:and|to)\s+(?P<n2_b>" + NUM + r")|(?P<n_a>" + NUM
      + r")(?:[\s-]*(?:or|to)[\s-]*|\s*[-–]\s*)(?P<n2_a>" + NUM + r"))" + UNIT_GAP + SPAN_MODIFIERS
      + r"(?P<unit>" + UNIT + r")(?!-old|\s+old\b|-olds|\s+(?:ago|earlier|later|before|prior|previously)\b)",
      _resolve_duration_range)  # 'two to three years ago' is a date back from the reference, not a span
_rule("vague_duration", r"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?P<v>" + _alt(VAGUE) + r")\s+(?P<unit>days|weeks|months|years|decades)",
      _resolve_vague_duration)


# --------------------------------------------------------------------------- candidate filters


def _preceding_word(text: str, start: int) -> str:
    m = re.search(r"([\w'$€£¥#.]+)\W*$", text[max(0, start - 24):start])
    return m.group(1).lower() if m else ""


def _following_word(text: str, end: int) -> str:
    m = re.match(r"[\s-]*([\w%]+)", text[end:end + 24])
    return m.group(1).lower() if m else ""


_TIME_PREPOSITIONS = {"in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after",
                      "early", "late", "mid", "last", "next", "this", "on", "between", "to", "and", "for", "until",
                      "throughout", "around", "as", "that", "as of", "in late", "in early"}


_EXTENT_WORDS = {"for", "in", "within", "over", "than", "about", "around", "nearly", "almost", "after", "lasting",
                 "only", "just", "mere", "full", "entire", "whole", "least", "under", "past", "last", "next",
                 "of", "take", "took", "takes", "taken", "spent", "spend", "spends", "after", "by", "half"}


# "a month earlier than usual", "an hour before the vote": a measure phrase of a comparative
_MEASURE_COMPARATIVES = {"earlier", "later", "before", "after", "longer", "shorter", "sooner", "ahead", "late", "early"}


def _keep_candidate(ctx: _Context, cand: _Candidate) -> bool:
    """Reject candidates whose words are not used as a time expression here."""
    text = ctx.text
    m = cand.match
    rule = cand.rule
    gd = m.groupdict()
    if rule == "month" and not gd.get("rel"):
        mon = gd["mon"]
        word = mon.rstrip(".").lower()
        tok = ctx.token_at(m.start("mon"))
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"):
            return False
        if word in AMBIGUOUS_MONTHS or len(word) <= 3:
            # "May" the modal, "March" the verb/noun, "Jan" the name: need a temporal preposition
            # or the NER's DATE label.
            if mon.isupper() and len(mon) > 1 and word == "may":
                return False
            prev = _preceding_word(text, m.start("mon"))
            if prev not in _TIME_PREPOSITIONS and not (tok is not None and tok.ent_type_ == "DATE"):
                return False
            if word == "may" and tok is not None and tok.tag_ == "MD":
                return False
    if rule in ("written_day",):
        tok = ctx.token_at(m.start("mon"))
        # "May 5" is safe; "Jan 3" inside a person entity is not
        if tok is not None and tok.ent_type_ == "PERSON":
            return False
        if not gd.get("yr") and _following_word(text, cand.end) in YEAR_NOUN_BLOCKERS | {"percent", "%"}:
            return False
    if rule in ("year", "fiscal_year", "year_range", "decade"):
        if re.search(r"(?:©|\(c\)|copyright)\s*$", text[max(0, cand.start - 12):cand.start], re.IGNORECASE):
            return False  # "Copyright © 2025 ...": boilerplate, not a period the story talks about
        prev_char = text[cand.start - 1:cand.start] if cand.start else ""
        if prev_char in "$€£¥#.,:" and prev_char:
            return False
        nxt = _following_word(text, cand.end)
        if nxt in YEAR_NOUN_BLOCKERS or text[cand.end:cand.end + 1] in ("%", ",") and text[cand.end + 1:cand.end + 2].isdigit():
            return False
        tok = ctx.token_at(cand.start + (m.start("yr") - m.start() if gd.get("yr") else 0))
        if tok is not None and tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "LAW"):
            return False
    if rule in ("duration", "vague_duration", "anaphoric_shift"):
        n = (gd.get("n") or gd.get("v") or "").lower()
        prev = _preceding_word(text, cand.start)
        if rule == "duration" and not gd.get("bound") and prev in SET_CUES and n in ("a", "an", "one"):
            return False  # "twice a year", "once a month", "per year": a frequency (TimeML SET)
        if prev in ("every", "each", "per"):
            return False
        if prev in ("age", "ages", "aged"):
            return False  # "children ages 6 months and older": an age, not a period
        if rule == "duration" and n in ("a", "an", "one") and not gd.get("bound") and not gd.get("edge") \
                and "-" not in m.group(0):
            # A lone "a year" / "one day" is a span of time only after a preposition of extent
            # ("in a decade", "for a month", "within a week"); after an amount it is a rate
            # ("$500 a month", "60 hours a week"), before "of" a fraction ("a quarter of"), and
            # "one day" alone is the adverb "some day".
            if prev not in _EXTENT_WORDS and _following_word(text, cand.end) not in _MEASURE_COMPARATIVES:
                return False
        if rule == "duration" and gd["unit"].lower() == "second" and n in ("a", "an", "one"):
            # "a second tanker", "for a second month": the ordinal. Seconds are durations as
            # any other unit of time (TimeML Annotation Guidelines 1.2.1, Sauri et al. 2006,
            # TIMEX3 type DURATION, value "PT8S" for "8 seconds"), but only with a stated number.
            return False
        if rule in ("duration", "vague_duration") and gd["unit"].lower().startswith("quarter") \
                and _following_word(text, cand.end) == "of":
            return False  # "a quarter of the cost": a fraction
        if rule == "duration" and n in ("a", "an"):
            # "a year" alone is a duration only after a preposition of extent ("in a decade", "for a month")
            # or a bound; "a year earlier" is caught by anaphoric_shift (longer), "a year-on-year rise" is not time.
            nxt = text[cand.end:cand.end + 4]
            if nxt.startswith(("-on-", "-over-", "-to-")):
                return False
        if rule == "duration" and n.replace(".", "").isdigit() and _preceding_word(text, cand.start)[:1] in "$€£¥":
            return False
        if rule == "duration" and text[cand.end:cand.end + 4].lower().startswith(("-on", " on ")) \
                and text[cand.end:cand.end + 10].lower().lstrip(" -").startswith("on-year"):
            return False
    if rule == "weekday":
        tok = ctx.token_at(m.start("wd"))
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT"):
            return False
        if not gd["wd"].rstrip(".").lower().endswith("day"):
            return False  # "Sat", "Sun", "Wed" alone are words; abbreviations count only inside a date
    if rule == "day_word":
        # "USA Today", "Russia Today": a capitalised day word right after a proper noun is a name
        tok = ctx.token_at(cand.start)
        if tok is not None and m.group(0)[:1].isupper() and tok.i > 0 and not tok.is_sent_start:
            prev_tok = ctx.doc[tok.i - 1]
            if prev_tok.is_title or prev_tok.is_upper or tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT"):
                return False
    if rule == "half" and gd.get("h") and not gd.get("yr"):
        # "H1" alone is only a half when it looks like reporting jargon (upper-case)
        if not m.group(0).startswith("H"):
            return False
    if rule == "quarter" and gd.get("q") and not m.group(0)[0] in "Qq0123456789":
        return False
    if rule == "decade" and not m.group(0).lower().startswith("the") and "'" not in gd["dec"]:
        if len(gd["dec"]) == 2:  # "60s" without "the": ages ("in their 60s")
            return False
    return True


def _written_year(cand: _Candidate) -> Optional[int]:
    gd = cand.match.groupdict()
    if gd.get("yr"):
        return int(gd["yr"])
    return None


# Rules that end in a unit or a direction word are only run in windows around those words:
# their leading optional quantifiers make a whole-text scan the costliest part of the module.
_KEYWORD = re.compile(r"(?:(?<![\w])|(?<=\d))(?:" + UNIT + r"|earlier|ago|later|prior|previously|before)(?![\w])", re.IGNORECASE)
_WINDOWED = {"duration", "duration_range", "anaphoric_shift", "vague_duration"}  # rules whose match ends at the keyword
_LEFT, _RIGHT = 110, 40


def _keyword_windows(text: str) -> list[tuple[int, int, int]]:
    """Merged (lo, hi, last keyword end) windows around unit and direction words."""
    out: list[list[int]] = []
    for k in _KEYWORD.finditer(text):
        lo, hi = max(0, k.start() - _LEFT), k.end() + _RIGHT
        if out and lo <= out[-1][1]:
            out[-1][1] = hi
            out[-1][2] = k.end()
        else:
            out.append([lo, hi, k.end()])
    return [tuple(w) for w in out]


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    windows = None
    for order, (name, rx, _) in enumerate(_RULES):
        if name in _WINDOWED:
            if windows is None:
                windows = _keyword_windows(text)
            for lo, hi, last in windows:
                for m in rx.finditer(text, lo, min(hi, len(text))):
                    # a match is only trusted where the window still shows what follows it
                    if m.end() <= last + (1 if hi < len(text) else len(text)):
                        out.append(_Candidate(m.start(), m.end(), name, m, order))
            continue
        if name == "months_to" and "months" not in text.lower():
            continue
        for m in rx.finditer(text):
            out.append(_Candidate(m.start(), m.end(), name, m, order))
    return out


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest match first (then rule order), non-overlapping."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


# a DATE entity worth handing to dateparser: a written year plus a month name or a numeric date shape
_DATE_SHAPE = re.compile(r"(?=.*\b(?:1[89]|20)\d\d\b)(?=.*(?:" + _alt(MONTHS, capitalised=True)
                         + r"|\b\d{1,2}[./]\d{1,2}\b))", re.DOTALL)


_DATE_PIECES = {"month", "year", "written_day", "month_year", "weekday"}


def _date_entity_hints(doc: Doc, text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """spaCy's DATE entities that the rules only got in pieces (or not at all) and that look like
    an absolute date ("March the 3rd, 2019"): the NER is a hint, dateparser the judge -- a hint
    is only kept when dateparser reads the whole entity."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or len(ent.text) > 40:
            continue
        s, e = ent.start_char, ent.end_char
        inside = [c for c in kept if c.start < e and s < c.end]
        if any(c.start <= s and e <= c.end for c in inside) or any(c.rule not in _DATE_PIECES for c in inside):
            continue
        if not _DATE_SHAPE.match(ent.text) or _dateparser_absolute(ent.text) is None:
            continue
        m = re.compile(re.escape(ent.text)).match(text, s)
        if m is not None:
            out.append(_Candidate(s, e, "date_entity", m, len(_RULES)))
    return out


def _resolve_date_entity_hint(ctx, cand, m):
    got = _dateparser_absolute(m.group(0))
    if got is None:
        return None
    d, period = got
    if period == "month":
        return _cal(*_month_span(d.year, d.month), "month")
    if period == "year":
        return _cal(date(d.year, 1, 1), date(d.year, 12, 31), "year")
    return _cal(d, d, "day")


def _span_text(text: str, start: int, end: int) -> tuple[int, int]:
    # an abbreviation dot at the very end of a sentence ("in Sept.") stays: it belongs to the word
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


# --------------------------------------------------------------------------- public API


def find_periods(doc: Doc, published: Optional[date] = None) -> list[Period]:
    """Periods in ``doc``, sorted by start, non-overlapping, resolved against ``published``.

    Relative expressions that need ``published`` when it is None are kept with
    from/to None and one warning is added to ``doc._.warnings``."""
    text = doc.text
    if not text or not any(ch.isdigit() or ch.isupper() or ch in "tTyYlL" for ch in text):
        return []
    # token offsets and sentence starts straight from the Doc's arrays: iterating Tokens
    # (or doc.sents) costs more than all the rules together
    idx = doc.to_array("IDX").tolist() if len(doc) else []
    if doc.has_annotation("SENT_START"):
        flags = doc.to_array("SENT_START").tolist()
        sent_starts = [idx[i] for i, f in enumerate(flags) if f == 1] or [0]
        if sent_starts[0] != 0:
            sent_starts.insert(0, 0)
    else:
        sent_starts = [0]
    # a line break ends a headline, caption or dateline even where the parser runs on
    if "\n" in text:
        sent_starts = sorted(set(sent_starts) | {m.end() for m in re.finditer(r"\n+", text)})
    ctx = _Context(doc=doc, text=text, published=published, sent_starts=sent_starts,
                   tok_starts=idx, candidates=[])
    raw = _candidates(text)
    for c in raw:
        c.written_year = _written_year(c)
    # filter first, then pick the longest: a rejected long reading ("2030 to 32 percent") must
    # leave room for the shorter one inside it ("2030")
    kept = [c for c in raw if _keep_candidate(ctx, c)]
    kept += _date_entity_hints(doc, text, kept)
    ctx.candidates = _select(kept)
    # a resolver is looked up by the candidate's own rule (names repeat); the last one is the hint's
    by_order = [res for _, _, res in _RULES] + [_resolve_date_entity_hint]
    periods: list[Period] = []
    # anaphors last, so that "the previous month" can point at a period named later in its sentence
    first = [c for c in ctx.candidates if not _is_anaphoric_candidate(c)]
    second = [c for c in ctx.candidates if _is_anaphoric_candidate(c)]
    for cand in first + second:
        start, end = _span_text(text, cand.start, cand.end)
        span = text[start:end]
        try:
            fields = by_order[cand.order](ctx, cand, cand.match)
            if fields is None:
                continue
            needs_pub = fields.pop("_needs_pub", False)
            anaphoric = fields.pop("_anaphoric", False)
        except _NeedsPublication:
            fields = _unresolved_fields(cand)
            needs_pub = True
            anaphoric = False
        if needs_pub:
            ctx.unresolved.append((start, span))
        p = Period(text=span, start=start, end=end, **fields)
        periods.append(p)
        if not _is_anaphoric_candidate(cand) and not anaphoric:
            # an anaphor is not itself a reference time: in "rose from a year earlier and from the
            # same period of 2023", both point back to the period the sentence is about
            ctx.resolved.append((ctx.sentence_of(start), p))
    periods.sort(key=lambda p: p.start)
    ctx.unresolved = [t for _, t in sorted(ctx.unresolved)]
    if ctx.unresolved and published is None:
        shown = ", ".join(f"'{t}'" for t in ctx.unresolved[:3]) + (", …" if len(ctx.unresolved) > 3 else "")
        n = len(ctx.unresolved)
        add_warning(doc, f"no publication date: {n} period{'s' if n != 1 else ''} relative to it "
                         f"left unresolved ({shown})")
    return periods


_ANAPHORIC_RULES = {"anaphoric_shift", "anaphoric_unit", "same_period", "anaphoric_that"}


def _is_anaphoric_candidate(cand: _Candidate) -> bool:
    if cand.rule in _ANAPHORIC_RULES:
        return True
    return cand.rule == "deictic" and cand.match["rel"].lower() in ("previous", "prior", "preceding", "following")


def _unresolved_fields(cand: _Candidate) -> dict:
    """Granularity of an expression we could not resolve (no publication date)."""
    rule = cand.rule
    gd = cand.match.groupdict()
    gran = {"written_day": "day", "weekday": "day", "day_word": "day", "month": "month", "quarter": "quarter",
            "half": "half", "month_range": "range", "first_n": "range", "season": "range"}.get(rule)
    if rule in ("deictic", "anaphoric_unit"):
        u = (gd.get("unit") or "").lower().replace("fiscal ", "")
        gran = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}.get(u, "range")
    if rule in ("anaphoric_shift", "same_period"):
        gran = "range"
    relative = rule in ("weekday", "day_word", "deictic", "anaphoric_unit", "anaphoric_shift", "same_period") \
        or (rule == "month" and bool(gd.get("rel"))) or (rule == "season")
    return dict(from_=None, to=None, granularity=gran or "range", relative=relative)


_NLP_FOR_STRINGS = None


def resolve_period(text: str, published: Optional[date] = None, nlp=None) -> Optional[Period]:
    """Resolve one time expression on its own ("last month", "the first half of 2017").

    Parses ``text`` with ``nlp`` (default: the bare English model, loaded once) and returns
    the longest period found, or None."""
    global _NLP_FOR_STRINGS
    if nlp is None:
        if _NLP_FOR_STRINGS is None:
            from extractor.nlp import load_model

            _NLP_FOR_STRINGS = load_model()
        nlp = _NLP_FOR_STRINGS
    if isinstance(published, str):
        published = date.fromisoformat(published)
    doc = nlp(text)
    found = find_periods(doc, published)
    return max(found, key=lambda p: p.end - p.start) if found else None


class PeriodFinder:
    """spaCy component: ``doc._.periods = find_periods(doc, doc._.published)``."""

    def __init__(self, nlp: Language, name: str = "newsclaims_periods"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.periods = find_periods(doc, doc._.published)
        return doc


@Language.factory("newsclaims_periods")
def make_period_finder(nlp: Language, name: str) -> PeriodFinder:
    return PeriodFinder(nlp, name)
