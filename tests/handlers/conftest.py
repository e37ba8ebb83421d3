"""A populated database built once per session (spaCy runs a handful of times
in total); every test gets its own copy, so forgetting a brief in one test does
not change another's."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from extract.model import Brief, Entity, Section, Statement
from handlers.core.context import Scope, Services
from handlers.ingest import ingest_text
from store import Store, open_store
from store.pg.copying import copy_sqlite_to_postgresql
from pgtest import BACKENDS, fresh_schema
from store.records import Provenance

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "bot" / "samples"
GUILD = 4242
OTHER_GUILD = 777

# Written for these tests: a brief whose statements and entities are given
# exactly (saved without spaCy), so the command tests do not depend on how well
# extraction does on a particular sentence.
HANDMADE = Brief(
    title="Hegseth repeats warning on Taiwan at Senate hearing",
    text=("Hegseth repeats warning on Taiwan at Senate hearing\n\n"
          "US Defense Secretary Pete Hegseth told senators the threat was imminent. "
          "\"Deterrence is our first duty,\" Hegseth said. Senator Jeanne Shaheen asked about budgets."),
    sections=[Section("Body", "US Defense Secretary Pete Hegseth told senators the threat was imminent.")],
    entities=[
        Entity("Pete Hegseth", "PERSON", aliases=["Hegseth"], role="US Defense Secretary", mentions=2),
        Entity("Jeanne Shaheen", "PERSON", role="Senator", mentions=1),
        Entity("Taiwan", "GPE", mentions=1),
        Entity("Senate", "ORG", mentions=1),
    ],
    statements=[
        Statement("Deterrence is our first duty,", "Pete Hegseth", "direct"),
        Statement("the threat was imminent", "Pete Hegseth", "reported"),
    ],
)
# Two people who share a surname, for "did you mean".
SMITHS = Brief(
    title="Smith siblings open rival bakeries in Leeds",
    text="Smith siblings open rival bakeries in Leeds\n\nJohn Smith and Jane Smith opened bakeries.",
    entities=[Entity("John Smith", "PERSON", mentions=1), Entity("Jane Smith", "PERSON", mentions=1),
              Entity("Leeds", "GPE", mentions=1)],
    statements=[Statement("Bread is back", "John Smith", "direct"),
                Statement("Competition is healthy", "Jane Smith", "direct")],
)


def make_services(store, extractor, **overrides) -> Services:
    return Services(store=store, extractor=extractor, **overrides)


@pytest.fixture(scope="session")
def populated_db(tmp_path_factory, extractor) -> tuple[Path, dict[str, int]]:
    """(database file, {sample name: brief id}) with the samples ingested through
    the real pipeline and two hand-made briefs saved directly."""
    path = tmp_path_factory.mktemp("populated") / "newsbrief.sqlite3"

    async def build() -> dict[str, int]:
        store = await Store.open(path)
        try:
            services = make_services(store, extractor)
            ids = {}
            for sample in sorted(SAMPLES.glob("*.txt")):
                outcome = await ingest_text(services, Scope(GUILD, user_id=1), sample.read_text(encoding="utf-8"),
                                            provenance=Provenance(
                                                source=f"samples/{sample.name}", message_id=len(ids) + 100, channel_id=5,
                                                jump_url=f"https://discord.com/channels/{GUILD}/5/{len(ids) + 100}"))
                assert outcome.status == "indexed", outcome.reply.to_text()
                ids[sample.stem] = outcome.result.brief_id
            for name, brief in (("handmade", HANDMADE), ("smiths", SMITHS)):
                result = await store.save_brief(GUILD, brief, brief.text, provenance=Provenance(source=f"{name}.txt"))
                ids[name] = result.brief_id
            # Something in another guild that must never show up in GUILD's answers.
            await store.save_brief(OTHER_GUILD, SMITHS, SMITHS.text + " Elsewhere.", provenance=Provenance(source="other.txt"))
            return ids
        finally:
            await store.close()

    return path, asyncio.run(build())


@pytest.fixture
def ids(populated_db) -> dict[str, int]:
    return populated_db[1]


@pytest.fixture(scope="session")
def populated_postgresql(populated_db):
    """The populated index moved to a PostgreSQL schema once per session, as `newsbrief
    migrate` moves a server's index; each test gets a copy of its rows."""
    loop = asyncio.new_event_loop()
    schema = fresh_schema()
    url = loop.run_until_complete(schema.__aenter__())
    try:
        assert loop.run_until_complete(copy_sqlite_to_postgresql(populated_db[0], url)).matches
        yield url
    finally:
        loop.run_until_complete(schema.__aexit__(None, None, None))
        loop.close()


@pytest.fixture(params=BACKENDS)
async def store(request, populated_db, populated_postgresql, tmp_path):
    """The populated index on each backend: a copy of the SQLite file, or of the PostgreSQL schema."""
    if request.param == "postgresql":
        async with fresh_schema(rows_of=populated_postgresql) as url:
            s = await open_store(url)
            yield s
            await s.close()
        return
    source, _ = populated_db
    copy = tmp_path / "copy.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{copy}{suffix}")
    s = await open_store(copy)
    yield s
    await s.close()


@pytest.fixture
async def empty_store(database):
    s = await open_store(database)
    yield s
    await s.close()


@pytest.fixture
def services(store, extractor) -> Services:
    return make_services(store, extractor)


@pytest.fixture
def member() -> Scope:
    return Scope(GUILD, user_id=10, channel_id=5)


@pytest.fixture
def moderator() -> Scope:
    return Scope(GUILD, user_id=11, channel_id=5, can_manage_messages=True)


@pytest.fixture
def admin() -> Scope:
    return Scope(GUILD, user_id=12, channel_id=5, can_manage_messages=True, can_manage_guild=True)
