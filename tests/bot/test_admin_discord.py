"""Server administration from Discord: permissions on both command paths,
watching channels, settings, forgetting, reindexing with progress, !sync."""
from __future__ import annotations

import pytest
from discord.ext import commands
from simcord import SetupError

from bot.table import NotPermitted
from handlers.commands import COMMANDS
from simworld import SHORT_BRIEF, SIMCORD

pytestmark = SIMCORD


async def test_watch_needs_manage_server_on_slash_and_prefix(world):
    # Discord hides the command from members without the permission...
    with pytest.raises(SetupError, match="not visible"):
        await world.alice.slash(world.general, "watch", channel=world.general)
    # ...and when a server admin shows it to everyone anyway, the bot still refuses, politely.
    [watch] = [c for c in await world.bot.tree.fetch_commands() if c.name == "watch"]
    world.guild.set_command_permissions(watch, {world.guild.default_role: True})
    refused = await world.alice.slash(world.general, "watch", channel=world.general)
    assert refused.ephemeral
    assert refused.response.embeds[0].title == "Sorry, only members with the Manage Server permission can use `watch`."

    typed = await world.alice.send(world.general, f"!watch {world.general.mention}")
    assert world.replies_to(typed)[0].embeds[0].title.startswith("Sorry, only members with the Manage Server")
    assert [type(e) for e in world.env.errors] == [NotPermitted, NotPermitted]
    assert await world.store.watched_channels(world.guild.id) == {world.news.id}


async def test_watch_and_unwatch_change_what_is_ingested(world):
    result = await world.mod.slash(world.general, "watch", channel=world.general)
    assert result.response.embeds[0].title == f"Watching <#{world.general.id}>."
    posted = await world.alice.send(world.general, SHORT_BRIEF)
    assert world.reactions(posted) == ["✅"]

    typed = await world.mod.send(world.general, f"!unwatch {world.general.mention}")
    assert world.replies_to(typed)[0].embeds[0].title == f"Stopped watching <#{world.general.id}>."
    later = await world.alice.send(world.general, SHORT_BRIEF + " More.")
    assert world.reactions(later) == []

    settings = await world.mod.slash(world.general, "settings")
    watched = settings.response.embeds[0].fields[0]
    assert watched.name == "Watched channels" and f"<#{world.news.id}>" in watched.value


async def test_a_channel_of_another_server_cannot_be_watched(world):
    other = world.env.create_guild("Elsewhere").create_text_channel("secret")
    typed = await world.mod.send(world.general, f"!watch <#{other.id}>")
    assert world.replies_to(typed)[0].embeds[0].title == "I can't find that channel in this server."
    assert world.env.errors  # acknowledged: a refused input, not a failure
    assert await world.store.watched_channels(world.guild.id) == {world.news.id}


async def test_forget_needs_manage_messages(world):
    await world.post_brief(SHORT_BRIEF)
    refused = await world.alice.send(world.general, "!forget 1")
    assert "Manage Messages" in world.replies_to(refused)[0].embeds[0].title
    assert [type(e) for e in world.env.errors] == [NotPermitted]
    done = await world.mod.send(world.general, "!forget 1")
    question = world.replies_to(done)[0]
    assert question.embeds[0].title == "Forget brief #1?"  # asks first; only the moderator may answer
    await world.mod.click(question, label="Forget")
    assert world.fresh(question).embeds[0].title == "Forgot brief #1."
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_reindex_reports_progress_in_one_message(world, seed_text):
    await world.post_brief(SHORT_BRIEF)
    await world.post_brief(files=[("message.txt", seed_text.encode())])
    before = len(world.general.history())
    result = await world.mod.slash(world.general, "reindex")
    assert result.response.embeds[0].title == "Re-read 2 briefs."
    assert len(world.general.history()) == before + 1  # progress was edited into the result

    typed = await world.mod.send(world.general, "!reindex")
    [answer] = world.replies_to(typed)
    assert answer.embeds[0].title == "Re-read 2 briefs."
    assert (await world.store.stats(world.guild.id)).briefs == 2


async def test_sync_is_for_owners(world):
    refused = await world.alice.send(world.general, "!sync here")
    assert world.replies_to(refused)[0].embeds[0].title == "Only the bot's owners can use that."
    assert [type(e) for e in world.env.errors] == [commands.NotOwner]

    world.bot.owner_id, world.bot.owner_ids = None, {world.mod.id}  # what OWNER_IDS sets
    synced = await world.mod.send(world.general, "!sync here")
    assert world.replies_to(synced)[0].embeds[0].title.startswith(f"Synced {len(COMMANDS)} slash commands in Newsroom")
