"""Opening a database: creation, migrations, and the files the store refuses
(and leaves exactly as they were)."""
from __future__ import annotations

import ctypes
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store, StoreError
from store import opening, schema

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_new_file_and_folder_are_created_and_migrated(tmp_path, make):
    path = tmp_path / "a" / "b" / "newsbrief.sqlite3"
    store = await Store.open(path)
    try:
        assert path.exists()
        result = await store.save_brief(1, make.hegseth(), make.hegseth().text)
        assert result.created
    finally:
        await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "entities", "aliases", "brief_entities", "statements", "articles_fts",
            "statements_fts", "watched_channels"} <= tables


async def test_reopening_keeps_everything(tmp_path, make):
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    first = await store.save_brief(1, make.hegseth(), make.hegseth().text)
    await store.close()
    store = await Store.open(path)
    try:
        assert (await store.get_article(1, first.brief_id)).article.title == make.hegseth().title
        assert (await store.find_entity(1, "Hegseth")).how == "exact"
        again = await store.save_brief(1, make.hegseth(), make.hegseth().text)
        assert not again.created and again.brief_id == first.brief_id
    finally:
        await store.close()


async def test_an_empty_existing_file_is_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


async def test_a_later_migration_step_runs_once_on_an_old_database(tmp_path, monkeypatch, make):
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    await store.save_brief(1, make.hegseth(), make.hegseth().text)
    await store.close()
    steps = schema.MIGRATIONS + ["CREATE TABLE later_step (x INTEGER);\nINSERT INTO later_step VALUES (1);"]
    monkeypatch.setattr(opening, "MIGRATIONS", steps)
    monkeypatch.setattr(opening, "SCHEMA_VERSION", len(steps))
    for _ in range(2):
        store = await Store.open(path)
        assert await store.count_articles(1) == 1
        await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(steps)
        assert db.execute("SELECT count(*) FROM later_step").fetchone()[0] == 1


def test_migration_scripts_split_into_whole_statements():
    statements = schema.statements_of(schema.MIGRATIONS[0])
    assert all(sqlite3.complete_statement(s + ";" if not s.endswith(";") else s) for s in statements)
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert triggers and all(s.rstrip(";").endswith("END") for s in triggers)


async def test_a_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = digest(path)
    with pytest.raises(StoreError) as info:
        await Store.open(path)
    message = str(info.value)
    assert "99" in message and "newer newsbrief" in message and "Upgrade" in message
    assert "\n" not in message
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"this is not a database\n" * 200, b"SQLite format 3\x00" + b"\xff" * 4000])
async def test_a_corrupt_file_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        await Store.open(path)
    assert "not a usable newsbrief database" in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


async def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
    before = digest(path)
    with pytest.raises(StoreError, match="another program"):
        await Store.open(path)
    assert digest(path) == before


async def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        await Store.open(tmp_path)


# ---- read-only files: the check runs in a child process that cannot override
# file permissions (root can, so a root child drops CAP_DAC_OVERRIDE first).

def _drop_override_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


OPEN_IN_CHILD = """
import asyncio, sys
from store import Store, StoreError
async def main():
    try:
        store = await Store.open(sys.argv[1])
    except StoreError as exc:
        print("REFUSED", exc)
        return
    await store.close()
    print("OPENED")
asyncio.run(main())
"""


def open_without_privileges(path: Path) -> str:
    preexec = _drop_override_capabilities if os.geteuid() == 0 else None
    run = subprocess.run([sys.executable, "-c", OPEN_IN_CHILD, str(path)], capture_output=True, text=True,
                         cwd=ROOT, preexec_fn=preexec, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


@pytest.fixture
def existing_db(tmp_path, make):
    import asyncio

    path = tmp_path / "ro" / "db.sqlite3"

    async def build():
        store = await Store.open(path)
        await store.save_brief(1, make.hegseth(), make.hegseth().text)
        await store.close()

    asyncio.run(build())
    yield path
    path.parent.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_file_is_refused_and_left_alone(existing_db):
    existing_db.chmod(0o444)
    before = digest(existing_db)
    out = open_without_privileges(existing_db)
    assert out.startswith("REFUSED") and "read-only" in out, out
    assert digest(existing_db) == before


def test_a_read_only_folder_is_refused(existing_db):
    existing_db.parent.chmod(0o555)
    out = open_without_privileges(existing_db)
    assert out.startswith("REFUSED") and "read-only" in out, out


def test_the_child_check_can_open_a_writable_database(existing_db):
    assert open_without_privileges(existing_db) == "OPENED"


async def test_new_databases_use_large_pages(tmp_path):
    store = await Store.open(tmp_path / "db.sqlite3")
    await store.close()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == opening.PAGE_SIZE
