"""A post whose extraction overruns its time budget: the worker is replaced, the
member sees ❌ and why, nothing is stored, and the next post is read as usual."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.app import create_bot
from handlers.core.extraction import Budget

from simworld import SHORT_BRIEF, SIMCORD

pytestmark = SIMCORD

COSTLY = ("Council debates budget\n\nMayor Tom Rees said on Tuesday that the budget would pass easily. "
          "Councillors from every ward asked about the cost of the new bridge and the schools. "
          "This brief is marked too costly by the test, so the worker reading it is stopped.")


@dataclass(frozen=True)
class NoTimeForMarked(Budget):
    def seconds(self, text: str) -> float:
        return 0.0 if "marked too costly by the test" in text else 120.0


@pytest.fixture
async def simcord_bot(bot_settings, extraction_pool):
    """The bot on the session's real worker pool (not an in-process extractor)."""
    bot = create_bot(bot_settings, extractor=extraction_pool)
    yield bot
    await bot.close()
    extraction_pool.budget = Budget()


async def test_a_post_over_its_budget_gets_a_cross_and_nothing_is_stored(world, extraction_pool):
    extraction_pool.budget = NoTimeForMarked()
    costly = await world.post_brief(COSTLY)
    assert world.reactions(costly) == ["❌"]
    assert "too costly to read" in world.replies_to(costly)[0].embeds[0].title
    assert (await world.store.stats(world.guild.id)).briefs == 0

    fine = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(fine) == ["✅"]
    assert (await world.store.stats(world.guild.id)).briefs == 1
