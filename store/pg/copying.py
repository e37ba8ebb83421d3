"""`newsbrief migrate SQLITE_PATH postgresql://...`: an SQLite index copied into PostgreSQL.

Every table is copied whole (briefs with their raw texts, entities, aliases, roles,
statements, corrections, forgotten briefs, the audit log, settings, watched channels,
feeds, feed items, follows, alert settings), ids kept, in key order, a batch per
transaction. A copy that stops half way is resumed by running it again: each table
restarts from the highest key already copied, and rows already there are skipped
(ON CONFLICT DO NOTHING). The guilds' counters are copied last and overwrite the
ones the entity trigger counted meanwhile; the id sequences are moved past the copied
ids. A target that holds briefs of anything but this same source is refused.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import asyncpg

from store.errors import StoreError
from store.opening import open_connections
from store.pg.opening import open_pool

BATCH = 1000
# (table, the column its rows are copied in order of), parents before children; guilds last.
TABLES: tuple[tuple[str, str], ...] = (
    ("articles", "id"), ("entities", "id"), ("aliases", "entity_id"), ("roles", "entity_id"),
    ("brief_entities", "brief_id"), ("statements", "id"), ("watched_channels", "guild_id"),
    ("corrections", "id"), ("forgotten", "brief_id"), ("changes", "id"), ("guild_settings", "guild_id"),
    ("feeds", "id"), ("feed_items", "feed_id"), ("follows", "id"), ("alert_settings", "guild_id"),
    ("guilds", "guild_id"),
)
# Tables whose ids PostgreSQL hands out: their sequences must start after the copied ids.
SEQUENCED = ("articles", "entities", "statements", "corrections", "changes", "feeds", "follows")

# (table, rows copied so far in it, its rows in all, rows copied so far in all, all rows)
Progress = Callable[[str, int, int, int, int], None]


@dataclass
class CopyReport:
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (in SQLite, in PostgreSQL)

    @property
    def matches(self) -> bool:
        return all(a == b for a, b in self.counts.values())


async def copy_sqlite_to_postgresql(sqlite_path: Path, url: str, progress: Progress | None = None) -> CopyReport:
    """Copy (or finish copying) the SQLite database at `sqlite_path` into `url`; the counts after."""
    sqlite_path = Path(sqlite_path).expanduser()
    if not sqlite_path.is_file():
        raise StoreError(f"{sqlite_path} is not a file; give the SQLite database the bot used (NEWSBRIEF_DB).")
    source_name = str(sqlite_path.resolve())
    writer, reader = await open_connections(sqlite_path)  # refuses what is not ours; brings it up to date
    try:
        await writer.close()
        pool = await open_pool(url, max_size=2)
        try:
            async with pool.acquire() as target:
                await _claim(target, source_name)
                totals = {t: await _count_sqlite(reader, t) for t, _ in TABLES}
                before, all_rows = 0, sum(totals.values())
                for table, key in TABLES:
                    already = await target.fetchval(f"SELECT count(*) FROM {table}")

                    def batch_done(copied: int, table=table, already=already, before=before) -> None:
                        if progress is not None:
                            done = min(totals[table], already + copied)
                            progress(table, done, totals[table], before + done, all_rows)

                    batch_done(0)
                    await _copy_table(reader, target, table, key, batch_done)
                    before += totals[table]
                await _move_sequences(target)
                report = CopyReport({t: (totals[t], await target.fetchval(f"SELECT count(*) FROM {t}"))
                                     for t, _ in TABLES})
                if report.matches:
                    await target.execute("UPDATE copied_from SET finished_at = now() WHERE source = $1", source_name)
                return report
        finally:
            await pool.close()
    finally:
        await reader.close()


async def _claim(target: asyncpg.Connection, source: str) -> None:
    """Start (or resume) the copy of `source`; refuse a database holding other briefs."""
    other = await target.fetchval("SELECT source FROM copied_from WHERE source <> $1 LIMIT 1", source)
    mine = await target.fetchval("SELECT 1 FROM copied_from WHERE source = $1", source)
    has_briefs = await target.fetchval("SELECT EXISTS (SELECT 1 FROM articles)")
    if other is not None or (has_briefs and not mine):
        raise StoreError("The PostgreSQL database already holds other briefs; copy into an empty database "
                         "(ids are kept, so two indexes cannot share one). Nothing was copied.")
    await target.execute("INSERT INTO copied_from (source) VALUES ($1) ON CONFLICT DO NOTHING", source)


async def _count_sqlite(reader, table: str) -> int:
    rows = list(await reader.execute_fetchall(f"SELECT count(*) FROM {table}"))
    return int(rows[0][0])


async def _columns(target: asyncpg.Connection, table: str) -> list[str]:
    """The table's written columns (generated tsvectors are PostgreSQL's own)."""
    rows = await target.fetch(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position", table)
    return [r[0] for r in rows]


async def _copy_table(reader, target: asyncpg.Connection, table: str, key: str,
                      batch_done: Callable[[int], None]) -> int:
    """Copy the rows not yet in the target, from the highest key copied on; rows copied now.
    `batch_done(rows copied so far)` after each committed batch."""
    columns = await _columns(target, table)
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join(f"${n}" for n in range(1, len(columns) + 1))
    if table == "guilds":  # the counters as the source kept them, over those the trigger counted
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != key)
        insert = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT ({key}) DO UPDATE SET {updates}"
    else:
        insert = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING"
    start = await target.fetchval(f"SELECT max({key}) FROM {table}") if table != "guilds" else None
    where, params = (f" WHERE {key} >= ?", (start,)) if start is not None else ("", ())
    copied = 0
    async with reader.execute(f"SELECT {names} FROM {table}{where} ORDER BY {key}", params) as cursor:
        while rows := await cursor.fetchmany(BATCH):
            async with target.transaction():
                await target.executemany(insert, [tuple(r) for r in rows])
            copied += len(rows)
            batch_done(copied)
    return copied


async def _move_sequences(target: asyncpg.Connection) -> None:
    for table in SEQUENCED:
        await target.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}")

