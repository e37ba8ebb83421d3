"""follow / unfollow / following / alerts, and who hears about a new brief."""
import pytest

from extract.model import Brief, Entity, Statement
from handlers import alerts as alerts_command
from handlers import follow, following, unfollow
from handlers.alert_match import alerts_for_brief, digest_reply
from handlers.core.context import Scope, Services
from store import Store
from store.records import Provenance

GUILD, OTHER = 5100, 5200
ALICE, BOB, CAROL = 11, 12, 13


def brief(title, body, entities=(), statements=()):
    text = f"{title}\n\n{body}"
    return Brief(title=title, text=text, entities=list(entities), statements=list(statements))


FERRY = brief("Ferry terminal approved", "Mayor Helen Okafor said the terminal opens in June; tariffs stay.",
              [Entity("Helen Okafor", "PERSON", aliases=["Okafor"], mentions=2)],
              [Statement("the terminal opens in June", "Helen Okafor", "reported")])
QUOTA = brief("Quota cuts protested", "Union leader Tomas Berg led the protest.",
              [Entity("Tomas Berg", "PERSON", mentions=1)])


@pytest.fixture
async def services(tmp_path):
    store = await Store.open(tmp_path / "alerts.sqlite3")
    await store.save_brief(GUILD, FERRY, FERRY.text)  # so "Okafor" can be resolved
    await store.save_brief(OTHER, FERRY, FERRY.text)
    yield Services(store=store, extractor=None)
    await store.close()


def member(user_id, guild=GUILD, **perms):
    return Scope(guild_id=guild, user_id=user_id, **perms)


async def new_brief(services, guild, made, author=None):
    return (await services.store.save_brief(guild, made, made.text + f" ({guild} {author})",
                                            Provenance(author_id=author))).brief_id


async def test_a_name_is_resolved_like_who_and_followed_once(services):
    reply = await follow.run(services, member(ALICE), name="okafor")
    assert reply.ok and "Helen Okafor" in reply.pages[0].title
    again = await follow.run(services, member(ALICE), name="Helen Okafor")
    assert "already" in again.pages[0].title
    listed = await following.run(services, member(ALICE))
    assert "Helen Okafor" in listed.to_text()


async def test_an_unknown_name_is_refused_with_a_way_to_follow_the_word(services):
    reply = await follow.run(services, member(ALICE), name="Zebulon Quartermaine")
    assert not reply.ok and "follow keyword" in reply.to_text()
    assert await services.store.following(GUILD, ALICE) == []


async def test_a_new_brief_alerts_each_follower_once_with_the_statement(services):
    await follow.run(services, member(ALICE), name="Okafor")
    await follow.run(services, member(BOB), name="keyword Tariffs")
    await follow.run(services, member(CAROL), name="keyword ferries")  # not in the text
    brief_id = await new_brief(services, GUILD, FERRY)
    alerts = {a.user_id: a for a in await alerts_for_brief(services, GUILD, brief_id)}
    assert set(alerts) == {ALICE, BOB}
    assert alerts[ALICE].followed == ["Helen Okafor"]
    assert alerts[ALICE].statement == "Helen Okafor: “the terminal opens in June”"
    assert alerts[BOB].followed == ["Tariffs"] and alerts[BOB].statement is None


async def test_another_server_and_the_author_hear_nothing(services):
    await follow.run(services, member(ALICE), name="Okafor")
    await follow.run(services, member(BOB), name="Okafor")
    elsewhere = await new_brief(services, OTHER, FERRY)
    assert await alerts_for_brief(services, OTHER, elsewhere) == []
    here = await new_brief(services, GUILD, FERRY, author=ALICE)
    assert [a.user_id for a in await alerts_for_brief(services, GUILD, here, author_id=ALICE)] == [BOB]


async def test_the_server_switch_turns_alerts_off_and_only_moderators_flip_it(services):
    await follow.run(services, member(ALICE), name="Okafor")
    refused = await alerts_command.run(services, member(BOB), mode="off")
    assert not refused.ok
    assert (await alerts_command.run(services, member(BOB, can_manage_guild=True), mode="off")).ok
    assert await alerts_for_brief(services, GUILD, await new_brief(services, GUILD, FERRY)) == []
    await alerts_command.run(services, member(BOB, can_manage_guild=True), mode="<#77>")
    assert await services.store.alert_settings(GUILD) == (False, 77)
    await alerts_command.run(services, member(BOB, can_manage_guild=True), mode="on")
    assert await services.store.alert_settings(GUILD) == (True, 77)


async def test_unfollow_takes_a_typo_and_the_keyword_form(services):
    await follow.run(services, member(ALICE), name="Okafor")
    await follow.run(services, member(ALICE), name="keyword tariffs")
    assert (await unfollow.run(services, member(ALICE), name="Helen Okafr")).ok
    assert (await unfollow.run(services, member(ALICE), name="keyword tariffs")).ok
    assert not (await unfollow.run(services, member(ALICE), name="tariffs")).ok
    assert await services.store.following(GUILD, ALICE) == []


async def test_the_console_has_no_member_to_alert(services):
    reply = await follow.run(services, Scope.local(GUILD), name="Okafor")
    assert not reply.ok and "direct messages" in reply.to_text()


async def test_a_digest_lists_every_held_brief():
    from handlers.alert_match import Alert
    reply = digest_reply([Alert(1, 4, "Ferry terminal approved", ["Helen Okafor"], link="https://x.test/4"),
                          Alert(1, 5, "Quota cuts protested", ["tariffs"])], "Newsroom")
    text = reply.to_text()
    assert "2 more briefs" in text and "#4 Ferry" in text and "#5 Quota" in text and "https://x.test/4" in text


# ---- a follow is of the entity, whatever moderators call it -------------------------------

MODERATOR = 99
OKAFOR_SHORT = brief("Okafor opens the terminal", "H. Okafor cut the ribbon at the new ferry terminal.",
                     [Entity("H. Okafor", "PERSON", mentions=1)])


def moderator():
    return member(MODERATOR, can_manage_messages=True, can_manage_guild=True)


async def followed_names(services, user):
    return [f.label for f in await services.store.following(GUILD, user) if f.kind == "entity"]


async def test_a_follow_survives_a_rename(services):
    from handlers import rename

    await follow.run(services, member(ALICE), name="Okafor")
    assert (await rename.run(services, moderator(), name="Helen Okafor", to="Helen Okafor-Smith")).ok
    assert await followed_names(services, ALICE) == ["Helen Okafor-Smith"]
    brief_id = await new_brief(services, GUILD, FERRY)  # names her by her old name, now an alias
    [alert] = await alerts_for_brief(services, GUILD, brief_id)
    assert (alert.user_id, alert.followed) == (ALICE, ["Helen Okafor-Smith"])
    # A second rename, and unfollowing by the name she has now.
    assert (await rename.run(services, moderator(), name="Helen Okafor-Smith", to="Mayor Okafor-Smith")).ok
    assert await followed_names(services, ALICE) == ["Mayor Okafor-Smith"]
    assert (await unfollow.run(services, member(ALICE), name="Mayor Okafor-Smith")).ok
    assert await services.store.following(GUILD, ALICE) == []


async def test_a_follow_survives_a_merge_and_two_follows_become_one(services):
    from handlers import merge

    await new_brief(services, GUILD, OKAFOR_SHORT)
    await follow.run(services, member(ALICE), name="H. Okafor")
    await follow.run(services, member(BOB), name="H. Okafor")
    await follow.run(services, member(BOB), name="Helen Okafor")
    assert (await merge.run(services, moderator(), name="H. Okafor", into="Helen Okafor")).ok
    assert await followed_names(services, ALICE) == ["Helen Okafor"]
    assert await followed_names(services, BOB) == ["Helen Okafor"]  # one follow, not two
    brief_id = await new_brief(services, GUILD, FERRY)
    alerts = sorted((a.user_id, a.followed) for a in await alerts_for_brief(services, GUILD, brief_id))
    assert alerts == [(ALICE, ["Helen Okafor"]), (BOB, ["Helen Okafor"])]


async def test_a_follow_waits_while_its_only_brief_is_forgotten_and_comes_back_with_it(tmp_path):
    """Forgetting deletes the entity's row, and restoring makes it anew: the follow finds it again."""
    store = await Store.open(tmp_path / "forget.sqlite3")
    try:
        services = Services(store=store, extractor=None)
        first = await new_brief(services, GUILD, QUOTA)
        await follow.run(services, member(ALICE), name="Tomas Berg")
        assert await store.forget_brief(GUILD, first) is not None
        assert await followed_names(services, ALICE) == ["Tomas Berg"]  # kept, by its last name
        assert (await store.restore_brief(GUILD, first))[0] == "restored"
        later = await new_brief(services, GUILD, QUOTA)
        assert [a.user_id for a in await alerts_for_brief(services, GUILD, later)] == [ALICE]
    finally:
        await store.close()
