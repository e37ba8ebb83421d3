"""The one Markdown table the benchmark prints (and bench/out/latest.md keeps)."""
from __future__ import annotations

import math
import platform
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bench.stats import percentile

COLUMNS = ("Benchmark", "Size", "p50 / value", "p95", "Ratio", "Target", "Result")


@dataclass
class Row:
    benchmark: str
    size: str
    value: str
    p95: str = "–"
    ratio: str = "–"
    target: str = "–"
    passed: bool | None = None  # None: no target, or not measured
    note: str = ""

    @property
    def result(self) -> str:
        if self.passed is None:
            return self.note or "–"
        return "pass" if self.passed else "**MISS**" + (f" ({self.note})" if self.note else "")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # lines printed under the table
    profiles: list[str] = field(default_factory=list)  # why targets were missed

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        return row

    def table(self) -> str:
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
        for r in self.rows:
            cells = (r.benchmark, r.size, r.value, r.p95, r.ratio, r.target, r.result)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines)

    def markdown(self, header: str) -> str:
        parts = [header, "", self.table()]
        if self.notes:
            parts += [""] + [f"- {n}" for n in self.notes]
        if self.profiles:
            parts += ["", "## Why targets were missed", ""] + self.profiles
        return "\n".join(parts) + "\n"


def header(args) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"## newsbrief benchmark ({when})\n\n"
            f"Python {platform.python_version()} on {platform.machine()}, {_cpus()} CPUs; "
            f"seed {args.seed}; every timing is the median of {args.runs} runs; "
            f"ratios are taken within a run. Machine speed: summing a million integers in "
            f"Python takes {_python_loop_ms():.1f} ms here (best of 5); {_wake_up()}. Both to compare tables "
            f"from different machines: every query waits for a thread or a server to wake up several times.")


def _wake_up() -> str:
    """How late a 0.5 ms sleep wakes up (a virtual machine's scheduler can add milliseconds)."""
    import time

    late = []
    for _ in range(400):
        start = time.perf_counter()
        time.sleep(0.0005)
        late.append((time.perf_counter() - start - 0.0005) * 1000)
    return (f"a 0.5 ms sleep wakes up {percentile(late, 50):.2f} ms late at the median, "
            f"{percentile(late, 95):.2f} ms at p95 and {percentile(late, 99):.2f} ms at p99")


def _python_loop_ms() -> float:
    import timeit
    return min(timeit.repeat("sum(range(1_000_000))", number=1, repeat=5)) * 1000


def _cpus() -> int:
    import os
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


def fmt_ms(x: float) -> str:
    if x is None or math.isnan(x):
        return "–"
    return f"{x:.1f} ms" if x < 100 else f"{x:,.0f} ms"


def fmt_ratio(x: float) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:.2f}×"


def fmt_int(x: float) -> str:
    return f"{x:,.0f}"
