"""Row 2 PostgreSQL name typo: where PostgreSQL's typo-tolerant name candidates should
come from (issue 17), measured on one PostgreSQL copy of each bench database.

The same names typed with one typo (as the "who typo" queries are: people half by
surname) go through both lookups a PgStore can use: the in-process NameIndex (its
default; one round trip to check the guild's write generation, then memory) and
pg_trgm's GIN index (NAME_LOOKUP=trigram; one query). Timed is the candidates step
alone, what `who`, did-you-mean and `close_entities` wait for before scoring; recall is
whether the entity the typo was made from is among the candidates handed on (40), and
whether it is first once they are scored against the whole typed name, as `who` does.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass

from bench.databases import BuiltDb
from bench.queries import _names, typo
from bench.stats import Timings
from store.name_index import CANDIDATES

LOOKUPS = {"in-process index": "index", "pg_trgm": "trigram"}  # row label -> NAME_LOOKUP


@dataclass
class TypoRun(Timings):
    in_candidates: int = 0  # the meant entity among the CANDIDATES handed on to scoring
    first: int = 0  # ... and first after scoring
    asked: int = 0


def typed_names(db: BuiltDb, n: int, seed: int) -> list[tuple[str, str]]:
    """(typed with a typo, the name it was made from), drawn as query_set's "who typo"."""
    rng = random.Random(f"name typos:{seed}:{db.briefs}:{db.guild}")
    people = {e[0] for e in db.entities if e[1] == "PERSON"}
    out = []
    for name in _names(db, rng, n, types=("PERSON", "ORG")):
        typed = name.split()[-1] if name in people and rng.random() < 0.5 else name
        out.append((typo(typed, rng), name))
    return out


async def _meant(store, guild: int, name: str) -> set[int]:
    match = await store.exact_entities(guild, name)
    return {match.entity.id} if match.entity else {c.id for c in match.candidates}


async def measure(dbs: list[BuiltDb], n: int, runs: int, seed: int,
                  log=print) -> dict[str, dict[int, list[TypoRun]]]:
    """results[lookup label][briefs] = one TypoRun per run."""
    from bench.pg_databases import url_for
    from store.pg.store import PgStore

    results: dict[str, dict[int, list[TypoRun]]] = {label: {} for label in LOOKUPS}
    for db in dbs:
        url = await url_for(db, log)
        asked = typed_names(db, n, seed)
        for label, lookup in LOOKUPS.items():
            store = await PgStore.open(url, name_lookup=lookup, warm_names=False)
            try:
                if lookup == "trigram" and store._trigrams is None:
                    raise RuntimeError(f"{url}: no pg_trgm trigram index, nothing to measure")
                meant = [await _meant(store, db.guild, name) for _, name in asked]
                if lookup == "trigram":
                    log(f"  pg_trgm plan, {db.briefs:,} briefs: {await _plan(store, db.guild, asked[0][0])}")
                start = time.perf_counter()
                for typed, _ in asked[:10]:  # the index loads (and the pages warm) outside the timing
                    await store._typo_candidates(db.guild, typed, CANDIDATES)
                log(f"  {label}, {db.briefs:,} briefs: warm-up {time.perf_counter() - start:.1f}s")
                for _ in range(runs):
                    run = TypoRun()
                    for (typed, _), right in zip(asked, meant):
                        # The store's own step (private): the candidates alone, before any scoring.
                        start = time.perf_counter()
                        ids = await store._typo_candidates(db.guild, typed, CANDIDATES)
                        run.times_ms.append((time.perf_counter() - start) * 1000)
                        run.asked += 1
                        run.in_candidates += bool(right & set(ids))
                        scored = await store._typo_scored(db.guild, typed)
                        run.first += bool(scored) and scored[0][0] in right
                    results[label].setdefault(db.briefs, []).append(run)
                    log(f"  {label}, {db.briefs:,} briefs: p50 {run.p50:.2f} ms, p95 {run.p95:.2f} ms, "
                        f"meant entity in candidates {run.in_candidates}/{run.asked}, first {run.first}/{run.asked}")
            finally:
                await store.close()
    return results


async def _plan(store, guild: int, typed: str) -> str:
    """Which index answers the trigram query (EXPLAIN's scan lines), to see it is the GIN one."""
    from store.pg import trigram

    plans: list[str] = []

    class Explaining:  # trigram_candidates' connection, with EXPLAIN put before its query
        async def execute_fetchall(self, sql, params=()):
            plans.extend(r[0] for r in await store._reader.execute_fetchall("EXPLAIN " + sql, params))
            return []

    await trigram.trigram_candidates(Explaining(), guild, typed, CANDIDATES, schema=store._trigrams)
    return "; ".join(line.strip() for line in plans if "Scan" in line)
