"""Running a chart's drawing off the event loop, and the per-guild cache.

Charts are drawn in a worker process, not a thread: matplotlib's rendering holds
the GIL for long stretches, which a thread would turn into event-loop stalls of
60-130 ms on a busy machine (bench row 6). One process, started at the first
chart, serves the whole bot; if it dies, the next chart starts another.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

CACHE_SIZE = 64  # charts kept across guilds; a PNG is tens of KB
_cache: OrderedDict[tuple, bytes] = OrderedDict()
_pool: ProcessPoolExecutor | None = None
drawings = 0  # charts drawn (not served from the cache) in this process: tests read it


async def drawn(services, scope, key: tuple, chart: str, *args) -> bytes:
    """The PNG `handlers.charts.drawing.<chart>(*args)` makes (plain data in, so it can
    run in the worker process), from the cache while the guild has not changed. The
    bot's own process never imports matplotlib (a second and more of imports)."""
    global drawings
    generation = await services.store.generation(scope.guild_id)
    full_key = (scope.guild_id, generation, *key)
    cached = _cache.get(full_key)
    if cached is not None:
        _cache.move_to_end(full_key)
        return cached
    png = await _in_worker(chart, *args)
    drawings += 1
    _cache[full_key] = png
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return png


async def _in_worker(chart: str, *args) -> bytes:
    global _pool
    loop = asyncio.get_running_loop()
    for attempt in range(2):
        pool = await _started_pool()
        try:
            return await loop.run_in_executor(pool, _draw, chart, *args)
        except BrokenProcessPool:
            if _pool is pool:
                _pool = None  # the worker died (killed, out of memory): the next try starts another
            if attempt:
                raise
    raise AssertionError("unreachable")


_starting = threading.Lock()


async def _started_pool() -> ProcessPoolExecutor:
    """The drawing process, started in a thread: launching an interpreter takes a
    second or two on a busy machine, which must not stall the event loop."""
    if _pool is not None:
        return _pool
    return await asyncio.to_thread(_start_pool)


def _start_pool() -> ProcessPoolExecutor:
    global _pool
    with _starting:
        if _pool is None:
            # spawn: a fresh interpreter, so no thread or lock of the bot is copied into it.
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            pool.submit(_warm_up).result()  # the process is up and has imported matplotlib
            _pool = pool
        return _pool


def _warm_up() -> None:
    import handlers.charts.drawing  # noqa: F401


def _draw(chart: str, *args) -> bytes:
    """In the worker process: one chart."""
    from handlers.charts import drawing

    return getattr(drawing, chart)(*args)


def clear() -> None:
    """Forget every cached chart (tests, benchmarks)."""
    _cache.clear()


def shutdown() -> None:
    """Stop the drawing process (the bot's close)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
