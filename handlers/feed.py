"""`feed add URL [#channel]`, `feed list`, `feed remove ID`, `feed pause ID`,
`feed resume ID`: the news feeds a server follows. The bot's poller reads them
(handlers.feed_poll); this only keeps the list."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers import feed_items
from handlers.core import validate
from handlers.feed_poll import status_line
from handlers.core.fetch import FetchError, check_url, fetch_feed, in_reading_process
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines, one_line
from handlers.core.reply import Page, Reply

MAX_FEEDS_PER_SERVER = 50
ACTIONS = ("add", "list", "remove", "pause", "resume")


@handler("feed")
async def run(services: Services, scope: Scope, action=None, target=None) -> Reply:
    action = str(action or "").strip().lower()
    target = str(target or "").strip()
    p = services.prefix
    if action == "add":
        return await _add(services, scope, target)
    if action == "list":
        return await _list(services, scope)
    if action in ("remove", "pause", "resume"):
        return await _change(services, scope, action, target)
    raise validate.BadInput(f"`{p}feed` does {', '.join(ACTIONS[:-1])} or {ACTIONS[-1]}."
                            if not action else f"I don't know `{p}feed {validate.clip_echo(action, 20)}`.",
                            f"`{p}feed add URL [#channel]`, `{p}feed list`, `{p}feed remove ID`, "
                            f"`{p}feed pause ID`, `{p}feed resume ID`.")


def split_target(target: str) -> tuple[str, int | None]:
    """`URL [#channel]` -> (URL, channel id or None)."""
    words = target.split()
    if not words:
        raise validate.BadInput("Give the feed's address.", "For example `feed add https://example.org/rss.xml #news`.")
    channel = validate.channel_id(words[1]) if len(words) > 1 else None
    if len(words) > 2:
        raise validate.BadInput("Give one feed address and at most one channel.")
    return words[0].strip("<>"), channel


async def _add(services: Services, scope: Scope, target: str) -> Reply:
    url, channel = split_target(target)
    try:
        check_url(url, services.allow_private_urls)
    except FetchError as exc:
        return Reply.error(str(exc), "Give the address of an RSS, Atom or JSON feed.")
    if await services.store.count_feeds(scope.guild_id) >= MAX_FEEDS_PER_SERVER:
        return Reply.error(f"This server follows {MAX_FEEDS_PER_SERVER} feeds already, the most it can.",
                           f"`{services.prefix}feed remove ID` makes room.")
    # Read it once now, so a wrong address is told to the member who typed it, not found out later.
    try:
        fetched = await fetch_feed(url, timeout=services.fetch_timeout, max_bytes=services.fetch_max_bytes,
                                   allow_private=services.allow_private_urls)
        doc = None
        if fetched.status == 200:
            doc = await in_reading_process(feed_items.parse, fetched.body, fetched.content_type)
    except FetchError as exc:
        return Reply.error("I couldn't read that feed.", str(exc))
    except feed_items.FeedUnreadable as exc:
        return Reply.error("That address is not a feed I can read.",
                           f"It answered, but {exc}. Give the address of an RSS, Atom or JSON feed.")
    feed_id, created = await services.store.add_feed(scope.guild_id, url, channel, scope.user_id)
    if not created:
        return Reply.info(f"This server follows that feed already, as #{feed_id}.",
                          f"`{services.prefix}feed list` shows it.")
    where = (f"New items are posted in <#{channel}>." if channel is not None
             else "New items are indexed quietly (add a #channel to have them posted).")
    title = doc.title if doc and doc.title else url
    count = f" It lists {plural(len(doc.items), 'item')} now; the newest are read first." if doc else ""
    return Reply.info(f"Following feed #{feed_id}: {one_line(title, 200)}", f"{where}{count}")


async def _list(services: Services, scope: Scope) -> Reply:
    feeds = await services.store.feeds(scope.guild_id)
    if not feeds:
        return Reply.info("This server follows no feeds.", f"`{services.prefix}feed add URL [#channel]` adds one.")
    lines = []
    for f in feeds:
        where = f"<#{f.channel_id}>" if f.channel_id is not None else "quiet"
        lines.append(f"#{f.id} {one_line(f.title or f.url, 80)} → {where}\n{f.url}\n{status_line(f)}")
        if f.paused and f.paused_reason:
            lines.append(f"Paused: {one_line(f.paused_reason, 200)}")
        elif f.last_error and f.failures:
            lines.append(f"Last error: {one_line(f.last_error, 200)}")
    return Reply(pages=[Page(title=f"Feeds followed here ({len(feeds)})", description=join_lines(lines))])


async def _change(services: Services, scope: Scope, action: str, target: str) -> Reply:
    p = services.prefix
    if not target:
        raise validate.BadInput(f"`{p}feed {action}` needs the feed's id.", f"`{p}feed list` shows the ids.")
    feed_id = validate.parse_int(target.lstrip("#"), "feed id")
    store = services.store
    feed = await store.feed(scope.guild_id, feed_id)
    if feed is None:
        return Reply.error(f"This server has no feed #{feed_id}.", f"`{p}feed list` shows the ids.")
    if action == "remove":
        await store.remove_feed(scope.guild_id, feed_id)
        return Reply.info(f"Stopped following feed #{feed_id}.", "Briefs already indexed from it stay.")
    if action == "pause":
        if feed.paused:
            return Reply.info(f"Feed #{feed_id} is paused already.", f"`{p}feed resume {feed_id}` restarts it.")
        await store.pause_feed(scope.guild_id, feed_id, True, "paused by a moderator")
        return Reply.info(f"Paused feed #{feed_id}.", f"`{p}feed resume {feed_id}` restarts it.")
    if not feed.paused:
        return Reply.info(f"Feed #{feed_id} is not paused.")
    await store.pause_feed(scope.guild_id, feed_id, False)
    return Reply.info(f"Resumed feed #{feed_id}.", "It is read again within a minute.")
