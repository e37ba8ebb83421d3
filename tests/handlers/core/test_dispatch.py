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
