"""What every handler receives besides its arguments."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Scope:
    """Who is asking and where. Every store query is limited to `guild_id`."""

    guild_id: int
    user_id: int | None = None
    channel_id: int | None = None
    can_manage_messages: bool = False
    can_manage_guild: bool = False


@dataclass
class Services:
    """Long-lived objects shared by the handlers of one process."""

    store: Any  # store.Store
    extractor: Any  # extract.Extractor (loads spaCy once; thread-safe for one worker)
    max_brief_chars: int = 300_000
