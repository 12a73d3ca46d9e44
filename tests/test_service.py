"""The HTTP service, through its API: every endpoint, its error cases and the token rule.

One app (one extraction worker process) serves the module; its store is a temporary
SQLite file seeded from corpus/customs, so verdicts are the real check's. The server has a
token and the client sends it unless a test says otherwise (versions, the audit log and
who may write: tests/test_service_versions.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

fastapi_testclient = pytest.importorskip("fastapi.testclient")

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "test-token-4f1c"

# Written for these tests: one figure is wrong (China's exports to North Korea in November
# 2025 were $244 million in China's customs data, not $310 million).
ONE_WRONG_FIGURE = (
    "Beijing's shipments to North Korea picked up at the end of last year. China exported "
    "$257.4 million worth of goods to North Korea in December, customs data released on Tuesday showed.\n\n"
    "Trade between the two countries totaled $2.73 billion in 2025. In November, China's exports "
    "to North Korea were $310 million, according to the same data."
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    db = tmp_path_factory.mktemp("service") / "store.db"
    app = create_app(f"sqlite:///{db}", token=TOKEN, max_body=200_000)
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


@pytest.fixture(scope="module")
def checked(client):
    """The wrong-figure article, checked (and so stored) through the API."""
    response = client.post("/v1/check", content=ONE_WRONG_FIGURE.encode(),
                           params={"published": "2026-01-21", "id": "one-wrong-figure", "title": "Year-end trade",
                                   "url": "https://example.org/news/year-end-trade"},
                           headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 200, response.text
    return response.json()


def _contract_problems(result: dict) -> list:
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    check_contract = pytest.importorskip("check_contract")
    return check_contract.problems(result)


# ---------------------------------------------------------------- extract and check


def test_extract_takes_a_json_article_and_answers_in_the_contract(client):
    article = json.loads((ROOT / "corpus" / "articles" / "nk-china-trade-2025-09.json").read_text())
    response = client.post("/v1/extract", json=article)
    assert response.status_code == 200, response.text
    result = response.json()
    assert _contract_problems(result) == []
    assert result["article"]["id"] == article["id"]
    assert result["verdicts"] == []            # extraction only
    assert any(c["kind"] == "trade_value" for c in result["claims"])


def test_extract_plain_text_anchors_relative_periods_on_the_published_query(client):
    response = client.post("/v1/extract", content="North Korea imported $12 million of rice from China last month.",
                           params={"published": "2025-10-21"}, headers={"Content-Type": "text/plain"})
    assert response.status_code == 200, response.text
    period = response.json()["periods"][0]
    assert (period["from"], period["to"]) == ("2025-09-01", "2025-09-30")


def test_extract_amount_scope_all_reports_every_quantity(client):
    text = "Hundreds of fans and a 70-year-old coach saw exports rise 3% in May."
    units = {}
    for scope in ("claims", "all"):
        response = client.post("/v1/extract", content=text, params={"amount_scope": scope},
                               headers={"Content-Type": "text/plain"})
        assert response.status_code == 200, response.text
        units[scope] = [a["unit"] for a in response.json()["amounts"]]
    assert units == {"claims": ["percent"], "all": ["count", "year_of_age", "percent"]}
    bad = client.post("/v1/extract", content=text, params={"amount_scope": "most"}, headers={"Content-Type": "text/plain"})
    assert bad.status_code == 422 and "amount_scope" in bad.text


def test_extract_html_reads_the_main_text_and_metadata_and_drops_scripts(client):
    page = ("<html><head><title>Rice deliveries resume</title>"
            "<meta property='article:published_time' content='2025-10-21'></head><body>"
            "<nav>Home | World | Business</nav><script>alert('x')</script><article><h1>Rice deliveries resume</h1>"
            "<p>North Korea imported $12 million of rice from China last month, traders in Dandong said.</p>"
            "<p>The shipments were the largest since the spring, according to the traders.</p></article></body></html>")
    response = client.post("/v1/extract", content=page.encode(), headers={"Content-Type": "text/html"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert "alert" not in result["article"]["text"]
    assert result["article"]["title"] == "Rice deliveries resume"
    assert result["article"]["published"] == "2025-10-21"
    assert [a["value"] for a in result["amounts"]] == [12_000_000]


def test_check_finds_the_wrong_figure_and_stores_the_article(client, checked):
    assert _contract_problems(checked) == []
    statuses = {v["claimed"]: v["status"] for v in checked["verdicts"]}
    assert statuses[310_000_000] == "contradicted"
    assert statuses[257_400_000] == "supported"
    wrong = next(v for v in checked["verdicts"] if v["status"] == "contradicted")
    assert wrong["expected"] == 244_000_000 and "$244 million" in wrong["explanation"]
    stored = client.get("/v1/articles/one-wrong-figure")
    assert stored.status_code == 200
    assert stored.json()["verdicts"] == checked["verdicts"]


# ---------------------------------------------------------------- the store


def test_articles_list_and_page(client, checked):
    listed = client.get("/v1/articles").json()
    assert "one-wrong-figure" in [a["id"] for a in listed["items"]]
    entry = next(a for a in listed["items"] if a["id"] == "one-wrong-figure")
    assert entry["verdicts"]["contradicted"] == 1 and entry["published"] == "2026-01-21"
    first = client.get("/v1/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["limit"] == 1
    assert client.get("/v1/articles/no-such-article").status_code == 404


def test_claims_filter_by_status_actor_and_period(client, checked):
    params = {"status": "contradicted", "actor": "PRK", "from": "2025-01-01", "to": "2025-12-31"}
    items = client.get("/v1/claims", params=params).json()["items"]
    assert [(c["article_id"], c["claimed"]) for c in items] == [("one-wrong-figure", 310_000_000)]
    assert client.get("/v1/claims", params={**params, "actor": "RUS"}).json()["items"] == []
    assert client.get("/v1/claims", params={**params, "from": "2026-01-01", "to": "2026-12-31"}).json()["items"] == []
    everything = client.get("/v1/claims", params={"limit": 2}).json()
    assert len(everything["items"]) == 2 and everything["next_offset"] == 2
    rest = client.get("/v1/claims", params={"limit": 2, "offset": 2}).json()
    assert rest["items"] and rest["items"][0]["claim_id"] not in {c["claim_id"] for c in everything["items"]}


def test_claims_reject_bad_filters_with_a_message(client):
    bad_status = client.get("/v1/claims", params={"status": "wrong"})
    assert bad_status.status_code == 422 and "status" in bad_status.json()["detail"]
    bad_date = client.get("/v1/claims", params={"from": "yesterday"})
    assert bad_date.status_code == 422 and "from" in bad_date.json()["detail"]
    unix_time = client.get("/v1/claims", params={"to": "0"})          # pydantic alone would read 1970-01-01
    assert unix_time.status_code == 422 and "YYYY-MM-DD" in unix_time.json()["detail"]
    # 'from' after 'to' is a question the document allows: claims whose period covers both days.
    spanning = client.get("/v1/claims", params={"from": "2025-12-31", "to": "2025-01-01"})
    assert spanning.status_code == 200 and all(
        c["period_from"] <= "2025-01-01" and c["period_to"] >= "2025-12-31" for c in spanning.json()["items"])


def test_figures_filter_by_reporter_partner_and_dates(client):
    items = client.get("/v1/figures", params={"reporter": "chn", "partner": "PRK", "flow": "export",
                                              "from": "2025-11-01", "to": "2025-11-30"}).json()["items"]
    assert items and all(f["reporter"] == "CHN" and f["flow"] == "export" and f["from"] >= "2025-11-01"
                         and f["to"] <= "2025-11-30" for f in items)
    assert any(f["value"] == 244_000_000 for f in items)
    page = client.get("/v1/figures", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["next_offset"] == 3


def test_claimreview_of_a_stored_article(client, checked):
    response = client.get("/v1/articles/one-wrong-figure/claimreview")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    reviews = response.json()
    assert len(reviews) == len(checked["verdicts"])
    wrong = next(v for v in checked["verdicts"] if v["status"] == "contradicted")
    one = client.get("/v1/articles/one-wrong-figure/claimreview", params={"claim": wrong["claim"]}).json()
    assert one["@type"] == "ClaimReview" and one["reviewRating"]["alternateName"] == "contradicted"
    assert one["reviewBody"] == wrong["explanation"]
    assert client.get("/v1/articles/one-wrong-figure/claimreview", params={"claim": "nope"}).status_code == 404
    from extractor.verify.claimreview import validate_jsonld

    assert [validate_jsonld(r) for r in reviews] == [[] for _ in reviews]


def test_article_ids_may_hold_slashes(client):
    article = {"id": "desk/2026/01/rice", "published": "2026-01-21",
               "text": "China exported $257.4 million of goods to North Korea in December 2025, customs data showed."}
    assert client.post("/v1/check", json=article).status_code == 200
    assert client.get("/v1/articles/desk/2026/01/rice").json()["article"]["id"] == "desk/2026/01/rice"
    assert len(client.get("/v1/articles/desk/2026/01/rice/claimreview").json()) == 1
    assert client.get("/articles/desk%2F2026%2F01%2Frice").status_code == 200


# ---------------------------------------------------------------- importing figures: the token rule


FIGURE = {"reporter": "CHN", "partner": "PRK", "flow": "export", "period": "2031-01", "from": "2031-01-01",
          "to": "2031-01-31", "granularity": "month", "value": 123_000_000, "currency": "USD",
          "precision": 500_000, "source_name": "GACC", "source_url": "https://example.org/gacc-2031-01"}


def test_figure_import_needs_the_bearer_token(client):
    assert client.post("/v1/figures", json=[FIGURE], headers={"Authorization": ""}).status_code == 401
    wrong = client.post("/v1/figures", json=[FIGURE], headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/figures", params={"from": "2031-01-01"}).json()["items"] == []


def test_figure_import_with_the_token_is_idempotent(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/v1/figures", json=[FIGURE], headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["added"] == 1
    assert client.post("/v1/figures", json=[FIGURE], headers=auth).json() == {"added": 0, "already_stored": 1, "skipped": {}}
    stored = client.get("/v1/figures", params={"from": "2031-01-01"}).json()["items"]
    assert [(f["period"], f["value"]) for f in stored] == [("2031-01", 123_000_000)]


def test_figure_import_takes_the_project_csv(client):
    header = ("reporter,partner,flow,period,from,to,granularity,value,currency,precision,qualifier,revision,"
              "commodity,hs_code,quantity,data_source,source_outlet,source_url,published,note\n")
    row = "CHN,PRK,import,2031-02,2031-02-01,2031-02-28,month,45000000,USD,500000,,1,,,,GACC,,https://example.org/x,,\n"
    response = client.post("/v1/figures", content=(header + row).encode(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/csv"})
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 1


def test_figure_import_rejects_a_bad_figure_and_keeps_nothing(client):
    bad = dict(FIGURE, period="2031-03", **{"from": "2031-03-01", "to": "2031-03-31"}, value="a lot")
    good = dict(FIGURE, period="2031-04", **{"from": "2031-04-01", "to": "2031-04-30"})
    response = client.post("/v1/figures", json=[good, bad], headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and "value" in response.json()["detail"]
    assert client.get("/v1/figures", params={"from": "2031-04-01"}).json()["items"] == []


def test_figure_import_refuses_a_figure_that_ends_before_it_starts(client):
    backwards = dict(FIGURE, period="2031-05", **{"from": "2031-05-31", "to": "2031-05-01"})
    response = client.post("/v1/figures", json=[backwards])
    assert response.status_code == 422 and "before 'from'" in response.json()["detail"]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("body, content_type, expected", [
    (b"", "text/plain", "empty"),
    (b"{\"text\": ", "application/json", "not valid JSON"),
    (b"[1, 2]", "application/json", "one article object"),
    (b"{\"txt\": \"China exported $5 million.\"}", "application/json", "txt: Extra inputs are not permitted"),
    (b"{\"published\": \"2025-10-21\"}", "application/json", "give the article's 'text' or its page's 'html'"),
    (b"{\"text\": 42}", "application/json", "text: Input should be a valid string"),
    (b"{\"text\": \"China exported $5 million.\", \"published\": \"last Tuesday\"}", "application/json", "published"),
    (b"\xff\xfe\xfa China", "text/plain", "not UTF-8"),
    (b"   \n\n  ", "text/plain", "empty"),
])
def test_malformed_input_gets_422_saying_what_is_wrong(client, body, content_type, expected):
    response = client.post("/v1/extract", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 422, response.text
    assert expected in response.json()["detail"]


def test_unsupported_content_type_gets_415(client):
    response = client.post("/v1/extract", content=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    assert response.status_code == 415 and "application/pdf" in response.json()["detail"]


def test_oversized_body_gets_413_declared_or_streamed(client):
    big = b"China exported $5 million of rice. " * 6000        # 210,000 bytes > the 200,000 limit
    declared = client.post("/v1/extract", content=big, headers={"Content-Type": "text/plain"})
    assert declared.status_code == 413 and "200,000" in declared.json()["detail"]

    def chunks():                                               # no Content-Length: chunked
        for i in range(0, len(big), 10_000):
            yield big[i:i + 10_000]

    streamed = client.post("/v1/extract", content=chunks(), headers={"Content-Type": "text/plain"})
    assert streamed.status_code == 413
    assert client.get("/healthz").json()["status"] == "ok"


def test_default_body_limit_is_two_megabytes():
    from extractor.serve.app import DEFAULT_MAX_BODY

    assert DEFAULT_MAX_BODY == 2 * 1024 * 1024


def test_a_request_that_runs_too_long_is_cut_and_the_server_keeps_serving(tmp_path):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 's.db'}", timeout=1.0, max_body=3_000_000)
    paragraph = ("China's exports to North Korea rose 20.9% to $227.8 million in September, "
                 "according to the customs office in Beijing, while imports fell. ") * 3
    # ~700 kB of distinct paragraphs (repeated ones would be dropped as page boilerplate):
    # far more than a second of work.
    long_article = "\n\n".join(f"Report {i}: {paragraph}" for i in range(1500))
    with TestClient(app) as c:
        c.app.state.pool.wait_ready()
        cut = c.post("/v1/extract", content=long_article.encode(), headers={"Content-Type": "text/plain"})
        assert cut.status_code == 503 and "longer than 1 s" in cut.json()["detail"]
        assert cut.headers.get("retry-after")
        after = c.post("/v1/extract", content=paragraph.encode(), headers={"Content-Type": "text/plain"},
                       params={"published": "2025-10-21"})
        assert after.status_code == 200, after.text
        assert after.json()["amounts"][0]["value"] == 20.9
        assert c.get("/healthz").json()["status"] == "ok"


# ---------------------------------------------------------------- health, docs, pages


def test_healthz_reports_the_store_and_workers(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["store"] == "sqlite"
    assert health["figures"] > 100 and health["workers"] == 1


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/extract", "/v1/check", "/v1/articles", "/v1/articles/{article_id}",
                 "/v1/articles/{article_id}/claimreview", "/v1/claims", "/v1/figures", "/healthz"):
        assert path in paths
    assert set(paths["/v1/extract"]["post"]["requestBody"]["content"]) >= {"application/json", "text/plain", "text/html"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    for asset in ("/docs-static/swagger-ui-bundle.js", "/docs-static/swagger-ui.css"):
        assert client.get(asset).status_code == 200


def test_review_page_marks_claims_and_keeps_article_html_as_text(client, checked):
    hostile = ("<script>document.title='pwned'</script> China exported <b>$257.4 million</b> of goods "
               "to North Korea in December 2025, customs data showed.")
    stored = client.post("/v1/check", content=hostile.encode(), params={"published": "2026-01-21", "id": "hostile"},
                         headers={"Content-Type": "text/plain"})
    assert stored.status_code == 200, stored.text
    page = client.get("/articles/hostile")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    html = page.text
    assert "<script>document.title" not in html and "&lt;script&gt;document.title" in html
    assert "<b>$257.4 million</b>" not in html

    review = client.get("/articles/one-wrong-figure").text
    assert 'class="badge contradicted"' in review and 'class="badge supported"' in review
    assert '<span class="hl amount"' in review and "hl period" in review and "hl actor" in review
    assert "<svg" in review and "Copy as ClaimReview" in review
    index = client.get("/").text
    assert "/articles/one-wrong-figure" in index
    missing = client.get("/articles/nope", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and "nope" in missing.text


def test_review_page_marks_where_the_article_contradicts_itself(client):
    article = json.loads((ROOT / "corpus" / "articles" / "nk-china-trade-2025-09.json").read_text())
    checked = client.post("/v1/check", json=article).json()
    inconsistent = [c for c in checked["consistency"] if c["status"] == "inconsistent"]
    assert inconsistent, "the sample article's 'over six years' vs 'since December 2019' should be caught"
    page = client.get(f"/articles/{article['id']}").text
    assert page.count('class="badge inconsistent"') >= 1 + len(inconsistent[0]["claims"])
    assert "5 years 9 months" in page
