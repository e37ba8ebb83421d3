"""The bench's PostgreSQL databases: each SQLite corpus database moved into a PostgreSQL
database of its own with `newsbrief migrate`'s copier, once (a finished copy is reused:
running the copy again only verifies it), so the query rows time both backends on the
same briefs in the same run."""
from __future__ import annotations

import os

import asyncpg

from bench.databases import BuiltDb
from store.pg.copying import copy_sqlite_to_postgresql

# The server the bench may create databases on (trust auth on 127.0.0.1 on this project's machines).
SERVER = os.environ.get("NEWSBRIEF_BENCH_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/postgres")


def database_name(db: BuiltDb) -> str:
    return f"newsbrief_bench_{db.path.stem.replace('-', '_')}"


async def url_for(db: BuiltDb, log=print) -> str:
    """A PostgreSQL URL holding `db`'s briefs, copying them in if that was not done yet."""
    name = database_name(db)
    base, _, _ = SERVER.rpartition("/")
    admin = await asyncpg.connect(SERVER)
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = f"{base}/{name}"
    log(f"  PostgreSQL copy of {db.briefs:,} briefs: {name}")
    report = await copy_sqlite_to_postgresql(db.path, url)
    if not report.matches:
        raise RuntimeError(f"copying {db.path} into {name} did not verify: {report.counts}")
    async with asyncpg.create_pool(url, min_size=1, max_size=1) as pool:
        await pool.execute("VACUUM ANALYZE")  # fresh statistics, as a database in use has them
        try:
            # The copy left its pages dirty in shared buffers: without a checkpoint, the queries
            # timed next would write them out as they evict them (the copy's cost, not theirs).
            await pool.execute("CHECKPOINT")
        except asyncpg.InsufficientPrivilegeError:
            log("  (no CHECKPOINT allowed on this server: the first PostgreSQL rows may pay for the copy's writes)")
    return url
