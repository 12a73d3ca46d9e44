"""The evaluation harness: scorers on small made-up inputs, and the loaders
on the first document of each shared benchmark (skipped when absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extractor.evaluation import gold as gold_mod
from extractor.evaluation import meantime, newsquant, polnear, tempeval
from extractor.evaluation.matching import Score, match_one_to_one, spans_overlap
from extractor.evaluation.report import BenchmarkResult, Report, Row, render_markdown, report_to_dict

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


# --------------------------------------------------------------------------- matching

def test_one_to_one_matching_is_maximal_not_greedy():
    # the first gold item could take either prediction; only one assignment serves both
    gold = ["a", "b"]
    predicted = ["ab", "a"]
    pairs = match_one_to_one(gold, predicted, lambda g, p: g in p)
    assert sorted(pairs) == [(0, 1), (1, 0)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.booleans(), min_size=4, max_size=4), min_size=0, max_size=4))
def test_matching_size_equals_brute_force_maximum(rows):
    """On small random bipartite graphs the matching is one-to-one and as large as possible."""
    from itertools import permutations

    n_pred = 4
    edges = {(i, j) for i, row in enumerate(rows) for j, ok in enumerate(row) if ok}
    pairs = match_one_to_one(list(range(len(rows))), list(range(n_pred)), lambda g, p: (g, p) in edges)
    assert all(pair in edges for pair in pairs)
    assert len({g for g, _ in pairs}) == len(pairs) == len({p for _, p in pairs})
    best = 0
    for perm in permutations(range(n_pred), len(rows)):
        best = max(best, sum((i, perm[i]) in edges for i in range(len(rows))))
    assert len(pairs) == best


def test_each_gold_item_matched_at_most_once():
    pairs = match_one_to_one(["x", "x"], ["x"], lambda g, p: g == p)
    assert len(pairs) == 1
    s = Score(len(pairs), 1, 2)
    assert s.precision == 1.0 and s.recall == 0.5 and abs(s.f1 - 2 / 3) < 1e-9


def test_spans_overlap_is_half_open():
    assert spans_overlap((0, 5), (4, 9)) and not spans_overlap((0, 5), (5, 9))


def test_score_adds_up_and_handles_empty():
    assert (Score(1, 2, 3) + Score(1, 0, 1)).as_dict()["tp"] == 2
    assert Score().f1 == 0.0


# --------------------------------------------------------------------------- gold articles (contract Scoring)

def amount(value, unit="USD", bound="exact", **kw):
    return {"text": kw.pop("text", "x"), "start": 0, "end": 1, "value": value, "unit": unit, "bound": bound, **kw}


def test_amount_value_tolerance_is_half_a_percent():
    gold = {"value": 271_200_000.0, "unit": "USD", "bound": "exact"}
    assert gold_mod.amount_matches(gold, amount(272_400_000.0))       # 0.44 %
    assert not gold_mod.amount_matches(gold, amount(273_000_000.0))   # 0.66 %
    assert not gold_mod.amount_matches(gold, amount(271_200_000.0, unit="CNY"))
    assert not gold_mod.amount_matches(gold, amount(271_200_000.0, bound="approx"))


def test_period_rule_compares_only_fields_the_gold_has():
    duration_gold = {"text": "over five years", "granularity": "duration", "duration": "P5Y", "bound": "more_than"}
    ours = {"text": "five years", "from": None, "to": None, "granularity": "duration", "duration": "P5Y"}
    assert gold_mod.period_matches(duration_gold, ours)            # bound is not part of the rule
    assert not gold_mod.period_matches(duration_gold, {**ours, "duration": "P4Y"})
    month = {"from": "2021-03-01", "to": "2021-03-31", "granularity": "month"}
    assert gold_mod.period_matches(month, {"from": "2021-03-01", "to": "2021-03-31", "granularity": "range"})
    assert not gold_mod.period_matches(month, {"from": "2021-03-01", "to": "2021-03-30", "granularity": "month"})


def made_up_gold() -> dict:
    return {
        "article": {"id": "made-up", "published": "2024-05-10"},
        "amounts": [{"text": "$12.5 million", "value": 12_500_000.0, "unit": "USD", "bound": "exact"},
                    {"text": "about 3%", "value": 3.0, "unit": "percent", "bound": "approx"}],
        "periods": [{"text": "April", "from": "2024-04-01", "to": "2024-04-30", "granularity": "month"}],
        "actors": [{"name": "Freedonia", "id": "FRE", "type": "country"},
                   {"name": "Sylvania", "id": "SYL", "type": "country"},
                   {"name": "Rufus T. Firefly", "type": "person"},
                   {"name": "Freedonian Statistics Office", "type": "government"}],
        "sources": [{"name": "Freedonian Statistics Office", "type": "data_source", "cue": "according to"}],
        "claims": [{"id": "g1", "kind": "trade_value", "amount": 0, "period": 0,
                    "trade": {"flow": "directional", "from": "FRE", "to": "SYL", "between": None}}],
        "verdicts": [{"claim": "g1", "status": "supported"}],
    }


def made_up_result() -> dict:
    return {
        "article": {"id": "made-up", "text": "Freedonia sold $12.5 million of cheese to Sylvania in April."},
        "amounts": [amount(12_500_000.0, text="$12.5 million"), amount(40.0, unit="count", text="40 tons")],
        "periods": [{"text": "April", "start": 0, "end": 5, "from": "2024-04-01", "to": "2024-04-30",
                     "granularity": "month", "relative": False, "duration": None, "bound": "exact"}],
        "actors": [{"text": "Freedonia", "start": 0, "end": 9, "name": "Freedonia", "id": "FRE", "type": "country"},
                   {"text": "Sylvania", "start": 0, "end": 8, "name": "Sylvania", "id": "SYL", "type": "country"},
                   {"text": "the statistics office", "start": 0, "end": 3, "name": "the Freedonian statistics office",
                    "id": None, "type": "organization"}],
        "sources": [{"text": "statistics office", "start": 0, "end": 3, "name": "Freedonian Statistics Office",
                     "type": "data_source", "cue": "according to"}],
        "claims": [{"id": "c-ours", "kind": "trade_value", "sentence": "", "start": 0, "end": 1, "amount": 0,
                    "period": 0, "actors": [], "sources": [],
                    "trade": {"flow": "directional", "from": "FRE", "to": "SYL", "between": None}},
                   {"id": "c-cmp", "kind": "comparison", "sentence": "", "start": 0, "end": 1, "amount": 0,
                    "period": 0, "trade": {"flow": "directional", "from": "FRE", "to": "SYL"}}],
        "verdicts": [],
        "consistency": [],
    }


def test_score_gold_article_per_field_with_readable_misses():
    art = gold_mod.score_gold_article(made_up_result(), made_up_gold())
    assert art.scores["amounts"].as_dict()["tp"] == 1
    assert art.scores["amounts"].recall == 0.5 and art.scores["amounts"].precision == 0.5
    assert any("about 3%" in m for m in art.misses["amounts"])
    assert any("40 tons" in f for f in art.false_hits["amounts"])
    assert art.scores["periods"].f1 == 1.0
    assert art.scores["countries"].f1 == 1.0
    assert art.scores["persons"].recall == 0.0 and art.misses["persons"] == ["Rufus T. Firefly (person)"]
    # "government" in the gold and "organization" in ours are one category; names normalized ("the", case)
    assert art.scores["organizations"].f1 == 1.0
    assert art.scores["sources"].f1 == 1.0
    # the comparison claim is not a trade claim even though it carries trade fields
    assert (art.scores["trade claims"].tp, art.scores["trade claims"].predicted) == (1, 1)
    assert art.scores["verdicts"].recall == 0.0
    assert any("verdict" in n for n in art.notes)
    assert art.is_exact("periods", "countries") and not art.is_exact("amounts") and not art.is_exact()
    text = "\n".join(art.lines())
    assert "missed: 'about 3%'" in text and "false hit" in text


def test_trade_claim_needs_direction_and_the_claims_period():
    gold, ours = made_up_gold(), made_up_result()
    ours["claims"][0]["trade"] = {"flow": "directional", "from": "SYL", "to": "FRE", "between": None}
    assert gold_mod.score_gold_article(ours, gold).scores["trade claims"].tp == 0
    ours = made_up_result()
    ours["periods"][0]["from"] = "2024-03-01"
    assert gold_mod.score_gold_article(ours, gold).scores["trade claims"].tp == 0


def test_verdict_follows_the_aligned_claim_and_status():
    gold, ours = made_up_gold(), made_up_result()
    ours["verdicts"] = [{"claim": "c-ours", "status": "supported", "explanation": "ok"}]
    assert gold_mod.score_gold_article(ours, gold).scores["verdicts"].f1 == 1.0
    ours["verdicts"] = [{"claim": "c-ours", "status": "close", "explanation": "near"}]
    assert gold_mod.score_gold_article(ours, gold).scores["verdicts"].f1 == 0.0


class FakePipeline:
    """Stands in for extractor.Pipeline: returns a fixed contract dict."""

    def __init__(self, result):
        self.result = result
        self.seen = []

    def extract_many(self, items, clean=True, batch_size=32):
        for item in items:
            self.seen.append((item, clean))
            yield self.result


def test_expected_warning_and_listed_non_amounts():
    gold = {"amounts": [], "non_amounts": ["9:30 a.m."], "expect_warning": True}
    result = {"amounts": [amount(9.3, unit="count", text="9:30 a.m.")], "warnings": []}
    art = gold_mod.score_gold_article(result, gold)
    assert "non_amounts" in art.false_hits["amounts"][0]
    assert art.scores["warnings"].recall == 0.0 and art.misses["warnings"]
    result["warnings"] = ["no published date: relative dates left unresolved"]
    assert gold_mod.score_gold_article(result, gold).is_exact("warnings")


def test_empty_gold_and_empty_output_is_exact():
    art = gold_mod.score_gold_article({"amounts": []}, {"amounts": []})
    assert art.is_exact() and "none expected, none found" in "\n".join(art.lines())


def test_score_gold_dir_reads_texts_and_gold(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "a.json").write_text(json.dumps({"id": "made-up", "text": "Freedonia ...",
                                                           "published": "2024-05-10"}))
    (tmp_path / "gold" / "a.json").write_text(json.dumps(made_up_gold()))
    pipeline = FakePipeline(made_up_result())
    report = gold_mod.score_gold_dir(tmp_path, pipeline)
    assert pipeline.seen[0][0]["published"] == "2024-05-10"
    bench = report.benchmarks[0]
    assert bench.row("amounts").ours.tp == 1
    assert bench.articles[0].id == "made-up"
    assert "| amounts |" in render_markdown(report)
    assert report_to_dict(report)["benchmarks"][0]["rows"][0]["ours"]["tp"] == 1


def test_corpus_layout_articles_folder_and_txt(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "b.txt").write_text("Home > News\nFreedonia ...")
    (tmp_path / "gold" / "b.json").write_text(json.dumps(made_up_gold()))
    assert gold_mod.is_gold_dir(tmp_path)
    pipeline = FakePipeline(made_up_result())
    gold_mod.score_gold_dir(tmp_path, pipeline)
    item, clean = pipeline.seen[0]
    assert item["id"] == "made-up" and item["published"] == "2024-05-10" and clean is True


# --------------------------------------------------------------------------- CQE (NewsQuant, Recognizers)

@pytest.mark.parametrize("raw, expected", [
    ("6.0", 6.0), ("1.0-1.5", (1.0, 1.5)), ("3.0 - 4.0", (3.0, 4.0)), ("-5.0", -5.0),
    ("1.99E-29", 1.99e-29), ("4.8-4.7", (4.8, 4.7)),
])
def test_parse_cqe_value(raw, expected):
    assert newsquant.parse_cqe_value(raw) == expected


def test_cqe_values_match_with_tight_tolerance_and_ranges_as_pairs():
    assert newsquant.values_match(2_000_000_000.0, 2_000_000_001.0)
    assert not newsquant.values_match(6.0, 6.01)
    assert newsquant.values_match((4.8, 4.7), (4.7, 4.8))
    assert not newsquant.values_match((1.0, 1.5), 1.25)


def test_score_cqe_value_unit_change():
    sentence = newsquant.CQESentence("made up", [
        newsquant.GoldQuantity(12.0, "dollar", "~"),
        newsquant.GoldQuantity(3.5, "percentage", "up"),
        newsquant.GoldQuantity((10.0, 20.0), "kilometre", "="),
    ])
    result = {"amounts": [
        amount(12.0, unit="USD", bound="approx"),
        amount(3.5, unit="percent", change="up"),
        amount(15.0, unit="kilometre", bound="range", low=10.0, high=20.0),
        amount(7.0, unit="count"),
    ]}
    scored = newsquant.score_cqe([sentence], [newsquant.quantities_from_result(result)])
    assert scored.scores["value"].as_dict()["tp"] == 3
    assert scored.scores["value"].predicted == 4 and scored.scores["value"].gold == 3
    assert scored.scores["value+unit"].tp == 3
    assert scored.scores["value+change"].tp == 3
    # a wrong unit costs value+unit only
    result["amounts"][0]["unit"] = "EUR"
    scored = newsquant.score_cqe([sentence], [newsquant.quantities_from_result(result)])
    assert (scored.scores["value"].tp, scored.scores["value+unit"].tp) == (3, 2)
    assert scored.misses["unit wrong (gold ≠ ours)"]["dollar ≠ EUR"] == 1
    # a system without a notion of change (the baselines) gets no value+change score at all
    assert "value+change" not in newsquant.score_cqe([sentence], [[]], with_change=False).scores


def test_durations_count_as_quantities_unless_inside_an_amount():
    result = {"amounts": [], "periods": [
        {"text": "90 days", "start": 0, "end": 7, "granularity": "duration", "duration": "P90D", "bound": "exact"},
        {"text": "2 hours", "start": 10, "end": 17, "granularity": "duration", "duration": "PT2H", "bound": "exact"},
        {"text": "May", "start": 20, "end": 23, "granularity": "month", "from": "2020-05-01", "to": "2020-05-31"},
        {"text": "a decade", "start": 30, "end": 38, "granularity": "duration", "duration": "P10Y", "bound": "exact"}]}
    qs = newsquant.quantities_from_result(result)
    assert [(q.value, q.units) for q in qs] == [(90.0, ("day",)), (2.0, ("hour",))]


def test_a_duration_range_is_cqes_range(parse):
    from extractor.pipeline.periods import find_periods
    doc = parse("Dredging the harbour will take between four and six years.")
    periods = [p.model_dump(mode="json", by_alias=True) for p in find_periods(doc, None)]
    qs = newsquant.quantities_from_result({"amounts": [], "periods": periods})
    assert [(q.value, q.units, q.change) for q in qs] == [((4.0, 6.0), ("year",), "=")]


def _spans(text, *pieces, **fields):
    """Amount dicts for ``pieces`` of ``text`` (value, unit from ``fields``, offsets from the text)."""
    out = []
    for piece, value in pieces:
        start = text.index(piece)
        out.append(amount(value, text=piece, start=start, end=start + len(piece), **fields))
    return out


def test_from_a_to_b_levels_are_scored_as_cqes_one_range():
    # CQE annotates "from A to B" as one range quantity "A-B" (change "=" like its other ranges);
    # the extractor gives the two levels of "climbed from A to B" (tests/test_amounts.py)
    text = "Rice exports climbed from $40 million to $55 million last year."
    result = {"article": {"text": text}, "periods": [],
              "amounts": _spans(text, ("$40 million", 40e6), ("$55 million", 55e6))}
    qs = newsquant.quantities_from_result(result)
    assert [(q.value, q.change) for q in qs] == [((40e6, 55e6), "=")]
    assert "dollar" in qs[0].units
    sentence = newsquant.CQESentence(text, [newsquant.GoldQuantity((40e6, 55e6), "dollar", "=")])
    scored = newsquant.score_cqe([sentence], [qs])
    assert all(scored.scores[m].tp == 1 and scored.scores[m].predicted == 1 for m in newsquant.METRICS)


def test_from_a_at_a_time_to_b_is_one_range_too():
    # the level's time may stand beside it: "from 20 tonnes in 2019 to 31 tonnes in 2023"
    text = "Catches grew from 20 tonnes in 2019 to 31 tonnes in 2023."
    result = {"article": {"text": text},
              "periods": [{"text": "2019", "start": text.index("2019"), "end": text.index("2019") + 4,
                           "granularity": "year"}],
              "amounts": _spans(text, ("20 tonnes", 20.0), ("31 tonnes", 31.0), unit="tonne")}
    assert [q.value for q in newsquant.quantities_from_result(result)] == [(20.0, 31.0)]


@pytest.mark.parametrize("text, pieces, unit", [
    # a clock time beside the first level, and a qualifier of the first level's unit
    ("The coin slid from $41,200 at 9.30pm on Sunday to $39,800.", (("$41,200", 41200.0), ("$39,800", 39800.0)), "USD"),
    ("Mileage went from 26 mpg combined to 29.", (("26 mpg", 26.0), ("29", 29.0)), "mile_per_gallon"),
])
def test_from_a_to_b_across_a_clock_time_or_a_qualifier_is_one_range(text, pieces, unit):
    result = {"article": {"text": text}, "periods": [], "amounts": _spans(text, *pieces, unit=unit)}
    assert [q.value for q in newsquant.quantities_from_result(result)] == [(pieces[0][1], pieces[1][1])]


@pytest.mark.parametrize("text, pieces, units", [
    # no "from": two figures joined by "to" are not the ends of one phrase
    ("Imports went to $3 million to $4 million buyers.", (("$3 million", 3e6), ("$4 million", 4e6)), ("USD", "USD")),
    # a different unit at each end is no range
    ("The share rose from 5% to $2 billion in value.", (("5%", 5.0), ("$2 billion", 2e9)), ("percent", "USD")),
    # something else between them: "from $3 million a month to ..." is not "A to B"
    ("Fees went from $3 million for members to $4 million.", (("$3 million", 3e6), ("$4 million", 4e6)),
     ("USD", "USD")),
])
def test_other_pairs_of_amounts_stay_two_quantities(text, pieces, units):
    amounts = _spans(text, *pieces)
    for a, u in zip(amounts, units):
        a["unit"] = u
    qs = newsquant.quantities_from_result({"article": {"text": text}, "periods": [], "amounts": amounts})
    assert len(qs) == 2


def test_counted_noun_is_the_unit_when_given():
    assert "mosque" in newsquant.amount_units(amount(2.0, unit="count", noun="Mosque"))
    assert newsquant.amount_units(amount(2.0, unit="count")) == ("count", "-")


def test_counted_noun_comes_from_the_amounts_field_of_and_its_phrase():
    # the amounts component names the counted noun's lemma `of` (models.Amount); the scorer read
    # only `noun`, so no count ever matched CQE's noun units ("people", "user", "heart transplant")
    units = newsquant.amount_units(amount(40.0, unit="count", of="ferry", text="more than 40 river ferries"))
    assert units[:2] == ("ferry", "river ferry")
    units = newsquant.amount_units(amount(3e6, unit="count", of="voter", text="3 million first-time voters"))
    assert "first-time voter" in units and "voter" in units
    assert newsquant.amount_units(amount(12.0, unit="count", of="people", text="twelve people"))[:1] == ("people",)
    # a phrase is only built from what our span holds: nothing before the number joins it
    assert "top seed" not in newsquant.amount_units(amount(3.0, unit="count", of="seed", text="three seeds"))


def test_a_rate_is_cqes_compound_unit():
    # "$58 per barrel": our unit USD, per "barrel" -> CQE "dollar per barrel" (and no longer plain "dollar")
    units = newsquant.amount_units(amount(58.0, unit="USD", per="barrel"))
    assert "dollar per barrel" in units and "dollar" not in units
    assert newsquant.amount_units(amount(15.0, unit="cent", per="share")) == ("cent per share",)
    assert "dollar per square foot" in newsquant.amount_units(amount(95.0, unit="USD", per="square_foot"))


def test_unit_table_maps_our_units_to_cqe_names():
    assert "dollar" in newsquant.cqe_units_for("USD")
    assert newsquant.cqe_units_for("percent") == ("percentage",)
    assert newsquant.cqe_units_for("degree_Celsius") == ("celsius",)
    assert newsquant.cqe_units_for("mile_per_hour") == ("mile per hour",)


# --------------------------------------------------------------------------- TempEval-3

MADE_UP_TML = """<?xml version="1.0" ?><TimeML><DOCID>made_up</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-02-14" functionInDocument="CREATION_TIME">Feb 14, 2020</TIMEX3></DCT>
<TEXT>Sales fell <EVENT eid="e1">sharply</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-02-13">Thursday</TIMEX3> &amp; over <TIMEX3 tid="t2" type="DURATION" value="P3M">the past three months</TIMEX3>, said Ann <TIMEX3 tid="t3" type="SET" value="XXXX-WXX">weekly</TIMEX3>.</TEXT>
</TimeML>"""


def test_parse_timeml_offsets_index_the_stripped_text(tmp_path):
    path = tmp_path / "made_up.tml"
    path.write_text(MADE_UP_TML)
    doc = tempeval.parse_timeml(path)
    assert doc.dct.isoformat() == "2020-02-14"
    assert "<" not in doc.text and "&amp;" not in doc.text and "& over" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "2020-02-13"), ("the past three months", "DURATION", "P3M"), ("weekly", "SET", "XXXX-WXX")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_strict_and_relaxed_extent_and_value(tmp_path):
    path = tmp_path / "made_up.tml"
    path.write_text(MADE_UP_TML)
    doc = tempeval.parse_timeml(path)
    thursday, months, _ = doc.timexes
    predicted = [
        tempeval.Timex(thursday.start - 3, thursday.end, "on Thursday", "DATE", "2020-02-13"),   # relaxed only
        tempeval.Timex(months.start + 4, months.end, "past three months", "DURATION", "P3M"),   # relaxed only
        tempeval.Timex(0, 5, "Sales", "DATE", None),                                           # false hit
    ]
    s = tempeval.score_timexes([doc], [predicted]).scores
    assert (s["extent strict"].tp, s["extent relaxed"].tp) == (0, 2)
    assert s["extent relaxed"].predicted == 3 and s["extent relaxed"].gold == 3
    assert s["value (all types)"].tp == 2
    # DATE+DURATION: the SET timex leaves the gold side
    assert s["value (DATE+DURATION)"].gold == 2 and s["value (DATE+DURATION)"].recall == 1.0
    predicted[0] = tempeval.Timex(thursday.start, thursday.end, "Thursday", "DATE", "2020-02-14")
    s = tempeval.score_timexes([doc], [predicted]).scores
    assert s["extent strict"].tp == 1 and s["value (all types)"].tp == 1


@pytest.mark.parametrize("period, value", [
    ({"from": "2019-12-05", "to": "2019-12-05", "granularity": "day"}, "2019-12-05"),
    ({"from": "2013-03-11", "to": "2013-03-17", "granularity": "week"}, "2013-W11"),
    ({"from": "2019-12-01", "to": "2019-12-31", "granularity": "month"}, "2019-12"),
    ({"from": "2013-01-01", "to": "2013-03-31", "granularity": "quarter"}, "2013-Q1"),
    ({"from": "2013-07-01", "to": "2013-12-31", "granularity": "half"}, "2013-H2"),
    ({"from": "2012-01-01", "to": "2012-12-31", "granularity": "year"}, "2012"),
    ({"from": "1990-01-01", "to": "1999-12-31", "granularity": "range"}, "199"),
    ({"from": "1900-01-01", "to": "1999-12-31", "granularity": "range"}, "19"),
    ({"granularity": "duration", "duration": "P6Y", "from": None, "to": None}, "P6Y"),
    ({"from": "2019-12-01", "to": "2025-09-30", "granularity": "range"}, None),
    ({"from": "2012-06-21", "to": "2012-09-22", "granularity": "range", "value": "2012-SU"}, "2012-SU"),
])
def test_timex_value(period, value):
    assert tempeval.timex_value(period) == value


# --------------------------------------------------------------------------- PolNeAR

@pytest.mark.parametrize("text, ends", [
    ("Coal output fell every year from 2009 to 2011.", [("2009", "2009"), ("2011", "2011")]),
    ("The 1961-62 harvest was the worst on record.", [("1961", "1961"), ("62", "1962")]),
    ("Exports recovered between January and March 2024.", [("January", "2024-01"), ("March 2024", "2024-03")]),
])
def test_a_range_of_two_dates_is_two_timexes_as_timeml_annotates_it(parse, text, ends):
    from extractor.pipeline.periods import find_periods
    doc = parse(text)
    periods = [p.model_dump(mode="json", by_alias=True) for p in find_periods(doc, doc._.published)]
    timexes = tempeval.timexes_from_result({"periods": periods})
    assert [(t.text, t.value) for t in timexes] == ends
    assert all(text[t.start:t.end] == t.text for t in timexes)


def test_a_duration_is_never_split(parse):
    from extractor.pipeline.periods import find_periods
    doc = parse("The repairs took two to three weeks.")
    periods = [p.model_dump(mode="json", by_alias=True) for p in find_periods(doc, None)]
    assert [(t.text, t.type) for t in tempeval.timexes_from_result({"periods": periods})] == [("two to three weeks", "DURATION")]


def test_parse_ann_and_overlap():
    ann = "T1\tSource 0 9\tthe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 30\tx\nT4\tSource 40 43;50 55\tshe ... aides\n" \
          "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
    spans = polnear.parse_ann(ann)
    assert [(s.role, s.fragments) for s in spans] == [("Source", [(0, 9)]), ("Cue", [(10, 14)]),
                                                     ("Source", [(40, 43), (50, 55)])]
    gap = polnear.Span("Source", [(44, 49)])  # between the two fragments: no overlap
    assert not polnear.fragments_overlap(spans[2], gap)
    assert polnear.fragments_overlap(spans[2], polnear.Span("Source", [(52, 60)]))


def test_cue_located_nearest_the_source():
    text = "Bob said it rained. Later, the mayor said it did not, and Ann said nothing."
    start = text.index("the mayor")
    cue = polnear.locate_cue(text, "said", start, start + len("the mayor"))
    assert cue == (text.index("said it did"), text.index("said it did") + 4)
    scored = polnear.score_attributions(
        [polnear.PolnearArticle("x", text, None, [polnear.Span("Source", [(start, start + 9)], "the mayor"),
                                                 polnear.Span("Cue", [cue], "said")])],
        [polnear.spans_from_result({"article": {"text": text}, "sources": [
            {"text": "mayor", "start": start + 4, "end": start + 9, "name": "mayor", "cue": "said"}]})])
    assert scored.scores["source overlap"].f1 == 1.0 and scored.scores["cue overlap"].f1 == 1.0


def test_a_mention_with_two_cues_is_one_source_and_two_cues_and_misses_are_written(tmp_path):
    text = "The mayor said taxes rise, adding that fees fall. Ann wrote back."
    said, adding = text.index("said"), text.index("adding")
    ann = (f"T1\tSource 0 9\tThe mayor\nT2\tCue {said} {said + 4}\tsaid\nT3\tCue {adding} {adding + 6}\tadding\n"
           f"T4\tSource 50 53\tAnn\nT5\tCue 54 59\twrote\n"
           "E1\tAttribution:T2 Cue:T2 Source:T1\nE2\tAttribution:T3 Cue:T3 Source:T1\nE3\tAttribution:T5 Cue:T5 Source:T4\n")
    article = polnear.PolnearArticle("x", text, None, polnear.parse_ann(ann))
    mayor = {"text": "The mayor", "start": 0, "end": 9, "name": "mayor"}
    ours = polnear.spans_from_result({"article": {"text": text}, "attributions": [
        {**mayor, "cue": "said", "cue_start": said, "cue_end": said + 4},
        {**mayor, "cue": "added", "cue_start": adding, "cue_end": adding + 6}]})
    assert [s.role for s in ours] == ["Source", "Cue", "Cue"]
    scored = polnear.score_attributions([article], [ours])
    assert scored.scores["source overlap"].f1 == pytest.approx(2 / 3) and scored.scores["cue overlap"].recall == pytest.approx(2 / 3)
    path = polnear.write_misses(tmp_path / "out" / "misses.jsonl", [article, article], [ours, []], folds=2)
    first, second = [json.loads(line) for line in path.read_text().splitlines()]
    assert (first["fold"], second["fold"]) == (1, 2)
    assert [(m["role"], m["text"], m["partner"], m["partner_found"]) for m in first["missed"]] == [
        ("Source", "Ann", "wrote", False), ("Cue", "wrote", "Ann", False)]
    assert first["false"] == [] and "[[Ann]]" in first["missed"][0]["context"]
    assert len(second["missed"]) == 5


# --------------------------------------------------------------------------- MEANTIME

MADE_UP_CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="made_up">
<token t_id="1" sentence="0" number="0">Acme</token><token t_id="2" sentence="0" number="1">grows</token>
<token t_id="3" sentence="1" number="2">May</token><token t_id="4" sentence="1" number="3">2</token>
<token t_id="5" sentence="1" number="4">,</token><token t_id="6" sentence="1" number="5">2011</token>
<token t_id="7" sentence="2" number="6">Jane</token><token t_id="8" sentence="2" number="7">Roe</token>
<token t_id="9" sentence="2" number="8">said</token><token t_id="10" sentence="2" number="9">sales</token>
<token t_id="11" sentence="2" number="10">rose</token><token t_id="12" sentence="2" number="11">5</token>
<token t_id="13" sentence="2" number="12">%</token><token t_id="14" sentence="2" number="13">.</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2011-05-02" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<ENTITY_MENTION m_id="21" syntactic_type="NAM"><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="22" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<EVENT_MENTION m_id="23" pred="say"><token_anchor t_id="9"/></EVENT_MENTION>
<VALUE m_id="24" type="PERCENT"><token_anchor t_id="12"/><token_anchor t_id="13"/></VALUE>
<ENTITY m_id="30" ent_type="PER"/><ENTITY m_id="31" ent_type="ORG"/><EVENT m_id="32" class="SPEECH_COGNITIVE"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="21"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="22"/><target m_id="31"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="23"/><target m_id="32"/></REFERS_TO>
<HAS_PARTICIPANT r_id="4" sem_role="Arg0"><source m_id="23"/><target m_id="21"/></HAS_PARTICIPANT>
</Relations></Document>"""


def test_meantime_text_rebuilt_and_mentions_typed(tmp_path):
    path = tmp_path / "made_up.xml"
    path.write_text(MADE_UP_CAT)
    doc = meantime.parse_meantime(path)
    assert doc.text == "Acme grows\nMay 2, 2011\nJane Roe said sales rose 5%."
    assert doc.dct.isoformat() == "2011-05-02"
    got = {(m.category, m.text) for m in doc.mentions}
    assert got == {("organization", "Acme"), ("date", "May 2, 2011"), ("person", "Jane Roe"),
                   ("source", "Jane Roe"), ("percent", "5%")}
    roe = doc.text.index("Roe")
    ours = [meantime.Mention("person", roe, roe + 3, "Roe"), meantime.Mention("money", 0, 4, "Acme")]
    scored = meantime.score_mentions([doc], [ours])
    assert scored.scores["person overlap"].f1 == 1.0
    assert scored.scores["money overlap"].predicted == 1 and scored.scores["money overlap"].tp == 0
    # past the last annotated sentence a prediction counts neither way
    assert doc.annotated_end == len(doc.text)
    doc.annotated_end = doc.text.index("Jane")
    scored = meantime.score_mentions([doc], [ours])
    assert scored.scores["person overlap"].predicted == 0 and scored.scores["person overlap"].gold == 1


# --------------------------------------------------------------------------- report

def test_report_markdown_has_reference_and_target():
    row = Row("newsquant", "value", Score(9, 10, 10), {"quantulum3": Score(5, 10, 10)})
    report = Report([BenchmarkResult("newsquant", rows=[row])])
    md = render_markdown(report)
    assert "| newsquant | value | **0.900**" in md
    assert "CQE" in md and "0.920" in md          # published reference from reference_scores.json
    assert "≥0.93 NOT met" in md                  # the project's target
    assert "quantulum3 0.500" in md


# --------------------------------------------------------------------------- the shared benchmarks' first documents

def _need(path: Path):
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


def test_newsquant_and_recognizers_load():
    for path in [_need(BENCHMARKS / "newsquant" / "NewsQuant.json"),
                 *sorted(_need(BENCHMARKS / "recognizers_text_cqe").glob("*-model.json"))]:
        sentences = newsquant.load_cqe_file(path)
        assert sentences and sentences[0].text
        assert sum(len(s.quantities) for s in sentences) > 0
        assert all(isinstance(q.value, (float, tuple)) and q.unit for s in sentences for q in s.quantities)


def test_tempeval_first_document_offsets():
    path = sorted(_need(BENCHMARKS / "tempeval3_platinum").glob("*.tml"))[0]
    doc = tempeval.parse_timeml(path)
    assert doc.dct is not None and doc.timexes
    for t in doc.timexes:
        assert 0 <= t.start < t.end <= len(doc.text) and doc.text[t.start:t.end] == t.text and t.value


def test_meantime_first_document_offsets():
    path = sorted((_need(BENCHMARKS / "meantime_en") / "intra_cross-doc_annotation").rglob("*.xml"))[0]
    doc = meantime.parse_meantime(path)
    assert doc.dct is not None
    categories = {m.category for m in doc.mentions}
    assert {"date", "organization"} <= categories
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(doc.text) and doc.text[m.start:m.end] == m.text


def test_polnear_first_article_offsets():
    articles = polnear.load_polnear_dir(_need(BENCHMARKS / "polnear"))
    art = articles[0]
    assert art.published is not None and art.spans
    assert {s.role for s in art.spans} == {"Source", "Cue"}
    for s in art.spans:
        assert 0 <= s.start < s.end <= len(art.text)
        if len(s.fragments) == 1:
            assert art.text[s.start:s.end] == s.text


def test_gold_articles_load():
    pairs = gold_mod.load_gold_dir(_need(BENCHMARKS / "articles"))
    assert pairs
    article, gold = pairs[0]
    assert article["text"] and gold["amounts"] and gold["periods"]
    for a in gold["amounts"]:
        assert a["text"] in article["text"]


# --------------------------------------------------------------------------- the command

def test_eval_command_json_and_markdown(tmp_path, monkeypatch):
    import typer
    from typer.testing import CliRunner

    import extractor
    from extractor.evaluation.cli import eval_command

    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "a.json").write_text(json.dumps({"id": "made-up", "text": "Freedonia ..."}))
    (tmp_path / "gold" / "a.json").write_text(json.dumps(made_up_gold()))
    monkeypatch.setattr(extractor, "Pipeline", lambda *a, **k: FakePipeline(made_up_result()), raising=False)
    app = typer.Typer()
    app.command()(eval_command)
    runner = CliRunner()
    out = runner.invoke(app, [str(tmp_path), "--baseline", "none", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    rows = {r["metric"]: r for r in data["benchmarks"][0]["rows"]}
    assert rows["amounts"]["ours"]["tp"] == 1 and rows["persons"]["ours"]["recall"] == 0.0
    out = runner.invoke(app, [str(tmp_path), "--baseline", "none", "--markdown"])
    assert out.exit_code == 0 and "| gold:" in out.stdout
    out = runner.invoke(app, [str(tmp_path), "--baseline", "bogus"])
    assert out.exit_code != 0
    out = runner.invoke(app, [str(tmp_path / "nowhere"), "--baseline", "none"])
    assert out.exit_code == 2
