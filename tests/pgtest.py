"""The PostgreSQL side of "one test suite, two backends": a schema of its own for each
test on the machine's server (127.0.0.1:5432, trust auth, database `test`), dropped after.

Never skipped and never mocked: when the server does not answer, the tests that need it
fail with a message saying how to start it (.ci/run starts it before the suite).
"""
from __future__ import annotations

import os
import uuid
from contextlib import asynccontextmanager
from collections.abc import AsyncIterator

import asyncpg
import pytest

SERVER = os.environ.get("NEWSBRIEF_TEST_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")
START_HINT = ("start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` "
              "(.ci/run does), or point NEWSBRIEF_TEST_POSTGRESQL at a server")


async def _admin() -> asyncpg.Connection:
    try:
        return await asyncpg.connect(SERVER, timeout=10)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
        pytest.fail(f"PostgreSQL at {SERVER} does not answer ({exc}); {START_HINT}", pytrace=False)


def url_for(schema: str) -> str:
    """The store's URL for one schema: every query of its connections runs in it."""
    return f"{SERVER}?search_path={schema}"


@asynccontextmanager
async def fresh_schema() -> AsyncIterator[str]:
    """A new, empty schema's URL; the schema and everything in it are dropped after."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await admin.execute(f"CREATE SCHEMA {name}")
        try:
            yield url_for(name)
        finally:
            await admin.execute(f"DROP SCHEMA {name} CASCADE")
    finally:
        await admin.close()
