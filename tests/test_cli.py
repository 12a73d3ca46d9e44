"""The command line, run as a user runs it (a subprocess), on files we wrote."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "articles" / "nk-china-trade-2025-09.json"


def newsclaims(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def extracted():
    proc = newsclaims("extract", str(ARTICLE))
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_extract_json_follows_the_contract(extracted):
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    check_contract = pytest.importorskip("check_contract")
    assert check_contract.problems(extracted) == []
    assert any(c["kind"] == "trade_value" for c in extracted["claims"])


def test_stdin_text_with_published_option():
    proc = newsclaims("extract", "-", "--published", "2025-10-21", "--format", "jsonl",
                      stdin="North Korea imported $12 million of rice from China last month.".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["periods"][0]["from"] == "2025-09-01"


def test_amount_scope_all_adds_every_quantity_and_still_follows_the_contract():
    text = "Dozens of boats and 4 tugs left port; a 52-year-old captain said exports fell to $3 million.".encode()
    scoped = {}
    for scope in ("claims", "all"):
        proc = newsclaims("extract", "-", "--published", "2025-10-21", "--amount-scope", scope, stdin=text)
        assert proc.returncode == 0, proc.stderr.decode()
        scoped[scope] = json.loads(proc.stdout)
    assert [a["text"] for a in scoped["claims"]["amounts"]] == ["4 tugs", "$3 million"]
    assert [(a["text"], a["unit"]) for a in scoped["all"]["amounts"]] == [
        ("Dozens of boats", "count"), ("4 tugs", "count"), ("52-year-old", "year_of_age"), ("$3 million", "USD")]
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    check_contract = pytest.importorskip("check_contract")
    assert check_contract.problems(scoped["all"]) == []


def test_table_format_shows_the_claims():
    proc = newsclaims("extract", str(ARTICLE), "--format", "table")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "trade_value" in out and "CHN → PRK" in out


def test_html_format_is_displacys_picture_of_the_article(tmp_path):
    article = {"id": "rice-1", "title": "Rice & wheat shipments", "published": "2025-10-21",
               "text": ("North Korea imported $12 million of rice from China last month, according to "
                        "China's General Administration of Customs.")}
    (tmp_path / "rice.json").write_text(json.dumps(article), encoding="utf-8")
    proc = newsclaims("extract", str(tmp_path / "rice.json"), "--format", "html")
    assert proc.returncode == 0, proc.stderr.decode()
    page = proc.stdout.decode()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "Rice &amp; wheat shipments (published 2025-10-21)</h2>" in page
    for label in ("AMOUNT", "PERIOD", "ACTOR", "SOURCE"):
        assert f"\n        {label}" in page
    assert '<div class="spans"' in page and 'href="#">CHN</a>' in page


def test_schema_is_a_json_schema_with_contract_names():
    proc = newsclaims("schema")
    schema = json.loads(proc.stdout)
    assert {"article", "amounts", "periods", "actors", "sources", "claims"} <= set(schema["properties"])
    assert "from" in schema["$defs"]["Period"]["properties"]


@pytest.mark.parametrize("args, stdin, message", [
    (["extract", "does-not-exist.txt"], None, "no such file"),
    (["extract", "-"], b"", "empty"),
    (["extract", "-"], b"{not json", "<stdin>:1: invalid JSON"),
    (["extract", "-", "--published", "yesterday"], b"Exports rose 5%.", "YYYY-MM-DD"),
    (["extract", "-"], b"\x00\x01\x02\x03", "binary"),
])
def test_bad_input_is_one_clear_line_and_exit_2(args, stdin, message):
    proc = newsclaims(*args, stdin=stdin)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
