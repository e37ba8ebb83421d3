"""Scheduled digests: every day at 09:00 UTC, each server that asked for one
(`settings digest #channel weekly|daily`) gets `digest` posted in that channel:
daily ones every day, weekly ones on Mondays (the week just ended)."""
from __future__ import annotations

import datetime as dt
import logging

import discord
from discord.ext import commands, tasks

from bot import scope as scopes
from bot.render import attached_files, render
from handlers import digest as digest_handler
from handlers.settings import DIGEST_PERIODS

log = logging.getLogger(__name__)

POST_AT = dt.time(9, 0, tzinfo=dt.timezone.utc)


def due(setting: str | None, today: dt.date) -> tuple[int, int] | None:
    """(channel id, days covered) when a server's digest setting says to post on `today`."""
    if not setting:
        return None
    channel, _, period = setting.partition(" ")
    days = DIGEST_PERIODS.get(period)
    if days is None or not channel.isdigit() or (days == 7 and today.weekday() != 0):
        return None
    return int(channel), days


class Digests(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    async def cog_load(self) -> None:
        self.daily.start()

    async def cog_unload(self) -> None:
        self.daily.cancel()

    @tasks.loop(time=POST_AT)
    async def daily(self) -> None:
        await self.post_digests(dt.datetime.now(dt.timezone.utc).date())

    async def post_digests(self, today: dt.date) -> int:
        """Post every digest due `today`; how many were sent. One server's failure never stops the others.
        Only the holder of the deployment lease posts them, for every server of the deployment (those
        on other shard processes too), so each server gets its digest once."""
        if self.bot.store is None or self.bot.stopping or not self.bot.ownership.held:
            return 0
        sent = 0
        for guild_id, setting in (await self.bot.store.guilds_with_setting("digest")).items():
            try:
                when = due(setting, today)
                channel = self.bot.channel_in(guild_id, when[0]) if when else None
                if channel is None:  # not today, or the channel (or the server) is gone
                    continue
                reply = await digest_handler.digest(self.bot.services, scopes.for_guild(guild_id, when[0]), when[1])
                files = {"files": attached_files(reply)} if reply.attachment is not None else {}
                await channel.send(embed=render(reply)[0], allowed_mentions=discord.AllowedMentions.none(), **files)
                sent += 1
            except discord.HTTPException as exc:  # the bot was removed from the channel or the server
                log.warning("the scheduled digest of guild %s could not be posted: %s", guild_id, exc)
            except Exception:
                log.exception("the scheduled digest of guild %s failed", guild_id)
        return sent


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Digests(bot))
