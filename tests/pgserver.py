"""The real PostgreSQL server the tests use (127.0.0.1:5432, trust auth, database
`test`): each test gets a schema of its own, dropped afterwards, and a DSN whose
search_path points there. PostgreSQL not answering is a failure with the command
that starts it, never a skip."""
from __future__ import annotations

import asyncio
import contextlib
import time
import uuid

import asyncpg
import pytest

from store.lease import LOCK_KEY_SQL

SERVER = "postgresql://postgres@127.0.0.1:5432/test"
START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


async def connect(dsn: str = SERVER) -> asyncpg.Connection:
    try:
        return await asyncpg.connect(dsn, timeout=10)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 does not answer ({exc}); start it with: {START}")


@contextlib.asynccontextmanager
async def fresh_schema():
    """A DSN for a new, empty schema; the schema and everything in it go afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await connect()
    try:
        await admin.execute(f"CREATE SCHEMA {name}")
        yield f"{SERVER}?search_path={name}"
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        await admin.close()


async def holder_pid(dsn: str) -> int | None:
    """The server process (session) holding the deployment lease of `dsn`'s schema, if any."""
    conn = await connect(dsn)
    try:
        return await conn.fetchval(
            f"SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted "
            f"AND ((l.classid::bigint << 32) | l.objid::bigint) = {LOCK_KEY_SQL}")
    finally:
        await conn.close()


async def lease_freed(dsn: str, patience: float = 60.0) -> bool:
    """Whether the lease of `dsn`'s schema is free within `patience` seconds (a dead
    session's locks go when its server process has exited; a safety net, not a timing)."""
    give_up = time.monotonic() + patience
    while time.monotonic() < give_up:
        if await holder_pid(dsn) is None:
            return True
        await asyncio.sleep(0.1)
    return False
