"""Row 11: how long the event loop stalls while charts are drawn.

A guild of `briefs` hand-made briefs (no spaCy) published over three years is
saved; then, with the 10 ms ticker of loop_lag running, `timeline`, `compare`,
`network` and `digest` each draw their chart from scratch (the chart cache is
cleared first), as the bot does: the drawing runs in a worker thread.
"""
from __future__ import annotations

import asyncio
import random
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.loop_lag import LagRun, ticker
from bench.stats import percentile

GUILD = 6
PEOPLE = ("Alma Fenwick", "Ruth Okafor", "Tomas Reyes", "Ines Duarte", "Kofi Mensah", "Lena Varga")
COMMANDS = ("timeline Alma Fenwick", "compare Alma Fenwick, Ruth Okafor, Tomas Reyes, Ines Duarte, Kofi Mensah",
            "network Alma Fenwick", "digest 30")


async def _fill(store, briefs: int, seed: int) -> None:
    from extract.model import Brief, Entity, Statement
    from store.records import Provenance

    rng = random.Random(seed)
    start = date(2013, 1, 1)
    items = []
    for n in range(briefs):
        people = rng.sample(PEOPLE, 3)
        title = f"Harbour report {n}"
        brief = Brief(title=title, text=f"{title}\n\nThe board met.",
                      entities=[Entity(p, "PERSON", mentions=1) for p in people],
                      statements=[Statement(f"Point {n} stands.", people[0], "direct")] if n % 5 == 0 else [])
        day = start + timedelta(days=rng.randrange(3 * 365))
        items.append((brief, f"{title} {n}", Provenance(published_at=day.isoformat(), date_source="dateline")))
    for i in range(0, len(items), 500):
        await store.save_briefs(GUILD, items[i:i + 500])


async def one_run(folder: Path, briefs: int, seed: int) -> LagRun:
    from handlers.core import dispatch
    from handlers.charts import render
    from handlers.core.context import Scope, Services
    from store import Store

    now = datetime(2016, 1, 1, tzinfo=timezone.utc)
    store = await Store.open(folder / f"charts-{seed}.sqlite3", clock=lambda: now)
    try:
        await _fill(store, briefs, seed)
        services = Services(store=store, extractor=None)
        scope = Scope(guild_id=GUILD, user_id=1)
        render.clear()
        lags: list[float] = []
        stop = asyncio.Event()
        task = asyncio.create_task(ticker(lags, stop))
        await asyncio.sleep(0.1)
        lags.clear()
        start = time.perf_counter()
        statuses = []
        for line in COMMANDS:
            reply = await dispatch.execute(services, scope, line)
            statuses.append("drawn" if reply.attachment is not None else f"no chart for {line!r}")
        elapsed = time.perf_counter() - start
        await asyncio.sleep(0.05)
        stop.set()
        await task
    finally:
        await store.close()
    ms = [x * 1000 for x in lags]
    bad = [s for s in statuses if s != "drawn"]
    return LagRun(max(ms, default=0.0), percentile(ms, 95), len(ms), elapsed, bad[0] if bad else "drawn")


def measure(folder: Path, briefs: int, seed: int) -> LagRun:
    return asyncio.run(one_run(folder, briefs, seed))
