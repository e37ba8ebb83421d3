"""Entity rules for real news the house format never shows: one test per rule, each on
sentences written for these tests."""
from __future__ import annotations


def names(extractor, text):
    return {e.name: e for e in extractor.extract(text).entities}


def test_a_name_never_ends_in_a_particle(extractor):
    ents = names(extractor, "Brussels talks\n\nThe talks were chaired by Ursula von der Leyen on Monday, "
                            "and aides to Osama bin Laden were not mentioned.")
    assert "Ursula von der Leyen" in ents and ents["Ursula von der Leyen"].type == "PERSON"
    assert not any(n.endswith((" der", " von", " al", " bin")) for n in ents)
    assert "Leyen" not in ents


def test_particle_names_are_people(extractor):
    ents = names(extractor, "Recital\n\nLater, Pieter van Vollenhoven spoke to reporters about Nouri al-Maliki "
                            "and his rival.")
    assert ents["Pieter van Vollenhoven"].type == "PERSON"
    assert ents["Nouri al-Maliki"].type == "PERSON"


def test_a_lone_title_is_no_entity(extractor):
    ents = names(extractor, "Trade mission\n\nThe Taoiseach arrived in Boston on Monday. The Premier of Ontario "
                            "and the German Chancellor joined him later that week.")
    assert not {"Taoiseach", "Premier", "Chancellor"} & set(ents)
    assert "Boston" in ents and "Ontario" in ents


def test_a_bare_compass_word_naming_no_place_is_dropped(extractor):
    ents = names(extractor, "Parade day\n\nCrowds in the North and the South cheered as the parade passed "
                            "through Dublin.")
    assert not {"North", "South"} & set(ents)
    assert "Dublin" in ents
