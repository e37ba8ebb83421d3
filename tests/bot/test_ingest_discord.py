"""Briefs posted in a watched channel: text, message.txt, links, edits, deletions."""
from __future__ import annotations

import pytest

from bot.app import create_bot

from extract.model import Entity
from simworld import SAMPLES, SHORT_BRIEF, SIMCORD, article_html, handmade, save

pytestmark = SIMCORD


async def test_seed_as_message_txt_and_short_text_are_indexed_once(world, seed_text):
    seed = await world.post_brief(files=[("message.txt", seed_text.encode())])
    assert world.reactions(seed) == ["✅"]
    [summary] = world.replies_to(seed)
    assert summary.embeds[0].title == "Indexed as #1"
    assert "Pete Hegseth" in summary.embeds[0].description

    short = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(short) == ["✅"]
    assert world.replies_to(short)[0].embeds[0].title == "Indexed as #2"
    assert (await world.store.stats(world.guild.id)).briefs == 2
    assert await world.store.brief_id_for_message(world.guild.id, seed.id) == 1

    again = await world.post_brief(files=[("message.txt", seed_text.encode())], who=world.bob)
    assert world.reactions(again) == ["♻️"]
    assert world.replies_to(again)[0].embeds[0].title == "Already indexed as #1."
    assert (await world.store.stats(world.guild.id)).briefs == 2


async def test_a_link_is_fetched_from_the_page_once(world, news_site):
    story = (SAMPLES / "17_nasa_shuttle_homes.txt").read_text(encoding="utf-8")
    title, *paragraphs = [p for p in story.split("\n") if p.strip()]
    news_site.pages["/news/shuttles"] = ("text/html", article_html(title, paragraphs))

    posted = await world.post_brief(news_site.url("/news/shuttles"))
    assert world.reactions(posted) == ["✅"], world.replies_to(posted)[0].embeds[0].to_dict()
    [article] = await world.store.latest_articles(world.guild.id)
    assert article.source == news_site.url("/news/shuttles")
    assert "shuttle" in article.title.lower()

    again = await world.post_brief(f"<{news_site.url('/news/shuttles')}>", who=world.bob)
    assert world.reactions(again) == ["♻️"]
    assert news_site.hits == ["/news/shuttles"]  # a known link is not fetched again


async def test_a_dead_link_is_refused_with_the_reason(world, news_site):
    posted = await world.post_brief(news_site.url("/missing"))
    assert world.reactions(posted) == ["❌"]
    assert "404" in world.replies_to(posted)[0].embeds[0].title
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_editing_a_brief_reads_it_again_under_the_same_id(world):
    posted = await world.post_brief(SHORT_BRIEF)
    brief_id = await world.store.brief_id_for_message(world.guild.id, posted.id)
    before = await world.store.get_article(world.guild.id, brief_id)
    assert not any("ferries" in s.text for s in before.statements)

    edited = SHORT_BRIEF + " Harbour master Tom Reed said: \"The ferries will run on time.\""
    await world.alice.edit(posted, edited)
    assert await world.store.brief_id_for_message(world.guild.id, posted.id) == brief_id
    after = await world.store.get_article(world.guild.id, brief_id)
    assert any("ferries will run on time" in s.text for s in after.statements)
    assert (await world.store.stats(world.guild.id)).briefs == 1
    assert world.replies_to(posted)[-1].embeds[0].title == f"Updated #{brief_id}"


async def test_deleting_a_brief_forgets_it(world):
    posted = await world.post_brief(SHORT_BRIEF)
    assert (await world.store.stats(world.guild.id)).briefs == 1
    await world.alice.delete(posted)
    assert (await world.store.stats(world.guild.id)).briefs == 0
    assert await world.store.brief_id_for_message(world.guild.id, posted.id) is None


@pytest.mark.bot_settings(max_attachment_bytes=200)
async def test_files_too_large_or_not_text_are_refused_and_pictures_ignored(world, seed_text):
    big = await world.post_brief(files=[("message.txt", seed_text.encode())])
    assert world.reactions(big) == ["❌"]
    assert "too large" in world.replies_to(big)[0].embeds[0].title

    pdf = await world.post_brief(files=[("brief.pdf", b"%PDF-1.7 ...")])
    assert world.reactions(pdf) == ["❌"]
    assert ".txt" in world.replies_to(pdf)[0].embeds[0].title

    picture = await world.post_brief(files=[("photo.png", b"\x89PNG\r\n\x1a\n....")])
    assert world.reactions(picture) == [] and world.replies_to(picture) == []
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_other_channels_bots_and_commands_are_not_briefs(world):
    elsewhere = await world.alice.send(world.general, SHORT_BRIEF)
    assert world.reactions(elsewhere) == []

    robot = world.guild.add_member(world.env.create_user("robot", bot=True))
    from_bot = await robot.send(world.news, SHORT_BRIEF)
    assert world.reactions(from_bot) == []

    command = await world.alice.send(world.news, "!stats")
    assert world.reactions(command) == []
    assert world.replies_to(command)[0].embeds[0].title != "Indexed as #1"
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_ingest_command_takes_text_and_files(world, seed_text):
    typed = await world.alice.send(world.general, "!ingest " + SHORT_BRIEF)
    assert world.replies_to(typed)[0].embeds[0].title == "Indexed as #1"
    article = await world.store.get_article(world.guild.id, 1)
    assert article.raw_text == SHORT_BRIEF  # lines and paragraphs kept

    attached = await world.alice.send(world.general, "!ingest", attachments=[("brief.md", seed_text.encode())])
    assert world.replies_to(attached)[0].embeds[0].title == "Indexed as #2"

    result = await world.bob.slash(world.general, "ingest", text=SHORT_BRIEF)
    assert result.response.embeds[0].title == "Already indexed as #1."

    nothing = await world.alice.send(world.general, "!ingest")
    assert world.replies_to(nothing)[0].embeds[0].title == "Nothing to ingest."


async def test_configured_channels_are_watched_without_a_command(simcord_env, simcord_bot, bot_settings, extractor):
    guild = simcord_env.create_guild("Configured")
    briefs = guild.create_text_channel("briefs")
    alice = guild.add_member(simcord_env.create_user("alice"))
    configured = create_bot(bot_settings.replace(ingest_channel_ids=frozenset({briefs.id})), extractor=extractor)
    await simcord_bot.close()
    await simcord_env.restart_bot(configured)
    try:
        posted = await alice.send(briefs, SHORT_BRIEF)
        fresh = next(m for m in briefs.history() if m.id == posted.id)
        assert [str(r.emoji) for r in fresh.reactions] == ["✅"]
        assert await configured.store.watched_channels(guild.id) == set()  # configuration, not the database
    finally:
        await configured.close()


async def test_replies_in_a_watched_channel_are_conversation(world):
    posted = await world.post_brief(SHORT_BRIEF)
    reply = await world.bob.send(world.news, "Source? I read the crane arrives in June.", reply_to=posted)
    assert world.reactions(reply) == [] and world.replies_to(reply) == []
    assert (await world.store.stats(world.guild.id)).briefs == 1


async def test_chat_naming_someone_is_not_indexed_and_does_not_win_who(world):
    """Issue 10: a long chat line in a watched channel created a place called "Megrahi"."""
    await save(world.store, world.guild.id, handmade(
        "Lockerbie bomber's family speaks", "Abdelbaset al-Megrahi's family said they would appeal.",
        entities=[Entity("Abdelbaset al-Megrahi", "PERSON", aliases=["Megrahi"])]))
    chat = await world.bob.send(world.news, (
        "Thanks @alice for posting these, super useful. I was wondering what Megrahi's family reaction was "
        "when the news broke, did anyone see a statement from them or from the lawyers in Glasgow? "
        "I couldn't find anything on the BBC site yesterday."))
    assert world.reactions(chat) == [] and world.replies_to(chat) == []
    assert (await world.store.stats(world.guild.id)).briefs == 1
    asked = await world.alice.send(world.general, "!who Megrahi")
    assert world.replies_to(asked)[0].embeds[0].title == "Abdelbaset al-Megrahi"


async def test_synonyms_and_safe_guesses_in_discord(world):
    asked = await world.alice.send(world.general, "!get 3")
    reply = world.replies_to(asked)[0]
    text = (reply.content or "") + "".join((e.title or "") + (e.description or "") for e in reply.embeds)
    assert "forget" not in text
    asked = await world.alice.send(world.general, "!lookup Nobody Atall")
    text = "".join((e.title or "") for e in world.replies_to(asked)[0].embeds)
    assert "No one called" in text
