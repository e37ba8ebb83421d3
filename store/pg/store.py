"""`PgStore`: the Store (store/store.py, every query module unchanged) on PostgreSQL.

Reads go through a pool, so the lookups of many members run at once; writes go
through one connection held for the store's life, one transaction each, under the
process's write lock as on SQLite. Across processes (shards), a write takes a
transaction-scoped advisory lock on its guild, so two shards writing to one guild
queue instead of linking the same new name twice; different guilds write in parallel.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Callable

import asyncpg

from store.errors import DATABASE_ERRORS, StoreError, translating
from store.name_cache import NameCache, put_all
from store.name_index import CANDIDATES, NameIndex
from store import lookup
from store.pg import trigram
from store.pg.driver import PgConnection
from store.pg.opening import open_pool, redacted
from store.store import Clock, Store, _utc_now

log = logging.getLogger(__name__)

# Advisory lock keys of the guilds' writes: one namespace, apart from the migration lock.
WRITE_LOCK = "newsbrief.write."


@translating
class PgStore(Store):
    """The Store on a PostgreSQL database (DATABASE_URL)."""

    def __init__(self, url: str, pool: asyncpg.Pool, writer: asyncpg.Connection, clock: Clock):
        self._pool = pool
        self._writer_connection = writer
        super().__init__(redacted(url), PgConnection(writer), PgConnection(pool), clock)  # type: ignore[arg-type]
        self._names = NameCache(self.path, loader=self._load_names)
        self._trigrams: str | None = None  # pg_trgm's schema when typo candidates come from its index

    @classmethod
    async def open(cls, path, *, clock: Clock | None = None, check_fulltext: bool = False,
                   warm_names: bool = True, name_lookup: str = "index") -> "PgStore":
        """Connect to the database at the URL `path` (migrating it). `check_fulltext` is
        SQLite's: PostgreSQL keeps its GIN indexes itself. `name_lookup` "trigram" takes
        typo candidates from the database's trigram index (store/pg/trigram.py) instead of
        the in-process name index, which then loads only for autocomplete."""
        if name_lookup not in trigram.NAME_LOOKUPS:
            raise ValueError(f"name_lookup is one of {', '.join(trigram.NAME_LOOKUPS)}, not {name_lookup!r}")
        url = str(path)
        pool = await open_pool(url)
        try:
            writer = await pool.acquire()
        except BaseException:
            await pool.close()
            raise
        store = cls(url, pool, writer, clock or _utc_now)
        if name_lookup == "trigram":
            store._trigrams = await trigram.extension_schema(store._reader)
            if store._trigrams is None:
                log.warning("NAME_LOOKUP=trigram, but the database has no pg_trgm trigram index (the extension "
                            "is missing or was not allowed): typo lookups use the in-process name index")
            warm_names = False  # the index is only autocomplete's then: it loads when first asked
        if warm_names:
            store._warming = asyncio.create_task(store._warm_up())
        return store

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._names.close()
        if self._warming is not None:
            await asyncio.gather(self._warming, return_exceptions=True)
        async with self._write_lock:
            with contextlib.suppress(Exception):  # a connection its server dropped is the pool's already
                await self._pool.release(self._writer_connection)
            await self._pool.close()

    async def repair_fulltext(self, *, thorough: bool = False) -> list[str]:
        """Nothing to repair: PostgreSQL maintains its GIN indexes in the writer's transaction."""
        if self._closed:
            raise StoreError("The store is closed.")
        return []

    async def _second_reader(self):
        """The pool: a second query takes a connection of its own."""
        return self._reader

    async def compact_fulltext(self) -> None:
        """Nothing to merge: a GIN index folds its pending entries in as it is used and vacuumed."""
        if self._closed:
            raise StoreError("The store is closed.")

    async def _begin(self, guild_id: int) -> None:
        # One round trip: BEGIN, then wait for this guild's writes in other processes. The key is an int,
        # written into the text (a script with parameters would be two round trips).
        start = f"BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('{WRITE_LOCK}{int(guild_id)}', 0))"
        try:
            await self._writer.execute(start)
        except Exception:  # noqa: BLE001  # this fails only on a connection lost with its server (a restart, a
            await self._new_writer()  # network cut; asyncpg has several errors for it): nothing was written yet
            await self._writer.execute(start)

    async def _rollback(self) -> None:
        try:
            if self._writer.in_transaction:
                await self._writer.execute("ROLLBACK")
        except DATABASE_ERRORS + (OSError,):
            with contextlib.suppress(Exception):
                self._writer_connection.terminate()  # in an unknown state: the next write takes a new connection

    async def _new_writer(self) -> None:
        # The pool may have let go of a connection its server dropped already; then these refuse, harmlessly.
        with contextlib.suppress(Exception):
            self._writer_connection.terminate()
        with contextlib.suppress(Exception):
            await self._pool.release(self._writer_connection)
        self._writer_connection = await self._pool.acquire()
        self._writer.rebind(self._writer_connection)  # type: ignore[attr-defined]  # a PgConnection

    async def _typo_candidates(self, guild_id: int, key: str, limit: int) -> list[int]:
        if self._trigrams is None:
            return await super()._typo_candidates(guild_id, key, limit)
        return list(await trigram.trigram_candidates(self._reader, guild_id, key, limit, schema=self._trigrams))

    async def _typo_scored(self, guild_id: int, key: str) -> tuple[tuple[int, float], ...]:
        if self._trigrams is None:
            return await super()._typo_scored(guild_id, key)
        found = await trigram.trigram_candidates(self._reader, guild_id, key, CANDIDATES, schema=self._trigrams)
        return await lookup.score_candidates(self._reader, guild_id, key, found)

    async def _load_names(self, guild_id: int, stop: Callable[[], bool]) -> NameIndex:
        """A guild's whole name index, read in one snapshot so names and generation agree."""
        async with self._pool.acquire() as conn:
            async with conn.transaction(isolation="repeatable_read", readonly=True):
                generation = await conn.fetchval("SELECT generation FROM guilds WHERE guild_id = $1", guild_id)
                entities = await conn.fetch("SELECT id, key, briefs FROM entities WHERE guild_id = $1", guild_id)
                if stop():
                    raise StoreError("The store is closed.")
                aliases = await conn.fetch("SELECT entity_id, key FROM aliases WHERE guild_id = $1", guild_id)
        index = NameIndex(generation or 0)
        await asyncio.to_thread(put_all, index, entities, aliases)
        index.loaded()
        return index


if TYPE_CHECKING:
    from store.interface import StoreInterface

    _POSTGRESQL_STORE: type[StoreInterface] = PgStore
