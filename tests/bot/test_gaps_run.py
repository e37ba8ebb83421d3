"""`newsbrief run` with a token, beyond the first start/stop tests: logging
through discord.py's setup_logging, Ctrl+C (SIGINT) while a brief is being
indexed, and setup mistakes met on discord.py's real start path (login, then
connect) rather than a replaced `start`."""
from __future__ import annotations

import asyncio
import logging
import os
import signal
from types import SimpleNamespace

import discord
import pytest

import bot.app as app
from bot.app import create_bot, serve
from bot.settings import Settings
from handlers import ingest as ingesting
from handlers.core.context import Scope
from simworld import SHORT_BRIEF
from store import Store


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db_path=tmp_path / "db.sqlite3", discord_token="not-a-real-token", log_level="debug")


def test_run_logs_through_discord_setup_logging(settings, monkeypatch):
    calls = []
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kw: calls.append(kw))

    async def fake_serve(given):
        assert given is settings
        return 0

    monkeypatch.setattr(app, "serve", fake_serve)
    assert app.run_bot(settings) == 0
    assert calls == [{"level": logging.DEBUG, "root": True}]


async def test_ctrl_c_while_a_brief_is_indexed_keeps_it_whole(settings, extractor):
    bot = create_bot(settings, extractor=extractor)
    outcome = {}

    async def start(token):
        await bot.setup_hook()  # what login does
        release = asyncio.Event()

        async def indexing():
            async with bot.inflight.track():
                await release.wait()
                outcome["brief"] = await ingesting.ingest_text(bot.services, Scope(guild_id=7), SHORT_BRIEF,
                                                               message_id=99, channel_id=5)

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
    assert await serve(settings, bot) == 0
    assert bot.store is None  # closed after the brief was saved
    assert outcome["brief"].status == "indexed"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

    store = await Store.open(settings.db_path)
    try:
        [article] = await store.latest_articles(7)
        detail = await store.get_article(7, article.id)
        assert detail.raw_text == SHORT_BRIEF
        assert any("biggest investment" in s.text for s in detail.statements)
        assert await store.brief_id_for_message(7, 99) == article.id
    finally:
        await store.close()


async def test_a_wrong_token_is_reported_from_the_real_login(settings, capsys):
    bot = create_bot(settings)

    async def unauthorized(route, **kwargs):
        # What Discord answers GET /users/@me with a bad token; discord.py turns it into LoginFailure.
        raise discord.HTTPException(SimpleNamespace(status=401, reason="Unauthorized"),
                                    {"message": "401: Unauthorized", "code": 0})

    bot.http.request = unauthorized
    assert await serve(settings, bot) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsbrief: Discord refused DISCORD_TOKEN.") and err.count("\n") == 1
    assert "Traceback" not in err
    assert bot.store is None and bot.is_closed()


async def test_a_missing_message_content_intent_is_reported_and_the_database_closed(settings, extractor, capsys):
    bot = create_bot(settings, extractor=extractor)
    opened = []

    async def login(token):
        await bot.setup_hook()  # login opens the database and loads spaCy
        opened.append(bot.store is not None)

    async def connect(*, reconnect=True):
        # The gateway closes with 4014 when the intent is not enabled in the portal.
        raise discord.PrivilegedIntentsRequired(None)

    bot.login, bot.connect = login, connect
    assert await serve(settings, bot) == 1
    err = capsys.readouterr().err
    assert "Message Content Intent" in err and err.count("\n") == 1
    assert opened == [True] and bot.store is None and bot.executor is None
