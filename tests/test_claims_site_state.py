"""A story whose own state is never written, or written no more often than a partner (issue 12):
the page's country-code domain names the outlet's state, which is then the story's reporter, said
inferred. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from claims_support import claim_of
from extractor.pipeline.actors import headline_state
from extractor.pipeline.articles import site_state

NATION = ("Export figures out\n\nThe nation's exports rose 12.5 percent to $28.1 billion in August, the trade "
          "ministry said on Monday. Shipments to Japan fell 3 percent to $2.2 billion.")


@pytest.mark.parametrize("url,state", [
    ("https://en.example-news.vn/economy/exports-123.html", "VNM"),
    ("https://www.farmpaper.com.au/markets/beef", "AUS"),
    ("https://www.paper.co.uk/business/trade", "GBR"),
    ("https://trade-desk.io/story", None),   # a domain sold as a generic name
    ("https://www.newswire.com/story", None),
    (None, None),
])
def test_a_page_s_country_code_domain_names_its_state(url, state):
    assert site_state(url) == state


def test_the_nation_on_a_page_that_never_names_it_is_the_site_s_state(pipeline):
    result = pipeline.extract(NATION, published="2023-09-11", url="https://en.example-news.vn/exports.html")
    exports = claim_of(result, "$28.1 billion")
    assert (exports.trade.from_, exports.trade.to) == ("VNM", "WLD")
    assert claim_of(result, "$2.2 billion").trade.to == "JPN"
    change = claim_of(result, "12.5 percent")
    assert "site" in change.inferred["parties"]


@pytest.mark.parametrize("url", [None, "https://trade-desk.io/story", "https://www.newswire.com/story"])
def test_without_a_state_s_domain_the_nation_stays_unknown(pipeline, url):
    result = pipeline.extract(NATION, published="2023-09-11", url=url)
    assert [c for c in result.claims if c.trade is not None] == []


def test_a_tie_between_two_named_states_goes_to_the_site_s_state(pipeline):
    text = ("Shrimp sales slow\n\nVietnam and the United States held talks on shrimp duties this week. "
            "Exports rose 4.1 percent to $1.9 billion in the first half, the association said.")
    home = pipeline.extract(text, published="2023-07-20", url="https://news.example.vn/shrimp")
    assert (claim_of(home, "$1.9 billion").trade.from_, claim_of(home, "$1.9 billion").trade.to) == ("VNM", "WLD")
    elsewhere = pipeline.extract(text, published="2023-07-20", url="https://news.example.com/shrimp")
    assert claim_of(elsewhere, "$1.9 billion").trade is None


def test_a_story_that_names_its_state_far_more_keeps_it_whatever_the_site(pipeline):
    text = ("Thai exports up\n\nThailand's exports rose 6 percent in May. Thailand's shipments of rice grew. "
            "Thailand sold more rubber. Exports reached $24.1 billion in May, the commerce ministry said.")
    text = text
    result = pipeline.extract(text, published="2023-06-22", url="https://news.example.vn/thai-exports")
    assert claim_of(result, "$24.1 billion").trade.from_ == "THA"


def test_a_common_noun_the_model_takes_for_a_place_does_not_hide_the_site_s_state(pipeline):
    """'Logs, sawn timber, and wood products rose ...' at a sentence's start: the model may tag 'Logs' a
    place (GPE), and a place inside a state once made the story no state's. A place is a proper
    noun (or a dateline's city in capitals)."""
    text = ("Merchandise trade: March 2024\n\nIn March 2024, goods exports were valued at $4.2 billion, up "
            "$95 million (2.3 percent).\n\nLogs, sawn timber, and wood products (our second-largest export group) "
            "rose $61 million (19 percent) in March 2024.")
    r = pipeline.extract(text, published="2024-04-26", url="https://www.stats.example.nz/news/trade-march")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got.get("$4.2 billion") == ("NZL", "WLD")


MINISTRY = ("Chip sales lift exports\n\nExports climbed 21 percent to $31.4 billion in the first four months, the "
            "Ministry of Finance said on Friday. Demand from the United States and Japan grew, and US buyers and Chinese "
            "retailers stocked up ahead of US tariffs. The United States overtook Japan as Malaysia's largest market.")


def test_a_ministry_given_no_state_is_the_site_s_state_s(pipeline):
    """'the Ministry of Finance said' on a Malaysian site that names Malaysia once and the US four times:
    domestic news gives its own government's ministries no state."""
    result = pipeline.extract(MINISTRY, published="2024-05-10", url="https://www.example-daily.my/business/exports")
    exports, change = claim_of(result, "$31.4 billion"), claim_of(result, "21 percent")
    assert (exports.trade.from_, exports.trade.to) == ("MYS", "WLD")
    assert "ministry" in change.inferred["parties"]


def test_a_ministry_given_no_state_on_a_site_of_no_state_names_no_reporter(pipeline):
    result = pipeline.extract(MINISTRY, published="2024-05-10", url="https://www.example-daily.com/business/exports")
    assert claim_of(result, "$31.4 billion").trade is None


def test_an_agency_named_after_its_state_makes_that_state_the_reporter(pipeline):
    """'the Chilean Customs Service said': an agency whose name opens with its state's
    adjective reports that state's figures, though the story never names the state itself."""
    text = ("Exports rose 4 percent to $21.5 billion in May, the Chilean Customs Service said. Exports to "
            "Peru fell 3 percent, while imports from Bolivia rose 9 percent.")
    result = pipeline.extract(text, published="2024-06-28")
    assert (claim_of(result, "$21.5 billion").trade.from_, claim_of(result, "$21.5 billion").trade.to) == ("CHL", "WLD")
    assert claim_of(result, "3 percent").trade.from_ == "CHL"
    assert claim_of(result, "9 percent").trade.to == "CHL"


@pytest.mark.parametrize("dateline", ["Johannesburg –", "Johannesburg, Feb 28 (Reuters) -", "Johannesburg. Feb 28 (SAPA) —"])
def test_a_dateline_s_city_is_no_party(pipeline, dateline):
    """The city a story was filed from, opening its first paragraph, trades nothing: the figures are
    the state's the story names (a place named inside a sentence, 'Guangdong's exports', still trades
    as itself)."""
    r = pipeline.extract(f"{dateline} South Africa posted a trade surplus of R6 billion in February. Imports rose 9% "
                         "to R95 billion, while exports fell 4% to R101 billion.", published="2019-03-29")
    got = {r.amounts[c.amount].text: (c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None}
    assert got == {"9%": ("WLD", "ZAF"), "R95 billion": ("WLD", "ZAF"), "4%": ("ZAF", "WLD"),
                   "R101 billion": ("ZAF", "WLD")}
    r = pipeline.extract("Guangdong's exports rose 5% in April, the provincial office said.", published="2019-05-20")
    assert [(c.trade.from_, c.trade.to) for c in r.claims if c.trade is not None] == [("Guangdong", "WLD")]


@pytest.mark.parametrize("dateline", ["ISTANBUL -", "ISTANBUL, March 3 (Reuters) -"])
def test_a_dateline_s_city_in_capitals_names_no_goods(pipeline, dateline):
    """'LIMA - Exports rose ...': the tagger takes the city for a modifier of the first noun; it is
    where the story was filed, not the goods exported."""
    r = pipeline.extract(f"{dateline} Exports rose 6 percent to $5.4 billion in February, the Turkish Statistical "
                         "Institute said on Friday.", published="2024-03-03")
    got = {r.amounts[c.amount].text: (c.trade.commodity, c.trade.commodity_text) for c in r.claims if c.trade is not None}
    assert got == {"6 percent": (None, None), "$5.4 billion": (None, None)}


REPUBLIC = ("The Republic's exports of goods rose 11 percent to €21.3 billion in March, the statistics office said. "
            "Imports fell 2 percent to €9.6 billion. Sales to the United States grew 12 percent.")


def test_a_state_named_only_in_the_headline_is_the_story_s(pipeline):
    """'Irish exports climb in March' over a body that writes 'the Republic': news style names the state in
    the headline and not again."""
    result = pipeline.extract(REPUBLIC, published="2024-05-15", title="Irish exports climb 11% in March")
    exports, imports = claim_of(result, "€21.3 billion"), claim_of(result, "€9.6 billion")
    assert (exports.trade.from_, exports.trade.to) == ("IRL", "WLD")
    assert (imports.trade.from_, imports.trade.to) == ("WLD", "IRL")
    assert claim_of(result, "12 percent").trade.to == "USA"
    assert "headline" in claim_of(result, "11 percent").inferred["parties"]


@pytest.mark.parametrize("title", [None, "Exports to the US climb 8% in March", "Ireland and Japan sign trade pact"])
def test_a_headline_naming_a_partner_or_two_states_names_no_reporter(pipeline, title):
    result = pipeline.extract(REPUBLIC, published="2024-05-15", title=title)
    assert claim_of(result, "€21.3 billion").trade is None


def test_a_capital_in_a_dateline_names_the_state_of_a_story_that_names_none(pipeline):
    text = ("NAIROBI, March 3 (Wire) - Imports rose 4 percent to 190 billion shillings in January. Exports to "
            "Uganda fell 6 percent.")
    result = pipeline.extract(text, published="2025-03-03")
    imports, exports = claim_of(result, "4 percent"), claim_of(result, "6 percent")
    assert (imports.trade.from_, imports.trade.to) == ("WLD", "KEN")
    assert (exports.trade.from_, exports.trade.to) == ("KEN", "UGA")
    assert "dateline" in imports.inferred["parties"]


def test_a_dateline_does_not_override_the_state_the_story_names(pipeline):
    text = ("BEIJING, March 3 (Wire) - Japan's exports rose 4 percent to 8.1 trillion yen in January, Japan's "
            "finance ministry said. Japan's imports fell 2 percent.")
    result = pipeline.extract(text, published="2025-03-03")
    assert claim_of(result, "8.1 trillion yen").trade.from_ == "JPN"


def test_a_headline_state_beats_a_state_the_body_names_twice_but_not_far_more(pipeline):
    """The body never names its own state and names the US twice, not as a market ('US tariffs'),
    and Germany once: the headline's state is the story's."""
    text = ("The Republic's exports of goods rose 12 percent to €24.1 billion in May. US tariffs loom over the "
            "drug makers, and the US remains their largest buyer. Exports to Germany rose to €2.3 billion.")
    result = pipeline.extract(text, published="2025-07-15", title="Irish exports rise 12% on pharma demand")
    assert (claim_of(result, "12 percent").trade.from_, claim_of(result, "12 percent").trade.to) == ("IRL", "WLD")
    assert (claim_of(result, "€2.3 billion").trade.from_, claim_of(result, "€2.3 billion").trade.to) == ("IRL", "DEU")
    without = pipeline.extract(text, published="2025-07-15")
    assert claim_of(without, "12 percent").trade.from_ != "IRL"


def test_states_listed_with_their_shares_are_partners_of_the_story_s_state(pipeline):
    """'Mongolia sold to 70 markets, including China (71.2 percent), Switzerland (18.4 percent)':
    a state followed by its bracketed share is a market in a list, so a total told with no state named
    is the story's state's with all partners, however often the markets are named."""
    text = ("Exports rose 9 percent to 5.2 billion USD in the first nine months, official data showed. Mongolia "
            "sold goods to 70 markets, including China (71.2 percent), Switzerland (18.4 percent) and Singapore "
            "(3.1 percent). Mongolia bought goods from 120 countries, including China (41.0 percent) and Russia "
            "(22.3 percent).")
    result = pipeline.extract(text, published="2023-10-20")
    exports = claim_of(result, "5.2 billion USD")
    assert (exports.trade.from_, exports.trade.to) == ("MNG", "WLD")


def test_no_pair_of_markets_is_made_the_parties_of_a_bare_total(pipeline):
    text = ("Foreign trade turnover reached 12.1 billion USD in the first nine months, official data showed. "
            "Mongolia sold goods to 70 markets, including China (71.2 percent), Switzerland (18.4 percent) "
            "and Singapore (3.1 percent). Coal went to China, and gold to Switzerland and Singapore.")
    turnover = claim_of(pipeline.extract(text, published="2023-10-20"), "12.1 billion USD")
    assert turnover.kind == "quantity"   # unverifiable, rather than trade between two of the markets


BAHT = ("Exports in June slipped 3.1% from a year earlier to US$22.4 billion, hurt by the US-China trade war and "
        "a strong baht, "
        "the Commerce Ministry said on Friday. Imports rose 2.2% to US$21.9 billion. Shipments to China fell "
        "6.2%, while exports to Japan rose 1.5%.")


def test_a_story_that_names_only_its_currency_is_that_state_s(pipeline):
    """A domestic story names its own money ('a strong baht') and never its state; the pair of a
    topic ('the US-China trade war') and the markets trade goes to are not the story's state, nor
    is the ministry named by what it does China's because China is named."""
    result = pipeline.extract(BAHT, published="2025-07-25")
    imports = claim_of(result, "US$21.9 billion")
    assert (imports.trade.from_, imports.trade.to) == ("WLD", "THA")
    assert "currency" in claim_of(result, "2.2%").inferred["parties"]
    assert (claim_of(result, "6.2%").trade.from_, claim_of(result, "6.2%").trade.to) == ("THA", "CHN")


def test_a_ministry_named_by_what_it_does_keeps_the_state_the_story_names_as_its_own(pipeline):
    text = BAHT.replace("the Commerce Ministry said", "China's Commerce Ministry said")
    result = pipeline.extract(text, published="2025-07-25")
    imports = claim_of(result, "US$21.9 billion")
    assert (imports.trade.from_, imports.trade.to) == ("WLD", "CHN")


@pytest.mark.parametrize("title,state", [
    ("Irish exports climb 11% in March", "IRL"),
    ("CHINA'S COAL IMPORTS SLIP IN APRIL", "CHN"),
    ("Japan logs a deficit with the US and China", "JPN"),
    ("Exports to the US and Japan fall", None),
    ("China-North Korea trade hits a new high", None),   # a pair, and not the "Korea" inside it
    ("Vietnam posts US$2.7 billion surplus in first half", "VNM"),   # "US$" is a currency
    ("Trade surplus widens to US$3.6 billion", None),
    (None, None),
])
def test_the_one_state_a_headline_names_other_than_as_a_partner(title, state):
    assert headline_state(title) == state


def test_a_headline_put_on_a_doc_made_by_one_s_own_pipeline_is_read(pipeline):
    doc = pipeline.nlp.make_doc(REPUBLIC)
    doc.user_data["published"] = "2024-05-15"
    doc.user_data["title"] = "Irish exports climb 11% in March"
    doc = pipeline.nlp(doc)
    change = next(c for c in doc._.claims if c.amount is not None and doc._.amounts[c.amount].text == "11 percent")
    assert (change.trade.from_, change.trade.to) == ("IRL", "WLD")
