"""Row 7: what a bot's name index costs after another process writes (`newsbrief ingest` run
beside the bot): before, the whole guild's index was reloaded; now the entities the write
touched are re-read. Measured on a private copy of a cached database."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from bench import corpus


@dataclass
class SyncRun:
    catch_up_ms: float  # the first typo lookup after the other process's write
    reload_ms: float  # the same lookup when the index must be built from scratch
    catch_up_cpu_ms: float
    reload_cpu_ms: float


async def _timed_lookup(store, guild: int, name: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    await store.find_entity(guild, name)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


async def _measure(path: Path, guild: int, typo: str, seed: int) -> SyncRun:
    from store import Store

    bot = await Store.open(path, warm_names=False)
    try:
        reload_ms, reload_cpu = await _timed_lookup(bot, guild, typo)  # builds the whole index
        other = await Store.open(path, warm_names=False)
        try:
            brief, text = corpus.brief_record(seed + 7, 999_999)
            await other.save_brief(guild, brief, text)
        finally:
            await other.close()
        catch_up_ms, catch_up_cpu = await _timed_lookup(bot, guild, typo)
    finally:
        await bot.close()
    return SyncRun(catch_up_ms, reload_ms, catch_up_cpu, reload_cpu)


def measure(path: Path, guild: int, typo: str, seed: int) -> SyncRun:
    return asyncio.run(_measure(path, guild, typo, seed))
