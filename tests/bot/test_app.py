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
import logging
from types import SimpleNamespace
import bot.app as app
from bot.app import create_bot, serve
from handlers import ingest as ingesting
from handlers.core.context import Scope
from simworld import SHORT_BRIEF
from store import Store
from store.records import Provenance


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


# ---- `newsbrief run` with a token, beyond the first start/stop tests: logging through discord.py's
# setup_logging, Ctrl+C (SIGINT) while a brief is being indexed, and setup mistakes met on
# discord.py's real start path (login, then connect) rather than a replaced `start`.
@pytest.fixture
def debug_settings(tmp_path) -> Settings:
    return Settings(db_path=tmp_path / "db.sqlite3", discord_token="not-a-real-token", log_level="debug")


def test_run_logs_through_discord_setup_logging(debug_settings, monkeypatch):
    calls = []
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kw: calls.append(kw))

    async def fake_serve(given):
        assert given is debug_settings
        return 0

    monkeypatch.setattr(app, "serve", fake_serve)
    assert app.run_bot(debug_settings) == 0
    assert calls == [{"level": logging.DEBUG, "root": True}]


async def test_ctrl_c_while_a_brief_is_indexed_keeps_it_whole(debug_settings, extractor):
    bot = create_bot(debug_settings, extractor=extractor)
    outcome = {}

    async def start(token):
        await bot.setup_hook()  # what login does
        release = asyncio.Event()

        async def indexing():
            async with bot.inflight.track():
                await release.wait()
                outcome["brief"] = await ingesting.ingest_text(bot.services, Scope(guild_id=7), SHORT_BRIEF,
                                                               provenance=Provenance(message_id=99, channel_id=5))

        task = asyncio.create_task(indexing())
        await asyncio.sleep(0)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C, handled by serve
        await asyncio.sleep(0.05)
        assert bot.stopping and bot.store is not None  # stopping, but waiting for the brief
        release.set()
        await task
        while not bot.is_closed():
            await asyncio.sleep(0.01)

    bot.start = start
    assert await serve(debug_settings, bot) == 0
    assert bot.store is None  # closed after the brief was saved
    assert outcome["brief"].status == "indexed"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

    store = await Store.open(debug_settings.db_path)
    try:
        [article] = await store.latest_articles(7)
        detail = await store.get_article(7, article.id)
        assert detail.raw_text == SHORT_BRIEF
        assert any("biggest investment" in s.text for s in detail.statements)
        assert await store.brief_id_for_message(7, 99) == article.id
    finally:
        await store.close()


async def test_a_wrong_token_is_reported_from_the_real_login(debug_settings, capsys):
    bot = create_bot(debug_settings)

    async def unauthorized(route, **kwargs):
        # What Discord answers GET /users/@me with a bad token; discord.py turns it into LoginFailure.
        raise discord.HTTPException(SimpleNamespace(status=401, reason="Unauthorized"),
                                    {"message": "401: Unauthorized", "code": 0})

    bot.http.request = unauthorized
    assert await serve(debug_settings, bot) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsbrief: Discord refused DISCORD_TOKEN.") and err.count("\n") == 1
    assert "Traceback" not in err
    assert bot.store is None and bot.is_closed()


async def test_a_missing_message_content_intent_is_reported_and_the_database_closed(debug_settings, extractor, capsys):
    bot = create_bot(debug_settings, extractor=extractor)
    opened = []

    async def login(token):
        await bot.setup_hook()  # login opens the database and loads spaCy
        opened.append(bot.store is not None)

    async def connect(*, reconnect=True):
        # The gateway closes with 4014 when the intent is not enabled in the portal.
        raise discord.PrivilegedIntentsRequired(None)

    bot.login, bot.connect = login, connect
    assert await serve(debug_settings, bot) == 1
    err = capsys.readouterr().err
    assert "Message Content Intent" in err and err.count("\n") == 1
    assert opened == [True] and bot.store is None and bot.executor is None
