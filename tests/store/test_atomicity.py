"""A brief is stored whole or not at all: failures in the middle of a save,
and a process killed in the middle of a batch, leave no partial brief."""
from __future__ import annotations

import importlib.util
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from store import Store, writes
from store.records import Provenance

GUILD = 1_100_000_000_000_000_111
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHILD = HERE / "ingest_until_killed.py"


def check_consistent(path: Path) -> int:
    """Every invariant a complete save keeps; returns the number of briefs."""
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # The FTS indexes agree with their content tables, row for row.
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        db.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)")
        for article_id, entities, statements, linked, said in db.execute(
                "SELECT a.id, a.entity_count, a.statement_count, "
                "(SELECT count(*) FROM brief_entities WHERE brief_id = a.id), "
                "(SELECT count(*) FROM statements WHERE brief_id = a.id) FROM articles a"):
            assert (entities, statements) == (linked, said), article_id
        assert db.execute("SELECT count(*) FROM entities e WHERE briefs != "
                          "(SELECT count(*) FROM brief_entities WHERE entity_id = e.id) OR briefs <= 0").fetchone()[0] == 0
        counted = Counter()
        for entity_id, keys in db.execute("SELECT entity_id, keys FROM brief_entities"):
            counted.update((entity_id, k) for k in keys.split("\x1f") if k)
        assert dict(counted) == {(e, k): n for e, k, n in db.execute("SELECT entity_id, key, briefs FROM aliases")}
        for guild_id, briefs, statements in db.execute("SELECT guild_id, briefs, statements FROM guilds"):
            assert briefs == db.execute("SELECT count(*) FROM articles WHERE guild_id = ?", (guild_id,)).fetchone()[0]
            assert statements == db.execute("SELECT count(*) FROM statements WHERE guild_id = ?",
                                            (guild_id,)).fetchone()[0]
            indexed = {r[0] for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                                (f'scope : "g{guild_id}"',))}
            assert indexed == {r[0] for r in db.execute("SELECT id FROM articles WHERE guild_id = ?", (guild_id,))}
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


class Boom(Exception):
    pass


SQLITE_ONLY = pytest.mark.parametrize("database", ["sqlite"], indirect=True)  # check_consistent reads the file


@SQLITE_ONLY
@pytest.mark.parametrize("when", ["before links", "after links"])
async def test_a_failure_mid_save_leaves_nothing(store, make, monkeypatch, when):
    kept = make.brief("Kept", "Earlier brief.", entities=[make.person("Grace Hopper")])
    await store.save_brief(GUILD, kept, kept.text)
    assert (await store.find_entity(GUILD, "Grace Hopper")).how == "exact"  # the name cache is loaded
    real = writes.write_links

    async def failing(*args, **kwargs):
        if when == "after links":
            await real(*args, **kwargs)
        raise Boom()

    monkeypatch.setattr(writes, "write_links", failing)
    b = make.hegseth()
    b.entities.append(make.person("Grace Hopper"))
    with pytest.raises(Boom):
        await store.save_brief(GUILD, b, b.text)
    monkeypatch.setattr(writes, "write_links", real)

    assert await store.count_articles(GUILD) == 1
    assert (await store.find_entity(GUILD, "Hegseth")).how == "none"
    assert (await store.find_entity(GUILD, "Grace Hopper")).entity.briefs == 1
    assert await store.search_statements(GUILD, "imminent") == []
    assert await store.search_articles(GUILD, "Shangri-La") == []
    assert await store.find_duplicate(GUILD, raw_text=b.text) is None
    assert check_consistent(store.path) == 1
    # The store is still usable, and the same brief now saves completely.
    result = await store.save_brief(GUILD, b, b.text)
    assert result.created and (await store.find_entity(GUILD, "Hegseth")).entity.briefs == 1
    assert check_consistent(store.path) == 2


@SQLITE_ONLY
async def test_a_failure_in_a_batch_leaves_none_of_the_batch(store, make, monkeypatch):
    real = writes.insert_brief
    calls = []

    async def third_fails(db, tx, brief, *args):
        calls.append(brief.title)
        if len(calls) == 3:
            raise Boom()
        return await real(db, tx, brief, *args)

    monkeypatch.setattr(writes, "insert_brief", third_fails)
    items = [(make.brief(f"Batch {i}", "Text.", entities=[make.person("Ada Lovelace")]), f"Batch {i}", Provenance())
             for i in range(4)]
    with pytest.raises(Boom):
        await store.save_briefs(GUILD, items)
    assert await store.count_articles(GUILD) == 0
    assert (await store.find_entity(GUILD, "Ada Lovelace")).how == "none"
    check_consistent(store.path)


def _load_child():
    spec = importlib.util.spec_from_file_location("ingest_until_killed", CHILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_killed_in_the_middle_of_batches(tmp_path):
    path = tmp_path / "crash.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(GUILD)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    batches = 0
    give_up = time.monotonic() + 120  # a safety net for a stuck child, not a timing assertion
    try:
        while batches < 3 and time.monotonic() < give_up:
            ready, _, _ = select.select([child.stdout], [], [], 1.0)
            if ready:
                line = child.stdout.readline()
                assert line, child.stderr.read()
                batches = int(line.split()[1])
        assert batches >= 3, "the child never got going"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    saved = check_consistent(path)
    assert saved % _load_child().BATCH == 0 and saved >= 3 * _load_child().BATCH  # whole batches only

    make = _load_child()
    started = saved // make.BATCH + 1  # batches the child had begun
    store = await Store.open(path)
    try:
        results = [r for k in range(started + 1) for r in await store.save_briefs(GUILD, make.batch(k))]
        assert sum(not r.created for r in results) == saved  # what survived is found, not copied
        assert await store.count_articles(GUILD) == (started + 1) * make.BATCH
        lovelace = (await store.find_entity(GUILD, "Lovelace")).entity
        assert lovelace.name == "Ada Lovelace"
    finally:
        await store.close()
    assert check_consistent(path) == (started + 1) * make.BATCH
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) - count(DISTINCT fingerprint) FROM articles").fetchone()[0] == 0
