"""Running a chart's drawing off the event loop, and the per-guild cache."""
from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from typing import Callable

CACHE_SIZE = 64  # charts kept across guilds; a PNG is tens of KB
# Matplotlib's font cache and text layout are shared state: one chart at a time.
_DRAW_LOCK = threading.Lock()
_cache: OrderedDict[tuple, bytes] = OrderedDict()


async def drawn(services, scope, key: tuple, draw: Callable[..., bytes], *args) -> bytes:
    """The PNG `draw(*args)` makes, from the cache while the guild has not changed."""
    generation = await services.store.generation(scope.guild_id)
    full_key = (scope.guild_id, generation, *key)
    cached = _cache.get(full_key)
    if cached is not None:
        _cache.move_to_end(full_key)
        return cached
    png = await asyncio.to_thread(_locked, draw, *args)
    _cache[full_key] = png
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return png


def _locked(draw, *args) -> bytes:
    with _DRAW_LOCK:
        return draw(*args)


def clear() -> None:
    """Forget every cached chart (tests)."""
    _cache.clear()
