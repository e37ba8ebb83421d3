"""`reindex`: re-read every stored brief with the current extractor, keeping ids.

Runs in batches (one nlp.pipe call each) and reports progress through an
optional `progress(done, total)` coroutine so a front-end can update a message.
Starts by checking the search indexes against the rows, rebuilding a damaged one."""
from __future__ import annotations

from typing import Awaitable, Callable

from handlers import dating
from handlers.format import plural
from handlers.guard import handler
from handlers.ingest import extract_briefs
from handlers.reply import Reply

BATCH = 16

Progress = Callable[[int, int], Awaitable[None]]


@handler("reindex")
async def run(services, scope, progress: Progress | None = None) -> Reply:
    store, guild = services.store, scope.guild_id
    stored = await store.raw_briefs(guild)
    if not stored:
        return Reply.info("Nothing to re-read: no briefs are indexed yet.")
    # The search indexes are checked against the rows first: re-reading a brief
    # rewrites its index entries, which a damaged index would refuse.
    rebuilt = await store.repair_fulltext(thorough=True)
    total, done, updated = len(stored), 0, 0
    if progress:
        await progress(0, total)
    for i in range(0, total, BATCH):
        batch = stored[i:i + BATCH]
        briefs = await extract_briefs(services, [text for _, text in batch])
        for (brief_id, text), brief in zip(batch, briefs):
            # False: forgotten while we worked; nothing to update.
            updated += bool(await store.update_brief(guild, brief_id, brief, text,
                                                     published=dating.publication(text)))
        done += len(batch)
        if progress:
            await progress(done, total)
    await store.log_change(guild, "reindex", "every brief", by=scope.user_id, after=f"{updated} re-read")
    return Reply.info(f"Re-read {plural(updated, 'brief')}.",
                      "Entities and statements now come from the current extractor; brief ids are unchanged."
                      + (" The damaged search index was rebuilt." if rebuilt else ""))
