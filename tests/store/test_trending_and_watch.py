"""`trending` counts briefs by time; watched channels per guild."""
from __future__ import annotations

from datetime import timedelta

GUILD = 1_100_000_000_000_000_111
OTHER = 1_100_000_000_000_000_222


async def skip_brief_ids(store, n: int) -> None:
    """The next brief gets an id `n` higher, as if other servers had posted meanwhile."""
    from store import dialect

    if dialect.is_postgresql(store._writer):
        await store._writer.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), "
                                    "(SELECT max(id) FROM articles) + ?)", (n,))
    else:
        await store._writer.execute("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'articles'", (n,))
        await store._writer.commit()


async def link_blocks(store) -> tuple[list, list]:
    """entity_blocks as the triggers kept it, and as the links say it should be."""
    kept = await store._reader.execute_fetchall("SELECT entity_id, block, briefs FROM entity_blocks ORDER BY 1, 2")
    counted = await store._reader.execute_fetchall(
        "SELECT entity_id, brief_id / 1024, count(*) FROM brief_entities GROUP BY 1, 2 ORDER BY 1, 2")
    return [tuple(r) for r in kept], [tuple(r) for r in counted]


async def test_trending_counts_recent_briefs(store, make, clock):
    async def save(title, *names):
        b = make.brief(title, "Text.", entities=[make.person(n) for n in names])
        await store.save_brief(GUILD, b, b.text)

    await save("Old news", "Old Timer", "Ada Lovelace")
    await save("Old news again", "Old Timer")
    clock.advance(days=10)
    await save("Fresh one", "Ada Lovelace", "Grace Hopper")
    clock.advance(days=1)
    await save("Fresh two", "Ada Lovelace")
    clock.advance(hours=2)

    week = await store.trending(GUILD, days=7)
    assert [(e.name, n) for e, n in week] == [("Ada Lovelace", 2), ("Grace Hopper", 1)]
    assert week[0][0].briefs == 3  # all-time count on the row, recent count beside it
    month = await store.trending(GUILD, days=30)
    assert [(e.name, n) for e, n in month] == [("Ada Lovelace", 3), ("Old Timer", 2), ("Grace Hopper", 1)]
    assert [e.name for e, _ in await store.trending(GUILD, days=30, limit=1)] == ["Ada Lovelace"]
    assert await store.trending(GUILD, days=0) == []
    assert await store.trending(OTHER, days=30) == []


async def test_trending_counts_briefs_by_when_they_were_published_not_indexed(store, make, clock, monkeypatch):
    """Briefs posted today about last year are old news; a brief indexed a month ago but
    published this week is not."""
    from store import reads
    from store.records import Provenance

    async def save(title, names, published):
        b = make.brief(title, "Text.", entities=[make.person(n) for n in names])
        await store.save_brief(GUILD, b, b.text, Provenance(published_at=published, date_source="dateline"))

    await save("Archived early", ["Fresh Face"], "2025-08-29")  # indexed 2025-09-01, published days before
    clock.advance(days=30)  # now 2025-10-01
    for n in range(3):
        await save(f"Archive piece {n}", ["Archive Figure", "Fresh Face"] if n == 0 else ["Archive Figure"],
                   f"2024-0{n + 3}-10")
    await save("Fresh story", ["Fresh Face"], "2025-09-28")

    for small_window in (1_000, 0):  # counting every brief, and visiting popular entities first
        monkeypatch.setattr(reads, "SMALL_WINDOW", small_window)
        week = await store.trending(GUILD, days=7)
        assert [(e.name, n) for e, n in week] == [("Fresh Face", 1)]
        five_weeks = await store.trending(GUILD, days=35)
        assert [(e.name, n) for e, n in five_weeks] == [("Fresh Face", 2)]
        two_years = await store.trending(GUILD, days=800)
        assert [(e.name, n) for e, n in two_years] == [("Fresh Face", 3), ("Archive Figure", 3)]  # a tie: latest named first


async def test_watch_and_unwatch(store):
    assert await store.watched_channels(GUILD) == set()
    assert await store.watch(GUILD, 10) is True
    assert await store.watch(GUILD, 10) is False  # already
    assert await store.watch(GUILD, 11) is True
    assert await store.watch(OTHER, 10) is True  # another guild's own list
    assert await store.watched_channels(GUILD) == {10, 11}
    assert await store.unwatch(GUILD, 10) is True
    assert await store.unwatch(GUILD, 10) is False
    assert await store.watched_channels(GUILD) == {11}
    assert await store.watched_channels(OTHER) == {10}


async def test_trending_of_a_busy_window_ranks_as_plain_counting_does(store, make, clock, monkeypatch):
    """A window of many briefs is ranked by visiting popular entities first; the answer must be
    the one that counting every brief gives, ties to the most recently named."""
    import random

    from store import reads

    rng = random.Random(7)
    names = [f"Person Number{i}" for i in range(40)]
    for day in range(30):
        for _ in range(3):
            picked = rng.sample(names, 4) if day < 20 else rng.sample(names[30:], 3)  # late risers
            b = make.brief(f"Day {day} brief {rng.random()}", "Text.", entities=[make.person(n) for n in picked])
            await store.save_brief(GUILD, b, b.text)
        clock.advance(days=1)
        await skip_brief_ids(store, 700)  # windows over many blocks of ids, starting inside one
    for days in (3, 9, 15, 40):
        for limit in (1, 5, 10):
            counted = [(e.name, n) for e, n in await store.trending(GUILD, days=days, limit=limit)]
            monkeypatch.setattr(reads, "SMALL_WINDOW", 0)  # the busy-window path for the same question
            visited = [(e.name, n) for e, n in await store.trending(GUILD, days=days, limit=limit)]
            monkeypatch.setattr(reads, "SMALL_WINDOW", 1_000)
            assert visited == counted and len(counted) == limit


async def test_trending_of_briefs_indexed_out_of_publication_order_ranks_as_plain_counting_does(
        store, make, clock, monkeypatch):
    """Old articles posted among new ones (a feed's backlog) sit inside the range of ids the busy
    window counts; they must be left out exactly as counting every brief leaves them out."""
    import random

    from store import reads
    from store.records import Provenance

    rng = random.Random(11)
    names = [f"Person Number{i}" for i in range(30)]
    clock.advance(days=60)
    for k in range(90):
        picked = rng.sample(names, 4) if k % 3 else rng.sample(names[20:], 3)  # the old ones favour a few
        age = rng.randrange(0, 10) if k % 3 else rng.randrange(30, 400)
        published = (clock.now - timedelta(days=age)).date().isoformat()
        b = make.brief(f"Brief {k}", "Text.", entities=[make.person(n) for n in picked])
        await store.save_brief(GUILD, b, b.text, Provenance(published_at=published, date_source="dateline"))
    for days in (3, 9, 40, 500):
        for limit in (1, 5):
            monkeypatch.setattr(reads, "SMALL_WINDOW", 1_000)
            counted = [(e.name, n) for e, n in await store.trending(GUILD, days=days, limit=limit)]
            monkeypatch.setattr(reads, "SMALL_WINDOW", 0)
            subtracted = [(e.name, n) for e, n in await store.trending(GUILD, days=days, limit=limit)]
            monkeypatch.setattr(reads, "MAX_HOLES", 0)
            read_one_by_one = [(e.name, n) for e, n in await store.trending(GUILD, days=days, limit=limit)]
            monkeypatch.setattr(reads, "MAX_HOLES", 20_000)
            assert subtracted == counted == read_one_by_one and len(counted) == limit


async def test_stats_counts_entities_and_people_as_briefs_come_and_go(store, make):
    first = make.brief("One", "Text.", entities=[make.person("Ada Lovelace"), make.thing("Paris", "GPE")])
    second = make.brief("Two", "Text.", entities=[make.person("Grace Hopper"), make.person("Ada Lovelace")])
    one = await store.save_brief(GUILD, first, first.text)
    await store.save_brief(GUILD, second, second.text)
    s = await store.stats(GUILD)
    assert (s.briefs, s.entities, s.people) == (2, 3, 2)
    await store.delete_brief(GUILD, one.brief_id)
    s = await store.stats(GUILD)
    assert (s.briefs, s.entities, s.people) == (1, 2, 2)  # Paris went with its only brief
    assert (await store.stats(OTHER)).entities == 0


async def test_a_database_from_before_the_counters_gets_them_filled_in(tmp_path):
    """Opening a database of schema 1 (no counters yet) counts its entities once, in the migration."""
    import sqlite3

    from store import Store
    from store.schema import MIGRATIONS, statements_of

    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    for statement in statements_of(MIGRATIONS[0]):
        con.execute(statement)
    con.execute("INSERT INTO guilds (guild_id, generation, briefs, statements) VALUES (?, 3, 2, 0)", (GUILD,))
    con.executemany("INSERT INTO entities (guild_id, type, name, key, last_word, briefs) VALUES (?, ?, ?, ?, ?, 1)",
                    [(GUILD, "PERSON", "Ada Lovelace", "ada lovelace", "lovelace"),
                     (GUILD, "PERSON", "Grace Hopper", "grace hopper", "hopper"),
                     (GUILD, "GPE", "Paris", "paris", "paris")])
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    store = await Store.open(path)
    try:
        s = await store.stats(GUILD)
        assert (s.briefs, s.entities, s.people) == (2, 3, 2)
    finally:
        await store.close()


async def test_follows_by_name_from_before_schema_7_are_turned_into_follows_of_entities(tmp_path):
    """A database whose follows were keyed by name: each finds its entity by that key; a word
    stays a word, and a follow whose name no entity has any more waits for one."""
    import sqlite3

    from store import Store
    from store.schema import MIGRATIONS, statements_of

    path = tmp_path / "v6.sqlite3"
    con = sqlite3.connect(path)
    for step in MIGRATIONS[:6]:
        for statement in statements_of(step):
            con.execute(statement)
    con.executemany("INSERT INTO entities (guild_id, type, name, key, last_word, briefs) VALUES (?, ?, ?, ?, ?, 1)",
                    [(GUILD, "PERSON", "Ada Lovelace", "ada lovelace", "lovelace"),
                     (OTHER, "PERSON", "Ada Lovelace", "ada lovelace", "lovelace")])
    con.executemany("INSERT INTO follows (guild_id, user_id, kind, key, label) VALUES (?, ?, ?, ?, ?)",
                    [(GUILD, 7, "entity", "ada lovelace", "Ada Lovelace"), (GUILD, 7, "keyword", "tariffs", "tariffs"),
                     (GUILD, 7, "entity", "grace hopper", "Grace Hopper"), (OTHER, 8, "entity", "ada lovelace", "Ada")])
    con.execute("PRAGMA user_version = 6")
    con.commit()
    con.close()
    store = await Store.open(path)
    try:
        ours = {f.label: f for f in await store.following(GUILD, 7)}
        theirs = await store.following(OTHER, 8)
        assert set(ours) == {"Ada Lovelace", "tariffs", "Grace Hopper"}
        ada = (await store.find_entity(GUILD, "Ada Lovelace")).entity
        assert ours["Ada Lovelace"].entity_id == ada.id and theirs[0].entity_id != ada.id
        assert ours["tariffs"].kind == "keyword" and ours["Grace Hopper"].entity_id is None
    finally:
        await store.close()


async def test_the_links_counted_by_blocks_follow_every_kind_of_write(store, make):
    """`trending` sums links by blocks of brief ids; saving, re-reading, merging, forgetting,
    restoring and deleting briefs must leave those sums equal to the links themselves."""
    from store.corrections import Rule

    async def save(title, *names):
        b = make.brief(title, "Text.", entities=[make.person(n) for n in names])
        return (await store.save_brief(GUILD, b, b.text)).brief_id

    first = await save("One", "Ada Lovelace", "Grace Hopper")
    await skip_brief_ids(store, 1500)
    second = await save("Two", "Ada Lovelace", "Alan Turing")
    third = await save("Three", "Grace Hopper")
    kept, counted = await link_blocks(store)
    assert kept == counted and len({block for _, block, _ in kept}) == 2

    edited = make.brief("Two", "Text.", entities=[make.person("Alan Turing"), make.person("Edsger Dijkstra")])
    await store.update_brief(GUILD, second, edited, edited.text)
    assert (await link_blocks(store))[0] == (await link_blocks(store))[1]

    ada = (await store.find_entity(GUILD, "Ada Lovelace")).entity
    grace = (await store.find_entity(GUILD, "Grace Hopper")).entity
    await store.add_correction(GUILD, Rule(0, "merge", ada.name, ("ada lovelace",), name=grace.name, type=grace.type), by=9)
    kept, counted = await link_blocks(store)
    assert kept == counted

    await store.forget_brief(GUILD, third, by=9)
    assert (await link_blocks(store))[0] == (await link_blocks(store))[1]
    await store.restore_brief(GUILD, third, by=9)
    assert (await link_blocks(store))[0] == (await link_blocks(store))[1]
    await store.delete_brief(GUILD, first)
    kept, counted = await link_blocks(store)
    assert kept == counted and all(n > 0 for _, _, n in kept)
