"""Entities: one test per rule, on sentences written for these tests (plus the seed brief)."""
from __future__ import annotations

import pytest

from extract.names import clean_span, initials, is_acronym, peel_title
from extract.namekey import name_key


def entities(extractor, text):
    brief = extractor.extract(text)
    return brief, {e.name: e for e in brief.entities}


def find(ents, form):
    """The entity that has `form` as its name or one of its aliases."""
    return next((e for e in ents.values() if form == e.name or form in e.aliases), None)


# --- the seed brief -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(extractor, seed_text):
    return entities(extractor, seed_text)


def test_seed_people(seed):
    _, ents = seed
    hegseth = ents["Pete Hegseth"]
    assert hegseth.type == "PERSON" and "Defense Secretary" in hegseth.role
    assert hegseth.aliases == ["Hegseth"]
    assert ents["Donald Trump"].type == "PERSON" and ents["Donald Trump"].role == "President"
    assert ents["Zhang Youxia"].role == "General"
    assert ents["Dong Jun"].role == "Admiral"
    assert ents["Xi Jinping"].type == "PERSON"  # split out of "Trump-Xi Jinping"


def test_seed_places_organisations_events(seed):
    _, ents = seed
    assert ents["China"].type == "GPE" and "Beijing" in ents["China"].aliases
    assert {"US", "U.S.", "Washington"} <= set(ents["United States"].aliases)
    assert ents["Central Military Commission"].aliases == ["CMC"]
    assert ents["Shangri-La Dialogue"].type == "EVENT"
    assert "Background" not in ents and not any("Background" in a for e in ents.values() for a in e.aliases)


def test_seed_spans_are_every_mention(seed):
    brief, ents = seed
    for e in brief.entities:
        assert e.mentions == len(e.spans)
        for s, t in e.spans:
            assert brief.text[s:t] in [e.name, *e.aliases]
    hegseth = [brief.text[s:t] for s, t in ents["Pete Hegseth"].spans]
    assert hegseth.count("Hegseth") == 3  # both possessives and "Secretary Hegseth's"
    title_end = brief.text.index("\n")
    assert any(s < title_end for s, _ in ents["China"].spans)  # "Beijing Hesitates" in the headline


# --- name helpers ---------------------------------------------------------------------------

def test_name_key_folds_periods_possessives_and_the():
    assert name_key("The U.S.’s") == name_key("US") == "us"
    assert name_key("Okafor’s") == name_key("Okafor's") == "okafor"
    assert name_key("OPEC+") != name_key("OPEC")


def test_peel_title():
    assert peel_title("Foreign Minister Anna Kowalska") == ("Anna Kowalska", "Foreign Minister")
    assert peel_title("Secretary of Energy Rita Moss") == ("Rita Moss", "Secretary of Energy")
    assert peel_title("Oil Minister Prince Faisal") == ("Prince Faisal", "Oil Minister")
    assert peel_title("Mr. Okafor") == ("Okafor", None)
    assert peel_title("Rita Moss") == ("Rita Moss", None)


def test_clean_span_drops_the_possessive_and_quotes():
    text = "said “the Okafor’s” plan"
    s, e = clean_span(text, 5, 19)
    assert text[s:e] == "Okafor"


def test_acronym_helpers():
    assert is_acronym("U.S.") and is_acronym("IRF") and not is_acronym("Okafor")
    assert "IRF" in initials("International Rowing Federation")
    assert "BOE" in initials("Bank of England")


# --- one rule each ------------------------------------------------------------------------

def test_possessives_and_curly_apostrophes_are_one_alias(extractor):
    _, ents = entities(extractor, "Trade talks resume\n\nGerman Finance Minister Karla Brenner met officials. "
                                  "Brenner’s plan was welcomed, and Brenner's deputy agreed.")
    e = ents["Karla Brenner"]
    assert e.aliases == ["Brenner"] and e.mentions == 3
    assert e.role == "German Finance Minister"
    assert ents["German"].type == "NORP"


def test_leading_the_and_bracketed_acronym(extractor):
    _, ents = entities(extractor, "Energy ministers meet\n\nThe Nordic Energy Council (NEC) met in Oslo. "
                                  "The NEC later published a report.")
    assert ents["Nordic Energy Council"].aliases == ["NEC"]
    assert ents["Nordic Energy Council"].mentions == 3


def test_acronym_joins_the_name_its_letters_spell(extractor):
    _, ents = entities(extractor, "Probe\n\nThe International Rowing Federation opened an inquiry. Later the IRF "
                                  "said it had found no fraud. The IAEA said inspectors had left, and the "
                                  "International Atomic Energy Agency added it would return.")
    assert ents["International Rowing Federation"].aliases == ["IRF"]
    assert ents["International Atomic Energy Agency"].aliases == ["IAEA"]  # acronym used first


def test_capitals_that_act_are_their_governments(extractor):
    _, ents = entities(extractor, "Port deal signed\n\nWashington and Beijing agreed on Friday to cut tariffs.")
    assert find(ents, "Washington").name == "United States"
    assert find(ents, "Beijing").name == "China"


def test_capitals_as_places_stay_cities(extractor):
    _, ents = entities(extractor, "Talks\n\nOfficials met in Geneva, Lisbon and Madrid last week.")
    assert {"Geneva", "Lisbon", "Madrid"} <= set(ents)
    assert "Spain" not in ents and "Portugal" not in ents


def test_address_form_keeps_washington_the_state(extractor):
    _, ents = entities(extractor, "Museum reopens\n\nThe Seattle, Washington museum reopened. "
                                  "Governor of Washington Dana Reyes attended.")
    assert "United States" not in ents and ents["Washington"].type == "GPE"
    assert ents["Dana Reyes"].role == "Governor of Washington"


def test_brussels_speaking_is_the_european_union(extractor):
    _, ents = entities(extractor, "Carmakers\n\nBrussels has said that the European Union must protect its "
                                  "carmakers.")
    eu = ents["European Union"]
    assert eu.type == "ORG" and "Brussels" in eu.aliases


def test_shared_surname_goes_to_the_nearest_earlier_person(extractor):
    _, ents = entities(extractor, "Storm warning\n\nAdmiral Tomas Varga and Captain Lena Varga spoke separately. "
                                  "Lena Varga warned of delays, and later Varga said crews were ready.")
    assert ents["Lena Varga"].aliases == ["Varga"] and ents["Tomas Varga"].aliases == []
    assert ents["Tomas Varga"].role == "Admiral" and ents["Lena Varga"].role == "Captain"


def test_portfolio_word_and_law_are_not_entities(extractor):
    _, ents = entities(extractor, "Minister quits\n\nTreasury Secretary Paul Okafor resigned. The Clean Air Act "
                                  "(CAA) was amended.\nBackground\nOkafor had served two years.")
    assert set(ents) == {"Paul Okafor"}
    assert ents["Paul Okafor"].role == "Treasury Secretary"
    assert ents["Paul Okafor"].mentions == 2  # the surname after the heading is a mention too


def test_title_case_headline_names_need_the_body(extractor):
    _, ents = entities(extractor, "Regulators Warn Titan Group As Prices Climb In Oslo\n\nNews Summary\n"
                                  "Prices rose in Oslo on Monday.\nBackground\nPrices had fallen in 2023.")
    assert set(ents) == {"Oslo"}
    assert ents["Oslo"].mentions == 2  # the headline mention, confirmed by the body


def test_demonym_singular_and_plural_are_one_group(extractor):
    _, ents = entities(extractor, "Vote\n\nHungarian voters and Hungarians abroad voted.")
    assert ents["Hungarian"].type == "NORP" and ents["Hungarian"].aliases == ["Hungarians"]


def test_hyphenated_pairs_split(extractor):
    _, ents = entities(extractor, "Pair talks\n\nU.S.-India ties improved, and Russia-backed groups protested.")
    assert {"United States", "India", "Russia"} <= set(ents)
    assert all("-" not in e.name for e in ents.values())


def test_company_cues_and_org_nouns(extractor):
    _, ents = entities(extractor, "Rail strike\n\nChipmaker Quanta and rival Novalink reported outages. "
                                  "Later, Fjordline's shares rose after Meta’s Instagram went down.")
    assert ents["Quanta"].type == "ORG" and "Chipmaker Quanta" not in ents
    assert ents["Meta"].type == "ORG" and ents["Instagram"].type == "ORG"
    assert ents["Fjordline"].type == "ORG"


def test_brand_names_are_not_people(extractor):
    _, ents = entities(extractor, "Funding\n\nShares of OpenAI rose after the deal.")
    assert ents["OpenAI"].type == "ORG"


def test_capitalised_common_nouns_and_lone_titles_are_dropped(extractor):
    _, ents = entities(extractor, "Court\n\nAnalysts said the case would continue. Prosecutor Mark Hale QC "
                                  "spoke on Tuesday, 4 March, about 40% of cases.")
    assert set(ents) == {"Mark Hale"}
    assert ents["Mark Hale"].role == "Prosecutor"


def test_team_of_a_country_names_the_country(extractor):
    _, ents = entities(extractor, "Regatta\n\nTeam Chile finished second.")
    assert ents["Chile"].type == "GPE"


def test_compass_word_joins_the_one_place_it_starts(extractor):
    _, ents = entities(extractor, "Shelling\n\nSouth Korea reported fire on Tuesday. The South evacuated "
                                  "villages.")
    assert "South" in ents["South Korea"].aliases


def test_name_particles_keep_the_full_name(extractor):
    _, ents = entities(extractor, "Budget\n\nFinance Minister João Pedro dos Santos said the count was fair.")
    assert ents["João Pedro dos Santos"].role == "Finance Minister"


def test_arbitrary_texts_do_not_break_extraction(extractor):
    for text in ["", "(", "U.S.-", "’s", "Mr.", "(CMC)", "Background\n", "A (B) of the", "New", "X-Y-Z",
                 "Source: http://example.org"]:
        brief = extractor.extract(text)
        for e in brief.entities:
            for s, t in e.spans:
                assert 0 <= s < t <= len(brief.text)
