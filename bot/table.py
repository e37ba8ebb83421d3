"""Discord commands built from the command table (handlers.core.commands).

`@table_command("who")` turns a cog method into a hybrid command (`!who` and
`/who`) whose name, help, option descriptions, permission and cooldown all
come from the table entry, so the table stays the one source of truth. The
method only declares the typed signature slash commands need; the decorator
refuses a signature whose arguments differ from the table's.

Prefix invocations are parsed by handlers.core.dispatch, the same grammar the
console uses (`!quotes threat by Hegseth`, `!article #12`), rather than by
discord.py's converters; slash invocations get typed options.
"""
from __future__ import annotations

import inspect
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot import scope as scopes
from handlers.core import commands as table
from handlers.core import complete, dispatch
from handlers.core.context import Scope
from handlers.core.guard import permitted
from handlers.help import usage
from handlers.core.limits import clip
from handlers.core.reply import Reply

log = logging.getLogger(__name__)

DESCRIPTION = 100  # Discord's limit for command and option descriptions
# The Discord permission behind each table permission (hides the slash command
# from members without it, until a server admin changes that).
DEFAULT_PERMISSIONS = {"manage_messages": "manage_messages", "manage_guild": "manage_guild"}


class TableInputError(commands.UserInputError):
    """A prefix command's arguments did not parse; `reply` says why, with usage."""

    def __init__(self, reply: Reply):
        super().__init__(reply.pages[0].title if reply.pages else "bad input")
        self.reply = reply


class NotPermitted(commands.CheckFailure):
    """The member lacks the permission the table asks for."""

    def __init__(self, entry: table.Command):
        super().__init__(f"{entry.name} needs {entry.permission}")
        self.entry = entry


class TableCommand(commands.HybridCommand):
    """A hybrid command that knows its table entry."""

    def __init__(self, func, /, *, entry: table.Command, **kwargs):
        self.entry = entry
        super().__init__(func, name=entry.name, description=clip(entry.help, DESCRIPTION), help=entry.help,
                         **kwargs)

    async def _parse_arguments(self, ctx: commands.Context) -> None:
        if ctx.interaction is not None:
            return await super()._parse_arguments(ctx)
        ctx.args = [ctx] if self.cog is None else [self.cog, ctx]
        raw = ctx.view.read_rest().strip()
        prefix = ctx.bot.settings.command_prefix
        call = dispatch.parse(f"{self.name} {raw}", prefix)
        if isinstance(call, Reply):
            raise TableInputError(self._with_usage(call, prefix))
        ctx.kwargs = dict(call.args)

    def _with_usage(self, reply: Reply, prefix: str) -> Reply:
        """Every complaint about arguments ends with how the command is typed."""
        page = reply.pages[0]
        if "Usage:" not in page.description:
            page.description = (page.description + "\n" if page.description else "") \
                + f"Usage: `{usage(self.entry, prefix)}`"
        return reply


def permission_check(entry: table.Command):
    """The table's permission, on prefix and slash alike; owners may run everything."""

    async def predicate(ctx: commands.Context) -> bool:
        if entry.permission is None:
            return True
        if ctx.guild is None:  # discord.py may order this check before guild_only
            raise commands.NoPrivateMessage()
        if permitted(entry.permission, await scopes.for_context(ctx)):
            return True
        raise NotPermitted(entry)

    return commands.check(predicate)


def query_cooldown(ctx: commands.Context) -> commands.Cooldown | None:
    """Per-member cooldown for read-only queries, from settings (rate 0: none)."""
    settings = ctx.bot.settings
    if settings.cooldown_rate <= 0:
        return None
    return commands.Cooldown(settings.cooldown_rate, settings.cooldown_per)


def query_cooldowns() -> commands.DynamicCooldownMapping:
    """One mapping per bot, shared by every query command: alternating `who`,
    `quotes` and `search` counts as one burst."""
    return commands.DynamicCooldownMapping(query_cooldown, commands.BucketType.member)


async def _cooldown_predicate(ctx: commands.Context) -> bool:
    bucket = ctx.bot.query_cooldowns.get_bucket(ctx)
    if bucket is not None:
        retry_after = bucket.update_rate_limit()
        if retry_after:
            raise commands.CommandOnCooldown(bucket, retry_after, commands.BucketType.member)
    return True


cooldown_check = commands.check(_cooldown_predicate)


async def complete_entity(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete for entity options: names in this server's index. Runs on
    every keystroke, so failures give no suggestions instead of an error."""
    services = getattr(interaction.client, "services", None)
    if interaction.guild_id is None or services is None:
        return []
    try:
        names = await complete.entity_names(services, Scope(guild_id=interaction.guild_id), current or "")
    except Exception:
        log.exception("autocomplete failed (guild %s, typed %r)", interaction.guild_id, (current or "")[:50])
        return []
    return [app_commands.Choice(name=n, value=n) for n in names[:25]]


def _check_signature(func, entry: table.Command, extra: dict[str, str]) -> None:
    params = [p for p in inspect.signature(func).parameters][2:]  # after self and ctx
    expected = [a.name for a in entry.args] + list(extra)
    if params != expected:
        raise TypeError(f"{func.__qualname__} takes {params}, but the command table gives `{entry.name}` "
                        f"the arguments {expected}")


def table_command(name: str, *, extra: dict[str, str] | None = None):
    """Decorate `async def method(self, ctx, <table args...>, <extra...>)`.

    `extra` adds slash-only options (name -> description) that the table does
    not list, such as `/ingest file:`."""
    entry = table.BY_NAME[name]
    extra = dict(extra or {})

    def decorate(func) -> TableCommand:
        _check_signature(func, entry, extra)
        descriptions = {a.name: clip(a.description, DESCRIPTION) for a in entry.args}
        descriptions.update({k: clip(v, DESCRIPTION) for k, v in extra.items()})
        if descriptions:
            func = app_commands.describe(**descriptions)(func)
        entity_args = {a.name: complete_entity for a in entry.args if a.kind == "entity"}
        if entity_args:
            func = app_commands.autocomplete(**entity_args)(func)
        if entry.permission in DEFAULT_PERMISSIONS:
            func = app_commands.default_permissions(**{DEFAULT_PERMISSIONS[entry.permission]: True})(func)
        if entry.query:
            func = cooldown_check(func)
        func = permission_check(entry)(func)
        func = commands.guild_only()(func)
        # `!delete 3`, `!lookup Hegseth`: the synonyms members type first (prefix only).
        return TableCommand(func, entry=entry, aliases=[a for a, target in table.ALIASES.items() if target == name])

    return decorate
