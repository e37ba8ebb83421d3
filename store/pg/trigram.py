"""Typo-tolerant name candidates from PostgreSQL's pg_trgm, instead of the in-process
NameIndex (store/name_index.py), for a deployment whose guilds' name indexes would
not fit in its processes' memory (NAME_LOOKUP=trigram; the bench measures both).

The alias keys carry a trigram GIN index (store/pg/schema.py, TRIGRAM_INDEX; each
entity's own key is one of its aliases). `<%` is word similarity: how well the typed
key matches the best stretch of words in a key, so a surname typed alone ("hegsth")
finds "pete hegseth" as well as a whole name does; the GIN index answers it, at the
threshold below. The guild is
a filter on the rows the index found, not part of the index: a plain GIN index cannot
hold the guild id without btree_gin, a second extension.
"""
from __future__ import annotations

from store.pg.schema import TRIGRAM_INDEX

# NAME_LOOKUP (bot/settings.py): where PostgreSQL's typo candidates come from. "index" (the
# default: about five times faster in the bench, README) is the in-process NameIndex,
# "trigram" this module (no name index in memory for typos; autocomplete still loads one).
NAME_LOOKUPS = ("index", "trigram")

# How close (0-1) a typed key must be to a stretch of a name for `<%` (and its index) to
# take it. pg_trgm's default, 0.6, misses one typo in a short word ("hegsth" is 0.57 of
# "pete hegseth"); lower lets common trigrams bring in many rows to score. Set on every
# connection of the store's pool (a custom setting: harmless where pg_trgm is absent).
WORD_THRESHOLD = 0.5
TRIGRAM_SETTINGS = {"pg_trgm.word_similarity_threshold": str(WORD_THRESHOLD)}

# Where pg_trgm is installed and the index built; None when either is missing (the schema
# step degraded): then the in-process index is the only typo lookup.
_EXTENSION_SCHEMA = (
    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
    f"WHERE e.extname = 'pg_trgm' AND to_regclass('{TRIGRAM_INDEX}') IS NOT NULL")


async def extension_schema(db) -> str | None:
    """The schema pg_trgm's functions are in, when the trigram index exists; else None."""
    rows = await db.execute_fetchall(_EXTENSION_SCHEMA)
    return rows[0][0] if rows else None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def trigram_candidates(db, guild_id: int, key: str, limit: int, *, schema: str) -> dict[int, int]:
    """Up to `limit` entities of the guild with a name or alias whose words resemble `key`,
    best word similarity first (the most mentioned first on ties): entity id -> its briefs,
    in that order. `schema` is extension_schema()'s answer: the operator is named with it,
    as the extension need not be on the connection's search_path."""
    s = _quoted(schema)
    rows = await db.execute_fetchall(
        f"SELECT a.entity_id, e.briefs, max({s}.word_similarity(?, a.key)) AS closeness "
        f"FROM aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE ? OPERATOR({s}.<%) a.key AND a.guild_id = ? "
        f"GROUP BY a.entity_id, e.briefs ORDER BY closeness DESC, e.briefs DESC, a.entity_id LIMIT ?",
        (key, key, guild_id, limit))
    return {entity_id: briefs for entity_id, briefs, _ in rows}
