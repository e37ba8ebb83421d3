"""Full-text search on PostgreSQL: the query members type, parsed once by
store/fts.parse (so both backends read `"a phrase"`, `OR` and `-word` alike), spelt
as a tsquery and matched against the generated tsvector columns (GIN-indexed).
Candidates come newest first, as FTS5's rowid order gives them on SQLite; ranking
stays in store/search.py, shared."""
from __future__ import annotations

import asyncio
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
    match = (f"FROM articles a WHERE a.guild_id = ? AND a.{_ARTICLE_COLUMNS[columns]} @@ "
             f"to_tsquery('{TEXT_SEARCH_CONFIG}', ?){extra}")
    newest = f"ORDER BY a.id DESC LIMIT {int(limit)}"
    query = tsquery(q, loose=loose)
    floor = await _recent_floor(db, guild_id)
    if floor:
        rows = await db.execute_fetchall(f"SELECT a.id {match} AND a.id >= ? {newest}",
                                         (guild_id, query, *values, floor))
        if len(rows) >= limit:
            return [r[0] for r in rows]
    rows = await db.execute_fetchall(f"SELECT a.id {match} {newest}", (guild_id, query, *values))
    return [r[0] for r in rows]


FLOOR_SECONDS = 60.0  # how long a guild's window floor is reused (see _recent_floor)


async def _recent_floor(db, guild_id: int) -> int:
    """The lowest id of the guild's newest RECENT_ARTICLES briefs (0 when it has no more).
    Finding it walks that many index entries (1.5 ms at 100,000 briefs), so it is kept for
    FLOOR_SECONDS in the connection's memo. A floor gone stale as briefs arrive is lower
    than the true one: the window is a little wider and the answer the same, since any
    floor gives the newest matches (fewer than `limit` above it: the whole guild is searched)."""
    key = ("recent floor", guild_id)
    floor = db.recalled(key, FLOOR_SECONDS)
    if floor is None:
        rows = await db.execute_fetchall(
            f"SELECT id FROM articles WHERE guild_id = ? ORDER BY id DESC OFFSET {int(RECENT_ARTICLES) - 1} LIMIT 1",
            (guild_id,))
        floor = int(rows[0][0]) if rows else 0
        db.keep(key, floor)
    return floor


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
    speakers, values = _by_speakers(speaker_ids)
    rows = await db.execute_fetchall(
        f"SELECT s.id, s.text FROM statements s WHERE s.guild_id = ? AND s.words @@ "
        f"to_tsquery('{TEXT_SEARCH_CONFIG}', ?){speakers} ORDER BY s.id DESC LIMIT {int(limit)}",
        (guild_id, query, *values))
    return [(r[0], r[1]) for r in rows]


def _by_speakers(speaker_ids: list[int] | None) -> tuple[str, tuple[int, ...]]:
    """The ` AND ...` condition on `s` keeping statements by one of `speaker_ids` (none: all), with its values."""
    values = tuple(int(i) for i in (speaker_ids or ()))
    return (f" AND s.speaker_entity_id IN ({','.join('?' * len(values))})" if values else ""), values


# How often the statements' words occur, as ANALYZE sampled them (the most common few
# hundred; a word not listed is rarer than all of them).
_WORD_FREQUENCIES = (
    "WITH stats AS (SELECT unnest(most_common_elems::text::text[]) AS lexeme, "
    "unnest(most_common_elem_freqs) AS freq FROM pg_stats "
    "WHERE schemaname = current_schema() AND tablename = 'statements' AND attname = 'words') "
    f"SELECT w, (SELECT coalesce(max(s.freq), 0) FROM stats s WHERE s.lexeme = ANY("
    f"tsvector_to_array(to_tsvector('{TEXT_SEARCH_CONFIG}', w)))) FROM unnest(?::text[]) AS w")


STATISTICS_SECONDS = 600.0  # how long a word's frequency is reused (ANALYZE changes it rarely)


async def rarest(db, words: list[str]) -> str:
    """The word of `words` in the fewest statements, by the table's statistics (the first
    when none are known: any choice gives the same rows, see long_quote_passes). Each word's
    frequency is remembered for STATISTICS_SECONDS: reading the statistics takes a round trip
    and 1.5 ms, and a frequency gone stale only changes which word is split on."""
    plain = {w: _term(w).strip("()") for w in words}
    frequency = {p: db.recalled(("word frequency", p), STATISTICS_SECONDS) for p in plain.values()}
    unknown = [p for p, f in frequency.items() if f is None]
    if unknown:
        for p, f in await db.execute_fetchall(_WORD_FREQUENCIES, (unknown,)):
            frequency[p] = f
            db.keep(("word frequency", p), f)
    return min(words, key=lambda w: frequency.get(plain[w]) or 0.0)


async def long_quote_passes(db, guild_id: int, q: fts.TextQuery, speaker_ids: list[int] | None,
                            limit: int, spare: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Both passes of a long pasted quote (store/search.py): the newest `limit` statements
    holding all its words, and the newest `limit` holding all but one of its longest
    (most_of), (id, text) newest first, in the time of about half a most-words pass.

    GIN answers "all but one of six words" by walking the posting lists of the two rarest,
    checking the other four for each row they hold: at 100,000 briefs that walk is most of
    a long quote's time. Split on the rarest word `a`, the same rows are those holding `a`
    and all but one of the rest (a walk of `a`'s list), and those holding all the rest
    (a walk of the next rarest's): the halves run at once on two of the pool's connections. Every row
    with all the words holds `a`, so the first half also says which rows have them all,
    and lists them first: up to `spare` more than `limit` rows, enough that the most-words
    candidates are exact when fewer than `spare` rows hold all the words (otherwise the
    all-words pass is the answer and the other is not used, as `limit` is at least `spare`)."""
    loose = fts.most_of_words(q.words)
    a = await rarest(db, loose)
    rest = [w for w in loose if w != a]
    split_on = f"{_term(a)} & ({fts.all_but_one(rest, TSQUERY)})" if len(rest) > 1 else _term(a)
    speakers, values = _by_speakers(speaker_ids)
    with_a = db.execute_fetchall(
        f"SELECT s.id, s.text, s.words @@ to_tsquery('{TEXT_SEARCH_CONFIG}', ?) AS whole FROM statements s "
        f"WHERE s.guild_id = ? AND s.words @@ to_tsquery('{TEXT_SEARCH_CONFIG}', ?){speakers} "
        f"ORDER BY whole DESC, s.id DESC LIMIT {int(limit + spare)}",
        (tsquery(q), guild_id, split_on, *values))
    without_a = db.execute_fetchall(
        f"SELECT s.id, s.text FROM statements s WHERE s.guild_id = ? AND s.words @@ "
        f"to_tsquery('{TEXT_SEARCH_CONFIG}', ?){speakers} ORDER BY s.id DESC LIMIT {int(limit)}",
        (guild_id, TSQUERY.and_.join(_term(w) for w in rest), *values))
    first, other = await asyncio.gather(with_a, without_a)
    every_word = [(r[0], r[1]) for r in first if r[2]][:limit]
    most_words = sorted({r[0]: r[1] for r in [*first, *other]}.items(), reverse=True)[:limit]
    return every_word, most_words
