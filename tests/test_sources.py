from extractor.pipeline.actors import find_actors
from extractor.pipeline.sources import find_sources


def sources_of(parse, text):
    doc = parse(text)
    doc._.actors = find_actors(doc)
    return find_sources(doc)


def test_according_to_names_a_data_source(parse):
    found = sources_of(parse, "Imports of rice fell 12% in May, according to China's General Administration of Customs.")
    assert [(s.name, s.type, s.cue) for s in found] == [
        ("General Administration of Customs of China", "data_source", "according to")]


def test_citing_makes_a_chain_through_the_outlet(parse):
    text = "Citing data from the GACC, Yonhap reported on Friday that exports to the North doubled."
    found = {s.name: s for s in sources_of(parse, text)}
    customs = found["General Administration of Customs of China"]
    assert customs.cue == "citing"
    assert customs.via == "Yonhap News Agency"
    assert found["Yonhap News Agency"].type == "news_outlet"


def test_inverted_said_with_affiliation_is_the_person(parse):
    text = "\u201cThe numbers will keep rising,\u201d said Park Ji-won, a senior fellow at the Korea Development Institute."
    found = sources_of(parse, text)
    assert [(s.name, s.type, s.cue) for s in found] == [("Park Ji-won", "person", "said")]


def test_agentive_passive_and_as_reported_by(parse):
    found = sources_of(parse, "The figures released by KOTRA on Monday differ from those reported by KCNA.")
    names = {(s.name, s.cue) for s in found}
    assert ("Korea Trade-Investment Promotion Agency", "released") in names
    found = sources_of(parse, "Kim inspected the plant on June 2, as reported by the Rodong Sinmun.")
    assert [(s.name, s.cue) for s in found] == [("Rodong Sinmun", "as reported by")]


def named(found):
    return [s for s in found if not s.described]


def test_generic_subjects_are_not_named_sources(parse):
    # a bare plural reads generically: an attribution (PolNeAR annotates 'officials said'), never a name
    found = sources_of(parse, "Observers say trade will keep growing. Officials said nothing.")
    assert named(found) == []
    assert [(s.name, s.described) for s in found] == [("observers", True), ("officials", True)]


def test_definite_data_noun_refers_back_to_the_named_data_source(parse):
    text = ("Chinese customs reported a sharp rise in soybean oil shipments. "
            "Sales of sugar also grew, according to the customs figures.")
    found = sources_of(parse, text)
    later = [s for s in found if s.cue == "according to"]
    assert later and later[0].name == "General Administration of Customs of China"
    assert later[0].text == "the customs figures"


def test_pronoun_subject_names_the_person_it_refers_back_to(parse):
    text = ("Jane Whitcombe, the ministry's spokeswoman, announced the tariffs on Monday. "
            "She said the measures would take effect in May.")
    found = sources_of(parse, text)
    pronoun = [s for s in found if s.text == "She"]
    assert pronoun and pronoun[0].name == "Jane Whitcombe" and pronoun[0].type == "person"
    assert text[pronoun[0].start:pronoun[0].end] == "She"


def test_pronoun_without_antecedent_is_not_a_source(parse):
    # still an attribution ('"Pay up," she said'), but one nobody can look up: described, named
    # by the pronoun, so it never reaches doc._.sources
    found = sources_of(parse, "He said the plan would fail. It added that prices would rise.")
    assert [(s.text, s.name, s.described) for s in found] == [("He", "he", True), ("It", "it", True)]
    assert [s for s in found if not s.described] == []


def test_the_cue_is_located_as_written(parse):
    text = ("Rice imports fell 12% in May, according to the customs office. "
            "Jane Whitcombe, the ministry's spokeswoman, says the measures will last.")
    found = {s.text: s for s in sources_of(parse, text)}
    assert set(found) >= {"the customs office", "Jane Whitcombe"}
    spans = {name: text[s.cue_start:s.cue_end] for name, s in found.items()}
    assert spans["the customs office"] == "according to"
    assert (found["Jane Whitcombe"].cue, spans["Jane Whitcombe"]) == ("said", "says")


def test_relative_pronoun_takes_the_noun_its_clause_modifies(parse):
    found = sources_of(parse, "Reporters met Maria Lopez, who said the harvest had failed.")
    assert ("who", "Maria Lopez") in {(s.text, s.name) for s in found}


def test_definite_description_refers_back_to_the_named_person(parse):
    text = "Governor Tom Reyes visited the port on Friday. The governor said exports would rise."
    found = sources_of(parse, text)
    described = [s for s in found if s.text.lower().startswith("the governor")]
    assert described and described[0].name == "Tom Reyes"


def test_stance_and_conjoined_verbs_have_the_subject_as_source(parse):
    found = sources_of(parse, "Senator Ana Ruiz criticized the deal as reckless.")
    assert [(s.name, s.cue) for s in found] == [("Ana Ruiz", "criticized")]
    found = sources_of(parse, "Lee Min-ho met reporters in Seoul and added that trade would recover.")
    assert [(s.name, s.cue) for s in found] == [("Lee Min-ho", "added")]


def test_attribution_inside_reported_content_is_not_the_articles_source(parse):
    found = sources_of(parse, "Lee Min-ho said that Kim Soo-jin had criticized the deal.")
    assert [s.name for s in found] == ["Lee Min-ho"]
    found = sources_of(parse, "\u201cEveryone knows Kim Soo-jin said no,\u201d Lee Min-ho told reporters.")
    assert [s.name for s in found] == ["Lee Min-ho"]


def test_transcript_speaker_label(parse):
    found = sources_of(parse, "HARRIS: We will publish the numbers next week.")
    assert [(s.text, s.type, s.cue) for s in found] == [("HARRIS", "person", ":")]
    assert sources_of(parse, "Update: The numbers will be published next week.") == []


def test_capitalized_sentence_start_is_not_a_name(parse):
    text = "Trade fell in May, signaling weak demand. Analysts expect trade to recover."
    assert named(sources_of(parse, text)) == []


def test_described_source_is_named_by_its_description(parse):
    found = sources_of(parse, "A senior trade official told reporters that the quota would be lifted.")
    assert [(s.name, s.type) for s in found] == [("senior trade official", "person")]
    # bare plurals read generically and stay unnamed; a photo that 'shows' something is no source
    found = sources_of(parse, "Economists say the quota will be lifted. A photo shows the port.")
    assert [(s.name, s.described) for s in found] == [("economists", True)]


def test_possessive_cue_noun_and_perfect_tense(parse):
    text = "Maria Lopez has argued for months that the port is too small. Her claim that it is full was denied."
    found = sources_of(parse, text)
    assert [(s.text, s.name) for s in found] == [("Maria Lopez", "Maria Lopez"), ("Her", "Maria Lopez")]


def test_quotation_signed_with_a_dash(parse):
    found = sources_of(parse, "\u201cWe will not give up.\u201d \u2015 Maria Lopez\n")
    assert [s.name for s in found] == ["Maria Lopez"]


def test_inverted_speaker_after_a_quotation_parsed_as_subject(parse):
    found = sources_of(parse, "\u201cNot a chance,\u201d said Maria Lopez, the union's president.")
    assert [s.name for s in found] == ["Maria Lopez"]


def test_intentions_and_beliefs_are_attributed_to_their_holder(parse):
    found = sources_of(parse, "Maria Lopez wants the port to reopen, and the union plans to strike.")
    assert ("Maria Lopez", "wants") in {(s.name, s.cue) for s in found}


def test_product_release_is_not_an_attribution(parse):
    assert sources_of(parse, "Nokturna Motors released a new electric truck on Monday.") == []
    found = sources_of(parse, "Nokturna Motors released figures showing sales fell.")
    assert [s.cue for s in found] == ["released"]


def test_described_group_is_the_antecedent_of_they(parse):
    text = ("Several port engineers warned on Monday that the cranes were unsafe. "
            "They said the repairs would take a month.")
    found = sources_of(parse, text)
    assert ("They", "several port engineers") in {(s.text, s.name) for s in found}


def test_speaking_needs_content_and_dates_are_not_speakers(parse):
    assert sources_of(parse, "Maria Lopez spoke for five minutes in the hall.") == []
    found = sources_of(parse, "Maria Lopez spoke about the tariffs in the hall.")
    assert [s.name for s in found] == ["Maria Lopez"]
    found = sources_of(parse, "\u201cWe are ready,\u201d the port director said Monday.")
    assert [s.name for s in found] == ["port director"]


def test_continued_with_a_quotation_and_researchers_who_found(parse):
    found = sources_of(parse, "Maria Lopez continued: \u201cThe port will reopen.\u201d")
    assert [(s.name, s.cue) for s in found] == [("Maria Lopez", "continued")]
    found = sources_of(parse, "The port researchers found that delays doubled.")
    assert [s.type for s in found] == ["person"]


def test_unnamed_stance_and_negated_attributions_are_not_cited_sources(pipeline):
    text = ("A senior official said exports would recover. Washington urged Beijing to enforce the sanctions. "
            "Pyongyang has not commented on the figures. A German importer said it paid $4 million. "
            "Yonhap reported the figures on Friday.")
    r = pipeline.extract(text, published="2025-06-02")
    assert [s.name for s in r.sources] == ["Yonhap News Agency"]
    kept = {s.text: s for s in r.attributions}
    assert kept["A senior official"].described
    assert kept["Washington"].informative is False
    assert kept["Pyongyang"].informative is False
    assert all(s.name != "Germany" for s in r.attributions)
