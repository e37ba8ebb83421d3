"""The Discord bot: `create_bot(settings)` builds it, `run_bot(settings)` runs it
until Ctrl+C / SIGTERM.

The bot owns the long-lived objects (the Store, the pool of spaCy worker
processes, and one thread for other blocking work such as reading HTML) and
hands them to the handlers as Services; the cogs in bot/cogs turn Discord
events into handler calls.
"""
from __future__ import annotations

import asyncio
import logging
import signal
import sys
from concurrent.futures import ThreadPoolExecutor

import discord
from discord.ext import commands

from bot.alerts import AlertSender
from bot.feeds import FeedPoller, policy_from
from bot.inflight import InFlight
from bot.ownership import DeploymentOwnership
from bot.table import query_cooldowns
from bot.watched import WatchedChannels
from extract.model import ModelMissing
from handlers.charts import render as charts_render
from handlers.core.fetch import stop_reading
from handlers.core.context import Services
from store.errors import StoreError
from store.lease import deployment_lease

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.cogs.errors", "bot.cogs.queries", "bot.cogs.charts", "bot.cogs.digests", "bot.cogs.admin",
              "bot.cogs.curation", "bot.cogs.ingest", "bot.cogs.feeds")
SHUTDOWN_GRACE = 8.0  # seconds for briefs being indexed when the bot stops (Docker kills after 10)


def intents() -> discord.Intents:
    """Servers, their messages, and the text of those messages (a privileged
    intent); direct messages only so a command sent there gets "use this in a
    server" instead of silence."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.message_content = True
    wanted.dm_messages = True
    wanted.guild_reactions = True  # 📰 on a message indexes it (settings optin)
    return wanted


def shard_options(settings) -> dict:
    """discord.py's sharding arguments for an AutoShardedBot (see Settings.sharded)."""
    count = settings.shard_count if isinstance(settings.shard_count, int) else None  # None: Discord recommends
    return {"shard_count": count, "shard_ids": list(settings.shard_ids) or None}


class NewsBot(commands.Bot):
    def __init__(self, settings, *, extractor=None):
        super().__init__(
            **(shard_options(settings) if settings.sharded else {}),
            command_prefix=commands.when_mentioned_or(settings.command_prefix),
            intents=intents(),
            help_command=None,  # the table's `help` replaces discord.py's
            allowed_mentions=discord.AllowedMentions.none(),  # article text must never ping
            owner_ids=set(settings.owner_ids),  # empty: the application's owner, asked from Discord
            case_insensitive=True,
            strip_after_prefix=True,
        )
        self.settings = settings
        self.extractor = extractor
        self.store = None
        self.executor: ThreadPoolExecutor | None = None
        self.services: Services | None = None
        self.watched: WatchedChannels | None = None
        self.inflight = InFlight()
        self.query_cooldowns = query_cooldowns()
        self.stopping = False
        self._owns_pool = False  # a pool this bot started is also stopped by it
        # Feeds and scheduled digests run in one process of the deployment: the lease holder.
        self.ownership = DeploymentOwnership(deployment_lease(settings.database_url), settings.lease_check_seconds)
        self.feeds = FeedPoller(self, policy_from(settings), settings.feed_check_seconds, settings.feed_concurrency)
        self.alerts = AlertSender(self, settings.alerts_per_window, settings.alert_window_minutes * 60)

    async def setup_hook(self) -> None:
        if self.store is None:
            await self._open()
        else:
            # Logged in again (a reconnect from scratch): lists may have changed meanwhile.
            self.watched.forget()
        for name in EXTENSIONS:
            if name not in self.extensions:
                await self.load_extension(name)
        self.ownership.start()
        self.feeds.start()
        self.alerts.start()
        if self.settings.sync_commands_on_start:
            synced = await self.tree.sync()
            log.info("synced %d slash commands globally", len(synced))

    async def _open(self) -> None:
        from handlers.core.extraction import ExtractionPool, pool_from_settings
        from store import open_store

        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-blocking")
        extractor = self.extractor or pool_from_settings(self.settings)
        store = await open_store(self.settings.database, check_fulltext=True,
                                 name_lookup=self.settings.name_lookup)
        try:
            # Load spaCy now (in every worker): a missing model is reported at start, not at the first brief.
            if isinstance(extractor, ExtractionPool):
                await extractor.started()
                self._owns_pool = self.extractor is None
            else:  # an in-process extractor handed in (tests share one loaded pipeline)
                await asyncio.get_running_loop().run_in_executor(self.executor, lambda: extractor.nlp)
        except BaseException:
            await store.close()
            raise
        self.extractor, self.store = extractor, store
        # Briefs forgotten longer ago than the undo window go for good (forget and restore purge too).
        purged = await store.purge_forgotten(keep_hours=self.settings.forget_undo_hours)
        if purged:
            log.info("purged %d forgotten brief(s) past the undo window", purged)
        self.services = Services.from_settings(self.settings, store, extractor, self.executor)
        self.services.on_indexed = self.alerts.brief_indexed
        self.watched = WatchedChannels(store, self.settings.ingest_channel_ids)
        log.info("database %s open", self.settings.database_label)

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s) in %d server(s)", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    def serves(self, guild_id: int) -> bool:
        """Whether `guild_id` is on a shard this process runs (it always is without sharding)."""
        shard_ids = getattr(self, "shard_ids", None)
        if not self.settings.sharded or shard_ids is None or self.shard_count is None:
            return True
        return (guild_id >> 22) % self.shard_count in shard_ids

    def channel_in(self, guild_id: int, channel_id: int) -> discord.abc.Messageable | None:
        """Where the lease holder posts for a server: the cached channel when the server is on
        this process's shards (None if it was deleted), else a handle that posts over the REST
        API, since another shard process has that server in its cache."""
        if self.serves(guild_id):
            channel = self.get_channel(channel_id)
            return channel if isinstance(channel, discord.abc.Messageable) else None
        return self.get_partial_messageable(channel_id, guild_id=guild_id)

    async def server_name(self, guild_id: int) -> str:
        """A server's name for messages: from the cache, or over REST for another shard process's server."""
        guild = self.get_guild(guild_id)
        if guild is None and not self.serves(guild_id):
            try:
                guild = await self.fetch_guild(guild_id)
            except discord.HTTPException:  # the bot was removed from it meanwhile
                guild = None
        return guild.name if guild is not None else "a server"

    async def close(self) -> None:
        if not self.stopping:
            self.stopping = True  # the ingest cog takes no new briefs from here on
            await self.feeds.stop()  # a poll under way stops; what it saved stays, the rest is read next time
            await self.inflight.drain(SHUTDOWN_GRACE)
            await self.alerts.stop()
            await self.ownership.stop()  # a standby takes the feeds and digests over at its next check
        await super().close()
        if self.store is not None:
            store, self.store = self.store, None
            await store.close()
            log.info("database closed")
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
        if self._owns_pool:
            self._owns_pool = False
            await asyncio.get_running_loop().run_in_executor(None, self.extractor.close)
        charts_render.shutdown()  # the chart-drawing process, if a chart was drawn
        stop_reading()  # the page-reading process, if a page was read


class ShardedNewsBot(NewsBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (SHARD_COUNT, SHARD_IDS)."""


def create_bot(settings, *, extractor=None) -> NewsBot:
    """The bot for `settings`; pass `extractor` (a started ExtractionPool, or an in-process
    Extractor) to share one already loaded; otherwise the bot starts its own pool."""
    return (ShardedNewsBot if settings.sharded else NewsBot)(settings, extractor=extractor)


# ---- running ---------------------------------------------------------------------

def failure_message(exc: BaseException) -> str | None:
    """One line for a failure the person running the bot can fix, else None."""
    if isinstance(exc, discord.LoginFailure):
        return ("newsbrief: Discord refused DISCORD_TOKEN. Copy the token again from the Developer Portal "
                "(your application -> Bot -> Reset Token) into .env.")
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return ("newsbrief: the Message Content intent is not enabled. Turn it on in the Developer Portal "
                "(your application -> Bot -> Privileged Gateway Intents -> Message Content Intent) and start again.")
    if isinstance(exc, StoreError):
        return f"newsbrief: the database cannot be used: {exc}"
    if isinstance(exc, ModelMissing):
        return f"newsbrief: {exc}"
    if isinstance(exc, (OSError, discord.GatewayNotFound)):
        return f"newsbrief: could not reach Discord ({exc}). Check the network connection and try again."
    return None


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _on_stop_signals(stop: asyncio.Event) -> list[int]:
    """Ctrl+C and SIGTERM set `stop`; returns the signals handled this way."""
    loop = asyncio.get_running_loop()
    handled = []
    for sig in STOP_SIGNALS:
        try:
            loop.add_signal_handler(sig, stop.set)
            handled.append(sig)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            pass
    return handled


async def serve(settings, bot: NewsBot | None = None) -> int:
    """Run until stopped; 0 after a clean stop, 1 after a failure explained on stderr."""
    bot = bot or create_bot(settings)
    stop = asyncio.Event()
    handled = _on_stop_signals(stop)
    try:
        async with bot:
            runner = asyncio.create_task(bot.start(settings.discord_token), name="newsbrief-discord")
            stopper = asyncio.create_task(stop.wait(), name="newsbrief-stop-signal")
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if stopper in done:
                log.info("stopping: finishing briefs in progress, then closing the database")
                await bot.close()
            await runner  # raises what made the bot stop on its own (bad token, missing intent...)
    except Exception as exc:
        message = failure_message(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1
    finally:
        loop = asyncio.get_running_loop()
        for sig in handled:
            loop.remove_signal_handler(sig)
    return 0


def run_bot(settings) -> int:
    from bot.logs import setup_bot_logging

    setup_bot_logging(getattr(logging, str(settings.log_level).upper(), logging.INFO))
    try:
        return asyncio.run(serve(settings))
    except KeyboardInterrupt:  # where signal handlers are unavailable; the bot closed on the way out
        return 130
