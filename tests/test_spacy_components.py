"""newsclaims' components as a spaCy user meets them: a saved pipeline that loads with
``spacy.load`` alone, the reference date through config, ``component_cfg`` and user data,
and the ``newsclaims`` span group that displaCy draws."""
import json
import os
import subprocess
import sys
from datetime import date
from importlib.metadata import PathDistribution
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.util import load_config

import extractor.pipeline.extraction  # noqa: F401  (registers the newsclaims_* factories in this process)
from extractor import extract
from extractor.pipeline.span_group import LABEL_COLORS, SPANS_KEY

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"
# dated, undated (its relative periods stay open with a warning), and the one with most claims
ROUND_TRIP_ARTICLES = ("nk-china-trade-2025-09", "undated-relative-dates", "trade-claims-showcase")
RESULT_FIELDS = ("amounts", "periods", "actors", "sources", "attributions", "claims", "warnings")


@pytest.fixture(scope="module")
def project_metadata(tmp_path_factory) -> Path:
    """A directory holding the metadata setuptools builds from this checkout's pyproject.toml
    (``newsclaims.egg-info``, with its entry_points.txt), as ``pip install`` would install it.

    The test process may run on an install made from another checkout (a shared editable
    install) whose entry points are older; a subprocess with this directory first on its path
    sees exactly what a user who installs this checkout gets."""
    out = tmp_path_factory.mktemp("metadata")
    proc = subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "egg_info",
                           "--egg-base", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


def _fresh_python(code: str, metadata: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run ``code`` in a new interpreter that sees this checkout's code and metadata."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(metadata), str(ROOT)]))
    # cwd outside the checkout: nothing is importable by accident from the current directory
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, env=env, cwd=metadata,
                          capture_output=True, text=True, timeout=600)


def test_every_newsclaims_component_is_a_spacy_factories_entry_point_that_registers_it(
        project_metadata, pipeline):
    declared = PathDistribution(project_metadata / "newsclaims.egg-info").entry_points.select(
        group="spacy_factories")
    assert {ep.name for ep in declared} == {n for n in pipeline.nlp.pipe_names if n.startswith("newsclaims_")}
    for ep in declared:
        function = ep.load()
        registered = spacy.registry.factories.get(ep.name)
        # @Language.factory registers the function itself, @Language.component a factory returning it
        assert registered is function or registered(pipeline.nlp, ep.name) is function, ep.value


ROUND_TRIP = r"""
import json, sys
assert "extractor" not in sys.modules
import spacy
nlp = spacy.load(sys.argv[1])
# spaCy imported the components through the spacy_factories entry points
assert "extractor" in sys.modules, "spacy.load did not import extractor"
fields = sys.argv[2].split(",")
out = []
for article in json.loads(sys.stdin.read()):
    doc = nlp.make_doc(article["text"])
    if article["published"]:
        doc.user_data["published"] = article["published"]
    doc = nlp(doc)
    result = {f: [m if isinstance(m, str) else m.model_dump(mode="json") for m in getattr(doc._, f) or []]
              for f in fields}
    result["span_labels"] = sorted({s.label_ for s in doc.spans["newsclaims"]})
    out.append(result)
from spacy.cli.package import get_third_party_dependencies
from spacy.displacy.render import SpanRenderer
print(json.dumps({"results": out, "requirements": get_third_party_dependencies(nlp.config),
                  "colors": {label: SpanRenderer({}).colors.get(label) for label in ("AMOUNT", "ACTOR")}}))
"""


def test_saved_pipeline_loads_in_a_fresh_interpreter_without_importing_extractor(
        project_metadata, pipeline, tmp_path):
    pipeline.nlp.to_disk(tmp_path / "my_pipeline")
    expected, given = [], []
    for name in ROUND_TRIP_ARTICLES:
        article = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
        result = extract(article["text"], published=article["published"]).model_dump(mode="json")
        expected.append(result)
        # the text extract() saw after cleaning, and the date as a user puts it on a Doc
        given.append({"text": result["article"]["text"], "published": article["published"]})

    proc = _fresh_python(ROUND_TRIP, project_metadata, str(tmp_path / "my_pipeline"), ",".join(RESULT_FIELDS),
                         stdin=json.dumps(given))
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout)

    for name, want, got in zip(ROUND_TRIP_ARTICLES, expected, loaded["results"]):
        assert {f: got[f] for f in RESULT_FIELDS} == {f: want[f] for f in RESULT_FIELDS}, name
        assert want["claims"] and want["periods"], name   # a comparison of empty lists proves nothing
    assert loaded["results"][0]["span_labels"] == ["ACTOR", "AMOUNT", "PERIOD", "SOURCE"]
    assert any("no publication date" in w for w in loaded["results"][1]["warnings"])
    # `spacy package` finds the package the components come from
    assert any(r.startswith("newsclaims") for r in loaded["requirements"])
    assert loaded["colors"] == {"AMOUNT": LABEL_COLORS["AMOUNT"], "ACTOR": LABEL_COLORS["ACTOR"]}


def test_component_config_is_saved_in_config_cfg_and_used_after_loading(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_periods", config={"published": "2025-10-21"})
    nlp.add_pipe("newsclaims_spans", config={"spans_key": "findings"})
    nlp.to_disk(tmp_path / "periods_only")

    saved = load_config(tmp_path / "periods_only" / "config.cfg")
    assert saved["components"]["newsclaims_periods"] == {"factory": "newsclaims_periods", "published": "2025-10-21"}
    doc = spacy.load(tmp_path / "periods_only")("Exports rose sharply last month.")
    assert (doc._.periods[0].from_, doc._.periods[0].to) == (date(2025, 9, 1), date(2025, 9, 30))
    assert [(s.text, s.label_) for s in doc.spans["findings"]] == [("last month", "PERIOD")]


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
