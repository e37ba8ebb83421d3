from handlers.core import commands
from handlers import help


async def test_help_lists_every_command_from_the_table(services, member):
    reply = await help.run(services, member)
    text = reply.to_text()
    for c in commands.COMMANDS:
        assert f"!{c.name}" in text
    assert "by SPEAKER" in text  # the `by NAME` syntax of quotes is documented


async def test_help_for_one_command_has_examples(services, member):
    reply = await help.run(services, member, command="quotes")
    text = reply.to_text()
    assert "!quotes threat by Hegseth" in text and "by SPEAKER" in text


async def test_help_for_unknown_command_suggests(services, member):
    reply = await help.run(services, member, command="qoutes")
    assert reply.ok is False and "!quotes" in reply.to_text()
