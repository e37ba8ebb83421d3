"""Read-only questions: who, quotes, quote, search, articles, article, trending, stats, help.

Each method only declares the slash-command signature; @table_command takes
name, help, descriptions, cooldown and autocomplete from the command table."""
from __future__ import annotations

from typing import Optional

from discord import app_commands
from discord.ext import commands

from bot.respond import answer
from bot.table import table_command

# Discord integer options; ids and counts start at 1 (the handlers check the rest).
Positive = app_commands.Range[int, 1, 2**53 - 1]


class Queries(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @table_command("who")
    async def who(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "who", name=name)

    @table_command("quotes")
    async def quotes(self, ctx: commands.Context, text: str, speaker: Optional[str] = None):
        await answer(ctx, "quotes", text=text, speaker=speaker)

    @table_command("quote")
    async def quote(self, ctx: commands.Context, id: Positive):
        await answer(ctx, "quote", id=id)

    @table_command("search")
    async def search(self, ctx: commands.Context, *, text: str):
        await answer(ctx, "search", text=text)

    @table_command("articles")
    async def articles(self, ctx: commands.Context, page: Optional[Positive] = None):
        await answer(ctx, "articles", page=page)

    @table_command("article")
    async def article(self, ctx: commands.Context, id: Positive):
        await answer(ctx, "article", id=id)

    @table_command("trending")
    async def trending(self, ctx: commands.Context, days: Optional[app_commands.Range[int, 1, 36500]] = None):
        await answer(ctx, "trending", days=days)

    @table_command("stats")
    async def stats(self, ctx: commands.Context):
        await answer(ctx, "stats")

    @table_command("help")
    async def help(self, ctx: commands.Context, command: Optional[str] = None):
        await answer(ctx, "help", command=command)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Queries(bot))
