"""Who a quotation is credited to on real-news layouts: pronoun agreement, namesakes,
quote paragraphs that continue or are introduced by the paragraph before them.

Every sentence here is written for the test.
"""
from __future__ import annotations

from extract.statements.gender import FEMALE, MALE, first_name_gender, word_before_gender
from extract.model import Entity
from extract.statements.namesakes import Namesakes


def direct(extractor, body: str, headline: str = "Council Votes On Budget"):
    brief = extractor.extract(f"{headline}\n\n{body}")
    return [(s.text, s.speaker) for s in brief.statements if s.kind == "direct"]


# -- gender of a person ------------------------------------------------------------------------

def test_first_names_give_a_sex_only_when_the_records_agree():
    assert first_name_gender("Margaret Okafor") == FEMALE
    assert first_name_gender("Gregory Hale") == MALE
    assert first_name_gender("Jordan Hale") is None  # given to boys and girls alike
    assert first_name_gender("Hale") is None  # a bare surname tells nothing


def test_honorifics_and_gendered_words_before_a_name():
    text = "Mrs. Hale spoke; her husband, Tom Hale, and Congressman Ruiz listened."
    assert word_before_gender(text, text.index("Hale")) == FEMALE
    assert word_before_gender(text, text.index("Tom Hale")) == MALE
    assert word_before_gender(text, text.index("Ruiz")) == MALE


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


# -- two people with one surname ----------------------------------------------------------------

def _hales(text: str) -> Namesakes:
    def spans(word):
        out, at = [], text.find(word)
        while at >= 0:
            out.append((at, at + len(word)))
            at = text.find(word, at + 1)
        return out
    ann = Entity("Ann Hale", "PERSON", spans=spans("Ann Hale") + [(s + 4, e) for s, e in spans("Mrs. Hale")])
    tom = Entity("Tom Hale", "PERSON", spans=spans("Tom Hale"))
    return Namesakes(text, [ann, tom])


def test_mrs_is_never_the_husband():
    text = "Ann Hale ran the firm.\n\nTom Hale sold it.\n\nMrs. Hale objected."
    at = text.index("Hale objected")
    assert _hales(text).person(at, at + 4, "Tom Hale") == "Ann Hale"


def test_bare_surname_after_a_full_name_in_its_paragraph():
    text = "Ann Hale ran the firm. Ann Hale hired staff.\n\nLater Tom Hale sold it, and Hale left."
    at = text.rindex("Hale")
    assert _hales(text).person(at, at + 4, "Ann Hale") == "Tom Hale"


def test_bare_surname_far_from_a_namesake_is_the_one_most_written_about():
    text = ("Ann Hale ran the firm. Ann Hale hired staff.\n\nHer husband, Tom Hale, sold it.\n\n"
            "Years on, Ann Hale wrote a book.\n\nA new chapter opened.\n\nHale said it was hard.")
    at = text.rindex("Hale")
    assert _hales(text).person(at, at + 4, "Tom Hale") == "Ann Hale"


def test_namesakes_in_a_brief(extractor):
    body = ("Senator Ann Hale and her husband, Tom Hale, toured the mill.\n\n"
            "The tour ended at noon.\n\n"
            "“We need the jobs here,” Mrs. Hale said.")
    assert direct(extractor, body) == [("We need the jobs here,", "Ann Hale")]


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


# -- quotations embedded in someone's clause ------------------------------------------------------

def test_quote_inside_a_pledge_is_the_subjects(extractor):
    body = ("The party met on Friday. Senator Lena Ortiz pledged to “carry this fight to every "
            "county in the state” before the vote.")
    assert direct(extractor, body) == [("carry this fight to every county in the state", "Lena Ortiz")]


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


# -- a post of one paragraph ----------------------------------------------------------------------

def test_one_paragraph_post_keeps_its_quote(extractor):
    brief = extractor.extract("“We will rebuild the bridge by spring,” said Mayor Ann Lee on Friday.")
    assert [(s.text, s.speaker) for s in brief.statements if s.kind == "direct"] == [
        ("We will rebuild the bridge by spring,", "Ann Lee")]
    assert brief.title.startswith("“We will rebuild")


def test_a_pronoun_subject_carries_its_person_past_other_names(extractor):
    body = ("Voters queued early. Retired teacher Gregory Hale waited near the door. He came to the rally, "
            "though he is torn between Ruth Calder and Victor Lane.\n\n"
            "“I want to hear about schools first,” he said.")
    assert direct(extractor, body) == [("I want to hear about schools first,", "Gregory Hale")]


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


# -- a headline without a full stop ------------------------------------------------------------

def test_a_headline_without_a_full_stop_keeps_the_first_speaker(extractor):
    # The parser reads the headline and the first sentence as one, with the headline's last
    # word as the subject of `backed`; the name on the verb's own line speaks.
    body = "Dana Whitlock backed the bond on Wednesday, saying it is time to elect a “steady hand at the port.”"
    assert direct(extractor, body, headline="Port Bond Vote Nears") == [
        ("steady hand at the port.", "Dana Whitlock")]


def test_shot_back_is_a_reply_not_the_earlier_critic(extractor):
    body = ("The debate turned sharp. After Mayor Tom Reyes criticized the budget, "
            "Councillor Ana Lund shot back, “We balanced it twice while you were away.”")
    assert direct(extractor, body) == [("We balanced it twice while you were away.", "Ana Lund")]
