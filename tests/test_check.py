"""`check` against a real store (SQLite, seeded from corpus/customs) on articles with gold verdicts."""
import json

import pytest

from extractor.verify.check import check
from extractor.evaluation.gold import score_gold_article
from extractor.verify.store import Store

from conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "figures.db"
    with Store(f"sqlite:///{path}") as s:
        yield s


def checked(pipeline, store, article):
    result = pipeline.extract(article["text"], published=article.get("published"), id=article.get("id"),
                              title=article.get("title"), outlet=article.get("outlet"))
    return check(result, store)


GOLD_ARTICLES = [
    (SHARED / "benchmarks" / "articles" / "texts" / "seed-joongang-2025-10.json",
     SHARED / "benchmarks" / "articles" / "gold" / "seed-joongang-2025-10.json"),
] + [(CORPUS / "articles" / f"{name}.json", CORPUS / "gold" / f"{name}.json")
     for name in ("nk-china-trade-2025-09", "nk-china-trade-2025-11-webpaste", "periods-showcase",
                  "sources-showcase", "trade-claims-showcase", "undated-relative-dates")]


@pytest.mark.parametrize("text_path, gold_path", GOLD_ARTICLES, ids=[p.stem for p, _ in GOLD_ARTICLES])
def test_gold_verdicts_are_reproduced(pipeline, store, text_path, gold_path):
    if not text_path.exists():
        pytest.skip(f"{text_path} not present")
    article = json.loads(text_path.read_text(encoding="utf-8"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = checked(pipeline, store, article)
    score = score_gold_article(result.model_dump(mode="json"), gold)
    assert not score.misses.get("verdicts"), "\n".join(score.lines())


def test_seed_article_verdicts_carry_figures_and_a_sentence(pipeline, store, seed_article):
    result = checked(pipeline, store, seed_article)
    total = next(v for v in result.verdicts if v.claimed == 271_200_000.0 and v.status == "supported")
    assert total.expected == 271_000_000.0 and total.figures and total.evidence[0].source_url.startswith("http")
    assert "agrees with China's customs figure of $271 million" in total.explanation
    assert len(result.consistency) == 1


def test_wrong_and_unknown_figures(pipeline, store):
    text = ("China's exports to North Korea were $260 million in September 2025. "
            "Trade between China and North Korea reached $270 million in September 2025. "
            "Russia's exports to North Korea were $20 million in September 2025. "
            "China's exports to North Korea were 1.5 billion yuan in September 2025.")
    result = check(pipeline.extract(text, published="2025-11-01"), store)
    statuses = [v.status for v in result.verdicts]
    assert statuses == ["contradicted", "supported", "unverifiable", "unverifiable"]
    assert "off by $31.35 million" in result.verdicts[0].explanation
    assert "no figures are stored for Russia" in result.verdicts[2].explanation
    assert "no figure in CNY" in result.verdicts[3].explanation


def test_truncated_figure_is_close_and_direction_is_one_fact(pipeline, store):
    # the store holds China's September 2025 exports as $228.1 million
    text = "North Korea imported $227 million worth of goods from China in September 2025."
    verdict = check(pipeline.extract(text, published="2025-11-01"), store).verdicts[0]
    assert verdict.status == "close" and verdict.expected == 228_100_000.0


def test_future_month_is_unverifiable(pipeline, store):
    # (a figure stated for a month not over at publication; "traders predict exports will reach ..." is a
    # forecast and no claim at all)
    text = "China's exports to North Korea reached $300 million in December 2025, a trader said."
    verdict = check(pipeline.extract(text, published="2025-11-01"), store).verdicts[0]
    assert verdict.status == "unverifiable" and "had not ended" in verdict.explanation


@pytest.mark.parametrize("by, status", [("$69 million", "supported"), ("$90 million", "contradicted")])
def test_a_change_stated_as_money_is_the_difference_of_two_figures(pipeline, store, by, status):
    # the store holds China-North Korea trade of $202 million (September 2024) and $271 million
    # (September 2025): "rose by $X" is a difference of those two, never a level of its own
    text = f"Trade between China and North Korea rose by {by} to $271 million in September 2025 from a year earlier."
    result = check(pipeline.extract(text, published="2025-10-20"), store)
    change = next(v for v in result.verdicts if v.claimed == float(by[1:3]) * 1e6)
    assert change.status == status and change.expected == 69_000_000.0
    assert "+$69 million" in change.explanation
    assert result.consistency == []


def _monthly_store(tmp_path, values: dict) -> Store:
    from datetime import date
    from extractor.pipeline.calendar_spans import month_end
    from models import Figure
    store = Store(f"sqlite:///{tmp_path}/months.db", seed=False)
    store.add_figures(Figure(reporter="CHN", partner="PRK", flow="total", period=f"{y}-{m:02d}",
                             **{"from": date(y, m, 1)}, to=month_end(date(y, m, 1)), granularity="month",
                             value=v * 1e6, precision=5e5, source_name="GACC", source_url="https://example.org/gacc")
                      for (y, m), v in values.items())
    return store


@pytest.mark.parametrize("peak_2021, status", [(150, "supported"), (90, "contradicted")])
def test_highest_since_a_year_points_at_some_month_of_that_year(pipeline, tmp_path, peak_2021, status):
    # every month of 2021-2022 stored below $100 million but one of 2021 (June: the peak)
    values = {(y, m): 60 + m for y in (2021, 2022) for m in range(1, 13)}
    values[2021, 6] = peak_2021
    values.update({(2023, 1): 70, (2023, 2): 80, (2023, 3): 100})
    text = "China-North Korea trade in March 2023 was the highest since 2021, at $100 million."
    with _monthly_store(tmp_path, values) as store:
        result = check(pipeline.extract(text, published="2023-04-20"), store)
    comparison = next(v for v in result.verdicts if v.claimed == 100e6 and v.expected != 100e6)
    assert comparison.status == status
    if status == "contradicted":
        assert "no month of 2021 was higher" in comparison.explanation


def test_a_change_stated_in_yuan_terms_is_not_computed_from_dollar_figures(pipeline, store):
    # the store holds China-North Korea trade in USD only: a yuan change cannot be computed from it
    text = ("In yuan terms, trade between China and North Korea rose 34 percent in September 2025 from a year "
            "earlier to 1.9 billion yuan.")
    result = check(pipeline.extract(text, published="2025-12-20"), store)
    change = next(v for v in result.verdicts if v.claimed == 34.0)
    assert change.status == "unverifiable" and "no figure in CNY" in change.explanation
