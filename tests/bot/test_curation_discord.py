"""Moderators correcting their index from Discord: merge, attribute, rename,
retype, hide (with confirmation where data goes away), corrections that
survive `!reindex`, `!forget` undone, statement ids for moderators, and the
audit log. Every change stays in its own server."""
from __future__ import annotations

import discord
import pytest
from simcord import SetupError

from bot.table import NotPermitted
from simworld import SIMCORD

pytestmark = SIMCORD

# Written for these tests. The first brief misspells the mayor's name ("Ana Fereira"),
# so she is two people until moderators fix it.
FERRY = ("Harbour board backs new ferry route\n\n"
         "Harbour board chair Tom Reyes said on Monday that the new ferry route to Port Elling would open "
         "in June. \"We have waited ten years for this,\" Reyes said. Mayor Ana Fereira of Port Elling "
         "welcomed the decision. \"The island finally gets a proper connection,\" Fereira said, adding "
         "that the Harbour Board had listened to residents.")
BUDGET = ("Island council passes budget\n\n"
          "Mayor Ana Ferreira said on Tuesday the island council had passed its budget. \"Every ferry ticket "
          "will cost less next year,\" Ana Ferreira said after the vote in the town hall.")


def title(message) -> str:
    return message.embeds[0].title


async def command(world, who, text: str) -> discord.Message:
    """The bot's one answer to a typed command."""
    typed = await who.send(world.general, text)
    [answer] = world.replies_to(typed)
    return answer


async def refused(world, who, text: str) -> None:
    """A member without Manage Messages is told so, and the refusal is the only error."""
    seen = len(world.env.errors)
    answer = await command(world, who, text)
    assert title(answer) == f"Sorry, only members with the Manage Messages permission can use `{text.split()[0][1:]}`."
    assert [type(e) for e in world.env.errors[seen:]] == [NotPermitted]


async def other_server(world):
    """A second server with the same brief, where nothing must change."""
    guild = world.env.create_guild("Elsewhere")
    channel = guild.create_text_channel("chat")
    role = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True, manage_messages=True))
    member = guild.add_member(world.env.create_user("carol"), roles=[role])
    typed = await member.send(channel, f"!ingest {FERRY}")
    assert any("Indexed" in (m.embeds[0].title or "") for m in channel.history() if m.embeds)
    return guild


async def test_merge_asks_the_moderator_then_survives_reindex(world):
    await world.post_brief(FERRY)
    await world.post_brief(BUDGET)
    elsewhere = await other_server(world)
    store = world.store
    assert (await store.find_entity(world.guild.id, "Ana Fereira")).entity is not None

    await refused(world, world.alice, "!merge Ana Fereira into Ana Ferreira")

    question = await command(world, world.mod, "!merge Ana Fereira into Ana Ferreira")
    assert title(question) == "Merge “Ana Fereira” into “Ana Ferreira”?"
    not_hers = await world.alice.click(question, label="Merge")  # only the moderator can answer
    assert not_hers.ephemeral
    assert (await store.find_entity(world.guild.id, "Ana Fereira")).entity.name == "Ana Fereira"
    await world.mod.click(question, label="Merge")
    assert title(world.fresh(question)) == "Merged “Ana Fereira” into “Ana Ferreira”."

    async def merged_profile():
        who = await command(world, world.bob, "!who Ana Fereira")
        assert title(who) == "Ana Ferreira"
        return who.embeds[0]

    profile = await merged_profile()
    assert "Ana Fereira" in str(profile.to_dict())
    reindexed = await command(world, world.mod, "!reindex")
    assert title(reindexed) == "Re-read 2 briefs."
    await merged_profile()
    # the other server keeps the extractor's reading
    other = await store.find_entity(elsewhere.id, "Ana Fereira")
    assert other.entity is not None and other.entity.name == "Ana Fereira"

    undone = await command(world, world.mod, "!unmerge Ana Fereira")
    assert title(undone) == "“Ana Fereira” is its own entity again."
    assert title(await command(world, world.bob, "!who Ana Fereira")) == "Ana Fereira"


async def test_moderators_see_statement_ids_and_attribution_survives_reindex(world):
    await world.post_brief(FERRY)
    elsewhere = await other_server(world)
    store = world.store

    member_view = await command(world, world.alice, "!quotes proper connection")
    assert "#s" not in member_view.embeds[0].description
    mod_view = await command(world, world.mod, "!quotes proper connection")
    line = mod_view.embeds[0].description
    assert "— Ana Fereira" in line and "#s" in line
    statement_id = line.split("#s", 1)[1].split()[0]

    await refused(world, world.alice, f"!attribute #s{statement_id} Tom Reyes")
    done = await world.mod.slash(world.general, "attribute", statement=f"#s{statement_id}", speaker="Tom Reyes")
    assert "is now attributed to Tom Reyes" in done.response.embeds[0].title

    article = await world.mod.slash(world.general, "article", id=1)
    pages = [article.response.embeds[0]]
    while not article.response.embeds[0].title.endswith(": statements"):
        await world.mod.click(article.response, label="Next")
        pages.append(article.response.embeds[0])
    assert f"#s{statement_id}" in pages[-1].description  # the article shows moderators the ids too

    await command(world, world.mod, "!reindex")
    after = (await command(world, world.mod, "!quotes proper connection")).embeds[0].description
    assert "— Tom Reyes" in after and f"#s{statement_id}" in after  # same statement, same id
    [theirs] = await store.search_statements(elsewhere.id, "proper connection")
    assert theirs.speaker == "Ana Fereira"

    nobody = await command(world, world.mod, f"!attribute #s{statement_id} none")
    assert "is now unattributed" in title(nobody)
    [ours] = await store.search_statements(world.guild.id, "proper connection")
    assert ours.speaker is None
    missing = await command(world, world.mod, "!attribute #s999999 Tom Reyes")
    assert title(missing) == "There is no statement #s999999 in this server."


async def test_forget_asks_then_undo_restores_the_brief(world):
    posted = await world.post_brief(FERRY)
    elsewhere = await other_server(world)
    store = world.store
    before = await store.get_article(world.guild.id, 1)

    await refused(world, world.alice, "!forget 1")
    question = await command(world, world.mod, "!forget 1")
    assert title(question) == "Forget brief #1?"
    await world.mod.click(question, label="Cancel")
    assert title(world.fresh(question)) == "Cancelled; nothing changed."
    assert await store.get_article(world.guild.id, 1) is not None

    question = await command(world, world.mod, "!forget 1")
    await world.mod.click(question, label="Forget")
    forgot = world.fresh(question).embeds[0]
    assert forgot.title == "Forgot brief #1." and "!undo" in forgot.description and "24 hours" in forgot.description
    gone = await command(world, world.bob, "!article 1")
    assert title(gone) == "There is no brief #1 in this server."
    assert (await store.find_entity(world.guild.id, "Tom Reyes")).entity is None
    assert await store.search_statements(world.guild.id, "waited ten years") == []
    assert await store.search_statements(elsewhere.id, "waited ten years")  # the other server still has its copy

    await refused(world, world.alice, "!undo")
    restored = await command(world, world.mod, "!undo")
    assert title(restored) == "Restored brief #1."
    after = await store.get_article(world.guild.id, 1)
    assert [(s.id, s.text, s.speaker) for s in after.statements] == \
        [(s.id, s.text, s.speaker) for s in before.statements]
    assert [e.name for e in after.entities] == [e.name for e in before.entities]
    who = await command(world, world.bob, "!who Tom Reyes")
    assert title(who) == "Tom Reyes" and posted.jump_url in str(who.embeds[0].to_dict())
    again = await command(world, world.mod, "!restore 1")
    assert title(again) == "There is no forgotten brief #1 in this server."


async def test_rename_retype_hide_and_the_corrections_list(world):
    await world.post_brief(FERRY)
    elsewhere = await other_server(world)
    store = world.store

    # slash commands that change the index are hidden from members
    with pytest.raises(SetupError, match="not visible"):
        await world.alice.slash(world.general, "rename", name="Ana Fereira", to="Ana Ferreira")
    await refused(world, world.alice, "!hide Port Elling")

    renamed = await world.mod.slash(world.general, "rename", name="Ana Fereira", to="Ana Ferreira")
    assert renamed.response.embeds[0].title == "Renamed “Ana Fereira” to “Ana Ferreira”."
    retyped = await command(world, world.mod, "!retype Port Elling as place")
    assert title(retyped) == "“Port Elling” is now a country, state or city."
    bad = await command(world, world.mod, "!retype Port Elling as spaceship")
    assert title(bad) == "What kind of entity is it?"

    question = await world.mod.slash(world.general, "hide", name="Harbour Board")
    assert question.response.embeds[0].title == "Hide “Harbour Board”?"
    await world.mod.click(question.response, label="Hide")
    assert question.response.embeds[0].title == "Hid “Harbour Board”."
    assert title(await command(world, world.bob, "!who Harbour Board")) != "Harbour Board"
    assert "Harbour Board" not in await store.entity_names(world.guild.id, "Harb")
    article = (await command(world, world.bob, "!article 1")).embeds[0]
    assert "Harbour Board" not in str(article.to_dict()) or "Harbour Board had" in str(article.to_dict())
    assert (await store.find_entity(elsewhere.id, "Harbour Board")).entity is not None

    listed = (await command(world, world.mod, "!corrections")).embeds[0].description
    assert "rename Ana Fereira to Ana Ferreira" in listed
    assert "retype Port Elling as GPE" in listed and "hide Harbour Board" in listed
    await refused(world, world.alice, "!corrections")
    assert title(await command(world, world.mod, "!unhide Harbour Board")) == "“Harbour Board” is shown again."
    assert (await store.find_entity(world.guild.id, "Harbour Board")).entity is not None

    rename_id = listed.split(" · rename", 1)[0].rsplit("#", 1)[1]
    removed = await command(world, world.mod, f"!uncorrect {rename_id}")
    assert title(removed) == f"Removed correction #{rename_id}: rename Ana Fereira to Ana Ferreira."
    assert (await store.find_entity(world.guild.id, "Ana Fereira")).entity.name == "Ana Fereira"
    assert await store.corrections(elsewhere.id) == []

    log = (await command(world, world.mod, "!changes")).embeds[0].description
    assert f"member {world.mod.id} · rename Ana Fereira" in log
    assert "remove correction" in log and "hide Harbour Board" in log
    await refused(world, world.alice, "!changes")
    assert await store.changes(elsewhere.id) == []
