"""Failures away from the command path still reach the member as a short
apology and the log with context: a "did you mean" pick that breaks, and
autocomplete that breaks (no suggestions, never an error on screen)."""
from __future__ import annotations

import logging

import discord

from handlers import complete
from simworld import SIMCORD, SMITHS, save

pytestmark = SIMCORD


async def test_a_broken_pick_is_apologised_for_privately_and_logged(world, monkeypatch, caplog):
    await save(world.store, world.guild.id, SMITHS)
    asked = await world.alice.send(world.general, "!who Smith")
    [answer] = world.replies_to(asked)
    [menu] = [c for row in answer.components for c in row.children if isinstance(c, discord.SelectMenu)]

    async def broken(*args, **kwargs):
        raise RuntimeError("index on fire")

    monkeypatch.setattr(world.store, "exact_entities", broken)  # the first lookup a pick makes
    with caplog.at_level(logging.ERROR, logger="bot.views"):
        picked = await world.alice.select(answer, [menu.options[0].value])
    assert picked.ephemeral
    assert picked.response.content.startswith("Sorry, something went wrong on my side. The error has been logged")
    assert "index on fire" not in picked.response.content
    # The question stays, with its menu, to pick again.
    assert world.fresh(answer).embeds[0].title.startswith("Several matches")
    monkeypatch.undo()
    await world.alice.select(answer, [menu.options[0].value])
    assert world.fresh(answer).embeds[0].title in ("John Smith", "Jane Smith")
    [logged] = [r for r in caplog.records if "failed" in r.getMessage()]
    assert f"guild {world.guild.id}, user {world.alice.id}" in logged.getMessage()
    assert str(logged.exc_info[1]) == "index on fire"
    assert [str(e) for e in world.env.errors] == ["index on fire"]


async def test_broken_autocomplete_offers_nothing_and_is_logged(world, monkeypatch, caplog):
    await save(world.store, world.guild.id, SMITHS)
    assert "John Smith" in [c["name"] for c in await world.alice.autocomplete(world.general, "who", "name", "Joh")]

    async def broken(*args, **kwargs):
        raise RuntimeError("fuzzy index gone")

    monkeypatch.setattr(complete, "entity_names", broken)
    with caplog.at_level(logging.ERROR, logger="bot.table"):
        choices = await world.alice.autocomplete(world.general, "who", "name", "Joh")
    assert choices == []
    assert any("autocomplete failed" in r.getMessage() and "Joh" in r.getMessage() for r in caplog.records)
    # The command itself still runs once the member presses enter.
    monkeypatch.undo()
    ran = await world.alice.slash(world.general, "who", name="John Smith")
    assert ran.response.embeds[0].title == "John Smith"
