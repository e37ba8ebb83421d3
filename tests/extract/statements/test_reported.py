"""Reported speech: the clause a speech verb governs and its speaker (extract/statements/reported.py).

Every rule is checked on a sentence written for the test.
"""
from __future__ import annotations

from statements_of import reported, said


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
