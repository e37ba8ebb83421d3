"""The store: one SQLite file (aiosqlite, WAL) holding every guild's briefs,
entities and statements, with FTS5 search and typo-tolerant name lookup.
The only package that speaks SQL."""
from store.errors import StoreError
from store.store import Store

__all__ = ["Store", "StoreError"]
