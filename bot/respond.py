"""Sending a handler's Reply to Discord: the first page as an embed, a view for
the rest (pages, "did you mean"), privately on slash commands when it is an
error. Prefix answers reply to the command's message without pinging."""
from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot import modlog
from bot import scope as scopes
from bot.render import render
from bot.views import ConfirmView, ReplyView, needs_view
from handlers.core import commands as table
from handlers.core import dispatch
from handlers.core.reply import Choice, Reply

log = logging.getLogger(__name__)

# Arguments the front-end adds (defaults, role names) are not part of what was typed.
_TYPED: dict[str, tuple[str, ...]] = {"settings": ("name", "value")}


def is_private(reply: Reply) -> bool:
    """Errors and refusals only concern the member who asked."""
    return reply.ephemeral or not reply.ok


async def run_choice(interaction: discord.Interaction, choice: Choice) -> Reply:
    """A "did you mean" pick runs that command for the member who picked it. A
    failure of the bot raises, so the view's on_error logs it with the server and
    member and apologises privately, leaving the question there to pick again."""
    if interaction.guild_id is None:
        return Reply.error("Use this in a server.")
    services = interaction.client.services  # type: ignore[attr-defined]
    scope = await scopes.for_interaction(interaction)
    line = f"{choice.command} {choice.args}"
    reply = await dispatch.execute(services, scope, line)
    if modlog.is_change(choice.command):  # a confirmed forget, merge or hide
        await modlog.mirror(interaction.client, interaction.guild, interaction.user, line, reply)
    return reply


def view_for(reply: Reply, author_id: int) -> ReplyView | ConfirmView | None:
    if reply.confirm is not None:
        return ConfirmView(reply, author_id=author_id, run_choice=run_choice)
    return ReplyView(reply, author_id=author_id, run_choice=run_choice) if needs_view(reply) else None


async def send_reply(ctx: commands.Context, reply: Reply) -> discord.Message:
    view = view_for(reply, ctx.author.id)
    kwargs: dict = {"embed": view.embed if view else render(reply)[0]}
    if view is not None:
        kwargs["view"] = view
    if ctx.interaction is None:
        kwargs["reference"] = ctx.message.to_reference(fail_if_not_exists=False)
    else:
        kwargs["ephemeral"] = is_private(reply)
    message = await ctx.send(**kwargs)
    if view is not None:
        view.attach(message.edit)
    return message


async def send_to_interaction(interaction: discord.Interaction, reply: Reply) -> None:
    """For app-command errors that never became a command context."""
    view = view_for(reply, interaction.user.id)
    kwargs: dict = {"embed": view.embed if view else render(reply)[0], "ephemeral": is_private(reply)}
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        message = await interaction.followup.send(wait=True, **kwargs)
        editor = message.edit
    else:
        await interaction.response.send_message(**kwargs)
        editor = interaction.edit_original_response
    if view is not None:
        view.attach(editor)


async def send_to_message(message: discord.Message, reply: Reply) -> discord.Message | None:
    """A short answer under a posted brief (ingestion); None if it could not be sent."""
    try:
        return await message.channel.send(embed=render(reply)[0],
                                          reference=message.to_reference(fail_if_not_exists=False))
    except discord.HTTPException as exc:  # no Send Messages here, or the channel is gone
        log.warning("could not answer message %s in channel %s: %s", message.id, message.channel.id, exc)
        return None


async def answer(ctx: commands.Context, name: str, /, **args) -> Reply:
    """Run the table command `name` for this context and send its reply.
    Failures of the bot itself propagate to the error handler."""
    scope = await scopes.for_context(ctx)
    reply = await table.BY_NAME[name].handler()(ctx.bot.services, scope, **args)
    await send_reply(ctx, reply)
    if modlog.is_change(name):
        typed = _TYPED.get(name)
        shown = " ".join(str(v) for k, v in args.items() if v is not None and (typed is None or k in typed))
        await modlog.mirror(ctx.bot, ctx.guild, ctx.author, f"{name} {shown}".strip(), reply)
    return reply
