"""Opening the store a deployment configured: PostgreSQL for a `postgresql://` URL
(DATABASE_URL), else the SQLite file at a path (NEWSBRIEF_DB)."""
from __future__ import annotations

from pathlib import Path

from store.pg.opening import is_database_url
from store.store import Store


async def open_store(location: str | Path, **options) -> Store:
    """`options` are Store.open's (clock, check_fulltext, warm_names)."""
    if is_database_url(location):
        from store.pg.store import PgStore  # asyncpg's pool is set up only for a server

        return await PgStore.open(str(location), **options)
    return await Store.open(location, **options)
