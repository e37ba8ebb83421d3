"""The database schema, as the list of migration steps that builds it.

This list is the one source of truth: step N (1-based) takes a database from
`PRAGMA user_version` N-1 to N. Never edit a released step; append a new one.

Large columns come last in each table so the small ones a listing reads stay
on the row's first page. FTS5 tables use external content (no second copy of
the text) kept in sync by triggers, and index a `scope` column of tokens
(`g<guild>`, `s<speaker entity>`) so a search is limited to one guild (and one
speaker) inside the full-text index itself.
"""
from __future__ import annotations

import sqlite3

TOKENIZER = "porter unicode61 remove_diacritics 2"

_V1 = f"""
CREATE TABLE guilds (
    guild_id   INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL DEFAULT 0,  -- bumped by every write; tells caches they are stale
    briefs     INTEGER NOT NULL DEFAULT 0,
    statements INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- ids are never reused after a delete
    guild_id        INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT,
    title           TEXT NOT NULL,
    source          TEXT,
    source_key      TEXT,      -- normalised URL (dedup); NULL for anything else
    jump_url        TEXT,
    message_id      INTEGER,
    channel_id      INTEGER,
    author_id       INTEGER,
    fingerprint     BLOB NOT NULL,  -- normalised text hash (dedup)
    entity_count    INTEGER NOT NULL DEFAULT 0,
    statement_count INTEGER NOT NULL DEFAULT 0,
    truncated       INTEGER NOT NULL DEFAULT 0,
    raw_text        TEXT NOT NULL,  -- as posted; Brief.text is extract.clean_text of it
    sections        TEXT NOT NULL DEFAULT '[]',
    insights        TEXT NOT NULL DEFAULT '[]',
    scope           TEXT GENERATED ALWAYS AS ('g' || guild_id) VIRTUAL
);
CREATE INDEX articles_guild ON articles (guild_id, id);
CREATE INDEX articles_created ON articles (guild_id, created_at);
CREATE INDEX articles_fingerprint ON articles (guild_id, fingerprint);
CREATE INDEX articles_source ON articles (guild_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX articles_message ON articles (guild_id, message_id) WHERE message_id IS NOT NULL;

CREATE TABLE entities (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id  INTEGER NOT NULL,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    key       TEXT NOT NULL,   -- normalize.name_key(name)
    last_word TEXT NOT NULL,   -- surname, for linking a bare "Hegseth"
    briefs    INTEGER NOT NULL DEFAULT 0,
    mentions  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_key ON entities (guild_id, key);
CREATE INDEX entities_last_word ON entities (guild_id, last_word);
CREATE INDEX entities_popular ON entities (guild_id, briefs DESC);

-- Every surface form seen for an entity, counted by brief so a forgotten
-- brief takes its forms with it.
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    guild_id  INTEGER NOT NULL,
    alias     TEXT NOT NULL,
    briefs    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases (guild_id, key);

CREATE TABLE roles (
    entity_id      INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    key            TEXT NOT NULL,
    role           TEXT NOT NULL,
    briefs         INTEGER NOT NULL DEFAULT 0,
    first_brief_id INTEGER NOT NULL,
    PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;

-- Which entities a brief names, with what it said about them.
CREATE TABLE brief_entities (
    brief_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    position  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL DEFAULT 0,
    role      TEXT,
    keys      TEXT NOT NULL,   -- name/alias keys this brief counted in `aliases`, joined by U+001F
    PRIMARY KEY (brief_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX brief_entities_entity ON brief_entities (entity_id, brief_id);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL,
    brief_id          INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_entity_id INTEGER REFERENCES entities (id),
    kind              TEXT NOT NULL,
    start             INTEGER NOT NULL DEFAULT 0,
    "end"             INTEGER NOT NULL DEFAULT 0,
    speaker_name      TEXT,
    text              TEXT NOT NULL,
    scope             TEXT GENERATED ALWAYS AS ('g' || guild_id || ' s' || ifnull(speaker_entity_id, 0)) VIRTUAL
);
CREATE INDEX statements_brief ON statements (brief_id);
CREATE INDEX statements_speaker ON statements (speaker_entity_id, brief_id DESC, id)
    WHERE speaker_entity_id IS NOT NULL;

CREATE TABLE watched_channels (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, raw_text, scope, content='articles', content_rowid='id', tokenize='{TOKENIZER}'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, raw_text, scope)
    VALUES (new.id, new.title, new.raw_text, 'g' || new.guild_id);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, raw_text, scope)
    VALUES ('delete', old.id, old.title, old.raw_text, 'g' || old.guild_id);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, raw_text, guild_id ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, raw_text, scope)
    VALUES ('delete', old.id, old.title, old.raw_text, 'g' || old.guild_id);
    INSERT INTO articles_fts (rowid, title, raw_text, scope)
    VALUES (new.id, new.title, new.raw_text, 'g' || new.guild_id);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    text, scope, content='statements', content_rowid='id', tokenize='{TOKENIZER}'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text, scope)
    VALUES (new.id, new.text, 'g' || new.guild_id || ' s' || ifnull(new.speaker_entity_id, 0));
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text, scope)
    VALUES ('delete', old.id, old.text, 'g' || old.guild_id || ' s' || ifnull(old.speaker_entity_id, 0));
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF text, guild_id, speaker_entity_id ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text, scope)
    VALUES ('delete', old.id, old.text, 'g' || old.guild_id || ' s' || ifnull(old.speaker_entity_id, 0));
    INSERT INTO statements_fts (rowid, text, scope)
    VALUES (new.id, new.text, 'g' || new.guild_id || ' s' || ifnull(new.speaker_entity_id, 0));
END;
"""

# Counters `stats` reads instead of counting entities, kept by triggers so every
# write path (linking, forgetting, moderators' merges) updates them in its own
# transaction; and a log of the entities each write generation touched, so a
# name index in another process catches up with the changes instead of reloading.
_V2 = """
ALTER TABLE guilds ADD COLUMN entities INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guilds ADD COLUMN people INTEGER NOT NULL DEFAULT 0;
UPDATE guilds SET
    entities = (SELECT count(*) FROM entities e WHERE e.guild_id = guilds.guild_id),
    people = (SELECT count(*) FROM entities e WHERE e.guild_id = guilds.guild_id AND e.type = 'PERSON');
CREATE TRIGGER entities_counted_insert AFTER INSERT ON entities BEGIN
    INSERT INTO guilds (guild_id, entities, people) VALUES (new.guild_id, 1, new.type = 'PERSON')
    ON CONFLICT (guild_id) DO UPDATE SET entities = entities + 1, people = people + (new.type = 'PERSON');
END;
CREATE TRIGGER entities_counted_delete AFTER DELETE ON entities BEGIN
    UPDATE guilds SET entities = entities - 1, people = people - (old.type = 'PERSON')
    WHERE guild_id = old.guild_id;
END;
CREATE TRIGGER entities_counted_update AFTER UPDATE OF type, guild_id ON entities BEGIN
    UPDATE guilds SET entities = entities - 1, people = people - (old.type = 'PERSON')
    WHERE guild_id = old.guild_id;
    INSERT INTO guilds (guild_id, entities, people) VALUES (new.guild_id, 1, new.type = 'PERSON')
    ON CONFLICT (guild_id) DO UPDATE SET entities = entities + 1, people = people + (new.type = 'PERSON');
END;

CREATE TABLE name_changes (
    guild_id   INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, generation, entity_id)
) WITHOUT ROWID;
"""

# Moderators' tools: corrections kept as rules of the guild and re-applied to the
# extractor's own output (kept per brief in `extraction`) at every save; forgotten
# briefs kept for a while so `!forget` can be undone; an audit log; per-guild settings.
_V3_CURATION = """
ALTER TABLE articles ADD COLUMN extraction TEXT;  -- entities and statements as extracted, before corrections
ALTER TABLE entities ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;  -- a `hide` rule names it
CREATE INDEX entities_hidden ON entities (guild_id) WHERE hidden = 1;

CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id   INTEGER NOT NULL,
    kind       TEXT NOT NULL,     -- merge | rename | retype | hide | attribute
    subject    TEXT NOT NULL,     -- what it corrects, as the moderator saw it
    keys       TEXT NOT NULL,     -- JSON list of the name keys (or statement text key) it applies to
    brief_id   INTEGER,           -- attribute: the brief of the statement
    name       TEXT,              -- merge: the entity kept; rename: the new name; attribute: the speaker
    type       TEXT,              -- merge: the kept entity's type; retype: the new type
    created_by INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_guild ON corrections (guild_id, id);

CREATE TABLE forgotten (
    brief_id     INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    forgotten_at TEXT NOT NULL,
    forgotten_by INTEGER,
    title        TEXT NOT NULL,
    saved        TEXT NOT NULL     -- JSON: the article row and its statement ids
);
CREATE INDEX forgotten_guild ON forgotten (guild_id, forgotten_at);

CREATE TABLE changes (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER NOT NULL,
    at       TEXT NOT NULL,
    user_id  INTEGER,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL,
    before   TEXT,
    after    TEXT
);
CREATE INDEX changes_guild ON changes (guild_id, id);

CREATE TABLE guild_settings (
    guild_id INTEGER NOT NULL,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (guild_id, name)
) WITHOUT ROWID;
"""

# A `reindex` in progress: the last brief id re-read and saved (NULL when none is under
# way), written in the same transaction as that batch, so a stopped reindex resumes.
_V4_REINDEX_CHECKPOINT = """
ALTER TABLE guilds ADD COLUMN reindex_after INTEGER;
"""

# Feeds a server follows, with each feed's polling state (validators for
# conditional requests, failures for the backoff); the items already read, so
# a repeated item is skipped and an edited one updates its brief; and members'
# alerts: what each follows (an entity or a keyword) and the server's switch.
_V5_FEEDS = """
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    url           TEXT NOT NULL,
    channel_id    INTEGER,            -- where new items are posted; NULL: indexed quietly
    added_by      INTEGER,
    added_at      TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    etag          TEXT,
    last_modified TEXT,
    last_success  TEXT,
    last_error    TEXT,
    last_error_at TEXT,
    items_seen    INTEGER NOT NULL DEFAULT 0,
    failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive
    paused        INTEGER NOT NULL DEFAULT 0,
    paused_reason TEXT,
    next_poll     TEXT NOT NULL,
    UNIQUE (guild_id, url)
);
CREATE INDEX feeds_due ON feeds (next_poll) WHERE paused = 0;

CREATE TABLE feed_items (
    feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key  TEXT NOT NULL,
    version   TEXT NOT NULL,
    brief_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    published TEXT,
    PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;
CREATE INDEX feed_items_brief ON feed_items (brief_id) WHERE brief_id IS NOT NULL;

-- An entity is followed by the key of its canonical name (entities.key), not
-- its id: a reindex or a moderator's merge gives entities new ids.
CREATE TABLE follows (
    id       INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    kind     TEXT NOT NULL,          -- 'entity' | 'keyword'
    key      TEXT NOT NULL,          -- entities.key, or the keyword's name_key
    label    TEXT NOT NULL,          -- as shown: the entity's name or the word
    UNIQUE (guild_id, user_id, kind, key)
);
CREATE INDEX follows_key ON follows (guild_id, kind, key);

CREATE TABLE alert_settings (
    guild_id   INTEGER PRIMARY KEY,
    enabled    INTEGER NOT NULL DEFAULT 1,
    channel_id INTEGER              -- NULL: alerts arrive as direct messages
);
"""

# Publication dates (issue 14): when a brief was published and how that is known
# ("metadata" of its page, its text's "dateline", a "relative" day against the
# posting date, the message's "posted" time, or the time it was "ingested").
# ISO 8601: a day ("2008-03-17") or a UTC time; both sort as text.
_V6_PUBLICATION_DATES = """
ALTER TABLE articles ADD COLUMN published_at TEXT;
ALTER TABLE articles ADD COLUMN date_source TEXT;
UPDATE articles SET published_at = created_at, date_source = 'ingested';
CREATE INDEX articles_published ON articles (guild_id, published_at, id);
"""

# Follows keyed by entity id (issue 15): a key is a name, so a moderator's `rename` or
# `merge` lost the follow. Linking gives entities new ids when their briefs are re-linked
# (after a rename or merge, or a forgotten brief): the entity's row is deleted, the follow's
# entity_id set NULL, and the store attaches it again (store/feeds.find_lost_follows) to the
# entity now known by the follow's `key` (the followed entity's last key: its name or, after
# a rename or merge, one of its aliases). Existing rows find their entity by that key; one
# found by none waits, lost, for a brief that names it.
_V7_FOLLOWS_BY_ENTITY = """
CREATE TABLE follows_v7 (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    kind      TEXT NOT NULL,          -- 'entity' | 'keyword'
    entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,  -- entity: what is followed (NULL: lost)
    key       TEXT NOT NULL,          -- keyword: its name_key; entity: the key of the entity last followed
    label     TEXT NOT NULL           -- as shown when the entity is lost: its last name, or the word
);
INSERT INTO follows_v7 (id, guild_id, user_id, kind, entity_id, key, label)
SELECT f.id, f.guild_id, f.user_id, f.kind,
       CASE WHEN f.kind = 'entity' THEN (SELECT e.id FROM entities e WHERE e.guild_id = f.guild_id AND e.key = f.key
                                         ORDER BY e.briefs DESC, e.id LIMIT 1) END,
       f.key, f.label
FROM follows f;
DROP TABLE follows;
ALTER TABLE follows_v7 RENAME TO follows;
CREATE UNIQUE INDEX follows_one_keyword ON follows (guild_id, user_id, key) WHERE kind = 'keyword';
CREATE UNIQUE INDEX follows_one_entity ON follows (guild_id, user_id, entity_id) WHERE kind = 'entity';
CREATE INDEX follows_entity ON follows (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX follows_lost ON follows (guild_id) WHERE kind = 'entity' AND entity_id IS NULL;
"""

# Scheduled digests (issue 14): the latest slot (the time a server's digest was due,
# ISO, UTC) posted, or owed nothing when the setting was made; a digest missed while the
# bot was down is posted once when it starts, and never twice (store/digests.py).
_V8_DIGESTS_SENT = """
CREATE TABLE digests_sent (
    guild_id INTEGER PRIMARY KEY,
    slot     TEXT NOT NULL
);
"""

# Publication dates beside the links (issue 12): a profile's first and last seen, latest
# briefs and latest statements are ordered by publication date; reading that date from
# each brief's (wide) article row made `who` slow for an entity named in thousands of
# briefs. Kept equal to the article's by the writes (store/writes.py) and by `redate`; the speaker
# index gains the date and replaces statements_speaker.
# Portable SQL: PostgreSQL runs the same script as its step 2.
DATES_ON_LINKS = """
ALTER TABLE brief_entities ADD COLUMN published_at TEXT;
UPDATE brief_entities SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = brief_entities.brief_id);
CREATE INDEX brief_entities_published ON brief_entities (entity_id, published_at, brief_id);
ALTER TABLE statements ADD COLUMN published_at TEXT;
UPDATE statements SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = statements.brief_id);
DROP INDEX statements_speaker;
CREATE INDEX statements_speaker_published ON statements (speaker_entity_id, published_at DESC, brief_id DESC, id)
    WHERE speaker_entity_id IS NOT NULL;
"""

# Links counted by blocks of brief ids (issue 17): `trending` counts each popular entity's
# briefs in a window of the newest ids. Counting its links one by one grows with the window
# (20,000 briefs at most: 40,000 index entries for its top 40 entities at 100,000 briefs);
# summing the whole blocks inside the window and counting links only in the block where it
# starts reads a few rows per entity (store/reads.py). Kept by triggers, so every write path
# (saves, edits, merges, forgetting, a brief's cascade) keeps it right; a test compares it
# with the links after each kind of write.
LINK_BLOCK = 1024  # brief ids per block
# The statements both backends run, in SQLite's triggers and PostgreSQL's trigger function
# (store/pg/schema.py): fill the table from the links, count a link out of its block
# (`old`, a block left empty goes), count one into its block (`new`).
FILL_LINK_BLOCKS = f"""INSERT INTO entity_blocks (entity_id, block, briefs)
    SELECT entity_id, brief_id / {LINK_BLOCK}, count(*) FROM brief_entities GROUP BY entity_id, brief_id / {LINK_BLOCK};"""
UNCOUNT_LINK = f"""UPDATE entity_blocks SET briefs = briefs - 1 WHERE entity_id = old.entity_id AND block = old.brief_id / {LINK_BLOCK};
    DELETE FROM entity_blocks WHERE entity_id = old.entity_id AND block = old.brief_id / {LINK_BLOCK} AND briefs <= 0;"""
COUNT_LINK = f"""INSERT INTO entity_blocks (entity_id, block, briefs) VALUES (new.entity_id, new.brief_id / {LINK_BLOCK}, 1)
        ON CONFLICT (entity_id, block) DO UPDATE SET briefs = entity_blocks.briefs + 1;"""
_V10_LINK_BLOCKS = f"""
CREATE TABLE entity_blocks (
    entity_id INTEGER NOT NULL,
    block     INTEGER NOT NULL,  -- brief_id / {LINK_BLOCK}
    briefs    INTEGER NOT NULL,
    PRIMARY KEY (entity_id, block)
) WITHOUT ROWID;
{FILL_LINK_BLOCKS}
CREATE TRIGGER entity_blocks_insert AFTER INSERT ON brief_entities BEGIN
    {COUNT_LINK}
END;
CREATE TRIGGER entity_blocks_delete AFTER DELETE ON brief_entities BEGIN
    {UNCOUNT_LINK}
END;
CREATE TRIGGER entity_blocks_update AFTER UPDATE OF entity_id, brief_id ON brief_entities BEGIN
    {UNCOUNT_LINK}
    {COUNT_LINK}
END;
"""

# Step N brings user_version N-1 to N.
MIGRATIONS: list[str] = [_V1, _V2, _V3_CURATION, _V4_REINDEX_CHECKPOINT, _V5_FEEDS, _V6_PUBLICATION_DATES,
                         _V7_FOLLOWS_BY_ENTITY, _V8_DIGESTS_SENT, DATES_ON_LINKS, _V10_LINK_BLOCKS]
SCHEMA_VERSION = len(MIGRATIONS)


def statements_of(script: str) -> list[str]:
    """Split a migration script into single statements (triggers contain `;`),
    so a step can run inside one explicit transaction."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete statement in migration: {current[:80]!r}")
    return out
