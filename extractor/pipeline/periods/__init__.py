"""Periods: find date and time expressions in news text and resolve them to calendar spans.

Style follows textacy's ``extract/`` modules: pure functions over a parsed ``Doc``,
one rule per linguistic construction, tables in ``data/periods.json``.

Public API
----------
- :func:`find_periods` -- ``find_periods(doc, published) -> list[Period]``
- :func:`resolve_period` -- parse + resolve one expression (CLI, tests)
- spaCy factory ``"newsclaims_periods"`` -- sets ``doc._.periods``; the publication date comes
  from the doc, the call's ``component_cfg`` or the ``published`` config (:class:`PeriodFinder`)

Resolution rules (the decisions a reader needs to know)
-------------------------------------------------------
Deictic expressions ("last month", "this year", "Monday", "yesterday") are anchored
on the publication date (TimeML's document creation time, DCT). Following AP style,
where wire copy writes the weekday instead of "today", a bare weekday is the most
recent such day *on or before* publication (so a Friday story's "Friday" is that
Friday, as in TimeML gold); when the clause is in the future tense ("will meet on
Monday") it is the next such day on or after publication.

A bare month ("in September") is the latest such month that starts on or before
publication (the month containing the publication date counts); a bare day-month
("June 24") the latest such day not after publication -- except a day-month at most
``upcoming_day_window`` (7) days after publication, which is the coming one (a Thursday
story about "June 1" next Monday). Future tense ("will", "is due to", "plans to",
"postponed until") flips both to the earliest such month/day not before publication; a clause
not in a past tense (present "the coupon falls due Jan. 9", a modal "has to file by Jan. 20", an
infinitive, no verb) takes the coming one when it begins at most ``scheduled_date_window``
(92) days after publication (past: simple past, present perfect, a participle alone; "since"
always looks back).
If the *same sentence* writes a bare year ("in September, when exports ... in 2019")
that year wins, unless it would put a past-tense period after publication. The same
rule fills the year of "the first quarter", "the first half", "the first nine months".
These are not ``relative`` (the text names the period; only its year is inferred).
Sentences come from the parser, and every line break also ends one (headlines,
captions and datelines are not part of the next sentence).

Anaphoric expressions ("a year earlier", "the same period last year", "the previous
month", "a month earlier", "from a year ago") are anchored on the period the sentence
talks about: the nearest preceding resolved (non-duration, non-anaphoric) period in the
same sentence, else the nearest one after it in the same sentence ("fell 40% from the
previous month in October 2017"), else the last one of the previous sentence, else the
publication date ("ago" skips the previous sentence: TimeML anchors "ago" on the DCT
unless the clause itself names a period; a period outside the relative clause "ago" is in, or
inside one it is not in, is another event's). "of that year" / "that year" / "of the year"
take the anchor's year; "that year" never falls back to publication. A results story's "the
quarter", "for the year" are the report's period (the anchor's quarter or year); "the latest
quarter", "the most recent period", "the latest fiscal year" count from publication instead (the last
complete quarter or year; "the current quarter" the one publication falls in) and are an anchor
themselves. "N units earlier" shifts the anchor keeping its granularity ("September
2025" + "a year earlier" -> September 2024); "the previous month" is the calendar
month before the one containing the anchor; "the following month" the one after the last period
the text named, however many sentences before (publication only when it named none).

Without a publication date, relative expressions are anchored on the text's own latest date
(HeidelTime's "narrative" strategy, :mod:`.narrative`): the latest full date or month of a
year the text states outside a future clause (a month named as the base of a comparison,
"compared with October 2023", counts a year later). A full date resolves everything a
publication date would (weekdays and day words count from the nearest full date before them);
a month only what needs no more than its year (bare months take its year, "last year" counts
from it; "last month", "Monday" stay unresolved). A bare year anchors nothing. A warning names
the anchor and what it resolved (those periods are ``relative``); another lists what stays
unresolved.

Durations ("six years", "over six years", "nearly two decades") get granularity
``duration``, an ISO 8601 ``duration`` (decades/centuries in years: P20Y) and a
``bound`` from the preceding quantifier ("a five year low", "a two day rally": a compound
modifier with its hyphen left out is one too); from/to stay None -- except "the past three
months" / "the last two years", which are anchored on publication and also get
from/to (from = publication - N units + 1 day, to = publication), ``relative`` true; "the next
two years" / "the coming six months" the same span from publication on. "Two more weeks", "an
additional year" are spans of that length.
A run of units ("the fifth consecutive month", "the 70th month in a row") is a duration of
that many units (P5M): the contract's gold counts the streak a figure extends (TimeML leaves it
untagged; one such phrase in TBAQ).
A report's period named by its last day ("the year ended March 31", "the six months ended
Aug. 16", "the quarter ending Sept. 30") is the span of that length ending on that day (the day's
year as a day-month's).
Vague durations ("recent weeks", "several months") keep ``duration`` None and carry
the TimeML value ``PXW`` / ``PXM``.

Candidates come from regular expressions over ``doc.text`` built from the lexicon;
tokens (POS, dependencies, entity labels) then accept or reject them (``May`` the
modal, "USA Today", "$500 a month"). spaCy's DATE entities are only hints: one that the
rules got in pieces ("March the 3rd, 2019") is handed to dateparser, and kept only if
dateparser reads all of it. When two readings overlap the longest wins.

"The previous Friday" / "the following Monday" is that weekday before (after) the day the
sentence is about, else publication; "a week or so ago" is "a week ago".

Named holidays ("Thanksgiving Day", "Election Day", "on Christmas", table ``holidays``) are
their day, the year as a day-month's.

Spans follow TimeML's TIMEX3 extents where the period is the same: a part of a day is in the
span of its day ("late Friday", "Sunday night", "yesterday afternoon"; "last night" is
yesterday), "earlier this year" is a part of the year (bound approx), a hyphenated modifier
takes no article ("the third-quarter results": "third-quarter"), a counted span does ("for the
nine months").

Not periods: ages ("45-year-old"), frequencies ("annually", "every year", "twice a
year"), ordinals of events ("the 80th anniversary"), "now"/"currently".

Modules, from the bottom up: :mod:`.patterns` (tables and regex fragments), :mod:`.anchors`
(candidates, calendar arithmetic, years and anchors), :mod:`.dates`, :mod:`.anaphora` and
:mod:`.durations` (the resolvers), :mod:`.candidates` (the rule table and filters),
:mod:`.narrative` (the reference of an undated text), :mod:`.finder` (the entry points and the component).
"""
from .anchors import period_value
from .finder import PeriodFinder, find_periods, make_period_finder, resolve_period

__all__ = ["find_periods", "resolve_period", "PeriodFinder", "period_value", "make_period_finder"]
