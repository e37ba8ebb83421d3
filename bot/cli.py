"""The `newsbrief` command line (also `python -m bot`).

    newsbrief run              the Discord bot if DISCORD_TOKEN is set, else the local console
    newsbrief console          the local console over the same handlers, sample briefs loaded
    newsbrief ingest PATH...   index .txt/.md/.html files and folders of them
    newsbrief ask '!who X'     one command against the database, reply printed as text
    newsbrief ask -            one command per line of standard input, each answer after `>>> COMMAND`
    newsbrief extract FILE     extraction only, no database (--json: the scorer's schema)
    newsbrief migrate SQLITE_PATH postgresql://...
                               copy an SQLite index into PostgreSQL (resumes if interrupted)

Failures of the tool itself (database unusable, spaCy model missing) print one
line saying what to do and exit non-zero; "not found" and bad input are answers.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from bot.logs import setup_tool_logging
from extract.model import ModelMissing
from store.errors import StoreError

EXIT_FAILED = 1  # unexpected failure
EXIT_STORE = 2  # the database cannot be used
EXIT_MODEL = 3  # the spaCy model is not installed
INGEST_BATCH = 32  # files per batch, shared out among the extraction workers


class ToolFailure(Exception):
    """A failure with a one-line explanation and an exit status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def cmd_extract(args) -> int:
    from extract import Extractor

    extractor = Extractor(load_settings().spacy_model)
    if args.out_dir:  # a whole set in one process: the scorers read NAME.json from the folder
        out = Path(args.out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name in args.file:
            brief = extractor.extract(_decoded(Path(name)))
            target = out / (Path(name).name.removesuffix(".txt") + ".json")
            target.write_text(json.dumps(brief.to_json(), ensure_ascii=False, indent=1))
        return 0
    if len(args.file) != 1:
        raise ToolFailure("newsbrief: extract takes one FILE (or several with --out-dir)", EXIT_FAILED)
    brief = extractor.extract(_decoded(Path(args.file[0])))
    if args.json:
        print(json.dumps(brief.to_json(), ensure_ascii=False, indent=1))
    else:
        print(brief.title)
        for e in brief.entities:
            print(f"  {e.type:7} {e.name}" + (f" ({e.role})" if e.role else "")
                  + (f"  aka {', '.join(e.aliases)}" if e.aliases else ""))
        for s in brief.statements:
            print(f"  [{s.kind}] {s.speaker or '?'}: {s.text}")
    return 0


def _decoded(path: Path) -> str:
    from handlers.core.textfile import NotText, decode

    try:
        return decode(_read(path))  # the encoding is detected, as for ingested files
    except NotText as exc:
        raise ToolFailure(f"newsbrief: cannot read {path}: {exc}", EXIT_FAILED) from None


# ---- shared set-up -----------------------------------------------------------

def load_settings():
    from bot.settings import Settings

    try:
        return Settings.from_env()
    except ValueError as exc:
        raise ToolFailure(f"newsbrief: bad setting: {exc} (see .env.example)", EXIT_FAILED) from None


@contextlib.asynccontextmanager
async def open_services(settings, *, one_shot: bool = False):
    """Store, the extraction pool (its workers start on the first extraction, so
    `ask` never loads spaCy) and a one-thread executor for other blocking work;
    closed on the way out. `one_shot`: a single command follows, so the store
    does not warm up its name index."""
    from handlers.core.context import Services
    from handlers.core.extraction import pool_from_settings
    from store import StoreError, open_store

    try:
        if not settings.database_url:
            Path(settings.db_path).parent.mkdir(parents=True, exist_ok=True)
        store = await open_store(settings.database, warm_names=not one_shot,
                                 name_lookup=settings.name_lookup)
    except (StoreError, OSError) as exc:
        raise ToolFailure(f"newsbrief: cannot use the database {settings.database_label}: {exc}",
                          EXIT_STORE) from None
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-blocking")
    pool = pool_from_settings(settings)
    try:
        yield Services.from_settings(settings, store, pool, executor)
    finally:
        await store.close()
        executor.shutdown(wait=True)
        pool.close()


def translate_failure(exc: BaseException) -> ToolFailure | None:
    """The one-line message for a failure of the tool itself, or None."""
    if isinstance(exc, ToolFailure):
        return exc
    if isinstance(exc, ModelMissing):
        return ToolFailure(f"newsbrief: {exc}", EXIT_MODEL)
    if isinstance(exc, StoreError):
        return ToolFailure(f"newsbrief: the database cannot be used: {exc}", EXIT_STORE)
    return None


def run_async(coro) -> int:
    try:
        return asyncio.run(coro)
    except KeyboardInterrupt:
        return 130


GOODBYE = "Stopped. Bye."


def run_console_async(coro) -> int:
    """Ctrl-C is how people leave a console: a short goodbye and success."""
    try:
        return asyncio.run(coro)
    except KeyboardInterrupt:
        print(f"\n{GOODBYE}", flush=True)
        return 0


# ---- commands ----------------------------------------------------------------

def cmd_run(args) -> int:
    settings = load_settings()
    if settings.discord_token:
        from bot.app import run_bot

        return run_bot(settings) or 0
    return run_console_async(console_main(settings, "no DISCORD_TOKEN is set"))


def cmd_console(args) -> int:
    return run_console_async(console_main(load_settings(), "you asked for the console", guild_id=args.guild))


async def console_main(settings, reason: str, *, guild_id: int | None = None, stdin=None, stdout=None) -> int:
    from bot.console import first_line, run_console, seed_samples, seed_summary
    from handlers.core.context import LOCAL_GUILD_ID, Scope

    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    guild_id = LOCAL_GUILD_ID if guild_id is None else guild_id
    stdout.write(first_line(reason, settings.database_label) + "\n")
    stdout.flush()
    async with open_services(settings) as services:
        outcomes = await seed_samples(services, Scope.local(guild_id))
        stdout.write(seed_summary(outcomes) + "\n\n")
        return await run_console(services, stdin, stdout, guild_id=guild_id)


def cmd_ingest(args) -> int:
    return run_async(ingest_main(load_settings(), args.paths, args.guild))


FOLDER_NOTES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "SOURCES", "NOTICE"}


def brief_files(paths: list[str]) -> list[tuple[Path, str | None]]:
    """(file, None) for every file to read, or (path, reason) for a path that is skipped."""
    from handlers.core.textfile import SUFFIXES

    out: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if not f.is_file() or f.suffix.lower() not in SUFFIXES or f.name.startswith("."):
                    continue
                # A folder's README or LICENCE describes the folder; it is not news.
                out.append((f, "a folder's notes, not a brief (name the file to index it)"
                            if f.stem.upper() in FOLDER_NOTES else None))
        elif path.is_file():
            out.append((path, None))
        else:
            out.append((path, "no such file or folder"))
    return out


async def ingest_main(settings, paths: list[str], guild_id: int | None = None, out=None) -> int:
    from handlers.core.context import LOCAL_GUILD_ID, Scope
    from handlers.core.format import plural
    from handlers.ingest import IngestOutcome, ingest_batches, read_dated_file
    from store.records import Provenance

    out = out or sys.stdout
    scope = Scope.local(LOCAL_GUILD_ID if guild_id is None else guild_id)
    files = brief_files(paths)
    read: list[tuple[list, dict[int, str], list[int]]] = []  # batches read, awaiting outcomes

    async def batches(services):
        """Files read a batch at a time; each batch's paths and early answers wait in `read`."""
        for start in range(0, len(files), INGEST_BATCH):
            batch = files[start:start + INGEST_BATCH]
            lines: dict[int, str] = {}
            items, where = [], []
            for n, (path, problem) in enumerate(batch):
                if problem:
                    lines[n] = f"{path}: skipped, {problem}"
                    continue
                found = await read_dated_file(services, path.name, _read(path))
                if isinstance(found, IngestOutcome):
                    lines[n] = f"{path}: skipped, {found.reason}"
                    continue
                text, page_date = found  # an .html file's metadata may date it; else its text does
                items.append((text, Provenance(source=path.name, page_date=page_date)))
                where.append(n)
            read.append((batch, lines, where))
            yield items

    async with open_services(settings) as services:
        async for outcomes in ingest_batches(services, scope, batches(services)):
            batch, lines, where = read.pop(0)
            for n, outcome in zip(where, outcomes):
                path = batch[n][0]
                if outcome.status == "indexed":
                    r = outcome.result
                    lines[n] = (f"{path}: #{r.brief_id} {r.title} ({plural(r.entities, 'entity', 'entities')}, "
                                f"{plural(r.statements, 'statement')})")
                else:
                    lines[n] = f"{path}: skipped, {outcome.reason}"
            for n in sorted(lines):
                print(lines[n], file=out, flush=True)
        if files:
            await services.store.compact_fulltext()  # a bulk ingest leaves many small index segments
    if not files:
        print("No .txt, .md or .html files found.", file=out)
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ToolFailure(f"newsbrief: cannot read {path}: {exc.strerror}", EXIT_FAILED) from None


def cmd_ask(args) -> int:
    if args.line == ["-"]:
        return run_async(ask_each_main(load_settings(), sys.stdin, args.guild))
    return run_async(ask_main(load_settings(), " ".join(args.line), args.guild))


async def ask_each_main(settings, lines, guild_id: int | None = None, out=None) -> int:
    """`newsbrief ask -`: one command a line, each answer after `>>> COMMAND`,
    all in one process (one database open, names indexed once)."""
    from handlers.core import dispatch
    from handlers.core.context import LOCAL_GUILD_ID, Scope

    out = out or sys.stdout
    scope = Scope.local(LOCAL_GUILD_ID if guild_id is None else guild_id)
    async with open_services(settings) as services:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            reply = await dispatch.run_line(services, scope, line)
            print(f">>> {line}\n{reply.to_text()}", file=out, flush=True)
    return 0


async def ask_main(settings, line: str, guild_id: int | None = None, out=None) -> int:
    from handlers.core import dispatch
    from handlers.core.context import LOCAL_GUILD_ID, Scope

    out = out or sys.stdout
    async with open_services(settings, one_shot=True) as services:
        reply = await dispatch.execute(services, Scope.local(LOCAL_GUILD_ID if guild_id is None else guild_id),
                                       line)
    print(reply.to_text(), file=out)
    if reply.attachment is not None:
        from bot.chart_files import chart_line, charts_folder

        print(chart_line(reply, charts_folder(settings.db_path)), file=out)
    return 0


BAR_WIDTH = 30


def progress_bar(out) -> Callable[[str, int, int, int, int], None]:
    """A one-line bar on `out`, redrawn in place: the share of all rows copied, and the table under way."""
    def show(table: str, done: int, total: int, done_all: int, all_rows: int) -> None:
        share = done_all / all_rows if all_rows else 1.0
        filled = round(share * BAR_WIDTH)
        out.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%}  {table} {done:,}/{total:,}"
                  + " " * 10)
        out.flush()
    return show


async def migrate_main(sqlite_path: str, url: str, out=None, err=None) -> int:
    """Copy the SQLite index into PostgreSQL with a progress bar, then print each table's counts."""
    from store.pg.copying import copy_sqlite_to_postgresql
    from store.pg.opening import is_database_url, redacted

    out, err = out or sys.stdout, err or sys.stderr
    if not is_database_url(url):
        raise ToolFailure(f"newsbrief: {url!r} is not a postgresql:// URL", EXIT_FAILED)
    try:
        report = await copy_sqlite_to_postgresql(Path(sqlite_path), url, progress_bar(err))
    except StoreError as exc:
        err.write("\n")
        raise ToolFailure(f"newsbrief: cannot migrate {sqlite_path} to {redacted(url)}: {exc}", EXIT_STORE) from None
    err.write("\n")
    for table, (source, target) in report.counts.items():
        out.write(f"{table:17} {source:>10,} in SQLite  {target:>10,} in PostgreSQL"
                  f"{'' if source == target else '  MISMATCH'}\n")
    if not report.matches:
        out.write("verification failed: run the same command again to finish the copy\n")
        return EXIT_FAILED
    out.write(f"verified: {sum(s for s, _ in report.counts.values()):,} rows, every table's count matches\n")
    return 0


def cmd_migrate(args) -> int:
    return asyncio.run(migrate_main(args.sqlite_path, args.url))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsbrief", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    guild_help = "the guild (Discord server id) to use; default: the local console's"

    run = sub.add_parser("run", help="the Discord bot, or the local console when DISCORD_TOKEN is not set")
    run.set_defaults(func=cmd_run)

    con = sub.add_parser("console", help="the local console over the same handlers, sample briefs loaded")
    con.add_argument("--guild", type=int, default=None, help=guild_help)
    con.set_defaults(func=cmd_console)

    ing = sub.add_parser("ingest", help="index .txt/.md/.html files, or folders of them (recursively)")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--guild", type=int, default=None, help=guild_help)
    ing.set_defaults(func=cmd_ingest)

    ask = sub.add_parser("ask", help="run one command, e.g. newsbrief ask '!who Hegseth'; "
                                     "`ask -` runs one command per line of standard input")
    ask.add_argument("line", nargs="+", metavar="COMMAND")
    ask.add_argument("--guild", type=int, default=None, help=guild_help)
    ask.set_defaults(func=cmd_ask)

    ex = sub.add_parser("extract", help="run extraction on one file, no database")
    ex.add_argument("file", nargs="+")
    ex.add_argument("--json", action="store_true", help="print the scorer's JSON schema")
    ex.add_argument("--out-dir", help="extract every FILE in one process, writing DIR/NAME.json")
    ex.set_defaults(func=cmd_extract)

    mig = sub.add_parser("migrate", help="copy an SQLite index (briefs, entities, statements, corrections, "
                                         "settings, feeds) into a PostgreSQL database; run again to resume")
    mig.add_argument("sqlite_path", metavar="SQLITE_PATH")
    mig.add_argument("url", metavar="POSTGRESQL_URL")
    mig.set_defaults(func=cmd_migrate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_tool_logging()  # the bot replaces it with discord.py's handler
    try:
        return args.func(args)
    except BrokenPipeError:  # `newsbrief ask ... | head`: the reader has all it wanted
        _silence_stdout()
        return 0
    except Exception as exc:  # the tool's own failures are one line; anything else is a bug
        failure = translate_failure(exc)
        if failure is None:
            raise
        print(str(failure), file=sys.stderr)
        return failure.status


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit does not complain about the pipe again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
