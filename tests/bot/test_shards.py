"""Two shard processes of one deployment (SHARD_COUNT=2, SHARD_IDS=0 and 1), each the
real bot in its own simulated Discord, over one shared database and one deployment
lease on the real PostgreSQL server: each server's commands are answered by its own
shard's process; each feed is polled once per round, by the lease holder only; and
when the holder is killed the other process takes the feeds over, posting the new
items' cards in both servers (one of them on the other shard, over the REST API)."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from feed_articles import DOCKS, FERRY, QUOTA
from feedsite import FeedSite, rss
from lease_probe import lease_freed
from pgtest import fresh_schema
from shard_process import BRIEFS, GUILDS
from store import open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHILD = HERE / "shard_process.py"
PATIENCE = 300.0  # seconds a child may take for a step (spaCy, extraction, a loaded machine): a safety net only
NIGHT_MARKET = ("Night market returns to the old harbour", [
    "The night market returned to the old harbour on Saturday after two years away.",
    "Organiser Lena Petrov said forty stalls had signed up for the summer season.",
    "\"People missed the lights on the water,\" Petrov said as the first stalls opened."])


class ShardProcess:
    def __init__(self, shard: int, database_url: str, logs: Path):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.shard = shard
        self.log = open(logs / f"shard{shard}.log", "w")  # the bot's own logging, read when a step fails
        self.child = subprocess.Popen([sys.executable, str(CHILD), str(shard), database_url],
                                      cwd=ROOT, env=env, text=True, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self.log)

    def answer(self) -> dict:
        give_up = time.monotonic() + PATIENCE
        while time.monotonic() < give_up:
            ready, _, _ = select.select([self.child.stdout], [], [], 1.0)
            if ready:
                line = self.child.stdout.readline()
                assert line, f"shard {self.shard} stopped: {Path(self.log.name).read_text()[-3000:]}"
                return json.loads(line)
        raise AssertionError(f"shard {self.shard} did not answer: {Path(self.log.name).read_text()[-3000:]}")

    def ask(self, step: str) -> dict:
        self.child.stdin.write(step + "\n")
        self.child.stdin.flush()
        return self.answer()

    def kill(self) -> None:
        if self.child.poll() is None:
            os.kill(self.child.pid, signal.SIGKILL)
        self.child.wait()

    def stop(self) -> None:
        if self.child.poll() is None:
            self.child.stdin.write("stop\n")
            self.child.stdin.flush()
            try:
                self.child.wait(PATIENCE)
            except subprocess.TimeoutExpired:
                pass
        self.kill()
        for stream in (self.child.stdin, self.child.stdout, self.log):
            stream.close()


def item(site, path: str, title: str, key: str, day: int) -> dict:
    return {"id": key, "title": title, "link": site.url(path), "summary": "", "day": day}


async def titles(store, guild_id: int) -> set[str]:
    return {a.title for a in await store.latest_articles(guild_id)}


async def test_two_shard_processes_answer_their_own_servers_and_poll_each_feed_once(tmp_path):
    with FeedSite() as site:
        site.page("/ferry", *FERRY)
        site.page("/docks", *DOCKS)
        site.feed("/a.rss", rss([item(site, "/ferry", FERRY[0], "a-1", 2)]))
        site.feed("/b.rss", rss([item(site, "/docks", DOCKS[0], "b-1", 2)]))
        async with fresh_schema() as dsn:
            shards = [ShardProcess(k, dsn, tmp_path) for k in (0, 1)]
            try:
                [ready0, ready1] = [s.answer() for s in shards]
                channels = {int(k): v for k, v in ready0["channels"].items()}
                assert ready1["channels"] == ready0["channels"]  # the two simulations hold the same servers
                store = await open_store(dsn)
                try:  # a feed in each server, posting in its #news
                    await store.add_feed(GUILDS[0], site.url("/a.rss"), channel_id=channels[0])
                    await store.add_feed(GUILDS[1], site.url("/b.rss"), channel_id=channels[1])
                finally:
                    await store.close()

                # Each server's commands are answered by its own shard's process, and only there.
                for process in shards:
                    answers = process.ask("commands")
                    answered = {int(k): v for k, v in answers["answered"].items()}
                    other = 1 - process.shard
                    assert answered[other] == [], f"shard {process.shard} answered a server of shard {other}"
                    [reply] = answered[process.shard]
                    assert reply.startswith("Indexed as #")
                    assert answers["set up"] == {str(process.shard): True, str(other): False}

                # Both processes run their feed pollers for eight rounds: the lease holder alone polls.
                for process in shards:
                    process.child.stdin.write("wait 4\n")
                    process.child.stdin.flush()
                rounds = [process.answer() for process in shards]
                [owner] = [p for p, r in zip(shards, rounds) if r["owner"]]
                [survivor] = [p for p in shards if p is not owner]
                assert [site.paths().count(p) for p in ("/a.rss", "/b.rss", "/ferry", "/docks")] == [1, 1, 1, 1]
                assert all(r["cards"] == {"0": [], "1": []} for r in rounds)  # a first read posts no cards
                store = await open_store(dsn)
                try:  # one database: what each process saved, in its server
                    assert await titles(store, GUILDS[0]) == {BRIEFS[0].split("\n")[0], FERRY[0]}
                    assert await titles(store, GUILDS[1]) == {BRIEFS[1].split("\n")[0], DOCKS[0]}
                finally:
                    await store.close()

                # The scheduled digests: the lease holder posts both servers' (one over REST), the other none.
                for process in shards:
                    process.child.stdin.write("digests\n")
                    process.child.stdin.flush()
                digests = {process: process.answer() for process in shards}
                assert digests[owner]["sent"] == 2 and digests[survivor]["sent"] == 0
                assert all(len(posts) == 1 for posts in digests[owner]["digests"].values())
                assert digests[survivor]["digests"] == {"0": [], "1": []}

                # The owner dies without a word; the other process takes the feeds over.
                owner.kill()
                assert await lease_freed(dsn)
                site.page("/quota", *QUOTA)
                site.page("/night", *NIGHT_MARKET)
                site.feed("/a.rss", rss([item(site, "/quota", QUOTA[0], "a-2", 3),
                                         item(site, "/ferry", FERRY[0], "a-1", 2)]))
                site.feed("/b.rss", rss([item(site, "/night", NIGHT_MARKET[0], "b-2", 3),
                                         item(site, "/docks", DOCKS[0], "b-1", 2)]))
                later = survivor.ask("wait 20")
                assert later["owner"]
                assert later["cards"] == {"0": [QUOTA[0]], "1": [NIGHT_MARKET[0]]}  # each server's card, once
                # and each server's follower is alerted once, in that server's channel
                assert [len(later["alerts"][k]) for k in "01"] == [1, 1]
                assert "follows quota" in later["alerts"]["0"][0] and QUOTA[0] in later["alerts"]["0"][0]
                assert "follows market" in later["alerts"]["1"][0] and NIGHT_MARKET[0] in later["alerts"]["1"][0]
                assert [site.paths().count(p) for p in ("/a.rss", "/b.rss", "/quota", "/night", "/ferry")] \
                    == [2, 2, 1, 1, 1]
            finally:
                for process in shards:
                    process.stop()
