"""Whether a person is a he or a she (extract/statements/gender.py)."""
from __future__ import annotations

from extract.statements.gender import FEMALE, MALE, first_name_gender, word_before_gender


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
