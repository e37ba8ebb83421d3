"""The connection methods the query modules use, over asyncpg.

The query modules were written against aiosqlite: `execute_fetchall` (rows),
`execute` (something with a `rowcount`), `execute_insert` (the new row's id),
`executemany`, and BEGIN/COMMIT/ROLLBACK as statements. `PgConnection` gives them
the same methods over an asyncpg pool (reads: each query takes a free connection)
or one connection (the writer, whose transaction spans many queries), and turns
their SQL into PostgreSQL's once per statement text:
  - `?` and `:name` placeholders become `$1, $2, ...`;
  - SQLite's two-argument scalar `max(a, b)` / `min(a, b)` become GREATEST / LEAST
    (one-argument max/min are aggregates in both);
  - BEGIN IMMEDIATE becomes BEGIN (PgStore takes a per-guild advisory lock instead).
"""
from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from typing import Any

import asyncpg

from store.dialect import POSTGRESQL

# A quoted string, a double-quoted name, a `::type` cast, or a placeholder; quoted
# text is copied as it is, so a `?` inside a literal is never taken for a placeholder.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|::|\?|(?<![:\w]):([A-Za-z_]\w*)")
_SCALAR_MAX_MIN = re.compile(r"\b(max|min)\(([^()]*,[^()]*)\)", re.IGNORECASE)


MEMO_LIMIT = 10_000  # values a connection's memo holds at most


@dataclass(frozen=True)
class Translated:
    sql: str
    names: tuple[str, ...]  # for `:name` statements: the name of each $n, in order


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> Translated:
    """PostgreSQL's text for a statement written with SQLite's placeholders."""
    sql = _SCALAR_MAX_MIN.sub(lambda m: ("greatest(" if m.group(1).lower() == "max" else "least(")
                              + m.group(2) + ")", sql)
    if sql.strip().upper() == "BEGIN IMMEDIATE":
        return Translated("BEGIN", ())
    out: list[str] = []
    names: list[str] = []
    count = 0
    last = 0
    for m in _TOKEN.finditer(sql):
        token = m.group(0)
        out.append(sql[last:m.start()])
        last = m.end()
        if token == "?":
            count += 1
            out.append(f"${count}")
        elif m.group(1) is not None:
            name = m.group(1)
            if name not in names:
                names.append(name)
            out.append(f"${names.index(name) + 1}")
        else:
            out.append(token)
    out.append(sql[last:])
    return Translated("".join(out), tuple(names))


def _args(t: Translated, params) -> tuple:
    if params is None:
        return ()
    if isinstance(params, dict):
        return tuple(params[n] for n in t.names)
    return tuple(params)


def _count(status: str) -> int:
    """Rows a command touched, from asyncpg's status line ("DELETE 3", "INSERT 0 1")."""
    tail = status.rsplit(" ", 1)[-1] if status else ""
    return int(tail) if tail.isdigit() else -1


@dataclass(frozen=True)
class Done:
    """What `execute` returns: aiosqlite's cursor as far as the store uses it."""
    rowcount: int


class PgConnection:
    """An asyncpg pool (reads) or connection (the writer) with aiosqlite's methods."""

    dialect = POSTGRESQL

    def __init__(self, target: Any):
        self._db = target  # asyncpg.Pool or asyncpg.Connection: both have fetch/execute/executemany
        # Values the query modules may reuse for a while because a stale copy still gives the
        # same answers (store/pg/fulltext.py): one store's, never shared. key -> (value, when kept)
        self._memo: dict[tuple, tuple[Any, float]] = {}

    def rebind(self, target: Any) -> None:
        """Use another connection from now on (the writer's, after its server connection was lost)."""
        self._db = target

    def recalled(self, key: tuple, max_age: float) -> Any:
        """What `keep` kept under `key` less than `max_age` seconds ago; else None."""
        kept = self._memo.get(key)
        return kept[0] if kept is not None and time.monotonic() - kept[1] < max_age else None

    def keep(self, key: tuple, value: Any) -> None:
        if len(self._memo) >= MEMO_LIMIT:  # a bound on memory: everything is recomputed as asked again
            self._memo.clear()
        self._memo[key] = (value, time.monotonic())

    def forget(self) -> None:
        self._memo.clear()

    @property
    def in_transaction(self) -> bool:
        return isinstance(self._db, asyncpg.Connection) and self._db.is_in_transaction()

    async def execute_fetchall(self, sql: str, params=None) -> list[tuple]:
        t = translate(sql)
        return [tuple(r) for r in await self._db.fetch(t.sql, *_args(t, params))]

    async def execute(self, sql: str, params=None) -> Done:
        t = translate(sql)
        return Done(_count(await self._db.execute(t.sql, *_args(t, params))))

    async def execute_insert(self, sql: str, params=None) -> tuple | None:
        """The new row's id, as aiosqlite gives (lastrowid,)."""
        t = translate(sql)
        row = await self._db.fetchrow(t.sql + " RETURNING id", *_args(t, params))
        return (row[0],) if row is not None else None

    async def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if not rows:
            return
        t = translate(sql)
        await self._db.executemany(t.sql, [_args(t, r) for r in rows])

