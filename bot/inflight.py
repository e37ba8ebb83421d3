"""Work that must finish before the database closes: ingests and reindexes in
progress. Shutdown waits for them (a brief is saved in one transaction, so
one cancelled after the wait rolls back instead of being half-written)."""
from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)


class InFlight:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    @asynccontextmanager
    async def track(self):
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._tasks.discard(task)

    async def drain(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for tracked work (including work that
        starts meanwhile), then cancel what is left."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        current = asyncio.current_task()
        while pending := {t for t in self._tasks if t is not current and not t.done()}:
            remaining = deadline - loop.time()
            if remaining <= 0:
                for task in pending:
                    task.cancel()
                log.warning("cancelled %d unfinished ingest(s); their transactions were rolled back", len(pending))
                await asyncio.gather(*pending, return_exceptions=True)
                return
            log.info("waiting for %d brief(s) being indexed", len(pending))
            await asyncio.wait(pending, timeout=remaining)
