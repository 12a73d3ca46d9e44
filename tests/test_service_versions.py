"""A service you can trust with what was rated: who may write, versions instead of
overwrites, the audit log, private servers, on SQLite and PostgreSQL.

The sequence of issue 16 as a new user ran it: a check stored with the token, a rewrite of
the same id without it, and what the store shows afterwards.
"""
from __future__ import annotations

import base64
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi.testclient")

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "newsroom-secret-7c1e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NO_AUTH = {"Authorization": ""}

# Written for these tests: China's customs put China–North Korea trade in September 2025 at $271 million.
FIRST_TEXT = ("Trade between North Korea and China reached $271.2 million in September, "
              "the highest monthly total this year, according to Chinese customs data.")
REWRITE = "Nothing to see here."
UPDATED_TEXT = FIRST_TEXT + "\n\nThe figure was revised by the customs office a week later."


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'service.db'}"
    from sqlalchemy import create_engine

    from extractor.verify.schema import metadata

    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    return url


def _check(client, text, headers=AUTH, **params):
    return client.post("/v1/check", json={"id": "story-1", "text": text, "published": "2025-10-14"},
                       params=params, headers=headers)


def test_the_issue_sequence_keeps_version_1_and_refuses_the_anonymous_rewrite(store_url):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    with TestClient(create_app(store_url, token=TOKEN)) as client:
        first = _check(client, FIRST_TEXT)
        assert first.status_code == 200, first.text
        assert (first.headers["article-version"], first.headers["article-version-added"]) == ("1", "true")
        v1 = first.json()
        assert [v["status"] for v in v1["verdicts"]] == ["supported"]

        # The rewrite without a token, and with a wrong one: refused, nothing written.
        for headers in (NO_AUTH, {"Authorization": "Bearer guessed"}):
            refused = _check(client, REWRITE, headers=headers)
            assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        assert client.get("/v1/articles/story-1").json() == v1

        same = _check(client, FIRST_TEXT)                       # an identical re-check adds nothing
        assert (same.headers["article-version"], same.headers["article-version-added"]) == ("1", "false")
        updated = _check(client, UPDATED_TEXT)                  # a changed one adds version 2
        assert (updated.headers["article-version"], updated.headers["article-version-added"]) == ("2", "true")

        latest = client.get("/v1/articles/story-1")
        assert latest.headers["article-version"] == "2" and latest.json()["article"]["text"] == UPDATED_TEXT
        old = client.get("/v1/articles/story-1", params={"version": 1})
        assert old.headers["article-version"] == "1" and old.json() == v1       # version 1 intact and readable
        missing = client.get("/v1/articles/story-1", params={"version": 3})
        assert missing.status_code == 404 and "no version 3" in missing.json()["detail"]

        versions = client.get("/v1/articles/story-1/versions").json()
        assert versions["latest"] == 2
        assert [(v["version"], v["text_changed"], v["verdicts"]) for v in versions["versions"]] == [
            (1, False, {"supported": 1}), (2, True, {"supported": 1})]
        assert versions["versions"][0]["figures_revision"] == versions["versions"][1]["figures_revision"] >= 1

        # ClaimReview of the version that was reviewed: its text, its day.
        review_v1 = client.get("/v1/articles/story-1/claimreview", params={"version": 1}).json()
        assert [r["claimReviewed"] for r in review_v1] == [v1["claims"][0]["sentence"]]
        assert review_v1[0]["datePublished"] == versions["versions"][0]["checked_at"][:10]

        # The audit lists each write: who (the token's name) and from where; it needs the token.
        assert client.get("/v1/audit", headers=NO_AUTH).status_code == 401
        audit = client.get("/v1/audit", params={"article": "story-1"}, headers=AUTH).json()["items"]
        assert [(a["action"], a["version"], a["who"], a["client"]) for a in audit] == [
            ("version_added", 2, "default", "testclient"), ("check_stored", 1, "default", "testclient")]

        page = client.get("/articles/story-1").text
        assert "version 2 of 2 — text changed on" in page
        old_page = client.get("/articles/story-1", params={"version": 1}).text
        assert "version 1 of 2 — first checked on" in old_page and "not the latest" in old_page


def test_without_a_token_writes_are_open_said_at_start_and_audited_as_open(tmp_path, caplog):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'open.db'}", token="", tokens=None)
    with caplog.at_level("WARNING", logger="newsclaims.serve"), TestClient(app) as client:
        assert any("writes are open" in r.getMessage() for r in caplog.records)
        assert _check(client, FIRST_TEXT, headers={}).status_code == 200
        figure = {"reporter": "CHN", "partner": "PRK", "flow": "export", "period": "2031-01", "from": "2031-01-01",
                  "to": "2031-01-31", "granularity": "month", "value": 5_000_000, "source_name": "GACC"}
        assert client.post("/v1/figures", json=[figure]).json()["added"] == 1
        audit = client.get("/v1/audit").json()["items"]
        assert [(a["action"], a["who"]) for a in audit[:2]] == [("figures_imported", "open"), ("check_stored", "open")]
        doc = client.get("/openapi.json").json()
        assert "security" not in doc["paths"]["/v1/check"]["post"] and "Writes are open" in doc["info"]["description"]


def _token_file(tmp_path) -> Path:
    path = tmp_path / "tokens"
    path.write_text("# who may write, who may read\neditor editor-secret-1\nviewer viewer-secret-2 read\n")
    return path


def test_a_read_token_may_not_write_and_a_private_server_hides_reads(tmp_path):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'private.db'}", token="", token_file=str(_token_file(tmp_path)),
                     private=True)
    client = TestClient(app)          # no extraction here: the guards answer first
    viewer, editor = {"Authorization": "Bearer viewer-secret-2"}, {"Authorization": "Bearer editor-secret-1"}
    forbidden = _check(client, FIRST_TEXT, headers=viewer)
    assert forbidden.status_code == 403 and "'viewer' may read but not write" in forbidden.json()["detail"]
    assert client.get("/v1/articles", headers=viewer).json()["items"] == []     # nothing was written
    assert client.get("/v1/audit", headers=editor).json()["items"][0]["action"] == "figures_imported"   # the seed
    for path in ("/v1/articles", "/v1/claims", "/v1/figures", "/v1/audit"):
        assert client.get(path).status_code == 401, path
    assert client.post("/v1/extract", content=FIRST_TEXT, headers={"Content-Type": "text/plain"}).status_code == 401
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    basic = base64.b64encode(b"anyone:viewer-secret-2").decode()
    assert client.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    assert client.get("/openapi.json").status_code == 200 and client.get("/docs").status_code == 200


def test_token_files_name_their_bad_lines(tmp_path):
    from extractor.serve.auth import TokenFileError, read_token_file

    assert [(t.name, t.can_write) for t in read_token_file(_token_file(tmp_path))] == [
        ("editor", True), ("viewer", False)]
    bad = tmp_path / "bad"
    bad.write_text("editor s1\nviewer s2 sometimes\n")
    with pytest.raises(TokenFileError, match=r"bad:2: a token line is"):
        read_token_file(bad)
    bad.write_text("editor s1\neditor s2\n")
    with pytest.raises(TokenFileError, match="editor appear"):
        read_token_file(bad)


def test_serve_without_a_token_says_writes_are_open_and_private_needs_a_token(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "NEWSCLAIMS_API_TOKEN": ""}
    db = f"sqlite:///{tmp_path / 's.db'}"
    refused = subprocess.run([sys.executable, "-m", "extractor.cli", "serve", "--private", "--db", db],
                             capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert refused.returncode == 2 and "private server needs a token" in refused.stderr.decode()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "extractor.cli", "serve", "--port", str(port), "--db", db],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    try:
        first = server.stderr.readline().decode()
    finally:
        server.terminate()
        server.wait(30)
    assert "writes are open" in first and f"127.0.0.1:{port} (only this machine)" in first
