"""The store's own rebuild path for its full-text indexes."""
from __future__ import annotations

import sqlite3

import pytest

from store import Store, StoreError


async def test_repair_rebuilds_only_damaged_indexes_and_search_works_again(tmp_path, make):
    path = tmp_path / "nb.sqlite3"
    store = await Store.open(path)
    for i in range(20):
        b = make.hegseth()
        await store.save_brief(1, b, f"{b.title} {i}\n\n{b.sections[0].text} number {i}")
    assert await store.repair_fulltext(thorough=True) == []
    await store.close()

    db = sqlite3.connect(path)
    db.execute("UPDATE statements_fts_data SET block = randomblob(length(block)) WHERE id > 10")
    db.commit()
    db.close()

    store = await Store.open(path)
    try:
        assert await store.repair_fulltext() == ["statements_fts"]
        assert [s.text for s in await store.search_statements(1, "imminent")][:1] == ["It could be imminent"]
        assert await store.repair_fulltext(thorough=True) == []
    finally:
        await store.close()


async def test_a_damaged_index_becomes_a_store_error_that_says_so(tmp_path, make):
    path = tmp_path / "nb.sqlite3"
    store = await Store.open(path)
    b = make.hegseth()
    for i in range(20):
        await store.save_brief(1, b, f"{b.title} {i}\n\n{b.sections[0].text} number {i}")
    await store.close()
    db = sqlite3.connect(path)
    db.execute("UPDATE articles_fts_data SET block = randomblob(length(block)) WHERE id > 10")
    db.commit()
    db.close()
    store = await Store.open(path)
    try:
        with pytest.raises(StoreError, match="search index is damaged") as failed:
            await store.search_articles(1, "Hegseth")
        assert failed.value.damaged_index and "\n" not in str(failed.value)
    finally:
        await store.close()


async def test_compacting_merges_each_index_into_one_segment_and_finds_the_same(tmp_path, make):
    """Many small saves leave many index segments, each visited by every search; compacting
    merges them (at the bot's start, after `newsbrief ingest` and `reindex`) and changes no answer."""
    path = tmp_path / "nb.sqlite3"
    store = await Store.open(path)
    try:
        for i in range(60):
            b = make.hegseth()
            await store.save_brief(1, b, f"{b.title} {i}\n\n{b.sections[0].text} number {i}")

        def segments() -> dict[str, int]:
            db = sqlite3.connect(path)
            try:
                return {t: db.execute(f"SELECT count(DISTINCT segid) FROM {t}_idx").fetchone()[0]
                        for t in ("articles_fts", "statements_fts")}
            finally:
                db.close()

        assert min(segments().values()) > 1
        said = [s.id for s in await store.search_statements(1, "imminent")]
        found = [a.id for a in await store.search_articles(1, "number 7")]
        await store.compact_fulltext()
        assert segments() == {"articles_fts": 1, "statements_fts": 1}
        assert [s.id for s in await store.search_statements(1, "imminent")] == said and said
        assert [a.id for a in await store.search_articles(1, "number 7")] == found and found
        await store.compact_fulltext()  # already merged: nothing to do, nothing breaks
        assert segments() == {"articles_fts": 1, "statements_fts": 1}
    finally:
        await store.close()
