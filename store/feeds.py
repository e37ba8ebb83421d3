"""SQL for feeds, the items read from them, members' follows and the alert switch."""
from __future__ import annotations

import aiosqlite

from store.records import FeedItemRow, FeedRow, FollowRow

_FEED_COLUMNS = ("id, guild_id, url, channel_id, title, etag, last_modified, last_success, last_error, "
                 "last_error_at, items_seen, failures, paused, paused_reason, next_poll")


def _feed(row) -> FeedRow:
    (id_, guild_id, url, channel_id, title, etag, last_modified, last_success, last_error, last_error_at,
     items_seen, failures, paused, reason, next_poll) = row
    return FeedRow(id_, guild_id, url, channel_id, title, etag, last_modified, last_success, last_error,
                   last_error_at, items_seen, failures, bool(paused), reason, next_poll)


# ---- feeds -------------------------------------------------------------------------

async def add_feed(db: aiosqlite.Connection, guild_id: int, url: str, channel_id: int | None, added_by: int | None,
                   now: str) -> tuple[int, bool]:
    """(feed id, True) for a new feed; (the existing id, False) if the server has it already."""
    rows = list(await db.execute_fetchall("SELECT id FROM feeds WHERE guild_id = ? AND url = ?", (guild_id, url)))
    if rows:
        return int(rows[0][0]), False
    row = await db.execute_insert(  # next_poll '' sorts before every time: polled at the poller's next round
        "INSERT INTO feeds (guild_id, url, channel_id, added_by, added_at, next_poll) VALUES (?, ?, ?, ?, ?, '')",
        (guild_id, url, channel_id, added_by, now))
    return int(row[0] if row else 0), True


async def count_feeds(db: aiosqlite.Connection, guild_id: int) -> int:
    rows = list(await db.execute_fetchall("SELECT count(*) FROM feeds WHERE guild_id = ?", (guild_id,)))
    return int(rows[0][0])


async def feeds(db: aiosqlite.Connection, guild_id: int) -> list[FeedRow]:
    rows = list(await db.execute_fetchall(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE guild_id = ? ORDER BY id",
                                     (guild_id,)))
    return [_feed(r) for r in rows]


async def feed(db: aiosqlite.Connection, guild_id: int, feed_id: int) -> FeedRow | None:
    rows = list(await db.execute_fetchall(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE guild_id = ? AND id = ?",
                                     (guild_id, feed_id)))
    return _feed(rows[0]) if rows else None


async def due_feeds(db: aiosqlite.Connection, now: str, limit: int) -> list[FeedRow]:
    """Feeds of every server whose next poll is due, most overdue first."""
    rows = list(await db.execute_fetchall(
        f"SELECT {_FEED_COLUMNS} FROM feeds WHERE paused = 0 AND next_poll <= ? ORDER BY next_poll LIMIT ?",
        (now, limit)))
    return [_feed(r) for r in rows]


async def remove_feed(db: aiosqlite.Connection, guild_id: int, feed_id: int) -> bool:
    cursor = await db.execute("DELETE FROM feeds WHERE guild_id = ? AND id = ?", (guild_id, feed_id))
    return cursor.rowcount > 0


async def set_paused(db: aiosqlite.Connection, guild_id: int, feed_id: int, paused: bool,
                     reason: str | None) -> bool:
    """Pause or resume; resuming starts afresh (no failures, polled at once)."""
    if paused:
        cursor = await db.execute("UPDATE feeds SET paused = 1, paused_reason = ? WHERE guild_id = ? AND id = ?",
                                  (reason, guild_id, feed_id))
    else:
        cursor = await db.execute(
            "UPDATE feeds SET paused = 0, paused_reason = NULL, failures = 0, next_poll = '' "
            "WHERE guild_id = ? AND id = ?", (guild_id, feed_id))
    return cursor.rowcount > 0


async def polled(db: aiosqlite.Connection, feed_id: int, *, now: str, next_poll: str, error: str | None,
                 etag: str | None, last_modified: str | None, title: str | None, new_items: int,
                 pause_reason: str | None) -> None:
    """Record one poll: a success resets the failures and keeps the validators;
    an error counts one more failure (and pauses the feed when `pause_reason`)."""
    if error is None:
        await db.execute(
            "UPDATE feeds SET last_success = ?, failures = 0, next_poll = ?, etag = ?, last_modified = ?, "
            "title = coalesce(?, title), items_seen = items_seen + ? WHERE id = ?",
            (now, next_poll, etag, last_modified, title, new_items, feed_id))
    else:
        await db.execute(
            "UPDATE feeds SET last_error = ?, last_error_at = ?, failures = failures + 1, next_poll = ?, "
            "paused = CASE WHEN ? = 1 THEN 1 ELSE paused END, paused_reason = coalesce(?, paused_reason) "
            "WHERE id = ?",
            (error, now, next_poll, int(pause_reason is not None), pause_reason, feed_id))


# ---- items -------------------------------------------------------------------------

async def feed_item(db: aiosqlite.Connection, feed_id: int, key: str) -> FeedItemRow | None:
    rows = list(await db.execute_fetchall("SELECT version, brief_id FROM feed_items WHERE feed_id = ? AND item_key = ?",
                                     (feed_id, key)))
    return FeedItemRow(rows[0][0], rows[0][1]) if rows else None


async def remember_item(db: aiosqlite.Connection, feed_id: int, key: str, version: str, brief_id: int | None,
                        published: str | None) -> None:
    await db.execute(
        "INSERT INTO feed_items (feed_id, item_key, version, brief_id, published) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (feed_id, item_key) DO UPDATE SET version = excluded.version, "
        "brief_id = coalesce(excluded.brief_id, feed_items.brief_id), "
        "published = coalesce(excluded.published, feed_items.published)",
        (feed_id, key, version, brief_id, published))


# ---- follows and alerts ------------------------------------------------------------

async def follow(db: aiosqlite.Connection, guild_id: int, user_id: int, kind: str, key: str, label: str) -> bool:
    cursor = await db.execute(
        "INSERT INTO follows (guild_id, user_id, kind, key, label) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (guild_id, user_id, kind, key, label))
    return cursor.rowcount > 0


async def unfollow(db: aiosqlite.Connection, guild_id: int, user_id: int, key: str) -> list[str]:
    """Labels of the follows removed (an entity and a keyword may share a key)."""
    rows = list(await db.execute_fetchall(
        "DELETE FROM follows WHERE guild_id = ? AND user_id = ? AND key = ? RETURNING label",
        (guild_id, user_id, key)))
    return [r[0] for r in rows]


async def follows_of(db: aiosqlite.Connection, guild_id: int, user_id: int) -> list[FollowRow]:
    rows = list(await db.execute_fetchall(
        "SELECT kind, key, label FROM follows WHERE guild_id = ? AND user_id = ? ORDER BY kind, label",
        (guild_id, user_id)))
    return [FollowRow(*r) for r in rows]


async def entity_followers(db: aiosqlite.Connection, guild_id: int, brief_id: int) -> list[tuple[int, str, int]]:
    """(member, followed name, entity id) for every followed entity the brief names."""
    rows = list(await db.execute_fetchall(
        "SELECT f.user_id, f.label, e.id FROM brief_entities be JOIN entities e ON e.id = be.entity_id "
        "JOIN follows f ON f.guild_id = e.guild_id AND f.kind = 'entity' AND f.key = e.key "
        "WHERE be.brief_id = ? AND e.guild_id = ? AND e.hidden = 0 ORDER BY be.position", (brief_id, guild_id)))
    return [(int(u), label, int(e)) for u, label, e in rows]


async def keyword_follows(db: aiosqlite.Connection, guild_id: int) -> list[tuple[int, str, str]]:
    """(member, keyword key, label) of every keyword followed in the server."""
    rows = list(await db.execute_fetchall(
        "SELECT user_id, key, label FROM follows WHERE guild_id = ? AND kind = 'keyword'", (guild_id,)))
    return [(int(u), k, label) for u, k, label in rows]


async def alert_settings(db: aiosqlite.Connection, guild_id: int) -> tuple[bool, int | None]:
    rows = list(await db.execute_fetchall("SELECT enabled, channel_id FROM alert_settings WHERE guild_id = ?",
                                     (guild_id,)))
    return (bool(rows[0][0]), rows[0][1]) if rows else (True, None)


async def set_alerts(db: aiosqlite.Connection, guild_id: int, enabled: bool, channel_id: int | None) -> None:
    await db.execute(
        "INSERT INTO alert_settings (guild_id, enabled, channel_id) VALUES (?, ?, ?) ON CONFLICT (guild_id) "
        "DO UPDATE SET enabled = excluded.enabled, channel_id = excluded.channel_id",
        (guild_id, int(enabled), channel_id))
