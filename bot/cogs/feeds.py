"""Feeds and alerts: `feed`, `follow`, `unfollow`, `following`, `alerts` (from the
command table). The polling and the delivery run in bot.feeds and bot.alerts."""
from __future__ import annotations

from typing import Optional

from discord.ext import commands

from bot.respond import answer, send_reply
from bot.table import table_command
from handlers import feed as feeds
from handlers.core import validate
from handlers.core.reply import Reply


class Feeds(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @table_command("feed")
    async def feed(self, ctx: commands.Context, action: str, target: Optional[str] = None):
        if action.strip().lower() == "add":
            if ctx.interaction is not None:
                await ctx.defer()  # the feed is read once before it is added
            refused = self._foreign_channel(ctx, target, lambda t: feeds.split_target(t)[1])
            if refused is not None:
                await send_reply(ctx, refused)
                return
        await answer(ctx, "feed", action=action, target=target)

    @table_command("follow")
    async def follow(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "follow", name=name)

    @table_command("unfollow")
    async def unfollow(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "unfollow", name=name)

    @table_command("following")
    async def following(self, ctx: commands.Context):
        await answer(ctx, "following")

    @table_command("alerts")
    async def alerts(self, ctx: commands.Context, mode: Optional[str] = None):
        word = (mode or "").strip().lower()
        if word and word not in ("on", "off", "dm"):
            refused = self._foreign_channel(ctx, mode, validate.channel_id)
            if refused is not None:
                await send_reply(ctx, refused)
                return
        await answer(ctx, "alerts", mode=mode)

    @staticmethod
    def _foreign_channel(ctx: commands.Context, text, channel_of) -> Reply | None:
        """A refusal when `text` names a channel that is not one of this server's
        (bad input itself is left to the handler, which explains it)."""
        try:
            channel_id = channel_of(text or "")
        except validate.BadInput:
            return None
        if channel_id is None or ctx.guild.get_channel_or_thread(channel_id) is not None:
            return None
        return Reply.error("I can't find that channel in this server.", "Name it like #news, or give its id.")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Feeds(bot))
