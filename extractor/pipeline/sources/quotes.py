"""Quotation and reported content: which tokens are quoted, whether a cue is inside another
attribution's content, negated cues, and relays ("X, citing Y").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from models import Actor

from .cues import (
    _ActorIndex,
    _agentive_passive,
    _citing_clause,
    _cue_verbs,
    _cues,
    _dash_attribution,
    _document_author,
    _is_data_noun,
    _misparsed_reporting_clause,
    _nominal_cue_possessor,
    _prepositional_cue,
    _quoted_as_saying,
    _stance_predicate,
    _speaker_label,
    _speech_verb_subject,
)


def _quoted(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks (a paragraph break closes an open quote)."""
    marks = _cues()["quote_marks"]
    opening, closing, toggles = set(marks["open"]), set(marks["close"]), set(marks["toggle"])
    inside, out = False, []
    space_before = ""   # (the previous token's trailing whitespace)
    for token in doc:
        text = token.text
        if "\n" in text or "\n" in space_before:
            inside = False
        if text in opening:
            inside = True
        elif text in closing:
            inside = False
        elif text in toggles:
            inside = not inside
        out.append(inside)
        space_before = token.whitespace_
    return out


def _inside_reported_content(verb: Token, quoted: list[bool]) -> bool:
    """A cue inside the content of another attribution ('Trump said that Clinton described ...').

    What the outer source reports is one attribution; the inner cue belongs to its
    content (PolNeAR's univocal annotation, Newell et al. 2018, where a token has one
    role in one attribution; PARC 3.0 nests it, Pareti 2016). The article's source
    is the outer one.
    """
    verbs = _cue_verbs()
    framing = set(_cues()["framing_subordinators"])
    current = verb
    while current.head.i != current.i:
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in framing for c in current.children) \
                and any(c.dep_ == "nsubj" for c in current.children):
            # '... said the barriers fall, though she noted ...': the writer frames the report with
            # another attribution of their own, not part of its content
            return False
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


_RULES = (_prepositional_cue, _document_author, _citing_clause, _agentive_passive, _quoted_as_saying, _speech_verb_subject,
          _misparsed_reporting_clause, _speaker_label, _nominal_cue_possessor, _dash_attribution, _stance_predicate)


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
