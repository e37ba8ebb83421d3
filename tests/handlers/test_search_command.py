from handlers import search


async def test_search_finds_briefs_with_ids_and_snippets(services, member, ids):
    reply = await search.run(services, member, text="Shangri-La")
    assert reply.ok
    text = reply.to_text()
    assert f"#{ids['00_seed']}" in text and "Pentagon" in text
    assert "https://discord.com/channels/" in text  # where to read it


async def test_search_finds_a_wikinews_article(services, member, ids):
    text = (await search.run(services, member, text="Internet Explorer")).to_text()
    assert f"#{ids['24_microsoft_ie6_countdown']}" in text


async def test_no_match(services, member):
    reply = await search.run(services, member, text="xylophone marmalade")
    assert reply.ok is False and "No briefs with" in reply.to_text()


async def test_hostile_queries(services, member):
    for q in ['"', "*", "NEAR(", "AND", "NEAR(a b", "'; DROP TABLE articles; --", "x" * 2000, "🙂", "",
              "Hegseth AND", "-China", "col:value", "{", "NOT"]:
        reply = await search.run(services, member, text=q)
        assert reply.pages and "went wrong" not in reply.to_text(), q
    assert (await search.run(services, member, text="Hegseth")).ok
