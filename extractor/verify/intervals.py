"""Stated and stored numbers as intervals (the contract's verdict rules): a stated number with
precision ``p`` covers ``[v - p, v + p]``, a hedged one ±5 %, a bound one side."""
from __future__ import annotations

from dataclasses import dataclass

from models import Amount

from .wording import phrases


#: A stated level this many times another figure (or a fraction this small of it) is far likelier
#: a different figure than a false one: the check says so of a stored figure, and the consistency
#: rules never read two such values as one figure given twice.
FAR_RATIO = 3.0


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: "Interval") -> float:
        """Distance between two intervals (0 when they overlap)."""
        return max(0.0, other.low - self.high, self.low - other.high)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.low + other.low, self.high + other.high)


def figure_interval(value: float, precision: float, qualifier: str | None) -> Interval:
    """A stored figure as the interval its source's wording allows."""
    p = precision or 0.0
    hedge = phrases()["hedged_qualifiers"].get((qualifier or "").strip().lower())
    share = phrases()["hedge_share"] * abs(value)
    if hedge == "approx":
        return Interval(value - max(p, share), value + max(p, share))
    if hedge == "at_least":     # the source said "more than 6.5 billion"
        return Interval(value - p, value + max(p, share))
    if hedge == "at_most":      # "nearly 2 billion"
        return Interval(value - max(p, share), value + p)
    return Interval(value - p, value + p)


def claim_supported(amount: Amount, figure: Interval, scale: float = 1.0) -> tuple[bool, float]:
    """Whether a stated amount agrees with a figure interval, and the gap when it does not.

    ``scale`` converts the amount's value to the figure's units (1 for levels).
    """
    v = amount.value * scale
    p = (amount.precision or 0.0) * scale
    bound = amount.bound
    if bound == "approx":
        stated = Interval(v - max(p, 0.05 * abs(v)), v + max(p, 0.05 * abs(v)))
    elif bound == "range" and amount.low is not None and amount.high is not None:
        stated = Interval(amount.low * scale, amount.high * scale)   # the contract: overlap with [low, high]
    elif bound == "more_than":
        return figure.high > v, max(0.0, v - figure.high)
    elif bound == "at_least":
        return figure.high >= v, max(0.0, v - figure.high)
    elif bound == "less_than":
        return figure.low < v, max(0.0, figure.low - v)
    elif bound == "at_most":
        return figure.low <= v, max(0.0, figure.low - v)
    else:
        stated = Interval(v - p, v + p)
    return stated.overlaps(figure), stated.gap(figure)


def stated_interval(amount: Amount) -> Interval:
    """An exact or approximate stated level as the interval of values its wording allows."""
    p = amount.precision or 0.0
    if amount.bound == "approx":
        p = max(p, 0.05 * abs(amount.value))
    return Interval(amount.value - p, amount.value + p)
