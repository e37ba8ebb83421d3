"""Shared by the hostile-input tests: what people (or attackers) type, and a
fingerprint of a database file to prove that answering them changed nothing."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from handlers.core.context import Services

# The guilds of the populated database in conftest.py (not imported from there: every
# test folder has a module called conftest).
GUILD = 4242
OTHER_GUILD = 777


def make_services(store, extractor, **overrides) -> Services:
    return Services(store=store, extractor=extractor, **overrides)

# Words a member may type where a command expects text (a name, search words).
HOSTILE_TEXT = [
    "", "   ", "\t\n",
    "x" * 2000, "word " * 400, "Hegseth " * 250,  # 2,000 characters
    '"', '""', "'", "`", "```", "*", "threat*", "NEAR(", "NEAR(imminent threat, 3)", "AND", "OR", "NOT",
    "OR NOT", "imminent AND", "(", ")", "((imminent", "col:value", "title:China", "raw_text:Hegseth",
    "{text}: imminent", "^imminent", "-China", "+China", "imminent\"", '"imminent',
    "'; DROP TABLE articles; --", "Robert'); DROP TABLE statements;--", "1 OR 1=1", "%", "_", "\\", "%_%",
    "!!!...???", "—…«»", "-- /* */",
    "東京 北京", "Привет мир", "مرحبا بالعالم", "עברית", "हिन्दी", "ไทย",
    "🙂🙂", "👩‍👩‍👧 🇺🇦", "\u202eHegseth", "Heg\u200bseth", "\u200b", "\ufeff", "\x00", "\x1b[31mred", "\x07",
    "@everyone", "<@123>", "<@&456>", "||spoiler||", "**bold**", "[link](https://evil.example)",
    "by", "by by", "threat by", "by Hegseth by", "id:1", "id:99999999999999999999",
]

# Where a command expects a whole number (a brief id, a page, a number of days). None of
# them is a usable id, so `forget` and `watch` must refuse every one.
HOSTILE_NUMBERS = [
    "-1", "0", "-0", "00", str(10 ** 30), "9" * 40, "9" * 41, "9223372036854775808", "-9223372036854775809",
    "1.5", "1e3", "0x10", "NaN", "inf", "abc", "#", "#-1", "1 2", "½", "³", "<#0>", "<#-5>", "<@1>", "<@&1>",
    "🙂", "'; DROP TABLE articles; --", "x" * 2000,
]

# Tables whose rows must be exactly the same before and after a refused request.
def fingerprint(path: Path) -> dict[str, str]:
    """{table: hash of all its rows} for every table of the database, FTS shadow tables included."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            digest = hashlib.sha256()
            count = 0
            for row in db.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
                count += 1
            out[table] = f"{count}:{digest.hexdigest()[:16]}"
        return out
    finally:
        db.close()
