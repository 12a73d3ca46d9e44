"""Bounds: the quantifier before a figure ("more than", "nearly", "up to") or the phrase
after it ("or more", "at most") that makes it a lower or upper bound or an approximation.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .tables import _match_seq, _tables

# ------------------------------------------------------------------------ bounds

def _bound_from_preceding_quantifier(doc: Doc, i: int, lower: int) -> tuple[str, int]:
    """'more than $228 million', 'nearly 3,000', 'up to 12%': the cue before the number."""
    table = _tables()["bound_before"]
    for n in (3, 2, 1):
        s = i - n
        if s >= lower:
            key = tuple(doc[k].lower_ for k in range(s, i))
            if key in table:
                if key == ("up", "to") and s > 0 and doc[s - 1].lower_ == "back":
                    return "exact", i  # 'climbed back up to 5%': a return to a level, not a ceiling
                if key == ("up", "to") and s > 0 and _moves_up(doc[s - 1]):
                    return "exact", i  # 'edged up to $4.26 billion': the verb's particle, then the level
                if key == ("over",) and s > 0 and doc[s - 1].pos_ == "NOUN" \
                        and doc[s - 1].lemma_.lower() in _tables()["up_nouns"] | _tables()["down_nouns"]:
                    return "exact", i  # 'a 12% increase over $953 million': the base compared with, no bound
                # 'some' is a quantifier only right before the number ('some 3,000 workers')
                return table[key], s
    return "exact", i


def _moves_up(verb: Token) -> bool:
    """A verb of change whose particle 'up' comes before the level ('edged up to', 'ticked up to',
    'climbed up to'); not a verb of having ('employs up to 300') nor a modal one ('could go up to')."""
    t = _tables()
    moves = (set(t["change_verbs_up"]) | set(t.get("change_verbs_neutral", ()))) - {"be"}
    return verb.pos_ == "VERB" and verb.lemma_.lower() in moves \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _bound_from_following_phrase(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """'3,000 or more', '$5 million or so', '100-plus'."""
    if j < len(doc) and doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ == "plus":
        return "at_least", j + 2
    return _match_seq(doc, j, _tables()["bound_after"], max_len=2)


def _bound_before_article(doc: Doc, start: int, end: int, lower: int) -> tuple[Optional[str], int]:
    """'more than a 50 percent increase', 'nearly a 20% drop': the quantifier stands before the
    article of the noun phrase the amount modifies, and bounds the amount all the same. Only
    the degree quantifiers of data bound_cues_before_article: 'about a 10% rise' may be what
    someone talks about, 'over a $5 million contract' what a dispute is over."""
    if start < 2 or start - 1 < lower or doc[start - 1].lower_ not in ("a", "an") or end >= len(doc) \
            or doc[end].pos_ != "NOUN":
        return None, start
    table = _tables()["bound_before_article"]
    for n in (3, 2, 1):
        s = start - 1 - n
        if s >= lower:
            key = tuple(doc[k].lower_ for k in range(s, start - 1))
            if key in table:
                return table[key], s
    return None, start


def _bound_of_a_mark(doc: Doc, start: int, end: int, lower: int) -> Optional[str]:
    """'topped the $10 million mark', 'stayed above the $1 billion level', 'hit the 100,000-ton
    threshold': an amount named as a mark is a bound of the level, set by the verb of exceeding
    or reaching, or the preposition, before its article (data: mark_bounds, bound_verbs)."""
    marks = _tables()["mark_bounds"]
    if start - 2 < lower or doc[start - 1].lower_ != "the" or end >= len(doc) \
            or doc[end].lemma_.lower() not in marks["nouns"]:
        return None
    word = doc[start - 2]
    if any(c.dep_ == "neg" for c in word.children):
        return None   # "did not reach the $1 billion mark"
    return marks["before"].get(word.lower_) or marks["before"].get(word.lemma_.lower()) or _verb_bound(word)


def _bound_from_verb(doc: Doc, start: int, lower: int) -> Optional[str]:
    """'exports exceeded 50 percent', 'surpassed 100 billion dollars', a headline's 'Top $10
    Billion': a verb of exceeding with the amount as its object states a lower bound (data:
    bound_verbs). Not when negated ('did not exceed 5 percent') nor when the object is a
    figure named with a determiner ('beating the 7.2% growth seen in March' compares two
    figures)."""
    if start - 1 < lower or start < 1:
        return None
    verb = doc[start - 1]
    bound = _verb_bound(verb)
    if bound is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return bound


def _verb_bound(tok: Token) -> Optional[str]:
    table = _tables()["bound_verbs"]
    if tok.pos_ in ("VERB", "AUX"):
        return table.get(tok.lemma_.lower())
    if tok.pos_ == "PROPN" and tok.dep_ == "ROOT" and tok.text.istitle():
        # a headline in title case: the tagger calls its verb a proper noun ('Exports Surpass $100 Bln')
        low = tok.lower_
        for lemma, bound in table.items():
            if low in (lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + lemma[-1] + "ed"):
                return bound
    return None
