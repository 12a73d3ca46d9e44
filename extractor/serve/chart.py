"""The chart of one trade claim: the official series around the claimed period, as inline SVG.

:func:`chart_data` decides what to draw for a claim of a checked result;
:func:`render_svg` draws it as one self-contained ``<svg>`` element (no script, no
external reference, no stylesheet: inline attributes only, class names for the page's
CSS), which the review page embeds as it is.

What is drawn, and why:

* **The series** is the one the verdict used: the reporter, partner, flow, currency and
  commodity of the verdict's figures (read back from the store by id, else from its
  evidence). A total the check made from the two flows is drawn as export + import, month
  by month. Without figures (an unverifiable or unchecked claim) the series is the one the
  check would have looked in: :func:`extractor.verify.check.find_figure` on the claimed period,
  else :func:`extractor.verify.check._series` over the window (the exporter's own record first,
  then the importer's mirror; between two countries the first in ISO order, so China's
  customs for China–North Korea trade).
* **Bars are of the claim's own unit**, so a bar and the claimed value are comparable:

  - a month claim: monthly bars from 12 months before to 3 months after the claimed month;
  - a calendar-year claim: yearly bars from 5 years before to the year after (a year is its
    stored yearly figure, else the sum of its 12 months when all are stored, as the check
    sums them), falling back to monthly bars when no year of the window has a value;
  - any other span of months (a quarter, a half, "January–May"): monthly bars over the span
    with 6 months before and 3 after. A monthly bar cannot be compared with a span's total,
    so the claimed total is drawn **divided by the span's months** ("claimed $1.67B for
    January–June 2017 = $278.3M a month"), with the official total likewise as a solid line,
    and a note that gives the totals themselves.

  The window is clipped to what the store has: leading and trailing periods without a
  figure are dropped, the claimed (and base) periods never. Missing periods inside stay as
  gaps, never zeros (the seed's coverage is patchy).
* **The claimed value** is a dashed line (a band for a range "between $200M and $250M"),
  labelled with the claim's hedge ("claimed more than $228M").
* **A change** ("up 34% from a year earlier") claims a percentage, not a level, so the line
  is the level the claim implies: the base period's official figure (from the verdict's
  evidence) times (1 + 34 %), or times the factor for "doubled" ("claimed +34% from $202M
  (Sep 2024) = $270.7M"); both compared periods are highlighted (the base in its own class). With no
  stored base there is no line, only the label. A change in other units, or without the
  period it is measured against, has no chart (None).
* **A comparison** ("the highest since December 2019") draws the months the claim is about,
  from the reference month (highlighted as the base) or the stated duration back, to the
  claimed month, with a line at the claimed month's figure: any bar above it breaks "highest".
* **None** when there is nothing honest to draw: no trade frame, no resolved month-aligned
  period, a level not in money, or no figure of the series in the window.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from models import Claim, Extraction, Figure, Verdict

from ..pipeline.calendar_spans import add_months, month_end, month_starts, shift_period
from ..verify.check import _series, find_figure
from ..verify.wording import MONTH_NAMES, country_name, duration_months, money, period_words

# Context around the claimed period, in months (month and span charts) or years (year charts).
MONTHS_BEFORE, MONTHS_AFTER = 12, 3
SPAN_MONTHS_BEFORE, SPAN_MONTHS_AFTER = 6, 3
YEARS_BEFORE, YEARS_AFTER = 5, 1

_BOUND_WORDS = {"approx": "about ", "more_than": "more than ", "at_least": "at least ",
                "less_than": "less than ", "at_most": "at most "}


@dataclass(frozen=True)
class Bar:
    """One period of the series."""

    label: str                      # "Sep 2025" or "2025"
    start: date
    end: date
    value: float | None             # None: no figure stored (drawn as a gap, never as zero)
    role: str = ""                  # "official": the claimed period; "base": what a change or "since" refers to
    figure_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """Everything :func:`render_svg` draws; plain values, so a page or a test can build one."""

    claim_id: str
    title: str                          # what the bars are: "China–North Korea trade (China's customs, monthly, USD)"
    description: str                    # one sentence for screen readers
    currency: str
    unit: str                           # "month" or "year": what one bar is
    bars: tuple[Bar, ...]
    claimed: float | None = None        # the claimed level in bar units (None: nothing to draw as a level)
    claimed_high: float | None = None   # the top of a claimed range
    claimed_label: str = ""             # "claimed $271.2M"
    official_level: float | None = None  # a span's official total in bar units, when no bar carries it
    official_label: str = ""
    note: str = ""                      # totals of a span, a missing base
    status: str | None = None           # the verdict's status


@dataclass(frozen=True)
class Series:
    """A stored series: one reporter's record of one flow (or the sum of two) in one currency."""

    reporter: str
    partner: str
    flows: tuple[str, ...]              # ("total",), ("export",), or ("export", "import") summed
    currency: str
    commodity: str | None = None


# -- words ---------------------------------------------------------------------------------

def short_money(value: float, currency: str = "USD") -> str:
    """Axis-sized money: 271200000 -> '$271.2M', 2.73e9 -> '$2.73B', CNY -> 'CNY 1.5B'."""
    prefix = "$" if currency == "USD" else f"{currency} "
    sign = "-" if value < 0 else ""
    value = abs(value)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= size:
            return f"{sign}{prefix}{value / size:.4g}{suffix}"
    return f"{sign}{prefix}{value:,.0f}"


def month_label(d: date) -> str:
    return f"{MONTH_NAMES[d.month][:3]} {d.year}"


def _short_period(start: date, end: date) -> str:
    """'Sep 2024', '2022', else the check's words ('January–June 2017')."""
    if _months_in(start, end) == 1:
        return month_label(start)
    return str(start.year) if _is_year(start, end) else period_words(start, end)


def series_title(series: Series, unit: str) -> str:
    reporter, partner = country_name(series.reporter), country_name(series.partner)
    if series.flows == ("export",):
        what = f"{reporter}'s exports to {partner}"
    elif series.flows == ("import",):
        what = f"{reporter}'s imports from {partner}"
    else:
        what = f"{reporter}–{partner} trade"
    how = ", exports + imports" if len(series.flows) > 1 else ""
    goods = f", HS {series.commodity}" if series.commodity else ""
    by = "monthly" if unit == "month" else "yearly"
    return f"{what} ({reporter}'s customs{how}{goods}, {by}, {series.currency})"


# -- the series a verdict used ---------------------------------------------------------------

def _series_of_figures(figures: list[Figure]) -> Series | None:
    if not figures:
        return None
    first = figures[0]
    flows = sorted({f.flow for f in figures if (f.reporter, f.partner) == (first.reporter, first.partner)})
    # The check sums export and import into a total when no total is stored: draw that sum.
    flows = ("export", "import") if flows == ["export", "import"] else (first.flow,)
    return Series(first.reporter, first.partner, flows, first.currency, first.commodity)


def _verdict_figures(verdict: Verdict, store) -> list[Figure]:
    """The figures a verdict used: from the store by id, else as its evidence describes them."""
    out = []
    evidence = {e.id: e for e in verdict.evidence}
    for fid in verdict.figures:
        fig = store.get_figure(fid) if fid else None
        if fig is None and fid in evidence:
            e = evidence[fid]
            fig = Figure.model_construct(id=e.id, reporter=e.reporter, partner=e.partner, flow=e.flow,
                                         period=e.period, value=e.value, currency=e.currency, commodity=None)
        if fig is not None:
            out.append(fig)
    return out


class _InCurrency:
    """The store seen in one currency: the check's ``_series`` only asks for USD."""

    def __init__(self, store, currency: str):
        self._store, self._currency = store, currency

    def months(self, reporter, partner, flow, start, end, *, currency="USD", commodity=None):
        return self._store.months(reporter, partner, flow, start, end, currency=self._currency, commodity=commodity)


def _series_of_trade(store, trade, start: date, end: date, window: tuple[date, date], currency: str) -> Series | None:
    """Where the check would look for this claim (it found nothing, or it did not run)."""
    found = find_figure(store, trade, start, end, currency)
    if found is not None:
        return _series_of_figures(found.figures)
    return _series_of_figures(_series(_InCurrency(store, currency), trade, *window))


# -- values --------------------------------------------------------------------------------

def _month_values(store, series: Series, start: date, end: date) -> dict[date, tuple[float, tuple[str, ...]]]:
    """Month start -> (value, figure ids), for the months where every flow of the series is stored."""
    per_flow = [{date(f.from_.year, f.from_.month, 1): f
                 for f in store.months(series.reporter, series.partner, flow, start, end,
                                       currency=series.currency, commodity=series.commodity)}
                for flow in series.flows]
    out = {}
    for month in per_flow[0]:
        if all(month in flow for flow in per_flow):
            figs = [flow[month] for flow in per_flow]
            out[month] = (sum(f.value for f in figs), tuple(f.id or "" for f in figs))
    return out


def _year_value(store, series: Series, year: int, months: dict) -> tuple[float, tuple[str, ...]] | None:
    """A year's stored figure, else the sum of its 12 months when all are stored (as the check sums)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    total, ids = 0.0, []
    for flow in series.flows:
        fig = store.cell(series.reporter, series.partner, flow, start, end,
                         currency=series.currency, commodity=series.commodity)
        if fig is None:
            break
        total += fig.value
        ids.append(fig.id or "")
    else:
        return total, tuple(ids)
    year_months = [months.get(date(year, m, 1)) for m in range(1, 13)]
    if all(year_months):
        return sum(v for v, _ in year_months), tuple(i for _, ids_ in year_months for i in ids_)
    return None


def _trim(bars: list[Bar]) -> list[Bar]:
    """Drop leading and trailing periods with no figure, never a highlighted one."""
    keep = [i for i, b in enumerate(bars) if b.value is not None or b.role]
    return bars[keep[0]:keep[-1] + 1] if keep else []


def _monthly_bars(store, series, start, end, spans: dict[str, tuple[date, date]]) -> list[Bar]:
    values = _month_values(store, series, start, end)
    bars = []
    for m in month_starts(start, end):
        role = next((r for r, (s, e) in spans.items() if s <= m <= e), "")
        value, ids = values.get(m, (None, ()))
        bars.append(Bar(month_label(m), m, month_end(m), value, role, ids))
    return _trim(bars)


def _yearly_bars(store, series, first: int, last: int, spans: dict[str, tuple[date, date]]) -> list[Bar]:
    months = _month_values(store, series, date(first, 1, 1), date(last, 12, 31))
    bars = []
    for year in range(first, last + 1):
        start = date(year, 1, 1)
        role = next((r for r, (s, e) in spans.items() if s <= start <= e), "")
        found = _year_value(store, series, year, months)
        value, ids = found if found else (None, ())
        bars.append(Bar(str(year), start, date(year, 12, 31), value, role, ids))
    return _trim(bars)


# -- what to draw for a claim ------------------------------------------------------------------

def _is_year(start: date, end: date) -> bool:
    return start == date(start.year, 1, 1) and end == date(start.year, 12, 31)


def _months_in(start: date, end: date) -> int:
    return len(month_starts(start, end))


def _bars_for(store, series: Series, start: date, end: date,
              base: tuple[date, date] | None) -> tuple[str, list[Bar]]:
    """The bars around a claimed span (and a change's base span): the unit rules of the docstring."""
    spans = {"official": (start, end)}
    if base is not None:
        spans["base"] = base
    lowest = min(start, base[0]) if base else start
    if _is_year(start, end):
        bars = _yearly_bars(store, series, min(start.year - YEARS_BEFORE, lowest.year), end.year + YEARS_AFTER, spans)
        if any(b.value is not None for b in bars):
            return "year", bars
    if _months_in(start, end) == 1:
        first, last = add_months(start, -MONTHS_BEFORE), add_months(start, MONTHS_AFTER)
    else:
        first, last = add_months(start, -SPAN_MONTHS_BEFORE), add_months(date(end.year, end.month, 1), SPAN_MONTHS_AFTER)
    first = min(first, date(lowest.year, lowest.month, 1))
    return "month", _monthly_bars(store, series, first, month_end(last), spans)


def _averaged(start: date, end: date, unit: str) -> bool:
    """Whether a span is drawn as its monthly average (a span of months on monthly bars)."""
    return unit == "month" and _months_in(start, end) > 1


def _per_bar(total: float, start: date, end: date, unit: str) -> float:
    """A span's value in bar units: itself on its own bar, its monthly average on monthly bars."""
    return total / _months_in(start, end) if _averaged(start, end, unit) else total


def _claimed_words(bound: str, value: float, currency: str, low=None, high=None) -> str:
    if bound == "range" and low is not None and high is not None:
        return f"{short_money(low, currency)}–{short_money(high, currency)}"
    return _BOUND_WORDS.get(bound, "") + short_money(value, currency)


def _find(result: Extraction, claim_id: str) -> tuple[Claim, Verdict | None]:
    claim = next((c for c in result.claims if c.id == claim_id), None)
    if claim is None:
        raise KeyError(f"no claim {claim_id!r} in article {result.article.id!r}")
    return claim, next((v for v in result.verdicts if v.claim == claim_id), None)


def chart_data(result: Extraction | dict, claim_id: str, store) -> ChartData | None:
    """What to draw for one trade claim of a (checked) result, or None (see the module docstring).

    ``store`` is an :class:`extractor.verify.store.Store`. An unknown ``claim_id`` raises KeyError.
    """
    if not isinstance(result, Extraction):
        result = Extraction.model_validate(result)
    claim, verdict = _find(result, claim_id)
    if claim.trade is None or claim.period is None:
        return None
    period = result.periods[claim.period]
    start, end = period.from_, period.to
    if start is None or end is None or start.day != 1 or end != month_end(end):
        return None        # a day or an unresolved period: no series is made of those
    if claim.kind == "comparison":
        return _comparison(result, claim, verdict, store, start, end)
    if claim.amount is None:
        return None
    amount = result.amounts[claim.amount]
    if claim.kind == "trade_change":
        return _change(result, claim, verdict, store, start, end)
    if claim.kind != "trade_value" or not amount.is_money:
        return None        # only money levels are compared with customs figures
    currency = amount.unit
    window = (add_months(start, -MONTHS_BEFORE), month_end(add_months(end, MONTHS_AFTER)))
    series = _series_for(store, claim, verdict, start, end, window, currency)
    if series is None:
        return None
    unit, bars = _bars_for(store, series, start, end, None)
    if not any(b.value is not None for b in bars):
        return None
    claimed_words = _claimed_words(amount.bound, amount.value, currency, amount.low, amount.high)
    low = _per_bar(amount.low if amount.bound == "range" and amount.low is not None else amount.value, start, end, unit)
    high = _per_bar(amount.high, start, end, unit) if amount.bound == "range" and amount.high is not None else None
    expected = verdict.expected if verdict is not None else None
    data = ChartData(claim_id=claim.id, title=series_title(series, unit), description="", currency=currency,
                     unit=unit, bars=tuple(bars), claimed=low, claimed_high=high,
                     claimed_label=f"claimed {claimed_words}", status=verdict.status if verdict else None)
    span = period_words(start, end)
    if _averaged(start, end, unit):
        n = _months_in(start, end)
        data = replace(data, claimed_label=f"claimed {claimed_words} for {span} = {short_money(low, currency)} a month")
        stored = [b for b in bars if b.role == "official" and b.value is not None]
        note = f"{span}: claimed {claimed_words}"
        if expected is not None:
            note += f", official {short_money(expected, currency)}"
            data = replace(data, official_level=expected / n,
                           official_label=f"official {short_money(expected / n, currency)} a month")
        note += f"; {len(stored)} of {n} months stored" + (
            f", summing to {short_money(sum(b.value for b in stored), currency)}" if stored else "")
        data = replace(data, note=note)
    official = (f"the official figure is {money(expected, currency)}" if expected is not None
                else "no official figure is stored for it")
    return replace(data, description=_describe(data, f"claims {claimed_words} for {span}", official))


def _series_for(store, claim: Claim, verdict: Verdict | None, start, end, window, currency) -> Series | None:
    series = _series_of_figures(_verdict_figures(verdict, store)) if verdict is not None else None
    return series or _series_of_trade(store, claim.trade, start, end, window, currency)


def _change(result: Extraction, claim: Claim, verdict: Verdict | None, store, start: date, end: date) -> ChartData | None:
    amount = result.amounts[claim.amount]
    if amount.unit not in {"percent", "times"} or claim.trade.basis is None:
        return None
    base = shift_period(start, end, claim.trade.basis)
    window = (min(base[0], add_months(start, -MONTHS_BEFORE)), month_end(add_months(end, MONTHS_AFTER)))
    series = _series_for(store, claim, verdict, start, end, window, "USD")   # the check computes changes in USD
    if series is None:
        return None
    unit, bars = _bars_for(store, series, start, end, base)
    if not any(b.value is not None for b in bars):
        return None
    signed = verdict.claimed if verdict is not None and verdict.claimed is not None else \
        amount.value * (-1 if amount.change == "down" and amount.unit == "percent" else 1)
    stated = f"{signed:+g}%" if amount.unit == "percent" else f"{amount.value:g}×"
    stated = _BOUND_WORDS.get(amount.bound, "") + stated
    base_words = period_words(*base)
    # The base period's official total, as the check used it: its evidence lying in the base span.
    base_figures = [e for e in (verdict.evidence if verdict else []) if _evidence_in(e.period, *base)]
    data = ChartData(claim_id=claim.id, title=series_title(series, unit), description="", currency="USD",
                     unit=unit, bars=tuple(bars), status=verdict.status if verdict else None,
                     claimed_label=f"claimed {stated} from {_short_period(*base)}")
    if base_figures:
        base_total = sum(e.value for e in base_figures)
        implied = base_total * (1 + signed / 100) if amount.unit == "percent" else base_total * signed
        on = "from " if amount.unit == "percent" else ""
        data = replace(data, claimed=max(0.0, _per_bar(implied, start, end, unit)),
                       claimed_label=f"claimed {stated} {on}{short_money(base_total)} ({_short_period(*base)}) "
                                     f"= {short_money(implied)}")
        if _averaged(start, end, unit):
            data = replace(data, claimed_label=data.claimed_label + f" ({short_money(data.claimed)} a month)")
    else:
        data = replace(data, note=f"claimed {stated}: no official figure for {base_words} to measure it from")
    expected = verdict.expected if verdict is not None else None
    official = "no official change can be computed" if expected is None else (
        f"the official figures give {expected:+.1f}%" if amount.unit == "percent" else f"the official figures give {expected:.2f}×")
    return replace(data, description=_describe(
        data, f"claims {stated} for {period_words(start, end)} compared with {base_words}", official))


def _evidence_in(period: str, start: date, end: date) -> bool:
    """Whether an evidence period ('2024-09', '2022', '2017-01..2017-06') lies in start..end."""
    first, _, last = period.partition("..")
    last = last or first

    def bounds(p: str) -> tuple[date, date]:
        parts = [int(x) for x in p.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            d = date(parts[0], parts[1], 1)
            return d, month_end(d)
        d = date(*parts)
        return d, d

    try:
        return start <= bounds(first)[0] and bounds(last)[1] <= end
    except ValueError:
        return False


def _comparison(result: Extraction, claim: Claim, verdict: Verdict | None, store, start: date, end: date) -> ChartData | None:
    comp = claim.comparison
    if comp is None or comp.reference_period is None or _months_in(start, end) != 1:
        return None
    reference = result.periods[comp.reference_period]
    if comp.relation.endswith("_since") and reference.from_ is not None:
        since = date(reference.from_.year, reference.from_.month, 1)
        reference_words = f"since {period_words(since, month_end(since))}"
    elif comp.relation.endswith("_in") and duration_months(reference.duration):
        since = add_months(start, -duration_months(reference.duration))
        reference_words = f"in {reference.text}"
    else:
        return None
    # The months the claim is about and no others: a later month above the line breaks nothing.
    window = (since, end)
    series = _series_for(store, claim, verdict, start, end, window, "USD")
    if series is None:
        return None
    spans = {"official": (start, end)}
    if comp.relation.endswith("_since"):
        spans["base"] = (since, month_end(since))     # the month the claim says was last higher (lower)
    bars = _monthly_bars(store, series, since, end, spans)
    current = next((b for b in bars if b.role == "official"), None)
    if not any(b.value is not None for b in bars):
        return None
    words = ("highest" if comp.relation.startswith("highest") else "lowest") + " " + reference_words
    data = ChartData(claim_id=claim.id, title=series_title(series, "month"), description="", currency="USD",
                     unit="month", bars=tuple(bars), status=verdict.status if verdict else None,
                     claimed=current.value if current else None, claimed_label=f"claimed {words}")
    if current is None or current.value is None:
        data = replace(data, note=f"no official figure for {period_words(start, end)}")
    official = ("no official figure is stored for it" if current is None or current.value is None
                else f"the official figure is {money(current.value, 'USD')}")
    return replace(data, description=_describe(data, f"claims {period_words(start, end)} was the {words}", official))


def _describe(data: ChartData, claim_words: str, official_words: str) -> str:
    """One sentence: what the bars are, their span, what is claimed, what is recorded."""
    stored = sum(b.value is not None for b in data.bars)
    status = f" ({data.status})" if data.status else ""
    return (f"Bar chart of {data.title}, {data.bars[0].label} to {data.bars[-1].label}, "
            f"{stored} of {len(data.bars)} {data.unit}s stored: the article {claim_words}; {official_words}{status}.")


# -- SVG ---------------------------------------------------------------------------------------

COLORS = {"bar": "#a9bfd6", "official": "#1f5f99", "base": "#6b7f99", "claimed": "#c0392b",
          "official_line": "#1f5f99", "grid": "#e3e7ec", "axis": "#59636e", "text": "#2b2f33", "missing": "#c5ccd3"}
LEFT, RIGHT, TOP, BOTTOM = 58, 14, 26, 34


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 2.5, 5 × 10ⁿ) up to at least ``top``."""
    if top <= 0:
        top = 1.0
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def _attrs(**attrs) -> str:
    """XML attributes, every value quoted and escaped (``class_`` -> ``class``)."""
    return "".join(f" {k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}" for k, v in attrs.items() if v is not None)


def _text(x: float, y: float, content: str, **attrs) -> str:
    return f"<text{_attrs(x=f'{x:.1f}', y=f'{y:.1f}', **attrs)}>{escape(content)}</text>"


def render_svg(data: ChartData, *, width: int = 640, height: int = 260) -> str:
    """``data`` as one self-contained ``<svg>`` element (see the module docstring).

    Layout: the note (if any) on the first line, a legend line for the claimed (and a span's
    official) line, then the plot. Labels sit in the margins, never over the bars, so a bar
    that breaks a claim is never hidden by the claim's own label.
    """
    top_margin = TOP + (14 if data.note else 0)
    plot_w, plot_h = width - LEFT - RIGHT, height - top_margin - BOTTOM
    base_y = top_margin + plot_h
    levels = [b.value for b in data.bars if b.value is not None]
    levels += [v for v in (data.claimed, data.claimed_high, data.official_level) if v is not None]
    ticks = nice_ticks(max(levels, default=0.0) * 1.05)

    def y(value: float) -> float:
        return top_margin + plot_h * (1 - max(0.0, value) / ticks[-1])

    n = max(1, len(data.bars))
    slot = plot_w / n
    halo = {"stroke": "#ffffff", "stroke_width": 3, "paint_order": "stroke"}   # legible over bars and grid
    out = [f"<svg{_attrs(xmlns='http://www.w3.org/2000/svg', width=width, height=height, viewBox=f'0 0 {width} {height}', role='img', aria_label=data.description, class_='chart', font_family='sans-serif', font_size=11, fill=COLORS['text'])}>",
           f"<title>{escape(data.title)}</title>"]
    if data.note:
        out.append(f"<desc>{escape(data.note)}</desc>")
        out.append(_text(LEFT, 12, data.note, class_="chart-note", fill=COLORS["axis"]))
    # Grid and value axis.
    out.append('<g class="chart-axis">')
    for tick in ticks:
        ty = f"{y(tick):.1f}"
        out.append(f"<line{_attrs(x1=LEFT, x2=LEFT + plot_w, y1=ty, y2=ty, stroke=COLORS['grid'])}/>")
        out.append(_text(LEFT - 6, y(tick) + 4, short_money(tick, data.currency), text_anchor="end", fill=COLORS["axis"]))
    out.append(f"<line{_attrs(x1=LEFT, x2=LEFT + plot_w, y1=base_y, y2=base_y, stroke=COLORS['axis'])}/>")
    out.append("</g>")
    # Bars; a missing period is a short grey tick on the axis, not a zero bar.
    out.append('<g class="chart-bars">')
    bar_w = max(1.0, slot * 0.72)
    for i, bar in enumerate(data.bars):
        x = f"{LEFT + i * slot + (slot - bar_w) / 2:.1f}"
        tip = f"{bar.label}: " + (short_money(bar.value, data.currency) if bar.value is not None else "no figure stored")
        if bar.value is None:
            rect = _attrs(class_="chart-missing" + (f" chart-{bar.role}" if bar.role else ""), x=x, y=base_y - 3,
                          width=f"{bar_w:.1f}", height=3, fill=COLORS["missing"], data_period=bar.label)
        else:
            by = y(bar.value)
            rect = _attrs(class_="chart-bar" + (f" chart-{bar.role}" if bar.role else ""), x=x, y=f"{by:.1f}",
                          width=f"{bar_w:.1f}", height=f"{base_y - by:.1f}", fill=COLORS.get(bar.role or "bar"),
                          data_period=bar.label)
        out.append(f"<rect{rect}><title>{escape(tip)}</title></rect>")
    out.append("</g>")
    # Period labels: as many as fit, aligned so that the claimed period's label is shown,
    # and kept inside the picture at both ends.
    step = max(1, math.ceil(n / max(1, plot_w // 52)))
    anchor = next((i for i, b in enumerate(data.bars) if b.role == "official"), 0)
    out.append('<g class="chart-periods">')
    for i, bar in enumerate(data.bars):
        if (i - anchor) % step == 0:
            half = len(bar.label) * 3.3
            x = min(max(LEFT + (i + 0.5) * slot, half + 2), width - half - 2)
            out.append(_text(x, base_y + 15, bar.label, text_anchor="middle", fill=COLORS["axis"],
                             font_weight="bold" if bar.role == "official" else None))
    out.append("</g>")
    # The lines, then their legend above the plot.
    legend_y = top_margin - 8
    if data.official_level is not None:
        oy = f"{y(data.official_level):.1f}"
        out.append(f"<line{_attrs(class_='chart-official-line', x1=LEFT, x2=LEFT + plot_w, y1=oy, y2=oy, stroke=COLORS['official_line'], stroke_width=1.5)}/>")
        right = LEFT + plot_w
        out.append(f"<line{_attrs(x1=right - 22, x2=right, y1=legend_y - 4, y2=legend_y - 4, stroke=COLORS['official_line'], stroke_width=1.5)}/>")
        out.append(_text(right - 28, legend_y, data.official_label, class_="chart-official-line-label",
                         text_anchor="end", fill=COLORS["official_line"]))
    claimed_y = None
    if data.claimed is not None:
        claimed_y = y(data.claimed if data.claimed_high is None else data.claimed_high)
        if data.claimed_high is not None:
            low_y = y(data.claimed)
            out.append(f"<rect{_attrs(class_='chart-claimed', x=LEFT, y=f'{claimed_y:.1f}', width=plot_w, height=f'{max(1.0, low_y - claimed_y):.1f}', fill=COLORS['claimed'], fill_opacity='0.12', stroke=COLORS['claimed'], stroke_dasharray='6 4')}/>")
        else:
            out.append(f"<line{_attrs(class_='chart-claimed', x1=LEFT, x2=LEFT + plot_w, y1=f'{claimed_y:.1f}', y2=f'{claimed_y:.1f}', stroke=COLORS['claimed'], stroke_width=2, stroke_dasharray='6 4', data_value=f'{data.claimed:.6g}')}/>")
        out.append(f"<line{_attrs(x1=LEFT, x2=LEFT + 22, y1=legend_y - 4, y2=legend_y - 4, stroke=COLORS['claimed'], stroke_width=2, stroke_dasharray='6 4')}/>")
    if data.claimed_label:
        out.append(_text(LEFT + (28 if data.claimed is not None else 0), legend_y, data.claimed_label,
                         class_="chart-claimed-label", fill=COLORS["claimed"], font_weight="bold"))
    # Values over the highlighted bars when there are few (a month, a year, a change's two);
    # a value the claimed line would strike through goes just above the line.
    marked = [(i, b) for i, b in enumerate(data.bars) if b.role and b.value is not None]
    if len(marked) <= 2:
        for i, bar in marked:
            vy = y(bar.value) - 4
            if claimed_y is not None and vy - 10 <= claimed_y <= vy + 6:
                vy = claimed_y - 5
            out.append(_text(LEFT + (i + 0.5) * slot, vy, short_money(bar.value, data.currency),
                             class_=f"chart-{bar.role}-label", text_anchor="middle", font_weight="bold", **halo))
    out.append("</svg>")
    return "".join(out)


__all__ = ["Bar", "ChartData", "Series", "chart_data", "render_svg", "short_money"]
