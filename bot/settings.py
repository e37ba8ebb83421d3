"""Every setting newsbrief reads, in one place. Values come from the environment
or a `.env` file (never from the repository); `.env.example` documents each one."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

# What the handlers need has its default once, on Services; the settings read it from there.
from handlers.core.context import Services as _Handlers


def _ids(value: str) -> frozenset[int]:
    return frozenset(int(v) for v in value.replace(" ", "").split(",") if v.isdigit())


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _database_url(value: str) -> str:
    if value.split("://", 1)[0] not in ("postgresql", "postgres"):
        raise ValueError("only postgresql://user@host:port/database URLs are supported (leave it unset for SQLite)")
    return value


def _shard_count(value: str) -> int | str:
    """A number of shards, or "auto": as many as Discord recommends for the bot's servers."""
    if value.lower() == "auto":
        return "auto"
    count = int(value)
    if count < 1:
        raise ValueError("give a number of shards (1 or more) or auto")
    return count


def _shard_ids(value: str) -> tuple[int, ...]:
    """Shard ids as `0-3`, `4,5` or both (`0-1,6`), in order, each once."""
    ids: list[int] = []
    for part in value.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError("write shard ids like 0-3 or 0,1,2")
        ids.extend(range(int(first), int(last if dash else first) + 1))
    if not ids or len(set(ids)) != len(ids):
        raise ValueError("each shard id once, in rising ranges like 0-3")
    return tuple(ids)


def _name_lookup(value: str) -> str:
    from store.pg.trigram import NAME_LOOKUPS

    if value.lower() not in NAME_LOOKUPS:
        raise ValueError(f"give one of {', '.join(NAME_LOOKUPS)}")
    return value.lower()


MIN_FEED_MINUTES = 5.0  # polite to the sites: no feed is read more often


def _feed_minutes(value: str) -> float:
    minutes = float(value)
    if minutes < MIN_FEED_MINUTES:
        raise ValueError(f"feeds are read at most every {MIN_FEED_MINUTES:g} minutes")
    return minutes


@dataclass(frozen=True)
class Settings:
    discord_token: str = ""
    db_path: Path = Path("data/newsbrief.sqlite3")
    database_url: str = ""  # postgresql://user@host/db: the shared PostgreSQL store instead of the db_path file
    # PostgreSQL's typo-tolerant name candidates: "index" (in-process, per guild) or "trigram" (pg_trgm's
    # index in the database, for guilds whose name index would not fit in memory; README, many servers).
    name_lookup: str = "index"
    command_prefix: str = _Handlers.prefix
    ingest_channel_ids: frozenset[int] = field(default_factory=frozenset)
    owner_ids: frozenset[int] = field(default_factory=frozenset)
    sync_commands_on_start: bool = False
    max_brief_chars: int = _Handlers.max_brief_chars  # longer briefs are refused before any work
    min_brief_words: int = _Handlers.min_brief_words  # shorter plain messages in watched channels are conversation
    max_attachment_bytes: int = _Handlers.max_attachment_bytes  # checked before download
    fetch_timeout: float = _Handlers.fetch_timeout  # seconds, for links to news pages
    fetch_max_bytes: int = _Handlers.fetch_max_bytes
    allow_private_urls: bool = _Handlers.allow_private_urls  # tests serve pages on 127.0.0.1
    cooldown_rate: int = 5  # query commands per member ...
    cooldown_per: float = 10.0  # ... per this many seconds
    feed_interval_minutes: float = 15.0  # each feed is read this often (FEED_INTERVAL_MINUTES: at least 5)
    feed_check_seconds: float = 30.0  # how often the poller looks for feeds that are due
    feed_max_failures: int = 8  # failures in a row before a feed is paused (and the server told)
    feed_items_per_poll: int = 20  # newest items read from a feed in one poll
    feed_concurrency: int = 4  # feeds read at the same time
    alerts_per_window: int = 3  # direct messages a member gets per window; the rest come as one digest
    alert_window_minutes: float = 60.0
    spacy_model: str = "en_core_web_sm"
    extract_workers: int = 0  # spaCy worker processes; 0 = one per CPU core
    extract_min_seconds: float = 5.0  # a brief's time budget: 10x prose of its length, at least this ...
    extract_max_seconds: float = 60.0  # ... and at most this; over it the post is refused whole
    log_level: str = "INFO"
    forget_undo_hours: float = _Handlers.forget_undo_hours  # `!forget` can be undone this long; then the brief is purged
    # Many servers: which gateway shards this process runs (all processes share DATABASE_URL, where
    # the deployment lease, an advisory lock, is held too).
    shard_count: int | str | None = None  # None: one connection, no sharding; "auto": Discord's recommendation
    shard_ids: tuple[int, ...] = ()  # this process's shards out of shard_count; empty: all of them
    lease_check_seconds: float = 10.0  # how often a standby process tries to take over once-per-deployment work

    # environment variable -> (field, parser)
    ENV = {
        "DISCORD_TOKEN": ("discord_token", str),
        "NEWSBRIEF_DB": ("db_path", Path),
        "DATABASE_URL": ("database_url", _database_url),
        "NAME_LOOKUP": ("name_lookup", _name_lookup),
        "COMMAND_PREFIX": ("command_prefix", str),
        "INGEST_CHANNEL_IDS": ("ingest_channel_ids", _ids),
        "OWNER_IDS": ("owner_ids", _ids),
        "SYNC_COMMANDS_ON_START": ("sync_commands_on_start", _bool),
        "MAX_BRIEF_CHARS": ("max_brief_chars", int),
        "MIN_BRIEF_WORDS": ("min_brief_words", int),
        "MAX_ATTACHMENT_BYTES": ("max_attachment_bytes", int),
        "FETCH_TIMEOUT": ("fetch_timeout", float),
        "FETCH_MAX_BYTES": ("fetch_max_bytes", int),
        "ALLOW_PRIVATE_URLS": ("allow_private_urls", _bool),
        "COOLDOWN_RATE": ("cooldown_rate", int),
        "COOLDOWN_PER": ("cooldown_per", float),
        "FEED_INTERVAL_MINUTES": ("feed_interval_minutes", _feed_minutes),
        "FEED_CHECK_SECONDS": ("feed_check_seconds", float),
        "FEED_MAX_FAILURES": ("feed_max_failures", int),
        "FEED_ITEMS_PER_POLL": ("feed_items_per_poll", int),
        "FEED_CONCURRENCY": ("feed_concurrency", int),
        "ALERTS_PER_WINDOW": ("alerts_per_window", int),
        "ALERT_WINDOW_MINUTES": ("alert_window_minutes", float),
        "SPACY_MODEL": ("spacy_model", str),
        "EXTRACT_WORKERS": ("extract_workers", int),
        "EXTRACT_MIN_SECONDS": ("extract_min_seconds", float),
        "EXTRACT_MAX_SECONDS": ("extract_max_seconds", float),
        "LOG_LEVEL": ("log_level", str),
        "FORGET_UNDO_HOURS": ("forget_undo_hours", float),
        "SHARD_COUNT": ("shard_count", _shard_count),
        "SHARD_IDS": ("shard_ids", _shard_ids),
        "LEASE_CHECK_SECONDS": ("lease_check_seconds", float),
    }

    def __post_init__(self) -> None:
        if self.shard_ids and not isinstance(self.shard_count, int):
            raise ValueError("SHARD_IDS needs SHARD_COUNT as a number: the ids are out of that many shards")
        if isinstance(self.shard_count, int) and any(i >= self.shard_count for i in self.shard_ids):
            raise ValueError(f"SHARD_IDS must be below SHARD_COUNT ({self.shard_count}): shards count from 0")
        if self.name_lookup != "index" and not self.database_url:
            raise ValueError("NAME_LOOKUP=trigram needs DATABASE_URL: it asks PostgreSQL's pg_trgm index; "
                             "SQLite always uses the in-process name index")
        if self.shard_ids and not self.database_url:  # each process would poll every feed on its own
            raise ValueError("SHARD_IDS (one process per range of shards) needs DATABASE_URL: the processes "
                             "share one PostgreSQL database, and its lease picks the one that polls the feeds")

    @property
    def sharded(self) -> bool:
        """Run as discord.py's AutoShardedBot (all shards, or SHARD_IDS, in this process)."""
        return self.shard_count is not None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, dotenv: bool = True) -> "Settings":
        """Read settings from `env` (default: os.environ, after loading `.env` if present)."""
        if env is None:
            if dotenv:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            env = dict(os.environ)
        values = {}
        for var, (name, parse) in cls.ENV.items():
            raw = env.get(var)
            if raw is not None and raw.strip() != "":
                try:
                    values[name] = parse(raw.strip())
                except ValueError as exc:
                    raise ValueError(f"{var}={raw!r} is not valid: {exc}") from None
        return cls(**values)

    @property
    def database(self) -> str | Path:
        """Where the store lives: the PostgreSQL URL when set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def database_label(self) -> str:
        """`database` for messages and logs, without a password."""
        from store.pg.opening import redacted

        return redacted(self.database_url) if self.database_url else str(self.db_path)

    def replace(self, **changes) -> "Settings":
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        current.update(changes)
        return Settings(**current)
