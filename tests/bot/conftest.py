"""Fixtures for the Discord tests: the real bot (create_bot) in simcord's
simulated Discord, on a temporary database, with the session's spaCy
pipeline; a small world (a server, a news channel it watches, members with
and without moderator rights); and a local web server for links.

Settings for one test: `@pytest.mark.bot_settings(cooldown_rate=2)`.
"""
from __future__ import annotations

import discord
import pytest

from bot.app import create_bot
from bot.settings import Settings
from simworld import NewsSite, World


def pytest_configure(config):
    config.addinivalue_line("markers", "bot_settings(**values): Settings fields for this test's bot")


@pytest.fixture
def bot_settings(request, tmp_path, database) -> Settings:
    """The bot's settings, on each backend (tests/conftest.py `database`)."""
    marker = request.node.get_closest_marker("bot_settings")
    values = dict(db_path=tmp_path / "newsbrief.sqlite3", allow_private_urls=True, sync_commands_on_start=True,
                  cooldown_rate=1000, cooldown_per=1.0, fetch_timeout=10.0,
                  database_url=database if isinstance(database, str) else "")
    # On PostgreSQL every lease check is a real round trip: one a simulated minute keeps
    # hours of simulated feed polling quick (the lease is taken at start either way).
    values["lease_check_seconds"] = 60.0
    values.update(marker.kwargs if marker else {})
    return Settings(**values)


@pytest.fixture
async def simcord_bot(bot_settings, extractor):
    bot = create_bot(bot_settings, extractor=extractor)
    yield bot
    await bot.close()  # simcord detaches the bot but leaves closing (the store) to its owner


@pytest.fixture
async def world(simcord_env, simcord_bot) -> World:
    env = simcord_env
    guild = env.create_guild("Newsroom")
    news = guild.create_text_channel("news")
    general = guild.create_text_channel("general")
    mods = guild.create_role("Moderators", permissions=discord.Permissions(manage_guild=True, manage_messages=True))
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    mod = guild.add_member(env.create_user("mod"), roles=[mods])
    await mod.send(general, f"!watch {news.mention}")
    return World(env, guild, news, general, alice, bob, mod, simcord_bot)


@pytest.fixture
def news_site():
    with NewsSite() as site:
        yield site


