"""Re-extraction (update_brief) and forgetting (delete_brief)."""
from __future__ import annotations
from store.records import Provenance

GUILD = 1_100_000_000_000_000_111


async def test_update_replaces_entities_statements_and_search_rows(store, make, clock):
    first = make.brief("Old headline about tariffs", "Old body on tariffs.",
                       entities=[make.person("Ada Lovelace", "Lovelace", role="Analyst"), make.thing("Leeds", "GPE")],
                       statements=[make.said("Tariffs will rise", "Ada Lovelace")])
    keep = make.brief("Another brief", "Lovelace again.", entities=[make.person("Ada Lovelace")])
    saved = await store.save_brief(GUILD, first, first.text, provenance=Provenance(message_id=42))
    await store.save_brief(GUILD, keep, keep.text)
    clock.advance(hours=1)

    new = make.brief("New headline about grain", "New body on grain.",
                     entities=[make.person("Ada Lovelace", role="Economist"), make.thing("York", "GPE")],
                     statements=[make.said("Grain prices will fall", "Ada Lovelace")])
    assert await store.update_brief(GUILD, saved.brief_id, new, "edited raw text about grain")

    detail = await store.get_article(GUILD, saved.brief_id)
    assert detail.article.title == "New headline about grain" and detail.raw_text == "edited raw text about grain"
    assert detail.article.created_at == "2025-09-01T12:00:00+00:00"  # still when it was first indexed
    assert [e.name for e in detail.entities] == ["Ada Lovelace", "York"]
    assert [s.text for s in detail.statements] == ["Grain prices will fall"]
    assert await store.brief_id_for_message(GUILD, 42) == saved.brief_id

    assert (await store.find_entity(GUILD, "Leeds")).how == "none"  # only the old version named it
    ada = (await store.find_entity(GUILD, "Ada Lovelace")).entity
    assert ada.briefs == 2 and ada.roles == ["Economist"]
    assert "Lovelace" not in ada.aliases  # the alias came only from the old version
    assert await store.search_statements(GUILD, "tariffs") == []
    assert [r.text for r in await store.search_statements(GUILD, "grain prices")] == ["Grain prices will fall"]
    assert await store.search_articles(GUILD, "tariffs") == []
    assert [a.id for a in await store.search_articles(GUILD, "grain")] == [saved.brief_id]
    stats = await store.stats(GUILD)
    assert (stats.briefs, stats.statements, stats.entities) == (2, 1, 2)
    # The new text is what dedup compares now.
    assert await store.find_duplicate(GUILD, raw_text="edited raw text about grain") == saved.brief_id
    assert await store.find_duplicate(GUILD, raw_text=first.text) is None


async def test_updating_with_the_same_brief_changes_nothing(store, make):
    b = make.hegseth()
    saved = await store.save_brief(GUILD, b, b.text)
    before = await store.entity_profile(GUILD, (await store.find_entity(GUILD, "Hegseth")).entity.id)
    assert await store.update_brief(GUILD, saved.brief_id, b, b.text)
    after = await store.entity_profile(GUILD, before.entity.id)
    assert after.entity == before.entity
    assert [s.text for s in after.statements] == [s.text for s in before.statements]
    assert (await store.stats(GUILD)).statements == 2


async def test_update_of_unknown_ids_does_nothing(store, make):
    b = make.hegseth()
    for bad in (0, -3, 12345, 2 ** 70, None):
        assert await store.update_brief(GUILD, bad, b, b.text) is False
    assert await store.count_articles(GUILD) == 0


async def test_delete_forgets_the_brief_and_entities_only_it_named(store, make):
    shared = make.brief("Shared", "Hegseth elsewhere.", entities=[make.person("Pete Hegseth", "Hegseth")],
                        statements=[make.said("Still here", "Pete Hegseth")])
    b = make.hegseth()
    gone = await store.save_brief(GUILD, b, b.text)
    kept = await store.save_brief(GUILD, shared, shared.text)
    assert await store.delete_brief(GUILD, gone.brief_id)

    assert await store.get_article(GUILD, gone.brief_id) is None
    assert await store.delete_brief(GUILD, gone.brief_id) is False
    for name in ("Dong Jun", "Singapore", "Shangri-La Dialogue"):
        assert (await store.find_entity(GUILD, name)).how == "none", name
    assert await store.entity_names(GUILD, "dong") == []
    assert "Dong Jun" not in await store.suggest_names(GUILD, "Dong Jun")
    hegseth = (await store.find_entity(GUILD, "Hegseth")).entity
    assert hegseth.briefs == 1 and hegseth.roles == []
    profile = await store.entity_profile(GUILD, hegseth.id)
    assert [a.id for a in profile.articles] == [kept.brief_id] and [s.text for s in profile.statements] == ["Still here"]
    assert await store.search_statements(GUILD, "imminent") == []
    assert await store.search_articles(GUILD, "Shangri-La") == []
    stats = await store.stats(GUILD)
    assert (stats.briefs, stats.statements, stats.entities, stats.people) == (1, 1, 1, 1)
    assert await store.find_duplicate(GUILD, raw_text=b.text) is None
    # Saved again, it is new, under a new id: ids are never reused.
    again = await store.save_brief(GUILD, b, b.text)
    assert again.created and again.brief_id > kept.brief_id


async def test_deleting_everything_leaves_an_empty_guild(store, make):
    ids = []
    for i in range(3):
        b = make.brief(f"Brief {i}", "Text.", entities=[make.person("Grace Hopper", "Hopper")],
                       statements=[make.said(f"Statement {i}", "Grace Hopper")])
        ids.append((await store.save_brief(GUILD, b, b.text)).brief_id)
    for brief_id in ids:
        assert await store.delete_brief(GUILD, brief_id)
    stats = await store.stats(GUILD)
    assert (stats.briefs, stats.statements, stats.entities, stats.first_brief) == (0, 0, 0, None)
    assert await store.entity_names(GUILD, "") == [] and await store.entity_names(GUILD, "gr") == []
    assert await store.latest_articles(GUILD) == [] and await store.trending(GUILD) == []
