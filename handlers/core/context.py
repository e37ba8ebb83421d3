"""What every handler receives besides its arguments."""
from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the interfaces only: handlers never need the SQLite store or spaCy itself
    from extract.interface import ExtractorInterface
    from handlers.core.extraction import ExtractionPool
    from store.interface import StoreInterface

# The guild id the local console and the CLI read and write: Discord ids are never 0.
LOCAL_GUILD_ID = 0


@dataclass(frozen=True)
class Scope:
    """Who is asking and where. Every store query is limited to `guild_id`."""

    guild_id: int
    user_id: int | None = None
    channel_id: int | None = None
    can_manage_messages: bool = False
    can_manage_guild: bool = False
    is_owner: bool = False  # a bot owner (OWNER_IDS): may run every command
    # Changes that remove data (forget, merge, hide) ask for confirmation first
    # (Discord buttons); False for the console and for the confirming button itself.
    asks_first: bool = False

    @classmethod
    def local(cls, guild_id: int = LOCAL_GUILD_ID) -> "Scope":
        """The console/CLI user owns the machine, so may run every command."""
        return cls(guild_id=guild_id, can_manage_messages=True, can_manage_guild=True, is_owner=True)


@dataclass
class Services:
    """Long-lived objects shared by the handlers of one process."""

    store: StoreInterface  # store.Store implements it
    # handlers.core.extraction.ExtractionPool (spaCy worker processes, a deadline per brief), or an
    # in-process extract.Extractor, which handlers.core.extraction.as_extraction wraps (tests, `extract`).
    extractor: ExtractionPool | ExtractorInterface
    max_brief_chars: int = 300_000
    min_brief_words: int = 25  # watched channels: shorter plain messages are conversation
    # The bot's thread for blocking work that must stay in its process (it loads spaCy there at start);
    # pages and feeds are read in a process of their own (handlers.core.fetch.read_article).
    executor: Executor | None = None
    # Links to news pages (handlers.core.fetch): settings.allow_private_urls, fetch_timeout, fetch_max_bytes.
    allow_private_urls: bool = False
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 3_000_000
    max_attachment_bytes: int = 1_000_000  # files handed to ingest_file
    prefix: str = "!"  # shown in help and usage lines
    forget_undo_hours: float = 24.0  # a forgotten brief can be restored this long, then it is purged
    # Called as on_indexed(guild_id, brief_id, author_id) after each new brief is saved, by every
    # ingest path (the bot's alerts listen here); it must return at once and do its work elsewhere.
    on_indexed: Callable[[int, int, int | None], None] | None = None

    @classmethod
    def from_settings(cls, settings, store: StoreInterface, extractor: ExtractorInterface,
                      executor: Executor | None = None) -> "Services":
        return cls(store=store, extractor=extractor, executor=executor,
                   max_brief_chars=settings.max_brief_chars,
                   min_brief_words=settings.min_brief_words,
                   allow_private_urls=settings.allow_private_urls,
                   fetch_timeout=settings.fetch_timeout,
                   fetch_max_bytes=settings.fetch_max_bytes,
                   max_attachment_bytes=settings.max_attachment_bytes,
                   forget_undo_hours=settings.forget_undo_hours,
                   prefix=settings.command_prefix)
