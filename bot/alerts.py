"""Delivering members' alerts: after a new brief is indexed (from a watched
channel, `ingest` or a feed), the members following what it mentions get a
direct message each, or one post in the server's alerts channel mentioning just
them. Past ALERTS_PER_WINDOW messages in ALERT_WINDOW_MINUTES a member's next
alerts wait and arrive together as one digest when the window ends."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque

import discord
from discord.ext import tasks

from bot.render import render
from handlers.alert_match import Alert, alert_reply, alerts_for_brief, digest_reply

log = logging.getLogger(__name__)
MENTIONS_PER_POST = 25


class AlertSender:
    def __init__(self, bot, per_window: int, window_seconds: float):
        self.bot = bot
        self.per_window = max(1, per_window)
        self.window = window_seconds
        self._sent: dict[tuple[int, int], deque[float]] = {}  # (guild, member) -> when messages went
        self._waiting: dict[tuple[int, int], list[Alert]] = {}  # held for the digest
        self._digest_due: dict[tuple[int, int], float] = {}  # when each held digest may go
        self._tasks: set[asyncio.Task] = set()
        # Digests are sent by a discord.ext.tasks loop (simcord's virtual clock drives it in tests).
        self._digests = tasks.loop(seconds=min(60.0, max(1.0, window_seconds / 10)))(self._send_due_digests)

    def start(self) -> None:
        if not self._digests.is_running():
            self._digests.start()

    def brief_indexed(self, guild_id: int, brief_id: int, author_id: int | None = None) -> None:
        """Called by the ingest path for every new brief; the work happens in the background."""
        if self.bot.stopping:
            return
        self._spawn(self._deliver(guild_id, brief_id, author_id))

    def _spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def stop(self) -> None:
        running = self._digests.get_task()
        self._digests.cancel()
        pending = list(self._tasks) + ([running] if running is not None else [])
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _deliver(self, guild_id: int, brief_id: int, author_id: int | None) -> None:
        try:
            alerts = await alerts_for_brief(self.bot.services, guild_id, brief_id, author_id=author_id)
            if not alerts:
                return
            _, channel_id = await self.bot.store.alert_settings(guild_id)
            if channel_id is not None:
                await self._post(guild_id, channel_id, alerts)
                return
            for alert in alerts:
                await self._offer(guild_id, alert)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("alerts for brief %s (guild %s) failed", brief_id, guild_id)

    async def _offer(self, guild_id: int, alert: Alert) -> None:
        key = (guild_id, alert.user_id)
        now = time.monotonic()
        sent = self._sent.setdefault(key, deque())
        while sent and sent[0] <= now - self.window:
            sent.popleft()
        if len(sent) < self.per_window and key not in self._waiting:
            sent.append(now)
            await self._dm(alert.user_id, alert_reply(alert, await self.bot.server_name(guild_id)))
            return
        waiting = self._waiting.setdefault(key, [])
        waiting.append(alert)
        if len(waiting) == 1:  # the first one held: the digest goes when the window frees a slot
            self._digest_due[key] = (sent[0] + self.window) if sent else now

    async def _send_due_digests(self) -> None:
        try:
            await self._digests_now()
        except Exception:  # the loop must keep going for the next digests
            log.exception("sending alert digests failed")

    async def _digests_now(self) -> None:
        now = time.monotonic()
        for key in [k for k, due in self._digest_due.items() if due <= now]:
            del self._digest_due[key]
            alerts = self._waiting.pop(key, [])
            if alerts:
                self._sent.setdefault(key, deque()).append(now)
                await self._dm(key[1], digest_reply(alerts, await self.bot.server_name(key[0])))

    async def _dm(self, user_id: int, reply) -> None:
        try:
            user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
            await user.send(embed=render(reply)[0], allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as exc:  # direct messages closed, or the account is gone
            log.info("could not send an alert to member %s: %s", user_id, exc)

    async def _post(self, guild_id: int, channel_id: int, alerts: list[Alert]) -> None:
        """One post for the brief, pinging exactly the members it is for."""
        channel = self.bot.channel_in(guild_id, channel_id)  # a feed's brief may be of another shard's server
        if channel is None:
            log.warning("alerts channel %s is gone", channel_id)
            return
        reply = alert_reply(alerts[0], await self.bot.server_name(guild_id))
        reply.pages[0].description = reply.pages[0].description.split("\n", 1)[-1]  # each follows something else
        for start in range(0, len(alerts), MENTIONS_PER_POST):  # a message holds 2000 characters
            group = alerts[start:start + MENTIONS_PER_POST]
            lines = [f"<@{a.user_id}> follows {_plain(', '.join(a.followed))}" for a in group]
            try:
                await channel.send(content="\n".join(lines)[:2000], embed=render(reply)[0],
                                   allowed_mentions=discord.AllowedMentions(
                                       everyone=False, roles=False, replied_user=False,
                                       users=[discord.Object(a.user_id) for a in group]))
            except discord.HTTPException as exc:
                log.warning("could not post alerts in channel %s: %s", channel_id, exc)


def _plain(text: str) -> str:
    """Names from briefs, shown in message content: no formatting, no mentions."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))
