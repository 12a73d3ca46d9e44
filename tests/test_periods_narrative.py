"""Pages without a publication date (issue 12, shape 6): relative expressions anchored on the
text's own latest date (HeidelTime's narrative strategy), with a warning; what nothing anchors
stays unresolved.

All sentences are written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractor import extract
from extractor.pipeline.articles import url_month
from extractor.pipeline.periods import find_periods


def undated(parse, text):
    doc = parse(text, None)
    return find_periods(doc, None), doc._.warnings


def period(ps, text, nth=0):
    found = [p for p in ps if p.text == text]
    assert len(found) > nth, f"{text!r} not among {[p.text for p in ps]}"
    return found[nth]


def span(p):
    return p.from_, p.to


def test_bare_months_take_the_year_of_the_latest_month_the_text_names(parse):
    # the headline's month comes before the dated one: the whole text is anchored, not what precedes
    ps, warnings = undated(parse, "Coal shipments to Dandong jump in June\n\n"
                                  "Shipments rose to $8.1 million in June from $3.9 million in May. "
                                  "That was still below the $12 million shipped in March 2019 and the $10.5 million "
                                  "of November 2022.")
    assert span(period(ps, "June")) == (date(2022, 6, 1), date(2022, 6, 30))
    assert span(period(ps, "June", 1)) == (date(2022, 6, 1), date(2022, 6, 30))
    assert span(period(ps, "May")) == (date(2022, 5, 1), date(2022, 5, 31))
    assert period(ps, "May").relative  # its year was inferred, not read
    assert any("anchored on the text's own latest date 'November 2022'" in w for w in warnings)


def test_a_named_month_a_figure_is_compared_with_puts_the_story_a_year_later(parse):
    ps, _ = undated(parse, "Fertiliser imports in October climbed 40% compared with October 2023, "
                           "while September imports were flat.")
    assert span(period(ps, "October")) == (date(2024, 10, 1), date(2024, 10, 31))
    assert span(period(ps, "September")) == (date(2024, 9, 1), date(2024, 9, 30))
    assert span(period(ps, "October 2023")) == (date(2023, 10, 1), date(2023, 10, 31))


def test_a_month_range_that_starts_with_from_is_no_comparison_base(parse):
    ps, _ = undated(parse, "Trade grew from January 2020 to March 2021. In May, it fell again.")
    assert span(period(ps, "May")) == (date(2021, 5, 1), date(2021, 5, 31))


def test_with_a_month_anchor_years_resolve_but_months_and_days_do_not(parse):
    ps, warnings = undated(parse, "Exports reached $50 million in August 2024 after a slump last year, the "
                                  "agency said on Tuesday. Imports fell last month.")
    assert span(period(ps, "last year")) == (date(2023, 1, 1), date(2023, 12, 31))
    assert period(ps, "Tuesday").from_ is None      # which day of which week: not said
    assert period(ps, "last month").from_ is None   # August may be the month written in, or the one before
    assert any("left unresolved" in w and "'Tuesday'" in w for w in warnings)


def test_a_full_date_anchors_weekdays_that_follow_it(parse):
    ps, _ = undated(parse, "Friday, March 7th, 2025\n\nThe ministry said Thursday that rice imports rose "
                           "last year and would rise again next month.")
    assert span(period(ps, "Thursday")) == (date(2025, 3, 6), date(2025, 3, 6))
    assert span(period(ps, "last year")) == (date(2024, 1, 1), date(2024, 12, 31))
    assert span(period(ps, "next month")) == (date(2025, 4, 1), date(2025, 4, 30))


def test_a_weekday_before_any_full_date_stays_unresolved(parse):
    ps, _ = undated(parse, "Officials met on Wednesday.\n\nTuesday, June 3, 2025\n\nTrade rose in May.")
    assert period(ps, "Wednesday").from_ is None
    assert span(period(ps, "May")) == (date(2025, 5, 1), date(2025, 5, 31))


def test_a_date_in_a_future_clause_anchors_nothing(parse):
    ps, _ = undated(parse, "The new tariff will take effect on January 1, 2027. Exports fell in March.")
    assert period(ps, "March").from_ is None


def test_a_bare_year_anchors_nothing(parse):
    # a story about 2023 is written in 2023 or any year after it
    ps, warnings = undated(parse, "In 2023, the two countries traded $2.3 billion. Trade fell in October.")
    assert period(ps, "October").from_ is None
    assert not any("anchored" in w for w in warnings)


def test_a_year_named_beside_this_year_dates_an_undated_story(parse):
    """'... in the first eight months of this year, and sales for 2014 as a whole should ...': one
    sentence speaking of this year and of 2014 is speaking of the same year."""
    ps, warnings = undated(parse, "Chile's copper exports to Korea grew 6 percent in the first eight months of "
                                  "this year, and the ministry expects sales for 2014 as a whole to rise. Shipments "
                                  "slowed in August.")
    assert span(period(ps, "the first eight months of this year")) == (date(2014, 1, 1), date(2014, 8, 31))
    assert period(ps, "August").from_ == date(2014, 8, 1)
    assert any("anchored" in w and "'2014'" in w for w in warnings)


@pytest.mark.parametrize("text", [
    # a base this year is compared with, or the start of a span, is no year of writing
    "Exports to Korea grew 6 percent this year compared with 2014.",
    "Exports to Korea have grown every month this year since 2014.",
    # nor a year in another sentence than the one naming this year
    "Exports to Korea grew 6 percent this year. In 2014, copper made up most of them.",
])
def test_a_year_beside_this_year_as_a_base_or_elsewhere_is_not_this_year(parse, text):
    ps, _ = undated(parse, text)
    # (a base dates the story a year after it: see the base-year tests above)
    assert period(ps, "this year").from_ is None or period(ps, "this year").from_.year != 2014


def test_a_publication_date_is_never_replaced_by_the_text(parse):
    doc = parse("Exports fell in May, after a rise in December 2019.", date(2025, 10, 21))
    ps = find_periods(doc, doc._.published)
    assert span(period(ps, "May")) == (date(2025, 5, 1), date(2025, 5, 31))
    assert not doc._.warnings


def test_a_later_year_the_text_reports_in_moves_a_month_anchor(parse):
    ps, _ = undated(parse, "Rice imports have dropped sharply in 2025. From September to December 2024 they "
                           "were worth $9 million. This year, imports fell again, and on June 13 the agency "
                           "said stocks were low.")
    assert span(period(ps, "This year")) == (date(2025, 1, 1), date(2025, 12, 31))
    assert span(period(ps, "June 13")) == (date(2025, 6, 13), date(2025, 6, 13))


def test_a_deadline_year_does_not_move_the_anchor(parse):
    ps, _ = undated(parse, "Exports reached $9 million in March 2024. The plan is to double them by 2030. "
                           "In May, exports fell.")
    assert span(period(ps, "May")) == (date(2024, 5, 1), date(2024, 5, 31))


# ------------------------------------------------------------------ the month in the page's address

@pytest.mark.parametrize("url, month", [
    ("https://news.example.org/2022/08/laos-trade-rises/", date(2022, 8, 1)),
    ("https://news.example.org/economy/2021-03-14/exports", date(2021, 3, 1)),
    ("https://news.example.org/a/20190605-ports", date(2019, 6, 1)),
    ("https://news.example.org/economy/1258635", None),               # an id, not a date
    ("https://news.example.org/view.htm?Seq_Code=20220814", None),    # a query's ids are no date
    # ... but a query key that names a date is ('ud': the Korea Herald's addresses)
    ("https://news.example.org/view.php?ud=20190314000123", date(2019, 3, 1)),
    ("https://news.example.org/view.php?mp=1&np=2&ud=20110912000051", date(2011, 9, 1)),
    ("https://news.example.org/story?date=2019-03-04", date(2019, 3, 1)),
    ("https://news.example.org/2022/13/a", None),
    # a segment that names its section before the date, and a slug that ends with one
    ("https://news.example.org/nachrichten-2024-11/5518-laos-exports.htm", date(2024, 11, 1)),
    ("https://news.example.org/economy/laos-exports-rise-20230612/", date(2023, 6, 1)),
    ("https://news.example.org/report-2023-24/a", None),              # a pair of years, not a month
])
def test_the_month_a_page_s_address_dates_it_to(url, month):
    assert url_month(url) == month


def test_a_dated_address_anchors_last_month_but_not_a_weekday():
    # a date line of the site ("today") at the top is later than the story: the address wins
    text = ("December 3, 2024\nNews\nLaos's exports to Vietnam rose last month to $98 million, the "
            "ministry said on Monday.")
    result = extract(text, url="https://news.example.org/2022/08/laos-exports/")
    by_text = {p.text: p for p in result.periods}
    assert span(by_text["last month"]) == (date(2022, 7, 1), date(2022, 7, 31))
    assert by_text["Monday"].from_ is None
    assert any("the month in the page's address, August 2022" in w for w in result.warnings)


def test_a_next_release_date_is_no_date_of_writing(parse):
    # counted from the release date, "last month" would be June; the text only dates May 2021
    ps, _ = undated(parse, "Trade in goods, May 2021\nNext release: July 8, 2021\nExports rose 1.1 percent "
                           "last month to $205.0 billion.")
    assert period(ps, "last month").from_ is None


def test_the_start_of_a_since_span_is_no_date_of_writing(parse):
    # "since October 2020" says only that the story is later: a bare month is not dated by it
    ps, warnings = undated(parse, "Laos's exports to Vietnam reached $61 million in September, the most "
                                  "since October 2020.")
    assert period(ps, "September").from_ is None
    assert any("left unresolved" in w for w in warnings)


def test_the_month_of_a_figure_compared_with_dates_the_story_a_year_later(parse):
    ps, _ = undated(parse, "Peru's exports slipped in March. Its surplus, 2.04 billion soles, was lower "
                           "than the 3.96 billion soles surplus posted in March 2019.")
    assert span(period(ps, "March")) == (date(2020, 3, 1), date(2020, 3, 31))


def test_the_month_of_an_earlier_figure_since_which_is_no_date_of_writing(parse):
    ps, _ = undated(parse, "Peru's copper sales rose in August. It was the largest monthly amount since the "
                           "$3.1 billion tallied in March 2021.")
    assert period(ps, "August").from_ is None


def test_a_base_written_with_from_dates_an_undated_story_a_year_later(pipeline):
    """'up 7.2 percent from January-June 2017' on an undated page: the story's own June is 2018."""
    text = ("Peru's exports rose 2 percent in June from May.\n\n"
            "Over six months, Peru's exports came to $63.5 billion, up 4.1 percent from January-June 2017.")
    periods = {p.text: (p.from_, p.to) for p in pipeline.extract(text).periods}
    assert periods["June"] == (date(2018, 6, 1), date(2018, 6, 30))


def test_the_year_of_as_much_as_in_is_a_base_not_the_sentence_s_year(pipeline):
    text = "Peru's exports to Chile in May were 3.2 times as much as in 2019."
    periods = {p.text: p.from_ for p in pipeline.extract(text, published="2024-06-20").periods}
    assert periods["May"] == date(2024, 5, 1)


def test_a_month_range_of_a_relative_year(pipeline):
    periods = {p.text: (p.from_, p.to) for p in pipeline.extract(
        "Peru imported rice during March to September last year.", published="2024-06-20").periods}
    assert periods["March to September last year"] == (date(2023, 3, 1), date(2023, 9, 30))


def test_background_events_and_beginnings_do_not_date_an_undated_story(pipeline):
    """'Following the council's adoption of a ban in September 2017, Laos turned to coffee starting
    in 2018': neither dates 'the first half of this year' on a page without a date."""
    text = ("Laos's coffee exports jumped to $47 million in the first six months this year.\n\n"
            "Following the council's adoption of a timber ban in September 2017, Laos turned to exporting coffee "
            "starting in 2018.")
    periods = {p.text: p.from_ for p in pipeline.extract(text).periods}
    assert periods["the first six months this year"] is None


@pytest.mark.parametrize("event", ["which took effect in March 2016", "which came into effect in March 2016",
                                   "which came into force in March 2016", "signed in March 2016"])
def test_when_a_rule_took_effect_anchors_nothing(parse, event):
    text = (f"Laos's trade shrank by a third last year, a report showed. Exports tumbled 61 percent to $318 million. "
            f"Decree 99, {event}, bars imports of Laotian timber.")
    ps, _ = undated(parse, text)
    assert period(ps, "last year").from_ is None


def test_since_at_least_a_month_anchors_nothing(parse):
    text = ("Laos's trade with Peru fell to its lowest since at least March 2015 in January. Laos's exports to Peru "
            "in December last year were $210 million.")
    ps, _ = undated(parse, text)
    assert period(ps, "January").from_ is None


def test_a_span_of_months_with_its_year_anchors_bare_months(parse):
    ps, _ = undated(parse, "Laos's rice exports fell 30 percent in May from April, customs data showed. Laos sold "
                           "just 200 tons abroad in the first four months of 2021.")
    assert (period(ps, "May").from_, period(ps, "April").from_) == (date(2021, 5, 1), date(2021, 4, 1))


@pytest.mark.parametrize("text", [
    # a span named as a comparison base, or 'as of', says nothing of when the story is
    "Laos's exports were $42 million in May, down from $390 million in the third quarter of 2014.",
    "Laos's exports were $42 million in May. As of the third quarter of 2014, Laos had few buyers.",
])
def test_a_span_named_as_a_base_or_after_as_of_anchors_nothing(parse, text):
    ps, _ = undated(parse, text)
    assert period(ps, "May").from_ is None


def test_a_year_named_as_a_goal_does_not_date_an_undated_story(parse):
    ps, _ = undated(parse, "Exports fell 4 percent in the first nine months of 2015, the chamber said. Exports to "
                           "Chile rose 8 percent in December. The minister set the country's goals for 2016.")
    assert period(ps, "December").from_ == date(2015, 12, 1)


@pytest.mark.parametrize("text,figure,expected", [
    # the figure's own period is a year after the base its change is measured against
    ("Rubber exports from Laos climbed to $140 million in March, 22% above 2021.",
     "March", (date(2022, 3, 1), date(2022, 3, 31))),
    ("Laos sold $31 million of coffee in January, up 6 percent compared with the same period in 2020.",
     "January", (date(2021, 1, 1), date(2021, 1, 31))),
    # "last year" measured against a named year: the text is written the year after that
    ("Trade between Laos and Thailand reached $5.3 billion last year, up 9 percent from 2018.",
     "last year", (date(2019, 1, 1), date(2019, 12, 31))),
])
def test_an_undated_text_is_a_year_after_the_base_its_figures_are_compared_with(parse, text, figure, expected):
    ps, warnings = undated(parse, "Lao trade\n\n" + text)
    assert span(period(ps, figure)) == expected
    assert period(ps, figure).relative
    assert any("year after the comparison base" in w for w in warnings)


def test_the_base_year_also_dates_the_text_s_other_months(parse):
    ps, _ = undated(parse, "Lao trade\n\nLaos sold $31 million of coffee in January, up 6 percent compared with "
                           "the same period in 2020. In February alone, sales rose 4 percent.")
    assert span(period(ps, "February")) == (date(2021, 2, 1), date(2021, 2, 28))


@pytest.mark.parametrize("text", [
    # a year something runs since, or a month with its year, is no comparison base
    "Lao trade\n\nCoffee sales have risen every year since 2015, and rose 6 percent in January.",
    "Lao trade\n\nCoffee sales rose 6 percent in January.",
])
def test_without_a_base_year_the_months_stay_unresolved(parse, text):
    ps, _ = undated(parse, text)
    assert span(period(ps, "January")) == (None, None)


def test_the_year_written_as_the_year_2020_dates_a_span(parse):
    ps, _ = undated(parse, "Lao trade\n\nIn the first 11 months of the year 2020, Laos's exports to Thailand rose "
                           "5 percent. In November alone they rose 2 percent.")
    assert span(period(ps, "the first 11 months of the year 2020")) == (date(2020, 1, 1), date(2020, 11, 30))
    assert span(period(ps, "November")) == (date(2020, 11, 1), date(2020, 11, 30))


@pytest.mark.parametrize("text,month,year", [
    # the only year written is the comparison's base, after "vis-à-vis" or a figure "posted in"
    ("Kenya's exports rose 9 percent in January vis-à-vis January 2010.", "January", 2011),
    ("Kenya's merchandise exports rose 11.4 percent to $5.1 billion in August, above the $4.58 billion posted in "
     "August 2016.", "August", 2017),
    # the base figure with its article and noun: "compared with a ... surplus in"
    ("Kenya's exports rose 9 percent in June. The surplus of $1.2 billion compared with a $2.1 billion surplus "
     "in June 2016.", "June", 2017),
    ("Kenya's exports rose 9 percent in June, against the 4.1 billion shilling deficit of June 2016.", "June", 2017),
])
def test_a_base_month_with_its_year_puts_an_undated_story_a_year_later(parse, text, month, year):
    ps, _ = undated(parse, text)
    assert period(ps, month).from_.year == year


@pytest.mark.parametrize("recalled", ["and above an earlier peak in mid-2020",
                                      "topping the record set in 2019", "though below the high of 2020",
                                      "overtaking the whole value of 2020", "and overtook the total of 2019"])
def test_a_recalled_peak_s_year_does_not_date_the_month_beside_it(parse, recalled):
    """'in March, 22% above 2021 and above an earlier peak in mid-2020': the peak is what the
    figure is compared with, so its year is not the month's; the base year dates the text."""
    ps, _ = undated(parse, f"Lao trade\n\nRubber exports from Laos climbed to $140 million in March, 22% above 2021 {recalled}.")
    assert span(period(ps, "March")) == (date(2022, 3, 1), date(2022, 3, 31))


@pytest.mark.parametrize("dateline", ["HANOI, Nov. 2 (Reuters) --", "VIENTIANE, November 2 /Xinhua/ --",
                                      "Laos trade slows\n\nHANOI, Nov. 2 (AP) —"])
def test_a_wire_dateline_dates_what_counts_from_the_day_of_writing(parse, dateline):
    """'SEOUL, Oct. 1 (Yonhap) --': the day the story was filed, in the year of the text's latest
    date; "last month" counts from it (October), not from that latest date (Oct. 17 -> September)."""
    ps, warnings = undated(parse, f"{dateline} Laos's exports fell 3 percent in October, the ministry said "
                                  "in a report dated Oct. 17, 2025. Shipments totaled $610 million last month.")
    assert span(period(ps, "last month")) == (date(2025, 10, 1), date(2025, 10, 31))
    assert any("anchored on the text's own dateline" in w for w in warnings)


def test_a_date_line_far_from_the_text_s_dates_is_no_anchor(parse):
    """A dateline more than three months after the text's latest date may be a later year's story
    about old figures: the latest date stays the reference."""
    ps, warnings = undated(parse, "HANOI, Nov. 2 (Reuters) -- Laos's exports fell 3 percent in March 2025, "
                                  "the ministry said in a report dated April 17, 2025. Shipments totaled $610 million "
                                  "last month.")
    assert not any("dateline" in w for w in warnings)


@pytest.mark.parametrize("caption", [
    "This picture, taken on March 3, 2021, shows trucks queuing at a border crossing.",
    "In this Oct. 2, 2018, file photo, a freighter leaves a river harbour.",
    "A crane is pictured at a river port on Sept. 4, 2020.",
])
def test_a_photo_caption_s_date_is_no_date_of_writing(parse, caption):
    """Agencies reuse pictures for years: the date a caption gives is when the picture was taken."""
    ps, _ = undated(parse, f"{caption}\nSouth Korea's car exports rose 12 percent in November.")
    assert period(ps, "November").from_ is None


def test_a_date_beside_a_photo_credit_word_elsewhere_still_anchors(parse):
    ps, _ = undated(parse, "Photo: Yonhap\nCar exports reached $6.5 billion in October 2022. In November, they "
                           "rose 12 percent.")
    assert span(period(ps, "November")) == (date(2022, 11, 1), date(2022, 11, 30))


def test_the_second_of_two_figures_compared_with_dates_the_story_a_year_later(parse):
    """'compared with a $400 million deficit in October and $1.2 billion deficit in November 2015':
    both are bases, so the story's own November is a year after the second."""
    ps, _ = undated(parse, "Peru posted a $200 million surplus in November. The surplus compared with a $400 million "
                           "deficit in October and $1.2 billion deficit in November 2015.")
    assert span(period(ps, "November")) == (date(2016, 11, 1), date(2016, 11, 30))


@pytest.mark.parametrize("text,month,expected", [
    # the story names August bare and never July: the base is the month before, the story a month after it
    ("Peru's exports fell 5.8 percent in August compared with July 2014. Imports fell in August.", "August",
     (date(2014, 8, 1), date(2014, 8, 31))),
    # a flow compared with by its noun, no figure written
    ("Peru's deficit narrowed compared to its deficit between February and July 2023. In June, exports fell.",
     "June", (date(2024, 6, 1), date(2024, 6, 30))),
])
def test_how_far_after_a_base_the_story_is(parse, text, month, expected):
    ps, _ = undated(parse, text)
    assert span(period(ps, month)) == expected


def test_a_figure_a_change_noun_is_over_names_the_base_span_a_year_before_the_story(parse):
    """'a 12% increase over $640 million in shipments March to June 2014': the span written after the
    figure the change is over is the base, so the story's own 'first five months' are a year later."""
    ps, _ = undated(parse, "Laos sold $1.1 billion of coffee in the period, a 12 percent increase over $640 million in "
                           "shipments March to June 2014. Sales to Japan rose 10 percent in the first five months.")
    assert span(period(ps, "March to June 2014")) == (date(2014, 3, 1), date(2014, 6, 30))
    assert span(period(ps, "the first five months")) == (date(2015, 1, 1), date(2015, 5, 31))


def test_this_month_takes_the_year_of_the_text_s_latest_month(parse):
    """'this August' on an undated page whose latest date is 'January-August 2018': August of that year
    (only the year is needed; 'last August' still needs the month of writing)."""
    ps, _ = undated(parse, "In January-August 2018, Peru's trade with Chile fell 4 percent. Trade reached $212 "
                           "million this August. Trade was higher last August.")
    assert span(period(ps, "this August")) == (date(2018, 8, 1), date(2018, 8, 31))
    assert period(ps, "last August").from_ is None


def test_a_relative_year_restated_in_apposition_is_that_year(parse):
    """'The previous year, 2020, ...': the written year the apposition gives wins over the anchor."""
    ps, _ = undated(parse, "Peru's exports rose 3 percent from January right through to June. The previous year, 2020, "
                           "exports fell 2 percent.")
    assert span(period(ps, "The previous year")) == (date(2020, 1, 1), date(2020, 12, 31))


def test_a_comparison_base_year_beats_an_earlier_latest_month_the_text_recalls(parse):
    """'up 6.4 percent over the same period of 2016' and 'the last time exports hit $2 billion was August
    2016': the figures compared with 2016 are of 2017, though August 2016 is the latest month written."""
    ps, _ = undated(parse, "Laos's exports reached $2.5 billion in the first half of this year, up 6.4 percent over the "
                           "same period of 2016. The last time monthly exports topped $500 million was August 2016.")
    assert span(period(ps, "the first half of this year")) == (date(2017, 1, 1), date(2017, 6, 30))
    assert span(period(ps, "August 2016")) == (date(2016, 8, 1), date(2016, 8, 31))


@pytest.mark.parametrize("text, bare, expected", [
    # Japan's fiscal year: fiscal 2022 ends in March 2023, so the bare March of the release is March 2023
    ("OSAKA, May 9 (Wire) - Japan's exports rose 4.1 percent in fiscal 2022, the ministry said. "
     "In March alone, exports fell 2.2 percent.", "March", (date(2023, 3, 1), date(2023, 3, 31))),
    # Australia's: fiscal 2021 ends in June 2021
    ("Australia's exports rose 5 percent in fiscal 2021, the bureau said. In June alone, exports rose 9 percent.",
     "June", (date(2021, 6, 1), date(2021, 6, 30))),
])
def test_a_fiscal_year_with_its_year_written_dates_an_undated_text_by_its_last_month(parse, text, bare, expected):
    ps, _ = undated(parse, text)
    assert span(period(ps, bare)) == expected


def test_a_fiscal_year_in_a_forecast_dates_nothing(parse):
    ps, _ = undated(parse, "Exports fell 3 percent in March. The ministry expects exports to grow in fiscal 2030.")
    assert span(period(ps, "March")) == (None, None)


@pytest.mark.parametrize("later", ["", " The two sides aim to lift the trade volume to 1 trillion U.S. dollars by 2025.",
                                   " The two sides targeted a trade volume of 1 trillion U.S. dollars in 2025."])
def test_the_year_before_the_text_s_dated_span_takes_its_year(parse, later):
    """An undated text whose headline says 'the first half of the year' and whose next sentence says 'the
    first half of 2021': the year the text is about is 2021 (its own months give it); a year a clause of
    aiming names ('targeted ... in 2025') is no year it reports in."""
    ps, _ = undated(parse, "Peru-Chile trade grows in the first half of the year\n\nPeru's trade with Chile rose 6 "
                           f"percent in the first half of 2021, customs data showed.{later}")
    assert span(period(ps, "the first half of the year")) == (date(2021, 1, 1), date(2021, 6, 30))


@pytest.mark.parametrize("weekday, expected", [("Tuesday", (date(2020, 4, 1), date(2020, 4, 30))),
                                               ("Saturday", (date(2019, 4, 1), date(2019, 4, 30)))])
def test_a_dateline_s_weekday_in_the_lead_gives_the_year_of_writing(parse, weekday, expected):
    """'LIMA, June 9 (Xinhua) -- ... the office said on Tuesday': June 9 fell on a Tuesday in 2020,
    the first such year on or after the text's latest year (2019), so April is April 2020; a weekday
    no near year puts the dateline on leaves the text's own latest year."""
    ps, _ = undated(parse, f"LIMA, June 9 (Xinhua) -- Peru's exports fell 20 percent to 2.1 billion dollars in April, "
                           f"the statistics office said on {weekday}. Exports had last fallen this fast in July 2009. "
                           "In 2019, mining generated most of the country's sales abroad.")
    assert span(period(ps, "April")) == expected


@pytest.mark.parametrize("month, expected", [("December", (date(2023, 12, 1), date(2023, 12, 31))),
                                             ("March", (date(2024, 3, 1), date(2024, 3, 31)))])
def test_a_bare_month_far_after_the_text_s_latest_month_is_the_year_before_s(parse, month, expected):
    """On an undated page dated by 'February 2024', 'a 28% rise in December' is December 2023 (a month
    the story looks back on, not ten months ahead); a month shortly after keeps the year."""
    ps, _ = undated(parse, f"In February 2024, Bhutan's exports climbed 30 percent. The minister also cited a 28% rise "
                           f"in {month}.")
    assert span(period(ps, month)) == expected
