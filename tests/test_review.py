"""The review page's pure parts: cutting the text for nested highlights, and safe links."""
from extractor.serve.review import highlight, safe_url


def _result(text, **layers):
    return {"article": {"text": text}, **layers}


def test_nested_spans_cut_the_text_and_every_piece_names_its_layers():
    text = "According to China's customs, exports rose to $5 million in May."
    customs = text.index("China's customs")
    china_end = customs + len("China")
    result = _result(
        text,
        sources=[{"start": customs, "end": customs + len("China's customs"), "name": "GACC", "type": "organization"}],
        actors=[{"start": customs, "end": china_end, "name": "China", "id": "CHN", "type": "country"}],
        amounts=[{"start": text.index("$5"), "end": text.index(" in May"), "value": 5e6, "unit": "USD", "bound": "exact"}],
        periods=[{"start": text.index("May"), "end": text.index("May") + 3, "from": "2025-05-01", "to": "2025-05-31"}],
        claims=[{"id": "c1", "start": 0, "end": len(text)}],
    )
    pieces = highlight(result)
    assert "".join(p.text for p in pieces) == text                  # nothing lost or doubled
    by_text = {p.text: p for p in pieces}
    assert by_text["China"].classes == ("source", "actor")
    assert by_text["'s customs"].classes == ("source",)
    assert by_text["$5 million"].classes == ("amount",)
    assert by_text["May"].classes == ("period",)
    assert "period: 2025-05-01 to 2025-05-31" in by_text["May"].titles
    assert all(p.claims == ("c1",) for p in pieces)


def test_spans_outside_the_text_are_ignored_not_fatal():
    result = _result("Short text.", amounts=[{"start": 5, "end": 500, "value": 1, "unit": "USD"}])
    assert [(p.text, p.classes) for p in highlight(result)] == [("Short text.", ())]


def test_only_http_links_are_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JAVASCRIPT:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url(None) is None
