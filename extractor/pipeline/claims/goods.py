"""Goods: what a trade word, a figure or a clause is about, as (HS code, the goods' words) --
the HS heading when the lexicon's table knows the goods, the goods' words otherwise, nothing for
all goods ("goods", "products").
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from ..amounts.changes import _INCLUDING_WORDS, _an_item_read_as_a_verb
from ..extensions import doc_text
from .context import _bracket_opening, _Context
from .words import (_GOODS_CLASS_NOUNS, WORLD, _change_verbs, _clause_verb, _first_goods_noun_coordinated_with,
                    _is_change_word, _lexicon, _lexicon_words, _trade_kind, _with_the_noun_it_qualifies, trade_acronyms)


@cache
def _goods_names() -> tuple[tuple[str, str], ...]:
    """(name, HS code) of the goods table, longest name first: 'copper ore' before 'copper'."""
    codes = _lexicon()["commodities"]["codes"]
    return tuple(sorted(codes.items(), key=lambda item: -len(item[0])))


#: The goods' words of the flows that are not merchandise: what customs count is neither
SERVICES_AGGREGATES = ("goods and services", "services")


def _goods_code(words: str, whole: bool = False) -> str | None:
    """The HS code of the goods ``words`` name: the longest table name inside them, or (``whole``)
    only the words as a whole."""
    if whole:
        return _lexicon()["commodities"]["codes"].get(words)
    for name, code in _goods_names():
        if f" {name} " in f" {words} ":
            return code
    return None


def _commodity(trigger: Token, ctx: "_Context") -> tuple[str | None, str | None]:
    """The goods a trade word is about, as (HS code, the goods' words): ('2701', 'coal') for 'coal
    exports', (None, 'biohealth') when named but not in the table, (None, None) for all goods
    ('goods', 'products' or nothing)."""
    goods = _goods_a_trade_word_names(trigger, ctx)
    if goods == _ALL_GOODS and trigger.lower_ in _lexicon()["re_trade_words"]["words"]:
        # "re-exports rose 4%": the goods that only pass through, a segment of the flow (goods it
        # names are its goods: "re-exports of vessels")
        return None, "re-imports" if "import" in trigger.lower_ else "re-exports"
    return goods


def _goods_a_trade_word_names(trigger: Token, ctx: "_Context") -> tuple[str | None, str | None]:
    """The goods the trade word's own phrase names (see :func:`_commodity`)."""
    phrases: list[Span] = []
    modifiers = [c for c in trigger.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < trigger.i]
    acronym = trade_acronyms(trigger.doc).get(trigger.text)
    if acronym is not None and acronym[1] and not modifiers:
        # "NODX to China grew 12%": the part of the flow the acronym was defined for ("non-oil domestic");
        # "electronic NODX" names its own goods
        return _goods_code(acronym[1], whole=True), acronym[1]
    if modifiers:
        regime = _regime_in(ctx.doc[min(c.left_edge.i for c in modifiers): trigger.i + 1])
        if regime is not None:
            return None, regime   # "the processing trade", "general trade exports": a segment (see _segment_of)
    # "exports excluding fuel, timber and gems", "imports other than fuel": all goods but those, a
    # segment written as it is (never the whole flow)
    # (however the parser hangs it: on the trade word, or on the word the trade word depends on,
    # "the growth of exports, excluding gems")
    # ... or on its clause's verb: "When excluding gems, the export value grew by 11.2%"
    governing = {trigger, trigger.head} | ({trigger.head.head} if trigger.head.dep_ == "prep" else set()) \
        | ({verb} if (verb := _clause_verb(trigger)) is not None else set())
    for prep in (c for h in governing for c in h.children if c.dep_ in {"prep", "acl", "advcl"}
                 and c.lower_ in {"excluding", "except", "excl."} and any(o.dep_ in {"pobj", "dobj"} for o in c.children)):
        return None, " ".join(t.lower_ for t in prep.subtree if t.i >= prep.i and not t.is_punct and t.tag_ != "DT")
    # ("Garment and textile exports", misparsed as "garment" and "textile exports"; "jute, leather and tea
    # exports", the trade word coordinated with the first goods)
    first = _first_goods_noun_coordinated_with(trigger) or (trigger.head if trigger.dep_ == "conj" else None)
    if modifiers and first is not None and first.i < trigger.i and first.pos_ in {"NOUN", "PROPN"} and not _trade_kind(first) \
            and first.i not in ctx.country_at and all(t.lower_ in {"and", "or", ","} or t.dep_ in {"conj", "compound", "amod"}
                                                      and t.pos_ in {"NOUN", "ADJ", "PROPN"} and t.i not in ctx.country_at
                                                      for t in ctx.doc[first.i + 1: min(c.left_edge.i for c in modifiers)]):
        # the coordinated modifiers together name the goods
        phrases.append(ctx.doc[min([first.i] + [c.left_edge.i for c in first.children
                                                if c.dep_ in {"compound", "amod", "nmod"} and c.i < first.i]): trigger.i])
    if len(modifiers) > 1:   # "iron ore imports": the modifiers together name the goods
        phrases.append(ctx.doc[min(c.left_edge.i for c in modifiers): trigger.i])
    for child in modifiers:
        # (with the goods coordinated with it: "garment and textile exports")
        phrases.append(ctx.doc[child.left_edge.i: max([child.i] + [c.i for c in child.conjuncts if child.i < c.i < trigger.i]) + 1])
    # ("Sales abroad of avocados": the parser hangs the 'of' phrase on the adverb)
    for child in [*trigger.children, *(p for a in trigger.children if a.dep_ == "advmod" and a.i == trigger.i + 1
                                       for p in a.children if p.dep_ == "prep" and p.lower_ == "of")]:
        if child.dep_ == "prep" and child.lower_ == "of":
            # (not the owner: "the foreign trade of China's northwestern Gansu Province"; nor a kind of
            # firm, a segment: "the trade of foreign-funded enterprises", see _segment_of)
            # ("of the furniture sector" still names goods)
            phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in child.children if c.dep_ == "pobj"
                        and ctx.country_at.get(c.i) in (None, WORLD) and c.lemma_.lower() not in _kinds_of_firm()]
        if child.dep_ == "prep" and child.lower_ == "in" and trigger.pos_ in {"NOUN", "PROPN"} and trigger.lower_ == "trade":
            # "Trade in agricultural products between Brazil and China": what the trade is in
            # (not its time, its place or its terms: "trade in May", "in yuan terms")
            # ("trade in goods and services": with the goods coordinated with it)
            phrases += [ctx.doc[c.left_edge.i: max([c.i] + [k.i for k in c.conjuncts]) + 1] for c in child.children
                        if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _lexicon_words("not_goods_after_in")]
    earned = trigger.head if trigger.dep_ in {"compound", "amod"} and trigger.head.lemma_.lower() in _lexicon_words("revenue_nouns") \
        else trigger if trigger.lower_ in _lexicon_words("revenue_nouns") else None
    if earned is not None:
        # "export earnings from spices", "export revenue of coffee", "earnings from footwear": what was
        # earned on (a state there is the buyer, and names no goods)
        phrases += [ctx.doc[o.left_edge.i: o.right_edge.i + 1] for p in earned.children
                    if p.dep_ == "prep" and p.lower_ in {"from", "of"} for o in p.children if o.dep_ == "pobj"]
        if earned != trigger:
            # "apparel export earnings": the earnings noun's own modifier before the trade word
            phrases += [ctx.doc[c.left_edge.i: c.i + 1] for c in earned.children
                        if c.dep_ in {"compound", "amod", "nmod"} and c.i < trigger.i and c != trigger
                        and c.i not in ctx.country_at]
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN":
        # "supplies of crude from Russia delivered to China": the noun a trade participle modifies
        # names the goods
        for of in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "of"):
            phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in of.children if c.dep_ == "pobj"]
    # "imports from China of rice": the parser hangs the goods on the partner
    # (not on "all" in "exports to all of Asia": the 'of' phrase is then the partner itself)
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"from", "to"}):
        for partner in (c for c in prep.children if c.dep_ == "pobj" and c.i in ctx.country_at):
            for of in (c for c in partner.children if c.dep_ == "prep" and c.lower_ == "of"):
                phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in of.children if c.dep_ == "pobj"]
    if trigger.pos_ == "VERB" and trigger.tag_ in {"VBN", "VBD"} and trigger.i + 1 < len(ctx.doc) \
            and ctx.doc[trigger.i + 1].lemma_.lower() in _lexicon_words("item_value_verbs"):
        # "Cocoa beans exported amounted to $1.2 billion": a participle read as the verb, its subject
        # the goods that were traded
        phrases += [ctx.doc[c.left_edge.i: c.i + 1] for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and c.pos_ == "NOUN" and c.i not in ctx.country_at]
    for child in trigger.children:   # "imported $X worth of coal": the goods hang on the object
        if child.dep_ in {"dobj", "attr"}:
            for c in child.subtree:
                if c.dep_ == "pobj" and c.head.lower_ == "of":
                    phrases.append(ctx.doc[c.left_edge.i: c.right_edge.i + 1])
            # "bought 16 ventilators": the object itself, when it is goods and not the figure
            if child.pos_ == "NOUN" and not child.like_num and child.ent_type_ not in {"MONEY", "CARDINAL", "QUANTITY"}:
                phrases.append(ctx.doc[child.left_edge.i: child.i + 1])
    # "Mongolia's main export to China, coal, fell 18%": the apposition names the goods (the
    # parser often hangs it on the partner); only goods the table knows, "China, its largest
    # partner," is no goods
    appositions = [c for c in trigger.children if c.dep_ == "appos"] + [
        a for prep in trigger.children if prep.dep_ == "prep" for o in prep.children if o.dep_ == "pobj"
        for a in o.children if a.dep_ == "appos"]
    for a in appositions:
        words = " ".join(t.lower_ for t in ctx.doc[a.left_edge.i: a.right_edge.i + 1] if not t.is_punct)
        code = _goods_code(words, whole=True)
        if code is not None:
            return code, words
    # "the foreign-invested sector's exports", "private firms' imports": a sector's part of the
    # flow, as "exports of the FDI sector" names it, not the nation's total
    for owner in (c for c in trigger.children if c.dep_ == "poss" and c.lemma_.lower() in _firm_nouns()):
        phrase = _modifiers_of(owner, ctx) or ctx.doc[owner.i: owner.i + 1]
        goods = _goods_of_phrase(phrase, ctx)
        if goods in (None, _ALL_GOODS) or owner.lemma_.lower() in _kinds_of_firm():
            # (a kind of firm is a segment whatever its words: "private enterprises' imports")
            # ("the foreign-invested sector": no goods, still a part of the flow, written as it is)
            return None, " ".join(t.lower_ for t in ctx.doc[phrase.start: owner.i + 1] if not t.is_punct)
        return goods
    # "The textile industry booked exports of $4.2 billion": the industry a clause's subject
    # names is the goods of the trade noun it books
    clause = trigger.head if trigger.dep_ in {"dobj", "attr"} else None
    if clause is not None and clause.pos_ in {"VERB", "AUX"}:
        for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                        and c.lemma_.lower() in _lexicon_words("sector_nouns")):
            modifiers = _modifiers_of(subject, ctx)
            if modifiers is not None:
                phrases.append(modifiers)
    # "exports from the automotive industry": the industry the trade word's own 'from' phrase names
    # (an 'of' phrase names its goods with the sector noun: "exports of the furniture sector")
    for sector in (o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                   if o.dep_ == "pobj" and o.lemma_.lower() in _lexicon_words("sector_nouns")):
        modifiers = _modifiers_of(sector, ctx)
        if modifiers is not None and not any(t.lower_ in _lexicon_words("ownership_modifiers") for t in modifiers):
            phrases.insert(0, modifiers)   # (not "the private sector": who owns the firms)
    # "Fertilizer accounted for the biggest share of its imports", "Coal made up the bulk of
    # exports": the subject of a clause about a part of the flow names the goods; "Its largest
    # import was fertilizer": so does what a ranked flow is said to be
    phrases += _goods_of_share(trigger, ctx)
    # "designer handbags imported from France", "all exported semiconductors": a participle's
    # noun is what was traded
    if trigger.dep_ in {"acl", "relcl"} and trigger.head.pos_ == "NOUN" or (
            trigger.dep_ == "amod" and trigger.tag_ in {"VBN", "VBD"} and trigger.head.pos_ == "NOUN"):
        head = trigger.head
        phrases.append(ctx.doc[head.left_edge.i: head.i + 1])
    # "the export value of these cosmetics": the goods of the noun the trade word qualifies
    if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" and trigger.head.lemma_.lower() in {"value", "volume"}:
        # "agricultural export value", "rice export volume": the goods modify the noun the trade word qualifies
        phrases += [ctx.doc[c.left_edge.i: c.i + 1] for c in trigger.head.children
                    if c.dep_ in {"amod", "compound", "nmod"} and c.i < trigger.i]
    if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN":
        for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "of"):
            phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in prep.children if c.dep_ == "pobj"]
    for phrase in phrases:
        goods = _goods_of_phrase(phrase, ctx)
        if goods is not None and goods != _ALL_GOODS:
            return goods
    return None, None


_ALL_GOODS = (None, None)


def _regime_in(span: Span) -> str | None:
    """The customs regime (trade_lexicon.json ``trade_regimes``) a phrase names, if any; "cross-border
    trade" is all the trade across a border, no regime."""
    text = doc_text(span.doc)[max(0, span.start_char - 1): span.end_char].lower()   # (with the character before it)
    return next((regime for regime, pattern in _regime_patterns() if pattern.search(text)), None)


@cache
def _regime_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each regime of the table with its pattern (a whole phrase not glued to a hyphen), longest first:
    "processing and assembly trade" before "processing trade"."""
    regimes = sorted(_lexicon_words("trade_regimes"), key=lambda r: (-len(r), r))
    return tuple((r, re.compile(rf"(?<![\w-]){re.escape(r)}\b")) for r in regimes)


def _is_a_segment(words: str | None) -> bool:
    """Goods words that name a segment of a breakdown (what :func:`_segment_of` returns): a customs
    regime or a kind of firm; or the whole flow but a kind it leaves out ("non-oil")."""
    if words and words.startswith("non "):
        return True   # "non-oil exports", "non-energy imports": the flow but a kind, set apart by what it leaves out
    if words in ("re-exports", "re-imports"):
        return True   # the goods that only pass through the reporter
    if not words or " " not in words:
        return False   # (a kind of firm is set apart by a word: "the sector's exports" points back to goods)
    last = words.split()[-1]
    singular = {last, last[:-1], last[:-2], last[:-3] + "y"}   # (firms, businesses, companies)
    return words in _lexicon_words("trade_regimes") or bool(singular & _lexicon_words("trading_entities"))


def _segment_of(trigger: Token, amount_span: Span, ctx: "_Context") -> str | None:
    """The words of the segment of a flow a statistics breakdown reports, when the trade word's phrase or
    clause names one: a customs regime ('exports in general trade', 'processing trade', 'imports under
    bonded logistics'; trade_lexicon.json ``trade_regimes``) or a kind of firm with what sets it apart
    ('exports by state-owned enterprises', 'Foreign-invested enterprises exported goods worth ...',
    'private businesses posted trade growth of ...'; ``trading_entities``)."""
    entities = _lexicon_words("trading_entities")

    def words(span: Span) -> str:
        kept = [t for t in span if t.tag_ not in {"DT", "POS"} and t.dep_ != "poss" and t.text not in {",", "(", ")"}]
        return "".join(t.text_with_ws for t in kept).strip().lower()

    def described_entity(noun: Token) -> str | None:
        # (a kind of firm set apart by what it is: "private", "foreign-invested", "FDI"; not "firms" alone)
        if noun.lemma_.lower() not in entities or not any(c.dep_ in {"amod", "compound"} and c.i < noun.i
                                                          and c.ent_type_ not in {"NORP", "GPE"} for c in noun.children):
            return None   # ("Chinese firms", "South Korean exporters": the nation's trade)
        phrase = ctx.doc[noun.left_edge.i: noun.i + 1]
        if any(t.dep_ == "cc" for t in phrase) or any(c.lemma_.lower() in entities for c in noun.conjuncts):
            return None   # ("domestic and foreign-invested enterprises ..., respectively": one segment each)
        if noun.lemma_.lower() in _lexicon_words("sector_nouns") and _goods_of_phrase(ctx.doc[phrase.start: noun.i], ctx) \
                not in (None, _ALL_GOODS):
            return None   # ("the semiconductor sector": goods, read as such)
        return words(phrase)

    start = min([trigger.i] + [c.left_edge.i for c in trigger.children if c.dep_ in {"compound", "amod"} and c.i < trigger.i])
    found = _regime_in(ctx.doc[start: trigger.i + 1])
    if found is not None:
        return found   # "general trade exports", "the processing trade"
    # (and of the value noun it qualifies: "the trade volume from private enterprises")
    for prep in (c for h in _with_the_noun_it_qualifies(trigger) for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "under", "by", "between", "of", "from"}):
        for o in (c for c in prep.children if c.dep_ == "pobj"):
            # ("trade between China's private firms and the EU", "trade of foreign-invested firms": that kind's)
            found = (_regime_in(ctx.doc[o.left_edge.i: o.right_edge.i + 1]) if prep.lower_ in {"in", "under", "by"}
                     else None) or (described_entity(o) if prep.lower_ in {"by", "between", "of", "from"} else None)
            if found is not None:
                return found
    # the subject of the figure's own clause ("..., while foreign-invested firms booked 1.9 trillion
    # yuan"), else of the trade word's (or, for "including $X in exports", of the clause that participle
    # hangs on)
    own = _clause_verb(amount_span.root)
    if own is not None:
        found = next((e for c in own.children if c.dep_ in {"nsubj", "nsubjpass"} for e in [described_entity(c)] if e), None)
        if found is not None:
            return found
    verb = _clause_verb(trigger)
    for _ in range(2):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects:
            found = described_entity(subject) or (_regime_in(ctx.doc[subject.left_edge.i: subject.i + 1])
                                                  if subject.lemma_.lower() == "trade" else None)
            if found is not None:
                return found
        # ("state-owned firms saw their combined import and export value reach 310 billion yuan": the
        # trade's own 'their' points to the subject of the clause the trade's clause completes)
        pointed = subjects and all(any(c.dep_ == "poss" and c.lower_ in {"their", "its"} for c in subject.children)
                                   and subject in _with_the_noun_it_qualifies(trigger) + [trigger.head] for subject in subjects)
        if subjects and not pointed or verb.head is verb:
            break
        verb = _clause_verb(verb.head)
    return None


_POINTING_BACK = frozenset({"such", "these", "those", "the same"})


def _goods_of_a_demonstrative(amount_span: Span, trigger: Token | None, subject: Token | None,
                              ctx: "_Context") -> tuple[str | None, str | None] | None:
    """'coal shipments slipped 2%, with those of zinc ore tumbling 48%': the same flow of the goods
    the demonstrative's 'of' names. The demonstrative is the figure's clause ``subject``, or the
    pronoun whose phrase holds the figure (the sentence parses either way); None when it names none."""
    after = trigger.i + 1 if trigger is not None else amount_span.sent.start   # (no trade word: the flow just told)
    demonstrative = subject or next(
        (t for t in reversed(ctx.doc[after: amount_span.start]) if t.lower_ in {"those", "that"}
         and t.left_edge.i <= amount_span.start and amount_span.end - 1 <= t.right_edge.i), None) or next(
        # ("a 3.5% increase in those of capital equipment": what the change noun the figure sizes is in)
        (o for p in amount_span.root.head.children if amount_span.root.dep_ in {"nummod", "compound", "amod", "quantmod"}
         and _is_change_word(amount_span.root.head) and p.dep_ == "prep" and p.lower_ == "in"
         for o in p.children if o.dep_ == "pobj" and o.lower_ in {"those", "that"}), None)
    if demonstrative is None or demonstrative.i < after:
        return None
    return next((g for p in demonstrative.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"
                 for g in [_goods_of_phrase(ctx.doc[o.left_edge.i: o.right_edge.i + 1], ctx)]
                 if g not in (None, _ALL_GOODS)), None)


def _goods_pointing_back(trigger: Token, ctx: "_Context") -> Span | None:
    """The goods phrase of a trade word that refers back to goods named before instead of naming
    them ('trade in such goods', 'the export value of these products'), if any."""
    for noun in _with_the_noun_it_qualifies(trigger):
        # ("exports under this category", "exports in this line")
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "under"}):
            for o in (c for c in of.children if c.dep_ == "pobj"):
                phrase = ctx.doc[o.left_edge.i: o.i + 1]
                if _points_back(phrase) and (_goods_of_phrase(phrase, ctx) == _ALL_GOODS
                                             or o.lemma_.lower() in _GOODS_CLASS_NOUNS):
                    return phrase
    return None


def _points_back(phrase: Span) -> bool:
    """'such goods', 'these products', 'those items', 'this category', 'that product': a
    description of goods that refers back to goods named before (a singular one only by a noun of
    a class of goods)."""
    first = phrase[0].lower_ if len(phrase) else ""
    if first in {"this", "that"} and phrase.root.lemma_.lower() in _GOODS_CLASS_NOUNS:
        return True
    return first in _POINTING_BACK or (len(phrase) > 1 and f"{first} {phrase[1].lower_}" in _POINTING_BACK)


def _goods_named_before(phrase: Span, ctx: "_Context") -> tuple[str | None, str | None] | None:
    """The goods the sentence before names as its subject ('Metals, led by copper, made up most
    of that trade'), which a description pointing back refers to."""
    index = ctx.sentence_of(phrase.start_char)
    if index == 0:
        return None
    before = ctx.sents[index - 1]
    for subject in (c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}):
        goods = _goods_of_phrase(ctx.doc[subject.left_edge.i: subject.right_edge.i + 1], ctx)
        if goods is not None and goods != _ALL_GOODS:
            return goods
    return None


def _modifiers_of(noun: Token, ctx: "_Context") -> Span | None:
    """The words before a noun that modify it ('the textile industry': 'textile'), or None."""
    modifiers = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i]
    return ctx.doc[min(c.left_edge.i for c in modifiers): noun.i] if modifiers else None


def _wire_tag(t: Token) -> bool:
    """'(LEAD)', '(URGENT)': a wire service's tag on a story's version, in capitals between brackets."""
    doc = t.doc
    return t.is_upper and len(t) > 1 and 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"


# "optical instruments (HS 903141)", "(HS code 8542)": the code the copy writes for its goods
_WRITTEN_HS_CODE = re.compile(r"\(\s*HS(?:\s+code)?\s*:?\s*(\d{2,10})\s*\)")


def _names_goods(trigger: Token, ctx: "_Context") -> bool:
    """The trade word names goods of its own, all goods too ("exports of goods", "merchandise
    exports"); "March exports" and "U.S. exports" name none."""
    phrases = [ctx.doc[c.left_edge.i: c.i + 1] for c in trigger.children
               if c.dep_ in {"compound", "amod", "nmod"} and c.i < trigger.i]
    phrases += [ctx.doc[o.left_edge.i: o.right_edge.i + 1] for p in trigger.children
                if p.dep_ == "prep" and p.lower_ in {"of", "in"} for o in p.children if o.dep_ == "pobj"]
    if trigger.dep_ in {"compound", "amod"}:
        # "iron ore export quantities": the goods modify the noun the trade word does
        phrases += [ctx.doc[c.left_edge.i: c.i + 1] for c in trigger.head.children
                    if c.dep_ in {"compound", "amod", "nmod"} and c.i < trigger.i]
    return any(_goods_of_phrase(phrase, ctx) is not None for phrase in phrases)


def _goods_of_a_balance(balance: Token, ctx: "_Context") -> tuple[str | None, str | None] | None:
    """What a balance is of, read from its modifiers or its 'in'/'on' phrase: (None, 'goods and
    services') for "the goods and services deficit", "the deficit in goods and services";
    ``_ALL_GOODS`` for "the goods deficit"; None when its words name nothing ("the trade gap")."""
    modifiers = [c for c in balance.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < balance.i]
    phrases = [ctx.doc[min(c.left_edge.i for c in modifiers): balance.i]] if modifiers else []
    # (the parser may hang the 'in' phrase on the verb: "put the deficit in goods and services at ...")
    around = list(balance.children) + (list(balance.head.children) if balance.dep_ in {"dobj", "nsubj", "nsubjpass"} else [])
    phrases += [ctx.doc[o.left_edge.i: o.right_edge.i + 1] for p in around if p.dep_ == "prep" and p.lower_ in {"in", "on"}
                for o in p.children if o.dep_ == "pobj"]
    found = []
    for phrase in phrases:
        goods = _goods_of_phrase(phrase, ctx)
        if goods == (None, SERVICES_AGGREGATES[0]) and not any(t.lower_ == "goods" for t in phrase):
            goods = (None, " ".join(t.lower_ for t in phrase if not t.is_punct))   # ("trade-and-services": as written)
        if goods is not None:
            found.append(goods)
    # (the words that name something beat the generic ones: "the trade gap in goods and services")
    return next((g for g in found if g != _ALL_GOODS), found[0] if found else None)


@cache
def _kinds_of_firm() -> frozenset[str]:
    """Kinds of firm, not sectors (trading_entities but sector_nouns): a segment of a flow, never goods."""
    return _lexicon_words("trading_entities") - _lexicon_words("sector_nouns")


@cache
def _firm_nouns() -> frozenset[str]:
    """Kinds of firm and sectors (trading_entities, sector_nouns), read once."""
    return _lexicon_words("trading_entities") | _lexicon_words("sector_nouns")


def _of_a_partner_noun(token: Token) -> bool:
    """'partners', 'markets', 'countries' and their modifiers ('trading partners'): a noun of
    partners names who trades, never goods."""
    nouns = _lexicon_words("partner_group_nouns")
    # (a partner noun heads its phrase: "state enterprises" are firms, their "state" no partner)
    head = token.dep_ not in {"compound", "amod", "nmod"} or token.head.lemma_.lower() in nouns
    # (nor a word of a hyphenated modifier: "State-owned enterprises")
    hyphened = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-" and not token.doc[token.i].whitespace_
    return token.lemma_.lower() in nouns and head and not hyphened or (
        token.dep_ in {"compound", "amod", "nmod"} and token.head.lemma_.lower() in nouns and token.head.i in range(token.i + 1, token.i + 3))


def _goods_of_phrase(phrase: Span, ctx: "_Context") -> tuple[str | None, str | None] | None:
    """The goods a phrase names, as (HS code, words); ``_ALL_GOODS`` for 'goods', 'products' and
    the like; None when it names nothing (only states, periods, figures or determiners)."""
    lex = _lexicon()
    generic = set(lex["generic_goods"])
    # "grains such as wheat flour and rice": the examples are not all the goods
    cut = next((t.i for t in phrase if t.lower_ in _lexicon_words("example_markers") or (
        t.lower_ == "such" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "as")), None)
    if cut is not None and cut > phrase.start:
        phrase = phrase.doc[phrase.start: cut]
    # ("overseas shipments"; "generating $1.1 billion in earnings": what was earned is no goods)
    skip = set(lex["non_commodity_modifiers"]) | set(lex["world_modifiers"]["words"]) | _lexicon_words("revenue_nouns")
    # (a participle of a kind of firm or sector is no goods: "the foreign-invested sector")
    firms = _firm_nouns()
    words = [t for t in phrase if not t.is_punct and t.i not in ctx.country_at and t.i not in ctx.pair_at
             and not t.like_num
             and t.i not in ctx.period_tokens and t.i not in ctx.amount_tokens
             and (t.lower_ not in skip or _a_report_noun_naming_goods(t, phrase, skip))
             and (t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.pos_ == "VERB" and (t.dep_ == "compound"   # ("display items")
                                                                           or t.dep_ == "amod" and t.tag_ == "VBN"   # ("manufactured goods")
                                                                           and t.head.lemma_.lower() not in firms))
             and t.tag_ != "JJS" and not _trade_kind(t)
             and not _is_change_word(t)   # "$3 million of goods, a 71% drop": no goods "drop"
             and not _wire_tag(t) and t.i not in ctx.dateline_words   # ("ANKARA - Exports rose")
             and not _of_a_partner_noun(t)   # ("its top three trading partners": who, not what)
             and not (t.lower_ == "bound" and t.i > 0 and t.doc[t.i - 1].text == "-")]   # ("US-bound": where to)
    written = _WRITTEN_HS_CODE.search(ctx.text, phrase.start_char, min(len(ctx.text), phrase.end_char + 24))
    if written is not None:
        words = [t for t in words if not written.start() <= t.idx < written.end()]
    if not words:
        return None
    text = " ".join(t.lower_ for t in words)
    if written is not None:
        return written.group(1), text   # the copy's own code beats the table's guess from the words
    # "rice, flour, soybeans and other staples": a list of goods of different HS chapters is no one
    # heading ("wigs and false eyelashes", one chapter, keep theirs)
    listed = {code[:2] for t in words if any(c.dep_ == "conj" for c in t.children) or t.dep_ == "conj"
              for code in [_goods_code(t.lower_, whole=True) or _goods_code(t.lemma_.lower(), whole=True)] if code}
    if len(listed) > 1:
        return None, text
    # the table names goods in the number copy writes most ("wigs", "ship exports"); the other
    # number is the same goods
    code = _goods_code(text) or _goods_code(" ".join(t.lemma_.lower() for t in words)) \
        or _goods_code(" ".join(t.lower_ + "s" if i == len(words) - 1 and t.tag_ == "NN" else t.lower_
                                for i, t in enumerate(words)))
    if code is not None:
        return code, text
    if any(t.lemma_.lower() == "service" for t in words) \
            and all(t.lower_ in generic or t.lemma_.lower() in generic | {"service"} for t in words):
        # "services exports", "trade in goods and services": not the merchandise customs count, so
        # no figure of all goods (and never checked against one)
        return None, SERVICES_AGGREGATES[0 if any(t.lemma_.lower() != "service" for t in words) else 1]
    if all(t.lower_ in generic or t.lemma_.lower() in generic for t in words):
        return _ALL_GOODS
    return None, text


def _a_report_noun_naming_goods(t: Token, phrase: Span, skip: set[str]) -> bool:
    """'automatic data processing equipment': a noun of reports ('data') compounded onto a later noun
    of the phrase is part of the goods' name where the goods table knows the name with it (the skip
    list has it for 'customs data showed', 'preliminary data show')."""
    return t.lower_ in _lexicon_words("report_nouns") and t.dep_ == "compound" \
        and phrase.start <= t.head.i < phrase.end and t.head.i > t.i and t.head.pos_ == "NOUN" \
        and t.head.lower_ not in skip and not _trade_kind(t.head) \
        and _goods_code(" ".join(w.lower_ for w in t.doc[t.i: phrase.end])) is not None


def _goods_of_amount(amount_span: Span, ctx: "_Context") -> tuple[str | None, str | None] | None:
    """'including $20 million of wigs', '$9 million worth of rice': the goods a figure is of,
    named right after it; they are that figure's, whatever the trade word's goods are."""
    doc, i = ctx.doc, amount_span.end
    # "12,300 blood-pressure monitors": a count's own noun is what was counted (not "38,000 boxes of
    # surgical gloves", whose goods come after "of")
    counted = [t for t in amount_span if t.pos_ == "NOUN" and not t.like_num and t.i not in ctx.amount_tokens]
    if counted and not (i < len(doc) and doc[i].lower_ == "of"):
        # the counted noun with its modifiers, when they are inside the figure's span
        first = counted[0].left_edge.i if counted[0].left_edge.i >= amount_span.start else counted[0].i
        goods = _goods_of_phrase(doc[first: counted[-1].i + 1], ctx)
        if goods not in (None, _ALL_GOODS):
            return goods
    if i < len(doc) and doc[i].lower_ == "worth":
        i += 1
    root = amount_span.root
    # "$2.1 million in zinc and lead": an "in" phrase hung on the figure names its goods
    if i < len(doc) and (doc[i].lower_ == "of" or doc[i].lower_ == "in" and amount_span.start <= doc[i].head.i < amount_span.end):
        objects = [c for c in doc[i].children if c.dep_ == "pobj"
                   # not "tripled in 2022, when the ports reopened", "$1 billion in FY22"
                   and (doc[i].lower_ == "of" or c.pos_ == "NOUN" and c.i not in ctx.period_tokens
                        and c.lemma_.lower() not in _lexicon()["tariff_nouns"]["words"])]   # "$360 billion in tariffs"
        phrase = doc[objects[0].left_edge.i: objects[0].right_edge.i + 1] if objects else None
    elif (bracket := _figures_bracket(amount_span, ctx)) is not None:
        # "followed by footwear ($2.1 billion) and furniture ($900 million)", "machinery (12.4 million
        # USD, 8.1% growth)": the goods a bracket of figures is written after
        noun = doc[bracket - 1]
        start = noun.i   # back over the item's coordinated nouns ("textiles and garments ($8 billion)")
        while start - 1 >= 0 and (doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[start - 1].lower_ == "and") \
                and start - 1 not in ctx.amount_tokens and start - 1 not in ctx.country_at:
            start -= 1
        phrase = doc[start: noun.i + 1]
    elif amount_span.start >= 2 and doc[amount_span.start - 1].lower_ == "with" and doc[amount_span.start - 2].pos_ == "NOUN" \
            and doc[amount_span.start - 2].lemma_.lower() not in set(_lexicon()["ranked_nouns"]["words"]) | {"top", "lead", "list"}:
        # "trailed by barley with 930 tons", "oats at the top with 1,320 tons": the noun the
        # figure is given with
        noun = doc[amount_span.start - 2]
        phrase = doc[noun.left_edge.i: noun.i + 1]
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in set(_lexicon()["share_nouns"]["words"]):
        # "Of the imports, wheat took up the largest share of 1,140 tons": the clause's subject
        verb = _clause_verb(root.head.head)
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb is not None else []
        phrase = doc[subjects[0].left_edge.i: subjects[0].i + 1] if subjects else None
    else:
        phrase = _goods_before_worth_or_which(amount_span, ctx) or _goods_a_participle_values(amount_span, ctx)
    goods = _goods_of_phrase(phrase, ctx) if phrase is not None else None
    return goods if goods not in (None, _ALL_GOODS) else None


def _goods_a_participle_values(amount_span: Span, ctx: "_Context") -> Span | None:
    """'imports were mostly machinery valued at $3.2 billion, followed by fuels valued at $1.1
    billion', 'rice totalling 2 million tonnes': the noun a valuing participle (data:
    valuing_participles) hangs the figure on, when that noun is no trade word, state or period."""
    root = amount_span.root
    if root.dep_ == "pobj" and root.head.lower_ in {"at", "to"}:
        verb = root.head.head
    elif root.dep_ == "dobj":
        verb = root.head
    else:
        return None
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBG"} or verb.lemma_.lower() not in _lexicon_words("valuing_participles"):
        return None
    noun = verb.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in ctx.country_at or noun.i in ctx.amount_tokens \
            or noun.i in ctx.period_tokens or _trade_kind(noun) or noun.lemma_.lower() in _lexicon_words("share_nouns"):
        return None   # (nor a part: "a 21% share (valued at $21.7bn) of its trade")
    start = noun.i   # back over its modifiers and the nouns coordinated with it ("iron and steel")
    while start - 1 >= 0 and (ctx.doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} or ctx.doc[start - 1].lower_ == "and") \
            and start - 1 not in ctx.amount_tokens and start - 1 not in ctx.country_at and start - 1 not in ctx.period_tokens:
        start -= 1
    return ctx.doc[start: noun.i + 1]


def _figures_bracket(amount_span: Span, ctx: "_Context") -> int | None:
    """The index of the '(' that opens a bracket of figures holding the amount ('footwear ($2.1
    billion)', 'machinery (12.4 million USD, 8.1% growth)'), written right after a noun that is no
    state, trade word, period or figure; None otherwise."""
    doc = ctx.doc
    k = _bracket_opening(amount_span, ctx, lambda i: i in ctx.amount_tokens or doc[i].text in {",", "%"} or doc[i].like_num
                         or _is_change_word(doc[i]) or doc[i].lower_ in {"up", "down"})
    if k is None:
        return None
    noun = doc[k - 1]
    if not _an_item(noun) or noun.i in ctx.country_at or noun.i in ctx.amount_tokens or noun.i in ctx.period_tokens \
            or _trade_kind(noun):
        return None
    # a list of such items, or a ranking ("followed by footwear ($2.1 billion)"); not one figure said
    # again in brackets ("fell by a wide margin ($22 million)")
    sent = ctx.sent_of(amount_span[0])
    items = sum(1 for t in sent if t.text == "(" and t.i > sent.start and _an_item(doc[t.i - 1])
                and t.i + 1 < sent.end and (t.i + 1 in ctx.amount_tokens or doc[t.i + 1].like_num
                                            or doc[t.i + 1].lower_ in {"up", "down"}))
    if items < 2 and not any(t.lower_ == "followed" for t in doc[sent.start: amount_span.start]):
        return None
    return k


def _an_item(noun: Token) -> bool:
    """A bare noun as lists of goods write them: no article or number ('a wide margin', '95 million
    soles' are a figure said again)."""
    return noun.pos_ == "NOUN" and not any(c.dep_ in {"det", "nummod"} for c in noun.children) \
        and not (noun.i > 0 and noun.doc[noun.i - 1].like_num)


def _goods_before_worth_or_which(amount_span: Span, ctx: "_Context") -> Span | None:
    """'wigs and false eyelashes, worth $18 million', 'ferroalloys, which brought in $6 million':
    the noun phrase right before the 'worth' or 'which' that opens the figure's phrase (read by
    position: the parser often hangs such a phrase on another noun)."""
    doc = ctx.doc
    sent = ctx.sent_of(amount_span[0])
    # the nearest: "steel products worth $125,310 and copper worth $131,877"
    opener = next((t for t in reversed(doc[max(sent.start, amount_span.start - 6): amount_span.start])
                   if t.lower_ in {"worth", "which", "that", "whose"}), None)
    if opener is None or any(t.pos_ in {"VERB", "AUX"} and t.lower_ != "worth" and t.dep_ not in {"relcl"}
                             for t in doc[opener.i + 1: amount_span.start] if opener.lower_ == "worth"):
        return None
    if opener.lower_ in {"that", "which"} and opener.dep_ == "mark":
        return None   # "a spokesman told reporters that imports fell": a clause, not a relative
    k = opener.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].pos_ not in {"NOUN", "PROPN"} or k in ctx.amount_tokens:
        return None
    # back over the coordinated nouns and their modifiers ("wigs and false eyelashes")
    start = k
    while start - 1 >= sent.start and start - 1 not in ctx.amount_tokens \
            and start - 1 not in ctx.period_tokens and (
            doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[start - 1].lower_ in {"and", ","}):
        start -= 1
    return doc[start: k + 1]


def _goods_of_share(trigger: Token, ctx: "_Context") -> list[Span]:
    """The goods a part of a flow is ('Coal made up the largest part of its exports', 'Rubber
    represented 40 percent of exports') or a ranked flow is ('Its largest import was fertilizer'):
    the clause's subject or the copula's complement ('Wigs were its largest export' too), as
    phrases for :func:`_commodity` to read."""
    share_nouns = set(_lexicon()["share_nouns"]["words"])
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and (
            head.head.lemma_.lower() in share_nouns or head.head.lower_ in share_nouns
            or head.head.i in ctx.amount_tokens):   # "Rice made up 4,600 tonnes of these imports"
        verb = _clause_verb(head.head)
        if verb is None or verb.lemma_.lower() == "be":
            return []   # "the bulk of exports was coal" reads as a copula below, if at all
        return [ctx.doc[c.left_edge.i: c.i + 1] for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    ranking = set(_lexicon()["ranking_modifiers"]["words"])
    if trigger.dep_ in {"compound", "amod", "nmod"} and head.lemma_.lower() in {"item", "product", "commodity", "earner"}:
        # "The country's biggest export item was zinc": the ranked noun the trade word qualifies
        trigger, head = head, head.head
    ranked = any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ranking) for c in trigger.children)
    if ranked and trigger.dep_ == "nsubj" and head.lemma_.lower() == "be":
        return [ctx.doc[c.left_edge.i: c.i + 1] for c in head.children if c.dep_ == "attr"]
    if ranked and trigger.dep_ == "attr" and head.lemma_.lower() in {"be", "remain", "become"}:
        # "Wigs and false eyelashes were Laos's largest export to Vietnam": the subject, whole
        return [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return []


def _goods_of_producers(trigger: Token, ctx: "_Context") -> tuple[str, str] | None:
    """'Taiwan's chip rivals, Japan and China, set export records', 'the
    semiconductor industry has enjoyed a 50 percent increase in exports': the goods the clause's
    subject makes or trades (goods the table knows)."""
    lex = _lexicon()
    producers = set(lex["producer_nouns"]["words"])
    verb = _clause_verb(trigger)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
    if subject is None or subject.lemma_.lower() not in producers:
        return None
    modifiers = [c for c in subject.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < subject.i]
    if not modifiers:
        return None
    words = " ".join(t.lower_ for t in ctx.doc[min(m.left_edge.i for m in modifiers): subject.i]
                     if not t.is_punct and t.dep_ not in {"poss", "case", "det"} and t.i not in ctx.country_at)
    code = _goods_code(words)
    return (code, words) if code is not None else None


def _goods_of_clause(amount_span: Span, ctx: "_Context") -> tuple[str, str] | None:
    """'..., while for wheat they came to 5,000 tonnes': goods named with 'for' in the figure's
    own clause, whose subject stands for the trade of the clause before (goods the table knows)."""
    verb = _clause_verb(amount_span.root)
    if verb is None or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = " ".join(t.lower_ for t in ctx.doc[obj.left_edge.i: obj.i + 1] if not t.is_punct)
            code = _goods_code(words, whole=True)
            if code is not None:
                return code, words
    return None


def _goods_subject(amount_span: Span, ctx: "_Context", containing: Token | None = None) -> tuple[str, str] | None:
    """'Semiconductors totaled $15 billion, surging 30%, while machinery fell 4% to $3 billion': goods
    the table knows as the subject of the figure's clause (a participle's, its main clause's), with
    no trade word -- a breakdown of the flow the story just told, item by item. With ``containing``:
    only a subject whose phrase holds that trade word ("Crude oil, the largest item of shipments to
    Japan, slid 14%": the goods are the subject's, the trade word is in its apposition)."""
    verb = _clause_verb(amount_span.root)
    while verb is not None and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
            and verb.dep_ in {"advcl", "xcomp", "acl", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head   # "..., surging 30 percent": the subject of the clause it adds to
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or subject.i in ctx.country_at or _trade_kind(subject):
        return None
    if containing is not None and not (containing in subject.subtree and containing.i > subject.i
                                       and any(a.dep_ in {"appos", "relcl"} for a in containing.ancestors
                                               if a in subject.subtree)):
        # (the trade word in an apposition or a relative clause of the subject: "Tea, which accounts for
        # 40 percent of total exports, earned $300 million")
        return None
    if containing is not None and verb.lemma_.lower() == "be" and subject.lemma_.lower() in _GOODS_CLASS_NOUNS | {"group"}:
        return None   # "the main commodity groups which saw imports fall were ...": the goods come after
    # ("Logs, sawn timber, and wood products (...) rose": the whole coordination is the subject's goods)
    last = max([subject] + [c for c in subject.conjuncts if c.i > subject.i and not any(
        t.text == "(" for t in ctx.doc[subject.i: c.i])], key=lambda t: t.i)
    phrase = ctx.doc[subject.left_edge.i: last.i + 1]
    goods = _goods_of_phrase(phrase, ctx)
    # (goods the table does not know too, when the apposition says they are traded: "Fruit (our
    # fourth-largest export group) rose $42 million", or the sentence opens as a breakdown of the flow
    # just told: "Among these, fish accounted for $1.4 billion; fruit reached $730 million")
    known = goods is not None and goods[0] is not None
    return goods if known or goods is not None and goods[1] and (
        containing is not None or _opens_a_breakdown(ctx.doc[amount_span.start].sent)) else None


# "Among these, ...", "Of which, ...", "Out of this, ...": the sentence lists the parts of what was just told
_BREAKDOWN_OPENER = re.compile(r"\s*(?:among|of|out\s+of)\s+(?:these|those|them|this|which|it)\s*,", re.IGNORECASE)


def _opens_a_breakdown(sent: Span) -> bool:
    return _BREAKDOWN_OPENER.match(sent.text) is not None


_PLACING_VERBS = frozenset({"come", "rank", "place", "follow", "stand", "finish"})
_PLACES = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "next", "top", "last"})


def _goods_of_a_ranked_subject(trigger: Token, amount_span: Span, ctx: "_Context") -> tuple[str | None, str] | None:
    """'Copper was the top exported commodity to Chile, with $12 billion', 'Cherries came second,
    with $2 billion in exports to China': goods ranked among the goods traded, as the subject of
    'be' with a goods-class noun ('commodity', 'product') the trade word modifies, or of a verb of
    placing ('came second', 'ranked third'). The subject is the goods, whether the table knows
    them or not (the sentence says they are traded)."""
    verb = None
    if trigger.dep_ in {"amod", "compound"} and trigger.head.dep_ == "attr" \
            and trigger.head.lemma_.lower() in _GOODS_CLASS_NOUNS and trigger.head.head.lemma_.lower() in {"be", "remain"}:
        verb = trigger.head.head   # "was the top exported commodity"
    else:
        placing = next((a for a in amount_span.root.ancestors if a.pos_ == "VERB"), None)
        if placing is not None and placing.lemma_.lower() in _PLACING_VERBS and any(
                c.lower_ in _PLACES or c.like_num for c in placing.children if c.dep_ in {"advmod", "npadvmod", "attr", "oprd", "acomp"}):
            verb = placing   # "came second, with $2 billion in exports"
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # (any noun the tagger may mislabel, "Tin" as an interjection; not a pronoun, a state or a name)
    if subject is None or subject.pos_ in {"PRON", "DET", "NUM"} or subject.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} \
            or subject.i in ctx.country_at or _trade_kind(subject):
        return None
    last = max([subject] + [c for c in subject.conjuncts if c.i > subject.i], key=lambda t: t.i)
    goods = _goods_of_phrase(ctx.doc[subject.left_edge.i: last.i + 1], ctx)
    return goods if goods is not None and goods[1] else None


_LIST_ITEM_OPENERS = frozenset({"by", ",", ";", "and", "then", "while"})
#: What opens the first item of a list of a change's parts ("including engines by 15%", "such as tea by 4%").
_INCLUDED_ITEM_OPENERS = _INCLUDING_WORDS | {"as"}


def _goods_of_a_list_item(amount_span: Span, ctx: "_Context") -> tuple[str | None, str] | None:
    """'..., followed by salmon at $600 million and wine with $150 million', 'led by copper at $3
    billion': in a list of items each written with its figure, the goods written right before the
    figure ('at', 'with' or 'worth' between) are that figure's, not the list head's."""
    doc = ctx.doc
    k = amount_span.start - 1
    # ("including engines by 15%, pumps by 9%": a change's part, item by item)
    amount = ctx.amount_at_start.get(amount_span.start)
    by_item = k >= 1 and doc[k].lower_ == "by" and amount is not None and amount.unit == "percent" and amount.change is not None
    # ("..., textiles worth $8 billion, footwear $5 billion (up 12%) and seafood $2 billion": an item
    # written right before its figure, after an earlier item's figure in the same list)
    bare_item = None
    # ("textiles and apparel fell 3%: textiles, $26.9 billion (up 3.9%), and apparel, $29.4 billion": a
    # breakdown after a colon, each item labelled and a comma before its figure)
    sent_start = ctx.sent_of(doc[k]).start if k >= 0 else 0
    labelled = k >= 2 and doc[k].text == "," and doc[k - 1].pos_ in {"NOUN", "PROPN"} \
        and any(t.text == ":" for t in doc[sent_start: k - 1])
    if labelled:
        k -= 1
    if k >= 2 and doc[k].lower_ not in {"at", "with", "worth"} and not by_item \
            and (doc[k].pos_ in {"NOUN", "PROPN"} or _a_list_noun_read_as_a_verb(doc[k])) \
            and any(t.i in ctx.amount_tokens for t in doc[sent_start: k]):
        # (back over the item's own words and a coordination inside it: "machine tools and spare parts
        # 0.8 billion USD"; not over a figure or a comma, where the item before ends)
        # ("milled rice": a participle modifying the item is its own first word)
        start = k
        while start - 1 > 0 and start - 1 not in ctx.amount_tokens and start - 1 not in ctx.country_at and (
                doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[start - 1].dep_ in {"amod", "compound"}
                or doc[start - 1].lower_ == "and" and doc[start - 2].pos_ in {"NOUN", "PROPN"}
                and start - 2 not in ctx.amount_tokens):
            start -= 1
        if doc[start - 1].lower_ in {",", "and", ";"} or labelled and doc[start - 1].text == ":":
            bare_item = doc[start: k + 1]
    if k < 1 or doc[k].lower_ not in {"at", "with", "worth"} and not by_item and bare_item is None:   # (a bracketed figure: lists.py)
        return None
    if bare_item is not None:
        if len(bare_item) == 1 and doc[k].pos_ == "VERB":
            return _goods_of_one_word(doc[k].lower_)
        if any(t.pos_ == "VERB" for t in bare_item):
            # ("cassava chips and starch", the last noun read as a verb; "milled rice"): the words as written
            words = " ".join(t.lower_ for t in bare_item if not t.is_punct and t.lower_ not in {"and", "or"})
            return _goods_code(words), words
        return _goods_of_phrase(bare_item, ctx)
    end = k
    k -= 1
    openers = _LIST_ITEM_OPENERS | _INCLUDED_ITEM_OPENERS if by_item else _LIST_ITEM_OPENERS
    while k >= 0 and doc[k].lower_ not in openers and end - k <= 5 and not doc[k].is_sent_start:
        k -= 1
    if k < 0 or doc[k].lower_ not in openers or by_item and doc[k].lower_ == "by":
        return None
    start = k + 1
    if doc[k].lower_ in {"and", ","} and start < end:
        # "plastics and rubber at $2.7 billion": the whole coordination the item's noun closes
        top = doc[end - 1]
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
        left = top.left_edge.i
        if top.i < start and left > 0 and doc[left - 1].lower_ in _LIST_ITEM_OPENERS and not any(
                t.text == ";" or t.i in ctx.amount_tokens for t in doc[left: end]):
            start = left
    phrase = doc[start: end]
    # a noun phrase ending right before the figure's 'at' or 'with' (a participle may be the goods'
    # own first word: "cut flowers at $90 million"; not a clause: "held stable in August at ...")
    # ("pumps by 9%": a plural noun the tagger took for a verb)
    read_as_a_verb = len(phrase) == 1 and (by_item and _an_item_read_as_a_verb(phrase[0]) or _a_list_noun_read_as_a_verb(phrase[0]))
    if not len(phrase) or doc[end - 1].pos_ not in {"NOUN", "PROPN"} and not read_as_a_verb or any(
            t.i in ctx.country_at or t.i in ctx.period_tokens or t.pos_ in {"AUX", "PRON"} or _trade_kind(t)
            or t.pos_ == "VERB" and not read_as_a_verb and not (t.i == start and t.i + 1 < end and doc[t.i + 1].pos_ == "NOUN")
            for t in phrase):
        return None
    if read_as_a_verb:
        return _goods_of_one_word(phrase[0].lower_)
    goods = _goods_of_phrase(phrase, ctx)
    return goods if goods is not None and goods[1] else None


def _a_list_noun_read_as_a_verb(tok: Token) -> bool:
    """A noun of a list of goods the parser took for a verb conjoined with the sentence's ('Key exports
    included phones worth $12 billion, textiles worth $8 billion, footwear $5 billion'): a conjunct
    verb with no subject, that is no change or trade verb, right before its figure or 'worth'."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # (a present form, as a noun read as a verb comes: "textiles", "footwear"; not "hit", "reached",
    # "totalling", verbs that give a flow its figure)
    return tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.tag_ in {"VB", "VBP", "VBZ"} and nxt is not None \
        and (nxt.lower_ in {"worth", "at"} or nxt.like_num or nxt.text in {"$", "€", "£", "¥"}) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) \
        and not _trade_kind(tok) and tok.lemma_.lower() not in _change_verbs() | _lexicon_words("figure_verbs") \
        | _lexicon_words("item_value_verbs")


def _goods_of_one_word(word: str) -> tuple[str | None, str]:
    """The goods one word names, as the table knows it or its singular ("pumps", "footwear")."""
    return _goods_code(word, whole=True) or _goods_code(word.rstrip("s"), whole=True), word


def _one_noun_read_as_a_verb(phrase: Span) -> bool:
    """'and fishmeal declining 4%', '; footwear $3.6 billion': an item of one lower-case word the
    tagger took for a verb, with no subject of its own."""
    return len(phrase) == 1 and phrase[0].pos_ == "VERB" and phrase[0].is_lower \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in phrase[0].children)


@cache
def _item_measures() -> frozenset[str]:
    """Measures of a flow, no item of it ("with quantity down 2%", "the number of importers rising 4%",
    "prices, down 3%")."""
    return frozenset(_lexicon_words("other_measure_nouns") | _lexicon_words("price_nouns")
                     | _lexicon_words("trade_measure_nouns") | {"quantity", "number", "share", "total"})


#: What opens an item written with its change ("The main rises were coal, up ...", "with copper up 7%"),
#: besides what opens an item written with its figure
_CHANGE_ITEM_OPENERS = _LIST_ITEM_OPENERS | _INCLUDED_ITEM_OPENERS | {"with", "were", "was", "are", "is", ":"}
_SPACED_DASHES = frozenset({"-", "–", "—"})


def _goods_of_an_item_and_its_change(amount_span: Span, ctx: "_Context") -> tuple[str | None, str] | None:
    """'The main rises were coal, up $430 million; iron ore, up $310 million', 'with copper up 7% and
    fruit declining 3%', 'copper rose by 15%, fruit – 8%, wine – 3%': in a list of items each
    written with its change ('up'/'down', a participle of change, or a spaced dash before the
    figure), the goods opening the item are that change's."""
    doc = ctx.doc
    amount = ctx.amount_at_start.get(amount_span.start)
    k = amount_span.start - 1
    if amount is not None and amount.change is None and k >= 1 and doc[k].lower_ == "to":
        # "phones falling 12% to $2 billion": the level the item's change moved it to is that item's
        moved = next((span for a, span in zip(ctx.amounts, ctx.amount_spans)
                      if span is not None and span.end == k and a.change is not None), None)
        return _goods_of_an_item_and_its_change(moved, ctx) if moved is not None else None
    if amount is None or amount.change is None or k < 1:
        return None
    link = doc[k]
    if link.lower_ in {"up", "down"}:
        k -= 1
        if doc[k].text == ",":
            k -= 1   # ("coal, up $430 million"; not a participle's: "matching the forecast, rising 3%")
    elif link.tag_ == "VBG" and _is_change_word(link) or link.text in _SPACED_DASHES and link.whitespace_ and doc[k - 1].whitespace_:
        k -= 1
    else:
        return None
    end = k + 1
    while k >= 0 and doc[k].lower_ not in _CHANGE_ITEM_OPENERS and end - k <= 5 and not doc[k].is_sent_start:
        k -= 1
    if k < 0 or doc[k].lower_ not in _CHANGE_ITEM_OPENERS or k + 1 >= end:
        return None
    start = k + 1
    top = doc[end - 1]
    # (the coordination the item's noun closes, not one across an earlier item: "phones up 12% and cars, buses")
    while top.dep_ == "conj" and top.head.i < top.i and not any(
            t.text == ";" or t.i in ctx.amount_tokens for t in doc[top.head.i: top.i]):
        top = top.head
    if any(a.dep_ == "pobj" and a.head.lower_ in {"of", "in"} and _trade_kind(a.head.head) for a in (top, *top.ancestors)
           if a.i < amount_span.start):
        return None   # ("exports of nuts, fruit, and dried fruit, up 9%": the flow's own goods, read with it)
    if doc[k].lower_ in {",", "and"} and top.i < start and top.left_edge.i > 0 \
            and doc[top.left_edge.i - 1].lower_ in _CHANGE_ITEM_OPENERS \
            and not any(t.text == ";" or t.i in ctx.amount_tokens for t in doc[top.left_edge.i: end]):
        start = top.left_edge.i   # "coal, coke and briquettes, up ...": the whole coordination
    phrase = doc[start: end]
    read_as_a_verb = _one_noun_read_as_a_verb(phrase)
    if phrase[-1].pos_ not in {"NOUN", "PROPN"} and not read_as_a_verb or any(
            t.i in ctx.country_at or t.i in ctx.period_tokens or t.i in ctx.amount_tokens
            or t.pos_ == "AUX" or t.pos_ == "PRON" and t.tag_ != "PRP$"   # ("phones and their parts" is goods)
            or t.pos_ == "VERB" and not read_as_a_verb or _trade_kind(t) or t.lemma_.lower() in _item_measures() for t in phrase):
        return None   # (not "prices, down 3%", "in July, up 5%", "exports to Japan, up 2%")
    if read_as_a_verb:
        return _goods_of_one_word(phrase[0].lower_)
    goods = _goods_of_phrase(phrase, ctx)
    return goods if goods is not None and goods[1] else None


#: What opens the first item of a list whose items semicolons part ("The next exports are gold, $8.4
#: billion; zinc, ...", "Its other sales were followed by: ...")
_FIRST_ITEM_OPENERS = frozenset({"by", ":", "were", "are", "include", "included", "including"})


def _names_the_flow_listed(opening: Span) -> bool:
    """'Out of exports, coal amounted to ...', 'Of the total imports, ...': a short opening phrase
    naming the flow whose parts the list gives."""
    return 0 < len(opening) <= 5 and opening[0].lower_ in {"out", "of", "among", "within", "in"} \
        and any(_trade_kind(t) for t in opening) and not any(t.pos_ == "VERB" for t in opening)


def _goods_of_a_semicolon_item(amount_span: Span, ctx: "_Context") -> tuple[str | None, str] | None:
    """'The next exports are gold and silver, $8.4 billion, up 11 percent; zinc $2.6 billion, up 4
    percent; and fishmeal, ...': in a list whose items semicolons part, each item opens with its
    goods and gives their figures after them (a value, then its change), so the goods opening the
    figure's item are its goods; also with a verb of value ('Out of exports, coal amounted to $3.1
    billion; copper equaled $1.2 billion')."""
    doc = ctx.doc
    sent = doc[amount_span.start].sent
    k = amount_span.start - 1
    while k >= sent.start and doc[k].text != ";":
        k -= 1
    if k < sent.start:   # the first item: after its opener, and a semicolon after it
        k = next((j for j in range(amount_span.start - 1, sent.start - 1, -1) if doc[j].lower_ in _FIRST_ITEM_OPENERS
                  or doc[j].text == "," and _names_the_flow_listed(doc[sent.start: j])), None)
        if k is None or not any(t.text == ";" for t in doc[amount_span.end: sent.end]):
            return None
    start = k + 1
    if start < amount_span.start and doc[start].lower_ == "and":
        start += 1
    end = start
    while end < amount_span.start and doc[end].text not in {",", "("} and end not in ctx.amount_tokens and not doc[end].like_num \
            and not (end > start and doc[end].lemma_.lower() in _lexicon_words("item_value_verbs")):
        end += 1
    phrase = doc[start: end]
    read_as_a_verb = _one_noun_read_as_a_verb(phrase)
    if not len(phrase) or len(phrase) > 6 or phrase[-1].pos_ not in {"NOUN", "PROPN"} and not read_as_a_verb or any(
            t.i in ctx.country_at or t.i in ctx.period_tokens or t.pos_ in {"AUX", "ADP"} or t.pos_ == "VERB" and not read_as_a_verb
            or t.pos_ == "PRON" and t.tag_ != "PRP$" or _trade_kind(t) or t.lemma_.lower() in _item_measures() for t in phrase):
        return None   # (an item of states, or a clause: "; exports to Japan rose ...")
    if read_as_a_verb:
        return _goods_of_one_word(phrase[0].lower_)
    goods = _goods_of_phrase(phrase, ctx)
    return goods if goods is not None and goods[1] else None


_CLAUSE_OPENERS = frozenset({",", ";", "and", "while", "whereas", "but"})


def _goods_of_a_clause_item(amount_span: Span, trigger: Token, listed: bool,
                            ctx: "_Context") -> tuple[str | None, str] | None:
    """'Imports of crude oil rose 8.1%, petroleum products gained 2.2% and coal dropped 14.9%': in
    a list of clauses each written as goods, a verb of change and the figure, the goods opening the
    figure's own clause are its goods; the flow is the trade word's in the first clause. (Read on
    the words, not the parse: the small model hangs such lists together in many ways.) Goods the
    table does not know count only where the first clause names goods too (``listed``): the
    sentence is then a list of goods, and not 'exports rose 5%, prices fell 3%'."""
    doc = ctx.doc
    k = amount_span.start - 1
    if k >= 0 and doc[k].lower_ == "to":
        k -= 1   # "garments rose 1.7% to $12.2 billion", "rose to $12.2 billion"
        while k >= 0 and k in ctx.amount_tokens:
            k -= 1
    if k >= 0 and doc[k].lower_ in {"by", "at"}:
        k -= 1   # ("... while industrial supplies remained at C$9 billion": a level's verb)
    if k < 1 or doc[k].pos_ != "VERB" or not (doc[k].lemma_.lower() in _change_verbs() or _is_change_word(doc[k])
                                              or doc[k].lemma_.lower() in _lexicon_words("level_verbs")):
        return None
    end = k
    k -= 1
    while k >= 0 and doc[k].lower_ not in _CLAUSE_OPENERS and end - k <= 5 and not doc[k].is_sent_start:
        k -= 1
    if k < 0 or doc[k].lower_ not in _CLAUSE_OPENERS or trigger.i >= k:
        return None   # (the trade word is in an earlier clause)
    phrase = doc[k + 1: end]
    # (not the last goods of a list the trade word governs: "exports of fruit and vegetables rose 9%")
    if not len(phrase) or phrase[-1].pos_ not in {"NOUN", "PROPN"} or phrase[-1].dep_ in {"dobj", "compound"} \
            or any(a.dep_ in {"prep", "agent"} for a in phrase[-1].ancestors) or any(
            t.i in ctx.country_at or t.i in ctx.pair_at or t.i in ctx.period_tokens or t.i in ctx.amount_tokens
            or t.pos_ in {"AUX", "PRON", "DET", "ADP"} or t.pos_ == "VERB" and t.dep_ != "amod"   # ("assembled cars")
            or _trade_kind(t) for t in phrase):
        return None
    goods = _goods_of_phrase(phrase, ctx)
    if goods is None or not goods[1] or goods[0] is None and not listed:
        return None
    return goods
