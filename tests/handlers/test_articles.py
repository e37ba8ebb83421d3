import pytest

from extract.model import Brief, Entity
from handlers import article, articles, forget
from handlers.core.context import Services


async def fill(store, guild, n):
    for i in range(n):
        brief = Brief(title=f"Brief number {i}", text=f"Brief number {i}\n\nSomething happened {i}.",
                      entities=[Entity("Somewhere", "GPE", mentions=1)])
        await store.save_brief(guild, brief, brief.text)


async def test_articles_pages_through_the_latest(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    await fill(empty_store, member.guild_id, 20)
    reply = await articles.run(services, member)
    assert reply.ok and len(reply.pages) == 3  # 8 + 8 + 4
    first = reply.pages[0].description
    assert "Brief number 19" in first and "Brief number 11" not in first  # newest first
    assert "Page 1 of 3" in reply.pages[0].footer and "20 briefs" in reply.pages[0].footer
    third = await articles.run(services, member, page=3)
    assert "Brief number 0" in third.to_text() and "Brief number 4" not in third.to_text()
    beyond = await articles.run(services, member, page=4)
    assert beyond.ok is False and "only 3 pages" in beyond.to_text()


async def test_articles_when_empty(empty_store, extractor, member):
    reply = await articles.run(Services(store=empty_store, extractor=extractor), member)
    assert "No briefs yet" in reply.to_text()


async def test_article_shows_summary_entities_insights_and_link(services, member, ids):
    reply = await article.run(services, member, id=ids["00_seed"])
    assert reply.ok
    page = reply.pages[0]
    assert page.title.startswith("Pentagon Seeks China Military Contact")
    assert page.url and page.url.startswith("https://discord.com/channels/")
    text = reply.to_text()
    assert "Hegseth" in text and "What strategic message is Beijing sending" in text
    assert f"#{ids['00_seed']}" in text


@pytest.mark.parametrize("bad", [-1, 0, "abc", 2**70, 999_999])
async def test_article_refuses_bad_or_unknown_ids(services, member, bad):
    reply = await article.run(services, member, id=bad)
    assert reply.ok is False and "went wrong" not in reply.to_text()


async def test_forget_needs_permission(services, member, moderator, ids):
    brief_id = ids["smiths"]
    refused = await forget.run(services, member, id=brief_id)
    assert refused.ok is False and "Manage Messages" in refused.to_text()
    assert (await article.run(services, member, id=brief_id)).ok  # still there
    done = await forget.run(services, moderator, id=brief_id)
    assert done.ok and f"#{brief_id}" in done.to_text()
    assert (await article.run(services, member, id=brief_id)).ok is False
    again = await forget.run(services, moderator, id=brief_id)
    assert again.ok is False and "no brief" in again.to_text()


async def test_forget_in_another_guild_does_nothing(services, moderator, ids):
    from handlers.core.context import Scope

    other = Scope(999, can_manage_messages=True)
    assert (await forget.run(services, other, id=ids["smiths"])).ok is False
    assert (await article.run(services, moderator, id=ids["smiths"])).ok


async def test_ask_articles_page_2_numbers_its_pages_as_the_titles_do(empty_store, extractor, member):
    await fill(empty_store, member.guild_id, 20)
    text = (await articles.run(Services(store=empty_store, extractor=extractor), member, page=2)).to_text()
    assert "Briefs, page 2" in text and "Page 2 of 3" in text and "Page 3 of 3" in text
    assert "page 1/" not in text.lower() and "Page 1 of" not in text
