"""Fixtures for the store tests: a temporary database with a clock the test
controls, and builders for hand-made briefs (no spaCy)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from extract.model import Brief, Entity, Insight, Section, Statement
from store import open_store

class Clock:
    """A clock that only moves when told to."""

    def __init__(self):
        self.now = datetime(2025, 9, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def brief(title: str, body: str = "", *, entities=(), statements=(), insights=(), sections=None) -> Brief:
    text = f"{title}\n\n{body}" if body else title
    return Brief(title=title, text=text,
                 sections=list(sections) if sections is not None else ([Section("Body", body)] if body else []),
                 insights=list(insights), entities=list(entities), statements=list(statements))


def person(name: str, *aliases: str, role: str | None = None, mentions: int = 1) -> Entity:
    return Entity(name, "PERSON", aliases=list(aliases), role=role, mentions=mentions)


def thing(name: str, type_: str, *aliases: str, mentions: int = 1) -> Entity:
    return Entity(name, type_, aliases=list(aliases), mentions=mentions)


def said(text: str, speaker: str | None, kind: str = "direct") -> Statement:
    return Statement(text, speaker, kind)


def hegseth_brief() -> Brief:
    """A brief with a bit of everything: roles, aliases, statements, insights."""
    return brief(
        "Hegseth warns of imminent threat at Shangri-La Dialogue",
        "US Defense Secretary Pete Hegseth said in Singapore the threat China poses is real. "
        "\"It could be imminent,\" Hegseth said. Admiral Dong Jun did not attend.",
        entities=[person("Pete Hegseth", "Hegseth", role="US Defense Secretary", mentions=2),
                  thing("China", "GPE"), thing("Singapore", "GPE"), person("Dong Jun", role="Admiral"),
                  thing("Shangri-La Dialogue", "EVENT")],
        statements=[said("It could be imminent", "Pete Hegseth"),
                    said("the threat China poses is real", "Pete Hegseth", "reported")],
        insights=[Insight("What is Beijing signalling?", ["A snub", "Leverage"])],
        sections=[Section("News Summary", "Hegseth warned of a threat."), Section("Background", "Annual forum.")])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(database, clock):
    """The store on each backend (see tests/conftest.py `database`)."""
    s = await open_store(database, clock=clock)
    yield s
    await s.close()


@pytest.fixture
def make():
    """The brief builders, for tests: make.brief(...), make.person(...), ..."""
    return SimpleNamespace(brief=brief, person=person, thing=thing, said=said, hegseth=hegseth_brief)
