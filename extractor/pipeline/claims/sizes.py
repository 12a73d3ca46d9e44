"""A part is no larger than its whole: a flow whose partner was inherited cannot be with a partner
the article gives a smaller two-way total for.

"Trade with Japan fell 3 per cent to RM12 billion. However, its exports in the month grew 1.2 per
cent to RM98.6 billion": the partner carried over from the sentence before would make RM98.6
billion of exports part of RM12 billion of trade, so the exports are the reporter's with all
partners (the statistics' own aggregate, UN Comtrade's WLD), and the claim says why.
"""
from __future__ import annotations

from models import Claim

from .context import _Context
from .words import WORLD


def _figures_larger_than_their_partner_s_total(claims: list[Claim], ctx: _Context) -> None:
    """Give all partners to the flows of ``claims`` (in place) that inherited a partner whose stated
    total for the same period, in the same currency, is smaller than the flow itself; the changes
    of the same sentence and cell follow."""
    totals = [c for c in claims if c.kind == "trade_value" and c.trade is not None and c.trade.flow == "total"
              and c.amount is not None and c.period is not None]
    moved: dict[tuple, tuple] = {}
    for claim in claims:
        trade = claim.trade
        if claim.kind != "trade_value" or trade is None or trade.flow != "directional" or claim.amount is None \
                or "parties" not in claim.inferred or claim.period is None or WORLD in (trade.from_, trade.to):
            continue
        amount = ctx.amounts[claim.amount]
        period = ctx.periods[claim.period]
        if not amount.is_money or period.from_ is None or amount.bound not in {"exact", "approx", "more_than", "at_least"}:
            continue
        pair = {trade.from_, trade.to}
        smaller = next((t for t in totals if t.start < claim.start and set(t.trade.between or ()) == pair
                        and ctx.periods[t.period].from_ == period.from_ and ctx.periods[t.period].to == period.to
                        and ctx.amounts[t.amount].unit == amount.unit
                        and ctx.amounts[t.amount].value * 1.01 < amount.value), None)
        if smaller is None:
            continue
        reporter = _reporter(claim, ctx)
        if reporter is None:
            continue
        partner = trade.to if reporter == trade.from_ else trade.from_
        update = {"to": WORLD} if reporter == trade.from_ else {"from_": WORLD}
        key = (claim.start, trade.from_, trade.to, trade.commodity, trade.commodity_text)
        moved[key] = update
        claim.trade = trade.model_copy(update=update)
        claim.inferred["parties"] = (f"the partner is taken as all partners: the figure is larger than the trade "
                                     f"with {partner} the article gives ('{ctx.amounts[smaller.amount].text}')")
    for claim in claims:   # "grew 1.2 per cent to RM98.6 billion": the change of the same flow
        trade = claim.trade
        if claim.kind == "trade_change" and trade is not None and trade.flow == "directional":
            update = moved.get((claim.start, trade.from_, trade.to, trade.commodity, trade.commodity_text))
            if update is not None and "parties" in claim.inferred:
                claim.trade = trade.model_copy(update=update)
                claim.inferred["parties"] = "the partner is taken as all partners, as the level of its sentence"


def _reporter(claim: Claim, ctx: _Context) -> str | None:
    """The side of the claim's flow that is its reporter, when the other is the inherited partner:
    the one its sentence names as a trader ("South Korean exports", not "imports from China"),
    else the story's home state; None when the sentence names the partner itself."""
    trade = claim.trade
    named = {}
    for i, code in ctx.country_at.items():
        t = ctx.doc[i]
        if claim.start <= t.idx < claim.end and code in (trade.from_, trade.to):
            head = t
            while head.dep_ in {"compound", "conj", "appos"} and head.head is not head:
                head = head.head
            as_partner = head.dep_ == "pobj" and head.head.lower_ in {"to", "from", "with", "into", "for"}
            named[code] = named.get(code, False) or not as_partner
    if any(not as_trader for as_trader in named.values()) and not any(named.values()):
        return None   # ("Imports from China": the partner is the sentence's own)
    traders = [code for code, as_trader in named.items() if as_trader]
    if len(traders) == 1:
        return traders[0]
    if not named and ctx.home_state in (trade.from_, trade.to):
        return ctx.home_state
    return None
