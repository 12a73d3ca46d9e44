"""The entry points: :func:`find_periods` over a Doc, :func:`resolve_period` for one
expression, and the ``newsclaims_periods`` component that sets ``doc._.periods``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

from models import Period

from ..articles import parse_published
from ..extensions import add_warning, doc_text, isolated, reference_date
from .anaphora import _is_deictic_report_period
from .dates import year_to_date
from .anchors import _Candidate, _Context, _is_comparison_base, _month_end, _NeedsPublication, _number, period_value
from .narrative import base_year_reference, narrative_reference, this_year_named_reference
from .patterns import JANUARY_ON_ITS_OWN, MONTHS, PART, START_OF_THE_YEAR
from .candidates import (
    _RULES,
    _candidates,
    _date_entity_hints,
    _keep_candidate,
    _resolve_date_entity_hint,
    _select,
    _span_text,
    _written_year,
)

# --------------------------------------------------------------------------- public API


def find_periods(doc: Doc, published: Optional[date] = None) -> list[Period]:
    """Periods in ``doc``, sorted by start, non-overlapping, resolved against ``published``.

    Relative expressions that need ``published`` when it is None are kept with
    from/to None and one warning is added to ``doc._.warnings``."""
    text = doc_text(doc)
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
    month = doc._.published_month if published is None else None
    if month is not None:
        # no publication date, but the page's address dates its month ("/2022/08/"): the month
        # of writing, so "last month" and "this year" count from it; a day or week does not
        ctx = replace(ctx, published=month, narrative="publication_month")
    raw = _candidates(text)
    for c in raw:
        c.written_year = _written_year(c)
    # filter first, then pick the longest: a rejected long reading ("2030 to 32 percent") must
    # leave room for the shorter one inside it ("2030")
    kept = [c for c in raw if _keep_candidate(ctx, c)]
    kept += _date_entity_hints(doc, text, kept)
    ctx.candidates = _select(kept)
    found = _resolve_all(ctx)
    reference = None
    from_a_base = False
    beside_this_year = False
    if ctx.published is None and ctx.unresolved:
        reference = narrative_reference(ctx, found)
        base = base_year_reference(ctx, found)
        if base is not None and (reference is None or reference[1] == "month" and base[0].year > reference[0].year
                                 and not _is_comparison_base(text, reference[2].start, reference[2].end)):
            # ("up 6.4 percent over the same period of 2016" beside "was last reached in August 2018": the
            # figures compared with 2018 are of 2019, later than the text's latest month)
            reference, from_a_base = base, True
        if reference is None:
            reference = this_year_named_reference(ctx, found)
            beside_this_year = reference is not None
    if reference is not None:
        # HeidelTime's narrative strategy: resolve again, the text's own latest date standing
        # in for the publication date; what needed it and now has a span is marked relative
        needed = {start for start, _ in ctx.unresolved}
        ref_date, level, ref_period, days = reference
        ctx = replace(ctx, published=ref_date, narrative=level, day_anchors=days, resolved=[], unresolved=[])
        found = _resolve_all(ctx)
        anchored = []
        for _, p in found:
            if p.start in needed and p.start not in {s for s, _ in ctx.unresolved} \
                    and (p.from_ is not None or p.duration is not None):
                p.relative = True
                anchored.append(p.text)
        if anchored and from_a_base:
            add_warning(doc, f"no publication date: {_count(anchored)} anchored on the year after the "
                             f"comparison base '{ref_period.text}' ({_shown(anchored)})")
        elif anchored and beside_this_year:
            add_warning(doc, f"no publication date: {_count(anchored)} anchored on the year '{ref_period.text}' "
                             f"a sentence names beside 'this year' ({_shown(anchored)})")
        elif anchored:
            # (a dateline is written without its year: its own period stays unresolved)
            what = "dateline" if ref_period.from_ is None else "latest date"
            add_warning(doc, f"no publication date: {_count(anchored)} anchored on the text's own {what} "
                             f"'{ref_period.text}' ({_shown(anchored)})")
    if month is not None:
        dated = [p.text for _, p in found if p.relative and (p.from_ is not None or p.duration is not None)]
        if dated:
            add_warning(doc, f"no publication date: {_count(dated)} anchored on the month in the page's address, "
                             f"{month:%B %Y} ({_shown(dated)})")
    periods = _spans_named_by_their_ends(text, sorted((p for _, p in found), key=lambda p: p.start))
    periods = _months_of_a_fiscal_year_in_brackets(text, periods)
    periods = _periods_spelled_out_in_brackets(text, periods)
    periods = _years_restated_in_apposition(text, periods)
    unresolved = [t for _, t in sorted(ctx.unresolved)]
    if unresolved and (published is None):
        add_warning(doc, f"no publication date: {_count(unresolved)} relative to it "
                         f"left unresolved ({_shown(unresolved)})")
    return periods


# "in the period from July last year to June this year", "the 12 months from April 2023 to
# March 2024": a span named by its first and last periods (TimeML would anchor one TIMEX3 on each;
# a figure is for the whole span)
_SPAN_OPENER = re.compile(r"\b(?:period|months?|span|stretch|year|quarters?)\s+(?:from|between)\s+$", re.IGNORECASE)
_SPAN_JOINER = re.compile(r"\s+(?:to|through|until|till|and)\s+")


# (what may stand between: "of the Persian year", a day "20"; no figure, no other bracket)
_BRACKET_OPENS = re.compile(r"[^().;%$€£¥\n]{0,60}\(\s*")


def _periods_spelled_out_in_brackets(text: str, periods: list[Period]) -> list[Period]:
    """'the first three months of the Iranian year (March 21-June 21)': a period whose days a
    bracket right after it spells out is those days (a calendar the text names but this reading does
    not model, an Iranian or a Nepali year, is then read right)."""
    out = list(periods)
    for k in range(len(out) - 1):
        p, spelled = out[k], out[k + 1]
        if spelled.granularity == "range" and spelled.from_ is not None and p.from_ is not None \
                and spelled.from_.day != 1 and _BRACKET_OPENS.fullmatch(text[p.end:spelled.start]) \
                and text[spelled.end: spelled.end + 3].lstrip().startswith(")"):
            out[k] = p.model_copy(update={"from_": spelled.from_, "to": spelled.to, "granularity": "range",
                                          "value": period_value(spelled.from_, spelled.to, "range")})
    return out


_APPOSITION_COMMA = re.compile(r",\s*")


def _years_restated_in_apposition(text: str, periods: list[Period]) -> list[Period]:
    """'The previous year, 2020, ...', 'last year, 2019,': a relative year the text restates as a
    written year right after it, between commas, is that year (TimeML: the apposition is
    coreferent; the written year wins over an anchor guessed without a publication date)."""
    out = list(periods)
    for k in range(len(out) - 1):
        p, written = out[k], out[k + 1]
        if p.relative and p.granularity == "year" and written.granularity == "year" and not written.relative \
                and written.from_ is not None and _APPOSITION_COMMA.fullmatch(text[p.end:written.start]) \
                and text[written.end: written.end + 1] in (",", ")", ".", ";", "") :
            out[k] = p.model_copy(update={"from_": written.from_, "to": written.to, "relative": False,
                                          "value": written.value})
    return out


def _spans_named_by_their_ends(text: str, periods: list[Period]) -> list[Period]:
    out: list[Period] = []
    for p in periods:
        first = out[-1] if out else None
        if first is not None and first.from_ is not None and p.from_ is not None and first.to < p.to \
                and _SPAN_JOINER.fullmatch(text[first.end:p.start]) \
                and _SPAN_OPENER.search(text[max(0, first.start - 30):first.start]):
            out[-1] = first.model_copy(update={
                "text": text[first.start:p.end], "end": p.end, "to": p.to, "granularity": "range",
                "relative": first.relative or p.relative, "duration": None,
                "value": period_value(first.from_, p.to, "range")})
            continue
        out.append(p)
    return out


def _months_of_a_fiscal_year_in_brackets(text: str, periods: list[Period]) -> list[Period]:
    """'during July-March (2015-16)', 'in May (2021-22)': months written without a year, then
    in brackets the fiscal year they are of (Pakistani and Indian statistics) are those months of
    that fiscal year, whatever the publication date says."""
    out = list(periods)
    for k, months in enumerate(periods):
        # the fiscal year in brackets, maybe after "of current fiscal (year)" ("July-March of current
        # fiscal (2014-15)", "the first three months of current fiscal year (2020-21)")
        following = [p for p in periods[k + 1: k + 3] if p.start >= months.end]
        year = next((p for p in following if _IN_BRACKETS.fullmatch(_OF_THE_FISCAL_YEAR.sub("", text[months.end:p.start]))),
                    None)
        if year is None or year.from_ is None or _WRITTEN_YEAR.search(months.text) \
                or text[year.end:year.end + 1] != ")" or (year.to - year.from_).days < 360:
            continue
        first_n = _FIRST_N_MONTHS.fullmatch(months.text)
        if first_n is not None:
            n = _number(first_n["n"]) or 0
            if n != int(n) or not 1 <= n <= 12:
                continue
            first = year.from_
            last = list(_month_starts(first, year.to))[int(n) - 1]
        else:
            # (the months as written: an undated page leaves them unresolved)
            names = [MONTHS[w] for m in _MONTH_NAME.finditer(months.text) for w in [m.group(0).rstrip(".").lower()]
                     if w in MONTHS]
            if not names or len(names) > 2 or not _MONTH_NAME.fullmatch(months.text.split()[-1].split("-")[-1]):
                continue
            first = next((d for d in _month_starts(year.from_, year.to) if d.month == names[0]), None)
            if first is None:
                continue
            last = next((d for d in _month_starts(first, year.to) if d.month == names[-1]), None)
            if last is None:
                continue
        to = _month_end(last.year, last.month)
        granularity = "month" if first == last else "range"
        out[k] = months.model_copy(update={"from_": first, "to": to, "granularity": granularity,
                                          "value": period_value(first, to, granularity)})
    return out


_MONTH_NAME = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)
_OF_THE_FISCAL_YEAR = re.compile(r"^\s+of\s+(?:the\s+)?(?:current|this|last|previous)\s+fiscal(?:\s+year)?", re.I)
_FIRST_N_MONTHS = re.compile(r"(?:the\s+)?first\s+(?P<n>\w+)\s+months", re.I)
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_IN_BRACKETS = re.compile(r"\s*\(\s*")


def _month_starts(start: date, end: date):
    y, m = start.year, start.month
    while date(y, m, 1) <= end:
        yield date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _count(texts: list[str]) -> str:
    return f"{len(texts)} period{'s' if len(texts) != 1 else ''}"


def _shown(texts: list[str]) -> str:
    return ", ".join(f"'{t}'" for t in texts[:3]) + (", …" if len(texts) > 3 else "")


def _resolve_all(ctx: _Context) -> list[tuple[_Candidate, Period]]:
    """Every selected candidate resolved against ``ctx.published`` (in ``ctx.resolved`` as it goes)."""
    text = ctx.text
    # a resolver is looked up by the candidate's own rule (names repeat); the last one is the hint's
    by_order = [res for _, _, res in _RULES] + [_resolve_date_entity_hint]
    found: list[tuple[_Candidate, Period]] = []
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
        if START_OF_THE_YEAR.fullmatch(span) and _SINCE_BEFORE.search(text, max(0, start - 12), start):
            # "Since the beginning of this year, exports have risen 9%": the year so far, as
            # "so far this year" is (its TimeML value stays the year's)
            try:
                fields = dict(year_to_date(ctx), value=fields.get("value"))
            except _NeedsPublication:
                fields["bound"] = "approx"
        elif JANUARY_ON_ITS_OWN.fullmatch(span) and _SINCE_BEFORE.search(text, max(0, start - 12), start) \
                and fields.get("granularity") == "month" and ctx.published is not None \
                and fields["from_"].year == ctx.published.year:
            # "exports since January have fallen 25%", "since January 2020" written in 2020: a flow
            # counted since the year began is the year so far, as after "since the beginning of the year"
            # (not a January of an earlier year: that runs over years the text does not total)
            try:
                so_far = year_to_date(ctx, fields["from_"].year)
                if so_far["to"] > fields["to"]:
                    fields = dict(so_far, value=fields.get("value"), relative=fields.get("relative", False))
            except _NeedsPublication:
                pass
        elif _PART.match(span) and fields.get("granularity") != "duration":
            # "early August", "the end of 2023": a part of the period, which one not said (TimeML's
            # mod START/END/MID): the span is the whole period, its bound approximate
            fields["bound"] = "approx"
        p = Period(text=span, start=start, end=end, **fields)
        found.append((cand, p))
        if not _is_anaphoric_candidate(cand) and not anaphoric:
            # an anaphor is not itself a reference time: in "rose from a year earlier and from the
            # same period of 2023", both point back to the period the sentence is about
            ctx.resolved.append((ctx.sentence_of(start), p))
    return found


_PART = re.compile(PART, re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_ANAPHORIC_RULES = {"anaphoric_weekday", "anaphoric_shift", "anaphoric_unit", "same_period", "anaphoric_that", "day_before",
                    "report_period", "year_earlier", "quarter_year_earlier"}


def _is_anaphoric_candidate(cand: _Candidate) -> bool:
    if cand.rule == "report_period" and _is_deictic_report_period(cand.match):
        return False   # 'the latest quarter' counts from publication and is a reference time itself
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
            from extractor.pipeline.nlp import load_model

            _NLP_FOR_STRINGS = load_model()
        nlp = _NLP_FOR_STRINGS
    if isinstance(published, str):
        published = date.fromisoformat(published)
    doc = nlp(text)
    found = find_periods(doc, published)
    return max(found, key=lambda p: p.end - p.start) if found else None


class PeriodFinder:
    """spaCy component: ``doc._.periods = find_periods(doc, <reference date>)``.

    The reference date is, most specific first, ``doc._.published``, ``doc.user_data["published"]``,
    ``published`` given per call (``nlp.pipe(docs, component_cfg={name: {"published": ...}})``)
    and the ``published`` config (null by default); see :func:`extensions.reference_date`."""

    def __init__(self, nlp: Language, name: str = "newsclaims_periods", published: Optional[str] = None):
        self.name = name
        # checked here so that a bad config fails when the pipeline is built, not on its first doc
        self.published = parse_published(published)

    def __call__(self, doc: Doc, published: Any = None) -> Doc:
        reference = reference_date(doc, published, self.published)
        with isolated(doc, self.name, "periods"):
            doc._.periods = find_periods(doc, reference)
        return doc


@Language.factory("newsclaims_periods", default_config={"published": None})
def make_period_finder(nlp: Language, name: str, published: Optional[str]) -> PeriodFinder:
    return PeriodFinder(nlp, name, published)
