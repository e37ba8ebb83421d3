"""What only the PostgreSQL backend has to show: its schema says what SQLite's says,
several processes may start on a fresh database at once, shards writing to one guild
queue instead of linking a name twice, whatever members type is a valid tsquery, and
an unreachable server is one clear line."""
from __future__ import annotations

import asyncio

import asyncpg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgtest import fresh_schema
from store import Store, StoreError, open_store
from store.pg import fulltext
from store.pg.schema import DIALECT_COLUMNS, OWN_TABLES, SCHEMA_VERSION

GUILD = 4242
SQLITE_ONLY_TABLES_PREFIX = ("articles_fts", "statements_fts", "sqlite_")


async def _sqlite_columns(path) -> dict[str, set[str]]:
    store = await Store.open(path, warm_names=False)
    try:
        tables = [r[0] for r in await store._reader.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(SQLITE_ONLY_TABLES_PREFIX)]
        return {t: {r[1] for r in await store._reader.execute_fetchall(f"PRAGMA table_xinfo({t})")} - DIALECT_COLUMNS
                for t in tables}
    finally:
        await store.close()


async def test_the_postgresql_schema_has_every_table_and_column_of_the_sqlite_one(tmp_path):
    """One schema in two dialects: a new SQLite step without its PostgreSQL twin fails here."""
    expected = await _sqlite_columns(tmp_path / "db.sqlite3")
    async with fresh_schema() as url:
        store = await open_store(url, warm_names=False)
        try:
            rows = await store._reader.execute_fetchall(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()")
        finally:
            await store.close()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        if table not in OWN_TABLES and column not in DIALECT_COLUMNS:
            found.setdefault(table, set()).add(column)
    assert found == expected


async def test_several_processes_starting_at_once_build_one_schema():
    """Shard processes started together on a fresh database: one migrates under the
    advisory lock, the others wait and find nothing to do; all of them work."""
    async with fresh_schema() as url:
        stores = await asyncio.gather(*(open_store(url, warm_names=False) for _ in range(5)))
        try:
            versions = await stores[0]._reader.execute_fetchall("SELECT version FROM schema_version ORDER BY 1")
            assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))
            for n, store in enumerate(stores):
                await store.watch(GUILD, 100 + n)
            assert await stores[-1].watched_channels(GUILD) == {100 + n for n in range(5)}
        finally:
            await asyncio.gather(*(s.close() for s in stores))


async def test_two_shards_saving_the_same_new_name_link_it_to_one_entity(make):
    """Two processes saving briefs about the same new person to one guild at the same
    time: the per-guild write lock makes the second see the first's entity."""
    async with fresh_schema() as url:
        a, b = await open_store(url, warm_names=False), await open_store(url, warm_names=False)
        try:
            briefs = [make.brief(f"Report {n}", f"Ada Lovelace spoke, report {n}.",
                                 entities=[make.person("Ada Lovelace")]) for n in range(6)]
            await asyncio.gather(*(store.save_brief(GUILD, brief, brief.text)
                                   for store, brief in zip([a, b] * 3, briefs)))
            match = await a.find_entity(GUILD, "Ada Lovelace")
            assert match.how == "exact" and match.entity.briefs == 6
            assert (await b.stats(GUILD)).entities == 1
        finally:
            await a.close()
            await b.close()


async def test_a_long_quote_is_split_on_its_rarest_word_once_the_table_was_analysed(make):
    """Which word a long quote's search splits on comes from ANALYZE's statistics: the word in
    the fewest statements (a word too rare to be listed counts as rarer than every listed one)."""
    async with fresh_schema() as url:
        store = await open_store(url, warm_names=False)
        try:
            for n in range(40):
                text = "the budget deficit hurts families" + (" and the harbour" if n == 7 else "")
                if n % 2:
                    text += " said teachers"
                b = make.brief(f"Report {n}", "Text.", entities=[make.person("Ana Costa")],
                               statements=[make.said(text, "Ana Costa")])
                await store.save_brief(GUILD, b, b.text)
            words = ["families", "budget", "teachers", "harbour", "deficit"]
            assert await fulltext.rarest(store._reader, words) == "families"  # no statistics yet: the first
            await store._reader.execute("ANALYZE statements")
            store._reader.forget()  # frequencies are remembered for minutes; fresh statistics are wanted here
            assert await fulltext.rarest(store._reader, words) == "harbour"
            assert await fulltext.rarest(store._reader, ["families", "teachers", "budget"]) == "teachers"
        finally:
            await store.close()


async def test_a_connection_given_back_to_the_pool_carries_nothing_to_the_next_reader(make):
    """The pool skips asyncpg's reset query after each read (a round trip per query); a connection
    given back in the middle of a transaction is still rolled back, and migrate's lock is gone."""
    async with fresh_schema() as url:
        store = await open_store(url, warm_names=False)
        try:
            b = make.brief("Report", "Ada Lovelace spoke.", entities=[make.person("Ada Lovelace")])
            await store.save_brief(GUILD, b, b.text)
            conn = await store._pool.acquire()
            await conn.execute("BEGIN")
            await conn.execute("DELETE FROM articles")
            await store._pool.release(conn)
            async with store._pool.acquire() as again:
                assert not again.is_in_transaction()
                assert await again.fetchval("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                            "AND pid = pg_backend_pid()") == 0
            assert (await store.stats(GUILD)).briefs == 1
            assert [a.title for a in await store.latest_articles(GUILD)] == ["Report"]
        finally:
            await store.close()


async def test_an_unreachable_server_is_one_clear_line_without_the_password():
    with pytest.raises(StoreError) as caught:
        await open_store("postgresql://newsbrief:s3cret@127.0.0.1:1/newsbrief")
    message = str(caught.value)
    assert "Cannot reach the PostgreSQL database postgresql://newsbrief@127.0.0.1:1/newsbrief" in message
    assert "s3cret" not in message and "\n" not in message


async def test_a_schema_of_another_program_is_refused_and_left_alone():
    async with fresh_schema() as url:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("CREATE TABLE invoices (id INT)")
            with pytest.raises(StoreError, match="another program"):
                await open_store(url)
            assert await conn.fetchval("SELECT count(*) FROM information_schema.tables "
                                       "WHERE table_schema = current_schema()") == 2  # and schema_version
        finally:
            await conn.close()


TYPED = st.one_of(st.text(max_size=200),
                  st.text(alphabet="\"'*():&|!<->-+,.~ ORANDNOT\\\u0301e\u00e9", max_size=60),
                  st.sampled_from(["a & b", "!x", "x <-> y", "'quoted'", "a:*", "-", '"', "OR", "the OR -the",
                                   "café -Montréal", "\x00", "東京 OR 🙂", "a -b -c \"d e\" OR f"]))


@pytest.fixture(scope="module")
def tsquery_checker():
    """One migrated schema and connection for the property test below (hypothesis runs it
    many times), on a loop of its own."""
    loop = asyncio.new_event_loop()
    schema = fresh_schema()
    url = loop.run_until_complete(schema.__aenter__())
    try:
        loop.run_until_complete(loop.run_until_complete(open_store(url, warm_names=False)).close())
        conn = loop.run_until_complete(asyncpg.connect(url))
        yield loop, conn
        loop.run_until_complete(conn.close())
    finally:
        loop.run_until_complete(schema.__aexit__(None, None, None))
        loop.close()


@settings(max_examples=200, deadline=None)
@given(typed=TYPED, loose=st.booleans())
def test_whatever_is_typed_becomes_a_valid_tsquery(tsquery_checker, typed, loose):
    from store import fts

    loop, conn = tsquery_checker
    text = fulltext.tsquery(fts.parse(typed), loose=loose)
    # to_tsquery raises on any syntax error; an empty query string is never sent (nothing typed)
    if text:
        loop.run_until_complete(conn.fetchval(
            "SELECT to_tsquery($1::regconfig, $2) @@ to_tsvector($1::regconfig, 'the threat is imminent')",
            fulltext.TEXT_SEARCH_CONFIG, text))


def test_a_connections_memo_forgets_old_values_and_stays_bounded(monkeypatch):
    """What the full-text queries reuse (a search window's floor, word frequencies) expires,
    and a memo that filled up starts again instead of growing with every word ever typed."""
    from store.pg import driver

    now = [100.0]
    monkeypatch.setattr(driver.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(driver, "MEMO_LIMIT", 3)
    conn = driver.PgConnection(object())
    conn.keep(("floor", 1), 7)
    now[0] += 59
    assert conn.recalled(("floor", 1), 60) == 7
    now[0] += 2
    assert conn.recalled(("floor", 1), 60) is None
    for n in range(5):
        conn.keep(("word", n), n)
    assert len(conn._memo) <= 3 and conn.recalled(("word", 4), 60) == 4
