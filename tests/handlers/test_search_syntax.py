"""Issue 10: `!search` and `!quotes` mean what members type (all words, "phrases",
OR, -word, by:/in:/before:/after:), and stop words never make a match."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from extract.model import Brief, Entity, Statement
from handlers.core import dispatch
from handlers.core.context import Scope, Services
from store import Store
from store.records import Provenance

GUILD = 31
NEWS, OTHER = 501, 502


def brief(title, body, entities=(), statements=()):
    return Brief(title=title, text=f"{title}\n\n{body}", entities=list(entities), statements=list(statements))


POSTS = [  # (day, channel, brief)
    ("2026-01-10", NEWS, brief("Hegseth visits Basra base", "Pete Hegseth toured the Basra base with officers.",
                               [Entity("Pete Hegseth", "PERSON", aliases=["Hegseth"])],
                               [Statement("This was a useful meeting with our partners", "Pete Hegseth", "direct")])),
    ("2026-01-20", NEWS, brief("Hegseth at the Pentagon", "Hegseth spoke about budgets at the Pentagon.",
                               [Entity("Pete Hegseth", "PERSON", aliases=["Hegseth"])],
                               [Statement("The meeting was useful and there will be more", "Pete Hegseth", "direct"),
                                Statement("There are no easy answers here", "Pete Hegseth", "direct")])),
    ("2026-02-03", OTHER, brief("Flooding in Basra", "Heavy rain flooded streets in Basra overnight.",
                                [Entity("Basra", "GPE")],
                                [Statement("Free them from the mud first", "Ali Hassan", "direct"),
                                 Statement("We are rushing pumps to the district", "Ali Hassan", "direct")])),
    ("2026-02-15", OTHER, brief("Crane collapse closes harbour road",
                                "A crane collapse on the harbour road injured two workers.", [], [])),
    ("2026-02-20", NEWS, brief("Harbour crane inspected", "Inspectors checked the crane after a wall collapse.",
                               [], [Statement("There can be no shortcuts on safety", "Mara Quinn", "direct")])),
]


@pytest.fixture
async def server(tmp_path, extractor):
    now = {"t": datetime(2026, 1, 1, tzinfo=timezone.utc)}
    store = await Store.open(tmp_path / "s.sqlite3", clock=lambda: now["t"])
    try:
        for n, (day, channel, b) in enumerate(POSTS):
            now["t"] = datetime.fromisoformat(day + "T12:00:00+00:00")
            await store.save_brief(GUILD, b, b.text, provenance=Provenance(source=f"p{n}.txt", channel_id=channel))
        yield Services(store=store, extractor=extractor), Scope(GUILD, user_id=1, channel_id=NEWS)
    finally:
        await store.close()


async def titles(server, line):
    services, scope = server
    reply = await dispatch.execute(services, scope, line)
    text = reply.to_text()
    return reply, [t for t in ("Hegseth visits Basra", "Hegseth at the Pentagon", "Flooding in Basra",
                               "Crane collapse closes", "Harbour crane inspected") if t in text]


async def test_all_words_by_default_and_the_title_says_so(server):
    reply, found = await titles(server, "!search Hegseth Basra")
    assert found == ["Hegseth visits Basra"]
    assert reply.pages[0].title == "Briefs with all of “hegseth” and “basra”"


async def test_a_quoted_phrase_is_a_phrase(server):
    reply, found = await titles(server, '!search "crane collapse"')
    assert found == ["Crane collapse closes"]
    assert "the phrase “crane collapse”" in reply.pages[0].title


async def test_or_and_minus(server):
    _, found = await titles(server, "!search Pentagon OR Flooding")
    assert found == ["Hegseth at the Pentagon", "Flooding in Basra"]
    _, found = await titles(server, "!search Basra -Hegseth")
    assert found == ["Flooding in Basra"]


async def test_filters_by_in_before_after(server):
    _, found = await titles(server, "!search Basra by:Hegseth")
    assert found == ["Hegseth visits Basra"]
    _, found = await titles(server, f"!search crane in:<#{OTHER}>")
    assert found == ["Crane collapse closes"]
    _, found = await titles(server, "!search Hegseth before:2026-01-15")
    assert found == ["Hegseth visits Basra"]
    reply, found = await titles(server, "!search Basra after:2026-01-31")
    assert found == ["Flooding in Basra"] and "after 2026-01-31" in reply.pages[0].title


async def test_before_and_after_mean_when_a_brief_was_published(server):
    """Briefs posted today about last year are found by last year's dates, not today's."""
    services, scope = server
    dated = brief("Basra port reopens", "The Basra port reopened after repairs.", [Entity("Basra", "GPE")])
    await services.store.save_brief(GUILD, dated, dated.text,
                                    Provenance(source="old.txt", published_at="2025-06-02", date_source="dateline"))
    reply = await dispatch.execute(services, scope, "!search Basra before:2025-07")
    assert "Basra port reopens" in reply.to_text() and "Hegseth visits Basra" not in reply.to_text()
    reply = await dispatch.execute(services, scope, "!search Basra after:2025-12-31")
    assert "Basra port reopens" not in reply.to_text() and "Flooding in Basra" in reply.to_text()
    reply = await dispatch.execute(services, scope, "!search reopened after:2025-06-01 before:2025-06-03")
    assert "Basra port reopens" in reply.to_text()


@pytest.mark.parametrize("line", ["!search Basra before:yesterday", "!search Basra in:news",
                                  "!search Basra after:2026-02-01 before:2026-01-01"])
async def test_filters_that_cannot_be_read_get_a_friendly_reply(server, line):
    reply, _ = await titles(server, line)
    assert reply.ok is False and "went wrong" not in reply.to_text()


async def test_quotes_stop_words_are_never_enough(server):
    services, scope = server
    reply = await dispatch.execute(services, scope, "!quotes no shortcuts")
    assert [line for line in reply.to_text().splitlines() if line.startswith("“")] == [
        line for line in reply.to_text().splitlines() if "shortcuts" in line and line.startswith("“")]
    assert "no easy answers" not in reply.to_text()
    reply = await dispatch.execute(services, scope, "!quotes free riders")
    assert reply.ok is False and "Free them" not in reply.to_text()


async def test_quotes_exact_phrase_first_and_stems_meet(server):
    services, scope = server
    text = (await dispatch.execute(services, scope, "!quotes useful meeting")).to_text()
    assert text.index("a useful meeting") < text.index("The meeting was useful")
    text = (await dispatch.execute(services, scope, "!quotes rush pumps")).to_text()
    assert "rushing pumps" in text
    text = (await dispatch.execute(services, scope, '!quotes "meeting was useful"')).to_text()
    assert "The meeting was useful" in text and "a useful meeting" not in text
