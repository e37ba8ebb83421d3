"""Issue 6, faults: ten briefs ingested at once while members keep asking
questions. Nobody sees `database is locked` or an apology, no brief is lost or
stored twice, and a second process writing the same file (`newsbrief ingest`
while the bot runs) is waited for, not failed."""
from __future__ import annotations

import asyncio
import sqlite3

from handlers.core import dispatch
from handlers.core.context import Scope
from store import open_store
from store.dialect import is_postgresql
from hostile import GUILD, make_services

PEOPLE = ["Ann Lee", "Bruno Costa", "Chiara Ricci", "Dmitri Volkov", "Maria Lopez", "Farah Haddad",
          "Gustav Berg", "Hana Sato", "Ines Duarte", "Jonas Weber"]
CITIES = ["Leeds", "Porto", "Turin", "Kazan", "Madrid", "Beirut", "Malmo", "Osaka", "Braga", "Bremen"]
QUERIES = ["who Hegseth", "quotes imminent", "search Shangri-La", "articles", "stats", "trending 3650",
           "who Lee", "quotes bridge", "search bridge", "quotes threat by Hegseth", "who Hegset"]


def brief(n: int) -> str:
    name, city = PEOPLE[n], CITIES[n]
    return (f"Mayor {name} opens the {city} bridge\n\n"
            f"Mayor {name} said on Monday in {city} that \"the bridge number {n} is open at last,\" "
            f"after {n + 2} years of works. Residents of {city} cheered.")


def check(reply, line: str) -> str:
    text = reply.to_text()
    assert reply.pages, line
    assert "went wrong" not in text and "locked" not in text.lower() and "sqlite" not in text.lower(), (line, text)
    return text


async def keep_asking(services, scope, done: asyncio.Event, answered: list[str]) -> None:
    n = 0
    while not done.is_set() or n < len(QUERIES):
        line = QUERIES[n % len(QUERIES)]
        check(await dispatch.run_line(services, scope, line), line)
        answered.append(line)
        n += 1
        await asyncio.sleep(0)


async def test_ten_briefs_five_at_once_while_members_ask_and_settings_change(store, extractor, member, admin):
    services = make_services(store, extractor)
    before = await store.count_articles(GUILD)
    done = asyncio.Event()
    answered: list[str] = []

    # A setting changed after the first five briefs were saved: the writes' lock is first come,
    # first served, so ten saves queued at once could all go before the next setting does.
    between = asyncio.Event()

    async def ingest(numbers):
        return await asyncio.gather(*(dispatch.run_line(services, Scope(GUILD, user_id=100 + n), f"ingest {brief(n)}")
                                      for n in numbers))

    async def ingest_all():
        try:
            first = await ingest(range(5))
            await asyncio.wait_for(between.wait(), timeout=60)
            return first + await ingest(range(5, 10))
        finally:
            done.set()

    saved_at_change: list[int] = []  # briefs saved by the time each setting was changed

    async def keep_changing_settings():  # writes that need no extraction, between the saves
        n = 0
        while not done.is_set():
            line = f"{'watch' if n % 2 == 0 else 'unwatch'} {9000 + n // 2 % 3}"
            check(await dispatch.run_line(services, admin, line), line)
            saved_at_change.append(await store.count_articles(GUILD) - before)
            if saved_at_change[-1] >= 5:
                between.set()
            n += 1
        return n

    replies, *_, changes = await asyncio.gather(ingest_all(), *(keep_asking(services, s, done, answered)
                                                                for s in (member, admin, member)),
                                                keep_changing_settings())
    # The settings really were changed while briefs were saved: between the first save and the last.
    assert changes >= 2 and any(0 < saved < 10 for saved in saved_at_change), saved_at_change
    ids = []
    for n, reply in enumerate(replies):
        text = check(reply, f"ingest {n}")
        assert reply.ok and text.startswith("Indexed as #"), text
        ids.append(int(text.split("#", 1)[1].split()[0]))
    assert len(set(ids)) == 10
    assert len(answered) >= 3 * len(QUERIES)
    assert await store.count_articles(GUILD) == before + 10
    for n, brief_id in enumerate(ids):  # every brief whole: its entities, its statement, its search row
        detail = await store.get_article(GUILD, brief_id)
        assert PEOPLE[n] in {e.name for e in detail.entities}
        assert [s.speaker for s in detail.statements] == [PEOPLE[n]]
        found = check(await dispatch.run_line(services, member, f"search {CITIES[n]}"), CITIES[n])
        assert f"#{brief_id} " in found
    # The same ten again, at once: all duplicates of the first ten, nothing new.
    again = await asyncio.gather(*(dispatch.run_line(services, member, f"ingest {brief(n)}") for n in range(10)))
    assert [check(r, "again").split(".")[0] for r in again] == [f"Already indexed as #{i}" for i in ids]
    assert await store.count_articles(GUILD) == before + 10


async def test_another_process_writing_the_same_file_is_waited_for(store, extractor, member):
    """The bot's store and a second one on the same file (as `newsbrief ingest` would open)
    ingest five briefs each, at once, while the bot answers queries."""
    other = await open_store(store.path)  # the same file, or the same PostgreSQL database
    try:
        bot, cli = make_services(store, extractor), make_services(other, extractor)
        before = await store.count_articles(GUILD)
        done = asyncio.Event()
        answered: list[str] = []

        async def ingest_all():
            try:
                return await asyncio.gather(*(dispatch.run_line(bot if n % 2 else cli, member, f"ingest {brief(n)}")
                                              for n in range(10)))
            finally:
                done.set()

        replies, _ = await asyncio.gather(ingest_all(), keep_asking(bot, member, done, answered))
        assert all(check(r, "ingest").startswith("Indexed as #") for r in replies)
        assert await store.count_articles(GUILD) == before + 10
        # Names written by the other process are found by the bot's own lookups.
        for name in PEOPLE:
            assert check(await dispatch.run_line(bot, member, f"who {name}"), name).splitlines()[0] == name
    finally:
        await other.close()
    if is_postgresql(store._reader):
        return
    db = sqlite3.connect(store.path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles_fts").fetchone() == \
            db.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        db.close()
