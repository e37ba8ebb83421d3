"""Asking questions in Discord: prefix and slash commands, autocomplete,
pages, "did you mean", escaping, and one server never seeing another's briefs."""
from __future__ import annotations

import discord

from extract.model import Entity, Statement
from simworld import NOISY_BRIEF, SIMCORD, SMITHS, handmade, save

pytestmark = SIMCORD


async def seeded(world, seed_text):
    posted = await world.post_brief(files=[("message.txt", seed_text.encode())])
    assert world.reactions(posted) == ["✅"]
    return posted


async def test_who_answers_with_an_embed_naming_the_person(world, seed_text):
    posted = await seeded(world, seed_text)
    asked = await world.bob.send(world.general, "!who Hegseth")
    [answer] = world.replies_to(asked)
    embed = answer.embeds[0]
    assert embed.title == "Pete Hegseth"
    assert "Defense Secretary" in embed.description
    briefs = next(f for f in embed.fields if f.name.startswith("Briefs"))
    # A masked link back to the brief's message, not the bare ~90-character URL on a line of its own.
    assert f"]({posted.jump_url})" in briefs.value and f"\n  {posted.jump_url}" not in briefs.value

    slash = await world.bob.slash(world.general, "who", name="hegseth")
    assert slash.response.embeds[0].title == "Pete Hegseth" and not slash.ephemeral


async def test_slash_quotes_finds_the_imminent_quotation(world, seed_text):
    await seeded(world, seed_text)
    result = await world.alice.slash(world.general, "quotes", text="imminent")
    embed = result.response.embeds[0]
    assert "imminent" in embed.title
    assert "The threat China poses is real and it could be imminent" in embed.description
    assert "Pete Hegseth" in embed.description

    by_speaker = await world.alice.slash(world.general, "quotes", text="humiliate", speaker="Hegseth")
    assert "subjugate or humiliate" in by_speaker.response.embeds[0].description
    prefix = await world.alice.send(world.general, "!quotes humiliate by Hegseth")
    assert "subjugate or humiliate" in world.replies_to(prefix)[0].embeds[0].description


async def test_entity_options_autocomplete_from_this_servers_names(world, seed_text):
    await seeded(world, seed_text)
    choices = await world.alice.autocomplete(world.general, "who", "name", "Hegs")
    assert "Pete Hegseth" in [c["name"] for c in choices]
    speakers = await world.alice.autocomplete(world.general, "quotes", "speaker", "hegs", text="threat")
    assert [c["value"] for c in speakers][:1] == ["Pete Hegseth"]


async def test_a_server_never_sees_another_servers_briefs(world, seed_text):
    await seeded(world, seed_text)
    other = world.env.create_guild("Elsewhere")
    lobby = other.create_text_channel("lobby")
    carol = other.add_member(world.env.create_user("carol"))

    asked = await carol.send(lobby, "!who Hegseth")
    [answer] = [m for m in lobby.history() if m.author.id == world.bot.user.id]
    assert answer.embeds[0].title.startswith("No one called")
    assert "Pete Hegseth" not in str(answer.embeds[0].to_dict())
    assert await carol.autocomplete(lobby, "who", "name", "Hegs") == []
    quotes = await carol.slash(lobby, "quotes", text="imminent")
    assert quotes.ephemeral and "No statements" in quotes.response.embeds[0].title
    stats = await carol.slash(lobby, "stats")
    assert "imminent" not in str(stats.response.embeds[0].to_dict())
    assert asked.guild.id == other.id


async def test_mentions_and_markdown_in_a_quote_are_shown_never_acted_on(world):
    posted = await world.post_brief(NOISY_BRIEF)
    assert world.reactions(posted) == ["✅"]
    asked = await world.alice.send(world.general, "!quotes ferry")
    [answer] = world.replies_to(asked)
    text = answer.embeds[0].description
    assert "@\u200beveryone" in text and "<@\u200b123>" in text and "<@\u200b&456>" in text
    assert "@everyone" not in text and "<@123>" not in text and "<@&456>" not in text
    assert "\\*\\*not\\*\\*" in text and "\\|\\|soon\\|\\|" in text
    assert answer.mention_everyone is False and answer.mentions == [] and answer.role_mentions == []
    sends = [r for r in world.env.http_requests if r.method == "POST" and r.path.endswith("/messages")]
    assert sends and all(r.json["allowed_mentions"] == {"parse": []} for r in sends)


async def test_pages_turn_for_the_asker_only_and_stop_when_the_view_times_out(world):
    for n in range(10):
        await save(world.store, world.guild.id, handmade(f"Council notice number {n}", f"Notice {n} text."))
    asked = await world.alice.send(world.general, "!articles")
    [answer] = world.replies_to(asked)
    assert answer.embeds[0].title == "Latest briefs"

    moved = await world.alice.click(answer, label="Next")
    assert moved.response is not None
    page_two = world.fresh(answer)
    assert page_two.embeds[0].title == "Briefs, page 2"

    refused = await world.bob.click(page_two, label="First")
    assert refused.ephemeral and "belong to the member who asked" in refused.response.content
    assert world.fresh(answer).embeds[0].title == "Briefs, page 2"

    await world.env.advance_time(200)
    buttons = [c for row in world.fresh(answer).components for c in row.children]
    assert buttons and all(b.disabled for b in buttons)


async def test_did_you_mean_menu_runs_the_chosen_lookup(world):
    await save(world.store, world.guild.id, SMITHS)
    asked = await world.alice.send(world.general, "!who Smith")
    [answer] = world.replies_to(asked)
    assert "Did you mean" in answer.embeds[0].title
    [menu] = [c for row in answer.components for c in row.children if isinstance(c, discord.SelectMenu)]
    labels = {o.label: o.value for o in menu.options}
    jane = next(v for label, v in labels.items() if label.startswith("Jane Smith"))

    await world.alice.select(answer, [jane])
    assert world.fresh(answer).embeds[0].title == "Jane Smith"


async def test_help_comes_from_the_command_table(world):
    asked = await world.alice.send(world.general, "!help")
    embed = world.replies_to(asked)[0].embeds[0]
    assert embed.title == "newsbrief commands"
    assert "!quotes <text> [by SPEAKER]" in [f.name for f in embed.fields]
    one = await world.alice.slash(world.general, "help", command="who")
    assert one.response.embeds[0].title == "!who <name>"


async def test_an_article_links_to_the_message_it_was_posted_in(world, seed_text):
    posted = await seeded(world, seed_text)
    result = await world.alice.slash(world.general, "article", id=1)
    embed = result.response.embeds[0]
    assert embed.url == posted.jump_url and "Pentagon" in embed.title


async def test_slash_replies_page_and_offer_choices_too(world):
    for n in range(10):
        await save(world.store, world.guild.id, handmade(f"Council notice number {n}", f"Notice {n} text."))
    await save(world.store, world.guild.id, SMITHS)
    pages = await world.alice.slash(world.general, "articles")
    await world.alice.click(pages.response, label="Last")
    assert pages.response.embeds[0].title == "Briefs, page 2"
    await world.env.advance_time(200)
    assert all(c["disabled"] for row in pages.response.components for c in row["components"])

    smiths = await world.alice.slash(world.general, "who", name="Smith")
    [menu] = [c for row in smiths.response.components for c in row["components"] if c["type"] == 3]
    john = next(o["value"] for o in menu["options"] if o["label"].startswith("John Smith"))
    await world.alice.select(smiths.response, [john])
    assert smiths.response.embeds[0].title == "John Smith"


async def test_a_cut_quote_has_a_full_text_button_that_keeps_the_list(world):
    opening = "Ann Lee, the mayor, told reporters: \u201c"
    long = ("we will keep the ferry running through the winter, " * 9) + "whatever the council decides"
    body = opening + long + "\u201d and then she left the quay."
    start = len("Ferry saved\n\n") + len(opening)
    await save(world.store, world.guild.id, handmade(
        "Ferry saved", body, [Entity("Ann Lee", "PERSON")],
        [Statement(long, "Ann Lee", "direct", start, start + len(long))]))
    asked = await world.alice.send(world.general, "!quotes ferry winter")
    [answer] = world.replies_to(asked)
    assert long not in answer.embeds[0].description

    refused = await world.bob.click(answer, label="Full text of 1 (Ann Lee)")
    assert refused.ephemeral and "belong to the member who asked" in refused.response.content
    shown = await world.alice.click(answer, label="Full text of 1 (Ann Lee)")
    embed = shown.response.embeds[0]
    assert long in embed.description and embed.title == "Statement 1 · Ann Lee"
    context = next(f.value for f in embed.fields if f.name == "In context")
    assert context.startswith("Ann Lee, the mayor, told reporters:") and context.endswith("left the quay.")
    assert world.fresh(answer).embeds[0].title == answer.embeds[0].title  # the list stays

    typed = await world.bob.send(world.general, "!quote 1")  # (alice has used her burst of queries)
    assert long in world.replies_to(typed)[0].embeds[0].description
