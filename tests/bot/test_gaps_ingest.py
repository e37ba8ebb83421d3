"""Ingestion paths the first Discord tests left out: .html attachments, briefs
in cp1252 and UTF-16, the size limit checked before any download, `!ingest
URL`, private links refused, and edits and deletions as a member sees them
in the answers to later questions."""
from __future__ import annotations

import pytest

from simworld import SHORT_BRIEF, SIMCORD, article_html

pytestmark = SIMCORD

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
