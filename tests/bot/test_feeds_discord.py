"""Feeds and alerts in simulated Discord, with the real bot and a local feed
site: adding a feed, an item arriving and being indexed and posted once, a
repeated and an edited item, a failing feed backing off and being paused, and a
follow that produces exactly one alert (and nothing in another server)."""
from __future__ import annotations

import pytest

from feed_articles import FERRY, FERRY_EDITED, QUOTA
from feedsite import FeedSite, Route, rss
from simworld import SIMCORD

pytestmark = SIMCORD
MINUTE = 60


@pytest.fixture
def site():
    with FeedSite() as s:
        yield s


def item(site, path, title, n, day=2):
    return {"id": f"harbour-{n}", "title": title, "link": site.url(path), "summary": "", "day": day}


def bot_posts(world, channel):
    return [m for m in channel.history() if m.author.id == world.bot.user.id]


def cards(world, title):
    return [m for m in bot_posts(world, world.news) if m.embeds and m.embeds[0].title == title]


async def add_feed(world, site, path="/rss"):
    command = await world.mod.send(world.general, f"!feed add {site.url(path)} {world.news.mention}")
    [reply] = world.replies_to(command)
    return reply.embeds[0]


async def test_a_feed_is_added_and_a_new_item_is_indexed_and_posted_once(world, site):
    site.page("/ferry", *FERRY)
    site.feed("/rss", rss([item(site, "/ferry", FERRY[0], 1)]))
    added = await add_feed(world, site)
    assert added.title == "Following feed #1: Harbour Times"
    await world.env.advance_time(MINUTE)
    # What the feed listed when it was added is indexed without a wall of cards.
    assert (await world.store.stats(world.guild.id)).briefs == 1
    assert cards(world, FERRY[0]) == []

    site.page("/quota", *QUOTA)
    site.feed("/rss", rss([item(site, "/quota", QUOTA[0], 2, day=3), item(site, "/ferry", FERRY[0], 1)]))
    await world.env.advance_time(17 * MINUTE)
    [card] = cards(world, QUOTA[0])
    assert card.embeds[0].url == site.url("/quota") and "Tomas Berg" in card.embeds[0].description
    assert "Harbour Times" in card.embeds[0].description
    articles = await world.store.latest_articles(world.guild.id)
    assert [a.source for a in articles] == [site.url("/quota"), site.url("/ferry")]

    await world.env.advance_time(17 * MINUTE)  # polled again: nothing new, nothing posted twice
    assert len(cards(world, QUOTA[0])) == 1 and (await world.store.stats(world.guild.id)).briefs == 2
    assert site.paths().count("/quota") == 1
    listed = await world.mod.send(world.general, "!feed list")
    assert "2 items read" in world.replies_to(listed)[0].embeds[0].description


async def test_a_repeated_item_is_skipped_and_an_edited_one_updates_its_brief(world, site):
    site.page("/ferry", *FERRY)
    site.feed("/rss", rss([item(site, "/ferry", FERRY[0], 1)]))
    await add_feed(world, site)
    await world.env.advance_time(MINUTE)
    [article] = await world.store.latest_articles(world.guild.id)

    await world.env.advance_time(17 * MINUTE)  # the same item again
    assert site.paths().count("/ferry") == 1

    site.page("/ferry", *FERRY_EDITED)
    site.feed("/rss", rss([item(site, "/ferry", FERRY_EDITED[0], 1)]))
    await world.env.advance_time(17 * MINUTE)
    [after] = await world.store.latest_articles(world.guild.id)
    assert after.id == article.id and after.title == FERRY_EDITED[0]
    assert cards(world, FERRY_EDITED[0]) == []  # an edit updates, it is not news again


@pytest.mark.bot_settings(feed_max_failures=3, feed_check_seconds=300)
async def test_a_failing_feed_backs_off_and_is_paused_with_a_message(world, site):
    site.feed("/rss", rss([]))
    await add_feed(world, site)
    site.routes["/rss"] = Route(status=500)
    await world.env.advance_time(6 * MINUTE)  # first poll: failure 1, the next in about 30 minutes
    assert site.paths().count("/rss") == 2  # the check when it was added, and this poll
    await world.env.advance_time(20 * MINUTE)
    assert site.paths().count("/rss") == 2  # backing off
    await world.env.advance_time(15 * MINUTE)
    assert site.paths().count("/rss") == 3  # failure 2, the next in about an hour
    await world.env.advance_time(70 * MINUTE)
    assert site.paths().count("/rss") == 4  # failure 3: paused
    [notice] = [m for m in bot_posts(world, world.news) if m.embeds and "paused" in m.embeds[0].title]
    assert "HTTP 500" in notice.embeds[0].description and "!feed resume 1" in notice.embeds[0].description
    await world.env.advance_time(600 * MINUTE)
    assert site.paths().count("/rss") == 4  # a paused feed is left alone
    feed = await world.store.feed(world.guild.id, 1)
    assert feed.paused and feed.failures == 3 and "HTTP 500" in feed.last_error

    site.feed("/rss", rss([]))
    await world.mod.send(world.general, "!feed resume 1")
    await world.env.advance_time(6 * MINUTE)
    assert site.paths().count("/rss") == 5 and not (await world.store.feed(world.guild.id, 1)).paused


OKAFOR_AGAIN = ("Mayor opens harbour festival\n\nMayor Helen Okafor opened the harbour festival on Saturday "
                "with a speech on the quay. \"The harbour belongs to everyone who works on it,\" Okafor said. "
                "Thousands of visitors watched the boat parade that followed.")


async def test_a_follow_produces_exactly_one_alert_and_another_server_hears_nothing(world):
    env = world.env
    await world.mod.send(world.general, "!ingest " + FERRY[0] + "\n\n" + " ".join(FERRY[1]))
    followed = await world.alice.send(world.general, "!follow Okafor")
    assert "Helen Okafor" in world.replies_to(followed)[0].embeds[0].title

    # Carol follows the same name in another server.
    elsewhere = env.create_guild("Elsewhere")
    desk = elsewhere.create_text_channel("desk")
    carol = elsewhere.add_member(env.create_user("carol"))
    await carol.send(desk, "!ingest " + FERRY[0] + "\n\n" + " ".join(FERRY[1]))
    await carol.send(desk, "!follow Okafor")

    await world.bob.send(world.general, "!ingest " + OKAFOR_AGAIN)
    await env.advance_time(MINUTE)
    [alert] = world.alice.user.dm_channel.history()
    embed = alert.embeds[0]
    assert embed.title == "Mayor opens harbour festival"
    assert "Helen Okafor" in embed.description and "belongs to everyone" in embed.description
    assert carol.user.dm_channel.history() == []
    assert world.bob.user.dm_channel.history() == []  # bob follows nothing (and posted it)
    await env.advance_time(120 * MINUTE)
    assert len(world.alice.user.dm_channel.history()) == 1


@pytest.mark.bot_settings(alerts_per_window=1, alert_window_minutes=60)
async def test_a_busy_spell_becomes_one_digest_and_an_alerts_channel_mentions_only_followers(world):
    env = world.env
    await world.mod.send(world.general, "!ingest " + FERRY[0] + "\n\n" + " ".join(FERRY[1]))
    await world.alice.send(world.general, "!follow Okafor")
    await world.bob.send(world.general, "!ingest " + OKAFOR_AGAIN)
    await world.bob.send(world.general, "!ingest " + FERRY_EDITED[0] + "\n\n" + " ".join(FERRY_EDITED[1]))
    await world.bob.send(world.general, "!ingest " + OKAFOR_AGAIN.replace("Saturday", "Sunday"))
    dms = world.alice.user.dm_channel.history
    assert len(dms()) == 1  # the first at once; the others wait for the window
    await env.advance_time(61 * MINUTE)
    [first, digest] = dms()
    assert digest.embeds[0].title.startswith("2 more briefs")

    await world.mod.send(world.general, f"!alerts {world.news.mention}")
    await world.bob.send(world.general, "!ingest " + OKAFOR_AGAIN.replace("Saturday", "Monday"))
    await env.advance_time(MINUTE)
    [post] = [m for m in bot_posts(world, world.news) if m.content.startswith("<@")]
    assert post.content.startswith(world.alice.mention) and world.bob.mention not in post.content
    assert [u.id for u in post.mentions] == [world.alice.id]
    assert len(dms()) == 2  # in channel mode, no direct message
