"""Who said a quotation, from the cues around it (extract/statements/attribution.py).

Every rule is checked on a sentence written for the test.
"""
from __future__ import annotations

from statements_of import direct


# -- direct quotations: where the speaker is named -------------------------------------------


def test_inverted_attribution_after_the_quote(extractor):
    body = "“We will keep rates where they are,” said Maria Lopez, the bank's governor."
    assert direct(extractor, body) == [("We will keep rates where they are,", "Maria Lopez")]


def test_inverted_attribution_beats_a_verb_before_the_quote(extractor):
    # the parser hangs the question off `claiming`; `asked Whitford` says who asked it
    body = ("Susan Whitford advised the last two campaigns. Republicans deny it, and Democrats say the "
            "leaks were timed. If the leaks were indeed timed to hurt the party — as several analysts "
            "believe, and Democrats are claiming — \"why would you not ask the question?\" asked Whitford, "
            "now a lobbyist at a firm in Denver. \"It is only sensible to ask it.\"")
    assert direct(extractor, body) == [("why would you not ask the question?", "Susan Whitford"),
                                       ("It is only sensible to ask it.", "Susan Whitford")]


def test_a_speech_aside_between_commas_names_who_said_the_quote_after_it(extractor):
    body = ("Laura Kim, an economist at the National Housing Council, has advised builders for a decade. "
            "The housing market, she said, is \"stronger than it has been since 2009.\"")
    assert direct(extractor, body) == [("stronger than it has been since 2009.", "Laura Kim")]
    # when the quote opens on its clause's own verb, the aside hangs off a word inside it
    body = ("Laura Kim, an economist at the National Housing Council, has advised builders for a decade. "
            "The housing market, she said, is ''doing much better than it has since 2009.''")
    assert direct(extractor, body) == [("doing much better than it has since 2009.", "Laura Kim")]


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


def test_organisation_speaks_in_a_statement(extractor):
    body = ("The Federal Aviation Administration said in a statement: "
            "“All flights will resume on Monday morning.”")
    (text, who), = direct(extractor, body)
    assert who == "Federal Aviation Administration"


def test_a_statement_someone_released_speaks_for_them(extractor):
    body = ("Fashion designer Maria Delgado signed a licensing deal with the maker in 2012. At the time, "
            "she released a statement saying, \"The company has been a trusted partner for many years.\"\n\n"
            "Senator Tom Avery put out a statement saying \"this bill will not pass the Senate this year.\"\n\n"
            "Reporters obtained a memo saying \"the plant will close in May.\"")
    assert direct(extractor, body) == [
        ("The company has been a trusted partner for many years.", "Maria Delgado"),
        ("this bill will not pass the Senate this year.", "Tom Avery"),
        ("the plant will close in May.", None)]


def test_the_statement_speaks_for_whoever_issued_it_before(extractor):
    body = ("The ministry responded on Friday. Minister Ana Ruiz issued a statement late in the evening.\n\n"
            "\"We reject these claims entirely,\" the statement said.\n\n"
            "The union answered on Saturday. Reporters obtained a letter from a branch office.\n\n"
            "\"We will strike in May,\" the letter said.")
    assert direct(extractor, body) == [("We reject these claims entirely,", "Ana Ruiz"),
                                       ("We will strike in May,", None)]


def test_a_resolution_a_council_passed_or_voted_for_speaks_for_the_council(extractor):
    body = ("The Dayton City Council met on Monday.\n\n"
            "The council voted 7-2 for the resolution, which said the city \"rejects any closure of the river port.\"\n\n"
            "The Lorain School Board met on Tuesday.\n\n"
            "The board adopted a resolution that said the district \"will keep every school open next year.\"")
    assert direct(extractor, body) == [("rejects any closure of the river port.", "Dayton City Council"),
                                       ("will keep every school open next year.", "Lorain School Board")]


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


def test_a_quoted_modifier_inside_a_reported_clause_is_the_reporters(extractor):
    body = ("Golf is changing fast. Lesley Dorn, a vice president at a consulting firm, said the \"old model\" "
            "of private clubs with high fees and \"very exclusive\" memberships is in decline.")
    assert direct(extractor, body) == [("old model", "Lesley Dorn"), ("very exclusive", "Lesley Dorn")]


def test_a_quoted_modifier_outside_a_reported_clause_or_a_quoted_name_stays_a_label(extractor):
    body = ("Golf is changing fast. Governor Amy Tran called the \"reform\" bill a mess.\n\n"
            "Not everyone was pleased. \"We've had better conventions than this one,\" Texas delegate "
            "Bill Eastland, wearing a cowboy hat and \"Ted Cruz\" campaign pins, said as confetti fell.")
    assert direct(extractor, body) == [("We've had better conventions than this one,", "Bill Eastland")]


def test_a_quote_in_a_coordinated_clause_with_its_own_subject_is_not_the_first_speakers(extractor):
    body = ("Senator Ann Cole and Governor Tom Berg argued for weeks. Cole proposed a debate in Ohio on the "
            "evening of April 4 - but the Berg campaign rejected the idea as \"ludicrous\" because a "
            "basketball final was on that night.")
    assert direct(extractor, body) == [("ludicrous", "Tom Berg")]


def test_words_unnamed_officials_used_in_their_own_clause_are_kept_unattributed(extractor):
    body = ("Police named Syed Rahim as the shooter early. His name was on the scanner long before Mayor Tom "
            "Berg was briefed, and long before White House officials started to portray the attack as a "
            "\"workplace\" or \"gun control\" issue.")
    assert direct(extractor, body)[0] == ("workplace", None)

# -- quotations embedded in someone's clause ------------------------------------------------------


def test_quote_inside_a_pledge_is_the_subjects(extractor):
    body = ("The party met on Friday. Senator Lena Ortiz pledged to “carry this fight to every "
            "county in the state” before the vote.")
    assert direct(extractor, body) == [("carry this fight to every county in the state", "Lena Ortiz")]


def test_a_surname_the_tagger_took_for_a_common_noun_still_pledges(extractor):
    # `Sanders` is tagged as a plural noun here, yet it is the senator named just before
    body = ("Senator Maria Sanders spoke in Reno on Friday. Sanders also pledged to “bring our housing plan” "
            "to the convention.")
    assert direct(extractor, body) == [("bring our housing plan", "Maria Sanders")]


def test_a_quote_in_a_question_asked_by_someone_is_the_askers(extractor):
    body = ("Reporter Ben Lyle interviewed the Reverend Carl Dunmore in Atlanta on Monday.\n\n"
            "Asked by Lyle if the mayor “gets” the housing crisis, Dunmore avoided a direct answer.")
    assert direct(extractor, body) == [("gets", "Ben Lyle")]


def test_short_label_in_someones_clause_is_not_a_statement(extractor):
    body = "The party met on Friday. Senator Lena Ortiz toured the so-called “Rust Belt” on Monday."
    assert direct(extractor, body) == []


def test_quote_in_a_clause_about_a_plan_has_no_person_to_credit(extractor):
    body = ("The council met on Friday. The plan would put “a new roof on every school in "
            "the county” by May.")
    assert direct(extractor, body) == [("a new roof on every school in the county", None)]


# -- transcript layout --------------------------------------------------------------------------


def test_transcript_labels_name_the_speaker(extractor):
    body = ("Moderator Elaine Quist questioned Governor Mike Pence about the budget.\n\n"
            "PENCE: “Well, look, we balanced it every single year.”\n\n"
            "QUIST: “But the deficit grew, did it not?”\n\n"
            "Q: “Will you run again next year?”")
    assert direct(extractor, body) == [("Well, look, we balanced it every single year.", "Mike Pence"),
                                       ("But the deficit grew, did it not?", "Elaine Quist"),
                                       ("Will you run again next year?", None)]


# -- appositives and quotes inside someone else's account -----------------------------------------


def test_role_of_a_place_then_the_holders_name(extractor):
    body = ("The ceremony drew a large crowd on Sunday. The mayor of Springfield, Joe Quimby, "
            "said: \"We remember every one of them today.\"")
    assert direct(extractor, body) == [("We remember every one of them today.", "Joe Quimby")]


def test_relative_who_speaks_is_the_speaker(extractor):
    body = ("The memorial opened on Sunday.\n\n"
            "\"It is a sad and a proud time for the family,\" said Jim Swire, whose daughter Flora "
            "died in the crash.")
    assert direct(extractor, body) == [("It is a sad and a proud time for the family,", "Jim Swire")]


def test_words_an_unnamed_person_said_inside_an_account_are_not_the_narrators(extractor):
    body = ("The memorial opened on Sunday. Ruth Calder recalled how the pilot once called the route "
            "\"the loneliest stretch of sky\" in a letter home.")
    assert direct(extractor, body) == [("the loneliest stretch of sky", None)]


def test_attribution_after_a_long_appositive_holding_a_quoted_name(extractor):
    body = ("The hall emptied slowly on Thursday.\n\n"
            "\"We have had far better conventions than this one,\" Texas delegate Bill Eastland, "
            "wearing a cowboy hat and \"Ted Cruz\" pins, said as confetti fell.")
    assert direct(extractor, body) == [("We have had far better conventions than this one,", "Bill Eastland")]


# -- replies ----------------------------------------------------------------------------------


def test_shot_back_is_a_reply_not_the_earlier_critic(extractor):
    body = ("The debate turned sharp. After Mayor Tom Reyes criticized the budget, "
            "Councillor Ana Lund shot back, “We balanced it twice while you were away.”")
    assert direct(extractor, body) == [("We balanced it twice while you were away.", "Ana Lund")]


def test_speaker_before_an_aside_the_parser_cut_from_the_verb(extractor):
    body = ("The issue came up Friday after Mayor Mark Rivera, asked about the closures of "
            "newspapers under Governor Ivan Petrov, had said, “I think our city does plenty of that too.”")
    assert direct(extractor, body) == [("I think our city does plenty of that too.", "Mark Rivera")]


def test_speaker_before_a_described_role_the_parser_cut_from_the_verb(extractor):
    # the parser hangs `Mark Pellegrino` on the place the sentence opens with
    body = ("At Sunset Ridge, Mark Pellegrino, the club's president, suggested that rivals failed "
            "because of their focus on \"the business of selling houses.\"")
    assert direct(extractor, body) == [("the business of selling houses.", "Mark Pellegrino")]


def test_a_dash_after_a_quote_that_resumes_the_sentence_names_no_one(extractor):
    body = ("Yet in spite of carping that Senator Bill Hart is nothing but a dreamer - during their "
            "first debate, Governor Ann Ruiz cracked, “I'm a dreamer who gets things done” - he has "
            "often been an effective legislator.")
    assert direct(extractor, body) == [("I'm a dreamer who gets things done", "Ann Ruiz")]


def test_a_quote_in_a_clause_after_another_speakers_verb_is_not_the_outer_speakers(extractor):
    body = ("Professor Dan Lane and Governor Ann Ruiz met.\n\n"
            "Dan Lane tweeted after Ann Ruiz argued for the second consecutive debate that "
            "“if everyone had voted as he voted, we would not have rescued the auto industry.”")
    assert direct(extractor, body) == [
        ("if everyone had voted as he voted, we would not have rescued the auto industry.", "Ann Ruiz")]


def test_the_words_inside_an_accusation_are_the_accusers(extractor):
    body = ("Senator Ted Morgan accuses Mayor Ann Ruiz of \"leading from behind\" and Governor Paul "
            "Denton says she is \"losing the war on crime,\" part of a lashing they have given her.")
    assert direct(extractor, body) == [("leading from behind", "Ted Morgan"),
                                       ("losing the war on crime,", "Paul Denton")]


def test_an_as_clause_of_speech_frames_the_quote_later_in_its_sentence(extractor):
    body = ("For now, the city waves off the delay as having “minimal” impact. As city press "
            "secretary Josh Ernst explained, three taxes were postponed in the budget deal, depriving "
            "the city of $35 million, “which sounds like a lot of money. But when you consider that "
            "the plan will cost less than projected, the net outcome is a saving.”")
    assert direct(extractor, body)[-1][1] == "Josh Ernst"


def test_the_subject_of_a_passive_speech_verb_is_the_hearer_not_the_speaker(extractor):
    body = ("Former aide Tom Reyes spoke on a radio show on Monday.\n\n"
            "Reyes was asked, “If you had known about the loans, would you have warned her?” "
            "He answered, “I have no idea. We are old friends.”")
    assert direct(extractor, body) == [
        ("If you had known about the loans, would you have warned her?", None),
        ("I have no idea. We are old friends.", "Tom Reyes")]


def test_a_quote_between_a_possessor_and_the_speech_noun_it_modifies_is_the_possessors(extractor):
    body = ("Unions still fight the tax. It is the lasting pull of Governor Ann Cole's "
            "“if you like your plan, you can keep it” promise: many of them want to keep their plans.")
    assert direct(extractor, body) == [("if you like your plan, you can keep it", "Ann Cole")]
