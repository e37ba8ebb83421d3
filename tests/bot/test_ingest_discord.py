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


# ---- Ingestion paths the first Discord tests left out: .html attachments, briefs in cp1252 and
# UTF-16, the size limit checked before any download, `!ingest URL`, private links refused, and
# edits and deletions as a member sees them in the answers to later questions.
QUOTED = ("Harbour board backs night ferries\n\n"
          "Board chair Ines Moreau said the night service would start in spring. "
          "\u201cThe caf\u00e9 on deck stays open until midnight,\u201d Moreau said.")


def downloads(world) -> list[str]:
    """Wrap the bot's CDN reads (Attachment.read) to see which files it downloads."""
    seen: list[str] = []
    original = world.bot.http.get_from_cdn

    async def counting(url: str) -> bytes:
        seen.append(url.rsplit("/", 1)[-1])
        return await original(url)

    world.bot.http.get_from_cdn = counting
    return seen


async def test_an_html_attachment_is_read_as_an_article(world):
    page = article_html("Night ferries approved by harbour board",
                        ["Board chair Ines Moreau said the night service would start in spring.",
                         "\u201cWe listened to the shift workers,\u201d Moreau said at the meeting on Tuesday."])
    posted = await world.post_brief(files=[("story.html", page.encode())])
    assert world.reactions(posted) == ["✅"], world.replies_to(posted)[0].embeds[0].to_dict()
    [article] = await world.store.latest_articles(world.guild.id)
    assert article.title == "Night ferries approved by harbour board"
    stored = await world.store.get_article(world.guild.id, article.id)
    assert "<p>" not in stored.raw_text and "Home" not in stored.raw_text  # the page's text, not its markup
    asked = await world.bob.send(world.general, "!quotes shift workers")
    assert "— Ines Moreau" in world.replies_to(asked)[0].embeds[0].description


@pytest.mark.parametrize("filename, data", [
    ("windows.txt", QUOTED.replace("\n", "\r\n").encode("cp1252")),
    ("notepad.md", QUOTED.encode("utf-16")),  # with a byte order mark, as Notepad saves it
], ids=["cp1252", "utf-16-bom"])
async def test_briefs_in_other_encodings_keep_their_letters_and_quotes(world, filename, data):
    posted = await world.post_brief(files=[(filename, data)])
    assert world.reactions(posted) == ["✅"]
    asked = await world.bob.send(world.general, "!quotes open until midnight")
    text = world.replies_to(asked)[0].embeds[0].description
    assert "The caf\u00e9 on deck stays open until midnight" in text and "Ines Moreau" in text
    assert "Ã" not in text and "\ufffd" not in text  # no mojibake


@pytest.mark.bot_settings(max_attachment_bytes=300)
async def test_the_size_limit_is_checked_before_the_file_is_downloaded(world):
    seen = downloads(world)
    big = await world.post_brief(files=[("long.txt", (SHORT_BRIEF + " More.").encode() * 3)])
    assert world.reactions(big) == ["❌"]
    assert "too large" in world.replies_to(big)[0].embeds[0].title
    typed = await world.alice.send(world.general, "!ingest", attachments=[("long.md", SHORT_BRIEF.encode() * 3)])
    assert "too large" in world.replies_to(typed)[0].embeds[0].title

    slash = await world.alice.slash(world.general, "ingest", file=("long.txt", SHORT_BRIEF.encode() * 3))
    assert "too large" in slash.response.embeds[0].title
    assert seen == []  # neither was fetched from Discord

    small = await world.post_brief(files=[("short.txt", SHORT_BRIEF.encode())])
    assert world.reactions(small) == ["✅"]
    assert seen == ["short.txt"]


async def test_slash_ingest_reads_an_attached_file_in_its_own_encoding(world):
    result = await world.bob.slash(world.general, "ingest", file=("board.txt", QUOTED.encode("cp1252")))
    assert result.response.embeds[0].title == "Indexed as #1"
    article = await world.store.get_article(world.guild.id, 1)
    assert "\u201cThe caf\u00e9 on deck" in article.raw_text
    again = await world.alice.slash(world.general, "ingest", text=QUOTED)
    assert again.response.embeds[0].title == "Already indexed as #1."  # same text, whatever the encoding


async def test_ingest_command_fetches_a_link_once(world, news_site):
    news_site.pages["/city/tram"] = ("text/html", article_html(
        "Tram line to reopen after repairs",
        ["City engineer Paolo Conti said the tram line would reopen on Friday.",
         "\u201cThe rails are safe again,\u201d Conti said after the final inspection."]))
    typed = await world.alice.send(world.general, f"!ingest {news_site.url('/city/tram')}")
    assert world.replies_to(typed)[0].embeds[0].title == "Indexed as #1"
    assert world.reactions(typed) == ["✅"]
    [article] = await world.store.latest_articles(world.guild.id)
    assert article.source == news_site.url("/city/tram") and article.title == "Tram line to reopen after repairs"

    again = await world.bob.slash(world.general, "ingest", text=f"<{news_site.url('/city/tram')}>")
    assert again.response.embeds[0].title == "Already indexed as #1."
    assert news_site.hits == ["/city/tram"]

    opened = await world.bob.slash(world.general, "article", id=1)
    embed = opened.response.embeds[0]
    assert embed.url == typed.jump_url  # where it was posted
    assert {f.name: f.value for f in embed.fields}["Source"] == news_site.url("/city/tram")


@pytest.mark.bot_settings(allow_private_urls=False)
async def test_links_to_private_addresses_are_refused_unfetched(world, news_site):
    news_site.pages["/internal"] = ("text/html", article_html("Internal memo", ["Staff only."]))
    posted = await world.post_brief(news_site.url("/internal"))
    assert world.reactions(posted) == ["❌"]
    assert "private or local address" in world.replies_to(posted)[0].embeds[0].title
    typed = await world.alice.send(world.general, "!ingest http://localhost:8080/admin")
    assert "private or local address" in world.replies_to(typed)[0].embeds[0].title
    not_web = await world.post_brief("ftp://files.example.org/brief.txt")
    assert world.reactions(not_web) == ["❌"]
    assert news_site.hits == []
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_an_edit_replaces_the_statements_members_find(world):
    posted = await world.post_brief(SHORT_BRIEF)
    other = await world.post_brief(QUOTED)
    assert world.reactions(posted) == world.reactions(other) == ["✅"]

    edited = ("Port authority approves new crane\n\n"
              "Port director Maria Lopez said the crane would arrive in June. "
              "\"Delivery slipped by a month,\" Lopez said.")
    await world.alice.edit(posted, edited)
    assert world.replies_to(posted)[-1].embeds[0].title == "Updated #1"

    old = await world.bob.send(world.general, "!quotes biggest investment in a decade")
    assert world.replies_to(old)[0].embeds[0].title == "No statements like “biggest investment in a decade”."
    new = await world.bob.slash(world.general, "quotes", text="delivery slipped")
    assert "Delivery slipped by a month" in new.response.embeds[0].description
    assert "#1 Port authority" in new.response.embeds[0].description.replace("\\", "")
    # The other brief and the count are untouched.
    assert (await world.store.stats(world.guild.id)).briefs == 2
    untouched = await world.store.get_article(world.guild.id, 2)
    assert untouched.raw_text == QUOTED

    # An edit that empties the brief is refused, and the brief stays as it was.
    await world.alice.edit(posted, "   ...   ")
    assert world.replies_to(posted)[-1].embeds[0].title == "That brief is empty."
    assert "Delivery slipped" in (await world.store.get_article(world.guild.id, 1)).raw_text


async def test_a_deleted_brief_disappears_from_every_answer(world):
    posted = await world.post_brief(SHORT_BRIEF)
    chatter = await world.bob.send(world.news, "Nice picture.", reply_to=posted)
    kept = await world.post_brief(QUOTED)
    [summary] = world.replies_to(posted)

    await world.bob.delete(chatter)  # not briefs: nothing happens
    await world.mod.delete(summary)
    assert (await world.store.stats(world.guild.id)).briefs == 2

    await world.alice.delete(posted)
    article = await world.alice.slash(world.general, "article", id=1)
    assert article.response.embeds[0].title == "There is no brief #1 in this server."
    quotes = await world.alice.slash(world.general, "quotes", text="biggest investment")
    assert quotes.response.embeds[0].title == "No statements like “biggest investment”."
    who = await world.alice.send(world.general, "!who Maria Lopez")
    assert world.replies_to(who)[0].embeds[0].title != "Maria Lopez"
    assert (await world.store.get_article(world.guild.id, 2)).raw_text == QUOTED
    assert world.reactions(kept) == ["✅"]

    # Posted again, it is a new brief, not "already indexed" as a ghost.
    again = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(again) == ["✅"]
    assert world.replies_to(again)[0].embeds[0].title == "Indexed as #3"


async def test_conversation_in_a_watched_channel_is_left_alone(world):
    chat = await world.bob.send(world.news, "Great read, thanks! Anyone know when the crane arrives?")
    assert world.reactions(chat) == [] and world.replies_to(chat) == []
    assert (await world.store.stats(world.guild.id)).briefs == 0
    # The same words through the command are read: asking is explicit.
    asked = await world.bob.send(world.news, "!ingest Crane news\n\nThe crane arrives in May, Maria Lopez said.")
    assert world.replies_to(asked)[0].embeds[0].title.startswith("Indexed as #1")


async def test_a_short_post_edited_into_a_brief_is_indexed_once(world):
    draft = await world.alice.send(world.news, "Port authority approves new crane (details to follow)")
    assert world.reactions(draft) == []
    await world.alice.edit(draft, SHORT_BRIEF)
    assert world.reactions(draft) == ["✅"]
    assert world.replies_to(draft)[-1].embeds[0].title.startswith("Indexed as #1")
    await world.alice.edit(draft, SHORT_BRIEF + " Work starts in June, Lopez added.")
    assert world.replies_to(draft)[-1].embeds[0].title == "Updated #1"  # same brief, not a second one
    assert (await world.store.stats(world.guild.id)).briefs == 1
