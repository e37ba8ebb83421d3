"""Scheduled digests: every day at 09:00 UTC, each server that asked for one
(`settings digest #channel weekly|daily`) gets `digest` posted in that channel:
daily ones every day, weekly ones on Mondays (the week just ended). A digest whose
time came while the bot was down is posted once when it is back (the latest one
missed, not every one). Each slot is claimed in the store before it is posted, so
a slot is never posted twice (handlers/digest_schedule.py, store/digests.py).
Only the holder of the deployment lease posts them, for every server of the
deployment (those on other shard processes too); a process that takes the lease
over catches up on what its predecessor missed."""
from __future__ import annotations

import datetime as dt
import logging

import discord
from discord.ext import commands, tasks

from bot import scope as scopes
from bot.render import attached_files, render
from handlers import digest as digest_handler
from handlers.digest_schedule import POST_AT, due, latest_slot, schedule, slot

log = logging.getLogger(__name__)


class Digests(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    async def cog_load(self) -> None:
        self.daily.start()
        self.bot.ownership.when_taken(self.catch_up)

    async def cog_unload(self) -> None:
        self.daily.cancel()

    @tasks.loop(time=POST_AT)
    async def daily(self) -> None:
        if self.bot.store is not None:
            await self.post_digests(self.bot.store.clock_now().date())

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Logged in (at start, or again after a reconnect from scratch): post what was missed."""
        await self.catch_up()

    async def post_digests(self, today: dt.date) -> int:
        """Post every digest due `today` that is not posted yet; how many were sent."""
        return await self._each_guild(lambda setting: slot(today) if due(setting, today) else None)

    async def catch_up(self) -> int:
        """Post each server's latest digest whose time has come but which was never posted."""
        if self.bot.store is None:
            return 0
        now = self.bot.store.clock_now()
        return await self._each_guild(lambda setting: latest_slot(setting, now), missed=True)

    async def _each_guild(self, slot_of, *, missed: bool = False) -> int:
        """Post, in every server, the digest of the slot `slot_of(its setting)` gives, once.
        One server's failure never stops the others."""
        if self.bot.store is None or self.bot.stopping or not self.bot.ownership.held:
            return 0
        sent = 0
        for guild_id, setting in (await self.bot.store.guilds_with_setting("digest")).items():
            try:
                when, found = slot_of(setting), schedule(setting)
                channel = self.bot.channel_in(guild_id, found[0]) if when is not None and found else None
                # not due, or the channel (or the server) is gone; a claimed slot is never posted again
                if channel is None or not await self.bot.store.claim_digest(guild_id, when, missed=missed):
                    continue
                reply = await digest_handler.digest(self.bot.services, scopes.for_guild(guild_id, found[0]), found[1])
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
