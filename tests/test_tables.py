"""Results as flat tables: the rows of real checks of articles we wrote, written as Parquet and CSV
(library, `newsclaims export --table`, `newsclaims batch --table`) and read back with pyarrow,
DuckDB and the csv module against the JSON results they came from."""
from __future__ import annotations

import csv
import gzip
import json
import re
from datetime import date
from pathlib import Path

import duckdb            # the test extras' (a researcher's reader); pyarrow is a dependency
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extractor.batch.run import run_batch
from extractor.batch.tables import (LIST_SEPARATOR, TABLES, TableError, TableWriter, column_docs, column_types,
                                    columns_markdown, read_results, table_columns, table_rows, write_table)
from extractor.cli.main import app
from extractor.verify.check import check
from extractor.verify.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Written for these tests. In the seeded customs figures China's total trade with North Korea was
# $2.3 billion in 2023 and $2.18 billion in 2024, so the first paragraph is supported, the third
# paragraph's 2024 figure is wrong; no figures are stored for Russia, so the second is unverifiable.
TRADE = {
    "id": "tables-trade", "url": "https://news.example.org/2025/02/trade", "title": "Trade, in figures",
    "outlet": "Example Daily", "published": "2025-02-11",
    "text": ("China and North Korea traded goods worth $2.3 billion in 2023, according to China's customs "
             "data cited by Example Wire.\n\n"
             "North Korea bought about $40 million of goods from Russia in 2024, by one estimate.\n\n"
             "Trade between China and North Korea reached $2.9 billion in 2024, officials said, calling it "
             "\"a record, by far\"."),
}
# Same outlet, another month: the README's "claims per outlet and month" has two groups for it.
LATER = {
    "id": "tables-later", "outlet": "Example Daily", "published": "2025-03-04",
    "text": "China exported goods worth more than $100 million to North Korea in January, customs data showed.",
}
NO_CLAIMS = {
    "id": "tables-no-claims", "outlet": "Example Weekly", "published": "2025-02-20",
    "text": "The town's library will open on Sundays from next spring, the council decided after a long debate.",
}
# No publication date: "last month" stays unresolved and the result has a warning.
UNDATED = {
    "id": "tables-undated", "outlet": "Example Weekly",
    "text": "North Korea's imports from China fell 12% last month from a year earlier, customs data showed.",
}

runner = CliRunner()


@pytest.fixture(scope="module")
def results(pipeline, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('tables') / 'store.db'}"
    with Store(db) as store:   # seeds itself from corpus/customs
        return [check(pipeline.extract(**a), store).model_dump(mode="json")
                for a in (TRADE, LATER, NO_CLAIMS, UNDATED)]


@pytest.fixture(scope="module")
def results_file(results, tmp_path_factory):
    path = tmp_path_factory.mktemp("results") / "results.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    return path


def by_id(results, article_id):
    return next(r for r in results if r["article"]["id"] == article_id)


def test_the_articles_give_what_the_tests_rely_on(results):
    trade, later, none, undated = results
    assert {v["status"] for v in trade["verdicts"]} >= {"supported", "contradicted", "unverifiable"}
    assert later["claims"] and none["claims"] == [] and none["warnings"] == []
    assert undated["claims"] and len(undated["warnings"]) == 1 and undated["article"]["published"] is None
    assert any(len(c["sources"]) >= 2 for c in trade["claims"])


# -- the claims table in Parquet, against the JSON ------------------------------------------------

def expected_claim(result, claim):
    """The row a claim should have, computed from the JSON here (not by the module under test)."""
    a, amounts, periods, sources = result["article"], result["amounts"], result["periods"], result["sources"]
    amount = amounts[claim["amount"]] if claim["amount"] is not None else {}
    period = periods[claim["period"]] if claim["period"] is not None else {}
    verdict = next((v for v in result["verdicts"] if v["claim"] == claim["id"]), None)
    trade = claim.get("trade") or {}
    day = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    return {
        "article_id": a["id"], "url": a.get("url"), "title": a.get("title"), "outlet": a["outlet"],
        "published": day(a["published"]), "claim_id": claim["id"], "claim_kind": claim["kind"],
        "claim_sentence": claim["sentence"], "claim_start": claim["start"], "claim_end": claim["end"],
        "amount_index": claim["amount"], "amount_text": amount.get("text"), "amount_value": amount.get("value"),
        "amount_unit": amount.get("unit"), "amount_bound": amount.get("bound"), "amount_low": amount.get("low"),
        "amount_high": amount.get("high"), "amount_precision": amount.get("precision"),
        "amount_change": amount.get("change"),
        "period_index": claim["period"], "period_text": period.get("text"), "period_from": day(period.get("from")),
        "period_to": day(period.get("to")), "period_granularity": period.get("granularity"),
        "period_relative": period.get("relative"), "period_duration": period.get("duration"),
        "period_bound": period.get("bound"),
        "trade_flow": trade.get("flow"), "trade_from": trade.get("from"), "trade_to": trade.get("to"),
        "trade_between": trade.get("between"), "trade_commodity": trade.get("commodity"),
        "trade_basis": trade.get("basis"), "comparison_relation": (claim.get("comparison") or {}).get("relation"),
        "source_names": [sources[i]["name"] for i in claim["sources"]],
        "source_types": [sources[i]["type"] for i in claim["sources"]],
        "verdict_status": verdict and verdict["status"], "verdict_claimed": verdict and verdict["claimed"],
        "verdict_expected": verdict and verdict["expected"], "verdict_unit": verdict and verdict["unit"],
        "verdict_figures": verdict and verdict["figures"], "warning_count": len(result["warnings"]),
    }


def test_claims_parquet_has_one_typed_row_per_claim_as_in_the_json(results, results_file, tmp_path):
    path = tmp_path / "claims.parquet"
    summary = write_table(read_results(results_file), path)
    assert (summary.articles, summary.rows) == (4, sum(len(r["claims"]) for r in results))
    table = pq.read_table(path)
    types = {f.name: f.type for f in table.schema}
    assert types["published"] == pa.date32() and types["period_from"] == pa.date32()
    assert types["amount_value"] == pa.float64() and types["verdict_expected"] == pa.float64()
    assert types["source_names"] == pa.list_(pa.string()) and types["trade_between"] == pa.list_(pa.string())
    assert types["claim_start"] == pa.int32() and types["period_relative"] == pa.bool_()
    assert table.schema.field("amount_precision").metadata[b"description"].startswith(b"half a unit")
    want = [expected_claim(r, c) for r in results for c in r["claims"]]
    assert table.to_pylist() == want
    rows = table.to_pylist()
    assert not [r for r in rows if r["article_id"] == NO_CLAIMS["id"]]      # no claim, no row
    undated = [r for r in rows if r["article_id"] == UNDATED["id"]]
    assert undated and all(r["published"] is None and r["warning_count"] == 1 for r in undated)
    assert {r["verdict_status"] for r in rows} >= {"supported", "contradicted", "unverifiable"}


def test_the_article_with_no_claims_has_its_row_in_the_articles_table(results, results_file, tmp_path):
    write_table(read_results(results_file), tmp_path / "articles.parquet", rows="articles")
    rows = {r["article_id"]: r for r in pq.read_table(tmp_path / "articles.parquet").to_pylist()}
    assert list(rows) == [TRADE["id"], LATER["id"], NO_CLAIMS["id"], UNDATED["id"]]
    assert rows[NO_CLAIMS["id"]]["claim_count"] == 0 and rows[NO_CLAIMS["id"]]["published"] == date(2025, 2, 20)
    assert rows[UNDATED["id"]]["warnings"] == by_id(results, UNDATED["id"])["warnings"]
    for r in results:
        row = rows[r["article"]["id"]]
        assert (row["claim_count"], row["amount_count"], row["period_count"], row["source_count"],
                row["verdict_count"], row["warning_count"]) == tuple(
            len(r[k]) for k in ("claims", "amounts", "periods", "sources", "verdicts", "warnings"))


def test_duckdb_reads_the_types_and_answers_claims_per_outlet_and_month(results, results_file, tmp_path):
    path = tmp_path / "claims.parquet"
    write_table(read_results(results_file), path)
    con = duckdb.connect()
    described = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert (described["published"], described["amount_value"], described["source_names"],
            described["claim_end"], described["period_relative"]) == ("DATE", "DOUBLE", "VARCHAR[]", "INTEGER",
                                                                     "BOOLEAN")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = re.search(r'duckdb\.sql\("""(.*?)"""\)', readme, re.S).group(1)     # the README's example
    got = con.execute(query.replace("'claims.parquet'", f"'{path}'")).fetchall()
    want: dict = {}
    for r in results:
        month = r["article"]["published"][:7] if r["article"]["published"] else None
        if r["claims"]:
            key = (r["article"]["outlet"], month)
            want[key] = want.get(key, 0) + len(r["claims"])
    assert sorted(got, key=str) == sorted(((o, m, n) for (o, m), n in want.items()), key=str)
    assert ("Example Daily", "2025-02", len(by_id(results, TRADE["id"])["claims"])) in got
    customs_first = con.execute(f"SELECT count(*) FROM '{path}' WHERE source_types[1] = 'data_source'").fetchone()
    assert customs_first[0] == sum(1 for r in results for c in r["claims"]
                                   if c["sources"] and r["sources"][c["sources"][0]]["type"] == "data_source")


# -- CSV ---------------------------------------------------------------------------------------

def test_csv_has_a_header_rfc4180_quoting_and_the_parquet_values(results, results_file, tmp_path):
    write_table(read_results(results_file), tmp_path / "claims.csv")
    write_table(read_results(results_file), tmp_path / "claims.parquet")
    raw = (tmp_path / "claims.csv").read_bytes()
    assert raw.count(b"\r\n") >= 1 + sum(len(r["claims"]) for r in results)     # CRLF record ends
    assert b'calling it ""a record, by far"".' in raw      # a quote inside a quoted field is doubled
    with open(tmp_path / "claims.csv", newline="", encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    assert header == table_columns("claims")
    parquet = pq.read_table(tmp_path / "claims.parquet").to_pylist()
    assert len(rows) == len(parquet)
    types = column_types()
    for line, row in zip(rows, parquet):
        for column, cell in zip(header, line):
            value = row[column]
            if value is None:
                assert cell == "", column
            elif types[column] == "list<string>":
                assert cell.split(LIST_SEPARATOR) == value or (cell == "" and value == []), column
            elif types[column] == "float64":
                assert float(cell) == value, column
            elif types[column] == "bool":
                assert cell == str(value).lower(), column
            else:
                assert cell == str(value), column      # dates ISO, ints, text (newlines kept) as they are
    assert any("\n" in r["claim_sentence"] for r in parquet)    # a quoted field over several lines read back


# -- the other tables ----------------------------------------------------------------------------

def test_amounts_periods_sources_and_verdicts_have_a_row_each_and_the_claims_using_them(results):
    for r in results:
        keys = {"article_id": r["article"]["id"], "outlet": r["article"]["outlet"]}
        amounts, periods = table_rows(r, "amounts"), table_rows(r, "periods")
        sources, verdicts = table_rows(r, "sources"), table_rows(r, "verdicts")
        assert [a["amount_value"] for a in amounts] == [a["value"] for a in r["amounts"]]
        assert [(p["period_text"], p["period_value"]) for p in periods] == [(p["text"], p["value"]) for p in r["periods"]]
        assert [s["source_name"] for s in sources] == [s["name"] for s in r["sources"]]
        assert [(v["claim_id"], v["verdict_status"], v["verdict_explanation"]) for v in verdicts] == [
            (v["claim"], v["status"], v["explanation"]) for v in r["verdicts"]]
        for row in amounts + periods + sources + verdicts:
            assert {k: row[k] for k in keys} == keys
        for claim in r["claims"]:
            if claim["amount"] is not None:
                assert claim["id"] in amounts[claim["amount"]]["claim_ids"]
            for i in claim["sources"]:
                assert claim["id"] in sources[i]["claim_ids"]
        used = {claim["id"] for claim in r["claims"] for _ in claim["sources"]}
        assert {c for s in sources for c in s["claim_ids"]} == used


def test_every_builder_gives_exactly_its_tables_columns(results):
    for rows in TABLES:
        built = [row for r in results for row in table_rows(r, rows)]
        assert built and all(set(row) == set(table_columns(rows)) for row in built), rows


def test_parquet_rows_go_out_in_row_groups_as_they_come(results, results_file, tmp_path):
    n = sum(len(r["claims"]) for r in results)
    write_table(read_results(results_file), tmp_path / "small.parquet", row_group_rows=2)
    write_table(read_results(results_file), tmp_path / "one.parquet")
    small = pq.ParquetFile(tmp_path / "small.parquet")
    assert small.metadata.num_row_groups >= n // 2 and pq.ParquetFile(tmp_path / "one.parquet").metadata.num_row_groups == 1
    assert small.read().equals(pq.read_table(tmp_path / "one.parquet"))


def test_a_failed_write_leaves_the_previous_table_and_no_partial_file(results, tmp_path):
    path = tmp_path / "claims.parquet"
    write_table(results[:1], path)
    before = path.read_bytes()
    bad = json.loads(json.dumps(results[1]))
    bad["article"]["published"] = "11 February"
    with pytest.raises(TableError, match="tables-later: published is not a date"):
        write_table([results[2], bad], path)
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]
    with TableWriter(path, "verdicts") as writer:
        writer.write(results[0])
        assert path.read_bytes() == before     # the new table takes the name only when it is complete
    assert pq.read_table(path).num_rows == len(results[0]["verdicts"])


# -- reading results --------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["jsonl", "object", "list", "gz"])
def test_results_are_read_from_json_lines_one_object_a_list_or_gzip(results, tmp_path, layout):
    path = tmp_path / f"results.{layout}"
    if layout == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in results) + "\n\n", encoding="utf-8")
        want = results
    elif layout == "object":      # `newsclaims check --format json`: indented
        path.write_text(json.dumps(results[0], indent=2), encoding="utf-8")
        want = results[:1]
    elif layout == "list":
        path.write_text(json.dumps(results), encoding="utf-8")
        want = results
    else:
        path = tmp_path / "results.jsonl.gz"
        path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in results).encode()))
        want = results
    assert list(read_results(path)) == want


@pytest.mark.parametrize("content, message", [
    ('{"article": {"id": "a"}}\n{oops\n', "results.jsonl:2 is not a JSON line"),
    ('{"text": "an article, not a result"}\n', "results.jsonl:1 is not a result"),
    ('[{"article": {"id": "a"}}, 3]', "item 2 is not a result"),
    ('{"article": \n', "neither JSON nor JSON lines"),
])
def test_bad_results_files_say_where(tmp_path, content, message):
    path = tmp_path / "results.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError, match=re.escape(message)):
        list(read_results(path))


# -- newsclaims export --table -----------------------------------------------------------------

def export(*args):
    return runner.invoke(app, ["export", *args])


def test_export_table_from_files_by_suffix_or_format(results, results_file, tmp_path):
    run = export("--table", str(tmp_path / "claims.parquet"), str(results_file))
    assert run.exit_code == 0, run.output
    assert f"claims table: {sum(len(r['claims']) for r in results)} rows from 4 articles" in run.stderr
    assert pq.read_table(tmp_path / "claims.parquet").to_pylist() == [
        expected_claim(r, c) for r in results for c in r["claims"]]
    run = export("-t", str(tmp_path / "verdicts.txt"), "--format", "csv", "--rows", "verdicts",
                 "--article", TRADE["id"], str(results_file))
    assert run.exit_code == 0, run.output
    with open(tmp_path / "verdicts.txt", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["claim_id"] for r in rows] == [v["claim"] for v in results[0]["verdicts"]]
    run = export("--table", "-", "--rows", "sources", str(results_file))       # CSV on stdout
    assert run.exit_code == 0, run.output
    assert run.stdout.splitlines()[0] == ",".join(table_columns("sources"))
    assert len(run.stdout.splitlines()) == 1 + sum(len(r["sources"]) for r in results)


def test_export_table_from_the_store(results, tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with Store(db) as store:
        for r in results:
            store.save_check(r)
    run = export("--table", str(tmp_path / "periods.parquet"), "--rows", "periods", "--db", db)
    assert run.exit_code == 0, run.output
    rows = pq.read_table(tmp_path / "periods.parquet").to_pylist()
    assert sorted((r["article_id"], r["period_index"]) for r in rows) == sorted(
        (r["article"]["id"], i) for r in results for i in range(len(r["periods"])))
    run = export("--table", str(tmp_path / "one.csv"), "--db", db, "--article", UNDATED["id"])
    assert run.exit_code == 0, run.output
    assert "rows from 1 articles" in run.stderr


@pytest.mark.parametrize("args, message", [
    (["--table", "claims.xlsx", "R"], "name it .parquet or .csv"),
    (["--table", "claims.parquet", "--format", "jsonl", "R"], "a table is parquet or csv, not jsonl"),
    (["--table", "claims.parquet", "--claimreview", "R"], "give --claimreview or --table, not both"),
    (["--table", "claims.parquet", "--review-url", "https://x/{claim}", "R"], "--review-url is a ClaimReview option"),
    (["--table", "-", "--format", "parquet", "R"], "only a CSV table can go to stdout"),
    (["--format", "csv", "R"], "csv is a table format: add --table FILE"),
    (["--rows", "amounts", "R"], "--rows chooses the rows of a table"),
    (["--table", "claims.csv", "--article", "nobody", "R"], "no article 'nobody' in"),
])
def test_export_table_mistakes_are_one_line_exit_2_and_no_file(results_file, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    run = export(*[str(results_file) if a == "R" else a for a in args])
    assert run.exit_code == 2, run.output
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("claims")]


# -- newsclaims batch --table --------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("tables-corpus")
    (d / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in (TRADE, LATER, NO_CLAIMS, UNDATED)),
                                      encoding="utf-8")
    return d


def test_batch_writes_the_table_of_its_output_in_the_same_run(corpus, tmp_path):
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--table", str(tmp_path / "amounts.csv"),
                              "--rows", "amounts", "--no-progress"])
    assert run.exit_code == 0, run.output
    write_table(read_results(out), tmp_path / "from-out.csv", rows="amounts")
    assert (tmp_path / "amounts.csv").read_bytes() == (tmp_path / "from-out.csv").read_bytes()
    assert not list(tmp_path.glob("*.partial"))


def test_batch_resume_rebuilds_the_table_from_the_output_and_adds_the_rest(corpus, tmp_path):
    out, table = tmp_path / "results.jsonl", tmp_path / "claims.parquet"
    run_batch([corpus], out, progress=False, table=table)
    whole = pq.read_table(table)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + lines[1][:40])          # killed after one article, mid-line
    table.unlink()
    summary = run_batch([corpus], out, resume=True, progress=False, table=table)
    assert (summary.skipped, summary.written) == (1, 3)
    assert pq.read_table(table).equals(whole)


# -- the README --------------------------------------------------------------------------------

def test_readme_documents_every_column_once_as_the_columns_file_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- table-columns:start -->\n")[1].split("<!-- table-columns:end -->")[0]
    assert block == columns_markdown(), "regenerate with: python -m extractor.batch.tables README.md"
    documented = re.findall(r"^\| `(\w+)` \|", block, re.M)
    assert sorted(documented) == sorted(column_docs()) and len(documented) == len(set(documented))
    assert all(any(c in table_columns(t) for t in TABLES) for c in documented)
