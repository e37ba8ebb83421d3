"""Who a speaker word stands for (extract/statements/speakers.py): pronouns that agree with their
antecedent and carry a person past other names, unnamed sources.

Every sentence here is written for the test.
"""
from __future__ import annotations

from extract.model import Entity
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


def test_he_and_his_in_the_text_tell_who_an_ambiguous_first_name_is(extractor):
    body = ("Chris Christie defended his endorsement this week on his radio show. "
            "Christie said his friend would win.\n\n"
            "To political science professor Morgan Lee, Christie's stare seemed to reflect sadness.\n\n"
            "“It really looked like heartbreak,” she said.")
    assert direct(extractor, body) == [("It really looked like heartbreak,", "Morgan Lee")]


def test_he_does_not_reach_over_a_paragraph_break_the_parser_ran_a_sentence_across(extractor):
    body = ("Senator Luis Moreno leads the race.\n\n"
            "Rivals were quick to pounce, with Governor Paul Denton tweeting that it was a "
            "\"disaster\" for the party and asking, \"How can anyone trust this man?\"\n\n"
            "Moreno appeared to dismiss the issue in May, when he told reporters that voters were "
            "\"sick and tired of hearing about it.\"")
    assert direct(extractor, body)[-1] == ("sick and tired of hearing about it.", "Luis Moreno")


def test_a_name_in_a_clause_after_the_same_he_is_not_who_he_is(extractor):
    body = ("Tom Baxter, a delegate from Ohio, said he called the chairman last week.\n\n"
            "Baxter said he is ready to fight any move to bind the delegation. But during the roll call, "
            "states vote in order, he noted, so it may be clear whether Frank Miller will be the nominee "
            "by then. He said states like Iowa will settle it first.\n\n"
            "\"If we cannot find another nominee, we might abstain,\" he said.")
    assert direct(extractor, body) == [("If we cannot find another nominee, we might abstain,", "Tom Baxter")]


def test_he_told_someone_is_never_that_someone(extractor):
    body = ("During an interview with Sean Hollis, Dave Turner discussed the wall. "
            "Hollis asked Turner how high the wall would be.\n\n"
            "\"I think it could be 40 feet. Could be higher,\" he told Hollis, to cheers from the crowd.\n\n"
            "\"We have no choice,\" he said.")
    assert direct(extractor, body) == [("I think it could be 40 feet. Could be higher,", "Dave Turner"),
                                       ("We have no choice,", "Dave Turner")]


def test_he_said_of_someone_is_never_that_someone(extractor):
    body = ("Tom Hale met Ray Lund on Monday. Lund left early.\n\n"
            "\"He will lose the vote,\" he said of Lund.\n\n"
            "Asked about the vote, Senator Ann Cole said \"I have not seen the count,\" she said.")
    assert direct(extractor, body) == [("He will lose the vote,", "Tom Hale"),
                                       ("I have not seen the count,", "Ann Cole")]


def test_she_takes_up_the_main_subject_of_the_sentence_before_not_a_name_in_its_clauses(extractor):
    body = ("Most party leaders back the front-runner. One of them, state party chairwoman Nora Whitby, "
            "pledged her vote to Anne Calder last week in an effort to end the contest and let Calder "
            "focus on the autumn race.\n\n"
            "\"We need to close this out and get on with the campaign,\" she said.")
    assert direct(extractor, body) == [("We need to close this out and get on with the campaign,", "Nora Whitby")]


def test_he_after_a_clause_he_reports_is_the_one_who_reported_it(extractor):
    body = ("Former Rep. Carl Dorsey was pro Ken Lasch while the Ohio governor was in the race, "
            "he said on Wednesday.\n\n"
            "\"Ann is my next choice. Mark Tully lost me long ago,\" he said.")
    assert direct(extractor, body) == [("Ann is my next choice. Mark Tully lost me long ago,", "Carl Dorsey")]


# -- unnamed sources ------------------------------------------------------------------------------


def test_an_unnamed_party_member_is_no_place_and_no_party(extractor):
    body = ("“The polls were wrong,” another Ohio Republican added.\n\n"
            "“She is too far behind,” said one Iowa Democrat.\n\n"
            "“We are ready,” a Texas official said, weeks after Governor Paul Denton took office.")
    assert direct(extractor, body) == [("The polls were wrong,", None), ("She is too far behind,", None),
                                       ("We are ready,", None)]


def test_an_unnamed_party_member_the_parser_took_for_an_object_is_still_no_place(extractor):
    body = ("Insiders were split on Tuesday. \"The gap between the two is awfully large, and unlike Tom Berg, "
            "Ann Cole has very low disapproval numbers,\" added a New Hampshire Democrat. \"Voters like her.\"")
    assert [who for _, who in direct(extractor, body)] == [None, None]


def test_an_unnamed_phrase_with_a_name_in_apposition_or_an_author_is_that_person(extractor):
    body = ("“We will win the state,” said a Democrat, Senator Jane Doe.\n\n"
            "“Prices rose faster than wages,” a study by economist Peter Roe concluded.")
    assert direct(extractor, body) == [("We will win the state,", "Jane Doe"),
                                       ("Prices rose faster than wages,", "Peter Roe")]


def test_a_name_between_commas_before_the_verb_names_the_described_subject(extractor):
    # the parser hangs `Sam Whitaker` on the relative clause, not on `reporter`
    body = ("I was standing in the newsroom when the lights went out.\n\n"
            "The reporter I was talking to, Sam Whitaker, interrupted me in mid-sentence to announce, "
            "“And that is the end of the paper.”")
    assert direct(extractor, body) == [("And that is the end of the paper.", "Sam Whitaker")]


def test_a_persons_place_or_party_is_not_who_spoke(extractor):
    body = ("Talks resumed on Monday. \"We are close to a deal,\" the Florida senator said.\n\n"
            "Talks resumed on Monday. In an interview with hosts Joe Marsh and Mika Bryant, the Democratic "
            "presidential candidate stated that Ted Lowe's \"divisive\" and \"mean-spirited\" comments do not "
            "\"fit with what I thought I knew about him.\"")
    # the candidate's words stay statements, even the one-word ones, with no one named
    assert direct(extractor, body) == [("We are close to a deal,", None), ("divisive", None),
                                       ("mean-spirited", None), ("fit with what I thought I knew about him.", None)]


def test_officials_or_a_spokesman_of_a_place_still_speak_for_it(extractor):
    body = ("Talks resumed on Monday. \"We are close to a deal,\" U.S. officials said.\n\n"
            "\"There is no deadline,\" the Kremlin spokesman said.")
    assert [who for _, who in direct(extractor, body)] == ["United States", "Russia"]


def test_the_title_the_text_gave_someone_names_them(extractor):
    body = ("Was that really Chris Christie, the brusque governor of New Jersey? Republican Christine Todd "
            "Whitman, the former New Jersey governor, was not impressed.\n\n"
            "Christie defended his endorsement this week on his radio show.\n\n"
            "\"I have known him for 14 years and he is the best person to beat her,\" the governor said.\n\n"
            "Florida Sen. Marco Rubio spoke after Donald Trump. \"We will not get beat up,\" the Florida "
            "senator said.\n\n"
            "Mayor Ann Cole met Tom Briggs, a lawyer for the city. \"We will appeal,\" the lawyer said.\n\n"
            "The former president, Bill Carter, spoke last. \"We need unity,\" the former president said.")
    assert [who for _, who in direct(extractor, body)] == ["Chris Christie", "Marco Rubio", "Tom Briggs",
                                                          "Bill Carter"]


def test_a_title_no_one_was_given_or_another_office_names_no_one(extractor):
    body = ("Talks resumed on Monday. \"We are close to a deal,\" the senator said.\n\n"
            "Former President Bill Carter campaigned in Ohio with Vice President Joe Baden. "
            "\"We will win this state,\" the former president said.\n\n"
            "Turnout was low. \"We need more voters,\" the president said.")
    assert [who for _, who in direct(extractor, body)] == [None, "Bill Carter", None]


def test_a_short_phrase_an_unnamed_party_member_said_is_kept_without_a_speaker(extractor):
    body = "Another Ohio Republican said he heard the governor talk of “betrayal” at the dinner."
    assert direct(extractor, body) == [("betrayal", None)]


def test_a_name_the_parser_hung_on_the_paragraph_before_still_opens_its_own(extractor):
    from spacy.tokens import Doc

    from extract.statements.speakers import SpeakerResolver

    # `Hale, for example, said he hoped.` run into the paragraph before, with `Hale` misparsed
    # as the object of its verb, as the small model does after a closing quote mark
    words = ["Rivals", "have", "allies", ".", "\n\n", "Hale", ",", "for", "example", ",", "said",
             "he", "hoped", ".", "\n\n", "He", "said", "no", "."]
    spaces = [True, True, False, False, False, False, True, True, False, True, True, True, False,
              False, False, True, True, False, False]
    heads = [1, 1, 1, 1, 3, 1, 10, 10, 7, 10, 1, 12, 10, 10, 13, 16, 16, 16, 16]
    deps = ["nsubj", "ROOT", "dobj", "punct", "dep", "dobj", "punct", "prep", "pobj", "punct", "conj",
            "nsubj", "ccomp", "punct", "dep", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "PUNCT", "SPACE", "PROPN", "PUNCT", "ADP", "NOUN", "PUNCT", "VERB",
           "PRON", "VERB", "PUNCT", "SPACE", "PRON", "VERB", "DET", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    text = doc.text
    hale = Entity("Tom Hale", "PERSON", spans=[(text.index("Hale"), text.index("Hale") + 4)])
    resolver = SpeakerResolver(doc, [hale], [])
    assert resolver.antecedent(doc[15], {"PERSON"}) == "Tom Hale"


def test_a_chain_of_she_sentences_keeps_her_within_reach(extractor):
    body = ("Maria Lopez, who said the mayor cheated her in 2010, recounted the deal on a radio show. "
            "She has said that the deal was signed in the spring of 2010, when she met him at a Dayton "
            "event while he was running for mayor. She has gone public with her story again as Tom Hale "
            "has emerged to play a role in the campaign of his wife, Ann Hale, as she runs for governor.\n\n"
            "On Sunday, she disclosed for the first time that after the deal, Tom Hale called her again.\n\n"
            "“He called my office and I did not know it was him. He said, ‘Hi, this is Tom.’ I was shocked. "
            "I hung up. I never called back,” she said.")
    assert direct(extractor, body)[-1][1] == "Maria Lopez"
