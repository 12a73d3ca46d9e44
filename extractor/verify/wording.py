"""The check's words: countries, money and periods as an explanation writes them, and the
phrase table (``check_phrases.json``) the rules read their tolerances from."""
from __future__ import annotations

import calendar
from datetime import date
from functools import cache

from ..pipeline.calendar_spans import month_end
from ..pipeline.lexicon import load_table


@cache
def phrases() -> dict:
    return load_table("check_phrases.json")

def currency_named(word: str) -> str | None:
    """The ISO code of a currency's name ("yuan" -> "CNY"), from the amounts' table."""
    return load_table("amounts.json")["currency_words"].get(word.lower())


@cache
def _country_names() -> dict[str, str]:
    names = {code: row["name"] for code, row in load_table("countries.json")["countries"].items()}
    names["WLD"] = "the world"
    return names


def country_name(code: str | None) -> str:
    return _country_names().get(code or "", code or "?")

# -- money and periods in words ------------------------------------------------------

def money(value: float, currency: str) -> str:
    if value < 0:
        return "-" + money(-value, currency)
    sign = "$" if currency == "USD" else ""
    suffix = "" if currency == "USD" else f" {currency}"
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(value) >= size:
            return f"{sign}{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}{suffix}"
    return f"{sign}{value:,.0f}{suffix}"


def signed_money(value: float, currency: str) -> str:
    """A difference of two sums: '+$69 million', '-$5 million'."""
    return ("+" if value >= 0 else "") + money(value, currency)


# calendar.month_name formats through strftime on every access; the check writes a
# period into every explanation, so the names are read once.
MONTH_NAMES = tuple(calendar.month_name)


def period_words(start: date, end: date) -> str:
    if start.day == 1 and end == month_end(end) and start.year == end.year and start.month == end.month:
        return f"{MONTH_NAMES[start.month]} {start.year}"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    if start.day == 1 and end == month_end(end):
        if start.year == end.year:
            return f"{MONTH_NAMES[start.month]}–{MONTH_NAMES[end.month]} {end.year}"
        return f"{MONTH_NAMES[start.month]} {start.year}–{MONTH_NAMES[end.month]} {end.year}"
    return f"{start.isoformat()}–{end.isoformat()}"


def duration_months(duration: str | None) -> int | None:
    """'P6Y' -> 72, 'P18M' -> 18 (the ISO 8601 durations periods carry)."""
    if not duration or not duration.startswith("P"):
        return None
    total, number = 0, ""
    for ch in duration[1:]:
        if ch.isdigit() or ch == ".":
            number += ch
            continue
        if not number:
            return None
        n = float(number)
        number = ""
        if ch == "Y":
            total += n * 12
        elif ch == "M":
            total += n
        elif ch == "W":
            total += n / 4.345
        elif ch == "D":
            total += n / 30.4
        else:
            return None
    return round(total)


def months_words(n: int) -> str:
    years, months = divmod(n, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' * (years != 1)}")
    if months:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " ".join(parts) or "0 months"


def describe_cell(trade, start: date, end: date, currency: str) -> str:
    goods = trade.commodity_text or (f"HS {trade.commodity}" if trade.commodity else None)
    if trade.flow == "directional":
        what = f"{country_name(trade.from_)}'s exports{f' of {goods}' if goods else ''} to {country_name(trade.to)}"
    else:
        a, b = sorted(trade.between or [])[:2]
        what = f"{country_name(a)}–{country_name(b)} trade{f' in {goods}' if goods else ''}"
    return f"{what} in {period_words(start, end)} ({currency})"

def trade_pair(trade) -> tuple[str, str]:
    if trade.flow == "directional":
        return trade.from_, trade.to
    a, b = sorted(trade.between or [])[:2]
    return a, b
