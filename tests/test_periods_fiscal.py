"""Fiscal years are the calendar of the state whose figures they date (issue 12): 'FY24' in an
Indian story, 'fiscal 2023' in a Japanese one, a pair of years in an Australian one, and a year
named by its last month. Every sentence is written for these tests."""
from __future__ import annotations

import pytest


def _periods(pipeline, text: str, published: str | None = "2024-08-14") -> dict[str, tuple[str, str]]:
    r = pipeline.extract(text, published=published)
    return {p.text: (str(p.from_), str(p.to)) for p in r.periods}


@pytest.mark.parametrize("text,written,span", [
    # India: April to March, a single year names the year it ends in
    ("India's exports to Kenya climbed 11 percent to $4.2 billion in FY24.", "FY24", ("2023-04-01", "2024-03-31")),
    ("India's imports from Peru reached $3.1 billion in fiscal 2023.", "fiscal 2023", ("2022-04-01", "2023-03-31")),
    ("Indian shipments to Chile fell to $1.4 billion in 2022-23.", "2022-23", ("2022-04-01", "2023-03-31")),
    # Japan: April to March, a single year names the year it begins in
    ("Japan's imports from Chile rose 6 percent in fiscal 2022.", "fiscal 2022", ("2022-04-01", "2023-03-31")),
    ("Japanese exports to Peru slipped in the 2023 financial year.", "the 2023 financial year", ("2023-04-01", "2024-03-31")),
    # the United States: October to September
    ("U.S. exports to Peru rose in fiscal year 2023, the department said.", "fiscal year 2023", ("2022-10-01", "2023-09-30")),
    # Australia: July to June, written as a pair of years
    ("Australia's wine exports to Vietnam hit A$310 million in 2022/23.", "2022/23", ("2022-07-01", "2023-06-30")),
    # a quarter of a fiscal year counts from the year's first month in its state's calendar
    ("Pakistan's exports to Kenya rose to $90 million in Q2 of FY24.", "Q2 of FY24", ("2023-10-01", "2023-12-31")),
    ("India's imports from Peru fell in the third quarter of fiscal 2024.", "the third quarter of fiscal 2024",
     ("2023-10-01", "2023-12-31")),
    ("Pakistan's imports from Chile rose in the first quarter of the fiscal year 2023-24.",
     "the first quarter of the fiscal year 2023-24", ("2023-07-01", "2023-09-30")),
    # a half of a fiscal year, in its state's calendar
    ("Japan's exports to Peru fell in the first half of fiscal 2019.", "the first half of fiscal 2019",
     ("2019-04-01", "2019-09-30")),
    ("India's imports from Chile rose in H2 of FY24.", "H2 of FY24", ("2023-10-01", "2024-03-31")),
    ("China's exports to Peru rose in the first half of fiscal 2024.", "the first half of fiscal 2024",
     ("2024-01-01", "2024-06-30")),
    # no fiscal calendar: the calendar year's quarter
    ("China's exports to Peru rose 8 percent in Q3 of FY2023.", "Q3 of FY2023", ("2023-07-01", "2023-09-30")),
])
def test_a_fiscal_year_or_its_quarter_is_its_state_s(pipeline, text, written, span):
    assert _periods(pipeline, text)[written] == span


@pytest.mark.parametrize("sentence", [
    "Exports to Japan fell 5 percent in fiscal 2023.",
    "Imports from the US rose 3 percent in FY23.",
    "Exports to Chile and the US rose 3 percent in FY23.",
    "US-bound exports rose 3 percent in FY23.",
    "U.S.-bound exports rose 3 percent in FY23.",
])
def test_a_partner_named_in_the_sentence_does_not_lend_its_fiscal_calendar(pipeline, sentence):
    """In an Indian story a partner with another calendar ('to the United States') does not date the
    figure: the fiscal year is India's."""
    got = _periods(pipeline, "India's exports rose in May, the ministry said. " + sentence)
    assert list(got.values())[-1] == ("2022-04-01", "2023-03-31")


@pytest.mark.parametrize("figure,span", [
    ("13.2 trillion yen", ("2022-04-01", "2023-03-31")),      # Japan's April-March year, named by its start
    ("1.2 trillion rupees", ("2021-04-01", "2022-03-31")),   # India's, named by its end
])
def test_a_sentence_naming_no_state_takes_the_calendar_of_its_figures_currency(pipeline, figure, span):
    """'The nation's surplus in fiscal 2022 rose to 13.2 trillion yen', in a story that names only
    the United States (as a partner): the yen say whose fiscal year it is."""
    text = (f"The nation's surplus in fiscal 2022 rose 20 percent to {figure}, the ministry said. "
            f"Its surplus with the US widened too.")
    assert _periods(pipeline, text)["fiscal 2022"] == span


def test_dollars_name_no_state_s_calendar(pipeline):
    text = "India's exports rose in May. The nation's surplus in fiscal 2022 rose to $13 billion."
    assert _periods(pipeline, text)["fiscal 2022"] == ("2021-04-01", "2022-03-31")


def test_the_year_through_the_last_month_of_a_fiscal_year_is_that_fiscal_year(pipeline):
    """'the year through March' in a Japanese story is its fiscal year; 'the year through August' in
    US copy is the year so far, not twelve months, so it is not read as a year ended in August."""
    got = _periods(pipeline, "Japan's exports to Peru rose 4 percent in the year through March.", published="2019-04-20")
    assert got["the year through March"] == ("2018-04-01", "2019-03-31")
    got = _periods(pipeline, "U.S. imports from Peru fell 12 percent in the year through August.", published="2019-10-20")
    assert got.get("the year through August") is None


def test_a_state_without_a_fiscal_calendar_keeps_the_calendar_year(pipeline):
    got = _periods(pipeline, "China's exports to Peru rose 8 percent in fiscal 2023.")
    assert got["fiscal 2023"] == ("2023-01-01", "2023-12-31")


def test_the_story_s_state_dates_a_sentence_that_names_only_the_partner(pipeline):
    """An Indian story's 'FY24' is India's fiscal year even where the sentence names only Chile."""
    text = ("India's trade deficit narrowed in the year, the commerce ministry said. "
            "Imports from Chile rose to $2.9 billion in FY24.")
    assert _periods(pipeline, text)["FY24"] == ("2023-04-01", "2024-03-31")


@pytest.mark.parametrize("text,written,span", [
    # not consecutive, or a state that does not write its fiscal years so: a range of years
    ("India's exports to Peru doubled over 2019-22.", "2019-22", ("2019-01-01", "2022-12-31")),
    ("China's trade with Peru grew through 2022-23.", "2022-23", ("2022-01-01", "2023-12-31")),
])
def test_other_pairs_of_years_stay_a_range(pipeline, text, written, span):
    assert _periods(pipeline, text)[written] == span


@pytest.mark.parametrize("text,written,published,span", [
    ("New Zealand's kiwifruit exports rose 9% to NZ$2.7 billion in the year ended June.", "the year ended June",
     "2024-08-14", ("2023-07-01", "2024-06-30")),
    # a year's total is told once the year is over: in a story of mid-June, the year to last June
    ("New Zealand's kiwifruit exports rose 9% to NZ$2.7 billion in the year ended June.", "the year ended June",
     "2024-06-14", ("2022-07-01", "2023-06-30")),
    ("Peru's copper exports fell 3% over the fiscal year that ended in March.", "the fiscal year that ended in March",
     "2024-08-14", ("2023-04-01", "2024-03-31")),
    ("Peru's copper exports fell 3% in the financial year to March 2022.", "the financial year to March 2022",
     "2024-08-14", ("2021-04-01", "2022-03-31")),
    # New Zealand and Australian statistics: "the September 2023 year", "the June year"
    ("Dairy exports to Peru rose NZ$210 million in the September 2023 year.", "the September 2023 year",
     "2024-08-14", ("2022-10-01", "2023-09-30")),
    ("Kiwifruit exports to Chile rose 7 percent in the June year, Stats NZ said.", "the June year",
     "2024-08-14", ("2023-07-01", "2024-06-30")),
])
def test_a_year_named_by_its_last_month(pipeline, text, written, published, span):
    assert _periods(pipeline, text, published)[written] == span


def test_this_year_through_a_month_is_not_a_year_named_by_its_month(pipeline):
    got = _periods(pipeline, "Peru's exports to Chile rose 4% this year through August.")
    assert "year through August" not in " ".join(got)


def test_the_year_to_a_month_without_fiscal_is_not_read_as_twelve_months(pipeline):
    """British copy's 'fell 4% in the year to November' is November's change on a year before."""
    got = _periods(pipeline, "Peru's imports fell 4 percent in the year to November.")
    assert not any(span[0].endswith("12-01") and span[1].endswith("11-30") for span in got.values())


@pytest.mark.parametrize("published", ["2024-08-14", None])
def test_months_followed_by_their_fiscal_year_in_brackets_are_of_that_year(pipeline, published):
    text = ("Pakistan's exports to Kenya were $212 million during July-March (2019-20) against $190 million "
            "during July-March (2018-19), the Pakistan Bureau of Statistics said. Imports were $31 million "
            "in May (2022-23).")
    r = pipeline.extract(text, published=published)
    got = [(p.text, str(p.from_), str(p.to)) for p in r.periods if not p.text[0].isdigit()]
    assert got == [("July-March", "2019-07-01", "2020-03-31"), ("July-March", "2018-07-01", "2019-03-31"),
                   ("May", "2023-05-01", "2023-05-31")]


@pytest.mark.parametrize("text,written,span", [
    # Pakistani copy: the first N months of a fiscal year
    ("Pakistan's exports to Kenya rose 12 percent to $96 million in 7MFY25.", "7MFY25", ("2024-07-01", "2025-01-31")),
    # the state's fiscal year around publication (August 14, 2024)
    ("Pakistan's imports from Kenya fell in the current fiscal year.", "the current fiscal year",
     ("2024-07-01", "2025-06-30")),
    ("Japan's exports to Peru grew 9 percent in the fiscal first half.", "the fiscal first half",
     ("2024-04-01", "2024-09-30")),
    # the first months of the fiscal year in brackets, after 'of current fiscal year'
    ("Pakistan's exports to Kenya rose in the first three months of current fiscal year (2020-21).",
     "the first three months of current fiscal year (2020-21)", ("2020-07-01", "2020-09-30")),
    ("Pakistan's exports to Kenya rose in the first eight months of the current financial year (2022-23).",
     "the first eight months of the current financial year (2022-23)", ("2022-07-01", "2023-02-28")),
    ("Pakistan's imports from Kenya rose during July-March of current fiscal (2014-15).", "July-March",
     ("2014-07-01", "2015-03-31")),
])
def test_fiscal_spans_of_the_state_s_calendar(pipeline, text, written, span):
    assert _periods(pipeline, text, published="2024-10-20" if "first half" in text else "2024-08-14")[written] == span


def test_a_dollar_sign_after_us_names_no_state_whose_fiscal_year_it_is(pipeline):
    """'US $' is the currency: a Bangladeshi story quoting its sums in US dollars keeps its own
    July-June year."""
    text = ("Bangladesh's knitwear exports fetched US $ 7.3 billion, and woven garments US $ 8.4 billion, "
            "the export bureau said. Garment earnings came to US $ 15.2 billion in FY 2016, up from "
            "US $ 13.9 billion.")
    assert _periods(pipeline, text, published=None)["FY 2016"] == ("2015-07-01", "2016-06-30")


@pytest.mark.parametrize("text,written,published,span", [
    ("Pakistan's exports to Kenya rose 9 percent in the first month of fiscal year 2025-26.",
     "the first month of fiscal year 2025-26", "2025-08-20", ("2025-07-01", "2025-07-31")),
    ("India's imports from Peru reached $3.1 billion in the first 10 months of the current fiscal year.",
     "the first 10 months of the current fiscal year", "2024-02-14", ("2023-04-01", "2024-01-31")),
    ("Australia's exports to Vietnam rose in the first six months of financial year 2023-24.",
     "the first six months of financial year 2023-24", "2024-02-14", ("2023-07-01", "2023-12-31")),
    # the fiscal year with no year named: the one running at publication
    ("India's purchases from Chile reached $2 billion in the first 4 months of the financial year.",
     "the first 4 months of the financial year", "2024-09-02", ("2024-04-01", "2024-07-31")),
])
def test_the_first_months_of_a_fiscal_year_are_in_its_state_s_calendar(pipeline, text, written, published, span):
    assert _periods(pipeline, text, published)[written] == span


@pytest.mark.parametrize("text,written,span", [
    # Indian and Pakistani copy leaves out 'year' after a deictic 'fiscal'
    ("India's exports to Chile rose to $2.9 billion last fiscal, when imports fell.", "last fiscal",
     ("2023-04-01", "2024-03-31")),
    ("Pakistan's exports to Kenya were $310 million in the previous fiscal.", "the previous fiscal",
     ("2023-07-01", "2024-06-30")),
])
def test_a_deictic_fiscal_without_year_is_the_fiscal_year(pipeline, text, written, span):
    assert _periods(pipeline, text)[written] == span


@pytest.mark.parametrize("text,written,span", [
    ("India's imports from Chile had been valued at $1.1 billion last financial year.", "last financial year",
     ("2023-04-01", "2024-03-31")),
    ("Kenya's tea sales to Egypt rose in the current financial year.", "the current financial year",
     ("2024-07-01", "2025-06-30")),
    # July-to-June states of East Africa, and Myanmar's April-to-March year
    ("Uganda's coffee exports reached $1.1 billion in FY2022/23.", "FY2022/23", ("2022-07-01", "2023-06-30")),
    ("Myanmar's rice exports fell 8 percent in 2015-16.", "2015-16", ("2015-04-01", "2016-03-31")),
])
def test_the_financial_year_of_the_state_and_its_deictics(pipeline, text, written, span):
    assert _periods(pipeline, text)[written] == span


def test_a_deictic_fiscal_before_another_noun_is_not_a_year(pipeline):
    """The other side: 'the last fiscal quarter' stays a quarter."""
    got = _periods(pipeline, "India's exports to Chile fell in the last fiscal quarter.")
    assert "last fiscal" not in got and "the last fiscal" not in got


@pytest.mark.parametrize("text,written,span", [
    # "previous" points back to the fiscal year the sentence talks about (TimeML's anaphoric reading)
    ("For 2023-24 as a whole, India's exports stood at $437 billion, down from $451 billion during the previous "
     "fiscal year.", "the previous fiscal year", ("2022-04-01", "2023-03-31")),
    ("India's exports to Chile rose in 2016-17, to $133 million from $198 million in the previous fiscal.",
     "the previous fiscal", ("2015-04-01", "2016-03-31")),
])
def test_the_previous_fiscal_year_is_the_one_before_the_text_s(pipeline, text, written, span):
    assert _periods(pipeline, text, published="2024-06-19")[written] == span


@pytest.mark.parametrize("text,written,span", [
    # the last month before the first: the span runs into the fiscal year's second calendar year
    ("Pakistan's imports from Kenya fell to $310 million in July-March 2022-23.", "July-March 2022-23",
     ("2022-07-01", "2023-03-31")),
    ("Sri Lanka's tea exports to Iran rose in Jul-Feb FY2019-20.", "Jul-Feb FY2019-20", ("2019-07-01", "2020-02-29")),
    # months inside the fiscal year's first calendar year stay there
    ("Pakistan's exports to Chile reached $90 million in July-December 2021-22.", "July-December 2021-22",
     ("2021-07-01", "2021-12-31")),
])
def test_months_written_with_a_pair_of_years_are_months_of_that_fiscal_year(pipeline, text, written, span):
    assert _periods(pipeline, text)[written] == span


@pytest.mark.parametrize("text,written", [
    ("Exports to Peru fell in May from the May a year earlier.", "May"),
    ("Peru's exports rose in the June 2024 year-on-year comparison.", "June 2024"),
])
def test_a_month_followed_by_year_in_another_sense_is_not_a_year_named_by_it(pipeline, text, written):
    got = _periods(pipeline, text)
    assert not any(k.endswith(" year") for k in got), got


def test_the_year_after_a_fiscal_year_is_that_fiscal_year(pipeline):
    """'... last fiscal. During the year, exports rose ...': the year in focus is the fiscal one."""
    got = _periods(pipeline, "India's imports from Peru rose 4.1 percent to $3.6 billion last fiscal. During the year, "
                             "exports to Peru rose 6.9 percent.", "2024-05-20")
    assert got["the year"] == ("2023-04-01", "2024-03-31")


def test_the_year_after_a_calendar_year_stays_that_year(pipeline):
    got = _periods(pipeline, "Peru's imports rose 4.1 percent in 2023. During the year, exports rose 6.9 percent.",
                   "2024-05-20")
    assert got["the year"] == ("2023-01-01", "2023-12-31")


@pytest.mark.parametrize("text,written,published,span", [
    # a quarter or half of the fiscal year around publication, in its state's calendar
    ("Pakistan's imports from Kenya rose 6 percent in the second quarter of the current fiscal year.",
     "the second quarter of the current fiscal year", "2024-01-20", ("2023-10-01", "2023-12-31")),
    ("Japan's exports to Chile fell in the first half of the previous fiscal year.",
     "the first half of the previous fiscal year", "2024-06-03", ("2023-04-01", "2023-09-30")),
    ("Nepal's imports from Bhutan grew in the first quarter of this fiscal year.",
     "the first quarter of this fiscal year", "2025-11-02", ("2025-07-01", "2025-09-30")),
    # a state without a fiscal calendar: the calendar year's quarter
    ("China's exports to Chile rose in the third quarter of the current fiscal year.",
     "the third quarter of the current fiscal year", "2024-11-20", ("2024-07-01", "2024-09-30")),
])
def test_a_part_of_the_fiscal_year_around_publication(pipeline, text, written, published, span):
    assert _periods(pipeline, text, published)[written] == span


@pytest.mark.parametrize("text,written,published,span", [
    ("Pakistan's imports from Chile rose 15% in the July-June period of 2019/20.",
     "the July-June period of 2019/20", "2020-08-20", ("2019-07-01", "2020-06-30")),
    ("Pakistan's exports to Kenya rose 3% in first ten month of FY2021-22.", "first ten month of FY2021-22",
     "2023-07-20", ("2021-07-01", "2022-04-30")),
    ("Bangladesh's exports to Peru rose 22% in the first9 months of current fiscal.",
     "the first9 months of current fiscal", "2022-05-20", ("2021-07-01", "2022-03-31")),
])
def test_the_months_of_a_fiscal_year_as_copy_slips_in_writing_them(pipeline, text, written, published, span):
    """A 'period' between the months and the year, a singular 'month', a number glued to 'first', 'current
    fiscal' without 'year': still the fiscal year's months."""
    assert _periods(pipeline, text, published)[written] == span


@pytest.mark.parametrize("text, written, span", [
    # the first quarters of a fiscal year are its first months
    ("Bangladesh's exports rose 12 percent to $30 billion in the first three quarters of the current fiscal year.",
     "the first three quarters of the current fiscal year", ("2023-07-01", "2024-03-31")),
    ("India's exports rose to $210 billion in the first two quarters of fiscal year 2023-24.",
     "the first two quarters of fiscal year 2023-24", ("2023-04-01", "2023-09-30")),
    # the same period of the last fiscal year: those months a year before, not that whole year
    ("Pakistan's exports rose to $9.5 billion in the first four months of the fiscal year, against $7.6 billion in "
     "the same period of the last fiscal year.", "the same period of the last fiscal year", ("2022-07-01", "2022-10-31")),
    # 'U.S. dollars' is a currency, which names no state whose fiscal year it is
    ("Imports came to 31.6 billion U.S. dollars in the first four months of the fiscal year, Pakistan's "
     "commerce adviser said.", "the first four months of the fiscal year", ("2023-07-01", "2023-10-31")),
])
def test_parts_of_a_fiscal_year_and_their_base(pipeline, text, written, span):
    assert _periods(pipeline, text, published="2024-05-20")[written] == span


@pytest.mark.parametrize("state, expected", [("Ethiopia's", ("2021-07-01", "2021-09-30")),
                                             ("Brazil's", ("2021-01-01", "2021-03-31"))])
def test_the_first_quarter_of_the_fiscal_year_with_no_year_written(pipeline, state, expected):
    """'in the first quarter of the fiscal year', written in December 2021: the state's fiscal quarter
    last ended (Ethiopia's year starts in July); a state whose fiscal year is the calendar's keeps the
    calendar quarter."""
    got = _periods(pipeline, f"{state} exports reached $1.28 billion in the first quarter of the fiscal year.",
                   published="2021-12-02")
    assert got["the first quarter of the fiscal year"] == expected
