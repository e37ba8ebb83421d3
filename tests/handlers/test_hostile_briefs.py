"""Issue 6, briefs: odd, broken or hostile briefs are indexed sensibly or
refused with a reason, never half-stored, and what they contain cannot act when
echoed back (control characters, bidi overrides, mentions, Markdown)."""
from __future__ import annotations

import re
import time

import pytest

from handlers.core import dispatch
from handlers import ingest
from handlers.core.context import Scope
from handlers.core.limits import DESCRIPTION, TITLE
from hostile import fingerprint, make_services

GUILD = 5151
ASKER = Scope(GUILD, user_id=3, channel_id=9)
# What must never reach a reply: C0/C1 controls (terminal escapes in `newsbrief ask`),
# bidi overrides and isolates (they flip the rest of a line), zero-width spaces.
ACTING = {chr(c) for c in [*range(0, 9), *range(14, 32), *range(127, 160)]} | set(
    "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


class NoExtraction:
    """An extractor that must not be reached: refusals cost no spaCy time."""

    calls = 0

    def extract_many(self, texts):
        NoExtraction.calls += 1
        raise AssertionError("the extractor was called for a brief that should have been refused")


def check_reply(reply) -> str:
    text = reply.to_text()
    assert "went wrong" not in text, text
    for page in reply.pages:
        assert len(page.title) <= TITLE and len(page.description) <= DESCRIPTION
    return text


async def ask(services, line: str) -> str:
    return check_reply(await dispatch.execute(services, ASKER, line))


async def indexed(services, text: str) -> int:
    outcome = await ingest.ingest_text(services, ASKER, text)
    assert outcome.status == "indexed", outcome.reply.to_text()
    check_reply(outcome.reply)
    return outcome.result.brief_id


# ---- refused before any work ------------------------------------------------------

async def test_five_megabytes_are_refused_before_any_work(empty_store):
    services = make_services(empty_store, NoExtraction())  # the default limits, as documented
    huge = ("Pete Hegseth said the threat was imminent. " * 120_000)[:5_000_000]
    before = fingerprint(empty_store.path)
    started = time.perf_counter()
    outcome = await ingest.ingest_text(services, ASKER, huge)
    assert outcome.status == "rejected" and outcome.reason == "too long"
    assert "5,000,000 characters" in outcome.reply.to_text() and "300,000" in outcome.reply.to_text()
    command = await dispatch.execute(services, ASKER, "!ingest " + huge)
    assert command.ok is False and "too long" in command.to_text()
    attached = await ingest.ingest_file(services, ASKER, "brief.txt", huge.encode())
    assert attached.status == "rejected" and attached.reason == "too large"
    assert "1,000,000 bytes" in attached.reply.to_text()
    assert time.perf_counter() - started < 5  # no spaCy, no decoding of the oversized file
    assert NoExtraction.calls == 0
    assert fingerprint(empty_store.path) == before


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u200b\u200b\u200b", "\ufeff", "\x00\x07\x1b",
                                  "\u202e\u202c", "— … « » !!!", "🙂🙂🙂", "** || ~~ __"])
async def test_briefs_without_words_are_refused_as_empty(empty_store, text):
    services = make_services(empty_store, NoExtraction())
    before = fingerprint(empty_store.path)
    outcome = await ingest.ingest_text(services, ASKER, text)
    assert outcome.status == "rejected" and outcome.reason == "empty"
    assert "empty" in outcome.reply.to_text()
    as_file = await ingest.ingest_file(services, ASKER, "brief.md", text.encode("utf-8"))
    assert as_file.status == "rejected"
    command = await dispatch.execute(services, ASKER, f"ingest {text}")
    assert command.ok is False and "went wrong" not in command.to_text()
    assert NoExtraction.calls == 0 and fingerprint(empty_store.path) == before


# ---- indexed, and safe to echo ----------------------------------------------------

async def test_one_enormous_line_is_indexed_and_its_quote_found(empty_store, extractor):
    services = make_services(empty_store, extractor)
    filler = "The council met again and talked about the bridge for a long time. " * 150
    line = (filler + "Mayor Ann Lee said: \"The bridge will reopen in spring.\" " + filler).strip()
    assert "\n" not in line and len(line) > 20_000
    brief_id = await indexed(services, line)
    found = await ask(services, "quotes bridge will reopen")
    assert "The bridge will reopen in spring." in found and "Ann Lee" in found and f"#{brief_id}" in found
    assert len((await empty_store.get_article(GUILD, brief_id)).raw_text) == len(line)
    await ask(services, f"article {brief_id}")  # a very long headline still fits a reply
    await ask(services, "articles")


async def test_invisible_bidi_and_control_characters_neither_hide_names_nor_reach_replies(empty_store, extractor):
    services = make_services(empty_store, extractor)
    text = ("Pete Heg\u200bseth warns of an imminent threat\n\n"
            "US Defense Secretary Pete Heg\u200bseth said \u202eon Monday\u202c in Singapore that "
            "\"the threat is\u200b real and \u2066imminent\u2069,\" and then \x07\x1b[2J\x1b[31mleft\x1b[0m. "
            "The \ufeffministry\u200e was silent.\r\n\r\nAdmiral Dong Jun did not attend.")
    brief_id = await indexed(services, text)
    for line in ("who Hegseth", "quotes imminent", "search imminent", "search ministry", "search Singapore",
                 f"article {brief_id}", "articles", "trending", "who Dong Jun"):
        shown = await ask(services, line)
        acting = {hex(ord(c)) for c in shown if c in ACTING}
        assert not acting, (line, acting, shown)
    profile = await ask(services, "who Hegseth")
    assert profile.splitlines()[0] == "Pete Hegseth"  # the zero-width space did not split the name
    assert "the threat is real and imminent" in await ask(services, "quotes threat")


async def test_emoji_do_not_become_names_or_speakers(empty_store, extractor):
    services = make_services(empty_store, extractor)
    brief_id = await indexed(services, "🌊 Floods hit Leeds 🌧️\n\n🚨 Mayor Ann Lee 👩‍💼 said: \"We are ready 💪,\" "
                                       "on Monday in Leeds 🇬🇧. Residents 🏠 were moved.")
    quotes = await ask(services, "quotes ready")
    assert "— Ann Lee" in quotes, quotes
    detail = await empty_store.get_article(GUILD, brief_id)
    assert {e.name for e in detail.entities} >= {"Ann Lee", "Leeds"}
    for name in [e.name for e in detail.entities] + [s.speaker for s in detail.statements if s.speaker]:
        assert any(c.isalpha() for c in name), name
    assert (await dispatch.execute(services, ASKER, "who 🌊")).ok is False


async def test_a_brief_without_entities_or_quotes_is_still_a_brief(empty_store, extractor):
    services = make_services(empty_store, extractor)
    text = "it rained a lot\n\nit rained, and then it stopped. everyone was fine. nothing else happened today."
    outcome = await ingest.ingest_text(services, ASKER, text)
    assert outcome.status == "indexed"
    assert "0 entities, 0 statements" in outcome.reply.to_text()
    shown = await ask(services, f"article {outcome.result.brief_id}")
    assert "it rained a lot" in shown and "People" not in shown
    assert f"#{outcome.result.brief_id} it rained a lot" in await ask(services, "search rained")
    assert (await dispatch.execute(services, ASKER, "quotes rained")).ok is False
    assert "Nothing indexed yet" not in await ask(services, "stats")


async def test_quotation_marks_of_every_kind(empty_store, extractor):
    """LaTeX ``…'', typewriter ''…'', an unbalanced mark, nesting, and a quotation that runs over
    paragraphs: each statement is text of the brief, with the right speaker."""
    services = make_services(empty_store, extractor)
    text = ("Council argues over the library budget\n\n"
            "Councillor Ann Lee said ``we will not cut the library,'' on Tuesday. "
            "Bob Stone replied ''the budget is already spent.''\n\n"
            "\"He told me 'no' twice,\" Stone said. \"Unbalanced marks never close, said Lee.\n\n"
            "\"The river is high,\" Mayor Ann Lee said. \"We have moved the families.\n\n"
            "\"We will keep them safe until the water falls,\" she added.")
    brief_id = await indexed(services, text)
    detail = await empty_store.get_article(GUILD, brief_id)
    said = {s.text.strip(" ,."): s.speaker for s in detail.statements}
    for s in detail.statements:
        assert s.text in detail.raw_text, s.text
    assert said.get("we will not cut the library") == "Ann Lee", said
    assert said.get("the budget is already spent") == "Bob Stone", said  # no stray apostrophe
    assert said.get("He told me 'no' twice") == "Bob Stone", said
    assert said.get("We have moved the families") == "Ann Lee", said
    assert said.get("We will keep them safe until the water falls") == "Ann Lee", said
    assert "— Ann Lee" in await ask(services, "quotes library")
    assert "— Bob Stone" in await ask(services, "quotes budget spent")


async def test_mentions_and_markdown_in_quotes_come_back_as_typed_and_inert(empty_store, extractor):
    """Handlers keep the words exactly (the Discord front-end escapes them once); rendered
    as Discord would get them, nothing pings and nothing formats."""
    from bot.render import escape

    services = make_services(empty_store, extractor)
    quote = "@everyone knows the ferry is late, and <@123> and <@&456> will **not** fix it ||soon||"
    await indexed(services, f"Ferry strike in Leeds\n\n\"{quote},\" said Mayor Ann Lee. "
                            "See [the plan](https://evil.example) and @here.")
    for line in ("quotes ferry", "who Ann Lee", "search ferry"):
        reply = await dispatch.execute(services, ASKER, line)
        shown = check_reply(reply)
        if line != "search ferry":
            assert quote in shown, shown  # verbatim, not mangled
        for page in reply.pages:
            for part in [page.title, page.description] + [f.value for f in page.fields]:
                out = escape(part)
                for live in ("@everyone", "@here", "<@123>", "<@&456>", "**not**", "||soon||"):
                    assert live not in out, (line, live, out)
                assert not re.search(r"(?<!\\)\[the plan\]\(", out), out  # no masked link


async def test_pasted_html_and_markdown_briefs_are_read_as_text(empty_store, extractor):
    services = make_services(empty_store, extractor)
    html_id = await indexed(services, "<h1>Rates on hold</h1><p>The European Central Bank kept rates unchanged, "
                                      "President Christine Lagarde said in Frankfurt.</p><script>alert(1)</script>")
    shown = await ask(services, f"article {html_id}")
    assert "<p>" not in shown and "<h1>" not in shown and "Christine Lagarde" in shown
    md_id = await indexed(services, "# **Ferry strike in Leeds**\n\n> Mayor Ann Lee said the ferries stop on "
                                    "Monday.\n\n- one\n- two")
    reply = await dispatch.execute(services, ASKER, f"article {md_id}")
    assert reply.pages[0].title == "Ferry strike in Leeds"  # the heading marks are not the title
    assert "Ann Lee" in await ask(services, "who Ann Lee")


async def test_a_brief_typed_after_ingest_keeps_its_paragraphs(empty_store, extractor):
    """`newsbrief ask '!ingest ...'` and the console go through dispatch: the headline stays
    a headline and the quote in the body is still found."""
    services = make_services(empty_store, extractor)
    text = ("Mayor Ann Lee opens the Leeds bridge\n\n"
            "Mayor Ann Lee said on Monday that \"the bridge is open at last,\" after two years of works.")
    call = dispatch.parse("!ingest   " + text + "  ")
    assert call.args == {"text": text}
    reply = await dispatch.execute(services, ASKER, "!ingest " + text)
    assert reply.ok and "Mayor Ann Lee opens the Leeds bridge" in reply.to_text()
    assert "1 statement" in reply.to_text(), reply.to_text()
    assert "— Ann Lee" in await ask(services, "quotes bridge open")
