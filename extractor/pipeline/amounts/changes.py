"""Changes: what marks an amount as a move up or down rather than a level -- the governing
verb ("rose 20.9%"), a noun ("a 5% increase"), a comparative, an adverb ("revised upward
by"), a sign, and the old and new levels after a change verb ("fell from A to B").
"""
from __future__ import annotations

import re

from functools import cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..lexicon import trade_flow_words
from .numbers import _Core, _Found, _numeric_core
from .tables import _tables
from .units import _currency_before

# ----------------------------------------------------------------------- changes

def _verb_direction(tok: Token) -> Optional[str]:
    t = _tables()
    lemma = tok.lemma_.lower()
    if lemma in t["up_verbs"]:
        return "up"
    if lemma in t["down_verbs"]:
        return "down"
    return None


def _noun_direction(tok: Token) -> Optional[str]:
    t = _tables()
    lemma = tok.lemma_.lower()
    if lemma in t["up_nouns"]:
        # "a negative growth of 12%": a fall
        return "down" if any(c.dep_ == "amod" and c.lower_ in t["reversers"] for c in tok.children) else "up"
    if lemma in t["down_nouns"]:
        return "down"
    return None


def _change_from_sign(core: _Core, unit: str) -> Optional[str]:
    """Market tables write '+0.2%' and '-0.3%' for moves."""
    if core.sign == "+":
        return "up"
    if core.sign == "-" and unit in ("percent", "percentage_point", "basis_point"):
        return "down"
    return None


def _change_from_adverb(doc: Doc, s: int) -> Optional[str]:
    """'up 12 percent from a month earlier', 'down 80 pct', 'edged up 0.2%', 'revised upward 2%',
    and over an article and its adjectives: 'down a whopping 27.3 percent', 'up a modest 2%'; over
    the comparison a table row writes first: 'down month-on-month by 210,000 tons', 'up y/y by 9%'."""
    k = s - 1
    while k >= 0 and s - k <= 3 and doc[k].pos_ in ("DET", "ADJ") and doc[k].lower_ not in _DIRECTION_WORDS:
        k -= 1
    if k >= 1 and doc[k].lower_ == "by" and doc[k].i == s - 1:
        for j in range(k - 1, max(-1, k - 8), -1):
            if doc[j].lower_ in _DIRECTION_WORDS:
                if _BASIS_BETWEEN.match(doc[j + 1: k].text):
                    return _adverb_direction(doc[j])
                break
    return _adverb_direction(doc[k]) if k >= 0 else None


# the comparison between a direction and its 'by' ('down month-on-month by', 'up on the year by')
_BASIS_BETWEEN = re.compile(
    r"^(?:(?:year|month|quarter|week)\s*-?\s*(?:on|over|to)\s*-?\s*(?:year|month|quarter|week)|[ymq]\s*/\s*[ymq]|yoy|mom|qoq"
    r"|on\s*-?\s*(?:the\s+)?(?:year|month|quarter|week)|from\s+a\s+(?:year|month)\s+(?:earlier|ago|before))$", re.IGNORECASE)


_DIRECTION_WORDS = frozenset({"up", "down", "upward", "downward", "upwards", "downwards"})


def _adverb_direction(adv: Token) -> Optional[str]:
    """'up', 'downward' (data: direction_adverbs) as an adverb or particle of direction."""
    direction = _tables()["direction_adverbs"].get(adv.lower_)
    if direction is None or (adv.pos_ not in ("ADV", "ADP", "PART") and adv.dep_ != "advmod"):  # 'downwards' NOUN
        return None
    # the particle or adverb of another verb is no direction: 'make up about 80 percent'
    # (but a flow noun read as a verb is: 'and imports up 13 percent to $129 billion')
    if adv.dep_ == "prt" and adv.head.lemma_.lower() not in _directional_heads() \
            and trade_flow_words().get(adv.head.lower_) is None:
        return None
    return direction


@cache
def _directional_heads() -> frozenset:
    t = _tables()
    return frozenset(t["change_verbs_up"] + t["change_verbs_down"] + t["change_verbs_neutral"])


def _change_from_comparative(doc: Doc, e: int, percent: bool = False) -> Optional[str]:
    """'closed 0.68 percent lower', 'shares ended 3% higher', '27% more than a year earlier'.

    'more'/'less' need their 'than', or to end the clause ('compared with May, it is $5 million
    less'): the difference to a reference is a change; a 'more' that modifies a noun ('3,000 more
    troops') is not a comparison with an earlier level.
    """
    if e >= len(doc):
        return None
    word = doc[e].lower_
    if word in ("more", "less", "fewer", "bigger", "smaller", "larger"):
        ends = e + 1 == len(doc) or doc[e + 1].lower_ == "than" or doc[e + 1].is_punct and doc[e + 1].text in ".;,"
        # "imported 18% more soybeans": a percentage more of a noun is relative to an earlier level
        return _tables()["change_comparatives"].get(word) if ends or percent else None
    if percent and word in ("above", "below") and _A_PERIOD_AFTER.match(doc[e + 1: e + 4].text):
        # "22% above 2021", "8 percent below a year earlier": a percentage against a period's level
        return "up" if word == "above" else "down"
    return _tables()["change_comparatives"].get(word) if word in ("higher", "lower", "stronger", "weaker") else None


_A_PERIOD_AFTER = re.compile(r"^(?:(?:19|20)\d\d\b|last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:same|previous|prior|year-ago)\b|"
                             r"year-ago\b|pre-|"
                             # a month of a written year ("14% above March 2016")
                             r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b)", re.IGNORECASE)


_INCREMENT_WORDS = frozenset({"another", "further", "additional", "a", "an",
                              "—", "–", "--"})   # "imports climbed more — 3.3% to $266 billion"


def gapped_conjunct(tok: Token) -> bool:
    """The head word of a conjunct whose verb is left out ("Exports of rugs fell 1.4% and carpets
    by 3.2%": carpets): a noun conjoined to a verb, or a word the tagger took for a verb of its
    own ("avocados" as VBZ) that has no subject and no change of its own."""
    if tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX") or _verb_direction(tok) or _noun_direction(tok):
        return False   # ("... but Nasdaq decrease by 1": a change word of its own)
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.pos_ == "VERB" and tok.tag_ == "VBZ" and _verb_direction(tok) is None \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children)


#: Words that say how big a move was between 'a' and its figure ("a record $450 million").
_SIZE_WORDS = frozenset({"record", "whopping", "staggering", "hefty", "massive", "modest", "sharp", "steep",
                         "solid", "robust", "marginal", "slight", "huge", "remarkable", "impressive",
                         "scant", "meagre", "meager", "paltry", "healthy", "strong", "faster", "slower"})


def _change_from_governing_verb(doc: Doc, s: int, unit: str) -> Optional[str]:
    """'rose 20.9%', 'increased by 3 billion yuan'; 'rose to $300 million' is a level.

    Reads leftwards over adverbs ('rose sharply 20%'); 'by' marks the size of a
    change, 'to'/'from'/'at' the new or old level. Money and counts after a
    transitive verb ('lost $5 billion', 'cut 3,000 jobs', 'raised $2 million')
    are amounts lost or raised, not a change of the subject, so they need 'by'.
    """
    t = _tables()
    if unit not in ("percent", "percentage_point", "basis_point", "times") and doc[s].lower_ in t["threshold_words"]:
        return None   # "fell below $4 billion", "climbed above 2 million tonnes": a level crossed, no change
    k = s - 1
    # over adverbs, and the increments "another", "a further", "an additional" ("fell another 4%")
    # (and a praised size after its article: "grew by a record $450 million", "rose a whopping 40%")
    while k >= 0 and s - k < 4 and (doc[k].pos_ == "ADV" and doc[k].lower_ not in ("up", "down")
                                    or doc[k].lower_ in _INCREMENT_WORDS
                                    or doc[k].lower_ in _SIZE_WORDS and k > 0 and doc[k - 1].lower_ in ("a", "an")):
        k -= 1
    if k < 0:
        return None
    tok = doc[k]
    if tok.lower_ == t["change_preposition"]:
        # (the parser hangs 'by' on the conjunct or on the verb itself)
        gapped = tok.head if tok.head.dep_ == "conj" else doc[k - 1] if k > 0 else tok
        if gapped_conjunct(gapped) and gapped.i < k and (direction := _verb_direction(gapped.head)):
            # "Exports of bedsheets fell 1.2%, and towels by 3.4%": the verb left out of the second
            # conjunct (gapping, Ross 1967) is the first one's
            return direction
        v = k - 1
        # over the object ("pulled down North Korea's trade by 15 percent") to the verb or its particle
        # (and over the periods between: "increased from February 2023 to March 2023 by R19.8 billion")
        while v >= 0 and k - v < 8 and (doc[v].pos_ in ("ADV", "PART", "ADP", "NOUN", "PROPN", "PRON", "DET", "ADJ")
                                         or doc[v].text in (",", "-", "–", "—") or doc[v].ent_type_ == "DATE") \
                and not _verb_direction(doc[v]):
            if direction := _adverb_direction(doc[v]):
                return direction  # 'was revised upward by 40 billion yen'
            v -= 1
        if v >= 0 and doc[v].pos_ in ("VERB", "NOUN", "AUX"):
            return _verb_direction(doc[v]) if doc[v].pos_ != "NOUN" else _noun_direction(doc[v])
        return None
    if tok.lower_ == "at" and unit == "percent" and k > 0 and doc[k - 1].pos_ == "VERB":
        return _verb_direction(doc[k - 1])   # "grew at 8.4 per cent": a rate of growth
    if tok.lower_ == "at" and unit == "percent" and k > 1 and doc[k - 1].text == ",":
        # "grew even more, at 15%", "fell faster, at 9%": the size of the move just told, set off by a comma
        v = k - 2
        while v > 0 and k - v <= 4 and (doc[v].pos_ == "ADV" or doc[v].tag_ in ("JJR", "RBR")) \
                and doc[v].lower_ not in ("up", "down"):
            v -= 1
        if v < k - 2 and doc[v].pos_ == "VERB":
            return _verb_direction(doc[v])
    if tok.lower_ == "at" and unit == "percent" and k > 2 and doc[k - 2].lower_ == "the" and doc[k - 1].lower_ == "most" \
            and (direction := _adverb_direction(doc[k - 3])):
        return direction   # "exports of vehicles were down the most at 41%": the largest fall, its size
    if tok.lower_ == "to" and unit == "percent" and k > 0 and _a_growth_rate_moved(doc[k - 1]):
        return "up"   # "export growth cooled to 2.3%": the rate the flow grew by
    if tok.lower_ in t["level_prepositions"]:
        return None
    if unit in ("percent", "percentage_point") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" \
            and tok.head.i < tok.i and tok.head in (doc[s].head, doc[s].head.head):
        # "chip demand boosted Vietnam's exports 12.4%": a rate after a change verb's object is the
        # size of the object's change
        return _verb_direction(tok.head)
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if unit not in ("percent", "percentage_point", "basis_point", "times") and tok.lemma_.lower() in t["transitive_verbs"]:
            return None
        return _verb_direction(tok)
    if unit in ("percent", "times") and _in_a_title_case_headline(tok):
        return _headline_verb_direction(tok)   # "Laos-Vietnam Trade Jumps 20% in March"
    return None


def _a_growth_rate_moved(verb: Token) -> bool:
    """A verb whose subject is a growth rate ('export growth slowed to 2.3%', 'growth picked up to 5%'):
    the percentage after its 'to' is how much the flow grew, not a level of the flow."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    # (its subject, or the noun the parser hangs it on as a participle: "as export growth cooled to")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    return any(c.lemma_.lower() == "growth" for c in subjects)


def _in_a_title_case_headline(tok: Token) -> bool:
    """A headline in title case, where the tagger reads the verb as a name ('Trade Jumps 20%')."""
    words = [t for t in tok.sent if t.is_alpha]
    return tok.pos_ == "PROPN" and tok.is_title and len(words) >= 3 and \
        sum(t.is_title or not t.is_lower for t in words) >= 0.8 * len(words)


def _headline_verb_direction(tok: Token) -> Optional[str]:
    t = _tables()
    low = tok.lower_
    for lemma in (low, low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("es") else None,
                  t["irregular_past"].get(low)):
        if lemma in t["up_verbs"]:
            return "up"
        if lemma in t["down_verbs"]:
            return "down"
    return None


def _change_verb_before(doc: Doc, s: int) -> Optional[str]:
    """The direction of a change verb right before token ``s`` (over adverbs), transitive or not."""
    k = s - 1
    while k >= 0 and doc[k].pos_ == "ADV" and s - k < 4:
        k -= 1
    return _verb_direction(doc[k]) if k >= 0 and doc[k].pos_ == "VERB" else None


def _moves_to_a_level(doc: Doc, f: _Found, s: int) -> Optional[str]:
    """'Hextar added 15 sen to RM2.70', 'shed $3 to $40': an amount between a change verb and 'to'
    plus a new level is the size of the move, even after a verb whose object is usually what was
    added or lost ('lost $5 billion'): the level after 'to' shows the subject itself moved."""
    j = f.end
    if not _to_a_level(doc, j):
        return None
    if _level_not_above_the_move(doc, j + 1, f):
        return None  # 'raised $64.8 million to $45.1 million that went to ...': 'to' compares two sums
    return _change_verb_before(doc, s)


def _to_a_level(doc: Doc, j: int) -> bool:
    """Token ``j`` is 'to' and a figure follows it (a number, or a currency and its number): the
    level a move reaches."""
    if j + 1 >= len(doc) or doc[j].lower_ != "to":
        return False
    nxt = doc[j + 1]
    return bool(nxt.like_num or nxt.text[:1].isdigit() or _currency_before(doc, j + 2)[0]
                or _numeric_core(doc, j + 1) is not None)


def _level_not_above_the_move(doc: Doc, k: int, f: _Found) -> bool:
    """A level reached by a move is larger than the move (a price that 'shed $3 to $40'); only a
    fall of more than half breaks that, and market copy states those as percentages. Compared
    only when both figures are in the same unit ('added 15 sen to RM2.70' is not)."""
    if doc[k].text in _tables()["currency_symbols"]:
        k += 1  # '$' '40': the sign is its own token
    level = _numeric_core(doc, k) if k < len(doc) else None
    if level is None:
        return False
    unit = level.currency or _currency_before(doc, level.start)[0] or level.unit
    if unit != f.unit:
        return False
    scale = _tables()["magnitudes"].get(doc[level.end].lower_, 1) if level.end < len(doc) and not level.has_magnitude else 1
    return level.value * scale <= abs(f.value)


def _change_from_modified_noun(doc: Doc, e: int, root: Token) -> Optional[str]:
    """'a 86% drop', 'a 15% increase', 'an increase of 15%'."""
    noun = _noun_after_a_restated_figure(doc, e)
    if noun is not None and (d := _noun_direction(noun)):
        return d   # "a £4.1 billion, or 38.2 per cent, plunge in exports": both sizes of the change
    if e < len(doc) and doc[e].pos_ == "NOUN":
        d = _noun_direction(doc[e])
        if d:
            return d
    if e < len(doc) and doc[e].pos_ == "VERB" and any(
            doc[k].lower_ in ("a", "an") for k in range(max(0, root.left_edge.i - 1), root.left_edge.i + 1)):
        # "following a 6.1 percent decline": after an article the word is the noun, whatever the tagger says
        d = _noun_direction(doc[e])
        if d:
            return d
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "npadvmod", "quantmod", "nmod") and head.i >= e and head.pos_ == "NOUN":
        d = _noun_direction(head)
        # "a 1.2% month-on-month gain": the basis the parser reads as a noun modifier stands between
        if d is None and head.dep_ in ("compound", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
            d = _noun_direction(head.head)
        if d:
            return d
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        noun = head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "NOUN" \
                and _noun_direction(noun) is None:
            return _noun_direction(noun.head.head)   # "a rise in imports of 9 percent"
        return _noun_direction(noun)
    if root.dep_ in ("compound", "nummod") and head.lower_ in _BASIS_NOUNS and head.dep_ == "pobj" \
            and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        # "an increase of 28 percent year on year": the parser makes the basis's first noun the
        # object of 'of', with the figure its modifier
        return _noun_direction(head.head.head)
    return None


_BASIS_NOUNS = frozenset({"year", "month", "quarter", "week"})


_DASHES = frozenset({"–", "—", "-"})


def _noun_after_a_restated_figure(doc: Doc, e: int) -> Optional[Token]:
    """The noun after 'a X, or Y,' or 'a X – Y –' when the figure ending at ``e`` is X (its
    restatement follows) or Y (it restates X): 'a £4.1 billion, or 38.2 per cent, plunge', 'a £340
    million – 2.6 per cent – increase'."""
    if e >= len(doc):
        return None
    if doc[e].text in _DASHES:
        # (only a noun: "exports of $3 billion – a record – fell" is no change of the $3 billion)
        close = next((j for j in range(e + 1, min(e + 8, len(doc))) if doc[j].text in _DASHES), None)
        opening = next((j for j in range(e - 1, max(0, e - 7), -1) if doc[j].text in _DASHES), None) \
            if close is None else None
        after = close + 1 if close is not None else e + 1 if opening is not None else len(doc)
        return doc[after] if after < len(doc) and doc[after].pos_ == "NOUN" else None
    if e + 1 >= len(doc) or doc[e].text != ",":
        return None
    if doc[e + 1].lower_ == "or":
        close = next((j for j in range(e + 2, min(e + 10, len(doc))) if doc[j].text == ","), None)
        return doc[close + 1] if close is not None and close + 1 < len(doc) else None
    k = e - 1
    while k > 0 and doc[k].text not in (",", ".", ";") and e - k <= 8:
        k -= 1
    if k > 0 and doc[k].text == "," and doc[k + 1].lower_ == "or":
        return doc[e + 1]
    return None


#: Verbs a change is said to be led by, with its leading items as agents ("led by copper").
_LEADING_VERBS = frozenset({"lead", "drive", "spearhead", "fuel"})


def _change_of_a_leading_item(doc: Doc, s: int, e: int) -> Optional[str]:
    """'The rise in exports was led by copper (14.5%), fishing vessels (63.2%) ...', 'rose 8%, led by
    copper (12.5%)': a bare percentage in brackets right after an item of the list a change is led
    by is that item's own change, in the change's direction (a share says so: 'copper (45% of the
    total)', which does not end the bracket)."""
    if s < 2 or e >= len(doc) or doc[s - 1].text != "(" or doc[e].text != ")":
        return None
    # back over the written list (the parser often breaks it: "shipbuilding" read as a clause) to
    # its 'by': only nouns, brackets, figures, commas and 'and' between
    k, first = s - 2, doc[s - 2].sent.start
    while k > first and doc[k].lower_ != "by":
        if doc[k].pos_ in ("VERB", "AUX", "ADP") and doc[k].dep_ not in ("amod", "compound") \
                or doc[k].text in (".", ";", ":"):   # ("printed circuits": a participle naming goods)
            return None
        k -= 1
    if k <= first or doc[k].lower_ != "by" or doc[k - 1].lemma_.lower() not in _LEADING_VERBS:
        return None
    verb = doc[k - 1]
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return _noun_direction(subject)   # "the rise in exports was led by"
    if verb.dep_ in ("advcl", "acl"):
        # "exports rose 8%, led by" (hung on the verb, or on the rise's figure)
        head = verb.head if verb.head.pos_ == "VERB" else verb.head.head
        return _verb_direction(head) if head.pos_ == "VERB" else None
    return None


#: Words that open a list of the parts a change is made of ("fell 12%, including engines by 15%").
_INCLUDING_WORDS = frozenset({"including", "notably", "especially", "particularly", "mainly", "chiefly"})


def _change_of_an_included_item(doc: Doc, s: int, e: int) -> Optional[str]:
    """'imports fell 12%, including engines by 15%, pumps by 9% and turbines by 20%', 'other exports
    increased 7%, such as rubber by 12% and tea by 4%': a percentage after 'by' in a list of items
    that 'including' or 'such as' opens, right after a change, is that item's own change, in the
    change's direction (the change word is left out of every item, as in gapping, Ross 1967). Read
    on the words: only items (nouns, their figures, commas and 'and') between the opener and it."""
    if s < 3 or doc[s - 1].lower_ != "by":
        return None
    k, first = s - 2, doc[s].sent.start
    while k > first and not (doc[k].lower_ in _INCLUDING_WORDS or doc[k].lower_ == "as" and doc[k - 1].lower_ == "such"):
        if doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ not in ("amod", "compound") and not _an_item_read_as_a_verb(doc[k]) \
                or doc[k].text in (".", ";", ":", "(", ")"):
            return None
        k -= 1
    if k <= first:
        return None
    opener = k - 1 if doc[k].lower_ == "as" else k
    # the change the list opens on: its verb or noun, right before the opener
    for j in range(opener - 1, max(first, opener - 12) - 1, -1):
        if doc[j].text in (".", ";", ":"):
            return None
        if doc[j].pos_ == "VERB" and (direction := _verb_direction(doc[j])):
            return direction
        if doc[j].pos_ == "NOUN" and (direction := _noun_direction(doc[j])):
            return direction
    return None


def _change_of_a_followed_item(doc: Doc, s: int, e: int) -> Optional[str]:
    """'exports of vehicles were down the most at 41%, followed by footwear at 22% and machinery at
    19%': a percentage after 'at' in the list 'followed by' opens is a change the way the figure
    right before 'followed' is (the change word is left out of the items). Read on the words."""
    if s < 4 or doc[s - 1].lower_ != "at":
        return None
    k, first = s - 2, doc[s].sent.start
    while k > first and not (doc[k].lower_ == "by" and doc[k - 1].lower_ == "followed"):
        if doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ not in ("amod", "compound") or doc[k].text in (".", ";", ":"):
            return None
        k -= 1
    if k <= first + 1:
        return None
    j = k - 2
    if doc[j].text == ",":
        j -= 1
    n = next((n for n in range(j, max(first, j - 3) - 1, -1) if doc[n].like_num), None)
    if n is None or doc[j].lower_ not in ("%", "percent", "cent", "pct"):
        return None
    return _change_from_adverb(doc, n) or _change_from_governing_verb(doc, n, "percent")


#: Verbs that record a change the list goes on to give item by item ("gains were recorded in ...").
_RECORDING_VERBS = frozenset({"see", "record", "register", "post", "observe", "note", "log"})
#: Words an item list runs over between its change word and a bracketed figure.
_ITEM_LIST_WORDS = frozenset({",", "and", "to", "of", "in", "for", "from", "the", "its", "but", "while", "(", ")"})


def _change_of_a_bracketed_item(doc: Doc, s: int, e: int) -> Optional[str]:
    """'exports fell to the US (-5.1%) but rose to China (4.3%)', 'gains were recorded in shipments of
    copper (4.1%), wine (2.3%) and fruit (1.9%)': a percentage with no sign, alone in brackets right
    after an item (a state or goods), is that item's change in the direction of the change word the
    list opens on -- a verb of change ('rose to China'), or a change noun ('gains were recorded
    in'). Read on the words: only items, brackets, their figures and list words between."""
    if s < 3 or e >= len(doc) or doc[s - 1].text != "(" or doc[e].text != ")" or doc[s - 2].pos_ not in ("NOUN", "PROPN") \
            or any(t.like_num or t.lower_ in _tables()["magnitudes"] for t in doc[s - 3: s - 1]):
        return None   # (after a sum, "rose to $5 billion (35 percent)", the bracket restates or shares it)
    first = doc[s].sent.start
    for k in range(s - 2, max(first, s - 40) - 1, -1):
        tok = doc[k]
        if tok.pos_ == "VERB" and (direction := _verb_direction(tok)):
            return direction
        if tok.pos_ == "NOUN" and (direction := _noun_direction(tok)):
            return direction
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET", "SYM") or tok.lower_ in _ITEM_LIST_WORDS \
                or tok.lower_ in ("%", "percent", "per", "cent", "-") \
                or tok.pos_ in ("AUX", "VERB") and (tok.pos_ == "AUX" or tok.lemma_.lower() in _RECORDING_VERBS):
            continue
        return None   # (another verb or word: "with China (35%) the top market", "mostly to China (42%)")
    return None


def _an_item_read_as_a_verb(tok: Token) -> bool:
    """A plural noun of a list the tagger took for a verb ("pumps by 9%"): 'by' right after it, and
    no subject of its own."""
    return tok.tag_ == "VBZ" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "by" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _change_of_a_gapped_move(doc: Doc, s: int, e: int) -> Optional[str]:
    """'exports rose 12.5 percent to $1.1 billion and imports 17.8 percent to $640 million', '...
    fell by 11 percent to $300 million, motor cars by 2.4 percent to $250 million': a percentage
    moving something 'to' a level in a conjunct whose verb is left out (gapping) is a change, in
    the direction of the sentence's change verb before it."""
    if not _to_a_level(doc, e):
        return None
    if s > 1 and doc[s - 1].lower_ == "by" and doc[s - 2].pos_ in ("NOUN", "PROPN"):
        s -= 1   # "..., power generation machinery by 7.2 percent to $410 million": the item's 'by' kept
    before = doc[s - 1] if s > 0 else None
    if before is None or not (before.lower_ in ("and", ",") or before.pos_ in ("NOUN", "PROPN") and before.dep_ != "compound"):
        return None
    for k in range(s - 2, doc[s].sent.start - 1, -1):
        if doc[k].pos_ == "VERB" and (direction := _verb_direction(doc[k])):
            return direction
    return None


_DATING_PREPOSITIONS = frozenset({"in", "for", "during", "over", "on"})


def _change_of_a_gapped_dated_item(doc: Doc, s: int, e: int) -> Optional[str]:
    """'rose 5.6% in August, after climbing 10.3% in July and 7.4% in June', 'after 28% growth in
    2004 and 17.5% in 2003', 'following a rise of 6.1% in December and 8.3% in November': a
    percentage with a time of its own, after 'and' or a comma that follows another percentage and
    its time, is a change in that item's direction -- the change word is left out of the later items
    (gapping, Ross 1967), and the time each item names says which figure it is. Read on the words,
    since the parser hangs such lists in many ways."""
    if e >= len(doc) or doc[e].lower_ not in _DATING_PREPOSITIONS \
            or not any(t.ent_type_ == "DATE" for t in doc[e + 1: min(len(doc), e + 4)]):
        return None
    return _direction_of_the_item_before(doc, s, depth=0)


def _direction_of_the_item_before(doc: Doc, s: int, depth: int) -> Optional[str]:
    """The direction of the dated percentage written right before ``s`` ('10.3% in July, ...')."""
    k = s - 1
    if k >= 0 and doc[k].lower_ == "and":
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k == s - 1 or k < 2:
        return None   # no 'and' nor comma: not a list
    # back over the earlier item's time ("in July", "in the first quarter")
    dated = False
    while k >= 0 and s - k < 10 and (doc[k].ent_type_ == "DATE" or doc[k].lower_ in _DATING_PREPOSITIONS or doc[k].lower_ == "the"):
        dated = dated or doc[k].ent_type_ == "DATE"
        k -= 1
    if not dated or doc[k + 1].lower_ not in _DATING_PREPOSITIONS:
        return None
    noun = doc[k] if _noun_direction(doc[k]) else None   # "28% growth in 2004"
    if noun is not None:
        k -= 1
    if doc[k].lower_ == "cent" and k > 0 and doc[k - 1].lower_ == "per":
        k -= 1
    if doc[k].lower_ not in ("%", "percent", "per", "pct") or k < 1 or not doc[k - 1].like_num:
        return None
    start = k - 1
    if noun is not None:
        return _noun_direction(noun)
    if start >= 2 and doc[start - 1].lower_ == "of" and (direction := _noun_direction(doc[start - 2])):
        return direction   # "a rise of 6.1% in December"
    direction = _change_from_adverb(doc, start) or _change_from_governing_verb(doc, start, "percent")
    if direction is None and depth < 6:
        direction = _direction_of_the_item_before(doc, start, depth + 1)   # the third item of a list
    return direction


#: Verbs that give a change noun its size ("the decline reached 6.2%", "the increase was 5.2 percent").
_SIZING_VERBS = frozenset({"be", "reach", "total", "stand", "amount", "come"})


def _change_of_a_change_noun_subject(root: Token) -> Optional[str]:
    """'In the first quarter, the decline reached 6.2%', 'The increase in exports to Peru was 5.2 percent':
    a percentage a change noun, the subject, is said to be or reach is that change."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("to", "at"):
        verb = verb.head   # "amounted to", "stood at"
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _SIZING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not any(c.lower_ in ("the", "this", "that", "its") for c in subject.children):
        return None
    return _noun_direction(subject)


def _span_root(doc: Doc, s: int, e: int) -> Token:
    return doc[s:e].root


# the words of a time phrase besides its dates ("in May 2021 and the same month of 2022")
_TIME_PHRASE_WORDS = frozenset({"and", "in", "the", "same", "period", "of", "during", "between", "over"})


def _levels_after_change(doc: Doc, from_index: int, unit: str) -> bool:
    """'rose from A to B', 'fell from A to B': after a change verb, 'from … to …' gives the old
    and the new level, not a range ('ranged from A to B' is a range)."""
    v = from_index - 1
    unit_at = v - 1 if v >= 1 and doc[v].text == "," else v
    # ("grew by 8 per cent from ...", "rose by 90% in May 2021 and the same month of 2022 from
    # ...": the percent's last word, past a time written between)
    k = unit_at
    while k > 0 and from_index - k <= 12 and (doc[k].ent_type_ == "DATE" or doc[k].lower_ in _TIME_PHRASE_WORDS):
        k -= 1
    if k != unit_at and k >= 0 and (doc[k].lower_ in _tables()["percent_units"] or doc[k].lower_ == "cent"):
        unit_at = k
    percent_word = unit_at >= 0 and (doc[unit_at].lower_ in _tables()["percent_units"]
                                     or doc[unit_at].lower_ == "cent" and unit_at > 0 and doc[unit_at - 1].lower_ == "per")
    if percent_word and _change_from_governing_verb(doc, doc[unit_at].left_edge.i, "percent"):
        # "rose by 2.3 percent, from $580 million to $590 million", "increased by 8 percent from $2.5
        # billion to $2.7 billion": the change's two levels
        return True
    return v >= 0 and bool(_verb_direction(doc[v]) or _change_from_governing_verb(doc, from_index, unit))
