"""Friendly answers for every way a command can go wrong, on both paths."""
from __future__ import annotations

import logging

import discord
import pytest
from discord.ext import commands

from bot.cogs.errors import NOT_IN_DMS, reply_for, unwrap
from bot.table import NotPermitted, TableInputError
from handlers.core import commands as table
from handlers.core.reply import Reply
from simworld import SIMCORD
from handlers.core import complete
from simworld import SIMCORD, SMITHS, save

pytestmark = SIMCORD


def bot_replies(world, channel):
    return [m for m in channel.history() if m.author.id == world.bot.user.id]


@pytest.mark.bot_settings(cooldown_rate=2, cooldown_per=60.0)
async def test_a_burst_of_questions_meets_a_friendly_cooldown(world):
    for _ in range(2):
        ok = await world.alice.send(world.general, "!stats")
        assert world.replies_to(ok)[0].embeds[0].colour != discord.Colour.red()
    third = await world.alice.send(world.general, "!stats")
    embed = world.replies_to(third)[0].embeds[0]
    assert embed.title == "Slow down a little." and "ask again in" in embed.description
    slash = await world.alice.slash(world.general, "who", name="Hegseth")
    assert slash.ephemeral and slash.response.embeds[0].title == "Slow down a little."
    # Another member is not slowed down by alice.
    other = await world.bob.send(world.general, "!stats")
    assert world.replies_to(other)[0].embeds[0].title != "Slow down a little."
    assert {type(e) for e in world.env.errors} == {commands.CommandOnCooldown}


async def test_an_unknown_command_suggests_the_nearest_and_can_run_it(world):
    typo = await world.alice.send(world.general, "!hwo Hegseth")
    [answer] = world.replies_to(typo)
    assert answer.embeds[0].title == "I don't know the command `hwo`."
    assert "Did you mean `!who`?" in answer.embeds[0].description
    await world.alice.select(answer, ["0"])
    assert world.fresh(answer).embeds[0].title.startswith("No one called “Hegseth”")

    before = len(bot_replies(world, world.general))
    await world.alice.send(world.general, "!!! wow")
    assert len(bot_replies(world, world.general)) == before  # exclamations are not commands


async def test_missing_or_bad_arguments_get_the_usage(world):
    missing = await world.alice.send(world.general, "!who")
    embed = world.replies_to(missing)[0].embeds[0]
    assert embed.title.startswith("`who` needs <name>") and "Usage: `!who <name>`" in embed.description

    bad = await world.alice.send(world.general, "!article twelve")
    embed = world.replies_to(bad)[0].embeds[0]
    assert embed.title == "The id must be a whole number, like 12."
    assert "Usage: `!article <id>`" in embed.description

    unknown = await world.alice.send(world.general, "!article 99")
    assert "99" in world.replies_to(unknown)[0].embeds[0].title
    assert [type(e) for e in world.env.errors] == [TableInputError, TableInputError]


async def test_a_failure_of_the_bot_is_logged_and_apologised_for(world, monkeypatch, caplog):
    async def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(world.store, "stats", broken)
    with caplog.at_level(logging.ERROR, logger="bot.cogs.errors"):
        typed = await world.alice.send(world.general, "!stats")
        slash = await world.bob.slash(world.general, "stats")
    embed = world.replies_to(typed)[0].embeds[0]
    assert embed.title == "Sorry, something went wrong on my side."
    assert "disk on fire" not in str(embed.to_dict())  # no internals for members
    assert slash.ephemeral and slash.response.embeds[0].title == embed.title
    logged = [r for r in caplog.records if "command 'stats' failed" in r.getMessage()]
    assert len(logged) == 2 and f"user {world.alice.id}" in logged[0].getMessage()
    assert all(r.exc_info and "disk on fire" in str(r.exc_info[1]) for r in logged)
    assert [str(unwrap(e)) for e in world.env.errors] == ["disk on fire", "disk on fire"]


def test_error_replies_without_discord():
    assert reply_for(commands.NoPrivateMessage()) is NOT_IN_DMS
    refused = reply_for(NotPermitted(table.BY_NAME["reindex"]))
    assert not refused.ok and "Manage Server" in refused.pages[0].title
    custom = Reply.error("Nope.")
    assert reply_for(commands.CommandInvokeError(TableInputError(custom))) is custom
    assert reply_for(commands.CommandInvokeError(RuntimeError("bug"))) is None
    cooldown = reply_for(commands.CommandOnCooldown(commands.Cooldown(1, 10), 4.2, commands.BucketType.member))
    assert cooldown.pages[0].description == "You can ask again in 4 seconds."


async def test_commands_in_direct_messages_point_to_a_server(world):
    await world.alice.user.send_dm("!who Hegseth")
    dm = world.alice.user.dm_channel
    [answer] = [m for m in dm.history() if m.author.id == world.bot.user.id]
    assert answer.embeds[0].title == "Use this in a server."
    assert [type(e) for e in world.env.errors] == [commands.NoPrivateMessage]
    assert "who" not in world.alice.user.available_commands()  # slash commands are server-only


def test_discord_py_argument_errors_get_the_table_usage():
    import inspect

    from discord.ext.commands.parameters import Parameter

    async def callback(ctx):
        pass

    who = commands.Command(callback, name="who")
    missing = commands.MissingRequiredArgument(Parameter("name", inspect.Parameter.KEYWORD_ONLY))
    reply = reply_for(missing, command=who, prefix="?")
    assert reply.pages[0].title == "`who` needs <name>."
    assert "Usage: `?who <name>`" in reply.pages[0].description


# ---- Failures away from the command path still reach the member as a short apology and the log
# with context: a "did you mean" pick that breaks, and autocomplete that breaks (no suggestions,
# never an error on screen).
async def test_a_broken_pick_is_apologised_for_privately_and_logged(world, monkeypatch, caplog):
    await save(world.store, world.guild.id, SMITHS)
    asked = await world.alice.send(world.general, "!who Smith")
    [answer] = world.replies_to(asked)
    [menu] = [c for row in answer.components for c in row.children if isinstance(c, discord.SelectMenu)]

    async def broken(*args, **kwargs):
        raise RuntimeError("index on fire")

    monkeypatch.setattr(world.store, "exact_entities", broken)  # the first lookup a pick makes
    with caplog.at_level(logging.ERROR, logger="bot.views"):
        picked = await world.alice.select(answer, [menu.options[0].value])
    assert picked.ephemeral
    assert picked.response.content.startswith("Sorry, something went wrong on my side. The error has been logged")
    assert "index on fire" not in picked.response.content
    # The question stays, with its menu, to pick again.
    assert world.fresh(answer).embeds[0].title.startswith("Several matches")
    monkeypatch.undo()
    await world.alice.select(answer, [menu.options[0].value])
    assert world.fresh(answer).embeds[0].title in ("John Smith", "Jane Smith")
    [logged] = [r for r in caplog.records if "failed" in r.getMessage()]
    assert f"guild {world.guild.id}, user {world.alice.id}" in logged.getMessage()
    assert str(logged.exc_info[1]) == "index on fire"
    assert [str(e) for e in world.env.errors] == ["index on fire"]


async def test_broken_autocomplete_offers_nothing_and_is_logged(world, monkeypatch, caplog):
    await save(world.store, world.guild.id, SMITHS)
    assert "John Smith" in [c["name"] for c in await world.alice.autocomplete(world.general, "who", "name", "Joh")]

    async def broken(*args, **kwargs):
        raise RuntimeError("fuzzy index gone")

    monkeypatch.setattr(complete, "entity_names", broken)
    with caplog.at_level(logging.ERROR, logger="bot.table"):
        choices = await world.alice.autocomplete(world.general, "who", "name", "Joh")
    assert choices == []
    assert any("autocomplete failed" in r.getMessage() and "Joh" in r.getMessage() for r in caplog.records)
    # The command itself still runs once the member presses enter.
    monkeypatch.undo()
    ran = await world.alice.slash(world.general, "who", name="John Smith")
    assert ran.response.embeds[0].title == "John Smith"
