"""A restart keeps what the bot knows: watched channels, briefs, commands."""
from __future__ import annotations

from bot.app import create_bot
from simworld import NOISY_BRIEF, SHORT_BRIEF, SIMCORD

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
