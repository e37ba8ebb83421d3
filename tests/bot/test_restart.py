"""A restart keeps what the bot knows: watched channels, briefs, commands."""
from __future__ import annotations

from bot.app import create_bot
from simworld import NOISY_BRIEF, SHORT_BRIEF, SIMCORD
import pytest
from simworld import NOISY_BRIEF, SHORT_BRIEF, SIMCORD, handmade, save

pytestmark = SIMCORD


async def test_restart_keeps_watched_channels_and_commands_without_ingesting_twice(world):
    first = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(first) == ["✅"]
    await world.env.restart_bot()

    again = await world.post_brief(SHORT_BRIEF, who=world.bob)
    assert world.reactions(again) == ["♻️"]
    new = await world.post_brief(NOISY_BRIEF)
    assert world.reactions(new) == ["✅"]
    assert len(world.replies_to(new)) == 1  # one listener, one answer
    assert (await world.store.stats(world.guild.id)).briefs == 2

    asked = await world.alice.send(world.general, "!who Lopez")
    assert world.replies_to(asked)[0].embeds[0].title == "Maria Lopez"
    slash = await world.alice.slash(world.general, "quotes", text="investment")
    assert "biggest investment" in slash.response.embeds[0].description


async def test_a_new_process_on_the_same_database(world, bot_settings, extractor):
    first = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(first) == ["✅"]
    await world.bot.close()
    fresh = create_bot(bot_settings, extractor=extractor)
    try:
        await world.env.restart_bot(fresh)
        world.bot = fresh
        again = await world.post_brief(SHORT_BRIEF, who=world.bob)
        assert world.reactions(again) == ["♻️"]
        asked = await world.alice.send(world.general, "!who Maria Lopez")
        assert world.replies_to(asked)[0].embeds[0].title == "Maria Lopez"
    finally:
        await fresh.close()


# ---- The connection dropped and resumed (simcord logs the same bot in again): pages already on
# screen keep turning, a brief posted before can still be edited and deleted, channel changes made
# before hold, and slash commands published once keep working without another sync.
async def test_pages_on_screen_keep_turning_after_a_resume(world):
    for n in range(10):
        await save(world.store, world.guild.id, handmade(f"Council notice number {n}", f"Notice {n} text."))
    asked = await world.alice.send(world.general, "!articles")
    [answer] = world.replies_to(asked)
    await world.env.restart_bot()

    await world.alice.click(answer, label="Next")
    assert world.fresh(answer).embeds[0].title == "Briefs, page 2"
    refused = await world.bob.click(answer, label="First")
    assert refused.ephemeral and "belong to the member who asked" in refused.response.content


async def test_edits_deletions_and_channel_changes_survive_a_resume(world):
    await world.mod.send(world.general, f"!watch {world.general.mention}")
    posted = await world.alice.send(world.general, SHORT_BRIEF)
    assert world.reactions(posted) == ["✅"]
    await world.mod.send(world.general, f"!unwatch {world.news.mention}")
    await world.env.restart_bot()

    await world.alice.edit(posted, SHORT_BRIEF + " Harbour master Tom Reed said: \"The ferries will run on time.\"")
    assert world.replies_to(posted)[-1].embeds[0].title == "Updated #1"
    assert (await world.store.stats(world.guild.id)).briefs == 1

    ignored = await world.post_brief(NOISY_BRIEF)  # news is no longer watched
    assert world.reactions(ignored) == []
    taken = await world.alice.send(world.general, NOISY_BRIEF)
    assert world.reactions(taken) == ["✅"] and len(world.replies_to(taken)) == 1
    assert world.replies_to(taken)[0].embeds[0].title == "Indexed as #2"

    await world.alice.delete(posted)
    assert await world.store.brief_id_for_message(world.guild.id, posted.id) is None
    assert (await world.store.stats(world.guild.id)).briefs == 1


@pytest.mark.bot_settings(sync_commands_on_start=False)
async def test_commands_published_once_work_after_a_resume_without_another_sync(world):
    world.bot.owner_id, world.bot.owner_ids = None, {world.mod.id}
    await world.mod.send(world.general, "!sync")
    await world.post_brief(SHORT_BRIEF)
    syncs = [r for r in world.env.http_requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(syncs) == 1

    await world.env.restart_bot()
    result = await world.alice.slash(world.general, "quotes", text="investment")
    assert "biggest investment" in result.response.embeds[0].description
    choices = await world.alice.autocomplete(world.general, "who", "name", "Lop")
    assert "Maria Lopez" in [c["name"] for c in choices]
    assert [r for r in world.env.http_requests if r.method == "PUT" and r.path.endswith("/commands")] == syncs


# ---- A scheduled digest whose time came while the bot was down is posted once when it is back.
async def test_a_digest_missed_while_down_is_posted_once_after_a_restart(world):
    import datetime as dt

    def digests_in_news():
        return [m for m in world.news.history() if m.author.id == world.bot.user.id and m.embeds
                and m.embeds[0].title.startswith(("This server's news", "No briefs published"))]

    thursday = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
    clock = {"now": thursday}
    world.store._clock = lambda: clock["now"]  # the store's clock: what "now" is for the schedule
    await world.post_brief(SHORT_BRIEF)
    await world.mod.send(world.general, f"!settings digest {world.news.mention} weekly")
    await world.env.restart_bot()
    assert digests_in_news() == []  # Monday 29 December came before the setting: nothing is owed

    clock["now"] = dt.datetime(2026, 1, 6, 15, tzinfo=dt.timezone.utc)  # down over Monday 5 January, 09:00
    await world.env.restart_bot()
    assert len(digests_in_news()) == 1
    await world.env.restart_bot()  # started again the same week: not twice
    digests = world.bot.get_cog("Digests")
    assert await digests.post_digests(dt.date(2026, 1, 5)) == 0  # nor by the daily round for that Monday
    assert len(digests_in_news()) == 1
    clock["now"] = dt.datetime(2026, 1, 12, 9, 0, 5, tzinfo=dt.timezone.utc)
    assert await digests.post_digests(dt.date(2026, 1, 12)) == 1  # the next Monday's comes as usual
    assert len(digests_in_news()) == 2


async def test_a_digest_set_before_slots_were_recorded_is_not_sent_twice_after_an_upgrade(world):
    """A setting an older version stored (no slot recorded): the Monday that passed may have had its
    digest already, so a restart sends none; the next Monday's is posted as usual."""
    import datetime as dt

    clock = {"now": dt.datetime(2026, 1, 6, 15, tzinfo=dt.timezone.utc)}
    world.store._clock = lambda: clock["now"]
    await world.store.set_guild_setting(world.guild.id, "digest", f"{world.news.id} weekly")
    await world.env.restart_bot()
    digests = world.bot.get_cog("Digests")
    assert await digests.catch_up() == 0
    clock["now"] = dt.datetime(2026, 1, 13, 15, tzinfo=dt.timezone.utc)  # down over Monday 12 January
    assert await digests.catch_up() == 1
