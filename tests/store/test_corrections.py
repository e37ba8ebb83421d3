"""Moderators' corrections as rules of the guild: applied to every save, so they
survive re-extraction; removable; invisible to other guilds. And `forget` as a
soft delete that restore undoes, with the audit log of both."""
from __future__ import annotations

from store.corrections import Rule

GUILD, OTHER = 1, 2


def bush_briefs(make):
    """Two names of one man that linking keeps apart (their first names differ)."""
    first = make.brief("Former president opens library", "George Bush opened a library.",
                       entities=[make.person("George Bush")],
                       statements=[make.said("Books matter", "George Bush")])
    second = make.brief("Bush library draws crowds", "G. W. Bush greeted visitors at the library.",
                        entities=[make.person("G. W. Bush"), make.thing("Texas", "GPE")],
                        statements=[make.said("Welcome to Texas", "G. W. Bush")])
    return first, second


async def save(store, guild, brief):
    return (await store.save_brief(guild, brief, brief.text)).brief_id


async def entity(store, guild, name):
    match = await store.find_entity(guild, name)
    return match.entity


async def merge(store, guild, a, b):
    keys = await store.entity_keys(guild, a.id)
    return await store.add_correction(guild, Rule(0, "merge", a.name, tuple(keys), name=b.name, type=b.type), by=9)


async def test_merge_makes_one_entity_whose_names_are_aliases(store, make):
    first, second = bush_briefs(make)
    for g in (GUILD, OTHER):
        await save(store, g, first)
        await save(store, g, second)
    a, b = await entity(store, GUILD, "George Bush"), await entity(store, GUILD, "G. W. Bush")
    assert a.id != b.id
    rule = await merge(store, GUILD, a, b)
    merged = await entity(store, GUILD, "George Bush")
    assert merged.name == "G. W. Bush" and "George Bush" in merged.aliases and merged.briefs == 2
    profile = await store.entity_profile(GUILD, merged.id)
    assert {s.text for s in profile.statements} == {"Books matter", "Welcome to Texas"}
    # a later brief naming the old name links to the kept entity
    third = make.brief("Bush returns", "George Bush returned.", entities=[make.person("George Bush")])
    await save(store, GUILD, third)
    assert (await entity(store, GUILD, "G. W. Bush")).briefs == 3
    # the other server is untouched
    assert (await entity(store, OTHER, "George Bush")).name == "George Bush"
    assert [r.describe() for r in await store.corrections(GUILD)] == ["merge George Bush into G. W. Bush"]
    assert await store.corrections(OTHER) == []
    # removing the rule splits them again
    await store.remove_correction(GUILD, rule.id, by=9)
    assert (await entity(store, GUILD, "George Bush")).name == "George Bush"
    assert (await entity(store, GUILD, "G. W. Bush")).briefs == 1


async def test_merge_and_attribution_survive_re_extraction(store, make):
    first, second = bush_briefs(make)
    one, two = await save(store, GUILD, first), await save(store, GUILD, second)
    a, b = await entity(store, GUILD, "George Bush"), await entity(store, GUILD, "G. W. Bush")
    await merge(store, GUILD, a, b)
    [books] = (await store.get_article(GUILD, one)).statements
    from store.corrections import statement_key
    await store.add_correction(GUILD, Rule(0, "attribute", f"#s{books.id}", (statement_key(books.text),),
                                           brief_id=one, name=None), by=9)
    assert (await store.get_article(GUILD, one)).statements[0].speaker is None
    # the extractor reads both briefs again, knowing nothing of the corrections
    for brief_id, brief in ((one, first), (two, second)):
        assert await store.update_brief(GUILD, brief_id, brief, brief.text)
    [kept] = (await store.get_article(GUILD, one)).statements
    assert kept.speaker is None and kept.id == books.id  # same statement, same id
    merged = await entity(store, GUILD, "George Bush")
    assert merged.name == "G. W. Bush" and merged.briefs == 2


async def test_rename_retype_and_hide(store, make):
    brief = make.brief("Taoiseach speaks", "The Taoiseach spoke in Dublin.",
                       entities=[make.thing("Taoiseach", "ORG"), make.thing("Dublin", "GPE")])
    brief_id = await save(store, GUILD, brief)
    await save(store, OTHER, brief)
    taoiseach = await entity(store, GUILD, "Taoiseach")
    keys = tuple(await store.entity_keys(GUILD, taoiseach.id))
    await store.add_correction(GUILD, Rule(0, "retype", "Taoiseach", keys, type="PERSON"))
    await store.add_correction(GUILD, Rule(0, "rename", "Taoiseach", keys, name="Micheál Martin"))
    renamed = await entity(store, GUILD, "Micheál Martin")
    assert renamed.type == "PERSON" and "Taoiseach" in renamed.aliases
    dublin = await entity(store, GUILD, "Dublin")
    hide = await store.add_correction(GUILD, Rule(0, "hide", "Dublin", tuple(await store.entity_keys(GUILD, dublin.id))))
    assert await entity(store, GUILD, "Dublin") is None
    assert [e.name for e in (await store.get_article(GUILD, brief_id)).entities] == ["Micheál Martin"]
    assert "Dublin" not in await store.entity_names(GUILD, "Dub")
    assert [e.name for e, _ in await store.trending(GUILD)] == ["Micheál Martin"]
    assert [e.name for e, _ in await store.trending(GUILD, limit=1)] == ["Micheál Martin"]  # no slot lost
    assert await entity(store, OTHER, "Dublin") is not None
    await store.update_brief(GUILD, brief_id, brief, brief.text)
    assert await entity(store, GUILD, "Dublin") is None  # still hidden after re-extraction
    await store.remove_correction(GUILD, hide.id)
    assert (await entity(store, GUILD, "Dublin")).name == "Dublin"


async def test_forget_then_restore_brings_back_statements_and_links(store, make, clock):
    brief = make.hegseth()
    brief_id = await save(store, GUILD, brief)
    before = await store.get_article(GUILD, brief_id)
    assert await store.forget_brief(GUILD, brief_id, by=9) == brief.title
    assert await store.get_article(GUILD, brief_id) is None
    assert await store.find_entity(GUILD, "Hegseth") is not None
    assert (await store.find_entity(GUILD, "Hegseth")).entity is None
    assert await store.search_statements(GUILD, "imminent") == []
    assert (await store.stats(GUILD)).briefs == 0
    assert await store.restore_brief(OTHER, brief_id) == ("missing", None)
    assert await store.restore_brief(GUILD, brief_id, by=9) == ("restored", None)
    after = await store.get_article(GUILD, brief_id)
    assert [(s.id, s.text, s.speaker) for s in after.statements] == \
        [(s.id, s.text, s.speaker) for s in before.statements]
    assert [e.name for e in after.entities] == [e.name for e in before.entities]
    assert [s.brief_id for s in await store.search_statements(GUILD, "imminent")] == [brief_id]
    assert (await store.stats(GUILD)).briefs == 1
    assert [c.action for c in await store.changes(GUILD)] == ["restore", "forget"]
    assert await store.changes(OTHER) == []


async def test_forgotten_briefs_are_purged_after_a_while(store, make, clock):
    brief_id = await save(store, GUILD, make.hegseth())
    await store.forget_brief(GUILD, brief_id)
    assert await store.purge_forgotten(keep_hours=24) == 0
    assert [f.brief_id for f in await store.forgotten_briefs(GUILD, within_hours=24)] == [brief_id]
    clock.advance(hours=25)
    assert await store.forgotten_briefs(GUILD, within_hours=24) == []
    assert await store.purge_forgotten(keep_hours=24) == 1
    assert await store.restore_brief(GUILD, brief_id) == ("missing", None)
