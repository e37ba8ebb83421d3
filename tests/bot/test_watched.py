"""The watched-channel cache never keeps a list read before a change."""
from __future__ import annotations

import asyncio

from bot.watched import WatchedChannels


class SlowStore:
    def __init__(self):
        self.channels = set()
        self.reads = 0
        self.gate = asyncio.Event()

    async def watched_channels(self, guild_id):
        self.reads += 1
        snapshot = set(self.channels)
        await self.gate.wait()
        return snapshot


async def test_a_read_overtaken_by_a_change_is_not_kept():
    store = SlowStore()
    watched = WatchedChannels(store, defaults={1})
    early = asyncio.create_task(watched.contains(5, 2))  # reads before the change...
    await asyncio.sleep(0)
    store.channels.add(2)  # ...a /watch lands meanwhile...
    watched.forget(5)
    store.gate.set()
    assert await early is False  # ...the early question got the old answer,
    assert await watched.contains(5, 2) is True  # but the next one reads again
    assert await watched.contains(5, 1) is True  # defaults are watched everywhere
    assert store.reads == 2


