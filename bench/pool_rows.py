"""Rows for extraction cost and the worker pool (issues 11 and 12):

- adversarial: the worst hostile brief's extraction time / prose of the same size,
  at 24,000 characters and at the size limit (target <= 3x);
- workers: bulk ingest through the pool with 1 and with 2 workers (target 2 >= 1.6x 1);
- reindex: `!reindex` of a corpus database through the pool, briefs/s and the peak RSS
  of the process running it (its workers excluded; they hold only spaCy and one batch).
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus
from bench.report import Row, fmt_ratio
from bench.stats import median, stopwatch

ADVERSARIAL_TARGET = 3.0
WORKERS_TARGET = 1.6

# Hostile texts, by the unit they repeat (issue 11 classes 4 and 5).
ADVERSARIAL = {
    "(‘a": "(‘a",
    "-'a": "-'a",
    'only "': '"',
    "said chain": "Smith said Jones said ",
    'unmatched "': 'He said "no and then ',
    "nested “‘“": "“‘“a ",
    "Name\\n": "Name\n",
    "!? run": "!?",
    "long word": "ab/",
}


def _fit(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def adversarial(extractor, sizes: list[int], seed: int, runs: int, log=print) -> list[Row]:
    rows = []
    for chars in sizes:
        prose_text = corpus.long_article(seed, chars)
        ratios: dict[str, list[float]] = {name: [] for name in ADVERSARIAL}
        prose_s: list[float] = []
        for run in range(runs):
            with stopwatch() as t:
                extractor.extract(prose_text)
            prose_s.append(t())
            for name, unit in ADVERSARIAL.items():
                with stopwatch() as t:
                    extractor.extract(_fit(unit, chars))
                ratios[name].append(t() / prose_s[-1])
            log(f"  adversarial {chars:,} run {run + 1}: prose {prose_s[-1]:.1f}s; "
                + ", ".join(f"{k} {v[-1]:.1f}x" for k, v in ratios.items()))
        worst_name = max(ratios, key=lambda k: median(ratios[k]))
        worst = median(ratios[worst_name])
        rows.append(Row("worst adversarial brief / prose of the same size", f"{chars:,} chars",
                        f"{worst_name}; prose {median(prose_s):.1f}s", ratio=fmt_ratio(worst),
                        target=f"≤ {ADVERSARIAL_TARGET:g}×", passed=worst <= ADVERSARIAL_TARGET))
    return rows


async def _ingest_with(workers: int, texts: list[str]) -> float:
    from bot.cli import INGEST_BATCH
    from handlers.core.context import Scope, Services
    from handlers.core.extraction import ExtractionPool
    from handlers.ingest import ingest_batches
    from store import Store
    from store.records import Provenance

    async def batches():  # as `newsbrief ingest` feeds the pool
        for i in range(0, len(texts), INGEST_BATCH):
            yield [(x, Provenance()) for x in texts[i:i + INGEST_BATCH]]

    with ExtractionPool(workers=workers) as pool, tempfile.TemporaryDirectory(prefix="newsbrief-pool-") as tmp:
        store = await Store.open(Path(tmp) / "ingest.sqlite3")
        try:
            services = Services(store=store, extractor=pool)
            with stopwatch() as t:
                async for outcomes in ingest_batches(services, Scope.local(1), batches()):
                    assert all(o.status == "indexed" for o in outcomes), [o.reason for o in outcomes]
            return t()
        finally:
            await store.close()


def workers(seed: int, briefs: int, runs: int, log=print) -> Row:
    texts = corpus.brief_texts(seed, briefs)
    speedups, one_s, two_s = [], [], []
    for run in range(runs):
        one_s.append(asyncio.run(_ingest_with(1, texts)))
        two_s.append(asyncio.run(_ingest_with(2, texts)))
        speedups.append(one_s[-1] / two_s[-1])
        log(f"  workers run {run + 1}: 1 worker {briefs / one_s[-1]:.1f} briefs/s, "
            f"2 workers {briefs / two_s[-1]:.1f} briefs/s, {speedups[-1]:.2f}x")
    speedup = median(speedups)
    return Row("bulk ingest: 2 workers / 1 worker", f"{briefs:,} briefs",
               f"1: {briefs / median(one_s):.1f} briefs/s; 2: {briefs / median(two_s):.1f} briefs/s",
               ratio=fmt_ratio(speedup), target=f"≥ {WORKERS_TARGET:g}×", passed=speedup >= WORKERS_TARGET)


def reindex(db, workers_n: int, log=print) -> Row:
    """`!reindex` of a copy of `db` in a fresh process (so its peak RSS is the reindex's)."""
    from bench import databases

    with tempfile.TemporaryDirectory(prefix="newsbrief-reindex-") as tmp:
        copy = databases.copy_db(db.path, Path(tmp) / "reindex.sqlite3")
        cmd = [sys.executable, "-m", "bench.pool_rows", str(copy), str(db.guild), str(workers_n)]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"reindex process failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    log(f"  reindex: {result}")
    rate = result["briefs"] / result["seconds"]
    return Row("`!reindex` through the pool", f"{result['briefs']:,} briefs",
               f"{rate:.1f} briefs/s with {workers_n} workers; peak RSS {result['peak_mb']:,.0f} MB",
               target="RSS ≤ 400 MB", passed=result["peak_mb"] <= 400)


async def _reindex_here(path: str, guild: int, workers_n: int) -> dict:
    # VmHWM, not getrusage: Linux keeps ru_maxrss across exec, so this child would
    # report the bench parent's peak (its databases, the ingest rows' spaCy).
    from bench.bot_process import peak_mb
    from handlers import reindex as reindex_handler
    from handlers.core.context import Scope, Services
    from handlers.core.extraction import ExtractionPool
    from store import Store

    with ExtractionPool(workers=workers_n) as pool:
        store = await Store.open(Path(path))
        try:
            briefs = await store.count_articles(guild)
            start = time.perf_counter()
            reply = await reindex_handler.run(Services(store=store, extractor=pool), Scope.local(guild))
            seconds = time.perf_counter() - start
        finally:
            await store.close()
    return {"briefs": briefs, "seconds": seconds, "peak_mb": peak_mb(), "reply": reply.to_text()[:120]}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_reindex_here(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))))
