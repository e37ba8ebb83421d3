"""The local console: the same handlers as the Discord bot, typed at a prompt
(or piped in), against the local guild, with the sample briefs loaded so there
is something to ask about straight away."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from bot.lines import LineReader
from handlers.core import dispatch
from handlers.core.context import LOCAL_GUILD_ID, Scope
from handlers.ingest import IngestOutcome, ingest_many, read_file
from store.records import Provenance

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
QUIT = {"quit", "exit", "q", ":q", "bye"}
# `!ingest` alone, or opening a ``` fence: the brief is pasted on the lines that follow.
_PASTE_START = re.compile(r"^[!/]?ingest\s*(```\w*)?\s*$", re.I)
FENCE = "```"


def first_line(reason: str, db_path) -> str:
    return (f"newsbrief local console ({reason}): commands run here against {db_path}, "
            "with the sample briefs loaded. Type !help, or quit to leave.")


async def seed_samples(services, scope: Scope | None = None, folder: Path = SAMPLES_DIR) -> list[IngestOutcome]:
    """Index the sample briefs (idempotent: ones already indexed come back as duplicates)."""
    scope = scope or Scope.local()
    items = []
    for path in sorted(folder.glob("*.txt")):
        text = await read_file(services, path.name, path.read_bytes())
        if isinstance(text, str):
            items.append((text, Provenance(source=f"samples/{path.name}")))
    return await ingest_many(services, scope, items)


def seed_summary(outcomes: list[IngestOutcome]) -> str:
    ids = [o.result.brief_id for o in outcomes if o.result is not None]
    new = sum(o.status == "indexed" for o in outcomes)
    if not ids:
        return "No sample briefs could be loaded."
    listed = ", ".join(f"#{i}" for i in sorted(ids))
    if new == 0:
        return f"Sample briefs already indexed: {listed}."
    return f"Sample briefs indexed: {listed} ({new} new)."


async def run_console(services, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, *,
                      guild_id: int = LOCAL_GUILD_ID) -> int:
    """Read commands until quit or end of input; print each reply as text."""
    scope = Scope.local(guild_id)
    interactive = stdin.isatty()
    reader = LineReader(stdin)
    choices = []
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = await reader.readline()
        if not line:  # end of input
            break
        line = line.strip()
        if not line:
            continue
        if line.lower().lstrip("!/") in QUIT:
            break
        # A number picks one of the last reply's "did you mean" choices.
        if line.isdigit() and 0 < int(line) <= len(choices):
            picked = choices[int(line) - 1]
            line = f"{picked.command} {picked.args}"
        start = _PASTE_START.match(line)
        if start:
            block = await read_pasted(reader, fenced=bool(start.group(1)))
            line = f"ingest {block}" if block.strip() else "ingest"
        reply = await dispatch.run_line(services, scope, line)
        choices = reply.choices
        text = reply.to_text()
        if choices:
            text += f"\n(type 1-{len(choices)} to pick)" if len(choices) > 1 else "\n(type 1 to pick it)"
        stdout.write(text + "\n\n")
        stdout.flush()
    return 0


async def read_pasted(reader: LineReader, *, fenced: bool) -> str:
    """The lines of a pasted brief: up to a closing ``` when one was opened
    (on the ingest line or the next), else up to two blank lines in a row or
    the end of input. Single blank lines stay: they separate paragraphs."""
    lines: list[str] = []
    blanks = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        text = line.rstrip("\r\n")
        if not fenced and not lines and text.strip().startswith(FENCE):
            fenced = True
            continue
        if fenced:
            if text.strip() == FENCE:
                break
            lines.append(text)
            continue
        blanks = blanks + 1 if not text.strip() else 0
        if blanks == 2:
            break
        lines.append(text)
    return "\n".join(lines).strip()
