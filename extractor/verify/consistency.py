"""The article against itself: claims that cannot all hold (the contract's consistency rules,
and the arithmetic of flows: a total is its two flows, a change moves a level from its base)."""
from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import product

from models import Claim, Consistency, Extraction, Period

from ..pipeline.calendar_spans import shift_period
from ..pipeline.lexicon import load_table
from ..pipeline.periods.patterns import WRITTEN_YEAR
from .intervals import FAR_RATIO, Interval, claim_supported, stated_interval
from .wording import (currency_named, describe_cell, duration_months, money, months_words, period_words, phrases, signed_money,
                      trade_pair)


def _cell(claim: Claim) -> dict | None:
    """What a claim is about, whatever its basis: parties, flow and goods."""
    return None if claim.trade is None else {k: v for k, v in claim.trade.model_dump().items() if k != "basis"}


def _goods(claim: Claim) -> tuple:
    return claim.trade.commodity, claim.trade.commodity_text


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'")


def _headline_rounded(result: Extraction) -> Extraction:
    """A headline abbreviates the story under it and rounds its figures ('trade totals $31 billion'
    over a body's '$31.86 billion'), so the exact sums of money of the first line, when it ends
    without a full stop, count as approximate ones; a headline figure far from the body's is still
    flagged, and its percentages are as precise as the body's ('grows 122%')."""
    if not result.claims:
        return result
    first = min(result.claims, key=lambda c: c.start)
    if first.sentence.rstrip().endswith(_SENTENCE_ENDS):
        return result
    rounded = {c.amount for c in result.claims if c.start == first.start and c.amount is not None
               and result.amounts[c.amount].bound == "exact" and result.amounts[c.amount].is_money}
    if not rounded:
        return result
    amounts = [a.model_copy(update={"bound": "approx"}) if i in rounded else a for i, a in enumerate(result.amounts)]
    return result.model_copy(update={"amounts": amounts})


def consistency_of(result: Extraction) -> list[Consistency]:
    """Contradictions inside the article (see each rule's comment)."""
    out: list[Consistency] = []
    result = _headline_rounded(result)
    # a daily average is no total of its period: no rule compares it with the period's figures
    result = result.model_copy(update={"claims": [c for c in result.claims if c.trade is None or c.trade.measure is None]})
    # An inconsistency is an accusation too: only between claims read from their sentences. Two
    # superlatives of one figure may share a period that one of them states ("its highest in six
    # years last month ... the highest since December 2019"); levels and changes must be read whole.
    claims = [c for c in result.claims if not set(c.inferred) - {"period"}]
    periods = result.periods
    # 1. "highest in over six years" vs "highest since December 2019": the since-month lies
    #    inside the duration, so the two cannot both hold.
    since = [c for c in claims if c.comparison and c.comparison.relation.endswith("_since")]
    within = [c for c in claims if c.comparison and c.comparison.relation.endswith("_in")]
    for s in since:
        ref = periods[s.comparison.reference_period]
        if ref.from_ is None or s.period is None or periods[s.period].from_ is None:
            continue
        claimed = periods[s.period].from_
        span = _months_between(ref.from_, claimed)
        conflicts = []
        for w in within:
            if w.comparison.relation.split("_")[0] != s.comparison.relation.split("_")[0]:
                continue
            if _cell(s) != _cell(w):
                continue   # superlatives of two flows ("imports at their highest since ..., trade in a year")
            dur = periods[w.comparison.reference_period]
            months = duration_months(dur.duration)
            if months is None:
                continue
            if "period" in s.inferred and ("period" in w.inferred or w.period != s.period):
                continue   # the claimed period must be read from one of the two sentences
            if w.period is not None and (periods[w.period].from_, periods[w.period].to) != (
                    periods[s.period].from_, periods[s.period].to) and periods[w.period].from_ is not None:
                continue   # a year's lowest in four years and December's since 2014 are two figures
            strict = dur.bound in {"more_than", "at_least"}
            # "the lowest in four years" is a round figure: a since-month up to half a year short of
            # it still fits ("since January 2014" in December 2017); "over four years" is not
            slack = 6 if not strict and dur.bound != "less_than" and months >= 24 and months % 12 == 0 else 0
            if span < months - slack or (strict and span <= months):
                conflicts.append((strict, months, w, dur))
        if conflicts:
            # One finding per since-claim; the most explicit wording ("over six years") leads.
            conflicts.sort(key=lambda item: (not item[0], -item[1]))
            _, _, lead, dur = conflicts[0]
            also = [f"'{_phrase(w, d)}'" for _, _, w, d in conflicts[1:]]
            out.append(Consistency(claims=[s.id] + [w.id for _, _, w, _ in conflicts], explanation=(
                f"'{_phrase(lead, dur)}'" + (f" (also {', '.join(also)})" if also else "")
                + f" but 'since {ref.text}' is {months_words(span)} before "
                f"{period_words(periods[s.period].from_, periods[s.period].to)}")))
    # 2. a part larger than its whole; 3. one quantity stated twice with two values.
    levels = [c for c in claims if c.kind == "trade_value" and c.period is not None and c.amount is not None
              and not c.inferred]
    for i, a in enumerate(levels):
        for b in levels[i + 1:]:
            pa, pb = periods[a.period], periods[b.period]
            if pa.from_ is None or (pa.from_, pa.to) != (pb.from_, pb.to):
                continue
            if result.article.published is None and _year_inferred(pa) != _year_inferred(pb):
                # an undated page that writes the year of one ("in September 2013") and not of the
                # other ("in September"), whose year was only inferred: likelier two years (a figure
                # and its base) than one figure given twice
                continue
            ma, mb = result.amounts[a.amount], result.amounts[b.amount]
            if ma.unit != mb.unit:
                continue
            # one sentence giving one cell two values is our misreading of it, not the writer's
            # contradiction (the check leaves such levels unverifiable)
            same_cell = a.trade.model_dump() == b.trade.model_dump() and a.start != b.start
            # (values far apart are likelier two figures, a part read as its whole, than one figure
            # the article gives twice)
            comparable = ma.value > 0 and mb.value > 0 and max(ma.value, mb.value) < FAR_RATIO * min(ma.value, mb.value)
            if same_cell and _cited_from_different_bodies(a, b, result):
                # Japan's customs and China's customs each record the flow between them (mirror
                # statistics), an estimating body its own figure: two records, not one figure twice
                continue
            if same_cell and comparable and not claim_supported(ma, Interval(mb.value - (mb.precision or 0), mb.value + (mb.precision or 0)))[0] \
                    and ma.bound == mb.bound == "exact":
                out.append(Consistency(claims=[a.id, b.id], explanation=(
                    f"the same figure ({describe_cell(a.trade, pa.from_, pa.to, ma.unit)}) is given as "
                    f"'{ma.text}' and as '{mb.text}'")))
                continue
            part, whole = (a, b) if a.trade.flow == "directional" and b.trade.flow == "total" else \
                (b, a) if b.trade.flow == "directional" and a.trade.flow == "total" else (None, None)
            if part is None or set(trade_pair(part.trade)) != set(trade_pair(whole.trade)) \
                    or _goods(part) != _goods(whole):
                continue   # (all goods one way are no part of a farm trade total)
            mp, mw = result.amounts[part.amount], result.amounts[whole.amount]
            if mp.value - (mp.precision or 0) > mw.value + (mw.precision or 0) and mp.bound in {"exact", "more_than", "at_least"}:
                out.append(Consistency(claims=[part.id, whole.id], explanation=(
                    f"one direction ('{mp.text}') is larger than the total it is part of ('{mw.text}') "
                    f"for {period_words(pa.from_, pa.to)}")))
    # 4. a change, in percent or in money, that does not fit the two levels the article states.
    for c in claims:
        if c.kind != "trade_change" or c.period is None or c.trade.basis is None or c.amount is None or c.inferred:
            continue
        amount = result.amounts[c.amount]
        p = periods[c.period]
        if not (amount.unit == "percent" or amount.is_money) or p.from_ is None:
            continue
        base_start, base_end = shift_period(p.from_, p.to, c.trade.basis)
        frame = _cell(c)
        def level(start, end, unit=None):
            for l in levels:
                lp = periods[l.period]
                if (lp.from_, lp.to) == (start, end) and _cell(l) == frame and unit in (None, result.amounts[l.amount].unit):
                    return l, result.amounts[l.amount]
            return None
        # the two levels in one currency, the one the change's own sentence states its level in
        # ("rose 3.4 percent to 1.52 trillion yuan" is a yuan change, whatever the dollar levels say)
        own = next((result.amounts[l.amount].unit for l in levels if l.start == c.start and _cell(l) == frame), None) \
            or _currency_terms(c.sentence)   # "yuan-denominated trade grew 3.4%", "in dollar terms"
        now = level(p.from_, p.to, own)
        before = level(base_start, base_end, now[1].unit) if now is not None else None
        if before is None and now is not None and own is None:
            before = level(base_start, base_end)
            now = level(p.from_, p.to, before[1].unit) if before is not None else None
        if now is None or before is None or before[1].value == 0 or now[1].unit != before[1].unit:
            continue
        if {now[1].bound, before[1].bound} - {"exact", "approx"}:
            continue   # a bound level ("more than $2 billion") fixes no change
        # each level as the interval its wording allows ("roughly one billion": 5% either way)
        a_now, a_before = stated_interval(now[1]), stated_interval(before[1])
        if amount.is_money:
            if amount.unit == now[1].unit and amount.bound in {"exact", "approx"}:
                out += _difference(c, amount, now, before, a_now, a_before)
            continue
        if a_before.low <= 0:
            continue
        lowest, highest = (a_now.low / a_before.high - 1) * 100, (a_now.high / a_before.low - 1) * 100
        computed = (now[1].value / before[1].value - 1) * 100
        stated = amount.value * (-1 if amount.change == "down" else 1)
        slack = max((amount.precision or 0) + phrases()["close_points_changes"], _round_tens_slack(amount))
        if (stated + slack < lowest or stated - slack > highest) and amount.bound == "exact":
            out.append(Consistency(claims=[c.id, now[0].id, before[0].id], explanation=(
                f"'{amount.text}' does not fit the article's own levels: '{before[1].text}' to '{now[1].text}' "
                f"is {computed:+.1f}%")))
    out += _sum_of_flows(result)
    out += _restated_currencies(result)
    out += _flow_arithmetic(result)
    out += _multiples(result)
    out += _balances(result)
    out += _restated_changes(result)
    return out


def _cited_from_different_bodies(a: Claim, b: Claim, result: Extraction) -> bool:
    """Both claims cite an official body (a statistics office, customs, a ministry) and no body
    is cited by both."""
    def bodies(claim: Claim) -> set[str]:
        return {result.sources[i].name for i in claim.sources if 0 <= i < len(result.sources)
                and result.sources[i].type in {"data_source", "government"}}
    first, second = bodies(a), bodies(b)
    return bool(first) and bool(second) and not first & second


def _round_tens_slack(amount) -> float:
    """'dropped 40 percent' for a fall from 120,000 to 70,000 tons (-41.7%): a whole number of tens is
    a rounded change, read to the nearest ten (its last significant figure), at most five points
    either way."""
    written = re.search(r"\d[\d,.]*", amount.text or "")
    if written is None or "." in written.group(0) or not 10 <= amount.value < 100 or amount.value % 10:
        return 0.0
    return 5.0


def _year_inferred(period) -> bool:
    """The period's year was inferred (anchored on other dates), not written in its own words."""
    return period.relative and not WRITTEN_YEAR.search(period.text)


_A_SECTOR = re.compile(r"\b(?:sector|industry|segment)\b", re.I)
_CURRENCY_TERMS = re.compile(r"\b([a-z]+)(?:-|\s+)denominated\b|\bin\s+([a-z]+)\s+terms\b", re.I)


def _currency_terms(sentence: str) -> str | None:
    """The currency a sentence says its figures are in ('yuan-denominated trade', 'in dollar
    terms'), as an ISO code, or None."""
    found = _CURRENCY_TERMS.search(sentence)
    word = (found.group(1) or found.group(2)).lower() if found else None
    # ("in real terms" is after inflation, not in Brazilian reais)
    return currency_named(word) if word not in (None, "real", "nominal") else None


def _difference(claim: Claim, amount, now, before, a_now: Interval, a_before: Interval) -> list[Consistency]:
    """'rose by $12 million to $80 million' after '$70 million a year earlier': a change stated as a
    sum of money is the later level minus the earlier one."""
    sign = -1 if amount.change == "down" else 1
    moved = Interval(a_now.low - a_before.high, a_now.high - a_before.low)
    stated = stated_interval(amount)
    stated = stated if sign > 0 else Interval(-stated.high, -stated.low)
    if stated.overlaps(moved):
        return []
    return [Consistency(claims=[claim.id, now[0].id, before[0].id], explanation=(
        f"'{amount.text}' does not fit the article's own levels: '{before[1].text}' to '{now[1].text}' "
        f"is a change of {signed_money(moved.low, amount.unit)} to {signed_money(moved.high, amount.unit)}"))]


# -- 9. a change stated as a share and as an amount ----------------------------------------------

_OR_RESTATED = re.compile(r"^\s*,?\s*or\s+(?:about\s+|some\s+|nearly\s+)?$", re.I)


def _restated_changes(result: Extraction) -> list[Consistency]:
    """'came to $12.4 billion, a rise of 24 percent, or $2.4 billion': the level, the
    share and the amount of one change, all in one phrase, must fit together (the level minus the
    level before is the amount; the amount over the level before is the share)."""
    amounts, text = result.amounts, result.article.text
    claim_of = {c.amount: c for c in result.claims if c.amount is not None}
    out = []
    for k, (share, amount) in enumerate(zip(amounts, amounts[1:])):
        if share.unit != "percent" or share.change is None or not amount.is_money \
                or not _OR_RESTATED.match(text[share.end:amount.start]):
            continue
        level_index = next((j for j in range(k - 1, -1, -1) if amounts[j].unit == amount.unit
                            and claim_of.get(j) is not None and claim_of.get(k) is not None
                            and claim_of[j].start == claim_of[k].start), None)
        if level_index is None or k + 1 not in claim_of:
            continue
        if _cell(claim_of[level_index]) != _cell(claim_of[k]):
            # "Exports hit $6.2 billion, led by meat, whose value rose 15 percent, or $210 million":
            # the change is the meat's, not the total's
            continue
        level = amounts[level_index]
        if {level.bound, share.bound, amount.bound} - {"exact", "approx"}:
            continue
        sign = -1 if share.change == "down" else 1
        now = stated_interval(level)
        p = Interval(sign * share.value - (share.precision or 0), sign * share.value + (share.precision or 0))
        if p.low <= -100:
            continue
        moved = Interval(now.low - now.high / (1 + p.low / 100), now.high - now.low / (1 + p.high / 100))
        stated = stated_interval(amount)
        stated = Interval(sign * stated.low, sign * stated.high) if sign > 0 else Interval(-stated.high, -stated.low)
        if not stated.overlaps(moved):
            out.append(Consistency(claims=[claim_of[k].id, claim_of[k + 1].id, claim_of[level_index].id], explanation=(
                f"a change of '{share.text}' to '{level.text}' is {money(abs(moved.low), amount.unit)} to "
                f"{money(abs(moved.high), amount.unit)}, not '{amount.text}'")))
    return out


# -- 8. a balance is exports minus imports ---------------------------------------------------

_BALANCE_BEFORE = re.compile(r"(surplus|deficit)\s+(?:of|at|to|was|stood at|came in at|reached|narrowed to|widened to)"
                             r"\s+(?:a\s+|an\s+)?(?:record\s+)?$", re.I)
_BALANCE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:trade\s+)?(surplus|deficit)\b", re.I)


def _balances(result: Extraction) -> list[Consistency]:
    """'Imports rose to $5.9 billion, leaving a trade surplus of $0.42 billion' after 'exports
    reached $6.32 billion': a surplus is exports minus imports (a deficit the reverse) of one
    reporter, partner and period. The three figures are the article's own, so a shared reading of
    whose trade they are does not change the arithmetic; the two flows must mirror each other, in
    the balance's period and currency."""
    amounts, periods, text = result.amounts, result.periods, result.article.text
    levels = [c for c in result.claims if c.kind == "trade_value" and c.trade is not None and c.amount is not None
              and c.period is not None and c.trade.flow == "directional" and periods[c.period].from_ is not None
              and c.trade.commodity is None and c.trade.commodity_text is None
              and amounts[c.amount].bound in {"exact", "approx"}]
    out = []
    # sentences that state a balance of their own ("With Asia, Japan logged a surplus of ¥3.1 trillion
    # after exports gained ... and imports rose ..."): their flows are that balance's, no other's
    own_balance = {c.start for c in result.claims if c.kind == "quantity" and c.amount is not None
                   and _balance_word(text, amounts[c.amount]) is not None}
    for balance in result.claims:
        if balance.kind != "quantity" or balance.amount is None:
            continue
        b = amounts[balance.amount]
        kind = _balance_word(text, b)
        if kind is None or b.bound not in {"exact", "approx"} or _balance_of_a_part(text, b) or _forecast_balance(text, b) \
                or _an_earlier_balance(text, b):
            continue
        if balance.period is not None and periods[balance.period].from_ is not None:
            when = (periods[balance.period].from_, periods[balance.period].to)
        else:   # "imports rose to $5.9 billion that month, leaving a surplus of ...": the flow's
            beside = next((c for c in levels if c.start == balance.start), None)
            if beside is None:
                continue
            when = (periods[beside.period].from_, periods[beside.period].to)
        same = [c for c in levels if (periods[c.period].from_, periods[c.period].to) == when and amounts[c.amount].unit == b.unit]
        partner = _balance_partner(result, b)
        paragraph = text.rfind("\n\n", 0, b.start), text.find("\n\n", b.end)
        for exports in same:
            imports = next((c for c in same if (c.trade.from_, c.trade.to) == (exports.trade.to, exports.trade.from_)), None)
            if imports is None or exports.trade.to == "WLD" and exports.trade.from_ == "WLD":
                continue
            if any(c.start in own_balance and c.start != balance.start for c in (exports, imports)):
                continue
            if any("period" in c.inferred and _own_time_unused(c, result) for c in (exports, imports)):
                continue   # (a flow given another sentence's period though its own names a time: "exports
                # came to $4.9 billion last week" is not the year's, however it was dated)
            if result.article.published is None and balance.period is not None and not _year_inferred(periods[balance.period]) \
                    and any("period" in c.inferred and _year_inferred(periods[c.period]) for c in (exports, imports)):
                continue   # (on an undated page, a balance with its year written is not set against flows
                # given another sentence's period whose year is only a guess from the page's other dates)
            if exports.trade.from_ == "WLD":
                continue
            # the balance's own pair: 'the deficit with Canada' is not the flows with China; with no
            # partner named, the flows are with the world or stated in the balance's paragraph
            if partner is not None and exports.trade.to != partner:
                continue
            if partner is None and exports.trade.to != "WLD" and not all(
                    _in_paragraph(c.start, paragraph) for c in (exports, imports)):
                continue
            e, i = _level(exports, amounts), _level(imports, amounts)
            implied = Interval(e.low - i.high, e.high - i.low) if kind == "surplus" else Interval(i.low - e.high, i.high - e.low)
            middle = (implied.low + implied.high) / 2
            if middle > 0 and (b.value < middle / FAR_RATIO or middle * FAR_RATIO < b.value <= max(e.high, i.high)):
                break   # a balance far from the flows' difference is another period's (a year's
                # deficit beside a month's flows) or a figure that lost its unit, not a contradiction;
                # one larger than both flows fits no period, and is flagged
            if not stated_interval(b).overlaps(implied):
                # (a negative deficit is a surplus: say which the flows leave)
                left = (kind, implied) if implied.high >= 0 else (
                    "surplus" if kind == "deficit" else "deficit", Interval(-implied.high, -implied.low))
                out.append(Consistency(claims=[balance.id, exports.id, imports.id], explanation=(
                    f"exports of '{amounts[exports.amount].text}' and imports of '{amounts[imports.amount].text}' leave a "
                    f"{left[0]} of {_between(left[1], b.unit)}, not a {kind} of '{b.text}'")))
            break
    return out


def _own_time_unused(claim, result: Extraction) -> bool:
    """The claim's sentence names a time of its own, which is not the period the claim was given."""
    return any(claim.start <= p.start < claim.end and i != claim.period for i, p in enumerate(result.periods))


_BALANCE_NOUN = r"(?:balance|surplus|deficit|shortfall)"
_QUALIFIED_BEFORE = re.compile(r"((?:[\w’'&$.,-]+\s+){0,6}?)" + _BALANCE_NOUN + r"\s+(?:\w+\s+){0,2}$", re.I)
_QUALIFIED_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?((?:[\w&-]+\s+){0,4}?)" + _BALANCE_NOUN + r"\b", re.I)
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "that", "his", "her", "our"})


def _balance_of_a_part(text: str, amount) -> bool:
    """'the oil and gas balance showed a $1.2 billion deficit', 'a $1.2 billion fuels deficit', 'the
    current account deficit', 'the fuel sector ran a deficit of': a balance qualified by goods,
    a sector or a wider account is a part's (or
    more than goods'), not exports minus imports of all goods. The qualifiers are the words between
    the balance noun and its determiner (two words when none is written); those that leave it all
    goods' are a table (check_phrases.json: balance_of_all_goods), and names ("Peru's") and figures."""
    plain = set(phrases()["balance_of_all_goods"])
    clause = re.split(r"[,;:.]\s|\bwhile\b|\bwhereas\b", text[max(0, amount.start - 80): amount.start])[-1]
    if _A_SECTOR.search(clause):
        return True   # "the fuel sector ran a deficit of $0.6 billion": a sector's
    words: list[str] = []
    for found in (_QUALIFIED_BEFORE.search(clause + " "), _QUALIFIED_AFTER.match(text[amount.end: amount.end + 50])):
        if found is None:
            continue
        phrase = re.findall(r"[\w’'&$.,-]+", found.group(1))
        stop = next((k for k in range(len(phrase) - 1, -1, -1) if phrase[k].lower() in _DETERMINERS
                     or re.search(r"[’']s$", phrase[k])), None)
        words += phrase[stop + 1:] if stop is not None else phrase[-2:]
    return any(w.lower() not in plain and not w[:1].isupper() and not w[:1].isdigit() and not w.startswith("$")
               for w in words)


# "compared with a NZ$1.4 billion deficit a year ago", "a $1 billion surplus in March a year ago": a
# balance recalled as the base of a comparison is an earlier period's, whatever period its sentence gives
_COMPARED_WITH = re.compile(r"(?:compared\s+(?:with|to)|against|versus|vs\.?|than)\s+(?:an?\s+|the\s+)?"
                            r"(?:(?:upwardly\s+|downwardly\s+)?revised\s+)?"
                            # ("against the deficit of $4.4 billion")
                            r"(?:(?:trade\s+)?(?:surplus|deficit)\s+of\s+)?$", re.I)
_AN_EARLIER_TIME = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:trade\s+)?(?:surplus|deficit)?\s*(?:(?:in|during|for)\s+\w+\s+)?"
                              r"(?:(?:in|during|for|over)\s+)?"
                              r"(?:a\s+(?:year|month)\s+(?:ago|earlier|before)|the\s+(?:previous|prior|same|corresponding)\s+"
                              r"(?:month|year|quarter|period)|last\s+year)\b", re.I)


def _an_earlier_balance(text: str, amount) -> bool:
    return _COMPARED_WITH.search(text[max(0, amount.start - 40): amount.start]) is not None \
        or _AN_EARLIER_TIME.match(text[amount.end: amount.end + 60]) is not None


def _forecast_balance(text: str, amount) -> bool:
    """'above the $5 billion surplus economists had forecast', 'a forecast deficit of $3 billion':
    a balance someone expected, not the one reported (the expectation words of the trade lexicon)."""
    after, before = _forecast_patterns()
    return after.match(text[amount.end: amount.end + 60]) is not None \
        or before.search(text[max(0, amount.start - 40): amount.start]) is not None


@cache
def _forecast_patterns() -> tuple[re.Pattern, re.Pattern]:
    """An expectation word written after a balance's figure, and one written before it."""
    words = "|".join(sorted((re.escape(w) for w in load_table("trade_lexicon.json")["expectation_words"]["words"]),
                            key=len, reverse=True))
    after = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:trade\s+)?(?:surplus|deficit)?\s*(?:that\s+|which\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:had\s+|have\s+|were\s+|was\s+)?(?:" + words + r")\w*\b", re.I)
    before = re.compile(r"\b(?:" + words + r")\w*\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:trade\s+)?(?:surplus\s+|deficit\s+)?"
                        r"(?:of\s+)?$", re.I)
    return after, before


def _balance_partner(result: Extraction, amount) -> str | None:
    """The state a balance is said to be with ('the deficit with Canada of $3 billion', 'a surplus
    with the US', 'the trade balance with Canada showed a surplus of ...'): a country named after
    'with' between the balance word and the figure."""
    text = result.article.text
    window = text[max(0, amount.start - 80): amount.start]
    # "a $4 billion trade deficit with Bolivia", "a surplus of ¥3.4 trillion with the US": the balance
    # word and partner written after the figure are its own, whatever balance the words before name
    # ("after the $163 billion deficit with China, a $56 billion deficit with Mexico")
    after = re.match(r"\s*(?:\([^)]*\)\s*)?(?:(?:trade\s+)?(?:surplus|deficit)\s+)?with\s+(?!exports|imports|shipments)",
                     text[amount.end: amount.end + 40], re.IGNORECASE)
    # (and "Trade balance with Canada showed a surplus of $611 million")
    at = None if after is not None else re.search(
        r"\b(?:surplus|deficit|gap|imbalance|balance)\s+with\s+(?!exports|imports|shipments)", window, re.IGNORECASE)
    if at is not None:
        lo, hi = max(0, amount.start - 80) + at.end(), amount.start
    elif after is not None:
        lo, hi = amount.end + after.end(), amount.end + after.end() + 40
    else:
        return None
    return next((a.id for a in result.actors if a.type == "country" and a.id and lo <= a.start < hi), None)


def _in_paragraph(char: int, paragraph: tuple[int, int]) -> bool:
    start, end = paragraph
    return start <= char and (end == -1 or char < end)


def _balance_word(text: str, amount) -> str | None:
    before = _BALANCE_BEFORE.search(text[max(0, amount.start - 40): amount.start])
    after = _BALANCE_AFTER.match(text[amount.end: amount.end + 40])
    found = before or after
    return found.group(1).lower() if found else None


# -- 7. a multiple of another period's figure ------------------------------------------------

_MULTIPLE_REFERENCE = re.compile(r"^\s+the\s+$", re.I)
_REFERENCE_NOUN = re.compile(r"^(?:'s)?\s+(?:figures?|levels?|totals?|values?|amounts?)\b", re.I)


def _multiples(result: Extraction) -> list[Consistency]:
    """'$181 million, about three times the 2018 level': a level said to be N times the
    figure of another period is the ratio of the two levels the article states for that series."""
    amounts, periods, text = result.amounts, result.periods, result.article.text
    read = [c for c in result.claims if c.kind == "trade_value" and c.amount is not None and c.period is not None
            and not c.inferred and periods[c.period].from_ is not None and amounts[c.amount].bound in {"exact", "approx"}]
    out = []
    for multiple in result.claims:
        if multiple.amount is None:
            continue
        n = amounts[multiple.amount]
        if n.unit != "times" or n.change is not None:
            continue
        reference = next((p for p in periods if p.from_ is not None and _MULTIPLE_REFERENCE.match(text[n.end:p.start])
                          and _REFERENCE_NOUN.match(text[p.end:])), None)
        if reference is None:
            continue
        level = next((c for c in read if c.start == multiple.start and amounts[c.amount].end <= n.start), None)
        if level is None:
            continue
        base = next((c for c in read if c.trade == level.trade and c.id != level.id
                     and (periods[c.period].from_, periods[c.period].to) == (reference.from_, reference.to)), None)
        if base is None:
            continue
        now, before = _level(level, amounts), _level(base, amounts)
        if before.low <= 0:
            continue
        ratio = Interval(now.low / before.high, now.high / before.low)
        width = max(n.precision or 0, phrases()["hedge_share"] * n.value if n.bound == "approx" else 0)
        stated = Interval(n.value - width, n.value + width)
        if n.bound in {"exact", "approx"} and not stated.overlaps(ratio):
            out.append(Consistency(claims=[multiple.id, level.id, base.id], explanation=(
                f"'{amounts[level.amount].text}' is {amounts[level.amount].value / amounts[base.amount].value:.2f} times "
                f"'{amounts[base.amount].text}' ({reference.text}), not '{n.text}'")))
    return out


# -- 5. one figure in two currencies ------------------------------------------------------

_RESTATEMENT_GAP = re.compile(r"^\s*\(\s*(?:about|around|roughly|some|or|approximately|nearly)?\s*$", re.I)


def _restated_currencies(result: Extraction) -> list[Consistency]:
    """'52.1 billion yen ($480 million)': a figure restated in another currency implies an exchange
    rate. An article converts at one rate; a restatement whose rate is off the median of the
    article's others (at least two more) by a factor of ``restatement_rate_factor`` says two
    different figures (a slipped 'billion' for 'trillion')."""
    claim_of = {c.amount: c.id for c in result.claims if c.amount is not None}
    amounts = result.amounts
    pairs: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    text = result.article.text
    for i, (a, b) in enumerate(zip(amounts, amounts[1:])):
        if a.unit == b.unit or not (a.is_money and b.is_money) or not a.value or not b.value:
            continue
        if not _RESTATEMENT_GAP.match(text[a.end:b.start]) or not text[b.end:].lstrip().startswith(")"):
            continue   # an unclosed bracket is a cut-off line ("$4.1 billion (S$5"), no restatement
        pairs.setdefault((a.unit, b.unit), []).append((i, i + 1, a.value / b.value))
    factor = phrases()["restatement_rate_factor"]
    out = []
    for (unit_a, unit_b), rates in pairs.items():
        if len(rates) < 3:
            continue
        for i, j, rate in rates:
            others = sorted(r for k, _, r in rates if k != i)
            median = others[len(others) // 2] if len(others) % 2 else (others[len(others) // 2 - 1] + others[len(others) // 2]) / 2
            if max(rate / median, median / rate) < factor or i not in claim_of or j not in claim_of:
                continue
            out.append(Consistency(claims=[claim_of[i], claim_of[j]], explanation=(
                f"'{amounts[i].text} ({amounts[j].text})' converts at {_rate(rate)} {unit_a} per {unit_b}, but the "
                f"article's other conversions are at about {_rate(median)}: the two cannot be one figure")))
    return out


def _rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.3g}"


# -- 5b. a total is its two flows --------------------------------------------------------------

def _sum_of_flows(result: Extraction) -> list[Consistency]:
    """'Trade reached $3.4 billion', with imports of $2.83 billion and exports of $310 million for
    the same pair and period: a two-way total is the sum of its two flows (the contract's rule for
    totals), so a stated total no value of the flows' wording can reach cannot hold with them."""
    amounts, periods = result.amounts, result.periods
    claims = [c for c in result.claims if c.kind == "trade_value" and c.trade is not None and c.amount is not None
              and c.period is not None and not c.inferred and periods[c.period].from_ is not None
              and amounts[c.amount].bound in {"exact", "approx"} and amounts[c.amount].is_money]
    out = []
    for (pair, start, end, _, _, unit), slot in _flow_cells(claims, result, by_unit=True).items():
        if len(pair) != 2 or ("total", "level") not in slot:
            continue
        x, y = sorted(pair)
        flows = [slot.get(((x, y), "level")), slot.get(((y, x), "level"))]
        if None in flows:
            continue
        total = slot["total", "level"]
        summed = _level(flows[0], amounts) + _level(flows[1], amounts)
        if not _level(total, amounts).overlaps(summed):
            out.append(Consistency(claims=[total.id, flows[0].id, flows[1].id], explanation=(
                f"the two flows ('{amounts[flows[0].amount].text}' and '{amounts[flows[1].amount].text}') add up "
                f"to {_between(summed, unit)} for {period_words(start, end)}, not '{amounts[total.amount].text}'")))
    return out


def _flow_cells(claims: list[Claim], result: Extraction, by_unit: bool = False) -> dict[tuple, dict]:
    """Claims by what they are about -- (pair, period start and end, goods code and words, and with
    ``by_unit`` the unit) -- then by side ("total" or (exporter, importer)) and kind ("level" or a
    percent "change"); the first claim of each place is kept."""
    cells: dict[tuple, dict] = {}
    for c in claims:
        p, t, a = result.periods[c.period], c.trade, result.amounts[c.amount]
        key = (frozenset(trade_pair(t)), p.from_, p.to, t.commodity, t.commodity_text) + ((a.unit,) if by_unit else ())
        side = (t.from_, t.to) if t.flow == "directional" else "total"
        kind = "level" if c.kind == "trade_value" else "change" if a.unit == "percent" else None
        if kind is not None:
            cells.setdefault(key, {}).setdefault((side, kind), c)
    return cells


# -- 6. the arithmetic of flows -------------------------------------------------------------

def _flow_arithmetic(result: Extraction) -> list[Consistency]:
    """A two-way total is its two flows, and a change moves a level from its base: with both flows'
    levels and changes read (same pair, period and basis), the total's level a period earlier and
    the total's change follow, and a stated one that cannot be reached from any values the wording
    allows cannot hold with them ("exports fell 10% to $900 million and imports 20% to about
    $800 million" leave the total 15% lower, not "nearly 19%")."""
    periods, amounts = result.periods, result.amounts
    # read from their sentences; an unstated basis is the customs convention every figure shares
    claims = [c for c in result.claims if c.trade is not None and c.amount is not None and c.period is not None
              and not set(c.inferred) - {"period", "basis"} and periods[c.period].from_ is not None
              and amounts[c.amount].bound in {"exact", "approx"}]
    cells = _flow_cells(claims, result)
    out = []
    for (pair, start, end, commodity, goods), slot in cells.items():
        if len(pair) != 2:
            continue
        a, b = sorted(pair)
        flows = [((a, b)), ((b, a))]
        changes = [slot.get((f, "change")) for f in flows]
        levels = [slot.get((f, "level")) for f in flows]
        if None in changes or None in levels or len({c.trade.basis for c in changes}) != 1:
            continue
        # levels are added only in one currency ("210 billion yuan" and "$44 billion" are no sum)
        unit = amounts[levels[0].amount].unit
        if amounts[levels[1].amount].unit != unit:
            continue
        basis = changes[0].trade.basis
        bases = [_base(_level(l, amounts), _change(c, amounts, slack=0.0)) for l, c in zip(levels, changes)]
        if None in bases:
            continue
        base = bases[0] + bases[1]
        involved = [*levels, *changes]
        # the total a period earlier
        base_start, base_end = shift_period(start, end, basis)
        stated_base = cells.get((pair, base_start, base_end, commodity, goods), {}).get(("total", "level"))
        if stated_base is not None and amounts[stated_base.amount].unit == unit \
                and not _level(stated_base, amounts).overlaps(base):
            out.append(Consistency(claims=[stated_base.id, *(c.id for c in involved)], explanation=(
                f"the flows' levels and changes put the total for {period_words(base_start, base_end)} at "
                f"{_between(base, amounts[stated_base.amount].unit)}, not '{amounts[stated_base.amount].text}'")))
        # the total's change
        total_change = slot.get(("total", "change"))
        if total_change is not None and total_change.trade.basis == basis and base.low > 0:
            stated_total = _level(slot["total", "level"], amounts) if ("total", "level") in slot \
                and amounts[slot["total", "level"].amount].unit == unit else None
            implied = _total_change([_level(l, amounts) for l in levels],
                                    [_change(c, amounts, slack=0.0) for c in changes], stated_total)
            stated = _change(total_change, amounts)
            if not stated.overlaps(implied):
                out.append(Consistency(claims=[total_change.id, *(c.id for c in involved)], explanation=(
                    f"the two flows' levels and changes make the total's change {implied.low:+.1f}% to "
                    f"{implied.high:+.1f}%, not '{amounts[total_change.amount].text}'")))
    return out


def _total_change(levels: list[Interval], changes: list[Interval], total: Interval | None) -> Interval:
    """The range of a two-way total's percent change over every value the flows' wording allows.

    The total's change is the flows' changes averaged with their base levels as weights, so one flow's
    level sits in both the total and its base: bounding the two apart (the low total over the high
    base) would allow changes no pair of values gives. The change is monotonic in each input, so its
    extremes lie at the corners of the box of inputs; a stated total is one more input, beside the
    flows' own sum (a stated total the flows do not add up to is a finding of its own, not a second
    one here: the change may have been computed from either)."""
    totals = [total.low, total.high, None] if total is not None else [None]
    values = []
    for level_a, level_b, change_a, change_b, stated in product(
            (levels[0].low, levels[0].high), (levels[1].low, levels[1].high),
            (changes[0].low, changes[0].high), (changes[1].low, changes[1].high), totals):
        if change_a <= -100 or change_b <= -100:
            continue
        base = level_a / (1 + change_a / 100) + level_b / (1 + change_b / 100)
        values.append(((level_a + level_b if stated is None else stated) / base - 1) * 100)
    return Interval(min(values), max(values)) if values else Interval(float("-inf"), float("inf"))


def _level(claim: Claim, amounts) -> Interval:
    return stated_interval(amounts[claim.amount])


def _change(claim: Claim, amounts, slack: float | None = None) -> Interval:
    """A stated percent change as a signed interval of percentage points; ``slack`` widens it
    (default: the rules' tolerance for changes)."""
    a = amounts[claim.amount]
    sign = -1 if a.change == "down" else 1
    width = (a.precision or 0) + (phrases()["close_points_changes"] if slack is None else slack)
    if a.bound == "approx":
        width = max(width, phrases()["hedge_share"] * a.value)
    return Interval(sign * a.value - width, sign * a.value + width)


def _base(level: Interval, change: Interval) -> Interval | None:
    """The level a period earlier, from a level and the change that led to it."""
    low, high = 1 + change.high / 100, 1 + change.low / 100
    if high <= 0:
        return None
    return Interval(level.low / low, level.high / high)


def _between(interval: Interval, unit: str) -> str:
    return f"{money(interval.low, unit)} to {money(interval.high, unit)}"


def _phrase(claim: Claim, duration: Period) -> str:
    words = "highest" if claim.comparison.relation.startswith("highest") else "lowest"
    return f"{words} in {duration.text}"
