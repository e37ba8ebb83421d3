"""`newsbrief migrate SQLITE_PATH postgresql://...`: a server's whole index moves to
PostgreSQL and answers the same there; a copy interrupted half way finishes when run
again, and running it once more changes nothing."""
from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest

from bot.cli import migrate_main
from pgtest import fresh_schema
from store import Store, StoreError, open_store
from store.corrections import Rule
from store.pg import copying
from store.records import Provenance

GUILD = 4242
OTHER = 777


class Interrupted(Exception):
    pass


async def _answers(store) -> dict:
    """What members and moderators would see, over every kind of row the copy carries."""
    match = await store.find_entity(GUILD, "Hegseth")
    feeds = await store.feeds(GUILD)
    return {
        "stats": await store.stats(GUILD),
        "other": await store.stats(OTHER),
        "who": (match.how, match.entity.name if match.entity else None, match.entity.aliases if match.entity else None),
        "typo": (await store.find_entity(GUILD, "Hegsth")).entity.name,
        "search": [(r.id, r.title) for r in await store.search_articles(GUILD, "imminent threat")],
        "quotes": [(s.id, s.text, s.speaker) for s in await store.search_statements(GUILD, "imminent")],
        "articles": [(a.id, a.title) for a in await store.latest_articles(GUILD, limit=50)],
        "article": await store.get_article(GUILD, 1),
        "corrections": await store.corrections(GUILD),
        "forgotten": await store.forgotten_briefs(GUILD, within_hours=10_000),
        "changes": await store.changes(GUILD, limit=50),
        "settings": await store.guild_settings(GUILD),
        "watched": await store.watched_channels(GUILD),
        "feeds": [(f.id, f.url, f.channel_id) for f in feeds],
        "item": await store.feed_item(feeds[0], "item-1"),
        "follows": await store.following(GUILD, 55),
        "alerts": await store.alert_settings(GUILD),
    }


@pytest.fixture
async def sqlite_index(tmp_path, make, clock):
    """An SQLite index with a bit of every table in it."""
    path = tmp_path / "old.sqlite3"
    store = await Store.open(path, clock=clock)
    try:
        await store.save_brief(GUILD, make.hegseth(), make.hegseth().text,
                               provenance=Provenance(source="https://news.example/a", message_id=9, channel_id=5))
        for n in range(12):
            b = make.brief(f"Budget talks, day {n}", f"Talks went on, day {n}; Pete Hegseth attended.",
                           entities=[make.person("Pete Hegseth"), make.thing("Pentagon", "ORG")],
                           statements=[make.said(f"We are close, day {n}", "Pete Hegseth")])
            await store.save_brief(GUILD, b, b.text)
        gone = make.brief("Forgotten one", "Nobody needs this.", entities=[make.person("Jane Doe")])
        forgotten = (await store.save_brief(GUILD, gone, gone.text)).brief_id
        await store.forget_brief(GUILD, forgotten, by=11)
        await store.save_brief(OTHER, make.hegseth(), make.hegseth().text + " Elsewhere.")
        await store.add_correction(GUILD, Rule(0, "hide", "Pentagon", ("pentagon",)), by=11)
        await store.set_guild_setting(GUILD, "digest_channel", "5", by=12)
        await store.watch(GUILD, 5)
        feed_id, _ = await store.add_feed(GUILD, "https://news.example/feed.xml", channel_id=5, added_by=12)
        feed = await store.feed(GUILD, feed_id)
        await store.remember_feed_item(feed, "item-1", "v1", 1, datetime(2025, 9, 1, tzinfo=timezone.utc))
        await store.follow(GUILD, 55, "entity", "Pete Hegseth")
        await store.set_alerts(GUILD, enabled=True, channel_id=5)
        expected = await _answers(store)
    finally:
        await store.close()
    return path, expected


async def test_an_interrupted_copy_finishes_when_run_again_and_answers_the_same(sqlite_index, monkeypatch, clock):
    path, expected = sqlite_index
    monkeypatch.setattr(copying, "BATCH", 3)
    def stop_half_way(table, done, total, done_all, all_rows):
        if table == "statements" and done:  # some statements are copied, most are not
            raise Interrupted

    async with fresh_schema() as url:
        with pytest.raises(Interrupted):
            await copying.copy_sqlite_to_postgresql(path, url, stop_half_way)
        half = await open_store(url, warm_names=False)
        try:
            assert 0 < (await half._reader.execute_fetchall("SELECT count(*) FROM statements"))[0][0]
        finally:
            await half.close()

        report = await copying.copy_sqlite_to_postgresql(path, url)
        assert report.matches and report.counts["articles"] == (14, 14)
        again = await copying.copy_sqlite_to_postgresql(path, url)  # nothing doubled
        assert again.counts == report.counts

        moved = await open_store(url, clock=clock)
        try:
            assert await _answers(moved) == expected
            # New rows get new ids after the copied ones.
            saved = await moved.save_brief(GUILD, _new_brief(), "A new brief after the move, with new words.")
            assert saved.created and saved.brief_id > max(i for i, _ in expected["articles"])
        finally:
            await moved.close()


def _new_brief():
    from extract.model import Brief, Entity, Statement

    return Brief(title="A new brief after the move", text="A new brief after the move, with new words.",
                 entities=[Entity("Grace Hopper", "PERSON")], statements=[Statement("New words", "Grace Hopper")])


async def test_the_command_shows_progress_and_the_verified_counts(sqlite_index):
    path, _ = sqlite_index
    out, err = io.StringIO(), io.StringIO()
    async with fresh_schema() as url:
        assert await migrate_main(str(path), url, out=out, err=err) == 0
    assert "100%" in err.getvalue() and "[" + "#" * 30 + "]" in err.getvalue()
    lines = out.getvalue().splitlines()
    assert any(line.startswith("articles") and line.count(" 14 ") == 2 for line in lines)
    assert lines[-1].startswith("verified:") and "every table's count matches" in lines[-1]


async def test_a_database_holding_other_briefs_is_refused(sqlite_index, make):
    path, _ = sqlite_index
    async with fresh_schema() as url:
        store = await open_store(url, warm_names=False)
        try:
            await store.save_brief(GUILD, make.brief("Already here", "Text."), "Already here\n\nText.")
        finally:
            await store.close()
        with pytest.raises(StoreError, match="already holds other briefs"):
            await copying.copy_sqlite_to_postgresql(path, url)
        out, err = io.StringIO(), io.StringIO()
        with pytest.raises(Exception, match="cannot migrate"):
            await migrate_main(str(path), url, out=out, err=err)
