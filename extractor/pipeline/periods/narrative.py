"""Pages without a publication date: the text's own dates as the reference time.

HeidelTime's "narrative" strategy (Strötgen & Gertz 2013) resolves the relative expressions
of a text that has no document creation time against the dates the text itself states. Here
the reference is the latest fully dated expression of the text -- a full date ("Monday,
January 26th, 2015") or a month with its year ("Sept. 2021", "September to December 2023"), or a
span of months with its year, by its last month ("the first four months of 2021", "the first half
of 2016", "fiscal 2023"; not one named as a comparison's base or after "as of") --
in a clause that is not about the future (a date something is planned for says nothing of
when the story was written). A bare year ("in 2023") is no anchor on its own: stories about a
past year are written in the years after it. Once a month anchors the text, though, a year it
reports in that is later than that month's ("have decreased in 2024" after "September to
December 2023"; not a deadline, "by 2030", nor a comparison base) moves the reference to it.

A month named as the base of a comparison ("up 95% compared to August 2020", "over April
2015") is a period the story's own figures are measured against, so the story's period is a
year later: the comparison news makes with a named month of an earlier year is year-on-year.

With no such date, a year named as the base of a comparison ("31% above 2022", "compared with
the same period in 2020") dates the figure compared a year after it (:func:`base_year_reference`).
With no base either, a sentence that names "this year" beside a year ("sales for 2014 as a whole")
says which year the text is written in (:func:`this_year_named_reference`).

What the reference decides (see :func:`.anchors._need`): with a full date, everything a
publication date would; weekdays and day words count from the nearest full date written
before them. With a month, only what needs no more than its year: bare months, quarters and
halves take its year, "this year" / "last year" count from it; "last month", "next week",
"Monday" stay unresolved.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Optional

from models import Period

from .anchors import (RECORDED_FIGURE, _add_months, _Candidate, _Context, _is_comparison_base, _is_future,
                      _month_end)
from .patterns import MONTHS, WRITTEN_YEAR

# rules whose match writes its own year (a full date, or a month of a year)
_FULL_DATE_RULES = {"iso_date", "numeric_date", "written_day", "day_range", "date_entity"}
# (and a span of months its last month ends: "the first four months of 2021", "the first half of 2016")
# (a fiscal year or its part, with its year written, ends in a month too: "fiscal 2023" in Japan's
# copy is April 2023 to March 2024, so "the fiscal year ended March" and a bare "March" are March 2024)
_SPAN_RULES = {"first_n", "quarter", "half", "quarter_to_month",
               "fiscal_year", "fiscal_quarter", "fiscal_half_of_year", "fiscal_half", "fiscal_months"}
_MONTH_RULES = {"month_year", "month_range", "fiscal_month_range", "months_to"} | _SPAN_RULES
_AS_OF = re.compile(r"\bas\s+of\s+$", re.I)


def narrative_reference(ctx: _Context, found: list[tuple[_Candidate, Period]]
                        ) -> Optional[tuple[date, str, Period, list[tuple[int, date]]]]:
    """(reference date, "day" | "month", the period it comes from, the text's full dates) or None.

    ``found``: the candidates resolved without a publication date, with their periods."""
    days: list[tuple[int, date]] = []
    best: Optional[tuple[tuple, date, str, Period]] = None
    for cand, period in found:
        if period.from_ is None or period.relative or cand.rule not in _FULL_DATE_RULES | _MONTH_RULES:
            continue
        if cand.rule != "date_entity" and not cand.match.groupdict().get("yr") and cand.rule not in ("iso_date", "numeric_date"):
            continue
        before = ctx.text[max(0, cand.start - 40):cand.start]
        if _is_future(ctx, cand.start) or _NEXT_RELEASE.search(before) or _SINCE.search(before) \
                or _AN_EVENT_BEFORE.search(ctx.text[max(0, cand.start - 120):cand.start]):
            continue
        if _in_a_photo_caption(ctx.text, cand.start, cand.end):
            continue   # "This picture, taken on March 3, 2021, shows ...": when a picture was taken, often long before
        if cand.rule in _SPAN_RULES and (_is_comparison_base(ctx.text, cand.start, cand.end) or _AS_OF.search(before)):
            # "against $83 million in the third quarter of 2014, before the embargo": a span named
            # as a base says less of when the story is than a month does; "as of" a span, nothing
            continue
        if period.granularity == "day":
            days.append((cand.start, period.from_))
            key, ref, level = (period.from_.year, period.from_.month, 1), period.from_, "day"
        else:
            y, m = period.to.year, period.to.month
            if _is_comparison_base(ctx.text, cand.start, cand.end):
                y, m = _add_months(y, m, _months_after_a_base(ctx.text, period))
            key, ref, level = (y, m, 0), _month_end(y, m), "month"
        if best is None or key > best[0]:
            best = (key, ref, level, period)
    if best is None:
        return None
    _, ref, level, period = best
    if level == "month":
        # a year the text reports in, named later than its latest month ("rice imports have
        # decreased in 2024" after figures for September to December 2023): the text is dated
        # by its own months, and written in that year or after it
        later = [p for c, p in found if c.rule == "year" and p.from_ is not None and p.from_.year > ref.year
                 and not _STARTING.search(ctx.text[max(0, c.start - 20):c.start])
                 and not _is_future(ctx, c.start) and not _is_comparison_base(ctx.text, c.start, c.end)
                 and not _DEADLINE.search(ctx.text[max(0, c.start - 12):c.start])
                 and not _AIMED_AT.search(ctx.text[max(0, c.start - 90):c.start])]
        if later:
            period = max(later, key=lambda p: p.from_)
            ref = period.to
    dateline = _dateline(ctx, found, ref)
    if dateline is not None:
        start, filed, period = dateline
        return filed, "day", period, sorted(days + [(start, filed)])
    return ref, level, period, sorted(days)


# "SEOUL, Oct. 1 (Yonhap) --", "KUALA LUMPUR, Feb. 26 (Xinhua) --", "BEIJING, September 7. /TASS/.":
# a wire story's dateline, the city in capitals and the day it was filed, written without a year
_DATELINE_CITY = re.compile(r"(?:^|\s)[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s*$")
_DATELINE_AGENCY = re.compile(r"\.?\s*(?:\(|/|—|–|--)")
_DATELINE_REACH = 600       # characters from the top of the text (a headline may come first)
_DATELINE_AFTER_DAYS = 92   # how long after the text's latest date a dateline may be


def _dateline(ctx: _Context, found: list[tuple[_Candidate, Period]], latest: date
              ) -> Optional[tuple[int, date, Period]]:
    """(offset, date, period) of the dateline at the top of a wire story: the date the story was
    filed, so the date of writing, in the year that puts it on or after the text's latest date
    (``latest``) and at most three months after it -- a wire story reports the latest figures.
    "last month" then counts from it, as from a publication date."""
    for cand, period in found:
        if cand.start > _DATELINE_REACH or cand.rule != "written_day" or cand.match.groupdict().get("yr"):
            continue
        if not _DATELINE_CITY.search(ctx.text[max(0, cand.start - 60):cand.start]) \
                or not _DATELINE_AGENCY.match(ctx.text, cand.end):
            continue
        month = MONTHS.get(cand.match["mon"].lower().rstrip("."))
        day = int(re.match(r"\d+", cand.match["day"]).group())
        if month is None:
            return None
        for year in (latest.year, latest.year + 1):
            try:
                filed = date(year, month, day)
            except ValueError:
                return None
            if 0 <= (filed - latest).days <= _DATELINE_AFTER_DAYS:
                return cand.start, filed, period
        # "BERLIN, June 9 (Xinhua) -- ... the statistics office announced on Tuesday": the lead's
        # weekday is the dateline's day, which falls on that weekday only every five to eleven
        # years; so the first year on or after the text's latest date that puts it there
        lead = ctx.text[cand.end: cand.end + _DATELINE_LEAD]
        lead = lead[: lead.find("\n")] if "\n" in lead else lead
        weekday = _ON_A_WEEKDAY.search(lead)
        if weekday is not None:
            wanted = _WEEKDAYS.index(weekday.group(1).lower())
            for year in range(latest.year, latest.year + _DATELINE_WEEKDAY_YEARS):
                filed = date(year, month, day) if (month, day) != (2, 29) or calendar.isleap(year) else None
                if filed is not None and filed >= latest and filed.weekday() == wanted:
                    return cand.start, filed, period
        return None
    return None


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ON_A_WEEKDAY = re.compile(r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_DATELINE_LEAD = 400          # characters of the lead after the dateline
_DATELINE_WEEKDAY_YEARS = 3   # how many years after the text's latest date a dateline's weekday may put it


def base_year_reference(ctx: _Context, found: list[tuple[_Candidate, Period]]
                        ) -> Optional[tuple[date, str, Period, list[tuple[int, date]]]]:
    """The reference of an undated text whose only years are the bases its figures are compared
    with ("hit $58 billion last year, up 9 percent against 2019", "in January, up 4 percent compared
    with the same period in 2022"), as :func:`narrative_reference` returns it, or None.

    News compares a period with the same one a year before, so the figure compared is a year after
    its base: the text is in that year ("January" is January 2023), or in the one after when the
    figure's own period is "last year". Only a base whose sentence leaves the figure's own period
    unresolved counts; the latest such year wins, as the latest date does in the narrative strategy."""
    years: list[tuple[int, Period]] = []
    for cand, period in found:
        year = None
        if cand.rule == "same_period" and (cand.match.groupdict().get("yr") or "").isdigit():
            year = int(cand.match["yr"])
        elif period.from_ is not None and (cand.rule == "year" or WRITTEN_YEAR.search(ctx.text[cand.start:cand.end])) \
                and _is_comparison_base(ctx.text, cand.start, cand.end) \
                and not _SINCE.search(ctx.text[max(0, cand.start - 40):cand.start]):
            # (a year, or a month with its year written: "vis-à-vis January 2010", "above
            # the $4.58 billion posted in August 2016")
            year = period.from_.year
        if year is None:
            continue
        sentence = ctx.sentence_of(cand.start)
        own = [text for start, text in ctx.unresolved if ctx.sentence_of(start) == sentence and start < cand.start]
        if cand.rule not in ("year", "same_period"):
            # a month with its year is the base of the same month only ("in January ... vis-à-vis
            # January 2010"); "in May, down from ... the third quarter of 2014" compares other spans
            month = calendar.month_name[period.from_.month]
            own = [text for text in own if month.lower() in text.lower()] if period.granularity == "month" else []
        if own:
            years.append((year + (2 if any(_LAST_YEAR.search(t) for t in own) else 1), period))
    if not years:
        return None
    year, period = max(years, key=lambda item: item[0])
    return date(year, 12, 31), "month", period, []


_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b", re.IGNORECASE)


def this_year_named_reference(ctx: _Context, found: list[tuple[_Candidate, Period]]
                              ) -> Optional[tuple[date, str, Period, list[tuple[int, date]]]]:
    """The reference of an undated text with no month to anchor it, when a sentence names "this
    year" beside a year ("sales for 2014 as a whole ... the first eight months of this year", "the
    remaining months of this year ... the plan for 2011"), as :func:`narrative_reference` returns
    it, or None. One sentence that speaks of "this year" and names a year other than as a base
    it is compared with, or as the start of a span, is speaking of that year: the text is written
    in it. The latest such year wins."""
    years: list[tuple[int, Period]] = []
    for cand, period in found:
        if cand.rule != "year" or period.from_ is None or _is_comparison_base(ctx.text, cand.start, cand.end) \
                or _STARTING.search(ctx.text[max(0, cand.start - 20):cand.start]) \
                or _SINCE.search(ctx.text[max(0, cand.start - 40):cand.start]):
            continue
        sentence = ctx.sentence_of(cand.start)
        if any(ctx.sentence_of(start) == sentence and _THIS_YEAR.search(text) for start, text in ctx.unresolved):
            years.append((period.from_.year, period))
    if not years:
        return None
    year, period = max(years, key=lambda item: item[0])
    return date(year, 12, 31), "month", period, []


_THIS_YEAR = re.compile(r"\bthis\s+year\b", re.IGNORECASE)


# "Next release: July 8, 2021", "the next report is due on": a date announced for a coming
# release, the kind a statistics summary prints beside the current one, is no date of writing
_NEXT_RELEASE = re.compile(r"\b(?:next|upcoming|coming)\s+(?:release|report|update|publication|data|figures?)\b"
                           r"[^.\n]{0,25}$", re.IGNORECASE)
# "the most since October 2020": the start of a span that runs to the story's time, which
# says only that the story is later
_SINCE = re.compile(r"\bsince\s+(?:at\s+least\s+)?(?:the\s+(?:start|end|beginning|middle)\s+of\s+)?$"
                    # "since the $253 million tallied in November 2019": a figure's month
                    r"|\bsince" + RECORDED_FIGURE % 50, re.IGNORECASE)
# "Following the council's adoption of a new resolution in March 2016", "after the ban
# was adopted in October 2016": the time of an event told as background, not of the story's figures
_AN_EVENT_BEFORE = re.compile(r"\b(?:following|after)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,8}?"
                              r"(?:adoption|imposition|introduction|outbreak|closure|launch|ban|sanctions|was\s+\w+ed|were\s+\w+ed)"
                              r"\b[^.;]{0,60}\b(?:in|on)\s+$"
                              # "a pact which came into effect in March 2016", "Decree 99, which
                              # took effect in May 2015": when a rule began, not the story's time
                              r"|\b(?:came|come|comes|coming|went|go|goes|going)\s+into\s+(?:effect|force)\s+(?:in|on)\s+$"
                              r"|\b(?:took|take|takes|taking)\s+effect\s+(?:in|on)\s+$"
                              r"|\b(?:signed|adopted|passed|enacted|imposed|introduced|launched|effective)\s+(?:in|on)\s+$",
                              re.IGNORECASE)
def _months_after_a_base(text: str, base: Period) -> int:
    """How far after a month named as a base the story's own month is: a year ("up 9% compared with
    August 2013" in a story about August), or one month when the text names the month after the base
    without a year and never the base's month itself ("exports fell 5.8% in August compared with July
    2014": the month before)."""
    if base.granularity != "month":
        return 12
    month, following = calendar.month_name[base.from_.month], calendar.month_name[base.from_.month % 12 + 1]

    def bare(name: str) -> bool:
        return re.search(rf"\b{name}\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d)", text) is not None
    return 1 if bare(following) and not bare(month) else 12


# "This picture, taken on March 3, 2021, shows a pier", "In this Oct. 2, 2018, file photo", "in this undated
# photo released on September 16, 2017": a caption dates its picture, which agencies reuse for years
_PHOTO_WORD = re.compile(r"\b(?:photos?|photographs?|pictures?|pictured|images?)\b", re.IGNORECASE)


def _in_a_photo_caption(text: str, start: int, end: int) -> bool:
    """A photo word on the date's line, shortly before or right after it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return _PHOTO_WORD.search(text, max(line_start, start - 80), min(line_end, end + 40)) is not None


# "turned to exporting wigs starting in 2018": when something began, not when the story is
_STARTING = re.compile(r"\b(?:starting|beginning|from)\s+(?:in\s+)?$", re.IGNORECASE)
# a year something is aimed at: "the country's goals for 2017", "an export target for the end of 2026",
# "The two sides targeted a trade volume of 1 trillion U.S. dollars in 2020" (the full stops of an
# abbreviation end no sentence)
_AIMED_AT = re.compile(r"\b(?:target(?:ed|s|ing)?|aims?|aimed|aiming|plann?(?:ed|s|ing)?|goals?|expect(?:ed|s|ing)?|"
                       r"expectations?|forecast(?:ed|s|ing)?|project(?:ed|s|ing)?|projections?|outlook|ambitions?)\b"
                       r"(?:[^.;:!?]|(?<=[A-Z])\.){0,70}?\b(?:in|by|for)\s+(?:the\s+(?:year|end\s+of)\s+)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|through|to|before|from|since)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
