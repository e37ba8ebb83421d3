"""`quote ID`: a statement cut in lists, shown whole with its sentence and brief."""
from __future__ import annotations

from extract.model import Brief, Entity, Statement
from handlers.core import dispatch
from handlers import quote, quotes
from handlers.core.context import Services, Scope
from store.records import Provenance

LONG = ("we will keep the ferry running through the winter, " * 9) + "whatever the council decides"


def long_statement_brief() -> Brief:
    opening = "Ferry saved\n\nAt the harbour on Friday, Mayor Ann Lee told reporters: \u201c"
    text = opening + LONG + "\u201d and then she left the quay. Nobody else spoke."
    start = len(opening)
    return Brief(title="Ferry saved", text=text, entities=[Entity("Ann Lee", "PERSON", role="Mayor")],
                 statements=[Statement(LONG, "Ann Lee", "direct", start, start + len(LONG))])


async def saved(store, guild):
    brief = long_statement_brief()
    result = await store.save_brief(guild, brief, brief.text, provenance=Provenance(jump_url="https://discord.com/channels/1/2/3"))
    listed = await quotes.run(Services(store=store, extractor=None), Scope(guild, user_id=10), text="ferry winter")
    return result, listed


async def test_a_cut_statement_offers_its_full_text(empty_store, member):
    _, listed = await saved(empty_store, member.guild_id)
    text = listed.to_text()
    assert LONG not in text and "…" in text  # the list cuts it
    [full] = listed.choices
    assert full.command == "quote" and "Ann Lee" in full.label and listed.choices_prompt == "Full text"
    assert f"!quote {full.args}" in text

    whole = await dispatch.execute(Services(store=empty_store, extractor=None), member, f"{full.command} {full.args}")
    shown = whole.to_text()
    assert whole.ok and LONG in shown and "Ann Lee" in whole.pages[0].title
    context = next(f.value for f in whole.pages[0].fields if f.name == "In context")
    assert context.startswith("At the harbour on Friday, Mayor Ann Lee told reporters:")
    assert context.endswith("and then she left the quay.") and "Nobody else" not in context
    assert "https://discord.com/channels/1/2/3" in shown and "#1 Ferry saved" in shown


async def test_a_short_statement_has_nothing_more_to_show(services, member):
    listed = await quotes.run(services, member, text="imminent")
    assert listed.ok and listed.choices == [] and "!quote" not in listed.to_text()


async def test_bad_or_foreign_statement_numbers_get_a_friendly_answer(empty_store, member):
    await saved(empty_store, member.guild_id)
    services = Services(store=empty_store, extractor=None)
    for value in (None, "abc", "0", "-3", "99999", str(2 ** 70)):
        reply = await quote.run(services, member, id=value)
        assert reply.ok is False and "statement" in reply.to_text().lower(), value
    elsewhere = await quote.run(services, Scope(member.guild_id + 1, user_id=10), id=1)
    assert elsewhere.ok is False and "no statement 1" in elsewhere.to_text()
