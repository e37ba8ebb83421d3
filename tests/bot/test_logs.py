"""Logging with a token: each line once, in discord.py's format, no voice warnings."""
from __future__ import annotations

import logging

import discord
import pytest

from bot.logs import setup_bot_logging, setup_tool_logging


@pytest.fixture
def clean_root():
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    voice = discord.VoiceClient.warn_nacl, discord.VoiceClient.warn_dave
    for h in saved:
        if type(h) is logging.StreamHandler:
            root.removeHandler(h)
    yield root
    root.handlers[:] = saved
    root.setLevel(level)
    discord.VoiceClient.warn_nacl, discord.VoiceClient.warn_dave = voice


def stream_handlers(root):
    return [h for h in root.handlers if type(h) is logging.StreamHandler]


def test_the_bot_leaves_one_handler_after_the_tools_set_theirs(clean_root):
    setup_tool_logging()  # what `newsbrief run` does before it knows a token is set
    setup_tool_logging()
    assert len(stream_handlers(clean_root)) == 1
    setup_bot_logging(logging.INFO)
    setup_bot_logging(logging.INFO)  # a restart in the same process does not stack handlers
    handlers = stream_handlers(clean_root)
    assert len(handlers) == 1
    assert handlers[0].formatter._fmt != logging.Formatter("%(levelname)s %(name)s: %(message)s")._fmt
    assert clean_root.level == logging.INFO


def test_no_voice_warnings_for_a_bot_that_never_joins_voice(clean_root, caplog):
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = True  # as without PyNaCl/davey
    setup_bot_logging(logging.INFO)
    with caplog.at_level(logging.WARNING):
        discord.Client(intents=discord.Intents.none())
    assert not [r for r in caplog.records if "voice" in r.getMessage().lower()]
