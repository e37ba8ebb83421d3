"""A brief's statements put together (extract/statements/assemble.py): follow-on quotes, what is not
a statement, invariants on any text, and the seed brief.

Every rule is checked on a sentence written for the test, and the seed brief as a whole.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from statements_of import direct, said


# -- direct quotations: no cue of their own -------------------------------------------------

def test_unattributed_follow_on_quote_inherits_the_speaker(extractor):
    body = ("“The border will stay open,” Chancellor Lena Vogt told a rally in Leipzig. "
            "“We will not build walls.”")
    assert direct(extractor, body) == [("The border will stay open,", "Lena Vogt"),
                                       ("We will not build walls.", "Lena Vogt")]


def test_quote_running_over_paragraphs_is_one_entry_per_paragraph(extractor):
    body = ('Mayor John Perez said: "The flood hit the east side hardest. Hundreds of homes are damaged.\n\n'
            '"We will rebuild every one of them."')
    assert direct(extractor, body) == [
        ("The flood hit the east side hardest. Hundreds of homes are damaged.", "John Perez"),
        ("We will rebuild every one of them.", "John Perez"),
    ]


def test_a_preceding_sentence_that_reports_speech_gives_the_speaker(extractor):
    body = ("Professor Helen Park noted that yields are falling across Asia. "
            "\"Farmers need better seeds and better water management.\"")
    assert direct(extractor, body)[0][1] == "Helen Park"


def test_speech_in_a_clause_of_time_does_not_take_over_the_next_quote(extractor):
    body = ("The senator and the talk show host met on air last week. \"Your show is wonderful,\" Grant Fowler "
            "assured Dale Ruckers, after Ruckers assured Fowler that most of his listeners backed him. "
            "\"I will not let you down.\"")
    assert direct(extractor, body) == [("Your show is wonderful,", "Grant Fowler"),
                                       ("I will not let you down.", "Grant Fowler")]


def test_unattributed_sentence_quote_has_no_speaker(extractor):
    body = 'The leaked memo circulated widely. "Staff must return to the office by June" was its message.'
    assert direct(extractor, body) == [("Staff must return to the office by June", None)]


# -- not statements ------------------------------------------------------------------------

def test_headline_phrase_is_not_a_statement(extractor):
    body = "The central bank left rates unchanged on Thursday."
    assert said(extractor, body, headline="Bank Keeps 'Steady Hand' On Rates") == []


def test_scare_quotes_and_quoted_names_are_not_statements(extractor):
    body = ('The team named its robot "Blue Falcon." The so-called "reform" drew protests, and the '
            'firm granted staff "flexible" hours.')
    assert direct(extractor, body) == []


def test_quoted_title_near_a_speaker_is_not_a_statement(extractor):
    body = 'Author Mark Dunn wrote a book called "The Last Harbour" about the war.'
    assert direct(extractor, body) == []


def test_quoted_modifier_of_a_noun_is_not_a_statement(extractor):
    body = 'Minister Paul Grant defended the "temporary" measures in parliament on Monday.'
    assert direct(extractor, body) == []


# -- invariants -----------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", ",", ".", ":", " — ", "\n", "\n\n", " said ", " told ", " he ",
    " she ", "Maria Lopez", "the minister", " according to ", " that ", "We will win", " it ",
    "Acme Corp", "officials", " warned ", " called ", "“Yes,” ", " and ",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_any_text_gives_statements_that_are_substrings(extractor, text):
    result = extractor.extract(text)
    for s in result.statements:
        assert result.text[s.start:s.end] == s.text
        assert s.text.strip()
        assert s.kind in ("direct", "reported")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_arbitrary_unicode_never_raises(extractor, text):
    for s in extractor.extract(text).statements:
        assert s.text


# -- the seed brief -------------------------------------------------------------------------

def test_seed_brief_quotes_are_hegseths_and_the_headline_phrase_is_not(extractor, seed_text):
    result = extractor.extract(seed_text)
    direct_ = [s for s in result.statements if s.kind == "direct"]
    assert [s.text for s in direct_] == [
        "The threat China poses is real and it could be imminent,",
        "We will not instigate nor seek to subjugate or humiliate.",
    ]
    assert {s.speaker for s in direct_} == {"Pete Hegseth"}
    assert not any("Imminent Threat" in s.text for s in result.statements)


# -- titles with bylines in news digests -------------------------------------------------------------

def test_a_headline_with_its_byline_and_excerpt_is_no_statement(extractor):
    text = ("Arts Digest\n\n"
            "CLOSING—“Old cinema on Dock Street to shut in spring,” by Gazette's Nora Pell: "
            "“The Regal, which has shown films since 1931, will close in April, its owners said.”\n\n"
            "—“A painter returns to the harbour,” by Courier's Sam Ode: http://example.org/x\n\n"
            "The new plan was called “a costly and reckless gamble” by Mayor Lena Ortiz on Friday.")
    brief = extractor.extract(text)
    # the passive attribution (`called … by Mayor Lena Ortiz`) is words, not a byline
    assert [s.text for s in brief.statements if s.kind == "direct"] == ["a costly and reckless gamble"]


# -- quote paragraphs with no attribution of their own --------------------------------------------

def test_quote_paragraph_after_an_attributed_quote_continues_it(extractor):
    body = ("“The bridge will reopen in May,” Carla Mendes told the council on Tuesday.\n\n"
            "“After that, the tolls will fall for everyone.”")
    assert direct(extractor, body) == [("The bridge will reopen in May,", "Carla Mendes"),
                                       ("After that, the tolls will fall for everyone.", "Carla Mendes")]


def test_quote_paragraph_after_reported_speech_continues_it(extractor):
    body = ("Carla Mendes said that the bridge would reopen in May.\n\n"
            "“After that, the tolls will fall for everyone.”")
    assert direct(extractor, body)[-1] == ("After that, the tolls will fall for everyone.", "Carla Mendes")


def test_quote_paragraph_after_narration_is_not_inherited(extractor):
    body = ("“The bridge will reopen in May,” Carla Mendes told the council.\n\n"
            "Traffic on the old road doubled over the winter months.\n\n"
            "“After that, the tolls will fall for everyone.”")
    assert direct(extractor, body)[-1] == ("After that, the tolls will fall for everyone.", None)


def test_paragraph_ending_in_a_colon_introduces_the_quote(extractor):
    body = ("Mayor Joe Quimby released the following statement:\n\n"
            "“Our town will rebuild, and it will rebuild together.”")
    assert direct(extractor, body) == [("Our town will rebuild, and it will rebuild together.", "Joe Quimby")]


def test_a_verb_in_the_next_paragraph_is_no_attribution(extractor):
    body = ("“The bridge will reopen in May, and the tolls will fall.”\n\n"
            "Dana Ruiz, the treasurer, wrote to residents the next day.")
    assert direct(extractor, body) == [("The bridge will reopen in May, and the tolls will fall.", None)]


# -- a post of one paragraph ----------------------------------------------------------------------

def test_one_paragraph_post_keeps_its_quote(extractor):
    brief = extractor.extract("“We will rebuild the bridge by spring,” said Mayor Ann Lee on Friday.")
    assert [(s.text, s.speaker) for s in brief.statements if s.kind == "direct"] == [
        ("We will rebuild the bridge by spring,", "Ann Lee")]
    assert brief.title.startswith("“We will rebuild")


# -- a headline without a full stop ------------------------------------------------------------

def test_a_headline_without_a_full_stop_keeps_the_first_speaker(extractor):
    # The parser reads the headline and the first sentence as one, with the headline's last
    # word as the subject of `backed`; the name on the verb's own line speaks.
    body = "Dana Whitlock backed the bond on Wednesday, saying it is time to elect a “steady hand at the port.”"
    assert direct(extractor, body, headline="Port Bond Vote Nears") == [
        ("steady hand at the port.", "Dana Whitlock")]


def test_a_sentence_whose_speech_verb_takes_a_speech_noun_introduces_the_next_quote(extractor):
    body = ("Across the aisle, Senator Ted Morgan, who has made lower taxes the centre of his "
            "campaign, tweeted a warning. \"Ohio: Remember in November who voted for this tax.\"")
    assert direct(extractor, body) == [("Ohio: Remember in November who voted for this tax.", "Ted Morgan")]


def test_the_short_first_half_of_a_split_quotation_is_speech_not_a_title(extractor):
    body = ("Ruth Calder runs the plant.\n\n“In March,” Ruth Calder said, “the plant will close for good.” "
            "Ann Fox, the host of “Night Talk,” said the closure was “a blow to the whole valley.”")
    assert direct(extractor, body) == [
        ("In March,", "Ruth Calder"),
        ("the plant will close for good.", "Ruth Calder"),
        ("a blow to the whole valley.", "Ann Fox")]


def test_a_short_quoted_sentence_of_its_own_continues_the_speaker(extractor):
    body = ("Mary Dunn spoke after the vote. “This is a sad day,” she said. “We lost.” "
            "The count had ended at midnight, and the “recount” talk faded.")
    assert direct(extractor, body) == [("This is a sad day,", "Mary Dunn"), ("We lost.", "Mary Dunn")]
