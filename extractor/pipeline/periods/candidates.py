"""The rule table (one regular expression per construction, each with its resolver), the
filters that reject a match from its tokens ("May" the modal, ages, "$500 a month"), and
spaCy DATE entities used as hints.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cache
from itertools import chain
from typing import Callable, Iterator, Optional

from spacy.tokens import Doc

from ..lexicon import load_table
from .anaphora import (
    _resolve_anaphoric_demonstrative,
    _resolve_anaphoric_shift,
    _resolve_anaphoric_unit,
    _resolve_anaphoric_weekday,
    _resolve_day_before,
    _resolve_day_count,
    _resolve_day_next_to_weekday,
    _resolve_day_word,
    _resolve_last_years_quarter,
    _resolve_part_of_anaphoric_year,
    _resolve_report_period,
    _resolve_period_of_n_months,
    _resolve_same_period,
    _resolve_weekday,
    _resolve_year_earlier,
)
from .anchors import _cal, _Candidate, _Context, _month_span
from .dates import (
    _dateparser_absolute,
    _resolve_bare_year,
    _resolve_century,
    _resolve_day_range,
    _resolve_span_of_days,
    _resolve_bracketed_span_of_days,
    _resolve_year_to_date,
    _resolve_days_of_month,
    _resolve_half_of_month,
    _resolve_roman_quarter,
    _resolve_decade,
    _resolve_deictic,
    _resolve_deictic_month,
    _resolve_first_n_units,
    _resolve_holiday,
    _resolve_iso_date,
    _resolve_month_of_year,
    _resolve_month_range,
    _resolve_start_of_year_to_month,
    _resolve_month_year,
    _resolve_ordinal_month,
    _resolve_months_to,
    _resolve_months_to_a_year_end,
    _resolve_year_through_month,
    _resolve_month_to_a_recent_day,
    _resolve_quarter_to_last_month,
    _resolve_quarter_to_month,
    _resolve_named_half,
    _resolve_named_quarter,
    _resolve_quarter_year_earlier,
    _resolve_numeric_date,
    _resolve_period_ended,
    _resolve_season,
    _resolve_spoken_year,
    _resolve_the_weekend,
    _resolve_week_of,
    _resolve_written_day,
    _resolve_year_range,
)
from .fiscal import resolve_deictic_fiscal_year, resolve_first_months_of_fiscal_year, resolve_fiscal_half, resolve_fiscal_half_of_year, resolve_fiscal_quarter_of_the_year, resolve_fiscal_months, resolve_fiscal_quarter, resolve_fiscal_year, resolve_months_of_split_year, resolve_split_year, resolve_year_through_fiscal_month, resolve_year_to_month
from .durations import _resolve_duration, _resolve_duration_range, _resolve_streak, _resolve_vague_duration
from .patterns import (
    YEAR_TO_DATE,
    AMBIGUOUS_MONTHS,
    BOUND,
    DAY_WORDS,
    DAYN,
    HOLIDAY,
    MON,
    MONTHS,
    NUM,
    OFYEAR,
    ORD,
    PART,
    SEASON,
    SET_CUES,
    SPAN_MODIFIERS,
    UNIT,
    UNIT_GAP,
    VAGUE,
    WDAY,
    YEAR,
    YEAR_NOUN_BLOCKERS,
    B,
    E,
    _alt,
    first_character_class,
    folded,
    may_match,
    required_strings,
)

# --- patterns. Order matters only on ties of length (earlier wins).
_RULES: list[tuple[str, re.Pattern, Callable]] = []
#: per rule, the one-character pattern its matches open with ("" for nearly any; see _rule)
_OPENINGS: list[str] = []


def _rule(name: str, pattern: str, resolver: Callable) -> None:
    # a lookahead on the characters a match can open with (first_character_class): it only speeds
    # the scan, the rule matches where it did without it; and every match starts where it holds
    opening = first_character_class(B + pattern + E, re.IGNORECASE)
    _RULES.append((name, re.compile(B + (f"(?={opening})" if opening else "") + pattern + E, re.IGNORECASE), resolver))
    _OPENINGS.append(opening)


_rule("iso_date", r"(?P<y>" + YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])", _resolve_iso_date)
_rule("numeric_date", r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d\d", _resolve_numeric_date)
_rule("written_day", r"(?:(?P<rel>last|next|this)\s+)?(?:" + WDAY + r",?\s+)?(?P<mon>" + MON + r")\s+(?P<day>" + DAYN
      + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?", _resolve_written_day)  # 'last Oct. 23': the latest one before publication
_rule("written_day", r"(?:" + WDAY + r",?\s+)?(?:the\s+)?(?P<day>" + DAYN + r")\s+(?:of\s+)?(?P<mon>" + MON
      + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?", _resolve_written_day)
# "July-March 2023-24", "Jul-Feb FY2018-19" (South Asian fiscal copy): the months of a fiscal year
# written by its two years (longer than 'July-March 2023', so chosen over it)
_rule("fiscal_month_range", r"(?:from\s+)?(?:the\s+)?(?P<mon>" + MON + r")\s*(?:-|–|—|to|through)\s*(?P<mon2>" + MON
      + r")(?:\s+period)?\s*,?\s+(?:of\s+)?(?:FY\s?)?(?P<y1>" + YEAR + r")\s*[-–/]\s*(?:(?P<y2>" + YEAR + r")|(?P<y2s>\d\d(?!\d)))",
      resolve_months_of_split_year)   # ('the July-June period of 2019/20' too)
# ('from mid-August to mid-December': Nepali copy writes its year's months by their middles; 'from July till
# April', South Asian copy's fiscal year to date)
_rule("month_range", r"(?:from\s+)?(?:the\s+)?(?:(?P<mid>mid-\s?)(?=" + MON + r"\s*(?:to|through|until|-|–)\s*mid-))?(?P<mon>" + MON + r")\s*(?:[-–—]\s*(?:to|through|until)\s*[-–—]|-|–|—|(?:(?:right|all\s+the\s+way)\s+)?(?:through\s+to|to|through|until|till))\s*(?:mid-\s?|the\s+end\s+of\s+)?(?P<mon2>" + MON
      + r")(?:(?:\s+period)?(?:,?\s+(?:of\s+|in\s+)?(?:(?P<yr>" + YEAR + r")|(?P<ryr>(?:the\s+)?(?:this|last|previous|prior)"
      + r"\s+year)))|\s+period)?", _resolve_month_range)   # 'March to September last year' too
_rule("year_start_range", r"from\s+the\s+(?:beginning|start)\s+of\s+(?:(?P<yr>" + YEAR + r")|(?:the|this)\s+year)\s*,?\s+"
      r"(?:to|through|until|till|up\s+to)\s+(?:the\s+(?:end|middle)\s+of\s+)?(?P<mid>mid-\s?)?(?P<mon2>" + MON + r")",
      _resolve_start_of_year_to_month)
# "from July 2020 to April 2021", "January 2019-March 2020": a run of months across years, each end with
# its own year (a statistics office's fiscal or rolling total); one range, as "from January to April"
_rule("month_range", r"(?:from\s+)?(?P<mon>" + MON + r")\s*,?\s+(?P<y1>" + YEAR + r")\s*(?:-|–|—|to|through|until|till)\s*(?P<mon2>"
      + MON + r")\s*,?\s+(?P<yr>" + YEAR + r")", _resolve_month_range)
# "between January 2023 and February 2023": each end with its year
_rule("month_range", r"between\s+(?P<mon>" + MON + r")\s*,?\s+(?P<y1>" + YEAR + r")\s+and\s+(?P<mon2>" + MON
      + r")\s*,?\s+(?P<yr>" + YEAR + r")", _resolve_month_range)
_rule("month_range", r"between\s+(?P<mid>mid-\s?)?(?P<mon>" + MON + r")\s+and\s+(?:mid-\s?)?(?P<mon2>" + MON
      + r")(?:,?\s+(?:of\s+)?(?:(?P<yr>" + YEAR + r")|(?P<ryr>(?:the\s+)?(?:this|last|previous|prior)\s+year)))?",
      _resolve_month_range)   # "between February and October last year" too
# "exports in April and May", "in Jan., Feb.": two months one preposition governs are read
# together (the figure is for both); only consecutive ones (see _keep_candidate)
# ... unless the sentence pairs them off with figures ("$4.1 million and $2.9 million in April and May,
# respectively": each month its own)
# (a decimal point is no sentence end: "fell 3.1% and 4.6%, respectively")
_RESPECTIVELY_AHEAD = r"(?!(?:[^.;\n]|(?<=\d)\.(?=\d))*\brespectively\b)"
_rule("month_range", r"(?<=\bin\s)(?P<mon>" + MON + r"),?\s*(?:and|&|,)\s*(?P<mon2>" + MON
      + r")(?:,?\s+(?P<yr>" + YEAR + r"))?" + _RESPECTIVELY_AHEAD, _resolve_month_range)
# "September 16-19", "Oct. 3 to 5"; "April 24 and 25" (two days, TimeML's two TIMEX3s, one range here)
_rule("day_range", r"(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")(?:\s*(?:-|–|to|through)\s*|\s+and\s+)(?P<day2>" + DAYN
      + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?", lambda ctx, cand, m: _resolve_day_range(ctx, cand, m))
# "year-to-date", "so far this year", "this year so far", "so far in 2019": the year from its start to the
# latest month the text has reported (before the year's and the deictic rules, which read its words alone)
_rule("year_to_date", YEAR_TO_DATE, _resolve_year_to_date)
# "from January until last week", "In November, up until last week": a month to a recent day (to date)
_UNTIL_A_RECENT_DAY = r"\s+(?:until|till|to|through|up\s+to|up\s+until)\s+(?P<rel>last\s+week|yesterday|this\s+week|today)\b"
_rule("month_to_recent", r"from\s+(?P<mon>" + MON + r")" + _UNTIL_A_RECENT_DAY, _resolve_month_to_a_recent_day)
_rule("month_to_recent", r"(?<=\bin\s)(?P<mon>" + MON + r")\s*,?\s+up" + _UNTIL_A_RECENT_DAY, _resolve_month_to_a_recent_day)
# "year-to-date through February", "year to date to the end of March": January to the month named (not
# "the year through March" nor "the year to March", below: a fiscal year or twelve months in some copy)
_rule("year_to_date_month", r"(?:the\s+)?year[\s\-–—]+to[\s\-–—]+date\s+(?:through|thru|to|until|till|ending|ended)\s+"
      r"(?:the\s+end\s+of\s+)?(?P<mon>" + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?", _resolve_year_through_month)
# "1 January to 31 August 2016", "from Jan. 1 through June 30, 2021", "between 1 April 2020 and 31 March 2021"
_SPAN_OF_DAYS_DM = (r"(?P<day>" + DAYN + r")\s+(?P<mon>" + MON + r")(?:\s+(?P<yr>" + YEAR + r"))?\s*{joiner}\s*"
                    + r"(?P<day2>" + DAYN + r")\s+(?P<mon2>" + MON + r")\s*,?\s+(?P<yr2>" + YEAR + r")")
_SPAN_OF_DAYS_MD = (r"(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")(?:\s*,\s*(?P<yr>" + YEAR + r"))?\s*{joiner}\s*"
                    + r"(?P<mon2>" + MON + r")\s+(?P<day2>" + DAYN + r")\s*,\s*(?P<yr2>" + YEAR + r")")
# "the first three months of the Iranian year (March 21-June 21)": the days a bracket gives a period
_rule("bracketed_span_of_days", r"(?<=\()\s*(?P<mon>" + MON + r")\s+(?P<day>\d{1,2})\s*(?:-|–|to|through)\s*(?P<mon2>" + MON
      + r")\s+(?P<day2>\d{1,2})(?=\s*\))", _resolve_bracketed_span_of_days)
for _shape in (_SPAN_OF_DAYS_DM, _SPAN_OF_DAYS_MD):
    _rule("span_of_days", _shape.format(joiner=r"(?:-|–|to|through|until)"), _resolve_span_of_days)
    _rule("span_of_days", r"between\s+" + _shape.format(joiner="and"), _resolve_span_of_days)
_rule("month_year", r"(?:" + PART + r")?(?P<mon>" + MON + r")\s*,?\s+(?:of\s+)?(?P<yr>" + YEAR + ")", _resolve_month_year)
_rule("month_of_year", r"(?P<mon>" + MON + r")" + OFYEAR, lambda ctx, cand, m: _resolve_month_of_year(ctx, cand, m))
_rule("month", r"(?:" + PART + r")?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<mon>" + MON + r")", _resolve_deictic_month)
# "the third quarter"; "the third-quarter results": the hyphenated modifier without the noun's article
_NOT_A_MODIFIER = r"(?![\w.]+-(?:fiscal-)?(?:quarter|half)\b)"
# a fiscal year a part of it is 'of': 'FY23', 'fiscal 2024', 'the fiscal year 2022-23'
_OF_A_FISCAL_YEAR = (r"\s+(?:of\s+)?(?:FY\s?(?:(?P<yr>" + YEAR + r")|(?P<yy>\d\d))(?![\d/–-])|(?:fiscal|financial)\s+(?:year\s+)?(?P<yr2>"
                     + YEAR + r")(?!\s*[-–/]\s*\d)|(?:the\s+)?(?:fiscal|financial)\s+year\s+(?P<y1>" + YEAR
                     + r")\s*[-–/]\s*(?P<y2s>\d\d(?:\d\d)?)"
                     # ('the first quarter of the current fiscal year': the one around publication)
                     r"|(?:the\s+)?(?P<rel>current|this|last|previous|next|coming)\s+(?:fiscal|financial)\s+year"
                     r"(?![\s(]*(?:\d|FY)))")
# 'Q1 of FY23', 'the third quarter of fiscal 2024', 'the first quarter of the fiscal year 2022-23', 'the
# second quarter of the current fiscal year': a quarter of a fiscal year, counted from the year's first month in its state's calendar
_rule("fiscal_quarter", r"(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
      + _OF_A_FISCAL_YEAR, resolve_fiscal_quarter)
# 'the first half of fiscal 2019', 'H2 of FY24': a half of a fiscal year, in its state's calendar
_rule("fiscal_half_of_year", r"(?:H(?P<h>[12])|(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half)" + _OF_A_FISCAL_YEAR,
      resolve_fiscal_half_of_year)
_rule("quarter", r"(?:the\s+" + _NOT_A_MODIFIER + r")?(?P<ord>" + ORD + r"|final|last)[\s-]+(?:fiscal\s+)?quarter" + OFYEAR + "?",
      _resolve_named_quarter)
# "in the II quarter of 2019", "the III quarter" (Russian and Central Asian copy): Roman numerals, as written
_rule("quarter", r"the\s+(?-i:(?P<rom>I|II|III|IV))\s+quarter" + OFYEAR + "?", _resolve_roman_quarter)
_rule("quarter", r"(?-i:(?P<rom>I|II|III|IV))\s+quarter" + OFYEAR, _resolve_roman_quarter)
# "the first and second quarters", "the first, second and third quarters", "the first and second
# halves": a period each, one noun
_rule("quarter", r"(?:the\s+)?(?P<ord>" + ORD + r")(?=(?:\s*,\s*(?:the\s+)?(?:" + ORD + r"))*\s*,?\s+and\s+(?:the\s+)?(?:"
      + ORD + r")[\s-]+quarters\b)", _resolve_named_quarter)
_rule("quarter", r"(?<=and\s)(?:the\s+)?(?P<ord>" + ORD + r"|final|last)[\s-]+quarters" + OFYEAR + "?", _resolve_named_quarter)
_rule("half", r"(?:the\s+)?(?P<ord>first|1st)(?=\s+and\s+(?:the\s+)?(?:second|2nd)[\s-]+halves\b)", _resolve_named_half)
_rule("half", r"(?<=and\s)(?:the\s+)?(?P<ord>second|2nd)[\s-]+halves" + OFYEAR + "?", _resolve_named_half)
# "the 1988 third quarter", "this year's second quarter": the year written before the quarter
_rule("quarter", r"(?:the\s+)?(?:(?P<yr>" + YEAR + r")|(?P<ryr>(?:this|last|next)\s+year)['’]s)\s+(?P<ord>" + ORD
      + r"|final|last)[\s-]+(?:fiscal\s+)?quarter", _resolve_named_quarter)
_rule("quarter", r"Q(?P<q>[1-4])(?:(?:\s+|-|/|\s+of\s+)(?:(?P<yr>" + YEAR + r")|'(?P<yy>\d\d))|['’](?:(?P<yr2>" + YEAR
      + r")|(?P<yy2>\d\d)))?", _resolve_named_quarter)   # "Q1'24" too
# "QTR 1, 2017", "Qtr. 3 2019", "Quarter 2 of 2021": the quarter by its number after the (abbreviated) word
_rule("quarter", r"(?-i:QTR|Qtr\.?|Quarter)\s*(?P<q>[1-4])(?!\d)(?:(?:\s*,\s*|\s+|\s+of\s+)(?P<yr>" + YEAR + r"))?",
      _resolve_named_quarter)
# "1Q'2023", "3Q 2022", "2Q23" (Asian wire and brokerage copy)
_rule("quarter", r"(?P<q>[1-4])Q(?:(?:['’]|\s+)?(?P<yr>" + YEAR + r")|['’]?(?P<yy>\d\d)(?!\d))?", _resolve_named_quarter)
_rule("quarter", r"(?P<yr>" + YEAR + r")\s*-?Q(?P<q>[1-4])", _resolve_named_quarter)
# 'the 1st semester of 2018': Latin American and Philippine statistics offices say semester for half
_rule("half", r"(?:the\s+" + _NOT_A_MODIFIER + r")?(?P<ord>first|second|1st|2nd|latter)[\s-]+(?:half|semester)" + OFYEAR + "?",
      _resolve_named_half)
_rule("half", r"(?:the\s+)?(?P<ord>last)\s+half" + OFYEAR, _resolve_named_half)  # 'the last half of 2024', not of a match
_rule("half", r"H(?P<h>[12])(?:\s+(?P<yr>" + YEAR + r"))?", _resolve_named_half)
_rule("half", r"(?P<yr>" + YEAR + r")\s*H(?P<h>[12])", _resolve_named_half)
_rule("half", r"(?P<h>[12])H(?:\s+(?P<yr>" + YEAR + r"))?", _resolve_named_half)   # 'in 1H', '2H 2024' (Asian wire copy)
# ('the three-month period ending February 2017', 'the 12 months ended in June', 'the nine months to
# the end of September')
_rule("months_to", r"(?:the\s+)?(?P<n>" + NUM + r")(?:\s+months|[\s-]+month\s+period)\s+(?:to|through|ending|ended)"
      r"\s+(?:in\s+|the\s+end\s+of\s+)?(?:end-)?(?P<mon>" + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?", _resolve_months_to)
# "the six months to the end of 2019", "the 12 months ended December 2023" is above: the months
# ending with the year's last
_rule("months_to", r"(?:the\s+)?(?P<n>" + NUM + r")(?:\s+months|[\s-]+month\s+period)\s+(?:to|through|ending|ended)"
      r"\s+the\s+end\s+of\s+(?P<yend>" + YEAR + r")", _resolve_months_to_a_year_end)
# a quarter named by its last month (Australian, New Zealand and company copy): "the June quarter",
# "the September quarter of 2022", "the quarter to March"
_rule("quarter_to_month", r"the\s+(?P<mon>" + MON + r")\s+quarter(?:\s+(?:of\s+)?(?P<yr>" + YEAR + r"))?",
      _resolve_quarter_to_month)
# (Stats NZ's and the ABS's own form: the year between, "the December 2005 quarter")
_rule("quarter_to_month", r"the\s+(?P<mon>" + MON + r")\s+(?P<yr>" + YEAR + r")\s+quarter", _resolve_quarter_to_month)
_rule("quarter_to_month", r"the\s+quarter\s+(?:to|ended|ending|through)\s+(?:in\s+)?(?:end-)?(?P<mon>" + MON
      + r")(?!\s+" + DAYN + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?", _resolve_quarter_to_month)
# "the quarter ended last month": the three months ending with the month before publication
_rule("quarter_to_month", r"the\s+(?:quarter|three\s+months)\s+(?:to|ended|ending|through)\s+last\s+month",
      _resolve_quarter_to_last_month)
# a financial report's period named by its last day: 'the year ended March 31', 'the six months
# ended Aug. 12', 'the quarter ending Sept. 30, 2024'
_rule("period_ended", r"(?:the|its)\s+(?:(?P<n>" + NUM + r")\s+(?P<unit>months|weeks)|(?P<unit1>(?:fiscal\s+)?year|quarter))"
      r"\s+(?:ended|ending)\s+(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?",
      _resolve_period_ended)
# a year named by its last month: 'the year ended June', 'the fiscal year that ended in March' ('the year to
# November' is also a month's change on a year before in British copy, so only a fiscal year counts with 'to')
_rule("year_to_month", r"(?:(?:the\s+)?(?:fiscal|financial)\s+year\s+(?:that\s+|which\s+)?(?:ended|ending|to|through)|"
      r"the\s+year\s+(?:that\s+|which\s+)?(?:ended|ending))\s+"
      r"(?:in\s+)?(?P<mon>" + MON + r")(?:\s+(?P<day>" + DAYN + r"))?(?:\s*,?\s+(?P<yr>" + YEAR + r"))?",
      resolve_year_to_month)
# 'the year through March' in a Japanese story is its fiscal year; in US copy 'the year through August' is
# the year so far, and in New Zealand's the twelve months to April: only the state's own last month says
_rule("year_to_month", r"the\s+year\s+through\s+(?P<mon>" + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?",
      resolve_year_through_fiscal_month)
# New Zealand and Australian statistics name a year by its last month: "the June 2019 year", "in the
# October year" (Stats NZ's "year ended October")
_rule("year_to_month", r"the\s+(?P<mon>" + MON + r")(?:\s+(?P<yr>" + YEAR + r"))?\s+year(?!s|-|\s+(?:on|earlier|before|ago|ahead))",
      resolve_year_to_month)
# "the week of March 6": the (ISO) week that day falls in, the day's year as a day-month's
_rule("week_of", r"the\s+week\s+of\s+(?P<mon>" + MON + r")\s+(?P<day>" + DAYN + r")(?:\s*,?\s+(?P<yr>" + YEAR + "))?",
      _resolve_week_of)
_rule("holiday", r"(?:the\s+)?(?P<hol>" + HOLIDAY + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?", _resolve_holiday)
_rule("the_weekend", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bat\s))the\s+weekend", _resolve_the_weekend)
# "the 10 days of May", "the 20 days of this month" (Korean customs' early counts): the first ones
_rule("days_of_month", r"(?:the\s+(?:(?P<edge>first|last|final)\s+)?|(?P<edge2>first|last|final)\s+)(?P<n>" + NUM + r")\s+days?\s+of\s+(?:(?P<rel>this|last|next)\s+month"
      r"|(?:the|that)\s+month|(?P<mon>" + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?)", _resolve_days_of_month)
# "the first half of May": the month's first fifteen days (longer than 'the first half', so chosen)
_rule("half_of_month", r"(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<rel>this|last|next)\s+month"
      r"|(?P<mon>" + MON + r")(?:\s*,?\s+(?P<yr>" + YEAR + r"))?)\b", _resolve_half_of_month)
# 'the first month of fiscal year 2025-26', 'the first 10 months of the current fiscal year': the
# first months of a fiscal year (longer than a plain 'the first 10 months', so chosen over it)
# ('the first9 months', 'first ten month of FY2021-22', 'of current fiscal': copy's slips, read as meant)
# ('the first three quarters of the current fiscal year': its first nine months)
_rule("fiscal_months", r"(?:the\s+)?first\s*(?:(?P<n>" + NUM + r")\s*months?|month|(?P<nq>two|three|2|3)\s+quarters)\s+of\s+(?:the\s+)?(?:"
      r"(?:(?:fiscal|financial)\s+year\s+|FY\s?(?=" + YEAR + r"\s*[-–/]))(?:(?P<y1>" + YEAR + r")\s*[-–/]\s*(?:(?P<y2>" + YEAR
      + r")|(?P<y2s>\d\d(?!\d)))|(?P<yr>" + YEAR + r"))|FY\s?(?P<yy>\d\d)(?![\d/–-])"
      # ('of current fiscal year (2020-21)': the year the brackets name)
      r"|(?P<rel>current|this|last|previous|next|coming)\s+(?:fiscal|financial)(?:\s+year|(?=\s*[.,;:)!?]|\s*$))"
      r"(?:\s*\(\s*(?P<by1>" + YEAR + r")\s*[-–/]\s*(?P<by2>\d\d(?:\d\d)?)\s*\))?"
      # ('the first 7 months of the financial year': the one running at publication)
      r"|(?P<running>(?:fiscal|financial)\s+year)(?![\s-]*(?:\d|FY)))", resolve_first_months_of_fiscal_year)
# ("the first 11months": a digit glued to 'months', the space a typo drops)
_rule("first_n", r"(?:the\s+)?(?P<edge>first|opening|initial|last|final|past|previous)\s+(?P<n>" + NUM
      + r")(?:\s+|(?<=\d)(?=months\b))" + SPAN_MODIFIERS + r"(?P<unit>months|quarters|weeks|days|years)" + OFYEAR + "?",
      _resolve_first_n_units)
_rule("first_n", r"(?:the\s+)?(?P<edge>first|last|final)\s+(?P<unit>month)" + OFYEAR, _resolve_first_n_units)  # 'the first month of this year'
# "the fourth month of 2017", "the third month of the year": that month (the first's is the rule above);
# 'of' written, as "the fifth month this year in which sales fell" counts months, naming none
_rule("ordinal_month", r"(?:the\s+)?(?P<ord>" + ORD + r")\s+month\s+of\s+(?:(?:the\s+year\s+)?(?P<yr>" + YEAR
      + r")|(?P<ryr>(?:the\s+)?(?:this|last|previous|current)\s+year|the\s+year))", _resolve_ordinal_month)


# 'in the seven months of 2022', 'the five months of the current year' (wire copy drops 'first'):
# the months of a year so far are its first ones
_rule("first_n", r"the\s+(?P<n>" + NUM + r")\s+(?P<unit>months)\s+of\s+(?:(?:the\s+year\s+)?(?P<yr>" + YEAR
      + r")|(?P<ryr>(?:the\s+)?(?:this|current)\s+year))", lambda ctx, cand, m: _resolve_first_n_units(ctx, cand, m, edge="first"))
# ('$7.5 billion in seven months this year', 'the five months this year': 'of' dropped too)
_rule("first_n", r"(?:(?<=\bin\s)|the\s+)(?P<n>" + NUM + r")\s+(?P<unit>months)\s+(?P<ryr>this\s+year)",
      lambda ctx, cand, m: _resolve_first_n_units(ctx, cand, m, edge="first"))
# "2M/2023", "in 5M/2022": the first N months of a year, as Vietnamese and Chinese industry copy writes them
_rule("first_n", r"(?P<n>(?:1[0-2]|[1-9]))(?P<unit>M)\s?/\s?(?P<yr>" + YEAR + r")",
      lambda ctx, cand, m: _resolve_first_n_units(ctx, cand, m, edge="first"))
_rule("year_range", r"(?:from\s+)?(?P<y1>" + YEAR + r")(?:\s*(?:-|–|to|through)\s*(?P<y2>" + YEAR
      + r")|[-–/](?P<y2s>\d\d(?!\d)))", resolve_split_year)
# a pair of years that says it is a fiscal one: 'FY2022-23', 'fiscal 2023/24', 'the 2022-23 financial year'
_rule("year_range", r"(?P<fw>(?:fiscal|financial)(?:\s+year)?\s+|FY\s?)(?P<y1>" + YEAR + r")\s*[-–/]\s*(?:(?P<y2>" + YEAR
      + r")|(?P<y2s>\d\d(?!\d)))", resolve_split_year)
_rule("year_range", r"(?:the\s+)?(?P<y1>" + YEAR + r")\s*[-–/]\s*(?:(?P<y2>" + YEAR + r")|(?P<y2s>\d\d(?!\d)))\s+"
      r"(?P<fw>fiscal|financial)\s+year", resolve_split_year)
_rule("year_range", r"between\s+(?P<y1>" + YEAR + r")\s+and\s+(?P<y2>" + YEAR + ")", _resolve_year_range)
_rule("decade", r"(?:the\s+)?(?:" + PART + r")?(?P<dec>(?:1[89]|20)\d0|'\d0)s", _resolve_decade)
# "the nineties", "the early eighties": a decade of the 1900s spelled out (broadcast copy); not
# "in their forties" (an age: no article)
_rule("decade", r"the\s+(?:" + PART + r")?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
      _resolve_decade)
_rule("century", r"(?:the\s+)?(?P<c>" + ORD + r"|\d{1,2}(?:st|nd|rd|th))[\s-]+century", _resolve_century)
_rule("fiscal_year", r"(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)(?P<yr>" + YEAR + ")", resolve_fiscal_year)
_rule("fiscal_year", r"FY\s?(?P<yy>\d\d)(?![\d/–-])", resolve_fiscal_year)   # 'FY23'
# Pakistani copy: '7MFY25', '6MFY24' (the first seven, six months of that fiscal year)
_rule("fiscal_year", r"(?P<n>1[0-2]|[1-9])M\s?FY\s?(?:(?P<yr>" + YEAR + r")|(?P<yy>\d\d))(?![\d/–-])", resolve_fiscal_months)
# 'the fiscal first half', 'the first half of the fiscal year' (Japanese copy): the last such half ended
# "the first quarter of the fiscal year", no year written: the state's fiscal quarter last ended
_rule("fiscal_quarter", r"(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+the\s+"
      r"(?:current\s+)?(?:fiscal|financial)\s+year(?![\s,(]+(?:of\s+)?(?:\d|FY))", resolve_fiscal_quarter_of_the_year)
_rule("fiscal_half", r"(?:the\s+)?(?:fiscal\s+(?P<ord>first|second)\s+half|(?P<ord2>first|second)\s+half\s+of\s+the\s+"
      r"(?:current\s+)?fiscal\s+year)(?![\s,]+(?:of\s+)?\d)", resolve_fiscal_half)
_rule("fiscal_year", r"(?:the\s+)?(?P<yr>" + YEAR + r")\s+(?:fiscal|financial)\s+year", resolve_fiscal_year)
_rule("year", r"(?:" + PART + r")?(?P<yr>" + YEAR + r")(?!\s*[-–]?\s*year)", _resolve_bare_year)
# broadcast transcripts spell years out: 'nineteen ninety-six', 'the year two thousand'
_rule("spoken_year", r"(?:the\s+year\s+)?(?:(?P<century>nineteen|twenty)[\s-]+(?P<decade>(?:twenty|thirty|forty|fifty|sixty|"
      r"seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
      r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?-i:the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(?P<unit>"
      r"one|two|three|four|five|six|seven|eight|nine|ten))?)(?![\w-])", _resolve_spoken_year)
_rule("season", r"(?:" + PART + r")?(?:(?:the\s+)?(?P<rel>last|this|next|past|coming)\s+)?(?P<season>" + SEASON
      + r")(?:\s+(?:of\s+)?(?P<yr>" + YEAR + r"))?", _resolve_season)
# "the current fiscal year", "last fiscal year": the state's fiscal year around publication
# ('in the previous fiscal', 'exports last fiscal, when ...': Indian copy leaves out 'year')
_rule("fiscal_year", r"(?:the\s+)?(?P<rel>last|this|current|previous|next|coming)\s+(?:fiscal(?:\s+year\b|(?=\s*[.,;:)!?]|\s*$|"
      r"\s+(?:when|as|and|while|against|compared|over|from|to|in|on)\b))|financial\s+year\b)", resolve_deictic_fiscal_year)
# "earlier this year", "later last year": the part of the year before (after) publication; TimeML's
# TIMEX3 spans it (TimeBank writes 'earlier this year' as one expression, 'earlier this week' mostly not)
_rule("deictic", r"(?:" + PART + r"|(?P<side>earlier|later)\s+(?=(?:this|last|next)\s+year\b))?(?P<the>the\s+)?"
      r"(?P<rel>last|this|next|past|previous|prior|preceding|following|coming|current)"
      r"\s+(?P<unit>week|weekend|month|quarter|year|fiscal\s+year|decade|century)", _resolve_deictic)
# the financial report's own periods: 'the quarter', 'the latest quarter', 'the latest period',
# 'the full year', 'the fiscal year', 'for the year'; and the same a year before: 'the year-earlier
# quarter', 'the year-ago period', 'year-earlier' (as a modifier)
_rule("report_period", r"the\s+(?:(?P<mod>latest|current|most\s+recent|full|fiscal)\s+)?(?P<unit>quarter|year|fiscal\s+year)"
      r"(?![-\w])(?!\s+(?:(?:before|earlier|ago|prior|of|in|after|later)\b|end))"
      # 'the quarter to June' is a span; 'grew in the quarter to $3 billion', 'the latest quarter to reach'
      # name the quarter (not 'earlier in the year to beat the tariffs')
      r"(?(mod)(?!\s+to\s+(?:date|end|the\s+end|" + MON + r"|\d))|(?!\s+to\s+(?![$€£¥]|\d)))", _resolve_report_period)
_rule("report_period", r"the\s+(?P<mod>latest|most\s+recent)\s+(?P<unit>period)", _resolve_report_period)
# "the year-earlier third quarter": that quarter, a year before the one the text reports
_rule("quarter_year_earlier", r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)\s+(?P<ord>" + ORD
      + r"|final|last)[\s-]+(?:fiscal\s+)?quarter", _resolve_quarter_year_earlier)
_rule("year_earlier", r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)(?:\s+(?P<unit>quarter|period|month|year|results|levels?))?"
      r"|the\s+(?:comparable\s+)?year\s+(?:earlier|ago)\s+(?P<unit2>quarter|period)", _resolve_year_earlier)
# the same with the year after the noun: 'the quarter a year ago'; 'last year's quarter' is the
# report's quarter in the year before publication
_rule("year_earlier", r"the\s+(?P<unit>quarter|period)\s+a\s+year\s+(?:earlier|ago|before)", _resolve_year_earlier)
_rule("year_earlier", r"last\s+year['’]s\s+(?P<unit>quarter|period)", _resolve_last_years_quarter)
# "from the previous Friday", "the following Monday": that weekday before (after) the day the text is about
_rule("anaphoric_weekday", r"the\s+(?P<rel>previous|preceding|following)\s+(?P<wd>" + WDAY + r")", _resolve_anaphoric_weekday)
_rule("day_before", r"the\s+day\s+(?P<dir>before|after)", _resolve_day_before)
# "the day before last Tuesday('s hearing)": the day next to a weekday, one expression
_rule("day_before", r"the\s+day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?(?P<wd>" + WDAY + r")(?!\w)",
      _resolve_day_next_to_weekday)
_rule("anaphoric_unit", r"the\s+(?P<unit>month|quarter|year|week)\s+(?P<dir>before|prior|earlier)",
      lambda ctx, cand, m: _resolve_anaphoric_unit(ctx, cand, -1, m["unit"].lower()))
_rule("anaphoric_shift", r"(?:(?P<bound>" + BOUND + r")\s+)?(?P<n>" + NUM + r")\s+(?P<unit>" + UNIT + r")(?:\s+or\s+so)?\s+(?P<dir>earlier|ago|later|prior|previously"
      r"|before(?=\s*(?:[,.;:)]|$|and\b|but\b|when\b)))(?!\s+than\b)", _resolve_anaphoric_shift)
# (the article dropped after a preposition, as copy from Asia often writes it: "from same month last year")
_rule("same_period", r"(?:the\s+|(?<=\bin\s)|(?<=\bfrom\s)|(?<=\bover\s)|(?<=\bwith\s)|(?<=\bthan\s)|(?<=\bon\s)|(?<=\bto\s))"
      r"(?:same|corresponding|comparable|like)\s+(?P<what>period|month|quarter|week|day|time|season|months)(?:\s+(?:of|in|a))?\s*"
      # ("the same period of the last fiscal year": of the year before, whatever calendar the year keeps)
      r"(?:(?:a\s+year\s+(?:earlier|ago|before))|(?:the\s+)?(?:last|previous|prior)\s+(?:(?:fiscal|financial)\s+year|FY|year)"
      r"|the\s+year\s+before"
      r"|(?P<yr>" + YEAR + r"))", _resolve_same_period)
# "compared to $369 million in the comparison period", "against $2 billion in the corresponding period":
# with no year written, the base of a comparison of levels is the same period a year earlier
_rule("same_period", r"the\s+(?:comparison|corresponding|comparable)\s+(?P<what>period|month|quarter)"
      r"(?!\s+(?:of|in|a|last|the|previous|prior)\b)(?P<yr>(?!))?", _resolve_same_period)
_rule("period_of_n_months", r"the\s+(?P<n>" + NUM + r")[\s-]+month\s+period", _resolve_period_of_n_months)
_rule("part_of_year", PART + r"(?:the\s+)?year", _resolve_part_of_anaphoric_year)
_rule("part_of_year", r"(?:the\s+)?(?:year[-\s]end|year['’]s\s+end)(?![-\w])", _resolve_part_of_anaphoric_year)  # 'by year-end'
_rule("anaphoric_that", r"(?:that|the\s+same)\s+(?P<unit>day|week|month|quarter|year)(?![\w-])(?!\s+(?:earlier|ago|before|later|prior|last|of|in|on)\b)",
      _resolve_anaphoric_demonstrative)
_rule("vague_duration", r"the\s+(?:coming|next|past|last)\s+(?P<unit>days|weeks|months|years|decades)",
      _resolve_vague_duration)
# "in the weeks ahead", "the months ahead": as "the coming weeks" (scanned whole: the match ends after its unit)
_rule("vague_ahead", r"the\s+(?P<unit>days|weeks|months|years|decades)\s+ahead", _resolve_vague_duration)
# "for years", "highest in decades", "within weeks": a bare plural unit after a preposition of extent
_rule("vague_duration", r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bafter\s))"
      r"(?P<unit>days|weeks|months|years|decades)(?!\s+(?:old|ago|earlier|later|of|to))", _resolve_vague_duration)
# "late Friday", "yesterday afternoon", "Saturday night": TimeML's TIMEX3 spans the part of the
# day (guidelines 2.2, "Tuesday night"); the period stays the day
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_rule("day_word", r"(?:(?:early|late)\s+)?(?P<w>" + _alt(DAY_WORDS) + ")" + _PART_OF_DAY, _resolve_day_word)
_rule("weekday", r"(?:(?:early|late)\s+)?(?:(?P<rel>last|this|next|coming)\s+)?(?P<wd>" + WDAY + r")" + _PART_OF_DAY,
      _resolve_weekday)
# "the fifth consecutive month", "a 10th straight year", "the 70th month in a row": the run a
# figure has kept up, N units long (a span, as "for five months"; the ordinal counts the units)
# "today is the eighth day of the blockade", "it's the second day of the strike": the day of writing
_rule("day_count", r"(?<=\b(?:is|['’]s)\s)the\s+(?P<ord>" + ORD + r"|\d{1,3}(?:st|nd|rd|th))\s+day(?=\s+of\b)",
      _resolve_day_count)
_rule("streak", r"(?:the|a|an)\s+(?P<ord>" + ORD + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:consecutive|straight|successive)"
      r"\s+(?P<unit>day|week|month|quarter|year)|(?P<unit2>day|week|month|quarter|year)\s+(?:in\s+a\s+row|running))",
      _resolve_streak)
_rule("duration", r"(?:(?P<bound>" + BOUND + r"|~)\s*(?<=[\s~])(?!the\s))?(?P<edge>(?:the\s+)?(?:past|last|previous|next|coming)\s+)?"
      # 'for the nine months, net rose': the article is part of the TIMEX3 (TimeBank 'the nine months')
      r"(?(edge)|(?:(?<![\w])the\s+(?!(?:a|an)\s|[\w.]+-|" + YEAR + r"))?)(?P<n>"
      + NUM + r")" + UNIT_GAP + SPAN_MODIFIERS + r"(?P<unit>" + UNIT + r")(?!-old|\s+old\b|-olds)", _resolve_duration)
_rule("duration_range", r"(?:between\s+(?P<n_b>" + NUM + r")\s+(?:and|to)\s+(?P<n2_b>" + NUM + r")|(?P<n_a>" + NUM
      + r")(?:[\s-]*(?:or|to)[\s-]*|\s*[-–]\s*)(?P<n2_a>" + NUM + r"))" + UNIT_GAP + SPAN_MODIFIERS
      + r"(?P<unit>" + UNIT + r")(?!-old|\s+old\b|-olds|\s+(?:ago|earlier|later|before|prior|previously)\b)",
      _resolve_duration_range)  # 'two to three years ago' is a date back from the reference, not a span
_rule("vague_duration", r"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?P<v>" + _alt(VAGUE) + r")\s+(?P<unit>days|weeks|months|years|decades)",
      _resolve_vague_duration)


# --------------------------------------------------------------------------- candidate filters


def _preceding_word(text: str, start: int) -> str:
    m = re.search(r"([\w'$€£¥#.]+)\W*$", text[max(0, start - 24):start])
    return m.group(1).lower() if m else ""


def _following_word(text: str, end: int) -> str:
    m = re.match(r"[\s-]*([\w%]+)", text[end:end + 24])
    return m.group(1).lower() if m else ""


_TIME_PREPOSITIONS = {"in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after",
                      "early", "late", "mid", "last", "next", "this", "on", "between", "to", "and", "for", "until",
                      "throughout", "around", "as", "that", "as of", "in late", "in early"}


_EXTENT_WORDS = {"for", "in", "within", "over", "than", "about", "around", "nearly", "almost", "after", "lasting",
                 "only", "just", "mere", "full", "entire", "whole", "least", "under", "past", "last", "next",
                 "of", "take", "took", "takes", "taken", "spent", "spend", "spends", "after", "by", "half"}


# "a month earlier than usual", "an hour before the vote": a measure phrase of a comparative
_MEASURE_COMPARATIVES = {"earlier", "later", "before", "after", "longer", "shorter", "sooner", "ahead", "late", "early"}


def _keep_candidate(ctx: _Context, cand: _Candidate) -> bool:
    """Reject candidates whose words are not used as a time expression here."""
    text = ctx.text
    m = cand.match
    rule = cand.rule
    gd = m.groupdict()
    if rule == "month" and not gd.get("rel"):
        mon = gd["mon"]
        word = mon.rstrip(".").lower()
        tok = ctx.token_at(m.start("mon"))
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"):
            return False
        if word in AMBIGUOUS_MONTHS or len(word) <= 3:
            # "May" the modal, "March" the verb/noun, "Jan" the name: need a temporal preposition
            # or the NER's DATE label.
            if mon.isupper() and len(mon) > 1 and word == "may":
                return False
            prev = _preceding_word(text, m.start("mon"))
            if prev not in _TIME_PREPOSITIONS and not (tok is not None and tok.ent_type_ == "DATE"):
                return False
            if word == "may" and tok is not None and tok.tag_ == "MD":
                return False
    if rule == "month_range":
        m1, m2 = MONTHS[gd["mon"].rstrip(".").lower()], MONTHS[gd["mon2"].rstrip(".").lower()]
        apart = (int(gd["yr"]) - int(gd["y1"])) * 12 + m2 - m1 if gd.get("y1") else 0
        # ("between January 2023 and February 2023", said of no change: the two months together)
        two_months = apart == 1 and m.group(0).lower().startswith("between") and not _governed_by_a_change(ctx, m.start())
        if gd.get("y1") and (not (1 < apart <= 35 or two_months) or (
                (_governed_by_a_change(ctx, m.start()) or _after_a_change_and_its_size(ctx, m.start()))
                and not _A_LEVEL_BEFORE.search(text, max(0, m.start() - 60), m.start()))):
            # "from May 2022 to July 2021", years apart: two months, no run of them; nor a move from
            # one month to another ("decreased from October 2013 to November 2013 by R2.3 billion")
            return False
        joined = text[m.end("mon"):m.start("mon2")]
        if ("and" in joined or "," in joined or "&" in joined) and not joined.strip().startswith("-") \
                and "between" not in m.group(0).lower() and m2 != m1 % 12 + 1:
            return False  # "in March and June": two months, not the months between them
        if m.group(0).lower().startswith("between") and _governed_by_a_change(ctx, m.start()) \
                and not (m2 != m1 % 12 + 1 and _a_level_for_the_span(ctx, m.start())):
            # "tripled between March and April", "dropped 9% to $368 million between June and July":
            # from one month to the next
            return False
    if rule == "day_range" and not gd.get("yr") \
            and _following_word(text, cand.end) in YEAR_NOUN_BLOCKERS | {"percent", "%", "million", "billion"}:
        return False  # "March 3 and 4 percent": a day, then a figure
    if rule in ("written_day",):
        tok = ctx.token_at(m.start("mon"))
        # "May 5" is safe; "Jan 3" inside a person entity is not
        if tok is not None and tok.ent_type_ == "PERSON":
            return False
        if not gd.get("yr") and _following_word(text, cand.end) in YEAR_NOUN_BLOCKERS | {"percent", "%"}:
            return False
    if rule == "holiday" and not m["hol"].endswith(("Day", "Eve")) and " " not in m["hol"] \
            and _preceding_word(text, m.start("hol")) not in _TIME_PREPOSITIONS | {"the"}:
        return False  # 'Christmas shopping', 'Thanksgiving dinner' name no day; 'on Christmas' does
    if rule == "spoken_year" and _following_word(text, cand.end) in YEAR_NOUN_BLOCKERS | {
            "million", "billion", "thousand", "hundred", "point", "%"}:
        return False  # 'nineteen fifty dollars', 'twenty twenty million': a number, not a year
    if rule in ("year", "fiscal_year", "year_range", "decade"):
        if re.search(r"(?:©|\(c\)|copyright)\s*$", text[max(0, cand.start - 12):cand.start], re.IGNORECASE):
            return False  # "Copyright © 2025 ...": boilerplate, not a period the story talks about
        prev_char = text[cand.start - 1:cand.start] if cand.start else ""
        if prev_char in "$€£¥#.,:" and prev_char:
            return False
        if re.match(r"\.\d", text[cand.end:cand.end + 2]):
            return False  # "ended at 2031.4 points": a decimal number
        nxt = _following_word(text, cand.end)
        if nxt in YEAR_NOUN_BLOCKERS or text[cand.end:cand.end + 1] in ("%", ",") and text[cand.end + 1:cand.end + 2].isdigit():
            return False
        tok = ctx.token_at(cand.start + (m.start("yr") - m.start() if gd.get("yr") else 0))
        if tok is not None and tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "LAW"):
            return False
    if rule in ("duration", "vague_duration", "anaphoric_shift"):
        n = (gd.get("n") or gd.get("v") or "").lower()
        prev = _preceding_word(text, cand.start)
        if rule == "duration" and not gd.get("bound") and prev in SET_CUES and n in ("a", "an", "one"):
            return False  # "twice a year", "once a month", "per year": a frequency (TimeML SET)
        if prev in ("every", "each", "per"):
            return False
        if prev in ("age", "ages", "aged"):
            return False  # "children ages 6 months and older": an age, not a period
        if rule == "duration" and n in ("a", "an", "one") and not gd.get("bound") and not gd.get("edge") \
                and "-" not in m.group(0):
            # A lone "a year" / "one day" is a span of time only after a preposition of extent
            # ("in a decade", "for a month", "within a week"); after an amount it is a rate
            # ("$500 a month", "60 hours a week"), before "of" a fraction ("a quarter of"), and
            # "one day" alone is the adverb "some day".
            if prev not in _EXTENT_WORDS and _following_word(text, cand.end) not in _MEASURE_COMPARATIVES:
                return False
        if rule == "duration" and gd["unit"].lower() == "second" and n in ("a", "an", "one"):
            # "a second tanker", "for a second month": the ordinal. Seconds are durations as
            # any other unit of time (TimeML Annotation Guidelines 1.2.1, Sauri et al. 2006,
            # TIMEX3 type DURATION, value "PT8S" for "8 seconds"), but only with a stated number.
            return False
        if rule in ("duration", "vague_duration") and gd["unit"].lower().startswith("quarter") \
                and _following_word(text, cand.end) == "of":
            return False  # "a quarter of the cost": a fraction
        if rule == "duration" and n in ("a", "an"):
            # "a year" alone is a duration only after a preposition of extent ("in a decade", "for a month")
            # or a bound; "a year earlier" is caught by anaphoric_shift (longer), "a year-on-year rise" is not time.
            nxt = text[cand.end:cand.end + 4]
            if nxt.startswith(("-on-", "-over-", "-to-")):
                return False
        if rule == "duration" and n.replace(".", "").isdigit() and _preceding_word(text, cand.start)[:1] in "$€£¥":
            return False
        if rule == "duration" and text[cand.end:cand.end + 4].lower().startswith(("-on", " on ")) \
                and text[cand.end:cand.end + 10].lower().lstrip(" -").startswith("on-year"):
            return False
    if rule == "weekday":
        tok = ctx.token_at(m.start("wd"))
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT"):
            return False
        if not gd["wd"].rstrip(".").lower().endswith("day"):
            return False  # "Sat", "Sun", "Wed" alone are words; abbreviations count only inside a date
    if rule == "deictic" and _quoted_title(text, m):
        return False
    if rule == "day_word":
        # "USA Today", "Russia Today": a capitalised day word right after a proper noun is a name
        tok = ctx.token_at(cand.start)
        if tok is not None and m.group(0)[:1].isupper() and tok.i > 0 and not tok.is_sent_start:
            prev_tok = ctx.doc[tok.i - 1]
            if prev_tok.is_title or prev_tok.is_upper or tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT"):
                return False
    if rule == "half" and gd.get("h") and not gd.get("yr"):
        # "H1" alone is only a half when it looks like reporting jargon (upper-case)
        if not m.group(0).startswith("H") and not m.group(0).endswith("H"):
            return False
    if rule == "quarter" and gd.get("q") and not m.group(0)[0] in "Qq0123456789":
        return False
    if rule == "decade" and not m.group(0).lower().startswith("the") and "'" not in gd["dec"]:
        if len(gd["dec"]) == 2:  # "60s" without "the": ages ("in their 60s")
            return False
    return True


def _quoted_title(text: str, m: re.Match) -> bool:
    """'ABC's "This Week"', '"This Week With David Brinkley"': every word capitalised right after
    an opening quotation mark is the title of a work, no time (TimeML tags no TIMEX3 in a name;
    a quoted sentence starting 'This week' does not capitalise 'week')."""
    words = m.group(0).split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) \
        and bool(re.search(r"(?:\"|“|``|'')$", text[max(0, m.start() - 2):m.start()]))


def _governed_by_a_change(ctx: _Context, char: int) -> bool:
    """Does the word at ``char`` ('between') depend on a verb of change ('rose', 'doubled')?"""
    tok = ctx.token_at(char)
    head = tok.head if tok is not None else None
    return head is not None and head.lemma_.lower() in _change_verbs()


# "rose 9% to $40 billion from July 2019 to March 2020": the level the change reached, written
# before the span (the span's own 'to March 2020' is no level)
_A_LEVEL_BEFORE = re.compile(r"\bto\s+(?:[A-Z]{0,3}[$€£¥]|R|Rs\.?|Tk)?\s?\d[\d.,]*\s*(?:[a-z]+\s+)?(?:[a-z]+\s+)?$", re.I)


def _after_a_change_and_its_size(ctx: _Context, char: int) -> bool:
    """'rose 9.1% from July 2019 to March 2020': the word at ``char`` right after a verb of change and
    its size, read on the words (the parser hangs 'from' on the figure as often as on the verb)."""
    tok = ctx.token_at(char)
    if tok is None:
        return False
    doc, k = tok.doc, tok.i - 1
    while k >= 0 and (doc[k].like_num or doc[k].lower_ in {"%", "percent", "per", "cent", "pct", "by"}):
        k -= 1
    return 0 <= k < tok.i - 1 and doc[k].lemma_.lower() in _change_verbs()


def _a_level_for_the_span(ctx: _Context, char: int) -> bool:
    """The change the 'between' phrase depends on also states the level it reached ('fell 7 per
    cent to $4.6 billion between January and September'): with months apart, a total over the
    months between, not a move from one month to the other."""
    tok = ctx.token_at(char)
    verb = tok.head if tok is not None else None
    return verb is not None and any(c.dep_ == "prep" and c.lower_ == "to" and any(o.like_num or o.ent_type_ == "MONEY"
                                                                                 for o in c.subtree)
                                    # ("rose 30% between January and November, reaching $40 billion")
                                    or c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in _level_verbs()
                                    and any(o.ent_type_ == "MONEY" for o in c.subtree)
                                    for c in verb.children)


@cache
def _level_verbs() -> frozenset[str]:
    """The verbs of a level a change's participle states ("..., reaching $40 billion"; trade_lexicon.json)."""
    return frozenset(load_table("trade_lexicon.json")["level_verbs"]["words"])


@cache
def _change_verbs() -> frozenset[str]:
    table = load_table("amounts.json")
    return frozenset(table["change_verbs_up"] + table["change_verbs_down"] + list(table["multiplier_verbs"]))


def _written_year(cand: _Candidate) -> Optional[int]:
    gd = cand.match.groupdict()
    if gd.get("yr"):
        return int(gd["yr"])
    return None


# Rules that end in a unit or a direction word are only run in windows around those words:
# their leading optional quantifiers make a whole-text scan the costliest part of the module.
_KEYWORD = re.compile(r"(?:(?<![\w])|(?<=\d))(?:" + UNIT + r"|earlier|ago|later|prior|previously|before)(?![\w])", re.IGNORECASE)
_WINDOWED = {"duration", "duration_range", "anaphoric_shift", "vague_duration"}  # rules whose match ends at the keyword
_LEFT, _RIGHT = 110, 40


@cache
def _required_strings() -> list[tuple[tuple[str, ...], ...]]:
    """Each rule's required strings (made on first use: parsing the patterns again takes a moment)."""
    return [required_strings(rx) for _, rx, _ in _RULES]


def _keyword_windows(text: str) -> list[tuple[int, int, int]]:
    """Merged (lo, hi, last keyword end) windows around unit and direction words."""
    out: list[list[int]] = []
    for k in _KEYWORD.finditer(text):
        lo, hi = max(0, k.start() - _LEFT), k.end() + _RIGHT
        if out and lo <= out[-1][1]:
            out[-1][1] = hi
            out[-1][2] = k.end()
        else:
            out.append([lo, hi, k.end()])
    return [tuple(w) for w in out]


# Even refused at once, a rule's scan reads every character of the text (B's lookbehind at each),
# for each of some fifty rules a text may match. Where the words that can open a rule's matches are
# few (a capitalised month name, a 'Q', a digit ...), the rule is rather tried at each of them: the
# places where B holds come from one scan of the text, by their first character.
_WORD_START = re.compile(B + r"(?s:.)")
#: a rule is tried word by word while its words are fewer than the text's characters over this
_WORDS_OVER_CHARACTERS = 16


def _word_starts(text: str) -> dict[str, list[int]]:
    """The places where B holds, by the character there, in text order."""
    starts: dict[str, list[int]] = {}
    for m in _WORD_START.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


@cache
def _opening_tests() -> list[re.Pattern | None]:
    return [re.compile(opening) if opening else None for opening in _OPENINGS]


@cache
def _ascii_openings() -> list[frozenset[str]]:
    """Per rule, the ASCII characters its matches can open with (the others are asked of its test)."""
    return [frozenset(chr(c) for c in range(128) if test is None or test.match(chr(c))) for test in _opening_tests()]


def _opening_places(order: int, starts: dict[str, list[int]], limit: int) -> list[int] | None:
    """The places where B holds and a match of rule ``order`` can open, in text order; None when
    there are ``limit`` or more."""
    ascii_openings, test = _ascii_openings()[order], _opening_tests()[order]
    lists = [at for c, at in starts.items() if (c in ascii_openings if c.isascii() else test is None or test.match(c))]
    if sum(map(len, lists)) >= limit:
        return None
    return sorted(chain.from_iterable(lists))


def _matches_at(rx: re.Pattern, text: str, places: list[int], pos: int, endpos: int) -> Iterator[re.Match]:
    """``rx.finditer(text, pos, endpos)`` for a rule whose every match starts at one of ``places``
    (sorted): the leftmost match not before the last one's end, tried place by place."""
    i = bisect_left(places, pos)
    while i < len(places) and places[i] < endpos:
        m = rx.match(text, places[i], endpos)
        if m is None:
            i += 1
            continue
        yield m
        i = bisect_left(places, m.end(), i + 1)


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    windows = None
    starts = None
    required = _required_strings()
    text_folded = folded(text)
    for order, (name, rx, _) in enumerate(_RULES):
        if not may_match(required[order], text_folded):
            continue
        if starts is None:
            starts = _word_starts(text)
        places = _opening_places(order, starts, len(text) // _WORDS_OVER_CHARACTERS)

        def matches(pos: int, endpos: int, rx=rx, places=places) -> Iterator[re.Match]:
            # (where its words are many, the rule's own scan is quicker)
            return rx.finditer(text, pos, endpos) if places is None else _matches_at(rx, text, places, pos, endpos)
        if name in _WINDOWED:
            if windows is None:
                windows = _keyword_windows(text)
            for lo, hi, last in windows:
                for m in matches(lo, min(hi, len(text))):
                    # a match is only trusted where the window still shows what follows it
                    if m.end() <= last + (1 if hi < len(text) else len(text)):
                        out.append(_Candidate(m.start(), m.end(), name, m, order))
            continue
        for m in matches(0, len(text)):
            out.append(_Candidate(m.start(), m.end(), name, m, order))
    return out


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest match first (then rule order), non-overlapping."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


# a DATE entity worth handing to dateparser: a written year plus a month name or a numeric date shape
_DATE_SHAPE = re.compile(r"(?=.*\b(?:1[89]|20)\d\d\b)(?=.*(?:" + _alt(MONTHS, capitalised=True)
                         + r"|\b\d{1,2}[./]\d{1,2}\b))", re.DOTALL)


_DATE_PIECES = {"month", "year", "written_day", "month_year", "weekday"}


def _date_entity_hints(doc: Doc, text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """spaCy's DATE entities that the rules only got in pieces (or not at all) and that look like
    an absolute date ("March the 3rd, 2019"): the NER is a hint, dateparser the judge -- a hint
    is only kept when dateparser reads the whole entity."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or len(ent.text) > 40:
            continue
        s, e = ent.start_char, ent.end_char
        inside = [c for c in kept if c.start < e and s < c.end]
        if any(c.start <= s and e <= c.end for c in inside) or any(c.rule not in _DATE_PIECES for c in inside):
            continue
        if not _DATE_SHAPE.match(ent.text) or _dateparser_absolute(ent.text) is None:
            continue
        m = re.compile(re.escape(ent.text)).match(text, s)
        if m is not None:
            out.append(_Candidate(s, e, "date_entity", m, len(_RULES)))
    return out


def _resolve_date_entity_hint(ctx, cand, m):
    got = _dateparser_absolute(m.group(0))
    if got is None:
        return None
    d, period = got
    if period == "month":
        return _cal(*_month_span(d.year, d.month), "month")
    if period == "year":
        return _cal(date(d.year, 1, 1), date(d.year, 12, 31), "year")
    return _cal(d, d, "day")


def _span_text(text: str, start: int, end: int) -> tuple[int, int]:
    # an abbreviation dot at the very end of a sentence ("in Sept.") stays: it belongs to the word
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end
