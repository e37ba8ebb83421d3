"""Row 4: how long the event loop stalls while a ~200 KB article is ingested.

A 10 ms ticker runs on the loop while `handlers.ingest.ingest_text` indexes one
long article into a copy of a populated database, with the one-thread spaCy
executor the CLI and the bot use. The lag of a tick is how much later than
10 ms it woke; the row reports the largest.
"""
from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.stats import percentile
from store.records import Provenance

TICK = 0.010


@dataclass
class LagRun:
    max_ms: float
    p95_ms: float
    ticks: int
    ingest_s: float
    status: str
    slow_callbacks: list[str] = field(default_factory=list)


async def ticker(lags: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        await asyncio.sleep(TICK)
        lags.append(time.perf_counter() - start - TICK)


async def one_run(db: Path, guild: int, extractor, text: str, profiler=None) -> LagRun:
    from handlers.core.context import Scope, Services
    from handlers.ingest import ingest_text
    from store import Store

    store = await Store.open(db)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
    services = Services(store=store, extractor=extractor, executor=executor)
    scope = Scope(guild_id=guild, user_id=1234)
    lags: list[float] = []
    stop = asyncio.Event()
    try:
        task = asyncio.create_task(ticker(lags, stop))
        await asyncio.sleep(0.1)
        lags.clear()
        if profiler:
            profiler.enable()
        start = time.perf_counter()
        outcome = await ingest_text(services, scope, text, provenance=Provenance(source="long-article.txt"))
        elapsed = time.perf_counter() - start
        if profiler:
            profiler.disable()
        await asyncio.sleep(0.05)
        stop.set()
        await task
    finally:
        await store.close()
        executor.shutdown(wait=True)
    ms = [x * 1000 for x in lags]
    return LagRun(max(ms, default=0.0), percentile(ms, 95), len(ms), elapsed, outcome.status)


def measure(db: Path, guild: int, extractor, text: str, profiler=None, debug=False) -> LagRun:
    """One run on its own event loop. With `debug`, asyncio names callbacks slower than 50 ms."""
    import logging

    slow: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            msg = record.getMessage()
            slow.append(msg if len(msg) <= 260 else msg[:180] + " … " + msg[-70:])

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("asyncio")
    if debug:
        logger.addHandler(handler)

    async def go():
        if debug:
            asyncio.get_running_loop().slow_callback_duration = 0.05
        return await one_run(db, guild, extractor, text, profiler)

    try:
        result = asyncio.run(go(), debug=debug)
    finally:
        logger.removeHandler(handler)
    result.slow_callbacks = slow
    return result


async def _extraction_only(extractor, text: str, fn) -> LagRun:
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
    lags: list[float] = []
    stop = asyncio.Event()
    task = asyncio.create_task(ticker(lags, stop))
    await asyncio.sleep(0.1)
    lags.clear()
    start = time.perf_counter()
    await asyncio.get_running_loop().run_in_executor(executor, fn, text)
    elapsed = time.perf_counter() - start
    stop.set()
    await task
    executor.shutdown(wait=True)
    ms = [x * 1000 for x in lags]
    return LagRun(max(ms, default=0.0), percentile(ms, 95), len(ms), elapsed, "extracted")


def measure_thread_only(extractor, text: str, raw: bool = False) -> LagRun:
    """The lag while only extraction (or only nlp(), with `raw`) runs in the executor:
    what the GIL-holding of the extraction thread alone costs the loop."""
    fn = extractor.nlp if raw else extractor.extract
    return asyncio.run(_extraction_only(extractor, text, fn))


def measure_components(extractor, text: str) -> list[tuple[str, float, float]]:
    """(component, seconds, max loop lag ms) for the tokenizer and each spaCy pipe run
    alone in the executor thread on `text`: which C call keeps the GIL longest."""
    nlp = extractor.nlp
    steps = [("tokenizer", lambda _: nlp.make_doc(text))]
    out = []
    doc_box = {}

    def runner(fn):
        def go(_):
            doc_box["doc"] = fn(doc_box.get("doc"))
        return go

    for name, proc in nlp.pipeline:
        steps.append((name, proc))
    for name, fn in steps:
        r = asyncio.run(_extraction_only(extractor, text, runner(fn)))
        out.append((name, r.ingest_s, r.max_ms))
    return out
