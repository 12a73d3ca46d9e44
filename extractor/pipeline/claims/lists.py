"""Lists: 'trade with Brazil, India and Egypt fell 3%, 5% and 9%, respectively', and
coordinated figures that share a change or pair with coordinated partners or periods.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..amounts.changes import gapped_conjunct
from .context import _bracket_opening, _Context
from .goods import _goods_code, _goods_of_phrase
from .parties import TradeFrame, _ends, _with_party_replaced
from .words import WORLD, _clause_verb, _is_change_word, _lexicon, _lexicon_words, _says_respectively, _trade_kind


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


def _written_runs(spans: dict[int, Span], ctx: _Context, joiners: frozenset[str]) -> list[list[int]]:
    """Indexes of spans written one after another with only ``joiners`` between them, however the
    parser attached them: the runs of two or more, in text order."""
    runs: list[list[int]] = []
    for i in sorted(spans, key=lambda i: spans[i].start):
        if runs:
            between = ctx.doc[spans[runs[-1][-1]].end: spans[i].start]
            if len(between) and all(t.lower_ in joiners for t in between):
                runs[-1].append(i)
                continue
        runs.append([i])
    return [run for run in runs if len(run) >= 2]


def _ends_with_and(run: list[int], spans: dict[int, Span], ctx: _Context) -> bool:
    """A written run is a list when 'and' (or '&') joins its last member: "February 2020, the month
    before the lockdown," is one thing restated."""
    return any(t.lower_ in {"and", "&"} for t in ctx.doc[spans[run[-2]].end: spans[run[-1]].start])


def _written_lists(amount_indexes: list[int], ctx: _Context) -> list[list[int]]:
    """Figures written one after another with only commas and 'and' between them ('-3.1 percent
    and -12.4 percent'), however the parser attached them."""
    spans = {i: ctx.amount_spans[i] for i in amount_indexes if ctx.amount_spans[i] is not None}
    return _written_runs(spans, ctx, frozenset({",", "and", "or"}))


def _pairs_after_a_basis(amount_indexes: list[int], ctx: _Context) -> list[tuple[int, int]]:
    """Two figures with the first one's own comparison between them ('fell 18 percent on the month
    and 7.5 percent year on year', '12% y/y and 4% m/m'): the second is a change the same way."""
    spans = {i: ctx.amount_spans[i] for i in amount_indexes if ctx.amount_spans[i] is not None}
    order = sorted(spans, key=lambda i: spans[i].start)
    return [(a, b) for a, b in zip(order, order[1:])
            if _A_BASIS_THEN_AND.fullmatch(ctx.text[spans[a].end_char: spans[b].start_char])]


_A_BASIS_THEN_AND = re.compile(
    r"\s+(?:(?:on|from|over)\s+(?:the|a)\s+(?:month|year|quarter)(?:\s+(?:earlier|before|ago))?|year[- ]on[- ]year|"
    r"month[- ]on[- ]month|y/y|m/m|on-year|on-month)\s*,?\s*(?:and|or|,)\s+", re.I)


_BASE_PREPOSITIONS = frozenset({"than", "over", "against", "versus", "vs", "vs."})


def _compared_with(token: Token) -> bool:
    """The token is inside the phrase a comparison sets a figure against ('higher than those of
    December 2019', 'compared with 2020', 'over the same months of 2019'): a base, no period of
    the figures."""
    for a in token.ancestors:
        if a.dep_ == "prep" and (a.lower_ in _BASE_PREPOSITIONS or a.lower_ in {"with", "to"} and a.head.lower_ == "compared"):
            return True
        if a.pos_ in {"VERB", "AUX"} and a.lower_ != "compared":
            return False
    return False


def _written_flow_list(sent: Span) -> list[Token]:
    """The first list of flows written with commas and 'and' ('imports and exports', 'exports, total
    trade and trade surplus'): the last nouns of trade phrases and of balances, of at least two
    kinds, with only the list's commas, conjunctions and the next phrase's modifiers between them
    (read from the words: the parser often joins such a list wrongly). Empty when there is none."""
    words = _lexicon()["words"]
    doc = sent.doc
    # (a flow's word looked up as written: the parser may hang "total trade" on the balance after it)
    heads = [t for t in sent if t.pos_ == "NOUN" and (
        _a_balance_noun(t)
        or (_trade_kind(t) or words.get(t.lower_)) in {"import", "export", "total"}
        and not (t.i + 1 < sent.end and doc[t.i + 1].pos_ == "NOUN"))]
    run: list[Token] = []
    for a, b in zip(heads, heads[1:]):
        between = doc[a.i + 1: b.i]
        joined = any(t.lower_ in {"and", ",", "&"} for t in between) and all(
            t.pos_ in {"ADJ", "DET", "NOUN", "PROPN", "CCONJ", "PUNCT"} for t in between)
        if joined:
            run = run or [a]
            run.append(b)
        elif run:
            break
    kinds = {words.get(t.lower_) or _trade_kind(t) or "balance" for t in run}
    return run if len(kinds) >= 2 else []


def _a_balance_noun(token: Token) -> bool:
    """'surplus', 'deficit', 'balance' (trade_lexicon.json balance_nouns)."""
    return token.lemma_.lower() in _lexicon_words("balance_nouns")


def _written_period_lists(sent: Span, ctx: _Context) -> list[list[int]]:
    """Periods written one after another with only commas and 'and' between them ('in March,
    April and May'), however the parser attached them: runs of period indexes."""
    spans = {i: span for i, span in enumerate(ctx.period_spans) if span is not None and sent.start <= span.start < sent.end}
    return [run for run in _written_runs(spans, ctx, frozenset({",", "and", "&"})) if _ends_with_and(run, spans, ctx)]


def _respectively(sent: Span, amount_indexes: list[int], ctx: _Context) -> dict[int, dict]:
    """'trade with Brazil, India and Egypt decreased 3%, 5% and 9%, respectively':
    the n-th figure goes with the n-th member of the list it is paired with -- a partner, a
    country whose trade it is, or a flow ('exports and imports ... respectively')."""
    if not amount_indexes:
        return {}   # (a sentence without figures pairs nothing)
    explicit = _says_respectively(sent)
    lex = _lexicon()
    party_preps = {"with", "between", "among"} | set(lex["from_prepositions"]) | set(lex["to_prepositions"])
    groups: dict[str, list[int]] = {}
    for i in amount_indexes:
        unit = ctx.amounts[i].unit
        groups.setdefault("change" if unit in {"percent", "times", "percentage_point"} else "level", []).append(i)
    out: dict[int, dict] = {}
    # "fell 12 percent and 7 percent": a figure coordinated with a change is a change the same way
    roots = {ctx.amount_spans[i].root.i: i for i in amount_indexes if ctx.amount_spans[i] is not None}
    lists = _coordinations(sent)   # once per sentence: every rule below reads them
    # every token of a period: 'the first and second quarters' coordinates 'first' and 'second'
    period_at = {t.i: i for i, span in enumerate(ctx.period_spans)
                 if span is not None and sent.start <= span.start < sent.end for t in span}
    for items in lists:
        members = [roots[x.i] for x in items if x.i in roots]
        change = next((ctx.amounts[i].change for i in members if ctx.amounts[i].change), None)
        if change and len(members) >= 2:
            for i in members:
                out.setdefault(i, {})["change"] = change
    for first, second in _pairs_after_a_basis(amount_indexes, ctx):
        if ctx.amounts[first].change and not ctx.amounts[second].change:
            out.setdefault(second, {})["change"] = ctx.amounts[first].change
    figure_lists = [members for members in ([roots[x.i] for x in items if x.i in roots] for items in lists)
                    if len(members) >= 2]
    figure_lists += [run for run in _written_lists(amount_indexes, ctx) if run not in figure_lists]
    for run in figure_lists:
        # "$5.1 billion, 28% and 21% higher than ...": percentages written as a list share the change
        # one of them states
        shares = [i for i in run if ctx.amounts[i].unit == "percent"]
        change = next((ctx.amounts[i].change for i in shares if ctx.amounts[i].change), None)
        if change and len(shares) >= 2 and shares == run[len(run) - len(shares):]:
            for i in shares:
                if not ctx.amounts[i].change:
                    out.setdefault(i, {}).setdefault("change", change)
    if not (explicit or figure_lists):
        return out
    if explicit:
        # "Peru's ships, cars and wind turbine exports rose 12.6, 27.9 and 140.6 percent,
        # respectively": a written list of goods the parser did not coordinate
        written_of_size: dict[int, list[Span]] = {}
        for run in sorted(figure_lists, key=lambda r: ctx.amount_spans[r[0]].start):
            # ("those of copper and zinc rose 11% and 14% to $4.6 billion and $1.4 billion,
            # respectively": the second list of figures goes with the same goods)
            written = _written_goods_list(sent, ctx.amount_spans[run[0]].start, len(run), ctx) \
                or written_of_size.get(len(run), [])
            written_of_size[len(run)] = written
            for i, phrase in zip(run, written):
                out.setdefault(i, {}).setdefault("goods", phrase)
    slot_lists: list[list[dict]] = []
    slot_ends: list[int] = []   # where each list of slots ends in the sentence
    for items in lists:
        items, anchor = _states_named_after_a_group_noun(items, ctx)
        codes = [ctx.country_at.get(x.i) for x in items]
        dates = [period_at.get(x.i) for x in items]
        if all(d is not None for d in dates) and len(set(dates)) == len(dates):
            # "fell 3% and 12% in 2014 and 2015"; "28% and 21% higher than in December 2019 and
            # 2020": the bases each figure is measured against, no periods of the figures
            slots = [{"base": d} if _compared_with(items[0]) else {"period": d} for d in dates]
        elif all(codes) and not (anchor.dep_ == "pobj" and anchor.head.lower_ in {"between", "among"}):
            # ("trade between Kenya and Uganda ..., $1.1 billion in exports and $0.8 billion in
            # imports": the two ends of one pair, no list of partners)
            head = anchor.head
            # "to key markets -- including Japan and India --": the examples of a partner are partners
            example = anchor.dep_ == "pobj" and head.lower_ in {"including", "like"} and head.head.dep_ == "pobj" \
                and head.head.head.lower_ in party_preps
            role = "partner" if anchor.dep_ == "pobj" and (head.lower_ in party_preps or example) else \
                "agent" if anchor.dep_ in {"nsubj", "nsubjpass", "poss", "appos"} else None
            if role is None and explicit and anchor.dep_ == "pobj" and head.lower_ == "by" \
                    and head.head.lemma_.lower() == "follow":
                # "sales to Thailand reached $620 million, followed by China and Vietnam with $210
                # million and $95 million, respectively": the states go on the ranking, in the role
                # the state ranked first plays
                role = _role_of_the_state_ranked_first(head.head, sent, party_preps, ctx)
            owner = _owner_of_the_partners_they_are(anchor, ctx)
            if owner is not None:
                role = "partner"   # "Peru, Chile and Brazil were Italy's biggest partners, with ..."
            slots = [{role: c, "listed": codes, **({"agent": owner} if owner else {})} for c in codes
                     if c != owner] if role else []
        elif all(_trade_kind(x) for x in items):
            slots = [{"trigger": x} for x in items]
        elif _goods_of_a_trade_word(items):
            # "exports of steel and ships rose 8% and 14%, respectively", "with chip and coal imports
            # up 16.4% and 7%": coordinated goods with coordinated figures (only those pair up
            # without 'respectively', below)
            slots = [{"goods": x} for x in items]
        else:
            continue
        slot_lists.append(slots)
        slot_ends.append(items[-1].i)
    if explicit:
        # "trade with the EU, the Association of Southeast Asian Nations (ASEAN), the US and Japan rose
        # 6%, 9%, 4% and 15%, respectively": a list of partners as written, however the parser
        # attached it (a bracketed abbreviation breaks its parse)
        for codes, first, last in _written_state_lists(sent, ctx):
            before = ctx.doc[first - 1] if first > sent.start else None
            if before is not None and before.lower_ == "the" and first - 1 > sent.start:
                before = ctx.doc[first - 2]
            if before is None or before.lower_ not in party_preps or before.lower_ in {"between", "among"}:
                continue
            parsed = [k for k, slots in enumerate(slot_lists) if any(x.get("listed") and set(x["listed"]) < set(codes) for x in slots)]
            slot_lists = [slots for k, slots in enumerate(slot_lists) if k not in parsed]
            slot_ends = [end for k, end in enumerate(slot_ends) if k not in parsed]
            if not any([x.get("partner") for x in slots] == codes for slots in slot_lists):
                slot_lists.insert(0, [{"partner": c, "listed": codes} for c in codes])
                slot_ends.insert(0, last)
    if explicit:
        # "in March, April and May, respectively", however the parser attached the months
        slot_lists += [[{"base" if _compared_with(ctx.period_spans[run[0]].root) else "period": d} for d in run]
                       for run in _written_period_lists(sent, ctx)
                       if not any([x.get("period", x.get("base")) for x in s] == run for s in slot_lists)]
    if explicit and not slot_lists and not any(_trade_kind(t) for t in sent):
        # "Imports rose to $600 million and exports to $60 million. The figures a year earlier were $512
        # million and $50 million, respectively": with no list of its own, the flows the sentence
        # before named, in their order
        s_index = ctx.sentence_of(sent.start_char)
        # (only a sentence that gave those flows their figures: not "Before, imports cost more than
        # exports. A year ago they were X and Y, respectively", whose list is further back)
        before = ctx.sents[s_index - 1] if s_index > 0 else None
        earlier = [t for t in before if t.pos_ in {"NOUN", "VERB"} and _trade_kind(t) in {"import", "export"}] \
            if before is not None else []
        figures = [a for a in ctx.amount_spans if a is not None and before is not None and before.start <= a.start < before.end]
        if len(earlier) >= 2 and len({_trade_kind(t) for t in earlier}) == len(earlier) and len(figures) >= len(earlier):
            slot_lists.append([{"trigger": t} for t in earlier])
            slot_ends.append(sent.start)
    run = _written_flow_list(sent) if explicit else []
    balance = any(_a_balance_noun(t) for t in run)
    if run and (balance or not any("trigger" in x for slots in slot_lists for x in slots)):
        # "Measured against March 2019, the last month before the closures, imports and exports were up
        # 13.2% and 5.1%, respectively": flows written as a list, however the parser joined them
        # ("exports, total trade and the trade surplus fell 10%, 5% and 60%, respectively": a balance in
        # the list takes its figure, which is no flow's, whatever pairs the parser made inside it)
        inside = [k for k, slots in enumerate(slot_lists) if balance and all(
            "trigger" in x and run[0].i <= x["trigger"].i <= run[-1].i for x in slots)]
        slot_lists = [slots for k, slots in enumerate(slot_lists) if k not in inside]
        slot_ends = [end for k, end in enumerate(slot_ends) if k not in inside]
        slot_lists.insert(len(slot_ends), [{"balance": t} if _a_balance_noun(t) else {"trigger": t} for t in run])
        slot_ends.append(run[-1].i)   # (the lists with an end)
    both_flows = [k for k, slots in enumerate(slot_lists) if len(slots) == 2 and all("trigger" in x for x in slots)
                  and {_trade_kind(x["trigger"]) for x in slots} == {"import", "export"}]
    flows = {"import", "export"}
    coordinated = any(_trade_kind(t) in flows and any(c.dep_ == "conj" and _trade_kind(c) in flows - {_trade_kind(t)}
                                                      for c in t.children) for t in sent)
    if explicit and coordinated and any("partner" in x for slots in slot_lists for x in slots):
        # "Peru and Chile were Italy's largest partners, with imports and exports of $4 billion and $3
        # billion, respectively": the figures pair with the states; the two flows together are the trade
        slot_lists = [[{**x, "both_flows": True} if "partner" in x else x for x in slots]
                      for k, slots in enumerate(slot_lists) if k not in both_flows]
        slot_ends = [end for k, end in enumerate(slot_ends) if k not in both_flows]
    for k, slots in enumerate(slot_lists):
        # without "respectively", only figures that are themselves coordinated pair up
        # ("exports to A and B grew 6% and 4%")
        # with it, the sentence's figures of one kind, else the figures written as a list ("shipped
        # 2.2 million tonnes in May, and 1.9 million tonnes and 870,000 tonnes in June and July,
        # respectively")
        pools = list(groups.values()) if explicit else figure_lists
        if explicit and not any(len(g) == len(slots) for g in pools):
            pools = figure_lists
        if not explicit and k < len(slot_ends) and slots and "goods" in slots[0]:
            # "imports of A and B fell 45% and 43%, while exports of C and D rose 15% and 33%": each
            # list with the figures written next after it
            # (not "$366 million, or 20 percent": one figure said twice)
            after = [g for g in pools if len(g) == len(slots) and ctx.amount_spans[g[0]].start > slot_ends[k]
                     and not any(t.lower_ == "or" for t in ctx.doc[ctx.amount_spans[g[0]].end: ctx.amount_spans[g[-1]].start])]
            if not after:
                continue
            pools = [min(after, key=lambda g: ctx.amount_spans[g[0]].start)]
        if k < len(slot_ends) and slots and ("partner" in slots[0] or "agent" in slots[0] or "goods" in slots[0]):
            # ("Exports to Japan and India fell 6% and 1%, respectively, while shipments to Singapore,
            # the EU and Taiwan rose 2%, 11% and 27%": each list of states pairs with the figures of
            # its own clause; a list of months may date the figures of the next, "in May and June,
            # respectively, while purchases came to $61 billion and $58 billion"); so does a list of
            # goods ("tea and coffee exports rose 30% and 42%, respectively, while those of hides and
            # skins fell")
            clause = _clause_of(slot_ends[k], sent)
            pools = [g for g in pools if all(_clause_of(ctx.amount_spans[i].start, sent) == clause for i in g)] or (
                pools if not explicit else [])
        for group in pools:
            if len(group) == len(slots) >= 2:
                # "decreased 3, 5 and 9 percent": the verb's direction is every member's
                change = next((ctx.amounts[i].change for i in group if ctx.amounts[i].change), None)
                for i, slot in zip(group, slots):
                    out.setdefault(i, {}).update(slot, **({"change": change} if change else {}))
    return out


_CLAUSE_BREAKS = frozenset({"while", "whereas", ";", "but", "meanwhile"})


def _states_named_after_a_group_noun(items: list[Token], ctx: _Context) -> tuple[list[Token], Token]:
    """'trade with its major partners, Japan and Germany, ...', 'with major partners Japan and
    Germany', 'to the main markets, Japan, India and Chile,': states written right after a noun of
    partners name its members, and take its place in the sentence (the parser makes the noun the
    list's head, the states its apposition, or the first state the verb's subject). The states, and
    the token whose attachment says what role they play."""
    group = _lexicon_words("partner_group_nouns")
    first = items[0]
    if len(items) >= 3 and first.i not in ctx.country_at and first.lemma_.lower() in group \
            and first.tag_ in {"NNS", "NNPS"} and all(x.i in ctx.country_at for x in items[1:]):
        return items[1:], first
    if first.dep_ == "appos" and first.i in ctx.country_at and first.head.lemma_.lower() in group \
            and first.head.tag_ in {"NNS", "NNPS"}:
        return items, first.head   # "to the main markets, Japan, India and Chile,"
    before = ctx.doc[first.i - 1] if first.i > 0 else None
    if before is not None and first.i in ctx.country_at and first.dep_ == "nsubj" and before.tag_ in {"NNS", "NNPS"} \
            and before.lemma_.lower() in group and before.dep_ == "pobj":
        return items, before
    if first.i in ctx.country_at and first.dep_ == "pobj" and first.head.lower_ == "of" \
            and first.head.head.lemma_.lower() in group and first.head.head.tag_ in {"NNS", "NNPS"}:
        return items, first.head.head   # "trade with the emerging markets of Africa, ASEAN and Latin America"
    return items, first


def _written_state_lists(sent: Span, ctx: _Context) -> list[tuple[list[str], int, int]]:
    """States written one after another with only commas, 'and', 'the' and a bracketed
    abbreviation of the state before between them ('the EU, the Association of Southeast Asian
    Nations (ASEAN), the US and Japan'): each run of three or more, or of two joined by 'and', as
    (codes, first token, last token)."""
    joiners = frozenset({",", "and", "the", "(", ")"})
    mentions: list[tuple[str, int, int]] = []   # (code, first token, last token)
    for i in range(sent.start, sent.end):
        code = ctx.country_at.get(i)
        if code is None:
            continue
        if mentions and mentions[-1][0] == code and all(
                x.text in joiners or ctx.country_at.get(x.i) == code for x in ctx.doc[mentions[-1][1]: i]):
            mentions[-1] = (code, mentions[-1][1], i)   # one name's words, or its abbreviation in brackets
        else:
            mentions.append((code, i, i))
    spans = {k: ctx.doc[first: last + 1] for k, (_, first, last) in enumerate(mentions)}
    out = []
    for run in _written_runs(spans, ctx, joiners):
        codes = [mentions[k][0] for k in run]
        if len(set(codes)) == len(codes) and _ends_with_and(run, spans, ctx):
            out.append((codes, mentions[run[0]][1], mentions[run[-1]][2]))
    return out


def _role_of_the_state_ranked_first(followed: Token, sent: Span, party_preps: set[str], ctx: _Context) -> str | None:
    """'partner' or 'agent': what the last state written before 'followed by' is to its flow -- the
    object of a preposition of parties ('to the US') or a subject or possessor ('China was the largest
    supplier', "Japan's exports")."""
    for t in reversed(ctx.doc[sent.start: followed.i]):
        if ctx.country_at.get(t.i) in (None, WORLD):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in party_preps:
            return "partner"
        if t.dep_ in {"nsubj", "nsubjpass", "poss"}:
            return "agent"
        if t.dep_ not in {"compound", "amod", "det"}:
            return None
    return None


def _owner_of_the_partners_they_are(anchor: Token, ctx: _Context) -> str | None:
    """'Peru, Chile and Brazil were Italy's biggest partners', 'Italy's largest markets were
    Peru, Chile and Brazil': a list of states equated by 'be' with someone's partners is a list of
    partners, whatever its place in the clause. The state whose partners they are, or None (also
    when the list is no such list)."""
    verb = anchor.head
    if anchor.dep_ not in {"nsubj", "attr"} or verb.lemma_ != "be":
        return None
    other = next((c for c in verb.children if c.dep_ in ({"attr"} if anchor.dep_ == "nsubj" else {"nsubj"})), None)
    if other is None and anchor.dep_ == "nsubj":
        # "Korea, Italy and Japan were among the leading trading partners"
        other = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"
                      for o in p.children if o.dep_ == "pobj"), None)
    if other is None or other.tag_ not in {"NNS", "NNPS"} or other.lemma_.lower() not in _lexicon_words("partner_group_nouns"):
        return None
    return next((ctx.country_at[c.i] for c in other.children if c.dep_ == "poss" and c.i in ctx.country_at), None) or ""


def _clause_of(i: int, sent: Span) -> int:
    """Which of a sentence's contrasted clauses token ``i`` is in: the number of 'while', 'whereas',
    'but' or semicolons written before it."""
    return sum(1 for t in sent if t.i < i and t.lower_ in _CLAUSE_BREAKS)


def _written_goods_list(sent: Span, before: int, size: int, ctx: _Context) -> list[Span]:
    """The last list of ``size`` noun phrases written with commas and 'and' before token ``before``
    ('ships, automobiles and wind turbine units exports', 'imports of sesame, tobacco and nuts'),
    each without the trade word, a state or what follows a preposition; [] when there is none."""
    tokens = [t for t in sent if t.i < before]
    ands = [t for t in tokens if t.lower_ == "and"]
    if not ands:
        return []
    last_and = ands[-1]
    # the member after 'and': words up to a trade word, a preposition or a verb
    end = last_and.i + 1
    while end < before and (ctx.doc[end].pos_ in {"NOUN", "PROPN", "ADJ"} or ctx.doc[end].pos_ == "VERB"
                            and ctx.doc[end].dep_ in {"compound", "amod"}) \
            and not _trade_kind(ctx.doc[end]) and end not in ctx.country_at:
        end += 1   # ("display items": a noun the tagger took for a verb, as a modifier)
    members = [ctx.doc[last_and.i + 1: end]]
    start = last_and.i
    while len(members) < size:
        # the member before a comma: words back to the comma before it (or 'of' / a state)
        k = start - 1
        if k >= sent.start and ctx.doc[k].text == ",":
            k -= 1
        stop = k
        while k >= sent.start and ctx.doc[k].pos_ in {"NOUN", "PROPN", "ADJ", "VERB", "PUNCT"} \
                and ctx.doc[k].text not in {",", "'s", "’s"} and k not in ctx.country_at:
            k -= 1
        if stop <= k:
            return []
        members.insert(0, ctx.doc[k + 1: stop + 1])
        start = k + 1
        if len(members) < size and not (k >= sent.start and ctx.doc[k].text == ","):
            return []
    return members if all(len(m) and all(t.pos_ in {"NOUN", "PROPN", "ADJ", "VERB", "PUNCT"} for t in m)
                          for m in members) else []


def _goods_of_a_trade_word(items: list[Token]) -> bool:
    """A list of nouns that are the goods of a trade word: 'exports of steel and ships', 'steel and
    ship exports'."""
    first = items[0]
    if not all(x.pos_ in {"NOUN", "PROPN"} for x in items):
        return False
    if first.dep_ == "pobj" and first.head.lower_ == "of":
        return bool(_trade_kind(first.head.head))
    return first.dep_ in {"compound", "amod", "nmod"} and bool(_trade_kind(first.head))


def _fill_slot(frame: TradeFrame, slot: dict) -> None:
    """Narrow a frame that names a list to the member a figure goes with."""
    if "partner" in slot:
        partner = slot["partner"]
        if slot.get("both_flows") and frame.kind in {"import", "export"}:
            frame.kind, frame.source, frame.target = "total", None, None
            if frame.agent is not None and frame.agent not in frame.between:
                frame.between.insert(0, frame.agent)   # (the total is the agent's, with each partner)
        if frame.kind == "total":
            # ("trade to Brazil and Chile was $3 billion and $2 billion, respectively": the first
            # state of the list, read as the flow's end, is no end of the second figure's trade)
            listed = set(slot.get("listed", ())) - {partner}
            if frame.source in listed or frame.target in listed:
                frame.source = frame.target = None
            frame.between = [p for p in frame.between if p not in frame.partners and p not in listed or p == partner]
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


def _trade_claims(claims: list, ctx: _Context) -> list:
    """The claims of a sentence that carry a trade and a figure the parser placed."""
    return [c for c in claims if c.trade is not None and c.amount is not None and ctx.amount_spans[c.amount] is not None]


def _give_goods(claim, goods: tuple[str | None, str | None]) -> None:
    """The claim's goods, read from its sentence (no longer inferred)."""
    claim.trade = claim.trade.model_copy(update={"commodity": goods[0], "commodity_text": goods[1]})
    claim.inferred.pop("goods", None)


def _gapped_partners(sent: Span, claims: list, ctx: _Context) -> None:
    """'Exports to Peru grew 6.1%, to Chile by 2.3% and Japan by 1%', 'imports of crude from Angola
    climbed 12% and from Kuwait by 7%': a figure written after one more state than the first figure
    of the sentence, with the trade word left out (gapping), is with that state in the first
    figure's role. Changes ``claims`` (the sentence's, in text order) in place."""
    if _says_respectively(sent):
        return   # the n-th figure with the n-th state (``_respectively``)
    trades = [(c, ctx.amount_spans[c.amount]) for c in _trade_claims(claims, ctx)]
    if len(trades) < 2:
        return
    originals = [c.trade for c, _ in trades]
    moved: dict[int, str] = {}   # the figures given another state, by their place
    for k in range(1, len(trades)):
        (before, before_span), (claim, span) = trades[k - 1], trades[k]
        trade = claim.trade
        # the first figure's role, or the role of the figure just before it, where each names
        # its own partner ("exports to Chile fell 12%, exports to Peru by 10%, to Japan by 3%")
        model = next((j for j in dict.fromkeys((0, k - 1)) if _ends(trade) == _ends(originals[j])), None)
        partner = _partner_of(originals[model], sent, trades[model][1], ctx) if model is not None else None
        if partner is None:
            continue
        between = ctx.doc[before_span.end: span.start]
        named = list(dict.fromkeys(code for t in between for code in [ctx.country_at.get(t.i)] if code))
        reporter = next((e for e in _ends(trade) if e != partner), None)
        # "... Japan by 1%, and other Asean countries by 7.4%": a conjunct naming a group of
        # partners no table knows is with that group, as written, not with the first figure's
        # partner nor with the bloc it is the rest of
        group = next((t for t in between if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"}
                      and t.lemma_.lower() in _lexicon_words("partner_group_nouns")
                      and (not named or any(c.lower_ in {"other", "remaining"} for c in t.children))), None)
        if group is not None:
            state = ctx.doc[group.left_edge.i: group.i + 1].text
        elif not named and k - 1 in moved and not any(t.text in {";", "and"} for t in between):
            # "...; with Bolivia reached $740 million, up 19 percent; ...": the change written right
            # after a gapped conjunct's figure, in its clause, is with the same state
            state = moved[k - 1]
        elif len(named) != 1 or named[0] in (partner, reporter) or named[0] in ctx.places:
            continue
        else:
            state = named[0]
        claim.trade = _with_party_replaced(trade, partner, state)
        claim.inferred.pop("parties", None)
        moved[k] = state


def _gapped_goods(sent: Span, claims: list, ctx: _Context) -> None:
    """'Exports of bedsheets fell 1.2%, from $1,520 million to $1,502 million, and towels by 3.4%,
    from $560 million to $541 million': the figures after a second conjunct whose verb is left out
    (gapping) are of the goods that conjunct names, in the first figure's flow, up to the next
    such conjunct. Changes ``claims`` (the sentence's, in text order) in place."""
    trades = _trade_claims(claims, ctx)
    if len(trades) < 2 or not (trades[0].trade.commodity or trades[0].trade.commodity_text):
        return
    first_verb = _clause_verb(ctx.amount_spans[trades[0].amount].root)
    # the gapped conjunct's own change hangs on it or on the verb: "and towels by 3.4%"
    nouns = [t for t in sent if gapped_conjunct(t) and t.head == first_verb and t.i not in ctx.country_at and _trade_kind(t) is None
             and t.i + 1 < sent.end and ctx.doc[t.i + 1].lower_ == "by"]
    # ("rose 80 percent, citrus by 35 percent and dates by 12 percent": however the parser hung them,
    # nouns written after the first figure between a comma or 'and' and 'by')
    after = ctx.amount_spans[trades[0].amount].end
    nouns = sorted(set(nouns) | {t for t in sent if t.i > after and t.pos_ == "NOUN" and t.i + 1 < sent.end
                                 and ctx.doc[t.i + 1].lower_ == "by" and ctx.doc[t.left_edge.i - 1].text in {",", "and"}
                                 and t.i not in ctx.country_at and t.i not in ctx.amount_tokens and t.i not in ctx.period_tokens
                                 and _trade_kind(t) is None and not _is_change_word(t)}, key=lambda t: t.i)
    for noun, following in zip(nouns, nouns[1:] + [None]):
        goods = _goods_of_phrase(ctx.doc[noun.left_edge.i: noun.i + 1], ctx)
        if goods is None and noun.pos_ == "VERB":
            goods = (_goods_code(noun.lower_), noun.lower_)   # the tagger's verb is the goods noun
        if not goods or goods[1] is None:
            continue
        end = following.i if following is not None else sent.end
        # (up to a clause with its own trade word: "..., while exports of all remaining yarns slid")
        end = next((t.i for t in ctx.doc[noun.i + 1: end] if _trade_kind(t)), end)
        for claim in trades[1:]:
            if noun.i < ctx.amount_spans[claim.amount].start < end and claim.trade.commodity_text != goods[1]:
                _give_goods(claim, goods)


def _bracketed_figures(sent: Span, claims: list, ctx: _Context) -> None:
    """'fell 6.1%, in particular to Thailand (-14.2%), India (-6.3%) and Korea (-3.9%)',
    'exports were copper (12.5%), gold (8.1%) and zinc (-3.2%)': a figure in brackets right after
    a state or goods is that state's (as the flow's partner) or those goods' figure, in the flow the
    sentence reads. Changes ``claims`` (the sentence's) in place."""
    doc = ctx.doc
    trades = _trade_claims(claims, ctx)

    def opening(span: Span) -> int | None:
        """The '(' of a bracket that holds the figure, alone or after another figure it restates
        ("Iran (6 percent or $700 million)"): its index, else None."""
        if span.end >= len(doc) or doc[span.end].text != ")":
            return None
        return _bracket_opening(span, ctx, lambda i: i in ctx.amount_tokens or doc[i].lower_ in {"or", ","})

    def bracketed(span: Span) -> bool:
        return opening(span) is not None

    # goods only in a list of such figures, each a few words after the last ("fell by a large
    # margin ($22 million)" names no goods)
    spans = sorted((ctx.amount_spans[c.amount] for c in trades if bracketed(ctx.amount_spans[c.amount])),
                   key=lambda s: s.start)
    listed = {s.start for a, b in zip(spans, spans[1:]) if b.start - a.end <= 8 for s in (a, b)}
    for claim in trades:
        span = ctx.amount_spans[claim.amount]
        bracket = opening(span)
        if bracket is None:
            continue
        named = doc[bracket - 1]
        # its own modifiers only, written right before it ("engineering goods ($5.4 billion)")
        first = named.i
        while first - 1 >= sent.start and doc[first - 1].dep_ in {"compound", "amod", "nmod"} \
                and named.i >= doc[first - 1].head.i >= first:
            first -= 1
        if any(t.like_num or t.i in ctx.amount_tokens for t in doc[first: named.i + 1]) \
                or any(c.dep_ == "nummod" for c in named.children):
            continue   # "Rs 95 crore ($14.6 million)": a sum restated, not goods
        trade = claim.trade
        code = ctx.country_at.get(named.i)
        if code is not None and code != WORLD and trade.flow == "directional":
            reporter = _reporter_of(trades[0].trade) or _reporter_of(trade)
            if reporter is None or reporter == code or reporter not in (trade.from_, trade.to):
                continue
            update = {"to": code} if reporter == trade.from_ else {"from_": code}
            claim.trade = trade.model_copy(update=update)
            claim.inferred.pop("parties", None)
        elif code is not None and code != WORLD and trade.flow == "total" and len(trade.between or []) == 2 \
                and _with_a_partner(named, ctx):
            # "Turnover was highest with Turkey (12 percent or $1.4 billion) and Iran (...)": the
            # reporter's trade with the state the bracket follows (the story's own state when it has
            # one: the total it read may be with the world or the group the states belong to)
            home_reports = ctx.home_state in trade.between or (WORLD in trade.between and ctx.home_state not in (None, code))
            reporter = ctx.home_state if home_reports else next((p for p in trade.between if p != WORLD), None)
            if reporter not in (None, code) and sorted([reporter, code]) != sorted(trade.between):
                claim.trade = trade.model_copy(update={"between": sorted([reporter, code])})
                claim.inferred.pop("parties", None)
        elif code is None and span.start in listed and named.pos_ == "NOUN" and not _trade_kind(named):
            goods = _goods_of_phrase(doc[first: named.i + 1], ctx)
            # (not a shorter name of the goods already read: "leather and fur goods")
            if goods and goods[1] and not set(goods[1].split()) <= set((trade.commodity_text or "").split()):
                _give_goods(claim, goods)


def _with_a_partner(token: Token, ctx: _Context) -> bool:
    """The token is written in a list after 'with' ("with Turkey (12 percent or $1.4 billion) and Iran
    (...)"): only states, their brackets of figures, commas and 'and' between, however parsed."""
    k = token.i - 1
    while k >= 0 and (k in ctx.country_at or k in ctx.amount_tokens or ctx.doc[k].like_num
                      or ctx.doc[k].lower_ in {"(", ")", ",", "and", "or", "%", "percent", "per", "cent", "the"}):
        k -= 1
    return k >= 0 and ctx.doc[k].lower_ == "with"


def _reporter_of(trade) -> str | None:
    """The state whose flow with the world a trade is ('Peru's exports': Peru), else None."""
    if trade.flow != "directional":
        return None
    return trade.from_ if trade.to in (WORLD, None) else trade.to if trade.from_ in (WORLD, None) else None


def _partner_of(trade, sent: Span, first: Span, ctx: _Context) -> str | None:
    """The partner of the sentence's first flow: of its two ends, the one named last after a
    preposition before its figure ('Japan's imports of crude from Angola climbed 12%': Angola),
    the reporter coming first as possessor or subject, or not at all."""
    ends = [e for e in _ends(trade) if e]
    if len(ends) != 2 or WORLD in ends:
        return None   # (a state's trade with the world names no partner a list could go on with)
    # named after a preposition ('to Peru', 'from Angola', 'with the US'), not as a ranking's
    # subject ('India was North Korea's second largest partner, followed by ...')
    last = {code: t for t in range(sent.start, first.start) for code in [ctx.country_at.get(t)]
            if code in ends and ctx.doc[t].dep_ == "pobj" and ctx.doc[t].head.lower_ in _PARTNER_PREPOSITIONS}
    if not last:
        return None
    return max(last, key=last.get)


_PARTNER_PREPOSITIONS = frozenset({"to", "from", "with", "into", "for", "in"})
