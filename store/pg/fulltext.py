"""Full-text search on PostgreSQL: the query members type, parsed once by
store/fts.parse (so both backends read `"a phrase"`, `OR` and `-word` alike), spelt
as a tsquery and matched against the generated tsvector columns (GIN-indexed).
Candidates come newest first, as FTS5's rowid order gives them on SQLite; ranking
stays in store/search.py, shared."""
from __future__ import annotations

import unicodedata

from store import fts
from store.pg.schema import COMBINING_HIGH, COMBINING_LOW, TEXT_SEARCH_CONFIG

def _term(words: str) -> str:
    """A phrase of words (fts.words yields runs of letters and digits, plain words to tsquery),
    without diacritics as the tsvector columns hold them."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", words) if not COMBINING_LOW <= ch <= COMBINING_HIGH)
    return "(" + " <-> ".join(plain.split() or words.split()) + ")"


TSQUERY = fts.Syntax(" & ", " | ", _term, "({body}) & !({excluded})")
# Which tsvector column holds which of the FTS5 columns store/search.py asks for.
_ARTICLE_COLUMNS = {"title raw_text": "all_words", "title": "title_words"}


def tsquery(q: fts.TextQuery, *, loose: bool = False) -> str:
    return fts.query_body(q, loose=loose, syntax=TSQUERY)


# Briefs searched among the newest first (see article_ids).
RECENT_ARTICLES = 20_000


async def article_ids(db, guild_id: int, columns: str, q: fts.TextQuery, loose: bool, extra: str,
                      values: tuple, limit: int) -> list[int]:
    """Ids of the guild's newest `limit` briefs matching `q` in `columns`; `extra` are the
    filter's ` AND ...` conditions on `a` with their `values`.

    A brief's word vector is large and its row wide, so every match PostgreSQL fetches to
    sort by id costs: a common word matches thousands of briefs (30-40 ms at 100,000). In a
    server with more than RECENT_ARTICLES briefs the newest of them are searched first, the
    GIN index and the id range combined; only when they hold fewer than `limit` matches is
    the whole server searched, and then the words are rare."""
    sql = (f"SELECT a.id FROM articles a WHERE a.guild_id = ? AND a.{_ARTICLE_COLUMNS[columns]} @@ "
           f"to_tsquery('{TEXT_SEARCH_CONFIG}', ?){extra}{{window}} ORDER BY a.id DESC LIMIT {int(limit)}")
    query = tsquery(q, loose=loose)
    floor = await db.execute_fetchall(
        f"SELECT id FROM articles WHERE guild_id = ? ORDER BY id DESC OFFSET {int(RECENT_ARTICLES) - 1} LIMIT 1",
        (guild_id,))
    if floor:
        rows = await db.execute_fetchall(sql.format(window=" AND a.id >= ?"), (guild_id, query, *values, floor[0][0]))
        if len(rows) >= limit:
            return [r[0] for r in rows]
    rows = await db.execute_fetchall(sql.format(window=""), (guild_id, query, *values))
    return [r[0] for r in rows]


# Statements read newest first before the GIN index is asked (see statement_hits), for
# queries of up to RECENT_FIRST_WORDS words: longer ones match few rows, which the index finds.
RECENT_STATEMENTS = 20_000
RECENT_FIRST_WORDS = 3


async def statement_hits(db, guild_id: int, q: fts.TextQuery, loose: bool, speaker_ids: list[int] | None,
                         limit: int) -> list[tuple[int, str]]:
    """(id, text) of the guild's statements matching `q` (by one of `speaker_ids`), newest first.

    PostgreSQL guesses how many rows an AND of words matches as if the words were
    independent; for common words that go together ("before the end of the year") it
    guesses a few hundred, takes the GIN index, fetches all 40,000 matches and sorts
    them (120 ms at 100,000 briefs), where reading the newest rows in id order finds
    enough in 2 ms. So the guild's newest RECENT_STATEMENTS are read first; only when
    they hold fewer than `limit` matches (rarer words, so fewer rows for the index to
    fetch) does the index answer."""
    query = tsquery(q, loose=loose)
    if not speaker_ids and len(fts.content_words(q.words)) <= RECENT_FIRST_WORDS:
        # The limits are written into the SQL: as parameters, the generic plan PostgreSQL
        # switches to after five runs of a prepared statement is five times slower.
        rows = await db.execute_fetchall(
            f"SELECT s.id, s.text FROM (SELECT id, text, words FROM statements WHERE guild_id = ? "
            f"ORDER BY id DESC LIMIT {int(RECENT_STATEMENTS)}) s "
            f"WHERE s.words @@ to_tsquery('{TEXT_SEARCH_CONFIG}', ?) ORDER BY s.id DESC LIMIT {int(limit)}",
            (guild_id, query))
        if len(rows) >= limit:
            return [(r[0], r[1]) for r in rows]
    speakers = ""
    if speaker_ids:
        speakers = f" AND s.speaker_entity_id IN ({','.join('?' * len(speaker_ids))})"
    rows = await db.execute_fetchall(
        f"SELECT s.id, s.text FROM statements s WHERE s.guild_id = ? AND s.words @@ "
        f"to_tsquery('{TEXT_SEARCH_CONFIG}', ?){speakers} ORDER BY s.id DESC LIMIT {int(limit)}",
        (guild_id, query, *(speaker_ids or ())))
    return [(r[0], r[1]) for r in rows]
