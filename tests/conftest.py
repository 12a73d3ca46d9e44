from __future__ import annotations

import json
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
