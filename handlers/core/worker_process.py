"""One helper process for CPU-bound work that holds the GIL for long stretches
(matplotlib drawing a chart, trafilatura reading a news page). In a thread of the
bot's process such work stalls the event loop: every time the loop hands a query
to the database thread and back it waits up to a switch interval (5 ms) for the
GIL, so a command in flight meanwhile takes tens to hundreds of milliseconds
(bench rows 11 and 12). The process is spawned (a fresh interpreter: no thread or
lock of the bot is copied into it) in a thread at the first call, so starting it
never stalls the loop either; if it dies, the next call starts another.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any


class WorkerProcess:
    def __init__(self, warm_up: Callable[[], None] | None = None):
        """`warm_up` runs in the new process before it serves (imports, so the first call is quick)."""
        self._warm_up = warm_up
        self._pool: ProcessPoolExecutor | None = None
        self._starting = threading.Lock()

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` in the process (`fn` a module-level function, its arguments plain data)."""
        loop = asyncio.get_running_loop()
        for attempt in range(2):
            pool = self._pool or await asyncio.to_thread(self._start)
            try:
                return await loop.run_in_executor(pool, fn, *args)
            except BrokenProcessPool:
                if self._pool is pool:
                    self._pool = None  # the process died (killed, out of memory): the next try starts another
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _start(self) -> ProcessPoolExecutor:
        with self._starting:
            if self._pool is None:
                pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
                if self._warm_up is not None:
                    pool.submit(self._warm_up).result()  # the process is up and has imported what it needs
                self._pool = pool
            return self._pool

    def shutdown(self) -> None:
        """Stop the process (the bot's close); a later call starts it again."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
