"""The one place command errors end up, for prefix and slash commands alike.

A member always gets a short, friendly answer (what went wrong and how to do
it right); a failure of the bot itself is logged with the command, server and
member, and the member gets an apology, never a traceback.
"""
from __future__ import annotations

import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.respond import send_reply, send_to_interaction
from bot.table import NotPermitted, TableInputError
from handlers.core import commands as table
from handlers.core import dispatch
from handlers.core.dispatch import failure_hint, log_failure
from handlers.core.guard import refusal
from handlers.help import usage
from handlers.core.reply import Reply

log = logging.getLogger(__name__)

_COMMAND_WORD = re.compile(r"[A-Za-z][\w-]{0,31}")
NOT_IN_DMS = Reply.error("Use this in a server.",
                         "newsbrief answers from the briefs posted in the server you ask in.")
OUT_OF_DATE = Reply.error("That slash command is out of date.",
                          "Ask the bot's owner to publish the current commands with `!sync`.")


_WRAPPERS = (commands.CommandInvokeError, commands.HybridCommandError, app_commands.CommandInvokeError)


def unwrap(error: BaseException) -> BaseException:
    """The exception behind discord.py's wrappers."""
    while isinstance(error, _WRAPPERS) and getattr(error, "original", None) is not None:
        error = error.original
    return error


def usage_reply(command: commands.Command | None, prefix: str, problem: str) -> Reply:
    entry = table.get(command.name) if command is not None else None
    if entry is not None:
        example = f"\nExample: `{prefix}{entry.examples[0]}`" if entry.examples else ""
        return Reply.error(problem, f"Usage: `{usage(entry, prefix)}`{example}")
    if command is not None:
        return Reply.error(problem, f"Usage: `{prefix}{command.qualified_name} {command.signature}`".rstrip())
    return Reply.error(problem)


def cooldown_reply(retry_after: float) -> Reply:
    seconds = max(1, round(retry_after))
    return Reply.error("Slow down a little.", f"You can ask again in {seconds} second{'s' if seconds != 1 else ''}.")


def reply_for(error: BaseException, *, command: commands.Command | None = None, prefix: str = "!") -> Reply | None:
    """A friendly reply for a member's mistake or a refusal; None for a failure of the bot."""
    error = unwrap(error)
    if isinstance(error, TableInputError):
        return error.reply
    if isinstance(error, NotPermitted):
        return refusal(error.entry)
    if isinstance(error, (commands.NoPrivateMessage, app_commands.NoPrivateMessage)):
        return NOT_IN_DMS
    if isinstance(error, (commands.CommandOnCooldown, app_commands.CommandOnCooldown)):
        return cooldown_reply(error.retry_after)
    if isinstance(error, commands.NotOwner):
        return Reply.error("Only the bot's owners can use that.")
    if isinstance(error, (commands.MissingPermissions, app_commands.MissingPermissions)):
        entry = table.get(command.name) if command is not None else None
        if entry is not None and entry.permission:
            return refusal(entry)
        return Reply.error("You don't have the permissions that command needs.",
                           ", ".join(error.missing_permissions).replace("_", " ").title())
    if isinstance(error, (commands.BotMissingPermissions, app_commands.BotMissingPermissions)):
        return Reply.error("I am missing permissions here.",
                           ", ".join(error.missing_permissions).replace("_", " ").title()
                           + ". A server admin can grant them.")
    if isinstance(error, commands.MissingRequiredArgument):
        name = command.name if command else "That command"
        return usage_reply(command, prefix, f"`{name}` needs <{error.param.name}>.")
    if isinstance(error, (commands.BadArgument, commands.TooManyArguments, commands.BadUnionArgument,
                          commands.ArgumentParsingError)):
        return usage_reply(command, prefix, "I couldn't understand those arguments.")
    if isinstance(error, app_commands.TransformerError):
        return Reply.error(f"I couldn't understand `{str(error.value)[:40]}`.")
    if isinstance(error, (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)):
        return OUT_OF_DATE
    if isinstance(error, commands.DisabledCommand):
        return Reply.error("That command is switched off for now.")
    if isinstance(error, commands.MaxConcurrencyReached):
        return Reply.error("That is already running; try again when it has finished.")
    if isinstance(error, (commands.CheckFailure, app_commands.CheckFailure)):
        return Reply.error("You can't use that command here.")
    if isinstance(error, commands.UserInputError):
        return usage_reply(command, prefix, "I couldn't understand that.")
    return None


def apology(error: BaseException) -> Reply:
    return Reply.error("Sorry, something went wrong on my side.", failure_hint(unwrap(error)))  # type: ignore[arg-type]


class Errors(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        self._previous_tree_handler = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous_tree_handler

    @property
    def prefix(self) -> str:
        return self.bot.settings.command_prefix

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: commands.CommandError) -> None:
        if isinstance(error, commands.CommandNotFound):
            reply = self._unknown_command(ctx)
            if reply is None:
                return
        else:
            reply = reply_for(error, command=ctx.command, prefix=self.prefix)
        if reply is None:
            original = unwrap(error)
            log_failure(log, original, "command %r failed (guild %s, channel %s, user %s, %s)",
                        ctx.command and ctx.command.qualified_name, ctx.guild and ctx.guild.id,
                        ctx.channel and ctx.channel.id, ctx.author.id,
                        "slash" if ctx.interaction else f"message {ctx.message.id}")
            reply = apology(original)
        else:
            log.debug("command %r refused for user %s: %s", ctx.invoked_with, ctx.author.id, error)
        try:
            await send_reply(ctx, reply)
        except discord.HTTPException as exc:
            log.warning("could not send the error reply in channel %s: %s", ctx.channel and ctx.channel.id, exc)

    def _unknown_command(self, ctx: commands.Context) -> Reply | None:
        """`!hwo Hegseth` -> "Did you mean !who?" (with a menu running it). Punctuation such as
        `!!!` is conversation, not a command, and is left alone."""
        word = ctx.invoked_with or ""
        if not _COMMAND_WORD.fullmatch(word):
            return None
        parsed = dispatch.parse(f"{word} {ctx.view.read_rest()}", self.prefix)
        return parsed if isinstance(parsed, Reply) else None

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        command = interaction.command
        reply = reply_for(error, prefix=self.prefix)
        if reply is None:
            log_failure(log, unwrap(error), "slash command %r failed (guild %s, channel %s, user %s)",
                        command and command.qualified_name, interaction.guild_id, interaction.channel_id,
                        interaction.user.id)
            reply = apology(error)
        try:
            await send_to_interaction(interaction, reply)
        except discord.HTTPException as exc:
            log.warning("could not answer a failed interaction: %s", exc)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Errors(bot))
