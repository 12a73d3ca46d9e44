from __future__ import annotations

import json
import os
import uuid
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    """The bare English model (no newsclaims components), loaded once."""
    from extractor.pipeline.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text, published=None) -> Doc with ``doc._.published`` set before the pipeline runs."""
    import extractor.pipeline.extensions  # noqa: F401  (registers Doc._.published & co.)

    def _parse(text: str, published: date | str | None = None):
        doc = nlp.make_doc(text)
        if isinstance(published, str):
            published = date.fromisoformat(published)
        doc._.published = published
        return nlp(doc)

    return _parse


@pytest.fixture(scope="session")
def seed_article() -> dict:
    path = SHARED / "benchmarks" / "articles" / "texts" / "seed-joongang-2025-10.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pipeline():
    """The full newsclaims pipeline, loaded once for the session."""
    from extractor import Pipeline

    return Pipeline()


# ---------------------------------------------------------------- PostgreSQL for the store and service tests

PG_URL = os.environ.get(
    "NEWSCLAIMS_TEST_PG_URL", "postgresql+psycopg://newsclaims:newsclaims@localhost:5432/newsclaims_test"
)


def _postgres_or_skip() -> None:
    """Skip outside CI when PostgreSQL is not reachable; in CI (CI=true) fail instead."""
    from sqlalchemy import create_engine

    from extractor.verify.store import _hide_password

    try:
        engine = create_engine(PG_URL)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as e:  # noqa: BLE001 - any failure to connect means "no server"
        message = f"PostgreSQL at {_hide_password(PG_URL)} is not reachable: {str(e).splitlines()[0]}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must test PostgreSQL: .ci/run starts it)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url():
    """PG_URL in a schema of this test run's own: several runs (a developer's and CI's, or two
    sessions on one machine) may share the server, and must not drop each other's tables."""
    from sqlalchemy import create_engine

    _postgres_or_skip()
    schema = f"test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()
