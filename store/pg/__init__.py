"""The PostgreSQL backend: the same store (store/store.py and its query modules) over
asyncpg, selected by `DATABASE_URL=postgresql://...`.

Design: ONE store, not two. The query modules (reads, writes, lookup, curation, feeds,
entity_links, name_cache, ...) keep writing their SQL once, with `?` (or `:name`)
placeholders, against the few connection methods they already use
(`execute_fetchall`, `execute` -> rowcount, `execute_insert` -> id, `executemany`).
`driver.PgConnection` offers those methods over an asyncpg pool or connection and
translates the placeholders and the two SQLite scalar spellings (`max(a, b)`,
`min(a, b)`) once per statement text. What really differs is kept here, in few places:
  - schema.py: the DDL (identity columns, plpgsql trigger functions for the counters,
    tsvector columns with GIN indexes instead of FTS5 tables), versioned like SQLite's,
    and PostgreSQL's own idempotent extras;
  - opening.py: the pool, and migrations applied under pg_advisory_lock so several
    shard processes can start at once;
  - fulltext.py: the parsed query (store/fts.parse, shared) as a tsquery;
  - trigram.py: typo-tolerant name candidates from pg_trgm's index on the alias keys
    (schema.py's EXTRAS build it where the extension may be added), used by PgStore
    with NAME_LOOKUP=trigram instead of the in-process name index;
  - store.py: PgStore, the Store with its transaction start (BEGIN plus a per-guild
    advisory lock across processes), closing, and the name index loaded over asyncpg.
"""
