"""Fuzzing the ingest path: hostile text in, always an answer out, within the
post's time budget. Runs a few examples in the test suite; `make fuzz` runs many
more and longer ones (FUZZ_EXAMPLES, FUZZ_CHARS)."""
from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers import ingest
from handlers.core.context import Scope, Services
from store import Store

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
CHARS = int(os.environ.get("FUZZ_CHARS", "1500"))

# Pieces hostile texts are made of: every kind of quotation mark, attribution verbs,
# names, line breaks, marks that tokenizers split one at a time, odd code points.
PIECES = ['"', "'", "‘", "’", "“", "”", "«", "»", "``", "''", "(", ")", "-", "—", "!?", ".", ",", ":",
          "\n", "\n\n", " ", "said", "told", "according to", "Smith", "Jones", "Ana Costa", "Name\n",
          "the", "he", "a", "https://example.org/x", "\u200b", "\ufeff", "\x00", "\ud800", "😀", "١٢٣"]

hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=CHARS // 3).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
def test_any_post_gets_an_answer_within_its_budget(extraction_pool, text):
    async def ingest_once() -> ingest.IngestOutcome:
        with tempfile.TemporaryDirectory() as tmp:
            store = await Store.open(Path(tmp) / "fuzz.sqlite3")
            try:
                services = Services(store=store, extractor=extraction_pool)
                outcome = await ingest.ingest_text(services, Scope(1, user_id=2), text[:CHARS])
                stored = await store.count_articles(1)
            finally:
                await store.close()
        assert stored == (1 if outcome.status == "indexed" else 0)  # nothing half-stored
        return outcome

    outcome = asyncio.run(ingest_once())
    assert outcome.status in {"indexed", "rejected"}, outcome.reply.to_text()
    assert outcome.reason != "too costly", f"{len(text)} characters overran the budget: {text[:200]!r}"
    assert outcome.reply.to_text()
