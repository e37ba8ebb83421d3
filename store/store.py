"""`Store`: the async API the handlers use. Everything is scoped to one guild.

Two aiosqlite connections: one writer, used under an asyncio lock so writes
from concurrent ingests queue instead of failing with `database is locked`,
and one reader, so lookups do not wait behind a long batch write (WAL lets
them read the last committed state meanwhile). Name lookups go through an
in-memory index per guild (name_cache.NameCache).
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Callable

import aiosqlite

from extract.model import Brief
from store import curation
from store import digests as digest_sql
from store import feeds as feed_sql
from store import fts_repair, lookup, reads, search, writes
from store.corrections import Rule
from store.errors import DATABASE_ERRORS, StoreError, translating
from store.name_cache import NameCache, record_changes
from store.normalize import name_key, text_fingerprint, url_key
from store.opening import open_connections, open_reader
from store.records import (ArticleDetail, ArticleRow, Change, CoMentionGraph, EntityMatch, EntityRow, FeedItemRow,
                           FeedRow, FollowRow, Forgotten, GuildStats, Profile, Provenance, SaveResult,
                           StatementDetail, StatementRow, Timeline)

MAX_ID = 2 ** 63 - 1
MAX_LIMIT = 500  # rows any one call returns
SPARE_READER_CACHE_KIB = 8_000  # the second reader's page cache (see _second_reader)
OFFLOAD_CHARS = 20_000  # longer texts are fingerprinted in a thread, so the event loop keeps serving
Clock = Callable[[], datetime]
log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _is_id(value) -> bool:
    """A row id that can exist: a positive 64-bit int (bigger ints would overflow SQLite)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def _guild(guild_id) -> int:
    guild_id = int(guild_id)
    if not -MAX_ID - 1 <= guild_id <= MAX_ID:
        raise ValueError(f"guild id out of range: {guild_id}")
    return guild_id


def _bounded(n, low: int = 0, high: int = MAX_LIMIT) -> int:
    return max(low, min(high, int(n)))


async def _fingerprints(texts: list[str]) -> list[bytes]:
    if sum(map(len, texts)) > OFFLOAD_CHARS:
        return await asyncio.to_thread(lambda: [text_fingerprint(t) for t in texts])
    return [text_fingerprint(t) for t in texts]


@translating  # every sqlite3.Error leaves a public method as a one-line StoreError
class Store:
    """One database file. Every method is a coroutine and takes the guild it
    works for; ids of another guild's rows find nothing (None / False / [])."""

    def __init__(self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection, clock: Clock):
        self.path = path
        self._writer = writer
        self._reader = reader
        self._clock = clock
        self._write_lock = asyncio.Lock()
        self._names = NameCache(path)
        self._warming: asyncio.Task | None = None
        self._repairing: asyncio.Task | None = None
        self._spare: aiosqlite.Connection | None = None  # a second reader, opened by the first long quote search
        self._spare_opening = asyncio.Lock()
        self._closed = False

    @classmethod
    async def open(cls, path, *, clock: Clock | None = None, check_fulltext: bool = False,
                   warm_names: bool = True) -> "Store":
        """Open (creating and migrating) the database at `path`. `clock` gives
        the time briefs are stamped with (tests set it). `check_fulltext` (the
        long-running bot) checks the search indexes in the background and rebuilds
        a damaged one; writes wait for it, reads go on (about 1.4 s per 10,000 briefs,
        too slow for a one-shot `newsbrief ask`). `warm_names=False` skips loading
        the busiest guild's name index in the background: a one-shot command would
        pay for it and rarely use it."""
        path = Path(path).expanduser()
        writer, reader = await open_connections(path)
        store = cls(path, writer, reader, clock or _utc_now)
        if warm_names:
            store._warming = asyncio.create_task(store._warm_up())
        if check_fulltext:
            store._repair_in_background()
        return store

    async def _warm_up(self) -> None:
        """Load the busiest guild's name index in the background, so the first
        typo-tolerant lookup after a start does not wait for it."""
        try:
            rows = list(await self._reader.execute_fetchall("SELECT guild_id FROM guilds ORDER BY briefs DESC LIMIT 1"))
            if rows:
                await self._names.get(self._reader, rows[0][0])
        except (StoreError, ValueError) + DATABASE_ERRORS:  # closed meanwhile, or a problem the next call reports
            pass

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._names.close()  # a background load stops at its next chunk
        if self._warming is not None:
            await asyncio.gather(self._warming, return_exceptions=True)
        if self._repairing is not None and not self._repairing.done():
            await self._writer.interrupt()  # a check is only reading; a rebuild rolls back whole
            await asyncio.gather(self._repairing, return_exceptions=True)
        async with self._write_lock:
            try:
                await self._writer.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            await self._reader.close()
            if self._spare is not None:
                await self._spare.close()
            await self._writer.close()

    # ---- the search indexes -------------------------------------------------------

    async def repair_fulltext(self, *, thorough: bool = False) -> list[str]:
        """Check the full-text indexes and rebuild the damaged ones from the rows
        (one transaction); the names of those rebuilt. `thorough` also compares
        each index with its rows (for `reindex`)."""
        async with self._write_lock:
            if self._closed:
                raise StoreError("The store is closed.")
            damaged = await fts_repair.damaged_indexes(self._writer, thorough=thorough)
            if damaged:
                await self._writer.execute("BEGIN IMMEDIATE")
                try:
                    for table in damaged:
                        await fts_repair.rebuild(self._writer, table)
                    await self._writer.execute("COMMIT")
                except BaseException:
                    await self._rollback()
                    raise
                log.warning("%s: rebuilt the damaged search index %s", self.path, ", ".join(damaged))
            return damaged

    async def compact_fulltext(self) -> None:
        """Merge each search index into one segment (store/fts_repair.compact): at the bot's
        start and after bulk work (`newsbrief ingest`, `reindex`). One short transaction per
        index (about 1.5 s for both at 100,000 briefs, a no-op when already merged)."""
        for table in fts_repair.FTS_TABLES:
            async with self._write_lock:
                if self._closed:
                    raise StoreError("The store is closed.")
                await self._writer.execute("BEGIN IMMEDIATE")
                try:
                    await fts_repair.compact(self._writer, table)
                    await self._writer.execute("COMMIT")
                except BaseException:
                    await self._rollback()
                    raise

    def _met_error(self, error: StoreError) -> None:
        """Called for every translated sqlite3.Error: a damaged index is rebuilt
        in the background, so the member's next try works."""
        if error.damaged_index:
            self._repair_in_background()

    def _repair_in_background(self) -> None:
        if self._closed or (self._repairing is not None and not self._repairing.done()):
            return
        self._repairing = asyncio.create_task(self._repair_quietly())

    async def _repair_quietly(self) -> None:
        try:
            await self.repair_fulltext()
            await self.compact_fulltext()
        except StoreError as exc:
            if not self._closed:
                log.error("%s: checking the search indexes failed: %s", self.path, exc)

    # ---- writing ---------------------------------------------------------------

    @asynccontextmanager
    async def _write(self, guild_id: int):
        """One write transaction for one guild, under the writer lock."""
        async with self._write_lock:
            if self._closed:
                raise StoreError("The store is closed.")
            db = self._writer
            await self._begin(guild_id)
            tx = writes.WriteTx(guild_id)
            try:
                before = await reads.generation(db, guild_id)
                yield tx
                if tx.touched:  # entities may have been re-made under new ids: follows find theirs again
                    await feed_sql.find_lost_follows(db, guild_id)
                after = await writes.bump_generation(db, tx) if tx.changed else None
                if after is not None:
                    await record_changes(db, guild_id, after, tx.touched)
                await db.execute("COMMIT")
            except BaseException:
                await self._rollback()
                raise
            if after is not None:
                await self._names.after_commit(db, guild_id, tx.touched, before, after)

    async def _begin(self, guild_id: int) -> None:
        """Start the write transaction (IMMEDIATE: take the file's write lock now)."""
        await self._writer.execute("BEGIN IMMEDIATE")

    async def _rollback(self) -> None:
        try:
            if self._writer.in_transaction:
                await self._writer.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    async def save_brief(self, guild_id: int, brief: Brief, raw_text: str,
                         provenance: Provenance | None = None) -> SaveResult:
        """`provenance.published_at`/`.date_source`: when the brief was published and how that
        is known (writes.DATE_SOURCES); without them, the time of saving ("ingested")."""
        [result] = await self.save_briefs(guild_id, [(brief, raw_text, provenance or Provenance())])
        return result

    async def save_briefs(self, guild_id: int, items: list[tuple[Brief, str, Provenance]]) -> list[SaveResult]:
        """Save many briefs in one transaction; `items` are (brief, raw text, where it came from)."""
        guild_id = _guild(guild_id)
        if not items:
            return []
        now = reads.iso(self._clock())
        # Worked out before taking the writer lock: the lock is held only for SQL.
        fingerprints = await _fingerprints([raw_text or "" for _, raw_text, _ in items])
        results = []
        async with self._write(guild_id) as tx:
            known = await writes.known_briefs(self._writer, guild_id, fingerprints,
                                              [provenance.source for _, _, provenance in items])
            for (brief, raw_text, provenance), fingerprint in zip(items, fingerprints):
                results.append(await writes.insert_brief(self._writer, tx, brief, raw_text, provenance, now,
                                                         fingerprint, known))
            await writes.flush(self._writer, tx)
        return results

    async def update_brief(self, guild_id: int, brief_id: int, brief: Brief, raw_text: str, *,
                           published: tuple[str, str] | None = None) -> bool:
        """Re-read a brief under its id; `published` (date, source) is its date as the new
        text gives it, kept only where the stored date is not better known."""
        guild_id = _guild(guild_id)
        if not _is_id(brief_id):
            return False
        [fingerprint] = await _fingerprints([raw_text or ""])
        async with self._write(guild_id) as tx:
            return await writes.replace_brief(self._writer, tx, brief_id, brief, raw_text, reads.iso(self._clock()),
                                              fingerprint, published)

    async def update_briefs(self, guild_id: int, items: list[tuple[int, Brief, str]], *,
                            checkpoint: bool = False, published: list | None = None) -> list[bool]:
        """Re-extracted briefs `(brief id, brief, raw text)` in one transaction; False for
        one forgotten meanwhile. `checkpoint`: also record the last id as the guild's
        reindex checkpoint, in the same transaction (see `reindex_checkpoint`).
        `published`: for each item, its (date, source) as its text gives it, or None."""
        guild_id = _guild(guild_id)
        dates = list(published) if published is not None else [None] * len(items)
        kept = [(item, date) for item, date in zip(items, dates) if _is_id(item[0])]
        if not kept:
            return []
        fingerprints = await _fingerprints([raw_text or "" for (_, _, raw_text), _ in kept])
        now = reads.iso(self._clock())
        async with self._write(guild_id) as tx:
            done = [await writes.replace_brief(self._writer, tx, brief_id, brief, raw_text, now, fingerprint, date)
                    for ((brief_id, brief, raw_text), date), fingerprint in zip(kept, fingerprints)]
            if checkpoint:
                await writes.set_reindex_after(self._writer, guild_id, kept[-1][0][0])
        return done

    async def reindex_checkpoint(self, guild_id: int) -> int:
        """The last brief id a stopped reindex saved (0: none under way)."""
        return await reads.reindex_after(self._reader, _guild(guild_id))

    async def finish_reindex(self, guild_id: int) -> None:
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            await writes.set_reindex_after(self._writer, guild_id, None)

    async def count_briefs_after(self, guild_id: int, after_id: int = 0) -> int:
        return await reads.count_briefs_after(self._reader, _guild(guild_id), int(after_id))

    async def delete_brief(self, guild_id: int, brief_id: int) -> bool:
        guild_id = _guild(guild_id)
        if not _is_id(brief_id):
            return False
        async with self._write(guild_id) as tx:
            return await writes.delete_brief(self._writer, tx, brief_id)

    async def watch(self, guild_id: int, channel_id: int) -> bool:
        """Start watching a channel; False if it was watched already."""
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            cursor = await self._writer.execute(
                "INSERT INTO watched_channels (guild_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING", (guild_id, channel_id))
            return cursor.rowcount > 0

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            cursor = await self._writer.execute(
                "DELETE FROM watched_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id))
            return cursor.rowcount > 0

    # ---- lookups ---------------------------------------------------------------

    async def find_duplicate(self, guild_id: int, *, raw_text: str | None = None, source: str | None = None) -> int | None:
        guild_id = _guild(guild_id)
        fingerprint = (await _fingerprints([raw_text]))[0] if raw_text is not None else None
        return await writes.find_duplicate(self._reader, guild_id, fingerprint=fingerprint, source_key=url_key(source))

    async def brief_id_for_message(self, guild_id: int, message_id: int) -> int | None:
        if not _is_id(message_id):
            return None
        return await reads.brief_id_for_message(self._reader, _guild(guild_id), message_id)

    async def raw_briefs(self, guild_id: int) -> list[tuple[int, str]]:
        """Every (id, raw text) of the guild; `iter_raw_briefs` does not hold them all at once."""
        return await reads.raw_briefs(self._reader, _guild(guild_id))

    async def iter_raw_briefs(self, guild_id: int, *, batch: int = 64,
                              after: int = 0) -> AsyncIterator[list[tuple[int, str]]]:
        """(id, raw text) lists of up to `batch` briefs with ids above `after`, in id
        order: a reindex of 100,000 briefs need not keep 250 MB of text in memory."""
        guild_id, batch, after = _guild(guild_id), _bounded(batch, low=1), max(0, int(after))
        while rows := await reads.raw_briefs_after(self._reader, guild_id, after, batch):
            yield rows
            after = rows[-1][0]

    async def get_article(self, guild_id: int, brief_id: int) -> ArticleDetail | None:
        if not _is_id(brief_id):
            return None
        return await reads.get_article(self._reader, _guild(guild_id), brief_id)

    async def latest_articles(self, guild_id: int, limit: int = 10, offset: int = 0) -> list[ArticleRow]:
        return await reads.latest_articles(self._reader, _guild(guild_id), _bounded(limit),
                                           _bounded(offset, high=MAX_ID))

    async def count_articles(self, guild_id: int) -> int:
        return await reads.count_articles(self._reader, _guild(guild_id))

    async def find_entity(self, guild_id: int, name: str) -> EntityMatch:
        """Exact name or alias first; then typo-tolerant. One clear hit gives
        `entity`; several close ones `candidates`; none the nearest few."""
        guild_id = _guild(guild_id)
        key = name_key(name)
        if not key:
            return EntityMatch(None, "none")
        return await lookup.find_entity(self._reader, lambda: self._typo_scored(guild_id, key), guild_id, key)

    async def exact_entities(self, guild_id: int, name: str) -> EntityMatch:
        """Entities called exactly `name` (name or alias, after folding): `exact`,
        `ambiguous` (with candidates) or `none`; no typo tolerance."""
        guild_id = _guild(guild_id)
        key = name_key(name)
        if not key:
            return EntityMatch(None, "none")
        return await lookup.exact_entities(self._reader, guild_id, key)

    async def close_entities(self, guild_id: int, name: str, *, limit: int = 40) -> list[tuple[EntityRow, list[str]]]:
        """Candidates for a name typed with typos: entities with name words like
        its words, each with its name and alias keys; the caller judges them."""
        guild_id = _guild(guild_id)
        key = name_key(name)
        limit = _bounded(limit, high=100)
        if not key or limit == 0:
            return []
        return await lookup.close_entities(self._reader, await self._typo_candidates(guild_id, key, limit), guild_id)

    async def entities_by_initials(self, guild_id: int, letters: str, *, limit: int = 200) -> list[tuple[EntityRow, list[str]]]:
        """Organisations and places whose first two name words start with the
        first two `letters` (candidates for an acronym), with their keys."""
        letters = "".join(ch for ch in name_key(letters) if ch.isalnum())
        return await lookup.by_initials(self._reader, _guild(guild_id), letters, _bounded(limit, high=500))

    async def get_statement(self, guild_id: int, statement_id: int) -> StatementDetail | None:
        """One statement of this guild, with the brief's text around it."""
        if not _is_id(statement_id):
            return None
        return await reads.get_statement(self._reader, _guild(guild_id), statement_id)

    async def entity_profile(self, guild_id: int, entity_id: int, *, statements: int = 5, articles: int = 50,
                             co_mentions: int = 8) -> Profile | None:
        if not _is_id(entity_id):
            return None
        return await reads.entity_profile(self._reader, _guild(guild_id), entity_id,
                                          statements=_bounded(statements), articles=_bounded(articles),
                                          co_mentions=_bounded(co_mentions))

    async def entity_names(self, guild_id: int, prefix: str, *, limit: int = 25) -> list[str]:
        """Autocomplete: canonical names with a word starting like `prefix`,
        most briefs first; then names close to it (a typo in the prefix)."""
        guild_id = _guild(guild_id)
        limit = _bounded(limit, high=100)
        if limit == 0:
            return []
        key = name_key(prefix)
        if not key:
            return await reads.popular_names(self._reader, guild_id, limit)
        index = await self._names.get(self._reader, guild_id)
        return await lookup.complete(self._reader, index, guild_id, key, limit)

    async def suggest_names(self, guild_id: int, name: str, *, limit: int = 5) -> list[str]:
        """Names close to `name`, for "no one called ...; closest names"."""
        guild_id = _guild(guild_id)
        key = name_key(name)
        limit = _bounded(limit, high=25)
        if not key or limit == 0:
            return []
        return await lookup.suggest(self._reader, await self._typo_scored(guild_id, key), guild_id, limit)

    # Typo-tolerant candidates come from the guild's in-process name index; PgStore may ask
    # its trigram index instead (NAME_LOOKUP=trigram).
    async def _typo_candidates(self, guild_id: int, key: str, limit: int) -> list[int]:
        index = await self._names.get(self._reader, guild_id)
        return index.candidates(key, limit=limit)

    async def _typo_scored(self, guild_id: int, key: str) -> tuple[tuple[int, float], ...]:
        return await lookup.scored(self._reader, await self._names.get(self._reader, guild_id), guild_id, key)

    async def search_statements(self, guild_id: int, text: str, *, speaker: str | None = None,
                                speaker_ids: list[int] | None = None, limit: int = 25) -> list[StatementRow]:
        """Statements like `text`, best first; `speaker_ids` (already resolved,
        see handlers.resolve) keeps those speakers'; `speaker` looks a name up."""
        guild_id = _guild(guild_id)
        if speaker_ids is not None:
            speaker_ids = [int(i) for i in speaker_ids if _is_id(i)]
            if not speaker_ids:
                return []
        elif speaker is not None:
            match = await self.find_entity(guild_id, speaker)
            if match.entity is not None:
                speaker_ids = [match.entity.id]
            elif match.how == "ambiguous" and match.candidates:
                speaker_ids = [c.id for c in match.candidates]
            else:
                return []
        return await search.search_statements(self._reader, guild_id, text, _bounded(limit), speaker_ids,
                                              second=self._second_reader)

    async def _second_reader(self):
        """A reader of its own for the second pass of a long search (search.search_statements),
        with a smaller page cache: it only ever walks the statements' index."""
        async with self._spare_opening:
            if self._spare is None and not self._closed:
                self._spare = await open_reader(self.path, cache_kib=SPARE_READER_CACHE_KIB)
        return self._spare

    async def search_articles(self, guild_id: int, text: str, *, limit: int = 25, channel_id: int | None = None,
                              before: str | None = None, after: str | None = None,
                              entity_ids: list[int] | None = None) -> list[ArticleRow]:
        """Briefs matching `text` (words, "phrases", OR, -word), headline matches
        first; optionally only those posted in one channel or published before /
        on or after a day (ISO dates), or naming some entities (ids from a resolved name)."""
        where = search.BriefFilter(channel_id=int(channel_id) if channel_id is not None and _is_id(channel_id) else None,
                                   before=before, after=after,
                                   entity_ids=tuple(int(i) for i in entity_ids or () if _is_id(i)))
        return await search.search_articles(self._reader, _guild(guild_id), text, _bounded(limit), where)

    async def stats(self, guild_id: int) -> GuildStats:
        return await reads.stats(self._reader, _guild(guild_id))

    async def trending(self, guild_id: int, *, days: int = 7, limit: int = 10) -> list[tuple[EntityRow, int]]:
        """Entities in the most briefs published in the last `days` (from the start of that day)."""
        if int(days) < 1:
            return []
        since = reads.days_before(self._clock(), int(days))
        return await reads.trending(self._reader, _guild(guild_id), since, _bounded(limit))

    # ---- over time -----------------------------------------------------------------

    async def generation(self, guild_id: int) -> int:
        """Bumped by every write to the guild: what was drawn from an older one is stale."""
        return await reads.generation(self._reader, _guild(guild_id))

    async def entity_timeline(self, guild_id: int, entity_id: int, *, limit: int = MAX_LIMIT) -> Timeline | None:
        if not _is_id(entity_id):
            return None
        return await reads.entity_timeline(self._reader, _guild(guild_id), entity_id, _bounded(limit, high=5000))

    async def published_dates(self, guild_id: int, entity_id: int, *, limit: int = 5000) -> list[str]:
        if not _is_id(entity_id):
            return []
        return await reads.published_dates(self._reader, _guild(guild_id), entity_id, _bounded(limit, high=5000))

    async def co_mention_graph(self, guild_id: int, entity_id: int, *, neighbours: int = 12) -> CoMentionGraph | None:
        if not _is_id(entity_id):
            return None
        return await reads.co_mention_graph(self._reader, _guild(guild_id), entity_id, _bounded(neighbours, high=50))

    async def period_counts(self, guild_id: int, since: datetime, until: datetime) -> tuple[list[str], dict[int, int]]:
        """Briefs published in [since, until): their dates, and in how many of them each entity is named."""
        rows = await reads.published_between(self._reader, _guild(guild_id), reads.iso(since), reads.iso(until))
        counts = await reads.entity_counts(self._reader, guild_id, [r[0] for r in rows])
        return [r[1] for r in rows], counts

    async def entities_by_id(self, guild_id: int, ids: list[int]) -> dict[int, EntityRow]:
        return await reads.entity_rows(self._reader, _guild(guild_id), [i for i in ids if _is_id(i)][:MAX_LIMIT])

    async def latest_statements_by(self, guild_id: int, entity_id: int, *, limit: int = 1) -> list[StatementRow]:
        profile = await self.entity_profile(guild_id, entity_id, statements=limit, articles=0, co_mentions=0)
        return profile.statements if profile else []

    async def claim_digest(self, guild_id: int, slot: datetime, *, missed: bool = False) -> bool:
        """Take the scheduled digest due at `slot` for posting: False if it, or a later one,
        was posted already (or was not owed: the setting came after it). `missed`: see
        store.digests.claim."""
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            return await digest_sql.claim(self._writer, guild_id, reads.iso(slot), missed=missed)

    def clock_now(self) -> datetime:
        """The store's clock (tests set it): what "this week" means."""
        return self._clock()

    async def watched_channels(self, guild_id: int) -> set[int]:
        return await reads.watched_channels(self._reader, _guild(guild_id))

    # ---- moderators' tools -------------------------------------------------------

    def now(self) -> str:
        return reads.iso(self._clock())

    async def corrections(self, guild_id: int) -> list[Rule]:
        return await curation.rules(self._reader, _guild(guild_id))

    async def entity_keys(self, guild_id: int, entity_id: int) -> list[str]:
        """The name keys a correction of this entity applies to (see curation.entity_keys)."""
        if not _is_id(entity_id):
            return []
        return await curation.entity_keys(self._reader, _guild(guild_id), entity_id)

    async def statement(self, guild_id: int, statement_id: int) -> tuple[int, str, str | None] | None:
        """(brief id, text, speaker) of a statement of this guild."""
        if not _is_id(statement_id):
            return None
        return await curation.statement(self._reader, _guild(guild_id), statement_id)

    async def add_correction(self, guild_id: int, rule: Rule, *, by: int | None = None,
                             before: str | None = None) -> Rule:
        """Store a correction and re-link the briefs it changes, in one
        transaction with its audit entry. `rule.id` and `created_at` are filled in."""
        guild_id = _guild(guild_id)
        now = self.now()
        rule = Rule(0, rule.kind, rule.subject, tuple(rule.keys), rule.brief_id, rule.name, rule.type, by, now)
        async with self._write(guild_id) as tx:
            saved = await curation.add_rule(self._writer, tx, rule)
            await curation.log_change(self._writer, guild_id, now, by, rule.kind, rule.subject, before,
                                      f"correction #{saved.id}: {saved.describe()}")
        return saved

    async def remove_correction(self, guild_id: int, rule_id: int, *, by: int | None = None) -> Rule | None:
        """Drop a correction (the briefs it changed are re-linked without it); None if there is none."""
        guild_id = _guild(guild_id)
        if not _is_id(rule_id):
            return None
        async with self._write(guild_id) as tx:
            rule = await curation.get_rule(self._writer, guild_id, rule_id)
            if rule is None:
                return None
            await curation.remove_rule(self._writer, tx, rule)
            await curation.log_change(self._writer, guild_id, self.now(), by, "remove correction",
                                      f"#{rule.id}", rule.describe(), None)
        return rule

    async def forget_brief(self, guild_id: int, brief_id: int, *, by: int | None = None) -> str | None:
        """Soft delete: the brief leaves every query but can be restored until
        purged. Its title, or None if the guild has no such brief."""
        guild_id = _guild(guild_id)
        if not _is_id(brief_id):
            return None
        now = self.now()
        async with self._write(guild_id) as tx:
            title = await curation.forget(self._writer, tx, brief_id, by, now)
            if title is not None:
                await curation.log_change(self._writer, guild_id, now, by, "forget", f"brief #{brief_id}", title)
        return title

    async def restore_brief(self, guild_id: int, brief_id: int, *, by: int | None = None) -> tuple[str, int | None]:
        """("restored" | "missing" | "duplicate", the duplicate's id)."""
        guild_id = _guild(guild_id)
        if not _is_id(brief_id):
            return "missing", None
        async with self._write(guild_id) as tx:
            outcome = await curation.restore(self._writer, tx, brief_id)
            if outcome[0] == "restored":
                await curation.log_change(self._writer, guild_id, self.now(), by, "restore", f"brief #{brief_id}",
                                          None, "restored")
        return outcome

    async def forgotten_briefs(self, guild_id: int, *, within_hours: float, limit: int = 10) -> list[Forgotten]:
        """Briefs forgotten in the last `within_hours`, latest first."""
        since = self._clock() - timedelta(hours=max(0.0, float(within_hours)))
        return await curation.forgotten(self._reader, _guild(guild_id), reads.iso(since), _bounded(limit))

    async def purge_forgotten(self, *, keep_hours: float) -> int:
        """Drop for good the briefs forgotten more than `keep_hours` ago (every guild)."""
        before = self._clock() - timedelta(hours=max(0.0, float(keep_hours)))
        async with self._write(0):
            return await curation.purge_forgotten(self._writer, reads.iso(before))

    async def log_change(self, guild_id: int, action: str, target: str, *, by: int | None = None,
                         before: str | None = None, after: str | None = None) -> None:
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            await curation.log_change(self._writer, guild_id, self.now(), by, action, target, before, after)

    async def changes(self, guild_id: int, *, limit: int = 10, offset: int = 0) -> list[Change]:
        """The guild's audit log, latest first."""
        return await curation.changes(self._reader, _guild(guild_id), _bounded(limit),
                                      _bounded(offset, high=MAX_ID))

    async def guild_settings(self, guild_id: int) -> dict[str, str]:
        return await curation.settings(self._reader, _guild(guild_id))

    async def guilds_with_setting(self, name: str) -> dict[int, str]:
        return await curation.guilds_with_setting(self._reader, name)

    async def set_guild_setting(self, guild_id: int, name: str, value: str | None, *,
                                by: int | None = None) -> bool:
        """Set (None: clear) one of the guild's settings, with an audit entry; False if it was so already."""
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            old = (await curation.settings(self._writer, guild_id)).get(name)
            if old == value:
                return False
            await curation.set_setting(self._writer, guild_id, name, value)
            await curation.log_change(self._writer, guild_id, self.now(), by, "setting", name, old, value)
            return True

    # ---- feeds -----------------------------------------------------------------

    async def add_feed(self, guild_id: int, url: str, channel_id: int | None = None,
                       added_by: int | None = None) -> tuple[int, bool]:
        """(feed id, created); a server adding a URL twice gets its existing feed."""
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            return await feed_sql.add_feed(self._writer, guild_id, url, channel_id, added_by, reads.iso(self._clock()))

    async def count_feeds(self, guild_id: int) -> int:
        return await feed_sql.count_feeds(self._reader, _guild(guild_id))

    async def feeds(self, guild_id: int) -> list[FeedRow]:
        return await feed_sql.feeds(self._reader, _guild(guild_id))

    async def feed(self, guild_id: int, feed_id: int) -> FeedRow | None:
        if not _is_id(feed_id):
            return None
        return await feed_sql.feed(self._reader, _guild(guild_id), feed_id)

    async def remove_feed(self, guild_id: int, feed_id: int) -> bool:
        guild_id = _guild(guild_id)
        if not _is_id(feed_id):
            return False
        async with self._write(guild_id):
            return await feed_sql.remove_feed(self._writer, guild_id, feed_id)

    async def pause_feed(self, guild_id: int, feed_id: int, paused: bool = True, reason: str | None = None) -> bool:
        guild_id = _guild(guild_id)
        if not _is_id(feed_id):
            return False
        async with self._write(guild_id):
            return await feed_sql.set_paused(self._writer, guild_id, feed_id, paused, reason)

    async def due_feeds(self, now: datetime, *, limit: int = 100) -> list[FeedRow]:
        """Unpaused feeds of every server due for a poll at `now`."""
        return await feed_sql.due_feeds(self._reader, reads.iso(now), _bounded(limit, low=1))

    async def feed_polled(self, feed: FeedRow, *, now: datetime, next_poll: datetime, error: str | None = None,
                          etag: str | None = None, last_modified: str | None = None, title: str | None = None,
                          new_items: int = 0, pause_reason: str | None = None) -> None:
        async with self._write(_guild(feed.guild_id)):
            await feed_sql.polled(self._writer, feed.id, now=reads.iso(now), next_poll=reads.iso(next_poll),
                               error=error, etag=etag, last_modified=last_modified, title=title,
                               new_items=new_items, pause_reason=pause_reason)

    async def feed_item(self, feed: FeedRow, key: str) -> FeedItemRow | None:
        return await feed_sql.feed_item(self._reader, feed.id, key)

    async def remember_feed_item(self, feed: FeedRow, key: str, version: str, brief_id: int | None,
                                 published: datetime | None = None) -> None:
        async with self._write(_guild(feed.guild_id)):
            await feed_sql.remember_item(self._writer, feed.id, key, version, brief_id,
                                      reads.iso(published) if published else None)

    # ---- follows and alerts ------------------------------------------------------

    async def follow_entity(self, guild_id: int, user_id: int, entity_id: int) -> bool | None:
        """Follow an entity (by id: it stays followed through renames and merges); False if
        followed already, None if the guild has no such entity."""
        guild_id = _guild(guild_id)
        if not _is_id(entity_id):
            return None
        async with self._write(guild_id):
            return await feed_sql.follow_entity(self._writer, guild_id, int(user_id), entity_id)

    async def follow_keyword(self, guild_id: int, user_id: int, word: str) -> bool:
        """Follow a word or short phrase; False if followed already (or nothing is left of it)."""
        guild_id = _guild(guild_id)
        key = name_key(word)
        if not key:
            return False
        async with self._write(guild_id):
            return await feed_sql.follow_keyword(self._writer, guild_id, int(user_id), key, word)

    async def unfollow(self, guild_id: int, user_id: int, label: str) -> list[str]:
        """Stop following a word, or an entity by the name it was followed under; what was removed."""
        guild_id = _guild(guild_id)
        key = name_key(label)
        if not key:
            return []
        async with self._write(guild_id):
            return await feed_sql.unfollow(self._writer, guild_id, int(user_id), key)

    async def unfollow_entity(self, guild_id: int, user_id: int, entity_id: int) -> list[str]:
        guild_id = _guild(guild_id)
        if not _is_id(entity_id):
            return []
        async with self._write(guild_id):
            return await feed_sql.unfollow_entity(self._writer, guild_id, int(user_id), entity_id)

    async def following(self, guild_id: int, user_id: int) -> list[FollowRow]:
        return await feed_sql.follows_of(self._reader, _guild(guild_id), int(user_id))

    async def entity_followers(self, guild_id: int, brief_id: int) -> list[tuple[int, str, int]]:
        if not _is_id(brief_id):
            return []
        return await feed_sql.entity_followers(self._reader, _guild(guild_id), brief_id)

    async def keyword_follows(self, guild_id: int) -> list[tuple[int, str, str]]:
        return await feed_sql.keyword_follows(self._reader, _guild(guild_id))

    async def alert_settings(self, guild_id: int) -> tuple[bool, int | None]:
        """(alerts on, alerts channel or None for direct messages)."""
        return await feed_sql.alert_settings(self._reader, _guild(guild_id))

    async def set_alerts(self, guild_id: int, *, enabled: bool, channel_id: int | None) -> None:
        guild_id = _guild(guild_id)
        async with self._write(guild_id):
            await feed_sql.set_alerts(self._writer, guild_id, enabled, channel_id)

if TYPE_CHECKING:  # mypy holds the SQLite store to the interface the handlers are typed against
    from store.interface import StoreInterface

    _SQLITE_STORE: type[StoreInterface] = Store
