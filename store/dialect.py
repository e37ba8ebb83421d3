"""Which SQL dialect a connection speaks, for the few queries written twice
(full-text search, table introspection). Everything else is portable SQL."""
from __future__ import annotations

POSTGRESQL = "postgresql"
SQLITE = "sqlite"


def of(db) -> str:
    """`db` is an aiosqlite connection or a store.pg.driver.PgConnection."""
    return getattr(db, "dialect", SQLITE)


def is_postgresql(db) -> bool:
    return of(db) == POSTGRESQL
