"""The deployment lease: some work must happen once per deployment however many
bot processes share the database (polling feeds, posting scheduled digests).
Exactly one process holds the lease and does that work; the others stand by
and try again now and then.

With PostgreSQL the lease is a session-level advisory lock held on a connection
of its own: PostgreSQL releases it the moment that session ends, so when the
owner dies (even by SIGKILL) the next standby to try takes it over. With SQLite
the bot is a single process, and it always holds the lease.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Protocol

import asyncpg

from store.pg.opening import is_database_url

log = logging.getLogger(__name__)

# One lock per deployment: the name is hashed with the schema the tables live in, so
# deployments (or tests) in separate schemas of one database never block each other.
LOCK_KEY_SQL = "hashtextextended('newsbrief deployment lease:' || coalesce(current_schema(), ''), 0)"
QUERY_TIMEOUT = 10.0  # seconds; a connection slower than this is treated as lost
LOST = (asyncpg.PostgresError, asyncpg.InterfaceError)  # besides OSError and timeouts: the session is unusable
# Server-side keepalives: if the owner's machine vanishes without closing its socket,
# PostgreSQL ends the session (and frees the lock) after about 10 + 3 x 5 seconds.
KEEPALIVES = {"tcp_keepalives_idle": "10", "tcp_keepalives_interval": "5", "tcp_keepalives_count": "3"}


class DeploymentLease(Protocol):
    @property
    def held(self) -> bool: ...

    async def refresh(self) -> bool:
        """Take the lease if free, or confirm it is still ours; whether this process holds it now."""
        ...

    async def release(self) -> None: ...


class SoleLease:
    """A single process (the SQLite store): it is the whole deployment."""

    held = True

    async def refresh(self) -> bool:
        return True

    async def release(self) -> None:
        pass


class AdvisoryLease:
    """A session-level `pg_try_advisory_lock` on a dedicated asyncpg connection."""

    def __init__(self, dsn: str):
        self.dsn = dsn
        self._conn: asyncpg.Connection | None = None
        self._held = False
        self._busy = asyncio.Lock()  # one refresh at a time on the one connection

    @property
    def held(self) -> bool:
        return self._held

    async def refresh(self) -> bool:
        async with self._busy:
            try:
                if self._conn is None or self._conn.is_closed():
                    if self._held:
                        log.warning("lost the deployment lease: its database session ended")
                    self._held = False  # a new session holds nothing until it takes the lock again
                    self._conn = await self._connect()
                if self._held:
                    await self._conn.fetchval("SELECT 1", timeout=QUERY_TIMEOUT)  # the session (so the lock) lives
                else:
                    self._held = bool(await self._conn.fetchval(f"SELECT pg_try_advisory_lock({LOCK_KEY_SQL})",
                                                                timeout=QUERY_TIMEOUT))
            except (OSError, asyncio.TimeoutError, *LOST) as exc:
                if self._held:
                    log.warning("lost the deployment lease: %s", exc)
                else:
                    log.info("cannot reach PostgreSQL for the deployment lease: %s", exc)
                await self._drop()
            return self._held

    async def release(self) -> None:
        async with self._busy:
            if self._conn is not None and not self._conn.is_closed() and self._held:
                try:
                    await self._conn.fetchval(f"SELECT pg_advisory_unlock({LOCK_KEY_SQL})", timeout=QUERY_TIMEOUT)
                except (OSError, asyncio.TimeoutError, *LOST):
                    pass  # closing the session below frees it anyway
            await self._drop()

    async def _connect(self) -> asyncpg.Connection:
        return await asyncpg.connect(self.dsn, timeout=QUERY_TIMEOUT, server_settings=KEEPALIVES)

    async def _drop(self) -> None:
        self._held = False
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.terminate()  # never wait on a connection that may be gone


def deployment_lease(database_url: str) -> DeploymentLease:
    """The lease for a deployment on `database_url` (empty or not PostgreSQL: the single SQLite process)."""
    return AdvisoryLease(database_url) if is_database_url(database_url) else SoleLease()
