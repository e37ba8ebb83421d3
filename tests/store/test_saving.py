"""Saving briefs: what is kept, dedup by text and by URL, batches."""
from __future__ import annotations

import asyncio
from store.records import Provenance

GUILD = 1_100_000_000_000_000_111


async def test_everything_of_a_brief_is_kept(store, make, clock):
    b = make.hegseth()
    raw = "  " + b.text + "\n"
    result = await store.save_brief(GUILD, b, raw, provenance=Provenance(source="https://news.example/a", message_id=55, channel_id=7, jump_url="https://discord.com/channels/1/7/55", author_id=9))
    assert result.created and result.title == b.title
    assert result.entities == 5 and result.statements == 2
    detail = await store.get_article(GUILD, result.brief_id)
    assert detail.raw_text == raw  # kept exactly, for re-extraction
    a = detail.article
    assert (a.title, a.source, a.jump_url, a.entities, a.statements) == (
        b.title, "https://news.example/a", "https://discord.com/channels/1/7/55", 5, 2)
    assert a.created_at == "2025-09-01T12:00:00+00:00"
    assert detail.sections == [("News Summary", "Hegseth warned of a threat."), ("Background", "Annual forum.")]
    assert detail.insights == [("What is Beijing signalling?", ["A snub", "Leverage"])]
    assert [e.name for e in detail.entities] == ["Pete Hegseth", "China", "Singapore", "Dong Jun",
                                                 "Shangri-La Dialogue"]
    assert detail.entities[0].roles == ["US Defense Secretary"]
    assert [(s.text, s.kind, s.speaker) for s in detail.statements] == [
        ("It could be imminent", "direct", "Pete Hegseth"),
        ("the threat China poses is real", "reported", "Pete Hegseth")]
    assert await store.brief_id_for_message(GUILD, 55) == result.brief_id
    assert await store.brief_id_for_message(GUILD, 56) is None
    assert await store.raw_briefs(GUILD) == [(result.brief_id, raw)]
    assert await store.count_articles(GUILD) == 1


async def test_a_repaste_with_other_whitespace_case_and_quotes_is_a_duplicate(store, make):
    b = make.brief("Rates on hold", 'Lagarde said "we are in a good place" on Thursday.')
    first = await store.save_brief(GUILD, b, b.text)
    repaste = "\ufeff  RATES ON HOLD\r\n\r\n\r\nLagarde   said “we are in a good place”\ton Thursday.  "
    again = await store.save_brief(GUILD, b, repaste)
    assert not again.created and again.brief_id == first.brief_id and again.title == "Rates on hold"
    assert again.entities == first.entities and again.statements == first.statements
    assert await store.find_duplicate(GUILD, raw_text=repaste) == first.brief_id
    assert await store.find_duplicate(GUILD, raw_text=b.text + " More.") is None
    assert await store.count_articles(GUILD) == 1


async def test_the_same_url_is_a_duplicate_even_with_other_text(store, make):
    a = make.brief("Page as fetched on Monday", "Version one.")
    first = await store.save_brief(GUILD, a, a.text, provenance=Provenance(source="https://www.News.example/story/?utm_source=x#top"))
    b = make.brief("Page as fetched on Tuesday", "Version two, edited by the site.")
    again = await store.save_brief(GUILD, b, b.text, provenance=Provenance(source="https://news.example/story"))
    assert not again.created and again.brief_id == first.brief_id
    assert await store.find_duplicate(GUILD, source="http://news.example/story/") == first.brief_id
    # File names are not identities: two files may share a name.
    c = make.brief("Another file", "Different text.")
    d = make.brief("Yet another file", "More different text.")
    assert (await store.save_brief(GUILD, c, c.text, provenance=Provenance(source="brief.txt"))).created
    assert (await store.save_brief(GUILD, d, d.text, provenance=Provenance(source="brief.txt"))).created


async def test_a_batch_is_saved_in_order_with_duplicates_inside_it(store, make):
    items = [(make.brief(f"Brief {i}", f"Body {i}.", entities=[make.person("Ada Lovelace", "Lovelace")]),
              f"Brief {i}\n\nBody {i}.", Provenance(source=f"b{i}.txt", message_id=100 + i)) for i in range(5)]
    items.append((items[2][0], items[2][1].upper(), Provenance(source="again.txt")))
    results = await store.save_briefs(GUILD, items)
    assert [r.created for r in results] == [True] * 5 + [False]
    assert results[5].brief_id == results[2].brief_id
    assert [r.brief_id for r in results[:5]] == sorted(r.brief_id for r in results[:5])
    assert await store.count_articles(GUILD) == 5
    assert await store.brief_id_for_message(GUILD, 103) == results[3].brief_id
    match = await store.find_entity(GUILD, "Ada Lovelace")
    assert match.entity.briefs == 5


async def test_empty_batches_and_odd_briefs_are_fine(store, make):
    assert await store.save_briefs(GUILD, []) == []
    bare = make.brief("", "")
    result = await store.save_brief(GUILD, bare, "just text")
    assert result.created and result.entities == 0 and result.statements == 0
    # Entities without a usable name and empty statements are skipped, not stored.
    odd = make.brief("Odd", "Odd text.", entities=[make.thing("  ", "ORG"), make.thing("…", "ORG")],
                     statements=[make.said("   ", None), make.said("Kept", None, "unknown-kind")])
    result = await store.save_brief(GUILD, odd, odd.text)
    assert result.entities == 0 and result.statements == 1
    detail = await store.get_article(GUILD, result.brief_id)
    assert [(s.text, s.kind, s.speaker) for s in detail.statements] == [("Kept", "direct", None)]


async def test_broken_unicode_is_stored_not_refused(store, make):
    b = make.brief("Broken \ud800 text", "A lone surrogate \udfff here.")
    result = await store.save_brief(GUILD, b, b.text)
    detail = await store.get_article(GUILD, result.brief_id)
    assert "\ufffd" in detail.raw_text and "\ufffd" in detail.article.title


async def test_concurrent_saves_all_land_without_locking_errors(store, make):
    briefs = [make.brief(f"Concurrent {i}", f"Text {i}.", entities=[make.person("Grace Hopper")])
              for i in range(30)]
    results = await asyncio.gather(*(store.save_brief(GUILD, b, b.text) for b in briefs))
    assert all(r.created for r in results) and len({r.brief_id for r in results}) == 30
    assert (await store.find_entity(GUILD, "Grace Hopper")).entity.briefs == 30
    assert (await store.stats(GUILD)).briefs == 30


async def test_sections_found_in_the_text_are_stored_as_references(store, make):
    from extract.model import Insight, Section

    summary = "The European Central Bank kept rates on hold for a third meeting."
    raw = f"Rates on hold\n\nNews Summary\n{summary}\n\nIn-Depth AI Insights\nWhy now?\n - Inflation is cooling.\n"
    b = make.brief("Rates on hold", sections=[Section("News Summary", summary), Section("Note", "Not in the text")],
                   insights=[Insight("Why now?", ["Inflation is cooling.", "Not in the text either"])])
    result = await store.save_brief(GUILD, b, raw)
    detail = await store.get_article(GUILD, result.brief_id)
    assert detail.sections == [("News Summary", summary), ("Note", "Not in the text")]
    assert detail.insights == [("Why now?", ["Inflation is cooling.", "Not in the text either"])]
    [(stored,)] = await store._reader.execute_fetchall("SELECT sections FROM articles WHERE id = ?",
                                                      (result.brief_id,))
    assert summary not in stored  # a reference, not a second copy


async def test_raw_briefs_in_batches(store, make):
    ids = []
    for i in range(7):
        b = make.brief(f"Brief {i}", "Text.")
        ids.append((await store.save_brief(GUILD, b, f"raw {i}")).brief_id)
    batches = [rows async for rows in store.iter_raw_briefs(GUILD, batch=3)]
    assert [len(rows) for rows in batches] == [3, 3, 1]
    assert [row for rows in batches for row in rows] == await store.raw_briefs(GUILD) == \
        [(i, f"raw {n}") for n, i in enumerate(ids)]
    assert [rows async for rows in store.iter_raw_briefs(GUILD + 1)] == []
