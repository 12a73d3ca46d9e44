"""Rankings after 'followed by' (issue 12): each state of the list is given its own figure, in
the role the ranking is of. Every sentence is written for these tests."""
from __future__ import annotations


def _parties(pipeline, text: str) -> dict[str, tuple]:
    r = pipeline.extract(text, published="2023-03-01")
    return {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims
            if c.trade is not None and c.amount is not None and c.trade.flow == "directional"}


def test_a_ranking_of_the_subject_replaces_the_subject(pipeline):
    got = _parties(pipeline, "China bought $9 billion of Thai goods in 2022, followed by Japan ($4 billion) and the "
                             "US ($3.5 billion).")
    assert got["$4 billion"] == ("THA", "JPN") and got["$3.5 billion"] == ("THA", "USA")


def test_a_ranking_of_destinations_replaces_the_destination(pipeline):
    got = _parties(pipeline, "South Korea's exports to the US rose 10% to $8 billion in 2022, followed by the EU "
                             "($6 billion) and Japan ($4 billion).")
    assert got["$6 billion"] == ("KOR", "EUU") and got["$4 billion"] == ("KOR", "JPN")


def test_a_ranking_of_suppliers_in_a_with_clause(pipeline):
    got = _parties(pipeline, "Chile imported $3.5 billion of copper in 2022, with Peru selling $2 billion, followed "
                             "by Bolivia ($900 million), Brazil ($400 million) and Japan ($150 million).")
    assert got["$400 million"] == ("BRA", "CHL") and got["$150 million"] == ("JPN", "CHL")


def test_a_demonstrative_with_its_own_partner_stands_for_the_flow_before(pipeline):
    got = _parties(pipeline, "Peru's exports rose 5% in May. Exports to the EU rose 9.1% to $1.75 billion, and those "
                             "to Vietnam jumped 30.6% to $1.71 billion. Imports from China rose 3%, while those from "
                             "Japan fell 2%.")
    assert got["$1.75 billion"] == ("PER", "EUU") and got["$1.71 billion"] == ("PER", "VNM")
    assert got["3%"] == ("CHN", "PER") and got["2%"] == ("JPN", "PER")


def test_a_ranking_after_a_pronoun_keeps_the_reporter(pipeline):
    got = _parties(pipeline, "Japan's imports from the United States rose 5 percent to 900 billion yen in 2022. It was "
                             "followed by China with 8.3 billion dollars in imports, up 12 percent.")
    assert got["8.3 billion dollars"] == ("CHN", "JPN")
