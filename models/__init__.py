"""Pydantic models of the claims contract (``../shared/claims-schema.md``).

Every object that crosses a boundary (JSON output, HTTP, database) is one of
these. Field names follow the contract exactly; ``from`` is a Python keyword,
so period and trade models expose it as ``from_`` and serialize it as ``from``.
"""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Bound = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "range", "duration"]
ActorType = Literal["country", "organization", "person", "group"]
SourceType = Literal["data_source", "news_outlet", "person", "organization", "government"]
ClaimKind = Literal["trade_value", "trade_change", "comparison", "quantity", "statement"]
Change = Literal["up", "down"]
Relation = Literal["highest_since", "lowest_since", "highest_in", "lowest_in", "up_from", "down_from"]
VerdictStatus = Literal["supported", "close", "contradicted", "unverifiable"]


class ContractModel(BaseModel):
    model_config = ConfigDict(
        serialize_by_alias=True, validate_by_name=True, validate_by_alias=True, extra="forbid"
    )


class Article(ContractModel):
    id: str
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[date] = None
    text: str


class Mention(ContractModel):
    """A span of the clean article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


def is_currency(unit: str) -> bool:
    """A unit that is a currency: an ISO 4217 code, three capitals ("USD", "CNY")."""
    return len(unit) == 3 and unit.isupper()


class Amount(Mention):
    value: float
    unit: str
    bound: Bound = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    precision: Optional[float] = None
    change: Optional[Change] = None
    of: Optional[str] = None        # counts: the counted noun's lemma ("3,000 workers" -> "worker")
    per: Optional[str] = None       # rates: what the amount is per ("$58 per barrel" -> "barrel", "$98 a share" -> "share")

    @property
    def is_money(self) -> bool:
        """The unit is a currency (see :func:`is_currency`)."""
        return is_currency(self.unit)


class Period(Mention):
    from_: Optional[date] = Field(default=None, alias="from")
    to: Optional[date] = None
    granularity: Granularity
    relative: bool = False
    duration: Optional[str] = None
    bound: Bound = "exact"
    # bound "range": the shortest and longest span, as ISO 8601 durations ("three or four
    # years": P3Y, P4Y; ``duration`` is their midpoint, as an amount range's value is)
    low: Optional[str] = None
    high: Optional[str] = None
    # TimeML TIMEX3-style value ("2019-12", "2013-Q1", "P6Y", "PXM", "2012-SU"); None when unresolved
    value: Optional[str] = None


class Actor(Mention):
    name: str
    id: Optional[str] = None
    type: ActorType


class Source(Mention):
    name: str
    type: SourceType
    cue: Optional[str] = None
    # Where the cue is written ("says" for the cue "said"; "according to"), offsets into the text
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    # The source that relayed this one ("Citing data from GAC, NK News reported":
    # GAC via "NK News"); claims follow it to build the chain, original data first.
    via: Optional[str] = None
    # An unnamed source known only by its description ("a senior official said",
    # "the poll shows"): listed under `attributions`, never under `sources`.
    described: bool = False
    # False when the cue attributes no information a claim could cite: a stance, demand
    # or intention ("X urged", "X plans") or a negated cue ("X has not commented").
    informative: bool = True


class Trade(ContractModel):
    flow: Literal["directional", "total"]
    from_: Optional[str] = Field(default=None, alias="from")
    to: Optional[str] = None
    between: Optional[list[str]] = None
    commodity: Optional[str] = None
    basis: Optional[Literal["year_on_year", "period_on_period"]] = None
    # The goods' words of a goods-level claim ("iron ore", "biohealth products"), with or without
    # an HS code in `commodity`: a claim about goods the table does not map is still about those
    # goods, and never checked against all-goods figures.
    commodity_text: Optional[str] = None
    # "Average daily exports rose 2% to $1.9 billion": a rate per day, not the period's total;
    # "In volume terms, coal exports fell 6.5%": a change of quantity, not of value (neither is
    # compared with stored values, nor with the period's other figures)
    measure: Optional[Literal["daily_average", "volume"]] = None


class Comparison(ContractModel):
    relation: Relation
    reference_period: Optional[int] = None


class Claim(ContractModel):
    id: str
    kind: ClaimKind
    sentence: str
    start: int
    end: int
    amount: Optional[int] = None
    period: Optional[int] = None
    actors: list[int] = Field(default_factory=list)
    sources: list[int] = Field(default_factory=list)
    trade: Optional[Trade] = None
    comparison: Optional[Comparison] = None
    # The parts of the claim not read from its own sentence, each with where it came from:
    # {"period": "taken from the previous sentence", "parties": "..."}; parts: period, parties,
    # flow, goods. A claim with an inferred part is never called contradicted (see the check).
    inferred: dict[str, str] = Field(default_factory=dict)


class Evidence(ContractModel):
    """A stored figure a verdict used, with what a reader needs to verify it."""

    id: str
    reporter: str
    partner: str
    flow: str
    period: str
    value: float
    currency: str
    source_url: Optional[str] = None
    mirror: bool = False              # the partner's record used for want of the reporter's


class Verdict(ContractModel):
    claim: str
    status: VerdictStatus
    claimed: Optional[float] = None
    expected: Optional[float] = None
    unit: Optional[str] = None
    figures: list[str] = Field(default_factory=list)
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)
    # Which parts of the claim the verdict rests on were read from its sentence, and which
    # were inferred (part -> where from): what a fact-checker should double-check first.
    read: list[str] = Field(default_factory=list)
    inferred: dict[str, str] = Field(default_factory=dict)


class Consistency(ContractModel):
    claims: list[str]
    status: Literal["inconsistent", "consistent"] = "inconsistent"
    explanation: str


Flow = Literal["export", "import", "total"]


class Figure(ContractModel):
    """An official statistic as the reporter's customs published it (one cell, one revision)."""

    id: Optional[str] = None          # assigned by the store: stable for the same cell and revision
    reporter: str                     # ISO alpha-3 of the country whose customs recorded it
    partner: str                      # ISO alpha-3, or "WLD" for all partners
    flow: Flow                        # as the reporter recorded it
    period: str                       # "2025-09", "2019", "2019-01..2019-06"
    from_: date = Field(alias="from")
    to: date
    granularity: Literal["month", "quarter", "half", "year", "range"]
    value: float                      # base units of `currency`
    currency: str = "USD"             # as published (USD or CNY); never converted
    precision: float = 0.0            # half a unit of the last printed digit
    qualifier: Optional[str] = None   # the source's hedge: about, nearly, more than
    revision: int = 1
    commodity: Optional[str] = None   # HS code, None for all goods
    commodity_name: Optional[str] = None
    quantity: Optional[str] = None
    source_name: str                  # "GACC"
    source_outlet: Optional[str] = None  # who printed it, when not the agency itself ("NK News")
    source_url: Optional[str] = None
    published: Optional[date] = None  # release date of the report
    note: Optional[str] = None


class Extraction(ContractModel):
    """One article's result: the top-level object of the contract."""

    article: Article
    amounts: list[Amount] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    consistency: list[Consistency] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Every attribution found, named or described: `sources` plus the unnamed ones
    # (what attribution corpora such as PolNeAR annotate).
    attributions: list[Source] = Field(default_factory=list)


__all__ = [
    "Actor", "Amount", "Article", "Claim", "Comparison", "Consistency", "Evidence", "Extraction", "Figure",
    "Mention", "Period", "Source", "Trade", "Verdict",
]
