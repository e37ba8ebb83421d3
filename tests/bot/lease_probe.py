"""Looking at the deployment lease from outside, on the PostgreSQL server: which
session holds it, and waiting for a dead owner's session to let it go."""
from __future__ import annotations

import asyncio
import time

import asyncpg

from store.lease import LOCK_KEY_SQL


async def holder_pid(dsn: str) -> int | None:
    """The server process (session) holding the deployment lease of `dsn`'s schema, if any."""
    conn = await asyncpg.connect(dsn, timeout=10)
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
