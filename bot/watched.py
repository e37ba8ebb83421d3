"""Which channels' messages are briefs: the configured defaults
(INGEST_CHANNEL_IDS, in every server) plus each server's own /watch list.

Every message in every channel asks this, so a server's list is read from the
store once and kept; /watch and /unwatch drop the copy they change."""
from __future__ import annotations

from collections import defaultdict


class WatchedChannels:
    def __init__(self, store, defaults=frozenset()):
        self._store = store
        self.defaults = frozenset(defaults)
        self._by_guild: dict[int, frozenset[int]] = {}
        # Bumped by forget(): a read that was under way meanwhile may predate the
        # change, so its result answers one question but is not kept.
        self._version: dict[int, int] = defaultdict(int)

    async def channels(self, guild_id: int) -> frozenset[int]:
        cached = self._by_guild.get(guild_id)
        if cached is None:
            version = self._version[guild_id]
            cached = frozenset(await self._store.watched_channels(guild_id))
            if self._version[guild_id] == version:
                self._by_guild[guild_id] = cached
        return cached | self.defaults

    async def contains(self, guild_id: int, channel_id: int) -> bool:
        return channel_id in self.defaults or channel_id in await self.channels(guild_id)

    def forget(self, guild_id: int | None = None) -> None:
        """Read the list again next time (after a change, or all lists after a restart)."""
        guilds = list(self._version) if guild_id is None else [guild_id]
        for guild in guilds:
            self._version[guild] += 1
        if guild_id is None:
            self._by_guild.clear()
        else:
            self._by_guild.pop(guild_id, None)
