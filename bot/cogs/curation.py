"""Moderators' tools: corrections (merge, unmerge/split, rename, retype, hide,
unhide, attribute, corrections, uncorrect), restoring forgotten briefs (restore,
undo) and the audit log (changes). Names, help, permissions and arguments come
from the command table; the handlers do the work."""
from __future__ import annotations

from typing import Optional

from discord.ext import commands

from bot.cogs.queries import Positive
from bot.respond import answer
from bot.table import table_command


class Curation(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @table_command("merge")
    async def merge(self, ctx: commands.Context, name: str, into: str):
        await answer(ctx, "merge", name=name, into=into)

    @table_command("unmerge")
    async def unmerge(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "unmerge", name=name)

    @table_command("split")
    async def split(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "split", name=name)

    @table_command("rename")
    async def rename(self, ctx: commands.Context, name: str, to: str):
        await answer(ctx, "rename", name=name, to=to)

    @table_command("retype")
    async def retype(self, ctx: commands.Context, name: str, type: str):
        await answer(ctx, "retype", name=name, type=type)

    @table_command("hide")
    async def hide(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "hide", name=name)

    @table_command("unhide")
    async def unhide(self, ctx: commands.Context, *, name: str):
        await answer(ctx, "unhide", name=name)

    @table_command("attribute")
    async def attribute(self, ctx: commands.Context, statement: str, speaker: str):
        await answer(ctx, "attribute", statement=statement, speaker=speaker)

    @table_command("corrections")
    async def corrections(self, ctx: commands.Context, page: Optional[Positive] = None):
        await answer(ctx, "corrections", page=page)

    @table_command("uncorrect")
    async def uncorrect(self, ctx: commands.Context, id: Positive):
        await answer(ctx, "uncorrect", id=id)

    @table_command("restore")
    async def restore(self, ctx: commands.Context, id: Optional[Positive] = None):
        await answer(ctx, "restore", id=id)

    @table_command("undo")
    async def undo(self, ctx: commands.Context):
        await answer(ctx, "undo")

    @table_command("changes")
    async def changes(self, ctx: commands.Context, page: Optional[Positive] = None):
        await answer(ctx, "changes", page=page)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Curation(bot))
