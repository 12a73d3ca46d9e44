"""Resolvers for calendar dates and named periods: ISO and numeric dates, written days and day
ranges, months (bare, deictic, of a year, ranges), quarters, halves, "the first N months",
year ranges, decades, centuries, years, seasons, deictic units ("last month").
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from .anaphora import (
    _resolve_anaphoric_demonstrative,
    _resolve_anaphoric_unit,
    _last_year_as_the_year_before_the_figure,
    _year_as_comparison_base,
)
from .anchors import (
    _add_months,
    _cal,
    _half_span,
    _is_future,
    _iso_duration,
    _month_end,
    _month_of,
    _month_span,
    _need,
    _NeedsPublication,
    _number,
    _quarter_span,
    _shift_date,
    _week_span,
    _latest_not_after,
    _year_by_rule,
    _year_from_group,
)
from .patterns import DEICTIC_SHIFT, HOLIDAYS, ORDINALS, SEASON_MONTHS, SEASONS, UNITS


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

    rel = (m.groupdict().get("rel") or "").lower()
    if rel and ctx.published is not None and ctx.narrative is None:
        # "last Oct. 23": the latest such day before publication; "next June 4" the first after it
        pub = ctx.published
        years = [pub.year - 1, pub.year, pub.year + 1]
        if rel == "last":
            d = max(make(y)[0] for y in years if make(y)[0] < pub)
        elif rel == "next":
            d = min(make(y)[0] for y in years if make(y)[0] > pub)
        else:
            d = make(pub.year)[0]
        return _cal(d, d, "day", relative=True)
    span = _year_by_rule(ctx, cand, make, day=True)
    if span is None:
        raise _NeedsPublication
    return _cal(*span, "day")


def _resolve_week_of(ctx, cand, m):
    """"the week of March 6": the week (Monday to Sunday, ISO 8601) of that day; TimeML's value
    is the week ("2000-W10")."""
    day = _resolve_written_day(ctx, cand, m)
    if day is None:
        return None
    return _cal(*_week_span(day["from_"]), "week", relative=day["relative"])


def _resolve_day_range(ctx, cand, m):
    """"September 16-19", "Oct. 3 to 5, 2025": one range of days in one month."""
    d1 = int(re.match(r"\d+", m["day"]).group(0))
    d2 = int(re.match(r"\d+", m["day2"]).group(0))
    first = _resolve_written_day(ctx, cand, m)
    if first is None or d2 <= d1 or d2 > calendar.monthrange(first["from_"].year, first["from_"].month)[1]:
        return first
    frm = first["from_"]
    return _cal(frm, frm.replace(day=d2), "range")


def _resolve_period_ended(ctx, cand, m):
    """"the year ended March 31", "the six months ended Aug. 12", "the quarter ending Sept. 30": a
    reporting period named by its last day (the day's year as a day-month's, rule 5) and its length:
    the span of that length ending on that day (a calendar quarter or year when it is one)."""
    last = _resolve_written_day(ctx, cand, m)
    if last is None:
        return None
    end = last["from_"]
    if m["unit1"]:
        n, unit = 1, m["unit1"].lower().split()[-1]
    else:
        n, unit = _number(m["n"]), m["unit"].lower()
        if n is None or n != int(n) or not 1 <= n <= 24:
            return None
        n = int(n)
    if unit == "weeks":
        start = end - timedelta(days=7 * n - 1)
    else:
        start = _shift_date(end, months=-n * {"year": 12, "quarter": 3}.get(unit, 1), days=1)
    gran = "range"
    if start.day == 1 and end == _month_end(end.year, end.month):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 3 and start.month in (1, 4, 7, 10):
            gran = "quarter"
        elif months == 12 and start.month == 1:
            gran = "year"
    return _cal(start, end, gran, relative=last["relative"])


def _holiday_date(name: str, year: int) -> date:
    """The day a named holiday falls on in ``year`` (table ``holidays``)."""
    rule = HOLIDAYS[re.sub(r"\s+", " ", name.replace("’", "'"))]
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    month, n, weekday, from_day = rule
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, from_day)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _resolve_holiday(ctx, cand, m):
    """"Thanksgiving Day", "on Christmas", "Election Day", "the Fourth of July 2024": the holiday's
    day, its year as a day-month's (rule 5); HeidelTime's holiday resources, TimeML value the day."""
    if m["yr"]:
        d = _holiday_date(m["hol"], int(m["yr"]))
        return _cal(d, d, "day")
    span = _year_by_rule(ctx, cand, lambda y: (_holiday_date(m["hol"], y),) * 2, day=True)
    if span is None:
        raise _NeedsPublication
    return _cal(*span, "day")


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
    shift = DEICTIC_SHIFT[rel]
    pub = _need(ctx, "year" if shift == 0 else "month")   # ("this July" needs only the year)
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
    """"January-June", "January to June 2017", "the January-September period", "from July 2021 to May
    2022": one range."""
    found = _months_of_a_range(ctx, cand, m)
    if found is not None and m.groupdict().get("mid"):
        found["bound"] = "approx"   # "from mid-August to mid-December": the months it runs into, about
    return found


def _months_of_a_range(ctx, cand, m):
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    if m.groupdict().get("ryr"):   # "March to September last year"
        y, rel = _year_from_group(ctx, cand, m)
        if y is None:
            raise _NeedsPublication
        return _cal(date(y if m1 <= m2 else y - 1, m1, 1), _month_end(y, m2), "range", relative=rel)
    if m.groupdict().get("y1"):   # "from July 2020 to April 2021": each end its own year
        return _cal(date(int(m["y1"]), m1, 1), _month_end(int(m["yr"]), m2), "range")
    if m["yr"]:
        y = int(m["yr"])
        y1 = y if m1 <= m2 else y - 1
        return _cal(date(y1, m1, 1), _month_end(y, m2), "range")
    def make(y: int) -> tuple[date, date]:   # the span that ends in year y
        return date(y if m1 <= m2 else y - 1, m1, 1), _month_end(y, m2)
    span = _year_by_rule(ctx, cand, make, future_ok=False)
    if span is None:
        raise _NeedsPublication
    return _cal(*_last_begun(ctx, span, make), "range")


def _resolve_start_of_year_to_month(ctx, cand, m):
    """"from the beginning of 2023 to mid-April", "from the start of the year through May": the
    year's first month to the month named (a year-to-date written from its start)."""
    m2 = _month_of(m["mon2"])
    if m["yr"]:
        found = _cal(date(int(m["yr"]), 1, 1), _month_end(int(m["yr"]), m2), "range")
    else:
        def make(y: int) -> tuple[date, date]:
            return date(y, 1, 1), _month_end(y, m2)
        span = _year_by_rule(ctx, cand, make, future_ok=False)
        if span is None:
            raise _NeedsPublication
        found = _cal(*_last_begun(ctx, span, make), "range")
    if m["mid"]:
        found["bound"] = "approx"   # ("to mid-February": the months it runs into, about)
    return found


def _resolve_span_of_days(ctx, cand, m):
    """"1 January to 31 August 2016", "from Jan. 1 through June 30, 2021": one span from the first
    day to the last, dated by the year written at its end (at its start too when given); a
    statistics release's year-to-date is written so. (TimeML marks two DATEs; one range here, as
    for "September 16-19".)"""
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    d1, d2 = (int(re.match(r"\d+", m[k]).group(0)) for k in ("day", "day2"))
    y2 = int(m["yr2"])
    y1 = int(m["yr"]) if m["yr"] else (y2 if (m1, d1) < (m2, d2) else y2 - 1)
    try:
        frm, to = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None   # "31 June": no such day
    if not frm < to or (to - frm).days > 731:
        return None
    return _cal(frm, to, "range")


def _resolve_bracketed_span_of_days(ctx, cand, m):
    """"(March 21-June 21)" after a period of a year the calendar does not have ("the first three
    months of the Iranian year"): the days it runs between, in the latest such span begun by
    publication (the year a bracket leaves out is the story's)."""
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    d1, d2 = int(m["day"]), int(m["day2"])

    def make(y: int) -> tuple[date, date]:
        return date(y if (m1, d1) < (m2, d2) else y - 1, m1, d1), date(y, m2, d2)
    try:
        make(2000)
    except ValueError:
        return None   # "(June 31-July 4)": no such day
    # (not the sentence's written year: "(January 1 to June 30) rose 4% from R410 billion in 2023":
    # that year is the base's)
    if ctx.published is None:
        raise _NeedsPublication
    return _cal(*_latest_not_after(ctx.published, make, future=False), "range", relative=True)


_MONTH_ENDED = frozenset({"month", "range", "quarter", "half"})


def _resolve_year_to_date(ctx, cand, m):
    """"so far this year", "year-to-date", "so far in 2019": from 1 January of the year written, else of
    the year of the latest month the text has reported before it (else of writing), to the end of
    that month (or span of months). With none reported: to the end of the month before the one of
    writing (a statistics office reports a month's figures in the next), or of the text's own latest
    month on a page anchored on it; unresolved in January, when it may be either year's."""
    return year_to_date(ctx, int(m["yr"]) if m["yr"] else None)


def year_to_date(ctx, written_year: int | None = None) -> dict:
    """The fields of a year so far (see :func:`_resolve_year_to_date`); ``written_year`` when the
    text names it ("so far in 2019")."""
    if ctx.published is None:
        raise _NeedsPublication
    reported = [p.to for _, p in ctx.resolved if p.to is not None and p.from_ is not None
                and p.granularity in _MONTH_ENDED and p.from_.year == p.to.year and p.to <= ctx.published]
    # (the year of the latest month reported: "statistics for December 2017 ... the year-to-date" in February 2018)
    y, relative = (written_year, False) if written_year else (max(reported).year if reported else ctx.published.year, True)
    ends = [end for end in reported if end.year == y]
    if ends:
        end = max(ends)
    elif ctx.published.year != y:
        end = date(y, 12, 31)   # "so far in 2019" written in a later year: the whole of it
    elif ctx.narrative is not None and ctx.narrative != "publication_month":
        end = _month_end(y, ctx.published.month)   # anchored on the text's own latest date
    elif ctx.published.month > 1:
        end = _month_end(y, ctx.published.month - 1)
    else:
        raise _NeedsPublication   # in January: last year's, or this January's
    # (its TimeML value is the year, as TimeBank writes "so far <this year>")
    return _cal(date(y, 1, 1), end, "range", relative=relative, value=str(y))


def _last_begun(ctx, span: tuple[date, date], make) -> tuple[date, date]:
    """A span of months reported without its year ("the January-November period", "the first 11
    months") in a story published before its last month began is the last such span that has:
    a span's total is reported after its last month has begun, not while it lies ahead."""
    last_month = date(span[1].year, span[1].month, 1)
    if ctx.published is not None and ctx.narrative is None and last_month > ctx.published:
        return make(span[1].year - 1)
    return span


def _resolve_ordinal_month(ctx, cand, m):
    """"the fourth month of 2017", "the third month of this year": that month of the year named."""
    month = ORDINALS.get(m["ord"].lower())
    if month is None or not 1 <= month <= 12:
        return None
    y, rel = _year_from_group(ctx, cand, m)
    if y is None:
        raise _NeedsPublication
    return _cal(*_month_span(y, month), "month", relative=rel)


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


def _resolve_roman_quarter(ctx, cand, m):
    """"the II quarter of 2019", "the III quarter": a quarter numbered in Roman numerals."""
    q = {"I": 1, "II": 2, "III": 3, "IV": 4}[m["rom"]]
    return _span_in_year(ctx, cand, m, lambda yy: _quarter_span(yy, q), "quarter")


def _resolve_quarter_year_earlier(ctx, cand, m):
    """"the year-earlier third quarter": the named quarter (its year by rule 5), a year before."""
    fields = _resolve_named_quarter(ctx, cand, m)
    if fields is None or fields["from_"] is None:
        return fields
    y = fields["from_"].year - 1
    q = (fields["from_"].month - 1) // 3 + 1
    return _cal(*_quarter_span(y, q), "quarter", relative=True)


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


def _resolve_first_n_units(ctx, cand, m, edge: str | None = None):
    """"the first nine months (of 2017)", "first three quarters of 2017", "the first two months
    of the year", "the last two months of 2024": a span from the start (end) of a year.
    "the past/last three months" without a year is a duration ending on publication; "the past
    11 months this year" the months of the publication year gone by (up to the month before
    publication); "the first month of this year" its January. ``edge``: the side a rule's wording
    leaves out ("the seven months of 2022": "first")."""
    n = _number(m["n"]) if m.groupdict().get("n") else 1
    unit = m["unit"].lower()
    edge = (edge or m["edge"]).lower()
    edge = "first" if edge in ("opening", "initial") else edge   # "the opening four months of the year"
    if n is None or n != int(n):
        return None
    n = int(n)
    months = n * (3 if unit.startswith("quarter") else 1)
    y, rel = _year_from_group(ctx, cand, m)
    if edge in ("past", "last", "previous") and y is None and not m["ryr"]:
        return _resolve_past_n_units(ctx, cand, n, unit, bound="exact")
    if edge in ("past", "previous") and y is not None and rel and unit.startswith("month") \
            and ctx.published is not None and y == ctx.published.year and 1 <= months < ctx.published.month:
        end = ctx.published.month - 1
        return _cal(date(y, end - months + 1, 1), _month_end(y, end), "range", relative=True)
    if unit.startswith(("week", "day")) or months > 12 or months < 1:
        return None  # 'the first 10 days' of which month: the month rule below reads 'of November'
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
        frm, to = _last_begun(ctx, span, make) if edge == "first" else span
    gran = "month" if months == 1 else "range"
    if months == 3 and frm.month in (1, 10):
        gran = "quarter"
    elif months == 6:
        gran = "half"
    elif months == 12:
        gran = "year"
    return _cal(frm, to, gran, relative=rel)


def _resolve_days_of_month(ctx, cand, m):
    """"the first 10 days of March", "the first 15 days of this month", "the last five days of
    March 2024": days counted from the start (or back from the end) of the month named."""
    n = _number(m["n"])
    if n is None or n != int(n) or not 1 <= n <= 31:
        return None
    if m["mon"]:
        inner = _resolve_month_year(ctx, cand, m) if m["yr"] else _resolve_deictic_month(ctx, cand, m)
    elif m["rel"]:
        inner = _resolve_deictic_unit(ctx, cand, m["rel"], "month")
    else:
        inner = _resolve_anaphoric_demonstrative(ctx, cand, {"unit": "month"})
    if inner is None or inner["from_"] is None:
        raise _NeedsPublication
    frm, to = inner["from_"], inner["to"]
    n = min(int(n), to.day)
    if (m["edge"] or m["edge2"] or "first").lower() == "first":
        return _cal(frm, frm.replace(day=n), "range", relative=inner["relative"])
    return _cal(to.replace(day=to.day - n + 1), to, "range", relative=inner["relative"])


def _resolve_half_of_month(ctx, cand, m):
    """"the first half of May", "the second half of last month" (Korean and Chinese customs' early
    counts): days 1 to 15, or 16 to the month's end."""
    if m["mon"]:
        inner = _resolve_month_year(ctx, cand, m) if m["yr"] else _resolve_deictic_month(ctx, cand, m)
    else:
        inner = _resolve_deictic_unit(ctx, cand, m["rel"], "month")
    if inner is None or inner["from_"] is None:
        raise _NeedsPublication
    frm, to = inner["from_"], inner["to"]
    if m["ord"].lower() in {"first", "1st"}:
        return _cal(frm, frm.replace(day=15), "range", relative=inner["relative"])
    return _cal(frm.replace(day=16), to, "range", relative=inner["relative"])


def _resolve_past_n_units(ctx, cand, n, unit, *, bound, ahead: bool = False):
    """"the past three months": a duration ending on publication (from/to filled; relative);
    ``ahead`` ("the next two years", "the coming six months"): one starting on publication."""
    dur = _iso_duration(n, unit)
    if ctx.published is None or ctx.narrative is not None:
        # (a span ending on the day of writing: the text's own latest date is not that day)
        return dict(from_=None, to=None, granularity="duration", duration=dur, bound=bound,
                    relative=True, value=dur, _needs_pub=True)
    code, mult = UNITS[unit.lower()]
    q = int(n * mult)
    if ahead:
        frm = ctx.published
        if code in ("Y", "M"):
            to = _shift_date(frm, months=q * (12 if code == "Y" else 1), days=-1)
        else:
            to = frm + timedelta(days=max(0, (7 * q if code == "W" else q if code == "D" else 1) - 1))
        return dict(from_=frm, to=to, granularity="duration", duration=dur, bound=bound, relative=True, value=dur)
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


def _year_pair(m) -> tuple[int, int]:
    """The two years of "2017-2019", "2017-18" (the second written short takes the first's century)."""
    return _years_written(m["y1"], m["y2"] or m["y2s"])


def _years_written(first: str, second: str) -> tuple[int, int]:
    """Two years as written, the second maybe short ('2023', '24' -> 2023, 2024)."""
    y1 = int(first)
    return y1, int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)


def _resolve_year_range(ctx, cand, m):
    """"2017-2019", "from 2017 to 2019", "between 2010 and 2015", "2017-18"."""
    y1, y2 = _year_pair(m)
    if y2 <= y1 or y2 - y1 > 100:
        return None
    return _cal(date(y1, 1, 1), date(y2, 12, 31), "range", value=f"{y1}/{y2}")


def _resolve_decade(ctx, cand, m):
    """"the 1990s", "the '90s", "the nineties": a range of ten years (TimeML value "199")."""
    if m.groupdict().get("decw"):
        tens = _number(m["decw"][:-3] + "y")   # 'nineties' -> 'ninety'
        if tens is None:
            return None
        base = 1900 + int(tens)
        return _cal(date(base, 1, 1), date(base + 9, 12, 31), "range", value=str(base // 10))
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


def _resolve_spoken_year(ctx, cand, m):
    """'nineteen ninety-six' (1996), 'the year two thousand' (2000), 'two thousand and one'."""
    if m["century"]:
        tens = _number(m["decade"].replace(" ", "-"))
        if tens is None or tens < 10:
            return None
        y = (19 if m["century"].lower() == "nineteen" else 20) * 100 + int(tens)
    else:
        y = 2000 + int(_number(m["unit"]) or 0) if m["unit"] else 2000
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
        pub = _need(ctx, "month")
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
    unit = unit.lower()
    pub = _need(ctx, {"weekend": "day", "quarter": "month"}.get(unit, unit), cand.start if cand else None)
    shift = DEICTIC_SHIFT[rel.lower()]
    if unit == "month":
        if shift == -1 and _page_dated_behind_its_month(ctx, cand, pub):
            shift = 0
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


def _page_dated_behind_its_month(ctx, cand, pub: date) -> bool:
    """A page dated the last day of a month whose 'last month' is compared with that month a year
    before ("last month's exports ... up 11% from May 2023" on a page dated 31 May 2024): the
    writer wrote on the 1st, a time zone ahead of the page's date (Seoul and Tokyo copy posted
    before midnight UTC), so 'last month' is the month the page is dated in. A figure's year-ago
    base names the same month as the figure."""
    if cand is None or ctx.narrative is not None or pub.day != _month_end(pub.year, pub.month).day:
        return False
    sentence = ctx.sentence_of(cand.start)
    rest = ctx.text[cand.end: ctx.sent_starts[sentence + 1] if sentence + 1 < len(ctx.sent_starts) else len(ctx.text)]
    month = calendar.month_name[pub.month]
    return re.search(rf"\b(?:from|compared\s+(?:with|to)|than|against|over)\s+(?:the\s+same\s+month\s+of\s+)?"
                     rf"{month}\s+{pub.year - 1}\b", rest) is not None


def _resolve_the_weekend(ctx, cand, m):
    """"over the weekend": the weekend just past, or the coming one in a future clause."""
    return _resolve_deictic_unit(ctx, cand, "next" if _is_future(ctx, cand.start) else "this", "weekend")


def _resolve_months_to(ctx, cand, m):
    """"the 12 months to June", "the three months ended September 2024": a span of whole months
    ending with the named month (whose year follows the bare-month rule)."""
    n = _whole_months(m)
    if n is None:
        return None
    month, end_y = _last_month(ctx, cand, m)
    return _months_ending(end_y, month, n)


def _resolve_months_to_a_year_end(ctx, cand, m):
    """"the six months to the end of 2019": the months ending with that year's December."""
    n = _whole_months(m)
    return _months_ending(int(m["yend"]), 12, n) if n is not None else None


def _whole_months(m) -> int | None:
    """The number of months a span names, 1 to 120, else None."""
    n = _number(m["n"])
    return int(n) if n is not None and n == int(n) and 1 <= n <= 120 else None


def _months_ending(end_y: int, month: int, n: int, relative: bool = False) -> dict:
    """The ``n`` whole months ending with ``month`` of ``end_y``."""
    sy, sm = _add_months(end_y, month, -n + 1)
    return _cal(date(sy, sm, 1), _month_end(end_y, month), "range", relative=relative)


def _quarter_ending(end_y: int, month: int, relative: bool = False) -> dict:
    """The three months ending with ``month`` of ``end_y``: a calendar quarter when it ends one."""
    if month % 3 == 0:
        return _cal(*_quarter_span(end_y, month // 3), "quarter", relative=relative)
    return _months_ending(end_y, month, 3, relative=relative)


def _resolve_month_to_a_recent_day(ctx, cand, m):
    """"from January until last week", "In November, up until last week", "from March through
    yesterday": the named month's first day to the end of the recent time named (a span to date,
    not the month alone nor the week alone); it needs the publication date."""
    if ctx.published is None or ctx.narrative is not None:
        raise _NeedsPublication
    pub, rel = ctx.published, " ".join(m["rel"].lower().split())
    # ("this week", "today": to the publication day)
    end = {"yesterday": pub - timedelta(days=1), "last week": _week_span(pub - timedelta(days=7))[1]}.get(rel, pub)
    month = _month_of(m["mon"])
    start = date(end.year if month <= end.month else end.year - 1, month, 1)
    return _cal(start, end, "range", relative=True)


def _resolve_year_through_month(ctx, cand, m):
    """"year-to-date through February", "year to date to the end of March": January to the month named,
    its year by the bare-month rule."""
    month, end_y = _last_month(ctx, cand, m)
    return _cal(date(end_y, 1, 1), _month_end(end_y, month), "range")


def _resolve_quarter_to_month(ctx, cand, m):
    """"the June quarter", "the quarter to September 2022": the three months ending with the named
    month (a calendar quarter when it ends one), its year by the bare-month rule."""
    month, end_y = _last_month(ctx, cand, m)
    return _quarter_ending(end_y, month)


def _resolve_quarter_to_last_month(ctx, cand, m):
    """"the quarter ended last month": the three months ending with the month before the one of
    writing (a calendar quarter when that month ends one)."""
    pub = _need(ctx)
    end_y, month = _add_months(pub.year, pub.month, -1)
    return _quarter_ending(end_y, month, relative=True)


def _last_month(ctx, cand, m) -> tuple[int, int]:
    """(month, year) of the month a span is named by ('to June', 'the June quarter'): the year
    written, else the bare-month rule's."""
    month = _month_of(m["mon"])
    if m["yr"]:
        return month, int(m["yr"])
    span = _year_by_rule(ctx, cand, lambda y: _month_span(y, month), future_ok=False)
    if span is None:
        raise _NeedsPublication
    return month, span[0].year


def _resolve_deictic(ctx, cand, m):
    """"last month", "the past year", "this decade"; "earlier this year" is a part of its year."""
    fields = _resolve_deictic_unit_phrase(ctx, cand, m)
    if fields is not None and m["side"] and fields.get("granularity") != "duration":
        fields["bound"] = "approx"  # 'earlier this year': a part of the year, which part not said
    return fields


def _resolve_deictic_unit_phrase(ctx, cand, m):
    """The deictic (or, with "previous"/"following", anaphoric) unit the phrase names."""
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
    if rel == "last" and unit == "year":
        same_part = _year_as_comparison_base(ctx, cand) or _last_year_as_the_year_before_the_figure(ctx, cand)
        if same_part is not None:
            return same_part   # "in March rose 12% compared with last year", "in 2019, up from last year's"
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
