"""The Discord commands are the command table's: names, help, options,
descriptions, permissions, cooldowns, autocomplete."""
from __future__ import annotations

import discord
import pytest
from discord.ext import commands

from bot.app import EXTENSIONS, create_bot
from bot.settings import Settings
from bot.table import TableCommand, table_command
from handlers.core.commands import COMMANDS


@pytest.fixture
async def loaded(tmp_path):
    bot = create_bot(Settings(db_path=tmp_path / "db.sqlite3"))
    for name in EXTENSIONS:
        await bot.load_extension(name)
    yield bot
    await bot.close()


async def test_every_table_command_is_a_hybrid_command_described_by_the_table(loaded):
    hybrid = {c.name: c for c in loaded.commands if isinstance(c, TableCommand)}
    assert set(hybrid) == {c.name for c in COMMANDS}
    slash = {c.name: c.to_dict(loaded.tree) for c in loaded.tree.get_commands()}
    for entry in COMMANDS:
        assert hybrid[entry.name].help == entry.help
        data = slash[entry.name]
        assert data["description"] == entry.help[:100] or data["description"].endswith("…")
        options = {o["name"]: o for o in data["options"]}
        for arg in entry.args:
            assert options[arg.name]["description"] == arg.description
            assert options[arg.name]["required"] == arg.required
            assert options[arg.name].get("autocomplete", False) == (arg.kind == "entity")
        assert data["dm_permission"] is False
        wanted = {None: None, "manage_messages": discord.Permissions(manage_messages=True).value,
                  "manage_guild": discord.Permissions(manage_guild=True).value}[entry.permission]
        assert data["default_member_permissions"] == wanted
    assert slash["ingest"]["options"][1]["name"] == "file"  # a slash-only extra, for attachments
    assert loaded.help_command is None  # the table's help replaces discord.py's


def test_a_signature_that_drifts_from_the_table_is_refused():
    with pytest.raises(TypeError, match="command table"):
        @table_command("who")
        async def who(self, ctx, *, person: str):
            pass


def test_bot_never_pings_and_asks_only_for_the_intents_it_needs(tmp_path):
    bot = create_bot(Settings(db_path=tmp_path / "db.sqlite3", command_prefix="?"))
    mentions = bot.allowed_mentions
    assert (mentions.everyone, mentions.users, mentions.roles, mentions.replied_user) == (False,) * 4
    assert bot.intents.message_content and bot.intents.guild_messages and bot.intents.guilds
    assert not bot.intents.members and not bot.intents.presences
    assert isinstance(bot, commands.Bot)
