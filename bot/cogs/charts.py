"""Questions answered with a chart: timeline, compare, network, digest.

The handlers draw the PNG off the event loop; a slash command is deferred first,
since a first chart (fonts loading) can take longer than Discord waits."""
from __future__ import annotations

from typing import Optional

from discord import app_commands
from discord.ext import commands

from bot.respond import answer
from bot.table import table_command


async def _answer(ctx: commands.Context, command: str, /, **args) -> None:
    if ctx.interaction is not None:
        await ctx.defer()
    await answer(ctx, command, **args)


class Charts(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @table_command("timeline")
    async def timeline(self, ctx: commands.Context, *, name: str):
        await _answer(ctx, "timeline", name=name)

    @table_command("compare")
    async def compare(self, ctx: commands.Context, *, names: str):
        await _answer(ctx, "compare", names=names)

    @table_command("network")
    async def network(self, ctx: commands.Context, *, name: str):
        await _answer(ctx, "network", name=name)

    @table_command("digest")
    async def digest(self, ctx: commands.Context, days: Optional[app_commands.Range[int, 1, 90]] = None):
        await _answer(ctx, "digest", days=days)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Charts(bot))
