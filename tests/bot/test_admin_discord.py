"""Server administration from Discord: permissions on both command paths,
watching channels, settings, forgetting, reindexing with progress, !sync."""
from __future__ import annotations

import pytest
from discord.ext import commands
from simcord import SetupError

from bot.table import NotPermitted
from handlers.core.commands import COMMANDS
from simworld import SHORT_BRIEF, SIMCORD
import discord
import handlers.reindex as reindex_handler
from simworld import NOISY_BRIEF, SHORT_BRIEF, SIMCORD, SMITHS, save

pytestmark = SIMCORD


async def test_watch_needs_manage_server_on_slash_and_prefix(world):
    # Discord hides the command from members without the permission...
    with pytest.raises(SetupError, match="not visible"):
        await world.alice.slash(world.general, "watch", channel=world.general)
    # ...and when a server admin shows it to everyone anyway, the bot still refuses, politely.
    [watch] = [c for c in await world.bot.tree.fetch_commands() if c.name == "watch"]
    world.guild.set_command_permissions(watch, {world.guild.default_role: True})
    refused = await world.alice.slash(world.general, "watch", channel=world.general)
    assert refused.ephemeral
    assert refused.response.embeds[0].title == "Sorry, only members with the Manage Server permission can use `watch`."

    typed = await world.alice.send(world.general, f"!watch {world.general.mention}")
    assert world.replies_to(typed)[0].embeds[0].title.startswith("Sorry, only members with the Manage Server")
    assert [type(e) for e in world.env.errors] == [NotPermitted, NotPermitted]
    assert await world.store.watched_channels(world.guild.id) == {world.news.id}


async def test_watch_and_unwatch_change_what_is_ingested(world):
    result = await world.mod.slash(world.general, "watch", channel=world.general)
    assert result.response.embeds[0].title == f"Watching <#{world.general.id}>."
    posted = await world.alice.send(world.general, SHORT_BRIEF)
    assert world.reactions(posted) == ["✅"]

    typed = await world.mod.send(world.general, f"!unwatch {world.general.mention}")
    assert world.replies_to(typed)[0].embeds[0].title == f"Stopped watching <#{world.general.id}>."
    later = await world.alice.send(world.general, SHORT_BRIEF + " More.")
    assert world.reactions(later) == []

    settings = await world.mod.slash(world.general, "settings")
    watched = settings.response.embeds[0].fields[0]
    assert watched.name == "Watched channels" and f"<#{world.news.id}>" in watched.value


async def test_a_channel_of_another_server_cannot_be_watched(world):
    other = world.env.create_guild("Elsewhere").create_text_channel("secret")
    typed = await world.mod.send(world.general, f"!watch <#{other.id}>")
    assert world.replies_to(typed)[0].embeds[0].title == "I can't find that channel in this server."
    assert world.env.errors  # acknowledged: a refused input, not a failure
    assert await world.store.watched_channels(world.guild.id) == {world.news.id}


async def test_forget_needs_manage_messages(world):
    await world.post_brief(SHORT_BRIEF)
    refused = await world.alice.send(world.general, "!forget 1")
    assert "Manage Messages" in world.replies_to(refused)[0].embeds[0].title
    assert [type(e) for e in world.env.errors] == [NotPermitted]
    done = await world.mod.send(world.general, "!forget 1")
    question = world.replies_to(done)[0]
    assert question.embeds[0].title == "Forget brief #1?"  # asks first; only the moderator may answer
    await world.mod.click(question, label="Forget")
    assert world.fresh(question).embeds[0].title == "Forgot brief #1."
    assert (await world.store.stats(world.guild.id)).briefs == 0


async def test_reindex_reports_progress_in_one_message(world, seed_text):
    await world.post_brief(SHORT_BRIEF)
    await world.post_brief(files=[("message.txt", seed_text.encode())])
    before = len(world.general.history())
    result = await world.mod.slash(world.general, "reindex")
    assert result.response.embeds[0].title == "Re-read 2 briefs."
    assert len(world.general.history()) == before + 1  # progress was edited into the result

    typed = await world.mod.send(world.general, "!reindex")
    [answer] = world.replies_to(typed)
    assert answer.embeds[0].title == "Re-read 2 briefs."
    assert (await world.store.stats(world.guild.id)).briefs == 2


async def test_sync_is_for_owners(world):
    refused = await world.alice.send(world.general, "!sync here")
    assert world.replies_to(refused)[0].embeds[0].title == "Only the bot's owners can use that."
    assert [type(e) for e in world.env.errors] == [commands.NotOwner]

    world.bot.owner_id, world.bot.owner_ids = None, {world.mod.id}  # what OWNER_IDS sets
    synced = await world.mod.send(world.general, "!sync here")
    assert world.replies_to(synced)[0].embeds[0].title.startswith(f"Synced {len(COMMANDS)} slash commands in Newsroom")


# ---- Administration as server staff meet it, beyond the first Discord tests: every admin command
# refused to members on both the prefix and the slash path, Manage Messages versus Manage Server,
# `/forget` and `/reindex` kept to their own server, reindex progress edited into one message, and
# no slash command sync until an owner asks for one.
ADMIN = {  # command -> (slash options, prefix arguments); the world's channels filled in below
    "forget": (lambda w: {"id": 1}, lambda w: "1"),
    "reindex": (lambda w: {}, lambda w: ""),
    "watch": (lambda w: {"channel": w.general}, lambda w: w.general.mention),
    "unwatch": (lambda w: {"channel": w.news}, lambda w: w.news.mention),
    "settings": (lambda w: {}, lambda w: ""),
    # moderators' tools (issue 13)
    "restore": (lambda w: {"id": 1}, lambda w: "1"),
    "undo": (lambda w: {}, lambda w: ""),
    "merge": (lambda w: {"name": "John Smith", "into": "Jane Smith"}, lambda w: "John Smith into Jane Smith"),
    "unmerge": (lambda w: {"name": "John Smith"}, lambda w: "John Smith"),
    "split": (lambda w: {"name": "John Smith"}, lambda w: "John Smith"),
    "rename": (lambda w: {"name": "John Smith", "to": "Johnny"}, lambda w: "John Smith to Johnny"),
    "retype": (lambda w: {"name": "John Smith", "type": "org"}, lambda w: "John Smith as org"),
    "hide": (lambda w: {"name": "John Smith"}, lambda w: "John Smith"),
    "unhide": (lambda w: {"name": "John Smith"}, lambda w: "John Smith"),
    "attribute": (lambda w: {"statement": "#s1", "speaker": "none"}, lambda w: "#s1 none"),
    "corrections": (lambda w: {}, lambda w: ""),
    "uncorrect": (lambda w: {"id": 1}, lambda w: "1"),
    "changes": (lambda w: {}, lambda w: ""),
}


async def show_to_everyone(world, name: str) -> None:
    """What a server admin can do in Server Settings -> Integrations."""
    [command] = [c for c in await world.bot.tree.fetch_commands() if c.name == name]
    world.guild.set_command_permissions(command, {world.guild.default_role: True})


@pytest.mark.parametrize("name", sorted(ADMIN))
async def test_every_admin_command_refuses_a_member_on_both_paths(world, name):
    await save(world.store, world.guild.id, SMITHS)
    slash_options, prefix_args = ADMIN[name]
    assert name not in world.alice.available_commands(world.general)  # hidden by default...
    with pytest.raises(SetupError, match="not visible"):
        await world.alice.slash(world.general, name, **slash_options(world))

    await show_to_everyone(world, name)  # ...until an admin shows it to everyone; the bot still refuses
    refused = await world.alice.slash(world.general, name, **slash_options(world))
    assert refused.ephemeral
    assert refused.response.embeds[0].title.startswith("Sorry, only members with the ")
    assert refused.response.embeds[0].title.endswith(f"can use `{name}`.")

    typed = await world.alice.send(world.general, f"!{name} {prefix_args(world)}".strip())
    [answer] = world.replies_to(typed)
    assert answer.embeds[0].title == refused.response.embeds[0].title

    assert [type(e) for e in world.env.errors] == [NotPermitted, NotPermitted]
    assert (await world.store.stats(world.guild.id)).briefs == 1  # nothing forgotten...
    assert await world.store.watched_channels(world.guild.id) == {world.news.id}  # ...or (un)watched
    assert await world.store.corrections(world.guild.id) == []  # ...or corrected
    assert [c.action for c in await world.store.changes(world.guild.id)] == ["watch"]  # the world's own setup


async def test_manage_messages_may_forget_but_not_change_the_setup(world):
    await world.post_brief(SHORT_BRIEF)
    editors = world.guild.create_role("Editors", permissions=discord.Permissions(manage_messages=True))
    dan = world.guild.add_member(world.env.create_user("dan"), roles=[editors])

    refused = await dan.send(world.general, f"!watch {world.general.mention}")
    assert "Manage Server" in world.replies_to(refused)[0].embeds[0].title
    assert [type(e) for e in world.env.errors] == [NotPermitted]

    done = await dan.slash(world.general, "forget", id=1)
    assert done.response.embeds[0].title == "Forget brief #1?"
    await dan.click(done.response, label="Forget")
    assert done.response.embeds[0].title == "Forgot brief #1."
    assert (await world.store.stats(world.guild.id)).briefs == 0
    again = await dan.slash(world.general, "forget", id=1)
    assert again.ephemeral and "#1" in again.response.embeds[0].title


async def test_staff_of_another_server_cannot_forget_or_reindex_our_briefs(world):
    await world.post_brief(SHORT_BRIEF)
    before = await world.store.get_article(world.guild.id, 1)

    other = world.env.create_guild("Elsewhere")
    lobby = other.create_text_channel("lobby")
    staff = other.create_role("Staff", permissions=discord.Permissions(manage_guild=True, manage_messages=True))
    eve = other.add_member(world.env.create_user("eve"), roles=[staff])

    forgot = await eve.slash(lobby, "forget", id=1)
    assert forgot.ephemeral and "#1" in forgot.response.embeds[0].title
    typed = await eve.send(lobby, "!forget 1")
    assert "#1" in [m for m in lobby.history() if m.reference and m.reference.message_id == typed.id][0] \
        .embeds[0].title
    reindexed = await eve.slash(lobby, "reindex")
    assert reindexed.response.embeds[0].title == "Nothing to re-read: no briefs are indexed yet."
    settings = await eve.slash(lobby, "settings")
    assert f"<#{world.news.id}>" not in str(settings.response.embeds[0].to_dict())

    after = await world.store.get_article(world.guild.id, 1)
    assert after is not None and after.raw_text == before.raw_text
    assert (await world.store.stats(world.guild.id)).briefs == 1


def edits_of(world, message_id: int) -> list[dict]:
    """The embeds the bot PATCHed into one message, in order."""
    return [r.json["embeds"][0] for r in world.env.http_requests
            if r.method == "PATCH" and r.path.endswith(f"/messages/{message_id}") and r.json and r.json.get("embeds")]


async def test_reindex_edits_one_message_as_it_goes(world, monkeypatch):
    monkeypatch.setattr(reindex_handler, "BATCH", 1)  # one brief per step
    # ... and an edit for each (in the module discord.py loaded as the extension)
    monkeypatch.setitem(world.bot.get_command("reindex").callback.__globals__, "PROGRESS_EVERY", 0.0)
    for made in (SHORT_BRIEF, NOISY_BRIEF):
        await world.post_brief(made)
    await save(world.store, world.guild.id, SMITHS)

    typed = await world.mod.send(world.general, "!reindex")
    [status] = world.replies_to(typed)  # one message from start to end
    assert status.embeds[0].title == "Re-read 3 briefs."
    steps = [e.get("description", "").splitlines()[-1] for e in edits_of(world, status.id)
             if e["title"] == "Re-reading briefs…"]
    assert steps == ["1 of 3", "2 of 3", "3 of 3"]
    assert edits_of(world, status.id)[-1]["title"] == "Re-read 3 briefs."

    before = len(world.general.history())
    slash = await world.mod.slash(world.general, "reindex")
    callbacks = [r.json["type"] for r in world.env.http_requests if r.path.endswith("/callback")]
    assert callbacks[-1] == 5  # "thinking…" at once: Discord waits only 3 seconds for a first answer
    assert slash.response.embeds[0].title == "Re-read 3 briefs."
    assert len(world.general.history()) == before + 1  # progress and result in that one message
    assert (await world.store.stats(world.guild.id)).briefs == 3


@pytest.mark.bot_settings(sync_commands_on_start=False)
async def test_commands_are_published_only_when_an_owner_asks(world):
    def syncs():
        return [r for r in world.env.http_requests if r.method == "PUT" and r.path.endswith("/commands")]

    assert syncs() == []  # starting the bot published nothing
    with pytest.raises(SetupError, match="never synced"):
        await world.alice.slash(world.general, "who", name="Hegseth")
    # Prefix commands work without any sync.
    typed = await world.alice.send(world.general, "!stats")
    assert world.replies_to(typed)[0].embeds[0].colour != discord.Colour.red()

    refused = await world.mod.send(world.general, "!sync")  # Manage Server is not ownership
    assert world.replies_to(refused)[0].embeds[0].title == "Only the bot's owners can use that."
    assert [type(e).__name__ for e in world.env.errors] == ["NotOwner"]
    assert syncs() == []

    world.bot.owner_id, world.bot.owner_ids = None, {world.mod.id}  # what OWNER_IDS sets
    synced = await world.mod.send(world.general, "!sync")
    assert world.replies_to(synced)[0].embeds[0].title.startswith(f"Synced {len(COMMANDS)} slash commands everywhere")
    assert len(syncs()) == 1
    asked = await world.alice.slash(world.general, "stats")
    assert asked.response.embeds[0].colour != discord.Colour.red()

    bad = await world.mod.send(world.general, "!sync 12345")
    assert world.replies_to(bad)[0].embeds[0].title == "I am not in a server `12345`."
    assert len(syncs()) == 1


async def test_a_watch_takes_effect_even_when_its_reply_cannot_be_sent(world):
    # The watched list of this server is already cached (the fixture's `!watch` and messages since).
    await world.post_brief(SHORT_BRIEF)
    # Discord refuses the bot's next message (say, no Embed Links where the admin typed).
    world.env.inject_error("POST", "/channels/*/messages", status=403, code=50013, message="Missing Permissions")
    await world.mod.send(world.general, f"!watch {world.general.mention}")
    assert await world.store.watched_channels(world.guild.id) == {world.news.id, world.general.id}
    world.env.errors  # the failed send is logged and reported; acknowledged here

    posted = await world.alice.send(world.general, NOISY_BRIEF)
    assert world.reactions(posted) == ["✅"]  # the new channel is watched at once, not after a restart
