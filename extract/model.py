"""The plain records that travel between the layers.

`store/` imports this module and nothing else from `extract/`, so it must stay
free of heavy imports (no spaCy here).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
StatementKind = Literal["direct", "reported"]
STATEMENT_KINDS: tuple[StatementKind, ...] = get_args(StatementKind)


class ModelMissing(RuntimeError):
    """The spaCy language model is not installed (raised by the pipeline, caught by front-ends
    that must not import spaCy just to recognise it)."""


@dataclass
class Entity:
    """One real-world thing named in a brief, with every form the brief uses."""

    name: str  # canonical form, e.g. "Pete Hegseth"
    type: str  # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)  # other surface forms, e.g. ["Hegseth"]
    role: str | None = None  # first title the text gives a person, e.g. "US Defense Secretary"
    mentions: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)  # char offsets in Brief.text

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": list(self.aliases),
                "role": self.role, "mentions": self.mentions}


@dataclass
class Statement:
    """Something a speaker said: a direct quotation or a reported clause."""

    text: str  # exactly the characters between the marks (direct) or the clause (reported)
    speaker: str | None  # canonical Entity.name, or None when the text names nobody
    kind: StatementKind = "direct"
    start: int = 0  # char offsets of `text` in Brief.text
    end: int = 0

    def to_json(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "kind": self.kind}


@dataclass
class Insight:
    """One question of the `In-Depth AI Insights` section with its ` - ` answers."""

    question: str
    answers: list[str] = field(default_factory=list)


@dataclass
class Section:
    name: str  # "News Summary", "Background", "In-Depth AI Insights", or "Body" for plain articles
    text: str


@dataclass
class Brief:
    """Everything extraction learned from one brief."""

    title: str
    text: str  # the text extraction read; all offsets refer to it
    sections: list[Section] = field(default_factory=list)
    insights: list[Insight] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    truncated: bool = False  # the text stops mid-sentence

    def to_json(self) -> dict:
        """The scorer's schema (../shared/eval/score.py)."""
        return {
            "title": self.title,
            "sections": [{"name": s.name, "text": s.text} for s in self.sections],
            "insights": [{"question": i.question, "answers": i.answers} for i in self.insights],
            "entities": [e.to_json() for e in self.entities],
            "quotes": [s.to_json() for s in self.statements],
        }
