"""Cross-checking claims against stored figures, and the article against itself.

The rules are the contract's "Verdict rules" (``claims-schema.md``):

* each side is an interval: a stated number ``v`` with precision ``p`` covers
  ``[v - p, v + p]``; a figure its source hedged ("about") covers ±5 %;
* ``exact`` claims are supported when the intervals overlap, ``approx`` claims
  cover ``v ± max(p, 5 % of v)``, bounds need *some* value of the figure beyond
  them, ranges need overlap with ``[low, high]``;
* changes are computed from the two figures they compare, over their
  intervals (lowest to highest possible change);
* ``close``: not supported, but within 2 % of the figure (levels), 1
  percentage point (changes) or 2 % (``times``);
* no figure for the cell, or none in the claim's currency: ``unverifiable``,
  saying which cell is missing; otherwise ``contradicted``.

Direction: "North Korea imported X from China" and "China's exports to North
Korea were X" are the same figure; the exporter's own export record is used
first, then the importer's import record (its mirror, said so). A total is the
reporter's total, else the sum of its two flows; a span of months is the sum
of its months when every month is there.
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Protocol

from models import Amount, Claim, Evidence, Extraction, Figure, Verdict

from ..pipeline.calendar_spans import add_months, month_end, month_starts, shift_period
from ..pipeline.lexicon import load_table
from .consistency import consistency_of
from .intervals import FAR_RATIO, Interval, claim_supported, figure_interval, stated_interval
from .schema import StoreError
from .wording import (country_name, currency_named, describe_cell, duration_months, money, period_words, phrases,
                      signed_money, trade_pair)

UNKNOWN_FUTURE = "a period that had not ended when the article was published"


logger = logging.getLogger("newsclaims")


class FigureStore(Protocol):
    def cell(self, reporter, partner, flow, from_, to, *, currency="USD", commodity=None) -> Figure | None: ...
    def months(self, reporter, partner, flow, start, end, *, currency="USD", commodity=None) -> list[Figure]: ...
    def has_pair(self, reporter, partner) -> bool: ...
    def currencies(self, reporter, partner) -> set[str]: ...


# -- finding the figure for a claim -------------------------------------------------

@dataclass
class Found:
    interval: Interval
    value: float
    figures: list[Figure]
    mirror: bool = False
    how: str = ""          # "", "sum of flows", "sum of months"


def _evidence(found: Found) -> list[Evidence]:
    # Built from stored figures that were validated on their way in: no second validation.
    return [Evidence.model_construct(id=f.id or "", reporter=f.reporter, partner=f.partner, flow=f.flow,
                                     period=f.period, value=f.value, currency=f.currency,
                                     source_url=f.source_url, mirror=found.mirror)
            for f in found.figures]


def _single(store: FigureStore, reporter, partner, flow, start, end, currency, commodity=None) -> Found | None:
    """One cell (all goods, or the HS heading ``commodity``), else the sum of its months when
    every month is stored."""
    fig = store.cell(reporter, partner, flow, start, end, currency=currency, commodity=commodity)
    if fig is not None:
        return Found(figure_interval(fig.value, fig.precision, fig.qualifier), fig.value, [fig])
    months = month_starts(start, end)
    if len(months) < 2 or start.day != 1 or end != month_end(end):
        return None
    series = store.months(reporter, partner, flow, start, end, currency=currency, commodity=commodity)
    if len(series) != len(months):
        return None
    interval = Interval(0.0, 0.0)
    for f in series:
        interval = interval + figure_interval(f.value, f.precision, f.qualifier)
    return Found(interval, sum(f.value for f in series), series, how="sum of months")


def find_figure(store: FigureStore, trade, start: date, end: date, currency: str) -> Found | None:
    """The stored figure a trade frame and period denote (see the module docstring). Goods the
    HS table does not map have no figure: they are never compared with all goods."""
    commodity = trade.commodity
    if commodity is None and trade.commodity_text or trade.measure is not None:
        return None   # (a daily average is no period's total either)
    if trade.flow == "directional":
        exporter, importer = trade.from_, trade.to
        found = _single(store, exporter, importer, "export", start, end, currency, commodity)
        if found is not None:
            return found
        found = _single(store, importer, exporter, "import", start, end, currency, commodity)
        if found is not None:
            found.mirror = True
        return found
    a, b = sorted(trade.between or [])[:2]
    for reporter, partner in ((a, b), (b, a)):
        found = _single(store, reporter, partner, "total", start, end, currency, commodity)
        if found is not None:
            return found
        exports = _single(store, reporter, partner, "export", start, end, currency, commodity)
        imports = _single(store, reporter, partner, "import", start, end, currency, commodity)
        if exports is not None and imports is not None:
            return Found(exports.interval + imports.interval, exports.value + imports.value,
                         exports.figures + imports.figures, how="sum of flows")
    return None


def _missing_reason(store: FigureStore, trade, start, end, currency, published: date | None) -> str:
    a, b = trade_pair(trade)
    if published is not None and end >= published:
        return f"{describe_cell(trade, start, end, currency)} is {UNKNOWN_FUTURE}"
    if trade.measure == "daily_average":
        return "the figure is a daily average; the stored figures are totals of a period"
    if trade.measure == "volume":
        return "the change is one of volume (quantity); the stored figures are values"
    if trade.commodity is None and trade.commodity_text:
        return (f"no figures are stored for the goods '{trade.commodity_text}' (they are not mapped to an HS "
                "heading, and all-goods figures do not answer a claim about one kind of goods)")
    if not (store.has_pair(a, b) or store.has_pair(b, a)):
        return f"no figures are stored for {country_name(a)}–{country_name(b)} trade"
    stored = store.currencies(a, b) | store.currencies(b, a)
    if currency not in stored:
        return f"no figure in {currency} is stored for {country_name(a)}–{country_name(b)} trade (only {', '.join(sorted(stored))})"
    return f"no figure is stored for {describe_cell(trade, start, end, currency)}"


# -- verdicts --------------------------------------------------------------------------

def _verdict_level(claim: Claim, result: Extraction, store: FigureStore) -> Verdict:
    amount = result.amounts[claim.amount]
    period = result.periods[claim.period] if claim.period is not None else None
    trade = claim.trade
    currency = amount.unit
    if amount.per is not None:
        # "$500 million a month": a rate, which no stored total states
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=currency,
                       explanation=f"Cannot check '{amount.text}': it is a rate per {amount.per}, and the stored "
                                   "figures are totals for periods.")
    if period is None or period.from_ is None or period.to is None:
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=currency,
                       explanation=f"The claim '{amount.text}' has no resolved period to look up"
                       + (" (the article has no publication date)." if result.article.published is None else "."))
    published = result.article.published
    if published is not None and period.to >= published:
        # A forecast or a month still running: later figures do not make it true or false.
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=currency,
                       explanation=f"Cannot check '{amount.text}': {describe_cell(trade, period.from_, period.to, currency)} "
                       f"is {UNKNOWN_FUTURE}.")
    found = find_figure(store, trade, period.from_, period.to, currency)
    cell = describe_cell(trade, period.from_, period.to, currency)
    if found is None:
        reason = _missing_reason(store, trade, period.from_, period.to, currency, result.article.published)
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=currency,
                       explanation=f"Cannot check '{amount.text}': {reason}.")
    ok, gap = claim_supported(amount, found.interval)
    source = _source_words(found)
    if ok:
        status = "supported"
        verb = "agrees with"
    elif gap <= phrases()["close_share_levels"] * abs(found.value):
        status, verb = "close", "is close to but not within"
    else:
        status, verb = "contradicted", "contradicts"
    spread = (found.interval.high - found.interval.low) / 2
    figure_text = money(found.value, currency) + (f" (±{money(spread, currency)})" if spread else "")
    explanation = (f"'{amount.text}' {verb} {source} figure of {figure_text} for {cell}"
                   + (f", {found.how}" if found.how else "")
                   + (f"; off by {money(gap, currency)}" if status != "supported" else "") + ".")
    return Verdict(claim=claim.id, status=status, claimed=amount.value, expected=found.value, unit=currency,
                   figures=[f.id or "" for f in found.figures], explanation=explanation, evidence=_evidence(found))


def _source_words(found: Found) -> str:
    f = found.figures[0]
    reporter = country_name(f.reporter)
    mirror = " (the partner's mirror record)" if found.mirror else ""
    return f"{reporter}'s customs{mirror}"


def _verdict_change(claim: Claim, result: Extraction, store: FigureStore) -> Verdict:
    amount = result.amounts[claim.amount]
    period = result.periods[claim.period] if claim.period is not None else None
    trade = claim.trade
    if amount.unit not in {"percent", "times"} and not amount.is_money:
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=amount.unit,
                       explanation=f"Cannot check '{amount.text}': changes in {amount.unit} are not computed from trade figures.")
    if period is None or period.from_ is None or trade.basis is None:
        missing = "its period" if period is None or period.from_ is None else "what it is measured against (a year earlier or the period before)"
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=amount.unit,
                       explanation=f"Cannot check '{amount.text}': the article does not give {missing}.")
    if result.article.published is not None and period.to >= result.article.published:
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=amount.unit,
                       explanation=f"Cannot check '{amount.text}': {period_words(period.from_, period.to)} is {UNKNOWN_FUTURE}.")
    base_start, base_end = shift_period(period.from_, period.to, trade.basis)
    # "In yuan terms, trade rose 6.2 percent to 15.8 billion yuan": a change of the levels in the
    # currency its sentence states them in
    currency = _currency_of_change(claim, result)
    if amount.is_money and amount.unit != currency:
        currency = amount.unit
    current = find_figure(store, trade, period.from_, period.to, currency)
    base = find_figure(store, trade, base_start, base_end, currency)
    if current is None or base is None:
        missing_start, missing_end = (period.from_, period.to) if current is None else (base_start, base_end)
        reason = _missing_reason(store, trade, missing_start, missing_end, currency, result.article.published)
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=amount.unit,
                       explanation=f"Cannot check '{amount.text}': {reason}.")
    sign = -1.0 if amount.change == "down" else 1.0
    # a signed change: "fell more than 40%" is a change below -40%
    stated = Amount(**{**amount.model_dump(), "value": sign * amount.value,
                       "low": None if amount.low is None else sign * (amount.low if sign > 0 else amount.high),
                       "high": None if amount.high is None else sign * (amount.high if sign > 0 else amount.low)})
    if sign < 0 and stated.bound in {"more_than", "at_least", "less_than", "at_most"}:
        flip = {"more_than": "less_than", "at_least": "at_most", "less_than": "more_than", "at_most": "at_least"}
        stated = Amount(**{**stated.model_dump(), "bound": flip[stated.bound]})
    if amount.unit == "percent":
        lowest = (current.interval.low / base.interval.high - 1) * 100
        highest = (current.interval.high / base.interval.low - 1) * 100 if base.interval.low > 0 else math.inf
        computed = (current.value / base.value - 1) * 100
        close_limit = phrases()["close_points_changes"]
        unit_word = "%"
    elif amount.is_money:   # a sum of money: the difference of the two periods
        lowest = current.interval.low - base.interval.high
        highest = current.interval.high - base.interval.low
        computed = current.value - base.value
        close_limit = phrases()["close_share_levels"] * abs(current.value)   # as for levels
        unit_word = ""
    else:   # times: the ratio of the two periods
        lowest = current.interval.low / base.interval.high
        highest = current.interval.high / base.interval.low if base.interval.low > 0 else math.inf
        computed = current.value / base.value
        stated = amount
        close_limit = phrases()["close_share_times"] * abs(computed)
        unit_word = "×"
    ok, gap = claim_supported(stated, Interval(lowest, highest))
    status = "supported" if ok else ("close" if gap <= close_limit else "contradicted")
    if status != "supported" and amount.change is None and amount.unit != "times":
        # "a 12 percent change": the article does not say which way, so it is not read as a rise
        return Verdict(claim=claim.id, status="unverifiable", claimed=amount.value, unit=amount.unit,
                       explanation=f"Cannot check '{amount.text}': the article does not say whether it is a rise "
                                   f"or a fall ({_source_words(current)} figures give "
                                   f"{signed_money(computed, currency) if amount.is_money else f'{computed:+.1f}{unit_word}'}).")
    basis = "a year earlier" if trade.basis == "year_on_year" else "the period before"
    explanation = (f"'{amount.text}' {'agrees with' if ok else 'does not match'} the change computed from "
                   f"{_source_words(current)} figures: {money(base.value, currency)} in {period_words(base_start, base_end)} "
                   f"to {money(current.value, currency)} in {period_words(period.from_, period.to)} is "
                   f"{signed_money(computed, currency) if amount.is_money else f'{computed:+.1f}{unit_word}'} ({basis}).")
    return Verdict(claim=claim.id, status=status, claimed=stated.value, expected=round(computed, 4), unit=amount.unit,
                   figures=[f.id or "" for f in base.figures + current.figures], explanation=explanation,
                   evidence=_evidence(base) + _evidence(current))


def _currency_of_change(claim: Claim, result: Extraction) -> str:
    """The currency a change is computed in: that of a level of the same flow stated in its
    sentence ("rose 6.2 percent to 15.8 billion yuan"), or of "in yuan terms"; USD otherwise."""
    for c in result.claims:
        if c.start == claim.start and c.kind == "trade_value" and c.amount is not None \
                and result.amounts[c.amount].is_money and c.trade == claim.trade.model_copy(update={"basis": None}):
            return result.amounts[c.amount].unit
    terms = re.search(r"\bin\s+(\w+)\s+terms\b", claim.sentence, re.IGNORECASE)
    return currency_named(terms[1]) or "USD" if terms else "USD"


def _verdict_comparison(claim: Claim, result: Extraction, store: FigureStore) -> Verdict | None:
    comp, trade = claim.comparison, claim.trade
    if comp is None or trade is None or claim.period is None or comp.reference_period is None:
        return None
    period, reference = result.periods[claim.period], result.periods[comp.reference_period]
    if period.from_ is None or period.granularity != "month":
        return None
    highest = comp.relation.startswith("highest")
    if comp.relation.endswith("_since"):
        if reference.from_ is None:
            return None
        start = date(reference.from_.year, reference.from_.month, 1)
    elif comp.relation.endswith("_in"):
        months = duration_months(reference.duration) if reference.granularity == "duration" else None
        if months is None:
            return None
        start = add_months(period.from_, -months)
    else:
        return None
    end = period.to
    series = _series(store, trade, start, end)
    claimed_month = date(period.from_.year, period.from_.month, 1)
    by_month = {date(f.from_.year, f.from_.month, 1): f for f in series}
    what = describe_cell(trade, period.from_, period.to, "USD").rsplit(" in ", 1)[0]
    current = by_month.get(claimed_month)
    if current is None:
        return Verdict(claim=claim.id, status="unverifiable", unit="USD",
                       explanation=f"Cannot check the comparison: no figure is stored for {what} in {period_words(period.from_, period.to)}.")
    beats = (lambda f: f.value > current.value) if highest else (lambda f: f.value < current.value)
    # "since December 2019" points at the last month that beat this one; "since 2019" at some
    # month of that year: the months named are the reference, the ones after it must not beat
    since = comp.relation.endswith("_since")
    reference_months = month_starts(start, reference.to) if since else []
    between = [m for m in month_starts(start, end) if m != claimed_month and m not in reference_months]
    breakers = [by_month[m] for m in between if m in by_month and beats(by_month[m])]
    word = "higher" if highest else "lower"
    if breakers:
        worst = max(breakers, key=lambda f: f.value) if highest else min(breakers, key=lambda f: f.value)
        return Verdict(claim=claim.id, status="contradicted", claimed=current.value, expected=worst.value, unit="USD",
                       figures=[current.id or "", worst.id or ""],
                       explanation=f"{period_words(worst.from_, worst.to)} was {word} ({money(worst.value, 'USD')}) than "
                       f"{period_words(period.from_, period.to)} ({money(current.value, 'USD')}) for {what}.",
                       evidence=_evidence(Found(Interval(0, 0), 0, [current, worst])))
    missing = [m for m in between if m not in by_month]
    if since:
        refs = [by_month.get(m) for m in reference_months]
        if any(ref is not None and (beats(ref) or ref.value == current.value) for ref in refs):
            pass
        elif None in refs:
            missing = [m for m, ref in zip(reference_months, refs) if ref is None] + missing
        else:
            ref = max(refs, key=lambda f: f.value) if highest else min(refs, key=lambda f: f.value)
            stated = f"{period_words(period.from_, period.to)} ({money(current.value, 'USD')})"
            explanation = (f"{period_words(ref.from_, ref.to)} ({money(ref.value, 'USD')}) was not {word} than {stated}, "
                           "so 'since' points at the wrong month." if len(refs) == 1 else
                           f"no month of {reference.text} was {word} than {stated} (the {'highest' if highest else 'lowest'} was "
                           f"{period_words(ref.from_, ref.to)}, {money(ref.value, 'USD')}), so 'since' points at the wrong time.")
            return Verdict(claim=claim.id, status="contradicted", claimed=current.value, expected=ref.value, unit="USD",
                           figures=[current.id or "", ref.id or ""], explanation=explanation,
                           evidence=_evidence(Found(Interval(0, 0), 0, [current, ref])))
    if missing:
        return Verdict(claim=claim.id, status="unverifiable", claimed=current.value, unit="USD",
                       figures=[f.id or "" for f in series],
                       explanation=f"No stored month beats {period_words(period.from_, period.to)}, but {len(missing)} month(s) "
                       f"of {what} are missing (first: {period_words(missing[0], month_end(missing[0]))}).")
    return Verdict(claim=claim.id, status="supported", claimed=current.value, unit="USD",
                   figures=[f.id or "" for f in series],
                   explanation=f"{period_words(period.from_, period.to)} ({money(current.value, 'USD')}) is the {'highest' if highest else 'lowest'} "
                   f"month of {what} from {period_words(start, month_end(start))} on.")


def _series(store: FigureStore, trade, start: date, end: date) -> list[Figure]:
    """Monthly figures for a trade frame: the exporter's record, else the mirror, else totals."""
    if trade.flow == "directional":
        series = store.months(trade.from_, trade.to, "export", start, end)
        return series or store.months(trade.to, trade.from_, "import", start, end)
    a, b = sorted(trade.between or [])[:2]
    return store.months(a, b, "total", start, end) or store.months(b, a, "total", start, end)


def verdicts_for(result: Extraction, store: FigureStore) -> list[Verdict]:
    out = []
    rivals = _rivals_in_sentence(result)
    for claim in result.claims:
        if claim.trade is None:
            continue
        try:
            verdict = _verdict_of(claim, result, store)
        except StoreError:
            raise   # the database, not this claim: the caller reports it
        except Exception as error:  # noqa: BLE001  (a rule's bug on one claim must not lose the article)
            logger.error("the check failed on claim %s", claim.id, exc_info=error)
            verdict = Verdict(claim=claim.id, status="unverifiable",
                              explanation=f"Not checked: the cross-check failed on this claim "
                                          f"({type(error).__name__}); nothing is said about it.")
        if verdict is not None:
            out.append(_guarded(verdict, _with_anchored_period(claim, result), rivals.get(claim.id),
                                _estimated_by(claim, result)))
    return out


def _estimated_by(claim: Claim, result: Extraction) -> str | None:
    """The body the claim's figure is cited from, when that body publishes its own estimates of a
    state's trade rather than a customs record (KOTRA's totals for North Korea count crude oil
    China's customs leave out): ``organizations.json`` ``own_estimates``."""
    return next((result.sources[i].name for i in claim.sources
                 if 0 <= i < len(result.sources) and result.sources[i].name in _estimators()), None)


@cache
def _estimators() -> frozenset[str]:
    return frozenset(load_table("organizations.json")["own_estimates"]["names"])


#: Why a period is not read on a page without a publication date.
ANCHORED_PERIOD = ("the page gives no publication date, so the period's year is taken from another "
                   "date in the text")


def _with_anchored_period(claim: Claim, result: Extraction) -> Claim:
    """On a page without a publication date, a period anchored on another of the text's dates ('in
    April' read as the April of the only year the text names) is inferred, not read: its year may
    be a background figure's."""
    if result.article.published is not None or claim.period is None or "period" in claim.inferred:
        return claim
    period = result.periods[claim.period]
    if not period.relative or period.from_ is None:
        return claim
    return claim.model_copy(update={"inferred": {**claim.inferred, "period": ANCHORED_PERIOD}})


def _rivals_in_sentence(result: Extraction) -> dict[str, str]:
    """Levels of one sentence read as one cell with values that cannot both hold: a writer does
    not give one figure two values in a sentence ("of the $271 million in trade, $228 million were
    exports"), so one of them is linked to the wrong cell. Claim id -> the other figure's words."""
    groups: dict[tuple, list[Claim]] = {}
    for c in result.claims:
        if c.kind == "trade_value" and c.trade is not None and c.amount is not None and c.period is not None:
            p = result.periods[c.period]
            key = (c.start, p.from_, p.to, result.amounts[c.amount].unit, repr(c.trade.model_dump()))
            groups.setdefault(key, []).append(c)
    rivals: dict[str, str] = {}
    for claims in groups.values():
        for a in claims:
            for b in claims:
                if a is not b and not stated_interval(result.amounts[a.amount]).overlaps(
                        stated_interval(result.amounts[b.amount])):
                    rivals.setdefault(a.id, result.amounts[b.amount].text)
    return rivals




def _claim_parts(claim: Claim) -> list[str]:
    trade = claim.trade
    goods = trade is not None and (trade.commodity or trade.commodity_text)
    change = claim.kind == "trade_change"
    return ["amount", "parties", "flow", "period"] + (["goods"] if goods else []) + (["basis"] if change else [])


def _guarded(verdict: Verdict, claim: Claim, rival: str | None = None, estimator: str | None = None) -> Verdict:
    """Record which parts were read and which inferred, and never accuse on an inference.

    ``contradicted`` stands only when the claim's amount, parties, flow, goods and period were
    each read from its own sentence: a mismatch with an inherited part (the period of the
    previous sentence, the article's pair) is likelier our link than the article's error, so
    the verdict is ``unverifiable`` and says which part was inferred. A level more than
    ``FAR_RATIO`` times off is said to be likelier another figure. A level whose sentence gives
    the same cell another value (``rival``) is not accused either: one of the two is misread; nor
    is a figure cited from a body that makes its own estimates (``estimator``), whose figure for
    the cell may differ from the customs record without being false.
    """
    inferred = dict(claim.inferred)
    update: dict = {"read": [p for p in _claim_parts(claim) if p not in inferred], "inferred": inferred}
    if verdict.status == "contradicted":
        explanation = verdict.explanation.rstrip(".")
        far = (claim.kind == "trade_value" and verdict.claimed and verdict.expected
               and not 1 / FAR_RATIO <= verdict.claimed / verdict.expected <= FAR_RATIO)
        if far:
            explanation += ("; a figure this far from the stored one is likelier another figure "
                            "(another period, flow or goods) than a false one")
        if inferred or rival is not None or estimator is not None:
            why = " and ".join([*inferred.values()] + ([f"'{rival}' in the same sentence is read as the same figure, "
                                                        "so one of the two is linked to the wrong cell"] if rival else [])
                               + ([f"the figure is cited from the {estimator}, whose estimates of this trade are made "
                                   "on another basis than the customs record"] if estimator else []))
            update["status"] = "unverifiable"
            lead = "read that way, " if inferred or rival is not None else "as stated, "
            explanation = f"Not called contradicted, because {why}: {lead}{explanation[:1].lower()}{explanation[1:]}"
        update["explanation"] = explanation + "."
    return verdict.model_copy(update=update)


def _verdict_of(claim: Claim, result: Extraction, store: FigureStore) -> Verdict | None:
    if claim.kind == "trade_value" and claim.amount is not None:
        return _verdict_level(claim, result, store)
    if claim.kind == "trade_change" and claim.amount is not None:
        return _verdict_change(claim, result, store)
    if claim.kind == "comparison":
        return _verdict_comparison(claim, result, store)
    return None


def check(result: Extraction, store: FigureStore) -> Extraction:
    """The extraction with ``verdicts`` and ``consistency`` filled.

    A claim the cross-check fails on is ``unverifiable`` saying so; if the consistency rules
    fail, ``consistency`` is empty with a warning. A :class:`StoreError` (the database) is raised.
    """
    verdicts = verdicts_for(result, store)
    warnings = list(result.warnings)
    try:
        consistency = consistency_of(result)
    except Exception as error:  # noqa: BLE001  (a rule's bug must not lose the article)
        logger.error("the consistency check failed on article %s", result.article.id, exc_info=error)
        consistency = []
        warnings.append(f"the consistency check failed on this article ({type(error).__name__}); "
                        "no inconsistency is reported")
    return result.model_copy(update={"verdicts": verdicts, "consistency": consistency, "warnings": warnings})
