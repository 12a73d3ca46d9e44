"""Candidates and what anchors them: the candidate and document-context records, calendar
arithmetic, and how a partial expression gets its year (the sentence's own year, else the
latest such period not after publication, future tense flipping the direction) or its
anchor (the period the sentence talks about).
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from functools import cache
from datetime import date, timedelta
from typing import Callable, Optional

from spacy.tokens import Doc

from models import Period

from ..calendar_spans import month_end
from ..lexicon import load_table
from .patterns import (
    DEICTIC_SHIFT,
    FUTURE_AUX,
    FUTURE_VERBS,
    MONTHS,
    NARRATIVE_MONTHS_AHEAD,
    NUMBERS,
    EXTENSION_VERBS,
    SCHEDULED_DATE_WORDS,
    SCHEDULED_DAYS,
    UNITS,
    UPCOMING_DAYS,
)


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
    # Without a publication date, ``published`` may stand for the text's own latest date
    # (HeidelTime's narrative strategy, see :mod:`.narrative`): "day" when that is a full date,
    # "month" when it is a month of a year; "publication_month" when it is the first day of the
    # month the page's address dates it to; None when ``published`` is the real one.
    narrative: Optional[str] = None
    # (offset, date) of the text's full dates: a weekday or "yesterday" counts from the nearest one before it
    day_anchors: list[tuple[int, date]] = field(default_factory=list)

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
    mixed = re.fullmatch(r"(\d+) 1/2", w)   # "2 1/2 years": a mixed number as wire copy types it
    if mixed:
        return int(mixed.group(1)) + 0.5
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


# a half of a unit in the next smaller one: TimeML writes "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M
_HALF_IN_SMALLER_UNIT = {"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}


def _timeml_duration(n: float, unit_word: str) -> str:
    """The TIMEX3 value of a span of ``n`` units: the ISO duration, a half unit written in the
    next smaller unit as TimeML annotates it (TimeML Annotation Guidelines 1.2.1: "two and a half
    years" P2Y6M); the contract's ``duration`` keeps the decimal (P2.5Y)."""
    code, mult = UNITS[unit_word.lower()]
    q = n * mult
    whole = int(q)
    if mult != 1 or q - whole != 0.5 or code not in _HALF_IN_SMALLER_UNIT:
        return _iso_duration(n, unit_word)
    if code.startswith("T"):
        return f"PT{whole}{code[1:]}{_HALF_IN_SMALLER_UNIT[code]}" if whole else f"PT{_HALF_IN_SMALLER_UNIT[code]}"
    return f"P{whole}{code}{_HALF_IN_SMALLER_UNIT[code]}" if whole else f"P{_HALF_IN_SMALLER_UNIT[code]}"


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
        if any(a.lemma_ == "have" for a in auxes):
            return False  # "expected exports to have risen in January": a perfect infinitive looks back
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


# "from today through Nov. 17", "from now until March": a span that starts at the time of writing
_FROM_NOW_THROUGH = re.compile(r"\bfrom\s+(?:today|now|tomorrow)\s+(?:through|until|till|to)\s+$", re.IGNORECASE)


def _extends_until(ctx: _Context, char: int) -> bool:
    """Does the word at ``char`` close the span a verb of extension sets ("postponed until
    Tuesday", "extended the deadline to Friday")?"""
    tok = ctx.token_at(char)
    prep = None
    for _ in range(4):
        if tok is None or tok.head is tok:
            return False
        if tok.dep_ == "prep" and prep is None:
            prep = tok
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return prep is not None and prep.lower_ in ("to", "until", "till", "through") \
                and tok.lemma_.lower() in EXTENSION_VERBS
    return False


def _clause_is_past(ctx: _Context, char: int) -> bool:
    """Is the clause governing ``char`` in a past tense (simple past "was signed in", present
    perfect "has extended through", a past participle on its own "issued July 1")? Present tense,
    modals ("must be returned by"), infinitives, gerunds and verbless phrases ("effective Feb. 1")
    are not: their dates are the nearest such dates, ahead as well as behind (see :func:`_year_by_rule`).
    Nor is a date set for something: governed by a word of scheduling ("a dividend payable Dec. 7",
    "the Jan. 14 deadline", "a summit set for April", "was planned for March") or closing the span
    a verb of extension sets ("extended the offer to Nov. 20", "postponed until March"), whatever
    the tense of the clause that set it (the date meant, TimeML guidelines 2.2); nor the end of a
    span that starts at the time of writing ("from today through Nov. 17"); nor a date in a
    phrase that modifies a noun ("informed them of a cutback in September"): the time of the
    event the noun names, which has no tense of its own."""
    if _FROM_NOW_THROUGH.search(ctx.text, max(0, char - 40), char):
        return False
    tok = ctx.token_at(char)
    prep = None
    for _ in range(6):
        if tok is None:
            return False
        if tok.lemma_.lower() in SCHEDULED_DATE_WORDS and (tok.lemma_.lower() != "set" or tok.pos_ == "VERB"):
            return False
        if prep is not None and prep.head.i == tok.i and tok.pos_ == "NOUN":
            return False   # 'told them of a cutback in September': the time of the noun's event, no tense
        if tok.pos_ in ("VERB", "AUX"):
            if prep is not None and prep.lower_ in ("to", "until", "till", "through") \
                    and tok.lemma_.lower() in EXTENSION_VERBS:
                return False
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "MD" for a in auxes):
                return False
            if tok.tag_ == "VBD":
                return True
            return tok.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes))
        if prep is None and tok.dep_ == "prep":
            prep = tok
        if tok.head is tok:
            return False
        tok = tok.head
    return False


#: Spans whose written year an undated span of the same kind after them in the sentence shares ("fell in
#: the first quarter of 2017 and again in the second quarter": the second quarter of 2017; not "in the
#: first half of 2017 ..., but H1 figures this time", a contrast of the same half).
_YEAR_GIVING_SPANS = frozenset({"quarter"})


def _sentence_year(ctx: _Context, cand: _Candidate) -> Optional[int]:
    """A bare year written in the same sentence ("in September, when ... in 2019"), or, for a quarter,
    the year of a quarter written with its year before it ("in the first quarter of 2017 ... in the
    second quarter"; TimeML: the nearest explicit time of the discourse anchors it)."""
    sent = ctx.sentence_of(cand.start)
    best = None
    for other in ctx.candidates:
        if other is cand or other.written_year is None or other.rule not in ("year", "fiscal_year") and not (
                other.rule in _YEAR_GIVING_SPANS and other.end <= cand.start and cand.rule in _YEAR_GIVING_SPANS):
            continue
        if ctx.sentence_of(other.start) != sent or _since_phrase(ctx, other.start) \
                or _is_comparison_base(ctx.text, other.start, other.end):
            continue
        dist = abs(other.start - cand.start)
        if best is None or dist < best[0]:
            best = (dist, other.written_year)
    return best[1] if best else None


# "compared to August 2020", "over April 2015", "from a year earlier", "than last year"
_COMPARISON_BASE = re.compile(r"(?:\bcompared\s+(?:to|with)|\bover|\bfrom|\bthan|\bagainst|\bversus|\bvs\.?|\bvis-[àa]-vis"
                              r"|(?:%|\bper\s?cent|\bpercent|\bpct)\s+(?:above|below)"   # "31% above 2022"
                              r"|\bas\s+(?:much|many|high|large|big|great|low|little|few)\s+as"
                              # "above an earlier peak in mid-2020", "topping the record set in 2019"
                              # ("overtaking the total revenue of 2016": a whole year's figure passed)
                              r"|\b(?:above|below|beyond|surpass(?:ing|ed)?|exceed(?:ing|ed)?|topp(?:ing|ed)|overt(?:ook|ak(?:ing|en|es?)))"
                              r"\s+(?:even\s+)?"
                              r"(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:peak|high|record|level|low|total|figure|value|volume|amount|revenue|earning)s?"
                              r"(?:\s+(?:set|reached|hit|seen|posted))?(?:\s+of)?)"
                              r"\s+(?:(?:that|those|the\s+level|the\s+figure)s?\s+(?:of|in)\s+)?(?:in\s+)?$", re.IGNORECASE)
# a figure with its words ("a 2.1 billion dollar surplus": the figure's noun too)
_FIGURE = (r"(?:the\s+|an?\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?(?:US)?[$€£¥]?\s?\d[\d.,]*"
           r"(?:\s*(?:million|billion|trillion|bn|mn))?"
           r"(?:\s+(?:U\.S\.\s+|US\s+)?(?:dollars|yuan|won|yen|euros|tonnes|tons|percent|per\s+cent))?"
           r"(?:\s+[a-z][a-z-]*){0,2}?")
# "rose from 7.1 billion dollars in May", "than the $3 billion of 2019", "compared with a 2.1 billion
# dollar surplus in June 2016": the figure compared with stands between the comparison word and its period
# ("as against $185.40 billion during the period April-October 2019": the period's noun may come between)
_FIGURE_BASE = re.compile(r"(?:\bcompared\s+(?:to|with)|\bfrom|\bthan|\bagainst|\bversus|\bvis-[àa]-vis)\s+" + _FIGURE
                          + r"\s+(?:in|of|for|during)\s+(?:the\s+(?:same\s+|corresponding\s+)?period\s+(?:of\s+)?)?$",
                          re.IGNORECASE)
# "compared with a $400 million deficit in October and $1.2 billion deficit in November 2015": the
# second of two figures compared with, each with its period
_SECOND_FIGURE_BASE = re.compile(r"(?:\bcompared\s+(?:to|with)|\bfrom|\bthan|\bagainst|\bversus)\s+" + _FIGURE
                                 + r"\s+(?:in|of|for|during)\s+[^.;:,\d]{1,25}?\s+and\s+" + _FIGURE
                                 + r"\s+(?:in|of|for|during)\s+$", re.IGNORECASE)
# "compared to its deficit between February and July 2023": a balance or flow compared with, named by
# its noun without a figure
_NOUN_BASE = re.compile(r"\bcompared\s+(?:to|with)\s+(?:its|their|the|a|an)\s+(?:[a-z][\w-]*\s+){1,2}?"
                        r"(?:(?:in|of|for|during)\s+)?$", re.IGNORECASE)
# "lower than the 2.31 trillion won surplus posted in March 2019": the period of a figure
# compared with, named after a participle of recording
# a figure's phrase up to a participle of recording and the preposition of its period: words of
# one clause (a decimal point is no full stop), "... $253 million tallied in "
RECORDED_FIGURE = (r"\s+(?:[^.;:!?]|(?<=\d)\.(?=\d)){1,%d}?\b(?:recorded|posted|seen|registered|reported|logged|tallied)"
                   r"\s+(?:in|for|during)\s+$")
# (and "above the $4.58 billion posted in August 2016")
_RECORDED_BASE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|above|below)" + RECORDED_FIGURE % 70, re.IGNORECASE)
_BOUNDARY_BEFORE = re.compile(r"\b(?:before|after|until|till|prior\s+to)\s+$", re.IGNORECASE)
_SAME_PERIOD_BASE = re.compile(r"\bsame\s+(?:[\w-]+\s+){0,2}?(?:period|periods|month|months|quarter|half|time)\s+(?:in|of)\s+$",
                               re.IGNORECASE)
_FROM_ONE_PERIOD = re.compile(r"from\s+(?!.*\b(?:to|through|until|till)\b)", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:to|through|until|till|-|–)\s", re.IGNORECASE)


@cache
def change_over_figure_base() -> re.Pattern:
    """'an 8% increase over $640 million in shipments March to June 2014': the figure a change noun
    (trade_lexicon.json ``change_nouns``) is 'over', then the period written after it (a preposition
    between, or none) -- ending where the period starts."""
    nouns = "|".join(sorted(load_table("trade_lexicon.json")["change_nouns"]["words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})s?\s+over\s+" + _FIGURE + r"\s+(?:(?:in|of|for|during)\s+)?$", re.IGNORECASE)


def _is_comparison_base(text: str, start: int, end: int) -> bool:
    """Is the period at ``start:end`` what a figure is compared with ("up 12% compared with last
    year", "over April 2015")? Not the start of a range ("from March 2019 to May 2020")."""
    if _SAME_PERIOD_BASE.search(text[max(0, start - 50):start]):
        return True   # "the same three-month period in 2015": the period compared with
    if _FROM_ONE_PERIOD.match(text, start, end):
        return True   # "up 7.2 percent from January-June 2017": "from" is in the match, no range follows
    return bool(_COMPARISON_BASE.search(text[max(0, start - 40):start])
                or _FIGURE_BASE.search(text[max(0, start - 60):start])
                or _RECORDED_BASE.search(text[max(0, start - 90):start])
                or _SECOND_FIGURE_BASE.search(text[max(0, start - 140):start])
                or _NOUN_BASE.search(text[max(0, start - 50):start])
                or change_over_figure_base().search(text[max(0, start - 90):start])) and not _RANGE_AFTER.match(text, end)


def _since_phrase(ctx: _Context, char: int) -> bool:
    """Is the date at ``char`` the start of a span ("since 2009", "the largest since records
    began in 1992")? Such a year is the base the sentence measures from, not its time."""
    tok = ctx.token_at(char)
    for _ in range(5):
        if tok is None:
            return False
        if tok.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acomp", "xcomp") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _anchor(ctx: _Context, start: int, *, previous_sentence: bool = True, following: bool = True,
            whole_discourse: bool = False, periods_only: bool = False,
            discourse_periods: bool = False, begun: bool = False) -> Optional[tuple[date, date, str]]:
    """The period the sentence talks about: the nearest preceding resolved calendar period in
    the same sentence, else (optionally) the last one of the previous sentence, else the
    publication date (TimeML: anaphoric expressions take the reference time of the discourse).
    ``periods_only``: days are no candidates ("the same period" is a period figures are for,
    not the day they were released). ``discourse_periods``: before the publication date, the
    last period (not day) named anywhere before. ``begun``: only periods begun by publication
    (a report's figures are for a period under way or over, not for a forecast's year)."""
    sent = ctx.sentence_of(start)
    skip = ("duration", "day") if periods_only else ("duration",)
    # a period a figure is compared with is not the one the sentence reports ("in March increased
    # 12% compared with last year, narrowing from the previous month's": March's previous month)
    # nor is a time a figure is before or after ("traded before 2017, when ...")
    resolved = [(s_idx, p) for s_idx, p in ctx.resolved if not _is_comparison_base(ctx.text, p.start, p.end)
                and not _BOUNDARY_BEFORE.search(ctx.text[max(0, p.start - 12):p.start])
                and not (begun and ctx.published is not None and p.from_ is not None and p.from_ > ctx.published)]
    before = [(s_idx, p) for s_idx, p in resolved
              if p.from_ is not None and p.granularity not in skip and p.start < start]
    before.sort(key=lambda sp: sp[1].start)
    if before and before[-1][0] == sent:
        p = before[-1][1]
        return p.from_, p.to, p.granularity
    # "fell 40% from the previous month in October 2017": the sentence's period may come after
    after = [p for s_idx, p in resolved
             if following and s_idx == sent and p.start > start and p.from_ is not None and p.granularity not in skip]
    if after:
        p = min(after, key=lambda p: p.start)
        return p.from_, p.to, p.granularity
    if before and ((previous_sentence and before[-1][0] == sent - 1) or whole_discourse):
        p = before[-1][1]
        return p.from_, p.to, p.granularity
    if whole_discourse:
        return None
    if discourse_periods:
        # "unchanged from a year earlier" two sentences after the figures' period: still that
        # period (a release day in between is no reference time for a comparison of figures)
        periods = [p for _, p in before if p.granularity != "day"]
        if periods:
            return periods[-1].from_, periods[-1].to, periods[-1].granularity
    if ctx.published is None or ctx.narrative in ("month", "publication_month"):
        # a month of the text is no day to count "a year ago" or "the same period" from
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
    if gd.get("yr") or gd.get("yr2"):
        return int(gd.get("yr") or gd["yr2"]), False
    if gd.get("fyr"):
        return int(gd["fyr"]), False
    if gd.get("yy") or gd.get("yy2"):
        return 2000 + int(gd.get("yy") or gd["yy2"]), False  # "Q3 '24", "Q1'24"
    ryr = gd.get("ryr")
    if ryr:
        det = ryr.lower().split()[-2]  # "last" year, "the" year, the "previous" year
        if det in ("this", "last", "next", "current"):
            # deictic (TimeML: anchored on the DCT)
            if ctx.published is None:
                return None, True
            return ctx.published.year + DEICTIC_SHIFT[det], True
        # "of the year", "of the previous year", "of the same year": the year the text is about;
        # "that year" points back into the text, never to the publication date
        anchor = _anchor(ctx, cand.start, whole_discourse=det == "that")
        if anchor is None and det in ("the", "previous", "prior") and ctx.narrative == "month" and ctx.published is not None:
            # an undated text whose own months give its year (HeidelTime's narrative reference): "the
            # first half of the year" in a headline before "the first half of 2019" is 2019's
            return ctx.published.year - (1 if det in ("previous", "prior") else 0), True
        if anchor is None:
            return None, True
        return anchor[0].year - (1 if det in ("previous", "prior") else 0), True
    return None, False


def _year_by_rule(ctx: _Context, cand: _Candidate, make, *, future_ok: bool = True,
                  day: bool = False) -> Optional[tuple[date, date]]:
    """Year of a period named without one: the sentence's written year, else the latest
    such period not after publication (see module docstring).

    ``day``: a day-month ("Jan 22"). News writes the year of a date only when it is not the
    current one (AP style), so the sentence's year is no clue to a day-month's once the
    publication date is known ("data for 2023 released on Jan 22" in February 2024)."""
    future = future_ok and ctx.published is not None and _is_future(ctx, cand.start)
    y = None if day and ctx.published is not None and ctx.narrative != "month" else _sentence_year(ctx, cand)
    if ctx.narrative == "month":
        # HeidelTime's narrative strategy: a month named without a year is in the year of the
        # text's own latest month (that month is a period reported on, not the day of writing,
        # so "latest not after it" would push the months after it a year back) -- but not one more
        # than six months after it: "28% in December" beside "February 2024" is December 2023, a
        # month the story looks back on, not one ten months ahead of its latest
        if y is None:
            span = make(ctx.published.year)
            if span[0] > ctx.published + timedelta(days=NARRATIVE_MONTHS_AHEAD * 31):
                return make(ctx.published.year - 1)
            return span
        return make(y)
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
        # In a clause not in a past tense ("the coupon falls due Jan. 9", "has to file by Jan. 20",
        # "the appeal goes before the judges in March") a day or month is the nearest such one: the coming one when
        # it begins within ``scheduled_date_window`` days ("since May" looks back, whatever the
        # tense). HeidelTime gives an undated month the year the tense of its sentence points to
        # (Stroetgen & Gertz 2013); TimeML guidelines 2.2: the value is the date meant, from the DCT.
        nxt = _latest_not_after(ctx.published, make, future=True)
        window = UPCOMING_DAYS if nxt[0] == nxt[1] else 0
        if not _clause_is_past(ctx, cand.start) and not _since_phrase(ctx, cand.start):
            window = max(window, SCHEDULED_DAYS)
        if timedelta(0) < nxt[0] - ctx.published <= timedelta(days=window):
            return nxt
    return _latest_not_after(ctx.published, make, future=future)


# --------------------------------------------------------------------------- rules
# Each rule: (name, regex, resolver). A resolver returns a dict of Period fields (without
# text/start/end) or None to drop the candidate, or raises _NeedsPublication.


class _NeedsPublication(Exception):
    pass


def _need(ctx: _Context, level: str = "year", at: Optional[int] = None) -> date:
    """The reference date an expression counts from; ``level`` is the finest calendar unit it
    needs from it ("day" for "yesterday" and weekdays, "week", "month", "year").

    Anchored on the text's own dates (no publication date): a day counts only from a full
    date written before it (the narrative's current day), a week or month not from a month
    of the text (which month the story was written in is not said)."""
    if ctx.published is None:
        raise _NeedsPublication
    if ctx.narrative is None:
        return ctx.published
    if ctx.narrative == "publication_month":
        if level in ("day", "week"):
            raise _NeedsPublication   # which day of the month is not said
        return ctx.published
    if level in ("day", "week"):
        before = [d for offset, d in ctx.day_anchors if at is not None and offset < at]
        if not before:
            raise _NeedsPublication
        return before[-1]
    if ctx.narrative == "month" and level != "year":
        raise _NeedsPublication
    return ctx.published


def _cal(frm, to, gran, *, relative=False, bound="exact", value=None):
    return dict(from_=frm, to=to, granularity=gran, relative=relative, bound=bound,
                value=value if value is not None else period_value(frm, to, gran))
