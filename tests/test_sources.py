from extractor.actors import find_actors
from extractor.sources import find_sources


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


def test_generic_subjects_are_not_sources(parse):
    assert sources_of(parse, "Observers say trade will keep growing. Officials said nothing.") == []


def test_definite_data_noun_refers_back_to_the_named_data_source(parse):
    text = ("Chinese customs reported a sharp rise in soybean oil shipments. "
            "Sales of sugar also grew, according to the customs figures.")
    found = sources_of(parse, text)
    later = [s for s in found if s.cue == "according to"]
    assert later and later[0].name == "General Administration of Customs of China"
    assert later[0].text == "the customs figures"
