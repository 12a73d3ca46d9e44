"""Which period a figure is for: a when-clause's period, a period written right after the figure
or as its possessive, one in the figure's own phrase, else the nearest data period of its clause
(never a cause's, a relative or subordinate clause's, nor a change's base); and a change's basis.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..calendar_spans import shift_period
from ..extensions import doc_text
from ..periods.patterns import MONTHS
from .context import _DAYS_OF_A_MONTH, BASE_PREPOSITIONS, _Context
from .words import _DATA_GRANULARITIES, _TIME_PREPOSITIONS, _is_change_word, _lexicon, _lexicon_words, _trade_kind


_SUBORDINATORS = frozenset({"since", "because", "as", "after", "before", "until", "although", "though", "while", "once"})


def _in_a_clause_without(token: Token, amount_root: Token) -> bool:
    """The period is inside a relative clause, or after the subordinator of an adverbial clause,
    that the amount is not in ("$120 million, which rose to $150 million in 2022"; "... has run a
    deficit since the bureau began keeping records in 1995"), or in a participle modifying a noun
    the amount is not in: that clause's time, not the figure's.
    A fronted period the parser hung on a subordinate clause, before its subordinator, is not."""
    for clause in [token] + list(token.ancestors):
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in _SUBORDINATORS]
        if clause.dep_ in {"relcl", "acl"} and _trade_kind(clause):
            return False   # "the value of goods China shipped in May was $X": the trade is the figure's
        if clause.dep_ == "relcl" or (clause.dep_ == "advcl" and marks and marks[0].i < token.i):
            return not (clause.left_edge.i <= amount_root.i <= clause.right_edge.i)
        if clause.dep_ == "acl" and clause.head.lemma_.lower() in _TIME_NOUNS:
            continue   # "the period running from March to September": a participle on a noun of time names that time
        if clause.dep_ == "acl":
            # "... surpassing the record of $9 billion set in 2021": a participle's period is
            # about the noun it modifies, and the figures of that noun's phrase
            head = clause.head
            return not (head.left_edge.i <= amount_root.i <= head.right_edge.i)
    return False


# "still below the $96 million figure for the second quarter of 2019": a comparison's reference
_AS_MUCH = frozenset({"much", "many", "high", "large", "big", "great", "low", "little", "few"})
_MULTIPLES = frozenset({"times", "half", "double", "twice", "triple", "treble", "third", "quarter", "tenth", "fraction"})
_COMPARISON_HEADS = frozenset({"than", "compared", "versus", "vs", "vs.", "against", "below", "above"})


def _a_change_with_its_own_figure(noun: Token) -> bool:
    """'the 1.7 percent increase', 'a 12.3% gain': a change noun that its own figure modifies, the
    object of a preposition or a verb ('in contrast to ~', 'after ~', 'reversing ~'), so a figure
    of its own rather than an apposition restating the clause's ('$5 billion, a 10% increase')."""
    return noun.pos_ == "NOUN" and noun.dep_ in {"pobj", "dobj"} and _is_change_word(noun) \
        and any(t.like_num for t in noun.doc[noun.left_edge.i: noun.i])


def _another_figure_s_time(token: Token, amount_root: Token | None) -> bool:
    """The period dates a change written with its own figure, which the amount is not in:
    'fell 4.1%, in contrast to the 2.4% rise in February', 'reversing a 2.4% rise in February',
    'following February's 2.4% rise' (TimeML anchors such a time to the event it modifies, the
    other change, not to the sentence's main one). Read from the tree, or, where the parser hung
    the period on the verb, from the words: a change noun with its figure, a preposition of time,
    the period."""
    doc = token.doc
    nouns = [a for a in token.ancestors if _a_change_with_its_own_figure(a)]
    first = token.left_edge.i
    if first >= 2 and doc[first - 1].lower_ in _TIME_PREPOSITIONS and _a_change_with_its_own_figure(doc[first - 2]):
        nouns.append(doc[first - 2])
    if amount_root is None:
        # (of a sentence's periods: only a change told in passing, after a preposition or in a
        # subordinate clause; "saw a 24.8% growth in April-October" is the sentence's own)
        return any(noun.dep_ == "pobj" or noun.head.dep_ in {"advcl", "acl", "pcomp", "xcomp"} for noun in nouns)
    return any(amount_root not in noun.subtree for noun in nouns)


def _a_span_of_time_only(from_: Token) -> bool:
    """'from January to May', 'from July till April': a 'from' phrase that runs to an end with 'to',
    'through', 'till' or 'until' and holds no figure -- a span of time, no old level."""
    words = [t for t in from_.subtree if t.i > from_.i]
    return any(t.lower_ in {"to", "through", "till", "until"} for t in words) \
        and not any(t.like_num and t.ent_type_ in {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"} or t.tag_ == "$" for t in words)


def _in_a_comparison_without(token: Token, amount_root: Token) -> bool:
    """The period is inside the reference of a comparison the amount is not in ("15 times more
    than in 2023", "down 17% compared with a year earlier", "a 9% fall, compared to the 1% fall in
    August"): the reference's time, not the figure's ("compared with $17 billion a year earlier"
    keeps it: that level is the reference)."""
    if _another_figure_s_time(token, amount_root):
        return True
    reference = _reference_figure_before(token)
    if reference is not None:
        # "recorded at $44.6 million against $39.1 million last year", however the parser hung
        # the period: written right after the reference's figure, it is the reference's time
        return amount_root not in reference.subtree
    for head in [token] + list(token.ancestors):
        as_much_as = head.lower_ == "as" and head.i > 0 and head.doc[head.i - 1].lower_ in _AS_MUCH
        compares_with = head.lower_ in {"with", "to", "against"} and head.head.lemma_.lower() == "compare"
        # ("jumped 46% from March 1-20": the span of Korean customs' twenty-day count, no old level's)
        # ("From January to May, exports slid 3.1%": a span of time the figure covers, with no old level in it)
        from_a_span = head.lower_ == "from" and (_DAYS_OF_A_MONTH.match(doc_text(head.doc), head.idx + 5) is not None
                                                 or _a_span_of_time_only(head))
        if head.lower_ in _COMPARISON_HEADS or compares_with or (head.lower_ == "from" and _is_change_word(head.head)
                                                                and not from_a_span) \
                or _after_an_earlier_change(head) or as_much_as:   # "four times as much as in 2018"
            # "rose from $15 billion in July": the old level's month, not the change's; "$2.1
            # billion compares with $1.1 billion in 2022": 2022 is the reference's
            return amount_root not in head.subtree
        before = head.left_edge.i - 1
        if head.pos_ == "NOUN" and (before >= 0 and head.doc[before].lower_ in _MULTIPLES or any(
                t.lower_ in _MULTIPLES for t in head.doc[head.left_edge.i: token.left_edge.i])):
            # "$181 million, about three times the 2018 level", "barely half the figure of the
            # year before": the multiple's (or fraction's) reference
            return amount_root not in head.subtree
    return False


def _reference_figure_before(token: Token) -> Token | None:
    """The comparison word ('against', 'versus', 'compared with', a change's 'from') of a figure
    written right before the period ``token`` heads, if any."""
    doc = token.doc
    k = token.left_edge.i - 1
    while k > 0 and doc[k].ent_type_ == "DATE" and doc[k + 1].ent_type_ == "DATE":
        k -= 1   # (back to the period's first word, however the parser rooted it: "2021-22")
    if k > 0 and doc[k].lower_ in {"in", "for", "during"} and doc[k - 1].like_num:
        k -= 1   # "as against $20.1 billion in 2021-22"
    if k < 0 or not doc[k].like_num:
        return None
    figure = doc[k]
    while figure.dep_ in {"compound", "nummod", "quantmod"} and figure.head.i > figure.i and figure.head.like_num:
        figure = figure.head
    head = figure.head if figure.dep_ == "pobj" else None
    if head is None:
        return None
    if head.lower_ in {"against", "versus", "vs", "vs."} or (
            head.lower_ in {"with", "to"} and head.head.lemma_.lower() == "compare") or (
            head.lower_ == "from" and _is_change_word(head.head)):   # "fell 3.4% to $27.4 billion from $28.3 billion in ..."
        return head
    return None


def _an_earlier_change(amount_span: Span) -> bool:
    """'after a 5.2% fall in the previous month', 'recovering from a 1.3% drop', 'following a 6.1
    percent decline the previous month', 'faster than the 3% increase in May', 'compared with a 9% drop
    a year earlier': the figure of a change noun the sentence's change follows, recovers from or is
    set against."""
    root = amount_span.root
    noun = root.head if root.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod", "quantmod") else None
    return noun is not None and noun.pos_ == "NOUN" and _is_change_word(noun) and noun.dep_ == "pobj" \
        and (noun.head.lower_ in ("after", "following", "from", "than", "against", "versus")
             or noun.head.lower_ in ("with", "to") and noun.head.head.lemma_.lower() == "compare")


def _after_an_earlier_change(head: Token) -> bool:
    """'fell 6%, after a 3.5% decline in April', 'following a 2% gain in March': the time of the
    change the figure follows, a reference like a comparison's."""
    return head.lower_ in ("after", "following") and any(c.dep_ == "pobj" and _is_change_word(c) for c in head.children)


def _a_figure_referred_to(amount_span: Span) -> bool:
    """'climbed back to the $96 million figure for the second quarter of 2019', 'above the $180
    million tallied in August': a figure with the definite article, outside the clause's subject, is
    one the reader is reminded of to compare with; its period does not date the story."""
    doc = amount_span.doc
    if amount_span.start == 0 or doc[amount_span.start - 1].lower_ != "the":
        return False
    return not any(t.dep_ in ("nsubj", "nsubjpass") for t in [amount_span.root, *amount_span.root.ancestors])


_REFERENCE_DETERMINERS = frozenset({"the", "a", "an", "previous", "prior", "earlier"})


def _the_record_s_figure(index: int, amount_span: Span, ctx: _Context) -> bool:
    """The figure is the previous record the period (a 'record' role) dates: 'the previous record of
    $61.2 billion reached in 2021'."""
    start = ctx.record_starts.get(index)
    return start is not None and start <= amount_span.start_char < ctx.period_spans[index].start_char


def _period_a_clause_gives_the_level(amount_span: Span, ctx: _Context) -> int | None:
    """The period whose phrase a relative clause stating the level hangs on ('the same period in
    2023, which was $1.29 billion'), or None."""
    clause = next((a for a in amount_span.root.ancestors if a.dep_ == "relcl"), None)
    if clause is None or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"which", "that"} for c in clause.children):
        return None
    noun = clause.head
    for i, span in enumerate(ctx.period_spans):
        if span is not None and (span.start <= noun.i < span.end or span.root.head.head == noun
                                 and span.root.head.lower_ in {"in", "of"}):
            return i
    return None


def _after_a_figure_compared_with(other: Span, ctx: _Context) -> bool:
    """'as against $X in March, 2021 and $Y during April, 2020': the figure after 'and' is a second
    figure compared with, when the one before it in its sentence follows 'against', 'versus' or
    'compared with' and has a period of its own."""
    sent_start = ctx.sent_of(ctx.doc[other.start]).start
    earlier = [a for a in ctx.amount_spans if a is not None and sent_start <= a.start < other.start]
    if not earlier:
        return False
    words = [t.lower_ for t in ctx.doc[max(sent_start, earlier[-1].start - 3): earlier[-1].start]]
    # (each with its own period: "$2.6 billion and $1.7 billion during the same period" share one)
    own_period = any(span is not None and earlier[-1].end <= span.start and span.end <= other.start
                     for span in ctx.period_spans)
    return own_period and _ends_comparing_with(words)


def _ends_comparing_with(words: list[str]) -> bool:
    """The words before a figure end with 'against', 'versus', 'compared with' or 'compared to'."""
    return words[-1:] in (["against"], ["versus"]) or words[-2:] in (["compared", "with"], ["compared", "to"])


# the words a period's noun is written with before it ("during the same period of 2019")
_PERIOD_NOUN_WORDS = frozenset({"the", "same", "corresponding", "period", "of"})


def _dates_an_old_level(index: int, amount_span: Span, ctx: _Context) -> bool:
    """The period is written right after another figure that is a change's old level ("rose from
    $9.7 billion in May, an increase of 48%"), or owns one after a base's preposition ("dropped
    2%, or $180 million, from April's record $8.2 billion"): it dates that level, whatever the
    parser attached it to."""
    span = ctx.period_spans[index]
    if span.start > 0 and ctx.doc[span.start - 1].lower_ in BASE_PREPOSITIONS and span.end < len(ctx.doc) \
            and ctx.doc[span.end].lower_ in {"'s", "’s"} and any(
                other is not None and other != amount_span and span.end < other.start <= span.end + 3
                for other in ctx.amount_spans):
        return True
    for other in ctx.amount_spans:
        if other is None or other == amount_span or other.start == 0:
            continue
        # "rose from $9.7 billion in May"; "above the $410 million surplus in the 20 days of May":
        # the period right after the reference's figure (and its noun) is the reference's
        before = [t.lower_ for t in ctx.doc[max(0, other.start - 3): other.start]]
        # "from $9.7 billion", "than the $410 million", "from the prior 4,838 million USD"
        while before and before[-1] in _REFERENCE_DETERMINERS:
            before = before[:-1]
        if _ends_comparing_with(before) or before[-1:] == ["and"] and _after_a_figure_compared_with(other, ctx):
            # "$150.14 billion as against $185.40 billion during the period April-October 2019": the
            # period written after the figure compared with (its noun 'period' too) is that figure's
            between = ctx.doc[other.end: span.start]
            if 0 <= span.start - other.end <= 5 and all(t.lower_ in _TIME_PREPOSITIONS or t.lower_ in _PERIOD_NOUN_WORDS
                                                         for t in between):
                return True
            continue
        if before[-1:] not in (["from"], ["than"]):
            continue
        before = ["than"] if before[-1:] == ["than"] else before
        end = other.end + (1 if other.end < len(ctx.doc) and ctx.doc[other.end].pos_ == "NOUN"
                           and before[-1:] != ["from"] else 0)
        between = ctx.doc[end: span.start]
        if 0 <= span.start - end <= 2 and all(t.lower_ in _TIME_PREPOSITIONS or t.lower_ == "the" and before[-1:] != ["from"]
                                              for t in between):
            return True
    return False


def _through_a_clause(token: Token, top: Token, seen_on_top: bool = False) -> bool:
    """Whether the path from ``token`` up to ``top`` passes a clause of its own (relative,
    adverbial, participial); with ``seen_on_top``, a participle hung on ``top`` itself ("a 10%
    rise seen in May", "the 3% increase recorded a month earlier") says when ``top`` was, and is
    no clause apart."""
    for t in [token] + list(token.ancestors):
        if t == top:
            return False
        if t.dep_ in {"relcl", "advcl", "acl", "ccomp"} and not (
                seen_on_top and t.dep_ == "acl" and t.tag_ == "VBN" and t.head == top):
            return True
    return False


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


_ALONE = re.compile(r"\s+(?:alone|by\s+itself|on\s+its\s+own)\b", re.I)


def _not_over(period: int, ctx: _Context) -> bool:
    """A relative period that had not begun when the story was written ('next month'), or the month
    still running ('this month'); not the running year, whose months so far copy reports ('exports
    rose 14% this year')."""
    published = ctx.doc._.published
    p = ctx.periods[period]
    if published is None or p.from_ is None or p.to is None:
        return False
    # (relative ones only: a month the text names, "in June", is what it says even on a page whose
    # date is off)
    return bool(p.relative) and (p.from_ > published or (p.to > published and (p.to - p.from_).days < 32))


def _story_periods(data_periods: list[int], ctx: _Context) -> list[int]:
    """Of a sentence's data periods, those it sets for the sentences after it: its main clause's,
    not a cause's ("due to strikes in the second half"), nor a relative, subordinate or participial
    clause's ("the record set in 2022")."""
    causal = set(_lexicon()["causal_adjuncts"]["words"])
    out = []
    for i in data_periods:
        root = ctx.period_spans[i].root if ctx.period_spans[i] is not None else None
        if root is None:
            continue
        ancestors = list(root.ancestors)
        if any(a.lower_ in causal or a.lower_ in _COMPARISON_HEADS or _after_an_earlier_change(a)
               or a.tag_ in {"JJR", "RBR"} and any(c.lower_ == "than" for c in a.children) for a in ancestors):
            continue   # nor a comparison's reference: "well above December's 3.9 per cent", "more
            # than all imports from January to August"
        path = [root] + ancestors
        if any(_dates_a_figure_passed(below, a) for below, a in zip(path, path[1:])):
            continue   # nor the time of a figure passed ("exceeded the total for the whole of 2000")
        if any(a.dep_ == "pcomp" and a.head.lower_ in _EVENT_PREPOSITIONS for a in ancestors):
            continue   # nor the time of an event the story recalls ("in surplus for eight months since
            # swinging into the black in March last year", "after falling in March")
        if _dates_an_old_level(i, None, ctx) or _another_figure_s_time(root, None):
            continue   # nor the period of a reference's figure ("than the $410 million in May", "after
            # a 2% gain in April")
        if i in _superlative_frames(ctx):
            continue   # nor the span a superlative ranks over ("the highest monthly value of $2.6 billion
            # this year")
        if _not_over(i, ctx):
            continue   # nor one not over when the story was written ("we expect exports to pick up this
            # month"): no figures are out for it yet
        if _ALONE.match(ctx.text, ctx.periods[i].end):
            continue   # nor an aside's: "In October alone, exports reached $24 billion" (the
            # ten months the story is about go on after it)
        # ("in the period running from March to August": a participle on a noun of time
        # names that time, the sentence's own)
        if any(a.dep_ in {"relcl", "acl"} and not (a.dep_ == "acl" and a.head.lemma_.lower() in _TIME_NOUNS)
               or (a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in a.children))
               for a in [root] + ancestors):
            continue
        out.append(i)
    return out


def _dates_a_figure_passed(below: Token, verb: Token) -> bool:
    """'exceeded the total for the entire year of 2000', 'overtook the 2016 figure': under a verb of
    surpassing whose object names a figure by a noun (not a sum: 'exceeded $5 billion in March' is
    March's), the object, and a phrase after it, date the figure passed."""
    if verb.lemma_.lower() not in _lexicon_words("surpassing_verbs"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or any(t.like_num and t.ent_type_ in {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"} or t.tag_ == "$"
                          for t in obj.subtree):
        return False
    return below == obj or below.dep_ == "prep" and below.i > obj.i


#: Prepositions that, with a gerund, tell an event before or after the story's time.
_EVENT_PREPOSITIONS = frozenset({"since", "after", "before", "until", "till"})
_TIME_NOUNS = frozenset({"period", "time", "span", "stretch", "window", "months", "month", "year", "quarter", "weeks"})


def _level_in_apposition(amount_span: Span, ctx: _Context) -> Span | None:
    """'... which climbed to $19.2 billion in 2022, a rise of some 30%': a change noun in
    apposition after levels describes the move to the last of them; its period is that level's."""
    noun = amount_span.root.head if amount_span.root.dep_ == "pobj" else amount_span.root
    if noun.lower_ == "of":
        noun = noun.head
    if noun.dep_ != "appos" or noun.lemma_.lower() not in set(_lexicon()["change_nouns"]["words"]):
        return None
    sent = ctx.sent_of(amount_span[0])
    levels = [s for s, a in zip(ctx.amount_spans, ctx.amounts) if s is not None and sent.start <= s.start < sent.end
              and s.end <= noun.left_edge.i and a.is_money]
    return max(levels, key=lambda s: s.start) if levels else None


def _between_two_periods(amount_span: Span, ctx: _Context) -> int | None:
    """'more than doubled between August and September': a change between two periods is the later
    one's (the earlier is its base)."""
    at = {span.root.i: i for i, span in enumerate(ctx.period_spans) if span is not None}
    for head in [amount_span.root, *list(amount_span.root.ancestors)[:3]]:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "between"):
            dates = [at[t.i] for o in prep.children if o.dep_ == "pobj" for t in [o, *o.conjuncts] if t.i in at]
            if len(dates) == 2:
                return max(dates, key=lambda i: ctx.periods[i].from_ or ctx.periods[i].start)
    return None


_OF_A_MONTH_OR_LESS = frozenset({"monthly", "weekly", "daily", "quarterly"})


def _superlative_frames(ctx: _Context) -> set[int]:
    """The periods that frame a superlative on the figure right before them (read once a doc)."""
    if ctx.superlative_frames is None:
        ends = {a.end: a for a in ctx.amount_spans if a is not None}
        ctx.superlative_frames = {i for i, span in enumerate(ctx.period_spans) if span is not None
                                  and span.start in ends and _frames_a_superlative(ends[span.start], i, ctx)}
    return ctx.superlative_frames


def _frames_a_superlative(amount_span: Span, period: int, ctx: _Context) -> bool:
    """'the highest monthly export value of $8.1 billion this year in September': a year right
    after a figure named by a superlative is the span it is highest in, not its period, when
    the clause names a finer period too."""
    head = amount_span.root.head.head if amount_span.root.head.lower_ == "of" else amount_span.root.head
    if not any(c.tag_ == "JJS" for c in head.children):
        return False
    if ctx.periods[period].granularity == "year" and any(c.lower_ in _OF_A_MONTH_OR_LESS for c in head.children):
        return True   # "the highest monthly value of $2.6 billion this year": a month's figure, not the year's
    sent = ctx.sent_of(amount_span[0])
    return ctx.periods[period].granularity == "year" and any(
        other is not None and i != period and sent.start <= other.start < sent.end
        and ctx.periods[i].granularity in {"month", "quarter", "day"}
        for i, other in enumerate(ctx.period_spans))


def _the_level_moved_from(amount_span: Span) -> bool:
    """The figure is the old level of a move: the object of 'from' after a change word
    ('jumped from $2 million to $12 million', 'rose to $12 million from $2 million')."""
    root = amount_span.root
    before = amount_span.doc[amount_span.start - 1] if amount_span.start > 0 else None
    if root.dep_ == "pobj" and root.head.lower_ == "from" and _is_change_word(root.head.head) \
            and not (before is not None and before.lower_ == "to"):   # (the parser's "from [A to B]": B is the new level)
        return True
    return before is not None and before.lower_ == "from" and _is_change_word(before.head)


def _period_of_the_subject(amount_span: Span, ctx: _Context) -> int | None:
    """The period written inside the subject of a copula whose complement is the figure ('The figures
    for the like period of 2022 were X and Y'), the subject naming no trade or figure of its own."""
    root = amount_span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head   # ("were X and Y": the second figure hangs on the first)
    verb = root.head if root.dep_ in {"attr", "acomp"} else None
    if verb is None or verb.lemma_.lower() != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    if subject is None or any(t.i in ctx.amount_tokens for t in subject.subtree):
        return None
    for i, span in enumerate(ctx.period_spans):
        if span is not None and subject.left_edge.i <= span.root.i <= subject.right_edge.i \
                and ctx.periods[i].granularity in _DATA_GRANULARITIES and ctx.roles[i] in {None, "basis"}:
            return i
    return None


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a] + list(a.ancestors)
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in index:
            return index[t.i] + n
    return 100 + abs(a.i - b.i)


def _period_for(amount_span: Span, sent_index: int, ctx: _Context, is_change: bool = False) -> int | None:
    """The index of the period a figure is for (see _period_of_figure), narrowed by a bracket right after
    it: "in fiscal 2021 to date (July to December)" is July to December."""
    index = _period_of_figure(amount_span, sent_index, ctx, is_change)
    return _narrowed_by_a_bracket(index, ctx) if index is not None else None


# "so far", "to date" between a period and the bracket that narrows it
_BEFORE_A_NARROWING_BRACKET = re.compile(r"(?:\s+(?:so\s+far|to\s+date))?\s*\(\s*$", re.IGNORECASE)


def _narrowed_by_a_bracket(index: int, ctx: _Context) -> int:
    """The period written in brackets right after period ``index`` and lying inside it, else ``index``."""
    outer = ctx.periods[index]
    if outer.from_ is None:
        return index
    for i, p in enumerate(ctx.periods):
        if i == index or p.from_ is None or p.to is None or not 0 < p.start - outer.end <= 14:
            continue
        if _BEFORE_A_NARROWING_BRACKET.fullmatch(ctx.text[outer.end: p.start]) is not None \
                and outer.from_ <= p.from_ and p.to <= outer.to and (p.from_, p.to) != (outer.from_, outer.to):
            return i
    return index


def _period_of_figure(amount_span: Span, sent_index: int, ctx: _Context, is_change: bool = False) -> int | None:
    if is_change:
        moved = _between_two_periods(amount_span, ctx)
        if moved is not None:
            return moved
        level = _level_in_apposition(amount_span, ctx)
        if level is not None:
            return _period_for(level, sent_index, ctx)
    # "compared with the previous month, whose value fell by 1.9%": a relative clause on a period
    # tells that period's figure
    # (a change the clause states, with no time of its own in it: "which is 18% more than the $41.2
    # million of the first five months of 2020" dates that level by its own period)
    for head in ([amount_span.root] + list(amount_span.root.ancestors)) if is_change else []:
        if head.dep_ == "relcl":
            if any(span is not None and head.left_edge.i <= span.root.i <= head.right_edge.i for span in ctx.period_spans):
                break
            owner = next((i for i, span in enumerate(ctx.period_spans) if span is not None
                          and span.start <= head.head.i < span.end and ctx.periods[i].granularity in _DATA_GRANULARITIES), None)
            if owner is not None:
                return owner
            break
    # "December 2019, when it totaled $279 million": a when-clause right after a
    # period is about that period, whatever the parser attached it to.
    # (not when the figure is dated right after it: "... when the border closed and amounted to
    # $175 million in June" is June's)
    dated_after = amount_span.end + 1 < len(ctx.doc) and ctx.doc[amount_span.end].lower_ in _TIME_PREPOSITIONS \
        and any(span is not None and span.start == amount_span.end + 1 for span in ctx.period_spans)
    for head in ([] if dated_after else [amount_span.root] + list(amount_span.root.ancestors)):
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
    # "the highest monthly value of $8.1 billion this year in September": the superlative's span
    # "slowing from 9.4% in April", "faster than the previous month's 2.2%": an earlier rate in the
    # comparison's own phrase is dated by the period that is the base for the sentence's other change
    base_is_own = is_change and (amount_span.root.dep_ == "pobj" and amount_span.root.head.lower_ in ("from", "than")
                                 or _an_earlier_change(amount_span))
    # (the span a superlative ranks over frames no other figure of the sentence either)
    framing = _superlative_frames(ctx)
    # "$222.1 million the month prior": a period right after a level is its own
    # (after a change, "27% more than a year earlier" names the base, not the claim's period).
    # "from $18 million in 2020 to $31 million as of May 2023": so is one after a preposition
    # of time, the second level of a "from A to B" move keeping its own.
    for i, span in enumerate(ctx.period_spans):
        if span is None or ctx.periods[i].granularity not in _DATA_GRANULARITIES \
                or (is_change and ctx.roles[i] == "basis" and not base_is_own) \
                or ctx.roles[i] == "boundary":
            continue
        if span.end < amount_span.start and span.end + 1 == amount_span.start \
                and ctx.doc[span.end].lower_ in {"'s", "’s", "("}:
            return i   # "the previous year's $1.5 billion", "last year's $4 billion", "the previous year ($2.46 billion)"
        if span.start < amount_span.end:
            continue
        if span.start - amount_span.end > 3:
            continue   # (what follows only ever looks two or three words past the figure)
        between = ctx.doc[amount_span.end: span.start]
        # "$1.17 billion tallied a year earlier", "$3 billion recorded in May": a participle
        # saying the figure was counted keeps the period the figure's
        words = [t for t in between if not (t.tag_ in {"VBN", "VBD"} and t.dep_ == "acl" and t.i == amount_span.end)]
        if i in framing:
            continue
        if span.start == amount_span.end or (len(words) <= 2 and all(t.lower_ in _TIME_PREPOSITIONS for t in words)):
            return i
        if len(words) == 2 and words[0].lower_ in {"in", "of"} and words[1].pos_ == "NOUN" and _trade_kind(words[1]):
            return i   # "over $640 million in shipments March to June 2014": the figure, its flow, then its time
    # "March exports of $84.7 billion", "the 2019 total of $3 billion": the period that names the
    # noun the figure is 'of'
    if amount_span.root.dep_ == "pobj" and amount_span.root.head.lower_ == "of":
        noun = amount_span.root.head.head
        for i, span in enumerate(ctx.period_spans):
            if span is not None and span.root.head == noun and span.root.dep_ in {"compound", "nmod", "poss", "amod", "npadvmod"} \
                    and span.end <= noun.i and ctx.periods[i].granularity in _DATA_GRANULARITIES:
                return i
    # "The figure for the same period last year was $4 billion": a period inside the subject of the
    # clause that states the level dates it (a base's words, but the level's own time)
    if not is_change:
        own = _period_of_the_subject(amount_span, ctx)
        if own is not None:
            return own
    # "up from $222.1 million in April": a period inside the amount's own phrase
    # is its period, even when it is the reference of the sentence's change.
    # Not through a clause hanging on the amount ("$120 billion, which rose to $150 billion in
    # 2022": 2022 is the relative clause's).
    local = amount_span.root.head if amount_span.root.dep_ == "pobj" or (is_change and _an_earlier_change(amount_span)) \
        else amount_span.root   # ("after a 5.2% fall in the previous month": the change noun's phrase)
    for i, span in enumerate(ctx.period_spans):
        if span is not None and i not in framing and ctx.periods[i].granularity in _DATA_GRANULARITIES and \
                local.left_edge.i <= span.root.i <= local.right_edge.i and not amount_span.start <= span.root.i < amount_span.end \
                and ctx.roles[i] not in {"since", "boundary"} and not (is_change and ctx.roles[i] == "basis" and not base_is_own) \
                and not (ctx.roles[i] == "record" and not _the_record_s_figure(i, amount_span, ctx)) \
                and not (not is_change and ctx.roles[i] == "basis" and _under_a_change_noun(span.root, local)) \
                and not _through_a_clause(span.root, local, seen_on_top=is_change and _an_earlier_change(amount_span)) \
                and not _in_a_comparison_without(span.root, amount_span.root) \
                and not _dates_an_old_level(i, amount_span, ctx):
            return i
    # "rose to $12 million in July from $2 million": the level a move starts from is the earlier
    # period's, which the clause does not name; it takes none rather than the new level's
    if not is_change and _the_level_moved_from(amount_span):
        return None
    # "since trade peaked in 2019 at $4.2 billion": a figure in a since-clause after its period is that period's
    own_since = next((i for i in ctx.since_clauses if _in_the_since_clause_of(i, amount_span, ctx)), None)
    if own_since is not None:
        return own_since
    # "compared with the same period in 2023, which was $1.29 billion": a level a relative clause
    # gives the base period is that period's
    if not is_change:
        own_base = _period_a_clause_gives_the_level(amount_span, ctx)
        if own_base is not None:
            return own_base
    # "the previous record of $61.2 billion reached in 2021": the record's own time
    own_record = next((i for i in ctx.record_starts if _the_record_s_figure(i, amount_span, ctx)), None)
    if own_record is not None:
        return own_record
    # "edged down 0.4% to $50 billion due to strikes in the second half": a period inside a cause
    # is the cause's
    causal = set(_lexicon()["causal_adjuncts"]["words"])
    candidates = [i for i in _data_periods(sent_index, ctx)
                  if not any(a.lower_ in causal for a in ctx.period_spans[i].root.ancestors
                             if amount_span.root not in a.subtree)
                  and i not in framing
                  and not _in_a_clause_without(ctx.period_spans[i].root, amount_span.root)
                  and not _in_a_comparison_without(ctx.period_spans[i].root, amount_span.root)
                  and not _dates_an_old_level(i, amount_span, ctx)
                  and not (is_change and _after_a_colon(amount_span, ctx.period_spans[i]))]
    if not candidates:
        # "A year earlier, in the like period of 2022, both sums stood at $1.7 billion and $0.9 billion": in a
        # sentence of levels only, the period a base phrase written before them names is theirs (not
        # "$1.9 billion, compared with $2 billion a year earlier": the base's, after the figures)
        sent = ctx.sents[sent_index]
        levels = [a for a in ctx.amounts if sent.start_char <= a.start < sent.end_char]
        if not is_change and levels and not any(a.change is not None for a in levels):
            first = min(a.start for a in levels)
            bases = [i for i, span in enumerate(ctx.period_spans)
                     if span is not None and ctx.roles[i] == "basis" and ctx.sentence_of(span.start_char) == sent_index
                     and span.end_char <= first and ctx.periods[i].granularity in _DATA_GRANULARITIES]
            if len(bases) == 1:
                return bases[0]
        return None
    # (a level is not dated by a change's base: "was €15,210m for March, an increase of 19% against a year
    # earlier" is March's)
    return min(candidates, key=lambda i: (not is_change and ctx.roles[i] == "basis",
                                          _in_a_coordinated_clause_without(ctx.period_spans[i].root, amount_span.root),
                                          _tree_distance(amount_span.root, ctx.period_spans[i].root),
                                          abs(ctx.period_spans[i].start - amount_span.start)))


# a month a change is set against: "Compared to October 2019, ...", "rose 4% over March"
_COMPARED_MONTH = re.compile(r"\b(?:compared\s+(?:to|with)|against|versus|over|from)\s+(?:the\s+month\s+of\s+)?$", re.IGNORECASE)


def _the_month_after_a_compared_month(sent_index: int, ctx: _Context) -> int | None:
    """'Compared to October 2019, imports grew 1.4%', 'exports rose 4% over March': a change whose
    sentence names no period of its own but one month it is set against is the next month's, the
    month a period-on-period change is reported for -- where the text names that month (its own
    mention is the period; none is made up). Only with one such month in the sentence."""
    bases = [ctx.periods[i] for i, span in enumerate(ctx.period_spans)
             if span is not None and ctx.sentence_of(span.start_char) == sent_index
             and ctx.periods[i].granularity == "month" and ctx.periods[i].from_ is not None
             and any(t.lower_.rstrip(".") in MONTHS for t in span)   # (a month by its name, not "the previous month")
             and _COMPARED_MONTH.search(ctx.text, max(0, span.start_char - 30), span.start_char)]
    if len(bases) != 1:
        return None
    base = bases[0].from_
    after = (base.year + base.month // 12, base.month % 12 + 1)
    named = [i for i, p in enumerate(ctx.periods) if p.granularity == "month" and p.from_ is not None
             and (p.from_.year, p.from_.month) == after and ctx.period_spans[i] is not None]
    return min(named, key=lambda i: abs(ctx.sentence_of(ctx.period_spans[i].start_char) - sent_index)) if named else None


def _in_the_since_clause_of(period: int, amount_span: Span, ctx: _Context) -> bool:
    """The figure follows the period inside the clause 'since' opens ("since shipments slumped in March
    2020 to 1.2 trillion yen"): no clause break between them."""
    span = ctx.period_spans[period]
    return span.end <= amount_span.start and not re.search(r"[,;:.]\s|[()]", ctx.text[span.end_char: amount_span.start_char])


def _under_a_change_noun(token: Token, local: Token) -> bool:
    """The period hangs on a change noun inside the level's phrase ("€15,210m, an increase of 19% on
    a year earlier"): the change's base, not the level's time."""
    return any(a.pos_ == "NOUN" and _is_change_word(a) for a in token.ancestors
               if a.i != local.i and local.left_edge.i <= a.i <= local.right_edge.i)


def _after_a_colon(amount_span: Span, span: Span) -> bool:
    """'a fivefold jump on the year: in March 2015, it bought 4,270 tons': the clause
    after the colon spells out the change's base, whose period is not the change's."""
    return span.start > amount_span.end and any(t.text == ":" for t in amount_span.doc[amount_span.end: span.start])


def _in_a_coordinated_clause_without(token: Token, amount_root: Token) -> bool:
    """The period is in a coordinated clause with its own subject that the amount is not in
    ("trade in the first half rose to $1.3 billion, and in June alone it reached $230 million"):
    that clause's time, second to any period of the amount's own clause ("exports rose 5% and
    imports fell 3% in May" still dates both by May)."""
    for clause in [token] + list(token.ancestors):
        if clause.dep_ == "conj" and clause.pos_ in {"VERB", "AUX"} \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            return not (clause.left_edge.i <= amount_root.i <= clause.right_edge.i)
    return False


def _another_change_s_period(index: int, amount_span: Span, ctx: _Context) -> bool:
    """The period is the month of another change in the sentence ("a 1.3% increase in August"),
    not a base of the claim's change."""
    span = ctx.period_spans[index]
    if span is None:
        return False
    heads = {t.i for t in [span.root] + list(span.root.ancestors)[:3]}
    sent = ctx.sent_of(span[0])
    for other, a in zip(ctx.amount_spans, ctx.amounts):
        if other is None or other == amount_span or a.unit != "percent" or not (
                sent.start <= other.start < sent.end):
            continue
        written_after = span.doc[other.end: span.start]
        if 0 <= span.start - other.end <= 2 and all(t.lower_ in _TIME_PREPOSITIONS for t in written_after):
            return True   # "gaining 7 per cent, from 5.2 per cent in March"
        if other.root.i in heads or other.root.head.i in heads:
            return not (amount_span.root.i in heads or amount_span.root.head.i in heads)
    return False


def _compared_with_another_span(period: int | None, amount_span: Span, ctx: _Context) -> bool:
    """'15 times more than in 2023' said of January-April 2024: the change states what it compares
    with, and it is neither a year nor a period earlier, so it has no basis (and none is guessed).
    So does a change 'since' a time or an event ('have fallen 30 percent since the ban')."""
    verb = next((t for t in [amount_span.root, *amount_span.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and any(c.lower_ == "since" and c.dep_ in {"prep", "mark"} for c in verb.children):
        return True
    if period is None or ctx.periods[period].from_ is None:
        return False
    p = ctx.periods[period]
    shifts = {shift_period(p.from_, p.to, b) for b in ("year_on_year", "period_on_period")}
    for i, ref in enumerate(ctx.periods):
        span = ctx.period_spans[i]
        if i == period or span is None or ref.from_ is None \
                or ctx.sentence_of(span.start_char) != ctx.sentence_of(amount_span.start_char):
            continue
        referenced = ctx.roles[i] == "basis" or any(a.lower_ in _COMPARISON_HEADS for a in span.root.ancestors)
        if referenced and (ref.from_, ref.to) not in shifts and (ref.from_, ref.to) != (p.from_, p.to):
            return True
    return False


def _basis_from_reference(period: int | None, s_index: int, ctx: _Context,
                          amount_span: Span | None = None) -> str | None:
    """'down from $257.73 million in December ... a decline of 34.5%': the basis is what the
    stated reference period is to the claim's period (the month before, or a year before)."""
    if period is None or ctx.periods[period].from_ is None:
        return None
    p = ctx.periods[period]
    lo = ctx.sents[max(0, s_index - 1)].start_char
    hi = ctx.sents[s_index].end_char
    refs = [(i, ref) for i, ref in enumerate(ctx.periods) if i != period and lo <= ref.start < hi and ref.from_ is not None]
    if amount_span is not None:
        # the nearest stated period first, in the figure's own sentence first ("... compared to $6.4
        # billion in June, showing a decrease of 11.8 percent": June, not the sentence before's)
        own = ctx.sents[s_index].start_char
        refs.sort(key=lambda item: (item[1].start < own, abs(item[1].start - amount_span.start_char)))
    for i, ref in refs:
        if amount_span is not None and (_another_change_s_period(i, amount_span, ctx) or (
                ctx.period_spans[i] is not None and _another_figure_s_time(ctx.period_spans[i].root, amount_span.root))):
            continue   # "grew 7% last month, better than a 1% increase in August": August is that increase's
        # "in January up 17.8%; in February up 30%": the month before is the change before's own, no
        # reference of this one (a list of months, each measured as its heading says)
        # (a month heading each: "Compared to October, imports grew 1.4% while exports fell 10.8%"
        # sets both against October)
        listed = amount_span is not None and any(a.change is not None and ref.end <= a.start < amount_span.start_char
                                                 for a in ctx.amounts) \
            and any(ref.end <= o.start < amount_span.start_char for o in ctx.periods)
        # a year's previous period is the year before: for years both shifts coincide, and the
        # customs name for it is year on year
        for basis in ("year_on_year", "period_on_period"):
            if shift_period(p.from_, p.to, basis) == (ref.from_, ref.to) and not (listed and basis == "period_on_period"
                                                                                  and p.granularity == "month"):
                return basis
    return None


def _basis_between(period: int | None, base: int, ctx: _Context) -> str | None:
    """What a change's stated base is to its period: a year before (year on year), the period before
    (period on period), or neither (None: 'up 28% on December 2019' in December 2021). A bare year
    in a list of bases stands for the same span of that year ('December 2019 and 2020')."""
    if period is None or ctx.periods[period].from_ is None or ctx.periods[base].from_ is None:
        return None
    p, ref = ctx.periods[period], ctx.periods[base]
    if ref.granularity == "year" and p.granularity != "year":
        return "year_on_year" if p.from_.year - ref.from_.year == 1 and p.to.year == p.from_.year else None
    for basis in ("year_on_year", "period_on_period"):
        if shift_period(p.from_, p.to, basis) == (ref.from_, ref.to):
            return basis
    return None


def _measured_from_unnamed_levels(amount_span: Span, ctx: _Context) -> bool:
    """'down 70 per cent from pre-crisis levels', 'from levels before the pandemic': the figure's own
    phrase measures it against a time no period names, so it has no basis."""
    return _LEVELS_BASE.match(ctx.text[amount_span.end_char: amount_span.end_char + 60].lstrip(" ,")) is not None


_LEVELS_BASE = re.compile(r"(?:year[- ]on[- ]year\s+)?from\s+(?:the\s+)?(?:pre-[\w-]+|[\w-]+-(?:crisis|pandemic|war|sanctions))"
                          r"\s+levels?\b|from\s+(?:the\s+)?levels?\s+(?:before|prior\s+to|seen\s+before)\b", re.IGNORECASE)


def _basis_after(amount_span: Span, ctx: _Context) -> str | None:
    """'up 12% y/y, up 4% m/m': the comparison written right after a figure is that figure's;
    so is one written between its direction and 'by' ('up month-on-month by 2.8 million tons')."""
    if _MONTH_ON_MONTH_IN_CAPITALS.match(ctx.text, amount_span.end_char):
        return "period_on_period"   # "down 0.6% MOM" (in lower case 'mom' is no comparison)
    after = ctx.text[amount_span.end_char: amount_span.end_char + 60].lower().lstrip()
    # ("up 4.2 per cent over the prior three months and 11.5 per cent over the same three months of
    # 2023": each figure's own base, whatever else the sentence compares)
    bare = _A_BASE_PREPOSITION.sub("", after, count=1)
    lex = _lexicon()
    for basis in ("year_on_year", "period_on_period"):
        if any(after.startswith(phrase) or bare.startswith(phrase) for phrase in lex[basis]):
            return basis
    before = ctx.text[max(0, amount_span.start_char - 30): amount_span.start_char].lower().rstrip()
    if before.endswith(" by"):
        before = before[:-3].rstrip()
        for basis in ("year_on_year", "period_on_period"):
            if any(before.endswith(phrase) for phrase in lex[basis]):
                return basis
    return None


_MONTH_ON_MONTH_IN_CAPITALS = re.compile(r"[ \t]*\(?(?:MOM|MoM|QOQ|QoQ)\b")
# what a figure's own base opens with ("on", "compared with") right after it
_A_BASE_PREPOSITION = re.compile(r"^(?:on|over|from|against|versus|vs\.?|compared\s+(?:with|to))\s+")
_OWN_REFERENCE_HEADS = BASE_PREPOSITIONS | {"with", "to"}   # and "compares with", "compared to"


def _basis_of_own_reference(amount_span: Span, period: int | None, ctx: _Context) -> str | None:
    """'down 4.6% on-year, yet up 7.3% from August': a period right after a
    change's own 'from' (or 'on', 'compared with') is what it is measured against; the basis is what
    that period is to the claim's (the month before: period on period; the year before: year on
    year). On an undated page two bare months still say it ('rose 3.4% from April' in May)."""
    if period is None:
        return None
    doc, p = ctx.doc, ctx.periods[period]
    for i, span in enumerate(ctx.period_spans):
        if span is None or i == period or not 0 < span.start - amount_span.end <= 8:
            continue
        between = doc[amount_span.end: span.start]
        if not any(t.lower_ in _OWN_REFERENCE_HEADS for t in between):
            continue
        # within three words, or past the old level's own figure ("up 13.9% from 805,000 tonnes in
        # April"): nothing else may stand between
        if span.start - amount_span.end > 3 and not (between[0].lower_ in _OWN_REFERENCE_HEADS and all(
                t.i in ctx.amount_tokens or t.like_num or t.lower_ in _TIME_PREPOSITIONS or t.pos_ == "NOUN"
                or t.lower_ in {"the", "a", "an"} for t in between[1:])):
            continue
        if span.end < len(doc) and doc[span.end].lower_ in {"'s", "’s"}:
            continue   # "slowing from the previous month's 3.9 percent": that month owns another rate
        ref = ctx.periods[i]
        if p.from_ is not None and ref.from_ is not None:
            for basis in ("year_on_year", "period_on_period"):
                if shift_period(p.from_, p.to, basis) == (ref.from_, ref.to):
                    return basis
            return None
        months = [MONTHS.get(x.text.lower().rstrip(".")) for x in (ctx.period_spans[period], span)]
        if None not in months and (months[0] - months[1]) % 12 == 1:
            return "period_on_period"
    return None


def _basis(sent: Span) -> str | None:
    """The comparison a sentence states ("from a year earlier", "month-on-month"). A period that
    owns an earlier rate ("easing from the previous month's 5.5%") dates that rate: it says when
    the other change was, not what this one is measured against."""
    lex = _lexicon()
    low = _EARLIER_CHANGE.sub(" ", sent.text.lower())
    for basis in ("year_on_year", "period_on_period"):
        for phrase in lex[basis]:
            at = low.find(phrase)
            while at != -1:
                end = at + len(phrase)
                # (a whole word: "over the month", not "over the months of January to May")
                if not (end < len(low) and low[end].isalpha()) and not _OWNED_RATE.match(low, end) \
                        and not (phrase.startswith("monthly ") and _A_STREAK.search(low, 0, at)):
                    return basis
                at = low.find(phrase, at + 1)
    return None


# "the third straight monthly fall", "a fifth consecutive monthly decline": a streak counts the months
# a figure has fallen, whatever it is measured against, and states no basis
_A_STREAK = re.compile(r"\b(?:straight|consecutive|successive|running|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
                       r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+$")
# "after a 5.2% fall in the previous month", "following a 6.1 percent decline the previous month",
# "faster than the 3% increase seen a month earlier": the time of the change the sentence's change
# follows or is set against, not the comparison it states
_EARLIER_CHANGE = re.compile(
    r"\b(?:after|following|from|than)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?[+-]?\d[\d.,]*\s*(?:%|per\s?cent|percent|pct)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:drop|fall|decline|decrease|slump|contraction|rise|gain|increase|growth|jump|expansion)s?\b"
    r"(?:\s+(?:seen|recorded|registered|posted|reported|logged))?"
    r"(?:\s+(?:in|during|of|for)?\s*(?:the\s+)?(?:previous|prior|preceding)\s+(?:month|quarter|period|year)"
    r"|\s+a\s+(?:month|quarter|year)\s+(?:earlier|before|ago))?")
# "the previous month's 5.5%", "the prior month's 2.1 per cent gain": a possessive period, a few
# modifiers, then a percentage
_OWNED_RATE = re.compile(r"[’']s\s+(?:[a-z-]+\s+){0,2}(?:[+-]?\d[\d.,]*)\s*(?:%|per\s?cent\b|pct\b|percent\b)", re.I)
