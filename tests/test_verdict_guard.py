"""Verdicts that never accuse on an inference: `contradicted` and `inconsistent` only for claims
whose parts were all read from their own sentence. Sentences written for these tests; the store
is the project's seed (China's exports to North Korea in November 2025: $244 million)."""
from __future__ import annotations

import pytest

from extractor import extract
from extractor.verify.check import check
from extractor.verify.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(f"sqlite:///{tmp_path_factory.mktemp('guard')}/store.db")


def verdicts(text: str, store, published: str = "2026-01-21"):
    result = check(extract(text, published=published), store)
    amounts = {c.id: result.amounts[c.amount].text for c in result.claims if c.amount is not None}
    return {amounts.get(v.claim, v.claim): v for v in result.verdicts}, result


def test_a_wrong_figure_read_whole_from_its_sentence_is_contradicted(store):
    found, _ = verdicts("China's exports to North Korea were $310 million in November 2025, customs data showed.", store)
    v = found["$310 million"]
    assert v.status == "contradicted"
    assert v.inferred == {} and set(v.read) == {"amount", "parties", "flow", "period"}
    assert "likelier another figure" not in v.explanation      # 310 against 244 is not far off


def test_a_period_taken_from_the_previous_sentence_is_never_an_accusation(store):
    text = ("China's exports to North Korea slowed in November 2025, customs data showed. "
            "China shipped $310 million worth of goods to North Korea.")
    found, _ = verdicts(text, store)
    v = found["$310 million"]
    assert v.status == "unverifiable"
    assert "period" in v.inferred and "period" not in v.read
    assert "period is taken from an earlier sentence" in v.explanation
    assert "$244 million" in v.explanation                     # the figure it would have contradicted


def test_the_other_party_taken_from_discourse_is_never_an_accusation(store):
    text = ("China's trade with North Korea grew in late 2025, customs data showed. "
            "In November 2025, China's exports reached $310 million.")
    found, _ = verdicts(text, store)
    v = found["$310 million"]
    assert v.status == "unverifiable" and "parties" in v.inferred


def test_a_supported_claim_with_an_inferred_part_stays_supported(store):
    text = ("China's exports to North Korea slowed in November 2025, customs data showed. "
            "China shipped $244 million worth of goods to North Korea.")
    found, _ = verdicts(text, store)
    v = found["$244 million"]
    assert v.status == "supported" and "period" in v.inferred


def test_a_level_far_from_the_figure_is_said_to_be_likelier_another_figure(store):
    read_whole, _ = verdicts("China's exports to North Korea were $2.1 billion in November 2025.", store)
    assert read_whole["$2.1 billion"].status == "contradicted"
    assert "likelier another figure" in read_whole["$2.1 billion"].explanation
    inherited, _ = verdicts("China's exports to North Korea slowed in November 2025, customs data showed. "
                            "China shipped $2.1 billion worth of goods to North Korea.", store)
    v = inherited["$2.1 billion"]
    assert v.status == "unverifiable" and "likelier another figure" in v.explanation


def test_one_figure_stated_twice_is_inconsistent_only_when_both_are_read(store):
    both_read = ("China's exports to North Korea were $244 million in November 2025, customs data showed. "
                 "Later revisions aside, China's exports to North Korea in November 2025 stood at $290 million.")
    _, result = verdicts(both_read, store)
    assert len(result.consistency) == 1
    one_inherited = ("China's exports to North Korea were $244 million in November 2025, customs data showed. "
                     "China shipped $290 million worth of goods to North Korea.")
    _, result = verdicts(one_inherited, store)
    assert result.consistency == []


# ---------------------------------------------------------------- what counts as read

def _inferred(text: str, published: str = "2024-06-10") -> dict[str, list[str]]:
    from extractor import extract

    r = extract(text, published=published)
    return {r.amounts[c.amount].text: sorted(c.inferred) for c in r.claims if c.trade is not None}


def test_a_coordinated_flow_reads_the_parties_its_sentence_names():
    got = _inferred("Laos's exports fell 15 percent to $2.7 billion in 2023, while imports dropped 30 percent "
                    "to $3.5 billion.")
    assert "parties" not in got["$3.5 billion"] and "parties" not in got["30 percent"]


def test_that_refers_explicitly_to_the_claim_before_but_its_period_is_still_taken():
    got = _inferred("Laos's exports to Thailand reached $410 million in May. That is a fall of 9.8 percent from "
                    "May 2023.")
    assert got["9.8 percent"] == ["period"]


def test_the_month_of_an_old_level_is_not_the_change_s():
    got = _inferred("Laos's exports to Thailand rose from $380 million in April, and achieved an increase of 16% "
                    "from $350 million in the same month last year.")
    assert "period" in got["16%"]   # April dates the old level; the change's month is not written


def test_two_values_of_one_cell_in_one_sentence_are_a_misreading_not_an_accusation(store):
    # the fronted "Of the $X ..." names the total; whatever the links, nothing here is false
    text = ("Of the $271 million in trade in September 2025 between China and North Korea, "
            "$228 million were Chinese exports.")
    found, result = verdicts(text, store, published="2025-11-20")
    assert all(v.status != "contradicted" for v in found.values())
    assert result.consistency == []


def test_a_rival_in_the_sentence_turns_a_contradiction_into_a_reason():
    from extractor.verify.check import _guarded
    from models import Claim, Trade, Verdict
    claim = Claim(id="t1", kind="trade_value", sentence="s", start=0, end=1, amount=0, period=0,
                  trade=Trade(flow="directional", **{"from": "CHN"}, to="PRK"))
    verdict = Verdict(claim="t1", status="contradicted", claimed=271e6, expected=228e6, unit="USD",
                      explanation="'$271 million' contradicts the figure of $228 million.")
    guarded = _guarded(verdict, claim, rival="$228 million")
    assert guarded.status == "unverifiable"
    assert "'$228 million' in the same sentence is read as the same figure" in guarded.explanation
    assert _guarded(verdict, claim).status == "contradicted"


def test_a_monthly_rate_is_never_checked_against_a_year_s_total(store):
    # the seed store holds China-North Korea trade for 2017 ($5.06 billion)
    text = ("The figure is still far below the roughly $500 million a month that China and North Korea "
            "traded before 2017, when sanctions were tightened.")
    found, _ = verdicts(text, store, published="2025-11-20")
    v = found["roughly $500 million"]
    assert v.status == "unverifiable" and "rate per month" in v.explanation


@pytest.mark.parametrize("text", [
    "China's exports to North Korea rose to $228.1 million in September 2025 from $147.6 million.",
    "China's exports to North Korea jumped from just over $147 million to $228.1 million in September 2025.",
])
def test_the_level_a_move_starts_from_is_never_checked_against_the_new_period(store, text):
    # the store holds $228.1 million for September 2025: the old level is August's, which nothing names
    found, _ = verdicts(text, store, published="2025-11-20")
    old = next(v for k, v in found.items() if k.endswith(("$147.6 million", "$147 million")))
    assert old.status == "unverifiable" and "no resolved period" in old.explanation
    assert found["$228.1 million"].status == "supported"


def test_a_change_whose_direction_the_article_does_not_give_is_never_read_as_a_rise(store):
    """China's exports to North Korea fell about 15% in October 2017 (store). A '15 percent' change
    whose direction was not read must not be contradicted as if it were a rise."""
    result = extract("China's exports to North Korea fell 15 percent in October 2017 from a year earlier.",
                     published="2017-11-20")
    assert check(result, store).verdicts[0].status == "supported"
    result.amounts[0].change = None   # a direction the reading missed
    verdict = check(result, store).verdicts[0]
    assert verdict.status == "unverifiable" and "rise or a fall" in verdict.explanation


def test_a_year_taken_from_the_page_s_address_is_never_an_accusation(store):
    """A page with no date whose address says December 2025: 'in November' is November 2025 only by
    that guess, so a figure that does not match is unverifiable, saying why."""
    text = "China's exports to North Korea were $310 million in November, customs data showed."
    result = check(extract(text, url="https://news.example.com/2025/12/china-north-korea-trade"), store)
    verdict = next(v for v in result.verdicts)
    assert verdict.status == "unverifiable" and "page's address" in verdict.explanation
    dated = check(extract(text, published="2025-12-20"), store).verdicts[0]
    assert dated.status == "contradicted"


def test_a_daily_average_is_never_checked_against_the_period_s_total(store):
    """'Average daily exports ... $10 million' in September 2025 is a rate per day: checked against
    the month's stored total it would look contradicted; it is a claim with measure
    'daily_average', unverifiable with that reason, and no consistency rule compares it."""
    text = ("China's exports to North Korea rose to $228.1 million in September 2025, customs data showed. "
            "Average daily exports rose 4% to $7.6 million.")
    found, result = verdicts(text, store, published="2025-11-20")
    v = found["$7.6 million"]
    assert v.status == "unverifiable" and "daily average" in v.explanation
    claim = next(c for c in result.claims if c.amount is not None and result.amounts[c.amount].text == "$7.6 million")
    assert claim.trade.measure == "daily_average" and claim.trade.commodity_text is None
    assert found["$228.1 million"].status == "supported"
    assert not [c for c in result.consistency if c.status == "inconsistent"]


def test_a_month_anchored_on_another_date_of_an_undated_page_is_never_an_accusation(store):
    """No publication date; the only year the text names is a background figure's: 'November' read
    in that year is inferred, and a mismatch with its figure is no accusation."""
    text = ("China's exports to North Korea slipped to $310 million in November, customs data showed. "
            "China exported $150 million of goods to North Korea in June 2025.")
    found, _ = verdicts(text, store, published=None)
    v = found["$310 million"]
    assert v.status == "unverifiable" and "period" in v.inferred
    assert "no publication date" in v.explanation


def test_a_month_coordinated_with_a_base_is_no_period_of_the_figure(store):
    """'up ... from a year ago and October': October is a base of the change, not the figure's month."""
    text = ("China's exports to North Korea were weak in October 2025. In November 2025, China's imports "
            "from North Korea fell. China's exports to North Korea rose to $244 million, up sharply from "
            "a year ago and October.")
    found, result = verdicts(text, store)
    v = found["$244 million"]
    assert v.status == "supported"


# A body that makes its own estimates of the North's trade (KOTRA counts crude oil China's customs
# leave out) may give a figure the customs record does not show without being wrong.
@pytest.mark.parametrize("cited", [
    "according to the Korea Trade-Investment Promotion Agency (KOTRA)",
    "the Korea International Trade Association said",
])
def test_a_figure_cited_from_an_estimating_body_is_never_an_accusation(store, cited):
    found, _ = verdicts(f"China's exports to North Korea were $310 million in November 2025, {cited}.", store)
    v = found["$310 million"]
    assert v.status == "unverifiable"
    assert v.inferred == {}                                     # every part read: the source is the reason
    assert "estimates" in v.explanation and "$244 million" in v.explanation


def test_a_figure_cited_from_the_customs_itself_is_still_contradicted(store):
    found, _ = verdicts("China's exports to North Korea were $310 million in November 2025, "
                        "according to China's General Administration of Customs.", store)
    assert found["$310 million"].status == "contradicted"


def test_an_estimating_body_s_figure_that_agrees_stays_supported(store):
    found, _ = verdicts("China's exports to North Korea were $244 million in November 2025, "
                        "according to the Korea Trade-Investment Promotion Agency.", store)
    assert found["$244 million"].status == "supported"


def test_a_state_named_only_in_a_reason_clause_after_the_figure_is_not_read_as_its_party(store):
    """'..., reflecting the reopening of rail links with China': a circumstance; the figure's other
    party is the story's, inferred, so a mismatch is no accusation."""
    text = ("China's trade with North Korea grew in 2025, customs data showed. North Korea's imports rose to "
            "$310 million in November 2025, reflecting the reopening of rail links with China.")
    found, _ = verdicts(text, store)
    v = found["$310 million"]
    assert v.status == "unverifiable" and "parties" in v.inferred


def test_an_acronym_glued_to_an_estimating_body_s_name_still_names_it(store):
    found, result = verdicts("China's exports to North Korea were $310 million in November 2025, according to the "
                             "Korea International Trade Association(KITA).", store)
    assert [s.name for s in result.sources] == ["Korea International Trade Association"]
    assert found["$310 million"].status == "unverifiable"
