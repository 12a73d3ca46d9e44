"""No article lost to a crash: a component that raises leaves the article with a warning, and
the shapes that once raised read cleanly. The sentences are written for these tests."""
from __future__ import annotations

import json
import logging
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import ExtractionError, Pipeline
from extractor.evaluation.robustness import (SweepText, benchmark_texts, generated_text, project_corpus_texts,
                                             sweep)
from extractor.pipeline.extensions import is_failure_warning

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"

TRADE_STORY = ("China's exports to North Korea rose 12.5% to $210.3 million in February, customs data showed. "
               "Total trade between the two countries reached $318 million.")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def failures(result) -> list[str]:
    return [w for w in result.warnings if is_failure_warning(w)]


# ---------------------------------------------------------------- shapes that raised


@pytest.mark.parametrize("text", [
    "Shipments resumed on 1 May that year, the ministry said.",
    "shipments resumed on 1 may that year, the ministry said.",
    "That year the border reopened and trade recovered.",
    "Trade fell in the same month, the data showed. Total trade reached $201.7 million.",
])
def test_that_year_with_nothing_before_it_is_left_unresolved(pipeline, text):
    for published in ("2024-03-21", None):
        result = pipeline.extract(text, published=published)
        assert failures(result) == []
        anaphoric = [p for p in result.periods if "that year" in p.text.lower() or "same month" in p.text.lower()]
        # "that" points back into the text: with nothing named before it, no date is made up
        assert all(p.from_ is None and p.to is None for p in anaphoric)


def test_hours_earlier_is_the_day_it_counts_from(pipeline):
    result = pipeline.extract("The ministry announced the new quota three hours earlier.", published="2024-03-21")
    assert failures(result) == []
    (period,) = [p for p in result.periods if "hours earlier" in p.text]
    assert (period.from_, period.to, period.granularity) == (date(2024, 3, 21), date(2024, 3, 21), "day")


def test_zero_as_a_number_word_in_a_proportion():
    result = Pipeline(amount_scope="all").extract("Zero in ten exporters reported a loss, while two in five "
                                                 "sold zero - coupon bonds.", published="2024-03-21")
    assert failures(result) == []


# ---------------------------------------------------------------- fault isolation


@pytest.fixture
def broken_periods(monkeypatch):
    """The period finder raises on every article, as a rule's bug would."""
    import extractor.pipeline.periods.finder as finder

    def raise_key_error(doc, published=None):
        raise KeyError("TH")

    monkeypatch.setattr(finder, "find_periods", raise_key_error)


def test_a_failing_component_leaves_the_article_with_a_warning(pipeline, broken_periods, caplog):
    with caplog.at_level(logging.ERROR, logger="newsclaims"):
        result = pipeline.extract(TRADE_STORY, published="2024-03-21")
    assert result.periods == []
    assert [a.text for a in result.amounts] == ["12.5%", "$210.3 million", "$318 million"]
    assert {a.id for a in result.actors} >= {"CHN", "PRK"}
    assert result.claims and all(c.period is None for c in result.claims)   # claims without periods
    (warning,) = failures(result)
    assert "newsclaims_periods" in warning and "KeyError" in warning and "E109" not in warning
    # the traceback goes to the log, not into the result
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
    assert "Traceback" not in warning


def test_a_failing_component_loses_no_article_of_many(pipeline, broken_periods):
    articles = [{"id": f"a{i}", "text": TRADE_STORY, "published": "2024-03-21"} for i in range(3)]
    articles.insert(1, {"id": "empty", "text": "   "})
    out = list(pipeline.extract_many(articles, errors="yield"))
    assert [getattr(r, "article", None) and r.article.id for r in out] == ["a0", None, "a1", "a2"]
    assert all(failures(r) for r in out if hasattr(r, "article"))


def test_a_function_component_that_raises_is_caught_by_the_pipeline(pipeline):
    """A component a user adds (not newsclaims' own, which catch their errors) that raises on
    one document: that document comes out with a warning, in its place, and the others are whole."""
    from spacy.language import Language

    @Language.component("test_raises_on_a_marker")
    def raises_on_a_marker(doc):
        if "MARKER" in doc.text:
            raise ValueError("a user's component broke")
        return doc

    local = Pipeline()
    local.nlp.add_pipe("test_raises_on_a_marker", after="newsclaims_claims")
    texts = [TRADE_STORY, TRADE_STORY + " MARKER", TRADE_STORY]
    out = list(local.extract_many([{"text": t, "published": "2024-03-21"} for t in texts]))
    assert [len(r.claims) > 0 for r in out] == [True, True, True]
    assert [bool(failures(r)) for r in out] == [False, True, False]
    assert "test_raises_on_a_marker" in failures(out[1])[0]


def test_check_survives_a_claim_it_cannot_check(pipeline, monkeypatch, tmp_path):
    import extractor.verify.check as check_module
    from extractor.verify.store import Store

    result = pipeline.extract(TRADE_STORY, published="2024-03-21")

    def broken_level(claim, result, store):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(check_module, "_verdict_level", broken_level)
    checked = check_module.check(result, Store(f"sqlite:///{tmp_path}/s.db"))
    levels = [v for v in checked.verdicts if result.claims[[c.id for c in result.claims].index(v.claim)].kind == "trade_value"]
    assert levels and all(v.status == "unverifiable" and "failed" in v.explanation for v in levels)


def test_cli_prints_the_article_and_the_warning(broken_periods, tmp_path):
    from extractor.cli import app

    story = tmp_path / "story.txt"
    story.write_text(TRADE_STORY, encoding="utf-8")
    run = CliRunner().invoke(app, ["extract", str(story), "--published", "2024-03-21"])
    assert run.exit_code == 0, run.output
    result = json.loads(run.stdout)
    assert result["amounts"] and result["periods"] == []
    assert "warning:" in run.stderr and "newsclaims_periods failed" in run.stderr
    assert "Traceback" not in run.stderr and "E109" not in run.stderr


def test_batch_writes_the_article_and_counts_it(broken_periods, tmp_path):
    from extractor.batch.run import run_batch

    corpus = tmp_path / "in.jsonl"
    stories = [TRADE_STORY.replace("12.5%", f"1{i}.5%") for i in range(4)]   # batch skips exact duplicates
    corpus.write_text("".join(json.dumps({"id": f"s{i}", "text": t, "published": "2024-03-21"}) + "\n"
                              for i, t in enumerate(stories)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([corpus], out, workers=1, progress=False)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (summary.written, summary.errors, summary.with_warnings) == (4, 0, 4)
    assert [r["article"]["id"] for r in written] == ["s0", "s1", "s2", "s3"]
    assert "with a component's failure" in summary.line()


def test_service_answers_200_with_the_warning(broken_periods, tmp_path):
    """The worker process runs the same Pipeline.extract; here the pool runs it in this process,
    where the injected fault is."""
    from fastapi.testclient import TestClient

    from extractor.pipeline.extraction import cached_pipeline
    from extractor.serve.app import create_app

    class InProcessPool:
        ready_workers = 1

        def extract(self, article, *, timeout, clean=True, amount_scope="claims"):
            article = dict(article)
            return cached_pipeline(None, amount_scope).extract(article.pop("text"), clean=clean, **article) \
                .model_dump(mode="json", by_alias=True)

        def close(self):
            pass

    app = create_app(f"sqlite:///{tmp_path}/store.db")
    with TestClient(app) as client:
        app.state.pool.close()
        app.state.pool = InProcessPool()
        response = client.post("/v1/extract", json={"text": TRADE_STORY, "published": "2024-03-21"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["amounts"] and body["periods"] == []
    assert any("newsclaims_periods failed" in w for w in body["warnings"])


# ---------------------------------------------------------------- the sweep, its fast part


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), published=st.sampled_from([None, "1900-01-01", "2024-03-21",
                                                                          "2100-12-31"]))
def test_generated_trade_text_never_fails_a_component(rng, published):
    text = generated_text(rng)
    try:
        result = _shared_pipeline().extract(text, published=published)
    except ExtractionError as error:   # only the input error of a text that is all boilerplate
        assert str(error).startswith("article is empty"), text
        return
    assert failures(result) == [], (text, result.warnings)


_PIPELINE = []


def _shared_pipeline() -> Pipeline:   # hypothesis tests cannot take function-scoped fixtures
    if not _PIPELINE:
        _PIPELINE.append(Pipeline())
    return _PIPELINE[0]


def test_the_sweep_reports_an_injected_failure(broken_periods):
    report = sweep([SweepText("written", "1", TRADE_STORY, date(2024, 3, 21))], check=False)
    assert report.runs == 8
    assert {f.component for f in report.failures} == {"newsclaims_periods"}
    assert all(f.error.startswith("KeyError") for f in report.failures)


def test_a_sample_of_every_text_we_have_runs_clean():
    """Every 25th benchmark text (every real article when they are materialized) and the
    project's corpus, in both scopes and four publication dates, with the cross-check."""
    texts = [t for i, t in enumerate(benchmark_texts(BENCHMARKS, ROOT / "corpus" / "real" / "texts"))
             if i % 25 == 0 or t.source == "real_articles"] if BENCHMARKS.is_dir() else []
    texts += list(project_corpus_texts(ROOT / "corpus"))
    texts += [SweepText("generated", str(i), generated_text(random.Random(i)), date(2024, 3, 21)) for i in range(50)]
    report = sweep(texts)
    assert report.runs == 8 * len(texts)
    assert report.failures == [], [f"{f.component} {f.error} at {f.where} ({f.source}:{f.id})" for f in report.failures]
