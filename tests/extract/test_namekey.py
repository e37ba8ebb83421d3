"""The one name key shared by extraction, the store and the handlers."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.entities.mention import Mention
from extract.namekey import fold, fold_in_place, name_key, strip_invisible, strip_possessive
from store.normalize import name_key as store_name_key
from store.snippets import fold as snippet_fold


def test_possessives_dots_and_the_fold_away():
    assert name_key("The U.S.’s") == name_key("US") == name_key("U.S.") == "us"
    assert name_key("Okafor’s") == name_key("Okafor's") == name_key("okafor") == "okafor"
    assert name_key("the Ministers’") == "ministers"


def test_plus_is_a_word_so_opec_plus_is_not_opec():
    assert name_key("OPEC+") == "opec plus" != name_key("OPEC")
    assert name_key("OPEC +") == name_key("OPEC+")


def test_ampersand_apostrophes_and_accents():
    assert name_key("AT&T") == name_key("AT & T") == "at t"
    assert name_key("O’Sullivan") == name_key("OSullivan")
    assert name_key("Zoë Ångström") == "zoe angstrom"


def test_invisible_characters_do_not_count():
    assert name_key("Kel\u200bvin\u00ad Marsh\ufeff") == name_key("Kelvin Marsh")
    assert strip_invisible("a\u202eb\u2066c") == "abc"


def test_possessive_peeling_leaves_other_words_alone():
    assert strip_possessive("Marsh’s") == "Marsh" and strip_possessive("allies'") == "allies"
    assert strip_possessive("Is") == "Is" and strip_possessive("O'Neil") == "O'Neil"


def test_in_place_folding_keeps_offsets():
    text = "Straße in Montréal ﬁnally"
    assert len(fold_in_place(text)) == len(text)
    assert fold_in_place(text).index("montreal") == text.index("Montréal")
    assert fold("Montréal") == "montreal"
    assert snippet_fold is fold_in_place


_NAME_CHARS = st.sampled_from(list("abAB é.'’+&-") + ["\u200b", " the ", "’s", "s’"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME_CHARS, min_size=1, max_size=8).map("".join),
       st.lists(_NAME_CHARS, min_size=1, max_size=8).map("".join))
def test_the_store_never_merges_names_extraction_keeps_apart(a, b):
    extract_a = Mention(0, len(a), a, "ORG").key()
    extract_b = Mention(0, len(b), b, "ORG").key()
    if extract_a != extract_b:
        assert store_name_key(a) != store_name_key(b)
    else:
        assert store_name_key(a) == store_name_key(b)
