"""The one exception the store raises for a database it cannot use, and the
translation of every sqlite3.Error (and asyncpg error) into it: one line a person can
act on, no traceback."""
from __future__ import annotations

import functools
import inspect
import sqlite3
from contextlib import aclosing

import asyncpg

# What a database driver raises: SQLite's errors, PostgreSQL's (server and connection).
DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError,
                                                    asyncpg.InternalClientError)


class StoreError(Exception):
    """The database cannot be used (read-only, corrupt, newer schema, disk full, ...).
    The message is one line a person can act on."""

    def __init__(self, message: str, *, damaged_index: bool = False):
        super().__init__(message)
        self.damaged_index = damaged_index  # a full-text index needs rebuilding


def is_damaged_index(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT_VTAB: a virtual table (an FTS5 index) is damaged; the rows are fine."""
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT_VTAB"


def describe_postgresql(exc: BaseException) -> StoreError:
    """The StoreError for a PostgreSQL error met while the store was in use."""
    state = getattr(exc, "sqlstate", "") or ""
    if state == "53100":
        return StoreError("The database server's disk is full, so nothing was saved; the bot's admin needs to "
                          "free some space.")
    if state.startswith(("08", "57")) or isinstance(exc, (asyncpg.InterfaceError, asyncpg.InternalClientError)):
        return StoreError("The database server cannot be reached just now; try again in a moment.")
    if state in ("40001", "40P01", "55P03"):
        return StoreError("The database is busy; try again in a moment.")
    if state == "25006":
        return StoreError("The database has become read-only, so nothing was saved; the bot's admin needs to "
                          "make it writable.")
    return StoreError(f"The database could not do that ({' '.join(str(exc).split())[:120]}).")


def describe(exc: BaseException) -> StoreError:
    """The StoreError for an SQLite (or PostgreSQL) error met while the store was in use."""
    if not isinstance(exc, sqlite3.Error):
        return describe_postgresql(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if is_damaged_index(exc):
        return StoreError("The search index is damaged; it is being rebuilt, so try again in a minute.",
                          damaged_index=True)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreError("The database's disk is full, so nothing was saved; the bot's admin needs to free "
                          "some space.")
    if name.startswith("SQLITE_CORRUPT") or name.startswith("SQLITE_NOTADB") or "malformed" in text:
        return StoreError("The database file is damaged; the bot's admin should restore it from a backup.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreError("The database is busy with another program; try again in a moment.")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return StoreError("The database has become read-only, so nothing was saved; the bot's admin needs to "
                          "make it writable.")
    if name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        return StoreError("The database's disk could not be read or written; the bot's admin should check it.")
    if isinstance(exc, sqlite3.ProgrammingError) and "closed" in text:
        return StoreError("The store is closed.")
    return StoreError(f"The database could not do that ({' '.join(str(exc).split())[:120]}).")


def translating(cls):
    """Class decorator: every public coroutine and async generator method of `cls`
    raises StoreError instead of sqlite3.Error (and calls `cls._met_error(exc)`
    first, if it has one, so the store can react, e.g. rebuild a damaged index)."""
    for name, fn in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if inspect.iscoroutinefunction(fn):
            setattr(cls, name, _coroutine(fn))
        elif inspect.isasyncgenfunction(fn):
            setattr(cls, name, _generator(fn))
    return cls


def _translated(self, exc: BaseException) -> StoreError:
    error = describe(exc)
    hook = getattr(self, "_met_error", None)
    if hook is not None:
        hook(error)
    return error


def _coroutine(fn):
    @functools.wraps(fn)
    async def wrapper(self, *args, **kwargs):
        try:
            return await fn(self, *args, **kwargs)
        except DATABASE_ERRORS as exc:
            raise _translated(self, exc) from None
    return wrapper


def _generator(fn):
    @functools.wraps(fn)
    async def wrapper(self, *args, **kwargs):
        try:
            async with aclosing(fn(self, *args, **kwargs)) as items:  # a consumer that stops early closes it
                async for item in items:
                    yield item
        except DATABASE_ERRORS as exc:
            raise _translated(self, exc) from None
    return wrapper
