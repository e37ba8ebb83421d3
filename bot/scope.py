"""Who is asking and where, as a handlers.core.context.Scope, from whatever Discord
gives us: a command context (prefix or slash), a bare interaction (a menu
pick) or a message (a brief posted in a watched channel)."""
from __future__ import annotations

import discord
from discord.ext import commands

from handlers.core.context import Scope


def _scope(guild_id: int, user, channel_id: int | None, perms: discord.Permissions, is_owner: bool,
           asks_first: bool = False) -> Scope:
    return Scope(guild_id=guild_id, user_id=user.id, channel_id=channel_id,
                 can_manage_messages=perms.manage_messages or perms.administrator,
                 can_manage_guild=perms.manage_guild or perms.administrator, is_owner=is_owner,
                 asks_first=asks_first)


async def is_owner(bot: commands.Bot, user) -> bool:
    try:
        return await bot.is_owner(user)
    except discord.HTTPException:  # application info unavailable: nobody is an owner
        return False


async def for_context(ctx: commands.Context) -> Scope:
    """Scope of a command; callers have already checked it runs in a guild."""
    assert ctx.guild is not None
    # ctx.permissions is the channel's permissions for a prefix command and
    # the interaction's resolved permissions for a slash command.
    # A typed command that removes data asks first; the Confirm button runs it (for_interaction).
    return _scope(ctx.guild.id, ctx.author, ctx.channel.id if ctx.channel else None, ctx.permissions,
                  await is_owner(ctx.bot, ctx.author), asks_first=True)


async def for_interaction(interaction: discord.Interaction) -> Scope:
    assert interaction.guild_id is not None
    return _scope(interaction.guild_id, interaction.user, interaction.channel_id, interaction.permissions,
                  await is_owner(interaction.client, interaction.user))  # type: ignore[arg-type]


def for_message(message: discord.Message) -> Scope:
    """The author of a brief; ingestion needs no permissions, so none are looked up."""
    assert message.guild is not None
    return Scope(guild_id=message.guild.id, user_id=message.author.id, channel_id=message.channel.id)


def for_guild(guild_id: int, channel_id: int | None = None, user_id: int | None = None) -> Scope:
    """Edits and deletions arrive as raw events with ids only."""
    return Scope(guild_id=guild_id, user_id=user_id, channel_id=channel_id)
