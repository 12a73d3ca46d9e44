import pytest

from extractor import extract
from extractor.pipeline.actors import find_actors


def actors_of(parse, text):
    doc = parse(text)
    return [(a.text, a.name, a.id, a.type) for a in find_actors(doc)]


def test_official_names_demonyms_and_acronyms_map_to_iso_codes(parse):
    found = actors_of(parse, "The DPRK and the PRC signed a new border pact, a North Korean diplomat told reporters.")
    codes = [(t, c) for t, _, c, typ in found if typ == "country"]
    assert ("DPRK", "PRK") in codes
    assert ("PRC", "CHN") in codes
    assert ("North Korean", "PRK") in codes


def test_the_people_s_republic_written_without_its_apostrophe_is_china_not_taiwan(parse):
    found = actors_of(parse, "Coffee cargoes bound for the Peoples Republic of China climbed in March.")
    assert [c for _, _, c, typ in found if typ == "country"] == ["CHN"]


def test_capital_stands_for_the_state_unless_it_is_a_place(parse):
    found = actors_of(parse, "Pyongyang rejected the offer. Talks were held in Beijing last week.")
    assert ("Pyongyang", "North Korea", "PRK", "country") in found
    assert all(t != "Beijing" for t, *_ in found)


@pytest.mark.parametrize("text", [
    "A U.S.-based research group said Vietnam's exports to Japan rose.",
    "A US-based research group said Vietnam's exports to Japan rose.",
    "Hanoi-based analysts and a Tokyo-headquartered bank said Vietnam's exports to Japan rose.",
])
def test_a_place_joined_to_based_locates_someone_and_names_no_actor(pipeline, text):
    """'a U.S.-based group' says where the group is (countries.json ``location_compounds``)."""
    found = {a.id for a in pipeline.extract(text).actors if a.type == "country"}
    assert found == {"VNM", "JPN"}


def test_a_state_joined_to_a_trade_word_by_a_hyphen_is_still_named(pipeline):
    text = "U.S.-Vietnam trade grew as U.S.-bound shipments from Hanoi rose."
    found = [a.id for a in pipeline.extract(text).actors if a.type == "country"]
    assert found == ["USA", "VNM", "USA", "VNM"]


def test_the_north_needs_north_korea_in_the_article(parse):
    with_context = actors_of(parse, "North Korea raised coal output. The North also sold more iron ore.")
    assert ("The North", "North Korea", "PRK", "country") in with_context
    without = actors_of(parse, "Heavy snow fell across the North on Tuesday, closing several roads.")
    assert all(c != "PRK" for _, _, c, _ in without)


def test_the_country_owning_a_flow_is_the_state_that_owned_the_last_flow(parse):
    """'The country's exports to Chile' after a sentence whose subject did something other than trade:
    the state whose flows the story told, not the last subject."""
    text = ("Peru's exports to Bolivia rose 8% in May. Shipments from Bolivia grew 5%. Bolivia has raised "
            "tariffs on fuel this year. The country's exports to Chile fell 3%.")
    found = actors_of(parse, text)
    assert ("The country", "Peru", "PER", "country") in found
    # a description that owns no flow still follows the subjects
    other = actors_of(parse, "Peru's exports to Bolivia rose 8% in May. Bolivia has raised tariffs on fuel. "
                             "The country also cut its budget.")
    assert ("The country", "Bolivia", "BOL", "country") in other


def test_the_mainland_is_china_in_copy_from_taiwan_or_hong_kong(parse):
    found = actors_of(parse, "Macau's imports from the mainland rose 6 percent in May. Taiwan sold more chips to the mainland.")
    assert sum(1 for _, _, c, typ in found if c == "CHN" and typ == "country") == 2
    # elsewhere "the mainland" is a coast's hinterland, no state
    other = actors_of(parse, "Ferries from the islands to the mainland were halted by the storm in Greece.")
    assert all(c != "CHN" for _, _, c, _ in other)


@pytest.mark.parametrize("text,phrase,name,code", [
    # the other recent state
    ("Shipments from China picked up in the spring. North Korea bought more fertilizer from its neighbor in April.",
     "its neighbor", "China", "CHN"),
    # a subject before it binds it first
    ("Laos bought more rice from Thailand in May even though its overall imports from its neighbor slumped.",
     "its neighbor", "Thailand", "THA"),
    # among the recent states, the one the story names most
    ("Laos imported less rice from Thailand last year, officials said. Thailand's harvest was large. A Hanoi-based "
     "analyst said Laos's rice imports from its neighbouring country fell 20 percent.",
     "its neighbouring country", "Thailand", "THA"),
])
def test_its_neighbor(parse, text, phrase, name, code):
    assert (phrase, name, code, "country") in actors_of(parse, text)


@pytest.mark.parametrize("text,written,code", [
    ("New Zealands exports rose 7% in May.", "New Zealand", "NZL"),          # a name of two words
    ("Sri Lankas tea exports fell in June.", "Sri Lanka", "LKA"),
])
def test_a_longer_name_is_a_possessive_without_its_apostrophe(parse, text, written, code):
    codes = [c for t, _, c, typ in actors_of(parse, text) if typ == "country"]
    assert codes == [code]


def test_the_regime_refers_to_the_salient_state(parse):
    text = ("North Korea fired two missiles on Sunday. Analysts in Seoul said North Korea wanted attention. "
            "The regime has ignored calls for talks.")
    found = actors_of(parse, text)
    assert ("The regime", "North Korea", "PRK", "country") in found


def test_a_description_reserved_for_one_state_names_it_over_a_more_salient_one(parse):
    """'the hermit nation' is North Korea in a story that has named it, though China is named more
    often in the sentences before."""
    text = ("China's trade with North Korea rose 8 percent, Chinese officials said, as Washington presses "
            "Beijing to squeeze its neighbour. Shipments to the hermit nation climbed 21 percent.")
    found = actors_of(parse, text)
    assert ("the hermit nation", "North Korea", "PRK", "country") in found


def test_the_city_state_is_singapore_in_a_story_that_has_named_it(parse):
    text = ("Singapore's exports to China rose 4 percent. Chinese buyers took more chips, China's customs said. "
            "The city-state's shipments of drugs fell.")
    found = actors_of(parse, text)
    assert ("The city-state", "Singapore", "SGP", "country") in found


def test_a_reserved_description_with_its_state_unnamed_goes_by_salience(parse):
    """In a story that never names North Korea, 'the isolated country' is the salient state."""
    text = "Myanmar's exports fell 9 percent last year. The isolated country also imported less fuel."
    found = actors_of(parse, text)
    assert ("The isolated country", "Myanmar", "MMR", "country") in found


def test_description_without_antecedent_is_not_guessed(parse):
    found = actors_of(parse, "The regime has ignored calls for talks for a decade.")
    assert all(typ != "country" for *_, typ in found)


def test_surname_joins_the_full_name_introduced_earlier(parse):
    text = ("Kim Jong-un toured a fertilizer plant on Friday. "
            "The plant is one of Kim's favourite projects, and Kim praised its workers.")
    people = [(t, n) for t, n, _, typ in actors_of(parse, text) if typ == "person"]
    assert ("Kim Jong-un", "Kim Jong-un") in people
    assert ("Kim", "Kim Jong-un") in people


def test_customs_aliases_share_one_canonical_name(parse):
    text = ("The GACC published the data on Tuesday. China's General Administration of Customs "
            "said exports rose, and Chinese customs added that imports fell.")
    orgs = {n for _, n, _, typ in actors_of(parse, text) if typ == "organization"}
    assert orgs == {"General Administration of Customs of China"}


def test_photo_credits_are_not_actors(parse):
    found = actors_of(parse, "A truck crosses the bridge at Dandong on May 2. [AP/REUTERS]")
    assert all(t not in {"AP", "REUTERS"} for t, *_ in found)


@pytest.mark.parametrize("text", ["Kim Jong-un's", "Kim Jong-un’s"])
def test_possessive_ending_is_not_part_of_the_name(parse, text):
    found = actors_of(parse, f"{text} sister spoke on Monday.")
    assert ("Kim Jong-un", "Kim Jong-un", None, "person") in found


def test_a_name_that_modifies_a_noun_is_about_that_noun(parse):
    # the customs agency's rules are rules; the bridge's name is no group of people
    found = actors_of(parse, "Under Article 12 of China's customs rules, lorries crossing the Sino-Korean "
                             "Friendship Bridge must declare their loads.")
    assert [(t, typ) for t, _, _, typ in found] == [("China", "country")]


def test_an_agencys_data_still_name_the_agency(parse):
    found = actors_of(parse, "Coal imports fell by half, according to Chinese customs data.")
    assert ("Chinese customs data", "General Administration of Customs of China", None, "organization") in found


def test_the_state_a_currency_is_named_after_is_no_actor():
    from extractor import extract

    r = extract("Kenya's tea exports earned 410 million US dollars in May, while Singapore "
                "paid 3 million Hong Kong dollars for the rest.")
    assert [a.id for a in r.actors if a.type == "country"] == ["KEN", "SGP"]   # no USA, no HKG


@pytest.mark.parametrize("text,expected", [
    ("Korea shipped $51.2 billion worth of goods abroad in March, the Korea Customs Service said.", ["KOR"]),
    # with North Korea in the story, a bare 'Korea' could be either: nobody
    ("North Korea's trade with China grew, while Korea's exports fell.", ["PRK", "CHN"]),
])
def test_bare_korea_is_south_korea_unless_the_story_names_the_north(text, expected):
    from extractor import extract

    assert [a.id for a in extract(text).actors if a.type == "country"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Laos Exports Fall 8% in May", [("Laos", "country")]),   # a title-case headline, not a name
    ("The Korea International Trade Association said shipments rose.",
     [("Korea International Trade Association", "organization")]),
])
def test_a_headline_the_tagger_reads_as_a_name_is_not_an_organization(text, expected):
    from extractor import extract

    assert [(a.text, a.type) for a in extract(text).actors] == expected


def test_a_possessive_typed_without_its_apostrophe_names_the_state(parse):
    found = actors_of(parse, "Perus exports rose 7% in May, while Chiles imports fell. The two Koreas met.")
    codes = [(t, c) for t, _, c, typ in found if typ == "country"]
    assert ("Perus", "PER") in codes and ("Chiles", "CHL") in codes
    assert all(t != "Koreas" for t, _ in codes)


@pytest.mark.parametrize("text, expected", [
    # Saudi, Jordanian, Bahraini copy calls its state "the Kingdom"
    ("Saudi Arabia's non-oil exports rose 7 percent in April. The Kingdom's exports to China reached SR9.4 billion.",
     [("Saudi Arabia", "SAU"), ("The Kingdom", "SAU"), ("China", "CHN")]),
    ("The Kingdom's phosphate exports to India rose 9 percent, Jordan's statistics department said.",
     [("The Kingdom", "JOR"), ("India", "IND"), ("Jordan", "JOR")]),
    # lower case it is any kingdom; and a text naming no kingdom has none to refer to
    ("Peru's exports rose 5 percent, a boon for the kingdom of small growers.", [("Peru", "PER")]),
    ("The Kingdom's exports to China rose 5 percent in May.", [("China", "CHN")]),
])
def test_the_kingdom_is_the_kingdom_the_text_names(text, expected):
    r = extract(text, published="2022-10-20")
    assert [(a.text, a.id) for a in r.actors if a.type == "country"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstani exports to China rose 9 percent in 2023.", [("Kazakhstani", "KAZ"), ("China", "CHN")]),
    ("Uzbekistani and Zambian exporters met in Tashkent.", [("Uzbekistani", "UZB"), ("Zambian", "ZMB")]),
    ("Azeri gas shipments to Italy grew.", [("Azeri", "AZE"), ("Italy", "ITA")]),
])
def test_demonyms_in_their_other_common_forms(text, expected):
    """'Kazakhstani' beside 'Kazakh', 'Azeri' beside 'Azerbaijani': the forms news copy writes."""
    r = extract(text, published="2024-03-01")
    assert [(a.text, a.id) for a in r.actors if a.type == "country"] == expected
