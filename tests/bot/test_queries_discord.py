"""Asking questions in Discord: prefix and slash commands, autocomplete,
pages, "did you mean", escaping, and one server never seeing another's briefs."""
from __future__ import annotations

import discord

from extract.model import Entity, Statement
from simworld import NOISY_BRIEF, SIMCORD, SMITHS, handmade, save
from datetime import datetime, timedelta, timezone
from simworld import SIMCORD, SMITHS, handmade, save

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


# ---- Query commands a member uses that the first Discord tests left out: `/article ID` in full,
# `/trending [days]`, paging of `/quotes`, `/search` and a busy `/who`, friendly answers to bad ids
# on the slash path, and one server never paging into, picking from or trending with another's
# briefs.
def buttons(message) -> dict[str, bool]:
    """label -> disabled, for a sent message (discord.Message) or a slash response."""
    if isinstance(message, discord.Message):
        return {c.label: c.disabled for row in message.components for c in row.children
                if isinstance(c, discord.Button)}
    return {c["label"]: c.get("disabled", False) for row in message.components for c in row["components"]
            if c["type"] == 2}


def menu_of(message) -> dict[str, str]:
    """label -> value of the one select menu under a slash response."""
    [menu] = [c for row in message.components for c in row["components"] if c["type"] == 3]
    return {o["label"]: o["value"] for o in menu["options"]}


# ---- /article ID ------------------------------------------------------------------------

async def test_article_shows_headline_summary_insights_entities_by_type_statements_and_link(world, seed_text):
    posted = await world.post_brief(files=[("message.txt", seed_text.encode())])
    assert world.reactions(posted) == ["✅"]

    result = await world.alice.slash(world.general, "article", id=1)
    assert not result.ephemeral
    first = result.response.embeds[0]
    assert first.title.startswith("Pentagon Seeks China Military Contact")
    assert first.url == posted.jump_url
    # The summary section, not the background, is the description.
    assert first.description.startswith("US Defense Secretary Pete Hegseth has proposed a phone call")
    assert "Shangri-La Dialogue is one of Asia's most significant" not in first.description
    fields = {f.name: f.value for f in first.fields}
    # Entities grouped by what they are.
    assert "Pete Hegseth" in fields["People"] and "Donald Trump" in fields["People"]
    assert "Pentagon" not in fields["People"]
    assert any(name in fields.get("Organisations", "") for name in ("Pentagon", "Central Military Commission"))
    assert "Beijing" in fields["Places"] or "China" in fields["Places"]
    # The insights: their questions are field names, their answers listed under them.
    assert "What strategic message is Beijing sending through its hesitation on military contact?" in fields
    assert "China is leveraging this moment" in \
        fields["What strategic message is Beijing sending through its hesitation on military contact?"]

    # The statements are on the last pages, reached with the buttons; every page links to the message.
    assert buttons(result.response) == {"First": True, "Previous": True, "Next": False, "Last": False}
    await world.alice.click(result.response, label="Last")
    last = result.response.embeds[0]
    assert "#1 Pentagon Seeks" in last.title and last.title.endswith(": statements")
    assert "— " in last.description  # statement lines name their speaker
    assert last.url == posted.jump_url
    every = []
    await world.alice.click(result.response, label="First")
    while True:
        every.append(result.response.embeds[0])
        if buttons(result.response)["Next"]:
            break
        await world.alice.click(result.response, label="Next")
    statements = "\n".join(e.description or "" for e in every if e.title.endswith(": statements"))
    assert "The threat China poses is real and it could be imminent" in statements
    assert "Pete Hegseth" in statements
    assert all(e.url == posted.jump_url for e in every)
    assert any(e.title.endswith(": background") for e in every)  # the Background section has its own page


async def test_article_from_a_link_points_to_the_page_and_bad_ids_are_answered_kindly(world):
    await save(world.store, world.guild.id, SMITHS, source="https://news.example/bakeries")
    result = await world.alice.slash(world.general, "article", id=1)
    embed = result.response.embeds[0]
    assert embed.url == "https://news.example/bakeries"
    fields = {f.name: f.value for f in embed.fields}
    assert set(fields["People"].split(", ")) == {"John Smith", "Jane Smith"}
    assert fields["Source"] == "https://news.example/bakeries"

    missing = await world.alice.slash(world.general, "article", id=99)
    assert missing.ephemeral  # a mistake concerns only the one who made it
    assert missing.response.embeds[0].title == "There is no brief #99 in this server."
    huge = await world.alice.send(world.general, "!article 99999999999999999999999")
    assert "There is no brief" in world.replies_to(huge)[0].embeds[0].title
    negative = await world.alice.send(world.general, "!article -3")
    assert world.replies_to(negative)[0].embeds[0].title == "Brief ids start at 1."


# ---- /trending [days] ---------------------------------------------------------------------

def story(n: int, *names: str):
    return handmade(f"Harbour story number {n}", f"Story {n} about " + " and ".join(names) + ".",
                    [Entity(name, "PERSON", mentions=1) for name in names])


async def test_trending_counts_briefs_per_entity_within_the_days_asked(world):
    now = datetime(2025, 9, 10, 12, tzinfo=timezone.utc)
    clock = {"now": now - timedelta(days=20)}
    world.store._clock = lambda: clock["now"]  # the store's injectable clock: briefs dated 20 days ago ...
    for n in range(4):
        await save(world.store, world.guild.id, story(n, "Olga Old"))
    clock["now"] = now - timedelta(days=2)  # ... and two days ago
    for n in range(4, 7):
        await save(world.store, world.guild.id, story(n, "Nina New", "Tom Twice") if n < 6 else story(n, "Nina New"))
    clock["now"] = now

    week = await world.alice.slash(world.general, "trending")
    embed = week.response.embeds[0]
    assert embed.title == "Trending in the last 7 days"
    lines = embed.description.splitlines()
    assert lines[0] == "1. Nina New (Person) · 3 briefs"
    assert lines[1] == "2. Tom Twice (Person) · 2 briefs"
    assert "Olga Old" not in embed.description

    month = await world.alice.send(world.general, "!trending 30")
    embed = world.replies_to(month)[0].embeds[0]
    assert embed.title == "Trending in the last 30 days"
    assert "Olga Old (Person) · 4 briefs" in embed.description.splitlines()[0]

    today = await world.alice.slash(world.general, "trending", days=1)
    assert today.response.embeds[0].title == "No briefs today."

    # The list offers the profiles; picking one runs `who` for it.
    profiles = menu_of(week.response)
    await world.alice.select(week.response, [profiles["Tom Twice"]])
    assert week.response.embeds[0].title == "Tom Twice"

    bad = await world.alice.send(world.general, "!trending zero")
    assert "whole number" in world.replies_to(bad)[0].embeds[0].title
    too_many = await world.alice.send(world.general, "!trending 0")
    assert world.replies_to(too_many)[0].embeds[0].title.startswith("The number of days must be between 1")
    assert [type(e).__name__ for e in world.env.errors] == ["TableInputError"]  # refused input, not a failure


# ---- long answers are paged -----------------------------------------------------------------

async def test_quotes_search_and_a_busy_who_are_paged(world):
    for n in range(12):
        made = handmade(f"Ferry timetable update {n}", f"Ferry pilot Rosa Marsh spoke about ferry line {n}.",
                        [Entity("Rosa Marsh", "PERSON", mentions=1)],
                        [Statement(f"The ferry line {n} will run every hour", "Rosa Marsh")])
        await save(world.store, world.guild.id, made)

    quotes = await world.alice.slash(world.general, "quotes", text="ferry")
    first = quotes.response.embeds[0]
    assert first.footer.text.startswith("Page 1 of 3")
    assert first.description.count("The ferry line") == 5
    await world.alice.click(quotes.response, label="Next")
    second = quotes.response.embeds[0]
    assert second.footer.text.startswith("Page 2 of 3") and second.description != first.description

    typed = await world.bob.send(world.general, "!search ferry timetable")
    [answer] = world.replies_to(typed)
    assert answer.embeds[0].footer.text.startswith("Page 1 of 3")
    assert buttons(answer) == {"First": True, "Previous": True, "Next": False, "Last": False}
    await world.bob.click(answer, label="Last")
    assert world.fresh(answer).embeds[0].footer.text.startswith("Page 3 of 3")
    assert buttons(world.fresh(answer)) == {"First": False, "Previous": False, "Next": True, "Last": True}

    who = await world.alice.slash(world.general, "who", name="Rosa Marsh")
    assert who.response.embeds[0].title == "Rosa Marsh"
    assert "Next" in buttons(who.response)
    await world.alice.click(who.response, label="Next")
    assert who.response.embeds[0].title == "Rosa Marsh: briefs"
    assert "Ferry timetable update" in who.response.embeds[0].description

    # bob cannot turn alice's pages, on a slash answer either.
    refused = await world.bob.click(who.response, label="First")
    assert refused.ephemeral and "belong to the member who asked" in refused.response.content
    assert who.response.embeds[0].title == "Rosa Marsh: briefs"


# ---- one server never reaches into another's briefs --------------------------------------

async def test_another_server_cannot_page_pick_trend_or_open_our_briefs(world):
    for n in range(10):
        await save(world.store, world.guild.id, handmade(f"Newsroom secret {n}", f"Secret {n}.",
                                                         [Entity("Sam Secret", "PERSON", mentions=1)]))
    await save(world.store, world.guild.id, SMITHS)

    other = world.env.create_guild("Elsewhere")
    lobby = other.create_text_channel("lobby")
    carol = other.add_member(world.env.create_user("carol"))
    await save(world.store, other.id, handmade("Elsewhere gazette", "Only here.", [Entity("Eve Else", "PERSON")]))

    listing = await carol.slash(lobby, "articles")
    assert "Newsroom secret" not in str(listing.response.embeds[0].to_dict())
    assert "Next" not in buttons(listing.response)  # one brief: nothing to page into
    page_two = await carol.slash(lobby, "articles", page=2)
    assert "Newsroom secret" not in str(page_two.response.embeds[0].to_dict())

    for brief_id in (1, 5, 11):  # guessing our ids
        opened = await carol.slash(lobby, "article", id=brief_id)
        assert opened.response.embeds[0].title == f"There is no brief #{brief_id} in this server."

    smith = await carol.slash(lobby, "who", name="Smith")
    assert not [c for row in smith.response.components for c in row["components"] if c["type"] == 3]
    shown = str(smith.response.embeds[0].to_dict())
    assert "John Smith" not in shown and "Jane Smith" not in shown
    assert await carol.autocomplete(lobby, "quotes", "speaker", "Sam", text="x") == []

    trending = await carol.slash(lobby, "trending", days=30)
    assert "Eve Else" in trending.response.embeds[0].description
    assert "Sam Secret" not in trending.response.embeds[0].description
    assert (await world.store.stats(world.guild.id)).briefs == 11


async def test_an_ambiguous_speaker_offers_the_candidates_and_runs_the_pick(world):
    await save(world.store, world.guild.id, SMITHS)
    asked = await world.alice.slash(world.general, "quotes", text="bread", speaker="Smith")
    assert asked.response.embeds[0].title.startswith("Several speakers match “Smith”")
    options = menu_of(asked.response)
    assert {label.split(" (")[0] for label in options} == {"John Smith", "Jane Smith"}
    refused = await world.bob.select(asked.response, [next(iter(options.values()))])
    assert refused.ephemeral and "belong to the member who asked" in refused.response.content

    john = next(v for label, v in options.items() if label.startswith("John Smith"))
    await world.alice.select(asked.response, [john])
    picked = asked.response.embeds[0]
    assert picked.title == "Statements like “bread” by John Smith"
    assert "Bread is back" in picked.description and "Competition" not in picked.description
