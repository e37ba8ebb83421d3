"""Databases for the query rows, built through `Store.save_briefs` from generated
extraction results (no spaCy) and cached in bench/out/.

A cached file is keyed by what it holds (kind, size, seed, corpus version) and by
a hash of the store's schema, so a change to the schema or its indexes builds a
fresh one. Beside each database a JSON file lists its entities with the number
of briefs naming them; the query sets are drawn from it.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import corpus
from bench.stats import stopwatch
from store.records import Provenance

CORPUS_VERSION = 3  # bump when the briefs or the build change (2: generated name vocabulary; 3: indexes merged)
CORPUS_GUILD = 1_100_000_000_000_000_001  # a realistic Discord snowflake
ROSTER_GUILD = 1_100_000_000_000_000_002
BATCH = 500  # briefs per save_briefs call (one transaction each)
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuiltDb:
    path: Path
    guild: int
    briefs: int
    entities: list[tuple[str, str, int]]  # (name, type, briefs naming it), most first
    build_s: float | None  # seconds in save_briefs while building it, generation excluded (None: unknown)

    @property
    def distinct_entities(self) -> int:
        return len(self.entities)


_FINGERPRINT: str | None = None


def store_fingerprint() -> str:
    """A short hash of the schema the current store creates (tables, indexes,
    triggers, FTS), comments and spacing ignored: a database built under another
    schema is not reused. Other store changes keep the cache (the rows measure
    reading, and Store.open migrates an older file anyway)."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        import re
        import sqlite3
        import tempfile

        from store import Store

        async def create(path):
            store = await Store.open(path)
            await store.close()

        with tempfile.TemporaryDirectory(prefix="newsbrief-schema-") as tmp:
            path = Path(tmp) / "empty.sqlite3"
            asyncio.run(create(path))
            con = sqlite3.connect(path)
            rows = con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                               "ORDER BY type, name").fetchall()
            version = con.execute("PRAGMA user_version").fetchone()[0]
            con.close()
        h = hashlib.sha256(str(version).encode())
        for type_, name, sql in rows:
            sql = " ".join(re.sub(r"--[^\n]*", "", sql or "").split())
            h.update(f"{type_}|{name}|{sql}\n".encode())
        _FINGERPRINT = h.hexdigest()[:10]
    return _FINGERPRINT


def cache_path(out: Path, kind: str, size: int, seed: int) -> Path:
    return out / f"db-{kind}-{size}-s{seed}-c{CORPUS_VERSION}-{store_fingerprint()}.sqlite3"


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".entities.json")


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), _sidecar(path)):
        p.unlink(missing_ok=True)


def _drop_stale(out: Path, kind: str, size: int, seed: int, keep: Path) -> None:
    """Older builds of the same database (previous store code) only take disk space."""
    for p in out.glob(f"db-{kind}-{size}-s{seed}-*.sqlite3"):
        if p != keep:
            _remove(p)


async def _fill(path: Path, guild: int, batches, log) -> tuple[Counter, float]:
    """Save every batch of (Brief, raw_text, metadata) with save_briefs. Each batch is made
    first and then saved, so the seconds returned are the saves alone (not the generating)."""
    from store import Store

    counts: Counter = Counter()
    save_s = 0.0
    store = await Store.open(path)
    try:
        done = 0
        for n, batch in enumerate(batches):
            for brief, _, _ in batch:
                counts.update((e.name, e.type) for e in brief.entities)
            start = time.perf_counter()
            done += len(await store.save_briefs(guild, batch))
            save_s += time.perf_counter() - start
            if n and n % 40 == 0:
                log(f"    {done:,} briefs saved ({done / save_s:,.0f} briefs/s saving)")
        # As `newsbrief ingest` ends a bulk ingest and the bot starts: search indexes merged.
        start = time.perf_counter()
        await store.compact_fulltext()
        log(f"    search indexes merged in {time.perf_counter() - start:,.1f}s")
    finally:
        await store.close()
    return counts, save_s


def _corpus_batches(seed: int, size: int):
    for start in range(0, size, BATCH):
        batch = []
        for k in range(start, min(size, start + BATCH)):
            brief, text = corpus.brief_record(seed, k)
            came = Provenance(source=f"brief-{k:06d}.txt", message_id=10_000_000 + k, channel_id=77,
                              author_id=1000 + k % 50)
            batch.append((brief, text, came))
        yield batch


def _roster_batches(seed: int, entities: int):
    records = corpus.roster_records(seed, entities)
    for start in range(0, len(records), BATCH // 10):
        yield [(b, t, Provenance(source=f"roster-{start + i:05d}.txt"))
               for i, (b, t) in enumerate(records[start:start + BATCH // 10])]


def _load(path: Path, guild: int, build_s: float | None) -> BuiltDb:
    meta = json.loads(_sidecar(path).read_text())
    return BuiltDb(path, guild, meta["briefs"], [tuple(e) for e in meta["entities"]], meta.get("build_s", build_s))


def _older_builds(out: Path, kind: str, size: int, seed: int) -> list[Path]:
    """Cached builds of this database under other schemas, newest first."""
    found = [p for p in out.glob(f"db-{kind}-{size}-s{seed}-c{CORPUS_VERSION}-*.sqlite3") if _sidecar(p).exists()]
    return sorted(found, key=lambda p: -p.stat().st_mtime)


def _ensure(out: Path, kind: str, size: int, seed: int, guild: int, batches, briefs: int, log,
            reuse_stale: bool = False) -> BuiltDb:
    out.mkdir(parents=True, exist_ok=True)
    path = cache_path(out, kind, size, seed)
    if path.exists() and _sidecar(path).exists():
        return _load(path, guild, None)
    older = _older_builds(out, kind, size, seed)
    if reuse_stale and older:
        log(f"  reusing {older[0].name}, built under another schema (--reuse-stale)")
        db = _load(older[0], guild, None)
        db.stale = True  # type: ignore[attr-defined]
        return db
    _drop_stale(out, kind, size, seed, path)
    tmp = path.with_name(path.name + ".building")
    _remove(tmp)
    log(f"  building {path.name} ({size:,} {kind}) ...")
    with stopwatch() as t:
        counts, save_s = asyncio.run(_fill(tmp, guild, batches, log))
    entities = sorted(((n, ty, c) for (n, ty), c in counts.items()), key=lambda e: (-e[2], e[0]))
    _sidecar(path).write_text(json.dumps({"briefs": briefs, "build_s": round(save_s, 1), "entities": entities}))
    for suffix in ("-wal", "-shm"):
        side = Path(f"{tmp}{suffix}")
        if side.exists():
            os.replace(side, f"{path}{suffix}")
    os.replace(tmp, path)
    log(f"  built in {t():.0f}s, of which saving {save_s:.0f}s ({briefs / save_s:,.0f} briefs/s through "
        f"save_briefs), {len(entities):,} distinct entities")
    return _load(path, guild, save_s)


def corpus_db(out: Path, size: int, seed: int, log=print, reuse_stale: bool = False) -> BuiltDb:
    """A guild of `size` generated briefs."""
    return _ensure(out, "briefs", size, seed, CORPUS_GUILD, _corpus_batches(seed, size), size, log, reuse_stale)


def roster_db(out: Path, entities: int, seed: int, log=print, reuse_stale: bool = False) -> BuiltDb:
    """A guild whose briefs name `entities` distinct entities (autocomplete row)."""
    briefs = -(-entities // 50)
    return _ensure(out, "entities", entities, seed, ROSTER_GUILD, _roster_batches(seed, entities), briefs, log,
                   reuse_stale)


def copy_db(src: Path, dst: Path) -> Path:
    """A private copy of a cached database (for rows that write to it)."""
    shutil.copyfile(src, dst)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{src}{suffix}")
        if side.exists():
            shutil.copyfile(side, f"{dst}{suffix}")
    return dst
