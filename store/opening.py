"""Opening the database file: refuse what cannot be used, then migrate.

A file the store cannot use is never modified: read-only files, files that are
not SQLite databases, databases written by a newer newsbrief, or SQLite files
of some other program are refused with a `StoreError` before anything is
written to them.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import aiosqlite

from store.errors import StoreError
from store.schema import MIGRATIONS, SCHEMA_VERSION, statements_of

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's transaction
WRITER_CACHE_KIB = 16_000
READER_CACHE_KIB = 32_000
PAGE_SIZE = 8192


async def open_connections(path: Path) -> tuple[aiosqlite.Connection, aiosqlite.Connection]:
    """(writer, reader) connections to a migrated database at `path`."""
    path = Path(path).expanduser()
    _check_path(path)
    writer = await _connect(path)
    try:
        version = await _user_version(writer, path)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer newsbrief (schema version {version}; this one knows up to "
                f"{SCHEMA_VERSION}). Upgrade newsbrief, or point NEWSBRIEF_DB at another file; it was not changed.")
        if version == 0:
            await _refuse_foreign(writer, path)
            # Only a new file can take it: a brief's row (~2-3 KB of text) would
            # leave most of a 4 KB page empty, 8 KB pages hold three.
            await writer.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        await _configure(writer, path, cache_kib=WRITER_CACHE_KIB)
        await _migrate(writer, path)
        reader = await open_reader(path)
    except BaseException:
        await writer.close()
        raise
    return writer, reader


async def open_reader(path: Path, *, cache_kib: int = READER_CACHE_KIB) -> aiosqlite.Connection:
    """A read-only connection to an opened (migrated) database."""
    reader = await _connect(path)
    try:
        await _configure(reader, path, cache_kib=cache_kib, read_only=True)
    except BaseException:
        await reader.close()
        raise
    return reader


def _check_path(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the folder {folder}: {exc.strerror or exc}.") from None
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file; point NEWSBRIEF_DB at a file.")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"{path} is read-only; make it writable or point NEWSBRIEF_DB at another file.")
    # SQLite writes its -wal and -shm files beside the database.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"The folder {folder} is read-only; the database needs a writable folder.")


async def _connect(path: Path) -> aiosqlite.Connection:
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
        return await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None


async def _user_version(db: aiosqlite.Connection, path: Path) -> int:
    try:
        rows = list(await db.execute_fetchall("PRAGMA user_version"))
        # Reading the schema makes SQLite check the header of an existing file.
        await db.execute_fetchall("SELECT count(*) FROM sqlite_master")
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    return int(rows[0][0])


async def _refuse_foreign(db: aiosqlite.Connection, path: Path) -> None:
    """A version-0 file with tables in it belongs to another program."""
    rows = list(await db.execute_fetchall("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1"))
    if rows:
        raise StoreError(f"{path} is an SQLite database of another program (it has a table {rows[0][0]!r}); "
                         "point NEWSBRIEF_DB at another file; it was not changed.")


async def _configure(db: aiosqlite.Connection, path: Path, *, cache_kib: int, read_only: bool = False) -> None:
    try:
        await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute(f"PRAGMA cache_size = -{cache_kib}")
        await db.execute("PRAGMA temp_store = MEMORY")
        if read_only:
            await db.execute("PRAGMA query_only = ON")
            return
        mode = list(await db.execute_fetchall("PRAGMA journal_mode = WAL"))
        if str(mode[0][0]).lower() != "wal":
            raise StoreError(f"{path}: SQLite could not switch to WAL mode ({mode[0][0]}); "
                             "put the database on a local disk.")
        # In WAL mode NORMAL keeps every commit atomic through a crash of the process.
        await db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise explain(exc, path) from None


async def _migrate(db: aiosqlite.Connection, path: Path) -> None:
    """Apply the missing steps, each in its own transaction. BEGIN IMMEDIATE
    also proves the file is writable when there is nothing to do."""
    while True:
        try:
            await db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(exc, path) from None
        try:
            version = int(list(await db.execute_fetchall("PRAGMA user_version"))[0][0])
            if version >= SCHEMA_VERSION:
                await db.execute("ROLLBACK")
                return
            for statement in statements_of(MIGRATIONS[version]):
                await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {version + 1}")
            await db.execute("COMMIT")
        except BaseException as exc:
            await _rollback(db)
            if isinstance(exc, sqlite3.Error):
                raise explain(exc, path) from None
            raise


async def _rollback(db: aiosqlite.Connection) -> None:
    try:
        if db.in_transaction:
            await db.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def explain(exc: sqlite3.Error, path: Path) -> StoreError:
    """The one-line StoreError for an SQLite error met while opening `path`."""
    text = str(exc)
    low = text.lower()
    if "not a database" in low or "malformed" in low or "encrypted" in low:
        return StoreError(f"{path} is not a usable newsbrief database (corrupt, or not an SQLite file): "
                          f"{text}. Move it aside or point NEWSBRIEF_DB at another file; it was not changed.")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path} is read-only ({text}); make it and its folder writable, "
                          "or point NEWSBRIEF_DB at another file.")
    if "locked" in low or "busy" in low:
        return StoreError(f"{path} is locked by another program ({text}); stop it or wait, then try again.")
    if "unable to open" in low:
        return StoreError(f"Cannot open {path} ({text}); check the path and its permissions.")
    return StoreError(f"Cannot use {path}: {text}.")
