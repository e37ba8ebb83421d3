"""Name lookups of one guild: exact names and aliases from the database's
indexes, typo-tolerant candidates and autocomplete from the in-memory
NameIndex (or, for typos on PostgreSQL, its trigram index: store/pg/trigram.py),
and the names themselves from the database again."""
from __future__ import annotations

from typing import Awaitable, Callable

import aiosqlite

from store import matching
from store.name_index import MEMO_SIZE, NameIndex
from store.reads import entity_rows
from store.records import EntityMatch, EntityRow


# The typo-tolerant candidates of a typed key, scored (`scored` below, or PostgreSQL's trigrams).
TypoScored = Callable[[], Awaitable[tuple[tuple[int, float], ...]]]


async def find_entity(db: aiosqlite.Connection, typo_scored: TypoScored, guild_id: int, key: str) -> EntityMatch:
    """`typo_scored()` gives the scored typo candidates, needed only when no name or alias is exactly `key`."""
    found = await _named(db, guild_id, key)
    if found:
        how, ids = matching.exact(found)
    else:
        how, ids = matching.fuzzy(await typo_scored())
    rows = await entity_rows(db, guild_id, ids)
    listed = [rows[i] for i in ids if i in rows]
    if how in ("exact", "fuzzy"):
        return EntityMatch(listed[0], how) if listed else EntityMatch(None, "none")
    return EntityMatch(None, how, listed)


async def suggest(db, typo_scored: tuple[tuple[int, float], ...], guild_id: int, limit: int) -> list[str]:
    ids = matching.nearest(typo_scored, limit=limit * 2)
    names = await _names(db, guild_id, ids)
    return list(dict.fromkeys(names[i][0] for i in ids if i in names))[:limit]


async def complete(db, index: NameIndex, guild_id: int, key: str, limit: int) -> list[str]:
    """Names with a word starting like `key` (names that start so first, then
    by briefs); then, if that is not enough, names close to it."""
    starting = index.complete(key, limit)
    close = [] if len(starting) >= limit else [i for i in index.complete_fuzzy(key, limit) if i not in starting]
    names = await _names(db, guild_id, starting + close)

    def ordered(ids: list[int]) -> list[int]:
        return sorted((i for i in ids if i in names), key=lambda i: (not names[i][1].startswith(key), -names[i][2]))

    return list(dict.fromkeys(names[i][0] for i in ordered(starting) + ordered(close)))[:limit]


async def scored(db, index: NameIndex, guild_id: int, key: str) -> tuple[tuple[int, float], ...]:
    """Candidates from the index scored against their names; remembered until
    the index changes ("who" asks again for suggestions when nothing matched)."""
    memo_key = ("scored", key)
    result = index.memo.get(memo_key)
    if result is None:
        result = await score_candidates(db, guild_id, key, {i: index.briefs(i) for i in index.candidates(key)})
        if len(index.memo) >= MEMO_SIZE:
            index.memo.clear()
        index.memo[memo_key] = result
    return result


async def score_candidates(db, guild_id: int, key: str, briefs: dict[int, int]) -> tuple[tuple[int, float], ...]:
    """Typo candidates (entity id -> briefs) scored against all their names and aliases."""
    return matching.score(key, await _keys(db, guild_id, list(briefs)), briefs.__getitem__)


async def _named(db, guild_id: int, key: str) -> list[tuple[int, bool]]:
    """(id, is canonical name) of the entities called `key`, most briefs first."""
    rows = await db.execute_fetchall(
        "SELECT id, 1, briefs FROM entities WHERE guild_id = ? AND key = ? "
        "UNION ALL SELECT e.id, 0, e.briefs FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "WHERE a.guild_id = ? AND a.key = ? ORDER BY 3 DESC, 1", (guild_id, key, guild_id, key))
    canonical = {r[0] for r in rows if r[1]}
    return list(dict.fromkeys((r[0], r[0] in canonical) for r in rows))


async def _keys(db, guild_id: int, ids: list[int]) -> dict[int, list[str]]:
    """Entity id -> its name key, then its alias keys."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = await db.execute_fetchall(
        f"SELECT id, key, 0 FROM entities WHERE guild_id = ? AND id IN ({marks}) "
        f"UNION ALL SELECT entity_id, key, 1 FROM aliases WHERE guild_id = ? AND entity_id IN ({marks}) ORDER BY 3",
        (guild_id, *ids, guild_id, *ids))
    out: dict[int, list[str]] = {}
    for entity_id, key, is_alias in rows:
        keys = out.get(entity_id)
        if keys is None:
            if not is_alias:
                out[entity_id] = [key]
        elif key not in keys:
            keys.append(key)
    return out


async def _names(db, guild_id: int, ids: list[int]) -> dict[int, tuple[str, str, int]]:
    """Entity id -> (name, key, briefs)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = await db.execute_fetchall(
        f"SELECT id, name, key, briefs FROM entities WHERE guild_id = ? AND id IN ({marks}) AND hidden = 0", (guild_id, *ids))
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


async def exact_entities(db: aiosqlite.Connection, guild_id: int, key: str) -> EntityMatch:
    """Only exact names and aliases (no typo tolerance): `exact`, `ambiguous` or `none`."""
    found = await _named(db, guild_id, key)
    if not found:
        return EntityMatch(None, "none")
    how, ids = matching.exact(found)
    rows = await entity_rows(db, guild_id, ids)
    listed = [rows[i] for i in ids if i in rows]
    if how == "exact":
        return EntityMatch(listed[0], how) if listed else EntityMatch(None, "none")
    return EntityMatch(None, how, listed)


async def close_entities(db, ids: list[int], guild_id: int) -> list[tuple[EntityRow, list[str]]]:
    """The typo candidates `ids` (entities whose name words resemble what was typed), each
    with its name and alias keys, for the caller to judge; in the order given."""
    keys = await _keys(db, guild_id, ids)
    rows = await entity_rows(db, guild_id, ids)
    return [(rows[i], keys.get(i, [])) for i in ids if i in rows]


async def by_initials(db, guild_id: int, letters: str, limit: int) -> list[tuple[EntityRow, list[str]]]:
    """Organisations and places whose name keys start with the first two
    letters' words ("un" -> "united nations ..."), with their keys, for an acronym."""
    if len(letters) < 2:
        return []
    pattern = f"{letters[0]}% {letters[1]}%"
    rows = await db.execute_fetchall(
        "SELECT id FROM entities WHERE guild_id = ? AND type != 'PERSON' AND key LIKE ? "
        "ORDER BY briefs DESC LIMIT ?", (guild_id, pattern, limit))
    ids = [r[0] for r in rows]
    keys = await _keys(db, guild_id, ids)
    found = await entity_rows(db, guild_id, ids)
    return [(found[i], keys.get(i, [])) for i in ids if i in found]
