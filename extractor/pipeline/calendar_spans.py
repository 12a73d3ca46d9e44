"""Calendar arithmetic on inclusive date spans, shared by periods, claims, the check and the store."""
from __future__ import annotations

import calendar
from datetime import date


def month_end(d: date) -> date:
    """The last day of ``d``'s month."""
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months, the day clipped to the month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month that ``start..end`` touches."""
    out, d = [], date(start.year, start.month, 1)
    while d <= end:
        out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def shift_period(start: date, end: date, basis: str) -> tuple[date, date]:
    """The base period of a change: the same span a year before (``year_on_year``), or the span just before."""
    if basis == "year_on_year":
        return add_months(start, -12), month_end(add_months(end, -12))
    months = len(month_starts(start, end))
    return add_months(start, -months), month_end(add_months(end, -months))
