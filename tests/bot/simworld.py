"""What the Discord tests share besides fixtures: the simulated world, sample
briefs, hand-made briefs saved without spaCy, and a local news site."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import discord
import pytest
from aiohttp import web
from localsite import LocalSite

from extract.model import Brief, Entity, Section, Statement
from store.records import Provenance

SAMPLES = Path(__file__).resolve().parents[2] / "bot" / "samples"
# For test modules' `pytestmark`: settlement waits for spaCy and SQLite work to
# finish, and the shared cores may be busy, so the wait is generous.
SIMCORD = pytest.mark.simcord(settle_timeout=60)

SHORT_BRIEF = ("Port authority approves new crane\n\n"
               "Port director Maria Lopez said the crane would arrive in May. "
               "\"This is the biggest investment in a decade,\" Lopez said.")
# A statement whose text tries to ping and format: it must be shown, never acted on.
NOISY_BRIEF = ("Harbour council delays ferry vote\n\n"
               "Mayor Jane Doe told reporters on Monday that the ferry contract was late. "
               "\"@everyone knows the ferry is late, and <@123> and <@&456> will **not** fix it ||soon||,\" "
               "Doe said. The council meets again next week.")


@dataclass
class World:
    env: object
    guild: object
    news: object  # watched channel
    general: object  # not watched
    alice: object  # a member
    bob: object  # another member
    mod: object  # Manage Server and Manage Messages
    bot: object

    @property
    def store(self):
        return self.bot.store

    async def post_brief(self, text: str = "", *, files=(), who=None) -> discord.Message:
        return await (who or self.alice).send(self.news, text, attachments=list(files))

    def replies_to(self, message) -> list[discord.Message]:
        """The bot's messages answering `message` (ingest summaries, prefix command replies)."""
        return [m for m in self.news.history() + self.general.history()
                if m.author.id == self.bot.user.id and m.reference and m.reference.message_id == message.id]

    def fresh(self, message) -> discord.Message:
        """`message` as it is now (reactions, edits)."""
        return next(m for ch in (self.news, self.general) for m in ch.history() if m.id == message.id)

    def reactions(self, message) -> list[str]:
        return [str(r.emoji) for r in self.fresh(message).reactions]


# ---- briefs saved straight into the store (no spaCy), for query tests ----------------

def handmade(title: str, body: str, entities=(), statements=()) -> tuple[Brief, str]:
    text = f"{title}\n\n{body}"
    return Brief(title=title, text=text, sections=[Section("Body", body)], entities=list(entities),
                 statements=list(statements)), text


SMITHS = handmade("Smith siblings open rival bakeries in Leeds", "John Smith and Jane Smith opened bakeries.",
                  [Entity("John Smith", "PERSON", mentions=1), Entity("Jane Smith", "PERSON", mentions=1)],
                  [Statement("Bread is back", "John Smith"), Statement("Competition is healthy", "Jane Smith")])


async def save(store, guild_id: int, made: tuple[Brief, str], **provenance) -> int:
    brief, text = made
    return (await store.save_brief(guild_id, brief, text, Provenance(**provenance))).brief_id


# ---- a news site on 127.0.0.1 -----------------------------------------------------------

class NewsSite(LocalSite):
    """An aiohttp server on its own thread and loop, so the bot under test
    fetches from it exactly as from a real site."""

    name = "local news site"

    def __init__(self):
        super().__init__()
        self.pages: dict[str, tuple[str, str]] = {}  # path -> (content type, body)
        self.hits: list[str] = []

    async def _handle(self, request: web.Request) -> web.Response:
        self.hits.append(request.path)
        if request.path not in self.pages:
            return web.Response(status=404, text="not here")
        content_type, body = self.pages[request.path]
        return web.Response(text=body, content_type=content_type)


def article_html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>© Test News</footer></body></html>")
