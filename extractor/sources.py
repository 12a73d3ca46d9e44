"""Sources: who a statement is attributed to, and through whom.

An attribution has a *cue* and a *source* (Pareti 2016, PARC 3.0; Newell,
Margolin & Ruths 2018, PolNeAR). The cues recognized here, each a rule below:

* ``_prepositional_cue``: "according to X", "as cited by X", "per X";
* ``_citing_clause``: "Citing data from X, Y reported ..." - X is a source
  *via* Y (the chain runs from the original data to the outlet);
* ``_agentive_passive``: "figures released by X", "as reported by X";
* ``_speech_verb_subject``: "X said", "said X, a senior fellow at Y",
  "X reported that", and data nouns as subjects ("data from X showed",
  "the X report noted" - the source is the entity inside the subject).

Sources must be named: a generic subject ("observers say", "officials said")
is not a source the contract can record. The cue verbs, data nouns and
generic subjects are in ``data/attribution_cues.json``.
"""
from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import Actor, Source

from . import extensions  # noqa: F401
from .actors import organization_source_type
from .lexicon import load_table

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


def _citing_clause(token: Token) -> tuple[Token, str] | None:
    """'Citing (data from) X, Y reported': X is the source, relayed by Y."""
    if token.lower_ in {"citing", "quoting"} and token.pos_ == "VERB":
        objs = [c for c in token.children if c.dep_ in {"dobj", "pobj"}]
        if objs:
            return objs[0], token.lower_
    return None


def _agentive_passive(token: Token) -> tuple[Token, str] | None:
    """'figures released by X', 'as reported by X': the agent of a cue verb."""
    verbs = _cues()["speech_verbs"]
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


def _speech_verb_subject(token: Token) -> tuple[Token, str] | None:
    """'X said', 'said X', 'X reported that', 'data from X showed'."""
    verbs = _cues()["speech_verbs"]
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_ not in verbs or token.tag_ == "VBN":
        return None
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subject = subjects[0]
    cue = verbs[token.lemma_]
    if _is_data_noun(subject) or any(_is_data_noun(c) for c in subject.children if c.dep_ == "compound"):
        cue = f"{subject.lower_ if _is_data_noun(subject) else 'data'} {cue}"
    return subject, cue


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


_RULES = (_prepositional_cue, _citing_clause, _agentive_passive, _speech_verb_subject, _misparsed_reporting_clause)


def _relay_of(cue_token: Token, index: _ActorIndex) -> Actor | None:
    """For 'Citing X, Y reported (that ...)': Y, the named subject of a clause above the citing phrase."""
    for governor in cue_token.ancestors:
        subjects = [c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if governor.dep_ == "acl" and governor.head.pos_ == "PROPN":
            subjects.append(governor.head)
        for subject in subjects:
            actor = index.in_phrase(subject)
            if actor is not None and actor.type in {"organization", "person"}:
                return actor
    return None


def _anaphoric_data_reference(head: Token, last_data_source: Actor | None) -> Actor | None:
    """'according to the customs figures': a definite data noun refers back to the last named data source."""
    if last_data_source is None or not _is_data_noun(head):
        return None
    if any(c.lower_ in {"the", "these", "those", "its", "their"} for c in head.children):
        return last_data_source
    return None


def find_sources(doc: Doc, actors: list[Actor] | None = None) -> list[Source]:
    """Attributed sources of ``doc`` in text order; ``actors`` default to ``doc._.actors``."""
    actors = doc._.actors if actors is None else actors
    index = _ActorIndex(doc, actors or [])
    found: dict[tuple[int, int], Source] = {}
    last_data_source: Actor | None = None
    for token in doc:
        for rule in _RULES:
            hit = rule(token)
            if hit is None:
                continue
            phrase_head, cue = hit
            if _is_generic(phrase_head) and phrase_head.i not in index.by_token:
                continue
            actor = index.in_phrase(phrase_head)
            mention = actor
            if actor is None:
                actor = _anaphoric_data_reference(phrase_head, last_data_source)
                if actor is None:
                    continue
                span = doc[phrase_head.left_edge.i: phrase_head.i + 1]
                mention = Actor(text=span.text, start=span.start_char, end=span.end_char, name=actor.name,
                                id=actor.id, type=actor.type)
            data_context = cue in {"citing", "according to"} and (_is_data_noun(phrase_head)) or "data" in cue \
                or "figures" in cue or cue == "released"
            via = None
            if rule is _citing_clause:
                relay = _relay_of(token, index)
                via = relay.name if relay is not None and relay.name != actor.name else None
                data_context = True
            key = (mention.start, mention.end)
            if key not in found:
                found[key] = Source(text=mention.text, start=mention.start, end=mention.end, name=actor.name,
                                    type=_source_type(actor, data_context), cue=cue, via=via)
                if found[key].type == "data_source":
                    last_data_source = actor
            break
    return sorted(found.values(), key=lambda s: s.start)


class SourceRecognizer:
    """Sets ``doc._.sources`` (needs ``newsclaims_actors`` before it)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sources = find_sources(doc)
        return doc


@Language.factory("newsclaims_sources", requires=["doc._.actors"], assigns=["doc._.sources"])
def make_source_recognizer(nlp: Language, name: str) -> SourceRecognizer:
    return SourceRecognizer(nlp, name)
