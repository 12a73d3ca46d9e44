import pytest

from extractor.pipeline.cleaning import clean_text

PAGE = """World > Asia > Korean Peninsula

print dictionary print

Exports of coal resume at Nampo

Exports of coal resume at Nampo

A cargo ship waits at the port of Nampo on March 3. [SAMPLE WIRE]

A cargo ship waits at the port of Nampo on March 3. [SAMPLE WIRE]

Related Article

North Korea shipped 12,000 tonnes of coal in February, port records show.
Share this article
BY KIM MINA [[email protected]]
Log in to comment
Trade rose 40% in March.
"""


def test_chrome_lines_are_dropped_and_repeats_kept_once():
    cleaned = clean_text(PAGE).text
    assert "World > Asia" not in cleaned
    assert "print dictionary" not in cleaned
    assert "Related Article" not in cleaned
    assert "Share this article" not in cleaned
    assert "KIM MINA" not in cleaned
    assert cleaned.count("A cargo ship waits at the port of Nampo") == 1
    assert cleaned.count("Exports of coal resume at Nampo") == 1
    assert "North Korea shipped 12,000 tonnes of coal in February" in cleaned


def test_everything_after_the_footer_marker_is_dropped():
    cleaned = clean_text(PAGE).text
    # the login prompt starts the footer: what follows it is page furniture, even a sentence
    assert "Trade rose 40% in March." not in cleaned


def test_prose_that_starts_like_chrome_is_kept():
    text = "By 2030, exports to China could double, the ministry said in a report on Monday."
    assert clean_text(text).text == text


def test_kept_lines_are_verbatim_and_paragraphs_separated_by_blank_lines():
    text = "First paragraph  with  two spaces.\r\nSecond paragraph.\n\n\n\nThird."
    cleaned = clean_text(text).text
    assert cleaned == "First paragraph  with  two spaces.\n\nSecond paragraph.\n\nThird."


def test_hard_wrapped_lines_of_one_sentence_are_joined():
    text = ("Laos exported 12,000 tonnes of coffee\nto Vietnam in March, worth about 3.5 million\n"
            "u.s. dollars, the data showed.\nThe ministry did not comment.")
    assert clean_text(text).text == ("Laos exported 12,000 tonnes of coffee to Vietnam in March, worth about "
                                     "3.5 million u.s. dollars, the data showed.\n\nThe ministry did not comment.")


@pytest.mark.parametrize("text, cleaned", [
    # an initialism's full stop ends no sentence when the next line goes on in lower case
    ("Laos sold coffee worth 4.1 million U.S.\ndollars to Vietnam in March.",
     "Laos sold coffee worth 4.1 million U.S. dollars to Vietnam in March."),
    ("Laos sold more coffee to the U.S.\nVietnam bought less.", "Laos sold more coffee to the U.S.\n\nVietnam bought less."),
])
def test_a_line_wrapped_after_an_initialism(text, cleaned):
    assert clean_text(text).text == cleaned


def test_a_headline_and_its_dateline_stay_apart():
    text = "Laos coffee exports hit a record\nVIENTIANE, May 3 -- Coffee exports rose."
    assert clean_text(text).text == "Laos coffee exports hit a record\n\nVIENTIANE, May 3 -- Coffee exports rose."


@pytest.mark.parametrize("text, cleaned", [
    ("Our correspondent has more.Report: coffee exports rose.", "Our correspondent has more. Report: coffee exports rose."),
    ("It rose 2.5 percent.Exports fell.", "It rose 2.5 percent. Exports fell."),
    ("See www.Reuters.com for more.", "See www.Reuters.com for more."),          # an address stays whole
    ("The U.S.Treasury said so.", "The U.S.Treasury said so."),                # an abbreviation is not a sentence
    # after a closing bracket or a sign written in capitals
    ("Data came from the ministry (MTA).Imports fell.", "Data came from the ministry (MTA). Imports fell."),
    ("Exports were 96.2 billion RM.Imports fell.", "Exports were 96.2 billion RM. Imports fell."),
    ("Trade went through the E.U.Parliament.", "Trade went through the E.U.Parliament."),
])
def test_sentences_glued_without_a_space_are_parted(text, cleaned):
    assert clean_text(text).text == cleaned


@pytest.mark.parametrize("raw, joined", [
    ("Peru's exports in the first seven months slipped\n4.3 percent on a year earlier.",
     "Peru's exports in the first seven months slipped 4.3 percent on a year earlier."),
    ("Peru's exports fell\n\n8 percent in May.", "Peru's exports fell 8 percent in May."),
])
def test_a_wire_line_broken_before_its_figure_goes_on(raw, joined):
    assert clean_text(raw).text == joined


def test_a_headline_then_a_paragraph_opening_with_a_year_stay_apart():
    assert clean_text("Peru Exports Fell\n\n2024 was a hard year.").text == "Peru Exports Fell\n\n2024 was a hard year."


def test_a_list_of_links_to_other_stories_is_dropped_with_its_heading():
    raw = ("Chile's copper exports rose 8% in the first nine months of this year.\n"
           "Related News\n"
           "- March 2, 2024 Peru's zinc output hits a record ...view\n"
           "- July 15, 2023 Lithium prices slide again\n\n"
           "Exports to Japan rose too.")
    cleaned = clean_text(raw)
    assert "2024" not in cleaned.text and "Lithium" not in cleaned.text
    assert "Exports to Japan rose too." in cleaned.text


def test_a_story_s_own_bullets_after_an_ordinary_line_stay():
    raw = "Chile's exports rose in May:\n- copper up 8%\n- wine up 3%"
    assert "- wine up 3%" in clean_text(raw).text


def test_a_one_line_link_to_another_story_is_dropped():
    # the linked headline names another state and its figures: none of this story's
    text = ("Garment exports rose 6 percent in May.\nAlso Read – Shoe exports from Vietnam slip 3%\n"
            "See also: Peru's copper sales fall\nExports of knitwear rose 4 percent.")
    cleaned = clean_text(text).text
    assert "Vietnam" not in cleaned and "Peru" not in cleaned
    assert "Exports of knitwear rose 4 percent." in cleaned
    # prose that says "also" keeps its line
    assert clean_text("Also, read together, the figures show a rise.").text == "Also, read together, the figures show a rise."


def test_sentences_glued_after_a_year_or_a_percent_are_split_and_a_grave_apostrophe_is_one():
    text = "Trade reached $12 billion in 2021.Peru's exports rose 5%.The rest followed. Chile`s imports fell."
    assert clean_text(text).text == ("Trade reached $12 billion in 2021. Peru's exports rose 5%. The rest followed. "
                                     "Chile\u2019s imports fell.")
    # decimals, domains and code spans are not sentences
    kept = "It is 2023.5 and www.Example.com, with `code` kept."
    assert clean_text(kept).text == kept


def test_a_non_breaking_hyphen_is_a_hyphen():
    """'from Mar 1\u201120' (U+2011) reads as the day range it shows; one character for one, so offsets hold."""
    raw = "Taiwan shipped $21.4 billion from Mar 1\u201120, the ministry said."
    cleaned = clean_text(raw).text
    assert "Mar 1-20" in cleaned and len(cleaned) == len(raw)


def test_a_credit_line_above_the_story_is_no_footer():
    """'© Wire. FILE PHOTO: ...' opening a page is a photo credit: that line goes, the story stays;
    the same line after the story still ends it."""
    raw = ("© Sample Wire. FILE PHOTO: Lorries queue at a border bridge\n"
           "SEOUL (Sample Wire) - Exports to the North rose 12% in May, customs data showed.\n"
           "© Sample Wire 2026. All rights reserved.\n"
           "Read our terms of use.\n")
    cleaned = clean_text(raw).text
    assert "FILE PHOTO" not in cleaned
    assert "Exports to the North rose 12% in May" in cleaned
    assert "terms of use" not in cleaned


def test_an_acronym_s_bracket_glued_to_its_name_gets_its_space():
    cleaned = clean_text("Trade rose, the Korea International Trade Association(KITA) said.\n").text
    assert "Association (KITA)" in cleaned
    assert clean_text("The f(x) notation stays.\n").text == "The f(x) notation stays."
