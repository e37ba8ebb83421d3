"""One log handler for the whole process, in discord.py's format.

`newsbrief` sets up plain logging for the console tools before it knows whether
the bot will run; the bot then replaces that handler instead of adding a second
one (which printed every line twice, once plain and once coloured)."""
from __future__ import annotations

import logging

TOOLS_FORMAT = "%(levelname)s %(name)s: %(message)s"


def setup_tool_logging() -> None:
    """Warnings and worse, one line each, for the console, `ask`, `ingest`, `extract`."""
    if not _our_handlers():
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(TOOLS_FORMAT))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.WARNING)


def setup_bot_logging(level: int) -> None:
    """discord.py's handler (coloured on a terminal) as the only console handler."""
    import discord  # here, so the console tools start without loading discord.py

    root = logging.getLogger()
    for handler in _our_handlers():
        root.removeHandler(handler)
    discord.utils.setup_logging(level=level, root=True)
    # The bot never joins voice, so "PyNaCl/davey is not installed" is noise.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def _our_handlers() -> list[logging.Handler]:
    """Plain stream handlers on the root logger (test harness handlers are subclasses)."""
    return [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
