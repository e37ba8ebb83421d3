"""Linking the entities of a new brief to the guild's entities, inside the
write transaction (so briefs earlier in the same batch are seen).

A brief's Entity becomes an existing guild entity of the same type class when
 1. its canonical name is that entity's canonical name, else
 2. its canonical name is a form (alias) of exactly one entity ("Hegseth",
    "IMF"), else
 3. one of its own aliases is the canonical name of exactly one entity, known
    so far only by that short form ("Hegseth", "IMF"), which is then renamed
    to the fuller name; else
 4. it is a person named by one word ("Hegseth") and exactly one guild person
    has that surname, or a person with a full name ("Pete Hegseth") and
    exactly one guild person is known by that surname alone (then renamed), else
 5. it is a person whose first and last names are those of exactly one guild
    person and their middle names do not contradict ("George Bush", "George
    W. Bush", "George W Bush"; not "George H. W. Bush" beside "George W. Bush").
Otherwise it becomes a new guild entity. Two entities that merely share an
alias (two "ISB" banks, two people called Costa) are never linked by it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import aiosqlite

from extract.model import Entity
from store.normalize import last_word, name_key

# Types that name the same kind of thing often enough to link (a facility is a place).
TYPE_CLASS = {"FAC": "LOC"}
KEY_SEPARATOR = "\x1f"
_CHUNK = 300  # keys per lookup query, well under SQLite's variable limit


def type_class(entity_type: str) -> str:
    return TYPE_CLASS.get(entity_type, entity_type)


def clean_name(name: str | None) -> str:
    return " ".join(str(name or "").replace(KEY_SEPARATOR, " ").split())


def role_key(role: str) -> str:
    return " ".join(role.split()).casefold()


@dataclass
class Known:
    """A guild entity as linking sees it."""

    id: int
    type: str
    key: str
    briefs: int


@dataclass
class LinkedEntity:
    """One guild entity as one brief names it (several Entity records of the
    brief may land on the same guild entity)."""

    entity_id: int
    position: int
    mentions: int = 0
    role: str | None = None
    forms: dict[str, str] = field(default_factory=dict)  # key -> surface form, canonical name first


@dataclass
class Links:
    mentions: list[LinkedEntity]  # in the order the brief lists them
    speakers: dict[str, int]  # speaker name key -> guild entity id


class _Lookup:
    """What the guild already has under the keys a brief uses, plus what
    linking this brief has added so far."""

    def __init__(self):
        self.canonical: dict[str, list[Known]] = {}
        self.forms: dict[str, list[Known]] = {}
        self.surnames: dict[str, list[Known]] = {}
        self.namesakes: dict[str, list[Known]] = {}  # full-named people by surname
        self.known: dict[int, Known] = {}  # one object per entity, so a rename is seen everywhere

    def add(self, table: dict[str, list[Known]], key: str, known: Known) -> None:
        entries = table.setdefault(key, [])
        if all(k.id != known.id for k in entries):
            entries.append(known)

    def any_form(self, key: str) -> list[Known]:
        return self.canonical.get(key, []) + self.forms.get(key, [])


async def link_entities(db: aiosqlite.Connection, guild_id: int, entities: list[Entity],
                        speakers: list[str], unsaved_briefs: dict[int, int] | None = None) -> Links:
    """`unsaved_briefs`: briefs counted for entities in this transaction but not yet
    written to their rows (a batch's counts are written at its end)."""
    prepared = [p for p in map(_prepare, entities) if p is not None]
    lookup = await _lookup(db, guild_id, prepared, speakers)
    for existing in lookup.known.values():
        existing.briefs += (unsaved_briefs or {}).get(existing.id, 0)
    by_id: dict[int, LinkedEntity] = {}
    # New entities get a provisional (negative) id and are inserted together at the end,
    # as are the renames of existing ones: two statements for the brief, not one per entity.
    created: list[tuple[Known, str]] = []
    upgraded: dict[int, str] = {}
    for position, (entity, name, key, forms) in enumerate(prepared):
        known = _resolve(lookup, entity.type, key, forms)
        if known is None:
            known = Known(-1 - len(created), entity.type, key, 0)
            lookup.known[known.id] = known
            created.append((known, name))
        elif _upgrades(known, entity.type, key, forms):
            known.key = key
            if known.id < 0:
                created[-1 - known.id] = (known, name)
            else:
                upgraded[known.id] = name
        # Later records of this brief see what this one linked (later briefs
        # of a batch find it in the database).
        lookup.add(lookup.canonical, known.key, known)
        for k in forms:
            lookup.add(lookup.forms, k, known)
        if known.type == "PERSON" and " " in known.key:
            lookup.add(lookup.surnames, last_word(known.key), known)
            lookup.add(lookup.namesakes, last_word(known.key), known)
        mention = by_id.get(known.id)
        if mention is None:
            mention = by_id[known.id] = LinkedEntity(known.id, position)
        mention.mentions += max(0, int(entity.mentions or 0))
        if mention.role is None and entity.role and entity.role.strip():
            mention.role = " ".join(entity.role.split())
        for k, form in forms.items():
            mention.forms.setdefault(k, form)
    if upgraded:
        await db.executemany("UPDATE entities SET name = ?, key = ?, last_word = ? WHERE id = ?",
                             [(name, lookup.known[i].key, last_word(lookup.known[i].key), i)
                              for i, name in upgraded.items()])
    if created:
        real = await _create(db, guild_id, created)
        for mention in by_id.values():
            mention.entity_id = real.get(mention.entity_id, mention.entity_id)
        by_id = {m.entity_id: m for m in by_id.values()}
    speaker_ids = _speakers(lookup, by_id, speakers)
    return Links(sorted(by_id.values(), key=lambda m: m.position), speaker_ids)


def _prepare(entity: Entity) -> tuple[Entity, str, str, dict[str, str]] | None:
    name = clean_name(entity.name)
    key = name_key(name)
    if not key:
        return None
    forms = {key: name}
    for alias in entity.aliases or ():
        alias = clean_name(alias)
        k = name_key(alias)
        if k and k not in forms:
            forms[k] = alias
    return entity, name, key, forms


async def _lookup(db, guild_id: int, prepared, speakers: list[str]) -> _Lookup:
    """Guild entities whose canonical name is any key the brief uses, those
    with a brief entity's (or speaker's) name among their forms, and people
    with the surname of a one-word person. Aliases of the brief's entities
    are looked up among canonical names only: looking them up among forms
    would fetch every Costa or every "ISB" for nothing (rule 3 never uses it)."""
    names: set[str] = {k for k in (name_key(s) for s in speakers) if k}
    canonical: set[str] = set(names)
    single_people: set[str] = set()
    full_people: set[str] = set()
    for entity, _, key, forms in prepared:
        names.add(key)
        canonical.update(forms)
        if entity.type == "PERSON":
            if " " in key:
                canonical.add(last_word(key))  # a guild person known only by this surname
                full_people.add(last_word(key))
            else:
                single_people.add(key)
    # One query for all four kinds of candidate (a round trip per brief, not four).
    parts: list[str] = []
    params: list = []
    for chunk in _chunks(canonical):
        parts.append(f"SELECT 'c', key, id, type, key, briefs FROM entities "
                     f"WHERE guild_id = ? AND key IN ({_marks(chunk)})")
        params += [guild_id, *chunk]
    for chunk in _chunks(names):
        parts.append(f"SELECT 'f', a.key, e.id, e.type, e.key, e.briefs FROM aliases a "
                     f"JOIN entities e ON e.id = a.entity_id WHERE a.guild_id = ? AND a.key IN ({_marks(chunk)})")
        params += [guild_id, *chunk]
    for tag, people in (("s", single_people), ("n", full_people)):
        for chunk in _chunks(people):
            parts.append(f"SELECT '{tag}', last_word, id, type, key, briefs FROM entities "
                         f"WHERE guild_id = ? AND last_word IN ({_marks(chunk)}) AND type = 'PERSON' "
                         f"AND key != last_word")
            params += [guild_id, *chunk]
    lookup = _Lookup()
    if parts:
        _collect(lookup, await db.execute_fetchall(" UNION ALL ".join(parts), params))
    return lookup


def _chunks(keys: set[str]) -> list[list[str]]:
    ordered = sorted(keys)
    return [ordered[i:i + _CHUNK] for i in range(0, len(ordered), _CHUNK)]


def _marks(chunk: list[str]) -> str:
    return ",".join("?" * len(chunk))


def _collect(lookup: _Lookup, rows) -> None:
    table = {"c": lookup.canonical, "f": lookup.forms, "s": lookup.surnames, "n": lookup.namesakes}
    for tag, matched, entity_id, type_, key, briefs in rows:
        known = lookup.known.setdefault(entity_id, Known(entity_id, type_, key, briefs))
        lookup.add(table[tag], matched, known)


def _resolve(lookup: _Lookup, entity_type: str, key: str, forms: dict[str, str]) -> Known | None:
    cls = type_class(entity_type)

    def fitting(entries: list[Known]) -> dict[int, Known]:
        return {k.id: k for k in entries if type_class(k.type) == cls}

    same_name = fitting(lookup.canonical.get(key, []))
    if same_name:
        return max(same_name.values(), key=lambda k: k.briefs)
    named = fitting(lookup.forms.get(key, []))
    if named:
        return next(iter(named.values())) if len(named) == 1 else None  # several: we cannot tell which
    shorter = {i: k for form in forms if form != key for i, k in fitting(lookup.canonical.get(form, [])).items()}
    if len(shorter) == 1:
        return next(iter(shorter.values()))
    if entity_type == "PERSON" and not shorter:
        if " " not in key:
            people = [k for k in lookup.surnames.get(key, []) if k.type == "PERSON"]
        else:
            people = [k for k in lookup.canonical.get(last_word(key), []) if k.type == "PERSON"]
        if len(people) == 1:
            return people[0]
        if " " in key:
            same = {k.id: k for k in lookup.namesakes.get(last_word(key), [])
                    if k.type == "PERSON" and same_person_name(key, k.key)}
            if len(same) == 1:
                return next(iter(same.values()))
    return None


def same_person_name(a: str, b: str) -> bool:
    """Two full-name keys of one person: same first and last name, and middle names that
    do not contradict (one has none, or their initials agree: "h w" = "hw")."""
    wa, wb = a.split(), b.split()
    if a == b or len(wa) < 2 or len(wb) < 2 or wa[0] != wb[0] or wa[-1] != wb[-1]:
        return a == b
    ma, mb = wa[1:-1], wb[1:-1]
    return not ma or not mb or _initials(ma) == _initials(mb)


def _initials(words: list[str]) -> str:
    """"h w" and "hw" both give "hw"; "walker" gives "w"."""
    return "".join(w if len(w) <= 2 else w[0] for w in words)


def _upgrades(known: Known, entity_type: str, key: str, forms: dict[str, str]) -> bool:
    """An entity known by a short form alone ("Hegseth", "IMF") takes the
    fuller name of a brief that gives both."""
    if known.key == key or len(key.split()) <= len(known.key.split()):
        return False
    if known.key in forms:
        return True
    if entity_type != "PERSON" or known.type != "PERSON":
        return False
    return last_word(key) == known.key or same_person_name(key, known.key)


async def _create(db, guild_id: int, created: list[tuple[Known, str]]) -> dict[int, int]:
    """Insert the brief's new entities, a few hundred rows a statement; returns
    provisional id -> real id, and gives each Known its real id."""
    real: dict[int, int] = {}
    for i in range(0, len(created), _CHUNK // 5):
        chunk = created[i:i + _CHUNK // 5]
        rows = await db.execute_fetchall(
            "INSERT INTO entities (guild_id, type, name, key, last_word) VALUES "
            + ",".join(["(?, ?, ?, ?, ?)"] * len(chunk)) + " RETURNING id, type, key",
            [v for known, name in chunk for v in (guild_id, known.type, name, known.key, last_word(known.key))])
        # Rows are inserted in order, so ids ascend with it; the (type, key) check makes
        # sure of it rather than trusting the order RETURNING reports them in.
        ordered = sorted(rows)
        if [(t, k) for _, t, k in ordered] != [(known.type, known.key) for known, _ in chunk]:
            raise RuntimeError("new entity ids could not be matched to their rows")
        for (entity_id, _, _), (known, _) in zip(ordered, chunk):
            real[known.id] = int(entity_id)
            known.id = int(entity_id)
    return real


def _speakers(lookup: _Lookup, by_id: dict[int, LinkedEntity], speakers: list[str]) -> dict[str, int]:
    """Speaker name key -> entity: one of the brief's own entities, else the one
    guild entity with that name or form (which then counts as named by the brief)."""
    in_brief = {k: m.entity_id for m in by_id.values() for k in m.forms}
    out: dict[str, int] = {}
    for speaker in speakers:
        key = name_key(speaker)
        if not key or key in out:
            continue
        if key in in_brief:
            out[key] = in_brief[key]
            continue
        ids = {k.id for k in lookup.any_form(key)}
        if len(ids) == 1:
            entity_id = ids.pop()
            out[key] = entity_id
            if entity_id not in by_id:
                by_id[entity_id] = LinkedEntity(entity_id, position=len(by_id) + 10_000)
    return out
