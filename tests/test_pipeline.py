"""The Python API: results, many articles, and bad input."""
import json
from datetime import date

import pytest

from extractor import ExtractionError, extract
from models import Extraction

STORY = ("Trade between China and North Korea rose to $210.4 million last month, "
         "according to China's General Administration of Customs.")


def test_extract_returns_the_contract_and_dumps_iso_dates(pipeline):
    r = pipeline.extract(STORY, published="2025-10-21", id="story-1", outlet="Sample Wire")
    data = r.model_dump(mode="json")
    assert data["article"] == {"id": "story-1", "url": None, "title": None, "outlet": "Sample Wire",
                               "published": "2025-10-21", "text": STORY}
    period = data["periods"][0]
    assert (period["from"], period["to"], period["relative"]) == ("2025-09-01", "2025-09-30", True)
    assert Extraction.model_validate(json.loads(r.model_dump_json())) == r


def test_module_level_extract_accepts_a_date_object():
    r = extract(STORY, published=date(2025, 10, 21))
    assert r.article.published == date(2025, 10, 21)
    assert len(r.article.id) == 16   # sha256 prefix of the clean text


def test_without_publication_date_relative_periods_stay_unresolved_with_a_warning(pipeline):
    r = pipeline.extract(STORY)
    assert r.periods[0].from_ is None and r.periods[0].to is None
    assert any("publication date" in w for w in r.warnings)


def test_extract_many_keeps_order_and_reports_bad_articles_in_place(pipeline):
    articles = [
        {"id": "a", "text": STORY, "published": "2025-10-21"},
        {"id": "empty", "text": "   "},
        {"id": "b", "text": "North Korea exported $5 million of wigs to China in May.", "published": "2025-06-20"},
        {"id": "bad-date", "text": STORY, "published": "21/10/2025"},
    ]
    out = list(pipeline.extract_many(articles, errors="yield"))
    assert [getattr(o, "article", None) and o.article.id for o in out] == ["a", None, "b", None]
    assert isinstance(out[1], ExtractionError) and out[1].index == 1 and "empty" in str(out[1])
    assert isinstance(out[3], ExtractionError) and "YYYY-MM-DD" in str(out[3])


def test_same_results_one_by_one_and_through_pipe(pipeline):
    texts = [STORY, "China's exports to North Korea fell 13% in June from a year earlier."]
    single = [pipeline.extract(t, published="2025-07-20") for t in texts]
    many = list(pipeline.extract_many([{"text": t, "published": "2025-07-20"} for t in texts]))
    assert [s.model_dump() for s in single] == [m.model_dump() for m in many]


@pytest.mark.parametrize("raw, message", [
    ("", "empty"),
    (b"\xff\xfe\x00\x00binary", "binary"),
    (b"caf\xe9 au lait prices rose", "not UTF-8"),
    ("Home > World\n\nShare this article", "empty after removing page boilerplate"),
])
def test_bad_input_is_a_one_line_error(pipeline, raw, message):
    with pytest.raises(ExtractionError) as info:
        pipeline.extract(raw)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_oversized_article_is_refused_not_truncated(pipeline):
    with pytest.raises(ExtractionError, match="characters; the limit is"):
        pipeline.extract("Exports rose. " * 400_000)


def test_non_english_text_gives_a_warning_not_an_error(pipeline):
    text = ("Der Handel zwischen China und Nordkorea stieg im September deutlich an, wie die Zollbehörde "
            "mitteilte. Die Einfuhren aus China machten dabei den größten Teil aus, hieß es weiter.")
    r = pipeline.extract(text)
    assert any("English" in w for w in r.warnings)
