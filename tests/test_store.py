"""The figures store, on SQLite and on PostgreSQL alike.

Every test that takes ``store`` (or ``store_url``) runs once per backend. PostgreSQL is at
``$NEWSCLAIMS_TEST_PG_URL`` (``.ci/run`` starts a server and sets it; the ``postgres_url``
fixture is in conftest.py). Outside CI an unreachable server skips the PostgreSQL half; in CI
(``CI=true``) it fails.
"""
from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from extractor.pipeline.calendar_spans import month_end
from extractor.verify.schema import ALL_GOODS, ImportReport, StoreError, metadata
from extractor.verify.store import CHUNK_ROWS, Store, resolve_url
from models import Figure

SEED_ROWS = 195          # rows of corpus/customs/china_prk_gacc.csv
SEED_CELLS = 193         # 2025-03 total has two revisions; 2023-04 wig imports two reports of one revision


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """An empty database of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'figures.db'}"
    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def store(store_url):
    """A store seeded on first use, as a user gets it."""
    s = Store(store_url)
    yield s
    s.close()


@pytest.fixture
def empty_store(store_url):
    s = Store(store_url, seed=False)
    yield s
    s.close()


def fig(period: str = "2030-01", value: float = 100.0, **kw) -> Figure:
    """A made-up monthly CHN→PRK figure (2030: no seed figure there)."""
    year, month = map(int, period.split("-"))
    start = date(year, month, 1)
    end = month_end(start)
    fields = dict(reporter="CHN", partner="PRK", flow="total", period=period, from_=start, to=end,
                  granularity="month", value=value, precision=0.5, source_name="test",
                  source_url="https://example.org/t")
    fields.update(kw)
    return Figure(**fields)


# ---------------------------------------------------------------- seed and lookups


def test_seed_loads_on_first_use_once(store, store_url):
    assert store.count_figures() == SEED_ROWS
    sep = store.cell("CHN", "PRK", "total", date(2025, 9, 1), date(2025, 9, 30))
    assert sep is not None and sep.value == 271_000_000 and sep.precision == 500_000
    assert sep.source_name == "GACC" and sep.source_outlet == "Korea JoongAng Daily"
    assert sep.source_url.startswith("https://koreajoongangdaily.joins.com/")
    again = Store(store_url)                      # a second first-use check must not re-seed
    assert again.count_figures() == SEED_ROWS
    again.close()


def test_seed_false_leaves_an_empty_store(empty_store):
    assert empty_store.count_figures() == 0
    assert empty_store.cell("CHN", "PRK", "total", date(2025, 9, 1), date(2025, 9, 30)) is None
    assert not empty_store.has_pair("CHN", "PRK")


def test_no_seed_folder_means_no_seed(store_url, tmp_path, monkeypatch):
    """A pip install may not ship corpus/customs: the store opens empty instead of failing."""
    import extractor.verify.store as store_module

    monkeypatch.setattr(store_module, "SEED_DIR", tmp_path / "not-shipped")
    with Store(store_url) as s:
        assert s.count_figures() == 0


def test_latest_revision_answers_and_every_revision_is_kept(store):
    march = (date(2025, 3, 1), date(2025, 3, 31))
    latest = store.cell("CHN", "PRK", "total", *march)
    assert (latest.value, latest.revision) == (238_200_000, 2)
    revisions = store.revisions("CHN", "PRK", "total", *march)
    assert [(f.revision, f.value) for f in revisions] == [(1, 238_100_000), (2, 238_200_000)]
    assert store.get_figure(revisions[0].id) == revisions[0]
    listed = store.list_figures(reporter="CHN", date_from=march[0], date_to=march[1])
    assert [f.id for f in listed] == [latest.id]
    everything = store.list_figures(reporter="CHN", date_from=march[0], date_to=march[1], all_revisions=True)
    assert [f.id for f in everything] == [f.id for f in revisions]
    assert len(store.list_figures()) == SEED_CELLS


def test_figure_ids_are_stable_and_readable(store):
    latest = store.cell("CHN", "PRK", "total", date(2025, 3, 1), date(2025, 3, 31))
    # The same on every backend and every run: derived from cell, revision, value and page.
    assert latest.id == "CHN-PRK-total-2025-03-r2-485ef4d233"
    wigs = store.cell("CHN", "PRK", "import", date(2023, 4, 1), date(2023, 4, 30), commodity="6704")
    assert wigs.id.startswith("CHN-PRK-import-2023-04-6704-r1-")


def test_two_reports_of_one_revision_prefer_the_dated_release(store):
    # Seed: 2023-04 wig imports, $22.7M "more than" (undated blog) and $22.6M (Firstpost, 2023-05-23).
    cell = ("CHN", "PRK", "import", date(2023, 4, 1), date(2023, 4, 30))
    assert store.cell(*cell, commodity="6704").value == 22_600_000
    assert len(store.revisions(*cell, commodity="6704")) == 2
    assert store.cell(*cell) is None               # no all-goods figure for that month's imports


def test_hs_codes_are_normalized_and_unmapped_goods_never_answer_all_goods(store):
    q1 = ("CHN", "PRK", "export", date(2022, 1, 1), date(2022, 3, 31))
    # Same cell in the seed: the all-goods $173.4M, and goods with and without HS codes.
    assert store.cell(*q1).value == 173_400_000
    assert [f.value for f in store.revisions(*q1)] == [173_400_000]
    assert store.cell(*q1, commodity="1511").commodity_name == "palm oil"   # "1511 (mapped)" -> 1511
    goods = store.list_figures(reporter="CHN", flow="export", date_from=q1[3], date_to=q1[4])
    soda = [f for f in goods if f.commodity_name == "soda"]
    assert len(soda) == 1 and soda[0].commodity is None
    all_goods = store.list_figures(reporter="CHN", flow="export", date_from=q1[3], date_to=q1[4], commodity=ALL_GOODS)
    assert [f.value for f in all_goods if f.period == "2022-01..2022-03"] == [173_400_000]


def test_months_are_ordered_latest_revision_each_and_within_the_window(store):
    got = store.months("CHN", "PRK", "total", date(2025, 1, 1), date(2025, 12, 31))
    assert [(f.period, f.value) for f in got] == [
        ("2025-03", 238_200_000), ("2025-04", 222_100_000), ("2025-05", 230_000_000),
        ("2025-09", 271_000_000), ("2025-10", 227_000_000), ("2025-11", 281_000_000),
    ]
    assert all(f.granularity == "month" for f in got)      # not the 2025 year or Jan-May span
    assert [f.period for f in store.months("CHN", "PRK", "total", date(2025, 4, 1), date(2025, 9, 30))] == [
        "2025-04", "2025-05", "2025-09"]
    # Added out of order, with a later revision in the middle: still by month, latest each.
    store.add_figures([fig("2030-03", 3), fig("2030-01", 1), fig("2030-02", 2),
                       fig("2030-02", 22, revision=2)])
    assert [(f.period, f.value) for f in store.months("CHN", "PRK", "total", date(2030, 1, 1), date(2030, 12, 31))] \
        == [("2030-01", 1), ("2030-02", 22), ("2030-03", 3)]


def test_pairs_and_currencies(store):
    assert store.has_pair("CHN", "PRK") and not store.has_pair("PRK", "CHN") and not store.has_pair("RUS", "PRK")
    assert store.currencies("CHN", "PRK") == {"USD"}
    store.add_figures([fig("2030-01", 700, currency="CNY")])
    assert store.currencies("CHN", "PRK") == {"USD", "CNY"}
    jan = ("CHN", "PRK", "total", date(2030, 1, 1), date(2030, 1, 31))
    assert store.cell(*jan) is None                           # never converted: USD has no figure
    assert store.cell(*jan, currency="CNY").value == 700


def test_add_figures_is_idempotent(empty_store):
    batch = [fig("2030-01", 1), fig("2030-02", 2)]
    assert empty_store.add_figures(batch) == ImportReport(added=2, skipped_duplicates=0)
    assert empty_store.add_figures(batch) == ImportReport(added=0, skipped_duplicates=2)
    # Another value for the same cell and revision is another report: kept, not merged.
    assert empty_store.add_figures([fig("2030-01", 1.5)]).added == 1
    assert empty_store.count_figures() == 3


def test_add_figures_is_one_transaction(empty_store):
    def figures_then_failure():
        for i in range(CHUNK_ROWS + 10):            # past one chunk: some rows were already sent
            yield fig(f"{2100 + i // 12}-{i % 12 + 1:02d}", i)
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        empty_store.add_figures(figures_then_failure())
    assert empty_store.count_figures() == 0


def test_invalid_figure_is_rejected(empty_store):
    with pytest.raises(ValueError, match="value"):
        empty_store.add_figures([fig("2030-01", float("nan"))])
    assert empty_store.count_figures() == 0


def test_list_figures_filters(store):
    got = store.list_figures(reporter="CHN", partner="PRK", flow="total",
                             date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert {f.period for f in got} == {"2025", "2025-01..2025-05", "2025-01..2025-06", "2025-03", "2025-04",
                                       "2025-05", "2025-09", "2025-10", "2025-11"}
    assert all(f.flow == "total" for f in got)
    assert len(store.list_figures(limit=5)) == 5
    assert store.list_figures(reporter="RUS") == []
    assert {f.commodity for f in store.list_figures(commodity="6704")} == {"6704"}


def test_lookups_use_the_indexes(store):
    plans = store.explain_lookups()
    if store.engine.dialect.name == "sqlite":
        assert "USING INDEX ix_figures_cell" in plans["cell"][0]
        assert "USING INDEX ix_figures_series" in plans["months"][0]
    else:    # PostgreSQL may prefer a sequential scan of 195 rows; the plan must at least exist
        assert plans["cell"] and plans["months"]


# ---------------------------------------------------------------- checks


def _checked_article(article_id: str, published: str, verdict_statuses: dict[str, str]) -> dict:
    """A contract JSON result with three trade claims and their verdicts."""
    return {
        "article": {"id": article_id, "url": None, "title": "t", "outlet": "Sample Wire",
                    "published": published, "text": "…"},
        "amounts": [
            {"text": "$271.2 million", "start": 0, "end": 1, "value": 271_200_000.0, "unit": "USD", "bound": "exact"},
            {"text": "$3.1 billion", "start": 0, "end": 1, "value": 3_100_000_000.0, "unit": "USD", "bound": "exact"},
            {"text": "about $34 million", "start": 0, "end": 1, "value": 34_000_000.0, "unit": "USD", "bound": "approx"},
        ],
        "periods": [
            {"text": "September", "start": 0, "end": 1, "from": "2025-09-01", "to": "2025-09-30", "granularity": "month"},
            {"text": "2019", "start": 0, "end": 1, "from": "2019-01-01", "to": "2019-12-31", "granularity": "year"},
            {"text": "2023", "start": 0, "end": 1, "from": "2023-01-01", "to": "2023-12-31", "granularity": "year"},
        ],
        "actors": [
            {"text": "North Korea", "start": 0, "end": 1, "name": "North Korea", "id": "PRK", "type": "country"},
            {"text": "China", "start": 0, "end": 1, "name": "China", "id": "CHN", "type": "country"},
            {"text": "Russia", "start": 0, "end": 1, "name": "Russia", "id": "RUS", "type": "country"},
        ],
        "sources": [],
        "claims": [
            {"id": "t1", "kind": "trade_value", "sentence": "s1", "start": 0, "end": 10, "amount": 0, "period": 0,
             "actors": [0, 1], "sources": [], "trade": {"flow": "total", "between": ["CHN", "PRK"]}},
            {"id": "t2", "kind": "trade_value", "sentence": "s2", "start": 11, "end": 20, "amount": 1, "period": 1,
             "actors": [0, 1], "sources": [], "trade": {"flow": "total", "between": ["CHN", "PRK"]}},
            {"id": "t3", "kind": "trade_value", "sentence": "s3", "start": 21, "end": 30, "amount": 2, "period": 2,
             "actors": [2], "sources": [], "trade": {"flow": "directional", "from": "RUS", "to": "PRK"}},
        ],
        "verdicts": [
            {"claim": cid, "status": status, "claimed": 1.0, "expected": 2.0, "unit": "USD",
             "figures": [f"fig-{cid}"], "explanation": f"{cid} is {status}"}
            for cid, status in verdict_statuses.items()
        ],
        "consistency": [],
        "warnings": [],
    }


def test_save_check_and_query_claims(store):
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported", "t2": "contradicted", "t3": "unverifiable"}))
    store.save_check(_checked_article("a2", "2026-01-20", {"t1": "contradicted", "t2": "contradicted"}))

    everything = store.query_claims()
    assert len(everything) == 6
    assert [r["article_id"] for r in everything][:3] == ["a2", "a2", "a2"]     # newest article first

    contradicted = store.query_claims(status="contradicted")
    assert sorted((r["article_id"], r["claim_id"]) for r in contradicted) == [("a1", "t2"), ("a2", "t1"), ("a2", "t2")]
    row = next(r for r in contradicted if (r["article_id"], r["claim_id"]) == ("a1", "t2"))
    assert row["actors"] == ["CHN", "PRK"] and row["trade_between"] == ["CHN", "PRK"]
    assert row["period_from"] == "2019-01-01" and row["amount_value"] == 3_100_000_000.0
    assert row["figures"] == ["fig-t2"] and row["explanation"] == "t2 is contradicted"

    # "every contradicted claim about PRK in 2025"
    prk_2025 = store.query_claims(status="contradicted", actor="PRK", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert [(r["article_id"], r["claim_id"]) for r in prk_2025] == [("a2", "t1")]
    assert [(r["article_id"], r["claim_id"]) for r in store.query_claims(actor="RUS")] == [("a2", "t3"), ("a1", "t3")]
    assert store.query_claims(actor="RUS", status="supported") == []
    unchecked = [r for r in store.query_claims(date_from=date(2023, 6, 1), date_to=date(2023, 6, 30))]
    assert [(r["article_id"], r["claim_id"], r["status"]) for r in unchecked] == [("a2", "t3", None), ("a1", "t3", "unverifiable")]
    assert len(store.query_claims(limit=2)) == 2 and len(store.query_claims(limit=10, offset=4)) == 2


def test_a_changed_check_adds_a_version_and_the_index_answers_about_the_latest(store):
    first = store.save_check(_checked_article("a1", "2025-10-21", {"t1": "contradicted", "t2": "contradicted"}))
    second = store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported"}))
    assert (first.version, first.added) == (1, True)
    assert (second.version, second.added, second.text_changed, second.verdicts_changed) == (2, True, False, True)
    rows = store.query_claims()
    assert len(rows) == 3 and {r["article_version"] for r in rows} == {2}
    assert {r["claim_id"]: r["status"] for r in rows} == {"t1": "supported", "t2": None, "t3": None}
    assert store.query_claims(status="contradicted") == []
    # Version 1 is still there, whole, with the day it was checked.
    assert [v["status"] for v in store.get_article("a1", version=1)["verdicts"]] == ["contradicted", "contradicted"]
    assert [v["status"] for v in store.get_article("a1")["verdicts"]] == ["supported"]
    assert store.get_article("a1", version=3) is None and store.checked_on("a1", version=3) is None
    assert store.checked_on("a1", version=1) == store.checked_on("a1")


def test_an_identical_check_adds_nothing_and_other_text_adds_a_version(store):
    result = _checked_article("a1", "2025-10-21", {"t1": "supported"})
    store.save_check(result)
    again = store.save_check(result)
    assert (again.version, again.added) == (1, False)
    edited = json.loads(json.dumps(result))
    edited["article"]["text"] = "An updated story."
    changed = store.save_check(edited)
    assert (changed.version, changed.text_changed, changed.verdicts_changed) == (2, True, False)
    versions = store.list_versions("a1")
    assert [(v["version"], v["text_changed"], v["verdicts_changed"], v["claims"], v["verdicts"]) for v in versions] == [
        (1, False, False, 3, {"supported": 1}), (2, True, False, 3, {"supported": 1})]
    import hashlib

    assert versions[1]["text_sha256"] == hashlib.sha256(b"An updated story.").hexdigest()
    assert versions[0]["checked_at"] <= versions[1]["checked_at"]
    assert store.list_versions("nope") == []
    assert store.list_articles()[0]["version"] == 2


def test_each_version_records_the_figures_revision_it_was_checked_against(store):
    before = store.figures_revision()
    assert before >= 1                                    # the seed import
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported"}))
    store.add_figures([fig("2030-01", 1)])
    assert store.add_figures([fig("2030-01", 1)]).added == 0  # nothing added: no new revision
    assert store.figures_revision() == before + 1
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "close"}))
    assert [v["figures_revision"] for v in store.list_versions("a1")] == [before, before + 1]


def test_the_audit_log_lists_every_write_with_who_and_from_where(store):
    from extractor.verify.store import Writer

    newsroom = Writer("newsroom-cms", "192.0.2.10")
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported"}), by=newsroom)
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported"}), by=Writer("open", "127.0.0.1"))
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "contradicted"}), by=Writer("open", "127.0.0.1"))
    store.add_figures([fig("2030-01", 1)], by=newsroom, source="upload")
    rows = store.audit(limit=4)
    assert [(r["action"], r["who"], r["client"], r["article_id"], r["version"]) for r in rows] == [
        ("figures_imported", "newsroom-cms", "192.0.2.10", None, None),
        ("version_added", "open", "127.0.0.1", "a1", 2),
        ("check_stored", "newsroom-cms", "192.0.2.10", "a1", 1),
        ("figures_imported", "seed", None, None, None),
    ]
    assert rows[0]["detail"] == "upload: 1 figure(s) added, 0 already stored"
    assert rows[1]["detail"].startswith("verdicts changed")
    assert [r["action"] for r in store.audit(article_id="a1")] == ["version_added", "check_stored"]
    assert [r["version"] for r in store.audit(action="version_added")] == [2]


def test_stored_articles_list_newest_first_and_come_back_whole(store):
    store.save_check(_checked_article("a1", "2025-10-21", {"t1": "supported", "t2": "contradicted", "t3": "contradicted"}))
    store.save_check(_checked_article("a2", "2026-01-20", {"t1": "contradicted"}))
    listed = store.list_articles()
    assert [a["id"] for a in listed] == ["a2", "a1"]
    assert listed[1]["published"] == "2025-10-21"
    assert listed[1]["verdicts"] == {"supported": 1, "contradicted": 2}
    assert [a["id"] for a in store.list_articles(limit=1, offset=1)] == ["a1"]
    whole = store.get_article("a1")
    assert whole["article"]["id"] == "a1" and [v["status"] for v in whole["verdicts"]] == ["supported", "contradicted", "contradicted"]
    assert store.get_article("nope") is None
    assert store.checked_on("a1").isoformat() == listed[1]["checked_at"][:10]
    assert store.checked_on("nope") is None


def test_save_check_rejects_a_verdict_for_an_unknown_claim(store):
    result = _checked_article("a1", "2025-10-21", {"t9": "supported"})
    with pytest.raises(StoreError, match="unknown claim 't9'"):
        store.save_check(result)
    assert store.query_claims() == []


# ---------------------------------------------------------------- where the store lives


def test_default_database_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSCLAIMS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'newsclaims' / 'newsclaims.db'}"
    with Store(seed=False) as s:
        assert s.count_figures() == 0
    assert (tmp_path / "data" / "newsclaims" / "newsclaims.db").exists()
    monkeypatch.setenv("NEWSCLAIMS_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_unreachable_database_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such directory"):
        Store(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match=r"cannot open postgresql\+psycopg://u:\*\*\*@127.0.0.1:1/db"):
        Store("postgresql://u:secret@127.0.0.1:1/db")


# ---------------------------------------------------------------- upgrading a store made by release 0.1.0


def _release_0_1_tables():
    """The table definitions of release 0.1.0 (tests/fixtures/store_schema_v1.py)."""
    path = Path(__file__).parent / "fixtures" / "store_schema_v1.py"
    spec = importlib.util.spec_from_file_location("store_schema_v1", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _make_release_0_1_store(url: str) -> dict:
    """A store as release 0.1.0 left it: its tables, two figures, one checked article with
    its claims and verdicts; returns the stored result."""
    old = _release_0_1_tables()
    engine = create_engine(url)                  # store_url is an empty database
    old.metadata.create_all(engine)
    result = _checked_article("story-1", "2025-10-21", {"t1": "supported", "t2": "contradicted"})
    result["article"]["text"] = "Trade between North Korea and China reached $271.2 million in September."
    checked_at = datetime(2025, 10, 22, 8, 30, tzinfo=timezone.utc)
    with engine.begin() as conn:
        from extractor.verify.schema import figure_row

        conn.execute(old.figures.insert(), [figure_row(fig("2030-01", 10)), figure_row(fig("2030-02", 20))])
        conn.execute(old.articles.insert(), [{
            "id": "story-1", "url": None, "title": "t", "outlet": "Sample Wire", "published": date(2025, 10, 21),
            "checked_at": checked_at, "extraction": json.dumps(result)}])
        conn.execute(old.claims.insert(), [
            {"article_id": "story-1", "claim_id": c["id"], "kind": c["kind"], "sentence": c["sentence"],
             "sentence_start": c["start"], "period_from": date(2025, 9, 1), "period_to": date(2025, 9, 30)}
            for c in result["claims"]])
        conn.execute(old.claim_actors.insert(), [{"article_id": "story-1", "claim_id": "t1", "actor": "PRK"}])
        conn.execute(old.verdicts.insert(), [
            {"article_id": "story-1", "claim_id": v["claim"], "status": v["status"], "figure_ids": "[]",
             "explanation": v["explanation"]} for v in result["verdicts"]])
    engine.dispose()
    return result


def test_a_store_made_by_release_0_1_is_upgraded_in_place_with_its_data(store_url):
    stored = _make_release_0_1_store(store_url)
    with Store(store_url) as upgraded:
        assert upgraded.count_figures() == 2                         # not re-seeded: figures were there
        assert upgraded.get_article("story-1") == stored
        assert upgraded.get_article("story-1", version=1) == stored
        [v1] = upgraded.list_versions("story-1")
        assert (v1["version"], v1["checked_at"], v1["figures_revision"]) == (1, "2025-10-22T08:30:00+00:00", None)
        assert upgraded.checked_on("story-1").isoformat() == "2025-10-22"
        assert [(r["claim_id"], r["status"]) for r in upgraded.query_claims(actor="PRK")] == [("t1", "supported")]
        [upgrade_row] = upgraded.audit(action="store_upgraded")
        assert upgrade_row["detail"] == "schema 1 → 2: 1 checked article(s) kept as version 1"
        assert upgraded.figures_revision() == 1
        # The upgraded store versions like a new one: the same check is nothing, a changed one is version 2.
        assert upgraded.save_check(stored).added is False
        edited = json.loads(json.dumps(stored))
        edited["article"]["text"] = "Nothing to see here."
        assert upgraded.save_check(edited).version == 2
        assert upgraded.get_article("story-1", version=1) == stored
    with Store(store_url) as reopened:                               # upgraded once, not again
        assert len(reopened.audit(action="store_upgraded")) == 1


def test_an_upgraded_store_has_the_tables_of_a_new_one(store_url, tmp_path):
    from sqlalchemy import inspect

    _make_release_0_1_store(store_url)
    Store(store_url, seed=False).close()
    fresh_url = f"sqlite:///{tmp_path / 'fresh.db'}"
    Store(fresh_url, seed=False).close()

    def columns(url):
        engine = create_engine(url)
        inspector = inspect(engine)
        found = {t: sorted((c["name"], c["nullable"]) for c in inspector.get_columns(t))
                 for t in inspector.get_table_names()}
        engine.dispose()
        return found

    assert columns(store_url) == columns(fresh_url)


def test_a_store_newer_than_this_release_is_refused(store_url):
    from sqlalchemy import update

    from extractor.verify.schema import SCHEMA_VERSION, store_meta

    Store(store_url, seed=False).close()
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(update(store_meta).where(store_meta.c.name == "schema_version").values(value=SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this newsclaims"):
        Store(store_url)
