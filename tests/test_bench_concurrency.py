"""The bench's concurrency row (issue 17): client processes of their own querying one
database, on each backend, and the table rows it prints."""
from __future__ import annotations

import asyncio
import os

import pytest

from bench import concurrency, databases
from bench.concurrency import ConcurrencyRun
from bench.rows import concurrency_rows
from pgtest import BACKENDS, fresh_schema
from store.pg.copying import copy_sqlite_to_postgresql


@pytest.mark.parametrize("backend", BACKENDS)
async def test_client_processes_answer_queries_from_one_database(backend, tmp_path):
    # The builder and the row run event loops of their own: off this test's loop, in threads.
    db = await asyncio.to_thread(databases.corpus_db, tmp_path, 30, 3, lambda _: None)
    if backend == "sqlite":
        run = await asyncio.to_thread(concurrency.measure, db, db.path, 2, 0.5, 3)
    else:
        async with fresh_schema() as url:
            assert (await copy_sqlite_to_postgresql(db.path, url)).matches
            run = await asyncio.to_thread(concurrency.measure, db, url, 2, 0.5, 3)
    assert run.clients == 2
    assert run.queries > 0 and run.per_second > 0
    assert run.p50_ms <= run.p95_ms and run.client_cpu_ms > 0
    assert 0 < run.busy_cores <= (os.cpu_count() or 1) + 0.01


def test_postgresql_row_misses_below_three_times_one_process_names_the_cpu_ceiling_and_sqlite_has_no_target():
    one = ConcurrencyRun(1, 1000, 100.0, 5.0, 9.0, 1.0, 1.0)
    rows = concurrency_rows("PostgreSQL", one, ConcurrencyRun(4, 2000, 200.0, 9.0, 20.0, 1.0, 2.0), 30, 10_000, 2)
    assert [r.ratio for r in rows] == ["–", "2.00×"] and rows[1].result.startswith("**MISS**")
    assert "1.00 of 2 cores busy" in rows[0].value and "2.00 of 2 cores busy" in rows[1].value
    # One client keeps one core of two busy: two times its throughput is all the machine has.
    assert "ceiling: 2.00×" in rows[1].result
    assert concurrency_rows("PostgreSQL", one, ConcurrencyRun(4, 9000, 310.0, 9.0, 20.0), 30, 10_000, 8)[1].result \
        .startswith("pass")
    sqlite = concurrency_rows("SQLite", one, ConcurrencyRun(4, 2000, 200.0, 9.0, 20.0), 30, 10_000, 2)
    assert sqlite[1].ratio == "2.00×" and sqlite[1].target == "–" and "ceiling" in sqlite[1].result
    assert "p95" not in rows[1].value and rows[1].p95 == "20.0 ms"
