"""Read models the store returns to handlers: plain dataclasses, no SQL."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

# exact: an alias matched; fuzzy: one clear typo-tolerant hit; ambiguous: several close hits; none: nothing close
MatchHow = Literal["exact", "fuzzy", "ambiguous", "none"]


@dataclass(frozen=True)
class Provenance:
    """Where a brief came from: built once where it arrives (the ingest cog, the console,
    the CLI), carried unchanged through the handlers and kept by the store with the brief."""

    source: str | None = None  # the link or file name the text was read from
    message_id: int | None = None  # the Discord message it was posted in
    channel_id: int | None = None
    jump_url: str | None = None  # link to that message
    author_id: int | None = None  # who posted it
    posted_at: datetime | None = None  # when the message was posted
    page_date: str | None = None  # the day the page's metadata gives (a link or an .html file)
    feed_published: datetime | None = None  # a feed item's own publication time (RSS pubDate, Atom published)
    feed_updated: datetime | None = None  # a feed item's last-changed time (Atom updated)
    # When it was published and how that is known (store.writes.DATE_SOURCES), worked out from
    # the above and the text's dateline (handlers.dating); None: the time of saving.
    published_at: str | None = None
    date_source: str | None = None


@dataclass
class SaveResult:
    brief_id: int
    created: bool  # False: the same brief (same normalised text or same URL) was already indexed
    entities: int = 0
    statements: int = 0
    title: str = ""


@dataclass
class ArticleRow:
    id: int
    title: str
    created_at: str  # ISO 8601 UTC
    source: str | None = None  # URL or file name it came from
    jump_url: str | None = None  # link to the Discord message it was posted in
    entities: int = 0
    statements: int = 0
    snippet: str = ""  # search: text around the match
    published_at: str = ""  # ISO day or time it was published ("" when unknown: use created_at)
    date_source: str = ""  # how that is known: metadata | feed | dateline | relative | posted | ingested

    @property
    def date(self) -> str:
        """The date to show and sort by: published, else indexed."""
        return self.published_at or self.created_at


@dataclass
class StatementRow:
    id: int
    text: str
    kind: str
    speaker: str | None  # canonical entity name
    speaker_id: int | None
    brief_id: int
    brief_title: str
    jump_url: str | None = None
    created_at: str = ""
    published_at: str = ""  # of its brief

    @property
    def date(self) -> str:
        return self.published_at or self.created_at


@dataclass
class StatementDetail:
    """One statement with the article text just around it (for its context sentence)."""

    statement: StatementRow
    before: str  # up to CONTEXT_CHARS of the brief's text before the statement
    after: str  # and after it
    source: str | None = None  # the brief's source (a URL when it came from a link)


@dataclass
class EntityRow:
    id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    briefs: int = 0
    mentions: int = 0


@dataclass
class EntityMatch:
    """Result of looking a name up: `exact` or one clear fuzzy hit gives `entity`;
    several close hits give `candidates` (did you mean); none gives `suggestions`."""

    entity: EntityRow | None
    how: MatchHow
    candidates: list[EntityRow] = field(default_factory=list)


@dataclass
class Profile:
    entity: EntityRow
    first_seen: str
    last_seen: str
    co_mentions: list[tuple[str, int]]  # (entity name, briefs in common), most first
    statements: list[StatementRow]  # latest first
    articles: list[ArticleRow]  # latest first


@dataclass
class ArticleDetail:
    article: ArticleRow
    raw_text: str
    sections: list[tuple[str, str]]  # (name, text)
    insights: list[tuple[str, list[str]]]  # (question, answers)
    entities: list[EntityRow]
    statements: list[StatementRow]


@dataclass
class GuildStats:
    briefs: int
    entities: int
    statements: int
    people: int
    first_brief: str | None
    last_brief: str | None


@dataclass
class Forgotten:
    """A brief `forget` removed, kept for a while so it can be restored."""

    brief_id: int
    title: str
    forgotten_at: str
    forgotten_by: int | None


@dataclass
class Change:
    """One entry of the moderators' audit log."""

    id: int
    at: str
    user_id: int | None
    action: str
    target: str
    before: str | None
    after: str | None


@dataclass
class FeedRow:
    id: int
    guild_id: int
    url: str
    channel_id: int | None  # where new items are posted; None: indexed quietly
    title: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_success: str | None = None  # ISO 8601 UTC
    last_error: str | None = None
    last_error_at: str | None = None
    items_seen: int = 0
    failures: int = 0  # consecutive
    paused: bool = False
    paused_reason: str | None = None
    next_poll: str = ""


@dataclass
class FeedItemRow:
    version: str  # changes when the item is edited
    brief_id: int | None  # None: read but not indexed (no article), or its brief was forgotten


@dataclass
class FollowRow:
    kind: str  # "entity" | "keyword"
    key: str
    label: str  # the entity's name (its last known one while it is lost), or the word
    entity_id: int | None = None  # None for a word, and for an entity no brief names any more


@dataclass
class Timeline:
    """An entity over time: its briefs and its own statements, oldest first."""

    entity: EntityRow
    articles: list[ArticleRow]
    statements: list[StatementRow]


@dataclass
class CoMentionGraph:
    """An entity and the entities most often named with it; `edges` are
    (entity id, entity id, briefs both are in) among all of them."""

    entity: EntityRow
    nodes: list[EntityRow]
    edges: list[tuple[int, int, int]]
