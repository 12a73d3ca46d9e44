"""The service keeps its own OpenAPI document: schemathesis generates requests from it and
checks every answer against it (status declared, body and headers as documented, valid
requests accepted, invalid ones refused, routes that declare a token refusing requests
without one).

The app runs in-process on a temporary SQLite store with a token; the same document is
exercised once with the token and once without it. The number of examples is bounded to keep
the suite short (a few hundred requests in all); `st run` against a running server at 200
examples per operation is the longer run (README, "Service and review page").
"""
from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from schemathesis.core.hooks import load_from_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "contract-token-31d9"

# What the document cannot say (a figure's 'to' not before its 'from'), told to schemathesis.
load_from_path(str(ROOT / "tests" / "schemathesis_hooks.py"))

CONTRACT_SETTINGS = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                             suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def service_app(tmp_path_factory):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    app = create_app(f"sqlite:///{tmp_path_factory.mktemp('contract') / 'store.db'}", token=TOKEN,
                     max_body=200_000)
    with TestClient(app):            # runs the lifespan: the extraction worker the requests use
        yield app


@pytest.fixture(scope="module")
def api_schema(service_app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", service_app)
    # The coverage phase's boundary values are two thousand requests: the hand run of `st run`
    # has them; here the examples and fuzzing phases (valid and invalid data) keep it to hundreds.
    schema.config.phases.coverage.enabled = False
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@CONTRACT_SETTINGS
def test_the_api_keeps_its_document_with_the_token(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})


@schema.parametrize()
@settings(CONTRACT_SETTINGS, max_examples=5)
def test_the_api_keeps_its_document_without_the_token(case):
    response = case.call_and_validate()
    if case.method == "POST" and case.path in ("/v1/check", "/v1/figures"):
        assert response.status_code in (401, 413, 415, 422), response.text   # never written
