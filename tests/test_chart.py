"""The chart of a trade claim: what is drawn (against a real seeded store and checked articles) and the SVG."""
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from extractor.pipeline.calendar_spans import add_months, month_end
from extractor.serve.chart import Bar, ChartData, chart_data, render_svg, short_money
from extractor.verify.check import check
from extractor.verify.store import Store

from conftest import CORPUS

SVG = "{http://www.w3.org/2000/svg}"

# Written for this test: one right figure, one wrong, one for a pair no store holds.
OWN_ARTICLE = (
    "China's exports to North Korea were $300 million in September 2025, according to China's customs. "
    "Trade between China and North Korea reached $227 million in October 2025. "
    "Russia's exports to North Korea were $20 million in September 2025."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("chart") / "s.db"
    with Store(f"sqlite:///{path}") as s:        # seeds itself from corpus/customs
        yield s


@pytest.fixture(scope="module")
def showcase(pipeline, store):
    article = json.loads((CORPUS / "articles" / "trade-claims-showcase.json").read_text(encoding="utf-8"))
    result = pipeline.extract(article["text"], published=article["published"], id=article["id"])
    return check(result, store)


@pytest.fixture(scope="module")
def own(pipeline, store):
    return check(pipeline.extract(OWN_ARTICLE, published="2025-12-01", id="chart-own"), store)


def claim_for(result, value, kind="trade_value"):
    """The claim whose amount has this value (the articles state each number once)."""
    return next(c for c in result.claims if c.kind == kind and c.amount is not None
                and result.amounts[c.amount].value == value)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def bar_top(root: ET.Element, period: str) -> float:
    return next(float(e.get("y")) for e in with_class(root, "chart-bar") if e.get("data-period") == period)


# -- what is drawn -------------------------------------------------------------------------------

def test_month_claim_draws_the_months_around_it_with_the_stores_values(own, store):
    claim = claim_for(own, 300_000_000.0)
    verdict = next(v for v in own.verdicts if v.claim == claim.id)
    assert verdict.status == "contradicted"
    data = chart_data(own, claim.id, store)
    assert data.unit == "month" and data.currency == "USD" and data.status == "contradicted"
    assert data.title.startswith("China's exports to North Korea (China's customs")
    # The months are consecutive, the claimed one among them, highlighted and alone.
    starts = [b.start for b in data.bars]
    assert starts == [add_months(starts[0], i) for i in range(len(starts))]
    assert [b.label for b in data.bars if b.role == "official"] == ["Sep 2025"]
    assert starts[0] >= date(2024, 9, 1) and starts[-1] <= date(2025, 12, 1)
    # Every stored month of the window is drawn with the store's value, and nothing else is.
    stored = store.months("CHN", "PRK", "export", date(2024, 9, 1), date(2025, 12, 31))
    assert {f.from_: f.value for f in stored} == {b.start: b.value for b in data.bars if b.value is not None}
    assert {date(2025, 8, 1), date(2025, 11, 1)} <= {b.start for b in data.bars if b.value is not None}
    official = next(b for b in data.bars if b.role == "official")
    assert official.value == verdict.expected == 228_100_000.0 and official.figure_ids == tuple(verdict.figures)
    assert data.claimed == 300_000_000.0 and data.claimed_label == "claimed $300M"
    assert "claims $300M for September 2025" in data.description and "(contradicted)" in data.description


def test_month_claim_svg_marks_the_claimed_value_above_the_official_bar(own, store):
    data = chart_data(own, claim_for(own, 300_000_000.0).id, store)
    svg = render_svg(data)
    root = parse(svg)
    assert "<script" not in svg.lower() and "href" not in svg
    assert root.get("role") == "img" and root.get("aria-label") == data.description
    assert root.find(f"{SVG}title").text == data.title
    (line,) = with_class(root, "chart-claimed")
    assert line.tag == f"{SVG}line" and line.get("stroke-dasharray") and float(line.get("data-value")) == 300_000_000.0
    (label,) = with_class(root, "chart-claimed-label")
    assert label.text == "claimed $300M"
    (official,) = with_class(root, "chart-official")
    assert official.get("data-period") == "Sep 2025" and "chart-bar" in official.get("class")
    # $300M is above the $228.1M bar: a smaller y in SVG coordinates.
    assert float(line.get("y1")) < bar_top(root, "Sep 2025")
    assert len(with_class(root, "chart-bar")) == sum(b.value is not None for b in data.bars)
    assert any(t.text == "$228.1M" for t in with_class(root, "chart-official-label"))
    axis = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("$")]
    assert "$0" in axis and "$300M" in axis


def test_a_supported_claim_sits_on_its_bar(showcase, store):
    claim = claim_for(showcase, 257_400_000.0)     # North Korea imported $257.4 million … in December
    data = chart_data(showcase, claim.id, store)
    root = parse(render_svg(data))
    (line,) = with_class(root, "chart-claimed")
    assert float(line.get("y1")) == pytest.approx(bar_top(root, "Dec 2025"), abs=0.2)


def test_a_total_and_a_claim_without_figures(own, store):
    total = chart_data(own, claim_for(own, 227_000_000.0).id, store)
    assert total.title.startswith("China–North Korea trade") and total.status == "supported"
    assert next(b for b in total.bars if b.role == "official").value == 227_000_000.0
    # Russia–North Korea: the store has nothing, so the page shows no chart.
    assert chart_data(own, claim_for(own, 20_000_000.0).id, store) is None


def test_year_claim_draws_yearly_totals(showcase, store):
    claim = claim_for(showcase, 2_730_000_000.0)   # "totaled $2.73 billion last year"
    data = chart_data(showcase, claim.id, store)
    assert data.unit == "year" and data.claimed == 2_730_000_000.0
    assert [b.label for b in data.bars if b.role == "official"] == ["2025"]
    for bar in data.bars:
        cell = store.cell("CHN", "PRK", "total", bar.start, bar.end)
        assert bar.value == (cell.value if cell else None)
    assert data.bars[-1].label == "2025" and data.bars[0].label == "2020"


def test_half_year_claim_is_drawn_as_a_monthly_average(showcase, store):
    claim = claim_for(showcase, 1_670_000_000.0)   # "In the first half of 2017, China sold $1.67 billion"
    data = chart_data(showcase, claim.id, store)
    assert data.unit == "month"
    assert [b.label for b in data.bars if b.role == "official"] == [
        f"{m} 2017" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")]
    assert data.claimed == pytest.approx(1_670_000_000.0 / 6)
    assert data.official_level == pytest.approx(1_670_000_000.0 / 6)
    assert "$1.67B" in data.note and "of 6 months stored" in data.note
    root = parse(render_svg(data))
    assert with_class(root, "chart-claimed") and with_class(root, "chart-official-line")
    assert root.find(f"{SVG}desc").text == data.note


def test_change_claim_marks_the_level_it_implies_and_both_periods(showcase, store):
    claim = claim_for(showcase, 34.0, kind="trade_change")   # "in September total trade jumped 34% from a year earlier"
    data = chart_data(showcase, claim.id, store)
    roles = {b.label: b.role for b in data.bars if b.role}
    assert roles == {"Sep 2024": "base", "Sep 2025": "official"}
    base = next(b for b in data.bars if b.role == "base")
    assert data.claimed == pytest.approx(base.value * 1.34)
    assert data.claimed_label == f"claimed +34% from {short_money(base.value)} (Sep 2024) = {short_money(base.value * 1.34)}"
    root = parse(render_svg(data))
    assert [e.get("data-period") for e in with_class(root, "chart-base")] == ["Sep 2024"]


def test_comparison_claim_draws_the_months_it_is_about(pipeline, store):
    article = json.loads((CORPUS / "articles" / "nk-china-trade-2025-09.json").read_text(encoding="utf-8"))
    result = check(pipeline.extract(article["text"], published=article["published"], id=article["id"]), store)
    claim = next(c for c in result.claims if c.kind == "comparison" and c.comparison.relation == "highest_in")
    data = chart_data(result, claim.id, store)     # "its highest level in over six years"
    assert data.bars[-1].label == "Sep 2025" and data.bars[-1].role == "official"
    assert data.bars[0].start >= date(2019, 9, 1) and data.claimed == data.bars[-1].value == 271_000_000.0
    # The month that breaks "highest" is drawn above the claimed line.
    assert data.status == "contradicted"
    breakers = [b.label for b in data.bars if b.value is not None and b.value > data.claimed]
    assert breakers == ["Oct 2019"]
    root = parse(render_svg(data))
    assert bar_top(root, "Oct 2019") < float(with_class(root, "chart-claimed")[0].get("y1"))


def test_a_result_as_a_dict_and_an_unchecked_result(pipeline, showcase, store):
    claim = claim_for(showcase, 1_750_000_000.0)   # North Korea's outbound shipments to China in 2017
    checked = chart_data(showcase, claim.id, store)
    assert chart_data(showcase.model_dump(mode="json"), claim.id, store) == checked
    # Without verdicts the series is where the check looks: China's imports (the mirror record).
    unchecked = showcase.model_copy(update={"verdicts": []})
    derived = chart_data(unchecked, claim.id, store)
    assert derived.title == checked.title and derived.title.startswith("China's imports from North Korea")
    assert derived.bars == checked.bars and derived.status is None


def test_no_trade_and_unknown_claims(showcase, store):
    claim = claim_for(showcase, 257_400_000.0)
    no_trade = showcase.model_copy(update={"claims": [claim.model_copy(update={"trade": None})]})
    assert chart_data(no_trade, claim.id, store) is None
    with pytest.raises(KeyError):
        chart_data(showcase, "no-such-claim", store)


# -- the SVG -------------------------------------------------------------------------------------

def test_text_from_data_is_escaped_and_the_svg_is_xml():
    hostile = '<script>alert("x")</script> & "quotes"'
    data = ChartData(
        claim_id="c1", title=hostile, description=hostile, currency="USD", unit="month",
        bars=(Bar(hostile, date(2025, 8, 1), date(2025, 8, 31), 100e6),
              Bar("Sep 2025", date(2025, 9, 1), month_end(date(2025, 9, 1)), 120e6, "official"),
              Bar("Oct 2025", date(2025, 10, 1), date(2025, 10, 31), None)),
        claimed=150e6, claimed_label=hostile, note=hostile, status="contradicted")
    svg = render_svg(data)
    assert "<script" not in svg
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert root.get("aria-label") == hostile and root.find(f"{SVG}title").text == hostile
    assert with_class(root, "chart-claimed-label")[0].text == hostile
    assert with_class(root, "chart-note")[0].text == hostile
    assert [e.get("data-period") for e in with_class(root, "chart-bar")] == [hostile, "Sep 2025"]
    assert with_class(root, "chart-missing")[0].find(f"{SVG}title").text == "Oct 2025: no figure stored"


def test_render_size_and_range_band():
    data = ChartData(claim_id="c2", title="t", description="d", currency="CNY", unit="year",
                     bars=(Bar("2024", date(2024, 1, 1), date(2024, 12, 31), 2e9, "official"),),
                     claimed=1.5e9, claimed_high=2.5e9, claimed_label="claimed CNY 1.5B–CNY 2.5B")
    root = parse(render_svg(data, width=400, height=200))
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("400", "200", "0 0 400 200")
    (band,) = with_class(root, "chart-claimed")
    assert band.tag == f"{SVG}rect" and float(band.get("height")) > 0
    assert any(t.text == "CNY 2B" for t in root.iter(f"{SVG}text"))


def test_short_money():
    assert short_money(271_200_000) == "$271.2M"
    assert short_money(2_730_000_000) == "$2.73B"
    assert short_money(250_000_000) == "$250M"
    assert short_money(500_000) == "$500K"
    assert short_money(0) == "$0"
    assert short_money(1_500_000_000, "CNY") == "CNY 1.5B"
