"""A member hammering the bot: 50 commands in a burst meet the per-member
cooldown, while another member is answered normally throughout; and the
limit lifts once the window has passed."""
from __future__ import annotations

import time
from types import SimpleNamespace

import discord
import pytest
from discord.ext import commands
from discord.app_commands import checks as app_checks
from discord.ext.commands import cooldowns

from simworld import SIMCORD, SMITHS, save

pytestmark = SIMCORD

SLOW = "Slow down a little."


@pytest.mark.bot_settings(cooldown_rate=5, cooldown_per=60.0)
async def test_fifty_commands_in_a_burst_meet_the_cooldown_and_others_are_still_answered(world, monkeypatch):
    # discord.py's cooldowns read the wall clock (time.time); simcord's advance_time moves
    # time.monotonic. Make them one clock, so the window is virtual and no slow machine stretches it.
    virtual = SimpleNamespace(time=lambda: 1_000_000 + time.monotonic())
    monkeypatch.setattr(cooldowns, "time", virtual)
    monkeypatch.setattr(app_checks, "time", virtual)
    await save(world.store, world.guild.id, SMITHS)
    lines = ["!stats", "!who John Smith", "!quotes bread", "!search bakeries", "!articles"]
    titles = []
    for n in range(50):
        asked = await world.alice.send(world.general, lines[n % len(lines)])
        [answer] = world.replies_to(asked)  # every command gets exactly one answer, none is dropped
        titles.append(answer.embeds[0].title)
        if n in (10, 30):  # bob, in the middle of alice's burst
            other = await world.bob.send(world.general, "!who Jane Smith")
            assert world.replies_to(other)[0].embeds[0].title == "Jane Smith"
            slash = await world.bob.slash(world.general, "quotes", text="healthy")
            assert "Competition is healthy" in slash.response.embeds[0].description

    # The first five are answered (the query commands share one allowance), the other 45 slowed.
    assert SLOW not in titles[:5] and titles[1] == "John Smith"
    assert titles[5:] == [SLOW] * 45
    slowed = [e for e in world.env.errors if isinstance(e, commands.CommandOnCooldown)]
    assert len(slowed) == 45 and len(world.env.errors) == 45

    # The slash path shares the same allowance, privately.
    slash = await world.alice.slash(world.general, "stats")
    assert slash.ephemeral and slash.response.embeds[0].title == SLOW
    world.env.errors  # acknowledged

    # Every member has an allowance of their own.
    settings = await world.mod.send(world.general, "!settings")
    assert world.replies_to(settings)[0].embeds[0].colour != discord.Colour.red()

    await world.env.advance_time(61)
    later = await world.alice.send(world.general, "!who John Smith")
    assert world.replies_to(later)[0].embeds[0].title == "John Smith"
