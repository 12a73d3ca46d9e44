"""The trade lexicon (``data/trade_lexicon.json``) compiled for lookup, and what a single word
says: a trade word and its kind (import, export, total), a balance ('trade surplus'), money,
a modal of possibility ('may import'), the world as partner (WLD).
"""
from __future__ import annotations

import re
from functools import cache

from spacy.attrs import IS_UPPER, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text, tokens_whose
from ..lexicon import load_table, trade_flow_words

CURRENCY_UNITS_EXCLUDED = {"percent", "percentage_point", "times", "count"}
_DATA_GRANULARITIES = {"month", "quarter", "half", "year", "range"}
_TIME_PREPOSITIONS = {"in", "for", "during", "as", "of", "at", "by", "through"}
#: Nouns a trade word names the value of ("export value", "import volume").
VALUE_NOUNS = frozenset({"value", "volume", "amount", "total", "figure"})
_SUPERLATIVE_TAGS = {"JJS", "RBS"}


@cache
def _lexicon() -> dict:
    return {**load_table("trade_lexicon.json"), "words": trade_flow_words()}


@cache
def _lexicon_words(name: str) -> frozenset[str]:
    """The ``words`` of one of the lexicon's word tables, for membership tests."""
    return frozenset(_lexicon()[name]["words"])


@cache
def _partner_patterns() -> tuple[tuple[str, str], ...]:
    """(code or name, phrase) for the partners that are not one country (the lexicon's table)."""
    table = _lexicon()["partners"]
    return tuple((label, phrase) for group in ("codes", "regions")
                 for label, phrases in table[group].items() for phrase in phrases)


def _is_balance(token: Token) -> bool:
    """'trade surplus', 'the trade deficit', 'export surplus', 'the deficit in trade': a balance is
    no flow."""
    balances = _lexicon()["balance_nouns"]["words"]
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lemma_.lower() in balances:
        return True   # "Peru's deficit in trade with Chile"
    if _in_a_balance(token):
        return True   # "Peru's trade in goods deficit with Chile": the parser hangs the balance on 'in'
    # (not one a conjunction parts from the balance: "total trade and trade surplus", which the parser
    # may hang on "surplus", lists a flow beside the balance)
    return token.dep_ in {"compound", "amod", "nmod"} and token.head.lemma_.lower() in balances \
        and not any(t.lower_ in {"and", ",", "&"} for t in token.doc[token.i + 1: token.head.i])


def _in_a_balance(token: Token) -> bool:
    """The token's own 'in' phrase names a balance ("trade in goods deficit", "$2.2 billion in
    surplus")."""
    balances = _lexicon()["balance_nouns"]["words"]
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in balances
                                                             for o in c.children) for c in token.children)


def _says_respectively(sent: Span) -> bool:
    """'... rose 3% and 5%, respectively': the sentence pairs its lists member by member."""
    # (the sentence's text first: its tokens are read only where it holds the word at all)
    return "respectively" in doc_text(sent.doc)[sent.start_char: sent.end_char].lower() \
        and any(t.lower_ == "respectively" for t in sent)


def _in_an_institution_s_name(token: Token) -> bool:
    if token.ent_iob_ not in {"B", "I"}:
        return False
    # the entity's bounds from the IOB tags (what doc.ents reads, without building every span)
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    heads = set(_lexicon()["institution_heads"]["words"])
    return any(t.lower_ in heads for t in doc[start:end])


# "non-oil domestic exports (NODX)", "non-oil re-exports (NORX)": a trade noun phrase given an acronym
# in brackets, which then stands for it on its own
_ACRONYM_DEFINED = re.compile(r"(?<![\w'’-])((?:[\w-]+\s+){0,3}?)([\w-]+)\s+\(([A-Z][A-Z-]{1,5})\)")


def trade_acronyms(doc) -> dict[str, tuple[str, str]]:
    """The acronyms ``doc`` defines for trade words: acronym -> (kind, the words before the trade
    word: what part of the flow it is), read once per doc."""
    found = doc.user_data.get("newsclaims.trade_acronyms")
    if found is None:
        words = _lexicon()["words"]
        found = {}
        for m in _ACRONYM_DEFINED.finditer(doc_text(doc)):
            kind = words.get(m.group(2).lower())
            if kind is not None and kind in {"export", "import", "total"}:
                modifiers = [w for w in m.group(1).lower().split() if w not in {"the", "its", "their", "'s", "both", "all"}
                             and not w.endswith(("'s", "’s"))]
                found[m.group(3)] = (kind, " ".join(modifiers).replace("-", " "))
        doc.user_data["newsclaims.trade_acronyms"] = found
    return found


def trade_word_places(doc: Doc) -> list[int]:
    """The tokens :func:`_trade_kind` can find a trade word in, in text order: those whose form or
    lemma is in one of its tables, and those in capitals (an acronym); read from the Doc's arrays
    once a document, so that a sentence's trade words are asked of these only."""
    found = doc.user_data.get("newsclaims.trade_word_places")
    if found is None:
        lex = _lexicon()
        forms = set(lex["words"]) | set(lex["verb_only"]["words"]) | {"trading"} | _lexicon_words("revenue_nouns")
        lemmas = set(lex["words"]) | set(lex["verb_only"]["words"]) | set(lex["routed_nouns"]["words"]) | _phrasal_verb_lemmas()
        maybe = tokens_whose(doc, LOWER, forms.__contains__) | tokens_whose(doc, LEMMA, lambda s: s.lower() in lemmas) \
            | (doc.to_array(IS_UPPER) != 0)
        found = doc.user_data["newsclaims.trade_word_places"] = maybe.nonzero()[0].tolist()
    return found


@cache
def _phrasal_verb_lemmas() -> frozenset[str]:
    """The verbs of the phrasal trade verbs ('ship out': 'ship'), as their keys start."""
    return frozenset(key[:i] for key in _lexicon()["phrasal_verbs"]["words"] for i, c in enumerate(key) if c == " ")


def _with_the_noun_it_qualifies(trigger: Token) -> list[Token]:
    """The trade word, and the noun it qualifies when it is one's modifier ('the import and export
    value of Hunan', 'the trade volume from private enterprises'): the phrases either may carry."""
    return [trigger] + ([trigger.head] if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN" else [])


def _trade_kind(token: Token) -> str | None:
    lex = _lexicon()
    words = lex["words"]
    kind = words.get(token.lower_) or words.get(token.lemma_.lower())
    if kind is None and token.pos_ in {"VERB", "AUX"}:
        verbs = lex["verb_only"]["words"]
        kind = verbs.get(token.lower_) or verbs.get(token.lemma_.lower())
    if kind is None and token.pos_ == "NOUN" and token.lemma_.lower() in lex["routed_nouns"]["words"] and any(
            c.dep_ == "prep" and c.lower_ in {"from", "to"} and any(o.dep_ == "pobj" and o.ent_type_ in {"GPE", "NORP"}
                                                                 for o in c.children) for c in token.children):
        kind = lex["routed_nouns"]["words"][token.lemma_.lower()]   # "supplies from Chile to China"
    if kind is None and token.is_upper and 2 < len(token.text) <= 6:
        kind = (trade_acronyms(token.doc).get(token.text) or (None, None))[0]   # "NODX rose 7%"
    if kind is None and token.lower_ == "trading" and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT"}:
        gerund = lex["trading_as_trade"]
        if any(c.dep_ == "prep" and c.lower_ in gerund["prepositions"] or c.dep_ in {"amod", "compound"}
               and c.lower_ in gerund["modifiers"] for c in token.children):
            kind = "total"   # "bilateral trading reached $5 billion", "trading between the two fell 8%"
    if kind is None and token.pos_ == "VERB":
        phrasal = lex["phrasal_verbs"]["words"]
        kind = next((phrasal[f"{token.lemma_.lower()} {c.lower_}"] for c in token.children
                     if c.dep_ == "prt" and f"{token.lemma_.lower()} {c.lower_}" in phrasal), None)
        if kind is not None and _object_is_money(token):
            kind = None   # "the sale brought in $3 million": what it earned, not goods brought in
    if kind is None and token.pos_ == "NOUN" and token.lower_ in _lexicon_words("revenue_nouns") \
            and _earnings_of_goods_in_an_export_story(token):
        kind = "export"   # "tea earnings fell 3%", "earnings from footwear stood at $219 million"
    # (the word is looked up first: most words are no trade word, and these tests read the parse)
    if kind is None or _is_balance(token):
        return None
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN" and _in_an_institution_s_name(token):
        return None   # "the Trade Ministry", "the World Trade Organization": a name, no flow
    if token.dep_ in {"compound", "nmod", "amod"} and token.head.lemma_.lower() in lex["non_flow_heads"]["words"]:
        return None   # "trade reliance on China": a share, not a flow
    return kind


#: Nouns of a class of goods ("the top exported commodity", "its main product"): they name no goods themselves
_GOODS_CLASS_NOUNS = frozenset({"commodity", "product", "item", "good", "export", "import", "category", "line"})


def _first_goods_noun_coordinated_with(trigger: Token) -> Token | None:
    """'garment, footwear and travel goods exports', 'jute, leather and tea exports': the goods the
    trade word's modifiers list, which the parser coordinates with the trade word itself -- the first
    of them (the head of the coordination), when no trade word stands among them; else None."""
    first = trigger
    while first.dep_ in {"appos", "conj"} and first.head.pos_ == "NOUN" and first.head.i < first.i \
            and not _trade_kind(first.head) and first.head.lemma_.lower() not in _GOODS_CLASS_NOUNS:
        # (not a class noun the trade word is in apposition to: "its main product, notebook computer exports")
        first = first.head
    return first if first is not trigger else None


def _earnings_of_goods_in_an_export_story(noun: Token) -> bool:
    """'Tea earnings fell 3%', 'earnings from footwear stood at $219 million', 'revenue from coffee
    rose': what a state earns selling goods the table knows, once the story has told its exports --
    export earnings with the word 'export' left out, as copy from commodity exporters writes them.
    Not a firm's earnings ('the miner's earnings from copper'): only goods and nothing else qualify
    the noun."""
    from .goods import _goods_code
    words = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    words += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"]
    if not words or any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "NORP"} for c in noun.children):
        return False
    if not any(_goods_code(" ".join(t.lower_ for t in w.subtree if not t.is_punct), whole=True)
               or _goods_code(w.lemma_.lower(), whole=True) for w in words):
        return False
    return _first_export_word(noun.doc) < noun.i


def _first_export_word(doc: Doc) -> int:
    """The index of the document's first export word (its length when none): where the story has
    told exports by. Read once a document, from the places trade words can be."""
    first = doc.user_data.get("newsclaims.first_export_word")
    if first is None:
        flows = _lexicon()["words"]
        first = doc.user_data["newsclaims.first_export_word"] = next(
            (i for i in trade_word_places(doc) if flows.get(doc[i].lower_) == "export"), len(doc))
    return first


def _in_a_ratio(token: Token) -> bool:
    """The trade word is inside the 'of' phrase of a ratio noun ('the ratio of exports to imports',
    'the proportion of re-exports'; data: ratio_nouns)."""
    ratios = _lexicon_words("ratio_nouns")
    t = token
    for _ in range(4):
        if t.dep_ not in {"pobj", "prep", "conj"} or t.head is t:
            return False
        t = t.head
        if t.lower_ == "of" and t.head.lemma_.lower() in ratios:
            return True
    return False


def _object_is_money(verb: Token) -> bool:
    """The verb's object holds a sum of money, as the amounts component read it ('$3 million',
    '3 million dollars')."""
    amounts = verb.doc._.amounts or []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        if any(a.is_money and start <= a.start < end for a in amounts):
            return True
    return False


WORLD = "WLD"


_POSSIBILITY_MODALS = frozenset({"may", "might", "can", "could", "would", "should", "must"})


def _hypothetical(trigger: Token) -> bool:
    """A trade verb under a modal of possibility or obligation ('may import', 'could ship'):
    what is allowed or possible, not what was traded ('will' is a forecast, kept and left
    unverifiable by the check)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children)


def _aid(trigger: Token) -> bool:
    """A verb of supplying in a sentence about aid ('Japan supplied rice worth $18 million to Haiti
    through the World Food Programme'): a donation, not trade. Only the verbs that are trade words
    as verbs ('supply', 'send', 'deliver'); 'exports' stay exports whatever else the sentence says."""
    if trigger.pos_ != "VERB" or trigger.lower_ not in _lexicon()["verb_only"]["words"] \
            and trigger.lemma_.lower() not in _lexicon()["verb_only"]["words"]:
        return False
    return _aid_pattern().search(trigger.sent.text) is not None


@cache
def _aid_pattern() -> re.Pattern:
    words = sorted(_lexicon()["aid_cues"]["words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _expected(amount_span) -> bool:
    """A figure economists or markets expected ('expectations of 4 per cent growth', 'had forecast a
    3% rise'): a forecast, not what was traded."""
    words = set(_lexicon()["expectation_words"]["words"])
    intention = _lexicon()["intention_words"]
    courses = set(_lexicon()["projection_courses"]["words"])
    tariffs = set(_lexicon()["tariff_nouns"]["words"])
    root = amount_span.root
    covered = root
    while covered.dep_ in {"nummod", "compound", "quantmod"} and covered.head is not covered:
        covered = covered.head   # ("tariffs on $360 billion worth of imports": the sum hangs on 'worth')
    if covered.dep_ == "pobj" and covered.head.lower_ == "on" and (
            covered.head.head.lemma_.lower() in tariffs
            or any(c.dep_ == "dobj" and c.lemma_.lower() in tariffs for c in covered.head.head.children)):
        return True   # "tariffs on $200 billion of imports": the goods a levy covers
    for t in [root, *root.ancestors]:
        if t.pos_ in {"VERB", "AUX"}:
            break
        # ("an estimated $5 billion" hedges a figure stated as fact: an approximation, no forecast)
        if any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in words and c.lower_ != "estimated"
               for c in t.children):
            return True   # "more than the expected 2.9% decrease", "an expected increase of 5.8%"
        if t.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in words
                                    and c.lower_ != "estimated" for c in t.children):
            return True   # "a 4.4% gain predicted by economists", "the 2% rise forecast in a poll"
    for t in amount_span.root.ancestors:   # up to the figure's own verb: "expected to fall, as data
        if _a_figure_estimated_at(t):       # showed a 6 percent drop" states the drop
            break
        if t.lemma_.lower() in words:
            return True
        if t.lower_ == "for" and t.dep_ == "prep" and any(
                (c.dep_ == "dobj" or c.dep_ == "nsubj" and t.head.lemma_.lower() == "be") and c.lemma_.lower() in words
                for c in t.head.children):
            return True   # "outpacing the consensus forecast for a 0.5% fall", "the estimate was for a 4% gain"
        if t.lemma_.lower() in intention["nouns"] and t.pos_ == "NOUN":
            return True   # "a target of $2 billion"
        if t.pos_ == "VERB" and t.dep_ == "pcomp" and t.head.head.lemma_.lower() in intention["nouns"]:
            return True   # "set a goal of raising trade to $20 billion"
        if t.pos_ == "VERB" and t.dep_ in {"acl", "relcl"} and t.head.lemma_.lower() in intention["nouns"]:
            return True   # "set a goal to achieve $50 billion by 2026"
        if t.pos_ in {"VERB", "AUX"}:
            # "expect trade to hit $1 billion", "plan to boost it to $2 billion", "are projected to
            # reach": the infinitive of a verb of intending or expecting; "put a ceiling on exports
            # at $120 million": a verb whose object is a cap
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            governor = t.head if t.dep_ in {"xcomp", "ccomp"} else None
            if governor is None and infinitive and t.dep_ == "relcl" and t.head.dep_ == "dobj":
                governor = t.head.head   # "had expected exports to drop 2%": the object's infinitive
            if t.pos_ == "VERB" and t.lemma_.lower() in intention["finite_verbs"] and not infinitive \
                    and not any(c.dep_ == "auxpass" for c in t.children):
                return True   # "the ministry targets exports of $50 billion", "forecast a 5% rise"
            if governor is not None and governor.lemma_.lower() in words and (infinitive or t.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in t.children)):
                return True   # "analysts estimate exports will reach $6 billion", "are estimated to reach"
            if infinitive and governor is not None and governor.lemma_.lower() in intention["verbs"]:
                return True
            if infinitive and governor is not None and any(
                    c.dep_ == "prep" and c.lower_ == "on" and any(o.lemma_.lower() in courses for o in c.children)
                    for c in governor.children):
                return True   # "is on track to surpass $20 billion"
            # "trade will reach $30 billion this year", "could get to $46 billion": the level a modal
            # verb foretells, its own complement (not a figure in a phrase of its object, "could cut
            # off a third of its annual exports of $3 billion", nor a base, "from $31.8 billion")
            complement = root.head == t or (root.dep_ == "pobj" and root.head.lower_ in {"to", "at"} and root.head.head == t)
            if complement and any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in t.children) \
                    and not any(c.dep_ == "aux" and c.lower_ == "have" for c in t.children):
                return True
            return any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.lemma_.lower() in intention["nouns"]
                       for c in t.children)
    return False


_FUTURE_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "'ll"})


def _a_figure_estimated_at(verb: Token) -> bool:
    """'Imports were estimated at $4.1 billion in May', 'export turnover is estimated at $30.5
    billion': a statistics office's preliminary figure for a period, in the passive with 'at' --
    a statement of what was traded (Vietnam's and Indonesia's releases give every month so), not a
    forecast; 'will be estimated' looks ahead."""
    return verb.lemma_.lower() == "estimate" and verb.pos_ == "VERB" \
        and any(c.dep_ == "auxpass" for c in verb.children) \
        and not any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause ``token`` is in: itself or its nearest verbal ancestor."""
    return next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)


def _entity_subject(token: Token) -> bool:
    """The clause of ``token`` has a kind of firm as its subject ('private firms recorded 4.5
    trillion yuan in trade', 'state-owned enterprises logged 1 trillion yuan')."""
    words = set(_lexicon()["trading_entities"]["words"])
    verb = _clause_verb(token)
    return verb is not None and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in words
                                    for c in verb.children)


_CHANGE_WORDS = frozenset({"up", "down", "rose", "fell", "compared", "less", "more",
                           "rise", "fall", "grow", "increase", "decrease", "drop", "decline", "jump", "climb"})


def _is_change_word(token: Token) -> bool:
    """A word that states a change and governs its base ("up 8% on June", "a drop of 60% from
    April", "6% less than in 2018"): the comparative words and change nouns of the lexicon, and the
    common change verbs."""
    lex = _lexicon()
    return token.lower_ in lex["comparative_change"] or token.lower_ in _CHANGE_WORDS \
        or token.lemma_.lower() in _CHANGE_WORDS or token.lemma_.lower() in set(lex["change_nouns"]["words"])


@cache
def _change_verbs() -> frozenset[str]:
    """All the verbs of change the amounts read directions from ('shrink', 'plunge', 'soar', ...),
    beyond the common ones of ``_is_change_word``."""
    from ..amounts.tables import _tables
    t = _tables()
    return frozenset(t["change_verbs_up"]) | frozenset(t["change_verbs_down"])
