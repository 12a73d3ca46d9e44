"""Resolvers for anaphoric periods, anchored on the period the sentence talks about: "that
year", "the month before", "a year earlier", "the same period last year"; and day words
and weekdays, anchored on publication.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .anchors import (
    _add_months,
    _anchor,
    _cal,
    _extends_until,
    _is_comparison_base,
    _is_future,
    _month_end,
    _month_span,
    _need,
    _NeedsPublication,
    _number,
    _quarter_span,
    _shift_date,
    _week_span,
)
from .patterns import ANAPHORIC_DIRECTION, BOUNDS, DAY_WORDS, UNITS, WEEKDAYS

# report periods named from the time of writing ('the latest quarter'): deictic, not anaphoric
DEICTIC_REPORT_MODIFIERS = ("latest", "most recent", "current")


def _resolve_anaphoric_demonstrative(ctx, cand, m):
    """"that year", "that month", "the same day": the calendar unit of the period the narrative
    is about (the last period named before it). Never the publication date: "that" points back
    into the text."""
    unit = m["unit"].lower()
    anchor = _anchor(ctx, cand.start, whole_discourse=True)
    fineness = ["day", "week", "month", "quarter", "half", "year", "range"]
    if anchor is None or anchor[2] not in fineness or fineness.index(anchor[2]) > fineness.index(unit):
        # nothing named before it ("on 1 May that year" opening a story), or a coarser period
        # ("that day" after "in 2015": which day is not said): unresolved, never publication
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


def _year_as_comparison_base(ctx, cand):
    """"Exports in March rose 12% compared with last year", "up 9% from the year before", "over the
    previous year": a year a figure for part of a year is compared with is elliptical for the same
    part of that year (the period the sentence reports, a year before). None when the sentence
    reports no period shorter than a year, or the year is no comparison base."""
    if not _is_comparison_base(ctx.text, cand.start, cand.end):
        return None
    anchor = _anchor(ctx, cand.start, previous_sentence=False, periods_only=True)
    if anchor is None:
        return None
    frm, to, gran = anchor
    if gran in ("day", "year", "duration") or (to - frm).days >= 365:
        return None
    a, b, g = _shift_period(frm, to, gran, -12, 0)
    return dict(_cal(a, b, g, relative=True), _anaphoric=True)


def _last_year_as_the_year_before_the_figure(ctx, cand):
    """"Trade reached $84 billion in 2019, up from last year's $83 billion" written in January
    2020: 'last year' counted from publication is 2019, the very year the figure compared with it
    is for, and a figure is never its own base; the writer counts from the story's year, so the
    base is the year before it (the reference time of the sentence, not the speech time:
    Reichenbach 1947, as TimeML anchors relative expressions on the discourse's reference time).
    None unless the sentence (or the one before) reports that year and 'last year' is its
    comparison base."""
    if ctx.published is None or not _is_comparison_base(ctx.text, cand.start, cand.end):
        return None
    # (the sentence's year, or the previous sentence's: "This marked an increase from last year's")
    anchor = _anchor(ctx, cand.start, periods_only=True)
    if anchor is None or anchor[2] != "year" or anchor[0].year != ctx.published.year - 1:
        return None
    year = anchor[0].year - 1
    return dict(_cal(date(year, 1, 1), date(year, 12, 31), "year", relative=True), _anaphoric=True)


def _resolve_period_of_n_months(ctx, cand, m):
    """"During the four-month period", "in the seven-month period": a definite description of a
    span the text named before ("the first four months of this year"), its last one of that many
    whole months. Its TIMEX3 value stays the duration (TimeML annotates "the four-month period" as
    P4M); the dates are the antecedent's. The duration alone when no such span precedes."""
    n = _number(m["n"])
    if n is None or n != int(n) or not 2 <= n <= 24:
        return None
    n = int(n)
    earlier = [p for _, p in ctx.resolved if p.start < cand.start and p.from_ is not None and p.to is not None
               and p.from_.day == 1 and p.to == _month_end(p.to.year, p.to.month)
               and (p.to.year - p.from_.year) * 12 + p.to.month - p.from_.month + 1 == n]
    if not earlier:
        return dict(from_=None, to=None, granularity="duration", duration=f"P{n}M", bound="exact", value=f"P{n}M",
                    relative=False)
    antecedent = max(earlier, key=lambda p: p.start)
    return dict(_cal(antecedent.from_, antecedent.to, "range", relative=True, value=f"P{n}M"), _anaphoric=True)


def _resolve_anaphoric_unit(ctx, cand, direction: int, unit: str):
    """"the previous month", "the month prior", "the year before": the calendar unit before
    the one containing the anchor (the period the sentence talks about); a year as a comparison
    base after a shorter period is that period a year before (:func:`_year_as_comparison_base`)."""
    if unit == "year" and direction < 0:
        same_part = _year_as_comparison_base(ctx, cand)
        if same_part is not None:
            return same_part
    # "the following month" moves the narrative's reference time forward: the last period the
    # text named, however many sentences before ("In March, ... The following month, ..."), as
    # "a year later" does; publication only when the text named none
    anchor = (_anchor(ctx, cand.start, whole_discourse=True) if direction > 0 else None) or _anchor(ctx, cand.start)
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
    """Shift a period by whole months/days keeping its granularity (month ends stay month ends;
    "the Nov. 1-10 period" a year earlier is Nov. 1-10)."""
    if gran in ("month", "quarter", "half", "year", "range") and not days and to == _month_end(to.year, to.month):
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
    # "ago" is deictic (TimeML: anchored on the DCT) -- except after a figure it compares ("net
    # profit of $5 million, or 12 cents a share, a year ago", "thinner than a year ago"): that is the
    # period the figures are for, a year before, as "a year earlier" (TimeBank's reading, 1989-Q3)
    is_ago = m["dir"].lower() == "ago" and not _after_a_figure(ctx.text, cand.start)
    bound = BOUNDS.get(re.sub(r"\s+", " ", (m["bound"] or "").lower()), "exact")
    if direction > 0:
        # "a year later" never counts from the publication date: it moves the narrative's
        # reference time (the last period named before it), else stays unresolved
        anchor = _anchor(ctx, cand.start, whole_discourse=True)
        if anchor is None:
            return dict(from_=None, to=None, granularity="range", relative=True, bound=bound, value=None)
    else:
        # "ago" is deictic unless its own clause named a period first ("from a year ago")
        # a comparison base ("up 8% from a year earlier") compares figures, which are for periods:
        # the day they were released ("data showed on Monday") is no anchor for it
        anchor = _anchor(ctx, cand.start, previous_sentence=not is_ago, following=not is_ago,
                         discourse_periods=not is_ago,
                         periods_only=_is_comparison_base(ctx.text, cand.start, cand.end) and code in ("Y", "M"))
        if is_ago and anchor is not None and ctx.published is not None and ctx.narrative is None \
                and not _same_clause_period_before(ctx, cand.start):
            # "the gatherings of early December, the largest since the revolution that brought him
            # to power 41 years ago": a period of another clause is no reference time for "ago"
            anchor = (ctx.published, ctx.published, "day")
    if anchor is None:
        raise _NeedsPublication
    frm, to, gran = anchor
    if ctx.published is not None and (frm, to, gran) == (ctx.published, ctx.published, "day"):
        target = _shift_date(frm, months=months, days=days)
        # "a week ago", "three hours earlier": that day (hours, minutes, seconds: TH, TM, TS)
        unit_gran = {"Y": "year", "M": "month"}.get(code, "day")
        if unit.startswith(("decade", "centur")):
            unit_gran = "year"
        a, b, g = _calendar_unit(target, unit_gran)
        return _cal(a, b, g, relative=True, bound=bound)
    a, b, g = _shift_period(frm, to, gran, months, days)
    return _cal(a, b, g, relative=True, bound=bound)


def _relative_clause(ctx, char: int) -> int:
    """The index of the relative clause (or noun-modifying clause) the word at ``char`` is in,
    -1 outside any: "the revolution that brought him to power 41 years ago"."""
    tok = ctx.token_at(char)
    for _ in range(12):
        if tok is None or tok.head is tok:
            return -1
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("relcl", "acl"):
            return tok.i
        tok = tok.head
    return -1


def _same_clause_period_before(ctx, start: int) -> bool:
    """Is a period named before ``start`` in its sentence in the same clause, not one a relative
    clause sets apart ("exports in March rose 10% from a year ago"; "totaling $9 million in
    October, exports were twice as high as a year ago")? "Ago" counts from the DCT unless its own
    clause named a period (TimeML); a relative clause tells of another event, at another time."""
    sent = ctx.sentence_of(start)
    own = _relative_clause(ctx, start)
    return any(s_idx == sent and p.start < start and p.from_ is not None and p.granularity != "duration"
               and _relative_clause(ctx, p.start) == own for s_idx, p in ctx.resolved)


# a figure right before the phrase: "$1.2 billion", "12 cents a share", "3.8%", "thinner than"
_FIGURE_BEFORE = re.compile(r"(?:\d|%|\bcents?|\ba\s+share|\bmillion|\bbillion|\bpercent|\bthan|\bcompared\s+with)\)?,?\s*$",
                            re.IGNORECASE)


def _after_a_figure(text: str, start: int) -> bool:
    return bool(_FIGURE_BEFORE.search(text[max(0, start - 30):start]))


def _resolve_same_period(ctx, cand, m):
    """"the same period last year", "the same month a year earlier", "the same quarter of 2024" (also
    "the corresponding period", "the comparable quarter", "the like period": one figure set against another):
    the anchor period moved to the previous (or the written) year. "The same" points back to a
    period the text named, however many sentences before; only without one is it the
    publication's month."""
    what = m["what"].lower().rstrip("s")
    anchor = _anchor(ctx, cand.start, whole_discourse=True, periods_only=what != "day")
    if anchor is None:
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
        frm, to, gran = _calendar_unit(frm, what if what in ("quarter", "week", "day") else "month")
    a, b, g = _shift_period(frm, to, gran, shift, 0)
    return _cal(a, b, g, relative=True)


def _resolve_part_of_anaphoric_year(ctx, cand, m):
    """"the end of the year", "the beginning of the year", "year-end": the year of the period the
    discourse is about (anchor rule), else the publication year; a part of it (bound approx)."""
    anchor = _anchor(ctx, cand.start)
    if anchor is None:
        raise _NeedsPublication
    y = anchor[0].year
    return _cal(date(y, 1, 1), date(y, 12, 31), "year", relative=True, bound="approx")


def _resolve_day_before(ctx, cand, m):
    """"the day before", "the day after": the day next to the one the text talks about; before a
    clause ("the day before the son reported him missing") next to that event, whose day is not
    said (TimeML: 'The day' with the signal 'before', anchored on the event): unresolved."""
    direction = -1 if m["dir"].lower() == "before" else 1
    after = ctx.text[cand.end:cand.end + 40]
    if re.match(r"\s*(?:yesterday|today|tomorrow)\b", after, re.I):
        return None   # 'the day before yesterday' is no anaphor
    if re.match(r"\s+(?!and\b|but\b|or\b)[\w\"“]", after):
        return dict(from_=None, to=None, granularity="day", relative=True, value=None, _anaphoric=True)
    anchor = _anchor(ctx, cand.start, whole_discourse=True)
    if anchor is None or anchor[2] != "day":
        return dict(from_=None, to=None, granularity="day", relative=True, value=None, _anaphoric=True)
    d = anchor[0] + timedelta(days=direction)
    return dict(_cal(d, d, "day", relative=True), _anaphoric=True)


def _resolve_day_next_to_weekday(ctx, cand, m):
    """"the day before last Tuesday", "the day after Friday": the weekday (read as a weekday is),
    a day before or after."""
    day = _resolve_weekday(ctx, cand, m)
    d = day["from_"] + timedelta(days=-1 if m["dir"].lower() == "before" else 1)
    return _cal(d, d, "day", relative=True)


def _report_anchor(ctx, cand):
    """The period a financial report's 'the quarter' / 'the year' refers to: the last period (not
    day) the text named that had begun by publication (not a forecast's), else None."""
    return _anchor(ctx, cand.start, whole_discourse=True, periods_only=True, begun=True)


def _latest_complete_quarter(published: date) -> tuple[date, date]:
    y, q = published.year, (published.month - 1) // 3   # the quarter before the current one
    if q == 0:
        y, q = y - 1, 4
    return _quarter_span(y, q)


def _resolve_report_period(ctx, cand, m):
    """"the quarter", "the latest quarter", "the latest period", "the full year", "the fiscal
    year", "for the year" (TimeML annotates them in earnings reports): the quarter or year of the
    period the text is about, else of publication ("the latest quarter": the last one complete)."""
    unit = re.sub(r"\s+", " ", m["unit"].lower()).replace("fiscal ", "")
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if unit == "year" and not mod and not re.search(r"\b(?:for|in|during|over|throughout|through|of)\s+$",
                                                   ctx.text[max(0, cand.start - 12):cand.start], re.I):
        return None   # 'the year' alone is a year only after a preposition of time ('for the year')
    if _is_deictic_report_period(m) and ctx.published is not None and ctx.narrative is None:
        # 'the latest quarter' is the last one complete at publication, whatever period the text
        # named before it (TimeML: a deictic expression is anchored on the DCT)
        if unit == "year":
            y = ctx.published.year - (0 if mod == "current" else 1)
            return _cal(date(y, 1, 1), date(y, 12, 31), "year", relative=True)
        if mod == "current":
            return _cal(*_quarter_span(ctx.published.year, (ctx.published.month - 1) // 3 + 1), "quarter",
                        relative=True)
        return _cal(*_latest_complete_quarter(ctx.published), "quarter", relative=True)
    anchor = _report_anchor(ctx, cand)
    if unit == "period":
        if anchor is not None:
            return dict(_cal(*anchor, relative=True), _anaphoric=True)
        pub = _need(ctx, "month")
        return dict(_cal(*_latest_complete_quarter(pub), "quarter", relative=True), _anaphoric=True)
    if unit == "year" and anchor is not None and anchor[0].month != 1 and 360 <= (anchor[1] - anchor[0]).days <= 366:
        # "Last fiscal, imports rose 3.3% ... During the year, exports rose": the fiscal year the
        # text is about, not the calendar year it starts in
        return dict(_cal(anchor[0], anchor[1], "range", relative=True), _anaphoric=True)
    if anchor is not None and not (unit == "quarter" and anchor[2] in ("year", "half", "range")
                                   and (anchor[1] - anchor[0]).days > 92):
        a, b, g = _calendar_unit(anchor[0], unit)
        return dict(_cal(a, b, g, relative=True), _anaphoric=True)
    pub = _need(ctx, "month" if unit == "quarter" else "year")
    if unit == "year":
        return dict(_cal(date(pub.year, 1, 1), date(pub.year, 12, 31), "year", relative=True), _anaphoric=True)
    if mod == "current":
        return dict(_cal(*_quarter_span(pub.year, (pub.month - 1) // 3 + 1), "quarter", relative=True), _anaphoric=True)
    return dict(_cal(*_latest_complete_quarter(pub), "quarter", relative=True), _anaphoric=True)


def _is_deictic_report_period(m) -> bool:
    """'the latest quarter', 'the most recent period', 'the current quarter': a report's period
    named from the time of writing, not from the text (no anaphor)."""
    return re.sub(r"\s+", " ", (m.groupdict().get("mod") or "").lower()) in DEICTIC_REPORT_MODIFIERS


def _resolve_year_earlier(ctx, cand, m):
    """"the year-earlier quarter", "the year-ago period", "year-earlier results": the period the
    text reports, a year before."""
    anchor = _report_anchor(ctx, cand)
    if anchor is None:
        if ctx.published is None or ctx.narrative is not None:
            return dict(from_=None, to=None, granularity="range", relative=True, value=None, _anaphoric=True)
        anchor = (*_latest_complete_quarter(ctx.published), "quarter")
    a, b, g = _shift_period(*anchor, -12, 0)
    return dict(_cal(a, b, g, relative=True), _anaphoric=True)


def _resolve_last_years_quarter(ctx, cand, m):
    """"last year's quarter", "last year's period": the quarter the report is about (the text's
    quarter begun by publication, else the last complete one) in the year before publication
    ("last year" is deictic, TimeML: anchored on the DCT)."""
    if ctx.published is None or ctx.narrative is not None:
        return dict(from_=None, to=None, granularity="quarter", relative=True, value=None, _anaphoric=True)
    anchor = _report_anchor(ctx, cand)
    if anchor is not None and anchor[2] == "quarter":
        q = (anchor[0].month - 1) // 3 + 1
    else:
        q = (_latest_complete_quarter(ctx.published)[0].month - 1) // 3 + 1
    return dict(_cal(*_quarter_span(ctx.published.year - 1, q), "quarter", relative=True), _anaphoric=True)


def _resolve_day_count(ctx, cand, m):
    """"Today is the eighth day of the blockade", "it's the second day of the strike": a count of an
    event's days told in the present is the day of writing (TimeML: the DCT)."""
    pub = _need(ctx, "day", cand.start)
    return _cal(pub, pub, "day", relative=True)


def _resolve_day_word(ctx, cand, m):
    """"yesterday", "today", "tomorrow": the DCT shifted by days."""
    pub = _need(ctx, "day", cand.start)
    d = pub + timedelta(days=DAY_WORDS[m["w"].lower()])
    return _cal(d, d, "day", relative=True)


def _resolve_anaphoric_weekday(ctx, cand, m):
    """"the previous Friday", "the following Monday": the weekday before (after) the day the sentence
    is about (the nearest day named before it, in its sentence or the one before), else publication."""
    anchor = _anchor(ctx, cand.start, following=False)
    if anchor is None or anchor[2] != "day":
        if ctx.published is None or ctx.narrative is not None:
            raise _NeedsPublication
        anchor = (ctx.published, ctx.published, "day")
    wd = WEEKDAYS[m["wd"].rstrip(".").lower()]
    base = anchor[0]
    if m["rel"].lower() == "following":
        d = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        d = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
    return dict(_cal(d, d, "day", relative=True), _anaphoric=True)


def _is_possessive(ctx, char: int) -> bool:
    """Is the word at ``char`` a possessive determiner ("Wednesday's ruling")? The day is then the
    time of the event the noun names, not of the clause it is in: the tense or mood of "to get
    around Wednesday's ruling" says nothing about when the ruling was."""
    tok = ctx.token_at(char)
    return tok is not None and (tok.dep_ == "poss" or any(c.dep_ == "case" for c in tok.children))


def _resolve_weekday(ctx, cand, m):
    """"Monday", "on Monday", "last Friday", "next Tuesday".

    News usage (AP style writes the weekday for dates within a week): past-tense clauses
    point back to the most recent such day on or before publication, future clauses
    ("will meet on Monday") forward to the next such day on or after it. A bare weekday of
    the day after publication is that day: pages date a story by their own time zone, often
    a day behind the place it was written in (and a reporter writes "last Friday", not
    "Friday", for six days back)."""
    pub = _need(ctx, "day", cand.start)
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
    elif (_is_future(ctx, cand.start) or _extends_until(ctx, m.start("wd"))) and not _is_possessive(ctx, m.start("wd")):
        d = fwd   # 'will meet on Monday'; 'postponed until Tuesday': the new end lies ahead
    elif ctx.narrative is None and fwd - pub == timedelta(days=1):
        # "data showed on Friday" in a story dated Thursday: the page's date is a time zone
        # behind the story's (Asian releases dated by American sites), not six days after it
        d = fwd
    else:
        d = back
    return _cal(d, d, "day", relative=True)
