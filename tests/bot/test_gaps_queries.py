"""Query commands a member uses that the first Discord tests left out:
`/article ID` in full, `/trending [days]`, paging of `/quotes`, `/search`
and a busy `/who`, friendly answers to bad ids on the slash path, and one
server never paging into, picking from or trending with another's briefs."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import discord

from extract.model import Entity, Statement
from simworld import SIMCORD, SMITHS, handmade, save

pytestmark = SIMCORD


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
