"""Claim assembly over the full pipeline, on sentences written for these tests."""
import pytest


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, published="2025-10-21"):
        r = pipeline.extract(text, published=published)
        return r
    return _run


def trade_claims(result):
    out = []
    for c in result.claims:
        if c.kind.startswith("trade"):
            amount = result.amounts[c.amount]
            period = result.periods[c.period] if c.period is not None else None
            t = c.trade
            parties = tuple(t.between) if t.flow == "total" else (t.from_, t.to)
            out.append((c.kind, amount.value, amount.unit, t.flow, parties,
                        (str(period.from_), str(period.to)) if period else None, t.basis))
    return out


def test_import_verb_makes_the_subject_the_importer(run):
    r = run("North Korea imported $31.5 million of fertilizer from China in March.")
    assert trade_claims(r) == [("trade_value", 31_500_000.0, "USD", "directional", ("CHN", "PRK"),
                                ("2025-03-01", "2025-03-31"), None)]


def test_export_noun_with_possessor_and_to_party(run):
    r = run("China's exports to North Korea reached $190 million in August 2024.")
    assert trade_claims(r)[0][3:6] == ("directional", ("CHN", "PRK"), ("2024-08-01", "2024-08-31"))


def test_trade_between_is_a_sorted_total(run):
    r = run("Trade between Russia and North Korea totaled $34 million last year.")
    assert trade_claims(r)[0][3:6] == ("total", ("PRK", "RUS"), ("2024-01-01", "2024-12-31"))


def test_change_with_basis_and_reference_period_excluded(run):
    r = run("China's imports from North Korea fell 40% in July from a year earlier.")
    kind, value, unit, flow, parties, period, basis = trade_claims(r)[0]
    assert (kind, value, unit, parties, basis) == ("trade_change", 40.0, "percent", ("PRK", "CHN"), "year_on_year")
    assert period == ("2025-07-01", "2025-07-31")
    assert r.amounts[r.claims[0].amount].change == "down"


def test_missing_period_and_party_come_from_the_previous_trade_sentence(run):
    text = ("Trade between China and North Korea rose to $200 million last month. "
            "North Korea bought $170 million worth of goods, mostly food and fuel.")
    claims = trade_claims(run(text))
    assert claims[1] == ("trade_value", 170_000_000.0, "USD", "directional", ("CHN", "PRK"),
                         ("2025-09-01", "2025-09-30"), None)


def test_superlative_since_is_a_comparison_with_reference_and_when_clause(run):
    text = ("Trade between North Korea and China reached $250.5 million in August, the highest since "
            "March 2018, when it stood at $260 million.")
    r = run(text)
    trades = trade_claims(r)
    assert trades[0][5] == ("2025-08-01", "2025-08-31")
    assert trades[1][1] == 260_000_000.0 and trades[1][5] == ("2018-03-01", "2018-03-31")
    comparison = [c for c in r.claims if c.kind == "comparison"][0]
    assert comparison.comparison.relation == "highest_since"
    assert r.periods[comparison.comparison.reference_period].text == "March 2018"
    assert r.amounts[comparison.amount].value == 250_500_000.0


def test_amounts_outside_trade_are_quantities(run):
    r = run("The port of Nampo handled 3,000 containers in June.")
    assert [c.kind for c in r.claims] == ["quantity"]


def test_claim_ids_are_stable_and_offsets_point_into_clean_text(run):
    text = "Home > World\n\nNorth Korea exported $9.4 million of wigs to China in May.\n\nShare this article"
    first, second = run(text), run(text)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    clean = first.article.text
    for c in first.claims:
        assert clean[c.start:c.end] == c.sentence
    for a in first.amounts:
        assert clean[a.start:a.end] == a.text


def test_a_repeated_caption_does_not_count_its_claim_twice(run):
    caption = "China shipped $2 million of flour to North Korea in May, port officials said."
    r = run(f"{caption}\n\n{caption}\n\nOther news followed.")
    assert len([c for c in r.claims if c.kind == "trade_value"]) == 1


def test_named_goods_get_their_hs_heading(run):
    r = run("China's coal imports from North Korea reached $150 million in 2016.")
    claim = next(c for c in r.claims if c.kind == "trade_value")
    assert (claim.trade.from_, claim.trade.to, claim.trade.commodity) == ("PRK", "CHN", "2701")


def test_goods_outside_the_table_are_a_goods_claim_never_checked_as_all_goods(run, tmp_path):
    from extractor.verify.check import check
    from extractor.verify.store import Store

    r = run("North Korea's exports of ginseng to China reached $4 million in 2016.")
    (claim,) = [c for c in r.claims if c.kind == "trade_value"]
    assert (claim.trade.from_, claim.trade.to, claim.trade.commodity, claim.trade.commodity_text) == \
        ("PRK", "CHN", None, "ginseng")
    (verdict,) = check(r, Store(f"sqlite:///{tmp_path}/s.db")).verdicts
    assert verdict.status == "unverifiable" and "goods 'ginseng'" in verdict.explanation


def test_a_quantity_of_named_goods_is_a_goods_claim(run):
    r = run("China shipped 16,000 tonnes of rice to North Korea in October, customs data showed.")
    (claim,) = [c for c in r.claims if c.kind == "trade_value"]
    assert (claim.trade.from_, claim.trade.to, claim.trade.commodity, r.amounts[claim.amount].unit) == \
        ("CHN", "PRK", "1006", "tonne")


def test_what_may_be_traded_is_no_claim(run):
    r = run("Under the sanctions, North Korea may import up to 500,000 barrels of refined petroleum a year.")
    assert all(not c.kind.startswith("trade") for c in r.claims)


def test_exchange_rates_are_not_trade(run):
    r = run("North Korea said its revenue rose to two billion yuan, or about $270 million at current exchange rates.")
    assert all(not c.kind.startswith("trade") for c in r.claims)


def test_the_two_countries_name_the_article_pair(run):
    text = ("China and North Korea reopened a border crossing in Dandong. "
            "The two countries exchanged goods worth $95.2 million in April.")
    claims = trade_claims(run(text, published="2025-05-20"))
    assert claims == [("trade_value", 95_200_000.0, "USD", "total", ("CHN", "PRK"), ("2025-04-01", "2025-04-30"), None)]


def test_demonstrative_sentence_continues_the_series_with_the_basis_of_its_reference(run):
    text = ("China's exports to North Korea were $150 million last month, down from $200 million in August. "
            "That amounts to a decline of 25%.")
    claims = trade_claims(run(text))
    change = [c for c in claims if c[0] == "trade_change"]
    assert change == [("trade_change", 25.0, "percent", "directional", ("CHN", "PRK"),
                       ("2025-09-01", "2025-09-30"), "period_on_period")]
    assert ("trade_value", 200_000_000.0, "USD", "directional", ("CHN", "PRK"), ("2025-08-01", "2025-08-31"), None) in claims


def test_a_period_right_after_an_amount_is_its_own(run):
    text = "Trade between China and North Korea reached $230 million in May, up from $222.1 million the month prior."
    claims = trade_claims(run(text, published="2025-06-20"))
    assert [c[5] for c in claims] == [("2025-05-01", "2025-05-31"), ("2025-04-01", "2025-04-30")]


def test_a_trade_sentence_naming_no_state_needs_a_trade_story_before_it(run):
    assert [c.kind for c in run("Exports rose to $40 million in June.").claims] == ["quantity"]
    text = "North Korea's trade with China grew in the spring. Trade rose to $40 million in June."
    assert trade_claims(run(text))[0][3:5] == ("total", ("CHN", "PRK"))


def test_goods_level_claims_need_the_parties_in_their_sentence(run):
    text = ("North Korea's trade with China grew in the spring. "
            "Coal sales suffered an 86% drop after inspections were tightened.")
    assert all(not c.kind.startswith("trade") for c in run(text).claims)
