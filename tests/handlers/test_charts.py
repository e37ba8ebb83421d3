"""timeline, compare, network and digest: the replies and the PNG charts they
carry, on hand-made briefs saved with their publication dates (no spaCy)."""
from datetime import date, datetime, timedelta, timezone

import pytest

from chartcheck import check_png
from extract.model import Brief, Entity, Statement
from handlers import compare, digest, network, timeline
from handlers.charts import render
from handlers.core.context import Services
from store import Store
from store.records import Provenance

GUILD = 31
NOW = datetime(2015, 11, 30, 12, 0, tzinfo=timezone.utc)


def ferry_brief(n: int, *people: str, said: str | None = None) -> Brief:
    title = f"Harbour news number {n}"
    entities = [Entity(p, "PERSON", mentions=1) for p in people] + [Entity("Port Wendell", "GPE", mentions=1)]
    return Brief(title=title, text=f"{title}\n\nThe harbour board met again.", entities=entities,
                 statements=[Statement(said, people[0], "direct")] if said else [])


@pytest.fixture
async def harbour(tmp_path):
    """Alma Fenwick in 12 briefs over ten weeks (statements in some), Ruth Okafor in 5."""
    render.clear()
    store = await Store.open(tmp_path / "charts.sqlite3", clock=lambda: NOW)
    start = date(2015, 9, 21)
    for n in range(12):
        people = ("Alma Fenwick", "Ruth Okafor") if n % 3 == 0 else ("Alma Fenwick",)
        said = f"The ferries will run on time, week {n}." if n % 4 == 0 else None
        day = start + timedelta(days=6 * n)
        await store.save_brief(GUILD, ferry_brief(n, *people, said=said), f"brief {n} about the harbour",
                               Provenance(published_at=day.isoformat(), date_source="dateline"))
    await store.save_brief(GUILD, ferry_brief(99, "Ruth Okafor", "Tomas Reyes"), "brief 99 about the harbour",
                           Provenance(published_at="2015-11-28", date_source="metadata"))
    yield store
    await store.close()


@pytest.fixture
def scope(member):
    return type(member)(guild_id=GUILD, user_id=member.user_id)


async def test_timeline_lists_briefs_in_date_order_and_draws_weeks(harbour, extractor, scope):
    services = Services(store=harbour, extractor=extractor)
    reply = await timeline.run(services, scope, name="Fenwick")
    assert reply.ok and reply.attachment is not None
    text = reply.to_text()
    assert "12 briefs from 2015-09-21 to 2015-11-26, 3 statements by Alma Fenwick" in text
    listed = text[text.index("Oldest first"):]
    assert listed.index("· 2015-09-21") < listed.index("· 2015-10-03") < listed.index("· 2015-11-26")
    assert len(reply.pages) > 1 and reply.pages[0].footer.startswith("Page 1 of")
    check_png(reply.attachment.data, (1000, 500))
    assert reply.attachment.filename.endswith(".png")


async def test_a_chart_is_cached_until_the_guild_changes(harbour, extractor, scope):
    services = Services(store=harbour, extractor=extractor)
    before = render.drawings
    first = await timeline.run(services, scope, name="Alma Fenwick")
    again = await timeline.run(services, scope, name="Alma Fenwick")
    assert render.drawings == before + 1 and again.attachment.data == first.attachment.data
    await harbour.save_brief(GUILD, ferry_brief(100, "Alma Fenwick"), "brief 100", Provenance(published_at="2015-11-29", date_source="dateline"))
    newer = await timeline.run(services, scope, name="Alma Fenwick")
    assert render.drawings == before + 2 and "13 briefs" in newer.to_text()


async def test_compare_draws_each_entity_with_a_summary_line(harbour, extractor, scope):
    services = Services(store=harbour, extractor=extractor)
    reply = await compare.run(services, scope, names="Fenwick, Okafor")
    assert reply.ok
    fields = {f.name: f.value for f in reply.pages[0].fields}
    assert fields["Alma Fenwick"].startswith("12 briefs, 2015-09-21 to 2015-11-26")
    assert fields["Ruth Okafor"].startswith("5 briefs, 2015-09-21 to 2015-11-28")
    check_png(reply.attachment.data, (1000, 500))


@pytest.mark.parametrize("names, complaint", [
    ("Fenwick", "at least two"),
    ("a, b, c, d, e, f", "at most 5"),
    ("Fenwick, Alma Fenwick", "same entity"),
])
async def test_compare_refuses_what_it_cannot_draw(harbour, extractor, scope, names, complaint):
    reply = await compare.run(Services(store=harbour, extractor=extractor), scope, names=names)
    assert not reply.ok and complaint in reply.to_text() and reply.attachment is None


async def test_compare_says_which_name_it_does_not_know(harbour, extractor, scope):
    reply = await compare.run(Services(store=harbour, extractor=extractor), scope, names="Fenwick, Zebulon Quark")
    assert not reply.ok and "Zebulon Quark" in reply.to_text() and reply.attachment is None


async def test_network_draws_the_company_an_entity_keeps(harbour, extractor, scope):
    reply = await network.run(Services(store=harbour, extractor=extractor), scope, name="Ruth Okafor")
    text = reply.to_text()
    assert "Port Wendell · 5 briefs together" in text and "Alma Fenwick · 4 briefs together" in text
    assert "Tomas Reyes · 1 brief together" in text
    check_png(reply.attachment.data, (800, 800))


async def test_digest_sums_up_the_week_by_publication_date(harbour, extractor, scope):
    reply = await digest.run(Services(store=harbour, extractor=extractor), scope)
    text = reply.to_text()
    # 2015-11-26 (Fenwick) and 2015-11-28 (Okafor, Reyes) fall in the seven days before NOW.
    assert "2 briefs published from 2015-11-23 to 2015-11-30" in text
    assert "Tomas Reyes: 1 brief (+1)" in text
    check_png(reply.attachment.data, (1000, 350))
    quiet = await digest.run(Services(store=harbour, extractor=extractor), scope, days=1)
    assert "No briefs published today" in quiet.to_text() and quiet.attachment is None


async def test_chart_commands_for_an_unknown_name_say_so_without_a_chart(harbour, extractor, scope):
    services = Services(store=harbour, extractor=extractor)
    for run in (timeline.run, network.run):
        reply = await run(services, scope, name="Zebulon Quark")
        assert not reply.ok and "No one called" in reply.to_text() and reply.attachment is None
