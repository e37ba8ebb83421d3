"""Finding an entity by what a user types: exact forms, typos, did-you-mean,
autocomplete and suggestions."""
from __future__ import annotations

import asyncio

import pytest

from store import Store, open_store
from store.records import Provenance

GUILD = 1_100_000_000_000_000_111


@pytest.fixture
async def named(store, make):
    """A guild with a few people, organisations and places."""
    briefs = [
        make.brief("One", "Body one.", entities=[
            make.person("Pete Hegseth", "Hegseth", role="US Defense Secretary"),
            make.person("John Smith"), make.person("Jane Smith"),
            make.thing("United States", "GPE", "U.S."), make.thing("The Washington Post", "ORG")]),
        make.brief("Two", "Body two.", entities=[make.person("Pete Hegseth"), make.person("Zoë Lefèvre"),
                                                  make.person("Hegel Hegemann")]),
        make.brief("Three", "Body three.", entities=[make.person("Pete Hegseth"), make.person("Peter Pan")]),
    ]
    for b in briefs:
        await store.save_brief(GUILD, b, b.text)
    return store


@pytest.mark.parametrize("typed", ["Pete Hegseth", "hegseth", "HEGSETH", "Hegseth's", "Hegseth’s",
                                   "  pete   hegseth ", "Pete Hegseth."])
async def test_exact_forms(named, typed):
    match = await named.find_entity(GUILD, typed)
    assert (match.how, match.entity.name) == ("exact", "Pete Hegseth"), typed
    assert match.entity.roles == ["US Defense Secretary"] and match.entity.briefs == 3


@pytest.mark.parametrize("typed,name", [("US", "United States"), ("the U.S.", "United States"),
                                        ("washington post", "The Washington Post"),
                                        ("Zoe Lefevre", "Zoë Lefèvre")])
async def test_folded_forms(named, typed, name):
    match = await named.find_entity(GUILD, typed)
    assert (match.how, match.entity.name) == ("exact", name)


@pytest.mark.parametrize("typed", ["Hegset", "Pete Hegseht", "Peet Hegseth", "hegsth"])
async def test_typos_find_the_one_close_name(named, typed):
    match = await named.find_entity(GUILD, typed)
    assert (match.how, match.entity.name) == ("fuzzy", "Pete Hegseth"), typed


async def test_a_shared_surname_asks_which(named):
    match = await named.find_entity(GUILD, "Smith")
    assert match.how == "ambiguous" and match.entity is None
    assert {c.name for c in match.candidates} == {"John Smith", "Jane Smith"}


async def test_a_surname_alias_of_one_person_still_asks_when_others_share_it(store, make):
    b = make.brief("Smiths", "Text.", entities=[make.person("John Smith", "Smith"), make.person("Jane Smith")])
    await store.save_brief(GUILD, b, b.text)
    match = await store.find_entity(GUILD, "Smith")
    assert match.how == "ambiguous" and [c.name for c in match.candidates][:1] == ["John Smith"]


async def test_unknown_names_find_nothing_but_may_suggest(named):
    match = await named.find_entity(GUILD, "Zbigniew Qwertyuiop")
    assert match.how == "none" and match.entity is None
    close = await named.find_entity(GUILD, "Hegemony")
    assert close.how in ("none", "ambiguous", "fuzzy")
    assert (await named.suggest_names(GUILD, "Hegsteh Pet"))[0] == "Pete Hegseth"
    assert "Hegel Hegemann" in await named.suggest_names(GUILD, "Hegeman")
    assert await named.suggest_names(GUILD, "Qwxyzzy") == []


@pytest.mark.parametrize("typed", ["", "   ", '"', "*", "NEAR(", "'; DROP TABLE entities; --", "🙂",
                                   "x" * 2000, "東京", "(", "a:b", None])
async def test_hostile_names_are_just_unknown(named, typed):
    match = await named.find_entity(GUILD, typed)
    assert match.how in ("none", "fuzzy", "ambiguous", "exact")
    assert isinstance(await named.suggest_names(GUILD, typed), list)
    assert isinstance(await named.entity_names(GUILD, typed), list)
    assert (await named.find_entity(GUILD, "Hegseth")).how == "exact"


async def test_autocomplete_prefixes_of_any_word_most_briefs_first(named):
    assert (await named.entity_names(GUILD, "Pe"))[:2] == ["Pete Hegseth", "Peter Pan"]
    # Names that start with the prefix come before names with a later word starting so.
    assert await named.entity_names(GUILD, "heg") == ["Hegel Hegemann", "Pete Hegseth"]
    assert await named.entity_names(GUILD, "Pete H") == ["Pete Hegseth"]
    assert sorted(await named.entity_names(GUILD, "smi")) == ["Jane Smith", "John Smith"]
    assert await named.entity_names(GUILD, "zoe") == ["Zoë Lefèvre"]
    assert len(await named.entity_names(GUILD, "", limit=3)) == 3
    assert (await named.entity_names(GUILD, ""))[0] == "Pete Hegseth"
    assert await named.entity_names(GUILD, "p", limit=2) == ["Pete Hegseth", "Peter Pan"]


async def test_autocomplete_forgives_a_typo_in_the_prefix(named):
    assert "Pete Hegseth" in await named.entity_names(GUILD, "Hegsth")
    assert await named.entity_names(GUILD, "qqqqq") == []


async def test_lookups_follow_writes_from_another_process(named, tmp_path, make):
    """A second Store on the same file stands for another process writing."""
    assert (await named.find_entity(GUILD, "Ada Lovelace")).how == "none"
    other = await open_store(named.path)  # the same database, whichever backend
    try:
        b = make.brief("Elsewhere", "Text.", entities=[make.person("Ada Lovelace")])
        await other.save_brief(GUILD, b, b.text)
    finally:
        await other.close()
    assert (await named.find_entity(GUILD, "Ada Lovelace")).how == "exact"
    assert await named.entity_names(GUILD, "lovel") == ["Ada Lovelace"]
    # And our own writes after that are seen too.
    b = make.brief("Here", "Text.", entities=[make.person("Grace Hopper")])
    await named.save_brief(GUILD, b, b.text)
    assert (await named.find_entity(GUILD, "Grace Hopper")).how == "exact"


async def test_writes_from_another_process_are_caught_up_without_a_reload(named, make, monkeypatch):
    """The other process's writes (new names, a forgotten brief) reach this process's name
    index by re-reading only the entities they touched; many writes later it still agrees."""
    from store import name_cache

    assert (await named.find_entity(GUILD, "Pete Hegsth")).entity.name == "Pete Hegseth"  # index loaded
    loads = []  # whole-guild loads by this process's cache (the other store warms up its own)
    real_load = name_cache.NameCache._load

    async def counted_load(cache, guild_id):
        if cache is named._names:
            loads.append(guild_id)
        return await real_load(cache, guild_id)

    monkeypatch.setattr(name_cache.NameCache, "_load", counted_load)
    other = await open_store(named.path)  # the same database, whichever backend
    try:
        b = make.brief("Elsewhere", "Text.", entities=[make.person("Ada Lovelace"), make.person("Alan Turing")])
        saved = await other.save_brief(GUILD, b, b.text)
        assert (await named.find_entity(GUILD, "Ada Lovelace")).how == "exact"
        assert (await named.find_entity(GUILD, "Alan Turnig")).entity.name == "Alan Turing"
        await other.delete_brief(GUILD, saved.brief_id)
        assert (await named.find_entity(GUILD, "Ada Lovelace")).how == "none"
        assert "Ada Lovelace" not in await named.entity_names(GUILD, "ada")
        assert loads == []
        for i in range(name_cache.LOGGED_GENERATIONS + 1):  # more writes than the log keeps
            b = make.brief(f"Busy {i}", "Text.", entities=[make.person(f"Busy Person{i}")])
            await other.save_brief(GUILD, b, b.text)
    finally:
        await other.close()
    assert (await named.entity_names(GUILD, "busy person64"))[0] == "Busy Person64"
    assert len(loads) == 1  # too far behind: rebuilt once


async def test_a_write_is_seen_at_once_even_while_names_load(tmp_path, make):
    """Opening starts loading the busiest guild's names in the background; no
    read may see the database as it was before a write that has returned."""
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    items = [(make.brief(f"Brief {i}", "Text.", entities=[make.person(f"Person{i} Surname{i % 50}")]),
              f"Brief {i}", Provenance()) for i in range(400)]
    await store.save_briefs(GUILD, items)
    await store.close()
    for _ in range(3):
        store = await Store.open(path)
        try:
            lookup = asyncio.ensure_future(store.find_entity(GUILD, "Persn7 Surname7"))  # needs the index
            assert await store.watch(GUILD, 55)
            assert 55 in await store.watched_channels(GUILD)
            b = make.brief("Fresh", "Text.", entities=[make.person("Fresh Face")])
            saved = await store.save_brief(GUILD, b, b.text)
            assert (await store.get_article(GUILD, saved.brief_id)) is not None
            assert (await store.find_entity(GUILD, "Fresh Face")).how == "exact"
            assert (await lookup).entity.name == "Person7 Surname7"
            assert await store.unwatch(GUILD, 55) and await store.delete_brief(GUILD, saved.brief_id)
        finally:
            await store.close()
