"""Row 3: peak RSS of a bot process, run as its own subprocess.

    python -m bench.bot_process DB GUILD QUERIES.json

Opens the database with Store.open, builds Services, runs a round of every
query, loads the spaCy pipeline and reads one brief with it (a running bot has),
runs the queries again, and prints one JSON line: peak RSS (VmHWM, see
peak_mb) and the resident size and the peak so far after each stage. With --trace it also lists the biggest Python
allocations (tracemalloc), for the profile of a miss.
"""
from __future__ import annotations

import asyncio
import json
import resource
import sys
from pathlib import Path


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    return _status_mb("VmRSS")


def peak_mb() -> float:
    """Peak resident size of this process's own address space (VmHWM).

    getrusage's ru_maxrss would be the same on a fresh process, but Linux keeps
    it across exec, so a child of a big parent reports the parent's peak."""
    return _status_mb("VmHWM")


def stage() -> list[float]:
    """[resident now, peak so far] in MB."""
    return [round(rss_mb(), 1), round(peak_mb(), 1)]


async def main(db: str, guild: int, queries_file: str, trace: bool) -> dict:
    if trace:
        import tracemalloc
        tracemalloc.start(10)
    stages = {"python": stage()}
    from bench.queries import Query, call
    from extract import Extractor
    from handlers.core.context import Scope, Services
    from store import Store
    stages["imports"] = stage()

    store = await Store.open(Path(db))
    stages["store open"] = stage()
    services = Services(store=store, extractor=Extractor())
    scope = Scope(guild_id=guild, user_id=1234)
    queries = [Query(q["kind"], q["args"]) for q in json.loads(Path(queries_file).read_text())]
    for q in queries:
        if not q.kind.startswith("who"):
            continue
        await call(services, scope, q)
    stages["after who"] = stage()
    for q in queries:
        await call(services, scope, q)
    stages["all queries"] = stage()
    from bench.corpus import brief_text
    services.extractor.extract(brief_text(0, 0))  # spaCy loaded and used once
    stages["spaCy loaded"] = stage()
    for q in queries:
        await call(services, scope, q)
    stages["queries again"] = stage()
    result = {"peak_mb": peak_mb(), "stages": stages,
              "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if trace:
        import tracemalloc
        snap = tracemalloc.take_snapshot()
        result["top_allocations"] = [f"{s.size / 2**20:.1f} MiB in {s.count:,} blocks: {s.traceback[-1]}"
                                     for s in snap.statistics("lineno")[:12]]
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    await store.close()
    return result


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--trace"]
    print(json.dumps(asyncio.run(main(args[0], int(args[1]), args[2], "--trace" in sys.argv))))
