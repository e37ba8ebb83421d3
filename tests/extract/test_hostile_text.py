"""Issue 6 at the extraction layer: odd quotation marks, a paragraph pasted on
one line, emoji and invisible characters, and arbitrary text built from them."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import clean_text
from extract.statements.quotes import find_quotes
from extract.sections import MAX_HEADLINE, parse


def texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


# ---- quotation marks --------------------------------------------------------------

def test_two_apostrophes_make_a_double_quotation_mark():
    assert texts("Bob Stone replied ''the budget is spent.'' Then he left.") == ["the budget is spent."]
    assert texts("He said ''yes'' and ''no''.") == ["yes", "no"]
    (q,) = find_quotes("x ''yes'' y")
    assert (q.open_at, q.after) == (2, 9)  # both marks belong to the quotation


def test_two_apostrophes_alone_or_inside_words_are_not_quotes():
    assert texts("an empty '' string") == []
    assert texts("it's Lee's view") == []


# ---- a paragraph on one line --------------------------------------------------------

def test_a_long_first_line_keeps_its_first_sentence_as_headline():
    body = "The council met again and talked about the bridge for a long time. " * 10
    text = body + "Mayor Ann Lee said: \"It reopens in spring.\""
    layout = parse(text)
    assert layout.title == "The council met again and talked about the bridge for a long time."
    assert layout.section_at(text.index("Mayor")) == "Body"  # the quote is prose, not headline


def test_the_headline_is_not_cut_at_an_abbreviation():
    line = "The U.S. Navy and Mr. Smith met Gen. Jones in Washington on Monday to discuss ships. " * 4
    assert parse(line).title == "The U.S. Navy and Mr. Smith met Gen. Jones in Washington on Monday to discuss ships."


def test_a_short_first_line_is_the_headline_whatever_it_holds():
    assert parse("Lee: \"We are ready.\" Floods hit Leeds\n\nBody text.").title == 'Lee: "We are ready." Floods hit Leeds'


def test_a_long_line_without_a_sentence_end_has_no_headline():
    layout = parse("word " * 200)
    assert layout.title == "" and layout.sections[0].name == "Body"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Word", "word", ". ", "Mr. ", "U.S. ", "? ", "“Yes.” ", "\n", " ", "x" * 60]),
                max_size=60).map("".join))
def test_headlines_stay_short_and_inside_the_first_line(text):
    layout = parse(text)
    s, e = layout.title_span
    assert 0 <= s <= e <= len(text) and "\n" not in text[s:e]
    assert len(layout.title) <= MAX_HEADLINE


# ---- the whole extractor on hostile text ---------------------------------------------

def test_an_emoji_beside_a_name_is_not_the_speaker(extractor):
    brief = extractor.extract("Floods hit Leeds\n\nMayor Ann Lee 👩‍💼 said: \"We are ready 💪,\" on Monday.")
    assert [(s.text, s.speaker) for s in brief.statements] == [("We are ready 💪,", "Ann Lee")]


_PIECES = st.sampled_from([
    "“", "”", '"', "'", "''", "``", "‘", "’", ",", ".", ":", " — ", "\n", "\n\n", " said ", " told ",
    " she ", "Ann Lee", "Mayor", " the council ", "We will win", " it ", "🙂", "👩‍💼", "🇬🇧", "\u200b", "\u202e",
    "\u2066", "\ufeff", "\x07", "\x1b[31m", "\r\n", "\t", "@everyone", "<@123>", "**", "||", "<p>", "# ",
    "東京", "Привет", "x" * 80,
])
_HIDDEN = str.maketrans("", "", "\u200b\u200c\u200d\u202e\u2066\ufeff\x07\x1b")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_statements_are_text_of_the_input_and_names_have_letters(extractor, text):
    brief = extractor.extract(text)
    visible = text.translate(_HIDDEN).replace("\r\n", "\n").replace("\t", " ")
    assert brief.text == clean_text(text)
    for s in brief.statements:
        assert s.text and s.text in visible, s.text
        assert brief.text[s.start:s.end] == s.text
        assert s.speaker is None or any(c.isalpha() for c in s.speaker), s.speaker
    for e in brief.entities:
        assert any(c.isalpha() for c in e.name), e.name
    assert len(brief.title) <= MAX_HEADLINE and "\n" not in brief.title
