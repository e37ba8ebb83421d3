"""A server's own say over what gets in (`settings`): quiet mode, a minimum role
for watched channels, 📰 opt-in from members with a role, a link with a short
comment read as the page, an edit that updates the bot's earlier reply, and a
log channel mirroring moderators' changes. Settings of one server never apply
to another."""
from __future__ import annotations

import discord

from bot.table import NotPermitted
from simworld import SHORT_BRIEF, SIMCORD, article_html

pytestmark = SIMCORD

LONGER = ("Library extends opening hours\n\n"
          "The town library will open until nine on weekdays from March, head librarian Ruth Okafor said on "
          "Friday. \"Students asked for quiet evenings, and we listened,\" Okafor said at the reading room.")


def title(message) -> str:
    return message.embeds[0].title


async def setting(world, text: str) -> discord.Message:
    typed = await world.mod.send(world.general, text)
    [answer] = world.replies_to(typed)
    return answer


async def test_quiet_mode_reacts_without_a_reply_and_only_in_its_server(world):
    assert title(await setting(world, "!settings quiet on")) == "Setting `quiet` is now on."
    posted = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(posted) == ["✅"] and world.replies_to(posted) == []
    again = await world.post_brief(SHORT_BRIEF, who=world.bob)  # a duplicate: ♻️, and quietly
    assert world.reactions(again) == ["♻️"] and world.replies_to(again) == []

    # a member cannot change settings
    typed = await world.alice.send(world.general, "!settings quiet off")
    assert "Manage Server" in title(world.replies_to(typed)[0])
    assert [type(e) for e in world.env.errors] == [NotPermitted]

    shown = (await setting(world, "!settings")).embeds[0]
    assert any(f.name == "quiet: on" for f in shown.fields)
    assert await world.store.guild_settings(world.env.create_guild("Elsewhere").id) == {}


async def test_only_members_with_the_role_post_briefs_in_watched_channels(world):
    reporters = world.guild.create_role("Reporters")
    bad = await setting(world, "!settings role <@&123>")
    assert title(bad) == "I can't find that role in this server."
    assert world.env.errors  # acknowledged: a refused input, not a failure
    assert title(await setting(world, f"!settings role <@&{reporters.id}>")) == \
        "Setting `role` is now @Reporters."
    ignored = await world.post_brief(SHORT_BRIEF)
    assert world.reactions(ignored) == [] and world.replies_to(ignored) == []
    reporter = world.guild.add_member(world.env.create_user("rita"), roles=[reporters])
    posted = await world.post_brief(SHORT_BRIEF, who=reporter)
    assert world.reactions(posted) == ["✅"]
    assert title(await setting(world, "!settings role off")) == "Setting `role` is now off."
    later = await world.post_brief(LONGER)
    assert world.reactions(later) == ["✅"]


async def test_a_member_with_the_opt_in_role_indexes_any_message_with_a_reaction(world):
    curators = world.guild.create_role("Curators")
    curator = world.guild.add_member(world.env.create_user("cora"), roles=[curators])
    message = await world.alice.send(world.general, SHORT_BRIEF)  # not a watched channel
    await curator.react(message, "📰")
    assert await world.store.count_articles(world.guild.id) == 0  # opt-in is off until chosen

    await setting(world, f"!settings optin <@&{curators.id}>")
    await world.bob.react(message, "📰")  # bob lacks the role
    assert await world.store.count_articles(world.guild.id) == 0
    await curator.unreact(message, "📰")
    await curator.react(message, "📰")
    assert await world.store.count_articles(world.guild.id) == 1
    assert "✅" in world.reactions(message)
    assert title(world.replies_to(message)[0]) == "Indexed as #1"


async def test_a_link_with_a_short_comment_is_read_as_the_page(world, news_site):
    news_site.pages["/news/library"] = ("text/html", article_html(
        "Library extends opening hours", [LONGER.split("\n\n", 1)[1]]))
    posted = await world.post_brief(f"Interesting read {news_site.url('/news/library')}")
    assert world.reactions(posted) == ["✅"]
    [article] = await world.store.latest_articles(world.guild.id)
    assert article.source == news_site.url("/news/library")


async def test_an_edit_updates_the_earlier_reply(world):
    posted = await world.post_brief(LONGER)
    [first] = world.replies_to(posted)
    assert title(first) == "Indexed as #1"
    await world.alice.edit(posted, LONGER.replace("until nine", "until ten"))
    [reply] = world.replies_to(posted)  # still one reply, now saying what happened
    assert reply.id == first.id and title(reply) == "Updated #1"


async def test_changes_are_mirrored_to_the_log_channel(world):
    log_channel = world.guild.create_text_channel("mod-log")
    assert title(await setting(world, f"!settings log {log_channel.mention}")) == \
        f"Setting `log` is now <#{log_channel.id}>."
    await world.post_brief(LONGER)
    question = await setting(world, "!forget 1")
    await world.mod.click(question, label="Forget")
    await setting(world, "!undo")
    mirrored = [m.embeds[0].title for m in log_channel.history() if m.embeds]
    assert any(t.endswith("!forget 1") for t in mirrored), mirrored
    assert any(t.endswith("!undo") for t in mirrored), mirrored
    changes = (await setting(world, "!changes")).embeds[0].description
    assert "setting log" in changes and "forget brief #1" in changes and "restore brief #1" in changes
