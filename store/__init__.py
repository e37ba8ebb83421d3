"""The store: one SQLite file (aiosqlite, WAL) holding every guild's briefs,
entities and statements, with FTS5 search and typo-tolerant name lookup; or the
same store on PostgreSQL (store/pg, `DATABASE_URL`) for bots in many servers.
The only package that speaks SQL."""
from store.backend import open_store
from store.errors import StoreError
from store.store import Store

__all__ = ["Store", "StoreError", "open_store"]
