"""Ingestion: text, files and links become indexed briefs.

Cheap checks come first (size, emptiness, duplicates) so a refused brief costs
no spaCy time; extraction runs in the worker pool (handlers.core.extraction), never in
the event loop's process, and a brief over its time budget is refused whole.
Bad input gives a friendly reply and changes nothing. Failures of the bot
itself (store.StoreError, extract.ModelMissing) propagate to the caller.
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Literal

from handlers.core.context import Scope, Services
from handlers import dating
from handlers.core import textfile
from handlers.brief_or_chat import looks_like_brief
from handlers.core.extraction import TooCostly, as_extraction
from handlers.core.fetch import FetchError, check_url, decoded, fetch_page, read_article
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Page, Reply
from handlers.core.validate import WORD, BadInput
from store.normalize import storable
from store.records import Provenance, SaveResult

_LINK = re.compile(r"<?([a-zA-Z][a-zA-Z0-9+.-]*://\S+?)>?")
PEOPLE_IN_REPLY = 5
IngestStatus = Literal["indexed", "duplicate", "updated", "rejected"]


@dataclass
class IngestOutcome:
    status: IngestStatus
    reply: Reply
    result: SaveResult | None = None  # None when rejected
    reason: str = ""  # short, for one-line reports: "duplicate of #3", "empty", "too long", "not text"
    people: list[str] = field(default_factory=list)  # the brief's main people, when newly indexed

    @property
    def ok(self) -> bool:
        return self.status != "rejected"


# ---- entry points -----------------------------------------------------------

async def ingest_text(services, scope, text: str, provenance: Provenance | None = None) -> IngestOutcome:
    """`provenance.posted_at` (when the message was posted) and `.page_date` (the day the
    page's metadata gives) date the brief with the text's own dateline (handlers.dating)."""
    text = storable(text or "")
    came = _by_asker(provenance, scope)
    refused = precheck(services, text)
    if refused:
        return refused
    duplicate = await _duplicate(services, scope, text, came.source)
    if duplicate:
        return duplicate
    [brief] = await extract_briefs(services, [text])
    if isinstance(brief, TooCostly):
        return too_costly(brief)
    result = await services.store.save_brief(scope.guild_id, brief, text, dating.dated(came, text))
    return announced(services, scope, saved(services, result, brief))


def _by_asker(provenance: Provenance | None, scope) -> Provenance:
    """The member who asked is the author, unless the front-end said who posted it."""
    came = provenance or Provenance()
    return came if came.author_id is not None else replace(came, author_id=scope.user_id)


async def ingest_file(services, scope, filename: str, data: bytes,
                      provenance: Provenance | None = None) -> IngestOutcome:
    """A .txt/.md/.html attachment or file; its name is the source unless one is given."""
    read = await read_dated_file(services, filename, data)
    if isinstance(read, IngestOutcome):
        return read
    text, page_date = read
    came = provenance or Provenance()
    return await ingest_text(services, scope, text, replace(came, source=came.source or filename, page_date=page_date))


async def read_file(services, filename: str, data: bytes) -> str | IngestOutcome:
    """The brief text in a file's bytes, or a rejection saying why there is none."""
    read = await read_dated_file(services, filename, data)
    return read if isinstance(read, IngestOutcome) else read[0]


async def read_dated_file(services, filename: str, data: bytes) -> tuple[str, str | None] | IngestOutcome:
    """(brief text, publication day from an .html file's metadata or None), or a rejection."""
    kind = textfile.kind_of(filename)
    if kind is None:
        return rejected("not text", f"I can only read .txt, .md and .html files, not “{one_line(filename, 60)}”.",
                        "Paste the text instead, or post a link to the page.")
    if len(data) > services.max_attachment_bytes:
        return rejected("too large", f"That file is too large ({len(data):,} bytes).",
                        f"The limit is {services.max_attachment_bytes:,} bytes.")
    try:
        text = await decoded(data)
    except textfile.NotText as exc:
        return rejected("not text", f"I can't read “{one_line(filename, 60)}”: {exc}.",
                        "Save it as plain text (.txt) and try again.")
    if kind == "html":
        try:
            markup = textfile.readable_markup(text, services.max_brief_chars)
        except textfile.TooMuchMarkup as exc:
            return rejected("too large", f"“{one_line(filename, 60)}” is too large to read as a web page.",
                            f"It has {exc.chars:,} characters of markup besides scripts and styles; the limit is "
                            f"{exc.limit:,}. Save the article as plain text (.txt) and try again.")
        page = await read_article(markup, None)
        return compose(page.title, page.text), page.date
    return text, None


async def ingest_url(services, scope, url: str, provenance: Provenance | None = None) -> IngestOutcome:
    """A link to a news page: fetched, reduced to headline and main text; the URL is the source."""
    url = (url or "").strip().strip("<>")
    try:
        check_url(url, services.allow_private_urls)
    except FetchError as exc:
        return rejected("bad link", str(exc))
    came = provenance or Provenance()
    came = replace(came, source=came.source or url)
    duplicate = await _duplicate(services, scope, None, came.source)
    if duplicate:
        return duplicate
    read = await read_page(services, url)
    if isinstance(read, IngestOutcome):
        return read
    text, page_date = read
    return await ingest_text(services, scope, text, replace(came, page_date=page_date))


async def read_page(services, url: str) -> tuple[str, str | None] | IngestOutcome:
    """(brief text of a news page: headline and main text; the day its metadata gives, or None),
    or a rejection saying why there is none."""
    try:
        page = await fetch_page(url, timeout=services.fetch_timeout, max_bytes=services.fetch_max_bytes,
                                allow_private=services.allow_private_urls)
    except FetchError as exc:
        return rejected("fetch failed", f"I couldn't read that link: {exc}")
    if page.kind == "html":
        try:
            markup = textfile.readable_markup(page.text, services.max_brief_chars)
        except textfile.TooMuchMarkup as exc:
            return rejected("too large", "I couldn't read that link: the page is too large to read.",
                            f"It has {exc.chars:,} characters of markup besides scripts and styles; the limit is "
                            f"{exc.limit:,}. Paste the brief's text instead.")
        read = await read_article(markup, page.url)
        text, page_date = compose(read.title, read.text), read.date
    else:
        text, page_date = page.text, None
    if not WORD.search(text):
        return rejected("no article", "I found no article text on that page.",
                        "Paste the brief's text instead.")
    return text, page_date


async def ingest_many(services, scope, items: list[tuple[str, Provenance]]) -> list[IngestOutcome]:
    """Several texts at once (the console's samples): one nlp.pipe batch for everything
    that passes the cheap checks. `items` are (text, where it came from)."""
    return [outcome async for outcomes in ingest_batches(services, scope, _one(items)) for outcome in outcomes]


async def ingest_batches(services, scope, batches) -> AsyncIterator[list[IngestOutcome]]:
    """Batches of (text, Provenance) items (an async iterable, read as needed), one list of
    outcomes per batch, in order. The next batch is handed to the extractors before this
    one's briefs are back, and each batch is saved while later ones are parsed, so no
    worker waits for the slowest text of a batch and spaCy does not wait for SQLite."""
    extracting: tuple | None = None  # (items, outcomes, todo, extraction task) of the batch ahead
    saving: asyncio.Task | None = None

    async def saved_next(batch: tuple) -> list[IngestOutcome] | None:
        """Start saving `batch` once its briefs are back; the outcomes of the save before it."""
        nonlocal saving
        items, outcomes, todo, task = batch
        briefs = await task if task is not None else []
        # The store's writer lock keeps the saves in order.
        previous, saving = saving, asyncio.create_task(_save(services, scope, items, outcomes, todo, briefs))
        return await previous if previous is not None else None

    try:
        async for items in batches:
            items = [(storable(text or ""), came) for text, came in items]
            outcomes, todo = await _screen(services, scope, items)
            task = asyncio.create_task(extract_briefs(services, [items[i][0] for i in todo])) if todo else None
            ahead, extracting = extracting, (items, outcomes, todo, task)
            if ahead is not None and (done := await saved_next(ahead)) is not None:
                yield done
        if extracting is not None:
            ahead, extracting = extracting, None
            if (done := await saved_next(ahead)) is not None:
                yield done
        if saving is not None:
            last, saving = saving, None
            yield await last
    finally:
        if extracting is not None and extracting[3] is not None:
            extracting[3].cancel()  # stopped early: a batch not yet extracted is not saved
        if saving is not None:  # stopped early: the batch in hand is still saved whole
            await saving


async def _one(items):
    yield items


async def _screen(services, scope, items) -> tuple[list, list[int]]:
    """The cheap checks (size, words, already indexed); the indexes still to extract."""
    outcomes: list[IngestOutcome | None] = [None] * len(items)
    todo: list[int] = []
    for i, (text, came) in enumerate(items):
        outcomes[i] = precheck(services, text) or await _duplicate(services, scope, text, came.source)
        if outcomes[i] is None:
            todo.append(i)
    return outcomes, todo


async def _save(services, scope, items, outcomes, todo, briefs) -> list[IngestOutcome]:
    for i, brief in zip(todo, briefs):
        if isinstance(brief, TooCostly):
            outcomes[i] = too_costly(brief)
    kept = [(i, b) for i, b in zip(todo, briefs) if not isinstance(b, TooCostly)]
    todo, briefs = [i for i, _ in kept], [b for _, b in kept]
    if todo:
        batch = [(brief, items[i][0], dating.dated(_by_asker(items[i][1], scope), items[i][0]))
                 for brief, i in zip(briefs, todo)]
        results = await services.store.save_briefs(scope.guild_id, batch)
        for i, brief, result in zip(todo, briefs, results):
            outcomes[i] = announced(services, scope, saved(services, result, brief))
    return outcomes


async def reingest_message(services, scope, message_id: int, text: str) -> IngestOutcome | None:
    """A brief's message was edited: re-read it under the same id. None if the
    message was never a brief (or its brief has been forgotten since)."""
    brief_id = await services.store.brief_id_for_message(scope.guild_id, message_id)
    if brief_id is None:
        return None
    text = storable(text or "")
    refused = precheck(services, text)
    if refused:
        return refused
    [brief] = await extract_briefs(services, [text])
    if isinstance(brief, TooCostly):
        return too_costly(brief)
    if not await services.store.update_brief(scope.guild_id, brief_id, brief, text,
                                               published=dating.publication(text)):
        return None
    result = SaveResult(brief_id=brief_id, created=False, entities=len(brief.entities),
                        statements=len(brief.statements), title=brief.title)
    return IngestOutcome("updated", _summary(services, f"Updated #{brief_id}", brief_id, brief), result,
                         f"updated #{brief_id}")


async def forget_message(services, scope, message_id: int) -> bool:
    """A brief's message was deleted: forget the brief. False if it was not one."""
    brief_id = await services.store.brief_id_for_message(scope.guild_id, message_id)
    if brief_id is None:
        return False
    return await services.store.delete_brief(scope.guild_id, brief_id)


@handler("ingest")
async def run(services: Services, scope: Scope, text=None) -> Reply:
    """`ingest TEXT` or `ingest LINK` (attachments are read by the front-end with ingest_file)."""
    text = (text or "").strip()
    if not text:
        raise BadInput("Nothing to ingest.",
                       f"Put the brief's text after `{services.prefix}ingest`, attach a .txt/.md/.html file, "
                       "or give a link to a news page.")
    link = link_in(text)
    outcome = await (ingest_url(services, scope, link) if link else ingest_text(services, scope, text))
    return outcome.reply


# ---- pieces -----------------------------------------------------------------

def link_in(text: str) -> str | None:
    """The URL if the whole text is one link (`<...>` as Discord allows), else None."""
    m = _LINK.fullmatch(text.strip())
    return m.group(1) if m else None


def is_conversation(services, text: str) -> bool:
    """Members talking, not posting news ("Great read, thanks!", "@bob did you see
    ..."): too short to be a brief, or not like one (see brief_or_chat). In a
    watched channel it is left alone, without a reaction."""
    return len(WORD.findall(text)) < services.min_brief_words or not looks_like_brief(text)


def precheck(services, text: str) -> IngestOutcome | None:
    """Refuse, before any work, what cannot be a brief."""
    if len(text) > services.max_brief_chars:
        return rejected("too long", f"That brief is too long ({len(text):,} characters).",
                        f"The limit is {services.max_brief_chars:,} characters; split it or trim it.")
    if not WORD.search(text):
        return rejected("empty", "That brief is empty.", "Paste the brief's text, or give a link.")
    return None


async def _duplicate(services, scope, text: str | None, source: str | None) -> IngestOutcome | None:
    # Only a URL identifies a brief; two files can share a name.
    url = source if source and source.startswith(("http://", "https://")) else None
    if text is None and url is None:
        return None
    existing = await services.store.find_duplicate(scope.guild_id, raw_text=text, source=url)
    return duplicate_of(services, existing) if existing is not None else None


def duplicate_of(services, brief_id: int, title: str = "") -> IngestOutcome:
    reply = Reply.info(f"Already indexed as #{brief_id}.",
                       (f"{title}\n" if title else "") + f"`{services.prefix}article {brief_id}` shows it.")
    return IngestOutcome("duplicate", reply, SaveResult(brief_id=brief_id, created=False, title=title),
                         f"duplicate of #{brief_id}")


def announced(services, scope, outcome: IngestOutcome) -> IngestOutcome:
    """Tell whoever listens (alerts) about a new brief."""
    if outcome.status == "indexed" and outcome.result is not None and services.on_indexed is not None:
        services.on_indexed(scope.guild_id, outcome.result.brief_id, scope.user_id)
    return outcome


def saved(services, result, brief) -> IngestOutcome:
    if not result.created:
        return duplicate_of(services, result.brief_id, result.title)
    return IngestOutcome("indexed", _summary(services, f"Indexed as #{result.brief_id}", result.brief_id, brief,
                                             result), result, f"#{result.brief_id}", people=main_people(brief))


def _summary(services, heading: str, brief_id: int, brief, result=None) -> Reply:
    entities = result.entities if result is not None else len(brief.entities)
    statements = result.statements if result is not None else len(brief.statements)
    lines = [one_line(brief.title, 200) or "(untitled)",
             f"{plural(entities, 'entity', 'entities')}, {plural(statements, 'statement')}."]
    people = main_people(brief)
    if people:
        lines.append("People: " + ", ".join(people))
    lines.append(f"`{services.prefix}article {brief_id}` shows it.")
    return Reply(pages=[Page(title=heading, description="\n".join(lines))])


def main_people(brief) -> list[str]:
    return [e.name for e in brief.entities if e.type == "PERSON"][:PEOPLE_IN_REPLY]


def rejected(reason: str, title: str, detail: str = "") -> IngestOutcome:
    return IngestOutcome("rejected", Reply.error(title, detail), None, reason)


def too_costly(refused: TooCostly) -> IngestOutcome:
    return rejected("too costly", "This post is too costly to read.",
                    f"Reading it took longer than the {refused.budget:.0f} s a post of {refused.chars:,} characters "
                    "may take, so nothing was indexed. Plain prose of that length is read well within it.")


def compose(title: str, body: str) -> str:
    """Headline on the first line, as the extractor expects, then the text."""
    title, body = (title or "").strip(), (body or "").strip()
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}" if body else title


async def extract_briefs(services, texts: list[str]) -> list:
    """A Brief, or TooCostly when it overran its budget, for each of `texts`, in order:
    from the worker pool (or an in-process extractor, wrapped to the same interface)."""
    return await as_extraction(services.extractor).extract(texts)

