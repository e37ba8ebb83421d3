"""The SQL of moderators' tools: correction rules (re-applied through
writes.relink to the briefs they touch), forgotten briefs kept for undo, the
audit log of changes, and per-guild settings. Each function runs inside a
transaction the caller opened (Store._write) unless it only reads."""
from __future__ import annotations

import json

from store import dialect, extraction, writes
from store.corrections import Rule, statement_key
from store.normalize import name_key
from store.records import Change, Forgotten

_RULE_COLUMNS = "id, kind, subject, keys, brief_id, name, type, created_by, created_at"


def _rule(row) -> Rule:
    rule_id, kind, subject, keys, brief_id, name, type_, by, at = row
    return Rule(rule_id, kind, subject, tuple(json.loads(keys)), brief_id, name, type_, by, at)


async def rules(db, guild_id: int) -> list[Rule]:
    rows = await db.execute_fetchall(
        f"SELECT {_RULE_COLUMNS} FROM corrections WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [_rule(r) for r in rows]


async def get_rule(db, guild_id: int, rule_id: int) -> Rule | None:
    rows = await db.execute_fetchall(
        f"SELECT {_RULE_COLUMNS} FROM corrections WHERE guild_id = ? AND id = ?", (guild_id, rule_id))
    return _rule(rows[0]) if rows else None


async def entity_keys(db, guild_id: int, entity_id: int) -> list[str]:
    """The keys a rule about this entity matches: its name, and the aliases no
    other entity of the guild is known by."""
    rows = await db.execute_fetchall("SELECT key FROM entities WHERE id = ? AND guild_id = ?", (entity_id, guild_id))
    if not rows:
        return []
    keys = [rows[0][0]]
    aliases = await db.execute_fetchall(
        "SELECT a.key FROM aliases a WHERE a.entity_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM aliases o WHERE o.guild_id = a.guild_id AND o.key = a.key AND o.entity_id != a.entity_id) "
        "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.guild_id = a.guild_id AND e.key = a.key AND e.id != ?) "
        "ORDER BY a.briefs DESC", (entity_id, entity_id))
    keys += [k for (k,) in aliases if k not in keys]
    return keys


async def add_rule(db, tx: writes.WriteTx, rule: Rule) -> Rule:
    rule_id = (await db.execute_insert(
        "INSERT INTO corrections (guild_id, kind, subject, keys, brief_id, name, type, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (tx.guild_id, rule.kind, rule.subject, json.dumps(list(rule.keys), ensure_ascii=False), rule.brief_id,
         rule.name, rule.type, rule.created_by, rule.created_at)))[0]
    tx.rules = None
    return await _reapplied(db, tx, await get_rule(db, tx.guild_id, int(rule_id)))  # type: ignore[arg-type]  # just inserted


async def remove_rule(db, tx: writes.WriteTx, rule: Rule) -> None:
    await db.execute("DELETE FROM corrections WHERE id = ? AND guild_id = ?", (rule.id, tx.guild_id))
    tx.rules = None
    if rule.kind == "hide":
        await db.execute(f"UPDATE entities SET hidden = 0 WHERE guild_id = ? AND key IN ({_marks(rule.keys)})",
                         (tx.guild_id, *rule.keys))
    await _reapplied(db, tx, rule)


async def _reapplied(db, tx: writes.WriteTx, rule: Rule) -> Rule:
    """Re-link the briefs the rule changes (added or removed), from their stored extractions."""
    if rule.kind == "hide":
        ids = await _entities_named(db, tx.guild_id, list(rule.keys))
        await writes.mark_hidden(db, tx, ids)
        tx.touched.update(ids)
        return rule
    # Every brief is unlinked before any is linked again: forms the rule gave an
    # entity (a merged name) must be gone, or linking would follow them back.
    work = []
    for brief_id in await affected_briefs(db, tx.guild_id, rule):
        brief = await extraction.stored(db, brief_id)
        if brief is not None:
            kept = await db.execute_fetchall("SELECT id, start, text FROM statements WHERE brief_id = ?", (brief_id,))
            work.append((brief_id, brief, list(kept)))
            await writes.unlink_brief(db, tx, brief_id)
    for brief_id, brief, kept in work:
        await writes.relink(db, tx, brief_id, brief, kept=kept)
    return rule


async def affected_briefs(db, guild_id: int, rule: Rule) -> list[int]:
    if rule.kind == "attribute":
        return [rule.brief_id] if rule.brief_id is not None else []
    keys = list(rule.keys) + ([name_key(rule.name)] if rule.name else [])
    ids = await _entities_named(db, guild_id, keys)
    if not ids:
        return []
    rows = await db.execute_fetchall(
        f"SELECT DISTINCT brief_id FROM brief_entities WHERE entity_id IN ({_marks(ids)}) ORDER BY brief_id", ids)
    return [r[0] for r in rows]


async def _entities_named(db, guild_id: int, keys: list[str]) -> list[int]:
    """Entities whose name or one of whose forms is among `keys`."""
    keys = list(dict.fromkeys(k for k in keys if k))
    if not keys:
        return []
    rows = await db.execute_fetchall(
        f"SELECT id FROM entities WHERE guild_id = ? AND key IN ({_marks(keys)}) "
        f"UNION SELECT entity_id FROM aliases WHERE guild_id = ? AND key IN ({_marks(keys)})",
        (guild_id, *keys, guild_id, *keys))
    return [r[0] for r in rows]


async def statement(db, guild_id: int, statement_id: int) -> tuple[int, str, str | None] | None:
    """(brief id, text, speaker shown) of one of the guild's statements."""
    rows = await db.execute_fetchall(
        "SELECT s.brief_id, s.text, coalesce(e.name, s.speaker_name) FROM statements s "
        "LEFT JOIN entities e ON e.id = s.speaker_entity_id WHERE s.id = ? AND s.guild_id = ?",
        (statement_id, guild_id))
    return tuple(rows[0]) if rows else None


def attribution_rule(statement_id: int, brief_id: int, text: str, speaker: str | None, by, at: str) -> Rule:
    return Rule(0, "attribute", f"#s{statement_id}", (statement_key(text),), brief_id=brief_id, name=speaker,
                created_by=by, created_at=at)


# ---- forgotten briefs --------------------------------------------------------------

async def forget(db, tx: writes.WriteTx, brief_id: int, by: int | None, now: str) -> str | None:
    """Move a brief out of every query, keeping what restore needs; its title, or None."""
    columns = await _article_columns(db)
    rows = await db.execute_fetchall(
        f"SELECT {', '.join(columns)} FROM articles WHERE id = ? AND guild_id = ?", (brief_id, tx.guild_id))
    if not rows:
        return None
    row = dict(zip(columns, rows[0]))
    if not row.get("extraction"):
        row["extraction"] = extraction.pack(await extraction.stored(db, brief_id),  # type: ignore[arg-type]  # row read above
                                            row["raw_text"])
    row["fingerprint"] = bytes(row["fingerprint"]).hex()
    kept = await db.execute_fetchall("SELECT id, start, text FROM statements WHERE brief_id = ?", (brief_id,))
    saved = json.dumps({"article": row, "statements": [list(k) for k in kept]}, ensure_ascii=False)
    await db.execute(
        "INSERT INTO forgotten (brief_id, guild_id, forgotten_at, forgotten_by, title, saved) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (brief_id) DO UPDATE SET guild_id = excluded.guild_id, "
        "forgotten_at = excluded.forgotten_at, forgotten_by = excluded.forgotten_by, title = excluded.title, "
        "saved = excluded.saved", (brief_id, tx.guild_id, now, by, row["title"], saved))
    await writes.delete_brief(db, tx, brief_id)
    return row["title"]


async def restore(db, tx: writes.WriteTx, brief_id: int) -> tuple[str, int | None]:
    """Bring a forgotten brief back: ("restored" | "missing" | "duplicate", id of the duplicate)."""
    rows = await db.execute_fetchall("SELECT saved FROM forgotten WHERE brief_id = ? AND guild_id = ?",
                                     (brief_id, tx.guild_id))
    if not rows:
        return "missing", None
    saved = json.loads(rows[0][0])
    row = saved["article"]
    row["fingerprint"] = bytes.fromhex(row["fingerprint"])
    duplicate = await writes.find_duplicate(db, tx.guild_id, fingerprint=row["fingerprint"],
                                            source_key=row.get("source_key"))
    if duplicate is not None:
        return "duplicate", duplicate
    columns = [c for c in await _article_columns(db) if c in row]
    await db.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({_marks(columns)})",
                     [row[c] for c in columns])
    brief = extraction.unpack(row["extraction"], row["raw_text"], row["title"])
    await writes.relink(db, tx, brief_id, brief, kept=[tuple(k) for k in saved["statements"]])
    await db.execute("DELETE FROM forgotten WHERE brief_id = ?", (brief_id,))
    tx.briefs += 1
    return "restored", None


async def forgotten(db, guild_id: int, since: str, limit: int) -> list[Forgotten]:
    rows = await db.execute_fetchall(
        "SELECT brief_id, title, forgotten_at, forgotten_by FROM forgotten WHERE guild_id = ? AND forgotten_at >= ? "
        "ORDER BY forgotten_at DESC, brief_id DESC LIMIT ?", (guild_id, since, limit))
    return [Forgotten(*r) for r in rows]


async def purge_forgotten(db, before: str) -> int:
    cursor = await db.execute("DELETE FROM forgotten WHERE forgotten_at < ?", (before,))
    return max(0, cursor.rowcount)


async def _article_columns(db) -> list[str]:
    """The article table's stored columns (generated ones cannot be written)."""
    if dialect.is_postgresql(db):
        rows = await db.execute_fetchall(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'articles' AND is_generated = 'NEVER' ORDER BY ordinal_position")
        return [r[0] for r in rows]
    rows = await db.execute_fetchall("PRAGMA table_xinfo(articles)")
    return [r[1] for r in rows if r[6] == 0]  # hidden: 0 = ordinary column


# ---- audit log and settings --------------------------------------------------------

async def log_change(db, guild_id: int, at: str, user_id: int | None, action: str, target: str,
                     before: str | None = None, after: str | None = None) -> None:
    await db.execute(
        "INSERT INTO changes (guild_id, at, user_id, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (guild_id, at, user_id, action, target[:500], (before or None) and before[:1000],
         (after or None) and after[:1000]))


async def changes(db, guild_id: int, limit: int, offset: int) -> list[Change]:
    rows = await db.execute_fetchall(
        "SELECT id, at, user_id, action, target, before, after FROM changes WHERE guild_id = ? "
        "ORDER BY id DESC LIMIT ? OFFSET ?", (guild_id, limit, offset))
    return [Change(*r) for r in rows]


async def settings(db, guild_id: int) -> dict[str, str]:
    rows = await db.execute_fetchall("SELECT name, value FROM guild_settings WHERE guild_id = ?", (guild_id,))
    return dict(rows)


async def guilds_with_setting(db, name: str) -> dict[int, str]:
    rows = await db.execute_fetchall("SELECT guild_id, value FROM guild_settings WHERE name = ?", (name,))
    return {int(guild_id): value for guild_id, value in rows}


async def set_setting(db, guild_id: int, name: str, value: str | None) -> None:
    if value is None:
        await db.execute("DELETE FROM guild_settings WHERE guild_id = ? AND name = ?", (guild_id, name))
    else:
        await db.execute("INSERT INTO guild_settings (guild_id, name, value) VALUES (?, ?, ?) "
                         "ON CONFLICT (guild_id, name) DO UPDATE SET value = excluded.value",
                         (guild_id, name, value))


def _marks(items) -> str:
    return ",".join("?" * len(items))
