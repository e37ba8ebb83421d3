"""`reindex` streams: a batch of briefs at a time from the store, each batch saved
in one transaction with a checkpoint, so a stopped reindex resumes where it was."""
from __future__ import annotations

import pytest

from extract.model import Brief, Entity
from handlers import reindex
from handlers.core.context import Scope, Services

GUILD = 31337


def brief(n: int) -> Brief:
    return Brief(title=f"Brief {n}", text=f"Brief {n}\n\nMayor Ana Costa spoke {n} times.",
                 entities=[Entity("Ana Costa", "PERSON", mentions=1)])


class Renamer:
    """Stands in for spaCy: each text is read as naming `name`, and the batches are kept."""

    def __init__(self, name: str, stop_after: int | None = None):
        self.name, self.batches, self.stop_after = name, [], stop_after

    def extract_many(self, texts):
        if self.stop_after is not None and sum(map(len, self.batches)) >= self.stop_after:
            raise KeyboardInterrupt  # the bot stopped mid-way
        self.batches.append(list(texts))
        return [Brief(title=t.split("\n")[0], text=t, entities=[Entity(self.name, "PERSON", mentions=1)])
                for t in texts]


@pytest.fixture
async def seeded(empty_store):
    ids = [(await empty_store.save_brief(GUILD, brief(n), brief(n).text)).brief_id for n in range(70)]
    return empty_store, ids


async def names_of(store, brief_id):
    return [e.name for e in (await store.get_article(GUILD, brief_id)).entities]


async def test_reindex_reads_in_batches_and_reports_progress(seeded):
    store, ids = seeded
    renamer, seen = Renamer("Ana Costa-Silva"), []

    async def progress(done, total):
        seen.append((done, total))

    reply = await reindex.run(Services(store=store, extractor=renamer), Scope.local(GUILD), progress=progress)
    assert "Re-read 70 briefs." in reply.to_text()
    assert max(len(b) for b in renamer.batches) <= reindex.BATCH < 70  # never every text at once
    assert seen[0] == (0, 70) and seen[-1] == (70, 70)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert await names_of(store, ids[-1]) == ["Ana Costa-Silva"]
    assert await store.reindex_checkpoint(GUILD) == 0  # finished: nothing to resume


async def test_a_stopped_reindex_resumes_after_its_checkpoint(seeded):
    store, ids = seeded
    first = Renamer("Ana Costa-Silva", stop_after=2 * reindex.BATCH)
    with pytest.raises(KeyboardInterrupt):
        await reindex.run(Services(store=store, extractor=first), Scope.local(GUILD))
    checkpoint = await store.reindex_checkpoint(GUILD)
    assert checkpoint == ids[2 * reindex.BATCH - 1]  # the batches saved whole, and no further
    assert await names_of(store, ids[0]) == ["Ana Costa-Silva"]
    assert await names_of(store, ids[-1]) == ["Ana Costa"]

    second = Renamer("Ana Costa-Silva")
    reply = await reindex.run(Services(store=store, extractor=second), Scope.local(GUILD))
    text = reply.to_text()
    assert f"Resumed after #{checkpoint}" in text and f"Re-read {70 - 2 * reindex.BATCH} briefs." in text
    assert sum(map(len, second.batches)) == 70 - 2 * reindex.BATCH  # the first ones are not read again
    assert await names_of(store, ids[-1]) == ["Ana Costa-Silva"]
    assert await store.reindex_checkpoint(GUILD) == 0
