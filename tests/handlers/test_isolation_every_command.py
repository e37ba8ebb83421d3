"""Issue 6, access: a member of another server, with every permission, tries each
command of the table (and autocomplete) against our server's briefs, guessing
ids. They see none of our briefs, names or statements, and change none of them."""
from __future__ import annotations

import hashlib
import re

import pytest

from handlers.core import complete, dispatch
from handlers import reindex
from handlers.core.commands import COMMANDS
from handlers.core.context import Scope
from hostile import GUILD, OTHER_GUILD, make_services

WATCHED = 5  # a channel our server watches; the intruder's server may watch its own channel 5 too
# Words that appear only in our server's briefs (the other server holds a copy of the Smiths brief).
OURS = ["Hegseth", "Pentagon", "Shangri-La", "Shaheen", "Jeanne", "Deterrence", "first duty", "Defense Secretary",
        "Taiwan", "imminent", "Internet Explorer", "Microsoft", "Senate", "Pentagon Seeks China Military Contact"]


async def guild_rows(store, guild_id: int) -> str:
    """A hash of every row that belongs to one guild, in every table (read through the
    store's own read connection, so on either backend)."""
    digest = hashlib.sha256()
    for sql in (
        "SELECT * FROM guilds WHERE guild_id = ?",
        "SELECT * FROM articles WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM entities WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM aliases WHERE guild_id = ? ORDER BY entity_id, key",
        "SELECT r.* FROM roles r JOIN entities e ON e.id = r.entity_id WHERE e.guild_id = ? "
        "ORDER BY r.entity_id, r.key",
        "SELECT b.* FROM brief_entities b JOIN articles a ON a.id = b.brief_id WHERE a.guild_id = ? "
        "ORDER BY b.brief_id, b.entity_id",
        "SELECT * FROM statements WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM watched_channels WHERE guild_id = ? ORDER BY channel_id",
        "SELECT * FROM corrections WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM forgotten WHERE guild_id = ? ORDER BY brief_id",
        "SELECT * FROM changes WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM feeds WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM follows WHERE guild_id = ? ORDER BY id",
        "SELECT * FROM alert_settings WHERE guild_id = ?",
    ):
        for row in await store._reader.execute_fetchall(sql, (guild_id,)):
            digest.update(repr(row).encode())
    return digest.hexdigest()


async def ids_of(store, table: str, guild_id: int) -> list[int]:
    return [r[0] for r in await store._reader.execute_fetchall(
        f"SELECT id FROM {table} WHERE guild_id = ? ORDER BY id", (guild_id,))]


@pytest.fixture
def intruder() -> Scope:
    """Another server's member with every permission there (and bot-owner powers)."""
    return Scope(OTHER_GUILD, user_id=666, channel_id=WATCHED, can_manage_messages=True, can_manage_guild=True,
                 is_owner=True)


@pytest.fixture
async def ours(store, ids):
    await store.watch(GUILD, WATCHED)
    await store.forget_brief(GUILD, ids["smiths"], by=10)  # a forgotten brief of ours, still restorable
    await store.restore_brief(GUILD, ids["smiths"], by=10)
    await store.forget_brief(GUILD, ids["smiths"], by=10)
    await store.add_feed(GUILD, "https://example.org/pentagon.xml", WATCHED, 10)
    await store.follow(GUILD, 10, "entity", "Pete Hegseth")
    await store.set_alerts(GUILD, enabled=True, channel_id=WATCHED)
    return {"briefs": await ids_of(store, "articles", GUILD), "entities": await ids_of(store, "entities", GUILD),
            "statements": await ids_of(store, "statements", GUILD), "forgotten": ids["smiths"],
            "handmade": (await store.get_article(GUILD, ids["handmade"])).raw_text}


EXAMPLES = sorted({e for c in COMMANDS for e in c.examples}, key=len, reverse=True)


def without_echoes(text: str, line: str) -> str:
    """The reply without what the asker typed (echoed back, e.g. "No one called “Hegseth”")
    and without the command table's examples (`who Hegseth` in help and usage hints)."""
    typed = line.partition(" ")[2]
    for known in EXAMPLES + [typed] + re.split(r"[\s,]+", typed):
        if known:
            text = re.sub(re.escape(known), "", text, flags=re.I)
    return text


SEEN: list[tuple[str, str]] = []  # (line typed, reply text) of the current test


async def run(services, scope, *lines) -> list[str]:
    out = []
    for line in lines:
        reply = await dispatch.execute(services, scope, line)
        text = reply.to_text() + "\n" + "\n".join(f"{c.label} {c.args}" for c in reply.choices)
        assert "went wrong" not in text, (line, text)
        SEEN.append((line, text))
        out.append(text)
    return out


# One probe per command: the lines a curious member of the other server would type.
async def probe_who(services, scope, ours):
    return await run(services, scope, "who Hegseth", "who Pete Hegseth", "who Hegset", "who Shaheen",
                     *(f"who id:{i}" for i in ours["entities"]))


async def probe_quotes(services, scope, ours):
    return await run(services, scope, "quotes imminent", "quotes duty", "quotes threat by Hegseth",
                     "quotes by Hegseth", "quotes by Pete Hegseth", "quotes bread by Hegseth")


async def probe_quote(services, scope, ours):
    """Statement numbers count across servers: ours must look like no statement at all to them."""
    statements = await ids_of(services.store, "statements", GUILD)
    assert statements
    texts = await run(services, scope, *(f"quote {i}" for i in statements))
    for i, text in zip(statements, texts):
        assert f"There is no statement {i} in this server." in text, text
    return texts


async def probe_search(services, scope, ours):
    return await run(services, scope, "search Shangri-La", "search Hegseth", "search Pentagon",
                     "search Internet Explorer", "search Taiwan")


async def probe_articles(services, scope, ours):
    return await run(services, scope, "articles", "articles 2", "articles 3", f"articles {len(ours['briefs'])}")


async def probe_article(services, scope, ours):
    texts = await run(services, scope, *(f"article {i}" for i in ours["briefs"]))
    for i, text in zip(ours["briefs"], texts):
        assert f"There is no brief #{i} in this server." in text
    return texts


async def probe_trending(services, scope, ours):
    return await run(services, scope, "trending", "trending 36500")


async def probe_timeline(services, scope, ours):
    return await run(services, scope, "timeline Hegseth", "timeline Hegset", "timeline John Smith",
                     *(f"timeline id:{i}" for i in ours["entities"]))


async def probe_network(services, scope, ours):
    return await run(services, scope, "network Hegseth", "network John Smith",
                     *(f"network id:{i}" for i in ours["entities"]))


async def probe_compare(services, scope, ours):
    return await run(services, scope, "compare Hegseth, John Smith", "compare John Smith, Jane Smith, Taiwan")


async def probe_digest(services, scope, ours):
    return await run(services, scope, "digest", "digest 90")


async def probe_stats(services, scope, ours):
    [text] = await run(services, scope, "stats")
    assert "Briefs:\n  1\n" in text, text  # only its own brief is counted
    return [text]


async def probe_help(services, scope, ours):
    return await run(services, scope, "help", "help who")


async def probe_ingest(services, scope, ours):
    """Posting our brief's text in the other server makes it theirs: a new brief, not
    "already indexed as #<our id>", which would tell them what we hold."""
    texts = await run(services, scope, "ingest " + ours["handmade"])
    assert texts[0].startswith("Indexed as #"), texts[0]
    assert int(texts[0].split("#")[1].split()[0]) not in ours["briefs"]
    SEEN.clear()  # their own copy names the same people, of course


async def probe_forget(services, scope, ours):
    texts = await run(services, scope, *(f"forget {i}" for i in ours["briefs"]))
    for i, text in zip(ours["briefs"], texts):
        assert f"There is no brief #{i} in this server." in text
    return texts


async def probe_reindex(services, scope, ours):
    class Recording:
        def __init__(self, inner):
            self.inner, self.texts = inner, []

        def extract_many(self, texts):
            self.texts += texts
            return self.inner.extract_many(texts)

    recording = Recording(services.extractor)
    reply = await reindex.run(make_services(services.store, recording), scope)
    assert reply.ok and "Re-read 1 brief" in reply.to_text(), reply.to_text()
    assert len(recording.texts) == 1 and "Elsewhere" in recording.texts[0]  # only their own brief
    SEEN.append(("reindex", reply.to_text()))


async def probe_watch(services, scope, ours):
    texts = await run(services, scope, f"watch {WATCHED}")
    assert texts[0].startswith(f"Watching <#{WATCHED}>"), texts[0]  # not "already watched": that is ours
    return texts


async def probe_unwatch(services, scope, ours):
    texts = await run(services, scope, f"unwatch {WATCHED}")
    assert texts[0].startswith(f"<#{WATCHED}> was not being watched."), texts[0]  # our watch is not theirs
    return texts


async def probe_settings(services, scope, ours):
    [text] = await run(services, scope, "settings")
    assert f"<#{WATCHED}>" not in text, text
    return [text]


async def probe_feed(services, scope, ours):
    texts = await run(services, scope, "feed list", "feed remove 1", "feed pause 1", "feed resume 1")
    assert texts[0].startswith("This server follows no feeds."), texts[0]
    for text in texts[1:]:
        assert text.startswith("This server has no feed #1."), text
    return texts


async def probe_follow(services, scope, ours):
    texts = await run(services, scope, "follow Hegseth", "follow Pete Hegseth", "follow John Smith")
    assert texts[0].startswith("No one called") and texts[2].startswith("Following John Smith"), texts
    return texts


async def probe_unfollow(services, scope, ours):
    return await run(services, scope, "unfollow Pete Hegseth", "unfollow Hegseth")


async def probe_following(services, scope, ours):
    [text] = await run(services, scope, "following")
    assert text.startswith("You follow nothing here yet."), text
    return [text]


async def probe_alerts(services, scope, ours):
    texts = await run(services, scope, "alerts", "alerts off", f"alerts {WATCHED}")
    assert texts[0].startswith("Alerts are on") and f"<#{WATCHED}>" not in texts[0], texts[0]
    return texts


async def probe_autocomplete(services, scope, ours):
    names = []
    for typed in ("", "Heg", "hegset", "Pete", "Sha", "Pen", "Tai", "J", "Smith"):
        names += await complete.entity_names(services, scope, typed)
    assert "John Smith" in names  # their own names are offered
    SEEN.append(("autocomplete", "\n".join(names)))


async def probe_merge(services, scope, ours):
    return await run(services, scope, "merge Hegseth into Jeanne Shaheen", "merge John Smith into Jane Smith")


async def probe_unmerge(services, scope, ours):
    return await run(services, scope, "unmerge Hegseth", "unmerge Pete Hegseth")


async def probe_split(services, scope, ours):
    return await run(services, scope, "split Hegseth")


async def probe_rename(services, scope, ours):
    return await run(services, scope, "rename Pete Hegseth to Nobody", "rename Hegseth to Nobody")


async def probe_retype(services, scope, ours):
    return await run(services, scope, "retype Pete Hegseth as org", "retype Taiwan as person")


async def probe_hide(services, scope, ours):
    return await run(services, scope, "hide Pete Hegseth", "hide Senate")


async def probe_unhide(services, scope, ours):
    return await run(services, scope, "unhide Pete Hegseth")


async def probe_attribute(services, scope, ours):
    texts = await run(services, scope, *(f"attribute #s{i} John Smith" for i in ours["statements"]),
                      *(f"attribute {i} none" for i in ours["statements"]))
    assert all("There is no statement" in t for t in texts), texts
    return texts


async def probe_corrections(services, scope, ours):
    return await run(services, scope, "corrections", "corrections 2")


async def probe_uncorrect(services, scope, ours):
    return await run(services, scope, *(f"uncorrect {i}" for i in range(1, 6)))


async def probe_restore(services, scope, ours):
    [text] = await run(services, scope, f"restore {ours['forgotten']}")
    assert "There is no forgotten brief" in text, text
    return [text]


async def probe_undo(services, scope, ours):
    [text] = await run(services, scope, "undo")
    assert "There is no forgotten brief to bring back" in text, text
    return [text]


async def probe_changes(services, scope, ours):
    [text] = await run(services, scope, "changes")
    assert text.startswith("No changes recorded."), text
    return [text]


PROBES = {name[len("probe_"):]: fn for name, fn in globals().items() if name.startswith("probe_")}


def test_every_command_is_probed():
    assert {c.name for c in COMMANDS} | {"autocomplete"} == set(PROBES)


@pytest.mark.parametrize("name", sorted(PROBES))
async def test_another_server_cannot_see_or_change_our_briefs(services, intruder, ours, name):
    before = await guild_rows(services.store, GUILD)
    SEEN.clear()
    await PROBES[name](services, intruder, ours)
    for line, text in SEEN:
        shown = without_echoes(text, line)
        for word in OURS:
            assert word.casefold() not in shown.casefold(), (name, line, word, text)
        for brief_id in ours["briefs"]:
            assert f"#{brief_id} " not in shown or line.endswith(f" {brief_id}"), (name, line, text)
    assert await guild_rows(services.store, GUILD) == before, name
    # ...and our own server still has everything.
    mine = Scope(GUILD, user_id=10, channel_id=WATCHED)
    assert await services.store.count_articles(GUILD) == len(ours["briefs"])
    assert await services.store.watched_channels(GUILD) == {WATCHED}
    assert (await dispatch.execute(services, mine, "who Hegseth")).pages[0].title == "Pete Hegseth"
