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


def schema_of(url: str) -> str:
    return url.rpartition("search_path=")[2]


@asynccontextmanager
async def fresh_schema(rows_of: str | None = None) -> AsyncIterator[str]:
    """A new schema's URL, empty, or (`rows_of`: another test schema's URL) migrated and
    holding a copy of that schema's rows; the schema and everything in it are dropped after."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await _trigrams_in_public(admin)
        await admin.execute(f"CREATE SCHEMA {name}")
        try:
            if rows_of is not None:
                await _copy_rows(admin, schema_of(rows_of), name)
            yield url_for(name)
        finally:
            await admin.execute(f"DROP SCHEMA {name} CASCADE")
    finally:
        await admin.close()


async def _trigrams_in_public(admin: asyncpg.Connection) -> None:
    """pg_trgm once for the database, in `public`: a store's first start would put it in its own
    schema (its search_path), and dropping a test's schema would take the extension, and every
    other test schema's trigram index, with it."""
    if await admin.fetchval("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"):
        return
    try:
        await admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    except (asyncpg.UniqueViolationError, asyncpg.DuplicateObjectError):
        pass  # another test process created it at the same moment


async def _copy_rows(admin: asyncpg.Connection, source: str, target: str) -> None:
    """Migrate `target` and copy every row of `source` into it, ids and counters as they are
    (triggers off: the rows are copies, not new writes). Much cheaper per test than
    `newsbrief migrate` from SQLite, which builds the session's first copy."""
    from store.pg.copying import SEQUENCED
    from store.pg.opening import migrate

    await admin.execute(f"SET search_path = {target}")
    try:
        await migrate(admin)
        tables = await admin.fetch(
            "SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
            "AND a.attgenerated = '' AND c.relname <> 'schema_version' GROUP BY c.relname", source)
        script = ["SET LOCAL session_replication_role = replica"]
        script += [f"INSERT INTO {target}.{t} ({cols}) SELECT {cols} FROM {source}.{t}" for t, cols in tables]
        script += [f"SELECT setval(pg_get_serial_sequence('{target}.{t}', 'id'), coalesce(max(id), 0) + 1, false) "
                   f"FROM {target}.{t}" for t in SEQUENCED]
        async with admin.transaction():
            await admin.execute(";\n".join(script))
    finally:
        await admin.execute("RESET search_path")
