"""Shared by the hostile-input tests: what people (or attackers) type, and a
fingerprint of a database file to prove that answering them changed nothing."""
from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import sqlite3
from pathlib import Path

import asyncpg

from handlers.core.context import Services
from pgtest import schema_of

# The guilds of the populated database in conftest.py (not imported from there: every
# test folder has a module called conftest).
GUILD = 4242
OTHER_GUILD = 777


def make_services(store, extractor, **overrides) -> Services:
    return Services(store=store, extractor=extractor, **overrides)

# Words a member may type where a command expects text (a name, search words).
HOSTILE_TEXT = [
    "", "   ", "\t\n",
    "x" * 2000, "word " * 400, "Hegseth " * 250,  # 2,000 characters
    '"', '""', "'", "`", "```", "*", "threat*", "NEAR(", "NEAR(imminent threat, 3)", "AND", "OR", "NOT",
    "OR NOT", "imminent AND", "(", ")", "((imminent", "col:value", "title:China", "raw_text:Hegseth",
    "{text}: imminent", "^imminent", "-China", "+China", "imminent\"", '"imminent',
    "'; DROP TABLE articles; --", "Robert'); DROP TABLE statements;--", "1 OR 1=1", "%", "_", "\\", "%_%",
    "!!!...???", "—…«»", "-- /* */",
    "東京 北京", "Привет мир", "مرحبا بالعالم", "עברית", "हिन्दी", "ไทย",
    "🙂🙂", "👩‍👩‍👧 🇺🇦", "\u202eHegseth", "Heg\u200bseth", "\u200b", "\ufeff", "\x00", "\x1b[31mred", "\x07",
    "@everyone", "<@123>", "<@&456>", "||spoiler||", "**bold**", "[link](https://evil.example)",
    "by", "by by", "threat by", "by Hegseth by", "id:1", "id:99999999999999999999",
]

# Where a command expects a whole number (a brief id, a page, a number of days). None of
# them is a usable id, so `forget` and `watch` must refuse every one.
HOSTILE_NUMBERS = [
    "-1", "0", "-0", "00", str(10 ** 30), "9" * 40, "9" * 41, "9223372036854775808", "-9223372036854775809",
    "1.5", "1e3", "0x10", "NaN", "inf", "abc", "#", "#-1", "1 2", "½", "³", "<#0>", "<#-5>", "<@1>", "<@&1>",
    "🙂", "'; DROP TABLE articles; --", "x" * 2000,
]

# Tables whose rows must be exactly the same before and after a refused request.
def fingerprint(path: Path | str) -> dict[str, str]:
    """{table: hash of all its rows} for every table of the database (SQLite: FTS shadow tables
    included; PostgreSQL: every table of the test's schema)."""
    if str(path).startswith(("postgresql://", "postgres://")):
        # A sync helper called from async tests: the PostgreSQL read runs on a loop of its own.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, _pg_fingerprint(str(path))).result()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: _digest(db.execute(f'SELECT * FROM "{table}" ORDER BY 1')) for table in tables}
    finally:
        db.close()


async def _pg_fingerprint(url: str) -> dict[str, str]:
    schema = schema_of(url)
    db = await asyncpg.connect(url.partition("?")[0])
    try:
        tables = [r[0] for r in await db.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", schema)]
        assert tables, f"no tables in schema {schema}: the fingerprint would compare nothing"
        # sorted here: rows tied on their first column come back in any order from PostgreSQL
        return {table: _digest(sorted((tuple(r) for r in await db.fetch(f'SELECT * FROM "{schema}"."{table}"')),
                                      key=repr))
                for table in tables}
    finally:
        await db.close()


def _digest(rows) -> str:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
        count += 1
    return f"{count}:{digest.hexdigest()[:16]}"
