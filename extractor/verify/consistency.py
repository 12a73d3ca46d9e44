"""The article against itself: claims that cannot all hold (the contract's consistency rules,
and the arithmetic of flows: a total is its two flows, a change moves a level from its base)."""
from __future__ import annotations

from datetime import date

from models import Claim, Consistency, Extraction, Period

from ..pipeline.calendar_spans import shift_period
from .intervals import Interval, claim_supported, stated_interval
from .wording import describe_cell, duration_months, months_words, period_words, phrases, trade_pair


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def consistency_of(result: Extraction) -> list[Consistency]:
    """Contradictions inside the article (see each rule's comment)."""
    out: list[Consistency] = []
    # An inconsistency is an accusation too: only between claims read from their sentences. Two
    # superlatives of one figure may share a period that one of them states ("its highest in six
    # years last month ... the highest since December 2019"); levels and changes must be read whole.
    claims = [c for c in result.claims if not set(c.inferred) - {"period"}]
    periods = result.periods
    # 1. "highest in over six years" vs "highest since December 2019": the since-month lies
    #    inside the duration, so the two cannot both hold.
    since = [c for c in claims if c.comparison and c.comparison.relation.endswith("_since")]
    within = [c for c in claims if c.comparison and c.comparison.relation.endswith("_in")]
    for s in since:
        ref = periods[s.comparison.reference_period]
        if ref.from_ is None or s.period is None or periods[s.period].from_ is None:
            continue
        claimed = periods[s.period].from_
        span = _months_between(ref.from_, claimed)
        conflicts = []
        for w in within:
            if w.comparison.relation.split("_")[0] != s.comparison.relation.split("_")[0]:
                continue
            dur = periods[w.comparison.reference_period]
            months = duration_months(dur.duration)
            if months is None:
                continue
            if "period" in s.inferred and ("period" in w.inferred or w.period != s.period):
                continue   # the claimed period must be read from one of the two sentences
            strict = dur.bound in {"more_than", "at_least"}
            if span < months or (strict and span <= months):
                conflicts.append((strict, months, w, dur))
        if conflicts:
            # One finding per since-claim; the most explicit wording ("over six years") leads.
            conflicts.sort(key=lambda item: (not item[0], -item[1]))
            _, _, lead, dur = conflicts[0]
            also = [f"'{_phrase(w, d)}'" for _, _, w, d in conflicts[1:]]
            out.append(Consistency(claims=[s.id] + [w.id for _, _, w, _ in conflicts], explanation=(
                f"'{_phrase(lead, dur)}'" + (f" (also {', '.join(also)})" if also else "")
                + f" but 'since {ref.text}' is {months_words(span)} before "
                f"{period_words(periods[s.period].from_, periods[s.period].to)}")))
    # 2. a part larger than its whole; 3. one quantity stated twice with two values.
    levels = [c for c in claims if c.kind == "trade_value" and c.period is not None and c.amount is not None
              and not c.inferred]
    for i, a in enumerate(levels):
        for b in levels[i + 1:]:
            pa, pb = periods[a.period], periods[b.period]
            if pa.from_ is None or (pa.from_, pa.to) != (pb.from_, pb.to):
                continue
            ma, mb = result.amounts[a.amount], result.amounts[b.amount]
            if ma.unit != mb.unit:
                continue
            same_cell = a.trade.model_dump() == b.trade.model_dump()
            if same_cell and not claim_supported(ma, Interval(mb.value - (mb.precision or 0), mb.value + (mb.precision or 0)))[0] \
                    and ma.bound == mb.bound == "exact":
                out.append(Consistency(claims=[a.id, b.id], explanation=(
                    f"the same figure ({describe_cell(a.trade, pa.from_, pa.to, ma.unit)}) is given as "
                    f"'{ma.text}' and as '{mb.text}'")))
                continue
            part, whole = (a, b) if a.trade.flow == "directional" and b.trade.flow == "total" else \
                (b, a) if b.trade.flow == "directional" and a.trade.flow == "total" else (None, None)
            if part is None or set(trade_pair(part.trade)) != set(trade_pair(whole.trade)):
                continue
            mp, mw = result.amounts[part.amount], result.amounts[whole.amount]
            if mp.value - (mp.precision or 0) > mw.value + (mw.precision or 0) and mp.bound in {"exact", "more_than", "at_least"}:
                out.append(Consistency(claims=[part.id, whole.id], explanation=(
                    f"one direction ('{mp.text}') is larger than the total it is part of ('{mw.text}') "
                    f"for {period_words(pa.from_, pa.to)}")))
    # 4. a percent change that does not fit the two levels the article states.
    for c in claims:
        if c.kind != "trade_change" or c.period is None or c.trade.basis is None or c.amount is None or c.inferred:
            continue
        amount = result.amounts[c.amount]
        p = periods[c.period]
        if amount.unit != "percent" or p.from_ is None:
            continue
        base_start, base_end = shift_period(p.from_, p.to, c.trade.basis)
        frame = {k: v for k, v in c.trade.model_dump().items() if k != "basis"}
        def level(start, end):
            for l in levels:
                lp = periods[l.period]
                if (lp.from_, lp.to) == (start, end) and {k: v for k, v in l.trade.model_dump().items() if k != "basis"} == frame:
                    return l, result.amounts[l.amount]
            return None
        now, before = level(p.from_, p.to), level(base_start, base_end)
        if now is None or before is None or before[1].value == 0:
            continue
        if {now[1].bound, before[1].bound} - {"exact", "approx"}:
            continue   # a bound level ("more than $2 billion") fixes no change
        # each level as the interval its wording allows ("roughly one billion": 5% either way)
        a_now, a_before = stated_interval(now[1]), stated_interval(before[1])
        if a_before.low <= 0:
            continue
        lowest, highest = (a_now.low / a_before.high - 1) * 100, (a_now.high / a_before.low - 1) * 100
        computed = (now[1].value / before[1].value - 1) * 100
        stated = amount.value * (-1 if amount.change == "down" else 1)
        slack = (amount.precision or 0) + phrases()["close_points_changes"]
        if (stated + slack < lowest or stated - slack > highest) and amount.bound == "exact":
            out.append(Consistency(claims=[c.id, now[0].id, before[0].id], explanation=(
                f"'{amount.text}' does not fit the article's own levels: '{before[1].text}' to '{now[1].text}' "
                f"is {computed:+.1f}%")))
    return out


def _phrase(claim: Claim, duration: Period) -> str:
    words = "highest" if claim.comparison.relation.startswith("highest") else "lowest"
    return f"{words} in {duration.text}"
