"""What `!who` shows: a profile with roles, aliases, company kept, statements
and briefs."""
from __future__ import annotations
from store.records import Provenance

GUILD = 1_100_000_000_000_000_111


async def test_profile_gathers_everything_across_briefs(store, make, clock):
    ids = []
    plan = [
        ("Monday brief", "US Defense Secretary", ["China", "Singapore"], ["Deterrence first", "We stand ready"]),
        ("Tuesday brief", "Secretary of War", ["China"], ["The threat is imminent"]),
        ("Wednesday brief", "US Defense Secretary", ["China", "Japan"], ["Allies matter", "Talks will resume"]),
    ]
    for title, role, places, quotes in plan:
        b = make.brief(title, f"{title} text.",
                       entities=[make.person("Pete Hegseth", "Hegseth", "Secretary Hegseth", role=role, mentions=2),
                                 *[make.thing(p, "GPE") for p in places]],
                       statements=[make.said(q, "Pete Hegseth") for q in quotes])
        ids.append((await store.save_brief(GUILD, b, b.text, provenance=Provenance(jump_url=f"https://discord.com/channels/1/2/{title[:3]}"))).brief_id)
        clock.advance(days=1)

    entity = (await store.find_entity(GUILD, "Hegseth")).entity
    profile = await store.entity_profile(GUILD, entity.id)
    e = profile.entity
    assert (e.name, e.type, e.briefs, e.mentions) == ("Pete Hegseth", "PERSON", 3, 6)
    assert e.roles == ["US Defense Secretary", "Secretary of War"]  # most briefs first
    assert set(e.aliases) == {"Hegseth", "Secretary Hegseth"}
    assert profile.first_seen.startswith("2025-09-01") and profile.last_seen.startswith("2025-09-03")
    assert profile.co_mentions == [("China", 3), ("Singapore", 1), ("Japan", 1)]  # ties: the earlier known first
    # Latest brief first; within a brief, in the order the text gives them.
    assert [s.text for s in profile.statements] == ["Allies matter", "Talks will resume", "The threat is imminent",
                                                    "Deterrence first", "We stand ready"]
    assert all(s.speaker == "Pete Hegseth" and s.jump_url for s in profile.statements)
    assert [a.id for a in profile.articles] == ids[::-1]
    assert profile.articles[0].title == "Wednesday brief" and profile.articles[0].statements == 2

    short = await store.entity_profile(GUILD, entity.id, statements=2, articles=1, co_mentions=1)
    assert [s.text for s in short.statements] == ["Allies matter", "Talks will resume"]
    assert [a.id for a in short.articles] == [ids[-1]] and short.co_mentions == [("China", 3)]
    none = await store.entity_profile(GUILD, entity.id, statements=0, articles=0, co_mentions=0)
    assert none.statements == [] and none.articles == [] and none.co_mentions == []


async def test_unknown_ids_have_no_profile(store, make):
    b = make.hegseth()
    await store.save_brief(GUILD, b, b.text)
    for bad in (0, -1, 999_999, 2 ** 70, "1", None, True):
        assert await store.entity_profile(GUILD, bad) is None


async def test_a_place_has_a_profile_too(store, make):
    b = make.hegseth()
    await store.save_brief(GUILD, b, b.text)
    china = (await store.find_entity(GUILD, "China")).entity
    profile = await store.entity_profile(GUILD, china.id)
    assert profile.statements == [] and len(profile.articles) == 1
    assert ("Pete Hegseth", 1) in profile.co_mentions


async def test_profile_orders_by_publication_date_and_follows_a_brief_redated_on_reread(store, make, clock):
    """Briefs indexed in one order but published in another are listed by publication; when a
    re-read finds a brief's date, the profile's first seen, briefs and statements follow it."""
    async def save(title, published, quote):
        b = make.brief(title, f"{title} text.", entities=[make.person("Ada Lovelace")],
                       statements=[make.said(quote, "Ada Lovelace")])
        saved = await store.save_brief(GUILD, b, b.text, Provenance(published_at=published, date_source="posted"))
        return saved.brief_id, b

    first, _ = await save("Indexed first", "2025-06-10", "Old words")
    second, _ = await save("Indexed second", "2025-03-02", "Older words")
    third, third_brief = await save("Indexed third", "2025-08-20", "Newest words")
    ada = (await store.find_entity(GUILD, "Ada Lovelace")).entity
    profile = await store.entity_profile(GUILD, ada.id)
    assert (profile.first_seen, profile.last_seen) == ("2025-03-02", "2025-08-20")
    assert [a.id for a in profile.articles] == [third, first, second]
    assert [s.text for s in profile.statements] == ["Newest words", "Old words", "Older words"]

    # A re-read dates the third brief by its dateline: earlier than the others.
    assert await store.update_brief(GUILD, third, third_brief, third_brief.text, published=("2025-01-15", "dateline"))
    profile = await store.entity_profile(GUILD, ada.id)
    assert (profile.first_seen, profile.last_seen) == ("2025-01-15", "2025-06-10")
    assert [a.id for a in profile.articles] == [first, second, third]
    assert [s.text for s in profile.statements] == ["Old words", "Older words", "Newest words"]
    timeline = await store.entity_timeline(GUILD, ada.id)
    assert [a.id for a in timeline.articles] == [third, second, first]
    assert [s.text for s in timeline.statements] == ["Newest words", "Older words", "Old words"]
