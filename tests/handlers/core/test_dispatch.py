import pytest

from handlers.core import dispatch
from handlers.core.context import Scope, Services
from handlers.core.dispatch import Call, parse


def args_of(line):
    call = parse(line)
    assert isinstance(call, Call), call.to_text()
    return call.command.name, call.args


def test_prefix_is_optional():
    assert args_of("!who Hegseth") == args_of("who Hegseth") == ("who", {"name": "Hegseth"})


def test_by_name_is_the_speaker_of_quotes():
    assert args_of("quotes threat by Hegseth") == ("quotes", {"text": "threat", "speaker": "Hegseth"})
    assert args_of("quotes by Hegseth") == ("quotes", {"text": "", "speaker": "Hegseth"})
    assert args_of("quotes killed by drones by Pete Hegseth") == (
        "quotes", {"text": "killed by drones", "speaker": "Pete Hegseth"})
    assert args_of("quotes imminent") == ("quotes", {"text": "imminent"})


def test_ids_are_ints_and_optional_args_default_to_none():
    assert args_of("article 12") == ("article", {"id": 12})
    assert args_of("articles") == ("articles", {"page": None})
    assert args_of("trending 30") == ("trending", {"days": 30})


@pytest.mark.parametrize("line", ["article abc", "article 1.5", "articles two"])
def test_non_numbers_get_a_friendly_reply(line):
    reply = parse(line)
    assert not isinstance(reply, Call) and reply.ok is False
    assert "whole number" in reply.to_text()


def test_missing_argument_shows_usage():
    reply = parse("!article")
    assert reply.ok is False and "Usage: `!article <id>`" in reply.to_text()
    assert "!quotes <text> [by SPEAKER]" in parse("quotes").to_text()


def test_unknown_command_suggests_the_nearest():
    reply = parse("!hwo Hegseth")
    assert reply.ok is False and "`!who`" in reply.to_text()
    assert reply.choices[0].command == "who" and reply.choices[0].args == "Hegseth"
    assert "help" in parse("!xyzzyplugh").to_text()


@pytest.mark.parametrize("line", ["", "   ", "!", "/"])
def test_empty_lines(line):
    assert parse(line).ok is False


class BrokenStore:
    def __getattr__(self, name):
        async def fail(*args, **kwargs):
            raise RuntimeError("disk on fire")
        return fail


async def test_run_line_never_raises(extractor):
    services = Services(store=BrokenStore(), extractor=extractor)
    reply = await dispatch.run_line(services, Scope(1), "who Hegseth")
    assert reply.ok is False and "went wrong" in reply.to_text()
    with pytest.raises(RuntimeError):
        await dispatch.execute(services, Scope(1), "who Hegseth")


async def test_run_line_reaches_the_handlers(services, member):
    reply = await dispatch.run_line(services, member, "!help who")
    assert reply.ok and "who" in reply.pages[0].title


@pytest.mark.parametrize("line", ["article -1", "article 0", "article 99999999999999999999999",
                                  "article 9223372036854775807", "forget -5", "articles 0", "articles 99999",
                                  "trending -2", "trending 99999999999"])
async def test_odd_numbers_get_friendly_replies(services, admin, line):
    reply = await dispatch.run_line(services, admin, line)
    assert reply.ok is False, line
    assert "went wrong" not in reply.to_text()


@pytest.mark.parametrize("line", ["!get 3", "!forgot 3", "!find Hegseth", "!reindx", "!wach #news", "!unwach #news",
                                  "!setting", "!settngs", "!remov 3"])
def test_a_guess_for_a_mistyped_command_never_changes_data(line):
    reply = parse(line)
    if isinstance(reply, Call):  # a synonym of a read-only command
        assert reply.command.name in ("search",), line
        return
    guessed = {c.command for c in reply.choices}
    assert not guessed & {"forget", "reindex", "watch", "unwatch", "settings", "ingest"}, (line, guessed)
    for name in ("forget", "reindex", "watch", "unwatch", "settings"):
        assert f"`!{name}`" not in reply.to_text(), (line, reply.to_text())


@pytest.mark.parametrize("typed,meant", [("delete 3", "forget"), ("remove 3", "forget"), ("profile Hegseth", "who"),
                                         ("lookup Hegseth", "who"), ("find Hegseth Basra", "search")])
def test_the_synonyms_members_type_first_run_the_command_they_mean(typed, meant):
    assert args_of("!" + typed)[0] == meant


async def test_delete_is_forget_with_its_permission_check(services, member):
    reply = await dispatch.execute(services, member, "!delete 1")
    assert reply.ok is False  # members without Manage Messages cannot delete through the synonym either
