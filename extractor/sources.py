"""Sources: who a statement is attributed to, and through whom.

An attribution has a *cue* and a *source* (Pareti 2016, PARC 3.0; Newell,
Margolin & Ruths 2018, PolNeAR). The cues recognized here, each a rule below:

* ``_prepositional_cue``: "according to X", "as cited by X", "per X";
* ``_citing_clause``: "Citing data from X, Y reported ..." - X is a source
  *via* Y (the chain runs from the original data to the outlet);
* ``_agentive_passive``: "figures released by X", "as reported by X";
* ``_speech_verb_subject``: "X said", "said X, a senior fellow at Y",
  "X reported that", data nouns as subjects ("data from X showed"), and the
  other cue classes PolNeAR annotates: stance ("X criticized"), directive ("X
  urged") and belief/intention verbs ("X wants"); a conjoined or participial
  verb shares its governor's subject ("X met reporters and added ...");
* ``_speaker_label``: transcript and headline labels ("PENCE: ...");
* ``_nominal_cue_possessor``: "X's claim that ...";
* ``_dash_attribution``: a quotation signed "― Jane Doe".

A cue inside quotation marks or inside the content of another attribution is
that attribution's content, not the article's own source (PolNeAR's univocal
annotation), except cited data, which claims chain.

The phrase a cue points to is resolved to a name (``_Resolver``): an actor in
it (its head, or an affiliation: "a spokesman for X", "X's campaign"); a proper
name spaCy did not tag ("Stumpf said"); a pronoun or relative pronoun, through
its antecedent (he/she: the nearest person, they: group or organization, it:
organization; current and two preceding sentences, a subject up to eight -
no antecedent, no source); a definite description ("the governor said") the
same way; else a *described* source named by its description ("a senior
official", "the poll"), which is an attribution (``doc._.attributions``) but not
one of the named ``doc._.sources`` that claims cite. Bare plurals ("Observers say", "officials said") read
generically and are not sources. The cue verbs, nouns and word lists are in
``data/attribution_cues.json``.
"""
from __future__ import annotations

import bisect
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
    if verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG"):
        governor = verb.head
        if governor.pos_ in {"VERB", "AUX"} and governor.i != verb.i:
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
    subject = _subject_of(token)
    if subject is None:
        return None
    cue = verbs[token.lemma_]
    if _is_data_noun(subject) or any(_is_data_noun(c) for c in subject.children if c.dep_ == "compound"):
        cue = f"{subject.lower_ if _is_data_noun(subject) else 'data'} {cue}"
    return subject, cue


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
    if head.pos_ != "PROPN":
        return None
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


def _dash_attribution(token: Token) -> tuple[Token, str] | None:
    """'"...," ― Jane Doe': a quotation signed with a dash and a name ending the line."""
    if token.text not in {"\u2015", "\u2014", "--"}:
        return None
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and not (before.text in {"\u201d", '"', "''"} or "\n" in before.text
                                   or "\n" in before.whitespace_ or before.is_punct and before.text in {"?", "!", "."}):
        return None
    names = []
    for t in doc[token.i + 1: token.i + 6]:
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            names.append(t)
            continue
        break
    if not names:
        return None
    end = names[-1].i + 1
    if end < len(doc) and not ("\n" in doc[end].text or "\n" in names[-1].whitespace_ or doc[end].text == ","):
        return None
    return names[-1], token.text


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


def _quoted(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks (a paragraph break closes an open quote)."""
    marks = _cues()["quote_marks"]
    opening, closing, toggles = set(marks["open"]), set(marks["close"]), set(marks["toggle"])
    inside, out = False, []
    for token in doc:
        if "\n" in token.text or (token.i > 0 and "\n" in token.doc[token.i - 1].whitespace_):
            inside = False
        if token.text in opening:
            inside = True
        elif token.text in closing:
            inside = False
        elif token.text in toggles:
            inside = not inside
        out.append(inside)
    return out


def _inside_reported_content(verb: Token, quoted: list[bool]) -> bool:
    """A cue inside the content of another attribution ('Trump said that Clinton described ...').

    What the outer source reports is one attribution; the inner cue belongs to its
    content (PolNeAR's univocal annotation, Newell et al. 2018, where a token has one
    role in one attribution; PARC 3.0 nests it, Pareti 2016). The article's source
    is the outer one.
    """
    verbs = _cue_verbs()
    current = verb
    while current.head.i != current.i:
        if current.dep_ in {"ccomp", "parataxis"} and current.head.lemma_ in verbs \
                and quoted[current.head.i] <= quoted[verb.i] \
                and any(c.dep_ == "nsubj" for c in current.head.children):
            # (a cue outside quotes is never part of a quotation's content, whatever the parse says)
            return True
        current = current.head
    return False


def _speaker_outside_quote(verb: Token, quoted: list[bool]) -> Token | None:
    """'"Full panic mode," said Jane Doe' parsed with the quotation as subject: the
    speaker is the noun phrase next to the verb outside the quotation marks."""
    doc = verb.doc
    after = [t for t in doc[verb.i + 1: verb.i + 6] if not quoted[t.i]]
    for t in after:
        if t.is_punct or t.pos_ == "ADP":
            break
        if t.ent_type_ in {"DATE", "TIME"}:   # '..." Jane Doe said Monday'
            continue
        if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.head.i != t.i:
            while t.dep_ in {"compound", "flat"} and t.head.i > t.i:
                t = t.head
            return t
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and not quoted[before.i] and before.pos_ in {"PROPN", "NOUN"}:
        return before
    return None


_RULES = (_prepositional_cue, _citing_clause, _agentive_passive, _speech_verb_subject, _misparsed_reporting_clause,
          _speaker_label, _nominal_cue_possessor, _dash_attribution)


def _negated(verb: Token) -> bool:
    """A negated cue attributes nothing: 'has not commented', 'publishes no figures'."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True
    return False


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


# -- resolving the source phrase to a named actor -------------------------------------------------

_TITLE_WORDS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
                "Sens.", "Reps.", "Prof.", "President", "Senator", "Governor", "Secretary", "Speaker", "Judge",
                "Justice", "Chief", "Leader", "Minister", "Premier", "Chairman", "Mayor", "Director", "Pope"}


class _Discourse:
    """Who was mentioned where: the antecedents pronouns and descriptions refer back to.

    Mentions are the article's actors plus the names the source rules resolve on
    the way (a subject "Stumpf" spaCy did not tag). Gender comes only from what
    the text says - titles (Mr./Ms.) and gendered role nouns - never from first names.
    """

    WINDOW = 2   # the current and the two preceding sentences (as for actors' definite descriptions)
    TOPIC_WINDOW = 8   # a subject stays the center further on: '"...," he said' paragraphs after the name

    def __init__(self, doc: Doc, actors: list[Actor]):
        self.doc = doc
        self.sent_of: list[int] = [0] * len(doc)
        self.sent_starts: list[int] = []
        for i, sent in enumerate(doc.sents):
            self.sent_starts.append(sent.start)
            for t in range(sent.start, sent.end):
                self.sent_of[t] = i
        cues = _cues()
        self.masculine = set(cues["masculine_cues"])
        self.feminine = set(cues["feminine_cues"])
        self.gender: dict[str, str] = {}
        # (token index, name, actor type, is subject)
        self.mentions: list[tuple[int, str, str, bool]] = []
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            self.add(span.root.i, actor.name, actor.type, span.root.dep_ in {"nsubj", "nsubjpass"})
            if actor.type == "person":
                self._learn_gender(span, actor.name)
        self.mentions.sort()

    def _learn_gender(self, span: Span, name: str) -> None:
        before = self.doc[span.start - 1].text if span.start > 0 else ""
        words = {span[0].text, before}
        if words & self.feminine:
            self.gender.setdefault(name, "f")
        elif words & self.masculine:
            self.gender.setdefault(name, "m")

    def add(self, i: int, name: str, typ: str, subject: bool) -> None:
        bisect.insort(self.mentions, (i, name, typ, subject))

    def antecedent(self, i: int, types: set[str], gender: str | None = None) -> tuple[str, str] | None:
        """The referent of a pronoun or description at token ``i``: the nearest sentence with a
        compatible mention; in an earlier sentence its subject first (centering: the preferred
        center is the subject, Grosz, Joshi & Weinstein 1995), in the same sentence the nearest."""
        sent = self.sent_of[i]
        best = None
        for j, name, typ, subject in self.mentions:
            if j >= i:
                break
            if typ not in types or self.sent_of[j] < sent - self.TOPIC_WINDOW:
                continue
            if self.sent_of[j] < sent - self.WINDOW and not subject:
                continue
            known = self.gender.get(name)
            if gender and known and known != gender:
                continue
            distance = sent - self.sent_of[j]
            rank = (distance, 0 if (distance == 0 or subject) else 1, -j)
            if best is None or rank < best[0]:
                best = (rank, name, typ)
        return (best[1], best[2]) if best else None


def _proper_name(head: Token, lowercase_words: frozenset[str] = frozenset()) -> Span | None:
    """The proper-noun run a PROPN head belongs to ('Sen. Jon Tester', 'Stumpf'), titles dropped."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in (head.i, start) \
            and doc[start - 1].text[:1].isupper():
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].dep_ in {"flat", "compound"} \
            and doc[end].head.i == head.i:
        end += 1
    while start < end - 1 and (doc[start].text in _TITLE_WORDS or doc[start].ent_type_ in {"NORP", "GPE"}):
        start += 1
    span = doc[start:end]
    if any(ch.isdigit() for ch in span.text) or span.text.lower() in _cues()["generic_sources"]:
        return None
    if len(span) == 1 and not span[0].ent_type_ and span[0].is_sent_start and not span[0].is_upper \
            and span[0].lower_ in lowercase_words:
        # 'Trade between ...': a capital only because the sentence starts there - the
        # article writes the word in lower case elsewhere, so it is not a name.
        return None
    return span


def _core_phrase(head: Token) -> list[Token]:
    """The tokens that name who speaks: the head, its modifiers and affiliation phrases
    ('a spokesman for X', 'officials at X', "X's campaign", 'the X campaign'), not its
    relative clauses or topical phrases ('experts on North Korea' is not North Korea speaking)."""
    prepositions = set(_cues()["affiliation_prepositions"])
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in {"compound", "poss", "amod", "nmod", "appos", "flat", "conj", "nummod"}:
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in prepositions:
                stack.extend(p for p in c.children if p.dep_ == "pobj")
    return out


class _Resolver:
    def __init__(self, doc: Doc, actors: list[Actor]):
        self.doc = doc
        self.index = _ActorIndex(doc, actors)
        self.discourse = _Discourse(doc, actors)
        cues = _cues()
        self.pronouns = cues["pronoun_sources"]
        self.possessives = cues["possessive_pronouns"]
        self.relatives = set(cues["relative_pronouns"])
        self.person_roles = set(cues["person_role_nouns"])
        self.org_roles = set(cues["organization_role_nouns"])
        self.groups = set(cues["affiliated_group_nouns"])
        self.human_nouns = set(cues["human_nouns"])
        self.documents = set(cues["document_nouns"])
        self.lowercase_words = frozenset(t.text for t in doc if t.is_lower)
        self.people = {}
        for actor in actors:
            if actor.type == "person":
                for part in actor.name.split():
                    self.people.setdefault(part, actor.name)

    def actor_in_phrase(self, head: Token) -> Actor | None:
        if head.i in self.index.by_token:
            return self.index.by_token[head.i]
        found = [self.index.by_token[t.i] for t in _core_phrase(head) if t.i in self.index.by_token]
        if not found:
            return None
        rank = {"person": 0, "organization": 1, "group": 2, "country": 3}
        return min(found, key=lambda a: rank[a.type])

    def _span(self, start: int, end: int) -> Span:
        return self.doc[start:end]

    def resolve(self, head: Token, allow_reference: bool = True) -> tuple[Span, str, str] | None:
        """(mention span, canonical name, actor type) of the phrase headed by ``head``, else None."""
        doc = self.doc
        lower = head.lower_
        # relative pronoun: 'Clinton, who said ...' - the noun the clause modifies
        if lower in self.relatives and head.head.dep_ == "relcl":
            target = self.resolve(head.head.head, allow_reference)
            return (doc[head.i: head.i + 1], target[1], target[2]) if target else None
        if lower in self.pronouns and head.pos_ == "PRON" or lower in self.possessives and head.dep_ == "poss":
            if not allow_reference:
                return None
            return self._pronoun(head)
        if _is_generic(head) and head.i not in self.index.by_token:
            return None
        actor = self.actor_in_phrase(head)
        if actor is not None and actor.type == "country" and head.i not in self.index.by_token \
                and head.pos_ == "NOUN" and head.lemma_.lower() not in self.groups:
            return None   # "a German importer said": a company described by its country, not the state
        if actor is not None:
            mention = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            name = actor.name
            if head.i not in self.index.by_token and head.lemma_.lower() in self.groups and actor.type != "country":
                name, typ = f"{actor.name} {head.lemma_.lower()}", "organization"
                return doc[head.left_edge.i: head.i + 1] if head.left_edge.i <= mention.start else mention, name, typ
            return mention, name, actor.type
        if head.pos_ == "NOUN" and head.text in self.people and head.lower_ not in self.lowercase_words:
            # a known surname the tagger read as a common noun ('The Latest: Trump urges ...')
            return doc[head.i: head.i + 1], self.people[head.text], "person"
        name_span = _proper_name(head, self.lowercase_words)
        if name_span is not None:
            return name_span, *self._name_of(name_span)
        if allow_reference:
            return self._definite_description(head)
        return None

    def _name_of(self, span: Span) -> tuple[str, str]:
        """Canonical name and type of a proper name no actor covered."""
        text = span.text
        for suffix in ("'s", "\u2019s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        label = span.root.ent_type_
        if label == "ORG":
            return text, "organization"
        if label in {"GPE"}:
            return text, "country"
        words = text.split()
        if len(words) == 1 and text in self.people:
            return self.people[text], "person"
        if len(words) == 1 and text.isupper() and text.title() in self.people:
            return self.people[text.title()], "person"
        outlet_words, government_words = _name_words()
        if set(words) & (outlet_words | government_words):
            return text, "organization"
        return (text.title() if text.isupper() else text), "person"

    def _pronoun(self, token: Token) -> tuple[Span, str, str] | None:
        lower = self.possessives.get(token.lower_, token.lower_)
        if lower in {"he", "she"}:
            found = self.discourse.antecedent(token.i, {"person"}, "m" if lower == "he" else "f")
        elif lower == "they":
            found = self.discourse.antecedent(token.i, {"organization", "group"})
        else:
            found = self.discourse.antecedent(token.i, {"organization"})
        if found is None:
            return None
        return self.doc[token.i: token.i + 1], found[0], found[1]

    def description(self, head: Token, speaking_nouns_only: bool = False) -> tuple[Span, str, str] | None:
        """'the source added', 'a senior official told reporters', 'according to the poll':
        a described, unnamed source, named by its description ('senior official').

        Only a phrase that picks out a particular source qualifies: one with a
        determiner, possessor, number or modifier. A bare plural ('Observers say',
        'Experts believe', 'officials said') has the generic reading (Carlson 1977) -
        people of that kind, not a source the reader could look up - and is left out.
        """
        if head.pos_ != "NOUN" or head.lower_ in _cues()["generic_sources"] and not list(head.children) \
                or head.ent_type_ in {"DATE", "TIME"} or head.dep_ == "npadvmod":
            return None
        lemma = head.lemma_.lower()
        if speaking_nouns_only and not (lemma in self.person_roles or lemma in self.human_nouns or lemma in self.org_roles
                or _is_data_noun(head) or lemma in self.documents):
            # 'according to his body mass index': not something that speaks; a subject of
            # 'say' is one whatever its noun ('the spot says')
            return None
        modifiers = [c for c in head.children if c.dep_ in {"det", "poss", "nummod", "amod", "compound", "quantmod"}
                     and c.i < head.i]
        if not modifiers and not _is_data_noun(head):   # 'polls show' is evidence, not a kind of people
            return None
        words = [t for t in self.doc[head.left_edge.i: head.i + 1] if t.dep_ != "det" and not t.is_punct]
        if not words or any(t.pos_ == "PRON" and t.dep_ != "poss" for t in words):
            return None
        name = " ".join(t.text for t in words).lower()
        lemma = head.lemma_.lower()
        typ = "person" if lemma in self.person_roles or lemma in self.human_nouns else "organization"
        return self.doc[head.left_edge.i: head.i + 1], name, typ

    def _definite_description(self, head: Token) -> tuple[Span, str, str] | None:
        """'the Republican nominee said', 'the campaign said': a definite description refers back
        to the nearest compatible named actor (Poesio & Vieira 1998's direct anaphora)."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.person_roles:
            types = {"person"}
        elif lemma in self.org_roles:
            types = {"organization"}
        else:
            return None
        found = self.discourse.antecedent(head.i, types)
        if found is None:
            return None
        return self.doc[head.left_edge.i: head.i + 1], found[0], found[1]


_ACTOR_TYPE = {"person", "organization", "group", "country"}


def find_sources(doc: Doc, actors: list[Actor] | None = None) -> list[Source]:
    """Attributed sources of ``doc`` in text order; ``actors`` default to ``doc._.actors``."""
    actors = doc._.actors if actors is None else actors
    resolver = _Resolver(doc, actors or [])
    index = resolver.index
    found: dict[tuple[int, int], Source] = {}
    last_data_source: Actor | None = None
    described_names: set[str] = set()
    quoted = _quoted(doc)
    for token in doc:
        for rule in _RULES:
            hit = rule(token)
            if hit is None:
                continue
            phrase_head, cue = hit
            if (rule is _speech_verb_subject and cue in _cue_verbs().values() or rule is _nominal_cue_possessor) \
                    and (quoted[token.i] or _inside_reported_content(token, quoted)):
                # Reported content, not the article's own attribution; cited data
                # ('data from X showed', cue 'data showed') stays: claims chain it.
                break
            if rule is _speaker_label and not (
                    phrase_head.ent_type_ == "PERSON" or phrase_head.is_upper
                    or (phrase_head.i in index.by_token and index.by_token[phrase_head.i].type == "person")):
                break   # 'Update:', 'Poll:', 'Stealth Over Health:' are not speakers
            if rule is _speech_verb_subject and quoted[phrase_head.i] and not quoted[token.i]:
                phrase_head = _speaker_outside_quote(token, quoted)
                if phrase_head is None:
                    break
            resolved = None
            actor = None
            described = False
            # 'Washington urged', 'Tokyo plans', 'Beijing has not commented': attributions
            # (PolNeAR annotates them) that give a claim nothing to cite.
            informative = not _negated(token) and not (
                token.pos_ in {"VERB", "AUX"} and token.lemma_ in _all_cue_verbs()
                and token.lemma_ not in _cues()["speech_verbs"])
            if rule in (_speech_verb_subject, _speaker_label, _misparsed_reporting_clause, _nominal_cue_possessor,
                        _dash_attribution):
                resolved = resolver.resolve(phrase_head)
            else:
                if _is_generic(phrase_head) and phrase_head.i not in index.by_token:
                    continue
                actor = resolver.actor_in_phrase(phrase_head)
                if actor is None:
                    resolved = resolver.resolve(phrase_head, allow_reference=False)
            if actor is None and resolved is None:
                actor = _anaphoric_data_reference(phrase_head, last_data_source)
            if actor is None and resolved is None and (
                    rule is _prepositional_cue
                    or (rule is _speech_verb_subject
                        and (token.lemma_ not in _cues()["evidential_verbs"] or _is_data_noun(phrase_head)
                             or phrase_head.lemma_.lower() in resolver.human_nouns
                             or phrase_head.lemma_.lower() in resolver.person_roles))):
                # 'A photo shows ...' depicts; only data ('the poll shows') or people ('the
                # researchers found') are described sources of 'show', 'find', 'indicate'.
                resolved = resolver.description(phrase_head, speaking_nouns_only=rule is _prepositional_cue)
                described = resolved is not None
            if actor is None and resolved is None and rule is _speech_verb_subject:
                resolved = _unresolved_pronoun(phrase_head)
                described = resolved is not None
            if actor is None and resolved is None:
                continue
            if resolved is None:
                span = doc[phrase_head.left_edge.i: phrase_head.i + 1]
                mention = Actor(text=span.text, start=span.start_char, end=span.end_char, name=actor.name,
                                id=actor.id, type=actor.type)
            elif actor is not None and resolved is None:
                mention = actor
            else:
                span, name, typ = resolved
                # "The company said" after "a consultancy said": still an unnamed source.
                described = described or name in described_names
                if described:
                    described_names.add(name)
                actor = Actor(text=span.text, start=span.start_char, end=span.end_char, name=name, type=typ)
                mention = actor
                if rule is not _speaker_label and span.root.pos_ != "PRON" and span.root.lower_ not in resolver.relatives:
                    # a name or description the rules resolved is an antecedent like an actor
                    # ("Several experts ... they say"; a plural description is a group)
                    plural = span.root.tag_ in {"NNS", "NNPS"}
                    resolver.discourse.add(span.root.i, name, "group" if plural else typ, True)
            data_context = cue in {"citing", "according to"} and (_is_data_noun(phrase_head)) or "data" in cue \
                or "figures" in cue or cue == "released"
            via = None
            if rule is _citing_clause:
                relay = _relay_of(token, index)
                via = relay.name if relay is not None and relay.name != actor.name else None
                data_context = True
            key = (mention.start, mention.end)
            if key not in found:
                cue_span = _cue_span(token, cue)
                found[key] = Source(text=mention.text, start=mention.start, end=mention.end, name=actor.name,
                                    type=_source_type(actor, data_context), cue=cue, via=via, described=described,
                                    informative=informative, cue_start=cue_span.start_char, cue_end=cue_span.end_char)
                if found[key].type == "data_source":
                    last_data_source = actor
            break
    return sorted(found.values(), key=lambda s: s.start)


def _cue_span(token: Token, cue: str) -> Span:
    """The words of ``cue`` as written around the token that triggered it: 'according to' over
    both words, 'says' for the cue 'said'; the trigger token alone when the words differ."""
    words = cue.lower().split()
    doc = token.doc
    for start in range(token.i - len(words) + 1, token.i + 1):
        end = start + len(words)
        if start >= 0 and end <= len(doc) and [t.lower_ for t in doc[start:end]] == words:
            return doc[start:end]
    return doc[token.i: token.i + 1]


def _unresolved_pronoun(head: Token) -> tuple[Span, str, str] | None:
    """'"Pay up," she said' with no earlier woman to refer to: still an attribution (PolNeAR
    annotates the pronoun as the source), but one nobody can look up, so it is a described source
    named by the pronoun itself and never reaches ``sources``."""
    typ = _cues()["pronoun_sources"].get(head.lower_)
    if typ is None or head.pos_ != "PRON":
        return None
    return head.doc[head.i: head.i + 1], head.lower_, "group" if head.lower_ == "they" else typ


class SourceRecognizer:
    """Sets ``doc._.attributions`` (all) and ``doc._.sources`` (the named ones; needs ``newsclaims_actors``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = find_sources(doc)
        doc._.attributions = found
        # A fact-checker can look up a named source; "a senior official" stays an attribution.
        doc._.sources = [s for s in found if s.informative and not s.described]
        return doc


@Language.factory("newsclaims_sources", requires=["doc._.actors"], assigns=["doc._.sources", "doc._.attributions"])
def make_source_recognizer(nlp: Language, name: str) -> SourceRecognizer:
    return SourceRecognizer(nlp, name)
