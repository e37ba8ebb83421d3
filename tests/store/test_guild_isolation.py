"""One guild never sees, changes or guesses its way into another guild's data."""
from __future__ import annotations

import pytest
from store.records import Provenance

A = 1_100_000_000_000_000_111
B = 1_100_000_000_000_000_222


@pytest.fixture
async def two_guilds(store, make):
    common = make.hegseth()
    a_common = await store.save_brief(A, common, common.text, provenance=Provenance(message_id=1, channel_id=10, source="https://news.example/hegseth"))
    # The same text and URL in B is B's own brief, not a duplicate of A's.
    b_common = await store.save_brief(B, common, common.text, provenance=Provenance(message_id=2, channel_id=20, source="https://news.example/hegseth"))
    secret = make.brief("Bob Only reveals secret plans", "Bob Only spoke of secret plans in Narnia.",
                        entities=[make.person("Bob Only", "Only", role="Spymaster"), make.thing("Narnia", "GPE")],
                        statements=[make.said("The secret plans are ready", "Bob Only")])
    b_secret = await store.save_brief(B, secret, secret.text, provenance=Provenance(message_id=3, channel_id=20, source="https://b.example/secret"))
    await store.watch(B, 20)
    bob = (await store.find_entity(B, "Bob Only")).entity
    b_hegseth = (await store.find_entity(B, "Pete Hegseth")).entity
    return dict(a_common=a_common.brief_id, b_common=b_common.brief_id, b_secret=b_secret.brief_id,
                bob=bob.id, b_hegseth=b_hegseth.id, secret=secret)


async def test_same_text_in_two_guilds_is_two_briefs(store, two_guilds):
    assert two_guilds["a_common"] != two_guilds["b_common"]
    a = (await store.find_entity(A, "Pete Hegseth")).entity
    assert a.id != two_guilds["b_hegseth"] and a.briefs == 1


async def test_guessed_ids_find_nothing(store, two_guilds, make):
    for brief_id in (two_guilds["b_common"], two_guilds["b_secret"]):
        assert await store.get_article(A, brief_id) is None
        assert await store.update_brief(A, brief_id, make.hegseth(), "replaced") is False
        assert await store.delete_brief(A, brief_id) is False
    for entity_id in (two_guilds["bob"], two_guilds["b_hegseth"]):
        assert await store.entity_profile(A, entity_id) is None
    assert await store.brief_id_for_message(A, 3) is None
    assert await store.unwatch(A, 20) is False


async def test_lookups_and_searches_stay_in_the_guild(store, two_guilds):
    assert (await store.find_entity(A, "Bob Only")).how == "none"
    assert (await store.find_entity(A, "Bob Onyl")).how == "none"
    assert await store.suggest_names(A, "Bob Only") == []
    assert await store.entity_names(A, "bob") == [] and await store.entity_names(A, "narn") == []
    assert "Bob Only" not in await store.entity_names(A, "")
    assert await store.search_statements(A, "secret plans") == []
    assert await store.search_statements(A, "plans", speaker="Bob Only") == []
    assert await store.search_articles(A, "secret plans") == []
    assert await store.find_duplicate(A, raw_text=two_guilds["secret"].text) is None
    assert await store.find_duplicate(A, source="https://b.example/secret") is None
    a_hegseth = (await store.find_entity(A, "Hegseth")).entity
    statements = await store.search_statements(A, "imminent", speaker="Hegseth")
    assert [s.speaker_id for s in statements] == [a_hegseth.id]
    assert {s.brief_id for s in await store.search_statements(A, "imminent")} == {two_guilds["a_common"]}
    assert {a.id for a in await store.search_articles(A, "Hegseth")} == {two_guilds["a_common"]}
    # B holds most of the database, so its searches skip the FTS guild token and
    # rely on the SQL filter alone: still only B's rows.
    assert {s.brief_id for s in await store.search_statements(B, "imminent")} == {two_guilds["b_common"]}
    assert {a.id for a in await store.search_articles(B, "Hegseth")} == {two_guilds["b_common"]}


async def test_listings_and_counts_stay_in_the_guild(store, two_guilds):
    assert [a.id for a in await store.latest_articles(A)] == [two_guilds["a_common"]]
    assert await store.count_articles(A) == 1
    assert [i for i, _ in await store.raw_briefs(A)] == [two_guilds["a_common"]]
    stats = await store.stats(A)
    assert (stats.briefs, stats.statements, stats.entities) == (1, 2, 5)
    assert "Bob Only" not in [e.name for e, _ in await store.trending(A)]
    assert await store.watched_channels(A) == set()
    profile = await store.entity_profile(A, (await store.find_entity(A, "Hegseth")).entity.id)
    assert [a.id for a in profile.articles] == [two_guilds["a_common"]]
    assert all(s.brief_id == two_guilds["a_common"] for s in profile.statements)


async def test_the_other_guild_is_untouched_afterwards(store, two_guilds, make):
    await store.delete_brief(A, two_guilds["a_common"])
    assert (await store.get_article(B, two_guilds["b_secret"])).article.title == "Bob Only reveals secret plans"
    assert (await store.find_entity(B, "Hegseth")).entity.id == two_guilds["b_hegseth"]
    assert await store.count_articles(B) == 2 and await store.watched_channels(B) == {20}
    assert [s.text for s in await store.search_statements(B, "imminent")] == ["It could be imminent"]
