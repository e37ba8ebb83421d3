"""Connecting to PostgreSQL and bringing its schema up to date.

Several shard processes may start at the same moment on a fresh database: each
takes the same session advisory lock before it reads the schema version, so one
migrates and the others wait, then find nothing left to do. Each step is applied
in its own transaction together with its version row; then the PostgreSQL-only
extras (schema.EXTRAS), idempotent, each in a transaction of its own.
"""
from __future__ import annotations

import zlib

import asyncpg

from store.errors import StoreError
from store.pg.schema import EXTRAS, MIGRATIONS, SCHEMA_VERSION
from store.pg.trigram import TRIGRAM_SETTINGS

POOL_MIN = 1
POOL_MAX = 8  # readers at once per process; PostgreSQL's default max_connections is 100
COMMAND_TIMEOUT = 60.0


def is_database_url(target) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0] in ("postgresql", "postgres")


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    head, sep, tail = url.partition("://")
    if "@" in tail:
        credentials, _, host = tail.rpartition("@")
        user = credentials.split(":", 1)[0]
        return f"{head}{sep}{user}@{host}"
    return url


async def open_pool(url: str, *, max_size: int = POOL_MAX) -> asyncpg.Pool:
    """A pool on a migrated database; a StoreError naming the URL (without its
    password) when the server does not answer or refuses."""
    try:
        pool = await asyncpg.create_pool(url, min_size=POOL_MIN, max_size=max_size, reset=_keep_session,
                                         command_timeout=COMMAND_TIMEOUT, server_settings=TRIGRAM_SETTINGS)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
        raise StoreError(f"Cannot reach the PostgreSQL database {redacted(url)}: "
                         f"{' '.join(str(exc).split()) or type(exc).__name__}. Check DATABASE_URL and that "
                         "the server is running.") from None
    try:
        async with pool.acquire() as conn:
            await migrate(conn)
    except BaseException:
        await pool.close()
        raise
    return pool


async def _keep_session(conn: asyncpg.Connection) -> None:
    """What the pool does to a connection given back, instead of asyncpg's default reset query
    (UNLISTEN, RESET ALL, advisory unlocks, ...): that is a round trip after every read, and a
    read's reply waited for it. asyncpg still rolls back a transaction left open before calling
    this. The store's pool users leave no other session state behind: no LISTEN, no SET, and
    the one session advisory lock (migrate's) is released in a `finally`; the deployment
    lease holds its lock on a connection of its own (store/lease.py)."""


def _lock_key(schema: str) -> int:
    """One advisory lock per schema: tests in schemas of their own do not wait for each other."""
    return 0x6E6273 << 32 | zlib.crc32(schema.encode())


async def migrate(conn: asyncpg.Connection) -> int:
    """Apply the missing steps under the schema's advisory lock; the version reached."""
    schema = await conn.fetchval("SELECT current_schema()")
    if schema is None:
        raise StoreError("The PostgreSQL search_path names no schema that exists; create it or fix DATABASE_URL.")
    key = _lock_key(schema)
    await conn.execute("SELECT pg_advisory_lock($1)", key)
    try:
        await conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                           "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        version = await conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_version")
        if version > SCHEMA_VERSION:
            raise StoreError(f"The database was written by a newer newsbrief (schema version {version}; this one "
                             f"knows up to {SCHEMA_VERSION}). Upgrade newsbrief; the database was not changed.")
        if version == 0:
            await _refuse_foreign(conn, schema)
        while version < SCHEMA_VERSION:
            async with conn.transaction():
                await conn.execute(MIGRATIONS[version])
                await conn.execute("INSERT INTO schema_version (version) VALUES ($1)", version + 1)
            version += 1
        for script in EXTRAS:
            async with conn.transaction():
                await conn.execute(script)
        return version
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", key)


async def _refuse_foreign(conn: asyncpg.Connection, schema: str) -> None:
    """A schema with tables of another program is not ours to build in."""
    other = await conn.fetchval(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 "
        "AND table_name <> 'schema_version' LIMIT 1", schema)
    if other is not None:
        raise StoreError(f"The PostgreSQL schema {schema!r} holds tables of another program ({other!r}); "
                         "point DATABASE_URL at an empty database or schema; nothing was changed.")
