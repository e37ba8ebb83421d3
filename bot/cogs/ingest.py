"""Briefs coming in: every message in a watched channel (its text, an attached
.txt/.md/.html file, or a lone link to a news page), edits and deletions of
those messages, and the `ingest` command.

Each posted brief gets a reaction (✅ indexed, ♻️ already indexed, ❌ not
indexed) and a short reply saying what happened or why not (none in a server
that chose `settings quiet on`, unless it was refused); an edit updates that
reply. A server may let only members with a role post briefs (`settings role`)
and let members with a role index any message by reacting with 📰 (`settings optin`).
"""
from __future__ import annotations

import contextlib
import logging
from typing import Optional

import discord
from discord.ext import commands

from bot import attachments
from bot import scope as scopes
from bot.render import render
from bot.respond import send_reply, send_to_message
from bot.table import table_command
from handlers import ingest as ingesting
from handlers.core.dispatch import failure_hint, log_failure
from handlers.ingest import IngestOutcome
from handlers.linkpost import commented_link
from store.records import Provenance

log = logging.getLogger(__name__)

REACTIONS = {"indexed": "✅", "updated": "✅", "duplicate": "♻️", "rejected": "❌"}
OPT_IN = "📰"
EARLIER_REPLY_WINDOW = 50  # messages after a brief searched for the bot's reply to it


class Ingest(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    # ---- messages in watched channels ----------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if not await self._is_brief(message):
            return
        scope = scopes.for_message(message)
        provenance = _provenance(message)
        async with self.bot.inflight.track():
            try:
                outcome = await self._ingest_message(scope, message, provenance)
            except Exception as exc:
                await self._failed(message, exc, "indexing")
                return
        if outcome is None:
            return
        log.info("brief from message %s in guild %s: %s", message.id, scope.guild_id, outcome.reason or outcome.status)
        await self._acknowledge(message, outcome)

    async def _is_brief(self, message: discord.Message) -> bool:
        if message.author.bot or message.guild is None or self.bot.stopping or self.bot.watched is None:
            return False
        if message.type is not discord.MessageType.default or message.reference is not None:
            return False  # joins, pins, replies and forwards: conversation, not briefs
        if not await self.bot.watched.contains(message.guild.id, message.channel.id):
            return False
        if await self._is_command(message):
            return False
        return _has_role(message.author, message.guild, (await self._chosen(message.guild.id)).get("role"))

    async def _chosen(self, guild_id: int) -> dict[str, str]:
        """The server's own settings (quiet, role, optin, log)."""
        return await self.bot.store.guild_settings(guild_id)

    async def _is_command(self, message: discord.Message) -> bool:
        """Commands typed in a watched channel are commands, not briefs."""
        prefixes = await self.bot.get_prefix(message)
        prefixes = (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)
        return (message.content or "").startswith(prefixes)

    async def _ingest_message(self, scope, message: discord.Message, provenance: Provenance,
                              chosen: bool = False) -> IngestOutcome | None:
        """`chosen`: a member asked for this message (📰), so a short one is read too."""
        services = self.bot.services
        file = attachments.brief_file(message.attachments)
        if file is not None:
            return await attachments.ingest_attachment(services, scope, file, provenance)
        text = message.content.strip()
        if not text:
            refused = attachments.refused_file(message.attachments)
            if refused is not None:
                return await attachments.ingest_attachment(services, scope, refused, provenance)
            return None  # a picture, a sticker: not a brief, nothing to say
        link = ingesting.link_in(text) or commented_link(text, services.min_brief_words)
        if link:
            return await ingesting.ingest_url(services, scope, link, provenance)
        if not chosen and ingesting.is_conversation(services, text):
            return None  # members talking about the news, not posting it
        return await ingesting.ingest_text(services, scope, message.content, provenance)

    async def _acknowledge(self, message: discord.Message, outcome: IngestOutcome) -> None:
        try:
            await message.add_reaction(REACTIONS.get(outcome.status, "❌"))
        except discord.HTTPException as exc:  # no Add Reactions permission, or the message is gone
            log.warning("could not react to message %s: %s", message.id, exc)
        if outcome.ok and await self._quiet(message):
            return
        await send_to_message(message, outcome.reply)

    async def _quiet(self, message: discord.Message) -> bool:
        return message.guild is not None and (await self._chosen(message.guild.id)).get("quiet") == "on"

    async def _answer_again(self, message: discord.Message, outcome: IngestOutcome) -> None:
        """An edited brief: the bot's earlier reply says what changed, rather than a second reply."""
        if outcome.ok and await self._quiet(message):
            return
        earlier = None
        try:
            async for later in message.channel.history(after=message, limit=EARLIER_REPLY_WINDOW,
                                                       oldest_first=True):
                if later.author.id == self.bot.user.id and later.reference \
                        and later.reference.message_id == message.id:
                    earlier = later
                    break
            if earlier is not None:
                await earlier.edit(embed=render(outcome.reply)[0])
                return
        except discord.HTTPException as exc:  # no Read Message History: answer anew
            log.debug("could not find or edit the earlier reply to %s: %s", message.id, exc)
        await send_to_message(message, outcome.reply)

    # ---- 📰 from a member with the opt-in role --------------------------------------

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        if str(payload.emoji) != OPT_IN or payload.guild_id is None or self.bot.stopping \
                or self.bot.services is None or payload.member is None or payload.member.bot:
            return
        guild = self.bot.get_guild(payload.guild_id)
        role = (await self._chosen(payload.guild_id)).get("optin")
        if guild is None or role is None or not _has_role(payload.member, guild, role):
            return
        channel = guild.get_channel_or_thread(payload.channel_id)
        if channel is None:
            return
        try:
            message = await channel.fetch_message(payload.message_id)
        except discord.HTTPException as exc:
            log.warning("could not read message %s for 📰: %s", payload.message_id, exc)
            return
        if message.author.bot:
            return
        scope = scopes.for_message(message)
        async with self.bot.inflight.track():
            try:
                outcome = await self._ingest_message(scope, message, _provenance(message), chosen=True)
            except Exception as exc:
                await self._failed(message, exc, "indexing chosen")
                return
        if outcome is not None:
            log.info("message %s chosen with 📰 in guild %s: %s", message.id, guild.id,
                     outcome.reason or outcome.status)
            await self._acknowledge(message, outcome)

    async def _failed(self, message: discord.Message, exc: Exception, doing: str) -> None:
        log_failure(log, exc, "%s message %s failed (guild %s, channel %s, author %s)", doing, message.id,
                    getattr(message.guild, "id", None), message.channel.id, message.author.id)
        await self._acknowledge(message, ingesting.rejected(
            "failed", "Sorry, I could not index that brief.", failure_hint(exc)))

    # ---- edits and deletions -------------------------------------------------------

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """An edited brief is read again under the same id."""
        data = payload.data
        message = payload.message
        if payload.guild_id is None or "content" not in data or self.bot.stopping or self.bot.services is None:
            return  # embeds unfurling, not an edit of the text
        if message.author.bot or message.reference is not None or await self._is_command(message):
            return  # an `!ingest` message's brief is not re-read from the command line
        if not await self.bot.watched.contains(payload.guild_id, payload.channel_id):
            return
        if attachments.brief_file(message.attachments) or ingesting.link_in(message.content or ""):
            return  # the brief came from the file or the page, which an edit does not change
        scope = scopes.for_guild(payload.guild_id, payload.channel_id, message.author.id)
        async with self.bot.inflight.track():
            try:
                outcome = await ingesting.reingest_message(self.bot.services, scope, payload.message_id,
                                                           message.content or "")
            except Exception as exc:
                await self._failed(message, exc, "re-indexing edited")
                return
        if outcome is None:
            # Never a brief: perhaps it is one now (a short post grown into a brief).
            await self._edited_into_brief(scope, message)
            return
        log.info("edited message %s in guild %s: %s", payload.message_id, payload.guild_id, outcome.status)
        await self._answer_again(message, outcome)

    async def _edited_into_brief(self, scope, message: discord.Message) -> None:
        async with self.bot.inflight.track():
            try:
                outcome = await self._ingest_message(scope, message, _provenance(message))
            except Exception as exc:
                await self._failed(message, exc, "indexing edited")
                return
        if outcome is not None and outcome.status == "indexed":  # refusals were said when it was posted
            with contextlib.suppress(discord.HTTPException):  # an earlier ❌ no longer holds
                await message.remove_reaction(REACTIONS["rejected"], self.bot.user)
            await self._acknowledge(message, outcome)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A deleted brief's message takes the brief with it."""
        await self._forget(payload.guild_id, [payload.message_id])

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        await self._forget(payload.guild_id, sorted(payload.message_ids))

    async def _forget(self, guild_id: int | None, message_ids: list[int]) -> None:
        if guild_id is None or self.bot.services is None or self.bot.stopping:
            return
        scope = scopes.for_guild(guild_id)
        for message_id in message_ids:
            try:
                if await ingesting.forget_message(self.bot.services, scope, message_id):
                    log.info("message %s deleted in guild %s: its brief is forgotten", message_id, guild_id)
            except Exception:
                log.exception("forgetting the brief of deleted message %s (guild %s) failed", message_id, guild_id)

    # ---- the command ---------------------------------------------------------------

    @table_command("ingest", extra={"file": "A .txt, .md or .html file with the brief"})
    async def ingest(self, ctx: commands.Context, text: Optional[str] = None,
                     file: Optional[discord.Attachment] = None):
        if ctx.interaction is not None:
            await ctx.defer()  # reading a brief can take longer than Discord waits for a first answer
        scope = await scopes.for_context(ctx)
        services = self.bot.services
        # A prefix command's message is where the brief lives: deleting it forgets the brief.
        if ctx.interaction is None:
            provenance = _provenance(ctx.message)
            found = ctx.message.attachments
            file = attachments.brief_file(found) or (None if text else attachments.refused_file(found))
        else:
            provenance = Provenance(channel_id=ctx.channel.id)
        async with self.bot.inflight.track():
            if file is not None:
                outcome = await attachments.ingest_attachment(services, scope, file, provenance)
            elif text and text.strip():
                link = ingesting.link_in(text)
                outcome = await (ingesting.ingest_url(services, scope, link, provenance) if link
                                 else ingesting.ingest_text(services, scope, text, provenance))
            else:
                # The handler explains what `ingest` needs.
                await send_reply(ctx, await ingesting.run(services, scope, text=None))
                return
        await send_reply(ctx, outcome.reply)
        if ctx.interaction is None:
            try:
                await ctx.message.add_reaction(REACTIONS.get(outcome.status, "❌"))
            except discord.HTTPException:
                pass  # the reply already says what happened


def _has_role(member, guild: discord.Guild, role_id: str | None) -> bool:
    """The member holds the role, or one above it; no role chosen (or it was deleted): everyone."""
    role = guild.get_role(int(role_id)) if role_id else None
    if role is None:
        return True
    top = getattr(member, "top_role", None)
    return top is not None and top >= role


def _provenance(message: discord.Message) -> Provenance:
    """Where a brief posted in Discord came from; built here once and kept by the store."""
    return Provenance(message_id=message.id, channel_id=message.channel.id, jump_url=message.jump_url)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Ingest(bot))
