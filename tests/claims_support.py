"""What the claim tests share: a result's trade claims looked up by the text of their amount."""
from __future__ import annotations


def importers(result) -> dict[str, str | None]:
    """The importer ('to') of each trade claim, by the text of its amount."""
    return {result.amounts[c.amount].text: c.trade.to for c in result.claims if c.trade is not None}


def claim_of(result, amount: str):
    """The trade claim (or quantity) whose amount is written ``amount``."""
    return next(c for c in result.claims if c.amount is not None and result.amounts[c.amount].text == amount)
