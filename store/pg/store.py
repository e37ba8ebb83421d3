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
from typing import TYPE_CHECKING, Callable

import asyncpg

from store.errors import DATABASE_ERRORS, StoreError, translating
from store.name_cache import NameCache, put_all
from store.name_index import NameIndex
from store.pg.driver import PgConnection
from store.pg.opening import open_pool, redacted
from store.store import Clock, Store, _utc_now

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

    @classmethod
    async def open(cls, path, *, clock: Clock | None = None, check_fulltext: bool = False,
                   warm_names: bool = True) -> "PgStore":
        """Connect to the database at the URL `path` (migrating it). `check_fulltext` is
        SQLite's: PostgreSQL keeps its GIN indexes itself."""
        url = str(path)
        pool = await open_pool(url)
        try:
            writer = await pool.acquire()
        except BaseException:
            await pool.close()
            raise
        store = cls(url, pool, writer, clock or _utc_now)
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

    async def _begin(self, guild_id: int) -> None:
        try:
            await self._writer.execute("BEGIN")
        except Exception:  # noqa: BLE001  # BEGIN fails only on a connection lost with its server (a restart, a
            await self._new_writer()  # network cut; asyncpg has several errors for it): nothing was sent, reconnect
            await self._writer.execute("BEGIN")
        await self._writer.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"{WRITE_LOCK}{guild_id}",))

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
