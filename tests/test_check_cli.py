"""`newsclaims check` and `newsclaims claims` as a user runs them, on a temporary store."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = ROOT / "corpus" / "articles" / "trade-claims-showcase.json"


def newsclaims(*args, db):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args, "--db", db], capture_output=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('cli-store') / 'store.db'}"


@pytest.fixture(scope="module")
def checked(db):
    proc = newsclaims("check", str(SHOWCASE), db=db)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_check_fills_verdicts_with_figures_and_sources(checked):
    statuses = {v["status"] for v in checked["verdicts"]}
    assert {"supported", "close", "contradicted", "unverifiable"} <= statuses
    for v in checked["verdicts"]:
        assert v["explanation"].endswith(".")
        if v["status"] in {"supported", "close", "contradicted"}:
            assert v["figures"] and all(e["source_url"] for e in v["evidence"])


def test_fail_on_contradicted_exits_1(db):
    proc = newsclaims("check", str(SHOWCASE), "--fail-on", "contradicted", "--format", "table", db=db)
    assert proc.returncode == 1
    assert "contradicted" in proc.stdout.decode()
    bad = newsclaims("check", str(SHOWCASE), "--fail-on", "wrong", db=db)
    assert bad.returncode == 2 and "--fail-on takes" in bad.stderr.decode()


def test_stored_checks_answer_contradicted_claims_about_prk(checked, db):
    proc = newsclaims("claims", "--status", "contradicted", "--actor", "PRK", "--from", "2017-01-01",
                      "--to", "2025-12-31", "--format", "json", db=db)
    rows = json.loads(proc.stdout)
    contradicted = {v["claim"] for v in checked["verdicts"] if v["status"] == "contradicted"}
    assert rows and {r["claim_id"] for r in rows} <= contradicted
    assert all(r["status"] == "contradicted" and "PRK" in r["actors"] for r in rows)


def test_audit_lists_the_checks_the_cli_stored_and_who_ran_them(checked, db):
    import getpass

    article_id = checked["article"]["id"]
    proc = newsclaims("audit", "--article", article_id, "--format", "json", db=db)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = json.loads(proc.stdout)
    # The module's first check stored version 1; re-checking the same file added nothing.
    assert [(r["action"], r["version"]) for r in rows] == [("check_stored", 1)]
    assert rows[0]["who"] == f"cli:{getpass.getuser()}"
    table = newsclaims("audit", "--format", "table", db=db).stdout.decode()
    assert "check_stored" in table and "figures_imported" in table and "seed" in table
    bad = newsclaims("audit", "--action", "deleted", db=db)
    assert bad.returncode == 2 and "--action takes" in bad.stderr.decode()
