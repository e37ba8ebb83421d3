"""Quotation-mark pairing (extract/statements/quotes.py): pure text, no spaCy."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.statements.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_pair_keeps_trailing_comma():
    assert texts("“We are ready,” she said.") == ["We are ready,"]


def test_straight_pairs_alternate():
    assert texts('He said "yes" and then "no" again.') == ["yes", "no"]


def test_latex_style_marks():
    assert texts("He said ``not now'' twice.") == ["not now"]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "“Every vote is about ‘war or peace’,” he said."
    assert texts(text) == ["Every vote is about ‘war or peace’,"]


def test_apostrophes_never_open_a_quote():
    assert texts("Beijing’s view and Thomas' sister don't agree; it's the '90s.") == []


def test_single_quoted_phrase_is_found():
    quotes = find_quotes("Rates hold as bank keeps 'steady' stance")
    assert [q.single for q in quotes] == [True]
    assert texts("Rates hold as bank keeps 'steady' stance") == ["steady"]


def test_possessive_after_a_single_quote_pair():
    assert texts("The 'red line' and the workers' union") == ["red line"]


def test_quote_left_open_ends_with_its_paragraph():
    text = "She said: “First part of the speech.\n\n“Second paragraph of it.”"
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["First part of the speech.", "Second paragraph of it."]
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[0].line != quotes[1].line


def test_a_second_opener_closes_the_unclosed_quote():
    assert texts("“One never closed “Two closed” end") == ["One never closed", "Two closed"]


def test_opening_mark_used_as_closer():
    assert texts("He said “we lost.“ Then he left.") == ["we lost."]


def test_straight_pair_nested_in_curly_quote():
    assert texts('“He told me "no" twice,” she said.') == ['He told me "no" twice,']


def test_curly_quote_closed_by_a_straight_mark():
    assert texts('“We lost" and then “we won.”') == ["We lost", "we won."]


def test_inch_marks_are_not_quotes():
    assert texts('A 12" pipe burst.') == []


def test_odd_count_of_straight_marks_does_not_fail():
    assert texts('He said "yes and left') == ["yes and left"]


def test_marks_without_words_are_skipped():
    assert texts('an empty "" pair and “ ” spaces') == []


def test_offsets_cover_exactly_the_inner_text():
    text = 'Intro "  padded text  " outro'
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "padded text"
    assert text[q.open_at] == '"' and text[q.after - 1] == '"'


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’`-—")), max_size=80))
def test_any_text_gives_ordered_spans_inside_one_line(text):
    quotes = find_quotes(text)
    last = -1
    for q in quotes:
        assert 0 <= q.open_at < q.start <= q.end <= q.after <= len(text)
        assert "\n" not in text[q.open_at:q.after]
        assert any(c.isalnum() for c in text[q.start:q.end])
        assert q.open_at >= last
        last = q.after


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    for q in find_quotes(text):
        assert text[q.start:q.end].strip() == text[q.start:q.end]
