"""newsclaims' components as a spaCy user meets them: a saved pipeline that loads with
``spacy.load`` alone, the reference date through config, ``component_cfg`` and user data,
and the ``newsclaims`` span group that displaCy draws."""
from datetime import date

import pytest
import spacy
from spacy import displacy

import extractor.pipeline.extraction  # noqa: F401  (registers the newsclaims_* factories in this process)
from extractor.pipeline.span_group import LABEL_COLORS, SPANS_KEY


def test_a_malformed_configured_date_fails_when_the_pipeline_is_built():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        nlp.add_pipe("newsclaims_periods", config={"published": "21/10/2025"})


# -- the reference date: per document, per call, configured ------------------------------

LAST_MONTH = "Exports to the neighbouring province rose 4% last month."


def _last_month(doc) -> tuple:
    (period,) = [p for p in doc._.periods if p.text == "last month"]
    return period.from_, period.to


@pytest.fixture(scope="module")
def dated_nlp():
    """A small pipeline whose periods component is configured with a default date."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_periods", config={"published": "2024-06-15"})
    return nlp


def test_the_configured_date_is_the_default(dated_nlp):
    doc = dated_nlp(LAST_MONTH)
    assert _last_month(doc) == (date(2024, 5, 1), date(2024, 5, 31))
    assert doc._.published == date(2024, 6, 15)   # the date the periods were resolved against


def per_call(published) -> dict:
    # a new dict each call: nlp.pipe adds "batch_size" to the one it is given
    return {"newsclaims_periods": {"published": published}}


def test_component_cfg_per_call_overrides_the_configured_date(dated_nlp):
    piped = list(dated_nlp.pipe([LAST_MONTH, LAST_MONTH], component_cfg=per_call("2025-10-21")))
    assert [_last_month(d) for d in piped] == [(date(2025, 9, 1), date(2025, 9, 30))] * 2
    one = dated_nlp(LAST_MONTH, component_cfg=per_call(date(2025, 3, 2)))
    assert _last_month(one) == (date(2025, 2, 1), date(2025, 2, 28))


def test_a_date_on_the_doc_overrides_the_call_and_doc_extension_overrides_user_data(dated_nlp):
    by_user_data = dated_nlp.make_doc(LAST_MONTH)
    by_user_data.user_data["published"] = "2023-03-10"
    both = dated_nlp.make_doc(LAST_MONTH)
    both.user_data["published"] = "2023-03-10"
    both._.published = date(2022, 12, 5)
    done = list(dated_nlp.pipe([by_user_data, both], component_cfg=per_call("2025-10-21")))
    assert _last_month(done[0]) == (date(2023, 2, 1), date(2023, 2, 28))
    assert _last_month(done[1]) == (date(2022, 11, 1), date(2022, 11, 30))


def test_without_any_date_relative_periods_stay_open_with_a_warning():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_periods")
    doc = nlp(LAST_MONTH)
    assert _last_month(doc) == (None, None) and doc._.published is None
    assert any("no publication date" in w for w in doc._.warnings)


# -- the span group and displaCy ---------------------------------------------------------

STORY = ("Exports from China to North Korea rose 20.9% to $227.8 million in September, according to "
         "China's General Administration of Customs.\n\n\"Demand is recovering,\" said Park Min-ji, an "
         "analyst at the Seoul Trade Institute. She expects the rise to continue.")


def test_span_group_labels_amounts_periods_actors_and_sources(pipeline):
    doc = pipeline.doc(STORY, published="2025-10-21")
    spans = doc.spans[SPANS_KEY]
    labelled = [(s.text, s.label_) for s in spans]
    for found in [("20.9%", "AMOUNT"), ("$227.8 million", "AMOUNT"), ("September", "PERIOD"),
                  ("North Korea", "ACTOR"), ("Park Min-ji", "ACTOR"), ("Park Min-ji", "SOURCE"), ("She", "SOURCE")]:
        assert found in labelled
    assert [s.start_char for s in spans] == sorted(s.start_char for s in spans)
    # what a mention resolves to rides along as the span's kb_id, when it is news to the reader
    assert {(s.text, s.kb_id_) for s in spans if s.label_ in ("ACTOR", "SOURCE")} >= {
        ("North Korea", "PRK"), ("She", "Park Min-ji"), ("Park Min-ji", "")}
    counts = {label: sum(s.label_ == label for s in spans) for label in LABEL_COLORS}
    assert counts == {"AMOUNT": len(doc._.amounts), "PERIOD": len(doc._.periods), "ACTOR": len(doc._.actors),
                      "SOURCE": len(doc._.sources)}


def test_displacy_draws_the_span_group(pipeline):
    doc = pipeline.doc(STORY, published="2025-10-21")
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY, "colors": LABEL_COLORS},
                           jupyter=False)
    spans = doc.spans[SPANS_KEY]
    # each span's label is written once, where the span starts, in the label's colour
    for label, color in LABEL_COLORS.items():
        assert html.count(f"\n        {label}\n") == sum(s.label_ == label for s in spans) > 0
        assert f"background: {color}" in html
    assert 'href="#">Park Min-ji</a>' in html
