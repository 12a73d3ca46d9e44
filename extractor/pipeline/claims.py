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

from models import Actor, Amount, Claim, Comparison, Period, Source, Trade

from .extensions import isolated  # (importing it registers Doc._.claims)
from .calendar_spans import shift_period
from .lexicon import load_table

CURRENCY_UNITS_EXCLUDED = {"percent", "percentage_point", "times", "count"}
_DATA_GRANULARITIES = {"month", "quarter", "half", "year", "range"}
_SUPERLATIVE_TAGS = {"JJS", "RBS"}


@cache
def _lexicon() -> dict:
    table = load_table("trade_lexicon.json")
    words = {}
    for kind in ("import", "export", "total"):
        for w in table[kind]:
            words[w] = kind
    return {**table, "words": words}


def _is_money(amount: Amount) -> bool:
    return amount.unit not in CURRENCY_UNITS_EXCLUDED and len(amount.unit) == 3 and amount.unit.isupper()


def _trade_kind(token: Token) -> str | None:
    lex = _lexicon()
    words = lex["words"]
    kind = words.get(token.lower_) or words.get(token.lemma_.lower())
    if kind is None and token.pos_ in {"VERB", "AUX"}:
        verbs = lex["verb_only"]["words"]
        kind = verbs.get(token.lower_) or verbs.get(token.lemma_.lower())
    return kind


def _commodity(trigger: Token, ctx: "_Context") -> tuple[str | None, str | None]:
    """The goods a trade word is about: ('2701', None) for 'coal exports', (None, 'flour-ish') when
    named but not in the table, (None, None) for all goods ('goods', 'products' or nothing)."""
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
    for phrase in phrases:
        words = [t for t in phrase if not t.is_punct and t.i not in ctx.country_at and not t.like_num
                 and t.lower_ not in skip and t.pos_ in {"NOUN", "PROPN", "ADJ"} and not _trade_kind(t)]
        if not words:
            continue
        text = " ".join(t.lower_ for t in words)
        for name, code in sorted(codes.items(), key=lambda item: -len(item[0])):
            if name == text or f" {name} " in f" {text} ":
                return code, None
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

    def __post_init__(self):
        self.sents = list(self.doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        for actor in self.actors:
            if actor.type == "country" and actor.id:
                span = self.span(actor)
                if span is not None:
                    for t in range(span.start, span.end):
                        self.country_at[t] = actor.id
        self.period_spans = [self.span(p) for p in self.periods]
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
        """States named in a phrase, conjuncts included ("North Korea and China")."""
        out = []
        for t in token.subtree:
            code = self.country_at.get(t.i)
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


def _trigger_for(amount_span: Span, sent: Span) -> Token | None:
    """The trade word an amount belongs to: on its chain of heads, or an argument along it
    (the subject of "exports reached $X", the object of "put imports at $X")."""
    chain = [amount_span.root] + list(amount_span.root.ancestors)
    for head in chain:
        if head.i < sent.start or head.i >= sent.end:
            break
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
    else:
        left = [c for c in trigger.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < trigger.i]
    agents: list[str] = []
    for c in left:
        for code in ctx.countries_in(c):
            if code not in agents:
                agents.append(code)
    # Prepositional parties of the trigger (and of its direct object: "goods from X").
    preps = [c for c in trigger.children if c.dep_ == "prep"]
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "attr", "npadvmod"}):
        preps += [c for c in obj.subtree if c.dep_ == "prep" and c.head.i != trigger.i]
    for prep in preps:
        word = prep.lower_
        parties = []
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            parties += ctx.countries_in(pobj)
        if not parties:
            continue
        if word in {"between", "with", "among"}:
            frame.between += [p for p in parties if p not in frame.between]
        elif word in lex["from_prepositions"] and frame.source is None:
            frame.source = parties[0]
        elif word in lex["to_prepositions"] and frame.target is None:
            frame.target = parties[0]
    if frame.kind == "total":
        frame.between = list(dict.fromkeys(agents + frame.between + [p for p in (frame.source, frame.target) if p]))
    elif len(agents) >= 2 and frame.kind != "total":
        # "North Korea-China trade" style compounds name both ends.
        frame.between = agents
    else:
        frame.agent = agents[0] if agents else None
    return frame


def _other_party(known: str | None, ctx: _Context, previous: Trade | None) -> str | None:
    if previous is not None:
        ends = [previous.from_, previous.to] if previous.flow == "directional" else list(previous.between or [])
        others = [e for e in ends if e and e != known]
        if others:
            return others[0]
    others = [c for c in ctx.main_countries if c != known]
    return others[0] if others else None


def _trade(frame: TradeFrame, ctx: _Context, previous: Trade | None) -> Trade | None:
    if frame.kind == "total" or (frame.between and frame.agent is None and not (frame.source or frame.target)):
        parties = list(frame.between)
        if len(parties) == 1:
            other = _other_party(parties[0], ctx, previous)
            parties += [other] if other else []
        if len(parties) == 0 and previous is not None and previous.flow == "total":
            parties = list(previous.between or [])
        if len(parties) == 0:
            # "bilateral trade", "the two countries exchanged": the article's pair.
            parties = ctx.main_countries[:2]
        if len(parties) < 2:
            return None
        return Trade(flow="total", between=sorted(parties[:2]))
    if frame.kind == "import":
        importer, exporter = frame.agent or frame.target, frame.source
    else:
        exporter, importer = frame.agent or frame.source, frame.target
    if importer is None and exporter is None:
        if previous is None or previous.flow != "directional":
            return None
        return Trade(flow="directional", **{"from": previous.from_, "to": previous.to})
    if importer is None:
        importer = _other_party(exporter, ctx, previous)
    if exporter is None:
        exporter = _other_party(importer, ctx, previous)
    if importer is None or exporter is None or importer == exporter:
        return None
    return Trade(flow="directional", **{"from": exporter, "to": importer})


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
    if subjects and subjects[0].lower_ in {"that", "this", "it"}:
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


def _reference_role(index: int, ctx: _Context) -> str | None:
    """'since' for a comparison's reference, 'basis' for a change's base period, else None
    (computed once per period into ``ctx.roles``)."""
    span = ctx.period_spans[index]
    if span is None:
        return None
    lex = _lexicon()
    if span.start > 0 and ctx.doc[span.start - 1].lower_ == "since" or span.root.head.lower_ == "since":
        return "since"
    window = ctx.doc[max(span.sent.start, span.start - 3): span.end].text
    if _phrase_matches(window, lex["year_on_year"]) or _phrase_matches(window, lex["period_on_period"]):
        return "basis"
    if span.root.head.lower_ in {"from", "than"} and span.root.head.head.lower_ in {"up", "down", "rose", "fell"}:
        return "basis"
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
    for i, span in enumerate(ctx.period_spans):
        if span is not None and span.start == amount_span.end and ctx.periods[i].granularity in _DATA_GRANULARITIES \
                and not (is_change and ctx.roles[i] == "basis"):
            return i
    # "up from $222.1 million in April": a period inside the amount's own phrase
    # is its period, even when it is the reference of the sentence's change.
    local = amount_span.root.head if amount_span.root.dep_ == "pobj" else amount_span.root
    for i, span in enumerate(ctx.period_spans):
        if span is not None and ctx.periods[i].granularity in _DATA_GRANULARITIES and \
                local.left_edge.i <= span.root.i <= local.right_edge.i and not amount_span.start <= span.root.i < amount_span.end \
                and ctx.roles[i] != "since" and not (is_change and ctx.roles[i] == "basis"):
            return i
    candidates = _data_periods(sent_index, ctx)
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
        for basis in ("period_on_period", "year_on_year"):
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
    data_period: int | None = None        # the period the last trade sentence was about
    last_sources: tuple[int, list[int]] = (-1, [])   # paragraph, source indexes
    amount_claim: dict[int, Claim] = {}
    last_trade_sentence: int | None = None

    by_sentence: dict[int, list[int]] = {}
    for i, a in enumerate(ctx.amounts):
        by_sentence.setdefault(ctx.sentence_of(a.start), []).append(i)

    for s_index, sent in enumerate(ctx.sents):
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
        names_a_state = any(ctx.actors[i].type == "country" for i in sent_actors) or _names_the_pair(sent)
        anaphor = None if has_trade_word or not continues else _anaphoric_trade_noun(sent, previous_trade)
        folded = " ".join(sent.text.split()).lower()

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
            # Shares ("56% of its exports, up 3.5 percentage points") are not computed from trade levels.
            is_change = amount.change is not None and amount.unit in {"percent", "times"}
            trade = None
            if trigger is not None and (_is_money(amount) or is_change):
                code, unknown_goods = _commodity(trigger, ctx)
                # Goods-level figures are checked only when the sentence names who trades them.
                if unknown_goods is None and (code is None or names_a_state):
                    trade = _trade(_frame(trigger, ctx), ctx, previous_trade)
                    if trade is not None:
                        trade.commodity = code
            elif anaphor is not None and (_is_money(amount) or is_change):
                trade = anaphor.model_copy()
            if trade is not None:
                if period is None:
                    period = data_period
                kind = "trade_change" if is_change else "trade_value"
                if kind == "trade_change":
                    trade.basis = _basis(sent) or _basis_from_reference(period, s_index, ctx)
                claim = Claim(id=claim_id(kind, sent.start_char, amount.start), kind=kind, period=period,
                              trade=trade, **common)
                previous_trade = trade
                last_trade_sentence = s_index
                if period is not None and ctx.roles[period] is None:
                    data_period = period
            else:
                claim = Claim(id=claim_id("quantity", sent.start_char, amount.start), kind="quantity",
                              period=period, **common)
            claims.append(claim)
            amount_claim[a_index] = claim
        if has_trade_word and sent_periods:
            data_period = sent_periods[0]
        if has_trade_word and names_a_state and last_trade_sentence != s_index:
            # "North Korea's trade with China grew in the spring." sets the story's frame
            # even without a figure.
            trigger = next(t for t in sent if _trade_kind(t))
            frame_trade = _trade(_frame(trigger, ctx), ctx, previous_trade)
            if frame_trade is not None:
                previous_trade = frame_trade
        claims += _comparisons(s_index, ctx, amount_claim, data_period, sent_actors, sent_sources, previous_trade)
    # A superlative or trade claim that came before any period (a headline) is about
    # the article's data period: the one its trade claims use most.
    used = Counter(c.period for c in claims if c.kind.startswith("trade") and c.period is not None)
    if used:
        topic = used.most_common(1)[0][0]
        for c in claims:
            if c.period is None and c.kind in {"comparison", "trade_value", "trade_change"}:
                c.period = topic
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
        if amount is not None and amount in amount_claim:
            period = amount_claim[amount].period
        if period is None:
            candidates = [i for i in _data_periods(s_index, ctx) if i != reference]
            period = candidates[0] if candidates else data_period
        trade = amount_claim[amount].trade if amount is not None and amount in amount_claim else None
        if trade is None and any(_trade_kind(t) for t in sent):
            trigger = min((t for t in sent if _trade_kind(t)), key=lambda t: abs(t.i - token.i))
            trade = _trade(_frame(trigger, ctx), ctx, previous_trade)
        out.append(Claim(id=claim_id("comparison", sent.start_char, token.idx, relation), kind="comparison",
                         sentence=sent.text, start=sent.start_char, end=sent.end_char, amount=amount,
                         period=period, actors=sent_actors, sources=sent_sources, trade=trade,
                         comparison=Comparison(relation=relation, reference_period=reference)))
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
