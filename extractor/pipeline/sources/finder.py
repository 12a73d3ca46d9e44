"""The entry point :func:`find_sources` and the ``newsclaims_sources`` component.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import Actor, Source

from ..extensions import isolated  # (importing it registers Doc._.sources)
from .cues import (
    _agentive_passive,
    _all_cue_verbs,
    _citing_clause,
    _cue_verbs,
    _cues,
    _dash_attribution,
    _data_origin,
    _is_data_noun,
    _is_generic,
    _misparsed_reporting_clause,
    _nominal_cue_possessor,
    _prepositional_cue,
    _quoted_as_saying,
    _stance_predicate,
    _source_type,
    _speaker_label,
    _speech_verb_subject,
    cue_places,
)
from .quotes import (
    _RULES,
    _anaphoric_data_reference,
    _inside_reported_content,
    _negated,
    _quoted,
    _relay_of,
    _speaker_outside_quote,
)
from .institutions import Institutions, _phrase_tokens, canonical_name, is_known_organization
from .speakers import _Resolver

_ACTOR_TYPE = {"person", "organization", "group", "country"}


def find_sources(doc: Doc, actors: list[Actor] | None = None) -> list[Source]:
    """Attributed sources of ``doc`` in text order; ``actors`` default to ``doc._.actors``.
    The institutions spokespeople speak for are among them (see :func:`_find`)."""
    return _find(doc, actors)[0]


def _find(doc: Doc, actors: list[Actor] | None = None) -> tuple[list[Source], set[tuple[int, int]], list[Source]]:
    """(sources in text order, the offsets of those that are a spokesperson's institution,
    further attributions of a source already found).

    An institution a spokesperson speaks for is a source claims cite, but no attribution of its
    own: the attribution's source is the spokesperson (PARC 3.0, PolNeAR). One mention may be the
    source of several attributions, one per cue: 'X said ..., adding that ...', 'X mocked the
    plan, saying ...' (PolNeAR links both cues to the one Source span, Newell et al. 2018); the
    mention is one source, the second cue a further attribution."""
    actors = doc._.actors if actors is None else actors
    affiliations: set[tuple[int, int]] = set()
    resolver = _Resolver(doc, actors or [])
    institutions = Institutions(actors or [], site_state=doc._.site_state)
    index = resolver.index
    found: dict[tuple[int, int], Source] = {}
    further: list[Source] = []
    last_data_source: Actor | None = None
    described_names: set[str] = set()
    quoted = _quoted(doc)
    for token in (doc[i] for i in cue_places(doc)):   # (the tokens may_be_a_cue lets through)
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
                    or (phrase_head.i in index.by_token and index.by_token[phrase_head.i].type == "person")
                    or phrase_head.text in resolver.people):   # 'Pence: ...' before 'Mike Pence said'
                break   # 'Update:', 'Poll:', 'Stealth Over Health:' are not speakers
            if rule is _speech_verb_subject and quoted[phrase_head.i] and not quoted[token.i]:
                phrase_head = _speaker_outside_quote(token, quoted)
                if phrase_head is None:
                    break
            # 'citing data provided by X', 'according to figures from X': X is who speaks (the
            # data noun itself when X names nobody)
            cited = phrase_head
            origin = _data_origin(cited)
            described = False
            # 'Washington urged', 'Tokyo plans', 'Beijing has not commented': attributions
            # (PolNeAR annotates them) that give a claim nothing to cite.
            informative = not _negated(token) and rule is not _stance_predicate and not (
                token.pos_ in {"VERB", "AUX"} and token.lemma_ in _all_cue_verbs()
                and token.lemma_ not in _cues()["speech_verbs"])
            for phrase_head in ([origin] if origin is not None else []) + [cited]:
                actor, resolved = _named(rule, phrase_head, resolver)
                if actor is not None or resolved is not None:
                    break
            if actor is None and resolved is None and rule not in _SPEAKER_RULES \
                    and _is_generic(phrase_head) and phrase_head.i not in index.by_token:
                continue
            if _is_data_noun(cited) and phrase_head is cited and (
                    (actor is not None and actor.type == "country") or (resolved is not None and resolved[2] == "country")):
                # 'Chinese trade statistics', "South Korea's figures": the country's data, whose
                # publisher is not said -- an unnamed source, as 'official data' is
                actor = None
                resolved = resolver.description(cited)
                described = resolved is not None
                if resolved is None:
                    continue
            if actor is None and resolved is None:
                actor = _anaphoric_data_reference(cited, last_data_source)
            if actor is None and resolved is None and (
                    rule in (_prepositional_cue, _agentive_passive)
                    or (rule is _speech_verb_subject
                        and (token.lemma_ not in _cues()["evidential_verbs"] or _is_data_noun(phrase_head)
                             or phrase_head.lemma_.lower() in resolver.human_nouns
                             or phrase_head.lemma_.lower() in resolver.person_roles))):
                # 'A photo shows ...' depicts; only data ('the poll shows') or people ('the
                # researchers found') are described sources of 'show', 'find', 'indicate'.
                resolved = resolver.description(phrase_head, speaking_nouns_only=rule is _prepositional_cue,
                                                generic_ok=rule is _speech_verb_subject)
                described = resolved is not None
            if actor is None and resolved is None and rule is _speech_verb_subject:
                resolved = _unresolved_pronoun(phrase_head) or resolver.quantified(phrase_head)
                described = resolved is not None
            if actor is None and resolved is None:
                continue
            current = actor.name if actor is not None else resolved[1]
            canonical = institutions.of_phrase(phrase_head) if phrase_head.pos_ != "PRON" else None
            canonical = canonical or institutions.of_name(current)
            if canonical is not None:
                # "the Finance Ministry", "Beijing's foreign ministry", "customs figures": the
                # country's institution, named as a fact-checker looks it up
                typ, described = "organization", False
            elif not described and canonical_name(current) != current:
                # 'Choson Ilbo' (another spelling), 'Yonhap:' (a label taken with its colon)
                canonical = canonical_name(current)
                if is_known_organization(canonical):
                    typ = "organization"
                else:
                    typ = actor.type if actor is not None else resolved[2]
            if canonical is not None:
                if resolved is not None:
                    resolved = (resolved[0], canonical, typ)
                else:
                    actor = Actor(text=actor.text, start=actor.start, end=actor.end, name=canonical, type=typ)
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
            data_context = cue in {"citing", "according to"} and (_is_data_noun(cited)) or "data" in cue \
                or "figures" in cue or cue == "released"
            via = None
            if rule is _citing_clause:
                relay = _relay_of(token, index)
                via = relay.name if relay is not None and relay.name != actor.name else None
                data_context = True
            key = (mention.start, mention.end)
            if key in found:
                cue_span = _cue_span(token, cue)
                if found[key].cue_start != cue_span.start_char and all(
                        f.cue_start != cue_span.start_char for f in further):
                    further.append(found[key].model_copy(update={
                        "cue": cue, "cue_start": cue_span.start_char, "cue_end": cue_span.end_char,
                        "informative": informative}))
            else:
                cue_span = _cue_span(token, cue)
                found[key] = Source(text=mention.text, start=mention.start, end=mention.end, name=actor.name,
                                    type=_source_type(actor, data_context), cue=cue, via=via, described=described,
                                    informative=informative, cue_start=cue_span.start_char, cue_end=cue_span.end_char)
                if actor.type == "person" and not described and phrase_head.pos_ != "PRON":
                    resolver.speakers.append((phrase_head.i, actor.name))
                if found[key].type == "data_source" and not described:
                    # ('the data showed' refers back to named data only: after 'data showed' it
                    # is as unnamed as they were)
                    last_data_source = actor
                if actor.type == "person" and not described:
                    speaks_for = _spokesperson_institution(phrase_head, resolver, institutions)
                    if speaks_for is not None and (speaks_for[0].start_char, speaks_for[0].end_char) not in found:
                        # 'customs spokesman Ana Ruiz said': the institution
                        # speaks through its spokesperson (a source too, and the one claims cite)
                        org_span, org_name = speaks_for
                        org = Actor(text=org_span.text, start=org_span.start_char, end=org_span.end_char,
                                    name=org_name, type="organization")
                        affiliations.add((org.start, org.end))
                        found[(org.start, org.end)] = Source(
                            text=org.text, start=org.start, end=org.end, name=org_name,
                            type=_source_type(org, data_context), cue=cue, informative=informative,
                            cue_start=cue_span.start_char, cue_end=cue_span.end_char)
            break
    return sorted(found.values(), key=lambda s: s.start), affiliations, further


def _spokesperson_institution(head: Token, resolver: _Resolver, institutions: Institutions) -> tuple[Span, str] | None:
    """The institution a spokesperson in the phrase speaks for: 'customs administration spokesman
    Ana Ruiz', 'a spokeswoman for the ministry', "the Foreign Ministry's spokesman"."""
    nouns = set(_cues()["spokesperson_nouns"])
    role = next((t for t in [head, *head.children] if t.lemma_.lower() in nouns), None)
    if role is None:
        return None
    before = [t for t in role.subtree if t.i < role.i and t.dep_ not in {"det", "case", "punct"}
              and not (t.pos_ == "PROPN" and t.head.i > role.i)]
    after = [t for c in role.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}
             for o in c.children if o.dep_ == "pobj" for t in _phrase_tokens(o)]
    tokens = sorted(before or after, key=lambda t: t.i)
    if not tokens:
        return None
    span = head.doc[tokens[0].i: tokens[-1].i + 1]
    if any(t.lower_ in {"the", "a", "an"} for t in span[:1]) and len(span) > 1:
        span = span[1:]
    found = [resolver.index.by_token[t.i] for t in span if t.i in resolver.index.by_token]
    organizations = [a for a in found if a.type == "organization"]
    name = institutions.of_name(span.text) or (
        (institutions.of_name(organizations[0].name) or organizations[0].name) if organizations else None)
    return (span, name) if name else None


_SPEAKER_RULES = (_speech_verb_subject, _speaker_label, _misparsed_reporting_clause, _nominal_cue_possessor,
                  _dash_attribution, _quoted_as_saying, _stance_predicate)


def _named(rule, head: Token, resolver: _Resolver) -> tuple[Actor | None, tuple[Span, str, str] | None]:
    """(actor, None) or (None, (span, name, type)) naming the phrase ``head`` heads, else (None, None).

    A speaker's phrase may refer back (a pronoun, 'the company'); the object of 'according to',
    'citing' or 'released by' names its source itself."""
    if rule in _SPEAKER_RULES:
        return None, resolver.resolve(head)
    if _is_generic(head) and head.i not in resolver.index.by_token:
        return None, None
    actor = resolver.actor_in_phrase(head)
    if actor is not None:
        return actor, None
    return None, resolver.resolve(head, allow_reference=False)


def _cue_span(token: Token, cue: str) -> Span:
    """The words of ``cue`` as written around the token that triggered it: 'according to' over
    both words, 'says' for the cue 'said'; the trigger token alone when the words differ."""
    words = cue.lower().split()
    doc = token.doc
    for start in range(token.i - len(words) + 1, token.i + 1):
        end = start + len(words)
        if start >= 0 and end <= len(doc) and [t.lower_ for t in doc[start:end]] == words:
            return doc[start:end]
    if token.dep_ == "xcomp" and token.tag_ == "VB" and not any(c.dep_ == "nsubj" for c in token.children):
        # 'appeared to suggest', 'was able to tout': the controlling verb is part of the cue
        governor = token.head.head if token.head.dep_ == "acomp" else token.head
        if governor.i < token.i and token.i - governor.i <= 6:
            return doc[governor.i: token.i + 1]
    return doc[token.i: token.i + 1]


def _unresolved_pronoun(head: Token) -> tuple[Span, str, str] | None:
    """'"Pay up," she said' with no earlier woman to refer to, or 'we know', 'you might think'
    outside quotations: still an attribution (PolNeAR annotates the pronoun as the source), but
    one nobody can look up, so it is a described source named by the pronoun itself and never
    reaches ``sources``."""
    typ = _cues()["pronoun_sources"].get(head.lower_)
    if typ is None and head.lower_ in _cues()["speaker_pronouns"] \
            and not any(t.text == ":" for t in head.sent if t.i < head.i):
        # 'We know ...' of the writer, 'you might think' of the reader; after a colon ('HARRIS: We
        # will ...') the words are a speaker's, as in quotation marks
        typ = "person"
    if typ is None or head.pos_ != "PRON":
        return None
    return head.doc[head.i: head.i + 1], head.lower_, "group" if head.lower_ == "they" else typ


class SourceRecognizer:
    """Sets ``doc._.attributions`` (all) and ``doc._.sources`` (the named ones; needs ``newsclaims_actors``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name, "attributions", "sources"):
            found, affiliations, further = _find(doc)
            doc._.attributions = sorted([s for s in found if (s.start, s.end) not in affiliations] + further,
                                        key=lambda s: (s.start, s.cue_start or 0))
            # A fact-checker can look up a named source; "a senior official" stays an attribution.
            doc._.sources = [s for s in found if s.informative and not s.described]
        return doc


@Language.factory("newsclaims_sources", requires=["doc._.actors"], assigns=["doc._.sources", "doc._.attributions"])
def make_source_recognizer(nlp: Language, name: str) -> SourceRecognizer:
    return SourceRecognizer(nlp, name)
