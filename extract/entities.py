"""Canonical entities of a brief from the spaCy parse (first working level)."""
from __future__ import annotations

from extract.model import ENTITY_TYPES, Entity


def find_entities(doc, layout) -> list[Entity]:
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        name = ent.text.strip()
        e = by_key.setdefault((name.casefold(), ent.label_), Entity(name=name, type=ent.label_))
        e.mentions += 1
        e.spans.append((ent.start_char, ent.end_char))
    return list(by_key.values())
