"""What a profile calls an entity: the form the briefs use most, and one role per office."""
from __future__ import annotations

GUILD = 1_100_000_000_000_000_111


async def save(store, make, title, *entities):
    b = make.brief(title, f"{title} body.", entities=list(entities))
    return await store.save_brief(GUILD, b, b.text)


async def profile(store, name):
    match = await store.find_entity(GUILD, name)
    assert match.entity is not None, (name, match)
    return (await store.entity_profile(GUILD, match.entity.id)).entity


async def test_the_name_is_the_form_the_briefs_use_most_and_the_long_one_an_alias(store, make):
    await save(store, make, "One", make.thing("State of Texas", "GPE", "Texas"))
    await save(store, make, "Two", make.thing("Texas", "GPE"))
    await save(store, make, "Three", make.thing("Texas", "GPE"))
    texas = await profile(store, "State of Texas")
    assert texas.name == "Texas" and texas.briefs == 3 and "State of Texas" in texas.aliases
    await save(store, make, "Four", make.thing("Evergreen Aviation & Space Museum of McMinnville", "FAC",
                                                "Evergreen Aviation & Space Museum"))
    museum = await profile(store, "Evergreen Aviation & Space Museum")
    assert museum.name == "Evergreen Aviation & Space Museum"  # a tie: the shorter form
    assert museum.aliases == ["Evergreen Aviation & Space Museum of McMinnville"]


async def test_a_person_keeps_the_full_name_over_a_bare_surname(store, make):
    await save(store, make, "One", make.person("Pete Hegseth", "Hegseth"))
    for title in ("Two", "Three", "Four"):
        await save(store, make, title, make.person("Hegseth"))
    hegseth = await profile(store, "Hegseth")
    assert hegseth.name == "Pete Hegseth" and hegseth.briefs == 4 and hegseth.aliases == ["Hegseth"]


async def test_roles_that_are_one_office_are_one_role_across_briefs(store, make):
    for title, role in (("One", "President"), ("Two", "US President"), ("Three", "U.S. President"),
                        ("Four", "President of the United States"), ("Five", "former Senator")):
        await save(store, make, title, make.person("Ann Lee", role=role))
    lee = await profile(store, "Ann Lee")
    assert len(lee.roles) == 2 and lee.roles[0] in ("US President", "U.S. President", "President of the United States")
    assert lee.roles[1] == "former Senator"


async def test_a_rank_word_makes_another_office(store, make):
    await save(store, make, "One", make.person("Bo Chan", role="Prime Minister"))
    await save(store, make, "Two", make.person("Bo Chan", role="Deputy Prime Minister"))
    assert set((await profile(store, "Bo Chan")).roles) == {"Prime Minister", "Deputy Prime Minister"}


async def test_a_country_abbreviation_before_a_body_stays_in_its_name(store, make):
    # Every country has a Department of Energy; the one the brief means keeps its mark.
    await save(store, make, "One", make.thing("U.S. Department of Energy", "ORG", "Department of Energy"))
    energy = await profile(store, "Department of Energy")
    assert energy.name == "U.S. Department of Energy" and "Department of Energy" in energy.aliases
