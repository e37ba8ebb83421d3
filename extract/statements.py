"""Statements (direct quotations and reported speech) with their speakers."""
from __future__ import annotations

from extract.model import Entity, Statement


def find_statements(doc, entities: list[Entity], layout) -> list[Statement]:
    return []
