"""Profiles of whatever misses its target, naming the functions responsible.

- queries: wall time per Store method (which call is slow), cProfile of the
  event-loop thread (Python the handlers and store run on the loop, e.g.
  rapidfuzz scoring) and of the store's database thread (where SQL runs).
- ingest: the overhead of the ingest path over raw spaCy split into the rule
  layers (cProfile of Extractor.extract_many) and Store.save_briefs.
- loop lag: which spaCy step holds the GIL longest (each run alone in the
  executor beside the ticker), how extraction time grows with the article's
  length, and a cProfile of Extractor.extract on a shorter piece.
"""
from __future__ import annotations

import asyncio
import cProfile
import functools
import inspect
import io
import pstats
import threading
import time
from collections import defaultdict
from pathlib import Path

from bench.stats import percentile
from store.records import Provenance

TOP = 14


def top_functions(stats: pstats.Stats, sort: str = "tottime", limit: int = TOP) -> str:
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats(sort).print_stats(limit)
    lines = out.getvalue().splitlines()
    # Keep the header row and the function rows, drop pstats' preamble.
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(line.rstrip() for line in lines[start:] if line.strip())


class ThreadProfiles:
    """cProfile in every thread started inside the `with` (e.g. aiosqlite's)."""

    def __init__(self):
        self.profiles: list[cProfile.Profile] = []
        self._lock = threading.Lock()

    def _bootstrap(self, frame, event, arg):
        profile = cProfile.Profile()
        with self._lock:
            self.profiles.append(profile)
        profile.enable()  # replaces this bootstrap for the rest of the thread

    def __enter__(self):
        threading.setprofile(self._bootstrap)
        return self

    def __exit__(self, *exc):
        threading.setprofile(None)

    def stats(self) -> pstats.Stats | None:
        stats = None
        for p in self.profiles:
            try:
                s = pstats.Stats(p)
            except TypeError:  # a thread that made no calls
                continue
            if stats is None:
                stats = s
            else:
                stats.add(s)
        return stats


class StoreTimer:
    """Wraps every public coroutine method of one Store object to time its calls."""

    def __init__(self, store):
        self.calls: dict[str, list[float]] = defaultdict(list)
        for name in dir(store):
            if name.startswith("_"):
                continue
            method = getattr(store, name, None)
            if inspect.iscoroutinefunction(method):
                setattr(store, name, self._wrap(name, method))

    def _wrap(self, name, method):
        @functools.wraps(method)
        async def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await method(*args, **kwargs)
            finally:
                self.calls[name].append((time.perf_counter() - start) * 1000)
        return timed

    def table(self) -> str:
        rows = [f"{'store method':24} {'calls':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'total ms':>9}"]
        for name, xs in sorted(self.calls.items(), key=lambda kv: -sum(kv[1])):
            rows.append(f"{name:24} {len(xs):6} {percentile(xs, 50):8.1f} {percentile(xs, 95):8.1f} "
                        f"{max(xs):8.1f} {sum(xs):9.0f}")
        return "\n".join(rows)


async def _profile_queries_async(db, queries) -> str:
    from bench.queries import open_services, time_queries

    threads = ThreadProfiles()
    with threads:
        services, scope = await open_services(db)
    timer = StoreTimer(services.store)
    await time_queries(services, scope, queries[:10])
    timer.calls.clear()
    loop_profile = cProfile.Profile()
    loop_profile.enable()
    timing = await time_queries(services, scope, queries)
    loop_profile.disable()
    await services.store.close()
    await asyncio.sleep(0.05)
    parts = [f"handler p50 {timing.p50:.1f} ms, p95 {timing.p95:.1f} ms over {len(queries)} queries "
             f"(under the profiler)", "", timer.table(), "",
             "event-loop thread, by own time:", top_functions(pstats.Stats(loop_profile))]
    worker = threads.stats()
    if worker is not None:
        parts += ["", "store's database thread(s), by own time:", top_functions(worker)]
    slowest = sorted(zip(timing.times_ms, queries), key=lambda x: -x[0])[:5]
    parts += ["", "slowest queries: " + "; ".join(f"{q.args} {t:.0f} ms" for t, q in slowest)]
    return "\n".join(parts)


def profile_queries(db, kind: str, queries) -> str:
    body = asyncio.run(_profile_queries_async(db, queries))
    return f"### {kind} at {db.briefs:,} briefs\n\n```\n{body}\n```\n"


def profile_ingest(extractor, texts: list[str], db_path: Path, guild: int) -> str:
    """Where the ingest path spends time beyond nlp.pipe."""
    from bench.ingest_row import raw_spacy

    raw_s, _ = raw_spacy(extractor.nlp, texts)
    start = time.perf_counter()
    briefs = extractor.extract_many(texts)
    extract_s = time.perf_counter() - start
    prof = cProfile.Profile()  # a second pass under the profiler (which inflates Python code)
    prof.enable()
    extractor.extract_many(texts)
    prof.disable()

    async def save():
        from store import Store
        store = await Store.open(db_path)
        timer = StoreTimer(store)
        start = time.perf_counter()
        await store.save_briefs(guild, [(b, t, Provenance(source=f"p{k}.txt")) for k, (b, t) in
                                        enumerate(zip(briefs, texts))])
        elapsed = time.perf_counter() - start
        await store.close()
        return elapsed

    threads = ThreadProfiles()
    with threads:
        save_s = asyncio.run(save())
    stats = pstats.Stats(prof)
    n = len(texts)
    parts = [f"{n} briefs: raw nlp.pipe {raw_s:.2f}s; Extractor.extract_many {extract_s:.2f}s "
             f"(rule layers and cleaning add {extract_s - raw_s:+.2f}s, {(extract_s / raw_s - 1) * 100:+.0f}%); "
             f"Store.save_briefs {save_s:.2f}s ({save_s / raw_s * 100:.0f}% of raw spaCy)", "",
             "Extractor.extract_many, by cumulative time (project code):",
             _project_only(stats, "cumulative"), "",
             "Extractor.extract_many, by own time:", top_functions(stats)]
    worker = threads.stats()
    if worker is not None:
        parts += ["", "Store.save_briefs, database thread, by own time:", top_functions(worker)]
    return "### ingest\n\n```\n" + "\n".join(parts) + "\n```\n"


def _project_only(stats: pstats.Stats, sort: str) -> str:
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats(sort).print_stats(r"/(extract|store|handlers|bot)/", TOP)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(line.rstrip() for line in lines[start:] if line.strip())


def profile_lag(extractor, text: str) -> str:
    """Why the loop stalls: which spaCy step holds the GIL (each run alone in the
    executor while the ticker runs), and how extraction time grows with the
    article's length, with a cProfile of Extractor.extract on a shorter piece.
    (No further full-size ingests: on a slow extractor each takes minutes.)"""
    from bench.loop_lag import measure_components, measure_thread_only

    raw = measure_thread_only(extractor, text, raw=True)
    parts = [f"nlp() alone in the executor on the whole article: max lag {raw.max_ms:.0f} ms, "
             f"p95 {raw.p95_ms:.1f} ms, {raw.ingest_s:.1f}s",
             "(lag while a thread runs and the loop does nothing is the GIL held by that thread)",
             "", "each spaCy step alone in the executor on the article: seconds, max loop lag"]
    parts += [f"  {name:16} {secs:6.2f}s  max lag {lag:5.0f} ms"
              for name, secs, lag in measure_components(extractor, text)]
    parts += ["", "Extractor.extract on the first N characters (growth with length; nlp() time beside it):"]
    sizes = [n for n in (12_500, 25_000, 50_000, 100_000) if n < len(text)]
    for n in sizes:
        piece = text[:n].rsplit(" ", 1)[0] + "."
        start = time.perf_counter()
        extractor.nlp(piece)
        nlp_s = time.perf_counter() - start
        start = time.perf_counter()
        extractor.extract(piece)
        extract_s = time.perf_counter() - start
        parts.append(f"  {n:>7,} chars: extract {extract_s:6.2f}s, nlp() {nlp_s:5.2f}s, "
                     f"rule layers {extract_s - nlp_s:6.2f}s")
    if sizes:
        piece = text[:sizes[min(1, len(sizes) - 1)]].rsplit(" ", 1)[0] + "."
        prof = cProfile.Profile()
        prof.enable()
        extractor.extract(piece)
        prof.disable()
        stats = pstats.Stats(prof)
        parts += ["", f"Extractor.extract on {len(piece):,} chars, project code by cumulative time:",
                  _project_only(stats, "cumulative"), "", "by own time:", top_functions(stats)]
    return "### event-loop lag\n\n```\n" + "\n".join(parts) + "\n```\n"
