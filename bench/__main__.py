"""`python -m bench` (`make bench`): the newsbrief benchmark; prints one Markdown
table and writes it to bench/out/latest.md.

    python -m bench                      # everything, sizes 1,000 / 10,000 / 100,000
    python -m bench --quick              # a small smoke run (a minute or two)
    python -m bench --sizes 1000,10000 --only queries,memory
    python -m bench --no-profile         # skip the profiles of missed targets
    python -m bench --only adversarial,workers,reindex   # the extraction and pool rows only
    python -m bench --only concurrency --concurrency-seconds 5   # a short run of the concurrency row

Databases are built once through Store.save_briefs (no spaCy) and cached in
bench/out/ by size, seed and the store's source; progress goes to stderr.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import (chart_lag, cold_start, corpus, databases, feeds_row, ingest_row, loop_lag, name_sync, name_typos,
                   pool_rows, queries, rows)
from bench.report import Report, header

OUT = Path(__file__).resolve().parent / "out"
ROWS = ("ingest", "queries", "pgqueries", "memory", "lag", "autocomplete", "cold", "sync", "adversarial", "workers", "reindex",
        "answers", "feeds", "charts", "concurrency")


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    p.add_argument("--sizes", help="database sizes in briefs, comma separated (default 1000,10000,100000)")
    p.add_argument("--runs", type=int, help="runs per timing row; the median is reported (default 3)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--ingest-briefs", type=int, help="briefs for the ingest row (default 500)")
    p.add_argument("--queries", type=int, help="queries per command kind per run (default 100)")
    p.add_argument("--entities", type=int, help="entities in the autocomplete guild (default 50000)")
    p.add_argument("--article-kb", type=int, help="size of the long article, KB (default 200)")
    p.add_argument("--adversarial-sizes", help="brief sizes in characters for the adversarial row "
                   "(default 24000,300000: the size limit)")
    p.add_argument("--workers-briefs", type=int, help="briefs for the 1-vs-2 workers row (default 256)")
    p.add_argument("--reindex-size", type=int, help="briefs in the reindexed database (default 10000)")
    p.add_argument("--concurrency-seconds", type=float,
                   help="how long the client processes of the concurrency row query (default 30)")
    p.add_argument("--concurrency-size", type=int, help="briefs in the concurrency row's database (default 10000)")
    p.add_argument("--clients", type=int, default=4, help="client processes in the concurrency row (default 4)")
    p.add_argument("--only", help=f"comma separated subset of {','.join(ROWS)}")
    p.add_argument("--reuse-stale", action="store_true",
                   help="use a cached database built under an older store schema rather than rebuild it")
    p.add_argument("--no-profile", action="store_true", help="do not profile missed targets")
    p.add_argument("--out", type=Path, default=OUT, help="cache and output folder (default bench/out)")
    a = p.parse_args(argv)
    quick = a.quick
    a.sizes = [int(s.replace("_", "")) for s in (a.sizes or ("300,3000" if quick else "1000,10000,100000")).split(",")]
    a.runs = a.runs or (2 if quick else 3)
    a.ingest_briefs = a.ingest_briefs or (24 if quick else 500)
    a.queries = a.queries or (20 if quick else 100)
    a.entities = a.entities or (3000 if quick else 50_000)
    a.article_kb = a.article_kb or (20 if quick else 200)
    a.adversarial_sizes = [int(s.replace("_", "")) for s in
                           (a.adversarial_sizes or ("6000" if quick else "24000,300000")).split(",")]
    a.workers_briefs = a.workers_briefs or (32 if quick else 256)
    a.reindex_size = a.reindex_size or (300 if quick else 10_000)
    a.concurrency_seconds = a.concurrency_seconds or (5 if quick else 30)
    a.concurrency_size = a.concurrency_size or (300 if quick else 10_000)
    a.only = set(a.only.split(",")) if a.only else set(ROWS)
    unknown = a.only - set(ROWS)
    if unknown:
        p.error(f"unknown rows: {', '.join(sorted(unknown))}")
    return a


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = Report()
    misses: list[tuple[str, object]] = []  # (what, context) to profile afterwards
    extractor = None

    def loaded_extractor():
        nonlocal extractor
        if extractor is None:
            from extract import Extractor
            log("loading the spaCy pipeline")
            extractor = Extractor()
            extractor.nlp
        return extractor

    dbs = []
    if args.only & {"queries", "pgqueries", "memory", "lag", "cold", "sync", "feeds"}:
        log(f"databases: {', '.join(f'{s:,}' for s in args.sizes)} briefs")
        dbs = [databases.corpus_db(args.out, size, args.seed, log, args.reuse_stale) for size in args.sizes]
        for db in dbs:
            words = len({w for name, _, _ in db.entities for w in name.lower().split()})
            report.notes.append(f"Database of {db.briefs:,} briefs: {db.distinct_entities:,} distinct entities "
                                f"({words:,} distinct name words), "
                                f"{db.path.stat().st_size / 2**20:,.0f} MB"
                                + (f", saved in {db.build_s:,.0f}s through save_briefs (generation excluded) "
                                   f"({db.briefs / db.build_s:,.0f} briefs/s)" if db.build_s else "")
                                + (" (cached build from an older store schema)" if getattr(db, "stale", False)
                                   else ""))

        for db in dbs:
            report.add(rows.build_row(db))

    if "ingest" in args.only:
        log(f"row 1: ingest {args.ingest_briefs} briefs x {args.runs} runs")
        runs = ingest_row.measure(loaded_extractor(), args.seed, args.ingest_briefs, args.runs, log)
        row = report.add(rows.ingest_row(runs))
        if row.passed is False:
            misses.append(("ingest", None))

    if "queries" in args.only:
        log(f"row 2: queries, {args.queries} per kind x {args.runs} runs")
        results = asyncio.run(queries.measure(dbs, args.queries, args.runs, args.seed, log=log))
        for row in rows.query_rows(results):
            report.add(row)
            if row.passed is False and row.size == rows.size_label(dbs[-1].briefs):
                misses.append(("query", row.benchmark.split(" ", 1)[1]))
        rates = {r.benchmark.split(" ", 1)[1]: r.ok_rate for r in report.rows if hasattr(r, "ok_rate")
                 and r.size == rows.size_label(dbs[-1].briefs)}
        report.notes.append("Replies that found something at the largest size: "
                            + ", ".join(f"{k} {v:.0%}" for k, v in rates.items()) + ".")

    if "pgqueries" in args.only:
        log(f"row 2 on PostgreSQL: the same queries on copies of the databases, {args.queries} per kind x {args.runs}")
        results = asyncio.run(queries.measure(dbs, args.queries, args.runs, args.seed, log=log,
                                              backend="postgresql"))
        for row in rows.query_rows(results, number="2 PostgreSQL"):
            report.add(row)
        log(f"row 2 on PostgreSQL, name typos: in-process index vs pg_trgm, {args.queries} names x {args.runs}")
        typos = asyncio.run(name_typos.measure(dbs, args.queries, args.runs, args.seed, log=log))
        for row in rows.name_typo_rows(typos):
            report.add(row)

    if "memory" in args.only:
        big = dbs[-1]
        log(f"row 3: peak RSS of a bot process on {big.briefs:,} briefs")
        result = bot_process(big, args)
        row = report.add(rows.memory_row(result, big.briefs))
        report.notes.append("Bot process memory by stage, resident/peak MB: "
                            + ", ".join(f"{k} {v[0]:,.0f}/{v[1]:,.0f}" for k, v in result["stages"].items()) + ".")
        if row.passed is False:
            misses.append(("memory", big))

    if "lag" in args.only:
        base = next((db for db in reversed(dbs) if db.briefs <= 10_000), dbs[0])
        chars = args.article_kb * 1000
        log(f"row 4: event-loop lag, {args.article_kb} KB article into a copy of the {base.briefs:,}-brief db")
        runs = []
        with tempfile.TemporaryDirectory(prefix="newsbrief-lag-") as tmp:
            for run in range(args.runs):
                db = databases.copy_db(base.path, Path(tmp) / f"lag-{run}.sqlite3")
                text = corpus.long_article(args.seed + run, chars)
                r = loop_lag.measure(db, base.guild, loaded_extractor(), text)
                log(f"  lag run {run + 1}: max {r.max_ms:.0f} ms, p95 {r.p95_ms:.1f} ms, "
                    f"{r.ticks} ticks, ingest {r.ingest_s:.1f}s, {r.status}")
                runs.append(r)
        row = report.add(rows.lag_row(runs, chars))
        if row.passed is False:
            misses.append(("lag", base))

    if "autocomplete" in args.only:
        log(f"row 5: autocomplete with {args.entities:,} entities in one guild")
        roster = databases.roster_db(args.out, args.entities, args.seed, log, args.reuse_stale)
        results = asyncio.run(queries.measure([roster], args.queries, args.runs, args.seed,
                                                 kinds=("autocomplete",), log=log))
        row = report.add(rows.autocomplete_row(results, args.entities))
        if row.passed is False:
            misses.append(("autocomplete", roster))

    if "cold" in args.only:
        big = dbs[-1]
        name = max(big.entities, key=lambda e: e[2])[0]
        log(f"row 6: cold `newsbrief ask '!who {name}'` on {big.briefs:,} briefs x {max(5, args.runs)}")
        seconds, cpu, spacy_loaded = cold_start.measure(big.path, big.guild, name, max(5, args.runs))
        report.add(rows.cold_ask_row(seconds, cpu, big.briefs, spacy_loaded))

    if "sync" in args.only:
        big = dbs[-1]
        typo = queries.typo(max(big.entities, key=lambda e: e[2])[0], random.Random(args.seed))
        log(f"row 7: name index after another process writes, {big.briefs:,} briefs x {args.runs}")
        runs = []
        with tempfile.TemporaryDirectory(prefix="newsbrief-sync-") as tmp:
            for run in range(args.runs):
                db = databases.copy_db(big.path, Path(tmp) / f"sync-{run}.sqlite3")
                runs.append(name_sync.measure(db, big.guild, typo, args.seed + run))
        report.add(rows.name_sync_row(runs, big.briefs))

    if "adversarial" in args.only:
        log(f"row 8: adversarial briefs at {', '.join(f'{s:,}' for s in args.adversarial_sizes)} characters")
        for row in pool_rows.adversarial(loaded_extractor(), args.adversarial_sizes, args.seed, args.runs, log):
            report.add(row)

    if "workers" in args.only:
        log(f"row 9: bulk ingest of {args.workers_briefs} briefs with 1 and 2 extraction workers")
        report.add(pool_rows.workers(args.seed, args.workers_briefs, args.runs, log))

    if "reindex" in args.only:
        log(f"row 10: reindex of {args.reindex_size:,} briefs through the pool")
        db = databases.corpus_db(args.out, args.reindex_size, args.seed, log, args.reuse_stale)
        report.add(pool_rows.reindex(db, 2, log))

    if "answers" in args.only:
        from bench import answers
        sets = [d for d in answers.DEFAULT_SETS if d.is_dir()]
        if sets:
            log(f"answers: who / typo / absent / quotes on {', '.join(d.name for d in sets)}")
            results = asyncio.run(answers.build_and_ask(sets, None, False))
            report.notes.append("Answer quality (bench/answers.py): " + answers.summary(results) + ".")
        else:
            log("answers: skipped, no gold sets found")

    if "feeds" in args.only:
        base = next((db for db in reversed(dbs) if db.briefs <= 10_000), dbs[0])
        log(f"row 11: {feeds_row.FEEDS} feeds, {feeds_row.NEW_ITEMS} new items, on a copy of the "
            f"{base.briefs:,}-brief db x {args.runs}")
        runs = feeds_row.measure(base, args.seed, args.runs, log)
        report.add(rows.feeds_row(runs, base.briefs))
    if "charts" in args.only:
        briefs = 300 if args.quick else 3000
        log(f"row 12: event-loop lag while timeline, compare, network and digest draw, {briefs:,} dated briefs")
        runs = []
        with tempfile.TemporaryDirectory(prefix="newsbrief-charts-") as tmp:
            for run in range(args.runs):
                r = chart_lag.measure(Path(tmp), briefs, args.seed + run)
                log(f"  chart run {run + 1}: max {r.max_ms:.0f} ms, p95 {r.p95_ms:.1f} ms, {r.ingest_s:.1f}s, "
                    f"{r.status}")
                runs.append(r)
        report.add(rows.chart_lag_row(runs, briefs))

    if "concurrency" in args.only:
        concurrency_row(args, report)

    if misses and not args.no_profile:
        profile_misses(misses, dbs, args, loaded_extractor, report)

    text = report.markdown(header(args))
    print(text)
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    log(f"written to {args.out / 'latest.md'}")
    return 0


def concurrency_row(args, report: Report) -> None:
    from bench import concurrency
    from bench.pg_databases import url_for

    db = databases.corpus_db(args.out, args.concurrency_size, args.seed, log, args.reuse_stale)
    seconds = args.concurrency_seconds
    for backend, location in (("SQLite", db.path), ("PostgreSQL", asyncio.run(url_for(db, log)))):
        runs = []
        for clients in (1, args.clients):
            log(f"row 13: {clients} client process(es) on one {backend} database of {db.briefs:,} briefs "
                f"for {seconds:g}s")
            run = concurrency.measure(db, location, clients, seconds, args.seed)
            log(f"  {run.per_second:,.0f} queries/s, p95 {run.p95_ms:.1f} ms")
            runs.append(run)
        for row in rows.concurrency_rows(backend, runs[0], runs[1], seconds, db.briefs, os.cpu_count() or 1):
            report.add(row)
    # Processes beyond the machine's free cores cannot add throughput: the load says how many were free.
    report.notes.append(f"Row 13 ran {args.clients} client processes on {os.cpu_count()} CPUs (PostgreSQL's server on "
                        f"the same machine); load average after it: "
                        + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + ".")


def bot_process(db, args, trace: bool = False) -> dict:
    qs = queries.query_set(db, max(5, args.queries // 5), args.seed)
    qfile = args.out / f"queries-{db.briefs}.json"
    qfile.write_text(json.dumps([{"kind": q.kind, "args": q.args} for kind in qs for q in qs[kind]]))
    cmd = [sys.executable, "-m", "bench.bot_process", str(db.path), str(db.guild), str(qfile)]
    if trace:
        cmd.append("--trace")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"bot process failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def profile_misses(misses, dbs, args, loaded_extractor, report: Report) -> None:
    from bench import profiling

    for what, ctx in misses:
        log(f"profiling: {what} {ctx if isinstance(ctx, str) else ''}")
        try:
            if what == "ingest":
                texts = corpus.brief_texts(args.seed, min(60, args.ingest_briefs))
                with tempfile.TemporaryDirectory(prefix="newsbrief-prof-") as tmp:
                    report.profiles.append(profiling.profile_ingest(
                        loaded_extractor(), texts, Path(tmp) / "p.sqlite3", databases.CORPUS_GUILD))
            elif what == "query":
                db = dbs[-1]
                qs = queries.query_set(db, args.queries, args.seed)[ctx]
                report.profiles.append(profiling.profile_queries(db, ctx, qs))
            elif what == "autocomplete":
                qs = queries.query_set(ctx, args.queries, args.seed)["autocomplete"]
                report.profiles.append(profiling.profile_queries(ctx, f"autocomplete ({args.entities:,} entities)",
                                                                 qs))
            elif what == "lag":
                text = corpus.long_article(args.seed + 99, args.article_kb * 1000)
                report.profiles.append(profiling.profile_lag(loaded_extractor(), text))
            elif what == "memory":
                result = bot_process(ctx, args, trace=True)
                body = [f"peak {result['peak_mb']:,.0f} MB; Python objects (tracemalloc) peaked at "
                        f"{result.get('traced_peak_mb', 0):,.0f} MB; the rest is native (SQLite cache, spaCy, "
                        "numpy, rapidfuzz).",
                        "stages, resident/peak MB: "
                        + ", ".join(f"{k} {v[0]:,.0f}/{v[1]:,.0f}" for k, v in result["stages"].items()),
                        "", "largest Python allocations still live at the end:"]
                body += result.get("top_allocations", [])
                report.profiles.append("### memory\n\n```\n" + "\n".join(body) + "\n```\n")
        except Exception as exc:  # a profile must not lose the table
            report.profiles.append(f"### {what}\n\nprofiling failed: {exc!r}\n")


if __name__ == "__main__":
    sys.exit(main())
