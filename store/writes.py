"""The statements that add, replace and remove one brief. Each function runs
inside a transaction the caller opened (Store._write), so a brief is stored
whole or not at all."""
from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

import aiosqlite

from extract.model import STATEMENT_KINDS, Brief
from store import corrections, extraction
from store.entity_links import KEY_SEPARATOR, Links, link_entities, role_key
from store.naming import preferred_name
from store.normalize import name_key, storable, url_key
from store.packing import pack_insights, pack_sections
from store.records import Provenance, SaveResult

INGESTED = "ingested"  # date_source when nothing better than the time of ingest is known
# How much a date source is trusted: a later re-read never replaces a date with a weaker one.
DATE_SOURCES = ("ingested", "posted", "relative", "dateline", "feed", "metadata")


@dataclass
class WriteTx:
    """What one write transaction changed in one guild: the guild's counters
    and the entities whose names or counts the name cache must re-read."""

    guild_id: int
    briefs: int = 0
    statements: int = 0
    touched: set[int] = field(default_factory=set)
    rules: list | None = None  # the guild's corrections, read once per transaction
    # Rows of new briefs that nothing reads before the commit (links, roles, statements),
    # sent as one executemany per table at its end (flush) instead of one per brief.
    pending: dict[str, list[tuple]] = field(default_factory=dict)
    # Their entities' count increments, summed: one UPDATE per entity per batch, not one
    # per brief naming it (each moves the entity in the entities_popular index).
    counts: dict[int, list[int]] = field(default_factory=dict)  # entity id -> [briefs, mentions]

    @property
    def changed(self) -> bool:
        return bool(self.briefs or self.statements or self.touched)


async def find_duplicate(db: aiosqlite.Connection, guild_id: int, *, fingerprint: bytes | None = None,
                         source_key: str | None = None) -> int | None:
    if fingerprint is not None:
        rows = list(await db.execute_fetchall(
            "SELECT id FROM articles WHERE guild_id = ? AND fingerprint = ? ORDER BY id LIMIT 1",
            (guild_id, fingerprint)))
        if rows:
            return int(rows[0][0])
    if source_key is not None:
        rows = list(await db.execute_fetchall(
            "SELECT id FROM articles WHERE guild_id = ? AND source_key = ? ORDER BY id LIMIT 1",
            (guild_id, source_key)))
        if rows:
            return int(rows[0][0])
    return None


class KnownBriefs:
    """The briefs a batch could duplicate, read in one query before the batch is saved,
    and kept up to date with the batch's own new briefs (instead of two SELECTs per brief).
    Keys are ("f", fingerprint) and ("s", source key); each maps to the oldest such brief."""

    def __init__(self, found: dict[tuple[str, object], SaveResult]):
        self.found = found

    def get(self, fingerprint: bytes, source_key: str | None) -> SaveResult | None:
        return self.found.get(("f", fingerprint)) or (
            self.found.get(("s", source_key)) if source_key is not None else None)

    def add(self, fingerprint: bytes, source_key: str | None, result: SaveResult) -> None:
        self.found.setdefault(("f", fingerprint), result)
        if source_key is not None:
            self.found.setdefault(("s", source_key), result)


async def known_briefs(db: aiosqlite.Connection, guild_id: int, fingerprints: list[bytes],
                       sources: list[str | None]) -> KnownBriefs:
    """The stored briefs of the guild with any of these fingerprints or sources."""
    found: dict[tuple[str, object], SaveResult] = {}
    prints = sorted(set(fingerprints))
    keys = sorted({k for k in map(url_key, sources) if k is not None})
    for tag, column, values in (("f", "fingerprint", prints), ("s", "source_key", keys)):
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows = await db.execute_fetchall(
                f"SELECT {column}, id, entity_count, statement_count, title FROM articles "
                f"WHERE guild_id = ? AND {column} IN ({','.join('?' * len(chunk))}) "
                f"AND {column} IS NOT NULL ORDER BY id", (guild_id, *chunk))
            for value, brief_id, entities, statements, title in rows:
                found.setdefault((tag, value), SaveResult(int(brief_id), False, entities, statements, title))
    return KnownBriefs(found)


async def insert_brief(db: aiosqlite.Connection, tx: WriteTx, brief: Brief, raw_text: str, came: Provenance,
                       now: str, fingerprint: bytes, known: KnownBriefs | None = None) -> SaveResult:
    """Store a new brief, or report the one already stored with the same text or
    URL. `fingerprint` is normalize.text_fingerprint(raw_text); `known`, when the
    caller read it for the batch, answers that instead of the database."""
    raw_text = storable(raw_text or "")
    source = came.source
    source_key = url_key(source)
    if known is not None:
        earlier = known.get(fingerprint, source_key)
        if earlier is not None:
            return SaveResult(earlier.brief_id, False, earlier.entities, earlier.statements, earlier.title)
    else:
        existing = await find_duplicate(db, tx.guild_id, fingerprint=fingerprint, source_key=source_key)
        if existing is not None:
            rows = list(await db.execute_fetchall(
                "SELECT title, entity_count, statement_count FROM articles WHERE id = ?", (existing,)))
            title, entities, statements = rows[0]
            return SaveResult(existing, False, entities, statements, title)
    corrected = corrections.apply(brief, await guild_rules(db, tx))
    links = await _link(db, tx, corrected)
    statements = _statement_rows(corrected, links)
    brief_id = (await db.execute_insert(  # type: ignore[index]  # an INSERT always yields its rowid
        "INSERT INTO articles (guild_id, created_at, title, source, source_key, jump_url, message_id, channel_id, "
        "author_id, fingerprint, entity_count, statement_count, truncated, raw_text, sections, insights, extraction, "
        "published_at, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (tx.guild_id, now, _title(brief), source, source_key, came.jump_url, came.message_id,
         came.channel_id, came.author_id, fingerprint, len(links.mentions), len(statements),
         int(bool(brief.truncated)), raw_text, storable(pack_sections(brief, raw_text)),
         storable(pack_insights(brief, raw_text)), storable(extraction.pack(brief, raw_text)),
         *_publication(came, now))))[0]
    await write_links(db, tx, brief_id, links, statements, defer=True)
    await mark_hidden(db, tx, [m.entity_id for m in links.mentions])
    tx.briefs += 1
    result = SaveResult(int(brief_id), True, len(links.mentions), len(statements), _title(brief))
    if known is not None:
        known.add(fingerprint, source_key, result)
    return result


async def replace_brief(db: aiosqlite.Connection, tx: WriteTx, brief_id: int, brief: Brief, raw_text: str,
                        now: str, fingerprint: bytes, published: tuple[str, str] | None = None) -> bool:
    """Re-extraction: same id and metadata, new text, entities and statements.
    `published` (date, source) replaces the stored date unless that is better known."""
    if not await _owned(db, tx.guild_id, brief_id):
        return False
    raw_text = storable(raw_text or "")
    await db.execute(
        "UPDATE articles SET updated_at = ?, title = ?, fingerprint = ?, truncated = ?, raw_text = ?, "
        "sections = ?, insights = ?, extraction = ? WHERE id = ?",
        (now, _title(brief), fingerprint, int(bool(brief.truncated)), raw_text,
         storable(pack_sections(brief, raw_text)), storable(pack_insights(brief, raw_text)),
         storable(extraction.pack(brief, raw_text)), brief_id))
    await relink(db, tx, brief_id, brief)
    if published is not None and published[1] in DATE_SOURCES:
        await redate(db, brief_id, *published)
    return True


async def relink(db, tx: WriteTx, brief_id: int, brief: Brief, kept: list | None = None) -> None:
    """Link `brief` (what the extractor found) to the guild's entities again,
    with the guild's corrections applied. A statement found again keeps its id
    (moderators refer to statements by id); `kept` gives the (id, start, text)
    of statements whose rows are already gone (a restored brief)."""
    if kept is None:
        kept = await db.execute_fetchall("SELECT id, start, text FROM statements WHERE brief_id = ?", (brief_id,))
    # Entities this brief alone named are purged only after re-linking, so an
    # entity the new version names again keeps its id.
    old_ids = await unlink_brief(db, tx, brief_id, purge=False)
    corrected = corrections.apply(brief, await guild_rules(db, tx), brief_id)
    links = await _link(db, tx, corrected)
    statements = _with_old_ids(_statement_rows(corrected, links), kept)
    await db.execute("UPDATE articles SET entity_count = ?, statement_count = ? WHERE id = ?",
                     (len(links.mentions), len(statements), brief_id))
    await write_links(db, tx, brief_id, links, statements)
    await mark_hidden(db, tx, [m.entity_id for m in links.mentions])
    await purge_unused(db, old_ids)


async def guild_rules(db, tx: WriteTx) -> list:
    if tx.rules is None:
        from store.curation import rules  # curation builds on this module

        tx.rules = await rules(db, tx.guild_id)
    return tx.rules


async def mark_hidden(db, tx: WriteTx, entity_ids: list[int]) -> None:
    """An entity is hidden while a `hide` rule names its key."""
    keys = {key for rule in await guild_rules(db, tx) if rule.kind == "hide" for key in rule.keys}
    if not keys or not entity_ids:
        return
    for i in range(0, len(entity_ids), 500):
        chunk = entity_ids[i:i + 500]
        await db.execute(f"UPDATE entities SET hidden = 1 WHERE id IN ({','.join('?' * len(chunk))}) "
                         f"AND key IN ({','.join('?' * len(keys))})", (*chunk, *keys))


def _with_old_ids(rows: list[tuple], kept) -> list[tuple]:
    """(id or None, *row): the id of an old statement with the same offset and text."""
    free: dict[tuple, list[int]] = {}
    for statement_id, start, text in kept:
        free.setdefault((int(start), text), []).append(int(statement_id))
    out = []
    for row in rows:
        ids = free.get((row[2], row[5]))
        out.append((ids.pop(0) if ids else None, *row))
    return out


async def set_reindex_after(db: aiosqlite.Connection, guild_id: int, brief_id: int | None) -> None:
    await db.execute("UPDATE guilds SET reindex_after = ? WHERE guild_id = ?", (brief_id, guild_id))


async def redate(db, brief_id: int, published_at: str, date_source: str) -> None:
    """A re-read found the brief's date: it replaces the stored one unless that comes from a better source."""
    rank = DATE_SOURCES.index(date_source)
    as_good_or_weaker = DATE_SOURCES[:rank + 1]
    marks = ",".join("?" * len(as_good_or_weaker))
    await db.execute(
        f"UPDATE articles SET published_at = ?, date_source = ? WHERE id = ? "
        f"AND (date_source IS NULL OR date_source IN ({marks}))",
        (published_at, date_source, brief_id, *as_good_or_weaker))
    for table in ("brief_entities", "statements"):  # their copies of the date (schema step 9)
        await db.execute(f"UPDATE {table} SET published_at = (SELECT published_at FROM articles WHERE id = ?) "
                         "WHERE brief_id = ?", (brief_id, brief_id))


async def delete_brief(db: aiosqlite.Connection, tx: WriteTx, brief_id: int) -> bool:
    if not await _owned(db, tx.guild_id, brief_id):
        return False
    await unlink_brief(db, tx, brief_id)
    await db.execute("DELETE FROM articles WHERE id = ?", (brief_id,))
    tx.briefs -= 1
    return True


async def bump_generation(db: aiosqlite.Connection, tx: WriteTx) -> int:
    """Record the transaction's counter changes; the new generation tells every
    name cache of this guild (in any process) that it is stale."""
    rows = list(await db.execute_fetchall(
        "INSERT INTO guilds (guild_id, generation, briefs, statements) VALUES (?, 1, ?, ?) "
        "ON CONFLICT (guild_id) DO UPDATE SET generation = guilds.generation + 1, "
        "briefs = guilds.briefs + excluded.briefs, statements = guilds.statements + excluded.statements "
        "RETURNING generation",
        (tx.guild_id, tx.briefs, tx.statements)))
    return int(rows[0][0])


# ---- pieces ---------------------------------------------------------------------

async def _owned(db, guild_id: int, brief_id: int) -> bool:
    rows = await db.execute_fetchall("SELECT 1 FROM articles WHERE id = ? AND guild_id = ?", (brief_id, guild_id))
    return bool(rows)


async def _link(db, tx: WriteTx, brief: Brief) -> Links:
    speakers = [s.speaker for s in brief.statements if s.speaker]
    links = await link_entities(db, tx.guild_id, list(brief.entities), speakers,
                                {entity_id: briefs for entity_id, (briefs, _) in tx.counts.items()})
    tx.touched.update(m.entity_id for m in links.mentions)
    return links


def _statement_rows(brief: Brief, links: Links) -> list[tuple]:
    rows = []
    for s in brief.statements:
        text = storable(str(s.text or "")).strip()
        if not text:
            continue
        speaker = " ".join(str(s.speaker).split()) if s.speaker else None
        speaker_id = links.speakers.get(name_key(speaker)) if speaker else None
        kind = s.kind if s.kind in STATEMENT_KINDS else "direct"
        rows.append((speaker_id, kind, int(s.start or 0), int(s.end or 0), speaker, text))
    return rows


async def write_links(db, tx: WriteTx, brief_id: int, links: Links, statements: list[tuple], *,
                      defer: bool = False) -> None:
    """Everything of a brief that hangs off its article row: entity links and
    their counts, aliases, roles, statements (FTS rows follow by trigger).
    Aliases and names are written at once (linking the next brief reads them); with
    `defer` (a new brief) links, roles, statements and counts wait for `flush`. A statement
    with no rows is not sent at all: each is a round trip to the database."""
    guild_id = tx.guild_id
    later = (lambda sql, rows: _pend(tx, sql, rows)) if defer else (lambda sql, rows: _many(db, sql, rows))
    # The publication date is copied from the article row (written first, in this transaction).
    await later("INSERT INTO brief_entities (brief_id, entity_id, position, mentions, role, keys, published_at) "
                "VALUES (?, ?, ?, ?, ?, ?, (SELECT published_at FROM articles WHERE id = ?))",
                [(brief_id, m.entity_id, m.position, m.mentions, m.role, KEY_SEPARATOR.join(m.forms), brief_id)
                 for m in links.mentions])
    if defer:
        for m in links.mentions:
            count = tx.counts.setdefault(m.entity_id, [0, 0])
            count[0] += 1
            count[1] += m.mentions
    else:
        await _many(db, "UPDATE entities SET briefs = briefs + 1, mentions = mentions + ? WHERE id = ?",
                    [(m.mentions, m.entity_id) for m in links.mentions])
    await _many(db, "INSERT INTO aliases (entity_id, key, guild_id, alias, briefs) VALUES (?, ?, ?, ?, 1) "
                    "ON CONFLICT (entity_id, key) DO UPDATE SET briefs = aliases.briefs + 1",
                [(m.entity_id, k, guild_id, form) for m in links.mentions for k, form in m.forms.items()])
    # Held back or not, roles are upserted in brief order: the first brief naming one stays its first_brief_id.
    await later("INSERT INTO roles (entity_id, key, role, briefs, first_brief_id) VALUES (?, ?, ?, 1, ?) "
                "ON CONFLICT (entity_id, key) DO UPDATE SET briefs = roles.briefs + 1",
                [(m.entity_id, role_key(m.role), m.role, brief_id) for m in links.mentions if m.role])
    await refresh_names(db, tx, [m.entity_id for m in links.mentions], {k for m in links.mentions for k in m.forms})
    await later('INSERT INTO statements (id, guild_id, brief_id, speaker_entity_id, kind, start, "end", '
                "speaker_name, text, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "(SELECT published_at FROM articles WHERE id = ?))",
                [(*((row[0], guild_id, brief_id, *row[1:]) if len(row) == 7 else (None, guild_id, brief_id, *row)),
                  brief_id) for row in statements])
    tx.statements += len(statements)


async def flush(db, tx: WriteTx) -> None:
    """Write the rows `write_links(defer=True)` held back (before the transaction commits)."""
    pending, tx.pending = tx.pending, {}
    counts, tx.counts = tx.counts, {}
    await _many(db, "UPDATE entities SET briefs = briefs + ?, mentions = mentions + ? WHERE id = ?",
                [(briefs, mentions, entity_id) for entity_id, (briefs, mentions) in counts.items()])
    for sql, rows in pending.items():
        await _many(db, sql, rows)


async def _pend(tx: WriteTx, sql: str, rows: list[tuple]) -> None:
    tx.pending.setdefault(sql, []).extend(rows)


async def _many(db, sql: str, rows: list[tuple]) -> None:
    if rows:
        await db.executemany(sql, rows)


async def unlink_brief(db, tx: WriteTx, brief_id: int, *, purge: bool = True) -> list[int]:
    """Take back everything `write_links` added for a brief; entities no brief
    names any more are deleted with their aliases and roles (unless `purge` is
    False: then the caller purges). Returns the entities it touched."""
    links = await db.execute_fetchall(
        "SELECT entity_id, mentions, role, keys FROM brief_entities WHERE brief_id = ?", (brief_id,))
    removed = await db.execute("DELETE FROM statements WHERE brief_id = ?", (brief_id,))
    tx.statements -= max(0, removed.rowcount)
    await db.execute("DELETE FROM brief_entities WHERE brief_id = ?", (brief_id,))
    ids = [row[0] for row in links]
    tx.touched.update(ids)
    await db.executemany("UPDATE entities SET briefs = briefs - 1, mentions = max(0, mentions - ?) WHERE id = ?",
                         [(mentions, entity_id) for entity_id, mentions, _, _ in links])
    await db.executemany("UPDATE aliases SET briefs = briefs - 1 WHERE entity_id = ? AND key = ?",
                         [(entity_id, k) for entity_id, _, _, keys in links for k in keys.split(KEY_SEPARATOR) if k])
    await db.executemany("UPDATE roles SET briefs = briefs - 1 WHERE entity_id = ? AND key = ?",
                         [(entity_id, role_key(role)) for entity_id, _, role, _ in links if role])
    if purge:
        await purge_unused(db, ids)
    await refresh_names(db, tx, ids)
    return ids


async def refresh_names(db, tx: WriteTx, ids: list[int], keys: Set[str] = frozenset()) -> None:
    """Show each entity by the form its briefs use most (store/naming.py); its
    key, which linking matches by, stays as it is. Other entities named by one
    of `keys` are looked at again too: a form they now share is no longer a good name.
    A brief's few entities and keys take one query; a large set, chunks of them."""
    ids = list(dict.fromkeys(ids))
    ordered = sorted(keys)
    if not ids and not ordered:
        return
    if len(ids) <= _NAMES_CHUNK and len(ordered) <= _NAMES_CHUNK:
        which: list[str] = []
        params: list = []
        if ids:
            which.append(f"e.id IN ({_marks(ids)})")
            params += ids
        if ordered:
            which.append(f"e.id IN (SELECT o.entity_id FROM aliases o JOIN entities oe ON oe.id = o.entity_id "
                         f"WHERE o.guild_id = ? AND o.key IN ({_marks(ordered)}) AND oe.name = o.alias)")
            params += [tx.guild_id, *ordered]
        await _rename_to_preferred(db, tx, f"({' OR '.join(which)})", params)
        return
    for i in range(0, len(ordered), _NAMES_CHUNK):
        chunk = ordered[i:i + _NAMES_CHUNK]
        rows = await db.execute_fetchall(
            f"SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.guild_id = ? AND a.key IN ({_marks(chunk)}) AND e.name = a.alias", (tx.guild_id, *chunk))
        ids.extend(r[0] for r in rows)
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), _NAMES_CHUNK):
        id_chunk = ids[i:i + _NAMES_CHUNK]
        await _rename_to_preferred(db, tx, f"e.id IN ({_marks(id_chunk)})", id_chunk)


_NAMES_CHUNK = 500


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


async def _rename_to_preferred(db, tx: WriteTx, which: str, params: list) -> None:
    """Give the entities `which` (a condition on `e`) their preferred names."""
    rows = await db.execute_fetchall(
        f"SELECT e.id, e.type, e.name, a.alias, a.briefs, EXISTS (SELECT 1 FROM aliases o "
        f"WHERE o.guild_id = a.guild_id AND o.key = a.key AND o.entity_id != a.entity_id AND o.briefs > 0) "
        f"FROM entities e JOIN aliases a ON a.entity_id = e.id WHERE {which} AND a.briefs > 0 "
        # A name a moderator gave (rename, merge) is kept as given.
        f"AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.guild_id = e.guild_id "
        f"AND c.kind IN ('rename', 'merge') AND c.name = e.name)", params)
    forms: dict[int, tuple[str, str, list]] = {}
    for entity_id, entity_type, name, alias, briefs, shared in rows:
        forms.setdefault(entity_id, (entity_type, name, []))[2].append((alias, briefs, bool(shared)))
    renamed = [(best, entity_id) for entity_id, (entity_type, name, seen) in forms.items()
               if (best := preferred_name(entity_type, seen, name)) != name]
    await _many(db, "UPDATE entities SET name = ? WHERE id = ?", renamed)
    tx.touched.update(entity_id for _, entity_id in renamed)


async def purge_unused(db, ids: list[int]) -> None:
    """Delete the aliases, roles and entities among `ids` that no brief counts any more."""
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        await db.execute(f"DELETE FROM aliases WHERE entity_id IN ({marks}) AND briefs <= 0", chunk)
        await db.execute(f"DELETE FROM roles WHERE entity_id IN ({marks}) AND briefs <= 0", chunk)
        await db.execute(f"DELETE FROM entities WHERE id IN ({marks}) AND briefs <= 0", chunk)


def _publication(came: Provenance, now: str) -> tuple[str, str]:
    """(published_at, date_source) of a new brief: as the caller found it, else the time of ingest."""
    published, how = came.published_at, came.date_source
    if published and how in DATE_SOURCES:
        return str(published), how
    return now, INGESTED


def _title(brief: Brief) -> str:
    return storable(" ".join(str(brief.title or "").split()))
