"""Row 13: several client processes querying ONE database at once (issue 17).

Each client is a process of its own (as shard processes are), opens its own store with
open_store, and issues the query rows' who/quotes/search queries back to back for a
fixed time. The clients start together (a barrier after opening and warming up), so the
window measured is the one in which all of them run. Throughput is queries answered per
second summed over the clients; p95 is over every query of every client.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.databases import BuiltDb
from bench.queries import Query, call, query_set, services_at
from bench.stats import percentile

MIX = ("who exact", "who typo", "who unknown", "quotes", "quotes long", "search")
PER_KIND = 50  # distinct queries per kind; clients cycle through them
WARM_UP = 10  # queries each client runs before the barrier (page cache, name index, prepared statements)


@dataclass
class ConcurrencyRun:
    clients: int
    queries: int
    per_second: float  # summed over the clients, each over its own window
    p50_ms: float
    p95_ms: float
    client_cpu_ms: float = float("nan")  # CPU the client processes spent per query (the rest of a query's
    # time is the database server's work, or waiting for a core)
    busy_cores: float = float("nan")  # the whole machine's CPU in use meanwhile (clients, server, the rest)


def _cpu_ticks() -> tuple[int, int] | None:
    """(busy, total) jiffies of every CPU since boot, from /proc/stat (None where it is absent).
    Busy is time spent running something here; time a virtual machine's host took the CPU
    away (steal) counts in the total only."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    fields += [0] * (8 - len(fields))
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


def busy_cores(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float:
    """How many of the machine's cores were busy on average between two readings."""
    if before is None or after is None or after[1] <= before[1]:
        return float("nan")
    return (after[0] - before[0]) / (after[1] - before[1]) * (os.cpu_count() or 1)


def interleaved(db: BuiltDb, seed: int) -> list[Query]:
    """The query rows' queries of the MIX kinds, one of each kind in turn."""
    by_kind = query_set(db, PER_KIND, seed)
    return [by_kind[kind][i] for i in range(PER_KIND) for kind in MIX]


async def _client(location: str, guild: int, queries: list[Query], seconds: float,
                  barrier) -> tuple[list[float], float, float]:
    """Latencies (ms) of the queries run in `seconds` after the barrier, the window they took
    and the CPU seconds this process spent in it."""
    services, scope = await services_at(location, guild)
    try:
        for q in queries[:WARM_UP]:
            await call(services, scope, q)
        await asyncio.to_thread(barrier.wait)
        times_ms: list[float] = []
        went, cpu = time.perf_counter(), time.process_time()
        end = went + seconds
        i = 0
        while time.perf_counter() < end:
            start = time.perf_counter()
            await call(services, scope, queries[i % len(queries)])
            times_ms.append((time.perf_counter() - start) * 1000)
            i += 1
        return times_ms, time.perf_counter() - went, time.process_time() - cpu
    finally:
        await services.store.close()


def _client_process(location: str, guild: int, queries: list[Query], seconds: float, barrier, results) -> None:
    try:
        times_ms, window, cpu = asyncio.run(_client(location, guild, queries, seconds, barrier))
        results.put((times_ms, window, cpu, ""))
    except BaseException as e:  # the parent reports it; a silent child would hang the bench
        barrier.abort()
        results.put(([], 0.0, 0.0, f"{type(e).__name__}: {e}"))


def measure(db: BuiltDb, location: str | Path, clients: int, seconds: float, seed: int) -> ConcurrencyRun:
    """`clients` processes querying the database at `location` (a SQLite path or a
    postgresql:// URL holding `db`'s briefs) for `seconds`."""
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter, as a shard process is
    barrier = ctx.Barrier(clients + 1)
    results = ctx.Queue()
    queries = interleaved(db, seed)
    procs = []
    for n in range(clients):
        shift = n * len(queries) // clients  # each client starts elsewhere in the list: not in lockstep
        procs.append(ctx.Process(target=_client_process, args=(str(location), db.guild,
                                 queries[shift:] + queries[:shift], seconds, barrier, results)))
    for p in procs:
        p.start()
    try:
        try:
            barrier.wait(timeout=600)  # every client opened its store and warmed up
        except threading.BrokenBarrierError:
            pass  # a client failed before the start; its error is in the queue
        started = _cpu_ticks()
        outcomes = [results.get(timeout=seconds + 600) for _ in procs]
        ended = _cpu_ticks()
    finally:
        for p in procs:
            p.join(timeout=30)
    errors = [error for *_, error in outcomes if error]
    if errors:
        raise RuntimeError(f"a client process failed: {errors[0]}")
    times = [t for client_times, *_ in outcomes for t in client_times]
    return ConcurrencyRun(clients, len(times), sum(len(t) / w for t, w, *_ in outcomes if w),
                          percentile(times, 50), percentile(times, 95),
                          1000 * sum(cpu for _, _, cpu, _ in outcomes) / max(1, len(times)),
                          busy_cores(started, ended))
