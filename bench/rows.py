"""Measurements -> table rows, with targets and pass/miss."""
from __future__ import annotations

import math

from bench.concurrency import ConcurrencyRun
from bench.feeds_row import FEEDS, NEW_ITEMS, FeedsRun
from bench.ingest_row import IngestRun
from bench.loop_lag import LagRun
from bench.name_typos import TypoRun
from bench.queries import KindTiming
from bench.report import Row, fmt_int, fmt_ms, fmt_ratio
from bench.stats import median
from store.name_index import CANDIDATES

INGEST_RATIO = 0.8
P95_MS = 20.0
GROWTH = 2.0  # p95 grows at most 2x per 10x briefs (slope over every size measured)
GROWTH_FLOOR_MS = 3.0  # below this, differences are timer and scheduler noise
P95_MS_BY_KIND = {"trending": 50.0}  # the other kinds: P95_MS
COLD_ASK_S = 0.8
RSS_MB = 400.0
LAG_MS = 100.0
SCALING = 3.0  # PostgreSQL throughput with 4 client processes vs 1 (issue 17)


def size_label(n: int) -> str:
    return f"{n:,} briefs"


def ingest_row(runs: list[IngestRun]) -> Row:
    briefs = runs[0].briefs
    tokens = runs[0].tokens
    ingest_s = median([r.ingest_s for r in runs])
    raw_s = median([r.raw_s for r in runs])
    ratio = median([r.ratio for r in runs])
    value = (f"ingest {briefs / ingest_s:.1f} briefs/s, {fmt_int(tokens / ingest_s)} tok/s; "
             f"raw nlp.pipe {briefs / raw_s:.1f} briefs/s, {fmt_int(tokens / raw_s)} tok/s")
    indexed = min(r.indexed for r in runs)
    note = "" if indexed == briefs else f"only {indexed}/{briefs} indexed"
    return Row("1 Ingest (`newsbrief ingest`) vs raw spaCy", f"{briefs} briefs", value, "–",
               fmt_ratio(ratio), f"ingest ≥ {INGEST_RATIO}× raw", ratio >= INGEST_RATIO and not note, note)


def build_row(db) -> Row:
    """The cached database's build: seconds in Store.save_briefs alone (briefs generated first)."""
    if not db.build_s:
        return Row("0 Database build, save_briefs alone", size_label(db.briefs), "cached build, time unknown")
    stale = getattr(db, "stale", False)
    return Row("0 Database build, save_briefs alone", size_label(db.briefs),
               f"{db.briefs / db.build_s:,.0f} briefs/s ({db.build_s:,.0f} s)",
               note="cached from an older schema" if stale else "")


def growth_per_tenfold(p95_by_size: dict[int, float]) -> float:
    """How many times p95 grows per tenfold more briefs: the slope of log p95 over log size,
    fitted through every size measured. Times under GROWTH_FLOOR_MS count as that floor, so
    a 1 ms -> 3 ms wobble (noise, not growth) cannot fail the check."""
    points = [(math.log10(size), math.log10(max(p95, GROWTH_FLOOR_MS))) for size, p95 in p95_by_size.items()]
    if len(points) < 2:
        return math.nan
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return 10 ** (sum((x - mean_x) * (y - mean_y) for x, y in points) / spread) if spread else math.nan


def query_rows(results: dict[str, dict[int, list[KindTiming]]], number: str = "2") -> list[Row]:
    rows = []
    for kind, by_size in results.items():
        sizes = sorted(by_size)
        limit = P95_MS_BY_KIND.get(kind, P95_MS)
        p95s = {size: median([t.p95 for t in by_size[size]]) for size in sizes}
        growth = growth_per_tenfold(p95s)
        for size in sizes:
            runs = by_size[size]
            p50 = median([t.p50 for t in runs])
            p95 = p95s[size]
            target = f"p95 ≤ {limit:.0f} ms"
            passed = p95 <= limit
            notes = []
            if p95 > limit:
                notes.append("p95")
            ratio = math.nan
            if size == sizes[-1] and not math.isnan(growth):  # one growth figure, over every size
                ratio = growth
                target += f", ≤ {GROWTH:.0f}× per 10× briefs"
                if growth > GROWTH:
                    passed = False
                    notes.append("growth")
            ok_rate = sum(t.ok for t in runs) / max(1, sum(len(t.times_ms) for t in runs))
            rows.append(Row(f"{number} {kind}", size_label(size), fmt_ms(p50), fmt_ms(p95), fmt_ratio(ratio),
                            target, passed, ", ".join(notes)))
            rows[-1].ok_rate = ok_rate  # type: ignore[attr-defined]
    return rows


def name_typo_rows(results: dict[str, dict[int, list[TypoRun]]]) -> list[Row]:
    """Row 2 PostgreSQL name typo, one per lookup and size: candidate latency and recall (no target:
    the figures choose PgStore's default, README "Running for many servers")."""
    rows = []
    for label, by_size in results.items():
        for size, runs in sorted(by_size.items()):
            asked = sum(r.asked for r in runs)
            recall = sum(r.in_candidates for r in runs) / max(1, asked)
            first = sum(r.first for r in runs) / max(1, asked)
            rows.append(Row(f"2 PostgreSQL name typo: {label}", size_label(size),
                            fmt_ms(median([r.p50 for r in runs])), fmt_ms(median([r.p95 for r in runs])),
                            note=f"meant entity in the {CANDIDATES} candidates {recall:.0%}, first after scoring {first:.0%}"))
    return rows


def name_sync_row(runs, briefs: int) -> Row:
    catch_up = median([r.catch_up_ms for r in runs])
    reload = median([r.reload_ms for r in runs])
    cpu = median([r.catch_up_cpu_ms for r in runs])
    return Row("7 Name index after another process writes", size_label(briefs),
               f"{fmt_ms(catch_up)} ({cpu:,.0f} CPU-ms); full reload {fmt_ms(reload)}", "–",
               "–", f"catch-up ≤ {P95_MS:.0f} ms",
               catch_up <= P95_MS)


def cold_ask_row(seconds: list[float], cpu: list[float], briefs: int, spacy_loaded: bool) -> Row:
    p50 = median(seconds)
    worst = max(seconds)
    passed = p50 <= COLD_ASK_S and not spacy_loaded
    return Row("6 Cold start: `newsbrief ask '!who X'`", size_label(briefs),
               f"{p50:.2f} s wall, {median(cpu):.2f} CPU-s (worst {worst:.2f} s)",
               "–", "–", f"≤ {COLD_ASK_S} s, spaCy not imported", passed,
               "spaCy imported" if spacy_loaded else ("" if passed else "slow"))


def autocomplete_row(results: dict[str, dict[int, list[KindTiming]]], entities: int) -> Row:
    [(briefs, runs)] = results["autocomplete"].items()
    p50 = median([t.p50 for t in runs])
    p95 = median([t.p95 for t in runs])
    return Row("5 autocomplete, one big guild", f"{entities:,} entities", fmt_ms(p50), fmt_ms(p95), "–",
               f"p95 ≤ {P95_MS:.0f} ms", p95 <= P95_MS, "p95" if p95 > P95_MS else "")


def memory_row(result: dict, briefs: int) -> Row:
    peak = result["peak_mb"]
    stages = result["stages"]
    before_spacy = stages.get("all queries", [math.nan, math.nan])[1]
    end = stages.get("queries again", [peak])[0]
    return Row("3 Peak RSS of a bot process", size_label(briefs),
               f"{peak:,.0f} MB (peak before spaCy loads: {before_spacy:,.0f} MB; resident at end {end:,.0f} MB)",
               "–", "–", f"≤ {RSS_MB:.0f} MB", peak <= RSS_MB)


def lag_row(runs: list[LagRun], chars: int) -> Row:
    worst = median([r.max_ms for r in runs])
    p95 = median([r.p95_ms for r in runs])
    took = median([r.ingest_s for r in runs])
    bad = [r.status for r in runs if r.status != "indexed"]
    return Row("4 Event-loop lag during ingest_text", f"{chars / 1000:,.0f} KB article",
               f"max {fmt_ms(worst)} (ingest took {took:.1f}s)", fmt_ms(p95), "–",
               f"max ≤ {LAG_MS:.0f} ms", worst <= LAG_MS and not bad,
               f"status {bad[0]}" if bad else "")


def feeds_row(runs: list[FeedsRun], briefs: int) -> Row:
    """Row 8: a poll round of FEEDS feeds with NEW_ITEMS new items, and the queries meanwhile."""
    round_s = median([r.round_s for r in runs])
    p95 = median([r.p95_ms for r in runs])
    indexed = min(r.indexed for r in runs)
    value = (f"round {round_s:.1f}s ({NEW_ITEMS} articles fetched and extracted, "
             f"{min(r.not_modified for r in runs)} feeds unchanged, 304); "
             f"{median([r.queries for r in runs]):.0f} queries meanwhile, "
             f"max {median([r.max_ms for r in runs]):.0f} ms; "
             f"the same queries alone: p95 {fmt_ms(median([r.idle_p95_ms for r in runs]))}")
    note = "" if indexed == NEW_ITEMS else f"only {indexed}/{NEW_ITEMS} indexed"
    return Row(f"11 {FEEDS} feeds polled, {NEW_ITEMS} new items, queries meanwhile", size_label(briefs), value,
               fmt_ms(p95), "–", f"query p95 ≤ {P95_MS:.0f} ms during the round",
               p95 <= P95_MS and not note, note)
def chart_lag_row(runs: list[LagRun], briefs: int) -> Row:
    worst = median([r.max_ms for r in runs])
    p95 = median([r.p95_ms for r in runs])
    took = median([r.ingest_s for r in runs])
    bad = [r.status for r in runs if r.status != "drawn"]
    return Row("12 Event-loop lag while charts are drawn", f"{briefs:,} dated briefs",
               f"max {fmt_ms(worst)} (4 charts took {took:.1f}s)", fmt_ms(p95), "–",
               f"max ≤ {LAG_MS:.0f} ms", worst <= LAG_MS and not bad, f"status {bad[0]}" if bad else "")


def concurrency_rows(backend: str, one: ConcurrencyRun, many: ConcurrencyRun, seconds: float,
                     briefs: int, cores: int) -> list[Row]:
    """One row per client count; the second carries the throughput ratio (a target on PostgreSQL,
    the database shard processes share; one SQLite file is for one process and is only reported).
    Each says how many of the machine's `cores` were busy: when one client already keeps c of
    them busy (its own work and the server's), no number of clients can pass cores / c times
    its throughput, and the second row names that ceiling."""
    ratio = many.per_second / one.per_second if one.per_second else math.nan
    target, passed = ("–", None) if backend == "SQLite" else (f"≥ {SCALING:.0f}× 1 process's queries/s",
                                                              ratio >= SCALING)
    ceiling = cores / one.busy_cores if one.busy_cores > 0 else math.nan
    note = "" if math.isnan(ceiling) else f"this machine's CPU ceiling: {fmt_ratio(ceiling)}"
    label = f"13 who/quotes/search for {seconds:g}s, {backend}"
    return [Row(f"{label}, {run.clients} process{'es' if run.clients > 1 else ''}", size_label(briefs),
                f"{run.per_second:,.0f} queries/s (p50 {fmt_ms(run.p50_ms)}, {run.queries:,} queries, "
                f"client CPU {run.client_cpu_ms:.1f} ms/query, {run.busy_cores:.2f} of {cores} cores busy)",
                fmt_ms(run.p95_ms), fmt_ratio(ratio) if run is many else "–",
                target if run is many else "–", passed if run is many else None,
                note if run is many else "")
            for run in (one, many)]
