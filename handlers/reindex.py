"""`reindex`: re-read every stored brief with the current extractor, keeping ids.

Streams the guild's briefs a batch at a time (never all its texts at once),
extracts each batch in the worker pool while the previous one is saved, and
saves a batch in one transaction together with a checkpoint (the last id done):
a reindex that was stopped (restart, crash) resumes after it. Progress goes to
an optional `progress(done, total)` coroutine so a front-end can update a message.
Starts by checking the search indexes against the rows, rebuilding a damaged one."""
from __future__ import annotations

import asyncio
from typing import Awaitable, Callable

from handlers import dating
from handlers.core.extraction import TooCostly
from handlers.core.context import Scope, Services
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.ingest import extract_briefs
from handlers.core.reply import Reply

BATCH = 32  # briefs read, extracted (shared out among the workers) and saved together

Progress = Callable[[int, int], Awaitable[None]]


@handler("reindex")
async def run(services: Services, scope: Scope, progress: Progress | None = None) -> Reply:
    store, guild = services.store, scope.guild_id
    after = await store.reindex_checkpoint(guild)
    total = await store.count_briefs_after(guild, after)
    if not total:
        if after:
            await store.finish_reindex(guild)
        return Reply.info("Nothing to re-read: no briefs are indexed yet." if not after
                          else "Nothing left to re-read: the last reindex had finished.")
    # The search indexes are checked against the rows first: re-reading a brief
    # rewrites its index entries, which a damaged index would refuse.
    rebuilt = await store.repair_fulltext(thorough=True)
    counts = {"done": 0, "updated": 0, "refused": 0}
    if progress:
        await progress(0, total)
    saving: asyncio.Task | None = None
    try:
        async for batch in store.iter_raw_briefs(guild, batch=BATCH, after=after):
            briefs = await extract_briefs(services, [text for _, text in batch])
            if saving is not None:
                await _report(await saving, counts, total, progress)
            saving = asyncio.create_task(_save(store, guild, batch, briefs))
        if saving is not None:
            last, saving = saving, None
            await _report(await last, counts, total, progress)
    finally:
        if saving is not None:  # stopped early: the batch in hand is still saved whole, checkpoint with it
            await saving
    await store.finish_reindex(guild)
    await store.compact_fulltext()  # every brief's index entries were rewritten
    await store.log_change(guild, "reindex", "every brief", by=scope.user_id, after=f"{counts['updated']} re-read")
    detail = "Entities and statements now come from the current extractor; brief ids are unchanged."
    if after:
        detail = f"Resumed after #{after}, where the last reindex stopped. " + detail
    if rebuilt:
        detail += " The damaged search index was rebuilt."
    if counts["refused"]:
        detail += (f" {plural(counts['refused'], 'brief')} took too long to read and kept "
                   "what was extracted before.")
    return Reply.info(f"Re-read {plural(counts['updated'], 'brief')}.", detail)


async def _save(store, guild: int, batch, briefs) -> tuple[int, int, int]:
    """(briefs in the batch, updated, refused as too costly)."""
    items = [(brief_id, brief, text) for (brief_id, text), brief in zip(batch, briefs)
             if not isinstance(brief, TooCostly)]
    refused = len(batch) - len(items)
    if items:
        # The text's own date (a dateline) may date a brief indexed before dates were read.
        updated = sum(await store.update_briefs(guild, items, checkpoint=True,
                                                published=[dating.publication(text) for *_, text in items]))
    else:
        updated = 0
    return len(batch), updated, refused


async def _report(result, counts, total, progress) -> None:
    n, updated, refused = result
    counts["done"] += n
    counts["updated"] += updated
    counts["refused"] += refused
    if progress:
        await progress(counts["done"], total)
