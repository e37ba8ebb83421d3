"""One NameIndex per guild, kept in step with the database.

Every write transaction bumps the guild's `generation` row and logs, in the
same transaction, the entities it touched (`name_changes`). An index
remembers the generation it reflects: the writer refreshes the entities a
transaction touched right after its commit, and a reader that finds a newer
generation in the database (another process wrote) re-reads just the entities
logged since, instead of reloading the guild. Only when the log no longer
reaches back that far, or most of the guild changed, is the index rebuilt.

A whole index is built in a worker thread with a connection of its own: the
event loop keeps serving (a guild of 100,000 entities takes a second or two),
and the build's long read transaction cannot hide fresh writes from the
queries on the shared reader connection.
"""
from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Awaitable, Callable

import aiosqlite

from store import reads
from store.errors import StoreError
from store.name_index import NameIndex
from store.opening import BUSY_TIMEOUT_MS

_CHUNK = 500
_LOAD_CHUNK = 5_000
LOGGED_GENERATIONS = 64  # write generations whose touched entities stay in `name_changes`
REBUILD_SHARE = 0.25  # when more than this share of an index changed, rebuilding is cheaper
# (guild id, stop) -> the guild's whole index; `stop()` turns true when the store closes.
Loader = Callable[[int, Callable[[], bool]], Awaitable[NameIndex]]


class NameCache:
    def __init__(self, path: Path, loader: Loader | None = None):
        self._path = path
        # PostgreSQL loads over its own pool (store/pg/store.py); SQLite in a worker thread.
        self._loader = loader or (lambda guild_id, stop: asyncio.to_thread(load_index, path, guild_id, stop))
        self._indexes: dict[int, NameIndex] = {}
        self._load_lock = asyncio.Lock()
        self._closed = False

    def close(self) -> None:
        """Forget every index; a load in progress stops at its next chunk (it
        is not cancelled: its connection must close cleanly)."""
        self._closed = True
        self._indexes.clear()

    async def get(self, reader: aiosqlite.Connection, guild_id: int) -> NameIndex:
        """The guild's index, current as of the last commit."""
        index = self._indexes.get(guild_id)
        if index is not None and index.generation == await reads.generation(reader, guild_id):
            return index
        async with self._load_lock:
            index = self._indexes.get(guild_id)
            current = await reads.generation(reader, guild_id)
            if index is not None and index.generation == current:
                return index
            if index is not None and await catch_up(reader, index, guild_id, current):
                return index
            index = await self._load(guild_id)
            if not self._closed:
                self._indexes[guild_id] = index
            return index

    async def _load(self, guild_id: int) -> NameIndex:
        if self._closed:
            raise StoreError("The store is closed.")
        return await self._loader(guild_id, lambda: self._closed)

    async def after_commit(self, writer: aiosqlite.Connection, guild_id: int, touched: set[int],
                           before: int, after: int) -> None:
        """Bring a loaded index from generation `before` to `after` (the writer's
        transaction in between touched `touched`)."""
        index = self._indexes.get(guild_id)
        if index is None:
            return
        if index.generation != before:  # another process wrote in between: the next read catches up
            return
        try:
            await fill(writer, index, guild_id, list(touched))
            index.generation = after
        except Exception:
            # The write is committed; a stale index just reloads on its next read.
            self._indexes.pop(guild_id, None)
        except BaseException:
            self._indexes.pop(guild_id, None)
            raise


async def record_changes(db: aiosqlite.Connection, guild_id: int, generation: int, touched: set[int]) -> None:
    """Inside a write transaction: log the entities it touched under its generation, and drop
    what is too old to be of use."""
    await db.executemany("INSERT INTO name_changes (guild_id, generation, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [(guild_id, generation, entity_id) for entity_id in touched])
    await db.execute("DELETE FROM name_changes WHERE guild_id = ? AND generation <= ?",
                     (guild_id, generation - LOGGED_GENERATIONS))


async def catch_up(db: aiosqlite.Connection, index: NameIndex, guild_id: int, current: int) -> bool:
    """Bring `index` to generation `current` by re-reading the entities logged since its own;
    False when the log does not reach back that far or a rebuild would be cheaper."""
    if not 0 < current - index.generation < LOGGED_GENERATIONS:
        return False
    rows = list(await db.execute_fetchall(
        "SELECT DISTINCT entity_id FROM name_changes WHERE guild_id = ? AND generation > ? AND generation <= ?",
        (guild_id, index.generation, current)))
    if len(rows) > max(_CHUNK, REBUILD_SHARE * len(index)):
        return False
    await fill(db, index, guild_id, [r[0] for r in rows])
    index.generation = current
    return True


async def fill(db: aiosqlite.Connection, index: NameIndex, guild_id: int, ids: list[int]) -> None:
    """Re-read the entities `ids` into `index`, dropping those gone."""
    entities: list = []
    aliases: list = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        entities += await db.execute_fetchall(
            f"SELECT id, key, briefs FROM entities WHERE guild_id = ? AND id IN ({marks})", (guild_id, *chunk))
        aliases += await db.execute_fetchall(f"SELECT entity_id, key FROM aliases WHERE entity_id IN ({marks})", chunk)
    present = put_all(index, entities, aliases)
    for entity_id in ids:
        if entity_id not in present:
            index.remove(entity_id)


def load_index(path: Path, guild_id: int, stop: Callable[[], bool]) -> NameIndex:
    """A guild's whole index (runs in a worker thread); `stop()` ends it early."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA query_only = ON")
        db.execute("BEGIN")  # one snapshot, so the names and their generation agree
        row = db.execute("SELECT generation FROM guilds WHERE guild_id = ?", (guild_id,)).fetchone()
        index = NameIndex(row[0] if row else 0)
        entities = _chunks(db.execute("SELECT id, key, briefs FROM entities WHERE guild_id = ?", (guild_id,)), stop)
        aliases = _chunks(db.execute("SELECT entity_id, key FROM aliases WHERE guild_id = ?", (guild_id,)), stop)
        db.execute("COMMIT")
    finally:
        db.close()
    put_all(index, entities, aliases)
    index.loaded()
    return index


def _chunks(cursor: sqlite3.Cursor, stop: Callable[[], bool]) -> list:
    rows = []
    while chunk := cursor.fetchmany(_LOAD_CHUNK):
        if stop():
            raise StoreError("The store is closed.")
        rows += chunk
    return rows


def put_all(index: NameIndex, entities, aliases) -> set[int]:
    forms: dict[int, list[str]] = {}
    for entity_id, key in aliases:
        forms.setdefault(entity_id, []).append(key)
    present = set()
    for entity_id, key, briefs in entities:
        present.add(entity_id)
        index.put(entity_id, briefs, [key, *forms.get(entity_id, ())])
    return present
