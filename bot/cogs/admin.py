"""Server administration: forget, reindex, watch, unwatch, settings (from the
command table, with its permissions) and the owner-only `!sync`."""
from __future__ import annotations

import logging
import time
from typing import Optional

import discord
from discord.ext import commands

from bot import scope as scopes
from bot.cogs.queries import Positive
from bot.render import progress_embed, render
from bot.respond import answer, send_reply
from bot.table import TableInputError, table_command
from handlers.core import commands as table
from handlers import settings as settings_handler
from handlers.core import validate
from handlers.core.reply import Reply

log = logging.getLogger(__name__)

PROGRESS_EVERY = 2.0  # seconds between edits of the reindex message (Discord rate-limits edits)


class Admin(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @table_command("forget")
    async def forget(self, ctx: commands.Context, id: Positive):
        await answer(ctx, "forget", id=id)

    @table_command("watch")
    async def watch(self, ctx: commands.Context, channel: discord.TextChannel):
        try:
            await answer(ctx, "watch", channel=self._channel_here(ctx, channel))
        finally:  # the list may have changed even if the reply could not be sent
            self.bot.watched.forget(ctx.guild.id)

    @table_command("unwatch")
    async def unwatch(self, ctx: commands.Context, channel: discord.TextChannel):
        try:
            await answer(ctx, "unwatch", channel=self._channel_here(ctx, channel))
        finally:
            self.bot.watched.forget(ctx.guild.id)

    @table_command("settings")
    async def settings(self, ctx: commands.Context, name: Optional[str] = None, value: Optional[str] = None):
        if name and value and name.strip().casefold() in ("log", "role", "optin"):
            self._check_belongs(ctx, name.strip().casefold(), value)
        await answer(ctx, "settings", name=name, value=value, defaults=self.bot.settings.ingest_channel_ids,
                     role_names={r.id: r.name for r in ctx.guild.roles})

    @table_command("reindex")
    async def reindex(self, ctx: commands.Context):
        if ctx.interaction is not None:
            await ctx.defer()  # re-reading takes longer than Discord waits for a first answer
        status: discord.Message | None = None
        last_edit = 0.0

        async def progress(done: int, total: int) -> None:
            nonlocal status, last_edit
            now = time.monotonic()
            if status is None:
                status = await ctx.send(embed=progress_embed(done, total), **_reply_to(ctx))
                last_edit = now
            elif done == total or now - last_edit >= PROGRESS_EVERY:
                await status.edit(embed=progress_embed(done, total))
                last_edit = now

        scope = await scopes.for_context(ctx)
        async with self.bot.inflight.track():
            reply = await table.BY_NAME["reindex"].handler()(self.bot.services, scope, progress=progress)
        if status is None:
            await send_reply(ctx, reply)
        else:
            await status.edit(embed=render(reply)[0])

    @commands.command(name="sync", hidden=True,
                      help="Bot owners: publish the slash commands. `sync` everywhere, `sync here` in this "
                           "server at once, `sync SERVER_ID` in another server.")
    @commands.is_owner()
    async def sync(self, ctx: commands.Context, target: Optional[str] = None):
        tree = self.bot.tree
        if target is None:
            synced = await tree.sync()
            where = "everywhere (Discord can take a minute to show them)"
        else:
            guild = ctx.guild if target.lower() == "here" else (
                self.bot.get_guild(int(target)) if target.isdigit() else None)
            if guild is None:
                await send_reply(ctx, Reply.error(f"I am not in a server `{validate.clip_echo(target, 30)}`.",
                                                  "Use `sync`, `sync here` or `sync SERVER_ID`."))
                return
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            where = f"in {guild.name}"
        log.info("%s synced %d commands %s", ctx.author, len(synced), where)
        await send_reply(ctx, Reply.info(f"Synced {len(synced)} slash commands {where}."))

    @staticmethod
    def _check_belongs(ctx: commands.Context, name: str, value: str) -> None:
        """A channel or role given to `settings` must be one of this server's."""
        try:
            stored = settings_handler.parse_value(name, value)
        except validate.BadInput:
            return  # the handler explains
        if stored is None:
            return
        found = (ctx.guild.get_channel_or_thread(int(stored)) if name == "log" else ctx.guild.get_role(int(stored)))
        if found is None:
            what = "channel" if name == "log" else "role"
            raise TableInputError(Reply.error(f"I can't find that {what} in this server.",
                                              f"Name it like {'#mod-log' if name == 'log' else '@Reporters'}."))

    @staticmethod
    def _channel_here(ctx: commands.Context, channel) -> discord.abc.GuildChannel:
        """A prefix command names a channel as text (`#news`, an id): it must be one of this server's."""
        if isinstance(channel, discord.abc.GuildChannel):
            return channel
        try:
            channel_id = validate.channel_id(channel)
        except validate.BadInput as exc:
            raise TableInputError(exc.reply()) from None
        found = ctx.guild.get_channel_or_thread(channel_id)
        if found is None:
            raise TableInputError(Reply.error("I can't find that channel in this server.",
                                              "Name it like #news, or give its id."))
        return found


def _reply_to(ctx: commands.Context) -> dict:
    return {} if ctx.interaction is not None else {"reference": ctx.message.to_reference(fail_if_not_exists=False)}


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Admin(bot))
