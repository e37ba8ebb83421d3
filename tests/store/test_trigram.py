"""PostgreSQL's typo-tolerant name lookup through pg_trgm (NAME_LOOKUP=trigram): the
schema's trigram index, the candidates it gives, guild isolation, and the fallback to the
in-process name index where the extension is missing or not allowed."""
from __future__ import annotations

import uuid

import asyncpg
import pytest

from pgtest import SERVER, fresh_schema, schema_of
from store import open_store
from store.pg.opening import migrate
from store.pg.schema import TRIGRAM_INDEX
from store.pg.trigram import extension_schema, trigram_candidates

GUILD = 1_100_000_000_000_000_111
OTHER = 1_100_000_000_000_000_222


@pytest.fixture
async def url():
    async with fresh_schema() as url:
        yield url


async def _save(store, make, guild=GUILD):
    briefs = [
        make.brief("One", "Body one.", entities=[
            make.person("Pete Hegseth", "Hegseth", role="US Defense Secretary"),
            make.person("John Smith"), make.person("Jane Smith"), make.thing("The Washington Post", "ORG")]),
        make.brief("Two", "Body two.", entities=[make.person("Pete Hegseth"), make.person("Hegel Hegemann")]),
    ]
    for b in briefs:
        await store.save_brief(guild, b, b.text)


@pytest.fixture
async def trigram_store(url, make):
    store = await open_store(url, name_lookup="trigram")
    await _save(store, make)
    yield store
    await store.close()


async def _connect(url: str) -> asyncpg.Connection:
    return await asyncpg.connect(url.partition("?")[0], server_settings={"search_path": schema_of(url)})


async def test_the_schema_indexes_alias_keys_by_trigrams_and_the_lookup_uses_it(trigram_store, url):
    conn = await _connect(url)
    try:
        schema = await extension_schema(conn_like(conn))
        assert schema == "public"  # tests/pgtest.py put pg_trgm there, outside the test's search_path
        # A guild of a few names is read through the guild's index (rightly); one of thousands is not.
        await conn.execute(f"""
            INSERT INTO entities (id, guild_id, type, name, key, last_word)
                SELECT 1000000 + i, {GUILD}, 'PERSON', md5(i::text), md5(i::text), md5(i::text)
                FROM generate_series(1, 20000) i;
            INSERT INTO aliases (entity_id, key, guild_id, alias) SELECT id, key, guild_id, name FROM entities
                WHERE id > 1000000;
            ANALYZE""")
        plan = "\n".join(r[0] for r in await conn.fetch(
            "EXPLAIN SELECT entity_id FROM aliases WHERE $1 OPERATOR(public.<%) key AND guild_id = $2",
            "hegsth", GUILD))
        assert TRIGRAM_INDEX in plan, plan
        await migrate(conn)  # the extra is idempotent: a second start finds it done
        assert await conn.fetchval("SELECT count(*) FROM pg_indexes WHERE indexname = $1 AND schemaname = $2",
                                   TRIGRAM_INDEX, schema_of(url)) == 1
    finally:
        await conn.close()


class conn_like:
    """An asyncpg connection with the one method extension_schema() uses, as the store's reader has it."""

    def __init__(self, conn: asyncpg.Connection):
        self._conn = conn

    async def execute_fetchall(self, sql: str, params=()) -> list[tuple]:
        return [tuple(r) for r in await self._conn.fetch(sql, *params)]


@pytest.mark.parametrize("typed", ["Hegset", "Pete Hegseht", "Peet Hegseth", "hegsth"])
async def test_a_typo_finds_the_entity_through_trigrams(trigram_store, typed):
    match = await trigram_store.find_entity(GUILD, typed)
    assert (match.how, match.entity.name) == ("fuzzy", "Pete Hegseth"), typed
    assert trigram_store._names._indexes == {}  # the in-process index was never loaded for it


async def test_trigram_candidates_rank_the_closest_first(trigram_store):
    found = await trigram_candidates(trigram_store._reader, GUILD, "hegsth", 10, schema="public")
    hegseth = (await trigram_store.find_entity(GUILD, "Pete Hegseth")).entity
    assert list(found)[0] == hegseth.id and found[hegseth.id] == 2  # with its briefs, for the scorer's ties


async def test_suggestions_and_close_entities_come_from_trigrams(trigram_store):
    assert "Pete Hegseth" in await trigram_store.suggest_names(GUILD, "Hegsetth")
    close = await trigram_store.close_entities(GUILD, "Jone Smith")
    assert "John Smith" in [row.name for row, _ in close]
    assert trigram_store._names._indexes == {}


async def test_another_guild_s_names_are_not_candidates(trigram_store, make):
    await trigram_store.save_brief(OTHER, make.brief("Other", "Else.", entities=[make.person("Peter Hegsworth")]),
                                   "Other\n\nElse.")
    assert (await trigram_store.find_entity(OTHER, "Hegswoth")).entity.name == "Peter Hegsworth"
    hegseth = (await trigram_store.find_entity(GUILD, "Pete Hegseth")).entity.id
    hegsworth = (await trigram_store.find_entity(OTHER, "Peter Hegsworth")).entity.id
    assert hegsworth in await trigram_candidates(trigram_store._reader, OTHER, "hegswoth", 10, schema="public")
    assert hegsworth not in await trigram_candidates(trigram_store._reader, GUILD, "hegswoth", 10, schema="public")
    assert hegseth not in await trigram_candidates(trigram_store._reader, OTHER, "hegseth", 10, schema="public")
    assert (await trigram_store.find_entity(OTHER, "Jone Smith")).entity is None


async def test_without_the_trigram_index_the_in_process_index_answers(url, make):
    conn = await _connect(url)
    try:
        await migrate(conn)
        await conn.execute(f"DROP INDEX {TRIGRAM_INDEX}")
    finally:
        await conn.close()
    # The extra builds it again on every start; a store that found it gone (dropped while running) falls back.
    store = await open_store(url, name_lookup="trigram", warm_names=False)
    await store._reader.execute(f"DROP INDEX {TRIGRAM_INDEX}")
    store._trigrams = await extension_schema(store._reader)
    try:
        assert store._trigrams is None
        await _save(store, make)
        assert (await store.find_entity(GUILD, "hegsth")).entity.name == "Pete Hegseth"
    finally:
        await store.close()


async def test_a_role_that_may_not_create_the_extension_gets_no_index_and_still_finds_typos(make):
    """A database without pg_trgm and a user without the right to add it: the schema is built
    without the trigram index and lookups keep to the in-process index."""
    suffix = uuid.uuid4().hex[:10]
    database, role = f"nb_trgm_{suffix}", f"nb_trgm_{suffix}"
    admin = await asyncpg.connect(SERVER)
    await admin.execute(f"CREATE DATABASE {database}")
    await admin.execute(f"CREATE ROLE {role} LOGIN")
    try:
        owner = await asyncpg.connect(SERVER.rpartition("/")[0] + f"/{database}")
        try:
            await owner.execute(f"CREATE SCHEMA app AUTHORIZATION {role}")
        finally:
            await owner.close()
        base = SERVER.rpartition("/")[0].replace("postgres@", f"{role}@")
        store = await open_store(f"{base}/{database}?search_path=app", name_lookup="trigram", warm_names=False)
        try:
            assert store._trigrams is None
            await _save(store, make)
            assert (await store.find_entity(GUILD, "hegsth")).entity.name == "Pete Hegseth"
            assert not await store._reader.execute_fetchall("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        finally:
            await store.close()
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        await admin.execute(f"DROP ROLE IF EXISTS {role}")
        await admin.close()
