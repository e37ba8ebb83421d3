"""Mirroring moderators' changes to the server's log channel (`settings log
#channel`). The audit log in the database is the record; this is a courtesy
copy, so a failure to post is logged and otherwise ignored."""
from __future__ import annotations

import logging

import discord

from bot.render import render
from handlers.core import commands as table
from handlers.core.reply import Page, Reply

log = logging.getLogger(__name__)


def is_change(command_name: str) -> bool:
    """Commands that change the server's index or configuration (not queries, not lists)."""
    entry = table.get(command_name)
    return entry is not None and entry.permission is not None and not entry.query


async def mirror(bot, guild: discord.Guild | None, member, command_line: str, reply: Reply) -> None:
    """Post "member: command -> result" to the log channel, if the server set one."""
    if guild is None or not reply.ok or reply.confirm is not None or bot.store is None:
        return
    try:
        chosen = (await bot.store.guild_settings(guild.id)).get("log")
        channel = guild.get_channel(int(chosen)) if chosen else None
        if channel is None:
            return
        result = reply.pages[0] if reply.pages else Page(title="done")
        note = Reply.info(f"{getattr(member, 'display_name', member)}: {bot.settings.command_prefix}{command_line}",
                          f"{result.title}\n{result.description}".strip())
        await channel.send(embed=render(note)[0])
    except (discord.HTTPException, ValueError) as exc:
        log.warning("could not mirror a change to the log channel of guild %s: %s", guild.id, exc)
