from handlers import quotes


async def test_a_word_finds_the_statement_with_its_brief(services, member, ids):
    reply = await quotes.run(services, member, text="imminent")
    assert reply.ok
    text = reply.to_text()
    assert "Pete Hegseth" in text
    assert "imminent" in text
    assert f"#{ids['00_seed']}" in text or f"#{ids['handmade']}" in text


async def test_seed_quote_is_found_with_its_speaker(services, member, ids):
    text = (await quotes.run(services, member, text="threat China poses")).to_text()
    assert "The threat China poses is real and it could be imminent" in text
    assert "Pete Hegseth" in text and f"#{ids['00_seed']}" in text


async def test_by_name_keeps_one_speaker(services, member):
    reply = await quotes.run(services, member, text="duty", speaker="Hegseth")
    text = reply.to_text()
    assert reply.ok and "Deterrence is our first duty" in text
    reply = await quotes.run(services, member, text="bread", speaker="Hegseth")
    assert reply.ok is False


async def test_by_name_alone_lists_the_speakers_statements(services, member):
    reply = await quotes.run(services, member, text="", speaker="Jane Smith")
    assert reply.ok and "Competition is healthy" in reply.to_text()
    assert "Bread is back" not in reply.to_text()


async def test_unknown_speaker(services, member):
    reply = await quotes.run(services, member, text="threat", speaker="Zbigniew Qwertyuiop")
    assert reply.ok is False and "No speaker called" in reply.to_text()


async def test_nothing_matches(services, member):
    reply = await quotes.run(services, member, text="xylophone marmalade")
    assert reply.ok is False and "No statements like" in reply.to_text()


async def test_hostile_queries(services, member):
    for q in ['"', "*", "NEAR(", "AND", "OR NOT", "'; DROP TABLE statements; --", "x" * 2000, "🙂🙂", "",
              'imminent"', "threat*", "a:b", "(", "^"]:
        reply = await quotes.run(services, member, text=q)
        assert reply.pages and "went wrong" not in reply.to_text(), q
    assert (await quotes.run(services, member, text="imminent")).ok


async def test_moderators_see_the_statement_id_but_the_quote_line_still_ends_with_the_speaker(
        services, moderator):
    text = (await quotes.run(services, moderator, text="threat China poses")).to_text()
    quote_line, brief_line = [line for line in text.splitlines() if "imminent" in line or line.startswith("  in ")][:2]
    assert quote_line.rstrip().endswith("— Pete Hegseth")
    assert "#s" in brief_line and "#s" not in quote_line
