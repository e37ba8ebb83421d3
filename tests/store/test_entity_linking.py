"""Entities linked across the briefs of one guild."""
from __future__ import annotations

GUILD = 1_100_000_000_000_000_111


async def save(store, make, title, *entities, statements=()):
    b = make.brief(title, f"{title} body.", entities=list(entities), statements=list(statements))
    return await store.save_brief(GUILD, b, b.text)


async def entity(store, name):
    match = await store.find_entity(GUILD, name)
    assert match.entity is not None, (name, match)
    return match.entity


async def test_a_bare_surname_later_joins_the_full_name(store, make):
    await save(store, make, "One", make.person("Pete Hegseth", "Hegseth", role="US Defense Secretary"))
    await save(store, make, "Two", make.person("Hegseth"))
    e = await entity(store, "Pete Hegseth")
    assert e.briefs == 2 and (await store.stats(GUILD)).people == 1
    assert (await entity(store, "Hegseth")).id == e.id


async def test_a_bare_surname_links_by_surname_even_without_that_alias(store, make):
    await save(store, make, "One", make.person("Pete Hegseth"))
    await save(store, make, "Two", make.person("Hegseth", mentions=3))
    e = await entity(store, "Pete Hegseth")
    assert e.briefs == 2 and e.mentions == 4 and "Hegseth" in e.aliases


async def test_a_fuller_name_upgrades_a_surname_only_entity(store, make):
    await save(store, make, "One", make.person("Hegseth"))
    await save(store, make, "Two", make.person("Pete Hegseth", role="Defense Secretary"))
    e = await entity(store, "Hegseth")
    assert e.name == "Pete Hegseth" and e.briefs == 2 and e.aliases == ["Hegseth"]
    assert await store.entity_names(GUILD, "Pe") == ["Pete Hegseth"]


async def test_a_surname_shared_by_two_people_links_to_neither(store, make):
    await save(store, make, "Bakeries", make.person("John Smith"), make.person("Jane Smith"))
    await save(store, make, "Later", make.person("Smith"))
    assert (await entity(store, "John Smith")).briefs == 1
    assert (await entity(store, "Jane Smith")).briefs == 1
    assert (await store.stats(GUILD)).people == 3


async def test_links_need_the_same_kind_of_thing(store, make):
    await save(store, make, "One", make.thing("Pentagon", "FAC"), make.thing("Georgia", "GPE"))
    await save(store, make, "Two", make.thing("the Pentagon", "LOC"), make.person("Georgia"))
    assert (await entity(store, "Pentagon")).briefs == 2  # a facility is a place
    match = await store.find_entity(GUILD, "Georgia")
    assert match.how == "ambiguous" and {c.type for c in match.candidates} == {"GPE", "PERSON"}


async def test_aliases_link_and_are_all_recorded(store, make):
    await save(store, make, "One", make.thing("International Monetary Fund", "ORG", "IMF"))
    await save(store, make, "Two", make.thing("IMF", "ORG", "the Fund"))
    await save(store, make, "Three", make.thing("the I.M.F.", "ORG"))
    e = await entity(store, "International Monetary Fund")
    assert e.briefs == 3
    # "the I.M.F." is the same name as "IMF", the form the briefs use most: it is the name shown.
    assert e.name == "IMF" and set(e.aliases) == {"International Monetary Fund", "the Fund"}
    assert (await entity(store, "the fund")).id == e.id


async def test_accents_case_and_possessives_are_the_same_name(store, make):
    await save(store, make, "One", make.thing("Brasília", "GPE"))
    await save(store, make, "Two", make.thing("BRASILIA", "GPE"))
    await save(store, make, "Three", make.thing("Brasilia's", "GPE"))
    assert (await entity(store, "brasília")).briefs == 3


async def test_two_records_of_one_brief_on_one_entity_are_merged(store, make):
    result = await save(store, make, "One", make.person("Pete Hegseth", mentions=2),
                        make.person("Hegseth", mentions=3, role="Secretary"))
    assert result.entities == 1
    e = await entity(store, "Pete Hegseth")
    assert (e.briefs, e.mentions, e.roles) == (1, 5, ["Secretary"])


async def test_speakers_are_resolved_to_entities(store, make):
    await save(store, make, "Earlier", make.person("Christine Lagarde", "Lagarde"))
    result = await save(store, make, "Now", make.person("Pete Hegseth", "Hegseth"),
                        statements=[make.said("Deterrence first", "Hegseth"),
                                    make.said("Rates stay", "Lagarde"),
                                    make.said("No comment", "A spokesperson"),
                                    make.said("Unattributed words", None)])
    detail = await store.get_article(GUILD, result.brief_id)
    speakers = [(s.speaker, s.speaker_id is not None) for s in detail.statements]
    assert speakers == [("Pete Hegseth", True), ("Christine Lagarde", True), ("A spokesperson", False),
                        (None, False)]
    # Quoted in the brief, so the brief counts for Lagarde (and her profile shows the quote).
    lagarde = await entity(store, "Lagarde")
    assert lagarde.briefs == 2
    profile = await store.entity_profile(GUILD, lagarde.id)
    assert [s.text for s in profile.statements] == ["Rates stay"]


async def test_a_shared_alias_does_not_merge_two_named_entities(store, make):
    await save(store, make, "One", make.thing("Independent Salt Bank", "ORG", "ISB"),
               make.person("Ana Costa", "Costa"))
    await save(store, make, "Two", make.thing("Independent Satellite Bank", "ORG", "ISB"),
               make.person("Luis Costa", "Costa"))
    salt = await entity(store, "Independent Salt Bank")
    satellite = await entity(store, "Independent Satellite Bank")
    assert salt.id != satellite.id and salt.briefs == satellite.briefs == 1
    assert (await entity(store, "Ana Costa")).id != (await entity(store, "Luis Costa")).id
    assert (await store.find_entity(GUILD, "ISB")).how == "ambiguous"
    assert (await store.find_entity(GUILD, "Costa")).how == "ambiguous"


async def test_a_short_form_alone_is_upgraded_by_a_fuller_name(store, make):
    await save(store, make, "One", make.thing("IMF", "ORG"))
    await save(store, make, "Two", make.thing("International Monetary Fund", "ORG", "IMF"))
    e = await entity(store, "IMF")
    assert (await entity(store, "International Monetary Fund")).id == e.id and e.briefs == 2
    assert e.name == "IMF" and e.aliases == ["International Monetary Fund"]  # "IMF" is the form used most
    # A second fund with the same acronym is a new entity, not a third brief of the first;
    # "IMF" names neither of them any more.
    await save(store, make, "Three", make.thing("Islamic Monetary Forum", "ORG", "IMF"))
    assert (await entity(store, "Islamic Monetary Forum")).id != e.id
    first = await entity(store, "International Monetary Fund")
    assert first.briefs == 2 and first.name == "International Monetary Fund"


async def test_opec_plus_and_opec_stay_two_entities(store, make):
    await save(store, make, "Cartel", make.thing("OPEC", "ORG"))
    await save(store, make, "Alliance", make.thing("OPEC+", "ORG"))
    opec, opec_plus = await entity(store, "OPEC"), await entity(store, "OPEC+")
    assert opec.id != opec_plus.id
    assert opec.briefs == 1 and opec_plus.briefs == 1
    assert (await store.stats(GUILD)).entities == 2


async def test_a_middle_initial_does_not_make_a_new_person(store, make):
    await save(store, make, "Ranch", make.person("Gordon Tate"))
    await save(store, make, "Speech", make.person("Gordon R. Tate", "Tate"))
    await save(store, make, "Memoir", make.person("Gordon R Tate"))
    e = await entity(store, "Gordon Tate")
    assert e.name == "Gordon R. Tate" and e.briefs == 3
    assert (await store.stats(GUILD)).people == 1


async def test_different_middle_names_or_first_names_stay_apart(store, make):
    await save(store, make, "Father", make.person("Gordon H. R. Tate"))
    await save(store, make, "Son", make.person("Gordon R. Tate"))
    await save(store, make, "Wife", make.person("Laura Tate"))
    assert (await entity(store, "Gordon R. Tate")).briefs == 1
    assert (await entity(store, "Gordon H. R. Tate")).briefs == 1
    assert (await store.stats(GUILD)).people == 3
    # A plain "Gordon Tate" could be either of the two Gordons: neither gets it.
    await save(store, make, "Later", make.person("Gordon Tate"))
    assert (await entity(store, "Gordon R. Tate")).briefs == 1
    assert (await entity(store, "Gordon H. R. Tate")).briefs == 1
