"""``newsclaims eval --folds N``: every benchmark split by a fixed rule, each metric per fold, and the gap."""
from __future__ import annotations

import json

import pytest

from extractor.evaluation import suite
from extractor.evaluation.matching import Score
from extractor.evaluation.report import BenchmarkResult, Report, Row, render_markdown, report_to_dict


class TextPipeline:
    """Stands in for extractor.Pipeline: the contract dict written here for each input text."""

    amount_scope = "all"

    def __init__(self, results_by_text: dict[str, dict]):
        self.results_by_text = results_by_text

    def extract_many(self, items, clean=True, **_):
        for item in items:
            yield self.results_by_text.get(item["text"], {"amounts": [], "periods": []})


def usd(value: float, text: str) -> dict:
    return {"text": text, "value": value, "unit": "USD", "bound": "exact", "low": None, "high": None,
            "change": None, "start": 0, "end": len(text)}


def test_item_i_goes_to_fold_i_mod_n():
    assert suite.fold_parts(5, 2) == [[0, 2, 4], [1, 3]]
    assert suite.fold_parts(4, 3) == [[0, 3], [1], [2]]


def test_sentence_level_sets_alternate_sentences(tmp_path):
    sentences = ["Freedonia paid $4 million for the bridge.", "The toll brought in $2 million.",
                 "A second bridge will cost $9 million."]
    path = tmp_path / "made_up-model.json"
    path.write_text(json.dumps([{"text": s, "quantities": [{"value": v, "normalized_unit": "dollar", "unit": "$"}]}
                                for s, v in zip(sentences, ("4000000.0", "2000000.0", "9000000.0"))]))
    # the second sentence is read wrongly: fold 2 (the 2nd sentence) loses, fold 1 (1st and 3rd) does not
    pipeline = TextPipeline({sentences[0]: {"amounts": [usd(4e6, "$4 million")]},
                             sentences[1]: {"amounts": [usd(3e6, "$2 million")]},
                             sentences[2]: {"amounts": [usd(9e6, "$9 million")]}})
    benches = suite.evaluate_recognizers(path, pipeline, (), suite.BaselineModels(), suite.EvalOptions(folds=2))
    value = benches[0].row("value")
    assert value.ours.tp == 2 and value.ours.gold == 3
    assert [(f.ours.tp, f.ours.gold) for f in value.folds] == [(2, 2), (0, 1)]
    assert value.gap == pytest.approx(1.0)


def test_markdown_shows_each_fold_and_the_gap_and_a_target_met_only_in_every_fold():
    row = Row("newsquant", "value", Score(19, 20, 20),
              folds=[Row("newsquant", "value", Score(10, 10, 10)), Row("newsquant", "value", Score(9, 10, 10))])
    empty_fold = Row("articles", "warnings", Score(1, 1, 1), folds=[Row("articles", "warnings", Score(1, 1, 1)),
                                                                    Row("articles", "warnings", None)])
    report = Report([BenchmarkResult("newsquant", rows=[row]), BenchmarkResult("articles", rows=[empty_fold])], folds=2)
    md = render_markdown(report)
    assert "| benchmark | metric | ours F1 (P / R) | fold 1 | fold 2 | gap |" in md
    assert "| newsquant | value | **0.950** (0.950 / 0.950) | 1.000 | 0.900 | 0.100 |" in md
    assert "≥0.93 NOT met (fold 2)" in md            # 0.900 in fold 2 is below the target
    assert "| articles | warnings | **1.000** (1.000 / 1.000) | 1.000 | – | – |" in md
    assert "--folds 2" in md
    data = report_to_dict(report)["benchmarks"][0]["rows"][0]
    assert [f["value"] for f in data["folds"]] == [1.0, 0.9] and data["gap"] == pytest.approx(0.1)
    # the default table is the one without fold columns
    plain = render_markdown(Report([BenchmarkResult("newsquant", rows=[Row("newsquant", "value", Score(19, 20, 20))])]))
    assert plain.splitlines()[0] == ("| benchmark | metric | ours F1 (P / R) | baselines F1 | "
                                     "published reference F1 | target |")
    assert "fold" not in plain


def test_eval_command_folds_gold_articles_by_alternate_documents(tmp_path, monkeypatch):
    import typer
    from typer.testing import CliRunner

    import extractor
    from extractor.evaluation.cli import eval_command

    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    texts = ["Freedonia sold $5 million of cheese.", "Sylvania bought $7 million of cheese.",
             "Freedonia sold $8 million of wine."]
    for i, (text, value) in enumerate(zip(texts, (5e6, 7e6, 8e6))):
        (tmp_path / "texts" / f"{i}.json").write_text(json.dumps({"id": str(i), "text": text}))
        (tmp_path / "gold" / f"{i}.json").write_text(json.dumps(
            {"article": {"id": str(i)}, "amounts": [{"text": "x", "value": value, "unit": "USD", "bound": "exact"}]}))
    pipeline = TextPipeline({texts[0]: {"amounts": [usd(5e6, "$5 million")]},
                             texts[2]: {"amounts": [usd(8e6, "$8 million")]}})
    monkeypatch.setattr(extractor, "Pipeline", lambda *a, **k: pipeline, raising=False)
    app = typer.Typer()
    app.command()(eval_command)
    runner = CliRunner()
    out = runner.invoke(app, [str(tmp_path), "--baseline", "none", "--json", "--folds", "2"])
    assert out.exit_code == 0, out.output
    row = json.loads(out.stdout)["benchmarks"][0]["rows"][0]
    assert row["metric"] == "amounts" and row["ours"]["tp"] == 2
    assert [f["ours"]["recall"] for f in row["folds"]] == [1.0, 0.0]
    out = runner.invoke(app, [str(tmp_path), "--baseline", "none", "--json"])
    assert "folds" not in json.loads(out.stdout)["benchmarks"][0]["rows"][0]
    assert runner.invoke(app, [str(tmp_path), "--folds", "1"]).exit_code != 0
