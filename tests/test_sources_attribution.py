"""Attribution shapes PolNeAR annotates and trade news uses too (issue 14, item 5): topic and
stance cues, sources signed after a quotation, pronouns of the paragraph's speaker.

All sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from extractor.pipeline.actors import find_actors
from extractor.pipeline.sources import SourceRecognizer, find_sources


def attributions_of(parse, text):
    doc = parse(text)
    doc._.actors = find_actors(doc)
    return find_sources(doc)


@pytest.mark.parametrize("text,source,cue", [
    ("The Unification Ministry raised questions about the coal shipments.", "Unification Ministry",
     "raised questions about"),
    ("Seoul made no secret of its doubts over the deal.", "Seoul", "made no secret of"),
    ("President Lee sounded a call for tighter export controls.", "Lee", "sounded a call for"),
    ("Senator Park is against the tariff.", "Park", "is against"),
])
def test_topic_and_stance_cues_attribute_to_the_subject(parse, text, source, cue):
    found = attributions_of(parse, text)
    assert [(s.cue, s.informative) for s in found if source in s.text] == [(cue, False)]


def test_questions_for_someone_are_no_stance(parse):
    found = attributions_of(parse, "The committee has several questions for the minister.")
    assert not [s for s in found if s.cue and "questions" in s.cue]


def test_a_verb_that_only_hides_concerns_is_no_cue(parse):
    found = attributions_of(parse, "The surplus obscures concerns about weak demand.")
    assert not found


@pytest.mark.parametrize("text,name", [
    ("\u201cThe border must stay open.\u201d\u2015 Mina Cho\u00a0\n\u201cTrade is our lifeline.\u201d", "Mina Cho"),
    ("\u201cPrices will rise.\u201d \u2015 Kenji Mori.\n\nPhoto: agency.", "Kenji Mori"),
    ("\u201cWe export to survive!\u201d \u2015\u00a0Ana B. Lopez Diaz.\n\nMore letters follow.", "Ana B. Lopez Diaz"),
])
def test_a_quotation_signed_after_a_dash(parse, text, name):
    assert name in {s.name for s in attributions_of(parse, text)}


def test_a_dash_inside_a_sentence_signs_nothing(parse):
    found = attributions_of(parse, "Exports rose in May \u2014 Korea Customs Service data show a record.")
    assert not [s for s in found if s.cue in ("\u2014", "\u2015")]


def test_a_pronoun_speaker_is_the_paragraphs_named_speaker(parse):
    # the sentence between has another man as its subject; the paragraph's speaker is still Park
    found = attributions_of(parse, "\u201cThe sanctions are biting,\u201d said Park Ji-won. Kim Min-su, his partner, "
                                   "runs a trading house in Dandong. \u201cShipments have halved,\u201d he said.")
    assert [s.name for s in found if s.text == "he"] == ["Park Ji-won"]


def test_a_new_paragraph_does_not_inherit_the_speaker(parse):
    found = attributions_of(parse, "\u201cThe sanctions are biting,\u201d said Park Ji-won.\n\nKim Min-su runs a "
                                   "trading house in Dandong. He said shipments halved.")
    assert [s.name for s in found if s.text == "He"] == ["Kim Min-su"]


@pytest.mark.parametrize("text,source,cue", [
    ("Most of the exporters say the new levy will hurt shipments.", "Most of the exporters", "say"),
    ("Many of the traders, some of whom lost money last year, warned that prices would fall.",
     "Many of the traders", "warned"),
    ("Everyone we interviewed agreed that the port needs a second berth.", "Everyone", "agreed"),
    ("Someone asked whether the ministry would publish the figures.", "Someone", "asked"),
    ("Those close to the minister say she will resign.", "Those", "say"),
    ("Thirty percent said they expected exports to rise.", "Thirty percent", "said"),
])
def test_a_quantified_subject_is_a_described_source(parse, text, source, cue):
    found = attributions_of(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end], s.described) for s in found] == [(source, cue, True)]


def test_a_quantifier_that_is_not_the_subject_is_no_source(parse):
    found = attributions_of(parse, "The customs office told all of the importers to register by May.")
    assert not [s for s in found if s.text.lower().startswith("all")]


def test_a_cue_after_a_preposition_shares_the_verbs_subject(parse):
    text = "The ministry responded to the report by saying the data were incomplete."
    attributions, _ = attributions_and_sources(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end]) for s in attributions] == [
        ("The ministry", "responded"), ("The ministry", "saying")]


@pytest.mark.parametrize("text,source,cue", [
    ("Lee took to the radio to accuse the importers of hoarding rice.", "Lee", "took to the radio to accuse"),
    ("Minister Ana Ruiz appeared to suggest that the quota would be lifted.", "Ana Ruiz", "appeared to suggest"),
])
def test_an_infinitive_cue_takes_the_subject_of_its_governor(parse, text, source, cue):
    found = attributions_of(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end]) for s in found] == [(source, cue)]


@pytest.mark.parametrize("text", [
    "The ministry failed to note that shipments had stalled.",
    "The agency used blunt language to criticize the smugglers.",
])
def test_no_subject_control_through_fail_or_an_object(parse, text):
    assert not attributions_of(parse, text)


def attributions_and_sources(parse, text):
    doc = parse(text)
    doc._.actors = find_actors(doc)
    doc = SourceRecognizer(None, "sources")(doc)
    return doc._.attributions, doc._.sources


def test_one_speaker_with_two_cues_is_two_attributions_and_one_source(parse):
    text = "\u201cRice prices will climb,\u201d Minister Ana Ruiz said, adding that the import quota would stay."
    attributions, sources = attributions_and_sources(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end]) for s in attributions] == [
        ("Ana Ruiz", "said"), ("Ana Ruiz", "adding")]
    assert [s.name for s in sources] == ["Ana Ruiz"]


@pytest.mark.parametrize("text,source,cue", [
    ("The finance ministry knows that the surplus will shrink.", "The finance ministry", "knows"),
    ("The farmers' union supports the new rice quota.", "The farmers' union", "supports"),
    ("Minister Ana Ruiz discussed the rice quota with importers on Monday.", "Ana Ruiz", "discussed"),
])
def test_belief_and_stance_verbs_attribute_without_informing(parse, text, source, cue):
    found = attributions_of(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end], s.informative) for s in found] == [(source, cue, False)]


def test_the_writer_or_reader_as_a_cues_subject_is_a_described_source(parse):
    found = attributions_of(parse, "You might think that exports would suffer from the levy.")
    assert [(s.text, s.described) for s in found] == [("You", True)]


def test_a_first_person_cue_inside_a_quotation_is_the_quoted_speakers_content(parse):
    found = attributions_of(parse, "\u201cWe know the quota will not last,\u201d said the trade minister.")
    assert [s.text for s in found] == ["the trade minister"]
    found = attributions_of(parse, "HARRIS: We know the quota will not last.")
    assert [s.text for s in found] == ["HARRIS"]


@pytest.mark.parametrize("text,source", [
    ("Environmentalists warned that the mine would pollute the river.", "Environmentalists"),
    ("Creditors argued that the sale price was too low.", "Creditors"),
])
def test_a_bare_plural_of_people_is_a_described_source(parse, text, source):
    assert [(s.text, s.described) for s in attributions_of(parse, text)] == [(source, True)]


@pytest.mark.parametrize("text,source,cue", [
    ("The quota was criticized by several rice importers.", "several rice importers", "criticized"),
    ("The new levy is supported by far fewer exporters than last year.", "far fewer exporters", "supported"),
])
def test_the_described_agent_of_a_passive_cue_is_a_described_source(parse, text, source, cue):
    found = attributions_of(parse, text)
    assert [(s.text, text[s.cue_start:s.cue_end], s.described) for s in found] == [(source, cue, True)]


@pytest.mark.parametrize("label,expected", [("Tanaka", ["Kenji Tanaka"]), ("Update", [])])
def test_a_headline_label_is_a_speaker_when_the_article_names_that_person(parse, label, expected):
    text = (f"{label}: Rice Quota Will Stay in Place.\n\nTrade Minister Kenji Tanaka said on Monday that the "
            "quota would not change.")
    found = attributions_of(parse, text)
    assert [s.name for s in found if s.cue == ":"] == expected


@pytest.mark.parametrize("text", [
    "She called in to a farm radio show on Monday.",
    "The minister showed up late at the port.",
])
def test_a_phrasal_verb_is_no_cue(parse, text):
    assert not attributions_of(parse, text)


def test_a_cue_in_a_framing_clause_is_the_writers_attribution_not_reported_content(parse):
    text = "Trade Minister Ana Ruiz said the quota would stay, though she noted that rice imports had doubled."
    found = attributions_of(parse, text)
    assert [(s.text, s.name, text[s.cue_start:s.cue_end]) for s in found] == [
        ("Ana Ruiz", "Ana Ruiz", "said"), ("she", "Ana Ruiz", "noted")]


def test_a_cue_in_a_causal_clause_stays_reported_content(parse):
    text = "The ministry said that exports fell because importers claimed the rules were unclear."
    assert [s.text for s in attributions_of(parse, text)] == ["The ministry"]


@pytest.mark.parametrize("text,source", [
    ("The report documented a steep rise in coal smuggling along the border.", "The report"),
    ("Farm groups pressed the ministry for a higher rice quota.", "Farm groups"),
])
def test_document_and_press_are_cues(parse, text, source):
    assert [s.text for s in attributions_of(parse, text)] == [source]


def test_an_average_is_data_that_shows(parse):
    found = attributions_of(parse, "Polling averages show the governor with a narrow lead.")
    assert [(s.text, s.described) for s in found] == [("Polling averages", True)]
