"""Opening the store a deployment configured: PostgreSQL for a `postgresql://` URL
(DATABASE_URL), else the SQLite file at a path (NEWSBRIEF_DB)."""
from __future__ import annotations

from pathlib import Path

from store.pg.opening import is_database_url
from store.store import Store


async def open_store(location: str | Path, *, name_lookup: str = "index", **options) -> Store:
    """`options` are Store.open's (clock, check_fulltext, warm_names). `name_lookup` is
    PostgreSQL's (NAME_LOOKUP: "trigram" for its pg_trgm index); SQLite has the index only."""
    if is_database_url(location):
        from store.pg.store import PgStore  # asyncpg's pool is set up only for a server

        return await PgStore.open(str(location), name_lookup=name_lookup, **options)
    return await Store.open(location, **options)
