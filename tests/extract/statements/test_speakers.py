"""Who a speaker word stands for (extract/statements/speakers.py): pronouns that agree with their
antecedent and carry a person past other names, unnamed sources.

Every sentence here is written for the test.
"""
from __future__ import annotations

from statements_of import direct


# -- pronouns agree with their antecedent -------------------------------------------------------

def test_she_skips_the_nearer_man(extractor):
    body = ("Economist Margaret Okafor studied the plan that Governor Paul Denton signed. "
            "“It will not pay for itself,” she said.")
    assert direct(extractor, body) == [("It will not pay for itself,", "Margaret Okafor")]


def test_he_prefers_the_subject_of_the_last_speech_verb(extractor):
    body = ("The vote is set for Friday. Councillor Dale Porter said he hopes the plan fails, "
            "though allies of Victor Lane backed it. "
            "“We will stop it at the first vote,” he said.")
    assert direct(extractor, body) == [("We will stop it at the first vote,", "Dale Porter")]


def test_an_honorific_tells_who_she_is(extractor):
    body = ("The depot reopened this week. Mr. Kerrigan met Mrs. Whitfield there on Monday. "
            "“The trains must run on time,” she said.")
    assert direct(extractor, body) == [("The trains must run on time,", "Whitfield")]


def test_a_pronoun_subject_carries_its_person_past_other_names(extractor):
    body = ("Voters queued early. Retired teacher Gregory Hale waited near the door. He came to the rally, "
            "though he is torn between Ruth Calder and Victor Lane.\n\n"
            "“I want to hear about schools first,” he said.")
    assert direct(extractor, body) == [("I want to hear about schools first,", "Gregory Hale")]


def test_pronoun_speaker_is_the_latest_named_subject(extractor):
    body = ("Prime Minister Anna Berg met the unions on Tuesday. "
            "“There will be no strike this winter,” she said after the talks.")
    assert direct(extractor, body) == [("There will be no strike this winter,", "Anna Berg")]


def test_possessive_pronoun_cue(extractor):
    body = ("Defence Minister Karl Weiss gave a speech in Berlin. Reporters focused on his claim "
            "that “the army is ready for anything.”")
    assert direct(extractor, body)[0][1] == "Karl Weiss"


def test_anonymous_source_has_no_speaker(extractor):
    body = "“The deal is dead,” one senior diplomat said on condition of anonymity."
    assert direct(extractor, body) == [("The deal is dead,", None)]
