"""`trending` counts briefs by time; watched channels per guild."""
from __future__ import annotations

GUILD = 1_100_000_000_000_000_111
OTHER = 1_100_000_000_000_000_222


async def test_trending_counts_recent_briefs(store, make, clock):
    async def save(title, *names):
        b = make.brief(title, "Text.", entities=[make.person(n) for n in names])
        await store.save_brief(GUILD, b, b.text)

    await save("Old news", "Old Timer", "Ada Lovelace")
    await save("Old news again", "Old Timer")
    clock.advance(days=10)
    await save("Fresh one", "Ada Lovelace", "Grace Hopper")
    clock.advance(days=1)
    await save("Fresh two", "Ada Lovelace")
    clock.advance(hours=2)

    week = await store.trending(GUILD, days=7)
    assert [(e.name, n) for e, n in week] == [("Ada Lovelace", 2), ("Grace Hopper", 1)]
    assert week[0][0].briefs == 3  # all-time count on the row, recent count beside it
    month = await store.trending(GUILD, days=30)
    assert [(e.name, n) for e, n in month] == [("Ada Lovelace", 3), ("Old Timer", 2), ("Grace Hopper", 1)]
    assert [e.name for e, _ in await store.trending(GUILD, days=30, limit=1)] == ["Ada Lovelace"]
    assert await store.trending(GUILD, days=0) == []
    assert await store.trending(OTHER, days=30) == []


async def test_watch_and_unwatch(store):
    assert await store.watched_channels(GUILD) == set()
    assert await store.watch(GUILD, 10) is True
    assert await store.watch(GUILD, 10) is False  # already
    assert await store.watch(GUILD, 11) is True
    assert await store.watch(OTHER, 10) is True  # another guild's own list
    assert await store.watched_channels(GUILD) == {10, 11}
    assert await store.unwatch(GUILD, 10) is True
    assert await store.unwatch(GUILD, 10) is False
    assert await store.watched_channels(GUILD) == {11}
    assert await store.watched_channels(OTHER) == {10}
