"""Attribution cues: the cue tables and the rules that find a cue and the phrase it points to
("according to X", "citing data from X", "figures released by X", "X said", speaker labels,
"X's claim that", a dash signature).
"""
from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from models import Actor

from ..actors import organization_source_type
from ..extensions import tokens_whose
from ..lexicon import load_table

_OBJECT_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound", "poss"}


@cache
def _cues() -> dict:
    return load_table("attribution_cues.json")


@cache
def _name_words() -> tuple[frozenset, frozenset]:
    orgs = load_table("organizations.json")
    return frozenset(orgs["outlet_name_words"]), frozenset(orgs["government_name_words"])


def _source_type(actor: Actor, data_context: bool) -> str:
    if actor.type == "person":
        return "person"
    if actor.type == "country":
        return "government"
    known = organization_source_type(actor.name)
    if known:
        return known
    outlet_words, government_words = _name_words()
    words = set(actor.name.replace("'s", "").split())
    if words & outlet_words:
        return "news_outlet"
    if data_context:
        return "data_source"
    if words & government_words:
        return "government"
    return "organization"


class _ActorIndex:
    """Actor mentions by token, to name the source inside a noun phrase."""

    def __init__(self, doc: Doc, actors: list[Actor]):
        self.by_token: dict[int, Actor] = {}
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for t in range(span.start, span.end):
                self.by_token[t] = actor

    def in_phrase(self, head: Token) -> Actor | None:
        """The actor a noun phrase names: its head's, else the most specific one inside it.

        "China's General Administration of Customs" names the customs office, not
        China; "data from X" names X (data nouns are looked through).
        """
        if head.i in self.by_token:
            return self.by_token[head.i]
        found = [self.by_token[t.i] for t in head.subtree if t.i in self.by_token]
        if not found:
            return None
        rank = {"person": 0, "organization": 1, "group": 2, "country": 3}
        return min(found, key=lambda a: rank[a.type])


def _is_data_noun(token: Token) -> bool:
    return token.lemma_.lower() in _cues()["data_nouns"] or token.lower_ in _cues()["data_nouns"]


def _data_origin(head: Token) -> Token | None:
    """Who the data a data noun names come from: 'data from X', 'figures of X', 'statistics by X',
    'data provided by X', 'figures released by X' -> X's head; None when the phrase does not say
    ('China's customs data cited by Example Wire': the wire relays them)."""
    if not _is_data_noun(head):
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in {"from", "of", "by"}:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs and not _is_data_noun(objs[0]):
                return objs[0]
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _cues()["data_origin_verbs"]:
            for agent in (a for a in c.children if a.dep_ == "agent"):
                objs = [o for o in agent.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _is_generic(token: Token) -> bool:
    return token.lower_ in _cues()["generic_sources"] or token.pos_ == "PRON"


def _prepositional_cue(token: Token) -> tuple[Token, str] | None:
    """'according to X', 'per X': the object of the fixed preposition is the source."""
    cues = _cues()["prepositional_cues"]
    if token.lower_ == "according":
        for child in token.children:
            if child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0], "according to"
    if token.lower_ == "per" and token.dep_ == "prep":
        objs = [c for c in token.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ == "PROPN":
            return objs[0], cues["per"]
    return None


def _document_author(token: Token) -> tuple[Token, str] | None:
    """'from a Spanish foreign ministry press briefing', 'in a CNN report', 'as per CNN report':
    a statement or document named by its author (a proper name or an institution modifying it)
    cites that author."""
    cues = _cues()
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in {"from", "in", "per"}:
        return None
    if token.lemma_.lower() not in cues["statement_nouns"]:
        return None
    modifiers = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"} and c.i < token.i]
    if not any(m.pos_ == "PROPN" or m.pos_ == "NOUN" and m.lemma_.lower() not in cues["statement_nouns"]
               and m.lower_ != "press" for m in modifiers):
        return None
    return token, f"{token.head.lower_} {token.lemma_.lower()}"


def _citing_clause(token: Token) -> tuple[Token, str] | None:
    """'Citing (data from) X, Y reported': X is the source, relayed by Y."""
    if token.lower_ in {"citing", "quoting"} and token.pos_ == "VERB":
        objs = [c for c in token.children if c.dep_ in {"dobj", "pobj"}]
        if objs:
            return objs[0], token.lower_
    return None


def _agentive_passive(token: Token) -> tuple[Token, str] | None:
    """'figures released by X', 'as reported by X', 'endorsed by X': the agent of a cue verb."""
    verbs = _cue_verbs()
    if token.pos_ != "VERB" or token.lemma_ not in verbs or token.tag_ != "VBN":
        return None
    for child in token.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                as_cue = token.i > 0 and token.doc[token.i - 1].lower_ == "as"
                cue = f"as {token.text.lower()} by" if as_cue else verbs[token.lemma_]
                return objs[0], cue
    return None


def _cue_verbs() -> dict[str, str]:
    """Every verb whose subject is a source: speech, stance and directive verbs (lemma -> cue label)."""
    return _all_cue_verbs()


@cache
def _all_cue_verbs() -> dict[str, str]:
    cues = _cues()
    return {**cues["cognitive_verbs"], **cues["directive_verbs"], **cues["stance_verbs"], **cues["speech_verbs"]}


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``; a conjoined or participial verb shares its governor's.

    "X told reporters and added ...", "X mocked the plan, saying ...": the second
    verb has no subject of its own and predicates of the first one's (PARC 3.0
    annotates each such verb as a cue with the same source; Pareti 2016, ch. 4).
    """
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return c if c.dep_ == "nsubj" else None
    governor = None
    if verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG"):
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        governor = verb.head.head   # 'X responded by saying ...', 'X sang before asking ...'
    elif verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.lemma_ not in _all_cue_verbs() \
            and verb.head.lemma_ not in {"fail", "neglect", "forget"}:
        # subject control: 'X took to the radio to accuse ...', 'X was able to tout ...'; a cue
        # governor ('X plans to release') is the cue itself; 'X failed to note' notes nothing
        governor = verb.head.head if verb.head.dep_ == "acomp" else verb.head
        if any(c.dep_ == "dobj" for c in governor.children):
            return None   # 'forcing the recipients to answer', 'used blunt words to denounce
    if governor is not None and governor.pos_ in {"VERB", "AUX"} and governor.i != verb.i:
        for c in governor.children:
            if c.dep_ == "nsubj":
                return c
    return None


def _reports_content(verb: Token) -> bool:
    """Whether a verb that is a cue only in one of its senses reports something here.

    "Apple released a new phone", "members can add applications", "airlines agree
    purchase" are not attributions; "the ministry released figures", "she added
    that ...", '"...," he added' are: the verb has a clausal complement, a data or
    document object, or stands next to a quotation (PARC 3.0's content span,
    Pareti 2016)."""
    documents = set(_cues()["document_nouns"])
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp", "parataxis"}:
            return True
        if c.dep_ == "dobj" and (_is_data_noun(c) or c.lemma_.lower() in documents):
            return True
        if c.dep_ == "prep" and c.lower_ in {"about", "of", "against"}:   # 'spoke about X'
            return True
    doc = verb.doc
    near = doc[max(verb.i - 4, 0): min(verb.i + 3, len(doc))]
    if any(t.text in {"\u201d", "\u201c", '"', "''", ":"} for t in near):
        return True
    return verb.dep_ == "parataxis" or (verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in verb.children))


def _speech_verb_subject(token: Token) -> tuple[Token, str] | None:
    """'X said', 'said X', 'X reported that', 'data from X showed', 'X criticized', 'X urged'.

    Speech verbs follow Krestel et al. (2008)'s reporting verbs; stance and
    directive verbs are the other cue classes of the PolNeAR guidelines (Newell
    et al. 2018: "X called the plan a disaster", "X urged voters to ...").
    """
    verbs = _cue_verbs()
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_ not in verbs:
        return None
    # a participle speaks only in the perfect ('X has said'); 'figures released by X' is the agent rule's
    if token.lemma_ in _cues()["content_verbs"] and not _reports_content(token):
        return None
    phrasal = _cues()["phrasal_non_cues"].get(token.lemma_)
    if phrasal and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in phrasal:
        return None   # 'called in to a radio show', 'showed up'
    subject = _subject_of(token)
    if subject is None:
        return None
    cue = verbs[token.lemma_]
    if _is_data_noun(subject) or any(_is_data_noun(c) for c in subject.children if c.dep_ == "compound"):
        cue = f"{subject.lower_ if _is_data_noun(subject) else 'data'} {cue}"
    return subject, cue


def _quoted_as_saying(token: Token) -> tuple[Token, str] | None:
    """'State media quoted Li as telling his host ...', 'Yonhap quoted an official as saying ...':
    the one quoted is the source of what follows (PARC 3.0 nests it under the quoting outlet;
    Pareti 2016), the outlet only relays it."""
    if token.lemma_ != "quote" or token.pos_ != "VERB":
        return None
    objs = [c for c in token.children if c.dep_ == "dobj"]
    if not objs:
        return None
    speech = _cues()["speech_verbs"]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "as" and any(p.tag_ == "VBG" and p.lemma_ in speech for p in c.children):
            return objs[0], "quoted"
    return None


def _stance_predicate(token: Token) -> tuple[Token, str] | None:
    """Topic and stance cues (PolNeAR, Newell et al. 2018): 'Trump is raising questions about ...',
    'the leaders made little secret of ...', 'Obama sounded a call for ...', 'Sanders is against
    it'. The subject of the light verb or copula holds the stance; the cue runs from the verb to
    its preposition. (Adjectives of attitude, 'critical of', 'worried about', were tried: PolNeAR
    annotates them in one fold and not in the other, so they are left out.)"""
    cues = _cues()
    lemma = token.lemma_.lower()
    if lemma not in cues["stance_nouns"] and lemma != "be":
        return None   # (most words: neither branch below can read them)
    topics = set(cues["topic_prepositions"])
    if lemma in cues["stance_nouns_for"]:
        topics.add("for")
    prep = next((c for c in token.children if c.dep_ in {"prep", "mark"} and c.lower_ in topics and c.i > token.i), None)
    if token.pos_ == "NOUN" and lemma in cues["stance_nouns"] and token.dep_ == "dobj" and prep is not None \
            and token.head.pos_ in {"VERB", "AUX"} and token.head.lemma_.lower() in cues["stance_light_verbs"]:
        holder = token.head
        start = token.head
    elif token.pos_ == "AUX" and token.lemma_ == "be" and token.dep_ == "ROOT":
        # 'Sanders is against it' (the preposition right after the copula or its adverb)
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "against"), None)
        if prep is None or prep.i - token.i > 2 or not any(o.dep_ == "pobj" for o in prep.children):
            return None
        holder = start = token
    else:
        return None
    subject = _subject_of(holder) if holder.pos_ in {"VERB", "AUX"} else None
    if subject is None:
        subject = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > start.i:
        return None
    return subject, token.doc[start.i: prep.i + 1].text.lower()


def _speaker_label(token: Token) -> tuple[Token, str] | None:
    """Transcript and headline speaker labels: 'PENCE: Well, look, ...', 'Caddell: ...'.

    A name opening its sentence (or line) and followed by a colon introduces what
    that speaker said (PolNeAR guidelines, Newell et al. 2018: the colon is the cue).
    Only names that read as people (spaCy PERSON, all capitals, or a person the
    article names) qualify - "Update:" or "Poll:" do not.
    """
    if token.text not in {":"} or token.i == 0:
        return None
    head = token.doc[token.i - 1]
    if head.pos_ != "PROPN" and not (head.pos_ == "NOUN" and head.is_title):
        return None   # (a surname the tagger does not know may be read as a noun: the finder checks the name)
    first = head
    while first.i > 0 and token.doc[first.i - 1].pos_ == "PROPN" and head.i - first.i < 3:
        first = token.doc[first.i - 1]
    before = token.doc[first.i - 1] if first.i > 0 else None
    if before is not None and not (first.is_sent_start or before.text in {'"', "\u201c", "\n"} or "\n" in before.text):
        return None
    if token.i + 1 >= len(token.doc) or "\n" in token.doc[token.i + 1].text:
        return None
    return head, ":"


def _nominal_cue_possessor(token: Token) -> tuple[Token, str] | None:
    """"Trump's claim that ...", "his comments about ...": the possessor of an attribution noun.

    PARC 3.0 and PolNeAR annotate nominal cues (Pareti 2016, sec. 3.2: "X's
    statement", "X's warning") with the possessor as source.
    """
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _cues()["cue_nouns"]:
        return None
    # the noun must carry its content: "X's claim that ...", not "X's speech" or "his comments"
    if not any(c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children) for c in token.children):
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child, token.lemma_.lower()
    return None


_DASHES = ("\u2015", "\u2014", "\u2013", "--")
_CLOSING_QUOTES = ("\u201d", '"', "''")
_GLUED_QUOTE_DASHES = frozenset(q + d for q in _CLOSING_QUOTES for d in _DASHES)


def _dash_attribution(token: Token) -> tuple[Token, str] | None:
    """'"...," ― Jane Doe' or '..."― Jane A. Doe.': a quotation signed with a dash and a name
    that ends the line (the tokenizer may glue the dash to the closing quote)."""
    text = token.text
    glued = text in _GLUED_QUOTE_DASHES
    if text not in _DASHES and not glued:
        return None
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if not glued and before is not None and not (
            before.text in _CLOSING_QUOTES or "\n" in before.text or "\n" in before.whitespace_
            or before.is_punct and before.text in {"?", "!", "."}):
        return None
    if not glued and text == "\u2013" and (before is None or before.text not in _CLOSING_QUOTES):
        return None   # an en dash signs only right after a quotation
    i = token.i + 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    names = []
    for t in doc[i: i + 6]:
        if t.text[:1].isupper() and (t.pos_ == "PROPN" or t.is_title or len(t.text) == 2 and t.text.endswith(".")):
            names.append(t)
            continue
        break
    if not names or not any(t.pos_ == "PROPN" for t in names):
        return None
    end = names[-1].i + 1
    if end < len(doc) and doc[end].text in {".", ","}:
        end += 1   # 'Jane Doe.' ends its line too
    if end < len(doc) and not ("\n" in doc[end].text or "\n" in doc[end - 1].whitespace_
                               or doc[end].is_space and (end + 1 == len(doc) or "\n" in doc[end].text + doc[end + 1].text)):
        return None
    head = max((t for t in names if t.pos_ == "PROPN"), key=lambda t: t.i)
    return head, "\u2015" if glued else text


def _misparsed_reporting_clause(token: Token) -> tuple[Token, str] | None:
    """'X, an outlet based in Y, reported that ...' parsed as a reduced relative on X.

    spaCy-sm reads a past-tense cue after a long apposition as a participle
    modifying the name (acl); a participle with a that-clause is the main verb.
    """
    verbs = _cues()["speech_verbs"]
    if token.dep_ != "acl" or token.lemma_ not in verbs or token.head.pos_ != "PROPN":
        return None
    if any(c.dep_ == "agent" for c in token.children):
        return None
    if any(c.dep_ == "ccomp" for c in token.children):
        return token.head, verbs[token.lemma_]
    return None


@cache
def _cue_triggers() -> tuple[frozenset[str], frozenset[str]]:
    """(words, lemmas): a token that is none of these fails the first test of every cue rule
    (the rules of ``quotes._RULES``), so the finder does not try them on it."""
    cues = _cues()
    words = {"according", "per", "citing", "quoting", ":", *_DASHES, *_GLUED_QUOTE_DASHES}
    lemmas = {*_all_cue_verbs(), "quote", "be", *cues["statement_nouns"], *cues["cue_nouns"], *cues["stance_nouns"]}
    return frozenset(words), frozenset(lemmas)


def cue_places(doc: Doc) -> list[int]:
    """The tokens :func:`may_be_a_cue` lets through, in text order, read from the Doc's arrays (the
    finder asks it of every token, and building them all is the cost)."""
    words, lemmas = _cue_triggers()
    return (tokens_whose(doc, ORTH, words.__contains__) | tokens_whose(doc, LOWER, words.__contains__)
            | tokens_whose(doc, LEMMA, lambda s: s in lemmas or s.lower() in lemmas)).nonzero()[0].tolist()


def may_be_a_cue(token: Token) -> bool:
    words, lemmas = _cue_triggers()
    lemma = token.lemma_
    return token.text in words or token.lower_ in words or lemma in lemmas or lemma.lower() in lemmas
