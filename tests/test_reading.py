"""One reader for every command: a saved page, a URL and the service's ``html`` field give the
same article (text, title, date, the right amounts); the date's precedence (given > the
page's metadata > its byline) and the warnings that say where it came from.

Pages are written for these tests. URLs are served by a local HTTP server the test starts
(no internet).
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A news page as a fact-checker saves it: navigation, an ad, a byline, a footer, and the
# amounts at the very end of their paragraphs ("$201.7 million.</p>": read as text, that
# was "$201.7" and a false inconsistency).
PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Border trade climbs in February | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-03-21T09:00:00+09:00">
<link rel="canonical" href="https://news.example.org/2024/03/border-trade-climbs">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/opinion">Opinion</a></nav>
<div class="ad"><p>Advertisement</p><p>Subscribe now for $1 a week.</p></div>
<article>
<h1>Border trade climbs in February</h1>
<p class="byline">By Lee Soo-jin | Published March 20, 2024</p>
<p>Trade between China and North Korea rose in February as trucks returned to the bridge at Dandong, according to figures released by China's customs agency on Wednesday. The two countries traded goods worth $201.7 million.</p>
<p>Most of that was Chinese exports of fertilizer, flour and building materials. Imports from North Korea came to $12.1 million.</p>
<p>Traders in the border city said the spring planting season usually lifts shipments of farm supplies.</p>
</article>
<footer><p>Copyright 2024 Example Daily. All rights reserved.</p><p>Contact us | Privacy | Terms</p></footer>
</body></html>
"""
META_NOTE = "publication date 2024-03-21 from the page's metadata (article:published_time)"


def newsclaims(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=300)


def assert_read_like_the_page(result: dict) -> None:
    """What the issue's fact-checker should have got from the page."""
    assert result["article"]["published"] == "2024-03-21"
    assert result["article"]["title"] == "Border trade climbs in February"
    assert result["article"]["outlet"] == "Example Daily"
    assert [(a["text"], a["value"], a["unit"]) for a in result["amounts"]] == [
        ("$201.7 million", 201_700_000, "USD"), ("$12.1 million", 12_100_000, "USD")]
    assert [c for c in result["consistency"] if c["status"] == "inconsistent"] == []
    assert "Advertisement" not in result["article"]["text"] and "Copyright" not in result["article"]["text"]


# ---------------------------------------------------------------- a saved page


def test_check_a_saved_page_reads_its_date_title_and_amounts(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = newsclaims("check", str(page), "--db", f"sqlite:///{tmp_path / 'store.db'}")
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert_read_like_the_page(result)
    assert result["article"]["url"] == "https://news.example.org/2024/03/border-trade-climbs"   # canonical
    assert result["warnings"][0] == META_NOTE
    assert META_NOTE in proc.stderr.decode()


def test_extract_reads_several_inputs_one_result_each(tmp_path):
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "note.txt").write_text("Published: 2025-10-21\n\nNorth Korea imported $12 million of rice "
                                       "from China last month.", encoding="utf-8")
    proc = newsclaims("extract", str(tmp_path / "story.html"), str(tmp_path / "note.txt"), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    page, note = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert page["article"]["published"] == "2024-03-21"
    assert note["article"]["published"] == "2025-10-21"                   # from the dateline
    assert note["warnings"][0] == "publication date 2025-10-21 from a date in the byline ('Published: 2025-10-21')"
    assert (note["periods"][0]["from"], note["periods"][0]["to"]) == ("2025-09-01", "2025-09-30")


# ---------------------------------------------------------------- a URL, served here


class _Site(BaseHTTPRequestHandler):
    user_agents: list = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).user_agents.append(self.headers.get("User-Agent"))
        routes = {
            "/2024/03/border-trade": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/missing": (404, "text/html", b"<p>Not here</p>"),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.7"),
            "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        }
        if self.path == "/moved":
            return self._redirect("/2024/03/border-trade")
        if self.path.startswith("/loop"):
            return self._redirect(f"/loop{len(self.path)}")
        if self.path == "/slow":
            time.sleep(3)
        status, media, body = routes.get(self.path, (200, "text/html", PAGE.encode()))
        self.send_response(status)
        self.send_header("Content-Type", media)
        if self.path != "/big":                  # /big streams without a declared length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):   # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_a_url_fetches_the_page_and_keeps_the_url(site, tmp_path):
    url = f"{site}/moved"                    # redirected to the story
    proc = newsclaims("check", url, "--user-agent", "newsroom-checker/2.0", "--db", f"sqlite:///{tmp_path / 's.db'}")
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert_read_like_the_page(result)
    assert result["article"]["url"] == url                                  # the URL given, not the canonical
    assert result["warnings"][:2] == [f"fetched from {site}/2024/03/border-trade (redirected)", META_NOTE]
    assert "newsroom-checker/2.0" in _Site.user_agents


@pytest.mark.parametrize("path, message", [
    ("/missing", "the server answered 404 Not Found"),
    ("/report.pdf", "not a web page (application/pdf)"),
    ("/loop", "more than 5 redirects"),
])
def test_a_url_that_is_not_an_article_is_one_clear_line_and_exit_2(site, path, message):
    proc = newsclaims("extract", f"{site}{path}")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and message in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1


def test_an_unreachable_address_says_so():
    import socket

    with socket.socket() as s:       # a port nobody listens on: bound, never listening, then closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = newsclaims("extract", f"http://127.0.0.1:{port}/story")
    assert proc.returncode == 2 and "cannot connect" in proc.stderr.decode()


def test_fetch_limits_time_and_size(site):
    from extractor.cli.fetch import FetchError, fetch_page

    with pytest.raises(FetchError, match="no answer within 0.5 s"):
        fetch_page(f"{site}/slow", timeout=0.5)
    with pytest.raises(FetchError, match="over the limit of 1,000 bytes"):
        fetch_page(f"{site}/big", max_bytes=1000)
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch_page("file:///etc/passwd")
    page = fetch_page(f"{site}/2024/03/border-trade")
    assert page.kind == "html" and page.content == PAGE.encode()


# ---------------------------------------------------------------- the service's html field


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from fastapi.testclient import TestClient

    from extractor.serve.app import create_app

    app = create_app(f"sqlite:///{tmp_path_factory.mktemp('reading') / 'store.db'}", token="")
    with TestClient(app) as client:
        yield client


def test_the_service_reads_an_html_field_like_a_saved_page(service):
    response = service.post("/v1/check", json={"html": PAGE, "url": "https://news.example.org/a", "id": "page-1"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert_read_like_the_page(result)
    assert result["article"]["url"] == "https://news.example.org/a"            # as given, never fetched
    assert result["warnings"][0] == META_NOTE
    given = service.post("/v1/extract", json={"html": PAGE}, params={"published": "2024-03-22"}).json()
    assert given["article"]["published"] == "2024-03-22"
    assert given["warnings"][0] == ("publication date 2024-03-22 as given; the page's metadata "
                                    "(article:published_time) says 2024-03-21")
    both = service.post("/v1/extract", json={"html": PAGE, "text": "Trade rose."})
    assert both.status_code == 422 and "one of them" in both.json()["detail"]
    doc = service.get("/openapi.json").json()
    assert "never fetches a URL" in doc["info"]["description"]


# ---------------------------------------------------------------- where the date comes from


def _read(tmp_path, name, content, **given):
    from extractor.pipeline.inputs import iter_articles

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [article] = list(iter_articles([path], given=given or None))
    return article


def test_the_page_metadata_beats_the_byline_and_a_given_date_beats_both(tmp_path):
    page = _read(tmp_path, "story.html", PAGE)
    assert (page["published"], page["notes"]) == ("2024-03-21", [META_NOTE])
    given = _read(tmp_path, "story.html", PAGE, published="2024-03-25")
    assert given["published"] == "2024-03-25" and "says 2024-03-21" in given["notes"][0]


def test_without_metadata_the_byline_dates_the_page(tmp_path):
    bare = PAGE.replace('<meta property="article:published_time" content="2024-03-21T09:00:00+09:00">', "")
    page = _read(tmp_path, "story.html", bare)
    assert page["published"] == "2024-03-20"
    assert page["notes"] == ["publication date 2024-03-20 from a date in the byline "
                             "('By Lee Soo-jin | Published March 20, 2024')"]


@pytest.mark.parametrize("first_lines, expected", [
    ("Rice shipments resume\nPublished: 21 March 2024 09:00 KST\n", "2024-03-21"),
    ("Updated 2024.03.22 10:15\nPosted 2024.03.21\n", "2024-03-21"),          # the first publication wins
    ("Updated 2024.03.22 10:15\n", "2024-03-22"),                             # an update date, else nothing
    ("By March 21, 2024, exports had doubled, the ministry said in a statement to reporters.\n", None),
    ("Rice shipments resume\n", None),
])
def test_a_byline_or_dateline_dates_a_text(tmp_path, first_lines, expected):
    article = _read(tmp_path, "note.txt", first_lines + "\nNorth Korea imported $12 million of rice last month.")
    assert article.get("published") == expected


def test_a_json_article_keeps_its_date_and_the_gold_default_waits_for_it(tmp_path):
    from extractor.pipeline.inputs import iter_articles

    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Published: 2024-03-21\n\nTrade rose.", "published": "2024-03-20"}))
    [stated] = list(iter_articles([path]))
    assert stated["published"] == "2024-03-20" and "as given" in stated["notes"][0]
    path.write_text(json.dumps({"text": "Published: 2024-03-21\n\nTrade rose."}))
    [defaulted] = list(iter_articles([path], defaults={"published": "2024-03-19"}))
    assert defaulted["published"] == "2024-03-19"


def test_a_date_line_that_disagrees_with_the_page_s_address_is_not_its_date(tmp_path):
    from extractor.pipeline.inputs import iter_articles

    # a site's "today" line above the headline, on a page whose address dates it to August 2022
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "November 29, 2023\nNews\n\nLaos's exports rose last month.",
                                "url": "https://news.example.org/2022/08/laos-exports/"}))
    [article] = list(iter_articles([path]))
    assert article.get("published") is None
    assert "the page's address dates it to August 2022" in article["notes"][0]
    path.write_text(json.dumps({"text": "August 29, 2022\nNews\n\nLaos's exports rose last month.",
                                "url": "https://news.example.org/2022/08/laos-exports/"}))
    [agreeing] = list(iter_articles([path]))
    assert agreeing["published"] == "2022-08-29"
