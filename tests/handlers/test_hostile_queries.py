"""Issue 6, queries: whatever a member types after a command gets a clear,
friendly reply (never a traceback or "something went wrong"), and the database
is exactly as it was. Lines go through `dispatch.execute`, the path of
`newsbrief ask` and of prefix commands, which lets a bug raise instead of
hiding it behind an apology."""
from __future__ import annotations

import asyncio
import dataclasses
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.core import complete, dispatch
from handlers.core.commands import COMMANDS
from handlers.core.limits import DESCRIPTION, TITLE
from handlers.core.reply import Reply
from hostile import GUILD, HOSTILE_NUMBERS, HOSTILE_TEXT, fingerprint, make_services

# Commands that read only; `ingest` is in test_hostile_briefs.py.
TEXT_LINES = ["who {}", "quotes {}", "quotes {} by Hegseth", "quotes imminent by {}", "quotes {} by {}",
              "search {}", "help {}",
              # moderators' tools: names are looked up by merge and hide (which ask first); a hostile
              # value is never a rule, a type or a statement
              "merge {} into Pete Hegseth", "merge Pete Hegseth into {}", "hide {}", "unmerge {}", "split {}",
              "unhide {}", "rename Nobody Here to {}", "retype Pete Hegseth as {}", "retype {} as spaceship",
              "attribute {} Pete Hegseth", "attribute #s999999999 {}", "settings {}", "settings quiet {}",
              # feeds and alerts (`feed add` fetches, so its hostile addresses are in test_feed_command.py)
              "feed {}", "feed remove {}", "unfollow {}", "alerts {}"]
NUMBER_LINES = ["article {}", "articles {}", "quote {}", "trending {}", "forget {}", "watch {}", "unwatch {}",
                "restore {}", "corrections {}", "uncorrect {}", "changes {}", "settings log {}", "feed pause {}",
                "feed resume {}"]
# `follow` is meant to write (the asker's follows), so it has its own test below.
FOLLOW_LINES = ["follow {}", "follow keyword {}"]
# Changes that remove data ask first on Discord; asked so, a valid name changes nothing yet.
ASKS_FIRST = {"merge", "hide", "forget"}
LINES = sorted({t.format(v, v) for t in TEXT_LINES for v in HOSTILE_TEXT}
               | {t.format(v) for t in NUMBER_LINES for v in HOSTILE_NUMBERS}
               | {"!", "/", "!!who", "!who", "!quotes", "!search", "!article", "!forget", "!watch", "!unwatch",
                  "!quote", "!" + "x" * 2000, "!🙂", "!DROP TABLE articles", "!who\x00", "!\u202ewho Hegseth"})


def assert_friendly(reply: Reply, line: str) -> None:
    assert isinstance(reply, Reply) and reply.pages, line
    text = reply.to_text()
    assert "went wrong" not in text and "Traceback" not in text, (line, text)
    assert "database is locked" not in text and "sqlite" not in text.lower(), (line, text)
    for page in reply.pages:
        assert page.title.strip() and len(page.title) <= TITLE and len(page.description) <= DESCRIPTION, line


async def test_every_hostile_line_is_answered_and_changes_nothing(services, admin):
    """An admin may run every command, so each hostile value reaches the handler itself."""
    before = fingerprint(services.store.path)
    asking = dataclasses.replace(admin, asks_first=True)
    for line in LINES:
        scope = asking if line.split(" ")[0] in ASKS_FIRST else admin
        assert_friendly(await dispatch.execute(services, scope, line), line)
    assert fingerprint(services.store.path) == before
    # ...and the index still answers normally.
    assert (await dispatch.execute(services, admin, "who Hegseth")).ok
    assert (await dispatch.execute(services, admin, "search Shangri-La")).ok


@pytest.mark.parametrize("line", ["who", "quotes", "search"])
async def test_queries_that_cannot_mean_anything_say_what_to_type(services, member, line):
    """Punctuation only, control characters, an empty value: a refusal that says what to give."""
    for value in ('"', "*", "(", "!!!...???", "—…«»", "\u200b", "\x00", "🙂🙂", "   "):
        reply = await dispatch.execute(services, member, f"{line} {value}")
        assert reply.ok is False, (line, value)
        assert "Give" in reply.to_text() or "Usage" in reply.to_text(), (line, value, reply.to_text())


async def test_query_syntax_is_read_as_plain_words(services, member, ids):
    """FTS5 operators and SQL do not change what is found: `imminent*` and `NEAR(imminent` find
    the same statements as the plain word, and an operator alone is just a word nobody said."""
    plain = (await dispatch.execute(services, member, "quotes imminent")).to_text()
    for typed in ('"imminent', "imminent*", "NEAR(imminent", "(imminent)", "^imminent", "text:imminent"):
        reply = await dispatch.execute(services, member, f"quotes {typed}")
        assert reply.ok and "Pete Hegseth" in reply.to_text(), typed
    assert "Pete Hegseth" in plain
    found = (await dispatch.execute(services, member, "search Shangri-La OR")).to_text()
    assert f"#{ids['00_seed']}" in found or "No briefs with" in found
    nothing = await dispatch.execute(services, member, "search '; DROP TABLE articles; --")
    assert nothing.ok is False and "No briefs with" in nothing.to_text()


@pytest.mark.parametrize("value,expected", [
    ("-1", "start at 1"), ("0", "start at 1"), (str(10 ** 30), "There is no brief"), ("9" * 41, "whole number"),
    ("abc", "whole number"), ("1.5", "whole number"), ("🙂", "whole number"), ("999999", "no brief #999999"),
])
async def test_bad_ids_say_why(services, admin, value, expected):
    before = fingerprint(services.store.path)
    for command in ("article", "forget"):
        reply = await dispatch.execute(services, admin, f"{command} {value}")
        assert reply.ok is False and expected in reply.to_text(), (command, value, reply.to_text())
    assert fingerprint(services.store.path) == before


async def test_non_latin_and_emoji_queries_are_answered(services, member):
    for value in ("東京", "Привет", "مرحبا", "🙂 Hegseth", "Hegseth 🙂"):
        for command in ("who", "quotes", "search"):
            assert_friendly(await dispatch.execute(services, member, f"{command} {value}"), value)
    assert (await dispatch.execute(services, member, "who Hegseth 🙂")).ok  # the emoji is ignored


async def test_autocomplete_never_raises_and_offers_names_discord_accepts(services, member):
    before = fingerprint(services.store.path)
    for value in HOSTILE_TEXT + [None, "\ud800", "Heg"]:
        names = await complete.entity_names(services, member, value)
        assert isinstance(names, list) and all(0 < len(n) <= 100 for n in names), value
    assert "Pete Hegseth" in await complete.entity_names(services, member, "Heg")
    assert fingerprint(services.store.path) == before


async def test_lone_surrogates_do_not_crash_a_query(services, member):
    """Discord's JSON may carry a lone UTF-16 surrogate (`\\ud800`); SQLite cannot encode it."""
    for line in ("who \ud800", "who Heg\ud800seth", "quotes \ud800imminent", "search Shangri\ud800",
                 "quotes imminent by \ud800Hegseth", "help \ud800"):
        assert_friendly(await dispatch.execute(services, member, line), line)


async def test_ask_answers_hostile_lines_with_exit_0_and_leaves_the_database(db_copy):
    """`newsbrief ask` (in-process) against a copy of the database: exit 0, an answer, nothing changed."""
    from bot.cli import ask_main
    from bot.settings import Settings

    config = Settings(db_path=db_copy)
    before = fingerprint(db_copy)
    for line in ["!who \"", "!quotes NEAR(", "!search '; DROP TABLE articles; --", "!article -1",
                 f"!article {10 ** 30}", "!forget abc", "!search 東京", "!quotes 🙂", "!who " + "x" * 2000,
                 "!search col:value", "!trending 0", "!articles 99999", "!\u202ewho", "!watch everyone"]:
        out = io.StringIO()
        assert await ask_main(config, line, guild_id=GUILD, out=out) == 0, line
        assert out.getvalue().strip() and "went wrong" not in out.getvalue(), line
    assert fingerprint(db_copy) == before


async def test_hostile_things_to_follow_are_answered_and_touch_only_the_askers_follows(services, member):
    before = fingerprint(services.store.path)
    for value in HOSTILE_TEXT:
        for line in (t.format(value) for t in FOLLOW_LINES):
            assert_friendly(await dispatch.execute(services, member, line), line)
    after = fingerprint(services.store.path)
    assert {table for table in before if before[table] != after[table]} <= {"follows"}
    for row in await services.store.following(GUILD, member.user_id):
        assert row.label.strip() and "\x00" not in row.label, row


def test_the_probes_cover_every_command_that_takes_input():
    """A new command with an argument must be added to the lists above."""
    probed = {line.split()[0] for line in TEXT_LINES + NUMBER_LINES + FOLLOW_LINES}
    with_args = {c.name for c in COMMANDS if c.args} - {"ingest"}
    assert with_args <= probed, with_args - probed


# ---- property-based: any line at all ---------------------------------------------------

NAMES = [c.name for c in COMMANDS if c.name != "ingest"]
ANY_LINE = st.one_of(
    st.text(max_size=200),
    st.tuples(st.sampled_from(["!", "/", ""]), st.sampled_from(NAMES),
              st.text(max_size=120) | st.sampled_from(HOSTILE_TEXT + HOSTILE_NUMBERS)).map(
        lambda t: f"{t[0]}{t[1]} {t[2]}"),
)


@settings(max_examples=200, deadline=None)
@given(line=ANY_LINE)
def test_parsing_any_line_gives_a_call_or_a_friendly_reply(line):
    call = dispatch.parse(line)
    if isinstance(call, Reply):
        assert call.ok is False and call.pages[0].title
    else:
        assert call.command.name in {c.name for c in COMMANDS}


@pytest.fixture(scope="module")
def db_copy(populated_db, tmp_path_factory):
    source, _ = populated_db
    db = tmp_path_factory.mktemp("hostile") / "copy.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{db}{suffix}")
    return db


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=ANY_LINE)
def test_any_line_from_a_member_is_answered_and_changes_nothing(db_copy, extractor, line):
    from handlers.core.context import Scope
    from store import Store

    call = dispatch.parse(line)
    if not isinstance(call, Reply) and call.command.name in ("ingest", "follow"):
        return  # they write by design: test_hostile_briefs.py, and the follow test above

    async def run():
        store = await Store.open(db_copy)
        try:
            return await dispatch.execute(make_services(store, extractor), Scope(GUILD, user_id=10), line)
        finally:
            await store.close()

    before = fingerprint(db_copy)
    assert_friendly(asyncio.run(run()), line)
    assert fingerprint(db_copy) == before
