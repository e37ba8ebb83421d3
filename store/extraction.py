"""What the extractor found in one brief (its entities and statements), kept
as JSON next to the brief, so corrections can be re-applied, and a forgotten
brief restored, without reading the text again."""
from __future__ import annotations

import json

from extract.model import Brief, Entity, Statement
from store.entity_links import KEY_SEPARATOR
from store.packing import ref_text, text_ref


def pack(brief: Brief, base: str) -> str:
    """JSON of the brief's entities and statements; a statement found verbatim
    in `base` (the brief's raw text) is kept as [start, length] into it."""
    return json.dumps({
        "entities": [[e.name, e.type, list(e.aliases), e.role, int(e.mentions or 0)] for e in brief.entities],
        "statements": [[text_ref(str(s.text or ""), base), s.speaker, s.kind, int(s.start or 0), int(s.end or 0)]
                       for s in brief.statements],
    }, ensure_ascii=False)


def unpack(packed: str, base: str, title: str = "") -> Brief:
    data = json.loads(packed)
    return Brief(title=title, text="",
                 entities=[Entity(n, t, aliases=list(a), role=r, mentions=m) for n, t, a, r, m in data["entities"]],
                 statements=[Statement(ref_text(x, base), sp, k, st, en) for x, sp, k, st, en in data["statements"]])


async def stored(db, brief_id: int) -> Brief | None:
    """The brief's extraction: as saved, or (a brief saved before extractions
    were kept) rebuilt from its rows, corrections included. None: no such brief."""
    rows = await db.execute_fetchall("SELECT title, extraction, raw_text FROM articles WHERE id = ?", (brief_id,))
    if not rows:
        return None
    title, packed, raw_text = rows[0]
    if packed:
        return unpack(packed, raw_text, title)
    links = await db.execute_fetchall(
        "SELECT e.id, e.name, e.type, be.role, be.mentions, be.keys FROM brief_entities be "
        "JOIN entities e ON e.id = be.entity_id WHERE be.brief_id = ? ORDER BY be.position", (brief_id,))
    entities = []
    for entity_id, name, type_, role, mentions, keys in links:
        wanted = set(keys.split(KEY_SEPARATOR))
        forms = await db.execute_fetchall("SELECT key, alias FROM aliases WHERE entity_id = ?", (entity_id,))
        entities.append(Entity(name, type_, aliases=[a for k, a in forms if k in wanted and a != name],
                               role=role, mentions=mentions))
    said = await db.execute_fetchall(
        'SELECT s.text, coalesce(e.name, s.speaker_name), s.kind, s.start, s."end" FROM statements s '
        "LEFT JOIN entities e ON e.id = s.speaker_entity_id WHERE s.brief_id = ? ORDER BY s.id", (brief_id,))
    return Brief(title=title, text="", entities=entities,
                 statements=[Statement(t, sp, k, st, en) for t, sp, k, st, en in said])
