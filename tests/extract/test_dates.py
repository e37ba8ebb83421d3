"""Publication dates from a brief's own text: datelines and dated lines written
for these tests in the styles of wire services, newspapers and web pages."""
from datetime import date

import pytest

from extract.dates import find_date

POSTED = date(2015, 11, 20)  # a Friday

DATELINES = [
    ("Senate passes farm bill\n\nWASHINGTON, March 17, 2008 — The Senate voted on a farm bill.", date(2008, 3, 17)),
    ("Senate passes farm bill\n\nWASHINGTON, March 17, 2008 -- The Senate voted.", date(2008, 3, 17)),
    ("Floods close schools\nTuesday, June 3, 2014\nHeavy rain closed forty schools.", date(2014, 6, 3)),
    ("Port strike ends\nPublished: 2014-06-03\nDock workers returned.", date(2014, 6, 3)),
    ("Port strike ends\nUpdated on Sept. 4, 2019\nDock workers returned.", date(2019, 9, 4)),
    ("Mayor resigns\nBy Ana Ruiz | 17 March 2008\nThe mayor of Alba resigned.", date(2008, 3, 17)),
    ("Mayor resigns\n\nLONDON, 3 June 2014 - The mayor of Alba resigned.", date(2014, 6, 3)),
    ("Bridge reopens\n\nST. LOUIS, Mo., Sept. 3, 2014 -- The bridge reopened.", date(2014, 9, 3)),
    ("Bridge reopens\n\nBERLIN, Oct. 1st, 2021 (Reuters) - The bridge reopened.", date(2021, 10, 1)),
    ("Court ruling\n2012-01-31\n\nThe court ruled.", date(2012, 1, 31)),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_a_dateline_dates_the_brief(text, expected):
    found = find_date(text)
    assert found is not None and found.day == expected and found.how == "dateline"


@pytest.mark.parametrize("text", [
    # The past recalled in prose is not when the article was published.
    "Shuttle anniversary\n\nOn April 12, 1981, the first shuttle lifted off from Florida.",
    "Trade talks\n\nThe agreement signed March 17, 2008 expires next year, officials said.",
    # No date at all, or an impossible one.
    "Trade talks\n\nOfficials met to discuss tariffs.",
    "Trade talks\n\nGENEVA, February 30, 2014 — Officials met.",
])
def test_no_publication_date_where_the_text_gives_none(text):
    assert find_date(text) is None


def test_a_date_deep_in_the_article_is_not_its_dateline():
    text = "Trade talks\n\n" + "Officials met again to talk. " * 60 + "\nGENEVA, March 3, 2014 — more."
    assert find_date(text) is None


def test_a_year_less_dateline_needs_the_posting_date():
    text = "Clinton urges wider fight\n\nNEW YORK, Nov. 19 (UPI) — The former secretary spoke."
    assert find_date(text) is None
    found = find_date(text, posted=POSTED)
    assert found.day == date(2015, 11, 19) and found.how == "dateline"
    # A day later in the year than the posting date belongs to the year before.
    assert find_date(text.replace("Nov. 19", "Dec. 30"), posted=POSTED).day == date(2014, 12, 30)


def test_relative_days_are_resolved_against_the_posting_date_only():
    text = "Robotics medal\n\nA team of students was given a medal on Tuesday at the finals."
    assert find_date(text) is None
    found = find_date(text, posted=POSTED)
    assert found.day == date(2015, 11, 17) and found.how == "relative"
    assert find_date("Storm\n\nA storm yesterday toppled a crane.", posted=POSTED).day == date(2015, 11, 19)
    assert find_date("Vote\n\nThe council votes today on the budget.", posted=POSTED).day == POSTED
    # On the weekday of posting itself: that day.
    assert find_date("Vote\n\nThe council voted on Friday.", posted=POSTED).day == POSTED


def test_a_dateline_wins_over_a_relative_day():
    text = "Vote\n\nPARIS, June 2, 2015 — The council voted on Friday to close the bridge."
    assert find_date(text, posted=POSTED) == find_date(text)
    assert find_date(text).day == date(2015, 6, 2)


def test_a_dateline_after_the_posting_date_is_not_believed():
    text = "Vote\n\nPARIS, June 2, 2031 — The council voted."
    assert find_date(text) is not None  # with nothing to compare, it stands
    assert find_date(text, posted=POSTED) is None
