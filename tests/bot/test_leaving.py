"""Leaving the command line as Unix users do: Ctrl-C in the console, and
`newsbrief ask ... | head` closing the pipe early."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(*args, tmp_path: Path, **popen):
    env = {**os.environ, "NEWSBRIEF_DB": str(tmp_path / "db.sqlite3"), "DISCORD_TOKEN": "",
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "bot", *args], env=env, cwd=tmp_path, text=True,
                            stderr=subprocess.PIPE, **popen)


def test_ctrl_c_in_the_console_says_goodbye_and_exits_0_at_once(tmp_path):
    console = start("console", tmp_path=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    seen = []
    for line in console.stdout:  # wait until it sits at the prompt, reading input
        seen.append(line)
        if line.startswith(("Sample briefs", "No sample briefs")):
            break
    console.send_signal(signal.SIGINT)  # stdin stays open: nothing else would end it
    out, err = console.communicate(timeout=60)
    assert console.returncode == 0, err
    assert "Bye" in out and "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_closed_pipe_ends_ask_quietly(tmp_path):
    ask = start("ask", "!help", tmp_path=tmp_path, stdout=subprocess.PIPE)
    ask.stdout.close()  # like `| head` that has read all it wants, before anything is written
    err = ask.stderr.read()
    assert ask.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
