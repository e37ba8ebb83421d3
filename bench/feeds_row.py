"""Row 11: 100 feeds polled, 20 of them with a new item, while members keep asking.

A local site (aiohttp on 127.0.0.1, this process's loop) serves 100 RSS feeds
with ETags and one article page per new item. The bot's own poller
(bot.feeds.FeedPoller, its concurrency and policy) reads them all once (what
they list is indexed, as when they are added), then 20 feeds gain an item and a
second round runs (80 answer 304; 20 new articles fetched, read with
trafilatura and extracted with spaCy in the extraction pool) while the query commands run
back to back; the row reports the round's time and the queries' p95 during it. The pages
weigh what real news pages do (menus, scripts, other stories: about 60 KB) and are written
before the round: the site's own work must not run on the loop being measured.
"""
from __future__ import annotations

import asyncio
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from pathlib import Path
from types import SimpleNamespace

from aiohttp import web

from bench import corpus
from bench.queries import call, query_set
from bench.stats import percentile

FEEDS = 100
NEW_ITEMS = 20
QUERY_KINDS = ("who exact", "who typo", "quotes", "search", "stats")


@dataclass
class FeedsRun:
    round_s: float
    indexed: int
    not_modified: int
    queries: int
    p95_ms: float
    max_ms: float
    idle_p95_ms: float  # the same queries with no poll running


def _chrome() -> tuple[str, str, str]:
    """What a news page carries besides its article (about 60 KB, as on real news sites): scripts
    and styles, a menu, a column of other stories, a footer. Reading such a page with trafilatura
    takes about 0.1 s of CPU, which is what the bot pays per new item."""
    sections = ["World", "Politics", "Business", "Science", "Health", "Sport", "Culture", "Opinion", "Weather"]
    head = "".join(f"<script>window.slot{i} = {{id: {i}, kind: 'ad', sizes: [[300, 250], [728, 90]]}};</script>"
                   for i in range(200)) + "<style>" + "".join(f".c{i} {{ margin: {i}px }}" for i in range(500)) + \
        "</style>"
    menu = "<nav><ul>" + "".join(f"<li><a href='/{s.lower()}/{i}'>{s} {i}</a></li>" for s in sections
                                 for i in range(12)) + "</ul></nav>"
    column = "<aside><h2>Most read</h2><ul>" + "".join(
        f"<li><a href='/story/{i}'>Other story number {i} from the {sections[i % 9].lower()} desk</a>"
        f"<span class='time'>{i % 24} hours ago</span></li>" for i in range(150)) + "</ul></aside>"
    footer = "<footer><ul>" + "".join(f"<li><a href='/about/{i}'>About link {i}</a></li>" for i in range(200)) + \
        "</ul><p>All rights reserved.</p></footer>"
    return head, menu, column + footer


_CHROME_HEAD, _CHROME_TOP, _CHROME_BOTTOM = _chrome()


class _Site:
    """Feeds at /feed/N.xml (ETag `"vK"`, K the version), articles at /a/N-K.html."""

    def __init__(self, seed: int):
        self.version = [0] * FEEDS
        self.pages: dict[str, str] = {}  # "N-K" -> the article's HTML
        self.seed = seed
        self.not_modified = 0

    def _items(self, n: int) -> str:
        out = []
        for k in range(1, self.version[n] + 1):  # empty until the feed gains an item
            out.append(f"<item><title>Story {n}-{k}</title><link>{self.base}/a/{n}-{k}.html</link>"
                       f"<guid>feed{n}-item{k}</guid></item>")
        return "".join(reversed(out))

    async def feed(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        etag = f'"v{self.version[n]}"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return web.Response(status=304, headers={"ETag": etag})
        body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench feed {n}</title>"
                f"{self._items(n)}</channel></rss>")
        return web.Response(text=body, content_type="application/rss+xml", headers={"ETag": etag})

    def publish(self, n: int) -> None:
        """Feed `n` gains an item; its article page is written now, before the round is timed: a
        real site answers from elsewhere, so its work must not stall the loop the bot runs on."""
        self.version[n] += 1
        k = self.version[n]
        # Briefs the database was not built from (another seed), so none is a duplicate.
        title, _, body = corpus.brief_text(self.seed + 7919, n * 10 + k).partition("\n")
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
        self.pages[f"{n}-{k}"] = (f"<html><head><title>{escape(title)}</title>{_CHROME_HEAD}</head><body>"
                                  f"{_CHROME_TOP}<article><h1>{escape(title)}</h1>{paragraphs}</article>"
                                  f"{_CHROME_BOTTOM}</body></html>")

    async def article(self, request: web.Request) -> web.Response:
        page = self.pages.get(request.match_info["id"])
        if page is None:
            return web.Response(status=404)
        return web.Response(text=page, content_type="text/html")


async def one_run(db: Path, guild: int, built, extractor, seed: int) -> FeedsRun:
    from bot.feeds import FeedPoller
    from handlers.core.context import Scope, Services
    from handlers.feed_schedule import FeedPolicy
    from store import Store

    site = _Site(seed)
    app = web.Application()
    app.router.add_get("/feed/{n}.xml", site.feed)
    app.router.add_get("/a/{id}.html", site.article)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    site.base = f"http://127.0.0.1:{tcp._server.sockets[0].getsockname()[1]}"

    store = await Store.open(db)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
    services = Services(store=store, extractor=extractor, executor=executor, allow_private_urls=True)
    bot = SimpleNamespace(store=store, services=services, stopping=False,
                          settings=SimpleNamespace(command_prefix="!"))
    # Every feed is due at every round: the bench measures a round, not the schedule.
    poller = FeedPoller(bot, FeedPolicy(interval=timedelta(0), jitter=0.0), check_every=3600)
    try:
        for n in range(FEEDS):
            await store.add_feed(guild, f"{site.base}/feed/{n}.xml")
        await poller.poll_due()  # the first read: every feed empty, its ETag remembered
        before = (await store.stats(guild)).briefs
        for n in random.Random(seed).sample(range(FEEDS), NEW_ITEMS):
            site.publish(n)
        site.not_modified = 0
        scope = Scope(guild_id=guild, user_id=1234)
        qs = query_set(built, 40, seed)
        pending = [q for kind in QUERY_KINDS for q in qs[kind]]
        random.Random(seed).shuffle(pending)
        idle = []  # first the same queries alone (this also warms the name index)
        for q in pending[:200]:
            t = time.perf_counter()
            await call(services, scope, q)
            idle.append((time.perf_counter() - t) * 1000)
        times: list[float] = []
        start = time.perf_counter()
        polling = asyncio.create_task(poller.poll_due())
        while not polling.done():
            q = pending[len(times) % len(pending)]
            t = time.perf_counter()
            await call(services, scope, q)
            times.append((time.perf_counter() - t) * 1000)
            await asyncio.sleep(0.005)  # members type; they do not hammer
        await polling
        round_s = time.perf_counter() - start
        indexed = (await store.stats(guild)).briefs - before
    finally:
        await store.close()
        executor.shutdown(wait=True)
        await runner.cleanup()
    return FeedsRun(round_s, indexed, site.not_modified, len(times), percentile(times, 95), max(times, default=0.0),
                    percentile(idle, 95))


def measure(built, seed: int, runs: int, log=print) -> list[FeedsRun]:
    """Extraction runs as in the bot: in a worker process of the extraction pool (one
    worker, so the other core is left to the queries)."""
    import tempfile

    from bench import databases
    from handlers.core.extraction import ExtractionPool

    out = []
    with ExtractionPool(workers=1) as pool, tempfile.TemporaryDirectory(prefix="newsbrief-feeds-") as tmp:
        for run in range(runs):
            db = databases.copy_db(built.path, Path(tmp) / f"feeds-{run}.sqlite3")
            r = asyncio.run(one_run(db, built.guild, built, pool, seed + run))
            log(f"  feeds run {run + 1}: round {r.round_s:.1f}s, {r.indexed} indexed, {r.not_modified} x 304, "
                f"{r.queries} queries p95 {r.p95_ms:.1f} ms (alone {r.idle_p95_ms:.1f} ms), max {r.max_ms:.0f} ms")
            out.append(r)
    return out
