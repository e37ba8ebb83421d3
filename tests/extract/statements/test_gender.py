"""Whether a person is a he or a she (extract/statements/gender.py)."""
from __future__ import annotations

from extract.statements.gender import FEMALE, MALE, first_name_gender, pronouns_after_gender, word_before_gender


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


def test_the_texts_own_pronouns_tell_the_sex_of_an_ambiguous_first_name():
    text = ("Jordan Hale defended his plan on Monday. Hale said his budget would pass. "
            "Hale met Ann Ruiz, who said she disagreed.")
    hale = [(0, 11), (text.index("Hale said"), text.index("Hale said") + 4),
            (text.index("Hale met"), text.index("Hale met") + 4)]
    ruiz = [(text.index("Ann Ruiz"), text.index("Ann Ruiz") + 8)]
    # the third sentence names two people: its `she` is no evidence about Hale
    assert pronouns_after_gender(text, hale, sorted(hale + ruiz)) == MALE


def test_one_sentence_or_a_quotation_does_not_settle_it():
    text = 'Jordan Hale spoke first. Hale said: "She will lead us," and Hale left with his aide.'
    hale = [(0, 11), (text.index("Hale said"), text.index("Hale said") + 4),
            (text.index("Hale left"), text.index("Hale left") + 4)]
    assert pronouns_after_gender(text, hale, hale) is None
