"""Ingestion through the real pipeline. Texts are short so spaCy stays quick."""
from pathlib import Path

from handlers import ingest
from handlers.core.context import Scope, Services
from store.records import Provenance


SAMPLES = Path(__file__).resolve().parents[2] / "bot" / "samples"
BRIEF = ("Lagarde signals pause as euro zone inflation cools\n\n"
         "European Central Bank President Christine Lagarde said on Thursday that rates would stay on hold. "
         "\"We are in a good place,\" Lagarde told reporters in Frankfurt.")


class CountingExtractor:
    """Wraps the real extractor and counts calls: refusals must cost no spaCy work."""

    def __init__(self, inner):
        self.inner, self.calls = inner, 0

    def extract_many(self, texts):
        self.calls += 1
        return self.inner.extract_many(texts)


async def test_new_brief_is_indexed_with_counts(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    outcome = await ingest.ingest_text(services, member, BRIEF, provenance=Provenance(message_id=1, channel_id=5, jump_url="https://discord.com/channels/1/5/1"))
    assert outcome.status == "indexed" and outcome.result.created
    text = outcome.reply.to_text()
    assert f"Indexed as #{outcome.result.brief_id}" in text and "Lagarde signals pause" in text
    assert "entities" in text and "statement" in text


async def test_same_brief_twice_is_a_duplicate_without_spacy(empty_store, extractor, member):
    counting = CountingExtractor(extractor)
    services = Services(store=empty_store, extractor=counting)
    first = await ingest.ingest_text(services, member, BRIEF)
    again = await ingest.ingest_text(services, member, "  " + BRIEF + "\n")
    assert again.status == "duplicate" and again.result.brief_id == first.result.brief_id
    assert f"Already indexed as #{first.result.brief_id}" in again.reply.to_text()
    assert counting.calls == 1


async def test_too_long_and_empty_are_refused_before_any_work(empty_store, extractor, member):
    counting = CountingExtractor(extractor)
    services = Services(store=empty_store, extractor=counting, max_brief_chars=500)
    long = await ingest.ingest_text(services, member, "word " * 200)
    assert long.status == "rejected" and long.reason == "too long" and "too long" in long.reply.to_text()
    for empty in ("", "   \n\t", "…  —  !!"):
        outcome = await ingest.ingest_text(services, member, empty)
        assert outcome.status == "rejected" and outcome.reason == "empty"
    assert counting.calls == 0
    assert await empty_store.count_articles(member.guild_id) == 0


async def test_ingest_command_needs_something(empty_store, extractor, member):
    reply = await ingest.run(Services(store=empty_store, extractor=extractor), member, text=None)
    assert reply.ok is False and "attach" in reply.to_text()


async def test_ingest_command_refuses_ftp_links(empty_store, extractor, member):
    reply = await ingest.run(Services(store=empty_store, extractor=extractor), member,
                             text="ftp://example.org/brief.txt")
    assert reply.ok is False and "http" in reply.to_text()


async def test_files_in_cp1252_and_utf16_are_read(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    text = ("Café owners in Montréal protest new rules\n\n"
            "Owner Zoë Lefèvre said the rules were “unworkable” for small cafés in Montréal.")
    cp = await ingest.ingest_file(services, member, "brief.txt", text.encode("cp1252"))
    assert cp.status == "indexed", cp.reply.to_text()
    utf16 = await ingest.ingest_file(services, member, "brief.md", text.encode("utf-16"))  # with BOM
    assert utf16.status == "duplicate"  # same text once decoded, so the decoding was right
    detail = await empty_store.get_article(member.guild_id, cp.result.brief_id)
    assert "Zoë Lefèvre" in detail.raw_text and "“unworkable”" in detail.raw_text


async def test_html_file_is_reduced_to_its_article(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    html = ("<html><head><title>Rates on hold</title></head><body><nav>Home | About | Login</nav>"
            "<article><h1>ECB keeps rates on hold</h1><p>The European Central Bank kept rates unchanged on "
            "Thursday, President Christine Lagarde said in Frankfurt, citing cooling inflation.</p>"
            "<p>Economists had expected the decision after months of slowing price growth.</p></article>"
            "<footer>Copyright 2025</footer></body></html>")
    outcome = await ingest.ingest_file(services, member, "page.html", html.encode())
    assert outcome.status == "indexed", outcome.reply.to_text()
    detail = await empty_store.get_article(member.guild_id, outcome.result.brief_id)
    assert detail.article.title == "ECB keeps rates on hold"
    assert "Login" not in detail.raw_text


async def test_binary_and_unknown_files_are_refused(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    for name, data in (("brief.txt", b"%PDF-1.7\n\x00\x01\x02binary"), ("brief.txt", bytes(range(256)) * 4),
                       ("photo.png", b"\x89PNG\r\n\x1a\n"), ("brief.pdf", b"%PDF-1.4")):
        outcome = await ingest.ingest_file(services, member, name, data)
        assert outcome.status == "rejected" and outcome.reason in ("not text", "too large"), name
    big = await ingest.ingest_file(Services(store=empty_store, extractor=extractor, max_attachment_bytes=10),
                                   member, "brief.txt", b"x" * 11)
    assert big.reason == "too large"
    assert await empty_store.count_articles(member.guild_id) == 0


async def test_edited_message_keeps_its_id_and_deleted_message_is_forgotten(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    first = await ingest.ingest_text(services, member, BRIEF, provenance=Provenance(message_id=42, channel_id=5))
    edited = BRIEF.replace("on Thursday", "on Friday")
    outcome = await ingest.reingest_message(services, member, 42, edited)
    assert outcome.status == "updated" and outcome.result.brief_id == first.result.brief_id
    assert "on Friday" in (await empty_store.get_article(member.guild_id, first.result.brief_id)).raw_text
    assert await ingest.reingest_message(services, member, 43, edited) is None  # not a brief
    bad_edit = await ingest.reingest_message(services, member, 42, "")
    assert bad_edit.status == "rejected"
    assert await empty_store.get_article(member.guild_id, first.result.brief_id) is not None  # nothing changed
    assert await ingest.forget_message(services, member, 42) is True
    assert await ingest.forget_message(services, member, 42) is False
    assert await empty_store.get_article(member.guild_id, first.result.brief_id) is None


async def test_ingest_many_batches_and_reports_each(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    scope = Scope(member.guild_id)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))[1:3]]
    items = [(texts[0], Provenance(source="a.txt")), ("", Provenance()), (texts[1], Provenance(source="b.txt")),
             (texts[0], Provenance(source="c.txt"))]
    outcomes = await ingest.ingest_many(services, scope, items)
    assert [o.status for o in outcomes] == ["indexed", "rejected", "indexed", "duplicate"]
    assert outcomes[3].result.brief_id == outcomes[0].result.brief_id


async def test_batches_are_answered_in_order_while_the_next_one_is_read(empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)
    scope = Scope(member.guild_id)
    a, b = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))[1:3]]
    requested: list[int] = []

    async def batches():
        for n, batch in enumerate([[(a, Provenance(source="a.txt"))], [], [(a, Provenance(source="again.txt")),
                                                                    (b, Provenance(source="b.txt"))]]):
            requested.append(n)
            yield batch

    answered = []
    async for outcomes in ingest.ingest_batches(services, scope, batches()):
        answered.append([o.status for o in outcomes])
        if len(answered) == 1:
            # the batches after it were read (and handed to the extractors) before the first was answered
            assert requested == [0, 1, 2]
    assert answered == [["indexed"], [], ["duplicate", "indexed"]]  # a twin in the next batch is caught
    assert len(await empty_store.latest_articles(member.guild_id, 10)) == 2
