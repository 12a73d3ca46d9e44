"""Who trades with whom: the trade word an amount belongs to, its frame (agent, 'from' and 'to'
parties, partners of 'with'/'between'), and the trade a frame states -- with what the
sentence leaves out taken from the story (the previous claim, its reporter, the world) and
recorded as inferred.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import islice
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from models import Source, Trade

from ..actors import _countries, _ranking_words, ranked_noun
from ..extensions import tokens_whose
from ..lexicon import load_table
from .context import _Context
from .goods import SERVICES_AGGREGATES, _is_a_segment
from .words import (VALUE_NOUNS, WORLD, _change_verbs, _clause_verb, _in_a_balance, _in_a_ratio, _is_balance, _is_change_word, _lexicon,
                    _first_goods_noun_coordinated_with, _lexicon_words, _says_respectively, _trade_kind,
                    _with_the_noun_it_qualifies)


# -- trade frames ---------------------------------------------------------------

@dataclass
class TradeFrame:
    kind: str                    # import | export | total
    trigger: Token
    agent: str | None = None
    source: str | None = None    # "from" party
    target: str | None = None    # "to" party
    between: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)   # "with X", "between X and Y": not the agent
    agent_from_source: bool = False   # the agent is the country whose agency released the figures

    def name_partner(self, partner: str) -> None:
        """The partner of an import or export: where exports go, where imports come from."""
        if self.kind == "export":
            self.target = partner
        else:
            self.source = partner


def _ends(trade: Trade) -> list[str | None]:
    """The parties of a trade: exporter and importer, or the two ends of a total."""
    return [trade.from_, trade.to] if trade.flow == "directional" else list(trade.between or [])


def _with_party_replaced(trade: Trade, old: str, new: str) -> Trade:
    """The trade with its party ``old`` replaced by ``new`` (the same end, or the same place in a pair)."""
    if trade.flow == "directional":
        return trade.model_copy(update={"from_" if trade.from_ == old else "to": new})
    return trade.model_copy(update={"between": sorted(new if code == old else code for code in trade.between)})


def _parties_in(phrase: Token, ctx: _Context) -> list[str]:
    """The countries a prepositional object names as parties: "to Japan's biggest trading
    partner, China" is China (a possessor says whose partner, not who trades)."""
    possessed = {t.i for c in phrase.subtree if c.dep_ == "poss" for t in c.subtree}
    # "trade with other countries excluding China": a state set apart is no party
    possessed |= {t.i for c in phrase.subtree if _sets_apart(c) for t in c.subtree}
    named = [code for t in phrase.subtree if t.i not in possessed
             for code in ctx.pair_at.get(t.i, [ctx.country_at.get(t.i)]) if code]
    after = phrase.right_edge.i + 1
    if not named and possessed and phrase.lemma_.lower() in _lexicon_words("ranked_nouns") \
            and ctx.country_at.get(after) not in (None, WORLD):
        # "to the nation's biggest trading partner China": the state in apposition without a
        # comma, which the parser may hang elsewhere (even as a subject of its own)
        return [ctx.country_at[after]]
    if not named and possessed and phrase.tag_ in {"NNS", "NNPS"} \
            and phrase.lemma_.lower() in _lexicon_words("partner_group_nouns"):
        return []   # "shipments to Chile's main markets": the possessor's partners, not the possessor
    if named or not any(_sets_apart(c) for c in phrase.subtree):
        return list(dict.fromkeys(named)) or ctx.countries_in(phrase)
    return []


def _coordinated_partners(prep: Token, ctx: _Context) -> str | None:
    """'exported $4 million of tin to Chile and Peru': one figure for two states is their
    total, a group by its name as written (the contract's rule for partners that are not one
    country), not the first state's; a 'respectively' list gives each its own (lists.py)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if len(objects) != 1:
        return None
    states = [objects[0], *objects[0].conjuncts]
    sent = ctx.sent_of(prep)
    if len(states) < 2 or any(ctx.country_at.get(t.i) in (None, WORLD) for t in states) \
            or _says_respectively(sent) \
            or any(c.dep_ == "cc" and c.lower_ not in {"and", "&"} for t in states for c in t.children):
        # ("no cotton from Mali or Benin" is about each)
        return None
    if any(t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "(" and any(
            k in ctx.amount_tokens for k in range(t.i + 2, min(t.i + 6, len(t.doc)))) for t in states):
        return None   # "from the United Kingdom (+$264 million) and the Netherlands (+$58 million)": each its own
    first = objects[0].left_edge
    while first.dep_ == "det" and first.i < objects[0].i:
        first = first.doc[first.i + 1]
    # (up to the last state's own name: not a clause hung on it, "... and China, which retained ...")
    last = max(t.i for t in states)
    while last + 1 < len(first.doc) and ctx.country_at.get(last + 1) == ctx.country_at.get(last):
        last += 1
    return first.doc[first.i: last + 1].text


def _joined_with_the_other_direction(token: Token) -> bool:
    """'export-import', 'import/export': a direction word joined to the other one by a hyphen or slash."""
    doc, kind = token.doc, _trade_kind(token)
    return any(0 <= j < len(doc) and doc[h].text in {"-", "–", "/"} and _trade_kind(doc[j]) in {"import", "export"}
               and _trade_kind(doc[j]) != kind for j, h in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1)))


def _their_coordinated_states(trigger: Token, subject: Token, frame, ctx: _Context, agents: list[str]) -> list[str]:
    """'Chile and Peru saw their trade grow to $4 billion': 'their' on a trade noun points back to a
    coordinated subject, and the trade is the pair's with each other (a total only: 'their exports'
    may be each state's own)."""
    noun = trigger.head if trigger.dep_ in {"compound", "nmod", "amod"} and trigger.head.pos_ == "NOUN" else trigger
    if frame.kind != "total" or not any(c.dep_ == "poss" and c.lower_ == "their" for t in {trigger, noun} for c in t.children):
        return []
    return [code for c in subject.conjuncts for code in [ctx.country_at.get(c.i)]
            if code not in (None, WORLD) and code not in agents]


def _fronted_with(trigger: Token) -> list[Token]:
    """A 'with' phrase fronted on the clause of ``trigger``, before a comma ('With China, imports
    rose 2.8 percent', 'With Norway, UK trade is about £30 billion')."""
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_verb(trigger)
    if clause is None:
        return []
    return [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < trigger.i
            and c.right_edge.i + 1 < len(c.doc) and c.doc[c.right_edge.i + 1].text == ","]


def _with_after_the_figure(trigger: Token, ctx: _Context) -> list[Token]:
    """'Hubei's trade reached 50 billion yuan with the EU', 'a trade volume valued at 1.2 trillion yuan
    with members of ASEAN': a 'with' phrase written after the figure, on the verb the trade noun is the
    subject of or on a participle valuing it, names the other state of a total -- one state, and the
    last the sentence names ("increased with Chile ($2 billion), Peru (...)" is a list the bracket
    reader reads)."""
    noun = trigger.head if trigger.dep_ in {"compound", "amod"} and trigger.head.pos_ == "NOUN" else trigger
    heads = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.i > noun.i:
        heads.append(noun.head)
    sent_end = trigger.sent.end
    out = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > trigger.i):
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            # (the object itself, or its 'of' phrase: "members of ASEAN"; not "strong demand from Europe")
            states = [ctx.country_at[t.i] for o in objects for t in o.subtree if ctx.country_at.get(t.i) not in (None, WORLD)
                      and all(a.dep_ != "prep" or a.lower_ == "of" for a in t.ancestors
                              if o.left_edge.i <= a.i <= o.right_edge.i)]
            if len(objects) == 1 and len(set(states)) == 1 and not objects[0].conjuncts \
                    and not any(ctx.country_at.get(k) for k in range(prep.right_edge.i + 1, sent_end)):
                out.append(prep)
    return out


# a topic written before the clause it is said of ("In the case of China, ...", "As for Chile, ...")
_FRONTED_TOPIC = re.compile(r"\s*(?:In\s+the\s+case\s+of|As\s+for|As\s+regards|Regarding|When\s+it\s+comes\s+to)\s+"
                            r"(?P<topic>[^,;.]{2,40}?),|\s*In\s+(?P<topic2>[^,;.]{2,30}?)['’]s\s+case,")


def _partner_of_a_fronted_trade_phrase(trigger: Token, ctx: _Context) -> str | None:
    """'In trade with Chile, Peru exported ...', 'In its trade with Peru, Chile ...', 'With China,
    imports rose 2.8 percent': the state a trade noun's 'with', or a bare fronted 'with', names in
    a phrase written before the clause of ``trigger``."""
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_verb(trigger)
    if clause is None:
        return None
    named = [p for w in _fronted_with(trigger) for o in w.children if o.dep_ == "pobj" for p in _parties_in(o, ctx) or ()]
    if len(named) == 1:
        return named[0]
    topic = _FRONTED_TOPIC.match(ctx.text, clause.sent.start_char)
    if topic is not None and topic.end() <= trigger.idx:
        # "In the case of China, exports fell 3.2%", "As for Chile, ...", "In Japan's case, ...": the
        # topic the clause is said of, written before it
        group = "topic" if topic.group("topic") else "topic2"
        named = list(dict.fromkeys(ctx.country_at[t.i] for t in clause.sent
                                   if topic.start(group) <= t.idx < topic.end(group)
                                   and ctx.country_at.get(t.i) not in (None, WORLD)))
        if len(named) == 1:
            return named[0]
    for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in {"in", "for"} and c.i < trigger.i):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in _lexicon_words("trade_relation_nouns")):
            for with_ in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                named = [p for o in with_.children if o.dep_ == "pobj" for p in _parties_in(o, ctx)]
                if len(named) == 1:
                    return named[0]
    return None


def _sets_apart(token: Token) -> bool:
    """'excluding', 'except', and the 'than' of 'other than': what it governs is set apart."""
    return token.lower_ in _lexicon_words("excluding_words") or (
        token.lower_ == "than" and token.head.lower_ in {"other", "rather"})


def _in_a_gap(token: Token, sent: Span) -> bool:
    """'the gap between what Canada sells and what it purchases abroad': a trade word inside the
    'between' phrase of a gap noun states a balance, not a flow (the parser often hangs the figure's
    verb on it)."""
    gaps = [t for t in sent if t.lemma_.lower() in _lexicon_words("gap_nouns")
            and any(c.dep_ == "prep" and c.lower_ == "between" for c in t.children)]
    for gap in gaps:
        # the words written after "between" up to the figure's verb belong to the gap's phrase
        between = next(c for c in gap.children if c.dep_ == "prep" and c.lower_ == "between")
        if between.i < token.i and not any(t.pos_ in {"AUX"} or t.dep_ == "ROOT" for t in sent.doc[between.i: token.i]):
            if token.i <= max(t.i for t in between.subtree) or token.dep_ in {"csubj", "conj", "relcl", "ccomp"}:
                return True
    return False


def _trigger_for(amount_span: Span, sent: Span) -> Token | None:
    """The trade word an amount belongs to: on its chain of heads, or an argument along it
    (the subject of "exports reached $X", the object of "put imports at $X"). A trade noun in a
    'with' phrase of a trade verb stands for the verb's trade ("exported coffee to Vietnam, with
    shipments valued at $16.3 million")."""
    if _a_margin_between_flows(amount_span) or _money_of_another_kind(amount_span) or _the_change_of_a_balance(amount_span) \
            or _a_figure_of_another_measure(amount_span):
        return None
    trigger = _the_flow_of_a_gapped_clause(amount_span, sent) or _trade_word_for(amount_span, sent)
    if trigger is not None and (_in_a_gap(trigger, sent) or _in_a_ratio(trigger)):
        return None   # ("the ratio of exports to imports climbed 31 percent": a ratio's figure, no flow's)
    if trigger is not None and trigger.dep_ == "pobj" and trigger.head.lower_ == "with" \
            and trigger.head.head.pos_ == "VERB" and _trade_kind(trigger.head.head) == _trade_kind(trigger):
        return trigger.head.head
    return trigger


def _the_flow_of_a_gapped_clause(amount_span: Span, sent: Span) -> Token | None:
    """'imports rose to $600 million and exports to $60 million': the flow noun written right before
    the figure's 'to' (or 'by'), right after 'and' or a comma, in a clause whose verb is left out
    (gapping), is the figure's, however the parser hangs the 'to'. Only after an earlier flow of the
    sentence."""
    doc = amount_span.doc
    k = amount_span.start - 1
    if k < 3 or doc[k].lower_ not in {"to", "by"}:
        return None
    noun = doc[k - 1]
    before = doc[k - 2] if doc[k - 2].lower_ != "the" else doc[k - 3]
    if noun.pos_ != "NOUN" or not _trade_kind(noun) or before.lower_ not in {"and", ",", "while", "whereas"}:
        return None
    earlier = [t for t in doc[sent.start: before.i] if _trade_kind(t) and t.pos_ in {"NOUN", "VERB"}]
    return noun if earlier else None


_CHANGE_LEAD = frozenset({"down", "up", "a", "an", "rise", "fall", "increase", "decrease", "drop", "decline", "gain",
                          "jump", "of", "by", "or"})


def _the_change_of_a_balance(amount_span: Span) -> bool:
    """'..., which resulted in a trade surplus of $300 million, down 6 percent': a change written in
    apposition right after a balance's figure is the balance's (no flow), however the parser hangs
    it (here on the first clause's verb, whose trade word is a flow)."""
    doc = amount_span.doc
    k = amount_span.start - 1
    while k >= 0 and amount_span.start - k <= 4 and doc[k].lower_ in _CHANGE_LEAD:
        k -= 1
    if k < 1 or k == amount_span.start - 1 or doc[k].text != ",":
        return False
    figure = doc[k - 1]
    while figure.dep_ in {"compound", "quantmod", "nummod"} and figure.head.i < k:
        figure = figure.head
    holder = figure.head.head if figure.dep_ == "pobj" and figure.head.lower_ in {"of", "at"} else figure.head
    return holder.lemma_.lower() in _lexicon_words("balance_nouns") and figure.like_num


def _a_figure_of_another_measure(amount_span: Span) -> bool:
    """'Exports rose 12%, while production fell 3%', 'as export orders grew 9%', 'the rupee was
    trading at 83 to the dollar': the figure's own clause has as subject a measure that is not trade
    (data: other_measure_nouns, price_nouns, other_money_nouns) with no trade word in it, so the
    figure is that measure's, not the flow's of another clause."""
    verb = next((t for t in [amount_span.root, *amount_span.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or _trade_kind(verb) or any(_trade_kind(t) for c in verb.children if c.dep_ in {"dobj", "attr"}
                                                 for t in c.subtree):
        return False   # ("$5 million more was exported", "demand helped drive down exports by 9%": trade's)
    measures = _measure_nouns()
    # (not a sum the parser made a second subject beside a trade word: "its export was 1.5 trillion yuan")
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    beside_a_flow = any(_trade_kind(c) for c in subjects)
    return any(c.pos_ in {"NOUN", "PROPN"} and c.lemma_.lower() in measures and not any(_trade_kind(t) for t in c.subtree)
               and not (beside_a_flow and any(k.dep_ in {"nummod", "compound", "quantmod"} and k.like_num for k in c.children))
               for c in subjects)


@cache
def _measure_nouns() -> frozenset[str]:
    """Measures that are not trade: the other measures, prices and money of another kind."""
    return frozenset(_lexicon_words("other_measure_nouns") | _lexicon_words("price_nouns")
                     | _lexicon_words("other_money_nouns"))


def _money_of_another_kind(amount_span: Span) -> bool:
    """'loans of $1.2 billion', 'deals worth $4 billion', '$3 billion in credit', 'investment
    reached $2.6 billion': the noun a sum measures is money that is not trade (data:
    other_money_nouns), so the sum states no flow, whatever trade word stands in another clause
    ('..., while imports from China grew')."""
    root = amount_span.root
    head = root.head
    measured = []
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        measured.append(head.head)                                   # loans of $X
    if head.lower_ == "worth" and head.head.pos_ in {"NOUN", "PROPN"}:
        measured.append(head.head)                                   # deals worth $X
    measured += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "in"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]   # $X in loans
    verb = head.head if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"at", "to"} else head
    if root.dep_ in {"dobj", "attr", "pobj"} and verb.pos_ in {"VERB", "AUX"}:
        measured += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]   # investment reached $X
    others = _lexicon_words("other_money_nouns")
    return any(n.lemma_.lower() in others and not _trade_kind(n) for n in measured)


def _a_margin_between_flows(amount_span: Span) -> bool:
    """'with imports exceeding exports by 300 billion yen': the margin one flow is over another is
    a balance, no flow."""
    root = amount_span.root
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() in _lexicon_words("margin_verbs") \
        and any(_trade_kind(c) for c in root.head.head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"})


def _trade_word_for(amount_span: Span, sent: Span) -> Token | None:
    # "a fifth of the $228 million it imported": a relative clause on the figure is its trade
    own = next((c for c in amount_span.root.children if c.dep_ == "relcl" and _trade_kind(c)), None)
    if own is not None:
        return own
    # "made up of $1.1 billion in exports and $0.8 billion in imports": the flow the figure's own
    # 'in' or 'of' phrase names
    # (not a share of the whole flow: "RM139 billion of total exports")
    own = next((o for o in _flows_in_its_phrase(amount_span.root)
                if not any(c.lower_ in {"total", "overall", "all", "national", "global"} for c in o.children)), None)
    if own is not None:
        return own
    root = amount_span.root
    # "imports rose 8% on a 6% increase in fuel imports": the flow the change noun a figure sizes is
    # 'in' is the figure's own, not the clause's subject
    own = _flow_a_change_noun_is_in(root)
    if own is not None:
        return own
    if _in_a_balance(root):
        return None   # "reaching $2.2 billion in surplus", "$0.7 billion in deficit": a balance, no flow
    balances = set(_lexicon()["balance_nouns"]["words"])
    before = amount_span.start - 1
    if before > 0 and sent.doc[before].lower_ == "of":
        before -= 1
    after = amount_span.end
    if before >= sent.start and sent.doc[before].lemma_.lower() in balances \
            or after < sent.end and sent.doc[after].lemma_.lower() in balances:
        # "Trade in goods surplus €9.4 bn", "a deficit of $2 billion", "€2.1 bn deficit for the EU": the
        # balance's own figure, however the parser hangs a headline run into the lead
        return None
    share = _share_restated_by(root)
    chain = [root] + list(root.ancestors) if share is None else [share] + list(share.ancestors)
    for head in chain:
        if head.i < sent.start or head.i >= sent.end:
            break
        named = _flow_named_on_a_value(head, amount_span)
        if named is not None:
            return named   # "import value 10.4 billion yuan, up 14%": the value noun the parser hung on the figure
        # "a trade surplus of $12 billion", "the deficit stood at $7 billion": a balance, no flow
        if head.lemma_.lower() in balances or any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and c.lemma_.lower() in balances for c in head.children):
            # "posted a deficit of ¥310 billion, compared with ¥40 billion" too; but "the surplus widened,
            # lifted by a 25% rise in exports": the flow a change noun is in
            return _flow_a_change_noun_is_in(root)
        if head.pos_ == "NOUN" and head.lemma_.lower() in VALUE_NOUNS and head.i < amount_span.start:
            # "export value $98 million", "the import value of $3 billion": the trade word naming the value
            named = next((c for c in head.children if c.dep_ in {"compound", "amod", "nmod"} and _trade_kind(c)), None)
            if named is not None:
                return named
        if _trade_kind(head) and not _the_number_of_a_later_conjunct(root, head):
            # "with exports at $8.1 billion and imports at $1.3 billion", the parser hanging the second
            # figure on the first noun: the conjunct written between them is the figure's
            later = [c for c in head.conjuncts if head.i < c.i < amount_span.start and _trade_kind(c)]
            return later[-1] if later else _the_other_flow_written_between(head, amount_span)
        # "Exports stood at $310 million and imports at $1.87 billion", "reached $5 billion, with
        # exports at $2 billion": a flow with its figure and no verb of its own, its noun hung on the
        # verb (as a conjunct, or in a 'with' phrase) -- the noun written before the figure is its trade
        if head.pos_ in {"VERB", "AUX"} and head.i < amount_span.start:
            verbless = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and _trade_kind(c)] + [
                o for p in head.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and _trade_kind(o)]
            verbless = [c for c in verbless if head.i < c.i < amount_span.start]
            if verbless:
                return max(verbless, key=lambda c: c.i)
        arguments = sorted((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}),
                           key=lambda c: abs(c.i - amount_span.start))
        for child in arguments:
            for t in [child] + [c for c in child.children if c.dep_ in {"compound", "amod", "nmod"}]:
                if _trade_kind(t):
                    return t
        # "The value of Thai goods exported to Laos fell 9 percent to $180 million": the trade
        # word inside the subject's phrase, before any trade word of a later clause (not when
        # another trade word stands between: "..., and imports to $8 billion")
        for child in (c for c in arguments if c.dep_ in {"nsubj", "nsubjpass"} and not _a_share_of(c)):
            inner = [t for t in child.subtree if _trade_kind(t) and t.i != child.i]
            between = range(child.right_edge.i + 1, amount_span.start)
            if inner and not any(_trade_kind(sent.doc[k]) for k in between):
                return inner[0]
        if (head.pos_ == "VERB" or head.pos_ == "AUX" and head.dep_ == "conj") \
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
            # ("..., and imports were $4.2 billion": a copula's subject the parser hung on the clause before)
            # A misparsed subject ("in the period of 2023 Chinese exports ... reached $X"):
            # the nearest trade noun before the verb within its own clause.
            for t in sorted((t for t in head.subtree if t.i < head.i and _trade_kind(t)), key=lambda t: -t.i):
                if not any(a.pos_ in {"VERB", "AUX"} for a in t.ancestors if a.i != head.i and head in a.ancestors):
                    return t
            # "..., exports to the US slid 17% and shipments to Japan fell 21%": a last conjunct whose
            # subject the parser hung elsewhere; the trade noun written right before it, after the 'and'
            k = head.i - 1
            while k >= sent.start and _within_a_clause(head.doc[k]):
                # (not the whole a share is of: "trade with Japan which made up 9 per cent of total
                # trade increased ...")
                if _trade_kind(head.doc[k]) and head.doc[k].pos_ == "NOUN" and not _the_whole_of_a_share(head.doc[k]):
                    return _the_other_flow_written_between(head.doc[k], amount_span)
                k -= 1
    triggers = [t for t in sent if _trade_kind(t)]
    if not triggers:
        return None
    # "posted $30 billion in exports, for growth of 7 percent, and $28 billion in imports": a change
    # in a 'for' phrase is the result of the figure written before it, whose flow it keeps
    if any(a.dep_ == "pobj" and a.head.lower_ == "for" and a.pos_ == "NOUN" and _is_change_word(a)
           for a in amount_span.root.ancestors):
        before = [t for t in triggers if t.i < amount_span.start]
        if before:
            return before[-1]
    return min(triggers, key=lambda t: abs(t.i - amount_span.root.i))


def _flow_named_on_a_value(head: Token, amount_span: Span) -> Token | None:
    """The trade word of a value noun ('import value') the parser made a modifier of ``head`` (the
    figure, or the noun a change hangs on), written before the figure."""
    return next((named for v in head.children if v.dep_ in {"nmod", "compound"} and v.i < amount_span.start
                 and v.lemma_.lower() in VALUE_NOUNS
                 for named in v.children if named.dep_ in {"compound", "amod", "nmod"} and _trade_kind(named)), None)


def _the_other_flow_written_between(flow: Token, amount_span: Span) -> Token:
    """'with exports totaling $88 billion and imports at $84 billion': the parser joins the second flow
    noun to the first figure and hangs the second figure on the first flow's verb -- the other flow,
    coordinated between ``flow`` and the figure, is the figure's; else ``flow``."""
    other = [t for t in flow.doc[flow.i + 1: amount_span.start] if t.dep_ == "conj" and t.pos_ == "NOUN"
             and _trade_kind(t) in {"import", "export"} and _trade_kind(t) != _trade_kind(flow)]
    return other[-1] if other else flow


def _flow_a_change_noun_is_in(root: Token) -> Token | None:
    """'the surplus widened, lifted by a 25% rise in exports': the flow the change noun a figure sizes
    is 'in' (or 'of') is the figure's, though the clause it hangs on tells a balance."""
    noun = root.head if root.dep_ in {"nummod", "compound", "amod", "nmod", "npadvmod", "quantmod"} else None
    if noun is None or noun.pos_ != "NOUN" or not _is_change_word(noun):
        return None
    if any(a.lemma_.lower() in _lexicon_words("expectation_words") for a in noun.ancestors):
        return None   # ("economists had expected a $28 billion surplus based on a 10% fall in exports")
    return next(_flows_in_its_phrase(noun), None)


def _flows_in_its_phrase(head: Token):
    """The flow nouns of ``head``'s own 'in' or 'of' phrase ('$1.1 billion in exports', 'a 25% rise
    in exports'), in order."""
    return (o for p in head.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and _trade_kind(o) in {"import", "export"})


def _the_number_of_a_later_conjunct(figure: Token, trade_word: Token) -> bool:
    """'stood at $18.2 billion and services trade at $12.3 billion', misparsed: the figure as the number
    of a trade noun written after it, past an 'and' -- the next conjunct's noun, not the figure's."""
    return figure.head == trade_word and figure.dep_ in {"nummod", "compound", "quantmod"} and trade_word.i > figure.i \
        and any(t.dep_ == "cc" for t in figure.doc[figure.i: trade_word.i])


def _share_restated_by(figure: Token) -> Token | None:
    """'trade with Japan, which represented 12.6 per cent of total trade or RM11.4 billion, ...':
    a figure joined by 'or' to a share restates the share as a value -- the part's, not the whole
    the share is of. The share noun, however the parser attached the figure (to it or to the
    whole's trade noun)."""
    if figure.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in figure.head.children):
        return None
    head = figure.head
    if _a_share_of(head):
        return head
    if _trade_kind(head) and _the_whole_of_a_share(head):
        return head.head.head
    return None


def _the_whole_of_a_share(trade_word: Token) -> bool:
    """'12.6 per cent of total trade': the trade word is the whole a share is of."""
    return trade_word.dep_ == "pobj" and trade_word.head.lower_ == "of" and _a_share_of(trade_word.head.head)


def _a_share_of(noun: Token) -> bool:
    """'9.2 per cent of Malaysia's total trade', 'the bulk of exports': a part of the trade its 'of'
    names, whose figure is the part's, not that trade's (the parser makes it the subject of the
    next verb in "trade with Japan which made up 9 per cent of total trade rose to ...")."""
    shares = _lexicon_words("share_nouns")
    return (noun.lemma_.lower() in shares or noun.lower_ in shares or noun.lower_ == "cent") \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _has_own_figure(noun: Token, after: int = -1, before: int | None = None) -> bool:
    """A number inside the noun's own phrase, not its conjuncts' ('exports worth $415 million');
    ``after`` / ``before``: only a figure of a phrase of the noun written between those tokens ("with
    exports at $8.1 billion and imports at $1.3 billion", where the parser hangs the second figure on
    the first noun)."""
    def walk(t: Token):
        for c in t.children:
            if c.dep_ in {"conj", "cc"}:
                continue
            yield c
            yield from walk(c)
    if after < 0 and before is None:
        return any(t.like_num for t in walk(noun))
    # (only a figure in a phrase of the noun's own, written after / before those tokens: "at $1.3 billion")
    return any(t.like_num and any(ch.isdigit() for ch in t.text)   # (not "between the two countries")
               for p in noun.children if p.dep_ == "prep" and p.i > after and (before is None or p.i < before)
               for t in p.subtree)


def _figures_apart(a: Token, b: Token) -> bool:
    """Two coordinated trade nouns each with its own figure ('exports worth $415 million and imports
    worth $1.9 billion'), also where the parser hangs the second figure on the first noun ("with
    exports at $8.1 billion and imports at $1.3 billion": one written before the second noun, one
    after it)."""
    first, second = (a, b) if a.i < b.i else (b, a)
    if _has_own_figure(first) and _has_own_figure(second):
        return True
    return not _has_own_figure(second) and _has_own_figure(first, after=second.i) \
        and _has_own_figure(first, before=second.i)


def _within_a_clause(token: Token) -> bool:
    """Inside one clause of a list: not a comma, 'and', 'while', 'but' or a semicolon."""
    return token.text not in {",", ";"} and token.lower_ not in {"and", "while", "but", "whereas"}


def _two_figures_written_as_a_pair(trigger: Token, ctx: _Context) -> bool:
    """'exports and imports rose 12 percent and 9 percent': two figures joined by 'and' right after
    the flows' verb pair with the flows one by one, as with 'respectively' (lists.py)."""
    sent = ctx.sent_of(trigger)
    spans = sorted((s for s in ctx.amount_spans if s is not None and sent.start <= s.start < sent.end and s.start > trigger.i),
                   key=lambda s: s.start)
    return any(re.fullmatch(r"\s*,?\s*and\s+", ctx.text[a.end_char: b.start_char]) is not None
               and a.start - trigger.i <= 6 for a, b in zip(spans, spans[1:]))


def _frame(trigger: Token, ctx: _Context) -> TradeFrame:
    lex = _lexicon()
    frame = TradeFrame(_trade_kind(trigger), trigger)
    # "imports and exports rose 3% to $500 billion", "China's import and export value": both flows
    # with one figure are the total (a "respectively" list gives each flow its own figure)
    # (and "exports and imports rose 12% and 9%" pairs like it, without the word)
    if trigger.pos_ in {"NOUN", "PROPN", "ADJ"} and frame.kind in {"import", "export"} \
            and not _says_respectively(ctx.sent_of(trigger)):
        coordinated = [c for c in trigger.children if c.dep_ == "conj"] + (
            [trigger.head] if trigger.dep_ == "conj" else [])
        if any(_trade_kind(c) in {"import", "export"} and _trade_kind(c) != frame.kind
               and not _figures_apart(c, trigger) for c in coordinated) \
                and not _two_figures_written_as_a_pair(trigger, ctx):
            frame.kind = "total"   # not "exports worth $415 million and imports worth $1.9 billion"
    # "export-import trade", "import-export value": both directions joined by a hyphen are the total
    if frame.kind in {"import", "export"} and _joined_with_the_other_direction(trigger):
        frame.kind = "total"
    # "inbound shipments", "import sales": a direction word modifying the trade noun sets its flow
    for mod in (c for c in trigger.children if c.dep_ in {"amod", "compound"} and c.i < trigger.i):
        if _trade_kind(mod) in {"import", "export"} and trigger.pos_ == "NOUN":
            frame.kind = "total" if _joined_with_the_other_direction(mod) else _trade_kind(mod)
    # The agent: subject of a trade verb, possessor or modifier of a trade noun.
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else None
    if verb is None and trigger.dep_ in {"nsubj", "nsubjpass"}:
        verb = None  # "Exports rose": the noun carries the frame
    left = []
    of_owner = None
    if verb is not None:
        left = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not left and trigger.dep_ == "conj":   # "China exported and imported ...": the shared subject
            left = [c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            other = next((c for c in left if _trade_kind(c) in {"import", "export"} and _trade_kind(c) != frame.kind), None)
            if other is not None and trigger.tag_ == "VBZ" and trigger.lower_.endswith("s"):
                # "exports to Japan reached $24 billion, imports $17 billion": no verb but the flow noun,
                # which the parser reads as one; the other flow's partner is this one's too
                left = []
                ends = {ctx.country_at[o.i] for p in other.children if p.dep_ == "prep" and p.lower_ in {"to", "from", "with"}
                        for o in p.children if o.dep_ == "pobj" and o.i in ctx.country_at}
                if len(ends) == 1:
                    frame.name_partner(ends.pop())
        if not left and trigger.dep_ in {"advcl", "xcomp"} and trigger.tag_ in {"VBG", "VBN"}:
            # "Mexico overtook China ..., shipping $475 billion worth of goods": a participle's
            # subject is its main clause's
            left = [c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # ... and so is where the goods came from or went ("Tanzania took the most goods from
            # Kenya, importing goods worth Ksh48 billion")
            own = {p.lower_ for p in trigger.children if p.dep_ == "prep"}
            end = {"import": "from", "export": "to"}.get(frame.kind)
            if end is not None and end not in own:
                # (anywhere in the main clause before it: "took more goods from Kenya than any other state")
                own_words = {t.i for t in trigger.subtree}
                states = {ctx.country_at[o.i] for p in trigger.head.subtree if p.dep_ == "prep" and p.lower_ == end
                          and p.i not in own_words and p.i < trigger.i
                          for o in p.children if o.dep_ == "pobj" and o.i in ctx.country_at}
                if len(states) == 1:
                    frame.name_partner(states.pop())
        # "exported and imported $12 billion worth of goods": both flows, so the total; not when
        # each verb has its own object ("imported $412 million of goods and exported $98 million")
        def own_object(verb: Token) -> bool:
            return any(c.dep_ in {"dobj", "attr"} for c in verb.children)
        if any(_trade_kind(t) not in (None, frame.kind, "total") and not (own_object(t) and own_object(trigger))
               for t in [trigger.head] + list(trigger.children)
               if t.dep_ == "conj" or t == trigger.head and trigger.dep_ == "conj"):
            frame.kind = "total"
    else:
        left = [c for c in trigger.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < trigger.i]
        if not left and trigger.dep_ == "conj" and _trade_kind(trigger.head):
            # "Peru's imports and exports": the possessor of the first is the second's too
            left = [c for c in trigger.head.children if c.dep_ == "poss"]
        first = _first_goods_noun_coordinated_with(trigger)
        if first is not None:
            # "Vietnam's garment, footwear and travel goods exports": the parser hangs the trade word on
            # the first goods noun, which takes the possessor; the possessor is the trade word's
            left += [c for c in first.children if c.dep_ == "poss"]
        if trigger.dep_ in {"compound", "nmod"} and trigger.head.pos_ == "NOUN":
            # "China's foreign trade volume": whose is said of the noun the trade word qualifies
            left += [c for c in trigger.head.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                     and c.i < trigger.i and c != trigger]
        # "the combined import and export value of Hunan province", "the exports of Peru": a state or
        # place the 'of' phrase names (its head: not a maker of goods, "exports of Chinese goods", nor
        # the state a place is in, "of China's northwestern Gansu Province") owns the trade
        # (and "foreign trade in Zhejiang Province", "imports in Guangdong": a place or a state where
        # the trade is counted; not a region, "exports in the continent", nor a misread "in H1")
        # (the 'in' of the trade word or of its measure, "trade value in Xiamen": not of another noun it
        # qualifies, "foreign trade enterprises in Zhejiang")
        of_owner = next((ctx.country_at[o.i] for n in _with_the_noun_it_qualifies(trigger) for p in n.children
                         if p.dep_ == "prep" and (p.lower_ == "of" or p.lower_ == "in" and (
                             n == trigger or n.lemma_.lower() in _lexicon_words("trade_measure_nouns")))
                         for o in p.children if o.dep_ == "pobj" and ctx.country_at.get(o.i) not in (None, WORLD)
                         and (p.lower_ == "of" or o.i not in ctx.period_tokens and _a_place_or_state(ctx.country_at[o.i], ctx))),
                        None) \
            or _place_after_the_period_of_a_measure(trigger, ctx)
    # "non-EU exports", "non-OECD imports": the partners outside a bloc, not a trader
    for c in [c for c in left if str(ctx.country_at.get(c.i, "")).lower().startswith("non-")]:
        left.remove(c)
        if frame.kind in {"import", "export"}:
            frame.name_partner(ctx.country_at[c.i])
        else:
            frame.between.append(ctx.country_at[c.i])
            frame.partners.append(ctx.country_at[c.i])
    if verb is not None and frame.kind == "export":
        # "China sold North Korea $228 million worth of goods": the indirect object buys
        for dative in (c for c in trigger.children if c.dep_ == "dative"):
            frame.target = next(iter(_parties_in(dative, ctx)), None) or frame.target
    # "China-bound shipments", "U.S.-bound exports": a state before "-bound" is where they go
    for c in list(left):
        bound = [t for t in c.subtree if t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-"
                 and t.doc[t.i + 2].lower_ == "bound" and t.i in ctx.country_at]
        if bound and frame.kind in {"export", "total"}:
            frame.target = frame.target or ctx.country_at[bound[0].i]
            frame.kind = "export"
            left.remove(c)
    # "Chinese goods imports fell": a state naming the goods that modify the trade noun made them;
    # it is where they come from, not who imports
    # (not with the other end written on the trade noun: "German goods imports from China" are
    # Germany's, from China; "Chinese goods exports to Peru" China's)
    generic = set(lex["generic_goods"])
    other_end = {"import": {"from"}, "export": {"to", "into"}}.get(frame.kind, set())
    written_end = any(p.dep_ == "prep" and p.lower_ in other_end and any(ctx.countries_in(o) for o in p.children)
                      for p in trigger.children)
    for c in [c for c in left if c.dep_ == "compound" and c.pos_ == "NOUN" and (c.lower_ in generic or c.lemma_.lower() in generic)]:
        makers = [code for m in c.children if m.dep_ in {"amod", "compound", "nmod"} for code in ctx.countries_in(m)]
        if makers and frame.kind in {"import", "export"} and not written_end:
            frame.source = frame.source or makers[0]
            left.remove(c)
    # "China's Russian crude oil imports", "Argentine beef imports by China": with the importer named
    # (a possessor, or 'by'), a state's adjective before the goods says where they come from
    importers = [c for c in left if c.dep_ == "poss" and ctx.countries_in(c)] + [
        o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
        if o.dep_ == "pobj" and ctx.countries_in(o)] if frame.kind == "import" and verb is None else []
    origins = [c for c in left if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" and ctx.countries_in(c)]
    if importers and origins and frame.source is None:
        frame.source = ctx.countries_in(origins[0])[0]
        left = [c for c in left if c not in origins]
        if not any(c.dep_ == "poss" for c in left):
            left = left + importers
    agents: list[str] = []
    # "China's Zhejiang H1 foreign trade": a state's possessive before a place in it says where the
    # place is; the place trades
    left = [c for c in left if not _locates_a_place(c, ctx)]
    for c in left:
        for code in ctx.countries_in(c):
            if code not in agents:
                agents.append(code)
    if not agents and verb is None and of_owner is not None:
        agents.append(of_owner)
    if not agents and not left and frame.kind in {"import", "export"} and trigger.dep_ == "pobj" \
            and trigger.head.lower_ in {"in", "of"} and trigger.head.head.i in ctx.amount_tokens:
        # "Trade between Kenya and Uganda reached $1.9 billion, made up of $1.1 billion in exports and
        # $0.8 billion in imports": the flows of a pair's total are the first-named state's
        sent = ctx.sent_of(trigger)
        total = next((t for t in sent if t.i < trigger.i and _trade_kind(t) == "total"), None)
        named = [ctx.country_at[t.i] for t in sent if ctx.country_at.get(t.i) not in (None, WORLD)]
        if total is not None and len(set(named)) == 2:
            agents.append(named[0])
    if not agents and not any(ctx.country_at.get(t.i) for c in left for t in c.subtree) and frame.kind == "export" \
            and trigger.dep_ == "pobj" and trigger.head.lower_ == "from" \
            and trigger.head.head.lemma_.lower() in _lexicon_words("earning_verbs"):
        # "Uganda has earned nearly $1.7 billion from exports": who earns from exports exports (the
        # goods may modify them: "from tea exports")
        subject = next((c for c in trigger.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and ctx.country_at.get(subject.i) not in (None, WORLD):
            agents.append(ctx.country_at[subject.i])
    if not agents and not left and frame.kind in {"import", "export", "total"} and trigger.dep_ == "pobj" \
            and trigger.head.lower_ == "in" and trigger.head.head.i in ctx.amount_tokens:
        # "Vietnam posted $30 billion in exports", "Peru had $2 billion in trade with Chile": the
        # figure is the object of the state's verb, so the state trades
        figure = trigger.head.head
        while figure.dep_ in {"compound", "nummod", "quantmod"} and figure.head.i in ctx.amount_tokens:
            figure = figure.head
        if figure.dep_ in {"dobj", "attr"} and figure.head.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in figure.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and ctx.country_at.get(subject.i) not in (None, WORLD):
                agents.append(ctx.country_at[subject.i])
    if not agents and verb is None:
        # "China recorded exports of $300 billion", "Laos saw its highest monthly export value":
        # the subject of the verb whose object the trade noun is (or qualifies) trades
        noun = trigger.head if trigger.dep_ in {"compound", "nmod", "amod"} and trigger.head.pos_ == "NOUN" else trigger
        # "Chile saw a fifth straight monthly rise in exports": up through the object's phrase
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and ctx.country_at.get(subject.i) not in (None, WORLD):
                agents.append(ctx.country_at[subject.i])
                agents += _their_coordinated_states(trigger, subject, frame, ctx, agents)
            elif subject is not None and subject.i in ctx.pair_at:
                agents += ctx.pair_at[subject.i]   # "The two Koreas recorded brisk trade"
    if not agents and verb is None and not left and trigger.lemma_.lower() in _lexicon_words("buyer_words"):
        # "The US was second with $5.4 billion in purchases", "Japan followed with purchases worth
        # $2 billion": purchases in a 'with' phrase are the buying of the clause's subject
        with_ = next((a for a in trigger.ancestors if a.dep_ == "prep" and a.lower_ == "with"), None)
        clause = with_.head if with_ is not None and with_.head.pos_ in {"VERB", "AUX"} else None
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if clause is not None else None
        if subject is not None and ctx.country_at.get(subject.i) not in (None, WORLD):
            agents.append(ctx.country_at[subject.i])
    if not agents and any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in {"its", "their"} for c in left):
        # "Malaysia saw its exports grow": the possessive points back to the clause's subject,
        # when that subject is a state ("a French rival put its purchases at" is a firm's)
        for subject in (c for v in trigger.ancestors if v.pos_ in {"VERB", "AUX"} for c in v.children
                        if c.dep_ in {"nsubj", "nsubjpass"} and c.i != trigger.i):
            if ctx.country_at.get(subject.i) in (None, WORLD):
                # "North Korea's trade dependency on China grows while its exports shrink": the
                # subject's possessor is the state the possessive points back to; "SEOUL, July 1 --
                # Peru reported ...": a dateline the parser took for the subject, the state beside it
                subject = next((c for c in subject.children if c.dep_ == "poss"), None) or next(
                    (c for c in subject.children if c.dep_ == "appos" and ctx.country_at.get(c.i) not in (None, WORLD)),
                    None)
            if subject is not None and ctx.country_at.get(subject.i) not in (None, WORLD):
                agents.append(ctx.country_at[subject.i])   # (past a speaker: "..., the ministry said")
                agents += _their_coordinated_states(trigger, subject, frame, ctx, agents)
                break
    # Prepositional parties of the trigger (and of its direct object: "goods from X"; of the goods
    # it names: "imports of textile products from China").
    preps = [c for c in trigger.children if c.dep_ == "prep"]
    for of in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"):
        preps += [g for o in of.children if o.dep_ == "pobj" for c in [o, *o.conjuncts]
                  for g in c.children if g.dep_ == "prep" and g.lower_ != "of"]
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "attr", "npadvmod"}):
        # (not where a part of the figure went: "goods worth $9 billion, of which $2 billion went to Peru")
        preps += [c for c in obj.subtree if c.dep_ == "prep" and c.head.i != trigger.i and not _in_a_share_clause(c, ctx)]
        # "bought $2.7 billion worth of Chinese goods", "imported Australian coal worth $9 billion": a
        # country naming the goods is where they come from
        # ("imported $28 billion in U.S. agricultural products": the goods a sum is 'in')
        goods_nouns = [t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ in {"of", "in"}] + (
            [obj] if obj.pos_ == "NOUN" and obj.i not in ctx.amount_tokens else [])
        for goods in goods_nouns:
            makers = [code for c in goods.children if c.dep_ in {"amod", "compound", "nmod"} and c.i in ctx.country_at
                      for code in ctx.countries_in(c)]
            if makers and frame.source is None:
                frame.source = makers[0]
            # "seaweed harvested in Chile", "cars made in Mexico": the place of making is the origin
            for made in (c for c in goods.children if c.dep_ == "acl" and c.lemma_.lower() in _lexicon_words("making_verbs")):
                origin = [code for p in made.children if p.dep_ == "prep" and p.lower_ in {"in", "by"}
                          for o in p.children if o.dep_ == "pobj" for code in _parties_in(o, ctx)]
                if origin and frame.source is None:
                    frame.source = origin[0]
    # "imports of Chinese goods": a country naming the goods of a trade noun is where they come from
    for of in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"):
        for goods in (c for c in of.children if c.dep_ == "pobj"):
            makers = [code for c in goods.children if c.dep_ in {"amod", "compound", "nmod"}
                      for code in ctx.countries_in(c)]
            if makers and frame.source is None and frame.kind in {"import", "export"}:
                frame.source = makers[0]   # "exports of U.S. soybeans": the US exports them
    # "the export value of these cosmetics from Vietnam to Japan": a trade word qualifying a
    # noun shares that noun's parties
    if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN":
        head = trigger.head
        preps += [c for c in head.children if c.dep_ == "prep" and c.lower_ != "of"]
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for goods in (c for c in of.children if c.dep_ == "pobj"):
                preps += [c for c in goods.children if c.dep_ == "prep"]
    # "Export volumes of lump ore and fine ore to Japan": a partner hung on a later
    # conjunct of the trade noun's phrase is the whole coordination's (the parser joins the goods to
    # the noun); not a conjunct that is a flow of its own ("exports to Peru and imports from Chile")
    directions = set(lex["to_prepositions"]) | set(lex["from_prepositions"])
    noun = trigger.head if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN" else trigger
    if noun.pos_ == "NOUN" and not any(p.lower_ in directions for p in preps):
        preps += [p for c in noun.conjuncts if c.i > noun.i and not _trade_kind(c) and c.pos_ == "NOUN"
                  for p in c.children if p.dep_ == "prep" and p.lower_ in directions]
    if frame.kind == "total":
        # "With Norway, UK trade is about £30 billion": a fronted 'with' names the pair's other state
        preps += _fronted_with(trigger)
        if not any(p.dep_ == "prep" and p.lower_ in {"with", "between", "among"} for p in trigger.children):
            preps += _with_after_the_figure(trigger, ctx)
    # "The largest imports, worth $9.8 billion, came from China": a trade noun that is the subject
    # of a verb of coming or going takes the verb's route
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in _lexicon_words("route_verbs"):
        preps += [c for c in trigger.head.children if c.dep_ == "prep" and c.i > trigger.i
                  and c.lower_ in set(lex["to_prepositions"]) | set(lex["from_prepositions"])]
    # "Laos's annual exports totalling $400 million to Thailand": a participle modifying the
    # trade noun carries its parties
    for acl in (c for c in trigger.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"):
        preps += [c for c in acl.children if c.dep_ == "prep"]

    if verb is not None and not any(p.lower_ in set(lex["to_prepositions"]) | set(lex["from_prepositions"]) for p in preps):
        # "imported 9.4 million tonnes of copper ore and concentrate from Chile": the parser took
        # the second goods for a verb, and hung the partner on it
        preps += [p for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _trade_kind(c)
                  and not any(g.dep_ in {"nsubj", "dobj"} for g in c.children)
                  for p in c.children if p.dep_ == "prep" and p.lower_ in set(lex["from_prepositions"]) | set(lex["to_prepositions"])]
    if not any(p.lower_ in set(lex["to_prepositions"]) | set(lex["from_prepositions"]) for p in preps) \
            and trigger.pos_ == "NOUN" and trigger.i + 2 < len(trigger.doc) \
            and trigger.doc[trigger.i + 1].lower_ in set(lex["to_prepositions"]) | set(lex["from_prepositions"]) \
            and trigger.doc[trigger.i + 1].head.i != trigger.i:
        # "shipments to Japan fell": the phrase written right after the noun, whatever it was hung on
        preps.append(trigger.doc[trigger.i + 1])
    focus = _lexicon_words("focus_adverbs")
    for prep in preps:
        word = prep.lower_
        if any(c.dep_ == "advmod" and c.lower_ in focus for c in prep.children) \
                or prep.i > 0 and prep.doc[prep.i - 1].lower_ in focus:
            continue   # "exports rose, especially to China": an example of the flow, not its partner
        parties = []
        # ("goods bought from all over the world": the parser hangs 'the world' on 'over')
        objects = [c for c in prep.children if c.dep_ == "pobj"] or [
            o for p in prep.children if p.dep_ == "prep" and p.lower_ in {"over", "around", "across"}
            for o in p.children if o.dep_ == "pobj"]
        for pobj in objects:
            parties += _parties_in(pobj, ctx)
        if not parties:
            continue
        if word not in {"between", "with", "among"}:
            group = _coordinated_partners(prep, ctx)
            if group is not None:
                parties = [group]
        if word in {"between", "with", "among"}:
            frame.between += [p for p in parties if p not in frame.between]
            frame.partners += [p for p in parties if p not in frame.partners]
        elif word in lex["from_prepositions"] and frame.kind == "export" and frame.target is None \
                and prep.head.lemma_.lower() in _lexicon_words("revenue_nouns"):
            # "export earnings from Rwanda": what the exporter earns from its buyer
            frame.target = parties[0]
        elif word in lex["from_prepositions"] and frame.source is None:
            frame.source = parties[0]
            # "shipments from the province of Jilin to Russia": the parser hangs the "to" phrase
            # inside the "from" phrase; it still names the importer
            nested = [code for t in prep.subtree if t.dep_ == "prep" and t.lower_ in lex["to_prepositions"]
                      for o in t.children if o.dep_ == "pobj" for code in _parties_in(o, ctx)]
            if nested and frame.target is None and nested[0] != frame.source:
                frame.target = nested[0]
        elif word in lex["to_prepositions"] and frame.target is None:
            frame.target = parties[0]
    if frame.kind == "total":
        frame.between = list(dict.fromkeys(agents + frame.between + [p for p in (frame.source, frame.target) if p]))
        frame.agent = agents[0] if agents else None
    elif len(agents) >= 2 and frame.kind != "total":
        # "North Korea-China trade" style compounds name both ends.
        frame.between = agents
    else:
        frame.agent = agents[0] if agents else None
    if frame.kind in {"export", "import"} and frame.agent is not None and frame.source is None and frame.target is None:
        # "Spain saw Dutch exports rise by 43%": a state that saw another's flow move is its market
        # (or, for imports, its source)
        clause = trigger.head if trigger.dep_ in {"nsubj", "dobj"} else None
        seer = clause.head if clause is not None and clause.dep_ in {"ccomp", "xcomp"} else clause if trigger.dep_ == "dobj" else None
        subject = next((c for c in seer.children if c.dep_ == "nsubj"), None) \
            if seer is not None and seer.lemma_.lower() in _lexicon_words("seeing_verbs") else None
        seen_by = ctx.country_at.get(subject.i) if subject is not None else None
        if seen_by not in (None, WORLD, frame.agent):
            frame.name_partner(seen_by)
    if frame.kind == "export" and frame.target is None and frame.agent is not None and not frame.between \
            and trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.head.pos_ == "VERB":
        # "Ghana's cocoa exports fell in Japan": the market the exports were sold in
        markets = [code for p in trigger.head.children if p.dep_ == "prep" and p.lower_ == "in"
                   for o in p.children if o.dep_ == "pobj" and o.i in ctx.country_at for code in _parties_in(o, ctx)]
        if markets and markets[0] not in (frame.agent, WORLD):
            frame.target = markets[0]
    if frame.kind in {"import", "export"} and frame.source is None and frame.target is None and not frame.between:
        fronted = _partner_of_a_fronted_trade_phrase(trigger, ctx)
        if fronted is not None and fronted != frame.agent:
            # "In trade with Chile, Peru exported $1.2 billion of goods": the phrase
            # before the clause names the partner of its flows
            frame.name_partner(fronted)
    if frame.kind in {"import", "export"} and frame.source is None and frame.target is None and not frame.between:
        balance = _balance_with_a_partner(trigger, ctx)
        if balance is not None:
            # "the deficit with Japan surged to $6.8 billion, with exports hitting $7.3 billion": the
            # flows a balance is made of are with its partner, and of its holder
            holder, partner = balance
            frame.name_partner(partner)
            frame.agent = frame.agent or holder
    if frame.kind == "export" and frame.target is None and frame.agent is not None:
        buyer = _importer_of_the_main_clause(trigger, ctx)
        if buyer is not None and buyer != frame.agent:
            # "Vietnam imported 4.1 million tonnes of rice, with Cambodia selling 1.6 million": a
            # supplier's sale in a 'with' clause of an import is to that importer
            frame.target = buyer
    if frame.agent is None and not frame.between and frame.kind in {"import", "export"}:
        # "Kenya's trade deficit narrowed to $850 million as exports grew 7.2 percent": the flows a
        # balance sentence gives are its holder's
        sent = ctx.sent_of(trigger)
        holder = _balance_reporter(sent, ctx)
        if holder is not None and holder not in (frame.source, frame.target):
            frame.agent = holder
            # "Japan's surplus with the US widened as exports rose": the balance's partner is theirs
            partner = _partner_of_the_balance(sent, ctx)
            if partner is not None and partner != holder and frame.source is None and frame.target is None:
                frame.name_partner(partner)
    if trigger.pos_ == "VERB" and trigger.dep_ == "conj" and frame.kind in {"import", "export"} \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children):
        # "Tajik exports to China totalled $0.4bn, and imports $3.1bn": the flow of a conjunct whose
        # verb is left out (gapping) is the first flow's reporter's, with the same partner
        subject = next((c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                        and _trade_kind(c) in {"import", "export"}), None)
        main = _frame(subject, ctx) if subject is not None else None
        partner = None if main is None else main.target if main.kind == "export" else main.source
        if main is not None and main.agent and partner and partner != main.agent:
            frame.agent, frame.between, frame.partners, frame.source, frame.target = main.agent, [], [], None, None
            frame.name_partner(partner)
    if frame.agent is None and not frame.between and frame.kind != "total":
        # "Exports of steel rose 8 percent, South Korea's trade ministry said": the country whose
        # agency released the figures reports them (inferred: the sentence does not say whose)
        releasing = _releasing_country(trigger, ctx)
        if releasing is not None and releasing not in (frame.source, frame.target):
            frame.agent, frame.agent_from_source = releasing, True
    return frame


def _releasing_country(trigger: Token, ctx: _Context) -> str | None:
    """The country that owns the agency a sentence attributes its figures to: 'South Korea's trade
    ministry said', 'according to Japan's Finance Ministry' (institution heads of the lexicon)."""
    heads = set(_lexicon()["institution_heads"]["words"]) | {"customs"}   # and "China's customs"
    sent = ctx.sent_of(trigger)
    for t in sent:
        code = ctx.country_at.get(t.i)
        if code and code != WORLD and t.dep_ == "poss" and t.head.lemma_.lower() in heads:
            return code
    # a known agency named whole ("Japan's Finance Ministry" is the Ministry of Finance of Japan)
    for source in ctx.sources:
        if sent.start_char <= source.start < sent.end_char and source.type in {"government", "data_source"}:
            code = _state_of_a_source(source, ctx)
            if code is not None:
                return code
    return None


@cache
def _country_of_institution(name: str) -> str | None:
    """'Ministry of Finance of Japan' -> 'JPN': the state a canonical institution name ends with, or
    the one the table gives ("Statistics Canada" publishes Canada's figures)."""
    state = load_table("organizations.json")["organizations"].get(name, {}).get("state")
    if state is not None:
        return state
    for code, entry in _countries().items():
        if name.endswith(f" of {entry.name}") or name.endswith(f"({entry.name})"):
            return code
    return None


@cache
def _state_opening(name: str) -> str | None:
    """The state whose name, alias or adjective an institution's name opens with ('South African
    Revenue Service' -> 'ZAF'); the longest form wins ('South Korean' over 'Korean')."""
    return next((code for form, code in _state_forms_longest_first() if name.startswith(form + " ")), None)


@cache
def _state_forms_longest_first() -> tuple[tuple[str, str], ...]:
    """(name, alias or adjective; code) of every state in countries.json, longest form first."""
    table = load_table("countries.json")["countries"]
    return tuple(sorted(((form, code) for code, row in table.items()
                         for form in [row["name"], *row.get("aliases", ()), *row.get("demonyms", ())]),
                        key=lambda f: -len(f[0])))


#: What a claim's ``inferred`` says of a part taken from discourse rather than its sentence.
FROM_PREVIOUS_CLAIM = "taken from the previous claim about trade"
FROM_MAIN_COUNTRIES = "the countries the article names most"
FROM_EARLIER_SENTENCE = "taken from an earlier sentence about trade"
FROM_THE_ADDRESS = "the year is taken from the month in the page's address (the page gives no date)"
FROM_ARTICLE_TOPIC = "the period most of the article's trade figures are about"
UNSTATED_BASIS = "the change is taken as year on year, the customs convention when no comparison is stated"
STORY_BASIS = "the change is taken to compare as the story's previous change does"
YEAR_SO_FAR = "the year is taken as the months of it the story reports (it had not ended)"
MONTH_AFTER_THE_COMPARED = "the period is taken as the month after the one the change is compared with"


FROM_HOME_STATE = "the state the article is about (whose statistics it cites, or that it names far more than any other)"
FROM_LEAD = "the state whose trade the story's first trade sentence names as its own"
FROM_HEADLINE = "the state the headline names, as the story's text names no state of its own"
FROM_DATELINE = "the state whose capital the dateline names, as the story's text names no state of its own"
FROM_CURRENCY = "the state whose own currency the story counts in or names, as its text names no state of its own"
FROM_SITE = "the state of the page's site (its country-code domain), as the story names no state of its own"
FROM_SITE_AND_MINISTRY = ("the state of the page's site (its country-code domain), whose ministry the story cites "
                          "without naming a state")


def _home_state(ctx: _Context) -> tuple[str | None, str]:
    """The state a home-country story reports on, and how it was found (said by the claims that
    take it): the state of the statistics office or ministry it cites, else the only state it
    names, or one named at least twice and more than twice as often as any other, else the state
    of its site; None when it names a place inside a state half as often as that state."""
    counts = ctx.country_counts
    partners_only = ctx.partners_only
    # the state whose statistics office or ministry the story cites ("the Korea Customs Service"),
    # unless the story names it only as a partner and the office only by what it does ("the
    # Commerce Ministry" in a story of exports to China: the story's own state's ministry)
    home = next((code for source in ctx.sources for code in [_state_of_a_source(source, ctx)] if code), None)
    if home is None:
        # "the South African Revenue Service", "the Turkish Statistical Institute": an agency whose
        # name opens with its state's name or adjective (not a newspaper's: "China Daily")
        home = next((code for source in ctx.sources if source.type in {"data_source", "government"}
                     for code in [_state_opening(source.name)] if code), None)
    if home is None:
        # (a state named only as where goods go or come from, "Sales to the US rose", is a partner:
        # the story's own state is unnamed)
        ranked = [code for code, _ in counts.most_common() if code != WORLD and code not in partners_only]
        unclear = not ranked or len(ranked) > 1 and (counts[ranked[0]] < 2 or not _named_far_more(ranked[0], counts))
        headline = ctx.doc._.headline_state
        # ("Irish exports rise" over a body that names only the US, twice, and markets once each: the
        # headline's state, which the body calls "the Republic")
        overruled = bool(ranked) and headline not in (None, *counts) and not _named_far_more(ranked[0], counts)
        if (unclear or overruled) and (named := _named_above_the_body(ctx, ranked)) is not None:
            # "Irish exports rose 11%" over a body that writes only "the Republic" and "the State";
            # "NAIROBI: Imports rose ..." with the country never named: the headline or dateline
            # names the state whose figures these are
            home, reason = named
            if not any(2 * n >= counts.get(home, 0) for n in _places_trading(ctx).values()):
                return home, reason
        site = ctx.doc._.site_state
        if unclear and not ctx.places and (site in ranked[:2] or not ranked and site not in (None, *counts)):
            # "The nation's exports rose 12.5 percent" on a Vietnamese site that never writes
            # "Vietnam", or names it no more often than the US it sells to: the outlet's own state
            # is the story's (its claims say their reporter is inferred, and why)
            return site, FROM_SITE
        if unclear and site in counts and _cites_a_ministry_of_no_state(ctx):
            # "Exports surged to a record, the Ministry of Finance said" on a Taiwanese site that names
            # Taiwan once and the US it sells to five times: a ministry given no state is the
            # writer's own country's, as domestic news writes it
            return site, FROM_SITE_AND_MINISTRY
        if unclear and (owner := _lead_owner(ctx)) in ranked:
            # "Vietnam trade deficit came to $1.2 billion in March ... Shipments fell to Japan, ...
            # buying rose from Japan, Laos and Thailand": partners named as often as the state, whose
            # figures the lead says these are (a lead names whose trade it reports)
            return owner, FROM_LEAD
        if unclear:
            return None, FROM_HOME_STATE
        home = ranked[0]
    if any(2 * n >= counts.get(home, 0) for n in _places_trading(ctx).values()):
        return None, FROM_HOME_STATE   # "Guangdong's exports": a province's story, not its state's
    return home, FROM_HOME_STATE


@cache
def _institutions_named_by_function() -> frozenset[str]:
    """The institutions a story may name by what they do ('the Commerce Ministry'), which the
    sources read as the most named state's (organizations.json: institutions_by_function)."""
    return frozenset(name for row in load_table("organizations.json")["institutions_by_function"].values()
                     for name in row["by_country"].values())


def _state_of_a_source(source: Source, ctx: _Context) -> str | None:
    """The state of an institution a story cites, unless the story names that state only as a
    partner and the institution only by what it does: "the Commerce Ministry" in a story of
    exports to China is the story's own state's ministry, not China's, whatever the table picks."""
    code = _country_of_institution(source.name)
    if code is None or code not in ctx.partners_only or source.name not in _institutions_named_by_function():
        return code
    span = ctx.span(source)
    return code if span is None or any(ctx.country_at.get(t.i) == code for t in span) else None


def _named_above_the_body(ctx: _Context, ranked: list[str]) -> tuple[str, str] | None:
    """The state the headline names (``Doc._.headline_state``), else the state whose capital the
    dateline names, else the one whose own currency the story counts in or names, with the reason
    claims give; only one the body names not at all or among its two most named states (not only
    as a partner: those are not ranked)."""
    def fits(state: str | None) -> bool:
        return state is not None and (state in ranked[:2] or state not in ctx.country_counts)
    for state, reason in ((ctx.doc._.headline_state, FROM_HEADLINE), (ctx.dateline_state, FROM_DATELINE)):
        if fits(state):
            return state, reason
    state = _currency_state(ctx)   # (a scan of the text's words: only when neither names a state)
    return (state, FROM_CURRENCY) if fits(state) else None


def _currency_state(ctx: _Context) -> str | None:
    """The one state whose own currency the story's figures are in, or that it names as money
    ('exports fell on the strong baht'); None for none or several (countries.json:
    national_currencies)."""
    states = load_table("countries.json")["national_currencies"]
    found = {states[a.unit] for a in ctx.amounts if a.unit in states}
    words = _currency_word_codes()
    found |= {states[words[t.lower_]] for t in (ctx.doc[i] for i in tokens_whose(ctx.doc, LOWER, words.__contains__).nonzero()[0].tolist())
              if t.i not in ctx.amount_tokens and t.pos_ in {"NOUN", "PROPN"} and words[t.lower_] in states}
    return next(iter(found)) if len(found) == 1 else None


@cache
def _currency_word_codes() -> dict[str, str]:
    """One-word currency names (amounts.json) that name one currency on their own."""
    skip = set(load_table("countries.json")["currency_names_not_a_cue"])
    return {word: code for word, code in load_table("amounts.json")["currency_words"].items()
            if " " not in word and word not in skip and not word.startswith("_")}


def _places_trading(ctx: _Context) -> Counter:
    """How often each place inside a state is named as trading: with a trade word among the heads
    of its phrase ("Guangdong's exports", "shipments from Liaoning province"), not where something
    happened ("a forum held in Kumasi")."""
    out: Counter = Counter()
    # (the words of places only, in text order: building every token of the text to ask is the cost)
    for i in sorted(i for i, name in ctx.country_at.items() if name in ctx.places):
        t = ctx.doc[i]
        name = ctx.country_at.get(t.i)
        if name in ctx.places and (t.i == 0 or ctx.country_at.get(t.i - 1) != name) \
                and any(_trade_kind(a) for a in islice(t.ancestors, 4)):
            out[name] += 1
    return out


def _lead_owner(ctx: _Context) -> str | None:
    """The one state the story's first trade sentence (among its opening three: a headline, a
    dateline, the lead) names as the owner of a trade word or a balance -- its possessor or
    modifier ("Chile's exports slipped", "Vietnam trade deficit widened", "Korean shipments
    fell") -- when that sentence names no partner of 'to', 'from' or 'with'; else None."""
    for sent in ctx.sents[:3]:
        nouns = [t for t in sent if _trade_kind(t)] + _balance_nouns(sent)
        if not nouns:
            continue
        owners = {ctx.country_at[c.i] for n in nouns for c in n.children
                  if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i in ctx.country_at}
        partners = any(t.i in ctx.country_at and t.dep_ in {"pobj", "conj"} and any(
            a.dep_ == "prep" and a.lower_ in {"to", "from", "with", "into", "between"} for a in t.ancestors)
            for t in sent)
        if len(owners) == 1 and not partners and not any(t.i in ctx.pair_at for t in sent):
            owner = next(iter(owners))
            return owner if owner in ctx.country_counts and owner != WORLD else None
        return None
    return None


def _cites_a_ministry_of_no_state(ctx: _Context) -> bool:
    """A government source named with no state ('the Ministry of Finance', 'the Commerce Ministry')."""
    return any(source.type == "government" and _country_of_institution(source.name) is None
               and not any(entry.name in source.name for entry in _countries().values())
               for source in ctx.sources)


def _named_only_as_partners(ctx: _Context) -> set[str]:
    """States every mention of which is the object of 'to', 'from', 'with' or 'into' ('exports to
    the US', 'imports from Japan'), an item of a list of markets with its share ('China (71.2
    percent)'), or half of a pair naming a topic ('the US-China trade war'): no state whose trade
    the story tells as its own."""
    positions: dict[str, set[bool]] = {}
    for i, code in ctx.country_at.items():
        t = ctx.doc[i]
        while t.dep_ in {"compound", "det", "amod", "flat", "conj"} and t.head is not t:
            t = t.head   # ("to China by 2.1%, Japan by 1%": Japan is in the list of destinations)
        preposition = t.head.lower_ if t.dep_ == "pobj" else None
        if preposition in {"including", "like", "notably"} and t.head.head.dep_ == "pobj":
            # "exports to 68 countries, including China": a market of the markets named
            t, preposition = t.head.head, t.head.head.head.lower_
        # "exports from Peru" names the exporter; "imports from Peru" the partner
        partner = preposition in {"to", "into", "with"} or (
            preposition == "from" and _trade_kind(t.head.head) == "import") or _a_listed_share(i, ctx) \
            or _a_pair_naming_a_topic(i, ctx)
        positions.setdefault(code, set()).add(partner)
    return {code for code, seen in positions.items() if seen == {True}}


def _a_pair_naming_a_topic(i: int, ctx: _Context) -> bool:
    """'the US-China trade war', 'US-China tensions': two states joined by a hyphen modifying a noun
    other than a trade word name what the story is set against, not a state that trades in it."""
    doc = ctx.doc
    joined = any(0 <= j < len(doc) and 0 <= k < len(doc) and doc[j].text in {"-", "–"} and k in ctx.country_at
                 and ctx.country_at[k] != ctx.country_at[i] for j, k in ((i + 1, i + 2), (i - 1, i - 2)))
    if not joined:
        return False
    head = doc[i]
    while head.dep_ in {"compound", "amod", "nmod", "punct"} and head.head is not head \
            and (head.head.i in ctx.country_at or head.head.text in {"-", "–"}):
        head = head.head
    return head.dep_ in {"compound", "amod", "nmod"} and head.head.pos_ == "NOUN" and not _trade_kind(head.head) \
        and not _is_balance(head.head)


def _a_listed_share(i: int, ctx: _Context) -> bool:
    """'including China (71.2 percent), Switzerland (18.4 percent)', 'led by Japan (-2.9%)': a state
    followed by its bracketed rate is an item of a list of markets or suppliers."""
    doc = ctx.doc
    j = i + 1
    while j < len(doc) and ctx.country_at.get(j) == ctx.country_at.get(i):
        j += 1
    return j + 2 < len(doc) and doc[j].text == "(" and any(
        t.text in {"%", "percent", "pct"} or t.lower_ == "cent" for t in doc[j + 1: j + 5]) and (
        doc[j + 1].like_num or doc[j + 1].text in {"+", "-", "−"})


def _named_far_more(code: str, counts: Counter) -> bool:
    """Whether a story names ``code`` more than twice as often as any other state."""
    return counts.get(code, 0) > 2 * max((n for other, n in counts.items() if other not in (code, WORLD)), default=0)


def _home_country_story(ctx: _Context) -> bool:
    """A story about one state's trade, not a pair's: it has a home state, named more than twice
    as often as any other state."""
    if ctx.home_state is None:
        return False
    if ctx.home_reason in (FROM_HEADLINE, FROM_DATELINE, FROM_CURRENCY):
        # ("NAIROBI - Imports rose 4 percent. Exports to Uganda fell": a state the body never names
        # is the story's when every state it names is a partner, or a pair naming a topic)
        return set(ctx.country_counts) - {ctx.home_state, WORLD} <= ctx.partners_only
    return _named_far_more(ctx.home_state, ctx.country_counts)


def _main_pair(ctx: _Context) -> list[str]:
    return ctx.main_countries[:2]


def _other_party(known: str | None, ctx: _Context, previous: Trade | None,
                 world: bool = False, named: bool = False, same_sentence: bool = False) -> tuple[str | None, str | None]:
    """The party a sentence leaves out, and where it came from (None: read, not inferred).

    "China's foreign trade", "global exports": the world. Else the other party of the previous
    claim when that claim is about the same country and the article's pair (a bilateral story
    names the pair once: "North Korea's trade with China ... Its exports rose"). Else the world:
    "Chile's exports rose 5%" are its exports to all partners (how customs and the wires
    report a country's trade; UN Comtrade's partner WLD). A flow coordinated with the previous
    claim in one sentence keeps its partner, whatever the pair of the story ("China's exports to
    Africa rose 20%, while its imports gained 2%": from Africa)."""
    ends = _ends(previous) if previous is not None else []
    others = [e for e in ends if e and e != known]
    if same_sentence and not world and others and known in ends:
        return others[0], f"the other party is {FROM_PREVIOUS_CLAIM}"
    if world or (named and ctx.world_story):
        # ("named": the sentence names the party it knows; in a story whose lead is that state's
        # trade with the world, "Exports from Peru fell 3.1%" are its exports to all partners)
        return WORLD, None
    if others and (known in ends or known is None) and (others[0] in _main_pair(ctx) or others[0] == WORLD):
        return others[0], f"the other party is {FROM_PREVIOUS_CLAIM}"
    return WORLD, None


def _story_reporter(known: str | None, previous: Trade | None, previous_agent: str | None,
                    ctx: _Context) -> tuple[str | None, str]:
    """Whose trade a sentence that names only the partner states, and where that comes from: the
    country whose trade the story has been reporting (the previous claim's agent), else the story's
    home state, else the state it names most; never the partner itself nor the world."""
    if previous_agent and previous_agent not in (known, WORLD):
        return previous_agent, FROM_PREVIOUS_CLAIM
    if previous is not None:
        ends = _ends(previous)
        others = [e for e in ends if e and e not in (known, WORLD)]
        if others:
            # "Trade with Germany rose ... Trade with Japan fell ...": of the previous pair, the story's
            # own state, not the partner it turned from
            return (ctx.home_state if ctx.home_state in others else others[0]), FROM_PREVIOUS_CLAIM
    if ctx.home_state not in (None, known):
        # "The country's exports to Chile ..." first thing in a story that cites Uruguay's statistics
        # office: that state, not the one the story names most (the partners it ranks)
        return ctx.home_state, ctx.home_reason
    others = [c for c in ctx.main_countries if c != known]
    return (others[0] if others else None), "the state the article names most"


def _importer_of_the_main_clause(trigger: Token, ctx: _Context) -> str | None:
    """The importer of the import clause a 'with' phrase holding ``trigger`` hangs on ('Vietnam
    imported ..., with Cambodia selling 1.6 million tonnes'): its subject or possessor."""
    for prep in (a for a in trigger.ancestors if a.lower_ == "with" and a.dep_ == "prep"):
        main = prep.head
        if _trade_kind(main) != "import":
            return None
        holders = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}]
        return next((code for h in holders for code in ctx.countries_in(h)), None)
    return None


def _balance_with_a_partner(trigger: Token, ctx: _Context) -> tuple[str | None, str] | None:
    """(holder or None, partner) when the trade word is in a 'with' phrase of a clause whose subject
    is a balance with a partner ('Peru's deficit with Japan rose ..., with exports of $7 billion')."""
    balances = set(_lexicon()["balance_nouns"]["words"])
    for prep in (a for a in trigger.ancestors if a.lower_ == "with" and a.dep_ == "prep"):
        verb = prep.head
        for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in balances):
            partner = _with_partner(subject, ctx)
            if partner is None:
                continue
            holder = next((code for c in subject.children if c.dep_ == "poss" for code in ctx.countries_in(c)), None)
            return holder, partner
    return None


def _with_partner(balance: Token, ctx: _Context) -> str | None:
    """The state a balance noun's 'with' names ("the deficit with Japan")."""
    return next((code for w in balance.children if w.dep_ == "prep" and w.lower_ == "with"
                 for o in w.children if o.dep_ == "pobj" for code in ctx.countries_in(o)), None)


def _trade_balances(sent: Span) -> list[Token]:
    """The trade-balance nouns of a sentence ("trade surplus", "trade deficit")."""
    return [t for t in _balance_nouns(sent) if _of_trade(t)]


def _balance_nouns(sent: Span) -> list[Token]:
    at = _balance_noun_indexes(sent.doc)
    return [sent.doc[i] for i in at[bisect_left(at, sent.start): bisect_left(at, sent.end)]]


def _balance_noun_indexes(doc) -> list[int]:
    """Where the document's balance nouns are, read in one pass (the balance nouns of a sentence are
    asked three or four times a sentence)."""
    found = doc.user_data.get("newsclaims.balance_nouns")
    if found is None:
        balances = _lexicon_words("balance_nouns")
        found = doc.user_data["newsclaims.balance_nouns"] = \
            tokens_whose(doc, LEMMA, lambda s: s.lower() in balances).nonzero()[0].tolist()
    return found


def _of_trade(balance: Token) -> bool:
    """The balance noun says it is trade's ("trade surplus", "export deficit")."""
    return any(_is_balance(c) for c in balance.children)


def _partner_of_the_balance(sent: Span, ctx: _Context) -> str | None:
    """The state a sentence's trade balance is with ("Kenya's trade surplus with Uganda"; a bare
    "the surplus with the EU" too, a balance with a state being one of trade)."""
    nouns = _balance_nouns(sent)   # (read once: asked of every sentence)
    trade = [t for t in nouns if _of_trade(t)]
    bare = [t for t in nouns if not any(c.dep_ in {"compound", "amod", "nmod"} for c in t.children)]
    return next((code for token in trade + bare for code in [_with_partner(token, ctx)] if code), None)


def _balance_reporter(sent: Span, ctx: _Context) -> str | None:
    """The country whose trade balance a sentence states ("Japan recorded a trade deficit",
    "South Korea's trade surplus widened"): the subject of the clause or the possessor."""
    for token in _trade_balances(sent):
        # "Japan's trade surplus", "the Canadian merchandise trade deficit": possessor or demonym
        holders = [c for c in token.children if c.dep_ == "poss" or (c.dep_ == "amod" and ctx.country_at.get(c.i))]
        if token.dep_ in {"dobj", "attr"}:
            holders += [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for holder in holders:
            codes = ctx.countries_in(holder)
            if codes:
                return codes[0]
    return None


def _world_balance_reporter(sent: Span, ctx: _Context) -> str | None:
    """The state whose balance with all partners a sentence states ('Globally, Peru recorded a trade
    deficit', "Peru's overall trade surplus widened"): a sentence adverb or modifier of the world
    on the balance's clause, and no partner of the balance. The flows that follow are that state's
    with the world, whatever partner the story named before."""
    reporter = _balance_reporter(sent, ctx)
    if reporter is None or _partner_of_the_balance(sent, ctx) is not None:
        return None
    if reporter == ctx.home_state and any(_country_of_institution(s.name) == reporter for s in ctx.sources):
        # "Japan posted a trade deficit in August as exports to China slumped, Finance Ministry data
        # showed": a state's balance in its own statistics, with no partner, is its balance with all
        # partners
        return reporter
    words = _lexicon_words("outward_modifiers")
    for token in _trade_balances(sent):
        clause = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        modifiers = list(token.children) + [c for t in (token.head, clause) if t is not None for c in t.children
                                            if c.dep_ in {"advmod", "npadvmod"}]
        if any(c.lower_ in words and c.dep_ in {"amod", "compound", "advmod", "npadvmod"} for c in modifiers):
            return reporter
    return None


def _world_modified(trigger: Token, whose: bool) -> bool:
    """'foreign trade', 'global exports', 'overall imports', 'exports worldwide'; and 'total' when
    the trade is someone's ('China's total exports': to all partners) or one direction ('total
    imports'); a bare 'total trade' in a story about two countries is theirs. ``whose``: the frame
    names whose trade it is."""
    # ("total imports", "total exports": one direction's total is with all partners; only "total trade"
    # names a pair's two-way trade)
    total = whose or _trade_kind(trigger) in {"export", "import"} and not _a_running_total(trigger)
    words = set(_lexicon()["world_modifiers"]["words"]) | ({"total"} if total else set())
    # "China's overall trade performance": the modifier of the noun the trade word qualifies
    heads = [trigger] + ([trigger.head] if trigger.dep_ in {"compound", "nmod"} and trigger.head.pos_ == "NOUN" else [])
    # "Globally, Malaysia's exports edged up": a sentence adverb on the clause the trade word is subject of
    clause = trigger.head if trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.head.pos_ in {"VERB", "AUX"} else None
    return any(c.lower_ in words and c.dep_ in {"amod", "compound", "advmod", "nmod"} and c != trigger
               for head in heads for c in head.children) or trigger.lower_ in words - {"total"} or (
        clause is not None and any(c.dep_ == "advmod" and c.lower_ in _SENTENCE_WORLD_ADVERBS and c.i < trigger.i
                                   for c in clause.children))


def _a_running_total(trigger: Token) -> bool:
    """'exports to Chile fell 12% in March, taking total exports down 3% for the year', '..., with
    total imports up 31%': the total a sentence's flow adds up to, with the flow's partner."""
    if trigger.head.lemma_.lower() in _RUNNING_TOTAL_VERBS:
        return True
    return any(a.lower_ == "with" and a.dep_ == "prep" for a in list(trigger.ancestors)[:3])


_RUNNING_TOTAL_VERBS = frozenset({"take", "bring", "push", "lift", "drag", "raise", "put"})
_SENTENCE_WORLD_ADVERBS = frozenset({"globally", "worldwide", "overall"})
_SENTENCE_ENDS = (".", "!", "?", '."', ".”", ".'")


def _trade(frame: TradeFrame, ctx: _Context, previous: Trade | None,
           inferred: dict[str, str] | None = None, pair_named: bool = False,
           previous_agent: str | None = None, same_sentence: bool = False, whole: bool = False) -> Trade | None:
    """The trade a frame states; what the sentence leaves out comes from ``previous`` or the
    article, and is recorded in ``inferred``. ``pair_named``: the sentence says "the two
    countries", an explicit reference to the article's pair. ``previous_agent``: whose trade
    the previous claim stated; a bare "imports rose" after "China's exports to X" is China's
    imports (the story keeps its reporter), so from X to China. ``same_sentence``: the previous
    claim is in this sentence, whose partner a coordinated flow keeps. ``whole``: the figure is of
    the whole flow (no goods named).

    Roles: a "from" party is the exporter and a "to" party the importer whatever the trade
    word; the agent (subject, possessor) takes the role the word gives it, or the role the
    prepositions leave open ("North Korea's shipments from China": North Korea imports)."""
    inferred = {} if inferred is None else inferred
    # ("total imports" with no partner in a story about one state's trade is to all partners, even
    # when nobody is named; in a pair's story it is the pair's running total)
    world = _world_modified(frame.trigger, bool(frame.agent or frame.between) or (
        frame.kind in {"import", "export"} and not (frame.source or frame.target or frame.partners)
        and (ctx.world_story or _home_country_story(ctx))))
    if not world and not (frame.source or frame.target or frame.partners):
        # "Its trade reached $2.8 billion, with China accounting for 96 percent": a figure one
        # partner has a share of is the trade with all partners
        share = _partner_share_states(ctx.sent_of(frame.trigger), ctx)
        world = bool(share) and not any(t.i in share and not _in_a_share_clause(t, ctx) for t in frame.trigger.subtree)
    if frame.kind == "total" or (frame.between and frame.agent is None and not (frame.source or frame.target)):
        parties = list(frame.between)
        if len(parties) == 1 and (parties[0] in frame.partners or parties[0] in (frame.source, frame.target)) \
                and frame.agent is None:
            # "Trade with Belgium came to ...": the partner is named, whose trade it is
            # is the story's reporter
            reporter, how = _story_reporter(parties[0], previous, previous_agent, ctx)
            if reporter:
                parties.append(reporter)
                inferred["parties"] = f"the reporter is {how}"
        elif len(parties) == 1:
            other, how = _other_party(parties[0], ctx, previous, world, named="parties" not in inferred)
            if other and other != parties[0]:
                parties.append(other)
                if how:
                    inferred["parties"] = how
        if len(parties) == 0 and previous is not None and previous.flow == "total" \
                and not (pair_named and WORLD in (previous.between or [])):   # "bilateral" is never with the world
            parties = list(previous.between or [])
            if not pair_named:
                inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        if len(parties) == 0 and not pair_named and previous is not None and previous.flow == "directional" \
                and WORLD in (previous.from_, previous.to):
            # "its exports have shrunk ... The total trade volume came to $2.9 billion": the
            # reporter's trade with the world, as its flow before was
            parties = [previous.from_, previous.to]
            inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        if len(parties) == 0 and not pair_named and previous is None and _home_country_story(ctx) \
                and not any(t.lower_ == "bilateral" for t in frame.trigger.children) \
                and all(ctx.country_at.get(t.i) in (None, ctx.home_state) for t in ctx.sent_of(frame.trigger)):
            # "The statistics office released trade data for June" first in a story about one
            # state's trade: that state's trade with all partners, not a pair with a partner it names
            parties = [ctx.home_state, WORLD]
            inferred["parties"] = f"the reporter is {ctx.home_reason}, the partner all partners"
        outward = any(c.lower_ in _lexicon_words("outward_modifiers") for c in frame.trigger.children
                      if c.dep_ in {"amod", "compound"})
        if len(parties) == 0 and world and not outward and not pair_named and previous is not None and previous.flow == "directional" \
                and WORLD not in (previous.from_, previous.to):
            # "Laos's imports from Vietnam fell 3 percent. Overall trade fell to $210 million": the
            # two flows' pair
            parties = [previous.from_, previous.to]
            inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        if len(parties) == 0 and world and not pair_named and outward:
            # "Total external trade reached $2.3 billion": the story's reporter with all partners
            # ("overall trade" in a story about two states is theirs)
            reporter = previous_agent if previous_agent not in (None, WORLD) else ctx.home_state
            if reporter is not None:
                parties = [reporter, WORLD]
                inferred["parties"] = (f"the reporter is {FROM_PREVIOUS_CLAIM}" if reporter == previous_agent
                                       else f"the reporter is {ctx.home_reason}") + ", the partner all partners"
        if len(parties) == 0 and (pair_named or not world):
            # "bilateral trade", "the two countries exchanged": the article's pair.
            parties = _main_pair(ctx)
            if not pair_named and ctx.home_state not in (None, *parties) and set(parties) <= ctx.partners_only:
                # ("Foreign trade turnover reached $12.1 billion" in a story that names other
                # states only as its markets: no pair of those markets, none)
                parties = []
            if not pair_named:
                inferred["parties"] = f"the parties are {FROM_MAIN_COUNTRIES}"
        if len(parties) < 2:
            return None
        return Trade(flow="total", between=sorted(parties[:2]))
    agent, source, target = frame.agent, frame.source, frame.target
    if frame.agent_from_source:
        inferred["parties"] = "the reporter is taken as the country whose agency released the figures"
    exporter, importer = source, target
    if frame.kind == "import":
        if importer is None and agent is not None and agent != exporter:
            importer = agent
        elif exporter is None and agent is not None and agent != importer:
            exporter = agent
    else:
        if exporter is None and agent is not None and agent != importer:
            exporter = agent
        elif importer is None and agent is not None and agent != exporter:
            importer = agent
    if importer is None and exporter is None:
        ends = list(previous.between or []) if previous is not None and previous.flow == "total" else []
        # "Chile's foreign trade fell 8% ... Exports dipped 5%": the reporter's exports to the
        # world; "In trade with Mexico, Canada's surplus narrowed. Exports were up 4%": Canada's
        # to the US. A bilateral total with no known reporter says nothing of whose exports these are.
        reporter = previous_agent if previous_agent in ends else next((p for p in ends if p != WORLD), None) \
            if WORLD in ends else None
        if reporter is not None:
            other = next(p for p in ends if p != reporter)
            inferred["parties"] = f"the reporter and partner are {FROM_PREVIOUS_CLAIM}"
            exporter, importer = (other, reporter) if frame.kind == "import" else (reporter, other)
            return Trade(flow="directional", **{"from": exporter, "to": importer})
        sent = ctx.sent_of(frame.trigger)
        home = ctx.home_state
        if previous is None and not same_sentence and home is not None and sent.text.rstrip().endswith(_SENTENCE_ENDS) \
                and not any(t.i in ctx.country_at or t.i in ctx.pair_at for t in sent):
            # "Exports last month rose 12 percent, the finance ministry said": a story that names
            # one state far more than any other reports that state's trade with all partners
            inferred["parties"] = f"the reporter is {ctx.home_reason}, the partner all partners"
            exporter, importer = (WORLD, home) if frame.kind == "import" else (home, WORLD)
            return Trade(flow="directional", **{"from": exporter, "to": importer})
        if previous is None or previous.flow != "directional":
            return None
        inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        agent = previous_agent if previous_agent in (previous.from_, previous.to) else previous.from_
        other = previous.to if agent == previous.from_ else previous.from_
        # "Exports to Brazil retreated 3%, while imports fell 2%": the sentence's own partner
        if world or not (same_sentence or other in _main_pair(ctx) or other == WORLD):
            other = WORLD   # after "exports to Southeast Asia rose", a bare "exports" is the total again
        exporter, importer = (other, agent) if frame.kind == "import" else (agent, other)
        return Trade(flow="directional", **{"from": exporter, "to": importer})
    # "the world" only ever fills the partner: "its outbound shipments to China" names the
    # partner, and the exporter left out is whose shipments they are
    # The side left out is the partner when the agent is named ("South Korea's exports rose"), and
    # whose trade it is when only the partner is ("Exports to China increased"): the story's reporter.
    agent_side_missing = (exporter is None) if frame.kind != "import" else (importer is None)
    if agent_side_missing:
        known = importer if frame.kind != "import" else exporter
        reporter, how = _story_reporter(known, previous, previous_agent, ctx)
        if reporter is None:
            return None
        inferred["parties"] = f"the reporter is {how}"
        if frame.kind != "import":
            exporter = reporter
        else:
            importer = reporter
    if importer is None and frame.kind != "import" and agent is None and source is not None and not world \
            and source not in (previous_agent, ctx.home_state) \
            and frame.trigger.lemma_.lower() != "export":   # "Exports from Japan" are Japan's own
        # "Shipments from Brazil rose to 8.3 million tonnes" in a story about Japan's iron ore
        # imports: a flow named by where it comes from is seen from where it goes, the reporter
        reporter, how = _story_reporter(exporter, previous, previous_agent, ctx)
        if reporter is not None and reporter != exporter:
            importer = reporter
            inferred["parties"] = f"the reporter is {how}"
    named = "parties" not in inferred
    if whole and named and agent is not None and not same_sentence and previous is not None \
            and previous.flow == "directional" and _of_some_goods(previous) and agent in (previous.from_, previous.to) \
            and frame.trigger.lemma_.lower() not in _lexicon_words("buyer_words"):
        # "New Zealand's dairy exports to China doubled. New Zealand's exports rose 11 percent": the
        # state named again with its whole flow, after one kind of goods with a partner, is back
        # with all partners (a pair's whole flow names its partner, or is read before its goods)
        world = True
    if importer is None:
        importer, how = _other_party(exporter, ctx, previous, world, named, same_sentence)
        if how:
            inferred["parties"] = how
    if exporter is None and not world and previous is not None and previous.flow == "directional" \
            and previous.from_ not in (None, WORLD, importer) \
            and frame.trigger.lemma_.lower() in _lexicon_words("buyer_words"):
        # "Kenya's tea exports rose 8 percent. ... Egypt bought 9,000 tonnes", "Chinese purchases
        # were 20 per cent higher": a buyer in a story of one state's exports buys from that state
        exporter = previous.from_
        inferred["parties"] = f"the seller is {FROM_PREVIOUS_CLAIM}"
    if exporter is None:
        exporter, how = _other_party(importer, ctx, previous, world, named, same_sentence)
        if how:
            inferred["parties"] = how
    if importer is None or exporter is None or importer == exporter:
        return None
    return Trade(flow="directional", **{"from": exporter, "to": importer})


def _partner_of_a_labelled_line(frame: TradeFrame, sent: Span, ctx: _Context) -> None:
    """'- Kazakhstan: trade turnover rose 12% to $41 billion; exports reached $24 billion': a line (or
    bullet) headed by a state and a colon gives the partner of the flows it states that name none --
    a country-by-country breakdown of the story's trade, as releases and wires lay it out. Whose
    trade it is, when the line does not say, the line introducing the list says ("China's commerce
    with the other states:")."""
    line_start = ctx.text.rfind("\n", 0, sent.start_char) + 1
    label = _LABEL.match(ctx.text, line_start)
    if label is None or label.end() > frame.trigger.idx:
        return
    words = ctx.doc.char_span(label.start(1), label.end(1), alignment_mode="expand") or []
    if any(t.i in ctx.dateline_words for t in words):
        return   # "MUSCAT: Oman's exports fell": a dateline's city, no label
    states = {ctx.country_at[t.i] for t in words if t.i in ctx.country_at}
    if len(states) != 1:
        return
    state = states.pop()
    if state == ctx.home_state:
        return
    owner = _owner_introducing_the_list(line_start, state, ctx)
    if frame.agent is None and owner is not None and frame.kind in {"import", "export"}:
        frame.agent = owner
    if frame.source or frame.target or frame.partners or frame.between and len(frame.between) > 1 \
            or state in (frame.agent, *frame.between):
        return
    if frame.kind in {"import", "export"}:
        frame.name_partner(state)
    else:
        frame.between.append(state)
        frame.partners.append(state)
        if owner is not None and owner not in frame.between:
            frame.between.append(owner)


def _partner_there(frame: TradeFrame, sent: Span, ctx: _Context, story_agent: str | None = None) -> None:
    """'France was the largest buyer. Goods worth 7.9 billion euros were exported there': 'there'
    on a trade word points to the one state the sentence before names (other than whose trade it is,
    the frame's or the story's agent)."""
    if frame.source or frame.target or frame.partners or frame.kind not in {"import", "export"}:
        return
    verb = frame.trigger if frame.trigger.pos_ in {"VERB", "AUX"} else frame.trigger.head
    there = next((c for c in (*frame.trigger.children, *verb.children) if c.lower_ == "there" and c.dep_ == "advmod"), None)
    if there is None:
        return
    # the state named before it in its own sentence ("Demand in Japan was strong, and exports there
    # rose"), else in the sentence before
    index = ctx.sentence_of(sent.start_char)
    for tokens in (ctx.doc[sent.start: there.i], ctx.sents[index - 1] if index > 0 else ()):
        states = {ctx.country_at[t.i] for t in tokens if t.i in ctx.country_at and _a_state_code(ctx.country_at[t.i])}
        states -= {frame.agent, ctx.home_state, story_agent}
        if len(states) == 1:
            frame.name_partner(states.pop())
            return
        if states:
            return


def _place_after_the_period_of_a_measure(trigger: Token, ctx: _Context) -> str | None:
    """'The value of foreign trade during the first half in Ningbo': the place an 'in' phrase names after the
    period of the measure whose 'of' phrase holds the trade word (the parser hangs it on the period)."""
    measure = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if measure is None or measure.lemma_.lower() not in _lexicon_words("trade_measure_nouns"):
        return None
    for p in (c for c in measure.children if c.dep_ == "prep" and c.lower_ in {"in", "during", "for"}):
        for period in (o for o in p.children if o.dep_ == "pobj" and o.i in ctx.period_tokens):
            for o in (o for q in period.children if q.dep_ == "prep" and q.lower_ == "in"
                      for o in q.children if o.dep_ == "pobj"):
                name = ctx.country_at.get(o.i)
                if name is not None and _a_place_or_state(name, ctx):
                    return name
    return None


def _a_place_or_state(name: str, ctx: _Context) -> bool:
    """A place inside a state the text names, or one state (not a region, a group or the world)."""
    return name in ctx.places or _a_state_code(name)


def _locates_a_place(token: Token, ctx: _Context) -> bool:
    """'China's' in "China's Zhejiang", "south China's Guangdong": a state's possessive written
    right before a place inside it."""
    after = token.doc[token.i + 2] if token.i + 2 < len(token.doc) and token.doc[token.i + 1].dep_ == "case" else None
    return token.dep_ == "poss" and after is not None and ctx.country_at.get(after.i) in ctx.places \
        and ctx.country_at.get(token.i) not in (None, WORLD) and ctx.country_at[token.i] not in ctx.places


def _a_state_code(party: str) -> bool:
    """An ISO alpha-3 code of one state (not WLD, EUU, nor a group or place written by name)."""
    return len(party) == 3 and party.isupper() and party not in {WORLD, "EUU"}


def _owner_introducing_the_list(line_start: int, label: str, ctx: _Context) -> str | None:
    """The one state (other than ``label``) named in the line that opens a list of labelled lines,
    the last line before them ending with a colon ("The figures show China's commerce with the other
    Central Asian states:"), or None."""
    k = line_start
    while k > 0:
        prev_start = ctx.text.rfind("\n", 0, k - 1) + 1
        line = ctx.text[prev_start: k].strip()
        if not line or _LABEL.match(ctx.text, prev_start):
            k = prev_start
            continue
        if not line.endswith(":"):
            return None
        span = ctx.doc.char_span(prev_start, k, alignment_mode="expand") or []
        # (a state, not a group the list breaks down: "with the other Central Asian states:")
        states = {ctx.country_at[t.i] for t in span if t.i in ctx.country_at and _a_state_code(ctx.country_at[t.i])} - {label}
        return states.pop() if len(states) == 1 else None
    return None


# "Kazakhstan:", "• Uzbekistan:", "- South Korea :" at the start of a line
_LABEL = re.compile(r"[ \t]*(?:[•·▪*\-–—]\s*)?([A-Z][\w.'’ -]{1,40}?)\s*:\s")


def _of_some_goods(trade: Trade) -> bool:
    """A flow of named goods (not all goods, not services, not a segment by kind of firm or regime)."""
    return trade.commodity is not None or trade.commodity_text not in (None, "goods", *SERVICES_AGGREGATES) \
        and not _is_a_segment(trade.commodity_text)


def _a_firm_s_trade(trigger: Token, ctx: _Context) -> bool:
    """'Ningbo Sunrise Brewery Co exported beers worth 23 million yuan', 'Toyota Motor Corp's exports':
    the trade verb's subject, or the trade noun's possessor, is a company by its name's last word
    (organizations.json: company_name_endings), not a state."""
    owners = [c for c in trigger.children if c.dep_ in ({"nsubj"} if trigger.pos_ == "VERB" else {"poss"})]
    endings = _company_name_endings()
    return any(o.ent_type_ == "ORG" and o.i not in ctx.country_at and o.text in endings
               or o.i + 1 < len(ctx.doc) and ctx.doc[o.i + 1].lower_ in {"'s", "’s"} and o.text in endings
               for o in owners)


@cache
def _company_name_endings() -> frozenset[str]:
    return frozenset(load_table("organizations.json")["company_name_endings"])


def _agent_of(trade: Trade | None, frame: TradeFrame, previous_agent: str | None) -> str | None:
    """Whose trade a claim states: the exporter of an export word, the importer of an import word
    ("China's exports to ...": China; "North Korea imported ...": North Korea), the possessor of
    a total ("China's trade with Germany"); a total with no possessor keeps the story's."""
    if trade is None:
        return previous_agent
    if trade.flow != "directional":
        return frame.agent or previous_agent
    if frame.kind != "import" and frame.agent is None and frame.source is not None and frame.target is None \
            and trade.to != WORLD and frame.source != previous_agent:
        return trade.to   # "Shipments from Australia rose": the importer's story goes on
    return trade.to if frame.kind == "import" else trade.from_


def _partner_ranking(amount_span: Span, ctx: _Context, story_agent: str | None = None) -> tuple[Trade, str] | None:
    """'Vietnam was Laos's second-largest trading partner in 2022, with bilateral trade of $1.4
    billion, followed by Japan with $310 million': a figure said of a ranked trading
    partner is the two-way trade of that partner (the subject, or the country named before its
    'with' in a 'followed by' list) with the possessor of 'partner'. A ranked market or buyer
    ('Germany remained Kenya's largest export market, taking $1.2 billion') is where the
    possessor's exports go; a ranked supplier or source, where its imports come from. A ranking
    noun no state owns ('Austria was the main export destination in May with $1.7 billion')
    ranks the partners of the state whose trade the story has been telling (``story_agent``).
    Returns the trade and the possessor (whose trade the ranking is of)."""
    roles = _lexicon()["ranked_trade_nouns"]
    for verb in [amount_span.root] + list(amount_span.root.ancestors):
        if verb.lemma_.lower() not in _ranking_words()[0]:
            continue
        partner = ranked_noun(verb)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None and verb.dep_ == "xcomp":
            # "Japan continued to be Thailand's largest market": the subject of the verb it completes
            subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        inverted = partner is None and _inverted_ranking(verb, subject, ctx)
        if inverted:
            # "The top buyer of Thai goods was Japan, with purchases worth $2.1 billion", "The other
            # leading markets were Korea at $410 million and Taiwan at $305 million": the ranking
            # noun is the subject, the ranked states follow the verb, each before its own figure
            # (the state written last before the figure: "were China, ... US$9.42 billion; the
            # ASEAN states, ... US$3.18 billion")
            named = [ctx.doc[i] for i in range(verb.i + 1, amount_span.start) if ctx.country_at.get(i) not in (None, WORLD)]
            if not named:
                return None
            partner, subject = subject, named[-1]
        # (in an inverted ranking the figure may hang on its state: "were China, $1.9 billion; the
        # United States, $820 million")
        if partner is None or subject is None or (amount_span.root in subject.subtree and not inverted):
            return None
        if any(t.lemma_.lower() in _lexicon_words("balance_nouns") for t in partner.subtree):
            return None   # "the partners that left the deepest deficits were Peru at $141 million": balances
        if any(a.lemma_.lower() in _lexicon_words("balance_nouns") for a in amount_span.root.ancestors
               if verb in a.ancestors or a == verb):
            return None   # ("As Chile's biggest partner, Brazil kept a trade surplus of $3.2 billion": a balance)
        owners = [code for c in partner.children if c.dep_ == "poss" for code in ctx.countries_in(c)]
        if not owners and inverted and ctx.home_state is not None and not any(
                c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in partner.children):
            owners = [ctx.home_state]   # "Its main buyers were ...", "The other markets were ...": the story's state's
        if not owners:
            # "the largest buyer of Uruguayan goods", "the main destination of Ghana",
            # "the largest market for Mexican goods"
            # (the noun phrase up to its noun: not a clause hung after it, "... goods exported at
            # $887 million while China was ...")
            owners = list(dict.fromkeys(code for of in partner.children if of.dep_ == "prep" and of.lower_ in {"of", "for"}
                                        for o in of.children if o.dep_ == "pobj" for i in range(o.left_edge.i, o.i + 1)
                                        for code in ctx.pair_at.get(i, [ctx.country_at.get(i)]) if code))
        if not owners and not inverted and ctx.home_state is not None and ctx.home_reason == FROM_HOME_STATE \
                and ctx.country_at.get(subject.i) not in (None, WORLD, ctx.home_state):
            # "China was the largest supplier of goods imported at $2.3 billion" in a story on
            # the Philippines' trade: the story's state's supplier
            owners = [ctx.home_state]
        if not owners and not inverted and story_agent not in (None, WORLD) \
                and ctx.country_at.get(subject.i) not in (None, WORLD, story_agent):
            owners = [story_agent]
        if len(owners) != 1:
            return None
        # "Russia, another North Korean ally, ...": the subject, not its apposition
        aside = {t.i for c in subject.children if c.dep_ in {"appos", "relcl", "acl"} for t in c.subtree}
        ranked = list(dict.fromkeys(code for t in subject.subtree if t.i not in aside
                                    for code in ctx.pair_at.get(t.i, [ctx.country_at.get(t.i)]) if code))
        if inverted:
            ranked = [ctx.country_at[subject.i]]
        follow = next((a for a in amount_span.root.ancestors if a.lemma_.lower() == "follow" and a.i > partner.i), None)
        if follow is None:
            # ("..., followed by South Korea at $180 billion and Taiwan at $120 billion": the parser
            # may hang the later items elsewhere; the 'followed by' written before still lists them)
            follow = next((t for t in ctx.sent_of(verb) if t.lemma_.lower() == "follow" and partner.i < t.i < amount_span.start
                           and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "by"), None)
        if follow is not None:
            # "followed by Japan with $310 million and Germany with $95 million"
            named = [ctx.country_at[t] for t in range(follow.i, amount_span.start) if t in ctx.country_at]
            ranked = named[-1:]
        if len(ranked) != 1 or ranked[0] == owners[0]:
            return None
        noun = partner.lemma_.lower()
        # "Germany remained Turkey's leading export partner": a partner its exports go to
        # ("import partner": one its imports come from; "trading partner" trades both ways)
        flow_of_the_partner = next((_trade_kind(c) for c in partner.children if c.dep_ in {"compound", "amod"}
                                    and _trade_kind(c) in {"export", "import"}), None) if noun in roles["partners"] else None
        own = _trade_word_for(amount_span, ctx.sent_of(verb))
        if own is not None and own.i > partner.i and _two_way_trade(own):
            # "China was Peru's largest export market, with total trade growing 9%": the figure's
            # own trade word, written after the ranking, says it is the two-way trade (not "with
            # export turnover of $X", nor a bare "turnover" after "the largest importer of X's goods")
            return Trade(flow="total", between=sorted([ranked[0], owners[0]])), owners[0]
        if noun in roles["destinations"] or flow_of_the_partner == "export":
            return Trade(flow="directional", **{"from": owners[0], "to": ranked[0]}), owners[0]
        if noun in roles["sources"] or flow_of_the_partner == "import":
            return Trade(flow="directional", **{"from": ranked[0], "to": owners[0]}), owners[0]
        return Trade(flow="total", between=sorted([ranked[0], owners[0]])), owners[0]
    return None


def _two_way_trade(word: Token) -> bool:
    """'total trade', 'two-way trade', 'bilateral trade': a trade word that says both directions
    (a bare 'turnover' or 'trade value' may be one flow's, as the copy around it says)."""
    if _trade_kind(word) != "total" or any(_trade_kind(c) in {"export", "import"} for c in word.children
                                           if c.dep_ in {"compound", "amod"}):
        return False   # ("total shipments" are one flow's)
    # (the words before it in its phrase: "two-way" is three tokens)
    before = set(re.findall(r"[\w-]+", word.doc[word.left_edge.i: word.i].text.lower()))
    return word.lemma_.lower() == "trade" or bool(before & _lexicon_words("two_way_modifiers"))


def _inverted_ranking(verb: Token, subject: Token | None, ctx: _Context) -> bool:
    """A ranking written subject first ('The main markets were Korea and Taiwan'): a ranking noun
    the subject of 'be', a state its complement."""
    if subject is None or subject.lemma_.lower() not in _ranking_words()[1] or verb.lemma_.lower() != "be":
        return False
    complement = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    return complement is not None and ctx.country_at.get(complement.i) not in (None, WORLD)


def _partner_share_clauses(sent: Span, ctx: _Context) -> dict[int, set[int]]:
    """The subordinate clauses of a sentence that give one partner's part of a figure, as
    {clause verb: tokens of the states that are that part's partner}: '$2.8 billion, with China
    accounting for 96 percent of it', '$300 million, of which 95 percent went to China', and a
    part written as a sum ('1.6 trillion euros, of which 97 billion euros went to China'). Read
    once a sentence."""
    if sent.start in ctx.share_clauses:
        return ctx.share_clauses[sent.start]
    verbs, shares = _lexicon_words("partner_share_verbs"), _lexicon_words("share_nouns")
    out: dict[int, set[int]] = ctx.share_clauses.setdefault(sent.start, {})
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        # "..., of which 95 percent went to China", "..., 35% of which was accounted for by ..."
        of_which = verb.dep_ in {"relcl", "advcl", "conj"} and any(
            t.lower_ == "which" and t.head.lower_ == "of" for t in verb.subtree if t.i < verb.i)
        subordinate = of_which or verb.dep_ in {"pcomp", "advcl"} and any(a.lower_ == "with" for a in verb.ancestors)
        # the part is a share ("95 percent"), or a sum of its own after "of which" or "accounting
        # for" ("97 billion euros"; not "with New Zealand taking $2.6 billion", whose subject may be the buyer)
        sum_of_its_own = of_which or verb.lemma_.lower() == "account"
        # a state that "accounted for" a sum of a flow, in a clause of its own or a relative clause on
        # it: "The US accounted for EUR6.1 billion of total exports", "the US, which accounted for
        # $676 million of Egypt's exports": the sum is the part of the flow with that state
        # (a sum, not a share: "the US, which accounted for 73% of exports" names no part of a figure;
        # "of" the flow, unless it goes on from such a clause: "..., and Malta accounted for $406m",
        # "..., while China accounted for just EUR177 million")
        antecedent = verb.head if verb.dep_ == "relcl" and verb.head.i in ctx.country_at else None
        own_clause = verb.lemma_.lower() == "account" and (
            antecedent is not None or verb.dep_ in {"ROOT", "conj", "advcl"}
            and any(c.dep_ == "nsubj" and c.i in ctx.country_at for c in verb.children)) \
            and any(ctx.amount_at_start[t.i].is_money for t in verb.subtree if t.i > verb.i and t.i in ctx.amount_at_start) \
            and (any(t.lower_ == "of" for t in verb.subtree if t.i > verb.i)
                 or verb.dep_ in {"conj", "advcl"} and verb.head.lemma_.lower() == "account")
        subordinate = subordinate or own_clause
        # ("the September quarter" is a period, not a fraction)
        if not subordinate or not any((t.lemma_.lower() in shares or t.lower_ in shares) and t.i not in ctx.period_tokens
                                      or sum_of_its_own and t.i in ctx.amount_tokens and t.like_num for t in verb.subtree):
            continue
        # the partner is the clause's subject ("China accounting for"), its passive agent ("accounted
        # for by Vietnamese goods") or where the share went ("went to China"), not a holder ("North
        # Korean imports accounting for 90 percent")
        partners = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in ctx.country_at] + [
            o for prep in verb.children if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ in {"to", "from", "into"}
            for o in prep.children if o.dep_ == "pobj"]
        states = {t.i for p in partners for t in p.subtree if t.i in ctx.country_at}
        if own_clause and antecedent is not None and not states:
            states = {antecedent.i}
        if states:
            out[verb.i] = states
    return out


def _partner_share_states(sent: Span, ctx: _Context) -> set[int]:
    """The tokens of states named only as the partner of a part of a figure (see
    ``_partner_share_clauses``): the share's partner, not the figure's."""
    return {t for states in _partner_share_clauses(sent, ctx).values() for t in states}


def _in_a_share_clause(token: Token, ctx: _Context) -> bool:
    """``token`` is inside a clause giving one partner's part of a figure (so its 'to China' is the
    part's destination, not the whole figure's)."""
    clauses = _partner_share_clauses(ctx.sent_of(token), ctx)
    return any(a.i in clauses for a in (token, *token.ancestors))


def _partner_of_a_share(amount_span: Span, ctx: _Context) -> str | None:
    """The partner of a figure that is itself one partner's part of a larger one ('1.6 trillion
    euros, of which 97 billion euros went to China': China for the 97 billion)."""
    clauses = _partner_share_clauses(ctx.sent_of(amount_span.root), ctx)
    verb = next((a for a in (amount_span.root, *amount_span.root.ancestors) if a.i in clauses), None)
    if verb is None:
        return None
    codes = {ctx.country_at[t] for t in clauses[verb.i]}
    return codes.pop() if len(codes) == 1 else None


def _parties_named_in(sent: Span, trade: Trade, ctx: _Context, figure: Span | None = None) -> bool:
    """Every party of ``trade`` is named in the sentence itself: then they are read, even where
    the parser did not attach them to the trade word ("Commerce across the border between North
    Korea and China jumped"); not a partner named only with its share of the figure, nor one named
    in a participial clause that gives a reason for the ``figure`` ("..., reflecting the reopening of
    rail trade with China")."""
    parties = _ends(trade)
    share = _partner_share_states(sent, ctx)
    aside = _in_a_participial_clause_apart_from(figure, sent) if figure is not None else set()
    named = {ctx.country_at[t] for t in range(sent.start, sent.end)
             if t in ctx.country_at and t not in share and t not in aside}
    return all(p in named for p in parties if p)


def _in_a_participial_clause_apart_from(figure: Span, sent: Span) -> set[int]:
    """The tokens of the participial clauses of a sentence written after ``figure`` ('...,
    reflecting ...', 'helped by ...', 'driven by ...'): a reason or a circumstance, whose states
    are not the figure's parties."""
    out: set[int] = set()
    for verb in sent:
        # written after the figure, and not itself a trade word ("goods exported to Peru")
        if verb.dep_ in {"advcl", "acl", "xcomp"} and verb.tag_ in {"VBG", "VBN"} and not _trade_kind(verb) \
                and verb.left_edge.i >= figure.end:
            out |= {t.i for t in verb.subtree}
    return out


def _refers_to_the_pair(sent: Span, ctx: _Context) -> bool:
    """The sentence refers to the article's pair ("the two countries", "bilateral") and names no
    other country: "Thailand was its second partner, with bilateral trade of $60 million"
    is about Russia's trade, not the pair's."""
    if not _names_the_pair(sent):
        return False
    lex = _lexicon()
    party_preps = {"with", "between", "among"} | set(lex["from_prepositions"]) | set(lex["to_prepositions"])

    def could_be_a_party(t: Token) -> bool:   # not "an outlet based in the United States"
        return t.dep_ in {"nsubj", "nsubjpass", "poss"} or (t.dep_ == "pobj" and t.head.lower_ in party_preps)

    named = {ctx.country_at[t.i] for t in sent if t.i in ctx.country_at and could_be_a_party(t)}
    return named <= set(_main_pair(ctx))


def _names_the_pair(sent: Span) -> bool:
    """'the two countries exchanged goods': a plural description of the article's pair."""
    low = f" {sent.text.lower()} "
    return any(f" {p} " in low or f" {p}'" in low or f" {p}," in low for p in _lexicon()["pair_references"]["phrases"])


def _anaphoric_trade_noun(sent: Span, previous: Trade | None) -> Trade | None:
    """'The November total was above ...' right after a trade sentence continues its series."""
    if previous is None:
        return None
    nouns = _lexicon()["anaphoric_nouns"]
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and subjects[0].lower_ in {"that", "this", "it", "they", "these", "those"}:
        return previous.model_copy()   # "That amounts to a decline of about 34.5%.", "In May it reached $230 million"
    for token in sent:
        if token.dep_ == "nsubj" and token.pos_ == "NOUN" and _is_change_word(token) \
                and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children) \
                and not any(c.dep_ == "prep" for c in token.children) \
                and not any(t.ent_type_ in {"GPE", "NORP"} for t in sent):
            # "In the first quarter, the decline reached 6.2%": the change just told (not "Half the fall was
            # to China", whose own partner an anaphor would lose)
            return previous.model_copy()
        role = nouns.get(token.lower_) or nouns.get(token.lemma_.lower())   # "The figures were also up"
        if role is None or token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ in {"det", "compound", "amod", "poss"} for c in token.children):
            continue
        if role == "total" and previous.flow == "directional":
            return Trade(flow="total", between=sorted([previous.from_, previous.to]))
        return previous.model_copy()
    return None


def _lead_reports_world_trade(ctx: _Context) -> bool:
    """Whether the story's lead is one state's trade with all partners: the first of the opening
    sentences whose main clause has a trade word and that names a state decides when it names a
    partner (then the story is of a pair) or states figures ("Peru's exports slipped in May",
    "... rose 5% to $2 billion") with no partner or with 'foreign', 'global' ...; a remark without
    figures ("its biggest exports are wigs") leaves it to the next."""
    for sent in ctx.sents[:8]:
        if not any(t.i in ctx.country_at for t in sent):
            continue
        # a headline (no full stop) abbreviates the story: it decides only when it names both
        # parties ("Laos imports from Thailand climb again"), never for the world
        headline = not sent.text.rstrip().endswith(_SENTENCE_ENDS)
        verb = sent.root
        words = [t for t in sent if _trade_kind(t) and (t == verb or t.head == verb or t.head.head == verb)
                 and not _is_balance(t)]
        if not words:
            continue
        frame = _frame(words[0], ctx)
        named = {p for p in (frame.source, frame.target, *frame.partners, *frame.between) if p and p != frame.agent}
        world = _world_modified(frame.trigger, True) or named == {WORLD}   # "trade with foreign countries"
        if headline:
            if frame.agent and named and not world:
                return False
            continue
        if not world and named:
            return False
        if not (verb.lemma_.lower() in _change_verbs() or any(t.i in ctx.amount_tokens for t in sent)):
            continue
        return bool(frame.agent or frame.between)
    return False


_DEMONSTRATIVES = frozenset({"those", "that"})


def _demonstrative_subject(amount_span: Span) -> Token | None:
    """The subject of the figure's clause when it is a demonstrative ('those', 'that'), else None."""
    verb = _clause_verb(amount_span.root)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
    return subject if subject is not None and subject.lower_ in _DEMONSTRATIVES else None


def _parties_of_a_demonstrative(amount_span: Span, frame: TradeFrame, ctx: _Context) -> bool:
    """'Exports to the EU gained 6%, and those to Vietnam climbed 18%': the figure's clause has a
    demonstrative subject standing for the trade noun before it, with its own partner; the frame
    keeps its reporter and takes that partner ('those of Italy': its own holder). Returns whether
    it did."""
    subject = _demonstrative_subject(amount_span)
    if subject is None or subject.i <= frame.trigger.i:
        return False
    lex = _lexicon()
    found = False
    # "those to Vietnam", "those heading to India", "those bound for Japan"
    preps = [c for c in subject.children if c.dep_ == "prep"] + [
        p for acl in subject.children if acl.dep_ in {"acl", "relcl"} for p in acl.children if p.dep_ == "prep"]
    for prep in preps:
        parties = [code for o in prep.children if o.dep_ == "pobj" for code in _parties_in(o, ctx)]
        if not parties:
            continue
        if prep.lower_ in lex["to_prepositions"]:
            frame.target, frame.source, found = parties[0], None if frame.source != frame.agent else frame.source, True
        elif prep.lower_ in lex["from_prepositions"]:
            frame.source, frame.target, found = parties[0], None if frame.target != frame.agent else frame.target, True
        elif prep.lower_ in {"with", "between"}:
            frame.between = [p for p in frame.between if p == frame.agent] + parties
            frame.partners, found = parties, True
        elif prep.lower_ == "of" and parties[0] != frame.agent and frame.kind in {"import", "export"}:
            # "Egypt's exports were $610 million, while those of Italy reached $1.9 billion": the
            # same flow of another state (its partner the story's other party, read by the frame)
            frame.agent, frame.source, frame.target, found = parties[0], None, None, True
    return found


def _partner_of_a_demonstrative(amount_span: Span, trade: Trade, ctx: _Context, member: str | None = None) -> Trade | None:
    """'Exports to Japan fell 7.6 percent. Those to Australia rose 4.9 percent': a sentence with no
    trade word whose demonstrative subject names its own partner continues the flow before it with
    that partner (its reporter and direction kept); None when it names none. ``member`` is the
    figure's own partner where the subject names a list ('those to Chile and Japan rose 5% and 8%,
    respectively')."""
    subject = _demonstrative_subject(amount_span) if trade.flow == "directional" else None
    if subject is None:
        return None
    lex = _lexicon()
    for prep in (c for c in subject.children if c.dep_ == "prep"):
        parties = [code for o in prep.children if o.dep_ == "pobj" for code in _parties_in(o, ctx)]
        if not parties:
            continue
        if member in parties:
            parties = [member]
        if prep.lower_ in lex["to_prepositions"] and parties[0] != trade.from_:
            return trade.model_copy(update={"to": parties[0]})
        if prep.lower_ in lex["from_prepositions"] and parties[0] != trade.to:
            return trade.model_copy(update={"from_": parties[0]})
    return None
