"""Queries that read one guild's briefs, entities and statements into the
records of store/records.py. Every query names the guild, so an id from
another guild finds nothing."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiosqlite

from store import dialect
from store.naming import merged_roles
from store.packing import unpack_insights, unpack_sections
from store.records import (ArticleDetail, ArticleRow, CoMentionGraph, EntityRow, GuildStats, Profile, StatementDetail,
                           StatementRow, Timeline)
from store.schema import LINK_BLOCK

MAX_ALIASES = 20
MAX_ROLES = 10
CO_MENTION_WINDOW = 100  # co-mentions are counted over the entity's latest briefs, so a famous name stays fast
TRENDING_WINDOW = 20_000  # briefs looked at for `trending`, newest first
SMALL_WINDOW = 200  # up to this many briefs, `trending` simply counts all their entities
_CHUNK = 500
# Nationalities ("American", "Russian") repeat the countries next to them, so they
# are left out of "Often in the same briefs as"; a few spare rows make up for them.
NOT_COMPANY = ("NORP",)
CO_MENTION_SPARE = 8

# The publication date comes last, so code that reads the first seven columns by position keeps working.
ARTICLE_COLUMNS = ("a.id, a.title, a.created_at, a.source, a.jump_url, a.entity_count, a.statement_count, "
                   "a.published_at, a.date_source")
ARTICLE_WIDTH = 9
STATEMENT_QUERY = (
    "SELECT s.id, s.text, s.kind, coalesce(e.name, s.speaker_name), s.speaker_entity_id, s.brief_id, "
    "a.title, a.jump_url, a.created_at, a.published_at "
    "FROM statements s JOIN articles a ON a.id = s.brief_id LEFT JOIN entities e ON e.id = s.speaker_entity_id ")
# Newest first by publication date; briefs of one day in the order they were indexed.
BY_DATE_DESC = "ORDER BY a.published_at DESC, a.id DESC"


def article_row(row, snippet: str = "") -> ArticleRow:
    dated = len(row) >= ARTICLE_WIDTH
    return ArticleRow(id=row[0], title=row[1], created_at=row[2], source=row[3], jump_url=row[4],
                      entities=row[5], statements=row[6], snippet=snippet,
                      published_at=(row[7] or "") if dated else "", date_source=(row[8] or "") if dated else "")


def statement_row(row, *, dated: bool = True) -> StatementRow:
    """From STATEMENT_QUERY's columns; `dated` False for a query whose tenth column is something else."""
    return StatementRow(id=row[0], text=row[1], kind=row[2], speaker=row[3], speaker_id=row[4], brief_id=row[5],
                        brief_title=row[6], jump_url=row[7], created_at=row[8],
                        published_at=(row[9] or "") if dated and len(row) > 9 else "")


async def entity_rows(db: aiosqlite.Connection, guild_id: int, ids: list[int]) -> dict[int, EntityRow]:
    """EntityRows (with aliases and roles) of those `ids` that belong to the
    guild; one query, since lookups wait on every round trip."""
    out: dict[int, EntityRow] = {}
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = await db.execute_fetchall(
            f"SELECT 'e', id, name, type, briefs, mentions, key FROM entities WHERE guild_id = ? AND id IN ({marks}) "
            f"AND hidden = 0 "
            f"UNION ALL SELECT 'a', entity_id, alias, NULL, briefs, NULL, key FROM aliases "
            f"WHERE guild_id = ? AND entity_id IN ({marks}) "
            f"UNION ALL SELECT 'r', r.entity_id, r.role, NULL, r.briefs, r.first_brief_id, NULL FROM roles r "
            f"JOIN entities e ON e.id = r.entity_id WHERE e.guild_id = ? AND r.entity_id IN ({marks})",
            (guild_id, *chunk, guild_id, *chunk, guild_id, *chunk))
        keys: dict[int, str] = {}
        aliases: dict[int, list] = {}
        roles: dict[int, list] = {}
        for tag, entity_id, text, type_, briefs, extra, key in rows:
            if tag == "e":
                out[entity_id] = EntityRow(entity_id, text, type_, briefs=briefs, mentions=extra)
                keys[entity_id] = key
            elif tag == "a":
                aliases.setdefault(entity_id, []).append((-briefs, text, key))
            else:
                roles.setdefault(entity_id, []).append((-briefs, extra, text))
        for entity_id in keys:
            row = out[entity_id]
            # Every form but the one shown as the name (store/naming.py picks it).
            row.aliases = [t for _, t, k in sorted(aliases.get(entity_id, [])) if t != row.name][:MAX_ALIASES]
            row.roles = merged_roles([(t, -b) for b, _, t in sorted(roles.get(entity_id, []))])[:MAX_ROLES]
    return out


async def get_article(db, guild_id: int, brief_id: int) -> ArticleDetail | None:
    rows = await db.execute_fetchall(
        f"SELECT {ARTICLE_COLUMNS}, a.raw_text, a.sections, a.insights FROM articles a "
        "WHERE a.id = ? AND a.guild_id = ?", (brief_id, guild_id))
    if not rows:
        return None
    row = rows[0]
    links = await db.execute_fetchall(
        "SELECT entity_id, role FROM brief_entities WHERE brief_id = ? ORDER BY position", (brief_id,))
    entities = await entity_rows(db, guild_id, [entity_id for entity_id, _ in links])
    listed = []
    for entity_id, role in links:
        entity = entities.get(entity_id)
        if entity is None:
            continue
        if role:  # what this brief called them comes first
            entity.roles = [role] + [r for r in entity.roles if r.casefold() != role.casefold()]
        listed.append(entity)
    statements = await db.execute_fetchall(STATEMENT_QUERY + "WHERE s.brief_id = ? ORDER BY s.id", (brief_id,))
    return ArticleDetail(
        article=article_row(row), raw_text=row[ARTICLE_WIDTH],
        sections=unpack_sections(row[ARTICLE_WIDTH + 1], row[ARTICLE_WIDTH]),
        insights=unpack_insights(row[ARTICLE_WIDTH + 2], row[ARTICLE_WIDTH]),
        entities=listed, statements=[statement_row(s) for s in statements])


STATEMENT_CONTEXT_CHARS = 600  # of the brief's text each side of a statement: enough for its sentence


async def get_statement(db, guild_id: int, statement_id: int) -> StatementDetail | None:
    rows = await db.execute_fetchall(
        "SELECT s.id, s.text, s.kind, coalesce(e.name, s.speaker_name), s.speaker_entity_id, s.brief_id, "
        "a.title, a.jump_url, a.created_at, s.start, s.\"end\", "
        "substr(a.raw_text, max(1, s.start + 1 - :n), min(s.start, :n)), substr(a.raw_text, s.\"end\" + 1, :n), "
        "a.source FROM statements s JOIN articles a ON a.id = s.brief_id "
        "LEFT JOIN entities e ON e.id = s.speaker_entity_id WHERE s.id = :id AND s.guild_id = :g",
        {"n": STATEMENT_CONTEXT_CHARS, "id": statement_id, "g": guild_id})
    if not rows:
        return None
    row = rows[0]
    start, end = row[9] or 0, row[10] or 0
    found = end > start  # offsets are those of the text it was extracted from
    return StatementDetail(statement=statement_row(row, dated=False), before=row[11] if found else "",
                           after=row[12] if found else "", source=row[13])


async def latest_articles(db, guild_id: int, limit: int, offset: int) -> list[ArticleRow]:
    rows = await db.execute_fetchall(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.guild_id = ? {BY_DATE_DESC} LIMIT ? OFFSET ?",
        (guild_id, limit, offset))
    return [article_row(r) for r in rows]


async def count_articles(db, guild_id: int) -> int:
    rows = await db.execute_fetchall("SELECT briefs FROM guilds WHERE guild_id = ?", (guild_id,))
    return int(rows[0][0]) if rows else 0


async def search_scope(db, guild_id: int) -> bool | None:
    """None when the guild has no briefs (nothing to search); else whether
    its searches should be scoped in the FTS index, i.e. it holds under half
    of the database's briefs (see fts.match_expression). On PostgreSQL there is nothing to
    decide (its queries filter by guild in SQL), so no query: summing every guild's briefs
    would grow with the number of servers, which is what PostgreSQL is there for."""
    if dialect.is_postgresql(db):
        return True
    rows = await db.execute_fetchall(
        "SELECT briefs, briefs * 2 < (SELECT sum(briefs) FROM guilds) FROM guilds WHERE guild_id = ?", (guild_id,))
    if not rows or not rows[0][0]:
        return None
    return bool(rows[0][1])


async def generation(db, guild_id: int) -> int:
    rows = await db.execute_fetchall("SELECT generation FROM guilds WHERE guild_id = ?", (guild_id,))
    return int(rows[0][0]) if rows else 0


async def entity_profile(db, guild_id: int, entity_id: int, *, statements: int, articles: int,
                         co_mentions: int) -> Profile | None:
    # Its parts at once: on PostgreSQL each takes a pool connection, so the profile waits for
    # the slowest read instead of the sum of five round trips; aiosqlite runs them in turn.
    found, seen, said, briefs, company = await asyncio.gather(
        entity_rows(db, guild_id, [entity_id]), _seen(db, entity_id), _said(db, guild_id, entity_id, statements),
        _briefs(db, guild_id, entity_id, articles), _company(db, guild_id, entity_id, co_mentions))
    entity = found.get(entity_id)  # None: not this guild's, or hidden (the other parts are dropped)
    if entity is None:
        return None
    first_seen, last_seen = seen
    return Profile(entity=entity, first_seen=first_seen or "", last_seen=last_seen or "",
                   co_mentions=[(name, n) for name, n in company],
                   statements=[statement_row(s) for s in said], articles=[article_row(r) for r in briefs])


async def _seen(db, entity_id: int) -> tuple:
    # Each end of the (entity, date) index alone: a combined min/max would read every link.
    rows = await db.execute_fetchall(
        "SELECT (SELECT min(published_at) FROM brief_entities WHERE entity_id = :e), "
        "(SELECT max(published_at) FROM brief_entities WHERE entity_id = :e)", {"e": entity_id})
    return rows[0]


async def _said(db, guild_id: int, entity_id: int, limit: int) -> list:
    if limit <= 0:
        return []
    return await db.execute_fetchall(
        STATEMENT_QUERY + "WHERE s.speaker_entity_id = ? AND s.guild_id = ? "
        "ORDER BY s.published_at DESC, s.brief_id DESC, s.id LIMIT ?", (entity_id, guild_id, limit))


async def _briefs(db, guild_id: int, entity_id: int, limit: int) -> list:
    if limit <= 0:
        return []
    return await db.execute_fetchall(
        f"SELECT {ARTICLE_COLUMNS} FROM brief_entities be JOIN articles a ON a.id = be.brief_id "
        "WHERE be.entity_id = ? AND a.guild_id = ? ORDER BY be.published_at DESC, be.brief_id DESC LIMIT ?",
        (entity_id, guild_id, limit))


async def _company(db, guild_id: int, entity_id: int, limit: int) -> list:
    """(name, briefs together) of the entities most often in the same recent briefs."""
    if limit <= 0:
        return []
    # Count first, then name the few winners (joining every row to entities costs more).
    return await db.execute_fetchall(
        "SELECT e.name, top.together FROM "
        "(SELECT other.entity_id AS id, count(*) AS together FROM "
        " (SELECT brief_id FROM brief_entities WHERE entity_id = ? ORDER BY brief_id DESC LIMIT ?) mine "
        " JOIN brief_entities other ON other.brief_id = mine.brief_id "
        " WHERE other.entity_id != ? GROUP BY other.entity_id ORDER BY together DESC, other.entity_id LIMIT ?) top "
        "JOIN entities e ON e.id = top.id WHERE e.guild_id = ? AND e.hidden = 0 AND e.type NOT IN (%s) "
        "ORDER BY top.together DESC, top.id LIMIT ?" % ",".join("?" * len(NOT_COMPANY)),
        (entity_id, CO_MENTION_WINDOW, entity_id,
         limit + CO_MENTION_SPARE + await hidden_count(db, guild_id), guild_id, *NOT_COMPANY, limit))


async def popular_names(db, guild_id: int, limit: int) -> list[str]:
    rows = await db.execute_fetchall(
        "SELECT name FROM entities WHERE guild_id = ? AND hidden = 0 ORDER BY briefs DESC LIMIT ?", (guild_id, limit * 2))
    return list(dict.fromkeys(r[0] for r in rows))[:limit]


async def stats(db, guild_id: int) -> GuildStats:
    # Every figure is a counter on the guild's row or one end of an index: no scan at any size.
    rows = await db.execute_fetchall(
        "SELECT g.briefs, g.statements, g.entities, g.people, "
        "(SELECT min(published_at) FROM articles WHERE guild_id = :g), "
        "(SELECT max(published_at) FROM articles WHERE guild_id = :g) "
        "FROM (SELECT CAST(:g AS BIGINT) AS guild_id) one LEFT JOIN guilds g ON g.guild_id = one.guild_id", {"g": guild_id})
    briefs, statements, entities, people, first, last = rows[0]
    return GuildStats(briefs=briefs or 0, entities=entities or 0, statements=statements or 0, people=people or 0,
                      first_brief=first, last_brief=last)


async def trending(db, guild_id: int, since: datetime, limit: int) -> list[tuple[EntityRow, int]]:
    """The entities named in the most of the guild's briefs published since the day of `since`
    (at most the newest TRENDING_WINDOW), ties to the most recently named."""
    # One round trip: the window's size and ends, how many briefs were indexed since its first
    # (more than its size: holes, see _Window), and how many entities are hidden.
    rows = await db.execute_fetchall(
        "SELECT w.size, w.first_id, w.floor, "
        "(SELECT count(*) FROM articles WHERE guild_id = :g AND id >= w.first_id), "
        "(SELECT count(*) FROM entities WHERE guild_id = :g AND hidden = 1) "
        "FROM (SELECT count(*) AS size, min(id) AS first_id, min(published_at) AS floor FROM "
        "(SELECT id, published_at FROM articles WHERE guild_id = :g AND published_at >= :since "
        "ORDER BY published_at DESC, id DESC LIMIT :n) newest) w",
        {"g": guild_id, "since": since.date().isoformat(), "n": TRENDING_WINDOW})
    size, first_id, floor, indexed_since, hidden = rows[0]
    if not size:
        return []
    holes = () if indexed_since == size else await _holes(db, guild_id, first_id, floor)
    window = _Window(guild_id, first_id, floor, holes)
    wanted = limit + hidden  # hidden entities take no slot
    if size <= SMALL_WINDOW:
        counted = await _count_window(db, window, wanted)
    else:
        counted = await _count_popular_first(db, window, wanted)
    entities = await entity_rows(db, guild_id, [entity_id for entity_id, _ in counted])  # leaves out hidden ones
    return [(entities[entity_id], n) for entity_id, n in counted if entity_id in entities][:limit]


async def hidden_count(db, guild_id: int) -> int:
    """Entities a moderator hid: lists ask for that many more rows, then leave them out."""
    rows = await db.execute_fetchall("SELECT count(*) FROM entities WHERE guild_id = ? AND hidden = 1", (guild_id,))
    return int(rows[0][0])


@dataclass(frozen=True)
class _Window:
    """The briefs `trending` counts: published on or after `floor`. Their ids are all at least
    `first_id`; briefs are mostly indexed in publication order, so the window is that range of
    ids less a few `holes`: later-indexed briefs published before `floor` (an old article
    posted today, a feed's backlog). Counting a range of ids reads only brief_entities."""
    guild_id: int
    first_id: int
    floor: str
    holes: tuple[int, ...] = ()


MAX_HOLES = 20_000  # beyond this many, `trending` reads each brief's date instead of subtracting


async def _holes(db, guild_id: int, first_id: int, floor: str) -> tuple[int, ...]:
    """Briefs indexed at or after `first_id` but published before `floor` (trending asks only
    when a count over the id index says there are some)."""
    rows = await db.execute_fetchall(
        "SELECT id FROM articles WHERE guild_id = ? AND published_at < ? AND id >= ? LIMIT ?",
        (guild_id, floor, first_id, MAX_HOLES + 1))
    return tuple(int(r[0]) for r in rows)


async def _hole_counts(db, holes: tuple[int, ...]) -> dict[int, int]:
    """How many of the holes name each entity: subtracted from its count over the id range."""
    counts: dict[int, int] = {}
    for i in range(0, len(holes), _CHUNK):
        chunk = holes[i:i + _CHUNK]
        rows = await db.execute_fetchall(
            f"SELECT entity_id, count(*) FROM brief_entities WHERE brief_id IN ({','.join('?' * len(chunk))}) "
            "GROUP BY entity_id", chunk)
        for entity_id, n in rows:
            counts[entity_id] = counts.get(entity_id, 0) + n
    return counts


async def _count_window(db, window: _Window, limit: int) -> list[tuple[int, int]]:
    """Few briefs: count every entity they name."""
    rows = await db.execute_fetchall(
        "SELECT be.entity_id, count(*) AS n FROM articles a JOIN brief_entities be ON be.brief_id = a.id "
        "WHERE a.guild_id = ? AND a.id >= ? AND a.published_at >= ? GROUP BY be.entity_id "
        "ORDER BY n DESC, max(be.brief_id) DESC, be.entity_id DESC LIMIT ?",
        (window.guild_id, window.first_id, window.floor, limit))
    return [(r[0], r[1]) for r in rows]


async def _count_popular_first(db, window: _Window, limit: int) -> list[tuple[int, int]]:
    """Many briefs: visit entities by their all-time brief count (an index), counting each one's
    briefs in the window (another index), and stop once no later entity can beat the current
    top `limit`: its all-time count bounds its count in the window. Popular entities come first,
    so a handful of chunks settles it instead of grouping the window's every mention."""
    if len(window.holes) > MAX_HOLES:
        return await _count_window(db, window, limit)
    holes = await _hole_counts(db, window.holes)
    best: list[tuple[int, int, int]] = []  # (count in window, latest brief, entity id)
    first_block = window.first_id // LINK_BLOCK
    offset, chunk = 0, 4 * limit
    while True:
        # An entity's briefs from `first` on: its whole blocks after the one `first` is in
        # (entity_blocks, schema step 10), and its links one by one in that block.
        rows = await db.execute_fetchall(
            "SELECT e.id, e.briefs, "
            "(SELECT coalesce(sum(b.briefs), 0) FROM entity_blocks b WHERE b.entity_id = e.id AND b.block > :block) "
            "+ (SELECT count(*) FROM brief_entities be WHERE be.entity_id = e.id AND be.brief_id >= :first "
            "AND be.brief_id < :next), "
            "(SELECT max(brief_id) FROM brief_entities be WHERE be.entity_id = e.id) "
            "FROM entities e WHERE e.guild_id = :g ORDER BY e.briefs DESC LIMIT :n OFFSET :o",
            {"g": window.guild_id, "first": window.first_id, "block": first_block,
             "next": (first_block + 1) * LINK_BLOCK, "n": chunk, "o": offset})
        rows = [(entity_id, briefs, n - holes.get(entity_id, 0), latest) for entity_id, briefs, n, latest in rows]
        for entity_id, _, n, latest in rows:
            if n:
                best.append((n, latest or 0, entity_id))
        best = sorted(best, reverse=True)[:limit]
        if len(rows) < chunk or (len(best) == limit and rows[-1][1] < best[-1][0]):
            return [(entity_id, n) for n, _, entity_id in best]
        offset, chunk = offset + chunk, chunk * 2


async def raw_briefs(db, guild_id: int) -> list[tuple[int, str]]:
    rows = await db.execute_fetchall("SELECT id, raw_text FROM articles WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [(r[0], r[1]) for r in rows]


async def raw_briefs_after(db, guild_id: int, after_id: int, limit: int) -> list[tuple[int, str]]:
    rows = await db.execute_fetchall(
        "SELECT id, raw_text FROM articles WHERE guild_id = ? AND id > ? ORDER BY id LIMIT ?",
        (guild_id, after_id, limit))
    return [(r[0], r[1]) for r in rows]


async def count_briefs_after(db, guild_id: int, after_id: int) -> int:
    rows = await db.execute_fetchall("SELECT count(*) FROM articles WHERE guild_id = ? AND id > ?",
                                     (guild_id, after_id))
    return int(rows[0][0])


async def reindex_after(db, guild_id: int) -> int:
    rows = await db.execute_fetchall("SELECT reindex_after FROM guilds WHERE guild_id = ?", (guild_id,))
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


async def brief_id_for_message(db, guild_id: int, message_id: int) -> int | None:
    rows = await db.execute_fetchall(
        "SELECT id FROM articles WHERE guild_id = ? AND message_id = ? ORDER BY id LIMIT 1", (guild_id, message_id))
    return int(rows[0][0]) if rows else None


async def watched_channels(db, guild_id: int) -> set[int]:
    rows = await db.execute_fetchall("SELECT channel_id FROM watched_channels WHERE guild_id = ?", (guild_id,))
    return {int(r[0]) for r in rows}


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def days_before(now: datetime, days: int) -> datetime:
    return now - timedelta(days=max(0, days))


# ---- over time (timelines, comparisons, networks, digests) ----------------------

async def entity_timeline(db, guild_id: int, entity_id: int, limit: int) -> Timeline | None:
    """The entity's briefs and its own statements, oldest first by publication date
    (the latest `limit` of each when there are more)."""
    entity = (await entity_rows(db, guild_id, [entity_id])).get(entity_id)
    if entity is None:
        return None
    briefs = await db.execute_fetchall(
        f"SELECT * FROM (SELECT {ARTICLE_COLUMNS} FROM brief_entities be JOIN articles a ON a.id = be.brief_id "
        "WHERE be.entity_id = ? AND a.guild_id = ? ORDER BY be.published_at DESC, be.brief_id DESC LIMIT ?) latest "
        "ORDER BY published_at, id",
        (entity_id, guild_id, limit))
    said = await db.execute_fetchall(
        "SELECT * FROM (" + STATEMENT_QUERY + "WHERE s.speaker_entity_id = ? AND s.guild_id = ? "
        "ORDER BY s.published_at DESC, s.brief_id DESC, s.id LIMIT ?) latest ORDER BY published_at, id",
        (entity_id, guild_id, limit))
    return Timeline(entity=entity, articles=[article_row(r) for r in briefs],
                    statements=[statement_row(s) for s in said])


async def co_mention_graph(db, guild_id: int, entity_id: int, neighbours: int) -> CoMentionGraph | None:
    """The entity, the `neighbours` entities most often in its briefs, and how many
    briefs each pair of them shares (over the entity's latest CO_MENTION_WINDOW briefs)."""
    entity = (await entity_rows(db, guild_id, [entity_id])).get(entity_id)
    if entity is None:
        return None
    window = await db.execute_fetchall(
        "SELECT brief_id FROM brief_entities WHERE entity_id = ? ORDER BY brief_id DESC LIMIT ?",
        (entity_id, CO_MENTION_WINDOW))
    brief_ids = [r[0] for r in window]
    if not brief_ids:
        return CoMentionGraph(entity=entity, nodes=[], edges=[])
    marks = ",".join("?" * len(brief_ids))
    pairs = await db.execute_fetchall(
        f"SELECT brief_id, entity_id FROM brief_entities WHERE brief_id IN ({marks})", brief_ids)
    members: dict[int, set[int]] = {}
    for brief_id, other in pairs:
        members.setdefault(brief_id, set()).add(other)
    together: dict[int, int] = {}
    for ids in members.values():
        for other in ids - {entity_id}:
            together[other] = together.get(other, 0) + 1
    top = sorted(together, key=lambda i: (-together[i], i))[:neighbours + CO_MENTION_SPARE]
    rows = await entity_rows(db, guild_id, top)  # hidden entities are left out
    nodes = [rows[i] for i in top if i in rows and rows[i].type not in NOT_COMPANY][:neighbours]
    kept = {entity_id, *(n.id for n in nodes)}
    shared: dict[tuple[int, int], int] = {}
    for ids in members.values():
        inside = sorted(ids & kept)
        for n, a in enumerate(inside):
            for b in inside[n + 1:]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    return CoMentionGraph(entity=entity, nodes=nodes, edges=[(a, b, n) for (a, b), n in sorted(shared.items())])


async def published_dates(db, guild_id: int, entity_id: int, limit: int) -> list[str]:
    """Publication dates of the entity's latest `limit` briefs, oldest first."""
    rows = await db.execute_fetchall(
        "SELECT a.published_at FROM brief_entities be JOIN articles a ON a.id = be.brief_id "
        f"WHERE be.entity_id = ? AND a.guild_id = ? {BY_DATE_DESC} LIMIT ?", (entity_id, guild_id, limit))
    return sorted(r[0] or "" for r in rows)


async def published_between(db, guild_id: int, since: str, until: str) -> list[tuple[int, str]]:
    """(brief id, publication date) of the guild's briefs published in [since, until)."""
    rows = await db.execute_fetchall(
        "SELECT id, published_at FROM articles WHERE guild_id = ? AND published_at >= ? AND published_at < ? "
        "ORDER BY published_at LIMIT ?", (guild_id, since, until, TRENDING_WINDOW))
    return [(r[0], r[1]) for r in rows]


async def entity_counts(db, guild_id: int, brief_ids: list[int]) -> dict[int, int]:
    """How many of these briefs name each entity."""
    counts: dict[int, int] = {}
    for i in range(0, len(brief_ids), _CHUNK):
        chunk = brief_ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = await db.execute_fetchall(
            f"SELECT entity_id, count(*) FROM brief_entities WHERE brief_id IN ({marks}) GROUP BY entity_id", chunk)
        for entity_id, n in rows:
            counts[entity_id] = counts.get(entity_id, 0) + n
    return counts
