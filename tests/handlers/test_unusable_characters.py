"""Lone surrogates (Discord's JSON can carry `\\ud800`), NUL and non-characters
are replaced before a brief reaches spaCy or the store: the member gets the
normal reply, and what is stored can be searched and shown."""
from __future__ import annotations

from handlers.core import dispatch
from handlers import ingest
from handlers.core.context import Scope
from hostile import make_services
from store.records import Provenance

GUILD = 6161
MEMBER = Scope(GUILD, user_id=3, channel_id=9)
BRIEF = ("Ferry strike ends in Port Wendell\n\n"
         "Union leader Maria Lopez said on Tuesday that \"the crews are going back\ud800 to work tomorrow,\" "
         "after talks with the harbour board.\x00 The mayor\ufffe welcomed the deal\U0001ffff.\udfff")


async def test_ingest_of_lone_surrogates_nul_and_noncharacters_gets_a_normal_reply(empty_store, extractor):
    services = make_services(empty_store, extractor)
    reply = await dispatch.execute(services, MEMBER, "!ingest " + BRIEF)
    text = reply.to_text()
    assert reply.ok and "Indexed as #1" in text, text
    assert "Maria Lopez" in text
    detail = await empty_store.get_article(GUILD, 1)
    stored = detail.raw_text
    assert "\ufffd" in stored and "\x00" not in stored and "\ufffe" not in stored and "\U0001ffff" not in stored
    stored.encode("utf-8")  # no lone surrogate left
    quotes = (await dispatch.execute(services, MEMBER, "!quotes crews")).to_text()
    assert "going back" in quotes and "Lopez" in quotes


async def test_a_batch_and_an_edit_are_cleaned_too(empty_store, extractor):
    services = make_services(empty_store, extractor)
    [outcome] = await ingest.ingest_many(services, MEMBER, [(BRIEF, Provenance(message_id=77))])
    assert outcome.status == "indexed", outcome.reply.to_text()
    edited = await ingest.reingest_message(services, MEMBER, 77, BRIEF.replace("tomorrow", "on Thursday\ud83d"))
    assert edited is not None and edited.status == "updated", edited
    detail = await empty_store.get_article(GUILD, outcome.result.brief_id)
    assert "on Thursday\ufffd" in detail.raw_text
