from extract.model import Brief, Entity, Statement
from handlers import who
from handlers.core.context import Services
from handlers.core.limits import FIELD_VALUE


async def test_exact_name_gives_the_profile(services, member, ids):
    reply = await who.run(services, member, name="Hegseth")
    assert reply.ok
    page = reply.pages[0]
    assert page.title == "Pete Hegseth"
    text = reply.to_text()
    assert "Person" in text and "US Defense Secretary" in text
    assert f"#{ids['handmade']}" in text and f"#{ids['00_seed']}" in text  # both briefs, with ids
    assert "Deterrence is our first duty" in text  # latest statements
    assert "First seen" in text and "Last seen" in text


async def test_typo_and_possessive_still_find_him(services, member):
    for typed in ("Hegset", "hegseth", "Hegseth's", "Hegseth’s", "Pete Hegseht"):
        reply = await who.run(services, member, name=typed)
        assert reply.ok and reply.pages[0].title == "Pete Hegseth", typed


async def test_profile_lists_company_kept(services, member):
    text = (await who.run(services, member, name="Pete Hegseth")).to_text()
    assert "Often in the same briefs as" in text


async def test_two_smiths_ask_which(services, member):
    reply = await who.run(services, member, name="Smith")
    labels = [c.label for c in reply.choices]
    assert any("John Smith" in label for label in labels) and any("Jane Smith" in label for label in labels)
    assert {c.command for c in reply.choices} == {"who"}
    assert "Did you mean" in reply.to_text()


async def test_unknown_name_says_so_and_suggests(services, member):
    reply = await who.run(services, member, name="Zbigniew Qwertyuiop")
    assert reply.ok is False
    assert "No one called “Zbigniew Qwertyuiop”" in reply.to_text()


async def test_nothing_indexed_yet(empty_store, extractor, member):
    reply = await who.run(Services(store=empty_store, extractor=extractor), member, name="Hegseth")
    assert reply.ok is False and "Nothing is indexed yet" in reply.to_text()


async def test_other_guilds_stay_out(services, member, ids):
    text = (await who.run(services, member, name="John Smith")).to_text()
    assert f"#{ids['smiths']}" in text
    assert "Elsewhere" not in text


async def test_hostile_names_get_friendly_replies(services, member):
    for typed in ['"', "*", "NEAR(", "'; DROP TABLE entities; --", "🙂", "", "x" * 2000, None]:
        reply = await who.run(services, member, name=typed)
        assert reply.pages and len(reply.to_text()) < 2000, typed
    assert (await who.run(services, member, name="Hegseth")).ok  # nothing was dropped


async def test_busy_profile_is_paged(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    for n in range(20):
        brief = Brief(title=f"Lovelace note {n}", text=f"Lovelace note {n}\n\nAda Lovelace wrote note {n}.",
                      entities=[Entity("Ada Lovelace", "PERSON", aliases=["Lovelace"], mentions=1)],
                      statements=[Statement(f"Note {n} is done", "Ada Lovelace")])
        await empty_store.save_brief(member.guild_id, brief, brief.text)
    reply = await who.run(services, member, name="Lovelace")
    assert reply.ok and len(reply.pages) > 2
    text = reply.to_text()
    assert all(f"Lovelace note {n}" in text for n in range(20))
    assert all(len(f.value) <= FIELD_VALUE for p in reply.pages for f in p.fields)


async def test_one_brief_says_so_instead_of_listing_its_entities_each_once(services, member):
    text = (await who.run(services, member, name="Jeanne Shaheen")).to_text()
    assert "Seen in one brief so far" in text and "(1)" not in text


async def test_nationalities_are_not_company_kept(empty_store, extractor, member):
    for n in range(2):
        brief = Brief(title=f"Talks {n}", text=f"Talks {n}\n\nAmerican and Russian envoys met Ann Lee in Oslo.",
                      entities=[Entity("Ann Lee", "PERSON"), Entity("American", "NORP"),
                                Entity("Russian", "NORP"), Entity("Oslo", "GPE")])
        await empty_store.save_brief(member.guild_id, brief, brief.text)
    reply = await who.run(Services(store=empty_store, extractor=extractor), member, name="Ann Lee")
    company = next(f.value for f in reply.pages[0].fields if f.name == "Often in the same briefs as")
    assert company == "Oslo (2)"
