"""SQLite failures reach members as one friendly line and the log without a
traceback: a damaged full-text index (search, quotes, ingest) is rebuilt, at
start, after the first failure, or by `reindex`; a full disk refuses the brief
and changes nothing."""
from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from handlers.core import dispatch
from hostile import make_services
from store import Store

NEW_BRIEF = ("Harbour board approves ferry timetable\n\n"
             "Harbour board chair Maria Lopez said on Friday that the new ferry timetable would start in June. "
             "\"Islanders asked for earlier boats and they will get them,\" Lopez said. ") * 20


def damaged_copy(populated_db, tmp_path) -> Path:
    """A copy of the populated database whose FTS index blocks are overwritten with noise."""
    source, _ = populated_db
    copy = tmp_path / "damaged.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{copy}{suffix}")
    db = sqlite3.connect(copy)
    for table in ("articles_fts_data", "statements_fts_data"):
        db.execute(f"UPDATE {table} SET block = randomblob(length(block)) WHERE id > 10")
    db.commit()
    db.close()
    return copy


def no_tracebacks(caplog):
    return [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


async def test_search_and_quotes_on_a_damaged_index_get_a_friendly_reply_then_work(
        populated_db, tmp_path, extractor, member, caplog):
    store = await Store.open(damaged_copy(populated_db, tmp_path))
    try:
        services = make_services(store, extractor)
        with caplog.at_level(logging.INFO):
            reply = await dispatch.run_line(services, member, "!search Hegseth")
        text = reply.to_text()
        assert not reply.ok and "search index is damaged" in text and "try again" in text, text
        assert no_tracebacks(caplog) == []
        await store._repairing  # the rebuild the failure started
        found = await dispatch.run_line(services, member, "!search Hegseth")
        assert found.ok and "Hegseth" in found.to_text()
        quotes = await dispatch.run_line(services, member, "!quotes deterrence")
        assert quotes.ok and "Deterrence is our first duty" in quotes.to_text()
    finally:
        await store.close()


async def test_a_damaged_index_is_checked_and_rebuilt_at_start_before_an_ingest(
        populated_db, tmp_path, extractor, member):
    store = await Store.open(damaged_copy(populated_db, tmp_path), check_fulltext=True)
    try:
        services = make_services(store, extractor)
        ingested = await dispatch.run_line(services, member, "!ingest " + NEW_BRIEF)
        assert ingested.ok and "Indexed as #" in ingested.to_text(), ingested.to_text()
        found = await dispatch.run_line(services, member, "!search ferry timetable")
        assert found.ok and "ferry timetable" in found.to_text().lower()
    finally:
        await store.close()


async def test_reindex_rebuilds_a_damaged_index(populated_db, tmp_path, extractor, admin):
    store = await Store.open(damaged_copy(populated_db, tmp_path))
    try:
        services = make_services(store, extractor)
        reply = await dispatch.run_line(services, admin, "!reindex")
        assert reply.ok and "search index was rebuilt" in reply.to_text(), reply.to_text()
        found = await dispatch.run_line(services, admin, "!search Hegseth")
        assert found.ok and "Hegseth" in found.to_text()
        again = await dispatch.run_line(services, admin, "!reindex")
        assert again.ok and "rebuilt" not in again.to_text()  # nothing was damaged this time
    finally:
        await store.close()


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)  # SQLite's page limit stands for the full disk
async def test_a_full_disk_refuses_the_brief_with_one_line_and_changes_nothing(
        empty_store, extractor, member, caplog):
    services = make_services(empty_store, extractor)
    first = await dispatch.run_line(services, member, "!ingest " + NEW_BRIEF)
    assert first.ok
    # The database may not grow by a single page: the same as a full disk to SQLite.
    [(pages,)] = await empty_store._writer.execute_fetchall("PRAGMA page_count")
    await empty_store._writer.execute(f"PRAGMA max_page_count = {pages}")
    with caplog.at_level(logging.INFO):
        reply = await dispatch.run_line(services, member, "!ingest " + NEW_BRIEF.replace("June", "July") * 3)
    text = reply.to_text()
    assert not reply.ok and "disk is full" in text and "nothing was saved" in text, text
    assert no_tracebacks(caplog) == []
    assert any("disk is full" in r.getMessage() for r in caplog.records)
    assert await empty_store.count_articles(member.guild_id) == 1
    found = await dispatch.run_line(services, member, "!search timetable")
    assert found.ok  # reading still works


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
async def test_a_dropped_database_connection_is_replaced_before_the_next_write(empty_store, extractor, member):
    """PostgreSQL drops the bot's writing connection (a server restart, a network cut):
    the next brief is still indexed, on a new connection, and nothing is lost."""
    import asyncpg

    from pgtest import SERVER

    services = make_services(empty_store, extractor)
    assert (await dispatch.run_line(services, member, "!ingest " + NEW_BRIEF)).ok
    admin = await asyncpg.connect(SERVER)
    try:
        await admin.execute("SELECT pg_terminate_backend($1)", empty_store._writer_connection.get_server_pid())
    finally:
        await admin.close()
    again = await dispatch.run_line(services, member, "!ingest " + NEW_BRIEF.replace("June", "August"))
    assert again.ok, again.to_text()
    assert await empty_store.count_articles(member.guild_id) == 2
    assert (await dispatch.run_line(services, member, "!search timetable")).ok
