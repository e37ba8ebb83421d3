"""Extraction off the event loop's process: a pool of spaCy worker processes, each
brief under a time budget proportional to its length.

Each worker is a `multiprocessing` process (spawn context: no inherited event loop,
sockets or SQLite handles) that loads spaCy once and then reads lists of texts
from its pipe, sending back one Brief per text as soon as it is made. The parent
waits for each Brief in a thread of its own (one per worker), never on the loop.
When a brief overruns its budget the worker is killed and replaced: a
`concurrent.futures.ProcessPoolExecutor` cannot stop one running task without
breaking every other task in the pool, which is why the processes are managed here.

`InProcessExtraction` is the same interface over an Extractor in this process
(one thread, no deadline): for `newsbrief extract` and for tests that count calls.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import select
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Seconds per character of ordinary news prose through extraction, measured on the
# Wikinews dev set (en_core_web_sm, one idle core): ~15,000 characters a second.
PROSE_SECONDS_PER_CHAR = 1 / 15_000
BUDGET_FACTOR = 10  # a brief may cost this many times prose of its length
PIPE_BATCH = 16  # extract.Extractor.iter_extract's nlp.pipe batch size
STARTUP_TIMEOUT = 180.0  # seconds for a worker to load spaCy (slow disks, busy machines)


@dataclass(frozen=True)
class TooCostly:
    """A text whose extraction overran its budget (or killed its worker); nothing was made."""

    chars: int
    budget: float


@dataclass(frozen=True)
class Budget:
    """Seconds a brief may take: BUDGET_FACTOR x prose of its length, within [floor, cap]."""

    floor: float = 5.0
    cap: float = 60.0
    per_char: float = BUDGET_FACTOR * PROSE_SECONDS_PER_CHAR

    def seconds(self, text: str) -> float:
        return min(self.cap, max(self.floor, self.per_char * len(text)))


def pool_from_settings(settings) -> "ExtractionPool":
    """The pool the bot and the CLI use (not started: call start() or started())."""
    return ExtractionPool(settings.spacy_model, settings.extract_workers or None,
                          Budget(floor=settings.extract_min_seconds, cap=settings.extract_max_seconds))


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# ---- the worker process ---------------------------------------------------------

WARM_UP = ("Harbour reopens after storm\n\nPort director Ana Costa said on Monday that the harbour "
           "in Lisbon would reopen. \"The damage is less than we feared,\" Costa told reporters.")


def _serve(conn, model: str) -> None:
    """A worker's life: load spaCy, say so, then extract what arrives until None."""
    from extract import Extractor, ModelMissing

    extractor = Extractor(model)
    try:
        # The first text a pipeline reads costs seconds of one-off set-up: paid here,
        # before the worker counts as ready, not out of the first brief's budget.
        extractor.extract(WARM_UP)
    except ModelMissing as exc:
        conn.send(("missing", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            texts = conn.recv()
        except (EOFError, OSError):  # the parent went away
            return
        if texts is None:
            return
        try:
            for brief in extractor.iter_extract(texts):
                conn.send(("brief", brief))
        except Exception as exc:  # a bug in a rule layer: reported, the worker lives on
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


# The real clock, read directly: simulated-Discord tests replace time.monotonic with a
# virtual one (and Connection.poll(timeout) reads that one too), but a worker's deadline is
# real time.
_now = time.perf_counter


def _readable(conn, timeout: float) -> bool:
    """Whether the worker has sent something, waiting at most `timeout` real seconds."""
    ready, _, _ = select.select([conn], [], [], max(0.0, timeout))
    return bool(ready)


class _Worker:
    def __init__(self, context, model: str):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, model), name="newsbrief-extract", daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not _readable(self.conn, STARTUP_TIMEOUT):
            raise RuntimeError("an extraction worker did not load spaCy in time")
        kind, detail = self._recv()
        if kind == "missing":
            from extract import ModelMissing

            raise ModelMissing(detail)
        if kind != "ready":
            raise RuntimeError(f"an extraction worker stopped while loading spaCy (exit code "
                               f"{self.process.exitcode})")
        self.ready = True

    def _recv(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return ("died", None)

    def run(self, texts: list[str], budgets: list[float]) -> list:
        """A Brief per text, in order, or None at the first overrun (and nothing after it:
        the caller retries those one by one). spaCy reads PIPE_BATCH texts together before
        the first of them comes back, so the Brief of text k is due by the sum of the
        budgets of the texts up to the end of its pipe batch."""
        self.conn.send(texts)
        out: list = []
        start = _now()
        for k in range(len(budgets)):
            deadline = start + sum(budgets[:min(len(budgets), (k // PIPE_BATCH + 1) * PIPE_BATCH)])
            if not _readable(self.conn, deadline - _now()):
                return out + [None]
            kind, detail = self._recv()
            if kind == "brief":
                out.append(detail)
            elif kind == "failed":
                raise RuntimeError(f"extraction failed: {detail}")
            else:
                return out + [None]  # the worker died (out of memory, killed)
        return out

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


class ExtractionPool:
    """`await pool.extract(texts)`: a Brief or TooCostly per text, in order.

    Any number of callers may wait at once (several servers ingesting); each batch
    goes to one idle worker, so a costly brief holds one worker, never all of them."""

    def __init__(self, model: str = "en_core_web_sm", workers: int | None = None, budget: Budget | None = None,
                 start_method: str = "spawn"):
        self.model = model
        self.size = max(1, workers or default_workers())
        self.budget = budget or Budget()
        self._context = multiprocessing.get_context(start_method)
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._threads = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="newsbrief-extract")
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._closed = False
        self.replaced = 0  # workers killed for overrunning (for logs and tests)

    # -- life cycle --
    def start(self) -> "ExtractionPool":
        """Start the workers and wait until every one has loaded spaCy (blocking; a
        missing model raises extract.ModelMissing here, at start-up)."""
        with self._lock:
            if self._workers:
                return self
            self._workers = [_Worker(self._context, self.model) for _ in range(self.size)]
        try:
            for w in self._workers:
                w.wait_ready()
        except BaseException:
            self.close()
            raise
        for w in self._workers:
            self._idle.put(w)
        return self

    async def started(self) -> "ExtractionPool":
        await asyncio.get_running_loop().run_in_executor(None, self.start)
        return self

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, []
        for w in workers:
            w.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # -- extraction --
    async def extract(self, texts: list[str]) -> list:
        if not texts:
            return []
        if not self._workers:
            await self.started()
        loop = asyncio.get_running_loop()
        # A batch is shared out among the workers, so bulk ingest and reindex use every core.
        step = -(-len(texts) // self.size)
        parts = await asyncio.gather(*(loop.run_in_executor(self._threads, self.extract_blocking, texts[i:i + step])
                                       for i in range(0, len(texts), step)))
        return [brief for part in parts for brief in part]

    def extract_blocking(self, texts: list[str]) -> list:
        """The same, from a plain thread (bench, CLI helpers)."""
        if not self._workers:
            self.start()
        worker = self._idle.get()
        try:
            budgets = [self.budget.seconds(t) for t in texts]
            out = worker.run(texts, budgets)
            if len(out) == len(texts) and out[-1] is not None:
                return out
            # An overrun at out[-1]: that worker is stuck; the texts after it are retried
            # alone, so only the costly brief itself is refused.
            worker = self._replace(worker)
            done = out[:-1]
            if len(texts) - len(done) == 1:
                return done + [TooCostly(len(texts[-1]), budgets[-1])]
            for text, budget in zip(texts[len(done):], budgets[len(done):]):
                [one] = worker.run([text], [budget])
                if one is None:
                    worker = self._replace(worker)
                    one = TooCostly(len(text), budget)
                done.append(one)
            return done
        finally:
            self._idle.put(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        log.warning("an extraction worker overran a brief's budget; replacing it")
        worker.kill()
        fresh = _Worker(self._context, self.model)
        with self._lock:
            self.replaced += 1
            self._workers = [fresh if w is worker else w for w in self._workers]
            closed = self._closed
        if closed:
            fresh.stop()
            return fresh
        fresh.wait_ready()
        return fresh


# One spaCy pipeline is not safe to run from two threads at once.
_IN_PROCESS_LOCK = threading.Lock()


class InProcessExtraction:
    """The pool's interface over an in-process Extractor (or anything with `extract_many`):
    one thread at a time, no deadline. For `newsbrief extract` and tests."""

    def __init__(self, extractor):
        self.extractor = extractor

    async def extract(self, texts: list[str]) -> list:
        if not texts:
            return []
        return await asyncio.get_running_loop().run_in_executor(None, self.extract_blocking, texts)

    def extract_blocking(self, texts: list[str]) -> list:
        with _IN_PROCESS_LOCK:
            return list(self.extractor.extract_many(texts))

    def close(self) -> None:
        pass


def as_extraction(extractor):
    """What handlers call: a pool as it is, an in-process extractor wrapped once."""
    if hasattr(extractor, "extract") and asyncio.iscoroutinefunction(extractor.extract):
        return extractor
    wrapped = getattr(extractor, "_newsbrief_extraction", None)
    if wrapped is None:
        wrapped = InProcessExtraction(extractor)
        try:
            extractor._newsbrief_extraction = wrapped
        except AttributeError:
            pass
    return wrapped
