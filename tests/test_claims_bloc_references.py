"""'the bloc' refers back to the latest trading bloc named (issue 12). Sentences written here."""
from __future__ import annotations

import pytest


def _parties(pipeline, text: str) -> dict[str, tuple]:
    r = pipeline.extract(text, published="2024-06-15")
    return {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims
            if c.trade is not None and c.amount is not None and c.trade.flow == "directional"}


@pytest.mark.parametrize("bloc,code", [("the European Union", "EUU"), ("ASEAN", "ASEAN"), ("Mercosur", "Mercosur")])
def test_the_bloc_is_the_bloc_named_before(pipeline, bloc, code):
    text = (f"Peru's exports to {bloc} rose 5% to $2 billion in 2023. Peru's overall imports grew 3% to $40 billion. "
            "Imports from the bloc slipped 2.5% to $1.1 billion.")
    assert _parties(pipeline, text)["$1.1 billion"] == (code, "PER")


def test_only_a_bloc_named_before_counts(pipeline):
    text = ("Peru's exports to Chile rose 5% to $2 billion in 2023. Imports from the bloc slipped 2.5% to $1.1 billion. "
            "Trade with the European Union reached $3 billion.")
    assert _parties(pipeline, text).get("$1.1 billion", (None, None))[0] != "EUU"


def test_asean_rcep_and_a_description_of_the_destination(pipeline):
    text = ("Peru's exports to Southeast Asian nations rose 3% to $2 billion in May, and exports to RCEP member "
            "countries rose 5% to $9 billion.")
    got = _parties(pipeline, text)
    assert got["$2 billion"] == ("PER", "ASEAN") and got["$9 billion"] == ("PER", "RCEP")
    text = ("China's trade with North Korea rose in May. Chinese outbound shipments to the hermit state climbed "
            "11.6% to $98.7 million in May.")
    assert _parties(pipeline, text)["$98.7 million"] == ("CHN", "PRK")


def test_portuguese_speaking_countries_are_a_group_not_portugal(pipeline):
    text = ("Trade between Chile and Portuguese-speaking countries reached $8.4 billion in 2023. Chile's exports to "
            "those countries fell 4.2 percent to $3.1 billion.")
    r = pipeline.extract(text, published="2024-06-15")
    parties = {r.amounts[c.amount].text: c.trade for c in r.claims if c.trade is not None and c.amount is not None}
    assert parties["$8.4 billion"].between == ["CHL", "Portuguese-speaking countries"]
    assert (parties["$3.1 billion"].from_, parties["$3.1 billion"].to) == ("CHL", "Portuguese-speaking countries")

