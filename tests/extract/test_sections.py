"""Layout parsing: house format, plain articles, decorations, arbitrary text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.sections import heading_name, is_title_case, parse, parse_insights

HOUSE = """Regulators Weigh Fresh Curbs On Lithium Exports

News Summary
Chile's mining ministry said on Tuesday it would review export licences.
Background
Lithium prices fell sharply last year.
In-Depth AI Insights
Will the review slow supply? - Probably in the short term. - Producers may shift to Argentina.
Who gains? - Australian miners could win share, though"""


def test_house_format_sections_and_title():
    layout = parse(HOUSE)
    assert layout.title == "Regulators Weigh Fresh Curbs On Lithium Exports"
    assert layout.house_format and layout.title_case
    assert [s.name for s in layout.sections] == ["News Summary", "Background", "In-Depth AI Insights"]
    assert layout.sections[1].text == "Lithium prices fell sharply last year."
    assert HOUSE[slice(*layout.title_span)] == layout.title


def test_insights_questions_and_bullet_answers():
    layout = parse(HOUSE)
    assert [i.question for i in layout.insights] == ["Will the review slow supply?", "Who gains?"]
    assert layout.insights[0].answers == ["Probably in the short term.", "Producers may shift to Argentina."]


def test_text_cut_off_mid_sentence_is_truncated():
    assert parse(HOUSE).truncated
    assert not parse(HOUSE + " only slightly.").truncated


def test_heading_spans_point_at_heading_lines():
    layout = parse(HOUSE)
    assert [HOUSE[s:e].strip() for s, e in layout.heading_spans] == ["News Summary", "Background",
                                                                      "In-Depth AI Insights"]


def test_section_spans_cover_the_section_text():
    layout = parse(HOUSE)
    for (name, start, end), section in zip(layout.section_spans, layout.sections):
        assert name == section.name and HOUSE[start:end] == section.text
    assert layout.section_at(HOUSE.index("Lithium prices")) == "Background"
    assert layout.section_at(2) == "Title"


PLAIN = """Council votes to keep the old library open

The city council voted 7-2 on Monday to keep the library open.

Residents had collected 4,000 signatures.

Source: https://example.org/news/library (CC BY 2.5)
"""


def test_plain_article_body_without_source_line():
    layout = parse(PLAIN)
    assert layout.title == "Council votes to keep the old library open"
    assert not layout.house_format and not layout.title_case
    assert [s.name for s in layout.sections] == ["Body"]
    assert "Source:" not in layout.sections[0].text
    assert layout.source.startswith("https://example.org/news/library")
    assert PLAIN[slice(*layout.source_span)].startswith("Source:")
    assert not layout.truncated  # the URL line is not where the prose ends


def test_markdown_and_html_decoration():
    text = "# Storm Closes Ports Along The Coast\n\n## News Summary\nShips waited offshore.\n" \
           "**Background:**\nThe season started early.\n<p>In-Depth AI Insights</p>\nWhat next? - Repairs."
    layout = parse(text)
    assert layout.title == "Storm Closes Ports Along The Coast"
    assert text[slice(*layout.title_span)] == "Storm Closes Ports Along The Coast"
    assert [s.name for s in layout.sections] == ["News Summary", "Background", "In-Depth AI Insights"]
    assert layout.insights[0].answers == ["Repairs."]


def test_heading_names_tolerate_case_and_colons():
    assert heading_name("  BACKGROUND: ") == "Background"
    assert heading_name("news summary") == "News Summary"
    assert heading_name("Background checks were done") is None


def test_answers_on_their_own_bullet_lines():
    insights = parse_insights("How long will it last?\n- A year at most.\n- Maybe less.\nWho pays?\n- Taxpayers.")
    assert [(i.question, i.answers) for i in insights] == [
        ("How long will it last?", ["A year at most.", "Maybe less."]), ("Who pays?", ["Taxpayers."])]


def test_title_case_detection():
    assert is_title_case("Fed Cuts Rates Again As Inflation Cools")
    assert not is_title_case("Fed cuts rates again as inflation cools")


def test_empty_and_heading_only_texts():
    assert parse("").title == "" and parse("").sections == []
    layout = parse("Background\nOnly background here.")
    assert layout.title == "" and layout.sections[0].name == "Background"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["News Summary", "Background", "In-Depth AI Insights", "# T", "x?", " - a",
                                   "Source: u", "<b>", "\n", "Word. ", "?"]), max_size=30).map("\n".join))
def test_arbitrary_text_never_raises_and_spans_stay_inside(text):
    layout = parse(text)
    s, e = layout.title_span
    assert 0 <= s <= e <= len(text)
    for _, start, end in layout.section_spans:
        assert 0 <= start <= end <= len(text)
    for start, end in layout.heading_spans:
        assert 0 <= start <= end <= len(text)
