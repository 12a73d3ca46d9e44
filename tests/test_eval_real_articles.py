"""The real_articles scorer on small gold and result dicts written here (no third-party text)."""
from __future__ import annotations

import copy
import json

import pytest

from extractor.evaluation import real_articles as ra
from extractor.evaluation.report import BenchmarkResult, Report, render_markdown

# A made-up article: "Trade between China and North Korea reached $120 million in March 2021,
# customs data showed. China's exports to the North rose 8.5 percent on-year to $70 million."
GOLD = {
    "article": {"id": "007", "published": "2021-04-20"},
    "amounts": [
        {"text": "$120 million", "value": 120e6, "unit": "USD", "bound": "exact", "change": None},
        {"text": "8.5 percent", "value": 8.5, "unit": "percent", "bound": "exact", "change": "up"},
        {"text": "$70 million", "value": 70e6, "unit": "USD", "bound": "exact", "change": None},
    ],
    "periods": [{"text": "March 2021", "from": "2021-03-01", "to": "2021-03-31", "granularity": "month"}],
    "actors": [{"text": "China", "name": "China", "id": "CHN", "type": "country"},
               {"text": "North Korea", "name": "North Korea", "id": "PRK", "type": "country"}],
    "sources": [{"text": "customs data", "name": "General Administration of Customs of China", "type": "data_source"}],
    "claims": [
        {"id": "t1", "kind": "trade_value", "text": "Trade between China and North Korea reached $120 million",
         "amount": 0, "period": 0,
         "trade": {"flow": "total", "from": None, "to": None, "between": ["CHN", "PRK"], "commodity": None,
                   "basis": None}},
        {"id": "t2", "kind": "trade_change", "text": "exports to the North rose 8.5 percent on-year",
         "amount": 1, "period": 0,
         "trade": {"flow": "directional", "from": "CHN", "to": "PRK", "between": None, "commodity": None,
                   "basis": "year_on_year"}},
        {"id": "t3", "kind": "trade_value", "text": "exports to the North ... to $70 million",
         "amount": 2, "period": 0,
         "trade": {"flow": "directional", "from": "CHN", "to": "PRK", "between": None, "commodity": None,
                   "basis": None}},
    ],
    "verdicts": [{"claim": "t1", "status": "supported"}, {"claim": "t2", "status": "unverifiable"},
                 {"claim": "t3", "status": "unverifiable"}],
    "consistency": [],
}


def our_result() -> dict:
    """What a perfect extraction and check of the made-up article looks like (contract dict)."""
    sentence1 = "Trade between China and North Korea reached $120 million in March 2021, customs data showed."
    sentence2 = "China's exports to the North rose 8.5 percent on-year to $70 million."
    return {
        "article": {"id": "007"},
        "amounts": [dict(a) for a in GOLD["amounts"]],
        "periods": [dict(p) for p in GOLD["periods"]],
        "actors": [dict(a) for a in GOLD["actors"]],
        "sources": [{"text": "customs data", "name": "General Administration of Customs of China",
                     "type": "data_source", "cue": "showed"}],
        "claims": [
            {"id": "a", "kind": "trade_value", "sentence": sentence1, "amount": 0, "period": 0,
             "trade": copy.deepcopy(GOLD["claims"][0]["trade"])},
            {"id": "b", "kind": "trade_change", "sentence": sentence2, "amount": 1, "period": 0,
             "trade": copy.deepcopy(GOLD["claims"][1]["trade"])},
            {"id": "c", "kind": "trade_value", "sentence": sentence2, "amount": 2, "period": 0,
             "trade": copy.deepcopy(GOLD["claims"][2]["trade"])},
        ],
        "verdicts": [{"claim": "a", "status": "supported", "explanation": "matches the stored figure"},
                     {"claim": "b", "status": "unverifiable", "explanation": "no figure for March 2020"},
                     {"claim": "c", "status": "unverifiable", "explanation": "no export figure"}],
        "consistency": [],
    }


def test_a_faithful_result_matches_every_claim_and_verdict():
    score = ra.score_real_article(our_result(), GOLD)
    assert score.scores["trade claims"].f1 == 1.0
    assert score.scores["trade claims CHN–PRK"].tp == 3 and score.scores["trade claims other pairs"].gold == 0
    assert score.scores["verdicts reproduced"].tp == 3 and score.scores["verdicts reproduced"].gold == 3
    assert score.scores["amounts"].f1 == score.scores["periods"].f1 == score.scores["countries"].f1 == 1.0
    assert score.counts == {"false contradicted": 0, "inconsistent beyond gold": 0}
    assert score.record["trade_claims_missed"] == [] and score.record["trade_claims_extra"] == []


def test_a_wrong_flow_is_no_match_and_the_misses_name_the_field():
    result = our_result()
    result["claims"][0]["trade"] = {"flow": "directional", "from": "CHN", "to": "PRK", "between": None,
                                    "commodity": None, "basis": None}
    score = ra.score_real_article(result, GOLD)
    assert score.scores["trade claims"].tp == 2
    # the verdict of an unmatched claim is not reproduced, whatever its status
    assert score.scores["verdicts reproduced"].tp == 2
    missed = score.record["trade_claims_missed"]
    assert [m["gold"]["id"] for m in missed] == ["t1"]
    assert missed[0]["nearest"]["claim"]["id"] == "a"
    assert set(missed[0]["nearest"]["differs"]) == {"flow"}      # the same two parties
    assert missed[0]["gold"]["amount"].startswith("'$120 million'")
    assert score.record["trade_claims_extra"][0]["ours"]["sentence"].startswith("Trade between")


@pytest.mark.parametrize("field, value", [("commodity", "6704"), ("basis", "period_on_period")])
def test_commodity_and_basis_are_compared(field, value):
    result = our_result()
    result["claims"][1]["trade"][field] = value
    score = ra.score_real_article(result, GOLD)
    assert score.scores["trade claims"].tp == 2
    assert set(score.record["trade_claims_missed"][0]["nearest"]["differs"]) == {field}


def test_kind_is_not_compared_but_the_period_is():
    result = our_result()
    result["claims"][1]["kind"] = "trade_value"
    assert ra.score_real_article(result, GOLD).scores["trade claims"].tp == 3
    result["periods"].append({"text": "March 2020", "from": "2020-03-01", "to": "2020-03-31"})
    result["claims"][1]["period"] = 1
    score = ra.score_real_article(result, GOLD)
    assert score.scores["trade claims"].tp == 2
    assert score.record["trade_claims_missed"][0]["nearest"]["differs"]["period"] == {
        "gold": "2021-03-01..2021-03-31", "ours": "2020-03-01..2020-03-31"}


def test_a_contradicted_verdict_on_a_claim_gold_does_not_contradict_is_a_false_alarm():
    result = our_result()
    result["verdicts"][0] = {"claim": "a", "status": "contradicted", "explanation": "the figure is $150 million"}
    score = ra.score_real_article(result, GOLD)
    assert score.counts["false contradicted"] == 1
    assert score.scores["verdicts reproduced"].tp == 2
    assert score.record["false_contradicted"][0]["gold_status"] == "supported"
    assert score.record["verdicts_wrong"][0]["gold"] == "supported"
    assert score.record["verdicts_wrong"][0]["ours"] == "contradicted"
    # the same verdict where gold contradicts the matched claim is right, not a false alarm
    gold = copy.deepcopy(GOLD)
    gold["verdicts"][0]["status"] = "contradicted"
    score = ra.score_real_article(result, gold)
    assert score.counts["false contradicted"] == 0 and score.scores["verdicts reproduced"].tp == 3


def test_a_contradicted_verdict_on_a_claim_gold_does_not_have_counts_too():
    result = our_result()
    result["amounts"].append({"text": "$5 million", "value": 5e6, "unit": "USD", "bound": "exact"})
    result["claims"].append({"id": "d", "kind": "trade_value", "sentence": "Made-up.", "amount": 3, "period": 0,
                             "trade": {"flow": "directional", "from": "PRK", "to": "CHN", "between": None,
                                       "commodity": None, "basis": None}})
    result["verdicts"].append({"claim": "d", "status": "contradicted", "explanation": "stored $9 million"})
    score = ra.score_real_article(result, GOLD)
    assert score.counts["false contradicted"] == 1
    assert score.record["false_contradicted"][0]["gold_claim"] is None
    assert score.scores["trade claims"].predicted == 4


def test_a_contradicted_claim_stated_twice_is_one_accusation_not_a_false_alarm():
    gold = copy.deepcopy(GOLD)
    gold["verdicts"][0]["status"] = "contradicted"
    result = our_result()
    result["verdicts"][0] = {"claim": "a", "status": "contradicted", "explanation": "the figure is $150 million"}
    twice = copy.deepcopy(result["claims"][0])
    twice["id"], twice["sentence"] = "a2", "The headline said it again."
    result["claims"].append(twice)
    result["verdicts"].append({"claim": "a2", "status": "contradicted", "explanation": "the figure is $150 million"})
    assert ra.score_real_article(result, gold).counts["false contradicted"] == 0
    # where gold does not contradict the claim, both statements are false alarms
    assert ra.score_real_article(result, GOLD).counts["false contradicted"] == 2


def test_an_inconsistency_beyond_gold_and_a_real_one_found():
    result = our_result()
    result["consistency"] = [{"claims": ["a", "c"], "status": "inconsistent", "explanation": "made-up"}]
    score = ra.score_real_article(result, GOLD)
    assert score.counts["inconsistent beyond gold"] == 1
    assert score.scores["inconsistencies found"].gold == 0
    assert score.record["inconsistent_beyond_gold"][0]["claims"][0]["id"] == "a"
    gold = copy.deepcopy(GOLD)
    gold["consistency"] = [{"claims": ["t1", "t2", "t3"], "status": "inconsistent", "explanation": "gold's"}]
    score = ra.score_real_article(result, gold)
    assert score.counts["inconsistent beyond gold"] == 0
    assert score.scores["inconsistencies found"].tp == 1 and score.scores["inconsistencies found"].gold == 1


def test_a_flag_corresponds_by_the_amounts_when_a_claim_is_misread():
    result = our_result()
    result["claims"][2]["trade"]["from"], result["claims"][2]["trade"]["to"] = "PRK", "CHN"   # wrong direction
    result["consistency"] = [{"claims": ["a", "c"], "status": "inconsistent", "explanation": "made-up"}]
    gold = copy.deepcopy(GOLD)
    gold["consistency"] = [{"claims": ["t1", "t3"], "status": "inconsistent", "explanation": "gold's"}]
    score = ra.score_real_article(result, gold)
    assert score.scores["trade claims"].tp == 2
    assert score.scores["inconsistencies found"].tp == 1 and score.counts["inconsistent beyond gold"] == 0
    # one claim of the flag in common is not enough
    gold["consistency"] = [{"claims": ["t1", "t2"], "status": "inconsistent", "explanation": "gold's"}]
    score = ra.score_real_article(result, gold)
    assert score.scores["inconsistencies found"].tp == 0 and score.counts["inconsistent beyond gold"] == 1


def test_other_pairs_are_scored_apart_from_china_north_korea():
    gold = copy.deepcopy(GOLD)
    gold["claims"][2]["trade"].update({"from": "KOR", "to": "WLD"})
    score = ra.score_real_article(our_result(), gold)
    assert score.scores["trade claims other pairs"].gold == 1 and score.scores["trade claims other pairs"].tp == 0
    assert score.scores["trade claims CHN–PRK"].tp == 2 and score.scores["trade claims CHN–PRK"].predicted == 3


def test_totals_sum_articles_and_count_rows_read_against_their_target():
    result = our_result()
    result["verdicts"][0]["status"] = "contradicted"
    articles = [ra.score_real_article(result, GOLD), ra.score_real_article(our_result(), GOLD)]
    rows = {r.metric: r for r in ra.total_rows(articles)}
    assert rows["trade claims"].ours.tp == 6
    assert rows["verdicts reproduced"].value == pytest.approx(5 / 6)
    assert rows["false contradicted"].count == 1 and rows["false contradicted"].documents == 2
    # 1 false alarm in 2 articles is 20 per 40 articles: over the target of 1 per 40
    assert rows["false contradicted"].target_met() is False
    md = render_markdown(Report([BenchmarkResult("real_articles", rows=list(rows.values()))]))
    assert "| real_articles | false contradicted | **1** (2 articles) |" in md
    assert "| real_articles | verdicts reproduced | **0.833** (5 of 6) |" in md
    assert "≤1 per 40 articles NOT met" in md


def test_folds_alternate_article_ids():
    assert [ra.fold_of(i, 0, 2) for i in ("001", "002", "003", "048")] == [0, 1, 0, 1]
    assert [ra.fold_of("x", p, 2) for p in range(3)] == [0, 1, 0]


def test_missing_texts_folder_skips_the_benchmark_with_a_note(tmp_path):
    bench_dir = tmp_path / "real_articles"
    (bench_dir / "gold").mkdir(parents=True)
    (bench_dir / "SOURCES.tsv").write_text("id\turl\n007\thttps://example.org/made-up\n")
    (bench_dir / "gold" / "007.json").write_text(json.dumps(GOLD))

    class NoPipeline:
        def extract_many(self, *a, **k):
            raise AssertionError("nothing to extract without texts")

    for texts in (tmp_path / "absent", tmp_path / "empty"):
        if texts.name == "empty":
            texts.mkdir()
        bench = ra.evaluate_real_articles(bench_dir, NoPipeline(), texts_dir=texts)
        assert bench.rows == []
        assert len(bench.notes) == 1 and bench.notes[0].startswith("skipped: no texts in")


def test_texts_present_are_extracted_checked_scored_and_misses_written(tmp_path):
    bench_dir = tmp_path / "real_articles"
    (bench_dir / "gold").mkdir(parents=True)
    (bench_dir / "SOURCES.tsv").write_text("id\turl\n")
    (bench_dir / "gold" / "007.json").write_text(json.dumps(GOLD))
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "007.json").write_text(json.dumps({"id": "007", "url": None, "outlet": None, "title": None,
                                                "published": None, "text": "Made-up text."}))
    seen = {}

    class FakePipeline:
        def extract_many(self, inputs, clean):
            seen.update(clean=clean, inputs=list(inputs))
            return [our_result()]

    misses = tmp_path / "out" / "misses.jsonl"
    bench = ra.evaluate_real_articles(bench_dir, FakePipeline(), texts_dir=texts, misses_path=misses, folds=2)
    assert seen["clean"] is True and seen["inputs"][0]["published"] is None
    rows = {r.metric: r for r in bench.rows}
    assert rows["trade claims"].ours.f1 == 1.0
    # article 007 is in fold 1 (odd ids); fold 2 has nothing to score, so no number
    assert rows["trade claims"].folds[0].ours.gold == 3 and rows["trade claims"].folds[1].ours is None
    assert [f.count for f in rows["false contradicted"].folds] == [0, 0]
    line = json.loads(misses.read_text().splitlines()[0])
    assert line["id"] == "007" and line["trade_claims_missed"] == []


def test_eval_command_notes_the_skip_and_warns_about_a_misses_file_git_would_commit(tmp_path, monkeypatch):
    import subprocess

    import typer
    from typer.testing import CliRunner

    import extractor
    from extractor.evaluation.cli import eval_command

    bench_dir = tmp_path / "real_articles"
    (bench_dir / "gold").mkdir(parents=True)
    (bench_dir / "SOURCES.tsv").write_text("id\turl\n")
    (bench_dir / "gold" / "007.json").write_text(json.dumps(GOLD))

    class OneResult:
        def extract_many(self, inputs, clean):
            return [our_result() for _ in inputs]

    monkeypatch.setattr(extractor, "Pipeline", lambda *a, **k: OneResult(), raising=False)
    app = typer.Typer()
    app.command()(eval_command)
    runner = CliRunner()
    out = runner.invoke(app, [str(bench_dir), "--baseline", "none", "--markdown",
                              "--real-texts", str(tmp_path / "absent")])
    assert out.exit_code == 0, out.output
    assert "real_articles: skipped: no texts in" in out.stdout
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "007.json").write_text(json.dumps({"id": "007", "published": None, "text": "Made-up text."}))
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    out = runner.invoke(app, [str(bench_dir), "--baseline", "none", "--markdown", "--real-texts", str(texts),
                              "--misses-file", str(repo / "misses.jsonl")])
    assert out.exit_code == 0, out.output
    assert (repo / "misses.jsonl").exists()
    assert "git does not ignore it" in out.stderr
    (repo / ".gitignore").write_text("misses.jsonl\n")
    out = runner.invoke(app, [str(bench_dir), "--baseline", "none", "--markdown", "--real-texts", str(texts),
                              "--misses-file", str(repo / "misses.jsonl")])
    assert "git does not ignore it" not in out.stderr


def test_a_count_matches_a_gold_unit_that_names_the_counted_noun():
    from extractor.evaluation.gold import amount_matches

    gold = {"value": 1470000.0, "unit": "pair", "bound": "exact"}
    assert amount_matches(gold, {"value": 1470000.0, "unit": "count", "of": "pair", "bound": "exact"})
    assert not amount_matches(gold, {"value": 1470000.0, "unit": "count", "of": "glove", "bound": "exact"})
    assert not amount_matches(gold, {"value": 1470000.0, "unit": "USD", "bound": "exact"})


def test_a_count_matches_a_gold_unit_that_names_no_noun_but_counts_items():
    from extractor.evaluation.gold import amount_matches

    gold = {"value": 210.0, "unit": "unit", "bound": "exact"}
    assert amount_matches(gold, {"value": 210.0, "unit": "count", "of": "mask", "bound": "exact"})
    assert not amount_matches(gold, {"value": 210.0, "unit": "tonne", "bound": "exact"})
