from handlers import reindex, settings, stats, trending, unwatch, watch
from handlers.core.context import Scope


async def test_watch_and_unwatch_need_manage_server(services, moderator, admin):
    refused = await watch.run(services, moderator, channel=55)
    assert refused.ok is False and "Manage Server" in refused.to_text()
    assert (await watch.run(services, admin, channel="<#55>")).ok
    assert "already watched" in (await watch.run(services, admin, channel=55)).to_text()
    assert "<#55>" in (await settings.run(services, admin)).to_text()
    assert "Stopped watching" in (await unwatch.run(services, admin, channel="55")).to_text()
    assert "was not being watched" in (await unwatch.run(services, admin, channel=55)).to_text()
    assert (await watch.run(services, admin, channel="news")).ok is False


async def test_settings_shows_configured_channels_and_needs_permission(services, member, admin):
    assert (await settings.run(services, member)).ok is False
    text = (await settings.run(services, admin, defaults={77})).to_text()
    assert "<#77>" in text and "INGEST_CHANNEL_IDS" in text


async def test_reindex_keeps_ids_and_reports_progress(services, member, admin, ids):
    assert (await reindex.run(services, member)).ok is False
    seen = []

    async def progress(done, total):
        seen.append((done, total))

    reply = await reindex.run(services, admin, progress=progress)
    assert reply.ok and "Re-read" in reply.to_text()
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == len(ids)
    assert (await stats.run(services, admin)).ok


async def test_owner_may_do_anything(services):
    owner = Scope(4242, is_owner=True)
    assert (await watch.run(services, owner, channel=9)).ok


async def test_stats_and_trending(services, member, ids):
    text = (await stats.run(services, member)).to_text()
    assert "Briefs" in text and str(len(ids)) in text
    reply = await trending.run(services, member, days=3650)
    assert reply.ok and reply.choices and reply.choices[0].command == "who"
    assert (await trending.run(services, member, days=-1)).ok is False


async def test_trending_leaves_nationalities_out(empty_store, extractor, member):
    from extract.model import Brief, Entity
    from handlers.core.context import Services

    for n in range(3):
        brief = Brief(title=f"Summit {n}", text=f"Summit {n}\n\nAmerican and Russian envoys met in Oslo.",
                      entities=[Entity("American", "NORP"), Entity("Russian", "NORP"), Entity("Oslo", "GPE")])
        await empty_store.save_brief(member.guild_id, brief, brief.text)
    reply = await trending.run(Services(store=empty_store, extractor=extractor), member, days=3650)
    text = reply.to_text()
    assert "Oslo" in text and "American" not in text and "Russian" not in text
    assert [c.label for c in reply.choices] == ["Oslo"]
