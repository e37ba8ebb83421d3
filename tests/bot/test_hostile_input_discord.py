"""Hostile input at Discord level: a lone surrogate in a message (Discord's JSON
can carry `\\ud800`) gets the normal replies, in a watched channel and through
`!ingest`; an inward link, however it is spelled, is refused without a request."""
from __future__ import annotations

import pytest

from simworld import SIMCORD

pytestmark = SIMCORD

BRIEF = ("Ferry strike ends in Port Wendell\n\n"
         "Union leader Maria Lopez said on Tuesday that \"the crews are going back\ud800 to work tomorrow,\" "
         "after talks with the harbour board.\x00 The mayor welcomed the deal.")


async def test_ingest_command_with_a_lone_surrogate_is_indexed(world):
    asked = await world.alice.send(world.general, "!ingest " + BRIEF)
    [reply] = world.replies_to(asked)
    assert reply.embeds[0].title == "Indexed as #1", reply.embeds[0].to_dict()
    article = await world.store.get_article(world.guild.id, 1)
    assert "going back\ufffd to work" in article.raw_text


async def test_a_post_with_a_lone_surrogate_in_a_watched_channel_is_indexed(world):
    posted = await world.post_brief(BRIEF.replace("Tuesday", "Tuesday\udc00"))
    assert world.reactions(posted) == ["✅"], world.replies_to(posted)[0].embeds[0].to_dict()
    shown = await world.bob.send(world.general, "!quotes crews")
    assert "going back" in str(world.replies_to(shown)[0].embeds[0].to_dict())


@pytest.mark.bot_settings(allow_private_urls=False)
async def test_an_inward_link_spelled_in_fullwidth_is_refused_without_a_request(world, news_site):
    news_site.pages["/news/inside"] = ("text/html", "<html><body><p>internal page</p></body></html>")
    port = "".join(chr(ord("０") + int(d)) for d in str(news_site.port))
    for link in (f"http://１２７.０.０.１:{port}/news/inside", f"http://127。0。0。1:{news_site.port}/news/inside",
                 f"http://[::ffff:7f00:1]:{news_site.port}/news/inside"):
        posted = await world.post_brief(link)
        assert world.reactions(posted) == ["❌"], link
        assert "private or local" in str(world.replies_to(posted)[0].embeds[0].to_dict()), link
    assert news_site.hits == []
    assert (await world.store.stats(world.guild.id)).briefs == 0
