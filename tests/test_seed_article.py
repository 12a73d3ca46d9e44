"""The real seed article against its gold file (../shared/benchmarks/articles), by the contract's Scoring rules."""
import json

import pytest

from extractor.evaluation.gold import score_gold_article

from conftest import SHARED

GOLD = SHARED / "benchmarks" / "articles" / "gold" / "seed-joongang-2025-10.json"


@pytest.fixture(scope="module")
def seed_score(pipeline, seed_article):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    result = pipeline.extract(seed_article["text"], published=seed_article["published"], id=seed_article["id"],
                              title=seed_article["title"], outlet=seed_article["outlet"])
    return score_gold_article(result.model_dump(mode="json"), gold), result


@pytest.mark.parametrize("field", ["amounts", "periods", "countries", "persons", "organizations", "sources",
                                   "trade claims"])
def test_every_gold_item_found_and_nothing_invented(seed_score, field):
    score, _ = seed_score
    s = score.scores[field]
    assert (s.precision, s.recall) == (1.0, 1.0), "\n".join(score.lines())


def test_attribution_chain_runs_from_customs_to_the_outlet(seed_score):
    _, result = seed_score
    total = next(c for c in result.claims if c.kind == "trade_value"
                 and result.amounts[c.amount].text == "$271.2 million")
    assert [result.sources[i].name for i in total.sources] == ["General Administration of Customs of China", "NK News"]


def test_the_article_contradicts_itself_on_six_years(seed_score):
    from extractor.verify.consistency import consistency_of

    _, result = seed_score
    found = consistency_of(result)
    assert len(found) == 1
    assert "5 years 9 months" in found[0].explanation and "December 2019" in found[0].explanation
