"""Which bot process does the once-per-deployment work (polling feeds, posting
scheduled digests): the one holding the deployment lease (store.lease). A
background loop keeps taking or confirming the lease every LEASE_CHECK_SECONDS,
so when the owner dies a standby takes over within about that long; the feed
poller and the digests ask `held` before each round."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from discord.ext import tasks

from store.lease import DeploymentLease

log = logging.getLogger(__name__)


class DeploymentOwnership:
    def __init__(self, lease: DeploymentLease, check_every: float):
        self.lease = lease
        # discord.ext.tasks: simcord's virtual clock drives it in tests, as the other loops.
        self._loop = tasks.loop(seconds=max(0.1, check_every))(self.check)
        self._on_taken: list[Callable[[], Awaitable[object]]] = []

    def when_taken(self, callback: Callable[[], Awaitable[object]]) -> None:
        """Run `callback` each time this process takes the lease (work the last owner missed)."""
        self._on_taken.append(callback)

    @property
    def held(self) -> bool:
        return self.lease.held

    def start(self) -> None:
        if not self._loop.is_running():
            self._loop.start()

    async def check(self) -> bool:
        """Take or confirm the lease now; whether this process owns the work."""
        was = self.lease.held
        try:
            now = await self.lease.refresh()
        except Exception:  # the loop must go on: the next round tries again
            log.exception("checking the deployment lease failed")
            now = False
        if now and not was:
            log.info("this process now polls the feeds and posts the scheduled digests (deployment lease taken)")
            for callback in self._on_taken:
                try:
                    await callback()
                except Exception:
                    log.exception("catching up after taking the deployment lease failed")
        elif was and not now:
            log.warning("another process may take over feeds and digests now (deployment lease lost)")
        return now

    async def stop(self) -> None:
        """Stop trying, and let the lease go at once so a standby can take it."""
        running = self._loop.get_task()
        self._loop.cancel()
        if running is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):  # the lease is released either way
                await running
        await self.lease.release()
