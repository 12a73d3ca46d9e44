"""Reading articles: every input format, its locations, and bad input as error items."""
from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from extractor.pipeline.inputs import InputError, iter_articles

STORY = ("China exported $271.2 million worth of goods to North Korea in September, according to "
         "customs data released on Monday. The figure was the highest since December 2019.")

PAGE = """<!DOCTYPE html>
<html><head><title>Border trade climbs | Example Daily</title>
<meta property="og:title" content="Border trade climbs">
<meta property="og:site_name" content="Example Daily">
<meta name="date" content="2025-10-21">
</head><body>
<nav><a href="/">Home</a> &gt; <a href="/world">World</a></nav>
<article><h1>Border trade climbs</h1>
<p>China exported $271.2 million worth of goods to North Korea in September, according to customs
data released on Monday by the General Administration of Customs.</p>
<p>The figure was the highest since December 2019, the data showed, and imports from the North
were about $20 million over the same month.</p>
</article>
<footer>Subscribe to our newsletter. Copyright 2025 Example Daily.</footer>
</body></html>"""


def articles(*paths):
    return list(iter_articles([str(p) for p in paths]))


def test_txt_is_one_article_located_by_path(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    [a] = articles(f)
    assert a["text"] == STORY and a["location"] == str(f)


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": STORY, "id": "s1", "published": "2025-10-21"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": STORY, "id": "s2"}, {"text": "Second story.", "id": "s3"}]))
    a, b, c = articles(one, many)
    assert (a["id"], a["published"], a["location"]) == ("s1", "2025-10-21", str(one))
    assert (b["id"], b["location"]) == ("s2", f"{many}[0]")
    assert (c["id"], c["location"]) == ("s3", f"{many}[1]")


def test_jsonl_lines_with_a_bad_line_in_the_middle(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": STORY, "id": "a"}) + "\n{not json\n\n" + json.dumps({"text": "B.", "id": "b"}) + "\n")
    a, bad, b = articles(f)
    assert a["location"] == f"{f}:1" and b["location"] == f"{f}:4"
    assert isinstance(bad, InputError) and bad.location == f"{f}:2" and "invalid JSON" in bad.message


def test_object_without_text_is_an_error_item(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"title": "no text"}\n[1, 2]\n')
    first, second = articles(f)
    assert isinstance(first, InputError) and "no 'text'" in first.message
    assert isinstance(second, InputError) and "JSON object" in second.message


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    [a] = articles(f)
    assert "$271.2 million" in a["text"] and "newsletter" not in a["text"] and "Home" not in a["text"]
    assert a["title"] == "Border trade climbs"
    assert a["outlet"] == "Example Daily"
    assert a["published"] == "2025-10-21"


def test_html_inside_a_json_article_keeps_the_given_metadata(tmp_path):
    f = tmp_path / "crawl.jsonl"
    f.write_text(json.dumps({"html": PAGE, "published": "2025-10-23", "id": "given", "url": "https://e.example/x"}) + "\n")
    [a] = articles(f)
    assert a["published"] == "2025-10-23" and a["id"] == "given" and a["url"] == "https://e.example/x"
    assert a["title"] == "Border trade climbs" and "$271.2 million" in a["text"]


def test_empty_html_and_binary_and_undecodable_files_are_error_items(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body></body></html>")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    items = articles(tmp_path)
    assert [type(i) for i in items] == [InputError] * 3
    assert [i.location.rsplit("/", 1)[1] for i in items] == ["blob.txt", "empty.html", "latin.txt"]
    assert "binary" in items[0].message and "no text in the HTML page" in items[1].message and "UTF-8" in items[2].message


def test_gzip_of_each_format(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(json.dumps({"text": STORY, "id": "b"}).encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": STORY, "id": "c"}) + "\n").encode()))
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "e.txt.gz").write_bytes(b"not gzip at all")
    a, b, c, d, e = articles(tmp_path)
    assert a["text"] == STORY and b["id"] == "b" and c["location"].endswith("c.jsonl.gz:1")
    assert d["outlet"] == "Example Daily"
    assert isinstance(e, InputError) and e.location.endswith("e.txt.gz")


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        for url, status, ctype, body in pages:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))


def test_warc_gz_html_responses_with_record_offsets(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [
        ("https://news.example/trade", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
        ("https://news.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        ("https://news.example/blank", "200 OK", "text/html", b"<html><body></body></html>"),
    ])
    page, blank = articles(f)
    assert page["url"] == "https://news.example/trade"      # the crawl's URL, not a guess
    assert page["published"] == "2025-10-21" and "$271.2 million" in page["text"]
    path, offset = page["location"].split("#")
    assert path == str(f) and int(offset) > 0
    assert isinstance(blank, InputError) and blank.location.startswith(f"{f}#")
    # the same offsets on a second read: locations are stable
    assert [getattr(i, "location", None) or i["location"] for i in articles(f)] == [page["location"], blank.location]


def test_not_a_warc_file_is_an_error_item(tmp_path):
    f = tmp_path / "broken.warc"
    f.write_bytes(b"this is not a WARC file\n" * 10)
    [item] = articles(f)
    assert isinstance(item, InputError) and item.location == str(f)


def test_directories_are_recursive_sorted_and_skip_hidden_and_unknown_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b" / "1.txt").write_text("three")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    assert [a["text"] for a in articles(tmp_path)] == ["one", "three", "two"]


def test_missing_path_is_an_error_item(tmp_path):
    [item] = articles(tmp_path / "nope.json")
    assert isinstance(item, InputError) and "no such file" in item.message


@pytest.mark.parametrize("payload, expected", [
    (json.dumps({"text": STORY, "id": "x"}).encode(), ["x"]),
    (json.dumps([{"text": STORY, "id": "x"}, {"text": "B", "id": "y"}]).encode(), ["x", "y"]),
    ((json.dumps({"text": STORY, "id": "x"}) + "\n" + json.dumps({"text": "B", "id": "y"}) + "\n").encode(), ["x", "y"]),
    (STORY.encode(), [None]),
])
def test_stdin_is_sniffed(monkeypatch, payload, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    items = list(iter_articles(["-"]))
    assert [i.get("id") for i in items] == expected
    assert items[0]["location"].startswith("<stdin>")
