"""`feed add/list/remove/pause/resume`: the list a server keeps, and bad input refused."""
import pytest

from feedsite import FeedSite, rss
from handlers import feed
from handlers.core.context import Scope, Services
from store import Store

GUILD = 6100
MOD = Scope(guild_id=GUILD, user_id=1, can_manage_guild=True)


@pytest.fixture
def site():
    with FeedSite() as s:
        s.feed("/rss", rss([{"id": "1", "title": "One", "link": "https://example.org/1"}], title="Quay Post"))
        s.page("/page", "Not a feed", ["Just a page."])
        yield s


@pytest.fixture
async def services(tmp_path):
    store = await Store.open(tmp_path / "feedcmd.sqlite3")
    yield Services(store=store, extractor=None, allow_private_urls=True, fetch_timeout=5.0)
    await store.close()


async def test_add_list_pause_resume_remove(site, services):
    added = await feed.run(services, MOD, action="add", target=f"{site.url('/rss')} <#42>")
    assert added.ok and added.pages[0].title == "Following feed #1: Quay Post"
    assert "<#42>" in added.pages[0].description
    twice = await feed.run(services, MOD, action="add", target=site.url("/rss"))
    assert "already" in twice.pages[0].title
    listed = (await feed.run(services, MOD, action="list")).to_text()
    assert site.url("/rss") in listed and "<#42>" in listed and "active" in listed
    assert (await feed.run(services, MOD, action="pause", target="1")).ok
    assert (await services.store.feed(GUILD, 1)).paused
    assert "paused" in (await feed.run(services, MOD, action="list")).to_text()
    assert (await feed.run(services, MOD, action="resume", target="#1")).ok
    assert not (await services.store.feed(GUILD, 1)).paused
    assert (await feed.run(services, MOD, action="remove", target="1")).ok
    assert "no feeds" in (await feed.run(services, MOD, action="list")).pages[0].title


@pytest.mark.parametrize("action, target, says", [
    ("add", "", "feed's address"),
    ("add", "ftp://example.org/feed", "http"),
    ("add", "PAGE", "not a feed"),
    ("add", "MISSING", "HTTP 404"),
    ("remove", "", "needs the feed's id"),
    ("remove", "abc", "whole number"),
    ("pause", "99", "no feed #99"),
    ("explode", "", "don't know"),
    ("", "", "add, list, remove, pause or resume"),
])
async def test_bad_input_is_explained_and_changes_nothing(site, services, action, target, says):
    target = target.replace("PAGE", site.url("/page")).replace("MISSING", site.url("/missing"))
    reply = await feed.run(services, MOD, action=action, target=target)
    assert not reply.ok and says in reply.to_text()
    assert await services.store.feeds(GUILD) == []


async def test_members_without_manage_server_cannot_change_feeds(site, services):
    reply = await feed.run(services, Scope(guild_id=GUILD, user_id=2), action="add", target=site.url("/rss"))
    assert not reply.ok and "Manage Server" in reply.pages[0].title
    assert await services.store.feeds(GUILD) == []


async def test_feeds_belong_to_their_server(site, services):
    await feed.run(services, MOD, action="add", target=site.url("/rss"))
    other = Scope(guild_id=GUILD + 1, user_id=1, can_manage_guild=True)
    assert "no feeds" in (await feed.run(services, other, action="list")).pages[0].title
    assert not (await feed.run(services, other, action="remove", target="1")).ok
    assert len(await services.store.feeds(GUILD)) == 1
