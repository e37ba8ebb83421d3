"""Full-text search over one guild's briefs and statements.

FTS5 finds candidates newest first (FTS5 walks its index in rowid order, so it
stops early and nothing is sorted): at most CANDIDATES statements, and for briefs
no more than the answer shows (headline matches, then the rest). All words
must match; when that finds only a few (LOOSE_BELOW), matches of most of the
words follow.

Ranking is done on those bounded candidates, not with bm25(): bm25 counts,
for every phrase of the query, every row that holds it (its IDF), which reads
whole posting lists and grows with the corpus (the guild's `scope` token is in
every row). Briefs rank headline matches first; statements rank by how much
of the typed phrase they contain (rapidfuzz), newest first on ties.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiosqlite
from rapidfuzz import fuzz, process, utils

from store import dialect, fts
from store.pg import fulltext as pg_fulltext
from store.reads import ARTICLE_COLUMNS, ARTICLE_WIDTH, STATEMENT_QUERY, article_row, search_scope, statement_row
from store.snippets import pattern, snippet

CANDIDATES = 400
LOOSE_BELOW = 5  # the most-words pass runs when all words found fewer results than this
AT_ONCE_WORDS = 5  # from this many content words (a pasted quote) both passes run at once, see search_statements


def _modes(q: fts.TextQuery) -> tuple[bool, ...]:
    """All words first (loose=False); all but one of them too when three or
    more plain words were typed (a phrase, OR or -word means just what it says)."""
    return (False, True) if q.simple and fts.loose_allowed(q.words) else (False,)


@dataclass(frozen=True)
class BriefFilter:
    """Limits on the briefs searched: the channel posted in, publication dates (ISO, UTC)."""
    channel_id: int | None = None
    before: str | None = None  # published strictly before this day
    after: str | None = None  # published on or after this day
    entity_ids: tuple[int, ...] = ()  # naming one of these entities

    def sql(self) -> tuple[str, tuple]:
        parts: list[str] = []
        values: list = []
        if self.channel_id is not None:
            parts.append("a.channel_id = ?")
            values.append(int(self.channel_id))
        if self.before:
            parts.append("a.published_at < ?")
            values.append(self.before)
        if self.after:
            parts.append("a.published_at >= ?")
            values.append(self.after)
        if self.entity_ids:
            marks = ",".join("?" * len(self.entity_ids))
            parts.append(f"a.id IN (SELECT brief_id FROM brief_entities WHERE entity_id IN ({marks}))")
            values += [int(i) for i in self.entity_ids]
        return "".join(" AND " + p for p in parts), tuple(values)


async def search_articles(db: aiosqlite.Connection, guild_id: int, text: str, limit: int,
                          where: BriefFilter | None = None):
    q = fts.parse(text)
    words = q.words
    if not words or limit <= 0:
        return []
    scoped = await search_scope(db, guild_id)
    if scoped is None:
        return []
    where = where or BriefFilter()
    ordered: list[int] = []
    seen: set[int] = set()
    for loose in _modes(q):
        # Headline matches first, then the rest; each newest first (ids grow with time). The
        # newest `limit` headline matches, then enough of the newest matches anywhere to fill
        # `limit` past them: no more rows than the answer needs are read.
        in_title = await _article_ids(db, guild_id, "title", q, loose, scoped, where, limit)
        found = await _article_ids(db, guild_id, "title raw_text", q, loose, scoped, where, limit + len(in_title))
        for brief_id in in_title + found:
            if brief_id not in seen:
                seen.add(brief_id)
                ordered.append(brief_id)
        if len(ordered) >= min(limit, LOOSE_BELOW):
            break
    ids = ordered[:limit]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = await db.execute_fetchall(
        f"SELECT {ARTICLE_COLUMNS}, a.raw_text FROM articles a WHERE a.guild_id = ? AND a.id IN ({marks})",
        (guild_id, *ids))
    matcher = pattern(words)
    by_id = {r[0]: article_row(r, snippet(r[ARTICLE_WIDTH], matcher)) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


async def _article_ids(db, guild_id: int, columns: str, q: fts.TextQuery, loose: bool, scoped: bool,
                       where: BriefFilter, limit: int) -> list[int]:
    """Ids of the newest `limit` briefs matching `q` in `columns`."""
    extra, values = where.sql()
    if dialect.is_postgresql(db):
        return await pg_fulltext.article_ids(db, guild_id, columns, q, loose, extra, values, limit)
    expression = fts.query_expression(guild_id, columns, q, loose=loose, scoped=scoped)
    rows = await db.execute_fetchall(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE articles_fts MATCH ? AND a.guild_id = ?{extra} ORDER BY articles_fts.rowid DESC LIMIT ?",
        (expression, guild_id, *values, limit))
    return [r[0] for r in rows]


async def search_statements(db: aiosqlite.Connection, guild_id: int, text: str, limit: int,
                            speaker_ids: list[int] | None = None, second=None):
    """Statements like `text` (optionally by some speakers), best first: those
    holding the typed words as one phrase, then those with all of them, then
    (three words or more) all but one; closeness to the phrase breaks ties.
    `second`: gives another connection, on which the most-words pass of a long
    query runs while the all-words pass runs on `db` (a pasted quote with a word
    remembered wrong needs both; at 100,000 briefs each reads long posting lists)."""
    q = fts.parse(text)
    words = q.words
    if not words or limit <= 0:
        return []
    scoped = await search_scope(db, guild_id)
    if scoped is None:
        return []
    modes = _modes(q)
    at_once = second is not None and len(modes) == 2 and len(fts.content_words(words)) >= AT_ONCE_WORDS
    if at_once and dialect.is_postgresql(db):  # the same answer, the most-words pass split in two halves
        passes = await pg_fulltext.long_quote_passes(db, guild_id, q, speaker_ids, CANDIDATES, LOOSE_BELOW)
    elif at_once:  # the same answer as one pass after the other, in the time of the longer one
        passes = await asyncio.gather(_statement_hits(db, guild_id, q, False, speaker_ids, scoped),
                                      _statement_hits(await second(), guild_id, q, True, speaker_ids, scoped))
    found: dict[int, tuple[bool, str]] = {}  # id -> (has all words, text)
    for n, loose in enumerate(modes):
        rows = passes[n] if at_once else await _statement_hits(db, guild_id, q, loose, speaker_ids, scoped)
        for statement_id, said in rows:
            found.setdefault(statement_id, (not loose, said))
        if len(found) >= min(limit, LOOSE_BELOW):
            break
    if not found:
        return []
    ids = list(found)
    typed = " ".join(words)
    closeness = [0.0] * len(ids)
    for _, score, k in process.extract(typed, [found[i][1] for i in ids], scorer=fuzz.token_set_ratio,
                                       processor=utils.default_process, limit=None):
        closeness[k] = score
    phrases = q.phrases or [typed]
    whole = [any(f" {p} " in f" {' '.join(fts.words(found[i][1], limit=None))} " for p in phrases) for i in ids]
    ranked = sorted(range(len(ids)), key=lambda k: (not whole[k], not found[ids[k]][0], -closeness[k], -ids[k]))
    top = [ids[k] for k in ranked[:limit]]
    marks = ",".join("?" * len(top))
    by_id = {r[0]: r for r in await db.execute_fetchall(STATEMENT_QUERY + f"WHERE s.guild_id = ? AND s.id IN ({marks})",
                                                        (guild_id, *top))}
    return [statement_row(by_id[i]) for i in top if i in by_id]


async def _statement_hits(db, guild_id: int, q: fts.TextQuery, loose: bool, speaker_ids: list[int] | None,
                          scoped: bool) -> list[tuple[int, str]]:
    """(id, text) of candidate statements, newest first."""
    if dialect.is_postgresql(db):
        return await pg_fulltext.statement_hits(db, guild_id, q, loose, speaker_ids, CANDIDATES)
    expression = fts.query_expression(guild_id, "text", q, loose=loose, speaker_ids=speaker_ids, scoped=scoped)
    rows = await db.execute_fetchall(
        "SELECT s.id, s.text FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
        "WHERE statements_fts MATCH ? AND s.guild_id = ? ORDER BY statements_fts.rowid DESC LIMIT ?",
        (expression, guild_id, CANDIDATES))
    return [(r[0], r[1]) for r in rows]
