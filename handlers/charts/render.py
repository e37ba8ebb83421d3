"""Running a chart's drawing off the event loop, and the per-guild cache.

Charts are drawn in a worker process (handlers/core/worker_process.py), not a thread:
matplotlib's rendering holds the GIL for long stretches, which a thread would turn into
event-loop stalls of 60-130 ms on a busy machine (bench row 12). One process, started at
the first chart, serves the whole bot; if it dies, the next chart starts another.
"""
from __future__ import annotations

from collections import OrderedDict

from handlers.core.worker_process import WorkerProcess

CACHE_SIZE = 64  # charts kept across guilds; a PNG is tens of KB
_cache: OrderedDict[tuple, bytes] = OrderedDict()
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
    png = await _worker.run(_draw, chart, *args)
    drawings += 1
    _cache[full_key] = png
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return png


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
    _worker.shutdown()


_worker = WorkerProcess(_warm_up)
