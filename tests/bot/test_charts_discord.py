"""Charts in the simulated Discord: the PNG arrives as the message's attachment
and as its embed's image; and briefs posted there are dated by their page, their
dateline or the moment they were posted."""
from __future__ import annotations

import sys
from pathlib import Path

from simworld import SIMCORD, article_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "handlers"))
from chartcheck import check_png  # noqa: E402

pytestmark = SIMCORD

DATED = ("Harbour board approves new ferry terminal\n\n"
         "PORT WENDELL, March 17, 2008 — The harbour board of Port Wendell approved a new ferry terminal. "
         "Mayor Alma Fenwick said the terminal would open within two years, and the board agreed.")


async def chart_of(message) -> bytes:
    [attachment] = message.attachments
    assert attachment.filename.endswith(".png")
    assert message.embeds[0].image.url == f"attachment://{attachment.filename}"
    return await attachment.read()


async def test_timeline_and_network_arrive_as_pictures(world, seed_text):
    posted = await world.post_brief(files=[("message.txt", seed_text.encode())])
    assert world.reactions(posted) == ["✅"]

    asked = await world.bob.send(world.general, "!timeline Hegseth")
    [answer] = world.replies_to(asked)
    assert answer.embeds[0].title == "Pete Hegseth: timeline"
    check_png(await chart_of(answer), (1000, 500))

    slash = await world.alice.slash(world.general, "network", name="hegseth")
    message = slash.followups[0] if slash.followups else slash.response
    assert "Who appears with Pete Hegseth" in message.embeds[0].title and not slash.ephemeral
    [attachment] = message.attachments
    check_png(await attachment.read(), (800, 800))

    compared = await world.bob.send(world.general, "!compare Hegseth, Dong Jun")
    [answer] = world.replies_to(compared)
    check_png(await chart_of(answer), (1000, 500))


async def test_an_unknown_name_gets_words_and_no_picture(world, seed_text):
    await world.post_brief(files=[("message.txt", seed_text.encode())])
    asked = await world.bob.send(world.general, "!timeline Zebulon Quark")
    [answer] = world.replies_to(asked)
    assert answer.embeds[0].title.startswith("No one called") and not answer.attachments


async def test_posted_briefs_are_dated_by_page_dateline_or_posting(world, news_site):
    paragraphs = ["Ferry crews in Port Wendell walked out over pay, and Mayor Alma Fenwick urged both sides "
                  "to talk, saying the town could not afford a long strike.",
                  "The harbour board said services would resume as soon as an agreement was reached."]
    html = article_html("Ferry crews strike", paragraphs).replace(
        "<head>", '<head><meta property="article:published_time" content="2012-05-09T08:30:00Z">')
    news_site.pages["/news/strike"] = ("text/html", html)
    await world.post_brief(news_site.url("/news/strike"))
    await world.post_brief(DATED)
    undated = await world.post_brief("Ferry fares to rise in Port Wendell\n\n" + DATED.split("—", 1)[1].strip()
                                     + " Fares will rise next month as well, the board said.")
    assert world.reactions(undated) == ["✅"]

    asked = await world.bob.send(world.general, "!articles")
    [answer] = world.replies_to(asked)
    listing = answer.embeds[0].description
    posted_day = undated.created_at.date().isoformat()
    assert listing.index(posted_day) < listing.index("2012-05-09") < listing.index("2008-03-17")


async def test_a_scheduled_digest_is_posted_in_the_chosen_channel(world, seed_text):
    import datetime as dt

    posted = await world.post_brief(files=[("message.txt", seed_text.encode())])
    # The simulated Discord keeps its own time: "this week" is the week the brief was posted in.
    world.store._clock = lambda: posted.created_at + dt.timedelta(hours=1)
    set_it = await world.mod.send(world.general, f"!settings digest {world.news.mention} weekly")
    assert "now" in world.replies_to(set_it)[0].embeds[0].title
    refused = await world.mod.send(world.general, "!settings digest #news hourly")
    assert "weekly" in world.replies_to(refused)[0].embeds[0].to_dict().get("description", "")
    digests = world.bot.get_cog("Digests")
    today = dt.datetime.now(dt.timezone.utc).date()
    tuesday = today + dt.timedelta(days=(1 - today.weekday()) % 7)
    assert await digests.post_digests(tuesday) == 0  # weekly: Mondays only
    assert await digests.post_digests(tuesday - dt.timedelta(days=1)) == 1
    [posted] = [m for m in world.news.history() if m.author.id == world.bot.user.id and m.embeds
                and m.embeds[0].title.startswith("This server's news")]
    assert "1 brief published" in posted.embeds[0].description
    [attachment] = posted.attachments
    check_png(await attachment.read(), (1000, 350))
    off = await world.mod.send(world.general, "!settings digest off")
    assert world.replies_to(off)
    assert await digests.post_digests(tuesday - dt.timedelta(days=1)) == 0
