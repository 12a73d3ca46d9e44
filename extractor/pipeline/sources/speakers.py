"""Resolving the phrase a cue points to into a name: actors, proper names spaCy missed,
pronouns and definite descriptions through their antecedents, described sources.
"""
from __future__ import annotations

import bisect

from spacy.attrs import IS_LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from models import Actor

from .cues import _ActorIndex, _cues, _is_data_noun, _is_generic, _name_words

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

    def antecedent(self, i: int, types: set[str], gender: str | None = None,
                   name_has: str | None = None) -> tuple[str, str] | None:
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
            if name_has and name_has not in name.lower():
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
        # (from the Doc's arrays: building every token to ask is the cost)
        self.lowercase_words = frozenset(doc.vocab.strings[h] for h in set(doc.to_array(ORTH)[doc.to_array(IS_LOWER) != 0].tolist()))
        self.name_heads = frozenset(cues["name_heads"])
        self.quantifiers = frozenset(cues["quantified_sources"])
        # (token index, name) of the persons named as sources so far, in text order
        self.speakers: list[tuple[int, str]] = []
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

    def last_speaker(self, i: int, gender: str) -> tuple[str, str] | None:
        """The person named as a source last before token ``i`` in its paragraph, if the text
        does not give them the other gender."""
        doc = self.doc
        for j, name in reversed(self.speakers):
            if j >= i:
                continue
            if "\n" in doc[j:i].text:
                return None   # another paragraph
            known = self.discourse.gender.get(name)
            if known is None or known == gender:
                return name, "person"
        return None

    def _pronoun(self, token: Token) -> tuple[Span, str, str] | None:
        lower = self.possessives.get(token.lower_, token.lower_)
        if lower in {"he", "she"} and token.dep_ in {"nsubj", "nsubjpass"}:
            # '"...," he said' in a paragraph that named its speaker: that speaker, though
            # someone else was mentioned in between (the paragraph's center is who speaks)
            found = self.last_speaker(token.i, "m" if lower == "he" else "f") \
                or self.discourse.antecedent(token.i, {"person"}, "m" if lower == "he" else "f")
        elif lower in {"he", "she"}:
            found = self.discourse.antecedent(token.i, {"person"}, "m" if lower == "he" else "f")
        elif lower == "they":
            found = self.discourse.antecedent(token.i, {"organization", "group"})
        else:
            found = self.discourse.antecedent(token.i, {"organization"})
        if found is None:
            return None
        return self.doc[token.i: token.i + 1], found[0], found[1]

    def description(self, head: Token, speaking_nouns_only: bool = False,
                    generic_ok: bool = False) -> tuple[Span, str, str] | None:
        """'the source added', 'a senior official told reporters', 'according to the poll':
        a described, unnamed source, named by its description ('senior official').

        Only a phrase that picks out a particular source qualifies: one with a
        determiner, possessor, number or modifier. A bare plural ('Observers say',
        'Experts believe', 'officials said') has the generic reading (Carlson 1977) -
        people of that kind, not a source the reader could look up - and is left out, unless
        ``generic_ok``: as the subject of a speech cue it is still an attribution (PolNeAR
        annotates 'sources said'), one that stays unnamed.
        """
        lemma = head.lemma_.lower()
        if generic_ok and head.pos_ == "NOUN" and head.tag_ == "NNS" and head.dep_ in {"nsubj", "nsubjpass"} \
                and not any(c.i < head.i for c in head.children) and (
                head.lower_ in _cues()["generic_sources"] or lemma in self.person_roles or lemma in self.human_nouns):
            # a bare plural ('officials said'): people of that kind, a source nobody can look up
            return self.doc[head.i: head.i + 1], head.lower_, "person"
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

    def quantified(self, head: Token) -> tuple[Span, str, str] | None:
        """'all agreed', 'many of whom say', 'someone asked', 'twelve percent indicated', 'those
        close to him say': a quantified or indefinite subject of a cue is its source (PolNeAR
        annotates it, Newell et al. 2018), one nobody can look up: a described source named by its
        words, up to its 'of' phrase ('most of the delegates')."""
        lower = head.lower_
        if lower not in self.quantifiers or head.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        if lower == "those" and not any(c.dep_ in {"amod", "relcl", "prep", "acl"} for c in head.children):
            return None   # 'those' alone points back; 'those close to him' describes
        if lower == "percent" and not any(c.dep_ == "nummod" or c.like_num for c in head.children):
            return None
        end = head.i + 1
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i), None)
        objects = [o for o in of.children if o.dep_ == "pobj"] if of is not None else []
        if objects:
            end = objects[0].i + 1
        span = self.doc[min(head.left_edge.i, head.i): end]
        return span, " ".join(t.lower_ for t in span if not t.is_punct), "person"

    def _definite_description(self, head: Token) -> tuple[Span, str, str] | None:
        """'the Republican nominee said', 'the campaign said': a definite description refers back
        to the nearest compatible named actor (Poesio & Vieira 1998's direct anaphora)."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
            return None
        lemma = head.lemma_.lower()
        name_has = None
        if lemma in self.person_roles:
            types = {"person"}
        elif lemma in self.org_roles:
            types = {"organization"}
            # 'the ministry' is a ministry named before, not the agency that reported it:
            # an institution word is the head of its antecedent's name too
            if lemma in self.name_heads:
                name_has = lemma
        else:
            return None
        found = self.discourse.antecedent(head.i, types, name_has=name_has)
        if found is None:
            return None
        return self.doc[head.left_edge.i: head.i + 1], found[0], found[1]
