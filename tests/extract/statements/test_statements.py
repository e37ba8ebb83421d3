"""Statements and their speakers (extract/statements/assemble.py and the modules behind it).

Every rule is checked on a sentence written for the test; the seed brief is checked last.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def brief(extractor, body: str, headline: str = "Markets Wait For News"):
    return extractor.extract(f"{headline}\n\n{body}")


def said(extractor, body: str, headline: str = "Markets Wait For News", kind: str | None = None):
    """(text, speaker, kind) of each statement, in text order."""
    return [(s.text, s.speaker, s.kind) for s in brief(extractor, body, headline).statements
            if kind is None or s.kind == kind]


def direct(extractor, body: str, headline: str = "Markets Wait For News"):
    return [(t, who) for t, who, _ in said(extractor, body, headline, kind="direct")]


def reported(extractor, body: str):
    return [(t, who) for t, who, _ in said(extractor, body, kind="reported")]


# -- direct quotations: where the speaker is named -------------------------------------------

def test_inverted_attribution_after_the_quote(extractor):
    body = "“We will keep rates where they are,” said Maria Lopez, the bank's governor."
    assert direct(extractor, body) == [("We will keep rates where they are,", "Maria Lopez")]


def test_speaker_then_colon(extractor):
    body = 'Finance Minister Olaf Brandt said: "The budget is balanced for the first time."'
    assert direct(extractor, body) == [("The budget is balanced for the first time.", "Olaf Brandt")]


def test_split_quote_is_two_entries_with_one_speaker(extractor):
    body = ('"We are not going to raise taxes," Governor Emma Stone told reporters on Friday, '
            '"but we will cut waste."')
    assert direct(extractor, body) == [("We are not going to raise taxes,", "Emma Stone"),
                                       ("but we will cut waste.", "Emma Stone")]


def test_dash_after_the_quote_names_the_speaker(extractor):
    body = "The vote is close. “Nobody should take this for granted.” — Pedro Alvarez, in a radio interview."
    assert direct(extractor, body) == [("Nobody should take this for granted.", "Pedro Alvarez")]


def test_speech_noun_with_a_possessor(extractor):
    body = ("Senator Laura Finch spoke in Ohio on Monday. Her critics seized on Finch’s warning "
            "that “the plan will bankrupt the state.”")
    assert direct(extractor, body)[0][1] == "Laura Finch"


def test_pronoun_speaker_is_the_latest_named_subject(extractor):
    body = ("Prime Minister Anna Berg met the unions on Tuesday. "
            "“There will be no strike this winter,” she said after the talks.")
    assert direct(extractor, body) == [("There will be no strike this winter,", "Anna Berg")]


def test_possessive_pronoun_cue(extractor):
    body = ("Defence Minister Karl Weiss gave a speech in Berlin. Reporters focused on his claim "
            "that “the army is ready for anything.”")
    assert direct(extractor, body)[0][1] == "Karl Weiss"


def test_organisation_speaks_in_a_statement(extractor):
    body = ("The Federal Aviation Administration said in a statement: "
            "“All flights will resume on Monday morning.”")
    (text, who), = direct(extractor, body)
    assert who == "Federal Aviation Administration"


def test_quoted_as_saying(extractor):
    body = ("State media quoted Li Wei as saying the talks were \"frank and useful.\" "
            "Markets rose after the report.")
    assert direct(extractor, body) == [("frank and useful.", "Li Wei")]


def test_according_to_a_named_source(extractor):
    body = "According to Central Bank Governor Tomas Novak, \"inflation has peaked and will fall.\""
    assert direct(extractor, body) == [("inflation has peaked and will fall.", "Tomas Novak")]


def test_fragment_after_called_belongs_to_the_caller(extractor):
    body = "Opposition leader Sarah Connolly called the budget “a betrayal of working families.”"
    assert direct(extractor, body) == [("a betrayal of working families.", "Sarah Connolly")]


def test_one_word_fragment_in_a_named_speakers_clause(extractor):
    body = 'President Jorge Ramos has called the deal "terrible" and threatened to leave the talks.'
    assert direct(extractor, body) == [("terrible", "Jorge Ramos")]


def test_fragment_inside_an_outer_speakers_reported_clause(extractor):
    # the inner "told" belongs to the clause Harris reports, so the words are Harris's
    body = ('Police spokesman Tom Harris told the newspaper that the suspect "walked into the station '
            'and confessed" and told officers "everything he knew".')
    assert [who for _, who in direct(extractor, body)] == ["Tom Harris", "Tom Harris"]


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


def test_anonymous_source_has_no_speaker(extractor):
    body = "“The deal is dead,” one senior diplomat said on condition of anonymity."
    assert direct(extractor, body) == [("The deal is dead,", None)]


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


# -- reported speech -----------------------------------------------------------------------

def test_reported_clause_after_said(extractor):
    body = "Central bank chief Maria Lopez said the exchange rate was not a policy target."
    assert reported(extractor, body) == [("the exchange rate was not a policy target", "Maria Lopez")]


def test_reported_clause_drops_that_and_resolves_the_pronoun(extractor):
    body = "Finance Minister Olaf Brandt spoke in Bonn. He warned that growth would slow next year."
    assert reported(extractor, body) == [("growth would slow next year", "Olaf Brandt")]


def test_participle_speech_verb_takes_the_main_subject(extractor):
    body = "Acme Corp sued the regulator on Monday, arguing that the rule breaks federal law."
    assert reported(extractor, body) == [("the rule breaks federal law", "Acme Corp")]


def test_clause_before_the_attribution_with_anonymous_officials(extractor):
    body = "The two countries are close to a deal on steel tariffs, officials said on Monday."
    assert reported(extractor, body) == [("The two countries are close to a deal on steel tariffs", None)]


def test_according_to_anonymous_people(extractor):
    body = "According to people familiar with the talks, the merger will be announced next week."
    assert reported(extractor, body) == [("the merger will be announced next week", None)]


def test_clause_with_a_quoted_fragment_keeps_only_the_fragment(extractor):
    body = 'Minister Ravi Kumar told reporters that talks had made "real progress" and that a deal was near.'
    got = said(extractor, body)
    assert ("real progress", "Ravi Kumar", "direct") in got
    assert ("a deal was near", "Ravi Kumar", "reported") in got
    assert not any(kind == "reported" and "progress" in text for text, _, kind in got)


def test_instructions_pledges_and_descriptions_are_not_statements(extractor):
    body = ("Mayor John Perez urged residents to stay indoors. He pledged to reopen the schools. "
            "He described the storm as the worst in decades.")
    assert reported(extractor, body) == []


def test_questions_are_not_reported_statements(extractor):
    body = "Senator Laura Finch asked whether the budget was legal. She did not say how it passed."
    assert reported(extractor, body) == []


def test_things_that_suggest_are_not_speakers(extractor):
    body = "The latest figures suggest the economy is slowing. Polling shows the government is unpopular."
    assert reported(extractor, body) == []


def test_a_named_example_of_a_group_speaks(extractor):
    body = "Skeptics such as investor Michael Burry have argued that banks hide their losses."
    assert reported(extractor, body) == [("banks hide their losses", "Michael Burry")]


# -- the cue lexicon -----------------------------------------------------------------------

def test_lexicon_lists_are_consistent():
    from extract.statements.lexicon import lexicon

    lex = lexicon()
    assert lex.reported_excluded <= lex.speech  # exclusions narrow the speech verbs
    assert {"say", "tell", "add", "warn", "argue"} <= lex.speech
    assert all(w == w.casefold() for w in lex.speech | lex.naming | lex.nominal)


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
