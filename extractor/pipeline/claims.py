"""Claims: amounts, periods, actors and sources assembled into checkable statements.

* ``trade_value``: a money amount in a clause about trade ("North Korea
  imported more than $228 million worth of goods from its neighbor").
* ``trade_change``: a change (percent or times) in such a clause ("China's
  exports to North Korea rose 20.9% from a year earlier"), with its basis
  (``year_on_year`` / ``period_on_period``) read from the comparison phrase.
* ``comparison``: a superlative with a reference ("the highest since December
  2019", "its highest level in over six years").
* ``quantity``: any other amount, with the actors of its sentence.

Direction follows the argument structure of the trade word (the lexicon in
``data/trade_lexicon.json``): the agent of an *import* word (subject of
"imported", possessor of "imports") is the importer and its "from" party the
exporter; an *export* word the reverse; "trade between A and B", "A's trade
with B" and "A-B trade" are totals. A party the sentence leaves out comes from
discourse: the previous trade claim's parties, else the article's two most
mentioned states (news copy names the pair once and then says "imports rose").

The period of a claim is the one its clause names, never a comparison's
reference ("since December 2019") nor a change's basis ("a year earlier");
an amount inside "when ..." attached to a period takes that period. A clause
with no period takes the data period of the previous trade sentence (news
states the month once: "Trade last month reached ... The North imported ...").

Sources are those of the sentence, original data first, followed by whoever
relayed them ("Citing data from GAC, NK News reported"); a sentence without
one inherits the sources of the preceding sentence of its paragraph.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from models import Actor, Amount, Claim, Comparison, Period, Source, Trade

from .extensions import isolated  # (importing it registers Doc._.claims)
from .calendar_spans import shift_period
from .lexicon import load_table, phrase_matcher

CURRENCY_UNITS_EXCLUDED = {"percent", "percentage_point", "times", "count"}
_DATA_GRANULARITIES = {"month", "quarter", "half", "year", "range"}
_TIME_PREPOSITIONS = {"in", "for", "during", "as", "of", "at", "by", "through"}
_SUPERLATIVE_TAGS = {"JJS", "RBS"}


@cache
def _lexicon() -> dict:
    table = load_table("trade_lexicon.json")
    words = {}
    for kind in ("import", "export", "total"):
        for w in table[kind]:
            words[w] = kind
    return {**table, "words": words}


@cache
def _partner_patterns() -> tuple[tuple[str, str], ...]:
    """(code or name, phrase) for the partners that are not one country (the lexicon's table)."""
    table = _lexicon()["partners"]
    return tuple((label, phrase) for group in ("codes", "regions")
                 for label, phrases in table[group].items() for phrase in phrases)


def _is_money(amount: Amount) -> bool:
    return amount.unit not in CURRENCY_UNITS_EXCLUDED and len(amount.unit) == 3 and amount.unit.isupper()


def _is_balance(token: Token) -> bool:
    """'trade surplus', 'the trade deficit', 'export surplus': a balance is no flow."""
    balances = _lexicon()["balance_nouns"]["words"]
    return token.dep_ in {"compound", "amod", "nmod"} and token.head.lemma_.lower() in balances


def _trade_kind(token: Token) -> str | None:
    lex = _lexicon()
    if _is_balance(token):
        return None
    words = lex["words"]
    kind = words.get(token.lower_) or words.get(token.lemma_.lower())
    if kind is None and token.pos_ in {"VERB", "AUX"}:
        verbs = lex["verb_only"]["words"]
        kind = verbs.get(token.lower_) or verbs.get(token.lemma_.lower())
    return kind


def _commodity(trigger: Token, ctx: "_Context") -> tuple[str | None, str | None]:
    """The goods a trade word is about, as (HS code, the goods' words): ('2701', 'coal') for 'coal
    exports', (None, 'biohealth') when named but not in the table, (None, None) for all goods
    ('goods', 'products' or nothing)."""
    lex = _lexicon()
    codes = lex["commodities"]["codes"]
    generic = set(lex["generic_goods"])
    skip = set(lex["non_commodity_modifiers"])
    phrases: list[Span] = []
    for child in trigger.children:
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < trigger.i:
            phrases.append(ctx.doc[child.left_edge.i: child.i + 1])
        if child.dep_ == "prep" and child.lower_ == "of":
            phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in child.children if c.dep_ == "pobj"]
    for child in trigger.children:   # "imported $X worth of coal": the goods hang on the object
        if child.dep_ in {"dobj", "attr"}:
            for c in child.subtree:
                if c.dep_ == "pobj" and c.head.lower_ == "of":
                    phrases.append(ctx.doc[c.left_edge.i: c.right_edge.i + 1])
            # "bought 16 ventilators": the object itself, when it is goods and not the figure
            if child.pos_ == "NOUN" and not child.like_num and child.ent_type_ not in {"MONEY", "CARDINAL", "QUANTITY"}:
                phrases.append(ctx.doc[child.left_edge.i: child.i + 1])
    # "luxury goods imported from China": a participle's noun is what was traded
    if trigger.dep_ in {"acl", "relcl"} and trigger.head.pos_ == "NOUN":
        head = trigger.head
        phrases.append(ctx.doc[head.left_edge.i: head.i + 1])
    # "the export value of these beauty products": the goods of the noun the trade word qualifies
    if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN":
        for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "of"):
            phrases += [ctx.doc[c.left_edge.i: c.right_edge.i + 1] for c in prep.children if c.dep_ == "pobj"]
    for phrase in phrases:
        words = [t for t in phrase if not t.is_punct and t.i not in ctx.country_at and t.i not in ctx.pair_at
                 and not t.like_num
                 and t.i not in ctx.period_tokens and t.lower_ not in skip and t.pos_ in {"NOUN", "PROPN", "ADJ"}
                 and not _trade_kind(t)]
        if not words:
            continue
        text = " ".join(t.lower_ for t in words)
        for name, code in sorted(codes.items(), key=lambda item: -len(item[0])):
            if name == text or f" {name} " in f" {text} ":
                return code, text
        if not all(t.lower_ in generic or t.lemma_.lower() in generic for t in words):
            return None, text
    return None, None


@dataclass
class _Context:
    doc: Doc
    amounts: list[Amount]
    periods: list[Period]
    actors: list[Actor]
    sources: list[Source]
    sents: list[Span] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    country_at: dict[int, str] = field(default_factory=dict)      # token index -> ISO code
    period_spans: list[Span | None] = field(default_factory=list)
    amount_spans: list[Span | None] = field(default_factory=list)
    main_countries: list[str] = field(default_factory=list)
    period_tokens: set[int] = field(default_factory=set)
    pair_at: dict[int, list[str]] = field(default_factory=dict)   # "inter-Korean": both parties
    current_sentence: int = -1           # the sentence being assembled
    previous_claim_sentence: int = -2    # the sentence of the last trade claim

    def __post_init__(self):
        self.sents = list(self.doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        for actor in self.actors:
            if actor.type == "country" and actor.id:
                span = self.span(actor)
                if span is not None:
                    for t in range(span.start, span.end):
                        self.country_at[t] = actor.id
        # Blocs, regions, groups and the world as trade partners ("the European Union", "Southeast
        # Asia", "countries along the Belt and Road"): a longer name wins over a country inside it.
        matcher = phrase_matcher(self.doc.vocab, "trade_partners", _partner_patterns(), attr="LOWER")
        spans = [Span(self.doc, start, end, label=match_id) for match_id, start, end in matcher(self.doc)
                 # "the world's largest exporter" says who, not with whom
                 if not (self.doc.vocab.strings[match_id] == WORLD and end < len(self.doc)
                         and self.doc[end].lower_ in {"'s", "’s"})]
        for span in filter_spans(spans):
            for t in range(span.start, span.end):
                self.country_at[t] = span.label_
        pairs = _lexicon()["pair_adjectives"]["words"]
        matcher = phrase_matcher(self.doc.vocab, "trade_pair_adjectives", [(w, w) for w in pairs], attr="LOWER")
        for match_id, start, end in matcher(self.doc):
            for t in range(start, end):
                self.pair_at[t] = pairs[self.doc.vocab.strings[match_id]]
        self.period_spans = [self.span(p) for p in self.periods]
        # "China's January exports": a period modifying a trade word is no kind of goods
        self.period_tokens = {t for span in self.period_spans if span is not None for t in range(span.start, span.end)}
        self.amount_spans = [self.span(a) for a in self.amounts]
        counts = Counter(a.id for a in self.actors if a.type == "country" and a.id)
        self.main_countries = [code for code, _ in counts.most_common()]
        # Read once per doc: the assembly asks for them sentence after sentence.
        self.roles = [_reference_role(i, self) for i in range(len(self.periods))]
        self.paragraph_breaks = [m.start() for m in re.finditer("\n\n", self.doc.text)]

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.paragraph_breaks, char - 2)   # breaks ending at or before char

    def span(self, mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def countries_in(self, token: Token) -> list[str]:
        """States named in a phrase, conjuncts included ("North Korea and China"); "inter-Korean"
        names two."""
        out = []
        for t in token.subtree:
            for code in self.pair_at.get(t.i, [self.country_at.get(t.i)]):
                if code and code not in out:
                    out.append(code)
        return out


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


def _parties_in(phrase: Token, ctx: _Context) -> list[str]:
    """The countries a prepositional object names as parties: "to Japan's biggest trading
    partner, China" is China (a possessor says whose partner, not who trades)."""
    possessed = {t.i for c in phrase.subtree if c.dep_ == "poss" for t in c.subtree}
    named = [code for t in phrase.subtree if t.i not in possessed
             for code in ctx.pair_at.get(t.i, [ctx.country_at.get(t.i)]) if code]
    return list(dict.fromkeys(named)) or ctx.countries_in(phrase)


def _trigger_for(amount_span: Span, sent: Span) -> Token | None:
    """The trade word an amount belongs to: on its chain of heads, or an argument along it
    (the subject of "exports reached $X", the object of "put imports at $X")."""
    chain = [amount_span.root] + list(amount_span.root.ancestors)
    balances = set(_lexicon()["balance_nouns"]["words"])
    for head in chain:
        if head.i < sent.start or head.i >= sent.end:
            break
        # "a trade surplus of $12 billion", "the deficit stood at $7 billion": a balance, no flow
        if head.lemma_.lower() in balances or any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and c.lemma_.lower() in balances for c in head.children):
            return None   # "posted a deficit of ¥424 billion, compared with ¥58.3 billion" too
        if _trade_kind(head):
            return head
        arguments = sorted((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}),
                           key=lambda c: abs(c.i - amount_span.start))
        for child in arguments:
            for t in [child] + [c for c in child.children if c.dep_ in {"compound", "amod"}]:
                if _trade_kind(t):
                    return t
        if head.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            # A misparsed subject ("in the period of 2023 Chinese exports ... reached $X"):
            # the nearest trade noun before the verb within its own clause.
            for t in sorted((t for t in head.subtree if t.i < head.i and _trade_kind(t)), key=lambda t: -t.i):
                if not any(a.pos_ in {"VERB", "AUX"} for a in t.ancestors if a.i != head.i and head in a.ancestors):
                    return t
    triggers = [t for t in sent if _trade_kind(t)]
    if not triggers:
        return None
    return min(triggers, key=lambda t: abs(t.i - amount_span.root.i))


def _frame(trigger: Token, ctx: _Context) -> TradeFrame:
    lex = _lexicon()
    frame = TradeFrame(_trade_kind(trigger), trigger)
    # The agent: subject of a trade verb, possessor or modifier of a trade noun.
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else None
    if verb is None and trigger.dep_ in {"nsubj", "nsubjpass"}:
        verb = None  # "Exports rose": the noun carries the frame
    left = []
    if verb is not None:
        left = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not left and trigger.dep_ == "conj":   # "China exported and imported ...": the shared subject
            left = [c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "exported and imported $40.67 billion worth of goods": both flows, so the total
        if any(_trade_kind(t) not in (None, frame.kind, "total") for t in [trigger.head] + list(trigger.children)
               if t.dep_ == "conj" or t == trigger.head and trigger.dep_ == "conj"):
            frame.kind = "total"
    else:
        left = [c for c in trigger.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < trigger.i]
        if trigger.dep_ in {"compound", "nmod"} and trigger.head.pos_ == "NOUN":
            # "China's foreign trade volume": whose is said of the noun the trade word qualifies
            left += [c for c in trigger.head.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                     and c.i < trigger.i and c != trigger]
    agents: list[str] = []
    for c in left:
        for code in ctx.countries_in(c):
            if code not in agents:
                agents.append(code)
    # Prepositional parties of the trigger (and of its direct object: "goods from X").
    preps = [c for c in trigger.children if c.dep_ == "prep"]
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "attr", "npadvmod"}):
        preps += [c for c in obj.subtree if c.dep_ == "prep" and c.head.i != trigger.i]
        # "bought $3.34 billion worth of Chinese goods": a country naming the goods is where they come from
        for goods in (t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "of"):
            makers = [code for c in goods.children if c.dep_ in {"amod", "compound", "nmod"}
                      for code in ctx.countries_in(c)]
            if makers and frame.source is None:
                frame.source = makers[0]
    # "the export value of these beauty products from Vietnam to Japan": a trade word qualifying a
    # noun shares that noun's parties
    if trigger.dep_ in {"compound", "amod", "nmod"} and trigger.head.pos_ == "NOUN":
        head = trigger.head
        preps += [c for c in head.children if c.dep_ == "prep" and c.lower_ != "of"]
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for goods in (c for c in of.children if c.dep_ == "pobj"):
                preps += [c for c in goods.children if c.dep_ == "prep"]
    # "North Korea's annual exports totalling $292 million to China": a participle modifying the
    # trade noun carries its parties
    for acl in (c for c in trigger.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"):
        preps += [c for c in acl.children if c.dep_ == "prep"]

    for prep in preps:
        word = prep.lower_
        parties = []
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            parties += _parties_in(pobj, ctx)
        if not parties:
            continue
        if word in {"between", "with", "among"}:
            frame.between += [p for p in parties if p not in frame.between]
            frame.partners += [p for p in parties if p not in frame.partners]
        elif word in lex["from_prepositions"] and frame.source is None:
            frame.source = parties[0]
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
    return frame


#: What a claim's ``inferred`` says of a part taken from discourse rather than its sentence.
FROM_PREVIOUS_CLAIM = "taken from the previous claim about trade"
FROM_MAIN_COUNTRIES = "the countries the article names most"
FROM_EARLIER_SENTENCE = "taken from an earlier sentence about trade"
FROM_ARTICLE_TOPIC = "the period most of the article's trade figures are about"
UNSTATED_BASIS = "the change is taken as year on year, the customs convention when no comparison is stated"


WORLD = "WLD"
WORLD_READING = "the partner is the world: a country's trade with no partner named"


def _main_pair(ctx: _Context) -> list[str]:
    return ctx.main_countries[:2]


def _other_party(known: str | None, ctx: _Context, previous: Trade | None,
                 world: bool = False) -> tuple[str | None, str | None]:
    """The party a sentence leaves out, and where it came from (None: read, not inferred).

    "China's foreign trade", "global exports": the world. Else the other party of the previous
    claim when that claim is about the same country and the article's pair (a bilateral story
    names the pair once: "North Korea's trade with China ... Its exports rose"). Else the world:
    "South Korea's exports rose 8.2%" are its exports to all partners (how customs and the wires
    report a country's trade; UN Comtrade's partner WLD)."""
    if world:
        return WORLD, None
    if previous is not None:
        ends = [previous.from_, previous.to] if previous.flow == "directional" else list(previous.between or [])
        others = [e for e in ends if e and e != known]
        if others and (known in ends or known is None) and (others[0] in _main_pair(ctx) or others[0] == WORLD):
            return others[0], f"the other party is {FROM_PREVIOUS_CLAIM}"
    return WORLD, None


def _story_reporter(known: str | None, previous: Trade | None, previous_agent: str | None,
                    ctx: _Context) -> str | None:
    """Whose trade a sentence that names only the partner states: the country whose trade the
    story has been reporting (the previous claim's agent), never the partner itself nor the world."""
    if previous_agent and previous_agent not in (known, WORLD):
        return previous_agent
    if previous is not None:
        ends = [previous.from_, previous.to] if previous.flow == "directional" else list(previous.between or [])
        others = [e for e in ends if e and e not in (known, WORLD)]
        if others:
            return others[0]
    others = [c for c in ctx.main_countries if c != known]
    return others[0] if others else None


def _balance_reporter(sent: Span, ctx: _Context) -> str | None:
    """The country whose trade balance a sentence states ("Japan recorded a trade deficit",
    "South Korea's trade surplus widened"): the subject of the clause or the possessor."""
    balances = set(_lexicon()["balance_nouns"]["words"])
    for token in sent:
        if token.lemma_.lower() not in balances or not any(_is_balance(c) for c in token.children):
            continue
        holders = [c for c in token.children if c.dep_ == "poss"]
        if token.dep_ in {"dobj", "attr"}:
            holders += [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for holder in holders:
            codes = ctx.countries_in(holder)
            if codes:
                return codes[0]
    return None


def _coordinations(sent: Span) -> list[list[Token]]:
    """Each coordinated list of the sentence, in order: 'the EU, the US and Japan'."""
    out = []
    for t in sent:
        if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
            continue
        items, frontier = [t], [t]
        while frontier:
            nxt = [c for x in frontier for c in x.children if c.dep_ == "conj"]
            items += nxt
            frontier = nxt
        out.append(sorted(items, key=lambda x: x.i))
    return out


def _respectively(sent: Span, amount_indexes: list[int], ctx: _Context) -> dict[int, dict]:
    """'trade with the EU, the US and Japan decreased 14.2%, 19.6% and 15.3%, respectively':
    the n-th figure goes with the n-th member of the list it is paired with -- a partner, a
    country whose trade it is, or a flow ('exports and imports ... respectively')."""
    explicit = any(t.lower_ == "respectively" for t in sent)
    lex = _lexicon()
    party_preps = {"with", "between", "among"} | set(lex["from_prepositions"]) | set(lex["to_prepositions"])
    groups: dict[str, list[int]] = {}
    for i in amount_indexes:
        unit = ctx.amounts[i].unit
        groups.setdefault("change" if unit in {"percent", "times", "percentage_point"} else "level", []).append(i)
    out: dict[int, dict] = {}
    # "fell 45 percent and 43 percent": a figure coordinated with a change is a change the same way
    roots = {ctx.amount_spans[i].root.i: i for i in amount_indexes if ctx.amount_spans[i] is not None}
    for items in _coordinations(sent):
        members = [roots[x.i] for x in items if x.i in roots]
        change = next((ctx.amounts[i].change for i in members if ctx.amounts[i].change), None)
        if change and len(members) >= 2:
            for i in members:
                out.setdefault(i, {})["change"] = change
    coordinated_figures = any(len([x for x in items if x.i in roots]) >= 2 for items in _coordinations(sent))
    if not (explicit or coordinated_figures):
        return out
    for items in _coordinations(sent):
        codes = [ctx.country_at.get(x.i) for x in items]
        if all(codes):
            role = "partner" if items[0].dep_ == "pobj" and items[0].head.lower_ in party_preps else \
                "agent" if items[0].dep_ in {"nsubj", "nsubjpass", "poss", "appos"} else None
            slots = [{role: c} for c in codes] if role else []
        elif all(_trade_kind(x) for x in items):
            slots = [{"trigger": x} for x in items]
        else:
            continue
        for group in groups.values():
            # without "respectively", only figures that are themselves coordinated pair up
            # ("exports to A and B grew 14.8% and 12%")
            if not explicit and not all(ctx.amount_spans[i] is not None and (
                    ctx.amount_spans[i].root.dep_ == "conj" or any(c.dep_ == "conj" for c in ctx.amount_spans[i].root.children))
                    for i in group):
                continue
            if len(group) == len(slots) >= 2:
                # "decreased 14.2, 19.6 and 15.3 percent": the verb's direction is every member's
                change = next((ctx.amounts[i].change for i in group if ctx.amounts[i].change), None)
                for i, slot in zip(group, slots):
                    out.setdefault(i, {}).update(slot, **({"change": change} if change else {}))
    return out


def _fill_slot(frame: TradeFrame, slot: dict) -> None:
    """Narrow a frame that names a list to the member a figure goes with."""
    if "partner" in slot:
        partner = slot["partner"]
        if frame.kind == "total":
            frame.between = [p for p in frame.between if p not in frame.partners or p == partner]
            if partner not in frame.between:
                frame.between.append(partner)
            frame.partners = [partner]
        elif frame.kind == "import":
            frame.source = partner
        else:
            frame.target = partner
    if "agent" in slot:
        frame.agent = slot["agent"]
        if frame.kind == "total":
            frame.between = [slot["agent"]] + [p for p in frame.partners if p != slot["agent"]]


def _world_modified(trigger: Token, whose: bool) -> bool:
    """'foreign trade', 'global exports', 'overall imports', 'exports worldwide'; and 'total' when
    the trade is someone's ('China's total exports': to all partners; a bare 'total trade' in a
    story about two countries is theirs). ``whose``: the frame names whose trade it is."""
    words = set(_lexicon()["world_modifiers"]["words"]) | ({"total"} if whose else set())
    return any(c.lower_ in words and c.dep_ in {"amod", "compound", "advmod", "nmod"} for c in trigger.children) \
        or trigger.lower_ in words - {"total"}


def _trade(frame: TradeFrame, ctx: _Context, previous: Trade | None,
           inferred: dict[str, str] | None = None, pair_named: bool = False,
           previous_agent: str | None = None) -> Trade | None:
    """The trade a frame states; what the sentence leaves out comes from ``previous`` or the
    article, and is recorded in ``inferred``. ``pair_named``: the sentence says "the two
    countries", an explicit reference to the article's pair. ``previous_agent``: whose trade
    the previous claim stated; a bare "imports rose" after "China's exports to X" is China's
    imports (the story keeps its reporter), so from X to China.

    Roles: a "from" party is the exporter and a "to" party the importer whatever the trade
    word; the agent (subject, possessor) takes the role the word gives it, or the role the
    prepositions leave open ("North Korea's shipments from China": North Korea imports)."""
    inferred = {} if inferred is None else inferred
    world = _world_modified(frame.trigger, bool(frame.agent or frame.between))
    if frame.kind == "total" or (frame.between and frame.agent is None and not (frame.source or frame.target)):
        parties = list(frame.between)
        if len(parties) == 1 and parties[0] in frame.partners and frame.agent is None:
            # "Trade with the Netherlands stood at ...": the partner is named, whose trade it is
            # is the story's reporter
            reporter = _story_reporter(parties[0], previous, previous_agent, ctx)
            if reporter:
                parties.append(reporter)
                inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
        elif len(parties) == 1:
            other, how = _other_party(parties[0], ctx, previous, world)
            if other and other != parties[0]:
                parties.append(other)
                if how:
                    inferred["parties"] = how
        if len(parties) == 0 and previous is not None and previous.flow == "total":
            parties = list(previous.between or [])
            if not pair_named:
                inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        if len(parties) == 0 and (pair_named or not world):
            # "bilateral trade", "the two countries exchanged": the article's pair.
            parties = _main_pair(ctx)
            if not pair_named:
                inferred["parties"] = f"the parties are {FROM_MAIN_COUNTRIES}"
        if len(parties) < 2:
            return None
        return Trade(flow="total", between=sorted(parties[:2]))
    agent, source, target = frame.agent, frame.source, frame.target
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
        # "China's foreign trade fell 11% ... Exports dipped 17.2%": the reporter's exports to the
        # world; "In trade with the US, Japan's surplus plunged. Exports were up 13.8%": Japan's
        # to the US. A bilateral total with no known reporter says nothing of whose exports these are.
        reporter = previous_agent if previous_agent in ends else next((p for p in ends if p != WORLD), None) \
            if WORLD in ends else None
        if reporter is not None:
            other = next(p for p in ends if p != reporter)
            inferred["parties"] = f"the reporter and partner are {FROM_PREVIOUS_CLAIM}"
            exporter, importer = (other, reporter) if frame.kind == "import" else (reporter, other)
            return Trade(flow="directional", **{"from": exporter, "to": importer})
        if previous is None or previous.flow != "directional":
            return None
        inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
        agent = previous_agent if previous_agent in (previous.from_, previous.to) else previous.from_
        other = previous.to if agent == previous.from_ else previous.from_
        # "Exports to China retreated 6.4%, while imports fell 5.7%": the sentence's own partner
        same_sentence = ctx.previous_claim_sentence == ctx.current_sentence
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
        reporter = _story_reporter(known, previous, previous_agent, ctx)
        if reporter is None:
            return None
        inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
        if frame.kind != "import":
            exporter = reporter
        else:
            importer = reporter
    if importer is None:
        importer, how = _other_party(exporter, ctx, previous, world)
        if how:
            inferred["parties"] = how
    if exporter is None:
        exporter, how = _other_party(importer, ctx, previous, world)
        if how:
            inferred["parties"] = how
    if importer is None or exporter is None or importer == exporter:
        return None
    return Trade(flow="directional", **{"from": exporter, "to": importer})


_POSSIBILITY_MODALS = frozenset({"may", "might", "can", "could", "would", "should", "must"})


def _hypothetical(trigger: Token) -> bool:
    """A trade verb under a modal of possibility or obligation ('may import', 'could ship'):
    what is allowed or possible, not what was traded ('will' is a forecast, kept and left
    unverifiable by the check)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children)


def _agent_of(trade: Trade | None, frame: TradeFrame, previous_agent: str | None) -> str | None:
    """Whose trade a claim states: the exporter of an export word, the importer of an import word
    ("China's exports to ...": China; "North Korea imported ...": North Korea), the possessor of
    a total ("China's trade with Germany"); a total with no possessor keeps the story's."""
    if trade is None:
        return previous_agent
    if trade.flow != "directional":
        return frame.agent or previous_agent
    return trade.to if frame.kind == "import" else trade.from_


def _parties_named_in(sent: Span, trade: Trade, ctx: _Context) -> bool:
    """Every party of ``trade`` is named in the sentence itself: then they are read, even where
    the parser did not attach them to the trade word ("Commerce across the border between North
    Korea and China jumped")."""
    parties = [trade.from_, trade.to] if trade.flow == "directional" else list(trade.between or [])
    named = {ctx.country_at[t] for t in range(sent.start, sent.end) if t in ctx.country_at}
    return all(p in named for p in parties if p)


def _refers_to_the_pair(sent: Span, ctx: _Context) -> bool:
    """The sentence refers to the article's pair ("the two countries", "bilateral") and names no
    other country: "Russia was its second-largest partner, with bilateral trade of $84 million"
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
        role = nouns.get(token.lower_)
        if role is None or token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ in {"det", "compound", "amod", "poss"} for c in token.children):
            continue
        if role == "total" and previous.flow == "directional":
            return Trade(flow="total", between=sorted([previous.from_, previous.to]))
        return previous.model_copy()
    return None


# -- periods ----------------------------------------------------------------------

def _phrase_matches(text: str, phrases: list[str]) -> bool:
    low = text.lower()
    return any(p in low for p in phrases)


def _in_other_relative_clause(token: Token, amount_root: Token) -> bool:
    """The period is inside a relative clause the amount is not in ("$147 million, which soared to
    $190 million in 2022")."""
    for clause in [token] + list(token.ancestors):
        if clause.dep_ == "relcl":
            return not (clause.left_edge.i <= amount_root.i <= clause.right_edge.i)
    return False


_SUBORDINATORS = frozenset({"since", "because", "as", "after", "before", "until", "although", "though", "while", "once"})


def _in_other_subordinate_clause(token: Token, amount_root: Token) -> bool:
    """The period is inside a subordinate clause the amount is not in ("... had run a deficit since
    the agency started tallying data in 1990"): that clause's time, not the figure's."""
    for clause in [token] + list(token.ancestors):
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in _SUBORDINATORS]
        # only what follows the subordinator is the clause's ("In the first three quarters, before the
        # sanctions took hold, ...": a fronted period the parser hung on the clause is not)
        if clause.dep_ == "advcl" and marks and marks[0].i < token.i:
            return not (clause.left_edge.i <= amount_root.i <= clause.right_edge.i)
    return False


def _through_a_clause(token: Token, top: Token) -> bool:
    """Whether the path from ``token`` up to ``top`` passes a clause of its own (relative,
    adverbial, participial)."""
    for t in [token] + list(token.ancestors):
        if t == top:
            return False
        if t.dep_ in {"relcl", "advcl", "acl", "ccomp"}:
            return True
    return False


def _reference_role(index: int, ctx: _Context) -> str | None:
    """'since' for a comparison's reference, 'basis' for a change's base period, else None
    (computed once per period into ``ctx.roles``)."""
    span = ctx.period_spans[index]
    if span is None:
        return None
    lex = _lexicon()
    if span.start > 0 and ctx.doc[span.start - 1].lower_ == "since" or span.root.head.lower_ == "since":
        return "since"
    # "a year earlier", "the same period last year": the basis phrase reaches into the period itself
    # ("fell 13 percent year on year in May" names May as the figure's month, not a base)
    start = ctx.doc[max(span.sent.start, span.start - 3)].idx
    window = ctx.doc.text[start: span.end_char].lower()
    cut = span.start_char - start
    for phrase in lex["year_on_year"] + lex["period_on_period"]:
        at = window.find(phrase)
        if at != -1 and at + len(phrase) > cut:
            return "basis"
    head = span.root.head
    if head.lower_ == "in" and head.head.lower_ in {"than", "from", "with", "to"}:
        head = head.head   # "10.8% less than in the previous year", "compared to in 2019"
    if head.lower_ in {"from", "than", "on", "over", "against"} and head.head.lower_ in \
            set(lex["comparative_change"]) | {"up", "down", "rose", "fell", "compared", "increase", "decrease", "rise", "fall", "less", "more"}:
        return "basis"   # "up 10.2% on July", "10.8% less than in 2019"
    return None


def _data_periods(sent_index: int, ctx: _Context) -> list[int]:
    """Periods of a sentence that can be a claim's data period."""
    sent = ctx.sents[sent_index]
    out = []
    for i, p in enumerate(ctx.periods):
        # Unresolved periods (no publication date) still name the claim's period.
        if sent.start_char <= p.start < sent.end_char and p.granularity in _DATA_GRANULARITIES:
            if ctx.roles[i] is None:
                out.append(i)
    return out


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a] + list(a.ancestors)
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in index:
            return index[t.i] + n
    return 100 + abs(a.i - b.i)


def _period_for(amount_span: Span, sent_index: int, ctx: _Context, is_change: bool = False) -> int | None:
    # "December 2019, when it totaled $279 million": a when-clause right after a
    # period is about that period, whatever the parser attached it to.
    for head in [amount_span.root] + list(amount_span.root.ancestors):
        when = next((c for c in head.children if c.lower_ == "when" and c.i < amount_span.start), None)
        if when is None:
            continue
        before = when.i - 1
        while before >= 0 and ctx.doc[before].is_punct:
            before -= 1
        for i, span in enumerate(ctx.period_spans):
            if span is not None and span.end - 1 == before:
                return i
        break
    # "$222.1 million the month prior": a period right after a level is its own
    # (after a change, "27% more than a year earlier" names the base, not the claim's period).
    # "from $22.8 million in 2020 to $40.6 million as of July 2023": so is one after a preposition
    # of time, the second level of a "from A to B" move keeping its own.
    for i, span in enumerate(ctx.period_spans):
        if span is None or ctx.periods[i].granularity not in _DATA_GRANULARITIES or (is_change and ctx.roles[i] == "basis"):
            continue
        if span.end < amount_span.start and span.end + 1 == amount_span.start \
                and ctx.doc[span.end].lower_ in {"'s", "’s"}:
            return i   # "the previous year's $1.98 billion", "last year's $6.4 billion"
        if span.start < amount_span.end:
            continue
        between = ctx.doc[amount_span.end: span.start]
        if span.start == amount_span.end or (len(between) <= 2 and all(
                t.lower_ in _TIME_PREPOSITIONS for t in between)):
            return i
    # "up from $222.1 million in April": a period inside the amount's own phrase
    # is its period, even when it is the reference of the sentence's change.
    # Not through a clause hanging on the amount ("$147 billion, which soared to $190 billion in
    # 2022": 2022 is the relative clause's).
    local = amount_span.root.head if amount_span.root.dep_ == "pobj" else amount_span.root
    for i, span in enumerate(ctx.period_spans):
        if span is not None and ctx.periods[i].granularity in _DATA_GRANULARITIES and \
                local.left_edge.i <= span.root.i <= local.right_edge.i and not amount_span.start <= span.root.i < amount_span.end \
                and ctx.roles[i] != "since" and not (is_change and ctx.roles[i] == "basis") \
                and not _through_a_clause(span.root, local):
            return i
    # "edged down 0.1% to $70.8 billion due to strikes in the second half": a period inside a cause
    # is the cause's
    causal = set(_lexicon()["causal_adjuncts"]["words"])
    candidates = [i for i in _data_periods(sent_index, ctx)
                  if not any(a.lower_ in causal for a in ctx.period_spans[i].root.ancestors
                             if amount_span.root not in a.subtree)
                  and not _in_other_relative_clause(ctx.period_spans[i].root, amount_span.root)
                  and not _in_other_subordinate_clause(ctx.period_spans[i].root, amount_span.root)]
    if not candidates:
        return None
    return min(candidates, key=lambda i: (_tree_distance(amount_span.root, ctx.period_spans[i].root),
                                          abs(ctx.period_spans[i].start - amount_span.start)))


def _basis_from_reference(period: int | None, s_index: int, ctx: _Context) -> str | None:
    """'down from $257.73 million in December ... a decline of 34.5%': the basis is what the
    stated reference period is to the claim's period (the month before, or a year before)."""
    if period is None or ctx.periods[period].from_ is None:
        return None
    p = ctx.periods[period]
    lo = ctx.sents[max(0, s_index - 1)].start_char
    hi = ctx.sents[s_index].end_char
    for i, ref in enumerate(ctx.periods):
        if i == period or not (lo <= ref.start < hi) or ref.from_ is None:
            continue
        # a year's previous period is the year before: for years both shifts coincide, and the
        # customs name for it is year on year
        for basis in ("year_on_year", "period_on_period"):
            if shift_period(p.from_, p.to, basis) == (ref.from_, ref.to):
                return basis
    return None


def _basis(sent: Span) -> str | None:
    lex = _lexicon()
    if _phrase_matches(sent.text, lex["year_on_year"]):
        return "year_on_year"
    if _phrase_matches(sent.text, lex["period_on_period"]):
        return "period_on_period"
    return None


# -- sources ----------------------------------------------------------------------

def _sources_in(sent_index: int, ctx: _Context) -> list[int]:
    sent = ctx.sents[sent_index]
    own = [i for i, s in enumerate(ctx.sources) if sent.start_char <= s.start < sent.end_char]
    # original data first: data sources, then outlets and the rest in text order
    own.sort(key=lambda i: (ctx.sources[i].type != "data_source", ctx.sources[i].start))
    chain = list(own)
    for i in own:
        name = ctx.sources[i].name
        relays = [s.via for s in ctx.sources if s.name == name and s.via]
        for relay in relays:
            j = next((k for k, s in enumerate(ctx.sources) if s.name == relay), None)
            if j is not None and all(ctx.sources[c].name != relay for c in chain):
                chain.append(j)
    return chain


# -- assembly ---------------------------------------------------------------------

def claim_id(kind: str, sentence_start: int, anchor: int, detail: str = "") -> str:
    """Stable for the same clean text: derived from positions, never from run order."""
    digest = hashlib.sha1(f"{kind}|{sentence_start}|{anchor}|{detail}".encode()).hexdigest()
    return f"{kind[0]}{digest[:11]}"


def assemble_claims(doc: Doc, amounts: list[Amount] | None = None, periods: list[Period] | None = None,
                    actors: list[Actor] | None = None, sources: list[Source] | None = None) -> list[Claim]:
    """Claims of ``doc`` in text order (arguments default to the ``doc._`` extensions)."""
    ctx = _Context(doc, amounts if amounts is not None else (doc._.amounts or []),
                   periods if periods is not None else (doc._.periods or []),
                   actors if actors is not None else (doc._.actors or []),
                   sources if sources is not None else (doc._.sources or []))
    claims: list[Claim] = []
    seen_sentences: set[tuple[str, str]] = set()
    previous_trade: Trade | None = None
    previous_agent: str | None = None     # whose trade the last directional claim stated
    data_period: int | None = None        # the period the last trade sentence was about
    last_sources: tuple[int, list[int]] = (-1, [])   # paragraph, source indexes
    amount_claim: dict[int, Claim] = {}
    last_trade_sentence: int | None = None

    by_sentence: dict[int, list[int]] = {}
    for i, a in enumerate(ctx.amounts):
        by_sentence.setdefault(ctx.sentence_of(a.start), []).append(i)

    for s_index, sent in enumerate(ctx.sents):
        ctx.current_sentence = s_index
        ctx.previous_claim_sentence = last_trade_sentence if last_trade_sentence is not None else -2
        paragraph = ctx.paragraph_of(sent.start_char)
        sent_sources = _sources_in(s_index, ctx)
        if not sent_sources and last_sources[0] == paragraph:
            sent_sources = list(last_sources[1])
        if sent_sources:
            last_sources = (paragraph, sent_sources)
        sent_actors = [i for i, a in enumerate(ctx.actors) if sent.start_char <= a.start < sent.end_char]
        sent_periods = _data_periods(s_index, ctx)
        has_trade_word = any(_trade_kind(t) for t in sent)
        # A sentence that names no state continues the trade story only right after it.
        continues = last_trade_sentence is not None and (
            s_index - last_trade_sentence <= 1 or ctx.paragraph_of(ctx.sents[last_trade_sentence].start_char) == paragraph)
        names_a_state = any(ctx.actors[i].type == "country" for i in sent_actors) or _names_the_pair(sent) \
            or any(t.i in ctx.pair_at for t in sent)
        anaphor = None if has_trade_word or not continues else _anaphoric_trade_noun(sent, previous_trade)
        folded = " ".join(sent.text.split()).lower()

        respective = _respectively(sent, by_sentence.get(s_index, []), ctx)
        for a_index in by_sentence.get(s_index, []):
            amount, span = ctx.amounts[a_index], ctx.amount_spans[a_index]
            key = (folded, amount.start - sent.start_char)
            if span is None or key in seen_sentences:
                continue   # one sentence's claim is never counted twice
            seen_sentences.add(key)
            period = _period_for(span, s_index, ctx, is_change=amount.change is not None)
            common = dict(sentence=sent.text, start=sent.start_char, end=sent.end_char, amount=a_index,
                          actors=sent_actors, sources=sent_sources)
            # A trade word with no state named counts once the article has told a trade story.
            trigger = _trigger_for(span, sent) if has_trade_word and (names_a_state or previous_trade is not None) else None
            slot = respective.get(a_index, {})
            if "trigger" in slot:
                trigger = slot["trigger"]   # "exports and imports rose 5% and 3%, respectively"
            # Shares ("56% of its exports, up 3.5 percentage points") are not computed from trade levels.
            is_change = (amount.change or slot.get("change")) is not None and amount.unit in {"percent", "times"}
            trade = None
            inferred: dict[str, str] = {}
            goods = _commodity(trigger, ctx) if trigger is not None else (None, None)
            # "97,492,000 tonnes of iron ore", "1.47 million pairs of gloves": a goods-level figure
            # may be a quantity; the flow's value is money
            # a count is of the goods only as the trade word's own object ("bought 16 ventilators"),
            # not "strikes at two mines"
            measured = amount.unit not in CURRENCY_UNITS_EXCLUDED or (
                amount.unit == "count" and amount.change is None and trigger is not None
                and span.root.head in (trigger, *trigger.children) and span.root.dep_ in {"dobj", "attr", "nummod", "pobj"})
            if trigger is not None and _hypothetical(trigger):
                trigger = None   # "the North may receive up to 500,000 barrels": a rule or a possibility, not a figure
            if trigger is not None and (_is_money(amount) or is_change or (goods[1] and measured)):
                code, words = goods
                # Goods-level figures are claims only when the sentence names who trades them.
                if code is None and words is None or names_a_state:
                    frame = _frame(trigger, ctx)
                    _fill_slot(frame, slot)
                    trade = _trade(frame, ctx, previous_trade, inferred, _refers_to_the_pair(sent, ctx), previous_agent)
                    if trade is not None:
                        trade.commodity, trade.commodity_text = code, words
                        if code is None and words is None:
                            previous_agent = _agent_of(trade, frame, previous_agent)
            elif anaphor is not None and (_is_money(amount) or is_change):
                trade = anaphor.model_copy()
                inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
                inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
            if trade is not None:
                if "parties" in inferred and _parties_named_in(sent, trade, ctx):
                    del inferred["parties"]
                if period is None and data_period is not None:
                    period = data_period
                    inferred["period"] = f"the period is {FROM_EARLIER_SENTENCE}"
                kind = "trade_change" if is_change else "trade_value"
                if kind == "trade_change":
                    trade.basis = _basis(sent) or _basis_from_reference(period, s_index, ctx)
                    if trade.basis is None:
                        # "exports fell 5.9 percent": customs data and the wires compare with the
                        # same period a year earlier unless they say otherwise
                        trade.basis = "year_on_year"
                        inferred["basis"] = UNSTATED_BASIS
                claim = Claim(id=claim_id(kind, sent.start_char, amount.start), kind=kind, period=period,
                              trade=trade, inferred=inferred, **common)
                previous_trade = trade
                last_trade_sentence = ctx.previous_claim_sentence = s_index
                if period is not None and ctx.roles[period] is None:
                    data_period = period
            else:
                claim = Claim(id=claim_id("quantity", sent.start_char, amount.start), kind="quantity",
                              period=period, **common)
            claims.append(claim)
            amount_claim[a_index] = claim
        if sent_periods and (has_trade_word or any(_is_balance(t) for t in sent)):
            data_period = sent_periods[0]   # "Japan logged a trade deficit in July": the story's month
        if has_trade_word and names_a_state and last_trade_sentence != s_index:
            # "North Korea's trade with China grew in the spring." sets the story's frame
            # even without a figure.
            trigger = next(t for t in sent if _trade_kind(t))
            frame = _frame(trigger, ctx)
            frame_trade = _trade(frame, ctx, previous_trade, previous_agent=previous_agent)
            if frame_trade is not None:
                previous_trade = frame_trade
                previous_agent = _agent_of(frame_trade, frame, previous_agent)
        elif previous_trade is None and names_a_state:
            # "Japan recorded a trade deficit in May": no flow, but whose trade the story reports
            reporter = _balance_reporter(sent, ctx)
            if reporter is not None:
                previous_trade, previous_agent = Trade(flow="total", between=sorted([reporter, WORLD])), reporter
        claims += _comparisons(s_index, ctx, amount_claim, data_period, sent_actors, sent_sources, previous_trade)
    # A superlative or trade claim that came before any period (a headline) is about
    # the article's data period: the one its trade claims use most.
    used = Counter(c.period for c in claims if c.kind.startswith("trade") and c.period is not None)
    if used:
        topic = used.most_common(1)[0][0]
        for c in claims:
            if c.period is None and c.kind in {"comparison", "trade_value", "trade_change"}:
                c.period = topic
                c.inferred["period"] = f"the period is {FROM_ARTICLE_TOPIC}"
    claims.sort(key=lambda c: (c.start, c.kind == "comparison", ctx.amounts[c.amount].start if c.amount is not None else 0))
    return claims


def _comparisons(s_index: int, ctx: _Context, amount_claim: dict[int, Claim], data_period: int | None,
                 sent_actors: list[int], sent_sources: list[int], previous_trade: Trade | None) -> list[Claim]:
    """'the highest since December 2019', 'its highest level in over six years'."""
    lex = _lexicon()
    sent = ctx.sents[s_index]
    out = []
    for token in sent:
        if token.tag_ not in _SUPERLATIVE_TAGS or token.lower_ not in lex["superlatives"]:
            continue
        direction = lex["superlatives"][token.lower_]
        reference, relation = None, None
        starts = {span.start: i for i, span in enumerate(ctx.period_spans) if span is not None}
        for nxt in ctx.doc[token.i + 1: min(sent.end, token.i + 6)]:
            word = lex["reference_prepositions"].get(nxt.lower_)
            if word is not None:
                hit = starts.get(nxt.i + 1, starts.get(nxt.i + 2))
                if hit is not None:
                    reference, relation = hit, f"{direction}_{word}"
                    break
            elif nxt.i in starts and ctx.periods[starts[nxt.i]].granularity in {"year", "duration", "range"}:
                # "the strongest monthly figure this year": a bare noun-phrase period is a frame, like "in".
                reference, relation = starts[nxt.i], f"{direction}_in"
                break
        if reference is None:
            continue
        amount = _amount_described(token, s_index, ctx)
        period = None
        inferred: dict[str, str] = {}
        described = amount_claim.get(amount) if amount is not None else None
        if described is not None:
            period = described.period
            inferred.update(described.inferred)
        if period is None:
            candidates = [i for i in _data_periods(s_index, ctx) if i != reference]
            period = candidates[0] if candidates else data_period
            if not candidates and data_period is not None:
                inferred["period"] = f"the period is {FROM_EARLIER_SENTENCE}"
        trade = described.trade if described is not None else None
        if trade is None and any(_trade_kind(t) for t in sent):
            trigger = min((t for t in sent if _trade_kind(t)), key=lambda t: abs(t.i - token.i))
            trade = _trade(_frame(trigger, ctx), ctx, previous_trade, inferred, _refers_to_the_pair(sent, ctx))
            if trade is not None and "parties" in inferred and _parties_named_in(sent, trade, ctx):
                del inferred["parties"]
        out.append(Claim(id=claim_id("comparison", sent.start_char, token.idx, relation), kind="comparison",
                         sentence=sent.text, start=sent.start_char, end=sent.end_char, amount=amount,
                         period=period, actors=sent_actors, sources=sent_sources, trade=trade,
                         comparison=Comparison(relation=relation, reference_period=reference),
                         inferred=inferred))
    return out


def _amount_described(token: Token, s_index: int, ctx: _Context) -> int | None:
    """The amount a superlative describes: the one it is in apposition to, else the nearest before it."""
    for head in [token] + list(token.ancestors):
        for i, span in enumerate(ctx.amount_spans):
            if span is not None and span.start <= head.i < span.end and _is_money(ctx.amounts[i]):
                return i
        if head.dep_ == "appos":
            continue
    sent = ctx.sents[s_index]
    before = [i for i, span in enumerate(ctx.amount_spans)
              if span is not None and sent.start <= span.start < token.i and token.i - span.end <= 4
              and _is_money(ctx.amounts[i])]
    if before:
        return before[-1]
    # "That was the largest sum since ...": a demonstrative subject points back to
    # the last amount of the previous sentence.
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if s_index > 0 and subjects and subjects[0].lower_ in {"that", "this", "it"}:
        prev = ctx.sents[s_index - 1]
        earlier = [i for i, a in enumerate(ctx.amounts)
                   if prev.start_char <= a.start < prev.end_char and _is_money(a)]
        return earlier[-1] if earlier else None
    return None


class ClaimAssembler:
    """Sets ``doc._.claims`` from the amounts, periods, actors and sources components."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name, "claims"):
            doc._.claims = assemble_claims(doc)
        return doc


@Language.factory("newsclaims_claims",
                  requires=["doc._.amounts", "doc._.periods", "doc._.actors", "doc._.sources"],
                  assigns=["doc._.claims"])
def make_claim_assembler(nlp: Language, name: str) -> ClaimAssembler:
    return ClaimAssembler(nlp, name)
