"""Fiscal years: "FY23", "fiscal 2022", "the 2024 financial year", "2022-23", "2023/24", "the
year ended June", "the fiscal year that ended in March".

A fiscal year is the calendar of the state whose figures it dates (``data/fiscal_years.json``):
India's FY2023 runs April 2022 to March 2023, Japan's fiscal 2022 April 2022 to March 2023, the
US's fiscal 2023 October 2022 to September 2023; a state not in the table keeps the calendar
year, so China's "fiscal 2023" is 2023. Which state: the first state with a fiscal calendar
named in the expression's sentence, else the one the text names most (an Indian story's "in
FY23" dates India's figures whichever partner the sentence names). TimeML (TimeBank) gives a
fiscal year the value of its name ("fiscal 1989" -> 1989); the value is kept so, while
``from``/``to`` are the months the year covers, which is what a figure is checked against.

A pair of consecutive years ("2022-23", "2023/24") is a fiscal year in the copy of states that
write theirs so (India, Australia, the UK); elsewhere, and for other pairs, it stays a range of
years. A year named by its last month ("the year ended June", "the year to March 2024") is the
twelve months ending with that month, the month's year as a bare month's (rule 5 of
:mod:`.anchors`).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache
from typing import Optional

from ..actors import _country_patterns
from ..lexicon import load_table
from .anchors import (_add_months, _anchor, _cal, _Candidate, _Context, _month_end, _month_of, _NeedsPublication, _number,
                      _year_by_rule)
from .dates import _resolve_year_range, _year_pair, _years_written


@cache
def _calendars() -> dict[str, dict]:
    return load_table("fiscal_years.json")["states"]


@cache
def _state_names() -> re.Pattern:
    """Names, demonyms and capitals of the states with a fiscal calendar, as the actors table
    writes them (case as written: 'US' is the state, 'us' is not). The periods are read before the
    actors, so this is a plain text match."""
    forms = [(label.split(":", 1)[1], phrase) for label, phrase in _country_patterns()
             if label.startswith(("name:", "demonym:", "capital:")) and label.split(":", 1)[1] in _calendars()]
    forms.sort(key=lambda f: -len(f[1]))
    pattern = "|".join(f"(?P<{code}_{i}>{re.escape(f)})" for i, (code, f) in enumerate(forms))
    # ("US $ 3 billion", "US dollars": a currency, not the state)
    return re.compile(r"(?<![\w.])(?:" + pattern + r")(?![\w])(?!\s*(?:\$|dollars?\b))")


# "exports to the UK", "imports from the US", and the later states of such a list ("to Chile and Japan")
_AS_A_PARTNER = re.compile(r"\b(?:to|from|with|into)\s+(?:the\s+)?(?:[\w.'’ ]{1,30}?(?:,|\band\b)\s+(?:the\s+)?)?$",
                           re.IGNORECASE)


# "U.S.-bound exports": the state they go to
_BOUND_FOR = re.compile(r"\s*[-–]\s*bound\b", re.IGNORECASE)


def _states_in(text: str, lo: int = 0, hi: int | None = None, partners: bool = True) -> list[str]:
    """The states with a fiscal calendar named in ``text[lo:hi]``, in order; without those named
    as a partner ('to', 'from', 'with' a state) when ``partners`` is False."""
    return [m.lastgroup.split("_")[0] for m in _state_names().finditer(text, lo, len(text) if hi is None else hi)
            if not _A_CURRENCY_AFTER.match(text, m.end())   # ("7.6 billion U.S. dollars": the currency, no state)
            and (partners or not (_AS_A_PARTNER.search(text, max(lo, m.start() - 45), m.start())
                                  or _BOUND_FOR.match(text, m.end())))]


_A_CURRENCY_AFTER = re.compile(r"\.?\s*(?:dollars?|\$)", re.IGNORECASE)


def fiscal_calendar(ctx: _Context, cand: _Candidate) -> Optional[dict]:
    """The fiscal calendar of the state the expression dates: the first such state its sentence
    names other than as a partner ('exports to Japan in fiscal 2023' in an Indian story are in
    India's fiscal year), else the state whose own currency its figures are in, else the one the
    text names most; None for the calendar year."""
    sent = ctx.sentence_of(cand.start)
    lo = ctx.sent_starts[sent]
    hi = ctx.sent_starts[sent + 1] if sent + 1 < len(ctx.sent_starts) else len(ctx.text)
    named = _states_in(ctx.text, lo, hi, partners=False) or _states_of_currencies(ctx, lo, hi)
    if not named:
        counts = Counter(_states_in(ctx.text))
        named = [code for code, _ in counts.most_common(1)]
    return _calendars()[named[0]] if named else None


@cache
def _states_by_currency() -> dict[str, str]:
    """The own currency of each state with a fiscal calendar (countries.json: national_currencies)."""
    calendars = _calendars()
    return {currency: code for currency, code in load_table("countries.json")["national_currencies"].items()
            if code in calendars}


def _states_of_currencies(ctx: _Context, lo: int, hi: int) -> list[str]:
    """A sentence that names no trading state but gives its figures in one state's own currency
    ("the nation's surplus in fiscal 1998 rose to 14.1 trillion yen"): that state (the amounts
    are read before the periods)."""
    by_currency = _states_by_currency()
    states = {by_currency[a.unit] for a in (ctx.doc._.amounts or []) if lo <= a.start < hi and a.unit in by_currency}
    return list(states) if len(states) == 1 else []


def _fiscal_span(calendar: Optional[dict], first_year: int) -> tuple[date, date]:
    """The fiscal year that begins in ``first_year``."""
    if calendar is None:
        return date(first_year, 1, 1), date(first_year, 12, 31)
    start = calendar["starts"]
    return date(first_year, start, 1), _month_end(first_year + 1, start - 1)


def resolve_fiscal_year(ctx, cand, m):
    """"FY23", "FY 2023", "fiscal 2022", "fiscal year 2023", "the 2024 financial year": the
    fiscal year its state names so."""
    y = int(m["yr"]) if m.groupdict().get("yr") else 2000 + int(m["yy"])
    calendar = fiscal_calendar(ctx, cand)
    if calendar is None:
        return _cal(date(y, 1, 1), date(y, 12, 31), "year")
    return _cal(*_fiscal_span(calendar, _first_year_of(calendar, y)), "range", value=str(y))


def _first_year_of(calendar: Optional[dict], named: int) -> int:
    """The year a fiscal year named ``named`` begins in: the year before for a state that names its
    years by their end (India's FY2023 begins in 2022), the same year otherwise."""
    return named - 1 if calendar is not None and calendar["named_by"] == "end" else named


_PART_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def resolve_fiscal_quarter(ctx, cand, m):
    """"Q1 of FY23", "the third quarter of fiscal 2024", "the first quarter of the fiscal year
    2022-23": that quarter of the fiscal year named, in its state's calendar (Pakistan's FY23 begins
    in July 2022, so its Q1 is July to September 2022)."""
    q = int(m["q"]) if m.groupdict().get("q") else _PART_ORDINALS[m["ord"].lower()]
    return _part_of_a_fiscal_year(ctx, cand, m, q, 3, f"Q{q}")


def resolve_fiscal_half_of_year(ctx, cand, m):
    """"the first half of fiscal 2019", "H2 of FY24": that half of the fiscal year named, in its
    state's calendar (Japan's fiscal 2019 begins in April 2019, so its first half is April to
    September 2019), not the calendar year's."""
    h = int(m["h"]) if m.groupdict().get("h") else _PART_ORDINALS[m["ord"].lower()]
    return _part_of_a_fiscal_year(ctx, cand, m, h, 6, f"H{h}")


def _part_of_a_fiscal_year(ctx, cand, m, n: int, months: int, name: str):
    """The ``n``-th part of ``months`` months of the fiscal year the match names."""
    calendar = fiscal_calendar(ctx, cand)
    if m.groupdict().get("y1"):
        y1, y2 = _years_written(m["y1"], m["y2s"])
        if y2 != y1 + 1:
            return None
        start, named = _fiscal_span(calendar, y1)[0], y2
    elif m.groupdict().get("rel"):
        year = resolve_deictic_fiscal_year(ctx, cand, m)
        start, named = year["from_"], year.get("value") or year["from_"].year
    else:
        written = m["yr"] or m["yr2"]
        named = int(written) if written else 2000 + int(m["yy"])
        start = _fiscal_span(calendar, _first_year_of(calendar, named))[0]
    sy, sm = _add_months(start.year, start.month, months * (n - 1))
    ey, em = _add_months(sy, sm, months - 1)
    # (the value is the part's name, as TimeML writes a fiscal year by its name)
    return _cal(date(sy, sm, 1), _month_end(ey, em), "range", value=f"{named}-{name}",
                relative=bool(m.groupdict().get("rel")))


def resolve_fiscal_months(ctx, cand, m):
    """"7MFY25": the first seven months of the fiscal year FY25 names (July 2024 to January 2025
    in Pakistan's calendar)."""
    return _first_months(resolve_fiscal_year(ctx, cand, m)["from_"], int(m["n"]))


def _first_months(start: date, n: int) -> dict:
    """The first ``n`` months of a year that begins on ``start``."""
    end_y, end_m = _add_months(start.year, start.month, n - 1)
    return _cal(start, _month_end(end_y, end_m), "range")


def resolve_first_months_of_fiscal_year(ctx, cand, m):
    """"the first month of fiscal year 2025-26", "the first 10 months of the current fiscal year",
    "the first seven months of FY25", "the first three quarters of the current fiscal year": the first
    months of the fiscal year named, in the calendar of its state (Pakistan's fiscal 2025-26 begins in
    July 2025), as "7MFY25" already reads."""
    n = _number(m["n"]) if m.groupdict().get("n") else 3 * _number(m["nq"]) if m.groupdict().get("nq") else 1
    if n is None or n != int(n) or not 1 <= n <= 12:
        return None
    # a pair of years, written in the expression or in brackets after it ("(2023-24)")
    written = (m["y1"], m["y2"] or m["y2s"]) if m.groupdict().get("y1") else (
        (m["by1"], m["by2"]) if m.groupdict().get("by1") else None)
    if written is not None:
        y1, y2 = _years_written(*written)
        if y2 != y1 + 1:
            return None
        start = _fiscal_span(fiscal_calendar(ctx, cand), y1)[0]
    elif m.groupdict().get("rel") or m.groupdict().get("running"):
        start = resolve_deictic_fiscal_year(ctx, cand, m)["from_"]
    else:
        start = resolve_fiscal_year(ctx, cand, m)["from_"]
    months = _first_months(start, int(n))
    months["relative"] = bool(m.groupdict().get("rel") or m.groupdict().get("running")) and written is None
    return months


def resolve_deictic_fiscal_year(ctx, cand, m):
    """"the current fiscal year", "last fiscal year": the state's fiscal year that holds publication,
    or the one before or after it; a state without a fiscal calendar: the calendar year. The value
    is the year's name (the year it is named by), as TimeML writes a fiscal year."""
    if ctx.published is None:
        raise _NeedsPublication
    rel = (m.groupdict().get("rel") or "current").lower()
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    # "down from $451 billion during the previous fiscal (year)" after "For 2023-24": the year before
    # the one the text talks about (anaphoric, as "the previous year" in TimeML), publication's otherwise
    anchor = _anchor(ctx, cand.start, periods_only=True) if rel == "previous" else None
    now = anchor[0] if anchor is not None else ctx.published
    calendar = fiscal_calendar(ctx, cand)
    if calendar is None:
        y = now.year + shift
        return _cal(date(y, 1, 1), date(y, 12, 31), "year", relative=True)
    start = calendar["starts"]
    first = now.year if now.month >= start else now.year - 1
    first += shift
    name = first + 1 if calendar["named_by"] == "end" and start > 1 else first
    return _cal(*_fiscal_span(calendar, first), "range", value=str(name), relative=True)


def resolve_fiscal_half(ctx, cand, m):
    """"the fiscal first half", "the second half of the fiscal year": that half of the state's
    fiscal year, the last one ended by publication (a half's figures are told once it has ended)."""
    calendar = fiscal_calendar(ctx, cand)
    if calendar is None:
        return None   # a state without a fiscal calendar: nothing says which half
    if ctx.published is None:
        raise _NeedsPublication
    second = (m["ord"] or m["ord2"]).lower() == "second"
    return _last_ended_part(ctx, calendar, 6 if second else 0, 6)


def _last_ended_part(ctx, calendar: Optional[dict], offset: int, months: int) -> dict:
    """The ``months`` months starting ``offset`` months into a fiscal year, of the latest fiscal year
    in which they had ended by publication (looking back at most three years)."""
    first_year = ctx.published.year
    while True:
        start, _ = _fiscal_span(calendar, first_year)
        sy, sm = _add_months(start.year, start.month, offset)
        ey, em = _add_months(sy, sm, months - 1)
        if _month_end(ey, em) <= ctx.published or first_year < ctx.published.year - 2:
            return _cal(date(sy, sm, 1), _month_end(ey, em), "range")
        first_year -= 1


def resolve_fiscal_quarter_of_the_year(ctx, cand, m):
    """"the first quarter of the fiscal year" (no year written): that quarter of the state's fiscal
    year, the last one ended by publication, as for a half (a quarter's figures are told once it has
    ended); a state without a fiscal calendar keeps the calendar year's."""
    calendar = fiscal_calendar(ctx, cand)   # (None: the calendar year, see _fiscal_span)
    if ctx.published is None:
        raise _NeedsPublication
    return _last_ended_part(ctx, calendar, 3 * (_PART_ORDINALS[m["ord"].lower()] - 1), 3)


def resolve_split_year(ctx, cand, m):
    """"2022-23", "FY2022/23", "the 2023/24 fiscal year": one fiscal year when the years follow
    each other and the state writes its fiscal years so (or the text says 'fiscal'); otherwise a
    range of years."""
    y1, y2 = _year_pair(m)
    if y2 != y1 + 1:
        return _resolve_year_range(ctx, cand, m)
    calendar = fiscal_calendar(ctx, cand)
    if calendar is None or not (m.groupdict().get("fw") or calendar["split_years"]):
        return _resolve_year_range(ctx, cand, m)
    return _cal(*_fiscal_span(calendar, y1), "range", value=f"{y1}/{y2}")


def resolve_year_to_month(ctx, cand, m):
    """"the year ended June", "the fiscal year that ended in March", "the year to March 2024":
    the twelve months ending with the named month (without a year, the last such twelve months
    that have ended by publication)."""
    month = _month_of(m["mon"])
    if m.groupdict().get("yr"):
        end_y = int(m["yr"])
    else:
        span = _year_by_rule(ctx, cand, lambda y: (date(y, month, 1), _month_end(y, month)), future_ok=False)
        if span is None:
            raise _NeedsPublication
        end_y = span[0].year
        if ctx.published is not None and ctx.narrative is None and _month_end(end_y, month) > ctx.published:
            end_y -= 1   # a year's figures are told once it has ended: in a story of June 20, the one to last June
    start_y, start_m = _add_months(end_y, month, -11)
    return _cal(date(start_y, start_m, 1), _month_end(end_y, month), "range")


def resolve_year_through_fiscal_month(ctx, cand, m):
    """"the year through March": the state's fiscal year when its fiscal year ends with that month
    (Japan's, April to March), else nothing -- US copy writes it for the year so far, New Zealand's
    for the twelve months to that month."""
    calendar = fiscal_calendar(ctx, cand)
    if calendar is None or _add_months(2000, calendar["starts"], -1)[1] != _month_of(m["mon"]):
        return None
    return resolve_year_to_month(ctx, cand, m)


def resolve_months_of_split_year(ctx, cand, m):
    """"July-March 2023-24", "Jul-Feb FY2018-19": months of a fiscal year written by its two years; a
    span whose last month comes before its first runs into the second year ("July-March 2023-24":
    July 2023 to March 2024), one that does not stays in the first."""
    y1, y2 = _year_pair(m)
    if y2 != y1 + 1:
        raise _NeedsPublication
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    end_year = y2 if m2 < m1 else y1
    return _cal(date(y1, m1, 1), _month_end(end_year, m2), "range")
