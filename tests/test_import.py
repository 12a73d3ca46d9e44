"""Importing figures: the project CSV and UN Comtrade (CSV, JSON), and the figures CLI.

Sample Comtrade files are written here with the API v1 column names (reporterCode,
reporterISO, flowCode, period, cmdCode, primaryValue, …). Store-level tests run on both
backends through ``test_store``'s fixtures.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

import extractor.verify.importers as importers
import extractor.verify.store as store_module
from extractor.verify.importers import ImportFileError, import_file
from extractor.verify.store import Store
from test_store import empty_store, store, store_url  # noqa: F401  (fixtures: both backends; postgres_url is in conftest.py)

ROOT = Path(__file__).resolve().parents[1]
SEED_CSV = ROOT / "corpus" / "customs" / "china_prk_gacc.csv"
HEADER = ",".join(importers.PROJECT_COLUMNS)

COMTRADE_COLUMNS = [
    "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
    "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
    "classificationCode", "cmdCode", "cmdDesc", "customsCode", "motCode", "qtyUnitAbbr", "qty",
    "netWgt", "primaryValue", "isReported", "isAggregate",
]


def comtrade_record(period="202509", flow="X", partner=408, partner_iso="PRK", cmd="TOTAL", value=228_123_456.0,
                    reporter=156, reporter_iso="CHN", **kw) -> dict:
    monthly = len(period) == 6
    record = {
        "typeCode": "C", "freqCode": "M" if monthly else "A", "refPeriodId": int(period + ("01" if monthly else "0101")),
        "refYear": int(period[:4]), "refMonth": int(period[4:]) if monthly else 52, "period": period,
        "reporterCode": reporter, "reporterISO": reporter_iso, "reporterDesc": "China",
        "flowCode": flow, "flowDesc": {"X": "Export", "M": "Import", "RX": "Re-export"}.get(flow, flow),
        "partnerCode": partner, "partnerISO": partner_iso, "partnerDesc": "Dem. People's Rep. of Korea",
        "partner2Code": 0, "classificationCode": "H6", "cmdCode": cmd,
        "cmdDesc": "All Commodities" if cmd == "TOTAL" else "Soya-bean oil", "customsCode": "C00",
        "motCode": 0, "qtyUnitAbbr": "N/A" if cmd == "TOTAL" else "kg", "qty": 0 if cmd == "TOTAL" else 1500,
        "netWgt": None, "primaryValue": value, "isReported": True, "isAggregate": True,
    }
    record.update(kw)
    return record


def write_comtrade_csv(path: Path, records: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COMTRADE_COLUMNS)
        writer.writeheader()
        for r in records:
            writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return path


def write_comtrade_json(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps({"elapsedTime": "0.42 secs", "count": len(records), "data": records, "error": ""}),
                    encoding="utf-8")
    return path


# ---------------------------------------------------------------- the project CSV


def test_seed_csv_imports_and_reimports_to_nothing(empty_store):
    report = import_file(empty_store, SEED_CSV)
    assert (report.added, report.skipped_duplicates) == (195, 0)
    again = import_file(empty_store, SEED_CSV)
    assert (again.added, again.skipped_duplicates) == (0, 195)
    assert empty_store.count_figures() == 195


def test_bad_row_rejects_the_whole_file_with_its_line(empty_store, tmp_path):
    good = SEED_CSV.read_text(encoding="utf-8").splitlines()[1:4]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([HEADER, *good, "CHN,PRK,total,2030-01,2030-01-01,2030-01-31,month,lots,USD,0,,1,,,,GACC,,,,"]) + "\n",
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(empty_store, path)
    assert str(caught.value) == f"{path}: line 5: value: not a number: 'lots'"
    assert empty_store.count_figures() == 0


def test_bad_row_after_many_chunks_leaves_nothing_written(empty_store, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "CHUNK_ROWS", 50)
    lines = [HEADER] + [
        f"CHN,PRK,total,,{y}-{m:02d}-01,{y}-{m:02d}-28,,{i},USD,,,1,,,,GACC,,,," for i, (y, m) in
        enumerate((2100 + k // 12, k % 12 + 1) for k in range(500))
    ]
    lines.append("CHN,PRK,sideways,,2200-01-01,2200-01-31,,1,USD,,,1,,,,GACC,,,,")
    path = tmp_path / "late-error.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"line 502: flow: Input should be 'export', 'import' or 'total'"):
        import_file(empty_store, path)
    assert empty_store.count_figures() == 0


def test_line_numbers_count_quoted_line_breaks(empty_store, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text(
        HEADER + "\n"
        'CHN,PRK,total,2030-01,2030-01-01,2030-01-31,month,5,USD,0,,1,,,,GACC,,,,"a note\nover two lines"\n'
        "CHN,PRK,total,2030-02,2030-02-01,2030-01-31,month,5,USD,0,,1,,,,GACC,,,,\n",
        encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"line 4: to \(2030-01-31\) is before from \(2030-02-01\)"):
        import_file(empty_store, path)


def test_unknown_columns_are_refused(empty_store, tmp_path):
    path = tmp_path / "typo.csv"
    path.write_text(HEADER.replace("hs_code", "hscode") + "\n" + "CHN,PRK,total,,2030-01-01,2030-01-31,,5,,,,,,,,GACC,,,,\n")
    with pytest.raises(ImportFileError, match=r"line 1: unknown column\(s\) hscode"):
        import_file(empty_store, path, format="csv")


def test_list_csv_round_trips(store, tmp_path):
    """`figures list --format csv` writes the project CSV: importing it elsewhere gives the same ids."""
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["id", *importers.PROJECT_COLUMNS])
        writer.writeheader()
        for fig in store.list_figures(all_revisions=True):
            writer.writerow({"id": fig.id, **importers.figure_to_project_row(fig)})
    copy = Store(f"sqlite:///{tmp_path / 'copy.db'}", seed=False)
    assert import_file(copy, path).added == 195
    assert {f.id for f in copy.list_figures(all_revisions=True)} == {f.id for f in store.list_figures(all_revisions=True)}
    copy.close()


# ---------------------------------------------------------------- UN Comtrade


def _comtrade_sample() -> list[dict]:
    return [
        comtrade_record("202509", "X", value=228_123_456.0),
        comtrade_record("202509", "M", value=43_012_345.0),
        comtrade_record("202509", "RX", value=1_000.0),                       # re-exports: skipped
        comtrade_record("202509", "X", value=5_000.0, motCode=2100),          # by transport mode: skipped
        comtrade_record("202509", "X", cmd="1507", value=9_876_543.0),
        comtrade_record("2024", "X", partner=0, partner_iso="W00", value=3_380_000_000_000.0),
    ]


def _check_comtrade_sample(store: Store, report) -> None:
    assert report.added == 4 and report.skipped_duplicates == 0
    assert report.skipped == {"flowCode RX: not M or X": 1, "motCode breakdown: not the cell total": 1}
    sep = (date(2025, 9, 1), date(2025, 9, 30))
    exports = store.cell("CHN", "PRK", "export", *sep)
    assert (exports.value, exports.precision, exports.currency) == (228_123_456.0, 0.5, "USD")
    assert exports.source_name == "UN Comtrade" and exports.granularity == "month" and exports.period == "2025-09"
    assert exports.source_url == ("https://comtradeapi.un.org/public/v1/preview/C/M/HS?reporterCode=156"
                                  "&period=202509&partnerCode=408&flowCode=X&cmdCode=TOTAL")
    assert store.cell("CHN", "PRK", "import", *sep).value == 43_012_345.0
    soy = store.cell("CHN", "PRK", "export", *sep, commodity="1507")
    assert (soy.value, soy.commodity_name, soy.quantity) == (9_876_543.0, "Soya-bean oil", "1500 kg")
    world = store.cell("CHN", "WLD", "export", date(2024, 1, 1), date(2024, 12, 31))
    assert world.granularity == "year" and world.value == 3.38e12


def test_comtrade_json(empty_store, tmp_path):
    path = write_comtrade_json(tmp_path / "comtrade.json", _comtrade_sample())
    _check_comtrade_sample(empty_store, import_file(empty_store, path))
    assert import_file(empty_store, path, format="comtrade").added == 0      # idempotent


def test_comtrade_csv(empty_store, tmp_path):
    path = write_comtrade_csv(tmp_path / "comtrade.csv", _comtrade_sample())
    _check_comtrade_sample(empty_store, import_file(empty_store, path))
    assert import_file(empty_store, path).skipped_duplicates == 4


def test_comtrade_codes_without_iso_columns(empty_store, tmp_path):
    records = [comtrade_record("202501", "M", reporter_iso=None, partner_iso=None, reporter=842, partner=410)]
    for r in records:
        del r["reporterISO"], r["partnerISO"], r["period"]      # refYear/refMonth then say the month
    path = tmp_path / "codes.json"
    path.write_text(json.dumps(records))                        # a bare list of records works too
    assert import_file(empty_store, path).added == 1
    assert empty_store.cell("USA", "KOR", "import", date(2025, 1, 1), date(2025, 1, 31)) is not None


def test_comtrade_unknown_country_code_rejects_the_file(empty_store, tmp_path):
    records = [comtrade_record("202509"), comtrade_record("202509", reporter=999, reporter_iso=None)]
    path = write_comtrade_csv(tmp_path / "unknown.csv", records)
    with pytest.raises(ImportFileError, match=r"line 3: unknown reporterCode 999: add it to extractor/data/comtrade_countries.json"):
        import_file(empty_store, path)
    json_path = write_comtrade_json(tmp_path / "unknown.json", records)
    with pytest.raises(ImportFileError, match=r"record 2 \(line 1\): unknown reporterCode 999"):
        import_file(empty_store, json_path)
    assert empty_store.count_figures() == 0


def test_comtrade_json_error_response(empty_store, tmp_path):
    path = tmp_path / "error.json"
    path.write_text('{"elapsedTime": "0.1 secs", "count": 0, "data": null, "error": "Invalid subscription key"}')
    with pytest.raises(ImportFileError, match='no "data" array; the response says: Invalid subscription key'):
        import_file(empty_store, path)


def test_comtrade_json_is_read_across_buffer_boundaries(empty_store, tmp_path, monkeypatch):
    monkeypatch.setattr(importers._JsonStream, "CHUNK", 37)      # records and numbers split between reads
    records = [comtrade_record(f"20{y:02d}{m:02d}", value=1_000_000.0 + y * 100 + m)
               for y in range(10, 20) for m in range(1, 13)]
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps({"count": len(records), "data": records}, indent=2))
    assert import_file(empty_store, path).added == 120
    assert empty_store.cell("CHN", "PRK", "export", date(2019, 12, 1), date(2019, 12, 31)).value == 1_001_912.0


def test_truncated_json_is_one_clear_error(empty_store, tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps({"data": [comtrade_record("202509")] * 3})[:-40])
    with pytest.raises(ImportFileError, match=r"record 3 \(line 1\): invalid JSON"):
        import_file(empty_store, path)
    assert empty_store.count_figures() == 0


def test_format_that_cannot_be_told(empty_store, tmp_path):
    path = tmp_path / "what.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(ImportFileError, match="cannot tell the format"):
        import_file(empty_store, path)


# ---------------------------------------------------------------- constant memory


def _peak_import_memory(tmp_path: Path, rows: int, kind: str) -> int:
    records = (comtrade_record(f"{1900 + i // 1200}{(i // 100) % 12 + 1:02d}", cmd=f"{i % 100:04d}", value=float(i))
               for i in range(rows))
    path = tmp_path / f"big-{rows}.{kind}"
    if kind == "csv":
        write_comtrade_csv(path, list(records))
    else:
        with open(path, "w", encoding="utf-8") as f:     # written record by record, like a real export
            f.write('{"count": %d, "data": [' % rows)
            for i, r in enumerate(records):
                f.write(("," if i else "") + json.dumps(r))
            f.write("]}")
    s = Store(f"sqlite:///{tmp_path / f'big-{rows}-{kind}.db'}", seed=False)
    tracemalloc.start()
    try:
        report = import_file(s, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        s.close()
    assert report.added == rows
    return peak


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_import_memory_does_not_grow_with_the_file(tmp_path, monkeypatch, kind):
    """Peak Python memory while importing 4× the rows (40× the chunk size) stays the same."""
    monkeypatch.setattr(store_module, "CHUNK_ROWS", 400)
    small = _peak_import_memory(tmp_path, 4_000, kind)
    large = _peak_import_memory(tmp_path, 16_000, kind)
    assert large < small * 1.25 + 256 * 1024, (small, large)
    assert large < 16 * 1024 * 1024


# ---------------------------------------------------------------- the CLI


def _figures_cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    """Run the figures commands as a user does: mounted under `newsclaims` when the main CLI has them."""
    from extractor.cli import app

    mounted = any(group.name == "figures" for group in app.registered_groups)
    command = ["-m", "extractor.cli", "figures"] if mounted else ["-m", "extractor.cli.figures"]
    env = {k: v for k, v in os.environ.items() if k != "NEWSCLAIMS_DB"}
    return subprocess.run([sys.executable, *command, *args, "--db", str(db)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_cli_list_show_import(tmp_path):
    db = tmp_path / "cli.db"
    listed = _figures_cli("list", "--reporter", "CHN", "--partner", "PRK", "--flow", "total",
                          "--from", "2025-03", "--to", "2025-03", "--format", "json", db=db)
    assert listed.returncode == 0, listed.stderr
    [march] = json.loads(listed.stdout)
    assert (march["value"], march["revision"], march["from"]) == (238_200_000.0, 2, "2025-03-01")

    jsonl = _figures_cli("list", "--from", "2025-03", "--to", "2025-03", "--all-revisions", "--format", "jsonl", db=db)
    assert [json.loads(line)["revision"] for line in jsonl.stdout.splitlines()] == [1, 2]

    table = _figures_cli("list", "--from", "2025-09", "--to", "2025-09", "--format", "table", db=db)
    assert table.returncode == 0 and "271,000,000" in table.stdout and march["id"] not in table.stdout

    shown = _figures_cli("show", march["id"], db=db)
    assert shown.returncode == 0 and json.loads(shown.stdout) == march

    comtrade = write_comtrade_json(tmp_path / "comtrade.json", _comtrade_sample())
    imported = _figures_cli("import", str(comtrade), db=db)
    assert imported.returncode == 0, imported.stderr
    assert "4 added, 0 already in the store, 1 skipped (flowCode RX: not M or X)" in imported.stdout
    again = _figures_cli("import", str(comtrade), "--format", "comtrade", db=db)
    assert "0 added, 4 already in the store" in again.stdout

    exported = _figures_cli("list", "--format", "csv", "--all-revisions", db=db)
    assert exported.stdout.splitlines()[0] == "id," + HEADER
    assert len(exported.stdout.splitlines()) == 1 + 195 + 4


@pytest.mark.parametrize("args, message", [
    (["show", "no-such-id"], "no figure with id 'no-such-id'"),
    (["import", "missing.csv"], "missing.csv: no such file (nothing imported)"),
    (["list", "--from", "next year"], "--from 'next year': give a year (2025)"),
    (["list", "--flow", "sideways"], "--flow 'sideways': use export, import or total"),
])
def test_cli_errors_are_one_line(tmp_path, args, message):
    result = _figures_cli(*args, db=tmp_path / "cli.db")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {message}"] or (
        len(result.stderr.strip().splitlines()) == 1 and message in result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_cli_bad_row_is_one_line_and_nothing_imported(tmp_path):
    db = tmp_path / "cli.db"
    garbled = {**comtrade_record("202510"), "period": "2025x1"}
    bad = write_comtrade_csv(tmp_path / "bad.csv", [comtrade_record("202509"), garbled])
    result = _figures_cli("import", str(bad), db=db)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {bad}: line 3: period: not YYYYMM or YYYY: '2025x1' (nothing imported)"
    store = Store(str(db))
    assert store.count_figures() == 195        # the seed only
    store.close()


# ---------------------------------------------------------------- the streaming JSON reader

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

json_scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | \
    st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
json_records = st.dictionaries(st.text(max_size=8), st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6), max_size=5)


@settings(max_examples=60, deadline=None)
@given(records=st.lists(json_records, max_size=8), chunk=st.integers(1, 50), indent=st.sampled_from([None, 1]),
       wrapped=st.booleans())
def test_streamed_records_equal_json_loads(tmp_path_factory, records, chunk, indent, wrapped):
    """Whatever the buffer size, the incremental reader yields exactly what json.loads reads."""
    path = tmp_path_factory.mktemp("json") / "records.json"
    document = {"elapsedTime": "1 sec", "data": records, "count": len(records)} if wrapped else records
    path.write_text(json.dumps(document, indent=indent, ensure_ascii=False), encoding="utf-8")
    original = importers._JsonStream.CHUNK
    importers._JsonStream.CHUNK = chunk
    try:
        streamed = [record for _, record in importers._json_records(path)]
    finally:
        importers._JsonStream.CHUNK = original
    assert streamed == records


def test_currency_must_be_an_iso_code(empty_store, tmp_path):
    path = tmp_path / "lower.csv"
    path.write_text(HEADER + "\nCHN,PRK,total,,2030-01-01,2030-01-31,,5,usd,,,1,,,,GACC,,,,\n")
    with pytest.raises(ImportFileError, match=r"line 2: currency: not an ISO 4217 code \(USD, CNY\): 'usd'"):
        import_file(empty_store, path)
