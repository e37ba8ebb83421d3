"""Row 6: how long `newsbrief ask '!who X'` takes from a cold interpreter, and whether it
imported spaCy (a query never parses, so it must not pay for loading it)."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ("import sys\nfrom bot.cli import main\nstatus = main(['ask', '--guild', sys.argv[1], '!who ' + sys.argv[2]])\n"
         "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\nsys.exit(status)")


def _environment(db_path: Path) -> dict:
    # Bytecode is cached as on any installed copy (an environment that forbids writing it would
    # make every start recompile the sources: a third of a second that no user pays).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NEWSBRIEF_DB": str(db_path), "DISCORD_TOKEN": "", "PYTHONPATH": str(ROOT)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(db_path: Path, guild: int, name: str, runs: int) -> tuple[list[float], list[float], bool]:
    """Wall and CPU seconds of `runs` cold `ask` processes (CPU shows the cost on a busy
    machine, where wall time also counts waiting for a core), and whether spaCy was imported."""
    env = _environment(db_path)
    seconds, cpu = [], []
    for run in range(runs + 1):  # the first, untimed, writes the bytecode cache
        cpu_before = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "bot", "ask", "--guild", str(guild), f"!who {name}"],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(f"ask failed: {done.stderr[-2000:]}")
        if run:
            seconds.append(time.perf_counter() - start)
            cpu.append(_children_cpu() - cpu_before)
    probe = subprocess.run([sys.executable, "-c", PROBE, str(guild), name], capture_output=True, text=True,
                           env=env, cwd=ROOT)
    return seconds, cpu, "NO-SPACY" not in probe.stderr
