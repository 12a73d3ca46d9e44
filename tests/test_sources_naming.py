"""Source names a fact-checker can look up (issue 12): institutions named by what they do, the
organizations table's canonical names, data cited with their origin.

All sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from extractor.pipeline.actors import find_actors
from extractor.pipeline.sources import find_sources


def sources_of(parse, text):
    doc = parse(text)
    doc._.actors = find_actors(doc)
    return find_sources(doc)


def names(parse, text):
    return {s.name for s in sources_of(parse, text)}


@pytest.mark.parametrize("text,name", [
    # the story's country
    ("Japan's exports to China fell 4 percent in May. Imports from the United States rose, the Finance "
     "Ministry said.", "Ministry of Finance of Japan"),
    ("Japan posted a trade surplus in April, data released by the Ministry of Finance showed.",
     "Ministry of Finance of Japan"),
    ("The U.S. trade deficit widened in March, the Commerce Department said on Wednesday.",
     "United States Department of Commerce"),
    ("China's imports of coal jumped in July, customs figures showed.", "General Administration of Customs of China"),
    # the country the phrase names
    ("Beijing's foreign ministry said the shipments were legal.", "Ministry of Foreign Affairs of China"),
    ("Trade between the two countries fell 7 percent, a broadcaster reported, quoting figures from the Russian customs service.",
     "Federal Customs Service of Russia"),
])
def test_an_institution_named_by_its_function_is_the_countrys_own(parse, text, name):
    assert name in names(parse, text)


def test_a_country_the_table_has_no_such_institution_for_keeps_the_words(parse):
    found = names(parse, "Japan's exports grew, but the Indian finance ministry said imports fell.")
    assert "Ministry of Finance of Japan" not in found


@pytest.mark.parametrize("text,other", [
    # a story about Malaysia that names Japan once: "the finance ministry" is Malaysia's own, which
    # the table has no entry for, not the one of Japan the table knows
    ("Malaysia's exports climbed 9 percent in March as shipments to Japan recovered. Malaysia's imports "
     "rose 4 percent and Malaysia posted a surplus, the Finance Ministry said.", "Ministry of Finance of Japan"),
    ("Chile's copper exports rose in May, customs data showed. Shipments to China picked up, while Chile's "
     "imports fell and Chile's surplus widened.", "General Administration of Customs of China"),
])
def test_the_institution_of_a_story_about_a_state_the_table_lacks_is_not_a_partners(parse, text, other):
    assert other not in names(parse, text)


def test_customs_in_a_story_about_a_state_without_trade_figures_are_its_partners(parse):
    text = ("North Korea's imports of flour jumped in May, customs data showed. North Korea bought more rice, "
            "and North Korea's exports to China fell.")
    assert "General Administration of Customs of China" in names(parse, text)


def test_a_named_institution_is_not_renamed(parse):
    assert names(parse, "Exports rose, the Korea Customs Service said.") == {"Korea Customs Service"}


@pytest.mark.parametrize("text,name", [
    ("Exports to the North doubled, the Choson Ilbo reported.", "Chosun Ilbo"),
    ("Exports rose, according to data from the Korea Trade and Investment Promotion Agency (KOTRA).",
     "Korea Trade-Investment Promotion Agency"),
    ("Trade grew 4 percent, Xinhua reported.", "Xinhua News Agency"),
])
def test_spellings_of_a_source_share_its_canonical_name(parse, text, name):
    assert name in names(parse, text)


def test_data_provided_by_an_agency_cite_the_agency(parse):
    found = sources_of(parse, "Imports rose 19 percent, the broadcaster reported, citing data provided by the "
                              "Korea International Trade Association.")
    assert "Korea International Trade Association" in {s.name for s in found}


def test_data_of_a_period_still_cite_the_data(parse):
    # 'of the first quarter' names no one: the data noun stays the (described) source
    found = sources_of(parse, "Exports fell, according to data of the first quarter.")
    assert not [s for s in found if s.name == "first quarter"]


# ----------------------------------------------------------------------------- who else speaks


def test_a_spokespersons_institution_is_a_source_but_no_attribution_of_its_own(pipeline):
    doc = pipeline.doc("China's exports to the North fell 7 percent, customs administration spokesman Wu Lin said.")
    assert {s.name for s in doc._.sources} >= {"Wu Lin", "General Administration of Customs of China"}
    assert "General Administration of Customs of China" not in {s.name for s in doc._.attributions}


def test_a_spokeswoman_for_a_named_ministry(pipeline):
    doc = pipeline.doc("Japan's imports rose, a spokeswoman for the Finance Ministry, Aiko Sato, said on Monday.")
    assert "Ministry of Finance of Japan" in {s.name for s in doc._.sources}


@pytest.mark.parametrize("text,name", [
    ("Analysts polled by Reuters had expected exports to rise 3 percent.", "Reuters"),
    ("Imports rose 80 percent, according to customs data analyzed by Rep. Kim Min-ho.", "Kim Min-ho"),
])
def test_who_polled_or_analysed_the_figures_is_a_source(parse, text, name):
    assert name in names(parse, text)


def test_the_person_an_outlet_quotes_as_saying_is_a_source(parse):
    found = names(parse, "Premier Li Wei visited Moscow in August. State media quoted Li as telling his host "
                         "that trade was growing.")
    assert "Li Wei" in found



def test_a_name_read_with_a_label_colon_is_looked_up_without_it(pipeline):
    doc = pipeline.doc("According to Yonhap:\nTrade between the two Koreas fell 42 percent last year.")
    assert "Yonhap News Agency" in {s.name for s in doc._.sources}


@pytest.mark.parametrize("text,name", [
    ("Yonhap then added a line from a Chinese foreign ministry statement: no grain was shipped.",
     "Ministry of Foreign Affairs of China"),
    ("As per CNN report, China's imports from the North fell in October.", "CNN"),
])
def test_a_statement_named_by_its_author_cites_the_author(parse, text, name):
    assert name in names(parse, text)


def test_a_statement_without_an_author_cites_no_one(parse):
    assert not names(parse, "Exports rose 5 percent, it was announced in a statement.")


def test_the_ministry_refers_to_a_ministry_not_to_the_agency_that_reported(parse):
    found = sources_of(parse, "TOKYO (Kyodo) -- Japan's exports rose in July, the Finance Ministry said. "
                              "Imports climbed 21 percent, the ministry said in its monthly report.")
    assert {s.name for s in found if s.text == "the ministry"} == {"Ministry of Finance of Japan"}


def test_the_agency_may_refer_to_a_body_not_named_agency(parse):
    found = sources_of(parse, "Officials at Immigration and Customs Enforcement met on Monday. In a memo, "
                              "the agency said the program should end.")
    assert {s.name for s in found if s.text == "the agency"} == {"Immigration and Customs Enforcement"}


def test_who_surveyed_the_forecasters_is_a_source(parse):
    assert "Jiji Press" in names(parse, "The deficit beat the median forecast of 18 institutes surveyed by Jiji Press.")


def test_the_government_alone_is_no_news_agency_and_no_named_government(parse):
    found = sources_of(parse, "TOKYO (Kyodo) -- Japan logged a trade deficit in January, the government said.")
    assert "Kyodo News" not in {s.name for s in found if s.text == "the government"}
    assert "Government of Japan" not in {s.name for s in found}


def test_the_countrys_named_government(parse):
    assert "Government of Japan" in names(parse, "The Japanese government said exports fell for a tenth month.")


def test_the_data_after_unnamed_data_stay_unnamed(pipeline):
    doc = pipeline.doc("Exports hit a record last year, data showed on Wednesday. Chip sales rose 40 percent, "
                       "the data showed.")
    assert not doc._.sources


def test_the_data_after_named_data_are_the_named_ones(pipeline):
    doc = pipeline.doc("Exports hit a record last year, according to data from the Korea Customs Service. "
                       "Chip sales rose 40 percent, the data showed.")
    assert [s.name for s in doc._.sources] == ["Korea Customs Service", "Korea Customs Service"]


@pytest.mark.parametrize("text", [
    "Exports to the North fell 3 percent, a diplomat said, quoting Chinese trade statistics.",
    "Trade with the North shrank, according to South Korean statistics.",
])
def test_a_countrys_statistics_without_their_publisher_are_unnamed(parse, text):
    found = sources_of(parse, text)
    assert not [s for s in found if s.type in ("government", "country") and not s.described]


def test_a_countrys_customs_figures_name_the_customs(parse):
    assert "General Administration of Customs of China" in names(parse, "Imports fell, Chinese customs figures showed.")


def test_data_cited_by_an_outlet_keep_their_origin(parse):
    found = names(parse, "Trade reached $2.3 billion, according to China's customs data cited by Example Wire.")
    assert {"General Administration of Customs of China", "Example Wire"} <= found


@pytest.mark.parametrize("text,name,not_name", [
    # "the Ministry of Commerce" unqualified is every state's: in a story about Myanmar, not China's
    ("Myanmar's border trade reached $5.1 billion last fiscal year, with $3 billion in exports, according to "
     "the Ministry of Commerce. Myanmar's exports to Thailand rose.", None, "Ministry of Commerce of China"),
    # ... and China's in a story about China's trade with a state that publishes no figures
    ("North Korea's imports from China rose 12 percent in May, according to the Ministry of Commerce. China's "
     "exports to North Korea reached $230 million.", "Ministry of Commerce of China", None),
])
def test_an_unqualified_ministry_of_commerce_is_the_story_s_state_s(parse, text, name, not_name):
    found = names(parse, text)
    assert (name is None or name in found) and (not_name is None or not_name not in found)


def test_a_full_width_bracket_the_tagger_takes_into_a_name_is_dropped(pipeline):
    """'Director-General Li Wen （李文） said': the model may end the name on the opening bracket."""
    result = pipeline.extract("Exports rose 5 percent in May, Director-General Li Wen （李文） said.", published="2025-06-10")
    assert all("（" not in s.name and "（" not in s.text for s in result.sources)
    assert any(s.type == "person" for s in result.sources)


def test_an_office_named_by_its_function_on_a_state_s_site_is_that_state_s(pipeline):
    """'according to the Central Statistics Office' on an Irish site whose story names Ireland and China once
    each: Ireland's office, which the table has no entry for -- not China's statistics bureau, the first
    listed state named; the figures are Ireland's."""
    text = ("Exports edged up in April, the Central Statistics Office said in its first estimate. "
            "Exports for the month were EUR7.4 billion. Irish exports to China fell to EUR180 million.")
    r = pipeline.extract(text, url="https://www.example.ie/news/business/exports-april")
    assert "National Bureau of Statistics of China" not in {s.name for s in r.sources}
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got["EUR7.4 billion"] == ("IRL", "WLD")
