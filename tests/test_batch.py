"""newsclaims batch: errors as lines, duplicates once, kill -9 and resume, workers and Dask equal to one process."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.batch.run import BatchError, run_batch

ROOT = Path(__file__).resolve().parents[1]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def story(i: int) -> dict:
    month = MONTHS[i % 12]
    return {
        "id": f"story-{i:03d}",
        "published": f"2025-{(i % 12) + 1:02d}-28",
        "text": (f"China exported ${100 + i * 3.7:.1f} million worth of goods to North Korea in {month}, "
                 f"according to customs data released on Monday. The figure was {5 + i % 40}% higher "
                 f"than a year earlier, the General Administration of Customs said.\n\n"
                 f"Imports from the North were about ${10 + i % 9} million in {month}, officials said."),
    }


def write_jsonl(path: Path, items) -> None:
    path.write_text("".join(json.dumps(a) + "\n" for a in items), encoding="utf-8")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def by_id(path: Path) -> dict[str, dict]:
    result = {}
    for obj in lines(path):
        assert obj["article"]["id"] not in result, f"{obj['article']['id']} written twice"
        result[obj["article"]["id"]] = obj
    return result


@pytest.fixture(scope="module")
def corpus60(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus60")
    write_jsonl(d / "stories.jsonl", [story(i) for i in range(60)])
    return d


@pytest.fixture(scope="module")
def reference60(corpus60, tmp_path_factory):
    """The uninterrupted one-process run over the 60 articles."""
    out = tmp_path_factory.mktemp("ref60") / "results.jsonl"
    summary = run_batch([corpus60], out, progress=False)
    assert (summary.written, summary.errors, summary.duplicates) == (60, 0, 0)
    return out


def test_broken_files_among_good_ones_are_error_lines(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = [story(i) for i in range(4)]
    (corpus / "feed.jsonl").write_text(json.dumps(good[0]) + "\n{oops, not json\n" + json.dumps(good[1]) + "\n")
    (corpus / "one.json").write_text(json.dumps(good[2]))
    (corpus / "plain.txt").write_text(good[3]["text"])
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary junk")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out" / "results.jsonl"
    summary = run_batch([corpus], out, progress=False)
    assert (summary.articles, summary.written, summary.errors) == (7, 4, 3)
    written = lines(out)
    assert {r["article"]["id"] for r in written} >= {"story-000", "story-001", "story-002"}
    assert all(r["claims"] for r in written)
    errors = {Path(e["location"]).name: e for e in lines(out.parent / "errors.jsonl")}
    assert set(errors) == {"feed.jsonl:2", "blob.txt", "empty.txt"}
    assert errors["feed.jsonl:2"]["stage"] == "read" and "invalid JSON" in errors["feed.jsonl:2"]["message"]
    assert errors["blob.txt"]["stage"] == "read" and "binary" in errors["blob.txt"]["message"]
    assert errors["empty.txt"]["stage"] == "extract" and "empty" in errors["empty.txt"]["message"]
    assert all(set(e) == {"id", "location", "stage", "message"} for e in errors.values())


def test_identical_articles_are_extracted_once_and_reported(tmp_path):
    a = story(1)
    (tmp_path / "a.json").write_text(json.dumps(a))
    (tmp_path / "b.txt").write_text("\n" + a["text"] + "\n")      # same clean text, no id
    (tmp_path / "c.json").write_text(json.dumps({**a, "id": "other-id"}))
    out = tmp_path / "results.jsonl"
    summary = run_batch([tmp_path / "a.json", tmp_path / "b.txt", tmp_path / "c.json"], out, progress=False,
                        duplicates_path=tmp_path / "dups.jsonl")
    assert (summary.written, summary.duplicates) == (1, 2)
    assert [r["article"]["id"] for r in lines(out)] == ["story-001"]
    dups = lines(tmp_path / "dups.jsonl")
    assert [d["duplicate_of"] for d in dups] == ["story-001", "story-001"]
    assert [Path(d["location"]).name for d in dups] == ["b.txt", "c.json"]


def test_resume_truncates_a_torn_last_line_and_finishes(corpus60, reference60, tmp_path):
    out = tmp_path / "results.jsonl"
    ref = reference60.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(ref[:7]) + ref[7][: len(ref[7]) // 2])     # killed mid-write
    summary = run_batch([corpus60], out, resume=True, progress=False)
    assert summary.skipped == 7 and summary.written == 53
    assert out.read_bytes() == reference60.read_bytes()


def test_kill_9_mid_run_then_resume_gives_each_article_once(corpus60, reference60, tmp_path):
    out = tmp_path / "results.jsonl"
    cmd = [sys.executable, "-m", "extractor.cli.batch", str(corpus60), "--out", str(out),
           "--workers", "2", "--chunk-size", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > 0:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
        os.killpg(proc.pid, signal.SIGKILL)       # the parent and its worker processes
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    partial = len(out.read_bytes().splitlines())
    assert partial < 60, "the kill came after the end"
    summary = run_batch([corpus60], out, resume=True, progress=False)     # the model is loaded here already
    assert summary.skipped >= partial - 1 and summary.written == 60 - summary.skipped
    got, want = by_id(out), by_id(reference60)
    assert got.keys() == want.keys() and len(got) == 60
    assert got == want
    assert out.read_bytes() == reference60.read_bytes()      # and in input order


def test_dask_local_cluster_with_two_workers_equals_one_process(tmp_path):
    pytest.importorskip("distributed")
    from test_inputs import PAGE, _warc   # web pages go through trafilatura on the workers

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "a-ten.jsonl", [story(i) for i in range(100, 110)])
    (corpus / "b-page.html").write_text(PAGE, encoding="utf-8")
    _warc(corpus / "c-crawl.warc.gz", [
        ("https://news.example/a", "200 OK", "text/html", PAGE.replace("271.2", "13.5").encode()),
        ("https://news.example/b", "200 OK", "text/html", b"<html><body></body></html>"),
        ("https://news.example/c", "200 OK", "text/html", PAGE.encode()),    # a copy of b-page.html
    ])
    single, cluster = tmp_path / "single.jsonl", tmp_path / "cluster.jsonl"
    run_batch([corpus], single, progress=False)
    summary = run_batch([corpus], cluster, dask="local:2", chunk_size=3, progress=False,
                        errors_path=tmp_path / "cluster-errors.jsonl",
                        duplicates_path=tmp_path / "cluster-dups.jsonl")
    assert (summary.written, summary.errors, summary.duplicates) == (12, 1, 1)
    assert cluster.read_bytes() == single.read_bytes()
    assert lines(tmp_path / "cluster-dups.jsonl") == lines(tmp_path / "duplicates.jsonl")


def test_check_adds_verdicts_and_db_stores_them(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(story(8)) + "\n")
    db = f"sqlite:///{tmp_path / 'figures.db'}"
    out = tmp_path / "results.jsonl"
    summary = run_batch([tmp_path / "a.jsonl"], out, check=True, db=db, progress=False)
    assert summary.written == 1 and summary.errors == 0
    [result] = lines(out)
    assert result["verdicts"], "a trade claim gets a verdict"
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(db)
    tables = inspect(engine).get_table_names()
    with engine.connect() as conn:
        stored = [t for t in tables if "claim" in t and conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()]
    assert stored, "claims were stored"


def test_library_refuses_bad_arguments(tmp_path):
    with pytest.raises(BatchError):
        run_batch([tmp_path], tmp_path / "o.jsonl", workers=0)
    with pytest.raises(BatchError):
        run_batch([tmp_path], tmp_path / "o.jsonl", workers=2, dask="local:2")


def test_amount_scope_reaches_the_workers(tmp_path):
    corpus = tmp_path / "c.jsonl"
    extra = {"id": "crowd", "published": "2025-05-02",
             "text": "Thousands of traders and a 61-year-old broker watched China's exports rise 4% in April."}
    write_jsonl(corpus, [story(1), extra])
    run_batch([corpus], tmp_path / "claims.jsonl", workers=2, progress=False)
    run_batch([corpus], tmp_path / "all.jsonl", workers=2, progress=False, amount_scope="all")
    claims, every = lines(tmp_path / "claims.jsonl"), lines(tmp_path / "all.jsonl")
    assert [a["text"] for a in claims[1]["amounts"]] == ["4%"]
    assert [a["unit"] for a in every[1]["amounts"]] == ["count", "year_of_age", "percent"]
    assert claims[0]["amounts"] == every[0]["amounts"]   # the trade story has nothing more to add
    with pytest.raises(BatchError, match="amount_scope"):
        run_batch([corpus], tmp_path / "x.jsonl", amount_scope="most", progress=False)


# -- the command ------------------------------------------------------------------------------

def _cli():
    import typer

    from extractor.cli.batch import batch_command

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(batch_command)
    return app


def test_cli_bad_arguments_are_one_red_line_and_exit_2(tmp_path):
    runner = CliRunner()
    app = _cli()
    r = runner.invoke(app, [str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2 and "no such file" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, [str(tmp_path), "--out", str(tmp_path / "o.jsonl"), "--workers", "0"])
    assert r.exit_code == 2 and "--workers" in r.output
    (tmp_path / "o.jsonl").write_text('{"x": 1}\n')
    r = runner.invoke(app, [str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2 and "--resume" in r.output


def test_cli_exits_1_past_max_errors_and_prints_a_summary(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text("{bad\n{worse\n" + json.dumps(story(2)) + "\n")
    runner = CliRunner()
    r = runner.invoke(_cli(), [str(corpus), "--out", str(tmp_path / "o.jsonl"), "--max-errors", "1", "--no-progress"])
    assert r.exit_code == 1 and "too many errors" in r.output
    r = runner.invoke(_cli(), [str(corpus), "--out", str(tmp_path / "o.jsonl"), "--overwrite", "--no-progress"])
    assert r.exit_code == 0 and "1 written" in r.output and "2 errors" in r.output


def test_resume_keeps_duplicates_and_errors_exactly_once(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    items = [story(i) for i in range(200, 208)]
    feed = []
    for i, item in enumerate(items):
        feed.append(json.dumps(item))
        if i % 3 == 0:
            feed.append(json.dumps({**item, "id": f"copy-{i}"}))     # a copy of the article just before
        if i % 4 == 1:
            feed.append("{broken")
    (corpus / "feed.jsonl").write_text("\n".join(feed) + "\n")
    ref = tmp_path / "ref" / "results.jsonl"
    full = run_batch([corpus], ref, progress=False, chunk_size=2)
    assert full.duplicates == 3 and full.errors == 2 and full.written == 8
    for cut_out, cut_dups, cut_errs in [(0, 0, 0), (3, 1, 2), (5, 3, 0), (8, 2, 1)]:
        run = tmp_path / f"run-{cut_out}-{cut_dups}-{cut_errs}"
        run.mkdir()
        for name, cut in (("results.jsonl", cut_out), ("duplicates.jsonl", cut_dups), ("errors.jsonl", cut_errs)):
            kept = (ref.parent / name).read_text().splitlines(keepends=True)[:cut]
            (run / name).write_text("".join(kept))
        run_batch([corpus], run / "results.jsonl", resume=True, progress=False, chunk_size=2)
        for name in ("results.jsonl", "duplicates.jsonl", "errors.jsonl"):
            got = sorted((run / name).read_text().splitlines())
            assert got == sorted((ref.parent / name).read_text().splitlines()), (name, cut_out, cut_dups, cut_errs)


def test_progress_lines_on_stderr_when_not_a_terminal(tmp_path, monkeypatch, capsys):
    import extractor.batch.run as batch

    monkeypatch.setattr(batch, "LOG_EVERY", 0.0)
    write_jsonl(tmp_path / "a.jsonl", [story(i) for i in range(300, 304)])
    run_batch([tmp_path / "a.jsonl"], tmp_path / "o.jsonl", progress=True, chunk_size=1)
    err = capsys.readouterr().err
    assert "batch: " in err and "articles/s" in err
