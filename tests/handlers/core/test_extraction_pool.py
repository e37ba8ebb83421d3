"""The extraction pool: spaCy in worker processes, a time budget per brief, and a
brief over its budget refused whole while the others in its batch are indexed."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from extract.model import Brief
from handlers import ingest
from handlers.core.context import Services
from handlers.core.extraction import Budget, TooCostly

ONE = ("Lagarde signals pause as euro zone inflation cools\n\n"
       "European Central Bank President Christine Lagarde said on Thursday that rates would stay on hold. "
       "\"We are in a good place,\" Lagarde told reporters in Frankfurt.")
TWO = ("Harbour reopens after storm\n\n"
       "Port director Ana Costa said the harbour in Lisbon would reopen on Monday. "
       "\"The damage is less than we feared,\" Costa said.")
COSTLY = ("Council debates budget\n\nMayor Tom Rees said the budget would pass. "
          "This one is marked as too costly by the test's budget, so its worker is stopped.")


@dataclass(frozen=True)
class NoTimeFor(Budget):
    """The real budget, except that a text containing `marker` gets no time at all."""

    marker: str = "too costly by the test"

    def seconds(self, text: str) -> float:
        return 0.0 if self.marker in text else 120.0


@pytest.fixture
def pool(extraction_pool):
    yield extraction_pool
    extraction_pool.budget = Budget()


async def test_the_pool_reads_a_brief_as_the_in_process_extractor_does(pool, extractor):
    [from_pool] = await pool.extract([ONE])
    here = extractor.extract(ONE)
    assert isinstance(from_pool, Brief)
    assert from_pool.title == here.title
    assert [e.name for e in from_pool.entities] == [e.name for e in here.entities]
    assert [(s.speaker, s.text) for s in from_pool.statements] == [(s.speaker, s.text) for s in here.statements]


async def test_a_post_over_its_budget_is_refused_and_nothing_is_stored(pool, empty_store, member):
    pool.budget = NoTimeFor()
    services = Services(store=empty_store, extractor=pool)
    outcome = await ingest.ingest_text(services, member, COSTLY)
    assert outcome.status == "rejected" and outcome.reason == "too costly"
    assert "This post is too costly to read." in outcome.reply.to_text()
    assert await empty_store.count_articles(member.guild_id) == 0
    # the worker that was stopped has been replaced: the next post is read as usual
    again = await ingest.ingest_text(services, member, ONE)
    assert again.status == "indexed", again.reply.to_text()


def test_the_budget_grows_with_length_between_its_floor_and_cap():
    budget = Budget(floor=5.0, cap=60.0)
    assert budget.seconds("short") == 5.0
    assert budget.seconds("x" * 24_000) > 5.0
    assert budget.seconds("x" * 48_000) == pytest.approx(2 * budget.seconds("x" * 24_000))
    assert budget.seconds("x" * 300_000) == 60.0


async def test_an_empty_list_needs_no_worker(pool):
    assert await pool.extract([]) == []
    assert not any(isinstance(b, TooCostly) for b in await pool.extract([TWO, ONE]))
