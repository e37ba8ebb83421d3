"""One poll of one feed, against a local site: new items indexed once, repeats
skipped, edits updating their brief, conditional requests, and feeds that are
malformed, huge, slow or redirecting."""
import json
from datetime import datetime, timezone

import pytest

from feed_articles import DOCKS, FERRY, FERRY_EDITED, QUOTA
from feedsite import FeedSite, Route, atom, rss
from handlers.core.context import Services
from handlers.feed_poll import NewItem, card, poll_feed
from handlers.feed_schedule import FeedPolicy
from store import Store

GUILD = 9100
POLICY = FeedPolicy()


@pytest.fixture
def site():
    with FeedSite() as s:
        yield s


@pytest.fixture
async def store(tmp_path):
    s = await Store.open(tmp_path / "feeds.sqlite3")
    yield s
    await s.close()


@pytest.fixture
def services(store, extractor):
    return Services(store=store, extractor=extractor, allow_private_urls=True, fetch_timeout=5.0)


def item(site, path, title, n, day=2, **extra):
    return {"id": f"harbour-{n}", "title": title, "link": site.url(path), "summary": "", "day": day, **extra}


async def poll(services, store, url):
    feed_id, _ = await store.add_feed(GUILD, url, 55)
    return await poll_again(services, store, feed_id)


async def poll_again(services, store, feed_id):
    feed = await store.feed(GUILD, feed_id)
    outcome = await poll_feed(services, feed, POLICY)
    await store.feed_polled(feed, now=feed_now(), next_poll=feed_now(), error=outcome.error, etag=outcome.etag,
                            last_modified=outcome.last_modified, title=outcome.title, new_items=outcome.seen)
    return outcome


def feed_now():
    return datetime(2026, 3, 10, tzinfo=timezone.utc)


async def test_new_items_are_indexed_once_each_with_their_url(site, services, store):
    site.page("/ferry", *FERRY)
    site.page("/quota", *QUOTA)
    site.feed("/rss", rss([item(site, "/quota", QUOTA[0], 2, day=3), item(site, "/ferry", FERRY[0], 1)]))
    outcome = await poll(services, store, site.url("/rss"))
    assert outcome.error is None and outcome.title == "Harbour Times"
    assert [n.title for n in outcome.new] == [FERRY[0], QUOTA[0]]  # oldest first
    assert "Helen Okafor" in outcome.new[0].people
    articles = await store.latest_articles(GUILD)
    assert sorted(a.source for a in articles) == [site.url("/ferry"), site.url("/quota")]
    again = await poll_again(services, store, 1)
    assert again.new == [] and again.updated == []
    assert (await store.stats(GUILD)).briefs == 2
    assert site.paths().count("/ferry") == 1  # a known item is not fetched again
    assert (await store.feed(GUILD, 1)).items_seen == 2


async def test_a_feed_item_is_dated_by_its_feed_and_shows_where_the_date_came_from(site, services, store):
    """The article pages carry no date; the feed's own dates date the briefs (RSS pubDate,
    Atom updated), and `article` says so. A date far in the future is no date."""
    from handlers import article
    from handlers.core.context import Scope

    site.page("/ferry", *FERRY)
    site.page("/quota", *QUOTA)
    site.page("/docks", *DOCKS)
    site.feed("/rss", rss([item(site, "/ferry", FERRY[0], 1, day=2)]))
    site.feed("/atom", atom([item(site, "/quota", QUOTA[0], 2, day=5)]), "application/atom+xml")
    site.feed("/later", rss([item(site, "/docks", DOCKS[0], 3, day=None, extra_xml="<pubDate>Mon, 01 Jan 2046 "
                                                                                     "08:00:00 GMT</pubDate>")]))
    [ferry] = (await poll(services, store, site.url("/rss"))).new
    [quota] = (await poll(services, store, site.url("/atom"))).new
    [docks] = (await poll(services, store, site.url("/later"))).new
    rows = {a.id: a for a in await store.latest_articles(GUILD)}
    assert (rows[ferry.brief_id].published_at, rows[ferry.brief_id].date_source) == \
        ("2026-03-02T08:00:00+00:00", "feed")
    # Atom's <updated> only bounds the date: the text's "on Monday" counted back from it comes first.
    assert (rows[quota.brief_id].published_at, rows[quota.brief_id].date_source) == ("2026-03-02", "relative")
    assert rows[docks.brief_id].date_source == "ingested"  # 2046 is not a publication date
    shown = await article.run(services, Scope(guild_id=GUILD), id=ferry.brief_id)
    assert "2026-03-02 (from its feed)" in shown.to_text()


async def test_an_unchanged_feed_answers_304_to_the_validators_it_sent(site, services, store):
    site.page("/ferry", *FERRY)
    site.feed("/rss", rss([item(site, "/ferry", FERRY[0], 1)]), etag='"v1"',
              last_modified="Mon, 02 Mar 2026 08:00:00 GMT")
    await poll(services, store, site.url("/rss"))
    second = await poll_again(services, store, 1)
    assert second.unchanged and second.error is None
    assert (site.hits[-1].if_none_match, site.hits[-1].if_modified_since) == ('"v1"', "Mon, 02 Mar 2026 08:00:00 GMT")
    # The feed changes between polls: a new ETag, a new item.
    site.page("/docks", *DOCKS)
    site.feed("/rss", rss([item(site, "/docks", DOCKS[0], 3, day=4), item(site, "/ferry", FERRY[0], 1)]),
              etag='"v2"')
    third = await poll_again(services, store, 1)
    assert [n.title for n in third.new] == [DOCKS[0]]
    assert (await store.feed(GUILD, 1)).etag == '"v2"'


async def test_an_edited_item_updates_its_brief_and_a_republished_one_adds_nothing(site, services, store):
    site.page("/ferry", *FERRY)
    site.feed("/rss", rss([item(site, "/ferry", FERRY[0], 1)]))
    [first] = (await poll(services, store, site.url("/rss"))).new
    # Edited: same id, new headline, the page rewritten.
    site.page("/ferry", *FERRY_EDITED)
    site.feed("/rss", rss([item(site, "/ferry", FERRY_EDITED[0], 1)]))
    edited = await poll_again(services, store, 1)
    assert edited.new == [] and edited.updated == [first.brief_id]
    article = await store.get_article(GUILD, first.brief_id)
    assert article.article.title == FERRY_EDITED[0]
    assert "Sven Aaltonen" in {e.name for e in article.entities}
    # Re-published under a new id (and a tracking parameter): the same article, no second brief.
    site.feed("/rss", rss([item(site, "/ferry", FERRY_EDITED[0], 1),
                           {**item(site, "/ferry", FERRY_EDITED[0], 9), "link": site.url("/ferry?utm_source=rss")}]))
    republished = await poll_again(services, store, 1)
    assert republished.new == [] and (await store.stats(GUILD)).briefs == 1


async def test_atom_and_json_feeds_and_a_redirect_to_the_feed(site, services, store):
    site.page("/ferry", *FERRY)
    site.page("/quota", *QUOTA)
    site.feed("/atom", atom([item(site, "/ferry", FERRY[0], 1)]), "application/atom+xml")
    site.routes["/old-feed"] = Route(location="/atom")
    json_feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Quay JSON",
                 "items": [{"id": "q1", "url": site.url("/quota"), "title": QUOTA[0]}]}
    site.feed("/feed.json", json.dumps(json_feed), "application/feed+json")
    assert [n.title for n in (await poll(services, store, site.url("/old-feed"))).new] == [FERRY[0]]
    assert [n.source for n in (await poll(services, store, site.url("/feed.json"))).new] == ["Quay JSON"]


async def test_an_item_without_a_page_is_indexed_from_the_feed_text_when_it_is_long_enough(site, services, store):
    summary = " ".join(DOCKS[1])
    site.feed("/rss", rss([{"id": "d1", "title": DOCKS[0], "summary": summary},
                           {"id": "d2", "title": "Too short", "summary": "Two words"}]))
    outcome = await poll(services, store, site.url("/rss"))
    assert [n.title for n in outcome.new] == [DOCKS[0]] and outcome.seen == 2


@pytest.mark.parametrize("route, reason", [
    (dict(body=b"<html><body>Not a feed at all</body></html>", content_type="text/html"), "cannot be read"),
    (dict(body=b"<rss>" + b"x" * 4_000_000, content_type="application/rss+xml"), "too large"),
    (dict(body=b"", status=500), "HTTP 500"),
    (dict(body=rss([]).encode(), content_type="application/rss+xml", delay=3.0), "took too long"),
])
async def test_a_broken_feed_is_an_error_with_a_reason_and_indexes_nothing(site, services, store, route, reason):
    site.routes["/bad"] = Route(**route)
    services.fetch_timeout = 1.0
    outcome = await poll(services, store, site.url("/bad"))
    assert outcome.error is not None and reason in outcome.error
    assert (await store.stats(GUILD)).briefs == 0


async def test_a_feed_pointing_inward_is_refused_by_the_guard(services, store):
    services.allow_private_urls = False
    outcome = await poll(services, store, "http://127.0.0.1:9/rss")
    assert "private or local" in outcome.error


def test_the_card_names_headline_source_people_and_link():
    reply = card(NewItem(7, "Ferry terminal approved", "https://example.org/ferry", "Harbour Times",
                         ["Helen Okafor", "Rafael Duarte", "A", "B"]))
    page = reply.pages[0]
    assert page.title == "Ferry terminal approved" and page.url == "https://example.org/ferry"
    assert "Harbour Times" in page.description and "Helen Okafor, Rafael Duarte, A" in page.description
    assert "!article 7" in page.description and "B" not in page.description.split("People:")[1].split("\n")[0]
