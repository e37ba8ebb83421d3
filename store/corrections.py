"""Moderators' corrections as rules, applied to what the extractor found
before it is linked and stored. Pure functions, no SQL: the store loads a
guild's rules and runs every brief through `apply` in its save path, so a
correction outlives `!reindex`, an edited message and a new extractor.

Entity rules match a brief's entity by the name key of its canonical name
(one of `Rule.keys`: the corrected entity's name and the aliases it alone
had). Rules apply in the order they were made, so a rename after a merge
renames the merged entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.model import Brief, Entity, Statement
from store.normalize import name_key

ENTITY_KINDS = ("merge", "rename", "retype", "hide")
KINDS = ENTITY_KINDS + ("attribute",)


@dataclass(frozen=True)
class Rule:
    id: int
    kind: str  # one of KINDS
    subject: str  # what it corrects, as the moderator saw it ("George Bush", "#s12")
    keys: tuple[str, ...]  # entity rules: name keys; attribute: (statement text key,)
    brief_id: int | None = None  # attribute: the statement's brief
    name: str | None = None  # merge: entity kept; rename: new name; attribute: speaker (None: nobody)
    type: str | None = None  # merge: kept entity's type; retype: the new type
    created_by: int | None = None
    created_at: str = ""

    def describe(self) -> str:
        if self.kind == "merge":
            return f"merge {self.subject} into {self.name}"
        if self.kind == "rename":
            return f"rename {self.subject} to {self.name}"
        if self.kind == "retype":
            return f"retype {self.subject} as {self.type}"
        if self.kind == "hide":
            return f"hide {self.subject}"
        return f"attribute {self.subject} to {self.name or 'nobody'}"


def statement_key(text: str) -> str:
    """Statements are matched by their words (ids change when a brief is re-read)."""
    return " ".join(str(text or "").casefold().split())


@dataclass
class _Renamed:
    """Old canonical name key -> new name, for the brief's speakers."""

    names: dict[str, str] = field(default_factory=dict)


def apply(brief: Brief, rules: list[Rule], brief_id: int | None = None) -> Brief:
    """`brief` with `rules` applied; `brief` itself is left as it was."""
    if not rules:
        return brief
    renamed = _Renamed()
    entities = [_entity(e, rules, renamed) for e in brief.entities]
    statements = [_statement(s, rules, renamed, brief_id) for s in brief.statements]
    return replace(brief, entities=entities, statements=statements)


def _entity(entity: Entity, rules: list[Rule], renamed: _Renamed) -> Entity:
    original = entity.name
    name, type_, aliases = entity.name, entity.type, list(entity.aliases)
    for rule in rules:
        if rule.kind not in ("merge", "rename", "retype") or name_key(name) not in rule.keys:
            continue
        if rule.kind == "retype" and rule.type:
            type_ = rule.type
        elif rule.name:  # merge or rename: the old name stays as a form of the entity
            if rule.kind == "merge" and rule.type:
                type_ = rule.type
            if name not in aliases:
                aliases.append(name)
            name = rule.name
    if name == original and type_ == entity.type:
        return entity
    renamed.names[name_key(original)] = name
    return replace(entity, name=name, type=type_, aliases=[a for a in aliases if name_key(a) != name_key(name)])


def _statement(statement: Statement, rules: list[Rule], renamed: _Renamed, brief_id: int | None) -> Statement:
    speaker = statement.speaker
    if speaker and name_key(speaker) in renamed.names:
        speaker = renamed.names[name_key(speaker)]
    if brief_id is not None:
        key = statement_key(statement.text)
        for rule in rules:
            if rule.kind == "attribute" and rule.brief_id == brief_id and key in rule.keys:
                speaker = rule.name
    return statement if speaker == statement.speaker else replace(statement, speaker=speaker)
