"""Starting and stopping the bot: clear messages for setup mistakes, and a
clean stop (briefs in progress finish, then the database closes)."""
from __future__ import annotations

import asyncio
import os
import signal

import discord
import pytest

from bot.app import create_bot, failure_message, serve
from bot.settings import Settings
from extract import ModelMissing
from store import StoreError


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db_path=tmp_path / "db.sqlite3", discord_token="not-a-real-token")


@pytest.mark.parametrize("exc, words", [
    (discord.LoginFailure("Improper token has been passed."), "DISCORD_TOKEN"),
    (discord.PrivilegedIntentsRequired(None), "Message Content Intent"),
    (StoreError("data/x.sqlite3 is read-only."), "read-only"),
    (ModelMissing("The spaCy pipeline is not installed."), "spaCy"),
])
async def test_setup_mistakes_end_with_one_clear_line(settings, capsys, exc, words):
    bot = create_bot(settings)

    async def start(token):
        raise exc

    bot.start = start
    assert await serve(settings, bot) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err and err.startswith("newsbrief:")


def test_unknown_failures_are_not_disguised():
    assert failure_message(RuntimeError("bug")) is None


async def test_sigterm_stops_cleanly_and_closes_the_database(settings, extractor):
    bot = create_bot(settings, extractor=extractor)

    async def start(token):
        await bot.setup_hook()  # what login does
        assert bot.store is not None
        os.kill(os.getpid(), signal.SIGTERM)  # handled by serve, which is running now
        while not bot.is_closed():
            await asyncio.sleep(0.01)

    bot.start = start
    assert await serve(settings, bot) == 0
    assert bot.store is None and bot.executor is None
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # serve's handler is gone again


async def test_close_waits_for_briefs_being_indexed(settings, extractor):
    bot = create_bot(settings, extractor=extractor)
    await bot.setup_hook()
    release = asyncio.Event()
    seen = []

    async def indexing():
        async with bot.inflight.track():
            await release.wait()
            seen.append((await bot.store.stats(1)).briefs)  # the store is still open

    task = asyncio.create_task(indexing())
    await asyncio.sleep(0)
    closing = asyncio.create_task(bot.close())
    for _ in range(10):
        await asyncio.sleep(0)
    assert not closing.done() and bot.store is not None and bot.stopping
    release.set()
    await closing
    await task
    assert seen == [0] and bot.store is None
