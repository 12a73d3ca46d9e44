"""The assembly: claims of a document in text order (trade values, trade changes, comparisons,
quantities) with their sources, the story's frame carried from sentence to sentence, and the
``newsclaims_claims`` component.
"""
from __future__ import annotations

import re

import hashlib
from bisect import bisect_left
from collections import Counter
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import Actor, Amount, Claim, Comparison, Period, Source, Trade

from ..actors import headline_state
from ..calendar_spans import shift_period
from ..amounts.changes import _change_of_an_included_item
from ..extensions import isolated  # (importing it registers Doc._.claims)
from .context import _Context
from .lists import _bracketed_figures, _fill_slot, _gapped_goods, _gapped_partners, _respectively
from .goods import (_ALL_GOODS, _PLACES, _POINTING_BACK, SERVICES_AGGREGATES, _commodity, _is_a_segment, _segment_of, _goods_code, _goods_named_before, _goods_of_amount, _goods_of_clause,
                    _goods_of_a_demonstrative, _goods_of_phrase, _goods_of_producers, _goods_pointing_back,
                    _goods_of_a_balance, _goods_of_a_clause_item, _goods_of_a_list_item,
                    _goods_of_an_item_and_its_change, _goods_of_a_semicolon_item, _names_goods,
                    _goods_of_a_ranked_subject, _goods_subject,
                    _GOODS_CLASS_NOUNS)
from .parties import (
    _partner_of_a_labelled_line,
    _partner_there,
    _named_only_as_partners,
    _state_of_a_source,
    _partner_ranking,
    FROM_ARTICLE_TOPIC,
    FROM_EARLIER_SENTENCE,
    FROM_PREVIOUS_CLAIM,
    FROM_THE_ADDRESS,
    MONTH_AFTER_THE_COMPARED,
    STORY_BASIS,
    UNSTATED_BASIS,
    YEAR_SO_FAR,
    _a_firm_s_trade,
    _agent_of,
    _anaphoric_trade_noun,
    _balance_nouns,
    _balance_reporter,
    _partner_of_the_balance,
    _world_balance_reporter,
    _ends,
    _with_party_replaced,
    _frame,
    _home_state,
    _SENTENCE_ENDS,
    _lead_reports_world_trade,
    _names_the_pair,
    _parties_named_in,
    _demonstrative_subject,
    _partner_of_a_demonstrative,
    _partner_of_a_share,
    _parties_of_a_demonstrative,
    _refers_to_the_pair,
    _trade,
    _trigger_for,
)
from ..periods.patterns import WRITTEN_YEAR
from .sizes import _figures_larger_than_their_partner_s_total
from .periods import (_a_figure_referred_to, _basis, _basis_after, _basis_between, _basis_from_reference,
                      _basis_of_own_reference,
                      _compared_with_another_span,
                      _data_periods, _measured_from_unnamed_levels, _period_for, _story_periods, _the_level_moved_from,
                      _the_month_after_a_compared_month)
from .words import (
    _SUPERLATIVE_TAGS,
    CURRENCY_UNITS_EXCLUDED,
    WORLD,
    _clause_verb,
    _entity_subject,
    _aid,
    _expected,
    _hypothetical,
    _is_balance,
    _is_change_word,
    _lexicon,
    _lexicon_words,
    _says_respectively,
    _trade_kind,
    trade_word_places,
)

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
    ctx.world_story = _lead_reports_world_trade(ctx)
    ctx.partners_only = _named_only_as_partners(ctx)
    ctx.home_state, ctx.home_reason = _home_state(ctx)
    claims: list[Claim] = []
    seen_sentences: set[tuple[str, str]] = set()
    previous_trade: Trade | None = None
    story_trade: Trade | None = None   # the first flow whose parties were read: what the story is about
    framed = False                     # the previous flow was set by a figure-less sentence ("In trade with ...")
    previous_named = False             # the previous flow's sentence named a state ("Exports to China fell ...")
    entity_trade: Trade | None = None     # the reporter's trade by kind of firm, while a breakdown goes on
    story_basis: tuple[str | None, int] = (None, -1)   # the last stated basis of a change, its sentence
    previous_read = False                 # the previous trade's parties were read from its sentence
    previous_inferred: dict | None = None
    previous_agent: str | None = None     # whose trade the last directional claim stated
    data_period: int | None = None        # the period the last trade sentence was about
    aside_period: tuple[int, int] | None = None   # (sentence, period) of an aside ("In June alone, ...")
    last_sources: tuple[int, list[int]] = (-1, [])   # paragraph, source indexes
    amount_claim: dict[int, Claim] = {}
    last_trade_sentence: int | None = None
    balance_frame: tuple[int, Trade, str] | None = None   # sentence, pair, holder of a balance with a partner
    balance_period: tuple[int, int] | None = None   # sentence, period of a balance stated with no flow
    aggregate_balance = False   # the story's last balance was of goods and services, no flow of goods told since
    balance_told = False        # the last sentence with figures gave a balance's and no flow's

    trade_words = trade_word_places(doc)   # (the only tokens a sentence's trade words can be)
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
        story_periods = _story_periods(sent_periods, ctx)
        # the comparison a sentence with a change states ("widened 17.5% from the previous month")
        stated_basis = _basis(sent) if any(ctx.amounts[i].change for i in by_sentence.get(s_index, [])) else None
        # (not a trade word a ban governs: "Resolution 2397 in December bans selling machinery" says
        # what may not be traded, and dates no figure)
        has_trade_word = any(_trade_kind(t) and not _under_a_ban(t) for t in (
            doc[i] for i in trade_words[bisect_left(trade_words, sent.start): bisect_left(trade_words, sent.end)]))
        # A sentence that names no state continues the trade story only right after it.
        # (a credit or caption line between, "(Yonhap)", does not break the story)
        continues = last_trade_sentence is not None and (
            s_index - last_trade_sentence <= 1 or ctx.paragraph_of(ctx.sents[last_trade_sentence].start_char) == paragraph
            or s_index - last_trade_sentence <= 3
            and all(sum(t.is_alpha for t in ctx.sents[k]) < 4 for k in range(last_trade_sentence + 1, s_index)))
        # a bloc or region named as a partner ("auto exports to the EU") names a party too
        # the states and places the sentence names, and whether one is a preposition's object
        named_here = {ctx.country_at[i] for i in range(sent.start, sent.end) if ctx.country_at.get(i) not in (None, WORLD)}
        named_as_an_object = any(ctx.doc[i].dep_ == "pobj" for i in range(sent.start, sent.end)
                                 if ctx.country_at.get(i) not in (None, WORLD))
        names_a_state = any(ctx.actors[i].type == "country" for i in sent_actors) or _names_the_pair(sent) \
            or bool(named_here) or any(i in ctx.pair_at for i in range(sent.start, sent.end))
        # "Exports rose 8%, according to Japan's Finance Ministry": the agency names whose figures
        # these are (the reporter, inferred), though no state is a party in the sentence
        agency_state = next((code for i in sent_sources if sent.start_char <= ctx.sources[i].start < sent.end_char
                             for code in [_state_of_a_source(ctx.sources[i], ctx)] if code), None)
        agency_of_a_state = agency_state is not None
        # "The trade deficit stood at ..., the figure coming ...": a balance continues no flow
        # (nor does "This figure is down 10%" right after a balance's figure: it is the balance's)
        anaphor = None if has_trade_word or not continues or any(_is_balance(t) for t in sent) or balance_told \
            else _anaphoric_trade_noun(sent, previous_trade)
        folded = " ".join(sent.text.split()).lower()

        respective = _respectively(sent, by_sentence.get(s_index, []), ctx)
        rates = _exchange_rates(by_sentence.get(s_index, []), ctx)
        # "Pakistan's trade deficit with China hit $9 billion. Imports stood at $11.2 billion.": the
        # balance with a partner frames the bare flows right after it (a balance is no claim)
        with_whom = _partner_of_the_balance(sent, ctx)
        # (read only for a balance with a partner; "Trade balance with the US showed a surplus of
        # ...", with no holder written, is the story's state's)
        # (or the state whose trade the story last told: a Japanese story naming China most is still Japan's)
        holder = (_balance_reporter(sent, ctx) or (previous_agent if previous_agent != with_whom else None)
                  or ctx.home_state) if with_whom else None
        if holder and with_whom and holder != with_whom and WORLD not in (holder, with_whom):
            balance_frame = (s_index, Trade(flow="total", between=sorted([holder, with_whom])), holder)
        elif with_whom is None and balance_frame is not None and by_sentence.get(s_index) \
                and any(_of_everything_traded(t) for t in _balance_nouns(sent)):
            # "Canada's deficit with Mexico grew. The deficit in goods and services was $2.1 billion.
            # Exports rose 1.2%": a balance of everything traded, with its own figure, turns the
            # story from the partner's (not a restatement: "Santiago ran a deficit of $6.5 billion")
            balance_frame = None
        balance_goods = [g for b in _balance_nouns(sent) if (g := _goods_of_a_balance(b, ctx)) is not None]
        if (None, SERVICES_AGGREGATES[0]) in balance_goods:
            aggregate_balance = True
        elif balance_goods or with_whom is not None:
            aggregate_balance = False   # "The goods deficit ...", "The deficit with Canada ...": its own part
        for a_index in by_sentence.get(s_index, []):
            amount, span = ctx.amounts[a_index], ctx.amount_spans[a_index]
            key = (folded, amount.start - sent.start_char)
            if span is None or key in seen_sentences:
                continue   # one sentence's claim is never counted twice
            seen_sentences.add(key)
            period = _period_for(span, s_index, ctx, is_change=amount.change is not None)
            common = dict(sentence=sent.text, start=sent.start_char, end=sent.end_char, amount=a_index,
                          actors=sent_actors, sources=sent_sources)
            if a_index in rates:
                # "(1 USD = 151 yen)": what one currency was worth in another, no sum traded
                claim = Claim(id=claim_id("quantity", sent.start_char, amount.start), kind="quantity", period=period, **common)
                claims.append(claim)
                amount_claim[a_index] = claim
                continue
            # A trade word with no state named counts once the article has told a trade story.
            # (so does one in a home-country story: "Exports rose 12%, the finance ministry said")
            # (not its headline, which abbreviates the story)
            trigger = _trigger_for(span, sent) if has_trade_word and (
                names_a_state or agency_of_a_state or previous_trade is not None
                or ctx.home_state is not None and sent.text.rstrip().endswith(_SENTENCE_ENDS)) else None
            slot = respective.get(a_index, {})
            if "period" in slot:
                period = slot["period"]   # "fell 3% and 12% in 2014 and 2015"
            if "trigger" in slot:
                trigger = slot["trigger"]   # "exports and imports rose 5% and 3%, respectively"
            if "balance" in slot:
                trigger = None   # "exports and the trade surplus fell 10% and 60%, respectively": no flow's
            # Shares ("56% of its exports, up 3.5 percentage points") are not computed from trade levels.
            # A sum of money with a direction ("rose by $12 million", "$5 million less") is a change
            # too: the difference of two levels, never a level itself.
            is_change = ((amount.change or slot.get("change")) is not None and amount.unit in {"percent", "times"}) \
                or (amount.change is not None and amount.is_money) \
                or (amount.change is not None and amount.unit not in CURRENCY_UNITS_EXCLUDED)   # "up 4,500 tonnes"
            trade = None
            inferred: dict[str, str] = {}
            a_routed_part = False   # the figure is the part of a flow that went to one state
            goods = _commodity(trigger, ctx) if trigger is not None else (None, None)
            routed = _where_the_figure_went(span, ctx)
            # the goods of the list item the figure closes, however its flow is found
            semicolon_item = _goods_of_a_semicolon_item(span, ctx)
            item_goods = _goods_of_an_item_and_its_change(span, ctx) or semicolon_item
            if trigger is not None:
                goods = _goods_of_amount(span, ctx) or _goods_of_a_list_item(span, ctx) \
                    or item_goods or _goods_of_clause(span, ctx) \
                    or _goods_of_a_clause_item(span, trigger, goods[1] is not None, ctx) or goods
                goods = _goods_of_a_demonstrative(span, trigger, _demonstrative_subject(span), ctx) or goods
                bracketed = _claim_a_bracket_follows(span, amount_claim, ctx) if is_change else None
                if bracketed is not None and bracketed.trade is not None \
                        and (bracketed.trade.commodity, bracketed.trade.commodity_text) != (None, None):
                    # "sandals 1.3 billion USD (up 9.5 percent)": the change of the item whose figure
                    # the bracket follows
                    goods = (bracketed.trade.commodity, bracketed.trade.commodity_text)
            if trigger is not None and goods[0] is None and goods[1] and goods[1].split()[-1].rstrip("s") in _GOODS_CLASS_NOUNS:
                # "Copper was the top exported commodity": the goods are the subject, not "commodity"
                goods = _goods_of_a_ranked_subject(trigger, span, ctx) or goods
            if trigger is not None and goods == (None, None):
                # "exports in general trade", "state-owned firms logged 0.6 trillion yuan": a segment of
                # a statistics breakdown, reported with its words
                segment = _segment_of(trigger, span, ctx)
                goods = (None, segment) if segment is not None else goods
            if trigger is not None and goods == (None, None):
                goods = _goods_of_producers(trigger, ctx) or _goods_subject(span, ctx, containing=trigger) \
                    or _goods_of_a_ranked_subject(trigger, span, ctx) or goods
            if trigger is not None and goods == (None, None):
                # "Shipments from Brazil rose to 8.3 million tonnes, up 4.9%": one clause's figures
                # are of the same goods
                verb = _clause_verb(span.root)
                same_clause = _last_goods_claim(claims, lambda c: c.start == sent.start_char and verb is not None
                                                and _clause_verb(ctx.amount_spans[c.amount].root) == verb)
                if same_clause is not None:
                    goods = (same_clause.trade.commodity, same_clause.trade.commodity_text)
                    if "goods" in same_clause.inferred:
                        inferred["goods"] = same_clause.inferred["goods"]
            if trigger is not None and goods == (None, None) and _a_bare_flow_in_a_later_conjunct(trigger, sent):
                # "exports of services stood at $28 billion, and imports were $16 billion", "exports of
                # goods and services rose 4%, while imports dropped 3%": the aggregate the sentence's
                # first flow names holds for the bare flow of the clause joined to it
                aggregate = next((c for c in reversed(claims) if c.start == sent.start_char and c.trade is not None
                                  and c.trade.commodity is None and c.trade.commodity_text in SERVICES_AGGREGATES), None)
                if aggregate is not None:
                    goods = (None, aggregate.trade.commodity_text)
                    inferred["goods"] = "the goods are those of the flow before it in the sentence"
            if trigger is not None and goods == (None, None) and (
                    (_refers_back(trigger) and not names_a_state)
                    or (not amount.is_money and amount.unit not in CURRENCY_UNITS_EXCLUDED)):
                # "These imports cost $3.2 billion", "Exports totalled 7,210 tonnes" after a goods
                # line of this sentence or the one before: the same goods (a tonnage is always of some
                # goods), unless the sentence names goods of its own
                since = ctx.sents[max(0, s_index - 1)].start_char
                recent = _last_goods_claim(claims, lambda c: c.start >= since)
                how = f"the goods are {FROM_PREVIOUS_CLAIM}"
                if recent is None and not amount.is_money and amount.unit not in CURRENCY_UNITS_EXCLUDED:
                    # "Exports to Peru rose 7 per cent to 64,000 tonnes" in a story whose first
                    # trade figure was of coffee: a tonnage is of the story's goods -- the goods it told
                    # in its last three sentences ("Timber exports fell 18%. The price fell to
                    # $540 per cubic metre. Export volumes fell to 284,100 cubic metres"), or its
                    # first figure's
                    first = next((c for c in claims if c.trade is not None and c.kind != "comparison"), None)
                    near = ctx.sents[max(0, s_index - 3)].start_char
                    last = _last_goods_claim(claims, lambda c: c.start >= near and "goods" not in c.inferred
                                             and c.kind != "comparison")
                    if last is not None and last is not first:
                        recent, how = last, f"the goods are {FROM_STORY_LAST_GOODS}"
                    elif first is not None and (first.trade.commodity or first.trade.commodity_text) \
                            and "goods" not in first.inferred:
                        recent, how = first, f"the goods are {FROM_STORY_GOODS}"
                if recent is not None and not _names_other_goods(sent, recent.trade.commodity):
                    goods = (recent.trade.commodity, recent.trade.commodity_text)
                    inferred["goods"] = how
                    # "Imports were up 16% at 7.9 million tons": the change written before the
                    # tonnage in its clause is of the same goods
                    verb = _clause_verb(span.root)
                    for earlier in (c for c in claims if c.start == sent.start_char and c.trade is not None
                                    and c.amount is not None and c.trade.commodity is None and c.trade.commodity_text is None
                                    and verb is not None and _clause_verb(ctx.amount_spans[c.amount].root) == verb):
                        earlier.trade = earlier.trade.model_copy(update={"commodity": goods[0], "commodity_text": goods[1]})
                        earlier.inferred = {**earlier.inferred, "goods": f"the goods are {FROM_PREVIOUS_CLAIM}"}
            # (or whose words are only a class of goods pointed at: "sales of this product")
            pointing_back = _goods_pointing_back(trigger, ctx) if trigger is not None and (
                goods == (None, None) or goods[0] is None and goods[1] is not None
                and goods[1].rstrip("s") in _GOODS_CLASS_NOUNS) else None
            if pointing_back is not None:
                # "Metals made up most of that trade. The pair's trade in such goods came to ...": the
                # goods of the claim just made, else those the sentence before names as its subject,
                # never all goods
                since = ctx.sents[max(0, s_index - 1)].start_char
                recent = _last_goods_claim(claims, lambda c: c.start >= since)
                if recent is not None:
                    goods = (recent.trade.commodity, recent.trade.commodity_text)
                    inferred["goods"] = f"the goods are {FROM_PREVIOUS_CLAIM}"
                elif (named_before := _goods_named_before(pointing_back, ctx)) is not None:
                    goods = named_before
                    inferred["goods"] = "the goods are those the sentence before names"
                else:
                    goods = (None, " ".join(t.lower_ for t in pointing_back if not t.is_punct))
            if trigger is not None and goods[0] is None and goods[1] \
                    and re.search(rf"\b(?:{'|'.join(sorted(_POINTING_BACK))})\s+{re.escape(goods[1])}", folded):
                # "The shipments of these fashion products climbed" after a line on wigs: the goods
                # named before, by a description pointing back to them
                coded = _last_goods_claim(claims, lambda c: c.trade.commodity is not None)
                if coded is not None:
                    goods = (coded.trade.commodity, goods[1])
                    inferred["goods"] = f"the goods are {FROM_PREVIOUS_CLAIM}"
            if trigger is not None and "goods" in slot:
                # a "respectively" list of goods: this figure's member only
                member = slot["goods"]
                phrase = member if isinstance(member, Span) else ctx.doc[member.left_edge.i: member.i + 1]
                goods = _goods_of_phrase(phrase, ctx) or goods
            # "80,000,000 tonnes of iron ore", "2 million pairs of gloves": a goods-level figure
            # may be a quantity; the flow's value is money
            # a count is of the goods only as the trade word's own object ("bought 16 ventilators"),
            # not "strikes at two mines"
            measured = amount.unit not in CURRENCY_UNITS_EXCLUDED or (
                amount.unit == "count" and amount.change is None and trigger is not None
                and span.root.head in (trigger, *trigger.children) and span.root.dep_ in {"dobj", "attr", "nummod", "pobj"})
            # ("Peru, Chile and Brazil were Italy's largest partners, with trade of $4.1 billion, $3.7
            # billion and $2.2 billion, respectively": each state its own figure, not the ranking's)
            ranking = _partner_ranking(span, ctx, previous_agent) if (amount.is_money or is_change or measured) \
                and "partner" not in slot else None
            # (goods the figure's own trade word names in its 'of' phrase: "..., with purchases of farm
            # products up 25%")
            ranked_goods = goods if ranking is not None and trigger is not None and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children) else (None, None)
            if ranking is not None:
                trigger = None   # "X was Y's largest trading partner, with trade of $N": X with Y
            # "coal exports averaged $95.20 a tonne, up from $91.10": prices, not trade (their
            # flow still frames the sentence's other figures)
            price = _is_a_price(a_index, by_sentence.get(s_index, []), ctx) or _a_change_in_a_price(span)
            if trigger is not None and _a_gap_between_states(span, ctx):
                trigger = None   # "0.6 million tonnes more than China": how far apart two states are
            if trigger is not None and _a_firm_s_trade(trigger, ctx):
                trigger = None   # "Ningbo Sunrise Brewery Co exported beers worth ...": a company's, no state's flow
            if trigger is not None and (_hypothetical(trigger) or _expected(span) or _aid(trigger)):
                trigger = None   # "the North may receive up to 500,000 barrels": a rule or a possibility, not a figure
            # a sentence with no trade word of its own, right after a flow was told, may go on with it
            flow_goes_on = trigger is None and not has_trade_word and continues and previous_trade is not None \
                and previous_trade.flow == "directional"
            if trigger is not None and (amount.is_money or is_change or (goods[1] and measured)):
                code, words = goods
                # Goods-level figures are claims only when the sentence names who trades them.
                # ... or when the story's last flow was of the same goods ("North Korea's rice imports
                # reached $39.9 million ... The rice import amount for September to December was $11
                # million"): the series goes on, its parties inferred
                last_trade = next((c.trade for c in reversed(claims) if c.trade is not None and c.kind != "comparison"), None)
                same_goods = previous_trade is not None and continues and last_trade is not None and (
                    code is not None and last_trade.commodity == code
                    # "By 2022 the import value had passed $4 million": goods taken from the line before
                    or "goods" in inferred and (last_trade.commodity, last_trade.commodity_text) == (code, words))
                # "Of the imports, wheat took up the largest share of 1,140 tons": a part of the flow
                # just stated, whose traders that flow named
                # "Rice made up 4,600 tonnes of these imports" too: the figure itself
                # is the part of the flow
                part_of_the_last = continues and last_trade is not None and trigger.dep_ == "pobj" \
                    and trigger.head.lower_ == "of" and (
                        trigger.head.i == sent.start or span.start <= trigger.head.head.i < span.end) \
                    and _trade_kind(trigger) == _kind_of(last_trade, previous_agent)
                # "Imports included $55 million worth of fuel, ...": a breakdown of the flow just told
                breakdown = continues and last_trade is not None and trigger.dep_ == "nsubj" \
                    and trigger.head.lemma_.lower() in _lexicon_words("breakdown_verbs") \
                    and _trade_kind(trigger) == _kind_of(last_trade, previous_agent)
                # (trade in services, or in goods and services, is a whole flow, not goods of one kind)
                # (nor is a segment of a breakdown, "private firms recorded 4.5 trillion yuan in trade": a
                # part of the reporter's whole flow, by regime or kind of firm)
                whole_flow = code is None and (words in (None, *SERVICES_AGGREGATES) or _is_a_segment(words))
                # "..., with coffee up 72% and tea down 3%": the flow just told, item by item
                itemized = item_goods is not None and goods == item_goods and continues and previous_trade is not None
                # ("Exports of cocoa rose 7% to $1.9 billion, the Bank of Ghana said": the agency names
                # whose goods these are)
                if whole_flow or names_a_state or agency_of_a_state or _reports_world_trade(previous_trade) \
                        or _reports_world_trade(story_trade) or same_goods or part_of_the_last or breakdown or itemized:
                    frame = _frame(trigger, ctx)
                    _parties_of_a_demonstrative(span, frame, ctx)
                    _fill_slot(frame, slot)   # ("those to Chile and Japan rose 5% and 8%, respectively")
                    _partner_of_a_labelled_line(frame, sent, ctx)   # ("Kazakhstan: trade turnover rose 12%")
                    _partner_there(frame, sent, ctx, previous_agent)   # ("Goods worth $3 billion were exported there")
                    # ("Those exports jumped 15 percent": a demonstrative points back to the flow just named)
                    # (a sentence naming only the story's own reporter, "58% of the province's total",
                    # names no partner: after a breakdown by partner it is back with the world)
                    only_the_reporter = bool(named_here) and story_trade is not None and not named_as_an_object \
                        and not any(ctx.actors[i].type == "country" for i in sent_actors) \
                        and _reports_world_trade(story_trade) and named_here <= set(_ends(story_trade)) - {WORLD}
                    series = _series_to_continue(previous_trade, story_trade,
                                                 keep=names_a_state and not only_the_reporter or framed or not previous_named
                                                 or _pointed_back(trigger))
                    agent = previous_agent
                    framed_by_balance = not names_a_state and balance_frame is not None \
                        and balance_frame[0] < s_index <= balance_frame[0] + 2 \
                        and (last_trade_sentence is None or last_trade_sentence < balance_frame[0])
                    # "The surplus with the EU widened to $95 million, as exports rose 4%": the flows
                    # of a balance's own sentence that name no party are with its partner
                    framed_by_balance = framed_by_balance or balance_frame is not None and balance_frame[0] == s_index \
                        and not (frame.source or frame.target or frame.partners or frame.between or frame.agent)
                    if framed_by_balance:
                        series, agent = balance_frame[1], balance_frame[2]
                    trade = _trade(frame, ctx, series, inferred, _refers_to_the_pair(sent, ctx), agent,
                                   same_sentence=last_trade_sentence == s_index, whole=whole_flow)
                    if framed_by_balance and "parties" in inferred:
                        inferred["parties"] = FROM_THE_BALANCE
                    if trade is not None and trade.flow == "total" and "parties" in inferred \
                            and _entity_subject(trigger):
                        # "private firms recorded 4.5 trillion yuan in trade": the reporter's trade
                        # with all partners, by that kind of firm
                        reporter = previous_agent if previous_agent in (trade.between or []) else next(
                            (p for p in trade.between or [] if p in ctx.main_countries[:1]), None)
                        if reporter is not None:
                            trade = Trade(flow="total", between=sorted([reporter, WORLD]))
                            entity_trade = trade
                    if trade is not None:
                        trade.commodity, trade.commodity_text = code, words
                        if aggregate_balance and (code, words) == _ALL_GOODS and WORLD in _ends(trade) \
                                and not _names_goods(trigger, ctx):
                            # "America's goods and services deficit widened to $48 billion in March.
                            # Exports slipped to $199 billion": the bare flows that follow are of the
                            # balance's aggregate, as the release counts them
                            trade.commodity_text = SERVICES_AGGREGATES[0]
                            inferred["goods"] = FROM_THE_AGGREGATE_BALANCE
                        elif (code, words) not in (_ALL_GOODS, (None, SERVICES_AGGREGATES[0])) \
                                or WORLD not in _ends(trade) or _names_goods(trigger, ctx):
                            aggregate_balance = False   # a flow of its own goods, or with a partner
                        if whole_flow or "parties" not in inferred:
                            # a goods line that names its parties names the story's agent too
                            previous_agent = _agent_of(trade, frame, previous_agent)
            elif ranking is not None:
                trade, owner = ranking
                if not _parties_named_in(sent, trade, ctx):
                    # "The other leading markets were Korea at $410 million": the story's state's
                    inferred["parties"] = f"the reporter is {ctx.home_reason}" if owner == ctx.home_state \
                        else f"the reporter is {FROM_STORY_AGENT}"
                if goods != (None, None) and (measured and not amount.is_money or goods[0] is not None
                                              or goods == ranked_goods):
                    # "Peru remains the biggest supplier of Chile's zinc, shipping 2 million tonnes": a
                    # ranked quantity is of the goods read for it; so is a value or change of goods the
                    # table knows ("a market, with its purchases of Lao coffee up sevenfold")
                    trade = trade.model_copy(update={"commodity": goods[0], "commodity_text": goods[1]})
                if trade.flow == "directional":
                    # "Germany remained Kenya's largest export market": the possessor is whose
                    # trade the ranking goes on with ("It was followed by Uganda with ...")
                    previous_agent = owner
            elif entity_trade is not None and continues and _entity_subject(span.root) and (
                    amount.is_money or is_change):
                # "State-owned companies logged 0.6 trillion yuan, up 1.2%": the breakdown
                # by kind of firm goes on
                trade = entity_trade.model_copy(update={"commodity": None, "commodity_text": _segment_of(span.root, span, ctx)})
                inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
            elif anaphor is not None and (amount.is_money or is_change or (
                    # "That was up from 5.5 million tonnes": a tonnage continues a series of goods
                    amount.unit not in CURRENCY_UNITS_EXCLUDED and amount.per is None
                    and (anaphor.commodity or anaphor.commodity_text))) \
                    and not _expected(span):
                trade = anaphor.model_copy()
                own = _partner_of_a_demonstrative(span, trade, ctx, slot.get("partner"))
                if own is not None:
                    # "Those to Australia rose 5.5 percent": the flow before, with its own partner
                    trade = own
                    inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
                    inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
                elif not previous_read:
                    inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
                    inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
                # else "That is a fall of 8.3%", "The figure was ...": an explicit reference to a
                # claim read from its sentence reads its parties and flow
                # ("The rise reflected a 3.5% increase in those of capital equipment": the same flow, of those goods)
                item = item_goods or _goods_of_a_demonstrative(span, None, _demonstrative_subject(span), ctx)
                if item is not None and (trade.commodity is None and trade.commodity_text is None
                                         or item == semicolon_item):
                    # "The main increases were coal, up $430 million; beef, up $90 million": the
                    # flow's change, item by item
                    trade = trade.model_copy(update={"commodity": item[0], "commodity_text": item[1]})
            elif flow_goes_on and (amount.is_money or is_change) \
                    and (item := _goods_subject(span, ctx)) is not None and not _expected(span):
                # "Taiwan's exports rose 12% ... Semiconductors totaled $15 billion, while machinery
                # fell 4%": the flow just told, item by item (its parties and flow inferred)
                # ("..., followed by salmon at $600 million", "... were coal, up $430 million; beef, up ...")
                item = _goods_of_a_list_item(span, ctx) or item_goods or item
                trade = previous_trade.model_copy(update={"commodity": item[0], "commodity_text": item[1]})
                inferred["parties"] = f"the parties are {FROM_PREVIOUS_CLAIM}"
                inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
            elif flow_goes_on and (amount.is_money or measured) and previous_agent in (previous_trade.from_, previous_trade.to) \
                    and (leader := _leader_with(span, ctx)) is not None and leader != previous_agent:
                # "Peru's exports rose 5% to $6 billion. China topped the list with $1.9 billion,
                # followed by ...": the flow just told (its goods too), to or from the state leading its ranking
                end = "to" if previous_trade.from_ == previous_agent else "from_"
                trade = previous_trade.model_copy(update={end: leader})
                inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
                inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
            elif flow_goes_on and amount.is_money and routed is not None \
                    and previous_agent is not None and previous_agent != routed[1] \
                    and getattr(previous_trade, "from_" if routed[0] == "to" else "to") == previous_agent:
                # "Chile's exports rose to $6.2 billion. About $2.4 billion went to China": the part of
                # the flow just told that went to (or came from) one state
                trade = previous_trade.model_copy(update={routed[0]: routed[1]})
                inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
                inferred["flow"] = f"the flow is {FROM_PREVIOUS_CLAIM}"
                a_routed_part = True
            elif flow_goes_on and (amount.is_money or measured) and WORLD not in (previous_trade.from_, previous_trade.to) \
                    and _ranked_after(span, ctx) is not None:
                # "The US was the biggest market, taking $2.26 billion. Japan followed with $940
                # million, then China with $791 million": the ranking goes on, each state in its turn
                trade = previous_trade.model_copy()
                inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
            if trade is not None and trade.flow == "directional":
                own = _partner_written_after(span, amount, trigger, ctx) if trigger is not None else None
                if own is None and trigger is not None and (WORLD in (trade.from_, trade.to) or "parties" in inferred
                                                            and previous_agent in (trade.from_, trade.to)) \
                        and (leader := _leader_with(span, ctx)) is not None and leader not in (trade.from_, trade.to):
                    # "Uganda came out on top, with exports of $9 million": the ranked state's part
                    # (in place of the partner before it, carried over: "The US was second with
                    # exports of $6 billion" after China's figure)
                    own = {"to" if trade.to == WORLD or trade.from_ == previous_agent else "from_": leader}
                    if "parties" in inferred:
                        inferred["parties"] = f"the reporter is {FROM_PREVIOUS_CLAIM}"
                if own is not None and next(iter(own.values())) not in (trade.from_, trade.to):
                    # "shipped $12.4 billion of goods to Japan and $9.8 billion to India": each
                    # figure's own destination (or origin), when the verb has several
                    trade = trade.model_copy(update=own)
                if routed is not None and getattr(trade, routed[0]) == WORLD and routed[1] not in (trade.from_, trade.to):
                    # "Imports totaled $3.1 billion; $0.9 billion came from China": the figure's own
                    # origin (or destination), in place of all partners
                    trade = trade.model_copy(update={routed[0]: routed[1]})
                    a_routed_part = True
                part = _partner_of_a_share(span, ctx)
                if part is not None and WORLD in (trade.from_, trade.to) and part not in (trade.from_, trade.to):
                    # "1.6 trillion euros, of which 97 billion euros went to China": the part's partner
                    trade = trade.model_copy(update={"to" if trade.to == WORLD else "from_": part})
                    whole = next((c for c in reversed(claims) if c.start == sent.start_char and c.trade is not None
                                  and c.trade.flow == "directional" and WORLD in (c.trade.from_, c.trade.to)), None)
                    if whole is not None and trade.commodity is None and trade.commodity_text is None:
                        # "coal worth $7.1 billion, of which $6.8 billion went to China": the same goods
                        trade = trade.model_copy(update={"commodity": whole.trade.commodity,
                                                         "commodity_text": whole.trade.commodity_text})
                # (a 'respectively' list of the ranked states has paired each with its figure)
                ranked = _ranked_after(span, ctx) if not ("partner" in slot or "agent" in slot) else None
                supplier = ranked[0] if ranked is not None else None
                if supplier is not None and supplier not in (trade.from_, trade.to):
                    # "... with Cambodia selling 1.6 million tonnes, followed by Laos, which placed 0.9
                    # million": the next state in a ranking of partners is this figure's partner;
                    # "China bought $9 billion of Thai goods, followed by Japan ($4 billion)": the
                    # ranking is of the subject written last before 'followed', here the buyer
                    ranked_subject = next((ctx.country_at[t.i] for t in reversed(ctx.doc[sent.start: ranked[1]])
                                           if t.dep_ in {"nsubj", "nsubjpass"} and t.i in ctx.country_at), None)
                    main = next((code for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}
                                 for code in ctx.countries_in(c)), None)
                    end = "from_" if main == trade.to or (main != trade.from_ and trade.from_ == WORLD) else \
                        "to" if main == trade.from_ or trade.to == WORLD else None
                    if ranked_subject is not None and ranked_subject == main and main in (trade.from_, trade.to):
                        end = "to" if main == trade.to else "from_"
                    if end is None and previous_agent in (trade.from_, trade.to):
                        # "It was followed by China with $6.1 billion in imports": the story's
                        # reporter stays, the ranked state is its partner
                        end = "from_" if trade.to == previous_agent else "to"
                    if end is not None:
                        trade = trade.model_copy(update={end: supplier})
            if trade is not None and is_change and _change_of_an_included_item(ctx.doc, span.start, span.end) is not None:
                # "imports fell 12%, including engines by 15% and pumps by 9%": each item's change is of
                # its own goods, whichever way the flow was found; an item whose goods are read no way
                # is no claim about the whole flow
                part = _goods_of_a_list_item(span, ctx)
                if part is not None:
                    trade = trade.model_copy(update={"commodity": part[0], "commodity_text": part[1]})
                elif trade.commodity is None and trade.commodity_text is None:
                    trade = None
            if trade is not None:
                item = _state_heading_its_item(span, sent, ctx)
                if item is not None and item[0] not in _ends(trade):
                    # "Its largest partners were China with $38 billion; the Netherlands with $27
                    # billion; ...": each figure is its own item's partner's, in place of the world
                    # or of the item before
                    replaced = WORLD if WORLD in _ends(trade) else item[1]
                    if replaced is not None and replaced in _ends(trade):
                        trade = _with_party_replaced(trade, replaced, item[0])
                if "parties" in inferred and (_parties_named_in(sent, trade, ctx, span) or (
                        previous_read and last_trade_sentence == s_index and "parties" not in (previous_inferred or {}))):
                    # "X's exports fell 15% ..., while imports fell 30%": the sentence's own
                    # coordinated flow keeps the parties it read
                    del inferred["parties"]
                moved_from = not is_change and period is None and _the_level_moved_from(span)
                after_compared = _the_month_after_a_compared_month(s_index, ctx) if is_change and period is None else None
                if after_compared is not None:
                    # "Compared to October 2019, imports grew 1.4%": November's change, the month after
                    period = after_compared
                    inferred["period"] = MONTH_AFTER_THE_COMPARED
                elif period is None and aside_period is not None and aside_period[0] == s_index - 1 \
                        and _BACK_REFERENCE.match(sent.text):
                    # "In June alone, trade totaled $16.8 billion. Among these, exports ...": the
                    # aside's figure, broken down
                    period = aside_period[1]
                    inferred["period"] = f"the period is {FROM_EARLIER_SENTENCE}"
                if period is None and not moved_from and balance_period is not None \
                        and balance_period[1] != data_period and 0 < s_index - balance_period[0] <= 2 \
                        and ctx.paragraph_of(ctx.sents[balance_period[0]].start_char) == paragraph \
                        and (ctx.periods[balance_period[1]].from_ is not None or data_period is None) \
                        and trade.commodity is None and trade.commodity_text in (None, *SERVICES_AGGREGATES):
                    # "In the first half, the deficit grew $9 billion on a year earlier. Exports
                    # were up $27 billion": the balance's time frames the flows told right
                    # after it, not the story's month (an undated page's "last year" on a balance
                    # dates nothing the story's year does not; only the balance's own sides, the
                    # whole flows: "By sector, copper exports dropped 28%" after a balance so far goes
                    # back to the story's month)
                    period = balance_period[1]
                    inferred["period"] = FROM_THE_BALANCE_PERIOD
                elif period is None and data_period is not None and not moved_from:
                    # (the level a move starts from is the earlier period's, which nothing names)
                    period = data_period
                    inferred["period"] = f"the period is {FROM_EARLIER_SENTENCE}"
                elif period is not None and ctx.periods[period].from_ is None and data_period is not None \
                        and ctx.periods[data_period].from_ is not None \
                        and ctx.periods[data_period].granularity == ctx.periods[period].granularity:
                    # an undated page's "last year" in a story about 2019: that year, since nothing
                    # else dates it (inferred: the page does not say when "last year" was)
                    period = data_period
                    inferred["period"] = f"the period is {FROM_EARLIER_SENTENCE}"
                elif period is not None and data_period is not None and _year_so_far(period, data_period, ctx):
                    # "the wheat bought this year came to 3,140 tonnes" in April: the year so far, the
                    # months the story reports
                    period = data_period
                    inferred["period"] = YEAR_SO_FAR
                if period is not None and "period" not in inferred and ctx.doc._.published_month is not None \
                        and ctx.periods[period].from_ is not None and not WRITTEN_YEAR.search(ctx.periods[period].text):
                    # the page does not date itself: the year of "in March" comes from its address
                    inferred["period"] = FROM_THE_ADDRESS
                if trigger is not None and _a_daily_average(trigger):
                    trade = trade.model_copy(update={"measure": "daily_average"})
                elif is_change and amount.unit == "percent" and (_VOLUME_TERMS.search(_clause_text(span, sent))
                                                                 or _a_change_of_quantities(span, ctx)):
                    trade = trade.model_copy(update={"measure": "volume"})
                kind = "trade_change" if is_change else "trade_value"
                if kind == "trade_value":
                    trade.basis = None   # a level copied from a change's series has no basis
                if kind == "trade_change":
                    # "down 70 percent from pre-crisis levels": measured against a time no period names
                    levels_base = _measured_from_unnamed_levels(span, ctx)
                    if "base" in slot:
                        # a respectively list of bases: what this figure's own base is to its period
                        levels_base, trade.basis = True, _basis_between(period, slot["base"], ctx)
                    elif levels_base:
                        trade.basis = None
                    else:
                        trade.basis = _basis_after(span, ctx) or _basis_of_own_reference(span, period, ctx) or _basis(sent) \
                            or _basis_from_reference(period, s_index, ctx, span)
                    stated_elsewhere = levels_base or (
                        trade.basis is None and (_compared_with_another_span(period, span, ctx)
                                                 or _over_several_years(span, period, sent, ctx)))
                    if trade.basis is None and not stated_elsewhere and story_basis[0] is not None and (
                            s_index - story_basis[1] <= 1 or ctx.paragraph_of(ctx.sents[story_basis[1]].start_char) == paragraph):
                        # "The deficit widened 22% from the previous month ... Exports rose 5.6%":
                        # the story's comparison holds for the changes that follow it
                        trade.basis = story_basis[0]
                        inferred["basis"] = STORY_BASIS
                    if trade.basis is None and not stated_elsewhere:
                        # "exports fell 4 percent": the convention of the statistics reported
                        trade.basis, inferred["basis"] = _unstated_basis(trade, period, previous_agent, ctx)
                if price:   # its flow frames the sentence; the price itself is no trade value
                    claim = Claim(id=claim_id("quantity", sent.start_char, amount.start), kind="quantity",
                                  period=period, **common)
                else:
                    claim = Claim(id=claim_id(kind, sent.start_char, amount.start), kind=kind, period=period,
                                  trade=trade, inferred=inferred, **common)
                # a ranked partner's trade is an aside, not the story's series; a ranked market's
                # or supplier's is a flow the ranking goes on with ("It was followed by ...")
                # (nor is the part of a flow one state took: "$2.4 billion went to China")
                if (ranking is None or ranking[0].flow == "directional") and not a_routed_part:
                    previous_trade, framed, previous_named = trade, False, names_a_state
                    previous_read, previous_inferred = "parties" not in inferred, inferred
                    if story_trade is None and "parties" not in inferred and trade.commodity is None \
                            and trade.commodity_text is None:
                        story_trade = trade
                last_trade_sentence = s_index
                # the record "set in 2022" is that figure's year, not the story's
                if period is not None and ctx.roles[period] is None and inferred.get("period") != MONTH_AFTER_THE_COMPARED and (
                        period in story_periods or period not in sent_periods) and _dates(period, data_period, ctx) \
                        and not _a_figure_referred_to(span) and not (aside_period and period == aside_period[1]):
                    data_period = period
                elif period is not None and period in sent_periods and period not in story_periods:
                    aside_period = (s_index, period)
            else:
                claim = Claim(id=claim_id("quantity", sent.start_char, amount.start), kind="quantity",
                              period=period, **common)
            claims.append(claim)
            amount_claim[a_index] = claim
        # the sentence's lists, once its figures are read: gapped conjuncts, figures in brackets
        sentence_claims = [amount_claim[i] for i in by_sentence.get(s_index, []) if i in amount_claim]
        for read_list in (_gapped_partners, _gapped_goods, _bracketed_figures):
            read_list(sent, sentence_claims, ctx)
        flow_told = any(c.kind.startswith("trade") for c in sentence_claims)
        only_a_balance = not flow_told and _states_a_trade_balance(sent, continues, with_whom, ctx)
        if sentence_claims:
            balance_told = only_a_balance
        if story_periods and only_a_balance:
            balance_period = (s_index, story_periods[0])
        elif story_periods or flow_told:
            balance_period = None   # (a period or a flow of a sentence's own ends the balance's frame)
        if story_periods and (has_trade_word or any(_is_balance(t) for t in sent)) \
                and _dates(story_periods[0], data_period, ctx) \
                and (has_trade_word or not (_spans_the_story_period(story_periods[0], data_period, ctx)
                                            or _before_the_story_period(story_periods[0], data_period, ctx))):
            data_period = story_periods[0]   # "Japan logged a trade deficit in July": the story's month
        if has_trade_word and names_a_state and last_trade_sentence != s_index:
            # "North Korea's trade with China grew in the spring." sets the story's frame
            # even without a figure.
            # the trade noun, not a direction word modifying it ("its outbound shipments fell")
            trigger = next(t for t in sent if _trade_kind(t))
            if trigger.dep_ in {"amod", "compound"} and _trade_kind(trigger.head):
                trigger = trigger.head
            frame = _frame(trigger, ctx)
            # (not a flow told in passing inside a clause about something else: "The chip boom, which
            # rode on brisk sales to Germany, worries officials")
            aside = any(a.dep_ in {"relcl", "acl"} and not _trade_kind(a.head) for a in [trigger, *trigger.ancestors])
            # (nor a report of trade: "Its figures cover trade data with three neighbours as well")
            report = trigger.dep_ in {"compound", "amod", "nmod"} \
                and trigger.head.lemma_.lower() in _lexicon_words("report_nouns")
            frame_trade = None if aside or report else _trade(frame, ctx, previous_trade, previous_agent=previous_agent)
            if frame_trade is not None:
                previous_trade, framed = frame_trade, True
                story_trade = story_trade or (frame_trade if frame_trade.commodity is None else None)
                previous_agent = _agent_of(frame_trade, frame, previous_agent)
                # "Chile's exports to Japan have fallen for four months. In May they dropped
                # 21%.": the next sentence's pronoun continues this trade
                last_trade_sentence = s_index
        elif previous_trade is None and (names_a_state or agency_of_a_state):
            # "Japan recorded a trade deficit in May": no flow, but whose trade the story reports;
            # so does the agency that states a balance ("Japan's finance ministry said the trade
            # deficit was ...")
            reporter = _balance_reporter(sent, ctx) or (
                agency_state if any(_is_balance(t) for t in sent) else None)
            if reporter is not None:
                previous_trade, previous_agent = Trade(flow="total", between=sorted([reporter, WORLD])), reporter
        world_reporter = _world_balance_reporter(sent, ctx) if previous_trade is not None else None
        if world_reporter is not None:
            # "Globally, Peru recorded a trade deficit ... Exports rose 2.7%": after a balance with all
            # partners, the flows are the reporter's with the world, not the partner named before
            previous_trade, previous_agent = Trade(flow="total", between=sorted([world_reporter, WORLD])), world_reporter
            framed, last_trade_sentence = True, s_index
        if stated_basis is not None:
            story_basis = (stated_basis, s_index)
        claims += _comparisons(s_index, ctx, amount_claim, data_period, sent_actors, sent_sources, previous_trade)
    # A superlative or trade claim that came before any period (a headline) is about
    # the article's data period: the one its trade claims use most.
    # (not a previous record's time, "the previous high set in March", which dates that record only)
    used = Counter(c.period for c in claims if c.kind.startswith("trade") and c.period is not None
                   and ctx.roles[c.period] != "record")
    if used:
        topic = used.most_common(1)[0][0]
        for c in claims:
            if c.period is None and c.kind in {"comparison", "trade_value", "trade_change"} and not (
                    c.kind == "trade_value" and _the_level_moved_from(ctx.amount_spans[c.amount])):
                # (the level a move starts from is the earlier period's, which nothing names)
                c.period = topic
                c.inferred["period"] = f"the period is {FROM_ARTICLE_TOPIC}"
    _figures_larger_than_their_partner_s_total(claims, ctx)
    _respective_changes_of_levels(claims, ctx)
    claims = _restated_once(claims, ctx)
    claims.sort(key=lambda c: (c.start, c.kind == "comparison", ctx.amounts[c.amount].start if c.amount is not None else 0))
    return claims


def _respective_changes_of_levels(claims: list[Claim], ctx: _Context) -> None:
    """'..., including $1.2 trillion in exports and $0.9 trillion in imports, respectively up 8 percent and
    3 percent': a list of changes after as many levels, each of its own flow, is the levels' changes,
    member by member (the changes were read with the sentence's subject, its two-way trade)."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind in {"trade_value", "trade_change"} and c.trade is not None and c.amount is not None:
            by_sentence.setdefault(c.start, []).append(c)
    for start, group in by_sentence.items():
        sent = ctx.sents[ctx.sentence_of(start)]
        if not _says_respectively(sent):
            continue
        group.sort(key=lambda c: ctx.amounts[c.amount].start)
        changes = [c for c in group if c.kind == "trade_change"]
        if len(changes) < 2 or len({(c.trade.flow, tuple(c.trade.between or ()), c.trade.from_, c.trade.to) for c in changes}) != 1:
            continue
        first_change = ctx.amounts[changes[0].amount].start
        levels = [c for c in group if c.kind == "trade_value" and ctx.amounts[c.amount].start < first_change]
        levels = levels[-len(changes):]
        flows = [(c.trade.flow, c.trade.from_, c.trade.to, tuple(c.trade.between or ())) for c in levels]
        if len(levels) != len(changes) or len(set(flows)) != len(flows) \
                or any(c.trade.flow != "directional" for c in levels):
            continue
        for level, change in zip(levels, changes):
            change.trade = change.trade.model_copy(update={"flow": level.trade.flow, "from_": level.trade.from_,
                                                           "to": level.trade.to, "between": level.trade.between})


def _restated_once(claims: list[Claim], ctx: _Context) -> list[Claim]:
    """A figure the article states twice -- its headline and its lead, a summary and the body, a
    paragraph repeated -- is one claim: same amount (value, unit, bound, direction), same flow,
    parties, goods, measure and period. The reading with the fewest inferred parts stays, the later
    one of equals (the body's sentence, which carries the attribution). A conversion into another
    currency ("(about $465 billion)") is a claim of its own, as the contract's gold counts it."""
    def figure(c: Claim):
        """The amount, flow, parties and goods a trade claim states (None for other claims)."""
        if c.trade is None or c.amount is None or c.kind not in {"trade_value", "trade_change"}:
            return None
        a, t = ctx.amounts[c.amount], c.trade
        return (c.kind, round(a.value, 9), a.unit, a.bound, a.change, t.flow, t.from_, t.to, tuple(t.between or ()),
                t.commodity, t.commodity_text)

    def key(c: Claim):
        f = figure(c)
        if f is None or c.period is None or ctx.periods[c.period].from_ is None:
            return None   # (an undated span may be two different times)
        p = ctx.periods[c.period]
        return (*f, c.trade.basis, c.trade.measure, p.from_, p.to)
    best: dict[tuple, Claim] = {}
    for c in claims:
        k = key(c)
        if k is not None and (k not in best or len(c.inferred) <= len(best[k].inferred)):
            best[k] = c
    claims = [c for c in claims if (k := key(c)) is None or best[k] is c]

    # A headline (or a summary line: no sentence end) restating a figure of the body is the body's
    # claim, whatever time the headline's few words let the reading give it ("Sri Lanka earns $10
    # billion from exports" above "... $10 billion in January to September")
    def told_as_a_sentence(c: Claim) -> bool:
        return c.sentence.rstrip().endswith(_SENTENCE_ENDS)
    told = {figure(c) for c in claims if told_as_a_sentence(c)}
    return [c for c in claims if told_as_a_sentence(c) or figure(c) is None or figure(c) not in told]


_PER_YEAR = re.compile(r"\b(?:a|per|each|every)\s+year\b|\bannual(?:ly)?\b|\bper\s+annum\b|\byearly\b|\bon\s+average\b",
                       re.IGNORECASE)
_DURATION_YEARS = re.compile(r"^P(\d+(?:\.\d+)?)Y$")
_A_RECORD_AFTER = re.compile(r"[\s-]*(?:peak|high|low|record|best|worst|top)\b", re.IGNORECASE)


def _over_several_years(amount_span: Span, period: int | None, sent: Span, ctx: _Context) -> bool:
    """'rose 250 percent over the past ten years', 'a threefold rise in eight years', 'grew 60%
    between 2003 and 2007': a change over a span of several years, its own period or a span written
    right after it, compares the span's ends, not one year with the one before (unless it is a yearly
    rate: 'a year', 'annually', 'on average')."""
    if _PER_YEAR.search(sent.text):
        return False
    own = ctx.periods[period] if period is not None else None
    if own is not None and own.granularity == "range" and own.from_ is not None and own.to is not None \
            and own.to.year - own.from_.year >= 2:
        return True
    for p in ctx.periods:
        years = _DURATION_YEARS.match(p.duration or "")
        if years is not None and float(years.group(1)) >= 2 and amount_span.end_char <= p.start \
                and not re.search(r"[,;:–—]|\s-\s", ctx.text[amount_span.end_char: p.start]) \
                and p.start - amount_span.end_char <= 30 and not _A_RECORD_AFTER.match(ctx.text, p.end):
            return True   # (not "rising 4% - a five-year peak": how long since the figure was as high)
    return False


def _unstated_basis(trade: Trade, period: int | None, previous_agent: str | None,
                    ctx: _Context) -> tuple[str, str]:
    """The basis a change with none stated takes, and why: the convention of the reporter's
    statistics (trade_lexicon.json 'unstated_basis'), year on year unless the table says otherwise."""
    table = _lexicon()["unstated_basis"]
    ends = _ends(trade)
    named = [e for e in ends if e and e != WORLD]
    reporter = named[0] if len(named) == 1 else previous_agent if previous_agent in named else None
    monthly = period is not None and ctx.periods[period].granularity == "month"
    basis = table["monthly_by_reporter"].get(reporter) if monthly else None
    if basis is not None:
        return basis, f"the change is taken as {basis.replace('_', ' ')}, how {reporter}'s monthly figures are reported"
    return table["default"], UNSTATED_BASIS


def _dates(period: int, current: int | None, ctx: _Context) -> bool:
    """Whether ``period`` may become the story's data period: an undated page's unresolved "last
    year" does not replace the year the story named, nor a span of years around it."""
    if current is None or ctx.periods[current].from_ is None:
        return True
    new, now = ctx.periods[period], ctx.periods[current]
    if new.from_ is None:
        return False
    # "Between 2009 and 2014, trade had grown 40% a year": a span of years around the story's
    # year is background; the story keeps its year
    several_years = (new.to.year - new.from_.year) >= 1 and new.granularity == "range"
    # "On the contrary, trade in January 2021 fell 9 percent" in a story about January 2022: the
    # same span a year before is the base recalled in passing; the story's figures go on after it
    # (months, quarters and spans of months only: a year named beside the one a report is titled
    # with, "the Economic Survey 2021 shows ... exports in 2020", is the story's year)
    year_before = new.granularity != "year" and (new.to - new.from_).days < 360 \
        and (new.from_, new.to) == shift_period(now.from_, now.to, "year_on_year")
    return not (several_years and _strictly_holds(new, now)) and not year_before


def _spans_the_story_period(period: int, current: int | None, ctx: _Context) -> bool:
    """The period holds the story's month and more ('For the January-June period, the accumulated
    deficit reached ...' in a story about June): a balance so far is an aside, the story stays in June."""
    return current is not None and _strictly_holds(ctx.periods[period], ctx.periods[current])


def _before_the_story_period(period: int, current: int | None, ctx: _Context) -> bool:
    """The period ended before the story's began ('In June 2023, the trade deficit was 310.5 billion
    baht' in a story about June 2024): a balance recalled to compare, the story stays where it was."""
    new, now = ctx.periods[period], (ctx.periods[current] if current is not None else None)
    return now is not None and new.to is not None and now.from_ is not None and new.to < now.from_


def _strictly_holds(outer: Period, inner: Period) -> bool:
    """``outer`` spans ``inner`` and more (both resolved)."""
    return outer.from_ is not None and inner.from_ is not None and outer.from_ <= inner.from_ \
        and inner.to <= outer.to and (outer.from_, outer.to) != (inner.from_, inner.to)


# "Among these, ...", "Of this, ...", "Of the total, ...": a sentence that breaks down the figure before it
_BACK_REFERENCE = re.compile(r"\s*(?:among\s+(?:these|them|this)|of\s+(?:these|this|that|which|them|the\s+total|the\s+figure))\b",
                             re.I)


def _year_so_far(period: int, data_period: int, ctx: _Context) -> bool:
    """``period`` is the publication year, not over when the article appeared, and the story's
    data period is its first months."""
    p, d = ctx.periods[period], ctx.periods[data_period]
    if p.from_ is None or d.from_ is None or period == data_period:
        return False
    published = ctx.doc._.published
    if published is None:
        # an undated page: "this year" is the year its own dates anchor, so just as current
        this_year = "this year" in p.text.lower() or "current year" in p.text.lower()
        year = p.from_.year if this_year else None
    else:
        year = published.year
    return year is not None and (p.from_, p.to) == (date(year, 1, 1), date(year, 12, 31)) \
        and d.from_ == p.from_ and d.to < p.to and (published is None or d.to <= published)


def _series_to_continue(previous: Trade | None, story: Trade | None, keep: bool) -> Trade | None:
    """The flow a sentence with no state named continues: the previous claim's, except after a
    breakdown by partner in a story about one country's trade with the world ("Exports to China
    fell 2% ... Copper exports climbed 9%"): the story's reporter with the world again. A sentence
    that names a state, follows one that sets a new frame without a figure ("In trade with
    Mexico, the surplus narrowed."), or continues a flow whose sentence named no state either,
    keeps what it was given (``keep``)."""
    if keep or previous is None or not _reports_world_trade(story) or _reports_world_trade(previous):
        return previous
    reporter = next((p for p in _ends(story) if p != WORLD), None)
    return story if reporter in _ends(previous) else previous


_TIME_UNITS = frozenset({"day", "week", "month", "quarter", "year", "annum"})


#: What a claim's ``inferred`` says of goods taken from a balance of goods and services.
FROM_THE_AGGREGATE_BALANCE = "the flow is of goods and services, as the balance the story gave before"
#: What a claim's ``inferred`` says of a period taken from a balance stated just before.
FROM_THE_BALANCE_PERIOD = "the period is that of the trade balance stated just before"
#: What a claim's ``inferred`` says of parties taken from a balance with a partner stated before.
FROM_THE_BALANCE = "the parties are those of the trade balance the story gave just before"

#: What a claim's ``inferred`` says of goods taken from the story's first trade figure.
FROM_STORY_GOODS = "the goods of the story's first trade figure"
#: ... and taken from the goods the story told last.
FROM_STORY_LAST_GOODS = "the goods the story told last"
#: What a claim's ``inferred`` says of a reporter taken from the story for a ranking no state owns.
FROM_STORY_AGENT = "the state whose trade the story was telling (a ranking noun no state owns)"


def _last_goods_claim(claims: list[Claim], accept) -> Claim | None:
    """The latest claim so far that names goods and passes ``accept``."""
    return next((c for c in reversed(claims) if c.trade is not None
                 and (c.trade.commodity or c.trade.commodity_text) and accept(c)), None)


def _names_other_goods(sent, code: str | None) -> bool:
    """A noun of the sentence the goods table knows as other goods than ``code`` ('the main
    supplier of wheat' after a corn line): the sentence has goods of its own."""
    return any(t.pos_ == "NOUN" and (found := _goods_code(t.lower_, whole=True) or _goods_code(t.lemma_.lower(), whole=True))
               and found != code for t in sent)


def _partner_written_after(amount_span: Span, amount: Amount, trigger, ctx: _Context) -> dict | None:
    """The 'to' or 'from' state written right after a figure (past 'of goods', 'worth'), when its
    trade word has more than one such phrase, or the market an export figure was earned 'in':
    {'to': code} or {'from_': code}."""
    doc = ctx.doc
    k = amount_span.end
    while k < len(doc) and k < amount_span.end + 4 and (doc[k].lower_ in {"of", "worth"} or doc[k].pos_ in {"NOUN", "ADJ"}):
        k += 1
    if k < len(doc) and doc[k].lower_ == "in" and _trade_kind(trigger) == "export":
        # "exports reached $14.8 billion in China, $6.2 billion in Japan": each market in its turn
        code = next((ctx.country_at[o.i] for o in doc[k].children if o.dep_ == "pobj" and o.i in ctx.country_at
                     and o.i not in ctx.period_tokens), None)
        return {"to": code} if code not in (None, WORLD) and code not in ctx.places else None
    if k >= len(doc) or doc[k].lower_ not in {"to", "from"}:
        return None
    # ("grew by 18.2% to Spain, 6.5% to France": a percentage moves to no level, so the state right
    # after it is where the exports it measures went)
    percent_to = k == amount_span.end and doc[k].lower_ == "to" and amount.unit == "percent"
    if not percent_to and sum(1 for c in trigger.children if c.dep_ == "prep" and c.lower_ == doc[k].lower_) < 2:
        return None
    code = next((ctx.country_at[o.i] for o in doc[k].children if o.dep_ == "pobj" and o.i in ctx.country_at), None)
    if code is None or code == WORLD:
        return None
    return {"to": code} if doc[k].lower_ == "to" else {"from_": code}


def _ranked_after(amount_span: Span, ctx: _Context) -> tuple[str, int] | None:
    """The state a figure is given with in a ranking after 'followed by' (or 'led by'), and where
    'followed' is: 'followed by Laos, which sold 0.9 million tonnes', 'followed by Japan with $310 million',
    each state of 'followed by Japan ($4 billion) and the US ($3.5 billion)'."""
    doc = ctx.doc
    sent_start = ctx.sents[ctx.sentence_of(amount_span.start_char)].start
    k = next((k for k in range(amount_span.start - 1, max(sent_start, amount_span.start - 12) - 1, -1)
              if ctx.country_at.get(k) not in (None, WORLD)), None)
    if k is None:
        return None
    if k + 2 < len(doc) and doc[k + 1].lower_ == "followed" and doc[k + 2].lower_ == "with":
        return ctx.country_at[k], k + 1   # "Japan followed with $872 million"
    # back over the list the state is in ("Japan ($4 billion) and the US", "then China with $791
    # million") to "followed by" (or "X followed with")
    j = k
    while j - 1 >= max(sent_start, k - 30) and (ctx.country_at.get(j - 1) not in (None, WORLD) or j - 1 in ctx.amount_tokens
                                                or doc[j - 1].lower_ in _LIST_WORDS or doc[j - 1].is_punct):
        # ("led by China at $3.1 billion, followed by ...": the head of the same list)
        if doc[j - 1].lower_ == "by" and j - 2 >= sent_start and doc[j - 2].lower_ in {"followed", "led", "headed"}:
            return ctx.country_at[k], j - 2
        if doc[j - 1].lower_ == "with" and j - 2 >= sent_start and doc[j - 2].lower_ == "followed" \
                and ctx.country_at.get(j - 3) not in (None, WORLD):
            return ctx.country_at[k], j - 2
        j -= 1
    return None


#: Words that join a clause to the one before it ("..., while imports fell 2%").
_CLAUSE_JOINERS = frozenset({"while", "whereas", "and", "but", "as", "with"})


def _a_bare_flow_in_a_later_conjunct(trigger: Token, sent: Span) -> bool:
    """A flow noun with no goods of its own ('imports', 'total imports' not: no modifier, no 'of'
    phrase), after a clause joiner ('while', 'and') that follows an earlier flow noun of its
    sentence."""
    if trigger.pos_ != "NOUN" or any(c.dep_ in {"compound", "amod", "nmod", "prep", "poss"} for c in trigger.children):
        return False
    joiner = next((k for k in range(trigger.i - 1, max(sent.start, trigger.i - 3) - 1, -1)
                   if sent.doc[k].lower_ in _CLAUSE_JOINERS), None)
    return joiner is not None and all(sent.doc[k].lower_ in {"the", ","} for k in range(joiner + 1, trigger.i)) \
        and any(_trade_kind(t) for t in sent.doc[sent.start: joiner])


#: What may open an item of a list of partners: "were China with ...; the Netherlands with ...".
_ITEM_OPENERS = frozenset({";", ",", ":", "and", "were", "was", "are", "is", "included", "include", "includes"})


def _state_heading_its_item(amount_span: Span, sent: Span, ctx: _Context) -> tuple[str, str | None] | None:
    """A list of partners, each item a state and 'with' its figure ("The main partners were China
    with trade of $38 billion; Germany with $26 billion; ..."): the state heading this figure's
    item (its figure or a change after it), and the one heading the item before (None for the
    first). Only in a list: a state 'with' a figure that no other item of its sentence repeats is
    left to the other rules."""
    heads = _list_item_heads(sent, ctx)
    if len(heads) < 2:
        return None
    before = [h for h in heads if h[1] < amount_span.start]
    # (the item's change too: "Germany with $30 billion (down 12%)"; no verb or new item between)
    if not before or any(t.pos_ in {"VERB", "AUX"} or t.lower_ == ";" for t in ctx.doc[before[-1][1]: amount_span.start]):
        return None
    own = before[-1][0]
    previous = before[-2][0] if len(before) > 1 else None
    return own, previous


def _list_item_heads(sent: Span, ctx: _Context) -> list[tuple[str, int, int]]:
    """The items of a sentence's list of partners: (state, index of 'with', first token of its
    figure), each a state opening its item, 'with' right after it, and the item's first figure
    at most five words on, with no verb, state or punctuation between ("with a trade turnover of")."""
    doc = ctx.doc
    out = []
    for w in range(sent.start + 1, sent.end - 1):
        if doc[w].lower_ != "with" or ctx.country_at.get(w - 1) in (None, WORLD):
            continue
        code = ctx.country_at[w - 1]
        first = w - 1
        while first - 1 >= sent.start and ctx.country_at.get(first - 1) == code:
            first -= 1
        if first - 1 >= sent.start and doc[first - 1].lower_ == "the":
            first -= 1
        if first > sent.start and doc[first - 1].lower_ not in _ITEM_OPENERS:
            continue
        figure = next((k for k in range(w + 1, min(w + 7, sent.end)) if k in ctx.amount_tokens), None)
        if figure is None or any(doc[k].pos_ in {"VERB", "AUX"} or doc[k].is_punct or k in ctx.country_at
                                 for k in range(w + 1, figure)):
            continue
        out.append((code, w, figure))
    return out


#: Verbs a state leads a ranking with, its figure after 'with' ("China topped the list with $1.9 billion").
_LEADING_WITH = frozenset({"top", "lead", "head", "rank", "come", "follow", "place", "finish"})
#: Words that place a state in a ranking ("came first", "out on top", "in the fourth place").
_PLACE_WORDS = _PLACES | {"place", "position"}


def _leader_with(amount_span: Span, ctx: _Context) -> str | None:
    """'China topped the list with $1.9 billion', 'China led with 90,200 tonnes', 'China came first
    with ...', 'Uganda came out on top, with exports of $9 million', 'Rwanda followed in
    fourth place, with exports worth $5 million': the state, subject of a verb of leading or placing,
    whose figure follows 'with' (alone, or as the value of the trade noun 'with' governs)."""
    root = amount_span.root
    for _ in range(2):   # ("with exports of $X", "with exports worth $X": up to the trade noun)
        if root.dep_ == "pobj" and root.head.lower_ == "with":
            break
        holder = root.head.head if root.dep_ in {"pobj", "npadvmod"} and root.head.lower_ in {"of", "worth"} else None
        if holder is None or holder.pos_ != "NOUN" or not (_trade_kind(holder) or holder.lower_ in {"value", "worth"}):
            return None
        root = holder
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "with":
        return None
    verb = prep.head
    # ("Japan was second with $2 billion": a copula placing the state)
    placed_by_be = verb.lemma_.lower() == "be" and any(
        c.dep_ in {"attr", "acomp", "advmod"} and c.lower_ in _PLACE_WORDS for c in verb.children)
    if not placed_by_be and (verb.pos_ != "VERB" or verb.lemma_.lower() not in _LEADING_WITH):
        return None
    if verb.lemma_.lower() in {"rank", "come", "place", "finish"} and not any(
            t.lower_ in _PLACE_WORDS for c in verb.children if c.dep_ in {"advmod", "prep", "npadvmod", "attr", "oprd"}
            for t in c.subtree):
        return None   # ("came first with", "ranked first with", not "came in with")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    code = ctx.country_at.get(subject.i) if subject is not None else None
    return code if code not in (None, WORLD) else None


# (an item's change may come with it: "followed by China with $50 million, up 16 percent, the EU with ...")
_LIST_WORDS = frozenset({"and", "the", "by", "with", "at", "worth", "up", "down", "a", "an", "or", "then",
                         "rise", "increase", "gain", "drop", "decrease", "decline", "fall"})


def _a_gap_between_states(amount_span: Span, ctx: _Context) -> bool:
    """'about 0.6 million tonnes more than China', '$2 billion less than Japan's': a figure compared
    with another state's is the gap between the two, no flow of either."""
    doc = ctx.doc
    k = amount_span.end
    if k + 1 >= len(doc) or doc[k].lower_ not in {"more", "less", "fewer", "higher", "lower", "above", "below"} \
            or doc[k + 1].lower_ != "than":
        return False
    after = k + 2
    while after < len(doc) and doc[after].lower_ in {"the", "that", "those", "of"}:
        after += 1
    return after < len(doc) and ctx.country_at.get(after) not in (None, WORLD)




def _claim_a_bracket_follows(span: Span, amount_claim: dict[int, Claim], ctx: _Context) -> Claim | None:
    """The claim of the figure written right before the bracket a change opens ('sandals 1.3 billion
    USD (up 9.5 percent)', 'footwear $5 billion (+12%)'), or None."""
    doc, k = ctx.doc, span.start - 1
    while k >= 0 and doc[k].lower_ in {"up", "down", "+", "-", "by"}:
        k -= 1
    if k < 1 or doc[k].text != "(":
        return None
    return next((amount_claim[i] for i, s in enumerate(ctx.amount_spans)
                 if s is not None and s.end == k and i in amount_claim), None)


def _kind_of(trade: Trade, agent: str | None) -> str:
    """'import' or 'export' as the agent of a directional trade sees it; 'total' for a total."""
    if trade.flow != "directional":
        return "total"
    return "import" if agent == trade.to else "export"


def _under_a_ban(token: Token) -> bool:
    """'bans U.N. members from importing coal', 'prohibits the export of': a rule on trade."""
    return any(a.lemma_.lower() in _lexicon_words("ban_verbs") for a in list(token.ancestors)[:3])


def _pointed_back(trigger: Token) -> bool:
    """'those exports', 'these shipments', 'such imports', 'the same exports': a determiner pointing
    back to the flow just named, whole (its partner too)."""
    return any(c.dep_ == "det" and c.lower_ in {"these", "those", "such"} or c.lower_ == "same" and c.dep_ == "amod"
               for c in trigger.children)


def _refers_back(trigger: Token) -> bool:
    """'these imports', 'such shipments', 'the same exports': a determiner pointing back; and 'the
    import value', 'the export amount' with nothing saying of what: the flow just named."""
    head = trigger.head
    definite_measure = trigger.dep_ == "compound" and head.lemma_.lower() in _lexicon_words("trade_measure_nouns") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return definite_measure or _pointed_back(trigger) \
        or any(c.dep_ == "det" and c.lower_ in {"this", "that"} for c in trigger.children)


#: "in volume terms", "by volume", "in terms of volume", "volume-wise" (not "trade volume", which copy
#: uses for the value of trade)
_VOLUME_TERMS = re.compile(r"\b(?:in|by)\s+volume(?:\s+terms)?\b|\bin\s+terms\s+of\s+volumes?\b|\bvolume[- ]wise\b",
                           re.I)


#: What joins the two sides of an exchange rate ("1 USD = 151 yen", "1 yen equals 0.0068 USD")
_RATE_JOINER = re.compile(r"\s*(?:=|equals?|is\s+worth|was\s+worth)\s*", re.I)


def _exchange_rates(indexes: list[int], ctx: _Context) -> set[int]:
    """The figures of a sentence that state an exchange rate: two sums of money in different
    currencies joined by '=' or 'equals', one of them a single unit ('(1 USD = 151 yen)')."""
    out: set[int] = set()
    ordered = sorted(indexes, key=lambda i: ctx.amounts[i].start)
    for i, j in zip(ordered, ordered[1:]):
        a, b = ctx.amounts[i], ctx.amounts[j]
        if a.is_money and b.is_money and a.unit != b.unit and 1 in (a.value, b.value) \
                and _RATE_JOINER.fullmatch(ctx.text[a.end:b.start]):
            out |= {i, j}
    return out


def _where_the_figure_went(span: Span, ctx: _Context) -> tuple[str, str] | None:
    """'$0.9 billion came from China', '$1.2 billion went to Japan': a figure as the subject of a
    verb of route, as ("from_" or "to", the state of its phrase)."""
    root, verb = span.root, span.root.head
    # ("..., and $1.1 billion to the US": a second figure with the verb gapped, as its conjunct)
    if root.dep_ not in {"nsubj", "nsubjpass", "conj"} or verb.lemma_.lower() not in _lexicon_words("route_verbs"):
        return None
    # the figure's own phrase: the first after it (the parser hangs a gapped one on either word)
    preps = sorted((p for p in (*verb.children, *root.children) if p.dep_ == "prep" and p.lower_ in {"from", "to"}
                    and p.i > root.i), key=lambda p: p.i)
    if not preps:
        return None
    # (the state itself, not something of its: "came from China's development bank")
    codes = {ctx.country_at[o.i] for o in preps[0].children if o.dep_ == "pobj" and o.i in ctx.country_at}
    return ({"from": "from_", "to": "to"}[preps[0].lower_], codes.pop()) if len(codes) == 1 else None


def _a_change_of_quantities(span: Span, ctx: _Context) -> bool:
    """'Export volumes rose 1.4%', 'as volumes increased 2%', 'with quantity down 0.3%': the change
    is said of the quantities shipped, its clause's subject (plural 'volumes' only: "trade volume"
    is the value of trade in much copy; nor with a sum in the clause: "trade volumes rose 14%,
    amounting to $93 billion")."""
    head = span.root.head
    while head.dep_ in {"advmod", "acomp", "pcomp", "prep"} and head.pos_ in {"ADV", "ADP", "ADJ"} and head.head is not head:
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            break
        head = head.head
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lemma_.lower() == "quantity" or c.lower_ == "volumes")
               for c in head.children):
        return False
    clause = {t.i for t in head.subtree}
    return not any(a.is_money and s is not None and s.root.i in clause for a, s in zip(ctx.amounts, ctx.amount_spans))


def _clause_text(span: Span, sent: Span) -> str:
    """The text of the clause a figure is in (its verb's subtree), else its sentence's."""
    verb = _clause_verb(span.root)
    if verb is None:
        return sent.text
    tokens = list(verb.subtree)
    return span.doc[tokens[0].i: tokens[-1].i + 1].text


def _a_daily_average(trigger) -> bool:
    """'Average daily exports rose 2% to $1.9 billion', 'exports per working day': a rate per day,
    not the period's total (the claim's ``measure``)."""
    # (or of the noun the trade word qualifies: "the average daily export amount", "the daily
    # average value of exports")
    nouns = [trigger] + ([trigger.head] if trigger.dep_ in {"compound", "nmod"} and trigger.head.pos_ == "NOUN" else []) \
        + ([trigger.head.head] if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN" else [])
    if any(c.lower_ in _lexicon_words("per_day_words") and c.dep_ in {"amod", "compound", "nmod", "advmod"}
           for noun in nouns for c in noun.children) \
            or any(c.lower_ == "per" and any(o.lemma_.lower() == "day" for o in c.children) for c in trigger.children):
        return True
    # "exports shrank 3.1% on average per working day", "Measured by average shipments per working
    # day, exports climbed to $2.3 billion": the clause says its figures are averages per day
    verb = _clause_verb(trigger)
    clause = list(verb.subtree) if verb is not None else []
    return any(t.lower_ == "per" and any(o.lemma_.lower() == "day" for o in t.children) for t in clause) \
        and any(t.lemma_.lower() == "average" for t in clause)


def _is_a_price(index: int, sentence_amounts: list[int], ctx: _Context) -> bool:
    """A sum of money per unit of goods ("$95.20 a tonne") is a price, and so is a sum of the
    same order beside it in its sentence ("..., up from $91.10 in February"): no trade value."""
    amount = ctx.amounts[index]
    if not amount.is_money:
        return False
    if amount.per is not None:
        return amount.per not in _TIME_UNITS
    priced = [ctx.amounts[i] for i in sentence_amounts
              if ctx.amounts[i].is_money and ctx.amounts[i].per is not None and ctx.amounts[i].per not in _TIME_UNITS
              and ctx.amounts[i].unit == amount.unit]
    return any(p.value / 3 <= amount.value <= p.value * 3 for p in priced)


def _a_change_in_a_price(amount_span: Span) -> bool:
    """'a 3.7 percent rise in the fish's average price': a change of a price, not of the flow (a
    change noun whose 'in' or 'of' names a price)."""
    root = amount_span.root
    noun = root.head if root.dep_ in {"nummod", "amod", "compound", "npadvmod", "nmod"} else None
    if noun is None or noun.pos_ != "NOUN" or not _is_change_word(noun):
        return False
    return any(o.lemma_.lower() in _lexicon_words("price_nouns") for p in noun.children if p.dep_ == "prep"
               and p.lower_ in {"in", "of"} for o in p.children if o.dep_ == "pobj")


def _reports_world_trade(previous: Trade | None) -> bool:
    """The story reports one country's trade with all partners ("Exports rose 5% ... Exports of
    steel fell"): its goods lines are that country's, with the world, even with no state named."""
    return previous is not None and WORLD in _ends(previous)


def _states_a_trade_balance(sent: Span, continues: bool, partner: str | None, ctx: _Context) -> bool:
    """The sentence states a trade balance: one with a partner ("the deficit with Canada"), or one
    whose modifiers name only trade, everything traded or its kinds ("the trade deficit", "the goods
    and services deficit", "the overall surplus"; the bare ones in a trade story), not another
    account's ("the budget deficit", "the current account surplus")."""
    if partner is not None:
        return True
    for balance in _balance_nouns(sent):
        modifiers = [c for c in balance.children if c.dep_ in {"compound", "amod", "nmod"}]
        kinds = [_goods_of_phrase(ctx.doc[m.left_edge.i: m.i + 1], ctx) for m in modifiers]
        if all(k in (None, _ALL_GOODS) or k[0] is None and k[1] in SERVICES_AGGREGATES for k in kinds) \
                and (continues or any(_trade_kind(m) for m in modifiers)):
            return True
    return False


def _of_everything_traded(balance: Token) -> bool:
    """'the gap in goods and services', 'the overall deficit', 'the global trade surplus': a balance
    whose own words make it the whole of a state's trade."""
    if any(c.lower_ in _lexicon_words("outward_modifiers") or c.lower_ in {"overall", "total"}
           for c in balance.children if c.dep_ in {"amod", "compound"}):
        return True
    # (the parser may hang the 'in' phrase on the verb: "put the deficit in goods and services at ...")
    around = list(balance.children) + (list(balance.head.children) if balance.dep_ in {"dobj", "nsubj", "nsubjpass"} else [])
    return any(c.dep_ == "prep" and c.lower_ == "in" and {o.lemma_.lower() for o in c.subtree} >= {"good", "service"}
               for c in around)


def _comparisons(s_index: int, ctx: _Context, amount_claim: dict[int, Claim], data_period: int | None,
                 sent_actors: list[int], sent_sources: list[int], previous_trade: Trade | None) -> list[Claim]:
    """'the highest since December 2019', 'its highest level in over six years'."""
    lex = _lexicon()
    sent = ctx.sents[s_index]
    out = []
    for token in sent:
        if token.tag_ not in _SUPERLATIVE_TAGS or token.lower_ not in lex["superlatives"]:
            continue
        if token.i > sent.start and ctx.doc[token.i - 1].lower_ == "at":
            continue   # "shrank at least 6%": a bound
        ranked = set(lex["ranked_nouns"]["words"])
        if any(t.lemma_.lower() in ranked for t in ctx.doc[token.i + 1: min(sent.end, token.i + 4)]
               if t.pos_ == "NOUN" and t.i <= token.head.i):
            continue   # "became Peru's biggest trading partner": a rank among partners, not over time
        direction = lex["superlatives"][token.lower_]
        reference, relation = None, None
        starts = {span.start: i for i, span in enumerate(ctx.period_spans) if span is not None}
        for nxt in ctx.doc[token.i + 1: min(sent.end, token.i + 6)]:
            word = lex["reference_prepositions"].get(nxt.lower_)
            if word is not None:
                hit = starts.get(nxt.i + 1, starts.get(nxt.i + 2))
                if hit is None and ctx.doc[nxt.i + 1: nxt.i + 3].text.lower() == "at least":
                    hit = starts.get(nxt.i + 3)   # "the highest since at least 2014"
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
            if span is not None and span.start <= head.i < span.end and ctx.amounts[i].is_money:
                return i
        if head.dep_ == "appos":
            continue
    sent = ctx.sents[s_index]
    # "$9.6 million in June, the most since ...": the figure's own period and the comma
    # between it and the superlative's phrase do not part them
    def gap(span) -> int:
        return sum(1 for t in ctx.doc[span.end: token.i]
                   if t.i not in ctx.period_tokens and not t.is_punct and t.lower_ not in {"in", "for", "during", "of"})
    before = [i for i, span in enumerate(ctx.amount_spans)
              if span is not None and sent.start <= span.start < token.i and gap(span) <= 4
              and ctx.amounts[i].is_money]
    if before:
        return before[-1]
    # "That was the largest sum since ...": a demonstrative subject points back to
    # the last amount of the previous sentence.
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if s_index > 0 and subjects and subjects[0].lower_ in {"that", "this", "it"}:
        prev = ctx.sents[s_index - 1]
        earlier = [i for i, a in enumerate(ctx.amounts)
                   if prev.start_char <= a.start < prev.end_char and a.is_money]
        return earlier[-1] if earlier else None
    return None


class ClaimAssembler:
    """Sets ``doc._.claims`` from the amounts, periods, actors and sources components."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name, "claims"):
            if doc._.headline_state is None and doc.user_data.get("title"):
                # the headline as Pipeline, or a user's own pipeline, puts it on the Doc
                doc._.headline_state = headline_state(str(doc.user_data["title"]))
            doc._.claims = assemble_claims(doc)
        return doc


@Language.factory("newsclaims_claims",
                  requires=["doc._.amounts", "doc._.periods", "doc._.actors", "doc._.sources"],
                  assigns=["doc._.claims"])
def make_claim_assembler(nlp: Language, name: str) -> ClaimAssembler:
    return ClaimAssembler(nlp, name)
