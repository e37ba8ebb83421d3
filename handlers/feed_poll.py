"""One poll of one feed: a conditional request for the document, then each new
or edited item read and indexed like a link a member posted (the same guarded
fetcher, trafilatura, extraction and dedup). The bot's poller decides when
(handlers.feed_schedule) and posts what this returns; nothing here knows Discord.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from handlers import feed_items, ingest
from handlers.core.extraction import TooCostly
from handlers.core.context import Scope, Services
from handlers.feed_schedule import FeedPolicy
from handlers.core.fetch import FetchError, fetch_feed, in_reading_process
from handlers.core.format import plural
from handlers.core.limits import one_line
from handlers.core.reply import Page, Reply
from handlers.core.validate import WORD
from store.normalize import storable
from store.records import FeedRow, Provenance

CARD_PEOPLE = 3
FUTURE_SLACK = timedelta(days=1)  # time zones and clock skew; beyond this a feed's date is wrong


@dataclass
class NewItem:
    """An item indexed as a new brief."""

    brief_id: int
    title: str
    link: str | None
    source: str  # the feed's title, else the site's host
    people: list[str] = field(default_factory=list)
    published: datetime | None = None


@dataclass
class PollOutcome:
    error: str | None = None  # why the poll failed; None when it worked
    unchanged: bool = False  # 304, the feed is as it was
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    new: list[NewItem] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)  # brief ids re-read after the item was edited
    seen: int = 0  # items read this poll (new, repeated as another brief, or without an article)


async def poll_feed(services: Services, feed: FeedRow, policy: FeedPolicy) -> PollOutcome:
    """Fetch `feed` (a store FeedRow) and index what is new. Feed-level problems
    (unreachable, malformed, too large, too slow) come back as `error`; failures
    of the bot itself (store.StoreError) raise."""
    try:
        fetched = await fetch_feed(feed.url, etag=feed.etag, last_modified=feed.last_modified,
                                   timeout=services.fetch_timeout, max_bytes=policy.max_feed_bytes,
                                   allow_private=services.allow_private_urls)
    except FetchError as exc:
        return PollOutcome(error=str(exc))
    if fetched.status == 304:
        return PollOutcome(unchanged=True, etag=fetched.etag or feed.etag,
                           last_modified=fetched.last_modified or feed.last_modified)
    try:
        doc = await in_reading_process(feed_items.parse, fetched.body, fetched.content_type)
    except feed_items.FeedUnreadable as exc:
        return PollOutcome(error=f"The feed cannot be read: {exc}.")
    outcome = PollOutcome(title=doc.title or None, etag=fetched.etag, last_modified=fetched.last_modified)
    scope = Scope(guild_id=feed.guild_id, channel_id=feed.channel_id)
    source = doc.title or feed.title or urlsplit(feed.url).hostname or feed.url
    # Oldest first, so briefs are numbered in the order the news happened.
    fresh = [item for item in reversed(doc.items)][-policy.max_items_per_poll:]
    for item in fresh:
        await _read_item(services, scope, feed, item, source, outcome)
    return outcome


async def _read_item(services: Services, scope: Scope, feed: FeedRow, item: feed_items.FeedItem, source: str,
                     outcome: PollOutcome) -> None:
    store = services.store
    seen = await store.feed_item(feed, item.key)
    if seen is not None and seen.version == item.version:
        return  # repeated unchanged: nothing to do
    if seen is not None:
        if seen.brief_id is not None and await _reread(services, scope, seen.brief_id, item):
            outcome.updated.append(seen.brief_id)
        await store.remember_feed_item(feed, item.key, item.version, seen.brief_id,
                                       item.published or item.updated)
        return
    result = await _index(services, scope, item)
    saved = result.result if result is not None else None
    await store.remember_feed_item(feed, item.key, item.version, saved.brief_id if saved else None,
                                   item.published or item.updated)
    outcome.seen += 1
    if result is not None and result.status == "indexed" and saved is not None:
        outcome.new.append(NewItem(saved.brief_id, saved.title or item.title, item.link, source,
                                   result.people, item.published or item.updated))


async def article_text(services: Services, item: feed_items.FeedItem) -> tuple[str, str | None] | None:
    """(the item's article, read from its page; the day the page's metadata gives);
    else (the feed's own title and summary, None) when they make a brief; else None."""
    if item.link:
        read = await ingest.read_page(services, item.link)
        if isinstance(read, tuple):
            return read
    text = ingest.compose(item.title, item.summary)
    return (text, None) if len(WORD.findall(text)) >= services.min_brief_words else None


def provenance(item: feed_items.FeedItem, page_date: str | None, now: datetime) -> Provenance:
    """Where a feed item's brief came from, with the feed's dates for handlers.dating; a date
    more than a day ahead of `now` (a feed with a wrong clock or a placeholder) is not one."""
    def plausible(moment: datetime | None) -> datetime | None:
        return moment if moment is not None and moment <= now + FUTURE_SLACK else None

    return Provenance(source=item.link, page_date=page_date, feed_published=plausible(item.published),
                      feed_updated=plausible(item.updated))


async def _index(services: Services, scope: Scope, item: feed_items.FeedItem) -> ingest.IngestOutcome | None:
    if item.link:  # the same article under another item id: no fetch, no second brief
        existing = await services.store.find_duplicate(scope.guild_id, source=item.link)
        if existing is not None:
            return ingest.duplicate_of(services, existing)
    read = await article_text(services, item)
    if read is None:
        return None
    text, page_date = read
    return await ingest.ingest_text(services, scope, text,
                                    provenance(item, page_date, datetime.now(timezone.utc)))


async def _reread(services: Services, scope: Scope, brief_id: int, item: feed_items.FeedItem) -> bool:
    """An edited item: its brief is read again under the same id. False if the text is the same."""
    read = await article_text(services, item)
    if read is None:
        return False
    text = read[0]
    text = storable(text)
    if await services.store.find_duplicate(scope.guild_id, raw_text=text) == brief_id:
        return False  # only the feed's wording changed, not the article
    if ingest.precheck(services, text):
        return False
    [brief] = await ingest.extract_briefs(services, [text])
    if isinstance(brief, TooCostly):
        return False  # over its time budget: the brief stays as it was
    return await services.store.update_brief(scope.guild_id, brief_id, brief, text)


def card(item: NewItem, prefix: str = "!") -> Reply:
    """The compact post for a new item: headline (linking to the article), source, main people."""
    lines = [one_line(item.source, 100)]
    if item.people:
        lines.append("People: " + ", ".join(item.people[:CARD_PEOPLE]))
    lines.append(f"`{prefix}article {item.brief_id}` shows it.")
    return Reply(pages=[Page(title=one_line(item.title, 250) or "(untitled)", description="\n".join(lines),
                             url=item.link)])


def status_line(feed) -> str:
    """One feed in `feed list`."""
    state = "paused" if feed.paused else "active"
    parts = [f"{state} · {plural(feed.items_seen, 'item')} read"]
    if feed.last_success:
        parts.append(f"last read {feed.last_success[:16].replace('T', ' ')} UTC")
    if feed.failures:
        parts.append(f"{plural(feed.failures, 'failure')} in a row")
    return " · ".join(parts)
