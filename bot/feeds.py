"""The background task that reads the servers' feeds: every FEED_CHECK_SECONDS it
polls the feeds that are due (a few at a time), posts a card for each new item
in the feed's channel, and tells a server when one of its feeds is paused after
failing too often. Started in setup_hook, stopped in close; it never blocks
commands (the fetches are network waits and extraction runs in the executor).
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import discord
from discord.ext import tasks

from bot.render import render
from handlers.feed_poll import PollOutcome, card, poll_feed
from handlers.feed_schedule import FeedPolicy, next_poll, should_pause
from handlers.core.limits import one_line
from handlers.core.reply import Reply
from store.errors import StoreError

log = logging.getLogger(__name__)


def policy_from(settings) -> FeedPolicy:
    return FeedPolicy(interval=timedelta(minutes=settings.feed_interval_minutes),
                      max_failures=settings.feed_max_failures, max_items_per_poll=settings.feed_items_per_poll,
                      max_feed_bytes=settings.fetch_max_bytes)


class FeedPoller:
    def __init__(self, bot, policy: FeedPolicy, check_every: float, concurrency: int = 4):
        self.bot = bot
        self.policy = policy
        self.check_every = check_every
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._polling: set[int] = set()  # feed ids being polled now: never two polls of one feed at once
        self._task: tasks.Loop | None = None

    def start(self) -> None:
        # discord.ext.tasks: its sleep between rounds is one simcord's virtual clock drives in tests.
        if self._task is None:
            self._task = tasks.loop(seconds=self.check_every)(self._round)
            self._task.before_loop(self.bot.wait_until_ready)
        if not self._task.is_running():
            self._task.start()

    async def stop(self) -> None:
        if self._task is None:
            return
        running = self._task.get_task()
        self._task.cancel()
        if running is not None:
            try:
                await running
            except asyncio.CancelledError:
                pass
            except Exception:  # it failed before it was stopped (e.g. never logged in); closing goes on
                log.exception("the feed poller had stopped with an error")

    async def _round(self) -> None:
        if self.bot.stopping or not self.bot.ownership.held:  # another process of the deployment polls
            return
        try:
            await self.poll_due()
        except StoreError as exc:
            log.error("reading feeds failed: %s", exc)
        except Exception:
            log.exception("reading feeds failed")

    async def poll_due(self) -> int:
        """Poll every feed due now; the number polled."""
        store = self.bot.store
        if store is None:
            return 0
        due = [f for f in await store.due_feeds(discord.utils.utcnow(), limit=200) if f.id not in self._polling]
        await asyncio.gather(*(self._poll(feed) for feed in due))
        return len(due)

    async def _poll(self, feed) -> None:
        self._polling.add(feed.id)
        try:
            async with self._slots:
                if self.bot.stopping:
                    return
                try:
                    outcome = await poll_feed(self.bot.services, feed, self.policy)
                except Exception as exc:  # the store or a bug: counted as a failure, so it backs off
                    log.exception("polling feed %s (guild %s) failed", feed.id, feed.guild_id)
                    outcome = PollOutcome(error=f"newsbrief could not read it ({type(exc).__name__})")
                await self._record(feed, outcome)
        finally:
            self._polling.discard(feed.id)

    async def _record(self, feed, outcome: PollOutcome) -> None:
        now = discord.utils.utcnow()
        store = self.bot.store
        if outcome.error is not None:
            failures = feed.failures + 1
            pause = should_pause(failures, self.policy)
            reason = (f"it failed {failures} times in a row; the last error: {outcome.error}" if pause else None)
            await store.feed_polled(feed, now=now, next_poll=next_poll(now, self.policy, failures),
                                    error=outcome.error, pause_reason=reason)
            log.info("feed %s (guild %s) failed (%d in a row): %s", feed.id, feed.guild_id, failures, outcome.error)
            if pause:
                await self._tell_paused(feed, outcome.error, failures)
            return
        await store.feed_polled(feed, now=now, next_poll=next_poll(now, self.policy), etag=outcome.etag,
                                last_modified=outcome.last_modified, title=outcome.title, new_items=outcome.seen)
        if outcome.new or outcome.updated:
            log.info("feed %s (guild %s): %d new, %d updated", feed.id, feed.guild_id, len(outcome.new),
                     len(outcome.updated))
        # The first read of a feed indexes what it already lists without posting a wall of cards.
        if feed.channel_id is not None and feed.last_success is not None and outcome.new \
                and (await store.guild_settings(feed.guild_id)).get("quiet") != "on":  # quiet: indexed, not posted
            for item in outcome.new:
                await self._send(feed.guild_id, feed.channel_id, card(item, self.bot.settings.command_prefix))

    async def _tell_paused(self, feed, error: str, failures: int) -> None:
        p = self.bot.settings.command_prefix
        reply = Reply.error(f"Feed #{feed.id} is paused: it failed {failures} times in a row.",
                            f"{feed.url}\nLast error: {one_line(error, 300)}\n`{p}feed resume {feed.id}` tries again.")
        channel_id = feed.channel_id or self._fallback_channel(feed.guild_id)
        if channel_id is not None:
            await self._send(feed.guild_id, channel_id, reply)

    def _fallback_channel(self, guild_id: int) -> int | None:
        """A quiet feed's pause notice goes to the server's system channel, else its first text channel
        (known only to the shard process that has the server in its cache)."""
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return None
        channel = guild.system_channel or next(iter(guild.text_channels), None)
        return channel.id if channel is not None else None

    async def _send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        channel = self.bot.channel_in(guild_id, channel_id)  # the server may be on another shard's process
        if channel is None:
            log.warning("feed channel %s is gone", channel_id)
            return
        try:
            await channel.send(embed=render(reply)[0], allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as exc:
            log.warning("could not post in channel %s: %s", channel_id, exc)
