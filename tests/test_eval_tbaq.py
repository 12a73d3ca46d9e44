"""The ``tbaq`` benchmark (TimeBank + AQUAINT TimeML in two folders) on TimeML written here."""
from __future__ import annotations

import pytest

from extractor.evaluation import suite, tempeval

# Two made-up documents in the TBAQ-cleaned layout: TIMEX3 inside <TEXT>, the DCT apart.
TIMEBANK_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>MADEUP19970304.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1997-03-04" temporalFunction="false" functionInDocument="CREATION_TIME">19970304</TIMEX3></DCT>
<TEXT>
Freedonia's harbour handled more grain <TIMEX3 tid="t1" type="DATE" value="1996" temporalFunction="false" functionInDocument="NONE">last year</TIMEX3> than in any <TIMEX3 tid="t2" type="DURATION" value="P10Y" temporalFunction="false" functionInDocument="NONE">decade</TIMEX3> before, and it is <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">now</TIMEX3> full.
</TEXT>
</TimeML>
"""
AQUAINT_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>MADEUP19980611.0002</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-06-11" temporalFunction="false" functionInDocument="CREATION_TIME">1998-06-11</TIMEX3></DCT>
<TEXT>
The ferry to Sylvania resumes on <TIMEX3 tid="t1" type="DATE" value="1998-06-15" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Monday</TIMEX3>.
</TEXT>
</TimeML>
"""


def write_tbaq(root):
    (root / "TimeBank").mkdir(parents=True)
    (root / "AQUAINT").mkdir()
    (root / "TimeBank" / "MADEUP19970304.0001.tml").write_text(TIMEBANK_DOC)
    (root / "AQUAINT" / "MADEUP19980611.0002.tml").write_text(AQUAINT_DOC)
    return root


def period(text: str, doc_text: str, **fields) -> dict:
    start = doc_text.index(text)
    return {"text": text, "start": start, "end": start + len(text), **fields}


def test_tree_loader_reads_both_folders_with_offsets_into_the_text(tmp_path):
    docs = tempeval.load_timeml_tree(write_tbaq(tmp_path))
    assert [d.id for d in docs] == ["MADEUP19980611.0002", "MADEUP19970304.0001"]   # AQUAINT sorts first
    timebank = docs[1]
    assert timebank.dct.isoformat() == "1997-03-04"
    assert [(t.text, t.type, t.value) for t in timebank.timexes] == [
        ("last year", "DATE", "1996"), ("decade", "DURATION", "P10Y"), ("now", "DATE", "PRESENT_REF")]
    assert all(timebank.text[t.start:t.end] == t.text for t in timebank.timexes)
    assert suite.benchmark_kind(tmp_path) == "tbaq"


def test_present_ref_left_out_of_the_gold_and_of_our_overlapping_timexes(tmp_path):
    docs = tempeval.load_timeml_tree(write_tbaq(tmp_path))
    timebank = docs[1]
    ours = [tempeval.Timex(*_span(timebank.text, "last year"), "last year", "DATE", "1996"),
            tempeval.Timex(*_span(timebank.text, "now"), "now", "DATE", "1997-03-04")]
    kept_docs, kept_preds = tempeval.without_value([timebank], [ours])
    assert [t.value for t in kept_docs[0].timexes] == ["1996", "P10Y"]
    assert [t.text for t in kept_preds[0]] == ["last year"]
    with_now = tempeval.score_timexes([timebank], [ours]).scores["extent relaxed"]
    without_now = tempeval.score_timexes(kept_docs, kept_preds).scores["extent relaxed"]
    assert (with_now.tp, with_now.predicted, with_now.gold) == (2, 2, 3)
    assert (without_now.tp, without_now.predicted, without_now.gold) == (1, 1, 2)
    assert tempeval.without_present_ref("value (DATE+DURATION)") == "value (DATE+DURATION, without PRESENT_REF)"


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


class PeriodsPipeline:
    """Periods written here for each document; raises on one text to stand for a component bug."""

    batch_size = 8

    def __init__(self, periods_by_text: dict[str, list], raise_on: str = ""):
        self.periods_by_text = periods_by_text
        self.raise_on = raise_on

    def extract_many(self, items, clean=False, **_):
        items = list(items)
        if any(self.raise_on and self.raise_on in item["text"] for item in items):
            raise KeyError("made-up component bug")
        for item in items:
            yield {"periods": self.periods_by_text.get(item["text"], [])}


def test_tbaq_rows_with_and_without_present_ref_and_a_crash_costs_one_document(tmp_path):
    docs = tempeval.load_timeml_tree(write_tbaq(tmp_path))
    aquaint, timebank = docs
    pipeline = PeriodsPipeline({timebank.text: [
        period("last year", timebank.text, **{"from": "1996-01-01", "to": "1996-12-31", "granularity": "year"}),
        period("decade", timebank.text, granularity="duration", duration="P10Y")]},
        raise_on="ferry")
    bench = suite.evaluate_tbaq(tmp_path, pipeline, (), suite.BaselineModels(), suite.EvalOptions(folds=2))
    assert bench.name == "tbaq"
    relaxed = bench.row("extent relaxed").ours
    assert (relaxed.tp, relaxed.predicted, relaxed.gold) == (2, 2, 4)
    without = bench.row("extent relaxed (without PRESENT_REF)").ours
    assert (without.tp, without.gold) == (2, 3)
    assert bench.row("value (DATE+DURATION, without PRESENT_REF)").ours.tp == 2
    assert any("MADEUP19980611.0002: KeyError" in n for n in bench.notes)
    assert any("1 gold timexes are PRESENT_REF" in n for n in bench.notes)
    # folds alternate documents: the AQUAINT one (nothing found) is fold 1, the TimeBank one fold 2
    assert [f.ours.recall for f in bench.row("extent relaxed").folds] == [0.0, 2 / 3]


def test_tempeval3_rows_also_without_present_ref(tmp_path):
    # the platinum layout: .tml files in one folder; the same rows and note as tbaq
    (tmp_path / "MADEUP19970304.0001.tml").write_text(TIMEBANK_DOC)
    (tmp_path / "MADEUP19980611.0002.tml").write_text(AQUAINT_DOC)
    timebank = tempeval.load_tempeval_dir(tmp_path)[0]
    pipeline = PeriodsPipeline({timebank.text: [
        period("last year", timebank.text, **{"from": "1996-01-01", "to": "1996-12-31", "granularity": "year"})]})
    bench = suite.evaluate_tempeval(tmp_path, pipeline, (), suite.BaselineModels(), suite.EvalOptions(folds=2))
    assert bench.name == "tempeval3"
    assert bench.row("extent relaxed").ours.gold == 4
    without = bench.row("extent relaxed (without PRESENT_REF)").ours
    assert (without.tp, without.gold) == (1, 3)
    assert any("1 gold timexes are PRESENT_REF" in n for n in bench.notes)


@pytest.mark.parametrize("a, b", [("2000-W6", "2000-W06"), ("2000-W6-WE", "2000-W06-WE"), ("198X", "198"),
                                  ("199x", "199"), ("1968-XX", "1968"), ("2011-01-XX", "2011-01")])
def test_values_timeml_writes_two_ways_compare_equal(a, b):
    assert tempeval.normalize_value(a) == tempeval.normalize_value(b)


def test_different_weeks_and_decades_stay_different():
    assert tempeval.normalize_value("2000-W6") != tempeval.normalize_value("2000-W16")
    assert tempeval.normalize_value("198X") != tempeval.normalize_value("1980")
    assert tempeval.normalize_value("1989-WXX") != tempeval.normalize_value("1989-W43")   # a week, not the year
