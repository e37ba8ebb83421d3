"""Full-text search over one guild's briefs and statements.

FTS5 finds candidates: at most CANDIDATES matches, newest first (FTS5 walks
its index in rowid order, so it stops early and nothing is sorted). All words
must match; when that finds only a few (LOOSE_BELOW), matches of most of the
words follow.

Ranking is done on those bounded candidates, not with bm25(): bm25 counts,
for every phrase of the query, every row that holds it (its IDF), which reads
whole posting lists and grows with the corpus (the guild's `scope` token is in
every row). Briefs rank headline matches first; statements rank by how much
of the typed phrase they contain (rapidfuzz), newest first on ties.
"""
from __future__ import annotations

import aiosqlite
from rapidfuzz import fuzz, process, utils

from store import fts
from store.reads import ARTICLE_COLUMNS, ARTICLE_WIDTH, STATEMENT_QUERY, article_row, search_scope, statement_row
from store.snippets import pattern, snippet

CANDIDATES = 400
LOOSE_BELOW = 5  # the most-words pass runs when all words found fewer results than this


def _modes(words: list[str]) -> tuple[bool, ...]:
    """All words first (loose=False); most of them too when there are several."""
    return (False, True) if len(words) > 1 else (False,)


async def search_articles(db: aiosqlite.Connection, guild_id: int, text: str, limit: int):
    words = fts.words(text)
    if not words or limit <= 0:
        return []
    scoped = await search_scope(db, guild_id)
    if scoped is None:
        return []
    ordered: list[int] = []
    seen: set[int] = set()
    for loose in _modes(words):
        found = await _article_ids(db, guild_id, "title raw_text", words, loose, scoped)
        in_title = set(await _article_ids(db, guild_id, "title", words, loose, scoped)) if found else set()
        # Headline matches first, then the rest; each newest first (ids grow with time).
        for brief_id in sorted(found, key=lambda i: (i not in in_title, -i)):
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


async def _article_ids(db, guild_id: int, columns: str, words: list[str], loose: bool, scoped: bool) -> list[int]:
    expression = fts.match_expression(guild_id, columns, words, loose=loose, scoped=scoped)
    rows = await db.execute_fetchall(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ? AND a.guild_id = ? ORDER BY articles_fts.rowid DESC LIMIT ?",
        (expression, guild_id, CANDIDATES))
    return [r[0] for r in rows]


async def search_statements(db: aiosqlite.Connection, guild_id: int, text: str, limit: int,
                            speaker_ids: list[int] | None = None):
    """Statements like `text` (optionally by some speakers), best first."""
    words = fts.words(text)
    if not words or limit <= 0:
        return []
    scoped = await search_scope(db, guild_id)
    if scoped is None:
        return []
    found: dict[int, tuple[bool, str]] = {}  # id -> (has all words, text)
    for loose in _modes(words):
        expression = fts.match_expression(guild_id, "text", words, loose=loose, speaker_ids=speaker_ids,
                                          scoped=scoped)
        rows = await db.execute_fetchall(
            "SELECT s.id, s.text FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
            "WHERE statements_fts MATCH ? AND s.guild_id = ? ORDER BY statements_fts.rowid DESC LIMIT ?",
            (expression, guild_id, CANDIDATES))
        for statement_id, said in rows:
            found.setdefault(statement_id, (not loose, said))
        if len(found) >= min(limit, LOOSE_BELOW):
            break
    if not found:
        return []
    ids = list(found)
    closeness = [0.0] * len(ids)
    for _, score, k in process.extract(" ".join(words), [found[i][1] for i in ids], scorer=fuzz.token_set_ratio,
                                       processor=utils.default_process, limit=None):
        closeness[k] = score
    ranked = sorted(range(len(ids)), key=lambda k: (not found[ids[k]][0], -closeness[k], -ids[k]))
    top = [ids[k] for k in ranked[:limit]]
    marks = ",".join("?" * len(top))
    rows = await db.execute_fetchall(STATEMENT_QUERY + f"WHERE s.guild_id = ? AND s.id IN ({marks})",
                                     (guild_id, *top))
    by_id = {r[0]: r for r in rows}
    return [statement_row(by_id[i]) for i in top if i in by_id]
