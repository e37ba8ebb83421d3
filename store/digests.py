"""SQL for scheduled digests: the last slot (time a digest was due) each server's was
posted for, claimed before posting so two rounds (a restart's catch-up and the daily
task) never post one slot twice."""
from __future__ import annotations

import aiosqlite


async def claim(db: aiosqlite.Connection, guild_id: int, slot: str, *, missed: bool = False) -> bool:
    """Record `slot` (ISO, UTC) as the guild's last; False if it, or a later one, is recorded already.
    `missed` (a slot that passed while the bot was down): a guild with no record at all set its
    digest before slots were recorded, so whether that one went out is unknown; it is recorded
    as done (False), and none is ever sent twice."""
    if missed and not list(await db.execute_fetchall("SELECT 1 FROM digests_sent WHERE guild_id = ?",
                                                     (guild_id,))):
        await db.execute("INSERT INTO digests_sent (guild_id, slot) VALUES (?, ?)", (guild_id, slot))
        return False
    cursor = await db.execute(
        "INSERT INTO digests_sent (guild_id, slot) VALUES (?, ?) ON CONFLICT (guild_id) "
        "DO UPDATE SET slot = excluded.slot WHERE digests_sent.slot < excluded.slot", (guild_id, slot))
    return cursor.rowcount > 0
