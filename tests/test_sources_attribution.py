"""Attribution shapes PolNeAR annotates and trade news uses too (issue 14, item 5): topic and
stance cues, sources signed after a quotation, pronouns of the paragraph's speaker.

All sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from extractor.pipeline.actors import find_actors
from extractor.pipeline.sources import find_sources


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
