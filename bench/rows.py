"""Measurements -> table rows, with targets and pass/miss."""
from __future__ import annotations

import math

from bench.ingest_row import IngestRun
from bench.loop_lag import LagRun
from bench.queries import KindTiming
from bench.report import Row, fmt_int, fmt_ms, fmt_ratio
from bench.stats import median

INGEST_RATIO = 0.8
P95_MS = 20.0
GROWTH = 2.0  # p95 at N briefs <= 2 x p95 at N/10
RSS_MB = 400.0
LAG_MS = 100.0


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


def query_rows(results: dict[str, dict[int, list[KindTiming]]], number: str = "2") -> list[Row]:
    rows = []
    for kind, by_size in results.items():
        sizes = sorted(by_size)
        for size in sizes:
            runs = by_size[size]
            p50 = median([t.p50 for t in runs])
            p95 = median([t.p95 for t in runs])
            smaller = size // 10
            ratio = math.nan
            target = f"p95 ≤ {P95_MS:.0f} ms"
            passed = p95 <= P95_MS
            notes = []
            if p95 > P95_MS:
                notes.append("p95")
            if smaller in by_size:
                ratio = median([a.p95 / b.p95 for a, b in zip(runs, by_size[smaller]) if b.p95 > 0])
                target += f", ≤ {GROWTH:.0f}× {smaller:,}"
                if ratio > GROWTH:
                    passed = False
                    notes.append("growth")
            ok_rate = sum(t.ok for t in runs) / max(1, sum(len(t.times_ms) for t in runs))
            rows.append(Row(f"{number} {kind}", size_label(size), fmt_ms(p50), fmt_ms(p95), fmt_ratio(ratio),
                            target, passed, ", ".join(notes)))
            rows[-1].ok_rate = ok_rate  # type: ignore[attr-defined]
    return rows


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


def chart_lag_row(runs: list[LagRun], briefs: int) -> Row:
    worst = median([r.max_ms for r in runs])
    p95 = median([r.p95_ms for r in runs])
    took = median([r.ingest_s for r in runs])
    bad = [r.status for r in runs if r.status != "drawn"]
    return Row("6 Event-loop lag while charts are drawn", f"{briefs:,} dated briefs",
               f"max {fmt_ms(worst)} (4 charts took {took:.1f}s)", fmt_ms(p95), "–",
               f"max ≤ {LAG_MS:.0f} ms", worst <= LAG_MS and not bad, f"status {bad[0]}" if bad else "")
