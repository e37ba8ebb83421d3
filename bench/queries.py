"""Rows 2 and 5: latency of the query commands through their handlers.

Each command kind gets a fixed, seeded list of queries drawn from what the
database holds: names picked half by how often they appear in briefs (people
ask about who is in the news) and half uniformly; typos are one edit away;
unknown names come from words the corpus never uses.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from bench import words as W
from bench.databases import BuiltDb
from bench.stats import Timings

KINDS = ("who exact", "who typo", "who unknown", "quotes", "quotes long", "search", "autocomplete", "trending",
         "stats")


@dataclass
class Query:
    kind: str
    args: dict


@dataclass
class KindTiming(Timings):
    ok: int = 0  # replies that found something (who/quotes/search) or non-empty completions


def typo(name: str, rng: random.Random) -> str:
    """One edit (swap, drop, double or change a letter) inside one word of `name`, never its first letter."""
    words = name.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 4] or [len(words) - 1]
    i = rng.choice(candidates)
    w = words[i]
    if len(w) < 2:  # a one-letter word (an autocomplete prefix cut short) has no letter to edit after its first
        return name
    pos = rng.randrange(1, max(2, len(w) - 1))
    op = rng.randrange(4)
    if op == 0 and pos + 1 < len(w):
        w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2:]
    elif op == 1:
        w = w[:pos] + w[pos + 1:]
    elif op == 2:
        w = w[:pos] + w[pos] + w[pos:]
    else:
        w = w[:pos] + rng.choice("aeiourstnl".replace(w[pos].lower(), "")) + w[pos + 1:]
    words[i] = w
    return " ".join(words)


def long_quote(rng: random.Random) -> str:
    """A whole sentence as the corpus quotes them (bench.corpus quotation), one word changed:
    someone pasting a remembered quote."""
    words = (f"{rng.choice(W.QUOTE_OPENERS)} {rng.choice(W.QUOTE_VERBS)} {rng.choice(W.TOPICS)} "
             f"{rng.choice(W.QUOTE_CLOSERS)}").split()
    i = rng.randrange(len(words))
    words[i] = rng.choice([v for v in W.QUOTE_VERBS if v != words[i]])
    return " ".join(words)


def _names(db: BuiltDb, rng: random.Random, n: int, types=None) -> list[str]:
    pool = [e for e in db.entities if types is None or e[1] in types]
    weighted = rng.choices([e[0] for e in pool], weights=[e[2] for e in pool], k=n - n // 2)
    uniform = [rng.choice(pool)[0] for _ in range(n // 2)]
    names = weighted + uniform
    rng.shuffle(names)
    return names


def query_set(db: BuiltDb, n: int, seed: int) -> dict[str, list[Query]]:
    """`n` queries of every kind for this database."""
    rng = random.Random(f"queries:{seed}:{db.briefs}:{db.guild}")
    out: dict[str, list[Query]] = {}
    out["who exact"] = [Query("who exact", {"name": x}) for x in _names(db, rng, n)]
    typos = []
    people = set(e[0] for e in db.entities if e[1] == "PERSON")
    for x in _names(db, rng, n, types=("PERSON", "ORG")):
        # People: half typed in full, half by surname; organisations in full; each with a typo.
        typos.append(typo(x.split()[-1] if x in people and rng.random() < 0.5 else x, rng))
    out["who typo"] = [Query("who typo", {"name": x}) for x in typos]
    out["who unknown"] = [Query("who unknown", {"name": f"{rng.choice(W.UNKNOWN_FIRST)} {rng.choice(W.UNKNOWN_LAST)}"
                                                if rng.random() < 0.7 else rng.choice(W.UNKNOWN_LAST)})
                          for _ in range(n)]
    speakers = _names(db, rng, n, types=("PERSON",))
    out["quotes"] = [Query("quotes", {"text": rng.choice(W.QUOTE_WORDS),
                                      **({"speaker": speakers[i]} if i % 3 == 0 else {})}) for i in range(n)]
    out["quotes long"] = [Query("quotes long", {"text": long_quote(rng)}) for _ in range(n)]
    out["search"] = [Query("search", {"text": rng.choice(W.SEARCH_WORDS) if i % 4 else
                                      f"{rng.choice(W.SEARCH_WORDS)} {rng.choice(W.SEARCH_WORDS)}"})
                     for i in range(n)]
    prefixes = []
    for i, x in enumerate(_names(db, rng, n)):
        part = x if rng.random() < 0.6 else x.split()[-1]
        cut = part[: rng.randint(1, min(8, len(part)))]
        prefixes.append("" if i % 20 == 0 else (typo(cut, rng) if len(cut) >= 5 and i % 5 == 0 else cut))
    out["autocomplete"] = [Query("autocomplete", {"prefix": p}) for p in prefixes]
    out["trending"] = [Query("trending", {"days": rng.choice(("1", "7", "30"))}) for _ in range(n)]
    out["stats"] = [Query("stats", {}) for _ in range(n)]
    return out


async def call(services, scope, q: Query) -> bool:
    """Run one query through its handler; True if it found something."""
    import handlers.core.complete
    import handlers.quotes
    import handlers.search
    import handlers.stats
    import handlers.trending
    import handlers.who

    if q.kind.startswith("who"):
        reply = await handlers.who.run(services, scope, **q.args)
    elif q.kind.startswith("quotes"):
        reply = await handlers.quotes.run(services, scope, **q.args)
    elif q.kind == "search":
        reply = await handlers.search.run(services, scope, **q.args)
    elif q.kind == "trending":
        reply = await handlers.trending.run(services, scope, **q.args)
    elif q.kind == "stats":
        reply = await handlers.stats.run(services, scope)
    else:
        return bool(await handlers.core.complete.entity_names(services, scope, **q.args))
    return bool(getattr(reply, "ok", True))


async def time_queries(services, scope, queries: list[Query]) -> KindTiming:
    timing = KindTiming()
    for q in queries:
        start = time.perf_counter()
        ok = await call(services, scope, q)
        timing.times_ms.append((time.perf_counter() - start) * 1000)
        timing.ok += ok
    return timing


async def open_services(db: BuiltDb, backend: str = "sqlite", log=print):
    """The handlers' services on `db`, or on its copy in PostgreSQL (`backend`)."""
    location: str | Path = db.path
    if backend == "postgresql":
        from bench.pg_databases import url_for

        location = await url_for(db, log)
    return await services_at(location, db.guild)


async def services_at(location: str | Path, guild: int):
    """The handlers' services on the store at `location` (a SQLite path or a postgresql:// URL)."""
    from extract import Extractor
    from handlers.core.context import Scope, Services
    from store import open_store

    store = await open_store(location)
    return Services(store=store, extractor=Extractor()), Scope(guild_id=guild, user_id=1234)


async def measure(dbs: list[BuiltDb], per_kind: int, runs: int, seed: int, kinds=KINDS,
                  log=print, backend: str = "sqlite") -> dict[str, dict[int, list[KindTiming]]]:
    """results[kind][briefs] = one KindTiming per run. Every run measures every
    size in turn, so a ratio between sizes is taken within one run."""
    opened = []
    for db in dbs:
        services, scope = await open_services(db, backend, log)
        queries = query_set(db, per_kind, seed)
        for kind in kinds:  # warm the page cache and any lazily built index
            await time_queries(services, scope, queries[kind][:10])
        opened.append((db, services, scope, queries))
    results: dict[str, dict[int, list[KindTiming]]] = {k: {} for k in kinds}
    try:
        for run in range(runs):
            for db, services, scope, queries in opened:
                for kind in kinds:
                    timing = await time_queries(services, scope, queries[kind])
                    results[kind].setdefault(db.briefs, []).append(timing)
                log(f"  queries run {run + 1}, {db.briefs:,} briefs: "
                    + ", ".join(f"{k} p95 {results[k][db.briefs][-1].p95:.1f}" for k in kinds))
    finally:
        for _, services, _, _ in opened:
            await services.store.close()
    return results
